//! The OpenAPI documents' responses are published API: other documents
//! `$ref` them. The lock records each one, the documents keep every one
//! they published (marked deprecated) when its status is no longer
//! answered or its name changes, and `diff` says what `gen` does.

use std::fs;
use std::path::Path;

use errcat_pipeline::Mode;
use errcat_pipeline::compat::diff::{ChangeKind, Decision, diff};

use super::Project;

/// A catalogue of string codes: one answered with 400, one with `status`.
fn shop(version: &str, second: &str, retired: &str) -> String {
    format!(
        "title: Shop\ncrate: shop-errors\nversion: {version}\ncodes: string\nbody:\n  code: code\ntables:\n  - id: cart\n    title: Cart errors\n    summary: S\n    errors:\n\
         \x20     - {{code: cart_empty, name: CART_EMPTY, description: D, http_status: 400}}\n{second}{retired}"
    )
}

const BROKEN: &str = "      - {code: broken, name: BROKEN, description: D, http_status: 500}\n";
const RETIRED: &str = "    retired:\n      - {code: broken, name: BROKEN, reason: Never happens now.}\n";

/// The 3.1 document and the 3.0 one, parsed.
fn documents(project: &Project) -> Vec<serde_yaml::Value> {
    ["shop-errors.openapi.yaml", "shop-errors.openapi-3.0.yaml"]
        .iter()
        .map(|name| {
            let text = fs::read_to_string(project.out.join("openapi").join(name)).unwrap();
            serde_yaml::from_str(&text).unwrap()
        })
        .collect()
}

