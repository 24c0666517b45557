//! `ErrorCode`: any code of the catalogue, one variant per table, with the
//! same methods as each table's enum, dispatching to it.

use proc_macro2::TokenStream;
use quote::quote;

use super::examples::unused_code;
use super::tokens::{CodeTokens, doc, ident};
use super::{interop, status_class};
use errcat_model::text::{code_span, markdown_inline, rust_str};
use errcat_model::{Catalogue, CodeKind, Row, Table};

/// `ErrorCode` with everything it implements.
pub(super) fn emit_error_code(catalogue: &Catalogue) -> TokenStream {
    let docs = Docs::new(catalogue);
    let enum_item = emit_enum(catalogue, &docs.enum_docs);
    let methods = emit_methods(catalogue, &docs);
    let traits = emit_trait_impls(catalogue);
    quote! {
        #enum_item
        #methods
        #traits
    }
}

/// The enum: one variant per table, holding that table's enum.
fn emit_enum(catalogue: &Catalogue, enum_docs: &TokenStream) -> TokenStream {
    let variants = catalogue.tables.iter().map(|table| {
        let docs =
            doc(&format!("A code of the table {}: {}.", code_span(&table.id), markdown_inline(&table.title)));
        let variant = ident(&table.error_code_variant);
        let inner = ident(&table.rust_enum);
        quote! { #docs #variant(#inner), }
    });
    quote! {
        #enum_docs
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum ErrorCode {
            #(#variants)*
        }
    }
}

/// The methods, each a `match` over the tables.
fn emit_methods(catalogue: &Catalogue, docs: &Docs) -> TokenStream {
    let Docs {
        from_code_docs,
        code_docs,
        name_docs,
        description_docs,
        explanation_docs,
        causes_docs,
        solutions_docs,
        http_status_docs,
        client_docs,
        server_docs,
        aliases_docs,
        recovery_docs,
        ..
    } = docs;
    let status_class = status_class::methods(client_docs, server_docs);
    let arms = |method: TokenStream| {
        let arms = catalogue.tables.iter().map(|table| {
            let variant = ident(&table.error_code_variant);
            quote! { Self::#variant(error) => error.#method(), }
        });
        quote! { match self { #(#arms)* } }
    };
    let from_code_arms = catalogue.tables.iter().map(|table| {
        let variant = ident(&table.error_code_variant);
        let inner = ident(&table.rust_enum);
        quote! {
            if let ::core::option::Option::Some(error) = #inner::from_code(code) {
                return ::core::option::Option::Some(Self::#variant(error));
            }
        }
    });
    let aliases_arms = arms(quote!(aliases));
    let recovery_arms = arms(quote!(recovery));
    // Without a recovery vocabulary there is no `Recovery` to name.
    let recovery = (!catalogue.recoveries.is_empty()).then(|| {
        quote! {
            #recovery_docs
            #[must_use]
            pub const fn recovery(self) -> ::core::option::Option<Recovery> {
                #recovery_arms
            }
        }
    });
    let http_methods = catalogue.http.then(|| {
        let status_code = interop::error_code_status_code(catalogue);
        let http_status_arms = arms(quote!(http_status));
        quote! {
            #http_status_docs
            #[must_use]
            pub const fn http_status(self) -> u16 {
                #http_status_arms
            }

            #status_code

            #status_class
        }
    });
    let code_arms = arms(quote!(code));
    let CodeTokens { ty: code_ty, param: code_param, constness, .. } = CodeTokens::of(catalogue);
    let inline = (catalogue.codes == CodeKind::String).then(|| quote! { #[inline] });
    let name_arms = arms(quote!(name));
    let description_arms = arms(quote!(description));
    let explanation_arms = arms(quote!(explanation));
    let causes_arms = arms(quote!(causes));
    let solutions_arms = arms(quote!(solutions));

    quote! {
        impl ErrorCode {
            #from_code_docs
            #[must_use]
            #inline
            pub #constness fn from_code(code: #code_param) -> ::core::option::Option<Self> {
                #(#from_code_arms)*
                ::core::option::Option::None
            }

            #code_docs
            #[must_use]
            pub const fn code(self) -> #code_ty {
                #code_arms
            }

            #name_docs
            #[must_use]
            pub const fn name(self) -> &'static str {
                #name_arms
            }

            #description_docs
            #[must_use]
            pub const fn description(self) -> &'static str {
                #description_arms
            }

            #explanation_docs
            #[must_use]
            pub const fn explanation(self) -> ::core::option::Option<&'static str> {
                #explanation_arms
            }

            #causes_docs
            #[must_use]
            pub const fn causes(self) -> &'static [&'static str] {
                #causes_arms
            }

            #solutions_docs
            #[must_use]
            pub const fn solutions(self) -> &'static [&'static str] {
                #solutions_arms
            }

            #http_methods

            #aliases_docs
            #[must_use]
            pub const fn aliases(self) -> &'static [#code_ty] {
                #aliases_arms
            }

            #recovery
        }
    }
}

