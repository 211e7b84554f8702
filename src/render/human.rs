//! The human format: miette graphical diagnostics, one label per number taking
//! part in the claim, the primary one on the figure that is wrong.

use crate::finding::Finding;
use crate::rules::Severity;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
};
use std::fmt;

/// A finding with its source text, as miette wants it.
struct Report<'a> {
    finding: &'a Finding,
    source: &'a NamedSource<String>,
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
            let span = (l.start, l.end - l.start);
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
    let source = NamedSource::new(path, text.to_string());
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
