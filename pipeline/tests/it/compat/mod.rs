//! `gen` and `diff` cannot disagree: from a locked fixture, random edits
//! (rows added, removed, retired, renamed, moved, swapped; retired entries
//! dropped, renamed or used again; aliases added, removed, retired, moved;
//! texts, causes, statuses, recoveries and deprecations changed; params of
//! rows and of every error added, removed, retyped, made required or
//! optional; message templates added, removed, reworded or showing params;
//! locales added or removed, the default among them; codes added to or
//! removed from sections, their texts and statuses there changed, and
//! sections declared, removed or reworded; the error body declared or
//! dropped, a member renamed, added or removed, its envelope or message changed;
//! the version bumped or not) get the same decision from `errcat_pipeline::check_locks` against the lock
//! (what `generate` decides before it renders a file, in its words)
//! as from `errcat_pipeline::compat::diff::diff` against the old catalogue: gen
//! refuses exactly when diff's `decision` is refused, demands a bump exactly
//! when it is `needs_version`, and gen's messages name the same refused and
//! breaking changes. Both sides share `classify`, so what this catches is a
//! disagreement between the lock's view of what was published and the
//! catalogue's.

mod edits;
mod sections;
mod wire;

use self::sections::{InSection, SectionEdit};

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use errcat_model::Catalogue;
use errcat_pipeline::compat::diff::{Bump, CatalogueDiff, ChangeKind, Decision, diff};
use errcat_pipeline::{Error, Mode, Options};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

