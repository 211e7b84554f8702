//! Positions and segments of a text: byte offsets to 1-based line and
//! character columns, and the sentences and clauses claims are found in.
//!
//! Scraped reports break lines in the middle of sentences (`17093\n\n人`), so
//! line breaks never end a sentence here; only sentence punctuation does.
//! `；` ends a sentence too: two claims joined by it are two claims.

/// Maps byte offsets to (line, column), both 1-based, columns in characters.
///
/// Columns are counted from the nearest checkpoint (every few kilobytes), so
/// placing a finding costs the same on a 10 MB line as on a short one.
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// (byte offset, characters from its line's start), every ~4 KiB.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 4096;

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        // Only a line longer than a checkpoint needs checkpoints inside it.
        let mut checkpoints = vec![(0, 0)];
        let ends = line_starts[1..].iter().copied().chain([text.len()]);
        for (start, end) in line_starts.iter().copied().zip(ends) {
            let (mut at, mut col) = (start, 0);
            while end - at > CHECKPOINT {
                let next = ceil_boundary(text, at + CHECKPOINT);
                col += text[at..next].chars().count();
                at = next;
                checkpoints.push((at, col));
            }
        }
        LineIndex {
            text,
            line_starts,
            checkpoints,
        }
    }

    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let k = self.checkpoints.partition_point(|&(b, _)| b <= offset) - 1;
        let (from, base) = match self.checkpoints[k] {
            (b, c) if b >= start => (b, c),
            _ => (start, 0),
        };
        let col = base + self.text[from..offset].chars().count();
        (line + 1, col + 1)
    }
}

/// A Han character of the basic block (the characters of Chinese text).
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// A byte range of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

// Full-width punctuation is written as escapes: it looks like ASCII in many
// editors, and a match arm that silently became ASCII is a bug nobody sees.
pub const FW_COMMA: char = '\u{FF0C}';
pub const FW_SEMICOLON: char = '\u{FF1B}';
pub const FW_COLON: char = '\u{FF1A}';
pub const FW_OPEN_PAREN: char = '\u{FF08}';
pub const FW_CLOSE_PAREN: char = '\u{FF09}';
pub const FW_EXCLAMATION: char = '\u{FF01}';
pub const FW_QUESTION: char = '\u{FF1F}';

/// Characters that end a sentence.
const SENTENCE_ENDS: [char; 7] = [
    '。',
    ';',
    '!',
    '?',
    FW_SEMICOLON,
    FW_EXCLAMATION,
    FW_QUESTION,
];

/// Characters that end a clause but not a sentence.
const CLAUSE_ONLY_ENDS: [char; 4] = [',', FW_COMMA, ':', FW_COLON];

/// Characters that end a sentence.
pub fn is_sentence_end(c: char) -> bool {
    SENTENCE_ENDS.contains(&c)
}

/// Characters that end a clause within a sentence.
pub fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || CLAUSE_ONLY_ENDS.contains(&c)
}

pub fn is_comma(c: char) -> bool {
    c == ',' || c == FW_COMMA
}

/// The opening brackets.
pub const OPEN_PARENS: [char; 4] = ['(', FW_OPEN_PAREN, '〔', '【'];

pub fn is_open_paren(c: char) -> bool {
    OPEN_PARENS.contains(&c)
}

pub fn is_close_paren(c: char) -> bool {
    c == ')' || c == FW_CLOSE_PAREN || c == '〕' || c == '】'
}

/// How many brackets `s` leaves open (negative: closes more than it opens).
/// `(`, `（`, `〔`, `【` and `[`, with their closers.
pub fn bracket_depth(s: &str) -> i32 {
    s.chars().fold(0, |d, c| match c {
        c if is_open_paren(c) || c == '[' => d + 1,
        c if is_close_paren(c) || c == ']' => d - 1,
        _ => d,
    })
}

/// Whether `s` leaves a quotation open (`“两个确保`, `「三通`): a figure
/// after it is part of a name.
pub fn in_quotes(s: &str) -> bool {
    s.chars().fold(0i32, |d, c| match c {
        '“' | '「' | '『' => d + 1,
        '”' | '」' | '』' => d - 1,
        _ => d,
    }) > 0
}

pub fn is_colon(c: char) -> bool {
    c == ':' || c == FW_COLON
}

/// The first byte of `c` in UTF-8.
const fn lead_byte(c: char) -> u8 {
    let u = c as u32;
    (match u {
        0..0x80 => u,
        0x80..0x800 => 0xc0 | (u >> 6),
        0x800..0x10000 => 0xe0 | (u >> 12),
        _ => 0xf0 | (u >> 18),
    }) as u8
}

