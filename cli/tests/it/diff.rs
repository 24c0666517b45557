//! `errcat diff` on a real git history, and `gen` refusing a change
//! its lock forbids, as a user runs them: the two class every change alike.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn errcat(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errcat")).current_dir(dir).args(args).output().expect("errcat runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(output.status.success(), "git {args:?}: {}", text(&output.stderr));
}

fn has_git() -> bool {
    Command::new("git").arg("--version").output().is_ok_and(|o| o.status.success())
}

const V1: &str = "\
title: Shop
crate: shop-errors
version: 0.1.0
tables:
  - id: cart
    title: Cart errors
    summary: S
    errors:
      - {code: 1, name: CART_EMPTY, description: The cart is empty., http_status: 409}
      - {code: 2, name: CART_FULL, description: The cart is full., http_status: 409}
      - {code: 3, name: CART_LOCKED, description: The cart is locked., http_status: 423}
";

/// The catalogue after one release: an addition, a deprecation, a text change.
fn v2() -> String {
    V1.replace("version: 0.1.0", "version: 0.1.1")
        .replace("The cart is full.", "The cart holds 100 items at most.")
        .replace("http_status: 423}", "http_status: 423, deprecated: Carts no longer lock.}")
        + "      - {code: 4, name: COUPON_USED, description: The coupon was used., http_status: 409}\n"
}

/// The catalogue after a breaking release: code 3 is retired.
fn v3(version: &str) -> String {
    v2().replace("version: 0.1.1", &format!("version: {version}"))
        .replace("      - {code: 3, name: CART_LOCKED, description: The cart is locked., http_status: 423, deprecated: Carts no longer lock.}\n", "")
        + "    retired:\n      - {code: 3, name: CART_LOCKED, reason: Carts no longer lock.}\n"
}

