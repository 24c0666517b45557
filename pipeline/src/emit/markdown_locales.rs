//! The Markdown reference in each locale but the default
//! (`docs/<crate>.<tag>.md`): each table's codes with their names,
//! descriptions and message templates in the locale, then the
//! explanations, causes and solutions of those that have any (a partial
//! locale's page lists only the codes it translates), the pages of every
//! locale linked to one another, each code at the reference's anchor.

use errcat_model::locales::Locale;
use errcat_model::text::Markdown;
use errcat_model::{Catalogue, Row, Table};

/// How spec text is escaped on the page: no renderer of it adds smart punctuation.
const PAGE: Markdown = Markdown::CommonMark;

/// The page's file name under `docs/`.
pub fn file_name(catalogue: &Catalogue, tag: &str) -> String {
    format!("{}.{tag}.md", catalogue.crate_name)
}

/// The line linking every locale's page, `current` in bold (`None`: the default's).
pub fn languages_line(catalogue: &Catalogue, current: Option<&str>) -> String {
    let Some(locales) = &catalogue.locales else { return String::new() };
    let default = match current {
        None => format!("**{}**", locales.default),
        Some(_) => format!("[{}]({}.md)", locales.default, catalogue.crate_name),
    };
    let others = locales.others.iter().map(|locale| match current {
        Some(tag) if tag == locale.tag => format!("**{tag}**"),
        _ => format!("[{}]({})", locale.tag, file_name(catalogue, &locale.tag)),
    });
    let all: Vec<String> = std::iter::once(default).chain(others).collect();
    format!("Languages: {}\n", all.join(" · "))
}

/// `locale`'s page below its header.
pub fn emit_localized(catalogue: &Catalogue, locale: &Locale) -> String {
    let default = catalogue.locales.as_ref().map_or("", |locales| locales.default.as_str());
    let mut page = format!(
        "\n# {title} (`{tag}`)\n\n{languages}\n\
         The texts are in `{tag}`; the page's headings and labels (the table's,\n\
         \"Causes:\", \"Solutions:\") are in `{default}`, the catalogue's language,\n\
         as is the reference each code links to.\n",
        title = PAGE.inline(&catalogue.title),
        tag = locale.tag,
        languages = languages_line(catalogue, Some(&locale.tag)),
    );
    if locale.partial {
        let total = catalogue.rows().count();
        let translated = catalogue.rows().filter(|(_, row)| locale.row(&row.code).is_some()).count();
        page.push_str(&format!(
            "\nThis translation is partial: it translates {translated} of the {total} codes, listed\n\
             here (a text it leaves out is shown in `{default}`, as the crate answers\n\
             it). The others are the default's: see the [reference](../{krate}/src/reference.md).\n",
            krate = catalogue.crate_name,
        ));
    }
    for table in &catalogue.tables {
        if let Some(section) = table_section(catalogue, locale, table) {
            page.push('\n');
            page.push_str(&section);
        }
    }
    page
}

/// A table's heading and its codes in the locale: a partial locale's, those
/// it translates (`None` if none).
fn table_section(catalogue: &Catalogue, locale: &Locale, table: &Table) -> Option<String> {
    let reference = format!("../{}/src/reference.md", catalogue.crate_name);
    let with_messages = table.rows.iter().any(|row| row.message.is_some());
    let mut section = format!("## {}\n\n", PAGE.inline(&table.title));
    section.push_str(if with_messages {
        "| Code | Name | Description | Message |\n| --- | --- | --- | --- |\n"
    } else {
        "| Code | Name | Description |\n| --- | --- | --- |\n"
    });
    let rows: Vec<_> =
        table.rows.iter().filter(|row| !locale.partial || locale.row(&row.code).is_some()).collect();
    if rows.is_empty() {
        return None;
    }
    for row in &rows {
        let anchor = row.anchor();
        section.push_str(&format!(
            "| <a id=\"{anchor}\"></a>[{code}]({reference}#{anchor}) | {name} | {description} |",
            code = PAGE.inline(&row.code.word()),
            name = PAGE.inline(locale.name(row)),
            description = PAGE.inline(locale.description(row)),
        ));
        if with_messages {
            match locale.message(row) {
                Some(template) => section.push_str(&format!(" {} |", PAGE.inline(&template.shown(true)))),
                None => section.push_str(" |"),
            }
        }
        section.push('\n');
    }
    for row in rows
        .iter()
        .filter(|row| row.explanation.is_some() || !row.causes.is_empty() || !row.solutions.is_empty())
    {
        section.push_str(&details(locale, row));
    }
    Some(section)
}

/// A row's explanation, causes and solutions in the locale, under its code
/// and name (the default's where the locale leaves one out).
fn details(locale: &Locale, row: &Row) -> String {
    let mut out = format!("\n**`{}` {}**\n", row.code.word(), PAGE.inline(locale.name(row)));
    if let Some(explanation) = locale.explanation(row) {
        out.push_str(&format!("\n{}\n", PAGE.paragraph(explanation)));
    }
    for (heading, items) in [("Causes", locale.causes(row)), ("Solutions", locale.solutions(row))] {
        if !items.is_empty() {
            out.push_str(&format!("\n{heading}:\n\n"));
            for item in items {
                out.push_str(&format!("- {}\n", PAGE.inline(item)));
            }
        }
    }
    out
}
