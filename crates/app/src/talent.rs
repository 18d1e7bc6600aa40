//! Talent pools, succession plans, retention flags and development plans
//! over the stored records, for the web pages and the CLI. Each reads the
//! final boxes of a period (calibrations applied) and the records of only
//! the people those boxes put in line, builds the domain's inputs, and
//! returns what the domain decides; nothing here decides a rule.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;
use talenta_domain::cycle::{StatusPeriode, Talent};
use talenta_domain::development::{DraftItem, StatusIdp, draft};
use talenta_domain::disiplin::Hukuman;
use talenta_domain::eligibility::{
    Candidate, Diklat, MasaJabatan, Position, PromotionRule, StatusKepegawaian,
};
use talenta_domain::jabatan::Jenjang;
use talenta_domain::kompetensi::Levels;
use talenta_domain::personnel::{Asesmen, GolonganAsn, Jabatan, Pegawai, RiwayatDiklat};
use talenta_domain::pool::{Member, Pool, PoolKind, feeders, pools};
use talenta_domain::readiness::Readiness;
use talenta_domain::retention::{Flag, RetentionRecord, flags};
use talenta_domain::skp::SkpTahunan;
use talenta_domain::succession::{KeyPosition, Plan, plan, ready_now_up_to};
use talenta_domain::{Golongan, Kotak, Pendidikan, Periode, RuleSet, Score};
pub use talenta_storage::IdpRow;
use talenta_storage::{Fact, InLine, InLinePerson, KrsRow, StorageError};
use time::Date;

use crate::Ctx;
use crate::cycle::{CycleError, subtree};
use crate::people::position;

/// One person's records, owned, from which a [`Talent`] borrows.
#[derive(Debug, Clone)]
pub struct Person {
    pub nip: String,
    pub nama: String,
    pub opd: String,
    /// The position they hold now (its code), if any.
    pub jabatan_kode: Option<String>,
    pub jenjang: Option<Jenjang>,
    pub kotak: Kotak,
    pub nilai_talenta: Score,
    pub kinerja: Score,
    pub potensial: Score,
    pub status: StatusKepegawaian,
    pub birth_date: Date,
    pub golongan: Option<Golongan>,
    pub pendidikan: Vec<Pendidikan>,
    pub jabatan: Vec<MasaJabatan>,
    pub skp: Vec<SkpTahunan>,
    pub hukuman: Vec<Hukuman>,
    pub kompetensi: Option<Levels>,
    pub diklat: Vec<Diklat>,
}

impl Person {
    pub fn talent(&self) -> Talent<'_> {
        Talent {
            nip: &self.nip,
            nama: &self.nama,
            opd: &self.opd,
            jenjang: self.jenjang,
            kotak: self.kotak,
            nilai_talenta: self.nilai_talenta,
            kinerja: self.kinerja,
            potensial: self.potensial,
            candidate: Candidate {
                status: self.status,
                birth_date: self.birth_date,
                golongan: self.golongan,
                pendidikan: &self.pendidikan,
                riwayat_jabatan: &self.jabatan,
                skp: &self.skp,
                hukuman: &self.hukuman,
                kompetensi: self.kompetensi.as_ref(),
                diklat: &self.diklat,
            },
        }
    }
}

/// The rows of one NIP after another, asked in ascending order: a merge
/// over rows sorted by NIP, so grouping a few hundred thousand rows takes
/// no map and no copy of a key.
struct Runs<T> {
    rows: Vec<T>,
    at: usize,
    nip: fn(&T) -> &str,
}

impl<T> Runs<T> {
    fn new(mut rows: Vec<T>, nip: fn(&T) -> &str) -> Runs<T> {
        // The storage reads them in key order already; a stable sort of
        // sorted rows is one pass, and keeps the merge right whatever order
        // the database's collation gave.
        rows.sort_by(|a, b| nip(a).cmp(nip(b)));
        Runs { rows, at: 0, nip }
    }

