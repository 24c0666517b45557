//! A table's enum's methods (lookups by code and name, the row's facts)
//! and trait impls, each made with its docs and an example from the
//! table's own rows.

use proc_macro2::TokenStream;
use quote::quote;

use super::super::examples::{missing_name, unused_code};
use super::super::status_class::{shown_status, status_type};
use super::super::tokens::{CodeTokens, doc, ident};
use super::super::{interop, status_class};
use super::detail_fields;
use super::lookup::{self, Lookups};
use errcat_model::text::rust_str;
use errcat_model::{Catalogue, CodeKind, Row, Table, TableKind};

/// What a table's examples name: the crate, the enum and its first row.
struct Examples<'a> {
    krate: String,
    table: &'a Table,
    first: &'a Row,
}

impl<'a> Examples<'a> {
    fn new(catalogue: &Catalogue, table: &'a Table) -> Self {
        Examples { krate: catalogue.crate_ident().to_string(), table, first: &table.rows[0] }
    }

    /// Docs: `what`, then an example that uses the enum.
    fn doc(&self, what: &str, body: String) -> TokenStream {
        self.doc_using(&self.table.rust_enum, what, body)
    }

    /// Docs: `what`, then an example that uses `uses` from the crate.
    fn doc_using(&self, uses: &str, what: &str, body: String) -> TokenStream {
        doc(&format!("{what}\n\n```\nuse {krate}::{uses};\n\n{body}\n```", krate = self.krate))
    }

    /// `Enum::Variant` of a row.
    fn path(&self, row: &Row) -> String {
        format!("{}::{}", self.table.rust_enum, row.rust_variant)
    }
}

/// The docs of `ALL`, whose value the data writer writes.
pub(super) fn all_docs(catalogue: &Catalogue, table: &Table) -> TokenStream {
    let ex = Examples::new(catalogue, table);
    let name = &table.rust_enum;
    ex.doc(
        "Every variant, in spec order.",
        format!(
            "assert_eq!({name}::ALL.len(), {n});\nassert_eq!({name}::ALL[0], {v0});",
            n = table.rows.len(),
            v0 = ex.path(ex.first)
        ),
    )
}

/// The methods: lookups by code and name, and the row's facts.
pub(super) fn emit_methods(catalogue: &Catalogue, table: &Table, lookups: &Lookups) -> TokenStream {
    let ex = Examples::new(catalogue, table);
    let by_code = emit_by_code(catalogue, &ex, lookups);
    let aliases = emit_aliases(catalogue, &ex);
    let by_name = emit_by_name(&ex, lookup::from_name_body(table, lookups));
    let other_names = super::other_names::emit_other_names(catalogue, table);
    let texts = emit_texts(&ex);
    // A catalogue without HTTP has no statuses to give.
    let http = catalogue.http.then(|| emit_http(catalogue, &ex));
    let http_statuses = super::statuses::emit_http_statuses(catalogue, table);
    // Without a recovery vocabulary there is no `Recovery` to name.
    let recovery = (!catalogue.recoveries.is_empty()).then(|| emit_recovery(&ex));
    let attributes = super::attributes::emit_getters(catalogue, table);
    quote! {
        #by_code
        #aliases
        #by_name
        #other_names
        #texts
        #http
        #http_statuses
        #recovery
        #attributes
    }
}

