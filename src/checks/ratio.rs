//! `ratio`: a whole, a part of it and a stated rate.
//!
//! Its wordings, each driven by the rule's vocabulary:
//! - need/done: `需救治17093人,已救治17025人,救治进度99.3%` — a `whole` word
//!   before a figure, a `part` word before a figure of the same family in the
//!   next clause, a `rate` word before a percentage within three clauses;
//! - share: `党员120人,占职工总数300人的40%` or, with the whole named earlier
//!   (`湖北省共1亿元`), `…资金占全省的近四分之一`;
//! - English `of`: `Of the 139 patients, 54 (38.8%) …`, `54 of 139 (38.8%)`;
//! - both counts beside their rate in brackets (`counted`): `38.8% (54 of
//!   139)`, `54/139 (38.8%)`, `(54/139, 38.8%)`.
//!
//! The claim holds when part / whole can lie in the interval the rate stands
//! for, read as rounded half-up or truncated (CONTRACT.md). A span of time is
//! never a whole or a part; a text that says its records are weighted
//! (`weighted`) gets no claim from its counts and rates.

mod counted;

use super::{
    chars_between, figure, fmt_fixed, inside_word, shown, skip_space, starts_with_any,
    with_tolerance, Claim, Doc, Label, Role, Verdict,
};
use crate::exact::{int, Interval, Num};
use crate::lexer::{Quantity, QuantityKind};
use crate::rules::{CheckKind, Rule};
use crate::text::Span;
use crate::words::Words;

/// How far (in characters) a marker word may stand before its figure.
const MARKER_REACH: usize = 12;

/// How far before its piece a text is searched for `weighted` words.
const WEIGHTED_REACH: usize = 64 * 1024;

pub fn find(doc: &Doc, rule: &Rule) -> Vec<Claim> {
    let mut out = Vec::new();
    let v = &rule.vocabulary;
    // A survey that weights its records states weighted rates beside
    // unweighted counts (9,369 visits (6.1%)): counts and rates do not divide.
    if !v.weighted.is_empty() {
        let from =
            crate::text::ceil_boundary(doc.text, doc.span.start.saturating_sub(WEIGHTED_REACH));
        let span = Span::new(from, doc.span.end);
        if doc.first_occurrence(span, &v.weighted).is_some() {
            return out;
        }
    }
    // Every wording states a rate of a whole that is a magnitude.
    for sentence in doc.sentences_where(rule.lang, |f| {
        f.all >= 2 && f.rates >= 1 && f.magnitudes >= 1
    }) {
        if !v.whole.is_empty() && !v.part.is_empty() && !v.rate.is_empty() {
            need_done(doc, rule, sentence, &mut out);
            named(doc, rule, sentence, &mut out);
        }
        if !v.share.is_empty() {
            share(doc, rule, sentence, &mut out);
            of_which_share(doc, rule, sentence, &mut out);
            rate_named_after_part(doc, rule, sentence, &mut out);
        }
        if !v.of_whole.is_empty() && !v.rate_lead.is_empty() {
            of_whole(doc, rule, sentence, &mut out);
            part_rate_of_whole(doc, sentence, &mut out, rule);
        }
        if !v.slash.is_empty() {
            counted::find(doc, rule, sentence, &mut out);
        }
    }
    // A span of time is no whole or part (两年…占五年投资总额的32%).
    out.retain(|c| {
        !c.labels.iter().any(|l| {
            matches!(l.role, Role::Whole | Role::Part)
                && doc
                    .quantity_at(l.span.start)
                    .is_some_and(|q| q.is_duration())
        })
    });
    out
}

/// The text between two figures, with spaces trimmed.
fn gap<'t>(doc: &Doc<'t>, from: usize, to: usize) -> &'t str {
    doc.text.get(from..to).map_or("", str::trim)
}

/// Whether the gap before a rate is one of the words that introduce it:
/// `1,100 (88%)`, `500 schools, or 82.4%`.
fn led_by(gap: &str, leads: &[String]) -> bool {
    let g = gap.trim_start_matches(',').trim();
    leads
        .iter()
        .any(|l| g.eq_ignore_ascii_case(l) || g.eq_ignore_ascii_case(&format!(", {l}")))
}

