//! English numbers in words and with scale words: `three`, `twenty-one`,
//! `one hundred and six`, `two thirds`, `one and a half`, `a dozen`,
//! `4.68 million`, `1.2bn`, `12k`, `minus five point five`.
//!
//! [`words_at`] reads number words at a word boundary; [`scale_after`] reads
//! a scale word or suffix after Arabic digits. Both return the bytes read and
//! the exact value.

use crate::exact::{int, Num};
use num_traits::{One, Zero};

/// Number words from zero to nineteen.
const UNIT_WORDS: [(&str, i64); 22] = [
    ("zero", 0),
    ("nought", 0),
    ("naught", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

const TENS_WORDS: [(&str, i64); 8] = [
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Scale words, as powers of ten.
const SCALE_WORDS: [(&str, u32); 17] = [
    ("thousand", 3),
    ("lakh", 5),
    ("lakhs", 5),
    ("million", 6),
    ("millions", 6),
    ("mil", 6),
    ("mn", 6),
    ("mm", 6),
    ("crore", 7),
    ("crores", 7),
    ("billion", 9),
    ("billions", 9),
    ("bn", 9),
    ("bln", 9),
    ("trillion", 12),
    ("trillions", 12),
    ("tln", 12),
];

fn look_up<T: Copy>(table: &[(&str, T)], w: &str) -> Option<T> {
    table.iter().find(|(word, _)| *word == w).map(|&(_, v)| v)
}

fn unit_word(w: &str) -> Option<i64> {
    look_up(&UNIT_WORDS, w)
}

fn tens_word(w: &str) -> Option<i64> {
    look_up(&TENS_WORDS, w)
}

fn scale_word(w: &str) -> Option<u32> {
    look_up(&SCALE_WORDS, w)
}

/// Signs before a number: `minus five`.
const SIGNS: &[&str] = &["minus", "negative"];

/// One before a word that counts (`a hundred`, `a dozen`, `a third`).
const ARTICLES: &[&str] = &["a", "an"];

/// The other words [`unsigned`] and [`cardinal`] take first: `hundreds` (of
/// patients) is 100; a run may begin with `and` before a fraction.
const LEADS: &[&str] = &["hundred", "hundreds", "half", "quarter", "and"];

/// The length, first and last letter of a word (ASCII letters, at most
/// [`WORD_BUF`] of them, in any case), as one number below [`KEYS`].
const fn word_key(w: &[u8]) -> usize {
    w.len() << 10 | letter_index(w[0]) << 5 | letter_index(w[w.len() - 1])
}

/// 0 to 25 for an ASCII letter in either case.
const fn letter_index(b: u8) -> usize {
    ((b | 0x20).wrapping_sub(b'a') & 31) as usize
}

const KEYS: usize = (WORD_BUF + 1) << 10;

/// `bits` with the [`word_key`] of each of `words` set.
const fn with_keys(mut bits: [u64; KEYS / 64], words: &[&str]) -> [u64; KEYS / 64] {
    let mut i = 0;
    while i < words.len() {
        let k = word_key(words[i].as_bytes());
        bits[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    bits
}

/// The words of a table of number words and their values.
const fn words_of<const N: usize, T: Copy>(table: &[(&'static str, T); N]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = table[i].0;
        i += 1;
    }
    out
}

/// One bit for the [`word_key`] of each word a number may begin with: most
/// words of English prose have the key of none (`the`, `of`, `and` aside),
/// and are refused by one bit test.
static FIRST_WORD_KEYS: [u64; KEYS / 64] = {
    let mut bits = [0u64; KEYS / 64];
    bits = with_keys(bits, &words_of(&UNIT_WORDS));
    bits = with_keys(bits, &words_of(&TENS_WORDS));
    bits = with_keys(bits, &words_of(&SCALE_WORDS));
    bits = with_keys(bits, SIGNS);
    bits = with_keys(bits, ARTICLES);
    with_keys(bits, LEADS)
};

/// Whether `w` (ASCII letters) has the length, first and last letter of a
/// word a number may begin with: when not, no number begins at it (the
/// lexer passes most English words whole by this test).
pub(crate) fn may_be_first_word(b: &[u8]) -> bool {
    if b.is_empty() || b.len() > WORD_BUF {
        return false;
    }
    let k = word_key(b);
    FIRST_WORD_KEYS[k / 64] & (1 << (k % 64)) != 0
}

/// Ordinals that can be a denominator: `third` 3, `fifths` 5, `hundredth` 100.
fn ordinal_word(w: &str) -> Option<i64> {
    let w = w
        .strip_suffix('s')
        .filter(|b| !b.is_empty() && *b != "thirtie")
        .unwrap_or(w);
    Some(match w {
        "half" | "halve" => 2,
        "third" => 3,
        "fourth" | "quarter" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        "fiftieth" => 50,
        "sixtieth" => 60,
        "seventieth" => 70,
        "eightieth" => 80,
        "ninetieth" => 90,
        "hundredth" => 100,
        "thousandth" => 1000,
        "first" => 1,
        "second" => 2,
        _ => return None,
    })
}

fn big_ordinal(w: &str) -> Option<Num> {
    let w = w.strip_suffix('s').unwrap_or(w);
    match w {
        "trillionth" => Some(Num::one() / crate::exact::pow10(12)),
        "billionth" => Some(Num::one() / crate::exact::pow10(9)),
        _ => None,
    }
}

/// A token of English number text.
#[derive(Clone, Debug, PartialEq)]
struct Tok<'a> {
    start: usize,
    end: usize,
    word: String,
    raw: &'a str,
}

/// The most tokens a reading looks at: the longest number in words
/// (`nine hundred and ninety-nine trillion nine hundred and …`, five groups
/// of seven) with what may follow it (`and a half`, `out of`) is far
/// shorter. Without a bound, text with no punctuation (`a hundred a dozen
/// a third …` for megabytes) was read to its end at every word that may
/// begin a number: quadratic time, and memory for every word.
const MAX_TOKENS: usize = 64;

/// Words (lower-cased), hyphens and numbers from `at`, up to the first
/// character that cannot continue English number text, and at most
/// [`MAX_TOKENS`] of them.
fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    let bytes = s.as_bytes();
    while i < s.len() && out.len() < MAX_TOKENS {
        let c = bytes[i] as char;
        if c == ' ' || c == '\t' {
            i += 1;
            continue;
        }
        if c.is_ascii_alphabetic() {
            let start = i;
            while i < s.len() && (bytes[i] as char).is_ascii_alphabetic() {
                i += 1;
            }
            out.push(Tok {
                start,
                end: i,
                word: s[start..i].to_ascii_lowercase(),
                raw: &s[start..i],
            });
            continue;
        }
        if c == '-' {
            out.push(Tok {
                start: i,
                end: i + 1,
                word: "-".into(),
                raw: &s[i..i + 1],
            });
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            let start = i;
            while i < s.len()
                && ((bytes[i] as char).is_ascii_digit()
                    || (bytes[i] == b'.'
                        && i + 1 < s.len()
                        && (bytes[i + 1] as char).is_ascii_digit()))
            {
                i += 1;
            }
            out.push(Tok {
                start,
                end: i,
                word: s[start..i].to_string(),
                raw: &s[start..i],
            });
            continue;
        }
        break;
    }
    out
}

/// Whether English number text can begin at the start of `s`: a number word,
/// digits, or `a`/`an`/`half`/`quarter`/`hundreds`/`and`, maybe after
/// `minus`/`negative`.
/// Decided from the first word or two, before the (costly) tokens are made:
/// the lexer asks at every word of English prose.
fn may_start_number(s: &str) -> bool {
    may_start_number_with(s, true)
}

/// [`may_start_number`], `filtered` by the keys of the first words (the
/// test holds the two readings equal).
fn may_start_number_with(s: &str, filtered: bool) -> bool {
    // The word at `from` (after spaces) as written, and where it ends.
    let word_at = |from: usize| -> Option<(usize, &str)> {
        let rest = s.get(from..)?;
        let rest_trimmed = rest.trim_start_matches([' ', '\t']);
        let skipped = rest.len() - rest_trimmed.len();
        let len = rest_trimmed
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        (len > 0).then(|| (from + skipped + len, &rest_trimmed[..len]))
    };
    if s.trim_start_matches([' ', '\t'])
        .starts_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    let Some((mut end, mut w)) = word_at(0) else {
        return false;
    };
    if filtered && !may_be_first_word(w.as_bytes()) {
        return false;
    }
    if SIGNS.iter().any(|sign| w.eq_ignore_ascii_case(sign)) {
        if s[end..]
            .trim_start_matches([' ', '\t'])
            .starts_with(|c: char| c.is_ascii_digit())
        {
            return true;
        }
        match word_at(end) {
            Some((e, next)) => (end, w) = (e, next),
            None => return false,
        }
    }
    let mut buf = [0; WORD_BUF];
    let Some(w) = lowered(w, &mut buf) else {
        return false; // longer than any number word
    };
    // `a` and `an` are one only before a word that counts (most often they
    // are articles): the word right after, as the reading sees it.
    if ARTICLES.contains(&w) {
        let mut next_buf = [0; WORD_BUF];
        return word_at(end)
            .and_then(|(_, next)| lowered(next, &mut next_buf))
            .is_some_and(counted_after_a);
    }
    is_number_word(w) || LEADS.contains(&w)
}

/// Room for the longest number or scale word, in [`lowered`].
const WORD_BUF: usize = 16;

/// `word` (ASCII letters) in lower case, written into `buf`: the lexer asks
/// at every word of English prose, and this spares it an allocation each
/// time. `None` when the word is longer than the buffer, and so than any
/// number or scale word.
fn lowered<'b>(word: &str, buf: &'b mut [u8; WORD_BUF]) -> Option<&'b str> {
    let out = buf.get_mut(..word.len())?;
    for (o, b) in out.iter_mut().zip(word.bytes()) {
        *o = b.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
}

/// Whether `a` or `an` before `next` (a token, in lower case) is the number
/// one: a hundred, a million, a dozen, a third, a twentieth.
fn counted_after_a(next: &str) -> bool {
    next == "hundred"
        || next == "thousand"
        || scale_word(next).is_some()
        || next.starts_with("dozen")
        || ordinal_word(next).is_some_and(|_| next != "first" && next != "second")
        || big_ordinal(next).is_some()
        || tens_word(next).is_some()
}

/// A cardinal read from `toks[from..]`: value, index after it, and whether it
/// ended on "and".
struct Cardinal {
    value: Num,
    next: usize,
}

fn is_number_word(w: &str) -> bool {
    unit_word(w).is_some() || tens_word(w).is_some() || w == "hundred" || scale_word(w).is_some()
}

/// Reads a cardinal: `one hundred and sixty-one`, `twenty-one trillion three
/// hundred`, `2 million`, `322 hundred`. Stops before anything else.
fn cardinal(toks: &[Tok], from: usize) -> Option<Cardinal> {
    let mut total = Num::zero();
    let mut current = Num::zero();
    let mut i = from;
    let mut last: Option<&str> = None; // kind of the last part read
    let mut end = from;
    let mut last_scale = u32::MAX;
    while i < toks.len() {
        let w = toks[i].word.as_str();
        if w == "and" {
            // one hundred and six, two thousand and two: only after hundred or
            // a scale, and only before more of the number.
            let after_ok = toks.get(i + 1).is_some_and(|t| {
                let digits = t.word.bytes().all(|b| b.is_ascii_digit());
                let small_digits = digits
                    && crate::exact::parse_decimal(&t.word)
                        .is_some_and(|(v, _)| v > int(0) && v < int(100));
                let then_big = toks
                    .get(i + 2)
                    .is_some_and(|n| n.word == "hundred" || scale_word(&n.word).is_some());
                (unit_word(&t.word).is_some() || tens_word(&t.word).is_some() || small_digits)
                    && !(digits && then_big)
            });
            if !matches!(last, Some("hundred") | Some("scale")) || !after_ok {
                break;
            }
            i += 1;
            continue;
        }
        if w == "-" {
            // Only inside twenty-one.
            if last == Some("tens")
                && i + 1 < toks.len()
                && unit_word(&toks[i + 1].word).is_some_and(|u| (1..10).contains(&u))
            {
                i += 1;
                continue;
            }
            break;
        }
        if let Some(u) = unit_word(w) {
            match last {
                Some("unit") | Some("digits") => break,
                Some("tens") if u >= 10 || u == 0 => break,
                _ => {}
            }
            current += int(u);
            last = Some("unit");
            i += 1;
            end = i;
            continue;
        }
        if let Some(t) = tens_word(w) {
            if matches!(last, Some("unit") | Some("tens") | Some("digits"))
                && !(current.is_zero())
                && !(&current % int(100)).is_zero()
            {
                break;
            }
            if matches!(last, Some("unit") | Some("digits"))
                && (&current % int(100)).is_zero()
                && !current.is_zero()
            {
                // "one hundred twenty" fine; "five twenty" is not one number.
            }
            current += int(t);
            last = Some("tens");
            i += 1;
            end = i;
            continue;
        }
        if w.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            if last.is_some() && last != Some("scale") && last != Some("hundred") {
                break;
            }
            if last.is_some() && toks[i - 1].word != "and" && last == Some("hundred") {
                break;
            }
            let (v, _) = crate::exact::parse_decimal(w)?;
            if last == Some("hundred") && w.contains('.') {
                break;
            }
            current += v;
            last = Some("digits");
            i += 1;
            end = i;
            continue;
        }
        if w == "hundred" || w == "hundreds" {
            if last == Some("hundred") {
                break;
            }
            if current.is_zero() {
                current = int(1);
            }
            current *= int(100);
            last = Some("hundred");
            i += 1;
            end = i;
            continue;
        }
        if let Some(e) = scale_word(w) {
            if current.is_zero() {
                if last == Some("scale") && e > last_scale {
                    total *= crate::exact::pow10(e as i32); // lakh crore
                    i += 1;
                    end = i;
                    last_scale = e;
                    continue;
                }
                last?;
                break;
            }
            total += &current * crate::exact::pow10(e as i32);
            current = Num::zero();
            last = Some("scale");
            last_scale = e;
            i += 1;
            end = i;
            continue;
        }
        break;
    }
    if end == from {
        return None;
    }
    Some(Cardinal {
        value: total + current,
        next: end,
    })
}

/// Number words at the start of `s` (a word boundary): bytes read and value.
/// `one over three` and `1 out of 3` read as fractions.
pub fn words_at(s: &str) -> Option<(usize, Num)> {
    words_at_with(s, true)
}

/// Number words for a figure in a claim: `nine out of 12` is two figures
/// there, a part and a whole, not one fraction.
pub fn figure_words_at(s: &str) -> Option<(usize, Num)> {
    words_at_with(s, false)
}

fn words_at_with(s: &str, fractions_over: bool) -> Option<(usize, Num)> {
    if !may_start_number(s) {
        return None;
    }
    read_words(s, fractions_over)
}

/// [`words_at_with`] without the quick refusal.
fn read_words(s: &str, fractions_over: bool) -> Option<(usize, Num)> {
    let toks = tokens(s);
    if toks.is_empty() {
        return None;
    }
    let (neg, start) = match toks[0].word.as_str() {
        "minus" | "negative" => (true, 1),
        _ => (false, 0),
    };
    let (len, v) = unsigned(&toks, start, fractions_over)?;
    Some((len, if neg { -v } else { v }))
}

/// `fractions_over`: whether `over`, `out of` and `in` make fractions.
fn unsigned(toks: &[Tok], start: usize, fractions_over: bool) -> Option<(usize, Num)> {
    let first = toks.get(start)?.word.as_str();
    // "a" is one before hundred, thousand, a scale, dozen or a denominator
    // (the tokens are copied only then).
    let mut toks = std::borrow::Cow::Borrowed(toks);
    if first == "a" || first == "an" {
        let next = toks.get(start + 1)?.word.clone();
        if !counted_after_a(&next) {
            return None;
        }
        toks.to_mut()[start].word = "one".into();
        if next.starts_with("dozen") {
            return Some((toks[start + 1].end, int(12)));
        }
    }
    let toks = &toks[..];
    let first = toks[start].word.as_str();
    if first == "half" {
        if toks.get(start + 1).map(|t| t.word.as_str()) == Some("a")
            && toks
                .get(start + 2)
                .is_some_and(|t| t.word.starts_with("dozen"))
        {
            return Some((toks[start + 2].end, int(6)));
        }
        if let Some(e) = toks.get(start + 1).and_then(|t| scale_word(&t.word)) {
            return Some((toks[start + 1].end, crate::exact::pow10(e as i32) / int(2)));
        }
        return Some((toks[start].end, Num::one() / int(2)));
    }
    if first == "quarter" {
        let e = toks.get(start + 1).and_then(|t| scale_word(&t.word))?;
        return Some((toks[start + 1].end, crate::exact::pow10(e as i32) / int(4)));
    }
    // The run of tokens that can belong to the number, up to a denominator.
    let mut ord = start;
    while ord < toks.len() {
        let w = toks[ord].word.as_str();
        let numberish =
            is_number_word(w) || w == "and" || w == "-" || w.bytes().all(|b| b.is_ascii_digit());
        if !numberish {
            break;
        }
        ord += 1;
    }
    // A fraction: the run, then an ordinal (two thirds, one hundred thirty fifths).
    if let Some(ot) = toks.get(ord) {
        let ordinal = ordinal_word(&ot.word);
        let big = big_ordinal(&ot.word);
        if (ordinal.is_some() || big.is_some()) && ord > start {
            if let Some((e, v)) = mixed(toks, start, ord) {
                return Some((e, v));
            }
            if let Some(v) = fraction(&toks[start..ord], ordinal, big, &ot.word) {
                let mut end = ot.end;
                let mut v = v;
                // two thirds of a million
                if toks.get(ord + 1).map(|t| t.word.as_str()) == Some("of")
                    && toks.get(ord + 2).map(|t| t.word.as_str()) == Some("a")
                {
                    if let Some(e) = toks.get(ord + 3).and_then(|t| scale_word(&t.word)) {
                        v *= crate::exact::pow10(e as i32);
                        end = toks[ord + 3].end;
                    }
                }
                return Some((end, v));
            }
        }
    }
    let c = cardinal(toks, start)?;
    let value = c.value.clone();
    let next = c.next;
    let end = toks[next - 1].end;
    // Decimals: two hundred point zero three, point seventy-one.
    if toks.get(next).map(|t| t.word.as_str()) == Some("point") {
        return Some(point(toks, next, value, end));
    }
    // Dozens (three hundred and two dozens is 300 + 2 dozen).
    if let Some(t) = toks.get(next) {
        if matches!(t.word.as_str(), "dozen" | "dozens" | "dzs" | "dozs" | "dz") {
            if let Some(a) = toks[start..next].iter().rposition(|t| t.word == "and") {
                let a = start + a;
                if let (Some(head), Some(tail)) = (
                    whole_cardinal(&toks[start..a]),
                    whole_cardinal(&toks[a + 1..next]),
                ) {
                    return Some((t.end, head + tail * int(12)));
                }
            }
            return Some((t.end, value * int(12)));
        }
    }
    // one over three, one out of three, 1 in twenty-one
    if fractions_over {
        if let Some((e, v)) = over(toks, next, &value) {
            return Some((e, v));
        }
    }
    // and a half / and three quarters / and a half million
    if toks.get(next).map(|t| t.word.as_str()) == Some("and") {
        if let Some((e, frac, scale)) = and_fraction(toks, next + 1) {
            let own_scale = scale_word(&toks[next - 1].word).map(|e| crate::exact::pow10(e as i32));
            let v = match (scale, own_scale) {
                (Some(sc), None) => (value + frac) * sc,
                (Some(sc), Some(_)) => value + frac * sc,
                (None, Some(own)) => value + frac * own,
                (None, None) => value + frac,
            };
            return Some((e, v));
        }
    }
    Some((end, value))
}

/// `X and <proper fraction> [scale]`: one hundred and three quarters (100.75),
/// five billion and three quarters (5.75 billion), one billion and three
/// quarters million, two million and one half.
fn mixed(toks: &[Tok], start: usize, ord: usize) -> Option<(usize, Num)> {
    let run = &toks[start..ord];
    let a = run.iter().rposition(|t| t.word == "and")?;
    let whole = whole_cardinal(&run[..a])?;
    let num = whole_cardinal(&run[a + 1..])?;
    let ot = &toks[ord];
    if matches!(ot.word.as_str(), "first" | "firsts" | "second" | "seconds") {
        return None;
    }
    let o = ordinal_word(&ot.word)?;
    if num >= int(o) {
        return None;
    }
    let frac = num / int(o);
    let own_scale = (a > 0).then(|| scale_word(&run[a - 1].word)).flatten();
    let after_scale = toks.get(ord + 1).and_then(|t| scale_word(&t.word));
    Some(match (after_scale, own_scale) {
        (Some(e), None) => (
            toks[ord + 1].end,
            (whole + frac) * crate::exact::pow10(e as i32),
        ),
        (Some(e), Some(_)) => (
            toks[ord + 1].end,
            whole + frac * crate::exact::pow10(e as i32),
        ),
        (None, Some(e)) => (ot.end, whole + frac * crate::exact::pow10(e as i32)),
        (None, None) => (ot.end, whole + frac),
    })
}

/// Decimals after "point": digit words one by one, or one word for two
/// digits (point seventy-one).
fn point(toks: &[Tok], at: usize, value: Num, end: usize) -> (usize, Num) {
    let mut digits = String::new();
    let mut k = at + 1;
    while let Some(t) = toks.get(k) {
        if let Some(u) = unit_word(&t.word).filter(|u| *u < 10) {
            digits.push_str(&u.to_string());
            k += 1;
        } else if let Some(u) = unit_word(&t.word) {
            digits.push_str(&u.to_string());
            k += 1;
            break;
        } else if let Some(tn) = tens_word(&t.word) {
            let mut v = tn;
            k += 1;
            if toks.get(k).map(|t| t.word.as_str()) == Some("-") {
                if let Some(u) = toks.get(k + 1).and_then(|t| unit_word(&t.word)) {
                    v += u;
                    k += 2;
                }
            }
            digits.push_str(&v.to_string());
            break;
        } else {
            break;
        }
    }
    match crate::exact::parse_decimal(&format!("0.{digits}")) {
        Some((frac, _)) if !digits.is_empty() => (toks[k - 1].end, value + frac),
        _ => (end, value),
    }
}

/// `over`, `out of`, `in` between two numbers: a fraction. `out of` and `in`
/// only when it is a proper one (12 out of 10 is two numbers).
fn over(toks: &[Tok], next: usize, value: &Num) -> Option<(usize, Num)> {
    let t = toks.get(next)?;
    let (k, proper_only) = match t.word.as_str() {
        "over" => (next + 1, false),
        "in" => (next + 1, true),
        "out" if toks.get(next + 1).map(|t| t.word.as_str()) == Some("of") => (next + 2, true),
        _ => return None,
    };
    let d = cardinal(toks, k)?;
    let hundreds = toks.get(d.next).is_some_and(|t| t.word == "hundreds");
    let den = if hundreds {
        &d.value * int(100)
    } else {
        d.value.clone()
    };
    let end_idx = if hundreds { d.next } else { d.next - 1 };
    if den.is_zero() || (proper_only && value >= &den) {
        return None;
    }
    // $2000 over 3 years: a duration, not a fraction.
    if !proper_only
        && toks
            .get(end_idx + 1)
            .is_some_and(|t| t.word.chars().all(|c| c.is_ascii_alphabetic()) && t.word != "and")
    {
        return None;
    }
    Some((toks[end_idx].end, value / den))
}

/// After "and": `a half`, `one half`, `three quarters`, `two thirds`: a proper
/// fraction, with an optional scale after it (`and a half million`).
fn and_fraction(toks: &[Tok], k: usize) -> Option<(usize, Num, Option<Num>)> {
    let t = toks.get(k)?;
    let (num, dk) = if t.word == "a" || t.word == "an" {
        (Num::one(), k + 1)
    } else {
        let c = cardinal(toks, k)?;
        (c.value, c.next)
    };
    let dt = toks.get(dk)?;
    let d = ordinal_word(&dt.word)
        .filter(|_| !matches!(dt.word.as_str(), "first" | "second" | "firsts" | "seconds"))?;
    if num >= int(d) {
        return None;
    }
    let frac = num / int(d);
    if let Some(e) = toks.get(dk + 1).and_then(|t| scale_word(&t.word)) {
        return Some((toks[dk + 1].end, frac, Some(crate::exact::pow10(e as i32))));
    }
    Some((dt.end, frac, None))
}

/// Whether `toks` is one whole cardinal.
fn whole_cardinal(toks: &[Tok]) -> Option<Num> {
    if toks.is_empty() || matches!(toks.last()?.word.as_str(), "and" | "-") {
        return None;
    }
    let c = cardinal(toks, 0)?;
    (c.next == toks.len()).then_some(c.value)
}

/// The value of `numerator-tokens denominator-ordinal`. The tokens split into
/// a numerator and, before the ordinal, the rest of a compound denominator:
/// `thirty` (thirty fifths = 35ths), `one hundred` (one hundred fifth).
fn fraction(run: &[Tok], ordinal: Option<i64>, big: Option<Num>, word: &str) -> Option<Num> {
    if let Some(b) = big {
        return whole_cardinal(run).map(|n| n * b);
    }
    let o = ordinal?;
    let is_first_second = matches!(word, "first" | "firsts" | "second" | "seconds");
    for k in 1..=run.len() {
        let Some(num) = whole_cardinal(&run[..k]) else {
            continue;
        };
        let mut prefix = &run[k..];
        if prefix.last().is_some_and(|t| t.word == "-") {
            prefix = &prefix[..prefix.len() - 1];
        }
        let den = if prefix.is_empty() {
            (!is_first_second).then(|| int(o))
        } else if o < 10 && prefix.len() == 1 && tens_word(&prefix[0].word).is_some() {
            Some(int(tens_word(&prefix[0].word)? + o))
        } else {
            let starts_ok =
                unit_word(&prefix[0].word).is_some() || tens_word(&prefix[0].word).is_some();
            let body = if prefix.last()?.word == "and" {
                &prefix[..prefix.len() - 1]
            } else {
                prefix
            };
            let ends_ok = body
                .last()
                .is_some_and(|t| t.word == "hundred" || t.word == "thousand");
            match (starts_ok && ends_ok, whole_cardinal(body)) {
                (true, Some(v)) if o < 100 => Some(v + int(o)),
                _ => None,
            }
        };
        if let Some(den) = den {
            return Some(num / den);
        }
    }
    None
}

/// A scale word or suffix right after Arabic digits: `4.68 million`, `1.2bn`,
/// `12k`, `10M`, `2.33 k`. Returns the bytes read (including spaces) and the
/// power of ten.
pub fn scale_after(s: &str) -> Option<(usize, u32)> {
    let trimmed = s.trim_start_matches(' ');
    let mut gap = s.len() - trimmed.len();
    // A text wrapped at a fixed width may break the line before the word
    // (`291\nmillion`): one break, then the word in lower case.
    let trimmed = match trimmed.strip_prefix('\n') {
        Some(next) if gap == 0 && next.starts_with(|c: char| c.is_ascii_lowercase()) => {
            gap = 1;
            next
        }
        _ => trimmed,
    };
    if gap > 2 {
        return None;
    }
    let len = trimmed.bytes().take_while(u8::is_ascii_alphabetic).count();
    if len == 0 {
        return None;
    }
    let word = &trimmed[..len];
    // `635 K--2 students`, `K–12`: school grades, not thousands (`5k-10k`
    // is glued to its figure).
    let grades = gap > 0 && len <= 3 && trimmed[len..].starts_with(['-', '–', '—']);
    let e = match word {
        _ if grades => return None,
        "k" | "K" => 3,
        "M" | "MM" | "mil" => 6,
        "G" | "g" | "b" | "B" | "bn" | "bln" => 9,
        "tln" => 12,
        w if gap > 0 || w.len() > 2 => {
            let mut buf = [0; WORD_BUF];
            match lowered(w, &mut buf)? {
                "hundred" => 2,
                w => scale_word(w)?,
            }
        }
        _ => return None,
    };
    Some((gap + word.len(), e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::to_decimal_string;

    /// The quick refusal by length, first and last letter refuses no text
    /// the full reading would take: every word of the fixtures with the text
    /// after it, every number word in three cases before words that count,
    /// every string of up to three letters, and random text.
    #[test]
    fn first_word_keys_refuse_no_number() {
        let same = |s: &str| {
            assert_eq!(
                may_start_number_with(s, true),
                may_start_number_with(s, false),
                "{s:?}"
            );
        };
        let mut texts = Vec::new();
        let cases = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/cases");
        for p in std::fs::read_dir(cases).unwrap() {
            texts.push(std::fs::read_to_string(p.unwrap().path()).unwrap());
        }
        for t in &texts {
            for (i, _) in t.char_indices() {
                same(&t[i..crate::text::floor_boundary(t, i + 40)]);
            }
        }
        let words = UNIT_WORDS.iter().chain(&TENS_WORDS).map(|w| w.0);
        let words = words.chain(SCALE_WORDS.iter().map(|w| w.0));
        let words = words.chain(SIGNS.iter().chain(ARTICLES).chain(LEADS).copied());
        for w in words {
            for w in [
                w.to_string(),
                w.to_uppercase(),
                w[..1].to_uppercase() + &w[1..],
            ] {
                assert!(may_be_first_word(w.as_bytes()), "{w}");
                for after in ["", " hundred", " million", " dozen", " third", " 5", " of"] {
                    same(&format!("{w}{after}"));
                    same(&format!("minus {w}{after}"));
                }
            }
        }
        let letters: Vec<char> = ('a'..='z').chain('A'..='Z').collect();
        for &a in &letters {
            same(&a.to_string());
            for &b in &letters {
                same(&format!("{a}{b} hundred"));
                for c in ['a', 'd', 'e', 'n', 'o', 'r', 's', 't', 'x', 'y', 'F', 'H'] {
                    same(&format!("{a}{b}{c} million"));
                }
            }
        }
        proptest::proptest!(|(s in "[a-zA-Z]{1,12}( [a-zA-Z0-9]{1,9}){0,3}")| same(&s));
    }

    /// A run of words with no punctuation is read no further than a number
    /// can reach, and the longest numbers in words are still read whole.
    #[test]
    fn readings_stop_within_reach() {
        let run = "a hundred a dozen a third ".repeat(1000);
        assert_eq!(tokens(&run).len(), MAX_TOKENS);
        let longest = "nine hundred and ninety-nine trillion nine hundred and ninety-nine \
                       billion nine hundred and ninety-nine million nine hundred and \
                       ninety-nine thousand nine hundred and ninety-nine and a half";
        let (len, value) = words_at(&format!("{longest} {run}")).unwrap();
        assert_eq!(len, longest.len());
        assert_eq!(
            to_decimal_string(&value, 2),
            "999999999999999.5",
            "{longest}"
        );
    }

    /// Every number and scale word fits the buffer of [`lowered`]; a word too
    /// long for it is no number word.
    #[test]
    fn number_words_fit_the_lowering_buffer() {
        let mut buf = [0; WORD_BUF];
        for w in [
            "Quadrillion",
            "TRILLIONS",
            "seventeen",
            "Hundredths",
            "thousand",
            "NEGATIVE",
            "lakhs",
        ] {
            assert_eq!(lowered(w, &mut buf), Some(w.to_ascii_lowercase().as_str()));
        }
        assert_eq!(
            lowered("abcdefghijklmnop", &mut buf),
            Some("abcdefghijklmnop")
        );
        assert_eq!(lowered("Seventeenthousandth", &mut buf), None);
        assert!(!may_start_number("Seventeenthousandth patients"));
        assert!(may_start_number("Minus Seventeen"));
        assert_eq!(scale_after(" Trillion"), Some((9, 12)));
        assert_eq!(scale_after(" hundred"), Some((8, 2)));
        assert_eq!(scale_after(" hundreds"), None);
    }

    /// The quick refusal refuses nothing the full reading would accept:
    /// phrases of number words, fillers and punctuation, from a fixed seed.
    #[test]
    fn quick_refusal_loses_nothing() {
        const WORDS: &[&str] = &[
            "one",
            "Two",
            "twenty",
            "-",
            "hundred",
            "hundreds",
            "Hundreds",
            "thousand",
            "millions",
            "and",
            "a",
            "an",
            "half",
            "quarter",
            "thirds",
            "fifth",
            "point",
            "minus",
            "negative",
            "dozen",
            "dozens",
            "of",
            "over",
            "out",
            "in",
            "the",
            "patients",
            "3",
            "12.5",
            "zero",
            " ",
            ",",
            "first",
            "second",
            "bn",
            "k",
            "A",
            "An",
            "hundredth",
            "twentieth",
            "Million",
            "\t",
            "people",
            "a-",
            "thousandths",
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..40_000 {
            let mut phrase = String::new();
            for _ in 0..1 + (state % 6) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                phrase.push_str(WORDS[(state % WORDS.len() as u64) as usize]);
                phrase.push(' ');
            }
            for over in [false, true] {
                assert_eq!(
                    words_at_with(&phrase, over),
                    read_words(&phrase, over),
                    "{phrase:?}"
                );
            }
        }
    }

    fn w(s: &str) -> Option<(String, String)> {
        words_at(s).map(|(n, v)| (s[..n].to_string(), to_decimal_string(&v, 6)))
    }

    #[test]
    fn cardinals() {
        assert_eq!(
            w("one hundred and sixty-one"),
            Some(("one hundred and sixty-one".into(), "161".into()))
        );
        assert_eq!(
            w("twenty-one trillion and three hundred"),
            Some((
                "twenty-one trillion and three hundred".into(),
                "21000000000300".into()
            ))
        );
        assert_eq!(w("fifty - two"), Some(("fifty - two".into(), "52".into())));
        assert_eq!(w("three people"), Some(("three".into(), "3".into())));
        assert_eq!(
            w("two hundred point zero three"),
            Some(("two hundred point zero three".into(), "200.03".into()))
        );
    }

    #[test]
    fn fractions_and_dozens() {
        assert_eq!(w("two thirds").map(|x| x.1), Some("0.666667".into()));
        assert_eq!(w("one and a half").map(|x| x.1), Some("1.5".into()));
        assert_eq!(w("a quarter").map(|x| x.1), Some("0.25".into()));
        assert_eq!(w("half a dozen").map(|x| x.1), Some("6".into()));
        assert_eq!(
            w("one hundred thirty fifths").map(|x| x.1),
            Some("2.857143".into())
        );
        assert_eq!(
            w("one hundred and thirty fifths").map(|x| x.1),
            Some("26".into())
        );
        assert_eq!(
            w("three million and a half").map(|x| x.1),
            Some("3500000".into())
        );
    }

    #[test]
    fn scales_after_digits() {
        assert_eq!(scale_after(" million people"), Some((8, 6)));
        assert_eq!(scale_after("bn"), Some((2, 9)));
        assert_eq!(scale_after("k "), Some((1, 3)));
        assert_eq!(scale_after("ml"), None);
        assert_eq!(scale_after("m"), None);
    }
}
