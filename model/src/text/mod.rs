//! Text escapers, one per target syntax: Markdown, Rust, JSON, TOML, YAML, HTML.

mod markdown;

pub use markdown::{Markdown, code_span, code_span_into};

use std::fmt::Write as _;

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
    let mut out = String::with_capacity(text.len() + 2);
    push_yaml_double_quoted(&mut out, text);
    out
}

/// [`yaml_double_quoted`] of `text`, onto `out`.
pub fn push_yaml_double_quoted(out: &mut String, text: &str) {
    double_quoted_onto(out, text, &[('\n', "\\n"), ('\t', "\\t")], yaml_unreadable, Hex::Upper);
}

/// Whether a YAML reader would not take `c` literally inside double quotes.
fn yaml_unreadable(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}')
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

/// The punctuation that means nothing in a plain YAML scalar.
const PLAIN_PUNCTUATION: &str = " _-.,()/';?+=$";

/// Which ASCII characters [`is_yaml_plain_safe`] takes after the first:
/// letters, digits, and the punctuation that means nothing in a plain scalar.
const PLAIN_ASCII: [bool; 128] = {
    let mut table = [false; 128];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    let punctuation = PLAIN_PUNCTUATION.as_bytes();
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
    // By bytes: each escaped character is ASCII, so every run between them
    // ends on a character boundary (a search for a set of `char`s decodes
    // and compares each character).
    let mut literal = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[literal..at]);
        out.push_str(escape);
        literal = at + 1;
    }
    out.push_str(&text[literal..]);
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
    let mut out = String::with_capacity(text.len() + 2);
    double_quoted_onto(&mut out, text, short, unicode, hex);
    out
}

/// [`double_quoted`], onto `out`.
fn double_quoted_onto(
    out: &mut String,
    text: &str,
    short: &[(char, &str)],
    unicode: impl Fn(char) -> bool,
    hex: Hex,
) {
    debug_assert!(short.iter().all(|&(c, _)| c < ' '), "only control characters have short escapes");
    out.push('"');
    // Printable ASCII but `"` and `\` stands for itself in every caller's
    // syntax (their short escapes are all of control characters), as does
    // every other character that is neither named nor picked: each run of
    // them is copied whole, and ASCII is judged by its byte alone.
    let bytes = text.as_bytes();
    let mut literal = 0;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if (b' '..=b'~').contains(&byte) && byte != b'"' && byte != b'\\' {
            at += 1;
            continue;
        }
        // `at` is on a character boundary: each step is an ASCII byte or a
        // whole character.
        let Some(c) = text[at..].chars().next() else { break };
        let named = [('"', "\\\""), ('\\', "\\\\")].iter().chain(short).find(|&&(named, _)| named == c);
        if named.is_none() && !unicode(c) {
            at += c.len_utf8();
            continue;
        }
        out.push_str(&text[literal..at]);
        if let Some((_, escape)) = named {
            out.push_str(escape);
        } else {
            let _ = match hex {
                Hex::Lower => write!(out, "\\u{:04x}", c as u32),
                Hex::Upper => write!(out, "\\u{:04X}", c as u32),
            };
        }
        at += c.len_utf8();
        literal = at;
    }
    out.push_str(&text[literal..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

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
            let expected = c.is_alphanumeric() || PLAIN_PUNCTUATION.contains(c);
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
    fn json_strings_are_escaped_as_serde_json_escapes_them() {
        assert_eq!(
            json_string("a\n\t\r\u{8}\u{c}\u{1b}\"\\\u{7f}é"),
            "\"a\\n\\t\\r\\b\\f\\u001b\\\"\\\\\u{7f}é\""
        );
    }

    /// What `double_quoted` did character by character, before it copied
    /// runs of every character that stands for itself.
    fn double_quoted_by_character(
        text: &str,
        short: &[(char, &str)],
        unicode: impl Fn(char) -> bool,
    ) -> String {
        let mut out = String::from("\"");
        for c in text.chars() {
            match [('"', "\\\""), ('\\', "\\\\")].iter().chain(short).find(|&&(named, _)| named == c) {
                Some((_, escape)) => out.push_str(escape),
                None if unicode(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
                None => out.push(c),
            }
        }
        out.push('"');
        out
    }

    proptest::proptest! {
        #[test]
        fn quotes_in_runs_as_character_by_character(text in "([ -~\t\n\r\u{7f}-\u{c0}é…\u{2028}\u{feff}]){0,40}") {
            let yaml = double_quoted_by_character(&text, &[('\n', "\\n"), ('\t', "\\t")], yaml_unreadable);
            proptest::prop_assert_eq!(yaml_double_quoted(&text), yaml);
            proptest::prop_assert_eq!(toml_string(&text), double_quoted_by_character(&text, &[], char::is_control));
        }
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
