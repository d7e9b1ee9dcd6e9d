//! `vncite text`: the text vncite reads from an input, whatever its format or encoding.

use anyhow::Context;
use std::io::Write;
use vncite::input;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  vncite text decree.docx
  vncite text --encoding tcvn3 old-decision.txt
  vncite text page.html | vncite extract

Spans of a .docx, .odt or .pdf input point into this text; those of a web page or of a text in another
encoding point into the input's own bytes. The form read is said on standard error with --verbose.
Exit status: 0 on success, 1 when the input cannot be read, 2 for bad usage.")]
pub struct Args {
    /// The input; `-` or nothing reads standard input.
    #[arg(value_name = "FILE", default_value = "-")]
    path: String,
    #[command(flatten)]
    read: super::ReadArgs,
    /// Say on standard error what the input was read as (its format and encoding).
    #[arg(short, long)]
    verbose: bool,
}

pub fn run(args: Args) -> anyhow::Result<bool> {
    let source = match input::expand(std::slice::from_ref(&args.path), &[])
        .into_iter()
        .next()
    {
        Some(s) => s?,
        None => anyhow::bail!("nothing to read at {}", args.path),
    };
    let text = input::read_with(&source, args.read.options())?;
    if args.verbose {
        eprintln!("vncite: {}: read as {}", source.name(), text.form());
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(text.as_bytes())
        .and_then(|()| {
            if text.ends_with('\n') {
                Ok(())
            } else {
                out.write_all(b"\n")
            }
        })
        .and_then(|()| out.flush())
        .context("writing output")?;
    Ok(true)
}
