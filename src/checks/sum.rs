//! `sum`: a total and its parts.
//!
//! Wordings recognised (vocabulary from the rule):
//! - a parenthesised enumeration after the total:
//!   `37家单位被评为抗疫先进集体(国家级2个、省级6个、市级29个)`;
//! - parts, then a `total` word: `a人、b人、c人,合计N人`;
//! - a total, then a `respectively` word and the parts: `共N个,分别为a个、b个`,
//!   `N人,其中A a人、B b人` (under a `subset` word the parts need only not
//!   exceed the total).
//!
//! Every part holds exactly one figure, all of the total's family; anything
//! else (`76个乡镇(办、场)`, `405.47万人次(同比增长10.57%)`) is not a sum.
//! In Chinese, parts set apart by commas are clauses, not one enumeration
//! (`245例(140例治愈出院,1例死亡)`); a parenthesis opening with an
//! `excluding` word, or glued to a letter (`F(1, 58)`), holds no parts. A
//! figure before a colon is no total when it is a label (`note 3:`), stands on
//! an earlier line, or counts the parts themselves (`two sizes: 1.5 and 3`).

use super::{
    chars_between, figure, fmt, skip_space, starts_with_any, with_tolerance, Claim, Doc, Label,
    Role, Verdict,
};
use crate::lexer::Quantity;
use crate::rules::{CheckKind, Rule};
use crate::text::{Lang, Span};

mod apposed;
mod breakdown;
mod composed;
mod contributions;
mod flow;
pub(super) mod installments;
mod named;
mod named_head;
mod records;
mod series;
mod statuses;

/// Whether the parts must make up the whole total or may be only some of it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Equal,
    AtMost,
}

pub fn find(doc: &Doc, rule: &Rule) -> Vec<Claim> {
    let mut out = Vec::new();
    records::find(doc, rule, &mut out);
    if rule.lang == Some(Lang::Zh) {
        breakdown::find(doc, rule, &mut out);
        statuses::find(doc, rule, &mut out);
    }
    // A total and at least two parts, all magnitudes.
    for sentence in doc.sentences_where(rule.lang, |f| f.magnitudes >= 3) {
        parenthesised(doc, rule, sentence, &mut out);
        let clauses = doc.clauses(sentence);
        for (k, pair) in clauses.windows(2).enumerate() {
            parts_then_total(doc, rule, pair[0], pair[1], &mut out);
            total_then_parts(doc, rule, &clauses[..=k], pair[1], &mut out);
        }
        if rule.lang == Some(Lang::Zh) {
            series::find(doc, rule, sentence, &mut out);
            installments::find(doc, rule, sentence, &mut out);
        } else {
            apposed::find(doc, rule, &clauses, &mut out);
        }
    }
    // A bracket of parts may run past the semicolons that end sentences, so
    // the sentence that opens it needs only the total and a first part.
    if rule.lang == Some(Lang::En) {
        for sentence in doc.sentences_where(rule.lang, |f| f.magnitudes >= 2) {
            named::find(doc, rule, sentence, &mut out);
            composed::find(doc, rule, sentence, &mut out);
        }
        for sentence in doc.sentences_where(rule.lang, |f| f.magnitudes >= 3) {
            flow::find(doc, rule, sentence, &mut out);
        }
        for sentence in doc.sentences_where(rule.lang, |f| f.rates >= 3) {
            contributions::find(doc, rule, sentence, &mut out);
        }
        for sentence in doc.sentences_where(rule.lang, |f| f.magnitudes >= 1) {
            composed::find_of_this(doc, rule, sentence, &mut out);
        }
    }
    // `其中` opening a sentence of fewer figures, the whole in the sentence
    // before (`赤字2.38万亿元。其中,中央1.55万亿元,地方8300亿元`), the parts
    // perhaps past a semicolon (`其中出口N美元,增长P%;进口M美元`).
    if rule.lang == Some(Lang::Zh) {
        for sentence in doc.sentences_where(rule.lang, |f| f.magnitudes >= 2) {
            named_head::find(doc, rule, sentence, &mut out);
        }
        for sentence in doc.sentences_where(rule.lang, |f| (1..3).contains(&f.magnitudes)) {
            let at = skip_space(doc.text, sentence.start);
            if starts_with_any(&doc.text[at..sentence.end], &rule.vocabulary.subset).is_some() {
                series::find(doc, rule, sentence, &mut out);
            }
        }
    }
    out.retain(|c| {
        !articles_not_figures(doc, c) && !time_units_differ(doc, c) && !modifiers(doc, c)
    });
    out
}

