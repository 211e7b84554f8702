//! [`Words`]: one list of a rule's vocabulary, compiled (once, when first
//! asked) into an Aho-Corasick automaton, so that finding every occurrence of
//! any of its words in a clause is one pass over the clause, and indexed by
//! first character ([`FirstChars`]), so that the longest word at a place is a
//! lookup and a few comparisons. [`WordIndex`] scans a text once for the words
//! of every rule.
//!
//! Matching follows the rule-pack semantics: a Chinese word matches as it is
//! written; a word with ASCII letters matches in any case and only as a whole
//! word (`of` is not found in `often` nor in `proof`).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::{Serialize, Serializer};
use std::collections::HashMap;
use std::ops::Deref;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// Where the next list's [`Words::id`] comes from.
static NEXT_ID: AtomicU64 = AtomicU64::new(0);

/// A list of vocabulary words and its automata.
#[derive(Clone, Debug)]
pub struct Words {
    /// Names the list for a [`WordIndex`]. Every list made gets its own; a
    /// clone keeps it, as it holds the same words.
    id: u64,
    list: Vec<String>,
    /// For every occurrence in a clause. Each automaton is built on first use
    /// (most lists of most rules are never asked, and a run should not pay at
    /// its start for them); `None` if it could not be built, and then the
    /// words are tried one by one.
    everywhere: OnceLock<Option<AhoCorasick>>,
    /// For the longest word at a given place.
    starts: FirstChars,
}

/// A set of bytes: those the words of a list may begin with (either case of
/// an ASCII letter for lists matched in any case). A list with an empty
/// word may begin anywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FirstBytes([u64; 4]);

impl FirstBytes {
    pub fn of<'a>(words: impl IntoIterator<Item = &'a str>, any_case: bool) -> FirstBytes {
        let mut set = FirstBytes([0; 4]);
        for w in words {
            let Some(&b) = w.as_bytes().first() else {
                return FirstBytes([u64::MAX; 4]);
            };
            set.insert(b);
            if any_case {
                set.insert(b.to_ascii_lowercase());
                set.insert(b.to_ascii_uppercase());
            }
        }
        set
    }

    fn insert(&mut self, b: u8) {
        self.0[usize::from(b / 64)] |= 1 << (b % 64);
    }

    /// Whether a word may begin where `s` begins (never where it is empty,
    /// unless a word is empty).
    pub fn may_begin(&self, s: &str) -> bool {
        match s.as_bytes().first() {
            Some(&b) => self.0[usize::from(b / 64)] & (1 << (b % 64)) != 0,
            None => self.0 == [u64::MAX; 4],
        }
    }
}

/// The words of a list by their first character, for the words that begin
/// at a place: a lookup and a few comparisons, where an anchored automaton
/// search cost several hundred instructions to set up and run.
#[derive(Clone, Debug)]
pub struct FirstChars {
    /// The bytes the words begin with: most places begin no word, and one
    /// bit says so before any character is decoded.
    first: FirstBytes,
    /// (first character, in lower case if ASCII and the list is matched in
    /// any case; the words beginning with it, longest first, and of one
    /// length the later in the list first), sorted by character.
    groups: Vec<(char, Box<[u32]>)>,
    any_case: bool,
}

impl FirstChars {
    pub fn of<'a>(words: impl IntoIterator<Item = &'a str>, any_case: bool) -> FirstChars {
        let words: Vec<&str> = words.into_iter().collect();
        let key = |c: char| key_of(c, any_case);
        let mut groups: Vec<(char, Vec<u32>)> = Vec::new();
        for (k, w) in words.iter().enumerate() {
            let Some(c) = w.chars().next() else {
                continue; // an empty word begins nowhere
            };
            match groups.iter_mut().find(|g| g.0 == key(c)) {
                Some(g) => g.1.push(k as u32),
                None => groups.push((key(c), vec![k as u32])),
            }
        }
        groups.sort_unstable_by_key(|g| g.0);
        FirstChars {
            // (An empty word begins nowhere.)
            first: FirstBytes::of(words.iter().copied().filter(|w| !w.is_empty()), any_case),
            groups: groups
                .into_iter()
                .map(|(c, mut ks)| {
                    ks.sort_by_key(|&k| std::cmp::Reverse((words[k as usize].len(), k)));
                    (c, ks.into_boxed_slice())
                })
                .collect(),
            any_case,
        }
    }

    /// The words (by their place in the list) that may begin `s`: those
    /// with its first character.
    pub fn candidates(&self, s: &str) -> &[u32] {
        if !self.first.may_begin(s) {
            return &[];
        }
        let Some(c) = s.chars().next() else {
            return &[];
        };
        match self
            .groups
            .binary_search_by_key(&key_of(c, self.any_case), |g| g.0)
        {
            Ok(i) => &self.groups[i].1,
            Err(_) => &[],
        }
    }
}

