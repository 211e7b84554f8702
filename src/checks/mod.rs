//! Claims and checks: the claim grammar finds numeric claims in sentences and
//! each check kind decides whether its claims hold.
//!
//! One module per check kind of CONTRACT.md ([`ratio`], [`sum`], [`subset`],
//! [`change`], [`missing_number`], [`list_count`]); each exposes
//! `find(&Doc, &Rule) -> Vec<Claim>`, reads its words from the rule's
//! vocabulary, and returns every claim it recognised, consistent or not. When
//! the grammar is not sure what a figure means it makes no claim: a missed
//! claim costs less than a false alarm.

pub mod change;
mod cited;
pub mod list_count;
pub mod missing_number;
pub mod ratio;
pub mod subset;
pub mod sum;

use crate::exact::{to_decimal_string, Interval, Num};
use crate::lexer::Quantity;
use crate::rules::{CheckKind, RuleSet};
use crate::text::{clauses, sentence_lang, sentences, Breaks, Lang, Span};
pub use crate::words::word_at;
use crate::words::{Found, WordIndex, Words};
use serde::Serialize;
use std::sync::Arc;

/// How many quantities a sentence holds, of all kinds and of the kinds the
/// checks look for first: a check passes at once over a sentence without the
/// figures its claims need.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub all: usize,
    /// Percentages, permille and fractions ([`crate::lexer::QuantityKind::is_rate`]).
    pub rates: usize,
    /// Counts, amounts and measures ([`crate::lexer::QuantityKind::is_magnitude`]).
    pub magnitudes: usize,
}

impl Figures {
    fn of(quantities: &[Quantity]) -> Figures {
        let mut f = Figures {
            all: quantities.len(),
            ..Figures::default()
        };
        for q in quantities {
            f.rates += usize::from(q.kind.is_rate());
            f.magnitudes += usize::from(q.kind.is_magnitude());
        }
        f
    }
}

