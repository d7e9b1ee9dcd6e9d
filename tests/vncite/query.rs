//! Lineage queries against a small graph with known answers: A (1/2020/NĐ-CP) builds on the law C
//! (5/2015/QH13) and implements directive 7/CT-TTg of 2019; B (2/2021/NĐ-CP) amends and partly repeals A;
//! C cites B, closing the cycle A → C → B → A; D (a news item) cites the 2018 and 2019 directives 7/CT-TTg.

use std::path::PathBuf;
use vncite::graph::Direction;
use vncite::query::{self, Filter, Rank};
use vncite::CitationGraph;
use vncite::ErrorKind;
use vncite::{DocType, Relation};

fn graph() -> CitationGraph {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/query");
    let found: Vec<(String, vncite::Extraction)> = ["a.txt", "b.txt", "c.txt", "d.txt"]
        .iter()
        .map(|n| {
            let text = std::fs::read_to_string(dir.join(n)).unwrap_or_else(|e| panic!("{n}: {e}"));
            (n.to_string(), vncite::extract(&text))
        })
        .collect();
    crate::built(&found)
}

fn ids<'g>(l: &query::Lineage<'g>) -> Vec<(&'g str, usize, bool)> {
    l.nodes.iter().map(|n| (n.id, n.depth, n.matches)).collect()
}

const A: &str = "doc:1/2020/NĐ-CP";
const B: &str = "doc:2/2021/NĐ-CP";
const C: &str = "doc:5/2015/QH13";
const CT19: &str = "doc:7/CT-TTg@2019";

#[test]
fn ancestors_follow_the_cycle_once_and_respect_depth() {
    let g = graph();
    let all = query::lineage(&g, A, Direction::Outgoing, None, &Filter::default());
    assert_eq!(
        ids(&all),
        [(A, 0, true), (C, 1, true), (CT19, 1, true), (B, 2, true)]
    );
    // B leads back to A: the edge is kept (the cycle), the node is not repeated.
    assert!(all
        .edges
        .iter()
        .any(|e| e.from == B && e.to == A && e.relation == "amends"));
    let one = query::lineage(&g, A, Direction::Outgoing, Some(1), &Filter::default());
    assert_eq!(ids(&one), [(A, 0, true), (C, 1, true), (CT19, 1, true)]);
}

#[test]
fn relation_and_type_filters_compose() {
    let g = graph();
    let basis = Filter {
        relations: [Relation::Basis].into(),
        ..Filter::default()
    };
    let l = query::lineage(&g, A, Direction::Outgoing, None, &basis);
    assert_eq!(ids(&l), [(A, 0, true), (C, 1, true)]);
    let directives = Filter {
        doc_types: [DocType::Directive].into(),
        ..Filter::default()
    };
    let l = query::lineage(&g, A, Direction::Outgoing, None, &directives);
    assert_eq!(ids(&l), [(A, 0, true), (CT19, 1, true)]);
    // Decrees of 2021 on that build on the law: A (2020) is left out, being on no route to a match.
    let decrees = Filter {
        doc_types: [DocType::Decree].into(),
        from_year: Some(2021),
        ..Filter::default()
    };
    let l = query::lineage(&g, C, Direction::Incoming, None, &decrees);
    assert_eq!(ids(&l), [(C, 0, true), (B, 1, true)]);
}

