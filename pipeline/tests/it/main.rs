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
mod knox_api;
mod lock;
mod lookup_paths;
mod markdown;
mod openapi;
mod readback;
mod schema;
mod stripe_style;
mod tidy;
mod twitter;
mod validate;
mod write;
