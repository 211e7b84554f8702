//! Spreadsheets (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`) through calamine:
//! the workbook rendered as text, one [`Table`] per sheet whose cells are
//! named as the spreadsheet names them (`Sheet1!C7`).
//!
//! The text is, for each sheet, a line with its name, then one line per
//! sheet row from the first (row 1 is the line after the name), its cells
//! separated by tabs from column A on (the k-th field of a line is column
//! k), a blank line between sheets. A cell reads as it is displayed in the
//! General format: integers without `.0`, other numbers in their shortest
//! decimal form at Excel's 15 significant digits, dates and times in ISO
//! 8601, errors as `#DIV/0!`, booleans as `TRUE`/`FALSE`; tabs and line
//! breaks in a text cell are spaces. Each cell's end is a block end, so no
//! sentence runs from one cell into the next.
//!
//! An `.xlsx` sheet is read cell by cell as it is unzipped (a sheet of 100 000
//! rows is never held as a grid); the other formats are read a sheet at a
//! time. Merged regions (`.xlsx`, `.xls`) give the first cell of each its
//! rows and columns.

use crate::tables::{Cell, Table};
use crate::text::{Breaks, Span};
use calamine::{Data, DataRef, Reader};
use std::collections::HashMap;
use std::fmt::Write;
use std::io::Cursor;

/// A workbook read: its rendering, the block ends of its cells and one table
/// per sheet.
#[derive(Debug, Default)]
pub struct Workbook {
    pub text: String,
    pub breaks: Breaks,
    pub tables: Vec<Table>,
}

/// Reads the workbook in `bytes`, its kind told by `extension` (`xlsx`,
/// `xlsm`, `xlsb`, `xls`, `ods`; anything else is tried as each).
pub fn read(bytes: &[u8], extension: &str) -> Result<Workbook, String> {
    let cursor = Cursor::new(bytes);
    let mut book = Builder::default();
    match extension.to_ascii_lowercase().as_str() {
        "xlsx" | "xlsm" => read_xlsx(cursor, &mut book)?,
        "xls" => {
            let mut wb: calamine::Xls<_> = calamine::open_workbook_from_rs(cursor)
                .map_err(|e| format!("not a readable Excel 97-2003 workbook (.xls): {e}"))?;
            let merges = |wb: &calamine::Xls<_>, name: &str| {
                wb.worksheet_merge_cells(name)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|d| (d.start, d.end))
                    .collect::<Vec<_>>()
            };
            read_ranges(&mut wb, &mut book, merges)?;
        }
        "xlsb" => {
            let mut wb: calamine::Xlsb<_> = calamine::open_workbook_from_rs(cursor)
                .map_err(|e| format!("not a readable Excel binary workbook (.xlsb): {e}"))?;
            read_ranges(&mut wb, &mut book, |_, _| Vec::new())?;
        }
        "ods" => {
            let mut wb: calamine::Ods<_> = calamine::open_workbook_from_rs(cursor)
                .map_err(|e| format!("not a readable OpenDocument spreadsheet (.ods): {e}"))?;
            read_ranges(&mut wb, &mut book, |_, _| Vec::new())?;
        }
        _ => {
            let mut wb = calamine::open_workbook_auto_from_rs(cursor)
                .map_err(|e| format!("not a readable spreadsheet: {e}"))?;
            read_ranges(&mut wb, &mut book, |_, _| Vec::new())?;
        }
    }
    Ok(book.finish())
}

