//! A message that selects a variant by an integer param: the subset of
//! Unicode MessageFormat 2's complex messages a template may be,
//!
//! ```text
//! .input {$count :integer}
//! .match $count
//! 0   {{No file is open}}
//! one {{{$count} file is open}}
//! *   {{{$count} files are open}}
//! ```
//!
//! one `.input` declaring the selector with `:integer` (no options), one
//! `.match` on it, and variants keyed by one key each: an exact count
//! (`0`), a CLDR plural category (`zero`, `one`, `two`, `few`, `many`), or
//! `*`, which every message has and which is the `other` case. Each
//! variant's quoted pattern is a simple message (`params.rs`).

use super::{Category, PluralRules};
use crate::params::{Piece, TemplateError, parse_simple};

/// A message's selection: its selector and its variants, in spec order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Select {
    /// The integer param it selects by.
    pub param: String,
    /// Its variants, as the spec lists them (exactly one keyed `*`).
    pub variants: Vec<Variant>,
    /// The plural rules of the message's locale, once checked against it.
    pub rules: Option<PluralRules>,
}

/// One variant of a [`Select`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// When it is chosen.
    pub key: VariantKey,
    /// Its pattern, escapes resolved.
    pub pieces: Vec<Piece>,
    /// Its pattern as the spec writes it, between `{{` and `}}`.
    pub source: String,
    /// The byte offset of its key in the message.
    pub at: usize,
}

/// What chooses a [`Variant`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum VariantKey {
    /// The count is this number.
    Exact(u64),
    /// The count is of this category in the message's locale.
    Category(Category),
    /// `*`: any other count.
    Other,
}

impl VariantKey {
    /// The key as a message writes it (`0`, `few`, `*`).
    pub fn text(self) -> String {
        match self {
            VariantKey::Exact(n) => n.to_string(),
            VariantKey::Category(category) => category.keyword().to_owned(),
            VariantKey::Other => "*".to_owned(),
        }
    }
}

impl Select {
    /// The variant for `count`: MessageFormat 2's preference of an exact
    /// key over the count's category in the message's locale over `*`.
    pub fn variant(&self, count: i64) -> &Variant {
        let category = self.rules.map_or(Category::Other, |rules| rules.category(count));
        let exact = u64::try_from(count).ok().map(VariantKey::Exact);
        let find = |key: Option<VariantKey>| self.variants.iter().find(|variant| Some(variant.key) == key);
        find(exact)
            .or_else(|| find(Some(VariantKey::Category(category))))
            .or_else(|| find(Some(VariantKey::Other)))
            .unwrap_or(&self.variants[0])
    }

    /// The selection as people read it: the declaration, `.match`, and
    /// each variant on a line of its own, in spec order.
    pub fn lines(&self) -> Vec<String> {
        let mut lines =
            vec![format!(".input {{${} :integer}}", self.param), format!(".match ${}", self.param)];
        let width = self.variants.iter().map(|variant| variant.key.text().len()).max().unwrap_or(0);
        for variant in &self.variants {
            lines.push(format!("{:<width$} {{{{{}}}}}", variant.key.text(), variant.source));
        }
        lines
    }

    /// The `*` variant.
    pub fn catch_all(&self) -> &Variant {
        self.variants.iter().find(|variant| variant.key == VariantKey::Other).unwrap_or(&self.variants[0])
    }

    /// The variants in the order a `match` tries them: exact counts, then
    /// categories, then `*`.
    pub fn by_preference(&self) -> Vec<&Variant> {
        let mut variants: Vec<&Variant> = self.variants.iter().collect();
        variants.sort_by_key(|variant| variant.key);
        variants
    }
}

/// Whether `source` is a complex message (it starts with a declaration or
/// `.match`), which [`parse_select`] reads; anything else is a simple one.
pub fn is_complex(source: &str) -> bool {
    let start = source.trim_start();
    [".input", ".local", ".match"].iter().any(|keyword| start.starts_with(keyword))
}

