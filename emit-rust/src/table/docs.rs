//! The docs of a table's enum, its variants and its methods, each with an
//! example drawn from the table's own rows.

use proc_macro2::TokenStream;

use crate::examples::{missing_name, unused_code};
use crate::tokens::doc;
use errcat_model::text::{code_span, markdown_block, markdown_inline, markdown_paragraph, rust_str};
use errcat_model::{Catalogue, CodeKind, Row, Table, TableKind};

/// The enum's docs: title, summary, how discriminants work, retired codes
/// and an example.
pub(super) fn enum_docs(catalogue: &Catalogue, table: &Table) -> TokenStream {
    let krate = catalogue.crate_ident();
    let name = &table.rust_enum;
    let first = &table.rows[0];
    let v0 = &first.rust_variant;
    if catalogue.codes == CodeKind::String {
        return doc(&format!(
            "{title}\n\n{summary}\n\n\
             One variant per row of the table `{id}` in `{source}`, in spec order, \
             which is also the order of comparisons. The codes are strings: \
             `code()` gives a variant's, and `from_code` and `TryFrom<&str>` find \
             the variant of a code or an alias.\n\n\
             {retired}\
             # Examples\n\n\
             ```\n\
             use {krate}::{name};\n\n\
             let error: {name} = {code}.try_into().unwrap();\n\
             assert_eq!(error, {name}::{v0});\n\
             assert_eq!(<&str>::from(error), {code});\n\
             assert_eq!({name_lit}.parse::<{name}>(), Ok(error));\n\
             ```",
            title = markdown_inline(&table.title),
            summary = markdown_inline(&table.summary),
            id = table.id,
            source = catalogue.source,
            code = first.code.rust_literal(),
            name_lit = rust_str(&first.name),
            retired = retired_docs(catalogue, table),
        ));
    }
    doc(&format!(
        "{title}\n\n{summary}\n\n\
         One variant per row of the table `{id}` in `{source}`, in spec order. \
         Each variant's discriminant is its code (`{name}::{v0} as u32 == {code}`), \
         so casts and ordering follow the codes and stay put when rows are added or reordered.\n\n\
         {retired}\
         # Examples\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         let error: {name} = {code}.try_into().unwrap();\n\
         assert_eq!(error, {name}::{v0});\n\
         assert_eq!(u32::from(error), {code});\n\
         assert_eq!({name}::{v0} as u32, {code});\n\
         assert_eq!({name_lit}.parse::<{name}>(), Ok(error));\n\
         assert!(\"{code}\".parse::<{name}>().is_err());\n\
         ```",
        title = markdown_inline(&table.title),
        summary = markdown_inline(&table.summary),
        id = table.id,
        source = catalogue.source,
        code = first.code,
        name_lit = rust_str(&first.name),
        retired = retired_docs(catalogue, table),
    ))
}

/// The docs of every method and constant the enum's `impl` has.
pub(super) struct MethodDocs {
    pub all: TokenStream,
    pub code: TokenStream,
    pub from_code: TokenStream,
    pub aliases: TokenStream,
    pub name: TokenStream,
    pub from_name: TokenStream,
    pub description: TokenStream,
    pub explanation: TokenStream,
    pub causes: TokenStream,
    pub solutions: TokenStream,
    pub http_status: TokenStream,
    pub client: TokenStream,
    pub server: TokenStream,
    pub recovery: TokenStream,
    pub display: TokenStream,
}

