//! The documents on file in a demo city, as the BKPSDM's circular found
//! them (seed article 003: 57% of files complete across the city, unit by
//! unit from far behind to nearly done), and a few uploads still waiting
//! for their OPD admin. Every document of a kind shares one small PDF:
//! the demo shows the process, not the paperwork.

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;
use talenta_domain::dokumen::DokumenPolicy;
use talenta_domain::nip::Nip;
use talenta_domain::personnel::Pegawai;

/// The city-wide share of required documents verified, in percent.
pub const VERIFIED_PERCENT: u32 = 57;
/// The share of documents uploaded but still pending, in per mille.
const PENDING_PER_MILLE: u32 = 6;

/// A document an employee has on file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnFile {
    pub nip: Nip,
    /// A [`talenta_domain::dokumen::DokumenWajib::kode`].
    pub jenis: String,
    pub verified: bool,
}

/// A one-page PDF saying it stands for a document of `nama`.
pub fn placeholder_pdf(nama: &str) -> Vec<u8> {
    let text: String = nama
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
        .collect();
    let stream = format!("BT /F1 18 Tf 72 720 Td (Contoh demo: {text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// The documents on file for `employees` under `policy`, deterministic
/// for `seed`. Each unit gets its own completion rate around
/// [`VERIFIED_PERCENT`] (from a third to nine tenths), so the dashboard's
/// per-OPD bars differ as they did in Kota Serang.
pub fn on_file(employees: &[Pegawai], policy: &DokumenPolicy, seed: u64) -> Vec<OnFile> {
    let mut documents = Vec::new();
    for pegawai in employees {
        let mut rng = Pcg64Mcg::seed_from_u64(seed ^ fnv(pegawai.nip.as_str()));
        let rate = unit_rate(&pegawai.opd, seed);
        for wajib in policy.required(pegawai.status) {
            let draw = rng.random_range(0..1000);
            let verified = draw < rate * 10;
            let pending = !verified && draw < rate * 10 + PENDING_PER_MILLE;
            if verified || pending {
                documents.push(OnFile {
                    nip: pegawai.nip,
                    jenis: wajib.kode.clone(),
                    verified,
                });
            }
        }
    }
    documents
}

/// A unit's completion rate in percent: 33 to 90, centred on
/// [`VERIFIED_PERCENT`] over many units.
fn unit_rate(opd: &str, seed: u64) -> u32 {
    // The top-level unit (`DINKES` of `DINKES.PKM1`) sets the pace.
    let top = opd.split('.').next().unwrap_or(opd);
    let mut rng = Pcg64Mcg::seed_from_u64(seed ^ fnv(top).rotate_left(17));
    let spread = 2 * (VERIFIED_PERCENT - 33);
    33 + (rng.random_range(0..=spread) + rng.random_range(0..=spread)) / 2
}

/// FNV-1a: a stable hash of a text (std's hasher may change between
/// releases, and the demo must not).
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Generator};
    use talenta_domain::RuleSet;
    use talenta_domain::berkas::{Mime, check};

    #[test]
    fn a_city_is_about_as_complete_as_serang_and_units_differ() {
        let generator = Generator::new(Config {
            employees: 3000,
            seed: 1,
            dirty: false,
        })
        .unwrap();
        let employees = generator.batch(0..3000).pegawai;
        let rules = RuleSet::bundled().unwrap();
        let documents = on_file(&employees, &rules.dokumen, 1);
        assert_eq!(
            documents,
            on_file(&employees, &rules.dokumen, 1),
            "deterministic"
        );
        let required: usize = employees
            .iter()
            .map(|p| rules.dokumen.required(p.status).count())
            .sum();
        let verified = documents.iter().filter(|d| d.verified).count();
        let pending = documents.len() - verified;
        let percent = verified * 100 / required;
        assert!((50..=64).contains(&percent), "{percent}% verified");
        assert!(pending > 0 && pending * 100 < required, "{pending} pending");
        let rates: std::collections::BTreeSet<u32> =
            employees.iter().map(|p| unit_rate(&p.opd, 1)).collect();
        assert!(rates.len() > 5, "units differ: {rates:?}");
        assert!(rates.iter().all(|r| (33..=90).contains(r)));
    }

    #[test]
    fn the_placeholder_is_a_pdf() {
        let pdf = placeholder_pdf("SK CPNS");
        assert_eq!(check(&pdf, 10_000), Ok(Mime::Pdf));
        assert!(pdf.ends_with(b"%%EOF\n"));
    }
}
