//! `missing-number`: a place where a number must stand and none does, most
//! often because it was lost when the page was scraped.
//!
//! Four shapes, with words from the rule:
//! - a change with empty slots: `由人增加到人`, `由年的人增加到人`, `由增加到人`;
//! - a `verbs` word then a `measure` word: `达到个`, `划走个医疗机构`, or with a
//!   short noun between, the measure word ending the clause: `招聘医学类毕业生名,`.
//!   Before more text only a `before_noun` word (个: it begins no word; 张掖,
//!   人体 do), and after a noun only a `classifiers` word (名, 张: 大户 is a
//!   word), is sure; any other is a lost number only in a text that has
//!   surely lost another;
//! - `年` opening a clause with no year before it: `。年是“十四五”开局之年`
//!   always when `year_followed_by` words follow, otherwise only in a text
//!   that lost other numbers too (in a large file, the piece of 64 KiB the
//!   年 is in; never `年初`, `年底`: `year_not_followed_by`);
//! - an empty range in parentheses after a plan's title: `规划(-)`.
//!
//! Such a claim never holds: it is always a finding.

use super::{ends_with_any, skip_space, starts_with_any, Claim, Doc, Label, Role, Verdict};
use crate::lexer::numeral::is_numeral_char;
use crate::rules::{CheckKind, Rule};
use crate::text::Span;

/// Most characters of noun between a verb and its measure word (招聘…名).
const NOUN_REACH: usize = 8;

pub fn find(doc: &Doc, rule: &Rule) -> Vec<Claim> {
    let mut out = Vec::new();
    let mut covered: Vec<Span> = Vec::new();
    change_slots(doc, rule, &mut out, &mut covered);
    let mut weak = Vec::new();
    verb_measure(doc, rule, &covered, &mut out, &mut weak);
    empty_ranges(doc, rule, &mut out);
    // A measure word that may be part of a word is a lost number only in a
    // text that has surely lost another.
    if !out.is_empty() {
        out.append(&mut weak);
    }
    // A clause-initial 年 with an ordinary word after it is a lost year only in
    // a text that has lost other numbers: scraping loses them in bunches.
    let lossy = out.len() >= 2;
    lost_years(doc, rule, &covered, lossy, &mut out);
    out
}

fn claim(rule: &Rule, spans: Vec<Span>, message: String, help: &str) -> Claim {
    Claim {
        check: CheckKind::MissingNumber,
        rule: rule.id.clone(),
        labels: spans
            .into_iter()
            .map(|s| Label::new(Role::Missing, s))
            .collect(),
        verdict: Some(Verdict {
            primary: 0,
            message,
            expected: None,
            help: help.into(),
        }),
    }
}

use crate::text::is_han;

fn change_slots(doc: &Doc, rule: &Rule, out: &mut Vec<Claim>, covered: &mut Vec<Span>) {
    let v = &rule.vocabulary;
    let all = doc.span;
    for (s, e) in doc.occurrences(all, &v.from) {
        if doc.in_quantity(s) || !doc.in_lang(s, rule.lang) {
            continue;
        }
        let mut slots: Vec<Span> = Vec::new();
        let mut p = skip_space(doc.text, e);
        // A lost year: 由年的人…
        if doc.text[p..].starts_with("年的") {
            slots.push(Span::new(p, p + '年'.len_utf8()));
            p += "年的".len();
        }
        let verb_at = |p: usize| {
            starts_with_any(&doc.text[p..], &v.increase)
                .or_else(|| starts_with_any(&doc.text[p..], &v.decrease))
        };
        // The value before.
        if let Some(q) = doc.quantity_at(p) {
            p = q.end;
        } else if let Some(m) = starts_with_any(&doc.text[p..], &v.measure) {
            slots.push(Span::new(p, p + m.len()));
            p += m.len();
        } else if verb_at(p).is_some() {
            slots.push(Span::new(s, e));
        } else {
            continue;
        }
        p = skip_space(doc.text, p);
        let Some(verb) = verb_at(p) else {
            continue;
        };
        p += verb.len();
        let Some(to) = starts_with_any(&doc.text[p..], &v.to) else {
            continue;
        };
        p = skip_space(doc.text, p + to.len());
        // The value after.
        if let Some(q) = doc.quantity_at(p) {
            p = q.end;
        } else if let Some(m) = starts_with_any(&doc.text[p..], &v.measure) {
            if starts_with_any(&doc.text[p..], &v.not_after).is_some() {
                continue;
            }
            slots.push(Span::new(p, p + m.len()));
            p += m.len();
        } else {
            continue;
        }
        if slots.is_empty() {
            continue;
        }
        covered.push(Span::new(s, p));
        let phrase = crate::text::squeeze(&doc.text[s..p]);
        let n = slots.len();
        out.push(claim(
            rule,
            slots,
            format!(
                "{} missing in `{phrase}`",
                if n == 1 {
                    "a number is".to_string()
                } else {
                    format!("{n} numbers are")
                }
            ),
            "restore the figures that were lost, or rewrite the sentence",
        ));
    }
}

