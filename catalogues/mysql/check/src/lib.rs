//! The render test of the MySQL catalogue, in `tests/cases.rs` (written by
//! `../convert.py`): no library code.
