//! Text to quantities: every number in a text, with its span, kind, unit and
//! the exact interval of values it stands for.
//!
//! The lexer never fails: odd text yields fewer quantities, not an error. A
//! numeral it cannot give a meaning to (`十四五`, `5G`, a digit run too long
//! for exact arithmetic) yields no quantity at all, so no check can start from
//! it.
//!
//! ```
//! let qs = numlint::lexer::lex("储备了单采采样试管37.8万支");
//! assert_eq!(qs[0].value_string(), "378000");
//! assert_eq!(qs[0].unit, Some("支"));
//! ```

pub mod arabic;
pub mod english;
pub mod numeral;
pub mod recognize;
pub mod units;

use crate::exact::{int, parse_decimal, pow10, to_decimal_string, Interval, Num};
use num_traits::{One, Zero};
use serde::Serialize;

/// What a number is, as CONTRACT.md names the kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuantityKind {
    Count,
    Amount,
    Measure,
    Percent,
    Permille,
    PercentagePoints,
    Fraction,
    Multiple,
    Year,
    Date,
    Range,
    Ratio,
    Ordinal,
    Expression,
}

impl QuantityKind {
    /// Kinds that may take part in a check. Years, dates, ranges, ratios,
    /// ordinals and expressions never do.
    pub fn is_checkable(self) -> bool {
        !matches!(
            self,
            QuantityKind::Year
                | QuantityKind::Date
                | QuantityKind::Range
                | QuantityKind::Ratio
                | QuantityKind::Ordinal
                | QuantityKind::Expression
        )
    }

    /// Counts, amounts and measures: the kinds a whole, a part or a total is.
    pub fn is_magnitude(self) -> bool {
        matches!(
            self,
            QuantityKind::Count | QuantityKind::Amount | QuantityKind::Measure
        )
    }

    /// Rates: what a ratio claim states.
    pub fn is_rate(self) -> bool {
        matches!(
            self,
            QuantityKind::Percent | QuantityKind::Permille | QuantityKind::Fraction
        )
    }
}

/// One number found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quantity {
    /// Byte span of the whole figure: approximate words, number and unit.
    pub start: usize,
    pub end: usize,
    pub kind: QuantityKind,
    /// The number as written, scales applied, in its own unit (`37.8万支` is
    /// 378000 支; `99.3%` is 99.3 %).
    pub value: Num,
    /// The values it stands for.
    pub interval: Interval,
    /// The unit as written after scales: `人`, `元`, `%`.
    pub unit: Option<&'static str>,
    /// Figures combine only within one family (see [`units`]).
    pub family: Option<&'static str>,
    /// The word that widened the interval, if any.
    pub approx: Option<&'static str>,
    /// Size of the last written digit when the figure is rounded (`99.3%` has
    /// 0.1); `None` when it is exact. A stated rate may be rounded half-up or
    /// truncated to this precision.
    pub ulp: Option<Num>,
    /// Decimals written (after scale), for messages.
    pub decimals: u32,
}

impl Quantity {
    pub fn value_string(&self) -> String {
        to_decimal_string(&self.value, 12)
    }

    /// Whether two quantities may combine in a sum or a ratio.
    /// A span of time (两年, 30 days): how long, never an amount of what a
    /// rate or a sum counts.
    pub fn is_duration(&self) -> bool {
        matches!(
            self.family,
            Some("year-span" | "day" | "week" | "month" | "hour" | "minute" | "second")
        )
    }

    pub fn same_family(&self, other: &Quantity) -> bool {
        match (self.family, other.family) {
            (Some(a), Some(b)) => a == b,
            // Two bare counts (由10万增长到30万) are of one family.
            (None, None) => self.kind == QuantityKind::Count && other.kind == QuantityKind::Count,
            _ => false,
        }
    }

    /// The interval a stated figure allows when it may have been rounded
    /// half-up or truncated: `[v - ulp/2, v + ulp]`.
    pub fn stated_interval(&self) -> Interval {
        match (&self.ulp, self.approx) {
            (Some(ulp), None) => {
                Interval::new(Some(&self.value - ulp / int(2)), Some(&self.value + ulp))
            }
            _ => self.interval.clone(),
        }
    }
}

/// Words before a number that make it approximate, longest first.
const APPROX_BEFORE: &[&str] = &[
    "不少于",
    "不超过",
    "将近",
    "接近",
    "大约",
    "大概",
    "超过",
    "不到",
    "不足",
    "多于",
    "少于",
    "低于",
    "至少",
    "近",
    "约",
    "逾",
];

/// Whether some word of [`APPROX_BEFORE`] ends with `c` (one match, not a
/// look at each word: it is asked before every figure).
fn ends_approx_word(c: char) -> bool {
    matches!(
        c,
        '于' | '过' | '近' | '约' | '概' | '到' | '足' | '少' | '逾'
    )
}

/// Words after a number (and its unit) that make it approximate.
const APPROX_AFTER: &[&str] = &["左右", "以上", "以下", "上下", "有余"];

/// Whether some word of [`APPROX_AFTER`] begins with `c`.
fn begins_approx_after(c: char) -> bool {
    matches!(c, '左' | '以' | '上' | '有')
}

/// Characters that, standing before an approximation word, make it part of
/// another word: 最近 and 附近 are not 近, 签约 and 预约 are not 约.
const NOT_APPROX: &[(&str, &[char])] = &[
    (
        "近",
        &[
            '最', '附', '临', '靠', '亲', '就', '新', '邻', '远', '贴', '接', '将',
        ],
    ),
    (
        "约",
        &[
            '签', '预', '合', '节', '制', '契', '条', '违', '履', '特', '邀', '相', '公', '婚',
            '践', '失', '爽', '守', '租', '誓', '集', '简', '大',
        ],
    ),
    ("逾", &['不']),
];

/// Lexes a whole text. Quantities are returned in text order and never overlap.
pub fn lex(text: &str) -> Vec<Quantity> {
    lex_range(text, 0, text.len())
}

