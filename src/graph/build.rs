//! Inputs in: each input's citations, named references and reported relations become evidence on edges.

use super::store::RawEvidence;
use super::{CitationGraph, CitedFacts, Edge, Evidence, Mentions, NodeId, NodeKind, Said};
use crate::model::{Extraction, Ref};
use crate::vocab::{DocType, Relation};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::BTreeSet;
use std::sync::Arc;

impl CitationGraph {
    pub(super) fn add_evidence(
        &mut self,
        from: NodeIndex,
        to: NodeIndex,
        relation: Relation,
        evidence: Evidence,
    ) -> Result<(), crate::Error> {
        self.touch(from);
        self.touch(to);
        let existing = self
            .graph
            .edges_connecting(from, to)
            .find(|e| e.weight().relation == relation)
            .map(|e| e.id());
        match existing {
            Some(e) => {
                self.read_edge(e)?;
                if let Some(w) = self.graph.edge_weight_mut(e) {
                    w.parsed_mut().push(evidence);
                    w.recount();
                }
            }
            None => {
                self.graph
                    .add_edge(from, to, Edge::new(relation, vec![evidence]));
            }
        }
        Ok(())
    }

    /// Marks a node for the next settle.
    fn touch(&mut self, ix: NodeIndex) {
        if let Some(touched) = &mut self.touched {
            touched.insert(ix);
        }
    }

    /// Parses one edge's evidence from the loaded store, if it is still there, keeping its line to copy.
    fn read_edge(&mut self, e: EdgeIndex) -> Result<(), crate::Error> {
        self.read_stored([e])
    }

    /// Parses, from the loaded store, the evidence of those of `edges` still in it, each keeping its line to
    /// copy. The lines are parsed in a few runs per core of the current rayon pool (with the `parallel`
    /// feature), each run sharing its own repeated strings; the first damaged line in store order is the
    /// error, whichever run met it first.
    pub(super) fn read_stored(
        &mut self,
        edges: impl IntoIterator<Item = EdgeIndex>,
    ) -> Result<(), crate::Error> {
        let Some(loaded) = self.store.clone() else {
            return Ok(());
        };
        let mut stored: Vec<(EdgeIndex, RawEvidence, usize)> = edges
            .into_iter()
            .filter_map(|e| match &self.graph[e].mentions {
                Mentions::Stored(raw) => Some((e, raw.clone(), self.graph[e].count())),
                Mentions::Parsed(_) | Mentions::Loaded(..) => None,
            })
            .collect();
        stored.sort_unstable_by_key(|(_, raw, _)| raw.line());
        let parse_run = |run: &&[(EdgeIndex, RawEvidence, usize)]| {
            let mut strings = Default::default();
            run.iter()
                .map(|(_, raw, count)| {
                    loaded.evidence(raw, *count, &mut |s: &str| super::share(&mut strings, s))
                })
                .collect::<Result<Vec<Vec<Evidence>>, crate::Error>>()
        };
        let parsed = super::map_in_order(&super::runs(&stored), parse_run);
        let mut stored = stored.into_iter();
        for run in parsed {
            // The run first: zip asks it before the edges, so none is taken past the run's end.
            for (evidence, (e, raw, _)) in run?.into_iter().zip(stored.by_ref()) {
                let w = &mut self.graph[e];
                w.mentions = Mentions::Loaded(Box::new((evidence, raw)));
                w.recount();
            }
        }
        Ok(())
    }

