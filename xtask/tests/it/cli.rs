//! `cargo xtask gen` as a user runs it: exit codes, messages, and which
//! files it touches.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask")).args(args).output().expect("xtask runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A copy of the bundled spec in a fresh directory, and an output path.
fn workspace() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = dir.path().join("spec");
    fs::create_dir(&spec).unwrap();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/knox-cloud.yaml");
    fs::copy(bundled, spec.join("knox-cloud.yaml")).unwrap();
    let out = dir.path().join("generated");
    (dir, spec, out)
}

fn run_gen(spec: &Path, out: &Path, check: bool) -> Output {
    let mut args = vec!["gen", "--spec", spec.to_str().unwrap(), "--out", out.to_str().unwrap()];
    if check {
        args.push("--check");
    }
    xtask(&args)
}

#[test]
fn gen_writes_then_leaves_current_files_alone() {
    let (_dir, spec, out) = workspace();
    let first = run_gen(&spec, &out, false);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    assert!(text(&first.stdout).contains("written"));
    let lib = out.join("knox-cloud-errors/src/lib.rs");
    let before = fs::metadata(&lib).unwrap().modified().unwrap();

    let second = run_gen(&spec, &out, false);
    assert_eq!(second.status.code(), Some(0));
    let stdout = text(&second.stdout);
    assert!(!stdout.contains("written"), "{stdout}");
    // The crate's Cargo.toml, README.md, src/lib.rs and src/reference.md,
    // two OpenAPI documents, the docs and the spec's lock.
    assert_eq!(stdout.matches("unchanged").count(), 8, "{stdout}");
    assert!(stdout.contains("knox-cloud.lock"), "{stdout}");
    assert_eq!(fs::metadata(&lib).unwrap().modified().unwrap(), before, "file time kept");

    let check = run_gen(&spec, &out, true);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
}

#[test]
fn check_names_the_stale_file_and_gen_updates_only_it() {
    let (_dir, spec, out) = workspace();
    assert_eq!(run_gen(&spec, &out, false).status.code(), Some(0));
    let file = spec.join("knox-cloud.yaml");
    let edited =
        fs::read_to_string(&file).unwrap().replace("Resource not found.", "Resource not found at all.");
    fs::write(&file, edited).unwrap();
    let manifest = out.join("knox-cloud-errors/Cargo.toml");
    let manifest_time = fs::metadata(&manifest).unwrap().modified().unwrap();
    let lib = out.join("knox-cloud-errors/src/lib.rs");
    let lib_before = fs::read(&lib).unwrap();

    let check = run_gen(&spec, &out, true);
    assert_eq!(check.status.code(), Some(1));
    let stdout = text(&check.stdout);
    assert!(stdout.contains("stale") && stdout.contains("src/lib.rs"), "{stdout}");
    assert!(
        stdout.contains("+") && stdout.contains("Resource not found at all."),
        "a diff is shown: {stdout}"
    );
    assert!(text(&check.stderr).contains("run `cargo xtask gen`"));
    assert_eq!(fs::read(&lib).unwrap(), lib_before, "--check writes nothing");

    let regen = run_gen(&spec, &out, false);
    assert_eq!(regen.status.code(), Some(0));
    let stdout = text(&regen.stdout);
    assert!(stdout.contains("written    ") && stdout.contains("unchanged  "), "{stdout}");
    assert_eq!(fs::metadata(&manifest).unwrap().modified().unwrap(), manifest_time);
    // One edit of the spec reaches the crate, both OpenAPI documents and the reference.
    for file in [
        "knox-cloud-errors/src/lib.rs",
        "openapi/knox-cloud-errors.openapi.yaml",
        "openapi/knox-cloud-errors.openapi-3.0.yaml",
        "knox-cloud-errors/src/reference.md",
    ] {
        assert!(stdout.lines().any(|l| l.starts_with("written") && l.ends_with(file)), "{file}: {stdout}");
        assert!(fs::read_to_string(out.join(file)).unwrap().contains("Resource not found at all."), "{file}");
    }
}

#[test]
fn check_reports_missing_files() {
    let (_dir, spec, out) = workspace();
    let check = run_gen(&spec, &out, true);
    assert_eq!(check.status.code(), Some(1));
    assert!(text(&check.stdout).contains("missing"));
    assert!(!out.exists(), "--check creates nothing");
}

