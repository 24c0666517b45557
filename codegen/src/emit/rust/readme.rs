//! The generated crate's `README.md`.

use super::guide::sections;
use crate::model::{Catalogue, Recovery, TableKind};
use crate::text::{code_span, markdown_inline};

/// The generated crate's `README.md` below its header: what it is, how
/// to depend on it, the guide's examples, and every code.
pub fn emit_readme(catalogue: &Catalogue) -> String {
    let (name, version) = (&catalogue.crate_name, &catalogue.version);
    let mut out = if catalogue.http {
        format!(
            "# {name}\n\n\
             Typed error codes of *{title}*.\n\n\
             One Rust enum per table, one variant per row, with the codes, names\n\
             and descriptions exactly as the catalogue prints them, a recovery hint\n\
             for each error, and (with the `serde` feature) a parser for error\n\
             response bodies that turns an HTTP status and a body into the most\n\
             specific typed error.\n\n\
             ## Install\n\n\
             Depend on the crate (by path, git or registry) with the features you need:\n\n\
             ```toml\n\
             [dependencies]\n\
             {name} = {{ version = \"{version}\", features = [\"serde\"] }}\n\
             ```\n\n\
             | feature | what it adds |\n\
             | --- | --- |\n\
             | (none) | the enums, `ErrorCode` and `Recovery`: `no_std`, no dependencies |\n\
             | `serde` | `ErrorBody`, `BodyCode`, `ApiError`: parse and write error bodies (needs `alloc`) |\n\
             | `http` | conversions to and from `http::StatusCode` |\n",
            title = markdown_inline(&catalogue.title),
        )
    } else {
        format!(
            "# {name}\n\n\
             Typed error codes of *{title}*.\n\n\
             One Rust enum per table, one variant per row, with the codes, names\n\
             and descriptions exactly as the catalogue prints them, and a recovery\n\
             hint for each error.\n\n\
             ## Install\n\n\
             Depend on the crate (by path, git or registry). It is `no_std`, with\n\
             no dependencies and no features:\n\n\
             ```toml\n\
             [dependencies]\n\
             {name} = \"{version}\"\n\
             ```\n",
            title = markdown_inline(&catalogue.title),
        )
    };
    for section in sections(catalogue) {
        let code: Vec<&str> =
            section.code.lines().filter(|line| *line != "#" && !line.starts_with("# ")).collect();
        out.push_str(&format!(
            "\n## {}\n\n{}\n\n```rust\n{}\n```\n",
            section.heading,
            section.intro,
            code.join("\n")
        ));
    }

    out.push_str(
        "\n## Recovery hints\n\n\
         `recovery()` gives one of these, or `None` where the catalogue names none.\n\n\
         | `Recovery` | what to do |\n\
         | --- | --- |\n",
    );
    for recovery in Recovery::ALL {
        out.push_str(&format!("| `{}` | {} |\n", recovery.rust_variant(), recovery.description()));
    }

    for table in &catalogue.tables {
        out.push_str(&format!(
            "\n## {title}\n\n{summary}\n\n`{name}`, in `ErrorCode::{outer}`.\n\n",
            title = markdown_inline(&table.title),
            summary = markdown_inline(&table.summary),
            name = table.rust_enum,
            outer = table.error_code_variant,
        ));
        let custom = table.kind == TableKind::Custom;
        let status_column = custom && catalogue.http;
        out.push_str(if status_column {
            "| code | name | HTTP | recovery | also sent as |\n| ---: | --- | ---: | --- | --- |\n"
        } else if custom {
            "| code | name | recovery | also sent as |\n| ---: | --- | --- | --- |\n"
        } else {
            "| code | name | recovery |\n| ---: | --- | --- |\n"
        });
        for row in &table.rows {
            let recovery = row.recovery.map_or_else(String::new, |r| format!("`{}`", r.key()));
            let mut name = markdown_inline(&row.name);
            if row.deprecated.is_some() {
                name.push_str(" (deprecated)");
            }
            let aliases: Vec<String> = row.aliases.iter().map(|a| format!("`{a}`")).collect();
            if status_column {
                out.push_str(&format!(
                    "| `{code}` | {name} | {status} | {recovery} | {aliases} |\n",
                    code = row.code,
                    status = row.http_status,
                    aliases = aliases.join(", "),
                ));
            } else if custom {
                out.push_str(&format!("| `{}` | {name} | {recovery} | {} |\n", row.code, aliases.join(", ")));
            } else {
                out.push_str(&format!("| `{}` | {name} | {recovery} |\n", row.code));
            }
        }
    }
    out.push_str(&format!(
        "\nEach variant's documentation has its description; {}.\n",
        code_span("cargo doc --open --all-features")
    ));
    out
}
