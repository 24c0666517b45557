//! How a table finds a row by its code or its name: through a hash table
//! built here, or a `match` where the table is small or no hash table can
//! be built for its keys.

use proc_macro2::TokenStream;
use quote::quote;

use super::code_tokens;
use super::other_names::{has_other_names, name_keys};
use crate::phf::rows::{self, RowIndex};
use crate::phf::{self, NameHash, Phf};
use crate::tokens::ident;
use errcat_model::{Catalogue, Code, CodeKind, Table};

/// Tables up to this many rows find names with a `match`, which rustc
/// compiles to a switch on the length and one compare: faster than any
/// hash for so few names (see BENCHMARKS.md), and cheap to compile.
const NAME_MATCH_LIMIT: usize = 16;

/// A table's hash tables, each with the bytes of a name it hashes (for
/// integer codes, `Ends`, unused); `None` where the lookup is a `match`.
pub(crate) struct Lookups {
    pub by_code: Option<(Phf, NameHash)>,
    pub by_name: Option<(Phf, NameHash)>,
    /// An integer-code table's row of a code, for the getters, where one
    /// small enough is found.
    pub row_index: Option<RowIndex>,
    /// A hashed string-code table whose codes are all at most
    /// [`ENDS_LIMIT`] bytes long: `from_code` compares a code's length and
    /// the words `phf::ends` reads, not its text (the crate needs `ends`).
    pub by_ends: bool,
}

/// The longest string codes compared by their length and ends: two words
/// cover 16 bytes. A table with longer codes compares the text (`==`,
/// one `bcmp` call): measured on 1,000 codes of 10 to 51 bytes, comparing
/// the ends first and then the rest costs more than `bcmp` saves (see
/// BENCHMARKS.md, "String `from_code`: codes compared by their ends").
pub(super) const ENDS_LIMIT: usize = 16;

impl Lookups {
    /// Builds the hash tables a table's lookups read. Hash tables are
    /// used always for integer codes (the hash of a number costs less than
    /// a `match` on a thousand), and for string codes and names past
    /// `NAME_MATCH_LIMIT` keys; and only where the builder finds one.
    pub(crate) fn of(catalogue: &Catalogue, table: &Table) -> Lookups {
        let keys = code_keys(table);
        let mut row_index = None;
        let mut by_ends = false;
        let by_code = match catalogue.codes {
            CodeKind::Integer => {
                let codes: Vec<u32> = keys.iter().filter_map(|(code, _)| code.integer()).collect();
                // The rows' own codes come first: a variant's discriminant is one of them.
                row_index = rows::build(&codes[..table.rows.len()]);
                phf::build(codes.len(), |i, seed| phf::hash_code(codes[i], seed))
                    .map(|phf| (phf, NameHash::Ends))
            }
            CodeKind::String if keys.len() > NAME_MATCH_LIMIT => {
                let codes: Vec<&str> = keys
                    .iter()
                    .filter_map(|(code, _)| match code {
                        Code::String(code) => Some(code.as_str()),
                        Code::Integer(_) => None,
                    })
                    .collect();
                by_ends = codes.iter().all(|code| code.len() <= ENDS_LIMIT);
                phf::build_names(&codes)
            }
            CodeKind::String => None,
        };
        let others = name_keys(table);
        let by_name = if table.rows.len() + others.len() > NAME_MATCH_LIMIT {
            let names = table.rows.iter().map(|row| row.name.as_str());
            phf::build_names(&names.chain(others.iter().map(|&(name, _)| name)).collect::<Vec<_>>())
        } else {
            None
        };
        by_ends &= by_code.is_some();
        Lookups { by_code, by_name, row_index, by_ends }
    }

    /// Whether a lookup hashes a name or a string code: the crate needs `hash_name`.
    pub(crate) fn hash_names(&self, catalogue: &Catalogue) -> bool {
        self.by_name.is_some() || (catalogue.codes == CodeKind::String && self.by_code.is_some())
    }

    /// Whether a lookup hashes an integer code: the crate needs `hash_code`.
    pub(crate) fn hash_codes(&self, catalogue: &Catalogue) -> bool {
        catalogue.codes == CodeKind::Integer && self.by_code.is_some()
    }
}

/// `from_code`'s keys: every row's code, then every alias, each with its row.
pub(super) fn code_keys(table: &Table) -> Vec<(&Code, usize)> {
    let codes = table.rows.iter().enumerate().map(|(r, row)| (&row.code, r));
    let aliases =
        table.rows.iter().enumerate().flat_map(|(r, row)| row.aliases.iter().map(move |alias| (alias, r)));
    codes.chain(aliases).collect()
}

