//! `table-total`: a total row or column equals the sum of what it covers.
//!
//! A total row (`合计`, `总计`, `Total`; `小计`, `Subtotal` for a section)
//! at the foot of a block covers the rows above it, back to the head, a
//! section title or the previous total; one right under the head covers the
//! rows below it, to the next total. Sub-rows (`其中:`, `of which`, rows
//! indented under another) are parts of the row above, not of the total. A
//! table may nest (items under headings, subtotals under a total), and its
//! format may keep no indentation: the total holds when any reading of the
//! rows holds — every row, the rows of the outermost enumeration (`一、`
//! before `（一）` before `1.`), the rows left when a row followed by rows
//! that add up to it stands for them, subtotals in place of their rows. An
//! area total (`全省`, `全国`, `All`) may cover places not listed: its rows
//! must not exceed it. A total column (`合计`, `Total` in the head) covers
//! the columns of its group (under one spanning head cell), or every other
//! data column when the table has one total column.
//!
//! A blank or a dash is no zero: a total with such a part is only held to be
//! no less than the parts stated. Columns of rates, averages and shares are
//! never summed. When most of a total's figures disagree with what it
//! covers, the table is read wrongly, not written wrongly: no claim.

use super::grid::{key, Grid};
use crate::checks::{fmt, with_tolerance, Claim, Label, Role, Verdict};
use crate::exact::{int, Interval};
use crate::rules::{CheckKind, Rule, Vocabulary};
use crate::text::Span;

/// The most rows a total is read to cover.
const MAX_ROWS: usize = 2000;

/// The longest run of last rows a foot total is read to cover alone.
const MAX_SUFFIX: usize = 16;

/// The most rows read as the items under one heading row.
const MAX_CHILDREN: usize = 64;

/// How a total relates to the sum of what it covers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Equal,
    /// An area total: the rows listed may be some of its places.
    AtMost,
}

/// Every total claim of a table.
pub fn find(grid: &Grid, rule: &Rule) -> Vec<Claim> {
    let v = &rule.vocabulary;
    let mut out = Vec::new();
    // Read once: which columns add up, which rows are rates.
    let summed: Vec<bool> = (0..grid.cols).map(|c| summable(grid, c, v)).collect();
    let marks = Marks {
        modes: (0..grid.rows)
            .map(|r| total_mode(grid.label_key(r), v))
            .collect(),
        subs: (0..grid.rows).map(|r| super::is_sub(grid, r, v)).collect(),
        adjusts: (0..grid.rows).map(|r| adjusts(grid, r, v)).collect(),
        rates: (0..grid.rows)
            .map(|r| not_summed(&grid.label(r).to_lowercase(), v))
            .collect(),
    };
    for (t, mode) in marks.modes.iter().enumerate().skip(grid.head) {
        let Some(mode) = *mode else {
            continue;
        };
        let Some((readings, sections)) = row_readings(grid, t, v, &marks) else {
            continue;
        };
        // Sections under a head total may each leave some out (unknowns).
        let mode = if sections { Mode::AtMost } else { mode };
        let claims: Vec<Claim> = grid
            .data_cols
            .iter()
            .filter(|&&c| summed[c])
            .filter_map(|&c| {
                let cells: Vec<Vec<(usize, usize)>> = readings
                    .iter()
                    .map(|rows| rows.iter().map(|&r| (r, c)).collect())
                    .collect();
                claim(grid, rule, (t, c), &cells, mode, &marks.rates)
            })
            .collect();
        out.extend(super::vote(claims));
    }
    for c in grid.data_cols.iter().copied() {
        let head = key(grid.own_heading(c));
        let Some(mode) = total_mode(&head, v) else {
            continue;
        };
        let Some(parts) = column_parts(grid, c, v, &summed) else {
            continue;
        };
        let claims: Vec<Claim> = (grid.head..grid.rows)
            .filter(|&r| !grid.is_section(r))
            .filter_map(|r| {
                let cells = vec![parts.iter().map(|&k| (r, k)).collect()];
                claim(grid, rule, (r, c), &cells, mode, &marks.rates)
            })
            .collect();
        out.extend(super::vote(claims));
    }
    out
}

/// What each row of a table is, read once: a total (of which kind), a
/// sub-row, an adjustment, a row of rates (whose figures never add up).
struct Marks {
    modes: Vec<Option<Mode>>,
    subs: Vec<bool>,
    adjusts: Vec<bool>,
    rates: Vec<bool>,
}

