//! Builds the collision-free lookup tables that the generated crate reads.
//!
//! The scheme is PTHash's hash-and-displace: keys are hashed with a global
//! seed, spread over buckets, and each bucket gets the first pilot that
//! sends all its keys to free slots. The lookup side lives in `lookup.rs`,
//! which is compiled here *and* copied verbatim into the generated crate,
//! so the generator and the crate can never disagree on a hash.

mod lookup;
pub mod rows;

pub(crate) use lookup::{ends, hash_code, hash_name, slot};

/// The source of the lookup functions, spliced into the generated crate.
pub const LOOKUP_SOURCE: &str = include_str!("lookup.rs");

/// Lookup tables for one set of keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phf {
    /// The seed that every key is hashed with.
    pub seed: u64,
    /// One pilot per bucket.
    pub pilots: Vec<u16>,
    /// For each slot, the index of the key that lands there (0 where no key
    /// does: a lookup compares the stored key anyway).
    pub slots: Vec<u32>,
}

/// Which bytes of a name `hash_name` reads, for one table's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameHash {
    /// The length and the first and last eight bytes.
    Ends,
    /// Those and the eight bytes in the middle.
    Middle,
    /// Every byte.
    Whole,
}

impl NameHash {
    /// `hash_name`'s `middle`.
    #[must_use]
    pub fn middle(self) -> bool {
        self == NameHash::Middle
    }

    /// `hash_name`'s `whole`.
    #[must_use]
    pub fn whole(self) -> bool {
        self == NameHash::Whole
    }
}

/// The fewest bytes that tell `names` apart: the ends when no two share
/// their length and first and last eight bytes, else those and the middle
/// eight when no two share all three, else every byte (names under eight
/// bytes are always read whole).
pub fn name_hash<'a>(names: impl IntoIterator<Item = &'a str> + Clone) -> NameHash {
    let tell_apart = |middle: bool| {
        let mut samples = std::collections::HashSet::new();
        names.clone().into_iter().all(|name| {
            let bytes = name.as_bytes();
            let sample = match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
                (Some(first), Some(last)) => {
                    let at = (bytes.len() - 8) / 2;
                    let mid = if middle { &bytes[at..at + 8] } else { &[][..] };
                    (bytes.len(), &first[..], mid, &last[..])
                }
                _ => (bytes.len(), bytes, &[][..], &[][..]),
            };
            samples.insert(sample)
        })
    };
    if tell_apart(false) {
        NameHash::Ends
    } else if tell_apart(true) {
        NameHash::Middle
    } else {
        NameHash::Whole
    }
}

/// Average keys per bucket: fewer pilots against a longer search.
const KEYS_PER_BUCKET: usize = 4;

/// The most keys one bucket may take: with four on average, a larger one
/// comes once in 10^18 buckets by chance; a hash that cannot tell the keys
/// apart makes them. Such a seed is dropped without a search.
const MAX_BUCKET: usize = 32;

/// Seeds one way of hashing is tried with before the builder gives up on
/// it: random keys need a second seed about once in a thousand tables.
const SEEDS: u64 = 64;

/// Builds tables for `n` keys whose hash under a seed is `hash(index, seed)`,
/// or `None` when no seed of a bounded search finds them.
///
/// Deterministic: the same keys always give the same tables. Keys must be
/// distinct; the caller's validation guarantees it. Two keys with one hash
/// end the search at once: the hash cannot tell them apart, under this seed
/// and (for a hash that reads only part of a key) likely under every seed.
pub fn build(n: usize, hash: impl Fn(usize, u64) -> u64) -> Option<Phf> {
    // Load factor at most 0.8, so the last buckets still find room quickly.
    let slots = (n + n / 4).max(2).next_power_of_two();
    let buckets = n.div_ceil(KEYS_PER_BUCKET).max(1);
    let pilots = vec![0u16; buckets];
    for attempt in 0..SEEDS {
        match try_seed(n, splitmix64(attempt), slots, pilots.clone(), &hash) {
            Attempt::Built(phf) => return Some(phf),
            Attempt::EqualHashes => return None,
            Attempt::NoPilot => {}
        }
    }
    None
}

/// Tables for names (or string codes), with which bytes they hash: the
/// fewest that tell the names apart, else more, up to every byte.
/// `None` when none finds tables: the caller finds names with a `match`.
pub fn build_names(names: &[&str]) -> Option<(Phf, NameHash)> {
    let least = name_hash(names.iter().copied());
    [NameHash::Ends, NameHash::Middle, NameHash::Whole].into_iter().filter(|&reads| reads >= least).find_map(
        |reads| {
            let phf = build(names.len(), |i, seed| hash_name(names[i], seed, reads.middle(), reads.whole()))?;
            Some((phf, reads))
        },
    )
}

