//! GraphML with typed keys.

use super::json::node_fields;
use super::Part;
use std::io::{self, Write};

/// `s` with the characters XML 1.0 cannot hold at all (C0 controls but tab and line breaks, U+FFFE,
/// U+FFFF) written as `\u{…}`: quick-xml escapes markup, not these, and one of them makes the file invalid.
fn xml_chars(s: &str) -> std::borrow::Cow<'_, str> {
    let forbidden = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    if !s.contains(forbidden) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if forbidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
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
            x.write_event(Event::Text(BytesText::new(&xml_chars(value))))?;
            x.write_event(Event::End(BytesEnd::new("data")))?;
            Ok(())
        };
    for n in &part.nodes {
        let mut node = BytesStart::new("node");
        node.push_attribute(("id", xml_chars(n.id.as_str()).as_ref()));
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
        edge.push_attribute(("source", xml_chars(e.from).as_ref()));
        edge.push_attribute(("target", xml_chars(e.to).as_ref()));
        x.write_event(Event::Start(edge))?;
        data(&mut x, "e_relation", e.edge.relation.as_str())?;
        data(&mut x, "e_count", &e.edge.count().to_string())?;
        x.write_event(Event::End(BytesEnd::new("edge")))?;
    }
    x.write_event(Event::End(BytesEnd::new("graph")))?;
    x.write_event(Event::End(BytesEnd::new("graphml")))?;
    x.into_inner().write_all(b"\n")
}