#[test]
fn a_bad_spec_exits_2_names_file_and_row_and_writes_nothing() {
    let (_dir, spec, out) = workspace();
    let file = spec.join("knox-cloud.yaml");
    let edited = fs::read_to_string(&file).unwrap().replace("code: 4032252", "code: 4032251");
    fs::write(&file, edited).unwrap();
    let run = run_gen(&spec, &out, false);
    assert_eq!(run.status.code(), Some(2));
    let stderr = text(&run.stderr);
    assert!(stderr.contains("knox-cloud.yaml"), "{stderr}");
    assert!(stderr.contains("row 5 (`ACCESS_TOKEN_INVALID`)"), "{stderr}");
    assert!(stderr.contains("code 4032251 is already used"), "{stderr}");
    let line =
        fs::read_to_string(&file).unwrap().lines().position(|l| l.contains("ACCESS_TOKEN_INVALID")).unwrap();
    assert!(stderr.contains(&format!("knox-cloud.yaml:{line}:15\n")), "the code's line: {stderr}");
    assert!(stderr.contains("|       - code: 4032251\n"), "the source line: {stderr}");
    assert!(stderr.contains("= help: codes are unique"), "{stderr}");
    assert!(!stderr.contains('\x1b'), "no colour off a terminal: {stderr}");
    assert!(!out.exists(), "nothing written");
}

/// Every file under `dir` with its bytes, for before/after comparisons.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let bytes = fs::read(&path).unwrap();
                files.push((path, bytes));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn a_failed_run_leaves_previous_artifacts_byte_identical() {
    let (_dir, spec, out) = workspace();
    assert_eq!(run_gen(&spec, &out, false).status.code(), Some(0));
    let before = snapshot(&out);
    let file = spec.join("knox-cloud.yaml");
    let good = fs::read_to_string(&file).unwrap();
    // Each breaks the spec differently, and each also changes a description,
    // so a run that wrote anything would change a byte.
    let broken = [
        good.replace("Resource not found.", "Changed.").replace("code: 4040000", "code: 4040000.5"),
        good.replace("Resource not found.", "Changed.").replace("http_status: 404\n", "http_status: 200\n"),
        good.replace("Resource not found.", "Changed.").replace("    errors:", "    errors: [unclosed"),
        good.replace("Resource not found.", "Changed.").replace("description:", "descripton:"),
    ];
    for spec_text in broken {
        fs::write(&file, &spec_text).unwrap();
        for check in [false, true] {
            let run = run_gen(&spec, &out, check);
            assert_eq!(run.status.code(), Some(2), "{}", text(&run.stderr));
            assert!(text(&run.stderr).contains("error: "), "{}", text(&run.stderr));
            assert_eq!(snapshot(&out), before, "a failed run changed generated files");
        }
    }
}

#[test]
fn gen_refuses_to_overwrite_a_file_it_did_not_write() {
    let (_dir, spec, out) = workspace();
    let lib = out.join("knox-cloud-errors/src/lib.rs");
    fs::create_dir_all(lib.parent().unwrap()).unwrap();
    fs::write(&lib, "// my own code\n").unwrap();
    for check in [false, true] {
        let run = run_gen(&spec, &out, check);
        assert_eq!(run.status.code(), Some(2), "{}", text(&run.stderr));
        let stderr = text(&run.stderr);
        assert!(
            stderr.contains("refusing to overwrite 1 file that `cargo xtask gen` did not write"),
            "{stderr}"
        );
        assert!(stderr.contains("knox-cloud-errors/src/lib.rs"), "{stderr}");
        assert!(stderr.contains("help: "), "{stderr}");
        assert_eq!(fs::read_to_string(&lib).unwrap(), "// my own code\n");
        assert!(!out.join("knox-cloud-errors/Cargo.toml").exists(), "nothing else was written either");
    }
}

#[test]
fn generated_files_the_spec_no_longer_produces_are_removed() {
    let (_dir, spec, out) = workspace();
    assert_eq!(run_gen(&spec, &out, false).status.code(), Some(0));
    // The catalogue's crate is renamed: the old crate is the generator's
    // and goes; a hand-written file beside it stays.
    let file = spec.join("knox-cloud.yaml");
    let renamed =
        fs::read_to_string(&file).unwrap().replace("crate: knox-cloud-errors", "crate: knox-errors");
    fs::write(&file, renamed).unwrap();
    let notes = out.join("knox-cloud-errors/NOTES.md");
    fs::write(&notes, "mine\n").unwrap();

    let check = run_gen(&spec, &out, true);
    assert_eq!(check.status.code(), Some(1));
    let stdout = text(&check.stdout);
    assert!(stdout.contains("obsolete") && stdout.contains("knox-cloud-errors/src/lib.rs"), "{stdout}");
    assert!(out.join("knox-cloud-errors/src/lib.rs").exists(), "--check removes nothing");

    let run = run_gen(&spec, &out, false);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let stdout = text(&run.stdout);
    // Every artifact of the old crate goes, one for one with the new crate's.
    let count =
        |outcome: &str| stdout.lines().filter(|l| l.starts_with(outcome) && l.contains("generated")).count();
    assert!(count("removed") >= 2 && count("removed") == count("written"), "{stdout}");
    assert!(stdout.contains("knox-cloud-errors/src/lib.rs"), "{stdout}");
    assert!(!out.join("knox-cloud-errors/src").exists(), "emptied folders go too");
    assert_eq!(fs::read_to_string(&notes).unwrap(), "mine\n");
    assert!(out.join("knox-errors/src/lib.rs").exists());
    assert_eq!(run_gen(&spec, &out, true).status.code(), Some(0));
}

