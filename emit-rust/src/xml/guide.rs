//! The crate guide's section on reading an XML error body: the sample
//! row's body as a service sends it (a declaration, indentation, a member
//! the catalogue does not declare), and a body that is no error body.

use super::super::guide::Section;
use super::sample_members;
use errcat_model::text::rust_str;
use errcat_model::{Body, BodyRole, Catalogue, Row, Table, XmlBody};

/// `ApiError::from_response` on the sample row's XML body and on an HTML page.
pub(in super::super) fn parse_example(
    catalogue: &Catalogue,
    body: &Body,
    xml: &XmlBody,
    table: &Table,
    row: &Row,
) -> Section {
    let krate = catalogue.crate_ident();
    // As a service pretty-prints it, with a member the spec does not declare.
    let mut members = sample_members(body, row, Some("4442587FB7D0A2F9"));
    members.push(("HostId", "a1b2".to_owned()));
    let sent = xml.pretty(members.iter().map(|(name, text)| (*name, text.as_str())));
    let mut checks = format!(
        "assert_eq!(error.kind(), ApiErrorKind::Code(ErrorCode::{}({}::{})));",
        table.error_code_variant, table.rust_enum, row.rust_variant
    );
    if let Some(member) = body.member(BodyRole::OccurrenceId) {
        checks.push_str(&format!(
            "\nassert_eq!(error.body().and_then(|body| body.{}.as_deref()), Some(\"4442587FB7D0A2F9\"));",
            member.rust_field
        ));
    }
    let status = row.http_status.max(400);
    let code = format!(
        "# #[cfg(feature = \"serde\")] {{\n\
         use {krate}::{{ApiError, ApiErrorKind, ErrorCode, {table}}};\n\n\
         let body = {sent};\n\
         let error = ApiError::from_response({status}, body.as_bytes());\n\
         {checks}\n\n\
         // A body that is not the catalogue's XML is kept, byte for byte.\n\
         let error = ApiError::from_response(502, b\"<html>Bad Gateway</html>\");\n\
         assert!(error.body().is_none());\n\
         assert_eq!(error.raw_body(), b\"<html>Bad Gateway</html>\");\n\
         # }}",
        table = table.rust_enum,
        sent = rust_str(&sent),
    );
    Section {
        heading: "Parse an error response".to_owned(),
        intro: format!(
            "With the `serde` feature, `ApiError::from_response` turns an HTTP status and \
             the body's bytes into the most specific error it can: the code of the XML body \
             (`<{root}>` and its members, as `application/xml`; the text of each, references \
             and CDATA read, other elements skipped) if the catalogue lists it, else the HTTP \
             status, else the raw status and code. A JSON body with the same members is read \
             too. Nothing the service sent is lost.",
            root = xml.root,
        ),
        code,
        http: true,
    }
}
