//! The generated crates' docs as rustdoc renders them show every text of
//! the spec as written. rustdoc reads Markdown with smart punctuation (`'`
//! and `"` curled, `...` an ellipsis, `--` a dash), so the test builds the
//! docs of the golden crates whose texts are hostile, parses the HTML and
//! reads each row's description, explanation, causes, solutions and
//! deprecation note back as text: on its variant and in the `reference`
//! module, the crate's Markdown reference as rustdoc shows it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use errcat_model::Catalogue;
use html5gum::{Token, Tokenizer};

/// The golden crates whose docs are built, by fixture.
const HOSTILE: &[(&str, &str)] = &[("hostile_text", "hostile-text-errors"), ("tricky_text", "tricky-errors")];

/// The golden crate whose message templates are hostile (escaped braces
/// and bars, a backtick, a line break), by fixture; its values need the
/// `alloc` feature.
const TEMPLATES: (&str, &str) = ("params_docs", "params-docs-errors");

/// Where rustdoc wrote the golden crates' docs: built once per run, in a
/// target folder of their own, so the build never waits on the one
/// running the tests.
fn docs() -> &'static Path {
    static DOCS: OnceLock<PathBuf> = OnceLock::new();
    DOCS.get_or_init(|| {
        let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rustdoc");
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut command = Command::new(cargo);
        command.current_dir(crate::fixtures::root()).args(["doc", "--no-deps", "--quiet"]);
        for (_, krate) in HOSTILE {
            command.args(["-p", krate]);
        }
        let (_, krate) = TEMPLATES;
        command.args(["-p", krate, "--features", &format!("{krate}/alloc")]);
        let output = command.env("CARGO_TARGET_DIR", &target).output().expect("cargo runs");
        assert!(output.status.success(), "cargo doc: {}", String::from_utf8_lossy(&output.stderr));
        target.join("doc")
    })
}

/// The fixture of a golden crate, loaded as `gen` loads it.
fn catalogue(fixture: &str) -> Catalogue {
    let path = crate::fixtures::root().join(format!("tests/fixtures/{fixture}.yaml"));
    crate::load_file(&path, format!("fixtures/{fixture}.yaml")).unwrap_or_else(|e| panic!("{e}"))
}

/// Text as a reader sees it: a run of HTML white space is one space, or
/// one line break if it holds one, and none shows at either end.
fn seen(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run: Option<char> = None;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\u{c}' | '\r') {
            run = Some(if c == '\n' || run == Some('\n') { '\n' } else { ' ' });
            continue;
        }
        if let Some(space) = run.take()
            && !out.is_empty()
        {
            out.push(space);
        }
        out.push(c);
    }
    out
}

/// What a page shows in its elements of the classes asked for, in order
/// (`<br>` read as a line break, the page's own line breaks as spaces).
#[derive(Debug, Default)]
struct Shown {
    /// The variant whose section the text follows (`variant.Name`), if any.
    variant: Option<String>,
    /// For each element of an asked class: the variant it follows, its
    /// class and its text.
    blocks: Vec<(Option<String>, &'static str, String)>,
}

/// The texts of a rustdoc page's doc blocks and deprecation notes, each
/// with the variant it documents.
fn shown(page: &Path) -> Shown {
    const CLASSES: [&str; 2] = ["docblock", "deprecated"];
    const VOID: [&str; 6] = ["br", "img", "meta", "link", "input", "wbr"];
    let html = std::fs::read_to_string(page).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
    let mut shown = Shown::default();
    // Open elements, with the class each puts its text under, and whether
    // it is the deprecation note's emoji, which is no text of the spec.
    let mut open: Vec<(String, Option<&'static str>, bool)> = Vec::new();
    for token in Tokenizer::new(html.as_str()) {
        let Ok(token) = token;
        let inside = open.iter().rev().find_map(|(_, class, _)| *class);
        let emoji = open.iter().any(|(_, _, emoji)| *emoji);
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                let attribute = |key: &str| {
                    tag.attributes
                        .get(key.as_bytes())
                        .map(|value| String::from_utf8_lossy(value).into_owned())
                };
                if name == "br" {
                    if let Some((_, _, text)) = shown.blocks.last_mut().filter(|_| inside.is_some()) {
                        text.push('\n');
                    }
                    continue;
                }
                if name == "section" || name == "h2" {
                    shown.variant = attribute("id").filter(|id| id.starts_with("variant."));
                }
                let classes = attribute("class").unwrap_or_default();
                let class = CLASSES
                    .into_iter()
                    .find(|class| classes.split(' ').any(|c| c == *class))
                    .filter(|_| inside.is_none());
                if let Some(class) = class {
                    shown.blocks.push((shown.variant.clone(), class, String::new()));
                }
                if !tag.self_closing && !VOID.contains(&name.as_str()) {
                    open.push((name, class, classes == "emoji"));
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name);
                if let Some(at) = open.iter().rposition(|(open, _, _)| *open == name) {
                    open.truncate(at);
                }
            }
            Token::String(text) if inside.is_some() && !emoji => {
                let text = String::from_utf8_lossy(&text).replace(['\n', '\r'], " ");
                shown.blocks.last_mut().expect("a block is open").2.push_str(&text);
            }
            _ => {}
        }
    }
    shown
}

