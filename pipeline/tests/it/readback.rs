//! Every text of a fixture reads back verbatim through its generated
//! crate: names, descriptions, explanations, causes and solutions, for
//! every code, found by its code.

use errcat_model::Catalogue;

use crate::fixtures::root;

/// The fixture `stem`, loaded as the golden tests load it.
fn fixture(stem: &str) -> Catalogue {
    let path = root().join("tests/fixtures").join(format!("{stem}.yaml"));
    crate::load_file(&path, format!("fixtures/{stem}.yaml")).unwrap_or_else(|e| panic!("{e}"))
}

/// Checks every row of `$stem` against `$krate::ErrorCode`, looked up by
/// the row's code as `$code` turns it into the crate's code type.
macro_rules! assert_reads_back {
    ($stem:literal, $krate:ident) => {
        assert_reads_back!($stem, $krate, integer_code)
    };
    ($stem:literal, $krate:ident, $code:ident) => {{
        let catalogue = fixture($stem);
        let mut rows = 0;
        for (table, row) in catalogue.rows() {
            let here = format!("{}: table `{}`, code {}", $stem, table.id, row.code);
            let code = $code(&row.code);
            let error = $krate::ErrorCode::from_code(code).unwrap_or_else(|| panic!("{here}: not found"));
            assert_eq!(error.code(), code, "{here}");
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

/// An integer code as the crates take it.
fn integer_code(code: &errcat_model::Code) -> u32 {
    code.integer().expect("an integer code")
}

/// A string code as the crates take it.
fn string_code(code: &errcat_model::Code) -> &str {
    match code {
        errcat_model::Code::String(code) => code,
        errcat_model::Code::Integer(_) => panic!("a string code"),
    }
}

#[test]
fn postgres_sqlstate_reads_back_verbatim() {
    assert_reads_back!("postgres_sqlstate", postgres_sqlstate_errors, string_code);
}

#[test]
fn stripe_style_reads_back_verbatim() {
    assert_reads_back!("stripe_style", stripe_style_errors, string_code);
}

#[test]
fn tricky_text_reads_back_verbatim() {
    assert_reads_back!("tricky_text", tricky_errors);
}

#[test]
fn twilio_voice_reads_back_verbatim() {
    assert_reads_back!("twilio_voice", twilio_voice_errors);
}

#[test]
fn sqlstates_are_found_exactly_as_written() {
    use postgres_sqlstate_errors::{ErrorCode, IntegrityConstraintViolationError, WarningError};

    // README.md's walkthrough, "A catalogue with string codes".
    let error = ErrorCode::from_code("23505").unwrap();
    assert_eq!(
        error,
        ErrorCode::IntegrityConstraintViolation(IntegrityConstraintViolationError::UniqueViolation)
    );
    assert_eq!(error.code(), "23505");
    assert_eq!(error.name(), "unique_violation");
    assert!(ErrorCode::from_code("23505 ").is_none());
    // Leading zeros and case count: `01000` is not `1000`, `0100C` not `0100c`.
    assert_eq!(ErrorCode::from_code("01000"), Some(ErrorCode::Warning(WarningError::Warning)));
    assert!(ErrorCode::from_code("1000").is_none());
    assert_eq!(ErrorCode::from_code("0100C").map(ErrorCode::name), Some("dynamic_result_sets_returned"));
    assert!(ErrorCode::from_code("0100c").is_none());
}

#[test]
fn row_attributes_read_back_through_their_getters() {
    use errcat_model::AttributeValue;
    use row_attributes_errors::{ClientError, ServerError};

    assert_reads_back!("row_attributes", row_attributes_errors);
    let catalogue = fixture("row_attributes");
    // The row's value of `name`, as the spec gives it.
    let given = |code: u32, name: &str| {
        let a = catalogue.attributes.iter().position(|attribute| attribute.name == name).expect(name);
        let (_, row) = catalogue.rows().find(|(_, row)| row.code.integer() == Some(code)).expect("the row");
        row.attributes[a].clone()
    };
    let text = |text: &str| AttributeValue::String(text.to_owned());
    let mut checked = 0;
    for error in ServerError::ALL {
        let code = error.code();
        assert_eq!(Some(text(error.sqlstate())), given(code, "sqlstate"), "{code}");
        assert_eq!(error.odbc_state().map(text), given(code, "odbc_state"), "{code}");
        assert_eq!(error.retryable().map(AttributeValue::Boolean), given(code, "retryable"), "{code}");
        assert_eq!(error.severity().map(AttributeValue::Integer), given(code, "severity"), "{code}");
        checked += 1;
    }
    for error in ClientError::ALL {
        let code = error.code();
        assert_eq!(Some(text(error.sqlstate())), given(code, "sqlstate"), "{code}");
        assert_eq!(error.odbc_state().map(text), given(code, "odbc_state"), "{code}");
        assert_eq!(error.retryable().map(AttributeValue::Boolean), given(code, "retryable"), "{code}");
        assert_eq!(error.severity().map(AttributeValue::Integer), given(code, "severity"), "{code}");
        checked += 1;
    }
    assert_eq!(checked, catalogue.rows().count(), "every row's values");
}