/// English: `Of the 1,250 patients, 1,100 (88%) recovered`, `1,100 of the
/// 1,250 patients (88%)`, `412 out of 500 schools, or 82.4%`.
fn of_whole(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    let clauses = doc.clauses(sentence);
    let qs = doc.quantities_in(sentence);
    // Of the Y, X (Z%)
    for (k, w) in clauses.windows(2).enumerate() {
        let mut at = skip_space(doc.text, w[0].start);
        // 1. Of the 200 staff: past a list marker.
        if let Some(marker) = doc
            .quantity_at(at)
            .filter(|q| q.kind == crate::lexer::QuantityKind::Ordinal)
        {
            at = skip_space(doc.text, marker.end);
        }
        // `For the 141 nominees, 136 (96.4%) …`: a head word only here.
        let head = super::range(doc.text, at, w[0].end);
        let lead = starts_with_any(head, &v.whole_lead).filter(|l| {
            doc.quantity_at(skip_space(doc.text, at + l.len()))
                .is_some_and(|q| q.kind.is_magnitude())
        });
        let Some(word) = lead.or_else(|| starts_with_any(head, &v.of_whole)) else {
            continue;
        };
        let Some(whole) = doc
            .quantity_at(skip_space(doc.text, at + word.len()))
            .filter(|q| q.kind.is_magnitude())
        else {
            // `Of these,` / `, of which`: the whole stands before.
            if let Some(whole) = pointed_whole(doc, sentence, &clauses, k, at + word.len()) {
                // After `of which`, the pairs open in its clause (past the
                // word, not a new base); after `Of these,`, in the next.
                let rest = &doc.text[at + word.len()..w[0].end];
                let from = match rest.split_whitespace().next() {
                    Some(rel @ ("which" | "whom")) => {
                        w[0].end - rest.trim_start().len() + rel.len()
                    }
                    _ => w[0].end,
                };
                later_pairs(doc, rule, sentence, whole, from, out);
            }
            continue;
        };
        // Pairs in brackets anywhere after the head: `the most common were
        // diarrhea (80 [87%]), fever (61 [66%])`.
        later_pairs(doc, rule, sentence, whole, w[0].end, out);
        let in_part = doc.quantities_in(w[1]);
        let (Some(part), Some(stated)) = (in_part.first(), in_part.get(1)) else {
            continue;
        };
        if part.start != skip_space(doc.text, w[1].start)
            || !part.kind.is_magnitude()
            || !stated.kind.is_rate()
        {
            continue;
        }
        if part.same_family(whole)
            && led_by(gap(doc, part.end, stated.start), &v.rate_lead)
            && closes(doc, stated)
            && !other_base(doc, part, stated)
        {
            out.push(judge(doc, rule, whole, part, stated));
            later_pairs(doc, rule, sentence, whole, stated.end, out);
        }
    }
    // X of the Y … (Z%)
    for (k, part) in qs.iter().enumerate() {
        if !part.kind.is_magnitude() {
            continue;
        }
        let at = skip_space(doc.text, part.end);
        let Some(word) = starts_with_any(super::range(doc.text, at, sentence.end), &v.of_whole)
        else {
            continue;
        };
        let Some(whole) = qs
            .get(k + 1)
            .filter(|q| q.start == skip_space(doc.text, at + word.len()))
        else {
            continue;
        };
        let Some(stated) = qs.get(k + 2) else {
            continue;
        };
        if !whole.kind.is_magnitude() || !whole.same_family(part) || !stated.kind.is_rate() {
            continue;
        }
        // After a colon the rate is an item's (`in four of the six
        // occupations: maids (52%), …`).
        if stated.start - whole.end > 80
            || doc.text[whole.end..stated.start].contains([':', '：'])
            || !led_by(lead_before(doc, stated.start), &v.rate_lead)
            || !closes(doc, stated)
            || other_base(doc, part, stated)
        {
            continue;
        }
        out.push(judge(doc, rule, whole, part, stated));
    }
}

