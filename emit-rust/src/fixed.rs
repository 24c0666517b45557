//! Splices fixed runtime code (a `.rs` file this crate compiles and tests)
//! into the generated crate, with the docs that vary by catalogue attached
//! to the items they name.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use syn::parse::Parser;

/// The items of `source` but its `use` items (the generated module has its
/// own imports) and its `#[cfg(test)]` ones (its tests stay here), each of `docs` put first on the item it names: `Type` for
/// a struct or an enum, `Type.field` for a struct's field, `Type::method`
/// for a method of its inherent impl.
pub(super) fn items(source: &str, docs: Vec<(String, TokenStream)>) -> Vec<syn::Item> {
    items_without(source, docs, &[])
}

/// [`items`], leaving out the methods named in `without` (`Type::method`):
/// those that name a generated item the catalogue does not have.
pub(super) fn items_without(
    source: &str,
    docs: Vec<(String, TokenStream)>,
    without: &[&str],
) -> Vec<syn::Item> {
    // `source` is one of this crate's own files, compiled into it, so it
    // always parses.
    let file: syn::File = syn::parse_str(source).expect("fixed runtime code parses");
    let mut docs: BTreeMap<String, TokenStream> = docs.into_iter().collect();
    let mut items = Vec::with_capacity(file.items.len());
    for mut item in file.items {
        if is_test_only(&item) {
            continue;
        }
        match &mut item {
            syn::Item::Use(_) => continue,
            syn::Item::Struct(item) => {
                prepend(&mut item.attrs, docs.remove(&item.ident.to_string()));
                for field in &mut item.fields {
                    if let Some(name) = &field.ident {
                        prepend(&mut field.attrs, docs.remove(&format!("{}.{name}", item.ident)));
                    }
                }
            }
            syn::Item::Enum(item) => prepend(&mut item.attrs, docs.remove(&item.ident.to_string())),
            syn::Item::Impl(item) if item.trait_.is_none() => {
                let owner = type_name(&item.self_ty);
                item.items.retain(|member| {
                    !matches!(member, syn::ImplItem::Fn(method)
                        if without.contains(&format!("{owner}::{}", method.sig.ident).as_str()))
                });
                for member in &mut item.items {
                    if let syn::ImplItem::Fn(method) = member {
                        prepend(&mut method.attrs, docs.remove(&format!("{owner}::{}", method.sig.ident)));
                    }
                }
            }
            _ => {}
        }
        items.push(item);
    }
    // A name that matches nothing is a bug here, not in the user's spec.
    assert!(docs.is_empty(), "docs for items the fixed code does not have: {:?}", docs.keys());
    items
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

/// Puts `docs` (`#[doc]` attributes) before the item's own attributes.
fn prepend(attrs: &mut Vec<syn::Attribute>, docs: Option<TokenStream>) {
    if let Some(docs) = docs {
        let docs = syn::Attribute::parse_outer.parse2(docs).expect("doc attributes parse");
        attrs.splice(0..0, docs);
    }
}

/// The last segment of a type's path (`BodyCode`), or nothing.
fn type_name(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Path(path) => path.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use quote::{ToTokens, quote};

    use super::items;

    const SOURCE: &str = "//! A file.\nuse std::fmt;\n#[derive(Debug)]\npub struct A {\npub x: u8,\n}\nimpl A {\n#[must_use]\npub fn f(self) {}\n}\n#[cfg(test)]\nmod tests {}\n";

    #[test]
    fn drops_uses_and_tests_and_puts_docs_first() {
        let docs = [
            ("A", quote!(#[doc = " An A."])),
            ("A.x", quote!(#[doc = " X."])),
            ("A::f", quote!(#[doc = " F."])),
        ];
        let spliced = items(SOURCE, docs.into_iter().map(|(name, doc)| (name.to_owned(), doc)).collect());
        let text: Vec<String> = spliced.iter().map(|item| item.to_token_stream().to_string()).collect();
        assert_eq!(text.len(), 2, "{text:?}");
        assert!(text[0].starts_with("# [doc = \" An A.\"] # [derive (Debug)]"), "{}", text[0]);
        assert!(text[0].contains("{ # [doc = \" X.\"] pub x : u8"), "{}", text[0]);
        assert!(text[1].contains("# [doc = \" F.\"] # [must_use] pub fn f"), "{}", text[1]);
    }

    #[test]
    #[should_panic(expected = "docs for items the fixed code does not have")]
    fn refuses_docs_for_a_missing_item() {
        items(SOURCE, vec![("B".to_owned(), quote!(#[doc = " A B."]))]);
    }
}
