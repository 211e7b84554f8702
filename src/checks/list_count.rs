//! `list-count`: a stated count and the items it names.
//!
//! Wordings recognised:
//! - a quoted name holding a count, after its items:
//!   `执法公示、执法全程记录和重大执法决定法制审核的“三项制度”`;
//! - a quoted name followed by its items in parentheses:
//!   `“两个关键”(疫情防控和深化医改)`, `“一办五中心”(即…)` (1 + 5 items);
//! - a count, a noun and `即` with the items: `2个医共体,即A和B`;
//! - a count and a noun right after an unquoted list in its clause:
//!   `机械、纺织、食品三大产业`, `生产资料和生活资料两大部类` (the list runs
//!   from the clause's start, or the last `的` or figure in it; a word before
//!   the count such as 共, 各, 的, 约 — the rule's `hedges` — makes it the
//!   count of something else);
//! - names and values: `A、B和C分别为x、y、z`.
//!
//! Items are split at `、`; `和`/`及`/`与` may or may not join two items
//! (`健康扶贫与乡村振兴战略衔接` is one item; `A与B、C与D、E与F` is three pairs),
//! so every reading is tried and the claim fails only when none gives the
//! stated count; a connector inside a word (`及时`, `普及率`, the rule's
//! `not_markers`) joins nothing. A list ending in `等`, or whose last item
//! runs on after `等` (`A、B等重点领域`), is never complete and is not checked;
//! items that are figures (`包括16个…、8个…`) are parts of a sum, not names.
//! A quoted name counts only two or more; a compound name (`一国两制`,
//! `五险一金`) and a name right after a verb (the rule's `verbs`: `共建“一带一
//! 路”`, `加快“三个中心”建设`) count no list before them; a classifier
//! followed by a numeral (`五个一工程`) is a set phrase.
//!
//! English: the count's noun runs up to six words and ends at a clause word
//! (`why`, `which`: `not_markers`); `of`, a preposition, an article or a verb
//! (`verbs`) may stand in it before a colon only (`five services were
//! unified: …`), as a bracket or a comma after them belongs to what follows
//! them (`stripes of red (top and bottom)`, `29 airports in five departments
//! (…)`). No claim for a duration or a size (`measure`: `every 10 days (…)`),
//! a bound or a pick (`hedges`, `not_after`: `any two (…)`, `two or more`), a
//! number in a name (`COVID‐19`, `Radio 4`, a title). A noun of seven or
//! eight words must end at a colon. After a pick (`one of three symptoms:
//! …`) a list as long as the pick is no claim; after `of`, a bracket must list
//! three items or more (`rows of six stars (top and bottom)` places the
//! rows). Items are split at commas outside brackets; a list with an example
//! word anywhere outside brackets, a plain count or amount outside brackets
//! (`three visits: 1 in May and 2 in June` are parts; years, rates and sizes
//! are items), markup, a semicolon or a dash, brackets that do not close, a
//! connector before a middle item or in one (`A, B and C, defined as …`: the
//! list may end there, unless an Oxford comma goes on), or none before its
//! last (an address, a gloss) is not counted, except a list of three short
//! names or more ending a record's line (`five councils: A, B, C, D, E`).
//! `i.e.` opens a list, it is no item. No claim either from a count followed
//! by `of` (`Six of the reports …:`) or one before `the following <noun>:`,
//! after a sign (`≥2`), from a bracket that opens with a connector or
//! `either` or holds a gloss (`8 binary (yes or no) criteria`), from a list
//! after a colon with no comma that a semicolon cuts, nor, after a
//! preposition, from a list as long as another count before it (`Three
//! sites … in the 8 site groups: A, B, and C`). An item joining words with a
//! connector makes the others' connectors ambiguous too: n or n + 1 items.

use super::{chars_between, skip_space, starts_with_any, Claim, Doc, Label, Role, Verdict};
use crate::lexer::numeral::{self, is_numeral_char};
use crate::rules::{CheckKind, Rule};
use crate::text::Span;
use std::collections::BTreeSet;

mod clauses;
mod numbered;
mod outline;

/// Words before a count that make it the object of a preposition.
const PREPOSITIONS: &[&str] = &[
    "of", "in", "by", "across", "among", "into", "within", "for", "with", "from", "at", "on", "to",
];

/// Bytes at most before a count searched for another count its list may be.
const OTHER_COUNT_REACH: usize = 300;
/// Bytes at most after a count searched for `the following …:`.
const FOLLOWING_REACH: usize = 240;

/// Largest count a list claim is checked for.
const MAX_COUNT: u32 = 30;

/// How far before 分别 its names may begin, in bytes (200 Chinese
/// characters, or a list of some forty names).
const NAMES_REACH: usize = 600;

pub fn find(doc: &Doc, rule: &Rule) -> Vec<Claim> {
    let mut out = Vec::new();
    if rule.lang == Some(crate::text::Lang::En) {
        english(doc, rule, &mut out);
        return out;
    }
    quoted_names(doc, rule, &mut out);
    unquoted_counts(doc, rule, &mut out);
    that_is(doc, rule, &mut out);
    respectively(doc, rule, &mut out);
    outlined(doc, rule, &mut out);
    out
}

/// Words right before a count whose items follow on lines of their own
/// (`下列三种情形`).
const FOLLOWING: &[&str] = &["下列", "以下", "如下"];

/// A count on a line ending in a colon, its items on the lines after it
/// (`outline.rs`): `具有下列三种情形的,…:` `(一)…` `(二)…` `(三)…`.
fn outlined(doc: &Doc, rule: &Rule, out: &mut Vec<Claim>) {
    for colon in doc.positions_of("：").chain(doc.positions_of(":")) {
        if !doc.in_lang(colon, rule.lang) {
            continue;
        }
        let colon_end = colon + doc.text[colon..].chars().next().map_or(1, char::len_utf8);
        // A cheap look first: the colon ends its line.
        if !doc.text[colon_end..]
            .trim_start_matches([' ', '\t', '\u{3000}'])
            .starts_with(['\n', '\r'])
        {
            continue;
        }
        // The sentence the colon ends, on its line.
        let line_start = doc.text[..colon]
            .rfind(['\n', '。', '；', ';'])
            .map_or(0, |i| {
                i + doc.text[i..].chars().next().map_or(1, char::len_utf8)
            });
        let line = Span::new(line_start.max(doc.span.start), colon);
        let head = doc.slice(line);
        let counts: Vec<(&crate::lexer::Quantity, u32)> = doc
            .quantities_in(line)
            .iter()
            .filter(|q| {
                q.unit
                    .is_some_and(|u| rule.vocabulary.classifiers.iter().any(|c| c == u))
            })
            .filter_map(|q| Some((q, stated_count(q)?)))
            .filter(|(q, _)| {
                let before = &doc.text[line.start..q.start];
                // 下列三种情形, or 四个基点是: (the noun runs to the colon).
                FOLLOWING.iter().any(|w| before.ends_with(w)) || {
                    let rest = doc.text[q.end..colon].trim_end_matches(['是', '为']);
                    !rest.is_empty() && rest.chars().count() <= 8 && rest.chars().all(is_han)
                }
            })
            .collect();
        let [(q, count)] = counts.as_slice() else {
            continue;
        };
        if head.contains('\n') {
            continue;
        }
        let Some(r) = outline::read(doc, colon_end) else {
            continue;
        };
        out.push(judge(rule, Span::new(q.start, q.end), *count, r));
    }
}

