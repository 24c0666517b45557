//! The guide's section "Use `http::StatusCode`": an HTTP status row into
//! and out of `http::StatusCode`, and an error's status as one.

use super::Section;
use errcat_model::{Catalogue, Row};

/// Use `http::StatusCode`.
pub(super) fn section(catalogue: &Catalogue, row: &Row) -> Section {
    let krate = catalogue.crate_ident();
    // The example shows a status: a row that travels without one has none.
    let row = if row.http_status == 0 {
        catalogue.rows().map(|(_, row)| row).find(|row| row.http_status != 0).unwrap_or(row)
    } else {
        row
    };
    let from_code = |status: u16| match (status, catalogue.any_statusless()) {
        (0, _) => format!(
            "assert_eq!(ErrorCode::from_code({}).map(|e| e.status_code()), Some(None));",
            row.code.rust_literal()
        ),
        (status, optional) => format!(
            "assert_eq!(ErrorCode::from_code({}).map(|e| e.status_code(){}.as_u16()), Some({status}));",
            row.code.rust_literal(),
            if optional { ".unwrap()" } else { "" }
        ),
    };
    let interop = match catalogue.http_table() {
        Some(http) => {
            let first = &http.rows[0];
            format!(
                "# #[cfg(feature = \"http\")] {{\n\
                 use {krate}::{{ErrorCode, {http_enum}}};\n\n\
                 let status: http::StatusCode = {http_enum}::{variant}.into();\n\
                 assert_eq!(status.as_u16(), {status});\n\
                 assert_eq!({http_enum}::try_from(status), Ok({http_enum}::{variant}));\n\
                 {from_code}\n\
                 # }}",
                http_enum = http.rust_enum,
                variant = first.rust_variant,
                status = first.code,
                from_code = from_code(row.http_status),
            )
        }
        None => format!(
            "# #[cfg(feature = \"http\")] {{\n\
             use {krate}::ErrorCode;\n\n\
             {from_code}\n\
             # }}",
            from_code = from_code(row.http_status),
        ),
    };
    Section {
        heading: "Use `http::StatusCode`".to_owned(),
        intro: if crate::features::status_rows(catalogue) {
            "With the `http` feature, every error gives its status as an `http::StatusCode`, \
             and HTTP status rows convert to and from one."
        } else {
            "With the `http` feature, every error gives its status as an `http::StatusCode`."
        }
        .to_owned(),
        code: interop,
        http: true,
    }
}
