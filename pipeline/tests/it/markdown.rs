//! The Markdown reference, rendered by a CommonMark + GFM-tables parser
//! (pulldown-cmark), says exactly what the spec says: every heading,
//! intro sentence and cell is the spec's text, character for character,
//! no text turns into markup or HTML, and every code has its anchor. It
//! does under rustdoc's Markdown too (smart punctuation and all), as the
//! page is the generated crate's `reference` module.

mod attributes;
mod prose;
mod sections;

use std::collections::BTreeSet;

use errcat_model::TableKind;
use errcat_model::params::{ParamType, Template};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::fixtures::catalogues;

/// The page as written to the crate's `src/reference.md`, its header included.
fn page(catalogue: &errcat_model::Catalogue) -> std::sync::Arc<String> {
    static PAGES: crate::memo::Memo<errcat_model::Catalogue, String> = crate::memo::Memo::new();
    PAGES.get(catalogue, || {
        let path = std::path::Path::new(&catalogue.crate_name).join("src/reference.md");
        let files = crate::memo::rendered(catalogue);
        let page = files.iter().find(|file| file.path == path).expect("the page is rendered");
        assert!(
            page.contents.ends_with(&errcat_pipeline::emit::markdown::emit_docs(catalogue)),
            "the body follows the header"
        );
        page.contents.clone()
    })
}

/// Inline content as a reader sees it, and the markup around it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Inline {
    /// The text, with `<br>` read as a newline.
    text: String,
    /// `id`s of `<a id>` anchors inside it.
    anchors: Vec<String>,
    /// Destinations of links inside it.
    links: Vec<String>,
    /// Markup other than anchors, `<br>` and links: emphasis, code spans,
    /// any other HTML. Spec text must never produce any.
    markup: Vec<String>,
}

#[derive(Debug)]
enum Block {
    Html(String),
    Heading(u8, Inline),
    Paragraph(Inline),
    Item(Inline),
    Table {
        header: Vec<Inline>,
        rows: Vec<Vec<Inline>>,
    },
    /// A fenced code block's text.
    Code(String),
}

/// CommonMark with GFM's tables and strikethrough, as code hosts render
/// Markdown (and OpenAPI renderers, which need no more here).
const GFM: Options = Options::ENABLE_TABLES.union(Options::ENABLE_STRIKETHROUGH);

/// The Markdown rustdoc renders docs with: GFM's, footnotes, task lists,
/// and smart punctuation, which curls quotes and turns `...` and `--`
/// into an ellipsis and a dash.
const RUSTDOC: Options = GFM
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_SMART_PUNCTUATION);

/// The page's blocks, as pulldown-cmark reads them with GFM tables.
fn blocks(markdown: &str) -> Vec<Block> {
    blocks_with(markdown, GFM)
}

