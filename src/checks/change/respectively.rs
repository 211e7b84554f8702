//! Several changes stated at once (Chinese): `分别从50%、75%提高至100%`,
//! `从2021年的46503元和16935元分别提高到58794元和23184元`,
//! `分别从771家、481家增加到1076家、636家`.
//!
//! After the `from` word, a list of two or more figures (joined by `、`,
//! `和`, `及`, `与`), then a verb and its `to` word, then as many figures
//! again (each changes into its own) or one (all change into it). The claim
//! of each pair is the direction of the verb; sizes are not read here.
//!
//! English: `fell from nearly 3% of GDP and over 4% of government spending
//! in the mid-1980s to 1.2% and 1.6% respectively` ([`find_english`]): a
//! verb of change right before `from`, two figures joined by `and` (each
//! perhaps with a hedge and a few words of what it measures), `to` after a
//! few words more, two figures joined by `and`, then `respectively`.

use super::{from_verb, judge};
use crate::checks::{skip_space, Claim, Doc};
use crate::lexer::Quantity;
use crate::rules::Rule;
use crate::text::Span;

/// Figures at most in one list.
const MAX_ITEMS: usize = 8;

/// The claims of a list of changes whose `from` word ends at `e`.
pub(super) fn find(doc: &Doc, rule: &Rule, sentence: Span, e: usize) -> Option<Vec<Claim>> {
    let first = super::skip_year(doc, skip_space(doc.text, e));
    let (befores, end) = list(doc, sentence, first)?;
    if befores.len() < 2 {
        return None;
    }
    let mut at = skip_space(doc.text, end).min(sentence.end);
    if let Some(rest) = doc.text[at..sentence.end].strip_prefix("分别") {
        at = skip_space(doc.text, sentence.end - rest.len()).min(sentence.end);
    }
    let (dir, verb, to_end) = from_verb(doc, rule, at)?;
    let (afters, _) = list(doc, sentence, skip_space(doc.text, to_end))?;
    let pairs: Vec<(&Quantity, &Quantity)> = match afters.len() {
        1 => befores.iter().map(|b| (*b, afters[0])).collect(),
        n if n == befores.len() => befores.iter().copied().zip(afters).collect(),
        _ => return None,
    };
    let comparable = pairs.iter().all(|(b, a)| b.same_family(a));
    comparable.then(|| {
        pairs
            .into_iter()
            .map(|(b, a)| judge(doc, rule, b, a, dir, verb, None))
            .collect()
    })
}

/// `from X … and Y … to Z and W respectively` after the `from` word ending
/// at `e` (see the module's note).
pub(super) fn find_english(
    doc: &Doc,
    rule: &Rule,
    sentence: Span,
    s: usize,
    e: usize,
) -> Option<Vec<Claim>> {
    let (dir, verb, _) = super::verb_before_gap(doc, rule, sentence, s)?;
    let x = super::figure_at(doc, rule, e).filter(|x| x.end <= sentence.end)?;
    let (y, after_y) = joined_by_and(doc, rule, sentence, x.end)?;
    // Up to eight words (what Y measures, a time phrase) before `to`.
    let mut p = after_y;
    let mut to_end = None;
    for _ in 0..9 {
        let (q, word) = next_word(doc, sentence, p)?;
        let word_len = word.len();
        if word == "to" {
            to_end = Some(q + 2);
            break;
        }
        if word.is_empty() || !word.chars().all(|c| c.is_alphanumeric() || c == '-') {
            return None;
        }
        p = q + word_len;
    }
    let z = super::figure_at(doc, rule, to_end?).filter(|z| z.end <= sentence.end)?;
    let (w, after_w) = joined_by_and(doc, rule, sentence, z.end)?;
    let tail = doc
        .text
        .get(after_w..sentence.end)?
        .trim_start_matches([',', ' ']);
    if !tail.starts_with("respectively") || w.end > after_w {
        return None;
    }
    let pairs = [(x, z), (y, w)];
    pairs.iter().all(|(b, a)| b.same_family(a)).then(|| {
        pairs
            .into_iter()
            .map(|(b, a)| judge(doc, rule, b, a, dir, verb, None))
            .collect()
    })
}

/// After a figure ending at `end`: perhaps `of` and up to four words, then
/// `and` and the next figure (a hedge may come first). That figure and
/// where it ends.
fn joined_by_and<'d>(
    doc: &'d Doc,
    rule: &Rule,
    sentence: Span,
    end: usize,
) -> Option<(&'d Quantity, usize)> {
    let mut p = end;
    for _ in 0..6 {
        let (q, word) = next_word(doc, sentence, p)?;
        let len = word.len();
        if word == "and" {
            let f = super::figure_at(doc, rule, q + 3)?;
            return (f.end <= sentence.end).then_some((f, f.end));
        }
        if word.is_empty() || !word.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        p = q + len;
    }
    None
}

/// The word after spaces at `p` in `sentence` (up to the next space) and
/// where it starts.
fn next_word<'t>(doc: &Doc<'t>, sentence: Span, p: usize) -> Option<(usize, &'t str)> {
    let q = skip_space(doc.text, p);
    let rest = doc.text.get(q..sentence.end)?;
    Some((
        q,
        &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())],
    ))
}

/// The figures listed from `at`: checkable, of one family, each right after
/// the last past a joining mark. Where the list ends.
fn list<'d>(doc: &'d Doc, sentence: Span, at: usize) -> Option<(Vec<&'d Quantity>, usize)> {
    let within = |q: &&Quantity| q.kind.is_checkable() && q.end <= sentence.end;
    let mut out: Vec<&Quantity> = vec![doc.quantity_at(at).filter(within)?];
    while out.len() < MAX_ITEMS {
        let end = out[out.len() - 1].end;
        let rest = &doc.text[end..sentence.end];
        let Some(joined) = ["、", "和", "及", "与"]
            .iter()
            .find_map(|j| rest.strip_prefix(j))
        else {
            break;
        };
        let next = doc
            .quantity_at(skip_space(doc.text, sentence.end - joined.len()))
            .filter(|q| within(q) && q.same_family(out[0]));
        match next {
            Some(q) => out.push(q),
            None => break,
        }
    }
    let end = out[out.len() - 1].end;
    Some((out, end))
}
