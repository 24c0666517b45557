//! errcat's public API, listed from rustdoc's JSON and compared with
//! `tests/api.txt`, so that every change to the surface is deliberate:
//! `EXPECTORATE=overwrite cargo test -p errcat --test api` blesses a new
//! listing, and the diff shows what a release promises. The facade
//! re-exports items of errcat-pipeline and errcat-model, so their JSON is
//! built too and each re-export is followed to the item it names.
//!
//! It also checks what a listing cannot show at a glance: no public
//! signature or field names a type of the internal crates that the facade
//! does not export, and every enum and struct of `errcat::diff` is
//! `#[non_exhaustive]`, so a new kind of change is a minor release.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The crates whose JSON is built: the facade and the internal crates it
/// re-exports from.
const CRATES: [&str; 3] = ["errcat", "errcat_pipeline", "errcat_model"];

/// An item: the crate whose JSON holds it, and its id there.
type ItemRef = (String, u64);

#[test]
fn the_public_api_is_the_listed_one() {
    let docs = Docs::build();
    let mut walk = Walk { docs: &docs, lines: BTreeSet::new(), reached: HashMap::new(), named: Vec::new() };
    let root = docs.root("errcat");
    walk.item(&root, "errcat");

    let unnamed: Vec<String> = walk
        .named
        .iter()
        .filter(|(_, item)| CRATES.contains(&item.0.as_str()) && !walk.reached.contains_key(item))
        .map(|(at, item)| format!("{at} names `{}`, which errcat does not export", docs.path_of(item)))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(unnamed.is_empty(), "types users cannot name:\n{}", unnamed.join("\n"));

    let exhaustive: Vec<&String> = walk
        .lines
        .iter()
        .filter(|line| {
            (line.starts_with("enum errcat::diff::") || line.starts_with("struct errcat::diff::"))
                && !line.ends_with("#[non_exhaustive]")
        })
        .collect();
    assert!(exhaustive.is_empty(), "a new kind of change must be a minor release: {exhaustive:?}");
    assert!(walk.lines.contains("enum errcat::diff::ChangeKind #[non_exhaustive]"));

    let listing: String = walk.lines.iter().map(|line| format!("{line}\n")).collect();
    expectorate::assert_contents("tests/api.txt", &listing);
}

/// The rustdoc JSON of every crate in [`CRATES`], and where each crate's
/// items are by path.
struct Docs {
    crates: HashMap<String, Value>,
    by_path: HashMap<(String, Vec<String>), u64>,
}

impl Docs {
    /// Builds the JSON into `target/api/` (kept between runs, so only a
    /// changed crate is documented again) with the stable toolchain's
    /// unstable JSON output.
    fn build() -> Docs {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("errcat/ sits in the workspace");
        let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
        let target = target.join("api");
        let flags = std::env::var("RUSTDOCFLAGS").unwrap_or_default();
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let status = Command::new(cargo)
            .current_dir(root)
            .args([
                "doc",
                "--quiet",
                "--no-deps",
                "-p",
                "errcat",
                "-p",
                "errcat-pipeline",
                "-p",
                "errcat-model",
            ])
            .arg("--target-dir")
            .arg(&target)
            // The crates' lints are the test build's (and CI's rustdoc step
            // lints them with the features they have here): linted again for
            // rustdoc's metadata alone, they cost this build 7 % more
            // processor time.
            .env_remove("RUSTC_WORKSPACE_WRAPPER")
            .env("RUSTC_BOOTSTRAP", "1")
            .env("RUSTDOCFLAGS", format!("{flags} -Z unstable-options --output-format json"))
            .status()
            .expect("run cargo doc");
        assert!(status.success(), "cargo doc failed to build the API's JSON");
        let mut docs = Docs { crates: HashMap::new(), by_path: HashMap::new() };
        for name in CRATES {
            let path = target.join("doc").join(format!("{name}.json"));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let json: Value = serde_json::from_str(&text).expect("rustdoc JSON");
            for (id, summary) in json["paths"].as_object().expect("paths") {
                if summary["crate_id"] == 0 {
                    let path = summary["path"].as_array().expect("a path");
                    let path = path.iter().map(|part| part.as_str().unwrap_or_default().to_owned()).collect();
                    docs.by_path.insert((name.to_owned(), path), id.parse().expect("a numeric id"));
                }
            }
            docs.crates.insert(name.to_owned(), json);
        }
        docs
    }

    fn root(&self, krate: &str) -> ItemRef {
        (krate.to_owned(), self.crates[krate]["root"].as_u64().expect("a root id"))
    }

    fn get(&self, item: &ItemRef) -> &Value {
        &self.crates[&item.0]["index"][item.1.to_string()]
    }

