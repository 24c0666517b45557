//! The generated `knox-cloud-errors` crate, used only through its public
//! API, holds every row of "Troubleshooting Knox Cloud Services" verbatim.
//!
//! The rows below are transcribed from the source document independently
//! of `spec/knox-cloud.yaml`, so a slip in either one fails here.

use std::collections::HashSet;

use knox_cloud_errors::{AuthError, ErrorCode, HttpError, Recovery, UnknownCodeError};

/// Other codes services send for a documented row: Knox Mobile Enrollment's
/// error page shows ACCESS_TOKEN_BAD_REQUEST as 4012250.
const ALIASES: &[(u32, u32)] = &[(4012250, 40122050)];

/// Code, name and description of the "Standard HTTP error codes" table.
const HTTP_ROWS: &[(u32, &str, &str)] = &[
    (
        400,
        "Bad Request",
        "The client has issued an invalid request. This code is commonly used to specify validation errors in a request payload.",
    ),
    (401, "Unauthorized", "Authorization for the API is required, but the request was not authenticated."),
    (
        403,
        "Forbidden",
        "The request was authenticated but does not have the appropriate permissions, or the requested resource cannot be found.",
    ),
    (404, "Not Found", "Specifies that the requested path does not exist."),
    (
        406,
        "Not Acceptable",
        "The client has requested a MIME type via the Accept header for a value not supported by the server.",
    ),
    (
        422,
        "Unprocessable Entity",
        "The client has made a valid request, but the server cannot process it. This response is often returned for APIs when certain limits are exceeded.",
    ),
    (
        429,
        "Too Many Requests",
        "The client has exceeded the number of requests allowed for a given time window.",
    ),
    (500, "Internal Server Error", "An unexpected server error has occurred. These errors should be rare."),
    (
        501,
        "Not Implemented",
        "The client request was valid and understood by the server, but the requested feature has yet to be implemented. These errors should be rare.",
    ),
];

/// Code, message, description and HTTP status of the "Unique Cloud
/// authentication error codes" table.
const AUTH_ROWS: &[(u32, &str, &str, u16)] = &[
    (
        4002250,
        "API_KEY_NON_UNIQUE_JWTID",
        "Cannot use the same jwt again. A newly signed jwt needs to be created.",
        400,
    ),
    (
        4002251,
        "ACCESS_TOKEN_TIMEOUT_VALIDITY_RESOURCE_INVALID_PARAM",
        "Incorrect parameter type was entered. Ensure that validityForAccessTokenInMinutes parameter is $int32",
        400,
    ),
    (
        40122050,
        "ACCESS_TOKEN_BAD_REQUEST",
        "Jwt improperly created. Check whether jwt was properly signed.",
        401,
    ),
    (
        4032251,
        "ACCESS_TOKEN_EXPIRED",
        "Provided Access token has expired. A new access token needs to be generated",
        403,
    ),
    (4032252, "ACCESS_TOKEN_INVALID", "Provided Access token is invalid for this api.", 403),
    (4042251, "API_KEY_RESTRICTION_NOT_FOUND", "The IP address or http referer are empty.", 404),
    (4042252, "API_KEY_RESTRICTION_INVALID", "The IP address or http referer are invalid.", 404),
    (4000000, "RESOURCE_INVALID_PARAM", "Invalid parameter provided.", 400),
    (4040000, "RESOURCE_NOT_FOUND", "Resource not found.", 404),
];

#[test]
fn every_http_row_round_trips() {
    assert_eq!(HttpError::ALL.len(), HTTP_ROWS.len());
    for (&variant, &(code, name, description)) in HttpError::ALL.iter().zip(HTTP_ROWS) {
        let found = HttpError::from_code(code).expect("every documented code is found");
        assert_eq!(found, variant, "spec order is kept");
        assert_eq!(found.code(), code);
        assert_eq!(found.name(), name);
        assert_eq!(found.description(), description);
        assert_eq!(u32::from(found.http_status()), code);
        assert_eq!(HttpError::from_name(name), Some(found));
        assert_eq!(name.parse::<HttpError>(), Ok(found));
        assert_eq!(HttpError::try_from(code), Ok(found));
        assert_eq!(u32::from(found), code);
        assert_eq!(found.to_string(), format!("{code} {name}: {description}"));
        assert_eq!(ErrorCode::from_code(code), Some(ErrorCode::Http(found)));
        assert_eq!(ErrorCode::from(found).description(), description);
    }
}