/// The page's blocks, as pulldown-cmark reads them with `options`.
fn blocks_with(markdown: &str, options: Options) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut inline: Option<Inline> = None;
    let mut table: Option<(Vec<Inline>, Vec<Vec<Inline>>)> = None;
    let mut in_head = false;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Heading { .. } | Tag::Paragraph | Tag::TableCell) => {
                inline = Some(Inline::default());
            }
            Event::End(TagEnd::Heading(level)) => {
                blocks.push(Block::Heading(level as u8, inline.take().expect("heading text")));
            }
            Event::End(TagEnd::Paragraph) => blocks.push(Block::Paragraph(inline.take().expect("text"))),
            // Lists are tight: an item's text is its inline content.
            Event::Start(Tag::List(None)) | Event::End(TagEnd::List(false)) => {}
            Event::Start(Tag::Item) => inline = Some(Inline::default()),
            Event::End(TagEnd::Item) => blocks.push(Block::Item(inline.take().expect("an item"))),
            Event::Start(Tag::HtmlBlock) => blocks.push(Block::Html(String::new())),
            Event::Html(html) if inline.is_none() => match blocks.last_mut() {
                Some(Block::Html(block)) => block.push_str(&html),
                _ => panic!("HTML outside an HTML block: {html}"),
            },
            Event::End(TagEnd::HtmlBlock) => {}
            Event::Start(Tag::CodeBlock(_)) => blocks.push(Block::Code(String::new())),
            Event::Text(text) if inline.is_none() => match blocks.last_mut() {
                Some(Block::Code(code)) => code.push_str(&text),
                _ => panic!("text outside any block: {text}"),
            },
            Event::End(TagEnd::CodeBlock) => {}
            Event::Start(Tag::Table(_)) => table = Some((Vec::new(), Vec::new())),
            Event::End(TagEnd::Table) => {
                let (header, rows) = table.take().expect("a table");
                blocks.push(Block::Table { header, rows });
            }
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => table.as_mut().expect("a table").1.push(Vec::new()),
            Event::End(TagEnd::TableRow) => {}
            Event::End(TagEnd::TableCell) => {
                let cell = inline.take().expect("a cell");
                let (header, rows) = table.as_mut().expect("a table");
                if in_head { header.push(cell) } else { rows.last_mut().expect("a row").push(cell) }
            }
            event => {
                let inline = inline.as_mut().unwrap_or_else(|| panic!("{event:?} outside any block"));
                match event {
                    Event::Text(text) => inline.text.push_str(&text),
                    Event::SoftBreak => inline.text.push('\n'),
                    Event::InlineHtml(html) if &*html == "<br>" => inline.text.push('\n'),
                    Event::InlineHtml(html) if &*html == "</a>" => {}
                    Event::InlineHtml(html) if html.starts_with("<a id=\"") => {
                        let id = html.trim_start_matches("<a id=\"").trim_end_matches("\">");
                        inline.anchors.push(id.to_owned());
                    }
                    Event::Start(Tag::Link { dest_url, .. }) => inline.links.push(dest_url.to_string()),
                    Event::End(TagEnd::Link) => {}
                    Event::Code(code) => {
                        inline.markup.push(format!("code span `{code}`"));
                        inline.text.push_str(&code);
                    }
                    other => inline.markup.push(format!("{other:?}")),
                }
            }
        }
    }
    blocks
}

/// What a reader sees of `markdown` that should be one paragraph of plain
/// text, such as an OpenAPI `description`; fails when it is not, or when
/// any of it turned into markup.
#[track_caller]
pub fn plain_text(markdown: &str, what: &str) -> String {
    match blocks(markdown).as_slice() {
        [Block::Paragraph(inline)] => {
            assert!(inline.markup.is_empty(), "{what} turned into markup: {:?}", inline.markup);
            assert!(
                inline.anchors.is_empty() && inline.links.is_empty(),
                "{what} turned into links: {markdown}"
            );
            inline.text.clone()
        }
        other => panic!("{what} is not one paragraph of text: {markdown:?} reads as {other:?}"),
    }
}

fn texts(cells: &[Inline]) -> Vec<&str> {
    cells.iter().map(|cell| cell.text.as_str()).collect()
}

#[track_caller]
fn assert_text(inline: &Inline, expected: &str, what: &str) {
    assert_eq!(inline.text, expected, "{what}");
    assert!(inline.markup.is_empty(), "{what} turned into markup: {:?}", inline.markup);
}

#[test]
fn the_page_reproduces_every_heading_sentence_and_cell() {
    for (catalogue, options) in
        catalogues().iter().flat_map(|catalogue| [(catalogue, GFM), (catalogue, RUSTDOC)])
    {
        let page = page(catalogue);
        let mut blocks = blocks_with(&page, options).into_iter();
        let at = &format!("{} read with {options:?}", catalogue.source);

        let Some(Block::Html(header)) = blocks.next() else {
            panic!("{at}: the page starts with its header")
        };
        assert_eq!(header, errcat_pipeline::emit::markdown::header(catalogue), "{at}: no other HTML block");
        let Some(Block::Heading(1, title)) = blocks.next() else {
            panic!("{at}: the page starts with its title")
        };
        assert_text(&title, &catalogue.title, "the page title");
        if !catalogue.params.is_empty() {
            let Some(Block::Heading(2, heading)) = blocks.next() else { panic!("{at}: the shared params") };
            assert_text(&heading, "Params every error carries", at);
            let Some(Block::Paragraph(_)) = blocks.next() else { panic!("{at}: what they are") };
            check_params(&mut blocks, &catalogue.params, at);
        }
        for table in &catalogue.tables {
            let here = format!("{at}, table `{}`", table.id);
            check_table(&mut blocks, catalogue, table, &here);
            check_details(&mut blocks, catalogue, table, &here);
            check_deprecated_and_retired(&mut blocks, catalogue, table, &here);
        }
        check_page_end(&mut blocks, catalogue, &page, at);
    }
}

