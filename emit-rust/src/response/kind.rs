//! `ApiErrorKind`: what a response says about its error, the code, else
//! (with an HTTP status table) the status, else the raw numbers; and the
//! recovery of a status the catalogue does not list.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::super::tokens::{doc, ident};
use super::{Sample, example};
use errcat_model::{Catalogue, CodeKind};

/// `ApiErrorKind`: the code, else (with an HTTP status table) the status,
/// else the raw numbers.
pub(super) fn emit_kind(catalogue: &Catalogue, sample: &Sample) -> TokenStream {
    // The HTTP status fallback exists only when the catalogue has an HTTP
    // status table.
    let http = catalogue.http_table();
    let (status_variant, status_fallback, status_to_error_code) = match http {
        Some(http) => {
            let name = ident(&http.rust_enum);
            let outer = ident(&http.error_code_variant);
            let docs = doc(&format!(
                "The body has no code the catalogue lists (or no body could be\n\
                 read), but the HTTP status is a row of [`{}`].",
                http.rust_enum
            ));
            (
                quote! { #docs Status(#name), },
                quote! {
                    if let ::core::option::Option::Some(error) = #name::from_code(status as u32) {
                        return Self::Status(error);
                    }
                },
                quote! { Self::Status(error) => ::core::option::Option::Some(ErrorCode::#outer(error)), },
            )
        }
        None => (TokenStream::new(), TokenStream::new(), TokenStream::new()),
    };

    let kind_docs = kind_docs(catalogue, sample);
    // A string code's lookup is not a const fn.
    let constness = (catalogue.codes == CodeKind::Integer).then(|| quote!(const));
    let raw = match catalogue.codes {
        CodeKind::Integer => "raw numbers",
        CodeKind::String => "raw status and code",
    };
    let unknown_docs = doc(&format!(
        "Neither the code nor the status is in the catalogue: the\n{raw}, the code as sent if the body had one."
    ));
    let classify_docs = doc(&format!(
        "Classifies an HTTP status and the body's code, if any: the\n\
         code when the catalogue lists it, else the status when an\n\
         HTTP status table lists it, else the {raw}."
    ));
    let recovery = (!catalogue.recoveries.is_empty()).then(|| emit_kind_recovery(catalogue));
    quote! {
        #kind_docs
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ApiErrorKind {
            /// The body's code (or an alias of it) is in the catalogue.
            Code(ErrorCode),
            #status_variant
            #unknown_docs
            Unknown {
                /// The HTTP status.
                status: u16,
                /// The body's code, if the body could be read.
                code: ::core::option::Option<BodyCode>,
            },
        }

        impl ApiErrorKind {
            #classify_docs
            #[must_use]
            pub #constness fn classify(status: u16, code: ::core::option::Option<BodyCode>) -> Self {
                // Not nested `if let`s: clippy asks for a let chain from
                // Rust 1.88 on, which a crate for 1.85 cannot write.
                let listed = match code {
                    ::core::option::Option::Some(body_code) => body_code.error_code(),
                    ::core::option::Option::None => ::core::option::Option::None,
                };
                if let ::core::option::Option::Some(error) = listed {
                    return Self::Code(error);
                }
                #status_fallback
                Self::Unknown { status, code }
            }

            /// The catalogue's error, if the code or the status is listed.
            #[must_use]
            pub const fn error_code(self) -> ::core::option::Option<ErrorCode> {
                match self {
                    Self::Code(error) => ::core::option::Option::Some(error),
                    #status_to_error_code
                    Self::Unknown { .. } => ::core::option::Option::None,
                }
            }

            #recovery
        }
    }
}

/// `ApiErrorKind::recovery`: the error's, else the one the catalogue
/// gives an unlisted status.
fn emit_kind_recovery(catalogue: &Catalogue) -> TokenStream {
    // Statuses the catalogue does not list, with the recovery the spec
    // gives them (`unlisted_statuses`).
    let by_status =
        catalogue.recoveries.iter().filter(|recovery| !recovery.unlisted_statuses.is_empty()).map(|recovery| {
            let patterns = status_patterns(&recovery.unlisted_statuses);
            let variant = ident(&recovery.rust_variant);
            quote! {
                Self::Unknown { status: #(#patterns)|*, .. } => ::core::option::Option::Some(Recovery::#variant),
            }
        });
    let by_status: Vec<TokenStream> = by_status.collect();
    let unlisted = if by_status.is_empty() {
        quote! { ::core::option::Option::None }
    } else {
        quote! {
            match self {
                #(#by_status)*
                _ => ::core::option::Option::None,
            }
        }
    };
    quote! {
        /// What a client should do, if the catalogue says: the recovery of
        /// the error, else the one the catalogue gives an unlisted status.
        #[must_use]
        pub const fn recovery(self) -> ::core::option::Option<Recovery> {
            match self.error_code() {
                ::core::option::Option::Some(error) => error.recovery(),
                ::core::option::Option::None => #unlisted,
            }
        }
    }
}

/// The docs of `ApiErrorKind`, with an example from the sample row.
fn kind_docs(catalogue: &Catalogue, sample: &Sample) -> TokenStream {
    let Sample { krate, table, row, path, unknown, body_code, .. } = sample;
    let unknown_code = body_code(unknown);
    let http = catalogue.http_table();
    let fallback_example = match http.map(|http| &http.rows[0]) {
        Some(status_row) => format!(
            "\n\n// An unlisted code falls back on the HTTP status.\n\
             let kind = ApiErrorKind::classify({status}, Some({unknown_code}));\n\
             assert_eq!(kind, ApiErrorKind::Status({http}::{variant}));",
            status = status_row.code,
            http = http.map(|h| h.rust_enum.as_str()).unwrap_or_default(),
            variant = status_row.rust_variant,
        ),
        None => String::new(),
    };
    let kind_uses = match http {
        Some(http) if http.rust_enum != table.rust_enum => {
            format!(
                "use {krate}::{{ApiErrorKind, BodyCode, ErrorCode, {}, {}}};",
                table.rust_enum, http.rust_enum
            )
        }
        _ => format!("use {krate}::{{ApiErrorKind, BodyCode, ErrorCode, {}}};", table.rust_enum),
    };
    doc(&format!(
        "The most specific thing a response says about its error.\n\n{}",
        example(
            &kind_uses,
            format!(
                "let kind = ApiErrorKind::classify({status}, Some({code}));\n\
                 assert_eq!(kind, ApiErrorKind::Code({path}));{fallback_example}\n\n\
                 let kind = ApiErrorKind::classify(299, Some({unknown_code}));\n\
                 assert_eq!(kind, ApiErrorKind::Unknown {{ status: 299, code: Some({unknown_code}) }});",
                status = row.http_status,
                code = body_code(&row.code.rust_literal()),
            )
        ),
    ))
}

/// Patterns matching `statuses`: runs of consecutive statuses as ranges
/// (`502..=504`), the others alone, ascending.
fn status_patterns(statuses: &[u16]) -> Vec<TokenStream> {
    let mut sorted = statuses.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut patterns = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let start = sorted[i];
        let mut end = start;
        while i + 1 < sorted.len() && sorted[i + 1] == end + 1 {
            i += 1;
            end = sorted[i];
        }
        let (first, last) = (Literal::u16_unsuffixed(start), Literal::u16_unsuffixed(end));
        patterns.push(if start == end { quote!(#first) } else { quote!(#first..=#last) });
        i += 1;
    }
    patterns
}