/// After `Of the 139 patients, 54 (38.8%) recovered`, the pairs that follow
/// share the whole: `, 59 (42.4%) improved, and 26 (18.7%) …`, `diarrhea
/// (80 [87%]), fever (61 [66%])`, `$93.5 million or 32.1% of such revenues
/// …; $33.7 million or 11.6% …`. Each is a figure of the whole's family with
/// its rate right after it, alone in brackets or after `or`; a rate of
/// another base (`or 5% of sales`; `of such revenues`, `of the total` name
/// this one) ends them. They run on past semicolons, and end at a new base
/// (`of whom`, `among them`, `of the N`) or a figure of the family without a
/// rate (unless a threshold: `at least one nay vote`).
fn later_pairs(
    doc: &Doc,
    rule: &Rule,
    sentence: Span,
    whole: &Quantity,
    from: usize,
    out: &mut Vec<Claim>,
) {
    let mut sentence = sentence;
    let mut from = from;
    for _ in 0..MAX_PAIR_SENTENCES {
        let (ended, last_end) = pairs_in(doc, rule, whole, Span::new(from, sentence.end), out);
        if ended || !doc.slice(sentence).trim_end().ends_with(';') {
            return;
        }
        // On into the sentence after a semicolon, if nothing but its end
        // followed the last pair.
        if last_end < sentence.end
            && !doc.text[last_end..sentence.end]
                .trim_start_matches([')', ']'])
                .chars()
                .all(|c| c.is_alphabetic() || c.is_whitespace() || matches!(c, ';' | ',' | '-'))
        {
            return;
        }
        let Some(next) = super::subset::next_sentence(doc, sentence) else {
            return;
        };
        sentence = next;
        from = next.start;
    }
}

/// Sentences at most that one series of pairs runs over.
const MAX_PAIR_SENTENCES: usize = 12;

/// The pairs of [`later_pairs`] in `span` (the rest of one sentence):
/// whether they ended there, and where the last one ends.
fn pairs_in(
    doc: &Doc,
    rule: &Rule,
    whole: &Quantity,
    span: Span,
    out: &mut Vec<Claim>,
) -> (bool, usize) {
    let qs = doc.quantities_in(span);
    let mut i = 0;
    let mut last_end = span.start;
    while i < qs.len() {
        let part = &qs[i];
        if part.kind.is_rate() {
            return (true, last_end);
        }
        if !part.kind.is_magnitude() || !part.same_family(whole) {
            i += 1;
            continue;
        }
        // A threshold with no rate (`received at least one nay vote`,
        // `more than 40 votes`) describes, it is no part.
        let lead = crate::text::tail_lower(doc.text, part.start, 24);
        let own = doc.text[part.start..part.end].to_ascii_lowercase();
        let bound = BOUNDS
            .iter()
            .any(|b| super::word_before(lead.trim_end(), b) || own.starts_with(b));
        if bound && !qs.get(i + 1).is_some_and(|q| q.kind.is_rate()) {
            i += 1;
            continue;
        }
        // A new base between the last pair and this one ends the series.
        let between = doc.text[last_end..part.start].to_ascii_lowercase();
        let new_base = between.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
            matches!(
                w,
                "of" | "among" | "whom" | "which" | "including" | "remaining"
            )
        });
        let Some(stated) = qs.get(i + 1) else {
            return (true, last_end);
        };
        let open = doc.text[part.end..stated.start].trim();
        let close = doc.text[stated.end..].trim_start();
        let bracketed = matches!(open, "(" | "[") && close.starts_with([')', ']']);
        let after_or = open.trim_start_matches(',').trim() == "or" && same_base(close);
        if new_base
            || !stated.kind.is_rate()
            || !(bracketed || after_or)
            || own_whole_after(doc, stated)
        {
            return (true, last_end);
        }
        out.push(judge(doc, rule, whole, part, stated));
        last_end = stated.end;
        i += 2;
    }
    (false, last_end)
}

/// Whether the pair's own whole follows its rate (`cadmium: four (13%) of
/// 30`): the series of a whole before has ended.
fn own_whole_after(doc: &Doc, stated: &Quantity) -> bool {
    let rest = doc.text[stated.end..].trim_start_matches([')', ']', ' ']);
    let Some(of) = rest.strip_prefix("of ") else {
        return false;
    };
    let of = of.trim_start();
    let of = of.strip_prefix("the ").unwrap_or(of).trim_start();
    let at = doc.text.len() - of.len();
    doc.quantity_at(at).is_some_and(|q| q.kind.is_magnitude())
}

/// Words that make the figure after them a threshold.
const BOUNDS: &[&str] = &[
    "at least",
    "more than",
    "fewer than",
    "less than",
    "at most",
    "up to",
    "over",
    "under",
];

/// Whether the text after a rate keeps the whole's base: no `of`, or an
/// `of` that names the whole again (`of such revenues`, `of the total`).
fn same_base(after: &str) -> bool {
    let after = after.trim_start_matches(',').trim_start();
    let Some(rest) = after.strip_prefix("of ") else {
        return true;
    };
    [
        "such ",
        "these",
        "this ",
        "that ",
        "total",
        "the total",
        "it,",
        "it ",
    ]
    .iter()
    .any(|w| rest.starts_with(w))
}

