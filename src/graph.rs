//! The citation graph: documents, issuers and sources, with one edge per (citing, cited, relation) carrying
//! every mention as evidence.
//!
//! [`CitationGraph`] wraps a petgraph `StableDiGraph` behind our own string ids, so no `NodeIndex` leaks out.
//! The graph is a pure function of the inputs it was built from: node attributes are recomputed from the
//! inputs' headers and the evidence of every mention, so the order of inputs never changes the result, and
//! re-adding a file replaces its evidence instead of duplicating it.

use crate::model::{Document, Extraction};
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use petgraph::Direction;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// PageRank settings used for the stored ranks and for `top --by pagerank`.
pub const PAGERANK_DAMPING: f64 = 0.85;
/// Stop when the ranks move less than this in total (L1) in one round.
pub const PAGERANK_TOLERANCE: f64 = 1e-5;
/// At most this many rounds.
pub const PAGERANK_ROUNDS: usize = 40;

/// Version tag of the store format; a store with another tag is refused.
pub const FORMAT: &str = "vncite-graph/2";

/// What a node stands for.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// A document, cited or citing.
    #[default]
    Document,
    /// An issuing body.
    Issuer,
    /// An input file without a header identity (news, excerpts), named by its path.
    Source,
}

/// A node with its merged attributes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Stable id: `doc:<id>`, `issuer:<code>[~place]`, `source:<path>`.
    pub id: String,
    /// What it stands for.
    pub kind: NodeKind,
    /// Canonical symbol (documents cited by number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// Name of a law cited by name only, or of an issuer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Contract doc type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<String>,
    /// Issue year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Issue date `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Trích yếu, from the document's own file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Issuer as named in the texts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_name: Option<String>,
    /// Issuer codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issuers: Vec<String>,
    /// Inputs whose header is this document (or which this source node is).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub defined_in: Vec<String>,
    /// A year-less symbol whose year no text gave: kept apart, never merged with a dated node.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ambiguous: bool,
    /// Fields for which the inputs disagree, with every value seen.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub conflicts: BTreeMap<String, Vec<String>>,
    /// PageRank over all citation edges, computed when the graph settles (documents only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagerank: Option<f64>,
}

impl Node {
    fn new(id: String, kind: NodeKind) -> Node {
        Node {
            id,
            kind,
            ..Node::default()
        }
    }
}

/// One mention behind an edge. Strings that repeat across mentions (input path, date, issuer name) are
/// shared, which keeps a million-mention graph within memory.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Evidence {
    /// Input path.
    pub source: Arc<str>,
    /// Byte span of the mention in that input.
    pub start: usize,
    /// End of the span (exclusive).
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// The cited part, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pinpoint: Option<String>,
    /// Date the mention gives for the cited document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Arc<str>>,
    /// Doc type the mention gives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<Arc<str>>,
    /// Issuer the mention names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer_name: Option<Arc<str>>,
    /// For a change: whether it touches only part of the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<bool>,
    /// Who says it: the citing input acting (the default), or the input reporting what another document did.
    #[serde(skip_serializing_if = "Said::is_act")]
    pub said: Said,
}

/// Who states the relation an evidence backs.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Said {
    /// The citing document acts: "Căn cứ …", "Bãi bỏ …".
    #[default]
    Act,
    /// The input states it of two other documents: "X đã được sửa đổi bởi Y".
    Reported,
    /// A legal database's bracketed note in the input.
    Editorial,
}

impl Said {
    fn is_act(&self) -> bool {
        *self == Said::Act
    }
}

/// An edge: `relation` from the citing node's point of view, or `issued_by` to an issuer.
///
/// A loaded store keeps each edge's evidence as its unparsed JSON until something needs it: queries and
/// statistics only need the count, and parsing a million mentions was most of the load time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Relation name.
    pub relation: String,
    count: usize,
    evidence: Vec<Evidence>,
    /// Byte range of the unparsed evidence array in the loaded store, while not yet parsed.
    raw: Option<std::ops::Range<usize>>,
}

impl Edge {
    fn new(relation: &str, evidence: Vec<Evidence>) -> Edge {
        Edge {
            relation: relation.to_string(),
            count: evidence.len(),
            evidence,
            raw: None,
        }
    }

    /// How many mentions stand behind the edge (0 for `issued_by`).
    pub fn count(&self) -> usize {
        self.count
    }
}

/// An edge as seen from outside: ids instead of indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeView<'a> {
    /// Citing node id.
    pub from: &'a str,
    /// Cited node id.
    pub to: &'a str,
    /// The edge.
    pub edge: &'a Edge,
}

/// Facts one citation gives about the document it cites, kept to recompute node attributes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct CitedFacts {
    symbol: Option<String>,
    name: Option<String>,
    year: Option<i32>,
    issuers: Vec<String>,
}

/// The citation graph.
#[derive(Debug, Default)]
pub struct CitationGraph {
    graph: StableDiGraph<Node, Edge>,
    index: HashMap<String, NodeIndex>,
    /// Every input built into the graph, with its header identity.
    inputs: BTreeMap<String, Option<Document>>,
    /// Header documents of a loaded store's inputs, still as their JSON: only a rebuild needs them parsed,
    /// and parsing a hundred thousand of them was a fifth of the load time.
    raw_documents: Vec<(String, Box<serde_json::value::RawValue>)>,
    /// Facts about cited documents that every mention agrees on (symbol, year, issuer codes).
    facts: HashMap<String, CitedFacts>,
    /// One shared copy of each repeated string (paths, dates, names).
    strings: HashMap<Box<str>, Arc<str>>,
    /// The loaded store's evidence section, which unparsed evidence ranges point into.
    store: Option<Arc<EvidenceSection>>,
    /// Input paths in store order, for the input indices of unparsed evidence.
    store_inputs: Vec<Arc<str>>,
    /// Compact adjacency for traversals, built on first use and dropped whenever the graph changes.
    dense: std::sync::OnceLock<Dense>,
}