/// Which bytes begin a character of one of `lists`.
const fn leads(lists: &[&[char]]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut k = 0;
    while k < lists.len() {
        let mut i = 0;
        while i < lists[k].len() {
            table[lead_byte(lists[k][i]) as usize] = true;
            i += 1;
        }
        k += 1;
    }
    table
}

/// The first bytes of the characters that may end a sentence (with `.`).
static SENTENCE_LEADS: [bool; 256] = leads(&[&SENTENCE_ENDS, &['.']]);

/// The first bytes of the opening brackets.
static OPEN_PAREN_LEADS: [bool; 256] = leads(&[&OPEN_PARENS]);

/// The opening brackets of `text`, with their offsets, found by their first
/// bytes, as the endings of sentences are.
pub fn open_parens(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    marked(text, &OPEN_PAREN_LEADS).filter(|&(_, c)| is_open_paren(c))
}

/// The first bytes of the characters that may end a clause.
static CLAUSE_LEADS: [bool; 256] = leads(&[&SENTENCE_ENDS, &CLAUSE_ONLY_ENDS]);

/// The characters of `text` (with their offsets) whose first byte is marked
/// in `leads`; every other byte is passed without decoding. (A byte marked is
/// ASCII or a lead byte, so it always begins a character.)
///
/// Byte by byte: stepping over whole characters by their first byte took a
/// third of the instructions, but each step then waits for the table lookup
/// of the one before, and a run took 7 % longer.
fn marked<'t>(
    text: &'t str,
    leads: &'static [bool; 256],
) -> impl Iterator<Item = (usize, char)> + 't {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            if leads[bytes[i] as usize] {
                let at = i;
                let c = text[at..].chars().next()?;
                i += c.len_utf8();
                return Some((at, c));
            }
            i += 1;
        }
        None
    })
}

/// Splits `text` into spans ended by characters for which `end` is true (each
/// begins with a byte of `leads`); the ending character belongs to the span
/// it ends. Empty spans are dropped.
fn split_spans(
    text: &str,
    base: usize,
    leads: &'static [bool; 256],
    end: impl Fn(char) -> bool,
) -> Vec<Span> {
    spans_ended_by(text, base, marked(text, leads), |_, c| end(c))
}

/// Splits `text` (at offset `base` of its document) at the characters of
/// `candidates` (with their offsets, in order) for which `stop` holds; the
/// stopping character belongs to the span it ends, and spans of nothing but
/// spaces are dropped.
fn spans_ended_by(
    text: &str,
    base: usize,
    candidates: impl Iterator<Item = (usize, char)>,
    stop: impl Fn(usize, char) -> bool,
) -> Vec<Span> {
    // Room for a sentence's clauses at once (most have fewer).
    let mut out = Vec::with_capacity(8);
    let mut start = 0;
    for (i, c) in candidates {
        if stop(i, c) {
            let e = i + c.len_utf8();
            if !text[start..i].trim().is_empty() {
                out.push(Span::new(base + start, base + e));
            }
            start = e;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(Span::new(base + start, base + text.len()));
    }
    out
}

/// Words before a full stop that do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "no", "nos", "p", "pp", "fig", "figs", "dr", "mr", "mrs", "ms", "st", "vs", "etc", "e.g",
    "i.e", "approx", "nr", "nrs", "vol", "art", "sec",
];

/// Whether the `.` at byte `i` ends an English sentence: followed by a space,
/// a line break or the end, and not after an abbreviation (`No.`) or a list
/// marker (`1.` at the start of a line).
fn full_stop_ends(text: &str, i: usize) -> bool {
    let after = &text[i + 1..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return false;
    }
    let before = &text[..i];
    // The word before: ASCII letters, digits and points (no longer than the
    // longest abbreviation is looked at, so a long run costs nothing).
    let word_start = before
        .bytes()
        .rev()
        .take(ABBREVIATION_MAX + 1)
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'.')
        .count();
    let word = &before[before.len() - word_start..];
    if ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)) {
        return false;
    }
    // 1. at the start of a line is a list marker: nothing but digits (and
    // spaces) since the line began. Read back from the point, not from the
    // line's start: a scraped paragraph is one long line of many sentences.
    let space = |c: char| c.is_whitespace() && c != '\n';
    let rest = before.trim_end_matches(space);
    let digits = rest.len() - rest.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let rest = rest[..rest.len() - digits].trim_end_matches(space);
    !(digits > 0 && (rest.is_empty() || rest.ends_with('\n')))
}

