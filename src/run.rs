//! A check run over many files: the edge where files are read. Files are
//! linted in parallel on all cores (rayon) and handed back in path order as
//! soon as each and those before it are done, so output streams and stays
//! deterministic.

use crate::config::{Config, Selection};
use crate::finding::Finding;
use crate::input::{load, InputError, Source};
use crate::rules::RuleSet;
use encoding_rs::Encoding;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{mpsc, Arc};

/// What to lint: files, or a text read from standard input.
pub enum Target {
    File(PathBuf),
    Stdin(Source),
    /// A path that could not even be listed.
    Failed(InputError),
}

/// The outcome for one file, or for one piece of a large one.
pub struct FileResult {
    pub path: String,
    pub source: Option<Arc<Source>>,
    pub findings: Vec<Finding>,
    pub error: Option<String>,
    /// Whether this is the file's last piece (a file is usually one piece).
    pub last: bool,
}

impl FileResult {
    fn failed(path: String, error: String) -> FileResult {
        FileResult {
            path,
            source: None,
            findings: Vec::new(),
            error: Some(error),
            last: true,
        }
    }
}

/// Settings shared by every file of a run.
pub struct Run<'a> {
    pub rules: &'a RuleSet,
    pub config: &'a Config,
    /// The selection after the configuration and the command line.
    pub selection: &'a Selection,
    pub encoding: Option<&'static Encoding>,
}

/// A piece of the results: (file, piece, pieces of the file, result).
type Piece = (usize, usize, usize, FileResult);

impl Run<'_> {
    /// Lints target `i`, sending its pieces to `tx`.
    fn lint(&self, i: usize, target: Target, tx: &mpsc::Sender<Piece>) {
        let source = match target {
            Target::Stdin(s) => s,
            Target::Failed(e) => {
                let _ = tx.send((i, 0, 1, FileResult::failed(String::new(), e.to_string())));
                return;
            }
            Target::File(path) => match load(&path, self.encoding) {
                Ok(s) => s,
                Err(e) => {
                    let failed = FileResult::failed(path.display().to_string(), e.to_string());
                    let _ = tx.send((i, 0, 1, failed));
                    return;
                }
            },
        };
        let selection = self
            .config
            .selection_for(std::path::Path::new(&source.path), self.selection);
        let rules = selection.apply(self.rules);
        let source = Arc::new(source);
        crate::lint::lint_source_pieces(&source, &rules, |k, n, findings| {
            let piece = FileResult {
                path: source.path.clone(),
                source: Some(Arc::clone(&source)),
                findings,
                error: None,
                last: k + 1 == n,
            };
            let _ = tx.send((i, k, n, piece));
        });
    }

    /// Lints every target, calling `each` with the results in target order
    /// (and the pieces of a large file in text order).
    pub fn each(&self, targets: Vec<Target>, mut each: impl FnMut(FileResult)) {
        let (tx, rx) = mpsc::channel::<Piece>();
        std::thread::scope(|scope| {
            scope.spawn(move || {
                targets
                    .into_par_iter()
                    .enumerate()
                    .for_each_with(tx, |tx, (i, t)| self.lint(i, t, tx));
            });
            let mut next = (0, 0);
            let mut waiting: BTreeMap<(usize, usize), (usize, FileResult)> = BTreeMap::new();
            for (i, k, n, r) in rx {
                waiting.insert((i, k), (n, r));
                while let Some((n, r)) = waiting.remove(&next) {
                    each(r);
                    next = if next.1 + 1 == n {
                        (next.0 + 1, 0)
                    } else {
                        (next.0, next.1 + 1)
                    };
                }
            }
        });
    }
}
