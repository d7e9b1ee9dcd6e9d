//! The `export` stage: the graph, or the neighbourhood of one document, as DOT, SVG/PNG (through Graphviz),
//! node-link JSON, GraphML or Mermaid. Each printer owns its format and its escaping.

use crate::graph::{CitationGraph, EdgeView, Node, NodeKind};
use crate::query::{self, Filter};
use dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph as DotGraph, GraphAttributes, Id, Node as DotNode,
    NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::Direction;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

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
    pub relations: BTreeSet<String>,
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
    let follows =
        |r: &str| r == "issued_by" || sel.relations.is_empty() || sel.relations.contains(r);
    let keep: Option<BTreeSet<String>> = sel.focus.as_ref().map(|(root, depth, reach)| {
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
            _ => keep.as_ref().is_none_or(|k| k.contains(&n.id)),
        }
    };
    let mut edges: Vec<EdgeView<'a>> = graph
        .edges()
        .into_iter()
        .filter(|e| follows(&e.edge.relation))
        .filter(|e| !(sel.no_issuers && e.edge.relation == "issued_by"))
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
fn label_lines(n: &Node) -> Vec<String> {
    let mut lines = Vec::new();
    match n.kind {
        NodeKind::Document => {
            lines.push(
                n.symbol
                    .clone()
                    .or_else(|| n.name.clone())
                    .unwrap_or_else(|| n.id.clone()),
            );
            if let Some(d) = n.date.clone().or(n.year.map(|y| y.to_string())) {
                lines.push(d);
            }
            if let (Some(t), Some(_)) = (&n.title, &n.symbol) {
                lines.push(short(t, 40));
            }
        }
        NodeKind::Issuer => lines.push(
            n.name
                .clone()
                .unwrap_or_else(|| n.id.trim_start_matches("issuer:").to_string()),
        ),
        NodeKind::Source => lines.push(short(n.id.trim_start_matches("source:"), 40)),
    }
    lines
}

/// A quoted DOT id. graphviz-rust prints ids as given, so every id and label goes through here: backslashes
/// and quotes are escaped and line breaks become `\n`, so no title can end the string early.
pub fn dot_quoted(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), dot_quoted(v))
}

/// Fill colour of a document by doc type.
fn type_colour(doc_type: Option<&str>) -> &'static str {
    match doc_type {
        Some("constitution") | Some("code") | Some("law") | Some("ordinance") => "#fbb4ae",
        Some("decree") => "#b3cde3",
        Some("resolution") | Some("joint_resolution") => "#ccebc5",
        Some("decision") => "#decbe4",
        Some("directive") => "#fed9a6",
        Some("circular") | Some("joint_circular") => "#ffffcc",
        Some("official_letter") | Some("dispatch") => "#e5d8bd",
        Some("plan") | Some("program") | Some("scheme") | Some("project") => "#fddaec",
        _ => "#f2f2f2",
    }
}

/// Colour and line style of a relation: changes to a document stand out from plain citing.
fn relation_style(relation: &str) -> (&'static str, &'static str, &'static str) {
    match relation {
        "amends" => ("#d95f02", "bold", "2"),
        "replaces" => ("#7570b3", "bold", "2.5"),
        "repeals" => ("#e41a1c", "dashed", "2.5"),
        "corrects" => ("#a6761d", "dashed", "1.5"),
        "basis" => ("#1b9e77", "solid", "1.2"),
        "guides" => ("#386cb0", "solid", "1.2"),
        "implements" => ("#66a61e", "solid", "1.2"),
        "issued_by" => ("#bbbbbb", "dotted", "1"),
        _ => ("#777777", "solid", "1"),
    }
}

