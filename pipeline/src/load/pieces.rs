//! Reading a spec piece by piece, so that every shape problem is found.
//!
//! serde stops at the first problem. Here the document's tree is read in
//! pieces: the catalogue without its tables, each table without its rows,
//! each row and retired code on its own. Within a piece, unknown and
//! repeated fields are set aside first; then each field with a wrong value
//! is set aside and the piece read again, so one piece reports all its
//! problems too. A piece with any problem is [`Skipped`]: validation skips
//! it and whatever depends on it.

use std::cell::Cell;
use std::path::Path;
use std::rc::Rc;

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde_yaml::Error;

use super::locate;
use super::message::{clean_message, closest, problem, spec_path};
use super::tree::{
    self, Budget, Failed, Kind, MAX_EXPANSION, Node, NodeDeserializer, REPETITION, Segment, tree,
};
use errcat_model::Skipped;
use errcat_model::diagnostic::Diagnostic;
use errcat_model::source::SpecPath;
use errcat_model::spec::{SpecBody, SpecFile, SpecTable};

/// Aliases expanded past this many steps per node of the document stop
/// the reading: no spec repeats itself that much.
const STEPS_PER_NODE: usize = 64;

/// The reading ran out of budget: aliases expand without end.
struct Exhausted;

struct Pieces<'a> {
    file: &'a Path,
    /// The lines of the text, for the source line of each problem.
    lines: Vec<&'a str>,
    /// Where the text ends: its last line and the column after it.
    end: (usize, usize),
    budget: Budget,
    problems: Vec<Diagnostic>,
}

/// Reads `text` piece by piece; `None` when the tree cannot be built or
/// aliases expand without end (the caller then has the first problem).
pub(super) fn in_pieces(file: &Path, text: &str) -> Option<(SpecFile, Skipped, Vec<Diagnostic>)> {
    let (root, nodes) = tree(text)?;
    let lines = locate::lines(text);
    let mut pieces = Pieces {
        file,
        end: (lines.len(), lines.last().map_or(0, |line| line.chars().count()) + 1),
        lines,
        // A piece is read again once per field at fault: a few times its text.
        budget: Budget::new(
            nodes.saturating_mul(STEPS_PER_NODE).saturating_add(4096),
            text.len().saturating_mul(8).saturating_add(MAX_EXPANSION),
        ),
        problems: Vec::new(),
    };
    pieces.catalogue(&root).ok()
}

