//! vncite's integration tests, one binary grouped by feature.
#![allow(clippy::type_complexity)] // tuples of expected fields read best inline in assertions

mod architecture;
mod cli;
mod corpus;
mod data_tables;
mod export;
mod extraction;
mod graph;
mod inputs;
mod lineage;
mod properties;
mod query;
mod serve;
mod variants;

use std::path::PathBuf;

/// The shared corpus: `$VNCITE_CORPUS` or `../shared/corpus`. Absent, the corpus tests skip on a
/// developer's machine (with a note) and fail under `CI=true`, where a skip would pass doing nothing.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("VNCITE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    if dir.is_dir() {
        return Some(dir);
    }
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(
        !in_ci,
        "corpus not found at {} under CI=true (set VNCITE_CORPUS)",
        dir.display()
    );
    report(&format!(
        "SKIP: corpus not found at {} (set VNCITE_CORPUS)",
        dir.display()
    ));
    None
}

/// Writes a line to the real stderr: the test harness captures `eprintln!` of passing tests, and the
/// corpus figures must show on every run.
pub fn report(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// A file of `../shared/examples`, `None` (with a note) when absent.
pub fn shared_example(name: &str) -> Option<String> {
    let dir = corpus_dir()?.join("../examples");
    std::fs::read_to_string(dir.join(name)).ok()
}

pub fn example(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("example {}: {e}", path.display()))
}

pub fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// (symbol, year, date, doc_type, relation) of every citation.
pub fn summary(text: &str) -> Vec<(String, Option<i32>, Option<String>, String, String)> {
    vncite::extract(text)
        .citations
        .into_iter()
        .map(|c| {
            (
                c.symbol,
                c.year,
                c.date,
                c.doc_type.to_string(),
                c.relation.to_string(),
            )
        })
        .collect()
}

/// The graph of `found`, checked as every build and load must be: its invariants hold, and so do those of
/// the graph its store reads back as, which writes the same bytes.
pub fn built(found: &[(String, vncite::Extraction)]) -> vncite::CitationGraph {
    let mut g = vncite::CitationGraph::new();
    g.add_inputs(found.iter().map(|(p, x)| (p.as_str(), x)))
        .unwrap_or_else(|e| panic!("{e}"));
    g.verify().unwrap_or_else(|v| panic!("built graph: {v:?}"));
    let mut bytes = Vec::new();
    g.write_store(&mut bytes).unwrap_or_else(|e| panic!("{e}"));
    let loaded = vncite::CitationGraph::from_store_bytes(bytes.clone(), "test.store")
        .unwrap_or_else(|e| panic!("{e}"));
    loaded
        .verify()
        .unwrap_or_else(|v| panic!("loaded graph: {v:?}"));
    let mut again = Vec::new();
    loaded
        .write_store(&mut again)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(bytes == again, "a loaded store writes other bytes");
    g
}
