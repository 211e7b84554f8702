//! `table-prose`: a figure in the prose around a table that restates one of
//! its cells (`全市共有医疗机构350个` above a table whose 合计 row reads 347)
//! must agree with it.
//!
//! The prose read is the text between the table and its neighbours (another
//! table, or 3 000 bytes), clause by clause. A clause restates a cell only
//! when it names the cell without doubt: it holds the column's name (its
//! head without the unit in brackets) and the row's label, or, for the
//! total row, a word of a total (`共`, `合计`, `全市`, `total`); it names no
//! other row or column; it holds one figure of the column's kind; and any
//! year it names is a year the table's caption or head names. The cell's
//! figure is read in the unit of its head (`(万元)`, `($ millions)`), the
//! prose's as the lexer reads it; they hold when their intervals meet.

use super::grid::{key, Grid};
use crate::checks::{Claim, Label, Role, Verdict};
use crate::exact::{int, Num};
use crate::lexer::Quantity;
use crate::rules::{CheckKind, Rule};
use crate::text::Span;

/// How far from a table its prose is read, in bytes.
const REACH: usize = 3000;

/// Every restatement of a cell of `grid` in the prose `window` of the text.
pub fn find(grid: &Grid, rule: &Rule, window: Span) -> Vec<Claim> {
    let v = &rule.vocabulary;
    let text = grid.text;
    // Most tables stand alone: no prose, nothing to read.
    if text[window.start..window.end].trim().is_empty() {
        return Vec::new();
    }
    let columns: Vec<(usize, String)> = grid
        .data_cols
        .iter()
        .map(|&c| (c, name(grid.own_heading(c))))
        .filter(|(_, n)| n.chars().count() >= 2)
        .collect();
    let totals: Vec<String> = v
        .total
        .iter()
        .chain(v.whole_hint.iter())
        .map(|w| key(w))
        .collect();
    let rows: Vec<(usize, String, bool)> = (grid.head..grid.rows)
        .map(|r| {
            let label = name(grid.label(r));
            let total = totals.contains(&label);
            (r, label, total)
        })
        .filter(|(_, l, _)| l.chars().count() >= 2)
        .collect();
    if columns.is_empty() || rows.is_empty() {
        return Vec::new();
    }
    let years = table_years(grid);

    // The window read as the checks read prose: its sentences, clauses (a
    // comma inside `1,560` ends none) and figures.
    let doc = crate::checks::Doc::chunk(text, window, &crate::text::Breaks::default());
    let mut out = Vec::new();
    for &sentence in &doc.sentences {
        for &clause in doc.clauses(sentence).iter() {
            let body = key(&text[clause.start..clause.end]);
            let named_cols: Vec<usize> = columns
                .iter()
                .filter(|(_, n)| body.contains(n.as_str()))
                .map(|(c, _)| *c)
                .collect();
            let named_rows: Vec<usize> = rows
                .iter()
                .filter(|(_, l, _)| body.contains(l.as_str()))
                .map(|(r, _, _)| *r)
                .collect();
            let [col] = named_cols[..] else {
                continue;
            };
            let row = match named_rows[..] {
                [r] => r,
                [] if v.whole.iter().any(|w| body.contains(&key(w))) => {
                    // A word of a total (共, 全市, total) names the total row.
                    let totals: Vec<usize> = rows.iter().filter(|t| t.2).map(|t| t.0).collect();
                    let [t] = totals[..] else {
                        continue;
                    };
                    t
                }
                _ => continue,
            };
            if !years_agree(&body, &years) {
                continue;
            }
            let Some(cell) = grid.figure(row, col) else {
                continue;
            };
            let figures: Vec<&Quantity> = doc
                .quantities_in(clause)
                .iter()
                .filter(|q| {
                    if cell.percent {
                        q.kind.is_rate()
                    } else {
                        q.kind.is_magnitude()
                    }
                })
                .collect();
            let [q] = figures[..] else {
                continue;
            };
            let Some((scale, unit)) = head_unit(&grid.heading(col)) else {
                continue;
            };
            if !cell.percent {
                match (unit.as_str(), q.unit) {
                    ("", None) => {}
                    ("", Some(_))
                        if q.kind == crate::lexer::QuantityKind::Count && scale == int(1) => {}
                    (u, Some(qu)) if u == qu => {}
                    _ => continue,
                }
            }
            let stated = cell.iv.clone().scale(&scale);
            let holds = stated.overlaps(&q.interval);
            let Some(cell_span) = grid.span(row, col) else {
                continue;
            };
            let verdict = (!holds).then(|| Verdict {
                primary: 0,
                message: format!(
                    "the text says {}, but the table's {} reads {}",
                    &text[q.start..q.end],
                    grid.name(row, col),
                    &text[cell_span.start..cell_span.end]
                ),
                expected: None,
                help: "correct the text or the table: one of them is out of date".to_string(),
            });
            out.push(Claim {
                check: CheckKind::TableProse,
                rule: rule.id.clone(),
                labels: vec![
                    Label::new(Role::Stated, Span::new(q.start, q.end)),
                    Label::new(Role::Value, cell_span),
                ],
                verdict,
            });
        }
    }
    out
}

