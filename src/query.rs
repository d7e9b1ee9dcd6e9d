//! The `query` stage: lineage questions over a [`CitationGraph`] — what a document builds on, what builds on
//! it, the chain between two documents, whether it is still in force, and the most important documents.

use crate::error::ErrorKind;
use crate::graph::{CitationGraph, Direction, Node, NodeKind};
use crate::vocab::{DocType, Relation};
use serde::Serialize;
use std::collections::BTreeSet;

/// Node and edge filters that compose with every query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Follow only these relations (all citation relations when empty).
    pub relations: BTreeSet<Relation>,
    /// Keep only documents of these doc types (all when empty).
    pub doc_types: BTreeSet<DocType>,
    /// Keep only documents of these issuers: codes (`TTg`) or issuer ids (`issuer:UBND~lao-cai`).
    pub issuers: BTreeSet<String>,
    /// Keep only documents issued in or after this year.
    pub from_year: Option<i32>,
    /// Keep only documents issued in or before this year.
    pub to_year: Option<i32>,
}

impl Filter {
    fn follows(&self, relation: Relation) -> bool {
        relation != Relation::IssuedBy
            && (self.relations.is_empty() || self.relations.contains(&relation))
    }

    fn has_node_filters(&self) -> bool {
        !self.doc_types.is_empty()
            || !self.issuers.is_empty()
            || self.from_year.is_some()
            || self.to_year.is_some()
    }

    /// Whether a node passes the node filters.
    pub fn keeps(&self, graph: &CitationGraph, node: &Node) -> bool {
        if !self.doc_types.is_empty() && !node.doc_type.is_some_and(|t| self.doc_types.contains(&t))
        {
            return false;
        }
        if !self.issuers.is_empty() {
            let by_code = node.issuers.iter().any(|c| self.issuers.contains(c));
            let by_id = graph
                .edges_of(node.id.as_str(), Direction::Outgoing)
                .iter()
                .any(|e| e.edge.relation == Relation::IssuedBy && self.issuers.contains(e.to));
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

/// A node in a query result, borrowed from the graph: a large answer lists tens of thousands of nodes, and
/// copying their strings cost more than finding them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResultNode<'g> {
    /// Node id.
    pub id: &'g str,
    /// Distance from the queried document (0 for itself).
    pub depth: usize,
    /// Whether it passes the node filters (nodes that do not are kept only to show the way to those that do).
    pub matches: bool,
    /// Symbol, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symbol: Option<&'g str>,
    /// Doc type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<DocType>,
    /// Issue date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'g str>,
    /// Title or name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'g str>,
}

/// An edge in a query result, its ends borrowed from the graph.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ResultEdge<'g> {
    /// Citing node.
    pub from: &'g str,
    /// Cited node.
    pub to: &'g str,
    /// Relation from the citing node's point of view.
    pub relation: Relation,
    /// Mentions behind it.
    pub count: usize,
}

/// The part of the graph a lineage query reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lineage<'g> {
    /// The queried document.
    pub root: String,
    /// `ancestors` (what it builds on) or `descendants` (what builds on it).
    pub direction: String,
    /// Nodes in breadth-first order.
    pub nodes: Vec<ResultNode<'g>>,
    /// Edges between them, sorted.
    pub edges: Vec<ResultEdge<'g>>,
}

fn result_node(node: &Node, depth: usize, matches: bool) -> ResultNode<'_> {
    ResultNode {
        id: node.id.as_str(),
        depth,
        matches,
        symbol: node.symbol.as_deref(),
        doc_type: node.doc_type,
        date: node.date.as_deref(),
        title: node.title.as_deref().or(node.name.as_deref()),
    }
}

