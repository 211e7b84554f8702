//! Markdown to prose: a CommonMark parser (pulldown-cmark) says which bytes
//! are prose; code blocks, inline code, HTML (and its comments) and front
//! matter are blanked out, byte for byte, so positions stay those of the file.
//!
//! The parser holds a tree of the whole text it is given (a node for every
//! block and inline: a table of 8.7 MB took 104 MiB), so a long text is
//! parsed a window at a time, each window ending where a top-level block
//! begins, or, inside a long table, where a row begins (the rest of the
//! table is parsed after a copy of its head). Block structure is read line by
//! line, forwards, and a top-level block begins with nothing open, so each
//! window reads as it does in the whole text. The one exception: a reference
//! link whose definition lies in another window is read as its text, brackets
//! and all.

use crate::text::{Breaks, Offsets};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::ops::Range;

/// The longest text parsed at once (unless one block is longer): some 3 MiB
/// of parser tree for a table.
const WINDOW: usize = 1 << 17;

/// The prose of a Markdown text, the same length as it, and the offsets where
/// its blocks end.
pub fn prose(text: &str) -> (String, Breaks) {
    prose_in_windows(text, WINDOW)
}

/// [`prose`], parsing at most about `window` bytes at once.
fn prose_in_windows(text: &str, window: usize) -> (String, Breaks) {
    let (prose, breaks, _, _) = prose_parsed(text, window);
    (prose, breaks)
}

/// Where the HTML comments of a Markdown text begin (their `<!--`), in
/// order: not those in code (fenced, indented or inline), which are text.
/// Suppression directives are read from these.
pub fn comments(text: &str) -> Vec<usize> {
    prose_parsed(text, WINDOW).3
}

/// [`prose_in_windows`], the length of the longest text parsed at once
/// (what the tests hold to the window), and [`comments`].
fn prose_parsed(text: &str, window: usize) -> (String, Breaks, usize, Vec<usize>) {
    let mut longest = 0;
    let mut comments = Vec::new();
    // The bytes that are prose.
    let mut keep = Offsets::default();
    let mut breaks = Breaks::default();
    let mut at = 0;
    // The head (header and delimiter lines) of a table cut between rows.
    let mut head: Option<Range<usize>> = None;
    let mut size = window;
    while at < text.len() {
        let end = if text.len() - at <= size {
            text.len()
        } else {
            // A window ends at a line's end, or inside a line far longer
            // than itself (a paragraph on one line).
            let line_end = next_line(text, at + size);
            if line_end - at > 2 * size {
                crate::text::floor_boundary(text, at + size)
            } else {
                line_end
            }
        };
        let prefix = head.clone().map_or("", |h| &text[h]);
        let part = if prefix.is_empty() {
            Cow::Borrowed(&text[at..end])
        } else {
            Cow::Owned([prefix, &text[at..end]].concat())
        };
        let parsed = Parsed::new(&part);
        longest = longest.max(part.len());
        let cut = if end == text.len() {
            Some((part.len(), None))
        } else {
            let open = open_metadata(text, at, end).map_or(part.len(), |m| m - at + prefix.len());
            parsed.cut(&part, prefix.len(), open, &text[at..])
        };
        let Some((cut, table)) = cut else {
            // One block fills the window: a wider one.
            size = size.saturating_mul(2);
            continue;
        };
        // Offsets in `part` are those of the text, shifted by the prefix.
        let place = |k: usize| at + k - prefix.len();
        for r in parsed
            .texts
            .iter()
            .filter(|r| r.start >= prefix.len() && r.start < cut)
        {
            (place(r.start)..place(r.end)).for_each(|k| keep.insert(k));
        }
        for r in parsed
            .html
            .iter()
            .filter(|r| r.start >= prefix.len() && r.start < cut)
        {
            let (from, to) = (place(r.start), place(r.end));
            comments.extend(text[from..to].match_indices("<!--").map(|(i, _)| from + i));
        }
        for &b in parsed
            .breaks
            .iter()
            .filter(|&&b| b > prefix.len() && b <= cut)
        {
            breaks.insert(place(b));
        }
        // A table's head is taken from the text once, where it lies.
        head = match table {
            Some(h) if prefix.is_empty() => Some(place(h.start)..place(h.end)),
            Some(_) => head,
            None => None,
        };
        at = place(cut);
        size = window;
    }
    comments.sort_unstable();
    comments.dedup();
    (blank_except(text, &keep), breaks, longest, comments)
}

