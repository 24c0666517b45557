//! The read-back test of the Amazon S3 catalogue, in `tests/read_back.rs`
//! (written by `../convert.py`): no library code.
