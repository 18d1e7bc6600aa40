//! The talent cycle's tables (migration 0005): the state of each period,
//! the committee's calibrations, the talent pools frozen when a period
//! closes, and individual development plans. Each is a [`Stored`] row
//! written with [`WriteTx::upsert`] and pointing at its change-log entry.
//! The final map (migration 0016) is read through [`FinalRow`].

use talenta_domain::cycle::StatusPeriode;
use talenta_domain::development::{JenisPengembangan, StatusIdp};
use talenta_domain::jabatan::Jenjang;
use talenta_domain::kompetensi::{Kompetensi, Level};
use talenta_domain::personnel::Jabatan;
use talenta_domain::pool::PoolKind;
use talenta_domain::{Kotak, Nip, Periode, Score};
use time::{Date, OffsetDateTime};

use crate::lists::by_talent;
use crate::records::{self, stored};
use crate::stored::{Stored, View, WriteTx, column_list};
use crate::value::Value;
use crate::{Columns, Db, InLinePerson, SnapshotRow, StorageError};

/// Who a pool or a succession plan reads in a period: the people whose
/// final box (calibrated, else computed) is one of `boxes` and, when
/// `jenjang` is given, whose current position is of one of those jenjang.
/// A superset of those the domain puts in line; the domain decides.
#[derive(Debug, Clone, Copy)]
pub struct InLine<'a> {
    pub periode: &'a str,
    pub boxes: &'a [Kotak],
    pub jenjang: Option<&'a [Jenjang]>,
}

/// Room for every jenjang there is.
const JENJANG_SLOTS: usize = Jenjang::ALL.len();

/// The state of one period of the cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodeRow {
    pub periode: Periode,
    pub status: StatusPeriode,
    pub dibuka_at: OffsetDateTime,
    pub dibuka_oleh: String,
    pub ditutup_at: Option<OffsetDateTime>,
    pub ditutup_oleh: Option<String>,
    /// The rule set of the period's latest map, by id and fingerprint.
    pub rule_set: Option<String>,
    pub rule_set_fingerprint: Option<String>,
}

impl PeriodeRow {
    /// A period opened at `at` by `by`, with no map yet.
    pub fn opened(periode: Periode, at: OffsetDateTime, by: &str) -> PeriodeRow {
        PeriodeRow {
            periode,
            status: StatusPeriode::Terbuka,
            dibuka_at: at,
            dibuka_oleh: by.to_owned(),
            ditutup_at: None,
            ditutup_oleh: None,
            rule_set: None,
            rule_set_fingerprint: None,
        }
    }
}

stored! {
    PeriodeRow in "periode_talenta", key 1 {
        periode: "periode" Text,
        status: "status" Text,
        dibuka_at: "dibuka_at" Int,
        dibuka_oleh: "dibuka_oleh" Text,
        ditutup_at: "ditutup_at" Int,
        ditutup_oleh: "ditutup_oleh" Text,
        rule_set: "rule_set" Text,
        rule_set_fingerprint: "rule_set_fingerprint" Text,
    }
}

/// The committee's calibration of one person in one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KalibrasiRow {
    pub periode: Periode,
    pub nip: Nip,
    /// The computed box.
    pub kotak_awal: Kotak,
    /// The box the committee set.
    pub kotak_akhir: Kotak,
    pub alasan: String,
    pub oleh: String,
    pub at: OffsetDateTime,
}

stored! {
    KalibrasiRow in "kalibrasi", key 2 {
        periode: "periode" Text,
        nip: "nip" Text,
        kotak_awal: "kotak_awal" Int,
        kotak_akhir: "kotak_akhir" Int,
        alasan: "alasan" Text,
        oleh: "oleh" Text,
        at: "at" Int,
    }
}

