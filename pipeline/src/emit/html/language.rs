//! The page's languages: the default locale's page (`docs/<crate>.html`)
//! and one page per other locale (`docs/<crate>.<tag>.html`), each
//! linking to the others, as the Markdown reference's pages do. A page in
//! another locale shows the texts translation files translate (each row's
//! description, message, name, explanation, causes and solutions) in it,
//! each marked with its `lang`; every other text and the page's own words
//! are the default's, the page's `lang`. A partial locale's page lists
//! only the codes it translates, and a description or message it leaves
//! out is shown in the default, marked so (a name, explanation, causes or
//! solutions are optional in every locale: the default's shows unmarked).

use std::fmt::Write as _;

use errcat_model::locales::Locale;
use errcat_model::params::Template;
use errcat_model::text::push_html;
use errcat_model::{Catalogue, Row};

/// The language of one page.
pub(super) struct Language<'a> {
    /// The locale of the page, `None` for the default's.
    locale: Option<&'a Locale>,
}

/// Where a text shown on a page comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Shown<'a> {
    /// The default's own text, on the default's page.
    Default,
    /// A translation, in the locale of this tag.
    Translated(&'a str),
    /// The default's text where a partial locale has none.
    FallBack,
}

impl<'a> Language<'a> {
    /// The default's page.
    pub(super) const DEFAULT: Language<'static> = Language { locale: None };

    /// The page of `locale`.
    pub(super) fn of(locale: &'a Locale) -> Self {
        Language { locale: Some(locale) }
    }

    /// Whether the page lists the row: a partial locale's lists only the
    /// rows it translates.
    pub(super) fn lists(&self, row: &Row) -> bool {
        match self.locale {
            Some(locale) if locale.partial => locale.row(&row.code).is_some(),
            _ => true,
        }
    }

    /// The row's description on this page, and where it comes from.
    pub(super) fn description<'r>(&self, row: &'r Row) -> (&'r str, Shown<'a>)
    where
        'a: 'r,
    {
        self.optional(row, |texts| texts.description.as_deref())
            .unwrap_or((&row.description, self.left_out()))
    }

    /// The row's message template on this page, and where it comes from.
    pub(super) fn message<'r>(&self, row: &'r Row) -> Option<(&'r Template, Shown<'a>)>
    where
        'a: 'r,
    {
        let template = row.message.as_ref()?;
        Some(self.optional(row, |texts| texts.message.as_ref()).unwrap_or((template, self.left_out())))
    }

    /// Where the default's description or message comes from on this page:
    /// its own on the default's, a fallback a partial locale marks on another.
    fn left_out(&self) -> Shown<'a> {
        if self.locale.is_some() { Shown::FallBack } else { Shown::Default }
    }
}

/// A text a translation may give: the locale's, or else the default's,
/// unmarked (such texts are optional in every locale).
impl<'a> Language<'a> {
    /// The row's name on this page.
    pub(super) fn name<'r>(&self, row: &'r Row) -> (&'r str, Shown<'a>)
    where
        'a: 'r,
    {
        self.optional(row, |texts| texts.name.as_deref()).unwrap_or((&row.name, Shown::Default))
    }

    /// The row's explanation on this page, if it has one.
    pub(super) fn explanation<'r>(&self, row: &'r Row) -> Option<(&'r str, Shown<'a>)>
    where
        'a: 'r,
    {
        self.optional(row, |texts| texts.explanation.as_deref())
            .or_else(|| row.explanation.as_deref().map(|text| (text, Shown::Default)))
    }

    /// The row's causes and solutions on this page.
    pub(super) fn cause_lists<'r>(&self, row: &'r Row) -> [(&'static str, &'r [String], Shown<'a>); 2]
    where
        'a: 'r,
    {
        let causes =
            self.optional(row, |texts| texts.causes.as_deref()).unwrap_or((&row.causes, Shown::Default));
        let solutions = self
            .optional(row, |texts| texts.solutions.as_deref())
            .unwrap_or((&row.solutions, Shown::Default));
        [("Causes", causes.0, causes.1), ("Solutions", solutions.0, solutions.1)]
    }

    /// What `field` gives of the row's translation in this page's locale.
    fn optional<'r, T: ?Sized + 'a>(
        &self,
        row: &'r Row,
        field: impl Fn(&'a errcat_model::locales::RowTexts) -> Option<&'a T>,
    ) -> Option<(&'r T, Shown<'a>)>
    where
        'a: 'r,
    {
        let locale = self.locale?;
        let text = field(locale.row(&row.code)?)?;
        Some((text, Shown::Translated(&locale.tag)))
    }
}

impl Shown<'_> {
    /// ` lang="de"` for a translation, nothing for the default's text.
    pub(super) fn lang(self) -> String {
        match self {
            Shown::Translated(tag) => format!(" lang=\"{tag}\""),
            Shown::Default | Shown::FallBack => String::new(),
        }
    }

    /// The mark after a text a partial locale leaves out.
    pub(super) fn mark(self) -> &'static str {
        match self {
            Shown::FallBack => " <span class=\"tag\">not translated</span>",
            Shown::Default | Shown::Translated(_) => "",
        }
    }
}

