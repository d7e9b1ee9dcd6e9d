//! DOT through graphviz-rust's syntax tree, and SVG/PNG through Graphviz's `dot`.

use super::style::{relation_style, type_colour};
use super::{label_lines, Part};
use crate::graph::NodeKind;
use crate::vocab::Relation;
use dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph as DotGraph, GraphAttributes, Id, Node as DotNode,
    NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

/// A quoted DOT id. graphviz-rust prints ids as given, so every id and label goes through here: backslashes
/// and quotes are escaped and line breaks become `\n`, so no title can end the string early.
pub(crate) fn dot_quoted(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\n"),
            // Written out, not blanked: two ids that differ only there must stay two nodes. U+FFFE and
            // U+FFFF are no control characters, but Graphviz copies them into SVG, where XML forbids them.
            c if c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}') => {
                out.push_str(&format!("\\\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

/// A node id or label as DOT text, quoted and escaped: what [`dot_text`] writes for it.
pub fn dot_id(s: &str) -> String {
    match dot_quoted(s) {
        Id::Escaped(q) => q,
        other => format!("{other:?}"),
    }
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), dot_quoted(v))
}

/// The part as a DOT syntax tree: documents coloured by type, issuers as ellipses, edges styled by relation,
/// optional clusters by issuer, and a legend of the relations present.
pub(crate) fn to_dot(part: &Part<'_>, cluster_by_issuer: bool) -> DotGraph {
    let mut stmts: Vec<Stmt> = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", "LR"),
            attr("fontname", "Helvetica"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "10"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "9"),
        ])),
    ];
    let mut clusters: BTreeMap<String, Vec<Stmt>> = BTreeMap::new();
    for n in &part.nodes {
        let label = label_lines(n).join("\n");
        let attributes = match n.kind {
            NodeKind::Document => vec![
                attr("label", &label),
                attr("shape", "box"),
                attr(
                    "style",
                    if n.ambiguous {
                        "rounded,filled,dashed"
                    } else {
                        "rounded,filled"
                    },
                ),
                attr("fillcolor", type_colour(n.doc_type)),
                attr(
                    "tooltip",
                    &match &n.title {
                        Some(t) => format!("{}: {t}", n.id),
                        None => n.id.to_string(),
                    },
                ),
            ],
            NodeKind::Issuer => vec![
                attr("label", &label),
                attr("shape", "ellipse"),
                attr("style", "filled"),
                attr("fillcolor", "#eeeeee"),
            ],
            NodeKind::Source => vec![
                attr("label", &label),
                attr("shape", "note"),
                attr("tooltip", n.id.as_str()),
            ],
        };
        let stmt = Stmt::Node(DotNode {
            id: NodeId(dot_quoted(n.id.as_str()), None),
            attributes,
        });
        match (cluster_by_issuer, n.kind, n.issuers.first()) {
            (true, NodeKind::Document, Some(code)) => {
                clusters.entry(code.clone()).or_default().push(stmt)
            }
            _ => stmts.push(stmt),
        }
    }
    for (code, members) in clusters {
        let mut s = vec![
            Stmt::Attribute(attr("label", &code)),
            Stmt::Attribute(attr("style", "rounded")),
        ];
        s.extend(members);
        stmts.push(Stmt::Subgraph(Subgraph {
            id: dot_quoted(&format!("cluster_{code}")),
            stmts: s,
        }));
    }
    let mut used: BTreeSet<Relation> = BTreeSet::new();
    for e in &part.edges {
        let relation = e.edge.relation;
        used.insert(relation);
        let (colour, style, width) = relation_style(relation);
        let label = match (relation, e.edge.count()) {
            (Relation::IssuedBy, _) => String::new(),
            (r, 0 | 1) => r.to_string(),
            (r, n) => format!("{r} ×{n}"),
        };
        stmts.push(Stmt::Edge(DotEdge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(dot_quoted(e.from), None)),
                Vertex::N(NodeId(dot_quoted(e.to), None)),
            ),
            attributes: vec![
                attr("label", &label),
                attr("color", colour),
                attr("fontcolor", colour),
                attr("style", style),
                attr("penwidth", width),
            ],
        }));
    }
    if !used.is_empty() {
        let mut legend = vec![
            Stmt::Attribute(attr("label", "relations")),
            Stmt::Attribute(attr("style", "rounded")),
            Stmt::GAttribute(GraphAttributes::Node(vec![
                attr("shape", "point"),
                attr("width", "0.05"),
            ])),
        ];
        for (i, r) in used.iter().enumerate() {
            let (colour, style, width) = relation_style(*r);
            let (a, b) = (format!("legend_{i}_a"), format!("legend_{i}_b"));
            legend.push(Stmt::Node(DotNode {
                id: NodeId(dot_quoted(&a), None),
                attributes: vec![],
            }));
            legend.push(Stmt::Node(DotNode {
                id: NodeId(dot_quoted(&b), None),
                attributes: vec![],
            }));
            legend.push(Stmt::Edge(DotEdge {
                ty: EdgeTy::Pair(
                    Vertex::N(NodeId(dot_quoted(&a), None)),
                    Vertex::N(NodeId(dot_quoted(&b), None)),
                ),
                attributes: vec![
                    attr("label", r.as_str()),
                    attr("color", colour),
                    attr("fontcolor", colour),
                    attr("style", style),
                    attr("penwidth", width),
                ],
            }));
        }
        stmts.push(Stmt::Subgraph(Subgraph {
            id: dot_quoted("cluster_legend"),
            stmts: legend,
        }));
    }
    DotGraph::DiGraph {
        id: dot_quoted("vncite"),
        strict: false,
        stmts,
    }
}

/// DOT text of the part.
pub fn dot_text(part: &Part<'_>, cluster_by_issuer: bool) -> String {
    let mut ctx = PrinterContext::default();
    let mut text = to_dot(part, cluster_by_issuer).print(&mut ctx);
    text.push('\n');
    text
}

/// Renders DOT text with Graphviz's `dot` into `format` (`svg`, `png`).
pub fn render(dot: &str, format: &str) -> io::Result<Vec<u8>> {
    use std::process::{Command, Stdio};
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == io::ErrorKind::NotFound {
                io::Error::new(
                    io::ErrorKind::NotFound,
                    "Graphviz's `dot` is not installed; install it (Debian/Ubuntu: `apt-get install graphviz`, \
                     macOS: `brew install graphviz`) or export --format dot",
                )
            } else {
                e
            }
        })?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| io::Error::other("dot has no stdin"))?;
    let input = dot.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output()?;
    writer
        .join()
        .map_err(|_| io::Error::other("writing to dot failed"))??;
    if !out.status.success() {
        return Err(io::Error::other(format!(
            "dot failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(out.stdout)
}