/// Resolves a node id or a free-text reference ("Nghị quyết 128/NQ-CP ngày 11/9/2020") to one node id.
pub fn resolve_doc(graph: &CitationGraph, query: &str) -> Result<String, crate::Error> {
    let q = query.trim();
    for id in [q.to_string(), format!("doc:{q}")] {
        if graph.node(&id).is_some() {
            return Ok(id);
        }
    }
    let found = crate::extract::extract(q.strip_prefix("doc:").unwrap_or(q));
    let Some(c) = found.citations.first() else {
        if let Some(n) = found.named.first() {
            let named: Vec<&Node> = graph
                .nodes()
                .into_iter()
                .filter(|node| {
                    node.name.as_deref().is_some_and(|name| {
                        crate::extract::clean::fold(name) == crate::extract::clean::fold(&n.name)
                    })
                })
                .filter(|node| n.year.is_none() || node.year == n.year)
                .collect();
            return pick_one(query, named, graph);
        }
        return Err(crate::Error::without_path(ErrorKind::NoReference(
            query.to_string(),
        )));
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
) -> Result<String, crate::Error> {
    match candidates.as_slice() {
        [one] => Ok(one.id.to_string()),
        [] => Err(crate::Error::without_path(ErrorKind::NotFound {
            query: query.to_string(),
            nearest: nearest_ids(graph, query),
        })),
        many => Err(crate::Error::without_path(ErrorKind::Ambiguous {
            query: query.to_string(),
            candidates: many
                .iter()
                .map(|n| match &n.date {
                    Some(d) => format!("{} ({d})", n.id),
                    None => n.id.to_string(),
                })
                .collect(),
        })),
    }
}

/// The five document ids spelled most like the symbol in `query`.
fn nearest_ids(graph: &CitationGraph, query: &str) -> Vec<String> {
    let wanted = crate::extract::extract(query)
        .citations
        .first()
        .map(|c| c.symbol.clone())
        .unwrap_or_else(|| query.to_string());
    let mut scored: Vec<(usize, &str)> = graph
        .nodes()
        .into_iter()
        .filter(|n| n.kind == NodeKind::Document)
        .map(|n| {
            let key = n
                .symbol
                .as_deref()
                .or(n.name.as_deref())
                .unwrap_or(n.id.as_str());
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
pub fn lineage<'g>(
    graph: &'g CitationGraph,
    root: &str,
    direction: Direction,
    depth: Option<usize>,
    filter: &Filter,
) -> Lineage<'g> {
    let empty = || Lineage {
        root: root.to_string(),
        direction: direction_name(direction).to_string(),
        nodes: Vec::new(),
        edges: Vec::new(),
    };
    let Some(r) = graph.dense_position(root) else {
        return empty();
    };
    let d = graph.dense();
    let outgoing = direction == Direction::Outgoing;
    let follows: Vec<bool> = d.relations.iter().map(|r| filter.follows(*r)).collect();
    let max = depth.map_or(u32::MAX, |x| x.min(u32::MAX as usize - 1) as u32);
    let mut dist = vec![u32::MAX; d.len()];
    dist[r as usize] = 0;
    let mut order: Vec<u32> = vec![r];
    let node_filters = filter.has_node_filters();
    let mut tree: Vec<(u32, u32)> = Vec::new(); // (node, shortest-route parent), for node filters only
    let mut head = 0;
    while head < order.len() {
        let id = order[head];
        head += 1;
        let here = dist[id as usize];
        if here >= max {
            continue;
        }
        for link in d.neighbours(id, outgoing) {
            if !follows[link.relation as usize] {
                continue;
            }
            let other = link.other;
            if dist[other as usize] == u32::MAX {
                dist[other as usize] = here + 1;
                order.push(other);
            }
            // Only shortest-route parents lead back to the root; a cycle's closing edge does not.
            if node_filters && dist[other as usize] == here + 1 {
                tree.push((other, id));
            }
        }
    }
    // Breadth-first order made independent of adjacency order (positions follow id order): the walk lists
    // its nodes layer by layer, so sorting each layer is enough.
    let mut layer_start = 0;
    while layer_start < order.len() {
        let here = dist[order[layer_start] as usize];
        let len = order[layer_start..].partition_point(|&i| dist[i as usize] == here);
        order[layer_start..layer_start + len].sort_unstable();
        layer_start += len;
    }
    let mut matching = vec![!node_filters; d.len()];
    if node_filters {
        for &i in &order {
            matching[i as usize] = i == r || filter.keeps(graph, graph.dense_node(i));
        }
    }
    let keep: Vec<bool> = if node_filters {
        // Keep matching nodes and the nodes on their way back to the root.
        tree.sort_unstable();
        let mut keep = matching.clone();
        let mut stack: Vec<u32> = order
            .iter()
            .copied()
            .filter(|&i| matching[i as usize])
            .collect();
        while let Some(i) = stack.pop() {
            let from = tree.partition_point(|&(c, _)| c < i);
            for &(_, p) in tree[from..].iter().take_while(|&&(c, _)| c == i) {
                if !keep[p as usize] {
                    keep[p as usize] = true;
                    stack.push(p);
                }
            }
        }
        keep
    } else {
        let mut keep = vec![false; d.len()];
        for &i in &order {
            keep[i as usize] = true;
        }
        keep
    };
    let nodes: Vec<ResultNode<'g>> = order
        .iter()
        .filter(|&&i| keep[i as usize])
        .map(|&i| {
            result_node(
                graph.dense_node(i),
                dist[i as usize] as usize,
                matching[i as usize],
            )
        })
        .collect();
    // The edges the walk crossed between kept nodes: those leaving an expanded node (ancestors) or entering
    // one (descendants). Reading them citing node by citing node, each row sorted by cited node and relation,
    // lists them sorted without sorting.
    let expanded = |i: u32| dist[i as usize] < max;
    let large = nodes.len() >= d.len() / 8;
    let citing: Vec<u32> = if large {
        (0..d.len() as u32).filter(|&i| keep[i as usize]).collect()
    } else {
        let mut citing: Vec<u32> = order
            .iter()
            .copied()
            .filter(|&i| keep[i as usize])
            .collect();
        citing.sort_unstable();
        citing
    };
    // A large answer looks its cited ends up in an array of the kept nodes' ids by position (one read of a
    // small array, not a visit to each node); a small one does not pay for the array.
    let bound: usize = citing.iter().map(|&i| d.neighbours(i, true).len()).sum();
    let id_at: Option<Vec<&'g str>> = large.then(|| {
        let mut ids = vec![""; d.len()];
        for (&i, n) in order.iter().filter(|&&i| keep[i as usize]).zip(&nodes) {
            ids[i as usize] = n.id;
        }
        ids
    });
    let id_of = |i: u32| match &id_at {
        Some(ids) => ids[i as usize],
        None => graph.dense_node(i).id.as_str(),
    };
    let mut edges: Vec<ResultEdge<'g>> = Vec::with_capacity(bound);
    for &f in &citing {
        if outgoing && !expanded(f) {
            continue;
        }
        let from = id_of(f);
        for link in d.neighbours(f, true) {
            let t = link.other;
            if !keep[t as usize] || !follows[link.relation as usize] || !(outgoing || expanded(t)) {
                continue;
            }
            let edge = ResultEdge {
                from,
                to: id_of(t),
                relation: d.relations[link.relation as usize],
                count: link.count as usize,
            };
            if edges.last() != Some(&edge) {
                edges.push(edge);
            }
        }
    }
    Lineage {
        root: graph.dense_node(r).id.to_string(),
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
pub fn paths<'g>(
    graph: &'g CitationGraph,
    from: &str,
    to: &str,
    filter: &Filter,
    limit: usize,
) -> Vec<Vec<ResultEdge<'g>>> {
    let forward = shortest_paths(graph, from, to, filter, limit);
    if forward.is_empty() {
        shortest_paths(graph, to, from, filter, limit)
    } else {
        forward
    }
}

