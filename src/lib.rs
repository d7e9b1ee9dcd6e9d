//! vncite finds references between Vietnamese legal and administrative documents, works out what each one
//! means, and (in later stages) builds a citation graph of documents and issuers.
//!
//! The pipeline runs **normalize → extract → resolve**: [`normalize`] folds look-alike spellings without
//! touching offsets, [`extract_citations`] finds every reference by number and symbol and reads its context,
//! and the resolve step gives each one its year, date, doc type, issuers, relation and graph id. Spans always
//! index the original input.
//!
//! ```
//! let text = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;";
//! let found = vncite::extract(text);
//! let c = &found.citations[0];
//! assert_eq!(c.symbol, "30/2020/NĐ-CP");
//! assert_eq!(c.date.as_deref(), Some("2020-03-05"));
//! assert_eq!(c.doc_type, "decree");
//! assert_eq!(c.relation, "basis");
//! assert_eq!(c.issuer_name.as_deref(), Some("Chính phủ"));
//! assert_eq!(&text[c.start..c.end], c.text);
//! ```
//!
//! Text written without diacritics, NFD text, `Ð` for `Đ` and look-alike dashes give the same symbols:
//!
//! ```
//! let found = vncite::extract("Nghi dinh so 100/2019/ND-CP ngay 30/12/2019");
//! assert_eq!(found.citations[0].symbol, "100/2019/NĐ-CP");
//! assert_eq!(found.citations[0].date.as_deref(), Some("2019-12-30"));
//! ```

#![warn(missing_docs)]

pub mod annotate;
pub mod atomic;
pub mod data;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod id;
pub mod input;
pub mod model;
pub mod print;
pub mod query;
#[cfg(feature = "serve")]
pub mod serve;
pub mod vocab;

pub use extract::{clean, extract, extract_citations, find, resolve, RawSymbol, PARALLEL_INPUT};

/// Folding and tidying text: the `clean` stage's tools, for comparing spellings as vncite does.
pub mod normalize {
    pub use crate::extract::clean::{code_key, fold, is_dash, is_slash, is_space, tidy, Folded};
}

pub use error::{Error, ErrorKind};
pub use graph::CitationGraph;
pub use id::{document_id, NodeId, NodeKind};
pub use model::{Citation, Document, Extraction, Named};
pub use vocab::{DocType, Relation};
