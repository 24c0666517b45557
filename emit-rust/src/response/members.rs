//! The half of error bodies that varies with the spec's `body:`: the
//! `ErrorBody` struct with a field per member, the names the fixed half
//! reads (`CODE_KEY`, `ENVELOPE`, the message and occurrence id), and how
//! the members are read (`BodyVisitor`) and written (`Members`).

use proc_macro2::TokenStream;
use quote::quote;

use super::super::tokens::{doc, ident};
use errcat_model::{Body, BodyRole};

/// The items of the `response` module that name the body's members.
pub(super) fn emit_members(body: &Body, error_body_docs: TokenStream) -> TokenStream {
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

    let variants: Vec<_> = body.members.iter().map(|member| ident(role_name(member.role))).collect();
    let locals: Vec<_> = body.members.iter().map(|member| ident(local_name(member.role))).collect();
    let keys: Vec<&str> = body.members.iter().map(|member| member.key.as_str()).collect();
    let reads = body.members.iter().map(|member| {
        let (variant, local, key) =
            (ident(role_name(member.role)), ident(local_name(member.role)), &member.key);
        let seed = match member.role {
            BodyRole::Code => quote! { CodeField },
            _ => quote! { TextField },
        };
        quote! {
            Field::#variant => {
                let value = map.next_value_seed(#seed { in_array: false })?;
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
    let required_keys: Vec<String> = body.required_keys().iter().map(|key| format!("`{key}`")).collect();
    let expecting = format!("an error body: an object with {}", required_keys.join(" and "));

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

        impl Serialize for Members<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                let body = self.0;
                let fields = #required #(#optional_counts)*;
                let mut members = serializer.serialize_struct("ErrorBody", fields)?;
                #(#writes)*
                members.end()
            }
        }

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
fn role_name(role: BodyRole) -> &'static str {
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
