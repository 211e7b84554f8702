//! Markdown pipe tables as [`Table`]s. A table is found by its delimiter row
//! (`|---|:--:|`) under a row with a pipe; the lines from its head to the
//! first blank line are parsed alone by pulldown-cmark (as the whole text
//! would read them, but for tables inside lists or quotes), so a long
//! document costs no parser tree of its own. The nearest line above the head (over one
//! blank line) is the caption (`表1 … 单位：万元`).

use crate::tables::{Cell, Table};
use crate::text::Span;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

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

/// The table in `text[start..end]`.
fn parse(text: &str, start: usize, end: usize) -> Option<Table> {
    let block = &text[start..end];
    let mut cells = Vec::new();
    let (mut row, mut col) = (0u32, 0u32);
    let mut in_head = false;
    let mut head_rows = 0;
    let mut cell_start = None;
    for (event, range) in Parser::new_ext(block, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                head_rows = 1;
                row += 1;
                col = 0;
            }
            Event::End(TagEnd::TableRow) => {
                row += 1;
                col = 0;
            }
            Event::Start(Tag::TableCell) => cell_start = Some(range.clone()),
            Event::End(TagEnd::TableCell) => {
                let r = cell_start.take().unwrap_or(range);
                cells.push(Cell {
                    row,
                    col,
                    rows: 1,
                    cols: 1,
                    span: Span::new(start + r.start, start + r.end),
                    header: in_head,
                });
                col += 1;
            }
            Event::End(TagEnd::Table) => break,
            _ => {}
        }
    }
    (!cells.is_empty()).then_some(Table {
        cells,
        head_rows: Some(head_rows),
        caption: None,
        sheet: None,
    })
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
