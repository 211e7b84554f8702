//! Properties that hold for any input (proptest): spans on char boundaries,
//! every figure inside its own interval, consistent claims built from random
//! numbers never flagged, and the same claims with one figure changed beyond
//! rounding always flagged.

use numlint::lint::{analyze, lint};
use numlint::rules::RuleSet;
use proptest::prelude::*;

fn rules() -> RuleSet {
    RuleSet::builtin().unwrap()
}

const PIECES: &[&str] = &[
    "1",
    "17093",
    "99.3",
    "%",
    "万",
    "多",
    "近",
    "约",
    "人",
    "个",
    "需",
    "已",
    "率",
    ",",
    "。",
    "、",
    "(",
    ")",
    "其中",
    "由",
    "增加到",
    "三",
    "十",
    "百分之",
    "分之",
    "年",
    "“",
    "”",
    " ",
    "\n",
    "of the",
    "rose from",
    " to ",
    "$",
    "million",
    "a",
    "é",
    "😀",
    "左右",
    "以上",
    "超过",
    "最",
    "about ",
    "more than ",
    " percent",
    "-",
    ".",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn spans_are_char_boundaries_and_values_lie_in_their_intervals(idx in proptest::collection::vec(0..PIECES.len(), 0..60)) {
        let text: String = idx.iter().map(|&i| PIECES[i]).collect();
        let a = analyze(&text, &rules());
        // In text order and never overlapping (what `Doc::quantities_in`
        // searches by).
        for w in a.quantities.windows(2) {
            prop_assert!(w[0].end <= w[1].start, "{:?} then {:?} in {:?}", w[0], w[1], text);
        }
        for q in &a.quantities {
            prop_assert!(q.start < q.end && q.end <= text.len());
            prop_assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
            prop_assert!(q.interval.contains(&q.value), "{:?} in {:?}", q, text);
        }
        for c in &a.claims {
            for l in &c.labels {
                prop_assert!(text.is_char_boundary(l.span.start) && text.is_char_boundary(l.span.end));
            }
        }
    }

    #[test]
    fn consistent_rates_are_never_flagged(whole in 1u64..10_000_000, share in 0u64..=1000) {
        let part = whole * share / 1000;
        // The rate as a writer would round it (half up), to one decimal.
        let tenths = (part * 1000 + whole / 2) / whole;
        let text = format!("需救治{whole}人,已救治{part}人,救治率{}.{}%", tenths / 10, tenths % 10);
        let f = lint("p", &text, &rules());
        prop_assert!(f.is_empty(), "{text}: {:?}", f.iter().map(|f| &f.message).collect::<Vec<_>>());
    }

    #[test]
    fn rates_off_beyond_rounding_are_flagged(whole in 100u64..10_000_000, share in 0u64..=900) {
        let part = whole * share / 1000;
        let tenths = (part * 1000 + whole / 2) / whole + 20;
        let text = format!("需救治{whole}人,已救治{part}人,救治率{}.{}%", tenths / 10, tenths % 10);
        prop_assert_eq!(lint("p", &text, &rules()).len(), 1, "{}", text);
    }

    #[test]
    fn sums_hold_exactly(parts in proptest::collection::vec(1u64..100_000, 2..6), off in 1u64..50) {
        let total: u64 = parts.iter().sum();
        let names = ["国家级", "省级", "市级", "县级", "乡级"];
        let list = parts.iter().zip(names).map(|(p, n)| format!("{n}{p}个")).collect::<Vec<_>>().join("、");
        let good = format!("全市共有{total}家单位({list})。");
        let bad = format!("全市共有{}家单位({list})。", total + off);
        prop_assert!(lint("p", &good, &rules()).is_empty(), "{}", good);
        prop_assert_eq!(lint("p", &bad, &rules()).len(), 1, "{}", bad);
    }

    #[test]
    fn english_changes(hundreds in 22u64..10_000, pct in 1u64..300) {
        // (Four-digit numbers from 1900 to 2100 read as years in English and
        // are never checked: the generator stays clear of them.)
        let before = hundreds * 100;
        let after = hundreds * (100 + pct);
        prop_assume!(!(1900..=2100).contains(&after));
        let good = format!("Visits rose from {before} to {after}, up {pct}%.");
        let bad = format!("Visits rose from {before} to {after}, up {}%.", pct + 3);
        prop_assert!(lint("p", &good, &rules()).is_empty(), "{}", good);
        prop_assert_eq!(lint("p", &bad, &rules()).len(), 1, "{}", bad);
    }
}

/// Clauses of claims, right and wrong, in both languages, with no sentence
/// end: a text of them is one sentence longer than a piece.
const CLAUSES: &[&str] = &[
    "需救治100人,已救治90人,救治率80%,",
    "需签约44673人,已签约44405人,签约率99.4%,",
    "全市共有37家单位(国家级2个、省级6个、市级29个),",
    "共有38家单位(国家级2个、省级6个、市级29个),",
    "困难群众1133人,其中失独家庭1741人,",
    "由42.16亿元增加到66.56亿元,增长20%,",
    "机构达到个,",
    "of the 1,250 patients, 1,100 (88%) recovered, ",
    "visits rose from 3,200 to 4,000, up 30%, ",
    "道路\n",
    "1,250人,",
    "其中",
    "1:10,",
    "二〇二〇年,",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, .. ProptestConfig::default() })]

    /// A long text cut into pieces (inside its one sentence) has the
    /// findings of the text read whole: no claim is lost or made at a cut.
    #[test]
    fn pieces_find_what_the_whole_text_holds(idx in proptest::collection::vec(0..CLAUSES.len(), 1..40), skip in 0usize..200) {
        use numlint::input::{Format, Source};
        let unit: String = idx.iter().map(|&i| CLAUSES[i]).collect();
        let mut text = "前".repeat(skip);
        while text.len() < 2 * numlint::lint::CHUNK + 1000 {
            text.push_str(&unit);
        }
        let source = Source::from_text("long.txt", Format::Text, text);
        let r = rules();
        let doc = numlint::checks::Doc::with_breaks(&source.text, &source.breaks).with_words(r.word_index());
        let claims = numlint::checks::find_claims(&doc, &r);
        let mut whole = numlint::finding::findings("long.txt", &source.text, claims, &r);
        numlint::finding::sort(&mut whole);
        let pieces = numlint::lint::lint_source(&source, &r);
        prop_assert_eq!(pieces.len(), whole.len());
        prop_assert!(pieces == whole);
    }
}
