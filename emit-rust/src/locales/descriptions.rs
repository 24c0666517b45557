//! Each table's `description_in`, over two constants written as text (they
//! grow with the rows times the locales): the descriptions each other
//! locale translates, and per locale each row's place among them. A row a
//! partial locale leaves out has none, and answers the default's, so no
//! text is written twice.

use quote::quote;

use super::super::splice::TextSlot;
use super::super::tokens::{doc, ident};
use super::{print, translations_constant, with_locales};
use errcat_model::locales::Locales;
use errcat_model::rust_data::{Expr, Writer, string_literal};
use errcat_model::text::rust_str;
use errcat_model::{Catalogue, Row, Table};

/// The indent of an associated constant.
const INDENT: usize = 4;

/// A table's `description_in`, printed, with its constants in place.
pub(super) fn emit_description_in(catalogue: &Catalogue, locales: &Locales, table: &Table) -> String {
    let name = ident(&table.rust_enum);
    let (row, translated) = example_row(locales, table);
    let variant = locales.others.first().map_or_else(|| locales.default_variant(), |locale| locale.variant());
    let example = match translated {
        Some(text) => format!(
            "let error = {}::{};\n{}",
            table.rust_enum,
            row.rust_variant,
            with_locales(
                &format!("assert_eq!(error.description_in(Locale::{variant}), {});", rust_str(text)),
                &format!("assert_eq!(error.description_in(Locale::{variant}), error.description());"),
            ),
        ),
        None => format!(
            "let error = {}::{};\nassert_eq!(error.description_in(Locale::{variant}), error.description());",
            table.rust_enum, row.rust_variant,
        ),
    };
    let docs = doc(&format!(
        "The description in `locale`: [`description`](Self::description) in the\n\
         default, `{default}`{partial}.\n\n\
         ```\n\
         use {krate}::{{{name}, Locale}};\n\n\
         {example}\n\
         ```",
        default = locales.default,
        partial = if locales.others.iter().any(|l| l.partial) {
            ", and where a partial locale does not translate it"
        } else {
            ""
        },
        krate = catalogue.crate_ident(),
        name = table.rust_enum,
    ));
    let locale_docs = doc(&locale_docs(catalogue, locales, table, row, translated.is_some()));
    if locales.others.is_empty() {
        // The default alone: no constants, and getters that answer its texts.
        return print(quote! {
            impl #name {
                #docs
                #[must_use]
                #[inline]
                pub const fn description_in(self, locale: crate::Locale) -> &'static str {
                    let _ = locale;
                    self.description()
                }

                #locale_docs
                #[must_use]
                #[inline]
                pub const fn description_locale(self, locale: crate::Locale) -> crate::Locale {
                    let _ = (self, locale);
                    crate::Locale::DEFAULT
                }
            }
        });
    }
    let consts = TextSlot::Consts.tokens();
    let mut printed = print(quote! {
        impl #name {
            #consts

            #docs
            #[must_use]
            #[inline]
            pub const fn description_in(self, locale: crate::Locale) -> &'static str {
                match locale.translated_at() {
                    0 => self.description(),
                    other => match Self::DESCRIPTION_IN_AT[other - 1][self.row()] {
                        0 => self.description(),
                        at => Self::DESCRIPTIONS_IN[other - 1][at as usize - 1],
                    },
                }
            }

            #locale_docs
            #[must_use]
            #[inline]
            pub const fn description_locale(self, locale: crate::Locale) -> crate::Locale {
                match locale.translated_at() {
                    // The default, or any locale without the feature `locales`.
                    0 => crate::Locale::DEFAULT,
                    other => match Self::DESCRIPTION_IN_AT[other - 1][self.row()] {
                        0 => crate::Locale::DEFAULT,
                        _ => locale,
                    },
                }
            }
        }
    });
    TextSlot::Consts.fill(&mut printed, &write_consts(locales, table));
    printed
}

/// The row both getters' examples show, and its description in the first
/// locale but the default: the last row that locale translates the
/// description of, else the last row (with no translation).
fn example_row<'a>(locales: &'a Locales, table: &'a Table) -> (&'a Row, Option<&'a str>) {
    let translated = locales.others.first().and_then(|locale| {
        table.rows.iter().rev().find_map(|row| Some((row, locale.row(&row.code)?.description.as_deref()?)))
    });
    match translated {
        Some((row, text)) => (row, Some(text)),
        None => (table.rows.last().expect("a validated table has rows"), None),
    }
}

/// `description_locale`'s docs, with an example where a locale but the
/// default is declared: `row` in the first, which is that locale where it
/// translates the row (`translated`) and the feature `locales` compiles it
/// in.
fn locale_docs(
    catalogue: &Catalogue,
    locales: &Locales,
    table: &Table,
    row: &Row,
    translated: bool,
) -> String {
    let docs = "The locale [`description_in(locale)`](Self::description_in) is\n\
                written in: `locale` where it translates this row and the feature\n\
                `locales` compiles its texts in, else the default (what an answer's\n\
                `Content-Language` says).";
    let Some(locale) = locales.others.first() else {
        return "The locale [`description_in(locale)`](Self::description_in) is\n\
                written in: the default, the one locale the catalogue declares."
            .to_owned();
    };
    let variant = locale.variant();
    let expected = if translated {
        format!("if cfg!(feature = \"locales\") {{ Locale::{variant} }} else {{ Locale::DEFAULT }}")
    } else {
        "Locale::DEFAULT".to_owned()
    };
    format!(
        "{docs}\n\n\
         ```\n\
         use {krate}::{{{name}, Locale}};\n\n\
         let written_in = {expected};\n\
         assert_eq!({name}::{row}.description_locale(Locale::{variant}), written_in);\n\
         assert_eq!({name}::{row}.description_locale(Locale::DEFAULT), Locale::DEFAULT);\n\
         ```",
        krate = catalogue.crate_ident(),
        name = table.rust_enum,
        row = row.rust_variant,
    )
}

/// `DESCRIPTIONS_IN` and `DESCRIPTION_IN_AT`.
fn write_consts(locales: &Locales, table: &Table) -> String {
    let mut texts = Vec::new();
    let mut places = Vec::new();
    for locale in &locales.others {
        let mut translated = Vec::new();
        let mut at = Vec::new();
        for row in &table.rows {
            match locale.row(&row.code).and_then(|texts| texts.description.as_deref()) {
                Some(text) => {
                    translated.push(Expr::Atom(string_literal(text).into()));
                    at.push(Expr::Scalar(translated.len().to_string().into()));
                }
                None => at.push(Expr::Scalar("0".into())),
            }
        }
        texts.push(Expr::RefArray(translated));
        places.push(Expr::RefArray(at));
    }
    let mut out = Writer::new();
    out.doc(INDENT, "The descriptions each locale but the default translates, in `Locale` order.");
    translations_constant(
        &mut out,
        locales,
        INDENT,
        "const DESCRIPTIONS_IN: &'static [&'static [&'static str]]",
        &Expr::RefArray(texts),
    );
    out.doc(
        INDENT,
        "Per locale but the default, each row's description in `DESCRIPTIONS_IN`,\n\
         counted from 1; 0 where the locale leaves the default's.",
    );
    translations_constant(
        &mut out,
        locales,
        INDENT,
        "const DESCRIPTION_IN_AT: &'static [&'static [u32]]",
        &Expr::RefArray(places),
    );
    out.finish()
}