pub(super) fn method_docs(catalogue: &Catalogue, table: &Table) -> MethodDocs {
    let krate = catalogue.crate_ident();
    let name = &table.rust_enum;
    let first = &table.rows[0];
    let v0 = &first.rust_variant;
    let n = table.rows.len();
    let miss = unused_code(catalogue);
    let [aliases, recovery, client, server] = extra_docs(catalogue, table);
    let all_docs = doc(&format!(
        "Every variant, in spec order.\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         assert_eq!({name}::ALL.len(), {n});\n\
         assert_eq!({name}::ALL[0], {name}::{v0});\n\
         ```"
    ));
    let code_docs = doc(&format!(
        "{what}\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         assert_eq!({name}::{v0}.code(), {code});\n\
         ```",
        what = match catalogue.codes {
            CodeKind::Integer => "The numeric code.",
            CodeKind::String => "The code.",
        },
        code = first.code.rust_literal(),
    ));
    let from_code_docs = doc(&format!(
        "The variant with the code `code`, if the table has one.\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         assert_eq!({name}::from_code({code}), Some({name}::{v0}));\n\
         assert_eq!({name}::from_code({miss}), None);\n\
         ```",
        code = first.code.rust_literal(),
    ));
    let name_docs = doc(&format!(
        "The name, exactly as the catalogue prints it.\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         assert_eq!({name}::{v0}.name(), {lit});\n\
         ```",
        lit = rust_str(&first.name),
    ));
    let from_name_docs = doc(&format!(
        "The variant with the name `name`, compared exactly (case and spaces\n\
         included).\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         assert_eq!({name}::from_name({lit}), Some({name}::{v0}));\n\
         assert_eq!({name}::from_name({miss_name}), None);\n\
         ```",
        lit = rust_str(&first.name),
        miss_name = rust_str(&missing_name(table)),
    ));
    let description_docs = doc(&format!(
        "The description, exactly as the catalogue prints it.\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         assert_eq!({name}::{v0}.description(), {lit});\n\
         ```",
        lit = rust_str(&first.description),
    ));
    let [explanation, causes, solutions] = detail_docs(catalogue, table);
    let http_status_docs = doc(&format!(
        "{what}\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         assert_eq!({name}::{v0}.http_status(), {status});\n\
         ```",
        what = match table.kind {
            TableKind::HttpStatus => "The HTTP status: the same number as the code.",
            TableKind::Custom => "The HTTP status that a service answers this error with.",
        },
        status = first.http_status,
    ));
    let display = format!("{} {}: {}", first.code, first.name, first.description);
    let display_docs = doc(&format!(
        "Writes the code, the name and the description on one line.\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         assert_eq!({name}::{v0}.to_string(), {lit});\n\
         ```",
        lit = rust_str(&display),
    ));

    MethodDocs {
        all: all_docs,
        code: code_docs,
        from_code: from_code_docs,
        aliases,
        name: name_docs,
        from_name: from_name_docs,
        description: description_docs,
        explanation,
        causes,
        solutions,
        http_status: http_status_docs,
        client,
        server,
        recovery,
        display: display_docs,
    }
}

/// A variant's docs: its code and name linking to the reference, the
/// description, and what else the row says.
pub(super) fn variant_docs(catalogue: &Catalogue, table: &Table, row: &Row) -> String {
    let mut docs = format!(
        "[{}](crate::reference#{}): {}",
        code_span(&format!("{} {}", row.code, row.name)),
        row.anchor(),
        markdown_block(&row.description, "")
    );
    if table.kind == TableKind::Custom && catalogue.http {
        docs.push_str(&format!("\n\nHTTP status: {}", row.http_status));
        if let Some((http_table, http_row)) = catalogue.http_row(row.http_status) {
            docs.push_str(&format!(" ([`{}::{}`])", http_table.rust_enum, http_row.rust_variant));
        }
        docs.push('.');
    }
    if !row.aliases.is_empty() {
        let aliases: Vec<String> = row.aliases.iter().map(|alias| format!("`{alias}`")).collect();
        docs.push_str(&format!("\n\nAlso sent as: {}.", aliases.join(", ")));
    }
    if let Some(recovery) = &row.recovery {
        docs.push_str(&format!("\n\nRecovery: [`Recovery::{}`].", recovery.rust_variant()));
    }
    if let Some(explanation) = &row.explanation {
        docs.push_str(&format!("\n\n{}", markdown_paragraph(explanation)));
    }
    for (heading, texts) in [("Causes", &row.causes), ("Solutions", &row.solutions)] {
        if !texts.is_empty() {
            let items: Vec<String> =
                texts.iter().map(|text| format!("- {}", markdown_paragraph(text))).collect();
            docs.push_str(&format!("\n\n{heading}:\n\n{}", items.join("\n")));
        }
    }
    docs
}

