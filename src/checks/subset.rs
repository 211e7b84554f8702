//! `subset`: a whole and one part of it: `计生特殊家庭人员1133人,其中失独家庭741人`.
//!
//! The clause before a `subset` word (`其中`) holds exactly one figure of the
//! part's family: that is the whole. The `其中` clause holds exactly one: that
//! is the part. (With two or more parts it is a `sum` claim.) The claim holds
//! when the part can be no larger than the whole. A clause that closes a
//! parenthesis is an aside: the whole stands before the parenthesis. A part
//! named as a total (`whole_hint`: 其中某项目总经费N元) is no part.
//! English may put the part before its word (`332 islands, approximately
//! 110 of which are inhabited`). `partitive.rs`: `在45种产品中,有37种…`,
//! `新增9个、累计达到79个`. `aside.rs`: parts in a parenthesis after their
//! whole, `10734例(其中重症病例3226例)`, `141例(出院81例,死亡4例)`.
//! `budget.rs`: what a budget line bears of a project's final instalment.

use super::{skip_space, starts_with_any, Claim, Doc, Label, Role, Verdict};
use crate::lexer::{Quantity, QuantityKind};
use crate::rules::{CheckKind, Rule};
use crate::text::Span;

mod aside;
mod budget;
mod partitive;

pub fn find(doc: &Doc, rule: &Rule) -> Vec<Claim> {
    let mut out = Vec::new();
    partitive::find(doc, rule, &mut out);
    for sentence in doc.sentences_for(rule.lang, 1) {
        let clauses = doc.clauses(sentence);
        // 其中 opening a sentence (`…增长9.1%;其中工业…`): the whole is in the
        // sentence before, when nothing but its end stands between them.
        let joined: Vec<Span>;
        let (clauses, first): (&[Span], usize) = match previous_sentence(doc, sentence) {
            Some(prev) if opens_with_subset(doc, rule, clauses[0]) => {
                joined = doc
                    .clauses(prev)
                    .iter()
                    .chain(clauses.iter())
                    .copied()
                    .collect();
                (&joined, doc.clauses(prev).len())
            }
            _ => (&clauses, 1),
        };
        for (k, &clause) in clauses.iter().enumerate().skip(first) {
            let at = skip_space(doc.text, clause.start);
            if starts_with_any(
                super::range(doc.text, at, clause.end),
                &rule.vocabulary.subset,
            )
            .is_none()
            {
                continue;
            }
            let Some(before) = whole_clause(doc, &clauses[..k], &rule.vocabulary.comparison) else {
                continue;
            };
            // `其中,新增中央投资1.18万亿元`: the part in the clause after a
            // bare 其中 (unless that clause names a whole of its own, `其中:
            // 新增确诊病例中,…`).
            let clause = match clauses.get(k + 1) {
                Some(&next) if bare_word(doc, rule, clause) && !names_head(doc, next) => {
                    Span::new(clause.start, next.end)
                }
                _ => clause,
            };
            let Some((whole, part)) = whole_and_part(doc, rule, before, clause) else {
                continue;
            };
            out.push(judge(doc, rule, whole, part));
        }
        if rule.lang == Some(crate::text::Lang::Zh) {
            within_clause(doc, rule, sentence, &mut out);
            aside::find(doc, rule, sentence, &mut out);
            budget::find(doc, rule, sentence, &mut out);
        } else {
            part_then_word(doc, rule, sentence, &mut out);
        }
    }
    out
}

/// Whether `clause` holds its `subset` word and a comma, nothing else (`其中:`
/// opens a list that may name wholes of its own: `其中:新增确诊病例中A区3例`).
fn bare_word(doc: &Doc, rule: &Rule, clause: Span) -> bool {
    let at = skip_space(doc.text, clause.start);
    let text = super::range(doc.text, at, clause.end);
    starts_with_any(text, &rule.vocabulary.subset).is_some_and(|w| {
        text[w.len()..]
            .trim_end()
            .strip_suffix(crate::text::is_comma)
            .is_some_and(|r| r.trim().is_empty())
    })
}

