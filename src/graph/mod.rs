//! The citation graph: documents, issuers and sources, with one edge per (citing, cited, relation) carrying
//! every mention as evidence.
//!
//! [`CitationGraph`] wraps a petgraph `StableDiGraph` behind our own [`NodeId`]s, so no petgraph type leaks
//! out. The graph is a pure function of the inputs it was built from: node attributes are recomputed from the
//! inputs' headers and the evidence of every mention, so the order of inputs never changes the result, and
//! re-adding a file replaces its evidence instead of duplicating it.
//!
//! - `build`: inputs in, evidence on edges; `settle`: node attributes and `issued_by` edges from them;
//! - `dense`: the compact adjacency traversals walk; `rank`: PageRank; `stats`: counts;
//! - `verify`: the invariants every build and load keeps; `store`: the file format and its strict loader.

mod build;
mod dense;
mod identity;
mod rank;
mod settle;
mod stats;
pub mod store;
mod verify;

pub use crate::id::{NodeId, NodeKind};
pub use dense::Dense;
pub use rank::{PAGERANK_DAMPING, PAGERANK_ROUNDS, PAGERANK_TOLERANCE};
pub use stats::Stats;
pub use store::FORMAT;
pub use verify::Violation;

use crate::model::Document;
use crate::vocab::{DocType, Relation};
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Which way an edge is followed from a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Edges leaving the node: what it cites.
    Outgoing,
    /// Edges entering the node: what cites it.
    Incoming,
}

impl From<Direction> for petgraph::Direction {
    fn from(d: Direction) -> petgraph::Direction {
        match d {
            Direction::Outgoing => petgraph::Direction::Outgoing,
            Direction::Incoming => petgraph::Direction::Incoming,
        }
    }
}

/// A node with its merged attributes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Node {
    /// Stable id: `doc:<id>`, `issuer:<code>[~place]`, `source:<path>`.
    pub id: NodeId,
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
    pub doc_type: Option<DocType>,
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
    fn new(id: NodeId) -> Node {
        Node {
            kind: id.kind(),
            id,
            ..Node::default()
        }
    }
}

/// One mention behind an edge. Strings that repeat across mentions (input path, date, issuer name) are
/// shared, which keeps a million-mention graph within memory.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[non_exhaustive]
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
    pub doc_type: Option<DocType>,
    /// Issuer the mention names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer_name: Option<Arc<str>>,
    /// For a change: whether it touches only part of the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<bool>,
    /// Who says it: the citing input acting (the default), or the input reporting what another document did.
    #[serde(skip_serializing_if = "Said::is_act")]
    pub said: Said,
    /// The words state a change the dates or ranks make impossible; the edge is `cites` (see
    /// [`crate::Citation::doubtful`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub doubtful: bool,
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
    /// Who says it, as the status printouts write it: "its own text", "reported", "database note".
    pub fn describe(self) -> &'static str {
        match self {
            Said::Act => "its own text",
            Said::Reported => "reported",
            Said::Editorial => "database note",
        }
    }

    pub(crate) fn is_act(&self) -> bool {
        *self == Said::Act
    }
}

/// An edge: `relation` from the citing node's point of view, or `issued_by` to an issuer.
///
/// A loaded store keeps each edge's evidence unparsed in the store until something needs it: queries and
/// statistics only need the count, and parsing a million mentions was most of the load time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Relation.
    pub relation: Relation,
    count: u32,
    mentions: Mentions,
}

/// An edge's evidence: parsed, where it is in the loaded store, or parsed from a line of the loaded store
/// and unchanged since, so that saving can copy that line instead of writing it again.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mentions {
    Parsed(Vec<Evidence>),
    Stored(store::RawEvidence),
    /// Boxed, so that an edge is 40 bytes rather than 56: few edges are in this state, and a million-edge
    /// graph touches every byte of its edge table when it loads.
    Loaded(Box<(Vec<Evidence>, store::RawEvidence)>),
}

impl Edge {
    fn new(relation: Relation, evidence: Vec<Evidence>) -> Edge {
        Edge {
            relation,
            count: u32::try_from(evidence.len()).unwrap_or(u32::MAX),
            mentions: Mentions::Parsed(evidence),
        }
    }

    /// How many mentions stand behind the edge (0 for `issued_by`).
    pub fn count(&self) -> usize {
        self.count as usize
    }

    /// The parsed evidence; none while it is still in the loaded store.
    fn parsed(&self) -> &[Evidence] {
        match &self.mentions {
            Mentions::Parsed(v) => v,
            Mentions::Loaded(loaded) => &loaded.0,
            Mentions::Stored(_) => &[],
        }
    }

