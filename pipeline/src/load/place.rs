//! Placing problems: every problem gets its line, the source line and
//! an underline, from the text it was found in, held in memory.

use super::locate;
use errcat_model::diagnostic::{Diagnostic, Diagnostics, SourceLine};
use errcat_model::source::SourceFile;
use errcat_model::source::SpecPath;

/// Places every problem that has no source line yet in the text of its
/// file among `sources`, then sorts them all by file and line. A problem
/// in a file not among them keeps the position it has.
pub fn finish(problems: Vec<Diagnostic>, sources: &[&SourceFile]) -> Diagnostics {
    let mut problems = problems;
    for source in sources {
        let (mut mine, others): (Vec<Diagnostic>, Vec<Diagnostic>) =
            problems.into_iter().partition(|p| p.snippet.is_none() && p.file == source.path);
        place(&source.text, &mut mine);
        problems = others;
        problems.extend(mine);
    }
    let mut problems = Diagnostics(problems);
    problems.sort();
    problems
}

/// Gives every problem that has a spec path but no position the position
/// of that path's value (or of its nearest existing parent), and every
/// positioned problem its source line.
pub fn place(text: &str, found: &mut [Diagnostic]) {
    let paths: Vec<&SpecPath> =
        found.iter().filter(|d| d.position.is_none()).filter_map(|d| d.spec_path.as_ref()).collect();
    let spots = if paths.is_empty() { Default::default() } else { locate::locate(text, &paths) };
    let lines = locate::lines(text);
    for problem in found.iter_mut() {
        let mut width = None;
        if problem.position.is_none()
            && let Some(spot) = problem.spec_path.as_ref().and_then(|p| spots.get(p))
        {
            problem.position = Some((spot.line, spot.column));
            width = Some(spot.width);
        }
        if problem.snippet.is_some() {
            continue;
        }
        if let Some((line, column)) = problem.position
            && let Some(&text) = line.checked_sub(1).and_then(|i| lines.get(i))
        {
            let width = width.unwrap_or_else(|| token_width(text, column));
            problem.snippet = Some(Box::new(SourceLine { text: text.to_owned(), width: width.max(1) }));
        }
    }
}

/// How many characters the YAML token at 1-based `column` spans: a quoted
/// scalar to its closing quote, a plain one to the next `: `, `,`, `]`,
/// `}` or ` #`. Only for positions that come without a span: a syntax
/// error's mark, or a line of another file.
fn token_width(line: &str, column: usize) -> usize {
    let chars: Vec<char> = line.chars().skip(column.saturating_sub(1)).collect();
    let Some(&first) = chars.first() else { return 1 };
    if first == '"' || first == '\'' {
        let mut escaped = false;
        for (i, &c) in chars.iter().enumerate().skip(1) {
            if c == first && !escaped {
                return i + 1;
            }
            escaped = first == '"' && c == '\\' && !escaped;
        }
        return chars.len();
    }
    let mut end = chars.len();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let ends = matches!(c, ',' | ']' | '}')
            || (c == ':' && next.is_none_or(char::is_whitespace))
            || (c == '#' && i > 0 && chars[i - 1].is_whitespace());
        if ends {
            end = i;
            break;
        }
    }
    let token: String = chars[..end].iter().collect();
    token.trim_end().chars().count().max(1)
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
        assert_eq!(in_spec.snippet.as_deref(), Some(&SourceLine { text: "crate: Bad".into(), width: 3 }));
        assert_eq!((elsewhere.position, elsewhere.snippet.is_none()), (Some((3, 1)), true));
    }

    #[test]
    fn a_catalogue_keeps_the_text_it_was_loaded_from() {
        let text = include_str!("../../../spec/knox-cloud.yaml");
        let path = Path::new("spec/knox-cloud.yaml");
        let catalogue = crate::check(path, "spec/knox-cloud.yaml", text).expect("valid");
        let file = catalogue.spec_file.expect("kept");
        assert_eq!((file.path.as_path(), file.text.as_str()), (path, text));
    }
}
