//! A multi-year budget and its instalments (Chinese): the project's whole
//! cost, what earlier years already provided, and the final year's amount,
//! which together make the whole:
//! `某計畫總經費868,669千元,分4年辦理,109至111年度已編列801,289千元,本年度續編最後1年經費67,380千元`.
//!
//! Words from the rule: `project_total` names the whole (總經費), `borne`
//! a share of it some payer bears (`中央公務預算負擔N`, which the instalments
//! then make up instead, and which must not exceed the whole),
//! `earlier_years` what earlier years provided (已編列), `final_year` the
//! last instalment (最後1年). Without a final-year word there is no claim:
//! a middle year's instalments need not reach the whole.
//!
//! Such notes are printed in narrow columns, so a word may be cut by a line
//! break (`總經\n   費`): the words are looked for in the sentence with its
//! whitespace taken out, and every figure must follow its word directly.

use super::{judge, Mode};
use crate::checks::{Claim, Doc};
use crate::lexer::Quantity;
use crate::rules::Rule;
use crate::text::Span;

/// Characters at most between the final-year word and its amount (`經費`).
const FINAL_GAP: usize = 4;
/// Characters at most between the earlier years' amount and the final-year
/// word (`,本年度續編`).
const EARLIER_GAP: usize = 10;

pub fn find(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    if v.project_total.is_empty() || v.earlier_years.is_empty() || v.final_year.is_empty() {
        return;
    }
    // A cheap look first: the opening character of a whole's name.
    let raw = doc.slice(sentence);
    if !v
        .project_total
        .iter()
        .filter_map(|w| w.chars().next())
        .any(|c| raw.contains(c))
    {
        return;
    }
    let sq = Squeezed::new(raw, sentence.start);
    let figures = doc.quantities_in(sentence);
    // The figure that starts right where a word ends (in the squeezed text).
    let right_after = |end: usize| figures.iter().find(|q| sq.at(q.start) == end);
    let words = |list: &crate::words::Words, from: usize| {
        list.find_in(&sq.text, from, sq.text.len())
            .into_iter()
            .next()
    };
    let Some((_, total_end)) = words(&v.project_total, 0) else {
        return;
    };
    let Some(total) = right_after(total_end).filter(|q| q.kind.is_magnitude()) else {
        return;
    };
    let same = |q: &&Quantity| q.same_family(total) && q.kind.is_magnitude();
    let after_total = sq.at(total.end);
    let Some((earlier_start, earlier_end)) = words(&v.earlier_years, after_total) else {
        return;
    };
    // A second whole before the earlier years' amount is another project.
    if words(&v.project_total, after_total).is_some_and(|(s, _)| s < earlier_start) {
        return;
    }
    // A share borne that cannot be read leaves the instalments' whole unknown.
    let borne = match words(&v.borne, after_total).filter(|&(s, _)| s < earlier_start) {
        Some((_, e)) => match right_after(e).filter(same) {
            Some(q) => Some(q),
            None => return,
        },
        None => None,
    };
    let Some(earlier) = right_after(earlier_end).filter(same) else {
        return;
    };
    let after_earlier = sq.at(earlier.end);
    let Some((final_start, final_end)) = words(&v.final_year, after_earlier) else {
        return;
    };
    if sq.chars(after_earlier, final_start) > EARLIER_GAP {
        return;
    }
    // The final year's amount: the next figure after its word, nearby.
    let Some(last) = figures
        .iter()
        .find(|q| sq.at(q.start) >= final_end)
        .filter(|q| sq.chars(final_end, sq.at(q.start)) <= FINAL_GAP)
        .filter(same)
    else {
        return;
    };
    let whole = borne.unwrap_or(total);
    out.push(judge(doc, rule, whole, &[earlier, last], Mode::Equal));
    if let Some(share) = borne {
        out.push(judge(doc, rule, total, &[share], Mode::AtMost));
    }
}

/// A sentence with its whitespace taken out, and where each byte of it
/// stands in the document.
pub(crate) struct Squeezed {
    pub(crate) text: String,
    origin: Vec<usize>,
}

impl Squeezed {
    pub(crate) fn new(raw: &str, offset: usize) -> Squeezed {
        let mut text = String::with_capacity(raw.len());
        let mut origin = Vec::with_capacity(raw.len());
        for (i, c) in raw.char_indices() {
            if !c.is_whitespace() {
                text.push(c);
                origin.extend(std::iter::repeat_n(offset + i, c.len_utf8()));
            }
        }
        Squeezed { text, origin }
    }

    /// The squeezed offset of document offset `at`: where the first
    /// character at or after it stands.
    pub(crate) fn at(&self, at: usize) -> usize {
        self.origin.partition_point(|&o| o < at)
    }

    /// The characters between two squeezed offsets.
    pub(crate) fn chars(&self, a: usize, b: usize) -> usize {
        self.text
            .get(a..b)
            .map_or(usize::MAX, |s| s.chars().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squeezed_offsets_point_back_into_the_text() {
        let raw = "總經\n   費86\n　8,669千元";
        let sq = Squeezed::new(raw, 100);
        assert_eq!(sq.text, "總經費868,669千元");
        let fee = raw.find('費').unwrap();
        assert_eq!(sq.at(100 + fee), sq.text.find('費').unwrap());
        // An offset inside the removed whitespace maps to what follows it.
        assert_eq!(sq.at(100 + fee - 1), sq.text.find('費').unwrap());
        assert_eq!(sq.chars(0, sq.text.find('8').unwrap()), 3);
        assert_eq!(sq.at(10_000), sq.text.len());
    }
}