impl Pieces<'_> {
    fn catalogue(&mut self, root: &Node) -> Result<(SpecFile, Skipped, Vec<Diagnostic>), Exhausted> {
        let mut skipped = Skipped::default();
        let root_path = SpecPath::root();
        // The catalogue's fields are judged one by one: a field that could
        // not be read stands at its default and hides none of the others.
        let hollow = ["tables", "retired", "recoveries", "body"];
        let (spec, unread) = self.read_piece::<SpecFile>(root, &root_path, &hollow, true)?;
        skipped.catalogue_fields = unread.iter().map(|field| (*field).to_owned()).collect();
        let mut spec = spec.unwrap_or_else(|| {
            skipped.catalogue = true;
            SpecFile::default()
        });
        spec.tables = Vec::new();
        for (t, table) in root.get("tables").and_then(Node::items).unwrap_or_default().iter().enumerate() {
            let at = root_path.field("tables").index(t);
            let mut spec_table =
                self.piece::<SpecTable>(table, &at, &["errors", "retired"])?.unwrap_or_else(|| {
                    skipped.tables.insert(t);
                    SpecTable::default()
                });
            spec_table.errors = self.list(table, &at, "errors", |r| skipped.rows.insert((t, r)))?;
            spec_table.retired =
                self.list(table, &at, "retired", |i| skipped.table_retired.insert((t, i)))?;
            spec.tables.push(spec_table);
        }
        spec.retired = self.list(root, &root_path, "retired", |i| skipped.retired.insert(i))?;
        if let Some(body) = root.get("body").filter(|body| matches!(*body.kind, Kind::Mapping(_))) {
            spec.body = self.piece::<SpecBody>(body, &root_path.field("body"), &[])?;
            if spec.body.is_none() {
                skipped.catalogue_fields.insert("body".to_owned());
            }
        }
        if spec.recoveries.is_some() {
            spec.recoveries =
                Some(self.list(root, &root_path, "recoveries", |i| skipped.recoveries.insert(i))?);
        }
        Ok((spec, skipped, std::mem::take(&mut self.problems)))
    }

    /// Reads each item of the list `parent.field` (when it is a list),
    /// calling `skip` with the index of each that could not be read.
    fn list<T: DeserializeOwned + Default>(
        &mut self,
        parent: &Node,
        at: &SpecPath,
        field: &str,
        mut skip: impl FnMut(usize) -> bool,
    ) -> Result<Vec<T>, Exhausted> {
        let items = parent.get(field).and_then(Node::items).unwrap_or_default();
        let mut values = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let value = self.piece::<T>(item, &at.field(field).index(i), &[])?;
            values.push(value.unwrap_or_else(|| {
                skip(i);
                T::default()
            }));
        }
        Ok(values)
    }

    /// Reads one piece (the mapping at `at`), its lists named in `hollow`
    /// read as empty (they are read item by item elsewhere). Reports every
    /// problem of the piece; `None` if there was one.
    fn piece<T: DeserializeOwned>(
        &mut self,
        node: &Node,
        at: &SpecPath,
        hollow: &[&str],
    ) -> Result<Option<T>, Exhausted> {
        let found = self.problems.len();
        let (value, _) = self.read_piece::<T>(node, at, hollow, false)?;
        Ok(value.filter(|_| self.problems.len() == found))
    }

    /// [`Pieces::piece`], with what was read despite its problems: the
    /// piece without the fields that could not be read, and their names.
    /// With `stand_in`, a required field that is missing or could not be
    /// read is stood in for by an empty value (`""`, then `[]`), so that
    /// the piece is read; otherwise the piece is `None`.
    fn read_piece<T: DeserializeOwned>(
        &mut self,
        node: &Node,
        at: &SpecPath,
        hollow: &[&str],
        stand_in: bool,
    ) -> Result<(Option<T>, Vec<&'static str>), Exhausted> {
        let Kind::Mapping(entries) = &*node.kind else {
            // Not a mapping: serde says what it should have been.
            return match self.deserialize::<T>(node) {
                Ok(value) => Ok((Some(value), Vec::new())),
                Err(e) => {
                    let (_, message) = self.message(&e.path, e.error)?;
                    self.report(node, &message, at.clone());
                    Ok((None, Vec::new()))
                }
            };
        };
        let fields = fields_of::<T>();
        let mut kept: Vec<(Node, Node)> = Vec::with_capacity(entries.len());
        // Fields whose absence is already explained: set aside for their
        // value, or misspelt (`descripton` explains a missing `description`).
        let mut explained: Vec<&'static str> = Vec::new();
        for (key, value) in entries {
            let Some(name) = key.text() else {
                let unexpected =
                    NodeDeserializer { node: key, budget: &self.budget, path: &tree::Path::Root }
                        .unexpected();
                let message = <Error as de::Error>::invalid_type(unexpected, &"a field name").to_string();
                self.report(key, &message, at.clone());
                continue;
            };
            if !fields.is_empty() && !fields.contains(&name) {
                let message = <Error as de::Error>::unknown_field(name, fields).to_string();
                self.report(key, &message, at.field(name));
                explained.extend(closest(name, fields));
                continue;
            }
            if kept.iter().any(|(k, _)| k.text() == Some(name)) {
                self.report(value, &format!("duplicate field `{name}`"), at.field(name));
                continue;
            }
            let value = match (&*value.kind, hollow.contains(&name)) {
                (Kind::Sequence(_), true) => {
                    Node { span: value.span, kind: Rc::new(Kind::Sequence(Vec::new())) }
                }
                // A mapping read on its own is left out here: `null`.
                (Kind::Mapping(_), true) => Node {
                    span: value.span,
                    kind: Rc::new(Kind::Scalar { value: "~".to_owned(), plain: true, tag: None }),
                },
                _ => value.clone(),
            };
            kept.push((key.clone(), value));
        }
        // The fields stood in for, once per stand-in tried: a field in
        // `kept` under one of these names is a stand-in, as the user's was
        // missing.
        let mut stood_in: Vec<&'static str> = Vec::new();
        // Each round sets aside the field at fault; a mapping has few.
        loop {
            let piece = Node { span: node.span, kind: Rc::new(Kind::Mapping(kept.clone())) };
            let mut e = match self.deserialize::<T>(&piece) {
                Ok(value) => return Ok((Some(value), unread(&kept, &explained, &stood_in))),
                Err(e) => e,
            };
            let segments = std::mem::take(&mut e.path);
            let (relative, message) = self.message(&segments, e.error)?;
            // A field missing deeper in the piece is placed as any other problem there.
            if let Some(field) = message
                .strip_prefix("missing field `")
                .and_then(|rest| rest.split('`').next())
                .filter(|_| segments.is_empty())
            {
                if !explained.contains(&field) && !stood_in.contains(&field) {
                    self.report(node, &message, at.clone());
                }
                let field = fields.iter().copied().find(|f| *f == field);
                let tries = stood_in.iter().filter(|f| Some(**f) == field).count();
                match (field, STAND_INS.get(tries)) {
                    (Some(field), Some(value)) if stand_in => {
                        stood_in.push(field);
                        let key = Kind::Scalar { value: field.to_owned(), plain: true, tag: None };
                        let key = Node { span: node.span, kind: Rc::new(key) };
                        kept.push((key, Node { span: node.span, kind: Rc::new(value()) }));
                        continue;
                    }
                    _ => return Ok((None, Vec::new())),
                }
            }
            let field = match segments.first() {
                Some(Segment::Key(key)) => kept.iter().position(|(k, _)| k.text() == Some(key)),
                _ => None,
            };
            let Some(i) = field else {
                self.report(node, &message, at.join(&relative));
                return Ok((None, Vec::new()));
            };
            // A stand-in that does not read is no problem of the user's.
            if !kept[i].0.text().is_some_and(|key| stood_in.contains(&key)) {
                // An unknown field deeper in the piece is underlined at its name, as one at the top is.
                let place = kept[i].1.at_fault(&segments[1..], &message);
                self.report(place, &message, at.join(&relative));
            }
            let (key, _) = kept.remove(i);
            explained.extend(fields.iter().copied().find(|f| key.text() == Some(f)));
        }
    }

    fn deserialize<T: DeserializeOwned>(&self, node: &Node) -> Result<T, Failed> {
        tree::read(node, &self.budget)
    }

    /// The error's path (relative to the piece) and message; running out
    /// of budget ends the reading.
    fn message(&self, path: &[Segment], error: Error) -> Result<(SpecPath, String), Exhausted> {
        let relative = spec_path(path);
        let message = error.to_string();
        if message.contains(REPETITION) || self.budget.spent() {
            return Err(Exhausted);
        }
        let message = clean_message(&message, &relative);
        Ok((relative, message))
    }

    /// Records a problem with `node`, underlining the span the parser gave it.
    fn report(&mut self, node: &Node, message: &str, at: SpecPath) {
        let spot = node.spot(&self.lines);
        // An empty value at the very end is placed on the line after it.
        let (line, column) = (spot.line, spot.column).min(self.end);
        let width = if (line, column) == (spot.line, spot.column) { spot.width } else { 1 };
        let text = line.checked_sub(1).and_then(|i| self.lines.get(i)).copied().unwrap_or_default();
        self.problems.push(problem(self.file, message, at).at(line, column).snippet(text, width));
    }
}