fn shortest_paths<'g>(
    graph: &'g CitationGraph,
    from: &str,
    to: &str,
    filter: &Filter,
    limit: usize,
) -> Vec<Vec<ResultEdge<'g>>> {
    // Breadth-first layers with every predecessor on a shortest route kept, then routes read back.
    let (Some(f), Some(t)) = (graph.dense_position(from), graph.dense_position(to)) else {
        return Vec::new();
    };
    if f == t {
        return Vec::new();
    }
    let d = graph.dense();
    let follows: Vec<bool> = d.relations.iter().map(|r| filter.follows(*r)).collect();
    let mut dist = vec![u32::MAX; d.len()];
    dist[f as usize] = 0;
    let mut preds: Vec<(u32, u32, u16, u32)> = Vec::new(); // (node, predecessor, relation, count)
    let mut layer = vec![f];
    while !layer.is_empty() && dist[t as usize] == u32::MAX {
        let mut next = Vec::new();
        for &id in &layer {
            for link in d.neighbours(id, true) {
                if !follows[link.relation as usize] {
                    continue;
                }
                let other = link.other;
                let want = dist[id as usize] + 1;
                if dist[other as usize] == u32::MAX {
                    dist[other as usize] = want;
                    next.push(other);
                }
                if dist[other as usize] == want {
                    preds.push((other, id, link.relation, link.count));
                }
            }
        }
        layer = next;
    }
    if dist[t as usize] == u32::MAX {
        return Vec::new();
    }
    let id_of = |i: u32| graph.dense_node(i).id.as_str();
    preds.sort_unstable();
    let mut out = Vec::new();
    let mut stack: Vec<(u32, Vec<ResultEdge<'g>>)> = vec![(t, Vec::new())];
    while let Some((id, tail)) = stack.pop() {
        if out.len() >= limit {
            break;
        }
        if id == f {
            let mut route = tail;
            route.reverse();
            out.push(route);
            continue;
        }
        let from_at = preds.partition_point(|p| p.0 < id);
        let to_at = preds.partition_point(|p| p.0 <= id);
        for &(_, prev, rel, count) in preds[from_at..to_at].iter().rev() {
            let mut route = tail.clone();
            route.push(ResultEdge {
                from: id_of(prev),
                to: id_of(id),
                relation: d.relations[rel as usize],
                count: count as usize,
            });
            stack.push((prev, route));
        }
    }
    out
}

