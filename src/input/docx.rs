//! Word documents to text: the paragraphs of `word/document.xml` (table cells
//! included), one per line, so a finding's `line` is its paragraph number. A
//! sentence split across runs (`<w:r>`) is one sentence.
//!
//! Each table (`w:tbl`) is a [`Table`]: a row per `w:tr`, a cell per `w:tc`
//! whose span runs from its first paragraph's start to its last one's end,
//! `w:gridSpan` its columns, `w:vMerge` its rows (a continuing cell adds a
//! row to the cell that restarted the merge and is no cell of its own),
//! `w:gridBefore` columns skipped, rows marked `w:tblHeader` at the top the
//! head. The paragraph just before a table is its caption. A table nested in
//! a cell is no table of its own: its paragraphs are text of that cell.

use crate::tables::{Cell, Table};
use crate::text::Span;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::Read;

/// Largest `document.xml` read, uncompressed: a guard against zip bombs.
const MAX_XML: u64 = 256 * 1024 * 1024;

/// The paragraphs of a .docx, joined by line breaks.
pub fn paragraphs(bytes: &[u8]) -> Result<String, String> {
    read(bytes).map(|(text, _)| text)
}

/// The paragraphs of a .docx, joined by line breaks, and its tables.
pub fn read(bytes: &[u8]) -> Result<(String, Vec<Table>), String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a Word document (.docx): {e}"))?;
    let mut file = archive
        .by_name("word/document.xml")
        .map_err(|e| format!("not a Word document (no word/document.xml): {e}"))?;
    // Read as it is unzipped, not held whole: a small file may unzip to a
    // large document (each copy of 200 MB of text had been held at once).
    let mut reader = Reader::from_reader(std::io::BufReader::new(file.by_ref().take(MAX_XML)));
    let mut buf = Vec::new();
    let mut lines = Lines::default();
    let mut tables = Tables::default();
    let mut in_text = false;
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"t" => in_text = true,
                b"p" => lines.start(),
                _ => tables.open(&e),
            },
            Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                b"tab" => lines.text("\t"),
                b"br" | b"cr" => lines.text(" "),
                b"p" => {
                    lines.empty();
                    tables.paragraph(Span::new(lines.out.len(), lines.out.len()));
                }
                b"tc" => {
                    tables.open(&e);
                    tables.close(b"tc", &lines.out);
                }
                b"tr" => {
                    tables.open(&e);
                    tables.close(b"tr", &lines.out);
                }
                _ => tables.open(&e),
            },
            Ok(Event::Text(t)) if in_text => {
                let s = t
                    .unescape()
                    .map_err(|e| format!("malformed word/document.xml: {e}"))?;
                lines.text(&s);
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => {
                    lines.end();
                    // The paragraph is the last line (its line breaks are
                    // spaces).
                    let end = lines.out.len();
                    let start = lines.out.rfind('\n').map_or(0, |i| i + 1);
                    tables.paragraph(Span::new(start, end));
                }
                name => tables.close(name, &lines.out),
            },
            Ok(Event::Eof) => break,
            Err(quick_xml::Error::Io(e)) => {
                return Err(format!("cannot read word/document.xml: {e}"))
            }
            Err(e) => return Err(format!("malformed word/document.xml: {e}")),
            _ => {}
        }
    }
    Ok((lines.finish(), tables.done))
}

/// The `w:val` of an element (`w:gridSpan w:val="2"`).
fn val(e: &BytesStart) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == b"val")
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// The tables of a document as its elements are read.
#[derive(Default)]
struct Tables {
    done: Vec<Table>,
    /// How deep in tables the reader is (a table in a cell is depth 2).
    depth: u32,
    /// The table being read.
    table: Table,
    /// Its row being read (the count of rows begun, less one), and the
    /// column the next cell starts at.
    row: Option<u32>,
    col: u32,
    /// Whether each row is marked a header row.
    header_rows: Vec<bool>,
    /// The cell being read: its columns, its vertical merge, its paragraphs'
    /// extent.
    cell: Option<OpenCell>,
    /// The last paragraph with text outside every table.
    last_paragraph: Option<Span>,
}

struct OpenCell {
    cols: u32,
    merge: Merge,
    span: Option<Span>,
}

