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
use crate::suppress::Unused;
use crate::text::Breaks;
use rayon::prelude::*;
use std::sync::OnceLock;

/// What numlint found in one text.
pub struct Analysis {
    pub quantities: Vec<Quantity>,
    pub claims: Vec<Claim>,
}

pub fn analyze(text: &str, rules: &RuleSet) -> Analysis {
    analyze_blocks(text, &Breaks::default(), rules)
}

/// Gives the messages of the claims that do not hold the words of `text`
/// where `prose`, which they were read from, was simplified from it
/// (`script`): the same message, in the script of the file.
fn restore_messages(claims: &mut [Claim], prose: &str, text: &str) {
    if std::ptr::eq(prose, text) {
        return;
    }
    for claim in claims.iter_mut() {
        let near = (
            claim.start(),
            claim.labels.iter().map(|l| l.span.end).max().unwrap_or(0),
        );
        let Some(v) = claim.verdict.as_mut() else {
            continue;
        };
        let back = |s: &mut String| {
            if let Some(r) = crate::script::restore(s, prose, text, near) {
                *s = r;
            }
        };
        back(&mut v.message);
        back(&mut v.help);
        if let Some(e) = v.expected.as_mut() {
            back(e);
        }
    }
}

/// Size of the pieces a long text is analysed in: memory stays bounded by it,
/// not by the file. Pieces end between sentences. A piece's claims and
/// findings are held until it is done: a text dense in findings (`达到个`
/// over and over, one in 9 bytes) holds some 800 bytes for each, 6 MiB for a
/// piece of 64 KiB (with 256 KiB pieces such a text of 1 MB peaked at 60 MiB
/// on two cores, over its 33 MiB target; BENCHMARKS.md).
pub const CHUNK: usize = 64 * 1024;

/// Analyses a text whose blocks end at `breaks` (see [`Source::breaks`]),
/// piece by piece.
pub fn analyze_blocks(text: &str, breaks: &Breaks, rules: &RuleSet) -> Analysis {
    // Traditional characters read as simplified, offsets unchanged.
    let original = text;
    let text = crate::script::simplified(text);
    let mut analysis = analyze_prose(&text, breaks, rules);
    restore_messages(&mut analysis.claims, &text, original);
    analysis
}

/// What numlint finds in a source (`numlint extract`): the quantities and
/// claims of its prose (already simplified, see [`Source::from_text`]) and
/// of its tables, in text order.
pub fn analyze_source(source: &Source, rules: &RuleSet) -> Analysis {
    let text = source.prose();
    let mut analysis = analyze_prose(text, &source.breaks, rules);
    analysis.claims.extend(crate::tables::claims(
        text,
        &source.tables,
        (0, usize::MAX),
        rules,
    ));
    analysis.claims.sort_by_key(Claim::start);
    restore_messages(&mut analysis.claims, text, &source.text);
    analysis
}

/// The quantities and claims of `text`, read piece by piece.
fn analyze_prose(text: &str, breaks: &Breaks, rules: &RuleSet) -> Analysis {
    let mut quantities = Vec::new();
    let mut claims = Vec::new();
    each_chunk(text, breaks, rules, |found_quantities, found| {
        quantities.extend(found_quantities);
        claims.extend(found);
    });
    Analysis { quantities, claims }
}

/// Runs the checks over `text` in pieces of about [`CHUNK`] bytes, cut after a
/// sentence end (or, in a sentence longer than a piece, after a clause end, or
/// at last anywhere between characters). `f` gets each piece's quantities and
/// claims (those it owns, see [`piece_claims`]).
fn each_chunk(
    text: &str,
    breaks: &Breaks,
    rules: &RuleSet,
    mut f: impl FnMut(Vec<Quantity>, Vec<Claim>),
) {
    for piece in chunks(text) {
        let (doc, claims) = piece_analysis(text, piece, breaks, rules);
        let mut quantities = doc.quantities;
        quantities.retain(|q| (piece.0..piece.1).contains(&q.start));
        f(quantities, claims);
    }
}

/// Bytes read on either side of a cut that is not a sentence end: a claim
/// that crosses such a cut is found whole by the piece it starts in, with as
/// much of the text around it as its grammar reads (far more than any check
/// reads: `分别为` looks at most 600 bytes on, a share's verb 64 figures
/// back).
pub const CONTEXT: usize = 8 * 1024;

