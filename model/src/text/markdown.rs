//! Markdown: text escaped for a renderer to show exactly its characters,
//! and code spans.

use std::fmt::Write as _;

/// A Markdown renderer that a text is written for, and so the escaping
/// that makes it show exactly the text's characters. Each format picks
/// one, in one place: the generated crate's docs and its reference page
/// are rendered by rustdoc, OpenAPI descriptions by CommonMark renderers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markdown {
    /// CommonMark as specified: markup characters get a backslash.
    CommonMark,
    /// CommonMark with smart punctuation, as rustdoc renders docs and
    /// deprecation notes: CommonMark's escapes, and a backslash too before
    /// each `'` and `"`, each `-` after a `-` and each `.` after two `.`,
    /// which would otherwise show as curly quotes, dashes and ellipses.
    /// The escapes are CommonMark's own, so a renderer without smart
    /// punctuation shows the same characters.
    Rustdoc,
}

impl Markdown {
    /// Escapes `text` so the renderer shows it as exactly its characters:
    /// every ASCII punctuation mark that can start markup gets a backslash.
    pub fn escape(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        self.escape_into(&mut out, text, "\n");
        out
    }

    /// [`Markdown::escape`] of `text` onto `out`, each line break written
    /// as `newline`. Runs of characters that stand for themselves, most of
    /// any text, are copied whole; a byte's class is a table lookup.
    fn escape_into(self, out: &mut String, text: &str, newline: &str) {
        let bytes = text.as_bytes();
        let smart = self == Markdown::Rustdoc;
        let mut literal = 0;
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            let class = ESCAPES[usize::from(byte)];
            if class == Escape::Plain {
                at += 1;
                continue;
            }
            // The smart punctuation looks back at the characters before:
            // ASCII, so bytes of the text itself.
            let before = |n: usize, b: u8| at.checked_sub(n).and_then(|i| bytes.get(i)) == Some(&b);
            let (width, code) = match class {
                Escape::Markup => (1, None),
                Escape::Quote if smart => (1, None),
                Escape::Dash if smart && before(1, b'-') => (1, None),
                Escape::Dot if smart && before(1, b'.') && before(2, b'.') => (1, None),
                Escape::Control => (1, Some(u32::from(byte))),
                // U+0080 to U+009F, the C1 controls: `0xC2` then `0x80..=0x9F`.
                Escape::C1Lead => match bytes.get(at + 1) {
                    Some(&next @ 0x80..=0x9f) => (2, Some(u32::from(next))),
                    _ => {
                        at += 1;
                        continue;
                    }
                },
                Escape::Newline if newline != "\n" => (1, None),
                _ => {
                    at += 1;
                    continue;
                }
            };
            // Every class but `Plain` starts at an ASCII byte or at a
            // character's lead byte, so `literal..at` ends on a boundary.
            out.push_str(&text[literal..at]);
            match (class, code) {
                (_, Some(code)) => {
                    let _ = write!(out, "&#{code};");
                }
                (Escape::Newline, None) => out.push_str(newline),
                _ => {
                    out.push('\\');
                    out.push(char::from(byte));
                }
            }
            at += width;
            literal = at;
        }
        out.push_str(&text[literal..]);
    }

    /// `text` as inline Markdown that renders as exactly its characters, in a
    /// table cell or a heading: markup is escaped, a newline becomes `<br>`,
    /// and spaces at either end, which tables and headings trim, become
    /// character references.
    pub fn inline(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        self.inline_into(&mut out, text);
        out
    }

    /// [`Markdown::inline`], appended to `out`: a text written into a
    /// larger one (a value's docs) is not made apart and copied.
    pub fn inline_into(self, out: &mut String, text: &str) {
        // Escaping leaves spaces as they are and writes no other character
        // as one, so the escaped text has the text's spaces at either end.
        let body = text.trim_matches(' ');
        if body.is_empty() {
            for _ in 0..text.len() {
                out.push_str("&#32;");
            }
            return;
        }
        let start = text.len() - text.trim_start_matches(' ').len();
        let end = text.len() - start - body.len();
        out.reserve(text.len() + text.len() / 8 + 5 * (start + end));
        for _ in 0..start {
            out.push_str("&#32;");
        }
        self.escape_into(out, body, "<br>");
        for _ in 0..end {
            out.push_str("&#32;");
        }
    }

    /// `text` as a paragraph of its own (an OpenAPI `description`, an intro
    /// sentence) that renders as exactly its characters: inline, and a start
    /// that would open a list (`- `, `+ `, `1. `, `1) `) escaped too.
    pub fn paragraph(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        self.paragraph_into(&mut out, text);
        out
    }

    /// [`Markdown::paragraph`], appended to `out`.
    pub fn paragraph_into(self, out: &mut String, text: &str) {
        let start = out.len();
        self.inline_into(out, text);
        if let Some(at) = block_marker(&out[start..]) {
            out.insert(start + at, '\\');
        }
    }

    /// `text` as Markdown that renders as exactly its characters, its line
    /// breaks kept as soft ones (as a deprecation note shows them): markup
    /// escaped, and no line starting a block.
    pub fn lines(self, text: &str) -> String {
        // No line is indented: a paragraph shows no indentation, and four
        // spaces would start a code block.
        let lines: Vec<String> = self
            .escape(text)
            .split('\n')
            .map(|line| escape_block_start(line.trim_start_matches(' ')))
            .collect();
        lines.join("\n")
    }

    /// `text` as Markdown inside a paragraph or a list item: markup escaped,
    /// and each line break kept as `<br>` followed by `indent` (what the
    /// item's continuation lines are indented by), no line starting a block.
    pub fn block(self, text: &str, indent: &str) -> String {
        self.lines(text).replace('\n', &format!("<br>\n{indent}"))
    }
}

