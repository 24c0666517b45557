//! The page's sections (operations, endpoints): in each entry, the
//! sections that list its code with its meaning and statuses there, and
//! a section of the page listing every section's codes, the list a
//! reader without JavaScript filters by; the script's filter reads each
//! entry's `data-sections`.

use std::fmt::Write as _;

use super::entry::{self, Shown};
use super::language::Language;
use errcat_model::text::push_html;
use errcat_model::{Catalogue, Row};

/// The id of the section listing the sections.
pub(super) const SECTION: &str = "sections";

/// ` data-sections="id …"` for an entry's `<article>`: the ids of the
/// sections that list its code, nothing when none does.
pub(super) fn data(out: &mut String, catalogue: &Catalogue, row: &Row) {
    if row.sections.is_empty() {
        return;
    }
    out.push_str(" data-sections=\"");
    for (i, entry) in row.sections.iter().enumerate() {
        out.push_str(if i == 0 { "" } else { " " });
        out.push_str(&catalogue.sections[entry.section].id);
    }
    out.push('"');
}

/// An entry's sections, in the catalogue's order: each linked to its
/// description on the page, with the statuses it answers the code with
/// there and what the code means there.
pub(super) fn entry(out: &mut String, shown: &Shown, catalogue: &Catalogue, row: &Row) {
    if row.sections.is_empty() {
        return;
    }
    out.push_str("<h4>Sections</h4>\n<dl>\n");
    for (s, section) in catalogue.sections.iter().enumerate() {
        let Some(meaning) = row.in_section(s) else { continue };
        let _ = write!(out, "<dt><a href=\"#{}\">", section.anchor());
        push_html(out, &section.title);
        out.push_str("</a>");
        if !meaning.http_statuses.is_empty() {
            out.push_str(": HTTP ");
            entry::statuses(out, shown, meaning.http_statuses.iter().copied());
        }
        out.push_str("</dt><dd>");
        push_html(out, &meaning.description);
        out.push_str("</dd>\n");
    }
    out.push_str("</dl>\n");
}

/// Every section, when the catalogue declares any: its title, id and
/// summary, and its codes in row order (those the page lists), each
/// linked to its entry.
pub(super) fn section(out: &mut String, catalogue: &Catalogue, language: &Language) {
    if catalogue.sections.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section id=\"{SECTION}\">\n<h2>Sections</h2>\n\
         <p>The codes each section answers with. A code keeps its one entry below; \
         the entry says what it means in each section that lists it.</p>"
    );
    for (s, section) in catalogue.sections.iter().enumerate() {
        let _ = write!(out, "<h3 id=\"{}\">", section.anchor());
        push_html(out, &section.title);
        let _ = write!(out, "</h3>\n<p><code>{}</code>: ", section.id);
        push_html(out, &section.summary);
        out.push_str("</p>\n<ul class=\"codes\">\n");
        for (_, row) in catalogue.rows().filter(|(_, row)| row.in_section(s).is_some() && language.lists(row))
        {
            let _ = write!(out, "<li><a href=\"#{}\">", row.anchor());
            push_html(out, &row.code.word());
            out.push_str("</a></li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// The search form's filter by section: only shown with the script, as
/// the form is; nothing when the catalogue declares no sections.
pub(super) fn filter(out: &mut String, catalogue: &Catalogue) {
    if catalogue.sections.is_empty() {
        return;
    }
    out.push_str(
        "<label for=\"in-section\">In section</label>\n<select id=\"in-section\">\n\
         <option value=\"\">Every section</option>\n",
    );
    for section in &catalogue.sections {
        let _ = write!(out, "<option value=\"{}\">", section.id);
        push_html(out, &section.title);
        out.push_str("</option>\n");
    }
    out.push_str("</select>\n");
}
