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
/// `<crate>/…` (`Cargo.toml`, `src/lib.rs`, `src/reference.md`),
/// `openapi/<crate>.openapi.yaml` (3.1.0),
/// `openapi/<crate>.openapi-3.0.yaml` (3.0.3) and `docs/<crate>.md`.
/// Each file's header names `cargo xtask gen`, as [`generate`](crate::generate)'s do.
pub fn render(catalogues: &[Catalogue]) -> Vec<OutputFile> {
    render_for(catalogues, DEFAULT_COMMAND)
}

/// [`render`], with headers that name `command` (see `Options::command`).
pub fn render_for(catalogues: &[Catalogue], command: &str) -> Vec<OutputFile> {
    let mut files = Vec::new();
    for catalogue in catalogues {
        // The emitters are pure and independent: on a large catalogue,
        // running the Rust one beside the others nearly halves the time.
        let (lib, (openapi, docs)) = std::thread::scope(|scope| {
            let lib = scope.spawn(|| rust::emit_lib(catalogue));
            let openapi = [openapi::Version::V3_1, openapi::Version::V3_0]
                .map(|version| (version, openapi::emit_openapi(catalogue, version)));
            let docs = markdown::emit_docs(catalogue);
            // A panic in the emitter is a bug; pass it on as it was.
            (lib.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), (openapi, docs))
        });
        let file = |path: PathBuf, comment: Comment, body: &str| {
            OutputFile::generated(path, comment, command, &catalogue.source, body)
        };
        let crate_dir = PathBuf::from(&catalogue.crate_name);
        files.push(file(
            crate_dir.join("Cargo.toml"),
            rust::MANIFEST_COMMENT,
            &rust::emit_manifest(catalogue),
        ));
        files.push(file(crate_dir.join("README.md"), rust::README_COMMENT, &rust::emit_readme(catalogue)));
        files.push(file(crate_dir.join("src/lib.rs"), rust::COMMENT, &lib));
        // The crate's `reference` module shows the same page as docs/.
        files.push(file(crate_dir.join("src/reference.md"), markdown::COMMENT, &docs));
        for (version, body) in openapi {
            files.push(file(
                Path::new("openapi").join(openapi::file_name(catalogue, version)),
                openapi::COMMENT,
                &body,
            ));
        }
        files.push(file(
            Path::new("docs").join(format!("{}.md", catalogue.crate_name)),
            markdown::COMMENT,
            &docs,
        ));
    }
    files
}
