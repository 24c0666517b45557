//! Each table's translated messages as data, which `LocalizedMessage`
//! reads for every value alike: per locale but the default, the pieces of
//! each template it translates and each row's place among them (0 where
//! the row's message is the default's, `u32::MAX` where a row without a
//! template has its description translated, `u32::MAX - 1` where the
//! translated template selects a variant by a count, which the value's
//! `select` writes out: `selected.rs`), written as text, as
//! `descriptions.rs` writes the descriptions; and `message_translation`,
//! the one lookup over them. A table nothing is translated in has no
//! constant, and a catalogue without translated messages no lookup.

use quote::quote;

use super::super::splice::TextSlot;
use super::super::tokens::ident;
use super::super::values::has_value;
use super::{print, translations_constant};
use errcat_model::locales::{Locale, Locales};
use errcat_model::params::{Piece, Template};
use errcat_model::rust_data::{Expr, Writer, string_literal};
use errcat_model::{Catalogue, Row, Table};

/// The indent of an associated constant.
const INDENT: usize = 4;

/// What a catalogue's locales translate of its values' messages, which
/// decides what the crate needs to look them up.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Translates {
    /// Some locale translates a template of some value.
    pub pieces: bool,
    /// Some locale translates the description of a value without a template.
    pub described: bool,
    /// Some locale translates a template of some value into a selection.
    pub selected: bool,
}

impl Translates {
    /// What the catalogue's locales translate of its values' messages.
    pub(super) fn of(catalogue: &Catalogue, locales: &Locales) -> Self {
        let mut translates = Translates { pieces: false, described: false, selected: false };
        for table in &catalogue.tables {
            let of_table = Self::of_table(catalogue, locales, table);
            translates.pieces |= of_table.pieces;
            translates.described |= of_table.described;
            translates.selected |= of_table.selected;
        }
        translates
    }

    fn of_table(catalogue: &Catalogue, locales: &Locales, table: &Table) -> Self {
        let mut translates = Translates { pieces: false, described: false, selected: false };
        for locale in &locales.others {
            for row in &table.rows {
                match translation(catalogue, locale, row) {
                    Some(Translation::Pieces(_)) => translates.pieces = true,
                    Some(Translation::Described) => translates.described = true,
                    Some(Translation::Selected) => translates.selected = true,
                    None => {}
                }
            }
        }
        translates
    }

    /// Whether any message is translated at all.
    pub(super) fn any(self) -> bool {
        self.pieces || self.described || self.selected
    }

    /// Whether some value renders a translated template with its fields:
    /// pieces, or the variant a selection picks.
    pub(super) fn renders(self) -> bool {
        self.pieces || self.selected
    }
}

/// A row's message in a locale that translates it.
enum Translation<'a> {
    /// Its template, translated.
    Pieces(&'a Template),
    /// Its description, translated: the row has a value but no template.
    Described,
    /// Its template, translated into a selection by a count.
    Selected,
}

/// What `locale` translates of the message of `row`'s value; `None` where
/// the row has no value or its message is the default's.
fn translation<'a>(catalogue: &Catalogue, locale: &'a Locale, row: &Row) -> Option<Translation<'a>> {
    if !has_value(catalogue, row) {
        return None;
    }
    let texts = locale.row(&row.code)?;
    match &row.message {
        Some(_) => texts.message.as_ref().map(|template| match template.select {
            Some(_) => Translation::Selected,
            None => Translation::Pieces(template),
        }),
        None => texts.description.as_ref().map(|_| Translation::Described),
    }
}