/// A verb then a measure word. A measure word that may begin a word (人体,
/// 张掖, 台湾) with text after it, or one that may end a noun (大户, 出户)
/// after a short noun, is a lost number only in a text that has lost others
/// (`weak`, kept by the caller when `out` is not empty).
fn verb_measure(
    doc: &Doc,
    rule: &Rule,
    covered: &[Span],
    out: &mut Vec<Claim>,
    weak: &mut Vec<Claim>,
) {
    let v = &rule.vocabulary;
    let all = doc.span;
    let not_after = &v.not_after;
    for (s, e) in doc.occurrences(all, &v.verbs) {
        if doc.in_quantity(s) || covered.iter().any(|c| c.contains(s)) || !doc.in_lang(s, rule.lang)
        {
            continue;
        }
        let p = skip_space(doc.text, e);
        // Immediately: 达到个, 划走个医疗机构.
        if let Some(m) = starts_with_any(&doc.text[p..], &v.measure) {
            if starts_with_any(&doc.text[p..], not_after).is_none() && doc.quantity_at(p).is_none()
            {
                let next = doc.text[p + m.len()..].chars().next();
                let ends_clause = next.is_none_or(|n| !is_han(n) || is_numeral_char(n));
                // A figure further on in the clause is the verb's number: the
                // measure word began a word (新增个转企 3000家).
                if !ends_clause && figure_ahead(doc, p + m.len()) {
                    continue;
                }
                let strong = ends_clause || v.before_noun.iter().any(|w| w == m);
                let found = claim(
                    rule,
                    vec![Span::new(p, p + m.len())],
                    format!("a number is missing before {m}"),
                    "restore the figure that was lost",
                );
                match strong {
                    true => out.push(found),
                    false => weak.push(found),
                }
            }
            continue;
        }
        // With a short noun between, the measure word ending the clause:
        // 招聘医学类毕业生名, / 新增康复床位张。
        let mut j = p;
        for _ in 0..NOUN_REACH {
            let Some(c) = doc.text[j..].chars().next() else {
                break;
            };
            if !is_han(c) || is_numeral_char(c) {
                break;
            }
            j += c.len_utf8();
            if let Some(m) = starts_with_any(&doc.text[j..], &v.measure) {
                let end = j + m.len();
                let next = doc.text[end..].chars().next();
                let ends_clause = next.is_none_or(|n| crate::text::is_clause_end(n) || n == '、');
                if ends_clause
                    && ends_with_any(&doc.text[..end], not_after).is_none()
                    && !doc.in_quantity(j)
                {
                    let found = claim(
                        rule,
                        vec![Span::new(j, end)],
                        format!("a number is missing before {m}"),
                        "restore the figure that was lost",
                    );
                    match v.classifiers.iter().any(|w| w == m) {
                        true => out.push(found),
                        false => weak.push(found),
                    }
                    break;
                }
            }
        }
    }
}

