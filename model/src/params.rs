//! Typed parameters and message templates: the data an error carries.
//!
//! A row declares its params (and the catalogue those every error carries)
//! and may give a `message:` template that shows them, in the syntax of
//! Unicode MessageFormat 2's simple messages: `Table '{$table}' doesn't
//! exist`, with `\{`, `\}`, `\|` and `\\` for the characters themselves.

use crate::plural::{Select, is_complex, parse_select};
use crate::source::SpecPath;

/// What a param holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ParamType {
    /// Text.
    String,
    /// A whole number (a 64-bit signed integer).
    Integer,
    /// A number (a 64-bit float).
    Number,
    /// `true` or `false`.
    Boolean,
    /// A list of texts; data only, never shown in a message.
    Strings,
}

impl ParamType {
    /// Every type, in the order the docs list them.
    pub const ALL: [ParamType; 5] =
        [ParamType::String, ParamType::Integer, ParamType::Number, ParamType::Boolean, ParamType::Strings];

    /// The spec's word for it (`type: integer`), also the lock's.
    pub fn keyword(self) -> &'static str {
        match self {
            ParamType::String => "string",
            ParamType::Integer => "integer",
            ParamType::Number => "number",
            ParamType::Boolean => "boolean",
            ParamType::Strings => "strings",
        }
    }

    /// The type its spec word names.
    pub fn from_keyword(keyword: &str) -> Option<ParamType> {
        ParamType::ALL.into_iter().find(|ty| ty.keyword() == keyword)
    }

    /// The JSON Schema type of its value (`array` of strings for [`ParamType::Strings`]).
    pub fn json_type(self) -> &'static str {
        match self {
            ParamType::Strings => "array",
            ty => ty.keyword(),
        }
    }

    /// Whether a message template may show it: every type but a list.
    pub fn shown_in_text(self) -> bool {
        self != ParamType::Strings
    }
}

/// One declared param: a typed member of an error's data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// The name (`table`), the same in Rust, JSON and every template.
    pub name: String,
    /// What it holds.
    pub ty: ParamType,
    /// What it is, verbatim.
    pub description: String,
    /// Whether every occurrence carries it.
    pub required: bool,
    /// Whether it is data only, on purpose absent from the row's message.
    pub data_only: bool,
    /// Where it is declared.
    pub at: SpecPath,
}

/// A message template, parsed: text and placeholders in order, or a
/// selection of such patterns by an integer param (`plural/message.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// The template as the spec writes it, escapes and all.
    pub source: String,
    /// Its pieces, with escapes resolved (of a selection, its `*` variant's).
    pub pieces: Vec<Piece>,
    /// The variants and the param that selects one, for a complex message.
    pub select: Option<Select>,
}

/// A piece of a [`Template`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text shown as it is (escapes resolved).
    Text(String),
    /// The value of the param of this name.
    Param(String),
}

impl Template {
    /// The names of the params it shows, in order of first use (the
    /// selector first, then those of every variant).
    pub fn placeholders(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        let variants = self.select.iter().flat_map(|select| &select.variants);
        let pieces = variants.flat_map(|variant| &variant.pieces).chain(&self.pieces);
        if let Some(select) = &self.select {
            names.push(&select.param);
        }
        for piece in pieces {
            if let Piece::Param(name) = piece
                && !names.contains(&name.as_str())
            {
                names.push(name);
            }
        }
        names
    }

    /// The template as people read it: as written, or a selection with each
    /// variant on a line of its own (`lines`), or on one line (`!lines`)
    /// where a line break cannot go, as in a table's cell.
    pub fn shown(&self, lines: bool) -> String {
        match &self.select {
            Some(select) => select.lines().join(if lines { "\n" } else { " " }),
            None => self.source.clone(),
        }
    }

    /// The message with each placeholder replaced by `value(name)` (of a
    /// selection, the variant `value` of the selector chooses).
    pub fn render(&self, mut value: impl FnMut(&str) -> String) -> String {
        self.render_with(|name, out| out.push_str(&value(name)))
    }

    /// As `render`, with `value(name, out)` appending each value to the
    /// message rather than returning a `String` of its own: the docs
    /// render every row's message several times.
    pub fn render_with(&self, mut value: impl FnMut(&str, &mut String)) -> String {
        let mut out = String::with_capacity(self.source.len());
        let pieces = match &self.select {
            Some(select) => {
                value(&select.param, &mut out);
                let count = out.parse::<i64>().unwrap_or_default();
                out.clear();
                &select.variant(count).pieces
            }
            None => &self.pieces,
        };
        for piece in pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Param(name) => value(name, &mut out),
            }
        }
        out
    }
}

/// Why a template cannot be read, and where (a byte offset into it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// The byte offset of the fault.
    pub at: usize,
    /// What is wrong.
    pub problem: String,
    /// How to fix it.
    pub help: String,
}

/// Parses a message template: a complex message that selects by an
/// integer param (`plural/message.rs`), or else a simple message.
pub fn parse_template(source: &str) -> Result<Template, TemplateError> {
    if !is_complex(source) {
        return parse_simple(source);
    }
    let select = parse_select(source)?;
    let pieces = select.catch_all().pieces.clone();
    Ok(Template { source: source.to_owned(), pieces, select: Some(select) })
}

