//! Compatibility: what a catalogue has published ([`published`]), what a
//! change to it means for the users of the generated crate ([`classify`],
//! the one place that decides), and the two tools built on that: the lock
//! `cargo xtask gen` keeps ([`lock`]) and `cargo xtask diff` ([`diff`]).

pub mod change;
pub mod classify;
pub mod diff;
pub mod lock;
pub mod published;
mod quoted;

use std::path::Path;

use crate::write::{Comment, OutputFile};
use errcat_model::Catalogue;
use errcat_model::diagnostic::{Diagnostic, Diagnostics};
use errcat_model::source::SourceFile;

/// Checks `catalogue`, loaded from the spec file `spec`, against its lock
/// (`locked`: the lock file's path and text, when there is one), and
/// renders the updated lock. Problems in the lock come back with their
/// source lines; problems in the spec are left for the caller to place
/// with the spec's text. The lock's header names `command`.
pub fn check_lock(
    spec: &Path,
    catalogue: &Catalogue,
    locked: Option<&SourceFile>,
    command: &str,
) -> Result<OutputFile, Diagnostics> {
    let path = lock::lock_path(spec);
    let checked = locked
        .map(|lock| lock::parse(&lock.path, &lock.text))
        .transpose()
        .and_then(|parsed| lock::update(spec, &path, catalogue, parsed.as_ref()));
    match checked {
        Ok(updated) => {
            let body = lock::render(catalogue, &updated);
            Ok(OutputFile::generated(path, Comment::Hash, command, &catalogue.source, &body))
        }
        Err(Diagnostics(problems)) => {
            let (mut in_lock, mut in_spec): (Vec<Diagnostic>, Vec<Diagnostic>) =
                problems.into_iter().partition(|problem| problem.file == path);
            if let Some(lock) = locked {
                crate::load::place(&lock.text, &mut in_lock);
            }
            in_spec.extend(in_lock);
            Err(Diagnostics(in_spec))
        }
    }
}
