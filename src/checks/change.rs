//! `change`: a value before and after: `由X增加到Y`, `从X下降到Y`, with an
//! optional stated size (`增长P%`, `增加了D`, `提高了K个百分点`, `增长2倍`);
//! `Y,比上年的X增长P%` (the value before after `比`, a size required).
//!
//! English orders too: `rose from X to Y, up P%`; `Y, down from X`; a word
//! of change further back when the pair is dated or set apart (`has risen
//! with the creation of new states, from 21 to 27`); the size first,
//! `increased 82.7% to $117.8 million from $64.5 million`, `decreased $788,
//! or 5.8%, to …`, `decreased 56.0% from X in fiscal 2001 to Y`; a noun of
//! change (`rise_nouns`, `fall_nouns`): `was $44.5 million, a 23.5% increase
//! from $36.0 million`. A short time phrase, a rate's base (`per 100,000
//! population`, `per diluted share`) or a reference (`(16)`) may follow each
//! value. `dated.rs`: `(2009: 29.2%; 2019: 15.1%)` after a word of change;
//! `chain.rs`: a value reached with no `from`, its start earlier in the
//! sentence (`increased to Y in 2004 and to Z in 2008`); `annual.rs`: a
//! yearly rate between two dated values (`年均增长P%`), the compound rate;
//! `bracketed.rs`: a sized change, its values in a bracket after it (`a 6
//! percentage point increase (24% to 30%)`).
//!
//! The claim holds when the direction matches the verb and the stated size can
//! equal the change between the two figures: a size in % between two rates
//! may be points; an amount whose last group is `,000` may be rounded to the
//! thousand. A size in the next clause counts only when it opens the clause;
//! none after a `per_period` word (年均, 按可比价格计算, in real terms), but
//! after an `annual` word between dated values see `annual.rs`.

use super::{
    figure, fmt_fixed, shown, skip_space, starts_with_any, with_tolerance, Claim, Doc, Label, Role,
    Verdict,
};
use crate::exact::{int, Interval, Num};
use crate::lexer::{Quantity, QuantityKind};
use crate::rules::{CheckKind, Rule};
use crate::text::Span;
use num_traits::Zero;

mod annual;
mod bracketed;
mod chain;
mod dated;
mod respectively;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// How far before 由/from a rank word is looked for, and after the second
/// figure a stated change (`增长10%`): in a clause of no punctuation
/// (`由1增加到2` over and over) each change had read the whole clause,
/// the square of its length. Clauses of reports are far shorter.
const REACH: usize = 600;

/// Words before `from` that make `from X to Y` a range.
const RANGE_WORDS: &[&str] = &["ranged", "ranging", "range", "ranges", "varied", "varying"];

pub fn find(doc: &Doc, rule: &Rule) -> Vec<Claim> {
    let v = &rule.vocabulary;
    let mut out = Vec::new();
    if rule.lang == Some(crate::text::Lang::En) {
        // A chain's value before may stand in the clause before a semicolon.
        for sentence in doc.sentences_for(rule.lang, 1) {
            chain::find(doc, rule, sentence, &mut out);
        }
    }
    for sentence in doc.sentences_for(rule.lang, 2) {
        if rule.lang == Some(crate::text::Lang::En) {
            dated::find(doc, rule, sentence, &mut out);
            bracketed::find(doc, rule, sentence, &mut out);
        } else if rule.lang == Some(crate::text::Lang::Zh) {
            compared(doc, rule, sentence, &mut out);
        }
        let clauses = doc.clauses(sentence);
        for (ci, &clause) in clauses.iter().enumerate() {
            for (s, e) in doc.occurrences(clause, &v.from) {
                // `Decreases ranged from 12.4% in A to 55.8% in B`: the
                // extremes of a range, not a value before and after.
                let lead = crate::text::tail_lower(doc.text, s, 16);
                if RANGE_WORDS
                    .iter()
                    .any(|w| super::word_before(lead.trim_end(), w))
                {
                    continue;
                }
                if let Some(claims) = to_from(doc, rule, sentence, s, e)
                    .or_else(|| respectively::find(doc, rule, sentence, e))
                    .or_else(|| respectively::find_english(doc, rule, sentence, s, e))
                    .or_else(|| size_from_to(doc, rule, sentence, s, e))
                    .or_else(|| noun_size_from_to(doc, rule, sentence, s, e))
                    .or_else(|| noun_from(doc, rule, sentence, s, e))
                    .or_else(|| from_then_noun(doc, rule, sentence, s, e))
                    .or_else(|| down_from(doc, rule, sentence, s, e))
                {
                    out.extend(claims);
                    continue;
                }
                let found = from_to(doc, rule, e).or_else(|| verb_from_to(doc, rule, s, e));
                let Some((before, dir, verb, after)) = found else {
                    continue;
                };
                // The figure after must stand in the same sentence: across a
                // paragraph break (由X增加到, then a new block) it may be anything.
                if after.end > sentence.end {
                    continue;
                }
                // A rank going from 45 to 12 rises; and in "fell from 41 to 36
                // million" the scale may or may not belong to both.
                let reach = crate::text::ceil_boundary(doc.text, s.saturating_sub(REACH));
                let head = Span::new(clause.start.max(reach), s);
                let rank = !doc.occurrences(head, &v.ranks).is_empty();
                let shared_scale = after.ulp.as_ref().is_some_and(|u| *u >= int(1000))
                    && before.interval.is_exact()
                    && before.unit.is_none()
                    && before.value < *after.ulp.as_ref().unwrap_or(&int(0));
                if rank || shared_scale {
                    continue;
                }
                let from = skip_year(doc, after.end);
                let next = clauses.get(ci + 1).copied();
                let scope_end = next.map_or(clause.end, |c| c.end);
                let scope_end = scope_end.min(crate::text::floor_boundary(doc.text, from + REACH));
                let stated = stated_change(doc, rule, from, scope_end, next.map(|c| c.start));
                if stated.is_none() {
                    // `from X to Y, a 67% increase`
                    let sizes = trailing_sizes(doc, rule, sentence, after.end, dir);
                    if !sizes.is_empty() {
                        out.extend(
                            sizes
                                .iter()
                                .map(|d| judge(doc, rule, before, after, dir, verb, Some(d))),
                        );
                        continue;
                    }
                }
                let mut claim = judge(doc, rule, before, after, dir, verb, stated);
                if claim.verdict.is_none() {
                    claim.verdict = multiple_verdict(doc, rule, before, after, verb);
                }
                // 年均增长P%, an average annual rate of P%: the compound rate.
                // (Of a rate in %, the yearly change is often a regression's
                // estimate over every year, or in points: no claim.)
                if stated.is_none() && !before.kind.is_rate() {
                    let years = annual::year_of(doc, before).zip(annual::year_of(doc, after));
                    let span = years
                        .map(|(y1, y2)| y2 - y1)
                        .filter(|n| (1..=60).contains(n))
                        .and_then(|n| u32::try_from(n).ok());
                    let rate = annual::rate(doc, rule, from, scope_end);
                    if let (Some(n), Some(p)) = (span, rate) {
                        let (label, verdict) = annual::judge(doc, rule, (before, after), dir, p, n);
                        claim.labels.push(label);
                        if claim.verdict.is_none() {
                            claim.verdict = verdict;
                        }
                    }
                }
                out.push(claim);
            }
        }
    }
    out
}

/// `X 增加到 Y` starting at `at` (just after 由/从). A year with 的 may come
/// first: 由2015年的2万人增加到3万人.
pub fn from_to<'d>(
    doc: &'d Doc,
    rule: &Rule,
    at: usize,
) -> Option<(&'d Quantity, Direction, &'d str, &'d Quantity)> {
    let p = skip_year(doc, skip_space(doc.text, at));
    let before = doc
        .quantity_at(p)
        .or_else(|| doc.quantity_at(past_name(doc, p)))
        .filter(|q| q.kind.is_checkable())?;
    let q = skip_space(doc.text, before.end);
    // 百分之五十左右: a hedge after the figure.
    let q = match doc.text[q..].strip_prefix("左右") {
        Some(_) => q + "左右".len(),
        None => q,
    };
    let (dir, verb, r) = from_verb(doc, rule, q).or_else(|| named_verb(doc, rule, q))?;
    let after = doc
        .quantity_at(skip_year(doc, skip_space(doc.text, r)))
        .filter(|q| q.kind.is_checkable())?;
    let comparable = before.same_family(after)
        || (before.kind == QuantityKind::Percent && after.kind == QuantityKind::Percent);
    if !comparable {
        return None;
    }
    Some((before, dir, verb, after))
}