/// English: `three measures: A, B and C`, `four priorities (A, B, C and D)`,
/// `two medical alliances, namely A and B`, `The two hospitals, A and B, now …`.
fn english(doc: &Doc, rule: &Rule, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    for sentence in doc.sentences_for(rule.lang, 1) {
        let text = doc.text;
        let end_of_sentence = sentence.start
            + doc
                .slice(sentence)
                .trim_end()
                .trim_end_matches(['.', '!', '?', ';'])
                .len();
        for q in doc.quantities_in(sentence) {
            if q.unit.is_some() {
                continue;
            }
            let Some(count) = stated_count(q) else {
                continue;
            };
            // three-year plan: a modifier, not a count; the five in "three of
            // the five regions" or "of these three foods" is a whole, not the
            // count of the list after it; "any two", "at least two", "two or
            // more" pick from a list, they do not count it.
            let before = crate::text::tail_lower(text, q.start, 64);
            let before_det = ["the", "these", "those", "all"]
                .iter()
                .find(|d| super::word_before(&before, d))
                .map_or(before.as_str(), |d| {
                    before[..before.len() - d.len()].trim_end()
                });
            let after = super::range(text, skip_space(text, q.end), end_of_sentence);
            // After `of` or `in` the count may still name a list that a
            // colon or a dash opens (`a combination of three types: …`), but
            // not when a figure picks from it (`one of two amounts: …`); `a
            // total of 11 states (…)` counts its list.
            let of_in =
                super::word_before(before_det, "of") || super::word_before(before_det, "in");
            let total_of = super::word_before(before_det, "total of");
            // (A year is no pick: `In 1999, a total of 11 states (…)`.)
            // `one of three symptoms: A, B, or C`: the list may be the
            // three or the one picked; a list as long as the pick is no
            // claim.
            let pick = of_in
                .then(|| doc.quantities_in(Span::new(sentence.start, q.start)).last())
                .flatten()
                .filter(|p| p.kind.is_checkable())
                .filter(|p| {
                    let between = text[p.end..q.start].trim();
                    between.len() <= 12
                        && between.split_whitespace().any(|w| w == "of" || w == "in")
                })
                .map(|p| {
                    let exact = p.kind == crate::lexer::QuantityKind::Count
                        && p.interval.is_exact()
                        && p.approx.is_none();
                    p.value.to_integer().to_u32().filter(|_| exact)
                });
            // `Six of the reports related to …:` picks from its noun; `30
            // days, … as follows:` measures; `Eleven interventions met the
            // following criteria:` counts another noun than the list's.
            let first_word = after
                .split(|c: char| !c.is_ascii_alphabetic())
                .next()
                .unwrap_or("");
            let near =
                &after[..crate::text::floor_boundary(after, after.len().min(FOLLOWING_REACH))];
            let following = near.find(':').is_some_and(|k| {
                let mut words = near[..k].split_whitespace();
                words.any(|w| w.eq_ignore_ascii_case("following")) && words.next().is_some()
            });
            // `Three cancer sites were not represented in the 8 site groups:
            // …`: after a preposition, the list may be that of a count
            // before it in the sentence; a list as long as one is no claim.
            let after_preposition = PREPOSITIONS
                .iter()
                .any(|p| super::word_before(before_det, p));
            let counts_another = |r: &Reading| {
                let from = crate::text::ceil_boundary(
                    text,
                    q.start
                        .saturating_sub(OTHER_COUNT_REACH)
                        .max(sentence.start),
                );
                after_preposition
                    && doc
                        .quantities_in(Span::new(from, q.start))
                        .iter()
                        .filter(|p| {
                            p.kind == crate::lexer::QuantityKind::Count
                                && p.unit.is_none()
                                && chars_between(text, p.end, q.start) > 12
                        })
                        .filter_map(stated_count)
                        .any(|o| r.counts.contains(&o))
            };
            // `≥2 products: …` is a bound.
            if super::cited::after_comparison(doc, q.start)
                || first_word.eq_ignore_ascii_case("of")
                || v.measure.iter().any(|m| m.eq_ignore_ascii_case(first_word))
                || following
            {
                continue;
            }
            if text[q.end..].starts_with('-')
                || pick == Some(None)
                || v.hedges.iter().any(|h| super::word_before(&before, h))
                || v.not_after.iter().any(|w| super::word_at(after, w))
                || named_number(text, sentence.start, q.start)
            {
                continue;
            }
            // `five ranges to reflect the number of votes …: (1) …; (2) …`:
            // numbered items after a colon count the one count before it,
            // however long its noun.
            if let Some(r) = far_numbered(doc, q.end, end_of_sentence) {
                if !pick.flatten().is_some_and(|p| r.counts.contains(&p)) && !counts_another(&r) {
                    out.push(judge(rule, Span::new(q.start, q.end), count, r));
                }
                continue;
            }
            // The noun phrase: up to six words of letters. A function word
            // (a preposition, a verb, `why`) ends it before any list: what
            // follows is about something else (`the 7 days before the
            // survey, by age and sex`). A word of time or measure makes the
            // figure a duration or a size (`every 10 days (…)`, `18 gauge`).
            let mut p = q.end;
            let mut nouns: Vec<String> = Vec::new();
            let mut colon_only = false;
            loop {
                let rest = &text[p..end_of_sentence];
                let t = rest.trim_start_matches(' ');
                let w: String = t
                    .chars()
                    .take_while(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '\''))
                    .collect();
                if !w.chars().any(|c| c.is_ascii_alphabetic())
                    || nouns.len() >= 8
                    || v.examples.iter().any(|e| e.eq_ignore_ascii_case(&w))
                    || v.that_is.iter().any(|e| e.eq_ignore_ascii_case(&w))
                    || v.not_markers.iter().any(|e| e.eq_ignore_ascii_case(&w))
                {
                    break;
                }
                p += rest.len() - t.len() + w.len();
                if v.verbs.iter().any(|e| e.eq_ignore_ascii_case(&w)) {
                    colon_only = true;
                }
                nouns.push(w);
            }
            if nouns.is_empty()
                || nouns
                    .iter()
                    .any(|w| v.measure.iter().any(|m| m.eq_ignore_ascii_case(w)))
                || (nouns.len() > 1
                    && nouns
                        .iter()
                        .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase())))
            {
                continue;
            }
            let lead_at = skip_space(text, p);
            // A reference after the noun (`three tiers (14): …`) is passed over.
            let lead_at = doc
                .reference_end(lead_at)
                .filter(|&r| r <= end_of_sentence)
                .map_or(lead_at, |r| skip_space(text, r));
            // (Spaces may run past the sentence's end: found by fuzzing.)
            let Some(lead) = text
                .get(lead_at..end_of_sentence)
                .and_then(|t| t.chars().next())
            else {
                continue;
            };
            // "bands of blue (top and bottom)", "doses of Havrix (maker,
            // city)", "2 years were stratified (i.e., …)": a parenthesis or an
            // apposition belongs to what follows "of" or a verb, not to the
            // count's noun.
            let dash = dash_at(&text[lead_at..end_of_sentence]);
            // A noun of more than six words must end at a colon (`1 of 3
            // phases of the West African epidemic curve: …`).
            if (colon_only || nouns.len() > 6) && lead != ':' {
                continue;
            }
            // After `in` a bracket may list what comes before (`29 airports
            // in five departments (…)`); after `of` it lists the count's own
            // noun (`the use of six substances (A, B, …)`).
            let in_only = super::word_before(before_det, "in");
            if of_in && in_only && !total_of && lead != ':' && dash.is_none() {
                continue;
            }
            if of_in && !total_of && !matches!(lead, ':' | '(') && dash.is_none() {
                continue;
            }
            let mut items_start = lead_at + lead.len_utf8();
            // `six steps: 1) …; 2) …`: the markers count the items.
            let numbered = (lead == ':')
                .then(|| numbered::read(doc, items_start))
                .flatten();
            // `5 themes emerged: A and B (n = 25); C (n = 19); …`: a list
            // after a colon that a semicolon cuts with no comma in it runs
            // on past the semicolon, its items parted by semicolons.
            let cut = doc.slice(sentence).trim_end().ends_with([';', '；'])
                && comma_segments(&text[items_start..end_of_sentence])
                    .is_some_and(|s| s.len() == 1);
            if lead == ':' && numbered.is_none() && cut {
                continue;
            }
            let readings: Option<Reading> = match lead {
                ':' if numbered.is_some() => numbered,
                // `three forces – A, B, and C –`: up to the same dash again.
                _ if dash.is_some() => {
                    let d = dash.unwrap_or_default();
                    let from = lead_at + d.len();
                    text[from..end_of_sentence]
                        .find(d)
                        .and_then(|k| read_english(doc, Span::new(from, from + k), v))
                }
                // (A colon inside brackets: the list ends where they close.)
                ':' => {
                    let rest = &text[items_start..end_of_sentence];
                    let end = closing_paren(rest).unwrap_or(rest.len());
                    read_english(doc, Span::new(items_start, items_start + end), v).or_else(|| {
                        // A record's list ending its line may have no
                        // `and` (`five councils: A, B, C, D, E`).
                        let line = rest.find('\n').unwrap_or(rest.len());
                        (line == rest.len() || rest[line..].trim_start().contains(':'))
                            .then(|| {
                                read_record_list(doc, Span::new(items_start, items_start + line), v)
                            })
                            .flatten()
                    })
                }
                '(' => closing_paren(&text[items_start..end_of_sentence])
                    .and_then(|k| read_english(doc, Span::new(items_start, items_start + k), v)),
                ',' => {
                    let after = skip_space(text, items_start);
                    let namely = super::word_at(&text[after..], "namely");
                    if namely {
                        items_start = after + "namely".len();
                    }
                    // The appositive form needs "the two hospitals,".
                    let determined = ["the", "these", "its", "their", "our"]
                        .iter()
                        .any(|d| before.ends_with(d));
                    if !namely && !determined {
                        continue;
                    }
                    read_appositive(doc, Span::new(items_start, end_of_sentence), v, namely)
                }
                _ => None,
            };
            let Some(r) = readings else { continue };
            if pick.flatten().is_some_and(|p| r.counts.contains(&p)) || counts_another(&r) {
                continue;
            }
            // A pair in a bracket after `of` may place what comes before
            // (`rows of six stars (top and bottom)`); a longer list names
            // the count's own noun.
            if of_in && !total_of && lead == '(' && r.items.len() < 3 {
                continue;
            }
            // A bracket opening with a connector or `either` is an aside
            // (`(either A or B data)`, `(and therefore …)`); a pair in one
            // after a count of four or more, as alternatives or inside the
            // noun, glosses a word (`8 binary (yes or no) quality
            // criteria`): no list of the count's.
            if lead == '(' {
                let inner = &text[items_start..end_of_sentence];
                let close = closing_paren(inner).unwrap_or(inner.len());
                let inner_lower = inner[..close].trim_start().to_ascii_lowercase();
                let aside = super::word_at(&inner_lower, "either")
                    || v.connectors.iter().any(|c| super::word_at(&inner_lower, c));
                // (`yes or no`: `or` before the last word.)
                let alternatives = inner_lower.split_whitespace().rev().nth(1) == Some("or");
                let noun_goes_on = inner
                    .get(close + 1..)
                    .map(str::trim_start)
                    .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_lowercase()));
                let gloss = r.items.len() <= 2 && count >= 4 && (alternatives || noun_goes_on);
                if aside || gloss {
                    continue;
                }
            }
            out.push(judge(rule, Span::new(q.start, q.end), count, r));
        }
    }
}

