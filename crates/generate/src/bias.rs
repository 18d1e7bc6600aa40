//! Planted bias, to test the merit audit (issue 26): `--bias
//! ATTRIBUTE=VALUE:AXIS:DELTA` moves the generated scores of one group on
//! one axis by DELTA points of their 0-100 scale before anything is
//! written (`jenisKelamin=P:potensial:-10`). Without it the generator is
//! neutral: the sensitive attributes come from a random stream of their
//! own, drawn apart from the one that makes scores (see
//! [`Sensitive::draw`]), so they cannot change a score.

use std::fmt;
use std::str::FromStr;

use rand::Rng;
use talenta_domain::calendar::age_on;
use talenta_domain::eligibility::StatusKepegawaian;
use talenta_domain::merit::{Attribute, age_band};
use talenta_domain::nip::Gender;
use time::Date;

use crate::AS_OF;
use crate::catalogue;

/// The score a planted bias moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    /// The yearly performance score behind the SKP predikat and the
    /// kinerja penguat.
    Kinerja,
    /// The potential score (CACT or assessment centre) and the latent
    /// ability behind the competency levels.
    Potensial,
}

/// One planted bias.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bias {
    pub attribute: Attribute,
    pub value: String,
    pub axis: Axis,
    /// Points of the 0-100 scale, negative to lower.
    pub delta: i8,
}

/// Why a `--bias` text is not a bias.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BiasError {
    #[error("{0:?}: expected ATTRIBUTE=VALUE:AXIS:DELTA, as jenisKelamin=P:potensial:-10")]
    Shape(String),
    #[error(
        "{0:?}: unknown attribute; one of jenisKelamin, usia, agama, daerahAsal, statusPegawai"
    )]
    Attribute(String),
    #[error("{0:?}: unknown axis; kinerja or potensial")]
    Axis(String),
    #[error("{0:?}: the delta must be a whole number of points from -100 to 100")]
    Delta(String),
    #[error("{0:?}: an empty value")]
    Value(String),
}

impl FromStr for Bias {
    type Err = BiasError;

    fn from_str(text: &str) -> Result<Bias, BiasError> {
        let shape = || BiasError::Shape(text.to_owned());
        let (attribute, rest) = text.split_once('=').ok_or_else(shape)?;
        let (rest, delta) = rest.rsplit_once(':').ok_or_else(shape)?;
        let (value, axis) = rest.rsplit_once(':').ok_or_else(shape)?;
        let attribute = Attribute::ALL
            .into_iter()
            .find(|a| a.code() == attribute.trim())
            .ok_or_else(|| BiasError::Attribute(attribute.to_owned()))?;
        let axis = match axis.trim() {
            "kinerja" => Axis::Kinerja,
            "potensial" => Axis::Potensial,
            other => return Err(BiasError::Axis(other.to_owned())),
        };
        let delta = delta
            .trim()
            .parse::<i8>()
            .ok()
            .filter(|d| (-100..=100).contains(d))
            .ok_or_else(|| BiasError::Delta(delta.to_owned()))?;
        let value = value.trim();
        if value.is_empty() {
            return Err(BiasError::Value(text.to_owned()));
        }
        Ok(Bias {
            attribute,
            value: value.to_owned(),
            axis,
            delta,
        })
    }
}

impl fmt::Display for Bias {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let axis = match self.axis {
            Axis::Kinerja => "kinerja",
            Axis::Potensial => "potensial",
        };
        write!(
            f,
            "{}={}:{axis}:{}",
            self.attribute.code(),
            self.value,
            self.delta
        )
    }
}

/// A person's sensitive attributes, drawn from their own stream.
#[derive(Debug, Clone)]
pub struct Sensitive {
    pub agama: &'static str,
    pub tempat_lahir: &'static str,
    pub daerah_asal: Option<&'static str>,
    /// The hajj title rolled for an older Muslim (its chance depends on
    /// religion, so it is drawn here too).
    pub hajj_roll: u32,
}

impl Sensitive {
    /// Draws from `rng`, a stream used for nothing else: no score reads
    /// it, so these attributes cannot move a score unless a bias is
    /// planted.
    pub fn draw<R: Rng>(rng: &mut R) -> Sensitive {
        Sensitive {
            agama: catalogue::religion(rng),
            tempat_lahir: catalogue::place(rng),
            daerah_asal: (rng.random_range(0..100) < 90).then(|| catalogue::place(rng)),
            hajj_roll: rng.random_range(0..100),
        }
    }
}

/// Who a planted bias looks at: the attributes as the import names them.
#[derive(Debug)]
pub struct Group<'a> {
    pub gender: Gender,
    pub birth: Date,
    pub status: StatusKepegawaian,
    pub sensitive: &'a Sensitive,
}

impl Group<'_> {
    fn value(&self, attribute: Attribute) -> Option<&str> {
        match attribute {
            Attribute::JenisKelamin => Some(self.gender.code()),
            Attribute::Usia => Some(age_band(age_on(self.birth, AS_OF))),
            Attribute::Agama => Some(self.sensitive.agama),
            Attribute::DaerahAsal => self.sensitive.daerah_asal,
            Attribute::StatusPegawai => Some(self.status.label()),
        }
    }
}

/// How far a person's scores move, in 0-1 units of each axis's scale.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Shift {
    pub kinerja: f64,
    pub potensial: f64,
}

/// The sum of the planted biases that match `group`.
pub fn shift(biases: &[Bias], group: &Group<'_>) -> Shift {
    biases
        .iter()
        .filter(|b| group.value(b.attribute) == Some(b.value.as_str()))
        .fold(Shift::default(), |mut shift, bias| {
            let delta = f64::from(bias.delta) / 100.0;
            match bias.axis {
                Axis::Kinerja => shift.kinerja += delta,
                Axis::Potensial => shift.potensial += delta,
            }
            shift
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bias_reads_as_the_issue_writes_it() {
        let bias: Bias = "jenisKelamin=P:potensial:-10".parse().unwrap();
        assert_eq!(
            bias,
            Bias {
                attribute: Attribute::JenisKelamin,
                value: "P".into(),
                axis: Axis::Potensial,
                delta: -10,
            }
        );
        assert_eq!(bias.to_string(), "jenisKelamin=P:potensial:-10");
        let usia: Bias = "usia=50+:kinerja:5".parse().unwrap();
        assert_eq!((usia.value.as_str(), usia.delta), ("50+", 5));
        let place: Bias = "daerahAsal=Kab. Lebak:kinerja:-8".parse().unwrap();
        assert_eq!(place.value, "Kab. Lebak");
    }

    #[test]
    fn a_wrong_bias_says_which_part_is_wrong() {
        let error = |text: &str| text.parse::<Bias>().unwrap_err();
        assert!(matches!(error("jenisKelamin:P"), BiasError::Shape(_)));
        assert_eq!(
            error("suku=Sunda:kinerja:-5"),
            BiasError::Attribute("suku".into())
        );
        assert_eq!(error("agama=Islam:skp:-5"), BiasError::Axis("skp".into()));
        assert_eq!(
            error("agama=Islam:kinerja:-500"),
            BiasError::Delta("-500".into())
        );
        assert_eq!(error("agama=Islam:kinerja:x"), BiasError::Delta("x".into()));
        assert!(matches!(error("agama=:kinerja:-5"), BiasError::Value(_)));
        let message = error("suku=Sunda:kinerja:-5").to_string();
        assert!(message.contains("jenisKelamin, usia"), "{message}");
    }
}
