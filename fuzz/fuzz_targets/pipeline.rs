//! The whole pipeline on any bytes, as each input format: decoding, Markdown,
//! HTML and .docx extraction, linting, suppressions, every renderer.
#![no_main]
use libfuzzer_sys::fuzz_target;
use numlint::input::{decode, docx, Format, Source};
use std::sync::OnceLock;

static RULES: OnceLock<numlint::rules::RuleSet> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let rules = RULES.get_or_init(|| numlint::rules::RuleSet::builtin().unwrap());
    let _ = docx::paragraphs(data);
    let Ok(text) = decode("fuzz", data, None) else { return };
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let source = Source::from_text("fuzz", format, text.clone());
        assert_eq!(source.prose().len(), source.text.len());
        let findings = numlint::lint::lint_source(&source, rules);
        let _ = numlint::render::human::render(&findings, "fuzz", &source.text, false, 80);
        let _ = numlint::render::sarif::log(&findings, rules, &[]);
        for f in &findings {
            let _ = numlint::render::github::line(f);
        }
    }
});
