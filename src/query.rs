//! The `query` stage: lineage questions over a [`CitationGraph`] — what a document builds on, what builds on
//! it, the chain between two documents, whether it is still in force, and the most important documents.

use crate::graph::{CitationGraph, Node, NodeKind};
use petgraph::Direction;
use serde::Serialize;
use std::collections::{BTreeSet, VecDeque};

/// Why a document reference could not be resolved to one node.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    /// The text names no document the extractor can read.
    #[error("{0:?} names no document: give a node id or a reference such as \"Nghị định 30/2020/NĐ-CP\"")]
    NoReference(String),
    /// Several documents match (a year-less symbol cited in several years, or several provinces).
    #[error("{query:?} matches {} documents; name one of them:\n{}", .candidates.len(), .candidates.iter().map(|c| format!("  {c}")).collect::<Vec<_>>().join("\n"))]
    Ambiguous {
        /// What was asked.
        query: String,
        /// Matching ids with their dates.
        candidates: Vec<String>,
    },
    /// No document matches.
    #[error("{query:?} is not in the graph{}", if .nearest.is_empty() { String::new() } else { format!("; nearest ids:\n{}", .nearest.iter().map(|c| format!("  {c}")).collect::<Vec<_>>().join("\n")) })]
    NotFound {
        /// What was asked.
        query: String,
        /// The closest ids by spelling.
        nearest: Vec<String>,
    },
}

/// Node and edge filters that compose with every query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Follow only these relations (all citation relations when empty).
    pub relations: BTreeSet<String>,
    /// Keep only documents of these doc types (all when empty).
    pub doc_types: BTreeSet<String>,
    /// Keep only documents of these issuers: codes (`TTg`) or issuer ids (`issuer:UBND~lao-cai`).
    pub issuers: BTreeSet<String>,
    /// Keep only documents issued in or after this year.
    pub from_year: Option<i32>,
    /// Keep only documents issued in or before this year.
    pub to_year: Option<i32>,
}

impl Filter {
    fn follows(&self, relation: &str) -> bool {
        relation != "issued_by" && (self.relations.is_empty() || self.relations.contains(relation))
    }

    fn has_node_filters(&self) -> bool {
        !self.doc_types.is_empty()
            || !self.issuers.is_empty()
            || self.from_year.is_some()
            || self.to_year.is_some()
    }

    /// Whether a node passes the node filters.
    pub fn keeps(&self, graph: &CitationGraph, node: &Node) -> bool {
        if !self.doc_types.is_empty()
            && !node
                .doc_type
                .as_ref()
                .is_some_and(|t| self.doc_types.contains(t))
        {
            return false;
        }
        if !self.issuers.is_empty() {
            let by_code = node.issuers.iter().any(|c| self.issuers.contains(c));
            let by_id = graph
                .edges_of(&node.id, Direction::Outgoing)
                .iter()
                .any(|e| e.edge.relation == "issued_by" && self.issuers.contains(e.to));
            if !by_code && !by_id {
                return false;
            }
        }
        match node.year {
            Some(y) => self.from_year.is_none_or(|f| y >= f) && self.to_year.is_none_or(|t| y <= t),
            None => self.from_year.is_none() && self.to_year.is_none(),
        }
    }
}

/// A node in a query result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResultNode {
    /// Node id.
    pub id: String,
    /// Distance from the queried document (0 for itself).
    pub depth: usize,
    /// Whether it passes the node filters (nodes that do not are kept only to show the way to those that do).
    pub matches: bool,
    /// Symbol, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// Doc type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<String>,
    /// Issue date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Title or name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// An edge in a query result.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ResultEdge {
    /// Citing node.
    pub from: String,
    /// Cited node.
    pub to: String,
    /// Relation from the citing node's point of view.
    pub relation: String,
    /// Mentions behind it.
    pub count: usize,
}

/// The part of the graph a lineage query reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lineage {
    /// The queried document.
    pub root: String,
    /// `ancestors` (what it builds on) or `descendants` (what builds on it).
    pub direction: String,
    /// Nodes in breadth-first order.
    pub nodes: Vec<ResultNode>,
    /// Edges between them, sorted.
    pub edges: Vec<ResultEdge>,
}

fn result_node(node: &Node, depth: usize, matches: bool) -> ResultNode {
    ResultNode {
        id: node.id.clone(),
        depth,
        matches,
        symbol: node.symbol.clone(),
        doc_type: node.doc_type.clone(),
        date: node.date.clone(),
        title: node.title.clone().or_else(|| node.name.clone()),
    }
}

