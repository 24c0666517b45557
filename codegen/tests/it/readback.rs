//! Every text of a fixture reads back verbatim through its generated
//! crate: names, descriptions, explanations, causes and solutions, for
//! every code, found by its code.

use codegen::Catalogue;

use crate::fixtures::root;

/// The fixture `stem`, loaded as the golden tests load it.
fn fixture(stem: &str) -> Catalogue {
    let path = root().join("tests/fixtures").join(format!("{stem}.yaml"));
    codegen::load_file(&path, format!("fixtures/{stem}.yaml")).unwrap_or_else(|e| panic!("{e}"))
}

/// Checks every row of `$stem` against `$krate::ErrorCode`, looked up by
/// the row's code as `$code` turns it into the crate's code type.
macro_rules! assert_reads_back {
    ($stem:literal, $krate:ident) => {{
        let catalogue = fixture($stem);
        let mut rows = 0;
        for (table, row) in catalogue.rows() {
            let here = format!("{}: table `{}`, code {}", $stem, table.id, row.code);
            let error = $krate::ErrorCode::from_code(row.code).unwrap_or_else(|| panic!("{here}: not found"));
            assert_eq!(error.code(), row.code, "{here}");
            assert_eq!(error.name(), row.name, "{here}");
            assert_eq!(error.description(), row.description, "{here}");
            assert_eq!(error.explanation(), row.explanation.as_deref(), "{here}");
            assert_eq!(error.causes(), row.causes, "{here}");
            assert_eq!(error.solutions(), row.solutions, "{here}");
            rows += 1;
        }
        assert!(rows > 0, "{}: no rows", $stem);
    }};
}

#[test]
fn tricky_text_reads_back_verbatim() {
    assert_reads_back!("tricky_text", tricky_errors);
}

#[test]
fn twilio_voice_reads_back_verbatim() {
    assert_reads_back!("twilio_voice", twilio_voice_errors);
}
