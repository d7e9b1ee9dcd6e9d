//! GraphML with typed keys.

use super::json::node_fields;
use super::Part;
use std::io::{self, Write};

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
        data(&mut x, "e_relation", e.edge.relation.as_str())?;
        data(&mut x, "e_count", &e.edge.count().to_string())?;
        x.write_event(Event::End(BytesEnd::new("edge")))?;
    }
    x.write_event(Event::End(BytesEnd::new("graph")))?;
    x.write_event(Event::End(BytesEnd::new("graphml")))?;
    x.into_inner().write_all(b"\n")
}
