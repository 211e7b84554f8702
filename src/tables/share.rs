//! `table-share`: a share column (`占比`, `构成`, `比重`, `% of total`)
//! agrees with its row's figure over the total row's, and the shares of the
//! rows under a total that reads 100 add up to 100 within rounding.
//!
//! The figure column is the nearest data column before the share column
//! that is no share; the total is the row whose label names one (`合计`,
//! `全国`, `Total`) and holds a figure there. Without a total row the
//! whole is not known: no claim. A stated share may be rounded or cut to
//! its decimals.

use super::grid::{key, Grid};
use crate::checks::{fmt_fixed, Claim, Label, Role, Verdict};
use crate::exact::{int, Interval};
use crate::rules::{CheckKind, Rule, Vocabulary};

/// Every share claim of a table.
pub fn find(grid: &Grid, rule: &Rule) -> Vec<Claim> {
    let v = &rule.vocabulary;
    let mut out = Vec::new();
    let totals: Vec<usize> = (grid.head..grid.rows)
        .filter(|&r| is_total(grid, r, v))
        .collect();
    let [t] = totals[..] else {
        return out;
    };
    for (i, &c) in grid.data_cols.iter().enumerate() {
        let Some(base) = grid.data_cols[..i]
            .iter()
            .rev()
            .copied()
            .find(|&k| !is_share(grid, k, v, t))
        else {
            continue;
        };
        if !is_share(grid, c, v, t)
            || grid.data_cols[..i]
                .iter()
                .rev()
                .take_while(|&&k| k != base)
                .count()
                > 0
        {
            continue;
        }
        let Some(whole) = grid.figure(t, base) else {
            continue;
        };
        if whole.percent || !whole.value.is_positive() {
            continue;
        }
        let whole_iv = whole.iv.clone();
        let mut claims = Vec::new();
        let mut shares_sum = Interval::exact(int(0));
        let mut share_cells = Vec::new();
        let mut complete = true;
        for r in (grid.head..grid.rows).filter(|&r| r != t && !grid.is_section(r)) {
            if super::is_sub(grid, r, v) {
                continue;
            }
            let (Some(part), Some(share)) = (grid.figure(r, base), grid.figure(r, c)) else {
                complete &= grid.figure(r, c).is_none() && grid.is_empty(r, c);
                continue;
            };
            if part.unit != whole.unit || part.value.is_negative() {
                continue;
            }
            let stated = share.stated_interval();
            shares_sum = shares_sum.add(&share.interval(true));
            share_cells.push((r, c));
            let Some(computed) = part
                .iv
                .clone()
                .div_nonneg(&whole_iv)
                .map(|q| q.scale(&int(100)))
            else {
                continue;
            };
            let holds = computed.overlaps(&stated);
            let verdict = (!holds).then(|| {
                let value = computed.representative().unwrap_or_else(|| int(0));
                let expected = fmt_fixed(&value, share.decimals);
                Verdict {
                    primary: 0,
                    message: format!(
                        "{}: {} / {} = {expected}%, but the share is {}",
                        grid.name(r, c),
                        cell(grid, r, base),
                        cell(grid, t, base),
                        cell(grid, r, c),
                    ),
                    expected: Some(format!(
                        "{expected}{}",
                        if share.percent { "%" } else { "" }
                    )),
                    help: "correct the share, or the figure it is computed from".to_string(),
                }
            });
            claims.push(super::cell_claim(
                CheckKind::TableShare,
                rule,
                [
                    grid.span(r, c).map(|s| Label::new(Role::Stated, s)),
                    grid.span(r, base).map(|s| Label::new(Role::Part, s)),
                    grid.span(t, base).map(|s| Label::new(Role::Whole, s)),
                ],
                verdict,
            ));
        }
        let before = claims.len();
        let claims = super::vote(claims);
        if claims.len() < before {
            continue;
        }
        out.extend(claims);
        // The shares of a partition add up to 100.
        let hundred = grid.figure(t, c).is_some_and(|f| f.value == int(100));
        if hundred
            && complete
            && share_cells.len() >= 2
            && !shares_sum.overlaps(&Interval::exact(int(100)))
        {
            let sum = shares_sum.representative().unwrap_or_else(|| int(0));
            out.push(Claim {
                check: CheckKind::TableShare,
                rule: rule.id.clone(),
                labels: std::iter::once((t, c))
                    .chain(share_cells.iter().copied())
                    .filter_map(|(r, k)| grid.span(r, k))
                    .enumerate()
                    .map(|(i, s)| Label::new(if i == 0 { Role::Total } else { Role::Part }, s))
                    .collect(),
                verdict: Some(Verdict {
                    primary: 0,
                    message: format!(
                        "{}: the shares of its {} rows add up to {}, not 100",
                        grid.name(t, c),
                        share_cells.len(),
                        crate::checks::fmt(&sum)
                    ),
                    expected: None,
                    help: "a share was not recomputed: check each against its figure".to_string(),
                }),
            });
        }
    }
    out
}

fn cell(grid: &Grid, r: usize, c: usize) -> String {
    grid.span(r, c)
        .map_or(String::new(), |s| grid.text[s.start..s.end].to_string())
}

/// Whether a body row names a total.
fn is_total(grid: &Grid, r: usize, v: &Vocabulary) -> bool {
    let label = grid.label_key(r);
    v.total
        .iter()
        .chain(v.whole_hint.iter())
        .any(|w| label == w.to_lowercase())
}

/// Whether a column holds shares: its head says so (`占比`, `% of total`),
/// or it is headed `%` alone and reads 100 on the total row.
fn is_share(grid: &Grid, c: usize, v: &Vocabulary, total: usize) -> bool {
    let head = key(grid.own_heading(c));
    if v.share.iter().any(|w| head.contains(&w.to_lowercase())) {
        return true;
    }
    matches!(head.as_str(), "%" | "(%)" | "（%）" | "percent")
        && grid.figure(total, c).is_some_and(|f| f.value == int(100))
}