/// An escaped line whose start would open a block (a list item `-`, `+`,
/// `1.` or `1)`, or a heading's `=` underline) with that start escaped.
fn escape_block_start(line: &str) -> String {
    match block_marker(line) {
        Some(at) => format!("{}\\{}", &line[..at], &line[at..]),
        None => line.to_owned(),
    }
}

/// Where the marker is that makes an escaped line open a block, if it does.
fn block_marker(line: &str) -> Option<usize> {
    let body = line.trim_start_matches(' ');
    let at = line.len() - body.len();
    let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    match body.as_bytes().get(digits) {
        Some(b'-' | b'+' | b'=') if digits == 0 => Some(at),
        Some(b'.' | b')') if (1..=9).contains(&digits) => Some(at + digits),
        _ => None,
    }
}

/// How [`Markdown::escape`] treats a byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Escape {
    /// Stands for itself: most ASCII, and every byte past it but `0xC2`.
    Plain,
    /// Can start markup: a backslash before it.
    Markup,
    /// `'` and `"`: a backslash for smart punctuation.
    Quote,
    /// `-`: a backslash for smart punctuation after another `-`.
    Dash,
    /// `.`: a backslash for smart punctuation after two `.`.
    Dot,
    /// A control character but the line break: a character reference.
    Control,
    /// `0xC2`, the lead byte of the C1 controls (and of U+00A0 to U+00BF).
    C1Lead,
    /// A line break, which some callers write otherwise.
    Newline,
}

/// Each byte's [`Escape`].
static ESCAPES: [Escape; 256] = {
    let mut table = [Escape::Plain; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = Escape::Control;
        byte += 1;
    }
    table[0x7f] = Escape::Control;
    table[b'\n' as usize] = Escape::Newline;
    let markup = b"\\`*_[]<>&|#~!";
    let mut i = 0;
    while i < markup.len() {
        table[markup[i] as usize] = Escape::Markup;
        i += 1;
    }
    table[b'\'' as usize] = Escape::Quote;
    table[b'"' as usize] = Escape::Quote;
    table[b'-' as usize] = Escape::Dash;
    table[b'.' as usize] = Escape::Dot;
    table[0xc2] = Escape::C1Lead;
    table
};

/// `text` as an inline code span, fenced with enough backticks that none
/// inside it can close the span early.
pub fn code_span(text: &str) -> String {
    let mut span = String::with_capacity(text.len() + 4);
    code_span_into(&mut span, text);
    span
}

