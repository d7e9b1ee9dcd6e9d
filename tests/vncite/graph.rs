//! The citation graph: whole graphs from fixtures, order independence, re-adding, the store and `graph build`.

use std::path::PathBuf;
use vncite::{CitationGraph, Extraction, NodeKind};

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/graph")
}

fn inputs(names: &[&str]) -> Vec<(String, Extraction)> {
    names
        .iter()
        .map(|n| {
            let path = fixture_dir().join(n);
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{n}: {e}"));
            (n.to_string(), vncite::extract(&text))
        })
        .collect()
}

fn build(names: &[&str]) -> CitationGraph {
    let found = inputs(names);
    crate::built(&found)
}

fn store_bytes(g: &CitationGraph) -> Vec<u8> {
    let mut out = Vec::new();
    g.write_store(&mut out).unwrap_or_else(|e| panic!("{e}"));
    out
}

const ALL: [&str; 3] = ["nd_15_2024.txt", "nd_30_2020.txt", "tin_tuc.txt"];

#[test]
fn fixtures_give_exactly_these_nodes_and_edges() {
    let g = build(&ALL);
    let nodes: Vec<(String, NodeKind)> = g
        .nodes()
        .iter()
        .map(|n| (n.id.to_string(), n.kind))
        .collect();
    let expected_nodes = [
        ("doc:128/NQ-CP@2020", NodeKind::Document),
        ("doc:128/NQ-CP@2021", NodeKind::Document),
        ("doc:15/2024/NĐ-CP", NodeKind::Document),
        ("doc:30/2020/NĐ-CP", NodeKind::Document),
        ("doc:80/2015/QH13", NodeKind::Document),
        ("doc:99/QĐ-TTg@?", NodeKind::Document),
        ("issuer:CP", NodeKind::Issuer),
        ("issuer:QH", NodeKind::Issuer),
        ("issuer:TTg", NodeKind::Issuer),
        ("source:tin_tuc.txt", NodeKind::Source),
    ];
    let expected_nodes: Vec<(String, NodeKind)> = expected_nodes
        .iter()
        .map(|(i, k)| (i.to_string(), *k))
        .collect();
    assert_eq!(nodes, expected_nodes);

    let edges: Vec<(String, String, String, usize)> = g
        .edges()
        .iter()
        .map(|e| {
            (
                e.from.to_string(),
                e.to.to_string(),
                e.edge.relation.to_string(),
                e.edge.count(),
            )
        })
        .collect();
    let expected_edges = [
        ("doc:128/NQ-CP@2020", "issuer:CP", "issued_by", 0),
        ("doc:128/NQ-CP@2021", "issuer:CP", "issued_by", 0),
        ("doc:15/2024/NĐ-CP", "doc:128/NQ-CP@2020", "implements", 1),
        ("doc:15/2024/NĐ-CP", "doc:30/2020/NĐ-CP", "amends", 2),
        ("doc:15/2024/NĐ-CP", "doc:30/2020/NĐ-CP", "repeals", 1),
        ("doc:15/2024/NĐ-CP", "doc:80/2015/QH13", "basis", 1),
        ("doc:15/2024/NĐ-CP", "issuer:CP", "issued_by", 0),
        ("doc:30/2020/NĐ-CP", "doc:80/2015/QH13", "basis", 1),
        ("doc:30/2020/NĐ-CP", "issuer:CP", "issued_by", 0),
        ("doc:80/2015/QH13", "issuer:QH", "issued_by", 0),
        ("doc:99/QĐ-TTg@?", "issuer:TTg", "issued_by", 0),
        ("source:tin_tuc.txt", "doc:128/NQ-CP@2020", "cites", 1),
        ("source:tin_tuc.txt", "doc:128/NQ-CP@2021", "cites", 1),
        ("source:tin_tuc.txt", "doc:15/2024/NĐ-CP", "cites", 1),
        ("source:tin_tuc.txt", "doc:99/QĐ-TTg@?", "cites", 1),
    ];
    let expected_edges: Vec<(String, String, String, usize)> = expected_edges
        .iter()
        .map(|(a, b, r, n)| (a.to_string(), b.to_string(), r.to_string(), *n))
        .collect();
    assert_eq!(edges, expected_edges);
}

#[test]
fn attributes_merge_and_conflicts_are_kept() {
    let g = build(&ALL);
    let nd30 = g
        .node("doc:30/2020/NĐ-CP")
        .unwrap_or_else(|| panic!("node"));
    // First seen as a citation, then read from its own file: it gains its title and issuer.
    assert_eq!(nd30.title.as_deref(), Some("Về công tác văn thư"));
    assert_eq!(nd30.date.as_deref(), Some("2020-03-05"));
    assert_eq!(nd30.defined_in, ["nd_30_2020.txt"]);
    // Its own header says 10/02/2024; the news item says 12/02/2024: the header wins, both are kept.
    let nd15 = g
        .node("doc:15/2024/NĐ-CP")
        .unwrap_or_else(|| panic!("node"));
    assert_eq!(nd15.date.as_deref(), Some("2024-02-10"));
    assert_eq!(
        nd15.conflicts.get("date").map(Vec::as_slice),
        Some(&["2024-02-10".to_string(), "2024-02-12".to_string()][..])
    );
    let unknown = g.node("doc:99/QĐ-TTg@?").unwrap_or_else(|| panic!("node"));
    assert!(unknown.ambiguous);
    let stats = g.stats(3);
    assert_eq!(
        (
            stats.ambiguous_documents,
            stats.ambiguous_mentions,
            stats.documents_with_conflicts
        ),
        (1, 1, 1)
    );
    assert_eq!(stats.most_cited[0], ("doc:30/2020/NĐ-CP".to_string(), 3, 1));
}