#[test]
fn catalogues_generated_one_by_one_into_one_folder_keep_each_other() {
    let (dir, spec, out) = workspace();
    let first = spec.join("knox-cloud.yaml");
    let other_dir = dir.path().join("other");
    fs::create_dir(&other_dir).unwrap();
    let second = other_dir.join("other.yaml");
    let renamed =
        fs::read_to_string(&first).unwrap().replace("crate: knox-cloud-errors", "crate: other-errors");
    fs::write(&second, renamed).unwrap();

    assert_eq!(run_gen(&first, &out, false).status.code(), Some(0));
    let run = run_gen(&second, &out, false);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let stdout = text(&run.stdout);
    assert!(!stdout.contains("removed"), "another catalogue's files are not this run's: {stdout}");
    assert!(out.join("knox-cloud-errors/src/lib.rs").exists());
    assert!(out.join("other-errors/src/lib.rs").exists());
    assert_eq!(run_gen(&first, &out, true).status.code(), Some(0), "the first catalogue is still current");
}

#[test]
fn a_mistaken_out_dir_removes_nothing_outside_the_generators_layout() {
    let (dir, spec, out) = workspace();
    assert_eq!(run_gen(&spec, &out, false).status.code(), Some(0));
    let lib = out.join("knox-cloud-errors/src/lib.rs");
    let before = fs::read(&lib).unwrap();
    // Pointing `--out` at the folder above `generated/`: the generated files
    // there are not this run's layout, so they stay, and so does the lock.
    let run = run_gen(&spec, dir.path(), false);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let stdout = text(&run.stdout);
    assert!(!stdout.contains("removed"), "{stdout}");
    assert_eq!(fs::read(&lib).unwrap(), before);
    assert!(spec.join("knox-cloud.lock").exists());
}

#[test]
fn yaml_errors_carry_a_line() {
    let (_dir, spec, out) = workspace();
    fs::write(spec.join("knox-cloud.yaml"), "title: [unclosed\ncrate: x\n").unwrap();
    let run = run_gen(&spec, &out, false);
    assert_eq!(run.status.code(), Some(2));
    let stderr = text(&run.stderr);
    assert!(stderr.contains("knox-cloud.yaml:"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn bad_flags_exit_2_with_usage() {
    for args in [&["gen", "--frobnicate"][..], &["generate"], &["gen", "--spec"], &[]] {
        let run = xtask(args);
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        assert!(text(&run.stderr).contains("usage: cargo xtask gen"), "{args:?}");
    }
    let help = xtask(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout).contains("--check"));
}

#[test]
fn a_missing_spec_path_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_gen(&dir.path().join("nope.yaml"), &dir.path().join("out"), false);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("nope.yaml"));
}

