//! `pegawai`: employees as they are now. The NIP encodes the birth date,
//! the gender and (for a PNS) the month of appointment as CPNS, so the row's
//! own values for them must agree with it.

use talenta_domain::eligibility::StatusKepegawaian;
use talenta_domain::nip::Appointment;
use talenta_domain::personnel::{GolonganAsn, Pegawai};
use talenta_domain::{BidangIlmu, Gender, TingkatPendidikan};

use super::{Kind, RecordKind, Reference, Row, RowReader, Target};
use crate::record::{Column, Record, RowError};
use crate::values::{format_date, parse_code, parse_date, parse_nip};

columns! {
    NIP: Column::required("nipBaru"),
    NAMA: Column::required("nama").max(100),
    GELAR_DEPAN: Column::optional("gelarDepan").max(30),
    GELAR_BELAKANG: Column::optional("gelarBelakang").max(30),
    JENIS_KELAMIN: Column::required("jenisKelamin"),
    TEMPAT_LAHIR: Column::optional("tempatLahir").max(100),
    TGL_LAHIR: Column::required("tglLahir"),
    STATUS: Column::required("statusPegawai"),
    GOLONGAN: Column::optional("golRuangAkhir"),
    TMT_GOLONGAN: Column::optional("tmtGolAkhir"),
    JABATAN: Column::optional("jabatanId"),
    TMT_JABATAN: Column::optional("tmtJabatan"),
    UNOR: Column::required("unorId"),
    PENDIDIKAN: Column::optional("tkPendidikanTerakhir"),
    BIDANG_ILMU: Column::optional("bidangIlmu"),
    TMT_CPNS: Column::optional("tmtCpns"),
    TMT_PNS: Column::optional("tmtPns"),
    AGAMA: Column::optional("agama"),
    DAERAH_ASAL: Column::optional("daerahAsal"),
    EMAIL: Column::optional("email").max(100),
    NO_HP: Column::optional("noHp").max(30),
}

impl RecordKind for Pegawai {
    const KIND: Kind = Kind::Pegawai;
    const COLUMNS: &'static [Column] = COLUMNS;
    /// The NIP's digits: the same number is one person whether it reads as
    /// a PNS NIP or an NI PPPK.
    type Key = String;

    fn key(&self) -> String {
        self.nip.as_str().to_owned()
    }

