//! `--format short`: one line a finding, `path:line:col: severity[rule] message`
//! (and `(at Sheet1!C7)` for a spreadsheet's cell).

use crate::finding::Finding;

pub fn line(f: &Finding) -> String {
    format!(
        "{}:{}:{}: {}[{}] {}{}",
        f.path,
        f.line,
        f.column,
        f.severity.as_str(),
        f.rule,
        f.message,
        f.cell
            .as_ref()
            .map_or(String::new(), |c| format!(" (at {c})"))
    )
}
