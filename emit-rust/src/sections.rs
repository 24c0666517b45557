//! Sections (a catalogue with `sections:`): the `Section` enum of the
//! declared sections, and on every table enum and `ErrorCode` the
//! sections a code appears in (`sections`), its meaning in one
//! (`section_description`) and, with HTTP, the statuses it is answered
//! with there (`section_http_statuses`). A code is one variant whatever
//! its sections, so `from_code` stays unambiguous.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::tokens::{doc, ident};
use crate::DOCS;
use errcat_model::text::rust_str;
use errcat_model::{Catalogue, Row, Table};

/// Everything a catalogue's sections add to the crate; nothing without them.
pub(super) fn emit_sections(catalogue: &Catalogue) -> TokenStream {
    if catalogue.sections.is_empty() {
        return TokenStream::new();
    }
    let section = emit_section_enum(catalogue);
    let tables = catalogue.tables.iter().map(|table| emit_table_sections(catalogue, table));
    let error_code = emit_error_code(catalogue);
    quote! {
        #section
        #(#tables)*
        #error_code
    }
}

/// `Section`: a variant per declared section, in spec order.
fn emit_section_enum(catalogue: &Catalogue) -> TokenStream {
    let sections = &catalogue.sections;
    let variants = sections.iter().map(|section| {
        let docs = doc(&format!(
            "`{}`: {}\n\n{}",
            section.id,
            DOCS.block(&section.title, ""),
            DOCS.block(&section.summary, "")
        ));
        let variant = ident(&section.rust_variant);
        quote! { #docs #variant, }
    });
    let all: Vec<_> = sections.iter().map(|section| ident(&section.rust_variant)).collect();
    let ids = sections.iter().map(|section| section.id.as_str());
    let titles = sections.iter().map(|section| section.title.as_str());
    let summaries = sections.iter().map(|section| section.summary.as_str());
    let codes = sections.iter().enumerate().map(|(s, _)| {
        let listed = catalogue.rows().filter(|(_, row)| row.in_section(s).is_some()).map(|(table, row)| {
            let (wrapper, name, variant) =
                (ident(&table.error_code_variant), ident(&table.rust_enum), ident(&row.rust_variant));
            quote! { ErrorCode::#wrapper(#name::#variant) }
        });
        quote! { &[#(#listed),*] }
    });
    let allow_deprecated =
        catalogue.rows().any(|(_, row)| row.deprecated.is_some()).then(|| quote! { #[allow(deprecated)] });
    let SectionDocs { enum_docs, all_docs, id_docs, title_docs, summary_docs } = section_docs(catalogue);
    quote! {
        #enum_docs
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Section {
            #(#variants)*
        }

        #allow_deprecated
        impl Section {
            #all_docs
            pub const ALL: &'static [Self] = &[#(Self::#all),*];

            const IDS: &'static [&'static str] = &[#(#ids),*];
            const TITLES: &'static [&'static str] = &[#(#titles),*];
            const SUMMARIES: &'static [&'static str] = &[#(#summaries),*];
            const CODES: &'static [&'static [ErrorCode]] = &[#(#codes),*];

            #id_docs
            #[must_use]
            pub const fn id(self) -> &'static str {
                Self::IDS[self as usize]
            }

            #title_docs
            #[must_use]
            pub const fn title(self) -> &'static str {
                Self::TITLES[self as usize]
            }

            #summary_docs
            #[must_use]
            pub const fn summary(self) -> &'static str {
                Self::SUMMARIES[self as usize]
            }

            /// The section whose id is `id`, if any.
            #[must_use]
            pub fn from_id(id: &str) -> ::core::option::Option<Self> {
                Self::ALL.iter().copied().find(|section| section.id() == id)
            }

            /// The codes the section lists, in the rows' order, the order
            /// every code has in every section: a section has none of its own.
            #[must_use]
            pub const fn codes(self) -> &'static [ErrorCode] {
                Self::CODES[self as usize]
            }

            /// Where `self` is in `list`, if it is.
            const fn position_in(self, list: &[Self]) -> ::core::option::Option<usize> {
                let mut i = 0;
                while i < list.len() {
                    if list[i] as usize == self as usize {
                        return ::core::option::Option::Some(i);
                    }
                    i += 1;
                }
                ::core::option::Option::None
            }
        }

        impl ::core::fmt::Display for Section {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.id())
            }
        }
    }
}