/// Whether a magnitude stands after `at` before the clause ends (within a
/// short reach).
fn figure_ahead(doc: &Doc, at: usize) -> bool {
    let rest = &doc.text[at..];
    // The comma of `20,121` groups digits, it ends no clause.
    let digit = |c: Option<char>| c.is_some_and(crate::lexer::arabic::is_digit);
    let end = rest
        .char_indices()
        .take(40)
        .find(|&(i, c)| {
            crate::text::is_clause_end(c)
                && !(digit(rest[..i].chars().next_back())
                    && digit(rest[i + c.len_utf8()..].chars().next()))
        })
        .map_or_else(
            || crate::text::floor_boundary(doc.text, (at + 120).min(doc.text.len())),
            |(i, _)| at + i,
        );
    doc.quantities_in(Span::new(at, end))
        .iter()
        .any(|q| q.kind.is_magnitude())
}

fn lost_years(doc: &Doc, rule: &Rule, covered: &[Span], lossy: bool, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    // Most 年 follow a year's digits, and are passed over by the character
    // before them.
    for p in doc.positions_of("年") {
        // A figure ending the line before is this 年's year, cut from it by a
        // line break (1999–2002\n年全国调查).
        let across = doc.text[..p].trim_end();
        if across.ends_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
            continue;
        }
        let before = doc.text[..p].trim_end_matches([' ', '\t', '\u{3000}']);
        let opens = match before.chars().next_back() {
            None => true,
            Some(c) => {
                c == '\n'
                    || c == '\r'
                    || crate::text::is_clause_end(c)
                    || matches!(c, '」' | '』' | '、')
                    || crate::text::is_close_paren(c)
            }
        };
        if !opens
            || doc.in_quantity(p)
            || covered.iter().any(|c| c.contains(p))
            || !doc.in_lang(p, rule.lang)
        {
            continue;
        }
        let after = &doc.text[p + '年'.len_utf8()..];
        match after.chars().next() {
            Some(c) if is_han(c) => {}
            _ => continue,
        }
        let strong = starts_with_any(after, &v.year_followed_by).is_some();
        if !strong && (!lossy || starts_with_any(after, &v.year_not_followed_by).is_some()) {
            continue;
        }
        out.push(claim(
            rule,
            vec![Span::new(p, p + '年'.len_utf8())],
            "the year before 年 is missing".into(),
            "restore the year that was lost",
        ));
    }
}

fn empty_ranges(doc: &Doc, rule: &Rule, out: &mut Vec<Claim>) {
    // Only opening brackets matter: find each by its bytes (a vectorised
    // search), not by reading every character.
    let text = doc.slice(doc.span);
    let mut at: Vec<usize> = crate::text::OPEN_PARENS
        .iter()
        .flat_map(|c| {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            memchr::memmem::find_iter(text.as_bytes(), bytes).collect::<Vec<_>>()
        })
        .collect();
    at.sort_unstable();
    for k in at {
        let p = doc.span.start + k;
        let Some(c) = text[k..].chars().next() else {
            continue;
        };
        if !doc.in_lang(p, rule.lang) {
            continue;
        }
        let inner_start = p + c.len_utf8();
        let rest = &doc.text[inner_start..];
        let Some(close) = rest
            .char_indices()
            .take(6)
            .find(|(_, c)| crate::text::is_close_paren(*c))
        else {
            continue;
        };
        let inner = rest[..close.0].trim();
        let titled = ends_with_any(&doc.text[..p], &rule.vocabulary.range_titles).is_some();
        if titled
            && !inner.is_empty()
            && inner
                .chars()
                .all(|c| matches!(c, '-' | '—' | '–' | '~' | '～' | '至'))
        {
            let end = inner_start + close.0 + close.1.len_utf8();
            out.push(claim(
                rule,
                vec![Span::new(p, end)],
                "the years of this range are missing".into(),
                "restore the range that was lost, e.g. (2021-2025)",
            ));
        }
    }
}
