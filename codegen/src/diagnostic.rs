//! Problems a user can cause, as values that say where and how to fix them.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in a spec file, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The spec file, as the user named it.
    pub file: PathBuf,
    /// 1-based line and column, when known.
    pub position: Option<(usize, usize)>,
    /// Where in the YAML document the offending value sits, as a path
    /// such as `tables[1].errors[0].code` (indexes from 0). Validation
    /// names values this way; the loader turns paths into positions.
    pub yaml_path: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A problem in `file` with no known position yet.
    pub fn new(file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_path_buf(),
            position: None,
            yaml_path: None,
            message: message.into(),
            help: None,
        }
    }

    /// Sets the 1-based line and column.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.position = Some((line, column));
        self
    }

    /// Sets the YAML path of the offending value.
    pub fn yaml_path(mut self, path: impl Into<String>) -> Self {
        self.yaml_path = Some(path.into());
        self
    }

    /// Sets the line saying how to fix the problem.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        match self.position {
            Some((line, column)) => write!(f, "  --> {}:{line}:{column}", self.file.display())?,
            None => match &self.yaml_path {
                Some(path) => write!(f, "  --> {} (at `{path}`)", self.file.display())?,
                None => write!(f, "  --> {}", self.file.display())?,
            },
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

/// Every problem found in one run, in the order they were found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n\n")?;
            }
            write!(f, "{diagnostic}")?;
        }
        match self.0.len() {
            0 | 1 => Ok(()),
            n => write!(f, "\n\nerror: aborting due to {n} errors"),
        }
    }
}

impl std::error::Error for Diagnostics {}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics(vec![diagnostic])
    }
}
