//! The pre-commit hook (`.pre-commit-hooks.yaml`), run as pre-commit runs
//! it: its `entry` with the changed files named, those its `files` pattern
//! takes. A `.docx` is taken (by name: it is a zip, which `types_or: [text]`
//! refused), and `exclude` in numlint.toml holds for files named too.

use std::process::Command;

const HOOKS: &str = include_str!("../.pre-commit-hooks.yaml");

/// The value of `key:` in the hook.
fn value(key: &str) -> &'static str {
    HOOKS
        .lines()
        .find_map(|l| l.trim().strip_prefix(&format!("{key}:")))
        .map(str::trim)
        .unwrap_or_else(|| panic!("no {key} in the hook"))
}

#[test]
fn the_hook_takes_docx_and_honours_exclude() {
    assert!(
        !HOOKS.contains("types_or"),
        "types_or refuses .docx (binary)"
    );
    assert_eq!(value("types"), "[file]");
    let files = value("files");
    for name in ["r.docx", "r.md", "r.txt", "r.html", "R.DOCX"] {
        let ext = name.rsplit('.').next().unwrap().to_ascii_lowercase();
        assert!(files.contains(&ext), "{files} takes {name}");
    }
    let entry: Vec<&str> = value("entry").split_whitespace().collect();
    assert_eq!(entry[0], "numlint");
    assert!(entry.contains(&"--force-exclude"));

    let dir = std::env::temp_dir().join(format!("numlint-precommit-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("drafts")).unwrap();
    std::fs::write(dir.join("numlint.toml"), "exclude = [\"drafts/**\"]\n").unwrap();
    let wrong = "需救治100人,已救治90人,救治率80%。\n";
    std::fs::write(dir.join("drafts/wrong.txt"), wrong).unwrap();
    std::fs::copy("fixtures/cli/formats/report.docx", dir.join("report.docx")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_numlint"))
        .args(&entry[1..])
        .args(["drafts/wrong.txt", "report.docx"])
        .current_dir(&dir)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("drafts/wrong.txt"), "{stdout}");
    assert!(
        stdout.contains("report.docx:"),
        "the docx is read: {stdout}"
    );
}
