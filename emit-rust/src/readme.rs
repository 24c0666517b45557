//! The generated crate's `README.md`.

use super::guide::sections;
use super::values::values;
use crate::DOCS;
use errcat_model::text::code_span;
use errcat_model::{Catalogue, Table, TableKind};

/// The generated crate's `README.md` below its header: what it is, how
/// to depend on it, the guide's examples, and every code.
pub fn emit_readme(catalogue: &Catalogue) -> String {
    let with_recovery = !catalogue.recoveries.is_empty();
    let with_body = catalogue.body.is_some();
    let (name, version) = (&catalogue.crate_name, &catalogue.version);
    let intro = format!(
        "# {name}\n\n\
         Typed error codes of *{title}*.\n\n\
         One Rust enum per table, one variant per row, with the codes, names\n\
         and descriptions exactly as the catalogue prints them{hint}{parser}.\n\n\
         ## Install\n\n",
        title = DOCS.inline(&catalogue.title),
        hint = match (with_recovery, with_body) {
            (true, true) => ", a recovery hint\nfor each error, and ",
            (true, false) => ", and a recovery hint\nfor each error",
            (false, true) => ", and\n",
            (false, false) => "",
        },
        parser = if with_body {
            "(with the `serde` feature) a parser for error\n\
             response bodies that turns an HTTP status and a body into the most\n\
             specific typed error"
        } else {
            ""
        },
    );
    // The features' table, from the list the manifest is written from.
    let mut feature_rows = format!(
        "| (none) | the enums{}: `no_std`, no dependencies |\n",
        if with_recovery { ", `ErrorCode` and `Recovery`" } else { " and `ErrorCode`" }
    );
    for feature in super::features::features(catalogue) {
        feature_rows.push_str(&format!("| `{}` | {} |\n", feature.name, feature.adds_on_one_line()));
    }
    let install = format!(
        "Depend on the crate (by path, git or registry) with the features you need:\n\n\
         ```toml\n\
         [dependencies]\n\
         {dependency}\n\
         ```\n\n\
         | feature | what it adds |\n\
         | --- | --- |\n\
         {feature_rows}",
        dependency = if with_body {
            format!("{name} = {{ version = \"{version}\", features = [\"serde\"] }}")
        } else {
            format!("{name} = \"{version}\"")
        },
    );
    let mut out = intro + &install;
    for section in sections(catalogue, &values(catalogue)) {
        let code: Vec<&str> =
            section.code.lines().filter(|line| *line != "#" && !line.starts_with("# ")).collect();
        out.push_str(&format!(
            "\n## {}\n\n{}\n\n```rust\n{}\n```\n",
            section.heading,
            section.intro,
            code.join("\n")
        ));
    }

    if with_recovery {
        out.push_str(
            "\n## Recovery hints\n\n\
             `recovery()` gives one of these, or `None` where the catalogue names none.\n\n\
             | `Recovery` | what to do |\n\
             | --- | --- |\n",
        );
    }
    for recovery in &catalogue.recoveries {
        out.push_str(&format!("| `{}` | {} |\n", recovery.rust_variant, DOCS.inline(&recovery.description)));
    }

    for table in &catalogue.tables {
        out.push_str(&table_section(catalogue, table));
    }
    out.push_str(&format!(
        "\nEach variant's documentation has its description; {}.\n",
        code_span("cargo doc --open --all-features")
    ));
    out
}

/// A table's section: its title and summary, and a row per code.
fn table_section(catalogue: &Catalogue, table: &Table) -> String {
    let with_recovery = !catalogue.recoveries.is_empty();
    let mut out = format!(
        "\n## {title}\n\n{summary}\n\n`{name}`, in `ErrorCode::{outer}`.\n\n",
        title = DOCS.inline(&table.title),
        summary = DOCS.inline(&table.summary),
        name = table.rust_enum,
        outer = table.error_code_variant,
    );
    let custom = table.kind == TableKind::Custom;
    // Status and aliases are columns of a table of application codes;
    // a catalogue without HTTP has no status column.
    let status_column = custom && catalogue.http;
    // A table without names shows each code once.
    let mut header = vec![("code", "---:")];
    if table.named {
        header.push(("name", "---"));
    }
    if status_column {
        header.push(("HTTP", "---:"));
    }
    if with_recovery {
        header.push(("recovery", "---"));
    }
    if custom {
        header.push(("also sent as", "---"));
    }
    let (titles, rules): (Vec<&str>, Vec<&str>) = header.into_iter().unzip();
    out.push_str(&format!("| {} |\n| {} |\n", titles.join(" | "), rules.join(" | ")));
    for row in &table.rows {
        let mut cells = vec![format!("`{}`", row.code)];
        if table.named {
            cells.push(DOCS.inline(&row.name));
        }
        if row.deprecated.is_some() {
            cells.last_mut().expect("the code's cell").push_str(" (deprecated)");
        }
        if status_column {
            let statuses: Vec<String> = row.statuses().map(|status| status.to_string()).collect();
            cells.push(if statuses.is_empty() { "none".to_owned() } else { statuses.join(", ") });
        }
        if with_recovery {
            cells.push(row.recovery.as_ref().map_or_else(String::new, |r| format!("`{}`", r.key())));
        }
        if custom {
            let aliases: Vec<String> = row.aliases.iter().map(|a| format!("`{a}`")).collect();
            cells.push(aliases.join(", "));
        }
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}