/// `Display`, `Error`, and the conversions from and to the code (`u32` or
/// `&str`) and from each table's enum.
fn emit_trait_impls(catalogue: &Catalogue) -> TokenStream {
    let CodeTokens { ty: code_ty, unknown, .. } = CodeTokens::of(catalogue);
    let (impl_lifetime, try_from_ty) = match catalogue.codes {
        CodeKind::Integer => (None, quote!(u32)),
        CodeKind::String => (Some(quote!(<'a>)), quote!(&'a str)),
    };
    let display_arms = catalogue.tables.iter().map(|table| {
        let variant = ident(&table.error_code_variant);
        quote! { Self::#variant(error) => ::core::fmt::Display::fmt(error, f), }
    });
    let from_impls = catalogue.tables.iter().map(|table| {
        let variant = ident(&table.error_code_variant);
        let inner = ident(&table.rust_enum);
        quote! {
            impl ::core::convert::From<#inner> for ErrorCode {
                fn from(error: #inner) -> Self {
                    Self::#variant(error)
                }
            }
        }
    });

    quote! {
        impl ::core::fmt::Display for ErrorCode {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self { #(#display_arms)* }
            }
        }

        impl ::core::error::Error for ErrorCode {}

        impl #impl_lifetime ::core::convert::TryFrom<#try_from_ty> for ErrorCode {
            type Error = UnknownCodeError;

            // The error type by name: `Self::Error` would be ambiguous with a variant `Error`.
            fn try_from(code: #try_from_ty) -> ::core::result::Result<Self, UnknownCodeError> {
                Self::from_code(code).ok_or(#unknown)
            }
        }

        impl ::core::convert::From<ErrorCode> for #code_ty {
            fn from(error: ErrorCode) -> #code_ty {
                error.code()
            }
        }

        #(#from_impls)*
    }
}

/// The docs of the enum and its methods, with examples from the first and
/// last tables.
struct Docs {
    enum_docs: TokenStream,
    from_code_docs: TokenStream,
    code_docs: TokenStream,
    name_docs: TokenStream,
    description_docs: TokenStream,
    explanation_docs: TokenStream,
    causes_docs: TokenStream,
    solutions_docs: TokenStream,
    http_status_docs: TokenStream,
    client_docs: TokenStream,
    server_docs: TokenStream,
    aliases_docs: TokenStream,
    recovery_docs: TokenStream,
}

