//! The README's xtask is the guide's (this crate's docs, where it is
//! compiled as a doctest): a copy of either is the same program.

use std::fs;
use std::path::Path;

/// The lines of the first code block after `after` in `text`, each with
/// `prefix` removed.
fn block<'a>(text: &'a str, after: &str, fence: &str, prefix: &str) -> Vec<String> {
    let start = text.find(after).unwrap_or_else(|| panic!("`{after}` not found"));
    let unprefixed = |line: &'a str| line.strip_prefix(prefix).or(line.strip_prefix(prefix.trim_end()));
    let lines = text[start..].lines().map(|line| unprefixed(line).unwrap_or(line).trim_end());
    let lines = lines.skip_while(|line| *line != fence).skip(1).take_while(|line| *line != "```");
    lines.map(str::to_owned).collect()
}

#[test]
fn the_readme_xtask_is_the_guides() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = fs::read_to_string(root.join("../README.md")).expect("the README");
    let guide = fs::read_to_string(root.join("src/lib.rs")).expect("the guide");
    let readme = block(&readme, "`xtask/src/main.rs`, the library's own example", "```rust", "");
    let guide = block(&guide, "# Use it from your repository's xtask", "```no_run", "//! ");
    assert!(readme.iter().any(|line| line.contains("errcat::generate(")), "{readme:#?}");
    assert_eq!(readme, guide);
}
