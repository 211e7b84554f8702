//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards. The primary
//! label is the result's location; the other labels are relatedLocations.
//! Columns count Unicode code points (`columnKind: unicodeCodePoints`).

use crate::finding::{Finding, PlacedLabel};
use crate::rules::{RuleSet, Severity};
use serde_json::{json, Value};

fn region(l: &PlacedLabel) -> Value {
    let lines: Vec<&str> = l.text.split('\n').collect();
    let end_line = l.line + lines.len() - 1;
    let end_column = if lines.len() == 1 {
        l.column + l.text.chars().count()
    } else {
        lines.last().map_or(0, |s| s.chars().count()) + 1
    };
    json!({
        "startLine": l.line,
        "startColumn": l.column,
        "endLine": end_line,
        "endColumn": end_column,
        "byteOffset": l.start,
        "byteLength": l.end - l.start,
    })
}

fn location(path: &str, l: &PlacedLabel, id: Option<usize>) -> Value {
    let mut v = json!({
        "physicalLocation": {
            "artifactLocation": {"uri": path},
            "region": region(l),
        },
        "message": {"text": l.role.as_str()},
    });
    if let Some(id) = id {
        v["id"] = json!(id);
    }
    v
}

/// The whole SARIF log for a run.
pub fn log(findings: &[Finding], rules: &RuleSet) -> String {
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let primary = f.labels.get(f.primary);
            let related: Vec<Value> = f
                .labels
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != f.primary)
                .map(|(i, l)| location(&f.path, l, Some(i)))
                .collect();
            json!({
                "ruleId": f.rule,
                "level": match f.severity { Severity::Error => "error", Severity::Warning => "warning" },
                "message": {"text": format!("{} ({})", f.message, f.help)},
                "locations": primary.map(|l| vec![location(&f.path, l, None)]).unwrap_or_default(),
                "relatedLocations": related,
                "properties": {"check": f.check.as_str(), "expected": f.expected},
            })
        })
        .collect();
    let driver_rules: Vec<Value> = rules
        .rules
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "shortDescription": {"text": r.summary},
                "properties": {"check": r.check.as_str()},
            })
        })
        .collect();
    let log = json!({
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": {"driver": {
                "name": "numlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": driver_rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).expect("a SARIF log serialises")
}
