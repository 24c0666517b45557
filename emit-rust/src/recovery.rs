//! The `Recovery` enum: what a client should do about an error.

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::{doc, ident};
use crate::DOCS;
use errcat_model::Catalogue;
use errcat_model::text::rust_str;

/// The `Recovery` enum, built from the catalogue's own vocabulary;
/// nothing when the catalogue declares none.
pub(super) fn emit_recovery(catalogue: &Catalogue) -> TokenStream {
    let Some(first) = catalogue.recoveries.first() else {
        return TokenStream::new();
    };
    let krate = catalogue.crate_ident();
    let recoveries = &catalogue.recoveries;
    let variants = recoveries.iter().map(|recovery| {
        let docs = doc(&format!("`{}`: {}", recovery.key, DOCS.block(&recovery.description, "")));
        let variant = ident(&recovery.rust_variant);
        quote! { #docs #variant, }
    });
    let all = recoveries.iter().map(|recovery| ident(&recovery.rust_variant));
    let keys = recoveries.iter().map(|recovery| recovery.key.as_str());
    let descriptions = recoveries.iter().map(|recovery| recovery.description.as_str());
    let retries = recoveries.iter().map(|recovery| recovery.retry);

    let enum_docs = enum_docs(catalogue);
    let v0 = ident(&first.rust_variant);
    let as_str_docs = doc(&format!(
        "The value as the spec spells it.\n\n\
         ```\n\
         use {krate}::Recovery;\n\n\
         assert_eq!(Recovery::{v0}.as_str(), {key});\n\
         assert_eq!(Recovery::{v0}.to_string(), {key});\n\
         ```",
        key = rust_str(&first.key),
    ));
    let description_docs = doc(&format!(
        "What the client should do, in a sentence or two.\n\n\
         ```\n\
         use {krate}::Recovery;\n\n\
         assert!(Recovery::{v0}.description().starts_with({start}));\n\
         ```",
        start = rust_str(
            first.description.split_once(['.', ':']).map_or(first.description.as_str(), |(start, _)| start)
        ),
    ));
    let all_docs = doc(&format!(
        "Every value, in the order the docs list them.\n\n\
         ```\n\
         use {krate}::Recovery;\n\n\
         assert_eq!(Recovery::ALL.len(), {n});\n\
         ```",
        n = recoveries.len(),
    ));
    let is_retry_docs = doc(&format!(
        "Whether sending the same request again later is the right thing to do.\n\n\
         ```\n\
         use {krate}::Recovery;\n\n\
         assert!({not}Recovery::{v0}.is_retry());\n\
         ```",
        not = if first.retry { "" } else { "!" },
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
            const RETRIES: &'static [bool] = &[#(#retries),*];

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

            #is_retry_docs
            #[must_use]
            pub const fn is_retry(self) -> bool {
                Self::RETRIES[self as usize]
            }
        }

        impl ::core::fmt::Display for Recovery {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}

/// The enum's docs, with an example that acts on a row that has a
/// recovery, when one does.
fn enum_docs(catalogue: &Catalogue) -> TokenStream {
    let krate = catalogue.crate_ident();
    let recoveries = &catalogue.recoveries;
    let first = &recoveries[0];
    let example = match catalogue.rows().find_map(|(_, row)| row.recovery.as_ref().map(|r| (row, r))) {
        Some((row, recovery)) => {
            let mut arms = Vec::new();
            let retry = recoveries.iter().find(|recovery| recovery.retry);
            if let Some(retry) = retry {
                arms.push(format!(
                    "    Some(Recovery::{}) => {{ /* wait, then send the request again */ }}",
                    retry.rust_variant
                ));
            }
            if retry.is_none_or(|retry| retry.key != recovery.key) {
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
                code = row.code.rust_literal(),
                arms = arms.join("\n"),
            )
        }
        None => format!(
            "use {krate}::Recovery;\n\nassert_eq!(Recovery::{}.as_str(), {});",
            first.rust_variant,
            rust_str(&first.key)
        ),
    };
    doc(&format!(
        "What a client should do about an error: a small closed set, so one\n\
         `match` covers every error of the catalogue.\n\n\
         Each row's recovery is read from the spec; `recovery()` is `None`\n\
         for a row that names none.\n\n\
         ```\n{example}\n```"
    ))
}
