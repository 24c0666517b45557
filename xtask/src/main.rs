//! `cargo xtask`: this repository's own command line, `errcat`'s under
//! the name `cargo xtask`, with `spec/` and `generated/` at the
//! repository's root (see `errcat_cli::Cli`).

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    // This crate's folder sits at the repository's root.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap_or(Path::new("."));
    errcat_cli::Cli::new("cargo xtask", root).run(std::env::args_os().skip(1))
}
