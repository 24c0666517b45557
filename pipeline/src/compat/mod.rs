//! Compatibility: what a catalogue has published ([`published`]), what a
//! change to it means for the users of the generated crate ([`classify`],
//! the one place that decides), and the two tools built on that: the lock
//! `cargo xtask gen` keeps ([`lock`]) and `cargo xtask diff` ([`diff`]).

pub mod change;
pub mod classify;
pub mod diff;
pub mod lock;
pub mod lock_attributes;
mod lock_codes;
mod lock_locales;
pub mod lock_names;
mod lock_pairs;
pub mod lock_params;
pub mod lock_responses;
pub mod lock_sections;
pub mod lock_wire;
pub mod published;
mod quoted;

use std::path::Path;

use errcat_model::diagnostic::{Diagnostic, Diagnostics, show_source_lines};
use errcat_model::output::{Comment, OutputFile};
use errcat_model::source::SourceFile;
use errcat_model::{Catalogue, KeptResponse};

/// Checks `catalogue`, loaded from the spec file `spec`, against its lock
/// (`locked`: the lock file's path and text, when there is one), and
/// renders the updated lock. Problems in the lock come back with their
/// source lines; problems in the spec are left for the caller to place
/// with the spec's text. The lock's header names `command`. With the
/// lock come the responses the documents keep from earlier versions
/// ([`Catalogue::kept_responses`]).
pub fn check_lock(
    spec: &Path,
    catalogue: &Catalogue,
    locked: Option<&SourceFile>,
    command: &str,
) -> Result<(OutputFile, Vec<KeptResponse>), Diagnostics> {
    let path = lock::lock_path(spec);
    let checked = locked
        .map(|lock| lock::parse(&lock.path, &lock.text))
        .transpose()
        .and_then(|parsed| lock::update(spec, &path, catalogue, parsed.as_ref()));
    match checked {
        Ok(updated) => {
            let body = lock::render(catalogue, &updated);
            let kept = updated
                .responses
                .iter()
                .flatten()
                .filter(|(_, response)| response.kept)
                .map(|(name, response)| KeptResponse { name: name.clone(), status: response.status })
                .collect();
            Ok((OutputFile::generated(path, Comment::Hash, command, &catalogue.source, &body), kept))
        }
        Err(problems) => {
            let (mut in_lock, mut in_spec): (Vec<Diagnostic>, Vec<Diagnostic>) =
                problems.into_iter().partition(|problem| problem.file == path);
            if let Some(lock) = locked {
                // Lock problems have lines; only spec problems have spec paths.
                show_source_lines(&lock.text, &mut in_lock);
            }
            in_spec.extend(in_lock);
            Err(in_spec.into())
        }
    }
}