#[test]
fn input_order_never_changes_the_store() {
    let a = store_bytes(&build(&ALL));
    let b = store_bytes(&build(&["tin_tuc.txt", "nd_30_2020.txt", "nd_15_2024.txt"]));
    assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
}

/// Adding to a loaded store copies the evidence lines of edges the new inputs leave alone (when every
/// stored input keeps its position) and writes the rest: either way, the bytes of a build from scratch.
#[test]
fn adding_to_a_loaded_store_gives_the_bytes_of_a_build_from_scratch() {
    let whole = store_bytes(&build(&ALL));
    let cases: [(&[&str], &[&str]); 4] = [
        // Inputs added after the stored ones in path order: every stored position is kept.
        (&ALL[..2], &ALL[2..]),
        // An input added before the stored ones moves them all: every line is written again.
        (&ALL[1..], &ALL[..1]),
        // A stored input read again, unchanged, with a new one.
        (&ALL[..2], &ALL[1..]),
        // Nothing new: the loaded store saved again.
        (&ALL, &[]),
    ];
    for (stored, added) in cases {
        let bytes = store_bytes(&build(stored));
        let mut g =
            CitationGraph::from_store_bytes(bytes, "test.store").unwrap_or_else(|e| panic!("{e}"));
        let more = inputs(added);
        g.add_inputs(more.iter().map(|(p, x)| (p.as_str(), x)))
            .unwrap_or_else(|e| panic!("{e}"));
        g.verify().unwrap_or_else(|v| panic!("{v:?}"));
        assert_eq!(
            String::from_utf8_lossy(&store_bytes(&g)),
            String::from_utf8_lossy(&whole),
            "stored {stored:?}, added {added:?}"
        );
    }
    // An input read again with fewer mentions: its old lines are not copied.
    let bytes = store_bytes(&build(&ALL));
    let mut g =
        CitationGraph::from_store_bytes(bytes, "test.store").unwrap_or_else(|e| panic!("{e}"));
    let mut edited = inputs(&["nd_15_2024.txt"]).remove(0).1;
    edited.citations.retain(|c| c.relation != "repeals");
    g.add_inputs([("nd_15_2024.txt", &edited)])
        .unwrap_or_else(|e| panic!("{e}"));
    let mut fresh = build(&ALL);
    fresh
        .add_inputs([("nd_15_2024.txt", &edited)])
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        String::from_utf8_lossy(&store_bytes(&g)),
        String::from_utf8_lossy(&store_bytes(&fresh))
    );
    assert!(!g.edges().iter().any(|e| e.edge.relation == "repeals"));
}

#[test]
fn re_adding_a_file_replaces_its_evidence() {
    let once = store_bytes(&build(&ALL));
    let mut g = build(&ALL);
    let again = inputs(&["nd_15_2024.txt"]);
    g.add_inputs(again.iter().map(|(p, x)| (p.as_str(), x)))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        String::from_utf8_lossy(&store_bytes(&g)),
        String::from_utf8_lossy(&once)
    );
    // Re-adding an edited file drops what it no longer says.
    let mut edited = again[0].1.clone();
    edited.citations.retain(|c| c.relation != "repeals");
    g.add_inputs([("nd_15_2024.txt", &edited)])
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!g.edges().iter().any(|e| e.edge.relation == "repeals"));
    g.verify().unwrap_or_else(|v| panic!("{v:?}"));
}