/// [`code_span`], appended to `out`: a row's params and message each
/// show one.
pub fn code_span_into(out: &mut String, text: &str) {
    // The usual text, one line without a backtick, is fenced as it is.
    if !text.bytes().any(|byte| matches!(byte, b'\n' | b'\r' | b'`')) {
        let spaced = text.starts_with(' ') && text.ends_with(' ') && !text.trim_matches(' ').is_empty();
        let pad = if spaced { " " } else { "" };
        for part in ["`", pad, text, pad, "`"] {
            out.push_str(part);
        }
        return;
    }
    // A code span shows a line break as a space; written as one, no line
    // of the span can start a block.
    let text = &text.replace("\r\n", " ").replace(['\n', '\r'], " ");
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    // CommonMark strips one space from each end of a span that has both,
    // so a text with both gets one more.
    let spaced = text.starts_with(' ') && text.ends_with(' ') && !text.trim_matches(' ').is_empty();
    let pad = if text.starts_with('`') || text.ends_with('`') || spaced { " " } else { "" };
    for part in [fence.as_str(), pad, text, pad, &fence] {
        out.push_str(part);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CM: Markdown = Markdown::CommonMark;

    #[test]
    fn inline_text_keeps_its_characters() {
        assert_eq!(CM.inline("a | b"), r"a \| b");
        assert_eq!(CM.inline("two\nlines"), "two<br>lines");
        assert_eq!(CM.inline(" padded  "), "&#32;padded&#32;&#32;");
        assert_eq!(CM.inline("  "), "&#32;&#32;");
        assert_eq!(CM.inline("<b>&amp;"), r"\<b\>\&amp;");
    }

    #[test]
    fn no_line_of_a_block_starts_a_block() {
        let text = "one\n- item\n  + other\n2) third\n10. tenth\n---\n===\n[x] [a](javascript:b)";
        assert_eq!(
            CM.block(text, "  "),
            "one<br>\n  \\- item<br>\n  \\+ other<br>\n  2\\) third<br>\n  10\\. tenth<br>\n  \\---<br>\n  \\===<br>\n  \\[x\\] \\[a\\](javascript:b)"
        );
        assert_eq!(CM.lines("Use [NEW].\n- see"), "Use \\[NEW\\].\n\\- see");
        assert_eq!(CM.lines("    Use X.\n\n      code?"), "Use X.\n\ncode?");
        assert_eq!(code_span("Two\n- lines\r\nthree"), "`Two - lines three`");
    }

    #[test]
    fn paragraphs_never_open_a_list() {
        assert_eq!(CM.paragraph("- a"), r"\- a");
        assert_eq!(CM.paragraph("+"), r"\+");
        assert_eq!(CM.paragraph("12. b"), r"12\. b");
        assert_eq!(CM.paragraph("3) c"), r"3\) c");
        assert_eq!(CM.paragraph("1234567890. d"), "1234567890. d");
        assert_eq!(CM.paragraph("2001-12-14"), "2001-12-14");
        assert_eq!(CM.paragraph("a <b>"), r"a \<b\>");
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(CM.escape("a_b *c* [d](e) <f> & | $int32"), r"a\_b \*c\* \[d\](e) \<f\> \& \| $int32");
        assert_eq!(CM.escape(r"back\slash `tick`"), r"back\\slash \`tick\`");
        assert_eq!(CM.escape("tab\there\r"), "tab&#9;here&#13;");
    }

    #[test]
    fn rustdoc_text_escapes_what_smart_punctuation_would_change() {
        let rustdoc = Markdown::Rustdoc;
        assert_eq!(rustdoc.escape(r#"don't "quote""#), r#"don\'t \"quote\""#);
        assert_eq!(rustdoc.escape("a...b ....... c"), r"a..\.b ..\.\.\.\.\. c");
        assert_eq!(rustdoc.escape("a-b c--d e---f"), r"a-b c-\-d e-\-\-f");
        assert_eq!(rustdoc.paragraph("-- x"), r"\-\- x");
        assert_eq!(rustdoc.lines("x\n---"), "x\n\\-\\-\\-");
        // CommonMark alone changes none of these.
        assert_eq!(CM.escape(r#"don't "q"... --"#), r#"don't "q"... --"#);
    }

    /// What `Markdown::escape` and `Markdown::inline` did character by
    /// character, before they copied runs.
    fn escape_by_character(markdown: Markdown, text: &str) -> String {
        let mut out = String::new();
        let (mut before, mut last) = ('\0', '\0');
        for c in text.chars() {
            if c.is_control() && c != '\n' {
                out.push_str(&format!("&#{};", c as u32));
            } else {
                let markup =
                    matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '#' | '~' | '!');
                let smart = match c {
                    '\'' | '"' => true,
                    '-' => last == '-',
                    '.' => last == '.' && before == '.',
                    _ => false,
                };
                if markup || (smart && markdown == Markdown::Rustdoc) {
                    out.push('\\');
                }
                out.push(c);
            }
            (before, last) = (last, c);
        }
        out
    }

    fn inline_by_character(markdown: Markdown, text: &str) -> String {
        let escaped = escape_by_character(markdown, text).replace('\n', "<br>");
        let trimmed = escaped.trim_matches(' ');
        let start = escaped.len() - escaped.trim_start_matches(' ').len();
        let end = escaped.len() - escaped.trim_end_matches(' ').len();
        if trimmed.is_empty() {
            return "&#32;".repeat(escaped.len());
        }
        format!("{}{trimmed}{}", "&#32;".repeat(start), "&#32;".repeat(end))
    }

    proptest::proptest! {
        #[test]
        fn escapes_in_runs_as_character_by_character(
            text in "([ -~\t\n\r\u{7f}-\u{c0}é…\u{2028}]|\\.\\.|--| +){0,40}",
        ) {
            for markdown in [Markdown::CommonMark, Markdown::Rustdoc] {
                proptest::prop_assert_eq!(markdown.escape(&text), escape_by_character(markdown, &text));
                proptest::prop_assert_eq!(markdown.inline(&text), inline_by_character(markdown, &text));
            }
        }
    }

    #[test]
    fn code_spans_survive_backticks() {
        assert_eq!(code_span("400 Bad Request"), "`400 Bad Request`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
        // CommonMark strips one space from each end that has one: a padded text keeps its own.
        assert_eq!(code_span(" x "), "`  x  `");
        assert_eq!(code_span("  "), "`  `");
        let mut out = "at ".to_owned();
        code_span_into(&mut out, "a`b");
        assert_eq!(out, "at ``a`b``");
    }
}
