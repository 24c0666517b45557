//! `synth`: a deterministic catalogue of N codes for benchmarks, with a
//! param on every row or several locales if asked.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::{display, path_value, set_once};

/// `synth`'s arguments.
pub struct Synth {
    codes: usize,
    string: bool,
    params: bool,
    locales: Option<usize>,
    out: PathBuf,
}

/// A number flag's value within `1..=max`.
fn number(parser: &mut lexopt::Parser, flag: &str, what: &str, max: usize) -> Result<usize, String> {
    let value = parser.value().map_err(|e| e.to_string())?;
    let value = value.to_string_lossy();
    value
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=max).contains(n))
        .ok_or_else(|| format!("`{flag} {value}`: give a number of {what} from 1 to {max}"))
}

pub fn parse_args(parser: &mut lexopt::Parser) -> Result<Option<Synth>, String> {
    use lexopt::prelude::*;

    let (mut codes, mut out, mut locales, mut string, mut params) = (None, None, None, None, None);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("codes") => {
                let n = number(parser, "--codes", "codes", errcat::synth::MAX_CODES)?;
                set_once(&mut codes, "--codes", n)?;
            }
            Long("locales") => {
                let n = number(parser, "--locales", "locales", errcat::synth::MAX_LOCALES)?;
                set_once(&mut locales, "--locales", n)?;
            }
            Long("out") => set_once(&mut out, "--out", path_value(parser, "--out")?)?,
            Long("string-codes") => set_once(&mut string, "--string-codes", true)?,
            Long("params") => set_once(&mut params, "--params", true)?,
            Short('h') | Long("help") => return Ok(None),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let (string, params) = (string.is_some(), params.is_some());
    if string && params {
        return Err("`--params` makes integer codes: leave out `--string-codes`".to_owned());
    }
    match (codes, out) {
        (Some(codes), Some(out)) => Ok(Some(Synth { codes, string, params, locales, out })),
        _ => Err("`synth` needs `--codes N` and `--out DIR`".to_owned()),
    }
}

pub fn run(args: &Synth) -> ExitCode {
    let codes = args.codes;
    let (name, spec) = match (args.string, args.params) {
        (true, _) => (format!("synth-{codes}-string"), errcat::synth::string_spec(codes)),
        (false, true) => (format!("synth-{codes}"), errcat::synth::params_spec(codes)),
        (false, false) => (format!("synth-{codes}"), errcat::synth::spec(codes)),
    };
    let (spec, translations) = match args.locales {
        Some(locales) => errcat::synth::localize(&spec, locales),
        None => (spec, Vec::new()),
    };
    let files = std::iter::once((args.out.join(format!("{name}.yaml")), spec)).chain(
        translations.into_iter().map(|(tag, text)| (args.out.join(format!("{name}.{tag}.yaml")), text)),
    );
    for (path, text) in files {
        if let Err(error) = std::fs::create_dir_all(&args.out).and_then(|()| std::fs::write(&path, text)) {
            eprintln!("error: {}: {error}", display(&path));
            return ExitCode::from(2);
        }
        println!("written    {}", display(&path));
    }
    ExitCode::SUCCESS
}
