//! The guards against hostile YAML, in one pass of the parser: nesting
//! deeper than any spec needs, and aliases that repeat more text than
//! reading may spend. They run before a spec that may hold an alias is
//! read, and after a spec that cannot fails to read.
//!
//! Both look at the same events, so they share the pass: the parser is
//! the largest part of loading, and a spec is read by it once here.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};

use super::locate::{self, MAX_NESTING, Spot};
use super::tree::{MAX_EXPANSION, VALUE_BYTES};

/// What the pass found in a text.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Hostile {
    /// Where the text first nests deeper than [`MAX_NESTING`], in any of
    /// its documents: the collection that opens too deep, or where the
    /// scanner's own nesting limit stopped it. Another syntax error ends
    /// the pass (the full parser reports those).
    pub(super) deep: Option<Spot>,
    /// The alias at which the values that aliases repeat first weigh more
    /// than [`MAX_EXPANSION`] bytes, in the first document. A value weighs
    /// its text plus [`VALUE_BYTES`], a collection the sum of its values,
    /// and an alias what its anchor weighs, aliases inside it included; so
    /// this bounds what any reading of the document (in one go, or in
    /// pieces) can build. A syntax error ends the count, after what came
    /// before it.
    pub(super) expanded: Option<Spot>,
}

/// One linear pass over the events of `text`.
pub(super) fn scan(text: &str) -> Hostile {
    let mut found = Hostile::default();
    let mut depth = 0usize;
    // `None` once the first document's expansion is known.
    let mut expansion = Some(Expansion::default());
    for event in Parser::new_from_str(text) {
        let (event, span) = match event {
            Ok(event) => event,
            Err(e) => {
                if e.info().contains("recursion limit") {
                    let mark = e.marker();
                    found.deep = Some(Spot { line: mark.line(), column: mark.col() + 1, width: 1 });
                }
                return found;
            }
        };
        match event {
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                depth += 1;
                if depth > MAX_NESTING {
                    found.deep = Some(locate::spot(&locate::lines(text), span));
                    return found;
                }
            }
            Event::SequenceEnd | Event::MappingEnd => depth = depth.saturating_sub(1),
            _ => {}
        }
        if let Some(counting) = &mut expansion {
            match counting.step(&event) {
                Step::Counting => {}
                Step::Crossed => {
                    found.expanded = Some(locate::spot(&locate::lines(text), span));
                    expansion = None;
                }
                Step::Ended => expansion = None,
            }
        }
    }
    found
}

/// Whether `text` may hold an alias: a `*` where a node may start (first
/// on its line, or after an indicator that a node follows: `:`, `-`, `?`,
/// `[`, `{`, `,`), blanks between. A text that holds none cannot expand,
/// so its spec types bound how deep a reading of it can nest; a `*` inside
/// a scalar may say yes too, and then the text is only scanned first.
pub(super) fn may_hold_alias(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.match_indices('*').any(|(at, _)| {
        let before = bytes[..at].iter().rev().find(|&&byte| byte != b' ' && byte != b'\t');
        // Any byte past ASCII too: YAML 1.1 also breaks lines at U+0085,
        // U+2028 and U+2029.
        matches!(before, None | Some(b'\n' | b'\r' | b':' | b'-' | b'?' | b'[' | b'{' | b',' | 0x80..))
    })
}

/// Whether one line of `text` opens more collections than [`MAX_NESTING`]:
/// more `[` and `{`, and `-` or `?` before a blank, than a spec nests. The
/// scanner weighs each token against every collection still open on its
/// line, so such a line costs it time that grows with the square of its
/// length, where the guards' pass stops at the first level too deep. A
/// line of prose that says yes only has its text scanned first.
pub(super) fn may_nest_deep_on_one_line(text: &str) -> bool {
    // A line opens no more collections than it has `[`, `{`, `-` and `?`:
    // counting those (in a loop without a branch a byte) clears nearly
    // every line, and only the others are counted exactly.
    let marks = |line: &str| line.bytes().filter(|b| matches!(b, b'[' | b'{' | b'-' | b'?')).count();
    text.split('\n')
        .filter(|line| marks(line) > MAX_NESTING)
        .any(|line| line.split('\r').any(|line| opens(line) > MAX_NESTING))
}

/// How many collections `line` (no line break in it) may open: each `[`
/// and `{`, and each `-` and `?` that a space, a tab or the line's end
/// follows.
fn opens(line: &str) -> usize {
    let bytes = line.as_bytes();
    let opens = bytes.iter().enumerate().filter(|&(at, &byte)| match byte {
        b'[' | b'{' => true,
        b'-' | b'?' => matches!(bytes.get(at + 1), None | Some(b' ' | b'\t')),
        _ => false,
    });
    opens.count()
}

/// The weights of the first document so far.
#[derive(Default)]
struct Expansion {
    /// The weight of each open collection so far, and its anchor.
    open: Vec<(usize, usize)>,
    /// The weight of each anchor.
    anchors: HashMap<usize, usize>,
    /// What the aliases so far repeat.
    added: usize,
}

/// Where the count stands after an event.
enum Step {
    Counting,
    /// The aliases repeat more than [`MAX_EXPANSION`] at this event.
    Crossed,
    /// The first document ended, or its events cannot be counted.
    Ended,
}

