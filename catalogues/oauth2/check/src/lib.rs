//! The read-back test of the RFC 6749 catalogue, in `tests/read_back.rs`
//! (written by `../convert.py`): no library code.
