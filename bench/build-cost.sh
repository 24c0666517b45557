#!/usr/bin/env bash
# Cold build times, measured back to back in one run so that the ratios
# hold on a noisy machine (see BENCHMARKS.md):
#
#   1. `cargo build -p xtask` (dev profile, as `cargo xtask` builds it)
#      against the dependency floor: a crate that only depends on the
#      spec-reading crate (yaml_serde, with serde's derive), syn, quote and
#      prettyplease, built with the same profile settings and lock file;
#   2. the generated crate at 1,000 and 10,000 codes (debug and release)
#      against the same enums written with strum derives, each built cold
#      in a fresh target directory. The strum figures are given with and
#      without building strum's proc-macro dependencies.
#
# usage: bash bench/build-cost.sh [RUNS]   (prints a Markdown table)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build -q -p xtask
root=$PWD

# The floor crate, with the workspace's versions and dev-profile settings.
mkdir -p "$work/floor/src"
cat > "$work/floor/Cargo.toml" <<TOML
[package]
name = "floor"
version = "0.1.0"
edition = "2024"
[dependencies]
$(grep -E '^(prettyplease|proc-macro2|quote|serde|serde_yaml|syn) = ' Cargo.toml)
$(sed -n '/^\[profile.dev.package.\(syn\|prettyplease\|proc-macro2\|yaml_serde\|libyaml-rs\)\]/,+1p' Cargo.toml)
[workspace]
TOML
cat > "$work/floor/src/main.rs" <<'RS'
#[derive(serde::Deserialize)]
struct Spec { title: String }
fn main() {
    let spec: Spec = serde_yaml::from_str("title: x").unwrap();
    let tokens = quote::quote! { const TITLE: &str = #{spec.title}; };
    let file: syn::File = syn::parse2(tokens).unwrap();
    print!("{}", prettyplease::unparse(&file));
}
RS
sed -i 's/#{spec.title}/#title/; s/let tokens/let title = spec.title;\n    let tokens/' "$work/floor/src/main.rs"
cp Cargo.lock "$work/floor/"

# Generated crates and their strum twins.
for n in 1000 10000; do
  cargo xtask synth --codes "$n" --out "$work/spec-$n" > /dev/null
  ./target/debug/xtask gen --spec "$work/spec-$n" --out "$work/gen-$n" > /dev/null
  mkdir -p "$work/strum-$n/src"
  printf '[package]\nname = "strum-%s"\nversion = "0.1.0"\nedition = "2024"\n[dependencies]\nstrum = { version = "0.27", features = ["derive"] }\n[workspace]\n' "$n" \
    > "$work/strum-$n/Cargo.toml"
  cp Cargo.lock "$work/strum-$n/"
  python3 bench/strum_twin.py "$work/spec-$n/synth-$n.yaml" > "$work/strum-$n/src/lib.rs"
  # Standalone: outside this workspace.
  printf '[workspace]\n' >> "$work/gen-$n/synth-$n-errors/Cargo.toml"
done

# Seconds of a cold `cargo build` of the manifest $1 with extra flags.
cold() {
  local manifest=$1; shift
  local target="$work/target"
  rm -rf "$target"
  local start end
  start=$(date +%s.%N)
  CARGO_TARGET_DIR="$target" cargo build -q --manifest-path "$manifest" "$@" >&2
  end=$(date +%s.%N)
  python3 -c "print($end - $start)"
}

# Seconds to rebuild only the crate itself, its dependencies already built.
own() {
  local manifest=$1 package=$2; shift 2
  local target="$work/target"
  rm -rf "$target"
  CARGO_TARGET_DIR="$target" cargo build -q --manifest-path "$manifest" "$@" >&2
  CARGO_TARGET_DIR="$target" cargo clean -q -p "$package" --manifest-path "$manifest" "$@" >&2
  local start end
  start=$(date +%s.%N)
  CARGO_TARGET_DIR="$target" cargo build -q --manifest-path "$manifest" "$@" >&2
  end=$(date +%s.%N)
  python3 -c "print($end - $start)"
}

declare -A times
record() { times[$1]="${times[$1]:-} $2"; }
for run in $(seq "$runs"); do
  echo "run $run of $runs" >&2
  record "xtask (dev)" "$(cold "$root/Cargo.toml" -p xtask)"
  record "floor (dev)" "$(cold "$work/floor/Cargo.toml")"
  for n in 1000 10000; do
    for profile in dev release; do
      flag=(); [ $profile = release ] && flag=(--release)
      record "generated $n ($profile)" "$(cold "$work/gen-$n/synth-$n-errors/Cargo.toml" "${flag[@]}")"
      record "strum $n ($profile), cold" "$(cold "$work/strum-$n/Cargo.toml" "${flag[@]}")"
      record "strum $n ($profile), own" "$(own "$work/strum-$n/Cargo.toml" "strum-$n" "${flag[@]}")"
    done
  done
done

echo "| build | median | range | runs (s) |"
echo "| --- | ---: | --- | --- |"
for key in "xtask (dev)" "floor (dev)" \
  "generated 1000 (dev)" "strum 1000 (dev), cold" "strum 1000 (dev), own" \
  "generated 1000 (release)" "strum 1000 (release), cold" "strum 1000 (release), own" \
  "generated 10000 (dev)" "strum 10000 (dev), cold" "strum 10000 (dev), own" \
  "generated 10000 (release)" "strum 10000 (release), cold" "strum 10000 (release), own"; do
  python3 - "$key" ${times[$key]} <<'PY'
import statistics, sys
key, values = sys.argv[1], sorted(float(v) for v in sys.argv[2:])
print(f"| {key} | {statistics.median(values):.2f} s | {values[0]:.2f} – {values[-1]:.2f} s | {' '.join(f'{v:.2f}' for v in values)} |")
PY
done