/// Lexes the numbers that start in `start..end` of `text` (on char
/// boundaries); the text around is read for context.
pub fn lex_range(text: &str, start: usize, end: usize) -> Vec<Quantity> {
    let bytes = text.as_bytes();
    // Room for the quantities at once: a growing vector is copied at each
    // step, and the old and the new copy stand side by side (which doubled
    // the peak memory on 200 000 percentages in a row). That memory is only
    // reserved: pages never written are never taken.
    // - A large range (a piece of a long file: up to 64 KiB) gets room for
    //   one figure in 2 bytes (they are seldom closer), up to 2^17 of them.
    // - A short text, for one in 16. Reports hold about one in 57; with room
    //   for one in 64 the vector still grew 181 times in 200 files of the
    //   benchmark, and 68 times with one in 32.
    let len = end.saturating_sub(start);
    let room = if len > 1 << 14 { len / 2 } else { len / 16 };
    let mut out = Vec::with_capacity(room.min(1 << 17));
    let mut i = start;
    while i < end {
        // Most characters begin no number: pass them at once. An ASCII
        // letter or digit right after another is inside a word or number
        // (what `quantity_at` says of it too).
        let b = bytes[i];
        if b < 0x80 && (!b.is_ascii_alphanumeric() || i > 0 && bytes[i - 1].is_ascii_alphanumeric())
        {
            i += 1;
            continue;
        }
        // So do most English words: a number begins only at a word with the
        // length, first and last letter of one a number may begin with.
        if b.is_ascii_alphabetic() {
            let word = bytes[i..]
                .iter()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            if !english::may_be_first_word(&bytes[i..i + word]) {
                i += word;
                continue;
            }
        }
        // So do most Han characters (three bytes led by E4..E9): only the
        // numeral characters among them may begin a number.
        if (0xE4..=0xE9).contains(&b) {
            if let Some(&[b1, b2]) = bytes.get(i + 1..i + 3) {
                let code =
                    u32::from(b & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F);
                if !numeral::is_numeral_code(code) {
                    i += 3;
                    continue;
                }
            }
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if let Some(mut q) = quantity_at(text, i, c) {
            if q.kind.is_checkable() {
                approx_before(text, &mut q);
            }
            i = q.end.max(i + c.len_utf8());
            out.push(q);
        } else if arabic::is_digit(c) {
            i += refused_run(&text[i..]).unwrap_or(c.len_utf8());
        } else {
            i += c.len_utf8();
        }
    }
    out
}

/// The length of the run of digits, grouping commas and points at the start
/// of `s`, when it holds more digits than any figure may
/// ([`crate::exact::MAX_DIGITS`]): refused whole, not read again from each
/// of its groups (`1,000,000,…` or `100,101,102,…`, each read to its end
/// from every group, had cost the square of its length).
fn refused_run(s: &str) -> Option<usize> {
    let mut digits = 0;
    let mut end = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        if arabic::is_digit(c) {
            digits += 1;
        } else if !(matches!(c, ',' | '，' | '.' | '．')
            && chars.peek().is_some_and(|&(_, d)| arabic::is_digit(d)))
        {
            break;
        }
        end = k + c.len_utf8();
    }
    (digits > crate::exact::MAX_DIGITS).then_some(end)
}

/// Words before the number: 近, 约, 超过. They join the quantity's span.
/// English words before a number that make it approximate, with the Chinese
/// word whose meaning they share (for [`widen`]).
const APPROX_BEFORE_EN: &[(&str, &str)] = &[
    ("approximately", "约"),
    ("about", "约"),
    ("around", "约"),
    ("roughly", "约"),
    ("some", "约"),
    ("nearly", "近"),
    ("almost", "近"),
    ("close to", "近"),
    ("more than", "超过"),
    ("over", "超过"),
    ("at least", "至少"),
    ("upwards of", "超过"),
    ("fewer than", "不到"),
    ("less than", "不到"),
    ("under", "不到"),
    ("up to", "不超过"),
    ("no more than", "不超过"),
];

