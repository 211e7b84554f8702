//! Every number and percentage in a text, whatever it counts: the numeral
//! grammar on its own, as other number extractors report it. numlint checks
//! it against the public suites of Microsoft Recognizers-Text
//! (`tests/conformance.rs`); the quantity lexer builds on the same grammar
//! but keeps only figures it can give a meaning to.

use super::arabic::is_digit;
use super::numeral::{digit_value, is_numeral_char, parse};
use crate::exact::{int, parse_decimal, pow10, Num};
use num_traits::{One, Zero};

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
    // Suffixes: k, M, G, b, with up to two spaces before them.
    let trimmed = rest.trim_start_matches(' ');
    let gap = rest.len() - trimmed.len();
    for (suffix, e) in [("k", 3), ("K", 3), ("Ｋ", 3), ("M", 6), ("G", 9), ("g", 9)] {
        if let Some(after) = trimmed.strip_prefix(suffix) {
            if !after.starts_with(|c: char| c.is_ascii_alphanumeric()) && gap <= 2 {
                return Some((end + gap + suffix.len(), value * pow10(e)));
            }
        }
    }
    None
}

/// `base^n` for a small integer n, exactly.
fn power(base: &Num, n: i32) -> Option<Num> {
    if base.is_zero() && n < 0 {
        return None;
    }
    let mut r = Num::one();
    for _ in 0..n.unsigned_abs() {
        r *= base;
    }
    Some(if n < 0 { r.recip() } else { r })
}

/// A fraction `3/5`, `1 3/5`, `-3/2` after an Arabic integer.
fn arabic_fraction(text: &str, end: usize, whole: &Num) -> Option<(usize, Num)> {
    let rest = &text[end..];
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
    if rest.starts_with("半百") {
        return Found::Number(Recognized {
            start: i,
            end: i + "半百".len(),
            value: int(50),
        });
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
    let c = rest.chars().next()?;
    let starts = is_digit(c) || is_numeral_char(c) || matches!(c, '-' | '－' | '负' | '負');
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
