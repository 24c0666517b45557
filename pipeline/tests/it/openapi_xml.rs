//! A catalogue with an XML body (`media_type: application/xml`): in both
//! documents, every response's body is `application/xml`, `ErrorBody`
//! names its root with OpenAPI's XML Object, and each example is the XML
//! a server writes, matching the schema: the root, then one element per
//! member it lists, each required one there, each text escaped.

use errcat_pipeline::emit::openapi::{self, Version};
use serde_yaml::Value;

use crate::fixtures::catalogues;

/// The child elements of the root of `example` (name, text), when it is
/// the declaration and the element `root` holding only elements of text.
fn members<'a>(example: &'a str, root: &str) -> Vec<(&'a str, &'a str)> {
    let rest = example.strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").expect("the declaration");
    let mut rest = rest
        .strip_prefix(&format!("<{root}>"))
        .and_then(|rest| rest.strip_suffix(&format!("</{root}>")))
        .unwrap_or_else(|| panic!("{example:?} is no <{root}>"));
    let mut members = Vec::new();
    while !rest.is_empty() {
        let open = rest.strip_prefix('<').unwrap_or_else(|| panic!("{rest:?} is no element"));
        let (name, after) = open.split_once('>').expect("a start tag");
        let (text, after) = after.split_once(&format!("</{name}>")).expect("an end tag");
        assert!(!text.contains('<'), "{text:?} holds markup");
        for (at, _) in text.match_indices('&') {
            let reference = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#13;"];
            assert!(reference.iter().any(|r| text[at..].starts_with(r)), "{text:?} has a bare `&`");
        }
        members.push((name, text));
        rest = after;
    }
    members
}

#[test]
fn xml_bodies_are_documented_as_xml_with_examples_that_match_the_schema() {
    let xml_catalogues: Vec<_> =
        catalogues().into_iter().filter(|c| c.body.as_ref().is_some_and(|b| b.xml.is_some())).collect();
    assert!(xml_catalogues.len() >= 2, "the S3 and XML body fixtures");
    for catalogue in &xml_catalogues {
        let root = &catalogue.body.as_ref().unwrap().xml.as_ref().unwrap().root;
        for version in [Version::V3_1, Version::V3_0] {
            let document: Value = serde_yaml::from_str(&openapi::emit_openapi(catalogue, version)).unwrap();
            let body = &document["components"]["schemas"]["ErrorBody"];
            assert_eq!(body["xml"]["name"].as_str(), Some(root.as_str()));
            let properties = body["properties"].as_mapping().expect("properties");
            let required: Vec<&str> =
                body["required"].as_sequence().unwrap().iter().filter_map(Value::as_str).collect();
            let mut seen = 0;
            for (name, response) in document["components"]["responses"].as_mapping().unwrap() {
                let Some(content) = response["content"].as_mapping() else { continue };
                assert!(content.get("application/json").is_none(), "{name:?} answers JSON");
                let examples = content.get("application/xml").expect("an XML body")["examples"].as_mapping();
                for example in examples.into_iter().flat_map(|examples| examples.values()) {
                    let text = example["value"].as_str().expect("an example is the XML text");
                    let members = members(text, root);
                    for (element, _) in &members {
                        assert!(properties.contains_key(*element), "{element} is no property");
                    }
                    for element in &required {
                        assert_eq!(members.iter().filter(|(e, _)| e == element).count(), 1, "{text}");
                    }
                    seen += 1;
                }
            }
            assert!(seen > 0, "{} has XML examples", catalogue.crate_name);
        }
    }
}