impl Docs {
    fn new(catalogue: &Catalogue) -> Self {
        let krate = catalogue.crate_ident();
        let first_table = &catalogue.tables[0];
        let last_table = &catalogue.tables[catalogue.tables.len() - 1];
        let (first, last) = (&first_table.rows[0], &last_table.rows[0]);
        let path = |table: &Table, row: &Row| {
            format!("ErrorCode::{}({}::{})", table.error_code_variant, table.rust_enum, row.rust_variant)
        };
        let uses = if first_table.rust_enum == last_table.rust_enum {
            format!("use {krate}::{{ErrorCode, {}}};", first_table.rust_enum)
        } else {
            format!("use {krate}::{{ErrorCode, {}, {}}};", first_table.rust_enum, last_table.rust_enum)
        };
        let example = |body: String| format!("```\n{uses}\n\n{body}\n```");

        let enum_docs = doc(&format!(
            "Any code of the catalogue, from whichever table lists it.\n\n\
             Codes are unique across tables, so a bare {code_word} finds its table.\n\n{}",
            example(format!(
                "let error = ErrorCode::from_code({code});\n\
                 assert_eq!(error, Some({path}));\n\
                 {status}",
                code = last.code.rust_literal(),
                path = path(last_table, last),
                status = if catalogue.http {
                    format!("assert_eq!(error.map(|e| e.http_status()), Some({}));", last.http_status)
                } else {
                    format!("assert_eq!(error.map(|e| e.name()), Some({}));", rust_str(&last.name))
                },
            )),
            code_word = match catalogue.codes {
                CodeKind::Integer => "number",
                CodeKind::String => "code",
            },
        ));
        let from_code_docs = doc(&format!(
            "The code `code` of whichever table lists it.\n\n{}",
            example(format!(
                "assert_eq!(ErrorCode::from_code({}), Some({}));\n\
                 assert_eq!(ErrorCode::from_code({}), None);",
                first.code.rust_literal(),
                path(first_table, first),
                unused_code(catalogue),
            )),
        ));
        let getter_docs = |what: &str, call: &str, value: String| {
            doc(&format!(
                "{what}\n\n{}",
                example(format!("assert_eq!({}.{call}(), {value});", path(last_table, last)))
            ))
        };
        let code_docs = getter_docs(
            match catalogue.codes {
                CodeKind::Integer => "The numeric code.",
                CodeKind::String => "The code.",
            },
            "code",
            last.code.rust_literal(),
        );
        let name_docs =
            getter_docs("The name, exactly as the catalogue prints it.", "name", rust_str(&last.name));
        let description_docs = getter_docs(
            "The description, exactly as the catalogue prints it.",
            "description",
            rust_str(&last.description),
        );
        let explanation_docs = getter_docs(
            "What the error means, at more length than the description, exactly\n\
             as the catalogue prints it, if it says.",
            "explanation",
            match &last.explanation {
                Some(text) => format!("Some({})", rust_str(text)),
                None => "None".to_owned(),
            },
        );
        let list_docs = |what: &str, method: &str, texts: &[String]| {
            let texts: Vec<String> = texts.iter().map(|text| rust_str(text)).collect();
            let check = if texts.is_empty() {
                format!("assert!({}.{method}().is_empty());", path(last_table, last))
            } else {
                format!("assert_eq!({}.{method}(), [{}]);", path(last_table, last), texts.join(", "))
            };
            doc(&format!("{what}\n\n{}", example(check)))
        };
        let causes_docs = list_docs(
            "What can cause the error, each exactly as the catalogue prints it\n\
             (empty when it lists none).",
            "causes",
            &last.causes,
        );
        let solutions_docs = list_docs(
            "What can be done about the error, each exactly as the catalogue\n\
             prints it (empty when it lists none).",
            "solutions",
            &last.solutions,
        );
        let http_status_docs = getter_docs(
            "The HTTP status that a service answers this error with.",
            "http_status",
            last.http_status.to_string(),
        );
        let aliases_docs = doc(&format!(
            "Other codes that services send for this error.\n\n{}",
            example(if last.aliases.is_empty() {
                format!("assert!({}.aliases().is_empty());", path(last_table, last))
            } else {
                let aliases: Vec<String> = last.aliases.iter().map(|alias| alias.rust_literal()).collect();
                format!("assert_eq!({}.aliases(), &[{}]);", path(last_table, last), aliases.join(", "))
            }),
        ));
        let recovery_docs = doc(&format!(
            "What a client should do about this error, if the catalogue says.\n\n{}",
            example(format!(
                "assert_eq!({}.recovery(), {});",
                path(last_table, last),
                match &last.recovery {
                    Some(recovery) => format!("Some({krate}::Recovery::{})", recovery.rust_variant()),
                    None => "None".to_owned(),
                }
            )),
        ));
        let class_docs = |what: &str, method: &str, yes: bool| {
            getter_docs(
                &format!(
                    "Whether a service answers this error with a {what} status, as `http::StatusCode::{method}` tells."
                ),
                method,
                yes.to_string(),
            )
        };
        let client_docs = class_docs("client error (4xx)", "is_client_error", last.http_status < 500);
        let server_docs = class_docs("server error (5xx)", "is_server_error", last.http_status >= 500);
        Self {
            enum_docs,
            from_code_docs,
            code_docs,
            name_docs,
            description_docs,
            explanation_docs,
            causes_docs,
            solutions_docs,
            http_status_docs,
            client_docs,
            server_docs,
            aliases_docs,
            recovery_docs,
        }
    }
}
