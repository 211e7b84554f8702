//! HTML to prose: the visible text stays where it is in the file; tags,
//! comments, scripts and styles are blanked out byte for byte, and entities
//! are replaced by what they stand for padded to their length, so positions
//! are those of the file. Block elements end sentences.

use crate::text::Breaks;

/// Elements whose end (or start) ends a block of prose.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "td",
    "th",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "caption",
    "title",
    "body",
    "main",
    "nav",
    "aside",
    "figcaption",
];

/// Elements whose content is never prose.
const HIDDEN: &[&str] = &["script", "style", "noscript", "template", "head"];

/// The prose of an HTML text, the same length as it, and the block ends.
pub fn prose(text: &str) -> (String, Breaks) {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = text.as_bytes().to_vec();
    let mut breaks = Breaks::default();
    let mut i = 0;
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for b in &mut out[from..to.min(bytes.len())] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                if text[i..].starts_with("<!--") {
                    let end = text[i + 4..]
                        .find("-->")
                        .map_or(text.len(), |k| i + 4 + k + 3);
                    blank(&mut out, i, end);
                    i = end;
                    continue;
                }
                let end = text[i..].find('>').map_or(text.len(), |k| i + k + 1);
                let name: String = text[i + 1..end]
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                blank(&mut out, i, end);
                let closing = text[i..].starts_with("</");
                if BLOCKS.contains(&name.as_str()) {
                    breaks.insert(i);
                }
                if !closing && HIDDEN.contains(&name.as_str()) {
                    let stop = text[end..]
                        .match_indices("</")
                        .map(|(k, _)| end + k)
                        .find(|&k| {
                            text.get(k + 2..k + 2 + name.len())
                                .is_some_and(|n| n.eq_ignore_ascii_case(&name))
                        })
                        .unwrap_or(text.len());
                    blank(&mut out, end, stop);
                    i = stop;
                    continue;
                }
                i = end;
            }
            b'&' => {
                let end = text[i..]
                    .char_indices()
                    .take(12)
                    .find(|(_, c)| *c == ';')
                    .map(|(k, _)| i + k + 1);
                if let Some(end) = end {
                    if let Some(c) = entity(&text[i + 1..end - 1]) {
                        let mut buf = [0u8; 4];
                        let s = c.encode_utf8(&mut buf);
                        // The character ends where the entity ends, so a
                        // figure such as 99.3&#x25; spans the whole entity.
                        if s.len() <= end - i {
                            blank(&mut out, i, end);
                            out[end - s.len()..end].copy_from_slice(s.as_bytes());
                        }
                    }
                    i = end;
                    continue;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    // Only ASCII spaces and whole characters were written: still UTF-8.
    (
        String::from_utf8(out).unwrap_or_else(|_| text.to_string()),
        breaks,
    )
}

/// The character an entity stands for (`nbsp`, `amp`, `#20320`, `#x4F60`).
fn entity(name: &str) -> Option<char> {
    Some(match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "mdash" => '—',
        "ndash" => '–',
        "middot" => '·',
        _ => {
            let n = name.strip_prefix('#')?;
            let v = match n.strip_prefix(['x', 'X']) {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(v)?
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_scripts_and_entities() {
        let h = "<html><head><title>x</title><style>p{}</style></head><body><p>需救治100人,&nbsp;已救治90人</p><script>var a = '99.3%';</script></body></html>";
        let (p, breaks) = prose(h);
        assert_eq!(p.len(), h.len());
        assert!(p.contains("需救治100人,"));
        assert!(p.contains("已救治90人"));
        assert!(!p.contains("99.3"));
        assert!(!p.contains("var"));
        assert!(!breaks.is_empty());
    }

    #[test]
    fn line_breaks_and_entities_inside_a_sentence() {
        let h = "<p>需救治200人,<br/>已救治150人,救治进度70&#x25;。</p>";
        let (p, breaks) = prose(h);
        let br = h.find("<br/>").unwrap();
        assert!(!breaks.iter().any(|b| b == br));
        assert!(p.contains("70     %"));
    }
}
