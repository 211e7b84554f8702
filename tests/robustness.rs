//! Odd text never makes numlint panic, and every span it returns lies on char
//! boundaries inside the text. Inputs are generated from a fixed seed out of
//! the characters the grammar cares about, so failures reproduce.

use numlint::lint::analyze;
use numlint::rules::RuleSet;

/// xorshift64*: a tiny deterministic generator, enough to mix characters.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "one",
    "twenty",
    "hundred",
    "and",
    "a",
    "half",
    "thirds",
    "percent",
    "per cent of",
    "million",
    "k",
    "M",
    "x10^",
    "^",
    "e",
    "/",
    "½",
    "over",
    "dozen",
    "point",
    "0",
    "1",
    "9",
    "17093",
    "99.3",
    ".",
    ",",
    "%",
    "％",
    "‰",
    "万",
    "亿",
    "千",
    "百",
    "十",
    "一",
    "两",
    "三",
    "零",
    "〇",
    "多",
    "余",
    "近",
    "约",
    "超过",
    "左右",
    "以上",
    "人",
    "个",
    "人次",
    "元",
    "张",
    "年",
    "月",
    "日",
    "需",
    "已",
    "率",
    "应",
    "实际",
    "完成",
    "占",
    "的",
    "共",
    "合计",
    "其中",
    "分别为",
    "即",
    "由",
    "从",
    "增加",
    "下降",
    "到",
    "至",
    "增长",
    "倍",
    "个百分点",
    "分之",
    "第",
    "、",
    "和",
    "与",
    ",",
    ",",
    "。",
    "；",
    ";",
    ":",
    "(",
    ")",
    "(",
    ")",
    "“",
    "”",
    "-",
    "+",
    ":",
    "\n",
    "\n\n",
    " ",
    "\u{3000}",
    "１",
    "等",
    "项",
    "达到",
    "招聘",
    "名",
    "(-)",
    "A",
    "é",
    "😀",
    "\u{0}",
    "\r\n",
];

fn check_text(text: &str, rules: &RuleSet) {
    let recognized = numlint::lexer::recognize::numbers(text)
        .into_iter()
        .chain(numlint::lexer::recognize::percentages(text));
    for r in recognized {
        assert!(r.start < r.end && r.end <= text.len(), "{text:?}: {r:?}");
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{text:?}: {r:?}"
        );
    }
    let a = analyze(text, rules);
    for q in &a.quantities {
        assert!(q.start < q.end && q.end <= text.len(), "{text:?}: {q:?}");
        assert!(
            text.is_char_boundary(q.start) && text.is_char_boundary(q.end),
            "{text:?}: {q:?}"
        );
        if let (Some(lo), Some(hi)) = (&q.interval.lo, &q.interval.hi) {
            assert!(lo <= hi, "{text:?}: {q:?}");
        }
    }
    for c in &a.claims {
        for l in &c.labels {
            assert!(
                l.span.start <= l.span.end && l.span.end <= text.len(),
                "{text:?}: {c:?}"
            );
            assert!(
                text.is_char_boundary(l.span.start) && text.is_char_boundary(l.span.end),
                "{text:?}: {c:?}"
            );
        }
    }
    let _ = numlint::finding::findings("t", text, a.claims, rules);
}

#[test]
fn random_texts_never_panic() {
    let rules = RuleSet::builtin().unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let len = 1 + rng.next() % 40;
        let text: String = (0..len).map(|_| rng.pick(PIECES)).collect();
        check_text(&text, &rules);
    }
}

#[test]
fn extreme_inputs_never_panic() {
    let rules = RuleSet::builtin().unwrap();
    for text in [
        String::new(),
        "9".repeat(5000),
        "1,".repeat(3000),
        "需".repeat(2000),
        format!("需{}人,已{}人,率99%", "9".repeat(100), "9".repeat(100)),
        "(".repeat(2000) + &")".repeat(2000),
        "“三项".repeat(500),
        "、".repeat(1000) + "“三项制度”",
        "由增加到".repeat(500),
        "年".repeat(1000),
    ] {
        check_text(&text, &rules);
    }
}
