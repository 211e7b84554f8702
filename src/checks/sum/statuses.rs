//! A running total of cases and the status each case is in now (Chinese):
//! `累计报告确诊病例935例,其中出院病例790例,死亡病例1例` with `现有住院确诊
//! 病例144例` in the sentence before; `现有确诊病例10734例,累计治愈出院病例
//! 66911例,累计死亡病例3199例,累计报告确诊病例80844例`.
//!
//! Every case counted is in exactly one status (`statuses`: still in care,
//! discharged, died), so the cases in each make up the running total. The
//! total is named by a `status_whole` word (累计) and no status; each part
//! by one status (its name is the text of its clause before it). Names
//! holding a `status_not` word (新增, 疑似, 重症: a day's count, another
//! kind, a subset of one status) are neither. The figures are read in the
//! total's sentence and the sentences on either side in its paragraph;
//! only when there is exactly one total and exactly one part of each status
//! there, all counted in one unit, must they add up.

use super::{judge, Mode};
use crate::checks::{subset, Claim, Doc};
use crate::lexer::Quantity;
use crate::rules::Rule;
use crate::text::Span;

/// Characters at most of a figure's name read before it.
const NAME: usize = 24;

pub fn find(doc: &Doc, rule: &Rule, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    if v.statuses.len() < 2 || v.status_whole.is_empty() {
        return;
    }
    for sentence in doc.sentences_where(rule.lang, |f| f.magnitudes >= 2) {
        let text = doc.slice(sentence);
        if !v.status_whole.iter().any(|w| text.contains(w.as_str())) {
            continue;
        }
        let (totals, mut parts) = read(doc, rule, sentence);
        let [(total, whole_name)] = totals.as_slice() else {
            continue;
        };
        // A status the sentence does not give may stand on either side.
        if parts.iter().any(Vec::is_empty) {
            let sides: Vec<Vec<Named>> = [
                subset::previous_sentence(doc, sentence),
                subset::next_sentence(doc, sentence),
            ]
            .into_iter()
            .flatten()
            .map(|side| read(doc, rule, side).1)
            .collect();
            for (k, own) in parts.iter_mut().enumerate() {
                if own.is_empty() {
                    own.extend(sides.iter().flat_map(|side| side[k].iter().cloned()));
                }
            }
        }
        // Another kind of case than the total's (本地 against 境外输入).
        for own in &mut parts {
            own.retain(|(_, name)| !super::complementary(rule, whole_name, name));
        }
        if parts.iter().any(|p| p.len() != 1) {
            continue;
        }
        let parts: Vec<&Quantity> = parts.iter().map(|p| p[0].0).collect();
        if parts.iter().any(|p| p.unit != total.unit) {
            continue;
        }
        out.push(judge(doc, rule, total, &parts, Mode::Equal));
    }
}

/// A figure and its name.
type Named<'d> = Vec<(&'d Quantity, String)>;

/// The totals in `span` and the parts of each status, with their names.
fn read<'d>(doc: &'d Doc, rule: &Rule, span: Span) -> (Named<'d>, Vec<Named<'d>>) {
    let v = &rule.vocabulary;
    let mut totals = Vec::new();
    let mut parts: Vec<Named> = vec![Vec::new(); v.statuses.len()];
    for q in doc.quantities_in(span) {
        if !q.kind.is_magnitude() || q.unit.is_none() {
            continue;
        }
        let name = name_of(doc, q);
        if v.status_not.iter().any(|w| name.contains(w.as_str())) {
            continue;
        }
        let status = v
            .statuses
            .iter()
            .position(|alternatives| alternatives.split('|').any(|a| name.contains(a)));
        match status {
            Some(k) => parts[k].push((q, name)),
            None if v.status_whole.iter().any(|w| name.contains(w.as_str())) => {
                totals.push((q, name))
            }
            None => {}
        }
    }
    (totals, parts)
}

/// The name of the figure `q`: the text of its clause around it (a comma, a
/// semicolon, a full stop, a bracket, `、` end a clause), at most [`NAME`]
/// characters on each side, `其中` aside: `累计治愈出院`, `现有…境外输入确诊病例`.
fn name_of(doc: &Doc, q: &Quantity) -> String {
    let ends = |c: char| {
        crate::text::is_clause_end(c)
            || crate::text::is_open_paren(c)
            || crate::text::is_close_paren(c)
            || c == '、'
            || c == '\n'
    };
    let from =
        crate::text::ceil_boundary(doc.text, q.start.saturating_sub(NAME * 3)).max(doc.span.start);
    let before = &doc.text[from..q.start];
    let cut = before
        .char_indices()
        .rev()
        .find(|&(_, c)| ends(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let before = before[cut..].trim();
    let to = crate::text::floor_boundary(doc.text, (q.end + NAME * 3).min(doc.span.end));
    let after = doc.text.get(q.end..to.max(q.end)).unwrap_or("");
    let after = &after[..after.find(ends).unwrap_or(after.len())];
    let mut name = before.strip_prefix("其中").unwrap_or(before).to_string();
    name.push_str(after.trim());
    name
}