/// A text with its quantities and sentences: what every check reads.
pub struct Doc<'a> {
    /// The whole text: offsets are into it.
    pub text: &'a str,
    /// The part of the text this document covers (a chunk of a large file, or
    /// all of it).
    pub span: Span,
    pub quantities: Vec<Quantity>,
    pub sentences: Vec<Span>,
    /// The language of each sentence.
    pub langs: Vec<Lang>,
    /// What quantities lie wholly inside each sentence.
    figures: Vec<Figures>,
    /// Whether checks pass over sentences without the figures they need
    /// (always, except in the test that shows it loses no claim).
    gated: bool,
    /// The clauses of each sentence, split when a rule first asks, once for
    /// every rule.
    clause_cache: Vec<std::cell::OnceCell<Vec<Span>>>,
    /// The words of the rules, and where they stand in this document: found
    /// in one pass when a rule first asks (see [`Doc::occurrences`]).
    index: Option<Arc<WordIndex>>,
    found: std::cell::OnceCell<Found>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Doc<'a> {
        Doc::with_breaks(text, &Breaks::default())
    }

    /// A document whose blocks end at `breaks` (paragraph ends of Markdown,
    /// HTML or Word): no sentence runs across one.
    pub fn with_breaks(text: &'a str, breaks: &Breaks) -> Doc<'a> {
        Doc::chunk(text, Span::new(0, text.len()), breaks)
    }

    /// The document made of `span` of `text` (which begins and ends between
    /// sentences); offsets stay those of `text`.
    pub fn chunk(text: &'a str, span: Span, breaks: &Breaks) -> Doc<'a> {
        let sentences = sentences(&text[span.start..span.end])
            .into_iter()
            .map(|s| Span::new(s.start + span.start, s.end + span.start))
            .collect();
        let sentences = crate::text::split_at(sentences, breaks);
        let langs = sentences
            .iter()
            .map(|s| sentence_lang(s.slice(text)))
            .collect();
        let mut doc = Doc {
            text,
            span,
            quantities: crate::lexer::lex_range(text, span.start, span.end),
            sentences,
            langs,
            figures: Vec::new(),
            gated: true,
            clause_cache: Vec::new(),
            index: None,
            found: std::cell::OnceCell::new(),
        };
        doc.figures = doc
            .sentences
            .iter()
            .map(|s| Figures::of(doc.quantities_in(*s)))
            .collect();
        doc.clause_cache = vec![std::cell::OnceCell::new(); doc.sentences.len()];
        doc
    }

    /// The document, its words looked up in `index` (the words of the rules
    /// that will read it) rather than searched for clause by clause.
    pub fn with_words(mut self, index: Arc<WordIndex>) -> Doc<'a> {
        self.index = Some(index);
        self
    }

    /// Byte offsets of every occurrence of any of `words` in `span`: the
    /// longest word at each position where one starts (see
    /// [`Words::find_in`]).
    pub fn occurrences(&self, span: Span, words: &Words) -> Vec<(usize, usize)> {
        if let Some((index, found)) = self.index_found() {
            if let Some(hits) = index.find_in(found, words, self.text, span.start, span.end) {
                return hits;
            }
        }
        words.find_in(self.text, span.start, span.end)
    }

    /// Where a reference in brackets opening at `at` ends (`(16)`, `(14,15)`,
    /// `(3–5)`: digits first, then digits, commas, dashes and spaces), past
    /// its closing bracket.
    pub fn reference_end(&self, at: usize) -> Option<usize> {
        let inner = self.text.get(at..)?.strip_prefix('(')?;
        if !inner.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let len: usize = inner
            .chars()
            .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '-' | '\u{2013}' | ' '))
            .map(char::len_utf8)
            .sum();
        inner[len..].starts_with(')').then_some(at + 1 + len + 1)
    }

    /// The last figure that may take part in a check before `at`, at most
    /// `reach` bytes back and not before `floor`.
    pub fn last_checkable(&self, floor: usize, at: usize, reach: usize) -> Option<&Quantity> {
        let from = crate::text::ceil_boundary(self.text, at.saturating_sub(reach)).max(floor);
        self.quantities_in(Span::new(from.min(at), at))
            .iter()
            .rev()
            .find(|q| q.kind.is_checkable())
    }

    /// The first of [`Doc::occurrences`], found without finding the rest.
    pub fn first_occurrence(&self, span: Span, words: &Words) -> Option<(usize, usize)> {
        if let Some((index, found)) = self.index_found() {
            if let Some(mut hits) = index.hits(found, words, self.text, span.start, span.end) {
                return hits.next();
            }
        }
        words
            .find_in(self.text, span.start, span.end)
            .first()
            .copied()
    }

    /// Every offset in this document where `needle` stands, found by its
    /// bytes (a vectorised search: the standard one looks for the last byte,
    /// which for a Chinese character ends many others too).
    pub fn positions_of(&self, needle: &'static str) -> impl Iterator<Item = usize> + 'a {
        let start = self.span.start;
        memchr::memmem::find_iter(self.slice(self.span).as_bytes(), needle.as_bytes())
            .map(move |k| start + k)
    }

    /// The word index and where its words stand in this document (scanned
    /// when first asked), if the document has one.
    fn index_found(&self) -> Option<(&WordIndex, &Found)> {
        let index = self.index.as_deref()?;
        let found = self
            .found
            .get_or_init(|| index.scan(self.text, self.span.start, self.span.end));
        Some((index, found))
    }

    /// The document with every sentence read by every check, whatever its
    /// figures: what the gates are tested against.
    #[cfg(test)]
    fn ungated(mut self) -> Doc<'a> {
        self.gated = false;
        self
    }

    /// The sentences a rule of language `lang` reads (all when `None`) that
    /// hold at least `min` quantities: a check skips at once the sentences
    /// that have too few figures to make any of its claims.
    pub fn sentences_for(&self, lang: Option<Lang>, min: usize) -> impl Iterator<Item = Span> + '_ {
        self.sentences_where(lang, move |f| f.all >= min)
    }

    /// The sentences of language `lang` (all when `None`) whose figures pass
    /// `keep`: what a check needs before it reads a sentence.
    pub fn sentences_where(
        &self,
        lang: Option<Lang>,
        keep: impl Fn(&Figures) -> bool + 'static,
    ) -> impl Iterator<Item = Span> + '_ {
        (0..self.sentences.len())
            .filter(move |&i| {
                (!self.gated || keep(&self.figures[i]))
                    && lang.is_none_or(|want| self.langs[i] == want)
            })
            .map(|i| self.sentences[i])
    }

    /// Whether the text at `offset` is in a sentence of language `lang`.
    pub fn in_lang(&self, offset: usize, lang: Option<Lang>) -> bool {
        let Some(want) = lang else { return true };
        let i = self.sentences.partition_point(|s| s.end <= offset);
        self.langs.get(i).is_none_or(|l| *l == want)
    }

    /// The quantities lying wholly inside `span`, in order.
    pub fn quantities_in(&self, span: Span) -> &[Quantity] {
        // Quantities never overlap, so their ends are in order too: both
        // bounds by halving (counting the ends one by one made a check that
        // asks for the first figure of a long clause read all of them).
        let from = self.quantities.partition_point(|q| q.start < span.start);
        let slice = &self.quantities[from..];
        &slice[..slice.partition_point(|q| q.end <= span.end)]
    }

    /// `span` cut at the commas, semicolons and `、` that stand outside
    /// figures: the pieces of an enumeration, each without its separator.
    pub fn pieces(&self, span: Span) -> Vec<Span> {
        let text = self.slice(span);
        let mut out = Vec::new();
        let mut start = span.start;
        for (i, c) in text.char_indices() {
            let at = span.start + i;
            if (crate::text::is_comma(c) || matches!(c, ';' | '\u{ff1b}' | '、'))
                && !self.in_quantity(at)
            {
                out.push(Span::new(start, at));
                start = at + c.len_utf8();
            }
        }
        out.push(Span::new(start, span.end));
        out
    }

    /// The quantity that ends exactly at `end`.
    pub fn quantity_ending_at(&self, end: usize) -> Option<&Quantity> {
        let i = self.quantities.partition_point(|q| q.end < end);
        self.quantities.get(i).filter(|q| q.end == end)
    }

    /// The quantity that starts exactly at `offset`, if any.
    pub fn quantity_at(&self, offset: usize) -> Option<&Quantity> {
        let i = self.quantities.partition_point(|q| q.start < offset);
        self.quantities.get(i).filter(|q| q.start == offset)
    }

    /// Whether `offset` lies inside some quantity.
    pub fn in_quantity(&self, offset: usize) -> bool {
        let i = self.quantities.partition_point(|q| q.end <= offset);
        self.quantities.get(i).is_some_and(|q| q.start <= offset)
    }

    /// The clauses of a sentence. A comma inside a figure (`1,250人`) does not
    /// end a clause.
    pub fn clauses(&self, sentence: Span) -> std::borrow::Cow<'_, [Span]> {
        let k = self.sentences.partition_point(|s| s.start < sentence.start);
        match self.clause_cache.get(k) {
            Some(cached) if self.sentences.get(k) == Some(&sentence) => {
                cached.get_or_init(|| self.split_clauses(sentence)).into()
            }
            _ => self.split_clauses(sentence).into(),
        }
    }

    fn split_clauses(&self, sentence: Span) -> Vec<Span> {
        let raw = clauses(self.text, sentence);
        let mut out: Vec<Span> = Vec::with_capacity(raw.len());
        for c in raw {
            match out.last_mut() {
                Some(last) if self.in_quantity(last.end.saturating_sub(1)) => last.end = c.end,
                _ => out.push(c),
            }
        }
        out
    }

    pub fn slice(&self, span: Span) -> &'a str {
        &self.text[span.start..span.end]
    }
}