/// What one seed came to.
enum Attempt {
    Built(Phf),
    /// Two keys hash alike: no pilot can separate them.
    EqualHashes,
    /// Some bucket found no pilot that sends its keys to free slots, or
    /// holds too many keys to search for one.
    NoPilot,
}

fn try_seed(
    n: usize,
    seed: u64,
    slots: usize,
    mut pilots: Vec<u16>,
    hash: &impl Fn(usize, u64) -> u64,
) -> Attempt {
    let hashes: Vec<u64> = (0..n).map(|i| hash(i, seed)).collect();
    let mut sorted = hashes.clone();
    sorted.sort_unstable();
    if sorted.windows(2).any(|pair| pair[0] == pair[1]) {
        return Attempt::EqualHashes;
    }
    let bucket_of = |h: u64| (((h >> 32) * pilots.len() as u64) >> 32) as usize;
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); pilots.len()];
    for (i, &h) in hashes.iter().enumerate() {
        members[bucket_of(h)].push(i);
    }
    if members.iter().any(|keys| keys.len() > MAX_BUCKET) {
        return Attempt::NoPilot;
    }
    // Largest buckets first, while most slots are free; ties in bucket order.
    let mut order: Vec<usize> = (0..pilots.len()).collect();
    order.sort_by_key(|&b| std::cmp::Reverse(members[b].len()));

    let mut owner: Vec<Option<u32>> = vec![None; slots];
    let mut candidate = Vec::with_capacity(KEYS_PER_BUCKET * 4);
    for b in order {
        if members[b].is_empty() {
            break;
        }
        let found = (0..=u16::MAX).find(|&pilot| {
            pilots[b] = pilot;
            candidate.clear();
            for &i in &members[b] {
                let s = slot(hashes[i], &pilots, slots);
                if owner[s].is_some() || candidate.contains(&s) {
                    return false;
                }
                candidate.push(s);
            }
            true
        });
        // No pilot separates this bucket (bad luck): try the next seed.
        if found.is_none() {
            return Attempt::NoPilot;
        }
        for (&i, &s) in members[b].iter().zip(&candidate) {
            owner[s] = Some(i as u32);
        }
    }
    Attempt::Built(Phf { seed, pilots, slots: owner.into_iter().map(|o| o.unwrap_or(0)).collect() })
}

