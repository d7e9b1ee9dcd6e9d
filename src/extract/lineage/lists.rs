//! Lead-in lists: a line ending with a colon that says what happens to the items below it.

use super::*;

/// The verbs of a list lead-in, likewise.
pub(super) static LEAD_IN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    literal_words(&[
        "hiệu lực",
        "bãi bỏ",
        "hủy bỏ",
        "huỷ bỏ",
        "thay thế",
        "sửa đổi",
        "hieu luc",
        "bai bo",
        "huy bo",
        "thay the",
        "sua doi",
    ])
});

/// A lead-in that ends with a colon and says what happens to the items below it: "Các văn bản sau đây
/// hết hiệu lực kể từ ngày Nghị định này có hiệu lực:", "Bãi bỏ các quy định sau:".
pub(super) static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"(?:(het hieu luc|bi bai bo|bai bo|bi huy bo|huy bo|bi thay the|thay the|sua doi, bo sung|sua doi)(?:[\n -~&&[^:;]]{0,120}))\s*:\s*$",
    )
});
/// An item marker as written: "a)", "đ)", "1.", "-", "+".
pub(super) static ITEM_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t|]*(?:[a-zđ]\)|[0-9]{1,2}[.)]|[-+•–*])")
        .unwrap_or_else(|e| panic!("item mark: {e}"))
});

pub(super) fn lead_in_lists(text: &str, found: &mut Extraction, refs: &[Span]) {
    let bytes = text.as_bytes();
    let line_end_at =
        |at: usize| memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |p| at + p + 1);
    // Only a line that ends with a colon can lead a list, so the text is searched for colons, not walked
    // line by line.
    let mut from = 0;
    while let Some(colon) = memchr::memchr(b':', &bytes[from..]).map(|p| from + p) {
        let line_end = line_end_at(colon);
        if !text[colon + 1..line_end].trim().is_empty() {
            from = colon + 1;
            continue;
        }
        let line_start = memchr::memrchr(b'\n', &bytes[..colon]).map_or(0, |p| p + 1);
        from = line_end;
        let Some(mut governing) = lead_in(
            &text[line_start..line_end],
            refs_on(refs, line_start, line_end),
        ) else {
            continue;
        };
        // The items under it, blank lines between them allowed, up to the first line that is neither.
        let mut at = line_end;
        while at < bytes.len() {
            let end = line_end_at(at);
            let line = &text[at..end];
            if ITEM_MARK.is_match(line) {
                let on_line = refs_on(refs, at, end);
                for r in on_line {
                    if relation_at(found, r.at) == Some(Relation::Cites) {
                        if let Some(slot) = relation_mut(found, r.at) {
                            *slot = governing;
                        }
                    }
                }
                // An item may lead a list of its own.
                if line.trim_end().ends_with(':') {
                    if let Some(inner) = lead_in(line, on_line) {
                        governing = inner;
                    }
                }
            } else if !line.trim().is_empty() {
                break;
            }
            at = end;
        }
        from = from.max(at);
    }
}

/// The mentions that start on the line `start..end`.
pub(super) fn refs_on(refs: &[Span], start: usize, end: usize) -> &[Span] {
    let first = refs.partition_point(|r| r.start < start);
    let last = refs.partition_point(|r| r.start < end);
    &refs[first..last.max(first)]
}

/// The relation a line ending with a colon gives the items below it, if it is a lead-in: it names no
/// document itself and states no other document's act ("Nghị định số … đã được sửa đổi, bổ sung tại:").
pub(super) fn lead_in(line: &str, on_line: &[Span]) -> Option<Relation> {
    if !on_line.is_empty() {
        return None;
    }
    // The verb stands within 120 characters of the colon (see LEAD_IN): the line's tail is enough.
    let line = line.trim_end();
    let tail = &line[floor_boundary(line, line.len().saturating_sub(400))..];
    if !may_hold(&LEAD_IN_WORDS, tail) {
        return None;
    }
    let folded = fold(tail);
    let verbs = ["het hieu luc", "bai bo", "huy bo", "thay the", "sua doi"];
    if !verbs.iter().any(|v| folded.contains(v)) {
        return None;
    }
    let c = LEAD_IN.captures(&folded)?;
    let verb = c.get(1)?;
    if folded[..verb.start()].trim_end().ends_with("duoc") {
        return None;
    }
    Some(match verb.as_str() {
        v if v.contains("het hieu luc") || v.contains("bai bo") || v.contains("huy bo") => {
            Relation::Repeals
        }
        v if v.contains("thay the") => Relation::Replaces,
        _ => Relation::Amends,
    })
}
