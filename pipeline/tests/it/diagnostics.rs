//! Every rule a spec can break, shown as the user sees it: each spec under
//! `tests/invalid/` renders (uncoloured) exactly as its `.stderr` file.
//!
//! After an intended change to a message, bless with
//! `EXPECTORATE=overwrite cargo test -p errcat-pipeline --test it diagnostics` and
//! review the diff.

use std::path::Path;

use errcat_model::diagnostic::Diagnostics;

use crate::fixtures::specs_in;

/// Loads a corpus spec by the relative name the user would type.
fn problems(name: &str) -> Diagnostics {
    let path = Path::new("tests/invalid").join(name);
    match crate::load_file(&path, format!("invalid/{name}")) {
        Ok(_) => panic!("{name} is in the invalid corpus but validates"),
        Err(found) => found,
    }
}

#[test]
fn every_invalid_spec_matches_its_expected_diagnostics() {
    let specs = specs_in("invalid");
    assert!(specs.len() >= 25, "the corpus went missing");
    for spec in specs {
        let name = spec.file_name().expect("a file name").to_string_lossy().into_owned();
        let found = problems(&name);
        for problem in &found.0 {
            assert!(problem.position.is_some(), "{name}: no line for\n{problem}");
            assert!(problem.snippet.is_some(), "{name}: no source line for\n{problem}");
            assert!(problem.help.is_some(), "{name}: no help for\n{problem}");
        }
        let mut expected = found.render(false);
        expected.push('\n');
        expectorate::assert_contents(spec.with_extension("stderr"), &expected);
    }
}

#[test]
fn problems_come_in_line_order() {
    for spec in specs_in("invalid") {
        let name = spec.file_name().expect("a file name").to_string_lossy().into_owned();
        // By file (a spec's translation files have problems of their own), then by line.
        let lines: Vec<_> =
            problems(&name).0.iter().filter_map(|p| p.position.map(|(l, _)| (p.file.clone(), l))).collect();
        assert!(lines.is_sorted(), "{name}: {lines:?}");
    }
}

#[test]
fn three_different_mistakes_are_reported_in_one_run() {
    let found = problems("several_problems.yaml");
    let text = found.render(false);
    let expect = [
        ("`crate: Invalid Errors` is not a valid package name", 4),
        ("`summary` is blank", 9),
        ("`http_status: 401` disagrees with code 4032251", 15),
        ("code 4032251 is already used", 16),
        ("the name cannot become a Rust variant name", 21),
    ];
    assert_eq!(found.0.len(), expect.len(), "{text}");
    for (problem, (message, line)) in found.0.iter().zip(expect) {
        assert!(problem.message.contains(message), "{text}");
        assert_eq!(problem.position.map(|(l, _)| l), Some(line), "{text}");
        assert!(text.contains(&format!("--> tests/invalid/several_problems.yaml:{line}:")), "{text}");
    }
    assert!(text.ends_with("error: aborting due to 5 errors"), "{text}");
}

/// A misspelt field no longer hides the rest: every shape problem of every
/// table and row comes with the validation problems of what could be read,
/// and nothing about what could not (no "missing `description`" for
/// `descripton`, no checks on a table whose own fields are misspelt).
#[test]
fn shape_and_validation_problems_are_reported_in_one_run() {
    let found = problems("shape_and_validation.yaml");
    let text = found.render(false);
    let expect = [
        ("unknown field `descripton`", 22, 9),
        ("code 2 is already used", 28, 15),
        ("`http_status: 301` is not an HTTP error status", 35, 22),
        ("the code `four` is text, but the catalogue's codes are numbers", 36, 15),
        ("alias 2 `six` is text, but the catalogue's codes are numbers", 40, 22),
        ("missing field `code`", 41, 9),
        ("unknown field `sumary`", 46, 5),
        ("unknown field `http_staus`", 55, 9),
    ];
    let found: Vec<(&str, usize, usize)> = found
        .0
        .iter()
        .map(|p| {
            let (line, column) = p.position.expect("a position");
            (p.message.as_str(), line, column)
        })
        .collect();
    assert_eq!(found.len(), expect.len(), "{text}");
    for ((message, line, column), (part, expected_line, expected_column)) in found.into_iter().zip(expect) {
        assert!(message.contains(part), "{message} lacks {part}\n{text}");
        assert_eq!((line, column), (expected_line, expected_column), "{message}");
    }
    assert!(text.contains("help: did you mean `description`?"), "{text}");
    assert!(text.ends_with("error: aborting due to 8 errors"), "{text}");
}

