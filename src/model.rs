//! The records the pipeline produces. Field names and types follow `../shared/contract.md` exactly: external
//! evaluations read them, so fields may be added but never renamed, dropped or retyped.

use crate::vocab::{DocType, Relation};
use serde::{Deserialize, Serialize};

/// One mention of a document by number and symbol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Citation {
    /// Byte offset of the mention in the original input.
    pub start: usize,
    /// Byte offset just past the mention (exclusive).
    pub end: usize,
    /// The mention as written: `input[start..end]`.
    pub text: String,
    /// Canonical number and symbol, e.g. `30/2020/NĐ-CP`, `57/NQ-CP`, `57-NQ/TW`.
    pub symbol: String,
    /// The number part as written, e.g. `06`, `66.19`.
    pub number: String,
    /// Issue year from the symbol, the date, or the context.
    pub year: Option<i32>,
    /// Issue date `YYYY-MM-DD` when the text gives it.
    pub date: Option<String>,
    /// One of the contract's doc types (`decree`, `decision`, …).
    pub doc_type: DocType,
    /// Issuer codes from the symbol and the context.
    pub issuers: Vec<String>,
    /// The issuer as the text names it, in one canonical spelling.
    pub issuer_name: Option<String>,
    /// Graph node key of the cited document (see the README, "Document ids").
    pub id: String,
    /// Why the source cites it: `basis`, `amends`, `replaces`, `repeals`, `guides`, `implements`, `corrects`, `cites`.
    pub relation: Relation,
    /// The cited part, e.g. `điểm d khoản 2 Điều 10`.
    pub pinpoint: Option<String>,
    /// For `amends`, `replaces`, `repeals`: whether the change touches only part of the cited document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial: Option<bool>,
    /// The relation the words state was impossible (a change of a later document, or of a law by a lower
    /// rank) and fell back to `cites`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub doubtful: bool,
    /// Further relations stated elsewhere in the input (see [`Also`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Also>,
}

/// The input's own identity, read from its header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// Canonical number and symbol.
    pub symbol: String,
    /// The number part as written.
    pub number: String,
    /// Issue year.
    pub year: Option<i32>,
    /// Issue date `YYYY-MM-DD` from the place-and-date line.
    pub date: Option<String>,
    /// Doc type from the title word, a `V/v` line, or the symbol code.
    pub doc_type: DocType,
    /// Issuer codes from the symbol and the header block.
    pub issuers: Vec<String>,
    /// The issuing body named in the header block.
    pub issuer_name: Option<String>,
    /// Graph node key.
    pub id: String,
    /// The trích yếu (title) as written.
    pub title: Option<String>,
}

/// A law, code, ordinance or constitution cited by name only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Named {
    /// Byte offset of the mention in the original input.
    pub start: usize,
    /// Byte offset just past the mention (exclusive).
    pub end: usize,
    /// The mention as written: `input[start..end]`.
    pub text: String,
    /// The name as written, e.g. `Luật Tổ chức Chính phủ`.
    pub name: String,
    /// `law`, `code`, `ordinance` or `constitution`.
    pub doc_type: DocType,
    /// Adoption date `YYYY-MM-DD` when given.
    pub date: Option<String>,
    /// Year from the date or from "năm YYYY".
    pub year: Option<i32>,
    /// Why the source cites it (same vocabulary as [`Citation::relation`]).
    pub relation: Relation,
    /// The cited part, e.g. `khoản 3 Điều 78`.
    pub pinpoint: Option<String>,
    /// Graph node key: the numbered document's id when the name resolves to one, else the named node's key.
    pub id: String,
    /// The resolved symbol, when the name resolves to a numbered document.
    pub symbol: Option<String>,
    /// As [`Citation::partial`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial: Option<bool>,
    /// As [`Citation::doubtful`].
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub doubtful: bool,
    /// Further relations stated elsewhere in the input (see [`Also`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Also>,
}

/// A further relation the input states for a mention besides the one that governs it, with the words
/// that state it: a decree whose scope says "Nghị định này quy định chi tiết …" guides the laws it is based
/// on, which its Căn cứ lines cite as `basis`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Also {
    /// The further relation.
    pub relation: Relation,
    /// Byte span of the words that state it.
    pub start: usize,
    /// End of those words (exclusive).
    pub end: usize,
    /// For a change: whether it touches only part of the document, as [`Citation::partial`]. "Bãi bỏ Luật
    /// X đã được sửa đổi theo Luật Y" ends only the provisions of Y that amended X.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial: Option<bool>,
    /// The part it touches when the words that state it name one the mention does not ("Bãi bỏ khoản 3
    /// Điều 12" under an article amending the document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinpoint: Option<String>,
}