/// The character words are grouped by in [`FirstChars`]: ASCII in lower
/// case when the list is matched in any case.
fn key_of(c: char, any_case: bool) -> char {
    if any_case {
        c.to_ascii_lowercase()
    } else {
        c
    }
}

impl Words {
    pub fn new(list: Vec<String>) -> Words {
        Words {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            starts: FirstChars::of(list.iter().map(String::as_str), true),
            list,
            everywhere: OnceLock::new(),
        }
    }

    /// The longest of the words that `s` starts with (as a whole word: see
    /// the module documentation).
    pub fn longest_at<'w>(&'w self, s: &str) -> Option<&'w str> {
        // Longest first, and of two of one length (`of`, `Of`) the later in
        // the list, as trying them all does.
        self.starts
            .candidates(s)
            .iter()
            .map(|&k| self.list[k as usize].as_str())
            .find(|w| starts_with_word(s, 0, w))
    }

    /// The longest word standing whole at `s[i..]`, trying each word.
    fn longest_by_hand(&self, s: &str, i: usize) -> Option<&String> {
        self.list
            .iter()
            .filter(|w| starts_with_word(s, i, w))
            .max_by_key(|w| w.len())
    }

    /// What [`Words::find_in`] finds, word by word at every position.
    fn find_by_hand(&self, s: &str) -> Vec<(usize, usize)> {
        s.char_indices()
            .filter_map(|(i, _)| self.longest_by_hand(s, i).map(|w| (i, i + w.len())))
            .collect()
    }

    /// Byte offsets (into `text`) of every occurrence of any of the words in
    /// `text[start..end]`: at each position where some word starts, the
    /// longest one, in order of position. What lies outside the range is not
    /// looked at, not even to tell whether a word is whole.
    pub fn find_in(&self, text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
        // An empty or inverted range holds no word (and must not panic).
        let Some(s) = text.get(start..end).filter(|_| !self.list.is_empty()) else {
            return Vec::new();
        };
        let ac = self.everywhere.get_or_init(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&self.list)
                .ok()
        });
        let mut found: Vec<(usize, usize)> = Vec::new();
        match ac {
            Some(ac) => {
                for m in ac.find_overlapping_iter(s) {
                    let (i, j) = (m.start(), m.end());
                    if whole_word(s, i, j, &self.list[m.pattern().as_usize()]) {
                        found.push((i, j));
                    }
                }
                // Longest first at each start, then one per start. (Matches
                // come ordered by where they end.)
                found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
                found.dedup_by_key(|m| m.0);
            }
            None => found = self.find_by_hand(s),
        }
        found
            .into_iter()
            .map(|(i, j)| (start + i, start + j))
            .collect()
    }
}

impl Default for Words {
    fn default() -> Words {
        Words::new(Vec::new())
    }
}

/// The words of many lists in one automaton: a text is scanned once for all
/// of them ([`WordIndex::scan`]), and where one list's words stand in a part
/// of it is then looked up ([`WordIndex::find_in`]), not searched for. The
/// answer is [`Words::find_in`]'s.
#[derive(Debug)]
pub struct WordIndex {
    /// `None` if it could not be built: then every list is searched alone.
    ac: Option<AhoCorasick>,
    /// Each distinct word, and the lists (by number) it belongs to.
    patterns: Vec<(String, Vec<u32>)>,
    /// The [`Words::id`] of each list and its number, sorted by id.
    ids: Vec<(u64, u32)>,
}

