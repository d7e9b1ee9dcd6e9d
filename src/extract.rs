//! The `find` stage: every reference by number and symbol in one input, with what its mention says.

use crate::context::{self, Date, IssuerHit, Phrase};
use crate::data::{tables, PhrasePosition};
use crate::model::Citation;
use crate::normalize::{tidy, Folded};
use crate::symbol::{self, RawSymbol};

/// How far back a clause may reach for its relation phrase, and how far forward a date or issuer phrase.
const BEFORE: usize = 600;
const AFTER: usize = 320;

/// One mention before document-level resolution (years from earlier mentions, ids).
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub raw: RawSymbol,
    pub start: usize,
    pub end: usize,
    pub type_word: Option<&'static str>,
    pub has_type_word: bool,
    pub date: Option<Date>,
    pub year_after: Option<i32>,
    pub sentence_date: Option<Date>,
    pub issuer: Option<IssuerHit>,
    pub relation: &'static str,
    pub pinpoint: Option<String>,
    /// Joined to the previous mention by list glue only ("Nghị quyết số 18-NQ/TW, 19-NQ/TW").
    pub continues_list: bool,
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Symbols whose context windows overlap share one fold, so dense passages are folded once.
fn clusters(text: &str, raws: &[RawSymbol]) -> Vec<(usize, usize, std::ops::Range<usize>)> {
    let mut out: Vec<(usize, usize, std::ops::Range<usize>)> = Vec::new();
    for (i, r) in raws.iter().enumerate() {
        let from = floor_boundary(text, r.start.saturating_sub(BEFORE));
        let to = ceil_boundary(text, (r.end + AFTER).min(text.len()));
        match out.last_mut() {
            Some(last) if from <= last.1 => {
                last.1 = to;
                last.2.end = i + 1;
            }
            _ => out.push((from, to, i..i + 1)),
        }
    }
    out
}

/// Where the clause holding folded index `at` starts: after `;`, a sentence end, or a line break that begins
/// a new item (not a line wrapped inside a sentence).
pub(crate) fn clause_start(original: &str, folded: &Folded, at: usize) -> usize {
    let bytes = folded.text.as_bytes();
    let mut i = at;
    while i > 0 {
        let c = bytes[i - 1];
        let boundary = match c {
            b';' | b'!' | b'?' => true,
            b'.' => i < bytes.len() && matches!(bytes[i], b' ' | b'\n') && !abbreviation_before(bytes, i - 1),
            b'\n' => line_break_ends_clause(original, folded, i - 1),
            _ => false,
        };
        if boundary {
            return i;
        }
        i -= 1;
    }
    0
}

/// "TP. Hồ Chí Minh", "Tp.", "v.v." do not end a sentence.
fn abbreviation_before(bytes: &[u8], dot: usize) -> bool {
    let word_start = bytes[..dot]
        .iter()
        .rposition(|b| !b.is_ascii_alphanumeric())
        .map_or(0, |p| p + 1);
    matches!(&bytes[word_start..dot], b"tp" | b"v" | b"tx" | b"q" | b"p" | b"ths" | b"ts")
}

fn line_break_ends_clause(original: &str, folded: &Folded, nl: usize) -> bool {
    let bytes = folded.text.as_bytes();
    let prev = bytes[..nl].iter().rev().find(|b| **b != b' ').copied();
    let next_orig = original[folded.orig_start(nl + 1).min(original.len())..]
        .chars()
        .find(|c| !c.is_whitespace());
    let wrapped = matches!(prev, Some(p) if p.is_ascii_alphanumeric() || p == b',' || p == b'(' || p >= 0x80)
        && next_orig.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    !wrapped
}

