//! The command line, tested as data: each tests/cmd/*.toml gives the
//! arguments, standard input, expected output and exit code (trycmd).

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
