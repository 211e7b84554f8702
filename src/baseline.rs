//! Baselines: adopt numlint on an old archive and fail only on new problems.
//!
//! `numlint check --write-baseline FILE` records every finding by a
//! fingerprint of its rule, path and claim text (the figures taking part,
//! whitespace removed) — not its line, so edits elsewhere in the file do not
//! revive it. `--baseline FILE` hides the findings it records, as many times as
//! it records each.

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

/// The fingerprint of a finding: rule, path and the text of its labels.
pub fn fingerprint(f: &Finding) -> String {
    let mut h = Sha256::new();
    h.update(f.rule.as_bytes());
    h.update([0]);
    h.update(f.path.as_bytes());
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
                    path: f.path.clone(),
                    rule: f.rule.clone(),
                    fingerprint: fingerprint(f),
                })
                .collect(),
        }
    }

    /// What this baseline hides over a run: each entry hides one finding,
    /// wherever in the run (and in whichever piece of a large file) it comes.
    pub fn budget(&self) -> Budget<'_> {
        let mut left: HashMap<&Entry, usize> = HashMap::new();
        for e in &self.findings {
            *left.entry(e).or_default() += 1;
        }
        Budget { left }
    }
}

/// The entries of a baseline not yet used to hide a finding.
pub struct Budget<'b> {
    left: HashMap<&'b Entry, usize>,
}

impl Budget<'_> {
    /// Removes the findings the baseline still records, using up its entries.
    pub fn filter(&mut self, findings: &mut Vec<Finding>) {
        findings.retain(|f| {
            let key = Entry {
                path: f.path.clone(),
                rule: f.rule.clone(),
                fingerprint: fingerprint(f),
            };
            match self.left.get_mut(&key) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
    }
}
