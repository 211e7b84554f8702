//! Parts in clauses of their own after `其中` (Chinese):
//! `共有964个,其中本年开始建设的271个,继续建设的693个`;
//! `确诊67801例,其中武汉市50006例,占全省74%;其他市州17795例,占全省26%`;
//! `在院的994例确诊病例中,轻型52例,普通型818例,重型86例`.
//!
//! The whole is the one figure of the parts' family in the clause before
//! `其中` (as for `subset`), or in a clause that ends with `中` and names it.
//! Each clause after it gives at most one part, or a `、` list of parts. A
//! comparison (`增加1700亿元`, `比上年…`) describes the part before it, a rate
//! (`占全省74%`) or a figure in brackets (`广州5例(英国输入2例)`) is no part,
//! and two figures in one clause that are no list end the parts. Parts run on
//! past a semicolon, one from the first clause of each following sentence,
//! while that sentence holds no others (`…;治愈出院7例,死亡1例` is a second
//! grouping of the same whole, not more parts).
//!
//! The parts need only not exceed the whole: they may overlap or leave some
//! out. They must add up to it when they clearly partition it: the two parts
//! are a complementary pair (`complements`: `男|女`, `中央|地方`), every part
//! names a place (`places`, see `sum::by_places`), or the last one is named
//! as the rest (`rest`: 其他, 其余) and no figure of the family follows in
//! the next sentences.

use super::{judge, list_items, trim_end_punct, Mode};
use crate::checks::{range, skip_space, starts_with_any, subset, Claim, Doc};
use crate::lexer::Quantity;
use crate::rules::Rule;
use crate::text::Span;

/// Clauses read after `其中` at most.
const MAX_CLAUSES: usize = 24;

/// What one clause gives.
enum Segment<'d> {
    /// Parts, each with the span of its name.
    Parts(Vec<(&'d Quantity, Span)>),
    /// Nothing of the parts' family: read on.
    Skip,
    /// Figures that are no parts: the parts end before it.
    Stop,
}

pub fn find(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    let clauses = doc.clauses(sentence);
    for (k, &clause) in clauses.iter().enumerate() {
        let at = skip_space(doc.text, clause.start);
        // The clause that names the whole, and where the parts begin.
        let (head, from) = match starts_with_any(range(doc.text, at, clause.end), &v.subset) {
            Some(word) => {
                let head = if k > 0 {
                    subset::whole_clause(doc, &clauses[..k], &v.comparison)
                } else {
                    subset::previous_sentence(doc, sentence).and_then(|prev| {
                        subset::whole_clause(doc, &doc.clauses(prev), &v.comparison)
                    })
                };
                (head, at + word.len())
            }
            None => match naming_head(doc, clause) {
                Some(head) if k + 1 < clauses.len() => (Some(head), clause.end),
                _ => continue,
            },
        };
        let Some(head) = head else { continue };
        // 其中:新增确诊病例中,… — the clause after names its own whole.
        let rest_empty = range(doc.text, from, clause.end)
            .trim_matches(|c: char| c.is_whitespace() || crate::text::is_clause_end(c))
            .is_empty();
        if rest_empty
            && clauses
                .get(k + 1)
                .is_some_and(|&c| naming_head(doc, c).is_some())
        {
            continue;
        }
        if !doc.occurrences(head, &v.averages).is_empty() {
            continue;
        }
        let Some(whole) = whole_in(doc, head, Span::new(from, sentence.end)) else {
            continue;
        };
        let Some((parts, segments, first_empty)) =
            collect(doc, rule, whole, sentence, &clauses, k, from)
        else {
            continue;
        };
        // A list within the 其中 clause alone is read by `total_then_parts`.
        if parts.len() < 2 || (segments < 2 && !first_empty) {
            continue;
        }
        let figures: Vec<&Quantity> = parts.iter().map(|(q, _)| *q).collect();
        let places = super::by_places(doc, rule, Span::new(from, sentence.end), &figures);
        // A complementary pair (男|女) covers all of the whole whatever
        // follows; parts ending with the rest may be added to later.
        let pair = match parts.as_slice() {
            [(_, a), (_, b)] => super::complementary(rule, &label(doc, *a), &label(doc, *b)),
            _ => false,
        };
        let mode = if places
            || pair
            || (ends_with_rest(doc, rule, &parts) && !more_after(doc, whole, &parts))
        {
            Mode::Equal
        } else {
            Mode::AtMost
        };
        out.push(judge(doc, rule, whole, &figures, mode));
    }
}

/// The whole in `head`: its one magnitude, or else its one magnitude with a
/// unit of the family of the first such figure after it
/// (`五年共计12319亿元,其中…“两个确保”…1777亿元`: five years is no whole of
/// money, two items of a name no part).
fn whole_in<'d>(doc: &'d Doc, head: Span, after: Span) -> Option<&'d Quantity> {
    if let Some(q) = crate::checks::only_magnitude(doc, head) {
        return Some(q);
    }
    let wholes = || {
        doc.quantities_in(head)
            .iter()
            .filter(|q| q.kind.is_magnitude() && q.unit.is_some())
    };
    let first = doc
        .quantities_in(after)
        .iter()
        .find(|q| q.kind.is_magnitude() && wholes().any(|w| w.same_family(q)))?;
    let mut same = wholes().filter(|q| q.same_family(first));
    let q = same.next()?;
    same.next().is_none().then_some(q)
}

