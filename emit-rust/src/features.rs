//! The generated crate's Cargo features, listed once: the manifest's
//! `[features]`, the crate docs' "Cargo features" and the README's table
//! are all written from [`features`], so that the three never disagree.

use errcat_model::{Catalogue, TableKind};

/// One Cargo feature of the generated crate.
pub(crate) struct Feature {
    /// Its name (`serde`).
    pub name: &'static str,
    /// What it turns on, as the manifest lists it (`["dep:serde"]`).
    pub enables: &'static str,
    /// The manifest's comment above it.
    pub comment: String,
    /// What it adds, as the crate docs' list says it: a line after the
    /// first starts with two spaces, so that the list item wraps.
    pub adds: String,
}

impl Feature {
    /// What it adds, on one line (a README table's cell).
    pub(crate) fn adds_on_one_line(&self) -> String {
        self.adds.replace("\n  ", " ")
    }
}

/// The crate's features, in the manifest's order: `alloc` when its errors
/// have values, `serde` always; `http` in an HTTP catalogue; `axum` and
/// `reqwest` when it declares a body, which they answer with and read.
pub(crate) fn features(catalogue: &Catalogue) -> Vec<Feature> {
    let values = crate::values::any_values(catalogue);
    let mut features = Vec::new();
    if translates(catalogue) {
        features.push(Feature {
            name: "locales",
            enables: "[]",
            comment: "The texts of every locale but the default (on by default); without it each answers the default's."
                .to_owned(),
            adds: "the texts of every locale but the default, on by default: without\n  \
                   it (`default-features = false`) every `…_in` method answers the default's\n  \
                   text, `Locale::negotiate` the default, and `Content-Language` says so."
                .to_owned(),
        });
    }
    if values {
        features.push(Feature {
            name: "alloc",
            enables: "[]",
            comment:
                "Errors as values (`values`): each error's params and message; owned text needs an allocator."
                    .to_owned(),
            adds: "errors as values (`values`: each error's params and message),\n  \
                   which own their text (uses `alloc`, no dependency)."
                .to_owned(),
        });
    }
    let with_body = catalogue.http && catalogue.body.is_some();
    features.push(if with_body {
        Feature {
            name: "serde",
            enables: if values {
                r#"["alloc", "dep:serde", "dep:serde_json"]"#
            } else {
                r#"["dep:serde", "dep:serde_json"]"#
            },
            comment: "Parse and write error response bodies, and serde for every error (needs `alloc`)."
                .to_owned(),
            adds: "parse and write error bodies, and read and write every error in\n  \
                   your own serde types (uses `serde`, `serde_json` and `alloc`)."
                .to_owned(),
        }
    } else {
        Feature {
            name: "serde",
            enables: r#"["dep:serde"]"#,
            comment: "Serde for every error: written as its code, read from its code or name.".to_owned(),
            adds: "read and write every error in your own serde types (uses `serde`).".to_owned(),
        }
    });
    if !catalogue.http {
        return features;
    }
    // Only the rows of an HTTP status table convert from a status; every
    // error of an HTTP catalogue converts to one.
    let converts = if status_rows(catalogue) {
        "convert to and from `http::StatusCode`"
    } else {
        "each error's `http::StatusCode`"
    };
    features.push(if with_body {
        Feature {
            name: "http",
            enables: r#"["dep:http", "dep:httpdate"]"#,
            comment: format!("{}; read `Retry-After`.", capitalised(converts)),
            adds: format!("{converts}, and read `Retry-After`\n  (`http` is re-exported)."),
        }
    } else {
        Feature {
            name: "http",
            enables: r#"["dep:http"]"#,
            comment: format!("{}.", capitalised(converts)),
            adds: format!("{converts} (`http` is re-exported)."),
        }
    });
    if with_body {
        features.push(Feature {
            name: "axum",
            enables: r#"["serde", "http", "dep:axum-core"]"#,
            comment: "Answer errors from an axum server: `IntoResponse` for every error.".to_owned(),
            adds: "answer errors from an axum server: `IntoResponse` for every error\n  \
                   (turns on `serde` and `http`; `axum_core` is re-exported)."
                .to_owned(),
        });
        features.push(Feature {
            name: "reqwest",
            enables: r#"["serde", "http", "dep:reqwest"]"#,
            comment: "Read a `reqwest::Response` as an `ApiError` (plain HTTP only: no TLS of its own)."
                .to_owned(),
            adds: "`ApiError::from_reqwest` reads a `reqwest::Response` (turns on\n  \
                   `serde` and `http`; `reqwest` 0.13 without its default features: your own\n  \
                   dependency on it chooses TLS)."
                .to_owned(),
        });
    }
    features
}

/// Whether the catalogue has a table of HTTP statuses, whose rows convert
/// from an `http::StatusCode` as well as to one.
pub(crate) fn status_rows(catalogue: &Catalogue) -> bool {
    catalogue.tables.iter().any(|table| table.kind == TableKind::HttpStatus)
}

/// Whether the catalogue declares locales but the default, whose texts
/// the feature `locales` compiles in: the one feature on by default, and
/// additive (a crate that turns it on gives every other the translations;
/// none loses a `Locale` variant or a method without it).
pub(crate) fn translates(catalogue: &Catalogue) -> bool {
    catalogue.locales.as_ref().is_some_and(|locales| !locales.others.is_empty())
}

/// What the crate has by default, for the manifest and the docs.
pub(crate) fn by_default(catalogue: &Catalogue) -> &'static str {
    if translates(catalogue) {
        "Only `locales` by default: the crate is `no_std` and dependency-free."
    } else {
        "None by default: the crate is `no_std` and dependency-free."
    }
}

/// The manifest's `[features]` section.
pub(crate) fn manifest_section(catalogue: &Catalogue) -> String {
    let mut out = "[features]\n".to_owned();
    if translates(catalogue) {
        out.push_str("default = [\"locales\"]\n");
    }
    for feature in features(catalogue) {
        out.push_str(&format!("# {}\n{} = {}\n", feature.comment, feature.name, feature.enables));
    }
    out
}

/// The crate docs' "Cargo features" part.
pub(crate) fn docs_section(catalogue: &Catalogue) -> String {
    let mut out = "\n# Cargo features\n\n".to_owned();
    for feature in features(catalogue) {
        out.push_str(&format!("- `{}`: {}\n", feature.name, feature.adds));
    }
    out.push_str(if translates(catalogue) {
        "\nOnly `locales` is on by default: the default crate is `no_std`, with no dependencies."
    } else {
        "\nNone is on by default: the default crate is `no_std`, with no dependencies."
    });
    out
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}
