//! The specs the tests read: the bundled one, the fixtures of the golden
//! tests, and the invalid specs of the diagnostics tests.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use errcat_model::Catalogue;

/// The errcat-pipeline package's folder.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `*.yaml` files of `tests/<dir>`, sorted.
pub fn specs_in(dir: &str) -> Vec<PathBuf> {
    let dir = root().join("tests").join(dir);
    let mut specs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    // A translation file (`localized.de.yaml` beside `localized.yaml`) is no spec.
    let all = specs.clone();
    specs.retain(|path| {
        let name = path.file_name().expect("a file name").to_string_lossy();
        let stem = name.strip_suffix(".yaml").and_then(|rest| rest.rsplit_once('.')).map(|(stem, _)| stem);
        !stem.is_some_and(|stem| all.contains(&path.with_file_name(format!("{stem}.yaml"))))
    });
    specs.sort();
    specs
}

/// The bundled spec and every fixture, loaded and validated (once per
/// test binary: each test gets its own copy).
pub fn catalogues() -> Vec<Catalogue> {
    static CATALOGUES: OnceLock<Vec<Catalogue>> = OnceLock::new();
    CATALOGUES.get_or_init(load_catalogues).clone()
}

fn load_catalogues() -> Vec<Catalogue> {
    let mut specs = vec![(root().join("../spec/knox-cloud.yaml"), "spec/knox-cloud.yaml".to_owned())];
    specs.extend(specs_in("fixtures").into_iter().map(|path| {
        let name = format!("fixtures/{}", path.file_name().expect("a file name").to_string_lossy());
        (path, name)
    }));
    specs
        .into_iter()
        .map(|(path, name)| crate::load_file(&path, name).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}
