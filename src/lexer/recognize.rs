//! Every number and percentage in a text, whatever it counts: the numeral
//! grammar on its own, as other number extractors report it. numlint checks
//! it against the public suites of Microsoft Recognizers-Text
//! (`tests/conformance.rs`); the quantity lexer builds on the same grammar
//! but keeps only figures it can give a meaning to.

use super::arabic::is_digit;
use super::numeral::{digit_value, is_numeral_char, parse};
use crate::exact::{int, parse_decimal, pow10, Num};
use num_traits::Zero;

/// A number found in a text: byte span and value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recognized {
    pub start: usize,
    pub end: usize,
    pub value: Num,
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// Financial numerals that are far more often part of a word (陆地, 队伍,
/// 收拾, 放肆) than a number when they stand alone.
const LONE_NOT_NUMBERS: &[char] = &['陆', '陸', '伍', '拾', '肆', '柒', '捌', '玖', '仟', '佰'];

/// Words that begin with a numeral but are not numbers.
const NUMERAL_WORDS: &[&str] = &[
    "一看",
    "一切",
    "壹切",
    "四川",
    "万一",
    "一美元",
    "两美刀",
    "一折",
    "十足",
];

/// Byte ranges of web addresses: nothing inside them is a number.
fn urls(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for scheme in ["http://", "https://"] {
        for (s, _) in text.match_indices(scheme) {
            let len = text[s..]
                .find(char::is_whitespace)
                .unwrap_or(text.len() - s);
            out.push((s, s + len));
        }
    }
    out
}

