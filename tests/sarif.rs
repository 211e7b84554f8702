//! `--format sarif` is valid SARIF 2.1.0: the log of a run with a Chinese
//! file name with a space, a file skipped and an unused suppression is
//! validated against the OASIS schema (`tests/sarif-schema-2.1.0.json`,
//! vendored from the OASIS SARIF TC, as packaged in the serde-sarif crate),
//! with format checks on (`uri`, `uri-reference`, `date-time`). One change
//! to the schema: the pattern of `language` (of a run and of a tool
//! component), `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$` (a stray `]`,
//! which the validator refuses as a regex), is read as meant,
//! `^[a-zA-Z]{2}(-[a-zA-Z]{2})?$`.

use serde_json::Value;
use std::process::Command;

const SCHEMA: &str = include_str!("sarif-schema-2.1.0.json");

#[test]
fn the_sarif_log_is_valid_and_complete() {
    let dir = std::env::temp_dir().join(format!("numlint-sarif-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("年报 2023.txt"),
        "需救治100人,已救治90人,救治率80%。\n",
    )
    .unwrap();
    std::fs::write(dir.join("binary.txt"), b"a\0b").unwrap();
    // A table whose total is wrong: its cell is named as a logical location.
    std::fs::write(dir.join("表.csv"), "区,人数\n东城,10\n西城,20\n合计,31\n").unwrap();
    std::fs::write(
        dir.join("notes.md"),
        "<!-- numlint-disable-next-line ratio -->\n没有数字。\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_numlint"))
        .args([
            "check",
            "--isolated",
            "--no-progress",
            "--format",
            "sarif",
            ".",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(out.status.code(), Some(2), "the binary file is skipped");
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("\"fullyQualifiedName\": \"B4\""),
        "the wrong cell is named"
    );

    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let validator = jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let run = &log["runs"][0];
    let uris: Vec<&str> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(
        uris.contains(&"./%E5%B9%B4%E6%8A%A5%202023.txt"),
        "{uris:?}"
    );
    let ids: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for r in run["results"].as_array().unwrap() {
        assert!(ids.contains(&r["ruleId"].as_str().unwrap()), "{r}");
        assert_eq!(
            r["partialFingerprints"]["numlint/v1"]
                .as_str()
                .map(str::len),
            Some(24)
        );
    }
    assert!(ids.contains(&"unused-suppression"));
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "./binary.txt"
    );
}