fn load(yaml: &str) -> errcat_model::Catalogue {
    crate::load_text(Path::new("spec/shop.yaml"), "spec/shop.yaml", yaml).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn retiring_the_last_code_of_a_status_keeps_its_response_and_diff_says_so() {
    let before = shop("0.1.0", BROKEN, "");
    let project = Project::new(&before);
    project.generate(Mode::Write).unwrap();
    for doc in documents(&project) {
        assert!(doc["components"]["responses"]["InternalServerError"].is_mapping(), "{doc:?}");
    }
    let after = shop("0.2.0", "", RETIRED);
    project.edit(&after);
    project.generate(Mode::Write).expect("retiring with a breaking bump is accepted");

    // Every document that references the response still resolves.
    for doc in documents(&project) {
        let kept = &doc["components"]["responses"]["InternalServerError"];
        assert_eq!(kept["x-deprecated"], true, "{kept:?}");
        let description = kept["description"].as_str().unwrap();
        assert!(
            description
                .starts_with("**Deprecated:** no error of this catalogue is answered with HTTP status 500"),
            "{description}"
        );
        assert_eq!(kept["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/ErrorBody");
    }
    let lock = fs::read_to_string(project.lock()).unwrap();
    assert!(lock.contains("\nresponse 500 InternalServerError kept 0.1.0\n"), "{lock}");
    assert!(lock.contains("\nresponse 400 BadRequest active 0.1.0\n"), "{lock}");

    // `diff` sees the same: the response is kept, which breaks nothing.
    let report = diff(&load(&before), &load(&after));
    let responses: Vec<(ChangeKind, bool)> = report
        .changes
        .iter()
        .filter(|change| change.summary.starts_with("response "))
        .map(|change| (change.kind, change.is_breaking()))
        .collect();
    assert_eq!(responses, [(ChangeKind::ResponseKept, false)], "{report}");
    assert_eq!(report.decision, Decision::Accepted, "{report}");

    // And it stays kept, whatever comes later.
    project.edit(&shop(
        "0.2.1",
        "      - {code: late, name: LATE, description: D, http_status: 504}\n",
        RETIRED,
    ));
    project.generate(Mode::Write).unwrap();
    for doc in documents(&project) {
        assert_eq!(doc["components"]["responses"]["InternalServerError"]["x-deprecated"], true);
    }
    assert_eq!(project.generate(Mode::Check).unwrap().iter().filter(|r| r.outcome.is_stale()).count(), 0);
}

#[test]
fn a_response_the_lock_records_cannot_vanish_without_a_breaking_bump() {
    let before = shop("0.1.0", BROKEN, "");
    let project = Project::new(&before);
    project.generate(Mode::Write).unwrap();
    // No HTTP status any more: the documents have no responses to keep.
    let after = before
        .replace(", http_status: 400", "")
        .replace(", http_status: 500", "")
        .replace("body:\n  code: code\n", "");
    project.edit(&after);
    let error = project.generate(Mode::Write).unwrap_err();
    assert!(
        error.contains("response `InternalServerError` (HTTP 500) is gone from the OpenAPI documents"),
        "{error}"
    );
    let report = diff(&load(&before), &load(&after));
    let removed = report.changes.iter().filter(|change| change.kind == ChangeKind::ResponseRemoved);
    assert!(removed.clone().count() == 2 && removed.clone().all(|change| change.is_breaking()), "{report}");
    assert_eq!(report.decision, Decision::NeedsVersion, "{report}");
}

#[test]
fn names_an_earlier_version_published_are_kept_beside_the_reason_phrase() {
    let project = Project::new(&shop(
        "0.1.0",
        "      - {code: pay, name: PAY, description: D, http_status: 402}\n",
        "",
    ));
    project.generate(Mode::Write).unwrap();
    // The lock as an earlier version wrote it: no response lines, and the
    // documents named the response of a status no HTTP row lists `Status_NNN`.
    let lock = fs::read_to_string(project.lock()).unwrap();
    let earlier: String =
        lock.lines().filter(|line| !line.starts_with("response")).map(|line| format!("{line}\n")).collect();
    fs::write(project.lock(), earlier).unwrap();
    project.generate(Mode::Write).unwrap();

    for doc in documents(&project) {
        let responses = &doc["components"]["responses"];
        let current = &responses["PaymentRequired"];
        assert!(current["description"].as_str().unwrap().starts_with("Payment Required. "), "{current:?}");
        assert!(current.get("x-deprecated").is_none());
        let kept = &responses["Status_402"];
        assert_eq!(kept["x-deprecated"], true, "{responses:?}");
        assert!(
            kept["description"].as_str().unwrap().contains("reference `PaymentRequired` instead"),
            "{kept:?}"
        );
    }
    let lock = fs::read_to_string(project.lock()).unwrap();
    assert!(
        lock.contains("\nresponse 402 PaymentRequired active 0.1.0\nresponse 402 Status_402 kept 0.1.0\n"),
        "{lock}"
    );
    // A new catalogue has no earlier names to keep.
    let fresh = Project::new(&shop(
        "0.1.0",
        "      - {code: pay, name: PAY, description: D, http_status: 402}\n",
        "",
    ));
    fresh.generate(Mode::Write).unwrap();
    for doc in documents(&fresh) {
        assert!(doc["components"]["responses"].get("Status_402").is_none());
    }
}

/// A string code spelt like the keyword of the version line or of a
/// response line is a code line (it ends with its row's quoted name), so
/// a lock that records one reads back.
#[test]
fn string_codes_named_like_the_version_and_response_lines_stay_codes() {
    let rows = "      - {code: version, name: VERSION, description: D, http_status: 409}\n\
                \x20     - {code: response, name: RESPONSE, description: D, http_status: 502}\n";
    let project = Project::new(&shop("0.1.0", rows, ""));
    project.generate(Mode::Write).unwrap();
    let lock = fs::read_to_string(project.lock()).unwrap();
    assert!(lock.contains("\nversion cart active 0.1.0 CartError::Version \"VERSION\"\n"), "{lock}");
    assert!(lock.contains("\nresponse cart active 0.1.0 CartError::Response \"RESPONSE\"\n"), "{lock}");
    assert!(lock.starts_with("# ") && lock.contains("\nversion 0.1.0\n"), "{lock}");
    project.generate(Mode::Check).expect("the lock reads back");
}