/// One side of a [`Reported`] relation: an index into the input's citations or named references, or the
/// input's own document (a database note "[Điều này được sửa đổi bởi …]" on the page of the input).
/// Written `{"citation": i}`, `{"named": i}` or `{"document": true}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "RefWire", try_from = "RefWire")]
pub enum Ref {
    /// An index into the input's citations.
    Citation(usize),
    /// An index into the input's named references.
    Named(usize),
    /// The input itself.
    Document,
}

/// [`Ref`] as written: exactly one key.
#[derive(Serialize, Deserialize)]
struct RefWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    citation: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    named: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    document: Option<bool>,
}

impl From<Ref> for RefWire {
    fn from(r: Ref) -> RefWire {
        let mut wire = RefWire {
            citation: None,
            named: None,
            document: None,
        };
        match r {
            Ref::Citation(i) => wire.citation = Some(i),
            Ref::Named(i) => wire.named = Some(i),
            Ref::Document => wire.document = Some(true),
        }
        wire
    }
}

impl TryFrom<RefWire> for Ref {
    type Error = &'static str;

    fn try_from(w: RefWire) -> Result<Ref, Self::Error> {
        match (w.citation, w.named, w.document) {
            (Some(i), None, None) => Ok(Ref::Citation(i)),
            (None, Some(i), None) => Ok(Ref::Named(i)),
            (None, None, Some(true)) => Ok(Ref::Document),
            _ => Err("a reference has exactly one of citation, named or document: true"),
        }
    }
}

/// A relation the text states between two other documents ("Thông tư số 01/2011/TT-BNV đã được sửa đổi
/// bởi Thông tư số 05/2019/TT-BNV"): not an act of the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Reported {
    /// The document that acts.
    pub actor: Ref,
    /// What it does, from its own point of view.
    pub relation: Relation,
    /// The document acted on.
    pub target: Ref,
    /// A legal database's bracketed note rather than the document's own words.
    pub editorial: bool,
    /// Byte span of the statement.
    pub start: usize,
    /// End of the statement (exclusive).
    pub end: usize,
    /// The touched part of the target, when the statement names it.
    pub pinpoint: Option<String>,
    /// Whether the change is to part of the target or to all of it, when the statement says so without
    /// naming the part (a database's "Bị bãi bỏ 1 phần" against "Bị thay thế"); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial: Option<bool>,
}

/// Everything extracted from one input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[non_exhaustive]
pub struct Extraction {
    /// The input's own identity, when its header gives one.
    pub document: Option<Document>,
    /// Every reference by number and symbol, in text order.
    pub citations: Vec<Citation>,
    /// Every reference by name only, in text order.
    pub named: Vec<Named>,
    /// Relations the text states between other documents, in text order.
    #[serde(default)]
    pub reported: Vec<Reported>,
}

impl Extraction {
    /// Adds a later part of the same input (see `vncite::extract::extract_parts`): its citations, named
    /// references and reported relations follow this one's, its `reported` entries re-indexed to them. A
    /// part's `document` is kept only when this extraction has none yet.
    pub fn append(&mut self, part: Extraction) {
        let (citations, named) = (self.citations.len(), self.named.len());
        if self.document.is_none() {
            self.document = part.document;
        }
        self.citations.extend(part.citations);
        self.named.extend(part.named);
        self.reported
            .extend(part.reported.into_iter().map(|r| r.after(citations, named)));
    }

    /// Moves every span `by` bytes later: a part read from a slice that starts `by` bytes into the input.
    pub(crate) fn shift(&mut self, by: usize) {
        let also = |a: &mut Also| {
            a.start += by;
            a.end += by;
        };
        for c in &mut self.citations {
            c.start += by;
            c.end += by;
            c.also.iter_mut().for_each(also);
        }
        for n in &mut self.named {
            n.start += by;
            n.end += by;
            n.also.iter_mut().for_each(also);
        }
        for r in &mut self.reported {
            r.start += by;
            r.end += by;
        }
    }
}

impl Reported {
    /// This relation once `citations` citations and `named` named references come before its part's.
    pub(crate) fn after(mut self, citations: usize, named: usize) -> Reported {
        let after = |r: Ref| match r {
            Ref::Citation(i) => Ref::Citation(i + citations),
            Ref::Named(i) => Ref::Named(i + named),
            Ref::Document => Ref::Document,
        };
        self.actor = after(self.actor);
        self.target = after(self.target);
        self
    }
}
