//! Counts that describe a graph.

use super::{CitationGraph, NodeKind};
use crate::vocab::{DocType, Relation};
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use petgraph::Direction;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Counts that describe a graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Inputs built into the graph.
    pub inputs: usize,
    /// Document nodes.
    pub documents: usize,
    /// Issuer nodes.
    pub issuers: usize,
    /// Source nodes (inputs without a header identity).
    pub sources: usize,
    /// Documents by doc type.
    pub documents_by_type: BTreeMap<DocType, usize>,
    /// Documents by issuer node.
    pub documents_by_issuer: BTreeMap<String, usize>,
    /// Citation edges by relation (`issued_by` included).
    pub edges_by_relation: BTreeMap<Relation, usize>,
    /// Mentions by relation.
    pub mentions_by_relation: BTreeMap<Relation, usize>,
    /// Documents whose year no text gave, and the mentions that point at them.
    pub ambiguous_documents: usize,
    /// Mentions of ambiguous documents.
    pub ambiguous_mentions: usize,
    /// Documents whose inputs disagree on some field.
    pub documents_with_conflicts: usize,
    /// Laws cited by name that resolved to their numbered document (the node has a number and a name).
    pub named_resolved: usize,
    /// Laws cited by name that stay named nodes: no number is known for the name and its date.
    pub named_unresolved: usize,
    /// Of those, the ones of unknown year (`@?`), which could be any law of that name.
    pub named_unknown_year: usize,
    /// Most-cited documents: (id, mentions, citing nodes), most first.
    pub most_cited: Vec<(String, usize, usize)>,
    /// Mentions whose words state a change that the dates or ranks make impossible, kept as `cites`
    /// (counted by [`CitationGraph::doubtful_mentions`], which reads every evidence).
    pub doubtful_mentions: usize,
}

impl CitationGraph {
    /// Counts by type, issuer and relation, ambiguous references, and the `top` most-cited documents.
    pub fn stats(&self, top: usize) -> Stats {
        let mut s = Stats {
            inputs: self.inputs.len() + self.pending_inputs.len(),
            documents: 0,
            issuers: 0,
            sources: 0,
            documents_by_type: BTreeMap::new(),
            documents_by_issuer: BTreeMap::new(),
            edges_by_relation: BTreeMap::new(),
            mentions_by_relation: BTreeMap::new(),
            ambiguous_documents: 0,
            ambiguous_mentions: 0,
            documents_with_conflicts: 0,
            named_resolved: 0,
            named_unresolved: 0,
            named_unknown_year: 0,
            most_cited: Vec::new(),
            doubtful_mentions: 0,
        };
        let mut cited: Vec<(String, usize, usize)> = Vec::new();
        for ix in self.graph.node_indices() {
            let n = &self.graph[ix];
            match n.kind {
                NodeKind::Document => {
                    s.documents += 1;
                    *s.documents_by_type
                        .entry(n.doc_type.unwrap_or(DocType::Unknown))
                        .or_insert(0) += 1;
                    let incoming: Vec<_> = self
                        .graph
                        .edges_directed(ix, Direction::Incoming)
                        .filter(|e| e.weight().relation != Relation::IssuedBy)
                        .collect();
                    let mentions: usize = incoming.iter().map(|e| e.weight().count()).sum();
                    let citing: BTreeSet<NodeIndex> = incoming.iter().map(|e| e.source()).collect();
                    if n.ambiguous {
                        s.ambiguous_documents += 1;
                        s.ambiguous_mentions += mentions;
                    }
                    if !n.conflicts.is_empty() {
                        s.documents_with_conflicts += 1;
                    }
                    if n.id.key().starts_with("named:") {
                        s.named_unresolved += 1;
                        s.named_unknown_year += usize::from(n.ambiguous);
                    } else if n.name.is_some() && n.symbol.is_some() {
                        s.named_resolved += 1;
                    }
                    if mentions > 0 {
                        cited.push((n.id.to_string(), mentions, citing.len()));
                    }
                }
                NodeKind::Issuer => s.issuers += 1,
                NodeKind::Source => s.sources += 1,
            }
        }
        for e in (&self.graph).edge_references() {
            let w = e.weight();
            *s.edges_by_relation.entry(w.relation).or_insert(0) += 1;
            if w.relation == Relation::IssuedBy {
                *s.documents_by_issuer
                    .entry(self.graph[e.target()].id.to_string())
                    .or_insert(0) += 1;
            } else {
                *s.mentions_by_relation.entry(w.relation).or_insert(0) += w.count();
            }
        }
        cited.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        cited.truncate(top);
        s.most_cited = cited;
        s
    }

    /// How many mentions state a change the dates or ranks make impossible ("a 2015 circular repeals a
    /// 2018 one", "a decree amends a law"): they stand as `cites`, and are counted, never kept silently.
    pub fn doubtful_mentions(&self) -> Result<usize, crate::Error> {
        let mut n = 0;
        for e in (&self.graph).edge_references() {
            if e.weight().relation == Relation::Cites {
                n += self
                    .evidence(e.weight())?
                    .iter()
                    .filter(|ev| ev.doubtful)
                    .count();
            }
        }
        Ok(n)
    }
}