/// The page's blocks, read in order.
type Blocks = std::vec::IntoIter<Block>;

/// A table's heading, intro sentence and table of codes, cell by cell.
fn check_table(
    blocks: &mut Blocks,
    catalogue: &errcat_model::Catalogue,
    table: &errcat_model::Table,
    here: &str,
) {
    let Some(Block::Heading(2, heading)) = blocks.next() else { panic!("{here}: a heading") };
    assert_text(&heading, &table.title, here);
    let Some(Block::Paragraph(summary)) = blocks.next() else { panic!("{here}: an intro sentence") };
    assert_text(&summary, &table.summary, here);
    let Some(Block::Table { header, rows }) = blocks.next() else { panic!("{here}: a table") };

    let mut columns = vec!["Code", table.name_column.as_str(), "Description"];
    // A table whose codes are its names has no name column.
    let named = usize::from(table.named);
    if !table.named {
        columns.remove(1);
    }
    let status_column = table.kind == TableKind::Custom && catalogue.http;
    if status_column {
        columns.push("HTTP status");
    }
    let also_named_column = table.rows.iter().any(|row| !row.also_named.is_empty());
    let aliases_column = table.rows.iter().any(|row| !row.aliases.is_empty());
    let recovery_column = table.rows.iter().any(|row| row.recovery.is_some());
    if also_named_column {
        columns.push("Also named");
    }
    if aliases_column {
        columns.push("Also sent as");
    }
    if recovery_column {
        columns.push("Recovery");
    }
    let attribute_columns = attributes::columns(catalogue, table);
    columns.extend(attribute_columns.iter().map(|&(_, name)| name));
    assert_eq!(texts(&header), columns, "{here}: the columns");
    let first_attribute = columns.len() - attribute_columns.len();
    attributes::check_headings(catalogue, &attribute_columns, &header[first_attribute..], here);
    assert_eq!(rows.len(), table.rows.len(), "{here}: one row per code");
    for (cells, row) in rows.iter().zip(&table.rows) {
        let here = format!("{here}, code {}", row.code);
        assert_eq!(cells.len(), columns.len(), "{here}: every cell in its column");
        // The empty code shows as `""`, where an empty cell would hide it.
        assert_text(&cells[0], &row.code.word(), &here);
        assert_eq!(cells[0].anchors, [row.anchor()], "{here}: the anchor");
        if table.named {
            assert_text(&cells[1], &row.name, &here);
        }
        assert_text(&cells[1 + named], &row.description, &here);
        if status_column {
            let (mut texts, mut links) = (Vec::new(), Vec::new());
            for status in row.statuses() {
                match catalogue.http_row(status) {
                    Some((_, http)) => {
                        texts.push(format!("{} {}", http.code, http.name));
                        links.push(format!("#{}", http.anchor()));
                    }
                    None => texts.push(status.to_string()),
                }
            }
            // A row without a status (`http_status: none`) says so.
            let shown = if texts.is_empty() { "none".to_owned() } else { texts.join(", ") };
            assert_text(&cells[2 + named], &shown, &here);
            assert_eq!(cells[2 + named].links, links, "{here}: a link per status the HTTP table lists");
        }
        let mut next = if status_column { 3 + named } else { 2 + named };
        if also_named_column {
            let names: Vec<&str> = row.also_named.iter().map(|other| other.name.as_str()).collect();
            assert_text(&cells[next], &names.join(", "), &format!("{here}: the other names"));
            next += 1;
        }
        if aliases_column {
            let aliases: Vec<String> = row.aliases.iter().map(errcat_model::Code::word).collect();
            let anchors: Vec<String> = row.aliases.iter().map(errcat_model::Code::anchor).collect();
            assert_eq!(cells[next].text, aliases.join(", "), "{here}: the aliases");
            assert_eq!(cells[next].anchors, anchors, "{here}: an anchor per alias");
            next += 1;
        }
        if recovery_column {
            match &row.recovery {
                Some(recovery) => {
                    assert_eq!(cells[next].text, recovery.key(), "{here}: the recovery");
                    assert_eq!(
                        cells[next].links,
                        [format!("#{}", recovery_anchor(recovery.key()))],
                        "{here}"
                    );
                }
                None => assert_eq!(cells[next].text, "", "{here}: no recovery"),
            }
            next += 1;
        }
        attributes::check_cells(row, &attribute_columns, &cells[next..], &here);
    }
}

