//! Passwords and tokens.
//!
//! Passwords are hashed with argon2id at the OWASP parameters (the crate's
//! defaults: m = 19 MiB, t = 2, p = 1), on the blocking pool so a login
//! never stalls the executor, in their NFKC form ([`crate::password`]). An
//! unknown NIP is checked against a dummy hash, so the answer takes as long
//! as for a known one. Tokens (sessions, CSRF, setup links) are 256 random
//! bits; only their SHA-256 is stored.

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use sha2::{Digest, Sha256};

use crate::error::WebError;
use crate::password::normalise;

/// A hash of a password nobody has, to verify against for unknown NIPs.
static DUMMY_HASH: LazyLock<Option<String>> = LazyLock::new(|| {
    let salt = [7u8; 16];
    Argon2::default()
        .hash_password_with_salt(b"talenta-dummy-password", &salt)
        .ok()
        .map(|h| h.to_string())
});

/// Hashes a new password, in its NFKC form, into a PHC string.
pub async fn hash_password(password: String) -> Result<String, WebError> {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(normalise(&password).as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| WebError::Internal(format!("hashing a password: {e}")))
    })
    .await
    .map_err(|e| WebError::Internal(format!("hashing task: {e}")))?
}

/// Whether `password` matches the stored `hash`; with no hash (unknown
/// account) it still does the work of a check and answers `false`. The
/// NFKC form is tried first; a password that NFKC changes is also tried as
/// typed, so a hash made before passwords were normalised still verifies
/// (the next password change stores the NFKC form).
pub async fn verify_password(password: String, hash: Option<String>) -> bool {
    let known = hash.is_some();
    let result = tokio::task::spawn_blocking(move || {
        let Some(hash) = hash.or_else(|| DUMMY_HASH.clone()) else {
            return false;
        };
        let normal = normalise(&password);
        let verifies = |candidate: &str| {
            Argon2::default()
                .verify_password(candidate.as_bytes(), hash.as_str())
                .is_ok()
        };
        verifies(&normal) || (normal != password && verifies(&password))
    })
    .await;
    known && result.unwrap_or(false)
}

/// 256 random bits as 64 hex digits.
pub fn random_token() -> Result<String, WebError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| WebError::Internal(format!("no randomness from the OS: {e}")))?;
    Ok(hex(&bytes))
}

/// The SHA-256 of a token, as stored.
pub fn token_hash(token: &str) -> String {
    sha256_hex(token.as_bytes())
}

/// The SHA-256 of `bytes` as lowercase hex: session tokens and uploaded
/// files are stored by it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two tokens in time independent of where they differ.
pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A secret a form sends (a password, a setup token): read as text, but
/// never printed, so that no log line or panic message of a form holding
/// it shows it.
#[derive(serde::Deserialize)]
#[serde(transparent)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[tokio::test]
    async fn a_hashed_password_verifies_and_others_do_not() {
        let hash = hash_password("benar-sekali-123".into()).await.unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_password("benar-sekali-123".into(), Some(hash.clone())).await);
        assert!(!verify_password("salah-sekali-123".into(), Some(hash)).await);
        assert!(!verify_password("benar-sekali-123".into(), None).await);
    }

    /// The same password typed in another Unicode form (a full-width
    /// digit, a non-breaking space, a ligature) gives the same hash input;
    /// a hash of a password stored as typed before normalisation still
    /// verifies.
    #[tokio::test]
    async fn passwords_are_hashed_and_verified_in_nfkc() {
        let hash = hash_password("kopi\u{a0}hitam ﬁlter １２".into())
            .await
            .unwrap();
        assert!(verify_password("kopi hitam filter 12".into(), Some(hash.clone())).await);
        assert!(verify_password("kopi\u{a0}hitam ﬁlter １２".into(), Some(hash)).await);

        let before = Argon2::default()
            .hash_password_with_salt("kopi\u{a0}hitam ﬁlter １２".as_bytes(), &[1u8; 16])
            .unwrap()
            .to_string();
        assert!(verify_password("kopi\u{a0}hitam ﬁlter １２".into(), Some(before.clone())).await);
        assert!(!verify_password("kopi hitam filter 12".into(), Some(before)).await);
    }

    #[test]
    fn tokens_are_random_and_compared_exactly() {
        let a = random_token().unwrap();
        let b = random_token().unwrap();
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert!(same_token(&a, &a.clone()));
        assert!(!same_token(&a, &b));
        assert!(!same_token(&a, &a[..63]));
        assert_eq!(token_hash("x").len(), 64);
    }
}
