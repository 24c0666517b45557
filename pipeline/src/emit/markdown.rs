//! The Markdown emitter: the catalogue as a reference page that reproduces
//! the source document (title, headings, intro sentences, tables), with a
//! stable anchor per code.
//!
//! [`reference()`] is also the generated crate's `reference` module docs, so
//! the page and the rustdoc that links into it cannot differ.

mod attributes;
mod sections;
mod xml;

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::emit::sample;
use errcat_model::output::Comment;
use errcat_model::params::Param;
use errcat_model::text::{Markdown, code_span, code_span_into};
use errcat_model::{Body, Catalogue, Code, CodeKind, Retired, Row, Table, TableKind};

/// The generated page, the crate's `src/reference.md`, below its header.
pub fn emit_docs(catalogue: &Catalogue) -> String {
    format!("\n{}", reference(catalogue))
}

/// `docs/<crate>.md` below its header: the title and a link to the page
/// in the crate, so the reference is written once however large it is.
pub fn emit_docs_pointer(catalogue: &Catalogue) -> String {
    let path = format!("../{}/src/reference.md", catalogue.crate_name);
    format!(
        "\n# {title}\n\n\
         The error reference of this catalogue, with an anchor per code, is in\n\
         the generated crate, whose `reference` module shows the same page:\n\
         [`{path}`]({path}).\n{languages}",
        title = REFERENCE.inline(&catalogue.title),
        languages = match catalogue.locales {
            Some(_) => format!("\n{}", super::markdown_locales::languages_line(catalogue, None)),
            None => String::new(),
        },
    )
}

/// The comment syntax of the page's header.
pub const COMMENT: Comment = Comment::Html;

/// How spec text is escaped on the page. The page is the generated
/// crate's `reference` module too, which rustdoc renders with smart
/// punctuation, so it takes rustdoc's escapes; they are CommonMark's own,
/// and a renderer without smart punctuation shows the same text.
const REFERENCE: Markdown = Markdown::Rustdoc;

/// The page's first line.
pub fn header(catalogue: &Catalogue) -> String {
    errcat_model::output::header(COMMENT, errcat_model::output::DEFAULT_COMMAND, &catalogue.source)
}

/// The reference text: everything on the page below its header.
pub fn reference(catalogue: &Catalogue) -> String {
    let mut page = format!("# {}\n", REFERENCE.inline(&catalogue.title));
    page.push_str(&shared_params_section(catalogue));
    for table in &catalogue.tables {
        page.push('\n');
        page.push_str(&table_section(catalogue, table));
        page.push_str(&details_section(catalogue, table));
        page.push_str(&deprecated_section(table));
        page.push_str(&retired_section(catalogue, table));
    }
    page.push_str(&retired_elsewhere_section(catalogue));
    page.push_str(&recovery_section(catalogue));
    page.push_str(&attributes::section(catalogue));
    page.push_str(&sections::section(catalogue));
    // Error responses are HTTP responses; only an HTTP catalogue declares
    // their body, and without one there is no section (nor a blank line).
    if catalogue.body.is_some() {
        page.push('\n');
        page.push_str(&body_section(catalogue));
        page.push_str(&problem_section(catalogue));
    }
    page
}

/// What a table's rows show besides code, name and description, worked
/// out once per table so that each row's cells cost the same however many
/// rows there are.
struct Columns<'a> {
    /// The HTTP status table's rows by code, when the table is a custom
    /// one: its status cell links to them.
    http_rows: Option<HashMap<&'a Code, &'a Row>>,
    /// Whether any row has aliases: the table shows the column only then.
    aliases: bool,
    /// Whether any row has other names: the table shows the column only then.
    also_named: bool,
    /// Whether any row has a recovery: the table shows the column only then.
    recovery: bool,
    /// The attributes some row gives, by index: a column each.
    attributes: Vec<usize>,
    /// Whether the rows give names: a table whose codes are its names
    /// has no name column.
    named: bool,
}

impl<'a> Columns<'a> {
    fn of(catalogue: &'a Catalogue, table: &Table) -> Self {
        let http_rows = (table.kind == TableKind::Custom && catalogue.http).then(|| {
            let rows = catalogue.http_table().map(|http| http.rows.as_slice()).unwrap_or_default();
            rows.iter().map(|row| (&row.code, row)).collect()
        });
        Columns {
            http_rows,
            aliases: table.rows.iter().any(|row| !row.aliases.is_empty()),
            also_named: table.rows.iter().any(|row| !row.also_named.is_empty()),
            recovery: table.rows.iter().any(|row| row.recovery.is_some()),
            attributes: attributes::shown(catalogue, table),
            named: table.named,
        }
    }
}