/// A clause naming a whole the clauses after it break down:
/// `在院的994例确诊病例中`. Its span up to `中`.
fn naming_head(doc: &Doc, clause: Span) -> Option<Span> {
    let text = doc.slice(clause);
    let t = text.trim_end_matches(|c: char| crate::text::is_clause_end(c) || c.is_whitespace());
    let body = t.strip_suffix('中')?;
    // 其中 is the other way in; a figure right before 中 is a rank or a date.
    if body.ends_with('其') || body.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(Span::new(clause.start, clause.start + body.len()))
}

type Parts<'d> = Vec<(&'d Quantity, Span)>;

/// The parts after `from` (in clause `k` of `sentence` and on), how many
/// clauses gave parts, and whether the first (the rest of the 其中 clause)
/// was empty.
fn collect<'d>(
    doc: &'d Doc,
    rule: &Rule,
    whole: &Quantity,
    sentence: Span,
    clauses: &[Span],
    k: usize,
    from: usize,
) -> Option<(Parts<'d>, usize, bool)> {
    let mut parts: Parts<'d> = Vec::new();
    let mut segments = 0;
    let mut first_empty = false;
    // A series is read within a few clauses: a run-on sentence of
    // thousands (a scraped page) is not one list.
    let spans = std::iter::once(Span::new(from, clauses[k].end))
        .chain(clauses[k + 1..].iter().copied())
        .take(MAX_CLAUSES);
    for (i, seg) in spans.enumerate() {
        // A bracket closed that the parts did not open: they end with it.
        let close = unmatched_close(doc.slice(seg));
        let seg = close.map_or(seg, |x| Span::new(seg.start, seg.start + x));
        match segment(doc, rule, whole, seg) {
            Segment::Parts(p) => {
                parts.extend(p);
                segments += 1;
            }
            // The 其中 clause names something with no figure (其中某工程,
            // 总经费…): what follows is about it, not parts of the whole.
            Segment::Skip if i == 0 => {
                let named = doc
                    .slice(seg)
                    .trim_matches(|c: char| c.is_whitespace() || crate::text::is_clause_end(c));
                if !named.is_empty() {
                    return None;
                }
                first_empty = true;
            }
            Segment::Skip => {}
            Segment::Stop => return (segments > 0).then_some((parts, segments, first_empty)),
        }
        if close.is_some() {
            return Some((parts, segments, first_empty));
        }
    }
    // On past semicolons: one part from each following sentence.
    let mut current = sentence;
    let mut more = MAX_CLAUSES;
    while more > 0 && ends_with_semicolon(doc.slice(current)) {
        more -= 1;
        let Some(next) = subset::next_sentence(doc, current) else {
            break;
        };
        let cl = doc.clauses(next);
        let Segment::Parts(p) = segment(doc, rule, whole, cl[0]) else {
            break;
        };
        // The part after a semicolon must be named like the first one
        // (中央财政赤字…;地方财政赤字…) or as the rest (其他市州…): not a new
        // figure of the same unit (…;新增疑似病例79例).
        if p.len() != 1
            || !parallel(doc, rule, parts.first().map(|&(_, l)| l), p[0].1)
            || cl[1..].iter().any(|&c| {
                matches!(
                    segment(doc, rule, whole, c),
                    Segment::Parts(_) | Segment::Stop
                )
            })
        {
            break;
        }
        parts.extend(p);
        segments += 1;
        current = next;
    }
    Some((parts, segments, first_empty))
}

/// Where a comparison opens in `seg` (its end if none): it describes the
/// part before it (`A 5亿元,增加1亿元`), so only what precedes it counts. A
/// comparison word before any part with no figure after it is a verb in the
/// part's name (`用于增加职工工资1755亿元`), not a comparison.
fn comparison_start(doc: &Doc, rule: &Rule, whole: &Quantity, seg: Span) -> usize {
    for (s, e) in doc.occurrences(seg, &rule.vocabulary.comparison) {
        let part_before = doc
            .quantities_in(Span::new(seg.start, s))
            .iter()
            .any(|q| q.kind.is_magnitude() && q.same_family(whole));
        let figure_after = doc
            .quantities_in(Span::new(e, seg.end))
            .first()
            .is_some_and(|q| crate::checks::chars_between(doc.text, e, q.start) <= 3);
        if part_before || figure_after {
            return s;
        }
    }
    seg.end
}

