//! `vncite serve`: the local web app and its JSON API.

use anyhow::Context;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use vncite::serve::App;
use vncite::CitationGraph;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  vncite serve --graph corpus.store             then open http://127.0.0.1:8080/
  vncite serve --graph corpus.store --port 0    any free port; the address is printed

Pages: / (paste a text, see it annotated with a card per reference), /doc?id=REFERENCE (facts, status,
lineage, mentions), /graph?id=REFERENCE (interactive neighbourhood), /search?q=REFERENCE.
API (the CLI's JSON): POST /api/extract (body: text), POST /api/annotate?format=html|markdown|json,
GET /api/query/ancestors|descendants|status?doc=REFERENCE[&depth=N][&relation=basis,...],
GET /api/neighbourhood?doc=REFERENCE[&depth=N]. Everything is served from the binary; nothing is fetched.
Stop it with Ctrl-C.")]
pub struct Args {
    /// A graph store (from `vncite graph build`) for the document, graph and query pages; without one,
    /// only annotation works.
    #[arg(long, value_name = "STORE")]
    graph: Option<PathBuf>,
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// The address to listen on: this machine only unless you say otherwise.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    bind: IpAddr,
}

pub fn run(args: Args) -> anyhow::Result<bool> {
    let graph = match &args.graph {
        Some(p) => Some(CitationGraph::load(p).context("cannot read the store")?),
        None => None,
    };
    let app = App {
        graph,
        store: args.graph.as_ref().map(|p| p.display().to_string()),
    };
    let addr = SocketAddr::new(args.bind, args.port);
    vncite::serve::serve(app, addr, |bound| {
        eprintln!("vncite: serving on http://{bound}/");
    })
    .with_context(|| format!("cannot serve on {addr}"))?;
    Ok(true)
}
