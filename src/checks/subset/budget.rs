//! A multi-year project's final instalment and what one budget line bears
//! of it (Chinese budget notes): `本年度續編最後1年經費288,091千元,本科目編列
//! 5,800千元`. The line's amount (after a `this_line` word) is part of the
//! year's (after a `final_year` word, the next figure within a few
//! characters); nothing but a comma stands between the two. Words may be cut
//! by the wraps of narrow columns: they are looked for in the sentence with
//! its whitespace taken out.

use super::judge;
use crate::checks::sum::installments::Squeezed;
use crate::checks::{Claim, Doc};
use crate::lexer::Quantity;
use crate::rules::Rule;
use crate::text::Span;

/// Characters at most between a word and its amount (`經費`).
const GAP: usize = 4;

pub fn find(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    if v.this_line.is_empty() || v.final_year.is_empty() {
        return;
    }
    let raw = doc.slice(sentence);
    // A cheap look first: every character of a line's word and of a final
    // year's (whitespace may stand between them).
    let spelt =
        |words: &crate::words::Words| words.iter().any(|w| w.chars().all(|c| raw.contains(c)));
    if !spelt(&v.this_line) || !spelt(&v.final_year) {
        return;
    }
    let sq = Squeezed::new(raw, sentence.start);
    let figures = doc.quantities_in(sentence);
    let after = |e: usize| -> Option<&Quantity> {
        figures
            .iter()
            .find(|q| sq.at(q.start) >= e)
            .filter(|q| sq.chars(e, sq.at(q.start)) <= GAP && q.kind.is_magnitude())
    };
    for (_, fe) in v.final_year.find_in(&sq.text, 0, sq.text.len()) {
        let Some(year) = after(fe) else { continue };
        let from = sq.at(year.end);
        let Some(&(ls, le)) = v.this_line.find_in(&sq.text, from, sq.text.len()).first() else {
            continue;
        };
        // Only a comma between the year's amount and the line's word.
        let between = sq.text.get(from..ls).unwrap_or("");
        if !between.chars().all(|c| c == '，' || c == ',') {
            continue;
        }
        if let Some(line) = after(le).filter(|q| q.same_family(year)) {
            out.push(judge(doc, rule, year, line));
        }
    }
}
