//! Inline suppressions: a team accepts a known, explained difference without
//! turning a check off.
//!
//! ```text
//! <!-- numlint-disable-next-line ratio -- 口径不同 -->
//! <!-- numlint-disable sum -->  ...  <!-- numlint-enable sum -->
//! numlint-disable-next-line ratio          (a line of its own in plain text)
//! ```
//!
//! The names after a directive are rule ids or check kinds (none: all); `--`
//! starts a reason. A suppression that suppresses nothing is itself reported,
//! as a warning, so stale ones do not pile up.

use crate::finding::{Finding, PlacedLabel};
use crate::input::Format;
use crate::rules::{CheckKind, RuleSet, Severity};
use crate::text::LineIndex;

/// What a directive does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    NextLine,
    Disable,
    Enable,
}

/// One directive found in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    pub action: Action,
    /// Rule ids or check kinds; empty means every rule.
    pub names: Vec<String>,
    pub reason: Option<String>,
    /// 1-based line of the directive, and its byte span.
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

/// Parses the body of a directive: `numlint-disable-next-line ratio -- why`.
fn parse_body(body: &str) -> Option<(Action, Vec<String>, Option<String>)> {
    let body = body.trim();
    let (head, reason) = match body.split_once("--") {
        Some((h, r)) => (
            h.trim(),
            Some(r.trim().to_string()).filter(|r| !r.is_empty()),
        ),
        None => (body, None),
    };
    let mut words = head.split_whitespace();
    let action = match words.next()? {
        "numlint-disable-next-line" => Action::NextLine,
        "numlint-disable" => Action::Disable,
        "numlint-enable" => Action::Enable,
        _ => return None,
    };
    let names = words
        .flat_map(|w| w.split(','))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    Some((action, names, reason))
}

/// Every directive in a file: in comments (`<!-- … -->`) for Markdown and
/// HTML, on a line of its own for text and Word documents.
pub fn directives(text: &str, format: Format) -> Vec<Directive> {
    // Every directive names itself: a file without the word has none.
    if memchr::memmem::find(text.as_bytes(), b"numlint-").is_none() {
        return Vec::new();
    }
    let index = LineIndex::new(text);
    let mut out = Vec::new();
    match format {
        Format::Markdown | Format::Html => {
            for (start, _) in text.match_indices("<!--") {
                // The comment's body starts after `<!--` (`<!-->` has none).
                let Some(len) = text[start + 4..].find("-->") else {
                    continue;
                };
                let end = start + 4 + len + 3;
                if let Some((action, names, reason)) = parse_body(&text[start + 4..start + 4 + len])
                {
                    let (line, _) = index.line_col(start);
                    let (end_line, _) = index.line_col(end);
                    let line = if action == Action::NextLine {
                        end_line
                    } else {
                        line
                    };
                    out.push(Directive {
                        action,
                        names,
                        reason,
                        line,
                        start,
                        end,
                    });
                }
            }
        }
        Format::Text | Format::Docx => {
            let mut offset = 0;
            for (k, line) in text.split('\n').enumerate() {
                if let Some((action, names, reason)) = parse_body(line) {
                    out.push(Directive {
                        action,
                        names,
                        reason,
                        line: k + 1,
                        start: offset,
                        end: offset + line.len(),
                    });
                }
                offset += line.len() + 1;
            }
        }
    }
    out
}

fn names_match(names: &[String], f: &Finding) -> bool {
    names.is_empty() || names.iter().any(|n| *n == f.rule || n == f.check.as_str())
}

/// Removes the findings the directives suppress and returns, as warnings,
/// the directives that suppressed nothing.
pub fn apply(
    path: &str,
    text: &str,
    directives: &[Directive],
    findings: &mut Vec<Finding>,
    rules: &RuleSet,
) -> Vec<Finding> {
    let mut used = vec![false; directives.len()];
    findings.retain(|f| {
        let mut suppressed = false;
        // Next-line directives: the finding's line is the one after.
        for (k, d) in directives.iter().enumerate() {
            if d.action == Action::NextLine && f.line == d.line + 1 && names_match(&d.names, f) {
                used[k] = true;
                suppressed = true;
            }
        }
        // Ranges: the last disable before the finding not yet re-enabled.
        for (k, d) in directives.iter().enumerate() {
            if d.action != Action::Disable || d.end > f.start || !names_match(&d.names, f) {
                continue;
            }
            let reenabled = directives.iter().any(|e| {
                e.action == Action::Enable
                    && e.start > d.end
                    && e.start < f.start
                    && (e.names.is_empty() || names_match(&e.names, f))
            });
            if !reenabled {
                used[k] = true;
                suppressed = true;
            }
        }
        !suppressed
    });
    // Lines are indexed only for a directive that suppressed nothing (most
    // files have no directive at all).
    let index = std::cell::OnceCell::new();
    directives
        .iter()
        .zip(used)
        .filter(|(d, used)| !used && d.action != Action::Enable)
        .map(|(d, _)| {
            let (line, column) = index.get_or_init(|| LineIndex::new(text)).line_col(d.start);
            let known: Vec<&String> = d
                .names
                .iter()
                .filter(|n| rules.get(n).is_none() && CheckKind::parse(n).is_none())
                .collect();
            let message = if known.is_empty() {
                "this suppression suppresses nothing".to_string()
            } else {
                format!(
                    "this suppression names no known rule or check: {}",
                    known
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            Finding {
                rule: "unused-suppression".into(),
                check: CheckKind::Suppression,
                severity: Severity::Warning,
                message,
                path: path.to_string(),
                line,
                column,
                start: d.start,
                end: d.end,
                labels: vec![PlacedLabel {
                    role: crate::checks::Role::Missing,
                    text: text[d.start..d.end].to_string(),
                    start: d.start,
                    end: d.end,
                    line,
                    column,
                }],
                expected: None,
                help: "remove it, or fix the rule name".into(),
                primary: 0,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_forms() {
        let md = "a\n<!-- numlint-disable-next-line ratio -- 口径不同 -->\nb\n<!-- numlint-disable sum -->\nc\n<!-- numlint-enable sum -->\n";
        let ds = directives(md, Format::Markdown);
        assert_eq!(ds.len(), 3);
        assert_eq!(ds[0].action, Action::NextLine);
        assert_eq!(ds[0].names, vec!["ratio".to_string()]);
        assert_eq!(ds[0].reason.as_deref(), Some("口径不同"));
        assert_eq!(ds[0].line, 2);
        // Found by fuzzing: an empty comment.
        assert!(directives("<!--><!-- -->", Format::Html).is_empty());
        let txt = "x\nnumlint-disable-next-line ratio\ny\n";
        let ds = directives(txt, Format::Text);
        assert_eq!((ds.len(), ds[0].line), (1, 2));
    }
}
