//! Mermaid flowcharts for Markdown.

use super::{label_lines, Part};
use crate::graph::NodeKind;
use crate::vocab::Relation;
use std::collections::BTreeMap;

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
            // "%%" starts a comment or a directive ("%%{init …}%%") wherever it stands.
            '%' => out.push_str("#37;"),
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
        let arrow = match e.edge.relation {
            Relation::IssuedBy => "-.->",
            r if r.alters_text() => "==>",
            _ => "-->",
        };
        if e.edge.relation == Relation::IssuedBy {
            out.push_str(&format!("  n{a} {arrow} n{b}\n"));
        } else {
            out.push_str(&format!(
                "  n{a} {arrow}|{}| n{b}\n",
                mermaid_label(e.edge.relation.as_str())
            ));
        }
    }
    out
}
