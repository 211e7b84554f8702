//! English exclusions from a count (the flow of a study's sample): `Of
//! 236,186 persons who responded, approximately 12,206 (5.2%) were excluded,
//! yielding a final sample of 223,980`; `Of the total 1,637 participants, 29
//! did not report …, resulting in a final sample of 1,608`.
//!
//! The sentence opens with `Of` and the whole (past `the`, `the total`, `a
//! total of`); the first count after the whole's clause is what left; a
//! word of what remains (`yielding`, `resulting in`, `leaving`) follows it,
//! and the first count after that word is what remained. The three are of
//! one family and no other count of the family stands between them. What
//! left and what remained make up the whole.

use super::{judge, Mode};
use crate::checks::{Claim, Doc};
use crate::rules::Rule;
use crate::text::Span;

/// Words that introduce what remains after some were taken out.
const REMAINS: &[&str] = &["yielding", "resulting in", "leaving", "which left"];

/// Words between `Of` and the whole.
const LEADS: &[&str] = &["the total", "a total of", "the", "all"];

pub fn find(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let text = doc.slice(sentence);
    let lead = text.trim_start();
    let Some(rest) = lead.strip_prefix("Of ") else {
        return;
    };
    let mut at = sentence.start + (text.len() - lead.len()) + 3;
    for w in LEADS {
        if rest.len() > w.len()
            && rest.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
            && rest.as_bytes()[w.len()] == b' '
        {
            at += w.len() + 1;
            break;
        }
    }
    let Some(whole) = doc.quantity_at(at).filter(|q| q.kind.is_magnitude()) else {
        return;
    };
    // What left: the first figure of the family after the whole's clause.
    let Some(comma) = doc
        .text
        .get(whole.end..sentence.end)
        .unwrap_or("")
        .find(',')
        .map(|k| whole.end + k)
    else {
        return;
    };
    // The first figure of the whole's family from `from` to the sentence's end.
    let first = |from: usize, to: usize| {
        doc.quantities_in(Span::new(from, to))
            .iter()
            .find(|q| q.kind.is_magnitude() && q.same_family(whole))
    };
    let Some(left) = first(comma, sentence.end) else {
        return;
    };
    let between = doc.slice(Span::new(left.end, sentence.end));
    let Some((k, word)) = REMAINS
        .iter()
        .filter_map(|w| find_word(between, w).map(|k| (k, *w)))
        .min()
    else {
        return;
    };
    let word_end = left.end + k + word.len();
    if first(left.end, word_end).is_some() {
        return;
    }
    let Some(remained) = first(word_end, sentence.end) else {
        return;
    };
    out.push(judge(doc, rule, whole, &[left, remained], Mode::Equal));
}

/// Where the word `w` stands in `text` as a whole word.
fn find_word(text: &str, w: &str) -> Option<usize> {
    text.match_indices(w).map(|(k, _)| k).find(|&k| {
        let before = text[..k].chars().next_back();
        let after = text[k + w.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