/// A fixed sequence of well-spread seeds.
fn splitmix64(i: u64) -> u64 {
    let mut z = i.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_codes(codes: &[u32]) {
        let phf = build(codes.len(), |i, seed| hash_code(codes[i], seed)).expect("tables for distinct codes");
        assert!(phf.slots.len().is_power_of_two());
        let mut seen = vec![false; codes.len()];
        for (i, &code) in codes.iter().enumerate() {
            let s = slot(hash_code(code, phf.seed), &phf.pilots, phf.slots.len());
            assert_eq!(phf.slots[s] as usize, i, "code {code} lands on another key's slot");
            seen[i] = true;
        }
        assert!(seen.iter().all(|&s| s));
    }

    #[test]
    fn every_code_finds_its_own_slot() {
        check_codes(&[7]);
        check_codes(&[400, 401, 403, 404, 406, 422, 429, 500, 501]);
        check_codes(&(0..5000).map(|i| 4_000_000 + i * 7).collect::<Vec<_>>());
        check_codes(&(0..3000).map(|i| i << 20).collect::<Vec<_>>());
    }

    #[test]
    fn every_name_finds_its_own_slot() {
        // The first set differs in its last eight bytes, the second in its
        // middle eight, the third only outside the three samples, so it
        // needs every byte hashed.
        let short: Vec<String> = (0..2000).map(|i| format!("ERROR_NAME_{i:05}")).collect();
        let middle: Vec<String> = (0..2000).map(|i| format!("ERROR_{i:05}_NAME_SUFFIX")).collect();
        let whole: Vec<String> =
            (0..2000).map(|i| format!("AN_ERROR_{i:05}_NAME_HAS_A_LONG_SUFFIX")).collect();
        for (names, expect) in [(short, NameHash::Ends), (middle, NameHash::Middle), (whole, NameHash::Whole)]
        {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let (phf, reads) = build_names(&names).expect("tables for distinct names");
            assert_eq!(reads, expect);
            assert_finds_each(&names, &phf, reads);
        }
    }

    #[test]
    fn names_differing_only_in_length_or_tail_hash_apart() {
        let seed = splitmix64(0);
        for (middle, whole) in [(false, false), (true, false), (false, true)] {
            let hash = |name| hash_name(name, seed, middle, whole);
            assert_ne!(hash(""), hash("\0"));
            assert_ne!(hash("ABCDEFGH"), hash("ABCDEFGH\0"));
            assert_ne!(hash("ABCDEFGHI"), hash("ABCDEFGHJ"));
            assert_ne!(hash("ABCDEFG"), hash("ABCDEFH"));
        }
        // The short form reads only the ends of a long name, the middle
        // form its middle too, past the first eight bytes.
        let (x, y) = ("ABCDEFGH_x_ABCDEFGH", "ABCDEFGH_y_ABCDEFGH");
        assert_eq!(hash_name(x, seed, false, false), hash_name(y, seed, false, false));
        assert_ne!(hash_name(x, seed, true, false), hash_name(y, seed, true, false));
        assert_ne!(hash_name(x, seed, false, true), hash_name(y, seed, false, true));
        let (x, y) = ("ABCDEFGHx__________ABCDEFGH", "ABCDEFGHy__________ABCDEFGH");
        assert_eq!(hash_name(x, seed, true, false), hash_name(y, seed, true, false));
        assert_ne!(hash_name(x, seed, false, true), hash_name(y, seed, false, true));
    }

    #[test]
    fn more_bytes_only_where_fewer_do_not_tell_names_apart() {
        let reads = |names: &[&str]| name_hash(names.iter().copied());
        assert_eq!(
            reads(&["ACCESS_TOKEN_EXPIRED", "ACCESS_TOKEN_INVALID", "Not Found", "NO", "N"]),
            NameHash::Ends
        );
        assert_eq!(reads(&["ABCDEFGH_x_ABCDEFGH", "ABCDEFGH_xy_ABCDEFGH"]), NameHash::Ends, "lengths differ");
        assert_eq!(reads(&["ABCDEFGH_x_ABCDEFGH", "ABCDEFGH_y_ABCDEFGH"]), NameHash::Middle);
        assert_eq!(reads(&["ABCDEFGHx__________ABCDEFGH", "ABCDEFGHy__________ABCDEFGH"]), NameHash::Whole);
    }

    #[test]
    fn deterministic() {
        let codes: Vec<u32> = (0..500).map(|i| i * 13 + 1).collect();
        let a = build(codes.len(), |i, seed| hash_code(codes[i], seed));
        let b = build(codes.len(), |i, seed| hash_code(codes[i], seed));
        assert!(a.is_some());
        assert_eq!(a, b);
    }

    /// Two names the short hash cannot tell apart under any seed, though
    /// their lengths and last eight bytes differ: their first eight bytes
    /// are the same, and their last eight differ only in the bits where
    /// their lengths do, so each last word xor its length is the same
    /// (the second name is one byte longer). `mid` fills the middle.
    fn short_hash_twins(mid: &str) -> (String, String) {
        let a = format!("Abcdefgh{mid}ijklmnop");
        // Lengths under 128 differ in at most the low seven bits: ASCII stays ASCII.
        let differ = (a.len() ^ (a.len() + 1)) as u8;
        let b = format!("Abcdefgh{mid}!{}jklmnop", char::from(b'i' ^ differ));
        (a, b)
    }

    #[test]
    fn twins_collide_under_the_short_hash_and_not_whole() {
        let (a, b) = short_hash_twins(" ");
        assert_eq!(a.len() + 1, b.len());
        assert_eq!(name_hash([a.as_str(), b.as_str()]), NameHash::Ends, "their lengths differ");
        for attempt in 0..8 {
            let seed = splitmix64(attempt);
            assert_eq!(hash_name(&a, seed, false, false), hash_name(&b, seed, false, false));
            assert_ne!(hash_name(&a, seed, true, false), hash_name(&b, seed, true, false));
            assert_ne!(hash_name(&a, seed, false, true), hash_name(&b, seed, false, true));
        }
    }

    fn assert_finds_each(names: &[&str], phf: &Phf, reads: NameHash) {
        for (i, name) in names.iter().enumerate() {
            let s =
                slot(hash_name(name, phf.seed, reads.middle(), reads.whole()), &phf.pilots, phf.slots.len());
            assert_eq!(phf.slots[s] as usize, i, "{name:?} lands on another key's slot");
        }
    }

    #[test]
    fn twins_are_hashed_with_more_bytes_at_once() {
        let mut names: Vec<String> = (0..40).map(|i| format!("Row number {i}")).collect();
        let (a, b) = short_hash_twins(" ");
        names.extend([a, b]);
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let (phf, reads) = build_names(&names).expect("reading more bytes tells them apart");
        assert_ne!(reads, NameHash::Ends);
        assert_finds_each(&names, &phf, reads);
    }

    /// Two names of 24 bytes that the middle hash cannot tell apart under
    /// any seed, though their first and middle eight bytes differ: the
    /// first in bit 0 of byte 0, the middle (bytes 8 to 15) in bit 3 of
    /// byte 12, which the rotation by 29 moves onto bit 0.
    const MIDDLE_HASH_TWINS: [&str; 2] = ["Abcdefghijklanopqrstuvwx", "@bcdefghijklinopqrstuvwx"];

    #[test]
    fn middle_twins_are_hashed_whole() {
        let [a, b] = MIDDLE_HASH_TWINS;
        for attempt in 0..8 {
            let seed = splitmix64(attempt);
            assert_ne!(hash_name(a, seed, false, false), hash_name(b, seed, false, false));
            assert_eq!(hash_name(a, seed, true, false), hash_name(b, seed, true, false));
            assert_ne!(hash_name(a, seed, false, true), hash_name(b, seed, false, true));
        }
        // Two names the ends cannot tell apart make the table read the middle.
        let names = [a, b, "Abcdefgh_x_qrstuvwx", "Abcdefgh_y_qrstuvwx"];
        assert_eq!(name_hash(names), NameHash::Middle);
        let (phf, reads) = build_names(&names).expect("every byte tells them apart");
        assert_eq!(reads, NameHash::Whole);
        assert_finds_each(&names, &phf, reads);
    }

    #[test]
    fn a_hash_that_tells_nothing_apart_gives_up_at_once() {
        let started = std::time::Instant::now();
        assert_eq!(build(1000, |_, seed| seed), None);
        // Two keys per bucket that no pilot separates, under every seed.
        assert_eq!(build(8, |i, seed| seed ^ (i as u64 & 1)), None);
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }

    /// The bytes of `bytes` (fewer than eight) zero-padded, a byte at a
    /// time: what `hash_name` hashed before `short_word`.
    fn padded_byte_by_byte(bytes: &[u8]) -> u64 {
        bytes.iter().enumerate().fold(0, |word, (i, &byte)| word | u64::from(byte) << (8 * i))
    }

    #[test]
    fn short_words_are_the_bytes_zero_padded() {
        let bytes = [0xFF, 0x01, 0x80, 0x00, 0x7F, 0xA5, 0x5A];
        for start in 0..bytes.len() {
            for end in start..=bytes.len() {
                let part = &bytes[start..end];
                assert_eq!(lookup::short_word(part), padded_byte_by_byte(part), "{part:?}");
            }
        }
    }

    #[test]
    fn ends_tell_apart_a_zero_byte_from_the_padding_and_read_the_middle_of_sixteen() {
        let same = |a: &str, b: &str| (a.len(), ends(a)) == (b.len(), ends(b));
        for (a, b) in [
            ("", "\0"),
            ("ab", "ab\0"),
            ("22P06", "22P06\0\0\0"),
            ("abcdefg", "abcdefg\0"),
            ("abcdefgh", "abcdefgh\0"),
            ("abcdefgh_1_12345", "abcdefgh_2_12345"),
            ("abcdefgh12345678", "abcdefg\x0012345678"),
        ] {
            assert!(!same(a, b), "{a:?} and {b:?}");
        }
    }

    proptest::proptest! {
        /// Keys of at most 16 bytes with the same length and ends are the
        /// same key: `from_code` may compare those alone. The alphabet is
        /// small, with a zero byte, so near keys are common.
        #[test]
        fn ends_and_length_are_the_whole_key_up_to_sixteen_bytes(
            a in "[ab\0]{0,16}",
            b in "[ab\0]{0,16}",
        ) {
            proptest::prop_assert_eq!((a.len(), ends(&a)) == (b.len(), ends(&b)), a == b);
        }

        /// Sets of names built to defeat the short hash (twins, and names
        /// sharing their length and ends) always get tables, quickly.
        #[test]
        fn adversarial_names_always_get_tables(
            twins in proptest::collection::vec("[ -~]{0,12}", 0..6),
            shared in proptest::collection::vec("[a-z\u{e9}\u{2028}]{1,6}", 0..30),
            plain in proptest::collection::vec("\\PC{1,30}", 0..30),
        ) {
            let mut names: Vec<String> = Vec::new();
            for mid in &twins {
                let (a, b) = short_hash_twins(mid);
                names.extend([a, b]);
            }
            names.extend(shared.iter().map(|mid| format!("ABCDEFGH{mid}ABCDEFGH")));
            names.extend(plain);
            names.sort();
            names.dedup();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let started = std::time::Instant::now();
            let (phf, reads) = build_names(&names).expect("distinct names get tables");
            proptest::prop_assert!(started.elapsed() < std::time::Duration::from_secs(5));
            assert_finds_each(&names, &phf, reads);
        }
    }
}
