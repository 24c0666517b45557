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
