//! The half of error bodies that varies with the spec's `body:`: the
//! `ErrorBody` struct with a field per member, the names the fixed half
//! reads (`CODE_KEY`, `ENVELOPE`, the message and occurrence id), and how
//! the members are read (`BodyVisitor`) and written (`Members`).

use proc_macro2::TokenStream;
use quote::quote;

use super::super::examples::body_json as body_json_of;
use super::super::tokens::{doc, ident};
use super::{Sample, example};
use errcat_model::text::{code_span, json_string, rust_bytes};
use errcat_model::{Body, BodyRole};

/// The items of the `response` module that name the body's members.
pub(super) fn emit_members(sample: &Sample) -> TokenStream {
    let error_body = emit_error_body(sample);
    let write = emit_write(sample.body);
    let read = emit_read(sample.body);
    quote! {
        #error_body
        #write
        #read
    }
}

/// `ErrorBody`, a field per member, with the names the fixed half reads.
fn emit_error_body(sample: &Sample) -> TokenStream {
    let body = sample.body;
    let error_body_docs = error_body_docs(sample);
    let fields = body.members.iter().map(|member| {
        let docs = doc(&member.description);
        let name = ident(&member.rust_field);
        let ty = field_type(member.role);
        quote! { #docs pub #name: #ty, }
    });
    let code_key = &body.code().key;
    let code_field = ident(&body.code().rust_field);
    let envelope = match &body.envelope {
        Some(key) => quote! { ::core::option::Option::Some(#key) },
        None => quote! { ::core::option::Option::None },
    };
    let message_text = match body.member(BodyRole::Message) {
        Some(member) => {
            let name = ident(&member.rust_field);
            quote! { ::core::option::Option::Some(self.#name.as_str()) }
        }
        None => quote! { ::core::option::Option::None },
    };
    let occurrence = match body.member(BodyRole::OccurrenceId) {
        Some(member) => {
            let (name, key) = (ident(&member.rust_field), &member.key);
            quote! { self.#name.as_deref().map(|id| (#key, id)) }
        }
        None => quote! { ::core::option::Option::None },
    };

    quote! {
        #error_body_docs
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        // Built with `ErrorBody::new` and `From`: a member added later is not
        // a breaking change.
        #[non_exhaustive]
        pub struct ErrorBody {
            #(#fields)*
        }

        impl ErrorBody {
            const CODE_KEY: &'static str = #code_key;
            const ENVELOPE: ::core::option::Option<&'static str> = #envelope;

            fn sent_code(&self) -> BodyCode {
                self.#code_field
            }

            fn message_text(&self) -> ::core::option::Option<&str> {
                #message_text
            }

            fn occurrence(&self) -> ::core::option::Option<(&'static str, &str)> {
                #occurrence
            }
        }
    }
}

/// How `Members` writes the body's members, the absent ones left out.
fn emit_write(body: &Body) -> TokenStream {
    let required =
        proc_macro2::Literal::usize_unsuffixed(body.members.iter().filter(|member| member.required).count());
    let optional_counts = body.members.iter().filter(|member| !member.required).map(|member| {
        let name = ident(&member.rust_field);
        quote! { + usize::from(body.#name.is_some()) }
    });
    let writes = body.members.iter().map(|member| {
        let (name, key) = (ident(&member.rust_field), &member.key);
        if member.required {
            quote! { members.serialize_field(#key, &body.#name)?; }
        } else {
            quote! {
                match &body.#name {
                    ::core::option::Option::Some(value) => members.serialize_field(#key, value)?,
                    ::core::option::Option::None => members.skip_field(#key)?,
                }
            }
        }
    });

    quote! {
        impl Serialize for Members<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                let body = self.0;
                let fields = #required #(#optional_counts)*;
                let mut members = serializer.serialize_struct("ErrorBody", fields)?;
                #(#writes)*
                members.end()
            }
        }
    }
}

/// How `BodyVisitor` reads the members: the locals it keeps them in, the
/// `match` arm of each member's `Field`, and the `ErrorBody` fields built
/// from the locals (`spans.rs` reads them alike).
pub(super) struct MemberReads {
    pub locals: Vec<proc_macro2::Ident>,
    pub reads: Vec<TokenStream>,
    pub builds: Vec<TokenStream>,
}

pub(super) fn member_reads(body: &Body) -> MemberReads {
    let locals: Vec<_> = body.members.iter().map(|member| ident(local_name(member.role))).collect();
    let reads = body.members.iter().map(|member| {
        let (variant, local, key) =
            (ident(role_name(member.role)), ident(local_name(member.role)), &member.key);
        let seed = match member.role {
            BodyRole::Code => quote! { CodeField { in_array: false } },
            BodyRole::Details => quote! { TextField { in_array: false, lenient: true } },
            _ => quote! { TextField { in_array: false, lenient: false } },
        };
        quote! {
            Field::#variant => {
                let value = map.next_value_seed(#seed)?;
                once(&mut #local, value, #key)?;
            }
        }
    });
    let builds = body.members.iter().map(|member| {
        let (name, local, key) = (ident(&member.rust_field), ident(local_name(member.role)), &member.key);
        match member.role {
            BodyRole::Code => quote! { #name: #local.ok_or_else(|| de::Error::missing_field(#key))?, },
            BodyRole::Message => {
                quote! { #name: #local.flatten().ok_or_else(|| de::Error::missing_field(#key))?, }
            }
            _ => quote! { #name: #local.flatten(), },
        }
    });
    MemberReads { locals, reads: reads.collect(), builds: builds.collect() }
}

/// How a body's members are read: `BodyVisitor`, and `Field` for their keys.
fn emit_read(body: &Body) -> TokenStream {
    let variants: Vec<_> = body.members.iter().map(|member| ident(role_name(member.role))).collect();
    let keys: Vec<&str> = body.members.iter().map(|member| member.key.as_str()).collect();
    let MemberReads { locals, reads, builds } = member_reads(body);
    let required_keys: Vec<String> = body.required_keys().iter().map(|key| format!("`{key}`")).collect();
    let expecting = format!("an error body: an object with {}", required_keys.join(" and "));

    quote! {
        struct BodyVisitor;

        impl<'de> Visitor<'de> for BodyVisitor {
            type Value = ErrorBody;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(#expecting)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> ::core::result::Result<ErrorBody, A::Error> {
                #(let mut #locals = ::core::option::Option::None;)*
                while let ::core::option::Option::Some(field) = map.next_key::<Field>()? {
                    match field {
                        #(#reads)*
                        Field::Other => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(ErrorBody {
                    #(#builds)*
                })
            }
        }

        enum Field {
            #(#variants,)*
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
                f.write_str("a member name")
            }

            fn visit_str<E: de::Error>(self, name: &str) -> ::core::result::Result<Field, E> {
                Ok(match name {
                    #(#keys => Field::#variants,)*
                    _ => Field::Other,
                })
            }
        }
    }
}

fn field_type(role: BodyRole) -> TokenStream {
    match role {
        BodyRole::Code => quote! { BodyCode },
        BodyRole::Message => quote! { String },
        BodyRole::Details | BodyRole::OccurrenceId => quote! { ::core::option::Option<String> },
    }
}

/// The variant of the private `Field` enum that names the role's member.
pub(super) fn role_name(role: BodyRole) -> &'static str {
    match role {
        BodyRole::Code => "Code",
        BodyRole::Message => "Message",
        BodyRole::Details => "Details",
        BodyRole::OccurrenceId => "OccurrenceId",
    }
}

/// The local that holds the role's value while a body is read.
fn local_name(role: BodyRole) -> &'static str {
    match role {
        BodyRole::Code => "code",
        BodyRole::Message => "message",
        BodyRole::Details => "details",
        BodyRole::OccurrenceId => "occurrence_id",
    }
}

/// The docs of `ErrorBody`: its members, and an example from the sample row.
fn error_body_docs(sample: &Sample) -> TokenStream {
    let Sample { krate, uses, unknown, body_json, body, path, .. } = sample;
    let keys: Vec<String> = body.members.iter().map(|member| format!("\"{}\"", member.key)).collect();
    let optional: Vec<String> =
        body.members.iter().filter(|member| !member.required).map(|member| code_span(&member.key)).collect();
    let mut shape = code_span(&format!("{{{}}}", keys.join(", ")));
    if let Some(envelope) = &body.envelope {
        shape = format!(
            "{shape} inside the member {}\n({}, other members ignored)",
            code_span(envelope),
            code_span(&format!("{{{}: {{…}}}}", json_string(envelope)))
        );
    }
    let optional = match optional.len() {
        0 => String::new(),
        1 => format!(",\nwhere {} may be missing (or `null`)", optional[0]),
        _ => format!(",\nwhere {} may be missing (or `null`)", and_list(&optional)),
    };
    let code_key = &body.code().key;
    let message = body.member(BodyRole::Message);
    let details = body.member(BodyRole::Details);
    let mut checks =
        format!("assert_eq!(body.{code}.error_code(), Some({path}));", code = body.code().rust_field);
    if let Some(id) = body.member(BodyRole::OccurrenceId) {
        checks.push_str(&format!("\nassert_eq!(body.{}.as_deref(), Some(\"a1b2\"));", id.rust_field));
    }
    if let Some(details) = details {
        checks.push_str(&format!("\nassert_eq!(body.{}, None);", details.rust_field));
    }
    let string = unknown.starts_with('"');
    // As a string: the digits of an integer code, a string code as it is.
    let unknown_json = if string { unknown.clone() } else { format!("\"{unknown}\"") };
    let mut values = vec![(BodyRole::Code, format!("[{unknown_json}]"))];
    if message.is_some() {
        values.push((BodyRole::Message, "[\"X\"]".to_owned()));
    }
    if details.is_some() {
        values.push((BodyRole::Details, "[\"d\"]".to_owned()));
    }
    let read_back = if string { "as_str" } else { "number" };
    let mut array_checks = format!("assert_eq!(array.{}.{read_back}(), {unknown});", body.code().rust_field);
    if let Some(details) = details {
        array_checks
            .push_str(&format!("\nassert_eq!(array.{}.as_deref(), Some(\"d\"));", details.rust_field));
    }
    if body.envelope.is_some() {
        array_checks.push_str(
            "\n\n// Written back inside the envelope.\n\
             let written = serde_json::to_string(&array).unwrap();\n\
             assert_eq!(serde_json::from_str::<ErrorBody>(&written).unwrap(), array);",
        );
    }
    doc(&format!(
        "An error response body: {shape}{optional}.\n\n\
         Each member is read as a plain value or as a one-element array\n\
         ({example_array}), and {code_key}\n\
         {code_as}; other members are ignored.\n\
         Writing gives the plain shape, with absent members left out.\n\n{}",
        example(
            &format!("{uses}\nuse {krate}::ErrorBody;"),
            format!(
                "let body: ErrorBody = serde_json::from_slice({bytes}).unwrap();\n\
                 {checks}\n\n\
                 let array: ErrorBody = serde_json::from_str({array}).unwrap();\n\
                 {array_checks}",
                bytes = rust_bytes(body_json),
                array = raw_str(&body_json_of(body, &values)),
            ),
        ),
        example_array = code_span(&example_array(body, string)),
        code_key = code_span(code_key),
        code_as = if string { "as a string" } else { "as an integer or a string of digits" },
    ))
}

/// `{"code":[4030000],"message":["AUTHENTICATION_FAIL"]}`, in the body's members.
/// (`["card_declined"]` for string codes).
fn example_array(body: &Body, string: bool) -> String {
    let code = if string { "[\"card_declined\"]" } else { "[4030000]" };
    let mut values = vec![(BodyRole::Code, code.to_owned())];
    if body.member(BodyRole::Message).is_some() {
        values.push((BodyRole::Message, "[\"AUTHENTICATION_FAIL\"]".to_owned()));
    }
    body_json_of(body, &values)
}

/// A Rust raw string literal for `text`, with as many `#` as it needs.
fn raw_str(text: &str) -> String {
    let hashes = (1..).map(|n| "#".repeat(n)).find(|h| !text.contains(&format!("\"{h}"))).unwrap_or_default();
    format!("r{hashes}\"{text}\"{hashes}")
}

/// `a`, `b` and `c`.
fn and_list(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => items.join(""),
    }
}
