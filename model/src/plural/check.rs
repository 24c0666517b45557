//! The checks of a selecting message against its row and its locale: the
//! selector a declared, required integer param, and every category key
//! one the locale's language has.

use super::{PluralRules, VariantKey};
use crate::params::{Param, ParamType, Template};

/// Checks `template`'s selection, if it has one, against the params it may
/// show and the language it is written in (`None`: a catalogue without
/// `locales:`), and gives it that language's rules. The problem and its
/// fix, when it fails.
pub fn check_select(
    template: &mut Template,
    tag: Option<&str>,
    params: &[&Param],
) -> Result<(), (String, String)> {
    let Some(select) = &mut template.select else {
        return Ok(());
    };
    let name = &select.param;
    let integers: Vec<&str> = params
        .iter()
        .filter(|param| param.ty == ParamType::Integer)
        .map(|param| param.name.as_str())
        .collect();
    let example = integers.first().map_or_else(|| "count".to_owned(), |name| (*name).to_owned());
    match params.iter().find(|param| &param.name == name) {
        None => {
            let help = if integers.is_empty() {
                format!("declare `{name}` under the row's `params:` with `type: integer`")
            } else {
                format!(
                    "select by one of the integer params ({}), or declare `{name}`",
                    integers.iter().map(|name| format!("`{name}`")).collect::<Vec<_>>().join(", ")
                )
            };
            return Err((format!("the message selects by `${name}`, which is no declared param"), help));
        }
        Some(param) if param.ty != ParamType::Integer => {
            return Err((
                format!("the message selects by `${name}`, a {} param", param.ty.keyword()),
                format!(
                    "select by an integer param, e.g. `.match ${example}`, or show `{{${name}}}` without selecting"
                ),
            ));
        }
        Some(param) if !param.required => {
            return Err((
                format!("the message selects by `${name}`, which is optional"),
                "make the param required: a message selects only by a count every occurrence carries"
                    .to_owned(),
            ));
        }
        Some(_) => {}
    }
    let categories = select.variants.iter().filter_map(|variant| match variant.key {
        VariantKey::Category(category) => Some(category),
        _ => None,
    });
    let Some(tag) = tag else {
        if let Some(category) = categories.clone().next() {
            return Err((
                format!(
                    "the variant `{}` is a plural category, and the catalogue names no language for its rules",
                    category.keyword()
                ),
                "declare the language the spec is written in, e.g. `locales: {default: en}`, or key the \
                 variants by counts (`0`, `1`) and `*`"
                    .to_owned(),
            ));
        }
        return Ok(());
    };
    let rules = PluralRules::for_tag(tag);
    for category in categories {
        if !rules.categories().contains(&category) {
            let has: Vec<&str> = rules
                .categories()
                .iter()
                .map(|category| category.keyword())
                .filter(|keyword| *keyword != "other")
                .collect();
            let has = if has.is_empty() {
                "no category but `*`".to_owned()
            } else {
                format!(
                    "the categories {} and `*`",
                    has.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
                )
            };
            return Err((
                format!("`{tag}` has no plural category `{}` (CLDR)", category.keyword()),
                format!("remove that variant: `{tag}` has {has}"),
            ));
        }
    }
    let integers = rules.integer_categories();
    for variant in &select.variants {
        if let VariantKey::Category(category) = variant.key
            && !integers.contains(&category)
        {
            return Err((
                format!(
                    "`{tag}` gives the plural category `{}` to no integer, only to decimals",
                    category.keyword()
                ),
                "remove that variant: a message selects by an integer param".to_owned(),
            ));
        }
    }
    select.rules = Some(rules);
    Ok(())
}