/// What each recovery value asks of a client, when any row names one.
fn recovery_section(catalogue: &Catalogue) -> String {
    if catalogue.recoveries.is_empty() || catalogue.rows().all(|(_, row)| row.recovery.is_none()) {
        return String::new();
    }
    let mut section = format!(
        "\n## Recovery\n\n\
         Each code names what a client should do about it: `recovery()` in the\n\
         crate, `x-recovery` in the OpenAPI 3.1 document (`x-recovery-by-code`\n\
         in the 3.0 one).\n\n{}\n{}\n",
        table_line(&["Recovery".to_owned(), "What a client should do".to_owned()]),
        table_line(&["---".to_owned(), "---".to_owned()]),
    );
    for recovery in &catalogue.recoveries {
        let anchor = format!("<a id=\"{}\"></a>`{}`", recovery.anchor(), recovery.key);
        section.push_str(&table_line(&[anchor, REFERENCE.inline(&recovery.description)]));
        section.push('\n');
    }
    section
}

/// A table's heading, intro sentence and rows.
fn table_section(catalogue: &Catalogue, table: &Table) -> String {
    let shown = Columns::of(catalogue, table);
    let mut columns = vec!["Code".to_owned(), REFERENCE.inline(&table.name_column), "Description".to_owned()];
    if !shown.named {
        columns.remove(1);
    }
    if shown.http_rows.is_some() {
        columns.push("HTTP status".to_owned());
    }
    if shown.also_named {
        columns.push("Also named".to_owned());
    }
    if shown.aliases {
        columns.push("Also sent as".to_owned());
    }
    if shown.recovery {
        columns.push("Recovery".to_owned());
    }
    columns.extend(attributes::headings(catalogue, &shown.attributes));
    let mut section = format!(
        "## {title}\n\n{summary}\n\n{header}\n{rule}\n",
        title = REFERENCE.inline(&table.title),
        summary = REFERENCE.paragraph(&table.summary),
        header = table_line(&columns),
        rule = table_line(&vec!["---".to_owned(); columns.len()]),
    );
    for row in &table.rows {
        section.push_str(&table_line(&row_cells(&shown, row)));
        section.push('\n');
    }
    section
}

/// A row's cells: the code with its anchor, the name, the description
/// and, outside the HTTP status table, the status linked to its row.
fn row_cells(shown: &Columns, row: &Row) -> Vec<String> {
    let mut cells = vec![format!("<a id=\"{}\"></a>{}", row.anchor(), code_text(&row.code))];
    if shown.named {
        cells.push(REFERENCE.inline(&row.name));
    }
    cells.push(REFERENCE.inline(&row.description));
    if let Some(http_rows) = &shown.http_rows {
        let statuses: Vec<String> = row
            .statuses()
            .map(|status| match http_rows.get(&Code::Integer(u32::from(status))) {
                Some(http) => format!("[{} {}](#{})", http.code, REFERENCE.inline(&http.name), http.anchor()),
                None => status.to_string(),
            })
            .collect();
        // A row of an HTTP catalogue without a status (`http_status: none`).
        cells.push(if statuses.is_empty() { "none".to_owned() } else { statuses.join(", ") });
    }
    if shown.also_named {
        let names: Vec<String> = row.also_named.iter().map(|other| REFERENCE.inline(&other.name)).collect();
        cells.push(names.join(", "));
    }
    if shown.aliases {
        // Anchored like codes, so a link to an alias lands on its row.
        let cell: Vec<String> = row
            .aliases
            .iter()
            .map(|alias| format!("<a id=\"{}\"></a>{}", alias.anchor(), code_text(alias)))
            .collect();
        cells.push(cell.join(", "));
    }
    if shown.recovery {
        cells.push(match &row.recovery {
            Some(recovery) => format!("[`{}`](#{})", recovery.key(), recovery.anchor()),
            None => String::new(),
        });
    }
    cells.extend(attributes::cells(row, &shown.attributes));
    cells
}

