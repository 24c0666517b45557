//! Load-and-validate on arbitrary text: never a panic, a hang or a blow-up,
//! and every problem it reports has a line and the source line to show.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let path = Path::new("spec/fuzz.yaml");
    if let Err(found) = errcat::load(errcat::SpecInput::text(path, "spec/fuzz.yaml", text)) {
        assert!(!found.0.is_empty());
        for problem in &found.0 {
            assert!(problem.position.is_some(), "no line:\n{problem}");
            assert!(problem.snippet.is_some(), "no source line:\n{problem}");
        }
        let _ = found.render(false);
    }
});
