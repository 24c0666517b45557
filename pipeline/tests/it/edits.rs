//! Random edits of a valid spec never panic the loader, and whatever it
//! reports carries a line, a source line and a fix.

use std::path::Path;

use proptest::prelude::*;

const SPEC: &str = include_str!("../../../spec/knox-cloud.yaml");

/// Text a hand edit might leave behind: YAML indicators, quotes, odd
/// numbers, other fields' names, non-ASCII, tabs.
const FRAGMENTS: &[&str] = &[
    ":",
    ": ",
    "-",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "#",
    "&a ",
    "*a",
    "!",
    "|",
    ">",
    "'",
    "\"",
    "\t",
    "\n",
    "  ",
    "-1",
    "1.5",
    "4294967296",
    "null",
    "~",
    "true",
    "0x10",
    "\"400\"",
    "code",
    "name",
    "description",
    "http_status",
    "rust_variant",
    "codes_embed_http_status",
    "kind",
    "id",
    "tables",
    "errors",
    "Self",
    "é",
    "---",
    "...",
    "<<: *a",
];

#[derive(Debug, Clone)]
enum Edit {
    /// Replace `len` bytes at `at` (both scaled to the text) with a fragment.
    Splice { at: f64, len: usize, fragment: usize },
    /// Delete a whole line.
    DeleteLine(f64),
    /// Repeat a whole line.
    DuplicateLine(f64),
    /// Swap two lines.
    SwapLines(f64, f64),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0.0..1.0, 0usize..12, 0..FRAGMENTS.len()).prop_map(|(at, len, fragment)| Edit::Splice {
            at,
            len,
            fragment
        }),
        (0.0..1.0).prop_map(Edit::DeleteLine),
        (0.0..1.0).prop_map(Edit::DuplicateLine),
        (0.0..1.0, 0.0..1.0).prop_map(|(a, b)| Edit::SwapLines(a, b)),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let mut lines: Vec<&str> = text.split('\n').collect();
    let line = |f: f64, n: usize| ((f * n as f64) as usize).min(n.saturating_sub(1));
    match *edit {
        Edit::Splice { at, len, fragment } => {
            let mut start = ((at * text.len() as f64) as usize).min(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + len).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            return format!("{}{}{}", &text[..start], FRAGMENTS[fragment], &text[end..]);
        }
        Edit::DeleteLine(f) => {
            let i = line(f, lines.len());
            lines.remove(i);
        }
        Edit::DuplicateLine(f) => {
            let i = line(f, lines.len());
            lines.insert(i, lines[i]);
        }
        Edit::SwapLines(a, b) => {
            let (a, b) = (line(a, lines.len()), line(b, lines.len()));
            lines.swap(a, b);
        }
    }
    lines.join("\n")
}

// 256 cases by default; `PROPTEST_CASES=20000` for a longer hunt.
proptest! {
    #[test]
    fn edited_specs_validate_or_say_where(edits in proptest::collection::vec(edit(), 1..6)) {
        let text = edits.iter().fold(SPEC.to_owned(), |text, edit| apply(&text, edit));
        let path = Path::new("spec/knox-cloud.yaml");
        let loaded = crate::load_text(path, "spec/knox-cloud.yaml", &text);
        // What an edit leaves valid renders, every file of it, without a
        // panic: one accepted edit in eight (by its text's length), as
        // rendering is most of a case's time.
        if let Ok(catalogue) = &loaded && text.len() % 8 == 0 {
            let files = errcat_pipeline::emit::render(std::slice::from_ref(catalogue));
            prop_assert!(files.iter().any(|file| file.path.ends_with("src/lib.rs")));
        }
        if let Err(found) = loaded {
            prop_assert!(!found.0.is_empty());
            for problem in &found.0 {
                let (line, column) = problem.position.ok_or_else(|| {
                    TestCaseError::fail(format!("no line:\n{problem}\n--- in ---\n{text}"))
                })?;
                prop_assert!(line >= 1 && column >= 1, "{problem}");
                prop_assert!(line <= text.split('\n').count(), "line past the end: {problem}");
                prop_assert!(problem.snippet.is_some(), "no source line: {problem}");
                prop_assert!(problem.help.is_some(), "no help: {problem}");
            }
            // Rendering never panics either, coloured or not.
            prop_assert!(found.render(false).starts_with("error: "));
            prop_assert!(!found.render(true).is_empty());
        }
    }
}

#[test]
fn the_unedited_spec_is_valid() {
    crate::load_text(Path::new("spec/knox-cloud.yaml"), "spec/knox-cloud.yaml", SPEC).expect("valid");
}