/// Resolves a node id or a free-text reference ("Nghị quyết 128/NQ-CP ngày 11/9/2020") to one node id.
pub fn resolve_doc(graph: &CitationGraph, query: &str) -> Result<String, QueryError> {
    let q = query.trim();
    for id in [q.to_string(), format!("doc:{q}")] {
        if graph.node(&id).is_some() {
            return Ok(id);
        }
    }
    let found = crate::extract(q.strip_prefix("doc:").unwrap_or(q));
    let Some(c) = found.citations.first() else {
        if let Some(n) = found.named.first() {
            let named: Vec<&Node> = graph
                .nodes()
                .into_iter()
                .filter(|node| {
                    node.name.as_deref().is_some_and(|name| {
                        crate::normalize::fold(name) == crate::normalize::fold(&n.name)
                    })
                })
                .filter(|node| n.year.is_none() || node.year == n.year)
                .collect();
            return pick_one(query, named, graph);
        }
        return Err(QueryError::NoReference(query.to_string()));
    };
    let exact = format!("doc:{}", c.id);
    if graph.node(&exact).is_some() {
        return Ok(exact);
    }
    let candidates: Vec<&Node> = graph
        .nodes()
        .into_iter()
        .filter(|n| n.symbol.as_deref() == Some(c.symbol.as_str()))
        .filter(|n| c.year.is_none() || n.year == c.year || n.year.is_none())
        .collect();
    pick_one(query, candidates, graph)
}

fn pick_one(
    query: &str,
    candidates: Vec<&Node>,
    graph: &CitationGraph,
) -> Result<String, QueryError> {
    match candidates.as_slice() {
        [one] => Ok(one.id.clone()),
        [] => Err(QueryError::NotFound {
            query: query.to_string(),
            nearest: nearest_ids(graph, query),
        }),
        many => Err(QueryError::Ambiguous {
            query: query.to_string(),
            candidates: many
                .iter()
                .map(|n| match &n.date {
                    Some(d) => format!("{} ({d})", n.id),
                    None => n.id.clone(),
                })
                .collect(),
        }),
    }
}

