//! Collision-free lookups for keys known when the crate was generated.
//!
//! Each table has a seed and a list of pilots chosen by the generator so
//! that every key lands in a slot of its own: a lookup hashes the key,
//! reads one pilot and one slot, and compares one stored key.

/// The 64-bit golden-ratio constant: a good odd multiplier.
const K0: u64 = 0x9E37_79B9_7F4A_7C15;
/// A second odd multiplier (from MurmurHash3's finaliser).
const K1: u64 = 0xFF51_AFD7_ED55_8CCD;

/// Hashes a numeric code under `seed`.
#[inline]
pub(crate) const fn hash_code(code: u32, seed: u64) -> u64 {
    let h = (code as u64 ^ seed).wrapping_mul(K0);
    h ^ (h >> 32)
}

/// Hashes a name under `seed`. A name of at least eight bytes, unless
/// `whole`, is one 128-bit multiply of two words, its halves folded: its
/// first eight bytes (with `middle`, and the eight in its middle, rotated)
/// by its last eight and its length. The loads are independent, so the
/// hash costs one multiply after them, not one per word. Shorter names,
/// and every name with `whole`, are hashed eight bytes at a time in a
/// chain. The generator reads the middle only for tables whose names the
/// ends cannot tell apart, and every byte only where the samples cannot
/// either, or where mixing them hashes two names alike.
#[inline]
pub(crate) fn hash_name(name: &str, seed: u64, middle: bool, whole: bool) -> u64 {
    let bytes = name.as_bytes();
    // No `let` chains here or below: the generated crate builds with Rust
    // 1.85, and they are stable from 1.88.
    if let (false, Some(first), Some(last)) = (whole, bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        let mut head = u64::from_le_bytes(*first) ^ seed;
        // Eight bytes at the middle: the first chunk of the second half.
        if let (true, Some(word)) = (middle, bytes[(bytes.len() - 8) / 2..].first_chunk::<8>()) {
            head ^= u64::from_le_bytes(*word).rotate_left(29);
        }
        let tail = u64::from_le_bytes(*last) ^ bytes.len() as u64 ^ K0;
        let product = head as u128 * tail as u128;
        return (product >> 64) as u64 ^ product as u64;
    }
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(K1);
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let word = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        h = (h.rotate_left(23) ^ word).wrapping_mul(K0);
    }
    h = (h.rotate_left(23) ^ short_word(words.remainder())).wrapping_mul(K0);
    h ^ (h >> 32)
}

/// The words a string-code lookup compares, with the length, for a table
/// whose codes are all at most 16 bytes long: a code's first and last
/// eight bytes, read where `hash_name` reads them (so, unless the table
/// is hashed `whole`, the loads are shared); a code under eight bytes is one word, zero-padded, twice. Two
/// codes of at most 16 bytes with the same length and words are the same
/// code: the words cover every byte, and the length tells a zero byte
/// from the padding.
#[inline]
pub(crate) fn ends(code: &str) -> (u64, u64) {
    let bytes = code.as_bytes();
    match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        (Some(first), Some(last)) => (u64::from_le_bytes(*first), u64::from_le_bytes(*last)),
        _ => {
            let word = short_word(bytes);
            (word, word)
        }
    }
}

/// Up to seven bytes as a word, zero-padded, without a loop: from four
/// bytes on, two overlapping four-byte loads, whose common bytes are the
/// same bytes in the same places; under four, the first, middle and last
/// byte. Callers pass fewer than eight bytes.
#[inline]
pub(crate) const fn short_word(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    if let (Some(low), Some(high)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        u32::from_le_bytes(*low) as u64 | (u32::from_le_bytes(*high) as u64) << (8 * (n - 4))
    } else if let (Some(first), Some(last)) = (bytes.first(), bytes.last()) {
        *first as u64 | (bytes[n / 2] as u64) << (8 * (n / 2)) | (*last as u64) << (8 * (n - 1))
    } else {
        0
    }
}

/// The slot of a key with hash `hash`, in a table of `slots` slots (a power
/// of two) whose buckets have the given `pilots`.
#[inline]
pub(crate) const fn slot(hash: u64, pilots: &[u16], slots: usize) -> usize {
    let bucket = ((hash >> 32) * pilots.len() as u64) >> 32;
    let pilot = pilots[bucket as usize] as u64;
    ((hash ^ pilot.wrapping_mul(K0)).wrapping_mul(K1) >> (64 - slots.trailing_zeros())) as usize
}