/// What a labelled span is in its claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Whole,
    Part,
    Stated,
    Total,
    Item,
    Before,
    After,
    Change,
    Missing,
    Count,
    Value,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Whole => "whole",
            Role::Part => "part",
            Role::Stated => "stated",
            Role::Total => "total",
            Role::Item => "item",
            Role::Before => "before",
            Role::After => "after",
            Role::Change => "change",
            Role::Missing => "missing",
            Role::Count => "count",
            Role::Value => "value",
        }
    }
}

/// A span of the text taking part in a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    pub role: Role,
    pub span: Span,
}

impl Label {
    pub fn new(role: Role, span: Span) -> Label {
        Label { role, span }
    }

    pub fn of(role: Role, q: &Quantity) -> Label {
        Label::new(role, Span::new(q.start, q.end))
    }
}

/// Why a claim does not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// Index into the claim's labels of the figure that is wrong.
    pub primary: usize,
    pub message: String,
    /// What the wrong figure should read, when that can be said.
    pub expected: Option<String>,
    pub help: String,
}

/// A numeric claim found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    pub check: CheckKind,
    pub rule: String,
    pub labels: Vec<Label>,
    /// `None` when the claim holds.
    pub verdict: Option<Verdict>,
}

impl Claim {
    pub fn consistent(&self) -> bool {
        self.verdict.is_none()
    }