/// The docs of `Section` and of its items, each with an example.
struct SectionDocs {
    enum_docs: TokenStream,
    all_docs: TokenStream,
    id_docs: TokenStream,
    title_docs: TokenStream,
    summary_docs: TokenStream,
}

fn section_docs(catalogue: &Catalogue) -> SectionDocs {
    let krate = catalogue.crate_ident();
    let first = &catalogue.sections[0];
    let v0 = &first.rust_variant;
    let (example_table, example_row) = first_listed(catalogue, 0);
    let enum_docs = doc(&format!(
        "The sections of the catalogue: the operations or endpoints its codes\n\
         are answered in, each listing its own. A code is one variant however\n\
         many sections list it (`from_code` finds one row); its meaning in each\n\
         is `section_description`.\n\n\
         ```\n\
         use {krate}::{{ErrorCode, Section, {name}}};\n\n\
         assert_eq!(Section::from_id({id}), Some(Section::{v0}));\n\
         assert!(Section::{v0}.codes().contains(&ErrorCode::{wrapper}({name}::{variant})));\n\
         ```",
        id = rust_str(&first.id),
        wrapper = example_table.error_code_variant,
        name = example_table.rust_enum,
        variant = example_row.rust_variant,
    ));
    let getter_docs = |what: &str, call: &str, value: &str| {
        doc(&format!(
            "{what}\n\n```\nuse {krate}::Section;\n\nassert_eq!(Section::{v0}.{call}(), {value});\n```",
            value = rust_str(value)
        ))
    };
    SectionDocs {
        enum_docs,
        all_docs: doc(&format!(
            "Every section, in the order the docs list them.\n\n\
             ```\n\
             use {krate}::Section;\n\n\
             assert_eq!(Section::ALL.len(), {n});\n\
             ```",
            n = catalogue.sections.len(),
        )),
        id_docs: getter_docs("The section's id, as the spec spells it.", "id", &first.id),
        title_docs: getter_docs("The section's heading, as the source prints it.", "title", &first.title),
        summary_docs: getter_docs("What the section is, in a sentence.", "summary", &first.summary),
    }
}

/// Whether the crate has `section_http_statuses`: in an HTTP catalogue,
/// and in one whose sections give statuses its rows do not have.
fn has_statuses(catalogue: &Catalogue) -> bool {
    catalogue.http
        || catalogue.rows().any(|(_, row)| row.sections.iter().any(|entry| !entry.http_statuses.is_empty()))
}

/// The first row section `s` lists (validation makes every section list one).
fn first_listed(catalogue: &Catalogue, s: usize) -> (&Table, &Row) {
    catalogue.rows().find(|(_, row)| row.in_section(s).is_some()).expect("a validated section lists a code")
}