/// One person of a period's map as every page shows them: the map's row
/// (with the computed box, `map.kotak`), the final box, and the
/// calibration behind a difference. Read from the view
/// `peta_talenta_final` (migration 0016), the one definition of the final
/// box: the computed box unless a calibration overrides it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinalRow {
    pub map: SnapshotRow,
    /// The box after calibration.
    pub final_box: Option<Kotak>,
    pub calibration: Option<Calibrated>,
}

/// A calibration as the final map shows it: the computed box the committee
/// calibrated from, the reason, who and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calibrated {
    pub kotak_awal: Kotak,
    pub alasan: String,
    pub oleh: String,
    pub at: OffsetDateTime,
}

stored! {
    view FinalRow in "peta_talenta_final", key 2 {
        ..map: SnapshotRow,
        final_box: "kotak_final" Int,
        calibration: "kotak_awal" Int & "alasan" Text & "oleh" Text & "at" Int,
    }
}

/// The four columns of a calibration, NULL together for a person the
/// committee did not calibrate (the view's outer join).
impl records::Field for Option<Calibrated> {
    fn push(&self, out: &mut Vec<Value>) {
        use records::Field;
        let calibrated = self.as_ref();
        Field::push(&calibrated.map(|c| c.kotak_awal), out);
        Field::push(&calibrated.map(|c| c.alasan.clone()), out);
        Field::push(&calibrated.map(|c| c.oleh.clone()), out);
        Field::push(&calibrated.map(|c| c.at), out);
    }
    fn read(row: &mut Columns) -> Result<Self, StorageError> {
        use records::Field;
        let kotak_awal: Option<Kotak> = Field::read(row)?;
        let alasan: Option<String> = Field::read(row)?;
        let oleh: Option<String> = Field::read(row)?;
        let at: Option<OffsetDateTime> = Field::read(row)?;
        match (kotak_awal, alasan, oleh, at) {
            (Some(kotak_awal), Some(alasan), Some(oleh), Some(at)) => Ok(Some(Calibrated {
                kotak_awal,
                alasan,
                oleh,
                at,
            })),
            (None, None, None, None) => Ok(None),
            partial => Err(row.corrupt(
                "kotak_awal",
                format!("{partial:?}"),
                "a calibration with some of its columns NULL".into(),
            )),
        }
    }
}

/// A member of a talent pool as frozen when its period closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KrsRow {
    pub periode: Periode,
    pub target: Jenjang,
    pub jenis: PoolKind,
    pub peringkat: u32,
    pub nip: Nip,
    pub nama: String,
    pub opd: String,
    pub kotak: Kotak,
    pub nilai_talenta: Score,
}

stored! {
    KrsRow in "krs", key 4 {
        periode: "periode" Text,
        target: "target" Text,
        jenis: "jenis" Text,
        peringkat: "peringkat" Int,
        nip: "nip" Text,
        nama: "nama" Text,
        opd: "opd" Text,
        kotak: "kotak" Int,
        nilai_talenta: "nilai_talenta" Int,
    }
}

/// One activity of an individual development plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdpRow {
    pub nip: Nip,
    /// The target position (a jabatan code).
    pub jabatan_target: String,
    /// Numbered from 1 within the person's plan for the target.
    pub nomor: u32,
    pub kompetensi: Kompetensi,
    pub level_saat_ini: Option<Level>,
    pub level_target: Level,
    pub jenis: JenisPengembangan,
    pub kegiatan: String,
    pub target_selesai: Option<Date>,
    pub status: StatusIdp,
    pub catatan: Option<String>,
    pub diubah_oleh: String,
    pub diubah_at: OffsetDateTime,
}

stored! {
    IdpRow in "idp", key 3 {
        nip: "nip" Text,
        jabatan_target: "jabatan_target" Text,
        nomor: "nomor" Int,
        kompetensi: "kompetensi" Text,
        level_saat_ini: "level_saat_ini" Int,
        level_target: "level_target" Int,
        jenis: "jenis" Text,
        kegiatan: "kegiatan" Text,
        target_selesai: "target_selesai" Date,
        status: "status" Text,
        catatan: "catatan" Text,
        diubah_oleh: "diubah_oleh" Text,
        diubah_at: "diubah_at" Int,
    }
}

