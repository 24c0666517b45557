//! The server's localized answers (feature `axum`, for a catalogue with a
//! body): `Locale` as an extractor, negotiated from the request's
//! `Accept-Language`, and `Localized`, an error answered in a locale with
//! `Content-Language` and the localized texts in the body (problem
//! details' `title` and `detail`). The code never changes.

use proc_macro2::TokenStream;
use quote::quote;

use super::super::examples::sample_row;
use super::super::tokens::{doc, ident};
use super::{values, with_locales};
use errcat_model::locales::Locales;
use errcat_model::text::rust_str;
use errcat_model::{BodyRole, Catalogue, MessageText};

/// The `localized` module; nothing without a body.
pub(super) fn emit_server(catalogue: &Catalogue, locales: &Locales) -> TokenStream {
    let Some(body) = &catalogue.body else { return TokenStream::new() };
    let problem = catalogue.problem_details.is_some();
    // The members that carry localized text: problem details' `title` and
    // `detail`, or the body's message.
    let text_keys: Vec<String> = match (problem, body.member(BodyRole::Message)) {
        (true, _) => vec!["title".to_owned(), "detail".to_owned()],
        (false, Some(member)) => vec![member.key.clone()],
        (false, None) => Vec::new(),
    };
    let find = match (&body.envelope, problem) {
        (Some(envelope), false) => quote! { json.get_mut(#envelope).and_then(Value::as_object_mut) },
        _ => quote! { json.as_object_mut() },
    };
    let (answer, content_type) = if problem {
        (quote!(crate::ProblemDetails), "application/problem+json")
    } else {
        (quote!(crate::ErrorBody), "application/json")
    };
    let error_code_text = error_code_text(problem, !text_keys.is_empty(), body.message_text);
    let tables = catalogue.tables.iter().map(|table| {
        let name = ident(&table.rust_enum);
        quote! {
            /// Answers as `Localized<ErrorCode>` does.
            impl IntoResponse for Localized<crate::#name> {
                fn into_response(self) -> Response {
                    Localized { error: crate::ErrorCode::from(self.error), locale: self.locale }.into_response()
                }
            }
        }
    });
    let value_answers = value_answers(catalogue, problem, !text_keys.is_empty());
    let insert = (!text_keys.is_empty()).then(|| {
        quote! {
            let mut json = json;
            let json_ref = &mut json;
            if let (::core::option::Option::Some((texts, _)), ::core::option::Option::Some(members)) = (&text, {
                let json = json_ref;
                #find
            }) {
                for (key, text) in KEYS.iter().zip(texts) {
                    members.insert(::alloc::string::String::from(*key), Value::String(text.clone()));
                }
            }
        }
    });
    let localizes = match (problem, text_keys.is_empty()) {
        (true, _) => Some(Localizes::Problem),
        (false, false) => Some(Localizes::Message(body.message_text)),
        (false, true) => None,
    };
    let docs = localized_docs(catalogue, locales, content_type, localizes);
    let answer_fn = answer_fn(insert, content_type, &text_keys);
    let problem_texts = problem.then(problem_texts);
    quote! {
        #[cfg(feature = "axum")]
        pub use localized::Localized;

        /// Answering errors in the request's language (feature `axum`).
        #[cfg(feature = "axum")]
        mod localized {
            use ::axum_core::body::Body;
            use ::axum_core::extract::FromRequestParts;
            use ::axum_core::response::{IntoResponse, Response};
            use ::http::header::{ACCEPT_LANGUAGE, CONTENT_LANGUAGE, CONTENT_TYPE};
            use ::http::{HeaderValue, StatusCode};
            use ::serde_json::Value;

            use crate::Locale;

            #docs
            #[derive(Clone, Debug, PartialEq)]
            pub struct Localized<T> {
                /// The error.
                pub error: T,
                /// The locale its texts are in.
                pub locale: Locale,
            }

            /// The request's locale, negotiated from its `Accept-Language`
            /// header (the default without one): never rejects.
            impl<S: Sync> FromRequestParts<S> for Locale {
                type Rejection = ::core::convert::Infallible;

                async fn from_request_parts(
                    parts: &mut ::http::request::Parts,
                    _: &S,
                ) -> ::core::result::Result<Self, Self::Rejection> {
                    let header = parts.headers.get(ACCEPT_LANGUAGE).and_then(|value| value.to_str().ok());
                    ::core::result::Result::Ok(Locale::negotiate(header.unwrap_or_default()))
                }
            }

            /// Answers as the error does, with the text the body's message
            /// holds (its name or its description; as problem details, its
            /// name in `title` and its description in `detail`) in the locale.
            impl IntoResponse for Localized<crate::ErrorCode> {
                fn into_response(self) -> Response {
                    let (error, locale) = (self.error, self.locale);
                    let text: Text = #error_code_text;
                    answer(error.status_code(), ::serde_json::to_value(#answer::from(error)), text)
                }
            }

            #(#tables)*
            #value_answers

            #answer_fn
            #problem_texts
        }
    }
}

/// The localized texts of an error's own answer (where the body has a
/// member for them, `has_text`): the text its body's message holds, in
/// the locale, its description or its name; as problem details, its
/// name in `title` (as `ProblemDetails::from` puts it there) and its
/// description in `detail`.
fn error_code_text(problem: bool, has_text: bool, message_text: MessageText) -> TokenStream {
    match (problem, has_text, message_text) {
        (true, _, _) => quote! {
            problem_texts(
                error,
                locale,
                ::alloc::string::String::from(error.description_in(locale)),
                error.description_locale(locale),
            )
        },
        (false, true, MessageText::Description) => quote! {
            ::core::option::Option::Some((
                [::alloc::string::String::from(error.description_in(locale))],
                error.description_locale(locale),
            ))
        },
        // A name the locale leaves out is the default's.
        (false, true, MessageText::Name) => quote! {
            {
                let name = error.name_in(locale);
                let written_in = if name == error.name() { Locale::DEFAULT } else { locale };
                ::core::option::Option::Some(([::alloc::string::String::from(name)], written_in))
            }
        },
        (false, false, _) => quote! { { let _ = locale; ::core::option::Option::None } },
    }
}

/// The texts an error's own localized answer carries.
#[derive(Clone, Copy)]
enum Localizes {
    /// The body's message: the error's name or its description.
    Message(MessageText),
    /// Problem details' `title` (its name) and `detail` (its description).
    Problem,
}

/// `Localized`'s docs: a handler answering in the request's locale, and
/// an error whose answer a locale translates (by `localizes`, the texts an
/// error's own answer carries), with its `Content-Language`.
fn localized_docs(
    catalogue: &Catalogue,
    locales: &Locales,
    content_type: &str,
    localizes: Option<Localizes>,
) -> TokenStream {
    let krate = catalogue.crate_ident();
    let (table, row) = sample_row(catalogue);
    // The first answered row some locale translates a text of its answer of.
    let translated = localizes.and_then(|text| {
        locales.others.iter().find_map(|locale| {
            catalogue.rows().find_map(|(table, row)| {
                let texts = locale.row(&row.code)?;
                let has = match text {
                    Localizes::Message(MessageText::Name) => texts.name.is_some(),
                    Localizes::Message(MessageText::Description) => texts.description.is_some(),
                    Localizes::Problem => texts.name.is_some() || texts.description.is_some(),
                };
                (has && (!catalogue.http || row.http_status != 0)).then_some((table, row, locale))
            })
        })
    });
    let (answered, answered_row, other, language) = match translated {
        Some((table, row, locale)) => (
            table,
            row,
            locale.variant(),
            format!(
                "{}\n",
                with_locales(
                    &format!(
                        "assert_eq!(response.headers()[\"content-language\"], {});",
                        rust_str(&locale.tag)
                    ),
                    &format!(
                        "assert_eq!(response.headers()[\"content-language\"], {});",
                        rust_str(&locales.default)
                    ),
                )
            ),
        ),
        None => (
            table,
            row,
            locales.others.first().map_or_else(|| locales.default_variant(), |locale| locale.variant()),
            String::new(),
        ),
    };
    let uses = if answered.rust_enum == table.rust_enum {
        format!("{krate}::{{{}, Locale, Localized}}", table.rust_enum)
    } else {
        format!("{krate}::{{{}, {}, Locale, Localized}}", table.rust_enum, answered.rust_enum)
    };
    doc(&format!(
        "An error answered in a locale (feature `axum`): with its status, its\n\
         body (`{content_type}`), the localized text in it and\n\
         `Content-Language`, while its code never changes. A handler takes the\n\
         request's `Locale` (negotiated from its `Accept-Language`) and answers\n\
         errors in it:\n\n\
         ```\n\
         use {uses};\n\
         use {krate}::axum_core::response::IntoResponse;\n\n\
         async fn handler(locale: Locale) -> Result<(), Localized<{enum_name}>> {{\n    \
             Err(Localized {{ error: {enum_name}::{variant}, locale }})\n\
         }}\n\n\
         let response = Localized {{ error: {answered_enum}::{answered_variant}, locale: Locale::{other} }}.into_response();\n\
         assert_eq!(response.status(), {status});\n\
         {language}\
         # let _ = handler;\n\
         ```\n\n\
         Each table's enum, `ErrorCode`, each value and `ErrorValue` answer so.\n\
         A value's message is rendered in the locale; {own}",
        own = match localizes {
            Some(Localizes::Message(_)) =>
                "an error's own answer carries the text the body's message holds, its\n\
                        name or its description, in the locale (the default's where the locale\n\
                        leaves it out, and `Content-Language` says which).",
            Some(Localizes::Problem) =>
                "problem details carry the\n\
                 error's name in `title` and the value's message, or the error's\n\
                 description, in `detail`, both in the locale (the default's where the\n\
                 locale leaves one out; `Content-Language` names the locale unless\n\
                 neither is translated).",
            None =>
                "an error's own answer has no text of an occurrence to localize, and no\n\
                     `Content-Language`.",
        },
        enum_name = table.rust_enum,
        variant = row.rust_variant,
        answered_enum = answered.rust_enum,
        answered_variant = answered_row.rust_variant,
        status = answered_row.http_status,
    ))
}

/// `answer`: a response of a body's JSON, with the localized texts in
/// their members (`keys`; `insert` puts them there) and `Content-Language`.
fn answer_fn(insert: Option<TokenStream>, content_type: &str, keys: &[String]) -> TokenStream {
    let count = proc_macro2::Literal::usize_unsuffixed(keys.len());
    let keys_const = (!keys.is_empty()).then(|| {
        quote! {
            /// The members of the body that carry the localized texts.
            const KEYS: [&str; #count] = [#(#keys),*];
        }
    });
    quote! {
        #keys_const

        /// The localized texts (one per member) and the locale they are
        /// written in: the one asked for, or the default where a partial
        /// locale leaves them out.
        type Text = ::core::option::Option<([::alloc::string::String; #count], Locale)>;

        /// The answer of `json` with `status`, the localized `text` in its
        /// members; `Content-Language` (the texts' own locale) when there are some.
        fn answer(
            status: StatusCode,
            json: ::core::result::Result<Value, ::serde_json::Error>,
            text: Text,
        ) -> Response {
            let ::core::result::Result::Ok(json) = json else {
                // Strings and numbers always serialise; were they not to,
                // the status still tells the client.
                return status.into_response();
            };
            #insert
            let ::core::result::Result::Ok(bytes) = ::serde_json::to_vec(&json) else {
                return status.into_response();
            };
            let mut response = Response::new(Body::from(bytes));
            *response.status_mut() = status;
            let headers = response.headers_mut();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(#content_type));
            if let ::core::option::Option::Some((_, locale)) = text {
                headers.insert(CONTENT_LANGUAGE, HeaderValue::from_static(locale.tag()));
            }
            response
        }
    }
}

/// `problem_texts`: problem details' `title` and `detail` in a locale.
fn problem_texts() -> TokenStream {
    quote! {
        /// Problem details' texts in `locale`: the error's name as `title`
        /// (the default's where the locale leaves it out) and `detail`,
        /// written in `detail_locale`; in `locale` unless neither is.
        fn problem_texts(
            error: crate::ErrorCode,
            locale: Locale,
            detail: ::alloc::string::String,
            detail_locale: Locale,
        ) -> Text {
            let title = error.name_in(locale);
            let written_in =
                if title == error.name() && detail_locale == Locale::DEFAULT { Locale::DEFAULT } else { locale };
            ::core::option::Option::Some(([::alloc::string::String::from(title), detail], written_in))
        }
    }
}

/// `IntoResponse` for every value in a locale, `ErrorValue` and a value
/// with its occurrence member alike: the body as the value writes it, its
/// message in the locale where the body has a member for it (`has_text`),
/// and as problem details (`problem`) its name as `title` too.
fn value_answers(catalogue: &Catalogue, problem: bool, has_text: bool) -> TokenStream {
    if values(catalogue).is_empty() {
        return TokenStream::new();
    }
    let text = if problem {
        quote! {
            problem_texts(
                crate::value_wire::Params::error_code(&self.error),
                self.locale,
                crate::LocalizedMessage::message_in(&self.error, self.locale),
                crate::LocalizedMessage::message_locale(&self.error, self.locale),
            )
        }
    } else if has_text {
        quote! {
            ::core::option::Option::Some((
                [crate::LocalizedMessage::message_in(&self.error, self.locale)],
                crate::LocalizedMessage::message_locale(&self.error, self.locale),
            ))
        }
    } else {
        quote! { ::core::option::Option::None }
    };
    quote! {
        /// Answers as the value does, with its message in the locale.
        impl<T> IntoResponse for Localized<T>
        where
            T: crate::LocalizedMessage + crate::value_wire::Params + ::serde::Serialize,
        {
            fn into_response(self) -> Response {
                let status = crate::value_wire::Params::error_code(&self.error).status_code();
                let text: Text = #text;
                answer(status, ::serde_json::to_value(&self.error), text)
            }
        }
    }
}
