//! Charts as SVG text, drawn here so pages need no chart library and no
//! script: the nine-box grid, a horizontal bar chart and a progress bar.
//!
//! Output is deterministic (the same data gives the same bytes) and is the
//! only markup templates print unescaped (`|safe`), so every text it embeds
//! goes through [`escape`]. Colours come from CSS classes (`talenta.css`):
//! the content security policy forbids `style` attributes; SVG presentation
//! attributes (`x`, `width`, `transform`) are markup and allowed. Each chart
//! carries `<title>` and `<desc>` and is labelled by them.

use std::fmt::Write;

/// Escapes text for SVG (XML) content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The mark of a count kept from the reader (too small to show to those
/// who may not see the persons behind it, or one that would give such a
/// count back), the same for both so neither can be told apart.
pub const TERSEMBUNYI: &str = "×";

/// A count as printed: the number, or [`TERSEMBUNYI`].
pub fn angka(count: Option<u64>) -> String {
    count.map_or_else(|| TERSEMBUNYI.to_owned(), |n| n.to_string())
}

/// One box of the nine-box grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NineBoxCell {
    /// The box number, 1 to 9.
    pub kotak: u8,
    pub label: String,
    /// `None`: hidden ([`TERSEMBUNYI`]).
    pub count: Option<u64>,
    /// The drill-down of the box; `None` draws no link.
    pub href: Option<String>,
}

/// The nine-box grid, `grid[kinerja][potensial]`, each axis low to high:
/// `grid[0][0]` is kinerja di bawah ekspektasi and potensial rendah.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NineBox {
    pub title: String,
    pub desc: String,
    pub grid: [[NineBoxCell; 3]; 3],
}

const KINERJA: [&str; 3] = [
    "Di bawah ekspektasi",
    "Sesuai ekspektasi",
    "Di atas ekspektasi",
];
const POTENSIAL: [&str; 3] = ["Rendah", "Menengah", "Tinggi"];

/// Layout of the grid, in SVG user units.
const CELL_W: u32 = 200;
const CELL_H: u32 = 120;
const LEFT: u32 = 170;
const TOP: u32 = 10;

/// The nine-box as `svg#kotak-talenta`; each box is a `g.kotak-sel`, wrapped
/// in `a[data-kotak]` when it links to its drill-down.
pub fn nine_box(chart: &NineBox) -> String {
    let width = LEFT + 3 * CELL_W + 10;
    let height = TOP + 3 * CELL_H + 60;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg id=\"kotak-talenta\" class=\"grafik\" viewBox=\"0 0 {width} {height}\" role=\"img\" \
         aria-labelledby=\"kotak-talenta-judul kotak-talenta-uraian\">\
         <title id=\"kotak-talenta-judul\">{}</title><desc id=\"kotak-talenta-uraian\">{}</desc>",
        escape(&chart.title),
        escape(&chart.desc)
    );
    for (k, row) in chart.grid.iter().enumerate() {
        // Kinerja grows upwards: the top row is "di atas ekspektasi".
        let y = TOP + (2 - k as u32) * CELL_H;
        for (p, cell) in row.iter().enumerate() {
            let x = LEFT + p as u32 * CELL_W;
            cell_svg(&mut svg, cell, x, y);
        }
    }
    for (k, label) in KINERJA.iter().enumerate() {
        let y = TOP + (2 - k as u32) * CELL_H + CELL_H / 2;
        let _ = write!(
            svg,
            "<text class=\"sumbu-label\" x=\"{}\" y=\"{y}\" text-anchor=\"end\">{}</text>",
            LEFT - 8,
            escape(label)
        );
    }
    for (p, label) in POTENSIAL.iter().enumerate() {
        let x = LEFT + p as u32 * CELL_W + CELL_W / 2;
        let _ = write!(
            svg,
            "<text class=\"sumbu-label\" x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            TOP + 3 * CELL_H + 20,
            escape(label)
        );
    }
    let _ = write!(
        svg,
        "<text class=\"sumbu-judul\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">Potensial →</text>\
         <text class=\"sumbu-judul\" x=\"14\" y=\"{}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {})\">Kinerja →</text>",
        LEFT + 3 * CELL_W / 2,
        TOP + 3 * CELL_H + 45,
        TOP + 3 * CELL_H / 2,
        TOP + 3 * CELL_H / 2,
    );
    svg.push_str("</svg>");
    svg
}

