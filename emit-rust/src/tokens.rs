//! Token builders every part of the Rust emitter uses: doc attributes
//! and identifiers.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// `#[doc]` attributes for `text`, one per line, as `///` comments print.
pub(super) fn doc(text: &str) -> TokenStream {
    let lines = text.split('\n').map(doc_line);
    quote! { #(#[doc = #lines])* }
}

/// One line of a doc comment: `///` then a space, or nothing on a blank line.
pub(super) fn doc_line(line: &str) -> String {
    if line.is_empty() { String::new() } else { format!(" {line}") }
}

pub(super) fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// How the generated crate spells a catalogue's codes: their Rust types,
/// whether lookups by code are `const`, and the error of a failed one.
pub(super) struct CodeTokens {
    /// What `code()` returns: `u32` or `&'static str`.
    pub ty: TokenStream,
    /// What `from_code` takes: `u32` or `&str`.
    pub param: TokenStream,
    /// `const` where lookups by code are const fns (integer codes: string
    /// comparisons are not const).
    pub constness: Option<TokenStream>,
    /// `UnknownCodeError` for the code in `code`: a string code stays out
    /// of it, since a `no_std` crate without `alloc` could not own it.
    pub unknown: TokenStream,
}

impl CodeTokens {
    pub(super) fn of(catalogue: &errcat_model::Catalogue) -> Self {
        match catalogue.codes {
            errcat_model::CodeKind::Integer => CodeTokens {
                ty: quote!(u32),
                param: quote!(u32),
                constness: Some(quote!(const)),
                unknown: quote!(UnknownCodeError { code }),
            },
            errcat_model::CodeKind::String => CodeTokens {
                ty: quote!(&'static str),
                param: quote!(&str),
                constness: None,
                unknown: quote!(UnknownCodeError { _private: () }),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use errcat_model::rust_data::Writer;
    use proptest::prelude::*;
    use quote::quote;

    use super::doc;

    proptest! {
        /// The data writer's doc comments are what prettyplease prints
        /// for these attributes.
        #[test]
        fn variant_docs_match_prettyplease(docs in prop::collection::vec("[a-z /*\"\\\r\n\t]{0,20}", 1..4)) {
            let text = docs.join("\n");
            let attrs = doc(&text);
            let file: syn::File = syn::parse2(quote! { enum E { #attrs V = 1, } }).unwrap();
            let printed = prettyplease::unparse(&file);
            let mut writer = Writer::new();
            writer.doc(4, &text);
            writer.line(4, "V = 1,");
            prop_assert_eq!(format!("enum E {{\n{}}}\n", writer.finish()), printed);
        }

    }
}
