//! Numerals as Chinese reports write them, in either script and mixed:
//! `17093`, `37.8万`, `两千四百五` (2450), `一万三` (13000), `一千零五`,
//! `3万4000`, `十五点七`, `五分之一`, `三百五又三分之一`, `四万万`, `五兆`.
//!
//! [`parse`] reads one numeral at the start of a string and says how far it
//! went, its exact value, how precisely it is written (`ulp`, the place value
//! of its last digit) and whether it ended on a scale word (`万`, `亿`), which
//! makes it a rounded figure. Runs that are not one numeral (`十四五`, `一一`,
//! `二三十`) are refused as a whole.
//!
//! ```
//! let n = numlint::lexer::numeral::parse("两千四百五十人").unwrap();
//! assert_eq!(n.value, numlint::exact::int(2450));
//! ```

use super::arabic::{self, is_digit};
use crate::exact::{int, parse_decimal, pow10, Num};
use num_traits::{One, Zero};

/// A Chinese digit character, with 零 as 0. 两 counts only (两个, 两千).
pub fn digit_value(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' | '弌' => 1,
        '二' | '两' | '贰' | '兩' | '倆' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// 十, 百, 千 as powers of ten.
fn small_unit(c: char) -> Option<i32> {
    Some(match c {
        '十' | '拾' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        _ => return None,
    })
}

/// 万, 亿, 兆 as powers of ten.
fn big_unit(c: char) -> Option<i32> {
    Some(match c {
        '万' | '萬' => 4,
        '亿' | '億' => 8,
        '兆' => 12,
        _ => return None,
    })
}

/// A character that can begin or continue a Chinese numeral.
pub fn is_numeral_char(c: char) -> bool {
    // The lexer asks for every character of the text: one bit of a table
    // (see `NUMERAL_BITS`) rather than the three matches.
    is_numeral_code(c as u32)
}

/// [`is_numeral_char`] of a code point (which must be a character's): the
/// lexer works it out from three bytes of a Han character.
pub fn is_numeral_code(u: u32) -> bool {
    match u.checked_sub(CJK_FIRST) {
        Some(k) if k < CJK_LEN => NUMERAL_BITS[(k / 64) as usize] & (1 << (k % 64)) != 0,
        _ => u == '〇' as u32,
    }
}

/// [`is_numeral_char`] by its definition.
#[cfg(test)]
fn is_numeral_char_by_matching(c: char) -> bool {
    digit_value(c).is_some() || small_unit(c).is_some() || big_unit(c).is_some()
}

/// The CJK Unified Ideographs block, where every numeral character but 〇
/// lies.
const CJK_FIRST: u32 = 0x4e00;
const CJK_LEN: u32 = 0xa000 - CJK_FIRST;

/// One bit per character of the block: whether it is a numeral character.
/// Built at compile time from the characters of [`digit_value`],
/// [`small_unit`] and [`big_unit`] (a test checks every character).
static NUMERAL_BITS: [u64; (CJK_LEN as usize).div_ceil(64)] = {
    const CHARS: &[char] = &[
        '零', '一', '壹', '弌', '二', '两', '贰', '兩', '倆', '貳', '三', '叁', '參', '四', '肆',
        '五', '伍', '六', '陆', '陸', '七', '柒', '八', '捌', '九', '玖', '十', '拾', '百', '佰',
        '千', '仟', '万', '萬', '亿', '億', '兆',
    ];
    let mut bits = [0u64; (CJK_LEN as usize).div_ceil(64)];
    let mut i = 0;
    while i < CHARS.len() {
        let k = CHARS[i] as u32 - CJK_FIRST;
        bits[(k / 64) as usize] |= 1 << (k % 64);
        i += 1;
    }
    bits
};

/// Words after a unit character that make it part of another word: 千米 is a
/// kilometre, 百分 starts a percentage, 万一 means "in case".
fn unit_blocked(rest_after_unit: &str, c: char, first: bool) -> bool {
    match c {
        '千' | '仟' => {
            rest_after_unit.starts_with(['米', '克', '瓦'])
                || (first && rest_after_unit.starts_with('分'))
        }
        // 百分之五 is a percentage; 一百分之二 is a fraction.
        '百' | '佰' | '万' | '萬' => first && rest_after_unit.starts_with('分'),
        _ => false,
    }
}

/// One numeral read from the start of a string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Numeral {
    /// Bytes read.
    pub len: usize,
    pub value: Num,
    /// Place value of the last written digit (`37.8万` → 1000, `2450` → 1).
    pub ulp: Num,
    /// Decimals written (`99.30` → 2), before any scale.
    pub decimals: u32,
    /// It ends on 万, 亿 or 兆: a rounded figure.
    pub scaled: bool,
    /// `十多万`, `五百余万`: 多 or 余 inside, with the step it allows.
    pub many: Option<(&'static str, Num)>,
    /// Written in Chinese characters, at least in part.
    pub chinese: bool,
    /// A fraction (`五分之一`).
    pub fraction: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Prev {
    Start,
    Digit,
    Zero,
    Small(i32),
    Big(i32),
}

/// Skips up to three spaces when what follows satisfies `next`.
fn spaces_then(s: &str, at: usize, next: impl Fn(&str) -> bool) -> Option<usize> {
    let rest = &s[at..];
    let trimmed = rest.trim_start_matches([' ', '\u{3000}']);
    let gap = rest.len() - trimmed.len();
    (gap <= 6 && !trimmed.is_empty() && next(trimmed)).then_some(at + gap)
}

/// Where the scale of an Arabic figure stands when a line break cut it from
/// the figure, as narrow columns do (`1,200\n　　千元`): one line break and
/// the next line's indent, then `千`, `万` or `亿` with no digit after it,
/// and only after Arabic digits.
fn scale_on_next_line(s: &str, pos: usize, prev: Prev) -> Option<usize> {
    if prev != Prev::Digit || !s[..pos].ends_with(is_digit) {
        return None;
    }
    scale_gap(&s[pos..]).map(|gap| pos + gap)
}

/// The line break and indent before a scale at the start of the next line
/// (see [`scale_on_next_line`]): their length.
fn scale_gap(rest: &str) -> Option<usize> {
    let line = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))?;
    let trimmed = line.trim_start_matches([' ', '\t', '\u{3000}']);
    let gap = rest.len() - trimmed.len();
    // 千, 万, 亿 and no digit after (`千元`, `万人`; not `十四五`, a new
    // line's own numeral).
    let mut chars = trimmed.chars();
    let scale = chars
        .next()
        .is_some_and(|c| matches!(c, '千' | '仟' | '万' | '萬' | '亿' | '億'))
        && chars
            .next()
            .is_none_or(|c| digit_value(c).is_none() && !is_digit(c));
    (gap <= 13 && scale).then_some(gap)
}

