//! A lock's names: JSON strings on one line of plain text, written and
//! read back exactly, whatever their characters.

use std::fmt::Write as _;

/// A name as the lock writes it: a JSON string on one line of plain text.
/// Every character a reader or an editor might not take literally is a
/// `\uXXXX` escape (a surrogate pair past U+FFFF): controls, line and
/// paragraph separators, the byte-order mark and the non-characters.
pub(crate) fn quote(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    push_quoted(&mut out, name);
    out
}

/// [`quote`], appended to `out`.
pub(crate) fn push_quoted(out: &mut String, name: &str) {
    out.push('"');
    for c in name.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if needs_escape(c) => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Whether [`quote`] writes `c` as an escape.
fn needs_escape(c: char) -> bool {
    let code = c as u32;
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
}

/// The inverse of [`quote`], for a whole field: a JSON string, read exactly
/// (every JSON escape, and any character written raw, as in older locks).
pub(crate) fn unquote(field: &str) -> Option<String> {
    let inner = field.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return None,
            '\\' => {}
            c => {
                out.push(c);
                continue;
            }
        }
        let escaped = match chars.next()? {
            c @ ('"' | '\\' | '/') => c,
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let unit = hex4(&mut chars)?;
                let low = if (0xD800..0xDC00).contains(&unit) {
                    let (backslash, u) = (chars.next()?, chars.next()?);
                    (backslash == '\\' && u == 'u').then_some(())?;
                    Some(hex4(&mut chars)?)
                } else {
                    None
                };
                char::decode_utf16(std::iter::once(unit).chain(low)).next()?.ok()?
            }
            _ => return None,
        };
        out.push(escaped);
    }
    Some(out)
}

/// Four hex digits of a `\u` escape, as a UTF-16 code unit.
fn hex4(chars: &mut std::str::Chars<'_>) -> Option<u16> {
    let digits: String = chars.by_ref().take(4).collect();
    (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| u16::from_str_radix(&digits, 16).ok())?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_quotes() {
        for name in ["Bad Request", "say \"hi\"", "back\\slash", "two\nlines\ttab", " padded ", "Ω \u{7f}"] {
            let quoted = quote(name);
            assert!(!quoted.contains('\n'), "{quoted}");
            assert_eq!(unquote(&quoted).as_deref(), Some(name), "{quoted}");
        }
        assert_eq!(unquote("Bad"), None);
        assert_eq!(unquote("\""), None);
    }

    /// Text made of the characters a line-based reader trips on, with
    /// any other character between them.
    fn hostile_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let special = prop::sample::select(vec![
            '\0',
            '\t',
            '\n',
            '\r',
            '\u{b}',
            '\u{c}',
            '\u{1b}',
            '\u{7f}',
            '\u{85}',
            '\u{9f}',
            '\u{a0}',
            '\u{2028}',
            '\u{2029}',
            '\u{FEFF}',
            '\u{FFFE}',
            '\u{FFFF}',
            '\u{FDD0}',
            '\u{D7FF}',
            '\u{E000}',
            '\u{FFFD}',
            '\u{10000}',
            '\u{1FFFE}',
            '\u{10FFFF}',
            '"',
            '\\',
            ' ',
            '#',
            ':',
            'u',
        ]);
        prop::collection::vec(prop_oneof![special, any::<char>()], 0..24).prop_map(String::from_iter)
    }

    proptest::proptest! {
        #[test]
        fn any_name_reads_back_exactly(name in hostile_text(), other in proptest::prelude::any::<String>()) {
            for name in [&name, &other] {
                let quoted = quote(name);
                proptest::prop_assert!(!quoted.contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{FEFF}']), "{quoted}");
                proptest::prop_assert_eq!(unquote(&quoted), Some(name.clone()));
            }
        }
    }

    #[test]
    fn escapes_of_older_locks_still_read() {
        assert_eq!(unquote(r#""a\u001b\u00e9\n\t\/\"""#).as_deref(), Some("a\u{1b}\u{e9}\n\t/\""));
        assert_eq!(unquote("\"raw \u{2028} \u{FFFE}\"").as_deref(), Some("raw \u{2028} \u{FFFE}"));
        assert_eq!(unquote(r#""\ud83d\ude00""#).as_deref(), Some("\u{1F600}"));
        for broken in [r#""\ud83d""#, r#""\ude00""#, r#""\u12""#, r#""\x41""#, r#""a"b""#, r#""\""#] {
            assert_eq!(unquote(broken), None, "{broken}");
        }
    }
}
