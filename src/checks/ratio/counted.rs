//! A rate beside the two counts it divides, in brackets: `95.2% (476/500)`,
//! `38.8% (54 of 139)`, `59%（316/536）`, `58% [2979/5130]`, `54/139
//! (38.8%)`, `(54/139, 38.8%)`, `(38.8%, 54/139)`.
//!
//! The counts are whole numbers of one family set apart by a `slash` word
//! (`/`) or, after the rate, an `of_whole` word (`of`, `out of`); the part
//! is no larger than the whole, and no figure or slash is glued on either
//! side (`1/2/2020`). Brackets hold the pair or the rate alone, or both
//! parted by a comma or semicolon; the rate may be followed by more inside
//! its bracket (`(38.8%; 95% CI …)`).

use super::{closes, gap, judge, Claim, Doc};
use crate::lexer::Quantity;
use crate::rules::Rule;
use crate::text::Span;

pub fn find(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let qs = doc.quantities_in(sentence);
    for w in qs.windows(3) {
        // 38.8% (54/139), (38.8%, 54/139)
        let (stated, part, whole) = (&w[0], &w[1], &w[2]);
        if stated.kind.is_rate() && counts(doc, rule, part, whole, true) {
            let open = gap(doc, stated.end, part.start);
            let after = doc.text[whole.end..].trim_start();
            let own_bracket = is_open(open) && after.starts_with(is_close);
            let shared = matches!(open, "," | ";" | "，" | "；")
                && opens_before(doc, stated.start)
                && after.starts_with(is_close);
            if own_bracket || shared {
                out.push(judge(doc, rule, whole, part, stated));
            }
        }
        // 54/139 (38.8%), (54/139, 38.8%)
        let (part, whole, stated) = (&w[0], &w[1], &w[2]);
        if stated.kind.is_rate() && counts(doc, rule, part, whole, false) {
            let between = gap(doc, whole.end, stated.start);
            let own_bracket = is_open(between) && closes(doc, stated);
            let shared = matches!(between, "," | ";" | "，" | "；")
                && opens_before(doc, part.start)
                && doc.text[stated.end..].trim_start().starts_with(is_close);
            if own_bracket || shared {
                out.push(judge(doc, rule, whole, part, stated));
            }
        }
    }
}

/// Whether `part` and `whole` are written as one pair of counts: `54/139`,
/// and after a rate also `54 of 139`.
fn counts(doc: &Doc, rule: &Rule, part: &Quantity, whole: &Quantity, after_rate: bool) -> bool {
    let v = &rule.vocabulary;
    let mid = gap(doc, part.end, whole.start);
    let joined = v.slash.iter().any(|s| s == mid)
        || (after_rate && v.of_whole.iter().any(|s| s.eq_ignore_ascii_case(mid)));
    let whole_number =
        |q: &Quantity| q.kind.is_magnitude() && q.value.is_integer() && q.interval.lo.is_some();
    // Nothing glued on: not a date (1/2/2020) nor a longer fraction.
    let glued_before = doc.text[..part.start].ends_with(|c: char| c == '/' || c.is_ascii_digit());
    let glued_after = doc.text[whole.end..].starts_with(|c: char| c == '/' || c.is_ascii_digit());
    joined
        && whole_number(part)
        && whole_number(whole)
        && part.same_family(whole)
        && part.value <= whole.value
        && whole.value.is_positive()
        && !glued_before
        && !glued_after
}

/// Whether `s` is one opening bracket.
fn is_open(s: &str) -> bool {
    let mut cs = s.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if crate::text::is_open_paren(c) || c == '[')
}

fn is_close(c: char) -> bool {
    crate::text::is_close_paren(c) || c == ']'
}

/// Whether a bracket opens right before `at`.
fn opens_before(doc: &Doc, at: usize) -> bool {
    doc.text[..at]
        .trim_end()
        .ends_with(|c: char| crate::text::is_open_paren(c) || c == '[')
}
