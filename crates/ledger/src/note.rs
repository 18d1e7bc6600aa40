//! Signed notes in the C2SP `signed-note` format (the format of Go's
//! `golang.org/x/mod/sumdb/note`), with Ed25519 keys: a text, a blank line,
//! and one line per signature, `— <key name> <base64(key hash || signature)>`.
//!
//! Keys travel as the texts that format defines, so a verifier needs no
//! Talenta code to read them:
//!
//! * the verifier key `<name>+<key hash, 8 hex digits>+<base64(0x01 || public key)>`;
//! * the signer key `PRIVATE+KEY+<name>+<key hash>+<base64(0x01 || seed)>`,
//!   which stays outside the database.
//!
//! The key hash is the first four bytes (big-endian) of
//! SHA-256(name || "\n" || 0x01 || public key); a note may carry signatures
//! by other keys, which are skipped, but one by the verifier's key must be
//! present and valid.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use sha2::{Digest as _, Sha256};

/// The signature type byte of Ed25519 in the signed-note format.
const ED25519: u8 = 0x01;

/// What starts every signature line: an em dash and a space.
const SIGNATURE_START: &str = "\u{2014} ";

const PRIVATE_PREFIX: &str = "PRIVATE+KEY+";

/// Why a key or a note was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    #[error("a key name must be non-empty, without spaces or '+': {0:?}")]
    KeyName(String),
    #[error("not a key of the signed-note format: {0}")]
    Key(&'static str),
    #[error("the key hash {written:08x} does not match the key ({computed:08x})")]
    KeyHash { written: u32, computed: u32 },
    #[error(
        "a note's text must be non-empty, end with a newline and hold no blank line or control character"
    )]
    Text,
    #[error("not a signed note: {0}")]
    Malformed(&'static str),
    #[error("the signature by {0} does not verify")]
    BadSignature(String),
    #[error("the note carries no signature by {0}")]
    Unsigned(String),
}

/// A key that signs notes: an Ed25519 key with the name its signatures carry.
pub struct SignerKey {
    name: String,
    key: SigningKey,
}

/// The public half of a [`SignerKey`], which verifies its notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifierKey {
    name: String,
    hash: u32,
    key: VerifyingKey,
}

// The secret never reaches a log or a panic message through `{:?}`.
impl std::fmt::Debug for SignerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignerKey")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl SignerKey {
    /// The key of `name` derived from a 32-byte seed. The seed must come from
    /// a secure random source (the caller's: this crate reads none).
    pub fn from_seed(name: &str, seed: [u8; 32]) -> Result<Self, NoteError> {
        check_name(name)?;
        Ok(Self {
            name: name.to_owned(),
            key: SigningKey::from_bytes(&seed),
        })
    }

    /// Reads `PRIVATE+KEY+<name>+<hash>+<base64>`, checking the hash.
    pub fn parse(text: &str) -> Result<Self, NoteError> {
        let rest = text
            .trim_end()
            .strip_prefix(PRIVATE_PREFIX)
            .ok_or(NoteError::Key("a signer key starts with PRIVATE+KEY+"))?;
        let (name, hash, seed) = split_key(rest)?;
        let seed: [u8; 32] = seed
            .try_into()
            .map_err(|_| NoteError::Key("an Ed25519 seed has 32 bytes"))?;
        let signer = Self::from_seed(name, seed)?;
        let computed = signer.verifier().hash;
        if hash != computed {
            return Err(NoteError::KeyHash {
                written: hash,
                computed,
            });
        }
        Ok(signer)
    }

    /// The key as `PRIVATE+KEY+<name>+<hash>+<base64>`.
    pub fn encode(&self) -> String {
        format!(
            "{PRIVATE_PREFIX}{}+{:08x}+{}",
            self.name,
            self.verifier().hash,
            typed(self.key.as_bytes())
        )
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn verifier(&self) -> VerifierKey {
        VerifierKey::new(&self.name, self.key.verifying_key())
    }

    /// The signed note: `text`, a blank line and this key's signature line.
    pub fn sign(&self, text: &str) -> Result<String, NoteError> {
        check_text(text)?;
        let signature = self.key.sign(text.as_bytes()).to_bytes();
        let mut blob = self.verifier().hash.to_be_bytes().to_vec();
        blob.extend_from_slice(&signature);
        Ok(format!(
            "{text}\n{SIGNATURE_START}{} {}\n",
            self.name,
            BASE64.encode(blob)
        ))
    }
}

impl VerifierKey {
    fn new(name: &str, key: VerifyingKey) -> Self {
        Self {
            name: name.to_owned(),
            hash: key_hash(name, &key),
            key,
        }
    }

