//! `ErrorCode`: any code of the catalogue, one variant per table, with the
//! same methods as each table's enum, dispatching to it.

use proc_macro2::TokenStream;
use quote::quote;

use super::examples::unused_code;
use super::status_class::{shown_status, status_type};
use super::tokens::{CodeTokens, doc, ident};
use super::{interop, status_class};
use crate::DOCS;
use errcat_model::text::{code_span, rust_str};
use errcat_model::{Catalogue, CodeKind, Row, Table};

/// `ErrorCode` with everything it implements.
pub(super) fn emit_error_code(catalogue: &Catalogue) -> TokenStream {
    let ex = Examples::new(catalogue);
    let enum_item = emit_enum(catalogue, &ex);
    let methods = emit_methods(catalogue, &ex);
    let traits = emit_trait_impls(catalogue);
    quote! {
        #enum_item
        #methods
        #traits
    }
}

/// What the examples name: the first row of the first table, and the
/// first row of the last table (which most examples read).
struct Examples<'a> {
    krate: String,
    uses: String,
    first_table: &'a Table,
    first: &'a Row,
    last_table: &'a Table,
    last: &'a Row,
}

impl<'a> Examples<'a> {
    fn new(catalogue: &'a Catalogue) -> Self {
        let krate = catalogue.crate_ident().to_string();
        let first_table = &catalogue.tables[0];
        let last_table = &catalogue.tables[catalogue.tables.len() - 1];
        let uses = if first_table.rust_enum == last_table.rust_enum {
            format!("use {krate}::{{ErrorCode, {}}};", first_table.rust_enum)
        } else {
            format!("use {krate}::{{ErrorCode, {}, {}}};", first_table.rust_enum, last_table.rust_enum)
        };
        Examples {
            krate,
            uses,
            first_table,
            first: &first_table.rows[0],
            last_table,
            last: &last_table.rows[0],
        }
    }

    /// Docs: `what`, then an example with `body`.
    fn doc(&self, what: &str, body: String) -> TokenStream {
        doc(&format!("{what}\n\n```\n{}\n\n{body}\n```", self.uses))
    }

    /// Docs: `what`, then an example that the last table's first row
    /// answers `call` with `value`.
    fn getter(&self, what: &str, call: &str, value: String) -> TokenStream {
        self.doc(what, format!("assert_eq!({}.{call}(), {value});", self.last_path()))
    }

    fn first_path(&self) -> String {
        path(self.first_table, self.first)
    }

    fn last_path(&self) -> String {
        path(self.last_table, self.last)
    }
}

/// `ErrorCode::Table(Enum::Variant)` of a row.
fn path(table: &Table, row: &Row) -> String {
    format!("ErrorCode::{}({}::{})", table.error_code_variant, table.rust_enum, row.rust_variant)
}