/// `Of these, 1,624 (99.2%) agreed`, `Of this amount, $93.5 million or
/// 32.1% …`: the clause `w` points back (an `of_whole` word and a word such
/// as `these` alone) to the one figure of the first part's family in the
/// sentence before; `…$15.8 million, of which $13.6 million, or 86%, …`: to
/// the figure the clause before ends with. The whole, if found.
fn pointed_whole<'d>(
    doc: &'d Doc,
    sentence: Span,
    clauses: &[Span],
    k: usize,
    after_word: usize,
) -> Option<&'d Quantity> {
    let clause = clauses[k];
    let rest = doc.text[after_word..clause.end]
        .trim()
        .trim_end_matches(',')
        .trim_end()
        .to_ascii_lowercase();
    let first = doc
        .quantities_in(Span::new(after_word, sentence.end))
        .iter()
        .find(|q| q.kind.is_magnitude())?;
    let one_of = |qs: &'d [Quantity]| {
        let mut it = qs
            .iter()
            .filter(|q| q.kind.is_magnitude() && q.same_family(first));
        let q = it.next()?;
        it.next().is_none().then_some(q)
    };
    let whole = match rest.as_str() {
        "these" | "those" | "them" | "this amount" | "this total" | "this number"
        | "that amount" => {
            let prev = super::subset::previous_sentence(doc, sentence)?;
            one_of(doc.quantities_in(prev))
        }
        // `, of which $13.6 million, or 86%`: the part in this clause.
        _ if k > 0 && (rest.starts_with("which") || rest.starts_with("whom")) => {
            let before = clauses[k - 1];
            let last = doc.quantities_in(before).last()?;
            let at_end = doc.text[last.end..before.end]
                .trim()
                .trim_end_matches(',')
                .trim()
                .is_empty();
            (at_end && last.kind.is_magnitude() && last.same_family(first)).then_some(last)
        }
        _ => None,
    };
    // A bound (`at least 250,000`) is no whole.
    whole.filter(|q| q.interval.lo.is_some() && q.interval.hi.is_some())
}

/// `确诊67801例,其中武汉市50006例,占全省74%`: a `subset` (其中) clause
/// with one figure, then a clause opening with a `share` word (占) that holds
/// a rate and no figure of its own: the share is of the whole before 其中.
fn of_which_share(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    if v.subset.is_empty() {
        return;
    }
    let clauses = doc.clauses(sentence);
    for k in 1..clauses.len().saturating_sub(1) {
        let (of_which, share_clause) = (clauses[k], clauses[k + 1]);
        let at = skip_space(doc.text, of_which.start);
        let Some(word) = starts_with_any(super::range(doc.text, at, of_which.end), &v.subset)
        else {
            continue;
        };
        let s_at = skip_space(doc.text, share_clause.start);
        if starts_with_any(super::range(doc.text, s_at, share_clause.end), &v.share).is_none() {
            continue;
        }
        let in_share = doc.quantities_in(share_clause);
        let [stated] = in_share else { continue };
        if !stated.kind.is_rate() {
            continue;
        }
        let Some(part) = super::only_magnitude(doc, Span::new(at + word.len(), of_which.end))
        else {
            continue;
        };
        let Some(head) = super::subset::whole_clause(doc, &clauses[..k], &v.comparison) else {
            continue;
        };
        let wholes: Vec<&Quantity> = doc
            .quantities_in(head)
            .iter()
            .filter(|q| q.kind.is_magnitude() && q.same_family(part))
            .collect();
        if let [whole] = wholes[..] {
            out.push(judge(doc, rule, whole, part, stated));
        }
    }
}

