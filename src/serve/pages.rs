//! The app's HTML pages, written whole on the server: every value escaped, every link built from ids.

use super::App;
use crate::annotate::{self, Mark, Options};
use crate::export::style::{relation_style, type_colour};
use crate::graph::{CitationGraph, Direction};
use crate::query::{self, Filter};
use crate::vocab::Relation;
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fmt::Write;

fn esc(s: &str) -> std::borrow::Cow<'_, str> {
    quick_xml::escape::escape(s)
}

/// A value for a query string.
pub(super) fn url_value(s: &str) -> String {
    utf8_percent_encode(s, NON_ALPHANUMERIC).to_string()
}

fn doc_link(id: &str, label: &str) -> String {
    format!(
        "<a href=\"/doc?id={}\">{}</a>",
        esc(&url_value(id)),
        esc(label)
    )
}

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222}\
header{background:#1d3557;color:#fff;padding:.6em 1.2em;display:flex;gap:1.5em;align-items:center}\
header a{color:#fff;text-decoration:none;font-weight:600}header form{margin-left:auto}\
header input{width:26em;padding:.3em}main{padding:1em 1.5em;max-width:75em}\
textarea{width:100%;height:12em;font:inherit}table{border-collapse:collapse;margin:.5em 0}\
td,th{border:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}th{background:#f3f3f3}\
.vncite{white-space:pre-wrap;border:1px solid #ddd;padding:1em;background:#fcfcfc}\
.vncite-ref{background:#fff3b0;border-radius:3px;padding:0 2px;color:inherit}\
.vncite-ref[data-relation=basis]{background:#d7ecff}\
.vncite-ref[data-relation=amends],.vncite-ref[data-relation=replaces],.vncite-ref[data-relation=repeals]{background:#ffd9d2}\
.vncite-ref[data-relation=guides],.vncite-ref[data-relation=implements]{background:#dcf5d9}\
.verdict{font-weight:700}.muted{color:#777}q{font-style:italic}\
#cy{width:100%;height:70vh;border:1px solid #ddd}.legend span{display:inline-block;margin-right:1em}\
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:50%;margin-right:.3em;vertical-align:middle}";

fn page(app: &App, title: &str, body: &str, script: &str) -> String {
    let store = app
        .store
        .as_deref()
        .map_or("no graph store".to_string(), |s| {
            format!("store: {}", esc(s))
        });
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} · vncite</title>\n\
<style>{STYLE}</style>\n</head>\n<body>\n<header><a href=\"/\">vncite</a><span class=\"muted\">{store}</span>\
<form action=\"/search\"><input name=\"q\" placeholder=\"Số hiệu, tên hoặc trích dẫn: Nghị quyết 57/NQ-CP ngày 21/4/2022\" aria-label=\"search\"></form></header>\n\
<main>\n{body}\n</main>\n{script}</body>\n</html>\n",
        esc(title)
    )
}

/// A page that says why there is nothing to show.
pub(super) fn message(app: &App, message: &str) -> String {
    page(app, "not found", &format!("<p>{}</p>", esc(message)), "")
}

/// The paste box, and the pasted text annotated with a card per reference.
pub(super) fn index(app: &App, text: Option<&str>) -> String {
    let mut body = String::from(
        "<h1>Annotate a text</h1>\n<form method=\"post\" action=\"/\"><textarea name=\"text\" placeholder=\"Dán văn bản vào đây\">",
    );
    body.push_str(&esc(text.unwrap_or("")));
    body.push_str("</textarea><p><button type=\"submit\">Annotate</button></p></form>\n");
    body.push_str(
        "<form method=\"post\" action=\"/upload\" enctype=\"multipart/form-data\" id=\"upload\"><p>or upload a file \
         (.docx, .odt, .pdf, a saved web page, a text in any Vietnamese encoding): \
         <input type=\"file\" name=\"file\" aria-label=\"file\"> <button type=\"submit\">Upload</button></p></form>\n",
    );
    if let Some(text) = text {
        let found = crate::extract(text);
        let mut options = Options::new(annotate::Format::Html).link("/doc?id={id}");
        if let Some(g) = app.graph.as_ref() {
            options = options.graph(g);
        }
        let marks = annotate::marks(&found, &options);
        body.push_str(&format!(
            "<h2>{} references</h2>\n{}\n",
            marks.len(),
            annotate::annotate(text, &found, &options)
        ));
        body.push_str(&cards(app, &marks));
    }
    page(app, "annotate", &body, "")
}

fn cards(app: &App, marks: &[Mark]) -> String {
    let mut t = String::from(
        "<table id=\"cards\"><tr><th>reference</th><th>document</th><th>type</th><th>date</th><th>issuer</th><th>relation</th><th>status</th><th>cited by</th></tr>\n",
    );
    for m in marks {
        let node = app.graph.as_ref().and_then(|g| g.node(&m.id));
        let cited_by = app.graph.as_ref().map_or(0, |g| {
            g.edges_of(&m.id, Direction::Incoming)
                .iter()
                .filter(|e| e.edge.relation != Relation::IssuedBy)
                .map(|e| e.from)
                .collect::<BTreeSet<_>>()
                .len()
        });
        let key = m.id.strip_prefix("doc:").unwrap_or(&m.id);
        let label = m.symbol.as_deref().unwrap_or(key);
        let issuer = node
            .and_then(|n| n.issuer_name.clone())
            .unwrap_or_else(|| node.map(|n| n.issuers.join(", ")).unwrap_or_default());
        let _ = writeln!(
            t,
            "<tr><td><q>{}</q></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}{}</td><td>{}</td><td>{}</td></tr>",
            esc(&m.text),
            if node.is_some() { doc_link(&m.id, label) } else { esc(label).into_owned() },
            m.doc_type.as_str(),
            esc(m.date.as_deref().unwrap_or("")),
            esc(&issuer),
            m.relation.as_str(),
            m.pinpoint.as_deref().map(|p| format!(" ({})", esc(p))).unwrap_or_default(),
            esc(m.status.as_deref().unwrap_or("")),
            cited_by
        );
    }
    t.push_str("</table>\n");
    t
}

/// A document: its facts, status with the changes and who says them, what it builds on and what builds
/// on it, and every mention of it with its quote.
pub(super) fn document(app: &App, g: &CitationGraph, id: &str) -> String {
    let Some(node) = g.node(id) else {
        return message(app, &format!("{id} is not in the graph"));
    };
    let key = id.strip_prefix("doc:").unwrap_or(id);
    let label = node.symbol.as_deref().unwrap_or(key);
    let mut b = format!("<h1>{}</h1>\n", esc(label));
    let _ = write!(
        b,
        "<p><a href=\"/graph?id={}\">Graph of its neighbourhood</a></p>\n<table id=\"facts\">",
        esc(&url_value(id))
    );
    let mut fact = |name: &str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            let _ = write!(b, "<tr><th>{name}</th><td>{}</td></tr>", esc(&v));
        }
    };
    fact("id", Some(id.to_string()));
    fact("type", node.doc_type.map(|t| t.as_str().to_string()));
    fact("date", node.date.clone());
    fact("year", node.year.map(|y| y.to_string()));
    fact("title", node.title.clone().or_else(|| node.name.clone()));
    fact(
        "issuer",
        node.issuer_name.clone().or(Some(node.issuers.join(", "))),
    );
    fact("read from", Some(node.defined_in.join(", ")));
    b.push_str("</table>\n");
    if let Ok(s) = query::status(g, id) {
        let _ = writeln!(
            b,
            "<h2>Status</h2>\n<p class=\"verdict\" id=\"verdict\">{}</p>",
            esc(s.verdict.as_str())
        );
        if !s.changes.is_empty() {
            b.push_str("<table><tr><th>by</th><th>relation</th><th>date</th><th>parts</th><th>says so</th></tr>\n");
            for c in &s.changes {
                let said: Vec<&str> = c.said.iter().map(|s| s.describe()).collect();
                let _ = writeln!(
                    b,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} in {}</td></tr>",
                    doc_link(&c.by, c.by.strip_prefix("doc:").unwrap_or(&c.by)),
                    c.relation.as_str(),
                    esc(c.date.as_deref().unwrap_or("")),
                    esc(&c.parts.join("; ")),
                    said.join(", "),
                    esc(&c.inputs.join(", "))
                );
            }
            b.push_str("</table>\n");
        }
    }
    for (title, direction) in [
        ("Builds on", Direction::Outgoing),
        ("Built on by", Direction::Incoming),
    ] {
        let l = query::lineage(g, id, direction, Some(2), &Filter::default());
        let _ = writeln!(b, "<h2>{title}</h2>");
        b.push_str(&tree(&l, id, direction));
    }
    b.push_str("<h2>Mentions</h2>\n<table id=\"mentions\"><tr><th>in</th><th>relation</th><th>quote</th><th>pinpoint</th></tr>\n");
    for e in g.edges_of(id, Direction::Incoming) {
        if e.edge.relation == Relation::IssuedBy {
            continue;
        }
        let Ok(evidence) = g.evidence(e.edge) else {
            continue;
        };
        for ev in evidence.iter() {
            let _ = writeln!(
                b,
                "<tr><td>{}</td><td>{}</td><td><q>{}</q></td><td>{}</td></tr>",
                esc(&ev.source),
                e.edge.relation.as_str(),
                esc(&ev.text),
                esc(ev.pinpoint.as_deref().unwrap_or(""))
            );
        }
    }
    b.push_str("</table>\n");
    page(app, label, &b, "")
}

/// A lineage as nested lists, each node once, under the first node that reaches it.
fn tree(l: &query::Lineage, root: &str, direction: Direction) -> String {
    let mut children: BTreeMap<&str, Vec<(&str, Relation)>> = BTreeMap::new();
    for e in &l.edges {
        let (parent, child) = match direction {
            Direction::Outgoing => (e.from, e.to),
            Direction::Incoming => (e.to, e.from),
        };
        children
            .entry(parent)
            .or_default()
            .push((child, e.relation));
    }
    let labels: BTreeMap<&str, String> = l
        .nodes
        .iter()
        .map(|n| {
            let key = n.id.strip_prefix("doc:").unwrap_or(n.id);
            let mut label = n.symbol.unwrap_or(key).to_string();
            if let Some(t) = n.title {
                label.push_str(" — ");
                label.push_str(&crate::export::short(t, 80));
            }
            (n.id, label)
        })
        .collect();
    let mut seen: BTreeSet<&str> = BTreeSet::from([root]);
    let mut out = String::new();
    fn walk<'a>(
        at: &'a str,
        children: &BTreeMap<&'a str, Vec<(&'a str, Relation)>>,
        labels: &BTreeMap<&'a str, String>,
        seen: &mut BTreeSet<&'a str>,
        out: &mut String,
    ) {
        let Some(kids) = children.get(at) else {
            return;
        };
        out.push_str("<ul>");
        for (child, relation) in kids {
            let first = seen.insert(child);
            let label = labels
                .get(child)
                .cloned()
                .unwrap_or_else(|| child.to_string());
            let _ = write!(out, "<li>{} {}", relation.as_str(), doc_link(child, &label));
            if first {
                walk(child, children, labels, seen, out);
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>\n");
    }
    walk(root, &children, &labels, &mut seen, &mut out);
    if out.is_empty() {
        out.push_str("<p class=\"muted\">none in this graph</p>\n");
    }
    out
}

/// The interactive graph page: the data comes from `/api/neighbourhood`, drawn by `/assets/vncite.js`.
pub(super) fn graph(app: &App, id: &str) -> String {
    let mut legend = String::from("<p class=\"legend\">");
    for r in [
        Relation::Basis,
        Relation::Amends,
        Relation::Replaces,
        Relation::Repeals,
        Relation::Guides,
        Relation::Implements,
        Relation::Corrects,
        Relation::Cites,
    ] {
        let (colour, _, _) = relation_style(r);
        let _ = write!(
            legend,
            "<span><label><input type=\"checkbox\" class=\"relation\" value=\"{r}\" checked> <span class=\"swatch\" style=\"background:{colour}\"></span>{r}</label></span>",
            r = r.as_str()
        );
    }
    legend.push_str(
        "</p>\n<p>Depth <select id=\"depth\"><option selected>1</option><option>2</option><option>3</option></select> \
Years <input id=\"from\" type=\"number\" placeholder=\"from\" style=\"width:6em\"> – <input id=\"to\" type=\"number\" placeholder=\"to\" style=\"width:6em\"> \
Type <select id=\"type\"><option value=\"\">any</option>",
    );
    for t in [
        "law",
        "code",
        "ordinance",
        "resolution",
        "decree",
        "decision",
        "directive",
        "circular",
        "joint_circular",
        "plan",
        "official_letter",
    ] {
        let _ = write!(
            legend,
            "<option style=\"background:{}\">{t}</option>",
            type_colour(t.parse().ok())
        );
    }
    legend.push_str("</select> <span class=\"muted\">Click a document to open it; drag, scroll to zoom.</span></p>\n");
    let body = format!(
        "<h1>Neighbourhood of {}</h1>\n{legend}<div id=\"cy\" data-doc=\"{}\"></div>",
        doc_link(id, id.strip_prefix("doc:").unwrap_or(id)),
        esc(id)
    );
    page(
        app,
        id,
        &body,
        "<script src=\"/assets/cytoscape.min.js\"></script>\n<script src=\"/assets/vncite.js\"></script>\n",
    )
}

/// The documents within `depth` steps of `id` either way, as cytoscape.js elements.
pub(super) fn neighbourhood(g: &CitationGraph, id: &str, depth: usize) -> serde_json::Value {
    // Breadth first over both directions for the nodes; then each node's outgoing edges among them, so a
    // hub's thousands of citers at the rim are never collected to be thrown away.
    let Some(root) = g.node(id).map(|n| n.id.as_str()) else {
        return serde_json::json!({"root": id, "nodes": [], "edges": []});
    };
    let mut seen: BTreeMap<&str, usize> = BTreeMap::from([(root, 0)]);
    let mut queue = VecDeque::from([root]);
    while let Some(at) = queue.pop_front() {
        let d = seen.get(at).copied().unwrap_or(0);
        if d >= depth {
            continue;
        }
        for direction in [Direction::Outgoing, Direction::Incoming] {
            for e in g.edges_of(at, direction) {
                if e.edge.relation == Relation::IssuedBy {
                    continue;
                }
                let other = if direction == Direction::Outgoing {
                    e.to
                } else {
                    e.from
                };
                if !seen.contains_key(other) {
                    seen.insert(other, d + 1);
                    queue.push_back(other);
                }
            }
        }
    }
    let mut edges: BTreeSet<(&str, &str, Relation, usize)> = BTreeSet::new();
    for &at in seen.keys() {
        for e in g.edges_of(at, Direction::Outgoing) {
            if e.edge.relation != Relation::IssuedBy && seen.contains_key(e.to) {
                edges.insert((e.from, e.to, e.edge.relation, e.edge.count()));
            }
        }
    }
    let nodes: Vec<serde_json::Value> = seen
        .iter()
        .map(|(nid, d)| {
            let n = g.node(nid);
            let key = nid.strip_prefix("doc:").unwrap_or(nid);
            let label = n
                .and_then(|n| n.symbol.clone())
                .unwrap_or_else(|| key.to_string());
            serde_json::json!({"data": {
                "id": nid, "label": label, "depth": d,
                "type": n.and_then(|n| n.doc_type).map(|t| t.as_str()),
                "year": n.and_then(|n| n.year),
                "title": n.and_then(|n| n.title.clone().or_else(|| n.name.clone())),
                "colour": type_colour(n.and_then(|n| n.doc_type)),
            }})
        })
        .collect();
    let links: Vec<serde_json::Value> = edges
        .iter()
        .map(|(f, t, r, count)| {
            let (colour, style, width) = relation_style(*r);
            serde_json::json!({"data": {
                "id": format!("{f}|{}|{t}", r.as_str()), "source": f, "target": t,
                "relation": r.as_str(), "count": count, "colour": colour,
                "style": if style == "dashed" { "dashed" } else { "solid" },
                "width": width.parse::<f64>().unwrap_or(1.0) * 1.5,
            }})
        })
        .collect();
    serde_json::json!({"root": id, "nodes": nodes, "edges": links})
}
