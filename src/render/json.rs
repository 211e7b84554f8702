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
    /// The last finding written (kept to be reused).
    buf: Vec<u8>,
}

impl Streamer {
    pub fn begin(&self) -> String {
        "{\n  \"version\": 1,\n  \"findings\": [".to_string()
    }

    /// The text of the next finding in the array.
    pub fn finding(&mut self, f: &Finding) -> &[u8] {
        self.buf.clear();
        self.buf
            .extend_from_slice(if self.count == 0 { b"\n" } else { b",\n" });
        self.count += 1;
        self.buf.extend_from_slice(b"    ");
        write_finding(&mut self.buf, f, Some(2));
        &self.buf
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

/// `check --format jsonl`: one finding on one line (without its line break).
pub fn jsonl_line(out: &mut Vec<u8>, f: &Finding) {
    write_finding(out, f, None);
}

/// Writes a finding as serde_json writes it: pretty, as an object at nesting
/// `depth` (its fields one level deeper), or compact when `depth` is `None`.
/// The findings are most of the output of a run, and this is several times
/// quicker than serde_json's formatter, which writes each indent and
/// punctuation mark separately; the tests hold the two equal.
fn write_finding(out: &mut Vec<u8>, f: &Finding, depth: Option<usize>) {
    // A finding takes under a kilobyte: room at once, not step by step.
    out.reserve(1024);
    let mut w = Writer { out, depth };
    w.open(b'{');
    w.str_field(true, "rule", &f.rule);
    w.str_field(false, "check", f.check.as_str());
    w.str_field(false, "severity", f.severity.as_str());
    w.str_field(false, "message", &f.message);
    w.str_field(false, "path", &f.path);
    w.num_fields([
        ("line", f.line),
        ("column", f.column),
        ("start", f.start),
        ("end", f.end),
    ]);
    w.key(false, "labels");
    w.open(b'[');
    for (k, l) in f.labels.iter().enumerate() {
        w.item(k == 0);
        w.open(b'{');
        w.str_field(true, "role", l.role.as_str());
        w.str_field(false, "text", &l.text);
        w.num_fields([
            ("start", l.start),
            ("end", l.end),
            ("line", l.line),
            ("column", l.column),
        ]);
        if let Some(cell) = &l.cell {
            w.str_field(false, "cell", cell);
        }
        w.close(b'}', true);
    }
    w.close(b']', !f.labels.is_empty());
    w.key(false, "expected");
    match &f.expected {
        Some(e) => w.string(e),
        None => w.out.extend_from_slice(b"null"),
    }
    w.key(false, "help");
    w.string(&f.help);
    if let Some(cell) = &f.cell {
        w.str_field(false, "cell", cell);
    }
    w.close(b'}', true);
}

/// serde_json's layout: pretty (two spaces a level) or compact.
struct Writer<'o> {
    out: &'o mut Vec<u8>,
    /// The nesting of what is being written; `None` for compact.
    depth: Option<usize>,
}

impl Writer<'_> {
    fn newline(&mut self) {
        /// A line break and the indent of the deepest level written.
        const BREAK: &[u8; 17] = b"\n                ";
        if let Some(d) = self.depth {
            match BREAK.get(..1 + 2 * d) {
                Some(indent) => self.out.extend_from_slice(indent),
                None => {
                    self.out.push(b'\n');
                    self.out.resize(self.out.len() + 2 * d, b' ');
                }
            }
        }
    }

    fn open(&mut self, bracket: u8) {
        self.out.push(bracket);
        self.depth = self.depth.map(|d| d + 1);
    }

    /// Closes an object or array; `filled` if anything was written in it.
    fn close(&mut self, bracket: u8, filled: bool) {
        self.depth = self.depth.map(|d| d - 1);
        if filled {
            self.newline();
        }
        self.out.push(bracket);
    }

    /// Begins an item of an array.
    fn item(&mut self, first: bool) {
        if !first {
            self.out.push(b',');
        }
        self.newline();
    }

    /// Begins a field of an object (its name is plain ASCII).
    fn key(&mut self, first: bool, name: &str) {
        self.item(first);
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(if self.depth.is_some() {
            b"\": "
        } else {
            b"\":"
        });
    }

    /// A field with a string value (not the first unless `first`).
    fn str_field(&mut self, first: bool, name: &str, value: &str) {
        self.key(first, name);
        self.string(value);
    }

