//! `vncite extract`: references in text files, as a table or JSON Lines.

use anyhow::Context;
use clap::ValueEnum;
use rayon::prelude::*;
use std::io::Write;
use vncite::input::{self, Source};
use vncite::Extraction;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable table per input.
    Table,
    /// JSON Lines: one object per input, in input order (see contract.md).
    Json,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  vncite extract examples/quyet_dinh_ubnd.txt
  vncite extract --format json corpus/ > refs.jsonl
  echo 'Căn cứ Nghị định số 30/2020/NĐ-CP;' | vncite extract

Exit status: 0 when every input was read, 1 when some input could not be read (the others are still
processed), 2 for bad usage.")]
pub struct Args {
    /// Files or directories to read; `-` or nothing reads standard input. Directories are read recursively,
    /// in sorted path order, keeping files with the `--ext` endings.
    #[arg(value_name = "PATH")]
    paths: Vec<String>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// File-name endings to read inside directories (repeatable).
    #[arg(long = "ext", value_name = "SUFFIX", default_values = super::DEFAULT_EXTENSIONS)]
    extensions: Vec<String>,
    #[command(flatten)]
    read: super::ReadArgs,
    /// The name of the text read from standard input, as output gives it (`source`); `-` without it.
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// Worker threads (default: one per core). Output is the same whatever the number.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
}

/// Inputs at least this large are extracted one at a time, their JSON streamed as it is written rather than
/// held whole; smaller ones are extracted in parallel batches.
const LARGE_INPUT: u64 = 4 << 20;

/// Inputs extracted together before their output is written in order.
const BATCH: usize = 256;

fn is_large(source: &Result<Source, vncite::Error>) -> bool {
    match source {
        Ok(Source::Stdin) => true,
        Ok(Source::File(p)) => std::fs::metadata(p).is_ok_and(|m| m.len() >= LARGE_INPUT),
        Err(_) => false,
    }
}

/// Runs the command; `Ok(false)` when some input could not be read.
pub fn run(args: Args) -> anyhow::Result<bool> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let pool = super::thread_pool(args.threads)?;
    let options = args.read.options();
    let format = args.format;
    let sources = input::expand(&args.paths, &args.extensions);
    let mut all_read = true;
    let mut report = |out: &mut std::io::BufWriter<std::io::StdoutLock<'_>>, e: vncite::Error| {
        out.flush().context("writing output")?;
        eprintln!("vncite: {e}");
        all_read = false;
        anyhow::Ok(())
    };
    let mut i = 0;
    while i < sources.len() {
        if is_large(&sources[i]) {
            let read = sources[i]
                .as_ref()
                .map_err(clone_error)
                .and_then(|s| input::read_with(s, options).map(|t| (s, t)));
            match read {
                Ok((source, text)) => {
                    let found = text.extract();
                    render(
                        &mut out,
                        &mut Vec::new(),
                        format,
                        &name_of(source, &args.name),
                        &found,
                    )?;
                }
                Err(e) => report(&mut out, e)?,
            }
            i += 1;
            continue;
        }
        let mut j = i;
        while j < sources.len() && j - i < BATCH && !is_large(&sources[j]) {
            j += 1;
        }
        // Each input's output is made on a worker; the main thread writes them in input order.
        let outputs: Vec<Result<Vec<u8>, vncite::Error>> = pool.install(|| {
            sources[i..j]
                .par_iter()
                .map(|s| {
                    let source = s.as_ref().map_err(clone_error)?;
                    let text = input::read_with(source, options)?;
                    let found = text.extract();
                    let mut bytes = Vec::new();
                    render(
                        &mut bytes,
                        &mut Vec::new(),
                        format,
                        &name_of(source, &args.name),
                        &found,
                    )
                    .map_err(|e| {
                        vncite::Error::new(
                            vncite::ErrorKind::Io(std::io::Error::other(e.to_string())),
                            source.name(),
                        )
                    })?;
                    Ok(bytes)
                })
                .collect()
        });
        for o in outputs {
            match o {
                Ok(bytes) => out.write_all(&bytes).context("writing output")?,
                Err(e) => report(&mut out, e)?,
            }
        }
        i = j;
    }
    out.flush().context("writing output")?;
    Ok(all_read)
}

fn render(
    out: &mut impl Write,
    buf: &mut Vec<u8>,
    format: Format,
    name: &str,
    found: &Extraction,
) -> anyhow::Result<()> {
    match format {
        Format::Json => write_json(out, buf, name, found),
        Format::Table => write_table(out, name, found),
    }
}

/// The name output gives an input: standard input's from `--name`.
fn name_of(source: &Source, name: &Option<String>) -> String {
    match (source, name) {
        (Source::Stdin, Some(n)) => n.clone(),
        _ => source.name(),
    }
}

/// Expansion errors are shared by reference across threads; each is copied to be reported.
fn clone_error(e: &vncite::Error) -> vncite::Error {
    e.duplicate()
}

fn write_json(
    out: &mut impl Write,
    buf: &mut Vec<u8>,
    name: &str,
    found: &Extraction,
) -> anyhow::Result<()> {
    vncite::print::write_json_line(out, buf, name, found).context("writing output")
}

fn write_table(out: &mut impl Write, name: &str, found: &Extraction) -> anyhow::Result<()> {
    vncite::print::write_table(out, name, found).context("writing output")
}
