//! One employee's whole record as their profile page shows it: personal
//! data, career histories, SKP, assessments, their box in every talent-map
//! snapshot, the components behind the latest one, and what the employee
//! keeps themself: personal branding, documents and proposed changes.

use crate::Ctx;
use talenta_domain::personnel::{
    Asesmen, Jabatan, Opd, Pegawai, RiwayatDiklat, RiwayatGolongan, RiwayatHukdis, RiwayatJabatan,
    RiwayatPendidikan, RiwayatPenghargaan, Skp,
};
use talenta_domain::talent_map::{Components, NilaiSkp, Rekam, Syarat, components};
use talenta_domain::{Nip, Periode};
use talenta_storage::{Branding, Document, FinalRow, StorageError, Usulan};

#[derive(Debug, Clone)]
pub struct Profile {
    pub pegawai: Pegawai,
    pub jabatan: Option<Jabatan>,
    pub opd: Option<Opd>,
    pub riwayat_jabatan: Vec<RiwayatJabatan>,
    pub riwayat_golongan: Vec<RiwayatGolongan>,
    pub riwayat_pendidikan: Vec<RiwayatPendidikan>,
    pub riwayat_diklat: Vec<RiwayatDiklat>,
    pub riwayat_penghargaan: Vec<RiwayatPenghargaan>,
    pub riwayat_hukdis: Vec<RiwayatHukdis>,
    pub skp: Vec<Skp>,
    pub asesmen: Vec<Asesmen>,
    /// The person in each talent-map snapshot with the committee's
    /// calibration, oldest period first.
    pub talent: Vec<FinalRow>,
    /// The components of the latest snapshot's period, from the records as
    /// they are now (the snapshot keeps the scores as they were computed).
    pub latest_components: Option<(Periode, Components)>,
    pub branding: Branding,
    /// Uploaded documents, by kind.
    pub documents: Vec<Document>,
    /// Proposed changes, newest first.
    pub usulan: Vec<Usulan>,
}

/// The profile of `nip` in an instansi, or `None` if there is no such
/// employee. Histories are newest first, as people read a CV.
pub async fn load(ctx: &Ctx<'_>, nip: &Nip) -> Result<Option<Profile>, StorageError> {
    let (db, rules, instansi) = (ctx.db, ctx.rules, ctx.instansi.get());
    let Some(pegawai) = db.pegawai(instansi, nip).await? else {
        return Ok(None);
    };
    let jabatan = match &pegawai.jabatan {
        Some(kode) => db.record::<Jabatan>(instansi, kode).await?,
        None => None,
    };
    let opd = db.record::<Opd>(instansi, &pegawai.opd).await?;
    let skp: Vec<Skp> = newest_first(db.records_of(instansi, nip).await?);
    let asesmen: Vec<Asesmen> = newest_first(db.records_of(instansi, nip).await?);
    let riwayat_hukdis: Vec<RiwayatHukdis> = newest_first(db.records_of(instansi, nip).await?);
    let talent = db.final_history(instansi, nip).await?;
    let latest_components = talent.last().map(|row| {
        let nilai_skp: Vec<NilaiSkp> = skp.iter().map(NilaiSkp::from).collect();
        let rekam = Rekam {
            jabatan: jabatan.as_ref().map(Syarat::from),
            pendidikan: pegawai.pendidikan,
            bidang_ilmu: pegawai.bidang_ilmu.as_ref(),
            skp: &nilai_skp,
            asesmen: &asesmen,
            hukdis: &riwayat_hukdis,
        };
        (row.map.periode, components(rules, row.map.periode, &rekam))
    });
    Ok(Some(Profile {
        riwayat_jabatan: newest_first(db.records_of(instansi, nip).await?),
        riwayat_golongan: newest_first(db.records_of(instansi, nip).await?),
        riwayat_pendidikan: newest_first(db.records_of(instansi, nip).await?),
        riwayat_diklat: newest_first(db.records_of(instansi, nip).await?),
        riwayat_penghargaan: newest_first(db.records_of(instansi, nip).await?),
        riwayat_hukdis,
        skp,
        asesmen,
        talent,
        latest_components,
        branding: db.branding(instansi, nip).await?,
        documents: db.documents_of(instansi, nip).await?,
        usulan: db.usulan_of(instansi, nip).await?,
        pegawai,
        jabatan,
        opd,
    }))
}

fn newest_first<T>(mut records: Vec<T>) -> Vec<T> {
    records.reverse();
    records
}