/// Compressed adjacency over dense positions `0..n`: traversals over a million edges walk arrays instead of
/// petgraph's linked edge lists and hash no strings.
#[derive(Debug)]
pub struct Dense {
    /// Dense position → node index.
    nodes: Vec<NodeIndex>,
    /// Node index → dense position (`u32::MAX` for holes).
    position: Vec<u32>,
    /// Relation names; edges refer to them by number.
    pub relations: Vec<String>,
    out_start: Vec<u32>,
    out: Vec<(u32, u32)>,
    in_start: Vec<u32>,
    inward: Vec<(u32, u32)>,
    /// Per edge slot: relation number, mention count.
    edge: Vec<(u16, u32)>,
}

impl Dense {
    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether there are no nodes.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Neighbours of dense node `i`: `(other node, edge slot)`; outgoing (what it cites) or incoming.
    pub fn neighbours(&self, i: u32, outgoing: bool) -> &[(u32, u32)] {
        let i = i as usize;
        if outgoing {
            &self.out[self.out_start[i] as usize..self.out_start[i + 1] as usize]
        } else {
            &self.inward[self.in_start[i] as usize..self.in_start[i + 1] as usize]
        }
    }

    /// Relation number and mention count of an edge slot.
    pub fn edge(&self, slot: u32) -> (u16, u32) {
        self.edge[slot as usize]
    }
}

fn doc_node_id(id: &str) -> String {
    format!("doc:{id}")
}

fn is_local(code: &str) -> bool {
    matches!(code, "UBND" | "HĐND" | "UB" | "CT")
}

impl CitationGraph {
    /// An empty graph.
    pub fn new() -> CitationGraph {
        CitationGraph::default()
    }

    fn share(&mut self, s: &str) -> Arc<str> {
        if let Some(a) = self.strings.get(s) {
            return a.clone();
        }
        let a: Arc<str> = Arc::from(s);
        self.strings.insert(Box::from(s), a.clone());
        a
    }

    fn share_opt(&mut self, s: Option<&str>) -> Option<Arc<str>> {
        s.map(|s| self.share(s))
    }

    fn node_index(&mut self, id: &str, kind: NodeKind) -> NodeIndex {
        if let Some(&ix) = self.index.get(id) {
            return ix;
        }
        let ix = self.graph.add_node(Node::new(id.to_string(), kind));
        self.index.insert(id.to_string(), ix);
        ix
    }

    fn add_evidence(&mut self, from: NodeIndex, to: NodeIndex, relation: &str, evidence: Evidence) {
        let existing = self
            .graph
            .edges_connecting(from, to)
            .find(|e| e.weight().relation == relation)
            .map(|e| e.id());
        match existing {
            Some(e) => {
                if let Some(w) = self.graph.edge_weight_mut(e) {
                    w.evidence.push(evidence);
                    w.count = w.evidence.len();
                }
            }
            None => {
                self.graph
                    .add_edge(from, to, Edge::new(relation, vec![evidence]));
            }
        }
    }