/// The claims of one piece of `text` (those that start in it), and the
/// document they were read from: the piece itself where it is cut at sentence
/// ends, with [`CONTEXT`] on a side cut inside a sentence (a scraped page
/// with no sentence end for more than a piece), so that the claims crossing
/// the cut are the claims of the text read whole, found once.
///
/// Claims are owned by where they start (the first of their figures).
fn piece_analysis<'t>(
    text: &'t str,
    piece: (usize, usize),
    breaks: &Breaks,
    rules: &RuleSet,
) -> (Doc<'t>, Vec<Claim>) {
    let read = read_span(text, piece);
    let doc = Doc::chunk(text, crate::text::Span::new(read.0, read.1), breaks)
        .with_words(rules.word_index());
    let mut claims = find_claims(&doc, rules);
    if read != piece {
        claims.retain(|c| (piece.0..piece.1).contains(&c.start()));
    }
    (doc, claims)
}

/// The claims of one piece of `text` (see [`piece_analysis`]).
fn piece_claims(text: &str, piece: (usize, usize), breaks: &Breaks, rules: &RuleSet) -> Vec<Claim> {
    piece_analysis(text, piece, breaks, rules).1
}

/// What is read to check the piece `start..end` of `text`: the piece, widened
/// by [`CONTEXT`] on a side where it is cut inside a sentence, to a clause
/// end (never inside a figure) where there is one.
fn read_span(text: &str, (start, end): (usize, usize)) -> (usize, usize) {
    let clean = |cut: usize| {
        cut == 0
            || cut >= text.len()
            || text[..cut]
                .chars()
                .next_back()
                .is_some_and(crate::text::is_sentence_end)
    };
    let from = if clean(start) {
        start
    } else {
        let lo = crate::text::floor_boundary(text, start.saturating_sub(CONTEXT));
        // After the first clause end of the context, if any.
        let window = &text[lo..start];
        window
            .char_indices()
            .find(|&(i, c)| crate::text::is_clause_end(c) && !between_digits(window, i, c))
            .map_or(lo, |(i, c)| lo + i + c.len_utf8())
    };
    let to = if clean(end) {
        end
    } else {
        let hi = crate::text::floor_boundary(text, (end + CONTEXT).min(text.len()));
        clause_cut(&text[end..hi]).map_or(hi, |i| {
            end + i + text[end + i..].chars().next().map_or(1, char::len_utf8)
        })
    };
    (from, to)
}

/// Whether the character `c` at `i` of `window` stands between two digits
/// (the comma of `1,250`, the colon of `1:10`).
fn between_digits(window: &str, i: usize, c: char) -> bool {
    let digit = |c: Option<char>| c.is_some_and(crate::lexer::arabic::is_digit);
    digit(window[..i].chars().next_back()) && digit(window[i + c.len_utf8()..].chars().next())
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
    // A text no longer than a piece is one piece, however dense.
    if text.len() - start <= CHUNK {
        return text.len();
    }
    // Memory follows the figures too (a quantity takes 168 bytes), but a
    // figure takes two bytes at least (a digit and what parts it from the
    // next): a piece holds at most 32 768, 5 MiB of quantities.
    let limit = crate::text::floor_boundary(text, start + CHUNK);
    let window = &text[start..limit];
    let after = |i: usize| start + i + window[i..].chars().next().map_or(1, char::len_utf8);
    // A sentence end first: a line break may fall inside a sentence (a
    // scraped page breaks lines anywhere, `17093\n\n人`), and a piece cut
    // there would split its claim. Text with none (English) is cut at a line
    // break.
    let cut = window
        .rfind(crate::text::is_sentence_end)
        .or_else(|| window.rfind('\n'))
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
    window
        .char_indices()
        .rev()
        .filter(|&(_, c)| crate::text::is_clause_end(c))
        .find(|&(i, c)| !between_digits(window, i, c))
        .map(|(i, _)| i)
}

/// Lints one text: its findings, in the order of the contract.
pub fn lint(path: &str, text: &str, rules: &RuleSet) -> Vec<Finding> {
    let a = analyze(text, rules);
    findings(path, text, a.claims, rules)
}

/// Lints a source: its prose is analysed, positions point into its text, and
/// its inline suppressions apply (unused ones are reported as warnings).
pub fn lint_source(source: &Source, rules: &RuleSet) -> Vec<Finding> {
    let directives = crate::suppress::directives(&source.text, source.format);
    lint_whole(
        source,
        rules,
        &Unused::default(),
        chunks(source.prose()),
        &directives,
    )
}

/// [`lint_source`] with the pieces cut and the directives read.
fn lint_whole(
    source: &Source,
    rules: &RuleSet,
    policy: &Unused,
    pieces: Vec<(usize, usize)>,
    directives: &[crate::suppress::Directive],
) -> Vec<Finding> {
    // The pieces of a large file are independent: they run in parallel.
    let text = source.prose();
    let mut claims: Vec<Claim> = pieces
        .into_par_iter()
        .flat_map_iter(|piece| piece_claims(text, piece, &source.breaks, rules))
        .collect();
    claims.extend(crate::tables::claims(
        text,
        &source.tables,
        (0, usize::MAX),
        rules,
    ));
    restore_messages(&mut claims, text, &source.text);
    let mut out = findings(&source.path, &source.text, claims, rules);
    name_cells(source, &mut out);
    let unused = crate::suppress::apply(
        &source.path,
        &source.text,
        directives,
        &mut out,
        rules,
        policy,
    );
    out.extend(unused);
    crate::finding::sort(&mut out);
    out
}