/// `累计报告确诊病例415例,治愈出院病例366例,治愈出院率88.2%`: three clauses
/// in a row, a whole named as one (`whole_hint`: 累计, 共…), a part, and a
/// rate whose name before 率 is the start of the part's name.
fn rate_named_after_part(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    let clauses = doc.clauses(sentence);
    for w in clauses.windows(3) {
        let [stated] = doc.quantities_in(w[2]) else {
            continue;
        };
        if stated.kind != QuantityKind::Percent {
            continue;
        }
        // The rate's name: the Han characters right before 率 (and 为, 达…).
        let lead = doc.text[w[2].start..stated.start].trim_end();
        let Some(rate_at) = lead.rfind('率') else {
            continue;
        };
        let between = &lead[rate_at + '率'.len_utf8()..];
        if between.chars().count() > 2 {
            continue;
        }
        let stem: String = {
            let mut cs: Vec<char> = lead[..rate_at]
                .chars()
                .rev()
                .take_while(|&c| crate::text::is_han(c))
                .take(4)
                .collect();
            cs.reverse();
            cs.into_iter().collect()
        };
        if stem.chars().count() < 2 {
            continue;
        }
        let (Some(whole), Some(part)) = (
            super::only_magnitude(doc, w[0]),
            super::only_magnitude(doc, w[1]),
        ) else {
            continue;
        };
        let part_name = doc.text[w[1].start..part.start].trim();
        let whole_name = doc.slice(w[0]);
        if !part_name.starts_with(stem.as_str())
            || whole_name.contains(stem.as_str())
            || !part.same_family(whole)
            || doc.occurrences(w[0], &v.whole_hint).is_empty()
        {
            continue;
        }
        out.push(judge(doc, rule, whole, part, stated));
    }
}

/// `10 (33%) of 30 food handlers`, `53 (23.3%) of the 227 counties`: the
/// part, its rate alone in brackets, then `of` and the whole.
fn part_rate_of_whole(doc: &Doc, sentence: Span, out: &mut Vec<Claim>, rule: &Rule) {
    let qs = doc.quantities_in(sentence);
    for w in qs.windows(3) {
        let (part, stated, whole) = (&w[0], &w[1], &w[2]);
        if !part.kind.is_magnitude()
            || !stated.kind.is_rate()
            || !whole.kind.is_magnitude()
            || !part.same_family(whole)
        {
            continue;
        }
        let open = doc.text[part.end..stated.start].trim();
        let close = doc.text[stated.end..whole.start].trim_start();
        let Some(rest) = close.strip_prefix(')') else {
            continue;
        };
        let rest = rest.trim_start();
        let of = rest
            .strip_prefix("of the ")
            .or_else(|| rest.strip_prefix("of "))
            .map(str::trim);
        if open == "(" && of == Some("") {
            out.push(judge(doc, rule, whole, part, stated));
            // `17 (63.0%) of 27 … (while 10, or 37.0%, …)`
            later_pairs(doc, rule, sentence, whole, whole.end, out);
        }
    }
}

/// A rate in parentheses stands alone in them (`(88%)`, `(88%, 95% CI …)`):
/// `(25% in one setting and 45% in the other)` breaks down something else.
fn closes(doc: &Doc, stated: &Quantity) -> bool {
    let before = doc.text[..stated.start].trim_end();
    if !before.ends_with('(') {
        return true;
    }
    let after = doc.text[stated.end..].trim_start();
    after.starts_with([')', ',', ';'])
}

/// English rates of another base (`92% of the population`), and parts that
/// are themselves the whole of another ratio (`2 in 3 of the 1,500`).
fn other_base(doc: &Doc, part: &Quantity, stated: &Quantity) -> bool {
    let after = &doc.text[skip_space(doc.text, stated.end)..];
    let before = crate::text::tail_lower(doc.text, part.start, 64);
    // `2 in 3 of the 1,500`: a figure before the word (not `seen in 54`).
    let figure_before = |w: &str| {
        let head = doc.text[..part.start].trim_end();
        let at = head.len().saturating_sub(w.trim_start().len());
        doc.text.get(..at).is_some_and(|h| {
            let h = h.trim_end();
            doc.quantity_ending_at(h.len()).is_some()
        })
    };
    super::word_at(after, "of")
        || [" in", " of", " out of", " per"]
            .iter()
            .any(|w| before.ends_with(w) && figure_before(w))
}

/// The word or sign right before a figure: `(`, `or`, `, or`.
fn lead_before<'t>(doc: &Doc<'t>, at: usize) -> &'t str {
    let before = doc.text[..at].trim_end();
    if before.ends_with(['(', '—']) {
        return &before[before.len() - before.chars().next_back().map_or(0, char::len_utf8)..];
    }
    // (A character before the word may be wider than one byte: found by fuzzing.)
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[word_start..]
}

