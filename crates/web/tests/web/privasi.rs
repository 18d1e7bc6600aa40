//! Oversight (`pengawas`) sees counts and never a person (issue 21): on
//! every OPD dashboard and on the movement page, no count of persons below
//! `[privasi] min_cell` (5), and none that a total shown beside it gives
//! back. Each page is read against the same page as an admin, who may see
//! the persons and so every count, reads it.

use crate::app::{TestApp, Who};
use crate::client::Page;
use crate::on_both_engines;

on_both_engines!(
    opd_dashboards_show_oversight_no_small_count_nor_one_a_total_gives_back,
    the_movement_matrix_shows_oversight_no_small_count,
);

const MIN: u64 = 5;
/// The mark of a hidden count.
const HIDDEN: &str = "×";

/// The cells of table `#id`: its body rows, then its totals row (if any).
fn table(body: &str, id: &str) -> (Vec<Vec<String>>, Vec<String>) {
    let start = body
        .find(&format!("<table id=\"{id}\">"))
        .unwrap_or_else(|| panic!("no table #{id}:\n{body}"));
    let rest = &body[start..];
    let rest = &rest[..rest.find("</table>").unwrap()];
    let cells = |row: &str| -> Vec<String> {
        row.split("<td")
            .skip(1)
            .map(|c| {
                let c = &c[c.find('>').unwrap() + 1..];
                c[..c.find("</td>").unwrap()].to_owned()
            })
            .collect()
    };
    let (body_rows, total) = rest.split_once("<tfoot>").unwrap_or((rest, ""));
    let rows = body_rows
        .split("<tr>")
        .filter(|r| r.contains("<td"))
        .map(cells)
        .collect();
    (rows, cells(total))
}

/// A printed count: `None` for the mark.
fn count(text: &str) -> Option<u64> {
    if text == HIDDEN {
        return None;
    }
    Some(
        text.parse()
            .unwrap_or_else(|_| panic!("not a count: {text:?}")),
    )
}

/// Checks one sum a reader sees: `parts` add up to `total`, as printed to
/// oversight (`shown`) and as the admin reads them (`truth`, every count).
/// Nothing hidden, or at least two counts; and hidden parts under a shown
/// total add up to at least [`MIN`].
fn check_sum(what: &str, shown: &[Option<u64>], truth: &[u64]) {
    let (total_shown, parts_shown) = shown.split_last().unwrap();
    let (_, parts_truth) = truth.split_last().unwrap();
    let hidden = shown.iter().filter(|s| s.is_none()).count();
    assert_ne!(
        hidden, 1,
        "{what}: one hidden count is given back: {shown:?}"
    );
    if total_shown.is_some() && hidden > 0 {
        let hidden_sum: u64 = parts_shown
            .iter()
            .zip(parts_truth)
            .filter(|(s, _)| s.is_none())
            .map(|(_, t)| t)
            .sum();
        assert!(
            hidden_sum >= MIN,
            "{what}: hidden parts add up to {hidden_sum}: {shown:?}"
        );
    }
}

/// The counts of persons of a page as printed to oversight, each against
/// the admin's: equal when shown, and shown only when at least [`MIN`].
/// Returns how many are hidden that the admin reads below [`MIN`].
fn check_counts(what: &str, shown: &[Option<u64>], truth: &[u64]) -> usize {
    assert_eq!(shown.len(), truth.len(), "{what}");
    let mut hidden_small = 0;
    for (s, t) in shown.iter().zip(truth) {
        match s {
            Some(s) => {
                assert_eq!(s, t, "{what}: oversight reads another count");
                assert!(*s >= MIN, "{what}: {s} shown to oversight");
            }
            None if *t < MIN => hidden_small += 1,
            None => {}
        }
    }
    hidden_small
}