/// `code`, the private `row` every accessor indexes with, and `from_code`.
fn emit_by_code(catalogue: &Catalogue, ex: &Examples, lookups: &Lookups) -> TokenStream {
    let Examples { first, table, .. } = ex;
    let (name, v0) = (&table.rust_enum, &first.rust_variant);
    let code_docs = ex.doc(
        match catalogue.codes {
            CodeKind::Integer => "The numeric code.",
            CodeKind::String => "The code.",
        },
        format!("assert_eq!({name}::{v0}.code(), {});", first.code.rust_literal()),
    );
    let from_code_docs = ex.doc(
        "The variant with the code `code`, if the table has one.",
        format!(
            "assert_eq!({name}::from_code({code}), Some({name}::{v0}));\n\
             assert_eq!({name}::from_code({miss}), None);",
            code = first.code.rust_literal(),
            miss = unused_code(catalogue),
        ),
    );
    let CodeTokens { param: code_param, constness, .. } = CodeTokens::of(catalogue);
    let integer_row = lookup::integer_row_body(table, lookups);
    let (code_and_row, hash, inline) = match catalogue.codes {
        CodeKind::Integer => (
            quote! {
                #code_docs
                #[must_use]
                pub const fn code(self) -> u32 {
                    self as u32
                }

                /// The variant's row: its index in `ALL` and the tables above,
                /// found from its own code.
                const fn row(self) -> usize {
                    #integer_row
                }
            },
            quote! { phf::hash_code(code, Self::CODE_SEED) },
            None,
        ),
        CodeKind::String => (
            quote! {
                #code_docs
                #[must_use]
                pub const fn code(self) -> &'static str {
                    Self::CODES[self.row()]
                }

                /// The variant's row: its index in `ALL` and the tables
                /// above, which is its discriminant.
                const fn row(self) -> usize {
                    self as usize
                }
            },
            quote! { phf::hash_name(code, Self::CODE_SEED, Self::CODE_HASH_MIDDLE, Self::CODE_HASH_WHOLE) },
            Some(quote! { #[inline] }),
        ),
    };
    let from_code_body = lookup::from_code_body(table, lookups, catalogue.codes, &hash);
    quote! {
        #code_and_row

        #from_code_docs
        #[must_use]
        #inline
        pub #constness fn from_code(code: #code_param) -> ::core::option::Option<Self> {
            #from_code_body
        }
    }
}

/// `aliases`, with an example from the first row that has one.
fn emit_aliases(catalogue: &Catalogue, ex: &Examples) -> TokenStream {
    let name = &ex.table.rust_enum;
    let body = match ex.table.rows.iter().find(|row| !row.aliases.is_empty()) {
        Some(row) => format!(
            "assert_eq!({path}.aliases(), &[{aliases}]);\n\
             assert_eq!({name}::from_code({alias}), Some({path}));\n\
             assert_eq!({name}::from_code({alias}).map({name}::code), Some({code}));",
            path = ex.path(row),
            aliases = row.aliases.iter().map(|alias| alias.rust_literal()).collect::<Vec<_>>().join(", "),
            alias = row.aliases[0].rust_literal(),
            code = row.code.rust_literal(),
        ),
        None => format!("assert!({}.aliases().is_empty());", ex.path(ex.first)),
    };
    let docs = ex.doc(
        "Other codes that services send for this error; `from_code` accepts\n\
         them too, and `code` stays the documented one.",
        body,
    );
    let code_ty = CodeTokens::of(catalogue).ty;
    quote! {
        #docs
        #[must_use]
        pub const fn aliases(self) -> &'static [#code_ty] {
            Self::ROW_ALIASES[self.row()]
        }
    }
}

/// `name` and `from_name`, whose body depends on the table's size.
fn emit_by_name(ex: &Examples, from_name_body: TokenStream) -> TokenStream {
    let (name, v0) = (&ex.table.rust_enum, &ex.first.rust_variant);
    let lit = rust_str(&ex.first.name);
    let name_docs = ex.doc(
        "The name, exactly as the catalogue prints it.",
        format!("assert_eq!({name}::{v0}.name(), {lit});"),
    );
    let from_name_docs = ex.doc(
        "The variant with the name `name`, compared exactly (case and spaces\nincluded).",
        format!(
            "assert_eq!({name}::from_name({lit}), Some({name}::{v0}));\n\
             assert_eq!({name}::from_name({miss_name}), None);",
            miss_name = rust_str(&missing_name(ex.table)),
        ),
    );
    quote! {
        #name_docs
        #[must_use]
        pub const fn name(self) -> &'static str {
            Self::NAMES[self.row()]
        }

        #from_name_docs
        #[must_use]
        #[inline]
        pub fn from_name(name: &str) -> ::core::option::Option<Self> {
            #from_name_body
        }
    }
}

