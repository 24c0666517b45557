//! The reference page's sections, read back: under each section's
//! heading its id and summary, and a table of the codes it lists, each
//! linked to its row, with its statuses and its meaning there as written.

use errcat_model::Catalogue;

use super::{Block, Blocks, assert_text, texts};

/// The `Sections` section, when any is declared.
pub(super) fn check_section(blocks: &mut Blocks, catalogue: &Catalogue, at: &str) {
    if catalogue.sections.is_empty() {
        return;
    }
    let Some(Block::Heading(2, heading)) = blocks.next() else { panic!("{at}: the sections section") };
    assert_text(&heading, "Sections", at);
    let Some(Block::Paragraph(_)) = blocks.next() else { panic!("{at}: what the sections are") };
    for (s, section) in catalogue.sections.iter().enumerate() {
        let here = format!("{at}, section `{}`", section.id);
        let Some(Block::Heading(3, title)) = blocks.next() else { panic!("{here}: a heading") };
        assert_text(&title, &section.title, &here);
        let Some(Block::Paragraph(summary)) = blocks.next() else { panic!("{here}: its id and summary") };
        assert_eq!(
            summary.text,
            format!("{}: {}", section.id, section.summary),
            "{here}: its id and summary"
        );
        assert_eq!(summary.markup, [format!("code span `{}`", section.id)], "{here}: the id in a code span");
        let Some(Block::Table { header, rows }) = blocks.next() else { panic!("{here}: a table") };
        let listed: Vec<_> =
            catalogue.rows().filter_map(|(_, row)| row.in_section(s).map(|entry| (row, entry))).collect();
        let statuses = listed.iter().any(|(_, entry)| !entry.http_statuses.is_empty());
        let columns: &[&str] =
            if statuses { &["Code", "HTTP status", "Meaning here"] } else { &["Code", "Meaning here"] };
        assert_eq!(texts(&header), columns, "{here}");
        assert_eq!(rows.len(), listed.len(), "{here}: one row per code it lists");
        for (cells, (row, entry)) in rows.iter().zip(listed) {
            assert_text(&cells[0], &row.code.word(), &here);
            assert_eq!(cells[0].links, [format!("#{}", row.anchor())], "{here}");
            if statuses {
                let shown: Vec<String> = entry.http_statuses.iter().map(u16::to_string).collect();
                assert_text(&cells[1], &shown.join(", "), &here);
            }
            assert_text(cells.last().expect("a cell"), &entry.description, &here);
        }
    }
}
