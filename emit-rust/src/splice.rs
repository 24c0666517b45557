//! The one way code that is not `quote!` enters the generated crate: fixed
//! runtime files, item by item, with their docs' slots filled, and text
//! the data writer makes in place of a placeholder item.
//!
//! A fixed file is ordinary Rust this crate compiles and tests (under
//! `#[cfg(test)]`), docs included: what varies by catalogue in a doc
//! comment is a named slot, `{$name}`, filled from [`Slots`]. The hooks
//! say what a catalogue leaves out ([`Fixed::without`]) and the one
//! expression string codes compare otherwise ([`Fixed::replace_expr`]);
//! the parts only some catalogues' crates have are marked `#[cfg(…)]`
//! (`cfg.rs`, [`Fixed::cfg`]).

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::parse::Parser;

use super::tokens::doc;

/// The items of one fixed runtime file, ready to splice.
pub(super) struct Fixed {
    /// The file's inner attributes (its `//!` docs).
    attrs: Vec<syn::Attribute>,
    items: Vec<syn::Item>,
}

/// An item of a fixed file, named by what it is.
#[derive(Clone, Copy, Debug)]
pub(super) enum Named<'a> {
    /// A struct or an enum, with every impl for it.
    Type(&'a str),
    /// A free function.
    Fn(&'a str),
    /// A method of a type's inherent impl: the type, then the method.
    Method(&'a str, &'a str),
}

/// What varies by catalogue in a fixed file's docs: each `{$name}` is
/// the value set for `name`. A line that is one slot alone, filled with
/// nothing, goes, so an optional line of an example leaves no gap.
#[derive(Default)]
pub(super) struct Slots {
    values: Vec<(&'static str, String)>,
}

impl Slots {
    pub(super) fn new() -> Self {
        Self::default()
    }

    /// The slots with `{$name}` filled by `value`.
    #[must_use]
    pub(super) fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.values.push((name, value.into()));
        self
    }

    /// The names set, in order.
    #[cfg(test)]
    pub(super) fn names(&self) -> std::collections::BTreeSet<&'static str> {
        self.values.iter().map(|(name, _)| *name).collect()
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.values.iter().find(|(slot, _)| *slot == name).map(|(_, value)| value.as_str())
    }

    /// `template` with every slot filled; a slot with no value stays as
    /// written (each fixed file's unit test checks that none is left).
    fn fill(&self, template: &str) -> String {
        let mut lines = Vec::new();
        for line in template.split('\n') {
            let alone = line.strip_prefix("{$").and_then(|rest| rest.strip_suffix('}'));
            if alone.and_then(|name| self.get(name)).is_some_and(str::is_empty) {
                continue;
            }
            lines.push(self.fill_line(line));
        }
        lines.join("\n")
    }

    fn fill_line(&self, line: &str) -> String {
        let mut out = String::with_capacity(line.len());
        let mut rest = line;
        while let Some(start) = rest.find("{$") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            match after.find('}').and_then(|end| Some((end, self.get(&after[..end])?))) {
                Some((end, value)) => {
                    out.push_str(value);
                    rest = &after[end + 1..];
                }
                None => {
                    out.push_str("{$");
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

impl Fixed {
    /// The items of `source`, one of this crate's fixed files, but its
    /// `use` items (the generated module has its own imports) and its
    /// `#[cfg(test)]` ones (its tests stay here).
    pub(super) fn parse(source: &str) -> Self {
        // `source` is one of this crate's own files, compiled into it, so
        // it always parses.
        let file: syn::File = syn::parse_str(source).expect("fixed runtime code parses");
        let items =
            file.items.into_iter().filter(|item| !matches!(item, syn::Item::Use(_)) && !is_test_only(item));
        Fixed { attrs: file.attrs, items: items.collect() }
    }

    /// Every doc comment with its slots filled from `slots`.
    #[must_use]
    pub(super) fn fill(mut self, slots: &Slots) -> Self {
        for item in &mut self.items {
            for attrs in item_attrs(item) {
                fill_docs(attrs, slots);
            }
        }
        self
    }

    /// Without `named`: an item that names what the catalogue does not
    /// have, or that the catalogue's crate would not use.
    #[must_use]
    pub(super) fn without(mut self, named: Named) -> Self {
        self.items.retain(|item| !is(item, named));
        if let Named::Method(owner, method) = named {
            for item in &mut self.items {
                if let syn::Item::Impl(item) = item
                    && item.trait_.is_none()
                    && type_name(&item.self_ty) == owner
                {
                    item.items
                        .retain(|member| !matches!(member, syn::ImplItem::Fn(f) if f.sig.ident == method));
                }
            }
        }
        self
    }

    /// Every expression `old` (compared as tokens) replaced by `new`.
    #[must_use]
    pub(super) fn replace_expr(mut self, old: &syn::Expr, new: &syn::Expr) -> Self {
        let old = old.to_token_stream().to_string();
        for item in &mut self.items {
            let mut tokens = item.to_token_stream();
            if replace_tokens(&mut tokens, &old, new) {
                *item = syn::parse2(tokens).expect("an expression replaced by an expression parses");
            }
        }
        self
    }

    /// Whether the file has an item `named`.
    #[cfg(test)]
    pub(super) fn has(&self, named: Named) -> bool {
        self.items.iter().any(|item| match named {
            Named::Method(owner, method) => matches!(item, syn::Item::Impl(item)
                if type_name(&item.self_ty) == owner
                    && item.items.iter().any(|m| matches!(m, syn::ImplItem::Fn(f) if f.sig.ident == method))),
            _ => is(item, named),
        })
    }

    /// The names of the slots the file's docs have.
    #[cfg(test)]
    pub(super) fn slots(&self) -> std::collections::BTreeSet<String> {
        let mut names = std::collections::BTreeSet::new();
        let mut items = self.items.clone();
        for item in &mut items {
            for attrs in item_attrs(item) {
                for text in attrs.iter().filter_map(doc_text) {
                    let mut rest = text.as_str();
                    while let Some(start) = rest.find("{$") {
                        let after = &rest[start + 2..];
                        let end = after.find('}').unwrap_or(after.len());
                        names.insert(after[..end].to_owned());
                        rest = &after[end..];
                    }
                }
            }
        }
        names
    }

    /// The file as a module `name`, its inner docs kept.
    pub(super) fn into_module(self, name: &str) -> TokenStream {
        let name = super::tokens::ident(name);
        let Fixed { attrs, items } = self;
        quote! {
            mod #name {
                #(#attrs)*
                #(#items)*
            }
        }
    }
}

impl ToTokens for Fixed {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        for item in &self.items {
            item.to_tokens(tokens);
        }
    }
}

/// A placeholder item in `quote!`'d code whose printed line is replaced
/// by the data writer's text: what grows with the rows skips the token road.
#[derive(Clone, Copy, Debug)]
pub(super) enum TextSlot {
    /// The variants of an enum.
    Variants,
    /// Associated constants in an `impl`.
    Consts,
    /// Items in a top-level module.
    Items,
}

impl TextSlot {
    /// The placeholder, as it goes into `quote!`.
    pub(super) fn tokens(self) -> TokenStream {
        match self {
            TextSlot::Variants => quote! { __ErrcatVariants, },
            TextSlot::Consts => quote! { const __ERRCAT_CONSTS: () = (); },
            TextSlot::Items => quote! { const __ERRCAT_ITEMS: () = (); },
        }
    }

    /// The placeholder's whole line, as prettyplease prints it.
    fn line(self) -> &'static str {
        match self {
            TextSlot::Variants => "    __ErrcatVariants,\n",
            TextSlot::Consts => "    const __ERRCAT_CONSTS: () = ();\n",
            TextSlot::Items => "    const __ERRCAT_ITEMS: () = ();\n",
        }
    }

    /// `printed` with the placeholder's line replaced by `text`.
    pub(super) fn fill(self, printed: &mut String, text: &str) {
        errcat_model::rust_data::splice(printed, self.line(), text);
    }
}

/// The attribute lists of an item and of what it holds (fields, variants,
/// an impl's or a trait's members), where doc comments go.
fn item_attrs(item: &mut syn::Item) -> Vec<&mut Vec<syn::Attribute>> {
    match item {
        syn::Item::Struct(item) => {
            let mut attrs = vec![&mut item.attrs];
            attrs.extend(item.fields.iter_mut().map(|field| &mut field.attrs));
            attrs
        }
        syn::Item::Enum(item) => {
            let mut attrs = vec![&mut item.attrs];
            attrs.extend(item.variants.iter_mut().map(|variant| &mut variant.attrs));
            attrs
        }
        syn::Item::Impl(item) => {
            let mut attrs = vec![&mut item.attrs];
            attrs.extend(item.items.iter_mut().filter_map(|member| match member {
                syn::ImplItem::Fn(member) => Some(&mut member.attrs),
                syn::ImplItem::Const(member) => Some(&mut member.attrs),
                syn::ImplItem::Type(member) => Some(&mut member.attrs),
                _ => None,
            }));
            attrs
        }
        syn::Item::Trait(item) => {
            let mut attrs = vec![&mut item.attrs];
            attrs.extend(item.items.iter_mut().filter_map(|member| match member {
                syn::TraitItem::Fn(member) => Some(&mut member.attrs),
                syn::TraitItem::Const(member) => Some(&mut member.attrs),
                _ => None,
            }));
            attrs
        }
        syn::Item::Fn(item) => vec![&mut item.attrs],
        syn::Item::Const(item) => vec![&mut item.attrs],
        _ => Vec::new(),
    }
}

/// The text of a `#[doc = "…"]` attribute.
fn doc_text(attr: &syn::Attribute) -> Option<String> {
    match &attr.meta {
        syn::Meta::NameValue(meta) if meta.path.is_ident("doc") => match &meta.value {
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(text), .. }) => Some(text.value()),
            _ => None,
        },
        _ => None,
    }
}