/// `description`, `explanation`, `causes` and `solutions`: the row's texts,
/// each example from the first row that has one (the first row when none has).
fn emit_texts(ex: &Examples) -> TokenStream {
    let table = ex.table;
    let description_docs = ex.doc(
        "The description, exactly as the catalogue prints it.",
        format!("assert_eq!({}.description(), {});", ex.path(ex.first), rust_str(&ex.first.description)),
    );
    let explained = table.rows.iter().find(|row| row.explanation.is_some()).unwrap_or(ex.first);
    let explanation_docs = ex.doc(
        "What the error means, at more length than the description, exactly as\n\
         the catalogue prints it, if it says.",
        format!(
            "assert_eq!({}.explanation(), {});",
            ex.path(explained),
            match &explained.explanation {
                Some(text) => format!("Some({})", rust_str(text)),
                None => "None".to_owned(),
            }
        ),
    );
    let list_docs = |what: &str, method: &str, texts: fn(&Row) -> &Vec<String>| {
        let row = table.rows.iter().find(|row| !texts(row).is_empty()).unwrap_or(ex.first);
        let path = ex.path(row);
        let body = match texts(row).first() {
            Some(first) => format!(
                "assert_eq!({path}.{method}().len(), {});\nassert_eq!({path}.{method}()[0], {});",
                texts(row).len(),
                rust_str(first)
            ),
            None => format!("assert!({path}.{method}().is_empty());"),
        };
        ex.doc(what, body)
    };
    let causes_docs = list_docs(
        "What can cause the error, each exactly as the catalogue prints it\n(empty when it lists none).",
        "causes",
        |row| &row.causes,
    );
    let solutions_docs = list_docs(
        "What can be done about the error, each exactly as the catalogue\nprints it (empty when it lists none).",
        "solutions",
        |row| &row.solutions,
    );
    // A table has only the constants of the texts some row has.
    let (has_explanation, has_causes, has_solutions) = detail_fields(table);
    let explanation_body = if has_explanation {
        quote! { Self::EXPLANATIONS[self.row()] }
    } else {
        quote! { ::core::option::Option::None }
    };
    let list_body = |used: bool, table: TokenStream| {
        if used {
            quote! { Self::#table[self.row()] }
        } else {
            quote! { &[] }
        }
    };
    let causes_body = list_body(has_causes, quote!(CAUSES));
    let solutions_body = list_body(has_solutions, quote!(SOLUTIONS));
    quote! {
        #description_docs
        #[must_use]
        pub const fn description(self) -> &'static str {
            Self::DESCRIPTIONS[self.row()]
        }

        #explanation_docs
        #[must_use]
        pub const fn explanation(self) -> ::core::option::Option<&'static str> {
            #explanation_body
        }

        #causes_docs
        #[must_use]
        pub const fn causes(self) -> &'static [&'static str] {
            #causes_body
        }

        #solutions_docs
        #[must_use]
        pub const fn solutions(self) -> &'static [&'static str] {
            #solutions_body
        }
    }
}