    /// The rows of `nip`, which is above every NIP asked before.
    fn of(&mut self, nip: &str) -> &[T] {
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
        status: p.status,
        birth_date: p.tanggal_lahir,
        golongan: match p.golongan {
            Some(GolonganAsn::Pns(g)) => Some(g),
            _ => None,
        },
        pendidikan: degrees,
        jabatan: spells,
        skp: facts(skp),
        hukuman: facts(hukuman),
        // The latest assessment with competency levels: rows come by date.
        kompetensi: asesmen
            .iter()
            .rev()
            .find(|a| !a.fact.is_empty())
            .map(|a| a.fact.clone()),
        diklat: facts(diklat),
    }
}

/// Whether any of `rules` reads training hours: the pool gate does; a
/// promotion rule only if it has one. Hours are read only then, as a
/// succession plan may read tens of thousands of people.
fn reads_training<'r>(mut rules: impl Iterator<Item = &'r PromotionRule>) -> bool {
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
    people.sort_by(|a, b| a.nip.cmp(&b.nip));
    let nips: Vec<String> = people.iter().map(|p| p.nip.clone()).collect();
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
    let mut riwayat = Runs::new(riwayat, |r| r.nip.as_str());
    let mut pendidikan = Runs::new(pendidikan, |r| r.nip.as_str());
    let mut skp = Runs::new(skp, |r| r.nip.as_str());
    let mut hukuman = Runs::new(hukuman, |r| r.nip.as_str());
    let mut asesmen = Runs::new(asesmen, |r| r.nip.as_str());
    let mut diklat = Runs::new(diklat, |r| r.nip.as_str());
    Ok(people
        .into_iter()
        .map(|p| {
            let nip = p.nip.clone();
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

/// Every box any pool reads.
fn boxes_in_line(rules: &RuleSet) -> Vec<Kotak> {
    let set: BTreeSet<Kotak> = rules
        .pool
        .instansi
        .iter()
        .chain(&rules.pool.nasional)
        .copied()
        .collect();
    set.into_iter().collect()
}

/// The pools of a period as the rules give them now (gates checked on the
/// period's last day).
pub(crate) async fn live_pools(ctx: &Ctx<'_>, periode: Periode) -> Result<Vec<Pool>, CycleError> {
    let rules = ctx.rules;
    let in_line = InLine {
        periode: &periode.to_string(),
        boxes: &boxes_in_line(rules),
        jenjang: None,
    };
    let people = people_in_line(ctx, &in_line, true).await?;
    let talents: Vec<Talent<'_>> = people.iter().map(Person::talent).collect();
    Ok(pools(rules, &talents, periode.end()))
}

/// The pools of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pools {
    pub periode: String,
    /// `true` for a closed period: the pools as stored when it closed.
    pub frozen: bool,
    pub pools: Vec<Pool>,
}

/// The talent pools of `periode`: frozen ones for a closed period (the
/// left-out lists are not kept), computed with `rules` for an open one.
pub async fn talent_pools(ctx: &Ctx<'_>, periode: Periode) -> Result<Pools, CycleError> {
    let (db, instansi_id, rules) = (ctx.db, ctx.instansi.get(), ctx.rules);
    let key = periode.to_string();
    let state = db.periode_state(instansi_id, &key).await?;
    if db.snapshot(instansi_id, &key).await?.is_none() {
        return Err(CycleError::NoSnapshot(periode));
    }
    if state.is_some_and(|s| s.status == StatusPeriode::Ditutup) {
        let rows = db.range_of::<KrsRow>(instansi_id, &key, &key).await?;
        let mut out: Vec<Pool> = Vec::new();
        for row in rows {
            let member = Member {
                rank: row.peringkat,
                nip: row.nip,
                nama: row.nama,
                opd: row.opd,
                kotak: row.kotak,
                nilai_talenta: row.nilai_talenta,
            };
            match out
                .iter_mut()
                .find(|p| p.target == row.target && p.kind == row.jenis)
            {
                Some(pool) => pool.members.push(member),
                None => out.push(Pool {
                    target: row.target,
                    kind: row.jenis,
                    members: vec![member],
                    left_out: Vec::new(),
                }),
            }
        }
        // Stored by key (target code, jenis, rank); list as the rules do.
        let order = |p: &Pool| {
            (
                rules.pool.targets.iter().position(|t| *t == p.target),
                PoolKind::ALL.iter().position(|k| *k == p.kind),
            )
        };
        out.sort_by_key(order);
        for pool in &mut out {
            pool.members.sort_by_key(|m| m.rank);
        }
        return Ok(Pools {
            periode: key,
            frozen: true,
            pools: out,
        });
    }
    Ok(Pools {
        periode: key,
        frozen: false,
        pools: live_pools(ctx, periode).await?,
    })
}

/// A position as listed for choosing a succession plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PositionItem {
    pub kode: String,
    pub nama: String,
    pub opd: String,
    pub jenjang: Jenjang,
    pub kunci: bool,
}

/// The positions of the instansi by code, only key positions with `key`.
pub async fn positions(ctx: &Ctx<'_>, key: bool) -> Result<Vec<PositionItem>, CycleError> {
    let (db, instansi_id) = (ctx.db, ctx.instansi.get());
    let item = |j: Jabatan| PositionItem {
        kode: j.kode,
        nama: j.nama,
        opd: j.opd,
        jenjang: j.jenjang,
        kunci: j.kunci,
    };
    if key {
        return Ok(db
            .key_positions(instansi_id)
            .await?
            .into_iter()
            .map(item)
            .collect());
    }
    let mut out = Vec::new();
    db.read_all::<Jabatan>(instansi_id, |j| {
        out.push(item(j));
        Ok(())
    })
    .await?;
    Ok(out)
}

#[derive(Debug, thiserror::Error)]
pub enum SuccessionError {
    #[error(transparent)]
    Cycle(#[from] CycleError),
    #[error("no position {0} in the instansi (see `talenta positions`)")]
    UnknownPosition(String),
    #[error("no talent map yet: compute one with `talenta map --period PERIOD`")]
    NoMap,
}

impl From<StorageError> for SuccessionError {
    fn from(e: StorageError) -> SuccessionError {
        SuccessionError::Cycle(e.into())
    }
}

/// The succession plan of one position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Succession {
    pub position: PositionItem,
    /// The period whose final boxes were read.
    pub periode: String,
    /// The day eligibility was checked on.
    pub on: Date,
    /// The current holders of the position (not candidates for it).
    pub holders: Vec<String>,
    pub plan: Plan,
}

/// A position as the domain's succession plan reads it.
fn key_position(jabatan: &Jabatan) -> KeyPosition<'_> {
    KeyPosition {
        kode: &jabatan.kode,
        nama: &jabatan.nama,
        opd: &jabatan.opd,
        requirements: Position {
            jenjang: jabatan.jenjang,
            bidang_ilmu: &jabatan.bidang_ilmu,
            min_pendidikan: jabatan.min_pendidikan,
            min_golongan: jabatan.min_golongan,
        },
        standar: &jabatan.standar,
    }
}

/// The succession plan for position `kode` from the final boxes of
/// `periode` (default: the latest mapped period), with eligibility checked
/// on the context's day (normally today, so "eligible from" is a real date
/// ahead).
pub async fn succession(
    ctx: &Ctx<'_>,
    kode: &str,
    periode: Option<Periode>,
) -> Result<Succession, SuccessionError> {
    let (db, instansi_id, rules, on) = (ctx.db, ctx.instansi.get(), ctx.rules, ctx.today());
    let jabatan = position(ctx, kode)
        .await?
        .ok_or_else(|| SuccessionError::UnknownPosition(kode.to_owned()))?;
    let periode = match periode {
        Some(p) => p,
        None => crate::cycle::latest(ctx)
            .await?
            .ok_or(SuccessionError::NoMap)?,
    };
    // Only the final boxes and jenjang the plan reads: the plan of one
    // position reads a few percent of a large instansi (none for a jenjang
    // without a succession policy, which has no plan).
    let in_line = InLine {
        periode: &periode.to_string(),
        boxes: rules
            .succession
            .of(jabatan.jenjang)
            .map_or(&[], |t| t.population_boxes.as_slice()),
        jenjang: Some(feeders(rules, jabatan.jenjang)),
    };
    let training = reads_training(rules.promotion_rule(jabatan.jenjang).into_iter());
    let people = people_in_line(ctx, &in_line, training).await?;
    let holders = db.holders_among(instansi_id, &[kode]).await?;
    let talents: Vec<Talent<'_>> = people
        .iter()
        .filter(|p| !holders.contains(&p.nip))
        .map(Person::talent)
        .collect();
    let position = key_position(&jabatan);
    let plan = plan(rules, &position, &talents, on, None);
    Ok(Succession {
        position: PositionItem {
            kode: jabatan.kode.clone(),
            nama: jabatan.nama.clone(),
            opd: jabatan.opd.clone(),
            jenjang: jabatan.jenjang,
            kunci: jabatan.kunci,
        },
        periode: periode.to_string(),
        on,
        holders,
        plan,
    })
}

/// A key position with fewer ready-now successors than the `min_ready` of
/// its jenjang's `[[succession.target]]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shortfall {
    pub kode: String,
    pub nama: String,
    pub opd: String,
    pub ready_now: usize,
    /// The ready-now successors its jenjang needs.
    pub min_ready: u8,
}

