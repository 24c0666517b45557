//! What several test files share.

use std::path::{Path, PathBuf};

use codegen::Catalogue;

/// The bundled spec and every fixture, loaded and validated.
pub fn catalogues() -> Vec<Catalogue> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut specs = vec![(root.join("../spec/knox-cloud.yaml"), "spec/knox-cloud.yaml".to_owned())];
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(root.join("tests/fixtures"))
        .expect("tests/fixtures exists")
        .map(|entry| entry.expect("readable entry").path())
        .collect();
    fixtures.sort();
    specs.extend(fixtures.into_iter().map(|path| {
        let name = format!("fixtures/{}", path.file_name().expect("a file name").to_string_lossy());
        (path, name)
    }));
    specs
        .into_iter()
        .map(|(path, name)| codegen::load_file(&path, name).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}
