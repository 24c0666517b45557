//! The docs of a table's enum and of its variants: the enum's with an
//! example from the table's first row, each variant's from its row.

use proc_macro2::TokenStream;

use crate::DOCS;
use crate::tokens::doc;
use errcat_model::text::{code_span, rust_str};
use errcat_model::{Catalogue, CodeKind, Row, Table, TableKind};

/// The enum's docs: title, summary, how discriminants work, retired codes
/// and an example.
pub(super) fn enum_docs(catalogue: &Catalogue, table: &Table) -> TokenStream {
    let krate = catalogue.crate_ident();
    let name = &table.rust_enum;
    let first = &table.rows[0];
    let v0 = &first.rust_variant;
    if catalogue.codes == CodeKind::String {
        return doc(&format!(
            "{title}\n\n{summary}\n\n\
             One variant per row of the table `{id}` in `{source}`, in spec order, \
             which is also the order of comparisons. The codes are strings: \
             `code()` gives a variant's, and `from_code` and `TryFrom<&str>` find \
             the variant of a code or an alias.\n\n\
             {retired}\
             # Examples\n\n\
             ```\n\
             use {krate}::{name};\n\n\
             let error: {name} = {code}.try_into().unwrap();\n\
             assert_eq!(error, {name}::{v0});\n\
             assert_eq!(<&str>::from(error), {code});\n\
             assert_eq!({name_lit}.parse::<{name}>(), Ok(error));\n\
             ```",
            title = DOCS.inline(&table.title),
            summary = DOCS.inline(&table.summary),
            id = table.id,
            source = catalogue.source,
            code = first.code.rust_literal(),
            name_lit = rust_str(&first.name),
            retired = retired_docs(catalogue, table),
        ));
    }
    doc(&format!(
        "{title}\n\n{summary}\n\n\
         One variant per row of the table `{id}` in `{source}`, in spec order. \
         Each variant's discriminant is its code (`{name}::{v0} as u32 == {code}`), \
         so casts and ordering follow the codes and stay put when rows are added or reordered.\n\n\
         {retired}\
         # Examples\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         let error: {name} = {code}.try_into().unwrap();\n\
         assert_eq!(error, {name}::{v0});\n\
         assert_eq!(u32::from(error), {code});\n\
         assert_eq!({name}::{v0} as u32, {code});\n\
         assert_eq!({name_lit}.parse::<{name}>(), Ok(error));\n\
         assert!(\"{code}\".parse::<{name}>().is_err());\n\
         ```",
        title = DOCS.inline(&table.title),
        summary = DOCS.inline(&table.summary),
        id = table.id,
        source = catalogue.source,
        code = first.code,
        name_lit = rust_str(&first.name),
        retired = retired_docs(catalogue, table),
    ))
}

/// A variant's docs: its code and name linking to the reference, the
/// description, and what else the row says.
pub(super) fn variant_docs(catalogue: &Catalogue, table: &Table, row: &Row) -> String {
    // A table without names shows each code once: its name is its code.
    let title = if table.named { format!("{} {}", row.code.word(), row.name) } else { row.code.word() };
    let mut docs = format!(
        "[{}](crate::reference#{}): {}",
        code_span(&title),
        row.anchor(),
        DOCS.block(&row.description, "")
    );
    if table.kind == TableKind::Custom && catalogue.http && row.http_status == 0 {
        docs.push_str("\n\nHTTP status: none (never an HTTP response of its own).");
    } else if table.kind == TableKind::Custom && catalogue.http {
        docs.push_str(&format!("\n\nHTTP status: {}", row.http_status));
        if let Some((http_table, http_row)) = catalogue.http_row(row.http_status) {
            docs.push_str(&format!(" ([`{}::{}`])", http_table.rust_enum, http_row.rust_variant));
        }
        for status in &row.other_statuses {
            docs.push_str(&format!(", or {status}"));
        }
        docs.push('.');
    }
    if !row.aliases.is_empty() {
        let aliases: Vec<String> = row.aliases.iter().map(|alias| format!("`{}`", alias.word())).collect();
        docs.push_str(&format!("\n\nAlso sent as: {}.", aliases.join(", ")));
    }
    if let Some(recovery) = &row.recovery {
        docs.push_str(&format!("\n\nRecovery: [`Recovery::{}`].", recovery.rust_variant()));
    }
    if let Some(explanation) = &row.explanation {
        docs.push_str(&format!("\n\n{}", DOCS.paragraph(explanation)));
    }
    for (heading, texts) in [("Causes", &row.causes), ("Solutions", &row.solutions)] {
        if !texts.is_empty() {
            let items: Vec<String> = texts.iter().map(|text| format!("- {}", DOCS.paragraph(text))).collect();
            docs.push_str(&format!("\n\n{heading}:\n\n{}", items.join("\n")));
        }
    }
    docs.push_str(&super::attributes::variant_docs(catalogue, table, row));
    docs
}

/// The enum docs' list of the table's retired codes, if it has any.
fn retired_docs(catalogue: &Catalogue, table: &Table) -> String {
    let lines: Vec<String> = catalogue
        .retired_in(&table.id)
        .map(|retired| {
            format!(
                "- {}: {}",
                code_span(&format!("{} {}", retired.code, retired.name)),
                DOCS.block(&retired.reason, "  ")
            )
        })
        .collect();
    if lines.is_empty() {
        return String::new();
    }
    format!(
        "# Retired codes\n\n\
         These codes were published once and withdrawn: they have no variant,\n\
         `from_code` does not know them, and they are never reused.\n\n{}\n\n",
        lines.join("\n")
    )
}
