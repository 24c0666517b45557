//! What a catalogue has published, code by code: the one view that
//! [`classify`](super::classify::classify) compares, built from a checked
//! catalogue ([`Published::of_catalogue`]) or from a parsed lock
//! ([`Lock::published`](super::lock::Lock::published)).
//!
//! A lock records, for every code, its table, its state, its name and its
//! Rust path, under the catalogue's version. A catalogue has all of that
//! and more (descriptions, statuses, order...): those extra facts are read
//! from [`Published::catalogue`], and only when both sides have one.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::compat::lock_attributes::AttributeRecord;
use crate::compat::lock_wire::Wire;
use errcat_model::params::{Param, ParamType};
use errcat_model::source::SpecPath;
use errcat_model::{Catalogue, Code, CodeKind, Retired, Row};

/// What a published code is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    /// A row of the spec.
    Active,
    /// Listed under `retired:`; it has no variant and is never reused.
    Retired,
    /// An alias of a row: `from_code` gives that row's variant for it.
    Alias {
        /// The row's own code.
        of: Code,
    },
}

impl State {
    /// Reads the state field of a lock line.
    pub(crate) fn parse(field: &str, kind: CodeKind) -> Result<State, String> {
        match field {
            "active" => Ok(State::Active),
            "retired" => Ok(State::Retired),
            other => match other.strip_prefix("alias-of:") {
                Some(code) => Code::parse(code, kind)
                    .map(|of| State::Alias { of })
                    .ok_or_else(|| format!("`{code}` is not a code")),
                None => {
                    Err(format!("the state `{other}` is none of `active`, `retired` and `alias-of:CODE`"))
                }
            },
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            State::Active => f.write_str("active"),
            State::Retired => f.write_str("retired"),
            State::Alias { of } => write!(f, "alias-of:{}", of.word()),
        }
    }
}

/// One published code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedCode<'a> {
    /// The id of its table (an alias's is its row's).
    pub table: &'a str,
    /// Whether it is a row, an alias or retired.
    pub state: State,
    /// Its name (an alias's is its row's).
    pub name: &'a str,
    /// What `from_code` gives for it (`AuthError::AccessTokenExpired`);
    /// for a retired code, the path it had when it was retired, if the
    /// source knows one.
    pub rust_path: Option<Cow<'a, str>>,
    /// Where it is written down.
    pub origin: Origin<'a>,
}

/// Where a published code is written down, for diagnostics about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin<'a> {
    /// A row of the spec.
    Row(&'a Row),
    /// Alias `alias` (its index in `aliases`) of a row of the spec.
    Alias {
        /// The row.
        row: &'a Row,
        /// The alias's index in the row's `aliases`.
        alias: usize,
    },
    /// An entry of a `retired:` list.
    Retired(&'a Retired),
    /// A line of a lock (1-based), when it was read from a file.
    Lock(Option<usize>),
}

impl Origin<'_> {
    /// Where the entry sits in its spec, when it is in a spec.
    pub fn spec_path(&self) -> Option<SpecPath> {
        match self {
            Origin::Row(row) => Some(row.at.clone()),
            Origin::Alias { row, alias } => Some(row.at.field("aliases").index(*alias)),
            Origin::Retired(retired) => Some(retired.at.clone()),
            Origin::Lock(_) => None,
        }
    }
}

/// Every code a catalogue has published, at one version.
#[derive(Debug, Clone)]
pub struct Published<'a> {
    /// The catalogue version.
    pub version: &'a str,
    /// What its codes are.
    pub kind: CodeKind,
    /// Every code, row, alias or retired.
    pub codes: BTreeMap<Code, PublishedCode<'a>>,
    /// The ids of the recovery vocabulary (the `Recovery` enum's values),
    /// in spec order.
    pub recoveries: Vec<&'a str>,
    /// The responses of the OpenAPI documents (`components/responses`),
    /// by name: other documents `$ref` them, so they are API too.
    pub responses: BTreeMap<String, PublishedResponse>,
    /// The per-row attributes: the getters' names and types, and each
    /// row's values.
    pub attributes: AttributeRecord,
    /// The params every error carries, and each row's params and message
    /// template.
    pub params: PublishedParams<'a>,
    /// The locales (the `Locale` enum's values), the default first; none
    /// when the catalogue declares no `locales:`.
    pub locales: Vec<&'a str>,
    /// The rows' other names (`also_named`), each with its row's own code.
    pub other_names: BTreeSet<(Code, &'a str)>,
    /// The sections each code appears in, by the row's own code and the
    /// section's id.
    pub sections: BTreeSet<(Code, &'a str)>,
    /// The error answer on the wire; `None` when a lock from before it
    /// was recorded says nothing of it.
    pub wire: Option<Wire>,
    /// The catalogue itself, when the view was built from one: the facts a
    /// lock does not record are read from it.
    pub catalogue: Option<&'a Catalogue>,
}

/// One response of the OpenAPI documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublishedResponse {
    /// The HTTP status it describes.
    pub status: u16,
    /// Whether it is only kept from an earlier version (marked
    /// deprecated), not the response of a status the catalogue answers.
    pub kept: bool,
}

/// The params a catalogue publishes: those every error carries, and each
/// row's own with its message template.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PublishedParams<'a> {
    /// The params every error carries, in spec order.
    pub shared: Vec<PublishedParam<'a>>,
    /// Each row with params or a message, by its own code.
    pub codes: BTreeMap<Code, CodeParams<'a>>,
}