    /// Checks, once, that every evidence line still unparsed in the loaded store is whole: an incremental
    /// build copies those lines without reading them, and must never copy a damaged one into a new store.
    /// The first damaged line in edge order is the error.
    fn check_stored_lines(&mut self) -> Result<(), crate::Error> {
        let Some(loaded) = self.store.clone().filter(|_| !self.stored_checked) else {
            return Ok(());
        };
        let mut stored: Vec<&RawEvidence> = self
            .graph
            .edge_weights()
            .filter_map(|w| match &w.mentions {
                Mentions::Stored(raw) => Some(raw),
                Mentions::Parsed(_) | Mentions::Loaded(..) => None,
            })
            .collect();
        stored.sort_unstable_by_key(|raw| raw.line());
        loaded.populate();
        for run in super::map_in_order(&super::runs(&stored), |run| {
            run.iter().try_for_each(|raw| loaded.check(raw))
        }) {
            run?;
        }
        self.stored_checked = true;
        Ok(())
    }

    /// Adds inputs, replacing the evidence of any input already in the graph, and settles the attributes.
    /// Fails only when the graph was loaded from a store whose evidence is damaged.
    pub fn add_inputs<'a>(
        &mut self,
        inputs: impl IntoIterator<Item = (&'a str, &'a Extraction)>,
    ) -> Result<(), crate::Error> {
        self.stage(inputs)?;
        self.settle()
    }

    /// Adds inputs without recomputing attributes yet, so a large build can stream batches through and call
    /// [`CitationGraph::settle`] once at the end. A loaded store's evidence is read in full first, and a
    /// damaged line refuses the change rather than dropping the mentions it held.
    pub fn stage<'a>(
        &mut self,
        inputs: impl IntoIterator<Item = (&'a str, &'a Extraction)>,
    ) -> Result<(), crate::Error> {
        self.dense = std::sync::OnceLock::new();
        self.parse_documents()?;
        let inputs: Vec<(&str, &Extraction)> = inputs.into_iter().collect();
        let again: BTreeSet<&str> = inputs
            .iter()
            .map(|(p, _)| *p)
            .filter(|p| self.inputs.contains_key(*p))
            .collect();
        if again.is_empty() {
            // New inputs only add: the loaded evidence they do not touch stays in the store, checked.
            self.check_stored_lines()?;
        } else {
            self.parse_all_evidence()?;
            self.remove_evidence_of(&again);
        }
        // Room for every edge the inputs could add, at once (a loaded store leaves an eighth spare).
        let most_edges: usize = inputs
            .iter()
            .map(|(_, f)| {
                let also: usize = f.citations.iter().map(|c| c.also.len()).sum::<usize>()
                    + f.named.iter().map(|n| n.also.len()).sum::<usize>();
                f.citations.len() + f.named.len() + f.reported.len() + also
            })
            .sum();
        self.graph.reserve_edges(most_edges);
        self.graph.reserve_nodes(most_edges + inputs.len());
        for (path, found) in inputs {
            self.add_one(path, found)?;
        }
        Ok(())
    }

    /// Counts the facts a mention gives of the document it cites; settling keeps the most given (see
    /// `CitedFacts::chosen`), so the first input read no longer decides.
    fn note_facts(&mut self, id: &NodeId, facts: CitedFacts) {
        self.loaded_facts_of(id);
        *self
            .facts
            .entry(id.clone())
            .or_default()
            .entry(facts)
            .or_insert(0) += 1;
    }

    fn add_one(&mut self, path: &str, found: &Extraction) -> Result<(), crate::Error> {
        self.inputs.insert(path.to_string(), found.document.clone());
        let citing = match &found.document {
            Some(d) => {
                let id = NodeId::document(&d.id);
                self.note_facts(
                    &id,
                    CitedFacts {
                        symbol: Some(d.symbol.clone()),
                        name: None,
                        year: d.year,
                        issuers: d.issuers.clone(),
                    },
                );
                self.node_index(&id)
            }
            None => self.node_index(&NodeId::source(path)),
        };
        self.touch(citing);
        let citing_id = self.graph[citing].id.clone();
        let source = self.share(path);
        for c in &found.citations {
            let id = NodeId::document(&c.id);
            if id == citing_id {
                continue;
            }
            self.note_facts(
                &id,
                CitedFacts {
                    symbol: Some(c.symbol.clone()),
                    name: super::identity::law_name_in_mention(c.doc_type, &c.text, &c.symbol),
                    year: c.year,
                    issuers: c.issuers.clone(),
                },
            );
            let to = self.node_index(&id);
            let evidence = Evidence {
                source: source.clone(),
                start: c.start,
                end: c.end,
                text: c.text.clone(),
                pinpoint: c.pinpoint.clone(),
                date: self.share_opt(c.date.as_deref()),
                doc_type: Some(c.doc_type),
                issuer_name: self.share_opt(c.issuer_name.as_deref()),
                partial: c.partial,
                said: Said::Act,
                doubtful: c.doubtful,
            };
            // A further relation keeps the mention as its evidence; where it is stated is in the extraction.
            for also in &c.also {
                let evidence = Evidence {
                    partial: also.partial.or(evidence.partial),
                    pinpoint: also.pinpoint.clone().or(evidence.pinpoint.clone()),
                    ..evidence.clone()
                };
                self.add_evidence(citing, to, also.relation, evidence)?;
            }
            self.add_evidence(citing, to, c.relation, evidence)?;
        }
        for n in &found.named {
            let id = NodeId::document(&n.id);
            self.note_facts(
                &id,
                CitedFacts {
                    symbol: n.symbol.clone(),
                    name: Some(n.name.clone()),
                    // A name resolved without a year in the text still names the year of its number, or of
                    // the law in force that the rules chose ("Căn cứ Hiến pháp …;" in a 2024 text).
                    year: n
                        .year
                        .or_else(|| n.symbol.as_deref().and_then(crate::id::symbol_year))
                        .or_else(|| crate::id::named_year(&n.id)),
                    issuers: if n.doc_type == DocType::Ordinance {
                        vec!["UBTVQH".into()]
                    } else {
                        vec!["QH".into()]
                    },
                },
            );
            let to = self.node_index(&id);
            let evidence = Evidence {
                source: source.clone(),
                start: n.start,
                end: n.end,
                text: n.text.clone(),
                pinpoint: n.pinpoint.clone(),
                date: self.share_opt(n.date.as_deref()),
                doc_type: Some(n.doc_type),
                issuer_name: None,
                partial: n.partial,
                said: Said::Act,
                doubtful: n.doubtful,
            };
            for also in &n.also {
                let evidence = Evidence {
                    partial: also.partial.or(evidence.partial),
                    pinpoint: also.pinpoint.clone().or(evidence.pinpoint.clone()),
                    ..evidence.clone()
                };
                self.add_evidence(citing, to, also.relation, evidence)?;
            }
            self.add_evidence(citing, to, n.relation, evidence)?;
        }
        self.add_reported(found, &citing_id, &source)
    }

    /// Edges the input reports between other documents (or, in a database note, another document's act on
    /// the input's own): actor → target, with the statement as evidence.
    fn add_reported(
        &mut self,
        found: &Extraction,
        citing_id: &NodeId,
        source: &Arc<str>,
    ) -> Result<(), crate::Error> {
        let id_of = |r: Ref| -> Option<NodeId> {
            match r {
                Ref::Citation(i) => found.citations.get(i).map(|c| NodeId::document(&c.id)),
                Ref::Named(i) => found.named.get(i).map(|n| NodeId::document(&n.id)),
                Ref::Document => Some(citing_id.clone()),
            }
        };
        for r in &found.reported {
            let (Some(actor), Some(target)) = (id_of(r.actor), id_of(r.target)) else {
                continue;
            };
            let documents = actor.kind() == super::NodeKind::Document
                && target.kind() == super::NodeKind::Document;
            if actor == target || !documents {
                continue;
            }
            let from = self.node_index(&actor);
            let to = self.node_index(&target);
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
                partial: r.partial,
                said: if r.editorial {
                    Said::Editorial
                } else {
                    Said::Reported
                },
                doubtful: false,
            };
            self.add_evidence(from, to, r.relation, evidence)?;
        }
        Ok(())
    }

    fn remove_evidence_of(&mut self, paths: &BTreeSet<&str>) {
        // Evidence taken away may leave any node with other facts, or with nothing to keep it.
        self.touched = None;
        for p in paths {
            self.inputs.remove(*p);
        }
        let edges: Vec<_> = self.graph.edge_indices().collect();
        for e in edges {
            let empty = match self.graph.edge_weight_mut(e) {
                // Untouched edges keep their store line, to be copied when saving.
                Some(w) if !w.parsed().iter().any(|ev| paths.contains(&*ev.source)) => false,
                Some(w) => {
                    w.parsed_mut().retain(|ev| !paths.contains(&*ev.source));
                    w.recount();
                    w.count == 0
                }
                None => false,
            };
            if empty {
                self.graph.remove_edge(e);
            }
        }
    }

    /// Reads the header documents of a loaded store's inputs from its documents line, and the facts its
    /// nodes stand for: what a rebuild needs besides the evidence.
    pub(super) fn parse_documents(&mut self) -> Result<(), crate::Error> {
        let Some(loaded) = self.store.clone() else {
            return Ok(());
        };
        if self.pending_inputs.is_empty() {
            return Ok(());
        }
        let documents = loaded.documents()?;
        self.pending_inputs.clear();
        // Built whole from the store's sorted list rather than inserted one by one.
        let documents = documents
            .into_iter()
            .map(|(path, doc)| (path.to_string(), doc));
        if self.inputs.is_empty() {
            self.inputs = documents.collect();
        } else {
            self.inputs.extend(documents);
        }
        Ok(())
    }

    /// The facts a loaded store's document nodes stand for, as if each had been cited once so; nodes whose
    /// facts were read already keep them.
    pub(super) fn facts_of_loaded_nodes(&mut self) {
        if !std::mem::take(&mut self.facts_pending) {
            return;
        }
        for node in self.graph.node_weights() {
            if node.kind == NodeKind::Document && !self.facts.contains_key(&node.id) {
                self.facts
                    .insert(node.id.clone(), [(loaded_facts(node), 1)].into());
            }
        }
    }

    /// The facts of one loaded node, read off it the first time an incremental build needs them: adding
    /// a thousand inputs to a store of a hundred thousand needs few of them.
    pub(super) fn loaded_facts_of(&mut self, id: &NodeId) {
        if !self.facts_pending || self.facts.contains_key(id) {
            return;
        }
        let Some(node) = self.index.get(id).map(|&ix| &self.graph[ix]) else {
            return;
        };
        if node.kind == NodeKind::Document {
            let facts = loaded_facts(node);
            self.facts.insert(id.clone(), [(facts, 1)].into());
        }
    }

    /// Reads every edge's evidence, the inputs' documents and the nodes' facts, before the graph changes and
    /// lets go of the store. The lines are parsed in a few large runs on every core of the current rayon
    /// pool (with the `parallel` feature), each run sharing its own repeated strings; the first damaged line
    /// in edge order is the error, whichever run met it first.
    pub(super) fn parse_all_evidence(&mut self) -> Result<(), crate::Error> {
        self.parse_documents()?;
        self.facts_of_loaded_nodes();
        if self.store.is_none() {
            return Ok(());
        }
        let edges: Vec<EdgeIndex> = self.graph.edge_indices().collect();
        self.read_stored(edges)?;
        self.lines_from = self.store.take();
        // Evidence read again may change any node (inputs read twice, merged nodes).
        self.touched = None;
        Ok(())
    }
}

/// What a loaded document node stands for, as the facts of one mention.
fn loaded_facts(node: &super::Node) -> CitedFacts {
    CitedFacts {
        symbol: node.symbol.clone(),
        name: node.name.clone(),
        year: node.year,
        issuers: node.issuers.clone(),
    }
}
