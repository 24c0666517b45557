//! The reference page's per-row attributes: a column per attribute some
//! row of the table gives, and a section declaring them once.

use super::{REFERENCE, table_line};
use errcat_model::{AttributeValue, Catalogue, Row, Table};

/// The indexes of the attributes the table shows a column of: those some
/// row of it gives.
pub(super) fn shown(catalogue: &Catalogue, table: &Table) -> Vec<usize> {
    (0..catalogue.attributes.len())
        .filter(|&a| table.rows.iter().any(|row| row.attributes[a].is_some()))
        .collect()
}

/// The columns' headings: each attribute's name, linked to its declaration.
pub(super) fn headings(catalogue: &Catalogue, shown: &[usize]) -> Vec<String> {
    shown
        .iter()
        .map(|&a| {
            let attribute = &catalogue.attributes[a];
            format!("[`{}`](#{})", attribute.name, attribute.anchor())
        })
        .collect()
}

/// A row's cells of the columns shown: each value as written, or nothing.
pub(super) fn cells(row: &Row, shown: &[usize]) -> Vec<String> {
    shown
        .iter()
        .map(|&a| match &row.attributes[a] {
            Some(AttributeValue::String(text)) => REFERENCE.inline(text),
            Some(other) => other.text(),
            None => String::new(),
        })
        .collect()
}

/// The declarations, when the catalogue has any: name, type, whether
/// every row gives it, and the description.
pub(super) fn section(catalogue: &Catalogue) -> String {
    if catalogue.attributes.is_empty() {
        return String::new();
    }
    let mut section = format!(
        "\n## Attributes\n\n\
         Each code's values of these attributes are in its table's columns: a\n\
         getter of each table's enum in the crate, `x-attributes` in the OpenAPI\n\
         documents.\n\n{}\n{}\n",
        table_line(&[
            "Attribute".to_owned(),
            "Type".to_owned(),
            "Required".to_owned(),
            "Description".to_owned()
        ]),
        table_line(&vec!["---".to_owned(); 4]),
    );
    for attribute in &catalogue.attributes {
        section.push_str(&table_line(&[
            format!("<a id=\"{}\"></a>`{}`", attribute.anchor(), attribute.name),
            attribute.kind.keyword().to_owned(),
            if attribute.required { "yes" } else { "no" }.to_owned(),
            REFERENCE.inline(&attribute.description),
        ]));
        section.push('\n');
    }
    section
}