    /// The item `id` names in `krate`'s JSON, followed into the crate that
    /// defines it when that is another one of [`CRATES`].
    fn resolve(&self, krate: &str, id: u64) -> ItemRef {
        let json = &self.crates[krate];
        if json["index"].get(id.to_string()).is_some() {
            return (krate.to_owned(), id);
        }
        let summary = &json["paths"][id.to_string()];
        let path: Vec<String> = summary["path"]
            .as_array()
            .map(|parts| parts.iter().map(|part| part.as_str().unwrap_or_default().to_owned()).collect())
            .unwrap_or_default();
        let owner = path.first().cloned().unwrap_or_default();
        match self.by_path.get(&(owner.clone(), path)) {
            Some(&id) => (owner, id),
            None => (format!("{owner} (external)"), id),
        }
    }

    /// An item's path as its own crate names it, for messages.
    fn path_of(&self, item: &ItemRef) -> String {
        let krate = item.0.trim_end_matches(" (external)");
        self.crates.get(krate).map_or_else(
            || format!("{krate} item {}", item.1),
            |json| {
                let parts = json["paths"][item.1.to_string()]["path"].as_array().cloned().unwrap_or_default();
                parts.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("::")
            },
        )
    }
}

/// A walk of the items reachable from errcat's root.
struct Walk<'d> {
    docs: &'d Docs,
    /// One line per public path: its kind, path and what it promises.
    lines: BTreeSet<String>,
    /// Every item reached, and the path it was first reached at.
    reached: HashMap<ItemRef, String>,
    /// Every type a public signature or field names, and where.
    named: Vec<(String, ItemRef)>,
}