/// `的税率降至` at `at`: 的, a name of up to four Han characters (what the
/// figure before was the value of), then a verb of change and its `to`
/// word (`现行16%的税率降至13%`).
fn named_verb<'t>(doc: &Doc<'t>, rule: &Rule, at: usize) -> Option<(Direction, &'t str, usize)> {
    let name = doc.text[at..].strip_prefix('的')?;
    let start = at + '的'.len_utf8();
    let mut p = start;
    for c in name.chars().take(4) {
        if !crate::text::is_han(c) || c == '的' {
            return None;
        }
        p += c.len_utf8();
        if let Some(found) = from_verb(doc, rule, p) {
            return Some(found);
        }
    }
    None
}

/// The verb of change `rest` opens with (the longer when both lists hold
/// one) and its direction.
fn verb_at<'w>(rule: &'w Rule, rest: &str) -> Option<(Direction, &'w str)> {
    let v = &rule.vocabulary;
    match (
        starts_with_any(rest, &v.increase),
        starts_with_any(rest, &v.decrease),
    ) {
        (Some(a), Some(b)) if b.len() > a.len() => Some((Direction::Down, b)),
        (Some(a), _) => Some((Direction::Up, a)),
        (None, Some(b)) => Some((Direction::Down, b)),
        (None, None) => None,
    }
}

/// A verb of change at `at` and its `to` word (`增加到`, `降至`): its
/// direction, its text, and where the `to` word ends.
pub(super) fn from_verb<'t>(
    doc: &Doc<'t>,
    rule: &Rule,
    at: usize,
) -> Option<(Direction, &'t str, usize)> {
    let v = &rule.vocabulary;
    let (dir, verb) = verb_at(rule, &doc.text[at..])?;
    let mut r = at + verb.len();
    if !verb.ends_with('至') {
        let to = starts_with_any(&doc.text[r..], &v.to)?;
        r += to.len();
    }
    Some((dir, &doc.text[at..at + verb.len()], r))
}

/// Past a short name of what changes between 从 and its figure
/// (`从月销售额10万元提高到…`): up to six Han characters.
fn past_name(doc: &Doc, at: usize) -> usize {
    let name: usize = doc.text[at..]
        .chars()
        .take(7)
        .take_while(|&c| crate::text::is_han(c) && c != '的')
        .map(char::len_utf8)
        .sum();
    if doc.text[at..at + name].chars().count() > 6 {
        return at;
    }
    at + name
}

/// Skips `2015年的` at `p`, or ` in 2015` after a figure ending at `p`: the
/// year a figure is from. Also a short time word with 的 (`上年的`, `现在的`,
/// `五年前的`, `一九八二年的`): a few characters, no figure but a year, then
/// 的 and a figure.
pub(super) fn skip_year(doc: &Doc, p: usize) -> usize {
    let q = skip_space(doc.text, p);
    if let Some(k) = doc.text[q..]
        .char_indices()
        .take(7)
        .find(|&(_, c)| c == '的')
        .map(|(k, _)| q + k)
    {
        let words = &doc.text[q..k];
        let after = skip_space(doc.text, k + '的'.len_utf8());
        // A year, or a span of years (五年前的).
        let timely = !words.is_empty()
            && words.chars().all(crate::text::is_han)
            && TIME_WORDS.iter().any(|w| words.ends_with(w))
            && doc
                .quantities_in(Span::new(q, k))
                .iter()
                .all(|y| y.kind == QuantityKind::Year || (y.is_duration() && y.unit == Some("年")));
        if timely
            && doc
                .quantity_at(after)
                .is_some_and(|f| f.kind.is_checkable())
        {
            return after;
        }
    }
    if super::word_at(&doc.text[q..], "in") {
        let y = skip_space(doc.text, q + 2);
        if let Some(year) = doc.quantity_at(y).filter(|q| q.kind == QuantityKind::Year) {
            return year.end;
        }
    }
    match doc.quantity_at(p).filter(|q| q.kind == QuantityKind::Year) {
        Some(y) => {
            let q = skip_space(doc.text, y.end);
            match doc.text[q..].strip_prefix('的') {
                Some(_) => skip_space(doc.text, q + '的'.len_utf8()),
                None => p,
            }
        }
        None => p,
    }
}

/// The ends of a Chinese time word before 的: `年` (上年, 一九七八年), `前`
/// (五年前), `在` (现在), `末` (上年末), `初`, `底`; and what stands now or
/// stood before (`现有的86个`, `原有的`).
const TIME_WORDS: &[&str] = &[
    "年", "前", "在", "末", "初", "底", "期", "季度", "月", "现有", "原有",
];

/// English order: `rose from X to Y`, `increased from 2.1 million in 2015 to
/// 2.6 million in 2020`, `doubled from 45 to 90`. `s..e` is the `from` word.
fn verb_from_to<'d>(
    doc: &'d Doc,
    rule: &Rule,
    s: usize,
    e: usize,
) -> Option<(&'d Quantity, Direction, &'d str, &'d Quantity)> {
    let v = &rule.vocabulary;
    let sentence_start = doc
        .sentences
        .get(doc.sentences.partition_point(|x| x.end <= s))
        .map_or(0, |x| x.start);
    // rose from, increased substantially from, a decrease from; or a word of
    // change further back (`has risen with the creation of new states, from
    // 21 to 27`), which [`loose_direction`] vouches for below.
    let (dir, verb_text, loose) = match verb_before_gap(doc, rule, Span::new(sentence_start, s), s)
    {
        Some((dir, text, _)) => (dir, text, false),
        None => match noun_before(doc, rule, s) {
            Some((dir, text)) => (dir, text, false),
            None => {
                let (dir, text) = loose_direction(doc, rule, sentence_start, s)?;
                (dir, text, true)
            }
        },
    };
    // `from a death rate of 42.7`, `from the 2006 high of 12.8%`.
    let before = figure_at(doc, rule, e).or_else(|| figure_at(doc, rule, past_name_of(doc, e)?))?;
    let dated = skip_year(doc, skip_per(doc, before.end));
    if loose {
        // Far from its word, `from X to Y` may be a range (`counties with
        // populations from 10,000 to 50,000`): a change dates its first
        // value, or stands apart after a comma or a bracket.
        let apart = doc.text[..s].trim_end().ends_with([',', '(']);
        let based = skip_per(doc, before.end);
        let timed = dated != based || {
            let rest = &doc.text.as_bytes()[skip_space(doc.text, based)..];
            TIME_OPENERS.iter().any(|o| {
                rest.get(..o.len())
                    .is_some_and(|r| r.eq_ignore_ascii_case(o.as_bytes()))
            })
        };
        if !apart && !timed {
            return None;
        }
    }
    let p = skip_space(doc.text, dated);
    // A reference after it (`32.8% in 2003 (16) to`).
    let p = doc.reference_end(p).map_or(p, |r| skip_space(doc.text, r));
    // `to` at once, or after a time phrase (`during 1999–2000 to`).
    let to_end = match starts_with_any(&doc.text[p..], &v.to) {
        Some(to) => p + to.len(),
        None => to_after_time(doc, rule, skip_per(doc, before.end)).or_else(|| {
            (before.kind == QuantityKind::Percent)
                .then(|| to_after_base(doc, rule, before.end))
                .flatten()
        })?,
    };
    let after = figure_at(doc, rule, to_end)?;
    let comparable = before.same_family(after)
        || (before.kind == QuantityKind::Percent && after.kind == QuantityKind::Percent);
    comparable.then_some((before, dir, verb_text, after))
}

