//! The generated package's metadata (`package:` in the spec): checked
//! here as crates.io and Cargo would check it, so that the generated
//! crate publishes without a warning.

use super::text_rules::refused_characters;
use crate::source::SpecPath;
use crate::spec::SpecPackage;

/// The oldest Rust the generated code builds with: edition 2024.
pub const MIN_RUST_VERSION: (u64, u64) = (1, 85);

/// The generated `Cargo.toml`'s `[package]` metadata, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    /// The crate's one-line description.
    pub description: String,
    /// An SPDX license expression.
    pub license: Option<String>,
    /// `http(s)` URLs.
    pub repository: Option<String>,
    /// The project's home page.
    pub homepage: Option<String>,
    /// Where the crate's documentation lives.
    pub documentation: Option<String>,
    /// Search keywords, at most five.
    pub keywords: Vec<String>,
    /// crates.io category slugs: `no-std`, `no-std::no-alloc`, then the spec's.
    pub categories: Vec<String>,
    /// The oldest Rust the crate supports, e.g. `1.88`.
    pub rust_version: String,
    /// The authors.
    pub authors: Vec<String>,
}

/// The categories every generated crate belongs to: it is `no_std` and
/// needs no allocator unless a feature asks for one.
const ALWAYS: [&str; 2] = ["no-std", "no-std::no-alloc"];

/// crates.io's limits on keywords and categories.
const MAX_KEYWORDS: usize = 5;

/// The license check crates.io runs on `cargo publish`: deprecated
/// identifiers (`GPL-2.0`), `+` after a GPL and `/` for `OR` pass, unknown
/// identifiers and imprecise names (`Apache 2.0`) do not.
const REGISTRY_LICENSES: spdx::ParseMode = spdx::ParseMode {
    allow_slash_as_or_operator: true,
    allow_imprecise_license_names: false,
    allow_postfix_plus_on_gpl: true,
    allow_deprecated: true,
    allow_unknown: false,
};
const MAX_KEYWORD_LEN: usize = 20;
const MAX_CATEGORIES: usize = 5;

/// A problem found in `package:`: where, what, and how to fix it.
pub(super) type Problem = (SpecPath, String, String);

/// Checks `package:` (absent: every default) and builds the metadata;
/// `title` gives the default description.
pub(super) fn check_package(spec: Option<&SpecPackage>, title: &str) -> (Package, Vec<Problem>) {
    let default = SpecPackage::default();
    let spec = spec.unwrap_or(&default);
    let at = SpecPath::root().field("package");
    let mut problems = Vec::new();
    let mut push = |at: SpecPath, message: String, help: &str| problems.push((at, message, help.to_owned()));

    if let Some(description) = &spec.description {
        if description.trim().is_empty() {
            push(
                at.field("description"),
                "`package.description` is blank".to_owned(),
                "say in one sentence what the crate holds, or remove the key for the default",
            );
        }
        for (what, help) in refused_characters("description", description) {
            push(at.field("description"), format!("`package.description` {what}"), help);
        }
    }
    if let Some(license) = &spec.license
        && let Err(error) = spdx::Expression::parse_mode(license, REGISTRY_LICENSES)
    {
        push(
            at.field("license"),
            format!("`license: {license}` is not an SPDX license expression: {}", error.reason),
            "write SPDX identifiers joined by `OR`, `AND` or `WITH`, e.g. `MIT OR Apache-2.0`",
        );
    }
    for key in ["repository", "homepage", "documentation"] {
        let value = match key {
            "repository" => &spec.repository,
            "homepage" => &spec.homepage,
            _ => &spec.documentation,
        };
        if let Some(url) = value
            && !is_http_url(url)
        {
            push(
                at.field(key),
                format!("`{key}: {url}` is not an http(s) URL"),
                "write the whole address, starting with `https://`, without spaces",
            );
        }
    }
    if spec.keywords.len() > MAX_KEYWORDS {
        push(
            at.field("keywords"),
            format!("{} keywords: crates.io takes at most {MAX_KEYWORDS}", spec.keywords.len()),
            "keep the five that users search for",
        );
    }
    for (i, keyword) in spec.keywords.iter().enumerate() {
        if !is_keyword(keyword) {
            push(
                at.field("keywords").index(i),
                format!("keyword `{keyword}` is not one crates.io accepts"),
                "use at most 20 ASCII letters, digits, `_`, `-` or `+`, starting with a letter or digit",
            );
        }
    }
    let categories = check_categories(&mut problems, &at, spec);
    let rust_version = check_rust_version(&mut problems, &at, spec);
    for (i, author) in spec.authors.iter().enumerate() {
        if author.trim().is_empty() || author.chars().any(char::is_control) {
            problems.push((
                at.field("authors").index(i),
                "an author is blank or spans lines".to_owned(),
                "write one name per entry, e.g. `Jane Doe <jane@example.com>`".to_owned(),
            ));
        }
    }

    let package = Package {
        description: spec.description.clone().unwrap_or_else(|| format!("Typed error codes of {title}.")),
        license: spec.license.clone(),
        repository: spec.repository.clone(),
        homepage: spec.homepage.clone(),
        documentation: spec.documentation.clone(),
        keywords: spec.keywords.clone(),
        categories,
        rust_version,
        authors: spec.authors.clone(),
    };
    (package, problems)
}

