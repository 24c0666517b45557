//! The `errcat` command: generates an error catalogue's crate, OpenAPI
//! documents and Markdown reference from its YAML spec, checks them, and
//! reports what changed since a git revision, and explains a code.
//!
//! ```text
//! errcat gen [--check] [--spec PATH] [--out DIR]
//! errcat diff [REV] [--spec PATH] [--format text|json]
//! errcat explain CODE [--spec PATH]
//! errcat synth --codes N [--string-codes] [--params] [--locales L] --out DIR
//! errcat init [--crate NAME]
//! errcat schema
//! errcat --version
//! ```
//!
//! Exit codes: 0 done or current, 1 stale output (`gen --check`), a
//! breaking or refused change (`diff`) or a code never published
//! (`explain`), 2 a bad spec, bad flags or an I/O failure.
//!
//! The same command line serves a repository's own xtask, under its own
//! name and with paths relative to its root, when the xtask depends on
//! this package as a library:
//!
//! ```no_run
//! use std::path::Path;
//! use std::process::ExitCode;
//!
//! fn main() -> ExitCode {
//!     // The xtask's folder sits at the repository's root.
//!     let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap_or(Path::new("."));
//!     errcat_cli::Cli::new("cargo xtask", root).run(std::env::args_os().skip(1))
//! }
//! ```

mod diff;
mod explain;
mod init;
mod synth;

pub use init::GITATTRIBUTES;

use std::env;
use std::ffi::OsString;
use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use errcat::{Mode, Options, Outcome};

/// The usage text; `{name}` stands for the command's name.
const USAGE: &str = "\
usage: {name} gen [--check] [--spec PATH] [--out DIR]
       {name} diff [REV] [--spec PATH] [--format text|json]
       {name} explain CODE [--spec PATH]
       {name} synth --codes N [--string-codes] [--params] [--locales L] --out DIR
       {name} init [--crate NAME]
       {name} schema
       {name} --version

gen: regenerates the error crate, schemas and docs from the YAML spec,
and adds new codes to each spec's lock (spec/NAME.lock).

  --check       write nothing; exit 1 if any generated file or lock is stale
  --spec PATH   a spec file, or a directory of *.yaml files [default: spec/]
  --out DIR     where generated files go [default: generated/]

diff: compares the catalogues at the git revision REV [default: HEAD]
with the working tree and classes each change as `gen`'s lock does:
refused (with the fix), or allowed with the version bump it needs.
Exits 1 if any change is refused or breaking.

  --format F    `text` [default] or `json`

explain: prints the entry of CODE (a code, an alias or a retired code,
or a link to its entry) from the spec: its name, status, description,
explanation, causes, solutions and recovery, or why it was retired.
Exits 1 if no catalogue ever published it, naming the codes near it.

synth: writes DIR/synth-N.yaml, a deterministic catalogue of N codes
(1 to 1000000) for benchmarks.

  --string-codes  string codes instead (`codes: string`), in DIR/synth-N-string.yaml
  --params        an integer param and a message on every row
  --locales L     L locales (1 to 16), the default `en` among them, each other
                  one translating every row in DIR/synth-N.TAG.yaml

init: starts a catalogue: spec/NAME.yaml, a starter spec whose first line
points editors at the schema, spec/catalogue.schema.json, and the lock's
merge rule in .gitattributes. Refuses to overwrite the spec or schema.

  --crate NAME  the generated crate's name, and the spec's [default: my-errors]

schema: prints the spec format's JSON Schema (draft-07), the one `init`
writes; after an upgrade, `{name} schema > spec/catalogue.schema.json`.

  -V, --version print the generator's version
  -h, --help    print this help";

/// What the command line asked for.
enum Command {
    Gen(Gen),
    Diff(diff::Diff),
    Explain(explain::Explain),
    Synth(synth::Synth),
    Init(init::Init),
    Schema,
    Version,
}

/// `gen`'s arguments.
struct Gen {
    mode: Mode,
    spec: PathBuf,
    out: PathBuf,
}

/// The command line under a name, with its default paths.
#[derive(Debug, Clone)]
pub struct Cli {
    name: String,
    root: PathBuf,
}

impl Cli {
    /// The command line named `name` (`errcat`, `cargo xtask`): its usage
    /// and messages say `name gen`, and so does every generated file's
    /// header. `--spec` defaults to `root/spec` and `--out` to
    /// `root/generated`.
    pub fn new(name: impl Into<String>, root: impl Into<PathBuf>) -> Self {
        Self { name: name.into(), root: root.into() }
    }

