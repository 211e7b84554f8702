//! `table-rate`: a rate column (`…率(%)`, `rate per 100,000`) agrees with
//! its numerator and denominator columns, where both are in the table.
//!
//! Which two columns a rate is made of, the head seldom says; it is read off
//! the rows: the pair of data columns before the rate column (numerator,
//! denominator) whose quotient, times the rate's scale (`%` 100, `‰` and
//! `per 1,000` 1000, `每10万` and `per 100,000` 100 000), matches the rate in
//! at least three rows and in more rows than it misses. The rows it misses
//! are the findings. When two pairs match as well, or no pair does, no
//! claim. A stated rate may be rounded or cut to its decimals.

use super::grid::{key, Grid};
use crate::checks::{fmt_fixed, Claim, Label, Role, Verdict};
use crate::exact::{int, Num};
use crate::rules::{CheckKind, Rule};

/// Every rate claim of a table.
pub fn find(grid: &Grid, rule: &Rule) -> Vec<Claim> {
    let v = &rule.vocabulary;
    let mut out = Vec::new();
    for (i, &c) in grid.data_cols.iter().enumerate() {
        let head = key(&grid.heading(c));
        if !v.rate.iter().any(|w| head.contains(&key(w))) {
            continue;
        }
        let Some(scale) = scale(&head, grid, c) else {
            continue;
        };
        let before: Vec<usize> = grid.data_cols[..i]
            .iter()
            .copied()
            .filter(|&k| {
                (grid.head..grid.rows).all(|r| grid.figure(r, k).is_none_or(|f| !f.percent))
                    && !v
                        .rate
                        .iter()
                        .any(|w| key(&grid.heading(k)).contains(&key(w)))
            })
            .collect();
        if before.len() < 2 || before.len() > 12 {
            continue;
        }
        // Each ordered pair, scored by the rows it matches and misses.
        let mut best: Vec<(usize, usize, usize, usize)> = Vec::new();
        for &n in &before {
            for &d in &before {
                if n == d {
                    continue;
                }
                let (mut holds, mut misses) = (0, 0);
                for r in grid.head..grid.rows {
                    match row_holds(grid, r, n, d, c, &scale) {
                        Some(true) => holds += 1,
                        Some(false) => misses += 1,
                        None => {}
                    }
                }
                if holds >= 3 && holds > misses {
                    best.push((holds, misses, n, d));
                }
            }
        }
        best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let Some(&(holds, misses, n, d)) = best.first() else {
            continue;
        };
        if best.get(1).is_some_and(|b| b.0 == holds && b.1 == misses) {
            continue;
        }
        for r in grid.head..grid.rows {
            let Some(ok) = row_holds(grid, r, n, d, c, &scale) else {
                continue;
            };
            let labels: Vec<Label> = [
                grid.span(r, c).map(|s| Label::new(Role::Stated, s)),
                grid.span(r, n).map(|s| Label::new(Role::Part, s)),
                grid.span(r, d).map(|s| Label::new(Role::Whole, s)),
            ]
            .into_iter()
            .flatten()
            .collect();
            let verdict = (!ok).then(|| verdict(grid, r, (n, d, c), &scale));
            out.push(Claim {
                check: CheckKind::TableRate,
                rule: rule.id.clone(),
                labels,
                verdict,
            });
        }
    }
    out
}

/// Whether row `r`'s rate is its numerator over its denominator, scaled;
/// `None` when a figure is missing or the denominator may be zero.
fn row_holds(grid: &Grid, r: usize, n: usize, d: usize, c: usize, scale: &Num) -> Option<bool> {
    let (num, den, rate) = (grid.figure(r, n)?, grid.figure(r, d)?, grid.figure(r, c)?);
    if num.unit != den.unit || num.value.is_negative() || rate.value.is_negative() {
        return None;
    }
    let q = num.iv.clone().div_nonneg(&den.iv.clone())?.scale(scale);
    Some(q.overlaps(&rate.stated_interval()))
}

fn verdict(grid: &Grid, r: usize, (n, d, c): (usize, usize, usize), scale: &Num) -> Verdict {
    let text = |k: usize| {
        grid.span(r, k)
            .map_or(String::new(), |s| grid.text[s.start..s.end].to_string())
    };
    let decimals = grid.figure(r, c).map_or(1, |f| f.decimals);
    let value = grid
        .figure(r, n)
        .zip(grid.figure(r, d))
        .and_then(|(a, b)| a.iv.clone().div_nonneg(&b.iv.clone()))
        .and_then(|q| q.scale(scale).representative())
        .unwrap_or_else(|| int(0));
    let expected = fmt_fixed(&value, decimals);
    Verdict {
        primary: 0,
        message: format!(
            "{}: {} / {} gives {expected}, but the rate is {}",
            grid.name(r, c),
            text(n),
            text(d),
            text(c)
        ),
        expected: Some(expected),
        help: "correct the rate, or the count it is computed from".to_string(),
    }
}

/// The scale of a rate column, from its head (`%`, `‰`, `per 100,000`,
/// `每10万`, `1/10万`) or its cells (`12.5%`); `None` when it says none.
fn scale(head: &str, grid: &Grid, c: usize) -> Option<Num> {
    let lower = head.to_lowercase();
    if lower.contains('‰')
        || lower.contains("per 1,000")
        || lower.contains("per 1000")
        || lower.contains("每千")
    {
        return Some(int(1000));
    }
    for (words, n) in [
        (
            &[
                "per 100,000",
                "per 100000",
                "每10万",
                "每十万",
                "/10万",
                "1/10万",
            ][..],
            100_000,
        ),
        (
            &["per 10,000", "per 10000", "每万", "/万", "1/万"][..],
            10_000,
        ),
    ] {
        if words.iter().any(|w| lower.contains(w)) {
            return Some(int(n));
        }
    }
    let percent_cells =
        (grid.head..grid.rows).any(|r| grid.figure(r, c).is_some_and(|f| f.percent));
    (lower.contains('%') || lower.contains('％') || percent_cells).then(|| int(100))
}