/// Whether `clause` ends by naming a whole of its own (`新增确诊病例中,`).
fn names_head(doc: &Doc, clause: Span) -> bool {
    doc.slice(clause)
        .trim_end_matches(|c: char| c.is_whitespace() || crate::text::is_clause_end(c))
        .ends_with('中')
}

/// English, the part before its word: `332 islands, approximately 110 of
/// which are inhabited`, `$14.6 million was outstanding ($5.5 million of
/// which was …)`. The part ends right before an `of which`/`of whom` word;
/// the whole is the nearest figure of its family before it, a comma or a
/// bracket between them and no other figure of the family.
fn part_then_word(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let text = doc.slice(sentence);
    for (i, _) in text.match_indices(" of wh") {
        let at = sentence.start + i + 1;
        let Some(word) = starts_with_any(&doc.text[at..sentence.end], &rule.vocabulary.subset)
        else {
            continue;
        };
        if !word.starts_with("of ") {
            continue;
        }
        let before = doc.quantities_in(Span::new(sentence.start, at - 1));
        let Some((part, rest)) = before.split_last() else {
            continue;
        };
        if part.end != at - 1 || !part.kind.is_magnitude() {
            continue;
        }
        let Some(whole) = rest
            .iter()
            .rev()
            .find(|q| q.kind.is_magnitude() && q.same_family(part))
        else {
            continue;
        };
        let between = &doc.text[whole.end..part.start];
        let others = rest
            .iter()
            .any(|q| q.start > whole.end && q.kind.is_magnitude() && q.same_family(part));
        if others || !between.contains([',', '(']) || between.contains([';', ')']) {
            continue;
        }
        out.push(judge(doc, rule, whole, part));
    }
}

/// `其中` after a `、` inside a clause (`新增铁路639公里、其中高铁370公里`):
/// the whole stands before the `、` in the same clause.
fn within_clause(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let text = doc.slice(sentence);
    for (i, _) in text.match_indices('、') {
        let after = sentence.start + i + '、'.len_utf8();
        if starts_with_any(&doc.text[after..sentence.end], &rule.vocabulary.subset).is_none() {
            continue;
        }
        let clauses = doc.clauses(sentence);
        let Some(&clause) = clauses.iter().find(|c| c.contains(after)) else {
            continue;
        };
        let before = Span::new(clause.start, after - '、'.len_utf8());
        let rest = Span::new(after, clause.end);
        if let Some((whole, part)) = whole_and_part(doc, rule, before, rest) {
            out.push(judge(doc, rule, whole, part));
        }
    }
}

/// The claim that `part` is no larger than `whole`.
fn judge(doc: &Doc, rule: &Rule, whole: &Quantity, part: &Quantity) -> Claim {
    let verdict = exceeds(&[part], whole).then(|| Verdict {
        primary: 1,
        message: format!(
            "{} is part of {}, but it is larger",
            super::figure(doc, part),
            super::figure(doc, whole)
        ),
        expected: None,
        help: "a part cannot exceed its whole: correct one of the figures".into(),
    });
    Claim {
        check: CheckKind::Subset,
        rule: rule.id.clone(),
        labels: vec![Label::of(Role::Whole, whole), Label::of(Role::Part, part)],
        verdict,
    }
}

/// The clause that holds the whole for a `其中` clause: the one before it,
/// stepping back over clauses that compare with another time
/// (`比上年增加1.26万人`), at most three.
/// Whether `clause` opens with a `subset` word.
fn opens_with_subset(doc: &Doc, rule: &Rule, clause: Span) -> bool {
    let at = skip_space(doc.text, clause.start);
    starts_with_any(
        super::range(doc.text, at, clause.end),
        &rule.vocabulary.subset,
    )
    .is_some()
}

