//! The documents' responses are named and described by their HTTP status
//! (RFC 9110's reason phrases, as the IANA registry lists them), and
//! those of 429 and 503 declare `Retry-After` (RFC 9110, section 10.2.3)
//! from one reusable header, in both versions.

use std::path::Path;

use errcat_model::Catalogue;
use errcat_model::http_status::http_status;
use errcat_pipeline::emit::openapi::{self, Version};
use serde_yaml::Value;

use crate::fixtures::catalogues;

fn document(catalogue: &Catalogue, version: Version) -> Value {
    serde_yaml::from_str(&openapi::emit_openapi(catalogue, version)).expect("YAML")
}

fn load(yaml: &str) -> Catalogue {
    crate::load_text(Path::new("spec/pay.yaml"), "spec/pay.yaml", yaml).unwrap_or_else(|e| panic!("{e}"))
}

/// A string catalogue whose rows answer with `statuses`, and optionally
/// an HTTP table of integer codes (then the catalogue's codes are integers).
fn payments(statuses: &[u16]) -> Catalogue {
    let rows: String = statuses
        .iter()
        .map(|status| {
            format!("      - {{code: e{status}, name: E{status}, description: D, http_status: {status}}}\n")
        })
        .collect();
    load(&format!(
        "title: Pay\ncrate: pay-errors\nversion: 0.1.0\ncodes: string\nbody:\n  code: code\ntables:\n  - id: pay\n    title: T\n    summary: S\n    errors:\n{rows}"
    ))
}

#[test]
fn a_status_no_row_lists_takes_its_reason_phrase_and_standard_description() {
    let catalogue = payments(&[402, 418, 422]);
    for version in [Version::V3_1, Version::V3_0] {
        let doc = document(&catalogue, version);
        let responses = &doc["components"]["responses"];
        let keys: Vec<&str> =
            responses.as_mapping().unwrap().keys().map(|key| key.as_str().unwrap()).collect();
        assert_eq!(keys, ["PaymentRequired", "Status_418", "UnprocessableContent"]);
        assert_eq!(
            responses["PaymentRequired"]["description"],
            "Payment Required. Payment is required before the request can be processed (reserved by RFC 9110 for future use)."
        );
        // 418 is `(Unused)` in the registry: the neutral fallback.
        assert_eq!(responses["Status_418"]["description"], "HTTP status 418.");
    }
}

#[test]
fn a_reason_phrase_an_http_row_already_names_falls_back_to_the_status() {
    // An HTTP row answered with 404 but named as 402's phrase.
    let catalogue = load(
        "title: Pay\ncrate: pay-errors\nversion: 0.1.0\ntables:\n  - id: http\n    kind: http_status\n    title: T\n    summary: S\n    errors:\n      - {code: 404, name: Payment Required, description: Odd.}\n  - id: pay\n    title: T\n    summary: S\n    errors:\n      - {code: 1, name: NO_FUNDS, description: D, http_status: 402}\n",
    );
    assert_eq!(catalogue.response_name(404), "PaymentRequired");
    assert_eq!(catalogue.response_name(402), "Status_402");
}

#[test]
fn every_response_of_every_fixture_is_named_by_its_row_or_its_status() {
    for catalogue in catalogues() {
        let doc = document(&catalogue, Version::V3_1);
        for status in catalogue.response_statuses() {
            let name = catalogue.response_name(status);
            let response = &doc["components"]["responses"][name.as_str()];
            match (catalogue.http_row(status), http_status(status)) {
                (Some((_, row)), _) => assert_eq!(name, row.rust_variant),
                (None, Some(registered)) => {
                    assert!(name == registered.name || name == format!("Status_{status}"), "{name}");
                    let description = response["description"].as_str().unwrap();
                    assert_eq!(description, format!("{}. {}", registered.phrase, registered.description));
                }
                (None, None) => assert_eq!(name, format!("Status_{status}")),
            }
        }
    }
}

#[test]
fn responses_of_429_and_503_declare_retry_after_from_one_header() {
    let mut declared = 0;
    for catalogue in catalogues().into_iter().chain([payments(&[400, 429, 503])]) {
        for version in [Version::V3_1, Version::V3_0] {
            let doc = document(&catalogue, version);
            let header = &doc["components"]["headers"][openapi::RETRY_AFTER];
            let statuses = catalogue.response_statuses();
            let retries = statuses.iter().any(|status| [429, 503].contains(status));
            assert_eq!(header.is_mapping(), retries, "{}: the header only when used", catalogue.source);
            for status in statuses {
                let response = &doc["components"]["responses"][catalogue.response_name(status).as_str()];
                let reference = &response["headers"][openapi::RETRY_AFTER]["$ref"];
                if [429, 503].contains(&status) {
                    assert_eq!(reference, "#/components/headers/Retry-After", "{}", catalogue.source);
                    declared += 1;
                } else {
                    assert!(response.get("headers").is_none(), "{}: {status}", catalogue.source);
                }
            }
            if retries {
                // delay-seconds or an HTTP-date.
                let kinds: Vec<&str> = header["schema"]["anyOf"]
                    .as_sequence()
                    .unwrap()
                    .iter()
                    .map(|schema| schema["type"].as_str().unwrap())
                    .collect();
                assert_eq!(kinds, ["integer", "string"]);
                assert!(header["description"].as_str().unwrap().contains("RFC 9110, section 10.2.3"));
            }
        }
    }
    assert!(declared >= 4, "the fixtures and the payments catalogue answer with 429 and 503");
}
