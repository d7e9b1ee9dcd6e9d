//! The records the pipeline produces. Field names and types follow `../shared/contract.md` exactly: external
//! evaluations read them, so fields may be added but never renamed, dropped or retyped.

use serde::{Deserialize, Serialize};

/// One mention of a document by number and symbol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    pub doc_type: String,
    /// Issuer codes from the symbol and the context.
    pub issuers: Vec<String>,
    /// The issuer as the text names it, in one canonical spelling.
    pub issuer_name: Option<String>,
    /// Graph node key of the cited document (see the README, "Document ids").
    pub id: String,
    /// Why the source cites it: `basis`, `amends`, `replaces`, `repeals`, `guides`, `implements`, `corrects`, `cites`.
    pub relation: String,
    /// The cited part, e.g. `điểm d khoản 2 Điều 10`.
    pub pinpoint: Option<String>,
}

/// The input's own identity, read from its header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    pub doc_type: String,
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
    pub doc_type: String,
    /// Adoption date `YYYY-MM-DD` when given.
    pub date: Option<String>,
    /// Year from the date or from "năm YYYY".
    pub year: Option<i32>,
    /// Why the source cites it (same vocabulary as [`Citation::relation`]).
    pub relation: String,
}

/// Everything extracted from one input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Extraction {
    /// The input's own identity, when its header gives one.
    pub document: Option<Document>,
    /// Every reference by number and symbol, in text order.
    pub citations: Vec<Citation>,
    /// Every reference by name only, in text order.
    pub named: Vec<Named>,
}
