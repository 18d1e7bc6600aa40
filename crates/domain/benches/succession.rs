//! The succession plan of one key position over a national registry (4.3
//! million ASN) held in memory: filter to those in line (final box 7-9 in a
//! feeding jenjang), decide every hard rule of each, compute JPM and
//! readiness, rank; then the same with every reason of the excluded written.
//! Run: `cargo bench -p talenta-domain --bench succession`.

// Benchmark set-up code, like test code, may unwrap.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use talenta_domain::cycle::Talent;
use talenta_domain::disiplin::{Hukuman, TingkatHukuman};
use talenta_domain::eligibility::{Candidate, MasaJabatan, Position, StatusKepegawaian};
use talenta_domain::kompetensi::{Kompetensi, Level, Levels, Manajerial};
use talenta_domain::skp::SkpTahunan;
use talenta_domain::succession::{KeyPosition, plan, rank};
use talenta_domain::{
    BidangIlmu, Golongan, Jenjang, Kotak, Nip, Pendidikan, Predikat, RuleSet, Score,
    TingkatPendidikan,
};
use time::macros::date;

const EMPLOYEES: usize = 4_300_000;

// The allocator of the `talenta` binary: the checks allocate their texts.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The records people point at: a few variants, shared, so the registry
/// costs memory only for what differs per person (NIP, scores, box).
struct Templates {
    pendidikan: Vec<Vec<Pendidikan>>,
    jabatan: Vec<Vec<MasaJabatan>>,
    skp: Vec<Vec<SkpTahunan>>,
    hukuman: Vec<Vec<Hukuman>>,
    kompetensi: Vec<Levels>,
}

fn templates() -> Templates {
    let degree = |t, b: &str| Pendidikan {
        tingkat: t,
        bidang: Some(BidangIlmu::new(b)),
    };
    let spells = |since| {
        vec![
            MasaJabatan {
                jenjang: Jenjang::Pelaksana,
                mulai: date!(2005 - 01 - 01),
                selesai: Some(since),
            },
            MasaJabatan {
                jenjang: Jenjang::Pengawas,
                mulai: since,
                selesai: None,
            },
        ]
    };
    let skp = |a, b| {
        vec![
            SkpTahunan {
                tahun: 2024,
                predikat: a,
            },
            SkpTahunan {
                tahun: 2025,
                predikat: b,
            },
        ]
    };
    let levels = |l: [u8; 5]| -> Levels {
        [
            Kompetensi::Manajerial(Manajerial::Integritas),
            Kompetensi::Manajerial(Manajerial::KerjaSama),
            Kompetensi::Manajerial(Manajerial::Komunikasi),
            Kompetensi::Manajerial(Manajerial::PelayananPublik),
            Kompetensi::PerekatBangsa,
        ]
        .into_iter()
        .zip(l)
        .map(|(k, n)| (k, Level::new(n).unwrap()))
        .collect()
    };
    Templates {
        pendidikan: vec![
            vec![degree(TingkatPendidikan::S1, "Kesehatan Masyarakat")],
            vec![degree(TingkatPendidikan::S2, "Kedokteran")],
            vec![degree(TingkatPendidikan::S1, "Ilmu Pemerintahan")],
            vec![degree(TingkatPendidikan::D3, "Keperawatan")],
        ],
        jabatan: vec![
            spells(date!(2015 - 01 - 01)),
            spells(date!(2020 - 03 - 01)),
            spells(date!(2024 - 01 - 01)),
        ],
        skp: vec![
            skp(Predikat::Baik, Predikat::SangatBaik),
            skp(Predikat::Baik, Predikat::Baik),
            skp(Predikat::ButuhPerbaikan, Predikat::Baik),
        ],
        hukuman: vec![
            vec![],
            vec![Hukuman {
                tingkat: TingkatHukuman::Sedang,
                jenis: None,
                mulai: date!(2026 - 01 - 01),
                akhir: Some(date!(2026 - 12 - 31)),
            }],
        ],
        kompetensi: vec![
            levels([3, 3, 3, 3, 3]),
            levels([3, 3, 2, 2, 2]),
            levels([2, 2, 2, 2, 2]),
        ],
    }
}