/// What the corpus says about a document's force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Status {
    /// The document.
    pub id: String,
    /// What the changes amount to.
    pub verdict: Verdict,
    /// Every amending, replacing, repealing or correcting document, oldest first.
    pub changes: Vec<Change>,
}

/// One document that changes another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The changing document.
    pub by: String,
    /// `amends`, `replaces`, `repeals`, `corrects`.
    pub relation: Relation,
    /// Its date, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The parts it touches, when the mentions say ("Điều 3").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<String>,
    /// Whether every mention says the change touches only part of the document.
    pub partial: bool,
    /// Who says so: `act` (the changing document itself), `reported` (another input states it) or
    /// `editorial` (a database note), each once.
    pub said: Vec<crate::graph::Said>,
    /// The inputs that say so.
    pub inputs: Vec<String>,
}

/// Amended by, replaced by, repealed by: is `id` still in force as far as the graph knows? Direct acts,
/// relations other inputs report, and database notes all count; a change that every mention scopes to a
/// part ("Bãi bỏ Điều 10 …", "một số điều") is partial, and the verdict says so. A database's bracketed
/// note is about the provision it sits in, so partial unless it says otherwise (an effect history's row).
pub fn status(graph: &CitationGraph, id: &str) -> Result<Status, crate::Error> {
    let mut changes: Vec<Change> = graph
        .edges_of(id, Direction::Incoming)
        .into_iter()
        .filter(|e| e.edge.relation.alters_text())
        .map(|e| {
            let evidence = graph.evidence(e.edge)?;
            let parts: BTreeSet<String> = evidence
                .iter()
                .filter_map(|ev| ev.pinpoint.clone())
                .collect();
            let said: BTreeSet<crate::graph::Said> = evidence.iter().map(|ev| ev.said).collect();
            let inputs: BTreeSet<String> =
                evidence.iter().map(|ev| ev.source.to_string()).collect();
            let partial = !evidence.is_empty()
                && evidence.iter().all(|ev| {
                    ev.partial == Some(true)
                        || ev.pinpoint.is_some()
                        || ev.said == crate::graph::Said::Editorial && ev.partial.is_none()
                });
            Ok(Change {
                by: e.from.to_string(),
                relation: e.edge.relation,
                date: graph.node(e.from).and_then(|n| n.date.clone()),
                parts: parts.into_iter().collect(),
                partial,
                said: said.into_iter().collect(),
                inputs: inputs.into_iter().collect(),
            })
        })
        .collect::<Result<_, crate::Error>>()?;
    changes.sort_by(|a, b| (&a.date, &a.by, &a.relation).cmp(&(&b.date, &b.by, &b.relation)));
    let has = |r: Relation, whole: bool| {
        changes
            .iter()
            .any(|c| c.relation == r && (!whole || !c.partial))
    };
    let verdict = if has(Relation::Replaces, true) {
        Verdict::Replaced
    } else if has(Relation::Repeals, true) {
        Verdict::Repealed
    } else if has(Relation::Repeals, false) || has(Relation::Replaces, false) {
        Verdict::PartlyRepealed
    } else if has(Relation::Amends, false) {
        Verdict::Amended
    } else {
        Verdict::InForce
    };
    Ok(Status {
        id: id.to_string(),
        verdict,
        changes,
    })
}

