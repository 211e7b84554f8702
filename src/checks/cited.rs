//! Figures no claim is made of, whatever its kind: those of an entry in a
//! reference list (`… in adults with type 2 diabetes: a consensus report …
//! Diabetes Care. 2020;43(7):1636–49.`), the numbers of a citation bracket
//! (`(18,19)`, `(27,29–31)`), and a bound taken as a whole or a total
//! (`respondents aged ≥12 years, including 23,000 …`).

use super::{Claim, Doc, Role};

/// Lines read for a reference entry's `year;volume:page`, from the claim's.
const ENTRY_LINES: usize = 3;
/// Bytes at most read for it after the claim's start.
const ENTRY_REACH: usize = 500;
/// Bytes at most of a citation bracket's content.
const CITATION_REACH: usize = 40;

/// Whether `claim` is made of figures that are no claim's.
pub fn excluded(doc: &Doc, claim: &Claim) -> bool {
    in_reference_entry(doc, claim.start())
        || claim.labels.iter().any(|l| {
            in_citation(doc, l.span.start, l.span.end)
                || (matches!(l.role, Role::Whole | Role::Total)
                    && after_comparison(doc, l.span.start))
        })
}

/// Whether the text from `at` to the end of its line or one of the next
/// two holds a journal's
/// `year;volume(issue):page` (`2006;9:193–200`, `2023;148(3):1–9`).
fn in_reference_entry(doc: &Doc, at: usize) -> bool {
    let text = doc.text;
    // A list of references may stand on one long line, and prose may follow
    // it there: read from the claim on, and before it on its line for the
    // authors (`Smit F, Cuijpers P,`, `et al.`) or the entry before.
    let reach = crate::text::floor_boundary(text, (at + ENTRY_REACH).min(text.len()));
    let Some(after) = text.get(at..reach) else {
        return false;
    };
    let lines_end = after
        .match_indices('\n')
        .nth(ENTRY_LINES - 1)
        .map_or(after.len(), |(k, _)| k);
    if !has_volume_citation(&after[..lines_end]) {
        return false;
    }
    let from = crate::text::ceil_boundary(text, at.saturating_sub(ENTRY_REACH));
    let Some(before) = text.get(from..at) else {
        return false;
    };
    let before = before.rfind('\n').map_or(before, |k| &before[k + 1..]);
    before.contains("et al") || has_volume_citation(before) || has_author(before)
}

/// Whether `s` names an author as references do: a capitalised name, a
/// space, one to three capitals and a comma or a full stop (`Powers MA,`).
fn has_author(s: &str) -> bool {
    let b = s.as_bytes();
    s.match_indices(' ').any(|(i, _)| {
        let name = s[..i]
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        let caps = b[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        name.len() >= 2
            && name.starts_with(|c: char| c.is_ascii_uppercase())
            && name[1..].bytes().all(|c| c.is_ascii_lowercase())
            && (1..=3).contains(&caps)
            && matches!(b.get(i + 1 + caps), Some(b',' | b'.'))
    })
}

/// Whether `s` holds `dddd;d…[(…)]:d` (spaces allowed around `;` and `:`).
fn has_volume_citation(s: &str) -> bool {
    let b = s.as_bytes();
    for (i, _) in s.match_indices(';') {
        let year = s[..i].trim_end();
        let yb = year.as_bytes();
        if yb.len() < 4
            || !yb[yb.len() - 4..].iter().all(u8::is_ascii_digit)
            || yb.len() > 4 && yb[yb.len() - 5].is_ascii_digit()
        {
            continue;
        }
        let mut j = i + 1;
        while j < b.len() && b[j] == b' ' {
            j += 1;
        }
        let digits = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j == digits {
            continue;
        }
        // An issue in brackets: `43(7)`, `9(Suppl 2)`.
        if b.get(j) == Some(&b'(') {
            match s[j..].find(')') {
                Some(k) if k <= 16 => j += k + 1,
                _ => continue,
            }
        }
        while j < b.len() && b[j] == b' ' {
            j += 1;
        }
        if b.get(j) == Some(&b':') {
            let rest = s[j + 1..].trim_start();
            if rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                return true;
            }
        }
    }
    false
}

