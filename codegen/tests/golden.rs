//! Golden tests of the emitters: each spec under `tests/fixtures/` renders to
//! exactly the files under `tests/golden/<fixture>/`.
//!
//! After an intended change to the output, bless it with
//! `EXPECTORATE=overwrite cargo test -p codegen --test golden` and review
//! the diff. The golden crates are workspace members, so `cargo test
//! --workspace` and clippy also prove that they compile cleanly.

use std::path::{Path, PathBuf};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut specs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures exists")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    specs.sort();
    specs
}

#[test]
fn emitters_match_golden_files() {
    let specs = fixtures();
    assert!(specs.len() >= 3, "the fixtures went missing");
    for spec in specs {
        let stem = spec.file_stem().expect("a file name").to_string_lossy().into_owned();
        let source = format!("fixtures/{stem}.yaml");
        let catalogue = codegen::load_file(&spec, source).unwrap_or_else(|e| panic!("{e}"));
        let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(&stem);
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