fn cell_svg(svg: &mut String, cell: &NineBoxCell, x: u32, y: u32) {
    let kotak = cell.kotak;
    let count = angka(cell.count);
    let summary = match cell.count {
        Some(n) => format!("Kotak {kotak}: {}, {n} pegawai", cell.label),
        None => format!("Kotak {kotak}: {}, jumlah disembunyikan", cell.label),
    };
    if let Some(href) = &cell.href {
        let _ = write!(
            svg,
            "<a href=\"{}\" data-kotak=\"{kotak}\" aria-label=\"{}\">",
            escape(href),
            escape(&summary)
        );
    }
    let _ = write!(
        svg,
        "<g class=\"kotak-sel kt-{kotak}\" data-kotak=\"{kotak}\" data-jumlah=\"{count}\"><title>{}</title>\
         <rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\"/>\
         <text class=\"kotak-nomor\" x=\"{}\" y=\"{}\">{kotak}</text>\
         <text class=\"kotak-jumlah\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{count}</text>",
        escape(&summary),
        x + 3,
        y + 3,
        CELL_W - 6,
        CELL_H - 6,
        x + 14,
        y + 34,
        x + CELL_W - 14,
        y + 34,
    );
    for (line, text) in wrap(&cell.label, 26).iter().enumerate() {
        let _ = write!(
            svg,
            "<text class=\"kotak-label\" x=\"{}\" y=\"{}\">{}</text>",
            x + 14,
            y + 62 + line as u32 * 18,
            escape(text)
        );
    }
    svg.push_str("</g>");
    if cell.href.is_some() {
        svg.push_str("</a>");
    }
}

/// Splits text into lines of at most `width` characters at spaces (a
/// longer word stands on its own line), at most three lines.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.len() > 3 {
        lines.truncate(3);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

/// One bar: a label and `value` out of `of`, with the text shown beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub value: u64,
    pub of: u64,
    /// Shown at the end of the bar, e.g. `75% (30/40)`.
    pub text: String,
}