/// A cross table of the dashboard (every column a count of persons, the
/// last the row's total; a totals row): every count, row and column.
fn check_cross(what: &str, oversight: &Page, admin: &Page, id: &str) -> usize {
    let (rows, total) = table(&oversight.body, id);
    let (truth_rows, truth_total) = table(&admin.body, id);
    let parse = |r: &[String]| r.iter().map(|c| count(c)).collect::<Vec<_>>();
    let truth = |r: &[String]| r.iter().map(|c| count(c).unwrap()).collect::<Vec<_>>();
    let shown: Vec<Vec<Option<u64>>> = rows
        .iter()
        .map(|r| parse(r))
        .chain([parse(&total)])
        .collect();
    let real: Vec<Vec<u64>> = truth_rows
        .iter()
        .map(|r| truth(r))
        .chain([truth(&truth_total)])
        .collect();
    let mut hidden_small = 0;
    for (i, (s, t)) in shown.iter().zip(&real).enumerate() {
        hidden_small += check_counts(&format!("{what} #{id} row {i}"), s, t);
        check_sum(&format!("{what} #{id} row {i}"), s, t);
    }
    for j in 0..total.len() {
        let column: Vec<Option<u64>> = shown.iter().map(|r| r[j]).collect();
        let real_column: Vec<u64> = real.iter().map(|r| r[j]).collect();
        check_sum(&format!("{what} #{id} column {j}"), &column, &real_column);
    }
    hidden_small
}

/// The `data-jumlah` values of the elements of `class` on the page.
fn data_counts(body: &str, class: &str) -> Vec<String> {
    body.split(&format!("class=\"{class}"))
        .skip(1)
        .map(|rest| {
            let rest = &rest[rest.find("data-jumlah=\"").unwrap() + 13..];
            rest[..rest.find('"').unwrap()].to_owned()
        })
        .collect()
}

async fn opd_dashboards_show_oversight_no_small_count_nor_one_a_total_gives_back(app: TestApp) {
    let engine = app.engine;
    let admin = app.signed_in(Who::AdminBkpsdm).await;
    let oversight = app.signed_in(Who::Pengawas).await;
    let instansi = admin.get("/dasbor").await;
    let units: Vec<String> = instansi
        .body
        .split("href=\"/dasbor/opd/")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_owned())
        .collect();
    assert!(units.len() > 5, "[{engine}] {units:?}");
    let mut hidden_small = 0;
    for path in ["/dasbor".to_owned()]
        .into_iter()
        .chain(units.iter().map(|u| format!("/dasbor/opd/{u}")))
    {
        let what = format!("[{engine}] {path}");
        let page = oversight.get(&path).await;
        let truth = admin.get(&path).await;
        assert_eq!((page.status, truth.status), (200, 200), "{what}");
        for id in ["sebaran-kotak-opd", "sebaran-kotak-jenjang"] {
            hidden_small += check_cross(&what, &page, &truth, id);
        }
        // Employees and profiled per unit (not profiled: their difference).
        let (rows, total) = table(&page.body, "progres-profil");
        let (truth_rows, truth_total) = table(&truth.body, "progres-profil");
        let mut pegawai = (Vec::new(), Vec::new());
        let mut profiled = (Vec::new(), Vec::new());
        for (row, real) in rows
            .iter()
            .chain([&total])
            .zip(truth_rows.iter().chain([&truth_total]))
        {
            let (n, p) = (count(&row[0]), count(&row[1]));
            let (real_n, real_p) = (count(&real[0]).unwrap(), count(&real[1]).unwrap());
            hidden_small += check_counts(&what, &[n, p], &[real_n, real_p]);
            if n.is_some() && p.is_some() {
                assert!(
                    real_n - real_p >= MIN,
                    "{what}: {real_n} - {real_p} not profiled"
                );
                assert_ne!(row[2], HIDDEN);
            } else {
                assert_eq!(row[2], HIDDEN, "{what}: a percentage of a hidden count");
            }
            pegawai.0.push(n);
            pegawai.1.push(real_n);
            profiled.0.push(p);
            profiled.1.push(real_p);
        }
        check_sum(&format!("{what} employees"), &pegawai.0, &pegawai.1);
        check_sum(&format!("{what} profiled"), &profiled.0, &profiled.1);
        // The nine-box prints the totals row of the boxes.
        let (_, boxes_total) = table(&page.body, "sebaran-kotak-opd");
        let mut nine: Vec<String> = data_counts(&page.body, "kotak-sel");
        let order: Vec<u8> = page
            .body
            .split("class=\"kotak-sel kt-")
            .skip(1)
            .map(|rest| rest[..1].parse().unwrap())
            .collect();
        let mut by_box: Vec<(u8, String)> = order.into_iter().zip(nine.drain(..)).collect();
        by_box.sort();
        let printed: Vec<String> = by_box.into_iter().map(|(_, c)| c).collect();
        assert_eq!(printed, boxes_total[..9].to_vec(), "{what}: the nine-box");
        // Standalone counts: the queue and (on an OPD's) the retention block.
        for class in ["angka-besar"] {
            for text in data_counts(&page.body, class) {
                assert!(
                    count(&text).is_none_or(|n| n >= MIN),
                    "{what}: {class} {text}"
                );
            }
        }
        if page.body.contains("×") {
            assert!(
                page.body.contains("Tanda ×: jumlah disembunyikan"),
                "{what}"
            );
        }
        // Those who may see persons see every count.
        assert!(!truth.body.contains("Tanda ×"), "{what}");
    }
    assert!(
        hidden_small > 0,
        "[{engine}] no small count to hide: the test proves nothing"
    );
}