/// The enum: one variant per table, holding that table's enum.
fn emit_enum(catalogue: &Catalogue, ex: &Examples) -> TokenStream {
    let last = ex.last;
    let enum_docs = ex.doc(
        &format!(
            "Any code of the catalogue, from whichever table lists it.\n\n\
             Codes are unique across tables, so a bare {} finds its table.",
            match catalogue.codes {
                CodeKind::Integer => "number",
                CodeKind::String => "code",
            }
        ),
        format!(
            "let error = ErrorCode::from_code({code});\n\
             assert_eq!(error, Some({path}));\n\
             {status}",
            code = last.code.rust_literal(),
            path = ex.last_path(),
            status = if catalogue.http {
                format!(
                    "assert_eq!(error.map(|e| e.http_status()), Some({}));",
                    shown_status(catalogue.any_statusless(), last.http_status)
                )
            } else {
                format!("assert_eq!(error.map(|e| e.name()), Some({}));", rust_str(&last.name))
            },
        ),
    );
    let variants = catalogue.tables.iter().map(|table| {
        let docs =
            doc(&format!("A code of the table {}: {}.", code_span(&table.id), DOCS.inline(&table.title)));
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
fn emit_methods(catalogue: &Catalogue, ex: &Examples) -> TokenStream {
    let from_code = emit_from_code(catalogue, ex);
    let facts = emit_facts(catalogue, ex);
    let http = catalogue.http.then(|| emit_http(catalogue, ex));
    let aliases = emit_aliases(catalogue, ex);
    // Without a recovery vocabulary there is no `Recovery` to name.
    let recovery = (!catalogue.recoveries.is_empty()).then(|| emit_recovery(catalogue, ex));
    quote! {
        impl ErrorCode {
            #from_code
            #facts
            #http
            #aliases
            #recovery
        }
    }
}

/// `match self` with an arm per table calling `method` on its enum.
/// `arms` of a status getter: a table whose rows all have a status gives
/// its `u16`, wrapped where `ErrorCode`'s is an `Option` (`optional`).
fn arms_as(catalogue: &Catalogue, method: &str, optional: bool) -> TokenStream {
    if !optional {
        return arms(catalogue, method);
    }
    let method = ident(method);
    let arms = catalogue.tables.iter().map(|table| {
        let variant = ident(&table.error_code_variant);
        if catalogue.statusless(table) {
            quote! { Self::#variant(error) => error.#method(), }
        } else {
            quote! { Self::#variant(error) => ::core::option::Option::Some(error.#method()), }
        }
    });
    quote! { match self { #(#arms)* } }
}

/// `http_statuses`: every status of the code, from its table's.
fn emit_http_statuses(catalogue: &Catalogue, ex: &Examples) -> TokenStream {
    let (table, row) =
        catalogue.rows().find(|(_, row)| !row.other_statuses.is_empty()).unwrap_or((ex.last_table, ex.last));
    let all: Vec<String> = row.statuses().map(|status| status.to_string()).collect();
    let docs = doc(&format!(
        "Every HTTP status a service may answer with for this code, in spec\n\
         order: the first is `http_status()`, the usual one; none for an error\n\
         that travels without a status.\n\n\
         ```\n\
         use {krate}::{{ErrorCode, {name}}};\n\n\
         let error = ErrorCode::{outer}({name}::{variant});\n\
         {listed}\n\
         ```",
        krate = ex.krate,
        name = table.rust_enum,
        outer = table.error_code_variant,
        variant = row.rust_variant,
        listed = if all.is_empty() {
            "assert!(error.http_statuses().is_empty());".to_owned()
        } else {
            format!("assert_eq!(error.http_statuses(), &[{}]);", all.join(", "))
        },
    ));
    let arms = arms(catalogue, "http_statuses");
    quote! {
        #docs
        #[must_use]
        pub const fn http_statuses(self) -> &'static [u16] {
            #arms
        }
    }
}

fn arms(catalogue: &Catalogue, method: &str) -> TokenStream {
    let method = ident(method);
    let arms = catalogue.tables.iter().map(|table| {
        let variant = ident(&table.error_code_variant);
        quote! { Self::#variant(error) => error.#method(), }
    });
    quote! { match self { #(#arms)* } }
}

/// `from_code`: each table's, in order.
fn emit_from_code(catalogue: &Catalogue, ex: &Examples) -> TokenStream {
    let docs = ex.doc(
        "The code `code` of whichever table lists it.",
        format!(
            "assert_eq!(ErrorCode::from_code({}), Some({}));\n\
             assert_eq!(ErrorCode::from_code({}), None);",
            ex.first.code.rust_literal(),
            ex.first_path(),
            unused_code(catalogue),
        ),
    );
    let from_code_arms = catalogue.tables.iter().map(|table| {
        let variant = ident(&table.error_code_variant);
        let inner = ident(&table.rust_enum);
        quote! {
            if let ::core::option::Option::Some(error) = #inner::from_code(code) {
                return ::core::option::Option::Some(Self::#variant(error));
            }
        }
    });
    let CodeTokens { param: code_param, constness, .. } = CodeTokens::of(catalogue);
    let inline = (catalogue.codes == CodeKind::String).then(|| quote! { #[inline] });
    quote! {
        #docs
        #[must_use]
        #inline
        pub #constness fn from_code(code: #code_param) -> ::core::option::Option<Self> {
            #(#from_code_arms)*
            ::core::option::Option::None
        }
    }
}

/// `code`, `name`, `description`, `explanation`, `causes` and `solutions`.
fn emit_facts(catalogue: &Catalogue, ex: &Examples) -> TokenStream {
    let last = ex.last;
    let code_ty = CodeTokens::of(catalogue).ty;
    let what_code = match catalogue.codes {
        CodeKind::Integer => "The numeric code.",
        CodeKind::String => "The code.",
    };
    let explanation = match &last.explanation {
        Some(text) => format!("Some({})", rust_str(text)),
        None => "None".to_owned(),
    };
    let list_docs = |what: &str, method: &str, texts: &[String]| {
        let texts: Vec<String> = texts.iter().map(|text| rust_str(text)).collect();
        let check = if texts.is_empty() {
            format!("assert!({}.{method}().is_empty());", ex.last_path())
        } else {
            format!("assert_eq!({}.{method}(), [{}]);", ex.last_path(), texts.join(", "))
        };
        ex.doc(what, check)
    };
    let facts = [
        (ex.getter(what_code, "code", last.code.rust_literal()), "code", code_ty),
        (
            ex.getter("The name, exactly as the catalogue prints it.", "name", rust_str(&last.name)),
            "name",
            quote!(&'static str),
        ),
        (
            ex.getter(
                "The description, exactly as the catalogue prints it.",
                "description",
                rust_str(&last.description),
            ),
            "description",
            quote!(&'static str),
        ),
        (
            ex.getter(
                "What the error means, at more length than the description, exactly\n\
                 as the catalogue prints it, if it says.",
                "explanation",
                explanation,
            ),
            "explanation",
            quote!(::core::option::Option<&'static str>),
        ),
        (
            list_docs(
                "What can cause the error, each exactly as the catalogue prints it\n\
                 (empty when it lists none).",
                "causes",
                &last.causes,
            ),
            "causes",
            quote!(&'static [&'static str]),
        ),
        (
            list_docs(
                "What can be done about the error, each exactly as the catalogue\n\
                 prints it (empty when it lists none).",
                "solutions",
                &last.solutions,
            ),
            "solutions",
            quote!(&'static [&'static str]),
        ),
    ];
    let methods = facts.into_iter().map(|(docs, method, ty)| {
        let body = arms(catalogue, method);
        let method = ident(method);
        quote! {
            #docs
            #[must_use]
            pub const fn #method(self) -> #ty {
                #body
            }
        }
    });
    quote! { #(#methods)* }
}

/// `http_status`, `status_code` and the status classes.
fn emit_http(catalogue: &Catalogue, ex: &Examples) -> TokenStream {
    let status = ex.last.http_status;
    let optional = catalogue.any_statusless();
    let http_status_docs = ex.getter(
        if optional {
            "The HTTP status that a service answers this error with: `None` for an \
             error that travels without one."
        } else {
            "The HTTP status that a service answers this error with."
        },
        "http_status",
        shown_status(optional, status),
    );
    let class_docs = |what: &str, method: &str, yes: bool| {
        ex.getter(
            &format!(
                "Whether a service answers this error with a {what} status, as `http::StatusCode::{method}` tells."
            ),
            method,
            yes.to_string(),
        )
    };
    let client = class_docs("client error (4xx)", "is_client_error", (400..=499).contains(&status));
    let server = class_docs("server error (5xx)", "is_server_error", (500..=599).contains(&status));
    let status_code = interop::error_code_status_code(catalogue);
    let status_class = status_class::methods(&client, &server, optional);
    let http_status_arms = arms_as(catalogue, "http_status", optional);
    let ty = status_type(optional);
    let http_statuses = emit_http_statuses(catalogue, ex);
    quote! {
        #http_status_docs
        #[must_use]
        pub const fn http_status(self) -> #ty {
            #http_status_arms
        }

        #http_statuses

        #status_code

        #status_class
    }
}

/// `aliases`, with an example from the last table's first row.
fn emit_aliases(catalogue: &Catalogue, ex: &Examples) -> TokenStream {
    let last = ex.last;
    let docs = ex.doc(
        "Other codes that services send for this error.",
        if last.aliases.is_empty() {
            format!("assert!({}.aliases().is_empty());", ex.last_path())
        } else {
            let aliases: Vec<String> = last.aliases.iter().map(|alias| alias.rust_literal()).collect();
            format!("assert_eq!({}.aliases(), &[{}]);", ex.last_path(), aliases.join(", "))
        },
    );
    let code_ty = CodeTokens::of(catalogue).ty;
    let aliases_arms = arms(catalogue, "aliases");
    quote! {
        #docs
        #[must_use]
        pub const fn aliases(self) -> &'static [#code_ty] {
            #aliases_arms
        }
    }
}

/// `recovery`, with an example from the last table's first row.
fn emit_recovery(catalogue: &Catalogue, ex: &Examples) -> TokenStream {
    let value = match &ex.last.recovery {
        Some(recovery) => format!("Some({}::Recovery::{})", ex.krate, recovery.rust_variant()),
        None => "None".to_owned(),
    };
    let docs =
        ex.getter("What a client should do about this error, if the catalogue says.", "recovery", value);
    let recovery_arms = arms(catalogue, "recovery");
    quote! {
        #docs
        #[must_use]
        pub const fn recovery(self) -> ::core::option::Option<Recovery> {
            #recovery_arms
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
