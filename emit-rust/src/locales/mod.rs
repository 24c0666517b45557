//! Locales (a catalogue with `locales:`): the `Locale` enum of the
//! declared locales and nothing more, its negotiation from an
//! `Accept-Language` header (`negotiate.rs`, fixed code), every
//! description in each locale (`description_in`) and the other texts
//! (`name_in`, `explanation_in`, `causes_in`, `solutions_in`: `texts.rs`), each value's message
//! rendered in one (`LocalizedMessage`: `messages.rs`, over the data of
//! `message_data.rs`), and with a body the server's localized
//! answers (`server.rs`). Every text getter and `Display` stay in the
//! default locale.

mod descriptions;
mod message_data;
mod messages;
#[cfg(test)]
mod negotiate;
mod selected;
mod server;
mod texts;

use proc_macro2::TokenStream;
use quote::quote;

use super::splice::Fixed;
use super::tokens::{doc, ident};
use super::values::values;
use errcat_model::Catalogue;
use errcat_model::locales::{Locale, Locales};
use errcat_model::rust_data::{Expr, Writer};
use errcat_model::text::rust_str;

/// The lookup `Locale::negotiate` runs, spliced in verbatim.
const NEGOTIATE_SOURCE: &str = include_str!("negotiate.rs");

/// Everything a catalogue's locales add to the crate, printed; nothing without them.
pub(super) fn emit_locales(catalogue: &Catalogue) -> String {
    let Some(locales) = &catalogue.locales else { return String::new() };
    let locale = emit_locale_enum(catalogue, locales);
    // With the default alone there is nothing to look up; with others, only
    // the feature `locales` compiles their texts in, and negotiation with them.
    let negotiate = (!locales.others.is_empty()).then(|| {
        let module = Fixed::parse(NEGOTIATE_SOURCE).into_module("negotiate");
        quote! {
            #[cfg(feature = "locales")]
            #module
        }
    });
    let mut printed = print(quote! {
        #locale
        #negotiate
    });
    for table in &catalogue.tables {
        printed.push_str(&descriptions::emit_description_in(catalogue, locales, table));
        printed.push_str(&texts::emit_texts_in(catalogue, locales, table));
    }
    let error_code = emit_error_code(catalogue);
    let error_code_texts = texts::emit_error_code_texts_in(catalogue);
    printed.push_str(&print(quote! {
        #error_code
        #error_code_texts
    }));
    printed.push_str(&messages::emit_message_in(catalogue, locales));
    printed.push_str(&print(server::emit_server(catalogue, locales)));
    printed
}

/// One part of `lib.rs`, printed as every part is.
fn print(tokens: TokenStream) -> String {
    super::print_part(tokens)
}

/// A locale's line in the docs: its tag, and what a partial one lacks.
fn locale_docs(locales: &Locales, locale: Option<&Locale>) -> String {
    match locale {
        None => format!("`{}`, the default: every text getter and `Display` answer in it.", locales.default),
        Some(locale) if locale.partial => format!(
            "`{}`, partial: the texts it does not translate are the default's (`{}`).",
            locale.tag, locales.default
        ),
        Some(locale) => format!("`{}`.", locale.tag),
    }
}

