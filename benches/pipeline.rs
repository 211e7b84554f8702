//! `cargo bench`: the lexer and the whole pipeline over the seed reports
//! (about 60 KB of scraped Chinese prose) and over the English cases.
//! The end-to-end comparison with ripgrep and typos is scripts/bench.sh.

use numlint::rules::RuleSet;

fn main() {
    divan::main();
}

fn seeds() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

fn english() -> String {
    let p = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/cases/en.txt");
    std::fs::read_to_string(p)
        .unwrap()
        .lines()
        .filter_map(|l| l.split_once(" | ").map(|(_, t)| t.to_string()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[divan::bench(sample_count = 20)]
fn lex_seeds(b: divan::Bencher) {
    let text = seeds();
    b.counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| numlint::lexer::lex(divan::black_box(&text)));
}

/// The whole pipeline over `text`, with the built-in rules.
fn bench_lint(b: divan::Bencher, text: String) {
    let rules = RuleSet::builtin().unwrap();
    b.counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| numlint::lint::lint("bench", divan::black_box(&text), &rules));
}

#[divan::bench(sample_count = 20)]
fn lint_seeds(b: divan::Bencher) {
    bench_lint(b, seeds());
}

#[divan::bench(sample_count = 20)]
fn lint_english(b: divan::Bencher) {
    bench_lint(b, english());
}