    /// Reads `<name>+<hash>+<base64>`, checking the hash.
    pub fn parse(text: &str) -> Result<Self, NoteError> {
        let (name, hash, key) = split_key(text.trim_end())?;
        check_name(name)?;
        let key: [u8; 32] = key
            .try_into()
            .map_err(|_| NoteError::Key("an Ed25519 public key has 32 bytes"))?;
        let key = VerifyingKey::from_bytes(&key)
            .map_err(|_| NoteError::Key("not a point of the Ed25519 curve"))?;
        let verifier = Self::new(name, key);
        if hash != verifier.hash {
            return Err(NoteError::KeyHash {
                written: hash,
                computed: verifier.hash,
            });
        }
        Ok(verifier)
    }

    /// The key as `<name>+<hash>+<base64>`.
    pub fn encode(&self) -> String {
        format!(
            "{}+{:08x}+{}",
            self.name,
            self.hash,
            typed(self.key.as_bytes())
        )
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The text of `note` once a signature by this key verifies over it.
    /// Signatures by other keys are skipped unchecked.
    pub fn open<'a>(&self, note: &'a str) -> Result<&'a str, NoteError> {
        let split = note
            .rfind("\n\n")
            .ok_or(NoteError::Malformed("no blank line before the signatures"))?;
        let (text, signatures) = note.split_at(split + 1);
        check_text(text)?;
        let signatures = signatures
            .strip_prefix('\n')
            .and_then(|s| s.strip_suffix('\n'))
            .ok_or(NoteError::Malformed("the signatures end with a newline"))?;
        let mut signed = false;
        for line in signatures.split('\n') {
            let (name, blob) = line
                .strip_prefix(SIGNATURE_START)
                .and_then(|l| l.split_once(' '))
                .ok_or(NoteError::Malformed(
                    "a signature line is '— <name> <base64>'",
                ))?;
            check_name(name)?;
            let blob = BASE64
                .decode(blob)
                .map_err(|_| NoteError::Malformed("a signature is base64"))?;
            let (hash, signature) = blob
                .split_first_chunk::<4>()
                .ok_or(NoteError::Malformed("a signature starts with a key hash"))?;
            if name != self.name || u32::from_be_bytes(*hash) != self.hash {
                continue;
            }
            let bad = || NoteError::BadSignature(self.name.clone());
            let signature = Signature::from_slice(signature).map_err(|_| bad())?;
            self.key
                .verify_strict(text.as_bytes(), &signature)
                .map_err(|_| bad())?;
            signed = true;
        }
        if signed {
            Ok(text)
        } else {
            Err(NoteError::Unsigned(self.name.clone()))
        }
    }
}

/// The key hash of the signed-note format.
fn key_hash(name: &str, key: &VerifyingKey) -> u32 {
    let digest: [u8; 32] = Sha256::new()
        .chain_update(name.as_bytes())
        .chain_update(b"\n")
        .chain_update([ED25519])
        .chain_update(key.as_bytes())
        .finalize()
        .into();
    let [a, b, c, d, ..] = digest;
    u32::from_be_bytes([a, b, c, d])
}

/// base64 of the key bytes behind the Ed25519 type byte.
fn typed(key: &[u8; 32]) -> String {
    let mut bytes = vec![ED25519];
    bytes.extend_from_slice(key);
    BASE64.encode(bytes)
}

/// `<name>+<hash>+<base64(type || key)>` into its parts, checking the type.
fn split_key(text: &str) -> Result<(&str, u32, Vec<u8>), NoteError> {
    let mut parts = text.splitn(3, '+');
    let (Some(name), Some(hash), Some(key)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(NoteError::Key("a key is <name>+<hash>+<key>"));
    };
    if hash.len() != 8 {
        return Err(NoteError::Key("a key hash is 8 hex digits"));
    }
    let hash =
        u32::from_str_radix(hash, 16).map_err(|_| NoteError::Key("a key hash is 8 hex digits"))?;
    let bytes = BASE64
        .decode(key)
        .map_err(|_| NoteError::Key("a key is base64"))?;
    match bytes.split_first() {
        Some((&ED25519, key)) => Ok((name, hash, key.to_vec())),
        _ => Err(NoteError::Key(
            "only Ed25519 keys (type 0x01) are supported",
        )),
    }
}

fn check_name(name: &str) -> Result<(), NoteError> {
    if name.is_empty() || name.contains('+') || name.chars().any(char::is_whitespace) {
        Err(NoteError::KeyName(name.to_owned()))
    } else {
        Ok(())
    }
}

fn check_text(text: &str) -> Result<(), NoteError> {
    let well_formed = text.ends_with('\n')
        && !text.starts_with('\n')
        && !text.contains("\n\n")
        && !text.chars().any(|c| c.is_control() && c != '\n');
    if well_formed {
        Ok(())
    } else {
        Err(NoteError::Text)
    }
}
