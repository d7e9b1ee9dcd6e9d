//! The compact adjacency traversals walk: positions `0..n` in id order, edges as arrays.

use super::{CitationGraph, Node};
use crate::vocab::Relation;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

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

impl CitationGraph {
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
            let names: BTreeSet<Relation> = self.graph.edge_weights().map(|w| w.relation).collect();
            let relations: Vec<Relation> = names.iter().copied().collect();
            let relation_no: HashMap<Relation, u16> = names
                .iter()
                .enumerate()
                .map(|(i, r)| (*r, i as u16))
                .collect();
            let mut edge = Vec::with_capacity(self.graph.edge_count());
            let mut pairs: Vec<(u32, u32, u32)> = Vec::with_capacity(self.graph.edge_count());
            for e in (&self.graph).edge_references() {
                let w = e.weight();
                let r = relation_no.get(&w.relation).copied().unwrap_or(0);
                let slot = edge.len() as u32;
                edge.push((r, w.count));
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
}