async fn the_movement_matrix_shows_oversight_no_small_count(app: TestApp) {
    let engine = app.engine;
    let (before, now) = app.map_previous().await;
    let admin = app.signed_in(Who::AdminBkpsdm).await;
    let oversight = app.signed_in(Who::Pengawas).await;
    let mut hidden_small = 0;
    for unit in ["", crate::app::OPD] {
        let path = format!("/talenta/perpindahan?dari={before}&ke={now}&opd={unit}");
        let what = format!("[{engine}] {path}");
        let page = oversight.get(&path).await;
        let truth = admin.get(&path).await;
        assert_eq!((page.status, truth.status), (200, 200), "{what}");
        let shown: Vec<Option<u64>> = data_counts(&page.body, "pm-sel")
            .iter()
            .map(|c| count(c))
            .collect();
        let real: Vec<u64> = data_counts(&truth.body, "pm-sel")
            .iter()
            .map(|c| count(c).unwrap())
            .collect();
        assert_eq!(shown.len(), 81, "{what}");
        hidden_small += check_counts(&what, &shown, &real);
        // The table: the same cells, the exits and the entries.
        let (rows, _) = table(&page.body, "matriks");
        let (truth_rows, _) = table(&truth.body, "matriks");
        for (row, real) in rows.iter().zip(&truth_rows) {
            let cells: Vec<&String> = row.iter().skip(1).filter(|c| !c.is_empty()).collect();
            let real: Vec<&String> = real.iter().skip(1).filter(|c| !c.is_empty()).collect();
            hidden_small += check_counts(
                &what,
                &cells.iter().map(|c| count(c)).collect::<Vec<_>>(),
                &real.iter().map(|c| count(c).unwrap()).collect::<Vec<_>>(),
            );
        }
        // Moved up, stayed, moved down: the sums the page prints, in the
        // sentence "N pegawai naik ke kotak bernomor lebih tinggi, N
        // tetap, N turun."
        let sentence = page.body.split("(setelah kalibrasi). ").nth(1).unwrap();
        let totals: Vec<Option<u64>> = sentence
            .split(['.', ','])
            .take(3)
            .map(|part| count(part.split_whitespace().next().unwrap()))
            .collect();
        let real_totals: Vec<u64> = truth
            .body
            .split("(setelah kalibrasi). ")
            .nth(1)
            .unwrap()
            .split(['.', ','])
            .take(3)
            .map(|part| count(part.split_whitespace().next().unwrap()).unwrap())
            .collect();
        for (k, keep) in [
            (|a, b| b > a) as fn(usize, usize) -> bool,
            |a, b| b == a,
            |a, b| b < a,
        ]
        .into_iter()
        .enumerate()
        {
            let line = |counts: &[Option<u64>]| -> Vec<Option<u64>> {
                (0..81)
                    .filter(|i| keep(8 - i / 9, i % 9))
                    .map(|i| counts[i])
                    .collect()
            };
            let mut line_shown = line(&shown);
            line_shown.push(totals[k]);
            let mut line_real: Vec<u64> = line(&real.iter().map(|n| Some(*n)).collect::<Vec<_>>())
                .into_iter()
                .map(Option::unwrap)
                .collect();
            line_real.push(real_totals[k]);
            hidden_small += check_counts(&what, &totals[k..=k], &real_totals[k..=k]);
            check_sum(&format!("{what} line {k}"), &line_shown, &line_real);
        }
    }
    assert!(hidden_small > 0, "[{engine}] nothing to hide");
}
