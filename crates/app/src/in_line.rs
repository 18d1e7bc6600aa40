//! The people a period's final boxes put in line (for a pool or a
//! succession plan), read with only what the rules read of their records:
//! the employee row, the final box and the histories, a statement per
//! table by NIP list, then assembled person by person in NIP order.

use talenta_domain::cycle::Talent;
use talenta_domain::disiplin::Hukuman;
use talenta_domain::eligibility::{CandidateRecords, Diklat, MasaJabatan, PromotionRule};
use talenta_domain::jabatan::Jenjang;
use talenta_domain::kompetensi::Levels;
use talenta_domain::personnel::GolonganAsn;
use talenta_domain::skp::SkpTahunan;
use talenta_domain::{Kotak, Nip, Pendidikan, Score};
use talenta_storage::{Fact, InLine, InLinePerson};
use time::Date;

use crate::Ctx;
use crate::cycle::CycleError;

/// One person's records, owned, from which a [`Talent`] borrows.
#[derive(Debug, Clone)]
pub struct Person {
    pub nip: Nip,
    pub nama: String,
    pub opd: String,
    /// The position they hold now (its code), if any.
    pub jabatan_kode: Option<String>,
    pub jenjang: Option<Jenjang>,
    pub kotak: Kotak,
    pub nilai_talenta: Score,
    pub kinerja: Score,
    pub potensial: Score,
    pub records: CandidateRecords,
}

impl Person {
    pub fn talent(&self) -> Talent<'_> {
        Talent {
            nip: self.nip,
            nama: &self.nama,
            opd: &self.opd,
            jenjang: self.jenjang,
            kotak: self.kotak,
            nilai_talenta: self.nilai_talenta,
            kinerja: self.kinerja,
            potensial: self.potensial,
            candidate: self.records.candidate(),
        }
    }
}

/// The rows of one NIP after another, asked in ascending order: a merge
/// over rows sorted by NIP, so grouping a few hundred thousand rows takes
/// no map and no copy of a key.
struct Runs<T> {
    rows: Vec<T>,
    at: usize,
    nip: fn(&T) -> &Nip,
}

impl<T> Runs<T> {
    fn new(mut rows: Vec<T>, nip: fn(&T) -> &Nip) -> Runs<T> {
        // The storage reads them in key order already; a stable sort of
        // sorted rows is one pass, and keeps the merge right whatever order
        // the database's collation gave.
        rows.sort_by(|a, b| nip(a).cmp(nip(b)));
        Runs { rows, at: 0, nip }
    }

    /// The rows of `nip`, which is above every NIP asked before.
    fn of(&mut self, nip: &Nip) -> &[T] {
        let key = self.nip;
        let rest = self.rows.get(self.at..).unwrap_or_default();
        let start = self.at + rest.partition_point(|r| key(r) < nip);
        let run = self.rows.get(start..).unwrap_or_default();
        let end = start + run.partition_point(|r| key(r) == nip);
        self.at = end;
        self.rows.get(start..end).unwrap_or_default()
    }
}

/// Spells in a jabatan from the history's starts: each runs to the next
/// one's start.
fn spells(starts: &[Fact<MasaJabatan>]) -> Vec<MasaJabatan> {
    let mut spells: Vec<MasaJabatan> = starts.iter().map(|s| s.fact).collect();
    spells.sort_by_key(|s| s.mulai);
    let next_starts: Vec<Option<Date>> = spells.iter().skip(1).map(|s| Some(s.mulai)).collect();
    for (spell, next) in spells.iter_mut().zip(next_starts.into_iter().chain([None])) {
        spell.selesai = next;
    }
    spells
}

fn facts<T: Clone>(records: &[Fact<T>]) -> Vec<T> {
    records.iter().map(|r| r.fact.clone()).collect()
}

/// What the rules read of one person's records besides their employee row.
struct Records<'r> {
    riwayat: &'r [Fact<MasaJabatan>],
    pendidikan: &'r [Fact<Pendidikan>],
    skp: &'r [Fact<SkpTahunan>],
    hukuman: &'r [Fact<Hukuman>],
    asesmen: &'r [Fact<Levels>],
    diklat: &'r [Fact<Diklat>],
}