/// An `.xlsx` (or `.xlsm`) workbook, each sheet read cell by cell.
fn read_xlsx(cursor: Cursor<&[u8]>, book: &mut Builder) -> Result<(), String> {
    if cursor.get_ref().starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(
            "an encrypted (password-protected) workbook, or an old .xls under another name: \
             not readable as .xlsx"
                .into(),
        );
    }
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(cursor)
        .map_err(|e| format!("not a readable Excel workbook (.xlsx): {e}"))?;
    // Merged regions are a nicety: a workbook whose list is unreadable is
    // read without them.
    let merged = wb.load_merged_regions().is_ok();
    for name in worksheets(&wb) {
        let merges: Vec<_> = if merged {
            wb.merged_regions_by_sheet(&name)
                .into_iter()
                .map(|(_, _, d)| (d.start, d.end))
                .collect()
        } else {
            Vec::new()
        };
        book.sheet(&name, &merges);
        let mut cells = wb
            .worksheet_cells_reader(&name)
            .map_err(|e| format!("sheet {name:?} is unreadable: {e}"))?;
        while let Some(cell) = cells
            .next_cell()
            .map_err(|e| format!("sheet {name:?} is unreadable: {e}"))?
        {
            let (row, col) = cell.get_position();
            let mut s = std::mem::take(&mut book.scratch);
            s.clear();
            render_ref(cell.get_value(), &mut s);
            book.cell(row, col, &s);
            book.scratch = s;
        }
    }
    Ok(())
}

/// The worksheets of a workbook in order (no chart or macro sheets).
fn worksheets<R: std::io::Read + std::io::Seek, W: Reader<R>>(wb: &W) -> Vec<String> {
    wb.sheets_metadata()
        .iter()
        .filter(|s| s.typ == calamine::SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect()
}

/// Merged regions as `(start, end)`, both `(row, col)`, inclusive.
type Merge = ((u32, u32), (u32, u32));
type Merges = Vec<Merge>;

/// A workbook read a sheet at a time.
fn read_ranges<R, W>(
    wb: &mut W,
    book: &mut Builder,
    merges: impl Fn(&W, &str) -> Merges,
) -> Result<(), String>
where
    R: std::io::Read + std::io::Seek,
    W: Reader<R>,
    W::Error: std::fmt::Display,
{
    for name in worksheets(wb) {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| format!("sheet {name:?} is unreadable: {e}"))?;
        book.sheet(&name, &merges(wb, &name));
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut s = String::new();
        for (r, c, value) in range.used_cells() {
            s.clear();
            render(value, &mut s);
            book.cell(top + r as u32, left + c as u32, &s);
        }
    }
    Ok(())
}

/// The rendering being written.
#[derive(Default)]
struct Builder {
    text: String,
    breaks: Breaks,
    tables: Vec<Table>,
    /// The sheet being written: its table, the row and column (field) the
    /// text stands at, and whether that field is written.
    current: Option<(Table, u32, u32, bool)>,
    merges: HashMap<(u32, u32), (u32, u32)>,
    scratch: String,
}

impl Builder {
    /// Starts a sheet: its name on a line, after a blank line if another
    /// came before.
    fn sheet(&mut self, name: &str, merges: &[Merge]) {
        self.close();
        while !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
        let start = self.text.len();
        self.text.extend(name.chars().map(flat));
        let caption = Span::new(start, self.text.len());
        self.breaks.insert(self.text.len());
        self.text.push('\n');
        self.merges = merges
            .iter()
            .filter(|(s, e)| e.0 >= s.0 && e.1 >= s.1)
            .map(|&(s, e)| (s, (e.0 - s.0 + 1, e.1 - s.1 + 1)))
            .collect();
        let table = Table {
            cells: Vec::new(),
            head_rows: None,
            caption: Some(caption),
            sheet: Some(name.to_string()),
        };
        self.current = Some((table, 0, 0, false));
    }

    /// A cell's text, at its row and column (cells come row by row, left to
    /// right; one out of that order is dropped).
    fn cell(&mut self, row: u32, col: u32, value: &str) {
        if value.is_empty() {
            return;
        }
        let Some((table, at_row, at_col, filled)) = self.current.as_mut() else {
            return;
        };
        if row < *at_row || (row == *at_row && (col < *at_col || (col == *at_col && *filled))) {
            return;
        }
        if row > *at_row {
            self.text
                .extend(std::iter::repeat_n('\n', (row - *at_row) as usize));
            (*at_row, *at_col) = (row, 0);
        }
        *filled = true;
        self.text
            .extend(std::iter::repeat_n('\t', (col - *at_col) as usize));
        let start = self.text.len();
        self.text.extend(value.chars().map(flat));
        let end = self.text.len();
        self.breaks.insert(end);
        let (rows, cols) = self.merges.get(&(row, col)).copied().unwrap_or((1, 1));
        table.cells.push(Cell {
            row,
            col,
            rows,
            cols,
            span: Span::new(start, end),
            header: false,
        });
        *at_col = col;
    }

