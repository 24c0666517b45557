//! The error body every code travels in: its fields and what each holds,
//! written once for the Rust `ErrorBody`, the OpenAPI schema and the
//! Markdown reference.

/// One field of the error body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyField {
    /// The JSON key.
    pub key: &'static str,
    /// The field of the generated crate's `ErrorBody`.
    pub rust_field: &'static str,
    /// The JSON types it takes, in words.
    pub json_type: &'static str,
    /// Whether every error body has it.
    pub required: bool,
    /// What it holds, one sentence.
    pub description: &'static str,
}

/// The body's fields, in the order every format lists them.
pub const BODY_FIELDS: [BodyField; 4] = [
    BodyField {
        key: "code",
        rust_field: "code",
        json_type: "integer or string of digits",
        required: true,
        description: "The error's code, as the service sent it.",
    },
    BodyField {
        key: "message",
        rust_field: "message",
        json_type: "string",
        required: true,
        description: "The error's name, as the catalogue prints it.",
    },
    BodyField {
        key: "data",
        rust_field: "data",
        json_type: "string",
        required: false,
        description: "A human-readable detail, if the service sent one.",
    },
    BodyField {
        key: "errorId",
        rust_field: "error_id",
        json_type: "string",
        required: false,
        description: "A unique id of the failed call, for support requests.",
    },
];

/// The keys every error body has.
pub fn required_keys() -> Vec<&'static str> {
    BODY_FIELDS.iter().filter(|field| field.required).map(|field| field.key).collect()
}