#[test]
fn diff_reports_a_fixture_history() {
    if !has_git() {
        // `errcat diff` needs git; the comparison itself is covered by
        // errcat's tests/diff.rs.
        eprintln!("git is not installed: skipping the git history test");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("spec")).unwrap();
    let spec = root.join("spec/shop.yaml");
    git(root, &["init", "--quiet"]);
    fs::write(&spec, V1).unwrap();
    git(root, &["add", "."]);
    git(root, &["commit", "--quiet", "-m", "v1"]);
    git(root, &["tag", "v1"]);

    // Nothing changed since HEAD.
    let run = errcat(root, &["diff", "--spec", "spec"]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert!(text(&run.stdout).contains("no changes"), "{}", text(&run.stdout));

    // Additions, a deprecation and a text change: not breaking.
    fs::write(&spec, v2()).unwrap();
    let run = errcat(root, &["diff", "--spec", "spec"]);
    let stdout = text(&run.stdout);
    assert_eq!(run.status.code(), Some(0), "{stdout}{}", text(&run.stderr));
    assert!(stdout.contains("spec/shop.yaml (shop-errors 0.1.0 → 0.1.1)"), "{stdout}");
    assert!(stdout.contains("  ok       patch  code 2 `CART_FULL`: the description changed"), "{stdout}");
    assert!(
        stdout.contains("  ok       patch  code 3 `CART_LOCKED` is deprecated: Carts no longer lock."),
        "{stdout}"
    );
    assert!(
        stdout.contains("  ok       patch  code 4 `COUPON_USED` is new: `CartError::CouponUsed`"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "a minor change, below 1.0 a patch bump (Cargo's rules): needs version 0.1.1 or later: \
             version 0.1.1 is enough"
        ),
        "{stdout}"
    );
    assert!(stdout.ends_with("no breaking changes since HEAD\n"), "{stdout}");
    git(root, &["commit", "--quiet", "-am", "v2"]);

    // A retirement: breaking, against HEAD and against the first tag.
    fs::write(&spec, v3("0.1.2")).unwrap();
    let run = errcat(root, &["diff", "--spec", "spec/shop.yaml"]);
    let stdout = text(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{stdout}{}", text(&run.stderr));
    assert!(
        stdout.contains(
            "  breaking minor  code 3 `CART_LOCKED` is retired: `CartError::CartLocked` is removed"
        ),
        "{stdout}"
    );
    // The last code answered with 423 is gone, but not its response:
    // documents that reference it keep resolving, as `gen` keeps it.
    assert!(
        stdout.contains(
            "  ok       patch  response `Locked` (HTTP 423) is kept, marked deprecated, for the documents that reference it"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("a major change, below 1.0 a minor bump (Cargo's rules): needs version 0.2.0"),
        "{stdout}"
    );
    assert!(stdout.contains("version 0.1.2 is not: set `version: 0.2.0`"), "{stdout}");
    assert!(stdout.ends_with("1 breaking change since HEAD\n"), "{stdout}");

    let run = errcat(root, &["diff", "v1", "--format", "json", "--spec", "spec"]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run.stderr));
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON on stdout");
    assert_eq!(json["rev"], "v1");
    assert_eq!(json["breaking"], true);
    let diff = &json["catalogues"][0];
    assert_eq!(diff["source"], "spec/shop.yaml");
    assert_eq!((diff["old_version"].as_str(), diff["new_version"].as_str()), (Some("0.1.0"), Some("0.1.2")));
    let kinds: Vec<(&str, Option<u64>, bool)> = diff["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["kind"].as_str().unwrap(), c["code"].as_u64(), c["breaking"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("response_kept", None, false),
            ("text_changed", Some(2), false),
            ("retired", Some(3), true),
            ("added", Some(4), false)
        ]
    );
    assert_eq!(diff["needed_version"], "0.2.0");
    assert_eq!(diff["version_ok"], false);

    // A new catalogue beside it is an addition; errors exit 2.
    fs::write(root.join("spec/more.yaml"), V1.replace("shop-errors", "more-errors")).unwrap();
    let run = errcat(root, &["diff", "--spec", "spec"]);
    assert!(text(&run.stdout).contains("spec/more.yaml: new catalogue since HEAD"), "{}", text(&run.stdout));
    let run = errcat(root, &["diff", "no-such-rev", "--spec", "spec"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("`no-such-rev` is not a commit"), "{}", text(&run.stderr));
    let run = errcat(root, &["diff", "--format", "yaml"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("unknown format `yaml`"));
}

#[test]
fn gen_refuses_a_retirement_without_a_bump_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("spec")).unwrap();
    let spec = root.join("spec/shop.yaml");
    fs::write(&spec, v2()).unwrap();
    let gen_args = ["gen", "--spec", "spec", "--out", "generated"];
    let run = errcat(root, &gen_args);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert!(text(&run.stdout).contains("written    spec/shop.lock"), "{}", text(&run.stdout));
    let lock = fs::read(root.join("spec/shop.lock")).unwrap();

    fs::write(&spec, v3("0.1.2")).unwrap();
    for args in [&gen_args[..], &[&gen_args[..], &["--check"]].concat()] {
        let run = errcat(root, args);
        let stderr = text(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("error: 1 breaking change since 0.1.1 needs version 0.2.0"), "{stderr}");
        assert!(stderr.contains("spec/shop.yaml"), "{stderr}");
        assert!(stderr.contains("help: set `version: 0.2.0`"), "{stderr}");
    }
    assert_eq!(fs::read(root.join("spec/shop.lock")).unwrap(), lock);

    fs::write(&spec, v3("0.2.0")).unwrap();
    let run = errcat(root, &gen_args);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let lock = fs::read_to_string(root.join("spec/shop.lock")).unwrap();
    assert!(lock.contains("3 cart retired 0.1.1 CartError::CartLocked \"CART_LOCKED\""), "{lock}");
}

#[test]
fn a_removed_alias_exits_2_from_gen_and_1_from_diff() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("spec")).unwrap();
    let spec = root.join("spec/shop.yaml");
    let aliased = V1.replace(
        "The cart is full., http_status: 409}",
        "The cart is full., http_status: 409, aliases: [21]}",
    );
    fs::write(&spec, &aliased).unwrap();
    let gen_args = ["gen", "--spec", "spec", "--out", "generated"];
    let run = errcat(root, &gen_args);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let lock = fs::read_to_string(root.join("spec/shop.lock")).unwrap();
    assert!(lock.contains("\n21 cart alias-of:2 0.1.0 CartError::CartFull \"CART_FULL\"\n"), "{lock}");

    let dropped = aliased.replace(", aliases: [21]", "");
    fs::write(&spec, &dropped).unwrap();
    let run = errcat(root, &gen_args);
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("error: alias 21 of code 2 `CART_FULL` (table `cart`) is locked but gone"),
        "{stderr}"
    );
    assert!(stderr.contains("spec/shop.yaml:10:9\n"), "the row is named: {stderr}");
    assert!(
        stderr.contains("or retire it by adding `- {code: 21, name: CART_FULL, reason: \"why\"}`"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(root.join("spec/shop.lock")).unwrap(), lock, "nothing written");

    if !has_git() {
        eprintln!("git is not installed: skipping `errcat diff`");
        return;
    }
    fs::write(&spec, &aliased).unwrap();
    git(root, &["init", "--quiet"]);
    git(root, &["add", "spec"]);
    git(root, &["commit", "--quiet", "-m", "aliased"]);
    fs::write(&spec, &dropped).unwrap();
    let run = errcat(root, &["diff", "--spec", "spec"]);
    let stdout = text(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{stdout}{}", text(&run.stderr));
    assert!(
        stdout.contains(
            "  refused  -      alias 21 of code 2 `CART_FULL` (table `cart`) is locked but gone from spec/shop.yaml\n\
             \x20                 fix: aliases are API (`from_code(21)` gives `CartError::CartFull`)"
        ),
        "{stdout}"
    );
    assert!(stdout.ends_with("1 refused change since HEAD\n"), "{stdout}");
}

/// Where `diff` and `gen` used to disagree: a retired entry dropped or
/// renamed (refused by both: `gen` exits 2, `diff` 1), and two rows
/// swapped (a patch-level change both accept).
#[test]
fn gen_and_diff_agree_on_retired_entries_and_row_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("spec")).unwrap();
    let spec = root.join("spec/shop.yaml");
    let released = v3("0.2.0");
    fs::write(&spec, &released).unwrap();
    let gen_args = ["gen", "--spec", "spec", "--out", "generated"];
    let run = errcat(root, &gen_args);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let lock = fs::read_to_string(root.join("spec/shop.lock")).unwrap();
    let git_ok = has_git();
    if git_ok {
        git(root, &["init", "--quiet"]);
        git(root, &["add", "spec"]);
        git(root, &["commit", "--quiet", "-m", "0.2.0"]);
    } else {
        eprintln!("git is not installed: skipping `errcat diff`");
    }

    let retired = "    retired:\n      - {code: 3, name: CART_LOCKED, reason: Carts no longer lock.}\n";
    let refused = [
        (
            released.replace(retired, ""),
            "retired code 3 `CART_LOCKED` (table `cart`) is locked but gone from spec/shop.yaml",
        ),
        (
            released.replace("name: CART_LOCKED,", "name: CART_CLOSED,"),
            "retired code 3 `CART_CLOSED` was published as `CART_LOCKED`",
        ),
    ];
    for (edited, message) in &refused {
        // Whatever the version: no bump makes these acceptable.
        for version in ["0.2.0", "1.0.0"] {
            fs::write(&spec, edited.replace("version: 0.2.0", &format!("version: {version}"))).unwrap();
            let run = errcat(root, &gen_args);
            let stderr = text(&run.stderr);
            assert_eq!(run.status.code(), Some(2), "{stderr}");
            assert!(stderr.contains(&format!("error: {message}")), "{stderr}");
            assert_eq!(fs::read_to_string(root.join("spec/shop.lock")).unwrap(), lock, "nothing written");
            if git_ok {
                let run = errcat(root, &["diff", "--spec", "spec"]);
                let stdout = text(&run.stdout);
                assert_eq!(run.status.code(), Some(1), "{stdout}{}", text(&run.stderr));
                assert!(stdout.contains(&format!("  refused  -      {message}\n")), "{stdout}");
                assert!(stdout.contains("`gen` refuses 1 change whatever the version"), "{stdout}");
            }
        }
    }

    let row1 = "      - {code: 1, name: CART_EMPTY, description: The cart is empty., http_status: 409}\n";
    let row2 = "      - {code: 2, name: CART_FULL, description: The cart holds 100 items at most., http_status: 409}\n";
    let swapped = released.replace(&format!("{row1}{row2}"), &format!("{row2}{row1}"));
    assert_ne!(swapped, released);
    fs::write(&spec, &swapped).unwrap();
    if git_ok {
        let run = errcat(root, &["diff", "--spec", "spec"]);
        let stdout = text(&run.stdout);
        assert_eq!(run.status.code(), Some(0), "{stdout}{}", text(&run.stderr));
        assert!(
            stdout.contains(
                "  ok       patch  table `cart`'s rows are in a new order: the docs and `CartError::ALL` list them so"
            ),
            "{stdout}"
        );
        assert!(stdout.ends_with("no breaking changes since HEAD\n"), "{stdout}");
    }
    let run = errcat(root, &gen_args);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert!(
        text(&run.stdout).contains("unchanged  spec/shop.lock"),
        "the lock records no order: {}",
        text(&run.stdout)
    );
}