/// A total written `one` made of several parts of at least one, or parts
/// that are all `一` and a classifier: articles, not figures (a `1` is a
/// figure) (`appeared only in one data source (7,549 A stores and 19,418 B
/// stores)`).
fn articles_not_figures(doc: &Doc, claim: &Claim) -> bool {
    let mut total_is_one = false;
    let mut parts = 0;
    for l in &claim.labels {
        let Some(q) = doc.quantity_at(l.span.start) else {
            continue;
        };
        match l.role {
            Role::Total => {
                total_is_one = doc.slice(l.span).eq_ignore_ascii_case("one");
            }
            Role::Item
                if q.interval
                    .lo
                    .as_ref()
                    .is_some_and(|lo| *lo >= crate::exact::int(1)) =>
            {
                parts += 1;
            }
            _ => {}
        }
    }
    // 一个A、B和一座C: every part 一 and a classifier reads as an article.
    let items: Vec<_> = claim
        .labels
        .iter()
        .filter(|l| l.role == Role::Item)
        .collect();
    let articles = items.len() >= 2 && items.iter().all(|l| doc.slice(l.span).starts_with('一'));
    (total_is_one && parts >= 2) || articles
}

/// Whether a figure of the claim is glued to a hyphen, a modifier rather
/// than an amount: `on a 5-point scale (1 … and 5 …)`, `three visits:
/// baseline and 3- and 6-month follow-ups`.
fn modifiers(doc: &Doc, claim: &Claim) -> bool {
    claim.labels.iter().any(|l| {
        matches!(l.role, Role::Total | Role::Item)
            && doc.text.get(l.span.end..).is_some_and(|t| {
                t.strip_prefix(['-', '‐'])
                    .is_some_and(|r| r.starts_with(|c: char| c.is_alphabetic() || c == ' '))
            })
    })
}

/// Words of time whose figures a bracket converts rather than parts:
/// `6,124 seconds (1 hour, 42 minutes)`.
const TIME_WORDS: &[&str] = &["second", "minute", "hour", "day", "week", "month", "year"];

/// Whether two parts are counted in different units of time.
fn time_units_differ(doc: &Doc, claim: &Claim) -> bool {
    let mut seen: Option<&str> = None;
    for l in claim.labels.iter().filter(|l| l.role == Role::Item) {
        let rest = doc.text.get(l.span.end..).unwrap_or("").trim_start();
        let word: String = rest
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .take(8)
            .collect::<String>()
            .to_ascii_lowercase();
        let Some(unit) = TIME_WORDS
            .iter()
            .find(|w| word.trim_end_matches('s') == **w)
        else {
            continue;
        };
        if seen.is_some_and(|s| s != *unit) {
            return true;
        }
        seen = Some(unit);
    }
    false
}

