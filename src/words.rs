//! [`Words`]: one list of a rule's vocabulary, compiled (once, when first
//! asked) into Aho-Corasick automata, so that finding every occurrence of any
//! of its words in a clause is one pass over the clause, and the longest word
//! at a place one step per byte, however many words the list has.
//!
//! Matching follows the rule-pack semantics: a Chinese word matches as it is
//! written; a word with ASCII letters matches in any case and only as a whole
//! word (`of` is not found in `often` nor in `proof`).

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};
use serde::{Serialize, Serializer};
use std::ops::Deref;
use std::sync::OnceLock;

/// A list of vocabulary words and its automata.
#[derive(Clone, Debug, Default)]
pub struct Words {
    list: Vec<String>,
    /// For every occurrence in a clause. Each automaton is built on first use
    /// (most lists of most rules are never asked, and a run should not pay at
    /// its start for them); `None` if it could not be built, and then the
    /// words are tried one by one.
    everywhere: OnceLock<Option<AhoCorasick>>,
    /// For the longest word at a given place.
    anchored: OnceLock<Option<AhoCorasick>>,
}

impl Words {
    pub fn new(list: Vec<String>) -> Words {
        Words {
            list,
            everywhere: OnceLock::new(),
            anchored: OnceLock::new(),
        }
    }

    /// The longest of the words that `s` starts with (as a whole word: see
    /// the module documentation).
    pub fn longest_at<'w>(&'w self, s: &str) -> Option<&'w str> {
        if self.list.is_empty() {
            return None;
        }
        let ac = self.anchored.get_or_init(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                // An anchored search takes a few steps: a DFA would cost more
                // to build than it saves.
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                // Built last word first: of two words of one length (`of`,
                // `Of`), the later in the list wins, as it does by hand.
                .build(self.list.iter().rev())
                .ok()
        });
        if let Some(ac) = ac {
            let m = ac.find(Input::new(s).anchored(Anchored::Yes))?;
            let w = self.list[self.list.len() - 1 - m.pattern().as_usize()].as_str();
            if whole_word(s, 0, m.end(), w) {
                return Some(w);
            }
            // The longest is cut short (`of` in `often`); a shorter one may
            // still stand: ask them all.
        }
        self.longest_by_hand(s, 0).map(|w| w.as_str())
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

    #[test]
    fn range_is_the_whole_world() {
        let w = words(&["of"]);
        // Outside the range nothing counts, not even a letter next to it.
        let text = "xof";
        assert_eq!(w.find_in(text, 1, 3), [(1, 3)]);
    }
}