/// Parses a MessageFormat 2 simple message: text, `{$name}` placeholders
/// (spaces allowed inside the braces), and the escapes `\{ \} \| \\`.
pub fn parse_simple(source: &str) -> Result<Template, TemplateError> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = source.char_indices().peekable();
    let fail = |at: usize, problem: &str, help: &str| {
        Err(TemplateError { at, problem: problem.to_owned(), help: help.to_owned() })
    };
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some((_, escaped @ ('{' | '}' | '|' | '\\'))) => text.push(escaped),
                _ => {
                    return fail(
                        at,
                        "a `\\` escapes nothing it may escape",
                        "write `\\\\` for a backslash; only `\\{`, `\\}`, `\\|` and `\\\\` are escapes",
                    );
                }
            },
            '}' => {
                return fail(
                    at,
                    "a `}` closes no placeholder",
                    "write `\\}` for a brace in the text, or open the placeholder with `{$`",
                );
            }
            '{' => {
                let Some(close) = source[at..].find('}').map(|end| at + end) else {
                    return fail(
                        at,
                        "a `{` opens a placeholder that is never closed",
                        "close it, as in `{$name}`, or write `\\{` for a brace in the text",
                    );
                };
                let inside = source[at + 1..close].trim_matches(' ');
                let Some(name) = inside.strip_prefix('$').filter(|name| !name.is_empty()) else {
                    return fail(
                        at,
                        "a placeholder names no param",
                        "write the param's name after a `$`, as in `{$table}`, or `\\{` for a brace in the text",
                    );
                };
                if name.contains([' ', ':', '@', '{']) {
                    return fail(
                        at,
                        "a placeholder has more than a param's name",
                        "write only `{$name}`: functions, options and attributes are not supported",
                    );
                }
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(Piece::Param(name.to_owned()));
                while chars.next_if(|&(i, _)| i <= close).is_some() {}
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(Template { source: source.to_owned(), pieces, select: None })
}

/// Whether `name` is a param name: lowercase ASCII snake_case starting
/// with a letter, so it is the same identifier in Rust, JSON, YAML,
/// OpenAPI, TypeScript and Python.
pub fn is_param_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !name.ends_with('_')
        && !name.contains("__")
}

/// The language that reserves `name` as a word, if one does: a field of
/// that name would not compile, or need escaping, in its generated code.
pub fn reserved_by(name: &str) -> Option<&'static str> {
    const RUST: &[&str] = &[
        "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do",
        "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
        "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "self",
        "static", "struct", "super", "trait", "true", "try", "type", "typeof", "union", "unsafe", "unsized",
        "use", "virtual", "where", "while", "yield",
    ];
    const TYPESCRIPT: &[&str] = &[
        "case",
        "catch",
        "class",
        "debugger",
        "default",
        "delete",
        "export",
        "extends",
        "finally",
        "function",
        "instanceof",
        "new",
        "null",
        "switch",
        "this",
        "throw",
        "typeof",
        "var",
        "void",
        "with",
        "implements",
        "interface",
        "package",
        "private",
        "protected",
        "public",
    ];
    const PYTHON: &[&str] = &[
        "and", "assert", "def", "del", "elif", "except", "from", "global", "import", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise",
    ];
    [("Rust", RUST), ("TypeScript", TYPESCRIPT), ("Python", PYTHON)]
        .into_iter()
        .find(|(_, words)| words.contains(&name))
        .map(|(language, _)| language)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(source: &str) -> Vec<Piece> {
        parse_template(source).expect("parses").pieces
    }

    #[test]
    fn placeholders_and_text_alternate() {
        assert_eq!(
            pieces("Table '{$table}' doesn't exist"),
            [
                Piece::Text("Table '".into()),
                Piece::Param("table".into()),
                Piece::Text("' doesn't exist".into())
            ]
        );
        assert_eq!(pieces("{ $a }{$b}"), [Piece::Param("a".into()), Piece::Param("b".into())]);
        assert_eq!(pieces(""), []);
    }

    #[test]
    fn escapes_are_the_characters_themselves() {
        assert_eq!(pieces(r"\{not\} a \| \\"), [Piece::Text(r"{not} a | \".into())]);
    }

    #[test]
    fn faults_are_found_where_they_are() {
        let at = |source: &str| parse_template(source).expect_err(source).at;
        assert_eq!(at("ab {$x"), 3);
        assert_eq!(at("a } b"), 2);
        assert_eq!(at(r"a \n"), 2);
        assert_eq!(at("{x}"), 0);
        assert_eq!(at("x {$n :number}"), 2);
        assert_eq!(at("{}"), 0);
    }

    #[test]
    fn a_template_renders_and_lists_its_params_once() {
        let template = parse_template("{$a} and {$b}, {$a} again").expect("parses");
        assert_eq!(template.placeholders(), ["a", "b"]);
        assert_eq!(template.render(str::to_uppercase), "A and B, A again");
        assert_eq!(template.render(|name| format!("{{{name}}}")), "{a} and {b}, {a} again");
    }

    #[test]
    fn names_are_one_identifier_everywhere() {
        for name in ["table", "request_id", "x1"] {
            assert!(is_param_name(name), "{name}");
        }
        for name in ["", "Table", "1x", "_x", "x_", "a__b", "requestId", "naïve", "a-b"] {
            assert!(!is_param_name(name), "{name}");
        }
        assert_eq!(reserved_by("type"), Some("Rust"));
        assert_eq!(reserved_by("class"), Some("TypeScript"));
        assert_eq!(reserved_by("lambda"), Some("Python"));
        assert_eq!(reserved_by("table"), None);
    }

    #[test]
    fn types_round_trip_their_keywords() {
        for ty in ParamType::ALL {
            assert_eq!(ParamType::from_keyword(ty.keyword()), Some(ty));
        }
        assert!(!ParamType::Strings.shown_in_text());
        assert_eq!(ParamType::Strings.json_type(), "array");
    }
}