/// The parts listed in `span`: items split at `、` (the last one may hold two
/// figures joined by 和/及/与), each exactly one figure, all of one family.
pub(super) fn list_items<'d>(
    doc: &'d Doc,
    lang: Option<Lang>,
    span: Span,
) -> Option<Vec<&'d Quantity>> {
    let qs = doc.quantities_in(span);
    if qs.len() < 2 || qs.iter().any(|q| !q.kind.is_magnitude()) {
        return None;
    }
    let text = doc.slice(span);
    // Chinese lists use 、; English ones commas (a comma inside a figure,
    // 1,250, is not a separator). In Chinese, parts set apart by a comma or a
    // semicolon are clauses, each its own statement (出院36例,死亡2例:
    // outcomes, neither exclusive nor exhaustive), not one enumeration.
    let chinese = lang.unwrap_or_else(|| crate::text::sentence_lang(text)) == Lang::Zh;
    if chinese
        && text.char_indices().any(|(i, c)| {
            (crate::text::is_comma(c) || matches!(c, ';' | '\u{ff1b}'))
                && !doc.in_quantity(span.start + i)
        })
    {
        return None;
    }
    let separator = |i: usize, c: char| -> bool {
        if chinese {
            c == '、'
        } else {
            crate::text::is_comma(c) && !doc.in_quantity(span.start + i)
        }
    };
    let mut items: Vec<Span> = Vec::new();
    let mut start = span.start;
    for (i, c) in text.char_indices() {
        if separator(i, c) {
            items.push(Span::new(start, span.start + i));
            start = span.start + i + c.len_utf8();
        }
    }
    items.push(Span::new(start, span.end));
    let mut parts = Vec::new();
    let last = items.len() - 1;
    for (k, item) in items.iter().enumerate() {
        let inside = doc.quantities_in(*item);
        match inside.len() {
            1 => parts.push(&inside[0]),
            2 if k == last => {
                let between = doc.text[inside[0].end..inside[1].start].trim_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '$' | '¥' | '€' | '£')
                });
                let joined = ["和", "及", "以及", "与", "and"]
                    .iter()
                    .any(|w| super::word_before(between, w) || super::word_at(between, w));
                if !joined {
                    return None;
                }
                parts.push(&inside[0]);
                parts.push(&inside[1]);
            }
            _ => return None,
        }
    }
    // Each part ends its item (国家级2个), but a part must not be followed by
    // more numbers-like text in the same item; the count check above covers that.
    if parts.len() < 2 || !parts.iter().all(|p| p.same_family(parts[0])) {
        return None;
    }
    Some(parts)
}

fn parenthesised(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let text = doc.slice(sentence);
    let clauses = doc.clauses(sentence);
    for (i, c) in crate::text::open_parens(text) {
        let open = sentence.start + i;
        let inner_start = open + c.len_utf8();
        let window_end =
            crate::text::floor_boundary(doc.text, (inner_start + 2000).min(sentence.end));
        let Some(close_rel) = doc.text[inner_start..window_end].find(crate::text::is_close_paren)
        else {
            continue;
        };
        let inner = Span::new(inner_start, inner_start + close_rel);
        if doc.slice(inner).contains(crate::text::is_open_paren) {
            continue;
        }
        // A bracket glued to a letter or digit holds a statistic's or a
        // function's arguments (F(1, 58) = 0.67, χ2(71, N = 488)), no parts.
        if doc.text[..open].chars().next_back().is_some_and(|p| {
            p.is_ascii_alphanumeric() || (p.is_alphabetic() && (p as u32) < 0x2E80)
        }) {
            continue;
        }
        let at = skip_space(doc.text, inner.start);
        // (不含A a元和B b元), (excluding …): what is left out, not parts.
        if starts_with_any(
            super::range(doc.text, at, inner.end),
            &rule.vocabulary.excluding,
        )
        .is_some()
        {
            continue;
        }
        let (mode, items_span) = match starts_with_any(
            super::range(doc.text, at, inner.end),
            &rule.vocabulary.subset,
        ) {
            Some(w) => (Mode::AtMost, Span::new(at + w.len(), inner.end)),
            None => (Mode::Equal, inner),
        };
        // Under 其中, parts may stand in clauses of their own
        // (新增7例(其中A市3例,B市2例)): each need only fit the total.
        let Some(parts) = list_items(doc, rule.lang, items_span).or_else(|| {
            (mode == Mode::AtMost && rule.lang == Some(Lang::Zh))
                .then(|| clause_items(doc, items_span))
                .flatten()
        }) else {
            continue;
        };
        let mode = match mode {
            Mode::AtMost if by_places(doc, rule, items_span, &parts) => Mode::Equal,
            m => m,
        };
        let k = clauses.partition_point(|cl| cl.end <= open);
        let clause_start = clauses
            .get(k)
            .filter(|cl| cl.contains(open))
            .map_or(sentence.start, |cl| cl.start);
        let totals: Vec<&Quantity> = doc
            .quantities_in(Span::new(clause_start, open))
            .iter()
            .filter(|q| q.kind.is_magnitude() && q.same_family(parts[0]))
            .collect();
        let [total] = totals.as_slice() else {
            continue;
        };
        // English is stricter: "a total of N (…)" must say so (or `(including
        // …)` that the parts are some of it), and items that
        // are values or attributes (at 2 months, n = 400, aged 11, 32 per
        // group) are not parts.
        if rule.lang == Some(crate::text::Lang::En) {
            let head = &doc.text[clause_start..total.start];
            let says_total = !doc
                .occurrences(Span::new(clause_start, total.start), &rule.vocabulary.total)
                .is_empty()
                || head.to_ascii_lowercase().contains("total");
            let inner_text = doc.slice(items_span).to_ascii_lowercase();
            let attribute = ATTRIBUTE_WORDS.iter().any(|w| {
                inner_text
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|t| t == *w)
            });
            // (Under a `subset` word the bracket says what it holds.)
            if (!says_total && mode == Mode::Equal) || attribute || inner_text.contains('=') {
                continue;
            }
            // `(national and 44 states, 28 districts, …)`: words before the
            // first figure name a part with no figure.
            let lead = doc.text[items_span.start..parts[0].start].trim();
            if mode == Mode::Equal && lead.chars().any(char::is_alphabetic) {
                continue;
            }
        }
        out.push(judge(doc, rule, total, &parts, mode));
    }
}

