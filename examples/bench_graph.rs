//! Times loading a graph store and the queries of `vncite query` on it, separately (wall clock, best of 5).
//! `cargo run --release --example bench_graph -- STORE DOC_ID`
//! Build a large store first: `gen_corpus` then `vncite graph build DIR -o STORE`.

// The allocator the `vncite` binary runs with, so that these figures are the command's.
#[cfg(feature = "cli")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;
use std::time::{Duration, Instant};
use vncite::graph::Direction;
use vncite::query::{self, Filter, Rank};
use vncite::CitationGraph;

fn best<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..5 {
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed());
        last = Some(v);
    }
    (best, last.unwrap_or_else(|| unreachable!("ran five times")))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let store = args.next().ok_or("usage: bench_graph STORE DOC_ID")?;
    let doc = args.next().ok_or("usage: bench_graph STORE DOC_ID")?;
    // Results go through a locked handle so that a closed pipe ends the run with an error, not a panic.
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let t = Instant::now();
    let g = CitationGraph::load(std::path::Path::new(&store))?;
    writeln!(
        out,
        "load: {:?} ({} nodes, {} edges)",
        t.elapsed(),
        g.node_count(),
        g.edge_count()
    )?;
    let f = Filter::default();
    let (d, l) = best(|| query::lineage(&g, &doc, Direction::Outgoing, Some(3), &f));
    writeln!(out, "ancestors depth 3: {d:?} ({} nodes)", l.nodes.len())?;
    let (d, l) = best(|| query::lineage(&g, &doc, Direction::Outgoing, None, &f));
    writeln!(out, "ancestors unbounded: {d:?} ({} nodes)", l.nodes.len())?;
    let (d, l) = best(|| query::lineage(&g, &doc, Direction::Incoming, Some(3), &f));
    writeln!(out, "descendants depth 3: {d:?} ({} nodes)", l.nodes.len())?;
    let (d, l) = best(|| query::lineage(&g, &doc, Direction::Incoming, None, &f));
    writeln!(
        out,
        "descendants unbounded: {d:?} ({} nodes)",
        l.nodes.len()
    )?;
    let far = l.nodes.last().map(|n| n.id.to_string()).unwrap_or_default();
    let (d, p) = best(|| query::paths(&g, &far, &doc, &f, 5));
    writeln!(out, "path {far} -> {doc}: {d:?} ({} routes)", p.len())?;
    let (d, _) = best(|| query::top(&g, Rank::PageRank, &f, 20));
    writeln!(out, "top by pagerank: {d:?}")?;
    let (d, _) = best(|| query::top(&g, Rank::Cited, &f, 20));
    writeln!(out, "top by mentions: {d:?}")?;
    Ok(())
}
