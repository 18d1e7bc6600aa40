//! Checkpoints in the C2SP `tlog-checkpoint` format: a signed note whose
//! text is the log's origin, its size in decimal, and the base64 tree head
//! of that many leaves, each on a line of its own.
//!
//! A reader names the log it expects: opening a checkpoint of another
//! origin fails even under a valid signature, so a checkpoint of one log
//! cannot be passed off as one of another log signed with the same key.
//! Extension lines after the tree head are allowed by the format and
//! covered by the signature; this log writes none and reads past them.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;

use crate::merkle::Hash;
use crate::note::{NoteError, SignerKey, VerifierKey};

/// A tree head of a log: its first `size` leaves hash to `root`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub origin: String,
    pub size: u64,
    pub root: Hash,
}

/// Why a checkpoint was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckpointError {
    #[error(transparent)]
    Note(#[from] NoteError),
    #[error("the checkpoint is of {found:?}, not of {expected:?}")]
    Origin { found: String, expected: String },
    #[error("not a checkpoint: {0}")]
    Malformed(&'static str),
}

impl Checkpoint {
    /// The note text: origin, size and tree head, one per line.
    pub fn text(&self) -> String {
        format!(
            "{}\n{}\n{}\n",
            self.origin,
            self.size,
            BASE64.encode(self.root)
        )
    }

    /// The checkpoint as a note signed by `key`.
    pub fn sign(&self, key: &SignerKey) -> Result<String, CheckpointError> {
        Ok(key.sign(&self.text())?)
    }

    /// The checkpoint of log `origin` a signed note holds, once `key`'s
    /// signature over it verifies.
    pub fn open(note: &str, key: &VerifierKey, origin: &str) -> Result<Self, CheckpointError> {
        let mut lines = key.open(note)?.lines();
        let (Some(found), Some(size), Some(root)) = (lines.next(), lines.next(), lines.next())
        else {
            return Err(CheckpointError::Malformed(
                "a checkpoint has an origin, a size and a tree head",
            ));
        };
        if found != origin {
            return Err(CheckpointError::Origin {
                found: found.to_owned(),
                expected: origin.to_owned(),
            });
        }
        let canonical = !size.is_empty()
            && size.bytes().all(|b| b.is_ascii_digit())
            && (size == "0" || !size.starts_with('0'));
        let size = size
            .parse()
            .ok()
            .filter(|_| canonical)
            .ok_or(CheckpointError::Malformed(
                "the size is a decimal number without leading zeros",
            ))?;
        let root = BASE64
            .decode(root)
            .ok()
            .and_then(|bytes| Hash::try_from(bytes).ok())
            .ok_or(CheckpointError::Malformed(
                "the tree head is 32 bytes in base64",
            ))?;
        Ok(Self {
            origin: origin.to_owned(),
            size,
            root,
        })
    }
}
