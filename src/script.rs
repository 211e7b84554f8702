//! Traditional Chinese read as simplified, byte for byte.
//!
//! The lexer and the rules know simplified characters (`万`, `亿`, `两`,
//! `增长`, `占…的`); a report from Taiwan, Hong Kong or Macau, or a mainland
//! one in 繁體, writes `萬`, `億`, `兩`, `增長`, `佔…的`. Before a text is
//! analysed, [`simplified`] maps each traditional character to its simplified
//! form by OpenCC's Traditional-to-Simplified table (the `ferrous-opencc`
//! crate), character by character, and only where the simplified character
//! has the same UTF-8 length: every byte offset of the result is the
//! original's, so spans, lines and columns point into the file as written,
//! and labels and excerpts (cut from the original text) show it as written.
//! The corner brackets Taiwan and Hong Kong quote with become the quotation
//! marks of the mainland (`「三項原則」` is `“三项原则”`, as many bytes).
//! A message the checks made from the simplified text is given back the
//! original's words ([`restore`]): `12.5億元`, not `12.5亿元`.
//!
//! The table is asked of the library once, at first use, for every character
//! of the CJK blocks U+3400–U+9FFF (OpenCC's phrases, which pick among
//! simplified readings by context, do not change a figure or a unit). A text
//! with no traditional character is returned as it is, without a copy; the
//! scan for one looks at one bit per Han character, and a large text is
//! scanned and converted in blocks in parallel.

use rayon::prelude::*;
use std::borrow::Cow;
use std::sync::OnceLock;

/// The first code point of the table (CJK Symbols and Punctuation, then
/// Extension A from U+3400).
const FIRST: u32 = 0x3000;

/// Quotation marks written as corner brackets, and the marks they become
/// (each three bytes in UTF-8).
const QUOTES: [(char, char); 4] = [('「', '“'), ('」', '”'), ('『', '‘'), ('』', '’')];
/// One past the last (the end of CJK Unified Ideographs).
const END: u32 = 0xA000;
const SIZE: usize = (END - FIRST) as usize;

/// The traditional characters and their simplified forms.
struct Table {
    /// A bit for each code point from [`FIRST`]: set where it converts.
    traditional: Vec<u64>,
    /// The simplified form of each code point from [`FIRST`] (itself where
    /// it does not convert).
    simplified: Vec<char>,
}

impl Table {
    fn build() -> Table {
        let mut simplified: Vec<char> = (FIRST..END)
            .map(|cp| char::from_u32(cp).unwrap_or('\u{fffd}'))
            .collect();
        for &(from, to) in crate::script_table::PAIRS {
            if let Some(slot) = simplified.get_mut((u32::from(from) - FIRST) as usize) {
                *slot = to;
            }
        }
        for (from, to) in QUOTES {
            if let Some(slot) = simplified.get_mut((u32::from(from) - FIRST) as usize) {
                *slot = to;
            }
        }
        let mut traditional = vec![0u64; SIZE.div_ceil(64)];
        for (i, &to) in simplified.iter().enumerate() {
            if u32::from(to) != FIRST + i as u32 {
                traditional[i / 64] |= 1 << (i % 64);
            }
        }
        Table {
            traditional,
            simplified,
        }
    }

    /// The simplified form of the Han character whose code point is `cp`,
    /// where it differs.
    #[inline]
    fn convert(&self, cp: u32) -> Option<char> {
        let i = cp.checked_sub(FIRST)? as usize;
        let word = self.traditional.get(i / 64)?;
        if word & (1 << (i % 64)) == 0 {
            return None;
        }
        self.simplified.get(i).copied()
    }

    /// Where the first traditional character of `text` is, how many Han
    /// characters (U+3000..U+9FFF) it holds, and how many of them are
    /// traditional.
    fn count(&self, text: &str) -> (Option<usize>, usize, usize) {
        let (mut first, mut han, mut traditional) = (None, 0, 0);
        for (i, cp) in han_chars(text, 0) {
            han += 1;
            if self.convert(cp).is_some() {
                traditional += 1;
                first.get_or_insert(i);
            }
        }
        (first, han, traditional)
    }

    /// The first traditional character of `text` at or after `from` (a char
    /// boundary): its offset and simplified form.
    fn find(&self, text: &str, from: usize) -> Option<(usize, char)> {
        han_chars(text, from).find_map(|(i, cp)| Some((i, self.convert(cp)?)))
    }
}