/// The length of the longest of [`ABBREVIATIONS`].
const ABBREVIATION_MAX: usize = {
    let mut max = 0;
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > max {
            max = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    max
};

/// The sentences of a text.
pub fn sentences(text: &str) -> Vec<Span> {
    spans_ended_by(text, 0, marked(text, &SENTENCE_LEADS), |i, c| {
        is_sentence_end(c) || (c == '.' && full_stop_ends(text, i))
    })
}

/// A set of byte offsets of a text, a bit for each byte up to the last (a
/// large Markdown table has a block end in every cell, and offsets of eight
/// bytes each took as much memory as the text).
#[derive(Clone, Debug, Default)]
pub struct Offsets(Vec<u64>);

/// Byte offsets of a text where blocks end (paragraphs, cells): a sentence
/// never runs across them.
pub type Breaks = Offsets;

impl Offsets {
    pub fn insert(&mut self, i: usize) {
        if self.0.len() <= i / 64 {
            self.0.resize(i / 64 + 1, 0);
        }
        self.0[i / 64] |= 1 << (i % 64);
    }

    pub fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    /// Whether no offset is in the set: every word is there for an offset
    /// inserted (the last holds one), so none are.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The offsets in `range`, in order.
    pub fn within(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let end = range.end.min(self.0.len() * 64);
        let first = range.start / 64;
        let words = self.0.get(first..end.div_ceil(64)).unwrap_or(&[]);
        words.iter().enumerate().flat_map(move |(k, &w)| {
            let base = (first + k) * 64;
            // The word's bits, from the lowest set one up.
            std::iter::successors(Some(w).filter(|&w| w != 0), |&w| {
                Some(w & (w - 1)).filter(|&w| w != 0)
            })
            .map(move |w| base + w.trailing_zeros() as usize)
            .filter(move |&b| b >= range.start && b < end)
        })
    }

    /// Every offset, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.within(0..usize::MAX)
    }
}

impl FromIterator<usize> for Offsets {
    fn from_iter<I: IntoIterator<Item = usize>>(offsets: I) -> Offsets {
        let mut set = Offsets::default();
        for i in offsets {
            set.insert(i);
        }
        set
    }
}

/// Splits sentences further at `breaks`. Pieces with nothing but spaces are
/// dropped.
pub fn split_at(sentences: Vec<Span>, breaks: &Breaks) -> Vec<Span> {
    if breaks.is_empty() {
        return sentences;
    }
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut start = s.start;
        for b in breaks.within(s.start + 1..s.end) {
            out.push(Span::new(start, b));
            start = b;
        }
        out.push(Span::new(start, s.end));
    }
    out
}

/// The clauses of a sentence.
pub fn clauses(text: &str, sentence: Span) -> Vec<Span> {
    split_spans(
        sentence.slice(text),
        sentence.start,
        &CLAUSE_LEADS,
        is_clause_end,
    )
}

