//! The table fixtures (`fixtures/tables/`): each file in every input format
//! is linted with the built-in rules and its findings held to
//! `fixtures/tables/expected.toml` (rule, line and expected figure of each).

use numlint::rules::RuleSet;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Expected {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    file: String,
    #[allow(dead_code)]
    why: String,
    findings: Vec<(String, usize, String)>,
}

#[test]
fn table_fixtures_report_what_they_expect() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/tables");
    let expected: Expected =
        toml::from_str(&std::fs::read_to_string(dir.join("expected.toml")).unwrap()).unwrap();
    let rules = RuleSet::builtin().unwrap();
    let mut failures = Vec::new();
    let mut seen = Vec::new();
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            paths.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else {
            paths.push(path);
        }
    }
    for path in paths {
        let name = path
            .strip_prefix(&dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if name == "expected.toml" || name.ends_with(".py") {
            continue;
        }
        seen.push(name.clone());
        let case = expected.case.iter().find(|c| c.file == name);
        let want: Vec<(String, usize, String)> = case.map_or(Vec::new(), |c| c.findings.clone());
        let source = numlint::input::load(&path, None).unwrap();
        let got: Vec<(String, usize, String)> = numlint::lint::lint_source(&source, &rules)
            .into_iter()
            .map(|f| (f.rule, f.line, f.expected.unwrap_or_default()))
            .collect();
        if got != want {
            failures.push(format!("{name}: expected {want:?}, got {got:?}"));
        }
    }
    for case in &expected.case {
        assert!(
            seen.contains(&case.file),
            "a listed fixture is missing: {}",
            case.file
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
