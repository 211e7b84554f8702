//! Reading what the user points numlint at: folders walked (with `.gitignore`
//! respected), bytes decoded (UTF-8, UTF-16 with a byte-order mark, GB18030,
//! or the encoding named or detected),
//! and each format turned into prose to lint: Markdown without its code,
//! HTML without its tags, the paragraphs and tables of a Word document, the
//! sheets of a spreadsheet.
//!
//! Problems are values ([`InputError`]) so a run reports them and goes on with
//! the other files. Nothing here ever writes.

pub mod delimited;
pub mod docx;
pub mod html;
pub mod html_tables;
pub mod markdown;
pub mod pipe;
pub mod sheet;

use crate::text::Breaks;
use encoding_rs::Encoding;
use std::fmt;
use std::path::{Path, PathBuf};

/// File extensions linted when a folder is walked. A file named explicitly is
/// always linted, as plain text unless its extension says otherwise.
pub const EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "docx", "csv", "tsv", "xlsx", "xlsm", "xlsb",
    "xls", "ods",
];

/// How a file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Docx,
    /// Comma-separated values: one table.
    Csv,
    /// Tab-separated values: one table.
    Tsv,
    /// A spreadsheet (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`): a table per
    /// sheet, read from the file's bytes ([`sheet`]).
    Sheet,
}

impl Format {
    pub fn of(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("md" | "markdown") => Format::Markdown,
            Some("html" | "htm") => Format::Html,
            Some("docx") => Format::Docx,
            Some("csv") => Format::Csv,
            Some("tsv" | "tab") => Format::Tsv,
            Some("xlsx" | "xlsm" | "xlsb" | "xls" | "ods") => Format::Sheet,
            _ => Format::Text,
        }
    }
}

/// A file that could not be linted, and why.
#[derive(Debug)]
pub enum InputError {
    Io { path: String, error: std::io::Error },
    Binary { path: String },
    NotText { path: String, offset: usize },
    Unreadable { path: String, reason: String },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io { path, error } => write!(f, "{path}: cannot read: {error}"),
            InputError::Binary { path } => {
                write!(f, "{path}: binary file (it contains NUL bytes); skipped")
            }
            InputError::NotText { path, offset } => write!(
                f,
                "{path}: neither UTF-8 nor GB18030 text (first bad byte at offset {offset}); skipped. Name its encoding with --encoding"
            ),
            InputError::Unreadable { path, reason } => write!(f, "{path}: {reason}; skipped"),
        }
    }
}

impl std::error::Error for InputError {}

/// A text to lint.
#[derive(Clone, Debug)]
pub struct Source {
    /// The name it is reported under.
    pub path: String,
    pub format: Format,
    /// The text positions point into: the decoded file, or for a Word
    /// document the extracted paragraphs, one per line.
    pub text: String,
    /// The prose to lint when it differs from `text`: `text` with everything
    /// that is not prose (code, tags, front matter) blanked out, byte for
    /// byte, and traditional characters simplified (`script`), each in as
    /// many bytes, so every offset stays right. `None` for plain simplified
    /// or English text: no copy.
    masked: Option<String>,
    /// Byte offsets where a block (paragraph, heading, cell) ends: a sentence
    /// never runs across them.
    pub breaks: Breaks,
    /// The encoding the file was detected to be in, when it is neither
    /// UTF-8 nor GB18030 (see [`Decoded`]): the run says so.
    pub detected: Option<&'static Encoding>,
    /// The tables of the file, their cells pointing into `text`.
    pub tables: Vec<crate::tables::Table>,
}

impl Source {
    /// A source from text already decoded.
    pub fn from_text(path: &str, format: Format, text: String) -> Source {
        let mut tables = Vec::new();
        let (masked, breaks) = match format {
            Format::Markdown => {
                let (p, b) = markdown::prose(&text);
                tables = pipe::tables(&text);
                (Some(p), b)
            }
            Format::Html => {
                let (p, b) = html::prose(&text);
                tables = html_tables::tables(&text);
                (Some(p), b)
            }
            // Each paragraph of a Word document ends a sentence.
            Format::Docx => (None, text.match_indices('\n').map(|(i, _)| i).collect()),
            Format::Csv | Format::Tsv => {
                let delimiter = if format == Format::Csv { b',' } else { b'\t' };
                let (table, p, b) = delimited::read(&text, delimiter);
                tables.push(table);
                (Some(p), b)
            }
            // A spreadsheet's text is its rendering, made with its tables
            // by [`Source::from_bytes`]; a text alone is read line by line.
            Format::Sheet => (None, text.match_indices('\n').map(|(i, _)| i).collect()),
            Format::Text => (None, Breaks::default()),
        };
        // Traditional characters read as simplified, offsets unchanged.
        let masked = match masked {
            Some(p) => match crate::script::simplified(&p) {
                std::borrow::Cow::Owned(s) => Some(s),
                std::borrow::Cow::Borrowed(_) => Some(p),
            },
            None => match crate::script::simplified(&text) {
                std::borrow::Cow::Owned(s) => Some(s),
                std::borrow::Cow::Borrowed(_) => None,
            },
        };
        Source {
            path: path.to_string(),
            format,
            text,
            masked,
            breaks,
            detected: None,
            tables,
        }
    }

