//! What text the generated crate can carry: the characters that rustc,
//! cargo or clippy refuse in the docs and the manifest that spec text
//! reaches, and how a message shows a name that holds them.

/// What is wrong with each character of `value` (the spec's `field`) that
/// the generated crate cannot carry, and how to fix it.
pub(super) fn refused_characters(field: &str, value: &str) -> Vec<(String, &'static str)> {
    let mut refused = Vec::new();
    if let Some(bidi) = value.chars().find(|c| BIDI_CONTROLS.contains(c)) {
        refused.push((
            format!(
                "contains U+{:04X}, a bidirectional control that can make text read differently from what it is",
                u32::from(bidi)
            ),
            "remove it: rustc refuses it in the generated docs (the marks U+200E and U+200F are allowed)",
        ));
    }
    if value.contains('\r') {
        refused.push((
            "contains a carriage return".to_owned(),
            "remove it, and write a line break as `\\n` alone: rustc refuses a carriage return in the generated docs",
        ));
    }
    if value.contains('\0') {
        refused.push((
            "contains a NUL character".to_owned(),
            "remove it: cargo cannot hand it to rustc (the title is the package's description)",
        ));
    }
    // A name sits in a code span of the docs, where no escape reaches it.
    if field == "name" && value.contains('\t') {
        refused.push((
            "contains a tab".to_owned(),
            "write spaces instead: clippy refuses a tab in the generated docs (`tabs_in_doc_comments`)",
        ));
    }
    refused
}

/// A name as a problem's message shows it: the characters
/// [`refused_characters`] refuses escaped, so that the message itself
/// reads as what it is.
pub(super) fn shown(name: &str) -> String {
    name.chars()
        .map(|c| {
            if BIDI_CONTROLS.contains(&c) || matches!(c, '\r' | '\0') {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The characters of rustc's `text_direction_codepoint_in_comment` and
/// `text_direction_codepoint_in_literal` lints: embeddings, overrides,
/// isolates and their terminators.
const BIDI_CONTROLS: &[char] = &[
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}',
];