/// Whether a label (read by [`key`]: lower case) names a total, and which
/// kind.
fn total_mode(lower: &str, v: &Vocabulary) -> Option<Mode> {
    let names = |words: &crate::words::Words| {
        words.iter().any(|w| {
            let w = w.to_lowercase();
            lower == w
                || lower.strip_prefix(&w).is_some_and(|rest| {
                    // `Total revenue`, `合计(万元)`, `Total, all`; not `Totally`.
                    rest.starts_with(|c: char| !c.is_alphanumeric() || !c.is_ascii())
                        && !w.is_empty()
                        && !rest.contains(['%', '％'])
                        && !v
                            .not_markers
                            .iter()
                            .any(|n| lower.starts_with(&n.to_lowercase()))
                })
        })
    };
    if names(&v.total) {
        Some(Mode::Equal)
    } else if names(&v.whole_hint) {
        Some(Mode::AtMost)
    } else {
        None
    }
}

/// Whether a column's figures add up: not rates, averages, shares or
/// percentages.
fn summable(grid: &Grid, col: usize, v: &Vocabulary) -> bool {
    let head = grid.heading(col).to_lowercase();
    // A head naming two years (`2019 vs 2018`, `From 2019 to 2021`) is a
    // change between them.
    if not_summed(&head, v) || super::change::compares_years(&head) {
        return false;
    }
    !(grid.head..grid.rows).any(|r| grid.figure(r, col).is_some_and(|f| f.percent))
}

/// Whether a head or label names figures that do not add up (rates,
/// averages, per-share amounts).
fn not_summed(text: &str, v: &Vocabulary) -> bool {
    v.not_summed
        .iter()
        .any(|w| text.contains(&w.to_lowercase()))
}

/// The rows a total row covers, under each reading of the table, and
/// whether they are the sections under a head total; `None` when it covers
/// none.
fn row_readings(
    grid: &Grid,
    t: usize,
    v: &Vocabulary,
    marks: &Marks,
) -> Option<(Vec<Vec<usize>>, bool)> {
    let is_total = |r: usize| marks.modes[r].is_some();
    let section = |r: usize| grid.is_section(r) && !marks.subs[r];
    let part = |r: usize| !is_total(r) && !section(r);
    // A total right under the head or a section title heads its rows.
    let prev = (t > grid.head).then(|| t - 1).filter(|&r| !section(r));
    let mut sections = false;
    // The last rows only, right above a foot total (a cost total under a
    // sales row): plain readings, without the structure's variants.
    let mut suffixes: Vec<Vec<usize>> = Vec::new();
    let readings = match prev {
        Some(p) => {
            // A foot total. Its block starts after the last total with its
            // own label (the same table repeated for another group).
            let own = grid.label_key(t);
            let block = (grid.head..t)
                .rev()
                .find(|&r| grid.label_key(r) == own)
                .map_or(grid.head, |r| r + 1);
            let since_total = (block..t)
                .rev()
                .find(|&r| is_total(r))
                .map_or(block, |r| r + 1);
            let since_section = (since_total..t)
                .rev()
                .find(|&r| section(r))
                .map_or(since_total, |r| r + 1);
            let rows = |from: usize| (from..t).filter(|&r| part(r)).collect::<Vec<_>>();
            let mut readings = vec![rows(since_total), rows(since_section)];
            let all = rows(since_total);
            for k in (2..all.len()).take(MAX_SUFFIX) {
                suffixes.push(all[all.len() - k..].to_vec());
            }
            if is_total(p) || since_total > block {
                // Subtotals above: they stand for their rows, or every row
                // below a total is a part.
                let mut nested: Vec<usize> =
                    (block..since_total).filter(|&r| is_total(r)).collect();
                nested.extend(rows(since_total));
                readings.push(nested);
                readings.push(rows(block));
            }
            readings
        }
        None => {
            // A head total: the rows below it, to the next total, where the
            // rule's words say a total may stand above its rows.
            let label = grid.label_key(t);
            if !v.head_total.iter().any(|w| label.starts_with(&key(w))) {
                return None;
            }
            let end = (t + 1..grid.rows)
                .find(|&r| is_total(r))
                .unwrap_or(grid.rows);
            if (t + 1..end).any(|r| marks.adjusts[r]) {
                return None;
            }
            // Each section below may be a partition of it of its own (by
            // sex, by age group), or all the rows one.
            let mut readings = vec![(t + 1..end).filter(|&r| part(r)).collect::<Vec<_>>()];
            let mut from = t + 1;
            for r in t + 1..=end {
                if r == end || section(r) {
                    readings.push((from..r).filter(|&k| part(k)).collect());
                    sections |= r != end && r > t + 1;
                    from = r + 1;
                }
            }
            if sections {
                readings.remove(0);
            }
            readings
        }
    };
    // A total over thousands of rows heads a data dump, not a table a
    // reader adds up (and its readings would cost rows times rows).
    if readings.iter().any(|r| r.len() > MAX_ROWS) {
        return None;
    }
    let mut readings: Vec<Vec<usize>> = readings.into_iter().filter(|r| !r.is_empty()).collect();
    readings.dedup();
    let first = readings.iter().flatten().min().copied().unwrap_or(t);
    let last = readings.iter().flatten().max().copied().unwrap_or(t);
    if readings.is_empty() || (first..=last).any(|r| marks.adjusts[r]) {
        return None;
    }
    let mut out = finish(grid, &marks.subs, readings);
    for s in suffixes {
        let s: Vec<usize> = s.into_iter().filter(|&r| !marks.subs[r]).collect();
        if s.len() >= 2 && !out.contains(&s) {
            out.push(s);
        }
    }
    Some((out, sections))
}