/// A row's params and message template.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeParams<'a> {
    /// Its own params, in spec order.
    pub params: Vec<PublishedParam<'a>>,
    /// Its message template, as the spec writes it.
    pub message: Option<&'a str>,
}

/// One published param.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublishedParam<'a> {
    /// Its name: a field, a JSON member and a placeholder.
    pub name: &'a str,
    /// What it holds.
    pub ty: ParamType,
    /// Whether every occurrence carries it.
    pub required: bool,
    /// What it is, when the view was built from a catalogue (a lock does
    /// not record it).
    pub description: Option<&'a str>,
}

impl<'a> PublishedParam<'a> {
    fn of(param: &'a Param) -> Self {
        PublishedParam {
            name: &param.name,
            ty: param.ty,
            required: param.required,
            description: Some(&param.description),
        }
    }
}

impl<'a> PublishedParams<'a> {
    /// What `catalogue` publishes.
    pub fn of_catalogue(catalogue: &'a Catalogue) -> Self {
        let shared = catalogue.params.iter().map(PublishedParam::of).collect();
        let codes = catalogue
            .tables
            .iter()
            .flat_map(|table| &table.rows)
            .filter(|row| !row.params.is_empty() || row.message.is_some())
            .map(|row| {
                let params = row.params.iter().map(PublishedParam::of).collect();
                let message = row.message.as_ref().map(|message| message.source.as_str());
                (row.code.clone(), CodeParams { params, message })
            })
            .collect();
        PublishedParams { shared, codes }
    }
}

impl<'a> Published<'a> {
    /// What `catalogue` publishes.
    pub fn of_catalogue(catalogue: &'a Catalogue) -> Self {
        let mut codes = BTreeMap::new();
        for table in &catalogue.tables {
            for row in &table.rows {
                let rust_path = table.rust_path(row);
                for (a, alias) in row.aliases.iter().enumerate() {
                    codes.insert(
                        alias.clone(),
                        PublishedCode {
                            table: &table.id,
                            state: State::Alias { of: row.code.clone() },
                            name: &row.name,
                            rust_path: Some(Cow::Owned(rust_path.clone())),
                            origin: Origin::Alias { row, alias: a },
                        },
                    );
                }
                codes.insert(
                    row.code.clone(),
                    PublishedCode {
                        table: &table.id,
                        state: State::Active,
                        name: &row.name,
                        rust_path: Some(Cow::Owned(rust_path)),
                        origin: Origin::Row(row),
                    },
                );
            }
        }
        // Validation keeps codes, aliases and retired codes apart; should
        // they clash, the row wins.
        for retired in &catalogue.retired {
            codes.entry(retired.code.clone()).or_insert(PublishedCode {
                table: &retired.table,
                state: State::Retired,
                name: &retired.name,
                rust_path: None,
                origin: Origin::Retired(retired),
            });
        }
        let recoveries = catalogue.recoveries.iter().map(|recovery| recovery.key.as_str()).collect();
        let own = catalogue
            .response_statuses()
            .into_iter()
            .map(|status| (catalogue.response_name(status), PublishedResponse { status, kept: false }));
        let kept = catalogue
            .kept_responses
            .iter()
            .map(|kept| (kept.name.clone(), PublishedResponse { status: kept.status, kept: true }));
        // Validation and `keeping` keep the two apart; should they meet, the own one wins.
        let mut responses: BTreeMap<String, PublishedResponse> = kept.collect();
        responses.extend(own);
        Published {
            version: &catalogue.version,
            kind: catalogue.codes,
            codes,
            recoveries,
            responses,
            attributes: AttributeRecord::of_catalogue(catalogue),
            params: PublishedParams::of_catalogue(catalogue),
            locales: catalogue.locales.as_ref().map_or_else(Vec::new, |locales| {
                std::iter::once(locales.default.as_str())
                    .chain(locales.others.iter().map(|locale| locale.tag.as_str()))
                    .collect()
            }),
            other_names: crate::compat::lock_names::of_catalogue(catalogue),
            sections: crate::compat::lock_sections::of_catalogue(catalogue),
            wire: Some(Wire::of_catalogue(catalogue)),
            catalogue: Some(catalogue),
        }
    }

    /// The view with every response `old` published that this one lacks
    /// kept, as the documents keep them, while the catalogue is an HTTP
    /// one: a removed response breaks every document that references it,
    /// so none is removed while the documents have responses at all.
    /// `gen` keeps what the lock records, `diff` what the old catalogue had.
    #[must_use]
    pub fn keeping(mut self, old: &Published<'_>) -> Self {
        if self.catalogue.is_some_and(|catalogue| catalogue.http) {
            for (name, response) in &old.responses {
                self.responses
                    .entry(name.clone())
                    .or_insert(PublishedResponse { status: response.status, kept: true });
            }
        }
        self
    }

    /// The enum of each table that has rows, by table id, read from its
    /// rows' Rust paths: the same whether the view came from a catalogue
    /// (where every table has rows) or from a lock.
    pub(crate) fn enums(&self) -> BTreeMap<&str, &str> {
        self.codes
            .values()
            .filter(|code| code.state == State::Active)
            .filter_map(|code| Some((code.table, code.rust_path.as_deref()?.split_once("::")?.0)))
            .collect()
    }

    /// The codes of the rows whose name is `name` in table `table`.
    pub(crate) fn rows_named<'s>(
        &'s self,
        table: &'s str,
        name: &'s str,
    ) -> impl Iterator<Item = (&'s Code, &'s PublishedCode<'a>)> {
        self.codes
            .iter()
            .filter(move |(_, code)| code.state == State::Active && code.table == table && code.name == name)
    }
}
