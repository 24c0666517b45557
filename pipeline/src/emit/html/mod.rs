//! The HTML emitter: the catalogue as one static error index page,
//! `docs/<crate>.html`, that any static host or `file://` serves, with
//! the anchor of each code that the problem `type` URIs and the Markdown
//! reference use.
//!
//! The page is complete without JavaScript: every entry is in the markup,
//! and the inline script (`page.js`) only adds search and copy-link
//! buttons. Its style (`page.css`) and script are fixed text, inlined, so
//! the page loads nothing else. Every spec text is shown as written,
//! HTML-escaped and never read as Markdown.

mod attributes;
mod entry;
mod language;
mod sections;

use std::fmt::Write as _;

pub use self::language::file_name as localized_file_name;

use self::language::Language;
use errcat_model::Catalogue;
use errcat_model::locales::Locale;
use errcat_model::output::Comment;
use errcat_model::text::push_html;

/// The comment syntax of the page's header (allowed before the doctype).
pub const COMMENT: Comment = Comment::Html;

/// The page's style: light and dark, phone widths, print.
const STYLE: &str = include_str!("page.css");

/// The style of a page with sections: the filter and each section's codes.
const SECTIONS_STYLE: &str = include_str!("sections.css");

/// The page's script: search and copy-link buttons, added to the page
/// the markup already shows.
const SCRIPT: &str = include_str!("page.js");

/// The end of the script's lines that only a page with sections carries.
const SECTIONS_ONLY: &str = " // sections";

/// The end of the script's lines that only a page with other locales carries.
const LOCALES_ONLY: &str = " // locales";

/// The page's file name under `docs/`: `<crate>.html`.
pub fn file_name(catalogue: &Catalogue) -> String {
    format!("{}.html", catalogue.crate_name)
}

/// The page below its header.
pub fn emit_page(catalogue: &Catalogue) -> String {
    let mut page = String::new();
    emit_page_into(&mut page, catalogue);
    page
}

/// [`emit_page`], appended to `out`: a large page is made in place.
pub fn emit_page_into(out: &mut String, catalogue: &Catalogue) {
    emit_in(out, catalogue, Language::DEFAULT);
}

/// The page in `locale`, one of the catalogue's other locales, below its
/// header: `docs/<crate>.<tag>.html` ([`localized_file_name`]).
pub fn emit_localized_page(catalogue: &Catalogue, locale: &Locale) -> String {
    let mut page = String::new();
    emit_localized_page_into(&mut page, catalogue, locale);
    page
}

/// [`emit_localized_page`], appended to `out`.
pub fn emit_localized_page_into(out: &mut String, catalogue: &Catalogue, locale: &Locale) {
    emit_in(out, catalogue, Language::of(locale));
}

/// The page in `language`.
fn emit_in(out: &mut String, catalogue: &Catalogue, language: Language) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        language::page_lang(catalogue)
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>");
    push_html(out, &catalogue.title);
    out.push_str("</title>\n<style>\n");
    out.push_str(STYLE);
    if !catalogue.sections.is_empty() {
        out.push_str(SECTIONS_STYLE);
    }
    out.push_str("</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the codes</a>\n");
    banner(out, catalogue, &language);
    navigation(out, catalogue, &language);
    out.push_str("<main id=\"main\">\n");
    shared_params(out, catalogue);
    sections::section(out, catalogue, &language);
    let shown = entry::Shown::of(catalogue, language);
    for table in &catalogue.tables {
        let listed = || table.rows.iter().filter(|row| shown.language.lists(row));
        if listed().next().is_none() && !table.rows.is_empty() {
            continue;
        }
        let _ = write!(out, "<section id=\"{}\">\n<h2>", table_anchor(&table.id));
        push_html(out, &table.title);
        out.push_str("</h2>\n<p>");
        push_html(out, &table.summary);
        out.push_str("</p>\n");
        for row in listed() {
            entry::row(out, &shown, catalogue, table, row);
        }
        for retired in catalogue.retired_in(&table.id) {
            entry::retired(out, retired, false);
        }
        out.push_str("</section>\n");
    }
    retired_elsewhere(out, catalogue);
    entry::recoveries(out, catalogue);
    attributes::section(out, catalogue);
    out.push_str("</main>\n<footer>\n<p>");
    push_html(out, &catalogue.crate_name);
    out.push(' ');
    push_html(out, &catalogue.version);
    out.push_str(", from ");
    push_html(out, &catalogue.source);
    out.push_str(".</p>\n</footer>\n<script>\n");
    push_script(out, !catalogue.sections.is_empty(), !catalogue.other_locales().is_empty());
    out.push_str("</script>\n</body>\n</html>\n");
}

