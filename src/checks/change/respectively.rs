//! Several changes stated at once (Chinese): `分别从50%、75%提高至100%`,
//! `从2021年的46503元和16935元分别提高到58794元和23184元`,
//! `分别从771家、481家增加到1076家、636家`.
//!
//! After the `from` word, a list of two or more figures (joined by `、`,
//! `和`, `及`, `与`), then a verb and its `to` word, then as many figures
//! again (each changes into its own) or one (all change into it). The claim
//! of each pair is the direction of the verb; sizes are not read here.

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
