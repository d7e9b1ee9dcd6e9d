//! Node-link JSON, as d3 and networkx read it.

use super::Part;
use crate::graph::Node;
use std::io::{self, Write};

pub(crate) fn node_fields(n: &Node) -> serde_json::Map<String, serde_json::Value> {
    let mut m = serde_json::Map::new();
    let kind = n.kind.as_str();
    m.insert("id".into(), n.id.to_string().into());
    m.insert("kind".into(), kind.into());
    let mut put = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            m.insert(k.to_string(), v.into());
        }
    };
    put("symbol", n.symbol.clone());
    put("name", n.name.clone());
    put("doc_type", n.doc_type.map(|t| t.to_string()));
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