    /// The parsed evidence, to change it; the count follows through [`Edge::recount`]. Only a graph whose
    /// evidence was all read (`parse_all_evidence`) is changed, so an edge still in the store has none. The
    /// store line it was read from no longer stands for it.
    fn parsed_mut(&mut self) -> &mut Vec<Evidence> {
        self.mentions = match std::mem::replace(&mut self.mentions, Mentions::Parsed(Vec::new())) {
            Mentions::Parsed(v) => Mentions::Parsed(v),
            Mentions::Loaded(loaded) => Mentions::Parsed(loaded.0),
            Mentions::Stored(_) => {
                debug_assert!(false, "an edge is changed before its evidence was read");
                Mentions::Parsed(Vec::new())
            }
        };
        match &mut self.mentions {
            Mentions::Parsed(v) => v,
            _ => unreachable!("replaced just above"),
        }
    }

    /// The loaded store's line that still holds exactly this edge's evidence, if any.
    fn store_line(&self) -> Option<&store::RawEvidence> {
        match &self.mentions {
            Mentions::Stored(raw) => Some(raw),
            Mentions::Loaded(loaded) => Some(&loaded.1),
            Mentions::Parsed(_) => None,
        }
    }

    /// Sets the count to the parsed evidence's length.
    fn recount(&mut self) {
        self.count = u32::try_from(self.parsed().len()).unwrap_or(u32::MAX);
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
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
struct CitedFacts {
    symbol: Option<String>,
    name: Option<String>,
    year: Option<i32>,
    issuers: Vec<String>,
}

impl CitedFacts {
    /// The name mentions by name give, if any did: spelled out rather than abbreviated ("Luật Tổ chức Hội
    /// đồng nhân dân và Ủy ban nhân dân" over "Luật Tổ chức HĐND và UBND", one node), then the one most
    /// mentions give, then the least: a choice independent of the order the inputs came in.
    fn chosen_name(counts: &BTreeMap<CitedFacts, usize>) -> Option<String> {
        let mut names: BTreeMap<&str, usize> = BTreeMap::new();
        for (f, n) in counts {
            if let Some(name) = f.name.as_deref() {
                *names.entry(name).or_insert(0) += n;
            }
        }
        names
            .into_iter()
            .map(|(name, n)| {
                (
                    std::cmp::Reverse(crate::data::abbreviated_words(name)),
                    n,
                    name,
                )
            })
            .max_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| b.2.cmp(a.2)))
            .map(|(_, _, name)| name.to_string())
    }

    /// The facts most mentions give; between equally many, those that say more (a year, a symbol), then the
    /// least in their order: a choice independent of the order the inputs came in.
    fn chosen(counts: &BTreeMap<CitedFacts, usize>) -> Option<&CitedFacts> {
        let said = |f: &CitedFacts| {
            usize::from(f.symbol.is_some())
                + usize::from(f.name.is_some())
                + usize::from(f.year.is_some())
        };
        counts
            .iter()
            .max_by(|a, b| {
                (a.1, said(a.0))
                    .cmp(&(b.1, said(b.0)))
                    .then_with(|| b.0.cmp(a.0))
            })
            .map(|(f, _)| f)
    }
}

/// The citation graph.
#[derive(Debug, Default)]
pub struct CitationGraph {
    // Nodes are boxed so that the graph's own node table stays small: adding a million edges touches two
    // entries each, and 300-byte entries missed the cache on every one.
    graph: StableDiGraph<Box<Node>, Edge>,
    index: HashMap<NodeId, NodeIndex>,
    /// Every input built into the graph, with its header identity.
    inputs: BTreeMap<String, Option<Document>>,
    /// A loaded store's inputs, in store order, whose header documents are still unread on its documents
    /// line: only a rebuild needs them, and parsing a hundred thousand of them was a fifth of the load time.
    pending_inputs: Vec<String>,
    /// Facts about cited documents that every mention agrees on (symbol, year, issuer codes).
    facts: HashMap<NodeId, BTreeMap<CitedFacts, usize>>,
    /// Whether `facts` is still to be read off a loaded store's nodes: only a rebuild needs it, and a
    /// hundred thousand small maps were a third of a load's memory.
    facts_pending: bool,
    /// One shared copy of each repeated string (paths, dates, names).
    strings: HashMap<Box<str>, Arc<str>>,
    /// The loaded store, which unparsed evidence points into.
    store: Option<Arc<store::Loaded>>,
    /// The loaded store after its evidence was all read: lines of edges that did not change since are
    /// copied from it when the graph is saved.
    lines_from: Option<Arc<store::Loaded>>,
    /// Compact adjacency for traversals, built on first use and dropped whenever the graph changes.
    dense: std::sync::OnceLock<Dense>,
    /// The nodes that inputs staged since the last settle gave evidence, facts or a header, so that
    /// settling reworks only them; `None` when every node is to be settled again (a new graph, inputs read
    /// again, merged nodes).
    touched: Option<rustc_hash::FxHashSet<NodeIndex>>,
    /// Whether every evidence line still unparsed in the loaded store was checked whole.
    stored_checked: bool,
}

