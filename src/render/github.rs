//! `--format github`: GitHub Actions workflow commands, which annotate the
//! lines of a pull request. Chosen by default when `GITHUB_ACTIONS=true`.

use crate::finding::Finding;
use crate::rules::Severity;

/// Escapes a message: `%`, CR and LF.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: as a message, plus `:` and `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn line(f: &Finding) -> String {
    let level = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let (end_line, end_col) = f.labels.get(f.primary).map_or((f.line, f.column), |l| {
        (l.line, l.column + l.text.chars().count())
    });
    format!(
        "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        property(&f.path),
        f.line,
        f.column,
        end_line.max(f.line),
        end_col,
        property(&format!("numlint {}", f.rule)),
        data(&format!(
            "{}{} ({})",
            f.message,
            f.cell
                .as_ref()
                .map_or(String::new(), |c| format!(" at {c}")),
            f.help
        ))
    )
}