/// The body of `from_code`, for a code hashed with `hash`.
pub(super) fn from_code_body(
    table: &Table,
    lookups: &Lookups,
    catalogue_codes: CodeKind,
    hash: &TokenStream,
) -> TokenStream {
    if lookups.by_code.is_none() {
        let arms = table.rows.iter().map(|row| {
            let keys = std::iter::once(&row.code).chain(&row.aliases).map(code_tokens);
            let variant = ident(&row.rust_variant);
            quote! { #(#keys)|* => ::core::option::Option::Some(Self::#variant), }
        });
        return quote! {
            match code {
                #(#arms)*
                _ => ::core::option::Option::None,
            }
        };
    }
    if lookups.by_ends {
        // Each slot holds its code's length and ends (`write_ends_by_slot`):
        // the words the hash loaded are the compare, with no call.
        return quote! {
            let hash = #hash;
            let slot = phf::slot(hash, Self::CODE_PILOTS, Self::CODE_VARIANTS.len());
            let (first, last) = phf::ends(code);
            if code.len() == Self::CODE_LENS[slot] as usize
                && first == Self::CODE_FIRSTS[slot]
                && last == Self::CODE_LASTS[slot]
            {
                ::core::option::Option::Some(Self::CODE_VARIANTS[slot])
            } else {
                ::core::option::Option::None
            }
        };
    }
    if catalogue_codes == CodeKind::String {
        // Each slot holds its key and variant (`write_keys_by_slot`): no
        // key index to read, no branch for aliases.
        return quote! {
            let hash = #hash;
            let slot = phf::slot(hash, Self::CODE_PILOTS, Self::CODE_KEYS.len());
            if Self::CODE_KEYS[slot] == code {
                ::core::option::Option::Some(Self::CODE_VARIANTS[slot])
            } else {
                ::core::option::Option::None
            }
        };
    }
    quote! {
        let hash = #hash;
        let slot = phf::slot(hash, Self::CODE_PILOTS, Self::CODE_SLOTS.len());
        // Slots hold key indexes: a row's code, or past the rows an alias.
        let key = Self::CODE_SLOTS[slot] as usize;
        let rows = Self::CODES.len();
        let (found, row) = if key < rows {
            (Self::CODES[key], key)
        } else {
            (Self::ALIAS_CODES[key - rows], Self::ALIAS_ROWS[key - rows])
        };
        if found == code {
            ::core::option::Option::Some(Self::ALL[row])
        } else {
            ::core::option::Option::None
        }
    }
}

/// The body of an integer-code table's `row`: through the slot array of the
/// variant's own code (`phf::rows`), else the hash table of `from_code`, or
/// a `match` where there is neither.
pub(super) fn integer_row_body(table: &Table, lookups: &Lookups) -> TokenStream {
    if lookups.row_index.is_some() {
        return quote! {
            Self::ROW_OF[((self as u32).wrapping_mul(Self::ROW_MULTIPLIER) >> Self::ROW_SHIFT) as usize] as usize
        };
    }
    if lookups.by_code.is_none() {
        let arms = table.rows.iter().enumerate().map(|(r, row)| {
            let variant = ident(&row.rust_variant);
            quote! { Self::#variant => #r, }
        });
        return quote! { match self { #(#arms)* } };
    }
    quote! {
        let hash = phf::hash_code(self as u32, Self::CODE_SEED);
        Self::CODE_SLOTS[phf::slot(hash, Self::CODE_PILOTS, Self::CODE_SLOTS.len())] as usize
    }
}

/// The body of `from_name`.
pub(super) fn from_name_body(table: &Table, lookups: &Lookups) -> TokenStream {
    if lookups.by_name.is_none() {
        let arms = table.rows.iter().map(|row| {
            let names = std::iter::once(&row.name).chain(row.also_named.iter().map(|other| &other.name));
            let variant = ident(&row.rust_variant);
            quote! { #(#names)|* => ::core::option::Option::Some(Self::#variant), }
        });
        return quote! {
            match name {
                #(#arms)*
                _ => ::core::option::Option::None,
            }
        };
    }
    if has_other_names(table) {
        return quote! {
            let hash = phf::hash_name(name, Self::NAME_SEED, Self::NAME_HASH_MIDDLE, Self::NAME_HASH_WHOLE);
            let slot = phf::slot(hash, Self::NAME_PILOTS, Self::NAME_SLOTS.len());
            // Slots hold key indexes: a row's name, or past the rows another name.
            let key = Self::NAME_SLOTS[slot] as usize;
            let rows = Self::NAMES.len();
            let (found, row) = if key < rows {
                (Self::NAMES[key], key)
            } else {
                (Self::OTHER_NAME_KEYS[key - rows], Self::OTHER_NAME_ROWS[key - rows])
            };
            if found == name {
                ::core::option::Option::Some(Self::ALL[row])
            } else {
                ::core::option::Option::None
            }
        };
    }
    quote! {
        let hash = phf::hash_name(name, Self::NAME_SEED, Self::NAME_HASH_MIDDLE, Self::NAME_HASH_WHOLE);
        let slot = phf::slot(hash, Self::NAME_PILOTS, Self::NAME_SLOTS.len());
        let index = Self::NAME_SLOTS[slot] as usize;
        if Self::NAMES[index] == name {
            ::core::option::Option::Some(Self::ALL[index])
        } else {
            ::core::option::Option::None
        }
    }
}