/// Where the words of a [`WordIndex`] stand in a part of a text.
#[derive(Debug)]
pub struct Found {
    start: usize,
    end: usize,
    /// For each list: (start, end, pattern) of every occurrence of its words,
    /// by start, the longest first.
    per_list: Vec<Vec<(usize, usize, u32)>>,
}

impl WordIndex {
    pub fn new<'w>(lists: impl IntoIterator<Item = &'w Words>) -> WordIndex {
        let mut ids: Vec<(u64, u32)> = Vec::new();
        let mut patterns: Vec<(String, Vec<u32>)> = Vec::new();
        let mut by_text: HashMap<&str, usize> = HashMap::new();
        let mut seen = std::collections::HashSet::new();
        for words in lists {
            // A clone holds the same words as its original: one number.
            if !seen.insert(words.id) {
                continue;
            }
            let n = ids.len() as u32;
            ids.push((words.id, n));
            // An empty word is never found (see `whole_word`).
            for w in words.list.iter().filter(|w| !w.is_empty()) {
                let k = *by_text.entry(w.as_str()).or_insert_with(|| {
                    patterns.push((w.clone(), Vec::new()));
                    patterns.len() - 1
                });
                if patterns[k].1.last() != Some(&n) {
                    patterns[k].1.push(n);
                }
            }
        }
        ids.sort_unstable();
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // Every byte of the text goes through it: the fastest kind.
            // (Stepping its DFA by hand instead of through the overlapping
            // iterator took 13 % fewer instructions, and no less time.)
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns.iter().map(|p| &p.0))
            .ok();
        WordIndex { ac, patterns, ids }
    }

    /// Every occurrence of every word in `text[start..end]`.
    pub fn scan(&self, text: &str, start: usize, end: usize) -> Found {
        let mut per_list = vec![Vec::new(); self.ids.len()];
        if let (Some(ac), Some(s)) = (&self.ac, text.get(start..end)) {
            for m in ac.find_overlapping_iter(s) {
                let k = m.pattern().as_usize();
                let hit = (start + m.start(), start + m.end(), k as u32);
                for &n in &self.patterns[k].1 {
                    // Matches come by where they end; words are short, so a
                    // new one moves back past only a few.
                    let list = &mut per_list[n as usize];
                    list.push(hit);
                    let mut j = list.len() - 1;
                    while j > 0 && before(&list[j], &list[j - 1]) {
                        list.swap(j, j - 1);
                        j -= 1;
                    }
                }
            }
        }
        Found {
            start,
            end,
            per_list,
        }
    }

    /// [`Words::find_in`] for `words` in `text[start..end]`, looked up in what
    /// [`WordIndex::scan`] found in `text`; `None` when the lookup cannot
    /// answer (a list not in the index, a range outside the scan, or one not
    /// on character boundaries): then ask `words` itself.
    pub fn find_in(
        &self,
        found: &Found,
        words: &Words,
        text: &str,
        start: usize,
        end: usize,
    ) -> Option<Vec<(usize, usize)>> {
        Some(self.hits(found, words, text, start, end)?.collect())
    }

    /// [`WordIndex::find_in`]'s occurrences, in order, as they are needed
    /// (the first without the rest); `None` when the lookup cannot answer.
    pub fn hits<'a>(
        &'a self,
        found: &'a Found,
        words: &Words,
        text: &'a str,
        start: usize,
        end: usize,
    ) -> Option<impl Iterator<Item = (usize, usize)> + 'a> {
        self.ac.as_ref()?;
        let i = self.ids.binary_search_by_key(&words.id, |p| p.0).ok()?;
        if start < found.start || end > found.end {
            return None;
        }
        let s = text.get(start..end)?;
        let list = &found.per_list[self.ids[i].1 as usize];
        let from = list.partition_point(|m| m.0 < start);
        // Occurrences come by start, the longest first: the first of each
        // start that stands as a word is the one found there.
        let mut last_start = None;
        Some(
            list[from..]
                .iter()
                .take_while(move |m| m.0 < end)
                .filter(move |&&(a, b, k)| {
                    if b > end || last_start == Some(a) {
                        return false;
                    }
                    let hit = whole_word(s, a - start, b - start, &self.patterns[k as usize].0);
                    if hit {
                        last_start = Some(a);
                    }
                    hit
                })
                .map(|&(a, b, _)| (a, b)),
        )
    }
}