    fn parse(record: &Record) -> Result<Pegawai, Vec<RowError>> {
        RowReader::parse(record, |row| {
            let status = row.req(STATUS, parse_code::<StatusKepegawaian>);
            // A PPPK's NI PPPK can look like a PNS NIP: the status says which.
            let nip = row.req(NIP, |text| {
                parse_nip(text, status.map(StatusKepegawaian::asn_kind))
            });
            let nama = row.text(NAMA);
            let gelar_depan = row.opt_text(GELAR_DEPAN);
            let gelar_belakang = row.opt_text(GELAR_BELAKANG);
            let jenis_kelamin = row.req(JENIS_KELAMIN, parse_code::<Gender>);
            let tempat_lahir = row.opt_text(TEMPAT_LAHIR);
            let tanggal_lahir = row.req(TGL_LAHIR, parse_date);
            let golongan = row.opt(GOLONGAN, parse_code::<GolonganAsn>);
            let tmt_golongan = row.opt(TMT_GOLONGAN, parse_date);
            let jabatan = row.opt_text(JABATAN);
            let tmt_jabatan = row.opt(TMT_JABATAN, parse_date);
            let opd = row.text(UNOR);
            let pendidikan = row.opt(PENDIDIKAN, parse_code::<TingkatPendidikan>);
            let bidang_ilmu = row.opt(BIDANG_ILMU, |text| Ok(BidangIlmu::new(text)));
            let tmt_cpns = row.opt(TMT_CPNS, parse_date);
            let tmt_pns = row.opt(TMT_PNS, parse_date);
            let agama = row.opt_text(AGAMA);
            let daerah_asal = row.opt_text(DAERAH_ASAL);
            let email = row.opt_text(EMAIL);
            let no_hp = row.opt_text(NO_HP);

            if let Some(nip) = nip {
                if let Some(lahir) = tanggal_lahir
                    && lahir != nip.birth_date()
                {
                    row.fail(
                        TGL_LAHIR,
                        format!(
                            "does not match the NIP's birth date {}",
                            format_date(nip.birth_date())
                        ),
                    );
                }
                if let Some(gender) = jenis_kelamin
                    && gender != nip.gender()
                {
                    row.fail(
                        JENIS_KELAMIN,
                        format!("does not match the NIP's gender {}", nip.gender()),
                    );
                }
                if let (Some(Some(tmt)), Appointment::Cpns { year, month }) =
                    (tmt_cpns, nip.appointment())
                    && (tmt.year(), tmt.month()) != (year, month)
                {
                    row.fail(
                        TMT_CPNS,
                        format!(
                            "not in the NIP's TMT CPNS month {year:04}-{:02}",
                            u8::from(month)
                        ),
                    );
                }
            }
            match (status, golongan) {
                (Some(StatusKepegawaian::Pppk), Some(Some(GolonganAsn::Pns(_)))) => row.fail(
                    GOLONGAN,
                    "a PPPK has a PPPK golongan I to XVII, not a golongan/ruang",
                ),
                (
                    Some(StatusKepegawaian::Pns | StatusKepegawaian::Cpns),
                    Some(Some(GolonganAsn::Pppk(_))),
                ) => row.fail(
                    GOLONGAN,
                    "a PNS or CPNS has a golongan/ruang I/a to IV/e, not a PPPK golongan",
                ),
                _ => {}
            }

            Some(Pegawai {
                nip: nip?,
                nama: nama?,
                gelar_depan: gelar_depan?,
                gelar_belakang: gelar_belakang?,
                jenis_kelamin: jenis_kelamin?,
                tempat_lahir: tempat_lahir?,
                tanggal_lahir: tanggal_lahir?,
                status: status?,
                golongan: golongan?,
                tmt_golongan: tmt_golongan?,
                jabatan: jabatan?,
                tmt_jabatan: tmt_jabatan?,
                opd: opd?,
                pendidikan: pendidikan?,
                bidang_ilmu: bidang_ilmu?,
                tmt_cpns: tmt_cpns?,
                tmt_pns: tmt_pns?,
                agama: agama?,
                daerah_asal: daerah_asal?,
                email: email?,
                no_hp: no_hp?,
            })
        })
    }

    fn write_row(&self, row: &mut Row) {
        row.text(self.nip.as_str());
        row.text(&self.nama);
        row.opt_text(self.gelar_depan.as_deref());
        row.opt_text(self.gelar_belakang.as_deref());
        row.text(self.jenis_kelamin.code());
        row.opt_text(self.tempat_lahir.as_deref());
        row.date(self.tanggal_lahir);
        row.text(self.status.label());
        row.opt_text(self.golongan.map(GolonganAsn::code));
        row.opt_date(self.tmt_golongan);
        row.opt_text(self.jabatan.as_deref());
        row.opt_date(self.tmt_jabatan);
        row.text(&self.opd);
        row.opt_text(self.pendidikan.map(TingkatPendidikan::code));
        row.opt_text(self.bidang_ilmu.as_ref().map(BidangIlmu::as_str));
        row.opt_date(self.tmt_cpns);
        row.opt_date(self.tmt_pns);
        row.opt_text(self.agama.as_deref());
        row.opt_text(self.daerah_asal.as_deref());
        row.opt_text(self.email.as_deref());
        row.opt_text(self.no_hp.as_deref());
    }

    fn references(&self) -> Vec<Reference> {
        let mut references = vec![Reference::new(UNOR, Target::Opd, &self.opd)];
        references.extend(
            self.jabatan
                .iter()
                .map(|jabatan| Reference::new(JABATAN, Target::Jabatan, jabatan)),
        );
        references
    }

    fn provides(&self) -> Option<(Target, &str)> {
        Some((Target::Pegawai, self.nip.as_str()))
    }
}