/// What one parse says of a text: its prose, its block ends, where its
/// top-level blocks begin and, of the first, what a window may be cut at
/// inside it: a table's head and rows, a list's items, a paragraph's inline
/// elements (no cut may fall inside one).
struct Parsed {
    texts: Vec<Range<usize>>,
    breaks: Vec<usize>,
    blocks: Vec<usize>,
    first: First,
    /// Where the first block ends.
    first_end: usize,
    head_end: Option<usize>,
    rows: Vec<usize>,
    items: Vec<usize>,
    inline: Vec<Range<usize>>,
    /// HTML, block or inline (code is not HTML).
    html: Vec<Range<usize>>,
}

/// The kind of the first top-level block.
#[derive(Clone, Copy, PartialEq, Eq)]
enum First {
    Paragraph,
    List,
    Other,
}

impl Parsed {
    fn new(text: &str) -> Parsed {
        let mut p = Parsed {
            texts: Vec::new(),
            breaks: Vec::new(),
            blocks: Vec::new(),
            first: First::Other,
            first_end: text.len(),
            head_end: None,
            rows: Vec::new(),
            items: Vec::new(),
            inline: Vec::new(),
            html: Vec::new(),
        };
        let (mut in_code, mut in_meta, mut depth) = (0usize, 0usize, 0usize);
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
            | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
        for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
            let first = p.blocks.len() == 1;
            if first && depth >= 1 && p.first == First::Paragraph {
                match &event {
                    Event::Start(_) | Event::Code(_) | Event::InlineHtml(_) | Event::Html(_) => {
                        p.inline.push(range.clone())
                    }
                    _ => {}
                }
            }
            match &event {
                Event::Start(tag) => {
                    if depth == 0 {
                        p.blocks.push(range.start);
                        if p.blocks.len() == 1 {
                            p.first = match tag {
                                Tag::Paragraph => First::Paragraph,
                                Tag::List(_) => First::List,
                                _ => First::Other,
                            };
                        }
                    }
                    match tag {
                        Tag::CodeBlock(_) => in_code += 1,
                        Tag::MetadataBlock(_) => in_meta += 1,
                        Tag::TableRow if first && depth == 1 => p.rows.push(range.start),
                        Tag::Item if first && depth == 1 => p.items.push(range.start),
                        _ => {}
                    }
                    depth += 1;
                }
                Event::End(tag) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 && first {
                        p.first_end = range.end;
                    }
                    match tag {
                        TagEnd::CodeBlock => in_code = in_code.saturating_sub(1),
                        TagEnd::MetadataBlock(_) => in_meta = in_meta.saturating_sub(1),
                        TagEnd::TableHead if first && depth == 1 => p.head_end = Some(range.end),
                        TagEnd::Paragraph
                        | TagEnd::Heading(_)
                        | TagEnd::Item
                        | TagEnd::TableCell
                        | TagEnd::BlockQuote(_) => {
                            // Where its last character that is no space is:
                            // a list's items end after the line break, its
                            // paragraphs (a loose list has them) before it,
                            // and a list cut in two may be loose in one part
                            // and not in the other.
                            let end = range.start
                                + text[range.clone()]
                                    .trim_end_matches([' ', '\t', '\n', '\r'])
                                    .len();
                            p.breaks.push(end);
                        }
                        _ => {}
                    }
                }
                Event::Text(_) if in_code == 0 && in_meta == 0 => p.texts.push(range),
                Event::Html(_) | Event::InlineHtml(_) if in_code == 0 && in_meta == 0 => {
                    if depth == 0 {
                        p.blocks.push(range.start);
                    }
                    p.html.push(range)
                }
                _ if depth == 0 => p.blocks.push(range.start),
                _ => {}
            }
        }
        p
    }

    /// Where to end the window `text` (whose first `prefix` bytes are a
    /// table's head, not the text's), no later than `open`, and the head to
    /// repeat when the cut falls inside a table; `None` when one block fills
    /// the window.
    fn cut(
        &self,
        text: &str,
        prefix: usize,
        open: usize,
        rest: &str,
    ) -> Option<(usize, Option<Range<usize>>)> {
        // The last top-level block but the first (nothing before it would be
        // read), at the start of its line. Not in a line the window cuts
        // short: what it is may be another thing whole (a row of a table
        // cut to `|` reads as a paragraph).
        let short = if text.ends_with('\n') {
            text.len() + 1
        } else {
            text.rfind('\n').map_or(0, |k| k + 1)
        };
        // The start of the line of the last of `starts` but the first that
        // may end the window after `after`.
        let last = |starts: &[usize], after: usize| {
            starts.iter().skip(1).rev().find_map(|&s| {
                line_start(text, s).filter(|&l| l > prefix.max(after) && l <= open && l < short)
            })
        };
        if let Some(line) = last(&self.blocks, 0) {
            return Some((line, None));
        }
        match self.first {
            // A list: the rest reads as a list of its own, the same items.
            First::List => return last(&self.items, 0).map(|l| (l, None)),
            First::Paragraph => return self.paragraph_cut(text, open, rest).map(|c| (c, None)),
            First::Other => {}
        }
        // A table: a row after the head.
        let head_end = self.head_end?;
        let row = last(&self.rows, head_end)?;
        let start = line_start(text, *self.blocks.first()?)?;
        // The head: the header line and the delimiter line after it.
        let end = next_line(text, next_line(text, start));
        (end <= row).then_some((row, Some(start..end)))
    }

    /// Where a paragraph longer than the window `text` may be cut (`rest`:
    /// the text from the window's start on): before a letter or a figure
    /// (not a list's number), at a line's start or after a space or another
    /// letter (so that the rest begins a paragraph as it continues one: no
    /// block starts with a letter, and no emphasis mark stands beside the
    /// cut), outside every inline element (a
    /// code span, a link, emphasis, HTML), the line after it no table's
    /// delimiter row, and an eighth of the window (1 KiB at least) before
    /// its end: an element cut off by the window's end is no element in this
    /// parse, and one that long (16 KiB in a window of 128) is not looked
    /// for. The paragraph's end in this window is no block end; the rest is
    /// read as a paragraph.
    /// (The window has no table head before it: its first block is this
    /// paragraph.)
    fn paragraph_cut(&self, text: &str, open: usize, rest: &str) -> Option<usize> {
        let mut covered: Vec<Range<usize>> = Vec::new();
        let mut inline = self.inline.clone();
        inline.sort_by_key(|r| r.start);
        for r in inline {
            match covered.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => covered.push(r),
            }
        }
        let inside = |p: usize| {
            let k = covered.partition_point(|r| r.start < p);
            k > 0 && covered[k - 1].end > p
        };
        // (A table's head is a paragraph's first line and a delimiter row
        // after it.)
        let delimiter_row = |l: usize| {
            let row = &rest.as_bytes()[l..next_line(rest, l)];
            row.contains(&b'-')
                && row
                    .iter()
                    .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t' | b'\r' | b'\n'))
        };
        let start = self.blocks.first().copied().unwrap_or(0);
        let limit = open.min(text.len().saturating_sub((text.len() / 8).max(1024)));
        let limit = crate::text::floor_boundary(text, limit);
        let mut after: Option<char> = text[limit..].chars().next();
        // Whether the line after the place looked at is a delimiter row,
        // read once a line as the places go back (read from each place of a
        // long header line, the row after it cost the square of its length:
        // a row of 50 000 cells took 8 s).
        let mut row_after = delimiter_row(next_line(rest, limit));
        for (p, before) in text[..limit].char_indices().rev() {
            let here = after;
            after = Some(before);
            if p + before.len_utf8() <= start {
                return None;
            }
            let p = p + before.len_utf8();
            if here == Some('\n') {
                row_after = delimiter_row(p + 1);
            }
            if p >= self.first_end {
                continue;
            }
            if !(before == '\n' || before == ' ' || before.is_alphabetic()) {
                continue;
            }
            // A figure begins no block either, unless it is a list's
            // number (`3.`, `3)`). (Read only after a space or a letter: from
            // each digit of a long run, it had cost the square of its length.)
            let figure = here.is_some_and(|c| c.is_ascii_digit()) && {
                let digits = text[p..].bytes().take_while(u8::is_ascii_digit).count();
                !matches!(text.as_bytes().get(p + digits), Some(b'.' | b')') | None)
            };
            let fits = here.is_some_and(char::is_alphabetic) || figure;
            if fits && !inside(p) && !row_after {
                return Some(p);
            }
        }
        None
    }
}

