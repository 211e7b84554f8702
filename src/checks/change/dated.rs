//! Two values labelled with their years in a bracket (English): `decreases
//! in the percentage of students who drank soda (2009: 29.2%; 2019: 15.1%)`.
//!
//! The bracket holds exactly `YEAR: value` twice, the years rising, the
//! values of one family, separated by `;` or `,`. The direction is the
//! nearest word of change before the bracket (a verb, or a noun of change
//! in the singular or plural), looked for back to the start of its sentence
//! (the `;` inside such brackets does not end one), at most 300 bytes; with
//! none, there is no claim. Sizes are not read here.

use super::{judge, Direction};
use crate::checks::{skip_space, Claim, Doc};
use crate::lexer::QuantityKind;
use crate::rules::Rule;
use crate::text::Span;

/// How far back the word of change is looked for, in bytes.
const REACH: usize = 300;

pub(super) fn find(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let text = doc.slice(sentence);
    for (i, _) in text.match_indices('(') {
        let open = sentence.start + i;
        let end = crate::text::floor_boundary(doc.text, (open + 48).min(doc.span.end));
        let Some(close) = doc.text[open..end].find(')').map(|k| open + k) else {
            continue;
        };
        let inside = doc.quantities_in(Span::new(open + 1, close));
        let [y1, a, y2, b] = inside else {
            continue;
        };
        let labelled = |y: &crate::lexer::Quantity, v: &crate::lexer::Quantity| {
            y.kind == QuantityKind::Year
                && v.kind.is_checkable()
                && doc.text[y.end..v.start].trim() == ":"
        };
        if !labelled(y1, a)
            || !labelled(y2, b)
            || y1.value >= y2.value
            || !a.same_family(b)
            || !matches!(doc.text[a.end..y2.start].trim(), ";" | ",")
            || skip_space(doc.text, open + 1) != y1.start
            || doc.text[b.end..close].trim() != ""
        {
            continue;
        }
        let Some((dir, verb)) = direction_before(doc, rule, open) else {
            continue;
        };
        out.push(judge(doc, rule, a, b, dir, verb, None));
    }
}

/// The nearest word of change before `at`, back to the last full stop.
fn direction_before<'t>(doc: &Doc<'t>, rule: &Rule, at: usize) -> Option<(Direction, &'t str)> {
    let from = crate::text::ceil_boundary(doc.text, at.saturating_sub(REACH)).max(doc.span.start);
    let from = doc.text[from..at]
        .rfind(". ")
        .map_or(from, |k| from + k + 2);
    super::last_change_word(doc, rule, Span::new(from, at)).map(|(d, (s, e))| (d, &doc.text[s..e]))
}
