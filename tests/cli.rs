//! The command line, tested as data: each tests/cmd/*.toml gives the
//! arguments, standard input, expected output and exit code (trycmd).

#[test]
fn cli() {
    // The human output is as wide as COLUMNS says (80 when not a terminal):
    // the same width wherever the tests run.
    trycmd::TestCases::new()
        .env("COLUMNS", "80")
        .case("tests/cmd/*.toml");
}
