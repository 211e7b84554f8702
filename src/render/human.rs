//! The human format: miette graphical diagnostics, one label per number taking
//! part in the claim, the primary one on the figure that is wrong, fitted to
//! the width of the terminal in display columns (a Han character takes two):
//! an excerpt shows as much of its line as fits, and labels too far apart to
//! share one are shown in excerpts of their own. Also [`wrap`], text cut into
//! lines of a width.

use crate::finding::Finding;
use crate::rules::Severity;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use unicode_width::UnicodeWidthChar;

/// Characters of context shown on each side of the labels.
const CONTEXT_CHARS: usize = 24;

/// The text of a file, shown to miette as a window around the labels: scraped
/// reports put whole paragraphs on one line, and a diagnostic should show the
/// sentence, not a thousand characters, in lines that fit the terminal.
struct Window<'a> {
    name: &'a str,
    text: &'a str,
    index: &'a crate::text::LineIndex<'a>,
    /// The columns a line of the excerpt may take (the width less miette's
    /// gutter).
    columns: usize,
    /// The columns the current finding's label texts take after their
    /// figure (`╰── stated: should be 99.6%`).
    room: usize,
    /// The current finding's labels, start and end: a span holding more than
    /// one that cannot fit is refused, and miette shows them apart.
    labels: (usize, usize, usize),
}

/// Display columns of a character in the excerpt (miette shows a tab as four).
fn char_columns(c: char) -> usize {
    if c == '\t' {
        4
    } else {
        c.width().unwrap_or(0)
    }
}