/// What the table's rows explain beyond their cells (explanation, message,
/// params, causes, solutions), under a heading per row that has any:
/// nothing when none has.
fn details_section(catalogue: &Catalogue, table: &Table) -> String {
    const HEADING: &str = "\n### Details\n";
    // Written after its heading, which is dropped when no row has details:
    // a catalogue may give each of thousands of rows its params.
    let mut section = String::from(HEADING);
    for row in table.rows.iter().filter(|row| {
        row.explanation.is_some()
            || !row.causes.is_empty()
            || !row.solutions.is_empty()
            || !row.params.is_empty()
            || row.message.is_some()
    }) {
        section.push_str("\n#### ");
        section.push_str(&code_text(&row.code));
        if table.named {
            section.push(' ');
            REFERENCE.inline_into(&mut section, &row.name);
        }
        section.push('\n');
        if let Some(explanation) = &row.explanation {
            // Writing to a `String` cannot fail.
            let _ = write!(section, "\n{}\n", REFERENCE.paragraph(explanation));
        }
        message_lines(&mut section, catalogue, row);
        params_table(&mut section, &row.params);
        for (heading, texts) in [("Causes", &row.causes), ("Solutions", &row.solutions)] {
            if texts.is_empty() {
                continue;
            }
            section.push_str(&format!("\n{heading}:\n\n"));
            for text in texts {
                section.push_str(&format!("- {}\n", REFERENCE.paragraph(text)));
            }
        }
    }
    if section.len() == HEADING.len() {
        return String::new();
    }
    section
}

/// The params every error carries, documented once before the tables:
/// nothing when there are none.
fn shared_params_section(catalogue: &Catalogue) -> String {
    if catalogue.params.is_empty() {
        return String::new();
    }
    let mut section = String::from(
        "\n## Params every error carries\n\nEvery error carries these params, before those its row lists:\n",
    );
    params_table(&mut section, &catalogue.params);
    section
}

/// A row's message template, as the spec writes it, and the message it
/// renders with the sample values the OpenAPI examples show, onto `out`:
/// nothing when it has none.
fn message_lines(out: &mut String, catalogue: &Catalogue, row: &Row) {
    let (Some(message), Some(sample)) = (&row.message, sample::message(catalogue, row)) else {
        return;
    };
    verbatim(out, "Message template", &message.shown(true));
    verbatim(out, "With sample values", &sample);
}

/// A paragraph showing `text` exactly after `label`, onto `out`: in a code
/// span, or in a fenced block when it has more than one line (a code span
/// shows a line break as a space).
fn verbatim(out: &mut String, label: &str, text: &str) {
    // A text that begins or ends with a space goes in a fence too: in a
    // code span, Markdown linters refuse such a space (MD038), and padding
    // it would make CommonMark strip a space that is part of the text.
    let spaced = text.starts_with(' ') || text.ends_with(' ');
    if !text.bytes().any(|byte| matches!(byte, b'\n' | b'\r')) && !spaced {
        for part in ["\n", label, ": "] {
            out.push_str(part);
        }
        code_span_into(out, text);
        out.push('\n');
        return;
    }
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run.max(2) + 1);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let _ = write!(out, "\n{label}:\n\n{fence}text\n{text}\n{fence}\n");
}

/// A table of params onto `table`: name, type, whether required,
/// description; nothing when there are none. Written straight into the
/// text, as a catalogue may give each of thousands of rows its own.
fn params_table(table: &mut String, params: &[Param]) {
    if params.is_empty() {
        return;
    }
    const HEAD: &str = "\n| Param | Type | Required | Description |\n| --- | --- | --- | --- |\n";
    table.push_str(HEAD);
    for param in params {
        // No cell of these three is empty (a code span has its fences).
        table.push_str("| ");
        code_span_into(table, &param.name);
        let required = if param.required { "yes" } else { "no" };
        for part in [" | ", param.ty.keyword(), " | ", required, " |"] {
            table.push_str(part);
        }
        // The description escaped in place; an empty cell is ` |`, as above.
        if !param.description.is_empty() {
            table.push(' ');
            REFERENCE.inline_into(table, &param.description);
        }
        table.push_str(" |\n");
    }
}

/// The table's deprecated codes, linked to their rows, with why.
fn deprecated_section(table: &Table) -> String {
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .filter_map(|row| {
            let note = row.deprecated.as_deref()?;
            Some(vec![
                format!("[{}](#{})", code_text(&row.code), row.anchor()),
                REFERENCE.inline(&row.name),
                REFERENCE.inline(note),
            ])
        })
        .collect();
    small_table("### Deprecated", &["Code", &REFERENCE.inline(&table.name_column), "Note"], &rows)
}

/// The codes the table withdrew: anchored, so old links still land.
fn retired_section(catalogue: &Catalogue, table: &Table) -> String {
    let rows: Vec<Vec<String>> =
        catalogue.retired_in(&table.id).map(|retired| retired_cells(retired, false)).collect();
    small_table("### Retired", &["Code", &REFERENCE.inline(&table.name_column), "Reason"], &rows)
}

