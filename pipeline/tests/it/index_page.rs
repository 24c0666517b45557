//! The HTML error index page (`docs/<crate>.html`): whole on its own,
//! every text as written, and within its size budget. That it works in a
//! browser (anchors, search, accessibility) is `.ci/index_page.mjs`'s test.

use errcat_model::text::html;
use errcat_pipeline::emit::html as page;

/// The page's budget (issue: at most twice the Markdown reference at
/// 10,000 codes), measured on the synthetic catalogue the benchmarks use.
/// A small catalogue weighs the fixed style and script more: the plain
/// rows of the large_table fixture are recorded in BENCHMARKS.md.
#[test]
fn the_page_of_ten_thousand_codes_is_at_most_twice_its_markdown() {
    let spec = errcat_pipeline::synth::spec(10_000);
    let catalogue = crate::load_text(std::path::Path::new("spec/synth.yaml"), "spec/synth.yaml", &spec)
        .unwrap_or_else(|e| panic!("{e}"));
    // The files as written, headers and all.
    let files = errcat_pipeline::render(std::slice::from_ref(&catalogue));
    let size = |path: &str| files.iter().find(|file| file.path.ends_with(path)).expect(path).contents.len();
    let html = size(&format!("docs/{}.html", catalogue.crate_name));
    let reference = size("src/reference.md");
    assert!(html <= 2 * reference, "the page is {html} bytes, the Markdown {reference}");
}

/// Every text of every entry is on the page exactly as the spec writes
/// it, escaped for HTML and nothing else: no Markdown is read into it (a
/// message that selects, each variant on a line of its own).
#[test]
fn every_text_is_on_the_page_as_written() {
    for catalogue in crate::fixtures::catalogues() {
        let text = page::emit_page(&catalogue);
        let entries = entries(&text);
        // A row's texts are in its own entry.
        for (_, row) in catalogue.rows() {
            let entry = entries.get(row.anchor().as_str()).expect("the row's entry");
            let mut texts = vec![row.name.clone(), row.description.clone()];
            texts.extend(row.explanation.iter().chain(&row.deprecated).cloned());
            texts.extend(row.causes.iter().chain(&row.solutions).cloned());
            texts.extend(row.message.iter().map(|template| template.shown(true)));
            texts.extend(row.params.iter().map(|param| param.description.clone()));
            texts.extend(row.attributes.iter().flatten().map(errcat_model::AttributeValue::text));
            for written in texts {
                assert!(
                    entry.contains(&html(&written)),
                    "{}: {written:?} is not in its entry",
                    catalogue.source
                );
            }
        }
        let mut texts = vec![catalogue.title.clone()];
        for table in &catalogue.tables {
            texts.extend([table.title.clone(), table.summary.clone()]);
        }
        texts.extend(catalogue.attributes.iter().map(|attribute| attribute.description.clone()));
        texts.extend(catalogue.params.iter().map(|param| param.description.clone()));
        for retired in &catalogue.retired {
            texts.extend([retired.name.clone(), retired.reason.clone()]);
        }
        for written in texts {
            assert!(text.contains(&html(&written)), "{}: {written:?} is not on the page", catalogue.source);
        }
    }
    // Markdown's markup stays text.
    let yaml = "title: '**T** <b>'\ncrate: t-errors\nversion: 0.1.0\ntables:\n  - id: t\n    title: T\n    summary: S\n    errors:\n      - {code: 1, name: '`A_B`', description: \"[x](y) & 'z'\"}\n";
    let catalogue = crate::load_text(std::path::Path::new("spec/t.yaml"), "spec/t.yaml", yaml)
        .unwrap_or_else(|e| panic!("{e}"));
    let text = page::emit_page(&catalogue);
    assert!(text.contains("<h1>**T** &lt;b&gt;</h1>"), "{text}");
    assert!(text.contains("<a href=\"#1\">1</a> `A_B`</h3>"), "{text}");
    assert!(text.contains("<p>[x](y) &amp; &#39;z&#39;</p>"), "{text}");
}