    /// Ends the sheet being written.
    fn close(&mut self) {
        if let Some((table, ..)) = self.current.take() {
            if !table.cells.is_empty() {
                self.tables.push(table);
            }
        }
    }

    fn finish(mut self) -> Workbook {
        self.close();
        Workbook {
            text: self.text,
            breaks: self.breaks,
            tables: self.tables,
        }
    }
}

/// A cell's text keeps to its line: tabs and line breaks are spaces.
fn flat(c: char) -> char {
    if matches!(c, '\t' | '\n' | '\r') {
        ' '
    } else {
        c
    }
}

/// A value as the sheet displays it (see the module's doc).
fn render(value: &Data, out: &mut String) {
    match value {
        Data::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Data::Float(f) => number(*f, out),
        Data::String(s) => out.push_str(s),
        Data::Bool(b) => out.push_str(if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(d) => date_time(d, out),
        Data::DateTimeIso(s) | Data::DurationIso(s) => out.push_str(s),
        Data::Error(e) => {
            let _ = write!(out, "{e}");
        }
        Data::Empty => {}
    }
}

/// [`render`] for the values of a sheet read cell by cell: text as it is
/// (no copy), any other value as calamine's `Data`.
fn render_ref(value: &DataRef<'_>, out: &mut String) {
    match value {
        DataRef::String(s) => out.push_str(s),
        DataRef::SharedString(s) => out.push_str(s),
        other => render(&Data::from(other.clone()), out),
    }
}

/// A number as Excel's General format shows it, without its exponent: a
/// whole number without `.0`, any other in the shortest decimal that reads
/// back as it (Rust's `{}`), cut to 15 significant digits as Excel keeps
/// (a sum stored as `0.30000000000000004` shows `0.3`).
pub fn number(f: f64, out: &mut String) {
    if !f.is_finite() {
        out.push_str("#NUM!");
        return;
    }
    if f.fract() == 0.0 && f.abs() < 1e15 {
        let _ = write!(out, "{}", f as i64);
        return;
    }
    let shortest = format!("{f}");
    let digits = shortest
        .bytes()
        .filter(u8::is_ascii_digit)
        .skip_while(|&b| b == b'0')
        .count();
    if digits <= 15 {
        out.push_str(&shortest);
        return;
    }
    // 15 significant digits: `d.dddddddddddddde±x`, written out plainly.
    let sci = format!("{f:.14e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    if negative {
        out.push('-');
    }
    // The point stands after `exp + 1` digits.
    let point = exp + 1;
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.push_str(digits);
    } else if point as usize >= digits.len() {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', point as usize - digits.len()));
    } else {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    }
}

