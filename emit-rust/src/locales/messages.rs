//! `LocalizedMessage`: a value's message in a locale that translates it,
//! else `Display`'s, in the default; one generic implementation for every
//! value, `ErrorValue`'s and `Occurrence`'s.
//!
//! Per value the crate has only data: a line of `message_impls!` giving
//! its error as a constant (and, where a locale translates its template,
//! the fields the template shows), while the translations are each
//! table's constants (`message_data.rs`). A translated template is its
//! pieces (`("text before", param)`, the param counted from 1 among the
//! default template's, 0 for none), rendered by one function of the crate,
//! `translated::render`: a `format!` per template cost twice as much to
//! compile, and two methods per value written out cost the crate with the
//! default locale alone half its build time again (BENCHMARKS.md,
//! "Locales: MySQL's 23 translations"). A partial locale's fallback is
//! `Display` itself, not written again.

use proc_macro2::TokenStream;
use quote::quote;

use super::super::splice::TextSlot;
use super::super::tokens::doc;
use super::super::values::guide::{Sample, shown};
use super::super::values::{Value, occurrence, values};
use super::message_data::{Translates, emit_message_data};
use super::selected::{emit_selected_impls, selects};
use super::{print, with_locales};
use errcat_model::Catalogue;
use errcat_model::locales::Locales;
use errcat_model::rust_items::Items;
use errcat_model::text::rust_str;

/// `LocalizedMessage`, its implementations and the data they read,
/// printed; nothing when no row has a value.
pub(super) fn emit_message_in(catalogue: &Catalogue, locales: &Locales) -> String {
    let values = values(catalogue);
    if values.is_empty() {
        return String::new();
    }
    let translates = Translates::of(catalogue, locales);
    let trait_docs = doc(&trait_docs(catalogue, locales, &values));
    let (message_in, message_locale) = if translates.any() {
        let description = translates.described.then(|| {
            quote! {
                translated::Translation::Description => ::alloc::string::String::from(T::ERROR_CODE.description_in(locale)),
            }
        });
        let pieces = translates.pieces.then(|| {
            quote! { translated::Translation::Pieces(pieces) => self.render(pieces), }
        });
        let selected = translates.selected.then(|| {
            quote! { translated::Translation::Selected => self.render(self.select(locale)), }
        });
        (
            quote! {
                match T::ERROR_CODE.message_translation(locale) {
                    translated::Translation::Default => ::alloc::string::ToString::to_string(self),
                    #description
                    #pieces
                    #selected
                }
            },
            quote! { T::ERROR_CODE.message_translation(locale).locale(locale) },
        )
    } else {
        (
            quote! {
                let _ = locale;
                ::alloc::string::ToString::to_string(self)
            },
            quote! {
                let _ = locale;
                crate::Locale::DEFAULT
            },
        )
    };
    let error_value = emit_error_value(locales, &values, translates);
    let occurrence = occurrence::exists(catalogue).then(|| {
        quote! {
            /// The value's.
            #[cfg(feature = "serde")]
            impl<V: LocalizedMessage> LocalizedMessage for crate::values::Occurrence<V> {
                fn message_in(&self, locale: crate::Locale) -> ::alloc::string::String {
                    self.value.message_in(locale)
                }

                fn message_locale(&self, locale: crate::Locale) -> crate::Locale {
                    self.value.message_locale(locale)
                }
            }
        }
    });
    let translated = emit_translated(locales, &values, translates);
    let mut printed = print(quote! {
        #trait_docs
        #[cfg(feature = "alloc")]
        pub trait LocalizedMessage {
            /// The message in `locale`: the error's template in it, rendered as
            /// `Display` renders the default's (a row without a template: its
            /// description in it); `Display`'s text in the default, and where
            /// `locale` does not translate it.
            #[must_use]
            fn message_in(&self, locale: crate::Locale) -> ::alloc::string::String;

            /// The locale [`message_in(locale)`](Self::message_in) is written
            /// in: `locale` where it translates this error, else the default
            /// (what an answer's `Content-Language` says).
            #[must_use]
            fn message_locale(&self, locale: crate::Locale) -> crate::Locale;
        }

        /// Every value's, from its error's translations and its fields.
        #[cfg(feature = "alloc")]
        impl<T: translated::Message> LocalizedMessage for T {
            fn message_in(&self, locale: crate::Locale) -> ::alloc::string::String {
                #message_in
            }

            fn message_locale(&self, locale: crate::Locale) -> crate::Locale {
                #message_locale
            }
        }

        #error_value
        #occurrence
        #translated
    });
    TextSlot::Items.fill(&mut printed, &impl_lines(locales, &values, translates));
    printed.push_str(&emit_message_data(catalogue, locales, translates));
    printed
}

