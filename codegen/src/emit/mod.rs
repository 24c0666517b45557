//! The emitters: pure functions from a [`Catalogue`] to file bodies, one
//! module per format. Nothing here reads or writes a file; `render` hands
//! each body to `write::OutputFile::generated`, whose header is written by
//! `write/` alone.

pub mod markdown;
pub mod openapi;
pub mod rust;
pub mod yaml;

use std::path::{Path, PathBuf};

use crate::model::Catalogue;
use crate::write::{Comment, DEFAULT_COMMAND, OutputFile};

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
    for catalogue in catalogues {
        let file = |path: PathBuf, comment: Comment, body: &str| {
            OutputFile::generated(path, comment, command, &catalogue.source, body)
        };
        let crate_dir = PathBuf::from(&catalogue.crate_name);
        // The emitters are pure and independent: on a large catalogue,
        // running the Rust one beside the others nearly halves the time.
        // Each body becomes its file (under its header) as soon as it is
        // made and is dropped then, so a body and its file are alive
        // together for one file at a time, not for the whole catalogue.
        let (lib, others) = std::thread::scope(|scope| {
            let lib = scope.spawn(|| {
                let path = crate_dir.join("src/lib.rs");
                OutputFile::generated_by(path, rust::COMMENT, command, &catalogue.source, |lib| {
                    rust::emit_lib_into(lib, catalogue)
                })
            });
            let mut others = vec![
                file(crate_dir.join("Cargo.toml"), rust::MANIFEST_COMMENT, &rust::emit_manifest(catalogue)),
                file(crate_dir.join("README.md"), rust::README_COMMENT, &rust::emit_readme(catalogue)),
                // The page, once: the crate's `reference` module shows it.
                file(crate_dir.join("src/reference.md"), markdown::COMMENT, &markdown::emit_docs(catalogue)),
            ];
            for version in [openapi::Version::V3_1, openapi::Version::V3_0] {
                others.push(file(
                    Path::new("openapi").join(openapi::file_name(catalogue, version)),
                    openapi::COMMENT,
                    &openapi::emit_openapi(catalogue, version),
                ));
            }
            others.push(file(
                Path::new("docs").join(format!("{}.md", catalogue.crate_name)),
                markdown::COMMENT,
                &markdown::emit_docs_pointer(catalogue),
            ));
            // A panic in the emitter is a bug; pass it on as it was.
            (lib.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), others)
        });
        // The order the files were always listed in.
        let mut others = others.into_iter();
        files.extend(others.by_ref().take(2));
        files.push(lib);
        files.extend(others);
    }
    files
}
