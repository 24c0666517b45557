//! The params: each param's schema, the params schemas the rows share,
//! and each parameterised row's bodies and problem details, typed by its
//! code.
//!
//! Rows that declare the same params (the same names, types, descriptions
//! and requirement, in the same order) share one schema of them,
//! `<Names>Params` (`TableSchemaParams`), named after the params so that
//! the name says what it holds (lists that name alike take `_2`, `_3`, …
//! in row order, so moving such rows moves those suffixes). A row with params
//! has `<Enum><Variant>Body` (the plain `ErrorBody` and its params
//! schema; with an envelope, `…Members`, the plain `ErrorMembers` and its
//! params schema, inside it) and, with problem details, `…Problem`; each
//! narrows the code to the row's own (a `const`, or, in 3.0 or with
//! aliases, `<Enum><Variant>Codes`, an `enum` of it and its aliases: not `…Code`,
//! which names a table's codes), so a
//! code still has a type of its own when its params are shared. `TypedErrorBody` and `TypedProblemDetails` are `anyOf` those,
//! then the plain schema for every other code: generators turn them into
//! a union of types whose code is a literal (openapi-typescript) and of
//! models whose code is a `Literal` (datamodel-code-generator). Not a
//! `discriminator`: its mapping keys are strings, so generators would
//! type an integer code as a string, and it has no fallback for the
//! codes without params or outside the lists; not `if`/`then`, which
//! openapi-typescript types as `unknown`.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use super::schema::Schema;
use super::{BODY_SCHEMA, DESCRIPTION, PROBLEM_SCHEMA, Version};
use crate::emit::yaml::{OrderedMap, Printed};
use errcat_model::params::{Param, ParamType};
use errcat_model::{Body, Catalogue, Code, Row, Table};

/// The name of the enveloped body's members, when rows have params: the
/// bodies with params extend them inside the envelope.
pub const MEMBERS_SCHEMA: &str = "ErrorMembers";

/// The indentation of a schema's entries in a document (`components:`,
/// `schemas:`, its name): the params schemas are printed for it, so that
/// the document copies each whole.
const SCHEMA_INDENT: usize = 6;

/// The union of the bodies with params and the plain body.
pub const TYPED_BODY_SCHEMA: &str = "TypedErrorBody";

/// The union of the problem details with params and the plain ones.
pub const TYPED_PROBLEM_SCHEMA: &str = "TypedProblemDetails";

/// Whether any row declares params of its own: then the documents have
/// the params schemas, the per-row schemas and the typed unions.
pub(super) fn rows_have_params(catalogue: &Catalogue) -> bool {
    catalogue.rows().any(|(_, row)| !row.params.is_empty())
}

/// Each parameterised row with the stem of its schemas' names: its enum
/// and variant (`DbErrorTableMissing`), in table and row order. Two rows
/// whose names join alike (`DbError` + `TableMissing`, `DbErrorTable` +
/// `Missing`), or a stem that would name a union (`Typed` + `Error`), take
/// the first free `_2`, `_3`, …, as a mapping holds a key once.
pub(super) fn parameterised_rows(catalogue: &Catalogue) -> Vec<(&Table, &Row, String)> {
    let rows: Vec<(&Table, &Row, String)> = catalogue
        .rows()
        .filter(|(_, row)| !row.params.is_empty())
        .map(|(table, row)| (table, row, [table.rust_enum.as_str(), &row.rust_variant].concat()))
        .collect();
    // Mostly every stem is free: one look-up a row says so.
    let mut taken: HashSet<&str> = HashSet::with_capacity(rows.len() + RESERVED_STEMS.len());
    taken.extend(RESERVED_STEMS);
    if rows.iter().all(|(_, _, stem)| taken.insert(stem)) {
        return rows;
    }
    numbered_stems(rows)
}

/// The stems of the document's own `ErrorBody`, `ErrorMembers`,
/// `TypedErrorBody`, `KnownCodes` and `UnlistedCodes`.
const RESERVED_STEMS: [&str; 4] = ["Error", "TypedError", "Known", "Unlisted"];