/// The characters of U+3000..U+9FFF in `text` from `from` (a char
/// boundary), with their offsets: the three-byte sequences led by E3..E9;
/// every other byte (ASCII, a continuation, another lead) is passed one at
/// a time.
fn han_chars(text: &str, from: usize) -> impl Iterator<Item = (usize, u32)> + '_ {
    let b = text.as_bytes();
    let mut i = from;
    std::iter::from_fn(move || {
        while i + 2 < b.len() {
            let lead = b[i];
            if !(0xE3..=0xE9).contains(&lead) {
                i += 1;
                continue;
            }
            let cp = (u32::from(lead & 0x0F) << 12)
                | (u32::from(b[i + 1] & 0x3F) << 6)
                | u32::from(b[i + 2] & 0x3F);
            i += 3;
            return Some((i - 3, cp));
        }
        None
    })
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(Table::build)
}

/// A large text is scanned and converted in blocks of this size, in
/// parallel.
const BLOCK: usize = 1 << 20;

/// `text` with its traditional characters simplified, of the same length and
/// with the same character boundaries: every offset into it is an offset
/// into `text`. A text with none is returned as it is.
///
/// A text with some is copied once and changed in place, a large one in
/// blocks converted in parallel: the copy (and a few blocks) is all the
/// memory it takes.
pub fn simplified(text: &str) -> Cow<'_, str> {
    // No Han character at all (English): the table is not even built.
    if !text.bytes().any(|b| (0xE3..=0xE9).contains(&b)) {
        return Cow::Borrowed(text);
    }
    let table = table();
    // The blocks, cut between characters.
    let mut cuts = vec![0];
    while let Some(&last) = cuts.last() {
        if last >= text.len() {
            break;
        }
        let end = crate::text::floor_boundary(text, last.saturating_add(BLOCK));
        cuts.push(if end > last {
            end
        } else {
            last + text[last..].chars().next().map_or(1, char::len_utf8)
        });
    }
    let counts: Vec<(Option<usize>, usize, usize)> = cuts
        .par_windows(2)
        .map(|w| table.count(&text[w[0]..w[1]]))
        .collect();
    let (han, traditional) = counts.iter().fold((0, 0), |(h, t), c| (h + c.1, t + c.2));
    // A simplified text with a few traditional characters (a name, a
    // quotation) is read as it is: only a text written in the traditional
    // script (one Han character in a hundred, at least) is converted, and
    // copied for it.
    if traditional == 0 || traditional * 100 < han {
        return Cow::Borrowed(text);
    }
    let first: Vec<Option<usize>> = counts.iter().map(|c| c.0).collect();
    // The copy, and the blocks that hold a traditional character converted
    // a few at a time in parallel and written over their place in it (of
    // the same length: no other byte moves).
    let mut out = text.to_owned();
    let todo: Vec<(usize, usize, usize)> = cuts
        .windows(2)
        .zip(&first)
        .filter_map(|(w, at)| at.map(|at| (w[0], w[1], at)))
        .collect();
    for batch in todo.chunks(2 * rayon::current_num_threads().max(1)) {
        let done: Vec<(usize, usize, String)> = batch
            .par_iter()
            .map(|&(lo, hi, at)| (lo, hi, convert_block(table, &text[lo..hi], at)))
            .collect();
        for (lo, hi, block) in done {
            if block.len() == hi - lo {
                out.replace_range(lo..hi, &block);
            }
        }
    }
    Cow::Owned(out)
}

/// `block` with its traditional characters simplified; the first is at `at`.
fn convert_block(table: &Table, block: &str, at: usize) -> String {
    let mut out = String::with_capacity(block.len());
    let mut last = 0;
    let mut found = Some(at);
    while let Some((i, to)) = found.and_then(|from| table.find(block, from)) {
        out.push_str(&block[last..i]);
        out.push(to);
        last = i + to.len_utf8();
        found = Some(last);
    }
    out.push_str(&block[last..]);
    out
}

/// Whether `text` holds a traditional character.
pub fn has_traditional(text: &str) -> bool {
    table().find(text, 0).is_some()
}