/// `达到一千三百九十亿元,比一九五二年的八百二十七亿元增长百分之六十八`: the value
/// after, then `比` and the value before (a year or a time word with `的`
/// may come first), a verb of change and its stated size right after it.
/// The value after is the last figure of the before's family ahead of `比`
/// in its clause or the one before, with none between.
fn compared(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    for (i, _) in doc.slice(sentence).match_indices('比') {
        let at = sentence.start + i;
        let p = skip_space(doc.text, at + '比'.len_utf8());
        let start = skip_year(doc, p);
        // A year or a time word with 的, or the figure at once.
        if start == p && doc.quantity_at(p).is_none() {
            continue;
        }
        let Some(before) = doc
            .quantity_at(start)
            .filter(|q| q.kind.is_magnitude() && q.unit.is_some() && q.end <= sentence.end)
        else {
            continue;
        };
        let q = skip_space(doc.text, before.end);
        let Some(rest) = doc.text.get(q..sentence.end) else {
            continue;
        };
        let Some((dir, verb)) = verb_at(rule, rest) else {
            continue;
        };
        let mut r = q + verb.len();
        if doc.text[r..].starts_with('了') {
            r += '了'.len_utf8();
        }
        let Some(size) = doc
            .quantity_at(skip_space(doc.text, r))
            .filter(|s| s.kind.is_checkable() && s.end <= sentence.end)
        else {
            continue;
        };
        let clauses = doc.clauses(sentence);
        let k = clauses.partition_point(|c| c.end <= at);
        let from = clauses
            .get(k.saturating_sub(1))
            .map_or(sentence.start, |c| c.start);
        let Some(after) = doc
            .quantities_in(Span::new(from, at))
            .iter()
            .rev()
            .find(|x| x.kind.is_magnitude() && x.same_family(before))
        else {
            continue;
        };
        if !doc.quantities_in(Span::new(after.end, at)).is_empty() {
            continue;
        }
        out.push(judge(
            doc,
            rule,
            before,
            after,
            dir,
            &doc.text[q..q + verb.len()],
            Some(size),
        ));
    }
}

/// `an estimated 19,000, down from 26,000`, `$5.0 billion, up from $4.2
/// billion in 2019`: the value after, a comma, `down`/`up` and `from` the
/// value before. The value after is the nearest checkable figure before the
/// comma (at most 120 bytes back; a time phrase may follow it), of the
/// family of the one before.
fn down_from(doc: &Doc, rule: &Rule, sentence: Span, s: usize, e: usize) -> Option<Vec<Claim>> {
    if !doc.text[s..e].eq_ignore_ascii_case("from") {
        return None;
    }
    let lead = doc.text[..s].trim_end();
    let (dir, word) = [(Direction::Down, "down"), (Direction::Up, "up")]
        .into_iter()
        .find(|(_, w)| super::word_before(lead, w))?;
    let word_at = lead.len() - word.len();
    let head = doc.text[..word_at].trim_end();
    let comma = head.strip_suffix(',')?.len();
    if comma < sentence.start {
        return None;
    }
    let before = figure_at(doc, rule, e)?;
    let after = doc.last_checkable(sentence.start, comma, 120)?;
    // Only words or a time phrase between the value and its comma: no
    // clause of its own (`;`, `:`, brackets) and no joiner.
    let gap = &doc.text[after.end..comma];
    if gap.contains([';', ':', '(', ')'])
        || gap.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
            matches!(
                w,
                "and" | "or" | "but" | "while" | "which" | "compared" | "than"
            )
        })
    {
        return None;
    }
    claims_of(
        doc,
        rule,
        sentence,
        (before, after),
        (dir, &doc.text[word_at..lead.len()], word_at),
        &[],
        (s, e),
    )
}

/// A word of change earlier in the sentence than the `from` at `s`, with
/// only what changed or where between (`has risen with the creation of new
/// states, from`, `increased as a percentage of sales from`, `the greatest
/// decrease occurred among AI/AN, from`): the nearest within 96 bytes, with
/// no checkable figure, no semicolon or colon, and no word that joins
/// clauses, compares, or opens a range (`aged`, `between`) after it.
fn loose_direction<'t>(
    doc: &Doc<'t>,
    rule: &Rule,
    sentence_start: usize,
    s: usize,
) -> Option<(Direction, &'t str)> {
    let from = crate::text::ceil_boundary(doc.text, s.saturating_sub(96)).max(sentence_start);
    let (dir, (ws, we)) = last_change_word(doc, rule, Span::new(from, s))?;
    let gap = &doc.text[we..s];
    if gap.contains([';', ':']) || gap.split_whitespace().count() > 12 {
        return None;
    }
    if doc
        .quantities_in(Span::new(we, s))
        .iter()
        .any(|q| q.kind.is_checkable() && !spans_time(doc, q))
    {
        return None;
    }
    let joins = gap
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| LOOSE_STOPS.iter().any(|j| w.eq_ignore_ascii_case(j)));
    (!joins).then(|| (dir, &doc.text[ws..we]))
}

/// The last word of change in `window` (a verb, or a noun of change in the
/// singular or plural): its direction and where it stands; of two ending at
/// one place, the longer.
pub(super) fn last_change_word(
    doc: &Doc,
    rule: &Rule,
    window: Span,
) -> Option<(Direction, (usize, usize))> {
    let v = &rule.vocabulary;
    let listed = [
        (Direction::Up, &v.increase),
        (Direction::Up, &v.rise_nouns),
        (Direction::Down, &v.decrease),
        (Direction::Down, &v.fall_nouns),
    ]
    .into_iter()
    .flat_map(|(d, words)| {
        doc.occurrences(window, words)
            .into_iter()
            .map(move |o| (d, o))
    })
    .max_by_key(|&(_, (ws, we))| (we, std::cmp::Reverse(ws)));
    let plural = last_plural_noun(doc, rule, window);
    match (listed, plural) {
        (Some(l), Some(p)) => Some(if p.1 .0 > l.1 .0 { p } else { l }),
        (l, p) => l.or(p),
    }
}

/// The last plural of a noun of change in `window` (`gains`, `declines`,
/// `reductions`): its direction and where it stands.
fn last_plural_noun(doc: &Doc, rule: &Rule, window: Span) -> Option<(Direction, (usize, usize))> {
    let v = &rule.vocabulary;
    let bytes = doc.text.as_bytes();
    let mut best = None;
    let mut k = window.start;
    while k < window.end {
        if !bytes[k].is_ascii_alphabetic() {
            k += 1;
            continue;
        }
        let s = k;
        while k < window.end && bytes[k].is_ascii_alphabetic() {
            k += 1;
        }
        if s > 0 && bytes[s - 1].is_ascii_alphabetic() {
            continue;
        }
        let w = &doc.text[s..k];
        let Some(stem) = w.strip_suffix('s') else {
            continue;
        };
        let of = |nouns: &[String]| {
            nouns.iter().any(|n| {
                stem.eq_ignore_ascii_case(n)
                    || stem
                        .strip_suffix('e')
                        .is_some_and(|t| t.eq_ignore_ascii_case(n))
            })
        };
        if of(&v.rise_nouns) {
            best = Some((Direction::Up, (s, k)));
        } else if of(&v.fall_nouns) {
            best = Some((Direction::Down, (s, k)));
        }
    }
    best
}

/// Words that end what a far word of change may govern: clause joiners,
/// comparisons, and the openers of a range.
const LOOSE_STOPS: &[&str] = &[
    "and", "or", "but", "while", "whereas", "although", "though", "however", "which", "that",
    "compared", "than", "despite", "offset", "aged", "age", "ages", "between", "range", "ranged",
    "ranging", "varied", "varying", "from", "to",
];

/// Past `a death rate of` / `the 2006 high of` at `at` (after `from`): an
/// article, perhaps a year, one to three words of letters, `of`; where the
/// figure should stand.
fn past_name_of(doc: &Doc, at: usize) -> Option<usize> {
    let p = skip_space(doc.text, at);
    let rest = &doc.text[p..];
    let article = ["a ", "an ", "the "]
        .into_iter()
        .find(|a| rest.starts_with(a))?;
    let mut k = skip_space(doc.text, p + article.len());
    if let Some(y) = doc.quantity_at(k).filter(|q| q.kind == QuantityKind::Year) {
        k = skip_space(doc.text, y.end);
    }
    for _ in 0..4 {
        let word: usize = doc.text[k..]
            .chars()
            .take_while(|c| c.is_ascii_alphabetic() || *c == '-')
            .map(char::len_utf8)
            .sum();
        if word == 0 {
            return None;
        }
        if &doc.text[k..k + word] == "of" {
            return Some(k + word);
        }
        k = skip_space(doc.text, k + word);
    }
    None
}

