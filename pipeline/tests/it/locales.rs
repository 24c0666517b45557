//! Locales: translation files are found beside their spec and never read
//! as specs, their texts reach the catalogue, and the hostile-input rules
//! hold for them as for a spec.

use std::path::{Path, PathBuf};

use errcat_model::params::Piece;
use errcat_model::{Catalogue, Code};
use errcat_pipeline::{SpecInput, load};

use crate::fixtures::root;

/// A folder holding the `localized` fixture and its translation files.
fn localized_folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let spec = dir.path().join("spec");
    std::fs::create_dir(&spec).expect("the spec folder");
    for name in ["localized.yaml", "localized.de.yaml", "localized.fr.yaml"] {
        std::fs::copy(root().join("tests/fixtures").join(name), spec.join(name)).expect("the fixture");
    }
    (dir, spec)
}

fn loaded(spec: &Path) -> Result<Vec<Catalogue>, String> {
    load(SpecInput::Path(spec)).map_err(|found| found.render(false))
}

#[test]
fn a_folder_with_translation_files_holds_one_spec() {
    let (_dir, spec) = localized_folder();
    let catalogues = loaded(&spec).expect("valid");
    let [catalogue] = &catalogues[..] else { panic!("one spec, not its translations") };
    assert_eq!(catalogue.source, "spec/localized.yaml");
    let locales = catalogue.locales.as_ref().expect("declared");
    assert_eq!(locales.default, "en");
    let [de, fr] = &locales.others[..] else { panic!("two others") };
    assert_eq!((de.tag.as_str(), de.partial, fr.tag.as_str(), fr.partial), ("de", false, "fr", true));
    let rows: Vec<_> = catalogue.rows().map(|(_, row)| row).collect();
    assert_eq!(de.description(rows[0]), "Der Server hat keine Verbindung mehr für den Client frei.");
    // The German template puts the params in another order.
    let pieces = &de.message(rows[2]).expect("a message").pieces;
    let params: Vec<&str> = pieces
        .iter()
        .filter_map(|p| if let Piece::Param(name) = p { Some(name.as_str()) } else { None })
        .collect();
    assert_eq!(params, ["index", "entry"]);
    // French is partial: what it lacks falls back to English.
    assert_eq!(fr.description(rows[3]), rows[3].description);
    assert_eq!(fr.message(rows[3]).expect("translated").source, "La table '{$db}.{$table}' n'existe pas");
    assert_eq!(fr.message(rows[1]), rows[1].message.as_ref());
    assert!(fr.row(&Code::Integer(1045)).is_none());
    assert!(de.file.as_ref().expect("kept").path.ends_with("localized.de.yaml"));
}

#[test]
fn a_translation_file_passed_as_the_spec_is_refused_with_its_spec() {
    let (_dir, spec) = localized_folder();
    let found = loaded(&spec.join("localized.de.yaml")).expect_err("no spec");
    assert!(found.contains("error: this is a translation file, not a spec"), "{found}");
    assert!(found.contains("localized.yaml"), "{found}");
}

#[test]
fn a_spec_read_from_text_alone_has_locales_without_texts() {
    let text = std::fs::read(root().join("tests/fixtures/localized.yaml")).expect("the fixture");
    let catalogues =
        load(SpecInput::text(Path::new("nowhere/localized.yaml"), "localized.yaml", &text)).expect("valid");
    let others = catalogues[0].other_locales();
    assert_eq!(others.len(), 2);
    assert!(others.iter().all(|locale| locale.texts.is_none() && locale.file.is_none()));
}

#[cfg(unix)]
#[test]
fn a_translation_file_that_is_no_regular_file_is_refused_unread() {
    let (_dir, spec) = localized_folder();
    let fifo = spec.join("localized.de.yaml");
    std::fs::remove_file(&fifo).expect("removed");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let found = loaded(&spec).expect_err("a FIFO is not read");
    assert!(found.contains("error: the translation file is a named pipe (FIFO), not a file"), "{found}");
}

