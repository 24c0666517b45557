//! The emitters: pure functions from a [`Catalogue`] to file contents,
//! one module per format. Nothing here reads or writes a file.

pub mod markdown;
pub mod openapi;
pub mod rust;
pub mod text;
pub mod yaml;

use std::path::{Path, PathBuf};

use crate::model::Catalogue;
use crate::write::OutputFile;

/// Renders every artifact of every catalogue, in memory. Paths are named
/// after the crate, so several catalogues never collide:
/// `<crate>/…` (`Cargo.toml`, `src/lib.rs`, `src/reference.md`),
/// `openapi/<crate>.openapi.yaml` (3.1.0),
/// `openapi/<crate>.openapi-3.0.yaml` (3.0.3) and `docs/<crate>.md`.
pub fn render(catalogues: &[Catalogue]) -> Vec<OutputFile> {
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
        let crate_dir = PathBuf::from(&catalogue.crate_name);
        files.push(OutputFile {
            path: crate_dir.join("Cargo.toml"),
            contents: rust::emit_manifest(catalogue),
        });
        files.push(OutputFile { path: crate_dir.join("README.md"), contents: rust::emit_readme(catalogue) });
        files.push(OutputFile { path: crate_dir.join("src/lib.rs"), contents: lib });
        // The crate's `reference` module shows the same page as docs/.
        files.push(OutputFile { path: crate_dir.join("src/reference.md"), contents: docs.clone() });
        for (version, contents) in openapi {
            files.push(OutputFile {
                path: Path::new("openapi").join(openapi::file_name(catalogue, version)),
                contents,
            });
        }
        files.push(OutputFile {
            path: Path::new("docs").join(format!("{}.md", catalogue.crate_name)),
            contents: docs,
        });
    }
    files
}
