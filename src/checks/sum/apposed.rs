//! English parts set after their total's clause, each a figure and where it
//! falls: `52 bills were introduced, 34 in the House and 18 in the Senate`,
//! `reported 3,685 cases, with 2,914 in Sierra Leone and 771 in Guinea (2)`.
//!
//! The clause after the total's holds nothing but the parts (perhaps after
//! `with`, perhaps before a reference): each opens with a figure of the
//! total's family, followed by `in`, `at`, `for` or `from` and a few words;
//! they are joined by commas and a last `and`. The total's clause (or, when
//! it holds no figure, the sentence before the parts) holds exactly one
//! figure of the family and no comparison. Set after their total with no
//! word of inclusion (`including`, `of which`), the parts break it down:
//! they must add up to it.

use super::{judge, Mode};
use crate::checks::{skip_space, Claim, Doc};
use crate::lexer::Quantity;
use crate::rules::Rule;
use crate::text::Span;

/// Bytes at most in a list of parts.
const MAX_LIST: usize = 400;

/// Words at most after a part's preposition.
const MAX_PLACE: usize = 8;

pub fn find(doc: &Doc, rule: &Rule, clauses: &[Span], out: &mut Vec<Claim>) {
    let Some(end) = clauses.last().map(|c| c.end) else {
        return;
    };
    // The list runs to the sentence's end; it starts after a comma (the
    // start of a clause) or after a colon.
    for (i, clause) in clauses.iter().enumerate() {
        let colon = doc.slice(*clause).find(':').map(|k| clause.start + k + 1);
        let (start, head) = match colon {
            Some(c) => (c, Span::new(clause.start, c - 1)),
            None if i > 0 => (clause.start, clauses[i - 1]),
            None => continue,
        };
        // A cheap look first: a list opens with a figure.
        let p = skip_space(doc.text, start);
        let p = match doc.text[p..].starts_with("with ") {
            true => p + "with ".len(),
            false => p,
        };
        if p >= end || doc.quantity_at(p).is_none() {
            continue;
        }
        // ... and its last part follows `and`.
        let reach = crate::text::floor_boundary(doc.text, (start + MAX_LIST).min(end));
        let joined = doc.text[start..reach]
            .match_indices(" and ")
            .any(|(k, _)| doc.text[start + k + 5..].starts_with(|c: char| c.is_ascii_digit()));
        if !joined {
            continue;
        }
        // The longest list: to the sentence's end, or a clause before it.
        let ends = std::iter::once(end).chain(clauses[i..].iter().rev().skip(1).map(|c| c.end));
        let Some(parts) = ends
            .filter(|&e| e > start && e - start <= MAX_LIST)
            .find_map(|e| parts_of(doc, Span::new(start, e)))
        else {
            continue;
        };
        // `3,685 probable, confirmed, and suspected cases in West Africa,`:
        // commas inside the total's clause.
        let head = match doc
            .quantities_in(head)
            .iter()
            .any(|q| q.same_family(parts[0]))
        {
            true => head,
            false => Span::new(clauses[0].start, head.end),
        };
        let Some(total) = super::sole_total(doc, head, parts[0]) else {
            return;
        };
        // A total that is itself a part (`including 11 for A, 5 for B`):
        // the list started before it.
        if is_part(doc.text[total.end..head.end].trim_end_matches([',', ' '])) {
            return;
        }
        if !doc
            .occurrences(head, &rule.vocabulary.comparison)
            .is_empty()
            || parts.iter().any(|p| !p.same_family(total))
        {
            return;
        }
        out.push(judge(doc, rule, total, &parts, Mode::Equal));
        return;
    }
}

/// The parts that make up all of `span`, if it is such a list: `A in X, B
/// in Y and C in Z`, `with A in X and B in Y (2)`, `A in X, plus B in Y and
/// C more in Z`, `A participants from X, …, and C participants from Z`.
fn parts_of<'d>(doc: &'d Doc, span: Span) -> Option<Vec<&'d Quantity>> {
    let text = doc.slice(span);
    let body = text
        .trim()
        .trim_end_matches(|c: char| crate::text::is_clause_end(c));
    // A reference after the last part: `771 in Guinea (2).`
    let body = match body
        .trim_end_matches('.')
        .strip_suffix(')')
        .and_then(|b| b.rsplit_once('('))
    {
        Some((b, r)) if !r.is_empty() && r.len() <= 3 && r.bytes().all(|c| c.is_ascii_digit()) => {
            b.trim_end()
        }
        _ => body,
    };
    let mut offset = span.start + (text.len() - text.trim_start().len());
    let body = match body.strip_prefix("with ") {
        Some(b) => {
            offset += "with ".len();
            b
        }
        None => body,
    };
    // The last `and` before a figure joins the last part.
    let (head, last) = body
        .rmatch_indices(" and ")
        .map(|(k, _)| (&body[..k], &body[k + 5..]))
        .find(|(_, last)| last.starts_with(|c: char| c.is_ascii_digit()))?;
    let mut pieces: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for piece in head.split(", ") {
        pieces.push((at, piece.trim_end_matches(',')));
        at += piece.len() + 2;
    }
    pieces.push((head.len() + " and ".len(), last));
    let mut parts = Vec::new();
    for (at, piece) in pieces {
        let (at, piece) = match piece.strip_prefix("plus ") {
            Some(p) => (at + "plus ".len(), p),
            None => (at, piece),
        };
        let q = doc.quantity_at(offset + at)?;
        if !q.kind.is_magnitude() {
            return None;
        }
        if q.start != offset + at || q.end > offset + at + piece.len() {
            return None;
        }
        if !is_part(&piece[q.end - q.start..]) {
            return None;
        }
        parts.push(q);
    }
    (parts.len() >= 2).then_some(parts)
}

/// Whether `rest`, after a part's figure, is where it falls: perhaps one
/// word (`1 more in`, `56 participants from`), a preposition, then one to
/// eight words.
fn is_part(rest: &str) -> bool {
    let mut words = rest.split_whitespace().peekable();
    if words
        .peek()
        .is_some_and(|w| !is_preposition(w) && w.chars().all(|c| c.is_ascii_lowercase()))
    {
        words.next();
    }
    if !words.next().is_some_and(is_preposition) {
        return false;
    }
    let place: Vec<&str> = words.collect();
    !place.is_empty()
        && place.len() <= MAX_PLACE
        && place.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '(' | ')' | '\'' | '’'))
        })
}

fn is_preposition(w: &str) -> bool {
    matches!(w, "in" | "at" | "for" | "from")
}
