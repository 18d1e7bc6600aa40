//! The Merkle tree against the reference vectors of Certificate
//! Transparency, and every proof of small trees both ways.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use talenta_ledger::merkle::{
    Hash, ProofError, consistency_proof, inclusion_proof, leaf_hash, root, verify_consistency,
    verify_inclusion,
};

fn h(hex: &str) -> Hash {
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect();
    bytes.try_into().unwrap()
}

/// The leaf inputs of the Certificate Transparency reference tests, as
/// transparency-dev/merkle `proof/verify_test.go` (and google/trillian
/// `testonly/compact_merkle_tree.go`) copy them from
/// google/certificate-transparency `cpp/merkletree/merkle_tree_test.cc`.
const LEAVES: [&[u8]; 8] = [
    b"",
    b"\x00",
    b"\x10",
    b"\x20\x21",
    b"\x30\x31",
    b"\x40\x41\x42\x43",
    b"\x50\x51\x52\x53\x54\x55\x56\x57",
    b"\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f",
];

/// The tree heads of the first 1..=8 of those leaves (same source).
const ROOTS: [&str; 8] = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

// The nodes of the reference tree the proofs below are made of, named by
// the leaves (from 0) under them; the values are those of the proofs in
// transparency-dev/merkle `proof/verify_test.go`.
const LEAF_0: &str = ROOTS[0];
const LEAF_1: &str = "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7";
const LEAF_4: &str = "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b";
const LEAF_6: &str = "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f";
const LEAVES_0_1: &str = ROOTS[1];
const LEAVES_2_3: &str = "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e";
const LEAVES_0_3: &str = ROOTS[3];
const LEAVES_4_5: &str = "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a";
const LEAVES_6_7: &str = "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0";
const LEAVES_4_7: &str = "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4";

/// Inclusion proofs (leaf index from 0, tree size, proof), same file
/// (`inclusionProofs`, whose leaf numbers count from 1).
const INCLUSION: [(u64, u64, &[&str]); 5] = [
    (0, 1, &[]),
    (0, 8, &[LEAF_1, LEAVES_2_3, LEAVES_4_7]),
    (5, 8, &[LEAF_4, LEAVES_6_7, LEAVES_0_3]),
    (2, 3, &[LEAVES_0_1]),
    (1, 5, &[LEAF_0, LEAVES_2_3, LEAF_4]),
];

/// Consistency proofs (first size, second size, proof), same file
/// (`consistencyProofs`).
const CONSISTENCY: [(u64, u64, &[&str]); 5] = [
    (1, 1, &[]),
    (1, 8, &[LEAF_1, LEAVES_2_3, LEAVES_4_7]),
    (6, 8, &[LEAVES_4_5, LEAVES_6_7, LEAVES_0_3]),
    (2, 5, &[LEAVES_2_3, LEAF_4]),
    (6, 7, &[LEAVES_4_5, LEAF_6, LEAVES_0_3]),
];

/// The named nodes are the heads of the subtrees they are named after.
#[test]
fn the_named_nodes_are_subtree_heads() {
    let leaves = reference_leaves();
    for (node, (from, to)) in [
        (LEAF_0, (0, 0)),
        (LEAF_1, (1, 1)),
        (LEAF_4, (4, 4)),
        (LEAF_6, (6, 6)),
        (LEAVES_0_1, (0, 1)),
        (LEAVES_2_3, (2, 3)),
        (LEAVES_0_3, (0, 3)),
        (LEAVES_4_5, (4, 5)),
        (LEAVES_6_7, (6, 7)),
        (LEAVES_4_7, (4, 7)),
    ] {
        assert_eq!(root(&leaves[from..=to]), h(node), "leaves {from} to {to}");
    }
}

fn reference_leaves() -> Vec<Hash> {
    LEAVES.iter().map(|leaf| leaf_hash(leaf)).collect()
}

fn hashes(hex: &[&str]) -> Vec<Hash> {
    hex.iter().map(|x| h(x)).collect()
}

#[test]
fn tree_heads_match_the_reference() {
    let leaves = reference_leaves();
    for (n, expected) in ROOTS.iter().enumerate() {
        assert_eq!(root(&leaves[..=n]), h(expected), "tree of {} leaves", n + 1);
    }
}

