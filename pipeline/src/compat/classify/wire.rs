//! The error answer on the wire: what a client built against the old
//! crate reads from a server built against the new one (and back). Another
//! media type, envelope, XML root or problem `type` base, or a member
//! gone or renamed, and the old client no longer finds the code (or the
//! problem type it matches on): breaking. A body where there was none is
//! a feature (`ErrorBody` and `ApiError` are new); none where there was
//! one takes them away. A member added is one more the old client skips,
//! and another message text is what it shows: minor.

use crate::compat::change::{Bump, ChangeKind};
use crate::compat::lock_wire::Wire;

use super::Changes;

impl Changes<'_, '_> {
    /// The wire both views record (a lock from before it has none, and
    /// `update` then takes the catalogue's).
    pub(super) fn wire(&mut self) {
        let (Some(was), Some(now)) = (&self.old.wire, &self.new.wire) else { return };
        for (bump, summary) in wire_changes(was, now) {
            self.allowed(ChangeKind::WireChanged, None, None, bump, summary);
        }
    }
}

/// Each difference from `was` to `now`, with its bump and what it means.
fn wire_changes(was: &Wire, now: &Wire) -> Vec<(Bump, String)> {
    let mut changes = Vec::new();
    match (&was.media_type, &now.media_type) {
        (None, Some(media)) => changes.push((
            Bump::Minor,
            format!("errors now have a body (`{media}`): `ErrorBody` and `ApiError` are new"),
        )),
        (Some(media), None) => changes.push((
            Bump::Major,
            format!("errors no longer have a body (`{media}`): `ErrorBody` and `ApiError` are gone"),
        )),
        (Some(before), Some(after)) if before != after => changes.push((
            Bump::Major,
            format!("the error body is `{after}` instead of `{before}`: older clients cannot read it"),
        )),
        _ => {}
    }
    // Members, envelope and root compare only between two bodies.
    if was.media_type.is_some() && now.media_type.is_some() {
        for (what, before, after) in
            [("envelope", &was.envelope, &now.envelope), ("XML root element", &was.xml_root, &now.xml_root)]
        {
            if before != after {
                changes.push((
                    Bump::Major,
                    format!(
                        "the error body's {what} is {} instead of {}: older clients look for the members elsewhere",
                        shown(after.as_deref()),
                        shown(before.as_deref())
                    ),
                ));
            }
        }
        for (role, before) in &was.members {
            match now.members.get(role) {
                None => changes.push((
                    Bump::Major,
                    format!("the error body's {role} member `{before}` is gone: older clients read it"),
                )),
                Some(after) if after != before => changes.push((
                    Bump::Major,
                    format!(
                        "the error body's {role} member is `{after}` instead of `{before}`: older clients read `{before}`"
                    ),
                )),
                Some(_) => {}
            }
        }
        for (role, key) in now.members.iter().filter(|(role, _)| !was.members.contains_key(*role)) {
            changes.push((
                Bump::Minor,
                format!("the error body has a new {role} member `{key}`, which older clients skip"),
            ));
        }
        if let (Some(before), Some(after)) = (&was.message_text, &now.message_text)
            && before != after
        {
            changes.push((
                Bump::Minor,
                format!("the error body's message is each error's {after} instead of its {before}"),
            ));
        }
    }
    match (&was.problem_type, &now.problem_type) {
        (None, Some(base)) => changes.push((
            Bump::Minor,
            format!("errors are now answered as problem details, their `type` under `{base}`"),
        )),
        (Some(base), None) => changes.push((
            Bump::Major,
            format!("errors are no longer answered as problem details (their `type` was under `{base}`)"),
        )),
        (Some(before), Some(after)) if before != after => changes.push((
            Bump::Major,
            format!(
                "the problem `type` of every error is under `{after}` instead of `{before}`: clients match on it"
            ),
        )),
        _ => {}
    }
    changes
}

/// `text` in backticks, or "none".
fn shown(text: Option<&str>) -> String {
    text.map_or_else(|| "none".to_owned(), |text| format!("`{text}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(members: &[(&str, &str)]) -> Wire {
        Wire {
            media_type: Some("application/json".to_owned()),
            members: members.iter().map(|(role, key)| ((*role).to_owned(), (*key).to_owned())).collect(),
            message_text: Some("description".to_owned()),
            ..Wire::default()
        }
    }

    fn bumps(was: &Wire, now: &Wire) -> Vec<Bump> {
        wire_changes(was, now).into_iter().map(|(bump, _)| bump).collect()
    }

    #[test]
    fn what_an_older_client_cannot_read_is_breaking() {
        let was = json(&[("code", "code"), ("message", "message")]);
        assert_eq!(bumps(&was, &was), []);
        assert_eq!(bumps(&was, &json(&[("code", "errorCode"), ("message", "message")])), [Bump::Major]);
        assert_eq!(bumps(&was, &json(&[("code", "code")])), [Bump::Major]);
        let added = json(&[("code", "code"), ("message", "message"), ("occurrence_id", "requestId")]);
        assert_eq!(bumps(&was, &added), [Bump::Minor]);
        assert_eq!(bumps(&added, &was), [Bump::Major]);
        let enveloped = Wire { envelope: Some("error".to_owned()), ..was.clone() };
        assert_eq!(bumps(&was, &enveloped), [Bump::Major]);
        let named = Wire { message_text: Some("name".to_owned()), ..was.clone() };
        assert_eq!(bumps(&was, &named), [Bump::Minor]);
        let xml = Wire {
            media_type: Some("application/xml".to_owned()),
            xml_root: Some("Error".to_owned()),
            ..was.clone()
        };
        assert_eq!(bumps(&was, &xml), [Bump::Major, Bump::Major]);
        assert_eq!(bumps(&Wire::default(), &was), [Bump::Minor]);
        assert_eq!(bumps(&was, &Wire::default()), [Bump::Major]);
        let problem = |base: &str| Wire { problem_type: Some(base.to_owned()), ..was.clone() };
        assert_eq!(bumps(&was, &problem("https://a.example/e")), [Bump::Minor]);
        assert_eq!(bumps(&problem("https://a.example/e"), &problem("https://b.example/e")), [Bump::Major]);
        assert_eq!(bumps(&problem("https://a.example/e"), &was), [Bump::Major]);
    }
}
