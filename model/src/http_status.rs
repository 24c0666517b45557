//! HTTP error statuses: each registered one's reason phrase (RFC 9110 and
//! the IANA HTTP Status Code Registry), the name a response takes from it
//! and a one-line description; and the responses an HTTP catalogue's
//! documents have, one per status, each with its name.
//!
//! 4xx and 5xx statuses are listed, and the 3xx ones a catalogue with
//! `redirect_statuses: true` may list: validation refuses any other for
//! an error. A status the registry does not name (or names `(Unused)`,
//! 418) has none of these: its response is `Status_NNN`, "HTTP status NNN.".

use std::collections::BTreeSet;

use crate::{Catalogue, TableKind};

/// A registered HTTP error status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HttpStatus {
    /// The status code.
    pub code: u16,
    /// Its reason phrase, as the registry writes it (`Payment Required`).
    pub phrase: &'static str,
    /// The phrase in UpperCamelCase, as a row of that name would be
    /// named (`PaymentRequired`).
    pub name: &'static str,
    /// What it means, in one sentence.
    pub description: &'static str,
}

/// `(code, phrase, name, description)`, ascending.
const STATUSES: &[(u16, &str, &str, &str)] = &[
    (
        300,
        "Multiple Choices",
        "MultipleChoices",
        "The target resource has more than one representation, and the client is to pick one.",
    ),
    (
        301,
        "Moved Permanently",
        "MovedPermanently",
        "The target resource has a new permanent URI, given in the Location header.",
    ),
    (302, "Found", "Found", "The target resource resides temporarily under a different URI."),
    (
        303,
        "See Other",
        "SeeOther",
        "The server redirects the client to a different resource, given in the Location header.",
    ),
    (
        304,
        "Not Modified",
        "NotModified",
        "The conditional request would have succeeded, but the representation has not changed.",
    ),
    (
        307,
        "Temporary Redirect",
        "TemporaryRedirect",
        "The target resource resides temporarily under a different URI, and the method must not change.",
    ),
    (
        308,
        "Permanent Redirect",
        "PermanentRedirect",
        "The target resource has a new permanent URI, and the method must not change.",
    ),
    (
        400,
        "Bad Request",
        "BadRequest",
        "The server cannot process the request because of something it takes to be a client error, such as malformed syntax.",
    ),
    (
        401,
        "Unauthorized",
        "Unauthorized",
        "The request lacks valid authentication credentials for the target resource.",
    ),
    (
        402,
        "Payment Required",
        "PaymentRequired",
        "Payment is required before the request can be processed (reserved by RFC 9110 for future use).",
    ),
    (403, "Forbidden", "Forbidden", "The server understood the request but refuses to fulfil it."),
    (
        404,
        "Not Found",
        "NotFound",
        "The server did not find a current representation of the target resource.",
    ),
    (
        405,
        "Method Not Allowed",
        "MethodNotAllowed",
        "The target resource does not support the request's method.",
    ),
    (
        406,
        "Not Acceptable",
        "NotAcceptable",
        "The target resource has no representation acceptable to the request's proactive negotiation headers.",
    ),
    (
        407,
        "Proxy Authentication Required",
        "ProxyAuthenticationRequired",
        "The client needs to authenticate itself to use a proxy.",
    ),
    (
        408,
        "Request Timeout",
        "RequestTimeout",
        "The server did not receive a complete request message within the time it was prepared to wait.",
    ),
    (409, "Conflict", "Conflict", "The request conflicts with the current state of the target resource."),
    (
        410,
        "Gone",
        "Gone",
        "The target resource is no longer available at the server, and this is likely to be permanent.",
    ),
    (
        411,
        "Length Required",
        "LengthRequired",
        "The server refuses the request without a defined Content-Length.",
    ),
    (
        412,
        "Precondition Failed",
        "PreconditionFailed",
        "One or more conditions in the request's header fields evaluated to false on the server.",
    ),
    (
        413,
        "Content Too Large",
        "ContentTooLarge",
        "The request content is larger than the server is willing or able to process.",
    ),
    (414, "URI Too Long", "UriTooLong", "The target URI is longer than the server is willing to interpret."),
    (
        415,
        "Unsupported Media Type",
        "UnsupportedMediaType",
        "The content is in a format this method on the target resource does not support.",
    ),
    (
        416,
        "Range Not Satisfiable",
        "RangeNotSatisfiable",
        "None of the ranges in the request's Range header overlaps the selected representation.",
    ),
    (
        417,
        "Expectation Failed",
        "ExpectationFailed",
        "The expectation in the request's Expect header could not be met.",
    ),
    (
        421,
        "Misdirected Request",
        "MisdirectedRequest",
        "The request was directed at a server that cannot produce an authoritative response for the target URI.",
    ),
    (
        422,
        "Unprocessable Content",
        "UnprocessableContent",
        "The server understands the content type and syntax of the request but cannot process its instructions.",
    ),
    (423, "Locked", "Locked", "The source or destination resource of a method is locked."),
    (
        424,
        "Failed Dependency",
        "FailedDependency",
        "The method could not be performed because a requested action it depended on failed.",
    ),
    (
        425,
        "Too Early",
        "TooEarly",
        "The server is unwilling to risk processing a request that might be replayed.",
    ),
    (
        426,
        "Upgrade Required",
        "UpgradeRequired",
        "The server refuses the request with the current protocol but may accept it after the client upgrades.",
    ),
    (
        428,
        "Precondition Required",
        "PreconditionRequired",
        "The server requires the request to be conditional.",
    ),
    (
        429,
        "Too Many Requests",
        "TooManyRequests",
        "The client has sent too many requests in a given amount of time.",
    ),
    (
        431,
        "Request Header Fields Too Large",
        "RequestHeaderFieldsTooLarge",
        "The server refuses the request because its header fields are too large.",
    ),
    (
        451,
        "Unavailable For Legal Reasons",
        "UnavailableForLegalReasons",
        "The server is denying access to the resource as a consequence of a legal demand.",
    ),
    (
        500,
        "Internal Server Error",
        "InternalServerError",
        "The server encountered an unexpected condition that prevented it from fulfilling the request.",
    ),
    (
        501,
        "Not Implemented",
        "NotImplemented",
        "The server does not support the functionality required to fulfil the request.",
    ),
    (
        502,
        "Bad Gateway",
        "BadGateway",
        "The server, acting as a gateway or proxy, received an invalid response from an inbound server.",
    ),
    (
        503,
        "Service Unavailable",
        "ServiceUnavailable",
        "The server is currently unable to handle the request, because of a temporary overload or scheduled maintenance.",
    ),
    (
        504,
        "Gateway Timeout",
        "GatewayTimeout",
        "The server, acting as a gateway or proxy, did not receive a timely response from an upstream server.",
    ),
    (
        505,
        "HTTP Version Not Supported",
        "HttpVersionNotSupported",
        "The server does not support the major version of HTTP used in the request.",
    ),
    (
        506,
        "Variant Also Negotiates",
        "VariantAlsoNegotiates",
        "The server has an internal configuration error: the chosen variant is itself configured to negotiate.",
    ),
    (
        507,
        "Insufficient Storage",
        "InsufficientStorage",
        "The server is unable to store the representation needed to complete the request.",
    ),
    (
        508,
        "Loop Detected",
        "LoopDetected",
        "The server terminated an operation because it encountered an infinite loop.",
    ),
    (
        510,
        "Not Extended",
        "NotExtended",
        "The policy for accessing the resource has not been met in the request (obsoleted).",
    ),
    (
        511,
        "Network Authentication Required",
        "NetworkAuthenticationRequired",
        "The client needs to authenticate to gain network access.",
    ),
];