impl WriteTx {
    /// The state of a period as seen inside this transaction, so that a
    /// check and the write that depends on it cannot interleave with
    /// another writer.
    pub async fn periode_state(
        &mut self,
        instansi_id: i64,
        periode: &str,
    ) -> Result<Option<PeriodeRow>, StorageError> {
        let sql = format!(
            "SELECT {} FROM {} WHERE instansi_id = $1 AND periode = $2",
            column_list::<PeriodeRow>(),
            <PeriodeRow as Stored>::TABLE
        );
        Ok(self
            .fetch(sql, vec![Value::int(instansi_id), Value::text(periode)])
            .await?
            .pop())
    }
}

impl Db {
    /// The key positions (jabatan kunci) of an instansi, by code: the
    /// positions that need a succession plan, read without the others.
    pub async fn key_positions(&self, instansi_id: i64) -> Result<Vec<Jabatan>, StorageError> {
        let sql = format!(
            "SELECT {} FROM {} WHERE instansi_id = $1 AND kunci ORDER BY kode",
            column_list::<Jabatan>(),
            <Jabatan as Stored>::TABLE
        );
        self.fetch_records(sql, vec![Value::int(instansi_id)]).await
    }

    /// The positions of an instansi of any of `jenjang`, by code, found
    /// through the index by jenjang: the structural positions without the
    /// others.
    pub async fn positions_of(
        &self,
        instansi_id: i64,
        jenjang: &[Jenjang],
    ) -> Result<Vec<Jabatan>, StorageError> {
        let sql = format!(
            "SELECT {} FROM {} WHERE instansi_id = $1 AND jenjang IN ({}) ORDER BY kode",
            column_list::<Jabatan>(),
            <Jabatan as Stored>::TABLE,
            self.json_list("$2")
        );
        let codes: Vec<&str> = jenjang.iter().map(|j| j.code()).collect();
        self.fetch_records(
            sql,
            vec![
                Value::int(instansi_id),
                Value::text(crate::stored::json_list_text(&codes)),
            ],
        )
        .await
    }
}

impl Db {
    /// The state of one period, if it was opened.
    pub async fn periode_state(
        &self,
        instansi_id: i64,
        periode: &str,
    ) -> Result<Option<PeriodeRow>, StorageError> {
        Ok(self.range_of(instansi_id, periode, periode).await?.pop())
    }

    /// Every period of an instansi, oldest first.
    pub async fn periode_states(&self, instansi_id: i64) -> Result<Vec<PeriodeRow>, StorageError> {
        let mut all = Vec::new();
        self.read_all(instansi_id, |row| {
            all.push(row);
            Ok(())
        })
        .await?;
        Ok(all)
    }

    /// The map of a period with every calibration applied, in the order of
    /// talent ([`crate::lists`]'s `by_talent!`, the keys of
    /// `talenta_domain::cycle::by_talent`).
    pub async fn final_map(
        &self,
        instansi_id: i64,
        periode: Periode,
    ) -> Result<Vec<FinalRow>, StorageError> {
        let sql = format!(
            "SELECT {} FROM {} t WHERE instansi_id = $1 AND periode = $2 ORDER BY {}",
            column_list::<FinalRow>(),
            FinalRow::TABLE,
            by_talent!()
        );
        self.fetch_records(
            sql,
            vec![Value::int(instansi_id), Value::text(periode.to_string())],
        )
        .await
    }

