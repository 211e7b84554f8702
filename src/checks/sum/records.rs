//! A total and its parts as `field: value` lines of one record:
//!
//! ```text
//! Area / total : 9,596,960 sq km
//! Area / land: 9,326,410 sq km
//! Area / water: 270,550 sq km
//! ```
//!
//! A line whose field is named as a total (`head_total`: total, 合计) opens
//! the group; the lines right after it with the same group name (before ` / `)
//! are its parts, each value one figure of the total's family, or a list of
//! them (`Canada 8,891 km (including 2,475 km with Alaska); Mexico 3,111 km`,
//! `bulk carrier 1, container ship 69, other 411`). Figures in brackets are
//! notes (`(2025 est.)`, `(including …)`), not parts. Every figure is
//! followed by the total's words (`sq km`, `million metric tonnes of CO2`):
//! `Petroleum / total production: 1.5 million bbl/day` is followed by
//! consumption in bbl/day and reserves in barrels, no parts. A line with no
//! figure ends the parts. A group or field of figures that do not add up
//! (`not_summed`: median age, a rate, subscriptions per 100 inhabitants, a
//! percentage) is no sum, unless its fields are kinds of the total's own
//! (`total dependency ratio`, then `youth dependency ratio`, `elderly
//! dependency ratio`). Lines of several values parted by `;` (`Area /
//! total : 643,801 sq km ; 551,500 sq km (metropolitan France)`) give one
//! total and its parts per column. Such records round their figures: a whole number
//! stands for half a unit either side (`719 sq km` = `709.2` + `10`).

use super::{judge, Mode};
use crate::checks::{Claim, Doc};
use crate::lexer::Quantity;
use crate::rules::Rule;
use crate::text::Span;

/// One `field: value` line and the figures of its value.
struct Line {
    group: String,
    field: String,
    value: Span,
    quantities: Vec<Quantity>,
}

impl Line {
    /// The figures of the value outside brackets.
    fn figures(&self, text: &str) -> Vec<&Quantity> {
        self.quantities
            .iter()
            .filter(|q| crate::text::bracket_depth(&text[self.value.start..q.start]) == 0)
            .collect()
    }

    fn in_quantity(&self, offset: usize) -> bool {
        self.quantities
            .iter()
            .any(|q| (q.start..q.end).contains(&offset))
    }
}

/// The record line that starts at `start` of `text`, if it is one, and where
/// the next line starts. Lines are read whole from the text, past the end of
/// the piece being checked: a group is found whole wherever a piece is cut.
fn line_at(text: &str, start: usize) -> (Option<Line>, usize) {
    let end = text[start..]
        .find('\n')
        .map_or(text.len(), |i| start + i + 1);
    let line = text[start..end].trim_end();
    let parsed = line.find(':').and_then(|colon| {
        let key = &line[..colon];
        // A field name is short and holds no sentence.
        if key.is_empty() || key.chars().count() > 80 || key.contains(['.', ';']) {
            return None;
        }
        let (group, field) = key.rsplit_once(" / ")?;
        let value = Span::new(start + colon + 1, start + line.len());
        Some(Line {
            group: group.trim().to_string(),
            field: field.trim().to_string(),
            value,
            quantities: crate::lexer::lex_range(text, value.start, value.end),
        })
    });
    (parsed, end)
}

