//! `vncite query`: lineage questions over a graph store.

use anyhow::Context;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::PathBuf;
use vncite::export::short;
use vncite::graph::Direction;
use vncite::query::{self, Filter, Lineage, Rank};
use vncite::CitationGraph;

#[derive(Debug, clap::Subcommand)]
pub enum QueryCommand {
    /// What DOC builds on, transitively (the documents it cites, and what they cite).
    #[command(
        after_help = "Examples:\n  vncite query ancestors \"Nghị quyết 57/NQ-CP\" --graph g.json --type directive\n  vncite query ancestors doc:30/2020/NĐ-CP --graph g.json --depth 2 --relation basis"
    )]
    Ancestors(LineageArgs),
    /// What builds on DOC: documents that cite, amend, replace, repeal, guide or implement it.
    Descendants(LineageArgs),
    /// The shortest citation chains between two documents.
    Path(PathArgs),
    /// Amended by, replaced by, repealed by: is DOC still in force as far as the corpus knows?
    Status(StatusArgs),
    /// The most important documents, by mentions received or PageRank.
    Top(TopArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// A readable tree or table.
    Text,
    /// JSON (see the README, "Query output"): lineage gives {root, direction, nodes, edges}.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum By {
    /// Mentions received.
    Cited,
    /// PageRank over citation edges.
    Pagerank,
}

#[derive(Debug, clap::Args)]
struct Common {
    /// The graph store (from `vncite graph build`).
    #[arg(long, value_name = "STORE")]
    graph: PathBuf,
    /// Follow only these relations (comma-separated: basis,amends,replaces,repeals,guides,implements,corrects,cites).
    #[arg(long, value_delimiter = ',', value_name = "RELATION")]
    relation: Vec<vncite::Relation>,
    /// Keep only documents of these doc types (comma-separated: decree, directive, …).
    #[arg(long = "type", value_delimiter = ',', value_name = "DOC_TYPE")]
    doc_type: Vec<vncite::DocType>,
    /// Keep only documents of these issuers: codes (TTg, CP, BTC) or issuer ids (issuer:UBND~lao-cai).
    #[arg(long, value_delimiter = ',', value_name = "ISSUER")]
    issuer: Vec<String>,
    /// Keep only documents issued in or after this year.
    #[arg(long, value_name = "YEAR")]
    from_year: Option<i32>,
    /// Keep only documents issued in or before this year.
    #[arg(long, value_name = "YEAR")]
    to_year: Option<i32>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

impl Common {
    fn filter(&self) -> Filter {
        Filter {
            relations: self.relation.iter().copied().collect(),
            doc_types: self.doc_type.iter().copied().collect(),
            issuers: self.issuer.iter().cloned().collect(),
            from_year: self.from_year,
            to_year: self.to_year,
        }
    }

    fn load(&self) -> anyhow::Result<&'static CitationGraph> {
        let graph = CitationGraph::load(&self.graph).context("cannot read the store")?;
        // The process ends right after the query: freeing a million-edge graph piece by piece would cost a
        // good part of a second for nothing, so the graph lives until exit.
        Ok(Box::leak(Box::new(graph)))
    }
}

#[derive(Debug, clap::Args)]
pub struct LineageArgs {
    /// A node id (doc:30/2020/NĐ-CP) or a reference as written ("Nghị quyết 128/NQ-CP ngày 11/9/2020").
    doc: String,
    /// How many steps to follow (unbounded when not given).
    #[arg(long)]
    depth: Option<usize>,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, clap::Args)]
pub struct PathArgs {
    /// Where the chain starts (id or reference).
    from: String,
    /// Where it ends (id or reference).
    to: String,
    /// At most this many chains.
    #[arg(long, default_value_t = 5)]
    limit: usize,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// The document (id or reference).
    doc: String,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, clap::Args)]
pub struct TopArgs {
    /// How to rank.
    #[arg(long, value_enum, default_value_t = By::Cited)]
    by: By,
    /// How many to list.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[command(flatten)]
    common: Common,
}