impl Walk<'_> {
    fn item(&mut self, item: &ItemRef, path: &str) {
        let value = self.docs.get(item).clone();
        let (kind, inner) = value["inner"].as_object().and_then(|o| o.iter().next()).expect("an item kind");
        if kind == "use" {
            let target = inner["id"].as_u64().expect("a re-export names an item");
            let name = inner["name"].as_str().expect("a name");
            let resolved = self.docs.resolve(&item.0, target);
            assert!(
                CRATES.contains(&resolved.0.as_str()),
                "{path}::{name} re-exports {}: document that crate here too",
                inner["source"]
            );
            return self.item(&resolved, &format!("{path}::{name}"));
        }
        let seen = self.reached.contains_key(item);
        self.reached.entry(item.clone()).or_insert_with(|| path.to_owned());
        let attrs = non_exhaustive(&value);
        match kind.as_str() {
            "module" => {
                if item.0 != "errcat" || path != "errcat" {
                    self.lines.insert(format!("mod {path}"));
                }
                for child in inner["items"].as_array().into_iter().flatten() {
                    let child = (item.0.clone(), child.as_u64().expect("an id"));
                    let child_value = self.docs.get(&child);
                    if child_value["visibility"] != "public" {
                        continue;
                    }
                    let name = child_value["name"].as_str().unwrap_or_default().to_owned();
                    let at = if name.is_empty() { path.to_owned() } else { format!("{path}::{name}") };
                    let parent = if child_value["inner"].get("use").is_some() { path } else { &at };
                    self.item(&child, parent);
                }
            }
            "struct" => {
                self.lines.insert(format!("struct {path}{attrs}"));
                let fields = match &inner["kind"] {
                    Value::Object(shape) if shape.contains_key("plain") => shape["plain"]["fields"].clone(),
                    Value::Object(shape) if shape.contains_key("tuple") => shape["tuple"].clone(),
                    _ => Value::Null,
                };
                self.fields(&item.0, path, &fields);
                if !seen {
                    self.impls(&item.0, &item.1.into(), path, &inner["impls"]);
                }
            }
            "enum" => {
                self.lines.insert(format!("enum {path}{attrs}"));
                for variant in inner["variants"].as_array().into_iter().flatten() {
                    let variant = self.docs.get(&(item.0.clone(), variant.as_u64().expect("an id"))).clone();
                    let at = format!("{path}::{}", variant["name"].as_str().unwrap_or_default());
                    self.lines.insert(format!("variant {at}{}", non_exhaustive(&variant)));
                    let shape = &variant["inner"]["variant"]["kind"];
                    let fields = if shape.get("struct").is_some() {
                        &shape["struct"]["fields"]
                    } else {
                        &shape["tuple"]
                    };
                    self.fields(&item.0, &at, fields);
                }
                if !seen {
                    self.impls(&item.0, &item.1.into(), path, &inner["impls"]);
                }
            }
            "function" => {
                let signature = self.signature(&item.0, path, &inner["sig"]);
                self.lines.insert(format!("fn {path}{signature}"));
            }
            "constant" => {
                let ty = self.ty(&item.0, path, &inner["type"]);
                self.lines.insert(format!("const {path}: {ty}"));
            }
            other => {
                self.lines.insert(format!("{other} {path}{attrs}"));
            }
        }
    }

    /// The public fields of a struct or variant.
    fn fields(&mut self, krate: &str, path: &str, fields: &Value) {
        for (index, field) in fields.as_array().into_iter().flatten().enumerate() {
            let Some(id) = field.as_u64() else { continue };
            let field = self.docs.get(&(krate.to_owned(), id)).clone();
            if field["visibility"] != "public" && field["visibility"] != "default" {
                continue;
            }
            let name = field["name"].as_str().map_or_else(|| index.to_string(), str::to_owned);
            let at = format!("{path}::{name}");
            let ty = self.ty(krate, &at, &field["inner"]["struct_field"]);
            self.lines.insert(format!("field {at}: {ty}"));
        }
    }

    /// The inherent methods and the written trait impls of a type.
    fn impls(&mut self, krate: &str, self_id: &Value, path: &str, impls: &Value) {
        for id in impls.as_array().into_iter().flatten() {
            let block = self.docs.get(&(krate.to_owned(), id.as_u64().expect("an id"))).clone();
            let block = &block["inner"]["impl"];
            // A type's impls include those that only name it (`From<T> for U`).
            let for_this = block["for"]["resolved_path"]["id"] == *self_id;
            if block["is_synthetic"] == true || !block["blanket_impl"].is_null() || !for_this {
                continue;
            }
            if let Some(name) = block["trait"]["path"].as_str() {
                // Derived `PartialEq` brings it; it is no promise of its own.
                if name != "StructuralPartialEq" {
                    let args = self.args(krate, path, &block["trait"]["args"]);
                    self.lines.insert(format!("impl {name}{args} for {path}"));
                }
                continue;
            }
            for method in block["items"].as_array().into_iter().flatten() {
                let method = self.docs.get(&(krate.to_owned(), method.as_u64().expect("an id"))).clone();
                if method["visibility"] != "public" {
                    continue;
                }
                let at = format!("{path}::{}", method["name"].as_str().unwrap_or_default());
                match method["inner"].get("function") {
                    Some(function) => {
                        let signature = self.signature(krate, &at, &function["sig"]);
                        self.lines.insert(format!("fn {at}{signature}"));
                    }
                    None => {
                        self.lines.insert(format!("item {at}"));
                    }
                }
            }
        }
    }

    fn signature(&mut self, krate: &str, at: &str, sig: &Value) -> String {
        let inputs: Vec<String> = sig["inputs"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|input| match input[0].as_str() {
                Some("self") => self.ty(krate, at, &input[1]).replace("Self", "self"),
                _ => self.ty(krate, at, &input[1]),
            })
            .collect();
        let output = match &sig["output"] {
            Value::Null => String::new(),
            output => format!(" -> {}", self.ty(krate, at, output)),
        };
        format!("({}){output}", inputs.join(", "))
    }

    /// A type as Rust writes it, recording every item it names.
    fn ty(&mut self, krate: &str, at: &str, ty: &Value) -> String {
        let Some((kind, inner)) = ty.as_object().and_then(|o| o.iter().next()) else { return "_".into() };
        match kind.as_str() {
            "resolved_path" => {
                if let Some(id) = inner["id"].as_u64() {
                    self.named.push((at.to_owned(), self.docs.resolve(krate, id)));
                }
                let name = inner["path"].as_str().unwrap_or_default();
                let name = name.rsplit("::").next().unwrap_or(name).to_owned();
                format!("{name}{}", self.args(krate, at, &inner["args"]))
            }
            "primitive" | "generic" => inner.as_str().unwrap_or_default().to_owned(),
            "borrowed_ref" => {
                let mutable = if inner["is_mutable"] == true { "mut " } else { "" };
                format!("&{mutable}{}", self.ty(krate, at, &inner["type"]))
            }
            "slice" => format!("[{}]", self.ty(krate, at, inner)),
            "tuple" => {
                let parts: Vec<String> =
                    inner.as_array().into_iter().flatten().map(|part| self.ty(krate, at, part)).collect();
                format!("({})", parts.join(", "))
            }
            "impl_trait" => {
                let mut bounds = Vec::new();
                for bound in inner.as_array().into_iter().flatten() {
                    let bound = &bound["trait_bound"];
                    let Some(name) = bound["trait"]["path"].as_str() else { continue };
                    let maybe = if bound["modifier"] == "maybe" { "?" } else { "" };
                    bounds.push(format!("{maybe}{name}{}", self.args(krate, at, &bound["trait"]["args"])));
                }
                format!("impl {}", bounds.join(" + "))
            }
            _ => "_".into(),
        }
    }

    fn args(&mut self, krate: &str, at: &str, args: &Value) -> String {
        let types: Vec<String> = args["angle_bracketed"]["args"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|arg| arg.get("type").map(|ty| self.ty(krate, at, ty)))
            .collect();
        if types.is_empty() { String::new() } else { format!("<{}>", types.join(", ")) }
    }
}

/// ` #[non_exhaustive]` when the item is.
fn non_exhaustive(item: &Value) -> &'static str {
    let attrs = item["attrs"].as_array().into_iter().flatten();
    if attrs.into_iter().any(|attr| attr == "non_exhaustive") { " #[non_exhaustive]" } else { "" }
}
