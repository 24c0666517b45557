//! The Rust emitter: the generated crate's `Cargo.toml` and `src/lib.rs`.
//!
//! Code is built with `quote!`, parsed with `syn` and printed with
//! `prettyplease`, so it is well-formed and formatted without rustfmt.
//! What grows with the rows (variants, per-row constant arrays) is
//! written directly as text by errcat-model's `rust_data`, in
//! prettyplease's layout: on a large catalogue the token road cost most
//! of the run.
//! Fixed runtime code, which the generated crate carries verbatim, is
//! ordinary Rust in this crate, docs included, and enters through
//! `splice`, the one way in for code that is not `quote!`.
//! Lookups are table-driven: each variant's discriminant is its code,
//! per-row facts live in static arrays indexed by the row, and a code's
//! row (for `from_code` and every accessor) and a name's row (`from_name`)
//! come from collision-free hash tables built by [`phf`], so compile time
//! and lookup time stay flat as catalogues grow.
//!
//! This is one of [errcat](https://docs.rs/errcat)'s parts, a crate of its
//! own so that it compiles beside errcat's other stages, and the one
//! errcat's repository leaves unoptimised: it makes a fixed amount of code
//! per table, and the rows go through errcat-model's text writers. Use errcat: this crate's API is errcat's
//! internals and follows errcat's releases, with no semver promise of its
//! own.

#![deny(missing_docs)]

mod error_code;
mod errors;
mod examples;
mod features;
mod guide;
mod interop;
mod locales;
pub mod phf;
mod plural;
mod problem;
mod readme;
mod recovery;
mod response;
mod sections;
mod serde_codes;
mod server;
mod splice;
mod status_class;
mod table;
#[cfg(test)]
mod test_catalogue;
mod tokens;
mod values;
mod xml;

use proc_macro2::TokenStream;
use quote::quote;

use splice::{Fixed, Named};

pub use readme::emit_readme;

use errcat_model::Catalogue;
use errcat_model::text::{Markdown, toml_string};

/// How spec text is escaped in everything the generated crate says in
/// Markdown (its docs, deprecation notes and README): rustdoc renders them
/// with smart punctuation, and `'`, `"`, `...` and `--` must stay as written.
pub(crate) const DOCS: Markdown = Markdown::Rustdoc;

/// The generated crate's `Cargo.toml` below its header.
pub fn emit_manifest(catalogue: &Catalogue) -> String {
    let package = &catalogue.package;
    let list = |items: &[String]| items.iter().map(|item| toml_string(item)).collect::<Vec<_>>().join(", ");
    // The spec's optional keys, in Cargo's documented order; absent ones are left out.
    let mut optional = String::new();
    if !package.authors.is_empty() {
        optional.push_str(&format!("authors = [{}]\n", list(&package.authors)));
    }
    for (key, value) in [
        ("license", &package.license),
        ("repository", &package.repository),
        ("homepage", &package.homepage),
        ("documentation", &package.documentation),
    ] {
        if let Some(value) = value {
            optional.push_str(&format!("{key} = {}\n", toml_string(value)));
        }
    }
    if !package.keywords.is_empty() {
        optional.push_str(&format!("keywords = [{}]\n", list(&package.keywords)));
    }
    // A catalogue without HTTP has no responses to parse and no statuses
    // to convert: no dependency but `serde` for the code enums. An HTTP
    // catalogue parses error bodies (and answers with them) only when it
    // declares one.
    let features = features::manifest_section(catalogue);
    let dependencies = match (catalogue.http, catalogue.body.is_some()) {
        (true, true) => {
            "axum-core = { version = \"0.5\", optional = true, default-features = false }\n\
             http = { version = \"1\", optional = true }\n\
             httpdate = { version = \"1\", optional = true }\n\
             reqwest = { version = \"0.13\", optional = true, default-features = false }\n\
             serde = { version = \"1\", optional = true, default-features = false, features = [\"alloc\"] }\n\
             serde_json = { version = \"1\", optional = true, default-features = false, features = [\"alloc\"] }\n"
        }
        (true, false) => {
            "http = { version = \"1\", optional = true }\n\
             serde = { version = \"1\", optional = true, default-features = false }\n\
             \n\
             # The guide's serde example.\n\
             [dev-dependencies]\n\
             serde_json = \"1\"\n"
        }
        (false, _) => {
            "serde = { version = \"1\", optional = true, default-features = false }\n\
             \n\
             # The guide's serde example.\n\
             [dev-dependencies]\n\
             serde_json = \"1\"\n"
        }
    };
    let features = format!(
        "{features}\n\
         # {by_default}\n\
         [dependencies]\n\
         {dependencies}",
        by_default = features::by_default(catalogue),
    );
    format!(
        "[package]\n\
         name = {name}\n\
         version = {version}\n\
         edition = \"2024\"\n\
         rust-version = {rust_version}\n\
         description = {description}\n\
         {optional}\
         readme = \"README.md\"\n\
         categories = [{categories}]\n\
         \n\
         # Doctests, and no unit test: `cargo test` runs them without building\n\
         # the library a second time as a test harness with nothing in it.\n\
         [lib]\n\
         test = false\n\
         \n\
         {features}\
         \n\
         [package.metadata.docs.rs]\n\
         all-features = true\n",
        name = toml_string(&catalogue.crate_name),
        version = toml_string(&catalogue.version),
        rust_version = toml_string(&package.rust_version),
        description = toml_string(&package.description),
        categories = list(&package.categories),
    )
}