/// What the changes a graph knows of amount to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub enum Verdict {
    /// No change known.
    #[serde(rename = "in force as far as the corpus knows")]
    InForce,
    /// Amended in part.
    #[serde(rename = "amended")]
    Amended,
    /// Part of it repealed or replaced.
    #[serde(rename = "partly repealed")]
    PartlyRepealed,
    /// Repealed whole.
    #[serde(rename = "repealed")]
    Repealed,
    /// Replaced whole.
    #[serde(rename = "replaced")]
    Replaced,
}

impl Verdict {
    /// The verdict as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::InForce => "in force as far as the corpus knows",
            Verdict::Amended => "amended",
            Verdict::PartlyRepealed => "partly repealed",
            Verdict::Repealed => "repealed",
            Verdict::Replaced => "replaced",
        }
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
    pub doc_type: Option<DocType>,
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
        Rank::Cited => {
            let d = graph.dense();
            let follows: Vec<bool> = d.relations.iter().map(|r| filter.follows(*r)).collect();
            (0..d.len() as u32)
                .filter(|&i| graph.dense_node(i).kind == NodeKind::Document)
                .map(|i| {
                    let mentions: u64 = d
                        .neighbours(i, false)
                        .iter()
                        .filter(|l| follows[l.relation as usize])
                        .map(|l| u64::from(l.count))
                        .sum();
                    (mentions as f64, graph.dense_node(i).id.as_str())
                })
                .collect()
        }
        // With every citation relation followed, the ranks stored when the graph settled are the answer.
        Rank::PageRank if filter.relations.is_empty() => graph
            .nodes_unordered()
            .filter_map(|n| n.pagerank.map(|r| (r, n.id.as_str())))
            .collect(),
        Rank::PageRank => graph
            .pagerank(
                crate::graph::PAGERANK_DAMPING,
                crate::graph::PAGERANK_TOLERANCE,
                crate::graph::PAGERANK_ROUNDS,
                &|r| filter.follows(r),
            )
            .into_iter()
            .map(|(id, s)| (s, id.as_str()))
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
                doc_type: n.doc_type,
                date: n.date.clone(),
                title: n.title.clone().or_else(|| n.name.clone()),
            })
        })
        .collect()
}