/// The script as the page carries it: without its comment lines and
/// each line's indentation, which a reader of `page.js` wants and the
/// page's size does not; the filter by section's lines only on a page
/// with sections, and the language links' only on a page with other
/// locales, so a page without them carries none of it.
fn push_script(out: &mut String, sections: bool, locales: bool) {
    for line in SCRIPT.lines().map(str::trim_start).filter(|line| !line.starts_with("//")) {
        let line = match (line.strip_suffix(SECTIONS_ONLY), line.strip_suffix(LOCALES_ONLY)) {
            (Some(_), _) if !sections => continue,
            (_, Some(_)) if !locales => continue,
            (Some(line), _) | (_, Some(line)) => line,
            (None, None) => line,
        };
        out.push_str(line);
        out.push('\n');
    }
}

/// The id of a table's section: `table-` and its snake_case id, never a
/// code's anchor (digits, or `Code-…`) nor a recovery's (`recovery-…`).
pub fn table_anchor(id: &str) -> String {
    format!("table-{id}")
}

/// The id of the section of codes whose table is gone.
const RETIRED_ELSEWHERE: &str = "retired-tables";

/// The title, what the page holds, its languages, and the search form
/// the script shows.
fn banner(out: &mut String, catalogue: &Catalogue, language: &Language) {
    out.push_str("<header>\n<h1>");
    push_html(out, &catalogue.title);
    let codes = catalogue.rows().count();
    let tables = catalogue.tables.len();
    let _ = write!(
        out,
        "</h1>\n<p>{codes} code{}{} in {tables} table{}",
        plural(codes),
        retired_count(catalogue),
        plural(tables)
    );
    out.push('.');
    if let Some(details) = &catalogue.problem_details {
        out.push_str(" A problem&#39;s <code>type</code>, <code>");
        push_html(out, &details.type_base);
        out.push_str("#…</code>, leads to its code here.");
    }
    out.push_str("</p>\n");
    language::languages(out, catalogue, language);
    out.push_str(
        "<form id=\"search\" role=\"search\" hidden>\n\
         <label for=\"q\">Search by code, name or text</label>\n\
         <input id=\"q\" type=\"search\" autocomplete=\"off\" aria-describedby=\"found\">\n",
    );
    sections::filter(out, catalogue);
    out.push_str("<p id=\"found\" role=\"status\"></p>\n</form>\n</header>\n");
}

/// `, N retired`, when any code is.
fn retired_count(catalogue: &Catalogue) -> String {
    match catalogue.retired.len() {
        0 => String::new(),
        n => format!(" (and {n} retired)"),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Links to each section.
fn navigation(out: &mut String, catalogue: &Catalogue, language: &Language) {
    out.push_str("<nav aria-label=\"Tables\">\n<ul>\n");
    if !catalogue.params.is_empty() {
        let _ = writeln!(out, "<li><a href=\"#{SHARED_PARAMS}\">Params every error carries</a></li>");
    }
    if !catalogue.sections.is_empty() {
        let _ = writeln!(out, "<li><a href=\"#{}\">Sections</a></li>", sections::SECTION);
    }
    for table in &catalogue.tables {
        let listed = table.rows.iter().filter(|row| language.lists(row)).count();
        if listed == 0 && !table.rows.is_empty() {
            continue;
        }
        let _ = write!(out, "<li><a href=\"#{}\">", table_anchor(&table.id));
        push_html(out, &table.title);
        let _ = writeln!(out, "</a> ({listed})</li>");
    }
    if catalogue.retired_elsewhere().next().is_some() {
        let _ =
            writeln!(out, "<li><a href=\"#{RETIRED_ELSEWHERE}\">Retired codes of removed tables</a></li>");
    }
    if entry::shows_recoveries(catalogue) {
        let _ = writeln!(out, "<li><a href=\"#{}\">Recovery</a></li>", entry::RECOVERY_SECTION);
    }
    if !catalogue.attributes.is_empty() {
        let _ = writeln!(out, "<li><a href=\"#{}\">Attributes</a></li>", attributes::SECTION);
    }
    out.push_str("</ul>\n</nav>\n");
}

/// The id of the section of the params every error carries.
const SHARED_PARAMS: &str = "params-every-error-carries";

/// The params every error carries, listed once before the tables, as the
/// Markdown reference lists them: nothing when there are none.
fn shared_params(out: &mut String, catalogue: &Catalogue) {
    if catalogue.params.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section id=\"{SHARED_PARAMS}\">\n<h2>Params every error carries</h2>\n\
         <p>Every error carries these params, before those its entry lists.</p>"
    );
    entry::params_table(out, &catalogue.params);
    out.push_str("</section>\n");
}

/// The codes of tables that are gone, anchored so old links still land.
fn retired_elsewhere(out: &mut String, catalogue: &Catalogue) {
    if catalogue.retired_elsewhere().next().is_none() {
        return;
    }
    let _ = writeln!(out, "<section id=\"{RETIRED_ELSEWHERE}\">\n<h2>Retired codes of removed tables</h2>");
    for retired in catalogue.retired_elsewhere() {
        entry::retired(out, retired, true);
    }
    out.push_str("</section>\n");
}
