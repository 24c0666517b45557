//! The reference page's sections: under each section (an operation, an
//! endpoint) the codes it lists, each with its meaning and statuses there.

use super::{REFERENCE, code_text, table_line};
use errcat_model::Catalogue;

/// The sections, when the catalogue declares any: each one's heading,
/// summary and codes, a code linked to its row.
pub(super) fn section(catalogue: &Catalogue) -> String {
    if catalogue.sections.is_empty() {
        return String::new();
    }
    let mut page = String::from(
        "\n## Sections\n\n\
         Each section lists the codes it answers with, and what each means there:\n\
         `section_description()` and `section_http_statuses()` in the crate,\n\
         `x-sections` in the OpenAPI documents. A code keeps its one row above\n\
         whatever its sections.\n",
    );
    for (s, section) in catalogue.sections.iter().enumerate() {
        let listed: Vec<_> =
            catalogue.rows().filter_map(|(_, row)| row.in_section(s).map(|entry| (row, entry))).collect();
        let statuses = listed.iter().any(|(_, entry)| !entry.http_statuses.is_empty());
        page.push_str(&format!(
            "\n### {}\n\n`{}`: {}\n\n",
            REFERENCE.inline(&section.title),
            section.id,
            REFERENCE.inline(&section.summary)
        ));
        let mut headings = vec!["Code".to_owned()];
        if statuses {
            headings.push("HTTP status".to_owned());
        }
        headings.push("Meaning here".to_owned());
        page.push_str(&table_line(&headings));
        page.push('\n');
        page.push_str(&table_line(&vec!["---".to_owned(); headings.len()]));
        page.push('\n');
        for (row, entry) in listed {
            let mut cells = vec![format!("[{}](#{})", code_text(&row.code), row.anchor())];
            if statuses {
                let shown: Vec<String> = entry.http_statuses.iter().map(u16::to_string).collect();
                cells.push(shown.join(", "));
            }
            cells.push(REFERENCE.inline(&entry.description));
            page.push_str(&table_line(&cells));
            page.push('\n');
        }
    }
    page
}