/// The codes of tables that are gone.
fn retired_elsewhere_section(catalogue: &Catalogue) -> String {
    let rows: Vec<Vec<String>> =
        catalogue.retired_elsewhere().map(|retired| retired_cells(retired, true)).collect();
    small_table("## Retired codes of removed tables", &["Code", "Name", "Table", "Reason"], &rows)
}

fn retired_cells(retired: &Retired, with_table: bool) -> Vec<String> {
    let mut cells = vec![
        format!("<a id=\"{}\"></a>{}", retired.anchor(), code_text(&retired.code)),
        REFERENCE.inline(&retired.name),
    ];
    if with_table {
        cells.push(REFERENCE.inline(&retired.table));
    }
    cells.push(REFERENCE.inline(&retired.reason));
    cells
}

/// A heading and a table, or nothing when there are no rows.
fn small_table(heading: &str, columns: &[&str], rows: &[Vec<String>]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let columns: Vec<String> = columns.iter().map(|c| (*c).to_owned()).collect();
    let mut section = format!(
        "\n{heading}\n\n{}\n{}\n",
        table_line(&columns),
        table_line(&vec!["---".to_owned(); columns.len()])
    );
    for row in rows {
        section.push_str(&table_line(row));
        section.push('\n');
    }
    section
}

/// The error body every code travels in, and why its code may be a
/// string; nothing for a catalogue that declares no body.
fn body_section(catalogue: &Catalogue) -> String {
    let Some(body) = &catalogue.body else {
        return String::new();
    };
    let (_, example) = catalogue
        .rows()
        .find(|(table, _)| table.kind == TableKind::Custom)
        .or_else(|| catalogue.rows().next())
        .expect("a validated catalogue has rows");
    if let Some(xml) = &body.xml {
        return xml::body_section(body, xml, example);
    }
    let envelope = match &body.envelope {
        Some(key) => format!(
            ", whose members sit inside the member {}\n({})",
            code_span(key),
            code_span(&format!("{{{}: {{…}}}}", errcat_model::text::json_string(key)))
        ),
        None => String::new(),
    };
    format!(
        "## Error responses\n\n\
         A service answers an error with its HTTP status and a JSON body\n\
         (the OpenAPI schema `ErrorBody`){envelope}:\n\n\
         | Field | Type | Description |\n\
         | --- | --- | --- |\n\
         {fields}\n\
         {code_note}",
        fields = body_field_lines(body),
        code_note = match catalogue.codes {
            CodeKind::Integer => format!(
                "{code} is a JSON number in most responses, but published examples also\n\
                 show it as a string of digits ({string} rather than {number}), so the\n\
                 schema accepts both: compare it as a number.\n",
                code = code_span(&body.code().key),
                string = code_span(&format!("\"{}\"", example.code)),
                number = code_span(&example.code.to_string()),
            ),
            CodeKind::String => format!(
                "{code} is a JSON string, the code exactly as listed ({example}).\n",
                code = code_span(&body.code().key),
                example = code_span(&example.code.json()),
            ),
        },
    )
}

/// How the API answers as RFC 9457 problem details, when the spec says it
/// does: each code's `type` leads back to its row on this page.
fn problem_section(catalogue: &Catalogue) -> String {
    let Some(details) = &catalogue.problem_details else {
        return String::new();
    };
    let (_, row) = catalogue.rows().next().expect("a validated catalogue has rows");
    format!(
        "\n### Problem details\n\n\
         A service may also answer as RFC 9457 problem details\n\
         (`application/problem+json`, the OpenAPI schema `ProblemDetails`): `type`\n\
         is this page's address at the code's entry, `title` the error's name,\n\
         `status` the HTTP status, and the extension member `code` the code. For\n\
         {code}: {uri}.\n",
        code = code_span(&row.code.to_string()),
        uri = code_span(&details.type_uri(row)),
    )
}

/// The body table's rows, one per field, each ending in a newline.
fn body_field_lines(body: &Body) -> String {
    body.members
        .iter()
        .map(|field| {
            let required = if field.required { " Required." } else { "" };
            format!("| {} | {} | {}{required} |\n", code_span(&field.key), field.json_type, field.description)
        })
        .collect()
}

/// `| a | b |`.
/// An empty cell is `| |`: one space, as markdownlint's compact style wants.
fn table_line(cells: &[String]) -> String {
    let mut line = String::from("|");
    for cell in cells {
        if !cell.is_empty() {
            line.push(' ');
            line.push_str(cell);
        }
        line.push_str(" |");
    }
    line
}

/// A code as page text: a string code's `_` and `*` escaped, so that
/// `_x_` stays a code rather than emphasis (an integer code is digits).
fn code_text(code: &Code) -> String {
    REFERENCE.inline(&code.word())
}
