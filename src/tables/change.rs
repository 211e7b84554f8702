//! `table-change`: a change column agrees with the two period columns
//! before it: a percent change (`增长%`, `比上年±%`, `同比`, `% change`)
//! with (current − previous) / previous, a difference (`增减额`, `change`)
//! with current − previous.
//!
//! The two periods are the data columns of the change column's group whose
//! heads name a year (the later one is current) or a period word (`本年`,
//! `上年`, `current`, `prior`); with any other pair, no claim. A head that
//! does not say which kind of change it holds is read both ways, and the
//! claim fails only when neither holds. A stated change may be rounded or
//! cut to its decimals.

use super::grid::{is_year_like, key, Grid};
use crate::checks::{fmt_fixed, Claim, Label, Role, Verdict};
use crate::exact::{int, Interval, Num};
use crate::rules::{CheckKind, Rule, Vocabulary};

/// Which change a column holds.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Kinds {
    percent: bool,
    difference: bool,
}

/// Every change claim of a table.
pub fn find(grid: &Grid, rule: &Rule) -> Vec<Claim> {
    let v = &rule.vocabulary;
    let mut out = Vec::new();
    for (i, &c) in grid.data_cols.iter().enumerate() {
        let Some(kinds) = kinds(grid, c, v) else {
            continue;
        };
        let Some((prev, cur)) = periods(grid, c, &grid.data_cols[..i], v) else {
            continue;
        };
        let mut claims = Vec::new();
        for r in grid.head..grid.rows {
            let (Some(p), Some(n), Some(s)) =
                (grid.figure(r, prev), grid.figure(r, cur), grid.figure(r, c))
            else {
                continue;
            };
            if p.unit != n.unit || p.percent || n.percent {
                continue;
            }
            let stated = s.stated_interval();
            let (pi, ni) = (p.iv.clone(), n.iv.clone());
            let diff = ni.sub(&pi);
            let pct = if p.value.is_positive() && !n.value.is_negative() {
                ni.div_nonneg(&pi)
                    .map(|q| q.sub(&Interval::exact(int(1))).scale(&int(100)))
            } else {
                None
            };
            let pct_ok = kinds.percent && pct.as_ref().is_some_and(|x| x.overlaps(&stated));
            // A change of a rate may be given in points (`Gross margin (%)`).
            let points = rate_row(grid, r);
            let diff_ok = (kinds.difference || points) && !s.percent && diff.overlaps(&stated);
            let checkable = (kinds.percent && pct.is_some()) || (kinds.difference && !s.percent);
            if !checkable {
                continue;
            }
            let holds = pct_ok || diff_ok;
            let verdict = (!holds).then(|| {
                let (computed, what) = match (&pct, kinds.percent) {
                    (Some(x), true) => (x.clone(), "change"),
                    _ => (diff.clone(), "difference"),
                };
                let value: Num = computed.representative().unwrap_or_else(|| int(0));
                let expected = fmt_fixed(&value, s.decimals);
                let pct_sign = if what == "change" { "%" } else { "" };
                Verdict {
                    primary: 0,
                    message: format!(
                        "{}: from {} to {} the {what} is {expected}{pct_sign}, but the table says {}",
                        grid.name(r, c),
                        text(grid, r, prev),
                        text(grid, r, cur),
                        text(grid, r, c)
                    ),
                    expected: Some(format!("{expected}{}", if s.percent { "%" } else { "" })),
                    help: "correct the change, or the period figure that changed".to_string(),
                }
            });
            claims.push(super::cell_claim(
                CheckKind::TableChange,
                rule,
                [
                    grid.span(r, c).map(|x| Label::new(Role::Change, x)),
                    grid.span(r, prev).map(|x| Label::new(Role::Before, x)),
                    grid.span(r, cur).map(|x| Label::new(Role::After, x)),
                ],
                verdict,
            ));
        }
        out.extend(super::vote(claims));
    }
    out
}

fn text(grid: &Grid, r: usize, c: usize) -> String {
    grid.span(r, c)
        .map_or(String::new(), |s| grid.text[s.start..s.end].to_string())
}

