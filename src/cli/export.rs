//! `vncite export`: the graph or one document's neighbourhood as DOT, SVG, PNG, JSON, GraphML or Mermaid.

use anyhow::{bail, Context};
use std::io::Write;
use std::path::PathBuf;
use vncite::export::{self, Reach, Selection};
use vncite::{query, CitationGraph};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Graphviz DOT text.
    Dot,
    /// SVG drawn by Graphviz's `dot`.
    Svg,
    /// PNG drawn by Graphviz's `dot`.
    Png,
    /// Node-link JSON (d3, networkx.node_link_graph).
    Json,
    /// GraphML (networkx, Gephi, yEd).
    Graphml,
    /// Mermaid flowchart for Markdown.
    Mermaid,
    /// CSV files for Neo4j (`neo4j-admin database import`, or `LOAD CSV` with load.cypher) and other
    /// Cypher databases, written into the directory `-o` names.
    Neo4j,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Direction {
    /// What the focus document builds on.
    Up,
    /// What builds on it.
    Down,
    /// Both.
    Both,
}

/// Drawings past this many nodes take Graphviz minutes; say so before starting one.
const DRAWING_WARN_NODES: usize = 1000;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  vncite export --graph g.json --format svg --focus \"Nghị quyết 57/NQ-CP\" --depth 2 -o 57.svg
  vncite export --graph g.json --format graphml -o corpus.graphml
  vncite export --graph g.json --format mermaid --focus doc:30/2020/NĐ-CP --direction down --no-issuers
  vncite export --graph g.json --format neo4j -o neo4j-import/

SVG and PNG need Graphviz's `dot` (Debian/Ubuntu: apt-get install graphviz). --format neo4j writes
nodes.csv, one relationships_<relation>.csv per relation, load.cypher and import.sh into the directory
-o names (created when missing). Output files are written atomically. Exit status: 0 on success, 1 on any error, 2 for bad usage.")]
pub struct Args {
    /// The graph store (from `vncite graph build`).
    #[arg(long, value_name = "STORE")]
    graph: PathBuf,
    /// Output format.
    #[arg(short, long, value_enum)]
    format: Format,
    /// Write here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Export only the neighbourhood of this document (node id or reference as written).
    #[arg(long, value_name = "DOC")]
    focus: Option<String>,
    /// With --focus: how many steps away (unbounded when not given).
    #[arg(long, requires = "focus")]
    depth: Option<usize>,
    /// With --focus: which way to reach.
    #[arg(long, value_enum, default_value_t = Direction::Both, requires = "focus")]
    direction: Direction,
    /// Only these relations (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RELATION")]
    relation: Vec<vncite::Relation>,
    /// Leave issuers out.
    #[arg(long)]
    no_issuers: bool,
    /// DOT/SVG/PNG: group documents in clusters by issuer.
    #[arg(long)]
    cluster: bool,
}

pub fn run(args: Args) -> anyhow::Result<bool> {
    let graph = CitationGraph::load(&args.graph).context("cannot read the store")?;
    let focus = match &args.focus {
        Some(doc) => Some((
            query::resolve_doc(&graph, doc)?,
            args.depth,
            match args.direction {
                Direction::Up => Reach::Up,
                Direction::Down => Reach::Down,
                Direction::Both => Reach::Both,
            },
        )),
        None => None,
    };
    let selection = Selection {
        focus,
        relations: args.relation.iter().copied().collect(),
        no_issuers: args.no_issuers,
    };
    let part = export::select(&graph, &selection);
    let drawing = matches!(args.format, Format::Dot | Format::Svg | Format::Png);
    if drawing && part.nodes.len() > DRAWING_WARN_NODES {
        eprintln!(
            "vncite: warning: {} nodes; Graphviz takes minutes past a few thousand. Draw a neighbourhood with \
             --focus DOC --depth N, or export --format graphml or json for a graph tool.",
            part.nodes.len()
        );
    }
    let bytes: Vec<u8> = match args.format {
        Format::Dot => export::dot_text(&part, args.cluster).into_bytes(),
        Format::Svg | Format::Png => {
            let dot = export::dot_text(&part, args.cluster);
            let kind = if args.format == Format::Svg {
                "svg"
            } else {
                "png"
            };
            export::render(&dot, kind)?
        }
        Format::Mermaid => export::mermaid_text(&part).into_bytes(),
        Format::Neo4j => {
            let Some(dir) = args.output.as_deref() else {
                bail!("--format neo4j writes several files: give the directory with -o DIR");
            };
            let files = export::write_neo4j(&graph, &part, dir)?;
            eprintln!(
                "vncite: {} nodes and {} relationships in {} files under {}",
                part.nodes.len(),
                part.edges.len(),
                files.len(),
                dir.display()
            );
            return Ok(true);
        }
        Format::Json | Format::Graphml => {
            // Large graphs stream straight to their destination.
            return write_streamed(args.output.as_deref(), |w| {
                if args.format == Format::Json {
                    export::write_json(&part, w)
                } else {
                    export::write_graphml(&part, w)
                }
            });
        }
    };
    write_streamed(args.output.as_deref(), |w| w.write_all(&bytes))
}

/// Writes to `output` through a temporary file renamed into place, so no half-written file is ever left,
/// or to standard output.
pub(super) fn write_streamed(
    output: Option<&std::path::Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<bool> {
    match output {
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            write(&mut out)?;
            out.flush()?;
        }
        Some(path) => vncite::atomic::write_atomically(path, write)
            .with_context(|| format!("writing {}", path.display()))?,
    }
    Ok(true)
}