#[test]
fn carets_sit_under_the_offending_value() {
    let text = problems("duplicate_code_in_table.yaml").render(false);
    assert!(text.contains("23 |       - code: 1\n   |               ^\n"), "{text}");
    let text = problems("unknown_field.yaml").render(false);
    assert!(text.contains("descripton: A typo in the field name.\n   |         ^^^^^^^^^^"), "{text}");
    assert!(text.contains("help: did you mean `description`?"), "{text}");
}

#[test]
fn colour_is_only_on_request() {
    let found = problems("several_problems.yaml");
    assert!(!found.render(false).contains('\x1b'));
    assert!(found.render(true).contains("\x1b["));
    assert_eq!(found.to_string(), found.render(false));
}

#[test]
fn a_long_list_of_problems_is_cut_short() {
    let mut yaml = String::from(
        "title: T\ncrate: t\nversion: 0.1.0\ntables:\n  - id: app\n    title: A\n    summary: S\n    errors:\n",
    );
    for _ in 0..60 {
        yaml.push_str("      - {code: 1, name: N, description: D, http_status: 200}\n");
    }
    let found = crate::load_text(Path::new("many.yaml"), "many.yaml", &yaml).expect_err("invalid");
    let text = found.render(false);
    assert_eq!(text.matches("--> many.yaml:").count(), errcat_model::diagnostic::MAX_SHOWN, "{text}");
    let more = found.0.len() - errcat_model::diagnostic::MAX_SHOWN;
    assert!(text.contains(&format!("error: … and {more} more errors")), "{text}");
    assert!(text.ends_with(&format!("error: aborting due to {} errors", found.0.len())), "{text}");
}

/// Documents built to exhaust a parser fail with an error (quickly: each
/// is rejected before it can grow; speed itself is measured, not asserted).
#[test]
fn hostile_documents_fail_with_an_error() {
    let path = Path::new("hostile.yaml");
    let deep_flow = format!("title: {}{}\n", "[".repeat(50_000), "]".repeat(50_000));
    let mut deep_block = String::from("title:\n");
    for depth in 1..5_000 {
        deep_block.push_str(&" ".repeat(depth));
        deep_block.push_str("- \n");
    }
    // The spec's types never accept nested lists, so a bomb is rejected at
    // its first list, before any alias is expanded.
    let bomb = problems("alias_bomb.yaml");
    assert!(bomb.to_string().contains("invalid type: sequence, expected a table"), "{bomb}");
    for (name, yaml, expected) in [
        ("deep flow nesting", deep_flow, "the spec nests more than 32 levels deep"),
        ("deep block nesting", deep_block, "the spec nests more than 32 levels deep"),
    ] {
        let found = crate::load_text(path, "hostile.yaml", &yaml).expect_err(name);
        assert_eq!(found.0.len(), 1, "{name}: {found}");
        assert!(found.0[0].message.contains(expected), "{name}: {found}");
        assert!(found.0[0].position.is_some(), "{name}: {found}");
    }
}

/// Found by the fuzzer: YAML (and editors) end lines at a lone `\r` too,
/// so the line shown must be the line the position names.
#[test]
fn every_kind_of_line_break_counts() {
    for newline in ["\n", "\r\n", "\r"] {
        let yaml = ["title: T", "crate: t", "version: '1.0.0'", "tables: {}", ""].join(newline);
        let found = crate::load_text(Path::new("breaks.yaml"), "breaks.yaml", &yaml).expect_err("invalid");
        assert_eq!(found.0.len(), 1, "{found}");
        let problem = &found.0[0];
        assert_eq!(problem.position, Some((4, 9)), "{newline:?}: {found}");
        assert_eq!(problem.snippet.as_ref().map(|s| s.text.as_str()), Some("tables: {}"), "{newline:?}");
    }
}