/// The page's file name under `docs/` in `locale`: `<crate>.<tag>.html`.
pub fn file_name(catalogue: &Catalogue, locale: &Locale) -> String {
    format!("{}.{}.html", catalogue.crate_name, locale.tag)
}

/// The `lang` of the page: the default locale's tag (`en` when the
/// catalogue declares no locales), the language of its own texts.
pub(super) fn page_lang(catalogue: &Catalogue) -> &str {
    catalogue.locales.as_ref().map_or("en", |locales| locales.default.as_str())
}

/// The links to every locale's page, the current one marked, when the
/// catalogue declares locales; and on a partial locale's page, what it
/// leaves out.
pub(super) fn languages(out: &mut String, catalogue: &Catalogue, language: &Language) {
    let Some(locales) = &catalogue.locales else { return };
    out.push_str("<nav aria-label=\"Languages\">\n<p>Languages:");
    let pages = std::iter::once((locales.default.as_str(), format!("{}.html", catalogue.crate_name)))
        .chain(locales.others.iter().map(|locale| (locale.tag.as_str(), file_name(catalogue, locale))));
    let current = language.locale.map_or(locales.default.as_str(), |locale| locale.tag.as_str());
    for (tag, file) in pages {
        if tag == current {
            let _ = write!(out, " <strong lang=\"{tag}\" aria-current=\"page\">{tag}</strong>");
        } else {
            let _ = write!(out, " <a href=\"{file}\" hreflang=\"{tag}\" lang=\"{tag}\">{tag}</a>");
        }
    }
    out.push_str("</p>\n</nav>\n");
    let Some(locale) = language.locale.filter(|locale| locale.partial) else { return };
    let total = catalogue.rows().count();
    let translated = catalogue.rows().filter(|(_, row)| locale.row(&row.code).is_some()).count();
    let _ = writeln!(
        out,
        "<p>This translation is partial: it translates {translated} of the {total} codes, listed \
         here (a text it leaves out is shown in {default}, marked not translated, as the crate \
         answers it). The others are on the <a href=\"{krate}.html\">{default} page</a>.</p>",
        default = locales.default,
        krate = catalogue.crate_name,
    );
}

/// `text` as a page shows it: in an element whose `lang` says which
/// locale it is in, marked when a partial locale leaves it out.
pub(super) fn push_text(out: &mut String, element: &str, text: &str, shown: Shown) {
    // Pushed rather than formatted: a page has a few texts a row.
    out.push('<');
    out.push_str(element);
    if let Shown::Translated(tag) = shown {
        for part in [" lang=\"", tag, "\""] {
            out.push_str(part);
        }
    }
    out.push('>');
    push_html(out, text);
    for part in [shown.mark(), "</", element, ">"] {
        out.push_str(part);
    }
}
