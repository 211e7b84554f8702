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
//! as a warning (`unused-suppression`, which can be selected, ignored or
//! given a severity as a rule can), so stale ones do not pile up; one that
//! names only rules not in force is not judged. In Markdown, a directive in
//! code (an example of one) is not a directive.

use crate::finding::{Finding, PlacedLabel};
use crate::input::Format;
use crate::rules::{CheckKind, RuleSet, Severity};
use crate::text::LineIndex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Mutex, OnceLock, PoisonError};

/// What a directive does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    NextLine,
    Disable,
    Enable,
}

/// The rule id of the warning about a directive that suppresses nothing.
pub const UNUSED: &str = "unused-suppression";

/// What [`UNUSED`] checks, as `numlint rules` and SARIF say it.
pub const UNUSED_SUMMARY: &str = "A suppression directive must suppress a finding.";

/// How directives that suppress nothing are reported: the severity of
/// [`UNUSED`] (a selection may turn it off or change it), and the rule ids
/// known beside the rules in force, so that a directive naming a rule not
/// in force is not taken for a misspelt one. A directive all of whose names
/// are rules or checks not in force is not judged: it could not be used.
#[derive(Clone, Debug)]
pub struct Unused {
    /// `None`: not reported.
    pub severity: Option<Severity>,
    pub known: Vec<String>,
}