/// Editors on some systems save UTF-8 with a byte order mark; it is not
/// part of the spec, and positions stay where the user sees them.
#[test]
fn a_byte_order_mark_is_not_part_of_the_spec() {
    let minimal = std::fs::read_to_string(crate::fixtures::root().join("tests/fixtures/minimal.yaml"))
        .expect("the fixture");
    let text: String =
        minimal.lines().filter(|line| !line.starts_with('#')).map(|line| format!("{line}\n")).collect();
    let path = Path::new("bom.yaml");
    let with_bom = format!("\u{feff}{text}");
    crate::load_text(path, "bom.yaml", &with_bom).unwrap_or_else(|e| panic!("{e}"));
    crate::load_text(path, "bom.yaml", with_bom.clone().into_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let misspelt = with_bom.replacen("title:", "titel:", 1);
    let found = crate::load_text(path, "bom.yaml", &misspelt).expect_err("invalid");
    assert_eq!(found.0[0].position, Some((1, 1)), "{found}");
    assert_eq!(found.0[0].snippet.as_ref().map(|s| s.text.as_str()), Some("titel: Minimal"), "{found}");
}

/// A control character is reported where it is, shown as a symbol.
#[test]
fn a_control_character_is_placed_at_its_line() {
    let found = problems("nul_byte.yaml");
    assert_eq!(found.0.len(), 1, "{found}");
    assert_eq!(found.0[0].position, Some((13, 26)), "{found}");
    let text = "title: T\ncrate: t\n\tversion: \u{1b}[1m\n";
    let found = crate::load_text(Path::new("esc.yaml"), "esc.yaml", text).expect_err("invalid");
    assert_eq!(found.0[0].position, Some((3, 11)), "{found}");
    assert!(found.0[0].message.contains("U+001B"), "{found}");
}

/// A spec folder for the tests of spec discovery: `minimal.yaml` in it.
#[cfg(unix)]
fn spec_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let spec = dir.path().join("spec");
    std::fs::create_dir(&spec).expect("the spec folder");
    std::fs::copy(crate::fixtures::root().join("tests/fixtures/minimal.yaml"), spec.join("minimal.yaml"))
        .expect("the fixture");
    dir
}

/// The names the spec files under `spec` were loaded as, or the problems.
#[cfg(unix)]
fn loaded_names(spec: &Path) -> Result<Vec<String>, String> {
    match errcat_pipeline::load(errcat_pipeline::SpecInput::Path(spec)) {
        Ok(loaded) => Ok(loaded.into_iter().map(|catalogue| catalogue.source).collect()),
        Err(found) => Err(found.render(false)),
    }
}

/// Symlinks that loop (two of them, so the paths through them branch) end
/// the search instead of multiplying it; a directory is listed once, under
/// its real name.
#[cfg(unix)]
#[test]
fn symlink_loops_in_the_spec_folder_are_listed_once() {
    let dir = spec_folder();
    let spec = dir.path().join("spec");
    std::fs::create_dir(spec.join("more")).expect("a folder");
    std::os::unix::fs::symlink("..", spec.join("more/up")).expect("a symlink");
    std::os::unix::fs::symlink(".", spec.join("here")).expect("a symlink");
    std::os::unix::fs::symlink("more", spec.join("again")).expect("a symlink");
    assert_eq!(loaded_names(&spec), Ok(vec!["spec/minimal.yaml".to_owned()]));
}

/// A FIFO, a device or a socket is refused by name before it is opened:
/// reading one would block, or never end.
#[cfg(unix)]
#[test]
fn only_regular_files_are_read() {
    let dir = spec_folder();
    let spec = dir.path().join("spec");
    let fifo = spec.join("pipe.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    for (path, shown) in [(spec.as_path(), fifo.as_path()), (fifo.as_path(), fifo.as_path())] {
        let found = loaded_names(path).expect_err("a FIFO is no spec");
        assert!(
            found.contains(&format!(
                "error: the spec is a named pipe (FIFO), not a file\n --> {}",
                shown.display()
            )),
            "{found}"
        );
        assert!(found.contains("help: "), "{found}");
    }
    let found = loaded_names(Path::new("/dev/zero")).expect_err("a device is no spec");
    assert!(found.contains("error: the spec is a character device, not a file\n --> /dev/zero"), "{found}");
}

