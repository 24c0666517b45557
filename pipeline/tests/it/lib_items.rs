//! What the tests read of a catalogue's generated `lib.rs` as Rust: the
//! types it defines, its enums' inherent items and their variants'
//! deprecation notes, parsed with syn once per catalogue and test binary
//! (syn's tree cannot be shared between the tests' threads; this can).

use std::collections::BTreeSet;
use std::sync::Arc;

use errcat_model::Catalogue;

use crate::memo::Memo;

/// The parts of a generated `lib.rs` the tests check.
pub struct LibItems {
    /// The types the crate defines or imports at its root: its enums,
    /// structs and the names its `use` items bring in.
    pub types: BTreeSet<String>,
    /// The same of its `response` module, when it has one.
    pub response_types: Option<BTreeSet<String>>,
    /// The members of each inherent `impl` of a type named by one
    /// identifier: the type's name and the member's (`None` for a member
    /// that is no const, fn or type).
    pub inherent: Vec<(String, Option<String>)>,
    /// The `note` of every enum variant's `#[deprecated]`, in the order of
    /// the file.
    pub deprecation_notes: Vec<String>,
}

/// `catalogue`'s `lib.rs`, as the Rust emitter writes it, read.
pub fn lib_items(catalogue: &Catalogue) -> Arc<LibItems> {
    static ITEMS: Memo<Catalogue, LibItems> = Memo::new();
    ITEMS.get(catalogue, || {
        let lib: syn::File =
            syn::parse_str(&errcat_pipeline::emit::rust::emit_lib(catalogue)).expect("lib.rs parses");
        let mut types = BTreeSet::new();
        collect_type_names(&lib.items, &mut types);
        let response_types = lib.items.iter().find_map(|item| match item {
            syn::Item::Mod(module) if module.ident == "response" => {
                module.content.as_ref().map(|(_, items)| {
                    let mut types = BTreeSet::new();
                    collect_type_names(items, &mut types);
                    types
                })
            }
            _ => None,
        });
        let mut inherent = Vec::new();
        for item in &lib.items {
            let syn::Item::Impl(block) = item else { continue };
            let syn::Type::Path(self_type) = &*block.self_ty else { continue };
            let Some(self_name) = self_type.path.get_ident().filter(|_| block.trait_.is_none()) else {
                continue;
            };
            for member in &block.items {
                let name = match member {
                    syn::ImplItem::Const(member) => Some(&member.ident),
                    syn::ImplItem::Fn(member) => Some(&member.sig.ident),
                    syn::ImplItem::Type(member) => Some(&member.ident),
                    _ => None,
                };
                inherent.push((self_name.to_string(), name.map(ToString::to_string)));
            }
        }
        let deprecation_notes = lib
            .items
            .iter()
            .filter_map(|item| match item {
                syn::Item::Enum(item) => Some(item.variants.iter()),
                _ => None,
            })
            .flatten()
            .filter_map(deprecation_note)
            .collect();
        LibItems { types, response_types, inherent, deprecation_notes }
    })
}

/// The names the crate's items take among `items`: enums, structs and
/// the names `use` items bring in.
fn collect_type_names(items: &[syn::Item], types: &mut BTreeSet<String>) {
    for item in items {
        match item {
            syn::Item::Enum(item) => types.insert(item.ident.to_string()),
            syn::Item::Struct(item) => types.insert(item.ident.to_string()),
            syn::Item::Use(item) => {
                collect_use_names(&item.tree, types);
                true
            }
            _ => false,
        };
    }
}

fn collect_use_names(tree: &syn::UseTree, names: &mut BTreeSet<String>) {
    match tree {
        syn::UseTree::Path(path) => collect_use_names(&path.tree, names),
        syn::UseTree::Name(name) => {
            names.insert(name.ident.to_string());
        }
        syn::UseTree::Rename(rename) => {
            names.insert(rename.rename.to_string());
        }
        syn::UseTree::Group(group) => group.items.iter().for_each(|tree| collect_use_names(tree, names)),
        syn::UseTree::Glob(_) => panic!("a glob import hides which names the crate takes"),
    }
}

/// The `note` of a variant's `#[deprecated]`, if it has one.
fn deprecation_note(variant: &syn::Variant) -> Option<String> {
    let attribute = variant.attrs.iter().find(|attribute| attribute.path().is_ident("deprecated"))?;
    let note: syn::MetaNameValue = attribute.parse_args().expect("#[deprecated(note = …)]");
    match note.value {
        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(note), .. }) => Some(note.value()),
        _ => panic!("a note is a string"),
    }
}