impl Default for Unused {
    fn default() -> Unused {
        Unused {
            severity: Some(Severity::Warning),
            known: Vec::new(),
        }
    }
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
            // In Markdown, a comment in code (fenced, indented or inline: an
            // example of a directive) is text, not a directive.
            let comments =
                (format == Format::Markdown).then(|| crate::input::markdown::comments(text));
            let starts = text
                .match_indices("<!--")
                .map(|(i, _)| i)
                .filter(|i| comments.as_ref().is_none_or(|c| c.binary_search(i).is_ok()));
            for start in starts {
                // The comment's body starts after `<!--` (`<!-->` has none).
                // Unclosed, it leaves every later comment unclosed too (and
                // each would read on to the end of the text).
                let Some(len) = text[start + 4..].find("-->") else {
                    break;
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
        Format::Text | Format::Docx | Format::Csv | Format::Tsv | Format::Sheet => {
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

/// The directives of a file, indexed so that whether a finding is
/// suppressed takes a few lookups, however many directives there are (each
/// finding compared with every directive: 30 000 of each took 2.7 s). Shared
/// by the threads that check the pieces of a file.
pub struct Suppressions<'d> {
    directives: &'d [Directive],
    /// The lists of each name a directive gives (`""`: none, every rule).
    names: HashMap<&'d str, usize>,
    lists: Vec<Lists>,
    marks: Mutex<Marks>,
}

/// The directives that give one name.
#[derive(Default)]
struct Lists {
    /// `numlint-disable-next-line`, by line.
    next: Scope,
    /// `numlint-disable`, by where they end.
    disables: Scope,
    /// Where each `numlint-enable` starts, in order.
    enables: Vec<usize>,
}

/// Directives by a key (a line, an end), in its order: (key, index).
#[derive(Default)]
struct Scope(Vec<(usize, usize)>);

impl Scope {
    /// The positions of the directives whose key lies in `lo..=hi`.
    fn within(&self, lo: usize, hi: usize) -> Range<usize> {
        let from = self.0.partition_point(|&(k, _)| k < lo);
        from..from.max(self.0.partition_point(|&(k, _)| k <= hi))
    }
}

/// Which directives suppressed something. For each scope, the first
/// position at or after each that is not yet marked (path-halving
/// union-find), so that no directive is marked twice.
struct Marks {
    used: Vec<bool>,
    next: Vec<Vec<usize>>,
}

impl Marks {
    fn mark(&mut self, scope: usize, entries: &Scope, run: Range<usize>) {
        let next = &mut self.next[scope];
        let find = |next: &mut Vec<usize>, mut k: usize| {
            while next[k] != k {
                next[k] = next[next[k]];
                k = next[k];
            }
            k
        };
        let mut k = find(next, run.start);
        while k < run.end {
            self.used[entries.0[k].1] = true;
            next[k] = k + 1;
            k = find(next, k + 1);
        }
    }
}

impl<'d> Suppressions<'d> {
    pub fn new(directives: &'d [Directive]) -> Suppressions<'d> {
        let mut names: HashMap<&str, usize> = HashMap::new();
        let mut lists: Vec<Lists> = Vec::new();
        for (id, d) in directives.iter().enumerate() {
            let mut given: Vec<&str> = d.names.iter().map(String::as_str).collect();
            if given.is_empty() {
                given.push("");
            }
            given.sort_unstable();
            given.dedup();
            for name in given {
                let n = lists.len();
                let k = *names.entry(name).or_insert(n);
                if k == n {
                    lists.push(Lists::default());
                }
                let l = &mut lists[k];
                let (scope, key) = match d.action {
                    Action::NextLine => (&mut l.next, d.line),
                    Action::Disable => (&mut l.disables, d.end),
                    Action::Enable => {
                        l.enables.push(d.start);
                        continue;
                    }
                };
                scope.0.push((key, id));
            }
        }
        // Directives come in the order of the text, and so, nearly, do their
        // keys (not quite: a comment inside another ends where it does).
        for l in &mut lists {
            l.next.0.sort_by_key(|&(key, _)| key);
            l.disables.0.sort_by_key(|&(key, _)| key);
            l.enables.sort_unstable();
        }
        let next = lists
            .iter()
            .flat_map(|l| [l.next.0.len(), l.disables.0.len()])
            .map(|n| (0..=n).collect())
            .collect();
        Suppressions {
            directives,
            names,
            lists,
            marks: Mutex::new(Marks {
                used: vec![false; directives.len()],
                next,
            }),
        }
    }

    /// Whether a directive suppresses `f`: a `numlint-disable-next-line` on
    /// the line before it, or a `numlint-disable` before it not re-enabled
    /// since, naming its rule or check or nothing. Those that do are marked
    /// used.
    pub fn suppresses(&self, f: &Finding) -> bool {
        let mut lists: Vec<usize> = [f.rule.as_str(), f.check.as_str(), ""]
            .iter()
            .filter_map(|n| self.names.get(n).copied())
            .collect();
        lists.sort_unstable();
        lists.dedup();
        // The last `numlint-enable` before the finding that re-enables it.
        let enabled = lists
            .iter()
            .filter_map(|&k| {
                let e = &self.lists[k].enables;
                e.partition_point(|&s| s < f.start)
                    .checked_sub(1)
                    .map(|i| e[i])
            })
            .max();
        let mut suppressed = false;
        let mut marks = self.marks.lock().unwrap_or_else(PoisonError::into_inner);
        for k in lists {
            let l = &self.lists[k];
            if let Some(before) = f.line.checked_sub(1) {
                let run = l.next.within(before, before);
                if !run.is_empty() {
                    suppressed = true;
                    marks.mark(2 * k, &l.next, run);
                }
            }
            // Disabled where it ends, and not enabled again since (an enable
            // inside a disabling comment does not count).
            let run = l.disables.within(enabled.unwrap_or(0), f.start);
            if !run.is_empty() {
                suppressed = true;
                marks.mark(2 * k + 1, &l.disables, run);
            }
        }
        suppressed
    }

    /// Warnings for the directives starting in `range` that have suppressed
    /// nothing so far (all of them, once every finding has been asked
    /// about). The line index of `text` is built only for one (most files
    /// have no directive at all).
    pub fn unused<'t>(
        &self,
        path: &str,
        text: &'t str,
        range: Range<usize>,
        index: &OnceLock<LineIndex<'t>>,
        rules: &RuleSet,
        policy: &Unused,
    ) -> Vec<Finding> {
        let Some(severity) = policy.severity else {
            return Vec::new();
        };
        let in_force =
            |n: &str| rules.get(n).is_some() || rules.rules.iter().any(|r| r.check.as_str() == n);
        let known = |n: &str| {
            in_force(n) || CheckKind::parse(n).is_some() || policy.known.iter().any(|k| k == n)
        };
        let judged =
            |d: &Directive| d.names.is_empty() || d.names.iter().any(|n| in_force(n) || !known(n));
        let marks = self.marks.lock().unwrap_or_else(PoisonError::into_inner);
        self.directives
            .iter()
            .zip(&marks.used)
            .filter(|(d, used)| {
                !**used && d.action != Action::Enable && range.contains(&d.start) && judged(d)
            })
            .map(|(d, _)| {
                let index = index.get_or_init(|| LineIndex::new(text));
                let unknown: Vec<&str> = d
                    .names
                    .iter()
                    .map(String::as_str)
                    .filter(|n| !known(n))
                    .collect();
                warning(d, path, text, index, &unknown, severity)
            })
            .collect()
    }
}

/// The warning for a directive that suppressed nothing.
fn warning(
    d: &Directive,
    path: &str,
    text: &str,
    index: &LineIndex,
    unknown: &[&str],
    severity: Severity,
) -> Finding {
    let (line, column) = index.line_col(d.start);
    let message = if unknown.is_empty() {
        "this suppression suppresses nothing".to_string()
    } else {
        format!(
            "this suppression names no known rule or check: {}",
            unknown.join(", ")
        )
    };
    Finding {
        rule: UNUSED.into(),
        check: CheckKind::Suppression,
        severity,
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
            cell: None,
        }],
        expected: None,
        help: "remove it, or fix the rule name".into(),
        cell: None,
        primary: 0,
    }
}

/// Removes the findings the directives suppress and returns, as warnings,
/// the directives that suppressed nothing.
pub fn apply(
    path: &str,
    text: &str,
    directives: &[Directive],
    findings: &mut Vec<Finding>,
    rules: &RuleSet,
    policy: &Unused,
) -> Vec<Finding> {
    if directives.is_empty() {
        return Vec::new();
    }
    let suppressions = Suppressions::new(directives);
    findings.retain(|f| !suppressions.suppresses(f));
    suppressions.unused(
        path,
        text,
        0..text.len() + 1,
        &OnceLock::new(),
        rules,
        policy,
    )
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

    fn names_match(names: &[String], f: &Finding) -> bool {
        names.is_empty() || names.iter().any(|n| *n == f.rule || n == f.check.as_str())
    }

    /// The rule as it was first written: each finding against every
    /// directive (and every enable for each).
    fn suppressed_by_definition(directives: &[Directive], f: &Finding, used: &mut [bool]) -> bool {
        let mut suppressed = false;
        for (k, d) in directives.iter().enumerate() {
            if d.action == Action::NextLine && f.line == d.line + 1 && names_match(&d.names, f) {
                used[k] = true;
                suppressed = true;
            }
        }
        for (k, d) in directives.iter().enumerate() {
            if d.action != Action::Disable || d.end > f.start || !names_match(&d.names, f) {
                continue;
            }
            let reenabled = directives.iter().any(|e| {
                e.action == Action::Enable
                    && e.start > d.end
                    && e.start < f.start
                    && names_match(&e.names, f)
            });
            if !reenabled {
                used[k] = true;
                suppressed = true;
            }
        }
        suppressed
    }

    fn finding(rule: &str, check: CheckKind, line: usize, start: usize) -> Finding {
        Finding {
            rule: rule.into(),
            check,
            severity: Severity::Error,
            message: String::new(),
            path: "t".into(),
            line,
            column: 1,
            start,
            end: start + 1,
            labels: Vec::new(),
            expected: None,
            help: String::new(),
            cell: None,
            primary: 0,
        }
    }

    proptest::proptest! {
        /// The index says what comparing every finding with every directive
        /// says: the same findings suppressed, the same directives unused.
        #[test]
        fn indexed_suppressions_are_the_rule(
            lines in proptest::collection::vec((0usize..4, 0usize..16, 0usize..6), 1..60),
        ) {
            const NAMES: [&str; 4] = ["ratio", "sum-mismatch", "missing-number", "bogus"];
            const ACTIONS: [&str; 3] = ["numlint-disable-next-line", "numlint-disable", "numlint-enable"];
            let mut text = String::new();
            let mut content = Vec::new();
            for (n, &(kind, names, finds)) in lines.iter().enumerate() {
                if kind < 3 {
                    let given: Vec<&str> = (0..4).filter(|b| names >> b & 1 == 1).map(|b| NAMES[b]).collect();
                    text.push_str(&format!("{} {}\n", ACTIONS[kind], given.join(",")));
                } else {
                    content.push((n + 1, text.len(), finds));
                    text.push_str("需救治100人\n");
                }
            }
            let ds = directives(&text, Format::Text);
            let mut findings = Vec::new();
            for &(line, start, finds) in &content {
                for k in 0..finds {
                    let (rule, check) = [
                        ("ratio-mismatch", CheckKind::Ratio),
                        ("sum-mismatch", CheckKind::Sum),
                        ("missing-number", CheckKind::MissingNumber),
                    ][k % 3];
                    findings.push(finding(rule, check, line, start + k));
                }
            }
            let mut used = vec![false; ds.len()];
            let mut want = findings.clone();
            want.retain(|f| !suppressed_by_definition(&ds, f, &mut used));
            let rules = RuleSet::builtin().unwrap();
            let mut got = findings;
            let unused = apply("t", &text, &ds, &mut got, &rules, &Unused::default());
            proptest::prop_assert_eq!(got, want);
            let unused: Vec<usize> = unused.iter().map(|f| f.start).collect();
            let want_unused: Vec<usize> = ds
                .iter()
                .zip(&used)
                .filter(|(d, u)| !**u && d.action != Action::Enable)
                .map(|(d, _)| d.start)
                .collect();
            proptest::prop_assert_eq!(unused, want_unused);
        }
    }
}
