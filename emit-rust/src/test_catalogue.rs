//! A small catalogue for the emitter's unit tests, with every part a
//! fixed file's docs may name: a body in an envelope, problem details,
//! recoveries and an alias.

use std::path::Path;

use errcat_model::spec::SpecFile;
use errcat_model::{Catalogue, CodeKind, Skipped, validate_skipping};

/// The catalogue, with integer or string codes.
pub(super) fn catalogue(codes: CodeKind) -> Catalogue {
    let (kind, code, alias) = match codes {
        CodeKind::Integer => ("integer", "4000001", "4000002"),
        CodeKind::String => ("string", "bad_thing", "bad-thing"),
    };
    let text = format!(
        "title: T\n\
         codes: {kind}\n\
         crate: t-errors\n\
         version: 1.0.0\n\
         body:\n  code: code\n  message: message\n  envelope: error\n\
         problem_details:\n  type_base: https://example.com/t.html\n\
         recoveries:\n  - id: retry_later\n    description: Again.\n    retry: true\n\
         tables:\n  - id: app\n    title: App\n    summary: App.\n    errors:\n\
         \x20     - {{code: {code}, name: Bad thing, description: A bad thing., http_status: 400, \
         aliases: [{alias}], recovery: retry_later}}\n"
    );
    parse(&text)
}

/// The catalogue a spec's `text` describes.
pub(super) fn parse(text: &str) -> Catalogue {
    let spec: SpecFile = serde_yaml::from_str(text).expect("the spec parses");
    validate_skipping(Path::new("t.yaml"), text, &spec, &Skipped::default()).expect("the spec is valid")
}
