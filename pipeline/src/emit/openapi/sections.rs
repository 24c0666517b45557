//! Sections in the documents: each section once under `components` as
//! `x-sections` (its title, summary, codes and the codes it answers with
//! each status), and each code's meaning in its sections beside it as
//! `x-sections` (3.1) or by code as `x-sections-by-code` (3.0).

use serde::Serialize;

use super::DESCRIPTION;
use crate::emit::yaml::OrderedMap;
use errcat_model::{Catalogue, Code, Row, Table};

/// A code's meaning in one section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(super) struct Meaning {
    /// What the code means there (CommonMark, as every description).
    description: String,
    /// The statuses the section answers it with, the usual first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    http_status: Vec<u16>,
}

/// One section, with its codes and its responses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(super) struct SectionEntry {
    title: String,
    description: String,
    /// Every code the section lists, in the rows' order.
    codes: Vec<Code>,
    /// The codes it answers with each status, by status in ascending
    /// order: the section's responses.
    #[serde(rename = "responses", skip_serializing_if = "OrderedMap::is_empty")]
    responses: OrderedMap<Vec<Code>>,
}

/// Every section, by id; empty without `sections:`.
pub(super) fn sections(catalogue: &Catalogue) -> OrderedMap<SectionEntry> {
    let mut entries = OrderedMap::new();
    for (s, section) in catalogue.sections.iter().enumerate() {
        let listed: Vec<(&Row, &[u16])> = catalogue
            .rows()
            .filter_map(|(_, row)| row.in_section(s).map(|entry| (row, entry.http_statuses.as_slice())))
            .collect();
        let mut statuses: Vec<u16> =
            listed.iter().flat_map(|(_, statuses)| statuses.iter().copied()).collect();
        statuses.sort_unstable();
        statuses.dedup();
        let responses = statuses
            .into_iter()
            .map(|status| {
                let codes = listed
                    .iter()
                    .filter(|(_, answered)| answered.contains(&status))
                    .map(|(row, _)| row.code.clone());
                (status.to_string(), codes.collect())
            })
            .collect();
        entries.push(
            section.id.clone(),
            SectionEntry {
                title: section.title.clone(),
                description: DESCRIPTION.paragraph(&section.summary),
                codes: listed.iter().map(|(row, _)| row.code.clone()).collect(),
                responses: OrderedMap(responses),
            },
        );
    }
    entries
}

/// A row's meaning in each of its sections, by section id; `None` when
/// it names none.
pub(super) fn row_sections(catalogue: &Catalogue, row: &Row) -> Option<OrderedMap<Meaning>> {
    let meanings: Vec<(String, Meaning)> = row
        .sections
        .iter()
        .map(|entry| {
            let meaning = Meaning {
                description: DESCRIPTION.paragraph(&entry.description),
                http_status: entry.http_statuses.clone(),
            };
            (catalogue.sections[entry.section].id.clone(), meaning)
        })
        .collect();
    (!meanings.is_empty()).then_some(OrderedMap(meanings))
}

/// Each code's meanings, by code (3.0); `None` when no row of the table
/// names a section.
pub(super) fn sections_by_code(
    catalogue: &Catalogue,
    table: &Table,
) -> Option<OrderedMap<OrderedMap<Meaning>>> {
    let by_code: Vec<(String, OrderedMap<Meaning>)> = table
        .rows
        .iter()
        .filter_map(|row| Some((row.code.to_string(), row_sections(catalogue, row)?)))
        .collect();
    (!by_code.is_empty()).then_some(OrderedMap(by_code))
}
