//! [`Fixed::cfg`]: the parts of a fixed file that only some catalogues'
//! crates have, marked `#[cfg(NAME)]` (or `#[cfg(not(NAME))]` for the
//! part they replace), kept or left out at generation time, so that a
//! crate without them gets exactly the code it had before they existed.
//!
//! The fixed file compiles here with `NAME` unset, so this crate's tests
//! check what every other catalogue's crate gets.

use proc_macro2::{Group, TokenStream, TokenTree};
use quote::ToTokens;

use super::Fixed;

impl Fixed {
    /// Each element marked `#[cfg(name)]` kept, without its mark, when
    /// `on`, else left out; each marked `#[cfg(not(name))]` the other way
    /// round. An element is a struct's field, a field of a struct
    /// expression or a statement, the mark its first attribute; it ends
    /// at the first `,` or `;` at its own level (so it names no generic
    /// type with two parameters).
    #[must_use]
    pub(crate) fn cfg(mut self, name: &str, on: bool) -> Self {
        for item in &mut self.items {
            let (tokens, changed) = apply(item.to_token_stream(), name, on);
            if changed {
                *item = syn::parse2(tokens).expect("a fixed item without some of its elements parses");
            }
        }
        self
    }
}

/// `tokens` with every element marked for `name` kept or left out, looking
/// inside groups; whether any mark was found.
fn apply(tokens: TokenStream, name: &str, on: bool) -> (TokenStream, bool) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(trees.len());
    let mut changed = false;
    let mut i = 0;
    while i < trees.len() {
        if let Some(when) = mark(&trees[i..], name) {
            changed = true;
            i += 2;
            if when != on {
                while i < trees.len() {
                    let end = matches!(&trees[i], TokenTree::Punct(p) if matches!(p.as_char(), ',' | ';'));
                    i += 1;
                    if end {
                        break;
                    }
                }
            }
            continue;
        }
        let mut tree = trees[i].clone();
        if let TokenTree::Group(group) = &tree {
            let (inner, inner_changed) = apply(group.stream(), name, on);
            if inner_changed {
                let mut new_group = Group::new(group.delimiter(), inner);
                new_group.set_span(group.span());
                tree = TokenTree::Group(new_group);
                changed = true;
            }
        }
        out.push(tree);
        i += 1;
    }
    (out.into_iter().collect(), changed)
}

/// Whether `trees` starts with a mark for `name`: `Some(true)` for
/// `#[cfg(name)]`, `Some(false)` for `#[cfg(not(name))]`.
fn mark(trees: &[TokenTree], name: &str) -> Option<bool> {
    let [TokenTree::Punct(hash), TokenTree::Group(attr), ..] = trees else {
        return None;
    };
    if hash.as_char() != '#' {
        return None;
    }
    let attr: Vec<TokenTree> = attr.stream().into_iter().collect();
    let [TokenTree::Ident(cfg), TokenTree::Group(args)] = attr.as_slice() else {
        return None;
    };
    if cfg != "cfg" {
        return None;
    }
    let args: Vec<TokenTree> = args.stream().into_iter().collect();
    match args.as_slice() {
        [TokenTree::Ident(ident)] if ident == name => Some(true),
        [TokenTree::Ident(not), TokenTree::Group(inner)]
            if not == "not" && inner.stream().to_string() == name =>
        {
            Some(false)
        }
        _ => None,
    }
}
