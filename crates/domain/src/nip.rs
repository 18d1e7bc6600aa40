//! NIP (Nomor Induk Pegawai) of a PNS and NI PPPK: parsing and validation.
//!
//! PNS (Perka BKN 22/2007 and 43/2007): `YYYYMMDD YYYYMM G NNN`, the birth
//! date, the year and month of appointment as CPNS (TMT CPNS), the gender digit
//! (1 = pria, 2 = wanita) and a sequence number. NI PPPK has the same length:
//! birth date, the **year** of first appointment as calon PPPK, a two-digit
//! code ("jumlah perjanjian kerja", `21` in practice, `24` seen for PPPK paruh
//! waktu; unknown codes are accepted), gender and sequence. See
//! `shared/reference/domain.md` §7.1–7.2.
//!
//! A PNS is appointed as CPNS no earlier than the month of the 18th birthday
//! (PP 11/2017 Pasal 23: applicants are at least 18). A PPPK applies at 20
//! or older (PP 49/2018) and the NI PPPK carries only the year of
//! appointment, so its year may not be less than the birth year plus 20.
//!
//! Every problem found is reported, each naming the part of the NIP it is in.

use std::fmt;

use time::{Date, Month};

/// The kind of ASN a number belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AsnKind {
    Pns,
    Pppk,
}

impl AsnKind {
    pub const fn code(self) -> &'static str {
        match self {
            AsnKind::Pns => "pns",
            AsnKind::Pppk => "pppk",
        }
    }
}

/// Jenis kelamin as encoded in digit 15.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Gender {
    /// Laki-laki (digit 1).
    #[serde(rename = "L")]
    L,
    /// Perempuan (digit 2).
    #[serde(rename = "P")]
    P,
}

impl Gender {
    pub const fn code(self) -> &'static str {
        match self {
            Gender::L => "L",
            Gender::P => "P",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Gender::L => "Laki-laki",
            Gender::P => "Perempuan",
        }
    }
}

/// Why a text is not a gender.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a jenis kelamin (expected L or P, also M or F)")]
pub struct GenderError(pub String);

impl std::str::FromStr for Gender {
    type Err = GenderError;

    /// Accepts `L`/`P` (SIASN), `M`/`F` (English-language systems) and the
    /// words `laki-laki`, `pria`, `perempuan`, `wanita`, in any case.
    fn from_str(text: &str) -> Result<Gender, GenderError> {
        match text.trim().to_lowercase().as_str() {
            "l" | "m" | "laki-laki" | "pria" => Ok(Gender::L),
            "p" | "f" | "perempuan" | "wanita" => Ok(Gender::P),
            _ => Err(GenderError(text.to_owned())),
        }
    }
}

display_as!(Gender, code);

/// First appointment as encoded in digits 9–14.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Appointment {
    /// PNS: TMT CPNS, year and month.
    Cpns { year: i32, month: Month },
    /// PPPK: year of first appointment and the two-digit contract code.
    Pppk { year: i32, code: u8 },
}

impl Appointment {
    pub const fn year(self) -> i32 {
        match self {
            Appointment::Cpns { year, .. } | Appointment::Pppk { year, .. } => year,
        }
    }

    /// `YYYY-MM` for a PNS; a PPPK number carries no month.
    pub fn year_month(self) -> Option<String> {
        match self {
            Appointment::Cpns { year, month } => Some(format!("{year:04}-{:02}", month as u8)),
            Appointment::Pppk { .. } => None,
        }
    }
}

/// A valid NIP or NI PPPK.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Nip {
    digits: [u8; LENGTH],
    birth_date: Date,
    appointment: Appointment,
    gender: Gender,
    sequence: u16,
}

/// One thing wrong with a NIP. Positions are 1-based digit positions after
/// spaces are removed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NipError {
    #[error("empty: a NIP has 18 digits")]
    Empty,
    #[error("wrong length: a NIP has 18 digits, found {found}")]
    WrongLength { found: usize },
    #[error("non-digit {character:?} at position {position}")]
    NonDigit { position: usize, character: char },
    #[error("birth date (digits 1-8) {text:?} is not a calendar date")]
    BirthDate { text: String },
    #[error("birth year (digits 1-4) {year} is not plausible (1900-2100)")]
    BirthYear { year: i32 },
    #[error("TMT CPNS month (digits 13-14) {text:?} is not a month 01-12")]
    TmtMonth { text: String },
    #[error("gender digit (digit 15) {digit:?} must be 1 (pria) or 2 (wanita)")]
    GenderDigit { digit: char },
    #[error("sequence number (digits 16-18) is 000; numbering starts at 001")]
    ZeroSequence,
    #[error("first appointment {appointment} precedes the 18th birthday ({adult})")]
    AppointedBeforeAdulthood { appointment: String, adult: String },
    #[error(
        "year of appointment as PPPK (digits 9-12) {year} precedes the year of the 20th birthday ({minimum}); PP 49/2018 sets the minimum age at 20"
    )]
    PppkUnderAge { year: i32, minimum: i32 },
}