/// Every key position of the instansi short of ready-now successors, from
/// the final boxes of the latest mapped period, eligibility checked on
/// the context's day; empty before any map. The dashboards' notice: one read of the
/// positions and one batch of the records of the people in line, then a
/// count of ready-now candidates per key position in memory, which stops
/// at the minimum of its jenjang (never a query per position).
pub async fn short_of_successors(ctx: &Ctx<'_>) -> Result<Vec<Shortfall>, CycleError> {
    let (db, instansi_id, rules, on) = (ctx.db, ctx.instansi.get(), ctx.rules, ctx.today());
    let Some(periode) = crate::cycle::latest(ctx).await? else {
        return Ok(Vec::new());
    };
    let key_positions = db.key_positions(instansi_id).await?;
    if key_positions.is_empty() {
        return Ok(Vec::new());
    }
    // Only the count of ready-now candidates is wanted, and a person's
    // readiness is theirs alone: whoever cannot be ready now for any target
    // (a box no siap-sekarang level of its policy takes, or no assessment,
    // hence no JPM) changes neither that count nor anyone's readiness, so
    // they are not read.
    let ready_boxes: Vec<Kotak> = rules
        .succession
        .targets
        .iter()
        .flat_map(|t| {
            t.readiness
                .iter()
                .filter(|l| l.level == Readiness::SiapSekarang)
                .flat_map(|l| l.boxes.iter().copied())
                .filter(|k| t.population_boxes.contains(k))
        })
        .collect::<BTreeSet<Kotak>>()
        .into_iter()
        .collect();
    let in_line = InLine {
        periode: &periode.to_string(),
        boxes: &ready_boxes,
        jenjang: None,
    };
    let training = reads_training(rules.promotion.iter());
    let people: Vec<Person> = people_in_line(ctx, &in_line, training)
        .await?
        .into_iter()
        .filter(|p| p.kompetensi.is_some())
        .collect();
    let talents: Vec<Talent<'_>> = people.iter().map(Person::talent).collect();
    let mut out = Vec::new();
    for jabatan in &key_positions {
        let min_ready = rules.succession.min_ready(jabatan.jenjang);
        let wanted = usize::from(min_ready);
        let shortfall = |ready_now| Shortfall {
            kode: jabatan.kode.clone(),
            nama: jabatan.nama.clone(),
            opd: jabatan.opd.clone(),
            ready_now,
            min_ready,
        };
        // Without a standard there is no JPM, so nobody is ready now.
        if jabatan.standar.is_empty() {
            if wanted > 0 {
                out.push(shortfall(0));
            }
            continue;
        }
        // Holders are not candidates for their own position; they are in
        // `people` only if their box puts them in line.
        let candidates = people
            .iter()
            .zip(&talents)
            .filter(|(p, _)| p.jabatan_kode.as_deref() != Some(jabatan.kode.as_str()))
            .map(|(_, t)| t);
        let position = key_position(jabatan);
        let ready_now = ready_now_up_to(rules, &position, candidates, on, wanted);
        if ready_now < wanted {
            out.push(shortfall(ready_now));
        }
    }
    Ok(out)
}

