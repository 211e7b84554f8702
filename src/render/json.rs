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

/// `check --format json` written as findings arrive, so a long run holds one
/// file's findings in memory, not all of them. The text is the same as
/// [`check`] would write.
#[derive(Default)]
pub struct Streamer {
    count: usize,
    /// One finding serialised, before it is indented (kept to be reused).
    body: Vec<u8>,
}

impl Streamer {
    pub fn begin(&self) -> String {
        "{\n  \"version\": 1,\n  \"findings\": [".to_string()
    }

    pub fn finding(&mut self, f: &Finding) -> String {
        let sep = if self.count == 0 { "\n" } else { ",\n" };
        self.count += 1;
        self.body.clear();
        serde_json::to_writer_pretty(&mut self.body, f).expect("a finding serialises");
        // Indent every line by four spaces. JSON strings hold no raw line
        // breaks, so every '\n' is between lines.
        let body = &self.body;
        let mut out = Vec::with_capacity(sep.len() + body.len() + body.len() / 6 + 4);
        out.extend_from_slice(sep.as_bytes());
        let mut line = 0;
        for k in memchr::memchr_iter(b'\n', body) {
            out.extend_from_slice(b"    ");
            out.extend_from_slice(&body[line..=k]);
            line = k + 1;
        }
        out.extend_from_slice(b"    ");
        out.extend_from_slice(&body[line..]);
        String::from_utf8(out).expect("serde_json writes UTF-8")
    }

    pub fn end(&self, summary: Summary) -> String {
        let close = if self.count == 0 { "]," } else { "\n  ]," };
        let summary = serde_json::to_string_pretty(&summary).expect("a summary serialises");
        let summary: Vec<String> = summary
            .lines()
            .enumerate()
            .map(|(i, l)| {
                if i == 0 {
                    l.to_string()
                } else {
                    format!("  {l}")
                }
            })
            .collect();
        format!("{close}\n  \"summary\": {}\n}}\n", summary.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streaming_writes_what_check_writes() {
        let rules = crate::rules::RuleSet::builtin().unwrap();
        for text in [
            "",
            "需救治100人,已救治90人,救治率80%。共有37家(国家级2个、省级6个)。",
        ] {
            let findings = crate::lint::lint("a.txt", text, &rules);
            let summary = Summary {
                files: 1,
                errors: findings.len(),
                warnings: 0,
            };
            let mut s = Streamer::default();
            let mut out = s.begin();
            for f in &findings {
                out.push_str(&s.finding(f));
            }
            out.push_str(&s.end(summary));
            assert_eq!(out, check(&findings, summary) + "\n");
        }
    }
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