/// Past a rate's base after a figure ending at `p`: `per 100,000
/// population`, `suicides per 100,000 population`, `per diluted share`,
/// `per share (diluted)` (up to two words before `per`, up to three after
/// it and its figure, then a bracketed word). `p` itself when there is none.
fn skip_per(doc: &Doc, p: usize) -> usize {
    let word_len = |k: usize| -> usize {
        doc.text[k..]
            .chars()
            .take_while(|c| c.is_ascii_alphabetic() || *c == '-')
            .map(char::len_utf8)
            .sum()
    };
    let mut k = p;
    let mut seen = 0;
    loop {
        if !doc.text[k..].starts_with(' ') {
            return p;
        }
        let w = word_len(k + 1);
        if w == 0 {
            return p;
        }
        let word = &doc.text[k + 1..k + 1 + w];
        k += 1 + w;
        if word == "per" {
            break;
        }
        seen += 1;
        if seen > 2 || TIME_STOPS.contains(&word) {
            return p;
        }
    }
    let base = skip_space(doc.text, k);
    if let Some(q) = doc.quantity_at(base) {
        k = q.end;
    }
    let mut words = 0;
    while words < 3 && doc.text[k..].starts_with(' ') {
        let w = word_len(k + 1);
        if w == 0 || TIME_STOPS.contains(&&doc.text[k + 1..k + 1 + w]) {
            break;
        }
        k += 1 + w;
        words += 1;
    }
    if words == 0 {
        return p;
    }
    // `(diluted)`
    let rest = &doc.text[k..];
    if let Some(inner) = rest.strip_prefix(" (") {
        let w = inner
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .map(char::len_utf8)
            .sum::<usize>();
        if w > 0 && inner[w..].starts_with(')') {
            k += 2 + w + 1;
        }
    }
    k
}

/// The figure whose rate's base ([`skip_per`]) ends at `end`: `$0.58` in
/// `$0.58 per diluted share`.
fn per_tail<'d>(doc: &'d Doc, sentence_start: usize, end: usize) -> Option<&'d Quantity> {
    let from = crate::text::ceil_boundary(doc.text, end.saturating_sub(48)).max(sentence_start);
    let k = from + doc.text.get(from..end)?.rfind(" per ")?;
    let q = doc.quantity_ending_at(k)?;
    (skip_per(doc, q.end) == end).then_some(q)
}

/// Words that end a rate's base: a time phrase, `to`/`from`, a joiner.
const TIME_STOPS: &[&str] = &[
    "in", "for", "at", "on", "during", "to", "from", "or", "and", "compared", "than", "as",
];

/// The checkable figure at `at` (after spaces), or past a hedge the figure
/// does not hold itself (`an estimated 4.3%`).
fn figure_at<'d>(doc: &'d Doc, rule: &Rule, at: usize) -> Option<&'d Quantity> {
    doc.quantity_at(skip_space(doc.text, at))
        .or_else(|| doc.quantity_at(skip_hedge(doc, rule, at)))
        .filter(|q| q.kind.is_checkable())
}

/// After spaces at `at`, past a hedge (`approximately`, `an estimated`):
/// where the figure stands (when the figure does not hold the hedge itself).
fn skip_hedge(doc: &Doc, rule: &Rule, at: usize) -> usize {
    let p = skip_space(doc.text, at);
    let rest = &doc.text[p..];
    let p = ["an ", "a "]
        .iter()
        .find(|a| {
            rest.starts_with(**a) && !rest[a.len()..].starts_with(|c: char| c.is_ascii_digit())
        })
        .map_or(p, |a| skip_space(doc.text, p + a.len()));
    match starts_with_any(&doc.text[p..], &rule.vocabulary.hedges) {
        Some(h) => skip_space(doc.text, p + h.len()),
        None => p,
    }
}

/// A noun of change right before `at` (`with a decrease from`): its
/// direction and text.
fn noun_before<'t>(doc: &Doc<'t>, rule: &Rule, at: usize) -> Option<(Direction, &'t str)> {
    let v = &rule.vocabulary;
    let lead = doc.text[..at].trim_end();
    let Some((dir, noun)) = ends_with_direction(lead, &v.rise_nouns, &v.fall_nouns) else {
        return noun_then_topic(doc, rule, at);
    };
    // an increase, a decrease: the noun of this change, not a compound
    // (`the rate of increase from`).
    let before = doc.text[..lead.len() - noun.len()].trim_end();
    ["an", "a"]
        .iter()
        .any(|w| super::word_before(before, w))
        .then(|| (dir, &doc.text[lead.len() - noun.len()..lead.len()]))
}

/// A noun of change, then what changed, right before `at`: `an increase in
/// obesity from`, `the largest increase in reported assaults from` (an
/// article, or `the` and a superlative, before the noun; [`topic_gap`] after).
fn noun_then_topic<'t>(doc: &Doc<'t>, rule: &Rule, at: usize) -> Option<(Direction, &'t str)> {
    let v = &rule.vocabulary;
    let lead = doc.text[..at].trim_end();
    let from = crate::text::ceil_boundary(doc.text, lead.len().saturating_sub(64));
    let k = from + doc.text[from..lead.len()].rfind(" in ")?;
    let head = doc.text[..k].trim_end();
    let (dir, noun) = ends_with_direction(head, &v.rise_nouns, &v.fall_nouns)?;
    let before = doc.text[..head.len() - noun.len()].trim_end();
    let superlative = before
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.len() > 4 && w.ends_with("est"))
        && super::word_before(before[..before.rfind(' ')?].trim_end(), "the");
    let article = ["an", "a"].iter().any(|w| super::word_before(before, w));
    ((article || superlative) && topic_gap(doc, k, lead.len()))
        .then(|| (dir, &doc.text[head.len() - noun.len()..head.len()]))
}

/// English reports' order: the size first, then the value after, then the
/// one before: `increased 82.7% to $117.8 million from $64.5 million`,
/// `decreased $788, or 5.8%, to $12,828 from $13,616`, `rose 2% to $11.1bn
/// from $10.9bn`. `s..e` is the `from` word. Each stated size is a claim.
fn to_from(doc: &Doc, rule: &Rule, sentence: Span, s: usize, e: usize) -> Option<Vec<Claim>> {
    let v = &rule.vocabulary;
    let before = doc
        .quantity_at(skip_space(doc.text, e))
        .filter(|q| q.kind.is_checkable())?;
    let after = figure_before(doc, sentence.start, s)?;
    let before_after = doc.text[..after.start].trim_end();
    let to = v.to.iter().find(|w| super::word_before(before_after, w))?;
    let (mut sizes, at) = sizes_before(doc, sentence, before_after.len() - to.len())?;
    let word = verb_before_gap(doc, rule, sentence, at)?;
    // Or the sizes after: `…, an increase of $22.9 million`.
    if sizes.is_empty() {
        sizes = trailing_sizes(doc, rule, sentence, before.end, word.0);
    }
    claims_of(doc, rule, sentence, (before, after), word, &sizes, (s, e))
}

/// The sizes of a noun of change after the figure ending at `end`
/// ([`trailing_noun`]), when it goes the verb's way.
fn trailing_sizes<'d>(
    doc: &'d Doc,
    rule: &Rule,
    sentence: Span,
    end: usize,
    dir: Direction,
) -> Vec<&'d Quantity> {
    match trailing_noun(doc, rule, sentence, end) {
        Some((d, _, sizes)) if d == dir => sizes,
        _ => Vec::new(),
    }
}

/// [`verb_before`], past one adverb (`increased significantly to`) or a
/// time phrase (`decreased in fiscal 2006 to`) between the verb and `at`.
fn verb_before_gap<'t>(
    doc: &Doc<'t>,
    rule: &Rule,
    sentence: Span,
    at: usize,
) -> Option<(Direction, &'t str, usize)> {
    if let Some(found) = verb_before(doc, rule, at) {
        return Some(found);
    }
    let lead = doc.text[..at].trim_end();
    let word_start = lead
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    if lead[word_start..].len() > 3 && lead.ends_with("ly") && word_start >= sentence.start {
        return verb_before(doc, rule, word_start);
    }
    let v = &rule.vocabulary;
    let from = crate::text::ceil_boundary(doc.text, at.saturating_sub(64)).max(sentence.start);
    let window = Span::new(from, at);
    let words = doc
        .occurrences(window, &v.increase)
        .into_iter()
        .map(|o| (Direction::Up, o))
        .chain(
            doc.occurrences(window, &v.decrease)
                .into_iter()
                .map(|o| (Direction::Down, o)),
        );
    let (dir, (vs, ve)) = words.max_by_key(|&(_, (vs, _))| vs)?;
    ((time_gap(doc, ve, lead.len()) && names_time(doc, ve, lead.len()))
        || topic_gap(doc, ve, lead.len()))
    .then(|| (dir, &doc.text[vs..ve], vs))
}

