//! The invariants every settled or loaded graph keeps, checked by [`CitationGraph::verify`]: tests run it
//! after every build and load, and `vncite graph verify` runs it on a store with all its evidence.

use super::{CitationGraph, NodeKind};
use crate::vocab::Relation;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::collections::HashSet;
use std::fmt;

/// One broken invariant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation(pub String);

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl CitationGraph {
    /// Checks the graph's invariants, reading every edge's evidence (a loaded store's too):
    /// - the id index and the nodes agree, and each node's kind is its id's;
    /// - one edge at most per (from, to, relation); `issued_by` runs from a document to an issuer and has no
    ///   evidence, every other edge runs from a document or source to a document;
    /// - each edge's count is its evidence's length, the evidence is sorted without repeats, each mention
    ///   comes from an input of the graph and its span does not run backwards;
    /// - every input is a node: its header's document, or a source node;
    /// - documents carry a PageRank and others none, and `ambiguous` is what the id says.
    pub fn verify(&self) -> Result<(), Vec<Violation>> {
        let mut problems = Vec::new();
        let mut fail = |p: String| problems.push(Violation(p));
        if self.index.len() != self.graph.node_count() {
            fail(format!(
                "{} ids indexed for {} nodes",
                self.index.len(),
                self.graph.node_count()
            ));
        }
        for ix in self.graph.node_indices() {
            let n = &self.graph[ix];
            if self.index.get(&n.id) != Some(&ix) {
                fail(format!("node {} is not indexed under its id", n.id));
            }
            if n.kind != n.id.kind() {
                fail(format!("node {} has kind {:?}", n.id, n.kind));
            }
            if n.ambiguous != n.id.is_ambiguous() {
                fail(format!("node {} says ambiguous = {}", n.id, n.ambiguous));
            }
            if (n.kind == NodeKind::Document) != n.pagerank.is_some() {
                fail(format!("node {} has pagerank {:?}", n.id, n.pagerank));
            }
        }
        let inputs: HashSet<&str> = self
            .inputs
            .keys()
            .map(String::as_str)
            .chain(self.pending_inputs.iter().map(String::as_str))
            .collect();
        let mut seen = HashSet::new();
        for e in (&self.graph).edge_references() {
            let (from, to, w) = (&self.graph[e.source()], &self.graph[e.target()], e.weight());
            let what = format!("edge {} -> {} {}", from.id, to.id, w.relation);
            if !seen.insert((e.source(), e.target(), w.relation)) {
                fail(format!("{what} appears twice"));
            }
            let ends_right = if w.relation == Relation::IssuedBy {
                from.kind == NodeKind::Document && to.kind == NodeKind::Issuer && w.count == 0
            } else {
                from.kind != NodeKind::Issuer && to.kind == NodeKind::Document && w.count > 0
            };
            if !ends_right {
                fail(format!(
                    "{what} joins a {:?} to a {:?} with {} mentions",
                    from.kind, to.kind, w.count
                ));
            }
            match self.evidence(w) {
                Err(err) => fail(err.to_string()),
                Ok(evidence) => {
                    if evidence.len() != w.count() {
                        fail(format!(
                            "{what} counts {} for {} mentions",
                            w.count,
                            evidence.len()
                        ));
                    }
                    if !evidence.windows(2).all(|p| p[0] < p[1]) {
                        fail(format!("{what}: evidence not sorted or repeated"));
                    }
                    for ev in evidence.iter() {
                        if !inputs.contains(&*ev.source) {
                            fail(format!(
                                "{what}: mention from {} which is no input",
                                ev.source
                            ));
                        }
                        if ev.start > ev.end {
                            fail(format!(
                                "{what}: span {}..{} runs backwards",
                                ev.start, ev.end
                            ));
                        }
                    }
                }
            }
        }
        // A loaded store's documents line is read here, as a rebuild would read it.
        let pending = match (&self.store, self.pending_inputs.is_empty()) {
            (Some(loaded), false) => loaded.documents().unwrap_or_else(|err| {
                fail(err.to_string());
                Vec::new()
            }),
            _ => Vec::new(),
        };
        let all_inputs = self
            .inputs
            .iter()
            .map(|(p, d)| (p.as_str(), d.as_ref()))
            .chain(pending.iter().map(|(p, d)| (&**p, d.as_ref())));
        for (path, doc) in all_inputs {
            let id = match doc {
                Some(d) => crate::id::NodeId::document(&d.id),
                None => crate::id::NodeId::source(path),
            };
            if !self.index.contains_key(&id) {
                fail(format!("input {path} has no node {id}"));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}
