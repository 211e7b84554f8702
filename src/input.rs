//! Reading what the user points numlint at: paths to files, folders walked,
//! bytes decoded to text. Problems are values ([`InputError`]) so the run can
//! report them and go on with the other files.

use std::fmt;
use std::path::{Path, PathBuf};

/// File extensions linted when a folder is walked. A file named explicitly is
/// always linted.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];

/// A file that could not be linted, and why.
#[derive(Debug)]
pub enum InputError {
    Io { path: String, error: std::io::Error },
    Binary { path: String },
    NotUtf8 { path: String, offset: usize },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io { path, error } => write!(f, "{path}: cannot read: {error}"),
            InputError::Binary { path } => write!(f, "{path}: binary file (it contains NUL bytes); skipped"),
            InputError::NotUtf8 { path, offset } => write!(
                f,
                "{path}: not valid UTF-8 (first bad byte at offset {offset}); skipped. Convert it to UTF-8 first, e.g. `iconv -f GB18030 -t UTF-8`"
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// A text to lint, with the name it is reported under.
pub struct Source {
    pub path: String,
    pub text: String,
}

/// Expands folders into the text files below them, sorted; files named
/// explicitly are kept as they are. Missing paths come back as errors.
pub fn collect_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files, &mut errors);
        } else if p.exists() {
            files.push(p.clone());
        } else {
            errors.push(InputError::Io {
                path: p.display().to_string(),
                error: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            });
        }
    }
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(error) => {
            errors.push(InputError::Io {
                path: dir.display().to_string(),
                error,
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, files, errors);
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| TEXT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            files.push(p);
        }
    }
}

/// Decodes file bytes: UTF-8 (a byte-order mark is dropped). NUL bytes mean a
/// binary file.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    if bytes.contains(&0) {
        return Err(InputError::Binary {
            path: path.to_string(),
        });
    }
    let bytes = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        path: path.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Reads and decodes one file.
pub fn read_source(path: &Path) -> Result<Source, InputError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|error| InputError::Io {
        path: name.clone(),
        error,
    })?;
    Ok(Source {
        text: decode(&name, bytes)?,
        path: name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_and_refuses_the_rest() {
        assert_eq!(decode("a", "\u{feff}需".as_bytes().to_vec()).unwrap(), "需");
        assert!(matches!(
            decode("a", vec![b'a', 0, b'b']),
            Err(InputError::Binary { .. })
        ));
        assert!(matches!(
            decode("a", vec![0xC4, 0xE3]),
            Err(InputError::NotUtf8 { offset: 0, .. })
        ));
    }
}