/// Whether a row adds to or takes from a figure (`Less:`, `Add:`, `减：`):
/// the rows are a reconciliation, not parts.
fn adjusts(grid: &Grid, row: usize, v: &Vocabulary) -> bool {
    let l = grid.label_key(row);
    !l.is_empty() && v.adjustments.iter().any(|w| l.starts_with(&key(w)))
}

/// The readings of runs of rows: the rows themselves without sub-rows,
/// those of the outermost enumeration, and those left when a row next to
/// rows that add up to it stands for them.
fn finish(grid: &Grid, subs: &[bool], readings: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let push = |r: Vec<usize>, out: &mut Vec<Vec<usize>>| {
        if !r.is_empty() && !out.contains(&r) {
            out.push(r);
        }
    };
    for rows in readings {
        let rows: Vec<usize> = rows.into_iter().filter(|&r| !subs[r]).collect();
        // The outermost indentation, and the outermost enumeration (rows
        // with none are taken to be items under those that have one).
        let outer = |level: &dyn Fn(usize) -> Option<u32>| -> Option<Vec<usize>> {
            let levels: Vec<(usize, u32)> =
                rows.iter().filter_map(|&r| Some((r, level(r)?))).collect();
            let min = levels.iter().map(|l| l.1).min()?;
            (levels.len() < rows.len() || levels.iter().any(|l| l.1 != min))
                .then(|| levels.iter().filter(|l| l.1 == min).map(|l| l.0).collect())
        };
        let indented = outer(&|r| Some(grid.indent(r) as u32));
        let enumerated = outer(&|r| enumeration(grid.label(r)));
        let down = collapse(grid, &rows);
        let mut up: Vec<usize> = collapse_rev(grid, &rows);
        up.sort_unstable();
        push(rows, &mut out);
        // A reading derived from the structure needs two rows at least.
        for o in [indented, enumerated, Some(down), Some(up)]
            .into_iter()
            .flatten()
        {
            if o.len() >= 2 {
                push(o, &mut out);
            }
        }
    }
    out
}

/// The level of a label's enumeration: `一、` 1, `（一）` 2, `1.` 3,
/// `（1）` 4; `None` without one.
fn enumeration(label: &str) -> Option<u32> {
    let inner = label
        .strip_prefix(['（', '('])
        .map(|r| (r, true))
        .unwrap_or((label, false));
    match inner {
        (r, true) if starts_enumerated(r, "）", true) || starts_enumerated(r, ")", true) => {
            Some(2)
        }
        (r, true) if starts_enumerated(r, "）", false) || starts_enumerated(r, ")", false) => {
            Some(4)
        }
        (r, false) if starts_enumerated(r, "、", true) => Some(1),
        (r, false)
            if starts_enumerated(r, ".", false)
                || starts_enumerated(r, "、", false)
                || starts_enumerated(r, "．", false) =>
        {
            Some(3)
        }
        _ => None,
    }
}

