//! The fixed XML half of the generated crate (`body: media_type:
//! application/xml`): one forward pass that finds the text of the root's
//! child elements an XML error body names, and the escaper a server's body
//! is written with. Copied item by item into the `response` module.
//!
//! The reader is tolerant and bounded: a prolog (declaration, comments,
//! processing instructions, a document type), whitespace, comments and
//! CDATA anywhere, the five predefined entities and numeric character
//! references; elements it was not asked for are skipped, nested ones too;
//! anything it cannot read is `None`, never a panic. Every byte is looked
//! at a bounded number of times (a reference's `;` is looked for in its
//! next 11 bytes only), so a hostile body costs time linear in its length,
//! and nothing recurses.

/// The text of the child elements of the root named `names`, in their
/// order (the first of each, when one is sent twice), when `body` is an
/// XML document whose root is `root`; `None` when it is not, or is not
/// well formed enough to tell. An element holding elements has no text.
pub(crate) fn xml_members<const N: usize>(
    body: &[u8],
    root: &str,
    names: [&str; N],
) -> ::core::option::Option<[::core::option::Option<String>; N]> {
    let text = ::core::str::from_utf8(body).ok()?;
    let mut rest = skip_misc(text.strip_prefix('\u{feff}').unwrap_or(text))?;
    if let ::core::option::Option::Some(doctype) = rest.strip_prefix("<!DOCTYPE") {
        rest = skip_misc(skip_doctype(doctype)?)?;
    }
    let (name, empty, after) = start_tag(rest)?;
    if name != root {
        return ::core::option::Option::None;
    }
    let mut found: [::core::option::Option<String>; N] = [const { ::core::option::Option::None }; N];
    rest = after;
    if !empty {
        loop {
            // Text directly in the root (whitespace, as a rule) is no member.
            rest = &rest[rest.find('<')?..];
            if let ::core::option::Option::Some(end) = rest.strip_prefix("</") {
                rest = end_tag(end, root)?;
                break;
            }
            if let ::core::option::Option::Some(after) = skip_markup(rest) {
                rest = after?;
                continue;
            }
            if let ::core::option::Option::Some(cdata) = rest.strip_prefix("<![CDATA[") {
                rest = &cdata[cdata.find("]]>")? + 3..];
                continue;
            }
            let (child, empty, after) = start_tag(rest)?;
            let (content, after) = if empty {
                (::core::option::Option::Some(String::new()), after)
            } else {
                element_text(after, child)?
            };
            rest = after;
            // Not an `if let` chain: a crate for Rust 1.85 cannot write one.
            let slot = names.iter().position(|name| *name == child).filter(|slot| found[*slot].is_none());
            if let ::core::option::Option::Some(slot) = slot {
                found[slot] = content;
            }
        }
    }
    // After the root: only whitespace, comments and processing instructions.
    skip_misc(rest)?.is_empty().then_some(found)
}

/// A start tag at the start of `text`: its name, whether it is empty
/// (`<Code/>`), and the text after it. Attributes are skipped, a quoted
/// `>` in one too. (A tuple, not a struct: the crate's type names are
/// reserved ones, which a table's enum may not take.)
fn start_tag(text: &str) -> ::core::option::Option<(&str, bool, &str)> {
    let after = text.strip_prefix('<')?;
    let name_len = after.find(|c: char| is_space(c) || c == '/' || c == '>').unwrap_or(after.len());
    let name = &after[..name_len];
    if name.is_empty() || name.starts_with(['!', '?']) {
        return ::core::option::Option::None;
    }
    let mut rest = &after[name_len..];
    loop {
        let at = rest.find(['"', '\'', '>'])?;
        let quote = rest.as_bytes()[at];
        if quote == b'>' {
            let empty = rest[..at].ends_with('/');
            return ::core::option::Option::Some((name, empty, &rest[at + 1..]));
        }
        let value = &rest[at + 1..];
        rest = &value[value.find(char::from(quote))? + 1..];
    }
}

/// The text after an end tag whose name follows `</` at the start of
/// `text`, when it is `name`'s.
fn end_tag<'a>(text: &'a str, name: &str) -> ::core::option::Option<&'a str> {
    let after = text.strip_prefix(name)?.trim_start_matches(is_space);
    after.strip_prefix('>')
}

/// The content of an element whose start tag ended where `text` starts,
/// up to its end tag `</name>`: its text (references replaced, CDATA
/// kept, line ends made `\n` as XML makes them), or `None` for an element
/// that holds elements; and the text after the end tag.
fn element_text<'a>(
    mut text: &'a str,
    name: &str,
) -> ::core::option::Option<(::core::option::Option<String>, &'a str)> {
    let mut content = String::new();
    let mut has_elements = false;
    let mut depth = 0_usize;
    loop {
        let at = text.find(['<', '&'])?;
        push_line_ends(&mut content, &text[..at]);
        text = &text[at..];
        if text.starts_with('&') {
            text = push_reference(&mut content, text);
        } else if let ::core::option::Option::Some(cdata) = text.strip_prefix("<![CDATA[") {
            let end = cdata.find("]]>")?;
            push_line_ends(&mut content, &cdata[..end]);
            text = &cdata[end + 3..];
        } else if let ::core::option::Option::Some(after) = skip_markup(text) {
            text = after?;
        } else if let ::core::option::Option::Some(end) = text.strip_prefix("</") {
            if depth == 0 {
                let rest = end_tag(end, name)?;
                let content = if has_elements {
                    ::core::option::Option::None
                } else {
                    ::core::option::Option::Some(content)
                };
                return ::core::option::Option::Some((content, rest));
            }
            depth -= 1;
            text = &end[end.find('>')? + 1..];
        } else {
            let (_, empty, after) = start_tag(text)?;
            has_elements = true;
            depth += usize::from(!empty);
            text = after;
        }
    }
}

