//! Individual development plans over HTTP: a draft from the competency
//! gaps, edited (rows changed, removed, added) and saved by someone who
//! may plan; a bad submission keeps every value typed; the employee reads
//! their plan and cannot change it.

use talenta_app::development::idp;
use talenta_domain::development::{JenisPengembangan, StatusIdp};

use crate::app::{TestApp, Who, key_position};
use crate::client::Page;
use crate::on_both_engines;

on_both_engines!(
    a_plan_is_drafted_edited_and_tracked,
    the_employee_reads_their_plan_and_only_reads_it,
);

/// The `value` of the input named `name` on the page.
fn value_of(page: &Page, name: &str) -> String {
    let field = format!("name=\"{name}\" value=\"");
    let start = page
        .body
        .find(&field)
        .unwrap_or_else(|| panic!("no field {name} on the page:\n{}", page.body))
        + field.len();
    let rest = &page.body[start..];
    rest[..rest.find('"').unwrap()].to_owned()
}

/// How many rows the edit form has.
fn rows(page: &Page) -> usize {
    page.body.matches("name=\"kegiatan.").count()
}

async fn a_plan_is_drafted_edited_and_tracked(app: TestApp) {
    let engine = app.engine;
    let jabatan = key_position(&app).await;
    let nip = app.people.colleague.nip.clone();
    let id = crate::app::id(&nip);
    let committee = app.signed_in(Who::TimPenilai).await;
    let plans = format!("/pegawai/{nip}/idp");
    let empty = committee.get(&plans).await;
    assert_eq!(empty.status, 200, "[{engine}] {}", empty.body);
    assert!(empty.body.contains("Belum ada rencana pengembangan"));
    assert!(
        empty
            .body
            .contains(&format!("<option value=\"{jabatan}\">"))
    );

    let edit = format!("/pegawai/{nip}/idp/ubah?jabatan={jabatan}");
    let draft = committee.get(&edit).await;
    assert_eq!(draft.status, 200, "[{engine}] {}", draft.body);
    assert!(draft.body.contains("Draf dari kesenjangan kompetensi"));
    let drafted = rows(&draft);
    assert!(drafted >= 1, "[{engine}] an empty draft");
    let kompetensi = value_of(&draft, "kompetensi.0");
    // The draft's activity names its type and competency.
    assert!(!value_of(&draft, "kegiatan.0").is_empty());

    // A bad submission: named errors, every value kept, nothing saved.
    let note = "Dibimbing kepala bidang setiap bulan";
    let bad = committee
        .submit(
            &edit,
            &plans,
            &[
                ("jabatan", &jabatan),
                ("aksi", "simpan"),
                ("kompetensi.0", &kompetensi),
                ("jenis.0", "mentoring"),
                ("kegiatan.0", "  "),
                ("target.0", "2026-13-45"),
                ("status.0", "berjalan"),
                ("catatan.0", note),
                ("kompetensi.1", "teknis:Tidak Ada Dalam Standar"),
                ("jenis.1", "bertapa"),
                ("kegiatan.1", "Kegiatan kedua"),
                ("status.1", "rencana"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422, "[{engine}] {}", bad.body);
    for message in [
        "Baris 1: kegiatan wajib diisi",
        "bukan tanggal (TTTT-BB-HH)",
        "Baris 2: kompetensi tidak ada dalam standar jabatan target",
    ] {
        assert!(
            bad.body.contains(message),
            "[{engine}] {message}:\n{}",
            bad.body
        );
    }
    assert!(bad.body.contains(note), "[{engine}] the note is lost");
    assert_eq!(value_of(&bad, "target.0"), "2026-13-45");
    assert_eq!(value_of(&bad, "kegiatan.1"), "Kegiatan kedua");
    assert!(idp(&app.ctx(), &id).await.unwrap().is_empty());

    // Adding a row shows the form again with one more, unsaved.
    let added = committee
        .submit(
            &edit,
            &plans,
            &[
                ("jabatan", &jabatan),
                ("aksi", "tambah"),
                ("tambah", &kompetensi),
                ("kompetensi.0", &kompetensi),
                ("jenis.0", "mentoring"),
                ("kegiatan.0", "Mentoring oleh kepala dinas"),
                ("status.0", "rencana"),
            ],
        )
        .await;
    assert_eq!(added.status, 200, "[{engine}] {}", added.body);
    assert_eq!(rows(&added), 2);
    assert_eq!(
        value_of(&added, "kegiatan.0"),
        "Mentoring oleh kepala dinas"
    );
    assert_eq!(value_of(&added, "kompetensi.1"), kompetensi);
    assert!(idp(&app.ctx(), &id).await.unwrap().is_empty());

    // Saved: the first row changed, the second removed, a third kept.
    let saved = committee
        .submit(
            &edit,
            &plans,
            &[
                ("jabatan", &jabatan),
                ("aksi", "simpan"),
                ("kompetensi.0", &kompetensi),
                ("jenis.0", "penugasan"),
                ("kegiatan.0", "Penugasan sebagai ketua tim percepatan"),
                ("target.0", "2026-09-30"),
                ("status.0", "berjalan"),
                ("catatan.0", note),
                ("kompetensi.1", &kompetensi),
                ("jenis.1", "diklat"),
                ("kegiatan.1", "Dihapus"),
                ("status.1", "rencana"),
                ("hapus.1", "1"),
                ("kompetensi.2", &kompetensi),
                ("jenis.2", "coaching"),
                ("kegiatan.2", "Coaching oleh atasan"),
                ("status.2", "selesai"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "[{engine}] {}", saved.body);
    assert_eq!(saved.location(), format!("{plans}?ok=idp"));
    let stored = idp(&app.ctx(), &id).await.unwrap();
    assert_eq!(stored.len(), 2, "[{engine}] {stored:?}");
    let first = &stored[0];
    assert_eq!(first.nomor, 1);
    assert_eq!(first.jabatan_target, jabatan);
    assert_eq!(first.kompetensi.code(), kompetensi);
    assert_eq!(first.jenis, JenisPengembangan::Penugasan);
    assert_eq!(first.status, StatusIdp::Berjalan);
    assert_eq!(first.target_selesai.unwrap().to_string(), "2026-09-30");
    assert_eq!(first.catatan.as_deref(), Some(note));
    assert_eq!(first.diubah_oleh, app.people.tim_penilai.nip);
    assert_eq!(stored[1].status, StatusIdp::Selesai);
    assert_eq!(stored[1].kegiatan, "Coaching oleh atasan");

    let shown = committee.get(saved.location()).await;
    assert!(shown.body.contains("Rencana pengembangan disimpan."));
    assert!(shown.body.contains("1 dari 2 kegiatan selesai."));
    assert!(
        shown
            .body
            .contains("Penugasan sebagai ketua tim percepatan")
    );
    assert!(shown.body.contains("30 Sep 2026"));
    assert!(shown.body.contains("Berjalan"));
    assert!(shown.body.contains(&format!("href=\"{edit}\"")));

    // Editing again starts from the saved plan, not a new draft.
    let again = committee.get(&edit).await;
    assert!(again.body.contains("Rencana tersimpan"));
    assert_eq!(rows(&again), 2);
    assert_eq!(value_of(&again, "target.0"), "2026-09-30");

    // A position nobody has, and a form without its token.
    let unknown = committee
        .get(&format!("/pegawai/{nip}/idp/ubah?jabatan=TIDAK-ADA"))
        .await;
    assert_eq!(unknown.status, 404);
    let forged = committee
        .post_raw(&plans, &[("jabatan", &jabatan), ("aksi", "simpan")])
        .await;
    assert_eq!(forged.status, 403, "[{engine}] a form without its token");
    assert_eq!(idp(&app.ctx(), &id).await.unwrap().len(), 2);
}

async fn the_employee_reads_their_plan_and_only_reads_it(app: TestApp) {
    let engine = app.engine;
    let jabatan = key_position(&app).await;
    let nip = app.people.pegawai.nip.clone();
    let id = crate::app::id(&nip);
    let plans = format!("/pegawai/{nip}/idp");
    let edit = format!("/pegawai/{nip}/idp/ubah?jabatan={jabatan}");
    let admin = app.signed_in(Who::AdminOpd).await;
    let draft = admin.get(&edit).await;
    assert_eq!(draft.status, 200, "[{engine}] {}", draft.body);
    let kompetensi = value_of(&draft, "kompetensi.0");
    let saved = admin
        .submit(
            &edit,
            &plans,
            &[
                ("jabatan", &jabatan),
                ("kompetensi.0", &kompetensi),
                ("jenis.0", "diklat"),
                ("kegiatan.0", "Pelatihan kepemimpinan administrator"),
                ("status.0", "rencana"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "[{engine}] {}", saved.body);

    let employee = app.signed_in(Who::Pegawai).await;
    let profile = employee.get(&format!("/pegawai/{nip}")).await;
    assert!(profile.body.contains(&format!("href=\"{plans}\"")));
    let own = employee.get(&plans).await;
    assert_eq!(own.status, 200);
    assert!(own.body.contains("Pelatihan kepemimpinan administrator"));
    assert!(!own.body.contains("Ubah rencana"));
    assert!(!own.body.contains("Susun rencana"));
    assert_eq!(employee.get(&edit).await.status, 404);
    let changed = employee
        .submit(&plans, &plans, &[("jabatan", &jabatan), ("aksi", "simpan")])
        .await;
    assert_eq!(changed.status, 404, "[{engine}] the employee edits");
    assert_eq!(idp(&app.ctx(), &id).await.unwrap().len(), 1);
}
