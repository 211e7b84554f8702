//! English contributions to a change, in percentage points: `Affiliate Fee
//! growth of 9% was driven by increases of 6% from higher rates, 1% from
//! currency and 1% from subscribers`; `Revenue growth of 11% reflected a 5%
//! increase from spending and a 5% increase from volume`.
//!
//! The total is a rate after a `growth_of` word; a `driven_by` word follows
//! it within 48 bytes; the parts are the rates after that word each followed
//! by `from` (past a noun of change: `a 5% increase from`), parted by commas
//! or `and`, two or more, up to the sentence's end. A word saying the
//! causes are only some (`partial`: primarily, partially offset) anywhere
//! in the sentence or the next makes no claim. The parts must add up to the
//! total.

use super::{judge, Mode};
use crate::checks::{Claim, Doc};
use crate::lexer::Quantity;
use crate::rules::Rule;
use crate::text::Span;

pub fn find(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    if v.growth_of.is_empty() || v.driven_by.is_empty() {
        return;
    }
    for (_, e) in doc.occurrences(sentence, &v.growth_of) {
        let Some(total) = doc
            .quantity_at(crate::checks::skip_space(doc.text, e))
            .filter(|q| q.kind.is_rate())
        else {
            continue;
        };
        let reach = crate::text::floor_boundary(doc.text, (total.end + 48).min(sentence.end));
        let Some(&(_, ds)) = doc
            .occurrences(Span::new(total.end, reach), &v.driven_by)
            .first()
        else {
            continue;
        };
        // (`These increases were partially offset by …` may follow.)
        let next = crate::checks::subset::next_sentence(doc, sentence);
        if !doc.occurrences(sentence, &v.partial).is_empty()
            || next.is_some_and(|n| !doc.occurrences(n, &v.partial).is_empty())
        {
            continue;
        }
        let Some(parts) = parts_after(doc, ds, sentence.end, total) else {
            continue;
        };
        out.push(judge(doc, rule, total, &parts, Mode::Equal));
    }
}

/// The rates after `from` up to `end`, each followed by `from` (past one
/// noun of change); every figure there must be such a part.
fn parts_after<'d>(
    doc: &'d Doc,
    from: usize,
    end: usize,
    total: &Quantity,
) -> Option<Vec<&'d Quantity>> {
    let mut parts = Vec::new();
    for q in doc.quantities_in(Span::new(from, end)) {
        if !q.kind.is_checkable() {
            continue;
        }
        let after = doc.text[q.end..end].trim_start();
        let after = ["increase ", "decrease ", "rise ", "gain ", "growth "]
            .iter()
            .find_map(|n| after.strip_prefix(n))
            .unwrap_or(after);
        if !q.same_family(total) || !after.starts_with("from ") {
            return None;
        }
        parts.push(q);
    }
    (parts.len() >= 2).then_some(parts)
}