/// Numbered items (`numbered.rs`) after the first colon past a count ending
/// at `end`: at most 240 bytes on, no figure, semicolon or bracket between.
fn far_numbered(doc: &Doc, end: usize, end_of_sentence: usize) -> Option<Reading> {
    let limit = crate::text::floor_boundary(doc.text, (end + 240).min(end_of_sentence));
    let colon = end + doc.text.get(end..limit)?.find(':')?;
    let between = &doc.text[end..colon];
    if between.contains([';', '(', ')']) || !doc.quantities_in(Span::new(end, colon)).is_empty() {
        return None;
    }
    numbered::read(doc, colon + 1)
}

/// The dash that opens `s`, if any: an en or em dash, or `--`.
fn dash_at(s: &str) -> Option<&'static str> {
    ["--", "\u{2013}", "\u{2014}"]
        .into_iter()
        .find(|d| s.starts_with(d))
}

/// Whether the figure at `at` is part of a name: glued to a word by a hyphen
/// (`COVID‐19`), after a capitalised word inside the sentence (`Radio 4`,
/// `Apollo 13`), or itself a capitalised number word inside it (`the film
/// Three Kings`).
fn named_number(text: &str, sentence_start: usize, at: usize) -> bool {
    let head = &text[sentence_start..at];
    let mut back = head.chars().rev();
    if let (Some(h), Some(w)) = (back.next(), back.next()) {
        if matches!(h, '-' | '\u{2010}' | '\u{2011}') && w.is_alphanumeric() {
            return true;
        }
    }
    let trimmed = head.trim_end();
    let prev_start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let prev = &trimmed[prev_start..];
    let inside = !trimmed[..prev_start].trim().is_empty();
    let capital = |s: &str| s.starts_with(|c: char| c.is_uppercase());
    let count_word_capital = capital(&text[at..]) && !trimmed.is_empty();
    let after_colon = trimmed.ends_with(crate::text::is_colon);
    (inside && capital(prev) && prev != "I")
        || (count_word_capital && !after_colon && text[at..].starts_with(char::is_alphabetic))
}

/// The length of `text` up to the parenthesis that closes one opened just
/// before it, nested ones skipped.
fn closing_paren(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        if crate::text::is_open_paren(c) {
            depth += 1;
        } else if crate::text::is_close_paren(c) {
            if depth == 0 {
                return Some(i);
            }
            depth -= 1;
        }
    }
    None
}