/// The first magnitude quantity in `clause` (after `from`) with one of `words`
/// before it in the same clause, no other quantity between, within reach.
fn marked_quantity<'d>(
    doc: &'d Doc,
    clause: Span,
    from: usize,
    words: &Words,
    not_markers: &[String],
) -> Option<(usize, &'d Quantity)> {
    let qs = doc.quantities_in(clause);
    let marks: Vec<(usize, usize)> = doc
        .occurrences(clause, words)
        .into_iter()
        .filter(|&(s, e)| !inside_word(doc.text, s, e, not_markers))
        .collect();
    let mut prev_end = clause.start.max(from);
    for q in qs.iter().filter(|q| q.start >= from) {
        if q.kind.is_magnitude() {
            let mark = marks.iter().find(|&&(_, e)| {
                e <= q.start && e >= prev_end && chars_between(doc.text, e, q.start) <= MARKER_REACH
            });
            if let Some(&(s, _)) = mark {
                return Some((s, q));
            }
        }
        prev_end = q.end;
    }
    None
}

/// The name of a rate: the two Han characters before its rate word (签约 in
/// 签约率), or `None` when it has no name of its own.
fn rate_name(text: &str, rate_word_start: usize) -> Option<String> {
    let name: Vec<char> = text[..rate_word_start]
        .chars()
        .rev()
        .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .take(2)
        .collect();
    (name.len() == 2).then(|| name.iter().rev().collect())
}

fn need_done(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    let clauses = doc.clauses(sentence);
    for (ci, &clause) in clauses.iter().enumerate() {
        let Some((_, whole)) = marked_quantity(doc, clause, clause.start, &v.whole, &v.not_markers)
        else {
            continue;
        };
        let Some(&part_clause) = clauses.get(ci + 1) else {
            continue;
        };
        let Some((part_mark, part)) =
            marked_quantity(doc, part_clause, part_clause.start, &v.part, &v.not_markers)
        else {
            continue;
        };
        if !part.same_family(whole) {
            continue;
        }
        // What was done to the part (已签约), for matching the rate's name.
        let part_verb = crate::text::squeeze(&doc.text[part_mark..part.start]);
        // The rate: the first rate after the part, within three clauses, with a
        // rate word before it. Another figure of the same family on the way
        // (其中治愈1062人) means the rate may be of that one: no claim.
        let mut stated: Option<&Quantity> = None;
        for &c in clauses.iter().skip(ci + 1).take(3) {
            let from = c.start.max(part.end);
            let qs = doc.quantities_in(Span::new(from, c.end));
            let rate_at = qs.iter().position(|q| q.kind.is_rate());
            let before_rate = &qs[..rate_at.unwrap_or(qs.len())];
            if before_rate
                .iter()
                .any(|q| q.kind.is_magnitude() && q.same_family(whole))
            {
                break;
            }
            let Some(r) = rate_at.map(|k| &qs[k]) else {
                continue;
            };
            let marks = doc.occurrences(Span::new(c.start, r.start), &v.rate);
            let last_qty_end = before_rate.last().map_or(c.start, |q| q.end);
            let mark = marks.iter().find(|&&(_, e)| {
                e >= last_qty_end && chars_between(doc.text, e, r.start) <= MARKER_REACH
            });
            // 签约率 goes with 已签约; 阳性率 or 报销比例 name another rate.
            let named_alike = mark.is_some_and(|&(s, _)| {
                rate_name(doc.text, s).is_none_or(|name| part_verb.contains(&name))
            });
            if named_alike {
                stated = Some(r);
            }
            break;
        }
        let Some(stated) = stated else {
            continue;
        };
        out.push(judge(doc, rule, whole, part, stated));
    }
}

