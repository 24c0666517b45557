//! A table's enum: the enum and its variants, and the constant tables
//! its methods read (the methods and trait impls are in `impls.rs`).

mod attributes;
mod docs;
mod impls;
mod lookup;
mod other_names;
mod statuses;

pub(crate) use lookup::Lookups;

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::phf::Phf;
use super::phf::rows::RowIndex;
use super::print_part;
use super::splice::TextSlot;
use super::tokens::ident;
use crate::DOCS;
use errcat_model::rust_data::{Expr, Writer, string_literal};
use errcat_model::{Catalogue, Code, CodeKind, Row, Table};

/// The indent of a variant or of an associated constant.
const ITEM_INDENT: usize = 4;

/// The table's enum with everything it implements, as text, and the
/// hash tables its lookups read.
///
/// The parts that grow with the rows (the variants and the per-row
/// constants) are written by errcat-model's data writer; the rest, shaped
/// like code, is printed by prettyplease around two [`TextSlot`]s.
pub(super) fn emit_table(catalogue: &Catalogue, table: &Table) -> (String, Lookups) {
    let name = ident(&table.rust_enum);
    // `ALL` names every variant, deprecated ones included.
    let allow_deprecated =
        table.rows.iter().any(|row| row.deprecated.is_some()).then(|| quote! { #[allow(deprecated)] });
    let enum_item = emit_enum(catalogue, table);
    let lookups = Lookups::of(catalogue, table);
    let methods = impls::emit_methods(catalogue, table, &lookups);
    let traits = impls::emit_trait_impls(catalogue, table);
    let all_docs = impls::all_docs(catalogue, table);
    let consts = TextSlot::Consts.tokens();
    let mut printed = print_part(quote! {
        #enum_item

        #allow_deprecated
        impl #name {
            #all_docs
            #consts
            #methods
        }

        #traits
    });
    TextSlot::Variants.fill(&mut printed, &write_variants(catalogue, table));
    TextSlot::Consts.fill(&mut printed, &write_consts(catalogue, table, &lookups));
    (printed, lookups)
}

/// The enum, its variants left to [`write_variants`].
fn emit_enum(catalogue: &Catalogue, table: &Table) -> TokenStream {
    let integer = catalogue.codes == CodeKind::Integer;
    let name = ident(&table.rust_enum);
    let enum_docs = docs::enum_docs(catalogue, table);
    let repr = integer.then(|| quote! { #[repr(u32)] });
    let variants = TextSlot::Variants.tokens();
    quote! {
        #enum_docs
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        #repr
        pub enum #name {
            #variants
        }
    }
}

/// The variants: one per row, its discriminant the code (integer codes)
/// or its row (string codes, where `self as usize` is the row).
fn write_variants(catalogue: &Catalogue, table: &Table) -> String {
    let mut out = Writer::new();
    for row in &table.rows {
        out.doc(ITEM_INDENT, &docs::variant_docs(catalogue, table, row));
        if let Some(note) = &row.deprecated {
            out.raw(&deprecated_attribute(note));
        }
        match &row.code {
            Code::Integer(code) => out.line(ITEM_INDENT, &format!("{} = {code},", row.rust_variant)),
            Code::String(_) => out.line(ITEM_INDENT, &format!("{},", row.rust_variant)),
        }
    }
    out.finish()
}

/// A variant's `#[deprecated]` attribute, as prettyplease prints it: a
/// note is rare and may be long, so it takes the code road.
fn deprecated_attribute(note: &str) -> String {
    // rustdoc shows the note as Markdown: it is text.
    let note = DOCS.lines(note);
    let item: syn::File = syn::parse_quote! { enum E { #[deprecated(note = #note)] V } };
    let printed = prettyplease::unparse(&item);
    let attribute = printed.strip_prefix("enum E {\n").and_then(|rest| rest.strip_suffix("    V,\n}\n"));
    attribute.expect("prettyplease prints a one-variant enum so").to_owned()
}

/// A code as the literal the generated crate spells it with in its
/// arrays: an integer (arrays of them fill their lines) or a string.
fn code_literal(code: &Code) -> Expr<'static> {
    match code {
        Code::Integer(code) => Expr::Scalar(code.to_string().into()),
        Code::String(code) => Expr::Atom(string_literal(code).into()),
    }
}

/// `ALL` and the per-row tables the methods index, with the hash tables
/// of `from_code` and (for a large table) `from_name`.
fn write_consts(catalogue: &Catalogue, table: &Table, lookups: &Lookups) -> String {
    let n = table.rows.len();
    let rows = || table.rows.iter();
    let mut out = Writer::new();
    let array = |items: Vec<Expr<'static>>| Expr::RefArray(items);
    let scalar = |text: String| Expr::Scalar(text.into());
    let string = |text: &str| Expr::Atom(string_literal(text).into());
    let code_ty = match catalogue.codes {
        CodeKind::Integer => "u32",
        CodeKind::String => "&'static str",
    };
    out.constant(
        ITEM_INDENT,
        "pub const ALL: &'static [Self]",
        &array(rows().map(|row| Expr::Atom(format!("Self::{}", row.rust_variant).into())).collect()),
    );
    out.constant(
        ITEM_INDENT,
        &format!("const CODES: &'static [{code_ty}]"),
        &array(rows().map(|row| code_literal(&row.code)).collect()),
    );
    out.constant(
        ITEM_INDENT,
        "const NAMES: &'static [&'static str]",
        &array(rows().map(|row| string(&row.name)).collect()),
    );
    other_names::write_other_name_consts(&mut out, table, lookups);
    out.constant(
        ITEM_INDENT,
        "const DESCRIPTIONS: &'static [&'static str]",
        &array(rows().map(|row| string(&row.description)).collect()),
    );
    if catalogue.http {
        let statuses = rows().map(|row| scalar(row.http_status.to_string())).collect();
        out.constant(ITEM_INDENT, "const HTTP_STATUSES: &'static [u16]", &array(statuses));
    }
    statuses::write_status_lists(&mut out, catalogue, table);
    // Without a recovery vocabulary there is no `Recovery` to name.
    if !catalogue.recoveries.is_empty() {
        let recoveries = rows()
            .map(|row| match &row.recovery {
                Some(recovery) => Expr::Call(
                    "::core::option::Option::Some",
                    vec![Expr::Atom(format!("Recovery::{}", recovery.rust_variant()).into())],
                ),
                None => Expr::Atom(NONE.into()),
            })
            .collect();
        out.constant(
            ITEM_INDENT,
            "const RECOVERIES: &'static [::core::option::Option<Recovery>]",
            &array(recoveries),
        );
    }
    write_detail_consts(&mut out, table);
    attributes::write_consts(&mut out, catalogue, table);

    let row_aliases = rows().map(|row| array(row.aliases.iter().map(code_literal).collect()));
    out.constant(
        ITEM_INDENT,
        &format!("const ROW_ALIASES: &'static [&'static [{code_ty}]]"),
        &array(row_aliases.collect()),
    );
    if let Some((by_code, reads)) = &lookups.by_code {
        // The hash table's keys: every row's code, then every alias.
        let keys = lookup::code_keys(table);
        let seed = scalar(by_code.seed.to_string());
        match catalogue.codes {
            CodeKind::Integer => {
                let alias_keys = &keys[n..];
                let alias_codes = alias_keys.iter().map(|&(alias, _)| code_literal(alias)).collect();
                out.constant(ITEM_INDENT, "const ALIAS_CODES: &'static [u32]", &array(alias_codes));
                let alias_rows = alias_keys.iter().map(|&(_, r)| scalar(r.to_string())).collect();
                out.constant(ITEM_INDENT, "const ALIAS_ROWS: &'static [usize]", &array(alias_rows));
                out.constant(ITEM_INDENT, "const CODE_SEED: u64", &seed);
                write_phf_consts(&mut out, "CODE", by_code);
            }
            CodeKind::String => {
                out.constant(ITEM_INDENT, "const CODE_SEED: u64", &seed);
                out.constant(
                    ITEM_INDENT,
                    "const CODE_HASH_MIDDLE: bool",
                    &scalar(reads.middle().to_string()),
                );
                out.constant(ITEM_INDENT, "const CODE_HASH_WHOLE: bool", &scalar(reads.whole().to_string()));
                if lookups.by_ends {
                    // A string-code table's keys are all strings: the indexes stay.
                    let codes: Vec<(&str, usize)> = keys
                        .iter()
                        .filter_map(|&(code, row)| match code {
                            Code::String(code) => Some((code.as_str(), row)),
                            Code::Integer(_) => None,
                        })
                        .collect();
                    write_ends_by_slot(&mut out, table, by_code, &codes);
                } else {
                    write_keys_by_slot(&mut out, table, by_code, &keys);
                }
            }
        }
    }
    if let Some(index) = &lookups.row_index {
        write_row_index(&mut out, index);
    }
    if let Some((by_name, reads)) = &lookups.by_name {
        out.constant(ITEM_INDENT, "const NAME_SEED: u64", &scalar(by_name.seed.to_string()));
        out.constant(ITEM_INDENT, "const NAME_HASH_MIDDLE: bool", &scalar(reads.middle().to_string()));
        out.constant(ITEM_INDENT, "const NAME_HASH_WHOLE: bool", &scalar(reads.whole().to_string()));
        write_phf_consts(&mut out, "NAME", by_name);
    }
    out.finish()
}

/// `Option::None` as the crate spells it.
const NONE: &str = "::core::option::Option::None";

/// A hash table's pilots and slots, named `{prefix}_PILOTS` and `{prefix}_SLOTS`.
fn write_phf_consts(out: &mut Writer, prefix: &str, phf: &Phf) {
    let pilots = phf.pilots.iter().map(|pilot| Expr::Scalar(pilot.to_string().into())).collect();
    out.constant(ITEM_INDENT, &format!("const {prefix}_PILOTS: &'static [u16]"), &Expr::RefArray(pilots));
    let slots = phf.slots.iter().map(|slot| Expr::Scalar(slot.to_string().into())).collect();
    out.constant(ITEM_INDENT, &format!("const {prefix}_SLOTS: &'static [u32]"), &Expr::RefArray(slots));
}

/// A string-code table's pilots, and each slot's key and variant
/// (`CODE_KEYS`, `CODE_VARIANTS`): `from_code` reads the code to compare
/// and the variant to return straight from the slot, with no key index
/// between them and no row to check against `ALL` (see BENCHMARKS.md,
/// "String `from_code` at 1,000 codes: keys by slot"). A slot no key lands
/// in holds the first key and its variant, which only that key matches.
fn write_keys_by_slot(out: &mut Writer, table: &Table, phf: &Phf, keys: &[(&Code, usize)]) {
    let pilots = phf.pilots.iter().map(|pilot| Expr::Scalar(pilot.to_string().into())).collect();
    out.constant(ITEM_INDENT, "const CODE_PILOTS: &'static [u16]", &Expr::RefArray(pilots));
    let by_slot = || phf.slots.iter().map(|&key| keys[key as usize]);
    let codes = by_slot().map(|(code, _)| code_literal(code)).collect();
    out.doc(
        ITEM_INDENT,
        "Each slot's code: the one whose hash lands in it; in a slot none lands\nin, the first code, which no lookup that reaches it matches.",
    );
    out.constant(ITEM_INDENT, "const CODE_KEYS: &'static [&'static str]", &Expr::RefArray(codes));
    let variants = by_slot()
        .map(|(_, row)| Expr::Atom(format!("Self::{}", table.rows[row].rust_variant).into()))
        .collect();
    out.doc(ITEM_INDENT, "Each slot's variant, the one its code in `CODE_KEYS` names.");
    out.constant(ITEM_INDENT, "const CODE_VARIANTS: &'static [Self]", &Expr::RefArray(variants));
}

/// A string-code table's pilots, and each slot's code as its length and
/// ends (`CODE_LENS`, `CODE_FIRSTS`, `CODE_LASTS`, as `phf::ends` reads
/// them) with its variant (`CODE_VARIANTS`), for a table whose codes are
/// all of at most `ENDS_LIMIT` bytes: `from_code` compares the words the
/// hash loaded, with no call and no text to read (see BENCHMARKS.md,
/// "String `from_code`: codes compared by their ends"). A slot no code
/// lands in holds the first code's, as in [`write_keys_by_slot`].
fn write_ends_by_slot(out: &mut Writer, table: &Table, phf: &Phf, codes: &[(&str, usize)]) {
    let pilots = phf.pilots.iter().map(|pilot| Expr::Scalar(pilot.to_string().into())).collect();
    out.constant(ITEM_INDENT, "const CODE_PILOTS: &'static [u16]", &Expr::RefArray(pilots));
    let by_slot = || phf.slots.iter().map(|&key| codes[key as usize]);
    let scalars =
        |values: Vec<String>| Expr::RefArray(values.into_iter().map(|v| Expr::Scalar(v.into())).collect());
    out.doc(
        ITEM_INDENT,
        "Each slot's code, as its length and its first and last eight bytes\n(`phf::ends`): the code whose hash lands in it; in a slot none lands\nin, the first code, which no lookup that reaches it matches.",
    );
    let lens = by_slot().map(|(code, _)| code.len().to_string()).collect();
    out.constant(ITEM_INDENT, "const CODE_LENS: &'static [u8]", &scalars(lens));
    let firsts = by_slot().map(|(code, _)| super::phf::ends(code).0.to_string()).collect();
    out.constant(ITEM_INDENT, "const CODE_FIRSTS: &'static [u64]", &scalars(firsts));
    let lasts = by_slot().map(|(code, _)| super::phf::ends(code).1.to_string()).collect();
    out.constant(ITEM_INDENT, "const CODE_LASTS: &'static [u64]", &scalars(lasts));
    let variants = by_slot()
        .map(|(_, row)| Expr::Atom(format!("Self::{}", table.rows[row].rust_variant).into()))
        .collect();
    out.doc(ITEM_INDENT, "Each slot's variant, the one its code above names.");
    out.constant(ITEM_INDENT, "const CODE_VARIANTS: &'static [Self]", &Expr::RefArray(variants));
}

/// The getters' slot array (`phf::rows`): `ROW_MULTIPLIER`, `ROW_SHIFT`,
/// and `ROW_OF`, of `u8` for up to 256 rows, else `u16`.
fn write_row_index(out: &mut Writer, index: &RowIndex) {
    let scalar = |value: u32| Expr::Scalar(value.to_string().into());
    out.constant(ITEM_INDENT, "const ROW_MULTIPLIER: u32", &scalar(index.multiplier));
    out.constant(ITEM_INDENT, "const ROW_SHIFT: u32", &scalar(index.shift));
    let narrow = index.rows.iter().all(|&row| row <= u32::from(u8::MAX));
    let ty = if narrow { "u8" } else { "u16" };
    let rows = index.rows.iter().map(|&row| scalar(row)).collect();
    out.constant(ITEM_INDENT, &format!("const ROW_OF: &'static [{ty}]"), &Expr::RefArray(rows));
}

/// Whether any row of `table` has an explanation, causes and solutions:
/// a table only has the constants of those some row has.
fn detail_fields(table: &Table) -> (bool, bool, bool) {
    (
        table.rows.iter().any(|row| row.explanation.is_some()),
        table.rows.iter().any(|row| !row.causes.is_empty()),
        table.rows.iter().any(|row| !row.solutions.is_empty()),
    )
}

/// The per-row constants of the explanations, causes and solutions, for
/// those some row of the table has.
fn write_detail_consts(out: &mut Writer, table: &Table) {
    let (has_explanation, has_causes, has_solutions) = detail_fields(table);
    let string = |text: &str| Expr::Atom(string_literal(text).into());
    if has_explanation {
        let values = table
            .rows
            .iter()
            .map(|row| match &row.explanation {
                Some(text) => Expr::Call("::core::option::Option::Some", vec![string(text)]),
                None => Expr::Atom(NONE.into()),
            })
            .collect();
        out.constant(
            ITEM_INDENT,
            "const EXPLANATIONS: &'static [::core::option::Option<&'static str>]",
            &Expr::RefArray(values),
        );
    }
    let mut list = |used: bool, name: &str, texts: fn(&Row) -> &[String]| {
        if used {
            let values = table
                .rows
                .iter()
                .map(|row| Expr::RefArray(texts(row).iter().map(|text| string(text)).collect()))
                .collect();
            out.constant(
                ITEM_INDENT,
                &format!("const {name}: &'static [&'static [&'static str]]"),
                &Expr::RefArray(values),
            );
        }
    };
    list(has_causes, "CAUSES", |row| &row.causes);
    list(has_solutions, "SOLUTIONS", |row| &row.solutions);
}

/// A code as the literal of its type, for code printed by prettyplease:
/// `4032251` or `"card_declined"`.
fn code_tokens(code: &Code) -> TokenStream {
    match code {
        Code::Integer(code) => {
            let code = Literal::u32_unsuffixed(*code);
            quote!(#code)
        }
        Code::String(code) => quote!(#code),
    }
}
