//! The shape of the source, as #17 set it: no file over 700 lines, and no two modules that import each other
//! (a module may use its parent; a parent re-exporting its children is not a dependency).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 700;

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `src/graph/store/mod.rs` → `graph::store`; `src/lib.rs` and `src/main.rs` → the crate roots.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect();
    if parts
        .last()
        .is_some_and(|l| l == "mod" || l == "lib" || l == "main")
    {
        parts.pop();
    }
    parts.join("::")
}

/// The modules a file's code names through `crate::` or `super::` paths.
fn imports(module: &str, code: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let path_re = |prefix: &str| {
        let mut found = Vec::new();
        let mut rest = code;
        while let Some(at) = rest.find(prefix) {
            let tail = &rest[at + prefix.len()..];
            let end = tail
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(tail.len());
            found.push(tail[..end].trim_end_matches(':').to_string());
            rest = &tail[end..];
        }
        found
    };
    let parent = |m: &str| {
        m.rsplit_once("::")
            .map_or(String::new(), |(p, _)| p.to_string())
    };
    let mut resolve = |base: String, path: &str| {
        let mut full = base;
        for seg in path.split("::").filter(|s| !s.is_empty()) {
            let next = if full.is_empty() {
                seg.to_string()
            } else {
                format!("{full}::{seg}")
            };
            if known.contains(&next) {
                full = next;
            } else {
                break;
            }
        }
        if full != module && !full.starts_with(&format!("{module}::")) && !module.is_empty() {
            out.insert(full);
        }
    };
    for p in path_re("crate::") {
        resolve(String::new(), &p);
    }
    for p in path_re("super::") {
        // `super::super::x` climbs twice.
        let mut base = parent(module);
        let mut p = p.as_str();
        while let Some(rest) = p.strip_prefix("super::") {
            base = parent(&base);
            p = rest;
        }
        resolve(base, p);
    }
    out
}

#[test]
fn no_file_is_too_long_and_no_two_modules_import_each_other() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let texts: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            let code =
                std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            (module_of(&src, f), code)
        })
        .collect();
    let long: Vec<String> = files
        .iter()
        .zip(&texts)
        .filter(|(_, (_, code))| code.lines().count() > MAX_LINES)
        .map(|(f, (_, code))| format!("{} ({} lines)", f.display(), code.lines().count()))
        .collect();
    assert!(long.is_empty(), "files over {MAX_LINES} lines: {long:?}");
    // The binary's modules live under `cli`, beside the library's; `main.rs` is the binary's root.
    let known: BTreeSet<String> = texts
        .iter()
        .map(|(m, _)| m.clone())
        .filter(|m| !m.is_empty())
        .collect();
    let graph: BTreeMap<&str, BTreeSet<String>> = texts
        .iter()
        .map(|(m, code)| (m.as_str(), imports(m, code, &known)))
        .collect();
    let mut cycles = Vec::new();
    for (a, uses) in &graph {
        for b in uses {
            if graph.get(b.as_str()).is_some_and(|back| back.contains(*a)) && *a < b.as_str() {
                cycles.push(format!("{a} <-> {b}"));
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "modules that import each other: {cycles:?}"
    );
    // The check sees real imports: the graph store reads the model, and the extraction its tables.
    assert!(graph["graph::store"].contains("graph"));
    assert!(graph["extract::clause"].contains("extract::named"));
}
