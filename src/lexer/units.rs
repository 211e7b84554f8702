//! The measure words and units the lexer attaches to numbers, and the family
//! each belongs to.
//!
//! Figures combine in a check only when their units share a family: 个, 家,
//! 所 and 处 all count institutions; 人, 名 and 位 count people; 人次 counts
//! visits, not people; 元 is money (万元 and 亿元 are 元 with a scale). Every
//! other measure word is a family of its own.

use std::sync::LazyLock;

use super::QuantityKind;
use crate::words::FirstChars;

/// A unit as written after a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    pub text: &'static str,
    pub family: &'static str,
    pub kind: QuantityKind,
}

const fn u(text: &'static str, family: &'static str, kind: QuantityKind) -> Unit {
    Unit { text, family, kind }
}

use QuantityKind::{Amount, Count, Measure};

/// Units after Arabic or Chinese numerals, longest first where one is the
/// prefix of another (the lexer takes the longest match).
pub const UNITS: &[Unit] = &[
    u(
        "个百分点",
        "percentage-points",
        QuantityKind::PercentagePoints,
    ),
    u(
        "百分点",
        "percentage-points",
        QuantityKind::PercentagePoints,
    ),
    u("平方公里", "km2", Measure),
    u("平方千米", "km2", Measure),
    u("平方米", "m2", Measure),
    u("个季度", "quarter", Measure),
    u("个月", "month", Measure),
    u("人次", "person-time", Count),
    u("户次", "household-time", Count),
    u("场次", "session", Count),
    u("剂次", "dose", Count),
    u("例次", "case-time", Count),
    u("小时", "hour", Measure),
    u("分钟", "minute", Measure),
    u("公里", "km", Measure),
    u("千米", "km", Measure),
    u("公斤", "kg", Measure),
    u("千克", "kg", Measure),
    u("公顷", "hectare", Measure),
    u("毫升", "ml", Measure),
    u("周岁", "age", Measure),
    u("美元", "usd", Amount),
    u("元", "yuan", Amount),
    u("人", "person", Count),
    u("名", "person", Count),
    u("位", "person", Count),
    u("个", "unit", Count),
    u("家", "unit", Count),
    u("所", "unit", Count),
    u("处", "unit", Count),
    u("座", "unit", Count),
    u("项", "item", Count),
    u("种", "kind", Count),
    u("类", "class", Count),
    u("张", "sheet", Count),
    u("台", "machine", Count),
    u("户", "household", Count),
    u("起", "incident", Count),
    u("例", "case", Count),
    u("次", "time", Count),
    u("份", "copy", Count),
    u("支", "stick", Count),
    u("条", "strip", Count),
    u("场", "session", Count),
    u("期", "issue", Count),
    u("剂", "dose", Count),
    u("册", "volume", Count),
    u("本", "volume", Count),
    u("篇", "article", Count),
    u("件", "piece", Count),
    u("辆", "vehicle", Count),
    u("套", "set", Count),
    u("间", "room", Count),
    u("株", "plant", Count),
    u("只", "animal", Count),
    u("头", "head", Count),
    u("枚", "piece-small", Count),
    u("栋", "building", Count),
    u("幢", "building", Count),
    u("床", "bed", Count),
    u("村", "village", Count),
    u("字", "character", Count),
    u("成", "tenth", Count),
    u("吨", "tonne", Measure),
    u("克", "gram", Measure),
    u("米", "metre", Measure),
    u("亩", "mu", Measure),
    u("升", "litre", Measure),
    u("天", "day", Measure),
    u("周", "week", Measure),
    u("年", "year-span", Measure),
    u("岁", "age", Measure),
    u("秒", "second", Measure),
];