/// The part as a DOT syntax tree: documents coloured by type, issuers as ellipses, edges styled by relation,
/// optional clusters by issuer, and a legend of the relations present.
pub fn to_dot(part: &Part<'_>, cluster_by_issuer: bool) -> DotGraph {
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
                attr("fillcolor", type_colour(n.doc_type.as_deref())),
                attr(
                    "tooltip",
                    &match &n.title {
                        Some(t) => format!("{}: {t}", n.id),
                        None => n.id.clone(),
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
                attr("tooltip", &n.id),
            ],
        };
        let stmt = Stmt::Node(DotNode {
            id: NodeId(dot_quoted(&n.id), None),
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
    let mut used: BTreeSet<&str> = BTreeSet::new();
    for e in &part.edges {
        let relation = e.edge.relation.as_str();
        used.insert(relation);
        let (colour, style, width) = relation_style(relation);
        let label = match (relation, e.edge.count()) {
            ("issued_by", _) => String::new(),
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
            let (colour, style, width) = relation_style(r);
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
                    attr("label", r),
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

fn node_fields(n: &Node) -> serde_json::Map<String, serde_json::Value> {
    let mut m = serde_json::Map::new();
    let kind = match n.kind {
        NodeKind::Document => "document",
        NodeKind::Issuer => "issuer",
        NodeKind::Source => "source",
    };
    m.insert("id".into(), n.id.clone().into());
    m.insert("kind".into(), kind.into());
    let mut put = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            m.insert(k.to_string(), v.into());
        }
    };
    put("symbol", n.symbol.clone());
    put("name", n.name.clone());
    put("doc_type", n.doc_type.clone());
    put("date", n.date.clone());
    put("title", n.title.clone());
    put("issuer_name", n.issuer_name.clone());
    if let Some(y) = n.year {
        m.insert("year".into(), y.into());
    }
    if !n.issuers.is_empty() {
        m.insert("issuers".into(), n.issuers.clone().into());
    }
    if n.ambiguous {
        m.insert("ambiguous".into(), true.into());
    }
    m
}

/// Node-link JSON as d3 and `networkx.node_link_graph` read it: `{"directed", "multigraph", "graph", "nodes",
/// "links"}`, links carrying `relation`, `count` and a `key` (the relation) to tell parallel edges apart.
/// Written one node and one link at a time.
pub fn write_json(part: &Part<'_>, w: &mut dyn Write) -> io::Result<()> {
    w.write_all(b"{\"directed\": true, \"multigraph\": true, \"graph\": {\"generator\": \"vncite\"},\n\"nodes\": [")?;
    for (i, n) in part.nodes.iter().enumerate() {
        w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *w, &node_fields(n))?;
    }
    w.write_all(b"],\n\"links\": [")?;
    for (i, e) in part.edges.iter().enumerate() {
        w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(
            &mut *w,
            &serde_json::json!({"source": e.from, "target": e.to, "key": e.edge.relation,
                                "relation": e.edge.relation, "count": e.edge.count()}),
        )?;
    }
    w.write_all(b"]}\n")
}

/// GraphML with typed keys (strings and integers), as networkx, Gephi and yEd read it.
pub fn write_graphml(part: &Part<'_>, w: &mut dyn Write) -> io::Result<()> {
    use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
    let mut x = quick_xml::Writer::new_with_indent(w, b' ', 1);
    x.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut root = BytesStart::new("graphml");
    root.push_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"));
    x.write_event(Event::Start(root))?;
    let node_keys = [
        ("kind", "string"),
        ("symbol", "string"),
        ("name", "string"),
        ("doc_type", "string"),
        ("date", "string"),
        ("year", "int"),
        ("title", "string"),
        ("issuer_name", "string"),
        ("issuers", "string"),
    ];
    let edge_keys = [("relation", "string"), ("count", "int")];
    let keys = node_keys
        .iter()
        .map(|k| ("node", "n", k))
        .chain(edge_keys.iter().map(|k| ("edge", "e", k)));
    for (domain, prefix, (k, ty)) in keys {
        let mut key = BytesStart::new("key");
        key.push_attribute(("id", format!("{prefix}_{k}").as_str()));
        key.push_attribute(("for", domain));
        key.push_attribute(("attr.name", *k));
        key.push_attribute(("attr.type", *ty));
        x.write_event(Event::Empty(key))?;
    }
    let mut graph = BytesStart::new("graph");
    graph.push_attribute(("id", "vncite"));
    graph.push_attribute(("edgedefault", "directed"));
    x.write_event(Event::Start(graph))?;
    let data =
        |x: &mut quick_xml::Writer<&mut dyn Write>, key: &str, value: &str| -> io::Result<()> {
            let mut d = BytesStart::new("data");
            d.push_attribute(("key", key));
            x.write_event(Event::Start(d))?;
            x.write_event(Event::Text(BytesText::new(value)))?;
            x.write_event(Event::End(BytesEnd::new("data")))?;
            Ok(())
        };
    for n in &part.nodes {
        let mut node = BytesStart::new("node");
        node.push_attribute(("id", n.id.as_str()));
        x.write_event(Event::Start(node))?;
        for (k, v) in node_fields(n) {
            let value = match v {
                serde_json::Value::String(s) => s,
                serde_json::Value::Array(a) => a
                    .iter()
                    .filter_map(|v| v.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
                other => other.to_string(),
            };
            if k != "id" && k != "ambiguous" {
                data(&mut x, &format!("n_{k}"), &value)?;
            }
        }
        x.write_event(Event::End(BytesEnd::new("node")))?;
    }
    for e in &part.edges {
        let mut edge = BytesStart::new("edge");
        edge.push_attribute(("source", e.from));
        edge.push_attribute(("target", e.to));
        x.write_event(Event::Start(edge))?;
        data(&mut x, "e_relation", &e.edge.relation)?;
        data(&mut x, "e_count", &e.edge.count().to_string())?;
        x.write_event(Event::End(BytesEnd::new("edge")))?;
    }
    x.write_event(Event::End(BytesEnd::new("graph")))?;
    x.write_event(Event::End(BytesEnd::new("graphml")))?;
    x.into_inner().write_all(b"\n")
}

/// A Mermaid label: quoted, with the characters Mermaid reads as syntax written as entity codes.
fn mermaid_label(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '|' => out.push_str("#124;"),
            '`' => out.push_str("#96;"),
            '\n' | '\r' => out.push_str("<br/>"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Mermaid flowchart text that renders in a Markdown viewer. Nodes get short ids (`n0`, `n1`, …) in id order.
pub fn mermaid_text(part: &Part<'_>) -> String {
    let mut out = String::from("flowchart LR\n");
    let ids: BTreeMap<&str, usize> = part
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    for (i, n) in part.nodes.iter().enumerate() {
        let label = label_lines(n)
            .iter()
            .map(|l| mermaid_label(l))
            .collect::<Vec<_>>()
            .join("<br/>");
        let (open, close) = match n.kind {
            NodeKind::Document => ("[\"", "\"]"),
            NodeKind::Issuer => ("([\"", "\"])"),
            NodeKind::Source => ("[/\"", "\"/]"),
        };
        out.push_str(&format!("  n{i}{open}{label}{close}\n"));
    }
    for e in &part.edges {
        let (Some(a), Some(b)) = (ids.get(e.from), ids.get(e.to)) else {
            continue;
        };
        let arrow = match e.edge.relation.as_str() {
            "amends" | "replaces" | "repeals" | "corrects" => "==>",
            "issued_by" => "-.->",
            _ => "-->",
        };
        if e.edge.relation == "issued_by" {
            out.push_str(&format!("  n{a} {arrow} n{b}\n"));
        } else {
            out.push_str(&format!(
                "  n{a} {arrow}|{}| n{b}\n",
                mermaid_label(&e.edge.relation)
            ));
        }
    }
    out
}