pub fn find(doc: &Doc, rule: &Rule, out: &mut Vec<Claim>) {
    let v = &rule.vocabulary;
    if v.head_total.is_empty() {
        return;
    }
    nested(doc, rule, out);
    let text = doc.text;
    let names_total = |f: &str| {
        v.head_total.iter().any(|w| {
            f.split(|c: char| !c.is_alphanumeric())
                .any(|t| t == w.to_lowercase())
        })
    };
    // Only lines naming a total are read further: find ` / total` first.
    let mut at = doc.span.start;
    while at < doc.span.end {
        let (line, next) = total_line_at(doc, rule, at);
        at = next;
        let Some(total_line) = line else { continue };
        let field = total_line.field.to_lowercase();
        if qualified(doc, rule, &total_line, next, out) {
            continue;
        }
        if !names_total(&field)
            || not_summed(rule, &total_line.group)
            || not_summed(rule, &total_line.field)
        {
            continue;
        }
        if columns(doc, rule, &total_line, next, out) {
            continue;
        }
        let [total] = total_line.figures(text)[..] else {
            continue;
        };
        if !total.kind.is_magnitude() {
            continue;
        }
        let unit = unit_words(text, total, total_line.value);
        // What the total counts: the words of its field but `total`.
        let head_nouns: Vec<String> = field
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3 && !names_total(w))
            .map(|w| w.trim_end_matches('s').to_string())
            .collect();
        let mut lines = Vec::new();
        let mut whole_group = true;
        let mut from = next;
        while from < text.len() {
            let (Some(line), after) = line_at(text, from) else {
                break;
            };
            if line.group != total_line.group {
                break;
            }
            from = after;
            let field = line.field.to_lowercase();
            // A second total in the group (`metropolitan France - total`):
            // which lines it holds is not said.
            if not_summed(rule, &line.field) || names_total(&field) {
                whole_group = false;
                break;
            }
            // A field naming what the total counts again is another cut of it
            // (`total ports`, then `ports with oil terminals`), or another
            // measure (`total petroleum production`, then `refined petroleum
            // consumption`): the parts end before it.
            let again = field
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| head_nouns.iter().any(|n| w.trim_end_matches('s') == n));
            if again || line.figures(text).is_empty() {
                break;
            }
            lines.push(line);
        }
        let mut parts: Vec<Quantity> = Vec::new();
        for line in &lines {
            match line_parts(text, line, total, &unit) {
                Some(p) if whole_group => parts.extend(p.into_iter().cloned()),
                _ => whole_group = false,
            }
        }
        // One part alone must be the whole total (a border with one country).
        if whole_group && !parts.is_empty() {
            let total = rounded(total);
            let parts: Vec<Quantity> = parts.iter().map(rounded).collect();
            let parts: Vec<&Quantity> = parts.iter().collect();
            out.push(judge(doc, rule, &total, &parts, Mode::Equal));
        }
    }
}

/// Lines of several values parted by `;`, one column each (`Area / total :
/// 643,801 sq km ; 551,500 sq km (metropolitan France)`, then `land` and
/// `water` lines of two values each): every column is a total and its parts.
/// The lines right after the total's in its group, up to one with no figure,
/// must each give one figure of the column's family in every column;
/// whether a claim was made.
fn columns(doc: &Doc, rule: &Rule, total_line: &Line, next: usize, out: &mut Vec<Claim>) -> bool {
    let text = doc.text;
    let Some(totals) = column_figures(text, total_line, None) else {
        return false;
    };
    let mut rows: Vec<Vec<&Quantity>> = Vec::new();
    let mut lines = Vec::new();
    let mut from = next;
    while from < text.len() {
        let (Some(line), after) = line_at(text, from) else {
            break;
        };
        if line.group != total_line.group || line.figures(text).is_empty() {
            break;
        }
        from = after;
        lines.push(line);
    }
    for line in &lines {
        if not_summed(rule, &line.field) {
            return false;
        }
        match column_figures(text, line, Some(&totals)) {
            Some(row) => rows.push(row),
            None => return false,
        }
    }
    if rows.len() < 2 {
        return false;
    }
    for (k, total) in totals.iter().enumerate() {
        let total = rounded(total);
        let parts: Vec<Quantity> = rows.iter().map(|r| rounded(r[k])).collect();
        let parts: Vec<&Quantity> = parts.iter().collect();
        out.push(judge(doc, rule, &total, &parts, Mode::Equal));
    }
    true
}

/// The one magnitude outside brackets of each `;`-parted value of `line`,
/// two or more, each of the family of the total of its column when given.
fn column_figures<'l>(
    text: &str,
    line: &'l Line,
    totals: Option<&[&Quantity]>,
) -> Option<Vec<&'l Quantity>> {
    let value = &text[line.value.start..line.value.end];
    if !value.contains(';') {
        return None;
    }
    let figures = line.figures(text);
    let mut out = Vec::new();
    let mut start = line.value.start;
    for segment in value.split(';') {
        let end = start + segment.len();
        let inside: Vec<&&Quantity> = figures
            .iter()
            .filter(|q| q.start >= start && q.end <= end)
            .collect();
        let [q] = inside[..] else {
            return None;
        };
        if !q.kind.is_magnitude() {
            return None;
        }
        out.push(*q);
        start = end + 1;
    }
    let fits = match totals {
        Some(t) => t.len() == out.len() && t.iter().zip(&out).all(|(a, b)| a.same_family(b)),
        None => out.len() >= 2,
    };
    fits.then_some(out)
}

