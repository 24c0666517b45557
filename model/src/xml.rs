//! XML error bodies (`body: media_type: application/xml`): the root
//! element, which names an element may take, and how a text is written in
//! one, for every emitter that shows or builds such a body.

/// An XML error body: its members are the child elements of `root`
/// (`<Error><Code>NoSuchKey</Code>…</Error>`), each holding text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlBody {
    /// The root element's name (`Error`).
    pub root: String,
}

impl crate::Body {
    /// The body's media type: `application/xml` for an XML body, else
    /// `application/json`.
    pub fn media_type(&self) -> &'static str {
        if self.xml.is_some() { "application/xml" } else { "application/json" }
    }
}

/// The declaration every XML body a server writes starts with.
pub const XML_DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8"?>"#;

impl XmlBody {
    /// The document with `members` (element name, text) as the root's
    /// children, in this order, each text escaped: what a server sends.
    pub fn document<'a>(&self, members: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
        let mut out = format!("{XML_DECLARATION}\n<{}>", self.root);
        for (name, text) in members {
            out.push_str(&format!("<{name}>{}</{name}>", xml_text(text)));
        }
        out.push_str(&format!("</{}>", self.root));
        out
    }

    /// [`document`](Self::document) as people read it: each member on a
    /// line of its own, indented by two spaces.
    pub fn pretty<'a>(&self, members: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
        let mut out = format!("{XML_DECLARATION}\n<{}>\n", self.root);
        for (name, text) in members {
            out.push_str(&format!("  <{name}>{}</{name}>\n", xml_text(text)));
        }
        out.push_str(&format!("</{}>", self.root));
        out
    }
}

/// Whether `name` is an element name the generated reader matches
/// exactly: an XML 1.0 `Name` without `:` (namespaces are not resolved),
/// not starting with `xml` in any case (reserved by the XML
/// recommendation). Non-ASCII letters are allowed, as XML allows them.
pub fn is_xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let starts = first == '_' || first.is_alphabetic();
    let rest = chars.all(|c| c == '_' || c == '-' || c == '.' || c.is_alphanumeric());
    starts && rest && !name.get(..3).is_some_and(|head| head.eq_ignore_ascii_case("xml"))
}

/// `text` as the content of an XML element, as the generated crate's
/// `to_xml` writes it: `&`, `<`, `>` and both quotes as entities, and every
/// control character but a tab and a line feed (a carriage return, which
/// a parser would turn into a line feed, among them) as a character
/// reference, so that the crate's reader gives back exactly `text`.
pub fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push_str(&format!("&#{};", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_xml_names_without_namespaces_or_the_reserved_prefix() {
        for name in ["Error", "Code", "_x", "Request-Id", "a.b", "Größe", "RequestId2"] {
            assert!(is_xml_name(name), "{name}");
        }
        for name in ["", "1st", "a b", "ns:Code", "-x", "xmlns", "XMLData", "a<b", "é\u{0}"] {
            assert!(!is_xml_name(name), "{name}");
        }
    }

    #[test]
    fn a_document_escapes_every_text() {
        let body = XmlBody { root: "Error".to_owned() };
        assert_eq!(
            body.document([("Code", "A&B"), ("Message", "<\"it's\">\r\n")]),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <Error><Code>A&amp;B</Code><Message>&lt;&quot;it&apos;s&quot;&gt;&#13;\n</Message></Error>"
        );
    }

    #[test]
    fn control_characters_are_references_as_the_crate_writes_them() {
        // The generated crate's `to_xml` doc test compares its own output
        // with this function's: a name with an escape character among them.
        assert_eq!(xml_text("Bad\u{1b}Key\t\u{7f}\u{85}"), "Bad&#27;Key\t&#127;&#133;");
    }
}