#[derive(PartialEq)]
enum Merge {
    None,
    Restart,
    Continue,
}

impl Tables {
    /// An element opens (or stands empty: a property).
    fn open(&mut self, e: &BytesStart) {
        let name = e.local_name();
        let name = name.as_ref();
        if name == b"tbl" {
            self.depth += 1;
            if self.depth == 1 {
                self.table = Table {
                    caption: self.last_paragraph.take(),
                    ..Table::default()
                };
                self.row = None;
                self.header_rows.clear();
            }
            return;
        }
        if self.depth != 1 {
            return;
        }
        match name {
            b"tr" => {
                self.row = Some(self.row.map_or(0, |r| r + 1));
                self.col = 0;
                self.header_rows.push(false);
            }
            b"tblHeader" => {
                let on = val(e).is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"));
                if let Some(h) = self.header_rows.last_mut() {
                    *h = on;
                }
            }
            b"gridBefore" if self.cell.is_none() => {
                self.col += val(e).and_then(|v| v.parse().ok()).unwrap_or(0).min(1000);
            }
            b"tc" => {
                self.cell = Some(OpenCell {
                    cols: 1,
                    merge: Merge::None,
                    span: None,
                });
            }
            b"gridSpan" => {
                if let Some(c) = self.cell.as_mut() {
                    c.cols = val(e)
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .clamp(1, 1000);
                }
            }
            b"vMerge" => {
                if let Some(c) = self.cell.as_mut() {
                    c.merge = if val(e).as_deref() == Some("restart") {
                        Merge::Restart
                    } else {
                        Merge::Continue
                    };
                }
            }
            _ => {}
        }
    }

    /// A paragraph has ended at `span` of the text.
    fn paragraph(&mut self, span: Span) {
        if self.depth == 0 {
            if span.end > span.start {
                self.last_paragraph = Some(span);
            }
            return;
        }
        if let Some(c) = self.cell.as_mut() {
            c.span = Some(c.span.map_or(span, |s| Span::new(s.start, span.end)));
        }
    }

    /// An element closes.
    fn close(&mut self, name: &[u8], out: &str) {
        if name == b"tbl" {
            if self.depth == 1 {
                self.finish_table();
            }
            self.depth = self.depth.saturating_sub(1);
            return;
        }
        if self.depth != 1 {
            return;
        }
        if name != b"tc" {
            return;
        }
        let (Some(cell), Some(row)) = (self.cell.take(), self.row) else {
            return;
        };
        let col = self.col;
        self.col = self.col.saturating_add(cell.cols);
        if cell.merge == Merge::Continue {
            // The cell above that this one continues, if any.
            if let Some(above) = self
                .table
                .cells
                .iter_mut()
                .rev()
                .find(|c| c.col == col && c.row + c.rows == row)
            {
                above.rows += 1;
                return;
            }
        }
        let span = cell.span.unwrap_or(Span::new(out.len(), out.len()));
        self.table.cells.push(Cell {
            row,
            col,
            rows: 1,
            cols: cell.cols,
            span,
            header: self.header_rows.last().copied().unwrap_or(false),
        });
    }

    fn finish_table(&mut self) {
        let mut table = std::mem::take(&mut self.table);
        let head = self.header_rows.iter().take_while(|&&h| h).count() as u32;
        table.head_rows = (head > 0).then_some(head);
        self.cell = None;
        self.last_paragraph = None;
        if !table.cells.is_empty() {
            self.done.push(table);
        }
    }
}

/// The text of a document's paragraphs, one per line, written as they are
/// read (a paragraph of 200 MB had been gathered in a buffer of its own,
/// then copied). A paragraph's text is kept when it ends; a paragraph's
/// start drops the text read since the last end (text outside every
/// paragraph, or what a paragraph held before one inside it, a text box);
/// an empty paragraph is an empty line where it stands, before the text of
/// a paragraph still open.
#[derive(Default)]
struct Lines {
    out: String,
    /// `out`'s length at the last paragraph's end: what follows is the
    /// text of the paragraph being read (its line break first).
    committed: usize,
    /// Whether that line break is written.
    separated: bool,
    /// Empty lines of empty paragraphs inside the one being read, which
    /// stand before its text.
    owed: usize,
    /// Whether any paragraph has ended (the first has no line break).
    started: bool,
}