/// Items of an English list: split at commas outside parentheses, the last
/// at `and`. A list of examples (`including …` anywhere in it), with figures,
/// markup, a semicolon or a dash in it, with brackets that do not close, or
/// with no `and`/`or` before its last item (an address, a gloss: `(maker,
/// city, country)`) is no list to count.
fn read_english(doc: &Doc, span: Span, v: &crate::rules::Vocabulary) -> Option<Reading> {
    let mut span = span;
    // "(i.e., A and B)", ": namely A and B": the list follows.
    let t = doc.slice(span).trim_start();
    if let Some(w) = v
        .that_is
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_ascii_alphabetic()))
        .find(|w| super::word_at(t, w))
    {
        let s = span.end - t.len() + w.len();
        let s = s + doc.text[s..span.end].len()
            - doc.text[s..span.end].trim_start_matches([',', ' ']).len();
        span = Span::new(s, span.end);
    }
    let text = doc.slice(span);
    if figures_in_items(doc, span, v) || not_plain(text) {
        return None;
    }
    let segments = comma_segments(text)?;
    if segments
        .iter()
        .any(|&(a, b)| outside_parens_has(&text[a..b], &v.examples))
    {
        return None;
    }
    items_of(span, text, &segments, v)
}

/// Whether `span` holds a figure that may count parts of what the list
/// counts (`three cases: 1 in May and 2 in June`): a plain count or an
/// amount outside brackets. Years, rates, ranges and sizes (`two sizes:
/// 1.5 inches and 3 inches`) name items; a bracket's figures are asides or
/// references (`(on July 12 only)`, `(14,15)`).
fn figures_in_items(doc: &Doc, span: Span, v: &crate::rules::Vocabulary) -> bool {
    use crate::lexer::QuantityKind as K;
    doc.quantities_in(span).iter().any(|q| {
        let depth = doc.text[span.start..q.start]
            .chars()
            .fold(0i32, |d, c| match c {
                c if crate::text::is_open_paren(c) => d + 1,
                c if crate::text::is_close_paren(c) => d - 1,
                _ => d,
            });
        let size = {
            let next = doc.text[q.end..span.end].trim_start();
            let w: String = next.chars().take_while(char::is_ascii_alphabetic).collect();
            v.measure.iter().any(|m| m.eq_ignore_ascii_case(&w))
        };
        depth <= 0 && matches!(q.kind, K::Count | K::Amount) && !size
    })
}

/// A list ending a record's line with no connector before its last item:
/// three items or more, each a short name with no figure outside brackets.
fn read_record_list(doc: &Doc, span: Span, v: &crate::rules::Vocabulary) -> Option<Reading> {
    let text = doc.slice(span);
    if figures_in_items(doc, span, v) || not_plain(text) {
        return None;
    }
    let segments = comma_segments(text)?;
    if segments.len() < 3 {
        return None;
    }
    let mut items = Vec::new();
    for &(a, b) in &segments {
        let seg = text[a..b].trim();
        let words = seg.split_whitespace().count();
        if words == 0 || words > 6 || seg_has_and(seg, v) || outside_parens_has(seg, &v.examples) {
            return None;
        }
        items.push(Span::new(span.start + a, span.start + b));
    }
    let counts = BTreeSet::from([items.len() as u32]);
    Some(Reading { items, counts })
}

