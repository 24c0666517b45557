//! Error responses (the generated crate's `serde` feature): the body type,
//! the code as sent, and the classification of a whole response.

use proc_macro2::TokenStream;
use quote::quote;

use super::examples::{sample_body, sample_row, unused_code};
use super::tokens::{doc, ident};
use crate::emit::text::rust_bytes;
use crate::model::Catalogue;

pub(super) fn emit_response(catalogue: &Catalogue) -> TokenStream {
    let krate = catalogue.crate_ident();
    let (table, row) = sample_row(catalogue);
    let path = format!("ErrorCode::{}({}::{})", table.error_code_variant, table.rust_enum, row.rust_variant);
    let uses = format!("use {krate}::{{ErrorCode, {}}};", table.rust_enum);
    let unknown = unused_code(catalogue);
    let example = |uses: &str, body: String| format!("```\n{uses}\n\n{body}\n```");

    let body_code_docs = doc(&format!(
        "The `code` of an error body, exactly as the service sent it.\n\n\
         A service may send a code the catalogue does not list: it is kept,\n\
         never an error. A code is read from a JSON integer, a string of its\n\
         decimal digits (`\"4000000\"`) or a one-element array of either, and\n\
         is written back as it was read (a number, or a string).\n\n{}",
        example(
            &format!("{uses}\nuse {krate}::BodyCode;"),
            format!(
                "let known: BodyCode = serde_json::from_str(\"{code}\").unwrap();\n\
                 assert_eq!(known.error_code(), Some({path}));\n\n\
                 let unknown: BodyCode = serde_json::from_str(\"\\\"{unknown}\\\"\").unwrap();\n\
                 assert_eq!(unknown.error_code(), None);\n\
                 assert_eq!(unknown.number(), {unknown});\n\
                 assert_eq!(serde_json::to_string(&unknown).unwrap(), \"\\\"{unknown}\\\"\");",
                code = row.aliases.first().copied().unwrap_or(row.code),
            ),
        ),
    ));
    let new_docs = doc(&format!(
        "A code sent as a JSON number.\n\n{}",
        example(
            &format!("use {krate}::BodyCode;"),
            format!("assert_eq!(serde_json::to_string(&BodyCode::new({unknown})).unwrap(), \"{unknown}\");")
        ),
    ));
    let quoted_docs = doc(&format!(
        "A code sent as a JSON string of its decimal digits.\n\n{}",
        example(
            &format!("use {krate}::BodyCode;"),
            format!(
                "assert_eq!(serde_json::to_string(&BodyCode::quoted({unknown})).unwrap(), \"\\\"{unknown}\\\"\");"
            )
        ),
    ));
    let number_docs = doc(&format!(
        "The number, exactly as sent (an alias stays the alias).\n\n{}",
        example(
            &format!("use {krate}::BodyCode;"),
            format!("assert_eq!(BodyCode::new(-{unknown}).number(), -{unknown});")
        ),
    ));
    let is_quoted_docs = doc(&format!(
        "Whether the code was sent as a string.\n\n{}",
        example(
            &format!("use {krate}::BodyCode;"),
            format!(
                "assert!(BodyCode::quoted({unknown}).is_quoted());\nassert!(!BodyCode::new({unknown}).is_quoted());"
            )
        ),
    ));
    let error_code_docs = doc(&format!(
        "The catalogue's error with this code, or with this alias.\n\n{}",
        example(
            &format!("{uses}\nuse {krate}::BodyCode;"),
            format!(
                "assert_eq!(BodyCode::new({code}).error_code(), Some({path}));\n\
                 assert_eq!(BodyCode::new({unknown}).error_code(), None);",
                code = row.code,
            )
        ),
    ));

    let body_json = sample_body(row, Some("a1b2"));
    let error_body_docs = doc(&format!(
        "An error response body: `{{\"code\", \"message\", \"data\", \"errorId\"}}`,\n\
         where `data` and `errorId` may be missing (or `null`).\n\n\
         Each field is read as a plain value or as a one-element array\n\
         (`{{\"code\":[4030000],\"message\":[\"AUTHENTICATION_FAIL\"]}}`), and `code`\n\
         as an integer or a string of digits; other fields are ignored.\n\
         Writing gives the plain shape, with absent fields left out.\n\n{}",
        example(
            &format!("{uses}\nuse {krate}::ErrorBody;"),
            format!(
                "let body: ErrorBody = serde_json::from_slice({bytes}).unwrap();\n\
                 assert_eq!(body.code.error_code(), Some({path}));\n\
                 assert_eq!(body.error_id.as_deref(), Some(\"a1b2\"));\n\
                 assert_eq!(body.data, None);\n\n\
                 let array: ErrorBody = serde_json::from_str(r#\"{{\"code\":[\"{unknown}\"],\"message\":[\"X\"],\"data\":[\"d\"]}}\"#).unwrap();\n\
                 assert_eq!(array.code.number(), {unknown});\n\
                 assert_eq!(array.data.as_deref(), Some(\"d\"));",
                bytes = rust_bytes(&body_json),
            ),
        ),
    ));

    // The HTTP status fallback exists only when the catalogue has an HTTP
    // status table.
    let http = catalogue.http_table();
    let (status_variant, status_fallback, status_to_error_code, status_display) = match http {
        Some(http) => {
            let name = ident(&http.rust_enum);
            let outer = ident(&http.error_code_variant);
            let docs = doc(&format!(
                "The body has no code the catalogue lists (or no body could be\n\
                 read), but the HTTP status is a row of [`{}`].",
                http.rust_enum
            ));
            (
                quote! { #docs Status(#name), },
                quote! {
                    if let ::core::option::Option::Some(error) = #name::from_code(status as u32) {
                        return Self::Status(error);
                    }
                },
                quote! { Self::Status(error) => ::core::option::Option::Some(ErrorCode::#outer(error)), },
                quote! { ApiErrorKind::Status(error) => ::core::write!(f, "{error}")?, },
            )
        }
        None => (TokenStream::new(), TokenStream::new(), TokenStream::new(), TokenStream::new()),
    };
    let http_use = http.map(|http| ident(&http.rust_enum)).map(|name| quote! { use super::#name; });

    let fallback_example = match http.map(|http| &http.rows[0]) {
        Some(status_row) => format!(
            "\n\n// An unlisted code falls back on the HTTP status.\n\
             let kind = ApiErrorKind::classify({status}, Some(BodyCode::new({unknown})));\n\
             assert_eq!(kind, ApiErrorKind::Status({http}::{variant}));",
            status = status_row.code,
            http = http.map(|h| h.rust_enum.as_str()).unwrap_or_default(),
            variant = status_row.rust_variant,
        ),
        None => String::new(),
    };
    let kind_uses = match http {
        Some(http) if http.rust_enum != table.rust_enum => {
            format!(
                "use {krate}::{{ApiErrorKind, BodyCode, ErrorCode, {}, {}}};",
                table.rust_enum, http.rust_enum
            )
        }
        _ => format!("use {krate}::{{ApiErrorKind, BodyCode, ErrorCode, {}}};", table.rust_enum),
    };
    let kind_docs = doc(&format!(
        "The most specific thing a response says about its error.\n\n{}",
        example(
            &kind_uses,
            format!(
                "let kind = ApiErrorKind::classify({status}, Some(BodyCode::new({code})));\n\
                 assert_eq!(kind, ApiErrorKind::Code({path}));{fallback_example}\n\n\
                 let kind = ApiErrorKind::classify(299, Some(BodyCode::new({unknown})));\n\
                 assert_eq!(kind, ApiErrorKind::Unknown {{ status: 299, code: Some(BodyCode::new({unknown})) }});",
                status = row.http_status,
                code = row.code,
            )
        ),
    ));
    let recovery_value = match row.recovery {
        Some(recovery) => format!("Some(Recovery::{})", recovery.rust_variant()),
        None => "None".to_owned(),
    };
    let api_uses =
        format!("use {krate}::{{ApiError, ApiErrorKind, ErrorCode, Recovery, {}}};", table.rust_enum);
    let api_error_docs = doc(&format!(
        "An error response, classified as specifically as the catalogue\n\
         allows, with everything the service sent kept.\n\n{}",
        example(
            &api_uses,
            format!(
                "let error = ApiError::from_response({status}, {bytes});\n\
                 assert_eq!(error.kind(), ApiErrorKind::Code({path}));\n\
                 assert_eq!(error.recovery(), {recovery_value});\n\
                 assert_eq!(error.body().and_then(|b| b.error_id.as_deref()), Some(\"a1b2\"));\n\n\
                 // A body that is not JSON is kept as it came.\n\
                 let error = ApiError::from_response(502, b\"<html>Bad Gateway</html>\");\n\
                 assert!(error.body().is_none());\n\
                 assert_eq!(error.raw_body(), b\"<html>Bad Gateway</html>\");",
                status = row.http_status,
                bytes = rust_bytes(&body_json),
            )
        ),
    ));

    quote! {
        #[cfg(feature = "serde")]
        pub use response::{ApiError, ApiErrorKind, BodyCode, ErrorBody};

        /// Error response bodies and their classification (feature `serde`).
        #[cfg(feature = "serde")]
        mod response {
            use ::alloc::string::String;
            use ::alloc::vec::Vec;
            use ::core::fmt;
            use ::serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Unexpected, Visitor};
            use ::serde::ser::SerializeStruct;
            use ::serde::{Deserialize, Deserializer, Serialize, Serializer};

            use super::{ErrorCode, Recovery};
            #http_use

            #body_code_docs
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
            pub struct BodyCode {
                number: i128,
                quoted: bool,
            }

            impl BodyCode {
                #new_docs
                #[must_use]
                pub const fn new(number: i128) -> Self {
                    Self { number, quoted: false }
                }

                #quoted_docs
                #[must_use]
                pub const fn quoted(number: i128) -> Self {
                    Self { number, quoted: true }
                }

                #number_docs
                #[must_use]
                pub const fn number(self) -> i128 {
                    self.number
                }

                #is_quoted_docs
                #[must_use]
                pub const fn is_quoted(self) -> bool {
                    self.quoted
                }

                #error_code_docs
                #[must_use]
                pub const fn error_code(self) -> ::core::option::Option<ErrorCode> {
                    if self.number < 0 || self.number > u32::MAX as i128 {
                        return ::core::option::Option::None;
                    }
                    ErrorCode::from_code(self.number as u32)
                }
            }

            /// The code as a JSON number, with the same value.
            impl ::core::convert::From<ErrorCode> for BodyCode {
                fn from(error: ErrorCode) -> Self {
                    Self::new(i128::from(error.code()))
                }
            }

            /// Writes the number in decimal.
            impl fmt::Display for BodyCode {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    fmt::Display::fmt(&self.number, f)
                }
            }

            impl Serialize for BodyCode {
                fn serialize<S: Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                    if self.quoted {
                        serializer.collect_str(&self.number)
                    } else if let Ok(number) = u64::try_from(self.number) {
                        serializer.serialize_u64(number)
                    } else if let Ok(number) = i64::try_from(self.number) {
                        serializer.serialize_i64(number)
                    } else {
                        serializer.serialize_i128(self.number)
                    }
                }
            }

            impl<'de> Deserialize<'de> for BodyCode {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                    CodeField { in_array: false }.deserialize(deserializer)
                }
            }

            /// Reads a code, or a one-element array of one.
            #[derive(Clone, Copy)]
            struct CodeField {
                in_array: bool,
            }

            impl<'de> DeserializeSeed<'de> for CodeField {
                type Value = BodyCode;

                fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> ::core::result::Result<BodyCode, D::Error> {
                    deserializer.deserialize_any(self)
                }
            }

            impl<'de> Visitor<'de> for CodeField {
                type Value = BodyCode;

                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("an error code: an integer, a string of its decimal digits, or a one-element array of either")
                }

                fn visit_u64<E: de::Error>(self, number: u64) -> ::core::result::Result<BodyCode, E> {
                    Ok(BodyCode::new(i128::from(number)))
                }

                fn visit_i64<E: de::Error>(self, number: i64) -> ::core::result::Result<BodyCode, E> {
                    Ok(BodyCode::new(i128::from(number)))
                }

                fn visit_i128<E: de::Error>(self, number: i128) -> ::core::result::Result<BodyCode, E> {
                    Ok(BodyCode::new(number))
                }

                fn visit_u128<E: de::Error>(self, number: u128) -> ::core::result::Result<BodyCode, E> {
                    i128::try_from(number)
                        .map(BodyCode::new)
                        .map_err(|_| E::invalid_value(Unexpected::Other("an integer above 2^127"), &self))
                }

                fn visit_str<E: de::Error>(self, text: &str) -> ::core::result::Result<BodyCode, E> {
                    parse_decimal(text).map(BodyCode::quoted).ok_or_else(|| E::invalid_value(Unexpected::Str(text), &self))
                }

                fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> ::core::result::Result<BodyCode, A::Error> {
                    if self.in_array {
                        return Err(de::Error::invalid_type(Unexpected::Seq, &self));
                    }
                    one_element(seq, CodeField { in_array: true })
                }
            }

            /// The number a string of decimal digits spells, when it is
            /// written exactly as the number prints (no sign but `-`, no
            /// leading zero, no space), so that writing it back gives the
            /// same string.
            fn parse_decimal(text: &str) -> ::core::option::Option<i128> {
                let digits = text.strip_prefix('-').unwrap_or(text);
                let canonical = !digits.is_empty()
                    && digits.bytes().all(|b| b.is_ascii_digit())
                    && (digits == "0" || !digits.starts_with('0'))
                    && text != "-0";
                if canonical { text.parse().ok() } else { ::core::option::Option::None }
            }

            /// Reads a text, `null`, or a one-element array of either.
            #[derive(Clone, Copy)]
            struct TextField {
                in_array: bool,
            }

            impl<'de> DeserializeSeed<'de> for TextField {
                type Value = ::core::option::Option<String>;

                fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> ::core::result::Result<Self::Value, D::Error> {
                    deserializer.deserialize_any(self)
                }
            }

            impl<'de> Visitor<'de> for TextField {
                type Value = ::core::option::Option<String>;

                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a string, or a one-element array of one")
                }

                fn visit_str<E: de::Error>(self, text: &str) -> ::core::result::Result<Self::Value, E> {
                    Ok(::core::option::Option::Some(String::from(text)))
                }

                fn visit_string<E: de::Error>(self, text: String) -> ::core::result::Result<Self::Value, E> {
                    Ok(::core::option::Option::Some(text))
                }

                fn visit_unit<E: de::Error>(self) -> ::core::result::Result<Self::Value, E> {
                    Ok(::core::option::Option::None)
                }

                fn visit_none<E: de::Error>(self) -> ::core::result::Result<Self::Value, E> {
                    Ok(::core::option::Option::None)
                }

                fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> ::core::result::Result<Self::Value, D::Error> {
                    deserializer.deserialize_any(self)
                }

                fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> ::core::result::Result<Self::Value, A::Error> {
                    if self.in_array {
                        return Err(de::Error::invalid_type(Unexpected::Seq, &self));
                    }
                    one_element(seq, TextField { in_array: true })
                }
            }

            /// The single element of an array that must hold exactly one.
            fn one_element<'de, A: SeqAccess<'de>, S: DeserializeSeed<'de>>(
                mut seq: A,
                seed: S,
            ) -> ::core::result::Result<S::Value, A::Error> {
                let value = seq
                    .next_element_seed(seed)?
                    .ok_or_else(|| de::Error::invalid_length(0, &"a one-element array"))?;
                if seq.next_element::<IgnoredAny>()?.is_some() {
                    return Err(de::Error::invalid_length(2, &"a one-element array"));
                }
                Ok(value)
            }

            #error_body_docs
            #[derive(Clone, Debug, PartialEq, Eq, Hash)]
            pub struct ErrorBody {
                /// The error's code, as sent.
                pub code: BodyCode,
                /// The error's name, such as the catalogue prints it.
                pub message: String,
                /// Details for the developer, if the service sent any.
                pub data: ::core::option::Option<String>,
                /// The service's identifier of this occurrence (`errorId`),
                /// to quote to its support.
                pub error_id: ::core::option::Option<String>,
            }

            impl Serialize for ErrorBody {
                fn serialize<S: Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                    let fields = 2 + usize::from(self.data.is_some()) + usize::from(self.error_id.is_some());
                    let mut body = serializer.serialize_struct("ErrorBody", fields)?;
                    body.serialize_field("code", &self.code)?;
                    body.serialize_field("message", &self.message)?;
                    match &self.data {
                        ::core::option::Option::Some(data) => body.serialize_field("data", data)?,
                        ::core::option::Option::None => body.skip_field("data")?,
                    }
                    match &self.error_id {
                        ::core::option::Option::Some(id) => body.serialize_field("errorId", id)?,
                        ::core::option::Option::None => body.skip_field("errorId")?,
                    }
                    body.end()
                }
            }

            impl<'de> Deserialize<'de> for ErrorBody {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                    deserializer.deserialize_map(BodyVisitor)
                }
            }

            struct BodyVisitor;

            impl<'de> Visitor<'de> for BodyVisitor {
                type Value = ErrorBody;

                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("an error body: an object with `code` and `message`")
                }

                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> ::core::result::Result<ErrorBody, A::Error> {
                    let mut code = ::core::option::Option::None;
                    let mut message = ::core::option::Option::None;
                    let mut data = ::core::option::Option::None;
                    let mut error_id = ::core::option::Option::None;
                    while let ::core::option::Option::Some(field) = map.next_key::<Field>()? {
                        match field {
                            Field::Code => {
                                let value = map.next_value_seed(CodeField { in_array: false })?;
                                once(&mut code, value, "code")?;
                            }
                            Field::Message => {
                                let value = map.next_value_seed(TextField { in_array: false })?;
                                once(&mut message, value, "message")?;
                            }
                            Field::Data => {
                                let value = map.next_value_seed(TextField { in_array: false })?;
                                once(&mut data, value, "data")?;
                            }
                            Field::ErrorId => {
                                let value = map.next_value_seed(TextField { in_array: false })?;
                                once(&mut error_id, value, "errorId")?;
                            }
                            Field::Other => {
                                map.next_value::<IgnoredAny>()?;
                            }
                        }
                    }
                    Ok(ErrorBody {
                        code: code.ok_or_else(|| de::Error::missing_field("code"))?,
                        message: message.flatten().ok_or_else(|| de::Error::missing_field("message"))?,
                        data: data.flatten(),
                        error_id: error_id.flatten(),
                    })
                }
            }

            /// Stores a field's value, refusing a second one.
            fn once<T, E: de::Error>(slot: &mut ::core::option::Option<T>, value: T, name: &'static str) -> ::core::result::Result<(), E> {
                if slot.replace(value).is_some() {
                    return Err(E::duplicate_field(name));
                }
                Ok(())
            }

            enum Field {
                Code,
                Message,
                Data,
                ErrorId,
                Other,
            }

            impl<'de> Deserialize<'de> for Field {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                    deserializer.deserialize_identifier(FieldVisitor)
                }
            }

            struct FieldVisitor;

            impl Visitor<'_> for FieldVisitor {
                type Value = Field;

                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a field name")
                }

                fn visit_str<E: de::Error>(self, name: &str) -> ::core::result::Result<Field, E> {
                    Ok(match name {
                        "code" => Field::Code,
                        "message" => Field::Message,
                        "data" => Field::Data,
                        "errorId" => Field::ErrorId,
                        _ => Field::Other,
                    })
                }
            }

            #kind_docs
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
            #[non_exhaustive]
            pub enum ApiErrorKind {
                /// The body's code (or an alias of it) is in the catalogue.
                Code(ErrorCode),
                #status_variant
                /// Neither the code nor the status is in the catalogue: the
                /// raw numbers, the code as sent if the body had one.
                Unknown {
                    /// The HTTP status.
                    status: u16,
                    /// The body's code, if the body could be read.
                    code: ::core::option::Option<BodyCode>,
                },
            }

            impl ApiErrorKind {
                /// Classifies an HTTP status and the body's code, if any: the
                /// code when the catalogue lists it, else the status when an
                /// HTTP status table lists it, else the raw numbers.
                #[must_use]
                pub const fn classify(status: u16, code: ::core::option::Option<BodyCode>) -> Self {
                    if let ::core::option::Option::Some(body_code) = code {
                        if let ::core::option::Option::Some(error) = body_code.error_code() {
                            return Self::Code(error);
                        }
                    }
                    #status_fallback
                    Self::Unknown { status, code }
                }

                /// The catalogue's error, if the code or the status is listed.
                #[must_use]
                pub const fn error_code(self) -> ::core::option::Option<ErrorCode> {
                    match self {
                        Self::Code(error) => ::core::option::Option::Some(error),
                        #status_to_error_code
                        Self::Unknown { .. } => ::core::option::Option::None,
                    }
                }

                /// What a client should do, if the catalogue says.
                #[must_use]
                pub const fn recovery(self) -> ::core::option::Option<Recovery> {
                    match self.error_code() {
                        ::core::option::Option::Some(error) => error.recovery(),
                        ::core::option::Option::None => ::core::option::Option::None,
                    }
                }
            }

            #api_error_docs
            #[derive(Clone, Debug, PartialEq, Eq)]
            pub struct ApiError {
                status: u16,
                kind: ApiErrorKind,
                body: ::core::option::Option<ErrorBody>,
                raw: Vec<u8>,
            }

            impl ApiError {
                /// Classifies a response from its HTTP status and body bytes.
                /// A body that is not an error body is kept as bytes.
                #[must_use]
                pub fn from_response(status: u16, body: &[u8]) -> Self {
                    let parsed = ::serde_json::from_slice::<ErrorBody>(body).ok();
                    let kind = ApiErrorKind::classify(status, parsed.as_ref().map(|body| body.code));
                    Self { status, kind, body: parsed, raw: Vec::from(body) }
                }

                /// Classifies an `http::Response` (features `serde` and `http`).
                #[cfg(feature = "http")]
                #[must_use]
                pub fn from_http_response<B: ::core::convert::AsRef<[u8]>>(response: &::http::Response<B>) -> Self {
                    Self::from_response(response.status().as_u16(), response.body().as_ref())
                }

                /// The HTTP status.
                #[must_use]
                pub const fn status(&self) -> u16 {
                    self.status
                }

                /// The most specific classification of the error.
                #[must_use]
                pub const fn kind(&self) -> ApiErrorKind {
                    self.kind
                }

                /// The catalogue's error, if the code or the status is listed.
                #[must_use]
                pub const fn error_code(&self) -> ::core::option::Option<ErrorCode> {
                    self.kind.error_code()
                }

                /// What a client should do, if the catalogue says.
                #[must_use]
                pub const fn recovery(&self) -> ::core::option::Option<Recovery> {
                    self.kind.recovery()
                }

                /// The body, if it is an error body.
                #[must_use]
                pub const fn body(&self) -> ::core::option::Option<&ErrorBody> {
                    self.body.as_ref()
                }

                /// The body's `message`, if it is an error body.
                #[must_use]
                pub fn message(&self) -> ::core::option::Option<&str> {
                    self.body.as_ref().map(|body| body.message.as_str())
                }

                /// The body exactly as received, whatever it held.
                #[must_use]
                pub fn raw_body(&self) -> &[u8] {
                    &self.raw
                }
            }

            /// `HTTP <status>: ` and the error, then what the body says
            /// when that adds to it.
            impl fmt::Display for ApiError {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    /// How much of a body that is not an error body to show.
                    const SHOWN: usize = 120;
                    ::core::write!(f, "HTTP {}: ", self.status)?;
                    match self.kind {
                        ApiErrorKind::Code(error) => ::core::write!(f, "{error}")?,
                        #status_display
                        ApiErrorKind::Unknown { .. } => f.write_str("an error the catalogue does not list")?,
                    }
                    match &self.body {
                        ::core::option::Option::Some(body) => {
                            match self.kind {
                                // An alias: say which code the service sent.
                                ApiErrorKind::Code(error) if body.code.number() != error.code() as i128 => {
                                    ::core::write!(f, " (sent as {})", body.code)?;
                                }
                                ApiErrorKind::Code(_) => {}
                                _ => ::core::write!(f, " (code {}, message {:?})", body.code, body.message)?,
                            }
                            if let ::core::option::Option::Some(id) = &body.error_id {
                                ::core::write!(f, " [errorId {id}]")?;
                            }
                        }
                        ::core::option::Option::None if self.raw.is_empty() => {}
                        ::core::option::Option::None => {
                            let text = String::from_utf8_lossy(&self.raw);
                            let end = text.char_indices().nth(SHOWN).map_or(text.len(), |(end, _)| end);
                            let more = if end < text.len() { "…" } else { "" };
                            ::core::write!(f, " (body: {:?}{more})", &text[..end])?;
                        }
                    }
                    Ok(())
                }
            }

            impl ::core::error::Error for ApiError {}
        }
    }
}
