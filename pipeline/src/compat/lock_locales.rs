//! The lock's record of the catalogue's locales: the generated `Locale`
//! enum's variants, so that none is dropped without the lock seeing it.
//!
//! ```text
//! locale: en default
//! locale: de
//! ```
//!
//! A `locale:` line per locale in spec order, the default first and
//! marked so. A catalogue without `locales:` has none; a lock from before
//! locales existed has none either, and so was a catalogue's without
//! them: nothing to migrate.

use std::fmt::Write as _;
use std::path::Path;

use errcat_model::diagnostic::Diagnostic;

const LOCALE: &str = "locale: ";
const DEFAULT: &str = " default";

/// Reads line `n` into `locales` if it is a `locale:` line, and says
/// whether it was.
pub(crate) fn read(
    path: &Path,
    n: usize,
    line: &str,
    locales: &mut Vec<String>,
    problems: &mut Vec<Diagnostic>,
) -> bool {
    let Some(rest) = line.strip_prefix(LOCALE) else { return false };
    let (tag, default) = match rest.strip_suffix(DEFAULT) {
        Some(tag) => (tag, true),
        None => (rest, false),
    };
    let problem = if errcat_model::locales::check_tag(tag).is_err() {
        Some(format!("line {n} of the lock is not a locale: `{tag}` is no BCP 47 tag"))
    } else if locales.iter().any(|locked| locked == tag) {
        Some(format!("locale `{tag}` is locked twice: a merge kept both sides"))
    } else if default && !locales.is_empty() {
        Some(format!("locale `{tag}` is locked as the default after another locale"))
    } else {
        None
    };
    match problem {
        Some(message) => problems.push(Diagnostic::new(path, message).at(n, 1).help(
            "keep the lines that match the spec's `locales:` (the default first), then run `gen` again",
        )),
        None => locales.push(tag.to_owned()),
    }
    true
}

/// Writes the record's lines: nothing for a catalogue without locales.
pub(crate) fn render(out: &mut String, locales: &[String]) {
    let Some((default, others)) = locales.split_first() else { return };
    out.push_str(
        "# The values of `Locale` at this version, the default first: removing\n\
         # one is a breaking change.\n",
    );
    let _ = writeln!(out, "{LOCALE}{default}{DEFAULT}");
    for tag in others {
        let _ = writeln!(out, "{LOCALE}{tag}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_read_back_as_written() {
        let locales = vec!["en".to_owned(), "de".to_owned(), "zh-Hant".to_owned()];
        let mut out = String::new();
        render(&mut out, &locales);
        let (mut read_back, mut problems) = (Vec::new(), Vec::new());
        for (i, line) in out.lines().enumerate().filter(|(_, line)| !line.starts_with('#')) {
            assert!(read(Path::new("x.lock"), i + 1, line, &mut read_back, &mut problems));
        }
        assert_eq!((read_back, problems.len()), (locales, 0));
    }

    #[test]
    fn a_locale_twice_or_malformed_is_a_problem_at_its_line() {
        let (mut locales, mut problems) = (Vec::new(), Vec::new());
        for (n, line) in
            ["locale: en default", "locale: en", "locale: en_US", "locale: de default"].iter().enumerate()
        {
            read(Path::new("x.lock"), n + 1, line, &mut locales, &mut problems);
        }
        let lines: Vec<_> = problems.iter().map(|p| p.position).collect();
        assert_eq!(lines, [Some((2, 1)), Some((3, 1)), Some((4, 1))]);
        assert_eq!(locales, ["en"]);
    }
}
