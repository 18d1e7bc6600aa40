//! Checkpoints in the C2SP `tlog-checkpoint` format: a signed note whose
//! text is the log's origin, its size in decimal, and the base64 tree head
//! of that many leaves, each on a line of its own.
//!
//! The log is named by its key: a checkpoint is signed by the key whose
//! name is the checkpoint's origin, and opening one with a verifier key
//! refuses a checkpoint of another origin, so a checkpoint of one log
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
    #[error("the checkpoint is of {origin:?}, but the key is of {key:?}")]
    Origin { origin: String, key: String },
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

    /// The signed checkpoint; `key` must be named for this log's origin.
    pub fn sign(&self, key: &SignerKey) -> Result<String, CheckpointError> {
        self.same_origin(key.name())?;
        Ok(key.sign(&self.text())?)
    }

    /// The checkpoint a signed note holds, once `key`'s signature over it
    /// verifies.
    pub fn open(note: &str, key: &VerifierKey) -> Result<Self, CheckpointError> {
        let mut lines = key.open(note)?.lines();
        let (Some(origin), Some(size), Some(root)) = (lines.next(), lines.next(), lines.next())
        else {
            return Err(CheckpointError::Malformed(
                "a checkpoint has an origin, a size and a tree head",
            ));
        };
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
        let checkpoint = Self {
            origin: origin.to_owned(),
            size,
            root,
        };
        checkpoint.same_origin(key.name())?;
        Ok(checkpoint)
    }

    fn same_origin(&self, key: &str) -> Result<(), CheckpointError> {
        if self.origin == key {
            Ok(())
        } else {
            Err(CheckpointError::Origin {
                origin: self.origin.clone(),
                key: key.to_owned(),
            })
        }
    }
}
