//! Rule-pack and configuration loading on any text: an error or a rule set,
//! never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|src: &str| {
    let mut set = numlint::rules::RuleSet::builtin().unwrap();
    let _ = set.add_pack("fuzz.toml", src);
    let _ = numlint::config::Config::parse(std::path::Path::new("numlint.toml"), src);
});
