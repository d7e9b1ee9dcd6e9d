//! The compact adjacency traversals walk: positions `0..n` in id order, edges as arrays.

use super::{CitationGraph, Node};
use crate::vocab::Relation;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

/// One edge as a row of the adjacency lists it: the node at its other end, and what a traversal filters and
/// reports on, inline, so that a walk reads its rows front to back and nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// The dense position of the node at the other end.
    pub other: u32,
    /// Its relation, as a number into [`Dense::relations`].
    pub relation: u16,
    /// Mentions behind it.
    pub count: u32,
}

/// Compressed adjacency over dense positions `0..n`: traversals over a million edges walk arrays instead of
/// petgraph's linked edge lists and hash no strings.
#[derive(Debug)]
pub struct Dense {
    /// Dense position → node index.
    nodes: Vec<NodeIndex>,
    /// Node index → dense position (`u32::MAX` for holes).
    position: Vec<u32>,
    /// The relations present; edges refer to them by number.
    pub relations: Vec<Relation>,
    out_start: Vec<u32>,
    out: Vec<Link>,
    in_start: Vec<u32>,
    inward: Vec<Link>,
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

    /// The links of dense node `i`, sorted by other node and relation: outgoing (what it cites) or incoming.
    pub fn neighbours(&self, i: u32, outgoing: bool) -> &[Link] {
        let i = i as usize;
        if outgoing {
            &self.out[self.out_start[i] as usize..self.out_start[i + 1] as usize]
        } else {
            &self.inward[self.in_start[i] as usize..self.in_start[i + 1] as usize]
        }
    }
}

impl CitationGraph {
    /// The compact adjacency, built on first use.
    pub fn dense(&self) -> &Dense {
        self.dense.get_or_init(|| {
            // Positions follow id order and relation numbers follow name order, so traversals can sort by
            // numbers and still list results in id order.
            let (nodes, position) = self.id_order();
            let names: BTreeSet<Relation> = self.graph.edge_weights().map(|w| w.relation).collect();
            let relations: Vec<Relation> = names.iter().copied().collect();
            let relation_no: HashMap<Relation, u16> = names
                .iter()
                .enumerate()
                .map(|(i, r)| (*r, i as u16))
                .collect();
            // (from, to, relation, count)
            let mut pairs: Vec<(u32, u32, u16, u32)> = Vec::with_capacity(self.graph.edge_count());
            for e in (&self.graph).edge_references() {
                let w = e.weight();
                pairs.push((
                    position[e.source().index()],
                    position[e.target().index()],
                    relation_no.get(&w.relation).copied().unwrap_or(0),
                    w.count,
                ));
            }
            let n = nodes.len();
            let csr = |outgoing: bool| {
                let ends =
                    |p: &(u32, u32, u16, u32)| if outgoing { (p.0, p.1) } else { (p.1, p.0) };
                let mut start = vec![0u32; n + 1];
                for p in &pairs {
                    start[ends(p).0 as usize + 1] += 1;
                }
                for i in 0..n {
                    start[i + 1] += start[i];
                }
                let mut fill = start.clone();
                let empty = Link {
                    other: 0,
                    relation: 0,
                    count: 0,
                };
                let mut list = vec![empty; pairs.len()];
                for p in &pairs {
                    let (at, other) = ends(p);
                    list[fill[at as usize] as usize] = Link {
                        other,
                        relation: p.2,
                        count: p.3,
                    };
                    fill[at as usize] += 1;
                }
                // Each row in (other node, relation) order, so that a traversal reading rows in position order
                // lists edges sorted. A loaded store's rows already are.
                let order = |l: &Link| (l.other, l.relation);
                for w in start.windows(2) {
                    let row = &mut list[w[0] as usize..w[1] as usize];
                    if !row.is_sorted_by_key(order) {
                        row.sort_unstable_by_key(order);
                    }
                }
                (start, list)
            };
            let ((out_start, out), (in_start, inward)) = super::join(|| csr(true), || csr(false));
            Dense {
                nodes,
                position,
                relations,
                out_start,
                out,
                in_start,
                inward,
            }
        })
    }

    /// The node indices in id order, and each index's position in it (`u32::MAX` for holes). The ids
    /// are sorted beside their indices: sorting indices by ids read through the nodes missed the cache
    /// at every comparison.
    pub(super) fn id_order(&self) -> (Vec<NodeIndex>, Vec<u32>) {
        let mut ids: Vec<(&str, NodeIndex)> = self
            .graph
            .node_indices()
            .map(|ix| (self.graph[ix].id.as_str(), ix))
            .collect();
        // A loaded store already lists its nodes in id order.
        if !ids.is_sorted_by(|a, b| a.0 <= b.0) {
            ids.sort_unstable_by(|a, b| a.0.cmp(b.0));
        }
        let mut position = vec![u32::MAX; self.graph.node_bound()];
        for (i, (_, ix)) in ids.iter().enumerate() {
            position[ix.index()] = i as u32;
        }
        (ids.into_iter().map(|(_, ix)| ix).collect(), position)
    }

    /// The id order and positions of the compact adjacency when it is built already, else worked out.
    pub(super) fn id_order_cached(
        &self,
    ) -> (
        std::borrow::Cow<'_, [NodeIndex]>,
        std::borrow::Cow<'_, [u32]>,
    ) {
        use std::borrow::Cow;
        match self.dense.get() {
            Some(d) => (Cow::Borrowed(&d.nodes), Cow::Borrowed(&d.position)),
            None => {
                let (nodes, position) = self.id_order();
                (Cow::Owned(nodes), Cow::Owned(position))
            }
        }
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
}