    pub fn start(&self) -> usize {
        self.labels.iter().map(|l| l.span.start).min().unwrap_or(0)
    }
}

/// Every claim the rules recognise in a document, in text order. Two rules
/// recognising the same claim (same kind, same spans) yield it once.
pub fn find_claims(doc: &Doc, rules: &RuleSet) -> Vec<Claim> {
    let mut claims: Vec<Claim> = Vec::new();
    for rule in &rules.rules {
        claims.extend(match rule.check {
            CheckKind::Ratio => ratio::find(doc, rule),
            CheckKind::Sum => sum::find(doc, rule),
            CheckKind::Subset => subset::find(doc, rule),
            CheckKind::Change => change::find(doc, rule),
            CheckKind::MissingNumber => missing_number::find(doc, rule),
            CheckKind::ListCount => list_count::find(doc, rule),
            // Tables are checked over their grids (`crate::tables`).
            CheckKind::Suppression
            | CheckKind::TableTotal
            | CheckKind::TableShare
            | CheckKind::TableChange
            | CheckKind::TableRate
            | CheckKind::TableProse => Vec::new(),
        });
    }
    claims.retain(|c| !cited::excluded(doc, c));
    // Of the claims with one kind and spans, the first found (by the first
    // rule) stays. Sorted rather than hashed: a document holds few claims,
    // and hashing a key built for each cost more than finding most of them.
    fn spans(c: &Claim) -> impl Iterator<Item = (usize, usize)> + '_ {
        c.labels.iter().map(|l| (l.span.start, l.span.end))
    }
    let same = |a: &Claim, b: &Claim| a.check.cmp(&b.check).then_with(|| spans(a).cmp(spans(b)));
    let mut by_key: Vec<usize> = (0..claims.len()).collect();
    by_key.sort_by(|&a, &b| same(&claims[a], &claims[b]).then(a.cmp(&b)));
    let mut keep = vec![true; claims.len()];
    for w in by_key.windows(2) {
        if same(&claims[w[0]], &claims[w[1]]).is_eq() {
            keep[w[1]] = false;
        }
    }
    let mut k = 0;
    claims.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    claims.sort_by_key(|c| (c.start(), c.check));
    claims
}

// ---- helpers shared by the check kinds ----

/// Whether `s` ends with the word `w` (see [`word_at`]).
pub fn word_before(s: &str, w: &str) -> bool {
    let Some(k) = s.len().checked_sub(w.len()) else {
        return false;
    };
    let Some(tail) = s.get(k..) else {
        return false;
    };
    if w.bytes().any(|b| b.is_ascii_alphabetic()) {
        let cut_word = w.starts_with(|c: char| c.is_ascii_alphanumeric())
            && s[..k].ends_with(|c: char| c.is_ascii_alphanumeric());
        tail.eq_ignore_ascii_case(w) && !cut_word
    } else {
        tail == w
    }
}

