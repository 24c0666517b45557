//! Tidy: no hand-written Rust file over 600 lines, no function over 120.
//!
//! In the spirit of rust-lang/rust's `src/tools/tidy`: every offender is
//! named at once, with its size.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The most lines a hand-written source file may have.
const MAX_FILE_LINES: usize = 600;
/// The most lines a function may have, from `fn` to its closing brace.
const MAX_FN_LINES: usize = 120;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("pipeline/ sits in the workspace")
}

#[test]
fn no_file_is_too_long() {
    let mut long: Vec<(usize, String)> = sources()
        .into_iter()
        .map(|(path, text)| (text.lines().count(), path))
        .filter(|&(lines, _)| lines > MAX_FILE_LINES)
        .collect();
    long.sort_by(|a, b| b.cmp(a));
    let listed: Vec<String> = long.iter().map(|(lines, path)| format!("  {path}: {lines} lines")).collect();
    assert!(
        listed.is_empty(),
        "{} hand-written Rust files are over {MAX_FILE_LINES} lines; split each by concern:\n{}",
        listed.len(),
        listed.join("\n")
    );
}

#[test]
fn no_function_is_too_long() {
    let mut long = Vec::new();
    for (path, text) in sources() {
        let file = syn::parse_file(&text).unwrap_or_else(|e| {
            let at = e.span().start();
            panic!("{path}:{}:{}: not Rust that syn reads: {e}", at.line, at.column + 1)
        });
        functions(&file.items, &mut |name, first, last| {
            let lines = last - first + 1;
            if lines > MAX_FN_LINES {
                long.push((lines, format!("{path}:{first}: `{name}`")));
            }
        });
    }
    long.sort_by(|a, b| b.cmp(a));
    let listed: Vec<String> = long.iter().map(|(lines, at)| format!("  {at}: {lines} lines")).collect();
    assert!(
        listed.is_empty(),
        "{} functions are over {MAX_FN_LINES} lines; give their parts names of their own:\n{}",
        listed.len(),
        listed.join("\n")
    );
}

/// The checks read real line numbers: if spans lost them, every function
/// would measure one line and the check above would pass whatever the code.
#[test]
fn functions_are_measured_in_lines() {
    let text = "mod m {\n    fn f() {\n        let _ = 1;\n    }\n}\nimpl S {\n    fn g(&self) {}\n}\n";
    let file = syn::parse_file(text).expect("the sample is Rust");
    let mut seen = Vec::new();
    functions(&file.items, &mut |name, first, last| seen.push((name.to_owned(), first, last)));
    assert_eq!(seen, [("f".to_owned(), 2, 4), ("g".to_owned(), 7, 7)]);
}

/// Calls `each` with the name, first and last line of every function with
/// a body among `items`, inside modules, impls and traits. A function
/// nested in another's body is part of the outer one's length; one
/// written inside a macro's input (`quote!`, `macro_rules!`) is not seen.
fn functions(items: &[syn::Item], each: &mut dyn FnMut(&str, usize, usize)) {
    let measure = |each: &mut dyn FnMut(&str, usize, usize), sig: &syn::Signature, block: &syn::Block| {
        each(
            &sig.ident.to_string(),
            sig.fn_token.span.start().line,
            block.brace_token.span.close().end().line,
        );
    };
    for item in items {
        match item {
            syn::Item::Fn(f) => measure(each, &f.sig, &f.block),
            syn::Item::Impl(block) => {
                for item in &block.items {
                    if let syn::ImplItem::Fn(f) = item {
                        measure(each, &f.sig, &f.block);
                    }
                }
            }
            syn::Item::Trait(block) => {
                for item in &block.items {
                    if let syn::TraitItem::Fn(syn::TraitItemFn { sig, default: Some(body), .. }) = item {
                        measure(each, sig, body);
                    }
                }
            }
            syn::Item::Mod(syn::ItemMod { content: Some((_, items)), .. }) => functions(items, each),
            _ => {}
        }
    }
}

/// Every hand-written Rust file, by its path from the repository's root
/// (with `/`), and its text. Output (`generated/`, the goldens, a file a
/// script writes, whose first line says `@generated`), fixtures and build
/// products are not hand-written.
fn sources() -> Vec<(String, String)> {
    let paths = tracked().unwrap_or_else(|| {
        let mut found = Vec::new();
        walk(root(), &mut found);
        found
    });
    let mut sources: Vec<(String, String)> = paths
        .into_iter()
        .filter(|path| path.ends_with(".rs") && is_hand_written(path))
        .map(|path| {
            let text = std::fs::read_to_string(root().join(&path))
                .unwrap_or_else(|e| panic!("{path}: cannot be read: {e}"));
            (path, text)
        })
        .filter(|(_, text)| !text.lines().next().is_some_and(|first| first.starts_with("// @generated")))
        .collect();
    sources.sort();
    assert!(sources.len() > 50, "found only {} Rust files under {}", sources.len(), root().display());
    sources
}

fn is_hand_written(path: &str) -> bool {
    !(path.starts_with("generated/")
        || path.starts_with("pipeline/tests/golden/")
        || path.split('/').any(|part| part == "target" || part == "fixtures"))
}

/// The files git tracks, or `None` outside a git checkout (a packaged
/// source tree), where the walk below stands in.
fn tracked() -> Option<Vec<String>> {
    let output =
        Command::new("git").args(["ls-files", "-z", "--", "*.rs"]).current_dir(root()).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let listed = String::from_utf8(output.stdout).expect("tracked paths are UTF-8");
    Some(listed.split('\0').filter(|path| !path.is_empty()).map(str::to_owned).collect())
}

/// Every file under `dir`, but hidden folders (`.git`) and build products.
fn walk(dir: &Path, found: &mut Vec<String>) {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: cannot be listed: {e}", dir.display()));
    for entry in entries {
        let entry = entry.expect("a directory entry");
        let path: PathBuf = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') || name == "target" {
            continue;
        }
        if entry.file_type().expect("a file type").is_dir() {
            walk(&path, found);
        } else {
            let relative = path.strip_prefix(root()).expect("under the root");
            let parts: Vec<String> =
                relative.components().map(|part| part.as_os_str().to_string_lossy().into_owned()).collect();
            found.push(parts.join("/"));
        }
    }
}