/// `Locale`: a variant per declared locale, the default first.
fn emit_locale_enum(catalogue: &Catalogue, locales: &Locales) -> TokenStream {
    let default = ident(&locales.default_variant());
    let default_docs = doc(&locale_docs(locales, None));
    let others = locales.others.iter().map(|locale| {
        let (variant, docs) = (ident(&locale.variant()), doc(&locale_docs(locales, Some(locale))));
        quote! { #docs #variant, }
    });
    let all = std::iter::once(default.clone()).chain(locales.others.iter().map(|l| ident(&l.variant())));
    let all: Vec<_> = all.collect();
    let tags = std::iter::once(locales.default.as_str()).chain(locales.others.iter().map(|l| l.tag.as_str()));
    let partial: Vec<_> = locales.others.iter().filter(|l| l.partial).map(|l| ident(&l.variant())).collect();
    let is_partial = if partial.is_empty() {
        quote! { let _ = self; false }
    } else {
        quote! { matches!(self, #(Self::#partial)|*) }
    };
    let negotiate = emit_negotiate(catalogue, locales);
    let translated_at = (!locales.others.is_empty()).then(|| {
        quote! {
            /// Where its translations are in the texts' constants, counted
            /// from 1; 0 for the default, and for every locale without the
            /// feature `locales`, which leaves the translations out.
            const fn translated_at(self) -> usize {
                if cfg!(feature = "locales") { self as usize } else { 0 }
            }
        }
    });
    let enum_docs = doc(&format!(
        "A language the catalogue's texts are written in: only those it declares.\n\n\
         Every text getter and `Display` answer in the default, `{}`; the\n\
         `…_in` methods take a `Locale`.",
        locales.default
    ));
    quote! {
        #enum_docs
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Locale {
            #default_docs
            #[default]
            #default,
            #(#others)*
        }

        impl Locale {
            /// Every locale, the default first.
            pub const ALL: &'static [Self] = &[#(Self::#all),*];

            /// The locale of every text getter and `Display`.
            pub const DEFAULT: Self = Self::#default;

            const TAGS: &'static [&'static str] = &[#(#tags),*];

            /// Its BCP 47 tag (`de-AT`), as `Content-Language` carries it.
            #[must_use]
            #[inline]
            pub const fn tag(self) -> &'static str {
                Self::TAGS[self as usize]
            }

            /// The locale of the tag, ignoring case; `None` for a tag the
            /// catalogue does not declare.
            #[must_use]
            #[inline]
            pub fn from_tag(tag: &str) -> ::core::option::Option<Self> {
                Self::TAGS.iter().position(|known| known.eq_ignore_ascii_case(tag)).map(|i| Self::ALL[i])
            }

            #negotiate

            /// Whether the catalogue declares it partial: the texts it does
            /// not translate are the default's.
            #[must_use]
            #[inline]
            pub const fn is_partial(self) -> bool {
                #is_partial
            }

            #translated_at
        }

        /// Writes its tag.
        impl ::core::fmt::Display for Locale {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.tag())
            }
        }
    }
}

/// `Locale::negotiate`: RFC 4647's lookup over the locales whose texts are
/// compiled in, so that an answer's `Content-Language` never names a
/// language its text is not in. With the default alone, or others left out
/// by the feature `locales`, that is the default: no lookup is compiled.
fn emit_negotiate(catalogue: &Catalogue, locales: &Locales) -> TokenStream {
    let krate = catalogue.crate_ident();
    let lookup_docs = "The locale to answer a request in, from its `Accept-Language`\n\
         header: RFC 4647's lookup, heaviest range first, each range then\n\
         shortened from the end (`de-CH-1996`, `de-CH`, `de`) until it names a\n\
         locale; `*`, ranges of `q=0` and malformed ones name none, and only\n\
         the first 16 ranges are weighed. The default when none matches.\n\
         Allocates nothing.";
    let Some(other) = locales.others.first() else {
        let docs = doc(&format!(
            "The locale to answer a request in, from its `Accept-Language`\n\
             header: RFC 4647's lookup, with the default as the last resort. The\n\
             catalogue declares only the default, `{default}`, so every header names\n\
             it and nothing is looked up; with a locale added to the catalogue, the\n\
             same call negotiates.\n\n\
             ```\n\
             use {krate}::Locale;\n\n\
             assert_eq!(Locale::negotiate({header}), Locale::DEFAULT);\n\
             assert_eq!(Locale::negotiate(\"*\"), Locale::DEFAULT);\n\
             ```",
            default = locales.default,
            header = rust_str(&format!("de-CH, {};q=0.9", locales.default)),
        ));
        return quote! {
            #docs
            #[must_use]
            #[inline]
            pub fn negotiate(accept_language: &str) -> Self {
                let _ = accept_language;
                Self::DEFAULT
            }
        };
    };
    let docs = doc(&format!(
        "{lookup_docs}\n\n\
         Only a locale whose texts are compiled in is chosen: without the\n\
         feature `locales`, which leaves out every locale's but the default's,\n\
         every header names the default, so that an answer's `Content-Language`\n\
         never names a language its text is not written in.\n\n\
         ```\n\
         use {krate}::Locale;\n\n\
         // `{tag}`'s texts are compiled in by the feature `locales`, on by default.\n\
         let expected = if cfg!(feature = \"locales\") {{ Locale::{variant} }} else {{ Locale::DEFAULT }};\n\
         assert_eq!(Locale::negotiate({header}), expected);\n\
         assert_eq!(Locale::negotiate(\"*\"), Locale::DEFAULT);\n\
         assert_eq!(Locale::negotiate(\"\"), Locale::DEFAULT);\n\
         ```",
        tag = other.tag,
        variant = other.variant(),
        header = rust_str(&format!("{}-XX, {};q=0.9", other.tag, locales.default)),
    ));
    quote! {
        #docs
        #[must_use]
        pub fn negotiate(accept_language: &str) -> Self {
            #[cfg(feature = "locales")]
            if let ::core::option::Option::Some(i) = negotiate::lookup(accept_language, Self::TAGS) {
                return Self::ALL[i];
            }
            #[cfg(not(feature = "locales"))]
            let _ = accept_language;
            Self::DEFAULT
        }
    }
}

