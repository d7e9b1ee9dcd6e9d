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
    #[arg(long = "ext", value_name = "SUFFIX", default_values = [".txt", ".md"])]
    extensions: Vec<String>,
}

/// Runs the command; `Ok(false)` when some input could not be read.
pub fn run(args: Args) -> anyhow::Result<bool> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut all_read = true;
    let mut json = Vec::new();
    for source in input::expand(&args.paths, &args.extensions) {
        let text = source.and_then(|s| input::read(&s).map(|t| (s, t)));
        let (source, text) = match text {
            Ok(v) => v,
            Err(e) => {
                out.flush().context("writing output")?;
                eprintln!("vncite: {e}");
                all_read = false;
                continue;
            }
        };
        let found = vncite::extract(&text);
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
    vncite::model::write_json_line(out, buf, name, found).context("writing output")
}

fn or_dash<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or_else(|| "-".to_string(), T::to_string)
}

fn write_table(out: &mut impl Write, name: &str, found: &Extraction) -> anyhow::Result<()> {
    writeln!(out, "== {name}")?;
    match &found.document {
        Some(d) => writeln!(
            out,
            "document: {} ({}, {}, {}){}",
            d.symbol,
            d.doc_type,
            or_dash(&d.date),
            or_dash(&d.issuer_name),
            d.title.as_ref().map_or(String::new(), |t| format!(" {t}"))
        )?,
        None => writeln!(out, "document: -")?,
    }
    let rows: Vec<[String; 6]> = found
        .citations
        .iter()
        .map(|c| {
            [
                format!("{}-{}", c.start, c.end),
                c.symbol.clone(),
                or_dash(&c.date),
                c.doc_type.to_string(),
                c.relation.to_string(),
                one_line(&c.text),
            ]
        })
        .collect();
    let head = ["span", "symbol", "date", "type", "relation", "text"].map(String::from);
    print_rows(out, &head, &rows)?;
    if !found.named.is_empty() {
        writeln!(out, "named:")?;
        let rows: Vec<[String; 6]> = found
            .named
            .iter()
            .map(|n| {
                [
                    format!("{}-{}", n.start, n.end),
                    n.name.clone(),
                    or_dash(&n.date.clone().or(n.year.map(|y| y.to_string()))),
                    n.doc_type.to_string(),
                    n.relation.to_string(),
                    one_line(&n.text),
                ]
            })
            .collect();
        let head = ["span", "name", "date", "type", "relation", "text"].map(String::from);
        print_rows(out, &head, &rows)?;
    }
    writeln!(
        out,
        "{} citations, {} named\n",
        found.citations.len(),
        found.named.len()
    )?;
    Ok(())
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn print_rows(
    out: &mut impl Write,
    head: &[String; 6],
    rows: &[[String; 6]],
) -> anyhow::Result<()> {
    let mut widths = head.clone().map(|h| h.chars().count());
    for r in rows {
        for (w, cell) in widths.iter_mut().zip(r.iter()).take(5) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for r in std::iter::once(head).chain(rows.iter()) {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            if i == 5 {
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(widths[i] - cell.chars().count() + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