/// A number with exponent or suffix after Arabic digits: `2^5`, `1.3e6`,
/// `40k`, `-2.5 M`.
fn arabic_tail(text: &str, end: usize, value: &Num) -> Option<(usize, Num)> {
    let rest = &text[end..];
    // 1.3x10^6
    for times in ["x10^", "×10^", "X10^"] {
        if let Some(after) = rest.strip_prefix(times) {
            let neg = after.starts_with('-');
            let digits: String = after
                .trim_start_matches(['-', '+'])
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            let n: i32 = digits.parse().ok().filter(|n: &i32| *n <= 300)?;
            let sign_len = after.len() - after.trim_start_matches(['-', '+']).len();
            let v = value * pow10(if neg { -n } else { n });
            return Some((end + times.len() + sign_len + digits.len(), v));
        }
    }
    // Exponents: ^, e, E, with signs (also full-width).
    let exp_marks = ['^', 'e', 'E'];
    if let Some(m) = rest.chars().next().filter(|c| exp_marks.contains(c)) {
        let mut p = m.len_utf8();
        let mut neg = false;
        let mut signs = 0;
        while let Some(c) = rest[p..].chars().next() {
            match c {
                '+' | '＋' => {}
                '-' | '－' => neg = !neg,
                _ => break,
            }
            signs += 1;
            p += c.len_utf8();
        }
        let digits: String = rest[p..].chars().take_while(|c| is_digit(*c)).collect();
        if !digits.is_empty() && signs <= 2 {
            let n: i32 = digits
                .chars()
                .map(|c| {
                    c.to_digit(10)
                        .unwrap_or_else(|| (c as u32).saturating_sub('０' as u32))
                })
                .fold(0i32, |a, d| a.saturating_mul(10).saturating_add(d as i32));
            if n > 300 {
                return None;
            }
            let len = p + rest[p..]
                .chars()
                .take_while(|c| is_digit(*c))
                .map(char::len_utf8)
                .sum::<usize>();
            let n = if neg { -n } else { n };
            let v = if m == '^' {
                power(value, n)?
            } else {
                value * pow10(n)
            };
            return Some((end + len, v));
        }
    }
    // Suffixes: k, M, G, bn, million, with up to two spaces before them.
    if let Some(after) = rest.trim_start_matches(' ').strip_prefix('Ｋ') {
        let _ = after;
        let gap = rest.len() - rest.trim_start_matches(' ').len();
        return Some((end + gap + 'Ｋ'.len_utf8(), value * pow10(3)));
    }
    let (len, e) = super::english::scale_after(rest)?;
    if rest[len..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some((end + len, value * pow10(e as i32)))
}

/// Longest power, in digits, that is still read as a number: beyond it
/// (`4.888888313333323^222`) the text is no figure anyone means, and the
/// arithmetic would cost more than the whole rest of a file.
const MAX_POWER_DIGITS: usize = 400;

/// `base^n` for a small integer n, exactly; `None` when it would be longer
/// than [`MAX_POWER_DIGITS`].
fn power(base: &Num, n: i32) -> Option<Num> {
    if base.is_zero() && n < 0 {
        return None;
    }
    // b^n has at least (digits(b) - 1) * n + 1 digits (numerator or
    // denominator, whichever is longer). The base came from at most 40
    // digits, so writing it out is cheap.
    let written = base.abs().to_string();
    let digits = written.split('/').map(str::len).max().unwrap_or(1);
    if (digits - 1).saturating_mul(n.unsigned_abs() as usize) >= MAX_POWER_DIGITS {
        return None;
    }
    let r = base.pow(n.unsigned_abs());
    Some(if n < 0 { r.recip() } else { r })
}

/// A fraction `3/5`, `1 3/5`, `-3/2` after an Arabic integer.
fn arabic_fraction(text: &str, end: usize, whole: &Num) -> Option<(usize, Num)> {
    let rest = &text[end..];
    // 5/17/2018 is a date; 222-2222/2222 a phone number.
    let start_of_number = text[..end]
        .trim_end_matches(|c: char| is_digit(c) || c == '.')
        .len();
    let before = &text[..start_of_number];
    let hyphen_chain = before
        .strip_suffix('-')
        .is_some_and(|b| b.ends_with(|c: char| c.is_alphanumeric()));
    if before.ends_with('/') || hyphen_chain {
        return None;
    }
    let slash = |s: &str| s.starts_with(['/', '／']);
    let (num, after_num_end) = if slash(rest) {
        (whole.clone(), end)
    } else {
        // Mixed: "1 3/5"
        let t = rest.trim_start_matches(' ');
        let gap = rest.len() - t.len();
        if gap == 0 || gap > 2 {
            return None;
        }
        let (after, a) = super::arabic::arabic(t).ok()?;
        if !slash(after) {
            return None;
        }
        let (n, _) = parse_decimal(&a.normalized)?;
        (n, end + gap + (t.len() - after.len()))
    };
    let after_slash = after_num_end + text[after_num_end..].chars().next()?.len_utf8();
    let (after, d) = super::arabic::arabic(&text[after_slash..]).ok()?;
    if after.starts_with(['/', '／']) {
        return None;
    }
    let (den, dd) = parse_decimal(&d.normalized)?;
    if den.is_zero() || dd > 0 {
        return None;
    }
    let frac = &num / &den;
    let value = if after_num_end == end {
        frac
    } else if whole < &Num::zero() {
        whole - frac
    } else {
        whole + frac
    };
    Some((text.len() - after.len(), value))
}

/// Unicode vulgar fractions: ½, ⅔, ¾.
fn vulgar_fraction(c: char) -> Option<(i64, i64)> {
    Some(match c {
        '½' => (1, 2),
        '⅓' => (1, 3),
        '⅔' => (2, 3),
        '¼' => (1, 4),
        '¾' => (3, 4),
        '⅕' => (1, 5),
        '⅖' => (2, 5),
        '⅗' => (3, 5),
        '⅘' => (4, 5),
        '⅙' => (1, 6),
        '⅚' => (5, 6),
        '⅛' => (1, 8),
        '⅜' => (3, 8),
        '⅝' => (5, 8),
        '⅞' => (7, 8),
        _ => return None,
    })
}

/// Every number in `text`, in order. A number that is a percentage (`2％`)
/// is left to [`percentages`].
pub fn numbers(text: &str) -> Vec<Recognized> {
    let mut out = Vec::new();
    let links = urls(text);
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let step = c.len_utf8();
        if let Some(&(_, e)) = links.iter().find(|(s, e)| (*s..*e).contains(&i)) {
            i = e;
            continue;
        }
        match number_at(text, i) {
            Found::Number(r) => {
                i = r.end.max(i + step);
                if !text[r.end..].starts_with(['%', '％']) {
                    out.push(r);
                }
            }
            Found::Skip(to) => i = to.max(i + step),
            Found::Nothing => i += step,
        }
    }
    out
}