#[test]
fn every_auth_row_round_trips() {
    assert_eq!(AuthError::ALL.len(), AUTH_ROWS.len());
    for (&variant, &(code, name, description, status)) in AuthError::ALL.iter().zip(AUTH_ROWS) {
        let found = AuthError::from_code(code).expect("every documented code is found");
        assert_eq!(found, variant, "spec order is kept");
        assert_eq!(found.code(), code);
        assert_eq!(found.name(), name);
        assert_eq!(found.description(), description);
        assert_eq!(found.http_status(), status);
        assert_eq!(AuthError::from_name(name), Some(found));
        assert_eq!(name.parse::<AuthError>(), Ok(found));
        assert_eq!(AuthError::try_from(code), Ok(found));
        assert_eq!(found.to_string(), format!("{code} {name}: {description}"));

        let any = ErrorCode::from_code(code).expect("found across tables");
        assert_eq!(any, ErrorCode::Auth(found));
        assert_eq!(
            (any.code(), any.name(), any.description(), any.http_status()),
            (code, name, description, status)
        );
        assert_eq!(any.to_string(), found.to_string());
        assert_eq!(ErrorCode::try_from(code).map(u32::from), Ok(code));
        // The status each auth code is answered with is itself a known row.
        assert!(HttpError::from_code(u32::from(status)).is_some());
    }
}

#[test]
fn variant_names_follow_the_documented_names() {
    assert_eq!(AuthError::from_code(4032251), Some(AuthError::AccessTokenExpired));
    assert_eq!(AuthError::from_code(40122050), Some(AuthError::AccessTokenBadRequest));
    assert_eq!(HttpError::from_code(429), Some(HttpError::TooManyRequests));
    assert_eq!(HttpError::from_code(500), Some(HttpError::InternalServerError));
}

#[test]
fn only_documented_codes_are_found() {
    let known: HashSet<u32> = HTTP_ROWS
        .iter()
        .map(|r| r.0)
        .chain(AUTH_ROWS.iter().map(|r| r.0))
        .chain(ALIASES.iter().map(|a| a.0))
        .collect();
    let probes = (0..=1_000).chain(4_000_000..=4_050_000).chain(40_122_000..=40_123_000).chain([
        u32::MAX,
        u32::MAX - 1,
        1 << 31,
    ]);
    for code in probes {
        let expected = known.contains(&code);
        assert_eq!(ErrorCode::from_code(code).is_some(), expected, "code {code}");
        assert_eq!(
            HttpError::from_code(code).is_some() || AuthError::from_code(code).is_some(),
            expected,
            "code {code}"
        );
    }
    assert_eq!(HttpError::from_code(4032251), None, "a table finds only its own codes");
    assert_eq!(AuthError::from_code(403), None, "a table finds only its own codes");
}

#[test]
fn names_match_exactly() {
    for miss in [
        "",
        "bad request",
        "BAD_REQUEST",
        "Bad Request ",
        "400",
        "access_token_expired",
        "ACCESS_TOKEN_EXPIRED\0",
    ] {
        assert_eq!(HttpError::from_name(miss), None, "{miss:?}");
        assert_eq!(AuthError::from_name(miss), None, "{miss:?}");
        assert!(miss.parse::<HttpError>().is_err(), "{miss:?}");
    }
    let error = "4032251".parse::<AuthError>().unwrap_err();
    assert_eq!(error.to_string(), "unknown error name");
    let _: &dyn std::error::Error = &error;
}

#[test]
fn unknown_codes_are_errors_that_keep_the_number() {
    let error: UnknownCodeError = AuthError::try_from(4039999).unwrap_err();
    assert_eq!(error.code(), 4039999);
    assert_eq!(error.to_string(), "unknown error code 4039999");
    assert_eq!(ErrorCode::try_from(7).unwrap_err().code(), 7);
    let _: &dyn std::error::Error = &error;
}

