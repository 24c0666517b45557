//! Specs written to defeat the generator: `gen` finishes on each, and what
//! it writes reads back.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use errcat_pipeline::{Error, Mode};

/// A spec `shop.yaml` in a fresh directory, with an output folder beside it.
pub(crate) struct Project {
    _dir: tempfile::TempDir,
    pub(crate) spec: PathBuf,
    pub(crate) out: PathBuf,
}

impl Project {
    pub(crate) fn new(yaml: &str) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let spec_dir = dir.path().join("spec");
        fs::create_dir(&spec_dir).unwrap();
        let spec = spec_dir.join("shop.yaml");
        fs::write(&spec, yaml).unwrap();
        let out = dir.path().join("generated");
        Project { _dir: dir, spec, out }
    }

    /// Runs `generate` on the spec's folder, failing the test if it takes
    /// over a minute rather than waiting for a run that never ends.
    pub(crate) fn generate(&self, mode: Mode) -> Result<(), String> {
        let (spec, out) = (self.spec.parent().unwrap().to_owned(), self.out.clone());
        let (send, receive) = mpsc::channel();
        std::thread::spawn(move || {
            let result = errcat_pipeline::generate(&spec, &out, mode).map(drop).map_err(|e| match e {
                Error::Spec(diagnostics) => diagnostics.to_string(),
                other => other.to_string(),
            });
            send.send(result).ok();
        });
        receive.recv_timeout(Duration::from_secs(60)).expect("gen finishes within a minute")
    }

    pub(crate) fn read(&self, path: impl AsRef<Path>) -> String {
        fs::read_to_string(self.out.join(path)).unwrap()
    }
}

/// A one-table spec: `header` lines, then `rows` (YAML list items).
fn one_table(header: &str, rows: &[String]) -> String {
    format!(
        "title: Shop\n{header}crate: shop-errors\nversion: 0.1.0\ntables:\n  - id: t\n    title: T\n    summary: S.\n    rust_enum: ShopError\n    errors:\n{}",
        rows.concat()
    )
}

#[test]
fn string_codes_sharing_length_and_ends_finish() {
    // Two dozen codes, past the `match` limit, that the short hash reads
    // as one: their length and first and last eight bytes are the same;
    // their middle eight bytes tell them apart.
    let rows: Vec<String> = (0..24)
        .map(|i| format!("      - code: abcdefgh_{i:02}_abcdefgh\n        name: Row {i}\n        description: Row {i}.\n"))
        .collect();
    let project = Project::new(&one_table("codes: string\n", &rows));
    project.generate(Mode::Write).unwrap();
    let lib = project.read("shop-errors/src/lib.rs");
    assert!(lib.contains("const CODE_HASH_MIDDLE: bool = true;"), "{lib}");
}

#[test]
fn names_the_short_hash_cannot_tell_apart_finish() {
    // Past the `match` limit, two names with the same first eight bytes,
    // of 16 and 17 bytes, whose last eight differ only in the bit where
    // their lengths do: the short hash mixes the length into the last
    // eight bytes, so it is one for both under every seed, though their
    // lengths and ends differ; with their middle eight bytes it tells
    // them apart.
    let mut rows: Vec<String> = (1..=18)
        .map(|i| format!("      - code: {i}\n        name: Row {i}\n        description: Row {i}.\n"))
        .collect();
    for (code, name, variant) in [(19, "Abcdefghijklmnop", "TwinA"), (20, "Abcdefgh!hjklmnop", "TwinB")] {
        rows.push(format!(
            "      - code: {code}\n        name: \"{name}\"\n        rust_variant: {variant}\n        description: A twin.\n"
        ));
    }
    let project = Project::new(&one_table("", &rows));
    project.generate(Mode::Write).unwrap();
    let lib = project.read("shop-errors/src/lib.rs");
    assert!(lib.contains("const NAME_HASH_MIDDLE: bool = true;"), "{lib}");
    project.generate(Mode::Check).unwrap();
}

#[test]
fn names_the_lock_cannot_write_raw_read_back() {
    // U+FFFE no YAML reader takes, U+2028 between spaces that one folds,
    // and the other characters a line-based file may lose or change.
    let names = [
        "Bad \u{FFFE} input",
        "Bad \u{2028} line",
        "Bad \u{2029} paragraph",
        "\u{FEFF}Bad mark",
        "Bad \u{85} next line",
        "Bad \"quoted\" \\ name",
        "Bad \u{1FFFE} plane",
    ];
    let rows: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let name = errcat_model::text::yaml_double_quoted(name);
            format!("      - code: {}\n        name: {name}\n        rust_variant: Row{i}\n        description: D.\n", i + 1)
        })
        .collect();
    let project = Project::new(&one_table("", &rows));
    project.generate(Mode::Write).unwrap();
    let lock = fs::read_to_string(project.spec.with_extension("lock")).unwrap();
    assert!(!lock.contains(['\u{FFFE}', '\u{2028}', '\u{2029}', '\u{FEFF}', '\u{85}']), "{lock}");
    // The next runs read every name back as written: nothing renamed.
    project.generate(Mode::Write).unwrap();
    project.generate(Mode::Check).unwrap();
}