/// A table enum's `sections`, `section_description` and, with HTTP,
/// `section_http_statuses`, read from per-row constants.
fn emit_table_sections(catalogue: &Catalogue, table: &Table) -> TokenStream {
    let name = ident(&table.rust_enum);
    let lists = table.rows.iter().map(|row| {
        let sections =
            row.sections.iter().map(|entry| ident(&catalogue.sections[entry.section].rust_variant));
        quote! { &[#(crate::Section::#sections),*] }
    });
    let descriptions = table.rows.iter().map(|row| {
        let texts = row.sections.iter().map(|entry| entry.description.as_str());
        quote! { &[#(#texts),*] }
    });
    let example_row = table.rows.iter().find(|row| !row.sections.is_empty());
    let krate = catalogue.crate_ident();
    let uses = format!("use {krate}::{{{}, Section}};", table.rust_enum);
    let (sections_docs, description_docs, statuses_docs) = match example_row {
        Some(row) => {
            let path = format!("{}::{}", table.rust_enum, row.rust_variant);
            let entry = &row.sections[0];
            let section = &catalogue.sections[entry.section].rust_variant;
            let listed: Vec<String> = row
                .sections
                .iter()
                .map(|entry| format!("Section::{}", catalogue.sections[entry.section].rust_variant))
                .collect();
            let statuses: Vec<String> = entry.http_statuses.iter().map(u16::to_string).collect();
            (
                format!("assert_eq!({path}.sections(), &[{}]);", listed.join(", ")),
                format!(
                    "assert_eq!({path}.section_description(Section::{section}), Some({}));",
                    rust_str(&entry.description)
                ),
                format!(
                    "assert_eq!({path}.section_http_statuses(Section::{section}), &[{}]);",
                    statuses.join(", ")
                ),
            )
        }
        None => {
            let path = format!("{}::{}", table.rust_enum, table.rows[0].rust_variant);
            let section = &catalogue.sections[0].rust_variant;
            (
                format!("assert!({path}.sections().is_empty());"),
                format!("assert_eq!({path}.section_description(Section::{section}), None);"),
                format!("assert!({path}.section_http_statuses(Section::{section}).is_empty());"),
            )
        }
    };
    let docs = |what: &str, body: &str| doc(&format!("{what}\n\n```\n{uses}\n\n{body}\n```"));
    let sections_docs = docs(
        "The sections this code appears in, in the order of `Section::ALL`:\n\
         empty when the catalogue lists it in none.",
        &sections_docs,
    );
    let description_docs = docs(
        "What this code means in `section`, verbatim; `None` where the section\n\
         does not list it ([`description`](Self::description) is its meaning\n\
         anywhere).",
        &description_docs,
    );
    let statuses = has_statuses(catalogue).then(|| {
        let per_row = table.rows.iter().map(|row| {
            let lists = row.sections.iter().map(|entry| {
                let statuses = entry.http_statuses.iter().map(|status| Literal::u16_unsuffixed(*status));
                quote! { &[#(#statuses),*] }
            });
            quote! { &[#(#lists),*] }
        });
        let statuses_docs = docs(
            "The HTTP statuses `section` answers this code with, the usual one\n\
             first; empty where the section does not list it.",
            &statuses_docs,
        );
        quote! {
            /// Each row's statuses in each of its sections.
            const SECTION_STATUSES: &'static [&'static [&'static [u16]]] = &[#(#per_row),*];

            #statuses_docs
            #[must_use]
            pub const fn section_http_statuses(self, section: crate::Section) -> &'static [u16] {
                match section.position_in(self.sections()) {
                    ::core::option::Option::Some(i) => Self::SECTION_STATUSES[self.row()][i],
                    ::core::option::Option::None => &[],
                }
            }
        }
    });
    quote! {
        impl #name {
            /// Each row's sections, in `Section` order.
            const SECTION_LISTS: &'static [&'static [crate::Section]] = &[#(#lists),*];
            /// Each row's meaning in each of its sections.
            const SECTION_DESCRIPTIONS: &'static [&'static [&'static str]] = &[#(#descriptions),*];

            #sections_docs
            #[must_use]
            pub const fn sections(self) -> &'static [crate::Section] {
                Self::SECTION_LISTS[self.row()]
            }

            #description_docs
            #[must_use]
            pub const fn section_description(self, section: crate::Section) -> ::core::option::Option<&'static str> {
                match section.position_in(self.sections()) {
                    ::core::option::Option::Some(i) => {
                        ::core::option::Option::Some(Self::SECTION_DESCRIPTIONS[self.row()][i])
                    }
                    ::core::option::Option::None => ::core::option::Option::None,
                }
            }

            #statuses
        }
    }
}

/// `ErrorCode`'s section getters, dispatching to each table's.
fn emit_error_code(catalogue: &Catalogue) -> TokenStream {
    let variants: Vec<_> = catalogue.tables.iter().map(|table| ident(&table.error_code_variant)).collect();
    let statuses = has_statuses(catalogue).then(|| {
        quote! {
            /// The HTTP statuses `section` answers this code with, the usual one first.
            #[must_use]
            pub const fn section_http_statuses(self, section: crate::Section) -> &'static [u16] {
                match self {
                    #(Self::#variants(error) => error.section_http_statuses(section),)*
                }
            }
        }
    });
    quote! {
        impl ErrorCode {
            /// The sections this code appears in, in the order of `Section::ALL`.
            #[must_use]
            pub const fn sections(self) -> &'static [crate::Section] {
                match self {
                    #(Self::#variants(error) => error.sections(),)*
                }
            }

            /// What this code means in `section`, verbatim; `None` where the section does not list it.
            #[must_use]
            pub const fn section_description(self, section: crate::Section) -> ::core::option::Option<&'static str> {
                match self {
                    #(Self::#variants(error) => error.section_description(section),)*
                }
            }

            #statuses
        }
    }
}