#[test]
fn codes_are_unique_across_tables() {
    let mut seen = HashSet::new();
    let all = HttpError::ALL
        .iter()
        .map(|&e| ErrorCode::from(e))
        .chain(AuthError::ALL.iter().map(|&e| ErrorCode::from(e)));
    for error in all {
        assert!(seen.insert(error.code()), "code {} listed twice", error.code());
    }
    assert_eq!(seen.len(), 18);
}

#[test]
fn aliases_find_their_row_and_code_stays_canonical() {
    for &(alias, code) in ALIASES {
        let error = ErrorCode::from_code(alias).expect("an alias is found");
        assert_eq!(error.code(), code, "code() is the documented code");
        assert_eq!(ErrorCode::from_code(code), Some(error));
        assert!(error.aliases().contains(&alias));
        assert_eq!(ErrorCode::try_from(alias).map(u32::from), Ok(code));
    }
    assert_eq!(AuthError::from_code(4012250), Some(AuthError::AccessTokenBadRequest));
    assert_eq!(AuthError::AccessTokenBadRequest.aliases(), &[4012250]);
    let aliased: usize = AuthError::ALL.iter().map(|e| e.aliases().len()).sum();
    assert_eq!(aliased, ALIASES.len(), "no alias beyond the documented ones");
    assert!(HttpError::ALL.iter().all(|e| e.aliases().is_empty()));
}

/// Every row's recovery, read from its description.
#[test]
fn every_row_has_the_recovery_its_description_calls_for() {
    use Recovery::*;
    let expected: &[(u32, Recovery)] = &[
        (400, FixRequest),
        (401, NewAccessToken),
        (403, CheckPermissions),
        (404, FixRequest),
        (406, FixRequest),
        (422, FixRequest),
        (429, RetryLater),
        (500, ContactSupport),
        (501, ContactSupport),
        (4002250, NewJwt),           // "A newly signed jwt needs to be created."
        (4002251, FixRequest),       // "Incorrect parameter type was entered."
        (40122050, NewJwt),          // "Check whether jwt was properly signed."
        (4032251, NewAccessToken),   // "A new access token needs to be generated"
        (4032252, NewAccessToken),   // "Provided Access token is invalid for this api."
        (4042251, CheckPermissions), // the API key's IP or referer restriction
        (4042252, CheckPermissions),
        (4000000, FixRequest),
        (4040000, FixRequest),
    ];
    assert_eq!(expected.len(), HttpError::ALL.len() + AuthError::ALL.len());
    for &(code, recovery) in expected {
        let error = ErrorCode::from_code(code).expect("a documented code");
        assert_eq!(error.recovery(), Some(recovery), "{error}");
    }
    assert_eq!(Recovery::NewAccessToken.as_str(), "new_access_token");
    assert_eq!(Recovery::RetryLater.to_string(), "retry_later");
    assert_eq!(Recovery::ALL.len(), 6);
    assert!(Recovery::ALL.iter().all(|r| !r.description().is_empty()));
}

#[test]
fn classification_follows_the_http_status() {
    for error in
        HttpError::ALL.iter().map(|&e| ErrorCode::from(e)).chain(AuthError::ALL.iter().map(|&e| e.into()))
    {
        let status = error.http_status();
        assert_eq!(error.is_client_error(), (400..500).contains(&status), "{error}");
        assert_eq!(error.is_server_error(), (500..600).contains(&status), "{error}");
    }
    assert!(AuthError::AccessTokenExpired.is_client_error());
    assert!(HttpError::NotImplemented.is_server_error());
    assert!(!HttpError::NotImplemented.is_client_error());
}

/// A variant's discriminant is its code, so `as` casts and `Ord` follow
/// the codes and do not move when rows are added or reordered in the spec.
#[test]
fn discriminants_are_the_codes_and_order_follows_them() {
    for &error in HttpError::ALL {
        assert_eq!(error as u32, error.code(), "{error:?}");
    }
    for &error in AuthError::ALL {
        assert_eq!(error as u32, error.code(), "{error:?}");
    }
    let mut sorted = AuthError::ALL.to_vec();
    sorted.sort();
    let codes: Vec<u32> = sorted.iter().map(|error| error.code()).collect();
    let mut expected = codes.clone();
    expected.sort_unstable();
    assert_eq!(codes, expected);
    assert!(HttpError::BadRequest < HttpError::NotImplemented);
}