/// Whether `s` begins with an enumerator then `mark`: Chinese numerals
/// (`一、`) when `han`, digits (`1.`) otherwise.
fn starts_enumerated(s: &str, mark: &str, han: bool) -> bool {
    let n: usize = s
        .chars()
        .take_while(|&c| {
            if han {
                "一二三四五六七八九十".contains(c)
            } else {
                c.is_ascii_digit()
            }
        })
        .map(char::len_utf8)
        .sum();
    n > 0 && n <= 9 && s[n..].starts_with(mark)
}

/// The rows left when each row followed by two or more rows that add up to
/// it (in every data column where all hold figures, at least one) stands
/// for them: an unindented table's items under their headings.
fn collapse(grid: &Grid, rows: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        out.push(rows[i]);
        let run = contiguous(&rows[i + 1..], false);
        i += 1 + longest_sum(grid, rows[i], run.iter().copied()).unwrap_or(0);
    }
    out
}

/// [`collapse`] for rows that follow what they add up (a subtotal with no
/// total's name: `Gross deferred tax assets` under its items), in reverse
/// order.
fn collapse_rev(grid: &Grid, rows: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = rows.len();
    while i > 0 {
        out.push(rows[i - 1]);
        let run = contiguous(&rows[..i - 1], true);
        i -= 1 + longest_sum(grid, rows[i - 1], run.iter().rev().copied()).unwrap_or(0);
    }
    out
}

/// The rows of `rows` next to each other from its start (or, `from_end`,
/// from its end), at most [`MAX_CHILDREN`].
fn contiguous(rows: &[usize], from_end: bool) -> &[usize] {
    let n = rows.len().min(MAX_CHILDREN);
    if from_end {
        let tail = &rows[rows.len() - n..];
        let k = tail
            .windows(2)
            .rev()
            .take_while(|w| w[1] == w[0] + 1)
            .count();
        &tail[tail.len() - (k + 1).min(tail.len())..]
    } else {
        let head = &rows[..n];
        let k = head.windows(2).take_while(|w| w[1] == w[0] + 1).count();
        &head[..(k + 1).min(head.len())]
    }
}

/// The most rows (two at least) at the start of `run` that add up to
/// `parent` in every data column where all hold figures (one at least).
fn longest_sum(grid: &Grid, parent: usize, run: impl Iterator<Item = usize>) -> Option<usize> {
    let cols: Vec<(usize, Interval)> = grid
        .data_cols
        .iter()
        .filter_map(|&c| Some((c, grid.figure(parent, c)?.iv.clone())))
        .collect();
    let mut sums: Vec<Option<Interval>> = vec![Some(Interval::exact(int(0))); cols.len()];
    let mut best = None;
    for (k, r) in run.enumerate() {
        for (sum, (c, _)) in sums.iter_mut().zip(&cols) {
            *sum = match (sum.take(), grid.figure(r, *c)) {
                (Some(s), Some(f)) => Some(s.add(&f.iv.clone())),
                _ => None,
            };
        }
        if k >= 1 {
            let mut any = false;
            let fits = sums.iter().zip(&cols).all(|(sum, (_, p))| match sum {
                Some(s) => {
                    any = true;
                    s.overlaps(p)
                }
                None => true,
            });
            if fits && any {
                best = Some(k + 1);
            }
        }
        if sums.iter().all(Option::is_none) {
            break;
        }
    }
    best
}

/// The columns a total column covers: those under the same spanning head
/// cell, or every other data column when it is the table's one total
/// column.
fn column_parts(grid: &Grid, c: usize, v: &Vocabulary, summed: &[bool]) -> Option<Vec<usize>> {
    let is_total = |k: usize| total_mode(&key(grid.own_heading(k)), v).is_some();
    let usable = |k: usize| k != c && !is_total(k) && summed[k];
    // The lowest head row above the total's own whose cell spans columns.
    for r in (0..grid.head).rev() {
        let Some(cell) = grid.head_cell(r, c) else {
            continue;
        };
        if cell.cols > 1 && grid.own_heading(c) != grid.text_at(r, c) {
            let lo = cell.col as usize;
            let hi = lo + cell.cols as usize;
            let parts: Vec<usize> = grid
                .data_cols
                .iter()
                .copied()
                .filter(|&k| (lo..hi).contains(&k) && usable(k))
                .collect();
            return (parts.len() >= 2).then_some(parts);
        }
    }
    if grid.data_cols.iter().filter(|&&k| is_total(k)).count() != 1 {
        return None;
    }
    let parts: Vec<usize> = grid
        .data_cols
        .iter()
        .copied()
        .filter(|&k| usable(k))
        .collect();
    (parts.len() >= 2).then_some(parts)
}

