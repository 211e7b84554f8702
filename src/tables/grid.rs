//! A table read as a grid: every position of its rows and columns points at
//! the cell covering it; the head rows, the label column and the data columns
//! are found; each cell's content is read once ([`super::value`]).
//!
//! The head is what the format marks, extended by the rows that follow it
//! and hold no figure (a second header row, a units row); a table whose
//! format marks none takes its leading rows without figures. Years in a
//! head (`2023年`, `FY2024`) are labels, not figures. The label column is the
//! first whose body is mostly text; columns before it (codes, ranks) and
//! columns whose head names a code, rank or year hold no figures to check.

use super::value::{self, is_space, Figure, Value};
use super::{Cell, Table};
use crate::text::{Lang, Span};

/// A table read for the checks.
pub struct Grid<'t> {
    pub text: &'t str,
    pub table: &'t Table,
    pub rows: usize,
    pub cols: usize,
    /// The cell index covering each position, row by row.
    slots: Vec<Option<u32>>,
    values: Vec<Value>,
    /// Rows of the head.
    pub head: usize,
    /// The column holding the row labels.
    pub label_col: usize,
    /// Columns whose cells are figures to check.
    pub data_cols: Vec<usize>,
    pub lang: Lang,
    /// Whether whole numbers are rounded (the unit has a scale: 万元,
    /// `in thousands`): they stand for every value that rounds to them.
    pub rounded: bool,
    /// Each row's label as [`key`] reads it.
    label_keys: Vec<String>,
}

/// Head words of columns that hold no figure to add up or divide: codes,
/// ranks, years, serial numbers.
const NOT_DATA: &[&str] = &[
    "序号",
    "编号",
    "代码",
    "编码",
    "位次",
    "排名",
    "排序",
    "名次",
    "年份",
    "年度",
    "科目编码",
    "no.",
    "no",
    "rank",
    "code",
    "id",
    "year",
    "fy",
    "#",
];

/// Words in a caption or head that say whole numbers are rounded (the unit
/// has a scale).
const SCALES: &[&str] = &[
    "万", "亿", "千元", "千人", "百万", "thousand", "million", "billion", "000s", "000's", "$000",
    "mn", "bn",
];

