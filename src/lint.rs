//! The pipeline over one text: quantities, claims, findings. No I/O.
//!
//! ```
//! let rules = numlint::rules::RuleSet::builtin().unwrap();
//! let a = numlint::lint::analyze("需救治17093人,已救治17025人,救治进度99.3%", &rules);
//! assert_eq!(a.claims.len(), 1);
//! assert!(!a.claims[0].consistent());
//! ```

use crate::checks::{find_claims, Claim, Doc};
use crate::finding::{findings, findings_with, Finding};
use crate::input::Source;
use crate::lexer::Quantity;
use crate::rules::RuleSet;
use rayon::prelude::*;

/// What numlint found in one text.
pub struct Analysis {
    pub quantities: Vec<Quantity>,
    pub claims: Vec<Claim>,
}

pub fn analyze(text: &str, rules: &RuleSet) -> Analysis {
    analyze_blocks(text, &[], rules)
}

/// Size of the pieces a long text is analysed in: memory stays bounded by it,
/// not by the file. Pieces end between sentences.
pub const CHUNK: usize = 256 * 1024;

/// Analyses a text whose blocks end at `breaks` (see [`Source::breaks`]),
/// piece by piece.
pub fn analyze_blocks(text: &str, breaks: &[usize], rules: &RuleSet) -> Analysis {
    let mut quantities = Vec::new();
    let mut claims = Vec::new();
    each_chunk(text, breaks, rules, |doc, found| {
        quantities.extend(doc.quantities);
        claims.extend(found);
    });
    Analysis { quantities, claims }
}

/// Runs the checks over `text` in pieces of about [`CHUNK`] bytes, cut after a
/// sentence end (or, in a sentence longer than a piece, after a clause end, or
/// at last anywhere between characters).
fn each_chunk(text: &str, breaks: &[usize], rules: &RuleSet, mut f: impl FnMut(Doc, Vec<Claim>)) {
    for piece in chunks(text) {
        let doc = piece_doc(text, piece, breaks, rules);
        let claims = find_claims(&doc, rules);
        f(doc, claims);
    }
}

/// The document of one piece of `text`, for `rules` to read.
fn piece_doc<'t>(
    text: &'t str,
    (start, end): (usize, usize),
    breaks: &[usize],
    rules: &RuleSet,
) -> Doc<'t> {
    Doc::chunk(text, crate::text::Span::new(start, end), breaks).with_words(rules.word_index())
}

/// The byte ranges of the pieces of `text`, in order.
fn chunks(text: &str) -> Vec<(usize, usize)> {
    let mut bounds = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = chunk_end(text, start);
        bounds.push((start, end));
        start = end;
    }
    bounds
}

/// Where the piece starting at `start` ends.
fn chunk_end(text: &str, start: usize) -> usize {
    if text.len() - start <= CHUNK {
        return text.len();
    }
    let limit = crate::text::floor_boundary(text, start + CHUNK);
    let window = &text[start..limit];
    let after = |i: usize| start + i + window[i..].chars().next().map_or(1, char::len_utf8);
    let cut = window
        .rfind(|c: char| crate::text::is_sentence_end(c) || c == '\n')
        .map(after)
        .or_else(|| window.rfind(crate::text::is_clause_end).map(after));
    match cut {
        Some(c) if c > start => c,
        _ => limit.max(start + text[start..].chars().next().map_or(1, char::len_utf8)),
    }
}

/// Lints one text: its findings, in the order of the contract.
pub fn lint(path: &str, text: &str, rules: &RuleSet) -> Vec<Finding> {
    let a = analyze(text, rules);
    findings(path, text, &a.claims, rules)
}

/// Lints a source: its prose is analysed, positions point into its text, and
/// its inline suppressions apply (unused ones are reported as warnings).
pub fn lint_source(source: &Source, rules: &RuleSet) -> Vec<Finding> {
    let directives = crate::suppress::directives(&source.text, source.format);
    lint_whole(source, rules, chunks(source.prose()), &directives)
}