/// The parts one clause gives.
fn segment<'d>(doc: &'d Doc, rule: &Rule, whole: &Quantity, seg: Span) -> Segment<'d> {
    let v = &rule.vocabulary;
    let end = comparison_start(doc, rule, whole, seg);
    let family: Vec<&Quantity> = doc
        .quantities_in(Span::new(seg.start, end))
        .iter()
        .filter(|q| {
            q.kind.is_magnitude()
                && q.same_family(whole)
                && crate::text::bracket_depth(&doc.text[seg.start..q.start]) == 0
        })
        .collect();
    let name = |from: usize, q: &Quantity| Span::new(from, q.start);
    match family.as_slice() {
        [] => Segment::Skip,
        [q] => {
            // A part named as a whole of its own (其中某工程总经费N元).
            let label: String = doc.text[seg.start..q.start]
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            // A figure for each of several names (襄阳市、孝感市各3例) is
            // more than one part.
            // Nor is what earlier years provided (已编列N元) part of this
            // year's whole.
            if v.whole_hint.iter().any(|w| label.contains(w.as_str()))
                || v.earlier_years.iter().any(|w| label.contains(w.as_str()))
                || label.ends_with('各')
            {
                return Segment::Stop;
            }
            Segment::Parts(vec![(q, name(seg.start, q))])
        }
        _ => {
            let span = trim_end_punct(doc, Span::new(seg.start, end));
            match list_items(doc, rule.lang, span) {
                Some(items) if items.len() == family.len() => {
                    let mut from = seg.start;
                    let mut out = Vec::new();
                    for q in items {
                        out.push((q, name(from, q)));
                        from = q.end;
                    }
                    Segment::Parts(out)
                }
                _ => Segment::Stop,
            }
        }
    }
}

/// A part's name, without the punctuation before it.
fn label(doc: &Doc, s: Span) -> String {
    doc.slice(s)
        .trim_start_matches(|c: char| {
            c.is_whitespace() || crate::text::is_clause_end(c) || c == '、'
        })
        .trim_end()
        .to_string()
}

/// Whether a part named `next` continues a series whose first part is named
/// `first`: named as the rest, the complement of the first, or with the same
/// head noun (two characters or more at the end).
fn parallel(doc: &Doc, rule: &Rule, first: Option<Span>, next: Span) -> bool {
    let next = label(doc, next);
    if named_as_rest(rule, &next) {
        return true;
    }
    let Some(first) = first.map(|f| label(doc, f)) else {
        return false;
    };
    let shared = first
        .chars()
        .rev()
        .zip(next.chars().rev())
        .take_while(|(a, b)| a == b && crate::text::is_han(*a))
        .count();
    shared >= 2 || super::complementary(rule, &first, &next)
}

/// Whether a part's name says it is the rest (`rest`: 其他市州, 其余).
fn named_as_rest(rule: &Rule, name: &str) -> bool {
    rule.vocabulary
        .rest
        .iter()
        .any(|w| name.starts_with(w.as_str()))
}

/// Whether the last part is named as the rest of the whole (`其他市州`).
fn ends_with_rest(doc: &Doc, rule: &Rule, parts: &Parts) -> bool {
    parts
        .last()
        .is_some_and(|&(_, last)| named_as_rest(rule, &label(doc, last)))
}

/// Where `s` closes a bracket it did not open.
fn unmatched_close(s: &str) -> Option<usize> {
    let mut d = 0;
    for (i, c) in s.char_indices() {
        if crate::text::is_open_paren(c) {
            d += 1;
        } else if crate::text::is_close_paren(c) {
            d -= 1;
            if d < 0 {
                return Some(i);
            }
        }
    }
    None
}

fn ends_with_semicolon(s: &str) -> bool {
    s.trim_end().ends_with([';', '\u{ff1b}'])
}

/// Whether the next few sentences after the last part, in the same
/// paragraph, hold another figure of the whole's family: it may add to the
/// parts (`…;其他N元。…;另上缴M元,这也包括在收入以内`), so they need not
/// make the whole alone.
fn more_after(doc: &Doc, whole: &Quantity, parts: &Parts) -> bool {
    let Some(&(last, _)) = parts.last() else {
        return false;
    };
    let i = doc.sentences.partition_point(|s| s.end <= last.start);
    let mut current = doc.sentences.get(i).copied();
    for _ in 0..3 {
        let Some(next) = current.and_then(|s| subset::next_sentence(doc, s)) else {
            return false;
        };
        if doc
            .quantities_in(next)
            .iter()
            .any(|q| q.kind.is_magnitude() && q.same_family(whole))
        {
            return true;
        }
        current = Some(next);
    }
    false
}