/// A table of params: each one's name, type, whether required and description.
fn check_params(blocks: &mut Blocks, params: &[errcat_model::params::Param], here: &str) {
    let Some(Block::Table { header, rows }) = blocks.next() else { panic!("{here}: a table of params") };
    assert_eq!(texts(&header), ["Param", "Type", "Required", "Description"], "{here}");
    assert_eq!(rows.len(), params.len(), "{here}: one row per param");
    for (cells, param) in rows.iter().zip(params) {
        assert_eq!(cells[0].text, param.name, "{here}");
        assert_eq!(cells[0].markup, [format!("code span `{}`", param.name)], "{here}");
        assert_text(&cells[1], param.ty.keyword(), here);
        assert_text(&cells[2], if param.required { "yes" } else { "no" }, here);
        assert_text(&cells[3], &param.description, here);
    }
}

/// `label` and `expected`, shown exactly: in a code span on the label's
/// line, or in a code block after it when it has more than one line or
/// begins or ends with a space (MySQL's `… of stored column. `).
fn check_verbatim(blocks: &mut Blocks, label: &str, expected: &str, here: &str) {
    let Some(Block::Paragraph(line)) = blocks.next() else { panic!("{here}: {label}") };
    if expected.contains('\n') || expected.starts_with(' ') || expected.ends_with(' ') {
        assert_text(&line, &format!("{label}:"), here);
        let Some(Block::Code(code)) = blocks.next() else { panic!("{here}: {label} in a code block") };
        assert_eq!(code, format!("{expected}\n"), "{here}: {label}");
    } else {
        assert_eq!(line.text, format!("{label}: {expected}"), "{here}");
        assert_eq!(line.markup, [format!("code span `{expected}`")], "{here}: {label} in a code span");
    }
}

/// A row's message with sample values: a string param shows its name, an
/// integer 42, a number 2.5, a boolean `true` (the OpenAPI examples'
/// values too).
fn sample(catalogue: &errcat_model::Catalogue, row: &errcat_model::Row, template: &Template) -> String {
    template.render(|name| {
        let param = catalogue.params.iter().chain(&row.params).find(|param| param.name == name);
        match param.map(|param| param.ty) {
            Some(ParamType::Integer) => "42".to_owned(),
            Some(ParamType::Number) => "2.5".to_owned(),
            Some(ParamType::Boolean) => "true".to_owned(),
            _ => name.to_owned(),
        }
    })
}