/// Whether `a..b` names a time: a year or a date, or a word of time
/// (`decreased in the second quarter to`), not a place or a group (`in
/// counties with populations from 10,000 to 50,000` is a range).
fn names_time(doc: &Doc, a: usize, b: usize) -> bool {
    let dated = doc
        .quantities_in(Span::new(a, b))
        .iter()
        .any(|q| matches!(q.kind, QuantityKind::Year | QuantityKind::Date));
    dated
        || doc.text[a..b]
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| {
                TIME_NOUNS
                    .iter()
                    .chain(crate::lexer::MONTHS)
                    .any(|t| w.eq_ignore_ascii_case(t))
            })
}

/// Whether `q` is a length of time: a duration, or a count of a word of
/// time (`the past 10 years`).
fn spans_time(doc: &Doc, q: &Quantity) -> bool {
    let next = doc.text[q.end..]
        .trim_start_matches(' ')
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    q.is_duration() || (q.kind == QuantityKind::Count && TIME_NOUNS.contains(&next))
}

/// Words that make a phrase one of time (month names too).
const TIME_NOUNS: &[&str] = &[
    "year", "years", "quarter", "quarters", "month", "months", "week", "weeks", "period", "fiscal",
    "decade", "half", "season", "time",
];

/// Whether `a..b` names only what changed, after the verb or noun of change:
/// `in reported sexual assaults` (`the largest increase in reported sexual
/// assaults from 33 to 52`). `in` or `among`, then at most six words of
/// letters, no figure, no word that joins clauses.
fn topic_gap(doc: &Doc, a: usize, b: usize) -> bool {
    let gap = doc.text[a..b].trim();
    let mut words = gap.split(' ').filter(|w| !w.is_empty());
    if !matches!(words.next(), Some("in" | "among")) {
        return false;
    }
    let rest: Vec<&str> = words.collect();
    !rest.is_empty()
        && rest.len() <= 6
        && rest.iter().all(|w| {
            w.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
                && !matches!(
                    *w,
                    "and" | "or" | "but" | "which" | "while" | "compared" | "than" | "that"
                )
                // `in counties with populations from 10,000 to 50,000`: a
                // range qualifies the topic.
                && !matches!(*w, "with" | "without" | "having" | "whose" | "where" | "aged")
        })
}

/// After a share ending at `end`, the whole it is of, then `to`: `from 10%
/// of all patients to 17%`, `from 7% of the RFS in 2010 to 58%`. Where the
/// `to` word ends: at most four words of letters after `of`, perhaps then
/// the year the share is from.
fn to_after_base(doc: &Doc, rule: &Rule, end: usize) -> Option<usize> {
    let limit = crate::text::floor_boundary(doc.text, (end + 64).min(doc.text.len()));
    let rest = &doc.text[end..limit];
    let rest = rest.strip_prefix(" of ")?;
    let mut at = end + 4;
    for (k, word) in rest.split(' ').enumerate() {
        if k > 4 || word.is_empty() {
            return None;
        }
        if k > 0 && rule.vocabulary.to.iter().any(|t| t == word) {
            return Some(at + word.len());
        }
        if k > 0 && word == "in" {
            let dated = skip_year(doc, at - 1);
            let p = skip_space(doc.text, dated);
            return (dated > at)
                .then(|| starts_with_any(&doc.text[p..], &rule.vocabulary.to).map(|t| p + t.len()))
                .flatten();
        }
        if !word.chars().all(|c| c.is_ascii_alphabetic() || c == '-') {
            return None;
        }
        at += word.len() + 1;
    }
    None
}

/// The word of `up` or `down` that `lead` ends with, and its direction.
fn ends_with_direction<'w>(
    lead: &str,
    up: &'w [String],
    down: &'w [String],
) -> Option<(Direction, &'w str)> {
    match (
        super::ends_with_any(lead, up),
        super::ends_with_any(lead, down),
    ) {
        (Some(a), _) => Some((Direction::Up, a)),
        (None, Some(b)) => Some((Direction::Down, b)),
        (None, None) => None,
    }
}

/// The verb of change that ends the text before `at` (spaces aside): its
/// direction, its text and where it starts.
fn verb_before<'t>(doc: &Doc<'t>, rule: &Rule, at: usize) -> Option<(Direction, &'t str, usize)> {
    let v = &rule.vocabulary;
    let lead = doc.text[..at].trim_end();
    let (dir, verb) = ends_with_direction(lead, &v.increase, &v.decrease)?;
    let verb_at = lead.len() - verb.len();
    Some((dir, &doc.text[verb_at..lead.len()], verb_at))
}

/// The stated sizes ending at `at`, last first: `$788, or 5.8%,` / `by 2%` /
/// `2%`; and where the text before them ends. `None` when a figure there
/// cannot be a size.
fn sizes_before<'d>(
    doc: &'d Doc,
    sentence: Span,
    mut at: usize,
) -> Option<(Vec<&'d Quantity>, usize)> {
    let mut sizes: Vec<&Quantity> = Vec::new();
    loop {
        let t = doc.text[..at].trim_end_matches([' ', ',']);
        // `$0.58 per diluted share or 36.9%`: a size per share.
        let Some(q) = doc
            .quantity_ending_at(t.len())
            .or_else(|| per_tail(doc, sentence.start, t.len()))
        else {
            at = t.len();
            break;
        };
        // A year right before `to` ends a time phrase (decreased in fiscal
        // 2006 to …): no size, the verb is further back.
        if !q.kind.is_checkable() && sizes.is_empty() && q.kind == QuantityKind::Year {
            at = t.len();
            break;
        }
        if !q.kind.is_checkable() || sizes.len() == 2 || q.start < sentence.start {
            return None;
        }
        sizes.push(q);
        let t = doc.text[..q.start].trim_end_matches([' ', ',']);
        at = match ["or", "by"].iter().find(|w| super::word_before(t, w)) {
            Some(w) => t.len() - w.len(),
            None => t.len(),
        };
    }
    Some((sizes, at))
}

/// The checkable figure nearest before `at` in the sentence, with at most a
/// time phrase between (`$834.3 million at March 31, 2006`, `$17.5 million
/// in fiscal 2003`).
fn figure_before<'d>(doc: &'d Doc, sentence_start: usize, at: usize) -> Option<&'d Quantity> {
    let from = crate::text::ceil_boundary(doc.text, at.saturating_sub(96)).max(sentence_start);
    // The nearest, or the one before it when that is the share beside it
    // (`$5.6 million, or 19.6% of net sales, for fiscal 2000`).
    doc.quantities_in(Span::new(from, at))
        .iter()
        .rev()
        .filter(|q| q.kind.is_checkable())
        .take(2)
        .find(|q| time_gap(doc, q.end, at))
}

/// The checkable figure nearest before `at` when what it measures follows
/// it, then perhaps a time phrase: `19.92 billion gallons of total renewable
/// fuel for 2019` (a count's noun of one or two words, then `of` and up to
/// four words of letters).
fn named_before<'d>(doc: &'d Doc, sentence_start: usize, at: usize) -> Option<&'d Quantity> {
    let from = crate::text::ceil_boundary(doc.text, at.saturating_sub(96)).max(sentence_start);
    let q = doc
        .quantities_in(Span::new(from, at))
        .iter()
        .rev()
        .find(|q| q.kind.is_checkable())?;
    let mut p = q.end;
    let mut nouns = if q.kind == QuantityKind::Count { 2 } else { 0 };
    let mut named = 0;
    for word in doc.text[q.end..at].split(' ').skip(1) {
        if time_gap(doc, p, at) && p > q.end {
            return Some(q);
        }
        let letters = !word.is_empty() && word.chars().all(|c| c.is_ascii_alphabetic());
        if word == "of" && named == 0 {
            named = 1;
        } else if letters && named > 0 && named <= 4 {
            named += 1;
        } else if letters && nouns > 0 && named == 0 {
            nouns -= 1;
        } else {
            return None;
        }
        p += word.len() + 1;
    }
    None
}

/// The words a time phrase after a figure opens with.
const TIME_OPENERS: &[&str] = &[
    "in ",
    "for ",
    "at ",
    "on ",
    "as of ",
    "during ",
    "as at ",
    "over time",
    "over the ",
];

