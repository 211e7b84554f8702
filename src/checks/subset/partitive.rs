//! Two Chinese wordings of a part and its whole without `其中`:
//!
//! - a head ending in `中` that names the whole, then a `that_is` word and the
//!   part: `在本年的45种主要产品中,有37种完成了计划`, `271例病例中有51例…`;
//! - what is new this period, then the running total it is among: an
//!   `increase` word and its figure, then within two clauses one opening with a
//!   `total` word and the total's figure, nothing named between them:
//!   `新增9个、累计达到79个`.
//!
//! English: `k of N` (`13 of the first 19 cases`, `Forty of the 90
//! patients`, `14 of 15 counties`): a count of some of a counted whole, `the`
//! and `first`, `last`, `remaining` or `total` may stand between.
//!
//! Whole and part are of one family; the part must be no larger.

use super::judge;
use crate::checks::{skip_space, starts_with_any, Claim, Doc};
use crate::rules::Rule;
use crate::text::{Lang, Span};

pub fn find(doc: &Doc, rule: &Rule, out: &mut Vec<Claim>) {
    if rule.lang == Some(Lang::En) {
        k_of_n(doc, rule, out);
        return;
    }
    if rule.lang != Some(Lang::Zh) {
        return;
    }
    let v = &rule.vocabulary;
    for sentence in doc.sentences_for(rule.lang, 2) {
        let clauses = doc.clauses(sentence);
        if !v.that_is.is_empty() && doc.slice(sentence).contains('中') {
            among(doc, rule, &clauses, out);
        }
        // The running-total words are rare: look for them first.
        let text = doc.slice(sentence);
        if v.total.iter().any(|w| text.contains(w.as_str())) && !v.increase.is_empty() {
            new_and_running_total(doc, rule, &clauses, out);
        }
    }
}

/// `在45种产品中,有37种…` and `271例病例中有51例…`.
fn among(doc: &Doc, rule: &Rule, clauses: &[Span], out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    for (k, &clause) in clauses.iter().enumerate() {
        let text = doc.slice(clause);
        for (i, _) in text.match_indices('中') {
            let at = clause.start + i + '中'.len_utf8();
            // 中, then the part word at once or after the clause's comma.
            let head = Span::new(clause.start, clause.start + i);
            let rest = &doc.text[at..clause.end];
            let (part_at, part_end) = if rest
                .trim_matches(|c: char| c.is_whitespace() || crate::text::is_clause_end(c))
                .is_empty()
            {
                match clauses.get(k + 1) {
                    Some(next) => (skip_space(doc.text, next.start), next.end),
                    None => continue,
                }
            } else {
                (skip_space(doc.text, at), clause.end)
            };
            // `…中,有37种`, or a description first: `…中,已完工的有十七项`.
            let Some((part_at, word)) = starts_with_any(&doc.text[part_at..part_end], &v.that_is)
                .map(|w| (part_at, w))
                .or_else(|| described(doc, rule, part_at, part_end))
            else {
                continue;
            };
            // 其中 is read by the subset check itself; 集中, 高中 are words.
            if text[..i].ends_with(['其', '集', '高', '初', '心', '当', '空', '手', '家'])
            {
                continue;
            }
            let Some(whole) = crate::checks::only_magnitude(doc, head) else {
                continue;
            };
            let p = skip_space(doc.text, part_at + word.len());
            let Some(part) = doc
                .quantity_at(p)
                .filter(|q| q.kind.is_magnitude() && akin(doc, whole, q))
            else {
                continue;
            };
            // The whole counts what the head names, right before 中 (在45种
            // 主要产品中): no verb or clause between.
            if !doc
                .occurrences(Span::new(whole.end, head.end), &v.comparison)
                .is_empty()
                || !doc.occurrences(head, &v.averages).is_empty()
            {
                continue;
            }
            out.push(judge(doc, rule, whole, part));
            // More parts described alike in the sentences after it, while
            // each opens so (`…;正在施工的有三十四项;`).
            let mut current = doc
                .sentences
                .get(doc.sentences.partition_point(|x| x.end <= clause.start))
                .copied();
            while let Some(next) = current.and_then(|c| super::next_sentence(doc, c)) {
                let start = skip_space(doc.text, next.start);
                let end = doc.clauses(next).first().map_or(next.end, |c| c.end);
                let Some(more) = described(doc, rule, start, end)
                    .map(|(at, w)| skip_space(doc.text, at + w.len()))
                    .and_then(|p| doc.quantity_at(p))
                    .filter(|q| q.kind.is_magnitude() && akin(doc, whole, q))
                else {
                    break;
                };
                out.push(judge(doc, rule, whole, more));
                current = Some(next);
            }
        }
    }
}

/// Whether `part` counts what `whole` counts: one family, or the part's
/// classifier names the whole's noun (`141个项目` and `17项`).
fn akin(doc: &Doc, whole: &crate::lexer::Quantity, part: &crate::lexer::Quantity) -> bool {
    whole.same_family(part)
        || (whole.kind == crate::lexer::QuantityKind::Count
            && part.kind == crate::lexer::QuantityKind::Count
            && part
                .unit
                .is_some_and(|u| !u.is_empty() && doc.text[whole.end..].starts_with(u)))
}

