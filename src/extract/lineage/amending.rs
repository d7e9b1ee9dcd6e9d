//! Repeals inside an amending article: "Điều 101. Sửa đổi, bổ sung một số điều của Luật quản lý thuế số
//! 78/2006/QH11" over items such as "5. Bãi bỏ điểm d khoản 3 Điều 77;". The item names no document: the
//! provision it ends is one of the document the article amends, which the input therefore also repeals in
//! part.

use super::*;

/// The verbs that open a repealing item, as items write them (capital first, at the item's start).
const REPEALING_ITEM_VERBS: [&str; 3] = ["Bãi bỏ ", "Hủy bỏ ", "Huỷ bỏ "];

/// The parts of a document a repealing item can end ("Bãi bỏ điểm d …", "Bãi bỏ các Điều 32, 33 …"),
/// folded.
const PROVISION_WORDS: [&str; 9] = [
    "diem ", "khoan ", "dieu ", "cac ", "chuong ", "muc ", "cum tu", "phu luc", "mau ",
];

/// An article heading with its title on the same line ("Điều 102. Sửa đổi …"): the end of the article
/// above. A number alone on its line ("Điều 107.") is the tail of a wrapped reference in page copies.
static ARTICLE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*Điều [0-9]+[a-zđ]?\. +\p{Lu}")
        .unwrap_or_else(|e| panic!("article heading: {e}"))
});

pub(super) fn repeals_among_amendments(text: &str, found: &mut Extraction, refs: &[Span]) {
    let bytes = text.as_bytes();
    let mut items: Vec<(usize, usize)> = Vec::new();
    for verb in REPEALING_ITEM_VERBS {
        for at in memchr::memmem::find_iter(bytes, verb.as_bytes()) {
            let line_start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |p| p + 1);
            let mark = &text[line_start..at];
            // The verb opens an item: only its mark stands before it.
            let Some(m) = ITEM_MARK.find(mark) else {
                continue;
            };
            if !mark[m.end()..].trim().is_empty() {
                continue;
            }
            let object =
                fold(&text[at + verb.len()..floor_boundary(text, (at + 40).min(text.len()))]);
            if !PROVISION_WORDS.iter().any(|w| object.starts_with(w)) {
                continue;
            }
            let line_end = memchr::memchr(b'\n', &bytes[at..]).map_or(text.len(), |p| at + p);
            // An item that names a document is read through that mention.
            if refs_on(refs, line_start, line_end).is_empty() {
                items.push((at, line_end));
            }
        }
    }
    items.sort_unstable();
    for (start, end) in items {
        let Some(governing) = amended_above(text, found, refs, start) else {
            continue;
        };
        // The provisions: the item's words after its verb, to the end of its first clause.
        let object = &text[start..end];
        let object = object.split_once(' ').map_or("", |(_, rest)| rest);
        let object = object.split_once(' ').map_or("", |(_, rest)| rest);
        let object = object[..object.find([';', '.']).unwrap_or(object.len())].trim();
        let also = Also {
            relation: Relation::Repeals,
            start,
            end: start + text[start..end].trim_end().len(),
            partial: Some(true),
            pinpoint: (!object.is_empty()).then(|| object.to_string()),
        };
        let repeals_already = |relation: Relation, alsos: &[Also]| {
            relation == Relation::Repeals || alsos.iter().any(|a| a.relation == Relation::Repeals)
        };
        match governing {
            Ref::Citation(i) => {
                if let Some(c) = found.citations.get_mut(i) {
                    if !repeals_already(c.relation, &c.also) {
                        c.also.push(also);
                    }
                }
            }
            Ref::Named(i) => {
                if let Some(n) = found.named.get_mut(i) {
                    if !repeals_already(n.relation, &n.also) {
                        n.also.push(also);
                    }
                }
            }
            Ref::Document => {}
        }
    }
}

/// The mention the input amends nearest above `at`, when `at` is still inside its article and outside
/// the new wording the article quotes.
fn amended_above(text: &str, found: &Extraction, refs: &[Span], at: usize) -> Option<Ref> {
    let relations = |r: &Span| {
        match r.at {
            Ref::Citation(i) => found.citations.get(i).map(|c| (c.relation, &c.also[..])),
            Ref::Named(i) => found.named.get(i).map(|n| (n.relation, &n.also[..])),
            Ref::Document => None,
        }
        .unwrap_or((Relation::Cites, &[]))
    };
    let above = &refs[..refs.partition_point(|r| r.start < at)];
    let bytes = text.as_bytes();
    let line_start_of = |at: usize| memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |p| p + 1);
    let nearest = above.iter().rev().find(|r| {
        let (relation, also) = relations(r);
        // "Sửa đổi, bổ sung, bãi bỏ một số điều của …" reads as repeals here: its second verb is added
        // later (`coordinated_change`).
        let amends = matches!(relation, Relation::Amends | Relation::Repeals)
            || also.iter().any(|a| a.relation == Relation::Amends);
        // The object of the line's own amending verb ("Điều 101. Sửa đổi, bổ sung … của Luật …"), not a
        // document the new wording of a provision mentions.
        amends && fold(&text[line_start_of(r.start)..r.start]).contains("sua doi")
    })?;
    // "Luật X số … đã được sửa đổi, bổ sung theo Luật Y": the article amends X, whose wording Y last
    // changed; the provision an item ends is X's.
    let line_start = line_start_of(nearest.start);
    let amended = refs_on(refs, line_start, nearest.end)
        .iter()
        .find(|r| relations(r).0 == Relation::Amends)
        .unwrap_or(nearest);
    // From the line after the amending mention: an article heading ends its article.
    let after =
        memchr::memchr(b'\n', &text.as_bytes()[amended.end..at]).map_or(at, |p| amended.end + p);
    let between = &text[after..at];
    // Headings inside a quotation are of the new wording ("như sau: “Điều 32a. …”"), not the input's.
    if ARTICLE_HEADING
        .find_iter(between)
        .any(|h| !inside_quotation(&between[..h.start()]))
    {
        return None;
    }
    // Inside an open quotation the item is the new wording of a provision, not an act of the input.
    (!inside_quotation(between)).then_some(amended.at)
}

/// Whether the quotation of new wording that the last "… như sau:" before the end of `text` opened is
/// still open there. Counting from that lead-in, not from the article's start, keeps one quotation the
/// page copy left unclosed from hiding every item after it.
fn inside_quotation(text: &str) -> bool {
    let from = ["như sau", "nhu sau"]
        .iter()
        .filter_map(|w| text.rfind(w))
        .max()
        .unwrap_or(0);
    let text = &text[from..];
    let opened = text.matches('“').count();
    let closed = text.matches('”').count();
    let straight = text.matches('"').count();
    opened > closed || straight % 2 == 1
}