enum Found {
    Number(Recognized),
    /// Not a number, and nothing up to here starts one.
    Skip(usize),
    Nothing,
}

fn number_at(text: &str, i: usize) -> Found {
    let rest = &text[i..];
    let Some(c) = rest.chars().next() else {
        return Found::Nothing;
    };
    let prev = prev_char(text, i);
    if let Some((n, d)) = vulgar_fraction(c) {
        return Found::Number(Recognized {
            start: i,
            end: i + c.len_utf8(),
            value: int(n) / int(d),
        });
    }
    if rest.starts_with("半百") {
        return Found::Number(Recognized {
            start: i,
            end: i + "半百".len(),
            value: int(50),
        });
    }
    // English number words start at a word boundary.
    if c.is_ascii_alphabetic() {
        if prev.is_some_and(|p| p.is_alphanumeric()) {
            return Found::Nothing;
        }
        return english_words(text, i);
    }
    let starts_number = is_digit(c)
        || is_numeral_char(c)
        || ((c == '-' || c == '－' || c == '负' || c == '負')
            && rest[c.len_utf8()..]
                .trim_start_matches(' ')
                .starts_with(|n: char| is_digit(n) || is_numeral_char(n) || n == '.'))
        || (c == '.' && rest[1..].starts_with(|n: char| n.is_ascii_digit()));
    if !starts_number {
        return Found::Nothing;
    }
    if is_digit(c) && prev.is_some_and(|p| p.is_ascii_alphabetic()) {
        return Found::Nothing;
    }
    // A dot after a digit is that number's (2222.2222.2222); after a dot, a
    // run of dots is punctuation (...9).
    if c == '.' && prev.is_some_and(|p| is_digit(p) || p == '.') {
        return Found::Nothing;
    }
    // A minus after a letter or digit is a hyphen (SCP-173, 5-20).
    if matches!(c, '-' | '－')
        && prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '-' | '－' | '.'))
    {
        return Found::Nothing;
    }
    if NUMERAL_WORDS.iter().any(|w| rest.starts_with(w)) {
        return Found::Skip(
            i + NUMERAL_WORDS
                .iter()
                .find(|w| rest.starts_with(**w))
                .map_or(0, |w| w.len()),
        );
    }
    // .5 and -.5
    if c == '.' || (matches!(c, '-' | '－') && rest[c.len_utf8()..].starts_with('.')) {
        let lead = if c == '.' { 0 } else { c.len_utf8() };
        let digits: String = rest[lead + 1..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        if let Some((v, _)) = parse_decimal(&format!("0.{digits}")) {
            let end = i + lead + 1 + digits.len();
            if text[end..].starts_with(|c: char| c.is_ascii_alphabetic()) {
                return Found::Skip(end);
            }
            let v = if lead > 0 { -v } else { v };
            return Found::Number(Recognized {
                start: i,
                end,
                value: v,
            });
        }
        return Found::Nothing;
    }
    let Some(n) = parse(rest) else {
        // Skip the whole run so that its tail does not start a number.
        let run: usize = rest
            .chars()
            .take_while(|c| is_numeral_char(*c) || is_digit(*c))
            .map(char::len_utf8)
            .sum();
        return Found::Skip(i + run.max(c.len_utf8()));
    };
    let mut end = i + n.len;
    let mut value = n.value.clone();
    if !n.chinese && !n.fraction && c.is_ascii_digit() {
        if let Some((e, v)) = english_digits(text, i) {
            if e > end {
                return Found::Number(Recognized {
                    start: i,
                    end: e,
                    value: v,
                });
            }
        }
    }
    if !n.chinese && !n.fraction {
        // 2222.2222.22222: a second dot means these were never decimals.
        let digits_end = end;
        let dotted_before =
            prev == Some('.') && text[..i - 1].ends_with(|c: char| c.is_ascii_digit());
        let dotted_after = text[digits_end..].starts_with('.')
            && text[digits_end + 1..].starts_with(|c: char| c.is_ascii_digit());
        if dotted_before || dotted_after {
            if let Some(dot) = text[i..digits_end].find('.') {
                let int_part = &text[i..i + dot];
                if let Some((v, _)) = parse_decimal(int_part.trim_start_matches('-')) {
                    return Found::Number(Recognized {
                        start: i,
                        end: i + dot,
                        value: if int_part.starts_with('-') { -v } else { v },
                    });
                }
            }
        }
        if let Some((e, v)) = arabic_fraction(text, end, &value) {
            end = e;
            value = v;
        } else if let Some((e, v)) = arabic_tail(text, end, &value) {
            end = e;
            value = v;
        } else if text[end..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            return Found::Skip(end);
        }
    }
    // Lone financial numerals in words.
    let body = &text[i..end];
    if body.chars().count() == 1 && body.starts_with(LONE_NOT_NUMBERS) {
        return Found::Nothing;
    }
    // 一打 is twelve.
    if text[end..].starts_with('打')
        && !text[end + '打'.len_utf8()..].starts_with(['对', '對', '折'])
    {
        end += '打'.len_utf8();
        value *= int(12);
    }
    Found::Number(Recognized {
        start: i,
        end,
        value,
    })
}