/// The five document ids spelled most like the symbol in `query`.
fn nearest_ids(graph: &CitationGraph, query: &str) -> Vec<String> {
    let wanted = crate::extract(query)
        .citations
        .first()
        .map(|c| c.symbol.clone())
        .unwrap_or_else(|| query.to_string());
    let mut scored: Vec<(usize, &str)> = graph
        .nodes()
        .into_iter()
        .filter(|n| n.kind == NodeKind::Document)
        .map(|n| {
            let key = n.symbol.as_deref().or(n.name.as_deref()).unwrap_or(&n.id);
            (strsim::levenshtein(key, &wanted), n.id.as_str())
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(5)
        .map(|(_, id)| id.to_string())
        .collect()
}

/// What `root` builds on (`Outgoing`: ancestors) or what builds on it (`Incoming`: descendants), breadth first
/// up to `depth` steps (unbounded when `None`). Nodes that fail the node filters are kept only on the way to
/// nodes that pass them.
pub fn lineage(
    graph: &CitationGraph,
    root: &str,
    direction: Direction,
    depth: Option<usize>,
    filter: &Filter,
) -> Lineage {
    let mut seen: rustc_hash::FxHashMap<&str, usize> = Default::default();
    let Some(root_node) = graph.node(root) else {
        return Lineage {
            root: root.to_string(),
            direction: direction_name(direction).to_string(),
            nodes: Vec::new(),
            edges: Vec::new(),
        };
    };
    let root: &str = &root_node.id;
    seen.insert(root, 0);
    let mut order: Vec<(&str, usize)> = vec![(root, 0)];
    let mut edges: Vec<(&str, &str, &str, usize)> = Vec::new();
    let mut parents: rustc_hash::FxHashMap<&str, Vec<&str>> = Default::default();
    let mut queue = VecDeque::from([(root, 0usize)]);
    while let Some((id, d)) = queue.pop_front() {
        if depth.is_some_and(|max| d >= max) {
            continue;
        }
        for e in graph.neighbors(id, direction) {
            if !filter.follows(&e.edge.relation) {
                continue;
            }
            let next = if direction == Direction::Outgoing {
                e.to
            } else {
                e.from
            };
            edges.push((e.from, e.to, e.edge.relation.as_str(), e.edge.count()));
            if !seen.contains_key(next) {
                seen.insert(next, d + 1);
                order.push((next, d + 1));
                queue.push_back((next, d + 1));
            }
            // Only shortest-route parents lead back to the root; a cycle's closing edge does not.
            if seen.get(next) == Some(&(d + 1)) {
                parents.entry(next).or_default().push(id);
            }
        }
    }
    // Breadth-first order made independent of adjacency order.
    order.sort_by(|a, b| (a.1, a.0).cmp(&(b.1, b.0)));
    let matching: BTreeSet<&str> = order
        .iter()
        .filter(|(id, d)| *d == 0 || graph.node(id).is_some_and(|n| filter.keeps(graph, n)))
        .map(|(id, _)| *id)
        .collect();
    let keep: BTreeSet<&str> = if filter.has_node_filters() {
        // Keep matching nodes and the nodes on their way back to the root.
        let mut keep = matching.clone();
        let mut stack: Vec<&str> = matching.iter().copied().collect();
        while let Some(id) = stack.pop() {
            for p in parents.get(id).into_iter().flatten() {
                if keep.insert(p) {
                    stack.push(p);
                }
            }
        }
        keep
    } else {
        order.iter().map(|(id, _)| *id).collect()
    };
    let nodes = order
        .iter()
        .filter(|(id, _)| keep.contains(id))
        .filter_map(|(id, d)| {
            graph
                .node(id)
                .map(|n| result_node(n, *d, matching.contains(id)))
        })
        .collect();
    edges.retain(|(f, t, _, _)| keep.contains(f) && keep.contains(t));
    edges.sort_unstable();
    edges.dedup();
    let edges: Vec<ResultEdge> = edges
        .into_iter()
        .map(|(from, to, relation, count)| ResultEdge {
            from: from.to_string(),
            to: to.to_string(),
            relation: relation.to_string(),
            count,
        })
        .collect();
    Lineage {
        root: root.to_string(),
        direction: direction_name(direction).to_string(),
        nodes,
        edges,
    }
}

fn direction_name(direction: Direction) -> &'static str {
    if direction == Direction::Outgoing {
        "ancestors"
    } else {
        "descendants"
    }
}

/// The shortest citation chains from `from` to `to` (following citing → cited), at most `limit` of them.
/// When there is none that way, the chains from `to` to `from`. Empty when the two are not connected.
pub fn paths(
    graph: &CitationGraph,
    from: &str,
    to: &str,
    filter: &Filter,
    limit: usize,
) -> Vec<Vec<ResultEdge>> {
    let forward = shortest_paths(graph, from, to, filter, limit);
    if forward.is_empty() {
        shortest_paths(graph, to, from, filter, limit)
    } else {
        forward
    }
}

fn shortest_paths(
    graph: &CitationGraph,
    from: &str,
    to: &str,
    filter: &Filter,
    limit: usize,
) -> Vec<Vec<ResultEdge>> {
    // Breadth-first layers with every predecessor on a shortest route kept, then routes read back.
    let (Some(from_node), Some(to_node)) = (graph.node(from), graph.node(to)) else {
        return Vec::new();
    };
    let (from, to) = (from_node.id.as_str(), to_node.id.as_str());
    if from == to {
        return Vec::new();
    }
    let mut dist: rustc_hash::FxHashMap<&str, usize> = Default::default();
    dist.insert(from, 0);
    let mut preds: rustc_hash::FxHashMap<&str, Vec<(&str, &str, usize)>> = Default::default();
    let mut queue = VecDeque::from([from]);
    while let Some(id) = queue.pop_front() {
        let d = dist[id];
        if dist.get(to).is_some_and(|&t| d >= t) {
            break;
        }
        for e in graph.neighbors(id, Direction::Outgoing) {
            if !filter.follows(&e.edge.relation) {
                continue;
            }
            let step = (e.from, e.edge.relation.as_str(), e.edge.count());
            match dist.get(e.to) {
                None => {
                    dist.insert(e.to, d + 1);
                    preds.entry(e.to).or_default().push(step);
                    queue.push_back(e.to);
                }
                Some(&nd) if nd == d + 1 => preds.entry(e.to).or_default().push(step),
                Some(_) => {}
            }
        }
    }
    if !dist.contains_key(to) {
        return Vec::new();
    }
    for p in preds.values_mut() {
        p.sort_unstable();
    }
    let mut out = Vec::new();
    let mut stack: Vec<(&str, Vec<ResultEdge>)> = vec![(to, Vec::new())];
    while let Some((id, tail)) = stack.pop() {
        if out.len() >= limit {
            break;
        }
        if id == from {
            let mut route = tail;
            route.reverse();
            out.push(route);
            continue;
        }
        for &(prev, relation, count) in preds.get(id).into_iter().flatten().rev() {
            let mut t = tail.clone();
            t.push(ResultEdge {
                from: prev.to_string(),
                to: id.to_string(),
                relation: relation.to_string(),
                count,
            });
            stack.push((prev, t));
        }
    }
    out
}

/// What the corpus says about a document's force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Status {
    /// The document.
    pub id: String,
    /// `in force as far as the corpus knows`, `amended`, `partly repealed`, `repealed`, `replaced`.
    pub verdict: String,
    /// Every amending, replacing, repealing or correcting document, oldest first.
    pub changes: Vec<Change>,
}