/// `text` with each `\r\n` and lone `\r` as `\n`, pushed onto `out`.
fn push_line_ends(out: &mut String, text: &str) {
    let mut parts = text.split('\r');
    if let ::core::option::Option::Some(first) = parts.next() {
        out.push_str(first);
    }
    for part in parts {
        out.push('\n');
        out.push_str(part.strip_prefix('\n').unwrap_or(part));
    }
}

/// The reference at the start of `text` (`&amp;`, `&#233;`, `&#xE9;`)
/// pushed onto `out` as the character it names, and the text after it; a
/// `&` that starts no reference the reader knows is pushed as it is.
fn push_reference<'a>(out: &mut String, text: &'a str) -> &'a str {
    // `&#x10FFFF;` is the longest reference: its `;` is byte 10 at most.
    let window = &text.as_bytes()[..text.len().min(11)];
    let named = window.iter().position(|b| *b == b';').and_then(|end| {
        let name = &text[1..end];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let number = match name.strip_prefix("#x") {
                    ::core::option::Option::Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    ::core::option::Option::None => name.strip_prefix('#').and_then(|dec| dec.parse().ok()),
                };
                number.and_then(char::from_u32)?
            }
        };
        ::core::option::Option::Some((c, end + 1))
    });
    match named {
        ::core::option::Option::Some((c, len)) => {
            out.push(c);
            &text[len..]
        }
        ::core::option::Option::None => {
            out.push('&');
            &text[1..]
        }
    }
}

/// Whitespace, comments and processing instructions at the start of
/// `text` skipped; `None` for one that does not end.
fn skip_misc(mut text: &str) -> ::core::option::Option<&str> {
    loop {
        text = text.trim_start_matches(is_space);
        match skip_markup(text) {
            ::core::option::Option::Some(after) => text = after?,
            ::core::option::Option::None => return ::core::option::Option::Some(text),
        }
    }
}

/// The text after the comment or processing instruction at the start of
/// `text` (`Some(None)` when it does not end), or `None` when none starts there.
#[allow(clippy::option_option)]
fn skip_markup(text: &str) -> ::core::option::Option<::core::option::Option<&str>> {
    let (body, end) = if let ::core::option::Option::Some(body) = text.strip_prefix("<!--") {
        (body, "-->")
    } else if let ::core::option::Option::Some(body) = text.strip_prefix("<?") {
        (body, "?>")
    } else {
        return ::core::option::Option::None;
    };
    ::core::option::Option::Some(body.find(end).map(|at| &body[at + end.len()..]))
}

/// The text after a document type declaration whose `<!DOCTYPE` ended
/// where `text` starts: up to its `>`, past any quoted text and any
/// internal subset in `[…]` (whose declarations may hold `>`, and whose
/// comments and processing instructions may hold a lone quote).
fn skip_doctype(mut text: &str) -> ::core::option::Option<&str> {
    let mut in_subset = false;
    loop {
        let at = text.find(['"', '\'', '[', ']', '>', '<'])?;
        let c = text.as_bytes()[at];
        let after = &text[at + 1..];
        match c {
            b'"' | b'\'' => text = &after[after.find(char::from(c))? + 1..],
            b'<' if in_subset => {
                text = match skip_markup(&text[at..]) {
                    ::core::option::Option::Some(rest) => rest?,
                    ::core::option::Option::None => after,
                }
            }
            b'<' => text = after,
            b'[' => (in_subset, text) = (true, after),
            b']' => (in_subset, text) = (false, after),
            _ if in_subset => text = after,
            _ => return ::core::option::Option::Some(after),
        }
    }
}

/// XML's whitespace: space, tab, line feed, carriage return.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// `text` pushed onto `out` as the content of an element: `&`, `<`, `>`,
/// both quotes and every control character but tab and line feed as
/// references, so that the reader above (and, but for control characters
/// XML 1.0 cannot carry, any XML reader) gives back exactly `text`.
pub(crate) fn push_xml_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => {
                let _ = ::core::fmt::Write::write_fmt(out, format_args!("&#{};", u32::from(c)));
            }
            c => out.push(c),
        }
    }
}

/// The element `<name>text</name>`, `text` escaped, pushed onto `out`.
pub(crate) fn push_xml_element(out: &mut String, name: &str, text: &str) {
    out.push('<');
    out.push_str(name);
    out.push('>');
    push_xml_text(out, text);
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}