/// Determiners after which `one` is a pronoun (the one you mentioned).
const DETERMINERS: &[&str] = &["the", "this", "that", "which", "each", "any", "every", "no"];

/// English number words at `i`.
fn english_words(text: &str, i: usize) -> Found {
    let rest = &text[i..];
    let word_len = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let Some((len, value)) = super::english::words_at(rest) else {
        return Found::Skip(i + word_len);
    };
    let read = &rest[..len];
    if read.eq_ignore_ascii_case("one") {
        let before = text[..i].trim_end();
        let prev_word: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<String>()
            .chars()
            .rev()
            .collect::<String>()
            .to_ascii_lowercase();
        if DETERMINERS.contains(&prev_word.as_str()) {
            return Found::Skip(i + word_len);
        }
    }
    if text[i + len..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Found::Skip(i + word_len);
    }
    Found::Number(Recognized {
        start: i,
        end: i + len,
        value,
    })
}

/// Arabic digits as English texts write them: `1 234 567` (also with a
/// narrow space), `12,34,567.89`, `1.111,11`, `5,00`, `2 million`,
/// `3 hundred and 21`, `1 over 3`.
fn english_digits(text: &str, i: usize) -> Option<(usize, Num)> {
    let rest = &text[i..];
    let digits = |s: &str| s.chars().take_while(|c| c.is_ascii_digit()).count();
    let head = digits(rest);
    let mut best: Option<(usize, Num)> = None;
    let mut consider = |end: usize, v: Num| {
        if best.as_ref().is_none_or(|(e, _)| end > *e) {
            best = Some((end, v));
        }
    };
    // Space groups: 1 234 567, 1\u{202f}234\u{202f}567.89
    if (1..=3).contains(&head) {
        let mut p = head;
        let mut int_part = rest[..head].to_string();
        loop {
            let sep = rest[p..].chars().next();
            let Some(sep) = sep.filter(|c| *c == ' ' || *c == '\u{202f}') else {
                break;
            };
            let q = p + sep.len_utf8();
            if digits(&rest[q..]) == 3 && !rest[q + 3..].starts_with(|c: char| c.is_ascii_digit()) {
                int_part.push_str(&rest[q..q + 3]);
                p = q + 3;
            } else {
                break;
            }
        }
        if p > head {
            let mut end = p;
            let mut txt = int_part;
            if rest[p..].starts_with('.') && digits(&rest[p + 1..]) > 0 {
                let d = digits(&rest[p + 1..]);
                txt = format!("{txt}.{}", &rest[p + 1..p + 1 + d]);
                end = p + 1 + d;
            }
            if let Some((v, _)) = parse_decimal(&txt) {
                consider(i + end, v);
            }
        }
    }
    // Indian grouping: 12,34,567.89
    if (1..=2).contains(&head) {
        let mut p = head;
        let mut txt = rest[..head].to_string();
        let mut pairs = 0;
        while rest[p..].starts_with(',') && digits(&rest[p + 1..]) == 2 {
            txt.push_str(&rest[p + 1..p + 3]);
            p += 3;
            pairs += 1;
        }
        if pairs > 0 && rest[p..].starts_with(',') && digits(&rest[p + 1..]) == 3 {
            txt.push_str(&rest[p + 1..p + 4]);
            p += 4;
            if rest[p..].starts_with('.') && digits(&rest[p + 1..]) > 0 {
                let d = digits(&rest[p + 1..]);
                txt = format!("{txt}.{}", &rest[p + 1..p + 1 + d]);
                p += 1 + d;
            }
            if let Some((v, _)) = parse_decimal(&txt) {
                consider(i + p, v);
            }
        }
    }
    // European: 1.111,11 ; decimal comma: 5,00 and 1,3 (one comma only)
    if (1..=3).contains(&head) && rest[head..].starts_with('.') && digits(&rest[head + 1..]) == 3 {
        let p = head + 4;
        if rest[p..].starts_with(',') {
            let d = digits(&rest[p + 1..]);
            if (1..=2).contains(&d)
                && !rest[p + 1 + d..].starts_with(|c: char| c.is_ascii_digit() || c == '.')
            {
                let txt = format!(
                    "{}{}.{}",
                    &rest[..head],
                    &rest[head + 1..head + 4],
                    &rest[p + 1..p + 1 + d]
                );
                if let Some((v, _)) = parse_decimal(&txt) {
                    consider(i + p + 1 + d, v);
                }
            }
        }
    }
    if head > 0 && rest[head..].starts_with(',') {
        let d = digits(&rest[head + 1..]);
        let after = &rest[head + 1 + d..];
        let more_commas = after.starts_with(',') && digits(&after[1..]) > 0;
        let before_comma_list = text[..i].ends_with(',');
        if (1..=2).contains(&d)
            && !more_commas
            && !before_comma_list
            && !after.starts_with(|c: char| c.is_ascii_digit())
        {
            let txt = format!("{}.{}", &rest[..head], &rest[head + 1..head + 1 + d]);
            if let Some((v, _)) = parse_decimal(&txt) {
                consider(i + head + 1 + d, v);
            }
        }
    }
    // Digits with English words: 2 million, 3 hundred and 21, 1 over 3, 3 dozens.
    if let Some((len, v)) = super::english::words_at(rest) {
        if !rest[len..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
            consider(i + len, v);
        }
    }
    best
}