/// A catalogue as the tests edit it: what its YAML says, field by field.
#[derive(Debug, Clone)]
struct Spec {
    /// Whether the codes are written as strings (`codes: string`): each
    /// number `n` as the text `'0n'`, leading zero and all.
    string_codes: bool,
    version: (u64, u64, u64),
    /// The recovery vocabulary: each id, and whether it is one to retry.
    recoveries: Vec<(&'static str, bool)>,
    /// The params every error carries.
    shared: Vec<Param>,
    /// The locales, the default first, every other one partial (no
    /// translation file needed); none without `locales:`.
    locales: Vec<&'static str>,
    /// The sections: each id, and its summary.
    sections: Vec<(&'static str, String)>,
    body: Option<wire::Body>,
    tables: Vec<Table>,
}

#[derive(Debug, Clone)]
struct Param {
    name: &'static str,
    ty: &'static str,
    required: bool,
}

#[derive(Debug, Clone)]
struct Table {
    id: &'static str,
    rows: Vec<Row>,
    retired: Vec<Retired>,
}

#[derive(Debug, Clone)]
struct Row {
    code: u32,
    name: String,
    description: String,
    http_status: u16,
    recovery: Option<&'static str>,
    deprecated: Option<String>,
    aliases: Vec<u32>,
    also_named: Vec<&'static str>,
    causes: Vec<String>,
    params: Vec<Param>,
    /// The message's text, if the row has one.
    message: Option<&'static str>,
    /// Whether the message shows every required param it can (each other
    /// required param is declared data only).
    shows: bool,
    /// The row's meaning in each section that lists it.
    sections: Vec<InSection>,
}

#[derive(Debug, Clone)]
struct Retired {
    code: u32,
    name: String,
}

impl Row {
    fn new(code: u32, name: &str) -> Row {
        Row {
            code,
            name: name.to_owned(),
            description: "D.".to_owned(),
            http_status: 409,
            recovery: None,
            deprecated: None,
            aliases: Vec::new(),
            also_named: Vec::new(),
            causes: Vec::new(),
            params: Vec::new(),
            message: None,
            shows: false,
            sections: Vec::new(),
        }
    }
}

/// The published catalogue every case starts from: two tables, aliases,
/// a recovery, a deprecation and a retired code in each table, a param
/// every error carries, and rows with params and messages.
fn fixture(string_codes: bool) -> Spec {
    let row = |code, name: &str, aliases: &[u32]| Row { aliases: aliases.to_vec(), ..Row::new(code, name) };
    Spec {
        string_codes,
        version: (1, 2, 0),
        recoveries: vec![("retry_later", true), ("fix_request", false)],
        shared: vec![Param { name: "request_id", ty: "string", required: false }],
        locales: vec!["en", "de"],
        sections: vec![("checkout", "At checkout.".to_owned()), ("payment", "When paying.".to_owned())],
        body: wire::Body::fixture(),
        tables: vec![
            Table {
                id: "cart",
                rows: vec![
                    Row {
                        params: vec![
                            Param { name: "table", ty: "string", required: true },
                            Param { name: "count", ty: "integer", required: false },
                        ],
                        message: Some("Empty."),
                        shows: true,
                        also_named: vec!["EMPTY_CART"],
                        sections: vec![InSection::new("checkout", "Nothing to buy.", Some(400))],
                        ..row(1, "CART_EMPTY", &[11, 12])
                    },
                    row(2, "CART_FULL", &[]),
                    Row { http_status: 423, recovery: Some("retry_later"), ..row(3, "CART_LOCKED", &[]) },
                ],
                retired: vec![Retired { code: 9, name: "CART_GONE".to_owned() }],
            },
            Table {
                id: "order",
                rows: vec![
                    Row {
                        message: Some("Late."),
                        sections: sections::late(),
                        ..row(20, "ORDER_LATE", &[31])
                    },
                    Row {
                        deprecated: Some("Orders are paid on delivery.".to_owned()),
                        ..row(21, "ORDER_PAID", &[])
                    },
                ],
                retired: vec![Retired { code: 29, name: "ORDER_LOST".to_owned() }],
            },
        ],
    }
}

impl Spec {
    fn yaml(&self) -> String {
        let (major, minor, patch) = self.version;
        let codes = if self.string_codes { "codes: string\n" } else { "" };
        let mut out = format!("title: Shop\n{codes}crate: shop-errors\nversion: {major}.{minor}.{patch}\n");
        let code = |code: u32| if self.string_codes { format!("'0{code}'") } else { code.to_string() };
        if !self.recoveries.is_empty() {
            out.push_str("recoveries:\n");
            for (id, retry) in &self.recoveries {
                let _ = writeln!(out, "  - {{id: {id}, description: Do {id}., retry: {retry}}}");
            }
        }
        if !self.shared.is_empty() {
            let _ = writeln!(out, "params: {{{}}}", edits::params_yaml(&self.shared, |_| false));
        }
        if let Some((default, others)) = self.locales.split_first() {
            let others = others.join(", ");
            let _ = writeln!(out, "locales: {{default: {default}, others: [{others}], partial: [{others}]}}");
        }
        sections::declared_yaml(&mut out, &self.sections);
        wire::body_yaml(&mut out, &self.body);
        out.push_str("tables:\n");
        for table in &self.tables {
            let _ = write!(out, "  - id: {}\n    title: T\n    summary: S\n    errors:\n", table.id);
            for row in &table.rows {
                let _ = write!(
                    out,
                    "      - {{code: {}, name: {}, description: {}, http_status: {}",
                    code(row.code),
                    row.name,
                    row.description,
                    row.http_status
                );
                if let Some(recovery) = row.recovery {
                    let _ = write!(out, ", recovery: {recovery}");
                }
                if let Some(reason) = &row.deprecated {
                    let _ = write!(out, ", deprecated: \"{reason}\"");
                }
                if !row.aliases.is_empty() {
                    let aliases: Vec<String> = row.aliases.iter().map(|&alias| code(alias)).collect();
                    let _ = write!(out, ", aliases: [{}]", aliases.join(", "));
                }
                if !row.also_named.is_empty() {
                    let _ = write!(out, ", also_named: [{}]", row.also_named.join(", "));
                }
                if !row.causes.is_empty() {
                    let _ = write!(out, ", causes: [{}]", row.causes.join(", "));
                }
                sections::row_yaml(&mut out, &row.sections);
                let shown = |param: &Param| {
                    row.shows && row.message.is_some() && param.required && param.ty != "strings"
                };
                if !row.params.is_empty() {
                    let _ = write!(out, ", params: {{{}}}", edits::params_yaml(&row.params, shown));
                }
                if let Some(text) = row.message {
                    let placeholders: String =
                        row.params.iter().filter(|p| shown(p)).map(|p| format!(" {{${}}}", p.name)).collect();
                    let _ = write!(out, ", message: \"{text}{placeholders}\"");
                }
                out.push_str("}\n");
            }
            if !table.retired.is_empty() {
                out.push_str("    retired:\n");
                for retired in &table.retired {
                    let _ = writeln!(
                        out,
                        "      - {{code: {}, name: {}, reason: R}}",
                        code(retired.code),
                        retired.name
                    );
                }
            }
        }
        out
    }

    /// Every row, as (table, row) indexes.
    fn rows(&self) -> Vec<(usize, usize)> {
        self.tables
            .iter()
            .enumerate()
            .flat_map(|(t, table)| (0..table.rows.len()).map(move |r| (t, r)))
            .collect()
    }

    /// Every retired entry, as (table, entry) indexes.
    fn retired(&self) -> Vec<(usize, usize)> {
        self.tables
            .iter()
            .enumerate()
            .flat_map(|(t, table)| (0..table.retired.len()).map(move |r| (t, r)))
            .collect()
    }

    fn row(&mut self, which: &Index) -> Option<&mut Row> {
        let rows = self.rows();
        let &(t, r) = rows.get(which.index(rows.len().max(1)))?;
        Some(&mut self.tables[t].rows[r])
    }
}

/// Codes an edit may add: new ones, retired ones, and ones in use.
const CODES: &[u32] = &[40, 41, 42, 9, 29, 11, 2, 31];
/// Names an edit may give: new ones, and ones in use.
const NAMES: &[&str] = &["CART_VOID", "ORDER_NEW", "COUPON_USED", "CART_FULL", "ORDER_LATE"];
const STATUSES: &[u16] = &[400, 409, 423, 503];
const RECOVERIES: &[Option<&str>] = &[None, Some("retry_later"), Some("fix_request"), Some("wait")];

/// Ids a new recovery may take: one a row may name, one none does.
const NEW_RECOVERIES: &[&str] = &["wait", "call_us"];

#[derive(Debug, Clone)]
enum Edit {
    AddRow {
        table: Index,
        code: u32,
        name: &'static str,
    },
    RemoveRow(Index),
    /// Moves a row and its aliases to its table's `retired:` list.
    RetireRow(Index),
    /// Makes a retired entry a row again, under its code and name.
    Unretire(Index),
    DropRetired(Index),
    RenameRow(Index, &'static str),
    RenameRetired(Index, &'static str),
    /// Moves a row to the end of the other table.
    MoveRow(Index),
    AddAlias(Index, u32),
    RemoveAlias(Index, Index),
    RetireAlias(Index, Index),
    MoveAlias {
        from: Index,
        alias: Index,
        to: Index,
    },
    /// Gives a row a new code, keeping the old one as an alias.
    Renumber(Index, u32),
    /// Swaps a row with another of its table.
    SwapRows(Index, Index),
    Describe(Index),
    Status(Index, u16),
    Recovery(Index, Option<&'static str>),
    /// Declares a new recovery, last.
    AddRecovery(&'static str),
    /// Removes a recovery from the vocabulary (rows naming it stay).
    RemoveRecovery(Index),
    /// Changes whether a recovery is one to retry.
    FlipRetry(Index),
    /// Swaps two recoveries.
    SwapRecoveries(Index, Index),
    /// Deprecates a row, or takes its deprecation back.
    Deprecate(Index),
    /// Adds a cause to a row, or takes its causes back.
    Cause(Index),
    /// Gives a row another name, or takes it back if the row has it.
    OtherName(Index, &'static str),
    /// Declares a param of a row (`None`: of every error), last.
    AddParam(Option<Index>, Param),
    /// Removes a param of a row (`None`: of every error).
    RemoveParam(Option<Index>, Index),
    /// Gives a param the next type.
    Retype(Option<Index>, Index),
    /// Makes a required param optional, or an optional one required.
    FlipRequired(Option<Index>, Index),
    /// Gives a row a message, rewords it, or takes it away.
    Message(Index),
    /// Makes a row's message show its params, or stop showing them.
    Shows(Index),
    /// Declares a locale, last (one declared already makes an invalid spec).
    AddLocale(&'static str),
    /// Removes a locale (the first: the default, whose next becomes it).
    RemoveLocale(Index),
    /// An edit of the sections or of a code's meaning in one.
    Section(SectionEdit),
    Wire(wire::WireEdit),
}

/// Locales an edit may add: new ones, and one declared.
const LOCALES: &[&str] = &["fr", "es", "de"];

/// Names a new param of a row may take (one in use too), and one of every error.
const PARAM_NAMES: &[&str] = &["table", "limit", "ratio"];
const SHARED_NAMES: &[&str] = &["request_id", "trace"];
/// Other names a row may take (the fixture's CART_EMPTY has the first).
const OTHER_NAMES: &[&str] = &["EMPTY_CART", "ALSO_KNOWN"];
const PARAM_TYPES: &[&str] = &["string", "integer", "number", "boolean", "strings"];
const MESSAGES: &[Option<&str>] = &[None, Some("Failed."), Some("Failed again.")];

#[derive(Debug, Clone, Copy)]
enum Version {
    Keep,
    Bump(Bump),
    Lower,
}

fn edit() -> impl Strategy<Value = Edit> {
    let code = || proptest::sample::select(CODES);
    let name = || proptest::sample::select(NAMES);
    prop_oneof![
        (any::<Index>(), code(), name()).prop_map(|(table, code, name)| Edit::AddRow { table, code, name }),
        any::<Index>().prop_map(Edit::RemoveRow),
        any::<Index>().prop_map(Edit::RetireRow),
        any::<Index>().prop_map(Edit::Unretire),
        any::<Index>().prop_map(Edit::DropRetired),
        (any::<Index>(), name()).prop_map(|(row, name)| Edit::RenameRow(row, name)),
        (any::<Index>(), name()).prop_map(|(entry, name)| Edit::RenameRetired(entry, name)),
        any::<Index>().prop_map(Edit::MoveRow),
        (any::<Index>(), code()).prop_map(|(row, code)| Edit::AddAlias(row, code)),
        (any::<Index>(), any::<Index>()).prop_map(|(row, alias)| Edit::RemoveAlias(row, alias)),
        (any::<Index>(), any::<Index>()).prop_map(|(row, alias)| Edit::RetireAlias(row, alias)),
        (any::<Index>(), any::<Index>(), any::<Index>()).prop_map(|(from, alias, to)| Edit::MoveAlias {
            from,
            alias,
            to
        }),
        (any::<Index>(), code()).prop_map(|(row, code)| Edit::Renumber(row, code)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::SwapRows(a, b)),
        any::<Index>().prop_map(Edit::Describe),
        (any::<Index>(), proptest::sample::select(STATUSES))
            .prop_map(|(row, status)| Edit::Status(row, status)),
        (any::<Index>(), proptest::sample::select(RECOVERIES)).prop_map(|(row, r)| Edit::Recovery(row, r)),
        any::<Index>().prop_map(Edit::Deprecate),
        proptest::sample::select(NEW_RECOVERIES).prop_map(Edit::AddRecovery),
        any::<Index>().prop_map(Edit::RemoveRecovery),
        any::<Index>().prop_map(Edit::FlipRetry),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::SwapRecoveries(a, b)),
        any::<Index>().prop_map(Edit::Cause),
        proptest::sample::select(LOCALES).prop_map(Edit::AddLocale),
        any::<Index>().prop_map(Edit::RemoveLocale),
        (any::<Index>(), proptest::sample::select(OTHER_NAMES))
            .prop_map(|(row, name)| Edit::OtherName(row, name)),
        param_edit(),
        sections::section_edit(),
    ]
}

/// An edit of params or messages.
fn param_edit() -> BoxedStrategy<Edit> {
    let whose = || proptest::option::of(any::<Index>());
    let param = |names: &'static [&'static str]| {
        (proptest::sample::select(names), proptest::sample::select(PARAM_TYPES), any::<bool>())
            .prop_map(|(name, ty, required)| Param { name, ty, required })
    };
    prop_oneof![
        (any::<Index>(), param(PARAM_NAMES)).prop_map(|(row, param)| Edit::AddParam(Some(row), param)),
        param(SHARED_NAMES).prop_map(|param| Edit::AddParam(None, param)),
        (whose(), any::<Index>()).prop_map(|(whose, param)| Edit::RemoveParam(whose, param)),
        (whose(), any::<Index>()).prop_map(|(whose, param)| Edit::Retype(whose, param)),
        (whose(), any::<Index>()).prop_map(|(whose, param)| Edit::FlipRequired(whose, param)),
        any::<Index>().prop_map(Edit::Message),
        any::<Index>().prop_map(Edit::Shows),
    ]
    .boxed()
}

fn version() -> impl Strategy<Value = Version> {
    prop_oneof![
        3 => Just(Version::Keep),
        1 => Just(Version::Bump(Bump::Patch)),
        1 => Just(Version::Bump(Bump::Minor)),
        3 => Just(Version::Bump(Bump::Major)),
        1 => Just(Version::Lower),
    ]
}

fn set_version(spec: &mut Spec, version: Version) {
    let (major, minor, patch) = spec.version;
    let old = semver::Version::new(major, minor, patch);
    let new = match version {
        Version::Keep => old,
        Version::Bump(bump) => bump.next_version(&old),
        Version::Lower => semver::Version::new(major, minor.saturating_sub(1), patch),
    };
    spec.version = (new.major, new.minor, new.patch);
}

/// What `generate` decides for the edited spec, read from its diagnostics:
/// `check_locks` is its decision (the spec loaded and checked against the
/// lock), without the rendering of every file that follows an acceptance
/// and decides nothing.
fn gen_decision(spec_dir: &Path) -> Result<(Decision, Vec<String>), TestCaseError> {
    match errcat_pipeline::check_locks(spec_dir, &Options::default()) {
        Ok(_) => Ok((Decision::Accepted, Vec::new())),
        Err(Error::Spec(found)) => {
            let messages: Vec<String> = found.0.iter().map(|problem| problem.message.clone()).collect();
            let refused = messages.iter().any(|message| !is_bump_demand(message));
            Ok((if refused { Decision::Refused } else { Decision::NeedsVersion }, messages))
        }
        Err(other) => Err(TestCaseError::fail(format!("generate failed: {other}"))),
    }
}

/// `2 breaking changes since 1.2.0 need version 2.0.0: ...`
fn is_bump_demand(message: &str) -> bool {
    message.starts_with(|c: char| c.is_ascii_digit()) && message.contains(" breaking change")
}

/// The locked fixture in a temporary `spec/` folder.
struct Locked {
    _dir: tempfile::TempDir,
    spec: PathBuf,
    old: Catalogue,
}

fn locked(string_codes: bool) -> Locked {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("spec")).unwrap();
    let spec = dir.path().join("spec/shop.yaml");
    fs::write(&spec, fixture(string_codes).yaml()).unwrap();
    // Lock the fixture once; each case then checks against that lock.
    let written = dir.path().join("written");
    errcat_pipeline::generate(spec.parent().unwrap(), &written, Mode::Write)
        .unwrap_or_else(|e| panic!("{e}"));
    let old = crate::load_file(&spec, "spec/shop.yaml").unwrap_or_else(|e| panic!("{e}"));
    Locked { spec, old, _dir: dir }
}

fn check(
    locked: &Locked,
    edits: &[Edit],
    version: Version,
    seen: &RefCell<[usize; 4]>,
    kinds: &RefCell<BTreeSet<ChangeKind>>,
) -> Result<(), TestCaseError> {
    let mut spec = fixture(locked.old.codes == errcat_model::CodeKind::String);
    for edit in edits {
        edits::apply(&mut spec, edit);
    }
    set_version(&mut spec, version);
    let yaml = spec.yaml();
    let Ok(new) = crate::load_text(&locked.spec, "spec/shop.yaml", &yaml) else {
        // Not a valid catalogue (a duplicate code or name...): no lock question.
        seen.borrow_mut()[3] += 1;
        return Ok(());
    };
    let diff: CatalogueDiff = diff(&locked.old, &new);
    kinds.borrow_mut().extend(diff.changes.iter().map(|change| change.kind));
    fs::write(&locked.spec, &yaml).unwrap();
    let (by_gen, messages) = gen_decision(locked.spec.parent().unwrap())?;
    let context = || format!("{}\n--- gen said ---\n{}\n--- spec ---\n{yaml}", diff, messages.join("\n"));
    prop_assert_eq!(by_gen, diff.decision, "{}", context());

    // The same changes, in the same words: each refused change is one of
    // gen's errors, and each breaking change one line of its bump demand.
    let refused: Vec<&str> = diff
        .changes
        .iter()
        .filter(|change| change.is_refused())
        .map(|change| change.summary.as_str())
        .collect();
    let errors: Vec<&String> = messages.iter().filter(|message| !is_bump_demand(message)).collect();
    prop_assert_eq!(refused.len(), errors.len(), "{}", context());
    for summary in &refused {
        prop_assert!(errors.iter().any(|message| message.starts_with(summary)), "{summary}\n{}", context());
    }
    if let Some(demand) = messages.iter().find(|message| is_bump_demand(message)) {
        for change in diff.changes.iter().filter(|change| change.bump() == Some(Bump::Major)) {
            prop_assert!(demand.contains(&format!("\n  - {}", change.summary)), "{}", context());
        }
    }
    seen.borrow_mut()[match by_gen {
        Decision::Accepted => 0,
        Decision::NeedsVersion => 1,
        Decision::Refused => 2,
        other => panic!("a decision this test does not know: {other:?}"),
    }] += 1;
    Ok(())
}

#[test]
fn gen_and_diff_decide_alike() {
    decide_alike(false, edit(), 256, &KINDS);
}

/// The same with string codes that look like numbers (`'01'`, `'011'`):
/// the lock keys them as text, and nothing reads them as numbers.
#[test]
fn gen_and_diff_decide_alike_with_string_codes() {
    decide_alike(true, edit(), 256, &KINDS);
}

/// The edits of params, messages, other names and sections, which every
/// run must make reach the classifier.
const KINDS: [ChangeKind; 11] = [
    ChangeKind::ParamAdded,
    ChangeKind::ParamRemoved,
    ChangeKind::ParamChanged,
    ChangeKind::MessageChanged,
    ChangeKind::LocaleAdded,
    ChangeKind::LocaleRemoved,
    ChangeKind::OtherNameAdded,
    ChangeKind::OtherNameRemoved,
    ChangeKind::SectionAdded,
    ChangeKind::SectionRemoved,
    ChangeKind::SectionChanged,
];

/// Runs `cases` random cases (`PROPTEST_CASES` if set) of 1 to 4 edits
/// drawn from `edit`, and requires each of `kinds` among their changes.
fn decide_alike(string_codes: bool, edit: impl Strategy<Value = Edit>, cases: u32, required: &[ChangeKind]) {
    // `PROPTEST_CASES` for a longer hunt; CI fixes the seed
    // (`PROPTEST_RNG_SEED`), which `Config::default()` reads.
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(cases);
    let config = Config { failure_persistence: None, ..Config::with_cases(cases) };
    let locked = locked(string_codes);
    let seen = RefCell::new([0; 4]);
    let kinds = RefCell::new(BTreeSet::new());
    let strategy = (proptest::collection::vec(edit, 1..5), version());
    let result = TestRunner::new(config)
        .run(&strategy, |(edits, version)| check(&locked, &edits, version, &seen, &kinds));
    if let Err(failure) = result {
        panic!("{failure}");
    }
    // The property is only as good as its cases: every decision must occur.
    let [accepted, needs_version, refused, invalid] = *seen.borrow();
    eprintln!("accepted {accepted}, needs a version {needs_version}, refused {refused}, invalid {invalid}");
    assert!(
        accepted > 0 && needs_version > 0 && refused > 0 && invalid < cases as usize / 2,
        "accepted {accepted}, needs a version {needs_version}, refused {refused}, invalid {invalid}"
    );
    // And the edits the caller names reach the classifier.
    let kinds = kinds.borrow();
    for &kind in required {
        assert!(kinds.contains(&kind), "no case made a {kind:?} change: {kinds:?}");
    }
}
