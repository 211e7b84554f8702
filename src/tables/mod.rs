//! Tables: the grids of cells every input format yields (Markdown pipe
//! tables, HTML `<table>`, CSV/TSV, Word `w:tbl`, spreadsheets), how a grid
//! is read (header rows, the label column, each cell's figure as an exact
//! interval) and the checks over them, one module each: [`total`] (a total
//! row or column against what it covers), [`share`] (a share column against
//! the figures and their total), [`change`] (a change column against two
//! period columns), [`rate`] (a rate column against its numerator and
//! denominator columns), [`prose`] (a figure of the text around a table
//! that restates one of its cells).
//!
//! A format module only says where each cell is (its span in the source
//! text, its row and column, how many it spans, whether it is a header); all
//! reading of what the cells mean lives here. When the structure of a table
//! is not clear (no label column, a header that is no period, a unit that
//! differs), its checks make no claim.

pub mod change;
pub mod grid;
pub mod prose;
pub mod rate;
pub mod share;
pub mod total;
pub mod value;

use crate::checks::Claim;
use crate::rules::{CheckKind, RuleSet};
use crate::text::Span;
pub use grid::Grid;

/// One cell as a format found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// First row and column it covers (0-based, after earlier cells' spans).
    pub row: u32,
    pub col: u32,
    /// How many rows and columns it covers (at least 1).
    pub rows: u32,
    pub cols: u32,
    /// Its content in the source text (may be empty).
    pub span: Span,
    /// Marked as a header by the format (`<th>`, a Markdown head row, a Word
    /// header row).
    pub header: bool,
}

/// A table as a format found it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// The cells in reading order (row by row).
    pub cells: Vec<Cell>,
    /// How many leading rows the format marks as the head (`<thead>`, the
    /// first row of a Markdown table), when it says.
    pub head_rows: Option<u32>,
    /// The caption, or the line before the table (a title, `单位:万元`).
    pub caption: Option<Span>,
    /// How its cells are named in findings: a spreadsheet's sheet
    /// (`Sheet1!C7`), or `Some("")` for a CSV file (`C7`); `None` where the
    /// line and column say enough.
    pub sheet: Option<String>,
}

impl Table {
    /// The A1 name of the cell at `row`, `col` (0-based), with its sheet.
    pub fn cell_name(&self, row: u32, col: u32) -> Option<String> {
        let sheet = self.sheet.as_ref()?;
        let mut letters = Vec::new();
        let mut c = col + 1;
        while c > 0 {
            let r = (c - 1) % 26;
            letters.push(b'A' + r as u8);
            c = (c - 1) / 26;
        }
        letters.reverse();
        let col = String::from_utf8(letters).unwrap_or_default();
        Some(if sheet.is_empty() {
            format!("{col}{}", row + 1)
        } else {
            format!("{sheet}!{col}{}", row + 1)
        })
    }

    /// Where the table begins in the text.
    pub fn start(&self) -> usize {
        self.cells.first().map_or(0, |c| c.span.start)
    }
}

/// Each cell of a table as (row, column, rows, columns, text), for tests.
#[cfg(test)]
pub(crate) fn layout<'t>(text: &'t str, table: &Table) -> Vec<(u32, u32, u32, u32, &'t str)> {
    table
        .cells
        .iter()
        .map(|c| {
            (
                c.row,
                c.col,
                c.rows,
                c.cols,
                &text[c.span.start..c.span.end],
            )
        })
        .collect()
}

/// The name of the cell whose content holds `offset`, in the tables that
/// name their cells (spreadsheets and CSV files).
pub fn cell_name_at(tables: &[Table], offset: usize) -> Option<String> {
    tables.iter().filter(|t| t.sheet.is_some()).find_map(|t| {
        // The cells of a named table follow its text: the last that starts
        // at or before `offset` is the one that may hold it.
        let k = t.cells.partition_point(|c| c.span.start <= offset);
        let c = t.cells.get(k.checked_sub(1)?)?;
        (offset < c.span.end.max(c.span.start + 1)).then(|| t.cell_name(c.row, c.col))?
    })
}