#[test]
fn hostile_translation_files_are_refused_at_their_line() {
    let (_dir, spec) = localized_folder();
    let de = spec.join("localized.de.yaml");
    let deep = format!("1040:\n  description: {}x{}\n", "[".repeat(100), "]".repeat(100));
    std::fs::write(&de, deep).expect("written");
    let found = loaded(&spec).expect_err("too deep");
    assert!(found.contains("nests too deep") && found.contains("localized.de.yaml:2:"), "{found}");
    let mut bomb = String::from(
        "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    for (name, prev) in
        ["b", "c", "d", "e", "f", "g", "h", "i"].iter().zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        bomb.push_str(&format!("{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
    }
    std::fs::write(&de, bomb).expect("written");
    let found = loaded(&spec).expect_err("aliases repeat too much");
    assert!(found.contains("aliases repeat too much"), "{found}");
    std::fs::write(&de, "1040: [unclosed\n").expect("written");
    let found = loaded(&spec).expect_err("not YAML");
    assert!(found.contains("the translation file is not YAML"), "{found}");
    std::fs::write(&de, "1040:\n  description: \u{1b}\n").expect("written");
    let found = loaded(&spec).expect_err("a control character");
    assert!(found.contains("the translation file contains the control character U+001B"), "{found}");
}

/// The locales are locked; a translation changed is a patch, a locale
/// removed breaking, and `gen` demands the bump `diff` names.
#[test]
fn the_lock_records_the_locales_and_gen_and_diff_class_them_alike() {
    use errcat_pipeline::compat::diff::{Bump, ChangeKind, diff};
    let (dir, spec) = localized_folder();
    let out = dir.path().join("generated");
    errcat_pipeline::generate(&spec, &out, errcat_pipeline::Mode::Write).unwrap_or_else(|e| panic!("{e}"));
    let lock = std::fs::read_to_string(spec.join("localized.lock")).expect("written");
    assert!(lock.contains("\nlocale: en default\nlocale: de\nlocale: fr\n"), "{lock}");
    let old = loaded(&spec).expect("valid").remove(0);

    let de = spec.join("localized.de.yaml");
    let text = std::fs::read_to_string(&de).expect("readable");
    std::fs::write(&de, text.replace("Zu viele Verbindungen", "Zu viele Verbindungen offen"))
        .expect("written");
    let new = loaded(&spec).expect("valid").remove(0);
    let changes = diff(&old, &new).changes;
    let [change] = &changes[..] else { panic!("one change: {changes:?}") };
    assert_eq!((change.kind, change.bump()), (ChangeKind::TranslationChanged, Some(Bump::Patch)));
    assert_eq!(change.code, Some(Code::Integer(1040)));
    errcat_pipeline::generate(&spec, &out, errcat_pipeline::Mode::Write).expect("a patch needs no bump");
    // A translated cause, and a French explanation, changed: patches too.
    let old = loaded(&spec).expect("valid").remove(0);
    let text = std::fs::read_to_string(&de).expect("readable");
    std::fs::write(&de, text.replace("Das Passwort ist falsch.", "Das Passwort stimmt nicht."))
        .expect("written");
    let fr = spec.join("localized.fr.yaml");
    let text = std::fs::read_to_string(&fr).expect("readable");
    std::fs::write(&fr, text.replace("  explanation: L'instruction", "  explanation: Cette instruction"))
        .expect("written");
    let new = loaded(&spec).expect("valid").remove(0);
    let changes = diff(&old, &new).changes;
    let classed: Vec<_> = changes.iter().map(|c| (c.kind, c.bump(), c.code.clone())).collect();
    let patch = |code| (ChangeKind::TranslationChanged, Some(Bump::Patch), Some(Code::Integer(code)));
    assert_eq!(classed, [patch(1045), patch(1146)]);
    errcat_pipeline::generate(&spec, &out, errcat_pipeline::Mode::Write).expect("a patch needs no bump");

    let yaml = spec.join("localized.yaml");
    let text = std::fs::read_to_string(&yaml).expect("readable");
    std::fs::write(&yaml, text.replace("others: [de, fr]\n  partial: [fr]", "others: [de]"))
        .expect("written");
    std::fs::remove_file(spec.join("localized.fr.yaml")).expect("removed");
    let new = loaded(&spec).expect("valid").remove(0);
    let changes = diff(&old, &new).changes;
    let removed: Vec<_> = changes.iter().filter(|c| c.kind == ChangeKind::LocaleRemoved).collect();
    assert_eq!(removed.len(), 1, "{changes:?}");
    assert_eq!(removed[0].bump(), Some(Bump::Major));
    let found = errcat_pipeline::generate(&spec, &out, errcat_pipeline::Mode::Write).expect_err("breaking");
    assert!(
        found.to_string().contains("locale `fr` is gone, and its variant `Locale::Fr` with it"),
        "{found}"
    );
}

/// The generated crate: texts in each locale, the default's where a
/// partial locale has none, and `Display` always the default's.
#[test]
fn the_crate_has_each_text_in_each_locale() {
    use localized_errors::values::ErrorValue;
    use localized_errors::values::server::{ErAccessDeniedError, ErDupEntry, ErLockWaitTimeout};
    use localized_errors::{ErrorCode, Locale, LocalizedMessage, ServerError};
    assert_eq!(Locale::ALL, [Locale::En, Locale::De, Locale::Fr]);
    assert_eq!(
        (Locale::DEFAULT, Locale::Fr.tag(), Locale::from_tag("DE")),
        (Locale::En, "fr", Some(Locale::De))
    );
    assert!(Locale::Fr.is_partial() && !Locale::De.is_partial());
    let error = ErrorCode::from(ServerError::ErConCountError);
    assert_eq!(error.description_in(Locale::En), error.description());
    assert_eq!(error.description_in(Locale::De), "Der Server hat keine Verbindung mehr für den Client frei.");
    assert_eq!(ServerError::ErDupEntry.description_in(Locale::Fr), ServerError::ErDupEntry.description());
    let value = ErDupEntry { entry: "a@b".into(), index: "email".into() };
    assert_eq!(value.to_string(), "Duplicate entry 'a@b' for key 'email'");
    assert_eq!(value.message_in(Locale::En), value.to_string());
    assert_eq!(value.message_in(Locale::De), "Für den Schlüssel 'email' gibt es den Eintrag 'a@b' schon");
    assert_eq!(value.message_in(Locale::Fr), value.to_string(), "French lacks it: English");
    assert_eq!(
        (value.message_locale(Locale::De), value.message_locale(Locale::Fr)),
        (Locale::De, Locale::En)
    );
    let any = ErrorValue::from(value.clone());
    assert_eq!(
        (any.message_in(Locale::De), any.message_locale(Locale::De)),
        (value.message_in(Locale::De), Locale::De)
    );
    // A value without a template displays its description, and has it
    // in the locales that translate it.
    let timeout = ErLockWaitTimeout { seconds: 50 };
    assert_eq!(timeout.to_string(), "The statement waited too long for a row lock.");
    assert_eq!(timeout.message_in(Locale::De), "Die Anweisung hat zu lange auf eine Zeilensperre gewartet.");
    assert_eq!(
        (timeout.message_in(Locale::Fr), timeout.message_locale(Locale::Fr)),
        (timeout.to_string(), Locale::En)
    );
    let any = ErrorValue::from(timeout);
    assert_eq!(
        (any.message_in(Locale::De).as_str(), any.message_locale(Locale::De)),
        ("Die Anweisung hat zu lange auf eine Zeilensperre gewartet.", Locale::De)
    );
    // Names, explanations, causes and solutions: the translation, else the default's.
    let denied = ServerError::ErAccessDeniedError;
    assert_eq!(
        (denied.name_in(Locale::De), denied.name_in(Locale::Fr)),
        ("Zugriff verweigert", denied.name())
    );
    // By name in a locale: its translation, or the default's where the
    // locale leaves it out (French), and no other locale's.
    assert_eq!(ServerError::from_name_in(Locale::De, "Zugriff verweigert"), Some(denied));
    assert_eq!(ServerError::from_name_in(Locale::Fr, denied.name()), Some(denied));
    assert_eq!(ServerError::from_name_in(Locale::Fr, "Table inconnue"), Some(ServerError::ErNoSuchTable));
    assert_eq!(ServerError::from_name_in(Locale::Fr, "ER_NO_SUCH_TABLE"), None);
    assert_eq!(ServerError::from_name_in(Locale::En, "Zugriff verweigert"), None);
    assert_eq!(
        denied.causes_in(Locale::De),
        ["Das Passwort ist falsch.", "Das Konto darf sich von diesem Host nicht verbinden."]
    );
    assert_eq!(
        (denied.causes_in(Locale::Fr), denied.solutions_in(Locale::En)),
        (denied.causes(), denied.solutions())
    );
    let missing = ErrorCode::from(ServerError::ErNoSuchTable);
    assert_eq!(missing.name_in(Locale::Fr), "Table inconnue");
    assert_eq!(
        missing.explanation_in(Locale::De),
        Some("Die Anweisung nennt eine Tabelle, die die Datenbank nicht hat.")
    );
    assert_eq!(missing.solutions_in(Locale::De), missing.solutions());
    assert_eq!(ErrorCode::from(ServerError::ErDupEntry).explanation_in(Locale::De), None);
    let denied = ErAccessDeniedError { user: "u".into(), host: "h".into(), using_password: true };
    assert_eq!(
        denied.message_in(Locale::De),
        "Zugriff verweigert für Benutzer 'u'@'h' (Passwort verwendet: true)"
    );
}

/// A server negotiates the locale from `Accept-Language` and answers in
/// it, with `Content-Language`; the code never changes.
#[test]
fn a_server_answers_in_the_negotiated_locale() {
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    use localized_errors::axum_core::extract::FromRequestParts;
    use localized_errors::axum_core::response::IntoResponse;
    use localized_errors::values::ErrorValue;
    use localized_errors::values::server::ErNoSuchTable;
    use localized_errors::{ApiError, Locale, Localized, ServerError};

    let negotiated = |header: &str| {
        let (mut parts, ()) =
            http::Request::builder().header("accept-language", header).body(()).unwrap().into_parts();
        let future = pin!(Locale::from_request_parts(&mut parts, &()));
        match future.poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(Ok(locale)) => locale,
            Poll::Ready(Err(never)) => match never {},
            Poll::Pending => panic!("negotiation does not wait"),
        }
    };
    assert_eq!(negotiated("fr-CA, de;q=0.8"), Locale::Fr);
    assert_eq!(negotiated("es, de-AT;q=0.5, *;q=0.1"), Locale::De);
    assert_eq!(negotiated("es, *"), Locale::En);
    let (mut parts, ()) = http::Request::builder().body(()).unwrap().into_parts();
    let mut none = pin!(Locale::from_request_parts(&mut parts, &()));
    assert!(matches!(
        none.as_mut().poll(&mut Context::from_waker(Waker::noop())),
        Poll::Ready(Ok(Locale::En))
    ));

    let value = ErrorValue::from(ErNoSuchTable { db: "shop".into(), table: "users".into() });
    let response = Localized { error: value.clone(), locale: negotiated("de-CH") }.into_response();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["content-language"], "de");
    let body = crate::values::body_of(response);
    assert_eq!(
        body,
        r#"{"code":1146,"db":"shop","message":"Die Tabelle 'shop.users' existiert nicht","table":"users"}"#
    );
    // The client reads the same value whatever the language.
    assert_eq!(ApiError::from_response(404, body.as_bytes()).value(), Some(value.clone()));
    // A value with the member naming its occurrence, in a locale.
    let response =
        Localized { error: value.clone().with_request_id("r-7"), locale: Locale::De }.into_response();
    assert_eq!(response.headers()["content-language"], "de");
    assert_eq!(
        crate::values::body_of(response),
        r#"{"code":1146,"db":"shop","message":"Die Tabelle 'shop.users' existiert nicht","request_id":"r-7","table":"users"}"#
    );
    // An error's own answer carries its name (`message_text: name`), in
    // the locale where it translates the name; the code is the same.
    let response = Localized { error: ServerError::ErNoSuchTable, locale: Locale::De }.into_response();
    assert_eq!(response.headers()["content-language"], "de");
    let body = crate::values::body_of(response);
    assert_eq!(body, r#"{"code":1146,"message":"Tabelle fehlt"}"#);
    assert_eq!(
        ApiError::from_response(404, body.as_bytes()).error_code(),
        Some(ServerError::ErNoSuchTable.into())
    );
    // French leaves this name out: the default's, and the answer says so.
    let response = Localized { error: ServerError::ErDupEntry, locale: Locale::Fr }.into_response();
    assert_eq!(response.headers()["content-language"], "en");
    assert_eq!(crate::values::body_of(response), r#"{"code":1062,"message":"ER_DUP_ENTRY"}"#);
}

/// As problem details (`fixtures/values_problem.yaml`, German in part), an
/// answer in a locale carries the error's name in `title` and the value's
/// message, or the error's description, in `detail`, each in the locale
/// where it translates them and the default's where it leaves one out;
/// `Content-Language` names the locale unless neither is translated, and
/// the code and the params never change.
#[test]
fn problem_details_answer_title_and_detail_in_the_locale() {
    use values_problem_errors::axum_core::response::IntoResponse;
    use values_problem_errors::values::ErrorValue;
    use values_problem_errors::values::quota::{PlanRequired, QuotaExceeded};
    use values_problem_errors::{ApiError, ErrorCode, Locale, Localized, ProblemDetails, QuotaError};

    let answered = |response: values_problem_errors::axum_core::response::Response, language: &str| {
        assert_eq!(response.headers()["content-type"], "application/problem+json");
        assert_eq!(response.headers()["content-language"], language);
        crate::values::body_of(response)
    };
    let texts = |body: &str| {
        let problem: ProblemDetails = serde_json::from_str(body).expect("problem details");
        (problem.title.expect("a title"), problem.detail.expect("a detail"))
    };

    let value = QuotaExceeded { trace: "t-9".into(), used: 120, window: None };
    let response = Localized { error: value.clone(), locale: Locale::De }.into_response();
    assert_eq!(response.status(), 429);
    let body = answered(response, "de");
    assert_eq!(texts(&body), ("Kontingent erschöpft".into(), "120 Anfragen im Zeitfenster".into()));
    // The client reads the same value whatever the language.
    assert_eq!(ApiError::from_response(429, body.as_bytes()).value(), Some(ErrorValue::from(value.clone())));
    // In the default, the answer is the value's own body (its members in
    // the order of a JSON object read back).
    let body = answered(Localized { error: value.clone(), locale: Locale::En }.into_response(), "en");
    let json = |text: &str| serde_json::from_str::<serde_json::Value>(text).expect("JSON");
    assert_eq!(json(&body), json(&serde_json::to_string(&value).unwrap()));

    // An error's own answer: its name and its description in the locale.
    let body =
        answered(Localized { error: QuotaError::QuotaExceeded, locale: Locale::De }.into_response(), "de");
    assert_eq!(
        texts(&body),
        ("Kontingent erschöpft".into(), "Das Konto hat sein Kontingent verbraucht.".into())
    );
    assert_eq!(
        ApiError::from_response(429, body.as_bytes()).error_code(),
        Some(QuotaError::QuotaExceeded.into())
    );
    // German translates this description but not the name: `title` is the default's.
    let error = ErrorCode::from(QuotaError::PlanRequired);
    let body = answered(Localized { error, locale: Locale::De }.into_response(), "de");
    assert_eq!(texts(&body), ("Plan required".into(), "Der Tarif umfasst das nicht.".into()));
    let plan = PlanRequired { trace: "t-1".into() };
    let body = answered(Localized { error: plan, locale: Locale::De }.into_response(), "de");
    assert_eq!(texts(&body), ("Plan required".into(), "Der Tarif umfasst das nicht.".into()));
    // German leaves this error out: both texts and the language are the default's.
    let body =
        answered(Localized { error: QuotaError::QuotaLocked, locale: Locale::De }.into_response(), "en");
    assert_eq!(texts(&body), ("Quota locked".into(), "Another request is changing the quota.".into()));
}
