//! English parts named in a parenthesis right after a count, with no word
//! saying "total": `142 patients (136 workers and six food handlers)`,
//! `210,000 active Armed Forces (140,000 Army; 25,000 Air Force; 45,000
//! Navy)`, `20 cases (19 confirmed and one probable)`, or each name before
//! an `=` (`1,348 women (Black = 546, White = 176, and Hispanic = 626)`).
//!
//! Without the word the reading must be plain: the total is a bare count
//! (no unit) and at most four words stand between it and the bracket; each
//! part is a bare count of the same kind opening its item and followed by
//! the name of its group (a word, not a unit, a value or another figure).
//! Items are set apart by semicolons, or else by commas and a final `and`.
//! What an item adds after a `subset` word (`70,000 Navy, including about
//! 30,000 Marines`) is a part of that part and is left out. The parts must
//! make up the total.

use super::{judge, Mode, ATTRIBUTE_WORDS};
use crate::checks::{skip_space, Claim, Doc};
use crate::lexer::{Quantity, QuantityKind};
use crate::rules::Rule;
use crate::text::Span;

/// Words at most between the total and the bracket (`active Armed Forces`).
const MAX_NAME_WORDS: usize = 4;
/// Bytes at most read for a bracket's content.
const MAX_INNER: usize = 600;

pub fn find(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let text = doc.slice(sentence);
    for (i, _) in text.match_indices('(') {
        let open = sentence.start + i;
        let inner_start = open + 1;
        // Semicolons within the bracket end sentences: read on to its close,
        // on the same line.
        let limit =
            crate::text::floor_boundary(doc.text, (inner_start + MAX_INNER).min(doc.span.end));
        let window = &doc.text[inner_start..limit];
        let line = window.find('\n').map_or(window, |n| &window[..n]);
        let Some(close) = line.find(')') else {
            continue;
        };
        let inner = Span::new(inner_start, inner_start + close);
        if let Some(claim) = read(doc, rule, sentence, open, inner) {
            out.push(claim);
        }
    }
}

fn read(doc: &Doc, rule: &Rule, sentence: Span, open: usize, inner: Span) -> Option<Claim> {
    let inner_text = doc.slice(inner);
    if inner_text.contains(['(', ':']) {
        return None;
    }
    // The total: the last figure before the bracket, a bare count, with only
    // a few words (its name) between.
    let total = doc
        .quantities_in(Span::new(sentence.start, open))
        .last()
        .filter(|q| bare_count(q))?;
    let name = &doc.text[total.end..open];
    let words = name.split_whitespace().count();
    if words == 0
        || words > MAX_NAME_WORDS
        || !name
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
    {
        return None;
    }
    let parts = items(doc, rule, inner)?;
    // Said to be a total, the parenthesis is read by `parenthesised`.
    let head = Span::new(sentence.start, total.start);
    if !doc.occurrences(head, &rule.vocabulary.total).is_empty()
        || doc.slice(head).to_ascii_lowercase().contains("total")
    {
        return None;
    }
    if parts.len() < 2 || !parts.iter().all(|p| p.same_family(total)) {
        return None;
    }
    Some(judge(doc, rule, total, &parts, Mode::Equal))
}

/// A count with no unit (nor percent, nor year).
fn bare_count(q: &Quantity) -> bool {
    q.kind == QuantityKind::Count && q.unit.is_none()
}

