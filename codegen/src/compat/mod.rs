//! Compatibility: what a catalogue has published ([`published`]), what a
//! change to it means for the users of the generated crate ([`classify`],
//! the one place that decides), and the two tools built on that: the lock
//! `cargo xtask gen` keeps ([`lock`]) and `cargo xtask diff` ([`diff`]).

pub mod classify;
pub mod diff;
pub mod lock;
pub mod published;

use std::fs;
use std::io;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Catalogue;
use crate::write::{Comment, OutputFile};

/// Checks `catalogue`, loaded from the spec file `spec`, against the lock
/// next to it, and renders the updated lock (its path and contents).
/// Problems in the lock come back with their source lines; problems in the
/// spec are left for the caller to place with the spec's text.
pub fn lock_file(spec: &Path, catalogue: &Catalogue) -> Result<OutputFile, Diagnostics> {
    let path = lock::lock_path(spec);
    let text = match fs::read(&path) {
        Ok(bytes) => Some(String::from_utf8(bytes).map_err(|_| {
            Diagnostic::new(&path, "the lock is not valid UTF-8")
                .help("restore the lock from version control, then run `cargo xtask gen`")
        })?),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(Diagnostic::new(&path, format!("cannot read the lock: {e}")).into()),
    };
    let checked = text
        .as_deref()
        .map(|text| lock::parse(&path, text))
        .transpose()
        .and_then(|locked| lock::update(spec, &path, catalogue, locked.as_ref()));
    match checked {
        Ok(updated) => {
            let body = lock::render(catalogue, &updated);
            Ok(OutputFile::generated(path, Comment::Hash, &catalogue.source, &body))
        }
        Err(Diagnostics(problems)) => {
            let (mut in_lock, mut in_spec): (Vec<Diagnostic>, Vec<Diagnostic>) =
                problems.into_iter().partition(|problem| problem.file == path);
            if let Some(text) = &text {
                crate::load::place(text, &mut in_lock);
            }
            in_spec.extend(in_lock);
            Err(Diagnostics(in_spec))
        }
    }
}