/// The prose around a table at `start..end` of `text`: back to `before`
/// (the end of the table before it) and on to `after` (the start of the
/// next), at most [`REACH`] bytes each way.
pub fn windows(text: &str, (start, end): (usize, usize), before: usize, after: usize) -> [Span; 2] {
    let floor = |i: usize| crate::text::floor_boundary(text, i.min(text.len()));
    let from = before.max(start.saturating_sub(REACH)).min(start);
    let to = after.min(end.saturating_add(REACH)).max(end);
    [
        Span::new(floor(from), floor(start)),
        Span::new(floor(end), floor(to)),
    ]
}

/// A head or label without its unit in brackets (`医疗机构(个)` is
/// `医疗机构`), as [`key`] reads it.
fn name(s: &str) -> String {
    let k = key(s);
    let cut = k.find(['(', '（', '[']).unwrap_or(k.len());
    k[..cut].trim().to_string()
}

/// The scale and unit a head gives its figures: `(万元)` 10 000 and `元`,
/// `(个)` 1 and `个`, `($ millions)` 1 000 000 and `$`; 1 and no unit when
/// it gives none; `None` when its brackets hold something else.
fn head_unit(head: &str) -> Option<(Num, String)> {
    let k = key(head);
    let Some(open) = k.rfind(['(', '（']) else {
        let lower = k.to_lowercase();
        for (w, n) in [
            ("in thousands", 1_000),
            ("in millions", 1_000_000),
            ("in billions", 1_000_000_000),
        ] {
            if lower.contains(w) {
                return Some((int(n), String::new()));
            }
        }
        return Some((int(1), String::new()));
    };
    let inner = k[open..]
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）'])
        .trim();
    let (scale, unit) = match inner {
        u if u.starts_with("亿") => (100_000_000, &u["亿".len()..]),
        u if u.starts_with("万") => (10_000, &u["万".len()..]),
        u if u.starts_with("千") => (1_000, &u["千".len()..]),
        u if u.starts_with("百万") => (1_000_000, &u["百万".len()..]),
        u if u.contains("million") => (1_000_000, ""),
        u if u.contains("thousand") => (1_000, ""),
        u if u.contains("billion") => (1_000_000_000, ""),
        u => (1, u),
    };
    let unit = unit.trim_start_matches('$').trim();
    if unit.chars().count() > 3 || unit.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((int(scale), unit.to_string()))
}

/// The years a table's caption and head name.
fn table_years(grid: &Grid) -> Vec<u32> {
    let mut text = grid
        .table
        .caption
        .map_or(String::new(), |c| grid.text[c.start..c.end].to_string());
    for c in 0..grid.cols {
        text.push(' ');
        text.push_str(&grid.heading(c));
    }
    super::change::named_years(&text)
}

/// Whether every year a clause names is one the table names.
fn years_agree(clause: &str, years: &[u32]) -> bool {
    super::change::named_years(clause)
        .iter()
        .all(|y| years.contains(y))
}