/// The longest of `words` that `s` starts with (see [`word_at`]).
pub fn starts_with_any<'w>(s: &str, words: &'w Words) -> Option<&'w str> {
    words.longest_at(s)
}

/// The longest of `words` that `s` ends with.
pub fn ends_with_any<'w>(s: &str, words: &'w [String]) -> Option<&'w str> {
    words
        .iter()
        .filter(|w| word_before(s, w))
        .max_by_key(|w| w.len())
        .map(String::as_str)
}

/// Whether the word at `start..end` is part of one of `words` standing around
/// it (`应` inside `应急`, `计划` inside `计划生育`).
pub fn inside_word(text: &str, start: usize, end: usize, words: &[String]) -> bool {
    let word = text.as_bytes().get(start..end).filter(|m| !m.is_empty());
    words.iter().any(|w| {
        let w = w.as_str();
        match word {
            // A word that covers start..end holds what stands there, and
            // where it holds it is where it must begin: most words hold it
            // nowhere.
            Some(m) => (0..(w.len() + 1).saturating_sub(m.len()))
                .filter(|&k| {
                    // The last byte first: of a Han character, the one that
                    // tells most apart.
                    let b = w.as_bytes();
                    b[k + m.len() - 1] == m[m.len() - 1] && b[k..].starts_with(m)
                })
                .any(|k| k <= start && text.get(start - k..).is_some_and(|t| t.starts_with(w))),
            // Every placement of `w` that covers start..end.
            None => (0..=w.len())
                .filter(|&k| text.is_char_boundary(start.saturating_sub(k)))
                .any(|k| {
                    let s = start.saturating_sub(k);
                    s + w.len() >= end && text[s..].starts_with(w)
                }),
        }
    })
}

/// `text[a..b]`, or nothing when `a` has run past `b` (skipping spaces can).
pub fn range(text: &str, a: usize, b: usize) -> &str {
    text.get(a..b.max(a)).unwrap_or("")
}

/// Skips spaces and line breaks from `offset`.
pub fn skip_space(text: &str, offset: usize) -> usize {
    let rest = &text[offset..];
    offset + (rest.len() - rest.trim_start().len())
}

/// Number of characters in `text[a..b]`, ignoring whitespace.
pub fn chars_between(text: &str, a: usize, b: usize) -> usize {
    if a >= b {
        return 0;
    }
    text[a..b].chars().filter(|c| !c.is_whitespace()).count()
}

/// A figure as written in the text, for messages: `17093人` (the line break
/// of `17093\n人` removed), `9 per cent` (spaces between words kept).
pub fn shown(doc: &Doc, q: &Quantity) -> String {
    let s = &doc.text[q.start..q.end];
    let mut out = String::new();
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space
            && out.ends_with(|p: char| p.is_ascii_alphanumeric() || p == '%')
            && c.is_ascii_alphanumeric()
        {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// A figure in a message: the bare number when it is exact (`17025`), else as
/// written (`2300多人`).
pub fn figure(doc: &Doc, q: &Quantity) -> String {
    if q.interval.is_exact() && q.approx.is_none() {
        q.value_string()
    } else {
        shown(doc, q)
    }
}

/// A number for messages, with `decimals` decimals kept.
pub fn fmt_fixed(n: &Num, decimals: u32) -> String {
    crate::exact::to_fixed(n, decimals)
}

/// A number for messages, exact up to 6 decimals.
pub fn fmt(n: &Num) -> String {
    to_decimal_string(n, 6)
}

/// The interval of `q` widened by a rule's tolerance.
pub fn with_tolerance(i: &Interval, tolerance: &Num) -> Interval {
    Interval::new(
        i.lo.as_ref().map(|l| l - tolerance),
        i.hi.as_ref().map(|h| h + tolerance),
    )
}

/// The one magnitude (count, amount, measure) in `span`, if it holds
/// exactly one.
pub fn only_magnitude<'d>(doc: &'d Doc, span: Span) -> Option<&'d Quantity> {
    let mut it = doc
        .quantities_in(span)
        .iter()
        .filter(|q| q.kind.is_magnitude());
    let q = it.next()?;
    it.next().is_none().then_some(q)
}

