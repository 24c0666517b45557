//! `errcat`: the installed command. Paths default to `spec/` and
//! `generated/` under the working directory.

use std::process::ExitCode;

fn main() -> ExitCode {
    errcat_cli::Cli::new("errcat", "").run(std::env::args_os().skip(1))
}
