//! Reading a generated header back from disk, to tell the generator's
//! files from the user's and a run's own catalogues' files from others'.
//! The header's format is errcat-model's ([`errcat_model::output`]).

use std::fs;
use std::io::{self, BufRead};
use std::path::Path;

use errcat_model::output::{first_line, is_generated, names_one_of};

use super::with_path;

/// The longest first line read when looking for a header.
const MAX_HEADER_LINE: u64 = 4096;

/// Whether the file at `path` starts with a header.
pub(super) fn starts_generated(path: &Path) -> io::Result<bool> {
    Ok(is_generated(&read_first_line(path)?))
}

/// Whether `path`'s header says it was generated from one of the specs
/// named `spec_names`.
pub(super) fn generated_from(path: &Path, spec_names: &[&str]) -> io::Result<bool> {
    let line = read_first_line(path)?;
    let Ok(line) = std::str::from_utf8(&line) else { return Ok(false) };
    Ok(names_one_of(line, spec_names))
}

fn read_first_line(path: &Path) -> io::Result<Vec<u8>> {
    let file = fs::File::open(path).map_err(|e| with_path(e, path))?;
    let mut line = Vec::new();
    io::BufReader::new(io::Read::take(file, MAX_HEADER_LINE))
        .read_until(b'\n', &mut line)
        .map_err(|e| with_path(e, path))?;
    Ok(first_line(&line).to_vec())
}
