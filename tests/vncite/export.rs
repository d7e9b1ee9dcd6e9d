//! Export formats: DOT (accepted by Graphviz), Mermaid, node-link JSON, GraphML, focus, hostile titles.

use std::path::PathBuf;
use vncite::export::{self, Reach, Selection};
use vncite::CitationGraph;

fn graph(dirs: &[&str]) -> CitationGraph {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for d in dirs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(d))
            .unwrap_or_else(|e| panic!("{d}: {e}"))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files {
            let text =
                std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            let name = f.strip_prefix(&root).unwrap_or(&f).display().to_string();
            found.push((name, vncite::extract(&text)));
        }
    }
    crate::built(&found)
}

/// Runs `dot -Tsvg` on DOT text; `None` when Graphviz is absent outside CI (CI installs it and must run this).
fn graphviz_accepts(dot: &str) -> Option<String> {
    match export::render(dot, "svg") {
        Ok(svg) => Some(String::from_utf8_lossy(&svg).into_owned()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && std::env::var_os("CI").is_none() => {
            eprintln!("SKIP: {e}");
            None
        }
        Err(e) => panic!("dot rejected the file: {e}\n{dot}"),
    }
}

/// The legend draws each relation present as an edge between two point nodes.
fn legend_nodes(part: &export::Part<'_>) -> usize {
    let relations: std::collections::BTreeSet<&str> = part
        .edges
        .iter()
        .map(|e| e.edge.relation.as_str())
        .collect();
    2 * relations.len()
}

#[test]
fn dot_and_mermaid_of_the_fixture_graph() {
    let g = graph(&["tests/data/graph"]);
    let part = export::select(&g, &Selection::default());
    let dot = export::dot_text(&part, false);
    insta::assert_snapshot!("graph_dot", dot);
    if let Some(svg) = graphviz_accepts(&dot) {
        assert_eq!(
            svg.matches("class=\"node\"").count(),
            part.nodes.len() + legend_nodes(&part),
            "documents, issuers, legend"
        );
    }
    insta::assert_snapshot!("graph_mermaid", export::mermaid_text(&part));
    let clustered = export::dot_text(&part, true);
    graphviz_accepts(&clustered);
}

#[test]
fn hostile_titles_never_break_any_format() {
    let g = graph(&["tests/data/export"]);
    let doc = g
        .node("doc:99/QĐ-UBND@2024~quang-nam")
        .unwrap_or_else(|| panic!("header document"));
    assert!(doc
        .title
        .as_deref()
        .is_some_and(|t| t.contains("\"]; evil [") && t.contains("<script>")));
    let part = export::select(&g, &Selection::default());
    let dot = export::dot_text(&part, true);
    assert!(dot.contains(r#"\"]; evil [ label=\"x\""#), "{dot}");
    if let Some(svg) = graphviz_accepts(&dot) {
        // One node per document and issuer, plus the legend's pairs: nothing was split into extra nodes.
        assert_eq!(
            svg.matches("class=\"node\"").count(),
            part.nodes.len() + legend_nodes(&part)
        );
        assert!(!svg.contains("<script>"));
    }
    let mermaid = export::mermaid_text(&part);
    for line in mermaid.lines().skip(1) {
        if let Some(inner) = line.split_once("[\"").map(|(_, r)| r) {
            let label = inner.rsplit_once('"').map_or(inner, |(l, _)| l);
            // Line breaks are the only markup a label may carry; every other quote or angle bracket is coded.
            let bare = label.replace("<br/>", "");
            assert!(!bare.contains(['"', '<', '>', '`', '|']), "{line}");
        }
    }
    assert!(mermaid.contains("#quot;quy chế#quot;"));
    let mut xml = Vec::new();
    export::write_graphml(&part, &mut xml).unwrap_or_else(|e| panic!("{e}"));
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    let mut nodes = 0;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(e)) if e.name().as_ref() == b"node" => nodes += 1,
            Ok(_) => {}
            Err(e) => panic!("GraphML is not well-formed: {e}"),
        }
        buf.clear();
    }
    assert_eq!(nodes, part.nodes.len());
    let mut json = Vec::new();
    export::write_json(&part, &mut json).unwrap_or_else(|e| panic!("{e}"));
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["nodes"].as_array().map(Vec::len), Some(part.nodes.len()));
    assert_eq!(v["links"].as_array().map(Vec::len), Some(part.edges.len()));
}

