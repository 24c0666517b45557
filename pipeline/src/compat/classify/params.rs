//! The data errors carry: the params every error carries and each row's,
//! and each row's message template. A lock records names, types, whether
//! each is required and the templates, so the lock and `diff` decide these
//! alike; a param's description only `diff` sees.
//!
//! A param's field is part of the generated crate's API in both
//! directions: servers build errors with it and clients read it. So a
//! param gone, retyped, or turned required or optional (its field becomes
//! `T` or `Option<T>`: code that uses the value stops compiling, and a
//! client relying on it being there may now find it absent) is breaking;
//! a new optional param is an addition, a new required one breaking (every
//! server must now send it, and a client reading an error sent without it
//! fails). A template is text users read, so any change to it is a patch;
//! a placeholder added or dropped needs nothing more, since the param it
//! shows is classed on its own.

use errcat_model::Code;

use super::Changes;
use crate::compat::change::{Bump, ChangeKind};
use crate::compat::published::{CodeParams, PublishedCode, PublishedParam, State};

impl Changes<'_, '_> {
    /// The params every error carries.
    pub(super) fn shared_params(&mut self) {
        let (old, new) = (self.old, self.new);
        self.param_list(None, None, "every error", &old.params.shared, &new.params.shared);
    }

    /// The params and message of code `c`, while it is a row's own code.
    /// A new code brings its params, and a code retired or made an alias
    /// takes its row's with it: those are the code's changes.
    pub(super) fn code_params(
        &mut self,
        c: &Code,
        was: Option<&PublishedCode<'_>>,
        now: Option<&PublishedCode<'_>>,
    ) {
        let (Some(was), Some(now)) = (was, now) else { return };
        if was.state != State::Active || now.state != State::Active {
            return;
        }
        let (old, new) = (self.old, self.new);
        let none = CodeParams::default();
        let r0 = old.params.codes.get(c).unwrap_or(&none);
        let r1 = new.params.codes.get(c).unwrap_or(&none);
        let whose = format!("code {c} `{}`", now.name);
        self.param_list(Some(c), Some(now.table), &whose, &r0.params, &r1.params);
        let summary = match (r0.message, r1.message) {
            (None, Some(_)) => format!("{whose} has a message template now"),
            (Some(_), None) => format!("{whose} no longer has a message template"),
            (Some(before), Some(after)) if before != after => {
                format!("{whose}: the message template changed")
            }
            _ => return,
        };
        self.allowed(ChangeKind::MessageChanged, Some(c), Some(now.table), Bump::Patch, summary);
    }

    /// Each param of `whose` added, removed or changed between two lists.
    fn param_list(
        &mut self,
        code: Option<&Code>,
        table: Option<&str>,
        whose: &str,
        was: &[PublishedParam<'_>],
        now: &[PublishedParam<'_>],
    ) {
        fn find<'p>(list: &[PublishedParam<'p>], name: &str) -> Option<PublishedParam<'p>> {
            list.iter().find(|p| p.name == name).copied()
        }
        for p0 in was {
            let Some(p1) = find(now, p0.name) else {
                let summary = format!(
                    "param `{}` of {whose} is gone: code that reads or sets it stops compiling",
                    p0.name
                );
                self.allowed(ChangeKind::ParamRemoved, code, table, Bump::Major, summary);
                continue;
            };
            let name = p0.name;
            if p0.ty != p1.ty {
                let summary = format!(
                    "param `{name}` of {whose} is of type {} instead of {}: its field changes type",
                    p1.ty.keyword(),
                    p0.ty.keyword()
                );
                self.allowed(ChangeKind::ParamChanged, code, table, Bump::Major, summary);
            }
            let summary = match (p0.required, p1.required) {
                (false, true) => format!(
                    "param `{name}` of {whose} is required now: every error must carry it, and errors sent without it no longer read"
                ),
                (true, false) => format!(
                    "param `{name}` of {whose} is optional now: its field is an `Option`, and clients that rely on it may find it absent"
                ),
                _ => String::new(),
            };
            if !summary.is_empty() {
                self.allowed(ChangeKind::ParamChanged, code, table, Bump::Major, summary);
            }
            if let (Some(d0), Some(d1)) = (p0.description, p1.description)
                && d0 != d1
            {
                let summary = format!("param `{name}` of {whose}: the description changed");
                self.allowed(ChangeKind::TextChanged, code, table, Bump::Patch, summary);
            }
        }
        for p1 in now.iter().filter(|p1| find(was, p1.name).is_none()) {
            let (bump, what) = match p1.required {
                true => (Bump::Major, "every error must carry it, and errors sent without it no longer read"),
                false => (Bump::Minor, "one more value clients may read"),
            };
            let required = if p1.required { "required" } else { "optional" };
            let summary =
                format!("{required} param `{}` ({}) of {whose} is new: {what}", p1.name, p1.ty.keyword());
            self.allowed(ChangeKind::ParamAdded, code, table, bump, summary);
        }
    }
}
