//! `explain`: one code's whole entry as terminal text, read from the
//! checked catalogues, or for a code none of them published, the codes
//! and names near it.

use std::fmt::Write as _;

use errcat_model::{Catalogue, Code, Retired, Row, Table, TableKind};

/// The entry of `code` in every catalogue that has it (as a code, an
/// alias or a retired code), as plain text for a terminal; or, when no
/// catalogue ever published it, a message that says so and names the
/// nearest codes. `code` is written as the spec writes it (`4032251`,
/// `card_declined`, `""` for the empty string code), or as a link to its
/// entry (`…#Code-card_declined`): the part after `#` is its anchor.
pub fn explain(catalogues: &[&Catalogue], code: &str) -> Result<String, String> {
    let wanted = code.trim();
    let anchor = wanted.rsplit_once('#').map(|(_, anchor)| anchor);
    let is = |candidate: &Code| match anchor {
        Some(anchor) => candidate.anchor() == anchor,
        None => candidate.word() == wanted,
    };
    let mut entries = Vec::new();
    for catalogue in catalogues {
        for (table, row) in catalogue.rows() {
            if is(&row.code) || row.aliases.iter().any(&is) {
                let alias = row.aliases.iter().find(|alias| is(alias));
                entries.push(row_entry(catalogue, table, row, alias));
            }
        }
        for retired in catalogue.retired.iter().filter(|retired| is(&retired.code)) {
            entries.push(retired_entry(catalogue, retired));
        }
    }
    if entries.is_empty() {
        return Err(unknown(catalogues, anchor.unwrap_or(wanted)));
    }
    Ok(entries.join("\n"))
}

/// A row's entry: every fact and text the spec gives it, in the order
/// the index page shows them.
fn row_entry(catalogue: &Catalogue, table: &Table, row: &Row, alias: Option<&Code>) -> String {
    let mut text = String::new();
    if let Some(alias) = alias {
        let _ = writeln!(text, "{} is an alias: services send it for {}.\n", alias.word(), row.code.word());
    }
    let deprecated = if row.deprecated.is_some() { " (deprecated)" } else { "" };
    if table.named {
        let _ = writeln!(text, "{} {}{deprecated}", row.code.word(), row.name);
    } else {
        // A table whose codes are its names shows each once.
        let _ = writeln!(text, "{}{deprecated}", row.code.word());
    }
    let _ = writeln!(text, "In: {} / {} (table `{}`)", catalogue.title, table.title, table.id);
    if catalogue.http && table.kind == TableKind::Custom {
        let statuses: Vec<String> = row.statuses().map(|code| status(catalogue, code)).collect();
        if statuses.is_empty() {
            let _ = writeln!(text, "HTTP status: none (never an HTTP response of its own)");
        } else {
            let _ = writeln!(text, "HTTP status: {}", statuses.join(", or "));
        }
    }
    if let Some(note) = &row.deprecated {
        let _ = writeln!(text, "Deprecated: {}", indented(note));
    }
    if !row.also_named.is_empty() {
        let names: Vec<&str> = row.also_named.iter().map(|other| other.name.as_str()).collect();
        let _ = writeln!(text, "Also named: {}", names.join(", "));
    }
    if !row.aliases.is_empty() {
        let aliases: Vec<String> = row.aliases.iter().map(Code::word).collect();
        let _ = writeln!(text, "Also sent as: {}", aliases.join(", "));
    }
    if let Some(recovery) = &row.recovery {
        let description = catalogue.recoveries.iter().find(|value| value.key == recovery.key);
        let description = description.map(|value| format!(": {}", indented(&value.description)));
        let _ = writeln!(text, "Recovery: {}{}", recovery.key, description.unwrap_or_default());
    }
    let _ = writeln!(text, "\n{}", row.description);
    sections(&mut text, catalogue, row);
    if let Some(explanation) = &row.explanation {
        let _ = writeln!(text, "\nExplanation:\n  {}", indented(explanation));
    }
    for (heading, texts) in [("Causes", &row.causes), ("Solutions", &row.solutions)] {
        if !texts.is_empty() {
            let _ = writeln!(text, "\n{heading}:");
            for item in texts {
                let _ = writeln!(text, "  - {}", indented(item));
            }
        }
    }
    text.push('\n');
    text.push_str(&address(catalogue, &row.anchor()));
    text
}