/// Every claim the table rules make about the tables that begin in
/// `start..end` of `text` (the prose of the source, where cell spans point).
/// A table continued in the next (its caption says `续` or `continued`, its
/// head is the same) is read as one with it. A cell two checks find wrong
/// (a grand total, by its row and its column) is reported once.
pub fn claims(
    text: &str,
    tables: &[Table],
    (start, end): (usize, usize),
    rules: &RuleSet,
) -> Vec<Claim> {
    let mut out = Vec::new();
    // Most pieces of a large file begin no table.
    if !tables.iter().any(|t| (start..end).contains(&t.start())) {
        return out;
    }
    // Tables joined with their continuations, and where each group ends.
    let mut groups: Vec<std::borrow::Cow<Table>> = Vec::new();
    let mut k = 0;
    while k < tables.len() {
        let mut table = std::borrow::Cow::Borrowed(&tables[k]);
        k += 1;
        while k < tables.len() && continues(text, &table, &tables[k]) {
            table = std::borrow::Cow::Owned(joined(&table, &tables[k]));
            k += 1;
        }
        groups.push(table);
    }
    let end_of = |t: &Table| t.cells.iter().map(|c| c.span.end).max().unwrap_or(0);
    for (g, table) in groups.iter().enumerate() {
        if !(start..end).contains(&table.start()) {
            continue;
        }
        let Some(grid) = Grid::read(text, table) else {
            continue;
        };
        let before = g.checked_sub(1).map_or(0, |p| end_of(&groups[p]));
        let after = groups.get(g + 1).map_or(text.len(), |n| n.start());
        let around = prose::windows(text, (table.start(), end_of(table)), before, after);
        for rule in &rules.rules {
            if rule.lang.is_some_and(|l| l != grid.lang) {
                continue;
            }
            match rule.check {
                CheckKind::TableTotal => out.extend(total::find(&grid, rule)),
                CheckKind::TableShare => out.extend(share::find(&grid, rule)),
                CheckKind::TableChange => out.extend(change::find(&grid, rule)),
                CheckKind::TableRate => out.extend(rate::find(&grid, rule)),
                CheckKind::TableProse => {
                    for w in around {
                        out.extend(prose::find(&grid, rule, w));
                    }
                }
                _ => {}
            }
        }
    }
    // A cell found wrong twice (by its row and its column) is one finding.
    let key = |c: &Claim| {
        (
            c.labels.first().map(|l| (l.span.start, l.span.end)),
            c.consistent(),
        )
    };
    out.sort_by(|a, b| key(a).cmp(&key(b)).then_with(|| a.rule.cmp(&b.rule)));
    out.dedup_by(|a, b| key(a) == key(b) && a.rule == b.rule && !a.consistent());
    out.sort_by_key(Claim::start);
    out
}

/// The claims one reading of a table makes (a total across its cells, a
/// share or change column down its rows), unless most of them fail: then
/// the table is read wrongly (a partial listing, a hidden level, another
/// formula), not written wrongly, and none is made.
pub(crate) fn vote(claims: Vec<Claim>) -> Vec<Claim> {
    let failed = claims.iter().filter(|c| !c.consistent()).count();
    if claims.len() >= 2 && failed * 2 > claims.len() {
        return Vec::new();
    }
    claims
}

/// Whether a body row is a part of the row above it (its label begins with
/// an `of_which` word: `其中:`, `of which`), not of a total.
pub(crate) fn is_sub(grid: &Grid, row: usize, v: &crate::rules::Vocabulary) -> bool {
    let label = grid.label(row).to_lowercase();
    v.of_which
        .iter()
        .any(|w| label.starts_with(&w.to_lowercase()))
}

/// A claim of a table check: its labels, those of the cells there are.
pub(crate) fn cell_claim(
    check: CheckKind,
    rule: &crate::rules::Rule,
    labels: [Option<crate::checks::Label>; 3],
    verdict: Option<crate::checks::Verdict>,
) -> Claim {
    Claim {
        check,
        rule: rule.id.clone(),
        labels: labels.into_iter().flatten().collect(),
        verdict,
    }
}

/// Whether `next` continues `table`: its caption says so and its head
/// reads the same.
fn continues(text: &str, table: &Table, next: &Table) -> bool {
    let Some(caption) = next.caption else {
        return false;
    };
    let caption = text
        .get(caption.start..caption.end)
        .unwrap_or("")
        .to_lowercase();
    if !["续", "續", "continued", "(cont"]
        .iter()
        .any(|w| caption.contains(w))
    {
        return false;
    }
    let head = |t: &Table| -> Option<Vec<String>> {
        let rows = t.head_rows.filter(|&h| h > 0)?;
        Some(
            t.cells
                .iter()
                .filter(|c| c.row < rows)
                .map(|c| {
                    text.get(c.span.start..c.span.end)
                        .unwrap_or("")
                        .trim()
                        .to_string()
                })
                .collect(),
        )
    };
    head(table).is_some() && head(table) == head(next)
}

/// `table` with the body rows of `next` below its own.
fn joined(table: &Table, next: &Table) -> Table {
    let rows = table
        .cells
        .iter()
        .map(|c| c.row + c.rows)
        .max()
        .unwrap_or(0);
    let skip = next.head_rows.unwrap_or(0);
    let mut out = table.clone();
    out.cells
        .extend(next.cells.iter().filter(|c| c.row >= skip).map(|c| Cell {
            row: c.row - skip + rows,
            ..c.clone()
        }));
    out
}
