//! Placing problems: every problem gets its line, the source line and
//! an underline, from the text it was found in, held in memory.

use super::locate;
use errcat_model::diagnostic::{Diagnostic, Diagnostics, SourceLine, show_source_lines};
use errcat_model::source::SourceFile;
use errcat_model::source::SpecPath;

/// Places every problem that has no source line yet in the text of its
/// file among `sources`, then sorts them all by file and line. A problem
/// in a file not among them keeps the position it has.
pub(crate) fn finish(problems: Vec<Diagnostic>, sources: &[&SourceFile]) -> Diagnostics {
    let mut problems = problems;
    for source in sources {
        let (mut mine, others): (Vec<Diagnostic>, Vec<Diagnostic>) =
            problems.into_iter().partition(|p| p.snippet.is_none() && p.file == source.path);
        place(&source.text, &mut mine);
        problems = others;
        problems.extend(mine);
    }
    let mut problems = Diagnostics::from(problems);
    problems.sort();
    problems
}

/// Gives every problem that has a spec path but no position the position
/// of that path's value (or of its nearest existing parent), and every
/// positioned problem its source line.
fn place(text: &str, found: &mut [Diagnostic]) {
    let paths: Vec<&SpecPath> =
        found.iter().filter(|d| d.position.is_none()).filter_map(|d| d.spec_path.as_ref()).collect();
    if !paths.is_empty() {
        let spots = locate::locate(text, &paths);
        let lines = locate::lines(text);
        for problem in found.iter_mut().filter(|problem| problem.position.is_none()) {
            let Some(spot) = problem.spec_path.as_ref().and_then(|p| spots.get(p)) else { continue };
            problem.position = Some((spot.line, spot.column));
            // The located value's own width, not the token's at its column.
            if problem.snippet.is_none()
                && let Some(&line) = spot.line.checked_sub(1).and_then(|i| lines.get(i))
            {
                problem.snippet = Some(Box::new(SourceLine::new(line, spot.width)));
            }
        }
    }
    show_source_lines(text, found);
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn problems_are_placed_in_the_text_held_not_in_the_file() {
        let spec = SourceFile { path: "nowhere/spec.yaml".into(), text: "title: T\ncrate: Bad\n".into() };
        let in_spec = Diagnostic::new(&spec.path, "bad crate").spec_path(SpecPath::root().field("crate"));
        let elsewhere = Diagnostic::new(Path::new("nowhere/spec.lock"), "bad line").at(3, 1);
        let found = finish(vec![in_spec, elsewhere], &[&spec]);
        let [elsewhere, in_spec] = &found.0[..] else { panic!("two problems: {found}") };
        assert_eq!(in_spec.position, Some((2, 8)));
        assert_eq!(in_spec.snippet.as_deref(), Some(&SourceLine::new("crate: Bad", 3)));
        assert_eq!((elsewhere.position, elsewhere.snippet.is_none()), (Some((3, 1)), true));
    }

    #[test]
    fn a_catalogue_keeps_the_text_it_was_loaded_from() {
        let text = include_str!("../../../spec/knox-cloud.yaml");
        let path = Path::new("spec/knox-cloud.yaml");
        let [catalogue] =
            &super::super::load(super::super::SpecInput::text(path, "spec/knox-cloud.yaml", text))
                .expect("valid")[..]
        else {
            panic!("one catalogue")
        };
        let file = catalogue.spec_file.as_ref().expect("kept");
        assert_eq!((file.path.as_path(), file.text.as_str()), (path, text));
    }
}