/// The sections that list the code, in the catalogue's order: each
/// one's title and id, the statuses it answers the code with there, and
/// what the code means there.
fn sections(text: &mut String, catalogue: &Catalogue, row: &Row) {
    if row.sections.is_empty() {
        return;
    }
    let _ = writeln!(text, "\nSections:");
    for (s, section) in catalogue.sections.iter().enumerate() {
        let Some(meaning) = row.in_section(s) else { continue };
        let _ = write!(text, "  {} (`{}`)", indented(&section.title), section.id);
        let statuses: Vec<String> =
            meaning.http_statuses.iter().map(|&code| status(catalogue, code)).collect();
        if !statuses.is_empty() {
            let _ = write!(text, ": HTTP {}", statuses.join(", or "));
        }
        let _ = writeln!(text, "\n    {}", meaning.description.replace('\n', "\n    "));
    }
}

/// A retired code's entry: what it was, why it was withdrawn and what
/// replaced it.
fn retired_entry(catalogue: &Catalogue, retired: &Retired) -> String {
    let table = match catalogue.tables.iter().find(|table| table.id == retired.table) {
        Some(table) => format!("{} / {} (table `{}`)", catalogue.title, table.title, table.id),
        None => format!("{} (table `{}`, since removed)", catalogue.title, retired.table),
    };
    format!(
        "{code} {name} (retired)\nIn: {table}\nRetired: {reason}\n\n\
         This code was published, then withdrawn: services no longer send it,\n\
         and the catalogue never gives it to another error.\n\n{address}",
        code = retired.code.word(),
        name = retired.name,
        reason = indented(&retired.reason),
        address = address(catalogue, &retired.anchor()),
    )
}

/// `401 Unauthorized`: the HTTP status table's name for it, or the
/// registry's reason phrase.
fn status(catalogue: &Catalogue, code: u16) -> String {
    match catalogue.http_row(code) {
        Some((_, row)) => format!("{code} {}", row.name),
        None => match errcat_model::http_status::http_status(code) {
            Some(known) => format!("{code} {}", known.phrase),
            None => code.to_string(),
        },
    }
}

/// Where the entry is published: the problem `type`, or the anchor on the
/// generated pages.
fn address(catalogue: &Catalogue, anchor: &str) -> String {
    match &catalogue.problem_details {
        Some(details) => format!("Problem type: {}#{anchor}\n", details.type_base),
        None => format!("On the index page: docs/{}.html#{anchor}\n", catalogue.crate_name),
    }
}

/// A text whose later lines line up under its first, two spaces in.
fn indented(text: &str) -> String {
    text.replace('\n', "\n  ")
}

/// The message for a code no catalogue has published, with the codes
/// whose code or name is a typo or two from it.
fn unknown(catalogues: &[&Catalogue], wanted: &str) -> String {
    let typed = wanted.to_lowercase();
    let mut near: Vec<(usize, String)> = Vec::new();
    for catalogue in catalogues {
        let rows = catalogue.rows().map(|(_, row)| (&row.code, row.name.as_str(), ""));
        let retired =
            catalogue.retired.iter().map(|retired| (&retired.code, retired.name.as_str(), ", retired"));
        for (code, name, state) in rows.chain(retired) {
            let word = code.word();
            let distance = strsim::damerau_levenshtein(&typed, &word.to_lowercase())
                .min(strsim::damerau_levenshtein(&typed, &name.to_lowercase()));
            if distance <= (typed.chars().count() / 3).max(1) {
                near.push((distance, format!("`{word}` ({name}{state})")));
            }
        }
    }
    // The nearest first; among equals, the spec's order.
    near.sort_by_key(|(distance, _)| *distance);
    let specs: Vec<&str> = catalogues.iter().map(|catalogue| catalogue.source.as_str()).collect();
    let mut message = format!(
        "no code `{wanted}` in {}: it was never published (it is not a code, an alias or a retired code)",
        specs.join(", ")
    );
    match near.len() {
        0 => message.push_str("; the index page and the reference list every code"),
        _ => {
            let names: Vec<String> = near.into_iter().take(3).map(|(_, name)| name).collect();
            let _ = write!(message, "; did you mean {}?", names.join(" or "));
        }
    }
    message
}