    /// Runs the command line `args` (without the program's own name) and
    /// says how the process should exit; it prints its reports itself.
    pub fn run<I>(&self, args: I) -> ExitCode
    where
        I: IntoIterator,
        I::Item: Into<OsString>,
    {
        let usage = USAGE.replace("{name}", &self.name);
        match self.parse_args(args) {
            Ok(Some(Command::Gen(args))) => self.run_gen(&args),
            Ok(Some(Command::Diff(args))) => diff::run(&args),
            Ok(Some(Command::Explain(args))) => explain::run(&args),
            Ok(Some(Command::Synth(args))) => synth::run(&args),
            Ok(Some(Command::Init(args))) => init::run(&args, &self.name),
            Ok(Some(Command::Schema)) => print_all("the schema", errcat::schema::JSON_SCHEMA),
            Ok(Some(Command::Version)) => print_all("the version", &format!("{}\n", self.version())),
            Ok(None) => {
                println!("{usage}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("error: {message}\n\n{usage}");
                ExitCode::from(2)
            }
        }
    }

    fn parse_args<I>(&self, args: I) -> Result<Option<Command>, String>
    where
        I: IntoIterator,
        I::Item: Into<OsString>,
    {
        use lexopt::prelude::*;

        let mut parser = lexopt::Parser::from_args(args);
        match parser.next().map_err(|e| e.to_string())? {
            Some(Value(command)) if command == "gen" => Ok(self.parse_gen(&mut parser)?.map(Command::Gen)),
            Some(Value(command)) if command == "diff" => {
                Ok(diff::parse_args(&mut parser, self.root.join("spec"))?.map(Command::Diff))
            }
            Some(Value(command)) if command == "explain" => {
                Ok(explain::parse_args(&mut parser, self.root.join("spec"))?.map(Command::Explain))
            }
            Some(Value(command)) if command == "synth" => {
                synth::parse_args(&mut parser).map(|s| s.map(Command::Synth))
            }
            Some(Value(command)) if command == "init" => self.parse_init(&mut parser),
            Some(Value(command)) if command == "schema" => {
                Ok(no_arguments(&mut parser, "schema")?.then_some(Command::Schema))
            }
            Some(Short('V') | Long("version")) => {
                Ok(no_arguments(&mut parser, "--version")?.then_some(Command::Version))
            }
            Some(Short('h') | Long("help")) => Ok(None),
            None => Err(format!("no command given: {COMMANDS}")),
            Some(Value(command)) => {
                Err(format!("unknown command `{}`: {COMMANDS}", command.to_string_lossy()))
            }
            Some(other) => Err(other.unexpected().to_string()),
        }
    }

    fn parse_init(&self, parser: &mut lexopt::Parser) -> Result<Option<Command>, String> {
        use lexopt::prelude::*;

        let mut krate = None;
        while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
            match arg {
                Long("crate") => {
                    let name = parser.value().map_err(|e| e.to_string())?.to_string_lossy().into_owned();
                    init::check_crate(&name)?;
                    set_once(&mut krate, "--crate", name)?;
                }
                Short('h') | Long("help") => return Ok(None),
                other => return Err(other.unexpected().to_string()),
            }
        }
        Ok(Some(Command::Init(init::Init {
            spec_dir: self.root.join("spec"),
            root: self.root.clone(),
            krate: krate.unwrap_or_else(|| "my-errors".to_owned()),
        })))
    }

    /// `errcat 0.1.0`, or under another name `cargo xtask (errcat 0.1.0)`.
    fn version(&self) -> String {
        let version = env!("CARGO_PKG_VERSION");
        if self.name == "errcat" {
            format!("errcat {version}")
        } else {
            format!("{} (errcat {version})", self.name)
        }
    }

    fn parse_gen(&self, parser: &mut lexopt::Parser) -> Result<Option<Gen>, String> {
        use lexopt::prelude::*;

        let (mut check, mut spec, mut out) = (None, None, None);
        while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
            match arg {
                Long("check") => set_once(&mut check, "--check", Mode::Check)?,
                Long("spec") => set_once(&mut spec, "--spec", path_value(parser, "--spec")?)?,
                Long("out") => set_once(&mut out, "--out", path_value(parser, "--out")?)?,
                Short('h') | Long("help") => return Ok(None),
                other => return Err(other.unexpected().to_string()),
            }
        }
        Ok(Some(Gen {
            mode: check.unwrap_or(Mode::Write),
            spec: spec.unwrap_or_else(|| self.root.join("spec")),
            out: out.unwrap_or_else(|| self.root.join("generated")),
        }))
    }

    fn run_gen(&self, args: &Gen) -> ExitCode {
        let command = format!("{} gen", self.name);
        let options = Options::default().command(&command);
        let reports = match errcat::generate_with(&args.spec, &args.out, args.mode, &options) {
            Ok(reports) => reports,
            Err(error) => {
                eprintln!("{}", shorten_paths(&error.render(use_color())));
                return ExitCode::from(2);
            }
        };
        let mut stale = 0;
        let mut stdout = std::io::stdout().lock();
        let mut printed = Ok(());
        for report in &reports {
            let (line, out_of_date) = report_line(report);
            stale += usize::from(out_of_date);
            // After a failed write, the rest is counted but not printed.
            if printed.is_ok() {
                printed = writeln!(stdout, "{line}");
            }
        }
        match printed.and_then(|()| stdout.flush()) {
            // A reader that stopped reading (`| head`) wanted no more: the exit code still says what ran.
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                eprintln!("error: cannot print the report of `{command}`: {e}");
                return ExitCode::from(2);
            }
            _ => {}
        }
        if stale > 0 {
            let s = if stale == 1 { "" } else { "s" };
            eprintln!(
                "error: {stale} generated file{s} out of date with the spec; run `{command}` and commit the result"
            );
            return ExitCode::from(1);
        }
        ExitCode::SUCCESS
    }
}

