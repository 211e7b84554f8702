//! Chinese numerals: `三`, `两千四百`, `一千零五`, `十二`, `三万五千`.
//!
//! nom recognises the run of numeral characters; [`value_of`] folds it into a
//! value and rejects runs that are not one well-formed numeral (`十四五`,
//! `一一`), so that set phrases never become quantities.

use nom::bytes::complete::take_while1;
use nom::{IResult, Parser};
use num_bigint::BigInt;

/// A character that can be part of a Chinese numeral.
pub fn is_numeral_char(c: char) -> bool {
    digit_value(c).is_some() || multiplier(c).is_some()
}

fn digit_value(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' | '兩' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn multiplier(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        '万' | '萬' => 4,
        '亿' | '億' => 8,
        _ => return None,
    })
}

/// The run of numeral characters at the start of `input`.
pub fn numeral_run(input: &str) -> IResult<&str, &str> {
    take_while1(is_numeral_char).parse(input)
}

/// The value of a whole run, or `None` when it is not one well-formed numeral.
pub fn value_of(run: &str) -> Option<BigInt> {
    let mut total = BigInt::from(0u32); // everything closed by 亿 or 万
    let mut section = BigInt::from(0u32); // below 万
    let mut digit: Option<u32> = None;
    let mut last_small: u32 = 5; // the last of 十百千 used in this section
    let mut last_big: u32 = 9; // the last of 万亿 used
    let mut saw_zero = false;
    let mut chars = run.chars().peekable();
    let first = *chars.peek()?;
    let mut any_digit = false;
    while let Some(c) = chars.next() {
        if let Some(d) = digit_value(c) {
            if digit.is_some() {
                return None; // two digits in a row: 十四五, 一一
            }
            if d == 0 {
                saw_zero = true;
                continue;
            }
            if c == '两' || c == '兩' {
                // 两 only counts (两个, 两千); 一百二 would use 二.
                if chars.peek().is_some_and(|n| digit_value(*n).is_some()) {
                    return None;
                }
            }
            digit = Some(d);
            any_digit = true;
            continue;
        }
        let m = multiplier(c)?;
        match m {
            1..=3 => {
                if m >= last_small {
                    return None;
                }
                let d = match digit.take() {
                    Some(d) => d,
                    // 十 alone or at the head (十二) means 一十; 百/千 need a digit.
                    None if m == 1 && (c == first || saw_zero) => 1,
                    None => return None,
                };
                section += BigInt::from(d) * BigInt::from(10u32).pow(m);
                last_small = m;
                any_digit = true;
            }
            _ => {
                let head = section.clone() + BigInt::from(digit.take().unwrap_or(0));
                if head == BigInt::from(0u32) && total == BigInt::from(0u32) {
                    return None; // 万 or 亿 with nothing before it
                }
                if m >= last_big && m == 4 {
                    return None;
                }
                if m == 8 {
                    total = (total + head) * BigInt::from(10u32).pow(8);
                    last_big = 8;
                } else {
                    total += head * BigInt::from(10u32).pow(4);
                    last_big = 4;
                }
                section = BigInt::from(0u32);
                last_small = 5;
            }
        }
        saw_zero = false;
    }
    if !any_digit {
        return None;
    }
    Some(total + section + BigInt::from(digit.unwrap_or(0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Option<i64> {
        value_of(s).map(|b| b.try_into().unwrap())
    }

    #[test]
    fn well_formed_numerals() {
        assert_eq!(v("三"), Some(3));
        assert_eq!(v("两"), Some(2));
        assert_eq!(v("十"), Some(10));
        assert_eq!(v("十二"), Some(12));
        assert_eq!(v("二十"), Some(20));
        assert_eq!(v("一千零五"), Some(1005));
        assert_eq!(v("两千四百"), Some(2400));
        assert_eq!(v("三万五千"), Some(35000));
        assert_eq!(v("一亿二千万"), Some(120_000_000));
        assert_eq!(v("壹佰贰拾"), Some(120));
    }

    #[test]
    fn set_phrases_are_not_numerals() {
        assert_eq!(v("十四五"), None);
        assert_eq!(v("一一"), None);
        assert_eq!(v("万"), None);
        assert_eq!(v("千"), None);
        assert_eq!(v("百千万"), None);
        assert_eq!(v("零"), None);
    }
}