/// Every text of a row a reader must see as written, with what it is.
fn row_texts(row: &errcat_model::Row) -> Vec<(&'static str, &str)> {
    let mut texts = vec![("description", row.description.as_str())];
    texts.extend(row.explanation.as_deref().map(|text| ("explanation", text)));
    texts.extend(row.causes.iter().map(|text| ("cause", text.as_str())));
    texts.extend(row.solutions.iter().map(|text| ("solution", text.as_str())));
    texts
}

#[test]
fn every_variant_shows_its_rows_texts_as_written() {
    for (fixture, krate) in HOSTILE {
        let catalogue = catalogue(fixture);
        let folder = docs().join(krate.replace('-', "_"));
        for table in &catalogue.tables {
            let page = folder.join(format!("enum.{}.html", table.rust_enum));
            let shown = shown(&page);
            for row in &table.rows {
                let here = format!("{krate}: {}::{}", table.rust_enum, row.rust_variant);
                let variant = Some(format!("variant.{}", row.rust_variant));
                let of = |class: &str| -> Vec<String> {
                    shown
                        .blocks
                        .iter()
                        .filter(|(of, block, _)| *of == variant && *block == class)
                        .map(|(_, _, text)| seen(text))
                        .collect()
                };
                let [docs] = of("docblock").try_into().unwrap_or_else(|_| panic!("{here}: one doc block"));
                for (what, text) in row_texts(row) {
                    assert!(docs.contains(&seen(text)), "{here}: the {what} {text:?} is not in {docs:?}");
                }
                // rustc prints the note as it is, so its lines are not
                // joined by `<br>`: rustdoc shows them as one paragraph.
                let notes = of("deprecated");
                let expected: Vec<String> = row
                    .deprecated
                    .iter()
                    .map(|note| seen(&format!("Deprecated: {}", note.replace('\n', " "))))
                    .collect();
                assert_eq!(notes, expected, "{here}: the deprecation note");
            }
        }
    }
}

/// Each value's docs show its row's message template as the spec writes
/// it: placeholders as `{$name}`, escapes kept, so that a placeholder is
/// never confused with an escaped literal brace.
#[test]
fn every_value_shows_its_message_template_as_written() {
    let (fixture, krate) = TEMPLATES;
    let catalogue = catalogue(fixture);
    let folder = docs().join(krate.replace('-', "_")).join("values");
    let mut templates = 0;
    for table in &catalogue.tables {
        for row in &table.rows {
            let Some(template) = &row.message else { continue };
            let here = format!("{krate}: values::{}::{}", table.id, row.rust_variant);
            let page = folder.join(&table.id).join(format!("struct.{}.html", row.rust_variant));
            let shown = shown(&page);
            let Some((_, _, docs)) = shown.blocks.iter().find(|(_, class, _)| *class == "docblock") else {
                panic!("{here}: no doc block");
            };
            let (docs, template) = (seen(docs), seen(&template.source));
            assert!(docs.contains(&template), "{here}: the template {template:?} is not in {docs:?}");
            templates += 1;
        }
    }
    assert!(templates >= 3, "{krate}: only {templates} templates read");
}

#[test]
fn the_reference_module_shows_every_text_as_written() {
    for (fixture, krate) in HOSTILE {
        let catalogue = catalogue(fixture);
        let page = docs().join(krate.replace('-', "_")).join("reference/index.html");
        let shown = shown(&page);
        let docs: String = shown
            .blocks
            .iter()
            .filter(|(_, class, _)| *class == "docblock")
            .map(|(_, _, text)| seen(text))
            .collect::<Vec<_>>()
            .join("\n");
        let mut texts = vec![("title", catalogue.title.as_str())];
        for table in &catalogue.tables {
            texts.extend([("table title", table.title.as_str()), ("summary", table.summary.as_str())]);
            for row in &table.rows {
                texts.push(("name", row.name.as_str()));
                texts.extend(row_texts(row));
                texts.extend(row.deprecated.as_deref().map(|note| ("deprecation note", note)));
            }
        }
        texts.extend(catalogue.retired.iter().map(|retired| ("retired reason", retired.reason.as_str())));
        for (what, text) in texts {
            assert!(docs.contains(&seen(text)), "{krate}: the {what} {text:?} is not shown as written");
        }
    }
}
