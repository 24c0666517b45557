//! Text helpers shared by the emitters.

/// Escapes `text` so CommonMark renders it as exactly its characters:
/// every ASCII punctuation mark that can start markup gets a backslash.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        // Tabs and other controls become character references: rendered
        // the same, but safe in a `///` comment or a table cell.
        if c.is_control() && c != '\n' {
            out.push_str(&format!("&#{};", c as u32));
            continue;
        }
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '#' | '~' | '!') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `text` as an inline code span, fenced with enough backticks that none
/// inside it can close the span early.
pub fn code_span(text: &str) -> String {
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape_markdown("a_b *c* [d](e) <f> & | $int32"),
            r"a\_b \*c\* \[d\](e) \<f\> \& \| $int32"
        );
        assert_eq!(escape_markdown(r"back\slash `tick`"), r"back\\slash \`tick\`");
        assert_eq!(escape_markdown("tab\there\r"), "tab&#9;here&#13;");
    }

    #[test]
    fn code_spans_survive_backticks() {
        assert_eq!(code_span("400 Bad Request"), "`400 Bad Request`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
    }
}
