//! Synthetic catalogues with locales, for the locales' build budget: a
//! [`crate::synth`] spec declaring `locales:` (English by default, then as
//! many others as asked) and a translation file per other locale that
//! translates every row's description and message, each a text of the same
//! length as the default's (the default's, marked with the locale's tag).
//! The same bytes for the same arguments.

use errcat_model::text::yaml_double_quoted;

/// A YAML scalar's text, as written on one line of a synthetic spec.
fn scalar(written: &str) -> String {
    serde_yaml::from_str(written).unwrap_or_else(|_| written.to_owned())
}

/// The tags the other locales take, in order.
pub const OTHER_TAGS: &[&str] =
    &["de", "fr", "es", "it", "ja", "pt-BR", "zh-Hans", "ko", "nl", "pl", "sv", "tr", "uk", "cs", "ru"];

/// The most locales [`localize`] declares: the default and [`OTHER_TAGS`].
pub const MAX_LOCALES: usize = OTHER_TAGS.len() + 1;

/// `spec` (a text [`crate::synth`] made) declaring `locales` locales, the
/// default `en` among them (1 declares it alone), and the translation file
/// of each other one, by tag.
///
/// # Panics
///
/// If `locales` is 0 or more than [`MAX_LOCALES`]; callers check first.
pub fn localize(spec: &str, locales: usize) -> (String, Vec<(&'static str, String)>) {
    assert!((1..=MAX_LOCALES).contains(&locales), "synth takes 1 to {MAX_LOCALES} locales, not {locales}");
    let tags = &OTHER_TAGS[..locales - 1];
    let declared = format!("locales: {{default: en, others: [{}]}}\n", tags.join(", "));
    let mut localized = String::with_capacity(spec.len() + declared.len());
    let mut entries: Vec<(String, String, Option<String>)> = Vec::new();
    for line in spec.lines() {
        if line.starts_with("tables:") {
            localized.push_str(&declared);
        }
        localized.push_str(line);
        localized.push('\n');
        if let Some(code) = line.strip_prefix("      - code: ") {
            entries.push((code.to_owned(), String::new(), None));
        } else if let Some(entry) = entries.last_mut() {
            if let Some(description) = line.strip_prefix("        description: ") {
                entry.1 = scalar(description);
            } else if let Some(message) = line.strip_prefix("        message: ") {
                entry.2 = Some(scalar(message));
            }
        }
    }
    let files = tags
        .iter()
        .map(|&tag| {
            let mut file = format!("# `{tag}`: the synthetic catalogue's texts, marked with the tag.\n");
            for (code, description, message) in &entries {
                let marked = |text: &str| yaml_double_quoted(&format!("[{tag}] {text}"));
                file.push_str(&format!("{code}:\n  description: {}\n", marked(description)));
                if let Some(message) = message {
                    file.push_str(&format!("  message: {}\n", marked(message)));
                }
            }
            (tag, file)
        })
        .collect();
    (localized, files)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_row_is_translated_into_every_other_locale() {
        let spec = crate::synth::params_spec(50);
        let (localized, files) = super::localize(&spec, 3);
        assert!(localized.contains("locales: {default: en, others: [de, fr]}\ntables:\n"));
        assert_eq!(files.iter().map(|(tag, _)| *tag).collect::<Vec<_>>(), ["de", "fr"]);
        let rows = spec.matches("      - code: ").count();
        for (tag, file) in &files {
            assert_eq!(file.matches("  description: \"[").count(), rows, "{tag}");
            assert_eq!(
                file.matches(&format!("  message: \"[{tag}] At most {{$limit}} per request\"")).count(),
                rows
            );
        }
        assert!(super::localize(&spec, 1).1.is_empty());
        // It loads, every translation checked against its row.
        let translations: Vec<(&str, &[u8])> =
            files.iter().map(|(tag, file)| (*tag, file.as_bytes())).collect();
        let path = std::path::Path::new("synth-50.yaml");
        let input = crate::SpecInput::Texts {
            path,
            name: "synth-50.yaml",
            text: localized.as_bytes(),
            translations: &translations,
        };
        let catalogue = crate::load(input).unwrap_or_else(|e| panic!("{}", e.render(false))).remove(0);
        let de = &catalogue.other_locales()[0];
        assert_eq!(de.texts.as_ref().map(|texts| texts.len()), Some(rows));
    }
}