/// Every percentage in `text`: `25%`, `百分之五`, `六个百分点`, `三成`, `七五折`,
/// `千分之一` (0.1%). Values are in percent.
pub fn percentages(text: &str) -> Vec<Recognized> {
    let mut out: Vec<Recognized> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if let Some(r) = percent_at(text, i) {
            i = r.end;
            out.push(r);
        } else {
            i += c.len_utf8();
        }
    }
    out
}

/// Prefixes `X分之` that make a percentage, with the factor to percent.
const PER_PREFIXES: &[(&[&str], i32)] = &[
    (&["百", "佰"], 0),
    (&["千", "仟"], -1),
    (&["万", "萬"], -2),
    (&["百万", "百萬"], -4),
    (&["千万", "千萬"], -5),
    (&["万万", "萬萬"], -6),
    (&["百万万", "百萬萬"], -8),
];

/// `百 分 之`: a prefix with spaces anywhere.
fn per_prefix(text: &str, i: usize) -> Option<(usize, i32)> {
    let mut best: Option<(usize, i32)> = None;
    for (words, shift) in PER_PREFIXES {
        for w in *words {
            let mut p = i;
            let mut ok = true;
            for ch in w.chars().chain("分之".chars()) {
                let t = text[p..].trim_start_matches(' ');
                let t_start = text.len() - t.len();
                if !t.starts_with(ch) || (t_start - p > 2) {
                    ok = false;
                    break;
                }
                p = t_start + ch.len_utf8();
            }
            if ok && best.is_none_or(|(e, _)| p > e) {
                best = Some((p, *shift));
            }
        }
    }
    best
}

