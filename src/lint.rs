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
use crate::lexer::Quantity;
use crate::rules::RuleSet;

/// What numlint found in one text.
pub struct Analysis {
    pub quantities: Vec<Quantity>,
    pub claims: Vec<Claim>,
}

pub fn analyze(text: &str, rules: &RuleSet) -> Analysis {
    let doc = Doc::new(text);
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
