//! Document keys and graph node ids: the one module that builds them and reads them.
//!
//! A document key (the contract's `id`) is the canonical symbol, plus `@YEAR` (or `@?`) when the symbol has no
//! year, plus `~place` for a local body's document when the text names the place; a law cited by name only
//! is `named:<name key>@<date or year or ?>`. A node id puts the node's kind in front: `doc:<key>`,
//! `issuer:<code>[~place]`, `source:<input path>`.

use crate::extract::clean::fold;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The document key of a numbered document. Symbols without a year take `@YEAR` (or `@?` when unknown),
/// because year-less administrative numbers restart every year; local bodies' symbols take `~place` when
/// the text names it.
pub fn document_id(
    symbol: &str,
    symbol_has_year: bool,
    year: Option<i32>,
    place: Option<&str>,
) -> String {
    let mut id = symbol.to_string();
    if !symbol_has_year {
        match year {
            Some(y) => id.push_str(&format!("@{y}")),
            None => id.push_str("@?"),
        }
    }
    if let Some(p) = place {
        id.push('~');
        id.push_str(&slug(p));
    }
    id
}

/// The symbol a document is known by: the Party's own form "57-NQ/TW" for "57/NQ-TW", the State's shape that
/// news and local texts often give a Party document; every other symbol as it is. The mention keeps its
/// symbol as written.
pub(crate) fn identity_symbol(symbol: &str) -> std::borrow::Cow<'_, str> {
    // Party bodies that no State symbol names: the central committee and the province, district and urban
    // district committees.
    let party_body =
        |issuer: &str| issuer == "TW" || crate::data::tables().is_party_committee(issuer);
    let party_form = symbol.split_once('/').and_then(|(number, rest)| {
        let (kind, issuer) = rest.split_once('-')?;
        let numbered = !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit());
        let kind_word = !kind.is_empty() && kind.chars().all(char::is_alphabetic);
        (numbered && kind_word && party_body(issuer)).then(|| format!("{number}-{kind}/{issuer}"))
    });
    match party_form {
        Some(form) => std::borrow::Cow::Owned(form),
        None => std::borrow::Cow::Borrowed(symbol),
    }
}

/// The document key of a law known by name only: its name key and the date or year the input gives.
pub(crate) fn named_id(name_key: &str, when: Option<&str>) -> String {
    format!("named:{name_key}@{}", when.unwrap_or("?"))
}

/// The key of a name: one key for every spelling of one name. Folded; words joined by `-`; a comma between
/// words is "và" ("Luật Tổ chức Hội đồng nhân dân, Ủy ban nhân dân" is the law "… và …"); abbreviations of
/// `data/name_abbreviations.tsv` are their words ("Luật Tổ chức HĐND và UBND" is that law too).
pub(crate) fn name_key(name: &str) -> String {
    let folded = fold(name);
    // Abbreviations are written in capitals: a name with no three capitals in a row has none to look up,
    // and most have none (the rules ask for thousands of keys per document).
    let mut capitals = 0;
    let abbreviated = name.chars().any(|c| {
        capitals = if c.is_uppercase() { capitals + 1 } else { 0 };
        capitals == 3
    });
    let mut key = String::with_capacity(folded.len() + 16);
    // A comma stands for "và" only between words, and one "và" is enough: "A, B và C", "A , B". Bytes, not
    // `split`: folded whitespace is ASCII, and the iterators cost more than the rest of the key.
    let mut pending_and = false;
    let bytes = folded.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b',' => {
                pending_and = true;
                i += 1;
                continue;
            }
            b if b.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let from = i;
        while i < bytes.len() && bytes[i] != b',' && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let piece = &folded[from..i];
        if piece == "va" {
            pending_and = true;
            continue;
        }
        if !key.is_empty() {
            if pending_and {
                key.push_str("-va");
            }
            key.push('-');
        }
        pending_and = false;
        match abbreviated
            .then(|| crate::data::expand_name_word(piece))
            .flatten()
        {
            Some(words) => key.push_str(words),
            None => key.push_str(piece),
        }
    }
    key
}

/// Folded text of a name, for comparing spellings of one place or phrase: "Thừa Thiên - Huế" and "Thừa
/// Thiên Huế" are one place.
pub(crate) fn slug(s: &str) -> String {
    fold(s)
        .split(|c: char| c.is_whitespace() || c == '-' || c == '–')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

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

impl NodeKind {
    /// The name used in exports and stores.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Document => "document",
            NodeKind::Issuer => "issuer",
            NodeKind::Source => "source",
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            NodeKind::Document => "doc:",
            NodeKind::Issuer => "issuer:",
            NodeKind::Source => "source:",
        }
    }
}

/// A graph node id, written as a string (`doc:30/2020/NĐ-CP`, `issuer:UBND~quang-nam`, `source:news.txt`).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NodeId(String);

impl NodeId {
    /// The node of a document key.
    pub fn document(key: &str) -> NodeId {
        NodeId(format!("doc:{key}"))
    }

    /// The node of an issuer code; a local body is one node per place.
    pub fn issuer(code: &str, place: Option<&str>) -> NodeId {
        match place {
            Some(p) => NodeId(format!("issuer:{code}~{p}")),
            None => NodeId(format!("issuer:{code}")),
        }
    }