/// The sentence just before `sentence` in the same paragraph: only its end
/// mark and spaces between them.
pub(super) fn previous_sentence(doc: &Doc, sentence: Span) -> Option<Span> {
    let i = doc.sentences.partition_point(|s| s.start < sentence.start);
    let prev = *doc.sentences.get(i.checked_sub(1)?)?;
    let gap = &doc.text[prev.end.min(sentence.start)..sentence.start];
    (prev.start >= doc.span.start && !gap.contains('\n') && gap.chars().count() <= 2)
        .then_some(prev)
}

/// The sentence just after `sentence` in the same paragraph (as
/// [`previous_sentence`]: only its end mark and spaces between them).
pub(super) fn next_sentence(doc: &Doc, sentence: Span) -> Option<Span> {
    let i = doc.sentences.partition_point(|s| s.start <= sentence.start);
    let next = *doc.sentences.get(i)?;
    let gap = &doc.text[sentence.end.min(next.start)..next.start];
    (next.end <= doc.span.end && !gap.contains('\n') && gap.chars().count() <= 2).then_some(next)
}

/// A clause that closes a parenthesis opened in an earlier one is an aside
/// (`245例(140例治愈出院,1例死亡),其中输入性病例116例`): the whole is what
/// stands before the parenthesis, in the clause that opened it.
pub fn whole_clause(doc: &Doc, before: &[Span], comparison: &[String]) -> Option<Span> {
    let mut k = before.len();
    let mut taken = 0;
    while k > 0 && taken < 4 {
        k -= 1;
        taken += 1;
        let c = before[k];
        if let Some((j, open)) = aside_opening(doc, &before[..=k]) {
            k = j;
            let head = Span::new(before[j].start, open);
            let t = doc.slice(head);
            if comparison.iter().any(|w| holds_word(t, w)) {
                continue;
            }
            return Some(head);
        }
        let t = doc.slice(c);
        // Rates alone (`赤字率从2.1%提高到2.3%`) describe the whole before;
        // a date alone (`at December 31, 1993, of which`) ends its clause.
        let figures = doc.quantities_in(c);
        let rates_only = !figures.is_empty() && figures.iter().all(|q| q.kind.is_rate());
        let dates_only = !figures.is_empty()
            && figures
                .iter()
                .all(|q| matches!(q.kind, QuantityKind::Year | QuantityKind::Date));
        if !rates_only && !dates_only && !compares(doc, c, t, comparison) {
            return Some(c);
        }
    }
    None
}

/// Whether clause `c` (its text `t`) compares with another time: a
/// comparison word stands before its first magnitude (`比上年增加1.26万
/// 人`), or after it with no figure of its own (`12 fewer than a year
/// earlier`). A value stated first and its growth after it (`达1163.7万户、
/// 增长6.3%`) is the whole, not a comparison.
fn compares(doc: &Doc, c: Span, t: &str, comparison: &[String]) -> bool {
    let first = doc
        .quantities_in(c)
        .iter()
        .find(|q| q.kind.is_magnitude())
        .map_or(t.len(), |q| q.start - c.start);
    comparison.iter().any(|w| {
        t.match_indices(w.as_str()).any(|(i, _)| {
            let whole_word = !w.starts_with(|c: char| c.is_ascii_alphabetic())
                || (!t[..i].ends_with(char::is_alphanumeric)
                    && !t[i + w.len()..].starts_with(char::is_alphanumeric));
            // After the value, the word compares it unless it has a size of
            // its own (`12 fewer than a year earlier` compares the 12).
            let sized = !doc
                .quantities_in(Span::new(c.start + i + w.len(), c.end))
                .is_empty();
            whole_word && (i < first || !sized)
        })
    })
}

/// Whether a clause ends with a preposition left standing (`of which $2.0
/// million is pledged against.`): `which` is its object, not a whole the
/// figure is part of.
fn strands_preposition(clause: &str) -> bool {
    let end = clause.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    let last = end
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        last,
        "against" | "for" | "to" | "on" | "with" | "by" | "from" | "into" | "upon" | "at"
    )
}

