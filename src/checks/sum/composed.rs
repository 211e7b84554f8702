//! English parts in clauses after a word that says what they are of:
//! `charges of $7.2 million, of which $7.0 million was recorded to …, and
//! $0.2 million relates to …`; `$1.23 billion of notes outstanding,
//! consisting of $1.15 billion in … and $75.0 million in …`; `Net revenues
//! were $291.3 million. Of this amount, $93.5 million …; $33.7 million …;
//! and $155.4 million …`.
//!
//! The total is the nearest figure before the word, at most 96 bytes back
//! with nothing checkable between, and not the size of a change (`rose by
//! $66 million, including …`); after an `of_this` word opening a sentence
//! (and a comma), the one figure of the family in the sentence before;
//! under a `composed` word with no figure before it (`The FY2018 level
//! consists of`), the first magnitude after the subject's label in the
//! sentence before. The first part follows the word at once (or after one word: `approximately`).
//! The parts are the figures of the total's family from there to the end of
//! the sentence, read on past semicolons: a figure after `or` restates the
//! one before (`26.1 billion yen, or $277 million,`), one in brackets is an
//! aside, and a comparison (`compared`, `respectively`, the rule's
//! `comparison` words) or the close of a bracket opened before them ends
//! them. Two parts or more, the last after `and`.
//! Under a `composed` word (consisting of, made up of) the parts make up
//! the total; under a `subset` word or `of_this` each must only fit it.

use super::{judge, Mode};
use crate::checks::{range, skip_space, starts_with_any, subset, word_before, Claim, Doc};
use crate::lexer::Quantity;
use crate::rules::Rule;
use crate::text::Span;

/// How far before its word the total may stand, in bytes.
const TOTAL_REACH: usize = 96;

/// How far past the first part the others may stand, in bytes.
const PARTS_REACH: usize = 1200;

/// Words that end the parts: what follows compares or pairs them.
const STOPS: &[&str] = &[
    "compared",
    "versus",
    "respectively",
    "while",
    "whereas",
    "but",
];

pub fn find(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    for (words, mode) in [(&v.composed, Mode::Equal), (&v.subset, Mode::AtMost)] {
        for (s, e) in doc.occurrences(sentence, words) {
            let named = || {
                (mode == Mode::Equal)
                    .then(|| labelled_total(doc, sentence, s))
                    .flatten()
            };
            let Some(total) = total_before(doc, rule, sentence, s).or_else(named) else {
                continue;
            };
            push(doc, rule, sentence, total, e, mode, out);
        }
    }
}

/// `Of this amount, $93.5 million …` opening `sentence` (which may hold one
/// figure only, the rest past its semicolon).
pub fn find_of_this(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    let at = skip_space(doc.text, sentence.start);
    let Some(w) = starts_with_any(range(doc.text, at, sentence.end), &v.of_this) else {
        return;
    };
    let after = at + w.len();
    if !doc.text[after..sentence.end].starts_with(',') {
        return;
    }
    let Some(prev) = subset::previous_sentence(doc, sentence) else {
        return;
    };
    let Some(first) = first_part(doc, after + 1, sentence.end) else {
        return;
    };
    let Some(total) = super::sole_total(doc, prev, first) else {
        return;
    };
    push(doc, rule, sentence, total, after + 1, Mode::AtMost, out);
}

/// The total right before the word at `s`: the nearest figure, a magnitude,
/// with nothing checkable between and not the size of a change.
fn total_before<'d>(doc: &'d Doc, rule: &Rule, sentence: Span, s: usize) -> Option<&'d Quantity> {
    let total = doc.last_checkable(sentence.start, s, TOTAL_REACH)?;
    if !total.kind.is_magnitude() || doc.text[total.end..s].contains(['(', ')', ';', ':']) {
        return None;
    }
    let lead_from =
        crate::text::ceil_boundary(doc.text, total.start.saturating_sub(24)).max(sentence.start);
    let lead = doc.text[lead_from..total.start].trim_end();
    let lead = match ["approximately", "about", "nearly", "over", "some"]
        .iter()
        .find(|h| word_before(lead, h))
    {
        Some(h) => lead[..lead.len() - h.len()].trim_end(),
        None => lead,
    };
    let sized = word_before(lead, "by")
        || !doc
            .occurrences(
                Span::new(lead_from, lead_from + lead.len()),
                &rule.vocabulary.comparison,
            )
            .is_empty();
    (!sized).then_some(total)
}