    /// Adds inputs, replacing the evidence of any input already in the graph, and settles the attributes.
    pub fn add_inputs<'a>(&mut self, inputs: impl IntoIterator<Item = (&'a str, &'a Extraction)>) {
        self.stage(inputs);
        self.settle();
    }

    /// Adds inputs without recomputing attributes yet, so a large build can stream batches through and call
    /// [`CitationGraph::settle`] once at the end.
    pub fn stage<'a>(&mut self, inputs: impl IntoIterator<Item = (&'a str, &'a Extraction)>) {
        self.dense = std::sync::OnceLock::new();
        self.parse_all_evidence();
        self.parse_documents();
        let inputs: Vec<(&str, &Extraction)> = inputs.into_iter().collect();
        let again: BTreeSet<&str> = inputs
            .iter()
            .map(|(p, _)| *p)
            .filter(|p| self.inputs.contains_key(*p))
            .collect();
        if !again.is_empty() {
            self.remove_evidence_of(&again);
        }
        for (path, found) in inputs {
            self.add_one(path, found);
        }
    }

    fn add_one(&mut self, path: &str, found: &Extraction) {
        self.inputs.insert(path.to_string(), found.document.clone());
        let citing = match &found.document {
            Some(d) => {
                let id = doc_node_id(&d.id);
                self.facts.entry(id.clone()).or_insert_with(|| CitedFacts {
                    symbol: Some(d.symbol.clone()),
                    name: None,
                    year: d.year,
                    issuers: d.issuers.clone(),
                });
                self.node_index(&id, NodeKind::Document)
            }
            None => self.node_index(&format!("source:{path}"), NodeKind::Source),
        };
        let citing_id = self.graph[citing].id.clone();
        let source = self.share(path);
        for c in &found.citations {
            let id = doc_node_id(&c.id);
            if id == citing_id {
                continue;
            }
            self.facts.entry(id.clone()).or_insert_with(|| CitedFacts {
                symbol: Some(c.symbol.clone()),
                name: None,
                year: c.year,
                issuers: c.issuers.clone(),
            });
            let to = self.node_index(&id, NodeKind::Document);
            let evidence = Evidence {
                source: source.clone(),
                start: c.start,
                end: c.end,
                text: c.text.clone(),
                pinpoint: c.pinpoint.clone(),
                date: self.share_opt(c.date.as_deref()),
                doc_type: Some(self.share(&c.doc_type)),
                issuer_name: self.share_opt(c.issuer_name.as_deref()),
                partial: c.partial,
                said: Said::Act,
            };
            // A further relation keeps the mention as its evidence; where it is stated is in the extraction.
            for also in &c.also {
                self.add_evidence(citing, to, &also.relation, evidence.clone());
            }
            self.add_evidence(citing, to, &c.relation, evidence);
        }
        for n in &found.named {
            let id = doc_node_id(&n.id);
            self.facts.entry(id.clone()).or_insert_with(|| CitedFacts {
                symbol: n.symbol.clone(),
                name: Some(n.name.clone()),
                year: n.year,
                issuers: if n.doc_type == "ordinance" {
                    vec!["UBTVQH".into()]
                } else {
                    vec!["QH".into()]
                },
            });
            let to = self.node_index(&id, NodeKind::Document);
            let evidence = Evidence {
                source: source.clone(),
                start: n.start,
                end: n.end,
                text: n.text.clone(),
                pinpoint: None,
                date: self.share_opt(n.date.as_deref()),
                doc_type: Some(self.share(&n.doc_type)),
                issuer_name: None,
                partial: n.partial,
                said: Said::Act,
            };
            for also in &n.also {
                self.add_evidence(citing, to, &also.relation, evidence.clone());
            }
            self.add_evidence(citing, to, &n.relation, evidence);
        }
        self.add_reported(found, &citing_id, &source);
    }

    /// Edges the input reports between other documents (or, in a database note, another document's act on
    /// the input's own): actor → target, with the statement as evidence.
    fn add_reported(&mut self, found: &Extraction, citing_id: &str, source: &Arc<str>) {
        use crate::model::Ref;
        let id_of = |r: Ref| -> Option<String> {
            match r {
                Ref::Citation(i) => found.citations.get(i).map(|c| doc_node_id(&c.id)),
                Ref::Named(i) => found.named.get(i).map(|n| doc_node_id(&n.id)),
                Ref::Document => Some(citing_id.to_string()),
            }
        };
        for r in &found.reported {
            let (Some(actor), Some(target)) = (id_of(r.actor), id_of(r.target)) else {
                continue;
            };
            if actor == target || !actor.starts_with("doc:") || !target.starts_with("doc:") {
                continue;
            }
            let from = self.node_index(&actor, NodeKind::Document);
            let to = self.node_index(&target, NodeKind::Document);
            let text = match r.actor {
                Ref::Citation(i) => found.citations.get(i).map(|c| c.text.clone()),
                Ref::Named(i) => found.named.get(i).map(|n| n.text.clone()),
                Ref::Document => None,
            };
            let evidence = Evidence {
                source: source.clone(),
                start: r.start,
                end: r.end,
                text: text.unwrap_or_default(),
                pinpoint: r.pinpoint.clone(),
                date: None,
                doc_type: None,
                issuer_name: None,
                partial: None,
                said: if r.editorial {
                    Said::Editorial
                } else {
                    Said::Reported
                },
            };
            self.add_evidence(from, to, &r.relation, evidence);
        }
    }

    fn remove_evidence_of(&mut self, paths: &BTreeSet<&str>) {
        for p in paths {
            self.inputs.remove(*p);
        }
        let edges: Vec<_> = self.graph.edge_indices().collect();
        for e in edges {
            let empty = match self.graph.edge_weight_mut(e) {
                Some(w) => {
                    w.evidence.retain(|ev| !paths.contains(&*ev.source));
                    w.count = w.evidence.len();
                    w.evidence.is_empty()
                }
                None => false,
            };
            if empty {
                self.graph.remove_edge(e);
            }
        }
    }

    /// Recomputes every node's attributes from the inputs and the evidence, rebuilds `issued_by` edges and
    /// drops nodes nothing refers to any more. Independent of the order the inputs came in.
    pub fn settle(&mut self) {
        self.dense = std::sync::OnceLock::new();
        self.parse_documents();
        // issued_by edges are derived: drop them and add them again below.
        let issued: Vec<_> = self
            .graph
            .edge_indices()
            .filter(|&e| self.graph[e].relation == "issued_by")
            .collect();
        for e in issued {
            self.graph.remove_edge(e);
        }
        let mut defined: HashMap<String, Vec<(String, Document)>> = HashMap::default();
        let mut sources = Vec::new();
        for (path, doc) in &self.inputs {
            match doc {
                Some(d) => defined
                    .entry(doc_node_id(&d.id))
                    .or_default()
                    .push((path.clone(), d.clone())),
                None => sources.push(format!("source:{path}")),
            }
        }
        for id in sources {
            self.node_index(&id, NodeKind::Source);
        }
        let nodes: Vec<NodeIndex> = self.graph.node_indices().collect();
        for ix in nodes.iter().copied() {
            let id = self.graph[ix].id.clone();
            let kind = self.graph[ix].kind;
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
            let keep = match kind {
                NodeKind::Document => has_edges || defined.contains_key(&id),
                NodeKind::Source => self.inputs.contains_key(id.trim_start_matches("source:")),
                NodeKind::Issuer => false,
            };
            if !keep {
                self.graph.remove_node(ix);
                self.index.remove(&id);
                if kind == NodeKind::Document {
                    self.facts.remove(&id);
                }
                continue;
            }
            if kind == NodeKind::Document {
                let evidence: Vec<&Evidence> = self
                    .graph
                    .edges_directed(ix, Direction::Incoming)
                    .flat_map(|e| e.weight().evidence.iter())
                    .collect();
                let node = attributes(&id, self.facts.get(&id), defined.get(&id), &evidence);
                self.graph[ix] = node;
            } else if kind == NodeKind::Source {
                let path = id.trim_start_matches("source:").to_string();
                let mut node = Node::new(id, NodeKind::Source);
                node.defined_in = vec![path];
                self.graph[ix] = node;
            }
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
                let place = n.id.rsplit_once('~').map(|(_, p)| p.to_string());
                (ix, n.issuers.clone(), place, n.issuer_name.clone())
            })
            .collect();
        for (ix, issuers, place, issuer_name) in docs {
            for code in issuers {
                let local_place = place.as_ref().filter(|_| is_local(&code));
                let id = match local_place {
                    Some(p) => format!("issuer:{code}~{p}"),
                    None => format!("issuer:{code}"),
                };
                let issuer = self.node_index(&id, NodeKind::Issuer);
                let row_name = crate::data::tables().issuer_of_code(&code).map(|r| r.name);
                // A local body is named with its place ("Ủy ban nhân dân tỉnh Quảng Nam") when a document of
                // it says so; the smallest such name keeps the choice independent of input order.
                let named = issuer_name
                    .as_ref()
                    .filter(|n| local_place.is_some() && row_name.is_some_and(|r| n.starts_with(r)))
                    .cloned();
                let current = self.graph[issuer].name.clone();
                self.graph[issuer].name = match (current, named) {
                    (Some(c), Some(n)) if Some(c.as_str()) == row_name => Some(n),
                    (Some(c), Some(n)) => Some(c.min(n)),
                    (None, Some(n)) => Some(n),
                    (Some(c), None) => Some(c),
                    (None, None) => row_name.map(str::to_string),
                };
                self.graph
                    .add_edge(ix, issuer, Edge::new("issued_by", Vec::new()));
            }
        }
        for e in self.graph.edge_weights_mut() {
            e.evidence.sort();
            e.evidence.dedup();
            e.count = e.evidence.len();
        }
        // The ranking most queries ask for is kept with the nodes, so `top --by pagerank` reads it.
        let ranks: Vec<(String, f64)> = self
            .pagerank(
                PAGERANK_DAMPING,
                PAGERANK_TOLERANCE,
                PAGERANK_ROUNDS,
                &|r| r != "issued_by",
            )
            .into_iter()
            .map(|(id, r)| (id.to_string(), r))
            .collect();
        for (id, rank) in ranks {
            if let Some(&ix) = self.index.get(&id) {
                let node = &mut self.graph[ix];
                node.pagerank = (node.kind == NodeKind::Document).then_some(rank);
            }
        }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges (citation edges and `issued_by`).
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index.get(id).map(|&ix| &self.graph[ix])
    }

    /// Every node, sorted by id.
    pub fn nodes(&self) -> Vec<&Node> {
        let mut v: Vec<&Node> = self.graph.node_weights().collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// Every edge, sorted by (from, to, relation).
    pub fn edges(&self) -> Vec<EdgeView<'_>> {
        let mut v: Vec<EdgeView<'_>> = (&self.graph)
            .edge_references()
            .map(|e| EdgeView {
                from: &self.graph[e.source()].id,
                to: &self.graph[e.target()].id,
                edge: e.weight(),
            })
            .collect();
        v.sort_by(|a, b| (a.from, a.to, &a.edge.relation).cmp(&(b.from, b.to, &b.edge.relation)));
        v
    }

    /// The compact adjacency, built on first use.
    pub fn dense(&self) -> &Dense {
        self.dense.get_or_init(|| {
            // Positions follow id order and relation numbers follow name order, so traversals can sort by
            // numbers and still list results in id order.
            let mut nodes: Vec<NodeIndex> = self.graph.node_indices().collect();
            // A loaded store already lists its nodes in id order.
            if !nodes.is_sorted_by(|a, b| self.graph[*a].id <= self.graph[*b].id) {
                nodes.sort_by(|a, b| self.graph[*a].id.cmp(&self.graph[*b].id));
            }
            let mut position = vec![u32::MAX; self.graph.node_bound()];
            for (i, ix) in nodes.iter().enumerate() {
                position[ix.index()] = i as u32;
            }
            let names: BTreeSet<&str> = self
                .graph
                .edge_weights()
                .map(|w| w.relation.as_str())
                .collect();
            let relations: Vec<String> = names.iter().map(|r| r.to_string()).collect();
            let relation_no: HashMap<&str, u16> = names
                .iter()
                .enumerate()
                .map(|(i, r)| (*r, i as u16))
                .collect();
            let mut edge = Vec::with_capacity(self.graph.edge_count());
            let mut pairs: Vec<(u32, u32, u32)> = Vec::with_capacity(self.graph.edge_count());
            for e in (&self.graph).edge_references() {
                let w = e.weight();
                let r = relation_no.get(w.relation.as_str()).copied().unwrap_or(0);
                let slot = edge.len() as u32;
                edge.push((r, w.count as u32));
                pairs.push((
                    position[e.source().index()],
                    position[e.target().index()],
                    slot,
                ));
            }
            let n = nodes.len();
            type Key<'k> = &'k dyn Fn(&(u32, u32, u32)) -> (u32, u32);
            let csr = |key: Key<'_>| {
                let mut start = vec![0u32; n + 1];
                for p in &pairs {
                    start[key(p).0 as usize + 1] += 1;
                }
                for i in 0..n {
                    start[i + 1] += start[i];
                }
                let mut fill = start.clone();
                let mut list = vec![(0u32, 0u32); pairs.len()];
                for p in &pairs {
                    let (from, other) = key(p);
                    list[fill[from as usize] as usize] = (other, p.2);
                    fill[from as usize] += 1;
                }
                (start, list)
            };
            let (out_start, out) = csr(&|p| (p.0, p.1));
            let (in_start, inward) = csr(&|p| (p.1, p.0));
            Dense {
                nodes,
                position,
                relations,
                out_start,
                out,
                in_start,
                inward,
                edge,
            }
        })
    }

    /// The dense position of a node id.
    pub fn dense_position(&self, id: &str) -> Option<u32> {
        let ix = self.index.get(id)?;
        self.dense()
            .position
            .get(ix.index())
            .copied()
            .filter(|&p| p != u32::MAX)
    }

    /// The node at a dense position.
    pub fn dense_node(&self, position: u32) -> &Node {
        &self.graph[self.dense().nodes[position as usize]]
    }

    /// Every node, unsorted.
    pub fn nodes_unordered(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_weights()
    }

    /// Edges leaving (`Outgoing`) or entering (`Incoming`) a node.
    pub fn edges_of(&self, id: &str, direction: Direction) -> Vec<EdgeView<'_>> {
        let Some(&ix) = self.index.get(id) else {
            return Vec::new();
        };
        let mut v: Vec<EdgeView<'_>> = self
            .graph
            .edges_directed(ix, direction)
            .map(|e| EdgeView {
                from: &self.graph[e.source()].id,
                to: &self.graph[e.target()].id,
                edge: e.weight(),
            })
            .collect();
        v.sort_by(|a, b| (a.from, a.to, &a.edge.relation).cmp(&(b.from, b.to, &b.edge.relation)));
        v
    }

    /// The mentions behind an edge, read from the store if they were not yet.
    pub fn evidence<'a>(&'a self, edge: &'a Edge) -> Cow<'a, [Evidence]> {
        match (&edge.raw, &self.store) {
            (Some(range), Some(section)) => Cow::Owned(
                section
                    .read(range.clone())
                    .ok()
                    .and_then(|bytes| {
                        parse_evidence(&bytes, &self.store_inputs, &mut |s: &str| Arc::from(s)).ok()
                    })
                    .unwrap_or_default(),
            ),
            _ => Cow::Borrowed(&edge.evidence),
        }
    }

    /// Parses the header documents a loaded store kept as JSON.
    fn parse_documents(&mut self) {
        for (path, raw) in std::mem::take(&mut self.raw_documents) {
            let doc: Option<Document> = serde_json::from_str(raw.get()).unwrap_or(None);
            self.inputs.insert(path, doc);
        }
    }

    /// Reads every edge's evidence, before the graph changes.
    fn parse_all_evidence(&mut self) {
        let Some(section) = self.store.take() else {
            return;
        };
        let bytes = section.read_all().unwrap_or_default();
        let inputs = std::mem::take(&mut self.store_inputs);
        let edges: Vec<_> = self.graph.edge_indices().collect();
        let mut strings = std::mem::take(&mut self.strings);
        for e in edges {
            let Some(range) = self.graph[e].raw.take() else {
                continue;
            };
            let parsed = bytes
                .get(range)
                .and_then(|b| {
                    parse_evidence(b, &inputs, &mut |s: &str| {
                        if let Some(a) = strings.get(s) {
                            return a.clone();
                        }
                        let a: Arc<str> = Arc::from(s);
                        strings.insert(Box::from(s), a.clone());
                        a
                    })
                    .ok()
                })
                .unwrap_or_default();
            let w = &mut self.graph[e];
            w.evidence = parsed;
            w.count = w.evidence.len();
        }
        self.strings = strings;
    }

    /// PageRank over the edges whose relation `follows` accepts, by sparse power iteration (petgraph's is
    /// dense and quadratic). Dangling nodes spread their rank evenly. Scores sum to 1.
    pub fn pagerank(
        &self,
        damping: f64,
        tolerance: f64,
        max_iterations: usize,
        follows: &dyn Fn(&str) -> bool,
    ) -> Vec<(&str, f64)> {
        let d = self.dense();
        let n = d.len();
        if n == 0 {
            return Vec::new();
        }
        let follows: Vec<bool> = d.relations.iter().map(|r| follows(r)).collect();
        let out_degree: Vec<u32> = (0..n as u32)
            .map(|i| {
                d.neighbours(i, true)
                    .iter()
                    .filter(|&&(_, slot)| follows[d.edge(slot).0 as usize])
                    .count() as u32
            })
            .collect();
        // The followed incoming links as one flat list, read front to back every iteration.
        let mut in_start: Vec<u32> = Vec::with_capacity(n + 1);
        let mut in_src: Vec<u32> = Vec::new();
        in_start.push(0);
        for i in 0..n as u32 {
            let from = in_src.len();
            in_src.extend(
                d.neighbours(i, false)
                    .iter()
                    .filter(|&&(_, slot)| follows[d.edge(slot).0 as usize])
                    .map(|&(src, _)| src),
            );
            // Sorted sources read the shares array in order.
            in_src[from..].sort_unstable();
            in_start.push(in_src.len() as u32);
        }
        let mut rank = vec![1.0 / n as f64; n];
        let mut next = vec![0.0f64; n];
        let mut share = vec![0.0f64; n];
        for _ in 0..max_iterations {
            let mut dangling = 0.0;
            for ((s, r), &o) in share.iter_mut().zip(&rank).zip(&out_degree) {
                if o == 0 {
                    dangling += r;
                    *s = 0.0;
                } else {
                    *s = r / f64::from(o);
                }
            }
            let base = (1.0 - damping) / n as f64 + damping * dangling / n as f64;
            for (i, slot_next) in next.iter_mut().enumerate() {
                let sources = &in_src[in_start[i] as usize..in_start[i + 1] as usize];
                let sum: f64 = sources.iter().map(|&src| share[src as usize]).sum();
                *slot_next = base + damping * sum;
            }
            let delta: f64 = next.iter().zip(&rank).map(|(x, y)| (x - y).abs()).sum();
            std::mem::swap(&mut rank, &mut next);
            if delta < tolerance {
                break;
            }
        }
        (0..n)
            .map(|i| (self.dense_node(i as u32).id.as_str(), rank[i]))
            .collect()
    }
}