#[test]
fn synth_writes_a_spec_that_gen_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("spec");
    let run = xtask(&["synth", "--codes", "1000", "--out", spec.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let first = fs::read_to_string(spec.join("synth-1000.yaml")).unwrap();
    assert_eq!(first.matches("      - code: ").count(), 1000);

    let out = dir.path().join("generated");
    let gen_run = run_gen(&spec, &out, false);
    assert_eq!(gen_run.status.code(), Some(0), "{}", text(&gen_run.stderr));
    assert!(out.join("synth-1000-errors/src/lib.rs").exists());

    // The same size gives the same bytes.
    xtask(&["synth", "--codes", "1000", "--out", spec.to_str().unwrap()]);
    assert_eq!(fs::read_to_string(spec.join("synth-1000.yaml")).unwrap(), first);
}

#[test]
fn synth_rejects_bad_sizes_and_missing_flags() {
    for args in [
        &["synth", "--codes", "0", "--out", "x"][..],
        &["synth", "--codes", "many", "--out", "x"],
        &["synth"],
    ] {
        let run = xtask(args);
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        assert!(text(&run.stderr).contains("usage: cargo xtask"), "{args:?}");
    }
}

#[test]
fn an_out_dir_inside_the_spec_dir_exits_2_and_writes_nothing() {
    let (_dir, spec, _out) = workspace();
    let out = spec.join("generated");
    for check in [false, true] {
        let run = run_gen(&spec, &out, check);
        assert_eq!(run.status.code(), Some(2), "{}", text(&run.stderr));
        let stderr = text(&run.stderr);
        assert!(stderr.contains("is inside the spec directory"), "{stderr}");
        assert!(stderr.contains("help: pass `--out` a directory outside `--spec`"), "{stderr}");
        assert!(!out.exists(), "nothing written");
        assert!(!spec.join("knox-cloud.lock").exists(), "not even the lock");
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_folder_under_out_exits_2_and_what_it_points_to_is_untouched() {
    let (dir, spec, out) = workspace();
    assert_eq!(run_gen(&spec, &out, false).status.code(), Some(0));
    let elsewhere = dir.path().join("elsewhere");
    fs::rename(out.join("docs"), &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, out.join("docs")).unwrap();
    let file = spec.join("knox-cloud.yaml");
    let edited = fs::read_to_string(&file).unwrap().replace("Resource not found.", "Nowhere.");
    fs::write(&file, edited).unwrap();
    let before = (snapshot(&elsewhere), snapshot(&out));

    let run = run_gen(&spec, &out, false);
    assert_eq!(run.status.code(), Some(2), "{}", text(&run.stderr));
    let stderr = text(&run.stderr);
    assert!(stderr.contains("refusing to write through 1 symbolic link"), "{stderr}");
    assert!(stderr.contains(&out.join("docs").display().to_string()), "{stderr}");
    assert_eq!((snapshot(&elsewhere), snapshot(&out)), before);
}

#[test]
fn a_path_flag_given_twice_or_empty_exits_2_and_says_so() {
    let (_dir, spec, out) = workspace();
    let (spec, out) = (spec.to_str().unwrap(), out.to_str().unwrap());
    for (args, says) in [
        (&["gen", "--spec", spec, "--spec", spec, "--out", out][..], "`--spec` given twice"),
        (&["gen", "--spec", spec, "--out", out, "--out", out], "`--out` given twice"),
        (&["gen", "--spec", spec, "--out", ""], "`--out` is empty"),
        (&["gen", "--spec", "", "--out", out], "`--spec` is empty"),
        (&["diff", "--spec", spec, "--spec", spec], "`--spec` given twice"),
        (&["diff", "--spec", ""], "`--spec` is empty"),
        (&["diff", "--format", "json", "--format", "text"], "`--format` given twice"),
        (&["synth", "--codes", "10", "--out", ""], "`--out` is empty"),
        (&["synth", "--codes", "10", "--out", out, "--out", out], "`--out` given twice"),
        (&["synth", "--codes", "10", "--codes", "20", "--out", out], "`--codes` given twice"),
    ] {
        let run = xtask(args);
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        let stderr = text(&run.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(stderr.contains("usage: cargo xtask"), "{args:?}: {stderr}");
    }
    assert!(!Path::new(out).exists(), "nothing is written");
}

/// `xtask gen` on a bad spec with stderr on a terminal (util-linux
/// `script` provides one) and `TERM` set to `term`: what the terminal shows.
fn on_a_terminal(term: &str) -> Option<String> {
    let (_dir, spec, out) = workspace();
    fs::write(spec.join("knox-cloud.yaml"), "title: [unclosed\n").unwrap();
    let command = format!(
        "'{}' gen --spec '{}' --out '{}'",
        env!("CARGO_BIN_EXE_xtask"),
        spec.display(),
        out.display()
    );
    let run = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("TERM", term)
        .env_remove("NO_COLOR")
        .output()
        .ok()?;
    Some(text(&run.stdout))
}

#[test]
fn a_dumb_terminal_gets_no_colour() {
    let Some(xterm) = on_a_terminal("xterm") else {
        // CI's machines have it (Debian's essential bsdutils): never skip there.
        assert!(std::env::var_os("CI").is_none(), "util-linux `script` is missing, so colour goes untested");
        eprintln!("skipped: util-linux `script` is not installed to give the run a terminal");
        return;
    };
    assert!(xterm.contains("\u{1b}["), "a terminal gets colour: {xterm}");
    let dumb = on_a_terminal("dumb").expect("script ran once already");
    assert!(dumb.contains("knox-cloud.yaml"), "{dumb}");
    assert!(!dumb.contains('\u{1b}'), "TERM=dumb gets none: {dumb:?}");
}
