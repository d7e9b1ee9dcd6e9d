//! Command-line interface: one subcommand per file.

mod annotate;
mod export;
mod extract;
mod graph;
mod query;
mod serve;
mod stats;
mod text;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Find, resolve and graph references between Vietnamese legal and administrative documents.
#[derive(Debug, Parser)]
#[command(name = "vncite", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Find every reference to another document in Vietnamese text.
    Extract(extract::Args),
    /// The text with every reference marked: HTML, Markdown or JSON.
    Annotate(annotate::Args),
    /// Build the citation graph of documents and issuers into a store file.
    #[command(subcommand)]
    Graph(graph::GraphCommand),
    /// Counts of documents, issuers, relations and the most-cited documents in a store.
    Stats(stats::Args),
    /// Diagrams and data: DOT, SVG, PNG, node-link JSON, GraphML, Mermaid.
    Export(export::Args),
    /// The local web app: annotate a text, browse documents and their lineage as a graph, a JSON API.
    Serve(serve::Args),
    /// The text vncite reads from an input (a page's visible text, a .docx's, a legacy encoding's in
    /// UTF-8): what the spans of a Word, OpenDocument or PDF input point into.
    Text(text::Args),
    /// Lineage questions: ancestors, descendants, path, status, top.
    #[command(subcommand)]
    Query(query::QueryCommand),
}

/// Parses the command line and runs it. Exit code 0: all inputs read; 1: some input could not be read or
/// output failed; 2: bad usage (from clap).
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Annotate(args) => annotate::run(args),
        Command::Graph(cmd) => graph::run(cmd),
        Command::Stats(args) => stats::run(args),
        Command::Query(cmd) => query::run(cmd),
        Command::Export(args) => export::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Text(args) => text::run(args),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("vncite: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// The inputs of a command that reads many (extract, graph build): which files, how read, on how many
/// threads, and what standard input is called.
#[derive(Debug, Clone, clap::Args)]
struct InputArgs {
    /// File-name endings to read inside directories (repeatable).
    #[arg(long = "ext", value_name = "SUFFIX", default_values = vncite::input::EXTENSIONS)]
    extensions: Vec<String>,
    #[command(flatten)]
    read: ReadArgs,
    /// The name of the text read from standard input: the `source` of its output and its input in a
    /// store (`-` without it).
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// Worker threads (default: one per core): inputs are read side by side, and one input of 1 MiB or more
    /// is split across them. The output and the store are the same whatever the number.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
}

/// How inputs are read, for every command that reads them.
#[derive(Debug, Clone, clap::Args)]
struct ReadArgs {
    /// The encoding of plain text inputs: utf-8, utf-16le, utf-16be, tcvn3, vni, viqr, windows-1258 or
    /// viscii. Without it each input's encoding is detected: a byte-order mark, UTF-8, VIQR, or the legacy
    /// encoding its bytes read as Vietnamese in.
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    encoding: Option<vncite::input::Encoding>,
}

impl ReadArgs {
    fn options(&self) -> vncite::input::ReadOptions {
        vncite::input::ReadOptions::new().encoding(self.encoding)
    }
}

/// Worker threads: `--threads N`, or one per core.
fn thread_pool(threads: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        builder = builder.num_threads(n.max(1));
    }
    anyhow::Context::context(builder.build(), "starting worker threads")
}

fn parse_encoding(name: &str) -> Result<vncite::input::Encoding, String> {
    vncite::input::Encoding::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = vncite::input::Encoding::ALL
            .iter()
            .map(|e| e.name())
            .collect();
        format!(
            "unknown encoding {name:?}; vncite reads {}",
            names.join(", ")
        )
    })
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