/// The order of [`Found`]: by start, the longest first.
fn before(a: &(usize, usize, u32), b: &(usize, usize, u32)) -> bool {
    a.0 < b.0 || (a.0 == b.0 && a.1 > b.1)
}

/// Whether the occurrence `s[i..j]` of `word` stands as a word of its own:
/// a word beginning with a letter or digit does not begin inside another
/// (`of` in `proof`), and a word with ASCII letters does not end inside one
/// (`of` in `often`). Chinese has no spaces: its words match anywhere.
fn whole_word(s: &str, i: usize, j: usize, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let bytes = s.as_bytes();
    let alnum = |k: Option<usize>| {
        k.and_then(|k| bytes.get(k))
            .is_some_and(u8::is_ascii_alphanumeric)
    };
    let (first, last) = (word.as_bytes()[0], word.as_bytes()[word.len() - 1]);
    let cut_left = first.is_ascii_alphanumeric() && alnum(i.checked_sub(1));
    // Case-insensitive matching folds only ASCII letters, so a word without
    // them matched exactly.
    let english = word.bytes().any(|b| b.is_ascii_alphabetic());
    let cut_right = english && last.is_ascii_alphanumeric() && alnum(Some(j));
    !cut_left && !cut_right
}

/// Whether `s` starts with the word `w`. English words match in any case and
/// only as whole words (`of` is not in `often`); Chinese words match as they are.
pub fn word_at(s: &str, w: &str) -> bool {
    if w.bytes().any(|b| b.is_ascii_alphabetic()) {
        let Some(head) = s.get(..w.len()) else {
            return false;
        };
        let cut_word = w.ends_with(|c: char| c.is_ascii_alphanumeric())
            && s[w.len()..].starts_with(|c: char| c.is_ascii_alphanumeric());
        head.eq_ignore_ascii_case(w) && !cut_word
    } else {
        s.starts_with(w)
    }
}

/// Whether `word` stands whole at `s[i..]`: [`word_at`], and not the end of
/// a longer word either.
fn starts_with_word(s: &str, i: usize, word: &str) -> bool {
    s.get(i..).is_some_and(|rest| word_at(rest, word)) && whole_word(s, i, i + word.len(), word)
}

impl Deref for Words {
    type Target = Vec<String>;
    fn deref(&self) -> &Vec<String> {
        &self.list
    }
}

impl Serialize for Words {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.list.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> Words {
        Words::new(list.iter().map(|w| w.to_string()).collect())
    }

