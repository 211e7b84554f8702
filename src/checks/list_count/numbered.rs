//! English lists whose items are numbered after a colon: `six steps: 1)
//! assess …; 2) determine …; and 3) draft …`, `two types: (1) individual
//! thresholds …, and (2) cumulative thresholds …`.
//!
//! The first marker must open the list (`1)` or `(1)`), and the others
//! follow in order in the same form, each after a space. The list ends at
//! the first marker missing, a blank line, a colon right before a marker,
//! or the end of a sentence (a full stop before a capital) that no marker
//! follows. Semicolons between items do
//! not end it. The numbers say how many items there are.

use super::Reading;
use crate::checks::Doc;
use crate::text::Span;
use std::collections::BTreeSet;

/// Bytes at most read for a numbered list.
const MAX_LIST: usize = 3000;

/// The numbered items from `start` (just after the colon), if a list of at
/// least two opens there.
pub(super) fn read(doc: &Doc, start: usize) -> Option<Reading> {
    let limit = crate::text::floor_boundary(doc.text, (start + MAX_LIST).min(doc.span.end));
    let window = &doc.text[start..limit];
    let window = window.find("\n\n").map_or(window, |k| &window[..k]);
    let body = window.trim_start();
    let offset = start + window.len() - body.len();
    let bracketed = body.starts_with("(1)");
    if !bracketed && !body.starts_with("1)") {
        return None;
    }
    let marker = |k: u32| {
        if bracketed {
            format!("({k})")
        } else {
            format!("{k})")
        }
    };
    // Marker k's place in `body` and where its item begins.
    let mut marks: Vec<(usize, usize)> = vec![(0, marker(1).len())];
    loop {
        let k = marks.len() as u32 + 1;
        let from = marks.last().map_or(0, |m| m.1);
        let next = marker(k);
        let Some(at) = body[from..]
            .match_indices(next.as_str())
            .map(|(i, _)| from + i)
            .find(|&i| body[..i].ends_with(char::is_whitespace))
        else {
            break;
        };
        // A sentence that ends before the marker ends the list, and so
        // does a colon right before it: a new list opens (`3 promote
        // health: 1) …; the rest are risks: 4) …`).
        if sentence_end(&body[from..at]).is_some() || body[from..at].trim_end().ends_with(':') {
            break;
        }
        marks.push((at, at + next.len()));
    }
    if marks.len() < 2 {
        return None;
    }
    let last_from = marks.last().map_or(0, |m| m.1);
    let last_end = last_from + sentence_end(&body[last_from..]).unwrap_or(body.len() - last_from);
    let mut items = Vec::new();
    for (i, &(_, from)) in marks.iter().enumerate() {
        let to = marks.get(i + 1).map_or(last_end, |m| m.0);
        items.push(Span::new(offset + from, offset + to));
    }
    let counts = BTreeSet::from([marks.len() as u32]);
    Some(Reading { items, counts })
}

/// Where a sentence ends in `s`: a full stop, then spaces (or a line
/// break) and a capital.
fn sentence_end(s: &str) -> Option<usize> {
    s.match_indices('.').map(|(i, _)| i).find(|&i| {
        let rest = &s[i + 1..];
        rest.starts_with([' ', '\n']) && rest.trim_start().starts_with(|c: char| c.is_uppercase())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(text: &str) -> Option<u32> {
        let doc = Doc::new(text);
        let at = text.find(':')? + 1;
        read(&doc, at).map(|r| r.counts.into_iter().next().unwrap_or(0))
    }

    #[test]
    fn numbered_items_are_counted_in_order() {
        assert_eq!(
            count("four stages: 1) plan; 2) build; 3) test; and 4) ship."),
            Some(4)
        );
        assert_eq!(
            count("two kinds: (1) small ones, and (2) large ones."),
            Some(2)
        );
        // Markers out of order or in another form end the list.
        assert_eq!(count("kinds: 1) small, 3) large."), None);
        assert_eq!(count("kinds: (1) small, 2) large."), None);
        // A sentence ends it, whatever follows.
        assert_eq!(count("kinds: 1) small. Then 2) large."), None);
        assert_eq!(count("kinds: 1) small, 2) large. Also 3) more."), Some(2));
        assert_eq!(count("kinds: 1) small, 2) large.\nAlso 3) more."), Some(2));
        // No marker right after the colon: no numbered list.
        assert_eq!(count("kinds: small 1) and 2)"), None);
    }
}