/// Sum of the intervals of some quantities.
pub fn sum_of<'q>(qs: impl IntoIterator<Item = &'q Quantity>) -> Interval {
    qs.into_iter()
        .fold(Interval::exact(crate::exact::int(0)), |acc, q| {
            acc.add(&q.interval)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A piece may end anywhere, spaces included (a long file is read in
    /// pieces): every check reads a piece cut at every place of texts in
    /// the wordings they know, and none reads past its end.
    #[test]
    fn checks_read_a_piece_cut_anywhere() {
        let rules = crate::rules::RuleSet::builtin().expect("the built-in rules load");
        let texts = [
            "visits rose from 3,200 to 4,000, up 30%,   and more",
            "rose from $5.5 million in 2020 to $6.6 million in 2021 , an increase of 20% ",
            "fell to $5.6 million, or 19.6% of net sales,  for 2000 from $8.3 million ",
            "Of these,  1,624 (99.2%) agreed;  12 (0.7%) declined ;  ",
            "48 guests (31 adults ; 17 children)  ",
            "three steps: 1) plan;  2) build;  ",
            "three forces – A, B, and C –  ",
            "分别从50%、75%提高至100%  ,",
            "由二百亿元增加到五百亿元,五年  增长一点五倍",
            "總經\n   費86\n   8,669千元,已編列801,289千元,本年度續編最後1年經費67,380千元 ",
            "赤字2.38万亿元。其中,中央1.55万亿元,地方8300亿元 ",
            "新增铁路639公里、其中高铁370公里  ",
            "332 islands, approximately 110 of which  ",
            "甲区27例( 治愈31例,死亡2例 ),乙区9例(其中 重症1例)",
            "分别新增15家和30家,累计分别达到90家和 26家",
            "两个条件,即年满十八周岁;具有户籍。三项原则,即坚持A,坚持B,是",
            "下列两种情形:\n(一)甲;\n(二)乙。\n第二条",
            "經費52,000千元,包括:\n(1)甲經費31,000千元。\n(2)乙計畫總經費9,000千元,本科目編列20,000千元。",
            "现行9%的税率提高至6%,由五年前的百分之六十左右提高到七成,即增长三倍",
            "an increase of $40 million at the Parks  segment from $300 million to $320 million",
            "續編最後1年經費30,000千元,本科目\n   編列32,000千元",
            "40 bills were introduced, 34 in the House and 58 in the  Senate.",
            "For the 141 nominees confirmed, 126 (96.4%) received none.",
            "新增确诊病例5例。新增确诊病例中, 甲市7例、乙市1例;",
            "the largest increase in  assaults from 33 to 52, from 10% of all  patients to 17%",
            "one of four criteria: fever, rash, or cough ; the use of five products (tea, coffee, and soda)",
            "Wards: four wards: Northgate, Eastfield, Southport, Westbury\nCapital: two sizes: 10 inches and 12 inches",
            "has grown with new branches, from a death rate of 42.7 per 100,000 population in 2005 (16) to 48.6",
            "increased $0.30 per diluted share or 20.0% to $1.50 per share (diluted) from $1.20 per  diluted share",
            "新增疑似病例8例（其中东城区3例，北坪县2例），其中东城区3例、北坪县2例",
            "were $120.0 million. Of this amount, $70.0 million was A; $20.0 million ; and $130.0 million, consisting of $6 and $7",
            "在八十个项目中，已建成的有二十项；正在施工的有九十项；其中，新增3万亿元，其中甲湖、乙湖分别达到950平方公里和600平方公里",
            "decreases in soda use (2009: 29.2%; 2019: 31.5%), an estimated 21,000, down from 19,000 (while 10, or 40.0%",
            "Ratios / total support ratio: 60.0\nRatios / child support ratio: 22.0\nRatios / aged support ratio: 33.0\ngrowth of 9% was driven by increases of 5% from prices and 2% from",
            "four tiers (7): urban centres (3,4), rural posts, and units; 22,000 troops (includes about 24,000 and around 8,000)",
            "收入925亿元，比上年的600亿元增长64%，比一九八〇年的六百亿元减少了",
            "Uptake showed a 9 percentage point increase (31% to 37%), rose 6 percentage points (from 31% to 37",
            "旅客量从2018年的400万人次增加到2023年的644万人次，年均增长12%。rose from 2.0 million in 2015 to 2.9 million in 2020, an average annual increase of 10",
            "rose from about 2% of income and 5% of outlays in 2001 to 1.5% and 6% respectively\nLand / total: 5,200 sq km ; 4,100 sq km (x)\nLand / farmed: 3,900 sq km ; 3,200 sq km\nLand / wild: 1,300 sq km ; 900 sq km",
            "into four bands to show how far each school is: (1) 0 to 49; (2) 50 to 79.\nAlso (3) 80",
            "甲省现有住院确诊病例61例。累计报告确诊病例412例，其中出院病例356例，死亡病例3例。现有2例境外输入确诊病例",
            "Of the 4,210 pupils invited, 310 (7.4%) declined, leaving a final sample of 3,800. For 2024, it approved $12.6 million. The 2024 amount consists of $9.1 million and $2.5",
            "logged 1,240 confirmed, and suspected cases, with 1,010 in the north and 320 in the south (4).",
            "has 412 buses: 300 in the north, plus 100 in the south and 20 more in the west, including 12 for news, 9 for",
            "rose to 8.1 million in 2010 and  to 7.9 million; it would increase to 0.6%, 2.0 million tons in 2008, climbing to 1.5",
            "set 12.5 million tons of quota for 2021—a 4% increase from the 12.0 million, from about 9% of the pool in 2012 to 4%",
            "gains were made over the past 8 years (from 61% in 2011 to 52%), 3.1 times as long, and this ratio fell to 3.4",
            "seen in 38.8% (54 of 140) and 61/150 (40.7%) of cases (12/240, 6.0%), 95 patients (group X = 40 and group Y = 50)；接种率为64%（310/500",
            "(lead: two (10%) of 20 studies; zinc: three (30%) of 10) 4,000 seconds (1 hour, 6 minutes) in one register (12,000 A and 20,000 B) a total of 30 towns (14,15) on a 4-point scale (1 and 4 meaning)",
            "Lee AB, Park CD. Costs of three disorders: anxiety and depression. J Health Econ 2010;9:19–25. ranged from 10% in A to 25%; into four regions: the hills, the coast, and the",
            "lists 6 binary (yes or no) checks (either phone or mail); four groups: A and B adults, C, and D; 3 options: “call,” “write,” and “visit”; 3 concern safety: 1) roads, 2) rail; the rest: 4) fares",
            "Of 420 K–5 pupils, 380 (90.5%); of approximately 80\nmillion homes; 喝酒和每天抽烟两支以上的",
            "三个方面的举措：一个新的公园、加强了的母婴设施和一座花园 physical risks (e.g., heat and storms), transition risks, and",
            "a total of 40 tests (national and 12 state, 20 county, and 6 city tests); 4 themes emerged: cost and time (n = 12); staff",
            "gave 3 reasons: cost or distance, fear, pain or worry. 40 buses, which accounted for 12 (30%) of the",
        ];
        for text in texts {
            for end in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
                let breaks = crate::text::Breaks::default();
                let doc = Doc::chunk(text, Span::new(0, end), &breaks);
                let _ = find_claims(&doc, &rules);
            }
        }
    }

    /// `inside_word` passes over the words that do not hold the word at
    /// start..end; it answers as trying every placement of every word does,
    /// for every range of every text (also ranges off character boundaries
    /// and past the end).
    #[test]
    fn inside_word_agrees_with_every_placement() {
        fn every_placement(text: &str, start: usize, end: usize, words: &[String]) -> bool {
            words.iter().any(|w| {
                (0..=w.len())
                    .filter(|&k| text.is_char_boundary(start.saturating_sub(k)))
                    .any(|k| {
                        let s = start.saturating_sub(k);
                        s + w.len() >= end && text[s..].starts_with(w)
                    })
            })
        }
        let words: Vec<String> = ["应急", "计划生育", "aa", "a应", "急"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        for text in ["应急计划生育应", "aaa应急a", "计划", "", "应应急急"] {
            for start in 0..=text.len() + 1 {
                for end in 0..=text.len() + 1 {
                    assert_eq!(
                        inside_word(text, start, end, &words),
                        every_placement(text, start, end, &words),
                        "{text:?} {start}..{end}"
                    );
                }
            }
        }
    }

    /// The checks pass over sentences without the figures their claims need
    /// ([`Doc::sentences_where`]); reading every sentence finds the same
    /// claims, consistent or not, in the seeds and the case fixtures.
    #[test]
    fn passing_over_sentences_loses_no_claim() {
        let rules = RuleSet::builtin().expect("the built-in rules load");
        let (mut texts, mut claims) = (0, 0);
        for (name, text) in fixture_texts() {
            let gated = find_claims(&Doc::new(&text), &rules);
            let all = find_claims(&Doc::new(&text).ungated(), &rules);
            assert_eq!(gated, all, "{name}: {text}");
            texts += 1;
            claims += gated.len();
        }
        eprintln!("{texts} texts, {claims} claims");
        assert!(
            texts >= 10 && claims >= 100,
            "{texts} texts, {claims} claims"
        );
    }

    /// The texts of the seeds and the case fixtures, with their file names:
    /// a seed is one text; a case file has a text on each line after ` | `,
    /// with `\n` for a line break.
    fn fixture_texts() -> Vec<(String, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut out = Vec::new();
        for dir in ["seeds", "cases"] {
            let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
                .expect("the fixtures are there")
                .map(|e| e.expect("a readable entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            paths.sort();
            for path in paths {
                let file = std::fs::read_to_string(&path).expect("UTF-8 text");
                let name = path.display().to_string();
                match dir {
                    "seeds" => out.push((name, file)),
                    _ => out.extend(
                        file.lines()
                            .filter(|l| !l.starts_with('#'))
                            .filter_map(|l| l.split_once(" | "))
                            .map(|(_, t)| (name.clone(), t.replace("\\n", "\n"))),
                    ),
                }
            }
        }
        out
    }

    /// Two rules that recognise the same claim (same kind, same spans) yield
    /// it once, from the rule that comes first.
    #[test]
    fn a_claim_two_rules_find_is_kept_once_from_the_first() {
        let rules = RuleSet::builtin().expect("the built-in rules load");
        let again = |r: &crate::rules::Rule| {
            let mut r = r.clone();
            r.id = format!("{}-again", r.id);
            r
        };
        let originals = rules.rules.iter().cloned();
        let twice = RuleSet::new(
            originals
                .clone()
                .chain(rules.rules.iter().map(again))
                .collect(),
        );
        let copies_first = RuleSet::new(rules.rules.iter().map(again).chain(originals).collect());
        let mut claims = 0;
        for (name, text) in fixture_texts() {
            let once = find_claims(&Doc::new(&text), &rules);
            assert_eq!(
                find_claims(&Doc::new(&text), &twice),
                once,
                "{name}: {text}"
            );
            let renamed: Vec<Claim> = once
                .iter()
                .cloned()
                .map(|mut c| {
                    c.rule = format!("{}-again", c.rule);
                    c
                })
                .collect();
            assert_eq!(
                find_claims(&Doc::new(&text), &copies_first),
                renamed,
                "{name}"
            );
            claims += once.len();
        }
        assert!(claims >= 100, "{claims} claims");
    }
}