    fn found<'t>(w: &Words, text: &'t str) -> Vec<&'t str> {
        w.find_in(text, 0, text.len())
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect()
    }

    #[test]
    fn longest_word_at_each_position() {
        let w = words(&["增长", "长", "增长率"]);
        assert_eq!(
            found(&w, "增长率为5%,增长3%"),
            ["增长率", "长", "增长", "长"]
        );
    }

    #[test]
    fn english_words_whole_and_in_any_case() {
        let w = words(&["of", "rate"]);
        assert_eq!(
            found(&w, "Of the often proof, a RATE of 5%"),
            ["Of", "RATE", "of"]
        );
        assert!(found(&words(&[]), "anything").is_empty());
    }

    #[test]
    fn longest_word_at_the_start() {
        let w = words(&["增长", "增长率", "of", "o"]);
        assert_eq!(w.longest_at("增长率为5%"), Some("增长率"));
        assert_eq!(w.longest_at("增长3%"), Some("增长"));
        assert_eq!(w.longest_at("Of the 30"), Some("of"));
        // `of` is cut (`often`), `o` is not a whole word either.
        assert_eq!(w.longest_at("often"), None);
        assert_eq!(w.longest_at("o 5"), Some("o"));
        assert_eq!(w.longest_at("长"), None);
        // Two spellings of one word: the later one, whichever way it is found.
        let cased = words(&["of", "Of"]);
        assert_eq!(cased.longest_at("Of the 30"), Some("Of"));
        assert_eq!(
            cased.longest_by_hand("Of the 30", 0).map(String::as_str),
            Some("Of")
        );
        assert!(words(&[""]).find_in("abc", 0, 3).is_empty());
        assert!(w.find_in("增长", 6, 3).is_empty());
    }

    /// The automaton finds what trying every word at every place finds.
    #[test]
    fn automaton_agrees_with_trying_every_word() {
        let w = words(&["增长", "长", "增长率", "of", "o", "rate", "5G", "per cent"]);
        for text in [
            "增长率为5%,增长3%",
            "Of the often proof, a RATE of 5% (5G, 15G) per cent percent",
            "ofof of-of o",
            "",
        ] {
            assert_eq!(
                w.find_in(text, 0, text.len()),
                w.find_by_hand(text),
                "{text}"
            );
        }
    }

    /// The longest word at a place, with the quick refusal of places no word
    /// begins at, is the one trying every word finds, at every place.
    #[test]
    fn longest_at_agrees_with_trying_every_word() {
        for w in [
            words(&["增长", "长", "增长率", "of", "O", "rate", "5G", "per cent"]),
            words(&["of", ""]),
            words(&["Rate"]),
        ] {
            for text in [
                "增长率为5%,增长3%",
                "Of the often proof, a RATE of 5% (5G, 15G) per cent percent",
                "ofof of-of o rAte",
                "",
            ] {
                for (i, _) in text.char_indices() {
                    assert_eq!(
                        w.longest_at(&text[i..]),
                        w.longest_by_hand(&text[i..], 0).map(String::as_str),
                        "{:?} at {i} of {text}",
                        w.list
                    );
                }
            }
        }
    }

    #[test]
    fn first_bytes_of_words() {
        let set = FirstBytes::of(["of", "增长"], true);
        assert!(set.may_begin("Of") && set.may_begin("often") && set.may_begin("增"));
        assert!(!set.may_begin("rate") && !set.may_begin("") && !set.may_begin("长"));
        let exact = FirstBytes::of(["of"], false);
        assert!(exact.may_begin("of") && !exact.may_begin("Of"));
        let empty = FirstBytes::of(["of", ""], true);
        assert!(empty.may_begin("") && empty.may_begin("x"));
    }

    /// Looked up in one scan for all lists, or searched for in the range
    /// alone: the same occurrences, for every range of every text.
    #[test]
    fn index_agrees_with_searching_each_list() {
        let lists = [
            words(&["增长", "长", "增长率"]),
            words(&["of", "Of", "o", "rate", "5G", "per cent", ""]),
            words(&["长", "率为"]),
            words(&[]),
        ];
        let index = WordIndex::new(lists.iter().chain([&lists[0].clone()]));
        let texts = [
            "增长率为5%,增长3%",
            "Of the often proof, a RATE of 5% (5G, 15G) per cent percent",
            "ofof of-of o 增长of长",
        ];
        for text in texts {
            let found = index.scan(text, 0, text.len());
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for &a in &bounds {
                for &b in &bounds {
                    for w in &lists {
                        let looked_up = index.find_in(&found, w, text, a, b);
                        // An inverted range is left to the list (no words).
                        let expected = (a <= b).then(|| w.find_in(text, a, b));
                        assert_eq!(looked_up, expected, "{text:?} {a}..{b} {:?}", w.list);
                    }
                }
            }
            // A list the index does not hold, a range outside the scan or
            // off a character boundary: the index cannot say.
            let other = words(&["of"]);
            assert_eq!(index.find_in(&found, &other, text, 0, text.len()), None);
            let part = index.scan(text, 1, text.len());
            assert_eq!(index.find_in(&part, &lists[1], text, 0, 3), None);
        }
        let found = index.scan("增长", 0, 6);
        assert_eq!(index.find_in(&found, &lists[0], "增长", 1, 6), None);
    }

    #[test]
    fn range_is_the_whole_world() {
        let w = words(&["of"]);
        // Outside the range nothing counts, not even a letter next to it.
        let text = "xof";
        assert_eq!(w.find_in(text, 1, 3), [(1, 3)]);
    }
}