/// The line `gen` prints for `report`, and whether it is out of date.
fn report_line(report: &errcat::FileReport) -> (String, bool) {
    let path = display(&report.path);
    match &report.outcome {
        Outcome::Written => (format!("written    {path}"), false),
        Outcome::Unchanged => (format!("unchanged  {path}"), false),
        Outcome::Missing => (format!("missing    {path}"), true),
        Outcome::Removed => (format!("removed    {path}"), false),
        Outcome::Obsolete => {
            (format!("obsolete   {path} (generated, but the spec no longer produces it)"), true)
        }
        Outcome::Stale { diff } => {
            (format!("stale      {path}\n{}", indent(&shorten_paths(diff.as_str()))), true)
        }
        // An outcome of a later errcat: its word, counted if stale.
        other => (format!("{:<10} {path}", other.to_string()), other.is_stale()),
    }
}

/// The commands, for a message about a missing or unknown one.
const COMMANDS: &str = "the commands are `gen`, `diff`, `explain`, `synth`, `init` and `schema`";

/// Reads the end of a command line that takes no arguments: `false` for
/// `--help`.
fn no_arguments(parser: &mut lexopt::Parser, command: &str) -> Result<bool, String> {
    use lexopt::prelude::*;

    match parser.next().map_err(|e| e.to_string())? {
        None => Ok(true),
        Some(Short('h') | Long("help")) => Ok(false),
        Some(other) => Err(format!("`{command}` takes no arguments: {}", other.unexpected())),
    }
}

/// Prints `text` whole: a full disk or a closed pipe (`errcat schema >
/// spec/catalogue.schema.json`) is an error that says so, not a panic.
pub(crate) fn print_all(what: &str, text: &str) -> ExitCode {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot print {what}: {e}");
            ExitCode::from(2)
        }
    }
}

/// A flag's path, refused when empty: no file or directory has that name,
/// and an empty `--out` would silently mean the current directory.
pub(crate) fn path_value(parser: &mut lexopt::Parser, flag: &str) -> Result<PathBuf, String> {
    let value = parser.value().map_err(|e| e.to_string())?;
    if value.is_empty() {
        return Err(format!("`{flag}` is empty: give it a path"));
    }
    Ok(value.into())
}

/// Records a flag's value, refusing a second one: which of two the user
/// meant is a guess.
pub(crate) fn set_once<T>(slot: &mut Option<T>, flag: &str, value: T) -> Result<(), String> {
    if slot.is_some() {
        return Err(format!("`{flag}` given twice: give it once"));
    }
    *slot = Some(value);
    Ok(())
}

/// Colour only on a terminal that shows it: never when `NO_COLOR` is set
/// (no-color.org) or `TERM` is `dumb`.
pub(crate) fn use_color() -> bool {
    std::io::stderr().is_terminal()
        && env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && env::var_os("TERM").is_none_or(|term| term != "dumb")
}

/// `path` relative to the current directory when it lies below it.
pub(crate) fn display(path: &Path) -> String {
    match env::current_dir() {
        Ok(cwd) => path.strip_prefix(&cwd).unwrap_or(path).display().to_string(),
        Err(_) => path.display().to_string(),
    }
}

/// Messages name files relative to the current directory where possible.
pub(crate) fn shorten_paths(text: &str) -> String {
    match env::current_dir() {
        Ok(cwd) => text.replace(&format!("{}/", cwd.display()), ""),
        Err(_) => text.to_owned(),
    }
}

fn indent(text: &str) -> String {
    text.lines().map(|line| format!("    {line}\n")).collect::<String>().trim_end().to_owned()
}