/// `http_status`, `status_code` and the status classes.
fn emit_http(catalogue: &Catalogue, ex: &Examples) -> TokenStream {
    let table = ex.table;
    let optional = catalogue.statusless(table);
    let http_status_docs = ex.doc(
        match (table.kind, optional) {
            (TableKind::HttpStatus, _) => "The HTTP status: the same number as the code.",
            (TableKind::Custom, false) => "The HTTP status that a service answers this error with.",
            (TableKind::Custom, true) => {
                "The HTTP status that a service answers this error with: `None` for an \
                 error that travels without one (a SOAP fault, say), which is never an \
                 HTTP response of its own."
            }
        },
        table
            .rows
            .iter()
            .filter(|row| row.http_status == 0 || row.rust_variant == ex.first.rust_variant)
            .take(2)
            .map(|row| {
                format!(
                    "assert_eq!({}.http_status(), {});",
                    ex.path(row),
                    shown_status(optional, row.http_status)
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let class_docs = |what: &str, method: &str, range: std::ops::RangeInclusive<u16>| {
        let yes = table.rows.iter().find(|row| range.contains(&row.http_status));
        let no = table.rows.iter().find(|row| !range.contains(&row.http_status));
        let mut lines = Vec::new();
        if let Some(row) = yes {
            lines.push(format!("assert!({}.{method}());", ex.path(row)));
        }
        if let Some(row) = no {
            lines.push(format!("assert!(!{}.{method}());", ex.path(row)));
        }
        let what = format!(
            "Whether a service answers this error with a {what} status \
             ({start} to {end}), as `http::StatusCode::{method}` tells.",
            start = range.start(),
            end = range.end(),
        );
        ex.doc(&what, lines.join("\n"))
    };
    let client = class_docs("client error", "is_client_error", 400..=499);
    let server = class_docs("server error", "is_server_error", 500..=599);
    let status_code = interop::table_status_code(catalogue, table);
    let status_class = status_class::methods(&client, &server, optional);
    let ty = status_type(optional);
    let status = if optional {
        quote! {
            match Self::HTTP_STATUSES[self.row()] {
                0 => ::core::option::Option::None,
                status => ::core::option::Option::Some(status),
            }
        }
    } else {
        quote! { Self::HTTP_STATUSES[self.row()] }
    };
    quote! {
        #http_status_docs
        #[must_use]
        pub const fn http_status(self) -> #ty {
            #status
        }

        #status_code

        #status_class
    }
}

/// `recovery`, with an example from the first row that has one.
fn emit_recovery(ex: &Examples) -> TokenStream {
    let row = ex.table.rows.iter().find(|row| row.recovery.is_some()).unwrap_or(ex.first);
    let value = match &row.recovery {
        Some(recovery) => format!("Some(Recovery::{})", recovery.rust_variant()),
        None => "None".to_owned(),
    };
    let docs = ex.doc_using(
        &format!("{{{}, Recovery}}", ex.table.rust_enum),
        "What a client should do about this error, if the catalogue says.",
        format!("assert_eq!({}.recovery(), {value});", ex.path(row)),
    );
    quote! {
        #docs
        #[must_use]
        pub const fn recovery(self) -> ::core::option::Option<Recovery> {
            Self::RECOVERIES[self.row()]
        }
    }
}

/// `Display`, `Error`, `FromStr` and the conversions to and from the code
/// (`u32` or `&str`).
pub(super) fn emit_trait_impls(catalogue: &Catalogue, table: &Table) -> TokenStream {
    let ex = Examples::new(catalogue, table);
    let first = ex.first;
    // A table whose codes are its names writes each once.
    let (display, what, format) = if table.named {
        (
            format!("{} {}: {}", first.code, first.name, first.description),
            "Writes the code, the name and the description on one line.",
            "{} {}: {}",
        )
    } else {
        (
            format!("{}: {}", first.code, first.description),
            "Writes the code (which is the name) and the description on one line.",
            "{}: {}",
        )
    };
    let write = if table.named {
        quote! { ::core::write!(f, #format, self.code(), self.name(), self.description()) }
    } else {
        quote! { ::core::write!(f, #format, self.code(), self.description()) }
    };
    let display_docs =
        ex.doc(what, format!("assert_eq!({}.to_string(), {});", ex.path(first), rust_str(&display)));
    let name = ident(&table.rust_enum);
    let CodeTokens { ty: code_ty, unknown, .. } = CodeTokens::of(catalogue);
    // `TryFrom<&str>` needs the lifetime named in the impl.
    let (impl_lifetime, try_from_ty) = match catalogue.codes {
        CodeKind::Integer => (None, quote!(u32)),
        CodeKind::String => (Some(quote!(<'a>)), quote!(&'a str)),
    };
    quote! {
        #display_docs
        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #write
            }
        }

        impl ::core::error::Error for #name {}

        impl ::core::str::FromStr for #name {
            type Err = UnknownNameError;

            // The error type by name: `Self::Err` would be ambiguous with a variant `Err`.
            fn from_str(name: &str) -> ::core::result::Result<Self, UnknownNameError> {
                Self::from_name(name).ok_or(UnknownNameError { _private: () })
            }
        }

        impl #impl_lifetime ::core::convert::TryFrom<#try_from_ty> for #name {
            type Error = UnknownCodeError;

            // The error type by name: `Self::Error` would be ambiguous with a variant `Error`.
            fn try_from(code: #try_from_ty) -> ::core::result::Result<Self, UnknownCodeError> {
                Self::from_code(code).ok_or(#unknown)
            }
        }

        impl ::core::convert::From<#name> for #code_ty {
            fn from(error: #name) -> #code_ty {
                error.code()
            }
        }
    }
}
