//! BCP 47 language tags as a catalogue declares them: the syntax of
//! RFC 5646 (language, script, region, variants, extensions, private
//! use), the language subtags of ISO 639-1, and the mistakes people make
//! writing them, each with the tag meant.

/// Why a tag is refused, and the tag that was probably meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagProblem {
    /// What is wrong with it.
    pub problem: String,
    /// The well-formed tag to write instead, when one can be guessed.
    pub suggestion: Option<String>,
}

/// Checks a tag, returning it in its canonical case (`de-AT`,
/// `zh-Hant-TW`): the language lowercase, a script in title case, a region
/// uppercase. A tag written in another case is refused with the canonical
/// one as the suggestion, so that a catalogue spells each locale one way.
pub fn check_tag(tag: &str) -> Result<String, TagProblem> {
    let canonical = canonical_case(tag)
        .map_err(|problem| TagProblem { problem, suggestion: guess(tag).filter(|guess| guess != tag) })?;
    let language = canonical.split('-').next().unwrap_or_default();
    if language.len() == 2 && !TWO_LETTER.split(' ').any(|known| known == language) {
        return Err(TagProblem {
            problem: format!("`{language}` is not an ISO 639-1 language"),
            suggestion: MISTAKES
                .iter()
                .find(|(wrong, _)| *wrong == language)
                .map(|(_, right)| canonical.replacen(language, right, 1)),
        });
    }
    if let Some((_, short)) = THREE_LETTER.iter().find(|(long, _)| *long == language) {
        return Err(TagProblem {
            problem: format!("`{language}` has a two-letter subtag, which BCP 47 asks for"),
            suggestion: Some(canonical.replacen(language, short, 1)),
        });
    }
    if canonical != tag {
        return Err(TagProblem {
            problem: "the tag is not written in its canonical case".to_owned(),
            suggestion: Some(canonical),
        });
    }
    Ok(canonical)
}

/// The tag's subtags in canonical case, or why it is not well-formed.
fn canonical_case(tag: &str) -> Result<String, String> {
    if tag.is_empty() {
        return Err("the tag is empty".to_owned());
    }
    if let Some(bad) = tag.chars().find(|c| !c.is_ascii_alphanumeric() && *c != '-') {
        return Err(format!(
            "`{}` cannot be part of a tag: subtags are ASCII letters and digits joined by `-`",
            bad.escape_debug()
        ));
    }
    let subtags: Vec<&str> = tag.split('-').collect();
    if subtags.iter().any(|s| s.is_empty() || s.len() > 8) {
        return Err("every subtag has 1 to 8 letters or digits".to_owned());
    }
    let language = subtags[0];
    // RFC 5646 reserves 4 letters and registers none of 5 to 8.
    if !(matches!(language.len(), 2 | 3) && language.chars().all(|c| c.is_ascii_alphabetic())) {
        return Err(format!("`{language}` is no language subtag: 2 or 3 letters (`en`, `haw`)"));
    }
    let mut out = vec![language.to_ascii_lowercase()];
    let mut rest = subtags[1..].iter().copied().peekable();
    let mut seen_script = false;
    let mut seen_region = false;
    let mut seen_variant = false;
    while let Some(subtag) = rest.next() {
        let alpha = subtag.chars().all(|c| c.is_ascii_alphabetic());
        let digits = subtag.chars().all(|c| c.is_ascii_digit());
        if subtag.len() == 1 {
            // An extension or private use: the rest is opaque, in lowercase.
            let rest: Vec<&str> = rest.collect();
            if rest.is_empty() {
                return Err(format!("the singleton `{subtag}` must be followed by a subtag"));
            }
            out.push(subtag.to_ascii_lowercase());
            out.extend(rest.iter().map(|s| s.to_ascii_lowercase()));
            break;
        }
        if subtag.len() == 4 && alpha && !seen_script && !seen_region && !seen_variant {
            seen_script = true;
            let mut script = subtag.to_ascii_lowercase();
            script[..1].make_ascii_uppercase();
            out.push(script);
        } else if ((subtag.len() == 2 && alpha) || (subtag.len() == 3 && digits))
            && !seen_region
            && !seen_variant
        {
            seen_region = true;
            out.push(subtag.to_ascii_uppercase());
        } else if subtag.len() >= 5 || (subtag.len() == 4 && subtag.starts_with(|c: char| c.is_ascii_digit()))
        {
            seen_variant = true;
            out.push(subtag.to_ascii_lowercase());
        } else {
            return Err(format!(
                "`{subtag}` is not a script (4 letters), region (2 letters or 3 digits) or variant in its place"
            ));
        }
    }
    Ok(out.join("-"))
}

