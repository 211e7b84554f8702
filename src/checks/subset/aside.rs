//! Chinese parts in a parenthesis right after their whole:
//! `现有确诊病例10734例(其中重症病例3226例)`, `香港141例(出院81例,死亡4例)`,
//! `贵阳市34例(4例已治愈)`.
//!
//! The whole is the magnitude the parenthesis follows at once. Each of the
//! parenthesis' pieces (cut at `,`/`;`/`、`) holds exactly one magnitude of the
//! whole's family, and no rate: each is a part, no larger than the whole.
//! Without a `subset` word, a parenthesis naming another time or another
//! reckoning (`累计120例`, `去年同期`, `订正为`, `比上日增加`: the rule's
//! `not_markers`), or naming what the whole names (`户籍人口N人(常住人口M
//! 人)`: another measure of it), holds no parts. With `其中` and two or more parts it is a
//! `sum` claim (read there).

use super::judge;
use crate::checks::{skip_space, starts_with_any, Claim, Doc};
use crate::lexer::Quantity;
use crate::rules::Rule;
use crate::text::{is_close_paren, Span};

/// Longest parenthesis read, in bytes: an aside, not a passage.
const MAX_ASIDE: usize = 400;

pub fn find(doc: &Doc, rule: &Rule, sentence: Span, out: &mut Vec<Claim>) {
    let text = doc.slice(sentence);
    for (i, c) in crate::text::open_parens(text) {
        let open = sentence.start + i;
        let inner_start = open + c.len_utf8();
        let Some(whole) = whole_before(doc, open) else {
            continue;
        };
        let window =
            crate::text::floor_boundary(doc.text, (inner_start + MAX_ASIDE).min(sentence.end));
        let Some(close) = doc.text[inner_start..window].find(is_close_paren) else {
            continue;
        };
        let inner = Span::new(inner_start, inner_start + close);
        let inner_text = doc.slice(inner);
        if inner_text.contains(crate::text::is_open_paren) {
            continue;
        }
        let at = skip_space(doc.text, inner.start);
        let word = starts_with_any(&doc.text[at..inner.end], &rule.vocabulary.subset);
        let pieces_start = word.map_or(at, |w| at + w.len());
        if word.is_none()
            && !doc
                .occurrences(inner, &rule.vocabulary.not_markers)
                .is_empty()
        {
            continue;
        }
        let Some(parts) = pieces(doc, Span::new(pieces_start, inner.end), whole) else {
            continue;
        };
        // Without 其中, a piece naming what the whole names is another
        // measure of it (户籍人口N人(常住人口M人)), not a part.
        if word.is_none() {
            let noun = noun_before(doc, whole.start);
            if noun.chars().count() == 2 && inner_text.contains(noun) {
                continue;
            }
        }
        // 其中 with several parts is a sum claim.
        if word.is_some() && parts.len() > 1 {
            continue;
        }
        out.extend(parts.into_iter().map(|p| judge(doc, rule, whole, p)));
    }
}

/// The magnitude ending right before the parenthesis at `open` (spaces
/// aside), in Chinese text.
fn whole_before<'d>(doc: &'d Doc, open: usize) -> Option<&'d Quantity> {
    doc.quantity_ending_at(doc.text[..open].trim_end().len())
        .filter(|q| q.kind.is_magnitude())
        .filter(|q| crate::text::is_han(doc.text[..q.start].chars().next_back().unwrap_or(' ')))
}

/// The last two Han characters before `at` (the whole's noun), or fewer.
fn noun_before<'t>(doc: &Doc<'t>, at: usize) -> &'t str {
    let head = &doc.text[..at];
    let len: usize = head
        .chars()
        .rev()
        .take(2)
        .take_while(|&c| crate::text::is_han(c))
        .map(char::len_utf8)
        .sum();
    &head[head.len() - len..]
}

/// The parts in `span`: one magnitude of `whole`'s family in each piece, no
/// other figure but years and ordinals, no rate; `None` otherwise.
fn pieces<'d>(doc: &'d Doc, span: Span, whole: &Quantity) -> Option<Vec<&'d Quantity>> {
    let mut parts = Vec::new();
    for piece in doc.pieces(span) {
        let figures: Vec<&Quantity> = doc
            .quantities_in(piece)
            .iter()
            .filter(|q| q.kind.is_checkable())
            .collect();
        let [part] = figures.as_slice() else {
            return None;
        };
        if !part.kind.is_magnitude()
            || !part.same_family(whole)
            || crate::text::in_quotes(&doc.text[span.start..part.start])
        {
            return None;
        }
        parts.push(*part);
    }
    (!parts.is_empty()).then_some(parts)
}
