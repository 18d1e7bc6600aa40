//! The Merkle tree of RFC 9162 section 2.1 (the hashing of RFC 6962,
//! Certificate Transparency): tree heads, inclusion and consistency proofs,
//! produced from a log's leaf hashes and verified with the algorithms of
//! sections 2.1.3.2 and 2.1.4.2.
//!
//! A tree is given as the slice of its leaf hashes (`leaf_hash` of each
//! entry, in log order), so a log that keeps each event's leaf hash beside
//! the event, as Talenta's does, rebuilds any proof without the events'
//! content, and an erased event's stored hash still takes its place.

use sha2::{Digest, Sha256};

/// A SHA-256 value: a leaf hash, a node hash or a tree head.
pub type Hash = [u8; 32];

/// Why a proof could not be produced or did not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    #[error("leaf {index} is not in a tree of {size} leaves")]
    IndexOutOfRange { index: u64, size: u64 },
    #[error("a tree of {second} leaves cannot extend a tree of {first}")]
    SizesOutOfOrder { first: u64, second: u64 },
    #[error("the proof has the wrong number of hashes for its tree sizes")]
    WrongLength,
    #[error("the proof does not lead to the given tree head")]
    RootMismatch,
}

/// The hash of a log entry: SHA-256(0x00 || entry).
pub fn leaf_hash(entry: &[u8]) -> Hash {
    Sha256::new()
        .chain_update([0x00])
        .chain_update(entry)
        .finalize()
        .into()
}

/// The hash of an interior node: SHA-256(0x01 || left || right).
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    Sha256::new()
        .chain_update([0x01])
        .chain_update(left)
        .chain_update(right)
        .finalize()
        .into()
}

/// The tree head MTH(D[n]) of the leaves whose hashes are given; the empty
/// tree's head is SHA-256 of nothing.
pub fn root(leaves: &[Hash]) -> Hash {
    match leaves {
        [] => Sha256::digest([]).into(),
        [only] => *only,
        _ => {
            let (left, right) = leaves.split_at(split(leaves.len()));
            node_hash(&root(left), &root(right))
        }
    }
}

/// The inclusion proof PATH(m, D[n]) of leaf `index` in the tree of
/// `leaves`, from the leaf's sibling up (RFC 9162 section 2.1.3.1).
pub fn inclusion_proof(leaves: &[Hash], index: u64) -> Result<Vec<Hash>, ProofError> {
    let size = count(leaves);
    if index >= size {
        return Err(ProofError::IndexOutOfRange { index, size });
    }
    let mut proof = Vec::new();
    path(leaves, to_index(index), &mut proof);
    Ok(proof)
}

fn path(leaves: &[Hash], m: usize, proof: &mut Vec<Hash>) {
    if leaves.len() <= 1 {
        return;
    }
    let k = split(leaves.len());
    let (left, right) = leaves.split_at(k);
    if m < k {
        path(left, m, proof);
        proof.push(root(right));
    } else {
        path(right, m - k, proof);
        proof.push(root(left));
    }
}

/// The consistency proof PROOF(m, D[n]) that the tree of the first `first`
/// leaves is a prefix of the tree of `leaves` (RFC 9162 section 2.1.4.1).
/// Empty when `first` is 0 or the whole tree.
pub fn consistency_proof(leaves: &[Hash], first: u64) -> Result<Vec<Hash>, ProofError> {
    let second = count(leaves);
    if first > second {
        return Err(ProofError::SizesOutOfOrder { first, second });
    }
    let mut proof = Vec::new();
    if first > 0 {
        subproof(leaves, to_index(first), true, &mut proof);
    }
    Ok(proof)
}

fn subproof(leaves: &[Hash], m: usize, whole: bool, proof: &mut Vec<Hash>) {
    if m == leaves.len() {
        if !whole {
            proof.push(root(leaves));
        }
        return;
    }
    let k = split(leaves.len());
    let (left, right) = leaves.split_at(k);
    if m <= k {
        subproof(left, m, whole, proof);
        proof.push(root(right));
    } else {
        subproof(right, m - k, false, proof);
        proof.push(root(left));
    }
}

/// Checks that `leaf` is entry `index` of the tree of `size` leaves whose
/// head is `root` (RFC 9162 section 2.1.3.2).
pub fn verify_inclusion(
    index: u64,
    size: u64,
    leaf: &Hash,
    proof: &[Hash],
    root: &Hash,
) -> Result<(), ProofError> {
    if index >= size {
        return Err(ProofError::IndexOutOfRange { index, size });
    }
    let mut r = *leaf;
    climb(index, size - 1, proof, |p, left| {
        r = if left {
            node_hash(p, &r)
        } else {
            node_hash(&r, p)
        };
    })?;
    same(&r, root)
}

/// Checks that the tree of `first` leaves with head `first_root` is a prefix
/// of the tree of `second` leaves with head `second_root` (RFC 9162 section
/// 2.1.4.2). Equal sizes need equal heads and an empty proof; every tree
/// extends the empty one.
pub fn verify_consistency(
    first: u64,
    second: u64,
    first_root: &Hash,
    second_root: &Hash,
    proof: &[Hash],
) -> Result<(), ProofError> {
    if first > second {
        return Err(ProofError::SizesOutOfOrder { first, second });
    }
    // Equal trees and the empty tree need no hashes; any other pair does.
    if (first == 0 || first == second) != proof.is_empty() {
        return Err(ProofError::WrongLength);
    }
    if first == 0 {
        return Ok(());
    }
    if first == second {
        return same(first_root, second_root);
    }
    // When the first tree is a complete subtree of the second, its head is
    // the proof's implicit first node (step 2 of the RFC's algorithm).
    let (start, rest) = match proof.split_first() {
        Some((head, rest)) if !first.is_power_of_two() => (*head, rest),
        _ => (*first_root, proof),
    };
    let (mut f, mut s) = (first - 1, second - 1);
    while f & 1 == 1 {
        f >>= 1;
        s >>= 1;
    }
    let (mut fr, mut sr) = (start, start);
    climb(f, s, rest, |c, left| {
        if left {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
        } else {
            sr = node_hash(&sr, c);
        }
    })?;
    same(&fr, first_root)?;
    same(&sr, second_root)
}

/// The walk both verification algorithms of RFC 9162 take up the tree, from
/// node `f` on a level whose last node is `s`: `step` gets each proof hash
/// and whether it is the left sibling of the path so far. The proof must
/// end exactly at the root (`s` reaching 0).
fn climb(
    mut f: u64,
    mut s: u64,
    proof: &[Hash],
    mut step: impl FnMut(&Hash, bool),
) -> Result<(), ProofError> {
    for p in proof {
        if s == 0 {
            return Err(ProofError::WrongLength);
        }
        let left = f & 1 == 1 || f == s;
        step(p, left);
        if left {
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        }
        f >>= 1;
        s >>= 1;
    }
    if s == 0 {
        Ok(())
    } else {
        Err(ProofError::WrongLength)
    }
}

fn same(computed: &Hash, expected: &Hash) -> Result<(), ProofError> {
    if computed == expected {
        Ok(())
    } else {
        Err(ProofError::RootMismatch)
    }
}

/// The largest power of two below `n` (n > 1): where RFC 9162 splits a tree.
fn split(n: usize) -> usize {
    1 << (usize::BITS - 1 - (n - 1).leading_zeros())
}

fn count(leaves: &[Hash]) -> u64 {
    leaves.len() as u64
}

/// An index that addresses a leaf slice already held in memory, so it fits.
fn to_index(n: u64) -> usize {
    n as usize
}