/// One flagged person of a retention list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetentionRow {
    pub nip: String,
    pub nama: String,
    pub opd: String,
    /// Why they are watched: `krs` (pool member), `jabatan_kunci` (holds a
    /// key position), or both.
    pub watched: Vec<&'static str>,
    pub flags: Vec<Flag>,
}

/// Retention flags of the pool members and key-position holders of an
/// OPD (the unit and its sub-units) or of the instansi, in `periode`,
/// checked on the period's last day. Only people with a flag are listed,
/// by OPD then NIP. The records of everyone watched are read together,
/// a statement per table (and per mapped period for their boxes), so the
/// cost grows with the people watched, not with the statements.
pub async fn retention(
    ctx: &Ctx<'_>,
    periode: Periode,
    opd: Option<&str>,
) -> Result<Vec<RetentionRow>, CycleError> {
    let pools = talent_pools(ctx, periode).await?;
    let (db, instansi_id, rules) = (ctx.db, ctx.instansi.get(), ctx.rules);
    let mut watched: HashMap<String, Vec<&'static str>> = HashMap::new();
    for member in pools.pools.iter().flat_map(|p| &p.members) {
        let w = watched.entry(member.nip.clone()).or_default();
        if !w.contains(&"krs") {
            w.push("krs");
        }
    }
    let key: Vec<String> = db
        .key_positions(instansi_id)
        .await?
        .into_iter()
        .map(|j| j.kode)
        .collect();
    for nip in db.holders_among(instansi_id, &key).await? {
        watched.entry(nip).or_default().push("jabatan_kunci");
    }
    let units = match opd {
        Some(root) => Some(subtree(ctx, root).await?),
        None => None,
    };
    let nips: Vec<&str> = watched.keys().map(String::as_str).collect();
    let employees: Vec<Pegawai> = db
        .records_among::<Pegawai>(instansi_id, "", &nips)
        .await?
        .into_iter()
        .filter(|p| units.as_ref().is_none_or(|u| u.contains(&p.opd)))
        .collect();
    let nips: Vec<&str> = employees.iter().map(|p| p.nip.as_str()).collect();
    let codes: Vec<&str> = employees
        .iter()
        .filter_map(|p| p.jabatan.as_deref())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let positions: HashMap<String, Jabatan> = db
        .records_among::<Jabatan>(instansi_id, "", &codes)
        .await?
        .into_iter()
        .map(|j| (j.kode.clone(), j))
        .collect();
    let boxes = crate::cycle::boxes_among(ctx, periode, &nips).await?;
    let mut last_development: HashMap<String, Date> = HashMap::new();
    let mut developed = |nip: String, on: Date| {
        let last = last_development.entry(nip).or_insert(on);
        *last = (*last).max(on);
    };
    for d in db
        .records_among::<RiwayatDiklat>(instansi_id, "", &nips)
        .await?
    {
        developed(
            d.nip.as_str().to_owned(),
            d.selesai.unwrap_or(d.mulai).max(d.mulai),
        );
    }
    for i in db.records_among::<IdpRow>(instansi_id, "", &nips).await? {
        if i.status == StatusIdp::Selesai {
            developed(i.nip, i.diubah_at.date());
        }
    }
    let mut rows = Vec::new();
    for pegawai in employees {
        let nip = pegawai.nip.as_str();
        let record = RetentionRecord {
            birth_date: pegawai.tanggal_lahir,
            jabatan: pegawai.jabatan.as_ref().and_then(|k| positions.get(k)),
            tmt_jabatan: pegawai.tmt_jabatan,
            boxes: boxes.get(nip).map_or(&[], Vec::as_slice),
            last_development: last_development.get(nip).copied(),
        };
        let found = flags(rules, &record, periode, periode.end());
        if !found.is_empty() {
            rows.push(RetentionRow {
                watched: watched.remove(nip).unwrap_or_default(),
                nip: nip.to_owned(),
                nama: pegawai.nama,
                opd: pegawai.opd,
                flags: found,
            });
        }
    }
    rows.sort_by(|a, b| (&a.opd, &a.nip).cmp(&(&b.opd, &b.nip)));
    Ok(rows)
}