/// The named wording, with no marker words: `抽检样品1260批次,合格1248批次,
/// 合格率98.05%` — the rate is named after what was done to the part (合格),
/// the whole is the one figure of the clause before.
fn named(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    let clauses = doc.clauses(sentence);
    for w in clauses.windows(3) {
        // Each clause holds one figure that may take part in a check.
        let only_figure = |c: Span| -> Option<&Quantity> {
            let mut checkable = doc
                .quantities_in(c)
                .iter()
                .filter(|q| q.kind.is_checkable());
            checkable.next().filter(|_| checkable.next().is_none())
        };
        let (Some(whole), Some(part), Some(stated)) =
            (only_figure(w[0]), only_figure(w[1]), only_figure(w[2]))
        else {
            continue;
        };
        if !whole.kind.is_magnitude() || !part.same_family(whole) || !stated.kind.is_rate() {
            continue;
        }
        // Whole and part are written with marker words: need_done's claim.
        if doc
            .occurrences(w[0], &v.whole)
            .iter()
            .any(|&(s, e)| !inside_word(doc.text, s, e, &v.not_markers))
        {
            continue;
        }
        // What was done to the part: the Han characters right before it.
        let verb: String = doc.text[w[1].start..part.start]
            .chars()
            .rev()
            .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if verb.chars().count() < 2 {
            continue;
        }
        // The rate clause: a name, a rate word, then the rate.
        let Some(&(s, _)) = doc
            .occurrences(Span::new(w[2].start, stated.start), &v.rate)
            .first()
        else {
            continue;
        };
        if chars_between(doc.text, s, stated.start) > MARKER_REACH {
            continue;
        }
        // A share (占常住人口比重) is for the share wording to judge: its whole
        // is named after 占, not the clause before.
        if doc.slice(w[2]).contains('占') {
            continue;
        }
        let Some(name) = rate_name(doc.text, s) else {
            continue;
        };
        // 合格率 goes with 合格1248批次 — not with 不合格12批次, and not when the
        // clause before (the whole) is itself 合格…
        let negated = verb
            .strip_suffix(name.as_str())
            .is_some_and(|head| head.ends_with(['不', '未', '非', '无', '没']));
        let whole_named = doc.slice(w[0]).contains(name.as_str());
        if verb.ends_with(&name) && !negated && !whole_named {
            out.push(judge(doc, rule, whole, part, stated));
        }
    }
}

/// The most figures a share's part is chosen from.
const MAX_BEFORE_SHARE: usize = 64;

/// Words that begin with the share verb but do not state a share.
const NOT_SHARE: &[char] = &['用', '据', '领', '地', '有', '位', '线'];

fn share(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    let clauses = doc.clauses(sentence);
    for (ci, &clause) in clauses.iter().enumerate() {
        for (s, e) in doc.occurrences(clause, &v.share) {
            if doc.text[e..].starts_with(NOT_SHARE) {
                continue;
            }
            let after = doc.quantities_in(Span::new(e, clause.end));
            // The rate is the first figure after the verb or the second (one
            // whole between): no further look.
            let Some(ri) = after.iter().take(2).position(|q| q.kind.is_rate()) else {
                continue;
            };
            let stated = &after[ri];
            let between: Vec<&Quantity> = after[..ri].iter().collect();
            if between.iter().any(|q| !q.kind.is_magnitude()) || between.len() > 1 {
                continue;
            }
            // `accounted for 3,431,884 (83%) of births`: a figure with its
            // rate in brackets is the share itself, of a base not given.
            if between
                .first()
                .is_some_and(|b| gap(doc, b.end, stated.start) == "(")
            {
                continue;
            }
            // Candidates for the part: the figures before the verb, in this
            // clause and the one before it.
            let scope_start = if ci > 0 {
                clauses[ci - 1].start
            } else {
                clause.start
            };
            // A parenthesis just closed is an aside (`504个县(包括…,下同),
            // 占…`): the part stands before it.
            let aside = (ci > 0)
                .then(|| super::subset::aside_opening(doc, &clauses[..ci]))
                .flatten();
            let (scope_start, skip) = match aside {
                Some((j, open)) => (clauses[j].start, Span::new(open, clause.start)),
                None => (scope_start, Span::new(s, s)),
            };
            let before: Vec<&Quantity> = doc
                .quantities_in(Span::new(scope_start, s))
                .iter()
                .filter(|q| !skip.contains(q.start))
                .collect();
            // More figures before the verb than any sentence a share is
            // read from holds: which is the part is anyone's guess (and
            // weighing them all at each verb of a long clause took the
            // square of its length).
            if before.len() > MAX_BEFORE_SHARE {
                continue;
            }
            // English: accounting for 68.7% of total trade of $1,256.3 billion.
            let whole_after = || -> Option<&Quantity> {
                let rest = Span::new(stated.end, clause.end);
                let (of_start, of_at) = doc.first_occurrence(rest, &v.share_of)?;
                // "of" right after the rate: a 14% discount to a price of
                // $33.64 is no share of it.
                if !doc.text[stated.end..of_start].trim().is_empty() {
                    return None;
                }
                let later = doc.quantities_in(Span::new(of_at, clause.end));
                // The whole follows "of" or "of the" right away: 68.7% of total
                // trade of $1,256.3 billion; not "of people aged 15".
                later.iter().find(|q| q.kind.is_magnitude()).filter(|q| {
                    let before = crate::text::tail_lower(doc.text, q.start, 64);
                    before.ends_with(" of") || before.ends_with(" of the")
                })
            };
            let whole: &Quantity = match between.first().copied().or_else(whole_after) {
                Some(w) => w,
                None => {
                    let hinted: Vec<&Quantity> = before
                        .iter()
                        .copied()
                        .filter(|q| {
                            q.kind.is_magnitude()
                                && v.whole_hint.iter().any(|h| {
                                    let pre = &doc.text[..q.start];
                                    pre.trim_end().ends_with(h.as_str())
                                })
                        })
                        .collect();
                    match hinted.as_slice() {
                        [w] => w,
                        _ => continue,
                    }
                }
            };
            let part = before
                .iter()
                .rev()
                .find(|q| q.kind.is_magnitude() && q.start != whole.start && q.same_family(whole))
                .copied();
            let Some(part) = part else {
                continue;
            };
            // The part must be the nearest figure of its family before the verb:
            // anything else of that family in between makes the subject unclear.
            let nearest_other = before
                .iter()
                .rev()
                .find(|q| q.kind.is_magnitude() && q.start != whole.start && q.start > part.start);
            if nearest_other.is_some() {
                continue;
            }
            out.push(judge(doc, rule, whole, part, stated));
        }
    }
}