#[test]
fn the_empty_tree_is_the_hash_of_nothing() {
    assert_eq!(
        root(&[]),
        h("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    );
}

#[test]
fn inclusion_proofs_match_the_reference() {
    let leaves = reference_leaves();
    for (index, size, expected) in INCLUSION {
        let tree = &leaves[..size as usize];
        let proof = inclusion_proof(tree, index).unwrap();
        assert_eq!(proof, hashes(expected), "leaf {index} of {size}");
        let head = h(ROOTS[size as usize - 1]);
        verify_inclusion(index, size, &leaves[index as usize], &proof, &head).unwrap();
    }
}

#[test]
fn consistency_proofs_match_the_reference() {
    let leaves = reference_leaves();
    for (first, second, expected) in CONSISTENCY {
        let proof = consistency_proof(&leaves[..second as usize], first).unwrap();
        assert_eq!(proof, hashes(expected), "{first} to {second}");
        let (r1, r2) = (h(ROOTS[first as usize - 1]), h(ROOTS[second as usize - 1]));
        verify_consistency(first, second, &r1, &r2, &proof).unwrap();
    }
}

/// Proofs near `proof` that must not verify, after transparency-dev/merkle's
/// `corruptInclusionProof` and `corruptConsistencyProof`: each hash with a
/// bit flipped, the last hash dropped, and each of `strays` put before,
/// after and second in it.
fn tampered(proof: &[Hash], strays: &[Hash]) -> Vec<Vec<Hash>> {
    let mut out = Vec::new();
    for i in 0..proof.len() {
        let mut wrong = proof.to_vec();
        wrong[i][0] ^= 8;
        out.push(wrong);
    }
    if let Some((_, shorter)) = proof.split_last() {
        out.push(shorter.to_vec());
    }
    for stray in strays {
        out.push([&[*stray], proof].concat());
        out.push([proof, &[*stray]].concat());
        if let Some((first, rest)) = proof.split_first() {
            out.push([&[*first, *stray], rest].concat());
        }
    }
    out
}

/// Positions near leaf (or size) `x` of a tree of `n` leaves, at which a
/// proof for `x` and `n` must not verify: `x` moved by one either way or
/// with a bit flipped, the tree doubled or halved.
fn misplaced(x: u64, n: u64) -> [(u64, u64); 5] {
    [
        (x.wrapping_sub(1), n),
        (x + 1, n),
        (x ^ 2, n),
        (x, n * 2),
        (x, n / 2),
    ]
}

const SOME_HASH: &str = "abacaba000000000000000000000000000000000000000000060061e00123456";

/// `proof` verifies for positions `at` and hashes `pair` (the leaf and the
/// head, or the two heads), and fails when anything is changed: the
/// positions ([`misplaced`]), the hashes (`wrong_pairs`) or the proof
/// ([`tampered`] with `strays`).
fn assert_tamper_evident(
    at: (u64, u64),
    pair: (Hash, Hash),
    proof: &[Hash],
    wrong_pairs: &[(Hash, Hash)],
    strays: &[Hash],
    verify: impl Fn(u64, u64, &Hash, &Hash, &[Hash]) -> Result<(), ProofError>,
) {
    let ((x, n), (a, b)) = (at, pair);
    assert_eq!(verify(x, n, &a, &b, proof), Ok(()), "{x}, {n}");
    for (y, m) in misplaced(x, n) {
        assert!(verify(y, m, &a, &b, proof).is_err(), "verified at {y}, {m}");
    }
    for (c, d) in wrong_pairs {
        assert!(verify(x, n, c, d, proof).is_err(), "verified {c:?}, {d:?}");
    }
    for p in tampered(proof, strays) {
        assert!(verify(x, n, &a, &b, &p).is_err(), "verified with {p:?}");
    }
}

#[test]
fn corrupted_inclusion_proofs_fail() {
    let leaves = reference_leaves();
    let (some, empty) = (h(SOME_HASH), root(&[]));
    for (index, size, expected) in INCLUSION {
        let head = h(ROOTS[size as usize - 1]);
        let leaf = leaves[index as usize];
        assert_tamper_evident(
            (index, size),
            (leaf, head),
            &hashes(expected),
            &[(some, head), (leaf, empty), (leaf, some)],
            &[head, some],
            |i, n, l, r, p| verify_inclusion(i, n, l, p, r),
        );
    }
}

#[test]
fn corrupted_consistency_proofs_fail() {
    let some = h(SOME_HASH);
    for (first, second, expected) in CONSISTENCY {
        let proof = hashes(expected);
        let Some(&start) = proof.first() else {
            continue;
        };
        let (r1, r2) = (h(ROOTS[first as usize - 1]), h(ROOTS[second as usize - 1]));
        assert_tamper_evident(
            (first, second),
            (r1, r2),
            &proof,
            &[(some, r2), (r1, some), (r2, r1)],
            &[r1, r2, start],
            verify_consistency,
        );
        assert!(verify_consistency(first, second, &r1, &r2, &[]).is_err());
    }
}

#[test]
fn trivial_consistency() {
    let (a, b) = (h(ROOTS[0]), h(ROOTS[1]));
    assert_eq!(verify_consistency(0, 0, &a, &a, &[]), Ok(()));
    assert_eq!(verify_consistency(0, 5, &a, &b, &[]), Ok(()));
    assert_eq!(verify_consistency(3, 3, &b, &b, &[]), Ok(()));
    assert_eq!(
        verify_consistency(3, 3, &a, &b, &[]),
        Err(ProofError::RootMismatch)
    );
    assert_eq!(
        verify_consistency(3, 3, &a, &a, &[a]),
        Err(ProofError::WrongLength)
    );
    assert_eq!(
        verify_consistency(2, 1, &a, &b, &[]),
        Err(ProofError::SizesOutOfOrder {
            first: 2,
            second: 1
        })
    );
    assert_eq!(
        inclusion_proof(&[a], 1),
        Err(ProofError::IndexOutOfRange { index: 1, size: 1 })
    );
    assert_eq!(
        verify_inclusion(0, 0, &a, &[], &a),
        Err(ProofError::IndexOutOfRange { index: 0, size: 0 })
    );
}

/// Leaf hashes of a tree of `n` leaves, each leaf its number's bytes.
fn tree(n: u64) -> Vec<Hash> {
    (0..n).map(|i| leaf_hash(&i.to_be_bytes())).collect()
}

#[test]
fn every_inclusion_proof_of_trees_up_to_64_verifies() {
    for size in 1..=64 {
        let leaves = tree(size);
        let head = root(&leaves);
        for index in 0..size {
            let proof = inclusion_proof(&leaves, index).unwrap();
            let leaf = leaves[index as usize];
            verify_inclusion(index, size, &leaf, &proof, &head).unwrap();
            let mut other = leaf;
            other[31] ^= 1;
            assert_eq!(
                verify_inclusion(index, size, &other, &proof, &head),
                Err(ProofError::RootMismatch)
            );
        }
    }
}

#[test]
fn every_consistency_proof_of_trees_up_to_64_verifies() {
    let all = tree(64);
    for second in 1..=64u64 {
        let leaves = &all[..second as usize];
        let head = root(leaves);
        for first in 0..=second {
            let proof = consistency_proof(leaves, first).unwrap();
            let old = root(&all[..first as usize]);
            verify_consistency(first, second, &old, &head, &proof).unwrap();
        }
    }
}

proptest! {
    /// A log rewritten anywhere before the first tree's end fails the
    /// consistency proof against the first tree's published head.
    #[test]
    fn a_rewritten_prefix_fails_consistency(
        (first, second, changed) in (1u64..=64).prop_flat_map(|n| (1..=n, Just(n)))
            .prop_flat_map(|(m, n)| (Just(m), Just(n), 0..m)),
    ) {
        let honest = tree(second);
        let published = root(&honest[..first as usize]);
        let mut rewritten = honest.clone();
        rewritten[changed as usize] = leaf_hash(b"rewritten");
        let proof = consistency_proof(&rewritten, first).unwrap();
        prop_assert!(
            verify_consistency(first, second, &published, &root(&rewritten), &proof).is_err()
        );
    }

    /// A changed leaf or a changed head fails its inclusion proof.
    #[test]
    fn a_changed_leaf_or_head_fails_inclusion(
        (size, index) in (1u64..=64).prop_flat_map(|n| (Just(n), 0..n)),
        other in any::<u64>(),
        bit in 0usize..256,
    ) {
        let leaves = tree(size);
        let head = root(&leaves);
        let proof = inclusion_proof(&leaves, index).unwrap();
        let forged = leaf_hash(&other.to_le_bytes());
        prop_assume!(forged != leaves[index as usize]);
        prop_assert!(verify_inclusion(index, size, &forged, &proof, &head).is_err());
        let mut wrong_head = head;
        wrong_head[bit / 8] ^= 1 << (bit % 8);
        prop_assert!(
            verify_inclusion(index, size, &leaves[index as usize], &proof, &wrong_head).is_err()
        );
    }
}
