//! Chinese items that are clauses of their own after `即`:
//!
//! - parallel clauses opening with the same word: `四项基本原则,即坚持A,坚持
//!   B,坚持C,坚持D,是…` (the list ends at the first clause that does not open
//!   so; none of the next few characters may hold the word either, as in
//!   `…,即坚持D`, a gloss);
//! - clauses set apart by semicolons up to the sentence's end: `三个条件,即
//!   A;B;C。` (no clause may open with a word that carries the sentence on:
//!   `同时`, `此外`).
//!
//! Each item is a clause; the number of clauses is the count.

use super::Reading;
use crate::checks::Doc;
use crate::lexer::numeral::is_numeral_char;
use crate::text::{is_han, Span, FW_SEMICOLON};
use std::collections::BTreeSet;

/// Bytes at most read after `即`.
const MAX_LIST: usize = 1200;

/// Words that open a clause carrying the sentence on past a list.
const GOING_ON: &[&str] = &[
    "同时", "此外", "另外", "并且", "而且", "但", "还", "这", "其中", "以上", "上述", "从而",
    "以便", "以",
];

/// The items from `start` (just after `即`), when they are clauses.
pub(super) fn read(doc: &Doc, start: usize) -> Option<Reading> {
    // The items may run past the piece of text being read: read on in the text.
    let limit = crate::text::floor_boundary(doc.text, (start + MAX_LIST).min(doc.text.len()));
    let window = &doc.text[start..limit];
    let end = window.find(['。', '\n', '!', '?', '！', '？'])?;
    let body = &window[..end];
    semicolons(start, body).or_else(|| parallel(start, body))
}

/// `A;B;C` up to the sentence's end.
fn semicolons(start: usize, body: &str) -> Option<Reading> {
    if !body.contains([';', FW_SEMICOLON]) {
        return None;
    }
    let mut items = Vec::new();
    let mut from = 0;
    for (i, c) in body
        .char_indices()
        .filter(|&(_, c)| c == ';' || c == FW_SEMICOLON)
        .chain([(body.len(), ';')])
    {
        let item = body[from..i].trim();
        let lead = body[from..i].len() - body[from..i].trim_start().len();
        if item.is_empty() || GOING_ON.iter().any(|w| item.starts_with(w)) {
            return None;
        }
        items.push(Span::new(
            start + from + lead,
            start + from + lead + item.len(),
        ));
        from = i + c.len_utf8();
    }
    reading(items)
}

/// `坚持A,坚持B,坚持C`: clauses opening with the same two characters.
fn parallel(start: usize, body: &str) -> Option<Reading> {
    let lead: String = body.chars().take(2).collect();
    if lead.chars().count() < 2 || !lead.chars().all(|c| is_han(c) && !is_numeral_char(c)) {
        return None;
    }
    let mut items = Vec::new();
    let mut from = 0;
    let cuts = body
        .char_indices()
        .filter(|&(_, c)| crate::text::is_comma(c))
        .chain([(body.len(), ',')]);
    for (i, c) in cuts {
        let clause = &body[from..i];
        if clause.starts_with(lead.as_str()) {
            items.push(Span::new(start + from, start + i));
            from = i + c.len_utf8();
            continue;
        }
        // The clause after the list must not be one more of it, glossed.
        let head: String = clause.chars().take(4).collect();
        if head.contains(lead.as_str()) {
            return None;
        }
        break;
    }
    reading(items)
}

fn reading(items: Vec<Span>) -> Option<Reading> {
    (items.len() >= 2).then(|| Reading {
        counts: BTreeSet::from([items.len() as u32]),
        items,
    })
}
