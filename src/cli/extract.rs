//! `vncite extract`: references in text files, as a table or JSON Lines.

use anyhow::Context;
use clap::ValueEnum;
use std::io::Write;
use vncite::input;
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
}

/// Runs the command; `Ok(false)` when some input could not be read.
pub fn run(args: Args) -> anyhow::Result<bool> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut all_read = true;
    let mut json = Vec::new();
    for source in input::expand(&args.paths, &args.extensions) {
        let text = source.and_then(|s| input::read_with(&s, args.read.options()).map(|t| (s, t)));
        let (source, text) = match text {
            Ok(v) => v,
            Err(e) => {
                out.flush().context("writing output")?;
                eprintln!("vncite: {e}");
                all_read = false;
                continue;
            }
        };
        let found = text.extract();
        let name = source.name();
        match args.format {
            Format::Json => write_json(&mut out, &mut json, &name, &found)?,
            Format::Table => write_table(&mut out, &name, &found)?,
        }
    }
    out.flush().context("writing output")?;
    Ok(all_read)
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