/// Markup (`<em>`), a semicolon or a dash between words: a list of another
/// shape (groups, glosses, label and value), which commas do not cut into
/// its items.
fn not_plain(text: &str) -> bool {
    text.contains(" - ")
        || text.contains(" -- ")
        || text.contains('\u{2013}')
        || text.contains('\u{2014}')
        || text.contains(';')
        || text
            .match_indices('<')
            .any(|(i, _)| text[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/'))
}

/// Whether one of `words` stands whole in `text` outside parentheses.
fn outside_parens_has(text: &str, words: &[String]) -> bool {
    let mut depth = 0usize;
    let mut prev_alnum = false;
    for (i, c) in text.char_indices() {
        if crate::text::is_open_paren(c) {
            depth += 1;
        } else if crate::text::is_close_paren(c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && !prev_alnum && words.iter().any(|w| super::word_at(&text[i..], w)) {
            return true;
        }
        prev_alnum = c.is_alphanumeric();
    }
    false
}

/// The appositive list of `The two hospitals, A and B, now share …`: it runs
/// to a segment holding `and`, then a comma (or the end after `namely`). Every
/// such ending is a reading.
fn read_appositive(
    doc: &Doc,
    span: Span,
    v: &crate::rules::Vocabulary,
    namely: bool,
) -> Option<Reading> {
    let text = doc.slice(span);
    let segments = comma_segments(text)?;
    let mut counts = BTreeSet::new();
    let mut items = Vec::new();
    for k in 0..segments.len() {
        let (a, b) = segments[k];
        let seg = &text[a..b];
        if !doc
            .quantities_in(Span::new(span.start + a, span.start + b))
            .is_empty()
            || not_plain(seg)
            || outside_parens_has(seg, &v.examples)
        {
            break;
        }
        let closes = k + 1 < segments.len() || namely;
        if seg_has_and(seg, v) && closes {
            if let Some(r) = items_of(span, text, &segments[..=k], v) {
                if items.is_empty() {
                    items = r.items.clone();
                }
                counts.extend(r.counts);
            }
        }
    }
    (!counts.is_empty()).then_some(Reading { items, counts })
}

fn seg_has_and(seg: &str, v: &crate::rules::Vocabulary) -> bool {
    v.connectors
        .iter()
        .any(|c| seg.split_whitespace().any(|w| w.eq_ignore_ascii_case(c)))
}

/// Byte ranges of the comma-separated segments of `text`, commas inside
/// parentheses left alone (`violence (e.g., war, terrorism), …`); `None`
/// when its parentheses do not close.
fn comma_segments(text: &str) -> Option<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        if crate::text::is_open_paren(c) {
            depth += 1;
        } else if crate::text::is_close_paren(c) {
            depth = depth.checked_sub(1)?;
        } else if depth == 0 && crate::text::is_comma(c) {
            out.push((start, i));
            start = i + c.len_utf8();
        }
    }
    out.push((start, text.len()));
    (depth == 0).then_some(out)
}

/// Counts the items of comma segments: the last splits at its `and`; a
/// leading `and` (Oxford comma) is dropped. Items are short (eight words).
/// A list ends at its connector: one that opens an earlier segment (`A, B,
/// and C in New York, New York`) leaves commas that are not the list's, and
/// a last item with no connector (`(maker, city, country)`) no list at all.
fn items_of(
    span: Span,
    text: &str,
    segments: &[(usize, usize)],
    v: &crate::rules::Vocabulary,
) -> Option<Reading> {
    let mut items = Vec::new();
    let mut joins_last = 0;
    let mut middle_and = false;
    for (k, &(a, b)) in segments.iter().enumerate() {
        // (A comma inside quotes leaves their close on the next item:
        // `“view maps,” “view graphs,” and “view trends”`.)
        let seg = text[a..b]
            .trim()
            .trim_start_matches(CLOSE_QUOTES)
            .trim_start();
        let last = k + 1 == segments.len();
        // "A, B, and C and D": after an Oxford comma the last item is whole.
        let oxford = v.connectors.iter().find_map(|c| {
            seg.strip_prefix(c.as_str())
                .filter(|r| r.starts_with(char::is_whitespace))
        });
        if let Some(rest) = oxford {
            if !last {
                return None;
            }
            if rest.trim().is_empty() || rest.split_whitespace().count() > 24 {
                return None;
            }
            items.push(Span::new(span.start + a, span.start + b));
            joins_last = 1;
            break;
        }
        let ands = seg
            .split_whitespace()
            .filter(|w| v.connectors.iter().any(|c| w.eq_ignore_ascii_case(c)))
            .count();
        if seg.is_empty() || seg.split_whitespace().count() > 8 * (1 + ands) {
            return None;
        }
        if last {
            joins_last = ands as u32;
        } else if ands > 0 && k + 2 == segments.len() && segments.len() > 2 {
            // `A, B and C, defined as …`: the list may end at the item
            // before the last or run on past it; which, nothing says. An
            // Oxford comma after it says the list runs on (`A, B in the
            // center and east, and C`): that item may hold a pair.
            if !starts_with_connector(&text[segments[k + 1].0..segments[k + 1].1], v) {
                return None;
            }
            middle_and = true;
        } else if ands > 0 && has_bare_connector(seg, v) {
            // `Hispanic and non-Hispanic whites, blacks, and others`: an
            // earlier item may hold a pair too (not one in its brackets:
            // `physical risks (e.g., heat and storms)`).
            middle_and = true;
        }
        items.push(Span::new(span.start + a, span.start + b));
    }
    if joins_last == 0 {
        return None;
    }
    // Counted: with an Oxford comma the items as they stand, else the last
    // split at its connector(s), every way.
    let n = items.len() as u32;
    let oxford_last = segments.len() > 1
        && starts_with_connector(
            &text[segments[segments.len() - 1].0..segments[segments.len() - 1].1],
            v,
        );
    let mut counts = BTreeSet::new();
    if oxford_last {
        counts.insert(n);
        if middle_and {
            counts.insert(n + 1);
        }
    } else {
        for extra in 1..=joins_last {
            counts.insert(n + extra);
        }
        // An earlier item joins words with a connector (`ancestry or
        // national origins, …, education or income level`): the last one
        // may too.
        if middle_and {
            counts.insert(n);
        }
    }
    Some(Reading { items, counts })
}

/// Whether `seg` opens with a connector word (`and C`, an Oxford comma's).
/// Whether `seg` holds a connector outside brackets.
fn has_bare_connector(seg: &str, v: &crate::rules::Vocabulary) -> bool {
    let mut depth = 0usize;
    let mut bare = String::new();
    for c in seg.chars() {
        if crate::text::is_open_paren(c) {
            depth += 1;
        } else if crate::text::is_close_paren(c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            bare.push(c);
        }
    }
    bare.split_whitespace()
        .any(|w| v.connectors.iter().any(|c| w.eq_ignore_ascii_case(c)))
}

/// Quotes that close, left at an item's start by a comma inside them.
const CLOSE_QUOTES: &[char] = &['”', '’', '"', '\''];

fn starts_with_connector(seg: &str, v: &crate::rules::Vocabulary) -> bool {
    v.connectors.iter().any(|c| {
        seg.trim()
            .trim_start_matches(CLOSE_QUOTES)
            .trim_start()
            .strip_prefix(c.as_str())
            .is_some_and(|r| r.starts_with(char::is_whitespace))
    })
}

/// The ways a list can be read: how many items, under each reading.
struct Reading {
    items: Vec<Span>,
    counts: BTreeSet<u32>,
}

/// Splits `span` into items at `、` and counts them under each reading of
/// the connectors. `None` when an item is empty or the list ends in 等.
fn read_list(doc: &Doc, span: Span, rule: &Rule) -> Option<Reading> {
    let connectors: Vec<&str> = rule
        .vocabulary
        .connectors
        .iter()
        .map(String::as_str)
        .filter(|c| *c != "、")
        .collect();
    let text = doc.slice(span);
    let mut items = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '、' {
            items.push((start, i));
            start = i + c.len_utf8();
        }
    }
    items.push((start, text.len()));
    let mut spans = Vec::new();
    let mut joined_in = Vec::new();
    for (k, &(a, b)) in items.iter().enumerate() {
        let item = text[a..b].trim();
        if item.is_empty() {
            return None;
        }
        // A、B等 is never complete, nor is A、B等重点领域 (B and other areas).
        if item.ends_with('等') || (k + 1 == items.len() && item.contains('等')) {
            return None;
        }
        let joins = connectors_in(item, &connectors, &rule.vocabulary.not_markers);
        if joins > 1 {
            return None; // A和B的X和Y: too many readings to count
        }
        joined_in.push(joins);
        spans.push(Span::new(span.start + a, span.start + b));
    }
    // A、B和C is three items: the connector in the last item splits it. One in
    // an earlier item may or may not (健康扶贫与乡村振兴战略衔接 is one item);
    // where one does not, the last item's may not either (A与B、C与D、E与F
    // are three pairs).
    let n = spans.len() as u32;
    let mut counts = BTreeSet::new();
    counts.insert(n + joined_in.last().copied().unwrap_or(0));
    counts.insert(n + joined_in.iter().sum::<u32>());
    if joined_in[..joined_in.len() - 1].iter().any(|&j| j > 0) {
        counts.insert(n);
    }
    Some(Reading {
        items: spans,
        counts,
    })
}