    /// The node of an input without a header identity.
    pub fn source(path: &str) -> NodeId {
        NodeId(format!("source:{path}"))
    }

    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What the node stands for.
    pub fn kind(&self) -> NodeKind {
        if self.0.starts_with("issuer:") {
            NodeKind::Issuer
        } else if self.0.starts_with("source:") {
            NodeKind::Source
        } else {
            NodeKind::Document
        }
    }

    /// The id without its kind prefix: the document key, the issuer code (with place) or the input path.
    pub fn key(&self) -> &str {
        &self.0[self.kind().prefix().len()..]
    }

    /// The place a local body's document or issuer node is keyed by.
    pub fn place(&self) -> Option<&str> {
        self.key().rsplit_once('~').map(|(_, p)| p)
    }

    /// A document whose symbol has no year and whose year no text gave.
    pub fn is_ambiguous(&self) -> bool {
        self.kind() == NodeKind::Document && (self.0.ends_with("@?") || self.0.contains("@?~"))
    }
}

impl TryFrom<String> for NodeId {
    type Error = String;

    fn try_from(s: String) -> Result<NodeId, String> {
        let known = [NodeKind::Document, NodeKind::Issuer, NodeKind::Source];
        match known.iter().find(|k| s.starts_with(k.prefix())) {
            Some(k) if s.len() > k.prefix().len() => Ok(NodeId(s)),
            _ => Err(format!(
                "node id {s:?} is none of doc:KEY, issuer:CODE, source:PATH"
            )),
        }
    }
}

impl From<NodeId> for String {
    fn from(id: NodeId) -> String {
        id.0
    }
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for NodeId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for NodeId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for NodeId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// The year a numbered symbol carries (`54/2014/QH13` → 2014); `None` for the older forms without one
/// (`24-L/CTN`).
pub(crate) fn symbol_year(symbol: &str) -> Option<i32> {
    symbol.split('/').nth(1)?.parse().ok()
}

/// A year-less symbol's document key read back: the symbol, the year (`None` for `@?`) and the place slug
/// (empty when the key has none). `None` for a key whose symbol carries its year, and for named keys.
pub(crate) fn yearless_key_parts(key: &str) -> Option<(&str, Option<i32>, &str)> {
    if key.starts_with("named:") {
        return None;
    }
    let (symbol, rest) = key.split_once('@')?;
    let (when, place) = rest.split_once('~').unwrap_or((rest, ""));
    let year = match when {
        "?" => None,
        y => Some(y.parse().ok()?),
    };
    Some((symbol, year, place))
}

/// The year a named document's key carries (`named:hien-phap@2013`, `named:…@2014-12-11` → the year);
/// `None` for a name of unknown date (`@?`).
pub(crate) fn named_year(key: &str) -> Option<i32> {
    let when = key.strip_prefix("named:")?.rsplit_once('@')?.1;
    when.get(..4)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_key_gives_the_year_of_its_date() {
        assert_eq!(named_year("named:hien-phap@2013"), Some(2013));
        assert_eq!(named_year("named:luat-x@2014-12-11"), Some(2014));
        assert_eq!(named_year("named:luat-x@?"), None);
        assert_eq!(named_year("54/2014/QH13"), None);
    }

    #[test]
    fn a_yearless_key_is_read_back_as_it_was_built() {
        for (year, place) in [
            (None, None),
            (Some(2017), None),
            (Some(2017), Some("Lào Cai")),
        ] {
            let key = document_id("13-CT/TW", false, year, place);
            assert_eq!(
                yearless_key_parts(&key),
                Some(("13-CT/TW", year, place.map_or("", |_| "lao-cai")))
            );
        }
        assert_eq!(yearless_key_parts("30/2020/NĐ-CP"), None);
        assert_eq!(yearless_key_parts("named:luat-x@2014"), None);
    }

    #[test]
    fn ids_are_read_back_as_they_were_built() {
        let d = NodeId::document(&document_id("57/NQ-CP", false, None, Some("Lào Cai")));
        assert_eq!(d.as_str(), "doc:57/NQ-CP@?~lao-cai");
        assert_eq!(
            (d.kind(), d.key(), d.place(), d.is_ambiguous()),
            (
                NodeKind::Document,
                "57/NQ-CP@?~lao-cai",
                Some("lao-cai"),
                true
            )
        );
        let i = NodeId::issuer("UBND", Some("lao-cai"));
        assert_eq!(
            (i.kind(), i.key(), i.place()),
            (NodeKind::Issuer, "UBND~lao-cai", Some("lao-cai"))
        );
        let s = NodeId::source("a/b.txt");
        assert_eq!(
            (s.kind(), s.key(), s.is_ambiguous()),
            (NodeKind::Source, "a/b.txt", false)
        );
        let n = NodeId::document(&named_id("luat-dat-dai", Some("2013")));
        assert_eq!(
            (n.as_str(), n.is_ambiguous()),
            ("doc:named:luat-dat-dai@2013", false)
        );
    }

    #[test]
    fn a_string_without_a_kind_is_not_an_id() {
        assert!(NodeId::try_from("30/2020/NĐ-CP".to_string()).is_err());
        assert!(NodeId::try_from("doc:".to_string()).is_err());
        assert!(NodeId::try_from("doc:30/2020/NĐ-CP".to_string()).is_ok());
    }
}