/// A number at `i` for a percentage: the numeral grammar without the
/// word filters of [`numbers`] (百分之肆 and 一折 are percentages).
fn percent_number(text: &str, i: usize) -> Option<Recognized> {
    let rest = &text[i..];
    let c = rest.chars().next()?;
    if NUMERAL_WORDS.iter().any(|w| rest.starts_with(w)) || (LONE_NOT_NUMBERS.contains(&c)) {
        let n = parse(rest)?;
        return Some(Recognized {
            start: i,
            end: i + n.len,
            value: n.value,
        });
    }
    match number_at(text, i) {
        Found::Number(n) => Some(n),
        _ => None,
    }
}

fn percent_at(text: &str, i: usize) -> Option<Recognized> {
    let rest = &text[i..];
    let prev = prev_char(text, i);
    if urls(text).iter().any(|(s, e)| (*s..*e).contains(&i)) {
        return None;
    }
    if rest.starts_with("百分之百") {
        return Some(Recognized {
            start: i,
            end: i + "百分之百".len(),
            value: int(100),
        });
    }
    if prev.is_some_and(|p| digit_value(p).is_some() || is_digit(p) || p == '一') {
        // Inside a number (五百分之2.2 is a fraction, not a percentage).
        if per_prefix(text, i).is_some() {
            return None;
        }
    }
    if let Some((p, shift)) = per_prefix(text, i) {
        let p = p + (text[p..].len() - text[p..].trim_start_matches(' ').len());
        let n = percent_number(text, p)?;
        // 百分之二三十 is a range, not a percentage.
        if text[n.end..].starts_with(|c: char| digit_value(c).is_some()) {
            return None;
        }
        return Some(Recognized {
            start: i,
            end: n.end,
            value: n.value * pow10(shift),
        });
    }
    // 打对折, 半折, 半成
    for (w, v, skip) in [
        ("打对折", 50, "打".len()),
        ("打對折", 50, "打".len()),
        ("半折", 50, 0),
        ("半成", 5, 0),
    ] {
        if rest.starts_with(w) {
            return Some(Recognized {
                start: i + skip,
                end: i + w.len(),
                value: int(v),
            });
        }
    }
    // English: percent of 10, per cent of twenty-two.
    for lead in [
        "percents of ",
        "percent of ",
        "per cent of ",
        "percentage of ",
    ] {
        let head = rest.get(..lead.len());
        if head.is_some_and(|h| h.eq_ignore_ascii_case(lead))
            && !prev.is_some_and(|p| p.is_ascii_alphabetic())
        {
            let n = percent_number(text, i + lead.len())?;
            return Some(Recognized {
                start: i,
                end: n.end,
                value: n.value,
            });
        }
    }
    let c = rest.chars().next()?;
    if c.is_ascii_alphabetic() && prev.is_some_and(|p| p.is_ascii_alphanumeric()) {
        return None;
    }
    let starts = is_digit(c)
        || is_numeral_char(c)
        || matches!(c, '-' | '－' | '负' | '負')
        || c.is_ascii_alphabetic();
    if !starts {
        return None;
    }
    if matches!(c, '-' | '－') && prev.is_some_and(|p| p.is_alphanumeric()) {
        return None;
    }
    // Inside a run that is not one numeral (二三十个百分点).
    if prev.is_some_and(|p| is_numeral_char(p) || is_digit(p)) {
        return None;
    }
    // Digit words read one by one before 折: 七五折, 九 九 折, 三八折.
    if let Some(r) = discount_digits(text, i) {
        return Some(r);
    }
    let n = percent_number(text, i)?;
    let after = &text[n.end..];
    let t = after.trim_start_matches(' ');
    let gap = after.len() - t.len();
    if t.starts_with(['%', '％']) {
        return Some(Recognized {
            start: i,
            end: n.end + gap + t.chars().next()?.len_utf8(),
            value: n.value,
        });
    }
    for word in ["percentage", "percents", "percent", "per cent", "pct"] {
        let head = t.get(..word.len());
        if gap > 0
            && head.is_some_and(|h| h.eq_ignore_ascii_case(word))
            && !t[word.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
        {
            return Some(Recognized {
                start: i,
                end: n.end + gap + word.len(),
                value: n.value,
            });
        }
    }
    if let Some(len) = spaced(t, "个百分点").or_else(|| spaced(t, "個百分點")) {
        return Some(Recognized {
            start: i,
            end: n.end + gap + len,
            value: n.value,
        });
    }
    for (unit, scale) in [('成', 10), ('折', 10)] {
        if t.starts_with(unit) {
            let mut end = n.end + gap + unit.len_utf8();
            let mut value = &n.value * int(scale);
            if unit == '折' {
                // 75折 is 75%, 7.5折 and 7折 are 75% and 70%.
                if n.value == int(10) {
                    return None; // 十折 is no discount
                }
                if n.value > int(10) {
                    value = n.value.clone();
                }
                if value >= int(100) || value <= Num::zero() {
                    return None;
                }
            } else if value > int(100) {
                return None;
            }
            // 七成六 is 76%, 三成半 is 35%.
            let tail = &text[end..];
            let tt = tail.trim_start_matches(' ');
            if let Some(d) = tt.chars().next().and_then(digit_value) {
                if unit == '成' {
                    value += int(d as i64);
                    end += tail.len() - tt.len() + tt.chars().next()?.len_utf8();
                }
            } else if unit == '成' && tt.starts_with('半') {
                value += int(5);
                end += tail.len() - tt.len() + '半'.len_utf8();
            }
            return Some(Recognized {
                start: i,
                end,
                value,
            });
        }
    }
    None
}

/// `个百分点` with spaces between its characters; the byte length read.
fn spaced(t: &str, word: &str) -> Option<usize> {
    let mut p = 0;
    for (k, ch) in word.chars().enumerate() {
        let rest = &t[p..];
        let trimmed = rest.trim_start_matches(' ');
        if k > 0 {
            p += rest.len() - trimmed.len();
        } else if trimmed.len() != rest.len() {
            return None;
        }
        if !t[p..].starts_with(ch) {
            return None;
        }
        p += ch.len_utf8();
    }
    Some(p)
}

/// Two digit words (or digits) before 折: 七五折 is 75%.
fn discount_digits(text: &str, i: usize) -> Option<Recognized> {
    let mut p = i;
    let mut digits = Vec::new();
    while digits.len() < 2 {
        let t = &text[p..];
        let tt = t.trim_start_matches(' ');
        if !digits.is_empty() {
            p += t.len() - tt.len();
        }
        let c = text[p..].chars().next()?;
        let d = digit_value(c).or_else(|| c.to_digit(10))?;
        digits.push(d);
        p += c.len_utf8();
    }
    let t = &text[p..];
    let tt = t.trim_start_matches(' ');
    if !tt.starts_with('折') || digits[0] == 0 {
        return None;
    }
    let end = p + (t.len() - tt.len()) + '折'.len_utf8();
    Some(Recognized {
        start: i,
        end,
        value: int((digits[0] * 10 + digits[1]) as i64),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powers_are_exact_and_bounded() {
        let values = |s: &str| -> Vec<Num> { numbers(s).into_iter().map(|r| r.value).collect() };
        assert_eq!(values("2^10"), [int(1024)]);
        assert_eq!(values("2^-2"), [Num::new(1, 4)]);
        assert_eq!(values("10^300"), [pow10(300)]);
        // A power hundreds of digits long is no figure (the fuzzer found one
        // that took seconds): it is not read as one number.
        let huge = pow10(2 * MAX_POWER_DIGITS as i32);
        for s in ["4.888888313333323333333333888888^222", "99^300"] {
            assert!(values(s).iter().all(|v| v.abs() < huge), "{s}");
        }
    }
}