impl Lines {
    fn start(&mut self) {
        self.out.truncate(self.committed);
        self.out.extend(std::iter::repeat_n('\n', self.owed));
        (self.committed, self.owed, self.separated) = (self.out.len(), 0, false);
    }

    fn text(&mut self, s: &str) {
        // The line break before the paragraph's text (where it began: text
        // read before the first paragraph ended may precede it).
        if self.started && !self.separated {
            self.out.insert(self.committed, '\n');
            self.separated = true;
        }
        self.out
            .extend(s.chars().map(|c| if c == '\n' { ' ' } else { c }));
    }

    fn empty(&mut self) {
        if self.out.len() == self.committed {
            if self.started {
                self.out.push('\n');
            }
            self.committed = self.out.len();
        } else {
            self.owed += usize::from(self.started);
        }
        self.started = true;
    }

    fn end(&mut self) {
        // The line breaks before the text: those owed, and its own (which
        // it may have been written without, when an empty paragraph inside
        // it was the first to end). Each paragraph's text moves once.
        let need = self.owed + usize::from(self.started);
        let have = usize::from(self.separated);
        if need > have {
            self.out
                .insert_str(self.committed, &"\n".repeat(need - have));
        }
        self.started = true;
        (self.committed, self.owed, self.separated) = (self.out.len(), 0, false);
    }

