//! Self-service and verification over HTTP: personal branding, proposed
//! changes, document uploads, and the OPD admin's decisions, with every
//! refusal shown and nothing half-written.

use talenta_domain::eligibility::StatusKepegawaian;
use talenta_web::Config;

use crate::app::{START, TestApp, UNIT_CAP, Who};
use crate::client::{Client, Page};
use crate::on_both_engines;

on_both_engines!(
    an_employee_keeps_their_personal_branding,
    a_proposal_changes_the_record_only_once_approved,
    an_upload_is_checked_by_content_and_verified_by_the_opd_admin,
    uploads_are_capped_per_minute_per_person_and_per_unit,
);

/// `who` decides (`setujui`, or `tolak` with `alasan`) at `path` from the
/// verification queue, as its form does.
async fn verdict(who: &Client, path: &str, keputusan: &str, alasan: &str) -> Page {
    let fields = [("keputusan", keputusan), ("alasan", alasan)];
    who.submit("/verifikasi", path, &fields).await
}

/// A small valid PDF.
fn pdf(text: &str) -> Vec<u8> {
    talenta_generate::documents::placeholder_pdf(text)
}

async fn an_employee_keeps_their_personal_branding(app: TestApp) {
    let nip = &app.people.pegawai.nip;
    let id = crate::app::id(nip);
    let profile = format!("/pegawai/{nip}");
    let branding = format!("{profile}/branding");
    let me = app.signed_in(Who::Pegawai).await;

    let saved = me
        .submit(
            &profile,
            &branding,
            &[("pernyataan", "Melayani dengan data, <b>bukan</b> titipan.")],
        )
        .await;
    assert_eq!(saved.status, 303, "[{}] {}", app.engine, saved.body);
    assert_eq!(
        saved.location(),
        format!("{profile}?ok=pernyataan#branding")
    );
    let page = me.get(saved.location()).await;
    assert!(page.body.contains("Pernyataan diri disimpan."));
    assert!(
        page.body
            .contains("Melayani dengan data, &#60;b&#62;bukan&#60;/b&#62; titipan.")
            || page
                .body
                .contains("Melayani dengan data, &lt;b&gt;bukan&lt;/b&gt; titipan."),
        "[{}] the statement is shown escaped",
        app.engine
    );

    let item = async |judul: &str, tautan: &str| {
        let fields = [
            ("jenis", "sertifikat"),
            ("judul", judul),
            ("tahun", "2025"),
            ("tautan", tautan),
        ];
        me.submit(&profile, &format!("{profile}/branding/item"), &fields)
            .await
    };
    let added = item("Sertifikasi Manajemen Risiko", "https://example.go.id/s/1").await;
    assert_eq!(added.status, 303, "[{}] {}", app.engine, added.body);
    let page = me.get(&profile).await;
    assert!(page.body.contains(
        r#"<a href="https://example.go.id/s/1" rel="noopener noreferrer nofollow" target="_blank">Sertifikasi Manajemen Risiko</a>"#
    ));

    // A script link is refused with the reason, and nothing is stored.
    let refused = item("Klik saya", "javascript:alert(1)").await;
    assert_eq!(refused.status, 422, "[{}]", app.engine);
    assert!(
        refused
            .body
            .contains("Tidak disimpan: tautan harus alamat web lengkap")
    );
    let stored = app.db.branding(app.instansi, &id).await.unwrap();
    assert_eq!(stored.items.len(), 1);
    assert!(!me.get(&profile).await.body.contains("javascript:"));

    // Others read it; only the employee may change it.
    let admin = app.signed_in(Who::AdminOpd).await;
    assert!(
        admin
            .get(&profile)
            .await
            .body
            .contains("Sertifikasi Manajemen Risiko")
    );
    let foreign = admin
        .submit(&profile, &branding, &[("pernyataan", "x")])
        .await;
    assert_eq!(foreign.status, 404);

    let nomor = stored.items[0].nomor;
    let hapus = format!("{branding}/item/{nomor}/hapus");
    let removed = me.submit(&profile, &hapus, &[]).await;
    assert_eq!(removed.status, 303);
    assert!(
        app.db
            .branding(app.instansi, &id)
            .await
            .unwrap()
            .items
            .is_empty()
    );
    let again = me.submit(&profile, &hapus, &[]).await;
    assert_eq!(again.status, 404, "[{}] an item removed twice", app.engine);
}

