//! The page's per-row attributes: each entry's values, a line each
//! linked to its declaration, and a section declaring them once, as the
//! Markdown reference's columns and `Attributes` section show them.

use std::fmt::Write as _;

use errcat_model::text::push_html;
use errcat_model::{Catalogue, Row};

/// The id of the attributes section.
pub(super) const SECTION: &str = "attributes";

/// The values a row gives, in declaration order, each as written.
pub(super) fn values(out: &mut String, catalogue: &Catalogue, row: &Row) {
    for (attribute, value) in catalogue.attributes.iter().zip(&row.attributes) {
        let Some(value) = value else { continue };
        let _ = write!(out, "<p><a href=\"#{}\"><code>", attribute.anchor());
        push_html(out, &attribute.name);
        out.push_str("</code></a>: ");
        push_html(out, &value.text());
        out.push_str("</p>\n");
    }
}

/// The declarations, when the catalogue has any: name, type, whether
/// every row gives it, and the description.
pub(super) fn section(out: &mut String, catalogue: &Catalogue) {
    if catalogue.attributes.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section id=\"{SECTION}\">\n<h2>Attributes</h2>\n\
         <p>Each code&#39;s values of these attributes are in its entry.</p>\n\
         <table>\n<thead><tr><th scope=\"col\">Attribute</th><th scope=\"col\">Type</th>\
         <th scope=\"col\">Required</th><th scope=\"col\">Description</th></tr></thead>\n<tbody>"
    );
    for attribute in &catalogue.attributes {
        let _ = write!(out, "<tr id=\"{}\"><td><code>", attribute.anchor());
        push_html(out, &attribute.name);
        let _ = write!(
            out,
            "</code></td><td>{}</td><td>{}</td><td>",
            attribute.kind.keyword(),
            if attribute.required { "yes" } else { "no" }
        );
        push_html(out, &attribute.description);
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}