    fn finish(mut self) -> String {
        // Text after the last paragraph is no paragraph's: dropped as by a
        // paragraph's start.
        self.start();
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn docx(xml: &str) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buf);
        zip.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap();
        buf.into_inner()
    }

    #[test]
    fn runs_join_and_paragraphs_are_lines() {
        let xml = r#"<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>需救治17093</w:t></w:r><w:r><w:t>人,已救治17025人</w:t></w:r></w:p><w:p><w:r><w:t>第二段</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(
            paragraphs(&docx(xml)).unwrap(),
            "需救治17093人,已救治17025人\n第二段"
        );
    }

    /// Empty paragraphs are empty lines; a paragraph inside another (a text
    /// box) drops what its outer one held before it; text outside every
    /// paragraph is no line.
    #[test]
    fn nested_empty_and_stray_text() {
        let xml = r#"<w:document xmlns:w="x"><w:body><w:p/><w:p><w:r><w:t>需救治</w:t><w:tab/><w:t>17093人</w:t><w:br/></w:r><w:r><w:pict><w:p><w:r><w:t>框内3项</w:t></w:r></w:p></w:pict></w:r><w:r><w:t>,进度99.3%</w:t></w:r></w:p><w:p></w:p><w:r><w:t>stray 5</w:t></w:r><w:p><w:r><w:t>合计3人</w:t></w:r></w:p><w:r><w:t>tail 7</w:t></w:r></w:body></w:document>"#;
        assert_eq!(
            paragraphs(&docx(xml)).unwrap(),
            "\n框内3项\n,进度99.3%\n\n合计3人"
        );
        let xml = r#"<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>甲</w:t><w:tab/><w:t>1</w:t><w:br/><w:t>2</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(paragraphs(&docx(xml)).unwrap(), "甲\t1 2");
    }

    /// The paragraphs as they were read before they were written as read:
    /// each gathered in a buffer, kept at its end (the reference).
    #[derive(Default)]
    struct Buffered {
        out: String,
        paragraph: String,
        started: bool,
    }

    impl Buffered {
        fn step(&mut self, piece: u8, s: &str) {
            match piece {
                0 => self.paragraph.clear(),
                1 => {
                    if self.started {
                        self.out.push('\n');
                    }
                    self.started = true;
                }
                2 => {
                    if self.started {
                        self.out.push('\n');
                    }
                    self.started = true;
                    let p = std::mem::take(&mut self.paragraph);
                    self.out
                        .extend(p.chars().map(|c| if c == '\n' { ' ' } else { c }));
                }
                _ => self.paragraph.push_str(s),
            }
        }
    }

    proptest::proptest! {
        /// Any sequence of paragraph starts, ends, empty paragraphs and
        /// texts reads as it did when each paragraph was gathered first.
        #[test]
        fn written_as_read_is_gathered_first(
            pieces in proptest::collection::vec((0u8..5, "[a\n\t ]{0,3}"), 0..40),
        ) {
            let (mut lines, mut reference) = (Lines::default(), Buffered::default());
            for (piece, s) in &pieces {
                reference.step(*piece, s);
                match piece {
                    0 => lines.start(),
                    1 => lines.empty(),
                    2 => lines.end(),
                    _ => lines.text(s),
                }
            }
            proptest::prop_assert_eq!(lines.finish(), reference.out);
        }
    }

    fn cells(xml: &str) -> (String, Vec<Table>) {
        read(&docx(xml)).unwrap()
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    /// Rows, cells, a cell of two paragraphs, a header row, a caption.
    #[test]
    fn a_table_and_its_cells() {
        let xml = format!(
            r#"<w:document xmlns:w="x"><w:body>{}<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>{}</w:body></w:document>"#,
            p("Table 1. Staff"),
            p("Unit"),
            p("Staff"),
            p("North"),
            p("12"),
            p("(part time)"),
            p("Total"),
            p("after")
        );
        let (text, tables) = cells(&xml);
        assert_eq!(
            text,
            "Table 1. Staff\nUnit\nStaff\nNorth\n12\n(part time)\nTotal\n\nafter"
        );
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        let got: Vec<(u32, u32, bool, &str)> = t
            .cells
            .iter()
            .map(|c| (c.row, c.col, c.header, &text[c.span.start..c.span.end]))
            .collect();
        assert_eq!(
            got,
            [
                (0, 0, true, "Unit"),
                (0, 1, true, "Staff"),
                (1, 0, false, "North"),
                (1, 1, false, "12\n(part time)"),
                (2, 0, false, "Total"),
                (2, 1, false, ""),
            ]
        );
        assert_eq!(t.head_rows, Some(1));
        assert_eq!(t.sheet, None);
        let c = t.caption.unwrap();
        assert_eq!(&text[c.start..c.end], "Table 1. Staff");
    }

    /// `gridSpan` widens a cell, `vMerge` lengthens the one that restarts
    /// it, `gridBefore` skips columns; a nested table is text of its cell;
    /// no head is marked.
    #[test]
    fn spans_merges_and_nesting() {
        let xml = format!(
            r#"<w:document xmlns:w="x"><w:body><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>{}</w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}<w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>{}</w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr><w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr><w:tc>{}</w:tc></w:tr></w:tbl></w:body></w:document>"#,
            p("Head"),
            p("Side"),
            p("a"),
            p("b"),
            p("inner 5"),
            p("c"),
            p("z"),
        );
        let (text, tables) = cells(&xml);
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        let got = crate::tables::layout(&text, t);
        assert_eq!(
            got,
            [
                (0, 0, 1, 2, "Head"),
                (0, 2, 2, 1, "Side"),
                (1, 0, 1, 1, "a"),
                (1, 1, 1, 1, "b\ninner 5\nc"),
                (2, 2, 1, 1, "z"),
            ]
        );
        assert_eq!(t.head_rows, None);
        assert_eq!(t.caption, None);
    }

    /// Broken tables (a cell outside a row, a row outside a table, an
    /// unclosed table) give what they can and never panic.
    #[test]
    fn broken_tables_never_panic() {
        for body in [
            "<w:tc><w:p/></w:tc>",
            "<w:tr><w:tc><w:p/></w:tc></w:tr>",
            "<w:tbl><w:tr><w:tc><w:p/>",
            "<w:tbl><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc></w:tbl>",
            "<w:tbl><w:tr/><w:tr><w:tc/></w:tr></w:tbl>",
            "</w:tbl></w:tbl><w:tbl></w:tbl>",
        ] {
            let xml = format!(r#"<w:document xmlns:w="x"><w:body>{body}</w:body></w:document>"#);
            if let Ok((text, tables)) = read(&docx(&xml)) {
                for t in &tables {
                    for c in &t.cells {
                        assert!(c.span.start <= c.span.end && c.span.end <= text.len());
                    }
                }
            }
        }
    }

    #[test]
    fn truncated_files_are_errors() {
        let bytes = docx("<w:document/>");
        assert!(paragraphs(&bytes[..bytes.len() / 2]).is_err());
        assert!(paragraphs(b"not a zip").is_err());
    }
}