/// A spec of `n` recoveries and `rows` rows, row `i` naming `named(i)`.
fn recoveries_spec(n: usize, rows: usize, named: impl Fn(usize) -> String) -> String {
    let mut yaml = String::from("title: Shop\ncrate: shop-errors\nversion: 0.1.0\nrecoveries:\n");
    for i in 0..n {
        yaml.push_str(&format!("  - {{id: recovery_{i:06}, description: Do {i}.}}\n"));
    }
    yaml.push_str(
        "tables:\n  - id: t\n    title: T\n    summary: S.\n    rust_enum: ShopError\n    errors:\n",
    );
    for i in 0..rows {
        yaml.push_str(&format!(
            "      - {{code: {}, name: Row {i}, description: D., recovery: {}}}\n",
            i + 1,
            named(i)
        ));
    }
    yaml
}

#[test]
fn many_undeclared_recoveries_are_reported_in_linear_time() {
    // Each message compared every id with every other (and listed them
    // all): hours for this spec.
    let n = 5000;
    let project = Project::new(&recoveries_spec(n, n, |i| format!("recovery_{i:06}_x")));
    let error = project.generate(Mode::Check).unwrap_err();
    // The first fifty are shown.
    assert_eq!(error.matches("is not one of the catalogue's `recoveries`").count(), 50);
    assert!(error.contains("and 4950 more errors"), "{}", &error[error.len() - 200..]);
    assert!(error.contains("did you mean one of `recovery_000000`, `recovery_000001`"), "{}", &error[..2000]);
    assert!(error.contains("name one of the 5000 ids under `recoveries:`"), "{}", &error[..2000]);
    assert!(error.len() < n * 1000, "each message is short: {} bytes", error.len());
}

#[test]
fn a_lock_of_many_recoveries_is_read_in_linear_time() {
    // Each `recovery:` line was compared with every line before it: at
    // 200,000 lines, 2·10¹⁰ comparisons, minutes where a linear reader
    // takes a fraction of a second (the test harness names a test that
    // runs over a minute). No timing is asserted: on a shared machine a
    // ratio of two timings failed with nothing wrong.
    let n = 200_000;
    let lines: String = (0..n).map(|i| format!("recovery: recovery_{i:06}\n")).collect();
    let parsed =
        errcat_pipeline::compat::lock::parse(Path::new("shop.lock"), &format!("version 0.1.0\n{lines}"))
            .expect("a lock");
    assert_eq!(parsed.recoveries.len(), n);
    assert_eq!(parsed.recoveries.last().map(String::as_str), Some("recovery_199999"));
}

#[test]
fn crate_names_cargo_reads_as_one_are_refused_naming_both_files() {
    let row = ["      - code: 1\n        name: Row\n        description: D.\n".to_owned()];
    let project = Project::new(&one_table("", &row).replace("crate: shop-errors", "crate: h3-ws"));
    let other = project.spec.with_file_name("other.yaml");
    fs::write(&other, one_table("", &row).replace("crate: shop-errors", "crate: h3_ws")).unwrap();
    let error = project.generate(Mode::Check).unwrap_err();
    assert!(
        error.contains(&format!(
            "crate `h3-ws` is crate `h3_ws` of {} under another spelling: both are the library `h3_ws`",
            other.display()
        )),
        "{error}"
    );
    assert!(error.contains("shop.yaml:"), "{error}");
}

#[test]
fn invisible_characters_in_a_lock_are_named() {
    let row = ["      - code: 1\n        name: Row\n        description: D.\n".to_owned()];
    let project = Project::new(&one_table("", &row));
    project.generate(Mode::Write).unwrap();
    let lock_path = project.spec.with_extension("lock");
    let lock = fs::read_to_string(&lock_path).unwrap();
    fs::write(&lock_path, format!("\u{FEFF}{lock}")).unwrap();
    let error = project.generate(Mode::Write).unwrap_err();
    assert!(error.contains("the lock starts with an invisible byte-order mark (U+FEFF)"), "{error}");
    assert!(!error.contains("is not a code"), "{error}");
    // One elsewhere is named, not shown as nothing.
    fs::write(&lock_path, lock.replace("\n1 t ", "\n\u{FEFF}1 t ")).unwrap();
    let error = project.generate(Mode::Check).unwrap_err();
    assert!(error.contains("`\\u{feff}1` is not a code"), "{error}");
}