/// The part of each item of the parenthesis `inner`, or `None` when any item
/// is not a bare count followed by a name.
fn items<'d>(doc: &'d Doc, rule: &Rule, inner: Span) -> Option<Vec<&'d Quantity>> {
    let text = doc.slice(inner);
    let separators: Vec<usize> = if text.contains(';') {
        text.match_indices(';').map(|(i, _)| i).collect()
    } else {
        text.match_indices(',')
            .map(|(i, _)| i)
            .filter(|&i| !doc.in_quantity(inner.start + i))
            .collect()
    };
    let mut spans = Vec::new();
    let mut from = inner.start;
    for i in separators {
        spans.push(Span::new(from, inner.start + i));
        from = inner.start + i + 1;
    }
    spans.push(Span::new(from, inner.end));
    // The last item may join two with `and` (`19 confirmed and one probable`).
    let last = spans.pop()?;
    match split_and(doc, last) {
        Some((a, b)) => {
            spans.push(a);
            spans.push(b);
        }
        None => spans.push(last),
    }
    let labelled = text.contains('=');
    let mut parts = Vec::new();
    for item in spans {
        parts.push(if labelled {
            labelled_part(doc, item)?
        } else {
            part(doc, rule, item)?
        });
    }
    Some(parts)
}

/// An item cut in two at an ` and ` that stands between two figures.
fn split_and(doc: &Doc, item: Span) -> Option<(Span, Span)> {
    let text = doc.slice(item);
    let k = text.find(" and ")?;
    let at = item.start + k;
    let first = doc.quantities_in(Span::new(item.start, at)).len();
    let second = doc.quantities_in(Span::new(at, item.end)).len();
    (first >= 1 && second >= 1).then(|| (Span::new(item.start, at), Span::new(at + 5, item.end)))
}

/// The figure of one item: it opens the item (after `and`), is a bare count,
/// and a name in words follows it; a sub-part after a `subset` word is left
/// out.
fn part<'d>(doc: &'d Doc, rule: &Rule, item: Span) -> Option<&'d Quantity> {
    let mut at = skip_space(doc.text, item.start);
    if let Some(rest) = doc.text[at..item.end].strip_prefix("and ") {
        at = skip_space(doc.text, item.end - rest.len());
    }
    let q = doc.quantity_at(at).filter(|q| bare_count(q))?;
    // Its name: up to a subset word (`including …`), which adds a part of it.
    let mut end = item.end;
    if let Some((s, _)) = doc
        .occurrences(Span::new(q.end, item.end), &rule.vocabulary.subset)
        .first()
    {
        end = *s;
    }
    let name = doc.text[q.end..end].trim();
    let lower = name.to_ascii_lowercase();
    let first_word = lower.split_whitespace().next()?;
    if !first_word.starts_with(|c: char| c.is_alphabetic())
        || ATTRIBUTE_WORDS.contains(&first_word)
        || !doc.quantities_in(Span::new(q.end, end)).is_empty()
    {
        return None;
    }
    Some(q)
}

/// Names that make the figure after `=` a statistic or a sample size, not a
/// part (`n = 14`, `p = 0.07`, `aPR range = 0.53–0.67`).
const STATISTIC_NAMES: &[&str] = &[
    "n", "p", "r", "t", "f", "z", "k", "or", "aor", "rr", "arr", "hr", "ahr", "pr", "apr", "ci",
    "sd", "se", "iqr", "df", "range", "median", "mean", "average", "total", "sum",
];

/// The figure of an item `name = figure` (`and Hispanic = 626`): a name of
/// at most four words, none a statistic's, then `=` and a whole number with
/// nothing after it.
fn labelled_part<'d>(doc: &'d Doc, item: Span) -> Option<&'d Quantity> {
    let eq = item.start + doc.slice(item).find('=')?;
    let name = doc.text[item.start..eq].trim_start();
    let name = name.strip_prefix("and ").unwrap_or(name);
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty()
        || words.len() > MAX_NAME_WORDS
        || words.iter().any(|w| {
            STATISTIC_NAMES.iter().any(|n| n.eq_ignore_ascii_case(w))
                || !w
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        })
    {
        return None;
    }
    let q = doc.quantity_at(skip_space(doc.text, eq + 1))?;
    let whole = bare_count(q) && q.value.is_integer() && q.interval.is_exact();
    (whole && doc.text[q.end..item.end].trim().is_empty()).then_some(q)
}
