//! Settling: every node's attributes recomputed from the inputs' headers and the evidence, and the derived
//! `issued_by` edges rebuilt, independent of the order the inputs came in.

use super::{CitationGraph, CitedFacts, Edge, Evidence, Node, NodeId, NodeKind};
use super::{PAGERANK_DAMPING, PAGERANK_ROUNDS, PAGERANK_TOLERANCE};
use crate::model::Document;
use crate::vocab::Relation;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

impl CitationGraph {
    /// Recomputes every node's attributes from the inputs and the evidence, rebuilds `issued_by` edges and
    /// drops nodes nothing refers to any more. Independent of the order the inputs came in.
    pub fn settle(&mut self) -> Result<(), crate::Error> {
        self.dense = std::sync::OnceLock::new();
        self.parse_documents()?;
        self.merge_named_laws()?;
        // A loaded store's nodes were settled when it was saved: after inputs that only add, only the nodes
        // they touched are settled again, from their evidence, which is read for them alone. Otherwise every
        // node is, and all the evidence is read first.
        let touched = self.touched.take();
        match &touched {
            Some(nodes) => {
                let incoming: Vec<EdgeIndex> = nodes
                    .iter()
                    .flat_map(|&ix| self.graph.edges_directed(ix, Direction::Incoming))
                    .map(|e| e.id())
                    .collect();
                self.read_stored(incoming)?;
                let ids: Vec<NodeId> = nodes.iter().map(|&ix| self.graph[ix].id.clone()).collect();
                for id in &ids {
                    self.loaded_facts_of(id);
                }
            }
            None => {
                self.parse_all_evidence()?;
                self.facts_of_loaded_nodes();
            }
        }
        let settles = |ix: &NodeIndex| touched.as_ref().is_none_or(|t| t.contains(ix));
        // Issuer nodes and their issued_by edges are derived: drop them and add them again below. Removing
        // the nodes drops each edge from the head of the issuer's list; removing the 100,000 edges of an
        // issuer one by one walked that list each time, and was most of an incremental build's time.
        let issuers: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|&ix| self.graph[ix].kind == NodeKind::Issuer)
            .collect();
        for ix in issuers {
            if let Some(node) = self.graph.remove_node(ix) {
                self.index.remove(&node.id);
            }
        }
        let sources: Vec<NodeId> = self
            .inputs
            .iter()
            .filter(|(_, doc)| doc.is_none())
            .map(|(path, _)| NodeId::source(path))
            .collect();
        for id in sources {
            self.node_index(&id);
        }
        // Borrowed from the inputs, not copied: a build of 100,000 documents copied every header here.
        let mut defined: HashMap<NodeId, Vec<(&str, &Document)>> = HashMap::default();
        for (path, doc) in &self.inputs {
            if let Some(d) = doc {
                defined
                    .entry(NodeId::document(&d.id))
                    .or_default()
                    .push((path.as_str(), d));
            }
        }
        // Nodes nothing refers to any more go first, so what is left is settled from what is left.
        let nodes: Vec<NodeIndex> = self.graph.node_indices().filter(settles).collect();
        for ix in nodes {
            let node = &self.graph[ix];
            let has_edges = self
                .graph
                .edges_directed(ix, Direction::Incoming)
                .next()
                .is_some()
                || self
                    .graph
                    .edges_directed(ix, Direction::Outgoing)
                    .next()
                    .is_some();
            let keep = match node.kind {
                NodeKind::Document => has_edges || defined.contains_key(&node.id),
                NodeKind::Source => self.inputs.contains_key(node.id.key()),
                NodeKind::Issuer => false,
            };
            if !keep {
                if let Some(node) = self.graph.remove_node(ix) {
                    self.index.remove(&node.id);
                    if node.kind == NodeKind::Document {
                        self.facts.remove(&node.id);
                    }
                }
            }
        }
        let graph = &self.graph;
        let kept: Vec<NodeIndex> = graph
            .node_indices()
            .filter(|ix| settles(ix) && graph[*ix].kind != NodeKind::Issuer)
            .collect();
        // Each node's attributes read only the graph, the inputs and the facts: they are worked out on every
        // core, then written back in node order.
        let facts = &self.facts;
        let settled: Vec<Node> = super::map_in_order(&kept, |&ix| {
            let id = &graph[ix].id;
            match graph[ix].kind {
                NodeKind::Document => {
                    let evidence: Vec<&Evidence> = graph
                        .edges_directed(ix, Direction::Incoming)
                        .flat_map(|e| e.weight().parsed().iter())
                        .collect();
                    let all = facts.get(id);
                    let chosen = all.and_then(CitedFacts::chosen);
                    let mut node = attributes(id, chosen, defined.get(id), &evidence);
                    // A numbered law cited by name too keeps the name, in the form `chosen_name` prefers.
                    if let Some(name) = all.and_then(CitedFacts::chosen_name) {
                        node.name = Some(name);
                    }
                    node
                }
                _ => {
                    let mut node = Node::new(id.clone());
                    node.defined_in = vec![id.key().to_string()];
                    node
                }
            }
        });
        drop(defined);
        for (ix, node) in kept.into_iter().zip(settled) {
            *self.graph[ix] = node;
        }
        // Issuers: one node per code, local bodies per place when the document id names it.
        // (document, issuer codes, place from its id, issuer name)
        type DocIssuers = (NodeIndex, Vec<String>, Option<String>, Option<String>);
        let docs: Vec<DocIssuers> = self
            .graph
            .node_indices()
            .filter(|&ix| self.graph[ix].kind == NodeKind::Document)
            .map(|ix| {
                let n = &self.graph[ix];
                let place = n.id.place().map(str::to_string);
                (ix, n.issuers.clone(), place, n.issuer_name.clone())
            })
            .collect();
        // Reserved at once: growing the edge table by doubling copied it into fresh pages each time.
        self.graph
            .reserve_edges(docs.iter().map(|(_, codes, _, _)| codes.len()).sum());
        // A local body is named with its place ("Ủy ban nhân dân tỉnh Quảng Nam") when a document of it says
        // so; the smallest such name, chosen once all are seen, keeps the choice independent of input order.
        let mut place_names: BTreeMap<NodeIndex, (Option<&'static str>, Option<String>)> =
            BTreeMap::new();
        for (ix, issuers, place, issuer_name) in docs {
            for code in issuers {
                let local_place = place
                    .as_ref()
                    .filter(|_| crate::data::tables().is_local_body(&code));
                let issuer =
                    self.node_index(&NodeId::issuer(&code, local_place.map(String::as_str)));
                let row_name = crate::data::tables().issuer_of_code(&code).map(|r| r.name);
                let named = issuer_name.as_ref().filter(|n| {
                    local_place.is_some()
                        && row_name.is_some_and(|r| n.starts_with(r) && n.as_str() != r)
                });
                let (row, best) = place_names.entry(issuer).or_insert((row_name, None));
                *row = row.or(row_name);
                if let Some(n) = named {
                    if best.as_ref().is_none_or(|b| n < b) {
                        *best = Some(n.clone());
                    }
                }
                self.graph
                    .add_edge(ix, issuer, Edge::new(Relation::IssuedBy, Vec::new()));
            }
        }
        for (issuer, (row, best)) in place_names {
            self.graph[issuer].name = best.or(row.map(str::to_string));
        }
        // Evidence read from a store line is in the order settling left it; only changed edges are sorted.
        for e in self.graph.edge_weights_mut() {
            if e.store_line().is_some() {
                continue;
            }
            let evidence = e.parsed_mut();
            evidence.sort();
            evidence.dedup();
            e.recount();
        }
        // The ranking most queries ask for is kept with the nodes, so `top --by pagerank` reads it.
        let ranks: Vec<(NodeId, f64)> = self
            .pagerank(
                PAGERANK_DAMPING,
                PAGERANK_TOLERANCE,
                PAGERANK_ROUNDS,
                &|r| r != Relation::IssuedBy,
            )
            .into_iter()
            .map(|(id, r)| (id.clone(), r))
            .collect();
        for (id, rank) in ranks {
            if let Some(&ix) = self.index.get(&id) {
                let node = &mut self.graph[ix];
                node.pagerank = (node.kind == NodeKind::Document).then_some(rank);
            }
        }
        self.touched = Some(Default::default());
        Ok(())
    }
}