/// A date or time cell in ISO 8601: `2024-03-31`, `2024-03-31T12:30:00`,
/// a duration as `hh:mm:ss`.
fn date_time(d: &calamine::ExcelDateTime, out: &mut String) {
    if d.is_duration() {
        let seconds = (d.as_f64() * 86_400.0).round() as i64;
        let _ = write!(
            out,
            "{:02}:{:02}:{:02}",
            seconds / 3600,
            seconds % 3600 / 60,
            seconds % 60
        );
        return;
    }
    let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
    if d.as_f64() < 1.0 && d.as_f64() >= 0.0 {
        // A time of day alone.
        let _ = write!(out, "{h:02}:{min:02}:{s:02}");
    } else if (h, min, s) == (0, 0, 0) {
        let _ = write!(out, "{y:04}-{m:02}-{day:02}");
    } else {
        let _ = write!(out, "{y:04}-{m:02}-{day:02}T{h:02}:{min:02}:{s:02}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(f: f64) -> String {
        let mut s = String::new();
        number(f, &mut s);
        s
    }

    #[test]
    fn numbers_as_displayed() {
        assert_eq!(num(3.0), "3");
        assert_eq!(num(-12.0), "-12");
        assert_eq!(num(0.1), "0.1");
        assert_eq!(num(0.1 + 0.2), "0.3");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(1234567.891), "1234567.891");
        assert_eq!(num(1e20), "100000000000000000000");
        assert_eq!(num(0.000_012_5), "0.0000125");
        assert_eq!(num(100.0 / 3.0), "33.3333333333333");
        assert_eq!(num(-2.0 / 3.0), "-0.666666666666667");
        assert_eq!(num(f64::NAN), "#NUM!");
    }

    /// Cells land on the line of their row and the field of their column;
    /// a sheet starting at C3 keeps its real names.
    #[test]
    fn rows_and_columns_are_the_sheets() {
        let mut b = Builder::default();
        b.sheet("Data", &[((2, 2), (2, 3))]);
        b.cell(2, 2, "Region");
        b.cell(2, 4, "Total");
        b.cell(3, 2, "North");
        b.cell(3, 3, "");
        b.cell(3, 4, "12");
        b.cell(3, 1, "late");
        b.cell(3, 4, "again");
        b.sheet("Empty", &[]);
        b.sheet("Two", &[]);
        b.cell(0, 0, "a\tb\nc");
        let w = b.finish();
        assert_eq!(
            w.text,
            "Data\n\n\n\t\tRegion\t\tTotal\n\t\tNorth\t\t12\n\nEmpty\n\nTwo\na b c"
        );
        assert_eq!(w.tables.len(), 2);
        let t = &w.tables[0];
        let named: Vec<(String, &str, u32)> = t
            .cells
            .iter()
            .map(|c| {
                (
                    t.cell_name(c.row, c.col).unwrap(),
                    &w.text[c.span.start..c.span.end],
                    c.cols,
                )
            })
            .collect();
        assert_eq!(
            named,
            [
                ("Data!C3".to_string(), "Region", 2),
                ("Data!E3".to_string(), "Total", 1),
                ("Data!C4".to_string(), "North", 1),
                ("Data!E4".to_string(), "12", 1),
            ]
        );
        let c = t.caption.unwrap();
        assert_eq!(&w.text[c.start..c.end], "Data");
        assert_eq!(w.tables[1].sheet.as_deref(), Some("Two"));
    }

    /// A workbook made by openpyxl (scripts/make-table-fixtures.py): the
    /// table starting at B1 keeps its names, the merged title spans three
    /// columns, a date and a float sum read as displayed.
    #[test]
    fn an_xlsx_file() {
        let bytes = include_bytes!("../../fixtures/tables/wrong/hospitals.xlsx");
        let w = read(bytes, "xlsx").unwrap();
        assert_eq!(
            w.text,
            "Sheet1\n\t表1 各区医疗机构数 单位：个\n\n\t地区\t医院\t床位\n\t东城区\t12\t3400\n\
             \t西城区\t15\t4100\n\t朝阳区\t21\t6900\n\t合计\t51\t14400\n\n\
             Notes\nSource: a made-up register, 2024.\n2024-03-31\t0.3"
        );
        let t = &w.tables[0];
        assert_eq!((t.cells[0].cols, t.cells[1].cols), (3, 1));
        let c7 = t
            .cells
            .iter()
            .find(|c| &w.text[c.span.start..c.span.end] == "51");
        let c7 = c7.unwrap();
        assert_eq!(t.cell_name(c7.row, c7.col).as_deref(), Some("Sheet1!C7"));
        assert_eq!(w.tables[1].sheet.as_deref(), Some("Notes"));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for ext in ["xlsx", "xlsm", "xls", "xlsb", "ods", "bin"] {
            assert!(read(b"not a workbook at all", ext).is_err(), "{ext}");
            assert!(read(b"", ext).is_err(), "{ext}");
        }
        let err = read(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", "xlsx").unwrap_err();
        assert!(err.contains("password"), "{err}");
    }
}
