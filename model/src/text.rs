//! Text escapers, one per target syntax: Markdown, Rust, JSON, TOML, YAML, HTML.

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
        let mut out = String::with_capacity(text.len());
        let (mut before, mut last) = ('\0', '\0');
        for c in text.chars() {
            // Tabs and other controls become character references: rendered
            // the same, but safe in a `///` comment or a table cell.
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
                if markup || (smart && self == Markdown::Rustdoc) {
                    out.push('\\');
                }
                out.push(c);
            }
            (before, last) = (last, c);
        }
        out
    }

    /// `text` as inline Markdown that renders as exactly its characters, in a
    /// table cell or a heading: markup is escaped, a newline becomes `<br>`,
    /// and spaces at either end, which tables and headings trim, become
    /// character references.
    pub fn inline(self, text: &str) -> String {
        let escaped = self.escape(text).replace('\n', "<br>");
        let trimmed = escaped.trim_matches(' ');
        let start = escaped.len() - escaped.trim_start_matches(' ').len();
        let end = escaped.len() - escaped.trim_end_matches(' ').len();
        if trimmed.is_empty() {
            return "&#32;".repeat(escaped.len());
        }
        format!("{}{trimmed}{}", "&#32;".repeat(start), "&#32;".repeat(end))
    }

    /// `text` as a paragraph of its own (an OpenAPI `description`, an intro
    /// sentence) that renders as exactly its characters: inline, and a start
    /// that would open a list (`- `, `+ `, `1. `, `1) `) escaped too.
    pub fn paragraph(self, text: &str) -> String {
        escape_block_start(&self.inline(text))
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
    let body = line.trim_start_matches(' ');
    let at = line.len() - body.len();
    let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let marker = match body.as_bytes().get(digits) {
        Some(b'-' | b'+' | b'=') if digits == 0 => Some(at),
        Some(b'.' | b')') if (1..=9).contains(&digits) => Some(at + digits),
        _ => None,
    };
    match marker {
        Some(at) => format!("{}\\{}", &line[..at], &line[at..]),
        None => line.to_owned(),
    }
}

/// `text` as an inline code span, fenced with enough backticks that none
/// inside it can close the span early.
pub fn code_span(text: &str) -> String {
    // A code span shows a line break as a space; written as one, no line
    // of the span can start a block.
    let text = &text.replace("\r\n", " ").replace(['\n', '\r'], " ");
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    // CommonMark strips one space from each end of a span that has both,
    // so a text with both gets one more.
    let spaced = text.starts_with(' ') && text.ends_with(' ') && !text.trim_matches(' ').is_empty();
    let pad = if text.starts_with('`') || text.ends_with('`') || spaced { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A Rust string literal for `text`.
pub fn rust_str(text: &str) -> String {
    format!("{text:?}")
}

/// A Rust expression of type `&[u8]` for `text`: a raw byte string when
/// that reads well, else an escaped string's bytes.
pub fn rust_bytes(text: &str) -> String {
    if text.is_ascii() && !text.contains("\"#") && !text.contains('\n') {
        format!("br#\"{text}\"#")
    } else {
        format!("{text:?}.as_bytes()")
    }
}

/// `text` as a JSON string, escaped exactly as serde_json writes it (the
/// generated crate's examples compare the two).
pub fn json_string(text: &str) -> String {
    let short = [('\u{8}', "\\b"), ('\u{c}', "\\f"), ('\n', "\\n"), ('\r', "\\r"), ('\t', "\\t")];
    double_quoted(text, &short, |c| (c as u32) < 0x20, Hex::Lower)
}

/// A TOML basic string.
pub fn toml_string(text: &str) -> String {
    double_quoted(text, &[], char::is_control, Hex::Upper)
}

/// A YAML double-quoted scalar: escapes for `"`, `\` and every character a
/// YAML reader would not take literally (controls, line and paragraph
/// separators, byte-order marks, non-characters).
pub fn yaml_double_quoted(text: &str) -> String {
    let unreadable = |c: char| {
        c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}')
    };
    double_quoted(text, &[('\n', "\\n"), ('\t', "\\t")], unreadable, Hex::Upper)
}

/// `text` as a YAML scalar that every YAML version reads back as exactly
/// this string.
pub fn yaml_string(text: &str) -> String {
    if is_yaml_plain_safe(text) { text.to_owned() } else { yaml_double_quoted(text) }
}

/// Whether `text` may be written unquoted: it starts with a letter (or
/// `$`, as in `$ref`), holds only letters, digits, spaces and harmless
/// punctuation, does not end in a space, and is not one of the words YAML
/// 1.1 reads as a boolean or null. A leading letter rules out every
/// number, date, `.inf`, `~`, `=` and `<<` of either YAML version.
pub fn is_yaml_plain_safe(text: &str) -> bool {
    const RESERVED_WORDS: &[&str] = &["y", "n", "yes", "no", "on", "off", "true", "false", "null"];
    let mut chars = text.chars();
    let Some(first) = chars.next() else { return false };
    (first.is_alphabetic() || first == '$')
        && chars.all(|c| match u8::try_from(c) {
            // A table for ASCII: `str::contains` of the punctuation was a
            // search per character, a few per cent of writing the OpenAPI
            // documents of a large catalogue.
            Ok(byte) if byte.is_ascii() => PLAIN_ASCII[usize::from(byte)],
            _ => c.is_alphanumeric(),
        })
        && !text.ends_with(' ')
        && !RESERVED_WORDS.iter().any(|word| text.eq_ignore_ascii_case(word))
}

/// Which ASCII characters [`is_yaml_plain_safe`] takes after the first:
/// letters, digits, and the punctuation that means nothing in a plain scalar.
const PLAIN_ASCII: [bool; 128] = {
    let mut table = [false; 128];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    let punctuation = b" _-.,()/';?+=$";
    let mut i = 0;
    while i < punctuation.len() {
        table[punctuation[i] as usize] = true;
        i += 1;
    }
    table
};

/// `text` as HTML text or a double-quoted attribute value that shows
/// exactly its characters: `&`, `<`, `>`, `"` and `'` become character
/// references, and nothing else changes (no markup is read into it).
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_html(&mut out, text);
    out
}