/// What stands in for a required field that could not be read, in the
/// order tried: text, then a list.
const STAND_INS: [fn() -> Kind; 2] =
    [|| Kind::Scalar { value: String::new(), plain: false, tag: None }, || Kind::Sequence(Vec::new())];

/// The fields a piece was read without: those stood in for, and those set
/// aside for their value or misspelt (`explained`) that it does not have.
fn unread(kept: &[(Node, Node)], explained: &[&'static str], stood_in: &[&'static str]) -> Vec<&'static str> {
    let read =
        |field: &str| kept.iter().any(|(key, _)| key.text() == Some(field)) && !stood_in.contains(&field);
    let mut fields: Vec<&'static str> =
        explained.iter().copied().filter(|field| !read(field)).chain(stood_in.iter().copied()).collect();
    fields.sort_unstable();
    fields.dedup();
    fields
}

/// The field names a derived `Deserialize` struct accepts, as it tells
/// its deserializer; empty for anything else.
fn fields_of<T: DeserializeOwned>() -> &'static [&'static str] {
    struct Probe<'a>(&'a Cell<&'static [&'static str]>);
    impl<'de> Deserializer<'de> for Probe<'_> {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0.set(fields);
            Err(de::Error::custom("fields noted"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
            unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
        }
    }
    let fields = Cell::new(&[][..]);
    let _ = T::deserialize(Probe(&fields));
    fields.get()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::shape::{self, Shape};

    /// Reads `text` in pieces, as a spec with a problem is read.
    fn pieces_of(text: &str) -> Shape {
        let (spec, skipped, problems) = in_pieces(Path::new("t.yaml"), text).expect("the tree builds");
        Shape { spec, skipped, problems }
    }

    fn in_one_go(text: &str) -> SpecFile {
        serde_yaml::from_str(text).expect("valid in one go")
    }

    /// Values that YAML could read several ways, each as a spec writes it.
    const TRICKY: &str = r#"
