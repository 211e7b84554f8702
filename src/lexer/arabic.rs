//! Arabic numerals as reports write them: `17093`, `1,250`, `99.3`, full-width
//! `１２３`, ranges `2020-2022`, ratios `1:10`.

use nom::bytes::complete::{take_while1, take_while_m_n};
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{not, opt, recognize};
use nom::multi::fold_many0;
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

/// An ASCII or full-width digit.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A number as written, normalised to ASCII digits with an optional `.`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arabic {
    pub normalized: String,
    /// Zeros at the end of the integer part (`2300` has 2); sets the step of 多/余.
    pub trailing_zeros: u32,
    pub decimals: u32,
}

/// Digits, optional thousands groups (`1,250`, only after 1 to 3 digits and
/// only groups of exactly three) and an optional fraction.
pub fn arabic(input: &str) -> IResult<&str, Arabic> {
    let (rest, head) = take_while1(is_digit).parse(input)?;
    // The figure normalised: its digits and groups, then its fraction (one
    // allocation: a figure is short, and the lexer reads every one).
    let mut int_part = String::with_capacity(input.len().min(24));
    int_part.extend(head.chars().map(normalize));
    let rest = if head.chars().count() <= 3 {
        fold_many0(
            preceded(
                one_of(",，"),
                terminated(take_while_m_n(3, 3, is_digit), not(satisfy(is_digit))),
            ),
            || (),
            |(), group: &str| int_part.extend(group.chars().map(normalize)),
        )
        .parse(rest)?
        .0
    } else {
        rest
    };
    // A grouping comma with a single group after a run like "17,25" never parses
    // as a group, so `17093人,已` keeps its comma as punctuation.
    let (rest, frac) =
        opt(preceded(one_of(".．"), recognize(take_while1(is_digit)))).parse(rest)?;
    let trailing_zeros = int_part.chars().rev().take_while(|c| *c == '0').count() as u32;
    let trailing_zeros = if int_part.chars().all(|c| c == '0') {
        0
    } else {
        trailing_zeros
    };
    let mut normalized = int_part;
    let mut decimals = 0;
    if let Some(f) = frac {
        normalized.push('.');
        normalized.extend(f.chars().map(normalize));
        decimals = f.chars().count() as u32;
    }
    Ok((
        rest,
        Arabic {
            normalized,
            trailing_zeros,
            decimals,
        },
    ))
}

fn normalize(c: char) -> char {
    if ('０'..='９').contains(&c) {
        char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c)
    } else {
        c
    }
}

/// A range separator between two Arabic numbers: `2020-2022`, `5~10`, `5至10`.
pub fn range_separator(input: &str) -> IResult<&str, char> {
    terminated(one_of("-~～—–至"), nom::combinator::peek(satisfy(is_digit))).parse(input)
}

/// A ratio separator: `1:10`, `1∶10`.
pub fn ratio_separator(input: &str) -> IResult<&str, char> {
    terminated(one_of(":∶："), nom::combinator::peek(satisfy(is_digit))).parse(input)
}

/// The `+` of an expression such as `10+10` or `1+N`.
pub fn plus(input: &str) -> IResult<&str, char> {
    char('+').parse(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> (String, &str) {
        let (rest, a) = arabic(s).unwrap();
        (a.normalized, rest)
    }

    #[test]
    fn plain_grouped_and_decimal() {
        assert_eq!(parse("17093人"), ("17093".into(), "人"));
        assert_eq!(parse("1,250 beds"), ("1250".into(), " beds"));
        assert_eq!(parse("99.3%"), ("99.3".into(), "%"));
        assert_eq!(parse("１２３个"), ("123".into(), "个"));
        assert_eq!(parse("12,34"), ("12".into(), ",34"));
        assert_eq!(parse("3."), ("3".into(), "."));
    }

    #[test]
    fn trailing_zeros_give_the_step_of_approximations() {
        assert_eq!(arabic("2300多").unwrap().1.trailing_zeros, 2);
        assert_eq!(arabic("0").unwrap().1.trailing_zeros, 0);
    }
}