impl CitationGraph {
    /// An empty graph.
    pub fn new() -> CitationGraph {
        CitationGraph::default()
    }

    fn share(&mut self, s: &str) -> Arc<str> {
        share(&mut self.strings, s)
    }

    fn share_opt(&mut self, s: Option<&str>) -> Option<Arc<str>> {
        s.map(|s| self.share(s))
    }

    fn node_index(&mut self, id: &NodeId) -> NodeIndex {
        if let Some(&ix) = self.index.get(id) {
            return ix;
        }
        let ix = self.graph.add_node(Box::new(Node::new(id.clone())));
        self.index.insert(id.clone(), ix);
        ix
    }

    /// Whether an input of this name was built into the graph.
    pub fn has_input(&self, name: &str) -> bool {
        self.inputs.contains_key(name) || self.pending_inputs.iter().any(|p| p == name)
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
        self.index.get(id).map(|&ix| &*self.graph[ix])
    }

    /// Every node, sorted by id.
    pub fn nodes(&self) -> Vec<&Node> {
        let mut v: Vec<&Node> = self.nodes_unordered().collect();
        v.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// Every node, unsorted.
    pub fn nodes_unordered(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_weights().map(|n| &**n)
    }

    /// Every edge, sorted by (from, to, relation).
    pub fn edges(&self) -> Vec<EdgeView<'_>> {
        let (nodes, ranked) = self.nodes_and_edges();
        ranked
            .into_iter()
            .map(|e| EdgeView {
                from: nodes[e.from as usize].id.as_str(),
                to: nodes[e.to as usize].id.as_str(),
                edge: e.edge,
            })
            .collect()
    }

    /// Every node sorted by id, and every edge sorted by (from, to, relation) with its ends' positions
    /// in that node order, which is what the store's edge table records.
    pub(crate) fn nodes_and_edges(&self) -> (Vec<&Node>, Vec<RankedEdge<'_>>) {
        // Sorted by the ends' ranks in id order rather than by the ids themselves: a million edges
        // compared as strings took half a second. Ids are unique, so the order is the same; the edge
        // index last keeps it total, as the stable sort by ids did.
        // Ranks by node index in a table small enough to stay in cache: reading the ids off the nodes
        // missed the cache twice an edge. Settling has just built them for PageRank.
        let (order, rank) = self.id_order_cached();
        let nodes: Vec<&Node> = order.iter().map(|ix| &*self.graph[*ix]).collect();
        // Edges still on their store line were loaded in the store's order, which is this order (adding
        // nodes never reorders the ids already there): only the others are sorted, then the two merged.
        // The keys are 16 bytes an edge: on this kind of machine, touching fresh memory for a million
        // wider records cost more than sorting them.
        let mut stored: Vec<EdgeKey> = Vec::with_capacity(self.graph.edge_count());
        let mut fresh: Vec<EdgeKey> = Vec::new();
        for e in self.graph.edge_references() {
            let key = (
                rank[e.source().index()],
                rank[e.target().index()],
                e.weight().relation,
                e.id().index() as u32,
            );
            if e.weight().store_line().is_some() {
                stored.push(key);
            } else {
                fresh.push(key);
            }
        }
        if !stored.is_sorted() {
            sort_keys(&mut stored);
        }
        sort_keys(&mut fresh);
        let mut merged = Vec::with_capacity(stored.len() + fresh.len());
        let (mut a, mut b) = (stored.into_iter().peekable(), fresh.into_iter().peekable());
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) if x <= y => a.next(),
                (Some(_), Some(_)) => b.next(),
                (Some(_), None) => a.next(),
                (None, _) => b.next(),
            };
            match next {
                Some((from, to, _, index)) => merged.push(RankedEdge {
                    from,
                    to,
                    edge: &self.graph[petgraph::stable_graph::EdgeIndex::new(index as usize)],
                }),
                None => break,
            }
        }
        (nodes, merged)
    }

    /// Edges leaving (`Outgoing`) or entering (`Incoming`) a node.
    pub fn edges_of(&self, id: &str, direction: Direction) -> Vec<EdgeView<'_>> {
        let Some(&ix) = self.index.get(id) else {
            return Vec::new();
        };
        let mut v: Vec<EdgeView<'_>> = self
            .graph
            .edges_directed(ix, direction.into())
            .map(|e| self.view(e))
            .collect();
        sort_views(&mut v);
        v
    }

    fn view<'a>(&'a self, e: petgraph::stable_graph::EdgeReference<'a, Edge>) -> EdgeView<'a> {
        EdgeView {
            from: self.graph[e.source()].id.as_str(),
            to: self.graph[e.target()].id.as_str(),
            edge: e.weight(),
        }
    }

    /// The mentions behind an edge, read from the store if they were not yet. A damaged evidence line is
    /// an error naming the store and the line, never an empty list.
    pub fn evidence<'a>(&'a self, edge: &'a Edge) -> Result<Cow<'a, [Evidence]>, crate::Error> {
        match (&edge.mentions, &self.store) {
            (Mentions::Stored(raw), Some(loaded)) => loaded
                .evidence(raw, edge.count(), &mut |s: &str| Arc::from(s))
                .map(Cow::Owned),
            _ => Ok(Cow::Borrowed(edge.parsed())),
        }
    }
}

