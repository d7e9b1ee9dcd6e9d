//! The `export` stage: the graph, or the neighbourhood of one document, as DOT, SVG/PNG (through Graphviz),
//! node-link JSON, GraphML or Mermaid. Each printer owns its format and its escaping; colours and line
//! styles come from one table (`style`), so every format draws a relation the same way.
//!
//! A new format: a file here with a `write_*` function over a [`Part`], and a value of the CLI's `--format`.

#[cfg(feature = "dot")]
mod dot;
mod graphml;
mod json;
mod mermaid;
mod neo4j;
pub mod style;

#[cfg(feature = "dot")]
pub use dot::{dot_id, dot_text, render};
pub use graphml::write_graphml;
pub use json::write_json;
pub use mermaid::mermaid_text;
pub use neo4j::{write_neo4j, NODE_HEADER, RELATIONSHIP_HEADER};

use crate::graph::{CitationGraph, Direction, EdgeView, Node, NodeKind};
use crate::query::{self, Filter};
use crate::vocab::Relation;
use std::collections::BTreeSet;

/// Which way `--focus` reaches from its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// What it builds on.
    Up,
    /// What builds on it.
    Down,
    /// Both.
    Both,
}

/// What part of the graph to export.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Only the neighbourhood of this node id, `depth` steps away (unbounded when `None`) in `reach`.
    pub focus: Option<(String, Option<usize>, Reach)>,
    /// Only these citation relations (all when empty).
    pub relations: BTreeSet<Relation>,
    /// Leave issuer nodes and `issued_by` edges out.
    pub no_issuers: bool,
}

/// The nodes and edges chosen for export, in id order.
pub struct Part<'a> {
    /// Selected nodes.
    pub nodes: Vec<&'a Node>,
    /// Selected edges.
    pub edges: Vec<EdgeView<'a>>,
}

/// Picks the nodes and edges to export.
pub fn select<'a>(graph: &'a CitationGraph, sel: &Selection) -> Part<'a> {
    let follows = |r: Relation| {
        r == Relation::IssuedBy || sel.relations.is_empty() || sel.relations.contains(&r)
    };
    let keep: Option<BTreeSet<&str>> = sel.focus.as_ref().map(|(root, depth, reach)| {
        let filter = Filter {
            relations: sel.relations.clone(),
            ..Filter::default()
        };
        let mut ids = BTreeSet::new();
        let dirs: &[Direction] = match reach {
            Reach::Up => &[Direction::Outgoing],
            Reach::Down => &[Direction::Incoming],
            Reach::Both => &[Direction::Outgoing, Direction::Incoming],
        };
        for &d in dirs {
            for n in query::lineage(graph, root, d, *depth, &filter).nodes {
                ids.insert(n.id);
            }
        }
        ids
    });
    let in_part = |n: &Node| -> bool {
        match n.kind {
            NodeKind::Issuer => !sel.no_issuers,
            _ => keep.as_ref().is_none_or(|k| k.contains(n.id.as_str())),
        }
    };
    let mut edges: Vec<EdgeView<'a>> = graph
        .edges()
        .into_iter()
        .filter(|e| follows(e.edge.relation))
        .filter(|e| !(sel.no_issuers && e.edge.relation == Relation::IssuedBy))
        .filter(|e| {
            let (Some(f), Some(t)) = (graph.node(e.from), graph.node(e.to)) else {
                return false;
            };
            in_part(f) && (in_part(t) || t.kind == NodeKind::Issuer && !sel.no_issuers)
        })
        .collect();
    // Issuers only appear with documents they issued in the part.
    let linked: BTreeSet<&str> = edges.iter().flat_map(|e| [e.from, e.to]).collect();
    let nodes: Vec<&Node> = graph
        .nodes()
        .into_iter()
        .filter(|n| match n.kind {
            NodeKind::Issuer => !sel.no_issuers && linked.contains(n.id.as_str()),
            _ => in_part(n),
        })
        .collect();
    let ids: BTreeSet<&str> = nodes.iter().map(|n| n.id.as_str()).collect();
    edges.retain(|e| ids.contains(e.from) && ids.contains(e.to));
    Part { nodes, edges }
}

/// Short label text: one line, at most `max` characters.
pub fn short(s: &str, max: usize) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= max {
        one
    } else {
        format!("{}…", one.chars().take(max).collect::<String>())
    }
}

/// The lines that label a node: symbol or name, date, shortened title.
pub(crate) fn label_lines(n: &Node) -> Vec<String> {
    let mut lines = Vec::new();
    match n.kind {
        NodeKind::Document => {
            lines.push(
                n.symbol
                    .clone()
                    .or_else(|| n.name.clone())
                    .unwrap_or_else(|| n.id.to_string()),
            );
            if let Some(d) = n.date.clone().or(n.year.map(|y| y.to_string())) {
                lines.push(d);
            }
            if let (Some(t), Some(_)) = (&n.title, &n.symbol) {
                lines.push(short(t, 40));
            }
        }
        NodeKind::Issuer => lines.push(n.name.clone().unwrap_or_else(|| n.id.key().to_string())),
        NodeKind::Source => lines.push(short(n.id.key(), 40)),
    }
    lines
}
