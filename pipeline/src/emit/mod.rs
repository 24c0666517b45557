//! The emitters: pure functions from a [`Catalogue`] to file bodies, one
//! module per format. Nothing here reads or writes a file; `render` hands
//! each body to [`OutputFile::generated`], whose header's format is
//! errcat-model's (`output.rs`) alone.

pub mod html;
pub mod markdown;
pub mod markdown_locales;
pub mod openapi;
mod sample;
pub mod yaml;

/// The Rust emitter, a crate of its own (errcat-emit-rust) so that it
/// compiles beside the rest of the generator.
pub use errcat_emit_rust as rust;

use std::path::{Path, PathBuf};

use errcat_model::Catalogue;
use errcat_model::output::{Comment, DEFAULT_COMMAND, OutputFile};

/// Renders every artifact of every catalogue, in memory. Paths are named
/// after the crate, so several catalogues never collide:
/// `<crate>/…` (`Cargo.toml`, `README.md`, `src/lib.rs`, `src/reference.md`),
/// `openapi/<crate>.openapi.yaml` (3.1.0),
/// `openapi/<crate>.openapi-3.0.yaml` (3.0.3), `docs/<crate>.md` and
/// `docs/<crate>.html` (the error index page), and with `locales:`, each
/// other locale's `docs/<crate>.<tag>.md` and `docs/<crate>.<tag>.html`.
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
    let rendered: Result<(), std::convert::Infallible> = render_each(catalogues, command, |key, file| {
        files.push((key, file));
        Ok(())
    });
    let Ok(()) = rendered;
    files.sort_by_key(|&(key, _)| key);
    files.into_iter().map(|(_, file)| file).collect()
}

/// One of the files of a catalogue, in the order [`render`] lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CatalogueFile {
    /// The crate's `Cargo.toml`.
    Manifest,
    /// The crate's `README.md`.
    Readme,
    /// The crate's `src/lib.rs`.
    Lib,
    /// The crate's `src/reference.md`, the Markdown reference.
    Reference,
    /// `openapi/<crate>.openapi.yaml`, OpenAPI 3.1.
    OpenApi31,
    /// `openapi/<crate>.openapi-3.0.yaml`, OpenAPI 3.0.
    OpenApi30,
    /// `docs/<crate>.md`, the page that links to the reference.
    DocsPage,
    /// `docs/<crate>.html`, the error index page, with the reference's anchors.
    IndexPage,
    /// `docs/<crate>.<tag>.md`, the reference in the catalogue's other
    /// locale of this index.
    LocalizedPage(usize),
    /// `docs/<crate>.<tag>.html`, the index page in the catalogue's other
    /// locale of this index.
    LocalizedIndexPage(usize),
}

/// Where a rendered file comes among all of a run's: its catalogue's
/// place among the catalogues, then which of that catalogue's files it is.
pub type FileKey = (usize, CatalogueFile);

/// The comment syntax of the crate's `src/lib.rs` header.
const RUST_COMMENT: Comment = Comment::Slashes;

/// The comment syntax of the crate's `Cargo.toml` header.
const MANIFEST_COMMENT: Comment = Comment::Hash;

/// The comment syntax of the crate's `README.md` header.
const README_COMMENT: Comment = Comment::Html;

/// Renders every artifact as [`render_for`] does, handing each file to
/// `sink` as soon as it is made, with its key, its place in
/// [`render_for`]'s list: files need not all be alive at once. The first
/// error of `sink` stops the rendering and is returned.
pub(crate) fn render_each<E>(
    catalogues: &[Catalogue],
    command: &str,
    mut sink: impl FnMut(FileKey, OutputFile) -> Result<(), E>,
) -> Result<(), E> {
    for (index, catalogue) in catalogues.iter().enumerate() {
        let at = |kind: CatalogueFile| (index, kind);
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
                at(CatalogueFile::Manifest),
                file(crate_dir.join("Cargo.toml"), MANIFEST_COMMENT, &rust::emit_manifest(catalogue)),
            )?;
            sink(
                at(CatalogueFile::Readme),
                file(crate_dir.join("README.md"), README_COMMENT, &rust::emit_readme(catalogue)),
            )?;
            // The page, once: the crate's `reference` module shows it.
            let reference = markdown::emit_docs(catalogue);
            sink(
                at(CatalogueFile::Reference),
                file(crate_dir.join("src/reference.md"), markdown::COMMENT, &reference),
            )?;
            let pointer = markdown::emit_docs_pointer(catalogue);
            let path = Path::new("docs").join(format!("{}.md", catalogue.crate_name));
            sink(at(CatalogueFile::DocsPage), file(path, markdown::COMMENT, &pointer))?;
            for (i, locale) in catalogue.other_locales().iter().enumerate() {
                let path = Path::new("docs").join(markdown_locales::file_name(catalogue, &locale.tag));
                let page = markdown_locales::emit_localized(catalogue, locale);
                sink(at(CatalogueFile::LocalizedPage(i)), file(path, markdown::COMMENT, &page))?;
            }
            let path = Path::new("docs").join(html::file_name(catalogue));
            let page = OutputFile::generated_by(path, html::COMMENT, command, &catalogue.source, |out| {
                html::emit_page_into(out, catalogue)
            });
            sink(at(CatalogueFile::IndexPage), page)?;
            for (i, locale) in catalogue.other_locales().iter().enumerate() {
                let path = Path::new("docs").join(html::localized_file_name(catalogue, locale));
                let page = OutputFile::generated_by(path, html::COMMENT, command, &catalogue.source, |out| {
                    html::emit_localized_page_into(out, catalogue, locale)
                });
                sink(at(CatalogueFile::LocalizedIndexPage(i)), page)?;
            }
            // A panic in the emitter is a bug; pass it on as it was.
            Ok(lib.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        })?;
        sink(at(CatalogueFile::Lib), lib)?;
        let documents = [
            (CatalogueFile::OpenApi31, openapi::Version::V3_1),
            (CatalogueFile::OpenApi30, openapi::Version::V3_0),
        ];
        for (kind, version) in documents {
            let path = Path::new("openapi").join(openapi::file_name(catalogue, version));
            let document =
                OutputFile::generated_by(path, openapi::COMMENT, command, &catalogue.source, |out| {
                    openapi::emit_openapi_into(out, catalogue, version)
                });
            sink(at(kind), document)?;
        }
    }
    Ok(())
}