/// [`lint_source`] with the pieces cut and the directives read.
fn lint_whole(
    source: &Source,
    rules: &RuleSet,
    pieces: Vec<(usize, usize)>,
    directives: &[crate::suppress::Directive],
) -> Vec<Finding> {
    // The pieces of a large file are independent: they run in parallel.
    let text = source.prose();
    let claims: Vec<Claim> = pieces
        .into_par_iter()
        .flat_map_iter(|piece| find_claims(&piece_doc(text, piece, &source.breaks, rules), rules))
        .collect();
    let mut out = findings(&source.path, &source.text, &claims, rules);
    let unused = crate::suppress::apply(&source.path, &source.text, directives, &mut out, rules);
    out.extend(unused);
    out.sort_by(|a, b| (a.start, &a.rule).cmp(&(b.start, &b.rule)));
    out
}

/// Lints a source as [`lint_source`] does, but hands over its findings piece
/// by piece, so a large file's findings need not all be held at once:
/// `emit(k, n, findings)` is called once for each piece `k` of `n`, from
/// whichever thread checked it, in no set order. Concatenated in the order of
/// `k`, the pieces are exactly [`lint_source`]'s findings.
///
/// A file with suppression directives is one piece: whether a directive was
/// used is known only at the end.
pub fn lint_source_pieces(
    source: &Source,
    rules: &RuleSet,
    emit: impl Fn(usize, usize, Vec<Finding>) + Sync,
) {
    let text = source.prose();
    let pieces = chunks(text);
    let directives = crate::suppress::directives(&source.text, source.format);
    if pieces.len() <= 1 || !directives.is_empty() {
        emit(0, 1, lint_whole(source, rules, pieces, &directives));
        return;
    }
    let index = crate::text::LineIndex::new(&source.text);
    let n = pieces.len();
    // Pieces are taken in order, so they finish nearly in order and few wait
    // for those before them.
    pieces
        .into_iter()
        .enumerate()
        .par_bridge()
        .for_each(|(k, piece)| {
            let claims = find_claims(&piece_doc(text, piece, &source.breaks, rules), rules);
            emit(
                k,
                n,
                findings_with(&source.path, &source.text, &index, &claims, rules),
            );
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Format;
    use std::sync::Mutex;

    /// A text of several pieces with findings in most of them.
    fn long_text() -> String {
        let seeds = include_str!("../fixtures/seeds/000_3cd16edfbab09667.txt");
        let wrong = "全市需大病救治17093人,已救治17025人,救治进度99.3%。\n";
        let mut text = String::new();
        while text.len() < 3 * CHUNK {
            text.push_str(seeds);
            text.push_str(wrong);
        }
        text
    }

    #[test]
    fn pieces_in_order_are_the_whole_files_findings() {
        let rules = RuleSet::builtin().unwrap();
        let source = Source::from_text("long.txt", Format::Text, long_text());
        let whole = lint_source(&source, &rules);
        let pieces = Mutex::new(Vec::new());
        lint_source_pieces(&source, &rules, |k, n, f| {
            pieces.lock().unwrap().push((k, n, f));
        });
        let mut pieces = pieces.into_inner().unwrap();
        pieces.sort_by_key(|p| p.0);
        let n = pieces.len();
        assert!(n >= 3, "{n} pieces");
        assert!(pieces.iter().enumerate().all(|(i, p)| p.0 == i && p.1 == n));
        let joined: Vec<Finding> = pieces.into_iter().flat_map(|p| p.2).collect();
        assert!(whole.len() > 10);
        assert_eq!(joined, whole);
    }

    #[test]
    fn a_file_with_suppressions_is_one_piece() {
        let rules = RuleSet::builtin().unwrap();
        let text = format!("numlint-disable-next-line ratio\n{}", long_text());
        let source = Source::from_text("long.txt", Format::Text, text);
        let calls = Mutex::new(Vec::new());
        lint_source_pieces(&source, &rules, |k, n, f| {
            calls.lock().unwrap().push((k, n, f.len()));
        });
        let calls = calls.into_inner().unwrap();
        assert_eq!(calls.len(), 1);
        assert_eq!((calls[0].0, calls[0].1), (0, 1));
        assert_eq!(calls[0].2, lint_source(&source, &rules).len());
    }
}
