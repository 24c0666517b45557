//! The property test's section edits: a code added to or removed from a
//! section, its text or status there changed, a section declared,
//! removed (with every code's meaning in it) or its summary reworded.

use super::*;

/// A row's meaning in one section, as the spec writes it.
#[derive(Debug, Clone)]
pub(super) struct InSection {
    pub(super) id: &'static str,
    pub(super) text: String,
    /// `http_status` there; `None` for the row's own.
    pub(super) status: Option<u16>,
}

impl InSection {
    pub(super) fn new(id: &'static str, text: &str, status: Option<u16>) -> InSection {
        InSection { id, text: text.to_owned(), status }
    }
}

/// The fixture's ORDER_LATE in both sections, its own status in one.
pub(super) fn late() -> Vec<InSection> {
    vec![
        InSection::new("checkout", "Too late to order.", None),
        InSection::new("payment", "Too late to pay.", Some(503)),
    ]
}

/// Ids a new section may take: a new one, and one declared.
const NEW_SECTIONS: &[&str] = &["refund", "checkout"];

/// Statuses a section may answer a code with: the row's own, or others.
const SECTION_STATUSES: &[Option<u16>] = &[None, Some(400), Some(409), Some(503)];

#[derive(Debug, Clone)]
pub(super) enum SectionEdit {
    /// Puts a row in a declared section, or takes it out if it is there.
    Code(Index, Index),
    /// Rewords a row's text in one of its sections.
    Text(Index, Index),
    /// Changes the status a section answers a row with.
    Status(Index, Index, Option<u16>),
    /// Declares a section, last (one declared already makes an invalid spec).
    Add(&'static str),
    /// Removes a section, and every row's meaning in it.
    Remove(Index),
    /// Rewords a section's summary.
    Summary(Index),
}

pub(super) fn section_edit() -> BoxedStrategy<Edit> {
    prop_oneof![
        (any::<Index>(), any::<Index>()).prop_map(|(row, section)| SectionEdit::Code(row, section)),
        (any::<Index>(), any::<Index>()).prop_map(|(row, entry)| SectionEdit::Text(row, entry)),
        (any::<Index>(), any::<Index>(), proptest::sample::select(SECTION_STATUSES))
            .prop_map(|(row, entry, status)| SectionEdit::Status(row, entry, status)),
        proptest::sample::select(NEW_SECTIONS).prop_map(SectionEdit::Add),
        any::<Index>().prop_map(SectionEdit::Remove),
        any::<Index>().prop_map(SectionEdit::Summary),
    ]
    .prop_map(Edit::Section)
    .boxed()
}

/// Applies one section edit to the spec.
pub(super) fn apply(spec: &mut Spec, edit: &SectionEdit) {
    match edit {
        SectionEdit::Code(which, section) => {
            let Some(&(id, _)) = pick(&spec.sections, section) else { return };
            if let Some(row) = spec.row(which) {
                match row.sections.iter().position(|entry| entry.id == id) {
                    Some(at) => {
                        row.sections.remove(at);
                    }
                    None => row.sections.push(InSection::new(id, "Here.", None)),
                }
            }
        }
        SectionEdit::Text(which, entry) => {
            if let Some(entry) = spec.row(which).and_then(|row| pick_mut(&mut row.sections, entry)) {
                entry.text.push_str(" More.");
            }
        }
        SectionEdit::Status(which, entry, status) => {
            if let Some(entry) = spec.row(which).and_then(|row| pick_mut(&mut row.sections, entry)) {
                entry.status = *status;
            }
        }
        SectionEdit::Add(id) => spec.sections.push((id, "S.".to_owned())),
        SectionEdit::Remove(section) => {
            let Some(&(id, _)) = pick(&spec.sections, section) else { return };
            spec.sections.retain(|(declared, _)| *declared != id);
            for table in &mut spec.tables {
                for row in &mut table.rows {
                    row.sections.retain(|entry| entry.id != id);
                }
            }
        }
        SectionEdit::Summary(section) => {
            if let Some((_, summary)) = pick_mut(&mut spec.sections, section) {
                summary.push_str(" More.");
            }
        }
    }
}

fn pick<'s, T>(items: &'s [T], which: &Index) -> Option<&'s T> {
    (!items.is_empty()).then(|| &items[which.index(items.len())])
}

fn pick_mut<'s, T>(items: &'s mut [T], which: &Index) -> Option<&'s mut T> {
    let n = items.len();
    (n > 0).then(|| &mut items[which.index(n)])
}

/// The spec's `sections:`, nothing when it declares none.
pub(super) fn declared_yaml(out: &mut String, sections: &[(&'static str, String)]) {
    if sections.is_empty() {
        return;
    }
    out.push_str("sections:\n");
    for (id, summary) in sections {
        let _ = writeln!(out, "  - {{id: {id}, title: {id}, summary: \"{summary}\"}}");
    }
}

/// A row's `sections:` as a flow mapping's entry, nothing when it has none.
pub(super) fn row_yaml(out: &mut String, sections: &[InSection]) {
    if sections.is_empty() {
        return;
    }
    let entries: Vec<String> = sections
        .iter()
        .map(|entry| {
            let status = entry.status.map(|status| format!(", http_status: {status}")).unwrap_or_default();
            format!("{}: {{description: \"{}\"{status}}}", entry.id, entry.text)
        })
        .collect();
    let _ = write!(out, ", sections: {{{}}}", entries.join(", "));
}