/// The value most sources give (ties broken by the smallest value), with every distinct value when they
/// disagree. A document's own header outranks any mention of it.
fn pick(own: Vec<String>, mentions: Vec<String>) -> (Option<String>, Vec<String>) {
    let mut all: BTreeSet<String> = own.iter().cloned().collect();
    all.extend(mentions.iter().cloned());
    let primary = if let Some(first) = own.iter().min() {
        Some(first.clone())
    } else {
        let mut counts: BTreeMap<&String, usize> = BTreeMap::new();
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
    id: &str,
    facts: Option<&CitedFacts>,
    own: Option<&Vec<(String, Document)>>,
    evidence: &[&Evidence],
) -> Node {
    let mut node = Node::new(id.to_string(), NodeKind::Document);
    let own: Vec<&(String, Document)> = own.map(|v| v.iter().collect()).unwrap_or_default();
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
    node.defined_in = own.iter().map(|(p, _)| p.clone()).collect();
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
        own.iter().map(|(_, d)| d.doc_type.clone()).collect(),
        evidence
            .iter()
            .filter_map(|e| e.doc_type.as_deref().map(str::to_string))
            .collect(),
    );
    node.date = date;
    node.title = title;
    node.issuer_name = issuer_name;
    node.doc_type = doc_type;
    if node.year.is_none() {
        node.year = node.date.as_deref().and_then(|d| d.get(..4)?.parse().ok());
    }
    node.ambiguous = id.ends_with("@?") || id.contains("@?~");
    node
}

