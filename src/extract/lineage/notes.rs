//! Legal databases' bracketed notes ("[Điều này được sửa đổi bởi …]"): editorial statements, not acts.

use super::*;

/// The relation a passive verb names, from the acting document's point of view. At the level of a
/// provision, "thay thế" substitutes words or a clause: the provision is amended, not the document replaced.
pub(super) fn passive_relation(verb: &str) -> Relation {
    if verb.starts_with("bai bo") || verb.starts_with("huy bo") || verb.starts_with("het hieu luc")
    {
        Relation::Repeals
    } else if verb.starts_with("huong dan") || verb.starts_with("quy dinh chi tiet") {
        Relation::Guides
    } else if verb.starts_with("dinh chinh") {
        Relation::Corrects
    } else {
        Relation::Amends
    }
}

/// As [`passive_relation`], for a statement about the whole of a document: "Quyết định số … đã được thay
/// thế bởi Quyết định số …" replaces it.
pub(super) fn passive_relation_on(verb: &str, target_pinpointed: bool) -> Relation {
    if verb.starts_with("thay the") && !target_pinpointed {
        Relation::Replaces
    } else {
        passive_relation(verb)
    }
}

/// The pinpoint of the mention `r` ("Điều 5" of "Điều 5 của Thông tư số …").
pub(super) fn pinpoint_of(found: &Extraction, r: Ref) -> Option<String> {
    match r {
        Ref::Citation(i) => found.citations.get(i).and_then(|c| c.pinpoint.clone()),
        Ref::Named(i) => found.named.get(i).and_then(|n| n.pinpoint.clone()),
        Ref::Document => None,
    }
}

/// The patterns below read folded text, which is ASCII but for rare punctuation; their bounded gaps are
/// ASCII classes, since a Unicode class repeated sixty times compiled into an automaton that cost more to
/// build than the whole pass costs to run.
pub(super) const PASSIVE_VERB: &str = r"(?:sua doi, bo sung|sua doi bo sung|sua doi|bo sung|thay the|bai bo|huy bo|het hieu luc|huong dan thi hanh|huong dan|quy dinh chi tiet|dinh chinh)";

/// "[Điều này được sửa đổi bởi Khoản 1 Điều 1 Nghị định 21-CP …]": a legal database's note. It states what
/// another document did to this one and is never an act of the input.
pub(super) static NOTE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"(?:duoc|bi)\s+(?:{PASSIVE_VERB})(?:[\n -~&&[^\]]]{{0,40}}?)\s+boi\s"
    ))
});
pub(super) static NOTE_TARGET: LazyLock<Regex> = LazyLock::new(|| folded_regex(r"\stai\s*$"));

/// The bracketed notes of legal databases in `text`: `[`…`]` of at most 1,000 bytes whose words are those of a
/// note ("… bởi …", "hết hiệu lực", "được hướng dẫn").
pub(super) fn note_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(open) = memchr::memchr(b'[', &bytes[from..]).map(|p| from + p) {
        let limit = (open + 1000).min(bytes.len());
        let Some(close) = memchr::memchr2(b']', b'[', &bytes[open + 1..limit])
            .map(|p| open + 1 + p)
            .filter(|&p| bytes[p] == b']')
        else {
            from = open + 1;
            continue;
        };
        let raw = &text[open + 1..close];
        if may_hold(&NOTE_WORDS, raw) {
            let body = fold(raw);
            if body.contains(" boi ")
                || body.contains("hieu luc")
                || body.contains("duoc huong dan")
            {
                out.push((open, close + 1));
            }
        }
        from = close + 1;
    }
    out.extend(related_content_notes(text));
    out.sort_unstable();
    out
}

/// The codification's note under a provision: "(Điều này có nội dung liên quan đến Điều 1. Sửa đổi … của
/// Luật 34/2018/QH14 …)". It points the reader to related provisions and acts on none of them.
fn related_content_notes(text: &str) -> Vec<(usize, usize)> {
    const LEAD: &str = "có nội dung liên quan đến";
    /// "(Chương này " and "(Điều này ": the note's subject stands right after the parenthesis.
    const SUBJECT_REACH: usize = 30;
    /// A chapter's note lists every related provision with its act's title: 4 KB in the corpus.
    const NOTE_REACH: usize = 8_000;
    static FINDER: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(LEAD));
    let bytes = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for at in FINDER.find_iter(bytes) {
        let from = at.saturating_sub(SUBJECT_REACH);
        let Some(open) = memchr::memrchr(b'(', &bytes[from..at]).map(|p| from + p) else {
            continue;
        };
        if bytes[open..at].contains(&b')') || out.last().is_some_and(|&(_, end)| end > open) {
            continue;
        }
        let limit = (at + NOTE_REACH).min(bytes.len());
        if let Some(close) = memchr::memchr(b')', &bytes[at..limit]).map(|p| at + p) {
            out.push((open, close + 1));
        }
    }
    out
}

/// Whether a mention lies inside one of `notes` (sorted, apart from each other).
pub(super) fn inside_note(notes: &[(usize, usize)], s: &Span) -> bool {
    let after = notes.partition_point(|&(open, _)| open < s.start);
    after > 0 && s.end < notes[after - 1].1
}

pub(super) fn editorial_notes(
    text: &str,
    found: &mut Extraction,
    refs: &[Span],
    notes: &[(usize, usize)],
) {
    for &(open, close) in notes {
        let first = refs.partition_point(|r| r.start <= open);
        let inside: Vec<Span> = refs[first..]
            .iter()
            .take_while(|r| r.start < close)
            .filter(|r| r.end < close)
            .copied()
            .collect();
        if inside.is_empty() {
            continue;
        }
        for r in &inside {
            if let Some(rel) = relation_mut(found, r.at) {
                *rel = Relation::Cites;
            }
        }
        let folded = Folded::new(text, open, close);
        let Some(m) = NOTE_VERB.find(&folded.text) else {
            continue;
        };
        let verb_start = folded.orig_start(m.start());
        let after_by = folded.orig_start(m.end().min(folded.text.len().saturating_sub(1)));
        let Some(actor) = inside.iter().find(|r| r.start >= after_by) else {
            continue;
        };
        // "Nội dung hướng dẫn Khoản này tại Nghị định 118/2021/NĐ-CP nay được sửa đổi bởi …": the note is
        // about the document named after "tại", not the page's own.
        let target = inside
            .iter()
            .rev()
            .find(|r| {
                r.end <= verb_start
                    && NOTE_TARGET.is_match(&fold_prefix(text, open + 1, r.start, 12))
            })
            .map_or(Ref::Document, |r| r.at);
        let verb = &folded.text[m.start()..m.end()];
        let verb = verb.split_once(' ').map_or("", |(_, v)| v);
        found.reported.push(Reported {
            actor: actor.at,
            relation: passive_relation(verb),
            target,
            editorial: true,
            start: open,
            end: close,
            pinpoint: None,
            partial: None,
        });
    }
}

/// The words of a database note ("… bởi …", "hết hiệu lực", "được hướng dẫn"), likewise.
pub(super) static NOTE_WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    literal_words(&[
        "bởi",
        "hiệu lực",
        "hướng dẫn",
        "boi",
        "hieu luc",
        "huong dan",
    ])
});
