//! A Chinese sentence that opens by naming, with `中`, a total stated in the
//! sentence before, then lists its parts: `新增治愈出院病例9例。新增治愈出院
//! 病例中,合肥4例、淮南3例、马鞍山2例。`
//!
//! The name before `中` (Han characters only, no figure) must stand in the
//! sentence before right ahead of its figure of the parts' family (a verb
//! such as 为 or 达 may come between). The parts run to the first
//! semicolon: one figure each, set apart by `、` or commas. They may name only
//! some of the total, so each must only fit it, unless they name places (see
//! `sum::by_places`) or are a complementary pair (`男性…,女性…`).

use super::{judge, Mode};
use crate::checks::{skip_space, Claim, Doc};
use crate::rules::Rule;
use crate::text::{is_han, Span};

/// Characters at most in the name before `中`.
const MAX_NAME: usize = 12;
/// Words that may stand between the name and the total's figure.
const LINKS: &[&str] = &["为", "达到", "达", "共", "有", "共有"];

pub fn find(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let at = skip_space(doc.text, sentence.start);
    let text = &doc.text[at..sentence.end];
    // The name, then 中 and a comma.
    // A cheap look first: 中 soon after the sentence opens.
    let Some(k) = text
        .char_indices()
        .take(MAX_NAME + 1)
        .find(|&(_, c)| c == '中')
        .map(|(k, _)| k)
    else {
        return;
    };
    let name = &text[..k];
    let after = &text[k + "中".len()..];
    if name.chars().count() < 2
        || name.chars().count() > MAX_NAME
        || !name
            .chars()
            .all(|c| is_han(c) && !crate::lexer::numeral::is_numeral_char(c))
        || !after.starts_with(crate::text::is_comma)
    {
        return;
    }
    let Some(prev) = crate::checks::subset::previous_sentence(doc, sentence) else {
        return;
    };
    // The parts: up to the first semicolon or the sentence's end.
    let start = at + k + "中".len() + after.chars().next().map_or(1, char::len_utf8);
    let body = &doc.text[start..sentence.end];
    let end = body
        .find([';', '\u{ff1b}'])
        .map_or(sentence.end, |i| start + i);
    let items = super::trim_end_punct(doc, Span::new(start, end));
    let Some(parts) =
        super::list_items(doc, rule.lang, items).or_else(|| super::clause_items(doc, items))
    else {
        return;
    };
    // The total: right after the name in the sentence before.
    let prev_text = doc.slice(prev);
    let Some(i) = prev_text.rfind(name) else {
        return;
    };
    let mut p = skip_space(doc.text, prev.start + i + name.len());
    if let Some(link) = LINKS
        .iter()
        .filter(|w| doc.text[p..].starts_with(**w))
        .max_by_key(|w| w.len())
    {
        p = skip_space(doc.text, p + link.len());
    }
    let Some(total) = doc
        .quantity_at(p)
        .filter(|q| q.kind.is_magnitude() && q.same_family(parts[0]))
    else {
        return;
    };
    if parts.iter().any(|q| !q.same_family(total)) {
        return;
    }
    // A complementary pair (男性…,女性…) covers the whole.
    let pair = match parts.as_slice() {
        [a, b] => super::complementary(
            rule,
            doc.text.get(start..a.start).unwrap_or(""),
            doc.text.get(a.end..b.start).unwrap_or(""),
        ),
        _ => false,
    };
    let mode = match pair || super::by_places(doc, rule, Span::new(start, end), &parts) {
        true => Mode::Equal,
        false => Mode::AtMost,
    };
    out.push(judge(doc, rule, total, &parts, mode));
}