/// [`html`], appended to `out`.
pub fn push_html(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// The case of the digits in a `\uXXXX` escape.
enum Hex {
    Lower,
    Upper,
}

/// `text` in double quotes, the way JSON, TOML and YAML all write strings:
/// `"` and `\` escaped with a backslash, the characters of `short` with
/// their short escapes, and those `unicode` picks as `\uXXXX` (all of
/// them in the Basic Multilingual Plane).
fn double_quoted(text: &str, short: &[(char, &str)], unicode: impl Fn(char) -> bool, hex: Hex) -> String {
    debug_assert!(short.iter().all(|&(c, _)| c < ' '), "only control characters have short escapes");
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    // Printable ASCII but `"` and `\` stands for itself in every caller's
    // syntax (their short escapes are all of control characters): each run
    // of it is copied whole, rather than looked up character by character.
    let mut literal = 0;
    for (at, c) in text.char_indices() {
        if matches!(c, ' '..='~') && c != '"' && c != '\\' {
            continue;
        }
        out.push_str(&text[literal..at]);
        literal = at + c.len_utf8();
        let named = [('"', "\\\""), ('\\', "\\\\")].iter().chain(short).find(|&&(named, _)| named == c);
        if let Some((_, escape)) = named {
            out.push_str(escape);
        } else if unicode(c) {
            let _ = match hex {
                Hex::Lower => write!(out, "\\u{:04x}", c as u32),
                Hex::Upper => write!(out, "\\u{:04X}", c as u32),
            };
        } else {
            out.push(c);
        }
    }
    out.push_str(&text[literal..]);
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CM: Markdown = Markdown::CommonMark;

    #[test]
    fn yaml_strings_are_quoted_only_when_needed() {
        assert_eq!(yaml_string("CART_FULL"), "CART_FULL");
        assert_eq!(yaml_string("Bad Request"), "Bad Request");
        assert_eq!(yaml_string("a: b"), "\"a: b\"");
        assert_eq!(yaml_string(" padded"), "\" padded\"");
    }

    #[test]
    fn plain_yaml_takes_letters_digits_and_the_harmless_punctuation() {
        for c in (0..0x400).filter_map(char::from_u32) {
            let expected = c.is_alphanumeric() || " _-.,()/';?+=$".contains(c);
            assert_eq!(is_yaml_plain_safe(&format!("a{c}b")), expected, "{c:?}");
        }
        assert_eq!(yaml_double_quoted("plain é text: \"q\"\u{85}"), r#""plain é text: \"q\"\u0085""#);
    }

    #[test]
    fn html_text_keeps_its_characters() {
        assert_eq!(html(r#"<b>&amp; "q" 'a' **x**"#), "&lt;b&gt;&amp;amp; &quot;q&quot; &#39;a&#39; **x**");
        assert_eq!(html("é\tline\nnext"), "é\tline\nnext");
    }

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
    fn json_strings_are_escaped_as_serde_json_escapes_them() {
        assert_eq!(
            json_string("a\n\t\r\u{8}\u{c}\u{1b}\"\\\u{7f}é"),
            "\"a\\n\\t\\r\\b\\f\\u001b\\\"\\\\\u{7f}é\""
        );
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

    #[test]
    fn code_spans_survive_backticks() {
        assert_eq!(code_span("400 Bad Request"), "`400 Bad Request`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
        // CommonMark strips one space from each end that has one: a padded text keeps its own.
        assert_eq!(code_span(" x "), "`  x  `");
        assert_eq!(code_span("  "), "`  `");
    }

    #[test]
    fn string_literals_escape_quotes_backslashes_and_controls() {
        assert_eq!(rust_str("a\"b\\c\n"), r#""a\"b\\c\n""#);
        assert_eq!(json_string("a\"b\\c\n\u{1}é"), r#""a\"b\\c\n\u0001é""#);
        assert_eq!(toml_string("a\"b\\c\n\u{7f}é"), r#""a\"b\\c\u000A\u007Fé""#);
        assert_eq!(yaml_double_quoted("a\"b\\c\n\t\u{2028}"), r#""a\"b\\c\n\t\u2028""#);
    }

    #[test]
    fn byte_strings_are_raw_when_that_reads_well() {
        assert_eq!(rust_bytes(r#"{"code":1}"#), r##"br#"{"code":1}"#"##);
        assert_eq!(rust_bytes("é"), r#""é".as_bytes()"#);
        assert_eq!(rust_bytes("a\"#b"), r##""a\"#b".as_bytes()"##);
    }
}