/// Fills the slots of a doc comment, printed again one attribute per line
/// as `///` comments print.
fn fill_docs(attrs: &mut Vec<syn::Attribute>, slots: &Slots) {
    let lines: Vec<(usize, String)> =
        attrs.iter().enumerate().filter_map(|(i, attr)| Some((i, doc_text(attr)?))).collect();
    if !lines.iter().any(|(_, line)| line.contains("{$")) {
        return;
    }
    let template: Vec<&str> = lines.iter().map(|(_, line)| line.strip_prefix(' ').unwrap_or(line)).collect();
    let filled = syn::Attribute::parse_outer
        .parse2(doc(&slots.fill(&template.join("\n"))))
        .expect("doc attributes parse");
    let first = lines[0].0;
    let mut i = 0;
    attrs.retain(|_| {
        i += 1;
        !lines.iter().any(|(line, _)| *line == i - 1)
    });
    attrs.splice(first..first, filled);
}

/// Whether `item` is `named` (a type's impls included).
fn is(item: &syn::Item, named: Named) -> bool {
    match (item, named) {
        (syn::Item::Struct(item), Named::Type(name)) => item.ident == name,
        (syn::Item::Enum(item), Named::Type(name)) => item.ident == name,
        (syn::Item::Impl(item), Named::Type(name)) => type_name(&item.self_ty) == name,
        (syn::Item::Fn(item), Named::Fn(name)) => item.sig.ident == name,
        _ => false,
    }
}

