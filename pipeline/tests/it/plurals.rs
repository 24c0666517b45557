//! Plural selection through the golden `plurals` crate: its generated rule
//! functions against CLDR's own `@integer` samples for every locale it
//! declares, an exact count before a category, and the texts it renders.

use plurals_errors::values::ErrorValue;
use plurals_errors::values::storage::{AttemptsFailed, FilesLocked};
use plurals_errors::{Locale, LocalizedMessage};

use crate::fixtures::root;

/// CLDR's `@integer` samples of `tag`, by category keyword, read from the
/// vendored `plurals.json` (ranges in full; compact exponents and `…` left out).
fn samples(tag: &str) -> Vec<(String, i64)> {
    let path = root().join("../model/cldr/plurals.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("plurals.json")).expect("JSON");
    let rules = json["supplemental"]["plurals-type-cardinal"][tag].as_object().expect(tag);
    let mut samples = Vec::new();
    for (key, rule) in rules {
        let category = key.trim_start_matches("pluralRule-count-");
        let rule = rule.as_str().expect("a rule");
        let Some(integers) = rule.split('@').find_map(|part| part.strip_prefix("integer")) else { continue };
        for item in integers.split(',').map(str::trim) {
            if item.is_empty() || item.contains(['c', 'e', '…']) {
                continue;
            }
            let (low, high) = item.split_once('~').unwrap_or((item, item));
            let (low, high): (i64, i64) = (low.parse().expect(item), high.parse().expect(item));
            samples.extend((low..=high).map(|n| (category.to_owned(), n)));
        }
    }
    assert!(samples.len() > 10, "{tag}: {samples:?}");
    samples
}

/// The category `AttemptsFailed`'s message shows in `locale`: each variant
/// of its template in `en` and `pl` is worded for one category.
fn category_shown(locale: Locale, attempts: i64) -> &'static str {
    let message = AttemptsFailed { attempts }.message_in(locale);
    let words: &[(&str, &str)] = match locale {
        Locale::En => &[("attempt failed", "one"), ("attempts failed", "other")],
        Locale::Pl => &[
            ("próba nie powiodła", "one"),
            ("próby nie powiodły", "few"),
            ("prób nie powiodło", "many"),
            ("próby nie powiodło", "other"),
        ],
        _ => panic!("no selecting message in {locale:?}"),
    };
    let found = words.iter().find(|(text, _)| message.ends_with(&format!("{text}{}", tail(locale))));
    found.map(|(_, category)| *category).unwrap_or_else(|| panic!("{message}"))
}

fn tail(locale: Locale) -> &'static str {
    if locale == Locale::Pl { " się" } else { "" }
}

#[test]
fn the_generated_rules_agree_with_cldr_samples_in_every_declared_locale() {
    for (locale, tag) in [(Locale::En, "en"), (Locale::Pl, "pl")] {
        for (category, n) in samples(tag) {
            assert_eq!(category_shown(locale, n), category, "{tag}: {n}");
            assert_eq!(category_shown(locale, -n), category, "{tag}: -{n}");
        }
    }
    // Japanese has `other` alone: its message selects by an exact count.
    for (category, n) in samples("ja") {
        assert_eq!(category, "other");
        let message = FilesLocked { count: n, owner: "ci".into() }.message_in(Locale::Ja);
        let expected = if n == 0 {
            "ci がロックしているファイルはありません".to_owned()
        } else {
            format!("ci が {n} 個のファイルをロックしています")
        };
        assert_eq!(message, expected);
    }
}

#[test]
fn an_exact_count_comes_before_its_category() {
    let locked = |count| FilesLocked { count, owner: "ci".into() };
    assert_eq!(locked(0).to_string(), "No file is locked by ci");
    assert_eq!(locked(1).to_string(), "1 file is locked by ci");
    assert_eq!(locked(-1).to_string(), "-1 file is locked by ci");
    assert_eq!(locked(2).to_string(), "2 files are locked by ci");
    assert_eq!(locked(0).message_in(Locale::Pl), "Klient ci nie blokuje żadnego pliku");
    assert_eq!(locked(1).message_in(Locale::Pl), "Klient ci blokuje 1 plik");
    assert_eq!(locked(22).message_in(Locale::Pl), "Klient ci blokuje 22 pliki");
    assert_eq!(locked(12).message_in(Locale::Pl), "Klient ci blokuje 12 plików");
    assert_eq!(locked(i64::MIN).message_in(Locale::Pl), format!("Klient ci blokuje {} plików", i64::MIN));
    let value = ErrorValue::from(locked(3));
    assert_eq!(value.message_in(Locale::En), "3 files are locked by ci");
    assert_eq!(value.message_in(Locale::Pl), "Klient ci blokuje 3 pliki");
    // A Japanese message that does not select still shows the count.
    assert_eq!(AttemptsFailed { attempts: 1 }.message_in(Locale::Ja), "1 回の試行が失敗しました");
}