fn bench(c: &mut Criterion) {
    let rules = RuleSet::bundled().unwrap();
    let t = templates();
    // Valid and distinct: 999 sequence numbers per birth date from 1960.
    let nips: Vec<Nip> = (0..EMPLOYEES)
        .map(|i| {
            let born =
                date!(1960 - 01 - 01) + time::Duration::days(i64::try_from(i / 999).unwrap());
            let digits = format!(
                "{:04}{:02}{:02}2005011{:03}",
                born.year(),
                u8::from(born.month()),
                born.day(),
                i % 999 + 1
            );
            Nip::parse(&digits).unwrap()
        })
        .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let people: Vec<Talent<'_>> = nips
        .iter()
        .map(|nip| {
            let r = next();
            let pick = |n: usize, shift: u32| (r >> shift) as usize % n;
            let nilai = Score::from_hundredths(u16::try_from(r % 10_001).unwrap()).unwrap();
            let kinerja =
                Score::from_hundredths(u16::try_from((r >> 16) % 10_001).unwrap()).unwrap();
            let potensial =
                Score::from_hundredths(u16::try_from((r >> 32) % 10_001).unwrap()).unwrap();
            // About 10% pengawas and 2% ahli muda: the feeders of administrator.
            let jenjang = match (r >> 40) % 100 {
                0..=9 => Jenjang::Pengawas,
                10..=11 => Jenjang::AhliMuda,
                12..=60 => Jenjang::Pelaksana,
                _ => Jenjang::AhliPertama,
            };
            Talent {
                nip: *nip,
                nama: "Pegawai",
                opd: "OPD",
                jenjang: Some(jenjang),
                kotak: Kotak::new(u8::try_from(1 + (r >> 48) % 9).unwrap()).unwrap(),
                nilai_talenta: nilai,
                kinerja,
                potensial,
                candidate: Candidate {
                    status: StatusKepegawaian::Pns,
                    birth_date: date!(1980 - 01 - 01),
                    golongan: Some(if pick(10, 5) == 0 {
                        Golongan::IIIC
                    } else {
                        Golongan::IVA
                    }),
                    pendidikan: &t.pendidikan[pick(4, 7)],
                    riwayat_jabatan: &t.jabatan[pick(3, 9)],
                    skp: &t.skp[pick(3, 11)],
                    hukuman: &t.hukuman[usize::from(pick(50, 13) == 0)],
                    kompetensi: Some(&t.kompetensi[pick(3, 3)]),
                    diklat: &[],
                },
            }
        })
        .collect();
    let fields = [
        BidangIlmu::new("Kesehatan Masyarakat"),
        BidangIlmu::new("Kedokteran"),
    ];
    let standar = t.kompetensi[0].clone();
    let position = KeyPosition {
        kode: "DINKES-KABID",
        nama: "Kepala Bidang Pelayanan Kesehatan",
        opd: "DINKES",
        requirements: Position {
            jenjang: Jenjang::Administrator,
            bidang_ilmu: &fields,
            min_pendidikan: None,
            min_golongan: None,
        },
        standar: &standar,
    };
    let on = date!(2026 - 07 - 01);
    let mut group = c.benchmark_group("succession");
    group.throughput(Throughput::Elements(EMPLOYEES as u64));
    group.sample_size(10);
    // The ranking: every hard rule decided, JPM, readiness, order.
    group.bench_function("rank_one_position_4_3_million", |b| {
        b.iter(|| {
            black_box(rank(&rules, &position, black_box(&people), on, None))
                .candidates
                .len()
        });
    });
    // The whole plan as shown: also every reason of every excluded person.
    group.bench_function("plan_one_position_4_3_million", |b| {
        b.iter(|| {
            black_box(plan(&rules, &position, black_box(&people), on, None))
                .candidates
                .len()
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
