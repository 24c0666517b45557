//! Synthetic catalogues for benchmarks: a valid spec of any size, the same
//! bytes for the same size.
//!
//! The shape follows real API platforms: one `http_status` table of real
//! statuses, then several custom tables whose codes are `status × 10⁶ + n`
//! (Knox-style: the status is readable in the code), UPPER_SNAKE names of
//! two to six words, and descriptions of one to three sentences (about 20
//! to 250 characters, like the Knox catalogue's). With string codes
//! ([`string_spec`]) there is no status table, and each code is its row's
//! name in lower case (Stripe-style: `access_token_expired`). With
//! [`params_spec`], every row also declares a param and a message that
//! shows it (issue 24's generation budget: a param on every row).

use std::collections::HashSet;
use std::fmt::Write as _;

/// The most rows [`spec`] makes: custom codes stay below `600 × 10⁶`.
pub const MAX_CODES: usize = 1_000_000;

/// Real HTTP error statuses with their reason phrases (RFC 9110 and friends).
const HTTP_STATUSES: &[(u16, &str)] = &[
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (402, "Payment Required"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (405, "Method Not Allowed"),
    (406, "Not Acceptable"),
    (407, "Proxy Authentication Required"),
    (408, "Request Timeout"),
    (409, "Conflict"),
    (410, "Gone"),
    (411, "Length Required"),
    (412, "Precondition Failed"),
    (413, "Content Too Large"),
    (414, "URI Too Long"),
    (415, "Unsupported Media Type"),
    (416, "Range Not Satisfiable"),
    (417, "Expectation Failed"),
    (421, "Misdirected Request"),
    (422, "Unprocessable Content"),
    (423, "Locked"),
    (424, "Failed Dependency"),
    (425, "Too Early"),
    (426, "Upgrade Required"),
    (428, "Precondition Required"),
    (429, "Too Many Requests"),
    (431, "Request Header Fields Too Large"),
    (451, "Unavailable For Legal Reasons"),
    (500, "Internal Server Error"),
    (501, "Not Implemented"),
    (502, "Bad Gateway"),
    (503, "Service Unavailable"),
    (504, "Gateway Timeout"),
    (505, "HTTP Version Not Supported"),
    (506, "Variant Also Negotiates"),
    (507, "Insufficient Storage"),
    (508, "Loop Detected"),
    (510, "Not Extended"),
    (511, "Network Authentication Required"),
];

/// Custom tables, in spec order: id, title, and the statuses its rows use
/// (the first most often).
const CUSTOM_TABLES: &[(&str, &str, &[u16])] = &[
    ("auth", "Authentication error codes", &[401, 403, 400]),
    ("device", "Device management error codes", &[400, 404, 409, 500]),
    ("license", "License error codes", &[403, 400, 402]),
    ("enrollment", "Enrollment error codes", &[400, 409, 404, 503]),
    ("policy", "Policy error codes", &[400, 422, 403]),
    ("billing", "Billing error codes", &[402, 400, 409]),
    ("storage", "Storage error codes", &[507, 413, 500, 404]),
    ("network", "Network error codes", &[502, 503, 504, 500]),
];

const SUBJECTS: &[&str] = &[
    "ACCESS",
    "ACCOUNT",
    "ADMIN",
    "AGENT",
    "ALIAS",
    "API",
    "APP",
    "ASSET",
    "AUDIT",
    "BACKUP",
    "BADGE",
    "BATCH",
    "BILLING",
    "BUNDLE",
    "CACHE",
    "CALLBACK",
    "CERT",
    "CHANNEL",
    "CLIENT",
    "CLUSTER",
    "CONFIG",
    "CONSENT",
    "CONTENT",
    "CONTRACT",
    "COUPON",
    "CREDENTIAL",
    "CUSTOMER",
    "DEVICE",
    "DOMAIN",
    "DRAFT",
    "ENDPOINT",
    "ENROLLMENT",
    "EVENT",
    "EXPORT",
    "FEATURE",
    "FILE",
    "FIRMWARE",
    "FOLDER",
    "GATEWAY",
    "GRANT",
    "GROUP",
    "HOOK",
    "IDENTITY",
    "IMAGE",
    "IMPORT",
    "INVOICE",
    "ISSUER",
    "JOB",
    "JWT",
    "KEY",
    "KIOSK",
    "LABEL",
    "LICENSE",
    "LOCATION",
    "LOG",
    "MEMBER",
    "MESSAGE",
    "METER",
    "MODEL",
    "NONCE",
    "NOTE",
    "ORDER",
    "OWNER",
    "PACKAGE",
    "PAGE",
    "PARTNER",
    "PASSWORD",
    "PAYLOAD",
    "PAYMENT",
    "PERMISSION",
    "PLAN",
    "POLICY",
    "PORT",
    "PROFILE",
    "PROJECT",
    "QUOTA",
    "RECEIPT",
    "REGION",
    "RELEASE",
    "REPORT",
    "REQUEST",
    "RESELLER",
    "ROLE",
    "ROUTE",
    "RULE",
    "SCHEDULE",
    "SCOPE",
    "SECRET",
    "SEAT",
    "SESSION",
    "SIGNATURE",
    "SLOT",
    "SNAPSHOT",
    "SUBSCRIPTION",
    "TAG",
    "TASK",
    "TEMPLATE",
    "TENANT",
    "TOKEN",
    "TOPIC",
    "TRIAL",
    "UPLOAD",
    "USER",
    "VAULT",
    "VERSION",
    "VOUCHER",
    "WEBHOOK",
    "WORKSPACE",
    "ZONE",
];

const QUALIFIERS: &[&str] = &[
    "ACTIVE",
    "ADMIN",
    "API",
    "BULK",
    "CHILD",
    "CLIENT",
    "CUSTOM",
    "DEFAULT",
    "DEVICE",
    "EXTERNAL",
    "GLOBAL",
    "GROUP",
    "GUEST",
    "INTERNAL",
    "LEGACY",
    "LOCAL",
    "MANAGED",
    "MOBILE",
    "OFFLINE",
    "PARENT",
    "PARTNER",
    "PENDING",
    "PRIMARY",
    "PRIVATE",
    "PUBLIC",
    "REMOTE",
    "ROOT",
    "SECONDARY",
    "SERVICE",
    "SHARED",
    "SIGNING",
    "TENANT",
    "TRIAL",
    "USER",
];

const STATES: &[&str] = &[
    "ALREADY_EXISTS",
    "BLOCKED",
    "CONFLICT",
    "DENIED",
    "DISABLED",
    "DUPLICATED",
    "EMPTY",
    "EXPIRED",
    "FAILED",
    "FORBIDDEN",
    "INVALID",
    "LIMIT_EXCEEDED",
    "LOCKED",
    "MALFORMED",
    "MISMATCH",
    "MISSING",
    "NOT_ALLOWED",
    "NOT_FOUND",
    "NOT_READY",
    "NOT_SUPPORTED",
    "OUT_OF_RANGE",
    "OVERFLOW",
    "PENDING",
    "REJECTED",
    "REVOKED",
    "SUSPENDED",
    "TIMEOUT",
    "TOO_LARGE",
    "TOO_LONG",
    "TOO_SHORT",
    "UNAVAILABLE",
    "UNKNOWN",
    "UNVERIFIED",
];

const NOUNS: &[&str] = &[
    "access token",
    "account",
    "API key",
    "batch job",
    "certificate",
    "client ID",
    "configuration profile",
    "customer",
    "device",
    "enrollment request",
    "firmware image",
    "license key",
    "payload",
    "policy",
    "request body",
    "reseller",
    "role",
    "session",
    "signing key",
    "subscription",
    "tenant",
    "upload",
    "user",
    "webhook",
    "workspace",
];

const PROBLEMS: &[&str] = &[
    "has expired",
    "is not valid for this operation",
    "could not be found",
    "is already in use",
    "exceeds the allowed size",
    "was revoked by an administrator",
    "does not match the registered value",
    "is missing a required field",
    "is locked while another request is processed",
    "is not supported in this region",
];

const ADVICE: &[&str] = &[
    "Check the value and send the request again.",
    "Request a new one and retry.",
    "Contact your administrator to restore access.",
    "Wait a few minutes before retrying.",
    "See the API reference for the accepted format.",
    "Remove the duplicate and try again.",
    "Upgrade the plan or free some capacity.",
];

const DETAILS: &[&str] = &[
    "This usually happens after the credentials were rotated.",
    "The limit applies per tenant and per hour.",
    "Requests from unmanaged devices are always rejected.",
    "The server logs the attempt for auditing.",
    "Only the owner of the resource can change it.",
];

/// The YAML text of a valid catalogue with `codes` rows (1 to
/// [`MAX_CODES`]), identical for identical `codes`.
///
/// # Panics
///
/// If `codes` is 0 or more than [`MAX_CODES`]; callers check first.
pub fn spec(codes: usize) -> String {
    synthesize(codes, false, false)
}

/// [`spec`] with `codes: string`: no HTTP status table (its codes would
/// be numbers), and each row's code its name in lower case, unique across
/// the catalogue. Identical for identical `codes`.
///
/// # Panics
///
/// If `codes` is 0 or more than [`MAX_CODES`]; callers check first.
pub fn string_spec(codes: usize) -> String {
    synthesize(codes, true, false)
}

/// [`spec`] with an integer param on every row and a message template that
/// shows it: the same rows, codes, names and descriptions as
/// [`spec`]`(codes)`. Identical for identical `codes`.
///
/// # Panics
///
/// If `codes` is 0 or more than [`MAX_CODES`]; callers check first.
pub fn params_spec(codes: usize) -> String {
    synthesize(codes, false, true)
}

/// A row's param and message, when rows have them.
const ROW_PARAM: &str = "        params:\n          limit:\n            type: integer\n            \
    description: The most the request may use.\n        message: \"At most {$limit} per request\"\n";

fn synthesize(codes: usize, string: bool, params: bool) -> String {
    assert!((1..=MAX_CODES).contains(&codes), "synth::spec takes 1 to {MAX_CODES} codes, not {codes}");
    let mut rng = Rng::new(codes as u64);
    // About one row in ten is an HTTP status, up to the real ones; none
    // with string codes.
    let http_rows = if string { 0 } else { (codes / 10).clamp(1, HTTP_STATUSES.len()) };
    let custom_rows = codes - http_rows;
    // About a thousand rows per custom table, up to eight tables.
    let tables = (custom_rows / 1000).clamp(1, CUSTOM_TABLES.len()).min(custom_rows);

    let mut out = String::with_capacity(codes * 220);
    if string {
        let _ = write!(
            out,
            "# A synthetic catalogue of {codes} string error codes, made by\n\
             # `synth --codes {codes} --string-codes` for benchmarks: realistic names\n\
             # and descriptions, no real meaning.\n\
             title: Synthetic Catalogue of {codes} String Codes\n\
             codes: string\n\
             crate: synth-{codes}-string-errors\n\
             version: 0.1.0\n\
             body: {{code: code, message: message, details: data, occurrence_id: errorId}}\n\
             tables:\n"
        );
    } else {
        let _ = write!(
            out,
            "# A synthetic catalogue of {codes} error codes, made by `synth --codes {codes}`\n\
             # for benchmarks: realistic names and descriptions, no real meaning.\n\
             title: Synthetic Catalogue of {codes} Codes\n\
             crate: synth-{codes}-errors\n\
             version: 0.1.0\n\
             body: {{code: code, message: message, details: data, occurrence_id: errorId}}\n\
             tables:\n"
        );
        table_header(&mut out, "http", Some("http_status"), "Standard HTTP error codes");
    }
    for &(status, reason) in &HTTP_STATUSES[..http_rows] {
        let description = description(&mut rng);
        let _ = write!(
            out,
            "      - code: {status}\n        name: {reason}\n        description: {description}\n"
        );
        if params {
            out.push_str(ROW_PARAM);
        }
    }

    let mut next_code = [0u32; 600];
    // String codes are names in lower case, unique across tables.
    let mut string_codes = HashSet::new();
    for (t, &(id, title, statuses)) in CUSTOM_TABLES[..tables].iter().enumerate() {
        let rows = custom_rows / tables + usize::from(t < custom_rows % tables);
        table_header(&mut out, id, None, title);
        let mut names = HashSet::with_capacity(rows);
        for _ in 0..rows {
            // The table's first status for half the rows, the others evenly.
            let status = if rng.below(2) == 0 { statuses[0] } else { statuses[rng.below(statuses.len())] };
            let counter = &mut next_code[usize::from(status)];
            *counter += 1 + rng.below(3) as u32;
            let code = u32::from(status) * 1_000_000 + *counter;
            let name = loop {
                let name = name(&mut rng);
                if names.insert(name.clone())
                    && (!string || (name.len() <= 64 && string_codes.insert(name.to_lowercase())))
                {
                    break name;
                }
            };
            let description = description(&mut rng);
            let code = if string { name.to_lowercase() } else { code.to_string() };
            let _ = write!(
                out,
                "      - code: {code}\n        name: {name}\n        description: {description}\n        http_status: {status}\n"
            );
            if params {
                out.push_str(ROW_PARAM);
            }
        }
    }
    out
}

fn table_header(out: &mut String, id: &str, kind: Option<&str>, title: &str) {
    let _ = writeln!(out, "  - id: {id}");
    if let Some(kind) = kind {
        let _ = writeln!(out, "    kind: {kind}");
    }
    let _ = write!(
        out,
        "    title: {title}\n    summary: \"The following table lists the {} codes:\"\n    errors:\n",
        title.to_lowercase().trim_end_matches(" error codes").trim_end_matches(" codes")
    );
}

/// An UPPER_SNAKE name of two to six words: qualifiers, a subject, a state.
/// Every word is a plain identifier, so distinct names give distinct
/// variant names.
fn name(rng: &mut Rng) -> String {
    let words = 2 + rng.below(5);
    // A state may hold several words (`NOT_FOUND`): fewer qualifiers then.
    let state = rng.pick(STATES);
    let qualifiers = words.saturating_sub(1 + state.split('_').count());
    let mut parts: Vec<&str> = (0..qualifiers).map(|_| rng.pick(QUALIFIERS)).collect();
    parts.push(rng.pick(SUBJECTS));
    parts.push(state);
    parts.join("_")
}

/// One to three sentences, as a YAML double-quoted scalar.
fn description(rng: &mut Rng) -> String {
    let mut text = format!("The {} {}.", rng.pick(NOUNS), rng.pick(PROBLEMS));
    if rng.below(3) > 0 {
        text.push(' ');
        text.push_str(rng.pick(DETAILS));
    }
    if rng.below(2) > 0 {
        text.push(' ');
        text.push_str(rng.pick(ADVICE));
    }
    format!("\"{text}\"")
}

/// xorshift64*, seeded from the size: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        // Spread small seeds over all bits; a zero state would stay zero.
        Rng(seed.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn catalogue(codes: usize) -> errcat_model::Catalogue {
        load_text(&spec(codes))
    }

    fn load_text(text: &str) -> errcat_model::Catalogue {
        let input = crate::SpecInput::text(Path::new("synth.yaml"), "synth.yaml", text);
        crate::load(input).expect("synthetic specs load").remove(0)
    }

    #[test]
    fn every_size_is_a_valid_catalogue_of_that_size() {
        for codes in [1, 2, 18, 250, 1000, 5000] {
            let catalogue = catalogue(codes);
            assert_eq!(catalogue.rows().count(), codes, "{codes} codes");
            assert_eq!(catalogue.tables[0].kind, errcat_model::TableKind::HttpStatus);
        }
        assert_eq!(catalogue(1000).tables.len(), 2);
        assert_eq!(catalogue(5000).tables.len(), 5);
        assert_eq!(catalogue(10_000).tables.len(), 9);
    }

    #[test]
    fn string_codes_are_lower_case_names_unique_across_tables() {
        for codes in [1, 18, 1000, 5000] {
            let catalogue = load_text(&string_spec(codes));
            assert_eq!(catalogue.rows().count(), codes, "{codes} codes");
            assert_eq!(catalogue.codes, errcat_model::CodeKind::String);
            assert!(catalogue.http && catalogue.http_table().is_none());
            for (_, row) in catalogue.rows() {
                assert_eq!(row.code, errcat_model::Code::String(row.name.to_lowercase()));
            }
        }
        assert_eq!(string_spec(300), string_spec(300));
    }

    #[test]
    fn params_specs_are_the_same_rows_each_with_a_param_and_a_message() {
        let plain = catalogue(1000);
        let with = load_text(&params_spec(1000));
        assert_eq!(with.rows().count(), 1000);
        for ((_, row), (_, plain)) in with.rows().zip(plain.rows()) {
            assert_eq!((&row.code, &row.name), (&plain.code, &plain.name));
            assert_eq!(row.params.len(), 1, "{}", row.name);
            assert_eq!(row.message.as_ref().map(|m| m.source.as_str()), Some("At most {$limit} per request"));
        }
        assert_eq!(params_spec(300), params_spec(300));
    }

    #[test]
    fn deterministic_and_size_dependent() {
        assert_eq!(spec(300), spec(300));
        assert_ne!(spec(300), spec(301));
    }

    #[test]
    fn names_and_descriptions_look_real() {
        let catalogue = catalogue(2000);
        for (table, row) in catalogue.rows().filter(|(t, _)| t.kind == errcat_model::TableKind::Custom) {
            let words = row.name.split('_').count();
            assert!((2..=6).contains(&words), "{}: {words} words", row.name);
            assert!(row.name.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'), "{}", row.name);
            assert!((20..=260).contains(&row.description.len()), "{}", row.description);
            let code = row.code.integer().expect("an integer code");
            assert_eq!(code / 1_000_000, u32::from(row.http_status), "{code} in {}", table.id);
        }
    }
}
