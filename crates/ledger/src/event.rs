//! The leaf of a Talenta event: a versioned, canonical byte encoding that
//! another program recomputes from the event's fields and its salt
//! (`docs/ledger.md` gives it byte by byte).
//!
//! Length-prefixed binary rather than canonical JSON: every field has one
//! encoding (no escaping, number formats, key order or Unicode
//! normalisation to agree on), and a reader in any language needs only
//! big-endian integers and SHA-256.
//!
//! The fields that may name a person (the actor, the subject and the
//! payload's digest) enter the leaf only as salted commitments
//! SHA-256(salt || field tag || value), the salt being 32 random bytes kept
//! beside the event. A proof handed to an outsider shows the leaf, which
//! reveals neither the values nor, without the salt, a way to test guesses
//! of them; erasing the salt and the values later leaves the stored leaf
//! hash, so the log still verifies. The field tag keeps one event's equal
//! values (an employee reading their own record) from showing as equal
//! commitments.

use sha2::{Digest as _, Sha256};

use crate::merkle::{Hash, leaf_hash};

/// The first byte of every leaf: the encoding's version. A new encoding
/// takes a new number, and a verifier reads each leaf by its own.
pub const VERSION: u8 = 1;

/// An event's secret salt: 32 bytes from a secure random source, chosen
/// per event by the caller and stored beside it.
#[derive(Clone, PartialEq, Eq)]
pub struct Salt([u8; 32]);

// A salt opens the commitments, so it is not printed.
impl std::fmt::Debug for Salt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Salt(..)")
    }
}

impl Salt {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

/// A committed field, whose tag byte enters its commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Actor = 1,
    Subject = 2,
    Payload = 3,
}

/// SHA-256(salt || tag || value): what a personal field puts in a leaf.
/// Whoever is shown the salt and the value recomputes it.
pub fn commitment(salt: &Salt, field: Field, value: &[u8]) -> Hash {
    Sha256::new()
        .chain_update(salt.0)
        .chain_update([field as u8])
        .chain_update(value)
        .finalize()
        .into()
}

/// The SHA-256 digest of what an event wrote (its payload), the value its
/// `payload` commitment is over.
pub fn digest(payload: &[u8]) -> Hash {
    Sha256::digest(payload).into()
}

/// One event of a log, as the caller has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event<'a> {
    /// The event's number in its log: 0, 1, 2... without gaps.
    pub seq: u64,
    /// When it happened, in Unix seconds, as the caller's clock said.
    pub time: i64,
    /// What happened, e.g. `perubahan` or `baca.profil`.
    pub kind: &'a str,
    /// The instansi's code; empty for an event of no instansi.
    pub instansi: &'a str,
    /// Who did it (an account); committed.
    pub actor: &'a str,
    /// Whom or what it was about (a NIP, a position...), empty if nothing;
    /// committed.
    pub subject: &'a str,
    /// The digest of what it wrote or read ([`digest`]); committed.
    pub payload: Hash,
}

impl Event<'_> {
    /// The leaf bytes (`docs/ledger.md`): version, seq, time, kind,
    /// instansi, then the commitments of actor, subject and payload.
    pub fn leaf(&self, salt: &Salt) -> Vec<u8> {
        let mut leaf = Vec::with_capacity(1 + 8 + 8 + 16 + 3 * 32);
        leaf.push(VERSION);
        leaf.extend_from_slice(&self.seq.to_be_bytes());
        leaf.extend_from_slice(&self.time.to_be_bytes());
        for text in [self.kind, self.instansi] {
            leaf.extend_from_slice(&(text.len() as u64).to_be_bytes());
            leaf.extend_from_slice(text.as_bytes());
        }
        leaf.extend_from_slice(&commitment(salt, Field::Actor, self.actor.as_bytes()));
        leaf.extend_from_slice(&commitment(salt, Field::Subject, self.subject.as_bytes()));
        leaf.extend_from_slice(&commitment(salt, Field::Payload, &self.payload));
        leaf
    }

    /// The leaf's hash in the tree, [`leaf_hash`] of [`Event::leaf`].
    pub fn leaf_hash(&self, salt: &Salt) -> Hash {
        leaf_hash(&self.leaf(salt))
    }
}
