//! The extraction pipeline, one file per stage: **clean → find → resolve**, then the lineage pass over the
//! whole input.
//!
//! - `clean`: folds look-alike spellings (NFD, `Ð`, dashes, no diacritics) without moving offsets;
//! - `find`: the symbol scan (`30/2020/NĐ-CP`, `57-NQ/TW`), `header` the input's own identity (`draft`: a
//!   draft's blank number and year), `named` laws cited by name, `clause` the runs of overlapping windows
//!   each mention is read from;
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
mod draft;
pub(crate) mod find;
mod header;
mod heading_dates;
mod joined_title;
mod lineage;
mod named;
mod place;
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
    let mut whole = Extraction::default();
    extract_parts(text, |part| whole.append(part));
    whole
}

/// Inputs longer than twice this are read in parts of about this size (see [`extract_parts`]). The
/// longest documents of the national databases are well under a megabyte, so no real document is cut.
pub const PART_BYTES: usize = 2 << 20;

/// [`extract`] handed over part by part, so that a very long input (a dump of many documents, a list of
/// millions of symbols) is never held whole as citations: an input longer than twice [`PART_BYTES`] is
/// cut at a blank line, else a line break, else a space, near every [`PART_BYTES`].
///
/// The input's own identity comes from the first part and governs every part; the rules that read the
/// whole input (lists, database notes, which law a name means) read one part at a time. Spans point into
/// `text`; a part's `reported` entries index that part's own `citations` and `named`, as
/// [`Extraction::append`] expects. The first part carries `document`; later parts carry `None`. The cut
/// depends on the text alone, never on the number of threads.
///
/// ```
/// let text = "Căn cứ Nghị định số 30/2020/NĐ-CP;\n".repeat(3);
/// let mut parts = Vec::new();
/// vncite::extract::extract_parts(&text, |part| parts.push(part));
/// assert_eq!(parts.len(), 1); // a short input is one part
/// assert_eq!(parts[0].citations.len(), 3);
/// ```
pub fn extract_parts(text: &str, each: impl FnMut(Extraction)) {
    extract_parts_of(text, PART_BYTES, each)
}

/// [`extract_parts`] with parts of about `part` bytes.
pub(crate) fn extract_parts_of(text: &str, part: usize, mut each: impl FnMut(Extraction)) {
    let ends = part_ends(text, part);
    let first_end = ends.first().copied().unwrap_or(text.len());
    let (first, own) = extract_first(&text[..first_end]);
    each(first);
    let spans: Vec<(usize, usize)> = ends.windows(2).map(|w| (w[0], w[1])).collect();
    #[cfg(feature = "parallel")]
    if spans.len() > 1 && rayon::current_num_threads() > 1 {
        return pipelined(text, &spans, &own, &mut each);
    }
    for &(start, end) in &spans {
        each(extract_later(text, start, end, &own));
    }
}

/// The later parts read on the pool, as many at once as it has threads, and handed to `each` in order on
/// this thread while the next ones are read: memory holds those parts, never the input's citations. A
/// thread of the pool that waits for its next part reads other parts meanwhile.
#[cfg(feature = "parallel")]
fn pipelined(
    text: &str,
    spans: &[(usize, usize)],
    own: &OwnContext,
    each: &mut dyn FnMut(Extraction),
) {
    use std::collections::VecDeque;
    use std::sync::mpsc::{sync_channel, Receiver, TryRecvError};
    let depth = rayon::current_num_threads();
    rayon::in_place_scope_fifo(|scope| {
        let mut next = spans.iter();
        let mut launch = |queue: &mut VecDeque<Receiver<Extraction>>| {
            if let Some(&(start, end)) = next.next() {
                let (tx, rx) = sync_channel(1);
                scope.spawn_fifo(move |_| {
                    // The receiver is gone only when an earlier part's reading panicked.
                    let _ = tx.send(extract_later(text, start, end, own));
                });
                queue.push_back(rx);
            }
        };
        let mut queue = VecDeque::with_capacity(depth);
        for _ in 0..depth {
            launch(&mut queue);
        }
        while let Some(rx) = queue.pop_front() {
            let part = loop {
                match rx.try_recv() {
                    Ok(part) => break Some(part),
                    // Its reading panicked; the scope raises that panic here once every task has ended.
                    Err(TryRecvError::Disconnected) => break None,
                    Err(TryRecvError::Empty) => {
                        if rayon::yield_now() != Some(rayon::Yield::Executed) {
                            std::thread::sleep(std::time::Duration::from_micros(200));
                        }
                    }
                }
            };
            let Some(part) = part else { break };
            launch(&mut queue);
            each(part);
        }
    });
}

