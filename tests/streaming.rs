//! A run over large and small files prints, in every streamed format, exactly
//! the findings of each file in path order, a large file's pieces in text
//! order, however the pieces finish. The expected findings come from
//! `lint_source` in-process, which sees each file whole.

use numlint::input::{Format, Source};
use numlint::lint::{lint_source, CHUNK};
use numlint::rules::RuleSet;
use std::process::Command;

/// Scraped report prose: figures, claims and a real inconsistency.
const SEED: &str = include_str!("../fixtures/seeds/000_3cd16edfbab09667.txt");

#[test]
fn pieces_of_large_files_stream_in_order() {
    let dir = std::env::temp_dir().join(format!("numlint-streaming-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let wrong = "全市需大病救治17093人,已救治17025人,救治进度99.3%。\n";
    let mut big = String::new();
    while big.len() < 5 * CHUNK {
        big.push_str(SEED);
        big.push_str(wrong);
    }
    let files = [
        ("a-small.txt", wrong.to_string()),
        ("b-large.txt", big.clone()),
        ("c-small.txt", format!("前言。\n{wrong}")),
        ("d-large.txt", format!("{wrong}{big}")),
    ];
    for (name, text) in &files {
        std::fs::write(dir.join(name), text).unwrap();
    }

    let rules = RuleSet::builtin().unwrap();
    let mut expected = Vec::new();
    for (name, text) in &files {
        let path = dir.join(name).display().to_string();
        let source = Source::from_text(&path, Format::Text, text.clone());
        for f in lint_source(&source, &rules) {
            expected.push(format!("{path}:{}:{}:{}", f.line, f.column, f.rule));
        }
    }
    assert!(expected.len() > 40, "{} findings", expected.len());

    let out = Command::new(env!("CARGO_BIN_EXE_numlint"))
        .args(["check", "--format", "jsonl", "--isolated", "--no-progress"])
        .arg(&dir)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(out.status.code(), Some(1));
    let printed: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            format!(
                "{}:{}:{}:{}",
                v["path"].as_str().unwrap(),
                v["line"],
                v["column"],
                v["rule"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(printed, expected);
}

/// A baseline entry hides one finding in a file, not one in every piece of it.
#[test]
fn a_baseline_entry_hides_one_finding_in_a_large_file() {
    let dir = std::env::temp_dir().join(format!("numlint-baseline-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let wrong = "全市需大病救治17093人,已救治17025人,救治进度99.3%。\n";
    let filler = "这一段没有数字。\n".repeat(CHUNK / 20);
    let file = dir.join("report.txt");
    let baseline = dir.join("baseline.json");
    let numlint = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_numlint"))
            .args(args)
            .args(["--isolated", "--no-progress", "--format", "jsonl"])
            .arg(&file)
            .output()
            .unwrap()
    };
    // Recorded once...
    std::fs::write(&file, format!("{filler}{wrong}{filler}")).unwrap();
    let out = numlint(&["check", "--write-baseline", baseline.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    // ...then the same sentence stands in three pieces: two are new.
    std::fs::write(&file, format!("{wrong}{filler}{wrong}{filler}{wrong}")).unwrap();
    let out = numlint(&["check", "--baseline", baseline.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert_eq!(out.status.code(), Some(1));
}
