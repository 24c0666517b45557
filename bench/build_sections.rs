//! The sections benchmark's inputs: a synthetic catalogue of 1,000 codes
//! where every code has three names (its own and two other names) and
//! appears in three of four sections with its own text in each, and the
//! rows for the `HashMap` baselines a user would otherwise build.

use std::fmt::Write as _;

use errcat_model::Catalogue;

/// How many sections the catalogue declares; each code is in all but one.
const SECTIONS: usize = 4;

/// The spec: `rows` codes from 100,000, each `ERROR_N`, also named
/// `ERROR_N_OLD` and `EN`, in every section but the one `N % 4` names.
pub fn spec(rows: usize) -> String {
    let mut s =
        String::from("title: Synthetic sections\ncrate: synth-sections-errors\nversion: 0.1.0\nsections:\n");
    for section in 0..SECTIONS {
        let _ = writeln!(
            s,
            "  - {{id: op{section}, title: Operation {section}, summary: The codes operation {section} answers with.}}"
        );
    }
    s.push_str(
        "tables:\n  - id: app\n    title: Application errors\n    summary: Every code.\n    errors:\n",
    );
    for n in 0..rows {
        let _ = writeln!(
            s,
            "      - code: {code}\n        name: ERROR_{n}\n        description: Error {n} happened.\n        also_named: [ERROR_{n}_OLD, E{n}]\n        sections:",
            code = 100_000 + n
        );
        for section in (0..SECTIONS).filter(|section| *section != n % SECTIONS) {
            let _ = writeln!(s, "          op{section}: {{description: Error {n} in operation {section}.}}");
        }
    }
    s
}

/// The generated enum as `Generated`, and each row's code, names and
/// texts by section index, for the `HashMap` baselines.
pub fn baselines(catalogue: &Catalogue) -> String {
    let table = &catalogue.tables[0];
    let mut s = String::new();
    let krate = catalogue.crate_ident();
    let _ = writeln!(s, "pub use ::{krate}::{{Section, {} as Generated}};", table.rust_enum);
    let _ = writeln!(s, "pub static ROWS: &[crate::SectionsEntry] = &[");
    for row in &table.rows {
        let names: Vec<String> = std::iter::once(&row.name)
            .chain(row.also_named.iter().map(|other| &other.name))
            .map(|name| format!("{name:?}"))
            .collect();
        let texts: Vec<String> = row
            .sections
            .iter()
            .map(|entry| format!("({}, {:?})", entry.section, entry.description))
            .collect();
        let _ = writeln!(
            s,
            "    crate::SectionsEntry {{ code: {}, names: &[{}], sections: &[{}] }},",
            row.code,
            names.join(", "),
            texts.join(", ")
        );
    }
    let _ = writeln!(s, "];");
    s
}
