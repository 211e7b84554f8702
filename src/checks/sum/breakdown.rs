//! A Chinese budget line and the numbered items it is made of:
//! `基本行政工作維持費79,894千元,較上年度減列24,172千元,包括:(1)…經費
//! 66,455千元…。(2)…計畫總經費…,本科目編列13,439千元…。`
//!
//! After a `respectively` word (`包括`) and a colon, items open with `(1)`,
//! `(2)`, … in order, each ending at its first `。`; the list ends where the
//! next marker does not follow at once. The line's total is the first amount
//! since the sentence before; any other amount there must state a change
//! (`comparison`: 較上年度減列). Each item gives one part: the amount after
//! a `this_line` word (本科目編列: what the line bears of a multi-year
//! project), else the amount after a `final_year` word, else, for an item
//! naming no multi-year whole (`project_total`), its first amount, with any
//! other amount in it stating a change. An item whose amount's own clause
//! states a change (`所列N千元如數減列`: last year's project, gone) gives no
//! part. The parts make up the total.
//!
//! Words may be cut by the wraps of narrow columns: they are looked for in
//! the text with its whitespace taken out (as `installments.rs` does).

use super::installments::Squeezed;
use super::{judge, Mode};
use crate::checks::{Claim, Doc};
use crate::lexer::Quantity;
use crate::rules::Rule;
use crate::text::Span;

/// Bytes at most looked back for a line's total, and read for one item.
const MAX_HEAD: usize = 400;
const MAX_ITEM: usize = 1500;
/// Characters at most between a word and its amount (`經費`).
const GAP: usize = 4;

pub fn find(doc: &Doc, rule: &Rule, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    if v.this_line.is_empty() || v.final_year.is_empty() {
        return;
    }
    for word in v.respectively.iter().filter(|w| w.as_str() == "包括") {
        let text = doc.slice(doc.span);
        for (i, _) in text.match_indices(word.as_str()) {
            let at = doc.span.start + i;
            if let Some(claim) = line(doc, rule, at, at + word.len()) {
                out.push(claim);
            }
        }
    }
}

/// The claim of the line whose `包括` stands at `start..end`.
fn line(doc: &Doc, rule: &Rule, start: usize, end: usize) -> Option<Claim> {
    let v = &rule.vocabulary;
    let rest = &doc.text[end..];
    let colon = rest.trim_start().strip_prefix(['：', ':'])?;
    let first = end + rest.len() - colon.trim_start().len();
    // The total: the first amount since the last sentence end.
    let from = crate::text::ceil_boundary(doc.text, start.saturating_sub(MAX_HEAD));
    let head_start = doc.text[from..start]
        .rfind(['。', '：', ':'])
        .map_or(from, |k| {
            from + k
                + doc.text[from + k..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8)
        });
    let head = Span::new(head_start.max(doc.span.start), start);
    // Not the line's own number (`2.基本行政…`).
    let amounts: Vec<&Quantity> = doc
        .quantities_in(head)
        .iter()
        .filter(|q| q.kind.is_checkable() && !is_line_number(doc, q))
        .collect();
    let (total, others) = amounts.split_first()?;
    if !total.kind.is_magnitude() || !states_changes(doc, rule, total.end, others) {
        return None;
    }
    let head_text = squeeze(doc, head).text;
    if !v
        .project_total
        .find_in(&head_text, 0, head_text.len())
        .is_empty()
    {
        return None;
    }
    let mut parts = Vec::new();
    let mut at = first;
    for k in 1.. {
        let Some(body) = marker(doc.text, at, k) else {
            break;
        };
        let limit = crate::text::floor_boundary(doc.text, (body + MAX_ITEM).min(doc.text.len()));
        let stop = body + doc.text[body..limit].find('。')?;
        let item = Span::new(body, stop);
        match part_of(doc, rule, item)? {
            Some(part) if part.same_family(total) => parts.push(part),
            Some(_) => return None,
            None => {}
        }
        at = crate::checks::skip_space(doc.text, stop + '。'.len_utf8());
    }
    (parts.len() >= 2).then(|| judge(doc, rule, total, &parts, Mode::Equal))
}

/// Where item `k`'s text begins, when its marker (`(k)`, `(k)`) stands at `at`.
fn marker(text: &str, at: usize, k: usize) -> Option<usize> {
    let rest = &text[at..];
    [format!("({k})"), format!("（{k}）")]
        .iter()
        .find(|m| rest.starts_with(m.as_str()))
        .map(|m| at + m.len())
}

/// Whether every amount in `others` (after the figure ending at `after`)
/// follows a `comparison` word: it states a change, not another amount.
fn states_changes(doc: &Doc, rule: &Rule, after: usize, others: &[&Quantity]) -> bool {
    let mut from = after;
    others.iter().all(|q| {
        let ok = !doc
            .occurrences(Span::new(from, q.start), &rule.vocabulary.comparison)
            .is_empty();
        from = q.end;
        ok
    })
}

/// The part an item gives (see the module's doc); `Some(None)` for an item
/// that states a change only, whose amount's own clause holds a
/// `comparison` word (`上年度…計畫預算業已編竣,所列N千元如數減列`): what the
/// line no longer holds.
fn part_of<'d>(doc: &'d Doc, rule: &Rule, item: Span) -> Option<Option<&'d Quantity>> {
    let v = &rule.vocabulary;
    let sq = squeeze(doc, item);
    let figures: Vec<&Quantity> = doc
        .quantities_in(item)
        .iter()
        .filter(|q| q.kind.is_checkable())
        .collect();
    let after_word = |words: &crate::words::Words| {
        let (_, e) = *words.find_in(&sq.text, 0, sq.text.len()).first()?;
        figures
            .iter()
            .find(|q| sq.at(q.start) >= e)
            .filter(|q| sq.chars(e, sq.at(q.start)) <= GAP && q.kind.is_magnitude())
            .copied()
    };
    if !v.this_line.find_in(&sq.text, 0, sq.text.len()).is_empty() {
        return after_word(&v.this_line).map(Some);
    }
    if !v.final_year.find_in(&sq.text, 0, sq.text.len()).is_empty() {
        return after_word(&v.final_year).map(Some);
    }
    if !v
        .project_total
        .find_in(&sq.text, 0, sq.text.len())
        .is_empty()
    {
        return None;
    }
    let (first, others) = figures.split_first()?;
    let clause = Span::new(
        doc.text[item.start..first.start]
            .rfind(crate::text::is_clause_end)
            .map_or(item.start, |k| item.start + k),
        doc.text[first.end..item.end]
            .find(crate::text::is_clause_end)
            .map_or(item.end, |k| first.end + k),
    );
    let squeezed = squeeze(doc, clause);
    if !v
        .comparison
        .find_in(&squeezed.text, 0, squeezed.text.len())
        .is_empty()
    {
        return Some(None);
    }
    (first.kind.is_magnitude() && states_changes(doc, rule, first.end, others))
        .then_some(Some(*first))
}

/// Whether `q` numbers a line: it opens the line and a full stop follows.
fn is_line_number(doc: &Doc, q: &Quantity) -> bool {
    let before = doc.text[..q.start].trim_end_matches([' ', '\t', '\u{3000}']);
    (before.is_empty() || before.ends_with('\n'))
        && doc.text[q.end..].starts_with(['.', '．', '、'])
}

fn squeeze(doc: &Doc, span: Span) -> Squeezed {
    Squeezed::new(doc.slice(span), span.start)
}