async fn a_proposal_changes_the_record_only_once_approved(app: TestApp) {
    let nip = app.people.pegawai.nip.clone();
    let id = crate::app::id(&nip);
    let profile = format!("/pegawai/{nip}");
    let me = app.signed_in(Who::Pegawai).await;
    let propose = async |kolom: &str, nilai: &str| {
        let fields = [("kolom", kolom), ("nilai", nilai)];
        me.submit(&profile, &format!("{profile}/usulan"), &fields)
            .await
    };
    let bad = propose("email", "bukan-surel").await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.body
            .contains("Tidak disimpan: Surel: bukan alamat surel")
    );
    let forbidden = propose("nip", "199001012015011001").await;
    assert_eq!(forbidden.status, 422);
    assert!(forbidden.body.contains("tidak dapat diusulkan"));

    let sent = propose("tempat_lahir", "Kota Uji").await;
    assert_eq!(sent.status, 303, "[{}] {}", app.engine, sent.body);
    let page = me.get(&profile).await;
    assert!(page.body.contains("Menunggu verifikasi"));
    let before = app.db.pegawai(app.instansi, &id).await.unwrap().unwrap();
    assert_ne!(before.tempat_lahir.as_deref(), Some("Kota Uji"));

    let (pending, total) = app.db.pending_usulan(app.instansi, None, 10).await.unwrap();
    assert_eq!(total, 1);
    let nomor = pending[0].nomor;
    let decide = format!("/verifikasi/usulan/{nomor}");

    // The other OPD's admin neither sees nor decides it.
    let other = app.signed_in(Who::AdminOpdLain).await;
    assert!(!other.get("/verifikasi").await.body.contains("Kota Uji"));
    let outside = verdict(&other, &decide, "setujui", "").await;
    assert_eq!(outside.status, 404);

    let admin = app.signed_in(Who::AdminOpd).await;
    let queue = admin.get("/verifikasi").await;
    assert!(queue.body.contains("Kota Uji"), "[{}]", app.engine);
    let no_reason = verdict(&admin, &decide, "tolak", " ").await;
    assert_eq!(no_reason.status, 422);
    assert!(no_reason.body.contains("alasan penolakan wajib diisi"));

    let approved = verdict(&admin, &decide, "setujui", "").await;
    assert_eq!(approved.status, 303);
    assert_eq!(approved.location(), "/verifikasi?ok=disetujui");
    let after = app.db.pegawai(app.instansi, &id).await.unwrap().unwrap();
    assert_eq!(after.tempat_lahir.as_deref(), Some("Kota Uji"));
    assert_eq!(after.nama, before.nama, "nothing else changed");
    let twice = verdict(&admin, &decide, "tolak", "x").await;
    assert_eq!(twice.location(), "/verifikasi?ok=lewat");
    let page = me.get(&profile).await;
    assert!(page.body.contains("Disetujui"));
    assert!(page.body.contains("Kota Uji"));

    // A rejection keeps the record and tells the employee why.
    propose("no_hp", "081234567890").await;
    let (pending, _) = app.db.pending_usulan(app.instansi, None, 10).await.unwrap();
    let rejected = verdict(
        &admin,
        &format!("/verifikasi/usulan/{}", pending[0].nomor),
        "tolak",
        "Nomor tidak aktif",
    )
    .await;
    assert_eq!(rejected.location(), "/verifikasi?ok=ditolak");
    let stored = app.db.pegawai(app.instansi, &id).await.unwrap().unwrap();
    assert_eq!(stored.no_hp, after.no_hp);
    assert!(me.get(&profile).await.body.contains("Nomor tidak aktif"));
}

