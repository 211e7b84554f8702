//! The README shows what the tool does: its example output is what
//! `numlint` prints, its JSON example is the tool's first finding, and its
//! install examples point at no placeholder address.

use std::process::Command;

const README: &str = include_str!("../README.md");

fn numlint(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_numlint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("GITHUB_ACTIONS")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// The code block that begins with `first`, without its fences.
fn block(first: &str) -> &'static str {
    let start = README
        .find(&format!("```\n{first}"))
        .or_else(|| README.find(&format!("```json\n{first}")))
        .unwrap_or_else(|| panic!("no block beginning {first:?}"));
    let body = &README[start..];
    let body = &body[body.find('\n').unwrap() + 1..];
    &body[..body.find("```\n").unwrap()]
}

#[test]
fn the_example_output_is_what_numlint_prints() {
    let command = "$ numlint check fixtures/cli/ratio.txt\n";
    let shown = block(command);
    let printed = numlint(&["check", "fixtures/cli/ratio.txt", "--isolated"]);
    assert_eq!(&shown[command.len()..], printed);
}

#[test]
fn the_json_example_is_the_first_finding() {
    let shown: serde_json::Value = serde_json::from_str(block("{\n  \"version\": 1,")).unwrap();
    let printed: serde_json::Value = serde_json::from_str(&numlint(&[
        "check",
        "fixtures/cli/report.txt",
        "--format",
        "json",
        "--isolated",
    ]))
    .unwrap();
    assert_eq!(shown["findings"][0], printed["findings"][0]);
    assert_eq!(shown["summary"], printed["summary"]);
}

#[test]
fn no_placeholder_addresses() {
    for bad in ["example.invalid", "example.com", "<this repository>"] {
        assert!(!README.contains(bad), "README holds {bad}");
    }
}
