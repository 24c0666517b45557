//! A variant's row from its discriminant, which is its code, for the
//! getters (`name`, `description`, …): a multiplier chosen here under
//! which every code of the table lands in a slot of its own, so a getter
//! is one multiply, one shift and two array reads, as cheap as a `match`
//! on a dense enum (see BENCHMARKS.md, "Getters since the discriminants
//! are the codes"). Tables whose codes no multiplier separates in a small
//! enough array keep reading their row through `from_code`'s hash table.
//!
//! A getter needs no compare: its variant is one of the table's codes, so
//! a slot no code lands in is never read.

/// The slot array of one table: `rows[(code * multiplier) >> shift]` is
/// the row of `code` (32-bit wrapping multiply).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowIndex {
    /// The odd multiplier that spreads the table's codes.
    pub multiplier: u32,
    /// `32 - log2(rows.len())`: the top bits of the product index the slots.
    pub shift: u32,
    /// For each slot, the row whose code lands there (0 where none does).
    pub rows: Vec<u32>,
}

/// The most slots a table's array may have: 16,384 (32 KiB of `u16`);
/// a larger table reads its row through the hash table.
const MAX_SLOTS_LOG2: u32 = 14;

/// How many times the slot array may double, from twice the row count's
/// next power of two (so 2 to 4 slots a row) to 16 times it. Structured
/// codes (`status × 10⁶ + n`, runs of numbers) spread well under a
/// multiplier; random ones fit only small tables.
const SPARENESS_LOG2: u32 = 3;

/// Multipliers tried for each size before the next larger array.
const MULTIPLIERS: u64 = 256;

impl RowIndex {
    /// The slot of `code`, as the generated getter computes it.
    #[must_use]
    pub const fn slot(&self, code: u32) -> usize {
        (code.wrapping_mul(self.multiplier) >> self.shift) as usize
    }
}

/// The smallest slot array (then the first multiplier) under which
/// `codes`, a table's distinct codes in row order, land in slots of their
/// own; `None` when no array of at most 2^14 slots is found.
///
/// Deterministic: the same codes always give the same index.
#[must_use]
pub fn build(codes: &[u32]) -> Option<RowIndex> {
    // At least two slots: a shift of 32 would overflow.
    let least = codes.len().max(2).next_power_of_two().trailing_zeros() + 1;
    let mut stamp = vec![u64::MAX; 1 << (least + SPARENESS_LOG2).min(MAX_SLOTS_LOG2)];
    let mut trial = 0u64;
    for log2 in least..=(least + SPARENESS_LOG2).min(MAX_SLOTS_LOG2) {
        let shift = 32 - log2;
        for attempt in 0..MULTIPLIERS {
            trial += 1;
            let multiplier = (super::splitmix64(attempt) as u32) | 1;
            // A slot is taken when it carries this trial's stamp.
            let separates = codes.iter().all(|&code| {
                let slot = (code.wrapping_mul(multiplier) >> shift) as usize;
                let free = stamp[slot] != trial;
                stamp[slot] = trial;
                free
            });
            if separates {
                let mut rows = vec![0u32; 1 << log2];
                for (row, &code) in codes.iter().enumerate() {
                    rows[(code.wrapping_mul(multiplier) >> shift) as usize] = row as u32;
                }
                return Some(RowIndex { multiplier, shift, rows });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::build;

    fn check(codes: &[u32]) -> super::RowIndex {
        let index = build(codes).expect("an index");
        for (row, &code) in codes.iter().enumerate() {
            assert_eq!(index.rows[index.slot(code)] as usize, row, "code {code}");
        }
        assert!(index.rows.len().is_power_of_two() && index.rows.len() >= 2 * codes.len().max(1));
        index
    }

    #[test]
    fn every_code_finds_its_row() {
        check(&[4032251]);
        check(&[400, 401, 403, 404, 406, 422, 429]);
        check(&[4002250, 4002251, 40122050, 4032251, 4032252, 4042251, 4042252, 4000000, 4040000]);
        // Knox-style custom codes, `status × 10⁶ + n`, a thousand of them.
        let clustered: Vec<u32> =
            (0..1000u32).map(|n| [400, 401, 403][n as usize % 3] * 1_000_000 + n * 7 / 3).collect();
        let index = check(&clustered);
        assert!(index.rows.len() <= 8192, "{} slots", index.rows.len());
    }

    #[test]
    fn deterministic() {
        let codes: Vec<u32> = (0..300).map(|n| 1000 + n * 13).collect();
        assert_eq!(build(&codes), build(&codes));
    }

    #[test]
    fn codes_no_small_array_separates_get_none() {
        // 5,000 random codes fit no array of 2^14 slots (they would under
        // one multiplier in about e^760 tries).
        let codes: Vec<u32> = (0..5000).map(|n| crate::phf::splitmix64(n) as u32).collect();
        let mut distinct = codes.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(build(&distinct), None);
    }
}
