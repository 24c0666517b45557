//! Both ways the generated `from_name` finds a name — a `match` for small
//! tables, a collision-free hash table for larger ones — and the hash
//! table behind `from_code` agree with the rows, hit for hit and miss for
//! miss. The golden `large-errors` crate has one table of each size; the
//! SQLSTATE crate's string codes are compared by their length and ends.

use large_errors::{AuthError, ErrorCode, HttpError};
use postgres_sqlstate_errors::{
    DataExceptionError, ForeignDataWrapperError, SyntaxErrorOrAccessRuleViolationError,
};

#[test]
fn every_row_is_found_by_name_and_by_code() {
    assert!(AuthError::ALL.len() > 16, "the large table must be past the `match` limit");
    assert!(HttpError::ALL.len() <= 16, "the small table must use the `match`");
    for &error in AuthError::ALL {
        assert_eq!(AuthError::from_name(error.name()), Some(error), "{}", error.name());
        assert_eq!(AuthError::from_code(error.code()), Some(error));
        assert_eq!(ErrorCode::from_code(error.code()), Some(ErrorCode::Auth(error)));
    }
    for &error in HttpError::ALL {
        assert_eq!(HttpError::from_name(error.name()), Some(error), "{}", error.name());
        assert_eq!(HttpError::from_code(error.code()), Some(error));
    }
}

#[test]
fn near_misses_are_not_found() {
    for &error in AuthError::ALL {
        let name = error.name();
        let mut changed_middle = name.to_owned().into_bytes();
        let middle = changed_middle.len() / 2;
        changed_middle[middle] = if changed_middle[middle] == b'X' { b'Y' } else { b'X' };
        let changed_middle = String::from_utf8(changed_middle).expect("ASCII names");
        for miss in [format!("{name} "), name.to_lowercase(), name[1..].to_owned(), changed_middle] {
            assert_eq!(AuthError::from_name(&miss), None, "{miss:?}");
        }
        if AuthError::ALL
            .iter()
            .all(|e| e.code() != error.code() + 1 && !e.aliases().contains(&(error.code() + 1)))
        {
            assert_eq!(AuthError::from_code(error.code() + 1), None);
        }
    }
}

/// Checks a SQLSTATE table whose `from_code` compares codes by their
/// length and ends (all three hashed tables have five-byte codes) against
/// a search, on every code and near miss. A code with zero bytes after it,
/// up to eight bytes, has the code's very words: only the length tells
/// them apart; in each table one such text in 64 or 128 (its slots) lands
/// in its code's own slot, where nothing else turns it away.
macro_rules! assert_ends_agree_with_a_search {
    ($table:ty) => {{
        let search = |code: &str| {
            <$table>::ALL
                .iter()
                .copied()
                .find(|error| error.code() == code || error.aliases().contains(&code))
        };
        assert!(<$table>::ALL.len() > 16, "the table must be past the `match` limit");
        for &error in <$table>::ALL {
            let code = error.code();
            assert_eq!(<$table>::from_code(code), Some(error), "{code:?}");
            // A changed byte anywhere (which may be another code).
            for at in 0..code.len() {
                let mut bytes = code.as_bytes().to_vec();
                bytes[at] ^= 0x01;
                let near = String::from_utf8(bytes).expect("ASCII codes");
                assert_eq!(<$table>::from_code(&near), search(&near), "{near:?}");
            }
            // Zero bytes where the padding is, or before the code; a byte
            // less; the code repeated to 10, 15 and 20 bytes, whose ends
            // hold it.
            for miss in [
                format!("{code}\0"),
                format!("{code}\0\0"),
                format!("{code}\0\0\0"),
                format!("\0{code}"),
                code[..code.len() - 1].to_owned(),
                code.repeat(2),
                code.repeat(3),
                code.repeat(4),
            ] {
                assert_eq!(<$table>::from_code(&miss), None, "{miss:?}");
            }
        }
    }};
}

#[test]
fn codes_compared_by_their_ends_agree_with_a_search_on_every_key_and_near_miss() {
    assert_ends_agree_with_a_search!(DataExceptionError);
    assert_ends_agree_with_a_search!(SyntaxErrorOrAccessRuleViolationError);
    assert_ends_agree_with_a_search!(ForeignDataWrapperError);
}

fn data_exception_by_search(code: &str) -> Option<DataExceptionError> {
    DataExceptionError::ALL
        .iter()
        .copied()
        .find(|error| error.code() == code || error.aliases().contains(&code))
}

proptest::proptest! {
    /// Any text, and text made of the codes' own characters, is found in
    /// class 22 exactly when a search finds it.
    #[test]
    fn codes_compared_by_their_ends_agree_with_a_search(code in "\\PC{0,20}|[0-9A-Z\0]{0,17}") {
        proptest::prop_assert_eq!(DataExceptionError::from_code(&code), data_exception_by_search(&code));
    }
}