title: 2024
crate: t
version: 0.1.0
tables:
  - id: http
    kind: http_status
    title: "true"
    summary: null
    errors:
      - {code: 0x194, name: 404, description: ~}
      - code: +500
        name: true
        description:
        deprecated: ~
  - &app
    id: app
    title: |
      Two
      lines
    summary: >-
      folded
      text
    name_column: '---'
    codes_embed_http_status: True
    errors:
      - code: 4001
        name: !!str 12
        description: &d "quoted \" and \\ and \u00e9"
        http_status: 0o620
        aliases: [4002, 0b1]
        recovery: retry_later
        rust_variant: ''
      - code: 4003
        name: -dash
        description: *d
        http_status: 400
        deprecated: ".inf"
      - code: 4004
        name: it's
        description: a:b # a comment
        http_status: 400
      - code: 4005
        name: Ünïcödé
        description: plain text
          over lines

          and a paragraph
        http_status: 400
retired:
  - {code: 7, name: "-", reason: ..., table: gone}
"#;

    #[test]
    fn pieces_read_exactly_as_the_whole_file() {
        for text in [TRICKY, include_str!("../../../spec/knox-cloud.yaml")] {
            let read = pieces_of(text);
            assert!(read.problems.is_empty(), "{:?}", read.problems);
            assert!(read.skipped.is_empty());
            assert_eq!(format!("{:?}", read.spec), format!("{:?}", in_one_go(text)));
        }
    }

    #[test]
    fn an_empty_value_at_the_end_is_placed_on_the_last_line() {
        for text in [" ? ", "title: T\n? ", "? \r"] {
            let read = pieces_of(text);
            assert!(!read.problems.is_empty(), "{text:?}");
            for problem in &read.problems {
                let (line, _) = problem.position.expect("placed");
                assert!(line <= locate::lines(text).len(), "{text:?}: {problem}");
            }
        }
    }

    #[test]
    fn field_names_come_from_the_types() {
        assert_eq!(
            fields_of::<SpecFile>(),
            [
                "title",
                "codes",
                "crate",
                "version",
                "tables",
                "retired",
                "package",
                "problem_details",
                "recoveries",
                "body",
                "params",
                "attributes",
                "locales",
                "sections",
                "redirect_statuses"
            ]
        );
        assert!(fields_of::<SpecTable>().contains(&"codes_embed_http_status"));
        assert!(fields_of::<String>().is_empty());
    }

    #[test]
    fn every_problem_of_a_row_is_found() {
        let text = "\
title: T
crate: t
version: 0.1.0
tables:
  - id: app
    title: A
    summary: S
    errors:
      - code: 1.5
        nme: N
        description: D
        description: again
        aliases: [1, true]
        http_status: 400
";
        let read = pieces_of(text);
        let found: Vec<(&str, (usize, usize))> =
            read.problems.iter().map(|p| (p.message.as_str(), p.position.expect("placed"))).collect();
        assert_eq!(
            found,
            [
                (
                    "unknown field `nme`, expected one of `code`, `name`, `description`, `http_status`, \
                     `rust_variant`, `aliases`, `also_named`, `recovery`, `deprecated`, `explanation`, `causes`, `solutions`, \
                     `params`, `message`, `attributes`, `sections`",
                    (10, 9)
                ),
                ("duplicate field `description`", (12, 22)),
                (
                    "invalid type: floating point `1.5`, expected a code: a whole number from 0 to \
                     4294967295, or text with `codes: string`",
                    (9, 15)
                ),
                (
                    "invalid type: boolean `true`, expected a code: a whole number from 0 to 4294967295, \
                     or text with `codes: string`",
                    (13, 22)
                ),
            ],
        );
        assert_eq!(
            read.problems[3].spec_path.as_ref().map(ToString::to_string).as_deref(),
            Some("tables[0].errors[0].aliases[1]")
        );
        // `nme` explains the missing `name`; the row is left out, its table is not.
        assert_eq!(read.skipped.rows, [(0, 0)].into());
        assert!(read.skipped.tables.is_empty() && !read.skipped.catalogue);
    }

    #[test]
    fn aliases_that_expand_without_end_stop_the_reading() {
        // Tables of rows of aliases, each list repeating the one below a
        // hundred times: a million values from a few kilobytes.
        let hundred = |item: &str| vec![item; 100].join(", ");
        let text = format!(
            "x: &a [{}]\nr: &r {{code: 1, name: N, description: D, aliases: *a}}\n\
             t: &t {{id: a, title: T, summary: S, errors: [{}]}}\ntitle: T\ncrate: t\nversion: 0.1.0\ntables: [{}]\n",
            hundred("1"),
            hundred("*r"),
            hundred("*t"),
        );
        assert!(tree(&text).is_some());
        assert!(in_pieces(Path::new("t.yaml"), &text).is_none());
        // What stands is the first problem, from reading in one go.
        let found = shape::read(Path::new("t.yaml"), &text).expect_err("invalid");
        assert_eq!(found.0.len(), 1, "{found}");
        assert!(found.0[0].message.starts_with("unknown field `x`"), "{found}");
    }

    #[test]
    fn aliases_of_long_text_stop_the_reading() {
        // A megabyte repeated a hundred times: few values, many bytes.
        let mut text =
            format!("x: &big {}\ntitle: T\ncrate: t\nversion: 0.1.0\ntables:\n", "y".repeat(1 << 20));
        text.push_str("  - {id: a, title: T, summary: S, errors: [");
        for code in 0..100 {
            text.push_str(&format!("{{code: {code}, name: N{code}, description: *big}}, "));
        }
        text.push_str("]}\n");
        assert!(in_pieces(Path::new("t.yaml"), &text).is_none());
        let found = shape::read(Path::new("t.yaml"), &text).expect_err("invalid");
        assert_eq!(found.0.len(), 1, "{found}");
        // What stands is the first problem, met before any alias is read.
        assert!(found.0[0].message.starts_with("unknown field `x`"), "{found}");
    }
}