/// The spec's crates.io categories, each a known slug listed once, after
/// the ones every generated crate has.
fn check_categories(problems: &mut Vec<Problem>, at: &SpecPath, spec: &SpecPackage) -> Vec<String> {
    let mut push = |at: SpecPath, message: String, help: &str| problems.push((at, message, help.to_owned()));
    let mut categories: Vec<String> = ALWAYS.map(str::to_owned).to_vec();
    for (i, category) in spec.categories.iter().enumerate() {
        if ALWAYS.contains(&category.as_str()) {
            push(
                at.field("categories").index(i),
                format!("category `{category}` is always listed"),
                "remove it: every generated crate is in `no-std` and `no-std::no-alloc`",
            );
        } else if !CATEGORIES.contains(&category.as_str()) {
            let help = match CATEGORIES.iter().find(|known| strsim::jaro_winkler(known, category) > 0.85) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "use a slug of crates.io's category list, e.g. `api-bindings`".to_owned(),
            };
            push(at.field("categories").index(i), format!("`{category}` is not a crates.io category"), &help);
        } else if categories.contains(category) {
            push(
                at.field("categories").index(i),
                format!("category `{category}` is listed twice"),
                "list it once",
            );
        } else {
            categories.push(category.clone());
        }
    }
    if ALWAYS.len() + spec.categories.len() > MAX_CATEGORIES {
        push(
            at.field("categories"),
            format!(
                "{} categories: with `no-std` and `no-std::no-alloc`, crates.io takes at most {MAX_CATEGORIES}",
                spec.categories.len()
            ),
            "keep at most three",
        );
    }
    categories
}

/// `rust-version`: a Rust version no older than the generated code needs.
fn check_rust_version(problems: &mut Vec<Problem>, at: &SpecPath, spec: &SpecPackage) -> String {
    let mut push = |at: SpecPath, message: String, help: &str| problems.push((at, message, help.to_owned()));
    match &spec.rust_version {
        None => format!("{}.{}", MIN_RUST_VERSION.0, MIN_RUST_VERSION.1),
        Some(version) => {
            match parse_rust_version(version) {
                None => push(
                    at.field("rust-version"),
                    format!("`rust-version: {version}` is not a Rust version"),
                    "write MAJOR.MINOR or MAJOR.MINOR.PATCH in numbers without leading zeros, quoted, as Cargo reads it, e.g. `rust-version: \"1.88\"`",
                ),
                Some(parsed) if parsed < MIN_RUST_VERSION => push(
                    at.field("rust-version"),
                    format!("`rust-version: {version}` is older than the generated code needs"),
                    "the generated crate uses edition 2024: write `1.85` or later",
                ),
                Some(_) => {}
            }
            version.clone()
        }
    }
}

/// `MAJOR.MINOR` or `MAJOR.MINOR.PATCH`, as Cargo reads `rust-version`:
/// each a number in digits with no leading zero, that fits in 64 bits.
fn parse_rust_version(version: &str) -> Option<(u64, u64)> {
    let parts: Vec<&str> = version.split('.').collect();
    if !(2..=3).contains(&parts.len())
        || parts.iter().any(|p| {
            p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || (p.len() > 1 && p.starts_with('0'))
        })
    {
        return None;
    }
    let numbers = parts.iter().map(|p| p.parse::<u64>().ok()).collect::<Option<Vec<u64>>>()?;
    Some((numbers[0], numbers[1]))
}

/// crates.io's keyword rule.
fn is_keyword(keyword: &str) -> bool {
    keyword.len() <= MAX_KEYWORD_LEN
        && keyword.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && keyword.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
}

/// An `http(s)` URL's shape: the scheme, a host of URL characters, and no
/// space or control character anywhere. (Not fetched: it may not exist yet.)
fn is_http_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")) else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']' | '@' | '_'))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'))
}

