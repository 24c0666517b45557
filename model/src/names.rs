//! Naming rules: how a row's name becomes a Rust variant name, and which
//! names the generated crate can use.

use heck::ToUpperCamelCase;

/// Type names the generated crate defines or imports besides the table
/// enums: at its root, and in its `response` module (into which the HTTP
/// status table's enum is imported). A table enum cannot take one.
pub const RESERVED_ITEM_NAMES: &[&str] = &[
    "ErrorCode",
    "UnknownCodeError",
    "UnknownNameError",
    "Recovery",
    "BodyCode",
    "ErrorBody",
    "ApiError",
    "ApiErrorKind",
    // Re-exported at the root when the spec has `problem_details:`.
    "ProblemDetails",
    // Re-exported at the root with a body (feature `axum`).
    "RetryAfter",
    // With `locales:`; `Localized` with a body too (feature `axum`).
    "Locale",
    "Localized",
    // With `sections:`.
    "Section",
    // The `response` module's own imports and private types.
    "BodyCodeOnly",
    "BodyVisitor",
    "CodeField",
    "CodeOnlyVisitor",
    "Deserialize",
    "DeserializeSeed",
    "Deserializer",
    "Field",
    "FieldVisitor",
    "IgnoredAny",
    "MapAccess",
    "SeqAccess",
    "Serialize",
    "SerializeStruct",
    "Serializer",
    "String",
    "TextField",
    "Unexpected",
    "Vec",
    "Visitor",
    "Members",
    "Envelope",
    "MapSeed",
    "KeyIs",
    "ProblemMembers",
    "FirstRead",
];

/// Names the `impl` blocks of the table enums and of `ErrorCode` define
/// (associated constants and methods), which their code reaches as
/// `Self::NAME`: a variant of the same name would take that path. Neither
/// a row's variant nor a table's `ErrorCode` variant can take one.
pub const RESERVED_ASSOCIATED_NAMES: &[&str] = &[
    "ALL",
    "CODES",
    "NAMES",
    "DESCRIPTIONS",
    "HTTP_STATUSES",
    "HTTP_STATUS_LISTS",
    "RECOVERIES",
    "EXPLANATIONS",
    "CAUSES",
    "SOLUTIONS",
    "DESCRIPTIONS_IN",
    "DESCRIPTION_IN_AT",
    "description_in",
    "description_locale",
    "NAMES_IN",
    "NAME_IN_AT",
    "EXPLANATIONS_IN",
    "EXPLANATION_IN_AT",
    "CAUSES_IN",
    "CAUSES_IN_AT",
    "SOLUTIONS_IN",
    "SOLUTIONS_IN_AT",
    "name_in",
    "explanation_in",
    "from_name_in",
    "causes_in",
    "solutions_in",
    "MESSAGES_IN",
    "MESSAGE_IN_AT",
    "message_translation",
    "ROW_ALIASES",
    "ALIAS_CODES",
    "ALIAS_ROWS",
    "CODE_SEED",
    "CODE_HASH_MIDDLE",
    "CODE_HASH_WHOLE",
    "CODE_PILOTS",
    "CODE_SLOTS",
    "CODE_KEYS",
    "CODE_LENS",
    "CODE_FIRSTS",
    "CODE_LASTS",
    "CODE_VARIANTS",
    "NAME_SEED",
    "NAME_HASH_MIDDLE",
    "NAME_HASH_WHOLE",
    "NAME_PILOTS",
    "NAME_SLOTS",
    "OTHER_NAMES",
    "OTHER_NAME_KEYS",
    "OTHER_NAME_ROWS",
    "ROW_MULTIPLIER",
    "ROW_SHIFT",
    "ROW_OF",
    "code",
    "row",
    "from_code",
    "aliases",
    "name",
    "from_name",
    "other_names",
    "description",
    "explanation",
    "causes",
    "solutions",
    "http_status",
    "status_code",
    "http_statuses",
    "is_client_error",
    "is_server_error",
    "recovery",
    "SECTION_LISTS",
    "SECTION_DESCRIPTIONS",
    "SECTION_STATUSES",
    "sections",
    "section_description",
    "section_http_statuses",
];

/// The standard library's crates, which every crate can name without
/// depending on them: a dependency of the same name would shadow them.
const STANDARD_CRATES: &[&str] = &["core", "std", "alloc", "proc_macro", "test"];

/// The generated crate's own optional dependencies (its `Cargo.toml`).
const DEPENDENCIES: &[&str] = &["http", "serde", "serde_json"];

/// Rust's keywords, strict and reserved, in every edition: none can name a
/// crate in a `use` (`self`, `crate` and `super` not even raw).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop",
    "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "self", "static",
    "struct", "super", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual",
    "where", "while", "yield",
];

/// What a generated crate whose path segment is `ident` (`knox_cloud_errors`)
/// would name besides itself, if anything: a crate its users need, or a
/// keyword.
pub fn crate_name_clash(ident: &str) -> Option<String> {
    if STANDARD_CRATES.contains(&ident) {
        Some(format!("Rust's own `{ident}` crate, which it would hide from every crate that depends on it"))
    } else if DEPENDENCIES.contains(&ident) {
        Some(format!("the `{ident}` crate the generated crate depends on"))
    } else if KEYWORDS.contains(&ident) {
        Some("a Rust keyword, which no `use` can name".to_owned())
    } else {
        None
    }
}

/// Whether `word` is a Rust keyword, which no field or crate can be named.
pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

/// UpperCamelCase of `name`, split into words at every character that is
/// not alphanumeric: `ACCESS_TOKEN_EXPIRED` → `AccessTokenExpired`.
pub fn derive_variant_name(name: &str) -> String {
    name.to_upper_camel_case()
}

/// Whether `ident` can name a generated enum or variant without a lint:
/// ASCII, UpperCamelCase, not a keyword.
pub fn is_type_ident(ident: &str) -> bool {
    let mut chars = ident.chars();
    matches!(chars.next(), Some('A'..='Z')) && chars.all(|c| c.is_ascii_alphanumeric()) && ident != "Self"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_names_split_at_every_non_alphanumeric() {
        assert_eq!(derive_variant_name("ACCESS_TOKEN_EXPIRED"), "AccessTokenExpired");
        assert_eq!(derive_variant_name("Too Many Requests"), "TooManyRequests");
        assert_eq!(derive_variant_name("ACCESS-TOKEN-EXPIRED"), "AccessTokenExpired");
        assert_eq!(derive_variant_name("Not Found"), "NotFound");
        assert_eq!(derive_variant_name("API_KEY_NON_UNIQUE_JWTID"), "ApiKeyNonUniqueJwtid");
    }

    #[test]
    fn type_idents() {
        assert!(is_type_ident("AccessTokenExpired"));
        assert!(is_type_ident("E404"));
        assert!(!is_type_ident("404"));
        assert!(!is_type_ident("Self"));
        assert!(!is_type_ident("access"));
        assert!(!is_type_ident("Café"));
        assert!(!is_type_ident(""));
    }
}
