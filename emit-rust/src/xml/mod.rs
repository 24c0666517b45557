//! XML error bodies (`body: media_type: application/xml`) in the generated
//! crate: `ApiError` reading one (`from_response` hands a body that is not
//! a JSON object to `ApiError::read_xml`), `ErrorBody::to_xml`, and axum
//! answering with it. The reader and the escaper are fixed code, `reader.rs`,
//! compiled and tested here; what names the body's members is generated.

pub(super) mod guide;
#[cfg(test)]
mod reader;
#[cfg(test)]
mod tests;

use proc_macro2::TokenStream;
use quote::quote;

use super::examples::sample_row;
use super::splice::Fixed;
use super::tokens::{doc, ident};
use errcat_model::text::rust_str;
use errcat_model::xml::XML_DECLARATION;
use errcat_model::{Body, BodyRole, Catalogue, CodeKind, MessageText, Row, XmlBody};

/// The reader and the escaper, spliced in verbatim.
const READER_SOURCE: &str = include_str!("reader.rs");

/// The XML body a service sends for `row`: its code, its message, and
/// the occurrence id `occurrence` when given, as the body declares them.
pub(super) fn sample_xml(body: &Body, xml: &XmlBody, row: &Row, occurrence: Option<&str>) -> String {
    let members = sample_members(body, row, occurrence);
    xml.document(members.iter().map(|(name, text)| (*name, text.as_str())))
}

/// The members of `row`'s body (element name, text), in the body's order.
pub(super) fn sample_members<'a>(
    body: &'a Body,
    row: &Row,
    occurrence: Option<&str>,
) -> Vec<(&'a str, String)> {
    let message = match body.message_text {
        MessageText::Name => &row.name,
        MessageText::Description => &row.description,
    };
    body.members
        .iter()
        .filter_map(|member| {
            let text = match member.role {
                BodyRole::Code => row.code.to_string(),
                BodyRole::Message => message.clone(),
                BodyRole::OccurrenceId => occurrence?.to_owned(),
                BodyRole::Details => return None,
            };
            Some((member.key.as_str(), text))
        })
        .collect()
}

/// The early return of `ApiError::from_response` for a body that is not a
/// JSON object, as `api_error.rs` writes it, and as an XML catalogue's
/// crate reads such a body instead.
pub(super) fn not_json_return() -> (syn::Expr, syn::Expr) {
    (
        syn::parse_quote! {
            if first != ::core::option::Option::Some(&b'{') {
                return;
            }
        },
        syn::parse_quote! {
            if first != ::core::option::Option::Some(&b'{') {
                return self.read_xml();
            }
        },
    )
}

