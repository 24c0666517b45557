//! The read-back test of the Linux errno catalogue, in `tests/read_back.rs`
//! (written by `../convert.py`): no library code.
