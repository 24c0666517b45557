//! Each table's `name_in`, `explanation_in`, `causes_in` and
//! `solutions_in`, and `ErrorCode`'s, as `descriptions.rs` writes
//! `description_in`: per text some locale translates, a constant of the
//! translations (written as text: they grow with the rows times the
//! locales) and per locale each row's place among them, 0 where the row
//! answers the default's. A text no locale translates has no constant:
//! its getter is the default's, so nothing untranslated is compiled in.

use proc_macro2::TokenStream;
use quote::quote;

use super::super::splice::TextSlot;
use super::super::tokens::{doc, ident};
use super::{print, translations_constant, with_locales};
use errcat_model::locales::{Locales, RowTexts};
use errcat_model::rust_data::{Expr, Writer, string_literal};
use errcat_model::text::rust_str;
use errcat_model::{Catalogue, Row, Table};

/// The indent of an associated constant.
const INDENT: usize = 4;

/// One translatable text and how the crate reads it.
struct Text {
    /// The default's getter (`explanation`).
    getter: &'static str,
    /// What it is, for the docs (`explanation`), and what the constant holds (`explanations`).
    what: (&'static str, &'static str),
    /// The translations' constant (`EXPLANATIONS_IN`) and its places' (`EXPLANATION_IN_AT`).
    consts: (&'static str, &'static str),
    /// The type the getter returns, and the type of one translation.
    ty: (&'static str, &'static str),
    /// Whether a translation is wrapped in `Some` (the explanation).
    optional: bool,
    /// The translation a locale gives a row, as the constant holds it.
    translated: fn(&RowTexts) -> Option<Expr<'static>>,
    /// The text as the example asserts it.
    shown: fn(&RowTexts) -> Option<String>,
}

fn string(text: &str) -> Expr<'static> {
    Expr::Atom(string_literal(text).into())
}

fn list(items: &[String]) -> Expr<'static> {
    Expr::RefArray(items.iter().map(|item| string(item)).collect())
}

fn shown_list(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|item| rust_str(item)).collect::<Vec<_>>().join(", "))
}

const TEXTS: [Text; 4] = [
    Text {
        getter: "name",
        what: ("name", "names"),
        consts: ("NAMES_IN", "NAME_IN_AT"),
        ty: ("&'static str", "&'static str"),
        optional: false,
        translated: |texts| texts.name.as_deref().map(string),
        shown: |texts| texts.name.as_deref().map(rust_str),
    },
    Text {
        getter: "explanation",
        what: ("explanation", "explanations"),
        consts: ("EXPLANATIONS_IN", "EXPLANATION_IN_AT"),
        ty: ("::core::option::Option<&'static str>", "&'static str"),
        optional: true,
        translated: |texts| texts.explanation.as_deref().map(string),
        shown: |texts| texts.explanation.as_deref().map(|text| format!("Some({})", rust_str(text))),
    },
    Text {
        getter: "causes",
        what: ("causes", "causes"),
        consts: ("CAUSES_IN", "CAUSES_IN_AT"),
        ty: ("&'static [&'static str]", "&'static [&'static str]"),
        optional: false,
        translated: |texts| texts.causes.as_deref().map(list),
        shown: |texts| texts.causes.as_deref().map(shown_list),
    },
    Text {
        getter: "solutions",
        what: ("solutions", "solutions"),
        consts: ("SOLUTIONS_IN", "SOLUTIONS_IN_AT"),
        ty: ("&'static [&'static str]", "&'static [&'static str]"),
        optional: false,
        translated: |texts| texts.solutions.as_deref().map(list),
        shown: |texts| texts.solutions.as_deref().map(shown_list),
    },
];