/// Names the cells of spreadsheets and CSV files that findings point at
/// (`Sheet1!C7`).
fn name_cells(source: &Source, findings: &mut [Finding]) {
    if source.tables.iter().all(|t| t.sheet.is_none()) {
        return;
    }
    for f in findings {
        for l in &mut f.labels {
            l.cell = crate::tables::cell_name_at(&source.tables, l.start);
        }
        f.cell = crate::tables::cell_name_at(&source.tables, f.start);
    }
}

/// Lints a source as [`lint_source`] does, but hands over its findings piece
/// by piece, so a large file's findings need not all be held at once:
/// `emit(k, n, findings)` is called once for each piece `k` of `n`, from
/// whichever thread checked it, in no set order. Concatenated in the order of
/// `k`, the pieces are exactly [`lint_source`]'s findings.
///
/// Whether a suppression directive was used is known only once every piece is
/// checked, and a directive that was not is reported where it stands: a large
/// file with directives is checked twice, first to learn which are used
/// (holding no findings), then to hand its findings over.
pub fn lint_source_pieces(
    source: &Source,
    rules: &RuleSet,
    emit: impl Fn(usize, usize, Vec<Finding>) + Sync,
) {
    lint_source_pieces_with(source, rules, &Unused::default(), emit)
}

/// [`lint_source_pieces`], with directives that suppress nothing reported as
/// `policy` says (the run's selection of `unused-suppression`).
pub fn lint_source_pieces_with(
    source: &Source,
    rules: &RuleSet,
    policy: &Unused,
    emit: impl Fn(usize, usize, Vec<Finding>) + Sync,
) {
    let text = source.prose();
    let pieces = chunks(text);
    let directives = crate::suppress::directives(&source.text, source.format);
    if pieces.len() <= 1 {
        emit(0, 1, lint_whole(source, rules, policy, pieces, &directives));
        return;
    }
    // Built by the first piece that needs it: most large files have no
    // finding.
    let index = OnceLock::new();
    let last = pieces.last().map_or(0, |p| p.0);
    let findings_of = |piece: (usize, usize)| {
        let mut claims = piece_claims(text, piece, &source.breaks, rules);
        // A table belongs to the piece it begins in.
        let to = if piece.0 == last { usize::MAX } else { piece.1 };
        claims.extend(crate::tables::claims(
            text,
            &source.tables,
            (piece.0, to),
            rules,
        ));
        restore_messages(&mut claims, text, &source.text);
        let mut found = findings_with(&source.path, &source.text, &index, claims, rules);
        name_cells(source, &mut found);
        found
    };
    let suppressions = crate::suppress::Suppressions::new(&directives);
    if !directives.is_empty() {
        pieces.par_iter().for_each(|&piece| {
            for f in findings_of(piece) {
                suppressions.suppresses(&f);
            }
        });
    }
    let n = pieces.len();
    // Pieces are taken in order, so they finish nearly in order and few wait
    // for those before them.
    pieces
        .into_iter()
        .enumerate()
        .par_bridge()
        .for_each(|(k, piece)| {
            let mut found = findings_of(piece);
            if !directives.is_empty() {
                found.retain(|f| !suppressions.suppresses(f));
                // The directives that start in this piece (the last takes
                // the end of the text).
                let end = if k + 1 == n { usize::MAX } else { piece.1 };
                let unused = suppressions.unused(
                    &source.path,
                    &source.text,
                    piece.0..end,
                    &index,
                    rules,
                    policy,
                );
                if !unused.is_empty() {
                    found.extend(unused);
                    crate::finding::sort(&mut found);
                }
            }
            emit(k, n, found);
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

    /// The pieces of a long text made of figures lie end to end, each no
    /// longer than [`CHUNK`]; the rest, once no longer than a piece, is one.
    #[test]
    fn pieces_tile_the_text() {
        let dense: String = (0..200_000).map(|i| format!("{}%", i % 100)).collect();
        let pieces = chunks(&dense);
        assert!(
            pieces.len() >= dense.len() / CHUNK,
            "{} pieces",
            pieces.len()
        );
        assert_eq!(pieces.first().map(|p| p.0), Some(0));
        assert_eq!(pieces.last().map(|p| p.1), Some(dense.len()));
        for w in pieces.windows(2) {
            assert_eq!(w[0].1, w[1].0);
        }
        assert!(pieces.iter().all(|&(a, b)| a < b && b - a <= CHUNK));
        let (&(a, _), cut) = pieces.split_last().expect("pieces");
        assert!(cut.iter().all(|&(a, _)| dense.len() - a > CHUNK));
        assert!(dense.len() - a <= CHUNK);
    }

    /// A text with no sentence end for more than a piece (a scraped page on
    /// one line) is cut at a clause end, inside a run of claims: the claim
    /// that crosses each cut is still found, once (1,491 claims of 44 bytes
    /// had given 1,490 findings).
    #[test]
    fn no_claim_is_lost_at_a_cut_inside_a_sentence() {
        let rules = RuleSet::builtin().unwrap();
        let claim = "需救治100人,已救治90人,救治率80%,";
        assert_eq!(claim.len(), 44);
        for n in [1_491, 4_000] {
            let text = claim.repeat(n);
            assert!(chunks(&text).len() >= 2);
            let source = Source::from_text("line.txt", Format::Text, text);
            assert_eq!(lint_source(&source, &rules).len(), n);
            let pieces = Mutex::new(0);
            lint_source_pieces(&source, &rules, |_, _, f| {
                *pieces.lock().unwrap() += f.len()
            });
            assert_eq!(pieces.into_inner().unwrap(), n);
            let a = analyze(&source.text, &rules);
            assert_eq!(a.claims.len(), n);
            assert_eq!(a.quantities.len(), 3 * n);
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
        let a = analyze_blocks(&grouped, &Breaks::default(), &rules);
        assert_eq!(a.quantities.len(), 60_000);
        assert!(a
            .quantities
            .iter()
            .all(|q| q.value == crate::exact::int(1250)));
        let short = "1 ".repeat(32_000) + "需救治17093人,已救治1,250人,救治进度50%。\n";
        assert!(short.len() <= CHUNK);
        assert_eq!(chunks(&short), vec![(0, short.len())]);
        assert_eq!(lint("r.txt", &short, &rules).len(), 1);
    }

    /// A scraped page breaks lines inside sentences: pieces are still cut
    /// after a sentence end, so no claim is split (a cut at the line break
    /// had lost the finding of `17093\n人`), and every sentence's finding is
    /// made once.
    #[test]
    fn pieces_end_at_sentence_ends_not_line_breaks() {
        let rules = RuleSet::builtin().unwrap();
        let sentence = "全市需大病救治17093\n人,已救治17025人,救治进度99.3%。";
        let text = sentence.repeat(3 * CHUNK / sentence.len());
        let pieces = chunks(&text);
        assert!(pieces.len() >= 3, "{} pieces", pieces.len());
        for &(_, end) in &pieces {
            assert!(text[..end].ends_with('。'), "cut at {end}");
        }
        let source = Source::from_text("scraped.txt", Format::Text, text.clone());
        let found = lint_source(&source, &rules);
        assert_eq!(found.len(), text.matches('。').count());
        assert!(found.iter().all(|f| f.rule == "ratio-mismatch"));
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

    /// A large file with suppression directives is handed over in pieces
    /// too: the same findings as whole, the unused directives reported
    /// where they stand, whichever piece that is.
    #[test]
    fn a_file_with_suppressions_is_handed_over_in_pieces() {
        let rules = RuleSet::builtin().unwrap();
        let mut text = String::from("numlint-disable-next-line ratio\n");
        text.push_str(&long_text());
        text.push_str("numlint-disable sum\n需救治100人,已救治90人,救治率80%。\n");
        text.push_str(&long_text());
        text.push_str("\nnumlint-disable-next-line ratio\n全市需大病救治17093人,已救治17025人,救治进度99.3%。\n");
        let source = Source::from_text("long.txt", Format::Text, text);
        let whole = lint_source(&source, &rules);
        let pieces = Mutex::new(Vec::new());
        lint_source_pieces(&source, &rules, |k, n, f| {
            pieces.lock().unwrap().push((k, n, f));
        });
        let mut pieces = pieces.into_inner().unwrap();
        pieces.sort_by_key(|p| p.0);
        assert!(pieces.len() >= 6, "{} pieces", pieces.len());
        let joined: Vec<Finding> = pieces.into_iter().flat_map(|p| p.2).collect();
        // Two directives suppressed nothing (the first line and `sum`), one
        // a finding.
        let unused: Vec<usize> = whole
            .iter()
            .filter(|f| f.rule == "unused-suppression")
            .map(|f| f.line)
            .collect();
        assert_eq!(unused.len(), 2, "{unused:?}");
        assert!(whole.len() > 10);
        assert_eq!(joined, whole);
    }
}