/// How many connectors join words in `item`: the longest at each place, none
/// that is part of a word (`及时`, `普及率`, `参与`).
fn connectors_in(item: &str, connectors: &[&str], not_markers: &[String]) -> u32 {
    let mut n = 0;
    let mut i = 0;
    while i < item.len() {
        let here = connectors
            .iter()
            .filter(|c| item[i..].starts_with(**c))
            .max_by_key(|c| c.len());
        match here {
            Some(c) if !super::inside_word(item, i, i + c.len(), not_markers) => {
                n += 1;
                i += c.len();
            }
            _ => i += item[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    n
}

/// The count a quoted name states: `三项制度` 3, `六统一` 6 (with 统一 among
/// the classifiers), `一办五中心` 6; `None` for set phrases such as `两票制`.
/// The second value tells a compound name (`一办五中心`, but also `五险一金`,
/// `一国两制`, `一带一路`): it counts what it names only where it is spelt
/// out after it. A classifier followed by a numeral (`五个一工程`, `两个一百年`)
/// counts ones, not items: a set phrase.
fn name_count(name: &str, rule: &Rule) -> Option<(u32, bool)> {
    if !name.starts_with(|c: char| is_numeral_char(c)) {
        return None;
    }
    let first_numeral = numeral::parse(name).filter(|n| n.chinese && !n.fraction)?;
    let first = first_numeral.value.to_integer().to_u32()?;
    let rest = &name[first_numeral.len..];
    if let Some(c) = starts_with_any(rest, &rule.vocabulary.classifiers) {
        if rest[c.len()..].starts_with(|c: char| is_numeral_char(c)) {
            return None;
        }
        return Some((first, false));
    }
    // 五位一体 is five things made one.
    if rest == "位一体" {
        return Some((first, false));
    }
    // 一办五中心: one character of noun, a second numeral and a noun count
    // both. Any other name without a classifier (两票制, 四早) is a set
    // phrase, not a count.
    let mut chars = rest.char_indices();
    let (_, noun) = chars.next()?;
    let (i, _) = chars.next()?;
    if !is_han(noun) || is_numeral_char(noun) {
        return None;
    }
    let second = numeral::parse(&rest[i..]).filter(|n| n.chinese && !n.fraction)?;
    let after = &rest[i + second.len..];
    if after.is_empty() || !after.chars().all(|c| is_han(c) && !is_numeral_char(c)) {
        return None;
    }
    Some((first + second.value.to_integer().to_u32()?, true))
}

use crate::text::is_han;

fn quoted_names(doc: &Doc, rule: &Rule, out: &mut Vec<Claim>) {
    let text = doc.text;
    for open in doc.positions_of("“") {
        if !doc.in_lang(open, rule.lang) {
            continue;
        }
        let inner_start = open + '“'.len_utf8();
        let window = &text[inner_start..crate::text::floor_boundary(text, inner_start + 200)];
        let Some(close_rel) = window.find(['”', '“']) else {
            continue;
        };
        if !text[inner_start + close_rel..].starts_with('”') || close_rel > 30 {
            continue;
        }
        let inner = &text[inner_start..inner_start + close_rel];
        // A count of one (“一张图”, “一件事”) is what a list is made into,
        // not how many it holds.
        let Some((count, compound)) =
            name_count(inner, rule).filter(|(c, _)| (2..=MAX_COUNT).contains(c))
        else {
            continue;
        };
        let close = inner_start + close_rel + '”'.len_utf8();
        let name_span = Span::new(open, close);
        // Items after, in parentheses.
        let p = skip_space(text, close);
        if text[p..].starts_with(crate::text::is_open_paren) {
            let items_start = p + text[p..].chars().next().map_or(0, char::len_utf8);
            if let Some(end_rel) = text
                [items_start..crate::text::floor_boundary(text, items_start + 2000)]
                .find(crate::text::is_close_paren)
            {
                let mut s = items_start;
                if let Some(w) = starts_with_any(&text[s..], &rule.vocabulary.that_is) {
                    s += w.len();
                }
                let span = Span::new(s, items_start + end_rel);
                if !doc.slice(span).contains(crate::text::is_open_paren) {
                    if let Some(r) = read_parenthesised(doc, span, rule) {
                        out.push(judge(rule, name_span, count, r));
                    }
                }
            }
            continue;
        }
        // Items before: A、B和C的“三项制度”. A compound name is not spelt
        // out before it (更好服务实体经济、科技创新和共建“一带一路”); a name
        // right after a verb or a preposition is its object, not the sum of
        // the clause before (支持A、加快“三个中心”建设).
        if compound {
            continue;
        }
        let mut end = open;
        if text[..end].ends_with('的') {
            end -= '的'.len_utf8();
        } else if super::ends_with_any(&text[..end], &rule.vocabulary.verbs).is_some() {
            continue;
        }
        let before = &text[..end];
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| {
                crate::text::is_clause_end(*c)
                    || matches!(c, '“' | '”' | '\n')
                    || crate::text::is_open_paren(*c)
                    || crate::text::is_close_paren(*c)
            })
            .map_or(0, |(i, c)| i + c.len_utf8());
        let span = Span::new(start, end);
        // A list that starts right after another quoted name, or ends on a
        // connector (河长制、湖长制和“五个一”), has the quoted name as one of its
        // items, not as its count.
        let after_quote = text[..start].ends_with(['”', '“']);
        let list_text = doc.slice(span).trim_end();
        let ends_joined = list_text.ends_with('、')
            || rule
                .vocabulary
                .connectors
                .iter()
                .any(|c| list_text.ends_with(c.as_str()));
        if after_quote || ends_joined {
            continue;
        }
        if !doc.slice(span).contains('、')
            && !rule
                .vocabulary
                .connectors
                .iter()
                .any(|c| doc.slice(span).contains(c.as_str()))
        {
            continue;
        }
        if has_figures(doc, span) {
            continue;
        }
        let Some(mut r) = read_list(doc, span, rule) else {
            continue;
        };
        if r.counts.iter().all(|&c| c < 2) {
            continue;
        }
        // The list may run on across commas (…服务、…通道,…服务、…活动“六个全覆盖”):
        // each earlier clause of the same sentence that is itself a 、 list may
        // belong to it.
        let k = doc.sentences.partition_point(|s| s.end <= open);
        let sentence = doc.sentences.get(k).filter(|s| s.contains(open)).copied();
        if let Some(sentence) = sentence {
            let mut extra = 0;
            for clause in doc
                .clauses(sentence)
                .iter()
                .rev()
                .filter(|c| c.end <= start)
            {
                let t = doc.slice(*clause);
                if !t.contains('、') {
                    break;
                }
                extra += t.matches('、').count() as u32 + 1;
                let more: Vec<u32> = r.counts.iter().map(|c| c + extra).collect();
                r.counts.extend(more);
            }
        }
        out.push(judge(rule, name_span, count, r));
    }
}

/// `A、B、C三大X`, `A、B 3个X`, `A和B两类X`: a count and one of the rule's
/// `count_nouns` right after a list that fills its clause up to it.
fn unquoted_counts(doc: &Doc, rule: &Rule, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    if v.count_nouns.is_empty() {
        return;
    }
    for sentence in doc.sentences_for(rule.lang, 0) {
        let stext = doc.slice(sentence);
        if !stext.contains('、') && !stext.contains('和') || !has_counted_noun(stext, v) {
            continue;
        }
        for &clause in doc.clauses(sentence).iter() {
            let text = doc.slice(clause);
            if !text.contains('、') && !text.contains('和') {
                continue;
            }
            let mut from = clause.start;
            let mut run_end = clause.start;
            for (i, c) in text.char_indices() {
                let at = clause.start + i;
                let numeral = is_numeral_char(c) || c.is_ascii_digit();
                // One reading for each run of numerals, at its start.
                if !numeral || at < run_end {
                    continue;
                }
                run_end = at
                    + doc.text[at..clause.end]
                        .char_indices()
                        .find(|&(_, d)| !(is_numeral_char(d) || d.is_ascii_digit()))
                        .map_or(clause.end - at, |(k, _)| k);
                if at < from {
                    continue;
                }
                // An ordinal names an item (第一机械工业部).
                if doc.text[..at].ends_with('第') {
                    continue;
                }
                // A count and the noun it counts: most numerals in a clause
                // are neither (进一步, 统一, 2020年).
                let Some(noun) = starts_with_any(&doc.text[run_end..clause.end], &v.count_nouns)
                else {
                    continue;
                };
                let Some((count, len)) = count_at(&doc.text[at..clause.end]) else {
                    continue;
                };
                let noun_at = at + len;
                if noun_at != run_end {
                    continue;
                }
                // The list fills the clause up to the count: a figure before
                // it in the clause (A 5个、B 30个X) makes it no list; a numeral
                // in a word (进一步, 统一) does not.
                if doc
                    .quantities_in(Span::new(clause.start, at))
                    .iter()
                    .any(|q| q.kind.is_checkable())
                {
                    from = clause.end;
                    continue;
                }
                let list = Span::new(from, at);
                from = clause.end;
                // 五个一工程: a classifier and a numeral are a set phrase. A
                // count with no noun after it (印染厂十五个,) counts the noun
                // before it: an amount, not a list's length.
                let after = &doc.text[noun_at + noun.len()..clause.end];
                let named = after
                    .starts_with(|c: char| (is_han(c) && c != '一') || c.is_ascii_alphanumeric());
                // 五支以上: a bound, an item's own figure.
                let bound = ["以上", "以下", "以内", "左右", "多", "余"]
                    .iter()
                    .any(|b| after.starts_with(b));
                if !(named || noun == "大") || bound {
                    continue;
                }
                if !(2..=MAX_COUNT).contains(&count) {
                    continue;
                }
                if let Some((reading, open)) = list_before_count(doc, rule, list, count) {
                    let count_span = Span::new(at, noun_at + noun.len());
                    out.push(match open {
                        false => judge(rule, count_span, count, reading),
                        true => judge_at_least(rule, count_span, count, reading),
                    });
                }
            }
        }
    }
}

/// Whether some run of numerals in `s` is followed by one of the rule's
/// `count_nouns` (a cheap look before a sentence is cut into clauses).
fn has_counted_noun(s: &str, v: &crate::rules::Vocabulary) -> bool {
    let numeral = |c: char| is_numeral_char(c) || c.is_ascii_digit();
    let mut in_run = false;
    for (i, c) in s.char_indices() {
        if numeral(c) {
            in_run = true;
        } else if std::mem::take(&mut in_run) && starts_with_any(&s[i..], &v.count_nouns).is_some()
        {
            return true;
        }
    }
    false
}

/// The count written at the start of `s` (`三`, `两`, `12`) and its length:
/// a whole number only, not a year, a decimal or part of a larger figure.
fn count_at(s: &str) -> Option<(u32, usize)> {
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        let len = s.bytes().take_while(u8::is_ascii_digit).count();
        if s[len..].starts_with(['.', ',', '%']) {
            return None;
        }
        return Some((s[..len].parse().ok()?, len));
    }
    let n = numeral::parse(s).filter(|n| n.chinese && !n.fraction)?;
    // Everyday numerals only: 陆 in 内陆 is a numeral in accounts' writing.
    if !s[..n.len]
        .chars()
        .all(|c| "一二两三四五六七八九十".contains(c))
    {
        return None;
    }
    Some((n.value.to_integer().to_u32()?, n.len))
}

/// The list that ends right before an unquoted count in `span` (the clause
/// up to it): from the last `的` in it, if any; or the whole of a quotation
/// that ends right there (`“考核、督查、激励”三项机制`). `None` when a word
/// before the count makes it another's (`hedges`), or the text is no plain
/// list. A list ending in `等` (`上海、天津等八个城市`) may leave items out:
/// the second value tells so, and the count need only not fall short.
fn list_before_count(doc: &Doc, rule: &Rule, span: Span, count: u32) -> Option<(Reading, bool)> {
    let text = doc.slice(span);
    if let Some(inner) = text.strip_suffix('”') {
        let open = inner.rfind('“')?;
        let quoted = Span::new(span.start + open + '“'.len_utf8(), span.start + inner.len());
        let inside = doc.slice(quoted);
        if inside.contains(['“', '”', '\n']) || !inside.contains('、') {
            return None;
        }
        return plain_list(doc, rule, quoted, count).map(|r| (r, false));
    }
    match text.strip_suffix('等') {
        // 平等, 高等, 中等: words, not the end of a list.
        Some(rest)
            if !rest.ends_with([
                '等', '平', '同', '高', '中', '初', '对', '均', '相', '优', '上', '下', '次', '何',
                '头', '特',
            ]) =>
        {
            plain_list(
                doc,
                rule,
                Span::new(span.start, span.start + rest.len()),
                count,
            )
            .map(|r| (r, true))
        }
        _ => plain_list(doc, rule, span, count).map(|r| (r, false)),
    }
}

/// [`list_before_count`] for an unquoted list that ends at `span`'s end.
fn plain_list(doc: &Doc, rule: &Rule, span: Span, count: u32) -> Option<Reading> {
    let v = &rule.vocabulary;
    let text = doc.slice(span);
    if text.is_empty()
        || !text.ends_with(is_han)
        || super::ends_with_any(text, &v.hedges).is_some()
        || super::ends_with_any(text, &v.verbs).is_some()
    {
        return None;
    }
    // A modifier ends at 的: the list is what follows it.
    let start = text.rfind('的').map_or(0, |i| i + '的'.len_utf8());
    let span = Span::new(span.start + start, span.end);
    let list = doc.slice(span);
    let plain = !list.contains(|c: char| {
        crate::text::is_open_paren(c)
            || crate::text::is_close_paren(c)
            || matches!(c, '“' | '”' | '《' | '》' | '\n')
    });
    // Two items may be joined by 和 alone; more need 、.
    let joined = v
        .connectors
        .iter()
        .filter(|c| c.as_str() != "、")
        .any(|c| list.contains(c.as_str()));
    if !plain || has_figures(doc, span) || !(list.contains('、') || (count == 2 && joined)) {
        return None;
    }
    let r = read_list(doc, span, rule)?;
    // Items are names: short ones. A long one is a phrase (我们扎实开展…、…
    // 主题教育、…八项规定), and a long last one runs on past the list to the
    // count (…遗址先后入选全国年度十大…). The first may open with a verb.
    let chars = |s: &Span| doc.slice(*s).chars().count();
    let last = r.items.len() - 1;
    let short = r.items.iter().enumerate().all(|(k, item)| match k {
        0 => true,
        k if k == last => chars(item) <= MAX_LAST_ITEM,
        _ => chars(item) <= MAX_ITEM,
    });
    // A count over twice the items (A、B五项X), or under half of them, is
    // not this list's: a name's (和平共处五项原则) or a tally of something
    // else (新建、重组11家). An author leaves out an item, not three.
    // Items that are verbs (为实现、发展和保卫…四个现代化) are no things to
    // count: the count belongs to their object.
    let verb_items = r.items[..last]
        .iter()
        .any(|item| super::ends_with_any(doc.slice(*item).trim_end(), &v.verbs).is_some());
    if verb_items {
        return None;
    }
    let (lo, hi) = (*r.counts.first()?, *r.counts.last()?);
    let near = count <= 2 * hi && 2 * count >= lo;
    (short && near && hi >= 2).then_some(r)
}

/// Longest item, in characters, of a list before an unquoted count; the
/// last, which the count follows.
const MAX_ITEM: usize = 12;
const MAX_LAST_ITEM: usize = 10;

/// Whether `span` holds a figure that counts or measures (years and
/// ordinals name things).
fn has_figures(doc: &Doc, span: Span) -> bool {
    doc.quantities_in(span)
        .iter()
        .any(|q| q.kind.is_checkable())
}

/// Items in parentheses: split at top-level `,`/`;` when there are any (each
/// of those may hold a `、` list of its own), else at `、`. Items that are
/// figures are parts of a sum, not names.
fn read_parenthesised(doc: &Doc, span: Span, rule: &Rule) -> Option<Reading> {
    if has_figures(doc, span) {
        return None;
    }
    let text = doc.slice(span);
    if text.contains(is_item_break) {
        let mut items = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if is_item_break(c) {
                items.push(Span::new(span.start + start, span.start + i));
                start = i + c.len_utf8();
            }
        }
        items.push(Span::new(span.start + start, span.end));
        if items
            .iter()
            .any(|s| doc.slice(*s).trim().is_empty() || doc.slice(*s).trim_end().ends_with('等'))
        {
            return None;
        }
        let mut counts = BTreeSet::new();
        counts.insert(items.len() as u32);
        let by_dun: u32 = items
            .iter()
            .map(|s| doc.slice(*s).matches('、').count() as u32 + 1)
            .sum();
        counts.insert(by_dun);
        return Some(Reading { items, counts });
    }
    read_list(doc, span, rule)
}