impl<'t> Grid<'t> {
    /// Reads `table` of `text`; `None` when it is no grid to check (fewer
    /// than two body rows or two columns).
    pub fn read(text: &'t str, table: &'t Table) -> Option<Grid<'t>> {
        let rows = table
            .cells
            .iter()
            .map(|c| (c.row + c.rows) as usize)
            .max()?;
        let cols = table
            .cells
            .iter()
            .map(|c| (c.col + c.cols) as usize)
            .max()?;
        if rows < 2 || cols < 2 || rows.saturating_mul(cols) > 4_000_000 {
            return None;
        }
        let mut slots = vec![None; rows * cols];
        for (i, c) in table.cells.iter().enumerate() {
            for r in c.row..c.row + c.rows {
                for k in c.col..c.col + c.cols {
                    let slot = &mut slots[r as usize * cols + k as usize];
                    if slot.is_none() {
                        *slot = Some(i as u32);
                    }
                }
            }
        }
        let values = table
            .cells
            .iter()
            .map(|c| {
                if c.span.end > text.len()
                    || !text.is_char_boundary(c.span.start)
                    || !text.is_char_boundary(c.span.end)
                {
                    Value::Text
                } else {
                    value::read(text, c.span)
                }
            })
            .collect();
        let mut grid = Grid {
            text,
            table,
            rows,
            cols,
            slots,
            values,
            head: 0,
            label_col: 0,
            data_cols: Vec::new(),
            lang: Lang::En,
            rounded: false,
            label_keys: Vec::new(),
        };
        grid.head = grid.find_head();
        if grid.head + 2 > rows {
            return None;
        }
        grid.label_col = grid.find_label_col()?;
        grid.label_keys = (0..rows).map(|r| key(grid.label(r))).collect();
        grid.data_cols = (grid.label_col + 1..cols)
            .filter(|&c| grid.is_data_col(c))
            .collect();
        let labels: String = (0..grid.head)
            .flat_map(|r| (0..cols).map(move |c| (r, c)))
            .chain((grid.head..rows).map(|r| (r, grid.label_col)))
            .filter_map(|(r, c)| grid.cell(r, c))
            .map(|c| &text[c.span.start..c.span.end])
            .collect();
        grid.lang = if labels.chars().any(crate::text::is_han) {
            Lang::Zh
        } else {
            Lang::En
        };
        let caption = table.caption.map_or("", |s| &text[s.start..s.end]);
        let heads: String = (0..grid.head)
            .flat_map(|r| (0..cols).map(move |c| (r, c)))
            .filter_map(|(r, c)| grid.cell(r, c))
            .map(|c| &text[c.span.start..c.span.end])
            .collect();
        let lower = format!("{caption} {heads}").to_lowercase();
        grid.rounded = SCALES.iter().any(|w| lower.contains(w));
        if grid.rounded {
            for v in &mut grid.values {
                if let Value::Figure(f) = v {
                    f.iv = f.interval(true);
                }
            }
        }
        Some(grid)
    }

    /// The cell covering `row`, `col`.
    pub fn cell(&self, row: usize, col: usize) -> Option<&'t Cell> {
        let i = (*self.slots.get(row * self.cols + col)?)?;
        self.table.cells.get(i as usize)
    }

    fn value(&self, row: usize, col: usize) -> Option<&Value> {
        let i = (*self.slots.get(row * self.cols + col)?)?;
        self.values.get(i as usize)
    }

    /// The figure at `row`, `col`, when a cell of its own holds one (a cell
    /// spanning rows or columns holds none of theirs).
    pub fn figure(&self, row: usize, col: usize) -> Option<&Figure> {
        let cell = self.cell(row, col)?;
        if cell.rows != 1 || cell.cols != 1 {
            return None;
        }
        match self.value(row, col)? {
            Value::Figure(f) => Some(f),
            _ => None,
        }
    }

    /// Whether nothing is stated at `row`, `col` (blank, a dash).
    pub fn is_empty(&self, row: usize, col: usize) -> bool {
        matches!(self.value(row, col), None | Some(Value::Empty))
    }

    /// The text of the cell at `row`, `col`, trimmed.
    pub fn text_at(&self, row: usize, col: usize) -> &'t str {
        self.cell(row, col).map_or("", |c| {
            self.text[c.span.start..c.span.end].trim_matches(is_space)
        })
    }

    /// The label of a body row: its label cell, trimmed.
    pub fn label(&self, row: usize) -> &'t str {
        self.text_at(row, self.label_col)
    }

    /// The label of a row without spaces, colons and footnote marks, for
    /// matching words (`合　计` is `合计`).
    pub fn label_key(&self, row: usize) -> &str {
        self.label_keys.get(row).map_or("", String::as_str)
    }

    /// How far the label of a row is indented (spaces of any width before
    /// it), or `None` where the format keeps no indentation.
    pub fn indent(&self, row: usize) -> usize {
        self.cell(row, self.label_col).map_or(0, |c| {
            let raw = &self.text[c.span.start..c.span.end];
            raw.chars()
                .take_while(|&ch| is_space(ch))
                .map(|ch| if ch.is_ascii() { 1 } else { 2 })
                .sum()
        })
    }

    /// The head of a column: its head cells, top to bottom, each once.
    pub fn heading(&self, col: usize) -> String {
        let mut parts: Vec<&str> = Vec::new();
        for r in 0..self.head {
            // A title (the one cell of its row, over other head rows) heads
            // no column of its own.
            if r + 1 < self.head && self.cells_in_row(r) == 1 {
                continue;
            }
            let t = self.text_at(r, col);
            if !t.is_empty() && !parts.contains(&t) {
                parts.push(t);
            }
        }
        parts.join(" / ")
    }

    /// How many cells of a row hold anything.
    fn cells_in_row(&self, row: usize) -> usize {
        let mut seen: Vec<u32> = (0..self.cols)
            .filter(|&c| !self.is_empty(row, c))
            .filter_map(|c| self.slots[row * self.cols + c])
            .collect();
        seen.dedup();
        seen.len()
    }

    /// The lowest head cell of a column (its own name, below any group).
    pub fn own_heading(&self, col: usize) -> &'t str {
        (0..self.head)
            .rev()
            .map(|r| self.text_at(r, col))
            .find(|t| !t.is_empty())
            .unwrap_or("")
    }

    /// The head cell over `col` in head row `row`, as a cell (for groups).
    pub fn head_cell(&self, row: usize, col: usize) -> Option<&'t Cell> {
        (row < self.head).then(|| self.cell(row, col)).flatten()
    }

    /// Whether a body row holds no figure in the data columns (a section
    /// title, `其中:`).
    pub fn is_section(&self, row: usize) -> bool {
        self.data_cols
            .iter()
            .all(|&c| self.figure(row, c).is_none())
    }

    /// The name of a position for messages: `row label / column head`.
    pub fn name(&self, row: usize, col: usize) -> String {
        let head = self.heading(col);
        let label = self.label(row);
        match (label.is_empty(), head.is_empty()) {
            (false, false) => format!("{label} / {head}"),
            (false, true) => label.to_string(),
            (true, false) => head,
            (true, true) => format!("row {}, column {}", row + 1, col + 1),
        }
    }

    fn find_head(&self) -> usize {
        let marked = self.table.head_rows.map_or(0, |h| h as usize);
        let mut head = marked;
        // Rows all marked as header cells.
        while head < self.rows
            && (0..self.cols).all(|c| self.cell(head, c).is_none_or(|cell| cell.header))
            && (0..self.cols).any(|c| self.cell(head, c).is_some())
        {
            head += 1;
        }
        // Rows holding no figure (a title, a second head row, a units
        // row, a blank row between them).
        while head < self.rows.saturating_sub(2) && head < 6 {
            let figures = (0..self.cols)
                .filter(|&c| self.is_figure_not_year(head, c))
                .count();
            if figures == 0 {
                head += 1;
            } else {
                break;
            }
        }
        head
    }

    /// A figure that is no year-like label.
    fn is_figure_not_year(&self, row: usize, col: usize) -> bool {
        matches!(self.value(row, col), Some(Value::Figure(_)))
            && !is_year_like(self.text_at(row, col))
    }

    fn find_label_col(&self) -> Option<usize> {
        (0..self.cols.min(3)).find(|&c| {
            let (mut text, mut figures) = (0, 0);
            for r in self.head..self.rows {
                if self.is_figure_not_year(r, c) {
                    figures += 1;
                } else if !self.is_empty(r, c) {
                    text += 1;
                }
            }
            text > 0 && text >= figures * 2
        })
    }

    fn is_data_col(&self, col: usize) -> bool {
        let head = key(self.own_heading(col));
        if NOT_DATA.iter().any(|w| head == *w) {
            return false;
        }
        let (mut text, mut figures) = (0, 0);
        for r in self.head..self.rows {
            if self.figure(r, col).is_some()
                && !(is_year_like(self.text_at(r, col)) && head.contains("年份"))
            {
                figures += 1;
            } else if !self.is_empty(r, col) {
                text += 1;
            }
        }
        figures > 0 && figures >= text * 2
    }

    /// The span of the cell at `row`, `col` for labels: its figure, or the
    /// whole cell.
    pub fn span(&self, row: usize, col: usize) -> Option<Span> {
        self.figure(row, col)
            .map(|f| f.span)
            .or_else(|| self.cell(row, col).map(|c| c.span))
    }
}

