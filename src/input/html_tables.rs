//! HTML `<table>`s as [`Table`]s: rows (`<tr>`), cells (`<td>`, `<th>`)
//! placed past the cells that span into their row (`rowspan`, `colspan`),
//! the rows of `<thead>` as the head, `<caption>` as the caption. A cell's
//! span is its content between its tags, inner tags and all (the prose has
//! them blanked). A table inside a cell is a table of its own. Missing end
//! tags are implied, as browsers imply them: a cell ends where the next
//! cell, row or table end begins.

use crate::tables::{Cell, Table};
use crate::text::Span;

/// The largest `rowspan` or `colspan` taken as written.
const MAX_SPAN: u32 = 1000;

/// A table being read.
#[derive(Default)]
struct Open {
    table: Table,
    /// Which positions of each row are covered.
    taken: Vec<Vec<bool>>,
    row: Option<u32>,
    in_head: bool,
    caption: Option<usize>,
    /// The cell being read: its content's start, header, rows, cols, column.
    cell: Option<(usize, bool, u32, u32, u32)>,
}

impl Open {
    fn end_cell(&mut self, at: usize) {
        if let Some((start, header, rows, cols, col)) = self.cell.take() {
            let row = self.row.unwrap_or(0);
            self.table.cells.push(Cell {
                row,
                col,
                rows,
                cols,
                span: Span::new(start, at.max(start)),
                header,
            });
        }
    }

    fn start_cell(&mut self, start: usize, header: bool, attrs: &str) {
        let row = *self.row.get_or_insert(0) as usize;
        let rows = attr_number(attrs, "rowspan").clamp(1, MAX_SPAN);
        let cols = attr_number(attrs, "colspan").clamp(1, MAX_SPAN);
        if self.taken.len() <= row {
            self.taken.resize(row + 1, Vec::new());
        }
        let mut col = 0;
        while self.taken[row].get(col).copied().unwrap_or(false) {
            col += 1;
        }
        for r in row..row + rows as usize {
            if self.taken.len() <= r {
                self.taken.resize(r + 1, Vec::new());
            }
            let line = &mut self.taken[r];
            if line.len() < col + cols as usize {
                line.resize(col + cols as usize, false);
            }
            line[col..col + cols as usize].fill(true);
        }
        self.cell = Some((start, header, rows, cols, col as u32));
    }
}

/// The tables of an HTML text.
pub fn tables(text: &str) -> Vec<Table> {
    let mut out = Vec::new();
    if find_ci(text, 0, "<table").is_none() {
        return out;
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'<', &text.as_bytes()[i..]) {
        let at = i + k;
        if text[at..].starts_with("<!--") {
            i = text[at + 4..]
                .find("-->")
                .map_or(text.len(), |e| at + 4 + e + 3);
            continue;
        }
        let Some(close) = text[at..].find('>') else {
            break;
        };
        let end = at + close + 1;
        let inner = &text[at + 1..end - 1];
        let closing = inner.starts_with('/');
        let inner = inner.trim_start_matches('/');
        let name_len = inner
            .find(|c: char| c.is_whitespace() || c == '/')
            .unwrap_or(inner.len());
        let name = inner[..name_len].to_ascii_lowercase();
        let attrs = &inner[name_len..];
        i = end;
        if matches!(name.as_str(), "script" | "style") && !closing {
            let end_tag = format!("</{name}");
            i = find_ci(text, end, &end_tag).unwrap_or(text.len());
            continue;
        }
        match (name.as_str(), closing) {
            ("table", false) => {
                let mut t = Open::default();
                t.table.caption = text_before(text, at);
                stack.push(t);
            }
            ("table", true) => {
                if let Some(mut t) = stack.pop() {
                    t.end_cell(at);
                    if !t.table.cells.is_empty() {
                        out.push(t.table);
                    }
                }
            }
            _ => {
                let Some(t) = stack.last_mut() else {
                    continue;
                };
                match (name.as_str(), closing) {
                    ("caption", false) => t.caption = Some(end),
                    ("caption", true) => {
                        if let Some(s) = t.caption.take() {
                            t.table.caption = Some(Span::new(s, at.max(s)));
                        }
                    }
                    ("thead", c) => t.in_head = !c,
                    ("tr", false) => {
                        t.end_cell(at);
                        let row = t.row.map_or(0, |r| r + 1);
                        t.row = Some(row);
                        if t.in_head {
                            t.table.head_rows = Some(row + 1);
                        }
                    }
                    ("tr", true) => t.end_cell(at),
                    ("td" | "th", false) => {
                        t.end_cell(at);
                        t.start_cell(end, name == "th", attrs);
                    }
                    ("td" | "th", true) => t.end_cell(at),
                    _ => {}
                }
            }
        }
    }
    // Tables never closed end with the text.
    while let Some(mut t) = stack.pop() {
        t.end_cell(text.len());
        if !t.table.cells.is_empty() {
            out.push(t.table);
        }
    }
    out.sort_by_key(Table::start);
    out
}