/// The count a figure states, when it can count a list: an exact whole count
/// from 2 to [`MAX_COUNT`].
fn stated_count(q: &crate::lexer::Quantity) -> Option<u32> {
    let exact =
        q.kind == crate::lexer::QuantityKind::Count && q.interval.is_exact() && q.approx.is_none();
    q.value
        .to_integer()
        .to_u32()
        .filter(|c| exact && (2..=MAX_COUNT).contains(c))
}

fn that_is(doc: &Doc, rule: &Rule, out: &mut Vec<Claim>) {
    let text = doc.text;
    for q in doc
        .quantities
        .iter()
        .filter(|q| doc.in_lang(q.start, rule.lang))
    {
        let Some(unit) = q.unit else { continue };
        if !rule.vocabulary.classifiers.iter().any(|c| c == unit) {
            continue;
        }
        let Some(count) = stated_count(q) else {
            continue;
        };
        // A short noun, an optional comma, then 即.
        let mut p = q.end;
        let mut n = 0;
        while let Some(c) = text[p..].chars().next() {
            if !('\u{4e00}'..='\u{9fff}').contains(&c)
                || n > 12
                || starts_with_any(&text[p..], &rule.vocabulary.that_is).is_some()
            {
                break;
            }
            p += c.len_utf8();
            n += 1;
        }
        if n == 0 {
            continue;
        }
        if text[p..].starts_with(crate::text::is_comma) {
            p += text[p..].chars().next().map_or(0, char::len_utf8);
        }
        let Some(w) = starts_with_any(&text[p..], &rule.vocabulary.that_is) else {
            continue;
        };
        let s = p + w.len();
        let end = text[s..]
            .char_indices()
            .find(|(_, c)| {
                crate::text::is_clause_end(*c)
                    || crate::text::is_open_paren(*c)
                    || crate::text::is_close_paren(*c)
            })
            .map_or(text.len(), |(i, _)| s + i);
        // Items that are clauses of their own: 即坚持A,坚持B,… or 即A;B;C。
        let more = text[end..].starts_with(|c: char| {
            crate::text::is_comma(c) || c == ';' || c == crate::text::FW_SEMICOLON
        });
        let near = |r: &Reading| r.counts.iter().all(|&n| count * 2 >= n && count <= 2 * n);
        if let Some(r) = more.then(|| clauses::read(doc, s)).flatten().filter(near) {
            out.push(judge(rule, Span::new(q.start, q.end), count, r));
            continue;
        }
        // 24个指标,包括16个预期性指标、8个约束性指标: items that are counts
        // themselves are parts of a sum, not names to count.
        if has_figures(doc, Span::new(s, end)) {
            continue;
        }
        let Some(r) = read_list(doc, Span::new(s, end), rule) else {
            continue;
        };
        if r.counts.iter().all(|&c| c < 2) {
            continue;
        }
        out.push(judge(rule, Span::new(q.start, q.end), count, r));
    }
}

