//! Plural selection in the generated crate: the `plural` module, CLDR's
//! rule of each language whose messages select by a category, as a
//! `const fn` over the count's absolute value (integer operands only, so
//! each is a few comparisons; no data table, no dependency, `no_std`),
//! and the `match` a selecting message's variants become, in `Display`
//! (`values/items.rs`) and in `message_in` (`locales/messages.rs`).
//!
//! Only the languages whose messages key a variant by a category get a
//! function; a message keyed by counts and `*` alone compares the count.

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::{doc, ident};
use errcat_model::Catalogue;
use errcat_model::params::Template;
use errcat_model::plural::{Category, PluralRules, Select, Variant, VariantKey};

/// The function of a language's rule in the `plural` module (`pl`, `pt_br`).
pub(crate) fn function(tag: &str) -> String {
    tag.to_ascii_lowercase().replace('-', "_")
}

/// Whether a selection keys a variant by a category, so that it reads its
/// language's rule.
pub(crate) fn by_category(select: &Select) -> bool {
    select.variants.iter().any(|variant| matches!(variant.key, VariantKey::Category(_)))
}

/// Every selecting template of the catalogue with the tag of its language:
/// the rows' in the default locale, then each other locale's.
fn selecting(catalogue: &Catalogue) -> Vec<(&str, &Select)> {
    let mut found = Vec::new();
    let Some(locales) = &catalogue.locales else {
        return found;
    };
    fn select(template: &Template) -> Option<&Select> {
        template.select.as_ref().filter(|select| by_category(select))
    }
    for (_, row) in catalogue.rows() {
        if let Some(select) = row.message.as_ref().and_then(select) {
            found.push((locales.default.as_str(), select));
        }
    }
    for locale in &locales.others {
        for (_, row) in catalogue.rows() {
            if let Some(select) =
                locale.row(&row.code).and_then(|texts| texts.message.as_ref()).and_then(select)
            {
                found.push((locale.tag.as_str(), select));
            }
        }
    }
    found
}

/// The `plural` module: `Category` with the categories the rules give an
/// integer, and a function per language whose messages select by one;
/// nothing when no message does.
pub(crate) fn emit_plural(catalogue: &Catalogue) -> TokenStream {
    let mut languages: Vec<(String, PluralRules)> = Vec::new();
    for (tag, select) in selecting(catalogue) {
        let Some(rules) = select.rules else { continue };
        let name = function(tag);
        if !languages.iter().any(|(known, _)| *known == name) {
            languages.push((name, rules));
        }
    }
    if languages.is_empty() {
        return TokenStream::new();
    }
    let categories: Vec<Category> = Category::ALL
        .into_iter()
        .filter(|category| languages.iter().any(|(_, rules)| rules.integer_categories().contains(category)))
        .collect();
    let variants = categories.iter().map(|category| {
        let docs = doc(&format!("CLDR's `{}`.", category.keyword()));
        let variant = ident(category.variant());
        quote! { #docs #variant, }
    });
    let functions = languages.iter().map(|(name, rules)| {
        let docs = doc(&format!(
            "The category of `n` in `{}` (CLDR's rule for `{}`, for integers).",
            name.replace('_', "-"),
            rules.tag()
        ));
        let function = ident(name);
        let body: syn::Expr = syn::parse_str(rules.body()).expect("the converted CLDR rules are Rust");
        let n = if rules.reads_count() { quote!(n) } else { quote!(_) };
        quote! {
            #docs
            pub(crate) const fn #function(#n: u64) -> Category {
                #body
            }
        }
    });
    quote! {
        /// CLDR's plural rules of the languages whose messages select by a
        /// count's category, for integer counts (CLDR 47, under the Unicode
        /// License v3): a count's category is its absolute value's.
        #[cfg(feature = "alloc")]
        mod plural {
            /// A CLDR plural category.
            pub(crate) enum Category {
                #(#variants)*
            }

            #(#functions)*
        }
    }
}

/// A selection's variants in the order a `match` tries them (exact counts,
/// then categories, then `*`), each with its pattern in the `match` over
/// `(count, category)` (`(0, _)`, `(_, crate::plural::Category::One)`, `_`),
/// or over the count alone when no variant is keyed by a category.
pub(crate) fn arms(select: &Select) -> Vec<(String, &Variant)> {
    let by_category = by_category(select);
    select
        .by_preference()
        .into_iter()
        .map(|variant| {
            let pattern = match (variant.key, by_category) {
                (VariantKey::Exact(n), true) => format!("({n}, _)"),
                (VariantKey::Exact(n), false) => n.to_string(),
                (VariantKey::Category(category), _) => {
                    format!("(_, crate::plural::Category::{})", category.variant())
                }
                (VariantKey::Other, _) => "_".to_owned(),
            };
            (pattern, variant)
        })
        .collect()
}

/// What a selection's `match` is over, given the count's expression
/// (`self.count`): the count and its category in `tag`, or the count alone.
pub(crate) fn scrutinee(select: &Select, tag: &str, count: &str) -> String {
    match select.rules.filter(|_| by_category(select)) {
        Some(_) => format!("({count}, crate::plural::{}({count}.unsigned_abs()))", function(tag)),
        None => count.to_owned(),
    }
}
