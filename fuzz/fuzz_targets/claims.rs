//! The claim grammar of every built-in rule on any text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static RULES: OnceLock<numlint::rules::RuleSet> = OnceLock::new();

fuzz_target!(|text: &str| {
    let rules = RULES.get_or_init(|| numlint::rules::RuleSet::builtin().unwrap());
    let a = numlint::lint::analyze(text, rules);
    for c in &a.claims {
        for l in &c.labels {
            assert!(text.is_char_boundary(l.span.start) && text.is_char_boundary(l.span.end));
        }
    }
});