/// Whether `start..end` lies in a bracket of numbers alone with a comma or a
/// dash between them (`(18,19)`, `(1,13)`, `(29–31)`), but no thousands
/// (`(1,100)`).
fn in_citation(doc: &Doc, start: usize, end: usize) -> bool {
    let text = doc.text;
    let from = crate::text::ceil_boundary(text, start.saturating_sub(CITATION_REACH));
    let to = crate::text::floor_boundary(text, (end + CITATION_REACH).min(text.len()));
    let (Some(before), Some(after)) = (text.get(from..start), text.get(end..to)) else {
        return false;
    };
    let is_citation_char = |c: char| c.is_ascii_digit() || matches!(c, ',' | '–' | '-' | ' ');
    let Some(open) = before.rfind(|c: char| !is_citation_char(c)) else {
        return false;
    };
    let Some(close) = after.find(|c: char| !is_citation_char(c)) else {
        return false;
    };
    if !before[open..].starts_with('(') || !after[close..].starts_with(')') {
        return false;
    }
    let inner = &text[from + open + 1..end + close];
    let groups: Vec<&str> = inner.split([',', '–', '-']).map(str::trim).collect();
    let thousands = inner.contains(',')
        && !inner.contains(['–', '-'])
        && groups.iter().skip(1).all(|g| g.len() == 3);
    groups.len() >= 2
        && groups
            .iter()
            .all(|g| !g.is_empty() && g.len() <= 3 && g.bytes().all(|c| c.is_ascii_digit()))
        && !thousands
}

/// Whether a comparison sign stands right before `at` (`≥12`, `> 5`), not
/// the end of a markup tag (`</strong> 13,466`).
pub(super) fn after_comparison(doc: &Doc, at: usize) -> bool {
    let Some(t) = doc.text.get(..at).map(str::trim_end) else {
        return false;
    };
    if t.ends_with(['≥', '≤', '＞', '＜', '≧', '≦']) {
        return true;
    }
    t.strip_suffix(['>', '<']).is_some_and(|head| {
        !head.ends_with(|c: char| c.is_alphanumeric() || matches!(c, '"' | '\'' | '/'))
    })
}

#[cfg(test)]
mod tests {
    use super::has_volume_citation;

    #[test]
    fn volume_citations_are_told_from_prose() {
        assert!(has_volume_citation("Diabetes Care. 2020;43(7):1636–49."));
        assert!(has_volume_citation(
            "J Ment Health Policy Econ 2006;9:193–200."
        ));
        assert!(has_volume_citation("Lancet 2002; 360 : 187–95"));
        assert!(!has_volume_citation("In 2020; 43 states reported: A, B"));
        assert!(!has_volume_citation("P.L. 113-76; 128 Stat. 5"));
        assert!(!has_volume_citation("12020;3:4"));
    }

    #[test]
    fn citation_numbers_and_bounds_are_told_from_figures() {
        use super::{after_comparison, in_citation};
        use crate::checks::Doc;
        let text =
            "for 38,800 people (18,19), 400 sites (1,100), trials (29–31), aged ≥12, </b> 13";
        let doc = Doc::new(text);
        let at = |s: &str| text.find(s).unwrap();
        let span = |s: &str| (at(s), at(s) + s.len());
        let (a, b) = span("18");
        assert!(in_citation(&doc, a, b));
        let (a, b) = span("29");
        assert!(in_citation(&doc, a, b));
        let (a, b) = span("1,100");
        assert!(!in_citation(&doc, a, b), "a count in thousands");
        let (a, b) = span("38,800");
        assert!(!in_citation(&doc, a, b));
        assert!(after_comparison(&doc, at("12")));
        assert!(!after_comparison(&doc, at("13")), "the end of a markup tag");
    }

    #[test]
    fn authors_are_told_from_prose() {
        use super::has_author;
        assert!(has_author("Powers MA, Bardsley JK, Cypress M"));
        assert!(has_author("Lipworth L, Bailey LR."));
        assert!(!has_author(
            "on all 7 days and did exercises; In an average week"
        ));
        assert!(!has_author("the US, Canada and Mexico"));
    }
}