async fn an_upload_is_checked_by_content_and_verified_by_the_opd_admin(app: TestApp) {
    let nip = app.people.pegawai.nip.clone();
    let id = crate::app::id(&nip);
    let profile = format!("/pegawai/{nip}");
    let upload_path = format!("{profile}/dokumen");
    let me = app.signed_in(Who::Pegawai).await;
    let rules = talenta_domain::RuleSet::bundled().unwrap();
    let pegawai = app.db.pegawai(app.instansi, &id).await.unwrap().unwrap();
    let need = rules.dokumen.required(pegawai.status).count();
    let jenis = if pegawai.status == StatusKepegawaian::Pppk {
        "perjanjian_kerja"
    } else {
        "sk_cpns"
    };
    let fields = [("jenis", jenis)];

    // Not a PDF, JPEG or PNG by content, whatever its name says.
    let fake = me
        .upload(
            &profile,
            &upload_path,
            &fields,
            "sk.pdf",
            b"<html><script>alert(1)</script>".to_vec(),
        )
        .await;
    assert_eq!(fake.status, 422, "[{}] {}", app.engine, fake.body);
    assert!(fake.body.contains("isi berkas bukan PDF, JPEG atau PNG"));
    let unknown = me
        .upload(
            &profile,
            &upload_path,
            &[("jenis", "surat_cinta")],
            "a.pdf",
            pdf("x"),
        )
        .await;
    assert_eq!(unknown.status, 422);
    assert!(unknown.body.contains("jenis dokumen tidak dikenal"));
    let mut big = pdf("besar");
    big.resize(
        usize::try_from(Config::default().upload_max_bytes).unwrap() + 100_000,
        b' ',
    );
    let too_big = me
        .upload(&profile, &upload_path, &fields, "besar.pdf", big)
        .await;
    assert_eq!(too_big.status, 413, "[{}]", app.engine);
    assert!(too_big.body.contains("Berkas terlalu besar"));
    assert!(
        app.db
            .documents_of(app.instansi, &id)
            .await
            .unwrap()
            .is_empty()
    );

    let content = pdf("SK CPNS uji");
    let sent = me
        .upload(
            &profile,
            &upload_path,
            &fields,
            "C:\\scan\\sk cpns.pdf",
            content.clone(),
        )
        .await;
    assert_eq!(sent.status, 303, "[{}] {}", app.engine, sent.body);
    let page = me.get(&profile).await;
    assert!(page.body.contains("sk cpns.pdf"));
    assert!(
        page.body
            .contains(&format!("0 dari {need} dokumen wajib terverifikasi"))
    );
    let documents = app.db.documents_of(app.instansi, &id).await.unwrap();
    let sha = documents[0].sha256.clone();
    let file = format!("{profile}/dokumen/{sha}");

    // The admin reads the file back as it was uploaded, as an attachment.
    let admin = app.signed_in(Who::AdminOpd).await;
    let (status, headers, bytes) = admin.get_bytes(&file).await;
    assert_eq!(status, 200);
    assert_eq!(headers["content-type"], "application/pdf");
    assert!(
        headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert_eq!(bytes, content);
    let other = app.signed_in(Who::AdminOpdLain).await;
    assert_eq!(other.get_bytes(&file).await.0, 404);

    let decide = format!("/verifikasi/dokumen/{nip}/{sha}");
    let outside = verdict(&other, &decide, "setujui", "").await;
    assert_eq!(outside.status, 404);
    let rejected = verdict(&admin, &decide, "tolak", "Tidak terbaca").await;
    assert_eq!(rejected.status, 303, "[{}] {}", app.engine, rejected.body);
    assert!(
        me.get(&profile)
            .await
            .body
            .contains("Ditolak: Tidak terbaca")
    );

    // Uploaded again, it waits again; approved, the file is one step more complete.
    let again = me
        .upload(
            &profile,
            &upload_path,
            &fields,
            "sk cpns.pdf",
            content.clone(),
        )
        .await;
    assert_eq!(again.status, 303);
    let queue = admin.get("/verifikasi").await;
    assert!(
        queue.body.contains(&decide),
        "[{}] back in the queue",
        app.engine
    );
    let approved = verdict(&admin, &decide, "setujui", "").await;
    assert_eq!(approved.location(), "/verifikasi?ok=disetujui");
    let page = me.get(&profile).await;
    assert!(
        page.body
            .contains(&format!("1 dari {need} dokumen wajib terverifikasi"))
    );
    assert!(page.body.contains("Terverifikasi"));
    assert!(!admin.get("/verifikasi").await.body.contains(&decide));
}

/// The server's upload caps (defaults: 10 a minute and 20 waiting per
/// employee; the test server's unit cap is [`UNIT_CAP`]): past each one an
/// upload is refused with a page naming the limit, 429 for the rate and
/// 409 for the documents waiting, and nothing is stored.
async fn uploads_are_capped_per_minute_per_person_and_per_unit(app: TestApp) {
    let nip = app.people.pegawai.nip.clone();
    let profile = format!("/pegawai/{nip}");
    let upload_path = format!("{profile}/dokumen");
    let me = app.signed_in(Who::Pegawai).await;
    let config = Config::default();
    let fields = [("jenis", "ijazah")];
    let mut sent = 0;
    let mut upload = async || {
        sent += 1;
        me.upload(
            &profile,
            &upload_path,
            &fields,
            "s.pdf",
            pdf(&format!("sertifikat {sent}")),
        )
        .await
    };
    let id = crate::app::id(&nip);
    let pending = async || app.db.upload_load(app.instansi, &id, START).await.unwrap();

    for _ in 0..config.uploads_per_minute {
        let page = upload().await;
        assert_eq!(page.status, 303, "[{}] {}", app.engine, page.body);
    }
    let page = upload().await;
    assert_eq!(page.status, 429, "[{}] {}", app.engine, page.body);
    assert!(
        page.body.contains("paling banyak 10 unggahan per menit"),
        "{}",
        page.body
    );
    assert_eq!(pending().await.pending_person, 10);

    app.clock.advance(time::Duration::seconds(61));
    for _ in 0..10 {
        assert_eq!(upload().await.status, 303, "[{}]", app.engine);
    }
    app.clock.advance(time::Duration::seconds(61));
    let page = upload().await;
    assert_eq!(page.status, 409, "[{}] {}", app.engine, page.body);
    assert!(
        page.body
            .contains("dokumen Anda yang menunggu verifikasi sudah mencapai batas 20"),
        "{}",
        page.body
    );
    assert_eq!(pending().await.pending_person, 20);

    // Verified, they wait no longer; the unit fills up with a colleague's.
    for document in app.db.documents_of(app.instansi, &id).await.unwrap() {
        let decided = app
            .db
            .decide_document(app.instansi, &id, &document.sha256, None, "admin", START)
            .await
            .unwrap();
        assert!(decided);
    }
    let colleague = &app.people.colleague.nip;
    let waiting = pending().await.pending_unit;
    for n in waiting..i64::from(UNIT_CAP) {
        let content = pdf(&format!("rekan {n}"));
        let upload = talenta_storage::Upload {
            nip: crate::app::id(colleague),
            jenis: "ijazah",
            nama_file: "r.pdf",
            mime: "application/pdf",
            sha256: &talenta_web::auth::sha256_hex(&content),
            content: &content,
        };
        app.db
            .add_document(app.instansi, upload, colleague, START)
            .await
            .unwrap();
    }
    let page = upload().await;
    assert_eq!(page.status, 409, "[{}] {}", app.engine, page.body);
    assert!(
        page.body.contains(&format!(
            "dokumen unit kerja Anda yang menunggu verifikasi sudah mencapai batas {UNIT_CAP}"
        )),
        "{}",
        page.body
    );
    assert_eq!(pending().await.pending_person, 0);
}