const LENGTH: usize = 18;
/// PPPK appointments began in 2019 (the first PPPK intake); a number whose
/// digits 13–14 are not a month is read as NI PPPK only from then on.
const FIRST_PPPK_YEAR: i32 = 2019;
/// The minimum age of a CPNS applicant (PP 11/2017 Pasal 23 ayat (1) huruf
/// a).
const ADULT_AGE: i32 = 18;
/// The minimum age of a PPPK applicant (PP 49/2018).
const PPPK_MIN_AGE: i32 = 20;

impl Nip {
    /// Parses a PNS NIP or NI PPPK, telling them apart by digits 13–14: a
    /// month 01–12 means PNS; anything else, with a year of 2019 or later,
    /// means PPPK. Use [`Nip::parse_as`] when the kind is known.
    pub fn parse(text: &str) -> Result<Nip, Vec<NipError>> {
        Self::parse_with(text, None)
    }

    /// Parses a number known to be of `kind`.
    pub fn parse_as(text: &str, kind: AsnKind) -> Result<Nip, Vec<NipError>> {
        Self::parse_with(text, Some(kind))
    }

    fn parse_with(text: &str, kind: Option<AsnKind>) -> Result<Nip, Vec<NipError>> {
        // The common case, 18 digits as stored, without collecting them.
        if let Ok(digits) = <[u8; LENGTH]>::try_from(text.as_bytes())
            && digits.iter().all(u8::is_ascii_digit)
        {
            return decode(digits, kind);
        }
        let compact: Vec<char> = text.chars().filter(|c| *c != ' ').collect();
        if compact.is_empty() {
            return Err(vec![NipError::Empty]);
        }
        let non_digits: Vec<NipError> = compact
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_ascii_digit())
            .map(|(i, c)| NipError::NonDigit {
                position: i + 1,
                character: *c,
            })
            .collect();
        let mut errors = Vec::new();
        if compact.len() != LENGTH {
            errors.push(NipError::WrongLength {
                found: compact.len(),
            });
        }
        errors.extend(non_digits);
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut digits = [0u8; LENGTH];
        for (slot, c) in digits.iter_mut().zip(&compact) {
            // ASCII digits checked above.
            *slot = *c as u8;
        }
        decode(digits, kind)
    }

    /// The 18 digits, without spaces.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored.
        std::str::from_utf8(&self.digits).unwrap_or_default()
    }

    pub fn kind(&self) -> AsnKind {
        match self.appointment {
            Appointment::Cpns { .. } => AsnKind::Pns,
            Appointment::Pppk { .. } => AsnKind::Pppk,
        }
    }

    pub fn birth_date(&self) -> Date {
        self.birth_date
    }

    pub fn appointment(&self) -> Appointment {
        self.appointment
    }

    pub fn gender(&self) -> Gender {
        self.gender
    }

    pub fn sequence(&self) -> u16 {
        self.sequence
    }
}

impl fmt::Display for Nip {
    /// The display convention `19660801 198803 1 001`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.as_str();
        let part = |from: usize, to: usize| s.get(from..to).unwrap_or_default();
        write!(
            f,
            "{} {} {} {}",
            part(0, 8),
            part(8, 14),
            part(14, 15),
            part(15, 18)
        )
    }
}

/// NIPs order by their digits (as their text does); two readings of the
/// same digits as different kinds of ASN order PNS first.
impl Ord for Nip {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.digits
            .cmp(&other.digits)
            .then_with(|| (self.kind() == AsnKind::Pppk).cmp(&(other.kind() == AsnKind::Pppk)))
    }
}

impl PartialOrd for Nip {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The 18 digits, as [`Nip::as_str`].
impl AsRef<str> for Nip {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

/// As its 18 digits, as files and the database hold it.
impl serde::Serialize for Nip {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl std::str::FromStr for Nip {
    type Err = Vec<NipError>;