fn approx_before(text: &str, q: &mut Quantity) {
    let before = &text[..q.start];
    // English: "about 300", "More than 2,000", "almost 90%", "(almost 90%)".
    let trimmed = before.trim_end_matches(' ');
    if trimmed.len() < before.len() {
        for (w, meaning) in APPROX_BEFORE_EN {
            let n = w.len();
            let Some(k) = trimmed.len().checked_sub(n) else {
                continue;
            };
            let Some(tail) = trimmed.get(k..) else {
                continue;
            };
            let at_word_start = !trimmed[..k].ends_with(|c: char| c.is_ascii_alphanumeric());
            if tail.eq_ignore_ascii_case(w) && at_word_start {
                q.interval = widen(&q.interval, meaning);
                q.approx = q.approx.or(Some(w));
                q.start = trimmed.len() - n;
                return;
            }
        }
    }
    // Every word ends with a character of its own: most numbers stand after
    // none of them, and one character is quicker to look at than each word.
    if !before.chars().next_back().is_some_and(ends_approx_word) {
        return;
    }
    for w in APPROX_BEFORE {
        if before.ends_with(w) {
            let before_word = prev_char(text, q.start - w.len());
            let blocked = NOT_APPROX
                .iter()
                .any(|(word, chars)| word == w && before_word.is_some_and(|c| chars.contains(&c)));
            if blocked {
                continue;
            }
            q.interval = widen(&q.interval, w);
            q.approx = q.approx.or(Some(w));
            q.start -= w.len();
            return;
        }
    }
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

fn quantity_at(text: &str, i: usize, c: char) -> Option<Quantity> {
    // Most characters begin no number: leave at once.
    if !(c.is_ascii_alphanumeric() || arabic::is_digit(c) || numeral::is_numeral_char(c)) {
        return None;
    }
    let prev = prev_char(text, i);
    if arabic::is_digit(c) {
        // A digit right after a letter of an alphabet (χ2, β2, Vz2, é2) is
        // inside a name; after a Han character (共3人) it begins a number.
        if prev.is_some_and(|p| {
            p.is_ascii_alphanumeric()
                || p == '_'
                || p == '.'
                || arabic::is_digit(p)
                || (p.is_alphabetic() && (p as u32) < 0x2E80)
        }) {
            return None;
        }
        // COVID-19, SCP-173: a name with a number in it.
        if prev == Some('-') && text[..i - 1].ends_with(|p: char| p.is_ascii_alphabetic()) {
            return None;
        }
        return arabic_quantity(text, i);
    }
    if c.is_ascii_alphabetic() {
        if prev.is_some_and(|p| p.is_ascii_alphanumeric()) {
            return None;
        }
        return english_quantity(text, i);
    }
    if numeral::is_numeral_char(c) {
        if prev.is_some_and(numeral::is_numeral_char) {
            return None;
        }
        return chinese_quantity(text, i);
    }
    None
}

/// A number read at a position, before its unit and approximation words.
#[derive(Clone)]
struct Number {
    start: usize,
    end: usize,
    value: Num,
    decimals: u32,
    /// Place value of the last written digit.
    ulp: Num,
    /// Ends on 万/亿: a rounded figure.
    scaled: bool,
    many: Option<(&'static str, Num)>,
    chinese: bool,
}

impl Number {
    fn from_numeral(start: usize, n: &numeral::Numeral) -> Number {
        Number {
            start,
            end: start + n.len,
            value: n.value.clone(),
            decimals: n.decimals,
            ulp: n.ulp.clone(),
            scaled: n.scaled,
            many: n.many.clone(),
            chinese: n.chinese,
        }
    }
}

/// An exact fraction such as 四分之一.
fn fraction(start: usize, n: &numeral::Numeral) -> Quantity {
    Quantity {
        start,
        end: start + n.len,
        kind: QuantityKind::Fraction,
        interval: Interval::exact(n.value.clone()),
        value: n.value.clone(),
        unit: None,
        family: Some("%"),
        approx: None,
        ulp: None,
        decimals: 0,
    }
}

/// A digit standing alone among digits set apart by single spaces (`5 8 . 2
/// 1`, `1 2 0 0`: a figure of a PDF's TeX, spaced out when converted): which
/// digits make one figure is unsure, so none is read. (`$5$`, a figure in
/// TeX's inline math, is not dollars either: no figure.)
fn spaced_out(text: &str, i: usize, end: usize) -> bool {
    if end - i != 1 {
        return false;
    }
    let single = |s: &str| s.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    let next = text[end..]
        .strip_prefix(' ')
        .is_some_and(|r| single(r) && !r[1..].starts_with(|c: char| c.is_ascii_digit()));
    let prev = text[..i].strip_suffix(' ').is_some_and(|b| {
        b.ends_with(|c: char| c.is_ascii_digit() || c == '.')
            && !b[..b.len() - 1].ends_with(|c: char| c.is_ascii_digit())
    });
    next || prev
}

fn arabic_quantity(text: &str, i: usize) -> Option<Quantity> {
    // Most figures are ASCII digits alone: read them without the grammar.
    let (end, value, decimals) = match arabic::plain(&text[i..]) {
        Some((len, digits, decimals)) => (i + len, Num::new(digits, 10i64.pow(decimals)), decimals),
        None => {
            let (rest, a) = arabic::arabic(&text[i..]).ok()?;
            let (value, decimals) = parse_decimal(&a.normalized)?;
            (text.len() - rest.len(), value, decimals)
        }
    };
    let rest = &text[end..];
    if rest.starts_with(|c: char| c.is_ascii_alphabetic())
        && !rest.starts_with(['x', 'X'])
        && quantity_scale(rest).is_none()
    {
        return None; // 5G, 3D, H1N1: a name, not a number
    }
    if spaced_out(text, i, end) || (text[..i].ends_with('$') && rest.starts_with('$')) {
        return None;
    }
    let n = Number {
        start: i,
        end,
        value,
        decimals,
        ulp: pow10(-(decimals as i32)),
        scaled: false,
        many: None,
        chinese: false,
    };
    // Ratios, ranges and expressions are kinds of their own.
    if let Ok((after, _)) = arabic::ratio_separator(rest) {
        if let Ok((after2, _)) = arabic::arabic(after) {
            let end2 = text.len() - after2.len();
            return Some(special(n, end2, QuantityKind::Ratio, None));
        }
    }
    if let Ok((after, _)) = arabic::range_separator(rest) {
        if let Ok((after2, b)) = arabic::arabic(after) {
            let mut end2 = text.len() - after2.len();
            let hi = parse_decimal(&b.normalized).map(|(v, _)| v);
            let unit = units::unit_at(after2);
            if let Some(u) = unit {
                end2 += u.text.len();
            }
            let mut q = special(n, end2, QuantityKind::Range, unit.map(|u| u.text));
            // A descending pair (`7-3`, a code) is still no figure to check;
            // its interval is kept in order.
            q.interval = match hi {
                Some(h) if h < q.value => Interval::new(Some(h), Some(q.value.clone())),
                h => Interval::new(Some(q.value.clone()), h),
            };
            return Some(q);
        }
    }
    if arabic::plus(rest).is_ok() || prev_char(text, i) == Some('+') {
        let end2 = expression_end(text, end);
        return Some(special(n, end2, QuantityKind::Expression, None));
    }
    if prev_char(text, i) == Some('第') {
        let s = n.start - '第'.len_utf8();
        let mut q = special(n, end, QuantityKind::Ordinal, None);
        q.start = s;
        if let Some(u) = units::unit_at(&text[end..]) {
            q.end += u.text.len();
        }
        return Some(q);
    }
    if let Some(q) = calendar(text, &n) {
        return Some(q);
    }
    if let Some(q) = english_reference(text, &n) {
        return Some(q);
    }
    // A figure that nothing of a numeral follows is the number just read, as
    // the numeral grammar would read it again.
    if !numeral::may_continue(rest) {
        return finish(text, n);
    }
    // The whole numeral: 37.8万, 3万4000, 70多万, 3分之1.
    let full = numeral::parse(&text[i..])?;
    if full.fraction {
        return Some(fraction(i, &full));
    }
    finish(text, Number::from_numeral(i, &full))
}

/// Words before a number that make it a reference, not a figure: page 12,
/// Section 3.2, Figure 2, Table 4, No. 5.
const REFERENCE_WORDS: &[&str] = &[
    "page",
    "pages",
    "p.",
    "pp.",
    "section",
    "sections",
    "figure",
    "fig.",
    "table",
    "chapter",
    "no.",
    "nos.",
    "article",
    "item",
    "annex",
    "appendix",
    "clause",
    "version",
    "paragraph",
    "para.",
    "step",
    "phase",
    "grade",
    "level",
    "room",
    "line",
    "nr.",
    "nrs.",
    "exercise",
    "exercises",
    "box",
    "chart",
    "part",
];

/// English month names and their short forms.
pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// English references, years, dates and list markers: `page 12`, `in 2019`,
/// `5 March`, `March 5`, `31/12/2021`, `1.` opening a line.
fn english_reference(text: &str, n: &Number) -> Option<Quantity> {
    let before = text[..n.start].trim_end_matches(' ');
    let gap_before = text[..n.start].len() - before.len();
    // The words either side, as slices (both are ASCII): no copies.
    let prev_word = &before[before
        .trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.')
        .len()..];
    let after = &text[n.end..];
    let next_word = after.trim_start_matches(' ');
    let next_word = &next_word[..next_word
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count()];
    // (Chinese text has no word either side: no list to go through.)
    let is_one_of =
        |w: &str, words: &[&str]| !w.is_empty() && words.iter().any(|k| k.eq_ignore_ascii_case(w));
    let ordinal = |end: usize| special(n.clone(), end, QuantityKind::Ordinal, None);
    if gap_before > 0 && is_one_of(prev_word, REFERENCE_WORDS) {
        // Section 3.2 takes its sub-number along.
        let mut end = n.end;
        while text[end..].starts_with('.')
            && text[end + 1..].starts_with(|c: char| c.is_ascii_digit())
        {
            end += 1 + text[end + 1..]
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .count();
        }
        return Some(ordinal(end));
    }
    if is_one_of(prev_word, MONTHS) && gap_before > 0 || is_one_of(next_word, MONTHS) {
        return Some(special(n.clone(), n.end, QuantityKind::Date, None));
    }
    // 31/12/2021
    let date_like = after.starts_with('/') && {
        let rest = &after[1..];
        let d = rest.chars().take_while(|c| c.is_ascii_digit()).count();
        d > 0 && rest[d..].starts_with('/')
    };
    if date_like {
        let mut end = n.end;
        for _ in 0..2 {
            if text[end..].starts_with('/') {
                end += 1 + text[end + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
            }
        }
        return Some(special(n.clone(), end, QuantityKind::Date, None));
    }
    // 1. at the start of a line: a list marker.
    let line_start = before.is_empty() || before.ends_with('\n');
    if line_start && after.starts_with(". ") && n.decimals == 0 {
        return Some(ordinal(n.end + 1));
    }
    // in 2019: a year standing in English text.
    let digits = text[n.start..n.end].chars().count();
    let next_char = after.trim_start_matches(' ').chars().next();
    let english_after = next_char
        .is_none_or(|c| !('\u{4e00}'..='\u{9fff}').contains(&c) && !matches!(c, '%' | '％'));
    let is_year = digits == 4 && n.decimals == 0 && n.value >= int(1900) && n.value <= int(2100);
    if is_year
        && english_after
        && english::scale_after(&format!(" {}", next_word.to_ascii_lowercase())).is_none()
    {
        return Some(special(n.clone(), n.end, QuantityKind::Year, None));
    }
    None
}

/// English number words at `i`: `three`, `twenty-one`, `two-thirds`, `half`.
fn english_quantity(text: &str, i: usize) -> Option<Quantity> {
    let rest = &text[i..];
    let (len, value) = english::figure_words_at(rest)?;
    if rest[len..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    // "one" after the/this/that is a pronoun.
    if rest[..len].eq_ignore_ascii_case("one") {
        let before = crate::text::tail_lower(text, i, 64);
        if ["the", "this", "that", "which", "each", "every", "any", "no"]
            .iter()
            .any(|d| before.ends_with(d))
        {
            return None;
        }
    }
    if !value.is_integer() {
        let n = numeral::Numeral {
            len,
            value,
            ulp: Num::zero(),
            decimals: 0,
            scaled: false,
            many: None,
            chinese: false,
            fraction: true,
        };
        return Some(fraction(i, &n));
    }
    let n = Number {
        start: i,
        end: i + len,
        value,
        decimals: 0,
        ulp: Num::one(),
        scaled: false,
        many: None,
        chinese: false,
    };
    finish(text, n)
}

/// Years, months and days: `2019年`, `(2020)`, `10月25日`, `6月份`, `110号`.
fn calendar(text: &str, n: &Number) -> Option<Quantity> {
    if n.decimals > 0 {
        return None;
    }
    let after = &text[n.end..];
    let trimmed = after.trim_start_matches([' ', '\u{3000}']);
    let gap = after.len() - trimmed.len();
    // Characters, not bytes: a year may be written in full-width digits (１９５４年).
    let digits = text[n.start..n.end].chars().count();
    let is_year_number = digits == 4 && n.value >= int(1900) && n.value <= int(2100);
    if is_year_number && (trimmed.starts_with('年') || trimmed.starts_with('届')) {
        let end = n.end + gap + '年'.len_utf8();
        return Some(special(n.clone(), end, QuantityKind::Year, None));
    }
    let before = prev_char(text, n.start);
    if is_year_number
        && before.is_some_and(|c| crate::text::is_open_paren(c) || c == '[')
        && trimmed.starts_with(|c| crate::text::is_close_paren(c) || c == ']')
    {
        return Some(special(n.clone(), n.end, QuantityKind::Year, None));
    }
    if trimmed.starts_with('月') && n.value >= int(1) && n.value <= int(12) && gap == 0 {
        let mut end = n.end + '月'.len_utf8();
        // 10月25日: the day belongs to the same date.
        if let Ok((rest, _)) = arabic::arabic(&text[end..]) {
            if rest.starts_with(['日', '号']) {
                end = text.len() - rest.len() + '日'.len_utf8();
            }
        }
        return Some(special(n.clone(), end, QuantityKind::Date, None));
    }
    if trimmed.starts_with('日') && gap == 0 && n.value <= int(31) {
        let end = n.end + '日'.len_utf8();
        return Some(special(n.clone(), end, QuantityKind::Date, None));
    }
    if trimmed.starts_with('号') && gap == 0 {
        let end = n.end + '号'.len_utf8();
        return Some(special(n.clone(), end, QuantityKind::Ordinal, None));
    }
    None
}

/// The end of an expression such as `10+10`, `1+N`, `14天+`.
fn expression_end(text: &str, mut end: usize) -> usize {
    let mut rest = &text[end..];
    while let Some(r) = rest.strip_prefix('+') {
        end += 1;
        let take: usize = r
            .chars()
            .take_while(|c| arabic::is_digit(*c) || c.is_ascii_alphanumeric())
            .map(char::len_utf8)
            .sum();
        end += take;
        rest = &text[end..];
    }
    end
}

/// A quantity of a kind that never takes part in a check.
fn special(n: Number, end: usize, kind: QuantityKind, unit: Option<&'static str>) -> Quantity {
    Quantity {
        start: n.start,
        end,
        kind,
        interval: Interval::exact(n.value.clone()),
        value: n.value,
        unit,
        family: None,
        approx: None,
        ulp: None,
        decimals: n.decimals,
    }
}

/// A year written digit by digit in Chinese numerals: `一九七八年`,
/// `一九五○年` (a year, never a figure that counts).
fn chinese_year(text: &str, i: usize) -> Option<Quantity> {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let digit = |c: char| match c {
        '○' | '零' => Some(0),
        _ => DIGITS.iter().position(|&d| d == c).map(|d| d as i64),
    };
    let mut value = 0i64;
    let mut end = i;
    for c in text[i..].chars().take(4) {
        value = value * 10 + digit(c)?;
        end += c.len_utf8();
    }
    if !(1900..=2100).contains(&value) || !text[end..].starts_with('年') {
        return None;
    }
    let n = Number {
        start: i,
        end,
        value: int(value),
        decimals: 0,
        ulp: int(1),
        scaled: false,
        many: None,
        chinese: true,
    };
    Some(special(n, end + '年'.len_utf8(), QuantityKind::Year, None))
}

fn chinese_quantity(text: &str, i: usize) -> Option<Quantity> {
    if let Some(year) = chinese_year(text, i) {
        return Some(year);
    }
    let rest = &text[i..];
    // 百分之九十五, 千分之三, 万分之五
    for (prefix, kind, scale) in [
        ("百分之", QuantityKind::Percent, 1),
        ("千分之", QuantityKind::Permille, 1),
        ("万分之", QuantityKind::Permille, 10),
    ] {
        if let Some(after) = rest.strip_prefix(prefix) {
            let n = numeral::parse(after).filter(|n| !n.fraction)?;
            let value = &n.value / int(scale);
            let ulp = &n.ulp / int(scale);
            let interval = rounded(&value, &ulp);
            let sign = if kind == QuantityKind::Percent {
                "%"
            } else {
                "‰"
            };
            return Some(Quantity {
                start: i,
                end: i + prefix.len() + n.len,
                kind,
                value,
                interval,
                unit: Some(sign),
                family: Some(sign),
                approx: None,
                ulp: Some(ulp),
                decimals: n.decimals,
            });
        }
    }
    // 翻一番 is ×2, 翻两番 ×4: a multiple.
    for (word, factor) in [
        ("翻一番", 2),
        ("翻了一番", 2),
        ("翻两番", 4),
        ("翻了两番", 4),
    ] {
        if text[..i].ends_with(&word[..word.find(['一', '两']).unwrap_or(0)])
            && rest.starts_with(&word[word.find(['一', '两']).unwrap_or(0)..])
        {
            let start = i - word.find(['一', '两']).unwrap_or(0);
            let mut end = start + word.len();
            // 翻了一番多: more than double.
            let more = ["多", "有余"]
                .into_iter()
                .find(|m| text[end..].starts_with(m));
            if let Some(m) = more {
                end += m.len();
            }
            return Some(Quantity {
                start,
                end,
                kind: QuantityKind::Multiple,
                value: int(factor),
                interval: match more {
                    Some(_) => Interval::new(Some(int(factor)), None),
                    None => Interval::exact(int(factor)),
                },
                // 番 marks the doubling words: the ratio itself, not the growth.
                unit: Some("番"),
                family: Some("倍"),
                approx: more,
                ulp: None,
                decimals: 0,
            });
        }
    }
    // 二三十人, 三四百家, 一两个: a range of two neighbouring digits.
    if let Some(q) = digit_pair_range(text, i) {
        return Some(q);
    }
    let n = numeral::parse(rest)?;
    if n.fraction {
        return Some(fraction(i, &n));
    }
    let number = Number::from_numeral(i, &n);
    if prev_char(text, i) == Some('第') {
        let end = number.end;
        let mut q = special(number, end, QuantityKind::Ordinal, None);
        q.start = i - '第'.len_utf8();
        return Some(q);
    }
    // 十几万: 几 stands for a digit from 1 to 9.
    let vague = text[i..number.end].contains(['几', '幾']);
    if vague && number.value.is_zero() {
        return None;
    }
    let mut q = finish(text, number)?;
    if vague && q.kind.is_magnitude() {
        let place = numeral::place_of(&q.value);
        let step = if q.value >= int(10) {
            place.clone() / int(10) * int(10)
        } else {
            place.clone()
        };
        let lo = &q.value + &step / int(10);
        let hi = &q.value + &step;
        q.interval = Interval::new(Some(lo.min(q.value.clone())), Some(hi));
        q.approx = Some("几");
    }
    // 三成 is 30%.
    if q.kind == QuantityKind::Count && q.unit == Some("成") {
        q.kind = QuantityKind::Percent;
        q.value *= int(10);
        q.interval = rounded(&q.value, &int(10));
        q.ulp = Some(int(10));
        q.unit = Some("%");
        q.family = Some("%");
    }
    Some(q)
}

/// `二三十人` (20 to 30), `三四百家`, `一两个`: two neighbouring digits before
/// a unit are a range, never a figure to check.
fn digit_pair_range(text: &str, i: usize) -> Option<Quantity> {
    let mut chars = text[i..].chars();
    let a = numeral::digit_value(chars.next()?)?;
    let second = chars.next()?;
    let b = numeral::digit_value(second)?;
    if !(a >= 1 && b == a + 1 || (a == 1 && second == '两')) {
        return None;
    }
    let after = i + text[i..].chars().take(2).map(char::len_utf8).sum::<usize>();
    let scale_char = text[after..].chars().next();
    let scale = match scale_char {
        Some('十') => 10,
        Some('百') => 100,
        Some('千') => 1000,
        Some('万') => 10000,
        _ => 1,
    };
    let mut end = after
        + if scale > 1 {
            scale_char.map_or(0, char::len_utf8)
        } else {
            0
        };
    let unit = units::unit_at(&text[end..]);
    if let Some(u) = unit {
        end += u.text.len();
    } else if scale == 1 {
        return None;
    }
    Some(Quantity {
        start: i,
        end,
        kind: QuantityKind::Range,
        value: int(a as i64 * scale),
        interval: Interval::new(Some(int(a as i64 * scale)), Some(int(b as i64 * scale))),
        unit: unit.map(|u| u.text),
        family: None,
        approx: None,
        ulp: None,
        decimals: 0,
    })
}

fn rounded(value: &Num, ulp: &Num) -> Interval {
    let half = ulp / int(2);
    Interval::new(Some(value - &half), Some(value + &half))
}

/// Attaches approximation words, unit and percent signs to a number.
fn finish(text: &str, n: Number) -> Option<Quantity> {
    let mut end = n.end;
    let mut approx: Option<&'static str> = n.many.as_ref().map(|(w, _)| *w);
    let mut many_step: Option<Num> = n.many.as_ref().map(|(_, step)| step.clone());

    let take_many = |end: &mut usize| -> Option<&'static str> {
        let rest = &text[*end..];
        for w in ["多", "余"] {
            if let Some(after) = rest.strip_prefix(w) {
                let next = after.chars().next();
                if next.is_none_or(|c| units::unit_at(after).is_some() || !is_han(c)) {
                    *end += w.len();
                    return Some(if w == "多" { "多" } else { "余" });
                }
            }
        }
        None
    };
    // 2300多人 steps by 100, 6万余 by 1万, 1.5万余 by 1000: the step of the
    // number as written (worked out only for the few figures with 多 or 余).
    let step_of = |n: &Number| {
        if n.scaled || n.decimals > 0 {
            n.ulp.clone()
        } else {
            numeral::place_of(&n.value)
        }
    };
    if approx.is_none() {
        if let Some(w) = take_many(&mut end) {
            approx = Some(w);
            many_step = Some(step_of(&n));
        }
    }

    // English scale words after digits: 4.68 million, 1.2bn, 12k.
    let mut n = n;
    let mut step_as_written = None;
    if !n.chinese && !n.scaled {
        if let Some((len, e)) = quantity_scale(&text[end..]) {
            {
                step_as_written = Some(step_of(&n));
                let f = pow10(e as i32);
                n.value *= &f;
                n.ulp *= &f;
                n.scaled = true;
                end += len;
            }
        }
    }
    // $40, US$ 1MM: dollars.
    let dollars = text[..n.start].trim_end_matches(' ').ends_with('$');

    // A line break or spaces may stand between a number and its unit in
    // scraped text, but only before a unit: `17093\n\n人`, `完成 15 个`.
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches([' ', '\t', '\r', '\n', '\u{3000}']);
    let gap = rest.len() - trimmed.len();
    // Digits with a Chinese scale (`776,467千`) may have their unit on the
    // next line of a page printed in narrow columns (`千\n　　元`).
    let wrapped =
        || rest[..gap].matches('\n').count() == 1 && text[n.start..].starts_with(arabic::is_digit);
    let gap_ok = gap == 0 || (!n.chinese && gap <= 8) || wrapped();

    let mut kind = QuantityKind::Count;
    let mut unit: Option<&'static str> = None;
    let mut family: Option<&'static str> = None;
    if gap_ok {
        if let Some(c) = trimmed.chars().next() {
            let sign = match c {
                '%' | '％' => Some((QuantityKind::Percent, "%")),
                '‰' => Some((QuantityKind::Permille, "‰")),
                _ => None,
            };
            if let Some((k, u)) = sign {
                if !n.chinese {
                    kind = k;
                    unit = Some(u);
                    family = Some(u);
                    end += gap + c.len_utf8();
                }
            } else if let Some((k, u, len)) = english_percent(trimmed).filter(|_| gap <= 1) {
                kind = k;
                unit = Some(u);
                family = Some(u);
                end += gap + len;
            } else if let Some(stripped) = trimmed.strip_prefix('倍') {
                let _ = stripped;
                kind = QuantityKind::Multiple;
                unit = Some("倍");
                family = Some("倍");
                end += gap + '倍'.len_utf8();
            } else if let Some(u) = units::unit_at(trimmed) {
                let chinese_ok =
                    !(n.chinese && matches!(u.text, "起" | "头" | "本" | "米" | "升" | "周"));
                if chinese_ok {
                    kind = u.kind;
                    unit = Some(u.text);
                    family = Some(u.family);
                    end += gap + u.text.len();
                }
            }
        }
    }
    if dollars && unit.is_none() {
        kind = QuantityKind::Amount;
        unit = Some("$");
        family = Some("usd");
    }
    // Chinese numerals are quantities only with a unit: 三项, 两个. A bare
    // 三 or 一 is far more often part of a word (统一, 三级) than a figure.
    if n.chinese && unit.is_none() {
        return None;
    }
    if approx.is_none() {
        if let Some(w) = take_many(&mut end) {
            approx = Some(w);
            many_step = Some(step_as_written.unwrap_or_else(|| step_of(&n)));
        }
    }
    let value = n.value.clone();
    let is_rounded = matches!(
        kind,
        QuantityKind::Percent
            | QuantityKind::Permille
            | QuantityKind::PercentagePoints
            | QuantityKind::Multiple
    ) || n.decimals > 0
        || n.scaled;
    let ulp = is_rounded.then(|| n.ulp.clone());
    let mut interval = match &ulp {
        Some(u) => rounded(&value, u),
        None => Interval::exact(value.clone()),
    };
    if let Some(step) = &many_step {
        interval = Interval::new(Some(value.clone()), Some(&value + step));
    }

    // Words after the unit: 左右, 以上.
    // $40: the sign belongs to the figure.
    let start = if dollars {
        text[..n.start].trim_end_matches(' ').len() - 1
    } else {
        n.start
    };
    // Most numbers are followed by none of the words: one character tells.
    let rest = &text[end..];
    let after = rest
        .starts_with(begins_approx_after)
        .then(|| APPROX_AFTER.iter().find(|w| rest.starts_with(**w)))
        .flatten();
    if let Some(w) = after {
        interval = widen(&interval, w);
        approx = approx.or(Some(w));
        end += w.len();
    }
    // `14天+居家隔离7天`: the figure is one term of an expression.
    if text[end..].starts_with('+') {
        kind = QuantityKind::Expression;
        family = None;
    }
    Some(Quantity {
        start,
        end,
        kind,
        value,
        interval,
        unit,
        family,
        approx,
        ulp,
        decimals: n.decimals,
    })
}

use crate::text::is_han;

/// A scale after digits in a figure: `4.68 million`, `1.2bn`, `12k`. Single
/// capitals other than K and M (`5G`, `3D`) are names, not scales, and a scale
/// must end its word.
fn quantity_scale(s: &str) -> Option<(usize, u32)> {
    let (len, e) = english::scale_after(s)?;
    let word = s[..len].trim_start();
    let next = s[len..].chars().next();
    if matches!(word, "G" | "g" | "b" | "B") {
        return None;
    }
    if next.is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    Some((len, e))
}

/// `per cent`, `percent`, `percentage points` after a number: kind, unit,
/// bytes read.
fn english_percent(s: &str) -> Option<(QuantityKind, &'static str, usize)> {
    // Every word begins with p: most figures are followed by another letter.
    if !s.starts_with(['p', 'P']) {
        return None;
    }
    for (word, kind, unit) in [
        (
            "percentage points",
            QuantityKind::PercentagePoints,
            "percentage-points",
        ),
        (
            "percentage point",
            QuantityKind::PercentagePoints,
            "percentage-points",
        ),
        ("per cent", QuantityKind::Percent, "%"),
        ("percent", QuantityKind::Percent, "%"),
        ("pct", QuantityKind::Percent, "%"),
    ] {
        let head = s.get(..word.len());
        if head.is_some_and(|h| h.eq_ignore_ascii_case(word))
            && !s[word.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
        {
            return Some((kind, unit, word.len()));
        }
    }
    None
}

/// Widens an interval by an approximation word.
fn widen(i: &Interval, word: &str) -> Interval {
    // A tenth of the bound's size away from zero or towards it, so that a
    // negative figure widens the right way too (约-5 is -5.5 to -4.5).
    let tenth = |b: &Num| b.abs() / int(10);
    let lower = |b: &Num| b - tenth(b);
    let upper = |b: &Num| b + tenth(b);
    match word {
        "近" | "将近" | "接近" => Interval::new(i.lo.as_ref().map(lower), i.hi.clone()),
        "约" | "大约" | "大概" | "左右" | "上下" => {
            Interval::new(i.lo.as_ref().map(lower), i.hi.as_ref().map(upper))
        }
        "超过" | "逾" | "以上" | "多于" | "至少" | "不少于" | "有余" => {
            Interval::new(i.lo.clone(), None)
        }
        // Below a count is down to none; below a negative figure, anything.
        "不到" | "不足" | "以下" | "少于" | "低于" | "不超过" => {
            let floor = match &i.hi {
                Some(h) if h.is_negative() => None,
                _ => Some(Num::zero()),
            };
            Interval::new(floor, i.hi.clone())
        }
        _ => i.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The characters looked at before and after a figure are those the
    /// approximation words end and begin with.
    #[test]
    fn approximation_words_end_and_begin_with_the_characters_looked_for() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let by_words = APPROX_BEFORE.iter().any(|w| w.ends_with(c));
            assert_eq!(ends_approx_word(c), by_words, "{c}");
            let by_words = APPROX_AFTER.iter().any(|w| w.starts_with(c));
            assert_eq!(begins_approx_after(c), by_words, "{c}");
        }
    }

    /// Approximation words widen an interval by a tenth of each bound's
    /// size: a negative figure's interval still holds it (found by the
    /// property test: `about 三百分之-1` had its bounds crossed).
    #[test]
    fn approximations_widen_negative_figures_the_right_way() {
        let n = Interval::exact(int(-5));
        let (lo, hi) = (Num::new(-11, 2), Num::new(-9, 2));
        assert_eq!(widen(&n, "约"), Interval::new(Some(lo.clone()), Some(hi)));
        assert_eq!(widen(&n, "近"), Interval::new(Some(lo), Some(int(-5))));
        assert_eq!(widen(&n, "不到"), Interval::new(None, Some(int(-5))));
        let p = Interval::exact(int(100));
        assert_eq!(
            widen(&p, "约"),
            Interval::new(Some(int(90)), Some(int(110)))
        );
        assert_eq!(
            widen(&p, "不到"),
            Interval::new(Some(int(0)), Some(int(100)))
        );
        assert_eq!(widen(&p, "超过"), Interval::new(Some(int(100)), None));
    }

    /// The lexer passes over the Han characters (led by E4..E9) that are no
    /// numeral characters without asking `quantity_at`: it would begin no
    /// number at any of them, whatever follows.
    #[test]
    fn han_characters_passed_over_begin_no_number() {
        let mut passed = 0;
        for code in 0x4000..=0x9fff_u32 {
            let c = char::from_u32(code).expect("no surrogates here");
            assert!((0xe4..=0xe9).contains(&(c.to_string().as_bytes()[0])));
            if numeral::is_numeral_char(c) {
                continue;
            }
            passed += 1;
            for text in [format!("{c}5个"), format!("{c}"), format!("1{c}2")] {
                let at = text.find(c).expect("c is in text");
                assert!(quantity_at(&text, at, c).is_none(), "{text}");
            }
        }
        assert!(passed > 20_000);
        // And the numbers around them are read as ever.
        let qs = lex("共计17093人,合计三项");
        assert_eq!(qs.len(), 2);
        assert_eq!(s(&Some(qs[0].value.clone())), "17093");
    }

    fn one(text: &str) -> Quantity {
        let qs = lex(text);
        assert_eq!(qs.len(), 1, "{text}: {qs:?}");
        qs.into_iter().next().unwrap()
    }

    fn s(n: &Option<Num>) -> String {
        n.as_ref()
            .map(|v| to_decimal_string(v, 6))
            .unwrap_or("-".into())
    }

    #[test]
    fn counts_with_line_breaks_before_the_unit() {
        let q = one("全市需大病救治17093\n\n人,已");
        assert_eq!(q.unit, Some("人"));
        assert_eq!(q.kind, QuantityKind::Count);
        assert!(q.interval.is_exact());
    }

    /// Narrow columns cut a figure from its scale, or a thousands group in
    /// two, at a line break before the next line's indent: one figure.
    #[test]
    fn figures_cut_by_the_line_breaks_of_narrow_columns() {
        for (text, value) in [
            ("经费1,200\n　　千元，", 1_200_000),
            ("经费400\n   千元，", 400_000),
            ("经费3\n万元", 30_000),
            ("经费2,\n   000千元，", 2_000_000),
            ("经费8,26\n   5千元，", 8_265_000),
        ] {
            let q = one(text);
            assert_eq!(q.value, int(value), "{text}");
            assert_eq!(q.unit, Some("元"), "{text}");
            assert_eq!(&text[q.start..q.start + 1], &text[6..7], "{text}");
        }
        // A new line's own numeral is not the figure's scale.
        let qs = lex("完成2019\n十四五规划");
        assert_eq!(qs.first().map(|q| q.value.clone()), Some(int(2019)));
    }

    #[test]
    fn scales_and_rounding() {
        let q = one("37.8万支");
        assert_eq!(q.value_string(), "378000");
        assert_eq!(s(&q.interval.lo), "377500");
        assert_eq!(s(&q.interval.hi), "378500");
        let q = one("99.3%");
        assert_eq!(s(&q.interval.lo), "99.25");
        assert_eq!(s(&q.interval.hi), "99.35");
        assert_eq!(q.kind, QuantityKind::Percent);
    }

    #[test]
    fn approximate_words() {
        let q = one("已入托2300多人");
        assert_eq!(
            (s(&q.interval.lo), s(&q.interval.hi)),
            ("2300".into(), "2400".into())
        );
        assert_eq!(q.approx, Some("多"));
        let q = one("核酸检测70多万份");
        assert_eq!(
            (s(&q.interval.lo), s(&q.interval.hi)),
            ("700000".into(), "800000".into())
        );
        assert_eq!(one("慢病需签约44673人").approx, None);
        assert_eq!(one("最近3年").approx, None);
        assert_eq!(one("约3万人").approx, Some("约"));
        let q = one("能力超过2万份");
        assert_eq!(q.interval.hi, None);
        let q = one("近四分之一");
        assert_eq!(q.kind, QuantityKind::Fraction);
        assert_eq!(
            (s(&q.interval.lo), s(&q.interval.hi)),
            ("0.225".into(), "0.25".into())
        );
    }

    #[test]
    fn kinds_that_never_check() {
        assert_eq!(one("1:10混采").kind, QuantityKind::Ratio);
        assert_eq!(lex("2020-2022三年")[0].kind, QuantityKind::Range);
        assert_eq!(one("10+10 便民").kind, QuantityKind::Expression);
        assert_eq!(one("2019年").kind, QuantityKind::Year);
        assert_eq!(one("１９５４年").kind, QuantityKind::Year);
        assert_eq!(one("一九七八年").kind, QuantityKind::Year);
        assert_eq!(one("一九五○年").kind, QuantityKind::Year);
        assert_eq!(one("截至10月25日").kind, QuantityKind::Date);
        assert_eq!(one("第6").kind, QuantityKind::Ordinal);
        assert_eq!(one("排名第三").kind, QuantityKind::Ordinal);
        assert_eq!(lex("14天+居家隔离7天")[0].kind, QuantityKind::Expression);
    }

    #[test]
    fn chinese_numerals_need_a_unit() {
        assert_eq!(one("“三项制度”").value_string(), "3");
        assert_eq!(one("两个关键").value_string(), "2");
        assert!(lex("“十四五”").is_empty());
        assert!(lex("统一管理").is_empty());
        assert!(lex("一起").is_empty());
    }

    #[test]
    fn chinese_numerals_with_scales_and_approximations() {
        assert_eq!(one("一千零五人").value_string(), "1005");
        assert_eq!(one("三万五千人").value_string(), "35000");
        let q = one("一千多万元");
        assert_eq!(q.value_string(), "10000000");
        assert_eq!(
            (s(&q.interval.lo), s(&q.interval.hi)),
            ("10000000".into(), "20000000".into())
        );
        assert_eq!(q.unit, Some("元"));
        let q = one("二十余人");
        assert_eq!(
            (s(&q.interval.lo), s(&q.interval.hi)),
            ("20".into(), "30".into())
        );
        assert_eq!(one("百分之九十五").value_string(), "95");
        assert_eq!(
            one("提高了3.5个百分点").kind,
            QuantityKind::PercentagePoints
        );
    }

    #[test]
    fn ranges_tenths_multiples_and_vague_digits() {
        let q = one("二三十人");
        assert_eq!(q.kind, QuantityKind::Range);
        assert_eq!(
            (s(&q.interval.lo), s(&q.interval.hi)),
            ("20".into(), "30".into())
        );
        let q = one("三成");
        assert_eq!(
            (q.kind, q.value_string()),
            (QuantityKind::Percent, "30".into())
        );
        assert_eq!(one("翻了一番").value_string(), "2");
        let q = one("十几万人");
        assert_eq!(q.approx, Some("几"));
        assert!(q.interval.contains(&int(150000)));
        assert!(lex("一成不变").is_empty());
        assert!(lex("三成立").is_empty());
    }

    #[test]
    fn names_with_digits_are_not_numbers() {
        assert!(lex("5G网络").is_empty());
        assert!(lex("H1N1").is_empty());
    }
}