/// `rows` when a stem is taken: each row in turn keeps its own or takes
/// the first free numbered one.
fn numbered_stems<'a>(mut rows: Vec<(&'a Table, &'a Row, String)>) -> Vec<(&'a Table, &'a Row, String)> {
    let mut taken: HashSet<String> = RESERVED_STEMS.map(str::to_owned).into();
    for (_, _, stem) in &mut rows {
        if taken.contains(stem.as_str()) {
            *stem =
                (2..).map(|n| format!("{stem}_{n}")).find(|stem| !taken.contains(stem)).expect("a free name");
        }
        taken.insert(stem.clone());
    }
    rows
}

/// A row's params as its params schema shows them: two rows whose params
/// are equal so share one schema.
#[derive(Clone, Copy)]
struct SchemaOf<'a>(&'a [Param]);

impl SchemaOf<'_> {
    fn shown(param: &Param) -> (&str, ParamType, bool, &str) {
        (&param.name, param.ty, param.required, &param.description)
    }
}

impl PartialEq for SchemaOf<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self.0.iter().zip(other.0).all(|(a, b)| Self::shown(a) == Self::shown(b))
    }
}

impl Eq for SchemaOf<'_> {}

impl Hash for SchemaOf<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_usize(self.0.len());
        for param in self.0 {
            Self::shown(param).hash(state);
        }
    }
}

/// The params schemas of the parameterised rows: the name of each row's
/// (by the index of [`parameterised_rows`]), and whether the row is the
/// first to declare it (whose schema is printed before its bodies).
/// A schema is named after its params' names in upper camel case
/// (`table`, `schema`: `TableSchemaParams`); two lists that name alike
/// (`table_schema` alone, or the same names described otherwise) take
/// the first free `_2`, `_3`, … in row order.
fn shared_params<'a>(rows: &[(&Table, &'a Row, String)]) -> Vec<(Rc<str>, bool)> {
    let mut schemas: HashMap<SchemaOf<'a>, Rc<str>> = HashMap::new();
    let mut taken: HashSet<String> = HashSet::new();
    let mut names: Vec<(Rc<str>, bool)> = Vec::with_capacity(rows.len());
    let mut before: Option<SchemaOf<'a>> = None;
    for (_, row, _) in rows {
        let of = SchemaOf(&row.params);
        // Rows that share params are mostly neighbours: the row before's
        // are compared first, without a hash.
        if let (Some(before), Some((name, _))) = (before, names.last())
            && before == of
        {
            names.push((Rc::clone(name), false));
            continue;
        }
        before = Some(of);
        if let Some(name) = schemas.get(&of) {
            names.push((Rc::clone(name), false));
            continue;
        }
        let mut name = String::new();
        for param in &row.params {
            for word in param.name.split('_') {
                let mut chars = word.chars();
                name.extend(chars.next().map(|first| first.to_ascii_uppercase()));
                name.push_str(chars.as_str());
            }
        }
        name.push_str("Params");
        if taken.contains(&name) {
            let stem = name.strip_suffix("Params").unwrap_or(&name);
            name = (2..)
                .map(|n| format!("{stem}_{n}Params"))
                .find(|name| !taken.contains(name))
                .expect("a free name");
        }
        taken.insert(name.clone());
        let name: Rc<str> = name.into();
        schemas.insert(of, Rc::clone(&name));
        names.push((name, true));
    }
    names
}

/// One param's value, typed, with its description.
pub(super) fn param_schema(param: &Param) -> Schema {
    let (kind, format, items) = match param.ty {
        ParamType::String | ParamType::Boolean => (param.ty.json_type(), None, None),
        ParamType::Integer => ("integer", Some("int64"), None),
        ParamType::Number => ("number", Some("double"), None),
        ParamType::Strings => {
            ("array", None, Some(Box::new(Schema { kind: Some("string"), ..Schema::default() })))
        }
    };
    Schema {
        description: Some(DESCRIPTION.paragraph(&param.description)),
        kind: Some(kind),
        format,
        items,
        ..Schema::default()
    }
}

/// Adds `params` to an object's `properties` and the required ones to its
/// `required`.
pub(super) fn push_params(properties: &mut OrderedMap<Schema>, required: &mut Vec<String>, params: &[Param]) {
    for param in params {
        properties.push(param.name.clone(), param_schema(param));
        if param.required {
            required.push(param.name.clone());
        }
    }
}