/// The graph as written to disk: see the README, "Graph store". Written from borrowed data and read into
/// borrowed strings where the JSON allows, so neither direction copies a million evidence texts twice.
/// An input as read: its header document stays JSON until a rebuild needs it.
#[derive(Deserialize)]
struct StoreInputIn<'a> {
    #[serde(borrow)]
    path: Cow<'a, str>,
    document: Box<serde_json::value::RawValue>,
}

/// An input's document as written: parsed, or still the JSON it was loaded as.
#[derive(Serialize)]
#[serde(untagged)]
enum DocumentOut<'a> {
    Parsed(Option<&'a Document>),
    Raw(&'a serde_json::value::RawValue),
}

#[derive(Serialize)]
struct StoreInputOut<'a> {
    path: &'a str,
    document: DocumentOut<'a>,
}

/// The store's first line: everything but the evidence, which follows one line per edge.
#[derive(Serialize)]
struct StoreHeaderOut<'a> {
    format: &'a str,
    inputs: Vec<StoreInputOut<'a>>,
    nodes: Vec<&'a Node>,
    edges: Vec<StoreEdgeOut<'a>>,
}

/// An edge as `[from, to, relation, count, offset, length]`: `from` and `to` are positions in `nodes`, and
/// offset and length place its evidence line in the evidence section. Arrays of numbers keep a million-edge
/// first line small and quick to read.
type StoreEdgeOut<'a> = (usize, usize, &'a str, usize, usize, usize);