/// The trait's docs, with an example of the first value a locale
/// translates (one that shows a param, if any does).
fn trait_docs(catalogue: &Catalogue, locales: &Locales, values: &[Value]) -> String {
    let krate = catalogue.crate_ident();
    let translated = |value: &&Value| {
        locales.others.iter().find_map(|locale| {
            let texts = locale.row(&value.row.code)?;
            let text = match &value.row.message {
                Some(_) => texts.message.as_ref()?.render(|name| {
                    value
                        .params
                        .iter()
                        .find(|param| param.name == name)
                        .map_or_else(String::new, |p| shown(p))
                }),
                None => texts.description.clone()?,
            };
            Some((locale.variant(), text))
        })
    };
    let shows_param =
        |value: &&Value| value.row.message.as_ref().is_some_and(|t| !t.placeholders().is_empty());
    let example = values
        .iter()
        .filter(shows_param)
        .find_map(|value| Some((value, translated(&value)?)))
        .or_else(|| values.iter().find_map(|value| Some((value, translated(&value)?))));
    let (value, asserts) = match example {
        Some((value, (variant, text))) => (
            value,
            format!(
                "{}\nassert_eq!(value.message_in(Locale::DEFAULT), value.to_string());",
                with_locales(
                    &format!(
                        "assert_eq!(value.message_in(Locale::{variant}), {});\n\
                         assert_eq!(value.message_locale(Locale::{variant}), Locale::{variant});",
                        rust_str(&text)
                    ),
                    &format!(
                        "assert_eq!(value.message_in(Locale::{variant}), value.to_string());\n\
                         assert_eq!(value.message_locale(Locale::{variant}), Locale::DEFAULT);"
                    ),
                ),
            ),
        ),
        None => (
            &values[0],
            "assert_eq!(value.message_in(Locale::DEFAULT), value.to_string());\n\
             assert_eq!(value.message_locale(Locale::DEFAULT), Locale::DEFAULT);"
                .to_owned(),
        ),
    };
    let sample = Sample::of(value);
    format!(
        "A value's message in a locale (feature `alloc`): every value and `ErrorValue`\n\
         have it{occurrence}. Where `locale` translates the error, its template in\n\
         `locale` is rendered as `Display` renders the default's, `{default}`, with\n\
         the same fields; elsewhere the message is `Display`'s.\n\n\
         ```\n\
         use {krate}::{{Locale, LocalizedMessage}};\n\
         {uses}\n\
         let value = {literal};\n\
         {asserts}\n\
         ```",
        occurrence =
            if occurrence::exists(catalogue) { ", and so does `Occurrence` (feature `serde`)" } else { "" },
        default = locales.default,
        uses = sample.uses(catalogue),
        literal = sample.literal,
    )
}

