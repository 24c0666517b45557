//! Serves Knox-shaped error responses on 127.0.0.1, requests each one, and
//! prints the typed error and the next step the client takes.
//!
//! ```sh
//! cargo run -p knox-client --features client --example round_trip
//! ```

#[path = "../tests/common/mod.rs"]
mod common;

use std::process::ExitCode;
use std::time::Duration;

use common::{FakeKnox, agent, fetch_error};
use knox_client::{KNOX_RESPONSES, next_step};

fn main() -> ExitCode {
    let server = match FakeKnox::start(KNOX_RESPONSES, KNOX_RESPONSES.len(), Duration::from_secs(20)) {
        Ok(server) => server,
        Err(e) => {
            eprintln!("error: cannot listen on 127.0.0.1: {e}");
            return ExitCode::FAILURE;
        }
    };
    let agent = agent();
    for canned in KNOX_RESPONSES {
        let url = format!("{}{}", server.base_url, canned.path);
        match fetch_error(&agent, &url) {
            Ok(error) => {
                println!("GET {}", canned.path);
                println!("  {error}");
                println!("  next step: {}", next_step(&error));
            }
            Err(e) => {
                eprintln!("error: GET {url}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    match server.stop() {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: the server failed: {e}");
            ExitCode::FAILURE
        }
    }
}
