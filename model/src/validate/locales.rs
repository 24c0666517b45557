//! Checks `locales:`: every tag well-formed and known, in canonical case,
//! declared once, and every partial locale one of the others.

use std::collections::BTreeMap;

use super::{Problems, Skipped};
use crate::locales::{Locale, Locales, check_tag, variant_of};
use crate::source::SpecPath;
use crate::spec::SpecFile;

/// The declared locales, with no translations read yet (loading reads
/// each locale's file), or `None` when the spec declares none.
pub(super) fn check_locales(
    problems: &mut Problems<'_>,
    skipped: &Skipped,
    spec: &SpecFile,
) -> Option<Locales> {
    let declared = spec.locales.as_ref().filter(|_| skipped.read("locales"))?;
    let at = SpecPath::root().field("locales");
    // Each locale's variant, which also tells tags apart whatever their case.
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut check = |problems: &mut Problems<'_>, tag: &str, at: SpecPath| -> bool {
        if let Err(refused) = check_tag(tag) {
            let help = match refused.suggestion {
                Some(meant) => format!("write `{meant}`"),
                None => "write a BCP 47 tag: a language (`en`, `de`), then optionally a script (`Hant`) and a region (`AT`, `419`), joined by `-`".to_owned(),
            };
            problems.push(at, format!("`{tag}` is not a BCP 47 language tag: {}", refused.problem), help);
            return false;
        }
        if let Some(first) = seen.insert(variant_of(tag), tag.to_owned()) {
            problems.push(
                at,
                format!("locale `{tag}` is declared twice (as `{first}` before)"),
                "declare each locale once",
            );
            return false;
        }
        true
    };
    check(problems, &declared.default, at.field("default"));
    let mut others = Vec::new();
    for (i, tag) in declared.others.iter().enumerate() {
        let at = at.field("others").index(i);
        if check(problems, tag, at.clone()) {
            let partial = declared.partial.contains(tag);
            others.push(Locale { tag: tag.clone(), partial, texts: None, file: None, at });
        }
    }
    for (i, tag) in declared.partial.iter().enumerate() {
        if !declared.others.contains(tag) {
            problems.push(
                at.field("partial").index(i),
                format!("`{tag}` is not one of `others`"),
                "list in `partial` only locales of `others` (the default is always complete)",
            );
        }
    }
    Some(Locales { default: declared.default.clone(), others })
}