/// A description ending in `的`, then a `that_is` word, from `at`: `已全部或者
/// 部分完工并投入生产的有` (no figure in it, at most 32 characters). Where the
/// word stands, and the word.
fn described<'r>(doc: &Doc, rule: &'r Rule, at: usize, end: usize) -> Option<(usize, &'r str)> {
    let text = doc.text.get(at..end)?;
    for (i, _) in text.match_indices('的') {
        if text[..i].chars().count() > 32 || !doc.quantities_in(Span::new(at, at + i)).is_empty() {
            return None;
        }
        let after = at + i + '的'.len_utf8();
        if let Some(w) = starts_with_any(&doc.text[after..end], &rule.vocabulary.that_is) {
            return Some((after, w));
        }
    }
    None
}

/// `新增9个、累计达到79个`: new this period, then the running total. The
/// new figure is the last of the total's family before it (`新增超200亿元县
/// 2个、达到29个`). Two or more of each, both with 分别, pair in order
/// (`分别新增12项和44项,累计分别达到64项和288项`).
fn new_and_running_total(doc: &Doc, rule: &Rule, clauses: &[Span], out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    for (k, &clause) in clauses.iter().enumerate() {
        for (_, e) in doc.occurrences(clause, &v.increase) {
            // The running total: right after a 、 in this clause, or opening
            // one of the next two clauses.
            let mut starts: Vec<usize> = Vec::new();
            if let Some(rel) = doc.text[e..clause.end].find('、') {
                starts.push(e + rel + '、'.len_utf8());
            }
            starts.extend(clauses[k + 1..].iter().take(2).map(|c| c.start));
            for start in starts {
                let at = skip_space(doc.text, start);
                let Some(word) = starts_with_any(&doc.text[at..], &v.total) else {
                    continue;
                };
                let mut p = skip_space(doc.text, at + word.len());
                let paired = doc.text[p..].starts_with(RESPECTIVELY);
                if paired {
                    p = skip_space(doc.text, p + RESPECTIVELY.len());
                    if let Some(verb) = ["达到", "达", "为"]
                        .iter()
                        .find(|w| doc.text[p..].starts_with(**w))
                    {
                        p = skip_space(doc.text, p + verb.len());
                    }
                }
                let Some(first) = doc.quantity_at(p).filter(|q| q.kind.is_magnitude()) else {
                    break;
                };
                let new_end = if start > clause.end {
                    clause.end
                } else {
                    start
                };
                let news: Vec<_> = doc
                    .quantities_in(Span::new(e, new_end))
                    .iter()
                    .filter(|q| q.kind.is_magnitude() && q.same_family(first))
                    .collect();
                if paired {
                    let whole_clause = clauses.iter().find(|c| c.contains(p)).copied();
                    let wholes: Vec<_> = whole_clause
                        .map(|c| doc.quantities_in(Span::new(p, c.end)))
                        .unwrap_or_default()
                        .iter()
                        .filter(|q| q.kind.is_magnitude() && q.same_family(first))
                        .collect();
                    let said = doc.text[clause.start..e].contains(RESPECTIVELY)
                        || doc.text[e..new_end].contains(RESPECTIVELY);
                    if said && news.len() >= 2 && news.len() == wholes.len() {
                        for (part, whole) in news.iter().zip(&wholes) {
                            out.push(judge(doc, rule, whole, part));
                        }
                    }
                } else if let Some(part) = news.last() {
                    out.push(judge(doc, rule, first, part));
                }
                break;
            }
        }
    }
}

/// The word that pairs figures in order: 分别.
const RESPECTIVELY: &str = "分别";

/// `13 of the first 19 cases`: a count, `of`, and a count of the same kind.
fn k_of_n(doc: &Doc, rule: &Rule, out: &mut Vec<Claim>) {
    for sentence in doc.sentences_for(rule.lang, 2) {
        let qs = doc.quantities_in(sentence);
        for (i, part) in qs.iter().enumerate() {
            if part.kind != crate::lexer::QuantityKind::Count || part.unit.is_some() {
                continue;
            }
            let Some(whole) = qs.get(i + 1) else { continue };
            if whole.kind != part.kind || whole.unit.is_some() || !whole.same_family(part) {
                continue;
            }
            let gap = doc.text[part.end..whole.start].to_ascii_lowercase();
            let words: Vec<&str> = gap.split_whitespace().collect();
            let fits = match words[..] {
                ["of"] | ["of", "the"] => true,
                ["of", "the", w] => matches!(w, "first" | "last" | "remaining" | "total"),
                _ => false,
            };
            // The whole is a count of things, not a year or a label: a word
            // follows it (`19 cases`), not a figure's end of sentence alone.
            let after = doc.text[whole.end..sentence.end].trim_start();
            if fits && after.starts_with(|c: char| c.is_ascii_alphabetic()) {
                out.push(judge(doc, rule, whole, part));
            }
        }
    }
}
