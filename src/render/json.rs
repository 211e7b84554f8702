//! The JSON formats of CONTRACT.md: `check --format json` and
//! `extract --format json`.

use crate::checks::{Claim, Role};
use crate::exact::{to_decimal_string, Num};
use crate::finding::Finding;
use crate::lexer::{Quantity, QuantityKind};
use crate::rules::{CheckKind, Severity};
use crate::text::LineIndex;
use serde::Serialize;

#[derive(Serialize)]
struct CheckOutput<'a> {
    version: u32,
    findings: &'a [Finding],
    summary: Summary,
}

/// Counts for the summary of a run.
#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    pub fn count(&mut self, findings: &[Finding]) {
        for f in findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
            }
        }
    }
}

/// `check --format json`: one object with every finding and a summary.
pub fn check(findings: &[Finding], summary: Summary) -> String {
    let out = CheckOutput {
        version: 1,
        findings,
        summary,
    };
    serde_json::to_string_pretty(&out).expect("findings serialise")
}

#[derive(Serialize)]
pub struct ExtractedQuantity {
    text: String,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    kind: QuantityKind,
    value: String,
    low: Option<String>,
    high: Option<String>,
    unit: Option<&'static str>,
    approx: Option<&'static str>,
}

#[derive(Serialize)]
pub struct ExtractedLabel {
    role: Role,
    text: String,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
pub struct ExtractedClaim {
    check: CheckKind,
    rule: String,
    consistent: bool,
    labels: Vec<ExtractedLabel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

/// One document of `extract --format json`.
#[derive(Serialize)]
pub struct ExtractedDocument {
    pub path: String,
    pub quantities: Vec<ExtractedQuantity>,
    pub claims: Vec<ExtractedClaim>,
}

fn dec(n: &Option<Num>) -> Option<String> {
    n.as_ref().map(|v| to_decimal_string(v, 12))
}

pub fn extracted_document(
    path: &str,
    text: &str,
    quantities: &[Quantity],
    claims: &[Claim],
) -> ExtractedDocument {
    let index = LineIndex::new(text);
    ExtractedDocument {
        path: path.to_string(),
        quantities: quantities
            .iter()
            .map(|q| {
                let (line, column) = index.line_col(q.start);
                ExtractedQuantity {
                    text: text[q.start..q.end].to_string(),
                    start: q.start,
                    end: q.end,
                    line,
                    column,
                    kind: q.kind,
                    value: q.value_string(),
                    low: dec(&q.interval.lo),
                    high: dec(&q.interval.hi),
                    unit: q.unit,
                    approx: q.approx,
                }
            })
            .collect(),
        claims: claims
            .iter()
            .map(|c| ExtractedClaim {
                check: c.check,
                rule: c.rule.clone(),
                consistent: c.consistent(),
                labels: c
                    .labels
                    .iter()
                    .map(|l| ExtractedLabel {
                        role: l.role,
                        text: text[l.span.start..l.span.end].to_string(),
                        start: l.span.start,
                        end: l.span.end,
                    })
                    .collect(),
                message: c.verdict.as_ref().map(|v| v.message.clone()),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct ExtractOutput<'a> {
    version: u32,
    documents: &'a [ExtractedDocument],
}

/// `extract --format json`.
pub fn extract(documents: &[ExtractedDocument]) -> String {
    serde_json::to_string_pretty(&ExtractOutput {
        version: 1,
        documents,
    })
    .expect("documents serialise")
}