    fn from_str(text: &str) -> Result<Nip, Vec<NipError>> {
        Nip::parse(text)
    }
}

/// Decodes 18 ASCII digits, collecting every problem.
fn decode(digits: [u8; LENGTH], kind: Option<AsnKind>) -> Result<Nip, Vec<NipError>> {
    let number = |from: usize, to: usize| -> u32 {
        digits
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .fold(0, |n, d| n * 10 + u32::from(d - b'0'))
    };
    let text = |from: usize, to: usize| -> String {
        String::from_utf8_lossy(digits.get(from..to).unwrap_or_default()).into_owned()
    };
    let as_i32 = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
    let mut errors = Vec::new();

    let birth_year = as_i32(number(0, 4));
    let birth_date = u8::try_from(number(4, 6))
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .and_then(|month| {
            let day = u8::try_from(number(6, 8)).ok()?;
            Date::from_calendar_date(birth_year, month, day).ok()
        });
    match birth_date {
        None => errors.push(NipError::BirthDate { text: text(0, 8) }),
        Some(_) if !(1900..=2100).contains(&birth_year) => {
            errors.push(NipError::BirthYear { year: birth_year });
        }
        Some(_) => {}
    }

    let appointment_year = as_i32(number(8, 12));
    let code = u8::try_from(number(12, 14)).unwrap_or(u8::MAX);
    let month = Month::try_from(code).ok();
    let kind = kind.unwrap_or(match month {
        None if appointment_year >= FIRST_PPPK_YEAR => AsnKind::Pppk,
        _ => AsnKind::Pns,
    });
    let appointment = match (kind, month) {
        (AsnKind::Pppk, _) => Some(Appointment::Pppk {
            year: appointment_year,
            code,
        }),
        (AsnKind::Pns, Some(month)) => Some(Appointment::Cpns {
            year: appointment_year,
            month,
        }),
        (AsnKind::Pns, None) => {
            errors.push(NipError::TmtMonth { text: text(12, 14) });
            None
        }
    };

    let gender = match digits.get(14) {
        Some(b'1') => Some(Gender::L),
        Some(b'2') => Some(Gender::P),
        other => {
            errors.push(NipError::GenderDigit {
                digit: other.map_or('?', |d| char::from(*d)),
            });
            None
        }
    };

    let sequence = u16::try_from(number(15, 18)).unwrap_or(u16::MAX);
    if sequence == 0 {
        errors.push(NipError::ZeroSequence);
    }

    match (birth_date, appointment) {
        (Some(birth), Some(Appointment::Cpns { year, month })) => {
            let adult_year = birth.year() + ADULT_AGE;
            if (year, month as u8) < (adult_year, birth.month() as u8) {
                errors.push(NipError::AppointedBeforeAdulthood {
                    appointment: format!("{year:04}-{:02}", month as u8),
                    adult: format!("{adult_year:04}-{:02}", birth.month() as u8),
                });
            }
        }
        (Some(birth), Some(Appointment::Pppk { year, .. })) => {
            let minimum = birth.year() + PPPK_MIN_AGE;
            if year < minimum {
                errors.push(NipError::PppkUnderAge { year, minimum });
            }
        }
        _ => {}
    }

    match (birth_date, appointment, gender) {
        (Some(birth_date), Some(appointment), Some(gender)) if errors.is_empty() => Ok(Nip {
            digits,
            birth_date,
            appointment,
            gender,
            sequence,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn decodes_the_perka_bkn_example() {
        let nip = Nip::parse("19660801 198803 1 001").unwrap();
        assert_eq!(nip.as_str(), "196608011988031001");
        assert_eq!(nip.kind(), AsnKind::Pns);
        assert_eq!(nip.birth_date(), date!(1966 - 08 - 01));
        assert_eq!(
            nip.appointment(),
            Appointment::Cpns {
                year: 1988,
                month: Month::March
            }
        );
        assert_eq!(nip.gender(), Gender::L);
        assert_eq!(nip.sequence(), 1);
        assert_eq!(nip.to_string(), "19660801 198803 1 001");
    }

    #[test]
    fn decodes_the_display_convention_example() {
        let nip = Nip::parse("19860926 201505 1 001").unwrap();
        assert_eq!(nip.birth_date(), date!(1986 - 09 - 26));
        assert_eq!(nip.appointment().year_month().as_deref(), Some("2015-05"));
    }

    #[test]
    fn decodes_the_pppk_examples() {
        let first = Nip::parse("198209212025211088").unwrap();
        assert_eq!(first.kind(), AsnKind::Pppk);
        assert_eq!(first.birth_date(), date!(1982 - 09 - 21));
        assert_eq!(
            first.appointment(),
            Appointment::Pppk {
                year: 2025,
                code: 21
            }
        );
        assert_eq!(first.gender(), Gender::L);
        assert_eq!(first.sequence(), 88);
        assert_eq!(first.appointment().year_month(), None);

        let paruh_waktu = Nip::parse("199009132025242014").unwrap();
        assert_eq!(paruh_waktu.kind(), AsnKind::Pppk);
        assert_eq!(
            paruh_waktu.appointment(),
            Appointment::Pppk {
                year: 2025,
                code: 24
            }
        );
        assert_eq!(paruh_waktu.gender(), Gender::P);
    }

    #[test]
    fn kind_can_be_forced() {
        // Digits 13-14 "11" read as a month for PNS and as a code for PPPK.
        let text = "199001012020111001";
        assert_eq!(Nip::parse(text).unwrap().kind(), AsnKind::Pns);
        assert_eq!(
            Nip::parse_as(text, AsnKind::Pppk).unwrap().kind(),
            AsnKind::Pppk
        );
        assert_eq!(
            Nip::parse_as("198209212025211088", AsnKind::Pns),
            Err(vec![NipError::TmtMonth { text: "21".into() }])
        );
    }

    fn errors(text: &str) -> Vec<NipError> {
        Nip::parse(text).unwrap_err()
    }

    #[test]
    fn names_each_wrong_part() {
        assert_eq!(errors(""), vec![NipError::Empty]);
        assert_eq!(errors("   "), vec![NipError::Empty]);
        assert_eq!(
            errors("1966080119880310"),
            vec![NipError::WrongLength { found: 16 }]
        );
        assert_eq!(
            errors("19660801198803100A"),
            vec![NipError::NonDigit {
                position: 18,
                character: 'A'
            }]
        );
        assert_eq!(
            errors("1966-0801198803100"),
            vec![NipError::NonDigit {
                position: 5,
                character: '-'
            }]
        );
        assert_eq!(
            errors("1966x08011988031001"),
            vec![
                NipError::WrongLength { found: 19 },
                NipError::NonDigit {
                    position: 5,
                    character: 'x'
                }
            ]
        );
        assert_eq!(
            errors("196613011988031001"),
            vec![NipError::BirthDate {
                text: "19661301".into()
            }]
        );
        assert_eq!(
            errors("196602301988031001"),
            vec![NipError::BirthDate {
                text: "19660230".into()
            }]
        );
        assert_eq!(
            errors("196608011988131001"),
            vec![NipError::TmtMonth { text: "13".into() }]
        );
        assert_eq!(
            errors("196608011988033001"),
            vec![NipError::GenderDigit { digit: '3' }]
        );
        assert_eq!(errors("196608011988031000"), vec![NipError::ZeroSequence]);
        assert_eq!(
            errors("180001011900011001"),
            vec![NipError::BirthYear { year: 1800 }]
        );
    }

    #[test]
    fn parses_gender_codes() {
        for (text, gender) in [
            ("L", Gender::L),
            ("l", Gender::L),
            ("M", Gender::L),
            ("Laki-laki", Gender::L),
            (" P ", Gender::P),
            ("f", Gender::P),
            ("PEREMPUAN", Gender::P),
        ] {
            assert_eq!(text.parse(), Ok(gender), "{text:?}");
        }
        assert_eq!(Gender::P.to_string(), "P");
        assert_eq!(
            "X".parse::<Gender>().unwrap_err().to_string(),
            "\"X\" is not a jenis kelamin (expected L or P, also M or F)"
        );
    }

    #[test]
    fn appointment_must_not_precede_the_18th_birthday() {
        // Born August 1966: 18 in August 1984.
        assert_eq!(
            errors("196608011984071001"),
            vec![NipError::AppointedBeforeAdulthood {
                appointment: "1984-07".into(),
                adult: "1984-08".into()
            }]
        );
        assert!(Nip::parse("196608011984081001").is_ok());
        // Appointed before birth.
        assert_eq!(errors("196608011960011001").len(), 1);
    }

    /// PP 49/2018: a PPPK is at least 20. The NI carries only the year, so a
    /// PPPK born in 2005 may be appointed in 2025, not in 2024.
    #[test]
    fn a_pppk_is_appointed_no_earlier_than_the_year_of_the_20th_birthday() {
        assert!(Nip::parse("200512312025211001").is_ok());
        assert_eq!(
            errors("200501012024211001"),
            vec![NipError::PppkUnderAge {
                year: 2024,
                minimum: 2025
            }]
        );
        assert_eq!(
            NipError::PppkUnderAge {
                year: 2024,
                minimum: 2025
            }
            .to_string(),
            "year of appointment as PPPK (digits 9-12) 2024 precedes the year of the 20th birthday (2025); PP 49/2018 sets the minimum age at 20"
        );
        // Between 18 and 20: a CPNS may be appointed, a PPPK not.
        assert!(Nip::parse("200501012023081001").is_ok());
        assert_eq!(
            Nip::parse_as("200501012023211001", AsnKind::Pppk),
            Err(vec![NipError::PppkUnderAge {
                year: 2023,
                minimum: 2025
            }])
        );
    }

    #[test]
    fn reports_several_problems_at_once() {
        let found = errors("196613011988132000");
        assert_eq!(
            found,
            vec![
                NipError::BirthDate {
                    text: "19661301".into()
                },
                NipError::TmtMonth { text: "13".into() },
                NipError::ZeroSequence,
            ]
        );
    }
}