/// Whether a column is a change column, and of which kind.
fn kinds(grid: &Grid, c: usize, v: &Vocabulary) -> Option<Kinds> {
    let head = key(grid.own_heading(c));
    let percent = v.rate.iter().any(|w| head.contains(&w.to_lowercase()));
    let difference = v.by.iter().any(|w| head.contains(&w.to_lowercase()));
    if !percent && !difference {
        return None;
    }
    let marked_percent = head.contains(['%', '％']) || head.contains('率');
    Some(Kinds {
        percent: percent || marked_percent,
        difference: difference && !marked_percent,
    })
}

/// Whether a row's figures are rates or shares (its label says `%`, `率`,
/// `rate`, `margin`): their change may be stated in points.
fn rate_row(grid: &Grid, row: usize) -> bool {
    let label = grid.label_key(row);
    [
        "%", "％", "率", "rate", "margin", "ratio", "percent", "比重", "占比",
    ]
    .iter()
    .any(|w| label.contains(w))
        || grid
            .data_cols
            .iter()
            .any(|&c| grid.figure(row, c).is_some_and(|f| f.percent))
}

/// The years a change column's head names (`2019 vs 2018`).
pub fn named_years(head: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let b = head.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|x| !x.is_ascii_digit())
        {
            if let Ok(y) = head[i..i + 4].parse::<u32>() {
                if (1900..=2100).contains(&y) {
                    out.push(y);
                }
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether a head compares two years (`2019 vs 2018`, `From 2019 to
/// 2021`, `2024年比2023年`), not a period of two (`2021 - 2022`).
pub fn compares_years(head: &str) -> bool {
    let head = head.to_lowercase();
    named_years(&head).len() >= 2
        && [
            "vs", "versus", " to ", "from", "compared", "change", "比", "较", "增",
        ]
        .iter()
        .any(|w| head.contains(w))
}

/// The year a period column's head names.
fn year_of(head: &str) -> Option<u32> {
    is_year_like(head)
        .then(|| {
            head.trim_start_matches("fy")
                .trim()
                .chars()
                .take(4)
                .collect::<String>()
                .parse()
                .ok()
        })
        .flatten()
}

/// The previous and current period columns among `before` (the data
/// columns before the change column `c`): those of the two years its head
/// names (`2019 vs 2018`), or else the two nearest whose heads name a year
/// or a period word.
fn periods(grid: &Grid, c: usize, before: &[usize], v: &Vocabulary) -> Option<(usize, usize)> {
    let years = named_years(&grid.heading(c));
    if let [a, b] = years[..] {
        let find = |y: u32| {
            before
                .iter()
                .copied()
                .filter(|&k| year_of(&key(grid.own_heading(k))) == Some(y))
                .collect::<Vec<_>>()
        };
        let (fa, fb) = (find(a.min(b)), find(a.max(b)));
        return match (&fa[..], &fb[..]) {
            ([p], [n]) if a != b => Some((*p, *n)),
            _ => None,
        };
    }
    let mut found: Vec<(usize, Period)> = Vec::new();
    for &k in before.iter().rev() {
        let head = key(grid.own_heading(k));
        let period = if let Some(year) = year_of(&head) {
            Period::Year(year)
        } else if v.from.iter().any(|w| head.starts_with(&w.to_lowercase())) {
            Period::Previous
        } else if v.to.iter().any(|w| head.starts_with(&w.to_lowercase())) {
            Period::Current
        } else {
            break;
        };
        found.push((k, period));
        if found.len() == 2 {
            break;
        }
    }
    let [(a, pa), (b, pb)] = found[..] else {
        return None;
    };
    match (pa, pb) {
        (Period::Year(x), Period::Year(y)) if x != y => Some(if x < y { (a, b) } else { (b, a) }),
        (Period::Previous, Period::Current) => Some((a, b)),
        (Period::Current, Period::Previous) => Some((b, a)),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Period {
    Year(u32),
    Previous,
    Current,
}
