//! An XML error body in the documents (`body: media_type:
//! application/xml`): the `ErrorBody` schema with OpenAPI's XML Object
//! naming its root (the members are its child elements, named as the
//! properties are), and each example the XML text a server sends.

use serde::Serialize;

use super::code_schema_name;
use super::schema::Schema;
use crate::emit::sample::Sample;
use errcat_model::{Body, Catalogue, Code, CodeKind, Row, XmlBody};

/// OpenAPI's XML Object, as the documents use it: the element's name.
#[derive(Serialize)]
pub(super) struct Xml {
    pub(super) name: String,
}

/// The schema of an XML body: `members` (the properties, each a child
/// element of the root, holding text) under the root's name.
pub(super) fn body_schema(catalogue: &Catalogue, body: &Body, xml: &XmlBody, mut members: Schema) -> Schema {
    if let Some(code) = members.properties.as_mut().and_then(|properties| {
        properties.0.iter_mut().find(|(key, _)| *key == body.code().key).map(|(_, schema)| schema)
    }) {
        let code_schemas: Vec<String> =
            catalogue.tables.iter().map(|table| format!("`{}`", code_schema_name(table))).collect();
        code.description = Some(format!(
            "The error code, the element's text{}: one of `KnownCodes` ({}). Services may add codes, so \
             a code outside the lists (`UnlistedCodes`) is still valid.",
            match catalogue.codes {
                CodeKind::Integer => " in decimal digits",
                CodeKind::String => "",
            },
            code_schemas.join(", ")
        ));
    }
    Schema {
        title: Some("Error body".to_owned()),
        description: Some(format!(
            "The XML body of an error response (`application/xml`): the element `<{root}>`, whose child \
             elements are the members, each holding text (escaped as XML escapes it); other elements \
             may follow.",
            root = xml.root
        )),
        xml: Some(Xml { name: xml.root.clone() }),
        ..members
    }
}

/// The example of the body `row` is answered with under `code`: the
/// JSON value of `Sample::body`, or for an XML body the document a
/// server writes, as a string.
pub(super) fn body_example(catalogue: &Catalogue, body: &Body, row: &Row, code: &Code) -> Sample {
    let sample = Sample::body(catalogue, body, row, code);
    let (Some(xml), Sample::Object(members)) = (&body.xml, &sample) else {
        return sample;
    };
    let texts: Vec<(&str, String)> =
        members.0.iter().map(|(key, value)| (key.as_str(), value.shown())).collect();
    Sample::Text(xml.document(texts.iter().map(|(key, text)| (*key, text.as_str()))))
}