/// Where a loaded store's evidence lines are: the file itself (read on demand) or bytes in memory.
#[derive(Debug)]
pub(crate) enum EvidenceSection {
    File(std::sync::Mutex<std::fs::File>, u64),
    Bytes(Vec<u8>),
}

impl EvidenceSection {
    fn read(&self, range: std::ops::Range<usize>) -> std::io::Result<Vec<u8>> {
        use std::io::{Read, Seek, SeekFrom};
        match self {
            EvidenceSection::Bytes(b) => Ok(b.get(range).map(<[u8]>::to_vec).unwrap_or_default()),
            EvidenceSection::File(file, base) => {
                let mut f = file
                    .lock()
                    .map_err(|_| std::io::Error::other("store file lock poisoned"))?;
                f.seek(SeekFrom::Start(base + range.start as u64))?;
                let mut buf = vec![0; range.len()];
                f.read_exact(&mut buf)?;
                Ok(buf)
            }
        }
    }

    fn read_all(&self) -> std::io::Result<Vec<u8>> {
        use std::io::{Read, Seek, SeekFrom};
        match self {
            EvidenceSection::Bytes(b) => Ok(b.clone()),
            EvidenceSection::File(file, base) => {
                let mut f = file
                    .lock()
                    .map_err(|_| std::io::Error::other("store file lock poisoned"))?;
                f.seek(SeekFrom::Start(*base))?;
                let mut buf = Vec::new();
                f.read_to_end(&mut buf)?;
                Ok(buf)
            }
        }
    }
}

/// Parses one edge's evidence array from the store.
fn parse_evidence(
    bytes: &[u8],
    inputs: &[Arc<str>],
    share: &mut dyn FnMut(&str) -> Arc<str>,
) -> Result<Vec<Evidence>, String> {
    let raw: Vec<StoreEvidence<'_>> = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    raw.into_iter()
        .map(|ev| {
            let source = inputs
                .get(ev.input)
                .cloned()
                .ok_or_else(|| format!("evidence names input {} of {}", ev.input, inputs.len()))?;
            Ok(Evidence {
                source,
                start: ev.start,
                end: ev.end,
                text: ev.text.into_owned(),
                pinpoint: ev.pinpoint.map(Cow::into_owned),
                date: ev.date.as_deref().map(&mut *share),
                doc_type: ev.doc_type.as_deref().map(&mut *share),
                issuer_name: ev.issuer_name.as_deref().map(&mut *share),
                partial: ev.partial,
                said: ev.said,
            })
        })
        .collect()
}

/// An edge as read from the first line (see [`StoreEdgeOut`]): its evidence stays where it is.
type StoreEdgeIn<'a> = (usize, usize, Cow<'a, str>, usize, usize, usize);

