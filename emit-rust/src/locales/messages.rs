//! `message_in` on each value and on `ErrorValue`: a value's message in a
//! locale that translates it, else `Display`'s, in the default.
//!
//! A translated template is data, not a `format!` of its own: its pieces
//! (`("text before", param)`, the param counted from 1 among the default
//! template's, 0 for none) are rendered by one function of the crate,
//! `translated::render`, with the value's fields: a `format!` per template
//! cost twice as much to compile (BENCHMARKS.md, "Locales: MySQL's 23
//! translations"). A partial locale's fallback is `Display` itself, not
//! written again.

use proc_macro2::TokenStream;
use quote::quote;

use super::super::plural;
use super::super::tokens::{doc, ident};
use super::super::values::{Value, values};
use errcat_model::Catalogue;
use errcat_model::locales::Locales;
use errcat_model::params::{Piece, Template};

/// `message_in` for each value and `ErrorValue`, and the renderer they share.
pub(super) fn emit_message_in(catalogue: &Catalogue, locales: &Locales) -> TokenStream {
    let values = values(catalogue);
    if values.is_empty() {
        return TokenStream::new();
    }
    let structs = values.iter().map(|value| emit_value_message_in(locales, value));
    let variants: Vec<_> = values.iter().map(|value| &value.variant).collect();
    let renders = values.iter().any(|value| {
        value.row.message.is_some()
            && locales
                .others
                .iter()
                .any(|locale| locale.row(&value.row.code).is_some_and(|t| t.message.is_some()))
    });
    let render = renders.then(|| {
        quote! {
            /// Translated message templates, rendered.
            #[cfg(feature = "alloc")]
            mod translated {
                use ::core::fmt::{Display, Write};

                /// A template's pieces: the text before a param, and the param
                /// (counted from 1 in `params`, 0 for none).
                pub(crate) type Pieces = &'static [(&'static str, usize)];

                /// `pieces` with each param shown as `Display` shows it, in a
                /// `String` sized for the text and a short word per param.
                pub(crate) fn render(pieces: Pieces, params: &[&dyn Display]) -> ::alloc::string::String {
                    let mut size = 16 * params.len();
                    for &(before, _) in pieces {
                        size += before.len();
                    }
                    let mut text = ::alloc::string::String::with_capacity(size);
                    for &(before, param) in pieces {
                        text.push_str(before);
                        if let ::core::option::Option::Some(param) = params.get(param.wrapping_sub(1)) {
                            // Writing to a `String` never fails.
                            let _ = ::core::write!(text, "{param}");
                        }
                    }
                    text
                }
            }
        }
    });
    quote! {
        #render
        #(#structs)*

        #[cfg(feature = "alloc")]
        impl crate::values::ErrorValue {
            /// The message in `locale`: `Display`'s text in the default.
            #[must_use]
            pub fn message_in(&self, locale: crate::Locale) -> ::alloc::string::String {
                match self {
                    #(Self::#variants(value) => value.message_in(locale),)*
                }
            }

            /// The locale [`message_in(locale)`](Self::message_in) is written
            /// in: `locale` where it translates this error, else the default.
            #[must_use]
            pub fn message_locale(&self, locale: crate::Locale) -> crate::Locale {
                match self {
                    #(Self::#variants(value) => value.message_locale(locale),)*
                }
            }
        }
    }
}

/// One value's `message_in`: the pieces of each locale translating its
/// template, a description where it has none, `Display` for the rest.
fn emit_value_message_in(locales: &Locales, value: &Value<'_>) -> TokenStream {
    let Value { path, row, .. } = value;
    let docs =
        doc(&format!("The message in `locale`: `Display`'s text in the default, `{}`.", locales.default));
    let display = quote! { ::alloc::string::ToString::to_string(self) };
    // The locales `message_in` translates the row in: its template's, or
    // its description's for a row without one.
    let translating: Vec<TokenStream> = locales
        .others
        .iter()
        .filter(|locale| {
            locale.row(&row.code).is_some_and(|texts| match row.message {
                Some(_) => texts.message.is_some(),
                None => texts.description.is_some(),
            })
        })
        .map(|locale| {
            let variant = ident(&locale.variant());
            quote!(crate::Locale::#variant)
        })
        .collect();
    let locale_body = if translating.is_empty() {
        quote! { let _ = locale; crate::Locale::DEFAULT }
    } else {
        quote! {
            match locale {
                #(#translating)|* => locale,
                _ => crate::Locale::DEFAULT,
            }
        }
    };
    let body = match &row.message {
        Some(default) => {
            let params = default.placeholders();
            let arms: Vec<TokenStream> = locales
                .others
                .iter()
                .filter_map(|locale| {
                    let template = locale.row(&row.code)?.message.as_ref()?;
                    let variant = ident(&locale.variant());
                    let pieces = pieces(template, &params, &locale.tag);
                    Some(quote! { crate::Locale::#variant => #pieces, })
                })
                .collect();
            if arms.is_empty() {
                quote! { let _ = locale; #display }
            } else {
                let fields = params.iter().map(|name| ident(name));
                quote! {
                    let pieces: crate::translated::Pieces = match locale {
                        #(#arms)*
                        _ => return #display,
                    };
                    crate::translated::render(pieces, &[#(&self.#fields),*])
                }
            }
        }
        None => {
            let translated: Vec<TokenStream> = locales
                .others
                .iter()
                .filter(|locale| locale.row(&row.code).is_some_and(|texts| texts.description.is_some()))
                .map(|locale| {
                    let variant = ident(&locale.variant());
                    quote!(crate::Locale::#variant)
                })
                .collect();
            if translated.is_empty() {
                quote! { let _ = locale; #display }
            } else {
                quote! {
                    match locale {
                        #(#translated)|* => ::alloc::string::String::from(self.error().description_in(locale)),
                        _ => #display,
                    }
                }
            }
        }
    };
    quote! {
        #[cfg(feature = "alloc")]
        impl #path {
            #docs
            #[must_use]
            pub fn message_in(&self, locale: crate::Locale) -> ::alloc::string::String {
                #body
            }

            /// The locale [`message_in(locale)`](Self::message_in) is written
            /// in: `locale` where it translates this error, else the default.
            #[must_use]
            pub fn message_locale(&self, locale: crate::Locale) -> crate::Locale {
                #locale_body
            }
        }
    }
}

/// A template as pieces, or for a selection the `match` of its count (and
/// its category in `tag`) whose arms are each variant's pieces.
fn pieces(template: &Template, params: &[&str], tag: &str) -> TokenStream {
    let Some(select) = &template.select else {
        return pieces_of(&template.pieces, params);
    };
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

/// Pieces: each stretch of text with the param after it (its place in
/// `params` from 1), the last text with 0.
fn pieces_of(template: &[Piece], params: &[&str]) -> TokenStream {
    let mut pieces = Vec::new();
    let mut text = String::new();
    for piece in template {
        match piece {
            Piece::Text(more) => text.push_str(more),
            Piece::Param(name) => {
                let at =
                    params.iter().position(|p| p == name).expect("a translation shows the default's params");
                let at = proc_macro2::Literal::usize_unsuffixed(at + 1);
                pieces.push(quote! { (#text, #at) });
                text.clear();
            }
        }
    }
    if !text.is_empty() || pieces.is_empty() {
        let none = proc_macro2::Literal::usize_unsuffixed(0);
        pieces.push(quote! { (#text, #none) });
    }
    quote! { &[#(#pieces),*] }
}
