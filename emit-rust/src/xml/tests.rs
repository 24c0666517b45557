//! The fixed XML reader and escaper, as the generated crate runs them:
//! tolerant of what real XML has, exact on the texts, linear and
//! panic-free on anything.

use proptest::prelude::*;

use super::reader::{push_xml_element, xml_members};

const NAMES: [&str; 4] = ["Code", "Message", "RequestId", "Resource"];

fn read(body: &str) -> Option<[Option<String>; 4]> {
    xml_members(body.as_bytes(), "Error", NAMES)
}

fn some(texts: [Option<&str>; 4]) -> Option<[Option<String>; 4]> {
    Some(texts.map(|text| text.map(str::to_owned)))
}

#[test]
fn a_quote_in_a_comment_of_the_internal_subset_opens_no_string() {
    let body = "<!DOCTYPE Error [<!-- don't --><?pi \"?><!ENTITY e 'x'>]><Error><Code>A</Code></Error>";
    assert_eq!(read(body), some([Some("A"), None, None, None]));
    // An unterminated comment there ends the document: no body, no panic.
    assert_eq!(read("<!DOCTYPE Error [<!-- ]><Error><Code>A</Code></Error>"), None);
}

#[test]
fn reads_an_s3_error_body() {
    let body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
                <Error>\n  <Code>NoSuchKey</Code>\n  <Message>The resource you requested does not exist</Message>\n  \
                <Resource>/mybucket/myfoto.jpg</Resource>\n  <RequestId>4442587FB7D0A2F9</RequestId>\n</Error>";
    assert_eq!(
        read(body),
        some([
            Some("NoSuchKey"),
            Some("The resource you requested does not exist"),
            Some("4442587FB7D0A2F9"),
            Some("/mybucket/myfoto.jpg"),
        ])
    );
}

#[test]
fn takes_what_real_xml_has() {
    let body = "\u{feff}<?xml version='1.0'?><!-- a comment --><?pi x?>\
                <!DOCTYPE Error [<!ENTITY e \"a>b\">]>\r\n\
                <Error xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\" a='>'>\
                <!-- c --><Unknown><Deep><Code>no</Code></Deep></Unknown>\
                <Code><![CDATA[A<&>]]>&amp;&lt;&gt;&quot;&apos;&#233;&#xE9;</Code>\
                <Message>line\r\nend\rx &unknown; & &#xD800; &#13;</Message>\
                <RequestId/><Code>second</Code><Resource><a/>text</Resource></Error>\n<!-- after -->\n";
    assert_eq!(
        read(body),
        some([Some("A<&>&<>\"'éé"), Some("line\nend\nx &unknown; & &#xD800; \r"), Some(""), None])
    );
}

#[test]
fn what_is_not_the_body_is_none() {
    for body in [
        "",
        "<html>Bad Gateway</html>",
        "{\"code\":1}",
        "<Error><Code>x</Code>",
        "<Error><Code>x</Error>",
        "<Error><Code>x</Code></Error><Error/>",
        "<Error><!-- open",
        "<Error><Code><![CDATA[x</Code></Error>",
        "<Error a=\"></Error>",
        "<?xml version='1.0'",
        "<Error></Error>trailing",
    ] {
        assert_eq!(read(body), None, "{body:?}");
    }
    assert_eq!(xml_members(b"<Error>\xff</Error>", "Error", NAMES), None);
    assert_eq!(read("<Error/>"), some([None; 4]));
}

/// A text as the crate writes it in an element, and reads it back.
fn round_trip(text: &str) -> Option<String> {
    let mut body = String::from("<Error>");
    push_xml_element(&mut body, "Message", text);
    body.push_str("</Error>");
    read(&body).and_then(|[_, message, _, _]| message)
}

#[test]
fn every_text_comes_back_as_it_was() {
    for text in ["<&>\"'", "ünïcødé ✓ 𝄞", "a\r\nb\rc\t\u{0}\u{1b}", "]]>", "&amp;", ""] {
        assert_eq!(round_trip(text).as_deref(), Some(text));
    }
}

/// Times `read` on a hostile body of `n` bytes.
fn hostile_time(make: fn(usize) -> String, n: usize) -> std::time::Duration {
    let body = make(n);
    let start = std::time::Instant::now();
    std::hint::black_box(read(&body));
    start.elapsed()
}

#[test]
fn hostile_bodies_take_linear_time() {
    let hostile: [fn(usize) -> String; 6] = [
        |n| format!("<Error><Code>{}", "&".repeat(n)),
        |n| format!("<Error>{}", "<a>".repeat(n / 3)),
        |n| format!("<Error>{}", "<!--".repeat(n / 4)),
        |n| format!("<Error><Code>{}</Code></Error>", "&#x1234".repeat(n / 7)),
        |n| format!("<Error a=\"{}", "'>".repeat(n / 2)),
        |n| format!("<!DOCTYPE [{}", "\"".repeat(n)),
    ];
    for make in hostile {
        // A linear pass reads 64 KiB in milliseconds, unoptimised; one that
        // goes back over what it read (a quadratic reader) takes seconds.
        let time = (0..3).map(|_| hostile_time(make, 64 * 1024)).min().unwrap();
        assert!(time < std::time::Duration::from_secs(1), "{time:?}");
    }
}

proptest! {
    #[test]
    fn any_bytes_read_without_a_panic(body in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = xml_members(&body, "Error", NAMES);
    }

    #[test]
    fn any_xml_ish_text_reads_without_a_panic(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("<Error>"), Just("</Error>"), Just("<Code>"), Just("</Code>"), Just("<Code/>"),
                Just("<!--"), Just("-->"), Just("<![CDATA["), Just("]]>"), Just("&"), Just("&#x"),
                Just(";"), Just("\""), Just("'"), Just(">"), Just("<"), Just("x"), Just("é"), Just("\r"),
                Just("<?"), Just("?>"), Just("<!DOCTYPE"), Just("["), Just("]"),
            ],
            0..64,
        )
    ) {
        let _ = read(&parts.concat());
    }

    #[test]
    fn any_text_round_trips(text in "\\PC*|[<&>\"'\r\n\t ]*") {
        prop_assert_eq!(round_trip(&text), Some(text));
    }
}