/// Each table's `message_translation`, with its constants, and
/// `ErrorCode`'s, printed; nothing when no locale translates a message.
pub(super) fn emit_message_data(catalogue: &Catalogue, locales: &Locales, translates: Translates) -> String {
    if !translates.any() {
        return String::new();
    }
    let mut printed = String::new();
    for table in &catalogue.tables {
        printed.push_str(&emit_table(catalogue, locales, table));
    }
    let arms = catalogue.tables.iter().map(|table| {
        let variant = ident(&table.error_code_variant);
        quote! { Self::#variant(error) => error.message_translation(locale), }
    });
    printed.push_str(&print(quote! {
        #[cfg(feature = "alloc")]
        impl ErrorCode {
            /// The error's message in `locale`, as the value of the error renders it.
            pub(crate) const fn message_translation(self, locale: crate::Locale) -> crate::translated::Translation {
                match self {
                    #(#arms)*
                }
            }
        }
    }));
    printed
}

/// One table's lookup, with its constants in place.
fn emit_table(catalogue: &Catalogue, locales: &Locales, table: &Table) -> String {
    let name = ident(&table.rust_enum);
    let translates = Translates::of_table(catalogue, locales, table);
    let default = quote! { 0 => crate::translated::Translation::Default, };
    // The last arm takes every place left.
    let described = translates.described.then(|| {
        let pattern = if translates.pieces || translates.selected { quote!(u32::MAX) } else { quote!(_) };
        quote! { #pattern => crate::translated::Translation::Description, }
    });
    let selected = translates.selected.then(|| {
        let pattern = if translates.pieces { quote!(crate::translated::SELECTED) } else { quote!(_) };
        quote! { #pattern => crate::translated::Translation::Selected, }
    });
    let pieces = translates.pieces.then(|| {
        quote! { at => crate::translated::Translation::Pieces(Self::MESSAGES_IN[other - 1][at as usize - 1]), }
    });
    let body = if translates.any() {
        quote! {
            match locale.translated_at() {
                0 => crate::translated::Translation::Default,
                other => match Self::MESSAGE_IN_AT[other - 1][self.row()] {
                    #default
                    #described
                    #selected
                    #pieces
                },
            }
        }
    } else {
        quote! {
            let _ = (self, locale);
            crate::translated::Translation::Default
        }
    };
    let consts = TextSlot::Consts.tokens();
    let mut printed = print(quote! {
        #[cfg(feature = "alloc")]
        impl #name {
            #consts

            /// The row's message in `locale`, as the value of the error renders it.
            pub(crate) const fn message_translation(self, locale: crate::Locale) -> crate::translated::Translation {
                #body
            }
        }
    });
    let text =
        if translates.any() { write_consts(catalogue, locales, table, translates) } else { String::new() };
    TextSlot::Consts.fill(&mut printed, &text);
    printed
}

/// `MESSAGES_IN` (where a template is translated) and `MESSAGE_IN_AT`.
fn write_consts(catalogue: &Catalogue, locales: &Locales, table: &Table, translates: Translates) -> String {
    let mut templates = Vec::new();
    let mut places = Vec::new();
    for locale in &locales.others {
        let mut translated = Vec::new();
        let mut at = Vec::new();
        for row in &table.rows {
            let place = match translation(catalogue, locale, row) {
                Some(Translation::Pieces(template)) => {
                    let params = row.message.as_ref().map(Template::placeholders).unwrap_or_default();
                    translated.push(pieces(template, &params));
                    translated.len().to_string()
                }
                Some(Translation::Described) => "u32::MAX".to_owned(),
                Some(Translation::Selected) => "u32::MAX - 1".to_owned(),
                None => "0".to_owned(),
            };
            at.push(Expr::Scalar(place.into()));
        }
        templates.push(Expr::RefArray(translated));
        places.push(Expr::RefArray(at));
    }
    let mut out = Writer::new();
    if translates.pieces {
        out.doc(
            INDENT,
            "The message templates each locale but the default translates, in `Locale`\n\
             order, each as its pieces: the text before a param, and the param.",
        );
        translations_constant(
            &mut out,
            locales,
            INDENT,
            "const MESSAGES_IN: &'static [&'static [crate::translated::Pieces]]",
            &Expr::RefArray(templates),
        );
    }
    let places_doc = if translates.selected {
        "Per locale but the default, each row's template in `MESSAGES_IN`, counted\n\
         from 1; `u32::MAX` where it translates the description of a row without\n\
         one; `u32::MAX - 1` where its template selects (the value's `select`);\n\
         0 where the row's message is the default's."
    } else {
        "Per locale but the default, each row's template in `MESSAGES_IN`, counted\n\
         from 1; `u32::MAX` where it translates the description of a row without\n\
         one; 0 where the row's message is the default's."
    };
    out.doc(INDENT, places_doc);
    translations_constant(
        &mut out,
        locales,
        INDENT,
        "const MESSAGE_IN_AT: &'static [&'static [u32]]",
        &Expr::RefArray(places),
    );
    out.finish()
}

/// A template as pieces.
fn pieces(template: &Template, params: &[&str]) -> Expr<'static> {
    Expr::RefArray(runs(&template.pieces, params).iter().map(|(text, at)| piece_expr(text, *at)).collect())
}

/// A template's pieces as `Pieces` holds them: each stretch of text with
/// the param after it (its place in `params` from 1), the last text with 0.
pub(super) fn runs(template: &[Piece], params: &[&str]) -> Vec<(String, usize)> {
    let mut runs = Vec::new();
    let mut text = String::new();
    for piece in template {
        match piece {
            Piece::Text(more) => text.push_str(more),
            Piece::Param(name) => {
                let at =
                    params.iter().position(|p| p == name).expect("a translation shows the default's params");
                runs.push((std::mem::take(&mut text), at + 1));
            }
        }
    }
    if !text.is_empty() || runs.is_empty() {
        runs.push((text, 0));
    }
    runs
}

/// `("text", param)`.
fn piece_expr(text: &str, param: usize) -> Expr<'static> {
    Expr::Call("", vec![Expr::Atom(string_literal(text).into()), Expr::Scalar(param.to_string().into())])
}
