//! What a new password must be (NIST SP 800-63B-4 §3.1.1.2, a password
//! that is the only factor): at least 15 characters, counted as Unicode code
//! points after NFKC normalisation (the form that is hashed, so the same
//! password typed on any keyboard or with a compatibility character gives
//! the same hash); not one of the 100,000 most common passwords (SecLists,
//! vendored in `data/`), ignoring case; not the person's NIP, birth date or
//! name; not white space only, one character or pattern repeated, or a run
//! like `123456…` or `abcdef…`. No composition rules: any characters, a
//! space included, in any mix.

use std::collections::HashSet;
use std::io::Read;
use std::sync::LazyLock;

use talenta_domain::Nip;
use unicode_normalization::UnicodeNormalization;

/// The fewest characters of a password.
pub const MIN_CHARS: usize = 15;
/// The most characters of a password (NIST asks that at least 64 be
/// allowed; the forms' `maxlength`).
pub const MAX_CHARS: usize = 256;
/// The fewest letters and digits a password must keep once the words of
/// the person's name are taken out of it.
const BEYOND_NAME: usize = 8;

/// The 100,000 most common passwords, lower case (`data/README.md`).
static COMMON: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut text = String::new();
    let read = flate2::read::GzDecoder::new(COMMON_GZ).read_to_string(&mut text);
    if let Err(error) = read {
        // Compiled in and checked by a test; a failure here is a broken build.
        tracing::error!(%error, "the vendored list of common passwords does not read");
    }
    text.lines().map(str::to_lowercase).collect()
});

const COMMON_GZ: &[u8] = include_bytes!("../data/common-passwords.txt.gz");

/// `password` as it is hashed and checked: NFKC.
pub fn normalise(password: &str) -> String {
    password.nfkc().collect()
}

/// The person choosing the password, whose own data it must not be.
#[derive(Debug, Clone, Copy)]
pub struct Owner<'a> {
    pub nip: &'a str,
    pub nama: &'a str,
}

/// Why a new password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weak {
    Blank,
    Short,
    Long,
    Repeated,
    Run,
    Common,
    Personal,
}

impl Weak {
    /// What the person reads, in Bahasa Indonesia.
    pub fn message(self) -> String {
        match self {
            Weak::Blank => "Kata sandi tidak boleh hanya berisi spasi.".to_owned(),
            Weak::Short => format!(
                "Kata sandi terlalu pendek: paling sedikit {MIN_CHARS} karakter. Kalimat pendek yang mudah Anda ingat sudah cukup."
            ),
            Weak::Long => {
                format!("Kata sandi terlalu panjang: paling banyak {MAX_CHARS} karakter.")
            }
            Weak::Repeated => {
                "Kata sandi tidak boleh berupa satu karakter atau satu pola yang diulang-ulang."
                    .to_owned()
            }
            Weak::Run => {
                "Kata sandi tidak boleh berupa deretan berurutan seperti 123456… atau abcdef…."
                    .to_owned()
            }
            Weak::Common => {
                "Kata sandi ini termasuk yang paling banyak dipakai orang; pilih yang lain."
                    .to_owned()
            }
            Weak::Personal => {
                "Kata sandi tidak boleh memuat NIP, tanggal lahir, atau sebagian besar nama Anda."
                    .to_owned()
            }
        }
    }
}

/// Checks a new password of `owner`; on success, the normalised password
/// to hash.
pub fn check(password: &str, owner: Owner<'_>) -> Result<String, Weak> {
    let password = normalise(password);
    let length = password.chars().count();
    if password.trim().is_empty() {
        return Err(Weak::Blank);
    }
    if length < MIN_CHARS {
        return Err(Weak::Short);
    }
    if length > MAX_CHARS {
        return Err(Weak::Long);
    }
    let lower = password.to_lowercase();
    let compact: Vec<char> = lower.chars().filter(|c| !c.is_whitespace()).collect();
    if repeated(&compact) {
        return Err(Weak::Repeated);
    }
    if run(&compact) {
        return Err(Weak::Run);
    }
    if COMMON.contains(&lower) {
        return Err(Weak::Common);
    }
    if personal(&lower, owner) {
        return Err(Weak::Personal);
    }
    Ok(password)
}

/// Whether `chars` is a shorter pattern repeated (`aaaa`, `abab`,
/// `sandisandi`).
fn repeated(chars: &[char]) -> bool {
    let n = chars.len();
    (1..=n / 2).any(|unit| {
        n.is_multiple_of(unit)
            && chars
                .iter()
                .zip(chars.iter().skip(unit))
                .all(|(a, b)| a == b)
    })
}

/// Whether `chars` runs up or down the digits or the alphabet one step at a
/// time (`123456789012345`, `zyxwvu…`), wrapping from 9 to 0 and z to a.
fn run(chars: &[char]) -> bool {
    let mut steps = chars.windows(2).map(step);
    match steps.next() {
        Some(Some(first)) => steps.all(|s| s == Some(first)),
        _ => false,
    }
}

