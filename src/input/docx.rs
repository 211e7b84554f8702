//! Word documents to text: the paragraphs of `word/document.xml` (table cells
//! included), one per line, so a finding's `line` is its paragraph number. A
//! sentence split across runs (`<w:r>`) is one sentence.

use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;

/// Largest `document.xml` read, uncompressed: a guard against zip bombs.
const MAX_XML: u64 = 256 * 1024 * 1024;

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
    // Paragraphs are written to `out` as they are read (a paragraph of
    // 200 MB had been held in a buffer of its own, then copied).
    let mut out = String::new();
    // Where the text after the last paragraph ends begins: a paragraph's
    // start drops what stands after it (text outside any paragraph, or the
    // start of one that holds another, a text box).
    let mut committed = 0;
    // Whether the line break before the current paragraph is written.
    let mut separated = false;
    let mut in_text = false;
    let mut started = false;
    // Text of the current paragraph, after its line break.
    let write = |out: &mut String, separated: &mut bool, started: bool, s: &str| {
        if started && !*separated {
            out.push('\n');
            *separated = true;
        }
        out.extend(s.chars().map(|c| if c == '\n' { ' ' } else { c }));
    };
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"t" => in_text = true,
                b"p" => {
                    out.truncate(committed);
                    separated = false;
                }
                _ => {}
            },
            Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                b"tab" => write(&mut out, &mut separated, started, "\t"),
                b"br" | b"cr" => write(&mut out, &mut separated, started, " "),
                b"p" => {
                    if started {
                        out.push('\n');
                    }
                    started = true;
                    committed = out.len();
                }
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                let s = t
                    .unescape()
                    .map_err(|e| format!("malformed word/document.xml: {e}"))?;
                write(&mut out, &mut separated, started, &s);
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => {
                    if started && !separated {
                        out.push('\n');
                    }
                    (started, separated, committed) = (true, false, out.len());
                }
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
    // Text after the last paragraph is no paragraph's.
    out.truncate(committed);
    Ok(out)
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

    #[test]
    fn truncated_files_are_errors() {
        let bytes = docx("<w:document/>");
        assert!(paragraphs(&bytes[..bytes.len() / 2]).is_err());
        assert!(paragraphs(b"not a zip").is_err());
    }
}
