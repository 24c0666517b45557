//! Serde for the code enums, `ErrorCode` and `Recovery` (the generated
//! crate's `serde` feature), so they can sit in a user's own serde types:
//! each is written as its code (`Recovery` as its id) and read from its
//! code, a string of the code's digits, or its name.

#[cfg(test)]
mod visitor;

use proc_macro2::TokenStream;
use quote::quote;

use super::splice::{Fixed, Named};
use super::tokens::{doc, ident};
use errcat_model::{Catalogue, CodeKind};

/// `CodeVisitor` and `Coded`, spliced in verbatim.
const VISITOR_SOURCE: &str = include_str!("visitor.rs");

/// The `serde_codes` module: the visitor and every enum's impls.
pub(super) fn emit_serde_codes(catalogue: &Catalogue) -> TokenStream {
    let string = catalogue.codes == CodeKind::String;
    let mut visitor = Fixed::parse(VISITOR_SOURCE);
    if string {
        // String codes are never digits to read as a number.
        visitor = visitor.without(Named::Fn("decimal"));
    }
    let write = || if string { Write::StringCode } else { Write::Code };
    let tables = catalogue.tables.iter().map(|table| {
        let name = ident(&table.rust_enum);
        let name = quote!(super::#name);
        let expecting = format!("a code or a name of `{}`", table.rust_enum);
        let coded = if string {
            // A code before a name: a code that is also a name means its own row.
            quote! {
                fn by_number(_: u64) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }

                fn by_text(text: &str) -> ::core::option::Option<Self> {
                    Self::from_code(text).or_else(|| Self::from_name(text))
                }
            }
        } else {
            quote! {
                fn by_number(code: u64) -> ::core::option::Option<Self> {
                    u32::try_from(code).ok().and_then(Self::from_code)
                }

                fn by_text(text: &str) -> ::core::option::Option<Self> {
                    Self::from_name(text).or_else(|| decimal(text).and_then(Self::from_code))
                }
            }
        };
        impls(&name, &expecting, write(), coded)
    });
    // A name is looked up in every table: one that two tables share says
    // neither error, so it is refused rather than guessed. Not nested
    // `if let`s: clippy asks for a let chain from Rust 1.88 on, which a
    // crate for 1.85 cannot write.
    let by_name = catalogue.tables.iter().map(|table| {
        let name = ident(&table.rust_enum);
        let variant = ident(&table.error_code_variant);
        quote! {
            let here = super::#name::from_name(text).map(Self::#variant);
            if here.is_some() && found.is_some() {
                return ::core::option::Option::None;
            }
            found = found.or(here);
        }
    });
    let error_code_coded = if string {
        quote! {
            fn by_number(_: u64) -> ::core::option::Option<Self> {
                ::core::option::Option::None
            }

            fn by_text(text: &str) -> ::core::option::Option<Self> {
                if let ::core::option::Option::Some(error) = Self::from_code(text) {
                    return ::core::option::Option::Some(error);
                }
                let mut found = ::core::option::Option::None;
                #(#by_name)*
                found
            }
        }
    } else {
        quote! {
            fn by_number(code: u64) -> ::core::option::Option<Self> {
                u32::try_from(code).ok().and_then(Self::from_code)
            }

            fn by_text(text: &str) -> ::core::option::Option<Self> {
                let mut found = ::core::option::Option::None;
                #(#by_name)*
                found.or_else(|| decimal(text).and_then(Self::from_code))
            }
        }
    };
    let error_code =
        impls(&quote!(ErrorCode), "a code or a name of an error of the catalogue", write(), error_code_coded);
    let recovery = (!catalogue.recoveries.is_empty()).then(|| {
        impls(
            &quote!(Recovery),
            "the id of a recovery",
            Write::Id,
            quote! {
                fn by_number(_: u64) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }

                fn by_text(text: &str) -> ::core::option::Option<Self> {
                    Self::ALL.iter().copied().find(|recovery| recovery.as_str() == text)
                }
            },
        )
    });
    let recovery_use = recovery.as_ref().map(|_| quote! { use super::Recovery; });
    let docs = doc(&module_docs(catalogue));
    quote! {
        #docs
        #[cfg(feature = "serde")]
        mod serde_codes {
            use ::core::fmt;
            use ::core::marker::PhantomData;
            use ::serde::de::{self, Unexpected, Visitor};
            use ::serde::{Deserialize, Deserializer, Serialize, Serializer};

            // Table enums are named by path: an import could meet this
            // module's own names.
            use super::ErrorCode;
            #recovery_use

            #visitor
            #(#tables)*
            #error_code
            #recovery
        }
    }
}

/// What a value is written as.
enum Write {
    /// Its code, a number.
    Code,
    /// Its code, a string.
    StringCode,
    /// Its id, a string (`Recovery`).
    Id,
}

/// `Serialize`, `Deserialize` and `Coded` (`coded`) for `name`.
/// A binary format is read with `read`, the counterpart of `write`.
fn impls(name: &TokenStream, expecting: &str, write: Write, coded: TokenStream) -> TokenStream {
    let (write, read) = match write {
        Write::Code => (quote! { serializer.serialize_u32(self.code()) }, quote!(deserialize_u32)),
        Write::StringCode => (quote! { serializer.serialize_str(self.code()) }, quote!(deserialize_str)),
        Write::Id => (quote! { serializer.serialize_str(self.as_str()) }, quote!(deserialize_str)),
    };
    quote! {
        impl Serialize for #name {
            fn serialize<S: Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                #write
            }
        }

        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                // A format that describes its values (JSON, YAML) can hand
                // over a name; a binary one is read as it was written.
                if deserializer.is_human_readable() {
                    deserializer.deserialize_any(CodeVisitor::new())
                } else {
                    deserializer.#read(CodeVisitor::new())
                }
            }
        }

        impl Coded for #name {
            const EXPECTING: &'static str = #expecting;
            #coded
        }
    }
}

/// The module's docs: it is private, so they are for the crate's readers.
fn module_docs(catalogue: &Catalogue) -> String {
    let (table, row) = catalogue.rows().next().expect("a validated catalogue has rows");
    let recovery = if catalogue.recoveries.is_empty() { "" } else { " (`Recovery` as its id)" };
    let read = match catalogue.codes {
        CodeKind::Integer => "read from the code, an alias, a string\nof the code's digits or the name.",
        CodeKind::String => "read from the code, an alias or the name,\ntried in that order.",
    };
    format!(
        "Serde for every code enum and `ErrorCode`{and}: written as the code\n\
         (`{path}` as `{code}`){recovery}; {read}",
        and = if catalogue.recoveries.is_empty() { "" } else { " and `Recovery`" },
        path = table.rust_path(row),
        code = row.code.json(),
    )
}
