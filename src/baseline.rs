//! Baselines: adopt numlint on an old archive and fail only on new problems.
//!
//! `numlint check --write-baseline FILE` records every finding by a
//! fingerprint of its rule, path and claim text (the figures taking part,
//! whitespace removed) — not its line, so edits elsewhere in the file do not
//! revive it. `--baseline FILE` hides the findings it records, as many times as
//! it records each. Paths are normalised (`./arch/r.txt` is `arch/r.txt`).

use crate::finding::Finding;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
}

/// A path as a baseline records it: `./` and empty steps dropped, `/` between
/// steps (`./arch//r.txt` and `arch/r.txt` are one file), so a baseline
/// written one way matches a run the other way (pre-commit names files
/// without `./`, a folder walked from `.` with it).
pub fn normal_path(path: &str) -> String {
    let rooted = path.starts_with('/');
    let steps: Vec<&str> = path
        .split(['/', '\\'])
        .filter(|s| !s.is_empty() && *s != ".")
        .collect();
    let joined = steps.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => path.to_string(),
        (false, false) => joined,
    }
}

/// The fingerprint of a finding: rule, path (see [`normal_path`]) and the
/// text of its labels.
pub fn fingerprint(f: &Finding) -> String {
    fingerprint_at(f, &normal_path(&f.path))
}

/// [`fingerprint`], with the path as given.
fn fingerprint_at(f: &Finding, path: &str) -> String {
    let mut h = Sha256::new();
    h.update(f.rule.as_bytes());
    h.update([0]);
    h.update(path.as_bytes());
    for l in &f.labels {
        h.update([0]);
        let squeezed: String = l.text.chars().filter(|c| !c.is_whitespace()).collect();
        h.update(squeezed.as_bytes());
    }
    h.finalize()
        .iter()
        .take(12)
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Baseline {
    pub fn of(findings: &[Finding]) -> Baseline {
        Baseline {
            version: 1,
            findings: findings
                .iter()
                .map(|f| Entry {
                    path: normal_path(&f.path),
                    rule: f.rule.clone(),
                    fingerprint: fingerprint(f),
                })
                .collect(),
        }
    }

    /// What this baseline hides over a run: each entry hides one finding,
    /// wherever in the run (and in whichever piece of a large file) it comes.
    pub fn budget(&self) -> Budget<'_> {
        let mut left: HashMap<Entry, usize> = HashMap::new();
        for e in &self.findings {
            let e = Entry {
                path: normal_path(&e.path),
                ..e.clone()
            };
            *left.entry(e).or_default() += 1;
        }
        Budget {
            left,
            baseline: std::marker::PhantomData,
        }
    }
}

/// The entries of a baseline not yet used to hide a finding.
pub struct Budget<'b> {
    left: HashMap<Entry, usize>,
    baseline: std::marker::PhantomData<&'b Baseline>,
}

impl Budget<'_> {
    /// Removes the findings the baseline still records, using up its entries.
    /// An entry matches a finding with its path normalised (see
    /// [`normal_path`]), or as written (a baseline written before paths were
    /// normalised: its fingerprints are of the paths as they were).
    pub fn filter(&mut self, findings: &mut Vec<Finding>) {
        findings.retain(|f| {
            let path = normal_path(&f.path);
            let mut prints = vec![fingerprint_at(f, &path)];
            if f.path != path {
                prints.push(fingerprint_at(f, &f.path));
            }
            for fingerprint in prints {
                let key = Entry {
                    path: path.clone(),
                    rule: f.rule.clone(),
                    fingerprint,
                };
                if let Some(n) = self.left.get_mut(&key).filter(|n| **n > 0) {
                    *n -= 1;
                    return false;
                }
            }
            true
        });
    }
}

#[cfg(test)]
mod tests {
    use super::normal_path;

    #[test]
    fn paths_are_normalised() {
        assert_eq!(normal_path("./arch/r.txt"), "arch/r.txt");
        assert_eq!(normal_path("arch//./r.txt"), "arch/r.txt");
        assert_eq!(normal_path("r.txt"), "r.txt");
        assert_eq!(normal_path("/abs/./r.txt"), "/abs/r.txt");
        assert_eq!(normal_path("<stdin>"), "<stdin>");
        assert_eq!(normal_path("."), ".");
    }
}
