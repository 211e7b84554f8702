//! The human format: miette graphical diagnostics, one label per number taking
//! part in the claim, the primary one on the figure that is wrong.

use crate::finding::Finding;
use crate::rules::Severity;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;

/// Characters of context shown on each side of the labels.
const CONTEXT_CHARS: usize = 24;

/// The text of a file, shown to miette as a window around the labels: scraped
/// reports put whole paragraphs on one line, and a diagnostic should show the
/// sentence, not a thousand characters.
struct Window<'a> {
    name: &'a str,
    text: &'a str,
    index: crate::text::LineIndex<'a>,
}

impl SourceCode for Window<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let text = self.text;
        let lo = crate::text::floor_boundary(text, span.offset());
        let hi = crate::text::floor_boundary(text, lo + span.len());
        // Without context (the header's file:line:col) the span itself;
        // otherwise a few characters around it, within its lines.
        let exact = context_lines_before == 0 && context_lines_after == 0;
        let start = if exact {
            lo
        } else {
            text[..lo]
                .char_indices()
                .rev()
                .take(CONTEXT_CHARS)
                .take_while(|(_, c)| *c != '\n')
                .last()
                .map_or(lo, |(i, _)| i)
        };
        let end = if exact {
            hi
        } else {
            hi + text[hi..]
                .chars()
                .take(CONTEXT_CHARS)
                .take_while(|c| *c != '\n')
                .map(char::len_utf8)
                .sum::<usize>()
        };
        let (line, column) = self.index.line_col(start);
        let (line, column) = (line - 1, column - 1);
        let line_count = text[start..end].matches('\n').count() + 1;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            &text.as_bytes()[start..end],
            SourceSpan::from(start..end),
            line,
            column,
            line_count,
        )))
    }
}

/// A finding with its source text, as miette wants it.
struct Report<'a> {
    finding: &'a Finding,
    source: &'a Window<'a>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for Report<'_> {}

impl Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!(
            "{}[{}]",
            self.finding.check.as_str(),
            self.finding.rule
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.finding.help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let f = self.finding;
        let labels = f.labels.iter().enumerate().map(move |(i, l)| {
            let text = if i == f.primary {
                match &f.expected {
                    Some(e) => format!("{}: should be {e}", l.role.as_str()),
                    None => l.role.as_str().to_string(),
                }
            } else {
                l.role.as_str().to_string()
            };
            // A spreadsheet's or CSV file's cell is named as it names it.
            let text = match &l.cell {
                Some(cell) => format!("{text} ({cell})"),
                None => text,
            };
            // A figure broken over lines (`17093\n\n人`) is underlined on its
            // first line only.
            let len = l.text.find('\n').unwrap_or(l.text.len());
            let span = (l.start, len.max(1).min(l.end - l.start));
            if i == f.primary {
                LabeledSpan::new_primary_with_span(Some(text), span)
            } else {
                LabeledSpan::new_with_span(Some(text), span)
            }
        });
        Some(Box::new(labels))
    }
}

/// Renders the findings of one file. `color` chooses the themed output.
pub fn render(findings: &[Finding], path: &str, text: &str, color: bool, width: usize) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(width);
    let mut out = String::new();
    let source = Window {
        name: path,
        text,
        index: crate::text::LineIndex::new(text),
    };
    for f in findings {
        let report = Report {
            finding: f,
            source: &source,
        };
        if handler.render_report(&mut out, &report).is_err() {
            out.push_str(&format!(
                "{}:{}:{}: {}\n",
                f.path, f.line, f.column, f.message
            ));
        }
        out.push('\n');
    }
    out
}
