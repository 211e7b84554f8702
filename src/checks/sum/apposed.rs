//! English parts set after their total's clause, each a figure and where it
//! falls: `52 bills were introduced, 34 in the House and 18 in the Senate`.
//!
//! The clause after the total's holds nothing but the parts: each opens with
//! a figure of the total's family, followed by `in`, `at`, `for` or `from`
//! and a few words; they are joined by commas and a last `and`. The total's
//! clause holds exactly one figure of the family and no comparison. The
//! parts may name only some places, so each must only fit the total.

use super::{judge, Mode};
use crate::checks::{Claim, Doc};
use crate::lexer::Quantity;
use crate::rules::Rule;
use crate::text::Span;

/// Words at most after a part's preposition.
const MAX_PLACE: usize = 6;

pub fn find(doc: &Doc, rule: &Rule, clauses: &[Span], out: &mut Vec<Claim>) {
    for pair in clauses.windows(2) {
        let (head, tail) = (pair[0], pair[1]);
        let Some(parts) = parts_of(doc, tail) else {
            continue;
        };
        let Some(total) = super::sole_total(doc, head, parts[0]) else {
            continue;
        };
        if !doc
            .occurrences(head, &rule.vocabulary.comparison)
            .is_empty()
            || parts.iter().any(|p| !p.same_family(total))
        {
            continue;
        }
        out.push(judge(doc, rule, total, &parts, Mode::AtMost));
    }
}

/// The parts that make up all of `clause`, if it is such a list.
fn parts_of<'d>(doc: &'d Doc, clause: Span) -> Option<Vec<&'d Quantity>> {
    let text = doc.slice(clause);
    let body = text
        .trim()
        .trim_end_matches(|c: char| crate::text::is_clause_end(c));
    let offset = clause.start + (text.len() - text.trim_start().len());
    let mut pieces: Vec<(usize, &str)> = Vec::new();
    let (head, last) = body.rsplit_once(" and ")?;
    let mut at = 0;
    for piece in head.split(", ") {
        pieces.push((at, piece));
        at += piece.len() + 2;
    }
    pieces.push((head.len() + " and ".len(), last));
    let mut parts = Vec::new();
    for (at, piece) in pieces {
        let q = doc.quantity_at(offset + at)?;
        if !q.kind.is_magnitude() {
            return None;
        }
        if q.start != offset + at || q.end > offset + at + piece.len() {
            return None;
        }
        let rest = &piece[q.end - q.start..];
        let mut words = rest.split_whitespace();
        if !matches!(words.next(), Some("in" | "at" | "for" | "from")) {
            return None;
        }
        let place: Vec<&str> = words.collect();
        if place.is_empty()
            || place.len() > MAX_PLACE
            || place
                .iter()
                .any(|w| !w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.'))
        {
            return None;
        }
        parts.push(q);
    }
    (parts.len() >= 2).then_some(parts)
}
