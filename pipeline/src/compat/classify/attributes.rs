//! The per-row attributes (a lock records them): a getter gone or of
//! another type breaks its callers, a new one does not, and a row's value
//! that changed makes its getter answer differently.

use std::collections::BTreeSet;

use super::Changes;
use crate::compat::change::{Bump, ChangeKind};
use crate::compat::published::{PublishedCode, State};
use errcat_model::{AttributeValue, Code};

impl Changes<'_, '_> {
    /// Each attribute declared, removed or retyped, then each changed
    /// value of an attribute both views declare alike, in code order.
    pub(super) fn attributes(&mut self) {
        let (old, new) = (&self.old.attributes, &self.new.attributes);
        for was in &old.declared {
            let name = &was.name;
            match new.declared.iter().find(|now| now.name == *name) {
                None => self.allowed(
                    ChangeKind::AttributeRemoved,
                    None,
                    None,
                    Bump::Major,
                    format!(
                        "attribute `{name}` is gone, and the getter `{name}()` of every table enum with it"
                    ),
                ),
                Some(now) if now != was => self.allowed(
                    ChangeKind::AttributeRetyped,
                    None,
                    None,
                    Bump::Major,
                    format!(
                        "attribute `{name}`: the getter `{name}()` returns `{}` instead of `{}`",
                        now.rust_type(),
                        was.rust_type()
                    ),
                ),
                Some(_) => {}
            }
        }
        for now in new.declared.iter().filter(|now| !old.declared.iter().any(|was| was.name == now.name)) {
            self.allowed(
                ChangeKind::AttributeDeclared,
                None,
                None,
                Bump::Minor,
                format!("attribute `{}` is new: a getter `{}()` on every table enum", now.name, now.name),
            );
        }
        let alike: Vec<&str> = old
            .declared
            .iter()
            .filter(|was| new.declared.contains(was))
            .map(|was| was.name.as_str())
            .collect();
        if alike.is_empty() {
            return;
        }
        let codes: BTreeSet<&Code> = old.values.keys().chain(new.values.keys()).collect();
        for code in codes {
            // Only a row's values: a code gone, retired or new is a change of its own.
            let active = |published: &&PublishedCode<'_>| published.state == State::Active;
            let (Some(_), Some(now_row)) =
                (self.old.codes.get(code).filter(active), self.new.codes.get(code).filter(active))
            else {
                continue;
            };
            let (name, table) = (now_row.name.to_owned(), now_row.table.to_owned());
            let value = |values: Option<&Vec<(String, AttributeValue)>>, attribute: &str| {
                values.and_then(|given| given.iter().find(|(n, _)| n == attribute)).map(|(_, v)| v.clone())
            };
            for attribute in &alike {
                let (was, now) =
                    (value(old.values.get(code), attribute), value(new.values.get(code), attribute));
                if was != now {
                    let shown = |value: &Option<AttributeValue>| {
                        value.as_ref().map_or("none".to_owned(), AttributeValue::json)
                    };
                    self.allowed(
                        ChangeKind::AttributeValueChanged,
                        Some(code),
                        Some(&table),
                        Bump::Minor,
                        format!(
                            "code {} `{name}`: `{attribute}` is {} instead of {}",
                            code.word(),
                            shown(&now),
                            shown(&was)
                        ),
                    );
                }
            }
        }
    }
}
