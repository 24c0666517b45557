//! Both ways the generated `from_name` finds a name — a `match` for small
//! tables, a collision-free hash table for larger ones — and the hash
//! table behind `from_code` agree with the rows, hit for hit and miss for
//! miss. The golden `large-errors` crate has one table of each size.

use large_errors::{AuthError, ErrorCode, HttpError};

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