/// Every mention in `text`, in order, with what its own words say.
pub(crate) fn find_mentions(text: &str) -> Vec<Mention> {
    let raws = symbol::scan(text);
    let mut mentions: Vec<Mention> = Vec::with_capacity(raws.len());
    for (from, to, range) in clusters(text, &raws) {
        let folded = Folded::new(text, from, to);
        // Folded bounds of the mentions accepted so far in this cluster: (type start, text end, relation).
        let mut previous: Option<(usize, usize, usize)> = None;
        for raw in &raws[range] {
            let fs = folded.index_at(raw.start);
            let fe = folded.index_at(raw.end);
            let prefix_from = fs.saturating_sub(BEFORE).max(0);
            let prefix_from = floor_boundary(&folded.text, prefix_from);
            let prefix = &folded.text[prefix_from..fs];
            if context::not_a_document(prefix) {
                continue;
            }
            let type_hit = context::type_word_before(prefix);
            let so = context::so_before(prefix);
            let accepted = raw.year.is_some()
                || raw.groups.len() >= 2
                || raw.known_groups > 0 && is_issuer_only_legacy(raw)
                || type_hit.is_some()
                || so && raw.groups.iter().all(|g| g.chars().count() >= 2);
            if !accepted {
                continue;
            }
            let text_fs = type_hit.map_or(fs, |(at, _)| prefix_from + at);
            let after = context::read_after(text, &folded, fe);
            let text_fe = after.end.max(fe);
            let start = folded.orig_start(text_fs);
            let end = folded.orig_end(text_fe).max(raw.end);
            let end = trim_end(text, start, end);

            let cstart = clause_start(text, &folded, text_fs).max(prefix_from);
            let continues_list = previous.is_some_and(|(_, pe, _)| {
                pe <= text_fs && context::is_list_glue(&folded.text[pe..text_fs])
            });
            let pinpoint = context::pinpoint_before(text, &folded, cstart, text_fs);
            let sentence_date = context::sentence_date(&folded.text[cstart..text_fs]);
            let relation = relation_of(
                text,
                &folded,
                cstart,
                text_fs,
                text_fe,
                previous.map(|(ps, pe, idx)| (ps, pe, mentions.get(idx).map_or("cites", |m: &Mention| m.relation))),
                continues_list,
            );
            let mut type_word = type_hit.and_then(|(_, t)| t);
            let has_type_word = type_hit.is_some();
            if !has_type_word && continues_list {
                if let Some(prev) = mentions.last() {
                    type_word = prev.type_word;
                }
            }
            mentions.push(Mention {
                raw: raw.clone(),
                start,
                end,
                type_word,
                has_type_word,
                date: after.date,
                year_after: after.year,
                sentence_date,
                issuer: after.issuer,
                relation,
                pinpoint,
                continues_list,
            });
            previous = Some((text_fs, text_fe, mentions.len() - 1));
        }
    }
    mentions
}

/// Dash-form and bare legacy symbols with one known issuer code ("64-CP", "02/CP", "406/TTg").
fn is_issuer_only_legacy(raw: &RawSymbol) -> bool {
    raw.groups.len() == 1 && tables().issuer_of_code(&raw.groups[0]).is_some()
}

fn trim_end(text: &str, start: usize, mut end: usize) -> usize {
    while end > start {
        match text[..end].chars().next_back() {
            Some(c) if c.is_whitespace() || c == ',' || c == '(' => end -= c.len_utf8(),
            _ => break,
        }
    }
    end
}

/// The relation that governs a mention, from the phrases of its clause (see `data/relations.tsv`).
pub(crate) fn relation_of(
    original: &str,
    folded: &Folded,
    cstart: usize,
    mention_start: usize,
    mention_end: usize,
    previous: Option<(usize, usize, &'static str)>,
    continues_list: bool,
) -> &'static str {
    // A phrase after the mention in its clause ("X hết hiệu lực") decides first.
    let clause_end = clause_end(original, folded, mention_end);
    let after: Vec<Phrase> = context::phrases(&folded.text, mention_end, clause_end);
    if let Some(p) = after.first() {
        if p.position == PhrasePosition::After && p.start.saturating_sub(mention_end) < 120 {
            return p.relation;
        }
    }
    if continues_list {
        if let Some((_, _, rel)) = previous {
            return rel;
        }
    }
    let previous_in_clause = previous.filter(|(_, pe, _)| *pe > cstart && *pe <= mention_start);
    let window_start = previous_in_clause.map_or(cstart, |(_, pe, _)| pe);
    let before = context::phrases(&folded.text, window_start, mention_start);
    if let Some(p) = before.iter().rev().find(|p| p.position != PhrasePosition::After) {
        if p.position == PhrasePosition::Passive {
            return "cites";
        }
        if let Some((_, pe, _)) = previous_in_clause {
            // A verb after another reference belongs to that reference's title ("Nghị định 15 sửa đổi Nghị
            // định 30"), unless only list glue stands between them ("thay thế A và bãi bỏ B").
            if !context::is_list_glue(&folded.text[pe..p.start]) {
                return "cites";
            }
        }
        return p.relation;
    }
    if previous_in_clause.is_some() {
        return "cites";
    }
    // A clause that is only a list item ("a) Quyết định số …;") continues the item before it.
    let prefix = &folded.text[cstart..mention_start];
    if is_bare_item(prefix) {
        if let Some((_, pe, rel)) = previous {
            if pe <= cstart && cstart - pe < 40 {
                return rel;
            }
        }
        if cstart > 0 {
            let prev_start = clause_start(original, folded, cstart - 1);
            let prev_clause = &folded.text[prev_start..cstart];
            if prev_clause.trim_end().ends_with(':') {
                if let Some(p) = context::phrases(&folded.text, prev_start, cstart)
                    .iter()
                    .rev()
                    .find(|p| p.position == PhrasePosition::Before)
                {
                    return p.relation;
                }
            }
        }
    }
    "cites"
}

fn clause_end(original: &str, folded: &Folded, from: usize) -> usize {
    let bytes = folded.text.as_bytes();
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

/// Text of a mention as written, tidied for display only.
pub(crate) fn display_text(text: &str, m: &Mention) -> String {
    tidy(&text[m.start..m.end])
}