/// Parts each in a piece of their own (cut at `,`/`;`/`、`): exactly one
/// magnitude in each, all of one family; two or more.
pub(super) fn clause_items<'d>(doc: &'d Doc, span: Span) -> Option<Vec<&'d Quantity>> {
    let mut parts: Vec<&Quantity> = Vec::new();
    for piece in doc.pieces(span) {
        let [part] = doc.quantities_in(piece) else {
            return None;
        };
        if !part.kind.is_magnitude() || parts.first().is_some_and(|f| !f.same_family(part)) {
            return None;
        }
        parts.push(part);
    }
    (parts.len() >= 2).then_some(parts)
}

/// Words in English parentheses that make the figures values, not parts.
pub(super) const ATTRIBUTE_WORDS: &[&str] = &[
    "per", "aged", "age", "ages", "at", "each", "every", "under", "over", "between", "n",
];

fn parts_then_total(doc: &Doc, rule: &Rule, list: Span, next: Span, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    let at = skip_space(doc.text, next.start);
    let Some(word) = starts_with_any(super::range(doc.text, at, next.end), &v.total) else {
        return;
    };
    let Some(total) = doc.quantities_in(next).first().filter(|q| {
        q.kind.is_magnitude() && chars_between(doc.text, at + word.len(), q.start) <= 4
    }) else {
        return;
    };
    let items_span = match doc.occurrences(list, &v.respectively).last() {
        Some(&(_, e)) => Span::new(e, list.end),
        None => list,
    };
    let Some(parts) = list_items(doc, rule.lang, trim_end_punct(doc, items_span)) else {
        return;
    };
    if !total.same_family(parts[0]) {
        return;
    }
    out.push(judge(doc, rule, total, &parts, Mode::Equal));
}

