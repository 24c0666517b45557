//! A table's per-row attributes: one getter per declared attribute, the
//! per-row constant it indexes, and the lines of a variant's docs that
//! list its values.

use proc_macro2::TokenStream;
use quote::quote;

use super::{ITEM_INDENT, NONE};
use crate::DOCS;
use crate::tokens::{doc, ident};
use errcat_model::rust_data::{Expr, Writer, string_literal};
use errcat_model::text::rust_str;
use errcat_model::{Attribute, AttributeValue, Catalogue, Row, Table};

/// A value as the literal the per-row constant holds.
fn literal(value: &AttributeValue) -> Expr<'static> {
    match value {
        AttributeValue::String(text) => Expr::Atom(string_literal(text).into()),
        other => Expr::Scalar(other.text().into()),
    }
}

/// A value as a Rust expression in a doc example.
fn example_literal(value: &AttributeValue) -> String {
    match value {
        AttributeValue::String(text) => rust_str(text),
        other => other.text(),
    }
}

/// One constant per attribute (`ATTRIBUTE_SQLSTATE`): each row's value,
/// in row order, an `Option` unless the attribute is required.
pub(super) fn write_consts(out: &mut Writer, catalogue: &Catalogue, table: &Table) {
    for (a, attribute) in catalogue.attributes.iter().enumerate() {
        let values = table
            .rows
            .iter()
            .map(|row| match (&row.attributes[a], attribute.required) {
                (Some(value), true) => literal(value),
                (Some(value), false) => Expr::Call("::core::option::Option::Some", vec![literal(value)]),
                // Validation gives every row a required attribute's value.
                (None, _) => Expr::Atom(NONE.into()),
            })
            .collect();
        out.constant(
            ITEM_INDENT,
            &format!("const {}: &'static [{}]", attribute.rust_const(), value_type(attribute)),
            &Expr::RefArray(values),
        );
    }
}

/// The getter's return type, as text.
fn value_type(attribute: &Attribute) -> String {
    let ty = attribute.kind.rust_type();
    if attribute.required { ty.to_owned() } else { format!("::core::option::Option<{ty}>") }
}

/// The getters, each documented with its attribute's description and an
/// example from the first row that gives a value.
pub(super) fn emit_getters(catalogue: &Catalogue, table: &Table) -> TokenStream {
    let krate = catalogue.crate_ident();
    let getters = catalogue.attributes.iter().enumerate().map(|(a, attribute)| {
        let row = table.rows.iter().find(|row| row.attributes[a].is_some()).unwrap_or(&table.rows[0]);
        let expected = match (&row.attributes[a], attribute.required) {
            (Some(value), true) => example_literal(value),
            (Some(value), false) => format!("Some({})", example_literal(value)),
            (None, _) => "None".to_owned(),
        };
        let absent = if attribute.required {
            String::new()
        } else {
            "\n\n`None` for a row that gives none.".to_owned()
        };
        let docs = doc(&format!(
            "{description}{absent}\n\n```\nuse {krate}::{name};\n\nassert_eq!({name}::{variant}.{getter}(), {expected});\n```",
            description = DOCS.paragraph(&attribute.description),
            name = table.rust_enum,
            variant = row.rust_variant,
            getter = attribute.name,
        ));
        let getter = ident(&attribute.name);
        let constant = ident(&attribute.rust_const());
        let ty: TokenStream = value_type(attribute).parse().expect("a Rust type");
        quote! {
            #docs
            #[must_use]
            pub const fn #getter(self) -> #ty {
                Self::#constant[self.row()]
            }
        }
    });
    quote! { #(#getters)* }
}

/// The variant docs' list of the row's attribute values, if it gives any.
pub(super) fn variant_docs(catalogue: &Catalogue, table: &Table, row: &Row) -> String {
    let items: Vec<String> = catalogue
        .attributes
        .iter()
        .zip(&row.attributes)
        .filter_map(|(attribute, value)| {
            let value = value.as_ref()?;
            let shown = match value {
                AttributeValue::String(text) => DOCS.inline(text),
                other => other.text(),
            };
            Some(format!(
                "- [`{name}`]({enum_name}::{name}): {shown}",
                name = attribute.name,
                enum_name = table.rust_enum
            ))
        })
        .collect();
    if items.is_empty() { String::new() } else { format!("\n\nAttributes:\n\n{}", items.join("\n")) }
}
