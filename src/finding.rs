//! Findings: inconsistent claims placed in a file, ready for any renderer.
//!
//! A [`Finding`] is plain data (rule, check, severity, message, labelled
//! spans with line and column, expected figure); the human, JSON and other
//! formats are each a small renderer over it (see `render`).

use crate::checks::{Claim, Role};
use crate::rules::{CheckKind, RuleSet, Severity};
use crate::text::LineIndex;
use serde::Serialize;
use std::sync::OnceLock;

/// A labelled span placed in its file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlacedLabel {
    pub role: Role,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    /// The spreadsheet cell it lies in (`Sheet1!C7`, `C7` in a CSV file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

/// One inconsistency, as CONTRACT.md's JSON shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: String,
    pub check: CheckKind,
    pub severity: Severity,
    pub message: String,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
    pub labels: Vec<PlacedLabel>,
    pub expected: Option<String>,
    pub help: String,
    /// The spreadsheet cell of the primary label (`Sheet1!C7`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// Index of the primary label (the figure that is wrong).
    #[serde(skip)]
    pub primary: usize,
}

/// Places labels of a claim in the text.
pub fn place_labels(text: &str, index: &LineIndex, claim: &Claim) -> Vec<PlacedLabel> {
    claim
        .labels
        .iter()
        .map(|l| {
            let (line, column) = index.line_col(l.span.start);
            PlacedLabel {
                role: l.role,
                text: text[l.span.start..l.span.end].to_string(),
                start: l.span.start,
                end: l.span.end,
                line,
                column,
                cell: None,
            }
        })
        .collect()
}

/// The findings of a file: its inconsistent claims, with the severity of
/// their rules. The claims are used up: their messages move into the
/// findings rather than being copied (a text dense in findings holds one
/// copy, not two).
pub fn findings(path: &str, text: &str, claims: Vec<Claim>, rules: &RuleSet) -> Vec<Finding> {
    findings_with(path, text, &OnceLock::new(), claims, rules)
}

/// [`findings`] with the line index of `text` shared (the pieces of a large
/// file): built by the first that needs it, as a text whose claims all hold
/// needs none.
pub fn findings_with<'t>(
    path: &str,
    text: &'t str,
    index: &OnceLock<LineIndex<'t>>,
    claims: Vec<Claim>,
    rules: &RuleSet,
) -> Vec<Finding> {
    if claims.iter().all(Claim::consistent) {
        return Vec::new();
    }
    let index = index.get_or_init(|| LineIndex::new(text));
    let mut out: Vec<Finding> = claims
        .into_iter()
        .filter_map(|mut claim| {
            let verdict = claim.verdict.take()?;
            let rule = rules.get(&claim.rule)?;
            let labels = place_labels(text, index, &claim);
            let primary = verdict.primary.min(labels.len().saturating_sub(1));
            let p = labels.get(primary)?;
            Some(Finding {
                rule: rule.id.clone(),
                check: claim.check,
                severity: rule.severity,
                message: verdict.message,
                path: path.to_string(),
                line: p.line,
                column: p.column,
                start: p.start,
                end: p.end,
                expected: verdict.expected,
                help: verdict.help,
                cell: None,
                labels,
                primary,
            })
        })
        .collect();
    sort(&mut out);
    out
}

/// Puts findings in the order of the contract: by where they start, then by
/// rule.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| (a.start, &a.rule).cmp(&(b.start, &b.rule)));
}
