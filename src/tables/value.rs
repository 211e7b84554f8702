//! What one cell holds: nothing (blank, `—`, `…`, `-`, `x`: no zero), one
//! figure (an exact interval, with its sign, `%`, currency sign, unit and
//! footnote marks read off), or text. A cell holding anything else (two
//! figures, a range, a date) is text: it takes part in no check.

use crate::exact::{int, parse_decimal, pow10, Interval, Num};
use crate::text::Span;

/// The content of a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// Nothing stated: blank, a dash, an ellipsis, `x`, `NA`.
    Empty,
    Figure(Figure),
    Text,
}

/// A figure in a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    /// The value as written (sign applied, no scale).
    pub value: Num,
    /// The decimals written.
    pub decimals: u32,
    /// Written with `%`.
    pub percent: bool,
    /// A unit written after it (`个`, `万元`), or empty.
    pub unit: String,
    /// The figure's own text (sign to last digit or `%`), for labels.
    pub span: Span,
    /// Its interval as its table reads it ([`Figure::interval`], set when
    /// the grid knows whether whole numbers are rounded).
    pub iv: Interval,
}

impl Figure {
    /// The interval the figure stands for: exact, or, when `rounded`, every
    /// value that rounds to it at its last written digit.
    pub fn interval(&self, rounded: bool) -> Interval {
        // A whole number ending in 0000 may be rounded to that place
        // (estimates: 170,000; 1,000 may be exact).
        let zeros = if self.decimals == 0 {
            trailing_zeros(&self.value)
        } else {
            0
        };
        if zeros >= 4 {
            let half = pow10(zeros as i32) / int(2);
            return Interval::new(Some(&self.value - &half), Some(&self.value + &half));
        }
        if !rounded && self.decimals == 0 {
            return Interval::exact(self.value.clone());
        }
        let half = pow10(-(self.decimals as i32)) / int(2);
        Interval::new(Some(&self.value - &half), Some(&self.value + &half))
    }

    /// What a stated share, rate or change allows when it may have been
    /// rounded half-up or cut to its decimals, as
    /// [`crate::lexer::Quantity::stated_interval`] reads a figure of prose:
    /// `[v - ulp/2, v + ulp]` (a cut negative figure moves towards zero:
    /// `[v - ulp, v + ulp/2]`).
    pub fn stated_interval(&self) -> Interval {
        let ulp = pow10(-(self.decimals as i32));
        let half: Num = &ulp / int(2);
        if self.value.is_negative() {
            Interval::new(Some(&self.value - &ulp), Some(&self.value + &half))
        } else {
            Interval::new(Some(&self.value - &half), Some(&self.value + &ulp))
        }
    }
}

/// How many zeros a whole number ends in (0 for zero itself).
fn trailing_zeros(n: &Num) -> u32 {
    if *n == int(0) {
        return 0;
    }
    if let Some((mut v, 1)) = n.small_parts() {
        let mut k = 0;
        while v % 10 == 0 && k < 12 {
            v /= 10;
            k += 1;
        }
        return k;
    }
    (1..=12)
        .take_while(|&k| (n / pow10(k)).is_integer())
        .count() as u32
}

/// The most decimals of a figure as a report states it.
const MAX_DECIMALS: u32 = 6;

/// The decimals a computed value (more than [`MAX_DECIMALS`]) is taken to
/// be shown with.
const SHOWN_DECIMALS: u32 = 2;

/// Marks that stand for no figure.
const EMPTY: &[&str] = &[
    "", "-", "—", "——", "–", "－", "…", "……", "...", "x", "X", "×", "NA", "N/A", "n/a", "na",
    "n.a.", "/", "*", "(X)", "(NA)", "(D)", "(Z)", "…", "‥",
];

/// Reads the cell `span` of `text`.
pub fn read(text: &str, span: Span) -> Value {
    let raw = &text[span.start..span.end];
    let lead = raw.len() - raw.trim_start_matches(is_space).len();
    let s = raw.trim_matches(is_space);
    // A currency sign before a dash (`$—`, `$ -`) states nothing either.
    let bare = s
        .trim_start_matches(['$', '¥', '￥', '€', '£'])
        .trim_start_matches(is_space);
    if EMPTY.contains(&s) || (bare.len() < s.len() && EMPTY.contains(&bare)) {
        return Value::Empty;
    }
    match figure(s) {
        Some((mut f, a, b)) => {
            f.span = Span::new(span.start + lead + a, span.start + lead + b);
            f.iv = f.interval(false);
            Value::Figure(f)
        }
        None => Value::Text,
    }
}

/// Spaces of every width, as tables pad cells with them.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}'
}