/// A well-formed tag for a malformed one: `_` for `-` (`en_US`, as POSIX
/// locales write it), without an encoding (`de_DE.UTF-8`).
fn guess(tag: &str) -> Option<String> {
    let tag = tag.split(['.', '@']).next().unwrap_or_default().replace('_', "-");
    canonical_case(tag.trim()).ok()
}

/// Two-letter subtags people write for a language that has another: a
/// country code (`jp`, `cn`, `gr`) or an old one (`iw`, `in`).
const MISTAKES: &[(&str, &str)] = &[
    ("jp", "ja"),
    ("cn", "zh"),
    ("gr", "el"),
    ("dk", "da"),
    ("ua", "uk"),
    ("cz", "cs"),
    ("iw", "he"),
    ("in", "id"),
    ("ji", "yi"),
    ("vn", "vi"),
    ("us", "en"),
    ("gb", "en"),
];

/// Common three-letter codes (ISO 639-2) of languages with a two-letter
/// one, which BCP 47 asks for instead.
const THREE_LETTER: &[(&str, &str)] = &[
    ("eng", "en"),
    ("deu", "de"),
    ("ger", "de"),
    ("fra", "fr"),
    ("fre", "fr"),
    ("spa", "es"),
    ("ita", "it"),
    ("por", "pt"),
    ("rus", "ru"),
    ("jpn", "ja"),
    ("zho", "zh"),
    ("chi", "zh"),
    ("kor", "ko"),
    ("nld", "nl"),
    ("dut", "nl"),
    ("pol", "pl"),
    ("swe", "sv"),
    ("ukr", "uk"),
    ("ces", "cs"),
    ("cze", "cs"),
    ("ara", "ar"),
    ("hin", "hi"),
    ("tur", "tr"),
    ("ron", "ro"),
    ("rum", "ro"),
    ("hun", "hu"),
    ("slk", "sk"),
    ("slo", "sk"),
    ("ell", "el"),
    ("gre", "el"),
    ("dan", "da"),
    ("nor", "no"),
    ("fin", "fi"),
    ("heb", "he"),
    ("est", "et"),
    ("bul", "bg"),
    ("srp", "sr"),
    ("hrv", "hr"),
    ("vie", "vi"),
    ("ind", "id"),
];

/// Every ISO 639-1 language subtag that BCP 47 uses (the deprecated `iw`,
/// `in`, `ji` and `mo` are left out: their replacements are listed).
const TWO_LETTER: &str = "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy \
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik \
io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt \
my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so \
sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(tag: &str) -> (String, Option<String>) {
        let problem = check_tag(tag).expect_err(tag);
        (problem.problem, problem.suggestion)
    }

    #[test]
    fn well_formed_tags_in_canonical_case_pass() {
        for tag in
            ["en", "de-AT", "zh-Hant-TW", "es-419", "sr-Latn", "de-CH-1996", "en-US-x-twain", "haw", "fil"]
        {
            assert_eq!(check_tag(tag).as_deref(), Ok(tag), "{tag}");
        }
    }

    #[test]
    fn each_refusal_says_what_was_meant() {
        assert_eq!(refused("en_US").1.as_deref(), Some("en-US"));
        assert_eq!(refused("de_DE.UTF-8").1.as_deref(), Some("de-DE"));
        assert_eq!(refused("de-at").1.as_deref(), Some("de-AT"));
        assert_eq!(refused("ZH-hant").1.as_deref(), Some("zh-Hant"));
        assert_eq!(refused("jp").1.as_deref(), Some("ja"));
        assert_eq!(refused("cn-TW").1.as_deref(), Some("zh-TW"));
        assert_eq!(refused("eng").1.as_deref(), Some("en"));
        assert_eq!(refused("ger-CH").1.as_deref(), Some("de-CH"));
        assert!(refused("xx").0.contains("ISO 639-1"));
        assert_eq!(refused("").1, None);
        assert_eq!(refused("english").1, None, "a word is no tag");
        assert!(refused("english").0.contains("2 or 3 letters"));
        assert!(refused("en-").0.contains("1 to 8"));
        assert!(refused("en-x").0.contains("singleton"));
        assert!(refused("en-US-GB").0.contains("`GB`"));
        assert!(refused("e").0.contains("language subtag"));
    }

    #[test]
    fn the_language_list_is_sorted_and_two_letters_each() {
        let codes: Vec<&str> = TWO_LETTER.split(' ').collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
        assert!(codes.iter().all(|c| c.len() == 2 && c.chars().all(|c| c.is_ascii_lowercase())));
        assert!(MISTAKES.iter().all(|(wrong, _)| !codes.contains(wrong)));
        assert!(MISTAKES.iter().chain(THREE_LETTER).all(|(_, right)| codes.contains(right)));
    }
}
