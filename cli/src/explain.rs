//! `explain CODE`: a code's whole entry from the spec, in the terminal;
//! for a code never published, the codes near it.

use std::path::PathBuf;
use std::process::ExitCode;

/// `explain`'s arguments.
pub(crate) struct Explain {
    code: String,
    spec: PathBuf,
}

/// Reads `explain CODE [--spec PATH]`: `None` for `--help`.
pub(crate) fn parse_args(
    parser: &mut lexopt::Parser,
    default_spec: PathBuf,
) -> Result<Option<Explain>, String> {
    use lexopt::prelude::*;

    let (mut code, mut spec) = (None, None);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("spec") => crate::set_once(&mut spec, "--spec", crate::path_value(parser, "--spec")?)?,
            Short('h') | Long("help") => return Ok(None),
            Value(value) if code.is_none() => code = Some(value.to_string_lossy().into_owned()),
            Value(value) => {
                return Err(format!("`explain` takes one code, not also `{}`", value.to_string_lossy()));
            }
            other => return Err(other.unexpected().to_string()),
        }
    }
    let code = code.ok_or("`explain` needs a code: `explain 4032251`")?;
    Ok(Some(Explain { code, spec: spec.unwrap_or(default_spec) }))
}

/// Prints the entry: exit 0, or 1 for a code the catalogues never
/// published, 2 for a spec that does not load.
pub(crate) fn run(args: &Explain) -> ExitCode {
    let catalogues = match errcat::load(errcat::SpecInput::Path(&args.spec)) {
        Ok(catalogues) => catalogues,
        Err(problems) => {
            eprintln!("{}", crate::shorten_paths(&problems.render(crate::use_color())));
            return ExitCode::from(2);
        }
    };
    match errcat::explain(&catalogues, &args.code) {
        Ok(entry) => crate::print_all("the entry", &entry),
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}