/// Whether `a..b` is empty or a short phrase of time that states no other
/// figure: ` in fiscal 2003`, ` at March 31, 2006`, ` for the year ended June
/// 30, 2003`.
fn time_gap(doc: &Doc, a: usize, b: usize) -> bool {
    let a = share_aside(doc, a, b).unwrap_or(a);
    let a = skip_per(doc, a).min(b);
    let gap = &doc.text[a..b];
    if gap.trim().is_empty() {
        return true;
    }
    if gap.len() > 64 || gap.contains([';', ':', '(', ')']) {
        return false;
    }
    let lower = gap.trim().to_ascii_lowercase();
    let opens = TIME_OPENERS.iter().any(|p| lower.starts_with(p));
    let joins = lower.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
        matches!(
            w,
            "and" | "or" | "but" | "which" | "while" | "compared" | "than"
        )
    });
    opens
        && !joins
        && doc
            .quantities_in(Span::new(a, b))
            .iter()
            .all(|q| !q.kind.is_checkable())
}

/// A share stated beside a value, in `a..b` right after it: `, or 19.6% of
/// net sales,` (`$5.6 million, or 19.6% of net sales, for fiscal 2000`). Where
/// it ends: past its words (up to a comma, a time phrase or `b`) and a comma.
fn share_aside(doc: &Doc, a: usize, b: usize) -> Option<usize> {
    let gap = &doc.text[a..b];
    let t = gap.trim_start_matches([' ', ',']);
    let r = t.strip_prefix("or ")?;
    let share = doc
        .quantity_at(skip_space(doc.text, b - r.len()))
        .filter(|q| q.kind == QuantityKind::Percent && q.end < b)?;
    let words = doc.text[share.end..b].strip_prefix(" of ")?;
    let mut k = b - words.len();
    for w in words.split_inclusive(' ') {
        let word = w.trim_end();
        let bare = word.trim_end_matches(',');
        let opens_time = matches!(bare, "in" | "for" | "at" | "on" | "as" | "during");
        if opens_time || !bare.chars().all(|c| c.is_ascii_alphabetic() || c == '-') {
            break;
        }
        k += w.len();
        if word.ends_with(',') {
            break;
        }
    }
    let k = k + doc.text[k..b].len() - doc.text[k..b].trim_start_matches([' ', ',']).len();
    Some(k)
}

/// The claims of one change with its stated sizes (none: the direction only).
#[allow(clippy::too_many_arguments)]
fn claims_of(
    doc: &Doc,
    rule: &Rule,
    sentence: Span,
    (before, after): (&Quantity, &Quantity),
    (dir, verb_text, verb_at): (Direction, &str, usize),
    sizes: &[&Quantity],
    from_word: (usize, usize),
) -> Option<Vec<Claim>> {
    let v = &rule.vocabulary;
    let comparable = before.same_family(after)
        || (before.kind == QuantityKind::Percent && after.kind == QuantityKind::Percent);
    if !comparable || after.end > sentence.end || before.end > sentence.end {
        return None;
    }
    // A per-period size (an average annual 4%) is not this change.
    let span = Span::new(
        verb_at.min(before.start).min(after.start),
        before.end.max(after.end),
    );
    if doc
        .occurrences(span, &v.per_period)
        .into_iter()
        .any(|(s, e)| !names_a_date(doc, s, e) && (s, e) != from_word)
    {
        return None;
    }
    let mut claims: Vec<Claim> = sizes
        .iter()
        .rev()
        .map(|d| judge(doc, rule, before, after, dir, verb_text, Some(d)))
        .collect();
    if claims.is_empty() {
        claims.push(judge(doc, rule, before, after, dir, verb_text, None));
    }
    Some(claims)
}

/// Whether the word at `s..e` opens a date (`on June 30, 2003`, `on 1
/// March`): a time phrase after a figure, not a base of comparison (`up 4% on
/// 2019` names a year alone).
fn names_a_date(doc: &Doc, s: usize, e: usize) -> bool {
    let limit = crate::text::floor_boundary(doc.text, (e + 16).min(doc.text.len()));
    doc.text[s..e].eq_ignore_ascii_case("on")
        && doc
            .quantities_in(Span::new(e, limit))
            .first()
            .is_some_and(|q| q.kind == QuantityKind::Date)
}

/// `decreased 56.0% from $108.3 million in fiscal 2001 to $47.6 million`:
/// the verb, its size, then `from` X, a time phrase, `to` Y.
fn size_from_to(doc: &Doc, rule: &Rule, sentence: Span, s: usize, e: usize) -> Option<Vec<Claim>> {
    let (sizes, at) = sizes_before(doc, sentence, s)?;
    if sizes.is_empty() {
        return None;
    }
    // `increased approximately 36%, from`: a hedge before the size.
    let lead = doc.text[..at].trim_end();
    let at = match super::ends_with_any(lead, &rule.vocabulary.hedges) {
        Some(h) if super::word_before(lead, h) => lead.len() - h.len(),
        _ => at,
    };
    let word = verb_before(doc, rule, at)?;
    let before = doc
        .quantity_at(skip_space(doc.text, e))
        .filter(|q| q.kind.is_checkable())?;
    let after = figure_after_to(doc, rule, before.end)?;
    claims_of(doc, rule, sentence, (before, after), word, &sizes, (s, e))
}

/// `an increase of $263 million at Cable Networks from $3,522 million to
/// $3,785 million`: a noun of change (`a`/`an` before it) with `of` and its
/// size, where it happened (`at`/`in` and up to four words of letters), then
/// `from` X `to` Y.
fn noun_size_from_to(
    doc: &Doc,
    rule: &Rule,
    sentence: Span,
    s: usize,
    e: usize,
) -> Option<Vec<Claim>> {
    let v = &rule.vocabulary;
    let lead = doc.text[..s].trim_end();
    let from =
        crate::text::ceil_boundary(doc.text, lead.len().saturating_sub(48)).max(sentence.start);
    if from >= lead.len() {
        return None;
    }
    // Back over `at Cable Networks`: the last ` at `/` in ` whose words
    // after it are letters only.
    let place = ["at", "in"].iter().find_map(|w| {
        let pat = format!(" {w} ");
        let i = from + doc.text[from..lead.len()].rfind(pat.as_str())?;
        let words: Vec<&str> = doc.text[i + pat.len()..lead.len()].split(' ').collect();
        (words.len() <= 4
            && words
                .iter()
                .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphabetic() || c == '-')))
        .then_some(i)
    });
    let (sizes, at) = sizes_before(doc, sentence, place?)?;
    let [size] = sizes.as_slice() else {
        return None;
    };
    let head = doc.text[..at].trim_end().strip_suffix("of")?.trim_end();
    let (dir, noun) = ends_with_direction(head, &v.rise_nouns, &v.fall_nouns)?;
    let noun_at = head.len() - noun.len();
    if !["an", "a"]
        .iter()
        .any(|w| super::word_before(doc.text[..noun_at].trim_end(), w))
    {
        return None;
    }
    let before = doc
        .quantity_at(skip_space(doc.text, e))
        .filter(|q| q.kind.is_checkable())?;
    let after = figure_after_to(doc, rule, before.end)?;
    let word = (dir, &doc.text[noun_at..head.len()], noun_at);
    claims_of(doc, rule, sentence, (before, after), word, &[*size], (s, e))
}

/// After a figure: a time phrase, then `to` and the figure it names.
fn figure_after_to<'d>(doc: &'d Doc, rule: &Rule, end: usize) -> Option<&'d Quantity> {
    let to_end = to_after_time(doc, rule, skip_per(doc, end))?;
    doc.quantity_at(skip_space(doc.text, to_end))
        .filter(|q| q.kind.is_checkable())
}

/// Where a `to` word ends that follows a figure ending at `end`, with at
/// most a time phrase between (`$11.8 million in fiscal 2002 to`).
fn to_after_time(doc: &Doc, rule: &Rule, end: usize) -> Option<usize> {
    let limit = crate::text::floor_boundary(doc.text, (end + 96).min(doc.text.len()));
    // A cheap look first: a time phrase opens (after a share beside the value).
    let a = share_aside(doc, end, limit).unwrap_or(end);
    let p = skip_space(doc.text, a).min(limit);
    if a == end {
        if let Some(to) = starts_with_any(&doc.text[p..], &rule.vocabulary.to) {
            return Some(p + to.len());
        }
    }
    let head: String = doc.text[p..limit]
        .chars()
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    if !TIME_OPENERS.iter().any(|o| head.starts_with(o)) {
        return None;
    }
    doc.occurrences(Span::new(end, limit), &rule.vocabulary.to)
        .into_iter()
        .find(|&(ts, _)| time_gap(doc, end, ts))
        .map(|(_, te)| te)
}