/// Words that begin with a measure word but are not one: `17人民医院` is not
/// 17 people. Checked on the text right after the unit.
const NOT_A_UNIT: &[(&str, &[char])] = &[
    (
        "人",
        &['民', '员', '口', '才', '群', '士', '类', '工', '力', '事'],
    ),
    ("个", &['人', '别', '体', '性', '案', '税']),
    ("家", &['庭', '属', '长', '乡', '园']),
    ("所", &['有', '在', '属', '以', '得', '谓', '需', '述']),
    ("处", &['理', '置', '罚', '于', '方', '室', '长']),
    (
        "名",
        &['单', '称', '义', '誉', '额', '录', '医', '中', '家', '师'],
    ),
    ("位", &['于', '置']),
    ("期", &['间', '末', '初', '中', '限', '待', '望']),
    ("次", &['数', '性', '序']),
    ("场", &['所', '景', '地', '馆', '合', '面']),
    ("件", &['事']),
    ("台", &['阶', '湾']),
    ("头", &['部', '等']),
    ("项", &['目']),
    ("条", &['件', '例', '款', '块']),
    ("类", &['型', '别', '似']),
    ("种", &['类', '子']),
    ("天", &['然', '津', '下']),
    ("周", &['边', '围', '到', '密', '期']),
    ("年", &['级', '轻', '龄', '代', '度']),
    ("米", &['粮']),
    ("起", &['来', '步', '到', '草', '点', '源']),
    (
        "成",
        &[
            '立', '为', '功', '果', '本', '绩', '效', '熟', '长', '员', '品', '都', '就', '型',
            '交', '片', '不', '了', '的', '了',
        ],
    ),
];

/// The longest unit at the start of `s`, unless the text goes on into a word
/// that merely begins with it.
pub fn unit_at(s: &str) -> Option<Unit> {
    // The units by their first character: the longest unit at the start is
    // found by a lookup and a few comparisons, not one per unit.
    static STARTS: LazyLock<FirstChars> =
        LazyLock::new(|| FirstChars::of(UNITS.iter().map(|u| u.text), false));
    let unit = STARTS
        .candidates(s)
        .iter()
        .map(|&k| UNITS[k as usize])
        .find(|u| s.starts_with(u.text))?;
    let after = s[unit.text.len()..].chars().next();
    if let Some(next) = after {
        if let Some((_, bad)) = NOT_A_UNIT.iter().find(|(t, _)| *t == unit.text) {
            if bad.contains(&next) {
                return None;
            }
        }
    }
    Some(unit)
}

/// The family of a unit written as text (for quantities built elsewhere).
pub fn family_of(unit: &str) -> Option<&'static str> {
    UNITS.iter().find(|u| u.text == unit).map(|u| u.family)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_unit_wins() {
        assert_eq!(unit_at("人次,").unwrap().text, "人次");
        assert_eq!(unit_at("个月").unwrap().text, "个月");
        assert_eq!(unit_at("个百分点").unwrap().family, "percentage-points");
        assert_eq!(unit_at("家单位").unwrap().family, "unit");
    }

    #[test]
    fn words_that_start_like_units_are_not_units() {
        assert!(unit_at("人民医院").is_none());
        assert!(unit_at("个别").is_none());
        assert!(unit_at("项目").is_none());
        assert_eq!(unit_at("人,").unwrap().family, "person");
    }

    /// The lookup by first character, with its quick refusal of places no
    /// unit begins at, finds the unit that trying every unit finds: at every place of a text
    /// holding each unit, and some that are none.
    #[test]
    fn unit_at_agrees_with_trying_every_unit() {
        let by_hand = |s: &str| -> Option<&'static str> {
            let unit = UNITS
                .iter()
                .rev()
                .filter(|u| s.starts_with(u.text))
                .max_by_key(|u| u.text.len())?;
            let next = s[unit.text.len()..].chars().next();
            let bad = NOT_A_UNIT
                .iter()
                .any(|(t, chars)| *t == unit.text && next.is_some_and(|c| chars.contains(&c)));
            (!bad).then_some(unit.text)
        };
        let mut text: String = UNITS.iter().map(|u| format!("{}，", u.text)).collect();
        text.push_str("人民医院 个别 项目 Km KM km² x");
        for (i, _) in text.char_indices() {
            let s = &text[i..];
            assert_eq!(unit_at(s).map(|u| u.text), by_hand(s), "at {i}: {s:.20}");
        }
    }
}