#[test]
fn store_round_trips_and_rejects_damage_and_other_versions() {
    let g = build(&ALL);
    let dir = std::env::temp_dir().join(format!("vncite-store-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join("g.json");
    g.save(&path).unwrap_or_else(|e| panic!("{e}"));
    let loaded = CitationGraph::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(store_bytes(&loaded), store_bytes(&g));

    std::fs::write(&path, b"{\"format\": \"vncite-graph/0\", \"nodes\": []}")
        .unwrap_or_else(|e| panic!("{e}"));
    let err = CitationGraph::load(&path)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("store format \"vncite-graph/0\""), "{err}");
    std::fs::write(&path, b"{\"format\": \"vncite-graph/2\", \"inputs\": [")
        .unwrap_or_else(|e| panic!("{e}"));
    let err = CitationGraph::load(&path)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("not a vncite graph store or damaged"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

/// Bytes of one edge record in the store's edge table: from, to (u32), relation code (u8), count, evidence
/// line length, evidence line CRC-32 (u32), little-endian.
const EDGE_RECORD: usize = 21;

/// A store's first line as JSON, and where the line ends.
fn first_line(bytes: &[u8]) -> (serde_json::Value, usize) {
    let split = bytes
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| p + 1);
    let header = serde_json::from_slice(&bytes[..split]).unwrap_or_else(|e| panic!("{e}"));
    (header, split)
}

/// The store's first line with its edge table changed by `edit`, sealed with a checksum made as the writer
/// makes it when `reseal`, else with the old one.
fn with_edge_table(bytes: &[u8], reseal: bool, edit: &dyn Fn(&mut Vec<u8>)) -> Vec<u8> {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    let (mut header, split) = first_line(bytes);
    let obj = header
        .as_object_mut()
        .unwrap_or_else(|| panic!("header is an object"));
    let old_crc = obj.remove("checksum");
    let mut table = obj
        .get("edges")
        .and_then(|e| e.as_str())
        .map(|e| b64.decode(e).unwrap_or_else(|e| panic!("{e}")))
        .unwrap_or_else(|| panic!("edges are a base64 string"));
    assert_eq!(table.len() % EDGE_RECORD, 0);
    edit(&mut table);
    obj.insert("edges".into(), b64.encode(&table).into());
    let body = serde_json::to_string(&header).unwrap_or_else(|e| panic!("{e}"));
    let crc = if reseal {
        format!("{:08x}", crc32fast::hash(body.as_bytes()))
    } else {
        old_crc
            .and_then(|c| c.as_str().map(str::to_string))
            .unwrap_or_default()
    };
    let mut out = format!("{},\"checksum\":\"{crc}\"}}\n", &body[..body.len() - 1]).into_bytes();
    out.extend_from_slice(&bytes[split..]);
    out
}

/// The store's edges are sorted, so the loader checks their order instead of keeping a set of every edge:
/// an edge repeated or moved, or a length that points past the evidence, in a first line whose checksum was
/// made to match, is still refused.
#[test]
fn edges_out_of_order_or_repeated_are_refused_even_with_a_matching_checksum() {
    let bytes = store_bytes(&build(&ALL));
    // Resealed unchanged, the store loads and writes the same bytes again: the checksum is made as the
    // writer makes it, so the edits below are the only change.
    let same = CitationGraph::from_store_bytes(with_edge_table(&bytes, true, &|_| {}), "g.json")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(store_bytes(&same) == bytes, "resealed store differs");
    let cases: [(&str, &dyn Fn(&mut Vec<u8>), &str); 3] = [
        (
            "swapped",
            // Two edges' ends and relations swapped, their evidence left in place.
            &|t: &mut Vec<u8>| {
                let (first, rest) = t.split_at_mut(EDGE_RECORD);
                first[..9].swap_with_slice(&mut rest[..9]);
            },
            "listed twice or out of order",
        ),
        (
            "repeated",
            &|t: &mut Vec<u8>| {
                let first = t[..EDGE_RECORD].to_vec();
                t.splice(EDGE_RECORD..EDGE_RECORD, first);
            },
            "listed twice or out of order",
        ),
        (
            "too long",
            // The first edge's evidence length (bytes 13..17) made to run past the file.
            &|t: &mut Vec<u8>| t[13..17].copy_from_slice(&u32::MAX.to_le_bytes()),
            "the store is cut or damaged",
        ),
    ];
    for (what, edit, expected) in cases {
        let err = CitationGraph::from_store_bytes(with_edge_table(&bytes, true, edit), "g.json")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains(expected), "{what}: {err}");
    }
}

#[test]
fn graph_build_command_writes_atomically_and_reports_bad_inputs() {
    let dir = std::env::temp_dir().join(format!("vncite-gb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let store = dir.join("g.json");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_vncite"))
            .args(args)
            .env("RUST_BACKTRACE", "0")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let s = store.display().to_string();
    let out = run(&[
        "graph",
        "build",
        "tests/data/graph/nd_30_2020.txt",
        "tests/data/graph/missing.txt",
        "-o",
        &s,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt: cannot read"));
    let first = std::fs::read(&store).unwrap_or_else(|e| panic!("{e}"));
    let out = run(&["graph", "build", "tests/data/graph", "--into", &s]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let grown = CitationGraph::load(&store).unwrap_or_else(|e| panic!("{e}"));
    assert!(grown.node("source:tests/data/graph/tin_tuc.txt").is_some());
    assert!(std::fs::read(&store).unwrap_or_default().len() > first.len());
    // A damaged store is refused and left as it was.
    std::fs::write(&store, b"not json").unwrap_or_else(|e| panic!("{e}"));
    let out = run(&["graph", "build", "tests/data/graph", "--into", &s]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("damaged"));
    assert_eq!(std::fs::read(&store).unwrap_or_default(), b"not json");
    let stats = run(&["stats", "--graph", "tests/data/graph/none.json"]);
    assert_eq!(stats.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).ok();
}

/// Every way of damaging the evidence section: each is refused with the store's name and the line, by the
/// library's load or evidence read, and by every command that reads the store.
#[test]
fn damaged_evidence_is_refused_with_the_store_and_the_line() {
    let g = build(&ALL);
    g.verify().unwrap_or_else(|v| panic!("{v:?}"));
    let good = store_bytes(&g);
    let header_end = good.iter().position(|&b| b == b'\n').unwrap_or(0) + 1;
    let lines: Vec<usize> = good
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .map(|(i, _)| i)
        .collect();
    // Line 2 holds the inputs' documents; the first evidence line (store line 3) starts with `[{`: make
    // its `{` a `[`.
    let line3 = lines[1] + 1;
    let mut flipped = good.clone();
    flipped[line3 + 1] = b'[';
    // The documents line's first document starts with `[{`: make its `{` a `[`.
    let mut documents = good.clone();
    assert_eq!(&good[header_end..header_end + 2], b"[{");
    documents[header_end + 1] = b'[';
    let cut = good[..good.len() - 7].to_vec();
    let mut padded = good.clone();
    padded.extend_from_slice(b"[]\n");
    // The first edge's evidence length made huge without resealing: the first line's own checksum catches
    // the change before the length is used.
    let huge = with_edge_table(&good, false, &|t: &mut Vec<u8>| {
        t[13..17].copy_from_slice(&u32::MAX.to_le_bytes())
    });
    let name = "s.store";
    // (damaged bytes, the line named, whether loading alone finds it)
    let cases: [(&Vec<u8>, usize, bool); 5] = [
        (&flipped, 3, false),
        (&documents, 2, false),
        (&cut, lines.len(), true),
        (&padded, lines.len() + 1, true),
        (&huge, 1, true),
    ];
    let dir = std::env::temp_dir().join(format!("vncite-damage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    for (k, (bytes, line, at_load)) in cases.iter().enumerate() {
        let expected = format!("{name}, line {line}: not a vncite graph store or damaged");
        let err = match CitationGraph::from_store_bytes((*bytes).clone(), name) {
            Err(e) => {
                assert!(*at_load, "case {k}: refused at load: {e}");
                e.to_string()
            }
            Ok(loaded) => {
                assert!(!at_load, "case {k}: loaded");
                let problems = loaded.verify().err().unwrap_or_default();
                assert_eq!(problems.len(), 1, "case {k}: {problems:?}");
                problems[0].to_string()
            }
        };
        assert!(err.starts_with(&expected), "case {k}: {err}");
        // The same from the command line, for each command that reads a store.
        let store = dir.join(format!("case{k}.store"));
        std::fs::write(&store, bytes).unwrap_or_else(|e| panic!("{e}"));
        let s = store.display().to_string();
        let runs: [&[&str]; 4] = [
            &["query", "status", "--graph", &s, "doc:15/2024/NĐ-CP"],
            &[
                "graph",
                "build",
                "--into",
                &s,
                "tests/data/graph/tin_tuc.txt",
            ],
            &["export", "--graph", &s, "--format", "json"],
            &["graph", "verify", &s],
        ];
        for args in runs {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_vncite"))
                .args(args)
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .output()
                .unwrap_or_else(|e| panic!("{e}"));
            let stderr = String::from_utf8_lossy(&out.stderr);
            let named = format!("{s}, line {line}: not a vncite graph store or damaged");
            // Only commands that read every edge's evidence find a flipped byte inside one.
            let found_by_command = *at_load || args[0] == "graph";
            if found_by_command {
                assert_ne!(out.status.code(), Some(0), "case {k} {args:?}");
                assert!(stderr.contains(&named), "case {k} {args:?}: {stderr}");
            } else if args[0] == "export" {
                // The export never reads evidence: it answers from the sound first line.
                assert_eq!(out.status.code(), Some(0), "case {k} {args:?}: {stderr}");
            } else {
                // A status reads the evidence of its document's changes only: sound, or refused by line.
                assert!(
                    out.status.success() || stderr.contains(&named),
                    "case {k} {args:?}: {stderr}"
                );
            }
        }
        // A refused `--into` leaves the damaged store as it was: nothing is re-saved without the loss.
        assert_eq!(
            std::fs::read(&store).ok().as_ref(),
            Some(*bytes),
            "case {k}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// One `graph build --into STORE` process per input, all started at once; each must succeed.
fn builds_into_at_once(store: &std::path::Path, inputs: &[PathBuf]) {
    let children: Vec<_> = inputs
        .iter()
        .map(|p| {
            std::process::Command::new(env!("CARGO_BIN_EXE_vncite"))
                .args(["graph", "build", "--quiet", "--into"])
                .arg(store)
                .arg(p)
                .spawn()
                .unwrap_or_else(|e| panic!("{e}"))
        })
        .collect();
    for mut c in children {
        assert!(c.wait().is_ok_and(|s| s.success()));
    }
}

/// What a careless or concurrent user does to a store: builds into it four at a time, keeps it behind a
/// symlink with its own permissions, sends it to /dev/null. Nothing is lost, replaced or reset.
#[test]
fn concurrent_builds_symlinks_modes_and_devices_keep_the_store() {
    let dir = std::env::temp_dir().join(format!("vncite-careless-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let bin = env!("CARGO_BIN_EXE_vncite");
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/graph");
    // Four inputs of one document each, built into one store by four processes at once.
    let text =
        std::fs::read_to_string(fixtures.join("tin_tuc.txt")).unwrap_or_else(|e| panic!("{e}"));
    let inputs: Vec<PathBuf> = (0..4)
        .map(|i| {
            let p = dir.join(format!("in{i}.txt"));
            std::fs::write(&p, &text).unwrap_or_else(|e| panic!("{e}"));
            p
        })
        .collect();
    let store = dir.join("s.store");
    builds_into_at_once(&store, &inputs);
    let g = CitationGraph::load(&store).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        g.stats(0).inputs,
        4,
        "every concurrent build's input is in the store"
    );
    // A symlinked store is updated through the link, which stays a link; its mode is kept.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o600))
            .unwrap_or_else(|e| panic!("{e}"));
        let link = dir.join("link.store");
        std::os::unix::fs::symlink(&store, &link).unwrap_or_else(|e| panic!("{e}"));
        let out = std::process::Command::new(bin)
            .args(["graph", "build", "--quiet", "-o"])
            .arg(&link)
            .arg(&inputs[0])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(out.status.success());
        let meta = std::fs::symlink_metadata(&link).unwrap_or_else(|e| panic!("{e}"));
        assert!(meta.file_type().is_symlink());
        let mode = std::fs::metadata(&store)
            .map(|m| m.permissions().mode() & 0o777)
            .ok();
        assert_eq!(mode, Some(0o600));
        let g = CitationGraph::load(&store).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            g.stats(0).inputs,
            1,
            "the store behind the link was rewritten"
        );
        // A device is written to, never replaced by a regular file.
        let out = std::process::Command::new(bin)
            .args(["graph", "build", "--quiet", "-o", "/dev/null"])
            .arg(&inputs[0])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(out.status.success());
        let null = std::fs::metadata("/dev/null").unwrap_or_else(|e| panic!("{e}"));
        assert!(!null.is_file());
        // An endless device as input is refused: only regular files are read (a pipe comes in as `-`).
        let out = std::process::Command::new(bin)
            .args(["extract", "/dev/zero"])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "vncite: /dev/zero: skipped: a device, not a regular file\n"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Two inputs that give one cited document different facts (its name's spelling, its issuers) build the same
/// store in either order: the facts kept do not depend on which input was read first.
/// Two `graph build --into` on one store at once, a hundred times over: the lock makes the second wait for
/// the first, so the store always ends with the input it held and both new ones.
#[test]
fn two_concurrent_builds_into_one_store_lose_nothing_in_a_hundred_tries() {
    let dir = std::env::temp_dir().join(format!("vncite-race-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let bin = env!("CARGO_BIN_EXE_vncite");
    let fixtures = fixture_dir();
    let inputs: Vec<PathBuf> = ["tin_tuc.txt", "nd_15_2024.txt", "nd_30_2020.txt"]
        .iter()
        .map(|name| {
            let p = dir.join(name);
            std::fs::copy(fixtures.join(name), &p).unwrap_or_else(|e| panic!("{e}"));
            p
        })
        .collect();
    let store = dir.join("race.store");
    let mut lost = Vec::new();
    for attempt in 0..100 {
        let built = std::process::Command::new(bin)
            .args(["graph", "build", "--quiet", "--force", "-o"])
            .arg(&store)
            .arg(&inputs[0])
            .status();
        assert!(built.is_ok_and(|s| s.success()));
        builds_into_at_once(&store, &inputs[1..]);
        let g = CitationGraph::load(&store).unwrap_or_else(|e| panic!("{e}"));
        if g.stats(0).inputs != 3 {
            lost.push((attempt, g.stats(0).inputs));
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(lost, [], "tries that ended with fewer than 3 inputs");
}

#[test]
fn the_order_of_inputs_changes_no_fact() {
    let a =
        vncite::extract("Căn cứ Luật Đất Đai năm 2013; Căn cứ Công văn 57/BTC-TCT ngày 21/4/2022;");
    let b = vncite::extract(
        "Căn cứ Luật Đất đai năm 2013; Căn cứ Công văn 57/BTC ngày 21/4/2022 của Bộ Tài chính;",
    );
    let forward = crate::built(&[
        ("a.txt".to_string(), a.clone()),
        ("b.txt".to_string(), b.clone()),
    ]);
    let backward = crate::built(&[("b.txt".to_string(), b), ("a.txt".to_string(), a)]);
    assert_eq!(
        String::from_utf8_lossy(&store_bytes(&forward)),
        String::from_utf8_lossy(&store_bytes(&backward))
    );
    let named: Vec<&str> = forward
        .nodes()
        .iter()
        .filter(|n| n.kind == NodeKind::Document)
        .filter_map(|n| n.name.as_deref())
        .collect();
    assert_eq!(named, ["Luật Đất Đai"]);
}

/// A local body's node takes the name with its place that one of its documents gives, whichever document
/// came first: a mention "của Ủy ban nhân dân" without the place used to win when read after it.
#[test]
fn a_local_issuer_is_named_with_its_place_in_any_input_order() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/issuer_names");
    let read = |name: &str| {
        let text = std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{e}"));
        (name.to_string(), vncite::extract(&text))
    };
    let (a, b) = (read("qd_5_2024.txt"), read("qd_9_2024.txt"));
    let forward = crate::built(&[a.clone(), b.clone()]);
    let backward = crate::built(&[b, a]);
    assert_eq!(
        String::from_utf8_lossy(&store_bytes(&forward)),
        String::from_utf8_lossy(&store_bytes(&backward))
    );
    let issuers: Vec<(&str, Option<&str>)> = forward
        .nodes()
        .iter()
        .filter(|n| n.kind == NodeKind::Issuer)
        .map(|n| (n.id.as_str(), n.name.as_deref()))
        .collect();
    assert_eq!(
        issuers,
        [(
            "issuer:UBND~quang-nam",
            Some("Ủy ban nhân dân tỉnh Quảng Nam")
        )]
    );
}

#[test]
fn a_law_cited_by_name_and_date_is_its_numbered_node_and_stats_count_it() {
    let text = crate::fixture("named_lower.txt");
    let g = crate::built(&[("named_lower.txt".to_string(), vncite::extract(&text))]);
    let node = g
        .node("doc:54/2014/QH13")
        .unwrap_or_else(|| panic!("no node for Luật hải quan 2014"));
    assert_eq!(node.name.as_deref(), Some("Luật hải quan"));
    assert_eq!(node.symbol.as_deref(), Some("54/2014/QH13"));
    let s = g.stats(0);
    // 54/2014/QH13 and 32/2024/QH15 through data/laws.tsv; the labour code of 2019 is not in the table.
    assert_eq!(
        (s.named_resolved, s.named_unresolved, s.named_unknown_year),
        (2, 1, 0)
    );
    assert!(g.node("doc:named:bo-luat-lao-dong@2019-11-20").is_some());
}

/// Random damage, as a disk or a careless copy does it: 100 truncations and 100 flipped bytes anywhere in
/// the store. Each is found, by the load (the first line's checksum, the section's tiling) or by a full
/// verify (each evidence line's checksum), and none panics.
#[test]
fn every_random_truncation_and_flipped_byte_is_found() {
    let g = build(&ALL);
    let good = store_bytes(&g);
    let mut rng = fastrand::Rng::with_seed(20261202);
    let found = |bytes: Vec<u8>| match CitationGraph::from_store_bytes(bytes, "s.store") {
        Err(_) => true,
        Ok(loaded) => loaded.verify().is_err(),
    };
    for k in 0..100 {
        let cut = rng.usize(0..good.len());
        assert!(
            found(good[..cut].to_vec()),
            "truncation {k} at byte {cut} of {}",
            good.len()
        );
    }
    for k in 0..100 {
        let mut bytes = good.clone();
        let at = rng.usize(0..bytes.len());
        bytes[at] ^= 1 << rng.u8(0..8);
        assert!(found(bytes), "flip {k} at byte {at} of {}", good.len());
    }
    assert!(!found(good), "the sound store is refused");
}

/// A file is one input whatever spelling of its path names it, and a second text from standard input never
/// silently replaces the first.
#[test]
fn inputs_keep_one_identity_per_file_and_standard_input_is_named() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("g.store").display().to_string();
    let root = env!("CARGO_MANIFEST_DIR");
    let run = |args: &[&str], stdin: &[u8]| {
        use std::io::Write;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vncite"))
            .args(args)
            .current_dir(root)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        if let Some(mut i) = child.stdin.take() {
            i.write_all(stdin).unwrap_or_else(|e| panic!("{e}"));
        }
        child.wait_with_output().unwrap_or_else(|e| panic!("{e}"))
    };
    let absolute = format!("{root}/tests/data/graph/nd_15_2024.txt");
    for path in [
        "tests/data/graph/nd_15_2024.txt",
        "./tests/data/graph/nd_15_2024.txt",
        "tests/data/../data/graph/nd_15_2024.txt",
        absolute.as_str(),
    ] {
        let out = run(&["graph", "build", "-q", "--into", &store, path], b"");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let g = CitationGraph::load(std::path::Path::new(&store)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(g.stats(0).inputs, 1);
    assert!(g.has_input("tests/data/graph/nd_15_2024.txt"));
    let paste = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020;".as_bytes();
    assert!(run(&["graph", "build", "-q", "--into", &store, "-"], paste)
        .status
        .success());
    let again = run(&["graph", "build", "-q", "--into", &store, "-"], paste);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&again.stderr).contains(
            "already holds a text read from standard input; name this one with --name NAME"
        ),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert!(run(
        &[
            "graph",
            "build",
            "-q",
            "--into",
            &store,
            "--name",
            "news-2.txt",
            "-"
        ],
        paste
    )
    .status
    .success());
    let g = CitationGraph::load(std::path::Path::new(&store)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(g.stats(0).inputs, 3);
    assert!(g.has_input("-") && g.has_input("news-2.txt"));
    let named = run(
        &["extract", "--format", "json", "--name", "news.txt"],
        paste,
    );
    assert!(String::from_utf8_lossy(&named.stdout).starts_with("{\"source\":\"news.txt\","));
}

#[test]
fn a_law_named_in_one_input_is_the_law_another_input_is() {
    let law = vncite::extract(
        "QUỐC HỘI\nLuật số: 71/2027/QH15\nHà Nội, ngày 20 tháng 6 năm 2027\nLUẬT\nQUẢNG CÁO NGOÀI TRỜI\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n",
    );
    // One input gives the law's full date, one its year alone, one another year.
    let dated = vncite::extract("Căn cứ Luật Quảng cáo ngoài trời ngày 20 tháng 6 năm 2027;");
    let year_only =
        vncite::extract("Theo Luật Quảng cáo ngoài trời năm 2027, biển hiệu phải đăng ký.");
    let other = vncite::extract("Luật Quảng cáo ngoài trời năm 2031 sẽ thay đổi điều này.");
    let no_law =
        vncite::extract("Theo Luật Quảng cáo ngoài trời năm 2027, biển hiệu phải đăng ký.");
    let found = [
        ("law.txt".to_string(), law),
        ("dated.txt".to_string(), dated),
        ("year.txt".to_string(), year_only),
        ("other.txt".to_string(), other),
    ];
    let g = crate::built(&found);
    let cited: Vec<(String, String, usize)> = g
        .edges()
        .iter()
        .filter(|e| e.edge.relation != vncite::vocab::Relation::IssuedBy)
        .filter(|e| e.to.contains("quang-cao") || e.to.contains("71/2027"))
        .map(|e| (e.from.to_string(), e.to.to_string(), e.edge.count()))
        .collect();
    assert_eq!(
        cited,
        [
            (
                "source:dated.txt".to_string(),
                "doc:71/2027/QH15".to_string(),
                1
            ),
            (
                "source:other.txt".to_string(),
                "doc:named:luat-quang-cao-ngoai-troi@2031".to_string(),
                1
            ),
            (
                "source:year.txt".to_string(),
                "doc:71/2027/QH15".to_string(),
                1
            ),
        ]
    );
    let node = g
        .node("doc:71/2027/QH15")
        .unwrap_or_else(|| panic!("no node for the law"));
    assert_eq!(node.name.as_deref(), Some("Luật Quảng cáo ngoài trời"));
    // Without the law among the inputs, the year and the full date are still one node.
    let g = crate::built(&[
        ("dated.txt".to_string(), found[1].1.clone()),
        ("year.txt".to_string(), no_law),
    ]);
    let named: Vec<&str> = g
        .nodes()
        .iter()
        .filter(|n| n.id.as_str().starts_with("doc:named:"))
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(named, ["doc:named:luat-quang-cao-ngoai-troi@2027-06-20"]);
}

/// One input writes a law's name with its number; others cite it by name and year or full date, in any
/// order: one node. A name of another year, and a name written with another number of the same year (so
/// the name could be either), stay named.
#[test]
fn a_law_cited_with_its_number_in_one_input_is_the_law_others_cite_by_name() {
    let texts = [
        (
            "numbered.txt",
            "Căn cứ Luật Quảng cáo ngoài trời số 71/2027/QH15;",
        ),
        (
            "law.txt",
            "QUỐC HỘI\nLuật số: 71/2027/QH15\nHà Nội, ngày 20 tháng 6 năm 2027\nLUẬT\nQUẢNG CÁO NGOÀI TRỜI\nCăn cứ Hiến pháp;\n",
        ),
        // Dated by its promulgation rather than its passing.
        (
            "promulgated.txt",
            "Căn cứ Luật Quảng cáo ngoài trời ngày 05 tháng 7 năm 2027;",
        ),
        (
            "year.txt",
            "Theo Luật Quảng cáo ngoài trời năm 2027, biển hiệu phải đăng ký.",
        ),
        (
            "dated.txt",
            "Căn cứ Luật Quảng cáo ngoài trời ngày 20 tháng 6 năm 2027;",
        ),
        (
            "other.txt",
            "Luật Quảng cáo ngoài trời năm 2031 sẽ thay đổi điều này.",
        ),
        ("two_a.txt", "Căn cứ Luật Cảng cá số 12/2029/QH16;"),
        ("two_b.txt", "Căn cứ Luật Cảng cá số 13/2029/QH16;"),
        ("two_c.txt", "Theo Luật Cảng cá năm 2029, đèn phải sáng."),
        // A letter left before the number by OCR names nothing.
        ("stray.txt", "Căn cứ Luật Hải đăng số J 40/2030/QH16;"),
        ("stray_b.txt", "Theo Luật Hải đăng năm 2030, đèn phải sáng."),
    ];
    let found: Vec<(String, vncite::Extraction)> = texts
        .iter()
        .map(|(p, t)| (p.to_string(), vncite::extract(t)))
        .collect();
    let g = crate::built(&found);
    // The same store whatever the order and however the inputs are batched: a merge made in one batch is
    // one the whole set makes. Not for a name that a later batch makes ambiguous (the second number of
    // "Luật Cảng cá"): a merge is not undone, so the name stays with the law it joined (README, "Graph").
    let store = |batches: &[&[(String, vncite::Extraction)]]| {
        let mut g = vncite::CitationGraph::new();
        for batch in batches {
            g.add_inputs(batch.iter().map(|(p, f)| (p.as_str(), f)))
                .unwrap_or_else(|e| panic!("{e}"));
        }
        let mut bytes = Vec::new();
        g.write_store(&mut bytes).unwrap_or_else(|e| panic!("{e}"));
        bytes
    };
    let unambiguous: Vec<(String, vncite::Extraction)> = found
        .iter()
        .filter(|(p, _)| !p.starts_with("two_"))
        .cloned()
        .collect();
    let reversed: Vec<(String, vncite::Extraction)> = unambiguous.iter().rev().cloned().collect();
    let whole = store(&[&unambiguous]);
    for split in 1..unambiguous.len() {
        let (a, b) = reversed.split_at(split);
        assert!(
            store(&[a, b]) == whole,
            "reversed, batches of {split} and the rest differ"
        );
        let (a, b) = unambiguous.split_at(split);
        assert!(
            store(&[a, b]) == whole,
            "batches of {split} and the rest differ"
        );
    }
    let cited: Vec<(String, String)> = g
        .edges()
        .iter()
        .filter(|e| e.edge.relation != vncite::vocab::Relation::IssuedBy)
        .map(|e| (e.from.to_string(), e.to.to_string()))
        .collect();
    let edge = |from: &str, to: &str| (format!("source:{from}"), format!("doc:{to}"));
    assert_eq!(
        cited,
        [
            // The law's own basis.
            (
                "doc:71/2027/QH15".to_string(),
                "doc:named:hien-phap@2013".to_string()
            ),
            edge("dated.txt", "71/2027/QH15"),
            edge("numbered.txt", "71/2027/QH15"),
            edge("other.txt", "named:luat-quang-cao-ngoai-troi@2031"),
            edge("promulgated.txt", "71/2027/QH15"),
            edge("stray.txt", "40/2030/QH16"),
            edge("stray_b.txt", "named:luat-hai-dang@2030"),
            edge("two_a.txt", "12/2029/QH16"),
            edge("two_b.txt", "13/2029/QH16"),
            edge("two_c.txt", "named:luat-cang-ca@2029"),
            edge("year.txt", "71/2027/QH15"),
        ]
    );
    let node = g
        .node("doc:71/2027/QH15")
        .unwrap_or_else(|| panic!("no node for the law"));
    assert_eq!(node.name.as_deref(), Some("Luật Quảng cáo ngoài trời"));
}

#[test]
fn a_law_resolved_without_a_year_in_the_text_has_the_year_of_its_number() {
    let text = "BỘ TÀI CHÍNH\nSố: 12/2016/TT-BTC\nHà Nội, ngày 01 tháng 3 năm 2016\nTHÔNG TƯ\nHướng dẫn thủ tục\nCăn cứ Luật Hải quan;\n";
    let g = crate::built(&[("tt.txt".to_string(), vncite::extract(text))]);
    let node = g
        .node("doc:54/2014/QH13")
        .unwrap_or_else(|| panic!("no node for the customs law in force in 2016"));
    assert_eq!(
        (node.name.as_deref(), node.year),
        (Some("Luật Hải quan"), Some(2014))
    );
}

#[test]
fn the_constitution_in_force_has_the_year_of_its_adoption() {
    let text = "BỘ TÀI CHÍNH\nSố: 12/2016/TT-BTC\nHà Nội, ngày 01 tháng 3 năm 2016\nTHÔNG TƯ\nHướng dẫn thủ tục\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n";
    let g = crate::built(&[("tt.txt".to_string(), vncite::extract(text))]);
    let node = g
        .node("doc:named:hien-phap@2013")
        .unwrap_or_else(|| panic!("no node for the constitution in force in 2016"));
    assert_eq!(node.year, Some(2013));
}

/// Two inputs write one law with abbreviations, one spells it out: one node, named as the law itself is.
#[test]
fn a_law_written_abbreviated_and_spelled_out_is_one_node_named_in_full() {
    // A law data/laws.tsv does not number, so that the named node stays.
    let short = "Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu HĐND ngày 25/6/2015;";
    let full = "Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân ngày 25 tháng 6 năm 2015;";
    let found: Vec<(String, vncite::Extraction)> =
        [("a.txt", short), ("b.txt", short), ("c.txt", full)]
            .iter()
            .map(|(p, t)| (p.to_string(), vncite::extract(t)))
            .collect();
    let g = crate::built(&found);
    let laws: Vec<(String, Option<&str>)> = g
        .nodes()
        .iter()
        .filter(|n| n.id.to_string().starts_with("doc:named:"))
        .map(|n| (n.id.to_string(), n.name.as_deref()))
        .collect();
    assert_eq!(
        laws,
        [(
            "doc:named:luat-bau-cu-dai-bieu-quoc-hoi-va-dai-bieu-hoi-dong-nhan-dan@2015-06-25"
                .to_string(),
            Some("Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân")
        )]
    );
}
