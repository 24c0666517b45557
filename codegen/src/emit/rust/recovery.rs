//! The `Recovery` enum: what a client should do about an error.

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::{doc, ident};
use crate::model::{Catalogue, Recovery};
use crate::text::rust_str;

/// The `Recovery` enum, the same closed set in every generated crate.
pub(super) fn emit_recovery(catalogue: &Catalogue) -> TokenStream {
    let krate = catalogue.crate_ident();
    let variants = Recovery::ALL.iter().map(|&recovery| {
        let docs = doc(&format!("`{}`: {}", recovery.key(), recovery.description()));
        let variant = ident(&recovery.rust_variant());
        quote! { #docs #variant, }
    });
    let all = Recovery::ALL.iter().map(|recovery| ident(&recovery.rust_variant()));
    let keys = Recovery::ALL.iter().map(|recovery| recovery.key());
    let descriptions = Recovery::ALL.iter().map(|recovery| recovery.description());

    // The example acts on a row that has a recovery, when one does.
    let example = match catalogue.rows().find_map(|(_, row)| row.recovery.map(|r| (row, r))) {
        Some((row, recovery)) => {
            let mut arms = vec![
                "    Some(Recovery::RetryLater) => { /* wait, then send the request again */ }".to_owned(),
            ];
            if recovery != Recovery::RetryLater {
                arms.push(format!(
                    "    Some(Recovery::{}) => {{ /* this error's next step */ }}",
                    recovery.rust_variant()
                ));
            }
            arms.push("    Some(other) => panic!(\"unexpected {other}\"),".to_owned());
            arms.push("    None => panic!(\"{error} has no recovery\"),".to_owned());
            format!(
                "use {krate}::{{ErrorCode, Recovery}};\n\n\
                 let error = ErrorCode::from_code({code}).expect(\"a listed code\");\n\
                 match error.recovery() {{\n{arms}\n}}",
                code = row.code,
                arms = arms.join("\n"),
            )
        }
        None => {
            format!("use {krate}::Recovery;\n\nassert_eq!(Recovery::RetryLater.as_str(), \"retry_later\");")
        }
    };
    let enum_docs = doc(&format!(
        "What a client should do about an error: a small closed set, so one\n\
         `match` covers every error of the catalogue.\n\n\
         Each row's recovery is read from the spec; `recovery()` is `None`\n\
         for a row that names none.\n\n\
         ```\n{example}\n```"
    ));
    let first = Recovery::ALL[0];
    let v0 = ident(&first.rust_variant());
    let as_str_docs = doc(&format!(
        "The value as the spec spells it.\n\n\
         ```\n\
         use {krate}::Recovery;\n\n\
         assert_eq!(Recovery::{v0}.as_str(), {key});\n\
         assert_eq!(Recovery::{v0}.to_string(), {key});\n\
         ```",
        key = rust_str(first.key()),
    ));
    let description_docs = doc(&format!(
        "What the client should do, in a sentence or two.\n\n\
         ```\n\
         use {krate}::Recovery;\n\n\
         assert!(Recovery::{v0}.description().starts_with({start}));\n\
         ```",
        start = rust_str(
            first.description().split_once(['.', ':']).map_or(first.description(), |(start, _)| start)
        ),
    ));
    let all_docs = doc(&format!(
        "Every value, in the order the docs list them.\n\n\
         ```\n\
         use {krate}::Recovery;\n\n\
         assert_eq!(Recovery::ALL.len(), {n});\n\
         ```",
        n = Recovery::ALL.len(),
    ));

    quote! {
        #enum_docs
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Recovery {
            #(#variants)*
        }

        impl Recovery {
            #all_docs
            pub const ALL: &'static [Self] = &[#(Self::#all),*];

            const KEYS: &'static [&'static str] = &[#(#keys),*];
            const DESCRIPTIONS: &'static [&'static str] = &[#(#descriptions),*];

            #as_str_docs
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                Self::KEYS[self as usize]
            }

            #description_docs
            #[must_use]
            pub const fn description(self) -> &'static str {
                Self::DESCRIPTIONS[self as usize]
            }
        }

        impl ::core::fmt::Display for Recovery {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}