/// Part / whole as a percentage (or permille, or plain fraction) in the unit of
/// the stated rate.
fn rate_scale(stated: &Quantity) -> Num {
    match stated.kind {
        QuantityKind::Percent => int(100),
        QuantityKind::Permille => int(1000),
        _ => int(1),
    }
}

fn judge(doc: &Doc, rule: &Rule, whole: &Quantity, part: &Quantity, stated: &Quantity) -> Claim {
    let labels = vec![
        Label::of(Role::Whole, whole),
        Label::of(Role::Part, part),
        Label::of(Role::Stated, stated),
    ];
    let scale = rate_scale(stated);
    let computed = part
        .interval
        .div_nonneg(&whole.interval)
        .map(|i| i.scale(&scale));
    let allowed = with_tolerance(&stated.stated_interval(), &rule.tolerance);
    let verdict = match computed {
        Some(c) if !c.overlaps(&allowed) => Some(verdict(doc, whole, part, stated, &c, &scale)),
        _ => None,
    };
    Claim {
        check: CheckKind::Ratio,
        rule: rule.id.clone(),
        labels,
        verdict,
    }
}

fn verdict(
    doc: &Doc,
    whole: &Quantity,
    part: &Quantity,
    stated: &Quantity,
    computed: &Interval,
    scale: &Num,
) -> Verdict {
    let exact = (&part.value / &whole.value) * scale;
    let value = if computed.contains(&exact) {
        exact
    } else {
        computed.representative().unwrap_or(exact)
    };
    let sign = stated.unit.unwrap_or("");
    let shown_decimals = (stated.decimals + 1).max(2);
    let approx = if part.interval.is_exact() && whole.interval.is_exact() {
        "="
    } else {
        "≈"
    };
    let computed_text = match stated.kind {
        QuantityKind::Fraction => format!("{} (as a fraction)", fmt_fixed(&value, 4)),
        _ => format!("{}{sign}", fmt_fixed(&value, shown_decimals)),
    };
    let expected = match stated.kind {
        QuantityKind::Fraction => fmt_fixed(&(value.clone() * int(100)), 1) + "%",
        _ => format!("{}{sign}", fmt_fixed(&value, stated.decimals)),
    };
    Verdict {
        primary: 2,
        message: format!(
            "{} / {} {approx} {computed_text}, but the text says {}",
            figure(doc, part),
            figure(doc, whole),
            shown(doc, stated)
        ),
        help: format!("write {expected}, or correct the counts"),
        expected: Some(expected),
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::{find_claims, Doc};
    use crate::rules::RuleSet;

    #[test]
    fn seed_sentence_is_wrong_with_its_message() {
        let rules = RuleSet::builtin().unwrap();
        let doc = Doc::new("全市需大病救治17093\n\n人,已救治17025人,救治进度99.3%;慢病需签约44673人,已签约44405人,签约率99.4%。");
        let claims = find_claims(&doc, &rules);
        assert_eq!(claims.len(), 2, "{claims:?}");
        let v = claims[0].verdict.as_ref().unwrap();
        assert_eq!(v.message, "17025 / 17093 = 99.60%, but the text says 99.3%");
        assert_eq!(v.expected.as_deref(), Some("99.6%"));
        assert!(claims[1].consistent());
    }
}