/// The page loads nothing: its style and script are inline, and it links
/// only to its own anchors and to its pages in the other locales.
#[test]
fn the_page_loads_nothing_and_links_only_to_itself() {
    for catalogue in crate::fixtures::catalogues() {
        let mut pages = vec![format!("{}.html", catalogue.crate_name)];
        pages.extend(
            catalogue.other_locales().iter().map(|locale| page::localized_file_name(&catalogue, locale)),
        );
        let mut texts = vec![page::emit_page(&catalogue)];
        texts.extend(
            catalogue.other_locales().iter().map(|locale| page::emit_localized_page(&catalogue, locale)),
        );
        for text in &texts {
            for outside in ["<link", " src=", "url(", "@import", "fetch(", "XMLHttpRequest"] {
                assert!(!text.contains(outside), "{}: {outside}", catalogue.source);
            }
            for (at, _) in text.match_indices(" href=\"") {
                let target = &text[at + 7..];
                let target = &target[..target.find('"').expect("the link's end")];
                assert!(
                    target.starts_with('#') || pages.iter().any(|page| page == target),
                    "{}: a link out: {target}",
                    catalogue.source,
                );
            }
        }
        assert_eq!(texts[0], page::emit_page(&catalogue), "{}: the same bytes each time", catalogue.source);
    }
}

/// With `locales:`, a page per other locale: each translated description
/// and message in its `lang`, a partial locale's page listing only the
/// codes it translates and marking what it leaves out, and every page
/// linking to every other and naming itself.
#[test]
fn each_locale_has_a_page_linked_to_the_others() {
    let mut checked = 0;
    for catalogue in crate::fixtures::catalogues() {
        let Some(locales) = &catalogue.locales else { continue };
        let default_page = page::emit_page(&catalogue);
        let default_file = format!("{}.html", catalogue.crate_name);
        let tags: Vec<&str> = std::iter::once(locales.default.as_str())
            .chain(locales.others.iter().map(|locale| locale.tag.as_str()))
            .collect();
        let files: Vec<String> = std::iter::once(default_file.clone())
            .chain(locales.others.iter().map(|locale| page::localized_file_name(&catalogue, locale)))
            .collect();
        let pages: Vec<String> = std::iter::once(default_page.clone())
            .chain(locales.others.iter().map(|locale| page::emit_localized_page(&catalogue, locale)))
            .collect();
        for (current, text) in pages.iter().enumerate() {
            assert!(text.contains(&format!("<html lang=\"{}\">", locales.default)), "{}", catalogue.source);
            for (other, (tag, file)) in tags.iter().zip(&files).enumerate() {
                let link = match other == current {
                    true => format!("<strong lang=\"{tag}\" aria-current=\"page\">{tag}</strong>"),
                    false => format!("<a href=\"{file}\" hreflang=\"{tag}\" lang=\"{tag}\">{tag}</a>"),
                };
                assert!(text.contains(&link), "{}: {link}", catalogue.source);
            }
        }
        for (locale, text) in locales.others.iter().zip(&pages[1..]) {
            assert_eq!(text.contains("This translation is partial"), locale.partial, "{}", locale.tag);
            let entries = entries(text);
            for (_, row) in catalogue.rows() {
                let Some(texts) = locale.row(&row.code) else {
                    let listed = entries.contains_key(row.anchor().as_str());
                    assert_eq!(listed, !locale.partial, "{}: {}", locale.tag, row.code.word());
                    continue;
                };
                let entry = entries[row.anchor().as_str()];
                let tag = &locale.tag;
                let untranslated = " <span class=\"tag\">not translated</span>";
                let description = match &texts.description {
                    Some(translated) => format!("<p lang=\"{tag}\">{}</p>", html(translated)),
                    None => format!("<p>{}{untranslated}</p>", html(&row.description)),
                };
                assert!(entry.contains(&description), "{tag}: {description}");
                if let Some(template) = &row.message {
                    let template = match &texts.message {
                        Some(translated) => {
                            format!("<code lang=\"{tag}\">{}</code>", html(&translated.shown(true)))
                        }
                        None => format!("<code>{}{untranslated}</code>", html(&template.shown(true))),
                    };
                    assert!(entry.contains(&template), "{tag}: {template}");
                }
                checked += 1;
            }
        }
        // The default's page marks no text with a language of its own.
        assert!(!default_page.contains("<p lang=") && !default_page.contains("<code lang="));
    }
    assert!(checked > 0, "a fixture declares locales");
}

