//! The guide's picks of names, against the names serde reads.

use super::super::test_catalogue::parse;
use super::{reads_as, shared_name};

/// A row's other name counts as a name: when it is another table's
/// row's name too, `ErrorCode` reads it as neither, and the guide says so
/// instead of reading it.
#[test]
fn another_name_shared_with_a_name_of_another_table_reads_as_neither() {
    let catalogue = parse(
        "title: T\ncrate: t-errors\nversion: 1.0.0\ntables:\n\
         \x20 - {id: first, title: First, summary: F., errors: [{code: 1, name: ALPHA, description: A., also_named: [BETA]}]}\n\
         \x20 - {id: second, title: Second, summary: S., errors: [{code: 2, name: BETA, description: B.}]}\n",
    );
    assert!(reads_as(&catalogue, "BETA").is_none());
    assert_eq!(shared_name(&catalogue), Some("BETA"));
    assert_eq!(reads_as(&catalogue, "ALPHA").map(|row| row.name.as_str()), Some("ALPHA"));
}
