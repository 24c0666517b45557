//! Golden tests of the emitters: each spec under `tests/fixtures/` renders to
//! exactly the files under `tests/golden/<fixture>/`.
//!
//! After an intended change to the output, bless it with
//! `EXPECTORATE=overwrite cargo test -p codegen --test it golden` and review
//! the diff. The golden crates are workspace members, so `cargo test
//! --workspace` and clippy also prove that they compile cleanly.

use crate::fixtures::{root, specs_in};

#[test]
fn emitters_match_golden_files() {
    let specs = specs_in("fixtures");
    assert!(specs.len() >= 3, "the fixtures went missing");
    for spec in specs {
        let stem = spec.file_stem().expect("a file name").to_string_lossy().into_owned();
        let source = format!("fixtures/{stem}.yaml");
        let catalogue = codegen::load_file(&spec, source).unwrap_or_else(|e| panic!("{e}"));
        let golden = root().join("tests/golden").join(&stem);
        for file in codegen::render(&[catalogue]) {
            let path = golden.join(&file.path);
            if std::env::var_os("EXPECTORATE").is_some() {
                // Blessing a new fixture: expectorate writes files, not folders.
                std::fs::create_dir_all(path.parent().expect("a parent")).expect("create golden folder");
            }
            expectorate::assert_contents(path, &file.contents);
        }
    }
}