#[derive(Deserialize)]
struct StoreFileIn<'a> {
    #[serde(borrow)]
    format: Cow<'a, str>,
    #[serde(borrow)]
    inputs: Vec<StoreInputIn<'a>>,
    nodes: Vec<Node>,
    #[serde(borrow)]
    edges: Vec<StoreEdgeIn<'a>>,
}

/// Evidence with its input as an index into `inputs`, which keeps million-edge stores small.
#[derive(Debug, Serialize, Deserialize)]
struct StoreEvidence<'a> {
    input: usize,
    start: usize,
    end: usize,
    #[serde(borrow)]
    text: Cow<'a, str>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pinpoint: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    date: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    doc_type: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    issuer_name: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    partial: Option<bool>,
    #[serde(default, skip_serializing_if = "Said::is_act")]
    said: Said,
}

/// Why a store could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The store path.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not a store, or it is damaged.
    #[error("{path}: not a vncite graph store or damaged: {message}")]
    Damaged {
        /// The store path.
        path: String,
        /// What the parser said.
        message: String,
    },
    /// A store written by another version of the format.
    #[error("{path}: store format {found:?}, this vncite reads {FORMAT:?}; rebuild it with `vncite graph build`")]
    Version {
        /// The store path.
        path: String,
        /// The format tag found.
        found: String,
    },
}

impl CitationGraph {
    /// Writes the store to `path` atomically: a temporary file in the same directory, renamed over the target,
    /// so an interrupted run never leaves a half-written store.
    pub fn save(&self, path: &std::path::Path) -> Result<(), StoreError> {
        use std::io::Write;
        let io = |e: std::io::Error| StoreError::Io {
            path: path.display().to_string(),
            source: e,
        };
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
        {
            let mut w = std::io::BufWriter::new(tmp.as_file_mut());
            self.write_store(&mut w).map_err(io)?;
            w.flush().map_err(io)?;
        }
        // Temporary files are created private; a store is an ordinary file for its readers.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            tmp.as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644))
                .map_err(io)?;
        }
        tmp.persist(path).map_err(|e| io(e.error))?;
        Ok(())
    }

    /// Writes the store: a first line holding the format, inputs, nodes and edges, then one line per edge
    /// holding its evidence as a JSON array. Loading reads the first line only, and the evidence of an edge
    /// when something asks for it. Nodes, edges and evidence are sorted, so equal graphs give equal bytes.
    pub fn write_store(&self, w: &mut impl std::io::Write) -> std::io::Result<()> {
        let mut inputs: Vec<StoreInputOut<'_>> = self
            .inputs
            .iter()
            .map(|(p, d)| StoreInputOut {
                path: p,
                document: DocumentOut::Parsed(d.as_ref()),
            })
            .chain(self.raw_documents.iter().map(|(p, raw)| StoreInputOut {
                path: p,
                document: DocumentOut::Raw(raw),
            }))
            .collect();
        inputs.sort_by(|a, b| a.path.cmp(b.path));
        let position: HashMap<&str, usize> = inputs
            .iter()
            .enumerate()
            .map(|(i, input)| (input.path, i))
            .collect();
        let nodes = self.nodes();
        let node_position: HashMap<&str, usize> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let edges = self.edges();
        let mut section: Vec<u8> = Vec::new();
        let mut out_edges = Vec::with_capacity(edges.len());
        for e in &edges {
            let at = section.len();
            let evidence = self.evidence(e.edge);
            let rows: Vec<StoreEvidence<'_>> = evidence
                .iter()
                .map(|ev| StoreEvidence {
                    input: position.get(&*ev.source).copied().unwrap_or(usize::MAX),
                    start: ev.start,
                    end: ev.end,
                    text: Cow::Borrowed(&ev.text),
                    pinpoint: ev.pinpoint.as_deref().map(Cow::Borrowed),
                    date: ev.date.as_deref().map(Cow::Borrowed),
                    doc_type: ev.doc_type.as_deref().map(Cow::Borrowed),
                    issuer_name: ev.issuer_name.as_deref().map(Cow::Borrowed),
                    partial: ev.partial,
                    said: ev.said,
                })
                .collect();
            serde_json::to_writer(&mut section, &rows).map_err(std::io::Error::other)?;
            out_edges.push((
                node_position.get(e.from).copied().unwrap_or(usize::MAX),
                node_position.get(e.to).copied().unwrap_or(usize::MAX),
                e.edge.relation.as_str(),
                e.edge.count,
                at,
                section.len() - at,
            ));
            section.push(b'\n');
        }
        let header = StoreHeaderOut {
            format: FORMAT,
            inputs,
            nodes,
            edges: out_edges,
        };
        serde_json::to_writer(&mut *w, &header).map_err(std::io::Error::other)?;
        w.write_all(b"\n")?;
        w.write_all(&section)
    }

    /// Reads a store written by [`CitationGraph::save`]: its first line now, evidence when asked for.
    pub fn load(path: &std::path::Path) -> Result<CitationGraph, StoreError> {
        use std::io::BufRead;
        let name = path.display().to_string();
        let io = |e: std::io::Error| StoreError::Io {
            path: name.clone(),
            source: e,
        };
        let file = std::fs::File::open(path).map_err(io)?;
        let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
        let mut header = Vec::new();
        reader.read_until(b'\n', &mut header).map_err(io)?;
        let base = header.len() as u64;
        let file = reader.into_inner();
        CitationGraph::from_header(
            &header,
            &name,
            EvidenceSection::File(std::sync::Mutex::new(file), base),
        )
    }

    /// Reads a store from its bytes in memory; `name` is used in errors.
    pub fn from_store_bytes(bytes: Vec<u8>, name: &str) -> Result<CitationGraph, StoreError> {
        let split = bytes
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| p + 1);
        let section = bytes[split..].to_vec();
        CitationGraph::from_header(&bytes[..split], name, EvidenceSection::Bytes(section))
    }

    fn from_header(
        header: &[u8],
        name: &str,
        section: EvidenceSection,
    ) -> Result<CitationGraph, StoreError> {
        #[derive(Deserialize)]
        struct Format {
            format: Option<String>,
        }
        let damaged = |message: String| StoreError::Damaged {
            path: name.to_string(),
            message,
        };
        // One fast validation lets the parser skip checking every string again.
        let text =
            simdutf8::basic::from_utf8(header).map_err(|_| damaged("not UTF-8".to_string()))?;
        let file: StoreFileIn<'_> = match serde_json::from_str(text) {
            Ok(f) => f,
            Err(e) => {
                // Tell a store of another version from a damaged one.
                if let Ok(Format {
                    format: Some(found),
                }) = serde_json::from_str::<Format>(text)
                {
                    if found != FORMAT {
                        return Err(StoreError::Version {
                            path: name.to_string(),
                            found,
                        });
                    }
                }
                return Err(damaged(e.to_string()));
            }
        };
        if file.format != FORMAT {
            return Err(StoreError::Version {
                path: name.to_string(),
                found: file.format.into_owned(),
            });
        }
        let mut g = CitationGraph::new();
        let paths: Vec<Arc<str>> = file.inputs.iter().map(|i| g.share(&i.path)).collect();
        g.raw_documents = file
            .inputs
            .into_iter()
            .map(|i| (i.path.into_owned(), i.document))
            .collect();
        g.graph.reserve_nodes(file.nodes.len());
        g.graph.reserve_edges(file.edges.len());
        let mut positions: Vec<NodeIndex> = Vec::with_capacity(file.nodes.len());
        for node in file.nodes {
            if node.kind == NodeKind::Document {
                g.facts.insert(
                    node.id.clone(),
                    CitedFacts {
                        symbol: node.symbol.clone(),
                        name: node.name.clone(),
                        year: node.year,
                        issuers: node.issuers.clone(),
                    },
                );
            }
            let id = node.id.clone();
            let ix = g.graph.add_node(node);
            g.index.insert(id, ix);
            positions.push(ix);
        }
        for (from, to, relation, count, at, len) in file.edges {
            let (Some(&from), Some(&to)) = (positions.get(from), positions.get(to)) else {
                return Err(damaged(format!(
                    "edge {from} -> {to} names a node the store lacks ({} nodes)",
                    positions.len()
                )));
            };
            g.graph.add_edge(
                from,
                to,
                Edge {
                    relation: relation.into_owned(),
                    count,
                    evidence: Vec::new(),
                    raw: Some(at..at + len),
                },
            );
        }
        g.store_inputs = paths;
        g.store = Some(Arc::new(section));
        Ok(g)
    }
}

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
    pub documents_by_type: BTreeMap<String, usize>,
    /// Documents by issuer node.
    pub documents_by_issuer: BTreeMap<String, usize>,
    /// Citation edges by relation (`issued_by` included).
    pub edges_by_relation: BTreeMap<String, usize>,
    /// Mentions by relation.
    pub mentions_by_relation: BTreeMap<String, usize>,
    /// Documents whose year no text gave, and the mentions that point at them.
    pub ambiguous_documents: usize,
    /// Mentions of ambiguous documents.
    pub ambiguous_mentions: usize,
    /// Documents whose inputs disagree on some field.
    pub documents_with_conflicts: usize,
    /// Most-cited documents: (id, mentions, citing nodes), most first.
    pub most_cited: Vec<(String, usize, usize)>,
}

