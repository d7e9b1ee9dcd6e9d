//! The relation that governs a mention, from the structure of its clause (see `data/relations.tsv`).

use super::clean::Folded;
use super::context;
use super::window::{clause_start, line_break_ends_clause, Window};
use crate::data::PhrasePosition;
use crate::vocab::Relation;

/// An earlier mention of the same fold: folded span and what governed it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Earlier {
    pub start: usize,
    pub end: usize,
    /// The relation the mention got.
    pub relation: Relation,
    /// The relation of its clause's own verb ("Căn cứ"), which later items of the same list share.
    pub clause_relation: Relation,
}

/// The relation that governs a mention, from the phrases of its clause (see `data/relations.tsv`), and the
/// relation its clause's verb states (for list items that follow).
pub(crate) fn relation_of(
    window: &Window,
    cstart: usize,
    mention_start: usize,
    mention_end: usize,
    earlier: &[Earlier],
    continues_list: bool,
) -> (Relation, Relation) {
    let Window {
        original,
        folded,
        phrases: all_phrases,
        floor,
        ceiling,
        ..
    } = *window;
    let in_clause: Vec<&Earlier> = earlier
        .iter()
        .filter(|e| e.end > cstart && e.end <= mention_start)
        .collect();
    let clause_relation = in_clause.first().map(|e| e.clause_relation);
    // A phrase after the mention in its clause ("X hết hiệu lực") decides first.
    // Only the first phrase within reach matters, so the scan stops well short of a long clause's end.
    let mut reach = (mention_end + 160).min(ceiling);
    while !folded.text.is_char_boundary(reach) {
        reach -= 1;
    }
    let clause_end = clause_end(original, folded, mention_end, reach);
    if let Some(p) = context::phrases_within(all_phrases, mention_end, clause_end).first() {
        if p.position == PhrasePosition::After && p.start.saturating_sub(mention_end) < 120 {
            return (p.relation, clause_relation.unwrap_or(p.relation));
        }
    }
    if continues_list {
        if let Some(prev) = earlier.last() {
            return (prev.relation, prev.clause_relation);
        }
    }
    let before = context::phrases_within(all_phrases, cstart, mention_start);
    for p in before.iter().rev() {
        let object_of_p = !in_clause.iter().any(|e| e.start >= p.end);
        match p.position {
            PhrasePosition::After => continue,
            PhrasePosition::Passive => {
                if object_of_p {
                    return (Relation::Cites, clause_relation.unwrap_or(Relation::Cites));
                }
            }
            PhrasePosition::Before if window.names_another_document(cstart, p) => {
                // With another document's type word between the verb and the mention, the mention is the
                // object of that document's title ("Luật sửa đổi … của Luật Đất đai số 31/2024/QH15"), and
                // so is every later mention of the clause; without one, the verb is a word of the mention's
                // own name ("Luật Thi hành án dân sự số 26/2008/QH12") and the verbs before it decide.
                if context::has_type_word(&folded.text[p.end..mention_start]) {
                    return (Relation::Cites, clause_relation.unwrap_or(Relation::Cites));
                }
            }
            PhrasePosition::Before => {
                // A verb standing after another reference, not joined to it by list glue, is part of that
                // reference's title ("Nghị định 24/2006 sửa đổi Nghị định 57/2002"): it says nothing of
                // what this document does.
                let title_verb = in_clause.iter().any(|e| {
                    e.end <= p.start && !context::is_list_glue(&folded.text[e.end..p.start])
                });
                if !title_verb {
                    return (p.relation, clause_relation.unwrap_or(p.relation));
                }
                if object_of_p {
                    return (Relation::Cites, clause_relation.unwrap_or(Relation::Cites));
                }
            }
        }
    }
    if let Some(rel) = clause_relation {
        return (rel, rel);
    }
    // A clause that is only a list item ("a) Quyết định số …;") continues the item before it.
    let prefix = &folded.text[cstart..mention_start];
    if is_bare_item(prefix) && cstart > floor {
        let prev_start = clause_start(original, folded, cstart - 1).max(floor);
        if let Some(prev) = earlier.last() {
            if prev.end <= cstart
                && prev.end >= prev_start
                && folded.text[floor..cstart].trim_end().ends_with(';')
            {
                return (prev.clause_relation, prev.clause_relation);
            }
        }
        if folded.text[prev_start..cstart].trim_end().ends_with(':') {
            if let Some(p) = context::phrases_within(all_phrases, prev_start, cstart)
                .iter()
                .rev()
                .find(|p| p.position == PhrasePosition::Before)
            {
                return (p.relation, p.relation);
            }
        }
    }
    (Relation::Cites, Relation::Cites)
}

fn clause_end(original: &str, folded: &Folded, from: usize, limit: usize) -> usize {
    let bytes = &folded.text.as_bytes()[..limit];
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b';' | b'!' | b'?' => return i,
            b'.' if i + 1 < bytes.len() && matches!(bytes[i + 1], b' ' | b'\n') => return i,
            b'\n' if line_break_ends_clause(original, folded, i) => return i,
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

/// A clause prefix holding nothing but an item marker and a type word: "a) Quyết định số", "- Nghị quyết".
fn is_bare_item(prefix: &str) -> bool {
    let without_type = context::type_word_before(prefix).map_or(prefix, |(at, _)| &prefix[..at]);
    without_type.trim().len() <= 8
        && without_type
            .trim()
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " -+*.)(,".contains(c) || c == '\n')
        && without_type.split_whitespace().all(|w| w.len() <= 4)
}