/// Where each part of `text` ends: one part unless the text is longer than twice `part`.
pub(crate) fn part_ends(text: &str, part: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut start = 0;
    let part = part.max(1);
    while text.len() - start > 2 * part {
        let target = clean::floor_boundary(text, start + part);
        // A character longer than half a part can put the half past the part's end.
        let floor = clean::ceil_boundary(text, start + part / 2).min(target);
        let bytes = &text.as_bytes()[floor..target];
        let cut = memchr::memmem::rfind(bytes, b"\n\n")
            .map(|i| i + 2)
            .or_else(|| memchr::memrchr(b'\n', bytes).map(|i| i + 1))
            .or_else(|| memchr::memrchr(b' ', bytes).map(|i| i + 1))
            .map_or(target, |i| floor + i);
        // A part never ends where it starts.
        let cut = if cut <= start {
            target.max(start + 1)
        } else {
            cut
        };
        let cut = clean::ceil_boundary(text, cut);
        ends.push(cut);
        start = cut;
    }
    ends.push(text.len());
    ends
}

/// What the first part's header says about the whole input, for the parts after it.
struct OwnContext {
    document: Option<crate::model::Document>,
    place: Option<String>,
    draft_year: Option<i32>,
}

/// The first part, read as a whole input is: its header is the input's own.
fn extract_first(text: &str) -> (Extraction, OwnContext) {
    // The symbol scan and the name-anchor scan read the text independently.
    let (raws, anchors) = both(text.len(), || find::scan(text), || named::anchors(text));
    let header = header::read(text, &raws);
    let document = resolve::document(&header, &raws);
    let own = clause::Own {
        symbol: header.symbol.map(|i| (raws[i].start, raws[i].end)),
        title: header.title_span,
        doc_type: None,
    };
    let context = OwnContext {
        place: header
            .issuer
            .as_ref()
            .and_then(|h| h.place.clone())
            .filter(|_| document.is_some()),
        document,
        draft_year: header.draft_year,
    };
    // One scan serves both the header and the mentions.
    let found = read_part(text, (raws, anchors), own, &context);
    (found, context)
}

/// The part `text[start..end]` after the first: no header of its own, the input's identity from the first.
fn extract_later(text: &str, start: usize, end: usize, own: &OwnContext) -> Extraction {
    let part = &text[start..end];
    let scans = both(part.len(), || find::scan(part), || named::anchors(part));
    let mut found = read_part(part, scans, clause::Own::default(), own);
    found.document = None;
    found.shift(start);
    found
}

/// Everything in one part, its own spans in `own` and the input's identity in `context`.
fn read_part(
    text: &str,
    (raws, anchors): (Vec<find::RawSymbol>, Vec<named::Anchor>),
    own: clause::Own,
    context: &OwnContext,
) -> Extraction {
    // Every part knows the input's own type, so that a part reads its formulas as a whole input would.
    let own = clause::Own {
        doc_type: context.document.as_ref().map(|d| d.doc_type),
        ..own
    };
    let resolver =
        resolve::Resolver::new(text, context.document.as_ref(), context.place.as_deref());
    let (mut citations, named, named_starts) = references(text, &raws, &anchors, own, resolver);
    drop((raws, anchors));
    heading_dates::apply(text, &mut citations);
    let mut found = Extraction {
        document: context.document.clone(),
        citations,
        named,
        reported: Vec::new(),
    };
    lineage::apply(text, &mut found, own.title, context.draft_year);
    write_from_names(text, &mut found.citations, &named_starts);
    found
}

