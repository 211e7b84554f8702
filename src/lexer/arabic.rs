//! Arabic numerals as reports write them: `17093`, `1,250`, `99.3`, full-width
//! `１２３`, ranges `2020-2022`, ratios `1:10`.

use nom::bytes::complete::{take_while1, take_while_m_n};
use nom::character::complete::{char, satisfy};
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
    // Groups, any of them cut by a line break (`6,86\n   7,702千元`), and
    // the first run itself so cut (`86\n   8,669千元`).
    let mut rest = rest;
    if let Some((more, after)) = first_run_cut(head.chars().count(), rest) {
        int_part.extend(more.chars().map(normalize));
        rest = after;
    }
    if head.chars().count() <= 3 {
        loop {
            rest = fold_many0(
                preceded(
                    satisfy(|c| matches!(c, ',' | '，')),
                    terminated(take_while_m_n(3, 3, is_digit), not(satisfy(is_digit))),
                ),
                || (),
                |(), group: &str| int_part.extend(group.chars().map(normalize)),
            )
            .parse(rest)?
            .0;
            match split_group(head, rest) {
                Some((group, after)) => {
                    int_part.extend(group.chars().filter(|&c| is_digit(c)).map(normalize));
                    rest = after;
                }
                None => break,
            }
        }
    }
    // A grouping comma with a single group after a run like "17,25" never parses
    // as a group, so `17093人,已` keeps its comma as punctuation.
    let (rest, frac) = opt(preceded(
        satisfy(|c| matches!(c, '.' | '．')),
        recognize(take_while1(is_digit)),
    ))
    .parse(rest)?;
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

/// A thousands group cut by a line break, as a page laid out in narrow
/// columns cuts it (`2,\n   000千元`, `8,26\n   5千元`): a grouping comma,
/// up to two digits, the line break and the next line's indent, and the
/// digits that make the group three, then no digit. `head` is the figure's
/// first run of digits (at most three of them for a group to follow). The
/// break may come before the comma too (`2\n   ,560,000千元`). Such a
/// figure read in two (`8,26` and `5千元`) is two wrong ones; read whole it is
/// the figure of the same text on one line. Only ASCII commas: a full-width
/// `，` at a line's end ends a clause.
fn split_group<'a>(head: &str, rest: &'a str) -> Option<(&'a str, &'a str)> {
    if head.chars().count() > 3 {
        return None;
    }
    // The break may also come before the comma: `2\n   ,560,000千元`.
    if let Some(line) = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
    {
        let indent = line.trim_start_matches([' ', '\t', '\u{3000}']);
        let digits = indent.strip_prefix(',')?;
        let more = digit_bytes(digits);
        if digits[..more].chars().count() != 3 {
            return None;
        }
        let end = rest.len() - digits.len() + more;
        return Some((&rest[..end], &rest[end..]));
    }
    let after_comma = rest.strip_prefix(',')?;
    let before = digit_bytes(after_comma);
    let k = after_comma[..before].chars().count();
    if k > 2 {
        return None;
    }
    let line = &after_comma[before..];
    let line = line
        .strip_prefix("\r\n")
        .or_else(|| line.strip_prefix('\n'))?;
    let indent = line.trim_start_matches([' ', '\t', '\u{3000}']);
    let need = 3 - k;
    let more = digit_bytes(indent);
    if indent[..more].chars().count() != need {
        return None;
    }
    let end = rest.len() - indent.len() + more;
    Some((&rest[1..end], &rest[end..]))
}

/// A figure's first run of digits cut by a line break and the next line's
/// indent, as a narrow column cuts it (`86\n   8,669千元`, `6\n　5,624千元`):
/// the digits that open the next line make the run at most three long and
/// are followed by a full thousands group, so the text can only be one figure
/// written whole on a wider page. `head` is how many digits stand before the
/// break; the next line must be indented. The digits after the break and
/// what follows them.
fn first_run_cut(head: usize, rest: &str) -> Option<(&str, &str)> {
    if head > 2 {
        return None;
    }
    let line = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))?;
    let indent = line.trim_start_matches([' ', '\t', '\u{3000}']);
    if indent.len() == line.len() {
        return None;
    }
    let more = digit_bytes(indent);
    let k = indent[..more].chars().count();
    if k == 0 || head + k > 3 {
        return None;
    }
    let group = indent[more..].strip_prefix(',')?;
    let g = digit_bytes(group);
    if group[..g].chars().count() != 3 {
        return None;
    }
    Some((&indent[..more], &indent[more..]))
}

/// The length in bytes of the digits `s` opens with.
fn digit_bytes(s: &str) -> usize {
    s.chars()
        .take_while(|&c| is_digit(c))
        .map(char::len_utf8)
        .sum()
}

/// Whether the next line opens with a grouping comma (`2\n   ,560,000`).
fn comma_on_next_line(after: &str) -> bool {
    after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix('\n'))
        .is_some_and(|line| {
            line.trim_start_matches([' ', '\t', '\u{3000}'])
                .starts_with(',')
        })
}

