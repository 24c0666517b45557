//! CLDR plural rules for integers: each locale's categories and the rule
//! that picks one for a count, as a function the model calls and as the
//! Rust text a generated crate compiles in (`cldr.rs`, written by
//! `model/cldr/convert.py` from the vendored `plurals.json`).
//!
//! A message that selects on an integer param (`message.rs`) picks its
//! variant with the rule of its locale: an exact number first, then the
//! count's category, then `*`.

mod check;
#[rustfmt::skip]
mod cldr;
mod message;

pub use check::check_select;
pub use message::{Select, Variant, VariantKey, is_complex, parse_select};

/// A CLDR plural category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// `zero`.
    Zero,
    /// `one`.
    One,
    /// `two`.
    Two,
    /// `few`.
    Few,
    /// `many`.
    Many,
    /// `other`.
    Other,
}

impl Category {
    /// Every category, in CLDR's order.
    pub const ALL: [Category; 6] =
        [Category::Zero, Category::One, Category::Two, Category::Few, Category::Many, Category::Other];

    /// CLDR's keyword for it (`few`), the key a message's variant writes.
    pub fn keyword(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }

    /// The category its keyword names.
    pub fn from_keyword(keyword: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|category| category.keyword() == keyword)
    }

    /// Its name as a Rust variant (`Few`), in a generated crate's `Category`.
    pub fn variant(self) -> &'static str {
        match self {
            Category::Zero => "Zero",
            Category::One => "One",
            Category::Two => "Two",
            Category::Few => "Few",
            Category::Many => "Many",
            Category::Other => "Other",
        }
    }
}

/// One distinct rule of CLDR's.
struct Rule {
    select: fn(u64) -> Category,
    body: &'static str,
}

/// One CLDR locale's plural data.
struct Locale {
    tag: &'static str,
    categories: &'static [Category],
    rule: usize,
}

/// The plural rules of a language, for integer counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PluralRules {
    tag: &'static str,
    categories: &'static [Category],
    rule: usize,
}

impl PluralRules {
    /// The rules of a BCP 47 tag: CLDR's locale of that tag, or of the tag
    /// shortened from the end (`de-AT` is `de`'s, `pt-PT` its own), or
    /// CLDR's root (only `other`) for a language CLDR does not list.
    pub fn for_tag(tag: &str) -> PluralRules {
        let mut tag = tag;
        loop {
            if let Some(locale) = cldr::LOCALES.iter().find(|locale| locale.tag == tag) {
                return PluralRules { tag: locale.tag, categories: locale.categories, rule: locale.rule };
            }
            match tag.rfind('-') {
                Some(end) => tag = &tag[..end],
                None => break,
            }
        }
        let other = cldr::RULES.iter().position(|rule| rule.body == OTHER).unwrap_or_default();
        PluralRules { tag: "root", categories: &[Category::Other], rule: other }
    }

    /// CLDR's tag whose rules these are (`pl`, `root`).
    pub fn tag(&self) -> &'static str {
        self.tag
    }

    /// The categories the language has, in CLDR's order (`other` last).
    pub fn categories(&self) -> &'static [Category] {
        self.categories
    }

    /// The categories the rule gives some integer, in CLDR's order (Polish
    /// gives `other` only to decimals, Lithuanian `many`).
    pub fn integer_categories(&self) -> Vec<Category> {
        let body = self.body();
        Category::ALL
            .into_iter()
            .filter(|category| body.contains(&format!("Category::{}", category.variant())))
            .collect()
    }

    /// The category of `count` (of its absolute value, as CLDR's `n`).
    pub fn category(&self, count: i64) -> Category {
        (cldr::RULES[self.rule].select)(count.unsigned_abs())
    }

    /// The rule as a Rust expression over `n: u64` naming `Category::…`,
    /// the body of the generated crate's function for the language.
    pub fn body(&self) -> &'static str {
        cldr::RULES[self.rule].body
    }

    /// Whether the rule reads the count at all (every count of Japanese is `other`).
    pub fn reads_count(&self) -> bool {
        self.body() != OTHER
    }
}

/// The body of the rule of a language without plurals.
const OTHER: &str = "Category::Other";

#[cfg(test)]
mod tests;
