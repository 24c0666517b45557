//! Sections, checked: the catalogue's sections (operations, endpoints)
//! and a row's meaning in each section it appears in.
//!
//! A code stays one row, one variant and one `ErrorCode`, so a lookup by
//! code is never ambiguous; what differs by section (the text, the
//! statuses) hangs off the row, by section.

use crate::Row;
use crate::source::SpecPath;

/// One section of the catalogue: a variant of the generated `Section` enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The id as the spec spells it (`token_endpoint`).
    pub id: String,
    /// The generated enum's variant (`TokenEndpoint`).
    pub rust_variant: String,
    /// The heading, as the source prints it.
    pub title: String,
    /// What the section is, in a sentence.
    pub summary: String,
    /// Where it is declared (`sections[0]`).
    pub at: SpecPath,
}

impl Section {
    /// The id of its entry in the docs (`section-token_endpoint`), apart
    /// from every code's, recovery's, table's and attribute's anchor.
    pub fn anchor(&self) -> String {
        format!("section-{}", self.id)
    }
}

/// A row's meaning in one section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowSection {
    /// The section's index in [`crate::Catalogue::sections`].
    pub section: usize,
    /// What the code means there, verbatim.
    pub description: String,
    /// The statuses the section answers the code with, the usual first;
    /// the row's own ([`Row::statuses`]) unless the spec gives others,
    /// and none when the catalogue is not an HTTP one.
    pub http_statuses: Vec<u16>,
    /// Where it is written (`tables[0].errors[1].sections.token`).
    pub at: SpecPath,
}

impl Row {
    /// The row's meaning in the section at `section` (an index in
    /// [`crate::Catalogue::sections`]), if it appears there.
    pub fn in_section(&self, section: usize) -> Option<&RowSection> {
        self.sections.iter().find(|entry| entry.section == section)
    }
}