/// Reads a complex message: its selection, each variant's pattern parsed.
pub fn parse_select(source: &str) -> Result<Select, TemplateError> {
    let mut reader = Reader { source, at: 0 };
    reader.space();
    if reader.rest().starts_with(".local") {
        return reader.fail(
            "`.local` declarations are not supported",
            "declare the selector with `.input {$count :integer}` and show params as they are",
        );
    }
    reader
        .keyword(".input", "start with `.input {$count :integer}`, naming the integer param to select by")?;
    reader.space();
    reader.expect('{', "write the declaration as `.input {$count :integer}`")?;
    reader.space();
    reader.expect('$', "write the declaration as `.input {$count :integer}`")?;
    let declared = reader.name();
    reader.space();
    if !reader.rest().starts_with(":integer") {
        return reader.fail(
            "the selector is not declared `:integer`",
            "declare it as `.input {$count :integer}`: a message selects only by an integer param",
        );
    }
    reader.at += ":integer".len();
    reader.space();
    reader.expect('}', "write only `{$count :integer}`: options and attributes are not supported")?;
    reader.space();
    if reader.rest().starts_with(".input") || reader.rest().starts_with(".local") {
        return reader
            .fail("a message declares one selector", "select by one param: remove the other declaration");
    }
    reader.keyword(".match", "follow the declaration with `.match $count` and the variants")?;
    reader.space();
    let selector_at = reader.at;
    reader.expect('$', "write the selector as `.match $count`")?;
    let selector = reader.name();
    if selector != declared {
        return Err(TemplateError {
            at: selector_at,
            problem: format!("`.match` selects by `${selector}`, which `.input` does not declare"),
            help: format!("select by the declared param: `.match ${declared}`"),
        });
    }
    let mut variants: Vec<Variant> = Vec::new();
    loop {
        reader.space();
        if reader.rest().is_empty() {
            break;
        }
        if reader.rest().starts_with('$') {
            return reader
                .fail("a message selects by one param", "select by one param, with one key per variant");
        }
        let variant = reader.variant()?;
        if variants.iter().any(|earlier| earlier.key == variant.key) {
            return Err(TemplateError {
                at: variant.at,
                problem: format!("the key `{}` has two variants", variant.key.text()),
                help: "keep one variant per key".to_owned(),
            });
        }
        variants.push(variant);
    }
    if !variants.iter().any(|variant| variant.key == VariantKey::Other) {
        return Err(TemplateError {
            at: selector_at,
            problem: "the message has no `*` variant".to_owned(),
            help: "add the variant for every other count, e.g. `* {{{$count} items}}`".to_owned(),
        });
    }
    if variants.len() == 1 {
        return Err(TemplateError {
            at: variants[0].at,
            problem: "the message selects nothing: its one variant is `*`".to_owned(),
            help: "write the pattern as a simple message, without `.input` and `.match`".to_owned(),
        });
    }
    Ok(Select { param: selector, variants, rules: None })
}

/// A cursor over a complex message.
struct Reader<'a> {
    source: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn rest(&self) -> &'a str {
        &self.source[self.at..]
    }

    fn space(&mut self) {
        let rest = self.rest();
        self.at += rest.len() - rest.trim_start().len();
    }

    fn fail<T>(&self, problem: &str, help: &str) -> Result<T, TemplateError> {
        Err(TemplateError { at: self.at, problem: problem.to_owned(), help: help.to_owned() })
    }

    fn keyword(&mut self, keyword: &str, help: &str) -> Result<(), TemplateError> {
        if !self.rest().starts_with(keyword) {
            return self.fail(&format!("expected `{keyword}`"), help);
        }
        self.at += keyword.len();
        Ok(())
    }

    fn expect(&mut self, c: char, help: &str) -> Result<(), TemplateError> {
        if !self.rest().starts_with(c) {
            return self.fail(&format!("expected `{c}`"), help);
        }
        self.at += c.len_utf8();
        Ok(())
    }

    /// A param's name: its characters up to a space, brace or colon.
    fn name(&mut self) -> String {
        let rest = self.rest();
        let end = rest.find(|c: char| c.is_whitespace() || "{}:$".contains(c)).unwrap_or(rest.len());
        self.at += end;
        rest[..end].to_owned()
    }

    /// One key and its quoted pattern.
    fn variant(&mut self) -> Result<Variant, TemplateError> {
        let at = self.at;
        let rest = self.rest();
        let end = rest.find(|c: char| c.is_whitespace() || c == '{').unwrap_or(rest.len());
        let word = &rest[..end];
        let key = match word {
            "*" => VariantKey::Other,
            "other" => return self.fail("the key `other` is written `*`", "write `*` for every other count"),
            _ if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) => match word.parse::<u64>() {
                Ok(n) if word == n.to_string() && i64::try_from(n).is_ok() => VariantKey::Exact(n),
                _ => {
                    return self.fail(
                        &format!("the key `{word}` is no count an integer param holds"),
                        "write a count as digits without leading zeros, at most 9223372036854775807",
                    );
                }
            },
            _ => match super::Category::from_keyword(word) {
                Some(category) => VariantKey::Category(category),
                None => {
                    let shown: String = word.chars().take(16).collect();
                    return self.fail(
                        &format!("`{shown}` is not a variant's key"),
                        "key each variant by a count (`0`), a plural category (`zero`, `one`, `two`, `few`, `many`) \
                         or `*`, followed by its pattern in `{{…}}`",
                    );
                }
            },
        };
        self.at += end;
        self.space();
        if !self.rest().starts_with("{{") {
            return self
                .fail("a variant's pattern is not quoted", "write the pattern in double braces: `{{…}}`");
        }
        self.at += 2;
        let start = self.at;
        let end = self.pattern_end()?;
        let source = self.source[start..end].to_owned();
        let pieces =
            parse_simple(&source).map_err(|fault| TemplateError { at: start + fault.at, ..fault })?.pieces;
        self.at = end + 2;
        Ok(Variant { key, pieces, source, at })
    }

    /// Where the quoted pattern from here ends (its `}}`).
    fn pattern_end(&self) -> Result<usize, TemplateError> {
        let mut chars = self.rest().char_indices();
        let mut in_placeholder = false;
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '{' => in_placeholder = true,
                '}' if in_placeholder => in_placeholder = false,
                '}' => {
                    return if self.rest()[i + 1..].starts_with('}') {
                        Ok(self.at + i)
                    } else {
                        Err(TemplateError {
                            at: self.at + i,
                            problem: "a `}` closes no placeholder".to_owned(),
                            help: "end the pattern with `}}`, or write `\\}` for a brace in the text"
                                .to_owned(),
                        })
                    };
                }
                _ => {}
            }
        }
        self.fail("a variant's pattern is never closed", "close it with `}}`")
    }
}
