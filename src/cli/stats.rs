//! `vncite stats`: what a graph store holds.

use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;
use vncite::CitationGraph;

#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  vncite stats --graph corpus.graph.json --top 10")]
pub struct Args {
    /// The graph store to read.
    #[arg(long, value_name = "STORE")]
    graph: PathBuf,
    /// How many of the most-cited documents to list.
    #[arg(long, default_value_t = 10)]
    top: usize,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = super::extract::Format::Table)]
    format: super::extract::Format,
}

pub fn run(args: Args) -> anyhow::Result<bool> {
    let graph = CitationGraph::load(&args.graph).context("cannot read the store")?;
    let mut s = graph.stats(args.top);
    s.doubtful_mentions = graph
        .doubtful_mentions()
        .context("cannot read the store's evidence")?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.format == super::extract::Format::Json {
        serde_json::to_writer_pretty(&mut out, &s)?;
        writeln!(out)?;
        return Ok(true);
    }
    writeln!(
        out,
        "{} inputs; {} documents, {} issuers, {} sources; {} edges",
        s.inputs,
        s.documents,
        s.issuers,
        s.sources,
        graph.edge_count()
    )?;
    writeln!(
        out,
        "ambiguous: {} documents of unknown year ({} mentions); conflicting facts: {} documents",
        s.ambiguous_documents, s.ambiguous_mentions, s.documents_with_conflicts
    )?;
    writeln!(
        out,
        "laws cited by name: {} resolved to their number; {} named nodes unresolved ({} of unknown year)",
        s.named_resolved, s.named_unresolved, s.named_unknown_year
    )?;
    writeln!(
        out,
        "doubtful: {} mentions state a change the dates or ranks make impossible (kept as cites)",
        s.doubtful_mentions
    )?;
    fn section<K: std::fmt::Display + Ord>(
        out: &mut dyn Write,
        title: &str,
        map: &std::collections::BTreeMap<K, usize>,
    ) -> std::io::Result<()> {
        writeln!(out, "\n{title}:")?;
        let mut rows: Vec<(&K, &usize)> = map.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (k, v) in rows {
            writeln!(out, "  {v:>8}  {k}")?;
        }
        Ok(())
    }
    section(&mut out, "documents by type", &s.documents_by_type)?;
    section(&mut out, "documents by issuer", &s.documents_by_issuer)?;
    section(&mut out, "edges by relation", &s.edges_by_relation)?;
    section(&mut out, "mentions by relation", &s.mentions_by_relation)?;
    writeln!(out, "\nmost cited (mentions, citing documents):")?;
    for (id, mentions, citing) in &s.most_cited {
        writeln!(out, "  {mentions:>8} {citing:>6}  {id}")?;
    }
    out.flush()?;
    Ok(true)
}