/// `<Names>Params`: params that rows share, printed as [`param_schema`]
/// would print each.
fn params_schema(catalogue: &Catalogue, params: &[Param]) -> Printed {
    let mut out = Printed::at(SCHEMA_INDENT, 256 + params.len() * 128);
    let mut title = String::new();
    for param in params {
        if !title.is_empty() {
            title.push_str(", ");
        }
        title.push_str(&param.name);
    }
    title.push_str(" params");
    out.string(0, "title", &title);
    out.string(
        0,
        "description",
        if catalogue.problem_details.is_some() {
            "The params of the codes whose schemas refer to this one: members of their error body \
             beside the others, and extension members of their problem details."
        } else {
            "The params of the codes whose schemas refer to this one: members of their error body \
             beside the others."
        },
    );
    out.string(0, "type", "object");
    if params.iter().any(|param| param.required) {
        out.open(0, "required");
        for param in params.iter().filter(|param| param.required) {
            out.item_string(2, &param.name);
        }
    }
    out.open(0, "properties");
    for param in params {
        out.open(2, &param.name);
        out.string(4, "description", &DESCRIPTION.paragraph(&param.description));
        match param.ty {
            ParamType::String | ParamType::Boolean => out.string(4, "type", param.ty.json_type()),
            ParamType::Integer => {
                out.string(4, "type", "integer");
                out.string(4, "format", "int64");
            }
            ParamType::Number => {
                out.string(4, "type", "number");
                out.string(4, "format", "double");
            }
            ParamType::Strings => {
                out.string(4, "type", "array");
                out.open(4, "items");
                out.string(6, "type", "string");
            }
        }
    }
    out
}

/// What narrows a row's code in its schemas: the document's facts.
struct Codes<'a> {
    catalogue: &'a Catalogue,
    version: Version,
    /// The lines every typed schema ends with, up to its code's: the code
    /// member required, and opened (`required: [KEY]`, `properties: KEY:`).
    code_member: Printed,
}

impl<'a> Codes<'a> {
    /// The facts of a document whose body's code member is `key`.
    fn new(catalogue: &'a Catalogue, key: &str, version: Version) -> Self {
        let mut code_member = Printed::at(SCHEMA_INDENT, 128);
        code_member.open(0, "required");
        code_member.item_string(2, key);
        code_member.open(0, "properties");
        code_member.open(2, key);
        Codes { catalogue, version, code_member }
    }

    /// `base` and the row's params schema joined (`allOf`), with the code
    /// narrowed to the row's: a type of its own for each code, whichever
    /// rows share its params. An `enum` of codes is a schema of its own,
    /// `code_schema`: datamodel-code-generator types a bare one beside the
    /// plain body's code as any code, and a reference as the row's own
    /// enum (an `anyOf` of one would do too, but linters refuse it).
    fn typed(&self, title: &str, base: &str, params: &str, code_schema: &str, row: &Row) -> Printed {
        // Room for its lines at their indentation in the document.
        let mut out = Printed::at(SCHEMA_INDENT, 384);
        out.string(0, "title", title);
        out.open(0, "allOf");
        references(&mut out, 2, [base, params]);
        out.append(&self.code_member);
        if self.version == Version::V3_1 && row.aliases.is_empty() {
            code_entry(&mut out, "const", &row.code);
        } else {
            out.schema_ref(4, code_schema);
        }
        out
    }

    /// Whether the row's code is an `enum` (in 3.0, or with aliases), and
    /// so a schema of its own that its bodies refer to.
    fn named(&self, row: &Row) -> bool {
        self.version == Version::V3_0 || !row.aliases.is_empty()
    }

    /// `<Enum><Variant>Codes`: the row's code and its aliases, typed.
    fn schema(&self, row: &Row) -> Printed {
        let mut out = Printed::at(SCHEMA_INDENT, 64);
        let kind = match self.catalogue.codes {
            errcat_model::CodeKind::Integer => "integer",
            errcat_model::CodeKind::String => "string",
        };
        out.string(0, "type", kind);
        codes_entry(&mut out, 0, row);
        out
    }
}

/// `key: code`, at the indentation of a property's schema.
fn code_entry(out: &mut Printed, key: &str, code: &Code) {
    match code {
        Code::Integer(code) => out.plain(4, key, code),
        Code::String(code) => out.string(4, key, code),
    }
}

/// `enum:` of the row's code and its aliases, at `indent`.
fn codes_entry(out: &mut Printed, indent: usize, row: &Row) {
    out.open(indent, "enum");
    for code in std::iter::once(&row.code).chain(&row.aliases) {
        match code {
            Code::Integer(code) => out.item_plain(indent + 2, code),
            Code::String(code) => out.item_string(indent + 2, code),
        }
    }
}

