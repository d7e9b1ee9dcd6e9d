//! The extraction pipeline, one file per stage: **clean → find → resolve**, then the lineage pass over the
//! whole input.
//!
//! - `clean`: folds look-alike spellings (NFD, `Ð`, dashes, no diacritics) without moving offsets;
//! - `find`: the symbol scan (`30/2020/NĐ-CP`, `57-NQ/TW`), `header` the input's own identity, `named`
//!   laws cited by name, `clause` the runs of overlapping windows each mention is read from;
//! - `window`, `context`, `relation`: a mention's clause, the words around it (type word, date, issuer,
//!   pinpoint) and the relation its clause states;
//! - `resolve`: years, dates, doc types, issuers and ids; `lineage`: what only the whole input says
//!   (database notes, passive statements, lead-in lists, named laws' ids, changes that cannot be).
//!
//! Relation phrases, doc types and issuers are data (`data/*.tsv`), not code.

mod clause;
pub(crate) mod clean;
mod context;
mod dates;
pub(crate) mod find;
mod header;
mod heading_dates;
mod lineage;
mod named;
mod relation;
mod resolve;
mod tail_words;
mod window;

pub use find::RawSymbol;

use crate::model::{Citation, Extraction, Named};

/// The `clean` verb: `text` folded the way every rule reads it (lower case, no diacritics, `đ` as `d`,
/// look-alike dashes and slashes as ASCII, runs of spaces as one), which is how "Nghi dinh so 30/2020/ND-CP"
/// and "Nghị định số 30/2020/NĐ-CP" come to give the same reference. Spans never point into this form:
/// extraction maps every match back to the original bytes.
///
/// ```
/// assert_eq!(vncite::clean("Nghị định  số 30/2020/NĐ‑CP"), "nghi dinh so 30/2020/nd-cp");
/// ```
pub fn clean(text: &str) -> String {
    clean::fold(text)
}

/// The `find` verb: every number-and-symbol shaped reference in `text`, in order, before any context is
/// read: spans into `text` and the canonical symbol.
///
/// ```
/// let text = "theo Nghị quyết 57-NQ/TW và Công văn 1234/BTC-TCT";
/// let found: Vec<_> = vncite::find(text).into_iter().map(|s| (s.canonical, s.start, s.end)).collect();
/// assert_eq!(found, [("57-NQ/TW".to_string(), 20, 28), ("1234/BTC-TCT".to_string(), 44, 56)]);
/// assert_eq!(&text[20..28], "57-NQ/TW");
/// ```
pub fn find(text: &str) -> Vec<RawSymbol> {
    find::scan(text)
}

/// The `resolve` verb: every reference by number and symbol with what its words say (year, date, doc type,
/// issuers, relation, graph id), without the input's own header or named laws. [`extract`] does it all.
///
/// ```
/// let c = &vncite::resolve("Bãi bỏ Thông tư số 01/2011/TT-BNV ngày 19/01/2011.")[0];
/// assert_eq!((c.symbol.as_str(), c.relation, c.date.as_deref()),
///            ("01/2011/TT-BNV", vncite::Relation::Repeals, Some("2011-01-19")));
/// ```
pub fn resolve(text: &str) -> Vec<Citation> {
    extract_citations(text)
}

/// The `extract` verb: everything in one text: its own identity, every numbered reference, every law named
/// without a number, and the relations it reports between other documents.
///
/// ```
/// let found = vncite::extract("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;");
/// assert_eq!(found.named[0].name, "Luật Tổ chức Chính phủ");
/// assert_eq!(found.named[0].relation, vncite::Relation::Basis);
/// ```
pub fn extract(text: &str) -> Extraction {
    // The symbol scan and the name-anchor scan read the text independently.
    let (raws, anchors) = both(text.len(), || find::scan(text), || named::anchors(text));
    let header = header::read(text, &raws);
    let document = resolve::document(&header, &raws);
    let own = clause::Own {
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
    let (mut citations, named) = references(text, &raws, &anchors, own, resolver);
    heading_dates::apply(text, &mut citations);
    let mut found = Extraction {
        document,
        citations,
        named,
        reported: Vec::new(),
    };
    lineage::apply(text, &mut found, own.title, header.draft_year);
    found
}

/// Every reference by number and symbol in `text`, resolved, without the document header: [`resolve`] under
/// the name earlier versions gave it.
pub fn extract_citations(text: &str) -> Vec<Citation> {
    let raws = find::scan(text);
    references(
        text,
        &raws,
        &[],
        clause::Own::default(),
        resolve::Resolver::new(text, None, None),
    )
    .0
}

/// Inputs of at least this many bytes are extracted on every core of the current rayon pool (with the
/// `parallel` feature), the result the same as on one; smaller ones on the calling thread, since starting
/// the work on other threads costs more than reading them.
pub const PARALLEL_INPUT: usize = 1 << 20;

/// `a()` and `b()`, side by side on the current thread pool when the input is large enough to pay for it.
fn both<A: Send, B: Send>(
    len: usize,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    #[cfg(feature = "parallel")]
    if len >= PARALLEL_INPUT && rayon::current_num_threads() > 1 {
        return rayon::join(a, b);
    }
    let _ = len;
    (a(), b())
}

/// Citations and named references. Each run of mentions is resolved as soon as it is read, so a large input
/// never holds all its mentions besides its citations.
fn references(
    text: &str,
    raws: &[find::RawSymbol],
    anchors: &[named::Anchor],
    own: clause::Own,
    mut resolver: resolve::Resolver,
) -> (Vec<Citation>, Vec<Named>) {
    let mut citations = Vec::with_capacity(raws.len());
    let named = clause::find_references(text, raws, anchors, own, &mut |mentions| {
        resolver.resolve(mentions, &mut citations);
    });
    (citations, named)
}
