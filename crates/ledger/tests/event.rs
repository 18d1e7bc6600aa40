//! The event leaf: deterministic, sensitive to every field, and free of
//! the personal values it commits to.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use talenta_ledger::event::{Event, Field, Salt, VERSION, commitment, digest};
use talenta_ledger::merkle::leaf_hash;

const NIP: &str = "198503152010011001";

fn event() -> Event<'static> {
    Event {
        seq: 41,
        time: 1_765_000_000,
        kind: "baca.profil",
        instansi: "3171",
        actor: "admin.bkpsdm",
        subject: NIP,
        payload: digest(br#"{"nip":"198503152010011001","kotak":9}"#),
    }
}

fn salt() -> Salt {
    Salt::from_bytes([0x5a; 32])
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn the_same_event_gives_the_same_leaf() {
    assert_eq!(event().leaf(&salt()), event().leaf(&salt()));
    assert_eq!(
        event().leaf_hash(&salt()),
        leaf_hash(&event().leaf(&salt()))
    );
}

/// The layout docs/ledger.md gives, rebuilt here by hand.
#[test]
fn the_leaf_is_laid_out_as_documented() {
    let e = event();
    let s = salt();
    let mut expected = vec![VERSION];
    expected.extend_from_slice(&41u64.to_be_bytes());
    expected.extend_from_slice(&1_765_000_000i64.to_be_bytes());
    expected.extend_from_slice(&11u64.to_be_bytes());
    expected.extend_from_slice(b"baca.profil");
    expected.extend_from_slice(&4u64.to_be_bytes());
    expected.extend_from_slice(b"3171");
    expected.extend_from_slice(&commitment(&s, Field::Actor, b"admin.bkpsdm"));
    expected.extend_from_slice(&commitment(&s, Field::Subject, NIP.as_bytes()));
    expected.extend_from_slice(&commitment(&s, Field::Payload, &e.payload));
    assert_eq!(e.leaf(&s), expected);

    // SHA-256(salt || tag || value), tag 1, 2, 3 for actor, subject, payload.
    let mut committed = vec![0x5a; 32];
    committed.push(2);
    committed.extend_from_slice(NIP.as_bytes());
    assert_eq!(
        commitment(&s, Field::Subject, NIP.as_bytes()),
        digest(&committed)
    );
}

#[test]
fn any_field_change_changes_the_leaf() {
    let base = event().leaf(&salt());
    let payload = digest(b"other");
    let changed = [
        Event { seq: 42, ..event() },
        Event {
            time: 1_765_000_001,
            ..event()
        },
        Event {
            kind: "perubahan",
            ..event()
        },
        Event {
            instansi: "3172",
            ..event()
        },
        Event {
            actor: "admin.lain",
            ..event()
        },
        Event {
            subject: "198503152010011002",
            ..event()
        },
        Event { payload, ..event() },
        // The boundary between kind and instansi is in the encoding.
        Event {
            kind: "baca.profil3",
            instansi: "171",
            ..event()
        },
    ];
    for other in changed {
        assert_ne!(other.leaf(&salt()), base, "{other:?}");
    }
    assert_ne!(event().leaf(&Salt::from_bytes([0x5b; 32])), base);
}

#[test]
fn the_leaf_holds_no_personal_value() {
    let leaf = event().leaf(&salt());
    for value in [NIP.as_bytes(), b"admin.bkpsdm", &event().payload[..]] {
        assert!(!contains(&leaf, value));
    }
    // Equal values in two fields of one event commit differently.
    let own = Event {
        actor: NIP,
        ..event()
    }
    .leaf(&salt());
    let tail = &own[own.len() - 96..];
    assert_ne!(tail[..32], tail[32..64]);
}

#[test]
fn a_salt_does_not_print() {
    assert_eq!(format!("{:?}", salt()), "Salt(..)");
}

proptest! {
    #[test]
    fn personal_values_never_reach_the_leaf(
        actor in "[0-9]{18}",
        subject in "[0-9]{18}",
        salt in any::<[u8; 32]>(),
    ) {
        let e = Event { actor: &actor, subject: &subject, ..event() };
        let leaf = e.leaf(&Salt::from_bytes(salt));
        prop_assert!(!contains(&leaf, actor.as_bytes()));
        prop_assert!(!contains(&leaf, subject.as_bytes()));
        prop_assert_eq!(leaf.len(), 1 + 8 + 8 + 8 + 11 + 8 + 4 + 3 * 32);
    }
}