/// `was $44.5 million, a 23.5% increase from $36.0 million`, `totaled
/// $262.4 million, an increase of $99.6 million from $162.7 million`: the
/// value after, a comma, a noun of change (`rise_nouns`, `fall_nouns`) with
/// its size, then `from` the value before.
fn noun_from(doc: &Doc, rule: &Rule, sentence: Span, s: usize, e: usize) -> Option<Vec<Claim>> {
    let v = &rule.vocabulary;
    if v.rise_nouns.is_empty() && v.fall_nouns.is_empty() {
        return None;
    }
    let head = doc.text[..s].trim_end().trim_end_matches(',').trim_end();
    let mut extra: Vec<&Quantity> = Vec::new();
    let noun_dir = |t: &str| {
        ends_with_direction(t, &v.rise_nouns, &v.fall_nouns).map(|(d, w)| (d, t.len() - w.len()))
    };
    // a 23.5% increase | an increase of 23.5%
    let (dir, size, article_end, noun) = if let Some((dir, n)) = noun_dir(head) {
        let t = doc.text[..n].trim_end();
        let size = doc
            .quantity_ending_at(t.len())
            .filter(|q| q.kind.is_checkable())?;
        let noun = &doc.text[n..head.len()];
        (dir, size, doc.text[..size.start].trim_end().len(), noun)
    } else {
        // an increase of $325.6 million, or 730%,
        let (sizes, at) = sizes_before(doc, sentence, head.len())?;
        let size = *sizes.last()?;
        let t = doc.text[..at].trim_end();
        let t = t.strip_suffix("of")?.trim_end();
        let (dir, n) = noun_dir(t)?;
        extra = sizes[..sizes.len() - 1].to_vec();
        (dir, size, n, &doc.text[n..t.len()])
    };
    let lead = doc.text[..article_end].trim_end();
    let lead = ["an", "a"]
        .iter()
        .find(|w| super::word_before(lead, w))
        .map_or(lead, |w| lead[..lead.len() - w.len()].trim_end());
    let lead = lead
        .strip_suffix(',')
        .or_else(|| lead.strip_suffix(['—', '–']))?;
    if lead.len() < sentence.start {
        return None;
    }
    let after = figure_before(doc, sentence.start, lead.len())
        .or_else(|| named_before(doc, sentence.start, lead.len()))?;
    let p = skip_space(doc.text, e);
    let p = if super::word_at(&doc.text[p..], "the") {
        skip_space(doc.text, p + 3)
    } else {
        p
    };
    let before = doc.quantity_at(p).filter(|q| q.kind.is_checkable())?;
    let mut sizes = extra;
    sizes.push(size);
    let word = (dir, noun, after.start);
    claims_of(doc, rule, sentence, (before, after), word, &sizes, (s, e))
}

/// `was $100.9 million compared to $53.2 million in fiscal 2006, an
/// increase of $47.8 million, or 90%`: the value after, the `from` word, the
/// value before (a time phrase may follow each), a comma and a noun of change
/// with its sizes (`an increase of D, or P%`, `a P% increase`).
fn from_then_noun(
    doc: &Doc,
    rule: &Rule,
    sentence: Span,
    s: usize,
    e: usize,
) -> Option<Vec<Claim>> {
    let before = doc
        .quantity_at(skip_space(doc.text, e))
        .filter(|q| q.kind.is_checkable())?;
    let after = figure_before(doc, sentence.start, s)?;
    let (dir, noun, sizes) = trailing_noun(doc, rule, sentence, before.end)?;
    let word = (dir, noun, after.start);
    claims_of(doc, rule, sentence, (before, after), word, &sizes, (s, e))
}

/// After a figure ending at `end` (and its time phrase), a comma and a noun
/// of change with its sizes: `, an increase of D[, or P%]`, `, a P%
/// increase`. The noun's direction and text, and the sizes.
fn trailing_noun<'d>(
    doc: &'d Doc,
    rule: &Rule,
    sentence: Span,
    end: usize,
) -> Option<(Direction, &'d str, Vec<&'d Quantity>)> {
    let v = &rule.vocabulary;
    if end >= sentence.end {
        return None;
    }
    // The comma that ends the value and its time phrase (which may hold
    // commas of its own: `at June 30, 1996, an increase of …`).
    let limit = crate::text::floor_boundary(doc.text, (end + 64).min(sentence.end));
    let (rest, article) = doc.text[end..limit]
        .match_indices(',')
        .map(|(k, _)| end + k)
        .take_while(|&comma| time_gap(doc, end, comma))
        .find_map(|comma| {
            let rest = skip_space(doc.text, comma + 1).min(sentence.end);
            let t = &doc.text[rest..sentence.end];
            ["an ", "a "]
                .into_iter()
                .find(|a| t.starts_with(a))
                .map(|a| (rest, a))
        })?;
    let at = skip_space(doc.text, rest + article.len());
    // The noun as it stands in the text.
    let noun_at = |p: usize| -> Option<(Direction, &'d str)> {
        let t = &doc.text[p..sentence.end];
        starts_with_any(t, &v.rise_nouns)
            .map(|w| (Direction::Up, w.len()))
            .or_else(|| starts_with_any(t, &v.fall_nouns).map(|w| (Direction::Down, w.len())))
            .map(|(d, n)| (d, &doc.text[p..p + n]))
    };
    let mut sizes: Vec<&Quantity> = Vec::new();
    let (dir, noun) = if let Some((dir, noun)) = noun_at(at) {
        // an increase of D[, or P%]
        let p = skip_space(doc.text, at + noun.len());
        doc.text[p..].strip_prefix("of ")?;
        let p = skip_space(doc.text, p + 2);
        let first = doc.quantity_at(p).filter(|q| q.kind.is_checkable())?;
        sizes.push(first);
        let q = doc.text[first.end..].trim_start_matches([' ', ',']);
        if let Some(r) = q.strip_prefix("or ") {
            let p2 = doc.text.len() - r.len();
            if let Some(second) = doc.quantity_at(skip_space(doc.text, p2)) {
                sizes.push(second);
            }
        }
        (dir, noun)
    } else {
        // a P% increase
        let size = doc.quantity_at(at).filter(|q| q.kind.is_checkable())?;
        let (dir, noun) = noun_at(skip_space(doc.text, size.end))?;
        sizes.push(size);
        (dir, noun)
    };
    if sizes.iter().any(|q| q.end > sentence.end) {
        return None;
    }
    Some((dir, noun, sizes))
}

/// `doubled from 45 to 60`: the verb states a multiple that the figures must
/// meet (vocabulary `multiples`, as `doubled:2`).
fn multiple_verdict(
    doc: &Doc,
    rule: &Rule,
    before: &Quantity,
    after: &Quantity,
    verb: &str,
) -> Option<Verdict> {
    // more than doubled, nearly tripled: the multiple is a bound, not a value.
    // (The verb stands just before `from`: look back a short way only.)
    let window = crate::text::ceil_boundary(doc.text, before.start.saturating_sub(96));
    let verb_at = doc.text[window..before.start]
        .rfind(verb)
        .map_or(window, |k| window + k);
    let head = doc.text[window..verb_at].trim_end();
    if super::ends_with_any(head, &rule.vocabulary.hedges).is_some() {
        return None;
    }
    let factor = rule.vocabulary.multiples.iter().find_map(|m| {
        let (word, f) = m.split_once(':')?;
        if !word.eq_ignore_ascii_case(verb) {
            return None;
        }
        match f.split_once('/') {
            Some((a, b)) => {
                Some(crate::exact::parse_decimal(a)?.0 / crate::exact::parse_decimal(b)?.0)
            }
            None => Some(crate::exact::parse_decimal(f)?.0),
        }
    })?;
    let ratio = after.interval.div_nonneg(&before.interval)?;
    if ratio.contains(&factor) {
        return None;
    }
    let exact = (!before.value.is_zero()).then(|| &after.value / &before.value);
    Some(Verdict {
        primary: 1,
        message: format!(
            "the text says {verb} (×{}), but {} / {} = {}",
            super::fmt(&factor),
            figure(doc, after),
            figure(doc, before),
            exact
                .map(|x| fmt_fixed(&x, 2))
                .unwrap_or_else(|| "?".into())
        ),
        expected: Some(super::fmt(&(&before.value * &factor))),
        help: "correct the verb or one of the figures".into(),
    })
}