/// The result of reading an integer part.
struct Integer {
    len: usize,
    value: Num,
    ulp: Num,
    decimals: u32,
    scaled: bool,
    many: Option<(&'static str, Num)>,
    chinese: bool,
    /// The value is one lone digit character (三): decimals may follow 点.
    ends_on_digit: bool,
}

/// Reads the integer part (which may contain an Arabic decimal before a
/// scale: `4.78万亿`). `None` when the run is not one numeral.
fn integer(s: &str) -> Option<Integer> {
    let mut pos = 0;
    let mut acc = Num::zero(); // closed by big units
    let mut last_big = i32::MAX;
    let mut bigs = 0u32; // big units read
    let mut section = Num::zero(); // below the current big unit
    let mut last_small = i32::MAX;
    let mut digit: Option<(Num, Num, u32, bool)> = None; // value, its scale, decimals, is one Chinese char
    let mut prev = Prev::Start;
    let mut ulp = Num::one();
    let mut decimals = 0;
    let mut end = 0;
    let mut chinese = false;
    let mut scaled = false;
    let mut many: Option<(&'static str, Num)> = None;
    let mut saw_zero = false;
    loop {
        let at = if prev == Prev::Start {
            pos
        } else {
            match spaces_then(s, pos, |t| {
                t.starts_with(|c: char| {
                    is_numeral_char(c)
                        || is_digit(c)
                        || c == '几'
                        || c == '幾'
                        || c == '多'
                        || c == '余'
                })
            })
            .or_else(|| scale_on_next_line(s, pos, prev))
            {
                Some(a) => a,
                None => break,
            }
        };
        let rest = &s[at..];
        let Some(c) = rest.chars().next() else { break };
        if is_digit(c) {
            // An Arabic number acts as one digit: 3万4000, 1千零1.
            if matches!(prev, Prev::Digit) {
                break;
            }
            let (after, a) = arabic::arabic(rest).ok()?;
            let (v, d) = parse_decimal(&a.normalized)?;
            let n = rest.len() - after.len();
            if prev != Prev::Start && d > 0 {
                break; // 3万4.5 is not one numeral
            }
            digit = Some((v, Num::one(), d, false));
            ulp = pow10(-(d as i32));
            decimals = d;
            pos = at + n;
            end = pos;
            prev = Prev::Digit;
            continue;
        }
        if let Some(d) = digit_value(c).or(match c {
            '几' | '幾' => Some(0),
            _ => None,
        }) {
            let is_vague = matches!(c, '几' | '幾');
            if is_vague
                && spaces_then(s, at + c.len_utf8(), |t| {
                    t.starts_with(|c: char| small_unit(c).is_some() || big_unit(c).is_some())
                })
                .is_none()
            {
                break;
            }
            if matches!(prev, Prev::Digit) {
                if at != pos {
                    break; // 667.123 五点八: two numbers
                }
                return None; // 十四五, 一一, 二三十: not one numeral
            }
            chinese = true;
            if d == 0 && !is_vague {
                if matches!(prev, Prev::Zero) {
                    return None;
                }
                if prev == Prev::Start {
                    // 零 alone, or 零点五 / 零十
                    let next = s[at + c.len_utf8()..].chars().next();
                    if !matches!(next, Some('点' | '點' | '十' | '拾')) {
                        if next.is_some_and(|n| digit_value(n).is_some()) {
                            return None;
                        }
                        digit = Some((Num::zero(), Num::one(), 0, true));
                        pos = at + c.len_utf8();
                        end = pos;
                        prev = Prev::Digit;
                        continue;
                    }
                }
                saw_zero = true;
                prev = Prev::Zero;
                pos = at + c.len_utf8();
                if s[pos..].starts_with(['点', '點']) {
                    digit = Some((Num::zero(), Num::one(), 0, true));
                    end = pos;
                    prev = Prev::Digit;
                }
                continue;
            }
            // A lone digit after 百/千/万 with no 零 is colloquial: 两千四百五 is
            // 2450, 一万三 is 13000.
            let scale = match prev {
                Prev::Small(u) if u >= 2 && !saw_zero => pow10(u - 1),
                Prev::Big(e) if !saw_zero => pow10(e - 1),
                _ => Num::one(),
            };
            digit = Some((int(d as i64), scale, 0, true));
            ulp = Num::one();
            decimals = 0;
            pos = at + c.len_utf8();
            end = pos;
            prev = Prev::Digit;
            continue;
        }
        if let Some(u) = small_unit(c) {
            if unit_blocked(&rest[c.len_utf8()..], c, prev == Prev::Start) {
                break;
            }
            let d = match digit.take() {
                Some((v, _, 0, _)) => v,
                Some(_) => break,
                None if matches!(prev, Prev::Start | Prev::Zero | Prev::Big(_)) => {
                    if prev == Prev::Start
                        && u > 1
                        && !s[at + c.len_utf8()..].starts_with(|c: char| digit_value(c).is_some())
                    {
                        return None; // 百, 千 alone
                    }
                    Num::one()
                }
                None => break,
            };
            if u >= last_small {
                break; // 七十百分位: the numeral ended before 百
            }
            chinese = true;
            section += d * pow10(u);
            last_small = u;
            ulp = pow10(u);
            decimals = 0;
            saw_zero = false;
            prev = Prev::Small(u);
            pos = at + c.len_utf8();
            end = pos;
            scaled = false;
            continue;
        }
        if matches!(c, '多' | '余') {
            // Only inside: 十多万, 五百余万. At the end it is left to the caller.
            let word: &'static str = if c == '多' { "多" } else { "余" };
            let after = at + c.len_utf8();
            match spaces_then(s, after, |t| t.starts_with(|c: char| big_unit(c).is_some())) {
                Some(_) if many.is_none() && matches!(prev, Prev::Digit | Prev::Small(_)) => {
                    let so_far =
                        &section + digit.as_ref().map_or(Num::zero(), |(v, _, _, _)| v.clone());
                    many = Some((word, place_of(&so_far)));
                    pos = after;
                    continue;
                }
                _ => break,
            }
        }
        if let Some(e) = big_unit(c) {
            if unit_blocked(&rest[c.len_utf8()..], c, prev == Prev::Start) {
                break;
            }
            // No numeral has more (一亿二千万 has two, 五万亿亿 three): a
            // longer run (1万1万1万…) is no figure, and is refused after a few
            // steps of arithmetic, not one per unit on an ever longer number.
            bigs += 1;
            if bigs > MAX_BIG_UNITS {
                return None;
            }
            // A digit right before a unit is that unit's count, never colloquial.
            let cur = &section + digit.take().map_or(Num::zero(), |(v, _, _, _)| v);
            if cur.is_zero() {
                match prev {
                    Prev::Big(_) => acc *= pow10(e), // 四万万
                    _ => return None,                // 万 alone
                }
            } else if e < last_big {
                acc += cur * pow10(e);
            } else {
                acc = (acc + cur) * pow10(e);
            }
            // Past what any report writes (1万1万1万…, each 万 multiplying
            // all before it): no figure, and no arithmetic on ever longer
            // numbers, which made such a run cost the cube of its length.
            if acc >= *TOO_LARGE {
                return None;
            }
            chinese |= !matches!(c, '万' | '亿') || chinese;
            if let Some((_, step)) = &mut many {
                *step *= pow10(e);
            }
            ulp *= pow10(e);
            last_big = e;
            section = Num::zero();
            last_small = i32::MAX;
            saw_zero = false;
            prev = Prev::Big(e);
            scaled = true;
            pos = at + c.len_utf8();
            end = pos;
            continue;
        }
        break;
    }
    if end == 0 {
        return None;
    }
    let ends_on_digit = matches!(prev, Prev::Digit | Prev::Zero);
    let lone = digit.as_ref().is_some_and(|(_, _, _, one_char)| *one_char);
    // A colloquial last digit (一万三) has the place of its implied unit.
    if let Some((_, scale, _, _)) = &digit {
        ulp = &ulp * scale;
    }
    let value = acc + section + digit.map_or(Num::zero(), |(v, sc, _, _)| v * sc);
    Some(Integer {
        len: end,
        value,
        ulp,
        decimals,
        scaled,
        many,
        chinese,
        ends_on_digit: ends_on_digit && lone,
    })
}

/// The most big units (万, 亿, …) a numeral may hold.
const MAX_BIG_UNITS: u32 = 3;

/// 10^[`crate::exact::MAX_DIGITS`]: a numeral this large or larger is
/// refused, as a figure of more digits is.
static TOO_LARGE: std::sync::LazyLock<Num> =
    std::sync::LazyLock::new(|| pow10(crate::exact::MAX_DIGITS as i32));

/// The place value of the last non-zero digit of a whole number (2300 → 100).
pub fn place_of(v: &Num) -> Num {
    let mut n = v.to_integer();
    if let Some(mut k) = n.to_i64() {
        let mut p = 1i64;
        while k != 0 && k % 10 == 0 {
            k /= 10;
            p *= 10;
        }
        return Num::from(p);
    }
    let ten = int(10);
    let mut p = Num::one();
    while !n.is_zero() && (&n % &ten).is_zero() {
        n /= &ten;
        p *= &ten;
    }
    p
}

/// Decimal digits in words after 点: 十五点七, 两千万点五五四四.
fn decimal_words(s: &str) -> Option<(usize, Num, u32)> {
    let at = spaces_then(s, 0, |t| t.starts_with(['点', '點']))?;
    let mut pos = at + '点'.len_utf8();
    let mut digits = String::new();
    while let Some(p) = spaces_then(s, pos, |t| {
        t.starts_with(|c: char| digit_value(c).is_some() && c != '两' && c != '兩')
    }) {
        let c = s[p..].chars().next()?;
        digits.push(char::from_digit(digit_value(c)?, 10)?);
        pos = p + c.len_utf8();
    }
    if digits.is_empty() {
        return None;
    }
    let (v, d) = parse_decimal(&format!("0.{digits}"))?;
    Some((pos, v, d))
}

/// A negative sign: 负, 負, `-`, `－`.
fn minus(s: &str) -> Option<usize> {
    ['负', '負', '-', '－']
        .iter()
        .find(|m| s.starts_with(**m))
        .map(|m| m.len_utf8())
}

/// An integer with an optional decimal part in words, and its sign.
fn signed_number(s: &str) -> Option<Numeral> {
    let (neg, start) = match minus(s) {
        Some(n) => (true, spaces_then(s, n, |_| true).unwrap_or(n)),
        None => (false, 0),
    };
    let i = integer(&s[start..])?;
    let mut n = Numeral {
        len: start + i.len,
        value: i.value,
        ulp: i.ulp,
        decimals: i.decimals,
        scaled: i.scaled,
        many: i.many,
        chinese: i.chinese,
        fraction: false,
    };
    let chinese_integer = i.chinese && !i.scaled;
    if chinese_integer || (i.ends_on_digit && i.chinese) {
        if let Some((len, frac, d)) = decimal_words(&s[n.len..]) {
            n.value += frac;
            n.len += len;
            n.ulp = pow10(-(d as i32));
            n.decimals = d;
            // 两千万点五五四四: a decimal after a scale is still read.
        }
    } else if i.scaled && i.chinese {
        if let Some((len, frac, d)) = decimal_words(&s[n.len..]) {
            n.value += frac;
            n.len += len;
            n.ulp = pow10(-(d as i32));
            n.decimals = d;
            n.scaled = false;
        }
    }
    if neg {
        n.value = -n.value;
    }
    Some(n)
}

/// Whether what follows an Arabic figure (`rest`) may carry its numeral on:
/// a scale or digit (`37.8万`, `3万4000`), 几/多/余 (`70多万`), a fraction
/// (`3分之1`, `1又3分之1`), after at most a few spaces. When not, [`parse`]
/// reads the figure alone, exactly as the Arabic grammar did.
pub fn may_continue(rest: &str) -> bool {
    rest.trim_start_matches([' ', '\u{3000}'])
        .starts_with(|c: char| {
            is_numeral_char(c)
                || is_digit(c)
                || matches!(c, '几' | '幾' | '多' | '余' | '分' | '又')
        })
        || (rest.starts_with(['\r', '\n']) && scale_gap(rest).is_some())
}

/// Reads one numeral at the start of `s`: an integer (either script), with an
/// optional decimal in words, or a fraction `X分之Y` / `N又X分之Y`.
pub fn parse(s: &str) -> Option<Numeral> {
    let first = signed_number(s)?;
    // X分之Y
    if let Some(fr) = fraction_after(s, &first) {
        return Some(fr);
    }
    // N又X分之Y
    if let Some(you) = spaces_then(s, first.len, |t| t.starts_with('又')) {
        let at = you + '又'.len_utf8();
        let at = spaces_then(s, at, |_| true).unwrap_or(at);
        if let Some(den) = signed_number(&s[at..]) {
            if let Some(fr) = fraction_after(&s[at..], &den) {
                let mut whole = fr.clone();
                whole.len = at + fr.len;
                whole.value = if first.value.is_negative_num() {
                    &first.value - &fr.value
                } else {
                    &first.value + &fr.value
                };
                whole.chinese = true;
                return Some(whole);
            }
        }
    }
    Some(first)
}

trait NegativeNum {
    fn is_negative_num(&self) -> bool;
}

impl NegativeNum for Num {
    fn is_negative_num(&self) -> bool {
        self < &Num::zero()
    }
}

/// `分之Y` after a denominator already read.
fn fraction_after(s: &str, den: &Numeral) -> Option<Numeral> {
    let at = spaces_then(s, den.len, |t| t.starts_with('分'))?;
    let at = spaces_then(s, at + '分'.len_utf8(), |t| t.starts_with('之'))?;
    let at = at + '之'.len_utf8();
    let at = spaces_then(s, at, |_| true).unwrap_or(at);
    let num = signed_number(&s[at..])?;
    if den.value.is_zero() {
        return None;
    }
    Some(Numeral {
        len: at + num.len,
        value: &num.value / &den.value,
        ulp: Num::zero(),
        decimals: 0,
        scaled: false,
        many: None,
        chinese: true,
        fraction: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::to_decimal_string;

    fn v(s: &str) -> Option<(String, usize)> {
        parse(s).map(|n| (to_decimal_string(&n.value, 6), s[..n.len].chars().count()))
    }

    #[test]
    fn standard_and_colloquial() {
        assert_eq!(v("一千零五"), Some(("1005".into(), 4)));
        assert_eq!(v("两千四百五"), Some(("2450".into(), 5)));
        assert_eq!(v("一万三"), Some(("13000".into(), 3)));
        assert_eq!(v("九百九"), Some(("990".into(), 3)));
        assert_eq!(v("百三"), Some(("130".into(), 2)));
        assert_eq!(v("一百零十万"), Some(("1100000".into(), 5)));
        assert_eq!(v("四万万"), Some(("400000000".into(), 3)));
        assert_eq!(v("一万五千亿"), Some(("1500000000000".into(), 5)));
        assert_eq!(
            v("五兆六十二亿四万五千二"),
            Some(("5006200045200".into(), 11))
        );
        assert_eq!(v("十 余 万"), Some(("100000".into(), 5)));
        assert_eq!(v("二十几万"), Some(("200000".into(), 4)));
    }

    #[test]
    fn mixed_scripts_and_scales() {
        assert_eq!(v("37.8万支"), Some(("378000".into(), 5)));
        assert_eq!(v("3万4000"), Some(("34000".into(), 6)));
        assert_eq!(v("7 万5 千4 百"), Some(("75400".into(), 9)));
        assert_eq!(v("4.78万亿"), Some(("4780000000000".into(), 6)));
        assert_eq!(v("5千米"), Some(("5".into(), 1)));
        let n = parse("37.8万").unwrap();
        assert_eq!(n.ulp, int(1000));
        assert!(n.scaled);
        assert_eq!(parse("一万三").unwrap().ulp, int(1000));
        assert_eq!(parse("五兆六十二亿四万").unwrap().ulp, int(10000));
        assert_eq!(parse("两千四百五").unwrap().ulp, int(10));
    }

    #[test]
    fn decimals_and_fractions() {
        assert_eq!(v("十五点七"), Some(("15.7".into(), 4)));
        assert_eq!(v("两千万点五五四四"), Some(("20000000.5544".into(), 8)));
        assert_eq!(v("两百点两"), Some(("200".into(), 2)));
        assert_eq!(v("五分之一"), Some(("0.2".into(), 4)));
        assert_eq!(v("三百五又三分之一").map(|x| x.1), Some(8));
        assert_eq!(v("负一又二分之一"), Some(("-1.5".into(), 7)));
        assert_eq!(v("１６分之5"), Some(("0.3125".into(), 5)));
    }

    /// Where [`may_continue`] says nothing follows, the grammar reads the
    /// Arabic figure alone: the lexer may then skip it.
    #[test]
    fn a_figure_nothing_continues_is_read_alone() {
        let figures = [
            "17093",
            "99.3",
            "1,250",
            "１２３",
            "0",
            "3.",
            "12,34",
            "2020",
        ];
        let after = [
            "",
            "人",
            "%",
            " 人",
            "　万",
            "万",
            "多万",
            "余",
            "分之1",
            "又3分之1",
            "几",
            "5",
            "千米",
            "点五",
            ".5",
            "-2022",
            "个",
            "  年",
            "百分",
            "x",
            "亿元",
            "兆",
        ];
        let mut skipped = 0;
        for f in figures {
            for a in after {
                let s = format!("{f}{a}");
                let (rest, read) = arabic::arabic(&s).unwrap();
                if may_continue(rest) {
                    continue;
                }
                skipped += 1;
                let (value, decimals) = parse_decimal(&read.normalized).unwrap();
                let whole = Numeral {
                    len: s.len() - rest.len(),
                    value,
                    ulp: pow10(-(decimals as i32)),
                    decimals,
                    scaled: false,
                    many: None,
                    chinese: false,
                    fraction: false,
                };
                assert_eq!(parse(&s), Some(whole), "{s}");
            }
        }
        assert!(skipped > 50, "{skipped}");
    }

    #[test]
    fn the_table_of_numeral_characters_is_their_definition() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(is_numeral_char(c), is_numeral_char_by_matching(c), "{c}");
        }
    }

    #[test]
    fn runs_that_are_not_one_numeral() {
        assert_eq!(v("十四五"), None);
        assert_eq!(v("一一"), None);
        assert_eq!(v("万"), None);
        assert_eq!(v("两两"), None);
        assert_eq!(v("百"), None);
    }

    /// Three big units at most (五万亿亿 is read); a longer run of them is
    /// refused whole, however long, and so is a value of 10^40 or more.
    #[test]
    fn runs_of_big_units_are_bounded() {
        assert_eq!(v("五万亿亿"), Some(("500000000000000000000".into(), 4)));
        assert_eq!(v("1万1万1万"), Some(("1000100010000".into(), 6)));
        assert_eq!(v("1万1万1万1万"), None);
        assert_eq!(v(&"1万".repeat(10_000)), None);
        assert_eq!(v("1万亿亿亿"), None);
        assert!(v("1000兆兆兆").is_some());
        assert_eq!(v("10000兆兆兆"), None);
    }
}