/// Display columns of a text.
fn columns_of(s: &str) -> usize {
    s.chars().map(char_columns).sum()
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
        // otherwise a few characters around it, within its lines and the
        // width.
        let exact = context_lines_before == 0 && context_lines_after == 0;
        let (start, end) = if exact {
            (lo, hi)
        } else {
            self.fit(lo, hi).ok_or(MietteError::OutOfBounds)?
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

impl Window<'_> {
    /// The excerpt shown for the labels in `lo..hi`: up to
    /// [`CONTEXT_CHARS`] characters on each side, within their lines, and
    /// no line wider than the columns (the label texts drawn after the last
    /// figure included). `None` when the span holds more than one label and
    /// does not fit: miette then shows each apart.
    fn fit(&self, lo: usize, hi: usize) -> Option<(usize, usize)> {
        let text = self.text;
        let (first, last, count) = self.labels;
        let several = count > 1 && lo <= first && hi >= last && first != last;
        let line_start = text[..lo].rfind('\n').map_or(0, |i| i + 1);
        let line_end = hi + text[hi..].find('\n').unwrap_or(text.len() - hi);
        // The columns the spanned text takes on its first and last lines.
        let head = text[lo..hi].find('\n');
        let first_line = columns_of(&text[lo..head.map_or(hi, |i| lo + i)]);
        let last_line_start = text[..hi]
            .rfind('\n')
            .map_or(line_start, |i| (i + 1).max(lo));
        let last_line = columns_of(&text[last_line_start..hi]);
        let room = self.room;
        if several {
            // Each middle line is shown whole.
            let middle_fits = text[lo..hi]
                .split('\n')
                .skip(1)
                .all(|l| columns_of(l) <= self.columns);
            let fits = first_line + room <= self.columns
                && last_line + room <= self.columns
                && middle_fits;
            if !fits {
                return None;
            }
        }
        // Before: what the first line has room for, the labels' texts drawn
        // after its figures.
        let mut budget = self.columns.saturating_sub(first_line + room);
        let mut start = lo;
        for (i, c) in text[line_start..lo]
            .char_indices()
            .rev()
            .take(CONTEXT_CHARS)
        {
            let w = char_columns(c);
            if w > budget {
                break;
            }
            budget -= w;
            start = line_start + i;
        }
        // After: what the last line has room for.
        let used = if head.is_some() {
            last_line
        } else {
            columns_of(&text[start..hi])
        };
        let mut budget = self.columns.saturating_sub(used);
        let mut end = hi;
        for c in text[hi..line_end].chars().take(CONTEXT_CHARS) {
            let w = char_columns(c);
            if w > budget {
                break;
            }
            budget -= w;
            end += c.len_utf8();
        }
        // The first line, shown to its end when the span runs on to the next.
        if head.is_some() && columns_of(&text[start..lo + head.unwrap_or(0)]) > self.columns {
            return None;
        }
        Some((start, end))
    }
}

/// `text` cut into lines of at most `width` display columns: at spaces where
/// it has them, anywhere in a run of Han characters (which has none).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let w = columns_of(word);
        if used > 0 && used + 1 + w <= width {
            line.push(' ');
            line.push_str(word);
            used += 1 + w;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        // A word wider than a line is cut between its characters.
        for c in word.chars() {
            let cw = char_columns(c);
            if used + cw > width && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
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
    let index = crate::text::LineIndex::new(text);
    // miette's gutter: ` 12 │ `, the widest line number of the file.
    let gutter = index.line_col(text.len()).0.to_string().len() + 4;
    let columns = width.saturating_sub(gutter).max(20);
    for f in findings {
        let room = f
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let text = match (&f.expected, i == f.primary) {
                    (Some(e), true) => format!("{}: should be {e}", l.role.as_str()),
                    _ => l.role.as_str().to_string(),
                };
                // Drawn from the middle of its figure (`╰── `): past the
                // figure's end by the text, less the figure's second half
                // (one column to spare).
                let figure = l.text.split('\n').next().map_or(0, columns_of);
                (columns_of(&text) + 5).saturating_sub(figure / 2)
            })
            .max()
            .unwrap_or(0);
        let source = Window {
            name: path,
            text,
            index: &index,
            columns,
            room,
            labels: (
                f.labels.iter().map(|l| l.start).min().unwrap_or(0),
                f.labels.iter().map(|l| l.start).max().unwrap_or(0),
                f.labels.len(),
            ),
        };
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The display columns of each line of `out`.
    fn widths(out: &str) -> Vec<usize> {
        out.lines().map(columns_of).collect()
    }

    /// A long line of Han characters is shown in excerpts of at most 80
    /// columns, each figure underlined where it stands.
    #[test]
    fn long_cjk_lines_fit_the_width_and_underlines_stay_under_figures() {
        let rules = crate::rules::RuleSet::builtin().unwrap();
        let filler = "在各级党委政府的坚强领导下各部门协同配合扎实推进各项工作取得了显著成效";
        let text =
            format!("{filler}全市需大病救治17093人,已救治17025人,{filler}{filler},救治进度99.3%。");
        let found = crate::lint::lint("long.txt", &text, &rules);
        assert_eq!(found.len(), 1);
        for width in [80, 100, 60] {
            let out = render(&found, "long.txt", &text, false, width);
            assert!(widths(&out).iter().all(|&w| w <= width), "{width}:\n{out}");
            // Each figure's underline starts at the figure's column.
            let lines: Vec<&str> = out.lines().collect();
            for figure in ["17093人", "17025人", "99.3%"] {
                let (i, line) = lines
                    .iter()
                    .enumerate()
                    .find(|(_, l)| l.contains(figure) && l.contains('│'))
                    .expect(figure);
                let at = columns_of(&line[..line.find(figure).unwrap()]);
                let under = lines[i + 1..]
                    .iter()
                    .take_while(|l| !l.contains('│') || l.trim_start().starts_with('·'))
                    .any(|l| {
                        let mut col = 0;
                        l.chars().any(|c| {
                            let hit = col == at && c == '─';
                            col += char_columns(c);
                            hit
                        })
                    });
                assert!(under, "{figure} at {at}:\n{out}");
            }
        }
    }

    #[test]
    fn wrap_cuts_at_spaces_and_between_han_characters() {
        assert_eq!(wrap("a bb ccc", 4), vec!["a bb", "ccc"]);
        assert_eq!(wrap("需X人,已Y人,率Z%", 8), vec!["需X人,已", "Y人,率Z%"]);
        for line in wrap(&"全市需大病救治 17093人 ".repeat(20), 30) {
            assert!(columns_of(&line) <= 30, "{line}");
        }
        assert_eq!(wrap("", 10), vec![String::new()]);
    }
}
