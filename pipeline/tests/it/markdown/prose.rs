//! Prose that must stay prose: a table's intro sentence that starts like
//! a list item, and a deprecated row's note as rustdoc reads it.

use super::{Block, assert_text, blocks, page, plain_text};
use crate::fixtures::catalogues;

#[test]
fn an_intro_sentence_that_starts_like_a_list_stays_a_sentence() {
    for start in ["- ", "+", "1. ", "12) "] {
        let mut catalogue = catalogues().swap_remove(0);
        for table in &mut catalogue.tables {
            table.summary = format!("{start}{}", table.summary);
        }
        let blocks = blocks(&page(&catalogue));
        for table in &catalogue.tables {
            let heading = blocks
                .iter()
                .position(|block| matches!(block, Block::Heading(2, heading) if heading.text == table.title));
            let Some(Block::Paragraph(summary)) = heading.and_then(|at| blocks.get(at + 1)) else {
                panic!("table `{}`: {start:?}: no intro sentence after the heading", table.id)
            };
            assert_text(summary, &table.summary, &table.id);
        }
    }
}

/// A deprecated row's note, as rustdoc shows it beside the variant (the
/// `#[deprecated]` note is read as Markdown), is the spec's text as prose:
/// a paragraph of plain text, never a code block or other markup.
#[test]
fn deprecation_notes_read_as_prose_in_rustdoc() {
    let mut checked = 0;
    for catalogue in catalogues() {
        let notes = &crate::lib_items::lib_items(&catalogue).deprecation_notes;
        let written: Vec<&str> = catalogue.rows().filter_map(|(_, row)| row.deprecated.as_deref()).collect();
        assert_eq!(notes.len(), written.len(), "{}: one note per deprecated row", catalogue.source);
        for (note, written) in notes.iter().zip(written) {
            // What a reader sees: the lines, as a paragraph shows them.
            let lines: Vec<&str> = written.lines().map(str::trim_start).collect();
            assert_eq!(plain_text(note, &format!("the note {written:?}")), lines.join("\n"));
            checked += 1;
        }
    }
    assert!(checked >= 3, "the fixtures deprecate rows");
}