    /// A source from a file's bytes, read as `format` says: a Word document
    /// or a spreadsheet from its zip or binary container, any other format
    /// decoded as text (see [`decode_owned`]). `extension` tells a
    /// spreadsheet's kind.
    pub fn from_bytes(
        path: &str,
        format: Format,
        bytes: Vec<u8>,
        extension: &str,
        encoding: Option<&'static Encoding>,
    ) -> Result<Source, InputError> {
        let unreadable = |reason| InputError::Unreadable {
            path: path.to_string(),
            reason,
        };
        match format {
            Format::Docx => {
                let (text, tables) = docx::read(&bytes).map_err(unreadable)?;
                let mut source = Source::from_text(path, format, text);
                source.tables = tables;
                Ok(source)
            }
            Format::Sheet => {
                let book = sheet::read(&bytes, extension).map_err(unreadable)?;
                Ok(Source {
                    path: path.to_string(),
                    format,
                    text: book.text,
                    masked: None,
                    breaks: book.breaks,
                    detected: None,
                    tables: book.tables,
                })
            }
            _ => {
                let decoded = decode_owned(path, bytes, encoding)?;
                let mut source = Source::from_text(path, format, decoded.text);
                source.detected = decoded.detected;
                Ok(source)
            }
        }
    }

    /// The prose to lint (see `masked`).
    pub fn prose(&self) -> &str {
        self.masked.as_deref().unwrap_or(&self.text)
    }
}

/// Expands folders into the files below them that numlint reads, sorted,
/// honouring `.gitignore` and hidden files; files named explicitly are kept.
/// `excluded` says which paths to skip (config `exclude`).
pub fn collect_paths(
    paths: &[PathBuf],
    excluded: &dyn Fn(&Path) -> bool,
) -> (Vec<PathBuf>, Vec<InputError>) {
    let (files, errors, _) = collect_paths_noting(paths, excluded, false);
    (files, errors)
}

/// Documents numlint does not read (PDFs, slides, old Word, WPS),
/// named when a folder holds nothing else.
pub const NOT_READ: &[&str] = &["pdf", "doc", "ppt", "pptx", "odt", "rtf", "wps", "et"];

/// [`collect_paths`], and the documents in the folders walked that numlint
/// does not read (see [`NOT_READ`]), sorted. With `force_exclude`, files
/// named explicitly are skipped too where `excluded` says so (pre-commit
/// names every changed file).
pub fn collect_paths_noting(
    paths: &[PathBuf],
    excluded: &dyn Fn(&Path) -> bool,
    force_exclude: bool,
) -> (Vec<PathBuf>, Vec<InputError>, Vec<PathBuf>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut unread = Vec::new();
    for p in paths {
        if p.is_dir() {
            for entry in ignore::WalkBuilder::new(p).require_git(false).build() {
                match entry {
                    Ok(e) => {
                        let path = e.path();
                        let wanted = e.file_type().is_some_and(|t| t.is_file())
                            && path.extension().and_then(|x| x.to_str()).is_some_and(|x| {
                                EXTENSIONS.contains(&x.to_ascii_lowercase().as_str())
                            })
                            && !is_lock_file(path);
                        let extension = || {
                            path.extension()
                                .and_then(|x| x.to_str())
                                .map(str::to_ascii_lowercase)
                        };
                        if wanted && !excluded(path) {
                            files.push(path.to_path_buf());
                        } else if e.file_type().is_some_and(|t| t.is_file())
                            && extension().is_some_and(|x| NOT_READ.contains(&x.as_str()))
                            && !is_lock_file(path)
                        {
                            unread.push(path.to_path_buf());
                        }
                    }
                    Err(err) => errors.push(InputError::Unreadable {
                        path: p.display().to_string(),
                        reason: err.to_string(),
                    }),
                }
            }
        } else if p.exists() {
            if !(force_exclude && excluded(p)) {
                files.push(p.clone());
            }
        } else {
            errors.push(InputError::Io {
                path: p.display().to_string(),
                error: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            });
        }
    }
    files.sort();
    files.dedup();
    unread.sort();
    unread.dedup();
    (files, errors, unread)
}