/// The language of a sentence, which decides the rules that read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Chinese when Han characters are at least a third of the letters, English
/// when Latin letters are the rest; a sentence of digits alone is Chinese.
pub fn sentence_lang(s: &str) -> Lang {
    let (han, latin) = han_and_latin(s.as_bytes());
    if han * 3 >= latin || latin < 4 {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// How many characters of U+4E00..=U+9FFF and how many ASCII letters `bytes`
/// (UTF-8) hold. A character of the block is three bytes led by E5..E9, or
/// by E4 with a second byte of B8 or more.
fn han_and_latin(bytes: &[u8]) -> (usize, usize) {
    let letter = |b: u8| u8::from((b | 0x20).wrapping_sub(b'a') < 26);
    let han_lead =
        |b: u8, next: u8| u8::from((b.wrapping_sub(0xE5) < 5) | (b == 0xE4) & (next >= 0xB8));
    let Some(&last) = bytes.last() else {
        return (0, 0);
    };
    // Each byte with the one after it; the last byte has none.
    (
        count_pairs(bytes, han_lead) + usize::from(han_lead(last, 0)),
        count_pairs(bytes, |b, _| letter(b)) + usize::from(letter(last)),
    )
}

/// How many pairs of neighbouring bytes, `(bytes[i], bytes[i + 1])`, `pred`
/// counts (it answers 0 or 1). For scans of every byte of a text: counted
/// without branches in one-byte lanes, 255 pairs at a time, so that the loop
/// is vectorised sixteen or more bytes a step.
fn count_pairs(bytes: &[u8], pred: impl Fn(u8, u8) -> u8) -> usize {
    let Some(heads) = bytes.len().checked_sub(1).map(|n| &bytes[..n]) else {
        return 0;
    };
    let mut count = 0;
    for (head, next) in heads.chunks(255).zip(bytes[1..].chunks(255)) {
        let mut lane = 0u8;
        for (&b, &n) in head.iter().zip(next) {
            lane += pred(b, n);
        }
        count += usize::from(lane);
    }
    count
}

/// The char boundary at or before `i`, `i` clamped to the text.
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char boundary at or after `i`, `i` clamped to the text.
pub fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The last `n` bytes (or fewer, on a char boundary) of `text[..end]`, trailing
/// spaces trimmed, in lower case: the words right before a figure, without
/// copying everything before it.
pub fn tail_lower(text: &str, end: usize, n: usize) -> String {
    let start = ceil_boundary(text, end.saturating_sub(n));
    text[start..end].trim_end().to_ascii_lowercase()
}

/// Text with whitespace removed, for comparing words across scraped line
/// breaks (`中央预算内投\n\n资` is `中央预算内投资`).
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The breaks in a range are the offsets inserted that lie in it, in
        /// order, once each.
        #[test]
        fn breaks_within_a_range_are_those_inserted(
            offsets in proptest::collection::vec(0usize..700, 0..60),
            a in 0usize..800,
            len in 0usize..800,
        ) {
            let breaks: Breaks = offsets.iter().copied().collect();
            let mut want: Vec<usize> = offsets.into_iter().filter(|&b| b >= a && b < a + len).collect();
            want.sort_unstable();
            want.dedup();
            proptest::prop_assert_eq!(breaks.within(a..a + len).collect::<Vec<_>>(), want.clone());
            proptest::prop_assert_eq!(breaks.is_empty(), breaks.iter().next().is_none());
        }
    }

    /// `len` characters drawn from `alphabet` by a xorshift generator.
    fn random_text(state: &mut u64, alphabet: &[char], len: usize) -> String {
        (0..len)
            .map(|_| {
                *state ^= *state << 13;
                *state ^= *state >> 7;
                *state ^= *state << 17;
                alphabet[(*state % alphabet.len() as u64) as usize]
            })
            .collect()
    }

    /// The byte count agrees with counting the characters themselves, at
    /// the edges of the Han block too.
    #[test]
    fn sentence_language_counts_han_and_latin() {
        let by_chars = |s: &str| {
            let han = s
                .chars()
                .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                .count();
            let latin = s.chars().filter(|c| c.is_ascii_alphabetic()).count();
            if han * 3 >= latin || latin < 4 {
                Lang::Zh
            } else {
                Lang::En
            }
        };
        for s in [
            "全市需大病救治17093人",
            "Of the 1,250 patients, 1,100 (88%) recovered.",
            "abcd\u{4dff}\u{4dff}",
            "abcdef\u{4e00}\u{9fff}",
            "abcdef\u{a000}\u{a000}\u{a000}",
            "abcdefgh\u{4e00}",
            "123 45",
            "",
        ] {
            assert_eq!(sentence_lang(s), by_chars(s), "{s}");
        }
    }

    /// The counts in one-byte counters, 255 bytes at a time, are the counts
    /// of the characters, for texts of every length up to a few chunks.
    #[test]
    fn han_and_latin_count_across_chunks() {
        let alphabet = [
            'a', 'Z', '一', '人', '\u{4dff}', '\u{9fff}', '\u{a000}', '7', ' ', '。', '䷀', 'é',
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for len in 0..700 {
            let s = random_text(&mut state, &alphabet, len);
            let han = s
                .chars()
                .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                .count();
            let latin = s.chars().filter(|c| c.is_ascii_alphabetic()).count();
            assert_eq!(han_and_latin(s.as_bytes()), (han, latin), "{s}");
        }
        let long = "人".repeat(300) + &"a".repeat(600);
        assert_eq!(han_and_latin(long.as_bytes()), (300, 600));
    }

    /// [`full_stop_ends`] as first written: the word before collected, the
    /// line read from its start.
    fn full_stop_ends_by_definition(text: &str, i: usize) -> bool {
        let after = &text[i + 1..];
        if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
            return false;
        }
        let before = &text[..i];
        let word: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
            .collect();
        let word: String = word.chars().rev().collect::<String>().to_ascii_lowercase();
        if ABBREVIATIONS.contains(&word.as_str()) {
            return false;
        }
        let line = &before[before.rfind('\n').map_or(0, |k| k + 1)..];
        if !line.trim().is_empty() && line.trim().chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
        true
    }

    #[test]
    fn full_stops_end_sentences_as_defined() {
        assert_eq!(
            ABBREVIATIONS.iter().map(|a| a.len()).max(),
            Some(ABBREVIATION_MAX)
        );
        let check = |t: &str| {
            for (i, _) in t.match_indices('.') {
                assert_eq!(
                    full_stop_ends(t, i),
                    full_stop_ends_by_definition(t, i),
                    "{t:?} at {i}"
                );
            }
        };
        for t in [
            "No. 5 and Fig. 2. Done.",
            "1. First\n 12. Second\r\n3 . x",
            "e.g. this. I.E. that. approx. 5. sec.\n",
            "a\u{3000}7. b\n\t42.\n",
            "NOS. 4. Vol. 2. ART. 3. mrs. x",
            "xno. 7. 1.2.3. ab12. \u{e9}no. z",
            "xapprox. 5 and 9approx. 6 and .approx. 7",
        ] {
            check(t);
        }
        proptest::proptest!(|(t in "[aeginopsvx0-9. \n\r\t\u{3000}\u{e9}]{0,40}")| check(&t));
    }

    /// Scanning for first bytes finds the sentences, clauses and opening
    /// brackets that reading every character finds, in text of one- to
    /// four-byte characters and every ending.
    #[test]
    fn scanning_by_first_bytes_splits_as_reading_every_character() {
        fn by_chars(text: &str, stop: impl Fn(usize, char) -> bool) -> Vec<Span> {
            spans_ended_by(text, 0, text.char_indices(), stop)
        }
        let alphabet: Vec<char> = "a1 .。,，;；:：!！?？、人é€😀\n\u{3000}「(（〔【)"
            .chars()
            .collect();
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for len in 0..400 {
            let text = random_text(&mut state, &alphabet, len % 60);
            let whole = Span::new(0, text.len());
            assert_eq!(
                clauses(&text, whole),
                by_chars(&text, |_, c| is_clause_end(c)),
                "{text:?}"
            );
            let sentence_end =
                |i: usize, c: char| is_sentence_end(c) || (c == '.' && full_stop_ends(&text, i));
            assert_eq!(sentences(&text), by_chars(&text, sentence_end), "{text:?}");
            let parens: Vec<(usize, char)> = text
                .char_indices()
                .filter(|&(_, c)| is_open_paren(c))
                .collect();
            assert_eq!(open_parens(&text).collect::<Vec<_>>(), parens, "{text:?}");
        }
    }

    /// Every character that ends a sentence or clause begins with a byte
    /// the quick scan stops at.
    #[test]
    fn the_lead_byte_tables_hold_every_ending() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            assert_eq!(lead_byte(c), first, "{c:?}");
            if is_sentence_end(c) || c == '.' {
                assert!(SENTENCE_LEADS[first as usize], "{c:?}");
            }
            if is_clause_end(c) {
                assert!(CLAUSE_LEADS[first as usize], "{c:?}");
            }
        }
        // Only ASCII and lead bytes: the scan never stops inside a character.
        for b in 0x80..0xc0 {
            assert!(!SENTENCE_LEADS[b] && !CLAUSE_LEADS[b]);
        }
    }

    #[test]
    fn columns_count_characters() {
        let t = "全市\n需救治17093人";
        let idx = LineIndex::new(t);
        let off = t.find("17093").unwrap();
        assert_eq!(idx.line_col(off), (2, 4));
        assert_eq!(idx.line_col(0), (1, 1));
        let long = format!("{}\n{}需", "字".repeat(5000), "a".repeat(9000));
        let idx = LineIndex::new(&long);
        assert_eq!(idx.line_col(long.len() - 3), (2, 9001));
        assert_eq!(idx.line_col(3 * 4999), (1, 5000));
    }

    #[test]
    fn english_full_stops() {
        let t =
            "Of the 1,250 patients, 1,100 (88%) recovered. See No. 5 and page 4.68 now.\n1. Next";
        let s = sentences(t);
        assert_eq!(
            s[0].slice(t),
            "Of the 1,250 patients, 1,100 (88%) recovered."
        );
        assert_eq!(s[1].slice(t), " See No. 5 and page 4.68 now.");
        assert_eq!(s.len(), 3);
    }

    #[test]
    fn line_breaks_do_not_end_sentences() {
        let t = "需救治17093\n\n人,已救治17025人；签约率99.4%。下一句";
        let s = sentences(t);
        assert_eq!(s.len(), 3);
        assert!(s[0].slice(t).contains("\n\n人"));
        assert_eq!(clauses(t, s[0]).len(), 2);
    }
}
