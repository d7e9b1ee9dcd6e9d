//! What each reference does, read over the whole input once every mention is known: statements about
//! other documents (`reported`), database notes, verbs that reach a list or a consolidated text, the scope
//! of a change (`partial`), changes that dates or ranks make impossible, and which node a law cited by name
//! is.
//!
//! The per-mention reader (`extract::relation_of`) sees one clause; the rules here need two mentions at
//! once or the lines of a list, so they run after it and only ever refine its answer.

use crate::extract::clean::floor_boundary;
use crate::extract::clean::{fold, folded_regex, Folded};
use crate::model::{Also, Citation, Document, Extraction, Ref, Reported};
use crate::vocab::{DocType, Relation};
use regex::Regex;
use std::sync::LazyLock;

mod amending;
mod change;
mod consolidated;
mod history;
mod lapses;
mod lists;
mod names;
mod notes;
mod passive;
mod quoted;
mod scope;
mod titles;

use amending::*;
use change::*;
use consolidated::*;
use history::*;
use lapses::*;
use lists::*;
use names::*;
use notes::*;
use passive::*;
use quoted::*;
use scope::*;
use titles::*;

/// Applies every rule of this module to one input's extraction; `own_title` is the original span of the
/// input's title word and trích yếu.
pub(crate) fn apply(
    text: &str,
    found: &mut Extraction,
    own_title: Option<(usize, usize)>,
    draft_year: Option<i32>,
) {
    found.named.retain(is_a_name);
    // "LUẬT CĂN CƯỚC" under a law's number is the input's own title, not a law it cites by name: kept, it
    // would be a second node for the input itself.
    if let Some((title_start, _)) = own_title {
        found.named.retain(|n| n.start != title_start);
    }
    // So is the law its promulgation formula names: "Quốc hội ban hành Luật sửa đổi, bổ sung …".
    // A consolidated text's formula names its base document ("Quốc hội ban hành Luật Tố cáo").
    if let Some(own_type) = found.document.as_ref().map(|d| d.doc_type) {
        let any_type = own_type == DocType::ConsolidatedText;
        found.named.retain(|n| {
            n.doc_type != own_type && !any_type
                || !fold_prefix(text, 0, n.start, 40).ends_with("ban hanh")
        });
    }
    // The names this input writes with their number; the later rules change no citation's text or id.
    let numbered = numbered_names(text, &found.citations);
    cut_at_known_name(text, found, &numbered);
    extend_to_dated_name(text, found);
    drop_unbacked_lower_names(found, &numbered);
    drop_own_constitution(text, found);
    let refs = ordered_refs(found);
    let notes = note_spans(text);
    editorial_notes(text, found, &refs, &notes);
    // A lead-in's verb reaches its items first, so that a listed document amended by others reaches
    // their provisions too ("k) Bãi bỏ cụm từ … của Luật … số 26/2008/QH12 đã được sửa đổi, bổ sung một
    // số điều theo Luật số 64/2014/QH13, …").
    lead_in_lists(text, found, &refs);
    passive_statements(text, found, &refs, &notes);
    issued_then_changes(text, found, &refs, &notes);
    let base = passive_lead_in_lists(text, found, &refs, &notes);
    lapsing_lists(text, found, &refs);
    mixed_basis_lists(text, found, &refs);
    basis_lines(text, found, &refs);
    grouped_lists(text, found, &refs);
    date_amending_titles(text, found, &refs);
    let verbs = title_verbs(text, &refs);
    let title_dates = title_object_dates(found, &refs, &verbs);
    resolve_named(found, &numbered, draft_year, &title_dates);
    let scope = detailing_scope(text, found);
    guides_by_scope(text, found, &refs, own_title, scope.as_ref());
    guides_by_scope_article(found, &refs, scope.as_ref());
    repeals_among_amendments(text, found, &refs);
    for c in &mut found.citations {
        if let Some(also) = coordinated_change(text, c.relation, c.start, c.end) {
            c.also.push(also);
        }
    }
    consolidated_text(text, found, &refs, base);
    effect_history(text, found, &refs);
    let own = found.document.as_ref();
    // Where the reference before each mention ends, any kind.
    let previous_end = |start: usize| {
        let i = refs.partition_point(|r| r.start < start);
        i.checked_sub(1)
            .map(|i| refs[i].end)
            .filter(|&end| end <= start)
    };
    for c in &mut found.citations {
        let pinpointed = c.pinpoint.is_some();
        let (year, doc_type) = (c.year, c.doc_type);
        settle_change(
            text,
            own,
            &mut c.relation,
            &mut c.partial,
            &mut c.doubtful,
            c.start,
            previous_end(c.start),
            pinpointed,
            year,
            doc_type,
        );
    }
    for n in &mut found.named {
        let pinpointed = n.pinpoint.is_some();
        let (year, doc_type) = (n.year, n.doc_type);
        settle_change(
            text,
            own,
            &mut n.relation,
            &mut n.partial,
            &mut n.doubtful,
            n.start,
            previous_end(n.start),
            pinpointed,
            year,
            doc_type,
        );
    }
    replaced_on_same_matter(text, found);
    quoted_wording(text, found);
    title_statements(text, found, &refs, &notes, &verbs);
    one_node_per_yearless_symbol(&mut found.citations);
}

