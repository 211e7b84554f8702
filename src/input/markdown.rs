//! Markdown to prose: a CommonMark parser (pulldown-cmark) says which bytes
//! are prose; code blocks, inline code, HTML (and its comments) and front
//! matter are blanked out, byte for byte, so positions stay those of the file.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The prose of a Markdown text, the same length as it, and the offsets where
/// its blocks end.
pub fn prose(text: &str) -> (String, Vec<usize>) {
    let mut keep = vec![false; text.len()];
    let mut breaks = Vec::new();
    let mut in_code = 0usize;
    let mut in_meta = 0usize;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Start(Tag::MetadataBlock(_)) => in_meta += 1,
            Event::End(TagEnd::MetadataBlock(_)) => in_meta = in_meta.saturating_sub(1),
            Event::Text(_) if in_code == 0 && in_meta == 0 => {
                for k in range.clone() {
                    if let Some(slot) = keep.get_mut(k) {
                        *slot = true;
                    }
                }
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_),
            ) => breaks.push(range.end),
            _ => {}
        }
    }
    (blank_except(text, &keep), breaks)
}

/// `text` with every character not marked in `keep` replaced by spaces of the
/// same byte length (line breaks kept).
pub fn blank_except(text: &str, keep: &[bool]) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if keep.get(i).copied().unwrap_or(false) || c == '\n' || c == '\r' {
            out.push(c);
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_comments_and_front_matter_are_blanked() {
        let md = "---\ntitle: 需救治100人\n---\n\n需救治100人,已救治90人。\n\n```\n需救治17093人\n```\n\n`99.3%` <!-- x 1 -->\n";
        let (p, breaks) = prose(md);
        assert_eq!(p.len(), md.len());
        assert!(!p.contains("title"));
        assert!(!p.contains("17093"));
        assert!(!p.contains("99.3"));
        assert!(p.contains("需救治100人,已救治90人。"));
        assert!(!breaks.is_empty());
    }
}