#[derive(Debug, thiserror::Error)]
pub enum IdpError {
    #[error(transparent)]
    Cycle(#[from] CycleError),
    #[error("no employee {0}")]
    UnknownEmployee(String),
    #[error("no position {0}")]
    UnknownPosition(String),
    #[error("position {0} has no competency standard: there is no gap to plan for")]
    NoStandard(String),
    #[error("item {nomor}: {reason}")]
    Invalid { nomor: u32, reason: String },
}

impl From<StorageError> for IdpError {
    fn from(e: StorageError) -> IdpError {
        IdpError::Cycle(e.into())
    }
}

/// What an IDP towards a position measures gaps against: the position
/// and its competency standard, and the person's latest assessed levels.
#[derive(Debug, Clone)]
pub struct IdpBasis {
    pub jabatan: Jabatan,
    pub standar: Levels,
    /// `None` when the person was never assessed on competencies.
    pub attained: Option<Levels>,
}

/// The [`IdpBasis`] of `nip` towards `jabatan_target`: the draft reads it,
/// and so does an edit, which takes levels from it rather than from the
/// form.
pub async fn idp_basis(
    ctx: &Ctx<'_>,
    nip: &str,
    jabatan_target: &str,
) -> Result<IdpBasis, IdpError> {
    let (db, instansi_id) = (ctx.db, ctx.instansi.get());
    if db.pegawai(instansi_id, nip).await?.is_none() {
        return Err(IdpError::UnknownEmployee(nip.to_owned()));
    }
    let jabatan = position(ctx, jabatan_target)
        .await?
        .ok_or_else(|| IdpError::UnknownPosition(jabatan_target.to_owned()))?;
    if jabatan.standar.is_empty() {
        return Err(IdpError::NoStandard(jabatan_target.to_owned()));
    }
    let attained: Option<Levels> = db
        .records_of::<Asesmen>(instansi_id, nip)
        .await?
        .into_iter()
        .filter(|a| !a.kompetensi.is_empty())
        .max_by_key(|a| a.tanggal)
        .map(|a| a.kompetensi);
    Ok(IdpBasis {
        standar: jabatan.standar.clone(),
        jabatan,
        attained,
    })
}

/// A draft IDP of `nip` towards position `jabatan_target`: one activity
/// per gap and suggested development type, status `rencana`, not saved.
pub async fn idp_draft(
    ctx: &Ctx<'_>,
    nip: &str,
    jabatan_target: &str,
) -> Result<Vec<IdpRow>, IdpError> {
    let (rules, actor, now) = (ctx.rules, ctx.actor, ctx.now);
    let basis = idp_basis(ctx, nip, jabatan_target).await?;
    let items: Vec<DraftItem> = draft(&rules.development, &basis.standar, basis.attained.as_ref());
    Ok((1..)
        .zip(
            items
                .iter()
                .flat_map(|item| item.jenis.iter().map(move |j| (item, *j))),
        )
        .map(|(nomor, (item, jenis))| IdpRow {
            nip: nip.to_owned(),
            jabatan_target: jabatan_target.to_owned(),
            nomor,
            kompetensi: item.kompetensi.clone(),
            level_saat_ini: item.attained,
            level_target: item.required,
            jenis,
            kegiatan: format!("{} {}", jenis.label(), item.kompetensi),
            target_selesai: None,
            status: StatusIdp::Rencana,
            catatan: None,
            diubah_oleh: actor.to_owned(),
            diubah_at: now.replace_nanosecond(0).unwrap_or(now),
        })
        .collect())
}

/// Saves `items` as the whole plan of `nip` towards `jabatan_target`,
/// replacing the previous one, numbered 1.. in the order given, stamped
/// with the actor and time. An empty list removes the plan.
pub async fn idp_save(
    ctx: &Ctx<'_>,
    nip: &str,
    jabatan_target: &str,
    items: &[IdpRow],
) -> Result<Vec<IdpRow>, IdpError> {
    let (db, instansi_id, actor, now) = (ctx.db, ctx.instansi.get(), ctx.actor, ctx.now);
    if db.pegawai(instansi_id, nip).await?.is_none() {
        return Err(IdpError::UnknownEmployee(nip.to_owned()));
    }
    if db
        .records_of::<Jabatan>(instansi_id, jabatan_target)
        .await?
        .is_empty()
    {
        return Err(IdpError::UnknownPosition(jabatan_target.to_owned()));
    }
    let at = now.replace_nanosecond(0).unwrap_or(now);
    let rows: Vec<IdpRow> = (1..)
        .zip(items)
        .map(|(nomor, item)| IdpRow {
            nip: nip.to_owned(),
            jabatan_target: jabatan_target.to_owned(),
            nomor,
            diubah_oleh: actor.to_owned(),
            diubah_at: at,
            ..item.clone()
        })
        .collect();
    if let Some(bad) = rows.iter().find(|r| r.kegiatan.trim().is_empty()) {
        return Err(IdpError::Invalid {
            nomor: bad.nomor,
            reason: "kegiatan wajib diisi".into(),
        });
    }
    let mut tx = db.begin_write().await?;
    let change = tx
        .record_change(
            now,
            actor,
            "idp",
            &format!("{nip} -> {jabatan_target}: {} kegiatan", rows.len()),
        )
        .await?;
    tx.delete_idp(instansi_id, nip, jabatan_target).await?;
    tx.upsert(instansi_id, change, &rows).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Every IDP activity of `nip`, by target position and number.
pub async fn idp(ctx: &Ctx<'_>, nip: &str) -> Result<Vec<IdpRow>, IdpError> {
    Ok(ctx.db.records_of(ctx.instansi.get(), nip).await?)
}

#[cfg(test)]
mod tests {
    use super::Runs;

    #[test]
    fn runs_give_each_nips_rows_in_turn_whatever_order_they_came_in() {
        let rows = vec![("3", 'c'), ("1", 'a'), ("3", 'd'), ("1", 'b'), ("5", 'e')];
        let mut runs = Runs::new(rows, |r| r.0);
        assert_eq!(runs.of("1"), [("1", 'a'), ("1", 'b')]);
        assert_eq!(runs.of("2"), []);
        assert_eq!(runs.of("3"), [("3", 'c'), ("3", 'd')]);
        // A NIP with no snapshot row is never asked; the next one still is.
        assert_eq!(runs.of("5"), [("5", 'e')]);
        assert_eq!(runs.of("6"), []);
    }
}