impl CitationGraph {
    /// Counts by type, issuer and relation, ambiguous references, and the `top` most-cited documents.
    pub fn stats(&self, top: usize) -> Stats {
        let mut s = Stats {
            inputs: self.inputs.len() + self.raw_documents.len(),
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
            most_cited: Vec::new(),
        };
        let mut cited: Vec<(String, usize, usize)> = Vec::new();
        for ix in self.graph.node_indices() {
            let n = &self.graph[ix];
            match n.kind {
                NodeKind::Document => {
                    s.documents += 1;
                    *s.documents_by_type
                        .entry(n.doc_type.clone().unwrap_or_else(|| "unknown".into()))
                        .or_insert(0) += 1;
                    let incoming: Vec<_> = self
                        .graph
                        .edges_directed(ix, Direction::Incoming)
                        .filter(|e| e.weight().relation != "issued_by")
                        .collect();
                    let mentions: usize = incoming.iter().map(|e| e.weight().count).sum();
                    let citing: BTreeSet<NodeIndex> = incoming.iter().map(|e| e.source()).collect();
                    if n.ambiguous {
                        s.ambiguous_documents += 1;
                        s.ambiguous_mentions += mentions;
                    }
                    if !n.conflicts.is_empty() {
                        s.documents_with_conflicts += 1;
                    }
                    if mentions > 0 {
                        cited.push((n.id.clone(), mentions, citing.len()));
                    }
                }
                NodeKind::Issuer => s.issuers += 1,
                NodeKind::Source => s.sources += 1,
            }
        }
        for e in (&self.graph).edge_references() {
            let w = e.weight();
            *s.edges_by_relation.entry(w.relation.clone()).or_insert(0) += 1;
            if w.relation == "issued_by" {
                *s.documents_by_issuer
                    .entry(self.graph[e.target()].id.clone())
                    .or_insert(0) += 1;
            } else {
                *s.mentions_by_relation
                    .entry(w.relation.clone())
                    .or_insert(0) += w.count;
            }
        }
        cited.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        cited.truncate(top);
        s.most_cited = cited;
        s
    }
}
