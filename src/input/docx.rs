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
    let mut out = String::new();
    let mut paragraph = String::new();
    let mut in_text = false;
    let mut started = false;
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"t" => in_text = true,
                b"p" => paragraph.clear(),
                _ => {}
            },
            Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                b"tab" => paragraph.push('\t'),
                b"br" | b"cr" => paragraph.push(' '),
                b"p" => {
                    if started {
                        out.push('\n');
                    }
                    started = true;
                }
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                let s = t
                    .unescape()
                    .map_err(|e| format!("malformed word/document.xml: {e}"))?;
                paragraph.push_str(&s);
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => {
                    if started {
                        out.push('\n');
                    }
                    started = true;
                    out.extend(paragraph.chars().map(|c| if c == '\n' { ' ' } else { c }));
                    paragraph.clear();
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

    #[test]
    fn truncated_files_are_errors() {
        let bytes = docx("<w:document/>");
        assert!(paragraphs(&bytes[..bytes.len() / 2]).is_err());
        assert!(paragraphs(b"not a zip").is_err());
    }
}