/// The first line of `text[start..end]` that may open a metadata block
/// (front matter) closed only after `end`. The parser reads one wherever a
/// block may begin, `---` or `+++` alone on a line, not followed by a blank
/// line, closed by `---`, `...` or `+++` however far on (as pulldown-cmark's
/// `scan_metadata_block`; any such line counts here, a block start or not):
/// a window must not end inside one, as it would be read as something else.
fn open_metadata(text: &str, start: usize, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    // The length of the delimiter line at `i` made of `c` (a closer of `-`
    // may be `...`), when it is one.
    let delimiter = |i: usize, c: u8| -> Option<usize> {
        let line = &bytes[i..next_line(text, i)];
        let run = line.iter().take_while(|&&b| b == c).count();
        (run == 3 && line[3..].iter().all(u8::is_ascii_whitespace)).then_some(line.len())
    };
    let closes =
        |i: usize, c: u8| delimiter(i, c).is_some() || c == b'-' && delimiter(i, b'.').is_some();
    let mut line = start;
    while line < end {
        let next = next_line(text, line);
        for c in [b'-', b'+'] {
            if delimiter(line, c).is_none() || next >= text.len() {
                continue;
            }
            let blank = bytes[next..next_line(text, next)]
                .iter()
                .all(u8::is_ascii_whitespace);
            if blank || closes(next, c) {
                continue;
            }
            let mut k = next_line(text, next);
            while k < text.len() && !closes(k, c) {
                k = next_line(text, k);
            }
            if k < text.len() && k >= end {
                return Some(line);
            }
        }
        line = next;
    }
    None
}