/// A table's four `…_in` getters, printed, with the constants of the
/// texts some locale translates in place.
pub(super) fn emit_texts_in(catalogue: &Catalogue, locales: &Locales, table: &Table) -> String {
    let name = ident(&table.rust_enum);
    let mut consts = Writer::new();
    let getters = TEXTS.iter().map(|text| {
        let translated = locales.others.iter().any(|locale| {
            table.rows.iter().any(|row| locale.row(&row.code).and_then(text.translated).is_some())
        });
        if translated {
            write_consts(&mut consts, locales, table, text);
        }
        getter(catalogue, locales, table, text, translated)
    });
    let getters: Vec<TokenStream> = getters.collect();
    let from_name_in = from_name_in(catalogue, locales, table);
    let slot = TextSlot::Consts.tokens();
    let mut printed = print(quote! {
        impl #name {
            #slot
            #(#getters)*
            #from_name_in
        }
    });
    TextSlot::Consts.fill(&mut printed, &consts.finish());
    printed
}

/// One getter: the default's where no locale translates the text.
fn getter(
    catalogue: &Catalogue,
    locales: &Locales,
    table: &Table,
    text: &Text,
    translated: bool,
) -> TokenStream {
    let method = ident(&format!("{}_in", text.getter));
    let default = ident(text.getter);
    let ty: TokenStream = text.ty.0.parse().expect("a Rust type");
    let docs = doc(&docs(catalogue, locales, table, text));
    let body = if translated {
        let (texts, at) = (ident(text.consts.0), ident(text.consts.1));
        let found = if text.optional {
            quote! { ::core::option::Option::Some(Self::#texts[other - 1][at as usize - 1]) }
        } else {
            quote! { Self::#texts[other - 1][at as usize - 1] }
        };
        quote! {
            match locale.translated_at() {
                0 => self.#default(),
                other => match Self::#at[other - 1][self.row()] {
                    0 => self.#default(),
                    at => #found,
                },
            }
        }
    } else {
        quote! {
            let _ = locale;
            self.#default()
        }
    };
    quote! {
        #docs
        #[must_use]
        #[inline]
        pub const fn #method(self, locale: crate::Locale) -> #ty {
            #body
        }
    }
}

/// `from_name_in`: the row by its name in a locale, translated or the
/// default's where the locale leaves it out (unique within the table in
/// every locale, as the translations are checked), by a scan of the rows.
fn from_name_in(catalogue: &Catalogue, locales: &Locales, table: &Table) -> TokenStream {
    let first: &Row = table.rows.first().expect("a validated table has rows");
    let example = locales.others.iter().find_map(|locale| {
        table.rows.iter().find_map(|row| Some((locale.variant(), row, locale.row(&row.code)?.name.clone()?)))
    });
    let (variant, row, shown) = match example {
        Some((variant, row, name)) => (variant, row, name),
        None => (locales.default_variant(), first, first.name.clone()),
    };
    let enum_name = &table.rust_enum;
    let found = |found: Option<&Row>| {
        let found =
            found.map_or_else(|| "None".to_owned(), |row| format!("Some({enum_name}::{})", row.rust_variant));
        format!("assert_eq!({enum_name}::from_name_in(Locale::{variant}, {}), {found});", rust_str(&shown))
    };
    // Without the feature `locales`, the name is looked up among the default's.
    let without = table.rows.iter().find(|other| other.name == shown);
    let in_locale = if without.is_some_and(|other| std::ptr::eq(other, row)) {
        found(Some(row))
    } else {
        with_locales(&found(Some(row)), &found(without))
    };
    let docs = doc(&format!(
        "The variant named `name` in `locale`: its name there, or the default's\n\
         where `locale` does not translate it, compared exactly. Names are unique\n\
         within the table in every locale; this scans the rows.\n\n\
         ```\n\
         use {krate}::{{{enum_name}, Locale}};\n\n\
         {in_locale}\n\
         assert_eq!({enum_name}::from_name_in(Locale::DEFAULT, {default}), Some({enum_name}::{row}));\n\
         ```",
        krate = catalogue.crate_ident(),
        default = rust_str(&row.name),
        row = row.rust_variant,
    ));
    quote! {
        #docs
        #[must_use]
        #[inline]
        pub fn from_name_in(locale: crate::Locale, name: &str) -> ::core::option::Option<Self> {
            Self::ALL.iter().copied().find(|error| error.name_in(locale) == name)
        }
    }
}

/// A getter's docs, with an example from the first row a locale translates
/// the text of (the default's, when none does).
fn docs(catalogue: &Catalogue, locales: &Locales, table: &Table, text: &Text) -> String {
    let example = locales.others.iter().find_map(|locale| {
        table.rows.iter().find_map(|row| {
            let shown = (text.shown)(locale.row(&row.code)?)?;
            Some((locale.variant(), row, shown))
        })
    });
    let first: &Row = table.rows.first().expect("a validated table has rows");
    let assert = match example {
        Some((variant, row, shown)) => format!(
            "let error = {}::{};\n{}",
            table.rust_enum,
            row.rust_variant,
            with_locales(
                &format!("assert_eq!(error.{getter}_in(Locale::{variant}), {shown});", getter = text.getter),
                &format!(
                    "assert_eq!(error.{getter}_in(Locale::{variant}), error.{getter}());",
                    getter = text.getter
                ),
            ),
        ),
        None => format!(
            "let error = {}::{};\nassert_eq!(error.{getter}_in(Locale::DEFAULT), error.{getter}());",
            table.rust_enum,
            first.rust_variant,
            getter = text.getter
        ),
    };
    format!(
        "The {what} in `locale`: [`{getter}`](Self::{getter}) in the default,\n\
         `{default}`, and where `locale` does not translate it.\n\n\
         ```\n\
         use {krate}::{{{name}, Locale}};\n\n\
         {assert}\n\
         ```",
        what = text.what.0,
        getter = text.getter,
        default = locales.default,
        krate = catalogue.crate_ident(),
        name = table.rust_enum,
    )
}

/// A text's two constants: the translations per locale, and each row's place among them.
fn write_consts(out: &mut Writer, locales: &Locales, table: &Table, text: &Text) {
    let mut texts = Vec::new();
    let mut places = Vec::new();
    for locale in &locales.others {
        let mut translated = Vec::new();
        let mut at = Vec::new();
        for row in &table.rows {
            match locale.row(&row.code).and_then(text.translated) {
                Some(expr) => {
                    translated.push(expr);
                    at.push(Expr::Scalar(translated.len().to_string().into()));
                }
                None => at.push(Expr::Scalar("0".into())),
            }
        }
        texts.push(Expr::RefArray(translated));
        places.push(Expr::RefArray(at));
    }
    let (texts_name, at_name) = text.consts;
    out.doc(
        INDENT,
        &format!("The {} each locale but the default translates, in `Locale` order.", text.what.1),
    );
    translations_constant(
        out,
        locales,
        INDENT,
        &format!("const {texts_name}: &'static [&'static [{}]]", text.ty.1),
        &Expr::RefArray(texts),
    );
    out.doc(
        INDENT,
        &format!(
            "Per locale but the default, each row's {} in `{texts_name}`,\n\
             counted from 1; 0 where the locale leaves the default's.",
            text.what.0
        ),
    );
    translations_constant(
        out,
        locales,
        INDENT,
        &format!("const {at_name}: &'static [&'static [u32]]"),
        &Expr::RefArray(places),
    );
}

/// `ErrorCode`'s four `…_in` getters, dispatching to each table's.
pub(super) fn emit_error_code_texts_in(catalogue: &Catalogue) -> TokenStream {
    let getters = TEXTS.iter().map(|text| {
        let method = ident(&format!("{}_in", text.getter));
        let ty: TokenStream = text.ty.0.parse().expect("a Rust type");
        let arms = catalogue.tables.iter().map(|table| {
            let variant = ident(&table.error_code_variant);
            quote! { Self::#variant(error) => error.#method(locale), }
        });
        let docs = doc(&format!(
            "The {what} in `locale`: [`{getter}`](Self::{getter}) in the default,\n\
             and where `locale` does not translate it.",
            what = text.what.0,
            getter = text.getter
        ));
        quote! {
            #docs
            #[must_use]
            #[inline]
            pub const fn #method(self, locale: crate::Locale) -> #ty {
                match self {
                    #(#arms)*
                }
            }
        }
    });
    quote! {
        impl ErrorCode {
            #(#getters)*
        }
    }
}