/// Whether `path` is the lock file Word keeps beside an open document
/// (`~$report.docx`: a few bytes of owner name, no document): skipped when
/// a folder is walked.
pub fn is_lock_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("~$"))
}

/// Decodes file bytes: a byte-order mark decides (UTF-8, UTF-16); otherwise
/// UTF-8, then `encoding` if given, then the encoding chardetng detects, then
/// GB18030 (which covers GBK); each only if the bytes decode in it without
/// error. NUL bytes in a file without a UTF-16 mark mean a binary file.
pub fn decode(
    path: &str,
    bytes: &[u8],
    encoding: Option<&'static Encoding>,
) -> Result<String, InputError> {
    decode_detected(path, bytes, encoding).map(|d| d.text)
}

/// [`decode`], with the encoding detected (see [`Decoded`]).
pub fn decode_detected(
    path: &str,
    bytes: &[u8],
    encoding: Option<&'static Encoding>,
) -> Result<Decoded, InputError> {
    decode_owned(path, bytes.to_vec(), encoding)
}

/// Files up to this size are checked by encoding_rs and copied (see
/// [`decode_owned`]).
const COPIED_UP_TO: usize = 1 << 20;

/// [`decode`], reusing the buffer when the bytes of a large file are UTF-8
/// already.
pub fn decode_owned(
    path: &str,
    bytes: Vec<u8>,
    encoding: Option<&'static Encoding>,
) -> Result<Decoded, InputError> {
    decode_with(path, bytes, encoding, COPIED_UP_TO)
}

/// [`decode_owned`], copying files up to `copied_up_to` bytes.
fn decode_with(
    path: &str,
    bytes: Vec<u8>,
    encoding: Option<&'static Encoding>,
    copied_up_to: usize,
) -> Result<Decoded, InputError> {
    // encoding_rs checks UTF-8 several times faster than the standard library
    // on Chinese text (where a run of small files spent 3.5 % of its time),
    // but hands back a borrowed text: a small file is copied, which costs
    // less than checking it again would. A large one keeps its buffer (two
    // copies of a 100 MB file would break the memory target).
    let plain = encoding.is_none() && !bytes.starts_with(b"\xEF\xBB\xBF") && !bytes.contains(&0);
    if plain && bytes.len() <= copied_up_to {
        if let Some(s) =
            encoding_rs::UTF_8.decode_without_bom_handling_and_without_replacement(&bytes)
        {
            return Ok(Decoded::plain(s.into_owned()));
        }
    }
    let bytes = match (String::from_utf8(bytes), plain) {
        (Ok(s), true) => return Ok(Decoded::plain(s)),
        (Ok(s), false) => s.into_bytes(),
        (Err(e), _) => e.into_bytes(),
    };
    let bytes = &bytes[..];
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(InputError::NotText {
                path: path.into(),
                offset: 0,
            });
        }
        return Ok(Decoded::plain(text.into_owned()));
    }
    if bytes.contains(&0) {
        return Err(InputError::Binary {
            path: path.to_string(),
        });
    }
    // UTF-8 whatever the label: the label names the encoding of the files
    // that are not.
    let offset = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok(Decoded::plain(s.to_string())),
        Err(e) => e.valid_up_to(),
    };
    let clean = |enc: &'static Encoding| {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        (!had_errors).then(|| text.into_owned())
    };
    if let Some(text) = encoding.and_then(clean) {
        return Ok(Decoded::plain(text));
    }
    // A guess is taken only if it reads the bytes as text: no C1 control
    // characters, which is what a single-byte encoding makes of bytes it has
    // no letter for (and no text holds).
    let guess = detect(bytes);
    if guess != encoding_rs::GB18030 {
        let text = clean(guess).filter(|t| !t.contains(|c| ('\u{80}'..='\u{9f}').contains(&c)));
        if let Some(text) = text {
            return Ok(Decoded {
                text,
                detected: Some(guess),
            });
        }
    }
    clean(encoding_rs::GB18030)
        .map(Decoded::plain)
        .ok_or_else(|| InputError::NotText {
            path: path.to_string(),
            offset,
        })
}

/// The encoding of text that is not UTF-8, as chardetng guesses it from its
/// first 64 KiB (GBK is read as GB18030, which covers it).
fn detect(bytes: &[u8]) -> &'static Encoding {
    let head = &bytes[..bytes.len().min(1 << 16)];
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(head, head.len() == bytes.len());
    match detector.guess(None, chardetng::Utf8Detection::Deny) {
        enc if enc == encoding_rs::GBK => encoding_rs::GB18030,
        enc => enc,
    }
}