/// An edge's key in store order: the ends' ranks in id order, the relation, the edge's index.
type EdgeKey = (u32, u32, Relation, u32);

/// An edge with its ends' positions in the nodes sorted by id.
pub(crate) struct RankedEdge<'g> {
    pub(crate) from: u32,
    pub(crate) to: u32,
    pub(crate) edge: &'g Edge,
}

/// Keys sorted, on every core of the current rayon pool with the `parallel` feature.
fn sort_keys(v: &mut [EdgeKey]) {
    #[cfg(feature = "parallel")]
    rayon::slice::ParallelSliceMut::par_sort_unstable(v);
    #[cfg(not(feature = "parallel"))]
    v.sort_unstable();
}

fn sort_views(v: &mut [EdgeView<'_>]) {
    v.sort_by(|a, b| (a.from, a.to, a.edge.relation).cmp(&(b.from, b.to, b.edge.relation)));
}

/// Threads of the current rayon pool; one without the `parallel` feature.
fn pool_threads() -> usize {
    #[cfg(feature = "parallel")]
    return rayon::current_num_threads();
    #[cfg(not(feature = "parallel"))]
    return 1;
}

/// `work` on each of `items`, on every core of the current rayon pool with the `parallel` feature, the
/// results in the items' order.
pub(crate) fn map_in_order<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync + Send,
) -> Vec<R> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items.par_iter().map(work).collect()
    }
    #[cfg(not(feature = "parallel"))]
    items.iter().map(work).collect()
}

/// `items` cut into a few runs per thread of the current rayon pool: cores finishing early take another,
/// while each run's own copy of repeated strings (dates, issuer names) stays a few copies in all.
pub(crate) fn runs<T>(items: &[T]) -> Vec<&[T]> {
    items
        .chunks(items.len().div_ceil(pool_threads() * 4).max(1))
        .collect()
}

/// `work(first, chunk)` on each `size`-long chunk of `items`, `first` being the chunk's first position, on
/// every core of the current rayon pool with the `parallel` feature.
fn for_each_chunk_mut<T: Send>(
    items: &mut [T],
    size: usize,
    work: impl Fn(usize, &mut [T]) + Sync + Send,
) {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items
            .par_chunks_mut(size)
            .enumerate()
            .for_each(|(k, chunk)| work(k * size, chunk));
    }
    #[cfg(not(feature = "parallel"))]
    for (k, chunk) in items.chunks_mut(size).enumerate() {
        work(k * size, chunk);
    }
}

/// `a()` and `b()`, side by side on the current rayon pool with the `parallel` feature.
fn join<A: Send, B: Send>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    #[cfg(feature = "parallel")]
    return rayon::join(a, b);
    #[cfg(not(feature = "parallel"))]
    return (a(), b());
}

/// One shared copy of `s` in `strings`.
fn share(strings: &mut HashMap<Box<str>, Arc<str>>, s: &str) -> Arc<str> {
    if let Some(a) = strings.get(s) {
        return a.clone();
    }
    let a: Arc<str> = Arc::from(s);
    strings.insert(Box::from(s), a.clone());
    a
}

#[cfg(test)]
mod sizes {
    /// A loaded graph's edge table is touched whole: an edge stays this small.
    #[test]
    fn an_edge_stays_forty_bytes() {
        assert_eq!(std::mem::size_of::<super::Edge>(), 40);
    }
}