/// Replaces every run of `tokens` that prints as `old` by `new`, looking
/// inside groups; whether any was replaced.
fn replace_tokens(tokens: &mut TokenStream, old: &str, new: &syn::Expr) -> bool {
    use proc_macro2::{Group, TokenTree};
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let mut out: Vec<TokenTree> = Vec::with_capacity(trees.len());
    let mut replaced = false;
    let mut i = 0;
    'trees: while i < trees.len() {
        // The shortest run from `i` that prints as `old`.
        let mut run = TokenStream::new();
        for (j, tree) in trees[i..].iter().enumerate() {
            run.extend([tree.clone()]);
            let printed = run.to_string();
            if printed == old {
                out.extend(new.to_token_stream());
                replaced = true;
                i += j + 1;
                continue 'trees;
            }
            if !old.starts_with(&printed) {
                break;
            }
        }
        let mut tree = trees[i].clone();
        if let TokenTree::Group(group) = &tree {
            let mut inner = group.stream();
            if replace_tokens(&mut inner, old, new) {
                let mut new_group = Group::new(group.delimiter(), inner);
                new_group.set_span(group.span());
                tree = TokenTree::Group(new_group);
                replaced = true;
            }
        }
        out.push(tree);
        i += 1;
    }
    if replaced {
        *tokens = out.into_iter().collect();
    }
    replaced
}

/// Whether `item` is marked `#[cfg(test)]`.
fn is_test_only(item: &syn::Item) -> bool {
    let attrs = match item {
        syn::Item::Mod(item) => &item.attrs,
        syn::Item::Fn(item) => &item.attrs,
        _ => return false,
    };
    attrs.iter().any(|attr| {
        matches!(&attr.meta, syn::Meta::List(list) if list.path.is_ident("cfg") && list.tokens.to_string() == "test")
    })
}

/// The last segment of a type's path (`BodyCode`), or nothing.
fn type_name(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Path(path) => path.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default(),
        _ => String::new(),
    }
}

mod cfg;
#[cfg(test)]
mod tests;
