//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards. The primary
//! label is the result's location; the other labels are relatedLocations.
//! Columns count Unicode code points (`columnKind: unicodeCodePoints`).
//! Artifact URIs are paths percent-encoded (Chinese names, spaces); each
//! result carries its baseline fingerprint (`partialFingerprints`), and the
//! files that could not be read are the invocation's notifications.
//! `tests/sarif.rs` validates a log against the SARIF 2.1.0 schema.

use crate::finding::{Finding, PlacedLabel};
use crate::rules::{RuleSet, Severity};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::{json, Value};

/// What stays as it is in a URI path: unreserved characters and `/`.
const PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// A file's path as a URI reference: `\` as `/` (Windows), every other
/// byte that is not unreserved percent-encoded (UTF-8).
pub fn uri(path: &str) -> String {
    utf8_percent_encode(&path.replace('\\', "/"), PATH).to_string()
}

/// A file that could not be read: its path (empty when none) and why.
pub struct Skipped {
    pub path: String,
    pub message: String,
}

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
            "artifactLocation": {"uri": uri(path)},
            "region": region(l),
        },
        "message": {"text": l.role.as_str()},
    });
    if let Some(id) = id {
        v["id"] = json!(id);
    }
    // A spreadsheet's cell, by its name.
    if let Some(cell) = &l.cell {
        v["logicalLocations"] = json!([{"fullyQualifiedName": cell, "kind": "element"}]);
    }
    v
}

/// The whole SARIF log for a run: its findings, the rules that may report
/// them, and the files skipped.
pub fn log(findings: &[Finding], rules: &RuleSet, skipped: &[Skipped]) -> String {
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
                "partialFingerprints": {"numlint/v1": crate::baseline::fingerprint(f)},
                "properties": {"check": f.check.as_str(), "expected": f.expected},
            })
        })
        .collect();
    let mut driver_rules: Vec<Value> = rules
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
    driver_rules.push(json!({
        "id": crate::suppress::UNUSED,
        "shortDescription": {"text": crate::suppress::UNUSED_SUMMARY},
        "properties": {"check": "suppression"},
    }));
    let notifications: Vec<Value> = skipped
        .iter()
        .map(|s| {
            let mut n = json!({"level": "error", "message": {"text": s.message}});
            if !s.path.is_empty() {
                n["locations"] =
                    json!([{"physicalLocation": {"artifactLocation": {"uri": uri(&s.path)}}}]);
            }
            n
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
            "invocations": [{
                "executionSuccessful": skipped.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).expect("a SARIF log serialises")
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(
            uri("年报/2023 总结.md"),
            "%E5%B9%B4%E6%8A%A5/2023%20%E6%80%BB%E7%BB%93.md"
        );
        assert_eq!(uri("./a-b_c~d.txt"), "./a-b_c~d.txt");
        assert_eq!(uri("r#1?.txt"), "r%231%3F.txt");
        assert_eq!(uri("dir\\x.txt"), "dir/x.txt");
    }
}
