//! The verifiable event log's pure core (issue 25): what makes Talenta's
//! event logs tamper-evident to an outsider who holds no database.
//!
//! * [`merkle`]: the RFC 9162 (Certificate Transparency) Merkle tree over
//!   the events' leaf hashes, with inclusion and consistency proofs.
//! * [`note`] and [`checkpoint`]: tree heads published as C2SP
//!   `tlog-checkpoint`s, signed notes with an Ed25519 key kept outside the
//!   database, verified with only the public key.
//! * [`event`]: the versioned leaf encoding of an event, in which personal
//!   fields are salted commitments.
//!
//! `docs/ledger.md` describes the bytes for a verifier written elsewhere.
//! Pure: no I/O, no clock, no randomness; times, salts and key seeds come
//! from the caller.
//!
//! ```
//! use talenta_ledger::checkpoint::Checkpoint;
//! use talenta_ledger::event::{Event, Salt, digest};
//! use talenta_ledger::merkle::{inclusion_proof, root, verify_inclusion};
//! use talenta_ledger::note::SignerKey;
//!
//! let salt = Salt::from_bytes([7; 32]);
//! let event = Event {
//!     seq: 0,
//!     time: 1_700_000_000,
//!     kind: "baca.profil",
//!     instansi: "3171",
//!     actor: "admin",
//!     subject: "198503152010011001",
//!     payload: digest(b"{}"),
//! };
//! let leaves = [event.leaf_hash(&salt)];
//! let key = SignerKey::from_seed("talenta.example/log", [1; 32])?;
//! let signed = Checkpoint { origin: "talenta.example/log".into(), size: 1, root: root(&leaves) }
//!     .sign(&key)?;
//!
//! // An outsider: the public key, the checkpoint, the leaf hash and a proof.
//! let checkpoint = Checkpoint::open(&signed, &key.verifier(), "talenta.example/log")?;
//! let proof = inclusion_proof(&leaves, 0)?;
//! verify_inclusion(0, checkpoint.size, &leaves[0], &proof, &checkpoint.root)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod checkpoint;
pub mod event;
pub mod merkle;
pub mod note;
