//! The reference page's per-row attributes, read back: a column per
//! attribute some row of a table gives, linked to its declaration, each
//! value as written, and the declarations once, anchored.

use errcat_model::{AttributeValue, Catalogue, Row, Table};

use super::{Block, Blocks, Inline, assert_text, texts};

/// The attributes `table` shows a column of, in declaration order: those
/// some row of it gives.
pub(super) fn columns<'a>(catalogue: &'a Catalogue, table: &Table) -> Vec<(usize, &'a str)> {
    catalogue
        .attributes
        .iter()
        .enumerate()
        .filter(|(a, _)| table.rows.iter().any(|row| row.attributes[*a].is_some()))
        .map(|(a, attribute)| (a, attribute.name.as_str()))
        .collect()
}

/// The headings of the attribute columns: each name in a code span,
/// linked to its declaration.
pub(super) fn check_headings(catalogue: &Catalogue, shown: &[(usize, &str)], header: &[Inline], here: &str) {
    for (cell, &(a, name)) in header.iter().zip(shown) {
        assert_eq!(cell.markup, [format!("code span `{name}`")], "{here}: the column of `{name}`");
        assert_eq!(cell.links, [format!("#{}", catalogue.attributes[a].anchor())], "{here}");
    }
}

/// A row's cells of the attribute columns: each value as written, or empty.
pub(super) fn check_cells(row: &Row, shown: &[(usize, &str)], cells: &[Inline], here: &str) {
    for (cell, &(a, name)) in cells.iter().zip(shown) {
        let expected = row.attributes[a].as_ref().map(AttributeValue::text).unwrap_or_default();
        assert_text(cell, &expected, &format!("{here}: its `{name}`"));
    }
}

/// The `Attributes` section, when any is declared: each declaration's
/// name (anchored), type, whether required and description.
pub(super) fn check_section(blocks: &mut Blocks, catalogue: &Catalogue, at: &str) {
    if catalogue.attributes.is_empty() {
        return;
    }
    let Some(Block::Heading(2, heading)) = blocks.next() else { panic!("{at}: the attributes section") };
    assert_text(&heading, "Attributes", at);
    let Some(Block::Paragraph(_)) = blocks.next() else { panic!("{at}: what the attributes are") };
    let Some(Block::Table { header, rows }) = blocks.next() else { panic!("{at}: a table") };
    assert_eq!(texts(&header), ["Attribute", "Type", "Required", "Description"], "{at}");
    assert_eq!(rows.len(), catalogue.attributes.len(), "{at}: one row per attribute");
    for (cells, attribute) in rows.iter().zip(&catalogue.attributes) {
        assert_eq!(cells[0].text, attribute.name, "{at}");
        assert_eq!(cells[0].anchors, [attribute.anchor()], "{at}");
        assert_text(&cells[1], attribute.kind.keyword(), at);
        assert_text(&cells[2], if attribute.required { "yes" } else { "no" }, at);
        assert_text(&cells[3], &attribute.description, at);
    }
}
