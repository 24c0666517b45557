//! The generated lookups against what a user would otherwise write, at the
//! real spec's size (18 codes: tables of 9) and at 1,000 codes (a table of
//! 961): `from_code` and `from_name` (hits and misses, and aliases where
//! the table has some), `code`, `name`, `description` and `Display`, for
//!
//! - `generated`: the generated enum (`from_code`/`from_name` are
//!   collision-free hash tables, the getters array reads);
//! - `hashmap`: `HashMap`s from code and from name to a row, built at
//!   start-up with the standard hasher;
//! - `strum`: the same enum with `FromRepr`, `EnumString`, `IntoStaticStr`
//!   and `EnumMessage` derives;
//! - `match`: the same enum with one hand-written `match` per method.
//!
//! For string codes (`codes: string`), `from_code(&str)` and
//! `ErrorCode::from_code` on the Stripe-style golden crate (22 codes, a
//! table of 18) and on 1,000 string codes (a table of 1,000), against a
//! `HashMap`, a strum `EnumString` by code and a `match` on the code.
//!
//! Each iteration is one call, on the next of 1,024 keys in a fixed
//! shuffled order, so branch predictors cannot learn a single key.
//! `cargo bench -p lookup-bench` runs them; see BENCHMARKS.md.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::hint::black_box;
use std::str::FromStr;
use std::time::Duration;

use criterion::{BenchmarkGroup, Criterion, criterion_group, criterion_main, measurement::WallTime};

extern crate synth_1000_errors;
extern crate synth_1000_string_errors;

/// One row of a table, as the `HashMap` baseline stores it.
pub struct Entry {
    pub code: u32,
    pub name: &'static str,
    pub description: &'static str,
}

/// One row of a table of string codes, as the `HashMap` baseline keys it.
pub struct StringEntry {
    pub code: &'static str,
}

mod s22 {
    include!(concat!(env!("OUT_DIR"), "/s22.rs"));
}

mod s1000 {
    include!(concat!(env!("OUT_DIR"), "/s1000.rs"));
}

mod n18 {
    include!(concat!(env!("OUT_DIR"), "/n18.rs"));
}

mod n1000 {
    include!(concat!(env!("OUT_DIR"), "/n1000.rs"));
}

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

/// The keys every implementation is asked for.
struct Keys {
    hit_codes: Vec<u32>,
    miss_codes: Vec<u32>,
    hit_names: Vec<&'static str>,
    miss_names: Vec<String>,
}

impl Keys {
    fn new(entries: &'static [Entry]) -> Self {
        let codes: HashSet<u32> = entries.iter().map(|e| e.code).collect();
        let names: HashSet<&str> = entries.iter().map(|e| e.name).collect();
        // Misses close to the hits: neighbouring codes, and names in
        // another case (same length, same first bytes as a typo would have).
        let miss_codes: Vec<u32> = entries
            .iter()
            .flat_map(|e| [e.code + 1, e.code.wrapping_sub(1), e.code * 10])
            .filter(|c| !codes.contains(c))
            .collect();
        let miss_names: Vec<String> = entries
            .iter()
            .map(|e| {
                let mut name = e.name.to_owned();
                let last = name.pop().map_or('x', |c| if c.is_ascii_lowercase() { 'Q' } else { 'q' });
                name.push(last);
                name
            })
            .filter(|n| !names.contains(n.as_str()))
            .collect();
        Keys {
            hit_codes: shuffled(&entries.iter().map(|e| e.code).collect::<Vec<_>>()),
            miss_codes: shuffled(&miss_codes),
            hit_names: shuffled(&entries.iter().map(|e| e.name).collect::<Vec<_>>()),
            miss_names: shuffled(&miss_names),
        }
    }
}

