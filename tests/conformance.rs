//! Conformance with the public test suites of another number extractor,
//! Microsoft Recognizers-Text (MIT; fixtures/peers/recognizers-text): the
//! NumberModel and PercentModel specs for Chinese and English. Every case not
//! marked NotSupported for dotnet must give the same spans and values, except
//! for the deliberate divergences listed below with their reasons. The
//! agreement must stay at or above 97 % (Chinese) and 95 % (English).

use numlint::exact::{parse_decimal, pow10, Num};
use numlint::lexer::recognize::{numbers, percentages, Recognized};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Case {
    input: String,
    #[serde(default)]
    results: Vec<Expected>,
    not_supported: Option<String>,
    not_supported_by_design: Option<String>,
    ignore_resolution: Option<bool>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Expected {
    start: usize,
    end: usize,
    resolution: Option<Resolution>,
}

#[derive(Deserialize)]
struct Resolution {
    value: Option<String>,
}

/// Inputs where numlint deliberately reads differently, and why.
const DIVERGENCES: &[(&str, &str)] = &[
    (
        "twenty and three and three fifths",
        "\"and\" after a tens word does not join numbers here (twenty and three is two numbers), so this reads as 20 and 3.6",
    ),
    (
        "Only a small percent attain the top ranks",
        "a percentage with no number is not a figure: numlint reports figures only",
    ),
    (
        "The table shows the % of increase in the last month",
        "a percent sign with no number is not a figure",
    ),
    (
        "How do I calculate a percentage?",
        "the word percentage with no number is not a figure",
    ),
];

/// Parses a value as the suite writes it: `0.666666666666667`, `1E-12`, `50%`.
fn parse_value(s: &str) -> Option<Num> {
    let s = s.trim().trim_end_matches('%');
    let (mantissa, exp) = match s.split_once(['E', 'e']) {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().ok()?),
        None => (s, 0),
    };
    let neg = mantissa.starts_with('-');
    let (v, _) = parse_decimal(mantissa.trim_start_matches('-'))?;
    let v = v * pow10(exp);
    Some(if neg { -v } else { v })
}

/// Values agree to 14 significant digits (the suite prints doubles).
fn close(a: &Num, b: &Num) -> bool {
    let diff = (a - b).abs();
    let one = Num::from(1);
    let scale = b.abs().max(one);
    diff <= pow10(-13) * scale
}

fn char_offsets(text: &str, r: &Recognized) -> (usize, usize) {
    let start = text[..r.start].chars().count();
    let len = text[r.start..r.end].chars().count();
    (start, start + len.max(1) - 1)
}

struct Tally {
    total: usize,
    agreed: usize,
    unexplained: Vec<String>,
}

fn run(lang: &str, model: &str, recognize: fn(&str) -> Vec<Recognized>, tally: &mut Tally) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!(
        "fixtures/peers/recognizers-text/{lang}/{model}.json"
    ));
    let cases: Vec<Case> = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    for case in cases {
        let skipped = |s: &Option<String>| {
            s.as_deref()
                .is_some_and(|s| s.to_ascii_lowercase().contains("dotnet"))
        };
        if skipped(&case.not_supported) || skipped(&case.not_supported_by_design) {
            continue;
        }
        tally.total += 1;
        let got = recognize(&case.input);
        let ignore_values = case.ignore_resolution.unwrap_or(false);
        let same = got.len() == case.results.len()
            && got.iter().zip(&case.results).all(|(g, e)| {
                let (s, t) = char_offsets(&case.input, g);
                let value_ok = ignore_values
                    || match e
                        .resolution
                        .as_ref()
                        .and_then(|r| r.value.as_deref())
                        .and_then(parse_value)
                    {
                        Some(v) => close(&g.value, &v),
                        None => false,
                    };
                s == e.start && t == e.end && value_ok
            });
        if same {
            tally.agreed += 1;
        } else if !DIVERGENCES.iter().any(|(input, _)| *input == case.input) {
            let got_text: Vec<String> = got
                .iter()
                .map(|g| {
                    let (s, t) = char_offsets(&case.input, g);
                    format!(
                        "{}={}[{s},{t}]",
                        &case.input[g.start..g.end],
                        numlint::exact::to_decimal_string(&g.value, 15)
                    )
                })
                .collect();
            let want: Vec<String> = case
                .results
                .iter()
                .map(|e| {
                    format!(
                        "{}[{},{}]",
                        e.resolution
                            .as_ref()
                            .and_then(|r| r.value.clone())
                            .unwrap_or_default(),
                        e.start,
                        e.end
                    )
                })
                .collect();
            tally.unexplained.push(format!(
                "{lang}/{model}: {:?}: got {got_text:?}, want {want:?}",
                case.input
            ));
        }
    }
}

fn check(lang: &str, threshold: f64) {
    let mut tally = Tally {
        total: 0,
        agreed: 0,
        unexplained: Vec::new(),
    };
    run(lang, "NumberModel", numbers, &mut tally);
    run(lang, "PercentModel", percentages, &mut tally);
    let rate = tally.agreed as f64 / tally.total as f64;
    println!(
        "{lang}: {} of {} cases agree ({:.1} %)",
        tally.agreed,
        tally.total,
        rate * 100.0
    );
    assert!(
        tally.unexplained.is_empty() && rate >= threshold,
        "{lang}: {} of {} agree ({:.1} %, need {:.0} %); disagreements not in the divergence list:\n{}",
        tally.agreed,
        tally.total,
        rate * 100.0,
        threshold * 100.0,
        tally.unexplained.join("\n")
    );
}

#[test]
fn chinese_agrees_with_recognizers_text() {
    check("Chinese", 0.97);
}

#[test]
fn english_agrees_with_recognizers_text() {
    check("English", 0.95);
}
