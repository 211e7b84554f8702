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
use std::path::PathBuf;
use std::sync::mpsc;

/// What to lint: files, or a text read from standard input.
pub enum Target {
    File(PathBuf),
    Stdin(Source),
    /// A path that could not even be listed.
    Failed(InputError),
}

/// The outcome for one file.
pub struct FileResult {
    pub path: String,
    pub source: Option<Source>,
    pub findings: Vec<Finding>,
    pub error: Option<String>,
}

/// Settings shared by every file of a run.
pub struct Run<'a> {
    pub rules: &'a RuleSet,
    pub config: &'a Config,
    /// The selection after the configuration and the command line.
    pub selection: &'a Selection,
    pub encoding: Option<&'static Encoding>,
}

impl Run<'_> {
    fn lint(&self, target: Target) -> FileResult {
        let source = match target {
            Target::Stdin(s) => s,
            Target::Failed(e) => {
                return FileResult {
                    path: String::new(),
                    source: None,
                    findings: Vec::new(),
                    error: Some(e.to_string()),
                };
            }
            Target::File(path) => match load(&path, self.encoding) {
                Ok(s) => s,
                Err(e) => {
                    return FileResult {
                        path: path.display().to_string(),
                        source: None,
                        findings: Vec::new(),
                        error: Some(e.to_string()),
                    }
                }
            },
        };
        let selection = self
            .config
            .selection_for(std::path::Path::new(&source.path), self.selection);
        let rules = selection.apply(self.rules);
        let findings = crate::lint::lint_source(&source, &rules);
        FileResult {
            path: source.path.clone(),
            source: Some(source),
            findings,
            error: None,
        }
    }

    /// Lints every target, calling `each` with the results in target order.
    pub fn each(&self, targets: Vec<Target>, mut each: impl FnMut(FileResult)) {
        let (tx, rx) = mpsc::channel::<(usize, FileResult)>();
        std::thread::scope(|scope| {
            scope.spawn(move || {
                targets
                    .into_par_iter()
                    .enumerate()
                    .for_each_with(tx, |tx, (i, t)| {
                        let _ = tx.send((i, self.lint(t)));
                    });
            });
            let mut next = 0;
            let mut waiting: std::collections::BTreeMap<usize, FileResult> =
                std::collections::BTreeMap::new();
            for (i, r) in rx {
                waiting.insert(i, r);
                while let Some(r) = waiting.remove(&next) {
                    each(r);
                    next += 1;
                }
            }
        });
    }
}
