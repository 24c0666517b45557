//! The converted rules against CLDR's own integer samples, and the
//! complex messages' parser.

use std::collections::BTreeMap;

use super::*;
use crate::params::{Piece, parse_template};

/// Each CLDR locale's `@integer` samples by category, read from the
/// vendored `plurals.json` itself (JSON is YAML): ranges (`2~16`) in
/// full, the compact exponents (`1c6`) and the ellipsis left out.
fn samples() -> BTreeMap<String, Vec<(Category, u64)>> {
    let json: serde_yaml::Value =
        serde_yaml::from_str(include_str!("../../cldr/plurals.json")).expect("plurals.json reads");
    let cardinal = json["supplemental"]["plurals-type-cardinal"].as_mapping().expect("cardinal rules");
    let mut all = BTreeMap::new();
    for (tag, rules) in cardinal {
        let mut samples = Vec::new();
        for (key, rule) in rules.as_mapping().expect("rules") {
            let keyword = key.as_str().expect("key").trim_start_matches("pluralRule-count-");
            let category = Category::from_keyword(keyword).expect("a category");
            let rule = rule.as_str().expect("a rule");
            let Some(integers) = rule.split('@').find_map(|part| part.strip_prefix("integer")) else {
                continue;
            };
            for item in integers.split(',').map(str::trim) {
                if item.contains(['c', 'e', '…']) || item.is_empty() {
                    continue;
                }
                let (low, high) = item.split_once('~').unwrap_or((item, item));
                let (low, high): (u64, u64) = (low.parse().expect(item), high.parse().expect(item));
                samples.extend((low..=high).map(|n| (category, n)));
            }
        }
        all.insert(tag.as_str().expect("a tag").to_owned(), samples);
    }
    all
}

#[test]
fn every_locale_agrees_with_cldr_samples() {
    let samples = samples();
    assert_eq!(samples.len(), cldr::LOCALES.len());
    let mut checked = 0;
    for (tag, samples) in &samples {
        let rules = PluralRules::for_tag(tag);
        assert_eq!(rules.tag(), tag);
        for &(category, n) in samples {
            assert_eq!(rules.category(n as i64), category, "{tag}: {n}");
            assert_eq!(rules.category(-(n as i64)), category, "{tag}: -{n}");
            assert!(rules.categories().contains(&category), "{tag}: {category:?}");
            checked += 1;
        }
    }
    assert!(checked > 5000, "{checked} samples");
}

#[test]
fn a_tag_finds_its_language_or_root() {
    assert_eq!(PluralRules::for_tag("de-AT").tag(), "de");
    assert_eq!(PluralRules::for_tag("pt-PT").tag(), "pt-PT");
    assert_eq!(PluralRules::for_tag("zh-Hant-TW").tag(), "zh");
    let root = PluralRules::for_tag("tlh");
    assert_eq!((root.tag(), root.categories()), ("root", &[Category::Other][..]));
    assert!(!root.reads_count());
    let pl = PluralRules::for_tag("pl");
    assert_eq!(pl.integer_categories(), [Category::One, Category::Few, Category::Many, Category::Other]);
    assert!(!PluralRules::for_tag("lt").integer_categories().contains(&Category::Many));
    assert!(PluralRules::for_tag("pl").reads_count());
    assert_eq!(PluralRules::for_tag("en").body(), "if n == 1 { Category::One } else { Category::Other }");
}

fn select(source: &str) -> Select {
    parse_template(source).expect(source).select.expect("a selection")
}

fn fault(source: &str) -> (usize, String) {
    let fault = parse_template(source).expect_err(source);
    (fault.at, fault.problem)
}

#[test]
fn a_selection_reads_its_variants() {
    let source =
        ".input {$count :integer}\n.match $count\n0 {{none}}\none {{{$count} file}}\n* {{{$count} files}}";
    let mut select = select(source);
    assert_eq!(select.param, "count");
    let keys: Vec<String> = select.variants.iter().map(|variant| variant.key.text()).collect();
    assert_eq!(keys, ["0", "one", "*"]);
    assert_eq!(select.variants[1].source, "{$count} file");
    assert_eq!(select.variants[1].pieces, [Piece::Param("count".into()), Piece::Text(" file".into())]);
    select.rules = Some(PluralRules::for_tag("en"));
    assert_eq!(select.variant(0).source, "none");
    assert_eq!(select.variant(1).source, "{$count} file");
    assert_eq!(select.variant(-1).source, "{$count} file");
    assert_eq!(select.variant(2).source, "{$count} files");
    let template = parse_template(source).expect("parses");
    assert_eq!(template.placeholders(), ["count"]);
    assert_eq!(template.pieces, select.catch_all().pieces);
}

#[test]
fn a_selection_renders_the_variant_of_its_count() {
    let mut template = parse_template(
        ".input {$n :integer} .match $n one {{{$n} plik {$who}}} few {{{$n} pliki}} * {{{$n} plików}}",
    )
    .expect("parses");
    assert_eq!(template.placeholders(), ["n", "who"]);
    if let Some(select) = &mut template.select {
        select.rules = Some(PluralRules::for_tag("pl"));
    }
    let render = |n: &str| template.render(|name| if name == "n" { n.to_owned() } else { "Ala".to_owned() });
    assert_eq!(render("1"), "1 plik Ala");
    assert_eq!(render("22"), "22 pliki");
    assert_eq!(render("5"), "5 plików");
}

#[test]
fn malformed_selections_are_found_where_they_are() {
    let head = ".input {$n :integer} .match $n ";
    let at = head.len();
    assert_eq!(fault(".input {$n :number} .match $n * {{x}}").1, "the selector is not declared `:integer`");
    assert_eq!(fault(".input {$n :integer} .match $m * {{x}}").0, 28);
    assert_eq!(fault(&[head, "one {{x}}"].concat()).1, "the message has no `*` variant");
    assert_eq!(
        fault(&[head, "one {{x}} one {{y}} * {{z}}"].concat()),
        (at + 10, "the key `one` has two variants".into())
    );
    assert_eq!(fault(&[head, "lots {{x}} * {{z}}"].concat()), (at, "`lots` is not a variant's key".into()));
    assert_eq!(fault(&[head, "other {{x}}"].concat()).1, "the key `other` is written `*`");
    assert_eq!(fault(&[head, "01 {{x}} * {{y}}"].concat()).0, at);
    assert_eq!(fault(&[head, "* {{x"].concat()).1, "a variant's pattern is never closed");
    assert_eq!(fault(&[head, "* x"].concat()).1, "a variant's pattern is not quoted");
    assert_eq!(
        fault(&[head, "* {{{$n :integer}}}"].concat()).1,
        "a placeholder has more than a param's name"
    );
    assert_eq!(fault(".local $x = {1} .match $x * {{x}}").1, "`.local` declarations are not supported");
    assert_eq!(fault(".match $n * {{x}}").1, "expected `.input`");
    assert_eq!(
        fault(&[head, "* {{x}}"].concat()),
        (at, "the message selects nothing: its one variant is `*`".into())
    );
    assert_eq!(fault(&[head, "* {{a}} b}}"].concat()).1, "`b}}` is not a variant's key");
}