/// The value most sources give (ties broken by the smallest value), with every distinct value when they
/// disagree. A document's own header outranks any mention of it.
fn pick<T: Ord + Clone>(own: Vec<T>, mentions: Vec<T>) -> (Option<T>, Vec<T>) {
    let mut all: BTreeSet<T> = own.iter().cloned().collect();
    all.extend(mentions.iter().cloned());
    let primary = if let Some(first) = own.iter().min() {
        Some(first.clone())
    } else {
        let mut counts: BTreeMap<&T, usize> = BTreeMap::new();
        for m in &mentions {
            *counts.entry(m).or_insert(0) += 1;
        }
        counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(v, _)| (*v).clone())
    };
    let conflicts = if all.len() > 1 {
        all.into_iter().collect()
    } else {
        Vec::new()
    };
    (primary, conflicts)
}

fn attributes(
    id: &NodeId,
    facts: Option<&CitedFacts>,
    own: Option<&Vec<(&str, &Document)>>,
    evidence: &[&Evidence],
) -> Node {
    let mut node = Node::new(id.clone());
    let own: &[(&str, &Document)] = own.map_or(&[], Vec::as_slice);
    if let Some(f) = facts {
        node.symbol = f.symbol.clone();
        node.name = f.name.clone();
        node.year = f.year;
        node.issuers = f.issuers.clone();
    }
    if let Some((_, d)) = own.first() {
        node.symbol = Some(d.symbol.clone());
        node.year = d.year.or(node.year);
        node.issuers = d.issuers.clone();
    }
    node.defined_in = own.iter().map(|(p, _)| p.to_string()).collect();
    let mut field =
        |name: &str, own_values: Vec<String>, mentions: Vec<String>| -> Option<String> {
            let (value, conflicts) = pick(own_values, mentions);
            if !conflicts.is_empty() {
                node.conflicts.insert(name.to_string(), conflicts);
            }
            value
        };
    let date = field(
        "date",
        own.iter().filter_map(|(_, d)| d.date.clone()).collect(),
        evidence
            .iter()
            .filter_map(|e| e.date.as_deref().map(str::to_string))
            .collect(),
    );
    let title = field(
        "title",
        own.iter().filter_map(|(_, d)| d.title.clone()).collect(),
        Vec::new(),
    );
    let issuer_name = field(
        "issuer_name",
        own.iter()
            .filter_map(|(_, d)| d.issuer_name.clone())
            .collect(),
        evidence
            .iter()
            .filter_map(|e| e.issuer_name.as_deref().map(str::to_string))
            .collect(),
    );
    let (doc_type, _) = pick(
        own.iter().map(|(_, d)| d.doc_type).collect(),
        evidence.iter().filter_map(|e| e.doc_type).collect(),
    );
    node.date = date;
    node.title = title;
    node.issuer_name = issuer_name;
    node.doc_type = doc_type;
    if node.year.is_none() {
        node.year = node.date.as_deref().and_then(|d| d.get(..4)?.parse().ok());
    }
    node.ambiguous = id.is_ambiguous();
    node
}