/// The figure in `s` (trimmed), and where it begins and ends in `s`.
fn figure<'a>(s: &'a str) -> Option<(Figure, usize, usize)> {
    let currency = |r: &'a str| {
        r.trim_start_matches(['$', '¥', '￥', '€', '£'])
            .trim_start_matches(is_space)
    };
    let mut rest = currency(s);
    let mut negative = false;
    // An accounting negative: (1,234), $(1,234).
    if let Some(r) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        rest = currency(r.trim_matches(is_space));
        negative = true;
    }
    // The figure's text begins at its sign.
    let signed = offset_in(s, rest);
    if let Some(r) = rest
        .strip_prefix('-')
        .or_else(|| rest.strip_prefix('−'))
        .or_else(|| rest.strip_prefix('－'))
        .or_else(|| rest.strip_prefix('–'))
    {
        negative = !negative;
        rest = currency(r.trim_start_matches(is_space));
    } else if let Some(r) = rest.strip_prefix('+') {
        rest = currency(r);
    }
    let a = if negative && !s.contains('(') {
        signed
    } else {
        offset_in(s, rest)
    };
    // Digits with thousands groups, then decimals.
    let digits_end = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map_or(rest.len(), |(i, _)| i);
    let written = &rest[..digits_end];
    if written.is_empty() || !written.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let plain = ungroup(written)?;
    let (value, decimals) = parse_decimal(&plain)?;
    // More decimals than a report shows: a value a spreadsheet computed and
    // stored, shown to its reader in a number format numlint does not read.
    // It stands for what it shows in `0.00` (or finer): figures a reader
    // sees agreeing are not called wrong for their hidden digits.
    let decimals = if decimals > MAX_DECIMALS {
        SHOWN_DECIMALS
    } else {
        decimals
    };
    let mut tail = rest[digits_end..].trim_start_matches(is_space);
    let mut tail_end = &rest[digits_end..];
    let percent = tail.starts_with('%') || tail.starts_with('％');
    if percent {
        tail = &tail[tail.chars().next().map_or(0, char::len_utf8)..];
        tail_end = tail;
    }
    let b = offset_in(s, tail_end);
    let unit = unit(tail)?;
    let value = if negative { -value } else { value };
    Some((
        Figure {
            value,
            decimals,
            percent,
            unit: unit.to_string(),
            span: Span::new(0, 0),
            iv: Interval::exact(int(0)),
        },
        a.min(b),
        b,
    ))
}

/// Where `sub`, a slice of `s`, begins in it.
fn offset_in(s: &str, sub: &str) -> usize {
    sub.as_ptr() as usize - s.as_ptr() as usize
}

/// `1,234,567.8` without its group commas; `None` when the commas are not
/// thousands groups (`1,23`, a list `3,4`).
fn ungroup(written: &str) -> Option<String> {
    let (int_part, frac) = match written.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (written, None),
    };
    if frac.is_some_and(|f| f.is_empty() || f.contains(['.', ','])) {
        return None;
    }
    if int_part.contains(',') {
        let mut groups = int_part.split(',');
        let first = groups.next()?;
        if first.is_empty() || first.len() > 3 || groups.any(|g| g.len() != 3) {
            return None;
        }
    }
    let mut out: String = int_part.chars().filter(|&c| c != ',').collect();
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

/// The unit after a figure, without footnote marks: empty, a short run of
/// letters or Han characters (`个`, `万元`, `人次`), or `None` when what
/// follows is more than a unit (another figure, a sentence).
fn unit(tail: &str) -> Option<&str> {
    let t = tail.trim_end_matches(|c: char| {
        is_space(c) || matches!(c, '*' | '†' | '‡' | '§' | '¹' | '²' | '³' | '⁾' | '⁽')
    });
    // A footnote letter in brackets: 12.3 (a), 45[1].
    let t = match t.rfind(['(', '[', '（']) {
        Some(i)
            if t[i..].chars().count() <= 4
                && t[i..]
                    .chars()
                    .skip(1)
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, ')' | ']' | '）')) =>
        {
            t[..i].trim_end_matches(is_space)
        }
        _ => t,
    };
    if t.chars().count() > 4
        || t.chars()
            .any(|c| c.is_ascii_digit() || c.is_ascii_punctuation())
    {
        return None;
    }
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(s: &str) -> Option<(String, u32, bool, String, String)> {
        match read(s, Span::new(0, s.len())) {
            Value::Figure(f) => Some((
                crate::exact::to_decimal_string(&f.value, 6),
                f.decimals,
                f.percent,
                f.unit,
                s[f.span.start..f.span.end].to_string(),
            )),
            _ => None,
        }
    }

    #[test]
    fn figures_in_cells() {
        assert_eq!(
            fig(" 1,234 "),
            Some(("1234".into(), 0, false, "".into(), "1,234".into()))
        );
        assert_eq!(
            fig("12.5%"),
            Some(("12.5".into(), 1, true, "".into(), "12.5%".into()))
        );
        assert_eq!(
            fig("-3.2"),
            Some(("-3.2".into(), 1, false, "".into(), "-3.2".into()))
        );
        assert_eq!(
            fig("(1,200)"),
            Some(("-1200".into(), 0, false, "".into(), "1,200".into()))
        );
        assert_eq!(
            fig("$(2,085)"),
            Some(("-2085".into(), 0, false, "".into(), "2,085".into()))
        );
        assert_eq!(
            fig("$ 45.1"),
            Some(("45.1".into(), 1, false, "".into(), "45.1".into()))
        );
        assert_eq!(
            fig("350个"),
            Some(("350".into(), 0, false, "个".into(), "350".into()))
        );
        assert_eq!(
            fig("12.3*"),
            Some(("12.3".into(), 1, false, "".into(), "12.3".into()))
        );
        assert_eq!(
            fig("88 (a)"),
            Some(("88".into(), 0, false, "".into(), "88".into()))
        );
    }

    #[test]
    fn blanks_dashes_and_text_are_no_figures() {
        for s in ["", " ", "—", "…", "-", "x", "NA", "$—", "$ -"] {
            assert_eq!(read(s, Span::new(0, s.len())), Value::Empty, "{s:?}");
        }
        for s in [
            "合计",
            "2019-2020",
            "1,23",
            "3.4.5",
            "12 and 13",
            "12.",
            "Note 3: see",
        ] {
            assert_eq!(read(s, Span::new(0, s.len())), Value::Text, "{s:?}");
        }
    }
}