macro_rules! lookups {
    ($fn_name:ident, $size:literal, $m:ident) => {
        fn $fn_name(c: &mut Criterion) {
            use $m::{ENTRIES, ErrorCode, Generated, Match, Strum};
            let keys = Keys::new(ENTRIES);
            let by_code: HashMap<u32, &Entry> = ENTRIES.iter().map(|e| (e.code, e)).collect();
            let by_name: HashMap<&str, &Entry> = ENTRIES.iter().map(|e| (e.name, e)).collect();
            let generated: Vec<Generated> = shuffled(Generated::ALL);
            let strums: Vec<Strum> = keys.hit_codes.iter().map(|&c| Strum::from_repr(c).unwrap()).collect();
            let matches: Vec<Match> = keys.hit_codes.iter().map(|&c| Match::from_code(c).unwrap()).collect();
            let entries: Vec<&Entry> = keys.hit_codes.iter().map(|c| by_code[c]).collect();

            for (what, codes) in [("hit", &keys.hit_codes), ("miss", &keys.miss_codes)] {
                let mut group = c.benchmark_group(format!("{}/from_code_{what}", $size));
                bench_keys(&mut group, "generated", codes, |&c| Generated::from_code(c));
                bench_keys(&mut group, "hashmap", codes, |c| by_code.get(c).copied());
                bench_keys(&mut group, "strum", codes, |&c| Strum::from_repr(c));
                bench_keys(&mut group, "match", codes, |&c| Match::from_code(c));
                group.finish();
            }
            for (what, names) in [
                ("hit", keys.hit_names.clone()),
                ("miss", keys.miss_names.iter().map(String::as_str).collect::<Vec<_>>()),
            ] {
                let mut group = c.benchmark_group(format!("{}/from_name_{what}", $size));
                bench_keys(&mut group, "generated", &names, |n| Generated::from_name(n));
                bench_keys(&mut group, "hashmap", &names, |n| by_name.get(n).copied());
                bench_keys(&mut group, "strum", &names, |n| Strum::from_str(n).ok());
                bench_keys(&mut group, "match", &names, |n| Match::from_name(n));
                group.finish();
            }
            {
                let mut group = c.benchmark_group(format!("{}/name", $size));
                bench_keys(&mut group, "generated", &generated, |e| e.name());
                bench_keys(&mut group, "hashmap", &entries, |e| e.name);
                bench_keys(&mut group, "strum", &strums, |e| e.name());
                bench_keys(&mut group, "match", &matches, |e| e.name());
                group.finish();
                let mut group = c.benchmark_group(format!("{}/code", $size));
                bench_keys(&mut group, "generated", &generated, |e| e.code());
                bench_keys(&mut group, "hashmap", &entries, |e| e.code);
                bench_keys(&mut group, "strum", &strums, |e| e.code());
                bench_keys(&mut group, "match", &matches, |e| e.code());
                group.finish();
                let mut group = c.benchmark_group(format!("{}/description", $size));
                bench_keys(&mut group, "generated", &generated, |e| e.description());
                bench_keys(&mut group, "hashmap", &entries, |e| e.description);
                bench_keys(&mut group, "strum", &strums, |e| e.description());
                bench_keys(&mut group, "match", &matches, |e| e.description());
                group.finish();
            }
            {
                let mut group = c.benchmark_group(format!("{}/display", $size));
                let mut out = String::with_capacity(512);
                let mut display = |name: &str, f: &mut dyn FnMut(&mut String, usize)| {
                    group.bench_function(name, |b| {
                        let mut i = 0;
                        b.iter(|| {
                            i = (i + 1) % KEYS;
                            out.clear();
                            f(&mut out, black_box(i));
                            black_box(out.len())
                        })
                    });
                };
                display("generated", &mut |out, i| write!(out, "{}", generated[i]).unwrap());
                display("hashmap", &mut |out, i| {
                    let e = entries[i];
                    write!(out, "{} {}: {}", e.code, e.name, e.description).unwrap()
                });
                display("strum", &mut |out, i| write!(out, "{}", strums[i]).unwrap());
                display("match", &mut |out, i| write!(out, "{}", matches[i]).unwrap());
                group.finish();
            }
            if !$m::ALIASES.is_empty() {
                // Codes a service also sends for a row: the generated
                // `from_code` finds them in the same hash table.
                let aliases = shuffled($m::ALIASES);
                let mut group = c.benchmark_group(format!("{}/from_code_alias", $size));
                bench_keys(&mut group, "generated", &aliases, |&c| Generated::from_code(c));
                bench_keys(&mut group, "match", &aliases, |&c| Match::from_code(c));
                group.finish();
            }
            {
                // Any code of the catalogue, through the crate-wide enum.
                let codes = shuffled($m::ALL_CODES);
                let all: HashMap<u32, ()> = $m::ALL_CODES.iter().map(|&c| (c, ())).collect();
                let mut group = c.benchmark_group(format!("{}/error_code_from_code_hit", $size));
                bench_keys(&mut group, "generated", &codes, |&c| ErrorCode::from_code(c));
                bench_keys(&mut group, "hashmap", &codes, |c| all.get(c).copied());
                group.finish();
            }
        }
    };
}

lookups!(lookups_18, "18", n18);
lookups!(lookups_1000, "1000", n1000);

macro_rules! string_lookups {
    ($fn_name:ident, $size:literal, $m:ident) => {
        fn $fn_name(c: &mut Criterion) {
            use $m::{ENTRIES, ErrorCode, Generated, Match, Strum};
            let codes: HashSet<&str> = ENTRIES.iter().map(|e| e.code).collect();
            let by_code: HashMap<&str, &StringEntry> = ENTRIES.iter().map(|e| (e.code, e)).collect();
            // Misses close to the hits: the code with its last character changed.
            let misses: Vec<String> = ENTRIES
                .iter()
                .map(|e| {
                    let mut code = e.code.to_owned();
                    let last = code.pop().map_or('x', |c| if c == 'q' { 'Q' } else { 'q' });
                    code.push(last);
                    code
                })
                .filter(|code| !codes.contains(code.as_str()))
                .collect();
            let hits: Vec<&str> = shuffled(&ENTRIES.iter().map(|e| e.code).collect::<Vec<_>>());
            let misses: Vec<&str> = shuffled(&misses.iter().map(String::as_str).collect::<Vec<_>>());
            for (what, keys) in [("hit", &hits), ("miss", &misses)] {
                let mut group = c.benchmark_group(format!("{}/from_code_{what}", $size));
                bench_keys(&mut group, "generated", keys, |c| Generated::from_code(c));
                bench_keys(&mut group, "hashmap", keys, |c| by_code.get(c).copied());
                bench_keys(&mut group, "strum", keys, |c| Strum::from_str(c).ok());
                bench_keys(&mut group, "match", keys, |c| Match::from_code(c));
                group.finish();
            }
            // Any code of the catalogue, through the crate-wide enum.
            let codes = shuffled($m::ALL_CODES);
            let all: HashMap<&str, ()> = $m::ALL_CODES.iter().map(|&c| (c, ())).collect();
            let mut group = c.benchmark_group(format!("{}/error_code_from_code_hit", $size));
            bench_keys(&mut group, "generated", &codes, |c| ErrorCode::from_code(c));
            bench_keys(&mut group, "hashmap", &codes, |c| all.get(c).copied());
            group.finish();
        }
    };
}

string_lookups!(string_lookups_22, "22s", s22);
string_lookups!(string_lookups_1000, "1000s", s1000);

fn config() -> Criterion {
    Criterion::default().warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(1))
}

criterion_group! {
    name = benches;
    config = config();
    targets = lookups_18, lookups_1000, string_lookups_22, string_lookups_1000
}
criterion_main!(benches);