/// The docs of `explanation`, `causes` and `solutions`, each with an
/// example from the first row that has one (the first row when none has).
fn detail_docs(catalogue: &Catalogue, table: &Table) -> [TokenStream; 3] {
    let krate = catalogue.crate_ident();
    let name = &table.rust_enum;
    let example =
        |what: &str, body: String| doc(&format!("{what}\n\n```\nuse {krate}::{name};\n\n{body}\n```"));
    let path = |row: &Row| format!("{name}::{}", row.rust_variant);
    let explained = table.rows.iter().find(|row| row.explanation.is_some()).unwrap_or(&table.rows[0]);
    let explanation = example(
        "What the error means, at more length than the description, exactly as\n\
         the catalogue prints it, if it says.",
        format!(
            "assert_eq!({}.explanation(), {});",
            path(explained),
            match &explained.explanation {
                Some(text) => format!("Some({})", rust_str(text)),
                None => "None".to_owned(),
            }
        ),
    );
    let list = |what: &str, method: &str, texts: fn(&Row) -> &Vec<String>| {
        let row = table.rows.iter().find(|row| !texts(row).is_empty()).unwrap_or(&table.rows[0]);
        let body = match texts(row).first() {
            Some(first) => format!(
                "assert_eq!({}.{method}().len(), {});\nassert_eq!({}.{method}()[0], {});",
                path(row),
                texts(row).len(),
                path(row),
                rust_str(first)
            ),
            None => format!("assert!({}.{method}().is_empty());", path(row)),
        };
        example(what, body)
    };
    [
        explanation,
        list(
            "What can cause the error, each exactly as the catalogue prints it\n\
             (empty when it lists none).",
            "causes",
            |row| &row.causes,
        ),
        list(
            "What can be done about the error, each exactly as the catalogue\n\
             prints it (empty when it lists none).",
            "solutions",
            |row| &row.solutions,
        ),
    ]
}

fn extra_docs(catalogue: &Catalogue, table: &Table) -> [TokenStream; 4] {
    let krate = catalogue.crate_ident();
    let name = &table.rust_enum;
    let example = |uses: &str, body: String| format!("```\nuse {krate}::{uses};\n\n{body}\n```");
    let path = |row: &Row| format!("{name}::{}", row.rust_variant);

    let aliased = table.rows.iter().find(|row| !row.aliases.is_empty());
    let aliases = match aliased {
        Some(row) => example(
            name,
            format!(
                "assert_eq!({path}.aliases(), &[{aliases}]);\n\
                 assert_eq!({name}::from_code({alias}), Some({path}));\n\
                 assert_eq!({name}::from_code({alias}).map({name}::code), Some({code}));",
                path = path(row),
                aliases = row.aliases.iter().map(|alias| alias.rust_literal()).collect::<Vec<_>>().join(", "),
                alias = row.aliases[0].rust_literal(),
                code = row.code.rust_literal(),
            ),
        ),
        None => example(name, format!("assert!({}.aliases().is_empty());", path(&table.rows[0]))),
    };
    let aliases = format!(
        "Other codes that services send for this error; `from_code` accepts\n\
         them too, and `code` stays the documented one.\n\n{aliases}"
    );

    let recovery_row = table.rows.iter().find(|row| row.recovery.is_some()).unwrap_or(&table.rows[0]);
    let recovery_value = match &recovery_row.recovery {
        Some(recovery) => format!("Some(Recovery::{})", recovery.rust_variant()),
        None => "None".to_owned(),
    };
    let recovery = format!(
        "What a client should do about this error, if the catalogue says.\n\n{}",
        example(
            &format!("{{{name}, Recovery}}"),
            format!("assert_eq!({}.recovery(), {recovery_value});", path(recovery_row))
        )
    );

    let class_docs = |what: &str, method: &str, range: std::ops::RangeInclusive<u16>| {
        let yes = table.rows.iter().find(|row| range.contains(&row.http_status));
        let no = table.rows.iter().find(|row| !range.contains(&row.http_status));
        let mut lines = Vec::new();
        if let Some(row) = yes {
            lines.push(format!("assert!({}.{method}());", path(row)));
        }
        if let Some(row) = no {
            lines.push(format!("assert!(!{}.{method}());", path(row)));
        }
        doc(&format!(
            "Whether a service answers this error with a {what} status \
             ({start} to {end}), as `http::StatusCode::{method}` tells.\n\n{}",
            example(name, lines.join("\n")),
            start = range.start(),
            end = range.end(),
        ))
    };
    [
        doc(&aliases),
        doc(&recovery),
        class_docs("client error", "is_client_error", 400..=499),
        class_docs("server error", "is_server_error", 500..=599),
    ]
}

/// The enum docs' list of the table's retired codes, if it has any.
fn retired_docs(catalogue: &Catalogue, table: &Table) -> String {
    let lines: Vec<String> = catalogue
        .retired_in(&table.id)
        .map(|retired| {
            format!(
                "- {}: {}",
                code_span(&format!("{} {}", retired.code, retired.name)),
                markdown_block(&retired.reason, "  ")
            )
        })
        .collect();
    if lines.is_empty() {
        return String::new();
    }
    format!(
        "# Retired codes\n\n\
         These codes were published once and withdrawn: they have no variant,\n\
         `from_code` does not know them, and they are never reused.\n\n{}\n\n",
        lines.join("\n")
    )
}
