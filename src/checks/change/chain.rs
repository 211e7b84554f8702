//! A value reached with no `from` (English), its value before named earlier
//! in the sentence:
//!
//! - a chain: `increased to 18.9 million in 2004 and to 20.5 million in
//!   2008` (the second change starts where the first ended);
//! - a participle on the value: `4.0 billion gallons in 2006, ascending to
//!   36.0 billion gallons in 2022`;
//! - a pronoun for the value: `was 20.6 times as high …, and this ratio
//!   increased to 21.6`, `increasing from 0.6% to 0.9% …; in the second
//!   year, it would increase to 1.2%` (the value before is the last of the
//!   family in the sentence, and the only one or the end of a change).
//!
//! Only the direction is checked: no size is read here. A value followed by
//! `from` is left to the readers of `to … from`.

use super::{figure_at, figure_before, judge, named_before, verb_before_gap, Direction};
use crate::checks::{skip_space, starts_with_any, word_before, Claim, Doc};
use crate::lexer::Quantity;
use crate::rules::Rule;
use crate::text::Span;

/// Words between a pronoun and its verb: `it would increase to`.
const AUXILIARIES: &[&str] = &[
    "would", "will", "has", "had", "have", "then", "also", "further", "later", "again",
];

pub(super) fn find(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    for (ts, te) in doc.occurrences(sentence, &v.to) {
        let Some(after) = figure_at(doc, rule, te).filter(|q| q.end <= sentence.end) else {
            continue;
        };
        // `to Y from X` belongs to the readers of that order.
        let past = super::skip_year(doc, after.end);
        if starts_with_any(&doc.text[skip_space(doc.text, past)..], &v.from).is_some() {
            continue;
        }
        let found = match verb_before_gap(doc, rule, sentence, ts) {
            Some((dir, verb, vs)) => participle(doc, sentence, verb, vs)
                .or_else(|| pronoun(doc, sentence, vs, after))
                .map(|before| (before, dir, verb)),
            None => chained(doc, rule, sentence, ts),
        };
        let Some((before, dir, verb)) = found else {
            continue;
        };
        if before.same_family(after) && before.end < after.start {
            out.push(judge(doc, rule, before, after, dir, verb, None));
        }
    }
}

/// `X, ascending to`: a verb in -ing right after a comma that follows the
/// value (and its time phrase, or what it measures).
fn participle<'d>(doc: &'d Doc, sentence: Span, verb: &str, vs: usize) -> Option<&'d Quantity> {
    if !verb.ends_with("ing") {
        return None;
    }
    let lead = doc.text.get(sentence.start..vs)?.trim_end();
    let comma = sentence.start + lead.strip_suffix(',')?.len();
    let x = figure_before(doc, sentence.start, comma)
        .or_else(|| named_before(doc, sentence.start, comma))?;
    // Not a figure that names the time itself (`2.9 (SD: 0.5) on day 1,`).
    let head = doc.text.get(sentence.start..x.start)?.trim_end();
    let word = head.rsplit(' ').next().unwrap_or("");
    let timed = head.get(..head.len() - word.len()).is_some_and(|h| {
        super::TIME_OPENERS
            .iter()
            .any(|o| word_before(h.trim_end(), o.trim_end()))
    });
    (!timed).then_some(x)
}

/// `it would increase to`, `this ratio increased to`: the pronoun before the
/// verb at `vs`; the value before is the last checkable figure of the
/// family of `after` before it in the sentence, when it is the only one or
/// right after a `to` (where a change ended).
fn pronoun<'d>(doc: &'d Doc, sentence: Span, vs: usize, after: &Quantity) -> Option<&'d Quantity> {
    let mut lead = doc.text.get(sentence.start..vs)?.trim_end();
    while let Some(aux) = AUXILIARIES.iter().find(|a| word_before(lead, a)) {
        lead = lead[..lead.len() - aux.len()].trim_end();
    }
    let subject_start = if word_before(lead, "it") {
        lead.len() - 2
    } else {
        let noun_start = lead.rfind(|c: char| !c.is_ascii_alphabetic())? + 1;
        let head = lead[..noun_start].trim_end();
        if noun_start == lead.len() || !(word_before(head, "this") || word_before(head, "that")) {
            return None;
        }
        head.len() - 4
    };
    // After a semicolon the sentence before is the same one.
    let i = doc.sentences.partition_point(|x| x.end <= sentence.start);
    let from = match i.checked_sub(1).and_then(|k| doc.sentences.get(k)) {
        Some(prev) if doc.text[..sentence.start].trim_end().ends_with(';') => prev.start,
        _ => sentence.start,
    };
    let family: Vec<&Quantity> = doc
        .quantities_in(Span::new(from, sentence.start + subject_start))
        .iter()
        .filter(|q| q.kind.is_checkable() && q.same_family(after))
        .collect();
    let last = *family.last()?;
    let ended = word_before(doc.text[..last.start].trim_end(), "to");
    (family.len() == 1 || ended).then_some(last)
}

/// `to Y [time] and to Z`: the `to` at `ts` follows `and`, and before it a
/// value reached by a verb of change (`increased to Y`, `rose from X to Y`).
fn chained<'d>(
    doc: &'d Doc,
    rule: &Rule,
    sentence: Span,
    ts: usize,
) -> Option<(&'d Quantity, Direction, &'d str)> {
    let lead = doc.text.get(sentence.start..ts)?.trim_end();
    let lead = lead.strip_suffix("and")?.trim_end();
    let lead = lead.strip_suffix(',').unwrap_or(lead).trim_end();
    let y = figure_before(doc, sentence.start, sentence.start + lead.len())?;
    let head = doc.text.get(sentence.start..y.start)?.trim_end();
    let to0 = head.strip_suffix("to")?;
    if to0.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    let at = sentence.start + to0.trim_end().len();
    // `increased to Y`, or `rose from X to Y`.
    let verb_end = match doc.quantity_ending_at(at) {
        Some(x) => {
            let h = doc.text.get(sentence.start..x.start)?.trim_end();
            let f = starts_with_any(
                &h[h.rfind(' ').map_or(0, |k| k + 1)..],
                &rule.vocabulary.from,
            )?;
            sentence.start + h.len() - f.len()
        }
        None => sentence.start + to0.len(),
    };
    let (dir, verb, _) = verb_before_gap(doc, rule, sentence, verb_end)?;
    Some((y, dir, verb))
}