/// `message`, made from `simplified` (the [`simplified`] form of
/// `original`) near the bytes `near`, with its words as `original` writes
/// them: each run of Han characters and CJK punctuation in it is looked for
/// within 2 KiB of `near`, and where it is found the original's bytes there
/// replace it. `None` when nothing changes.
pub fn restore(
    message: &str,
    simplified: &str,
    original: &str,
    near: (usize, usize),
) -> Option<String> {
    const REACH: usize = 2048;
    let in_table = |c: char| (FIRST..END).contains(&u32::from(c));
    if !message.chars().any(in_table) {
        return None;
    }
    let lo = crate::text::floor_boundary(simplified, near.0.saturating_sub(REACH));
    let hi = crate::text::floor_boundary(simplified, near.1.saturating_add(REACH));
    let window = simplified.get(lo..hi)?;
    let mut out = String::with_capacity(message.len());
    let mut changed = false;
    let mut rest = message;
    while let Some(start) = rest.find(in_table) {
        out.push_str(&rest[..start]);
        let run_len = rest[start..]
            .find(|c: char| !in_table(c))
            .unwrap_or(rest.len() - start);
        let run = &rest[start..start + run_len];
        let written = window
            .find(run)
            .and_then(|i| original.get(lo + i..lo + i + run.len()));
        match written {
            Some(w) if w != run => {
                out.push_str(w);
                changed = true;
            }
            _ => out.push_str(run),
        }
        rest = &rest[start + run_len..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_becomes_simplified_byte_for_byte() {
        let t = "全市需大病救治17093人，已救治17025人，救治進度99.3%；經費8億4,000萬元，佔總數兩成";
        let s = simplified(t);
        assert_eq!(
            s,
            "全市需大病救治17093人，已救治17025人，救治进度99.3%；经费8亿4,000万元，占总数两成"
        );
        assert_eq!(s.len(), t.len());
        for (a, b) in t.char_indices().zip(s.char_indices()) {
            assert_eq!(a.0, b.0);
        }
    }

    #[test]
    fn simplified_and_english_text_is_not_copied() {
        for t in [
            "全市需大病救治17093人,已救治17025人,救治进度99.3%",
            "Of the 1,250 patients, 1,100 (88%) recovered.",
            "",
            "\u{4e00}",
        ] {
            assert!(matches!(simplified(t), Cow::Borrowed(_)), "{t}");
            assert!(!has_traditional(t));
        }
        assert!(has_traditional("救治進度"));
    }

    #[test]
    fn corner_brackets_become_quotation_marks() {
        assert_eq!(simplified("「三項原則」『一』"), "“三项原则”‘一’");
    }

    #[test]
    fn messages_get_the_original_words_back() {
        let t = "營業收入由12.5億元增加到10億元";
        let s = simplified(t);
        let m = "the text says 增加, but 10亿元 is not more than 12.5亿元";
        assert_eq!(
            restore(m, &s, t, (0, t.len())).as_deref(),
            Some("the text says 增加, but 10億元 is not more than 12.5億元")
        );
        assert_eq!(restore("17025 / 17093", &s, t, (0, 3)), None);
        assert_eq!(restore("增加", &s, t, (0, 3)), None);
    }

    /// A text larger than a block is converted in blocks, cut between
    /// characters, with the same result as whole.
    #[test]
    fn large_texts_are_converted_in_blocks() {
        let line = "本年度預算數8,265千元，較上年度增列2,000千元。\n";
        let t = line.repeat(3 * BLOCK / line.len());
        let s = simplified(&t);
        assert_eq!(s.len(), t.len());
        assert_eq!(
            s,
            "本年度预算数8,265千元，较上年度增列2,000千元。\n".repeat(3 * BLOCK / line.len())
        );
        let plain = "本年度预算数8,265千元。\n".repeat(2 * BLOCK / 20);
        assert!(matches!(simplified(&plain), Cow::Borrowed(_)));
    }
}

/// The character pairs of `src/script_table.rs` are OpenCC's `t2s`, each
/// character converted alone where its simplified form has the same UTF-8
/// length (`cargo test --lib regenerate_script_table -- --ignored` writes
/// the file anew).
#[cfg(test)]
mod opencc {
    fn pairs() -> Vec<(char, char)> {
        let map = ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s)
            .expect("OpenCC t2s");
        (super::FIRST..super::END)
            .filter_map(char::from_u32)
            .filter_map(|c| {
                let one = map.convert(c.encode_utf8(&mut [0; 4]));
                let mut it = one.chars();
                match (it.next(), it.next()) {
                    (Some(to), None) if to != c && to.len_utf8() == c.len_utf8() => Some((c, to)),
                    _ => None,
                }
            })
            .collect()
    }

    #[test]
    fn the_table_is_opencc_t2s() {
        assert_eq!(crate::script_table::PAIRS, &pairs()[..]);
    }

    #[test]
    #[ignore]
    fn regenerate_script_table() {
        let mut out = String::from(
            "//! Traditional characters and their simplified forms (OpenCC `t2s`, a\n\
             //! character alone, where both are as long in UTF-8), generated by\n\
             //! `cargo test --lib regenerate_script_table -- --ignored`; `script.rs`\n\
             //! reads them.\n\n\
             /// (traditional, simplified), by code point.\n\
             pub static PAIRS: &[(char, char)] = &[\n",
        );
        for (a, b) in pairs() {
            out.push_str(&format!("    ('{a}', '{b}'),\n"));
        }
        out.push_str("];\n");
        std::fs::write(
            concat!(env!("CARGO_MANIFEST_DIR"), "/src/script_table.rs"),
            out,
        )
        .unwrap();
    }
}