/// The registered HTTP error status `code`, if the registry names it.
pub fn http_status(code: u16) -> Option<HttpStatus> {
    let i = STATUSES.binary_search_by_key(&code, |&(code, ..)| code).ok()?;
    let (code, phrase, name, description) = STATUSES[i];
    Some(HttpStatus { code, phrase, name, description })
}

/// A response an earlier version of the catalogue's documents published
/// and this one does not name so (its status is no longer answered, or
/// its response is now named otherwise): kept, marked deprecated, so that
/// documents that reference it still resolve. The lock records them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptResponse {
    /// Its name under `components/responses`.
    pub name: String,
    /// The status it was published for.
    pub status: u16,
}

impl Catalogue {
    /// Every HTTP status the documents have a response for: the HTTP
    /// table's rows in spec order, then the statuses only application
    /// codes use, ascending. None for a catalogue without HTTP.
    pub fn response_statuses(&self) -> Vec<u16> {
        if !self.http {
            return Vec::new();
        }
        let mut statuses: Vec<u16> = self
            .rows()
            .filter(|(table, _)| table.kind == TableKind::HttpStatus)
            .map(|(_, row)| row.http_status)
            .collect();
        let listed: BTreeSet<u16> = statuses.iter().copied().collect();
        let unlisted: BTreeSet<u16> = self
            .rows()
            .flat_map(|(_, row)| row.statuses())
            .filter(|status| !listed.contains(status))
            .collect();
        statuses.extend(unlisted);
        statuses
    }

    /// The name of the response for `status` under `components/responses`:
    /// the HTTP row's variant name (`Unauthorized`); for a status no HTTP
    /// row lists, its registered name (`PaymentRequired`), or
    /// `Status_NNN` when the registry has none or an HTTP row's variant
    /// already has it (the `_` keeps it apart from every variant name).
    pub fn response_name(&self, status: u16) -> String {
        if let Some((_, row)) = self.http_row(status) {
            return row.rust_variant.clone();
        }
        let taken = |name: &str| {
            self.http_table().is_some_and(|table| table.rows.iter().any(|row| row.rust_variant == name))
        };
        match http_status(status) {
            Some(registered) if !taken(registered.name) => registered.name.to_owned(),
            _ => format!("Status_{status}"),
        }
    }

    /// Every response of the documents by name, with its status: one per
    /// status the catalogue answers with, then each kept one.
    pub fn responses(&self) -> Vec<(String, u16)> {
        let mut responses: Vec<(String, u16)> =
            self.response_statuses().into_iter().map(|status| (self.response_name(status), status)).collect();
        responses.extend(self.kept_responses.iter().map(|kept| (kept.name.clone(), kept.status)));
        responses
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_sorted_named_from_their_phrase_and_described() {
        assert!(STATUSES.windows(2).all(|pair| pair[0].0 < pair[1].0));
        for &(code, phrase, name, description) in STATUSES {
            assert!((300..=599).contains(&code), "{code}");
            assert_eq!(crate::derive_variant_name(phrase), name, "{code} {phrase}");
            assert!(description.ends_with('.') && !description.contains('\n'), "{code}");
        }
        assert_eq!(http_status(402).map(|s| s.name), Some("PaymentRequired"));
        assert_eq!(http_status(418), None);
        assert_eq!(http_status(499), None);
    }
}