/// `$ref` items to the schemas `names`, at `indent`.
fn references<'a>(out: &mut Printed, indent: usize, names: impl IntoIterator<Item = &'a str>) {
    for name in names {
        out.item_schema_ref(indent, name);
    }
}

/// `name` and `what` one after the other, in `buffer`.
fn titled<'b>(buffer: &'b mut String, name: &str, what: &str) -> &'b str {
    buffer.clear();
    buffer.push_str(name);
    buffer.push_str(what);
    buffer
}

/// A union of schemas, `anyOf`, its references to come: `item_schema_ref(2, …)`.
fn union(title: &str, description: &str, names: usize) -> Printed {
    let mut out = Printed::at(SCHEMA_INDENT, 256 + names * 48);
    out.string(0, "title", title);
    out.string(0, "description", description);
    out.open(0, "anyOf");
    out
}

/// The params schemas, each before the first row's that declares it, and
/// every parameterised row's schemas, then the typed unions, in table and
/// row order, to follow the plain body and problem details: printed as
/// text, as they are many and alike (a catalogue may give every row params).
pub(super) fn params_schemas(catalogue: &Catalogue, body: &Body, version: Version) -> OrderedMap<Printed> {
    let codes = Codes::new(catalogue, &body.code().key, version);
    let rows = parameterised_rows(catalogue);
    let per_row = 1 + usize::from(body.envelope.is_some()) + usize::from(catalogue.problem_details.is_some());
    let mut schemas = OrderedMap(Vec::with_capacity(rows.len() * (per_row + 1) + 2));
    // The unions' references are written as the rows come, each name once.
    let mut bodies = union(
        "Typed error body",
        "An error body, typed by its code: the body with a row's params for a code that has \
         them, the plain `ErrorBody` for every other code.",
        rows.len(),
    );
    let mut problems = catalogue.problem_details.as_ref().map(|_| {
        union(
            "Typed problem details",
            "Problem details, typed by their code: with a row's params as extension members \
             for a code that has them, the plain `ProblemDetails` for every other code.",
            rows.len(),
        )
    });
    // One buffer for every title: a catalogue may give every row params.
    let mut title = String::new();
    for ((_, row, stem), (params, first)) in rows.iter().zip(shared_params(&rows)) {
        if first {
            schemas.push(params.to_string(), params_schema(catalogue, &row.params));
        }
        // Named only where the row's bodies refer to it.
        let code_schema = if codes.named(row) {
            let name = [stem.as_str(), "Codes"].concat();
            schemas.push(name.clone(), codes.schema(row));
            name
        } else {
            String::new()
        };
        let name = [stem.as_str(), "Body"].concat();
        let with_params = match &body.envelope {
            None => codes.typed(
                titled(&mut title, &row.name, " error body"),
                BODY_SCHEMA,
                &params,
                &code_schema,
                row,
            ),
            Some(key) => {
                // Named, so that generators name its type after the row.
                let members = [stem.as_str(), "Members"].concat();
                let typed = codes.typed(
                    titled(&mut title, &row.name, " error members"),
                    MEMBERS_SCHEMA,
                    &params,
                    &code_schema,
                    row,
                );
                let mut outer = Printed::at(SCHEMA_INDENT, 160);
                outer.string(0, "title", titled(&mut title, &row.name, " error body"));
                outer.string(0, "type", "object");
                outer.open(0, "required");
                outer.item_string(2, key);
                outer.open(0, "properties");
                outer.open(2, key);
                outer.schema_ref(4, &members);
                schemas.push(members, typed);
                outer
            }
        };
        bodies.item_schema_ref(2, &name);
        schemas.push(name, with_params);
        if let Some(problems) = &mut problems {
            let name = [stem.as_str(), "Problem"].concat();
            problems.item_schema_ref(2, &name);
            let title = titled(&mut title, &row.name, " problem details");
            schemas.push(name, codes.typed(title, PROBLEM_SCHEMA, &params, &code_schema, row));
        }
    }
    bodies.item_schema_ref(2, BODY_SCHEMA);
    schemas.push(TYPED_BODY_SCHEMA, bodies);
    if let Some(mut problems) = problems {
        problems.item_schema_ref(2, PROBLEM_SCHEMA);
        schemas.push(TYPED_PROBLEM_SCHEMA, problems);
    }
    schemas
}
