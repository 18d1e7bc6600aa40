//! Signed notes and checkpoints against the published vectors of the
//! C2SP signed-note spec and Go's `golang.org/x/mod/sumdb/note`, and a
//! checkpoint of sum.golang.org.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use talenta_ledger::checkpoint::{Checkpoint, CheckpointError};
use talenta_ledger::merkle::{leaf_hash, root};
use talenta_ledger::note::{NoteError, SignerKey, VerifierKey};

/// The key and note of the Go package's documentation and `TestSign`
/// (`golang.org/x/mod/sumdb/note`).
const GO_SIGNER: &str =
    "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const GO_VERIFIER: &str = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const GO_TEXT: &str = "If you think cryptography is the answer to your problem,\n\
                       then you don't know what your problem is.\n";
const GO_SIGNATURE: &str = "\u{2014} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

/// The example of the C2SP signed-note spec (`signed-note.md#example`).
const SPEC_VERIFIER: &str = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
const SPEC_NOTE: &str = "This is an example message.\n\n\u{2014} example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

/// A checkpoint of sum.golang.org with its public key (the key from Go's
/// `cmd/go/internal/modfetch/key.go`; the checkpoint as
/// google/trillian-examples `gossip/client` tests copy it).
const SUMDB_VERIFIER: &str = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
const SUMDB_CHECKPOINT: &str = "go.sum database tree\n13485\n/ZWur4obeiqK+ASdnPK+/Rmz6LPQMUeSmHh0+UkL54Y=\n\n\u{2014} sum.golang.org Az3grnQReYTvpCrRxT+w50vixbqBlB/aPS8bL8f8KW4HHP+UjLSXOJgCh4f54n8hO6lrESglzyRXMXnhaWzaeY3zqw8=\n";

#[test]
fn the_go_key_signs_the_published_note() {
    let signer = SignerKey::parse(GO_SIGNER).unwrap();
    assert_eq!(signer.encode(), GO_SIGNER);
    assert_eq!(signer.verifier().encode(), GO_VERIFIER);
    let note = signer.sign(GO_TEXT).unwrap();
    assert_eq!(note, format!("{GO_TEXT}\n{GO_SIGNATURE}"));
    let verifier = VerifierKey::parse(GO_VERIFIER).unwrap();
    assert_eq!(verifier, signer.verifier());
    assert_eq!(verifier.open(&note).unwrap(), GO_TEXT);
}

#[test]
fn the_spec_example_opens() {
    let verifier = VerifierKey::parse(SPEC_VERIFIER).unwrap();
    assert_eq!(verifier.name(), "example.com/foo");
    assert_eq!(verifier.encode(), SPEC_VERIFIER);
    assert_eq!(
        verifier.open(SPEC_NOTE).unwrap(),
        "This is an example message.\n"
    );
}

#[test]
fn the_sumdb_checkpoint_opens() {
    let verifier = VerifierKey::parse(SUMDB_VERIFIER).unwrap();
    let checkpoint = Checkpoint::open(SUMDB_CHECKPOINT, &verifier, "go.sum database tree").unwrap();
    assert_eq!(checkpoint.size, 13485);
    assert_eq!(
        checkpoint.text(),
        SUMDB_CHECKPOINT.split("\n\n").next().unwrap().to_owned() + "\n"
    );
    assert!(matches!(
        Checkpoint::open(SUMDB_CHECKPOINT, &verifier, "sum.golang.org"),
        Err(CheckpointError::Origin { .. })
    ));
}

#[test]
fn other_keys_signatures_are_skipped_but_ours_must_be_there() {
    let ours = VerifierKey::parse(GO_VERIFIER).unwrap();
    let both = format!("{SPEC_NOTE}{GO_SIGNATURE}");
    // The Go key did not sign the spec's text: present, so checked, and bad.
    assert_eq!(
        ours.open(&both),
        Err(NoteError::BadSignature("PeterNeumann".into()))
    );
    let spec = VerifierKey::parse(SPEC_VERIFIER).unwrap();
    assert_eq!(spec.open(&both).unwrap(), "This is an example message.\n");
    assert_eq!(
        ours.open(SPEC_NOTE),
        Err(NoteError::Unsigned("PeterNeumann".into()))
    );
}