#[test]
fn descendants_and_status() {
    let g = graph();
    let l = query::lineage(&g, A, Direction::Incoming, Some(1), &Filter::default());
    assert_eq!(ids(&l), [(A, 0, true), (B, 1, true)]);
    let s = query::status(&g, A).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.verdict, query::Verdict::PartlyRepealed);
    let changes: Vec<(&str, &str, Option<&str>, Vec<String>)> = s
        .changes
        .iter()
        .map(|c| {
            (
                c.by.as_str(),
                c.relation.as_str(),
                c.date.as_deref(),
                c.parts.clone(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            (B, "amends", Some("2021-03-15"), vec![]),
            (B, "repeals", Some("2021-03-15"), vec!["Điều 3".to_string()]),
        ]
    );
    assert_eq!(
        query::status(&g, C).map(|s| s.verdict).ok(),
        Some(query::Verdict::InForce)
    );
}

#[test]
fn shortest_paths_and_no_route() {
    let g = graph();
    let routes = query::paths(&g, A, B, &Filter::default(), 5);
    let hops: Vec<Vec<(&str, &str)>> = routes
        .iter()
        .map(|r| r.iter().map(|e| (e.to, e.relation.as_str())).collect())
        .collect();
    assert_eq!(hops, [vec![(C, "basis"), (B, "cites")]]);
    assert!(query::paths(&g, "doc:7/CT-TTg@2018", A, &Filter::default(), 5).is_empty());
}

#[test]
fn documents_are_named_by_id_or_by_reference() {
    let g = graph();
    assert_eq!(
        query::resolve_doc(&g, "Nghị định 1/2020/NĐ-CP")
            .ok()
            .as_deref(),
        Some(A)
    );
    assert_eq!(
        query::resolve_doc(&g, "1/2020/NĐ-CP").ok().as_deref(),
        Some(A)
    );
    assert_eq!(
        query::resolve_doc(&g, "Chỉ thị 7/CT-TTg ngày 1/2/2019")
            .ok()
            .as_deref(),
        Some(CT19)
    );
    match query::resolve_doc(&g, "Chỉ thị 7/CT-TTg")
        .as_ref()
        .map_err(|e| e.kind())
    {
        Err(ErrorKind::Ambiguous { candidates, .. }) => assert_eq!(
            *candidates,
            [
                "doc:7/CT-TTg@2018 (2018-03-05)",
                "doc:7/CT-TTg@2019 (2019-02-01)"
            ]
        ),
        other => panic!("expected ambiguity, got {other:?}"),
    }
    match query::resolve_doc(&g, "Nghị định 1/2021/NĐ-CP")
        .as_ref()
        .map_err(|e| e.kind())
    {
        Err(ErrorKind::NotFound { nearest, .. }) => {
            assert_eq!(nearest.first().map(String::as_str), Some(A))
        }
        other => panic!("expected not found, got {other:?}"),
    }
}

#[test]
fn top_by_mentions_and_pagerank() {
    let g = graph();
    let cited: Vec<(String, f64)> = query::top(&g, Rank::Cited, &Filter::default(), 3)
        .into_iter()
        .map(|r| (r.id, r.score))
        .collect();
    assert_eq!(
        cited,
        [
            (A.to_string(), 2.0),
            (C.to_string(), 2.0),
            (CT19.to_string(), 2.0)
        ]
    );
    // PageRank against the textbook definition, computed here densely: every node shares its rank equally
    // over its citation edges (one per relation), a node with none spreads it over all nodes.
    let ids: Vec<String> = g.nodes().iter().map(|n| n.id.to_string()).collect();
    let at = |id: &str| ids.iter().position(|i| i == id).unwrap_or(usize::MAX);
    let links: Vec<(usize, usize)> = g
        .edges()
        .iter()
        .filter(|e| e.edge.relation != Relation::IssuedBy)
        .map(|e| (at(e.from), at(e.to)))
        .collect();
    let n = ids.len();
    let mut rank = vec![1.0 / n as f64; n];
    for _ in 0..500 {
        let mut next = vec![0.15 / n as f64; n];
        for (i, r) in rank.iter().enumerate() {
            let out: Vec<usize> = links.iter().filter(|l| l.0 == i).map(|l| l.1).collect();
            if out.is_empty() {
                next.iter_mut().for_each(|x| *x += 0.85 * r / n as f64);
            } else {
                out.iter()
                    .for_each(|&t| next[t] += 0.85 * r / out.len() as f64);
            }
        }
        rank = next;
    }
    let ours = g.pagerank(0.85, 1e-13, 500, &|r| r != Relation::IssuedBy);
    assert_eq!(ours.len(), n);
    for (id, score) in &ours {
        let expected = rank[at(id.as_str())];
        assert!(
            (score - expected).abs() < 1e-9,
            "{id}: {score} against {expected}"
        );
    }
    // `top --by pagerank` lists documents by the ranks stored at settling (40 rounds, tolerance 1e-5):
    // the same order as the exact ranks, each within the tolerance.
    let ranked = query::top(&g, Rank::PageRank, &Filter::default(), 10);
    let mut exact: Vec<(f64, &str)> = ids
        .iter()
        .enumerate()
        .filter(|(_, id)| {
            g.node(id)
                .is_some_and(|n| n.kind == vncite::NodeKind::Document)
        })
        .map(|(i, id)| (rank[i], id.as_str()))
        .collect();
    exact.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let got: Vec<&str> = ranked.iter().map(|r| r.id.as_str()).collect();
    let want: Vec<&str> = exact.iter().take(10).map(|e| e.1).collect();
    assert_eq!(got, want);
    for (r, e) in ranked.iter().zip(&exact) {
        assert!(
            (r.score - e.0).abs() < 1e-5,
            "{}: {} against {}",
            r.id,
            r.score,
            e.0
        );
    }
}

#[test]
fn query_commands_print_trees_and_errors() {
    let dir = std::env::temp_dir().join(format!("vncite-q-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let store = dir.join("q.json").display().to_string();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_vncite"))
            .args(args)
            .env("RUST_BACKTRACE", "0")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, _, err) = run(&["graph", "build", "tests/data/query", "-o", &store]);
    assert_eq!(code, Some(0), "{err}");
    let (_, tree, _) = run(&[
        "query",
        "ancestors",
        "Nghị định 1/2020/NĐ-CP",
        "--graph",
        &store,
    ]);
    insta::assert_snapshot!("ancestors_tree", tree);
    let (_, status, _) = run(&["query", "status", "doc:1/2020/NĐ-CP", "--graph", &store]);
    insta::assert_snapshot!("status_text", status);
    let (code, _, err) = run(&[
        "query",
        "descendants",
        "Chỉ thị 7/CT-TTg",
        "--graph",
        &store,
    ]);
    assert_eq!(code, Some(1));
    assert!(err.contains("matches 2 documents"), "{err}");
    let (_, stats, _) = run(&["stats", "--graph", &store, "--top", "3"]);
    insta::assert_snapshot!("stats_text", stats);
    std::fs::remove_dir_all(&dir).ok();
}
