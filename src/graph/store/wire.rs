//! The store's wire types: what is written and read, apart from the in-memory graph.

use super::super::{Node, NodeId, NodeKind, Said};
use crate::vocab::{DocType, Relation};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

// The graph as written to disk: see the README, "Graph store". Written from borrowed data and read into
// borrowed strings where the JSON allows, so neither direction copies a million evidence texts twice.

/// The store's first line: everything a query needs. The inputs' header documents follow on the second
/// line, which only a rebuild reads, and then the evidence, one line per edge.
#[derive(Serialize)]
pub(super) struct StoreHeaderOut<'a> {
    pub(super) format: &'a str,
    pub(super) inputs: Vec<&'a str>,
    /// The second line's length without its line break, and its CRC-32.
    pub(super) documents: (usize, u32),
    // Then `nodes` (an array of [`StoreNode`]s) and `edges` (the [`EdgeRecord`]s, base64), which the
    // writer appends itself: the nodes are serialized in parallel chunks.
}

#[derive(Deserialize)]
pub(super) struct StoreFileIn<'a> {
    #[serde(borrow)]
    pub(super) format: Cow<'a, str>,
    #[serde(borrow)]
    pub(super) inputs: Vec<Cow<'a, str>>,
    pub(super) documents: (u64, u32),
    /// Cut into items here and parsed on every core after.
    #[serde(borrow)]
    pub(super) nodes: Vec<&'a serde_json::value::RawValue>,
    #[serde(borrow)]
    pub(super) edges: Cow<'a, str>,
}

/// One edge of the edge table: `from` and `to` are positions in `nodes`, `len` the length of its evidence
/// line (which starts where the one before it ended) and `crc` that line's CRC-32. Fixed records of little-
/// endian numbers read a million edges in milliseconds, where the same edges as JSON arrays took a third
/// of a second to parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct EdgeRecord {
    pub(super) from: u32,
    pub(super) to: u32,
    pub(super) relation: Relation,
    pub(super) count: u32,
    pub(super) len: u32,
    pub(super) crc: u32,
}

impl EdgeRecord {
    /// Bytes per record.
    pub(super) const SIZE: usize = 21;

    pub(super) fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.from.to_le_bytes());
        out.extend_from_slice(&self.to.to_le_bytes());
        out.push(relation_code(self.relation));
        out.extend_from_slice(&self.count.to_le_bytes());
        out.extend_from_slice(&self.len.to_le_bytes());
        out.extend_from_slice(&self.crc.to_le_bytes());
    }

    /// One record from its [`EdgeRecord::SIZE`] bytes; `None` for an unknown relation code.
    pub(super) fn read(bytes: &[u8]) -> Option<EdgeRecord> {
        let word = |at: usize| {
            bytes
                .get(at..at + 4)
                .and_then(|b| b.try_into().ok())
                .map(u32::from_le_bytes)
        };
        Some(EdgeRecord {
            from: word(0)?,
            to: word(4)?,
            relation: *Relation::ALL.get(usize::from(*bytes.get(8)?))?,
            count: word(9)?,
            len: word(13)?,
            crc: word(17)?,
        })
    }
}

/// A relation's code in the edge table: its position in [`Relation::ALL`] (name order). A new relation
/// moves the codes after it, so it is a new store version (the store's tests pin the order).
fn relation_code(relation: Relation) -> u8 {
    Relation::ALL
        .iter()
        .position(|r| *r == relation)
        .and_then(|p| u8::try_from(p).ok())
        .unwrap_or(u8::MAX)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The edge table names relations by their position in name order: a relation added or renamed moves
    /// the codes, and must come with a new `FORMAT`.
    #[test]
    fn relation_codes_are_the_name_order_the_store_was_written_with() {
        let names: Vec<&str> = Relation::ALL.iter().map(|r| r.as_str()).collect();
        assert_eq!(
            names,
            [
                "amends",
                "basis",
                "cites",
                "corrects",
                "guides",
                "implements",
                "issued_by",
                "repeals",
                "replaces"
            ]
        );
        assert_eq!(relation_code(Relation::Replaces), 8);
    }

    #[test]
    fn an_edge_record_is_read_back_as_written_and_an_unknown_relation_is_refused() {
        let record = EdgeRecord {
            from: 7,
            to: 0x0102_0304,
            relation: Relation::Guides,
            count: 3,
            len: 900,
            crc: 0xdead_beef,
        };
        let mut bytes = Vec::new();
        record.write(&mut bytes);
        assert_eq!(
            bytes,
            [7, 0, 0, 0, 4, 3, 2, 1, 4, 3, 0, 0, 0, 0x84, 3, 0, 0, 0xef, 0xbe, 0xad, 0xde]
        );
        assert_eq!(EdgeRecord::read(&bytes), Some(record));
        bytes[8] = 9;
        assert_eq!(EdgeRecord::read(&bytes), None);
        assert_eq!(EdgeRecord::read(&bytes[..20]), None);
    }
}
