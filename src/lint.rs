//! The pipeline over one text: quantities, claims, findings. No I/O.
//!
//! ```
//! let rules = numlint::rules::RuleSet::builtin().unwrap();
//! let a = numlint::lint::analyze("需救治17093人,已救治17025人,救治进度99.3%", &rules);
//! assert_eq!(a.claims.len(), 1);
//! assert!(!a.claims[0].consistent());
//! ```

use crate::checks::{find_claims, Claim, Doc};
use crate::finding::{findings, Finding};
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
    for (start, end) in chunks(text) {
        let doc = Doc::chunk(text, crate::text::Span::new(start, end), breaks);
        let claims = find_claims(&doc, rules);
        f(doc, claims);
    }
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
    // The pieces of a large file are independent: they run in parallel.
    let text = source.prose();
    let claims: Vec<Claim> = chunks(text)
        .into_par_iter()
        .flat_map_iter(|(a, b)| {
            let doc = Doc::chunk(text, crate::text::Span::new(a, b), &source.breaks);
            find_claims(&doc, rules)
        })
        .collect();

    let mut out = findings(&source.path, &source.text, &claims, rules);
    let directives = crate::suppress::directives(&source.text, source.format);
    let unused = crate::suppress::apply(&source.path, &source.text, &directives, &mut out, rules);
    out.extend(unused);
    out.sort_by(|a, b| (a.start, &a.rule).cmp(&(b.start, &b.rule)));
    out
}
