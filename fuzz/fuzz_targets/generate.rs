//! The whole run on arbitrary spec bytes: find, load, check the lock,
//! render and write into a temporary folder. Never a panic or a hang, and
//! a spec refused is refused with diagnostics.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // One folder per process: libFuzzer's workers run side by side.
    let root = std::env::temp_dir().join(format!("codegen-fuzz-generate-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let spec = root.join("spec");
    std::fs::create_dir_all(&spec).expect("a temporary folder");
    std::fs::write(spec.join("fuzz.yaml"), data).expect("the spec written");
    if let Err(errcat::Error::Spec(found)) =
        errcat::generate(&spec, &root.join("out"), errcat::Mode::Write)
    {
        assert!(!found.0.is_empty());
        let _ = found.render(false);
    }
    let _ = std::fs::remove_dir_all(&root);
});