/// Widens the mentions written from a law's name before their number ("Luật Quản lý thuế số 38/2019/QH14")
/// to start at that name, once every rule has read them from the number.
fn write_from_names(text: &str, citations: &mut [Citation], named_starts: &[(usize, usize)]) {
    if named_starts.is_empty() {
        return;
    }
    let starts: rustc_hash::FxHashMap<usize, usize> = named_starts.iter().copied().collect();
    for c in citations {
        if let Some(&from) = starts.get(&c.start) {
            if let Some(written) = text.get(from..c.end) {
                c.text = written.to_string();
                c.start = from;
            }
        }
    }
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
) -> (Vec<Citation>, Vec<Named>, Vec<(usize, usize)>) {
    let mut citations = Vec::with_capacity(raws.len());
    let named = clause::find_references(text, raws, anchors, own, &mut |mentions| {
        resolver.resolve(mentions, &mut citations);
    });
    (citations, named, resolver.named_starts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A header, then lines of hand-written fixtures that hold lists, notes and reported relations.
    fn long_text() -> String {
        let mut text = String::from(include_str!("../../tests/data/lineage/amended_lapses.txt"));
        for fixture in [
            include_str!("../../tests/data/lineage/effect_history.txt"),
            include_str!("../../tests/data/lineage/lead_in.txt"),
            include_str!("../../tests/data/lineage/editorial.txt"),
            include_str!("../../tests/data/lineage/reported.txt"),
            include_str!("../../tests/data/named_lists.txt"),
        ] {
            text.push_str("\n\n");
            text.push_str(fixture);
        }
        text
    }

    fn parts_of(text: &str, part: usize) -> Vec<Extraction> {
        let mut parts = Vec::new();
        extract_parts_of(text, part, |p| parts.push(p));
        parts
    }

    #[test]
    fn a_part_ends_at_a_blank_line_else_a_line_break_else_a_space() {
        let text = "aaaa bbbb\n\ncccc dddd\neeee ffff gggg hhhh iiii jjjj";
        assert_eq!(part_ends(text, 12), [11, 21, 31, 50]);
        assert_eq!(&text[..11], "aaaa bbbb\n\n");
        assert_eq!(&text[11..21], "cccc dddd\n");
        assert_eq!(&text[21..31], "eeee ffff ");
        // No space at all: the cut falls on a char boundary.
        assert_eq!(part_ends("ĐĐĐĐĐĐĐĐĐĐ", 5), [4, 8, 12, 20]);
        // Three-byte characters and parts of two bytes: every part still ends on a boundary past its start.
        assert_eq!(part_ends("ệệệệệ", 2), [3, 6, 9, 12, 15]);
        assert_eq!(part_ends("short", 10), [5]);
    }

    #[test]
    fn an_input_under_twice_the_part_size_is_read_whole() {
        let text = long_text();
        let parts = parts_of(&text, text.len());
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0], extract(&text));
    }

    #[test]
    fn later_parts_keep_the_first_parts_identity_and_index_their_own_mentions() {
        let text = long_text();
        let parts = parts_of(&text, 700);
        assert!(parts.len() > 4, "{} parts", parts.len());
        let whole = extract(&text);
        assert_eq!(
            whole.document.as_ref().map(|d| d.symbol.as_str()),
            Some("90/2025/QH15")
        );
        assert!(parts[1..].iter().all(|p| p.document.is_none()));
        let mut merged = Extraction::default();
        for p in parts {
            merged.append(p);
        }
        // Parts report nothing the whole text does not; only a statement whose table a cut divides is lost
        // (the effect history's last row, its heading in the part before).
        let statements = |found: &Extraction| -> Vec<(String, crate::vocab::Relation, String)> {
            let name = |r: crate::model::Ref| match r {
                crate::model::Ref::Citation(i) => found.citations[i].symbol.clone(),
                crate::model::Ref::Named(i) => found.named[i].name.clone(),
                crate::model::Ref::Document => "document".into(),
            };
            found
                .reported
                .iter()
                .map(|r| (name(r.actor), r.relation, name(r.target)))
                .collect()
        };
        let whole_read = statements(&parts_of(&text, text.len())[0]);
        let in_parts = statements(&merged);
        let lost: Vec<_> = whole_read
            .iter()
            .filter(|s| !in_parts.contains(s))
            .collect();
        assert!(
            in_parts.iter().all(|s| whole_read.contains(s)),
            "{in_parts:?}"
        );
        assert_eq!(
            lost,
            [&(
                "12/2034/NĐ-CP".to_string(),
                crate::vocab::Relation::Replaces,
                "45/2031/NĐ-CP".to_string()
            )]
        );
        assert_eq!(in_parts.len(), 16);
        let heading = text.find("Lịch sử hiệu lực").unwrap_or(0);
        let row = text.find("12/2034/NĐ-CP").unwrap_or(0);
        let ends = part_ends(&text, 700);
        assert!(ends.iter().any(|&e| heading < e && e <= row), "{ends:?}");
        // Each reported relation names mentions of the part that states it.
        let part_of = |at: usize| ends.partition_point(|&end| end <= at);
        for r in &merged.reported {
            for side in [r.actor, r.target] {
                let start = match side {
                    crate::model::Ref::Citation(i) => merged.citations[i].start,
                    crate::model::Ref::Named(i) => merged.named[i].start,
                    crate::model::Ref::Document => continue,
                };
                assert_eq!(part_of(start), part_of(r.start), "{r:?}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever the part size, every span slices the input to the mention's text, the mentions stay in
        /// order, and the record written part by part is the one written for the parts appended together.
        #[test]
        fn parts_are_spans_into_the_input_and_one_record(part in 1usize..6000) {
            let text = long_text();
            let parts = parts_of(&text, part);
            let mut merged = Extraction::default();
            let mut streamed = Vec::new();
            let mut record = crate::print::JsonLineParts::new(&mut streamed, "long");
            for p in parts {
                merged.append(p.clone());
                prop_assert!(record.part(p).is_ok());
            }
            prop_assert!(record.finish().is_ok());
            for c in &merged.citations {
                prop_assert_eq!(&text[c.start..c.end], c.text.as_str());
            }
            for n in &merged.named {
                prop_assert_eq!(&text[n.start..n.end], n.text.as_str());
            }
            prop_assert!(merged.citations.windows(2).all(|w| w[0].start < w[1].start));
            let mut whole = Vec::new();
            prop_assert!(crate::print::write_json_line(&mut whole, &mut Vec::new(), "long", &merged).is_ok());
            prop_assert_eq!(String::from_utf8_lossy(&streamed), String::from_utf8_lossy(&whole));
        }
    }
}
