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

/// At most about this many figures in a piece. Memory follows the figures (a
/// quantity takes 168 bytes): a text made of little else (200 000
/// percentages in a row) needs pieces shorter than [`CHUNK`]. Reports hold
/// about one figure in 60 bytes, some 4 400 a piece, far below it.
const FIGURES: usize = 1 << 15;

/// Where the piece starting at `start` ends.
fn chunk_end(text: &str, start: usize) -> usize {
    // A text no longer than a piece is one piece, however dense.
    if text.len() - start <= CHUNK {
        return text.len();
    }
    let limit = crate::text::floor_boundary(text, start + CHUNK);
    // (An ASCII digit, where the bound cuts, is a character boundary.)
    let limit = figures_reach(text.as_bytes(), start, limit);
    let window = &text[start..limit];
    let after = |i: usize| start + i + window[i..].chars().next().map_or(1, char::len_utf8);
    let cut = window
        .rfind(|c: char| crate::text::is_sentence_end(c) || c == '\n')
        .map(after)
        .or_else(|| clause_cut(window).map(after));
    match cut {
        Some(c) if c > start => c,
        _ => limit.max(start + text[start..].chars().next().map_or(1, char::len_utf8)),
    }
}

/// The last clause end of `window` that is not inside a figure: the comma of
/// `1,250` or the colon of `1:10` stands between digits.
fn clause_cut(window: &str) -> Option<usize> {
    let digit = |c: Option<char>| c.is_some_and(crate::lexer::arabic::is_digit);
    window
        .char_indices()
        .rev()
        .filter(|&(_, c)| crate::text::is_clause_end(c))
        .find(|&(i, c)| {
            let before = window[..i].chars().next_back();
            let after = window[i + c.len_utf8()..].chars().next();
            !(digit(before) && digit(after))
        })
        .map(|(i, _)| i)
}

/// Where, in `bytes[start..limit]`, the [`FIGURES`]th figure begins (`limit`
/// when there are fewer): a run of ASCII digits after a byte that is no
/// digit, comma or point, so that `1,250` and `99.3` count once and a cut
/// there falls before the figure.
fn figures_reach(bytes: &[u8], start: usize, limit: usize) -> usize {
    let digit = |b: u8| u8::from(b.wrapping_sub(b'0') < 10);
    let joins = |b: u8| digit(b) | u8::from(b == b',' || b == b'.');
    // Each byte with the one before it: a figure begins at a digit after a
    // byte that does not join it to another.
    let begins = |before: u8, here: u8| digit(here) & (1 - joins(before));
    let from = start.max(1);
    let pairs = &bytes[from - 1..limit];
    // Counted first (the common answer: far fewer), then found.
    if crate::text::count_pairs(pairs, begins) < FIGURES {
        return limit;
    }
    pairs
        .windows(2)
        .enumerate()
        .filter(|(_, w)| begins(w[0], w[1]) == 1)
        .nth(FIGURES - 1)
        .map_or(limit, |(k, _)| from + k)
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

    /// A long text made of figures is cut into pieces of at most FIGURES of
    /// them; a report's pieces are cut by size alone, as before.
    #[test]
    fn pieces_hold_a_bounded_number_of_figures() {
        let runs = |t: &str| {
            let b = t.as_bytes();
            (0..b.len())
                .filter(|&i| {
                    b[i].is_ascii_digit() && (i == 0 || !b"0123456789,.".contains(&b[i - 1]))
                })
                .count()
        };
        let dense: String = (0..200_000).map(|i| format!("{}%", i % 100)).collect();
        let pieces = chunks(&dense);
        assert!(pieces.len() >= 4, "{} pieces", pieces.len());
        assert_eq!(pieces.first().map(|p| p.0), Some(0));
        assert_eq!(pieces.last().map(|p| p.1), Some(dense.len()));
        for w in pieces.windows(2) {
            assert_eq!(w[0].1, w[1].0);
        }
        // The rest, once no longer than a piece, is one piece.
        let (&(a, b), cut) = pieces.split_last().expect("pieces");
        assert!(b - a <= CHUNK);
        for &(a, b) in cut {
            assert!(runs(&dense[a..b]) <= FIGURES, "{a}..{b}");
        }
        let report = long_text();
        for &(a, b) in &chunks(&report) {
            assert!(b - a <= CHUNK);
            let limit = crate::text::floor_boundary(&report, a + CHUNK).min(report.len());
            assert_eq!(figures_reach(report.as_bytes(), a, limit), limit);
        }
    }

    /// A long text dense in grouped figures is cut between figures, never
    /// inside one (`1,|250` would make a phantom `250人`), and a text no
    /// longer than a piece stays whole, however dense.
    #[test]
    fn cuts_fall_between_figures() {
        let rules = RuleSet::builtin().unwrap();
        let grouped = "1,250人".repeat(60_000);
        assert!(grouped.len() > CHUNK && chunks(&grouped).len() >= 2);
        let a = analyze_blocks(&grouped, &[], &rules);
        assert_eq!(a.quantities.len(), 60_000);
        assert!(a
            .quantities
            .iter()
            .all(|q| q.value == crate::exact::int(1250)));
        let short = "1 ".repeat(32_766) + "需救治17093人,已救治1,250人,救治进度50%。\n";
        assert!(short.len() <= CHUNK);
        assert_eq!(chunks(&short), vec![(0, short.len())]);
        assert_eq!(lint("r.txt", &short, &rules).len(), 1);
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