/// The last run of text between tags in the 300 bytes before `at` (a
/// `<p>单位：万元</p>` over a table without a `<caption>`), when it is
/// short enough to be a title or a unit line.
fn text_before(text: &str, at: usize) -> Option<Span> {
    let from = crate::text::floor_boundary(text, at.saturating_sub(300));
    let window = &text[from..at];
    let mut end = window.len();
    loop {
        let open = window[..end].rfind('<')?;
        let close = window[..open].rfind('>')?;
        let run = &window[close + 1..open];
        if !run.trim().is_empty() {
            let lead = run.len() - run.trim_start().len();
            let t = run.trim();
            return (t.chars().count() <= 80)
                .then(|| Span::new(from + close + 1 + lead, from + close + 1 + lead + t.len()));
        }
        end = close;
    }
}

/// Where `needle` (ASCII) next occurs in `text` from `from`, in any case.
fn find_ci(text: &str, from: usize, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    text.as_bytes()[from..]
        .windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
        .map(|p| from + p)
}

/// The number an attribute gives (`rowspan="2"`), 1 when absent or odd.
fn attr_number(attrs: &str, name: &str) -> u32 {
    let lower = attrs.to_ascii_lowercase();
    let Some(p) = lower.find(name) else {
        return 1;
    };
    let rest = lower[p + name.len()..].trim_start();
    let Some(rest) = rest.strip_prefix('=') else {
        return 1;
    };
    let digits: String = rest
        .trim_start()
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(char::is_ascii_digit)
        .take(6)
        .collect();
    digits.parse().unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_head_and_caption() {
        let text = "<table><caption>单位：个</caption><thead><tr><th rowspan=2>类别</th><th colspan='2'>数量</th></tr>\
<tr><th>甲</th><th>乙</th></tr></thead><tr><td>医院<td><b>12</b></td><td>3</td></tr></table>";
        let t = tables(text);
        assert_eq!(t.len(), 1);
        let t = &t[0];
        assert_eq!(t.head_rows, Some(2));
        let unit = "<p>单位：万元</p>\n<table><tr><td>1</td></tr></table>";
        let c = tables(unit)[0].caption.unwrap();
        assert_eq!(&unit[c.start..c.end], "单位：万元");
        let c = t.caption.unwrap();
        assert_eq!(&text[c.start..c.end], "单位：个");
        let cells = crate::tables::layout(text, t);
        assert_eq!(
            cells,
            [
                (0, 0, 2, 1, "类别"),
                (0, 1, 1, 2, "数量"),
                (1, 1, 1, 1, "甲"),
                (1, 2, 1, 1, "乙"),
                (2, 0, 1, 1, "医院"),
                (2, 1, 1, 1, "<b>12</b>"),
                (2, 2, 1, 1, "3"),
            ]
        );
    }

    #[test]
    fn broken_markup_never_panics() {
        for text in [
            "<table><tr><td>1",
            "<table><td rowspan=999999>x</td></table>",
            "</table><tr><td>",
            "<table><tr><td>a<table><tr><td>1</td></tr></table></td></tr></table>",
            "<table <td",
            "<TABLE><TR><TD>1</TD></TR></TABLE><!-- <table>",
        ] {
            for t in tables(text) {
                for c in &t.cells {
                    assert!(c.span.start <= c.span.end && c.span.end <= text.len());
                }
            }
        }
    }
}