/// Each entry shows its attribute values, each linked to the attribute's
/// declaration, which the page has at the Markdown reference's anchor.
#[test]
fn attribute_values_link_to_their_declarations() {
    let mut checked = 0;
    for catalogue in crate::fixtures::catalogues() {
        let text = page::emit_page(&catalogue);
        let entries = entries(&text);
        for attribute in &catalogue.attributes {
            let id = format!(" id=\"{}\"", attribute.anchor());
            assert_eq!(text.matches(&id).count(), 1, "{}: {id}", catalogue.source);
        }
        for (_, row) in catalogue.rows() {
            let entry = entries.get(row.anchor().as_str()).expect("the entry");
            for (attribute, value) in catalogue.attributes.iter().zip(&row.attributes) {
                let line = value.as_ref().map(|value| {
                    format!(
                        "<p><a href=\"#{}\"><code>{}</code></a>: {}</p>",
                        attribute.anchor(),
                        attribute.name,
                        html(&value.text())
                    )
                });
                match line {
                    Some(line) => assert!(entry.contains(&line), "{}: {line}", catalogue.source),
                    None => assert!(!entry.contains(&attribute.anchor()), "{}: no value", catalogue.source),
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "a fixture declares attributes");
}

/// Each entry lists the sections its code is in, each linked to the
/// section on the page, with its statuses and its meaning there; the
/// page lists each section's codes, the filter a reader without
/// JavaScript has, and the script's filter reads `data-sections`.
#[test]
fn entries_show_their_sections_and_sections_list_their_codes() {
    let mut checked = 0;
    for catalogue in crate::fixtures::catalogues() {
        let text = page::emit_page(&catalogue);
        for section in &catalogue.sections {
            let id = format!(" id=\"{}\"", section.anchor());
            assert_eq!(text.matches(&id).count(), 1, "{}: {id}", catalogue.source);
            assert!(text.contains(&format!("<option value=\"{}\">", section.id)), "{}", catalogue.source);
        }
        for (_, row) in catalogue.rows() {
            let entry = text.split(&format!("<article id=\"{}\"", row.anchor())).nth(1).expect("the entry");
            let entry = &entry[..entry.find("</article>").expect("its end")];
            let ids: Vec<&str> =
                row.sections.iter().map(|meaning| catalogue.sections[meaning.section].id.as_str()).collect();
            match ids.is_empty() {
                true => assert!(entry.starts_with('>') && !entry.contains("<h4>Sections</h4>")),
                false => assert!(entry.starts_with(&format!(" data-sections=\"{}\">", ids.join(" ")))),
            }
            for meaning in &row.sections {
                let section = &catalogue.sections[meaning.section];
                let line = format!("<dt><a href=\"#{}\">{}</a>", section.anchor(), html(&section.title));
                assert!(entry.contains(&line), "{}: {line}", catalogue.source);
                let statuses: Vec<String> = meaning.http_statuses.iter().map(u16::to_string).collect();
                for status in statuses {
                    assert!(entry.contains(&format!("{status} ")), "{}: {status}", catalogue.source);
                }
                let text_there = format!("<dd>{}</dd>", html(&meaning.description));
                assert!(entry.contains(&text_there), "{}: {text_there}", catalogue.source);
                let listed =
                    text.split(&format!(" id=\"{}\"", section.anchor())).nth(1).expect("the section");
                let listed = &listed[..listed.find("</ul>").expect("its codes")];
                assert!(
                    listed.contains(&format!("<li><a href=\"#{}\">", row.anchor())),
                    "{}",
                    catalogue.source
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "a fixture declares sections");
}

/// Each entry of a page by its anchor: what its `<article id="…"` holds
/// after the id, up to its `</article>` (the first entry of an anchor, if
/// two had one).
fn entries(text: &str) -> std::collections::HashMap<&str, &str> {
    let mut entries = std::collections::HashMap::new();
    for (at, start) in text.match_indices("<article id=\"") {
        let rest = &text[at + start.len()..];
        let (anchor, entry) = rest.split_at(rest.find('"').expect("the anchor's end"));
        entries.entry(anchor).or_insert(&entry[1..entry.find("</article>").expect("its end")]);
    }
    entries
}
