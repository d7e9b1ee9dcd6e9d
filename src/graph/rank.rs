//! PageRank by sparse power iteration over the compact adjacency.

use super::{CitationGraph, NodeId};
use crate::vocab::Relation;

/// PageRank settings used for the stored ranks and for `top --by pagerank`.
pub const PAGERANK_DAMPING: f64 = 0.85;
/// Stop when the ranks move less than this in total (L1) in one round.
pub const PAGERANK_TOLERANCE: f64 = 1e-5;
/// At most this many rounds.
pub const PAGERANK_ROUNDS: usize = 40;

/// Nodes per unit of parallel work in one round: a 200,000-node graph gives each core a dozen.
const RANK_CHUNK: usize = 8192;

impl CitationGraph {
    /// PageRank over the edges whose relation `follows` accepts, by sparse power iteration (petgraph's is
    /// dense and quadratic). Dangling nodes spread their rank evenly. Scores sum to 1.
    pub fn pagerank(
        &self,
        damping: f64,
        tolerance: f64,
        max_iterations: usize,
        follows: &dyn Fn(Relation) -> bool,
    ) -> Vec<(&NodeId, f64)> {
        let d = self.dense();
        let n = d.len();
        if n == 0 {
            return Vec::new();
        }
        let follows: Vec<bool> = d.relations.iter().map(|r| follows(*r)).collect();
        let out_degree: Vec<u32> = (0..n as u32)
            .map(|i| {
                d.neighbours(i, true)
                    .iter()
                    .filter(|l| follows[l.relation as usize])
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
                    .filter(|l| follows[l.relation as usize])
                    .map(|l| l.other),
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
            // Each node sums its own sources in their order, so the ranks do not depend on the cores.
            super::for_each_chunk_mut(&mut next, RANK_CHUNK, |first, chunk| {
                for (i, slot_next) in (first..).zip(chunk.iter_mut()) {
                    let sources = &in_src[in_start[i] as usize..in_start[i + 1] as usize];
                    let sum: f64 = sources.iter().map(|&src| share[src as usize]).sum();
                    *slot_next = base + damping * sum;
                }
            });
            let delta: f64 = next.iter().zip(&rank).map(|(x, y)| (x - y).abs()).sum();
            std::mem::swap(&mut rank, &mut next);
            if delta < tolerance {
                break;
            }
        }
        (0..n)
            .map(|i| (&self.dense_node(i as u32).id, rank[i]))
            .collect()
    }
}
