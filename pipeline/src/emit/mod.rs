//! The emitters: pure functions from a [`Catalogue`] to file bodies, one
//! module per format. Nothing here reads or writes a file; `render` hands
//! each body to `write::OutputFile::generated`, whose header is written by
//! `write/` alone.

pub mod markdown;
pub mod openapi;
pub mod yaml;

/// The Rust emitter, a crate of its own (errcat-emit-rust) so that it
/// compiles beside the rest of the generator.
pub use errcat_emit_rust as rust;

use std::path::{Path, PathBuf};

use crate::write::{Comment, DEFAULT_COMMAND, OutputFile};
use errcat_model::Catalogue;

/// Renders every artifact of every catalogue, in memory. Paths are named
/// after the crate, so several catalogues never collide:
/// `<crate>/…` (`Cargo.toml`, `README.md`, `src/lib.rs`, `src/reference.md`),
/// `openapi/<crate>.openapi.yaml` (3.1.0),
/// `openapi/<crate>.openapi-3.0.yaml` (3.0.3) and `docs/<crate>.md`.
/// Each file's header names `cargo xtask gen`, as [`generate`](crate::generate)'s do.
///
/// The Markdown reference is written once, inside the crate (its
/// `reference` module includes it, and a crate can only include its own
/// files); `docs/<crate>.md` is a short page that links to it.
pub fn render(catalogues: &[Catalogue]) -> Vec<OutputFile> {
    render_for(catalogues, DEFAULT_COMMAND)
}

/// [`render`], with headers that name `command` (see `Options::command`).
pub fn render_for(catalogues: &[Catalogue], command: &str) -> Vec<OutputFile> {
    let mut files = Vec::new();
    let rendered: Result<(), std::convert::Infallible> =
        render_each(catalogues, command, |position, file| {
            files.push((position, file));
            Ok(())
        });
    let Ok(()) = rendered;
    files.sort_by_key(|&(position, _)| position);
    files.into_iter().map(|(_, file)| file).collect()
}

/// The comment syntax of the crate's `src/lib.rs` header.
const RUST_COMMENT: Comment = Comment::Slashes;

/// The comment syntax of the crate's `Cargo.toml` header.
const MANIFEST_COMMENT: Comment = Comment::Hash;

/// The comment syntax of the crate's `README.md` header.
const README_COMMENT: Comment = Comment::Html;

/// How many files [`render`] makes of one catalogue.
const FILES_PER_CATALOGUE: usize = 7;

/// Renders every artifact as [`render_for`] does, handing each file to
/// `sink` as soon as it is made, with its position in [`render_for`]'s
/// list: files need not all be alive at once. The first error of `sink`
/// stops the rendering and is returned.
pub(crate) fn render_each<E>(
    catalogues: &[Catalogue],
    command: &str,
    mut sink: impl FnMut(usize, OutputFile) -> Result<(), E>,
) -> Result<(), E> {
    for (index, catalogue) in catalogues.iter().enumerate() {
        let at = |offset: usize| index * FILES_PER_CATALOGUE + offset;
        let file = |path: PathBuf, comment: Comment, body: &str| {
            OutputFile::generated(path, comment, command, &catalogue.source, body)
        };
        let crate_dir = PathBuf::from(&catalogue.crate_name);
        // The Rust emitter runs beside the small emitters, then the two
        // OpenAPI documents are made one after the other: the largest
        // bodies are never being made at once, and each file goes to
        // `sink` as soon as it is made, so only the files still being made
        // are alive (BENCHMARKS.md, "Peak memory").
        let lib = std::thread::scope(|scope| {
            let lib = scope.spawn(|| {
                let path = crate_dir.join("src/lib.rs");
                OutputFile::generated_by(path, RUST_COMMENT, command, &catalogue.source, |lib| {
                    rust::emit_lib_into(lib, catalogue)
                })
            });
            // On an error the scope still waits for the Rust emitter.
            sink(
                at(0),
                file(crate_dir.join("Cargo.toml"), MANIFEST_COMMENT, &rust::emit_manifest(catalogue)),
            )?;
            sink(at(1), file(crate_dir.join("README.md"), README_COMMENT, &rust::emit_readme(catalogue)))?;
            // The page, once: the crate's `reference` module shows it.
            let reference = markdown::emit_docs(catalogue);
            sink(at(3), file(crate_dir.join("src/reference.md"), markdown::COMMENT, &reference))?;
            let pointer = markdown::emit_docs_pointer(catalogue);
            let path = Path::new("docs").join(format!("{}.md", catalogue.crate_name));
            sink(at(6), file(path, markdown::COMMENT, &pointer))?;
            // A panic in the emitter is a bug; pass it on as it was.
            Ok(lib.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        })?;
        sink(at(2), lib)?;
        for (offset, version) in [(4, openapi::Version::V3_1), (5, openapi::Version::V3_0)] {
            let path = Path::new("openapi").join(openapi::file_name(catalogue, version));
            let document =
                OutputFile::generated_by(path, openapi::COMMENT, command, &catalogue.source, |out| {
                    openapi::emit_openapi_into(out, catalogue, version)
                });
            sink(at(offset), document)?;
        }
    }
    Ok(())
}