/// A file far larger than any spec is refused before it is read.
#[cfg(unix)]
#[test]
fn a_huge_spec_file_is_refused_unread() {
    let dir = spec_folder();
    let huge = dir.path().join("spec/huge.yaml");
    let file = std::fs::File::create(&huge).expect("a file");
    file.set_len(65 << 20).expect("a sparse file");
    let found = loaded_names(&huge).expect_err("too large");
    assert!(found.contains("error: the spec is larger than 64 MiB (68157440 bytes)"), "{found}");
    assert!(found.contains("help: "), "{found}");
}

/// Generated YAML found in the spec folder (output once generated there,
/// before `--out` inside `--spec` was refused, or copied in) is not read
/// back as a spec; named on its own, it is refused.
#[cfg(unix)]
#[test]
fn generated_yaml_is_not_a_spec() {
    let dir = spec_folder();
    let spec = dir.path().join("spec");
    let out = dir.path().join("generated");
    errcat_pipeline::generate(&spec, &out, errcat_pipeline::Mode::Write).unwrap_or_else(|e| panic!("{e}"));
    let openapi = spec.join("generated/openapi/minimal-errors.openapi.yaml");
    std::fs::create_dir_all(openapi.parent().expect("a folder")).expect("a folder in the spec folder");
    std::fs::copy(out.join("openapi/minimal-errors.openapi.yaml"), &openapi).expect("copied");
    assert_eq!(loaded_names(&spec), Ok(vec!["spec/minimal.yaml".to_owned()]));
    let found = loaded_names(&openapi).expect_err("generated output is no spec");
    assert!(found.contains("error: this file was generated from a spec; it is not one"), "{found}");
    assert!(found.contains("help: pass `--spec` the spec it was generated from"), "{found}");
}

/// Aliases are budgeted in bytes, not only in values: a megabyte under an
/// anchor, repeated by a hundred aliases, stops at the alias that takes
/// the spec past the budget (without it, a few thousand such aliases
/// took a run past 13 GB).
#[test]
fn aliases_are_budgeted_in_bytes() {
    let megabyte = "x".repeat(1 << 20);
    let mut yaml = String::from(
        "title: T\ncrate: t-errors\nversion: 0.1.0\ntables:\n  - id: app\n    title: A\n    summary: S\n    errors:\n",
    );
    for code in 1..=100 {
        let description = if code == 1 { format!("&big {megabyte}") } else { "*big".to_owned() };
        yaml.push_str(&format!(
            "      - {{code: {code}, name: N{code}, description: {description}, http_status: 500}}\n"
        ));
    }
    let Err(found) = crate::load_text(Path::new("big.yaml"), "big.yaml", &yaml) else {
        panic!("a spec that aliases expand past the budget is read")
    };
    assert_eq!(found.0.len(), 1, "{found}");
    let problem = &found.0[0];
    assert!(problem.message.contains("aliases expand the spec past 64 MiB"), "{found}");
    // The 64th alias (row 65) crosses 64 MiB.
    assert_eq!(problem.position, Some((8 + 65, 44)), "{found}");
    assert_eq!(problem.snippet.as_ref().map(|s| s.width), Some(4), "{found}");
    assert!(problem.help.is_some(), "{found}");
}

/// A spec's name goes into a one-line comment at the top of every
/// generated file: a line break in it would inject the rest of the name
/// into `Cargo.toml`, the OpenAPI documents and the Markdown.
#[test]
fn a_file_name_with_a_line_break_is_refused() {
    let text = std::fs::read_to_string(crate::fixtures::root().join("tests/fixtures/minimal.yaml"))
        .expect("the fixture");
    let name = "spec/x\n[dependencies]\nevil = \"1\"\n.yaml";
    let found = crate::load_text(Path::new(name), name, &text).expect_err("refused").to_string();
    assert!(found.contains("holds the control character U+000A"), "{found}");
    assert!(found.contains("help: rename the file"), "{found}");
    assert!(crate::load_text(Path::new("spec/a-->b.yaml"), "spec/a-->b.yaml", &text).is_ok());
}