/// One up (+1) or one down (-1) within the digits or the lower-case
/// letters, wrapping round; anything else is no step.
fn step(pair: &[char]) -> Option<i8> {
    let (&a, &b) = (pair.first()?, pair.get(1)?);
    let within = |lo: char, size: u32| {
        let (a, b, lo) = (u32::from(a), u32::from(b), u32::from(lo));
        let inside = |c: u32| (lo..lo + size).contains(&c);
        (inside(a) && inside(b)).then(|| (b + size - a) % size)
    };
    match within('0', 10).or_else(|| within('a', 26)) {
        Some(1) => Some(1),
        Some(9) if a.is_ascii_digit() => Some(-1),
        Some(25) => Some(-1),
        _ => None,
    }
}

/// Whether `lower` holds the owner's NIP or birth date, or little beyond
/// the words of their name.
fn personal(lower: &str, owner: Owner<'_>) -> bool {
    let skeleton: String = lower.chars().filter(|c| c.is_alphanumeric()).collect();
    let nip = owner.nip.trim();
    if !nip.is_empty() && skeleton.contains(nip) {
        return true;
    }
    if let Ok(parsed) = Nip::parse(nip) {
        let born = parsed.birth_date();
        let (y, m, d) = (born.year(), u8::from(born.month()), born.day());
        if [format!("{d:02}{m:02}{y:04}"), format!("{y:04}{m:02}{d:02}")]
            .iter()
            .any(|date| skeleton.contains(date.as_str()))
        {
            return true;
        }
    }
    let mut left = skeleton;
    for word in owner
        .nama
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
    {
        left = left.replace(word, "");
    }
    left.chars().count() < BEYOND_NAME
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const SITI: Owner<'static> = Owner {
        nip: "198503152010012003",
        nama: "Siti Rahmawati",
    };

    #[test]
    fn the_vendored_list_is_the_top_hundred_thousand() {
        use sha2::{Digest, Sha256};
        let mut text = Vec::new();
        flate2::read::GzDecoder::new(COMMON_GZ)
            .read_to_end(&mut text)
            .unwrap();
        assert_eq!(text.iter().filter(|b| **b == b'\n').count(), 100_000);
        let hash: String = Sha256::digest(&text)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            hash,
            "84f9f01da3323b41cdc030f89f7fab65bf76a7e0d5265acabb715c2b3795f148"
        );
        assert!(COMMON.contains("123456") && COMMON.contains("qwertyuiop"));
        // Ignoring case, some are one.
        assert_eq!(COMMON.len(), 96_518);
    }

    #[test]
    fn refuses_each_weakness_and_says_which() {
        for (password, weak) in [
            ("", Weak::Blank),
            (
                "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}",
                Weak::Blank,
            ),
            ("\u{3000}".repeat(20).as_str(), Weak::Blank),
            ("aaaaaaaaaaaa", Weak::Short),
            ("123456789012", Weak::Short),
            ("kopi hitam 12", Weak::Short),
            ("x".repeat(MAX_CHARS + 1).as_str(), Weak::Long),
            ("aaaaaaaaaaaaaaa", Weak::Repeated),
            ("abcabcabcabcabc", Weak::Repeated),
            ("Sandi Sandi Sandi", Weak::Repeated),
            ("123456789012345", Weak::Run),
            ("543210987654321", Weak::Run),
            ("abcdefghijklmnop", Weak::Run),
            ("xyzabcdefghijklm", Weak::Run),
            ("1qaz2wsx3edc4rfv", Weak::Common),
            ("1QAZ2WSX3EDC4RFV", Weak::Common),
            ("qazwsxedcrfvtgb", Weak::Common),
            ("198503152010012003", Weak::Personal),
            ("nip 198503152010012003!", Weak::Personal),
            ("lahir 15031985 di serang", Weak::Personal),
            ("lahir 1985-03-15 di serang", Weak::Personal),
            ("siti rahmawati 2024", Weak::Personal),
            ("RAHMAWATI, Siti!!!", Weak::Personal),
        ] {
            assert_eq!(check(password, SITI), Err(weak), "{password:?}");
        }
    }

    #[test]
    fn accepts_long_passwords_of_any_characters_without_composition_rules() {
        for password in [
            "kopi hitam tanpa gula",
            "semua huruf kecil tanpa angka",
            "SiTi suka kopi hitam pagi",
            "ﾊﾟｽﾜｰﾄﾞ は 長い ほうが よい",
            "kata sandi 🔑 dengan emoji",
            "123456789012346",
        ] {
            assert!(check(password, SITI).is_ok(), "{password:?}");
        }
        // Counted after NFKC: twelve characters as typed, fifteen as hashed.
        assert_eq!("ﬁne ﬁsh ﬂoat".chars().count(), 12);
        assert_eq!(
            check("ﬁne ﬁsh ﬂoat", SITI),
            Ok("fine fish float".to_owned())
        );
        assert_eq!(normalise("kopi\u{a0}１２"), "kopi 12");
    }
}