fn respectively(doc: &Doc, rule: &Rule, out: &mut Vec<Claim>) {
    for sentence in doc.sentences_for(rule.lang, 1) {
        for &clause in doc.clauses(sentence).iter() {
            for (s, e) in doc.occurrences(clause, &rule.vocabulary.respectively) {
                // The values: figures joined by 、/和/及 and nothing else.
                let tail = doc.slice(Span::new(e, clause.end));
                let tail_end = e + tail
                    .trim_end_matches(|c: char| crate::text::is_clause_end(c) || c.is_whitespace())
                    .len();
                let values = doc.quantities_in(Span::new(e, tail_end));
                // Values of two families (1200张、800张和420人、260人) are a
                // table of names by attributes, not one value per name. More
                // values than any count this check states are no list of
                // names' values either (and reading them all at each
                // 分别为 of a long clause took the square of its length).
                if values.len() < 2
                    || values.len() > MAX_COUNT as usize
                    || values
                        .iter()
                        .any(|v| !v.kind.is_checkable() || !v.same_family(&values[0]))
                {
                    continue;
                }
                let mut clean = skip_space(doc.text, e) == values[0].start
                    && values.last().is_some_and(|v| v.end == tail_end);
                for w in values.windows(2) {
                    let gap = doc.text[w[0].end..w[1].start].trim();
                    if !(matches!(gap, "、" | "和" | "及" | "与")
                        || gap.chars().count() == 1 && gap.chars().all(crate::text::is_comma))
                    {
                        clean = false;
                    }
                }
                if !clean {
                    continue;
                }
                // The names: the clause before. Longer than any list of
                // names (a clause run on across scraped paragraphs), it is
                // no list this check can count: no claim.
                if s - clause.start > NAMES_REACH {
                    continue;
                }
                let names = Span::new(clause.start, s);
                let t = doc.slice(names);
                if !t.contains('、')
                    && !rule
                        .vocabulary
                        .connectors
                        .iter()
                        .any(|c| t.contains(c.as_str()))
                {
                    continue;
                }
                let Some(r) = read_list(doc, names, rule) else {
                    continue;
                };
                let n = values.len() as u32;
                let mut labels: Vec<Label> =
                    r.items.iter().map(|s| Label::new(Role::Item, *s)).collect();
                labels.extend(values.iter().map(|v| Label::of(Role::Value, v)));
                let verdict = (!r.counts.contains(&n)).then(|| Verdict {
                    primary: labels.len() - n as usize,
                    message: format!(
                        "{} values for {} names",
                        n,
                        r.counts
                            .iter()
                            .map(u32::to_string)
                            .collect::<Vec<_>>()
                            .join(" or ")
                    ),
                    expected: None,
                    help: "give one value for each name".into(),
                });
                out.push(Claim {
                    check: CheckKind::ListCount,
                    rule: rule.id.clone(),
                    labels,
                    verdict,
                });
            }
        }
    }
}

/// Separators of items in parentheses that hold lists of their own.
fn is_item_break(c: char) -> bool {
    crate::text::is_comma(c) || c == ';' || c == crate::text::FW_SEMICOLON
}

/// A list that may leave items out (`A、B、C等三个X`): the count must not
/// be smaller than the items listed.
fn judge_at_least(rule: &Rule, count_span: Span, count: u32, r: Reading) -> Claim {
    let least = r.counts.first().copied().unwrap_or(0);
    let mut labels = vec![Label::new(Role::Count, count_span)];
    labels.extend(r.items.iter().map(|s| Label::new(Role::Item, *s)));
    let verdict = (count < least).then(|| Verdict {
        primary: 0,
        message: format!("the count says {count}, but at least {least} items are listed"),
        expected: Some(least.to_string()),
        help: "list only what is counted, or correct the count".into(),
    });
    Claim {
        check: CheckKind::ListCount,
        rule: rule.id.clone(),
        labels,
        verdict,
    }
}

fn judge(rule: &Rule, count_span: Span, count: u32, r: Reading) -> Claim {
    let mut labels = vec![Label::new(Role::Count, count_span)];
    labels.extend(r.items.iter().map(|s| Label::new(Role::Item, *s)));
    let listed = r
        .counts
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(" or ");
    let verdict = (!r.counts.contains(&count)).then(|| Verdict {
        primary: 0,
        message: format!("the count says {count}, but {listed} items are listed"),
        expected: r.counts.iter().next().map(|c| c.to_string()),
        help: "list every item, or correct the count".into(),
    });
    Claim {
        check: CheckKind::ListCount,
        rule: rule.id.clone(),
        labels,
        verdict,
    }
}
