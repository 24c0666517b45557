//! Token builders every part of the Rust emitter uses: doc attributes,
//! identifiers and the literals of a lookup table.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use super::phf::Phf;

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

/// A lookup table's seed, pilots and slots as literals.
pub(super) fn phf_literals(phf: &Phf) -> (Literal, Vec<Literal>, Vec<Literal>) {
    (
        Literal::u64_unsuffixed(phf.seed),
        phf.pilots.iter().map(|&p| Literal::u16_unsuffixed(p)).collect(),
        phf.slots.iter().map(|&s| Literal::u32_unsuffixed(s)).collect(),
    )
}