/// The start of the line `i` is on, when only spaces and tabs lie between.
fn line_start(text: &str, i: usize) -> Option<usize> {
    let start = text[..i].rfind('\n').map_or(0, |k| k + 1);
    text[start..i]
        .bytes()
        .all(|b| b == b' ' || b == b'\t')
        .then_some(start)
}

/// The start of the line after the one `i` is on (the text's end on the
/// last line).
fn next_line(text: &str, i: usize) -> usize {
    text.as_bytes()
        .get(i..)
        .and_then(|rest| memchr::memchr(b'\n', rest))
        .map_or(text.len(), |k| i + k + 1)
}

/// `text` with every character not marked in `keep` replaced by spaces of the
/// same byte length (line breaks kept).
fn blank_except(text: &str, keep: &Offsets) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if keep.contains(i) || c == '\n' || c == '\r' {
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

    /// Blocks of every kind the windows must not change: fences and HTML
    /// comments with blank lines in them, setext headings, tables, lists,
    /// quotes with lazy lines, thematic breaks that could read as front
    /// matter, indented code.
    const BLOCKS: [&str; 30] = [
        "需救治100人,已救治90人,救治率80%。\n",
        "# 标题 12个\n",
        "段落 3人\n===\n",
        "```\n代码 5人\n\n仍是代码 6人\n```\n",
        "<!--\n注释 7人\n\n仍是注释 8%\n-->\n",
        "| 地区 | 人数 |\n|---|---:|\n| 甲 | 1人 |\n| 乙 | 2人 |\n| 丙 | `3` |\n",
        "- 一项 4个\n- 两项 5个\n\n  续段 6个\n",
        "1. 第一 7人\n2. 第二 8人\n",
        "> 引用 9人\n懒行 10人\n",
        "---\n",
        "+++\n",
        "    缩进代码 11人\n",
        "<div>\n块 12人\n</div>\n",
        "文字 `13人` 与 <b>14人</b> 和 *15人*\n",
        "\n",
        "合计5人(男3人、女2人)\n共三项:甲、乙、丙。\n",
        "标题 16个\n---\n",
        "<pre>\n预排 17人\n\n仍预排 18人\n</pre>\n",
        "> | 甲 | 乙 |\n> |---|---|\n> | 19人 | 20人 |\n",
        "~~~\n| 表 | 21人 |\n|---|---|\n~~~\n",
        "...\n",
        "文字 `代码\n跨行 5人` 后文\n更多 6人\n",
        "链接 [文字\n跨行](http://x/7) 8人\n续行 9人\n",
        "段落 <span\nclass=9>10人</span>\n续行\n",
        "*强调\n跨行 11人*\n又一行\n12. 不是列表\n    缩进续行 13人\n",
        "甲 | 乙 14人\n|---|---|\n| 丙 | 丁 |\n",
        "- 一项 15个\n- 两项 16个\n- 三项 17个\n",
        "段落 18人\nabc 19人\n中文 20人\n",
        "开头 `跨\n三\n四\n五行 21人` 后 [链\n接\n多\n行](u) 22人\n",
        "行尾反斜杠\\\n续行 23人  \n硬换行后 24人\n",
    ];

    /// The prose and the block ends, read a window at a time.
    fn read(text: &str, window: usize) -> (String, Vec<usize>) {
        let (prose, breaks) = prose_in_windows(text, window);
        (prose, breaks.iter().collect())
    }

    fn document(picks: &[usize], rows: usize) -> String {
        let mut text = String::new();
        for &k in picks {
            text.push_str(BLOCKS[k % BLOCKS.len()]);
            if k % 5 == 0 {
                text.push('\n');
            }
            if k % 11 == 0 {
                // A paragraph on one line far longer than a window.
                for i in 0..150 {
                    text.push_str(&format!(
                        "词{i} `码{i}` [链 {i}](u) *强{i}* <b>{i}人</b> {i}. 项 {i}) 项 "
                    ));
                }
                text.push('\n');
            }
            if k % 13 == 0 {
                // A paragraph of many lines, some ending in a hard break.
                for i in 0..120 {
                    let end = ["\\", "  ", ""][i % 3];
                    text.push_str(&format!("行{i} 共{i}人{end}\n"));
                }
                text.push('\n');
            }
            if k % 7 == 0 {
                // A table longer than a window.
                text.push_str("| 名称 | 数 |\n| :-- | --- |\n");
                for r in 0..rows {
                    text.push_str(&format!("| 项{r} | {r}人 `x` |\n"));
                }
                // Ended by a blank line, or run on into the next block.
                if k % 2 == 0 {
                    text.push('\n');
                }
            }
        }
        text
    }

    proptest::proptest! {
        /// Parsed a window at a time, a text has the prose and block ends
        /// it has parsed whole.
        #[test]
        fn windows_read_as_the_whole(
            picks in proptest::collection::vec(0usize..64, 1..40),
            rows in 0usize..60,
            window in 1usize..400,
        ) {
            let text = document(&picks, rows);
            proptest::prop_assert_eq!(read(&text, window), read(&text, usize::MAX));
        }
    }

    /// A paragraph and a list longer than a window are cut between lines:
    /// the same prose and block ends, and no block end where they are cut.
    #[test]
    fn a_long_paragraph_and_list_are_cut_between_lines() {
        let paragraph: String = (0..5_000)
            .map(|i| format!("第{i}行 共{i}人 `{i}`\n"))
            .collect();
        let list: String = (0..5_000).map(|i| format!("- 项{i} {i}个\n")).collect();
        for text in [paragraph, list] {
            let whole = read(&text, usize::MAX);
            assert_eq!(read(&text, 2_000), whole);
            assert!(text.len() > 40 * 2_000);
            // Cut, not parsed whole in a window grown to fit it.
            assert!(prose_parsed(&text, 2_000).2 <= 3 * 2_000);
        }
    }

    /// A long table is parsed a window at a time: each row's cells are
    /// prose and block ends, as in the whole.
    #[test]
    fn a_long_table_is_cut_between_rows() {
        let text = document(&[14], 2_000);
        let whole = read(&text, usize::MAX);
        assert!(whole.1.len() > 4_000);
        assert_eq!(read(&text, 1_000), whole);
        assert!(text.len() > 20 * 1_000);
        // Cut between rows, the head repeated: no parse much over the window.
        assert!(prose_parsed(&text, 1_000).2 <= 3 * 1_000);
    }
}
