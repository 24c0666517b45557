//! What the tests make of a catalogue, made once per test binary: each
//! fixture's files rendered, its documents parsed, its pages written.
//! Many tests read the same outputs of the same catalogues (MySQL's is
//! 8 MB of Rust alone), and rendering them again in each test was most of
//! the binary's time.

use std::sync::{Arc, Mutex, OnceLock};

use errcat_model::Catalogue;
use errcat_model::output::OutputFile;

/// Values made from keys, each once: the first test to ask for a key makes
/// its value while the others asking for it wait, and tests asking for
/// other keys go on. Keys are compared, not hashed (a catalogue is not
/// `Hash`); a cache holds a few dozen.
pub struct Memo<K, V> {
    entries: Mutex<Vec<(K, Cell<V>)>>,
}

/// A key's value, once made.
type Cell<V> = Arc<OnceLock<Arc<V>>>;

impl<K: PartialEq + Clone, V> Memo<K, V> {
    pub const fn new() -> Self {
        Memo { entries: Mutex::new(Vec::new()) }
    }

    /// The value for `key`, made by `make` if no test made it yet.
    pub fn get(&self, key: &K, make: impl FnOnce() -> V) -> Arc<V> {
        let cell = {
            let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            match entries.iter().find(|(known, _)| known == key) {
                Some((_, cell)) => Arc::clone(cell),
                None => {
                    let cell = Arc::new(OnceLock::new());
                    entries.push((key.clone(), Arc::clone(&cell)));
                    cell
                }
            }
        };
        Arc::clone(cell.get_or_init(|| Arc::new(make())))
    }
}

/// Every file of `catalogue`, as [`errcat_pipeline::render`] makes them.
pub fn rendered(catalogue: &Catalogue) -> Arc<Vec<OutputFile>> {
    static FILES: Memo<Catalogue, Vec<OutputFile>> = Memo::new();
    FILES.get(catalogue, || errcat_pipeline::render(std::slice::from_ref(catalogue)))
}