/// A horizontal bar chart, each bar scaled to its own `of` (a share), with
/// the label left of the bar.
pub fn bar_chart(id: &str, title: &str, desc: &str, bars: &[Bar]) -> String {
    const LABEL_W: u32 = 260;
    const BAR_W: u32 = 340;
    const ROW_H: u32 = 26;
    let height = (bars.len() as u32).max(1) * ROW_H + 8;
    let width = LABEL_W + BAR_W + 130;
    let id = escape(id);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg id=\"{id}\" class=\"grafik\" viewBox=\"0 0 {width} {height}\" role=\"img\" \
         aria-labelledby=\"{id}-judul {id}-uraian\">\
         <title id=\"{id}-judul\">{}</title><desc id=\"{id}-uraian\">{}</desc>",
        escape(title),
        escape(desc)
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = 4 + i as u32 * ROW_H;
        let filled = share(bar.value, bar.of, BAR_W);
        let label: String = bar.label.chars().take(38).collect();
        let _ = write!(
            svg,
            "<g class=\"batang\"><title>{}: {}</title>\
             <text class=\"batang-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect class=\"batang-latar\" x=\"{LABEL_W}\" y=\"{y}\" width=\"{BAR_W}\" height=\"{}\"/>\
             <rect class=\"batang-isi\" x=\"{LABEL_W}\" y=\"{y}\" width=\"{filled}\" height=\"{}\"/>\
             <text class=\"batang-nilai\" x=\"{}\" y=\"{}\">{}</text></g>",
            escape(&bar.label),
            escape(&bar.text),
            LABEL_W - 8,
            y + 15,
            escape(&label),
            ROW_H - 8,
            ROW_H - 8,
            LABEL_W + BAR_W + 8,
            y + 15,
            escape(&bar.text),
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A single progress bar, `value` out of `of`.
pub fn progress(id: &str, title: &str, value: u64, of: u64) -> String {
    const W: u32 = 600;
    let filled = share(value, of, W);
    let percent = percent(value, of);
    let id = escape(id);
    format!(
        "<svg id=\"{id}\" class=\"grafik progres\" viewBox=\"0 0 {W} 24\" role=\"img\" \
         aria-labelledby=\"{id}-judul {id}-uraian\">\
         <title id=\"{id}-judul\">{}</title><desc id=\"{id}-uraian\">{value} dari {of} ({percent}%)</desc>\
         <rect class=\"batang-latar\" x=\"0\" y=\"0\" width=\"{W}\" height=\"24\" rx=\"4\"/>\
         <rect class=\"batang-isi\" x=\"0\" y=\"0\" width=\"{filled}\" height=\"24\" rx=\"4\"/></svg>",
        escape(title)
    )
}

/// `value / of` of `width`, rounded down; nothing when `of` is zero.
fn share(value: u64, of: u64, width: u32) -> u64 {
    if of == 0 {
        return 0;
    }
    value.min(of) * u64::from(width) / of
}

/// Whole percent, rounded down; 0 of 0 is 0%.
pub fn percent(value: u64, of: u64) -> u64 {
    if of == 0 {
        return 0;
    }
    value.min(of) * 100 / of
}

/// A transition matrix between two periods as a heat map, `svg#{id}`:
/// rows are the box in the earlier period (9 at the top, as the table
/// reads), columns the box in the later one; `counts[a][b]` people moved
/// from box `a + 1` to box `b + 1`. Each cell shows its count, is shaded
/// in five steps of the largest count (`pm-0` for none or hidden to
/// `pm-4`), marks the diagonal (`tetap`: stayed in the same box) and names
/// the move in its `<title>` for screen readers and hover. A hidden count
/// (`None`) shows [`TERSEMBUNYI`].
pub fn transition_matrix(
    id: &str,
    title: &str,
    desc: &str,
    from: &str,
    to: &str,
    counts: &[[Option<u32>; 9]; 9],
) -> String {
    const CELL: u32 = 44;
    const LEFT: u32 = 70;
    const TOP: u32 = 46;
    let width = LEFT + 9 * CELL + 10;
    let height = TOP + 9 * CELL + 30;
    let max = counts
        .iter()
        .flatten()
        .flatten()
        .copied()
        .max()
        .unwrap_or(0);
    let id = escape(id);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg id=\"{id}\" class=\"grafik matriks\" viewBox=\"0 0 {width} {height}\" role=\"img\" \
         aria-labelledby=\"{id}-judul {id}-uraian\">\
         <title id=\"{id}-judul\">{}</title><desc id=\"{id}-uraian\">{}</desc>\
         <text class=\"sumbu-label\" x=\"{}\" y=\"16\" text-anchor=\"middle\">Kotak {}</text>\
         <text class=\"sumbu-label\" x=\"22\" y=\"{}\" text-anchor=\"middle\" transform=\"rotate(-90 22 {})\">Kotak {}</text>",
        escape(title),
        escape(desc),
        LEFT + 9 * CELL / 2,
        escape(to),
        TOP + 9 * CELL / 2,
        TOP + 9 * CELL / 2,
        escape(from),
    );
    for after in 1..=9u32 {
        let _ = write!(
            svg,
            "<text class=\"kotak-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{after}</text>",
            LEFT + (after - 1) * CELL + CELL / 2,
            TOP - 8
        );
    }
    for (row, before) in (1..=9u32).rev().enumerate() {
        let y = TOP + row as u32 * CELL;
        let _ = write!(
            svg,
            "<text class=\"kotak-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{before}</text>",
            LEFT - 8,
            y + CELL / 2 + 5
        );
        for after in 1..=9u32 {
            let count = counts
                .get(before as usize - 1)
                .and_then(|r| r.get(after as usize - 1))
                .copied()
                .unwrap_or(Some(0));
            let step = match count {
                Some(n) if n > 0 && max > 0 => {
                    (u64::from(n) * 4).div_ceil(u64::from(max)).clamp(1, 4)
                }
                _ => 0,
            };
            let moved = match count {
                Some(n) => format!("{n} pegawai"),
                None => "jumlah disembunyikan".to_owned(),
            };
            let count = angka(count.map(u64::from));
            let same = if before == after { " tetap" } else { "" };
            let x = LEFT + (after - 1) * CELL;
            let _ = write!(
                svg,
                "<g class=\"pm-sel pm-{step}{same}\" data-dari=\"{before}\" data-ke=\"{after}\" data-jumlah=\"{count}\">\
                 <title>Kotak {before} ke kotak {after}: {moved}</title>\
                 <rect x=\"{x}\" y=\"{y}\" width=\"{CELL}\" height=\"{CELL}\"/>\
                 <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{count}</text></g>",
                x + CELL / 2,
                y + CELL / 2 + 5
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The PermenPANRB numbering, grid[kinerja][potensial].
    const NUMBERS: [[u8; 3]; 3] = [[1, 3, 6], [2, 5, 8], [4, 7, 9]];

    fn chart(links: bool) -> NineBox {
        let cell = |kotak: u8| NineBoxCell {
            kotak,
            label: format!("Label {kotak}"),
            count: Some(u64::from(kotak) * 10),
            href: links.then(|| format!("/peta?kotak={kotak}&periode=2026-S1")),
        };
        NineBox {
            title: "Peta talenta".into(),
            desc: "Sebaran".into(),
            grid: NUMBERS.map(|row| row.map(cell)),
        }
    }

    #[test]
    fn a_transition_matrix_has_every_cell_shaded_by_its_count() {
        let mut counts = [[Some(0u32); 9]; 9];
        counts[8][8] = Some(40);
        counts[4][7] = Some(10);
        counts[0][1] = Some(1);
        counts[2][0] = None;
        let svg = transition_matrix(
            "pm",
            "Perpindahan <uji>",
            "Uraian",
            "2025-S2",
            "2026-S1",
            &counts,
        );
        assert!(svg.starts_with("<svg id=\"pm\""));
        assert!(svg.contains("<title id=\"pm-judul\">Perpindahan &lt;uji&gt;</title>"));
        assert_eq!(svg.matches("<g class=\"pm-sel").count(), 81);
        assert_eq!(svg.matches(" tetap\"").count(), 9);
        assert!(svg.contains(
            "<g class=\"pm-sel pm-4 tetap\" data-dari=\"9\" data-ke=\"9\" data-jumlah=\"40\">"
        ));
        assert!(svg.contains(
            "<g class=\"pm-sel pm-1\" data-dari=\"5\" data-ke=\"8\" data-jumlah=\"10\">"
        ));
        assert!(
            svg.contains(
                "<g class=\"pm-sel pm-1\" data-dari=\"1\" data-ke=\"2\" data-jumlah=\"1\">"
            )
        );
        assert!(svg.contains("<title>Kotak 5 ke kotak 8: 10 pegawai</title>"));
        assert!(svg.contains("data-dari=\"3\" data-ke=\"3\" data-jumlah=\"0\""));
        assert!(svg.contains(
            "<g class=\"pm-sel pm-0\" data-dari=\"3\" data-ke=\"1\" data-jumlah=\"×\">\
             <title>Kotak 3 ke kotak 1: jumlah disembunyikan</title>"
        ));
        // Box 9 is the top row: its first cell comes before box 8's.
        assert!(svg.find("data-dari=\"9\"").unwrap() < svg.find("data-dari=\"8\"").unwrap());
    }

    #[test]
    fn nine_boxes_with_counts_and_links() {
        let svg = nine_box(&chart(true));
        assert!(svg.starts_with("<svg id=\"kotak-talenta\""));
        assert_eq!(svg.matches("<g class=\"kotak-sel").count(), 9);
        assert_eq!(svg.matches("<a href=").count(), 9);
        for kotak in 1..=9u8 {
            assert!(svg.contains(&format!(
                "<a href=\"/peta?kotak={kotak}&amp;periode=2026-S1\" data-kotak=\"{kotak}\""
            )));
            assert!(svg.contains(&format!(
                "data-kotak=\"{kotak}\" data-jumlah=\"{}\"",
                u32::from(kotak) * 10
            )));
            assert!(svg.contains(&format!(">Label {kotak}</text>")));
        }
        assert!(svg.contains("<title id=\"kotak-talenta-judul\">Peta talenta</title>"));
        assert!(svg.contains("Kinerja →") && svg.contains("Potensial →"));
        assert!(!svg.contains("style="));
    }

    #[test]
    fn box_nine_is_top_right_and_box_one_bottom_left() {
        let svg = nine_box(&chart(false));
        let rect_of = |kotak: u8| {
            let start = svg
                .find(&format!("<g class=\"kotak-sel kt-{kotak}\""))
                .unwrap();
            let rest = &svg[start..];
            let rect = &rest[rest.find("<rect").unwrap()..];
            rect[..rect.find("/>").unwrap()].to_owned()
        };
        assert!(rect_of(9).contains(&format!(
            "x=\"{}\" y=\"{}\"",
            LEFT + 2 * CELL_W + 3,
            TOP + 3
        )));
        assert!(rect_of(1).contains(&format!(
            "x=\"{}\" y=\"{}\"",
            LEFT + 3,
            TOP + 2 * CELL_H + 3
        )));
        assert!(rect_of(7).contains(&format!("x=\"{}\" y=\"{}\"", LEFT + CELL_W + 3, TOP + 3)));
    }

    #[test]
    fn a_hidden_box_shows_the_mark_and_no_number() {
        let mut c = chart(false);
        c.grid[1][2].count = None;
        let svg = nine_box(&c);
        assert!(svg.contains("data-kotak=\"8\" data-jumlah=\"×\"><title>Kotak 8: Label 8, jumlah disembunyikan</title>"));
        assert!(svg.contains("text-anchor=\"end\">×</text>"));
        assert_eq!(angka(Some(7)), "7");
    }

    #[test]
    fn no_links_when_the_viewer_may_not_list_people() {
        let svg = nine_box(&chart(false));
        assert!(!svg.contains("<a "));
        assert_eq!(svg.matches("<g class=\"kotak-sel").count(), 9);
    }

    #[test]
    fn every_embedded_text_is_escaped() {
        let mut c = chart(true);
        c.title = "<script>alert(1)</script>".into();
        c.grid[2][2].label = "Dr. <b>Budi</b> & \"Ani\"".into();
        let svg = nine_box(&c);
        assert!(!svg.contains("<script>"));
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("&lt;b&gt;Budi&lt;/b&gt;"));
        assert!(svg.contains("&quot;Ani&quot;"));
        let bars = bar_chart(
            "x\"y",
            "<t>",
            "d",
            &[Bar {
                label: "<img src=x>".into(),
                value: 1,
                of: 2,
                text: "50%".into(),
            }],
        );
        assert!(!bars.contains("<img") && !bars.contains("<t>") && !bars.contains("x\"y"));
        assert!(!progress("p", "<i>", 1, 2).contains("<i>"));
    }

    #[test]
    fn bars_scale_to_their_share() {
        let svg = bar_chart(
            "profil",
            "Progres",
            "per OPD",
            &[
                Bar {
                    label: "Dinas A".into(),
                    value: 1,
                    of: 4,
                    text: "25%".into(),
                },
                Bar {
                    label: "Dinas B".into(),
                    value: 0,
                    of: 0,
                    text: "—".into(),
                },
            ],
        );
        assert_eq!(svg.matches("<g class=\"batang\">").count(), 2);
        assert!(svg.contains("class=\"batang-isi\" x=\"260\" y=\"4\" width=\"85\""));
        assert!(svg.contains("class=\"batang-isi\" x=\"260\" y=\"30\" width=\"0\""));
        let bar = progress("semua", "Progres", 3, 4);
        assert!(bar.contains("width=\"450\""));
        assert!(bar.contains("3 dari 4 (75%)"));
        assert_eq!(percent(2, 3), 66);
        assert_eq!(percent(0, 0), 0);
    }

    #[test]
    fn labels_wrap_at_spaces() {
        assert_eq!(
            wrap("Kinerja di atas ekspektasi dan potensial tinggi", 26),
            ["Kinerja di atas ekspektasi", "dan potensial tinggi"]
        );
    }
}
