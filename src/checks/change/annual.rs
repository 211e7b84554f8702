//! Average yearly growth between two dated values: `从2017年的100亿元上升到
//! 2022年的161亿元,年均增长10%`, `from $100 million in 2017 to $161
//! million in 2022, an average annual rate of 10%`.
//!
//! After the value after (and its year), in its clause or the next, an
//! `annual` word and, within a few words (`增长`, `increase of`, `rate
//! of`), a rate in %, with no other `per_period` word before it (`平均每年
//! 实际增长`: in real terms). Both values must be dated (`2017年的X`, `X in 2017`),
//! the years from 1 to 60 apart. The rate holds when `(1 + P)^n` (or
//! `(1 − P)^n` for a fall) can equal `after / before`, every figure read
//! as the interval its rounding allows: exact rational bounds decide, no
//! root is taken.

use super::{rounded_reading, Direction};
use crate::checks::{figure, with_tolerance, Doc, Label, Role, Verdict};
use crate::exact::{int, Interval, Num};
use crate::lexer::{Quantity, QuantityKind};
use crate::rules::Rule;
use crate::text::Span;

/// Bytes at most between the `annual` word and its rate.
const RATE_REACH: usize = 40;

/// The stated yearly rate in `from..to` (the text after the value after).
pub(super) fn rate<'d>(doc: &'d Doc, rule: &Rule, from: usize, to: usize) -> Option<&'d Quantity> {
    if from >= to {
        return None;
    }
    let v = &rule.vocabulary;
    let annual = doc.occurrences(Span::new(from, to), &v.annual);
    let &(_, e) = annual.first()?;
    let reach = crate::text::floor_boundary(doc.text, (e + RATE_REACH).min(to));
    let q = doc.quantities_in(Span::new(e, reach)).first()?;
    // Any other `per_period` word before the rate (实际: in real terms, net
    // of prices; 同比) makes it a rate the figures as written cannot give.
    let other = doc
        .occurrences(Span::new(from, q.start), &v.per_period)
        .into_iter()
        .any(|(s, e)| !annual.iter().any(|&(a, b)| a <= s && e <= b));
    (q.kind == QuantityKind::Percent && !other).then_some(q)
}

/// The year a value is of: `2017年的X` (the year just before, then 的) or
/// `X in 2017` (just after).
pub(super) fn year_of(doc: &Doc, q: &Quantity) -> Option<i64> {
    let i = doc.quantities.partition_point(|x| x.start < q.start);
    let is_year = |y: &&Quantity| y.kind == QuantityKind::Year && y.value.is_integer();
    if let Some(y) = i
        .checked_sub(1)
        .and_then(|k| doc.quantities.get(k))
        .filter(is_year)
    {
        let between = doc.text.get(y.end..q.start)?.trim();
        if matches!(between, "的" | "年的") {
            return y.value.to_i64();
        }
    }
    let y = doc.quantities.get(i + 1).filter(is_year)?;
    let between = doc.text.get(q.end..y.start)?.trim();
    matches!(between, "in" | "in fiscal" | "in FY").then(|| y.value.to_i64())?
}

/// The verdict of a yearly rate `p` over `n` years from `before` to `after`,
/// and the rate's label.
pub(super) fn judge(
    doc: &Doc,
    rule: &Rule,
    (before, after): (&Quantity, &Quantity),
    dir: Direction,
    p: &Quantity,
    n: u32,
) -> (Label, Option<Verdict>) {
    let label = Label::of(Role::Change, p);
    let (b, a) = (rounded_reading(doc, before), rounded_reading(doc, after));
    let Some(ratio) = a.div_nonneg(&b) else {
        return (label, None);
    };
    let stated = with_tolerance(&p.stated_interval(), &rule.tolerance);
    let (Some(lo), Some(hi)) = (&stated.lo, &stated.hi) else {
        return (label, None);
    };
    let hundred = int(100);
    let factor = |x: &Num| -> Num {
        match dir {
            Direction::Up => int(1) + x / &hundred,
            Direction::Down => int(1) - x / &hundred,
        }
    };
    let (f_lo, f_hi) = match dir {
        Direction::Up => (factor(lo), factor(hi)),
        Direction::Down => (factor(hi), factor(lo)),
    };
    if f_lo.is_negative() {
        return (label, None);
    }
    let growth = Interval::new(Some(f_lo.pow(n)), Some(f_hi.pow(n)));
    if ratio.overlaps(&growth) {
        return (label, None);
    }
    // For the message only: the rate the figures give, to the stated decimals.
    let shown = ratio.representative().and_then(|r| {
        let (num, den) = r.small_parts()?;
        let yearly = (num as f64 / den as f64).powf(1.0 / f64::from(n));
        let pct = match dir {
            Direction::Up => (yearly - 1.0) * 100.0,
            Direction::Down => (1.0 - yearly) * 100.0,
        };
        pct.is_finite()
            .then(|| format!("{pct:.*}%", p.decimals as usize))
    });
    let verdict = Verdict {
        primary: 2,
        message: format!(
            "from {} to {} over {n} years is an average yearly change of about {}, but the text says {}",
            figure(doc, before),
            figure(doc, after),
            shown.as_deref().unwrap_or("another rate"),
            figure(doc, p)
        ),
        expected: shown,
        help: "check the yearly rate and the two figures: one of them is wrong".into(),
    };
    (label, Some(verdict))
}
