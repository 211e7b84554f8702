//! The pipeline over one text: quantities, claims, findings. No I/O.
//!
//! ```
//! let rules = numlint::rules::RuleSet::builtin().unwrap();
//! let a = numlint::lint::analyze("需救治17093人,已救治17025人,救治进度99.3%", &rules);
//! assert_eq!(a.claims.len(), 1);
//! assert!(!a.claims[0].consistent());
//! ```

use crate::checks::{find_claims, Claim, Doc};
use crate::finding::{findings, Finding};
use crate::input::Source;
use crate::lexer::Quantity;
use crate::rules::RuleSet;

/// What numlint found in one text.
pub struct Analysis {
    pub quantities: Vec<Quantity>,
    pub claims: Vec<Claim>,
}

pub fn analyze(text: &str, rules: &RuleSet) -> Analysis {
    analyze_blocks(text, &[], rules)
}

/// Analyses a text whose blocks end at `breaks` (see [`Source::breaks`]).
pub fn analyze_blocks(text: &str, breaks: &[usize], rules: &RuleSet) -> Analysis {
    let doc = Doc::with_breaks(text, breaks);
    let claims = find_claims(&doc, rules);
    Analysis {
        quantities: doc.quantities,
        claims,
    }
}

/// Lints one text: its findings, in the order of the contract.
pub fn lint(path: &str, text: &str, rules: &RuleSet) -> Vec<Finding> {
    let a = analyze(text, rules);
    findings(path, text, &a.claims, rules)
}

/// Lints a source: its prose is analysed, positions point into its text, and
/// its inline suppressions apply (unused ones are reported as warnings).
pub fn lint_source(source: &Source, rules: &RuleSet) -> Vec<Finding> {
    let a = analyze_blocks(&source.prose, &source.breaks, rules);
    let mut out = findings(&source.path, &source.text, &a.claims, rules);
    let directives = crate::suppress::directives(&source.text, source.format);
    let unused = crate::suppress::apply(&source.path, &source.text, &directives, &mut out, rules);
    out.extend(unused);
    out.sort_by(|a, b| (a.start, &a.rule).cmp(&(b.start, &b.rule)));
    out
}
