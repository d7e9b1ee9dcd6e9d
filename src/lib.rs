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

mod context;
pub mod data;
pub mod error;
pub mod export;
mod extract;
pub mod graph;
mod header;
pub mod id;
pub mod input;
mod lineage;
pub mod model;
mod named;
pub mod normalize;
pub mod query;
mod resolve;
mod symbol;
pub mod vocab;

pub use error::{Error, ErrorKind};
pub use graph::CitationGraph;
pub use id::{document_id, NodeId, NodeKind};
pub use model::{Citation, Document, Extraction, Named};
pub use vocab::{DocType, Relation};

/// Extracts everything from one text: its own identity, every numbered reference and every named one.
pub fn extract(text: &str) -> Extraction {
    let raws = symbol::scan(text);
    let header = header::read(text, &raws);
    let document = resolve::document(&header, &raws);
    let own = extract::Own {
        symbol: header.symbol.map(|i| (raws[i].start, raws[i].end)),
        title: header.title_span,
    };
    let own_place = header
        .issuer
        .as_ref()
        .and_then(|h| h.place.clone())
        .filter(|_| document.is_some());
    let resolver = resolve::Resolver::new(text, document.as_ref(), own_place.as_deref());
    // One scan serves both the header and the mentions.
    let (citations, named) = references(text, &raws, &named::anchors(text), own, resolver);
    let mut found = Extraction {
        document,
        citations,
        named,
        reported: Vec::new(),
    };
    lineage::apply(text, &mut found, own.title);
    found
}

/// Finds every reference by number and symbol in `text`: the `find` verb alone, without the document header.
pub fn extract_citations(text: &str) -> Vec<Citation> {
    let raws = symbol::scan(text);
    references(
        text,
        &raws,
        &[],
        extract::Own::default(),
        resolve::Resolver::new(text, None, None),
    )
    .0
}

/// Citations and named references. Each run of mentions is resolved as soon as it is read, so a large input
/// never holds all its mentions besides its citations.
fn references(
    text: &str,
    raws: &[symbol::RawSymbol],
    anchors: &[named::Anchor],
    own: extract::Own,
    mut resolver: resolve::Resolver,
) -> (Vec<Citation>, Vec<Named>) {
    let mut citations = Vec::with_capacity(raws.len());
    let named = extract::find_references(text, raws, anchors, own, &mut |mentions| {
        resolver.resolve(mentions, &mut citations);
    });
    (citations, named)
}
