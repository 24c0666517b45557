//! The integration tests of the generator, as one test binary: one link
//! instead of one per file. Each module tests one behaviour a user sees.

mod adversarial;
mod cargo_lock;
mod compat;
mod concurrent;
mod diagnostics;
mod diff;
mod edits;
mod fixtures;
mod freshness;
mod golden;
mod index_page;
mod knox_api;
mod lib_items;
mod locales;
mod lock;
mod lookup_paths;
mod markdown;
mod memo;
mod oldest_rust;
mod openapi;
mod openapi_params;
mod openapi_responses;
mod openapi_xml;
mod plurals;
mod readback;
mod rustdoc;
mod schema;
mod stripe_style;
mod tidy;
mod twitter;
mod validate;
mod values;
mod values_read;
mod write;

use std::path::Path;

use errcat_model::Catalogue;
use errcat_model::diagnostic::Diagnostics;
use errcat_pipeline::{SpecInput, load};

/// One spec's text at `path`, loaded as `gen` loads a spec file named `name`.
fn load_text(path: &Path, name: impl AsRef<str>, text: impl AsRef<[u8]>) -> Result<Catalogue, Diagnostics> {
    one(load(SpecInput::text(path, name.as_ref(), &text)))
}

/// The spec file at `path`, loaded as `gen` loads it, named `name`.
fn load_file(path: &Path, name: impl AsRef<str>) -> Result<Catalogue, Diagnostics> {
    one(load(SpecInput::File { path, name: name.as_ref() }))
}

/// The one catalogue a single spec loads into.
fn one(loaded: Result<Vec<Catalogue>, Diagnostics>) -> Result<Catalogue, Diagnostics> {
    let [catalogue] = <[Catalogue; 1]>::try_from(loaded?).expect("one spec, one catalogue");
    Ok(catalogue)
}
