//! Chinese counts whose items follow a colon on lines of their own, each
//! opening with the next outline marker: `具有下列三种情形的,…:` then
//! `(一)…` `(二)…` `(三)…`; `四个基点是:` then `1.…` `2.…`.
//!
//! The count stands right after `下列`/`以下`/`如下`, or its noun runs right
//! up to `是:`/`为:`/`:`. The first line after the colon must open with the
//! first marker (`(一)`, `(一)`, `一、`, `1.`, `1、`); the list runs on over
//! lines that open with the next marker of the same form, and over lines
//! that open with a marker of another form (an item's own sub-items); it ends
//! at a line that opens with neither, or at the text's end. A list not seen
//! to end within [`MAX_LIST`] bytes is not read. The markers say how many
//! items there are.

use super::Reading;
use crate::checks::Doc;
use crate::text::Span;
use std::collections::BTreeSet;

/// Bytes at most read for a list.
const MAX_LIST: usize = 6000;

const ZH_NUMERALS: [&str; 20] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
    "十五", "十六", "十七", "十八", "十九", "二十",
];

/// The outline marker forms: the k-th marker (from 1) of each.
fn marker(form: usize, k: usize) -> Option<String> {
    let zh = ZH_NUMERALS.get(k.checked_sub(1)?)?;
    Some(match form {
        0 => format!("({zh})"),
        1 => format!("（{zh}）"),
        2 => format!("{zh}、"),
        3 => format!("{k}."),
        4 => format!("{k}、"),
        5 => format!("{k}．"),
        _ => return None,
    })
}

const FORMS: usize = 6;

/// The form of the marker `line` opens with, if any (any number).
fn form_of(line: &str) -> Option<usize> {
    (0..FORMS).find(|&f| {
        (1..=ZH_NUMERALS.len()).any(|k| marker(f, k).is_some_and(|m| line.starts_with(&m)))
    })
}

/// The items after the colon ending at `colon_end`, when a list of at least
/// two opens on the next line.
pub(super) fn read(doc: &Doc, colon_end: usize) -> Option<Reading> {
    // A list may run past the piece of text being read: read on in the text.
    let limit = crate::text::floor_boundary(doc.text, (colon_end + MAX_LIST).min(doc.text.len()));
    let window = &doc.text[colon_end..limit];
    // The colon ends its line.
    if !window
        .trim_start_matches([' ', '\t', '\u{3000}'])
        .starts_with(['\n', '\r'])
    {
        return None;
    }
    let mut items: Vec<Span> = Vec::new();
    let mut form = None;
    let mut offset = 0;
    // The list must be seen to end: a line that is none of it, or the text's.
    let mut ended = limit == doc.text.len();
    for raw in window.split_inclusive('\n') {
        let at = offset;
        offset += raw.len();
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        let start = colon_end + at + lead;
        let end = start + line.len();
        let f = match form {
            None => {
                let f = form_of(line)?;
                if !line.starts_with(&marker(f, 1)?) {
                    return None;
                }
                form = Some(f);
                items.push(Span::new(start, end));
                continue;
            }
            Some(f) => f,
        };
        match marker(f, items.len() + 1) {
            Some(m) if line.starts_with(&m) => items.push(Span::new(start, end)),
            _ if form_of(line).is_some_and(|g| g != f) => {
                // An item's own sub-item: the item runs on.
                if let Some(last) = items.last_mut() {
                    last.end = end;
                }
            }
            _ => {
                ended = true;
                break;
            }
        }
    }
    (ended && items.len() >= 2).then(|| Reading {
        counts: BTreeSet::from([items.len() as u32]),
        items,
    })
}
