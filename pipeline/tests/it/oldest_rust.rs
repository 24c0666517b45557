//! The generated crates build with the oldest Rust a spec may declare
//! (`rust-version`, 1.85 by default): their code uses no `let` chain
//! (`if let … && …`), which edition 2024 has only from Rust 1.88. Checked
//! on the syntax of every golden and committed crate, since the one
//! toolchain here is newer and accepts them.

use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// `let` expressions joined by `&&`: each one found, by its line.
#[derive(Default)]
struct LetChains {
    lines: Vec<usize>,
}

impl<'ast> Visit<'ast> for LetChains {
    fn visit_expr_binary(&mut self, binary: &'ast syn::ExprBinary) {
        if let syn::BinOp::And(and) = binary.op
            && [&*binary.left, &*binary.right].iter().any(|side| matches!(side, syn::Expr::Let(_)))
        {
            self.lines.push(and.spans[0].start().line);
        }
        syn::visit::visit_expr_binary(self, binary);
    }
}

fn let_chains(text: &str) -> Vec<usize> {
    let file = syn::parse_file(text).expect("a generated crate parses");
    let mut found = LetChains::default();
    found.visit_file(&file);
    found.lines
}

/// Every `src/lib.rs` one or two folders below `dir`.
fn crates(dir: &Path, depth: usize, found: &mut Vec<PathBuf>) {
    let lib = dir.join("src/lib.rs");
    if lib.is_file() {
        found.push(lib);
    } else if depth > 0 {
        for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                crates(&path, depth - 1, found);
            }
        }
    }
}

#[test]
fn generated_crates_use_no_let_chain() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("pipeline/ sits in the workspace");
    let mut libs = Vec::new();
    crates(&root.join("pipeline/tests/golden"), 2, &mut libs);
    crates(&root.join("generated"), 1, &mut libs);
    assert!(libs.len() > 20, "found only {} generated crates", libs.len());
    let offenders: Vec<String> = libs
        .iter()
        .flat_map(|lib| {
            let text = std::fs::read_to_string(lib).unwrap_or_else(|e| panic!("{}: {e}", lib.display()));
            let_chains(&text).into_iter().map(move |line| format!("{}:{line}", lib.display()))
        })
        .collect();
    assert!(offenders.is_empty(), "`let` chains need Rust 1.88: {offenders:#?}");
}

#[test]
fn a_let_chain_is_found_and_nested_lets_are_not() {
    let chained = "fn f(a: Option<u8>, b: bool) {\n    if b\n        && let Some(x) = a\n    {\n        let _ = x;\n    }\n}\n";
    assert_eq!(let_chains(chained), [3]);
    let first = "fn f(a: Option<u8>, b: bool) { if let Some(_) = a && b {} }";
    assert_eq!(let_chains(first), [1]);
    let nested = "fn f(a: Option<u8>, b: bool) { if let (true, Some(_)) = (b, a) { if b {} } }";
    assert!(let_chains(nested).is_empty());
}
