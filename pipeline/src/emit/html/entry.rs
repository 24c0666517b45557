//! The page's entries: one `<article>` per code, per alias and per
//! retired code, each with the code's anchor as its id, and the recovery
//! vocabulary the entries link to.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::language::{self, Language};
use crate::emit::sample::{self, Sample};
use errcat_model::params::Param;
use errcat_model::text::push_html;
use errcat_model::{Catalogue, Code, Retired, Row, Table, TableKind};

/// The id of the recovery section.
pub(super) const RECOVERY_SECTION: &str = "recovery";

/// What the entries link to, worked out once per page, so that each
/// entry costs the same however many there are.
pub(super) struct Shown<'a> {
    /// Whether the catalogue is an HTTP one: custom rows show their status.
    http: bool,
    /// The HTTP status table's rows by status: a status links to its row.
    http_rows: HashMap<u16, &'a Row>,
    /// The page's language: which rows it lists, in which texts.
    pub(super) language: Language<'a>,
}

impl<'a> Shown<'a> {
    pub(super) fn of(catalogue: &'a Catalogue, language: Language<'a>) -> Self {
        let rows = catalogue.http_table().map(|http| http.rows.as_slice()).unwrap_or_default();
        let http_rows =
            rows.iter().filter_map(|row| Some((u16::try_from(row.code.integer()?).ok()?, row))).collect();
        Shown { http: catalogue.http, http_rows, language }
    }
}