#[test]
fn a_changed_note_fails() {
    let verifier = VerifierKey::parse(GO_VERIFIER).unwrap();
    let note = format!("{GO_TEXT}\n{GO_SIGNATURE}");
    let changed = note.replacen("problem", "Problem", 1);
    assert_eq!(
        verifier.open(&changed),
        Err(NoteError::BadSignature("PeterNeumann".into()))
    );
    for malformed in [
        GO_TEXT.to_owned(),
        format!("{GO_TEXT}\n"),
        format!("{GO_TEXT}\n\u{2014} PeterNeumann \n"),
        format!("{GO_TEXT}\n\u{2014} PeterNeumann AQID\n"),
        format!("{GO_TEXT}\n{}", GO_SIGNATURE.trim_end()),
    ] {
        assert!(verifier.open(&malformed).is_err(), "{malformed:?}");
    }
}

#[test]
fn keys_are_checked() {
    // The hash of another name.
    assert!(matches!(
        VerifierKey::parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"),
        Err(NoteError::KeyHash { .. })
    ));
    assert!(matches!(
        VerifierKey::parse("Peter+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"),
        Err(NoteError::KeyHash { .. })
    ));
    // Not Ed25519 (type byte 0x02).
    assert!(matches!(
        VerifierKey::parse("PeterNeumann+c74f20a3+Alpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"),
        Err(NoteError::Key(_))
    ));
    assert!(matches!(
        SignerKey::from_seed("two words", [0; 32]),
        Err(NoteError::KeyName(_))
    ));
    assert!(matches!(
        SignerKey::from_seed("a+b", [0; 32]),
        Err(NoteError::KeyName(_))
    ));
    let debug = format!("{:?}", SignerKey::parse(GO_SIGNER).unwrap());
    assert!(!debug.contains("AYEK"), "{debug}");
}

#[test]
fn a_checkpoint_round_trips_and_refuses_tampering() {
    let key = SignerKey::from_seed("bkpsdm.example.go.id/talenta", [42; 32]).unwrap();
    let leaves: Vec<_> = (0u8..5).map(|i| leaf_hash(&[i])).collect();
    let checkpoint = Checkpoint {
        origin: "bkpsdm.example.go.id/talenta".into(),
        size: 5,
        root: root(&leaves),
    };
    let signed = checkpoint.sign(&key).unwrap();
    let verifier = VerifierKey::parse(&key.verifier().encode()).unwrap();
    assert_eq!(
        Checkpoint::open(&signed, &verifier, "bkpsdm.example.go.id/talenta").unwrap(),
        checkpoint
    );
    let grown = signed.replacen("\n5\n", "\n6\n", 1);
    assert!(matches!(
        Checkpoint::open(&grown, &verifier, "bkpsdm.example.go.id/talenta"),
        Err(CheckpointError::Note(NoteError::BadSignature(_)))
    ));
    let other = SignerKey::from_seed("bkpsdm.example.go.id/talenta", [43; 32]).unwrap();
    assert!(matches!(
        Checkpoint::open(&signed, &other.verifier(), "bkpsdm.example.go.id/talenta"),
        Err(CheckpointError::Note(NoteError::Unsigned(_)))
    ));
}

#[test]
fn checkpoint_sizes_are_canonical() {
    let key = SignerKey::from_seed("log", [1; 32]).unwrap();
    let head = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
    for (size, accepted) in [
        ("0", true),
        ("12", true),
        ("012", false),
        ("-1", false),
        ("+1", false),
        ("", false),
    ] {
        let note = key
            .sign(&format!("log\n{size}\n{head}\n"))
            .unwrap_or_default();
        let opened = Checkpoint::open(&note, &key.verifier(), "log");
        assert_eq!(opened.is_ok(), accepted, "size {size:?}: {opened:?}");
    }
    let short = key.sign("log\n1\nAAAA\n").unwrap();
    assert!(matches!(
        Checkpoint::open(&short, &key.verifier(), "log"),
        Err(CheckpointError::Malformed(_))
    ));
}
