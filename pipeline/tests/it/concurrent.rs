//! Runs that share an `--out` take turns: two `generate` calls with
//! different specs into one folder, at the same time, leave the files of
//! one of them, never some of each.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use errcat_pipeline::Mode;

/// Every file below `dir`, by its path relative to `dir`.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap().to_path_buf();
                found.insert(relative, fs::read(&path).unwrap());
            }
        }
    }
    found
}

/// The bundled spec in `root/<name>/`, with `edit` applied to its text.
fn spec(root: &Path, name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/knox-cloud.yaml");
    let dir = root.join(name);
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("knox-cloud.yaml"), edit(fs::read_to_string(bundled).unwrap())).unwrap();
    dir
}

#[test]
fn two_runs_into_one_out_leave_the_files_of_one() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let a = spec(root, "a", |text| text);
    let b = spec(root, "b", |text| text.replace("Resource not found.", "Nowhere.").replace("Knox", "Fort"));
    let solo = |spec: &Path, name: &str| {
        errcat_pipeline::generate(spec, &root.join(name), Mode::Write).unwrap();
        files(&root.join(name))
    };
    let (only_a, only_b) = (solo(&a, "solo-a"), solo(&b, "solo-b"));
    assert_ne!(only_a, only_b);

    let out = root.join("out");
    // Without the lock, a round mixed the files one time in three or so.
    for round in 0..12 {
        let (ran_a, ran_b) = std::thread::scope(|scope| {
            let run_a = scope.spawn(|| errcat_pipeline::generate(&a, &out, Mode::Write));
            let run_b = scope.spawn(|| errcat_pipeline::generate(&b, &out, Mode::Write));
            (run_a.join().unwrap(), run_b.join().unwrap())
        });
        ran_a.unwrap();
        ran_b.unwrap();
        let left = files(&out);
        let which = if left == only_a { "a" } else { "b" };
        assert!(left == only_a || left == only_b, "round {round}: the files of both runs: {:?}", {
            let other = if which == "a" { &only_b } else { &only_a };
            left.iter()
                .filter(|(path, bytes)| other.get(*path) == Some(bytes))
                .map(|(p, _)| p)
                .collect::<Vec<_>>()
        });
    }
}

#[test]
fn a_lock_file_left_by_a_killed_run_is_neither_reported_nor_kept() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let spec = spec(root, "spec", |text| text);
    let out = root.join("out");
    errcat_pipeline::generate(&spec, &out, Mode::Write).unwrap();
    assert!(!out.join(errcat_pipeline::write::LOCK_FILE).exists(), "a run leaves no lock file");

    // What a killed run leaves: the file, held by no one.
    fs::write(out.join(errcat_pipeline::write::LOCK_FILE), "4242\n").unwrap();
    let check = errcat_pipeline::generate(&spec, &out, Mode::Check).unwrap();
    assert!(check.iter().all(|report| !report.outcome.is_stale()), "{check:?}");
    assert!(check.iter().all(|report| !report.path.ends_with(errcat_pipeline::write::LOCK_FILE)));
    errcat_pipeline::generate(&spec, &out, Mode::Write).unwrap();
    if cfg!(unix) {
        assert!(!out.join(errcat_pipeline::write::LOCK_FILE).exists());
    }
}
