//! How a server builds an `ErrorBody`: from one of the catalogue's errors
//! (`From`), or from a code and a message (`ErrorBody::new`), with the
//! optional members added one by one (`with_…`). Generated from the spec's
//! `body:`, like the struct itself.

use proc_macro2::TokenStream;
use quote::quote;

use super::super::examples::{body_json, sample_row};
use super::super::tokens::{doc, ident};
use errcat_model::text::{json_string, rust_str};
use errcat_model::{Body, BodyRole, Catalogue, MessageText};

/// `From<ErrorCode>` and `From` each table enum for `ErrorBody`, its `new`
/// and a `with_…` builder per optional member.
pub(super) fn emit_build(catalogue: &Catalogue, body: &Body, uses: &str, path: &str) -> TokenStream {
    let (_, row) = sample_row(catalogue);
    let message = body.member(BodyRole::Message);
    let message_of = match body.message_text {
        MessageText::Name => quote! { error.name() },
        MessageText::Description => quote! { error.description() },
    };
    let from_fields = body.members.iter().map(|member| {
        let name = ident(&member.rust_field);
        match member.role {
            BodyRole::Code => quote! { #name: BodyCode::from(error), },
            BodyRole::Message => quote! { #name: String::from(#message_of), },
            BodyRole::Details | BodyRole::OccurrenceId => quote! { #name: ::core::option::Option::None, },
        }
    });
    let new_fields = body.members.iter().map(|member| {
        let name = ident(&member.rust_field);
        match member.role {
            BodyRole::Code => quote! { #name: code.into(), },
            BodyRole::Message => quote! { #name: message.into(), },
            BodyRole::Details | BodyRole::OccurrenceId => quote! { #name: ::core::option::Option::None, },
        }
    });
    let message_param = message.map(|_| quote! { , message: impl ::core::convert::Into<String> });
    let message_text = match body.message_text {
        MessageText::Name => &row.name,
        MessageText::Description => &row.description,
    };
    let json =
        body_json(body, &[(BodyRole::Code, row.code.json()), (BodyRole::Message, json_string(message_text))]);
    let new_call = match message {
        Some(_) => format!("ErrorBody::new({path}, {})", rust_str(message_text)),
        None => format!("ErrorBody::new({path})"),
    };
    let new_docs = doc(&format!(
        "A body with a code{and_message}, without the optional members; a server\n\
         answering one of the catalogue's errors starts from\n\
         `ErrorBody::from(error)` instead, which takes the rest from the catalogue.\n\n\
         ```\n{uses}\nuse {krate}::ErrorBody;\n\n\
         let body = {new_call};\n\
         assert_eq!(body, ErrorBody::from({path}));\n\
         assert_eq!(serde_json::to_string(&body).unwrap(), {json});\n\
         ```",
        and_message = if message.is_some() { " and a message" } else { "" },
        krate = catalogue.crate_ident(),
        json = rust_str(&json),
    ));
    let builders = body.members.iter().filter(|member| !member.required).map(|member| {
        let name = ident(&member.rust_field);
        let method = ident(&format!("with_{}", member.rust_field));
        let docs = doc(&format!(
            "The body with `{key}`: {description}\n\n\
             ```\n{uses}\nuse {krate}::ErrorBody;\n\n\
             let body = ErrorBody::from({path}).{method}(\"a1b2\");\n\
             assert_eq!(body.{name}.as_deref(), Some(\"a1b2\"));\n\
             ```",
            key = member.key,
            description = member.description,
            krate = catalogue.crate_ident(),
        ));
        quote! {
            #docs
            #[must_use]
            pub fn #method(mut self, value: impl ::core::convert::Into<String>) -> Self {
                self.#name = ::core::option::Option::Some(value.into());
                self
            }
        }
    });
    let from_tables = catalogue.tables.iter().map(|table| {
        let name = ident(&table.rust_enum);
        let docs = doc(&format!("The same body as for `ErrorCode::{}`.", table.error_code_variant));
        quote! {
            #docs
            impl ::core::convert::From<super::#name> for ErrorBody {
                fn from(error: super::#name) -> Self {
                    Self::from(ErrorCode::from(error))
                }
            }
        }
    });
    let message_doc = match body.message_text {
        MessageText::Name => "name",
        MessageText::Description => "description",
    };
    let from_docs = doc(&format!(
        "The error's code{}, without the optional members.",
        if message.is_some() { format!(" and its {message_doc} as the message") } else { String::new() }
    ));
    quote! {
        #from_docs
        impl ::core::convert::From<ErrorCode> for ErrorBody {
            fn from(error: ErrorCode) -> Self {
                Self { #(#from_fields)* }
            }
        }

        #(#from_tables)*

        impl ErrorBody {
            #new_docs
            #[must_use]
            pub fn new(code: impl ::core::convert::Into<BodyCode> #message_param) -> Self {
                Self { #(#new_fields)* }
            }

            #(#builders)*
        }
    }
}
