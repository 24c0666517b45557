//! The command line's tests, as one test binary: what a user types and
//! what they see (exit codes, messages, files).

mod cargo_lock;
mod cli;
mod diff;
mod explain;
mod init;
mod routes;
mod upgrade;