/// A label for matching words: lower case, without colons and footnote
/// marks, spaces dropped next to a character that is no ASCII (`合　计` is
/// `合计`) and runs of them one space elsewhere (`% of total`).
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if is_space(c) {
            space = true;
            continue;
        }
        if matches!(c, ':' | '：' | '*' | '†' | '‡') {
            continue;
        }
        if space && !out.is_empty() && c.is_ascii() && out.ends_with(|p: char| p.is_ascii()) {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// `2023`, `2023年`, `FY2024`, `2023/24`, `2023年预算数`: a head that names a
/// year, which is a label, not a figure.
pub fn is_year_like(s: &str) -> bool {
    let s = s.trim_matches(is_space);
    let s = s
        .strip_prefix("FY")
        .or_else(|| s.strip_prefix("fy"))
        .unwrap_or(s)
        .trim_start();
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.len() != 4 {
        return false;
    }
    let Ok(y) = digits.parse::<u32>() else {
        return false;
    };
    let rest = &s[4..];
    (1900..=2100).contains(&y)
        && (rest.is_empty()
            || rest.starts_with('年')
            || rest.starts_with(['/', '-', '–', ' ', '*', '(', '（', 'e', 'p']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_labels() {
        for s in [
            "2023",
            "2023年",
            "FY2024",
            "2023/24",
            "2023年预算数",
            " 1998 ",
        ] {
            assert!(is_year_like(s), "{s}");
        }
        for s in ["12345", "1850", "合计", "2023.5", "20231"] {
            assert!(!is_year_like(s), "{s}");
        }
    }
}