/// One document that changes another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The changing document.
    pub by: String,
    /// `amends`, `replaces`, `repeals`, `corrects`.
    pub relation: String,
    /// Its date, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The parts it touches, when the mentions say ("Điều 3").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<String>,
}

/// Amended by, replaced by, repealed by: is `id` still in force as far as the graph knows?
pub fn status(graph: &CitationGraph, id: &str) -> Status {
    let mut changes: Vec<Change> = graph
        .edges_of(id, Direction::Incoming)
        .into_iter()
        .filter(|e| {
            matches!(
                e.edge.relation.as_str(),
                "amends" | "replaces" | "repeals" | "corrects"
            )
        })
        .map(|e| {
            let parts: BTreeSet<String> = graph
                .evidence(e.edge)
                .iter()
                .filter_map(|ev| ev.pinpoint.clone())
                .collect();
            Change {
                by: e.from.to_string(),
                relation: e.edge.relation.clone(),
                date: graph.node(e.from).and_then(|n| n.date.clone()),
                parts: parts.into_iter().collect(),
            }
        })
        .collect();
    changes.sort_by(|a, b| (&a.date, &a.by, &a.relation).cmp(&(&b.date, &b.by, &b.relation)));
    let has = |r: &str, whole: bool| {
        changes
            .iter()
            .any(|c| c.relation == r && (!whole || c.parts.is_empty()))
    };
    let verdict = if has("replaces", true) {
        "replaced"
    } else if has("repeals", true) {
        "repealed"
    } else if has("repeals", false) {
        "partly repealed"
    } else if has("amends", false) {
        "amended"
    } else {
        "in force as far as the corpus knows"
    };
    Status {
        id: id.to_string(),
        verdict: verdict.to_string(),
        changes,
    }
}

/// How to rank documents in [`top`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rank {
    /// By mentions received.
    Cited,
    /// By PageRank over citation edges.
    PageRank,
}

/// One ranked document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    /// Node id.
    pub id: String,
    /// Mentions or PageRank score.
    pub score: f64,
    /// Doc type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<String>,
    /// Issue date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Title or name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// The `limit` highest-ranked documents that pass the filter.
pub fn top(graph: &CitationGraph, by: Rank, filter: &Filter, limit: usize) -> Vec<Ranked> {
    let mut scores: Vec<(f64, &str)> = match by {
        Rank::Cited => graph
            .nodes_unordered()
            .filter(|n| n.kind == NodeKind::Document)
            .map(|n| {
                let mentions: usize = graph
                    .neighbors(&n.id, Direction::Incoming)
                    .filter(|e| filter.follows(&e.edge.relation))
                    .map(|e| e.edge.count())
                    .sum();
                (mentions as f64, n.id.as_str())
            })
            .collect(),
        Rank::PageRank => graph
            .pagerank(0.85, 1e-7, 60, &|r| filter.follows(r))
            .into_iter()
            .map(|(id, s)| (s, id))
            .collect(),
    };
    scores.retain(|(s, id)| {
        *s > 0.0
            && graph.node(id).is_some_and(|n| {
                n.kind == NodeKind::Document
                    && (!filter.has_node_filters() || filter.keeps(graph, n))
            })
    });
    // Only the first `limit` need ordering: select them, then sort those.
    let order = |a: &(f64, &str), b: &(f64, &str)| b.0.total_cmp(&a.0).then(a.1.cmp(b.1));
    if scores.len() > limit && limit > 0 {
        scores.select_nth_unstable_by(limit - 1, order);
        scores.truncate(limit);
    }
    scores.sort_unstable_by(order);
    scores
        .into_iter()
        .take(limit)
        .filter_map(|(score, id)| {
            let n = graph.node(id)?;
            Some(Ranked {
                id: id.to_string(),
                score,
                doc_type: n.doc_type.clone(),
                date: n.date.clone(),
                title: n.title.clone().or_else(|| n.name.clone()),
            })
        })
        .collect()
}
