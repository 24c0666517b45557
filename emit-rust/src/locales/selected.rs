//! A value whose template some locale translates into a selection by a
//! count (`.match $count`): its `Message` written out rather than a line
//! of `message_impls!`, with `select`, a `match` on the locale and then on
//! the count (and its category there, `plural/`) whose arms are each
//! variant's pieces, which `LocalizedMessage` renders as it renders any
//! translated template. The row's place in `MESSAGE_IN_AT` is
//! `translated::SELECTED`; `Display`, in the default, selects by itself
//! (`values/items.rs`).

use proc_macro2::TokenStream;
use quote::quote;

use super::super::plural;
use super::super::tokens::ident;
use super::super::values::Value;
use errcat_model::locales::Locales;
use errcat_model::params::{Piece, Template};
use errcat_model::plural::Select;

/// Whether some locale translates the value's template into a selection.
pub(super) fn selects(locales: &Locales, value: &Value) -> bool {
    value.row.message.is_some()
        && locales.others.iter().any(|locale| {
            locale
                .row(&value.row.code)
                .and_then(|texts| texts.message.as_ref())
                .is_some_and(|template| template.select.is_some())
        })
}

/// Each selecting value's `Message`, written out.
pub(super) fn emit_selected_impls(locales: &Locales, values: &[Value]) -> TokenStream {
    let impls = values.iter().filter(|value| selects(locales, value)).map(|value| {
        let path = value.path();
        let code = ident(&value.table.error_code_variant);
        let params = value.row.message.as_ref().map(Template::placeholders).unwrap_or_default();
        let fields = params.iter().map(|name| ident(name));
        let arms = locales.others.iter().filter_map(|locale| {
            let template = locale.row(&value.row.code)?.message.as_ref()?;
            let select = template.select.as_ref()?;
            let variant = ident(&locale.variant());
            let pieces = select_match(select, &params, &locale.tag);
            Some(quote! { crate::Locale::#variant => #pieces, })
        });
        quote! {
            impl Message for #path {
                const ERROR_CODE: crate::ErrorCode = crate::ErrorCode::#code(Self::ERROR);

                fn render(&self, pieces: Pieces) -> ::alloc::string::String {
                    render(pieces, &[#(&self.#fields),*])
                }

                fn select(&self, locale: crate::Locale) -> Pieces {
                    match locale {
                        #(#arms)*
                        // Its template there does not select.
                        _ => &[],
                    }
                }
            }
        }
    });
    quote! { #(#impls)* }
}

/// A selection as the `match` of its count (and its category in `tag`)
/// whose arms are each variant's pieces.
fn select_match(select: &Select, params: &[&str], tag: &str) -> TokenStream {
    let count = format!("self.{}", select.param);
    let scrutinee = tokens(&plural::scrutinee(select, tag, &count));
    let arms = plural::arms(select).into_iter().map(|(pattern, variant)| {
        let pattern = tokens(&pattern);
        let pieces = pieces_of(&variant.pieces, params);
        quote! { #pattern => #pieces, }
    });
    quote! { match #scrutinee { #(#arms)* } }
}

/// Rust the emitter itself writes as text (a pattern, a call), as tokens.
fn tokens(text: &str) -> TokenStream {
    text.parse().expect("the emitter writes Rust")
}

/// A variant's pieces, as `message_data::runs` splits them.
fn pieces_of(template: &[Piece], params: &[&str]) -> TokenStream {
    let pieces = super::message_data::runs(template, params).into_iter().map(|(text, at)| {
        let at = proc_macro2::Literal::usize_unsuffixed(at);
        quote! { (#text, #at) }
    });
    quote! { &[#(#pieces),*] }
}