/// The generated crate's `src/lib.rs` below its header.
pub fn emit_lib(catalogue: &Catalogue) -> String {
    let mut lib = String::new();
    emit_lib_into(&mut lib, catalogue);
    lib
}

/// [`emit_lib`], appended to `lib` (which holds the header).
pub fn emit_lib_into(lib: &mut String, catalogue: &Catalogue) {
    // Made once: the guide's sample, the items and their wire code each
    // walk them.
    let values = values::values(catalogue);
    let crate_docs = guide::crate_docs(catalogue, &values);
    // Only error bodies allocate, with the `serde` feature, and values,
    // with `alloc` (which `serde` turns on); reading a `Retry-After` date
    // needs `std`, as `http` does.
    let alloc_feature = if values::any_values(catalogue) { quote!("alloc") } else { quote!("serde") };
    let alloc = catalogue.body.is_some().then(|| {
        quote! {
            #[cfg(feature = #alloc_feature)]
            extern crate alloc;
            #[cfg(feature = "http")]
            extern crate std;

            /// The `axum-core` crate, whose `IntoResponse` this crate implements
            /// (feature `axum`).
            #[cfg(feature = "axum")]
            pub use ::axum_core;
        }
    });
    let values_alloc = (catalogue.body.is_none() && values::any_values(catalogue)).then(|| {
        quote! {
            #[cfg(feature = "alloc")]
            extern crate alloc;
        }
    });
    let http = catalogue.http.then(|| {
        quote! {
            /// The `http` crate, as this crate uses it (feature `http`).
            #[cfg(feature = "http")]
            pub use ::http;
        }
    });
    let crate_attrs = quote! {
        #crate_docs
        #![no_std]
        // docs.rs marks what each feature adds.
        #![cfg_attr(docsrs, feature(doc_cfg))]
        #![forbid(unsafe_code)]
        #![deny(missing_docs)]
        // Descriptions are documentation text, shown verbatim: a URL in one
        // is text, not a link, hence `bare_urls` is allowed.
        #![allow(rustdoc::bare_urls)]

        #alloc
        #values_alloc
        #http
    };
    // Each part is parsed and printed on its own, so only one table's
    // tokens and syntax tree are in memory at a time (they take ten times
    // the size of the text). prettyplease lays items out independently,
    // so the text is the same as printing them as one file.
    lib.push_str(&print_part(crate_attrs));
    let (mut hash_names, mut hash_codes, mut compare_ends) = (false, false, false);
    for table in &catalogue.tables {
        let (text, lookups) = table::emit_table(catalogue, table);
        lib.push_str(&text);
        hash_names |= lookups.hash_names(catalogue);
        hash_codes |= lookups.hash_codes(catalogue);
        compare_ends |= lookups.by_ends;
    }
    let before_values = [
        error_code::emit_error_code(catalogue),
        recovery::emit_recovery(catalogue),
        errors::emit_error_types(catalogue),
        // Error responses are HTTP responses, parsed (and answered) when the
        // catalogue declares their body.
        response::emit_response(catalogue),
        problem::emit_problem(catalogue),
    ];
    for tokens in before_values {
        lib.push_str(&print_part(tokens));
    }
    // Values grow with the rows: they come printed, their text spliced in.
    lib.push_str(&values::emit_values(catalogue, &values));
    lib.push_str(&print_part(serde_codes::emit_serde_codes(catalogue)));
    if catalogue.body.is_some() {
        lib.push_str(&print_part(server::emit_server(catalogue)));
    }
    lib.push_str(&values::emit_wire(catalogue, &values));
    let rest = [interop::emit_http_interop(catalogue)];
    for tokens in rest {
        lib.push_str(&print_part(tokens));
    }
    lib.push_str(&locales::emit_locales(catalogue));
    let plural = plural::emit_plural(catalogue);
    if !plural.is_empty() {
        lib.push_str(&print_part(plural));
    }
    for tokens in [
        sections::emit_sections(catalogue),
        emit_reference_module(),
        emit_lookup_module(hash_names, hash_codes, compare_ends),
    ] {
        lib.push_str(&print_part(tokens));
    }
}