/// A table's details: a heading per code with its explanation, message,
/// params, causes and solutions.
fn check_details(
    blocks: &mut Blocks,
    catalogue: &errcat_model::Catalogue,
    table: &errcat_model::Table,
    here: &str,
) {
    let detailed: Vec<_> = table
        .rows
        .iter()
        .filter(|row| {
            row.explanation.is_some()
                || !row.causes.is_empty()
                || !row.solutions.is_empty()
                || !row.params.is_empty()
                || row.message.is_some()
        })
        .collect();
    if !detailed.is_empty() {
        let Some(Block::Heading(3, heading)) = blocks.next() else { panic!("{here}: details") };
        assert_text(&heading, "Details", here);
    }
    for row in detailed {
        let here = format!("{here}, details of code {}", row.code);
        let Some(Block::Heading(4, heading)) = blocks.next() else { panic!("{here}: a heading") };
        // A table whose codes are its names shows each once.
        let title = if table.named { format!("{} {}", row.code.word(), row.name) } else { row.code.word() };
        assert_text(&heading, &title, &here);
        if let Some(explanation) = &row.explanation {
            let Some(Block::Paragraph(text)) = blocks.next() else { panic!("{here}: the explanation") };
            assert_text(&text, explanation, &here);
        }
        if let Some(message) = &row.message {
            check_verbatim(blocks, "Message template", &message.shown(true), &here);
            check_verbatim(blocks, "With sample values", &sample(catalogue, row, message), &here);
        }
        if !row.params.is_empty() {
            check_params(blocks, &row.params, &here);
        }
        for (label, texts) in [("Causes:", &row.causes), ("Solutions:", &row.solutions)] {
            if texts.is_empty() {
                continue;
            }
            let Some(Block::Paragraph(text)) = blocks.next() else { panic!("{here}: {label}") };
            assert_text(&text, label, &here);
            for expected in texts {
                let Some(Block::Item(item)) = blocks.next() else { panic!("{here}: an item") };
                assert_text(&item, expected, &here);
            }
        }
    }
}

/// A table's deprecated and retired codes, each in a table of its own.
fn check_deprecated_and_retired(
    blocks: &mut Blocks,
    catalogue: &errcat_model::Catalogue,
    table: &errcat_model::Table,
    here: &str,
) {
    let deprecated: Vec<_> = table.rows.iter().filter(|row| row.deprecated.is_some()).collect();
    if !deprecated.is_empty() {
        let Some(Block::Heading(3, heading)) = blocks.next() else { panic!("{here}: deprecations") };
        assert_text(&heading, "Deprecated", here);
        let Some(Block::Table { header, rows }) = blocks.next() else { panic!("{here}: a table") };
        assert_eq!(texts(&header), ["Code", table.name_column.as_str(), "Note"], "{here}");
        assert_eq!(rows.len(), deprecated.len(), "{here}: one row per deprecated code");
        for (cells, row) in rows.iter().zip(deprecated) {
            assert_text(&cells[0], &row.code.word(), here);
            assert_eq!(cells[0].links, [format!("#{}", row.anchor())], "{here}: links to its row");
            assert_text(&cells[1], &row.name, here);
            assert_text(&cells[2], row.deprecated.as_deref().unwrap(), here);
        }
    }
    let retired: Vec<_> = catalogue.retired_in(&table.id).collect();
    if !retired.is_empty() {
        let Some(Block::Heading(3, heading)) = blocks.next() else { panic!("{here}: retired codes") };
        assert_text(&heading, "Retired", here);
        let Some(Block::Table { header, rows }) = blocks.next() else { panic!("{here}: a table") };
        assert_eq!(texts(&header), ["Code", table.name_column.as_str(), "Reason"], "{here}");
        assert_eq!(rows.len(), retired.len(), "{here}: one row per retired code");
        for (cells, retired) in rows.iter().zip(retired) {
            assert_text(&cells[0], &retired.code.word(), here);
            assert_eq!(cells[0].anchors, [retired.anchor()], "{here}: old links still land");
            assert_text(&cells[1], &retired.name, here);
            assert_text(&cells[2], &retired.reason, here);
        }
    }
}

