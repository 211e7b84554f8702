//! Hostile inputs in one run: binary data, NULs, invalid UTF-8, an empty
//! file, a 10 MB line, a 200 000-digit number, 50 000 nested parentheses,
//! 200 000 percentages in a row, a sentence of 100 000 items, runs with no
//! punctuation, a finding in every 9 bytes, 30 000 suppression directives,
//! 100 000 unclosed comments, a long Markdown table, a Markdown table of
//! 100 000 cells a line, truncated .docx/.html/.md. numlint must end with 0, 1 or 2, never panic, and still
//! lint the good file beside them. (Speed is scripts/bench.sh's business.)

use std::path::Path;
use std::process::Command;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn hostile_files_do_not_stop_the_run() {
    let dir = std::env::temp_dir().join(format!("numlint-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    write(
        &dir,
        "a-good.txt",
        "需救治100人,已救治90人,救治率80%。".as_bytes(),
    );
    write(&dir, "binary.txt", &[0, 159, 146, 150, 0, 1, 2, 3]);
    write(
        &dir,
        "invalid.txt",
        &[0xff, 0xfe, 0xfd, b'1', b'2', 0x80, 0x80],
    );
    write(&dir, "empty.txt", b"");
    // One piece repeated: each shape once made some work grow faster than
    // the text.
    for (name, piece, times) in [
        (
            "long-line.txt",
            "需救治17093人,已救治17025人,救治进度99.3%",
            200_000,
        ),
        // A scraped paragraph of English sentences on one line: each full
        // stop read the line back to its start.
        (
            "english-line.txt",
            "The hospital treated 1,250 patients in total. ",
            45_000,
        ),
        // No punctuation at all: number words (each read to the end of the
        // text) and changes (each counted every figure after it).
        ("number-words.txt", "a hundred a dozen a third ", 40_000),
        ("from-to.txt", "rose from 1 to 2 ", 50_000),
        // Read again from each of their starts: big units (in big-number
        // arithmetic), values after 分别为, shares.
        ("big-units.txt", "1万", 20_000),
        ("respectively.txt", "分别为1、", 20_000),
        ("shares.txt", "accounting for 5% of 6 ", 20_000),
        ("digits.txt", "9", 200_000),
        ("quotes.txt", "“", 100_000),
        // A finding in every 9 bytes: memory follows the findings held.
        ("dense-findings.txt", "达到个", 110_000),
        // Each finding was compared with every directive, each unclosed
        // comment read to the end of the text.
        (
            "suppressions.txt",
            "numlint-disable-next-line sum\n医疗卫生机构达到个。\n",
            30_000,
        ),
        ("unclosed.md", "<!-- numlint- ", 100_000),
        // A grouped figure too long to read, tried again from each group;
        // a change in a clause of no punctuation, each read to its end.
        ("grouped.txt", "123,", 100_000),
        ("zh-from-to.txt", "由1人增加到2人", 20_000),
    ] {
        write(&dir, name, piece.repeat(times).as_bytes());
    }
    write(
        &dir,
        "nesting.txt",
        format!("{}1个{}", "(".repeat(50_000), ")".repeat(50_000)).as_bytes(),
    );
    let percents: String = (0..200_000).map(|i| format!("{}%", i % 100)).collect();
    write(&dir, "percents.txt", percents.as_bytes());
    let items: Vec<String> = (0..100_000).map(|i| format!("项目{i}个")).collect();
    write(
        &dir,
        "items.txt",
        format!("共有{}。", items.join("、")).as_bytes(),
    );
    // A Markdown paragraph of 50 000 lines and a list of 20 000 items,
    // parsed a window at a time.
    write(&dir, "lines.md", "共3人\n".repeat(50_000).as_bytes());
    let list: String = (0..20_000).map(|i| format!("- 项目{i} {i}个\n")).collect();
    write(&dir, "list.md", list.as_bytes());
    // A Markdown table of 20 000 rows, parsed a window at a time.
    let rows: String = (0..20_000)
        .map(|i| format!("| 区{i} | {}人 | {}% |\n", i * 7, i % 100))
        .collect();
    write(
        &dir,
        "table.md",
        format!("| 地区 | 人数 | 占比 |\n|---|---|---|\n{rows}").as_bytes(),
    );
    // A table of 100 000 cells a line (each place of the header line read
    // the whole delimiter line after it: 20 s).
    write(
        &dir,
        "wide-head.md",
        format!(
            "|{}\n|{}\n|{}\n",
            "abc|".repeat(100_000),
            "---|".repeat(100_000),
            "123|".repeat(100_000)
        )
        .as_bytes(),
    );
    write(
        &dir,
        "truncated.html",
        b"<html><body><p>\xe9\x9c\x80\xe6\x95\x91 100 <scr",
    );
    write(
        &dir,
        "truncated.md",
        b"```\nunclosed fence 99.3%\n<!-- never closed",
    );
    let docx = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/cli/formats/report.docx"
    ))
    .unwrap();
    write(&dir, "truncated.docx", &docx[..docx.len() / 2]);
    let out = Command::new(env!("CARGO_BIN_EXE_numlint"))
        .args(["check", "--format", "short", "--isolated"])
        .arg(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    std::fs::remove_dir_all(&dir).ok();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        out.status.code(),
        Some(2),
        "unreadable files make the run exit 2:\n{stderr}"
    );
    assert!(
        stdout.contains("a-good.txt:1:19: error[ratio-mismatch]"),
        "the good file is still linted:\n{stdout}"
    );
    assert!(stderr.contains("binary.txt: binary file"), "{stderr}");
    assert!(stderr.contains("truncated.docx"), "{stderr}");
}
