//! Language negotiation: RFC 4647's lookup of an `Accept-Language` header
//! (RFC 9110) against the catalogue's locales, without allocating.

/// How many ranges of one header are weighed; the rest are ignored, so a
/// hostile header costs at most this many passes over it.
const MAX_RANGES: usize = 16;

/// The index in `tags` of the locale RFC 4647's lookup (section 3.4) finds
/// for `accept_language`: the ranges in descending `q`, those of equal
/// weight in header order; each range compared with every tag (ignoring
/// case), then with a subtag fewer from the end (and a single-letter one
/// left last), until one matches. `*`, ranges of `q=0` and malformed ones
/// match nothing; `None` when no range matches.
pub(crate) fn lookup(accept_language: &str, tags: &[&str]) -> Option<usize> {
    // The weight and position of the range last tried: the next is the
    // heaviest after it, in (weight descending, position ascending) order.
    let mut last: Option<(u16, usize)> = None;
    loop {
        let mut next: Option<(u16, usize, &str)> = None;
        for (position, item) in accept_language.split(',').take(MAX_RANGES).enumerate() {
            let Some((range, weight)) = range_and_weight(item) else { continue };
            let after_last = last.is_none_or(|(w, p)| weight < w || (weight == w && position > p));
            let before_next = next.is_none_or(|(w, _, _)| weight > w);
            if after_last && before_next {
                next = Some((weight, position, range));
                // Nothing weighs more than 1: no later range can come first.
                if weight == 1000 {
                    break;
                }
            }
        }
        let (weight, position, range) = next?;
        if let Some(found) = lookup_range(range, tags) {
            return Some(found);
        }
        last = Some((weight, position));
    }
}

/// A range and its weight in thousandths; `None` for `*`, a weight of 0
/// or a malformed item.
fn range_and_weight(item: &str) -> Option<(&str, u16)> {
    let mut parts = item.split(';');
    let range = parts.next()?.trim();
    let well_formed = !range.is_empty()
        && range.len() <= 64
        && range.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !range.starts_with('-')
        && !range.ends_with('-');
    if !well_formed {
        return None;
    }
    let mut weight = 1000;
    for parameter in parts {
        let (name, value) = parameter.split_once('=')?;
        if name.trim().eq_ignore_ascii_case("q") {
            weight = q_value(value.trim())?;
        }
    }
    (weight > 0).then_some((range, weight))
}

/// A `qvalue` (RFC 9110, section 12.4.2) in thousandths: `0`, `0.5`, `1.000`.
fn q_value(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for (i, digit) in fraction.bytes().enumerate() {
        thousandths += u16::from(digit - b'0') * [100, 10, 1][i];
    }
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// The first tag the range, or a truncation of it, equals.
fn lookup_range(range: &str, tags: &[&str]) -> Option<usize> {
    let mut candidate = range;
    loop {
        if let Some(found) = tags.iter().position(|tag| tag.eq_ignore_ascii_case(candidate)) {
            return Some(found);
        }
        let (shorter, _) = candidate.rsplit_once('-')?;
        // A single-letter subtag (an extension's or `x`) goes with what follows it.
        candidate = match shorter.rsplit_once('-') {
            Some((before, singleton)) if singleton.len() == 1 => before,
            _ => shorter,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::lookup;

    const TAGS: &[&str] = &["en", "de", "de-CH", "fr", "zh-Hant"];

    fn found(header: &str) -> Option<&'static str> {
        lookup(header, TAGS).map(|i| TAGS[i])
    }

    #[test]
    fn the_heaviest_range_that_matches_wins() {
        assert_eq!(found("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5"), Some("fr"));
        assert_eq!(found("de;q=0.5, fr;q=0.9"), Some("fr"));
        assert_eq!(found("da, en-gb;q=0.8, en;q=0.7"), Some("en"));
        assert_eq!(found("es;q=0.9, de;q=0.9"), Some("de"));
        assert_eq!(found("es, de;q=0.9, fr;q=0.9"), Some("de"), "equal weights keep header order");
    }

    #[test]
    fn ranges_are_truncated_from_the_end() {
        assert_eq!(found("de-CH-1996"), Some("de-CH"));
        assert_eq!(found("de-AT"), Some("de"));
        assert_eq!(found("zh-Hant-TW"), Some("zh-Hant"));
        assert_eq!(found("zh-Hant-CN-x-private1-private2"), Some("zh-Hant"));
        assert_eq!(found("DE-ch"), Some("de-CH"), "case is ignored");
        assert_eq!(found("zh-Hans"), None, "no prefix of a tag matches by itself");
    }

    #[test]
    fn wildcards_zero_weights_and_malformed_ranges_match_nothing() {
        assert_eq!(found("*"), None);
        assert_eq!(found("de;q=0, fr;q=0.1"), Some("fr"));
        assert_eq!(found("de;q=2, fr;q=0.1"), Some("fr"));
        assert_eq!(found("de;q=0.1234, fr;q=0.1"), Some("fr"));
        assert_eq!(found("d\u{e9}, -de, de-, fr"), Some("fr"));
        assert_eq!(found(""), None);
        assert_eq!(found(" , ;q=1,"), None);
        assert_eq!(found("es , fr ; q=0.5"), Some("fr"));
    }

    #[test]
    fn a_long_header_is_weighed_in_its_first_ranges_only() {
        let mut header = "xx, ".repeat(16);
        header.push_str("de");
        assert_eq!(found(&header), None);
        assert_eq!(found(&"de,".repeat(10_000)), Some("de"));
    }
}