/// The end of the page: retired codes of removed tables, the recovery section and the body section.
fn check_page_end(blocks: &mut Blocks, catalogue: &errcat_model::Catalogue, page: &str, at: &str) {
    let elsewhere: Vec<_> = catalogue.retired_elsewhere().collect();
    if !elsewhere.is_empty() {
        let Some(Block::Heading(2, heading)) = blocks.next() else { panic!("{at}: removed tables' codes") };
        assert_text(&heading, "Retired codes of removed tables", at);
        let Some(Block::Table { header, rows }) = blocks.next() else { panic!("{at}: a table") };
        assert_eq!(texts(&header), ["Code", "Name", "Table", "Reason"], "{at}");
        assert_eq!(rows.len(), elsewhere.len(), "{at}");
        for (cells, retired) in rows.iter().zip(elsewhere) {
            assert_text(&cells[0], &retired.code.to_string(), at);
            assert_eq!(cells[0].anchors, [retired.anchor()], "{at}");
            assert_text(&cells[1], &retired.name, at);
            assert_text(&cells[2], &retired.table, at);
            assert_text(&cells[3], &retired.reason, at);
        }
    }
    if catalogue.rows().any(|(_, row)| row.recovery.is_some()) {
        let Some(Block::Heading(2, heading)) = blocks.next() else { panic!("{at}: the recovery section") };
        assert_text(&heading, "Recovery", at);
        let Some(Block::Paragraph(_)) = blocks.next() else { panic!("{at}: what recovery means") };
        let Some(Block::Table { header, rows }) = blocks.next() else { panic!("{at}: a table") };
        assert_eq!(texts(&header), ["Recovery", "What a client should do"], "{at}");
        assert_eq!(rows.len(), catalogue.recoveries.len(), "{at}: one row per value");
        for (cells, recovery) in rows.iter().zip(&catalogue.recoveries) {
            assert_eq!(cells[0].text, recovery.key, "{at}");
            assert_eq!(cells[0].anchors, [recovery_anchor(&recovery.key)], "{at}");
        }
    }
    attributes::check_section(blocks, catalogue, at);
    sections::check_section(blocks, catalogue, at);
    if catalogue.body.is_some() {
        let Some(Block::Heading(2, body)) = blocks.next() else { panic!("{at}: the error body section") };
        assert_eq!(body.text, "Error responses");
    } else if catalogue.http {
        assert!(!page.contains("## Error responses"), "{at}: no body, no body section");
    } else {
        assert!(blocks.next().is_none(), "{at}: no error responses without HTTP");
    }
}

/// The anchor of a recovery value's entry: `recovery-` and its key in kebab case.
fn recovery_anchor(key: &str) -> String {
    format!("recovery-{}", key.replace('_', "-"))
}

#[test]
fn anchors_are_unique_and_every_link_lands_on_one() {
    for catalogue in catalogues() {
        let page = page(&catalogue);
        let mut anchors = BTreeSet::new();
        let mut links = Vec::new();
        for block in blocks(&page) {
            let inlines = match block {
                Block::Html(_) | Block::Code(_) => Vec::new(),
                Block::Heading(_, inline) | Block::Paragraph(inline) | Block::Item(inline) => vec![inline],
                Block::Table { header, rows } => {
                    header.into_iter().chain(rows.into_iter().flatten()).collect()
                }
            };
            for inline in inlines {
                for anchor in inline.anchors {
                    assert!(anchors.insert(anchor.clone()), "{}: anchor {anchor} twice", catalogue.source);
                }
                links.extend(inline.links);
            }
        }
        let codes: BTreeSet<String> = catalogue
            .rows()
            .map(|(_, row)| row.anchor())
            .chain(catalogue.retired.iter().map(|retired| retired.anchor()))
            .chain(catalogue.rows().flat_map(|(_, row)| row.aliases.iter().map(errcat_model::Code::anchor)))
            .chain(
                catalogue
                    .recoveries
                    .iter()
                    .filter(|_| catalogue.rows().any(|(_, row)| row.recovery.is_some()))
                    .map(|recovery| recovery_anchor(&recovery.key)),
            )
            .chain(catalogue.attributes.iter().map(errcat_model::Attribute::anchor))
            .collect();
        assert_eq!(anchors, codes, "{}: one anchor per code, retired ones included", catalogue.source);
        for link in links {
            let target = link.strip_prefix('#').unwrap_or_else(|| panic!("{link} leaves the page"));
            assert!(anchors.contains(target), "{}: {link} has no anchor", catalogue.source);
        }
    }
}

#[test]
fn the_page_starts_with_the_generated_header() {
    for catalogue in catalogues() {
        let page = page(&catalogue);
        let expected =
            format!("<!-- @generated by `cargo xtask gen` from {} — do not edit. -->\n", catalogue.source);
        assert!(page.starts_with(&expected), "{page}");
    }
}
