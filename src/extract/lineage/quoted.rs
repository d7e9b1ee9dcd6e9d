//! Quoted wording: the new text of an amended provision ("Sửa đổi, bổ sung Điều 1 như sau: “Điều 1. Quy
//! định chi tiết … Nghị định số …”"), a phrase one text puts in place of another ("đính chính cụm từ “…
//! Nghị định số A” thành cụm từ “… Nghị định số B”"). The documents it names are words of that wording:
//! neither the input's verb outside the quotation nor a verb inside it acts on them.

use super::*;

/// Longest quotation read: an amended article with its clauses, not the rest of a text whose closing
/// quotation mark was lost.
const QUOTE_BYTES: usize = 20_000;

/// Every mention inside curly quotation marks is only cited, with no further relation.
pub(super) fn quoted_wording(text: &str, found: &mut Extraction) {
    let spans = quotations(text);
    if spans.is_empty() {
        return;
    }
    let inside = |at: usize| {
        let k = spans.partition_point(|&(open, _)| open < at);
        k > 0 && at < spans[k - 1].1
    };
    let cited_only = |relation: &mut Relation, partial: &mut Option<bool>, also: &mut Vec<Also>| {
        *relation = Relation::Cites;
        *partial = None;
        also.clear();
    };
    for c in found.citations.iter_mut().filter(|c| inside(c.start)) {
        cited_only(&mut c.relation, &mut c.partial, &mut c.also);
    }
    for n in found.named.iter_mut().filter(|n| inside(n.start)) {
        cited_only(&mut n.relation, &mut n.partial, &mut n.also);
    }
}

/// The outermost “…” spans of `text`, in order, each from its opening mark to its closing one.
fn quotations(text: &str) -> Vec<(usize, usize)> {
    const OPEN: &str = "\u{201c}";
    const CLOSE: &str = "\u{201d}";
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut depth = 0usize;
    let mut start = 0usize;
    // “ and ” are E2 80 9C and E2 80 9D.
    for at in memchr::memchr_iter(0xE2, bytes) {
        let rest = &bytes[at..];
        if rest.starts_with(OPEN.as_bytes()) {
            if depth == 0 {
                start = at;
            }
            depth += 1;
        } else if rest.starts_with(CLOSE.as_bytes()) && depth > 0 {
            depth -= 1;
            if depth == 0 && at - start <= QUOTE_BYTES {
                spans.push((start, at));
            }
        }
    }
    spans
}