/// crates.io's category slugs (from its `categories.toml`). A slug added
/// there since is refused here until it is added to this list.
const CATEGORIES: &[&str] = &[
    "accessibility",
    "aerospace",
    "aerospace::drones",
    "aerospace::protocols",
    "aerospace::simulation",
    "aerospace::space-protocols",
    "aerospace::unmanned-aerial-vehicles",
    "algorithms",
    "api-bindings",
    "asynchronous",
    "authentication",
    "caching",
    "command-line-interface",
    "command-line-utilities",
    "compilers",
    "compression",
    "computer-vision",
    "concurrency",
    "config",
    "cryptography",
    "cryptography::cryptocurrencies",
    "data-structures",
    "database",
    "database-implementations",
    "date-and-time",
    "development-tools",
    "development-tools::build-utils",
    "development-tools::cargo-plugins",
    "development-tools::debugging",
    "development-tools::ffi",
    "development-tools::procedural-macro-helpers",
    "development-tools::profiling",
    "development-tools::testing",
    "email",
    "embedded",
    "emulators",
    "encoding",
    "external-ffi-bindings",
    "filesystem",
    "finance",
    "game-development",
    "game-engines",
    "games",
    "graphics",
    "gui",
    "hardware-support",
    "internationalization",
    "localization",
    "mathematics",
    "memory-management",
    "multimedia",
    "multimedia::audio",
    "multimedia::encoding",
    "multimedia::images",
    "multimedia::video",
    "network-programming",
    "no-std",
    "no-std::no-alloc",
    "os",
    "os::android-apis",
    "os::freebsd-apis",
    "os::linux-apis",
    "os::macos-apis",
    "os::unix-apis",
    "os::windows-apis",
    "parser-implementations",
    "parsing",
    "rendering",
    "rendering::data-formats",
    "rendering::engine",
    "rendering::graphics-api",
    "rust-patterns",
    "science",
    "science::bioinformatics",
    "science::geo",
    "science::neuroscience",
    "science::robotics",
    "simulation",
    "template-engine",
    "text-editors",
    "text-processing",
    "value-formatting",
    "virtualization",
    "visualization",
    "wasm",
    "web-programming",
    "web-programming::http-client",
    "web-programming::http-server",
    "web-programming::websocket",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(yaml: &str) -> Vec<String> {
        let spec: SpecPackage = serde_yaml::from_str(yaml).expect("a package mapping");
        check_package(Some(&spec), "T")
            .1
            .into_iter()
            .map(|(at, message, _)| format!("{at}: {message}"))
            .collect()
    }

    #[test]
    fn cargo_s_own_values_pass() {
        let yaml = "license: MIT OR Apache-2.0\nrepository: https://example.com/a/b\nkeywords: [errors, c++, api_v2]\n\
                    categories: [api-bindings, web-programming::http-client]\nrust-version: \"1.88\"\nauthors: [A <a@b.c>]\n";
        assert_eq!(problems(yaml), Vec::<String>::new());
        // What crates.io accepts: deprecated identifiers and exceptions, `+`, `/`.
        for license in ["GPL-2.0 WITH Linux-syscall-note", "GPL-2.0+", "MIT/Apache-2.0", "LGPL-2.1-or-later"]
        {
            assert_eq!(problems(&format!("license: {license}\n")), Vec::<String>::new(), "{license}");
        }
        // What it refuses: unknown identifiers, imprecise names, a bare operator.
        for license in ["Apache 2.0", "MIT OR Nonsense-1", "GPL-2.0 WITH Nonsense-exception", "MIT OR"] {
            let found = problems(&format!("license: {license}\n"));
            assert!(found.len() == 1 && found[0].starts_with("package.license"), "{license}: {found:?}");
        }
        let (package, _) = check_package(None, "Title");
        assert_eq!(package.rust_version, "1.85");
        assert_eq!(package.description, "Typed error codes of Title.");
        assert_eq!(package.categories, ["no-std", "no-std::no-alloc"]);
    }

    #[test]
    fn each_bad_value_is_named() {
        let found = problems(
            "license: MIT OR Nonsense-1\nhomepage: ftp://x\ndocumentation: \"https://a b\"\n\
             keywords: [a, b, c, d, e, f, -x, this-is-a-very-long-keyword]\n\
             categories: [no-std, api-binding, api-bindings, api-bindings]\nrust-version: \"1.84\"\nauthors: [\" \"]\n",
        );
        let expected = [
            "package.license",
            "package.homepage",
            "package.documentation",
            "package.keywords: 8 keywords",
            "package.keywords[6]",
            "package.keywords[7]",
            "package.categories[0]: category `no-std` is always listed",
            "package.categories[1]: `api-binding` is not a crates.io category",
            "package.categories[3]: category `api-bindings` is listed twice",
            "package.categories: 4 categories",
            "package.rust-version: `rust-version: 1.84` is older",
            "package.authors[0]",
        ];
        assert_eq!(found.len(), expected.len(), "{found:#?}");
        for (found, expected) in found.iter().zip(expected) {
            assert!(found.starts_with(expected), "{found} / {expected}");
        }
    }

    #[test]
    fn rust_versions_are_major_minor_and_optional_patch() {
        assert_eq!(parse_rust_version("1.88"), Some((1, 88)));
        assert_eq!(parse_rust_version("1.88.1"), Some((1, 88)));
        assert_eq!(parse_rust_version("1.100.0"), Some((1, 100)));
        let too_large = "1.88.18446744073709551616";
        for bad in ["1", "1.88.0.1", "1.x", "v1.88", "1..2", "", "01.085", "1.085", "1.88.00", too_large] {
            assert_eq!(parse_rust_version(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_category_list_is_sorted_and_unique() {
        assert!(CATEGORIES.windows(2).all(|w| w[0] < w[1]));
        assert!(ALWAYS.iter().all(|c| CATEGORIES.contains(c)));
    }
}