pub fn run(command: QueryCommand) -> anyhow::Result<bool> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match command {
        QueryCommand::Ancestors(a) => lineage(&mut out, a, Direction::Outgoing)?,
        QueryCommand::Descendants(a) => lineage(&mut out, a, Direction::Incoming)?,
        QueryCommand::Path(a) => {
            let g = a.common.load()?;
            let from = query::resolve_doc(g, &a.from)?;
            let to = query::resolve_doc(g, &a.to)?;
            let routes = query::paths(g, &from, &to, &a.common.filter(), a.limit);
            if a.common.format == Format::Json {
                serde_json::to_writer_pretty(
                    &mut out,
                    &serde_json::json!({"from": from, "to": to, "paths": routes}),
                )?;
                writeln!(out)?;
            } else if routes.is_empty() {
                writeln!(out, "no citation chain between {from} and {to}")?;
            } else {
                for (i, route) in routes.iter().enumerate() {
                    write!(out, "{}. {}", i + 1, route.first().map_or("", |e| e.from))?;
                    for e in route {
                        write!(out, " -[{}]-> {}", e.relation, e.to)?;
                    }
                    writeln!(out)?;
                }
            }
        }
        QueryCommand::Status(a) => {
            let g = a.common.load()?;
            let id = query::resolve_doc(g, &a.doc)?;
            let s = query::status(g, &id)?;
            if a.common.format == Format::Json {
                serde_json::to_writer_pretty(&mut out, &s)?;
                writeln!(out)?;
            } else {
                writeln!(out, "{}: {}", s.id, s.verdict.as_str())?;
                for c in &s.changes {
                    let scope = match (c.parts.is_empty(), c.partial) {
                        (false, _) => format!(" ({})", c.parts.join("; ")),
                        (true, true) => " (part)".to_string(),
                        (true, false) => String::new(),
                    };
                    let said: Vec<&str> = c.said.iter().map(|s| s.describe()).collect();
                    writeln!(
                        out,
                        "  {} by {} {}{scope}; says: {} in {}",
                        c.relation,
                        c.by,
                        c.date.as_deref().unwrap_or("(date unknown)"),
                        said.join(", "),
                        c.inputs.join(", ")
                    )?;
                }
            }
        }
        QueryCommand::Top(a) => {
            let g = a.common.load()?;
            let by = if a.by == By::Pagerank {
                Rank::PageRank
            } else {
                Rank::Cited
            };
            let ranked = query::top(g, by, &a.common.filter(), a.limit);
            if a.common.format == Format::Json {
                serde_json::to_writer_pretty(&mut out, &ranked)?;
                writeln!(out)?;
            } else {
                for (i, r) in ranked.iter().enumerate() {
                    let score = if by == Rank::Cited {
                        format!("{:>6}", r.score)
                    } else {
                        format!("{:.6}", r.score)
                    };
                    writeln!(
                        out,
                        "{:>3}. {score}  {}  {}  {}{}",
                        i + 1,
                        r.id,
                        r.doc_type.map_or("-", |t| t.as_str()),
                        r.date.as_deref().unwrap_or("-"),
                        r.title
                            .as_deref()
                            .map(|t| format!("  {}", short(t, 70)))
                            .unwrap_or_default()
                    )?;
                }
            }
        }
    }
    out.flush()?;
    Ok(true)
}

fn lineage(out: &mut impl Write, a: LineageArgs, direction: Direction) -> anyhow::Result<()> {
    let g = a.common.load()?;
    let root = query::resolve_doc(g, &a.doc)?;
    let result = query::lineage(g, &root, direction, a.depth, &a.common.filter());
    if a.common.format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, &result)?;
        writeln!(out)?;
        return Ok(());
    }
    print_tree(out, &result, direction)
}

/// An indented tree: relation on each branch, date and title on each node; a node reached again is shown
/// once and referred back to, and a cycle is marked.
fn print_tree(out: &mut impl Write, l: &Lineage, direction: Direction) -> anyhow::Result<()> {
    let nodes: BTreeMap<&str, &query::ResultNode> = l.nodes.iter().map(|n| (n.id, n)).collect();
    let mut children: Children<'_> = BTreeMap::new();
    for e in &l.edges {
        let (parent, child) = if direction == Direction::Outgoing {
            (e.from, e.to)
        } else {
            (e.to, e.from)
        };
        children
            .entry(parent)
            .or_default()
            .push((child, e.relation.as_str(), e.count));
    }
    let label = |id: &str| -> String {
        let Some(n) = nodes.get(id) else {
            return id.to_string();
        };
        let mut s = id.to_string();
        if let Some(t) = &n.doc_type {
            s.push_str(&format!("  [{t}]"));
        }
        if let Some(d) = &n.date {
            s.push_str(&format!("  {d}"));
        }
        if let Some(t) = &n.title {
            s.push_str(&format!("  {}", short(t, 60)));
        }
        if !n.matches {
            s.push_str("  (via)");
        }
        s
    };
    writeln!(out, "{}", label(&l.root))?;
    let mut shown: BTreeSet<&str> = BTreeSet::from([l.root.as_str()]);
    let mut stack: Vec<Entry<'_>> = Vec::new();
    // Depth-first, children in sorted order; each entry keeps its ancestors for cycle marks.
    push_children(&children, &mut stack, &l.root, 0, &[]);
    let mut lines = 0usize;
    while let Some(Entry {
        id,
        relation: rel,
        count,
        depth,
        path,
    }) = stack.pop()
    {
        let indent = "   ".repeat(depth - 1);
        let times = if count > 1 {
            format!(" ×{count}")
        } else {
            String::new()
        };
        if path.contains(&id) {
            writeln!(out, "{indent}└─{rel}{times}→ {id}  (cycle)")?;
        } else if !shown.insert(id) {
            writeln!(out, "{indent}└─{rel}{times}→ {id}  (shown above)")?;
        } else {
            writeln!(out, "{indent}└─{rel}{times}→ {}", label(id))?;
            push_children(&children, &mut stack, id, depth, &path);
        }
        lines += 1;
    }
    let matched = l.nodes.iter().filter(|n| n.matches && n.depth > 0).count();
    writeln!(out, "{} {} ({lines} lines)", matched, l.direction)?;
    Ok(())
}

type Children<'a> = BTreeMap<&'a str, Vec<(&'a str, &'a str, usize)>>;

/// A line still to print: the node, the branch that leads to it, and the nodes above it.
struct Entry<'a> {
    id: &'a str,
    relation: &'a str,
    count: usize,
    depth: usize,
    path: Vec<&'a str>,
}

fn push_children<'a>(
    children: &Children<'a>,
    stack: &mut Vec<Entry<'a>>,
    id: &'a str,
    depth: usize,
    path: &[&'a str],
) {
    if let Some(kids) = children.get(id) {
        for &(child, relation, count) in kids.iter().rev() {
            let mut p = path.to_vec();
            p.push(id);
            stack.push(Entry {
                id: child,
                relation,
                count,
                depth: depth + 1,
                path: p,
            });
        }
    }
}
