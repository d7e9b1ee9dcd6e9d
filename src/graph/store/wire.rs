//! The store's wire types: what is written and read, apart from the in-memory graph.

use super::super::{Node, NodeId, NodeKind, Said};
use crate::model::Document;
use crate::vocab::{DocType, Relation};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The graph as written to disk: see the README, "Graph store". Written from borrowed data and read into
/// borrowed strings where the JSON allows, so neither direction copies a million evidence texts twice.
/// An input as read: its header document stays JSON until a rebuild needs it.
#[derive(Deserialize)]
pub(super) struct StoreInputIn<'a> {
    #[serde(borrow)]
    pub(super) path: Cow<'a, str>,
    pub(super) document: Box<serde_json::value::RawValue>,
}

/// An input's document as written: parsed, or still the JSON it was loaded as.
#[derive(Serialize)]
#[serde(untagged)]
pub(super) enum DocumentOut<'a> {
    Parsed(Option<&'a Document>),
    Raw(&'a serde_json::value::RawValue),
}

#[derive(Serialize)]
pub(super) struct StoreInputOut<'a> {
    pub(super) path: &'a str,
    pub(super) document: DocumentOut<'a>,
}

/// The store's first line: everything but the evidence, which follows one line per edge.
#[derive(Serialize)]
pub(super) struct StoreHeaderOut<'a> {
    pub(super) format: &'a str,
    pub(super) inputs: Vec<StoreInputOut<'a>>,
    pub(super) nodes: Vec<StoreNode<'a>>,
    pub(super) edges: Vec<StoreEdgeOut>,
}

/// An edge as `[from, to, relation, count, offset, length, crc]`: `from` and `to` are positions in `nodes`,
/// offset and length place its evidence line in the evidence section, and `crc` is the CRC-32 of that line's
/// JSON. Arrays of numbers keep a million-edge first line small and quick to read.
pub(super) type StoreEdgeOut = (usize, usize, Relation, usize, usize, usize, u32);

/// An edge as read from the first line (see [`StoreEdgeOut`]): its evidence stays where it is. Narrower
/// than written (node positions, counts and line lengths fit 32 bits), so a million-edge store's list
/// takes 32 bytes an edge while it is read, not 56; a wider number is a damaged store.
pub(super) type StoreEdgeIn = (u32, u32, Relation, u32, u64, u32, u32);

#[derive(Deserialize)]
pub(super) struct StoreFileIn<'a> {
    #[serde(borrow)]
    pub(super) format: Cow<'a, str>,
    #[serde(borrow)]
    pub(super) inputs: Vec<StoreInputIn<'a>>,
    pub(super) nodes: Vec<StoreNode<'a>>,
    pub(super) edges: Vec<StoreEdgeIn>,
}

/// Evidence with its input as an index into `inputs`, which keeps million-edge stores small.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct StoreEvidence<'a> {
    pub(super) input: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    #[serde(borrow)]
    pub(super) text: Cow<'a, str>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) pinpoint: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) date: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) doc_type: Option<DocType>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) issuer_name: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) partial: Option<bool>,
    #[serde(default, skip_serializing_if = "Said::is_act")]
    pub(super) said: Said,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(super) doubtful: bool,
}

/// A node as the store writes and reads it: the in-memory [`Node`] may change without changing the format.
#[derive(Serialize, Deserialize)]
pub(super) struct StoreNode<'a> {
    pub(super) id: NodeId,
    pub(super) kind: NodeKind,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) symbol: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) name: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) doc_type: Option<DocType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) year: Option<i32>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) date: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) title: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) issuer_name: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) issuers: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) defined_in: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(super) ambiguous: bool,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) conflicts: BTreeMap<String, Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) pagerank: Option<f64>,
}

impl<'a> StoreNode<'a> {
    pub(super) fn of(n: &'a Node) -> StoreNode<'a> {
        let borrow = |s: &'a Option<String>| s.as_deref().map(Cow::Borrowed);
        StoreNode {
            id: n.id.clone(),
            kind: n.kind,
            symbol: borrow(&n.symbol),
            name: borrow(&n.name),
            doc_type: n.doc_type,
            year: n.year,
            date: borrow(&n.date),
            title: borrow(&n.title),
            issuer_name: borrow(&n.issuer_name),
            issuers: n.issuers.clone(),
            defined_in: n.defined_in.clone(),
            ambiguous: n.ambiguous,
            conflicts: n.conflicts.clone(),
            pagerank: n.pagerank,
        }
    }

    pub(super) fn into_node(self) -> Node {
        Node {
            id: self.id,
            kind: self.kind,
            symbol: self.symbol.map(Cow::into_owned),
            name: self.name.map(Cow::into_owned),
            doc_type: self.doc_type,
            year: self.year,
            date: self.date.map(Cow::into_owned),
            title: self.title.map(Cow::into_owned),
            issuer_name: self.issuer_name.map(Cow::into_owned),
            issuers: self.issuers,
            defined_in: self.defined_in,
            ambiguous: self.ambiguous,
            conflicts: self.conflicts,
            pagerank: self.pagerank,
        }
    }
}