/// A figure of ASCII digits alone (`17093`, `99.3`), its value read straight
/// from the bytes: the length read, the digits as one integer and the number
/// of decimals. The lexer reads every figure, and most are written so.
///
/// `None` wherever [`arabic`] might read more or otherwise: a grouping comma
/// (`1,250`), full-width digits or point, more than 18 digits. There the full
/// grammar reads the figure. Where this answers, `arabic` reads the same
/// figure (a test checks them against each other).
pub fn plain(input: &str) -> Option<(usize, i64, u32)> {
    let bytes = input.as_bytes();
    let digits_from = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let head = digits_from(0);
    if head == 0 {
        return None;
    }
    let mut end = head;
    let mut decimals = 0;
    if bytes.get(end) == Some(&b'.') {
        let frac = digits_from(end + 1);
        if frac > 0 {
            end += 1 + frac;
            decimals = frac;
        } else if input[end + 1..].starts_with(is_digit) {
            return None; // 1.３
        }
    }
    let after = &input[end..];
    let more_grammar = after.starts_with(|c: char| is_digit(c) || c == '．')
        || (decimals == 0 && head <= 3 && after.starts_with([',', '，']))
        || (decimals == 0 && head <= 3 && comma_on_next_line(after))
        || (decimals == 0 && first_run_cut(head, after).is_some());
    if more_grammar || head + decimals > 18 {
        return None;
    }
    let value = bytes[..end]
        .iter()
        .filter(|b| b.is_ascii_digit())
        .fold(0i64, |n, b| n * 10 + i64::from(b - b'0'));
    Some((end, value, decimals as u32))
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
    // (`satisfy` with a match rather than `one_of`, which decodes its list
    // of characters for every figure read.)
    terminated(
        satisfy(|c| matches!(c, '-' | '~' | '～' | '—' | '–' | '至')),
        nom::combinator::peek(satisfy(is_digit)),
    )
    .parse(input)
}

/// A ratio separator: `1:10`, `1∶10`.
pub fn ratio_separator(input: &str) -> IResult<&str, char> {
    terminated(
        satisfy(|c| matches!(c, ':' | '∶' | '：')),
        nom::combinator::peek(satisfy(is_digit)),
    )
    .parse(input)
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

    /// A group cut by a line break and the next line's indent is read whole;
    /// anything else at a line's end is left as it is.
    #[test]
    fn a_group_cut_by_a_line_break() {
        assert_eq!(parse("2,\n   000千元"), ("2000".into(), "千元"));
        assert_eq!(parse("8,26\n   5千元"), ("8265".into(), "千元"));
        assert_eq!(parse("6,00\r\n\u{3000}0千元"), ("6000".into(), "千元"));
        assert_eq!(parse("51,131,0\n  27元"), ("51131027".into(), "元"));
        assert_eq!(parse("12,\n34人"), ("12".into(), ",\n34人"));
        assert_eq!(parse("12,3\n4567"), ("12".into(), ",3\n4567"));
        assert_eq!(parse("12，\n345人"), ("12".into(), "，\n345人"));
        assert_eq!(parse("1234,\n567"), ("1234".into(), ",\n567"));
        assert_eq!(parse("12,\n\n345"), ("12".into(), ",\n\n345"));
        // Cut before a later group, or before the comma.
        assert_eq!(parse("6,86\n     7,702千元"), ("6867702".into(), "千元"));
        assert_eq!(parse("2\n   ,560,000千元"), ("2560000".into(), "千元"));
        assert_eq!(parse("2\n   ,56千元"), ("2".into(), "\n   ,56千元"));
        assert_eq!(parse("2024\n   ,560"), ("2024".into(), "\n   ,560"));
        // Cut inside the first run: only before a full group, on an
        // indented line, and never past three digits.
        assert_eq!(parse("86\n   8,669千元"), ("868669".into(), "千元"));
        assert_eq!(parse("6\r\n\u{3000}5,624千元"), ("65624".into(), "千元"));
        assert_eq!(parse("17\n   1,000,000元"), ("171000000".into(), "元"));
        assert_eq!(parse("86\n8,669"), ("86".into(), "\n8,669"));
        assert_eq!(parse("86\n   28,669"), ("86".into(), "\n   28,669"));
        assert_eq!(parse("123\n   8,669"), ("123".into(), "\n   8,669"));
        assert_eq!(parse("86\n   8,66人"), ("86".into(), "\n   8,66人"));
        assert_eq!(parse("86\n   8669"), ("86".into(), "\n   8669"));
    }

    /// Where the quick reading of plain figures answers, the grammar reads
    /// the same figure: its length, digits and decimals. Every string of up
    /// to six characters from digits, points, commas and full-width forms,
    /// and long runs of digits.
    #[test]
    fn plain_figures_read_as_the_grammar_reads_them() {
        let alphabet = ['1', '0', '.', ',', '，', '．', '３', 'x', '%'];
        let mut texts: Vec<String> = vec![String::new()];
        let mut all = Vec::new();
        for _ in 0..6 {
            texts = texts
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            all.extend(texts.iter().cloned());
        }
        for n in 15..22 {
            all.push("9".repeat(n));
            all.push(format!("{}.{}", "1".repeat(n / 2), "2".repeat(n - n / 2)));
            all.push(format!("{}.5人", "1".repeat(n)));
        }
        let mut answered = 0;
        for text in &all {
            let Some((len, digits, decimals)) = plain(text) else {
                continue;
            };
            answered += 1;
            let (rest, a) = arabic(text).expect("the grammar reads what the quick path read");
            assert_eq!(text.len() - rest.len(), len, "{text}");
            assert_eq!(
                a.normalized.replace('.', "").parse::<i64>().ok(),
                Some(digits),
                "{text}"
            );
            // And the value the lexer makes of it.
            let value = crate::exact::Num::new(digits, 10i64.pow(decimals));
            assert_eq!(
                crate::exact::parse_decimal(&a.normalized),
                Some((value, decimals)),
                "{text}"
            );
            assert_eq!(a.decimals, decimals, "{text}");
        }
        assert!(answered > 10_000, "{answered}");
    }

    #[test]
    fn trailing_zeros_give_the_step_of_approximations() {
        assert_eq!(arabic("2300多").unwrap().1.trailing_zeros, 2);
        assert_eq!(arabic("0").unwrap().1.trailing_zeros, 0);
    }
}