fn total_then_parts(doc: &Doc, rule: &Rule, before: &[Span], next: Span, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    let at = skip_space(doc.text, next.start);
    let Some(&last) = before.last() else { return };
    // Nothing to do unless the clause opens with 分别为/其中… or the one before
    // ends with a colon.
    let opens = starts_with_any(super::range(doc.text, at, next.end), &v.respectively).is_some();
    if !opens && !doc.slice(last).trim_end().ends_with(crate::text::is_colon) {
        return;
    }
    let is_subset = starts_with_any(super::range(doc.text, at, next.end), &v.respectively)
        .is_some_and(|w| v.subset.iter().any(|s| s == w));
    let head = if is_subset {
        match super::subset::whole_clause(doc, before, &v.comparison) {
            Some(h) => h,
            None => return,
        }
    } else {
        last
    };
    let head_text = doc.slice(head).trim_end();
    // An average is no total: 人均收入, per-capita income.
    if !doc.occurrences(head, &v.averages).is_empty() {
        return;
    }
    let (mode, items_start) =
        match starts_with_any(super::range(doc.text, at, next.end), &v.respectively) {
            Some(w) if v.subset.iter().any(|s| s == w) => (Mode::AtMost, at + w.len()),
            Some(w) => (Mode::Equal, at + w.len()),
            // 共N个:a个、b个
            None if head_text.ends_with(crate::text::is_colon) => (Mode::Equal, at),
            None => return,
        };
    // 其中A、B分别达到x和y: the parts are the values after 分别, one for
    // each name.
    let (items_start, names) = match respectively_values(doc, items_start, next.end) {
        Some((values_at, names)) if mode == Mode::AtMost => (values_at, Some(names)),
        _ => (items_start, None),
    };
    // English: the first part follows the word (of which 3 are…), not a
    // superlative (of whom the youngest was 19).
    let english_word = super::range(doc.text, at, items_start)
        .bytes()
        .any(|b| b.is_ascii_alphabetic());
    if english_word && doc.quantity_at(skip_space(doc.text, items_start)).is_none() {
        return;
    }
    let Some(parts) = list_items(
        doc,
        rule.lang,
        trim_end_punct(doc, Span::new(items_start, next.end)),
    ) else {
        return;
    };
    if names.is_some_and(|n| n != parts.len()) {
        return;
    }
    let Some(total) = sole_total(doc, head, parts[0]) else {
        return;
    };
    if head_text.ends_with(crate::text::is_colon) {
        let end = head.start + head_text.len();
        let between = doc.text[total.end..end].trim_end_matches(crate::text::is_colon);
        // A label (note 3:, Item 7:) is no total; nor is a figure on an
        // earlier line (a field of its own: `… in 1828` then `Divisions: 36
        // states and 1 territory`); nor a count of the items themselves
        // (two sizes: 1.5 inches and 3 inches).
        let label = total.unit.is_none() && between.trim().is_empty();
        // A colon inside a parenthesis after the figure: 8.6 (SE: 0.6).
        if between.contains(crate::text::is_open_paren) {
            return;
        }
        let counts_items =
            total.interval.is_exact() && total.value == crate::exact::int(parts.len() as i64);
        if label || between.contains('\n') || counts_items {
            return;
        }
    }
    if mode == Mode::Equal {
        // Without 其中 the head must name a total: 共N个, 合计N.
        let pre = &doc.text[head.start..total.start];
        if !v.total.iter().any(|w| pre.contains(w.as_str()))
            && !head_text.ends_with(crate::text::is_colon)
        {
            return;
        }
    }
    // 其中 and a breakdown by place: the parts make up the total.
    let mode = match mode {
        Mode::AtMost => {
            let i = doc.sentences.partition_point(|x| x.end <= items_start);
            let end = doc
                .sentences
                .get(i)
                .map_or(next.end, |x| x.end.max(next.end));
            match by_places(doc, rule, Span::new(items_start, end), &parts) {
                true => Mode::Equal,
                false => Mode::AtMost,
            }
        }
        m => m,
    };
    out.push(judge(doc, rule, total, &parts, mode));
}

/// Whether every part in `scope` is named by a place (`保定市4例、沧州市
/// 4例`, `(其中甲区3例,乙县2例)`): the short Han name right before each
/// ends with a `places` word, and no `等` follows the last (a sample). A
/// breakdown by place lists every place, so the parts make up the whole.
pub(super) fn by_places(doc: &Doc, rule: &Rule, scope: Span, parts: &[&Quantity]) -> bool {
    let start = scope.start;
    let places = &rule.vocabulary.places;
    if places.is_empty() || parts.len() < 2 {
        return false;
    }
    let mut from = start;
    for p in parts {
        if p.start < from {
            return false;
        }
        let name = doc.text[from..p.start].trim_matches(|c: char| {
            c.is_whitespace()
                || crate::text::is_clause_end(c)
                || c == '、'
                || c == '和'
                || c == '及'
        });
        let n = name.chars().count();
        if !(2..=8).contains(&n)
            || !name.chars().all(crate::text::is_han)
            || !places.iter().any(|w| name.ends_with(w.as_str()))
        {
            return false;
        }
        from = p.end;
    }
    let next = doc.text[from..].trim_start();
    if next.starts_with('等') {
        return false;
    }
    // A list that runs on past a semicolon (`其中:美国1例、法国1例(福州市报告);
    // 英国1例…`) may hold more places than these.
    if doc
        .text
        .get(from..scope.end)
        .is_some_and(|t| t.trim_end().ends_with([';', '；']))
    {
        return false;
    }
    // A figure of theirs further on in the list's scope (its bracket, else
    // its sentence: `…昌平区2例,武汉来京人员1例`, `…各3例`) may be another
    // part: the places may be only some.
    !doc.quantities_in(Span::new(from, scope.end.max(from)))
        .iter()
        .any(|q| q.kind.is_magnitude() && q.same_family(parts[0]))
}