/// Whether `text` holds `word`: an English word only as a whole word (`up`
/// is not in `support`), other text anywhere.
fn holds_word(text: &str, word: &str) -> bool {
    if !word.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return text.contains(word);
    }
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// When the last of `clauses` closes a parenthesis left open by an earlier
/// clause (at most four back), that clause's index and the opening's offset.
pub(super) fn aside_opening(doc: &Doc, clauses: &[Span]) -> Option<(usize, usize)> {
    let last = *clauses.last()?;
    let mut depth = 0i32;
    for c in doc.slice(last).chars().rev() {
        if crate::text::is_close_paren(c) {
            depth += 1;
        } else if crate::text::is_open_paren(c) {
            if depth == 0 {
                return None;
            }
            depth -= 1;
        }
    }
    if depth == 0 {
        return None;
    }
    let first = clauses.len().saturating_sub(5);
    for j in (first..clauses.len() - 1).rev() {
        let c = clauses[j];
        for (i, ch) in doc.slice(c).char_indices().rev() {
            if crate::text::is_close_paren(ch) {
                depth += 1;
            } else if crate::text::is_open_paren(ch) {
                depth -= 1;
                if depth == 0 {
                    return Some((j, c.start + i));
                }
            }
        }
    }
    None
}

/// True when the parts together must exceed the whole.
pub fn exceeds(parts: &[&Quantity], whole: &Quantity) -> bool {
    let sum = super::sum_of(parts.iter().copied());
    match (&sum.lo, &whole.interval.hi) {
        (Some(lo), Some(hi)) => lo > hi,
        _ => false,
    }
}

/// The single whole before `其中` and the single part after it.
fn whole_and_part<'d>(
    doc: &'d Doc,
    rule: &Rule,
    before: Span,
    clause: Span,
) -> Option<(&'d Quantity, &'d Quantity)> {
    let at = skip_space(doc.text, clause.start);
    let word = starts_with_any(
        super::range(doc.text, at, clause.end),
        &rule.vocabulary.subset,
    )?;
    let rest = Span::new(at + word.len(), clause.end);
    // English: the part follows the word (of which 10 involved…), not a
    // superlative or a description (of whom the eldest was aged 91).
    if word.bytes().any(|b| b.is_ascii_alphabetic())
        && (doc.quantity_at(skip_space(doc.text, rest.start)).is_none()
            || strands_preposition(doc.slice(rest)))
    {
        return None;
    }
    // An average is no whole: 人均, per capita.
    let v = &rule.vocabulary;
    if !doc.occurrences(before, &v.averages).is_empty() {
        return None;
    }
    // A figure in quotation marks is part of a name (“两个确保”).
    let parts: Vec<&Quantity> = doc
        .quantities_in(rest)
        .iter()
        .filter(|q| {
            q.kind.is_magnitude() && !crate::text::in_quotes(&doc.text[rest.start..q.start])
        })
        .collect();
    let [part] = parts.as_slice() else {
        return None;
    };
    // A figure named as a total (其中某项目总经费N元, 分5年办理) is the whole
    // of something else, not a part of this one.
    // (Text from a PDF may break a word across lines: `總經\n　費`.)
    let name: String = doc.text[rest.start..part.start]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if v.whole_hint.iter().any(|w| name.contains(w.as_str())) {
        return None;
    }
    let wholes: Vec<&Quantity> = doc
        .quantities_in(before)
        .iter()
        .filter(|q| q.kind.is_magnitude() && q.same_family(part))
        .collect();
    let [whole] = wholes.as_slice() else {
        return None;
    };
    // A rate in the 其中 clause (其中女性占52%) makes it another claim,
    // unless it is the part's growth (`其中企业410.1万户、增长7.7%`).
    if doc.quantities_in(rest).iter().any(|q| {
        let lead = doc.slice(Span::new(rest.start, q.start));
        q.kind.is_rate() && !v.comparison.iter().any(|w| holds_word(lead, w))
    }) {
        return None;
    }
    Some((whole, part))
}
