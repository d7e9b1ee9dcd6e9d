//! `vncite annotate`: the text with its references marked, as HTML, Markdown or JSON.

use anyhow::Context;
use std::path::PathBuf;
use vncite::annotate::{self, Options};
use vncite::input;
use vncite::CitationGraph;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// A page of HTML (a fragment with `--fragment`): each reference an <a> or <mark> with data- attributes.
    Html,
    /// Markdown: each reference a link (with `--link`) and a footnote saying what it is.
    Markdown,
    /// The marks alone: {"source", "marks": [{start, end, text, kind, id, symbol, doc_type, date, relation,
    /// pinpoint, href, status}]}.
    Json,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  vncite annotate decision.txt -o decision.html
  vncite annotate news.txt --format markdown --link 'https://example.org/van-ban/{symbol}'
  vncite annotate decree.txt --graph corpus.store --format json

The text outside the marks is the input's own, escaped for HTML. A web page input is marked in place:
the page byte for byte outside the marks, one mark per stretch of a reference that a tag splits, never
inside an attribute or a script. Link templates take {symbol}, {id},
{type} and {year}, percent-encoded. With --graph, each mark carries its document's status in that store
(`vncite query status`). Exit status: 0 on success, 1 when the input or the store cannot be read, 2 for
bad usage.")]
pub struct Args {
    /// The text to annotate; `-` or nothing reads standard input.
    #[arg(value_name = "FILE", default_value = "-")]
    path: String,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Html)]
    format: Format,
    /// Where each mark points: a URL template with {symbol}, {id}, {type}, {year}.
    #[arg(long, value_name = "TEMPLATE")]
    link: Option<String>,
    /// A graph store to read each cited document's status from.
    #[arg(long, value_name = "STORE")]
    graph: Option<PathBuf>,
    /// HTML only: write the <div> alone, without the page around it.
    #[arg(long)]
    fragment: bool,
    #[command(flatten)]
    read: super::ReadArgs,
    /// Write here instead of standard output (replaced whole, never left half-written).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// The page around an HTML annotation: the marks' colours and what a hover shows.
const PAGE_HEAD: &str = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>vncite</title>\n<style>\n.vncite { white-space: pre-wrap; font: 16px/1.5 system-ui, sans-serif; max-width: 60em; margin: 2em auto; }\n.vncite-ref { background: #fff3b0; color: inherit; border-radius: 3px; padding: 0 2px; }\n.vncite-ref[data-relation=\"basis\"] { background: #d7ecff; }\n.vncite-ref[data-relation=\"amends\"], .vncite-ref[data-relation=\"replaces\"], .vncite-ref[data-relation=\"repeals\"] { background: #ffd9d2; }\n.vncite-ref[data-relation=\"guides\"], .vncite-ref[data-relation=\"implements\"] { background: #dcf5d9; }\n.vncite-ref[data-status=\"repealed\"], .vncite-ref[data-status=\"replaced\"] { text-decoration: line-through; }\n</style>\n</head>\n<body>\n";

pub fn run(args: Args) -> anyhow::Result<bool> {
    let sources = input::expand(std::slice::from_ref(&args.path), &[]);
    let source = match sources.into_iter().next() {
        Some(s) => s?,
        None => anyhow::bail!("nothing to read at {}", args.path),
    };
    let text = input::read_with(&source, args.read.options())?;
    let found = vncite::extract(&text);
    let graph = match &args.graph {
        Some(p) => Some(CitationGraph::load(p).context("cannot read the store")?),
        None => None,
    };
    let format = match args.format {
        Format::Html => annotate::Format::Html,
        Format::Markdown => annotate::Format::Markdown,
        Format::Json => annotate::Format::Json,
    };
    let name = source.name();
    let mut options = Options::new(format).source(&name);
    if let Some(t) = args.link.as_deref() {
        options = options.link(t);
    }
    if let Some(g) = graph.as_ref() {
        options = options.graph(g);
    }
    let (body, page) = match text.page() {
        // A web page is marked in place: it is its own page.
        Some(html) if args.format == Format::Html => (
            annotate::annotate_page(html, |s, e| text.page_pieces(s, e), &found, &options),
            false,
        ),
        _ => (
            annotate::annotate(&text, &found, &options),
            args.format == Format::Html && !args.fragment,
        ),
    };
    super::export::write_streamed(args.output.as_deref(), |w| {
        if page {
            w.write_all(PAGE_HEAD.as_bytes())?;
        }
        w.write_all(body.as_bytes())?;
        if page {
            w.write_all(b"\n</body>\n</html>")?;
        }
        w.write_all(b"\n")
    })
}
