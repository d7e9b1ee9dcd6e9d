//! `vncite graph build`: extract many inputs in parallel and build (or extend) a graph store.

use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::PathBuf;
use vncite::input::{self, Source};
use vncite::{CitationGraph, Extraction};

#[derive(Debug, clap::Subcommand)]
pub enum GraphCommand {
    /// Build a graph store from files, directories or standard input.
    #[command(after_help = "\
Examples:
  vncite graph build corpus/ -o corpus.graph.json
  vncite graph build more/ --into corpus.graph.json   # add inputs; re-added files replace their evidence
  vncite stats --graph corpus.graph.json

Exit status: 0 when every input was read, 1 when some input could not be read (the rest are built and the
store is written), 2 for bad usage. The store is written atomically: a failed run never damages it.")]
    Build(BuildArgs),
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Files or directories to read; `-` reads standard input. Directories are read recursively in sorted
    /// path order, keeping files with the `--ext` endings.
    #[arg(value_name = "PATH")]
    paths: Vec<String>,
    /// Write a new store here (replacing any file there).
    #[arg(
        short,
        long,
        value_name = "STORE",
        conflicts_with = "into",
        required_unless_present = "into"
    )]
    output: Option<PathBuf>,
    /// Add the inputs to this existing store (created when missing).
    #[arg(long, value_name = "STORE")]
    into: Option<PathBuf>,
    /// File-name endings to read inside directories (repeatable).
    #[arg(long = "ext", value_name = "SUFFIX", default_values = [".txt", ".md"])]
    extensions: Vec<String>,
    /// No progress bar even on a terminal.
    #[arg(short, long)]
    quiet: bool,
}

/// Inputs are extracted in batches: parallel within a batch, merged in order, so memory stays bounded.
const BATCH: usize = 2048;

pub fn run(command: GraphCommand) -> anyhow::Result<bool> {
    let GraphCommand::Build(args) = command;
    let (mut graph, target) = match (&args.output, &args.into) {
        (Some(out), _) => (CitationGraph::new(), out.clone()),
        (None, Some(into)) if into.exists() => (
            CitationGraph::load(into).with_context(|| "cannot extend the store")?,
            into.clone(),
        ),
        (None, Some(into)) => (CitationGraph::new(), into.clone()),
        (None, None) => bail!("give -o STORE or --into STORE"),
    };
    let sources = input::expand(&args.paths, &args.extensions);
    let progress = if !args.quiet && std::io::stderr().is_terminal() && sources.len() > 20 {
        let bar = ProgressBar::new(sources.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} (eta {eta})")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let mut all_read = true;
    for batch in sources.chunks(BATCH) {
        let results: Vec<Result<(String, Extraction), vncite::Error>> = batch
            .par_iter()
            .map(|s| {
                let source: &Source = s.as_ref().map_err(clone_error)?;
                let text = input::read(source)?;
                progress.inc(1);
                Ok((source.name(), vncite::extract(&text)))
            })
            .collect();
        let mut ok = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok(v) => ok.push(v),
                Err(e) => {
                    progress.suspend(|| eprintln!("vncite: {e}"));
                    all_read = false;
                }
            }
        }
        graph.stage(ok.iter().map(|(p, x)| (p.as_str(), x)));
    }
    progress.finish_and_clear();
    graph.settle();
    graph
        .save(&target)
        .with_context(|| format!("writing {}", target.display()))?;
    Ok(all_read)
}

/// Expansion errors are shared by reference across threads; re-create them to report.
fn clone_error(e: &vncite::Error) -> vncite::Error {
    vncite::Error::new(
        vncite::ErrorKind::Io(std::io::Error::other(e.to_string())),
        e.source_name(),
    )
}