/// A decoded text, and the encoding it was detected to be in when that is
/// neither UTF-8 (or UTF-16 by its mark) nor GB18030 nor the one named.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub detected: Option<&'static Encoding>,
}

impl Decoded {
    fn plain(text: String) -> Decoded {
        Decoded {
            text,
            detected: None,
        }
    }
}

/// Reads one file as its format says.
pub fn load(path: &Path, encoding: Option<&'static Encoding>) -> Result<Source, InputError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|error| InputError::Io {
        path: name.clone(),
        error,
    })?;
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    Source::from_bytes(&name, Format::of(path), bytes, extension, encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file read by copying (small) or in its own buffer (large) decodes
    /// to the same text or the same error: UTF-8, with a byte-order mark,
    /// with NULs, cut inside a character, GBK, UTF-16, empty.
    #[test]
    fn copying_or_not_decodes_alike() {
        let (gbk, _, _) = encoding_rs::GBK.encode("全市需大病救治17093人");
        let samples: Vec<Vec<u8>> = vec![
            "全市需大病救治17093人,已救治17025人".into(),
            b"\xEF\xBB\xBF\xE5\x85\xA8\xE5\xB8\x82".to_vec(),
            b"a\0b".to_vec(),
            "救治".as_bytes()[..4].to_vec(),
            gbk.into_owned(),
            b"\xFF\xFEa\0b\0".to_vec(),
            Vec::new(),
            vec![0xC3, 0x28, 0xA0, 0xA1],
        ];
        for bytes in samples {
            for encoding in [None, Some(encoding_rs::GBK)] {
                let copied = decode_with("f", bytes.clone(), encoding, usize::MAX);
                let kept = decode_with("f", bytes.clone(), encoding, 0);
                assert_eq!(
                    format!("{copied:?}"),
                    format!("{kept:?}"),
                    "{bytes:?} {encoding:?}"
                );
            }
        }
    }

    #[test]
    fn decodes_utf8_utf16_gbk_and_refuses_binary() {
        assert_eq!(decode("a", "\u{feff}需".as_bytes(), None).unwrap(), "需");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("需7".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode("a", &utf16, None).unwrap(), "需7");
        let (gbk, _, _) = encoding_rs::GBK.encode("需救治17093人");
        assert_eq!(decode("a", &gbk, None).unwrap(), "需救治17093人");
        assert!(matches!(
            decode("a", &[b'a', 0, b'b'], None),
            Err(InputError::Binary { .. })
        ));
        assert!(matches!(
            decode("a", &[0x81, 0x20], None),
            Err(InputError::NotText { .. })
        ));
    }
}

#[cfg(test)]
mod encoding_tests {
    use super::*;

    const REPORT: &str =
        "全市需大病救治17093人,已救治17025人,救治進度99.3%;慢病需签约44673人,已签约44405人。";

    /// A label applies only where UTF-8 fails: UTF-8 and GB18030 files are
    /// read as such with `--encoding big5`, and a Big5 file is read as Big5.
    #[test]
    fn a_label_applies_where_utf8_fails() {
        let big5 = Some(encoding_rs::BIG5);
        let d = decode_detected("a", REPORT.as_bytes(), big5).unwrap();
        assert_eq!((d.text.as_str(), d.detected), (REPORT, None));
        let (gb, _, _) = encoding_rs::GB18030.encode(REPORT);
        let d = decode_detected("a", &gb, big5).unwrap();
        assert_eq!(d.text, REPORT);
        let (b5, _, _) =
            encoding_rs::BIG5.encode("全市需大病救治17093人,已救治17025人,救治進度99.3%。");
        let d = decode_detected("a", &b5, big5).unwrap();
        assert_eq!(
            d.text,
            "全市需大病救治17093人,已救治17025人,救治進度99.3%。"
        );
        assert_eq!(d.detected, None);
    }

    /// Without a label, a Big5 file is detected (and said to be), not read
    /// as GB18030 into nonsense; GBK is GB18030 and not reported.
    #[test]
    fn big5_is_detected_without_a_label() {
        let text =
            "臺北市需大病救治17093人,已救治17025人,救治進度99.3%。醫療機構共有37家,其中醫院12家。";
        let (b5, _, _) = encoding_rs::BIG5.encode(text);
        let d = decode_detected("a", &b5, None).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.detected, Some(encoding_rs::BIG5));
        let (gb, _, _) = encoding_rs::GB18030.encode(REPORT);
        let d = decode_detected("a", &gb, None).unwrap();
        assert_eq!((d.text.as_str(), d.detected), (REPORT, None));
    }
}