/// `ErrorValue`'s, over its variant's error; only the values whose
/// translated templates show fields are matched.
fn emit_error_value(locales: &Locales, values: &[Value], translates: Translates) -> TokenStream {
    let (message_in, message_locale) = if translates.any() {
        let description = translates.described.then(|| {
            quote! {
                translated::Translation::Description => ::alloc::string::String::from(error.description_in(locale)),
            }
        });
        let pieces = translates.pieces.then(|| {
            let arms: Vec<TokenStream> = values
                .iter()
                .filter(|value| renders(locales, value))
                .map(|value| {
                    let variant = value.variant();
                    quote! { Self::#variant(value) => translated::Message::render(value, pieces), }
                })
                .collect();
            let rest = (arms.len() < values.len()).then(|| quote! { _ => translated::render(pieces, &[]), });
            quote! {
                translated::Translation::Pieces(pieces) => match self {
                    #(#arms)*
                    #rest
                },
            }
        });
        let selected = translates.selected.then(|| {
            let arms: Vec<TokenStream> = values
                .iter()
                .filter(|value| selects(locales, value))
                .map(|value| {
                    let variant = value.variant();
                    quote! { Self::#variant(value) => translated::Message::render(value, translated::Message::select(value, locale)), }
                })
                .collect();
            // Only a value whose translation selects is `Selected`.
            let rest = (arms.len() < values.len()).then(|| quote! { _ => ::alloc::string::ToString::to_string(self), });
            quote! {
                translated::Translation::Selected => match self {
                    #(#arms)*
                    #rest
                },
            }
        });
        (
            quote! {
                let error = self.error();
                match error.message_translation(locale) {
                    translated::Translation::Default => ::alloc::string::ToString::to_string(self),
                    #description
                    #pieces
                    #selected
                }
            },
            quote! { self.error().message_translation(locale).locale(locale) },
        )
    } else {
        (
            quote! {
                let _ = locale;
                ::alloc::string::ToString::to_string(self)
            },
            quote! {
                let _ = locale;
                crate::Locale::DEFAULT
            },
        )
    };
    quote! {
        /// The value's.
        #[cfg(feature = "alloc")]
        impl LocalizedMessage for crate::values::ErrorValue {
            fn message_in(&self, locale: crate::Locale) -> ::alloc::string::String {
                #message_in
            }

            fn message_locale(&self, locale: crate::Locale) -> crate::Locale {
                #message_locale
            }
        }
    }
}

/// Whether a value renders its own fields into a translated template:
/// its template shows some, and some locale translates it.
pub(super) fn renders(locales: &Locales, value: &Value) -> bool {
    value.row.message.as_ref().is_some_and(|template| !template.placeholders().is_empty())
        && locales
            .others
            .iter()
            .any(|locale| locale.row(&value.row.code).is_some_and(|texts| texts.message.is_some()))
}

/// The `translated` module: what each value gives (`Message`), the
/// lookup's answer and the renderer, as far as the locales translate.
fn emit_translated(locales: &Locales, values: &[Value], translates: Translates) -> TokenStream {
    let slot = TextSlot::Items.tokens();
    let selected_impls = emit_selected_impls(locales, values);
    let pieces = translates.renders().then(|| {
        quote! {
            /// A template's pieces: the text before a param, and the param
            /// (counted from 1 in the default template's, 0 for none).
            pub type Pieces = &'static [(&'static str, usize)];

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
    });
    let translation = emit_translation(translates);
    let select = translates.selected.then(|| {
        quote! {
            /// The variant its template in `locale` selects by its count, as
            /// pieces; asked only where that template selects.
            fn select(&self, locale: crate::Locale) -> Pieces {
                let _ = locale;
                &[]
            }
        }
    });
    let message = match (translates.any(), translates.renders()) {
        (false, _) => quote! {
            /// What a value gives `LocalizedMessage`: public in this private
            /// module, so that only the crate's values have it.
            pub trait Message: Display {}
        },
        (true, false) => quote! {
            /// What a value gives `LocalizedMessage`: public in this private
            /// module, so that only the crate's values have it.
            pub trait Message: Display {
                /// The error this is a value of.
                const ERROR_CODE: crate::ErrorCode;
            }
        },
        (true, true) => quote! {
            /// What a value gives `LocalizedMessage`: public in this private
            /// module, so that only the crate's values have it.
            pub trait Message: Display {
                /// The error this is a value of.
                const ERROR_CODE: crate::ErrorCode;

                /// Its message from a translated template's `pieces`, its
                /// fields in place.
                fn render(&self, pieces: Pieces) -> ::alloc::string::String {
                    render(pieces, &[])
                }

                #select
            }
        },
    };
    let uses = if translates.renders() {
        quote! { use ::core::fmt::{Display, Write}; }
    } else {
        quote! { use ::core::fmt::Display; }
    };
    quote! {
        /// Translated messages: what each value gives, and the renderer.
        #[cfg(feature = "alloc")]
        mod translated {
            #uses

            #message
            #translation
            #pieces
            #slot
            #selected_impls
        }
    }
}

/// `Translation`, the answer of a row's lookup, with the place in
/// `MESSAGE_IN_AT` that says a template selects; nothing when no locale
/// translates a message.
fn emit_translation(translates: Translates) -> Option<TokenStream> {
    translates.any().then(|| {
        let description = translates.described.then(|| {
            quote! {
                /// Its description in the locale: the row has no template.
                Description,
            }
        });
        let pieces = translates.pieces.then(|| {
            quote! {
                /// Its template in the locale, to render with the value's fields.
                Pieces(Pieces),
            }
        });
        let selected = translates.selected.then(|| {
            quote! {
                /// Its template in the locale selects by a count: the value's
                /// `select` gives the variant, to render with its fields.
                Selected,
            }
        });
        let place = translates.selected.then(|| {
            quote! {
                /// A row's place in `MESSAGE_IN_AT` where its template selects.
                pub(crate) const SELECTED: u32 = u32::MAX - 1;
            }
        });
        quote! {
            /// A value's message in a locale, as its error's row gives it.
            pub enum Translation {
                /// `Display`'s, in the default: the locale leaves it out.
                Default,
                #description
                #pieces
                #selected
            }

            #place

            impl Translation {
                /// The locale the message is written in, asked in `asked`.
                pub(crate) const fn locale(&self, asked: crate::Locale) -> crate::Locale {
                    match self {
                        Self::Default => crate::Locale::DEFAULT,
                        _ => asked,
                    }
                }
            }
        }
    })
}

/// `message_impls!`, and its line per value.
fn impl_lines(locales: &Locales, values: &[Value], translates: Translates) -> String {
    let mut items = Items::new(4);
    items.doc(
        "Each value's `Message`, from its path under `values` (`$module::$value`), its\n\
         `ErrorCode` variant `$code` and the fields a translated template shows, in the\n\
         default template's order.",
    );
    items.open("macro_rules! message_impls");
    if !translates.any() {
        items.lines(
            "($module:ident::$value:ident) => {\n    \
                 impl Message for crate::values::$module::$value {}\n\
             };",
        );
    } else {
        items.lines(
            "($module:ident::$value:ident, $code:ident $(; $($field:ident),+)?) => {\n    \
                 impl Message for crate::values::$module::$value {\n        \
                     const ERROR_CODE: crate::ErrorCode = crate::ErrorCode::$code(Self::ERROR);\n        \
                     $(fn render(&self, pieces: Pieces) -> ::alloc::string::String {\n            \
                         render(pieces, &[$(&self.$field),+])\n        \
                     })?\n    \
                 }\n\
             };",
        );
    }
    items.close();
    for value in values {
        let path = format!("{}::{}", value.table.id, value.row.rust_variant);
        if !translates.any() {
            items.line(format_args!("message_impls!({path});"));
        } else if selects(locales, value) {
            // Written out in full by `emit_selected_impls`.
        } else if renders(locales, value) {
            let fields = value.row.message.as_ref().map(|t| t.placeholders().join(", ")).unwrap_or_default();
            items.line(format_args!("message_impls!({path}, {}; {fields});", value.table.error_code_variant));
        } else {
            items.line(format_args!("message_impls!({path}, {});", value.table.error_code_variant));
        }
    }
    items.finish()
}