/// The claim that the figure at `total` is the sum of the cells of one of
/// the readings; `None` when no reading can be checked.
fn claim(
    grid: &Grid,
    rule: &Rule,
    total: (usize, usize),
    readings: &[Vec<(usize, usize)>],
    mode: Mode,
    rate_rows: &[bool],
) -> Option<Claim> {
    let t = grid.figure(total.0, total.1)?;
    let tolerance = &rule.tolerance;
    let stated = with_tolerance(&t.iv.clone(), tolerance);
    let mut checked = None;
    let mut holds = false;
    // A reading that cannot be checked (text among the parts, another unit,
    // a row of rates) might hold: then no reading refutes the total.
    let mut unknown = false;
    for cells in readings {
        let mut sum = Interval::exact(int(0));
        let mut blanks = false;
        let mut parts = Vec::new();
        let mut ok = true;
        for &(r, c) in cells {
            if rate_rows[r] {
                ok = false;
            }
            match grid.figure(r, c) {
                Some(f) if f.unit == t.unit && f.percent == t.percent => {
                    sum = sum.add(&f.iv.clone());
                    parts.push((r, c));
                }
                Some(_) => ok = false,
                None if grid.is_empty(r, c) => blanks = true,
                None => ok = false,
            }
        }
        if !ok || parts.is_empty() || (parts.len() < 2 && !blanks) {
            unknown = true;
            continue;
        }
        let negative = parts
            .iter()
            .any(|&(r, c)| grid.figure(r, c).is_some_and(|f| f.value.is_negative()));
        let at_most = mode == Mode::AtMost || blanks;
        if at_most && negative {
            unknown = true;
            continue;
        }
        let fits = if at_most {
            // The parts stated must not exceed the total.
            stated
                .hi
                .as_ref()
                .is_none_or(|hi| sum.lo.as_ref().is_none_or(|lo| lo <= hi))
        } else {
            sum.overlaps(&stated)
        };
        if fits {
            holds = true;
        }
        // The message shows the reading nearest the total: the structure
        // the table most likely has.
        let distance = |s: &Interval| {
            s.representative()
                .zip(t.iv.clone().representative())
                .map(|(a, b)| (a - b).abs())
        };
        if checked
            .as_ref()
            .is_none_or(|(_, s, _): &(Vec<(usize, usize)>, Interval, bool)| {
                distance(&sum) < distance(s)
            })
        {
            checked = Some((parts, sum, at_most));
        }
    }
    if unknown && !holds {
        return None;
    }
    let (parts, sum, at_most) = checked?;
    let mut labels = vec![Label::new(Role::Total, grid.span(total.0, total.1)?)];
    labels.extend(
        parts
            .iter()
            .filter_map(|&(r, c)| grid.span(r, c))
            .map(|s| Label::new(Role::Part, s)),
    );
    let verdict = (!holds).then(|| verdict(grid, total, &parts, &sum, at_most));
    Some(Claim {
        check: CheckKind::TableTotal,
        rule: rule.id.clone(),
        labels,
        verdict,
    })
}

fn verdict(
    grid: &Grid,
    total: (usize, usize),
    parts: &[(usize, usize)],
    sum: &Interval,
    at_most: bool,
) -> Verdict {
    let shown = |s: Option<Span>| s.map_or("", |s| &grid.text[s.start..s.end]).to_string();
    let total_text = shown(grid.span(total.0, total.1));
    let what = if parts.iter().all(|p| p.1 == total.1) {
        format!("the {} rows it covers", parts.len())
    } else {
        format!("the {} columns it covers", parts.len())
    };
    let sum_text = sum.representative().map(|n| fmt(&n)).unwrap_or_default();
    // The sum of the figures as written (rounded figures add up to it
    // within their rounding).
    let expected = (!at_most).then(|| sum_text.clone());
    let message = if at_most {
        format!(
            "{}: {what} add up to {sum_text}, more than the total {total_text}",
            grid.name(total.0, total.1)
        )
    } else {
        format!(
            "{}: {what} add up to {sum_text}, but the total is {total_text}",
            grid.name(total.0, total.1)
        )
    };
    Verdict {
        primary: 0,
        message,
        expected,
        help: "correct the total, or the figure that changed".to_string(),
    }
}