/// A new repository in a temporary folder, with `files` written but not added.
fn committed(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "--quiet"]);
    for (path, contents) in files {
        let path = root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }
    dir
}

#[test]
fn a_removed_catalogue_with_a_non_ascii_name_is_breaking() {
    if !has_git() {
        return;
    }
    let more = V1.replace("shop-errors", "cafe-errors");
    let dir = committed(&[("spec/shop.yaml", V1), ("spec/café \"bar\".yaml", &more)]);
    let root = dir.path();
    git(root, &["add", "."]);
    git(root, &["commit", "--quiet", "-m", "v1"]);

    fs::remove_file(root.join("spec/café \"bar\".yaml")).unwrap();
    let run = errcat(root, &["diff", "--spec", "spec"]);
    let stdout = text(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{stdout}{}", text(&run.stderr));
    assert!(stdout.contains("spec/café \"bar\".yaml: gone since HEAD"), "{stdout}");
}

#[cfg(unix)]
#[test]
fn a_committed_symlinked_spec_is_read_through_its_link() {
    if !has_git() {
        return;
    }
    let dir = committed(&[("catalogues/shop.yaml", V1)]);
    let root = dir.path();
    fs::create_dir(root.join("spec")).unwrap();
    std::os::unix::fs::symlink("../catalogues/shop.yaml", root.join("spec/shop.yaml")).unwrap();
    git(root, &["add", "."]);
    git(root, &["commit", "--quiet", "-m", "v1"]);

    // `gen` reads the link's target; so does `diff`, on both sides.
    let run = errcat(root, &["diff", "--spec", "spec"]);
    assert_eq!(run.status.code(), Some(0), "{}{}", text(&run.stdout), text(&run.stderr));
    assert!(text(&run.stdout).contains("no changes"), "{}", text(&run.stdout));

    fs::write(root.join("catalogues/shop.yaml"), v3("0.2.0")).unwrap();
    let run = errcat(root, &["diff", "--spec", "spec/shop.yaml"]);
    let stdout = text(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{stdout}{}", text(&run.stderr));
    assert!(stdout.contains("code 3 `CART_LOCKED` is retired"), "{stdout}");

    // A link that leaves the repository has no version at the revision.
    fs::remove_file(root.join("spec/shop.yaml")).unwrap();
    std::os::unix::fs::symlink(root.join("catalogues/shop.yaml"), root.join("spec/shop.yaml")).unwrap();
    git(root, &["commit", "--quiet", "-am", "absolute"]);
    let run = errcat(root, &["diff", "--spec", "spec"]);
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{}{stderr}", text(&run.stdout));
    assert!(stderr.contains("symbolic link"), "{stderr}");
}

/// The German texts of [`V1`].
const V1_DE: &str = "\
1: {description: Der Warenkorb ist leer.}
2: {description: Der Warenkorb ist voll.}
3: {description: Der Warenkorb ist gesperrt.}
";

/// `diff` reads the translation files at the revision too: a translation
/// changed is a patch (not unseen), a bad one at the revision is named as
/// there, and a translation file gone with its locale is no catalogue gone.
#[test]
fn diff_reads_the_translation_files_at_the_revision() {
    if !has_git() {
        return;
    }
    let spec = V1.replace("tables:", "locales: {default: en, others: [de]}\ntables:");
    let dir = committed(&[("spec/shop.yaml", &spec), ("spec/shop.de.yaml", V1_DE)]);
    let root = dir.path();
    git(root, &["add", "."]);
    git(root, &["commit", "--quiet", "-m", "v1"]);

    fs::write(root.join("spec/shop.de.yaml"), V1_DE.replace("ist voll", "hat keinen Platz mehr")).unwrap();
    let run = errcat(root, &["diff", "--spec", "spec"]);
    let stdout = text(&run.stdout);
    assert_eq!(run.status.code(), Some(0), "{stdout}{}", text(&run.stderr));
    assert!(stdout.contains("code 2 `CART_FULL`: its `de` texts changed"), "{stdout}");
    assert!(!stdout.contains("code 1 "), "only code 2's texts changed: {stdout}");

    // A translation the revision holds is read with the same checks.
    git(root, &["commit", "--quiet", "-am", "v2"]);
    fs::write(root.join("spec/shop.de.yaml"), V1_DE.replace("1: {", "9: {")).unwrap();
    git(root, &["commit", "--quiet", "-am", "bad"]);
    fs::write(root.join("spec/shop.de.yaml"), V1_DE).unwrap();
    let run = errcat(root, &["diff", "HEAD", "--spec", "spec"]);
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{}{stderr}", text(&run.stdout));
    assert!(stderr.contains("HEAD:spec/shop.de.yaml:1:1"), "{stderr}");
    assert!(stderr.contains("no row of the catalogue has the code 9"), "{stderr}");
    git(root, &["commit", "--quiet", "-am", "fixed"]);

    // The locale removed with its file: breaking, and no catalogue gone.
    fs::write(root.join("spec/shop.yaml"), V1).unwrap();
    fs::remove_file(root.join("spec/shop.de.yaml")).unwrap();
    let run = errcat(root, &["diff", "--spec", "spec"]);
    let stdout = text(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{stdout}{}", text(&run.stderr));
    assert!(stdout.contains("locale `de` is gone"), "{stdout}");
    assert!(!stdout.contains("gone since"), "{stdout}");
}
