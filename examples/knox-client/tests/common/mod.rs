//! A stand-in for a Knox Cloud service on 127.0.0.1, and a client for it.
//! Shared by the `round_trip` test and example.

use std::io;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use knox_client::KnoxResponse;
use knox_cloud_errors::ApiError;

/// How long the fake service asks a client that sent too many requests to
/// wait, in seconds: its 429 answers' `Retry-After`.
const TOO_MANY_REQUESTS_WAIT: &str = "30";

/// A server answering each request path with its canned response. It
/// stops after `max_requests` requests or when `lifetime` has passed,
/// whichever comes first, so a test can never hang on it.
pub struct FakeKnox {
    /// `http://127.0.0.1:<port>`.
    pub base_url: String,
    served: JoinHandle<io::Result<usize>>,
}

impl FakeKnox {
    pub fn start(
        responses: &'static [KnoxResponse],
        max_requests: usize,
        lifetime: Duration,
    ) -> io::Result<FakeKnox> {
        let server = tiny_http::Server::http("127.0.0.1:0").map_err(io::Error::other)?;
        let port =
            server.server_addr().to_ip().map(|addr| addr.port()).ok_or(io::ErrorKind::AddrNotAvailable)?;
        let deadline = Instant::now() + lifetime;
        let served = thread::spawn(move || {
            let mut served = 0;
            while served < max_requests {
                let left = deadline.saturating_duration_since(Instant::now());
                let Some(request) = server.recv_timeout(left)? else { break };
                served += 1;
                let response = match responses.iter().find(|r| r.path == request.url()) {
                    Some(canned) => {
                        let response = tiny_http::Response::from_string(canned.body)
                            .with_status_code(canned.status)
                            .with_header(header("Content-Type", canned.content_type));
                        // As a service says how long to wait after too many requests.
                        match canned.status {
                            429 => response.with_header(header("Retry-After", TOO_MANY_REQUESTS_WAIT)),
                            _ => response,
                        }
                    }
                    None => tiny_http::Response::from_string("no such path").with_status_code(404),
                };
                request.respond(response)?;
            }
            Ok(served)
        });
        Ok(FakeKnox { base_url: format!("http://127.0.0.1:{port}"), served })
    }

    /// Waits for the server to stop; the number of requests it served.
    pub fn stop(self) -> io::Result<usize> {
        self.served.join().map_err(|_| io::Error::other("the server thread panicked"))?
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    // Both are ASCII constants from this file or `KNOX_RESPONSES`.
    tiny_http::Header::from_bytes(name, value).expect("an ASCII header")
}

/// A client that treats error statuses as responses to read, not as
/// transport errors, and never waits long.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(5)))
        .build()
        .into()
}

/// GETs `url` and classifies the response with the generated crate.
pub fn fetch_error(agent: &ureq::Agent, url: &str) -> Result<ApiError, ureq::Error> {
    let response = agent.get(url).call()?;
    // ureq hands back the status and headers as `http` types: read the
    // body, and let the crate classify the parts.
    let (parts, mut body) = response.into_parts();
    let bytes = body.read_to_vec()?;
    Ok(ApiError::from_parts(parts.status, &parts.headers, &bytes))
}