/// The first `by` word after the two figures followed by a figure: 增长12%.
/// In the next clause (from `next` on) the word must open it: a clause with
/// a subject of its own (`,县城面积分别提高8%`) states another change.
fn stated_change<'d>(
    doc: &'d Doc,
    rule: &Rule,
    from: usize,
    to: usize,
    next: Option<usize>,
) -> Option<&'d Quantity> {
    if from >= to {
        return None;
    }
    let span = Span::new(from, to);
    let per_period = &rule.vocabulary.per_period;
    // 翻了一番 states the size by itself.
    if let Some(q) = doc
        .quantities_in(span)
        .first()
        .filter(|q| q.unit == Some("番"))
    {
        return Some(q);
    }
    for (s, e) in doc.occurrences(span, &rule.vocabulary.by) {
        // 年均增长10%, an average annual increase of 10%: a yearly rate, not
        // the change between the figures; 按可比价格计算增长, in real terms: a
        // change net of prices, not of the figures as written.
        if !doc.occurrences(Span::new(from, s), per_period).is_empty()
            || super::ends_with_any(doc.text[..s].trim_end(), per_period).is_some()
        {
            return None;
        }
        // (A span of time may open it: `,四年增长一点二倍`, `,四年间增长…`.)
        if let Some(n) = next.filter(|&n| n <= s) {
            // `,即增长二点八倍`: 即 (that is) may open it.
            let opens = skip_space(doc.text, n);
            let opens = match doc.text[opens..].strip_prefix('即') {
                Some(_) => opens + '即'.len_utf8(),
                None => opens,
            };
            let after_span = doc
                .quantity_at(opens)
                .filter(|q| q.is_duration() && q.end <= s)
                .map(|q| {
                    let t = &doc.text[q.end..s];
                    skip_space(doc.text, q.end) + t.len() - t.trim_start_matches(['间', '来']).len()
                });
            if opens != s && after_span != Some(s) {
                return None;
            }
        }
        if let Some(q) = doc.quantity_at(skip_space(doc.text, e)) {
            if q.kind.is_checkable() {
                // up 8% year on year, up 4% on 2019, 增长8%以上
                let after = &doc.text[skip_space(doc.text, q.end)..];
                if starts_with_any(after, per_period).is_some() || q.approx.is_some() {
                    return None;
                }
                return Some(q);
            }
        }
    }
    None
}

fn judge(
    doc: &Doc,
    rule: &Rule,
    before: &Quantity,
    after: &Quantity,
    dir: Direction,
    verb: &str,
    stated: Option<&Quantity>,
) -> Claim {
    let mut labels = vec![
        Label::of(Role::Before, before),
        Label::of(Role::After, after),
    ];
    let wrong_way = match dir {
        Direction::Up => {
            matches!((&after.interval.hi, &before.interval.lo), (Some(a), Some(b)) if a <= b)
        }
        Direction::Down => {
            matches!((&after.interval.lo, &before.interval.hi), (Some(a), Some(b)) if a >= b)
        }
    };
    let mut verdict = wrong_way.then(|| Verdict {
        primary: 1,
        message: format!(
            "the text says {verb}, but {} is {} {}",
            figure(doc, after),
            if dir == Direction::Up {
                "not more than"
            } else {
                "not less than"
            },
            figure(doc, before)
        ),
        expected: None,
        help: "check the verb and the two figures: one of them is wrong".into(),
    });
    if let Some(d) = stated {
        if let Some(computed) = size_of_change(doc, before, after, dir, d) {
            labels.push(Label::of(Role::Change, d));
            let allowed = with_tolerance(&d.stated_interval(), &rule.tolerance);
            // Between two rates a size in % may be meant in points (a margin
            // up 5.5% from 18.0% to 23.5%): either reading may hold.
            let as_points = d.kind == QuantityKind::Percent
                && before.kind == QuantityKind::Percent
                && after.kind == QuantityKind::Percent
                && match dir {
                    Direction::Up => after.interval.sub(&before.interval),
                    Direction::Down => before.interval.sub(&after.interval),
                }
                .overlaps(&allowed);
            if verdict.is_none() && !as_points && !computed.overlaps(&allowed) {
                let exact = exact_size(before, after, dir, d);
                let unit = match d.kind {
                    QuantityKind::Percent => "%".to_string(),
                    QuantityKind::PercentagePoints if rule.lang == Some(crate::text::Lang::En) => {
                        " percentage points".to_string()
                    }
                    QuantityKind::PercentagePoints => "个百分点".to_string(),
                    QuantityKind::Multiple => "倍".to_string(),
                    _ => d.unit.unwrap_or("").to_string(),
                };
                let decimals = d.decimals;
                // A currency sign stands before its amount: $1,240.
                let (prefix, unit) = match unit.as_str() {
                    "$" | "€" | "£" | "¥" => (unit.clone(), String::new()),
                    _ => (String::new(), unit),
                };
                let expected = exact
                    .as_ref()
                    .map(|x| format!("{prefix}{}{unit}", fmt_fixed(x, decimals)));
                verdict = Some(Verdict {
                    primary: 2,
                    message: format!(
                        "from {} to {} is a change of {}, but the text says {}",
                        figure(doc, before),
                        figure(doc, after),
                        exact
                            .as_ref()
                            .map(|x| {
                                let shown = match d.kind {
                                    QuantityKind::Percent | QuantityKind::Multiple => {
                                        (decimals + 1).max(2)
                                    }
                                    _ => decimals,
                                };
                                format!("{prefix}{}{unit}", fmt_fixed(x, shown))
                            })
                            .unwrap_or_else(|| "something else".into()),
                        shown(doc, d)
                    ),
                    help: match &expected {
                        Some(e) => format!("write {e}, or correct the figures"),
                        None => "correct the stated change or the figures".into(),
                    },
                    expected,
                });
            }
        }
    }
    Claim {
        check: CheckKind::Change,
        rule: rule.id.clone(),
        labels,
        verdict,
    }
}

/// The change between the figures in the unit of the stated size, as an
/// interval; `None` when the stated figure cannot measure this change.
fn size_of_change(
    doc: &Doc,
    before: &Quantity,
    after: &Quantity,
    dir: Direction,
    d: &Quantity,
) -> Option<Interval> {
    let (b, a) = (rounded_reading(doc, before), rounded_reading(doc, after));
    let (hi_side, lo_side) = match dir {
        Direction::Up => (&a, &b),
        Direction::Down => (&b, &a),
    };
    match d.kind {
        QuantityKind::Percent => {
            // Relative change: |after - before| / before × 100.
            let ratio = a.div_nonneg(&b)?;
            let one = Interval::exact(int(1));
            let rel = match dir {
                Direction::Up => ratio.sub(&one),
                Direction::Down => one.sub(&ratio),
            };
            Some(rel.scale(&int(100)))
        }
        QuantityKind::PercentagePoints if before.kind == QuantityKind::Percent => {
            Some(hi_side.sub(lo_side))
        }
        // 翻一番 is the ratio itself; 增长2倍 is the growth, the ratio less one.
        QuantityKind::Multiple if dir == Direction::Up && d.unit == Some("番") => a.div_nonneg(&b),
        QuantityKind::Multiple if dir == Direction::Up => {
            let ratio = a.div_nonneg(&b)?;
            Some(ratio.sub(&Interval::exact(int(1))))
        }
        k if k.is_magnitude() && d.same_family(before) => Some(hi_side.sub(lo_side)),
        _ => None,
    }
}

/// A figure's interval, read as rounded to the thousand where its last group
/// of digits is `,000` (`$605,000`: accounts presented in thousands; it may
/// be 604,500 to 605,500), so that a stated size computed from the unrounded
/// amounts holds.
fn rounded_reading(doc: &Doc, q: &Quantity) -> Interval {
    let written = doc.text[q.start..q.end].trim_end_matches(|c: char| !c.is_ascii_digit());
    if !q.interval.is_exact() || !written.ends_with(",000") {
        return q.interval.clone();
    }
    let half = int(500);
    Interval::new(Some(&q.value - &half), Some(&q.value + &half))
}

/// The change computed from the figures as written, for messages.
fn exact_size(before: &Quantity, after: &Quantity, dir: Direction, d: &Quantity) -> Option<Num> {
    let diff = match dir {
        Direction::Up => &after.value - &before.value,
        Direction::Down => &before.value - &after.value,
    };
    match d.kind {
        QuantityKind::Percent if !before.value.is_zero() => Some(diff / &before.value * int(100)),
        QuantityKind::Multiple if !before.value.is_zero() => {
            Some(&after.value / &before.value - int(1))
        }
        QuantityKind::Percent | QuantityKind::Multiple => None,
        _ => Some(diff),
    }
}
