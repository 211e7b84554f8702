//! CSV and TSV files: one table, cells named `C7` as a spreadsheet names
//! them. The fields are read as RFC 4180 says (quotes around a field that
//! holds the delimiter, a line break or `""`), by hand because the `csv`
//! crate does not say where in the file a field lies, and every cell here
//! must point back into the file.
//!
//! The prose of the file is its fields, each a block of its own (the
//! delimiters and quotes blanked): a long text field is read as sentences,
//! and no sentence runs from one cell into the next.

use crate::tables::{Cell, Table};
use crate::text::{Breaks, Span};

/// The table of a delimited file, its prose and the block ends of its
/// fields.
pub fn read(text: &str, delimiter: u8) -> (Table, String, Breaks) {
    let bytes = text.as_bytes();
    let mut masked = bytes.to_vec();
    let mut cells = Vec::new();
    let mut breaks = Vec::new();
    let (mut row, mut col) = (0u32, 0u32);
    let mut i = 0;
    // A BOM is no part of the first field.
    if text.starts_with('\u{feff}') {
        masked[..3].fill(b' ');
        i = 3;
    }
    while i < bytes.len() {
        let (span, next, quoted) = if bytes[i] == b'"' {
            // A quoted field: to the quote not doubled.
            let mut j = i + 1;
            loop {
                match memchr::memchr(b'"', &bytes[j..]) {
                    Some(k) if bytes.get(j + k + 1) == Some(&b'"') => j += k + 2,
                    Some(k) => break (Span::new(i + 1, j + k), j + k + 1, true),
                    None => break (Span::new(i + 1, bytes.len()), bytes.len(), true),
                }
            }
        } else {
            let end = bytes[i..]
                .iter()
                .position(|&b| b == delimiter || b == b'\n' || b == b'\r')
                .map_or(bytes.len(), |k| i + k);
            (Span::new(i, end), end, false)
        };
        if quoted {
            masked[span.start - 1] = b' ';
            if span.end < bytes.len() && bytes[span.end] == b'"' {
                masked[span.end] = b' ';
            }
            // A doubled quote reads as one: blank the first.
            let mut k = span.start;
            while k + 1 < span.end {
                if bytes[k] == b'"' && bytes[k + 1] == b'"' {
                    masked[k] = b' ';
                    k += 2;
                } else {
                    k += 1;
                }
            }
        }
        cells.push(Cell {
            row,
            col,
            rows: 1,
            cols: 1,
            span,
            header: false,
        });
        breaks.push(span.end);
        // Past anything before the delimiter or line end (a stray quote).
        let mut j = next;
        while j < bytes.len() && bytes[j] != delimiter && bytes[j] != b'\n' && bytes[j] != b'\r' {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == delimiter {
            masked[j] = b' ';
            col += 1;
            i = j + 1;
            if i == bytes.len() {
                cells.push(Cell {
                    row,
                    col,
                    rows: 1,
                    cols: 1,
                    span: Span::new(i, i),
                    header: false,
                });
            }
        } else {
            // A line end (\r\n, \n or \r).
            if j < bytes.len() && bytes[j] == b'\r' && bytes.get(j + 1) == Some(&b'\n') {
                j += 1;
            }
            row += 1;
            col = 0;
            i = j + 1;
        }
    }
    let prose = String::from_utf8(masked).unwrap_or_else(|_| text.to_string());
    let table = Table {
        cells,
        head_rows: None,
        caption: None,
        sheet: Some(String::new()),
    };
    (table, prose, breaks.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(u32, u32, String)> {
        let (t, prose, _) = read(text, b',');
        assert_eq!(prose.len(), text.len());
        t.cells
            .iter()
            .map(|c| (c.row, c.col, text[c.span.start..c.span.end].to_string()))
            .collect()
    }

    #[test]
    fn fields_and_their_places() {
        assert_eq!(
            fields("a,b\n1,\"2,5\"\r\n\"x\"\"y\",\n"),
            vec![
                (0, 0, "a".into()),
                (0, 1, "b".into()),
                (1, 0, "1".into()),
                (1, 1, "2,5".into()),
                (2, 0, "x\"\"y".into()),
                (2, 1, "".into()),
            ]
        );
        let (t, _, _) = read("a,b\n1,2", b',');
        assert_eq!(t.cell_name(1, 1).as_deref(), Some("B2"));
    }

    #[test]
    fn unclosed_quote_and_odd_bytes_never_panic() {
        for text in [
            "\"abc",
            "a,\"b",
            ",,,",
            "\n\n",
            "\"\"",
            "a\"b,c",
            "\u{feff}x,y",
        ] {
            let (t, prose, _) = read(text, b',');
            assert_eq!(prose.len(), text.len());
            for c in &t.cells {
                assert!(c.span.start <= c.span.end && c.span.end <= text.len());
            }
        }
    }
}