/// A row's entry, then one for each of its aliases.
pub(super) fn row(out: &mut String, shown: &Shown, catalogue: &Catalogue, table: &Table, row: &Row) {
    let anchor = row.anchor();
    let _ = write!(out, "<article id=\"{anchor}\"");
    super::sections::data(out, catalogue, row);
    out.push('>');
    // A table whose codes are its names shows each once.
    let (name, name_from) = shown.language.name(row);
    heading(out, &anchor, &row.code, if table.named { Some((name, name_from)) } else { None });
    if row.deprecated.is_some() {
        out.push_str(" <span class=\"tag\">deprecated</span>");
    }
    out.push_str("</h3>\n");
    let (description, from) = shown.language.description(row);
    language::push_text(out, "p", description, from);
    out.push('\n');
    facts(out, shown, table, row);
    super::attributes::values(out, catalogue, row);
    super::sections::entry(out, shown, catalogue, row);
    message(out, shown, catalogue, row);
    if let Some((explanation, from)) = shown.language.explanation(row) {
        out.push_str("<h4>Explanation</h4>\n");
        language::push_text(out, "p", explanation, from);
        out.push('\n');
    }
    for (title, texts, from) in shown.language.cause_lists(row) {
        if texts.is_empty() {
            continue;
        }
        let _ = write!(out, "<h4>{title}</h4>\n<ul{}>\n", from.lang());
        for text in texts {
            out.push_str("<li>");
            push_html(out, text);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</article>\n");
    for alias in &row.aliases {
        let alias_anchor = alias.anchor();
        let _ = write!(out, "<article id=\"{alias_anchor}\" class=\"alias\">");
        heading(out, &alias_anchor, alias, None);
        let _ = write!(out, "<span class=\"tag\">alias</span></h3>\n<p>Sent for <a href=\"#{anchor}\">");
        push_html(out, &row.code.word());
        out.push(' ');
        push_html(out, &row.name);
        out.push_str("</a>: the same error, under another code.</p>\n</article>\n");
    }
}

/// A parameterised row's message template as written, the message with
/// the sample values, its params and the answer that carries them, as the
/// Markdown reference and the OpenAPI examples show them: nothing for a
/// row with neither params nor a message.
fn message(out: &mut String, shown: &Shown, catalogue: &Catalogue, row: &Row) {
    if row.params.is_empty() && row.message.is_none() {
        return;
    }
    if let Some((template, from)) = shown.language.message(row) {
        out.push_str("<h4>Message</h4>\n<p>Template: ");
        language::push_text(out, "code", &template.shown(true), from);
        out.push_str("</p>\n<p>With sample values: ");
        language::push_text(out, "samp", &sample::rendered(catalogue, row, template), from);
        out.push_str("</p>\n");
    }
    if !row.params.is_empty() {
        out.push_str("<h4>Params</h4>\n");
        params_table(out, &row.params);
    }
    if let Some(answer) = Sample::answer(catalogue, row) {
        let what = if catalogue.problem_details.is_some() { "problem details" } else { "body" };
        for part in ["<h4>Example ", what, "</h4>\n<pre><code>"] {
            out.push_str(part);
        }
        answer.push_json_html(out, 0);
        out.push_str("</code></pre>\n");
    }
}

/// A table of params: name, type, whether required, description.
pub(super) fn params_table(out: &mut String, params: &[Param]) {
    out.push_str(
        "<table>\n<thead><tr><th scope=\"col\">Param</th><th scope=\"col\">Type</th>\
         <th scope=\"col\">Required</th><th scope=\"col\">Description</th></tr></thead>\n<tbody>\n",
    );
    for param in params {
        out.push_str("<tr><td><code>");
        push_html(out, &param.name);
        let required = if param.required { "yes" } else { "no" };
        for part in ["</code></td><td>", param.ty.keyword(), "</td><td>", required, "</td><td>"] {
            out.push_str(part);
        }
        push_html(out, &param.description);
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// `<h3>` with the code linked to its own anchor, and the name: left open
/// for the tags.
fn heading(out: &mut String, anchor: &str, code: &Code, name: Option<(&str, language::Shown)>) {
    let _ = write!(out, "<h3><a href=\"#{anchor}\">");
    push_html(out, &code.word());
    out.push_str("</a> ");
    match name {
        Some((name, from @ language::Shown::Translated(_))) => language::push_text(out, "span", name, from),
        Some((name, _)) => push_html(out, name),
        None => {}
    }
}

/// The entry's facts beside its text, a line each: its HTTP status,
/// other names, aliases, recovery and deprecation, when it has them.
fn facts(out: &mut String, shown: &Shown, table: &Table, row: &Row) {
    if shown.http && table.kind == TableKind::Custom {
        out.push_str("<p>HTTP status: ");
        if row.statuses().next().is_none() {
            out.push_str("none (never an HTTP response of its own)");
        }
        statuses(out, shown, row.statuses());
        out.push_str("</p>\n");
    }
    if !row.also_named.is_empty() {
        out.push_str("<p>Also named: ");
        for (i, other) in row.also_named.iter().enumerate() {
            out.push_str(if i == 0 { "" } else { ", " });
            push_html(out, &other.name);
        }
        out.push_str("</p>\n");
    }
    if !row.aliases.is_empty() {
        out.push_str("<p>Also sent as: ");
        for (i, alias) in row.aliases.iter().enumerate() {
            let separator = if i == 0 { "" } else { ", " };
            let _ = write!(out, "{separator}<a href=\"#{}\">", alias.anchor());
            push_html(out, &alias.word());
            out.push_str("</a>");
        }
        out.push_str("</p>\n");
    }
    if let Some(recovery) = &row.recovery {
        let _ = write!(out, "<p>Recovery: <a href=\"#{}\">", recovery.anchor());
        push_html(out, recovery.key());
        out.push_str("</a></p>\n");
    }
    if let Some(note) = &row.deprecated {
        out.push_str("<p>Deprecated: ");
        push_html(out, note);
        out.push_str("</p>\n");
    }
}

/// Statuses, comma-separated: each linked to its row of the HTTP status
/// table where the page lists it, or with the registry's reason phrase.
pub(super) fn statuses(out: &mut String, shown: &Shown, statuses: impl Iterator<Item = u16>) {
    for (i, status) in statuses.enumerate() {
        out.push_str(if i == 0 { "" } else { ", " });
        // A partial locale's page links only to a status row it lists.
        match shown.http_rows.get(&status).filter(|http| shown.language.lists(http)) {
            Some(http) => {
                let _ = write!(out, "<a href=\"#{}\">{status} ", http.anchor());
                push_html(out, &http.name);
                out.push_str("</a>");
            }
            None => match errcat_model::http_status::http_status(status) {
                Some(known) => {
                    let _ = write!(out, "{} {}", known.code, known.phrase);
                }
                None => {
                    let _ = write!(out, "{status}");
                }
            },
        }
    }
}

/// A retired code's entry: its name, why it was withdrawn and what
/// replaced it, and, for a table that is gone, which table it was in.
pub(super) fn retired(out: &mut String, retired: &Retired, with_table: bool) {
    let anchor = retired.anchor();
    let _ = write!(out, "<article id=\"{anchor}\" class=\"retired\">");
    heading(out, &anchor, &retired.code, Some((&retired.name, language::Shown::Default)));
    out.push_str(" <span class=\"tag\">retired</span></h3>\n");
    if with_table {
        out.push_str("<p>Table: ");
        push_html(out, &retired.table);
        out.push_str("</p>\n");
    }
    out.push_str("<p>Retired: ");
    push_html(out, &retired.reason);
    out.push_str("</p>\n</article>\n");
}

/// Whether the page has a recovery section: some row names a recovery.
pub(super) fn shows_recoveries(catalogue: &Catalogue) -> bool {
    !catalogue.recoveries.is_empty() && catalogue.rows().any(|(_, row)| row.recovery.is_some())
}

/// What each recovery value asks of a client, anchored as in the
/// Markdown reference, when any row names one.
pub(super) fn recoveries(out: &mut String, catalogue: &Catalogue) {
    if !shows_recoveries(catalogue) {
        return;
    }
    let _ = write!(
        out,
        "<section id=\"{RECOVERY_SECTION}\">\n<h2>Recovery</h2>\n\
         <p>What a client should do about each code that names a recovery.</p>\n<dl>\n"
    );
    for recovery in &catalogue.recoveries {
        let _ = write!(out, "<dt id=\"{}\"><code>", recovery.anchor());
        push_html(out, &recovery.key);
        out.push_str("</code></dt><dd>");
        push_html(out, &recovery.description);
        out.push_str("</dd>\n");
    }
    out.push_str("</dl>\n</section>\n");
}