/// Prints one part of `lib.rs`, each item kept from rustfmt.
fn print_part(tokens: TokenStream) -> String {
    let mut part = parse_items(tokens);
    part.items.iter_mut().for_each(keep_from_rustfmt);
    prettyplease::unparse(&part)
}

/// Parses emitted tokens. They come from `quote!` over parsed fragments;
/// failing to parse them is a bug in this emitter, not in the user's spec.
fn parse_items(tokens: TokenStream) -> syn::File {
    syn::parse2(tokens).expect("the Rust emitter produced invalid tokens")
}

/// Marks an item `#[rustfmt::skip]`: the crate sits in the user's workspace,
/// and `cargo fmt` must not restyle prettyplease's output, or the committed
/// files would stop matching the spec.
fn keep_from_rustfmt(item: &mut syn::Item) {
    let attrs = match item {
        syn::Item::Enum(item) => &mut item.attrs,
        syn::Item::Impl(item) => &mut item.attrs,
        syn::Item::Mod(item) => &mut item.attrs,
        syn::Item::Struct(item) => &mut item.attrs,
        syn::Item::Const(item) => &mut item.attrs,
        syn::Item::Fn(item) => &mut item.attrs,
        syn::Item::Use(item) => &mut item.attrs,
        _ => return,
    };
    attrs.push(syn::parse_quote!(#[rustfmt::skip]));
}

/// The catalogue as one page: the Markdown reference, so every variant's
/// docs can link to its row (`crate::reference#CODE`). The page is its own
/// file, `src/reference.md` (see errcat's `render`): a doc attribute per
/// line would make the reference most of `lib.rs` and of the generator's
/// time on a large catalogue (BENCHMARKS.md).
fn emit_reference_module() -> TokenStream {
    // The summary line comes first: the page itself opens with its
    // `@generated` comment, which rustdoc would show as an empty summary.
    quote! {
        /// Every table of the catalogue on one page, with an anchor per code.
        ///
        #[doc = include_str!("reference.md")]
        pub mod reference {}
    }
}

/// The hash functions, and the words a string code is compared by
/// (`ends`, `short_word`), copied from the generator's own
/// `phf/lookup.rs`: those some table's lookups use (an unused one would be
/// dead code in the generated crate), and none where every lookup is a
/// `match`.
fn emit_lookup_module(hash_names: bool, hash_codes: bool, compare_ends: bool) -> TokenStream {
    if !hash_names && !hash_codes {
        return TokenStream::new();
    }
    let mut lookup = Fixed::parse(phf::LOOKUP_SOURCE);
    if !compare_ends {
        lookup = lookup.without(Named::Fn("ends"));
    }
    // `ends` is for string codes, which are hashed by `hash_name`.
    if !hash_names {
        lookup = lookup.without(Named::Fn("hash_name")).without(Named::Fn("short_word"));
    }
    if !hash_codes {
        lookup = lookup.without(Named::Fn("hash_code"));
    }
    lookup.into_module("phf")
}