/// `total X`, then fields `A X`, `B X` naming the same X with a qualifier
/// (`Dependency ratios / total dependency ratio: 61.3`, `… / youth
/// dependency ratio: 22.4`, `… / elderly dependency ratio: 38.9`): kinds of
/// X that make up its total, even where X alone (a ratio) would not add up.
/// The parts are the lines so named right after the total, two or more;
/// whether a claim was made.
fn qualified(doc: &Doc, rule: &Rule, total_line: &Line, next: usize, out: &mut Vec<Claim>) -> bool {
    let text = doc.text;
    let field = total_line.field.to_lowercase();
    let Some(head) = rule
        .vocabulary
        .head_total
        .iter()
        .find_map(|w| field.strip_prefix(&format!("{} ", w.to_lowercase())))
        .map(str::trim)
        .filter(|h| h.contains(' '))
    else {
        return false;
    };
    let [total] = total_line.figures(text)[..] else {
        return false;
    };
    if !total.kind.is_magnitude() {
        return false;
    }
    let unit = unit_words(text, total, total_line.value);
    let mut lines = Vec::new();
    let mut from = next;
    while from < text.len() {
        let (Some(line), after) = line_at(text, from) else {
            break;
        };
        let name = line.field.to_lowercase();
        let qualifier = name.strip_suffix(head).map(str::trim_end);
        if line.group != total_line.group
            || !qualifier.is_some_and(|q| !q.is_empty() && !q.contains(' '))
        {
            break;
        }
        from = after;
        lines.push(line);
    }
    if lines.len() < 2 {
        return false;
    }
    let mut parts: Vec<Quantity> = Vec::new();
    for line in &lines {
        match line_parts(text, line, total, &unit) {
            Some(p) => parts.extend(p.into_iter().cloned()),
            None => return false,
        }
    }
    let total = rounded(total);
    let parts: Vec<Quantity> = parts.iter().map(rounded).collect();
    let parts: Vec<&Quantity> = parts.iter().collect();
    out.push(judge(doc, rule, &total, &parts, Mode::Equal));
    true
}

/// A field and its sub-fields, each line naming the field again then its
/// own name (the record breaks the field down):
///
/// ```text
/// Land use / agricultural land: 47.5%
/// Land use / agricultural land: arable land: arable land: 33.4%
/// Land use / agricultural land: permanent crops: permanent crops: 0.6%
/// Land use / agricultural land: permanent pasture: permanent pasture: 13.5%
/// ```
///
/// The field's one figure is the total of its sub-fields' (two or more),
/// each one figure of its family and unit words, whole numbers read as
/// rounded; a group or field named in `not_summed` is no sum.
fn nested(doc: &Doc, rule: &Rule, out: &mut Vec<Claim>) {
    let text = doc.text;
    let line_end = |at: usize| text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    let mut at = doc.span.start;
    while at < doc.span.end {
        let end = line_end(at);
        let line = &text[at..end];
        // A cheap look first: the next line opens with this line's key.
        let key = line
            .find(':')
            .filter(|_| line.contains(" / "))
            .map(|colon| &line[..=colon]);
        let Some(key) = key.filter(|k| !line[k.len()..].contains(':')) else {
            at = end;
            continue;
        };
        let mut subs = Vec::new();
        let mut from = end;
        while from < text.len() && text[from..].starts_with(key) {
            let next = line_end(from);
            if !text[from + key.len()..next].contains(':') {
                break;
            }
            subs.push(from);
            from = next;
        }
        if subs.len() >= 2 {
            if let Some(claim) = nested_claim(doc, rule, at, &subs) {
                out.push(claim);
            }
            at = from;
        } else {
            at = end;
        }
    }
}

/// The claim of a field at `at` and its sub-field lines at `subs`.
fn nested_claim(doc: &Doc, rule: &Rule, at: usize, subs: &[usize]) -> Option<Claim> {
    let text = doc.text;
    let parent = line_at(text, at).0?;
    if not_summed(rule, &parent.group) || not_summed(rule, &parent.field) {
        return None;
    }
    let [total] = parent.figures(text)[..] else {
        return None;
    };
    if !(total.kind.is_magnitude() || total.kind == crate::lexer::QuantityKind::Percent) {
        return None;
    }
    let unit = unit_words(text, total, parent.value);
    let lines: Vec<Line> = subs.iter().filter_map(|&s| line_at(text, s).0).collect();
    // A sub-field named as a total or as what does not add up (`improved:
    // urban: 98%`, `improved: total: 95%`: rates of parts of a population)
    // makes no sum.
    let head_total = &rule.vocabulary.head_total;
    for line in &lines {
        let value = &text[line.value.start..line.value.end];
        let name = value.split(':').next().unwrap_or("").trim().to_lowercase();
        if not_summed(rule, &name) || head_total.iter().any(|w| name == w.to_lowercase()) {
            return None;
        }
    }
    let mut parts = Vec::new();
    for line in &lines {
        let [q] = line.figures(text)[..] else {
            return None;
        };
        if !q.same_family(total) || unit_words(text, q, line.value) != unit {
            return None;
        }
        parts.push(rounded(q));
    }
    let total = rounded(total);
    let parts: Vec<&Quantity> = parts.iter().collect();
    Some(judge(doc, rule, &total, &parts, Mode::Equal))
}

