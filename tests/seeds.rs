//! The five seed reports against fixtures/seeds.toml (from EXPECTED.md): every
//! listed inconsistency reported with its check kind, nothing else reported,
//! every listed consistent claim recognised and found consistent.

use numlint::lint::analyze;
use numlint::rules::RuleSet;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Expected {
    finding: Vec<Place>,
    consistent: Vec<Place>,
}

#[derive(Deserialize)]
struct Place {
    file: String,
    check: String,
    near: String,
}

fn load() -> (Expected, Vec<(String, String)>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let expected: Expected =
        toml::from_str(&std::fs::read_to_string(root.join("seeds.toml")).unwrap()).unwrap();
    let mut files: Vec<(String, String)> = std::fs::read_dir(root.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "the five seeds are in fixtures/seeds/");
    (expected, files)
}

/// The byte range of `near` in `text`; it must occur exactly once.
fn locate(file: &str, text: &str, near: &str) -> (usize, usize) {
    let hits: Vec<usize> = text.match_indices(near).map(|(i, _)| i).collect();
    assert_eq!(
        hits.len(),
        1,
        "{file}: `{near}` should occur once, occurs {} times",
        hits.len()
    );
    (hits[0], hits[0] + near.len())
}

#[test]
fn seeds_report_exactly_the_expected_inconsistencies() {
    let (expected, files) = load();
    let rules = RuleSet::builtin().unwrap();
    let mut problems = Vec::new();
    for (name, text) in &files {
        let findings = numlint::lint::lint(name, text, &rules);
        let mut matched = vec![false; findings.len()];
        for place in expected.finding.iter().filter(|p| &p.file == name) {
            let (a, b) = locate(name, text, &place.near);
            let hits: Vec<usize> = findings
                .iter()
                .enumerate()
                .filter(|(_, f)| f.check.as_str() == place.check && f.start >= a && f.start < b)
                .map(|(i, _)| i)
                .collect();
            match hits.as_slice() {
                [i] => matched[*i] = true,
                [] => problems.push(format!(
                    "{name}: missed {} at `{}`",
                    place.check, place.near
                )),
                _ => problems.push(format!(
                    "{name}: {} findings at `{}`",
                    hits.len(),
                    place.near
                )),
            }
        }
        for (f, m) in findings.iter().zip(&matched) {
            if !m {
                problems.push(format!(
                    "{name}:{}:{}: unexpected {} finding: {}",
                    f.line, f.column, f.rule, f.message
                ));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn seeds_recognise_the_expected_consistent_claims() {
    let (expected, files) = load();
    let rules = RuleSet::builtin().unwrap();
    let mut problems = Vec::new();
    for (name, text) in &files {
        let analysis = analyze(text, &rules);
        for place in expected.consistent.iter().filter(|p| &p.file == name) {
            let (a, b) = locate(name, text, &place.near);
            let claims: Vec<_> = analysis
                .claims
                .iter()
                .filter(|c| c.check.as_str() == place.check)
                .filter(|c| c.labels.iter().all(|l| l.span.end > a && l.span.start < b))
                .collect();
            if claims.is_empty() {
                problems.push(format!(
                    "{name}: no {} claim recognised in `{}`",
                    place.check, place.near
                ));
            } else if let Some(c) = claims.iter().find(|c| !c.consistent()) {
                problems.push(format!(
                    "{name}: {} claim in `{}` found inconsistent: {}",
                    place.check,
                    place.near,
                    c.verdict.as_ref().map(|v| v.message.as_str()).unwrap_or("")
                ));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
