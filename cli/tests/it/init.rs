//! `errcat init`, `errcat schema` and `errcat --version`: what reaches a
//! new repository.

use std::fs;
use std::path::Path;
use std::process::{Command, ExitCode, Output};

fn errcat(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errcat")).current_dir(dir).args(args).output().expect("errcat runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn init_starts_a_repository_that_generates_and_checks() {
    let dir = tempfile::tempdir().unwrap();
    let run = errcat(dir.path(), &["init"]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let stdout = text(&run.stdout);
    for file in ["spec/my-errors.yaml", "spec/catalogue.schema.json", ".gitattributes"] {
        assert!(stdout.contains(&format!("written    {file}")), "{file}: {stdout}");
    }
    let spec = fs::read_to_string(dir.path().join("spec/my-errors.yaml")).unwrap();
    assert!(spec.starts_with("# yaml-language-server: $schema=catalogue.schema.json\n"), "{spec}");
    assert!(spec.contains("then run `errcat gen`"), "{spec}");
    let schema = fs::read_to_string(dir.path().join("spec/catalogue.schema.json")).unwrap();
    assert_eq!(schema, errcat::schema::JSON_SCHEMA);
    let attributes = fs::read_to_string(dir.path().join(".gitattributes")).unwrap();
    assert!(attributes.lines().any(|line| line == "spec/*.lock merge=union"), "{attributes}");

    let run = errcat(dir.path(), &["gen"]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert!(dir.path().join("generated/my-errors/src/lib.rs").is_file());
    assert!(dir.path().join("spec/my-errors.lock").is_file());
    // The schema beside the spec is not read as a spec, nor written over.
    assert_eq!(errcat(dir.path(), &["gen", "--check"]).status.code(), Some(0));
    assert_eq!(fs::read_to_string(dir.path().join("spec/catalogue.schema.json")).unwrap(), schema);
}

#[test]
fn init_refuses_to_overwrite_and_keeps_the_users_gitattributes() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(".gitattributes"), "*.png binary").unwrap();
    let run = errcat(dir.path(), &["init", "--crate", "shop-errors"]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let attributes = fs::read_to_string(dir.path().join(".gitattributes")).unwrap();
    assert!(attributes.starts_with("*.png binary\n# "), "appended: {attributes}");
    let spec = dir.path().join("spec/shop-errors.yaml");
    fs::write(&spec, "mine\n").unwrap();

    let again = errcat(dir.path(), &["init", "--crate", "shop-errors"]);
    assert_eq!(again.status.code(), Some(2));
    let stderr = text(&again.stderr);
    assert!(
        stderr.contains("refusing to overwrite spec/shop-errors.yaml and spec/catalogue.schema.json"),
        "{stderr}"
    );
    assert!(stderr.contains("errcat schema > spec/catalogue.schema.json"), "{stderr}");
    assert_eq!(fs::read_to_string(&spec).unwrap(), "mine\n");
    assert_eq!(fs::read_to_string(dir.path().join(".gitattributes")).unwrap(), attributes, "the rule once");

    let bad = errcat(dir.path(), &["init", "--crate", "Shop"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("`Shop` cannot name a crate"), "{}", text(&bad.stderr));
}

#[test]
fn schema_prints_the_schema_and_version_the_version() {
    let dir = tempfile::tempdir().unwrap();
    let run = errcat(dir.path(), &["schema"]);
    assert_eq!(run.status.code(), Some(0));
    assert_eq!(text(&run.stdout), errcat::schema::JSON_SCHEMA);
    assert!(text(&run.stdout).contains(r#""$id": "urn:errcat:spec:catalogue""#));
    assert_eq!(errcat(dir.path(), &["schema", "extra"]).status.code(), Some(2));

    let version = errcat(dir.path(), &["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert_eq!(text(&version.stdout), format!("errcat {}\n", env!("CARGO_PKG_VERSION")));
    assert_eq!(text(&errcat(dir.path(), &["-V"]).stdout), text(&version.stdout));
}

#[test]
fn the_xtask_route_has_init_under_its_own_name() {
    let dir = tempfile::tempdir().unwrap();
    let xtask = errcat_cli::Cli::new("cargo xtask", dir.path());
    assert_eq!(xtask.run(["init"]), ExitCode::SUCCESS);
    let spec = fs::read_to_string(dir.path().join("spec/my-errors.yaml")).unwrap();
    assert!(spec.contains("then run `cargo xtask gen`"), "{spec}");
    assert_eq!(xtask.run(["gen"]), ExitCode::SUCCESS);
    assert_eq!(xtask.run(["init"]), ExitCode::from(2), "refused the second time");
}
