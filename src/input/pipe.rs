//! Markdown pipe tables as [`Table`]s. A table is found by its delimiter row
//! (`|---|:--:|`) under a row with a pipe; its rows are the lines from its
//! head to the first blank line, split at their pipes by hand (GFM's rules;
//! tables inside lists or quotes are not read). The nearest line above the head (over one
//! blank line) is the caption (`表1 … 单位：万元`).

use crate::tables::{Cell, Table};
use crate::text::Span;

/// The pipe tables of a Markdown text.
pub fn tables(text: &str) -> Vec<Table> {
    let mut out = Vec::new();
    let lines: Vec<(usize, &str)> = line_starts(text);
    let mut k = 1;
    while k < lines.len() {
        let (_, line) = lines[k];
        let (head_start, head) = lines[k - 1];
        if is_delimiter_row(line) && head.contains('|') && !head.trim().is_empty() {
            let mut end_line = k + 1;
            while end_line < lines.len() && !lines[end_line].1.trim().is_empty() {
                end_line += 1;
            }
            let end = lines.get(end_line).map_or(text.len(), |l| l.0);
            // The nearest line above the head, over one blank line.
            let caption = (2..=3)
                .filter_map(|d| k.checked_sub(d).map(|i| lines[i]))
                .find(|(_, l)| !l.trim().is_empty())
                .filter(|(_, l)| !l.contains('|'))
                .map(|(s, l)| Span::new(s, s + l.trim_end().len()));
            if let Some(mut t) = parse(text, head_start, end) {
                t.caption = caption;
                out.push(t);
            }
            k = end_line + 1;
        } else {
            k += 1;
        }
    }
    out
}

/// Each line's start and text (without its line end).
fn line_starts(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        out.push((start, line.trim_end_matches(['\n', '\r'])));
        start += line.len();
    }
    out
}

/// `|---|:--:|`, `--- | ---`: a row of dashes and colons between pipes.
fn is_delimiter_row(line: &str) -> bool {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    let cells: Vec<&str> = t.split('|').map(str::trim).collect();
    (cells.len() >= 2 || line.contains('|'))
        && cells.iter().all(|c| {
            let c = c.trim_start_matches(':').trim_end_matches(':');
            !c.is_empty() && c.bytes().all(|b| b == b'-')
        })
}

/// The table whose head row begins at `start` and whose rows end at `end`
/// (its delimiter row is the second line). Rows are split by hand, as GFM
/// says (a pipe escaped with `\\` or inside a code span is no border; the
/// leading and trailing pipes are optional): pulldown-cmark's tree of a long
/// table would take some 25 bytes for each of its bytes.
fn parse(text: &str, start: usize, end: usize) -> Option<Table> {
    let mut cells = Vec::new();
    let mut row = 0u32;
    let mut at = start;
    for (k, line) in text[start..end].split_inclusive('\n').enumerate() {
        let line_start = at;
        at += line.len();
        if k == 1 {
            continue;
        }
        let body = line.trim_end_matches(['\n', '\r']);
        for (col, (a, b)) in split_row(body).into_iter().enumerate() {
            cells.push(Cell {
                row,
                col: col as u32,
                rows: 1,
                cols: 1,
                span: Span::new(line_start + a, line_start + b),
                header: row == 0,
            });
        }
        row += 1;
    }
    (!cells.is_empty()).then_some(Table {
        cells,
        head_rows: Some(1),
        caption: None,
        sheet: None,
    })
}

/// The cells of one row: byte ranges of `line` between its pipes.
fn split_row(line: &str) -> Vec<(usize, usize)> {
    let b = line.as_bytes();
    let mut bounds = Vec::new();
    let mut code = false;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'`' => code = !code,
            b'|' if !code => bounds.push(i),
            _ => {}
        }
        i += 1;
    }
    let lead = line.len() - line.trim_start().len();
    let mut edges: Vec<usize> = Vec::with_capacity(bounds.len() + 2);
    if bounds.first() != Some(&lead) {
        edges.push(lead.saturating_sub(1));
        // A row without a leading pipe: its first cell starts at the line's
        // first character (edges hold the byte before each cell).
        if lead == 0 {
            edges[0] = usize::MAX;
        }
    }
    edges.extend(bounds.iter().copied());
    let trail = line.trim_end().len();
    let ends_with_pipe = bounds.last().is_some_and(|&p| p + 1 == trail);
    if !ends_with_pipe {
        edges.push(trail);
    }
    edges
        .windows(2)
        .map(|w| {
            let a = if w[0] == usize::MAX { 0 } else { w[0] + 1 };
            (a.min(w[1]), w[1])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_point_into_the_text() {
        let text =
            "表1 单位：个\n\n| 类别 | 数量 |\n|---|--:|\n| 医院 | 12 |\n| 合计 | 12 |\n\nafter";
        let t = tables(text);
        assert_eq!(t.len(), 1);
        let cells: Vec<&str> = t[0]
            .cells
            .iter()
            .map(|c| text[c.span.start..c.span.end].trim())
            .collect();
        assert_eq!(cells, ["类别", "数量", "医院", "12", "合计", "12"]);
        assert_eq!(t[0].cells[5].row, 2);
        assert_eq!(t[0].head_rows, Some(1));
        let c = t[0].caption.unwrap();
        assert_eq!(&text[c.start..c.end], "表1 单位：个");
    }

    #[test]
    fn caption_line_and_no_table() {
        let text = "单位：万元\n| a | b |\n| --- | --- |\n| x | 1 |\n";
        let t = tables(text);
        let c = t[0].caption.unwrap();
        assert_eq!(&text[c.start..c.end], "单位：万元");
        assert!(tables("a | b\nno delimiter\n").is_empty());
        assert!(tables("---\n---\n").is_empty());
    }
}