/// The items of the `response` module an XML body adds: the reader,
/// `ErrorBody::read_xml` and `to_xml`, and `ApiError::read_xml`.
pub(super) fn emit_xml_response(catalogue: &Catalogue, body: &Body, xml: &XmlBody) -> TokenStream {
    let reader = Fixed::parse(READER_SOURCE);
    let root = &xml.root;
    let names = body.members.iter().map(|member| &member.key);
    let vars: Vec<_> = body.members.iter().map(|member| ident(&member.rust_field)).collect();
    let code_var = ident(&body.code().rust_field);
    let required: Vec<_> = body
        .members
        .iter()
        .filter(|member| member.required)
        .map(|member| ident(&member.rust_field))
        .collect();
    // One required member (the code alone) is matched bare: `(code)` would
    // be parentheses the compiler warns about, not a tuple.
    let (scrutinee, pattern) = match required.as_slice() {
        [one] => (quote! { #one }, quote! { ::core::option::Option::Some(#one) }),
        many => (quote! { (#(#many),*) }, quote! { (#(::core::option::Option::Some(#many)),*) }),
    };
    let code_of = match catalogue.codes {
        CodeKind::Integer => quote! { .and_then(|text| parse_decimal(text).map(BodyCode::new)) },
        CodeKind::String => quote! { .and_then(BodyCode::new) },
    };
    let writes = body.members.iter().map(|member| {
        let (name, key) = (ident(&member.rust_field), &member.key);
        match (member.role, member.required) {
            (BodyRole::Code, _) => {
                quote! { push_xml_element(&mut out, #key, &::alloc::format!("{}", self.#name)); }
            }
            (_, true) => quote! { push_xml_element(&mut out, #key, &self.#name); },
            (_, false) => quote! {
                if let ::core::option::Option::Some(value) = &self.#name {
                    push_xml_element(&mut out, #key, value);
                }
            },
        }
    });
    let start = format!("{XML_DECLARATION}\n<{root}>");
    let end = format!("</{root}>");
    let to_xml_docs = to_xml_docs(catalogue, body, xml);
    quote! {
        #reader

        impl ErrorBody {
            /// The code and the body of an XML error body: `None` when the
            /// bytes are not an XML document with the body's root; the
            /// body when it has every member it needs, and the code when
            /// it sends one (a code too long to be a `BodyCode` is none).
            #[allow(clippy::type_complexity)]
            fn read_xml(
                body: &[u8],
            ) -> ::core::option::Option<(::core::option::Option<BodyCode>, ::core::option::Option<ErrorBody>)> {
                let [#(#vars),*] = xml_members(body, #root, [#(#names),*])?;
                let #code_var = #code_var.as_deref().map(|text| text.trim_matches(is_space))#code_of;
                let parsed = match #scrutinee {
                    #pattern => ::core::option::Option::Some(ErrorBody { #(#vars),* }),
                    _ => ::core::option::Option::None,
                };
                ::core::option::Option::Some((#code_var, parsed))
            }

            #to_xml_docs
            #[must_use]
            pub fn to_xml(&self) -> String {
                let mut out = String::from(#start);
                #(#writes)*
                out.push_str(#end);
                out
            }
        }

        impl ApiError {
            /// A response whose body is not a JSON object: read as the
            /// catalogue's XML body, kept as it came when it is not one.
            fn read_xml(&mut self) {
                let (code, parsed) = ErrorBody::read_xml(&self.raw).unwrap_or((::core::option::Option::None, ::core::option::Option::None));
                self.kind = ApiErrorKind::classify(self.status, code);
                self.body = parsed;
            }
        }
    }
}

/// `to_xml`'s docs: the sample row's body, and a text that needs escaping
/// read back as it was.
fn to_xml_docs(catalogue: &Catalogue, body: &Body, xml: &XmlBody) -> TokenStream {
    let (table, row) = sample_row(catalogue);
    let path = table.rust_path(row);
    let krate = catalogue.crate_ident();
    let document = sample_xml(body, xml, row, None);
    let mut example = format!(
        "```\nuse {krate}::{{{api_error}ErrorBody, {table}}};\n\n\
         let body = ErrorBody::from({path});\n\
         assert_eq!(body.to_xml(), {document});\n",
        table = table.rust_enum,
        document = rust_str(&document),
        api_error = if body.member(BodyRole::OccurrenceId).is_some() { "ApiError, " } else { "" },
    );
    if let Some(member) = body.member(BodyRole::OccurrenceId) {
        example.push_str(&format!(
            "\n// Every text is escaped, and read back as it was.\n\
             let body = body.with_{field}(\"<&>\\\"' ünï\");\n\
             let read = ApiError::from_response({status}, body.to_xml().as_bytes());\n\
             assert_eq!(read.body(), Some(&body));\n",
            field = member.rust_field,
            status = row.http_status,
        ));
    }
    example.push_str("```");
    doc(&format!(
        "The body as an XML document (`application/xml`), as a server answers\n\
         with it: the declaration, then `<{root}>` with a child element per\n\
         member, each text escaped.\n\n{example}",
        root = xml.root,
    ))
}

/// axum's `IntoResponse` for `ErrorBody` with an XML body: the status of
/// its code (`500` for one the catalogue does not list, or lists without
/// a status) and `to_xml()`.
pub(super) fn server_answer(catalogue: &Catalogue, body: &Body) -> TokenStream {
    let code_field = ident(&body.code().rust_field);
    // A row without a status (`http_status: none`) is answered as a code
    // the catalogue does not list.
    let status = match catalogue.any_statusless() {
        true => quote! { .and_then(ErrorCode::status_code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR) },
        false => quote! { .map_or(StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::status_code) },
    };
    quote! {
        /// Answers with the status of the body's code (`500` for a code the
        /// catalogue does not list, or lists without a status) and the body
        /// as `application/xml` (feature `axum`).
        impl IntoResponse for ErrorBody {
            fn into_response(self) -> Response {
                let status = self.#code_field.error_code()#status;
                let mut response = Response::new(Body::from(self.to_xml()));
                *response.status_mut() = status;
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/xml"));
                response
            }
        }
    }
}

#[cfg(test)]
mod splice_tests {
    use quote::ToTokens;

    use super::{Fixed, READER_SOURCE, not_json_return};

    /// `api_error.rs`, whose early return an XML body's crate replaces.
    const API_ERROR_SOURCE: &str = include_str!("../response/api_error.rs");

    #[test]
    fn the_early_return_for_a_body_that_is_no_json_object_is_replaced_once() {
        let (json, xml) = not_json_return();
        let count = |fixed: &Fixed, expr: &syn::Expr| {
            fixed.to_token_stream().to_string().matches(&expr.to_token_stream().to_string()).count()
        };
        let fixed = Fixed::parse(API_ERROR_SOURCE).cfg("errcat_params", false);
        assert_eq!(count(&fixed, &json), 1);
        let fixed = fixed.replace_expr(&json, &xml);
        assert_eq!((count(&fixed, &json), count(&fixed, &xml)), (0, 1));
    }

    #[test]
    fn the_reader_has_no_doc_slots() {
        assert!(Fixed::parse(READER_SOURCE).slots().is_empty());
    }
}
