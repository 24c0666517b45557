//! Reading problem details in one typed pass, for a catalogue whose spec
//! has `problem_details:`: `ProblemRead`, the members of a JSON object as
//! problem details read them, with the code member and whether the object
//! can be an error body; `ProblemDetails` is read through it, and
//! `ApiError::from_response` reads it first (`first_read`), so a body of
//! problem details is parsed once, not three times. Copied item by item
//! into the generated crate's `problem` module, like `details.rs`.
//!
//! Its `use` items are for compiling it here: the generated module has the
//! same names in scope.

use std::fmt;

use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::details::{ABOUT_BLANK, ProblemDetails};
use super::{BODY_KEYS, BodyCode, CODE_MEMBER, ENVELOPED};
use crate::response::{FirstRead, ProblemMembers};

/// A JSON object's members as problem details read them (the last of a
/// repeated member counts, a member of the wrong type reads as none), its
/// code member's value, and how many of the error body's keys it has.
#[derive(Default)]
pub(super) struct ProblemRead {
    /// Whether the object has any of the problem details members.
    is_problem: bool,
    problem_type: ::core::option::Option<String>,
    title: ::core::option::Option<String>,
    status: ::core::option::Option<u16>,
    detail: ::core::option::Option<String>,
    instance: ::core::option::Option<String>,
    /// The code member's last value, and how many times it came.
    code: ::core::option::Option<Value>,
    codes: usize,
    /// How many members are keys an error body needs (`BODY_KEYS`).
    body_keys: usize,
}

impl ProblemRead {
    /// The problem details, if the object has any of their members.
    pub(super) fn into_problem(self) -> ::core::option::Option<ProblemDetails> {
        if !self.is_problem {
            return ::core::option::Option::None;
        }
        ::core::option::Option::Some(ProblemDetails {
            problem_type: self.problem_type.unwrap_or_else(|| String::from(ABOUT_BLANK)),
            title: self.title,
            status: self.status,
            detail: self.detail,
            instance: self.instance,
            code: self.code.as_ref().and_then(|code| BodyCode::deserialize(code).ok()),
        })
    }
}

/// What `ApiError::from_response` learns from one pass over a body: what
/// it keeps of problem details, whether the body can be an error body at
/// all (it has every key one needs), and the code a body that is not one
/// says, as reading the code alone would find it. A body that is no JSON
/// object is read as before.
pub(crate) fn first_read(body: &[u8]) -> FirstRead {
    let ::core::result::Result::Ok(read) = ::serde_json::from_slice::<ProblemRead>(body) else {
        return FirstRead::UNREAD;
    };
    let maybe_body = read.body_keys >= BODY_KEYS.len();
    let code_only = if ENVELOPED {
        // Without the envelope there is no code to read inside it.
        (read.body_keys == 0).then_some(::core::option::Option::None)
    } else {
        // The code alone is refused when it comes twice.
        let once = read.code.as_ref().filter(|_| read.codes == 1);
        ::core::option::Option::Some(once.and_then(|code| BodyCode::deserialize(code).ok()))
    };
    let problem = match read.into_problem() {
        ::core::option::Option::Some(problem) => {
            ProblemMembers { code: problem.code, detail: problem.detail, instance: problem.instance }
        }
        ::core::option::Option::None => ProblemMembers::NONE,
    };
    FirstRead { maybe_body, problem, code_only }
}

impl<'de> Deserialize<'de> for ProblemRead {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
        deserializer.deserialize_map(ReadVisitor)
    }
}

struct ReadVisitor;