/// Builds a [`Person`] from what the rules read of their records.
fn person(p: InLinePerson, records: &Records<'_>) -> Person {
    let Records {
        riwayat,
        pendidikan,
        skp,
        hukuman,
        asesmen,
        diklat,
    } = *records;
    let mut degrees = facts(pendidikan);
    if degrees.is_empty()
        && let Some(tingkat) = p.pendidikan
    {
        degrees.push(Pendidikan {
            tingkat,
            bidang: p.bidang_ilmu,
        });
    }
    let spells = spells(riwayat);
    Person {
        jenjang: p.jenjang.or_else(|| spells.last().map(|s| s.jenjang)),
        nip: p.nip,
        nama: p.nama,
        opd: p.opd,
        jabatan_kode: p.jabatan,
        kotak: p.kotak,
        nilai_talenta: p.nilai_talenta.unwrap_or_default(),
        kinerja: p.kinerja.unwrap_or_default(),
        potensial: p.potensial.unwrap_or_default(),
        records: CandidateRecords {
            status: p.status,
            birth_date: p.tanggal_lahir,
            golongan: match p.golongan {
                Some(GolonganAsn::Pns(g)) => Some(g),
                _ => None,
            },
            pendidikan: degrees,
            riwayat_jabatan: spells,
            skp: facts(skp),
            hukuman: facts(hukuman),
            // The latest assessment with competency levels: rows come by date.
            kompetensi: asesmen
                .iter()
                .rev()
                .find(|a| !a.fact.is_empty())
                .map(|a| a.fact.clone()),
            diklat: facts(diklat),
        },
    }
}

/// Whether any of `rules` reads training hours: the pool gate does; a
/// promotion rule only if it has one. Hours are read only then, as a
/// succession plan may read tens of thousands of people.
pub(crate) fn reads_training<'r>(mut rules: impl Iterator<Item = &'r PromotionRule>) -> bool {
    rules.any(|r| r.pengembangan.is_some())
}

/// The placed people [`InLine`] selects in its period, with what the rules
/// read of their records (training hours only with `training`).
pub async fn people_in_line(
    ctx: &Ctx<'_>,
    in_line: &InLine<'_>,
    training: bool,
) -> Result<Vec<Person>, CycleError> {
    let (db, instansi_id) = (ctx.db, ctx.instansi.get());
    let mut people = db.in_line(instansi_id, in_line).await?;
    // Stable, and one pass over the NIP order the database gave.
    people.sort_by_key(|p| p.nip);
    let nips: Vec<Nip> = people.iter().map(|p| p.nip).collect();
    let periode = in_line.periode;
    // Independent reads, side by side on the pool's connections; boxed, as
    // six reads in flight make a future too large to keep on the stack of
    // every caller.
    let (riwayat, pendidikan, skp, hukuman, asesmen, diklat) = Box::pin(async {
        tokio::try_join!(
            db.records_among::<Fact<MasaJabatan>>(instansi_id, periode, &nips),
            db.records_among::<Fact<Pendidikan>>(instansi_id, periode, &nips),
            db.records_among::<Fact<SkpTahunan>>(instansi_id, periode, &nips),
            db.records_among::<Fact<Hukuman>>(instansi_id, periode, &nips),
            db.records_among::<Fact<Levels>>(instansi_id, periode, &nips),
            async {
                if training {
                    db.records_among::<Fact<Diklat>>(instansi_id, periode, &nips)
                        .await
                } else {
                    Ok(Vec::new())
                }
            },
        )
    })
    .await?;
    let mut riwayat = Runs::new(riwayat, |r| &r.nip);
    let mut pendidikan = Runs::new(pendidikan, |r| &r.nip);
    let mut skp = Runs::new(skp, |r| &r.nip);
    let mut hukuman = Runs::new(hukuman, |r| &r.nip);
    let mut asesmen = Runs::new(asesmen, |r| &r.nip);
    let mut diklat = Runs::new(diklat, |r| &r.nip);
    Ok(people
        .into_iter()
        .map(|p| {
            let nip = p.nip;
            let records = Records {
                riwayat: riwayat.of(&nip),
                pendidikan: pendidikan.of(&nip),
                skp: skp.of(&nip),
                hukuman: hukuman.of(&nip),
                asesmen: asesmen.of(&nip),
                diklat: diklat.of(&nip),
            };
            person(p, &records)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use talenta_domain::Nip;

    use super::Runs;

    /// The NIP of sequence number `n`.
    fn nip(n: u8) -> Nip {
        Nip::parse(&format!("198001012005011{n:03}")).unwrap()
    }

    #[test]
    fn runs_give_each_nips_rows_in_turn_whatever_order_they_came_in() {
        let rows = vec![
            (nip(3), 'c'),
            (nip(1), 'a'),
            (nip(3), 'd'),
            (nip(1), 'b'),
            (nip(5), 'e'),
        ];
        let mut runs = Runs::new(rows, |r| &r.0);
        assert_eq!(runs.of(&nip(1)), [(nip(1), 'a'), (nip(1), 'b')]);
        assert_eq!(runs.of(&nip(2)), []);
        assert_eq!(runs.of(&nip(3)), [(nip(3), 'c'), (nip(3), 'd')]);
        // A NIP with no snapshot row is never asked; the next one still is.
        assert_eq!(runs.of(&nip(5)), [(nip(5), 'e')]);
        assert_eq!(runs.of(&nip(6)), []);
    }
}