    /// Fields with numbers, after others.
    fn num_fields<const N: usize>(&mut self, fields: [(&str, usize); N]) {
        for (name, n) in fields {
            self.key(false, name);
            self.number(n);
        }
    }

    fn number(&mut self, n: usize) {
        self.out
            .extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }

    /// A string, escaped as serde_json escapes: quote, backslash and the
    /// control characters below U+0020.
    fn string(&mut self, s: &str) {
        self.out.push(b'"');
        let bytes = s.as_bytes();
        // Most strings need no escape: one quick look, then one copy.
        if !bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\') {
            self.out.extend_from_slice(bytes);
            self.out.push(b'"');
            return;
        }
        let mut plain = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let escape: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0C => b"\\f",
                0x00..=0x1F => b"",
                _ => continue,
            };
            self.out.extend_from_slice(&bytes[plain..i]);
            plain = i + 1;
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.extend_from_slice(b"\\u00");
                self.out.push(HEX[usize::from(b >> 4)]);
                self.out.push(HEX[usize::from(b & 0xF)]);
            } else {
                self.out.extend_from_slice(escape);
            }
        }
        self.out.extend_from_slice(&bytes[plain..]);
        self.out.push(b'"');
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
                out.push_str(std::str::from_utf8(s.finding(f)).unwrap());
            }
            out.push_str(&s.end(summary));
            assert_eq!(out, check(&findings, summary) + "\n");
        }
    }

    use crate::finding::PlacedLabel;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        // Quotes, backslashes, every control character, DEL, Han, astral.
        proptest::collection::vec(
            prop_oneof![
                proptest::char::range('\u{0}', '\u{7f}'),
                Just('"'),
                Just('\\'),
                Just('率'),
                Just('\u{1F600}'),
            ],
            0..12,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    fn label() -> impl Strategy<Value = PlacedLabel> {
        let roles = [
            Role::Whole,
            Role::Part,
            Role::Stated,
            Role::Total,
            Role::Item,
            Role::Before,
            Role::After,
            Role::Change,
            Role::Missing,
            Role::Count,
            Role::Value,
        ];
        (
            proptest::sample::select(roles.to_vec()),
            text(),
            any::<[usize; 4]>(),
            proptest::option::of(text()),
        )
            .prop_map(
                |(role, text, [start, end, line, column], cell)| PlacedLabel {
                    role,
                    text,
                    start,
                    end,
                    line,
                    column,
                    cell,
                },
            )
    }

    fn finding() -> impl Strategy<Value = Finding> {
        let checks = CheckKind::ALL
            .iter()
            .copied()
            .chain([CheckKind::Suppression])
            .collect::<Vec<_>>();
        (
            (
                text(),
                proptest::sample::select(checks),
                any::<bool>(),
                text(),
                text(),
            ),
            any::<[usize; 4]>(),
            proptest::collection::vec(label(), 0..4),
            (
                proptest::option::of(text()),
                text(),
                proptest::option::of(text()),
            ),
        )
            .prop_map(
                |(
                    (rule, check, error, message, path),
                    [line, column, start, end],
                    labels,
                    (expected, help, cell),
                )| Finding {
                    rule,
                    check,
                    severity: if error {
                        Severity::Error
                    } else {
                        Severity::Warning
                    },
                    message,
                    path,
                    line,
                    column,
                    start,
                    end,
                    labels,
                    expected,
                    help,
                    cell,
                    primary: 0,
                },
            )
    }

    proptest! {
        /// The hand-written findings are serde_json's, in both layouts.
        #[test]
        fn findings_are_written_as_serde_json_writes_them(
            findings in proptest::collection::vec(finding(), 0..4)
        ) {
            let summary = Summary { files: 1, errors: findings.len(), warnings: 0 };
            let mut s = Streamer::default();
            let mut out = s.begin().into_bytes();
            for f in &findings {
                out.extend_from_slice(s.finding(f));
            }
            out.extend_from_slice(s.end(summary).as_bytes());
            prop_assert_eq!(String::from_utf8(out).unwrap(), check(&findings, summary) + "\n");
            for f in &findings {
                let mut line = Vec::new();
                jsonl_line(&mut line, f);
                prop_assert_eq!(String::from_utf8(line).unwrap(), serde_json::to_string(f).unwrap());
            }
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
    /// How many tables the document holds (their figures are checked by the
    /// table rules; see `claims`).
    pub tables: usize,
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
    tables: usize,
) -> ExtractedDocument {
    let index = LineIndex::new(text);
    ExtractedDocument {
        path: path.to_string(),
        tables,
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