/// Whether two part names are a pair of `complements` (男|女).
pub(super) fn complementary(rule: &Rule, a: &str, b: &str) -> bool {
    rule.vocabulary.complements.iter().any(|pair| {
        pair.split_once('|').is_some_and(|(x, y)| {
            (a.contains(x) && b.contains(y) && !a.contains(y))
                || (a.contains(y) && b.contains(x) && !a.contains(x))
        })
    })
}

/// `A、B分别达到x和y` from `at`: names split at `、` with no figure among
/// them, `分别` and up to four characters of a verb, then the first value.
/// Where the values begin and how many names there are.
fn respectively_values(doc: &Doc, at: usize, end: usize) -> Option<(usize, usize)> {
    let text = doc.text.get(at..end)?;
    let k = text.find("分别")?;
    let names = &text[..k];
    if names.is_empty() || !doc.quantities_in(Span::new(at, at + k)).is_empty() {
        return None;
    }
    let after = at + k + "分别".len();
    let first = doc.quantities_in(Span::new(after, end)).first()?;
    if doc.text[after..first.start].chars().count() > 4 {
        return None;
    }
    Some((first.start, names.split('、').count()))
}

/// The one magnitude in `span` of `part`'s family, if there is exactly one.
pub(super) fn sole_total<'d>(doc: &'d Doc, span: Span, part: &Quantity) -> Option<&'d Quantity> {
    let mut totals = doc
        .quantities_in(span)
        .iter()
        .filter(|q| q.kind.is_magnitude() && q.same_family(part));
    let total = totals.next()?;
    totals.next().is_none().then_some(total)
}

/// `span` without the clause punctuation at its end.
pub(super) fn trim_end_punct(doc: &Doc, span: Span) -> Span {
    let s = doc.slice(span);
    let t = s.trim_end_matches(|c: char| crate::text::is_clause_end(c) || c.is_whitespace());
    Span::new(span.start, span.start + t.len())
}

pub(super) fn judge(
    doc: &Doc,
    rule: &Rule,
    total: &Quantity,
    parts: &[&Quantity],
    mode: Mode,
) -> Claim {
    let mut labels = vec![Label::of(Role::Total, total)];
    labels.extend(parts.iter().map(|p| Label::of(Role::Item, p)));
    let sum = super::sum_of(parts.iter().copied());
    let bad = match mode {
        Mode::Equal => !sum.overlaps(&with_tolerance(&total.interval, &rule.tolerance)),
        // Parts under 其中 may overlap (公办 and 医养结合): each alone must fit.
        Mode::AtMost => parts.iter().any(|p| super::subset::exceeds(&[p], total)),
    };
    let terms: Vec<String> = parts.iter().map(|p| figure(doc, p)).collect();
    let sum_text = match sum.is_exact() {
        true => fmt(sum.lo.as_ref().expect("an exact interval has both ends")),
        false => format!(
            "about {}",
            sum.representative().map(|r| fmt(&r)).unwrap_or_default()
        ),
    };
    let verdict = bad.then(|| match mode {
        Mode::Equal => Verdict {
            primary: 0,
            message: format!(
                "{} = {sum_text}, but the total is {}",
                terms.join(" + "),
                figure(doc, total)
            ),
            expected: sum
                .is_exact()
                .then(|| format!("{sum_text}{}", total.unit.unwrap_or(""))),
            help: format!("the parts add up to {sum_text}: correct the total or one of the parts"),
        },
        Mode::AtMost => Verdict {
            primary: 0,
            message: format!(
                "{} is listed as part of {}, but it is larger",
                parts
                    .iter()
                    .filter(|p| super::subset::exceeds(&[p], total))
                    .map(|p| figure(doc, p))
                    .collect::<Vec<_>>()
                    .join(", "),
                figure(doc, total)
            ),
            expected: None,
            help: "a part cannot exceed its total: correct the total or the part".into(),
        },
    });
    Claim {
        check: CheckKind::Sum,
        rule: rule.id.clone(),
        labels,
        verdict,
    }
}