/// `The FY2018 level consists of …` with no figure before the word at `s`:
/// a short subject opening with `The` names a label (a word with digits:
/// `FY2018`) that stands once in the sentence before; the total is the
/// first magnitude after it there (`For FY2018, the Administration
/// requested $43.41 million …`).
fn labelled_total<'d>(doc: &'d Doc, sentence: Span, s: usize) -> Option<&'d Quantity> {
    let subject = doc.text.get(sentence.start..s)?.trim();
    let words: Vec<&str> = subject.split_whitespace().collect();
    if words.first() != Some(&"The")
        || words.len() > 5
        || !doc
            .quantities_in(Span::new(sentence.start, s))
            .iter()
            .all(|q| !q.kind.is_checkable())
    {
        return None;
    }
    let label = words[1..].iter().find(|w| {
        w.bytes().any(|b| b.is_ascii_digit()) && w.bytes().all(|b| b.is_ascii_alphanumeric())
    })?;
    let prev = subset::previous_sentence(doc, sentence)?;
    let mut hits = doc.slice(prev).match_indices(label);
    let (k, _) = hits.next()?;
    if hits.next().is_some() {
        return None;
    }
    let at = prev.start + k + label.len();
    doc.quantities_in(Span::new(at, prev.end))
        .iter()
        .find(|q| q.kind.is_checkable())
        .filter(|q| q.kind.is_magnitude())
}

/// The figure that opens the parts at `at`: at once, or after one word.
fn first_part<'d>(doc: &'d Doc, at: usize, end: usize) -> Option<&'d Quantity> {
    let p = skip_space(doc.text, at);
    if let Some(q) = doc.quantity_at(p).filter(|q| q.end <= end) {
        return Some(q);
    }
    let word: usize = doc
        .text
        .get(p..end)?
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .map(char::len_utf8)
        .sum();
    (1..=13)
        .contains(&word)
        .then(|| doc.quantity_at(skip_space(doc.text, p + word)))
        .flatten()
        .filter(|q| q.end <= end)
}

/// The parts after `at` and the claim, when they are a list.
fn push(
    doc: &Doc,
    rule: &Rule,
    sentence: Span,
    total: &Quantity,
    at: usize,
    mode: Mode,
    out: &mut Vec<Claim>,
) {
    let Some(first) = first_part(doc, at, sentence.end).filter(|q| q.same_family(total)) else {
        return;
    };
    // The parts' reach: this sentence, and the next while one ends at `;`.
    let mut end = sentence.end;
    let mut current = sentence;
    while doc.text[..current.end].ends_with(';') {
        match subset::next_sentence(doc, current) {
            Some(next) => {
                end = next.end;
                current = next;
            }
            None => break,
        }
    }
    // A list of parts is short: read at most REACH bytes past the first.
    let end = crate::text::floor_boundary(doc.text, end.min(first.end + PARTS_REACH));
    let mut parts = vec![first];
    let mut depth = 0i32;
    let mut last_gap_and = false;
    let mut p = first.end;
    let mut last_end = first.end;
    for q in doc.quantities_in(Span::new(first.end, end)) {
        if q.start < p {
            continue;
        }
        let gap = &doc.text[p..q.start];
        for c in gap.chars() {
            if crate::text::is_open_paren(c) {
                depth += 1;
            } else if crate::text::is_close_paren(c) {
                depth -= 1;
            }
        }
        let stopped = gap
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| STOPS.iter().any(|s| w.eq_ignore_ascii_case(s)))
            || !doc
                .occurrences(Span::new(p, q.start), &rule.vocabulary.comparison)
                .is_empty();
        // A bracket closing that opened before the parts ends them.
        if stopped || depth < 0 {
            break;
        }
        p = q.end;
        let restates = word_before(gap.trim_end(), "or");
        if depth != 0 || restates || !q.kind.is_magnitude() || !q.same_family(total) {
            continue;
        }
        // Between this part and the last: a comma, a semicolon or `and`.
        let since = &doc.text[last_end..q.start];
        let and = since
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.eq_ignore_ascii_case("and"));
        if !since.contains([',', ';']) && !and {
            return;
        }
        last_gap_and = and;
        last_end = q.end;
        parts.push(q);
    }
    if parts.len() < 2 || !last_gap_and || depth != 0 {
        return;
    }
    out.push(judge(doc, rule, total, &parts, mode));
}