/// "Chỉ thị 13-CT/TW của Ban Bí thư …" in a title, then "Thực hiện Chỉ thị 13-CT/TW, ngày 12/01/2017 …":
/// a mention's year comes only from itself or an earlier mention, so the first is year-less, yet the
/// input names one document. A year-less id takes the one year the input gives the same symbol (and
/// place) anywhere; with two years it stays unknown. Only the node key changes, not the mention's year.
fn one_node_per_yearless_symbol(citations: &mut [Citation]) {
    use crate::id::{document_id, yearless_key_parts};
    if !citations.iter().any(|c| c.id.contains("@?")) {
        return;
    }
    // (symbol, place) → the one year the input's ids give it; None once two differ.
    let mut years: rustc_hash::FxHashMap<(&str, &str), Option<i32>> = Default::default();
    for (symbol, year, place) in citations.iter().filter_map(|c| yearless_key_parts(&c.id)) {
        if let Some(year) = year {
            let seen = years.entry((symbol, place)).or_insert(Some(year));
            if *seen != Some(year) {
                *seen = None;
            }
        }
    }
    let keys: Vec<Option<String>> = citations
        .iter()
        .map(|c| match yearless_key_parts(&c.id)? {
            (symbol, None, place) => {
                let year = (*years.get(&(symbol, place))?)?;
                Some(document_id(
                    symbol,
                    false,
                    Some(year),
                    Some(place).filter(|p| !p.is_empty()),
                ))
            }
            _ => None,
        })
        .collect();
    for (c, key) in citations.iter_mut().zip(keys) {
        if let Some(key) = key {
            c.id = key;
        }
    }
}

/// A mention of either kind, by position in the text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Span {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) at: Ref,
}

pub(super) fn ordered_refs(found: &Extraction) -> Vec<Span> {
    let mut v: Vec<Span> = found
        .citations
        .iter()
        .enumerate()
        .map(|(i, c)| Span {
            start: c.start,
            end: c.end,
            at: Ref::Citation(i),
        })
        .chain(found.named.iter().enumerate().map(|(i, n)| Span {
            start: n.start,
            end: n.end,
            at: Ref::Named(i),
        }))
        .collect();
    v.sort_by_key(|s| (s.start, s.end));
    v
}

pub(super) fn relation_mut(found: &mut Extraction, r: Ref) -> Option<&mut Relation> {
    match r {
        Ref::Citation(i) => found.citations.get_mut(i).map(|c| &mut c.relation),
        Ref::Named(i) => found.named.get_mut(i).map(|n| &mut n.relation),
        Ref::Document => None,
    }
}

pub(super) fn relation_at(found: &Extraction, r: Ref) -> Option<Relation> {
    match r {
        Ref::Citation(i) => found.citations.get(i).map(|c| c.relation),
        Ref::Named(i) => found.named.get(i).map(|n| n.relation),
        Ref::Document => None,
    }
}

/// Folded text of at most `max` bytes of `text[from..to]`, ending at `to`.
pub(super) fn fold_prefix(text: &str, from: usize, to: usize, max: usize) -> String {
    let mut s = to.saturating_sub(max).max(from);
    while !text.is_char_boundary(s) {
        s += 1;
    }
    format!(" {}", fold(&text[s..to]))
}

/// `words` in lower case, capitals and with a capital first letter, to find any of them at once.
pub(super) fn literal_words(words: &[&str]) -> aho_corasick::AhoCorasick {
    let mut all: Vec<String> = Vec::new();
    for w in words {
        let mut first = w.chars();
        let capital: String = first
            .next()
            .map(|c| c.to_uppercase().chain(first).collect())
            .unwrap_or_default();
        all.extend([w.to_string(), w.to_uppercase(), capital]);
    }
    // Leftmost-first, as the alternation regex it replaced matched.
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(&all)
        .unwrap_or_else(|e| panic!("literal words: {e}"))
}

/// Whether `text` may hold one of `words`: it does as NFC text writes them, or it is NFD (combining marks,
/// lead bytes 0xCC and 0xCD), which spells them otherwise and is always folded.
pub(super) fn may_hold(words: &aho_corasick::AhoCorasick, text: &str) -> bool {
    memchr::memchr2(0xCC, 0xCD, text.as_bytes()).is_some() || words.is_match(text)
}
