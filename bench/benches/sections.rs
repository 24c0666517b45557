//! Lookups with several names and sections per code, against the
//! `HashMap`s a user would otherwise build, on a synthetic catalogue of
//! 1,000 codes (`build_sections.rs`): each code has three names (its own
//! and two other names) and appears in three of four sections, with its
//! own text in each.
//!
//! - `from_name`: any of the 3,000 names, hits and misses, against a
//!   `HashMap` from every name to its row;
//! - `section_description`: a (code, section) pair the catalogue lists,
//!   from the code (`from_code`, then the getter), against a `HashMap`
//!   keyed by (code, section), the other way to make lookups by section
//!   unambiguous;
//! - `sections`: the sections of a code, from the code, against a
//!   `HashMap` from the code to its sections.
//!
//! Each iteration is one call, on the next of 1,024 keys in a fixed
//! shuffled order. `cargo bench -p lookup-bench --bench sections` runs
//! them; see BENCHMARKS.md.

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkGroup, Criterion, criterion_group, criterion_main, measurement::WallTime};

extern crate synth_sections_errors;

/// One row, as the `HashMap` baselines store it: its code, every name,
/// and its text in each of its sections (by the section's index).
pub struct SectionsEntry {
    pub code: u32,
    pub names: &'static [&'static str],
    pub sections: &'static [(usize, &'static str)],
}

mod sections1000 {
    include!(concat!(env!("OUT_DIR"), "/sections1000.rs"));
}

use sections1000::{Generated, ROWS, Section};

const KEYS: usize = 1024;

/// `items` repeated and shuffled (deterministically) to `KEYS` entries.
fn shuffled<T: Clone>(items: &[T]) -> Vec<T> {
    let mut keys: Vec<T> = items.iter().cycle().take(KEYS.max(items.len())).cloned().collect();
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    for i in (1..keys.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        keys.swap(i, (state % (i as u64 + 1)) as usize);
    }
    keys.truncate(KEYS);
    keys
}

/// Times `f` on the keys in turn, one call per iteration.
fn bench_keys<K, R>(group: &mut BenchmarkGroup<'_, WallTime>, name: &str, keys: &[K], f: impl Fn(&K) -> R) {
    group.bench_function(name, |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % KEYS;
            f(black_box(&keys[i]))
        })
    });
}

fn sections_1000(c: &mut Criterion) {
    let by_name: HashMap<&str, u32> =
        ROWS.iter().flat_map(|row| row.names.iter().map(move |name| (*name, row.code))).collect();
    let by_pair: HashMap<(u32, usize), &str> = ROWS
        .iter()
        .flat_map(|row| row.sections.iter().map(move |&(section, text)| ((row.code, section), text)))
        .collect();
    let by_code: HashMap<u32, Vec<usize>> = ROWS
        .iter()
        .map(|row| (row.code, row.sections.iter().map(|&(section, _)| section).collect()))
        .collect();

    // The same answers both ways, before anything is timed.
    for row in ROWS {
        let generated = Generated::from_code(row.code).expect("a generated row");
        for name in row.names {
            assert_eq!(Generated::from_name(name), Some(generated), "{name}");
        }
        for &(section, text) in row.sections {
            assert_eq!(generated.section_description(Section::ALL[section]), Some(text));
        }
        assert_eq!(generated.sections().len(), by_code[&row.code].len());
    }

    let names: Vec<&str> =
        shuffled(&ROWS.iter().flat_map(|row| row.names.iter().copied()).collect::<Vec<_>>());
    let misses: Vec<String> = names.iter().map(|name| format!("{name}X")).collect();
    let misses: Vec<&str> = misses.iter().map(String::as_str).collect();
    for (what, keys) in [("hit", &names), ("miss", &misses)] {
        let mut group = c.benchmark_group(format!("sections1000/from_name_{what}"));
        bench_keys(&mut group, "generated", keys, |name| Generated::from_name(name));
        bench_keys(&mut group, "hashmap", keys, |name| by_name.get(name).copied());
        group.finish();
    }

    let pairs: Vec<(u32, usize)> = shuffled(
        &ROWS
            .iter()
            .flat_map(|row| row.sections.iter().map(move |&(section, _)| (row.code, section)))
            .collect::<Vec<_>>(),
    );
    let mut group = c.benchmark_group("sections1000/section_description");
    bench_keys(&mut group, "generated", &pairs, |&(code, section)| {
        Generated::from_code(code).and_then(|error| error.section_description(Section::ALL[section]))
    });
    bench_keys(&mut group, "hashmap", &pairs, |pair| by_pair.get(pair).copied());
    group.finish();

    let codes: Vec<u32> = shuffled(&ROWS.iter().map(|row| row.code).collect::<Vec<_>>());
    let mut group = c.benchmark_group("sections1000/sections");
    bench_keys(&mut group, "generated", &codes, |&code| Generated::from_code(code).map(Generated::sections));
    bench_keys(&mut group, "hashmap", &codes, |code| by_code.get(code).map(Vec::as_slice));
    group.finish();
}

fn config() -> Criterion {
    Criterion::default().warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(1))
}

criterion_group! {
    name = benches;
    config = config();
    targets = sections_1000
}
criterion_main!(benches);