/// `ErrorCode::description_in`, dispatching to each table's.
fn emit_error_code(catalogue: &Catalogue) -> TokenStream {
    let arms = catalogue.tables.iter().map(|table| {
        let variant = ident(&table.error_code_variant);
        quote! { Self::#variant(error) => error.description_in(locale), }
    });
    let locale_arms = catalogue.tables.iter().map(|table| {
        let variant = ident(&table.error_code_variant);
        quote! { Self::#variant(error) => error.description_locale(locale), }
    });
    quote! {
        impl ErrorCode {
            /// The description in `locale`: [`description`](Self::description) in the default.
            #[must_use]
            #[inline]
            pub const fn description_in(self, locale: crate::Locale) -> &'static str {
                match self {
                    #(#arms)*
                }
            }

            /// The locale [`description_in(locale)`](Self::description_in) is
            /// written in: `locale` where it translates this code, else the default.
            #[must_use]
            #[inline]
            pub const fn description_locale(self, locale: crate::Locale) -> crate::Locale {
                match self {
                    #(#locale_arms)*
                }
            }
        }
    }
}

/// A constant of translations, `decl = value;` after its docs: where the
/// catalogue has locales but the default, only with the feature `locales`
/// (on by default), and empty without it.
fn translations_constant(out: &mut Writer, locales: &Locales, indent: usize, decl: &str, value: &Expr<'_>) {
    if locales.others.is_empty() {
        out.constant(indent, decl, value);
        return;
    }
    out.line(indent, "#[cfg(feature = \"locales\")]");
    out.constant(indent, decl, value);
    out.line(indent, "#[cfg(not(feature = \"locales\"))]");
    out.line(indent, &format!("{decl} = &[];"));
}

/// A doctest's assertions of a translation, which hold only with the
/// feature `locales` (on by default) compiling it in, and of the default's
/// texts that every locale answers without it: both, chosen by `cfg!`, so
/// that the example passes with every feature set.
fn with_locales(translated: &str, without: &str) -> String {
    let indented = |lines: &str| lines.lines().map(|line| format!("    {line}\n")).collect::<String>();
    format!(
        "if cfg!(feature = \"locales\") {{\n{}}} else {{\n    \
         // Without the feature `locales`, every locale answers the default's texts.\n{}}}",
        indented(translated),
        indented(without),
    )
}