impl Expansion {
    fn step(&mut self, event: &Event<'_>) -> Step {
        let (weight, anchor) = match event {
            Event::Scalar(value, _, anchor, _) => (value.len().saturating_add(VALUE_BYTES), *anchor),
            Event::Alias(id) => {
                let Some(&weight) = self.anchors.get(id) else { return Step::Ended };
                self.added = self.added.saturating_add(weight);
                if self.added > MAX_EXPANSION {
                    return Step::Crossed;
                }
                (weight, 0)
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                self.open.push((VALUE_BYTES, *anchor));
                return Step::Counting;
            }
            Event::SequenceEnd | Event::MappingEnd => match self.open.pop() {
                Some(closed) => closed,
                None => return Step::Ended,
            },
            Event::DocumentEnd | Event::StreamEnd => return Step::Ended,
            _ => return Step::Counting,
        };
        if anchor != 0 {
            self.anchors.insert(anchor, weight);
        }
        if let Some((parent, _)) = self.open.last_mut() {
            *parent = parent.saturating_add(weight);
        }
        Step::Counting
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spec_is_neither_deep_nor_expanded() {
        let spec = include_str!("../../../spec/knox-cloud.yaml");
        assert_eq!(scan(spec), Hostile::default());
    }

    #[test]
    fn nesting_is_limited() {
        let deep_flow = format!("a: {}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(scan(&deep_flow).deep.map(|s| s.line), Some(1));
        let deep_block: String = (0..100).map(|d| format!("{}- \n", " ".repeat(d))).collect();
        assert_eq!(scan(&deep_block).deep.map(|s| s.line), Some(MAX_NESTING + 1));
        // Every document counts.
        assert_eq!(scan(&format!("a: 1\n---\n{deep_block}")).deep.map(|s| s.line), Some(MAX_NESTING + 3));
    }

    #[test]
    fn an_alias_is_seen_wherever_a_node_may_start() {
        let breaks = ["a:\u{85}  *b", "a:\u{2028}*b", "a:\u{2029} *b"];
        for text in
            ["*a", "a: *b", "a:\t*b", "- *a", "[x, *a]", "{k: *a}", "? *a", "a:\n  *b", "a:\r*b", "--- *a"]
                .into_iter()
                .chain(breaks)
        {
            assert!(may_hold_alias(text), "{text:?}");
        }
        for text in ["a: b", "a: '2 * 3'", "a: x*y", "a: Use *bold* text", "a: \"*\""] {
            assert!(!may_hold_alias(text), "{text:?}");
        }
        // Every alias the parser reads is seen, whatever surrounds it.
        for text in ["a: &x 1\nb: *x\n", "l: [&x 1, *x]\n", "- &x a\n- *x\n", "a: &k x\n? *k\n: v\n"] {
            let aliases =
                Parser::new_from_str(text).flatten().filter(|(e, _)| matches!(e, Event::Alias(_))).count();
            assert!(aliases > 0 && may_hold_alias(text), "{text:?}");
        }
    }

    #[test]
    fn a_line_that_opens_more_than_a_spec_nests_is_seen() {
        let deep = MAX_NESTING + 1;
        for text in [
            "[".repeat(deep),
            "{a: ".repeat(deep),
            "- ".repeat(deep),
            format!("a: 1\n---\n{}", "[".repeat(deep)),
        ] {
            assert!(may_nest_deep_on_one_line(&text), "{text:?}");
            assert!(scan(&text).deep.is_some(), "{text:?}");
        }
        let spread = "[\n".repeat(deep);
        assert!(!may_nest_deep_on_one_line(&spread));
        for text in [
            "statuses: [400, 404]\n",
            "- a\n- b\n",
            "description: 'Use [x] {y} - z'\n",
            &"[".repeat(MAX_NESTING),
        ] {
            assert!(!may_nest_deep_on_one_line(text), "{text:?}");
        }
    }

    proptest::proptest! {
        /// The one pass over the bytes counts as counting line by line does.
        #[test]
        fn the_opens_are_counted_as_line_by_line(
            (head, brackets, tail) in (
                proptest::string::string_regex("[-?\\[{ \t\r\na]{0,12}").expect("a regex"),
                MAX_NESTING - 3..MAX_NESTING + 2,
                proptest::string::string_regex("[-?\\[{ \t\r\na]{0,12}").expect("a regex"),
            )
        ) {
            // Near the limit on one line, where one open more or less tells.
            let text = format!("{head}{}{tail}", "[".repeat(brackets));
            // Every line counted exactly, with no count of marks first.
            let by_line = text.split(['\n', '\r']).any(|line| opens(line) > MAX_NESTING);
            proptest::prop_assert_eq!(may_nest_deep_on_one_line(&text), by_line);
        }
    }

    /// Ten levels of anchors, each repeating the last ten times: the
    /// aliases up to level 5 repeat about 11 MB, level 6's ten aliases
    /// about 99 MB more.
    fn alias_bomb() -> String {
        let mut text = String::from("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for level in 1..10 {
            let aliases = vec![format!("*l{}", level - 1); 10].join(", ");
            text.push_str(&format!("l{level}: &l{level} [{aliases}]\n"));
        }
        text
    }

    #[test]
    fn aliases_are_limited_in_the_first_document() {
        let bomb = alias_bomb();
        let spot = scan(&bomb).expanded.expect("the bomb is found");
        assert_eq!(spot.line, 7, "at level 6, whose aliases cross 64 MiB");
        assert_eq!(scan(&format!("a: 1\n---\n{bomb}")).expanded, None);
        // Aliases of a small anchor are fine.
        assert_eq!(scan("a: &a [1, 2]\nb: [*a, *a, *a]\n").expanded, None);
    }
}