/// A whole number read as rounded: half a unit either side.
fn rounded(q: &Quantity) -> Quantity {
    let mut q = q.clone();
    if q.interval.is_exact() && q.value.is_integer() {
        let half = crate::exact::Num::new(1, 2);
        q.interval = crate::checks::with_tolerance(&q.interval, &half);
    }
    q
}

/// The line at `at` when it may name a total (it holds ` / ` and one of the
/// `head_total` words), and where the next line starts. Other lines are not
/// lexed.
fn total_line_at(doc: &Doc, rule: &Rule, at: usize) -> (Option<Line>, usize) {
    let text = doc.text;
    let end = text[at..doc.span.end]
        .find('\n')
        .map_or(doc.span.end, |i| at + i + 1);
    if !text[at..end].contains(" / ") {
        return (None, end);
    }
    let raw = text[at..end].to_lowercase();
    let candidate = rule
        .vocabulary
        .head_total
        .iter()
        .any(|w| raw.contains(&w.to_lowercase()));
    if !candidate {
        return (None, end);
    }
    (line_at(text, at).0, end)
}

fn not_summed(rule: &Rule, name: &str) -> bool {
    let name = name.to_lowercase();
    rule.vocabulary
        .not_summed
        .iter()
        .any(|w| name.contains(&w.to_lowercase()))
}

/// The words after a figure up to a bracket, a list separator (`and` too)
/// or the line's end: its unit as the record writes it (`sq km`, `metric tonnes of CO2`).
fn unit_words(text: &str, q: &Quantity, value: Span) -> String {
    let after = &text[q.end..value.end];
    let end = after
        .find(|c: char| crate::text::is_open_paren(c) || c == '[' || c == ';' || c == ',')
        .unwrap_or(after.len());
    let end = after[..end].find(" and ").unwrap_or(end);
    after[..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The parts a line gives: one figure, or one in each item of a list
/// (`Canada 8,891 km (including …); Mexico 3,111 km`), each followed by
/// `unit` and no bracket before it in its item.
fn line_parts<'l>(
    text: &str,
    line: &'l Line,
    total: &Quantity,
    unit: &str,
) -> Option<Vec<&'l Quantity>> {
    let value = line.value;
    let figures = line.figures(text);
    let fits = |q: &Quantity| {
        q.kind.is_magnitude() && q.same_family(total) && unit_words(text, q, value) == unit
    };
    if figures.is_empty() || !figures.iter().all(|q| fits(q)) {
        return None;
    }
    if let [q] = figures[..] {
        return Some(vec![q]);
    }
    // A list: items parted by `;` or `,` (not a figure's comma), one figure
    // each, no bracket before it (`(metropolitan France) Andorra 55 km`).
    let mut depth = 0;
    let mut items = vec![value.start];
    for (i, c) in text[value.start..value.end].char_indices() {
        match c {
            c if crate::text::is_open_paren(c) => depth += 1,
            c if crate::text::is_close_paren(c) => depth -= 1,
            ';' | ',' if depth == 0 && !line.in_quantity(value.start + i) => {
                items.push(value.start + i + 1)
            }
            // `Morocco (Ceuta) 8 km and Morocco (Melilla) 10.5 km`
            ' ' if depth == 0 && text[value.start + i..].starts_with(" and ") => {
                items.push(value.start + i + " and ".len())
            }
            _ => {}
        }
    }
    if items.len() != figures.len() {
        return None;
    }
    // A bracket opening an item qualifies what follows (`(metropolitan
    // France) Andorra 55 km`); one after a name is part of it.
    for (q, &start) in figures.iter().zip(&items) {
        let head = text[start..q.start].trim_start();
        if q.start < start || head.starts_with(crate::text::is_open_paren) {
            return None;
        }
    }
    Some(figures)
}
