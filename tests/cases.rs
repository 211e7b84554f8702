//! One-line cases in fixtures/cases/*.txt, each `EXPECT | text`:
//!
//! - `ok` — nothing is reported;
//! - `ok ratio sum` — nothing is reported, and a consistent claim of each
//!   listed kind is recognised;
//! - `ratio` or `missing-number missing-number` — exactly these findings, by
//!   check kind.
//!
//! In the text, `\n` stands for a line break. Adding a case is adding a line.

use numlint::lint::analyze;
use numlint::rules::RuleSet;
use std::path::Path;

struct Case {
    origin: String,
    ok: bool,
    kinds: Vec<String>,
    text: String,
}

fn cases() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cases");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for (i, line) in std::fs::read_to_string(path).unwrap().lines().enumerate() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let origin = format!("{name}:{}", i + 1);
            let (expect, text) = line
                .split_once(" | ")
                .unwrap_or_else(|| panic!("{origin}: no ` | ` in the line"));
            let mut words = expect.split_whitespace().map(str::to_string);
            let first = words
                .next()
                .unwrap_or_else(|| panic!("{origin}: empty expectation"));
            let (ok, mut kinds) = if first == "ok" {
                (true, vec![])
            } else {
                (false, vec![first])
            };
            kinds.extend(words);
            out.push(Case {
                origin,
                ok,
                kinds,
                text: text.replace("\\n", "\n"),
            });
        }
    }
    out
}

#[test]
fn every_case_holds() {
    let rules = RuleSet::builtin().unwrap();
    let all = cases();
    assert!(all.len() >= 80, "only {} cases", all.len());
    let mut problems = Vec::new();
    for case in &all {
        let analysis = analyze(&case.text, &rules);
        let findings =
            numlint::finding::findings("case", &case.text, analysis.claims.clone(), &rules);
        let mut got: Vec<String> = findings
            .iter()
            .map(|f| f.check.as_str().to_string())
            .collect();
        got.sort();
        let describe = || {
            findings
                .iter()
                .map(|f| format!("{}: {}", f.check.as_str(), f.message))
                .collect::<Vec<_>>()
                .join("; ")
        };
        if case.ok {
            if !got.is_empty() {
                problems.push(format!(
                    "{}: expected no finding, got {}",
                    case.origin,
                    describe()
                ));
            }
            for kind in &case.kinds {
                if !analysis
                    .claims
                    .iter()
                    .any(|c| c.check.as_str() == kind && c.consistent())
                {
                    problems.push(format!(
                        "{}: no consistent {kind} claim recognised",
                        case.origin
                    ));
                }
            }
        } else {
            let mut want = case.kinds.clone();
            want.sort();
            if got != want {
                problems.push(format!(
                    "{}: expected {want:?}, got {got:?} ({})",
                    case.origin,
                    describe()
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {} cases fail:\n{}",
        problems.len(),
        all.len(),
        problems.join("\n")
    );
}
