//! Word documents to text: the paragraphs of `word/document.xml` (table cells
//! included), one per line, so a finding's `line` is its paragraph number. A
//! sentence split across runs (`<w:r>`) is one sentence.

use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;

/// Largest `document.xml` read, uncompressed: a guard against zip bombs.
const MAX_XML: u64 = 256 * 1024 * 1024;

/// The paragraphs of a .docx, joined by line breaks, and its tables.
pub fn read(bytes: &[u8]) -> Result<(String, Vec<crate::tables::Table>), String> {
    Ok((paragraphs(bytes)?, Vec::new()))
}

/// The paragraphs of a .docx, joined by line breaks.
pub fn paragraphs(bytes: &[u8]) -> Result<String, String> {
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
    let mut in_text = false;
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"t" => in_text = true,
                b"p" => lines.start(),
                _ => {}
            },
            Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                b"tab" => lines.text("\t"),
                b"br" | b"cr" => lines.text(" "),
                b"p" => lines.empty(),
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                let s = t
                    .unescape()
                    .map_err(|e| format!("malformed word/document.xml: {e}"))?;
                lines.text(&s);
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => lines.end(),
                _ => {}
            },
            Ok(Event::Eof) => break,
            Err(quick_xml::Error::Io(e)) => {
                return Err(format!("cannot read word/document.xml: {e}"))
            }
            Err(e) => return Err(format!("malformed word/document.xml: {e}")),
            _ => {}
        }
    }
    Ok(lines.finish())
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

    #[test]
    fn truncated_files_are_errors() {
        let bytes = docx("<w:document/>");
        assert!(paragraphs(&bytes[..bytes.len() / 2]).is_err());
        assert!(paragraphs(b"not a zip").is_err());
    }
}