#[test]
fn focus_exports_only_the_neighbourhood() {
    let g = graph(&["tests/data/graph"]);
    let sel = Selection {
        focus: Some(("doc:30/2020/NĐ-CP".to_string(), Some(1), Reach::Down)),
        no_issuers: true,
        ..Selection::default()
    };
    let part = export::select(&g, &sel);
    let ids: Vec<&str> = part.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["doc:15/2024/NĐ-CP", "doc:30/2020/NĐ-CP"]);
    let edges: Vec<(&str, &str, &str)> = part
        .edges
        .iter()
        .map(|e| (e.from, e.to, e.edge.relation.as_str()))
        .collect();
    assert_eq!(
        edges,
        [
            ("doc:15/2024/NĐ-CP", "doc:30/2020/NĐ-CP", "amends"),
            ("doc:15/2024/NĐ-CP", "doc:30/2020/NĐ-CP", "repeals")
        ]
    );
    let up = Selection {
        focus: Some(("doc:30/2020/NĐ-CP".to_string(), None, Reach::Up)),
        ..Selection::default()
    };
    let ids: Vec<String> = export::select(&g, &up)
        .nodes
        .iter()
        .map(|n| n.id.to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "doc:30/2020/NĐ-CP",
            "doc:80/2015/QH13",
            "issuer:CP",
            "issuer:QH"
        ]
    );
}

#[test]
fn neo4j_export_of_the_fixture_graph() {
    let g = graph(&["tests/data/graph"]);
    let part = export::select(&g, &Selection::default());
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("neo4j");
    let files = export::write_neo4j(&g, &part, &out).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<String> = files
        .iter()
        .filter_map(|f| f.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let relations: std::collections::BTreeSet<&str> = part
        .edges
        .iter()
        .map(|e| e.edge.relation.as_str())
        .collect();
    let mut want = vec!["nodes.csv".to_string()];
    want.extend(relations.iter().map(|r| format!("relationships_{r}.csv")));
    want.extend(["load.cypher".to_string(), "import.sh".to_string()]);
    assert_eq!(names, want);
    let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap_or_default();
    // One row per node and per edge, under the typed headers.
    assert_eq!(read("nodes.csv").lines().count(), part.nodes.len() + 1);
    let rows: usize = relations
        .iter()
        .map(|r| read(&format!("relationships_{r}.csv")).lines().count() - 1)
        .sum();
    assert_eq!(rows, part.edges.len());
    insta::assert_snapshot!("graph_neo4j_nodes", read("nodes.csv"));
    insta::assert_snapshot!("graph_neo4j_basis", read("relationships_basis.csv"));
    insta::assert_snapshot!("graph_neo4j_load", read("load.cypher"));
}

/// `-o` of every writer (export, annotate) writes a device in place, follows a link to the file it names
/// and keeps that file's mode: never replaced by a new regular file.
#[test]
fn outputs_write_devices_in_place_and_follow_links() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_vncite"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&["annotate", "tests/data/annotate.txt", "-o", "/dev/null"]);
    let store = dir.path().join("g.store").display().to_string();
    run(&["graph", "build", "-q", "tests/data/graph", "-o", &store]);
    run(&[
        "export",
        "--graph",
        &store,
        "--format",
        "json",
        "-o",
        "/dev/null",
    ]);
    let null = std::fs::metadata("/dev/null").unwrap_or_else(|e| panic!("{e}"));
    assert!(!null.is_file(), "/dev/null was replaced by a regular file");
    let real = dir.path().join("real.html");
    std::fs::write(&real, "old").unwrap_or_else(|e| panic!("{e}"));
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600))
        .unwrap_or_else(|e| panic!("{e}"));
    let link = dir.path().join("link.html");
    std::os::unix::fs::symlink(&real, &link).unwrap_or_else(|e| panic!("{e}"));
    run(&[
        "annotate",
        "tests/data/annotate.txt",
        "-o",
        &link.display().to_string(),
    ]);
    assert!(std::fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
    let written = std::fs::read_to_string(&real).unwrap_or_default();
    assert!(written.starts_with("<!DOCTYPE html>"), "{written}");
    let mode = std::fs::metadata(&real)
        .map(|m| m.permissions().mode() & 0o777)
        .unwrap_or(0);
    assert_eq!(mode, 0o600);
}
