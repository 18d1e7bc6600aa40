//! `--bias` plants exactly what it says, on whom it says, and nothing else:
//! the merit audit's tests need a city whose only unfairness is known.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use talenta_domain::nip::Gender;
use talenta_domain::{Nip, Predikat};
use talenta_generate::bias::Bias;
use talenta_generate::{Batch, Config, Generator};

const N: u64 = 6_000;

fn city(biases: &[&str]) -> Batch {
    Generator::new(Config {
        employees: N,
        seed: 5,
        dirty: false,
    })
    .unwrap()
    .biased(biases.iter().map(|b| b.parse::<Bias>().unwrap()).collect())
    .batch(0..N)
}

fn woman(nip: &Nip) -> bool {
    nip.gender() == Gender::P
}

/// Mean potensi (points) of the assessed women, or men.
fn mean_potensi(batch: &Batch, women: bool) -> f64 {
    let scores: Vec<f64> = batch
        .asesmen
        .iter()
        .filter(|a| woman(&a.nip) == women)
        .filter_map(|a| a.potensi.map(|p| p.as_f64()))
        .collect();
    scores.iter().sum::<f64>() / scores.len() as f64
}

fn sangat_baik_share(batch: &Batch, women: bool) -> f64 {
    let years: Vec<_> = batch
        .skp
        .iter()
        .filter(|s| woman(&s.nip) == women)
        .collect();
    let top = years
        .iter()
        .filter(|s| s.predikat == Predikat::SangatBaik)
        .count();
    top as f64 / years.len() as f64
}

#[test]
fn a_potensial_bias_lowers_the_groups_potensi_and_leaves_everyone_else_alone() {
    let neutral = city(&[]);
    let biased = city(&["jenisKelamin=P:potensial:-10"]);
    assert_eq!(neutral.pegawai, biased.pegawai, "identities unchanged");
    assert_eq!(neutral.skp, biased.skp, "the other axis unchanged");
    let men = |b: &Batch| -> Vec<_> {
        b.asesmen
            .iter()
            .filter(|a| !woman(&a.nip))
            .cloned()
            .collect()
    };
    assert_eq!(men(&neutral), men(&biased));
    // 10 points lower, less where a score near 0 is held at 0.
    let drop = mean_potensi(&neutral, true) - mean_potensi(&biased, true);
    assert!((8.5..=10.0).contains(&drop), "{drop}");
}

#[test]
fn a_kinerja_bias_moves_predikat_and_penguat_of_the_group_only() {
    let neutral = city(&[]);
    let biased = city(&["jenisKelamin=P:kinerja:-15"]);
    assert_eq!(neutral.asesmen, biased.asesmen, "the other axis unchanged");
    let men = |b: &Batch| -> Vec<_> { b.skp.iter().filter(|s| !woman(&s.nip)).cloned().collect() };
    assert_eq!(men(&neutral), men(&biased));
    let (before, after) = (
        sangat_baik_share(&neutral, true),
        sangat_baik_share(&biased, true),
    );
    assert!(
        after < before * 0.6,
        "Sangat Baik among women {before} -> {after}"
    );
}

#[test]
fn a_bias_on_a_value_nobody_has_changes_nothing() {
    assert_eq!(city(&[]), city(&["agama=Tidak Ada:kinerja:-30"]));
}
