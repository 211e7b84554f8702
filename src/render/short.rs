//! `--format short`: one line a finding, `path:line:col: severity[rule] message`.

use crate::finding::Finding;

pub fn line(f: &Finding) -> String {
    format!(
        "{}:{}:{}: {}[{}] {}",
        f.path,
        f.line,
        f.column,
        f.severity.as_str(),
        f.rule,
        f.message
    )
}
