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

An input of more than 4 MiB is read in parts of about 2 MiB, cut at blank lines, line breaks or spaces: its
own header (from the first part) governs every part, the rules that read a whole input read one part, and
its JSON record is written part by part, so memory holds the parts being read, not every citation.

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
    #[command(flatten)]
    inputs: super::InputArgs,
}

/// Inputs at least this large are extracted one at a time, their JSON streamed as it is written rather than
/// held whole; smaller ones are extracted in parallel batches.
const LARGE_INPUT: u64 = 4 << 20;

/// Inputs extracted together before their output is written in order.
const BATCH: usize = 256;

/// Whether an input holds at least `bytes`: standard input, of unknown size, is taken to.
fn at_least(source: &Result<Source, vncite::Error>, bytes: u64) -> bool {
    match source {
        Ok(Source::Stdin) => true,
        Ok(Source::File(p)) => std::fs::metadata(p).is_ok_and(|m| m.len() >= bytes),
        Err(_) => false,
    }
}

fn is_large(source: &Result<Source, vncite::Error>) -> bool {
    at_least(source, LARGE_INPUT)
}

/// Runs the command; `Ok(false)` when some input could not be read.
pub fn run(args: Args) -> anyhow::Result<bool> {
    // Unlocked, so that a large input's record can be written from the workers as its parts are read.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
    // Started at the first input that needs workers.
    let mut pool: Option<rayon::ThreadPool> = None;
    let options = args.inputs.read.options();
    let format = args.format;
    let sources = input::expand(&args.paths, &args.inputs.extensions);
    let mut all_read = true;
    let mut report = |out: &mut std::io::BufWriter<std::io::Stdout>, e: vncite::Error| {
        out.flush().context("writing output")?;
        eprintln!("vncite: {e}");
        all_read = false;
        anyhow::Ok(())
    };
    let extract_one = |s: &Result<Source, vncite::Error>| {
        let (name, text) = read_one(s, options, &args.inputs.name)?;
        Ok::<_, vncite::Error>((name, text.extract()))
    };
    let mut i = 0;
    while i < sources.len() {
        if is_large(&sources[i]) || sources.len() == 1 {
            // A large input is read on the workers (the library splits it at its regions); a short one alone
            // runs on this thread, since starting workers costs more than reading it.
            let one = if at_least(&sources[i], vncite::PARALLEL_INPUT as u64) {
                let workers = match pool {
                    Some(ref p) => p,
                    None => pool.insert(super::thread_pool(args.inputs.threads)?),
                };
                let out = &mut out;
                workers.install(|| extract_streamed(&sources[i], options, &args, out))?
            } else {
                extract_streamed(&sources[i], options, &args, &mut out)?
            };
            if let Err(e) = one {
                report(&mut out, e)?;
            }
            i += 1;
            continue;
        }
        let mut j = i;
        while j < sources.len() && j - i < BATCH && !is_large(&sources[j]) {
            j += 1;
        }
        // Each input's output is made on a worker; the main thread writes them in input order.
        let workers = match pool {
            Some(ref p) => p,
            None => pool.insert(super::thread_pool(args.inputs.threads)?),
        };
        let outputs: Vec<Result<Vec<u8>, vncite::Error>> = workers.install(|| {
            sources[i..j]
                .par_iter()
                .map(|s| {
                    let (name, found) = extract_one(s)?;
                    let mut bytes = Vec::new();
                    // Rendering into memory cannot fail.
                    let _ = render(&mut bytes, format, &name, &found);
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

/// One input's output written as it is read: a JSON record part by part (see
/// `vncite::extract::extract_parts`), so that a very long input is never held whole as citations. The
/// outer error is the output's, the inner one the input's.
fn extract_streamed(
    source: &Result<Source, vncite::Error>,
    options: input::ReadOptions,
    args: &Args,
    out: &mut impl Write,
) -> anyhow::Result<Result<(), vncite::Error>> {
    let (name, text) = match read_one(source, options, &args.inputs.name) {
        Ok(read) => read,
        Err(e) => return Ok(Err(e)),
    };
    match args.format {
        Format::Json => {
            let mut record = vncite::print::JsonLineParts::new(out, &name);
            let mut written = Ok(());
            text.extract_parts(|part| {
                if written.is_ok() {
                    written = record.part(part);
                }
            });
            written
                .and_then(|()| record.finish())
                .context("writing output")?;
        }
        Format::Table => render(out, Format::Table, &name, &text.extract())?,
    }
    Ok(Ok(()))
}

/// One input read whole as text, with the name its output gives it.
fn read_one(
    source: &Result<Source, vncite::Error>,
    options: input::ReadOptions,
    name: &Option<String>,
) -> Result<(String, input::Text), vncite::Error> {
    let source = source.as_ref().map_err(vncite::Error::duplicate)?;
    let text = input::read_with(source, options)?;
    Ok((name_of(source, name), text))
}

fn render(
    out: &mut impl Write,
    format: Format,
    name: &str,
    found: &Extraction,
) -> anyhow::Result<()> {
    match format {
        Format::Json => vncite::print::write_json_line(out, &mut Vec::new(), name, found),
        Format::Table => vncite::print::write_table(out, name, found),
    }
    .context("writing output")
}

/// The name output gives an input: standard input's from `--name`.
fn name_of(source: &Source, name: &Option<String>) -> String {
    match (source, name) {
        (Source::Stdin, Some(n)) => n.clone(),
        _ => source.name(),
    }
}
