//! A change with its size, the two values in a bracket after it (English):
//! `a 6 percentage point increase (24% to 30%)`, `rose 6 percentage points
//! (from 24% to 30%)`, `a 12% decline (from 410 to 360)`.
//!
//! The bracket holds only `[from] X to Y`; right before it stands a size
//! (a figure, perhaps `percentage point(s)`), then a noun of change, or a
//! verb of change then the size. The noun or verb gives the direction; the
//! size must be the change between X and Y.

use super::{judge, verb_before, Direction};
use crate::checks::{skip_space, word_before, Claim, Doc};
use crate::lexer::Quantity;
use crate::rules::Rule;
use crate::text::Span;

pub(super) fn find(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let text = doc.slice(sentence);
    for (i, _) in text.match_indices('(') {
        let open = sentence.start + i;
        let Some((x, y)) = pair_inside(doc, rule, sentence, open) else {
            continue;
        };
        let Some((dir, verb, size)) = size_before(doc, rule, sentence, open) else {
            continue;
        };
        if x.same_family(y) {
            out.push(judge(doc, rule, x, y, dir, verb, Some(size)));
        }
    }
}

/// `([from] X to Y)` opening at `open`: the two figures.
fn pair_inside<'d>(
    doc: &'d Doc,
    rule: &Rule,
    sentence: Span,
    open: usize,
) -> Option<(&'d Quantity, &'d Quantity)> {
    let mut p = skip_space(doc.text, open + 1);
    if crate::checks::word_at(doc.text.get(p..sentence.end)?, "from") {
        p = skip_space(doc.text, p + "from".len());
    }
    let x = doc.quantity_at(p).filter(|q| q.kind.is_checkable())?;
    let q = skip_space(doc.text, x.end);
    let to = crate::checks::starts_with_any(doc.text.get(q..sentence.end)?, &rule.vocabulary.to)?;
    let y = doc
        .quantity_at(skip_space(doc.text, q + to.len()))
        .filter(|q| q.kind.is_checkable() && q.end <= sentence.end)?;
    doc.text
        .get(y.end..sentence.end)?
        .trim_start()
        .starts_with(')')
        .then_some((x, y))
}

/// Right before `open`: `a SIZE NOUN` or `VERB SIZE` (a size in points
/// included: `6 percentage point`); the direction, the word of change and
/// the size.
fn size_before<'d>(
    doc: &'d Doc,
    rule: &Rule,
    sentence: Span,
    open: usize,
) -> Option<(Direction, &'d str, &'d Quantity)> {
    let v = &rule.vocabulary;
    let lead = doc.text.get(sentence.start..open)?.trim_end();
    let lead_end = sentence.start + lead.len();
    // a 6 percentage point increase
    let noun = [
        (Direction::Up, &v.rise_nouns),
        (Direction::Down, &v.fall_nouns),
    ]
    .into_iter()
    .find_map(|(d, words)| {
        words
            .iter()
            .find(|w| word_before(lead, w))
            .map(|w| (d, w.len()))
    });
    let (dir, word, rest) = match noun {
        Some((d, n)) => {
            let word = &doc.text[lead_end - n..lead_end];
            (d, word, doc.text[sentence.start..lead_end - n].trim_end())
        }
        // (The direction comes from the verb below.)
        None => (Direction::Up, "", lead),
    };
    // (The lexer reads `6 percentage points` as one figure.)
    let size = doc
        .quantity_ending_at(sentence.start + rest.len())
        .filter(|q| q.kind.is_checkable())?;
    if !word.is_empty() {
        return Some((dir, word, size));
    }
    // rose 6 percentage points
    let (dir, verb, _) = verb_before(doc, rule, size.start)?;
    Some((dir, verb, size))
}