impl<'de> Visitor<'de> for ReadVisitor {
    type Value = ProblemRead;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("problem details: a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> ::core::result::Result<ProblemRead, A::Error> {
        let mut read = ProblemRead::default();
        while let ::core::option::Option::Some(key) = map.next_key::<Key>()? {
            read.body_keys += usize::from(key.body);
            read.is_problem |= !matches!(key.member, ProblemMember::Code | ProblemMember::Other);
            match key.member {
                ProblemMember::Type => read.problem_type = map.next_value::<Member>()?.text(),
                ProblemMember::Title => read.title = map.next_value::<Member>()?.text(),
                ProblemMember::Status => read.status = map.next_value::<Member>()?.status(),
                ProblemMember::Detail => read.detail = map.next_value::<Member>()?.text(),
                ProblemMember::Instance => read.instance = map.next_value::<Member>()?.text(),
                ProblemMember::Code => {
                    read.code = ::core::option::Option::Some(map.next_value::<Value>()?);
                    read.codes += 1;
                }
                ProblemMember::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        ::core::result::Result::Ok(read)
    }
}

/// A member's name: which problem details member it is, and whether it is
/// one of the keys an error body needs (the two can coincide).
struct Key {
    member: ProblemMember,
    body: bool,
}

enum ProblemMember {
    Type,
    Title,
    Status,
    Detail,
    Instance,
    Code,
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> ::core::result::Result<Key, E> {
        let member = match name {
            "type" => ProblemMember::Type,
            "title" => ProblemMember::Title,
            "status" => ProblemMember::Status,
            "detail" => ProblemMember::Detail,
            "instance" => ProblemMember::Instance,
            _ if name == CODE_MEMBER => ProblemMember::Code,
            _ => ProblemMember::Other,
        };
        ::core::result::Result::Ok(Key { member, body: BODY_KEYS.contains(&name) })
    }
}

/// The value of a problem details member: text, a whole number that is not
/// negative, or anything else, read and dropped.
enum Member {
    Text(String),
    Unsigned(u64),
    Other,
}

impl Member {
    fn text(self) -> ::core::option::Option<String> {
        match self {
            Self::Text(text) => ::core::option::Option::Some(text),
            Self::Unsigned(_) | Self::Other => ::core::option::Option::None,
        }
    }

    fn status(self) -> ::core::option::Option<u16> {
        match self {
            Self::Unsigned(number) => u16::try_from(number).ok(),
            Self::Text(_) | Self::Other => ::core::option::Option::None,
        }
    }
}

impl<'de> Deserialize<'de> for Member {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
        deserializer.deserialize_any(MemberVisitor)
    }
}

struct MemberVisitor;

impl<'de> Visitor<'de> for MemberVisitor {
    type Value = Member;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> ::core::result::Result<Member, E> {
        ::core::result::Result::Ok(Member::Text(String::from(text)))
    }

    fn visit_string<E: de::Error>(self, text: String) -> ::core::result::Result<Member, E> {
        ::core::result::Result::Ok(Member::Text(text))
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> ::core::result::Result<Member, E> {
        ::core::result::Result::Ok(Member::Unsigned(number))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> ::core::result::Result<Member, E> {
        ::core::result::Result::Ok(Member::Other)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> ::core::result::Result<Member, E> {
        ::core::result::Result::Ok(Member::Other)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> ::core::result::Result<Member, E> {
        ::core::result::Result::Ok(Member::Other)
    }

    fn visit_unit<E: de::Error>(self) -> ::core::result::Result<Member, E> {
        ::core::result::Result::Ok(Member::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> ::core::result::Result<Member, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        ::core::result::Result::Ok(Member::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> ::core::result::Result<Member, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        ::core::result::Result::Ok(Member::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::{ProblemRead, first_read};
    use crate::problem::details::ProblemDetails;

    fn problem(json: &str) -> Option<ProblemDetails> {
        serde_json::from_str::<ProblemRead>(json).ok().and_then(ProblemRead::into_problem)
    }

    #[test]
    fn the_last_of_a_repeated_member_counts_as_in_a_json_value() {
        let read =
            problem(r#"{"type":"a","title":"x","type":7,"status":429,"status":-1,"code":1,"code":4040000}"#)
                .unwrap();
        assert_eq!(
            (read.problem_type.as_str(), read.title.as_deref(), read.status),
            ("about:blank", Some("x"), None)
        );
        assert_eq!(read.code.map(|code| code.number()), Some(4040000));
    }

    #[test]
    fn members_of_any_shape_read_as_none_and_the_rest_stays() {
        let read =
            problem(r#"{"detail":{"a":[1,{"b":null}]},"instance":[["i"]],"status":70000,"title":"T"}"#)
                .unwrap();
        assert_eq!((read.detail, read.instance, read.status), (None, None, None));
        assert_eq!(read.title.as_deref(), Some("T"));
    }

    #[test]
    fn the_first_read_says_what_the_code_alone_says() {
        // An error body's keys (code and message): it may be one.
        let read = first_read(br#"{"code":4040000,"message":"NOT_FOUND"}"#);
        assert!(read.maybe_body);
        // Problem details without a message: no error body; the code once.
        let read = first_read(br#"{"title":"Not found","code":40400}"#);
        assert!(!read.maybe_body);
        assert_eq!(read.code_only.map(|code| code.map(|code| code.number())), Some(Some(40400)));
        assert_eq!(read.problem.code.map(|code| code.number()), Some(40400));
        // A code sent twice is refused alone, and the last one is the problem's.
        let read = first_read(br#"{"detail":"d","code":1,"code":5000000}"#);
        assert_eq!(read.code_only.map(|code| code.is_none()), Some(true));
        assert_eq!(read.problem.code.map(|code| code.number()), Some(5000000));
        assert_eq!(read.problem.detail.as_deref(), Some("d"));
        // Not JSON: nothing read, the body is parsed as before.
        assert!(first_read(b"{\"code\":").code_only.is_none());
    }
}
