//! Rule-pack and configuration loading on any text: an error or a rule set,
//! never a panic. A pack that loads is then run over a few sentences, so its
//! words (any characters at all) go through the vocabulary automata.
#![no_main]
use libfuzzer_sys::fuzz_target;

const SAMPLE: &str = "全市需大病救治17093人,已救治17025人,救治进度99.3%。\
    共有37家(国家级2个、省级6个)。由10万增长到8万,增长20%。\
    Of the 1,250 patients, 1,100 (88%) recovered; three measures: A, B and C.";

fuzz_target!(|src: &str| {
    let mut set = numlint::rules::RuleSet::builtin().unwrap();
    if set.add_pack("fuzz.toml", src).is_ok() {
        let _ = numlint::lint::analyze(SAMPLE, &set);
    }
    let _ = numlint::config::Config::parse(std::path::Path::new("numlint.toml"), src);
});
