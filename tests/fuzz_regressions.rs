//! Inputs the fuzzers found crashes or slow runs with
//! (fixtures/fuzz-regressions/): each goes through the lexer and the number
//! recognizer as the `lexer` target does, and through the whole pipeline as
//! every format, as the `pipeline` target does, and must not panic. Adding a
//! finding is adding a file.

use numlint::input::{decode, docx, Format, Source};

#[test]
fn fuzz_findings_stay_fixed() {
    let rules = numlint::rules::RuleSet::builtin().unwrap();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/fuzz-regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let data = std::fs::read(entry.unwrap().path()).unwrap();
        if let Ok(text) = std::str::from_utf8(&data) {
            let _ = numlint::lexer::lex(text);
            let _ = numlint::lexer::recognize::numbers(text);
            let _ = numlint::lexer::recognize::percentages(text);
        }
        let _ = docx::paragraphs(&data);
        let Ok(text) = decode("fuzz", &data, None) else {
            continue;
        };
        for format in [Format::Text, Format::Markdown, Format::Html] {
            let source = Source::from_text("fuzz", format, text.clone());
            let findings = numlint::lint::lint_source(&source, &rules);
            let _ = numlint::render::human::render(&findings, "fuzz", &source.text, false, 80);
            let _ = numlint::render::sarif::log(&findings, &rules, &[]);
        }
        n += 1;
    }
    assert!(n > 0, "no regression inputs found");
}