    /// A person's final rows in every mapped period, oldest first: their
    /// box history.
    pub async fn final_history(
        &self,
        instansi_id: i64,
        nip: &Nip,
    ) -> Result<Vec<FinalRow>, StorageError> {
        let sql = format!(
            // A primary-key seek per period that has a map.
            "SELECT {} FROM {} WHERE instansi_id = $1 \
             AND periode IN (SELECT periode FROM peta_talenta WHERE instansi_id = $1) \
             AND nip = $2 ORDER BY periode",
            column_list::<FinalRow>(),
            FinalRow::TABLE,
        );
        let nip = Value::text(nip.as_str());
        self.fetch_records(sql, vec![Value::int(instansi_id), nip])
            .await
    }

    /// The people [`InLine`] selects, by NIP ascending, with what the rules
    /// read of them. Starts from the positions of the jenjang asked for (or
    /// the boxes, without), so the work follows the size of the selection,
    /// not of the instansi; the employee rows are read only for those whose
    /// final box is in line.
    pub async fn in_line(
        &self,
        instansi_id: i64,
        in_line: &InLine<'_>,
    ) -> Result<Vec<InLinePerson>, StorageError> {
        // Fixed slots, unused ones never a box or a jenjang: the SQL text
        // stays one prepared statement whatever the selection.
        let boxes =
            (0..9).map(|i| Value::int(in_line.boxes.get(i).map_or(0, |k| i64::from(k.number()))));
        let slots = |from: usize| {
            (from..from + JENJANG_SLOTS)
                .map(|n| format!("${n}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut binds = vec![Value::int(instansi_id), Value::text(in_line.periode)];
        binds.extend(boxes);
        let people = match in_line.jenjang {
            None => "SELECT nip FROM peta_talenta_pegawai WHERE instansi_id = $1 AND periode = $2"
                .to_owned(),
            // A person without a current position is kept: the domain then
            // reads the jenjang off the history, and decides. (A position
            // code always names a position: a foreign key.)
            Some(jenjang) => {
                binds.extend(
                    (0..JENJANG_SLOTS)
                        .map(|i| Value::text(jenjang.get(i).map_or("", |j| j.code()))),
                );
                format!(
                    // CROSS JOIN: SQLite's planner keeps this order,
                    // positions of the jenjang first, whatever its
                    // statistics say.
                    "SELECT nip FROM pegawai WHERE instansi_id = $1 AND jabatan IS NULL \
                     UNION ALL \
                     SELECT p.nip FROM jabatan j CROSS JOIN pegawai p \
                     WHERE j.instansi_id = $1 AND j.jenjang IN ({}) \
                       AND p.instansi_id = j.instansi_id AND p.jabatan = j.kode",
                    slots(12)
                )
            }
        };
        // The joins run in the order written (CROSS JOIN: SQLite's planner
        // keeps it): each person's final row first (a primary-key seek, the
        // view inlined), whose final box drops most of them, then their
        // employee row and position.
        let sql = format!(
            "SELECT t.nip AS nip, t.nama AS nama, p.opd AS opd, p.jabatan AS jabatan, \
                    j.jenjang AS jenjang, p.status AS status, \
                    p.tanggal_lahir AS tanggal_lahir, p.golongan AS golongan, \
                    p.pendidikan AS pendidikan, p.bidang_ilmu AS bidang_ilmu, \
                    t.kotak_final AS kotak, t.kinerja AS kinerja, \
                    t.potensial AS potensial, t.nilai_talenta AS nilai_talenta \
             FROM ({people}) c \
               CROSS JOIN peta_talenta_final t \
               CROSS JOIN pegawai p \
               LEFT JOIN jabatan j ON j.instansi_id = p.instansi_id AND j.kode = p.jabatan \
             WHERE t.instansi_id = $1 AND t.periode = $2 AND t.nip = c.nip \
               AND t.kotak_final IN ($3, $4, $5, $6, $7, $8, $9, $10, $11) \
               AND p.instansi_id = t.instansi_id AND p.nip = t.nip \
             ORDER BY t.nip"
        );
        self.fetch_records(sql, binds).await
    }
}
