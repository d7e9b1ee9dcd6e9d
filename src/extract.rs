//! The `find` stage: every reference by number and symbol in one input, with what its mention says.

use crate::context::{self, Date, IssuerHit};
use crate::data::{tables, PhrasePosition};
use crate::model::Named;
use crate::named::{self, Anchor};
use crate::normalize::Folded;
use crate::symbol::RawSymbol;
use crate::vocab::Relation;

/// How far back a clause may reach for its relation phrase, and how far forward a date or issuer phrase.
const BEFORE: usize = 250;
const AFTER: usize = 240;

/// One mention before document-level resolution (years from earlier mentions, ids).
#[derive(Debug, Clone)]
pub(crate) struct Mention<'a> {
    pub raw: &'a RawSymbol,
    pub start: usize,
    pub end: usize,
    pub type_word: Option<crate::vocab::DocType>,
    pub date: Option<Date>,
    pub year_after: Option<i32>,
    pub sentence_date: Option<Date>,
    pub issuer: Option<IssuerHit>,
    pub relation: Relation,
    pub pinpoint: Option<String>,
    /// Joined to the previous mention by list glue only ("Nghị quyết số 18-NQ/TW, 19-NQ/TW").
    pub continues_list: bool,
}

pub(crate) fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

pub(crate) fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The longest span folded at once: a fold takes five bytes per byte of text, and a text dense with
/// references from end to end (a 200 MB table of symbols) must not be folded whole. Real documents' runs of
/// overlapping windows stay under 10 KB.
const MAX_SPAN: usize = 1 << 16;

/// Symbols whose context windows overlap share one fold, so dense passages are folded once.
fn clusters(text: &str, raws: &[RawSymbol]) -> Vec<(usize, usize, std::ops::Range<usize>)> {
    let mut out: Vec<(usize, usize, std::ops::Range<usize>)> = Vec::new();
    for (i, r) in raws.iter().enumerate() {
        let from = floor_boundary(text, r.start.saturating_sub(BEFORE));
        let to = ceil_boundary(text, (r.end + AFTER).min(text.len()));
        match out.last_mut() {
            Some(last) if from <= last.1 && to - last.0 <= MAX_SPAN => {
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
            b'.' => {
                i < bytes.len()
                    && matches!(bytes[i], b' ' | b'\n')
                    && !abbreviation_before(bytes, i - 1)
            }
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
    matches!(
        &bytes[word_start..dot],
        b"tp" | b"v" | b"tx" | b"q" | b"p" | b"ths" | b"ts"
    )
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

/// Every numbered reference to `raws` but `own_symbol` (the document's own number in its header), and every
/// named reference at `anchors` outside them. The mentions are handed to `sink` a run of text at a time, in
/// order, and must be taken from the vector; the named references are returned.
///
/// The windows of nearby symbols and anchors overlap (a "Căn cứ" block cites laws by name and decrees by
/// number line after line), so each run of overlapping windows is folded and searched for relation phrases
/// once; every reference still reads only its own window.
pub(crate) fn find_references<'a>(
    text: &str,
    raws: &'a [RawSymbol],
    anchors: &[Anchor],
    own: Own,
    sink: &mut dyn FnMut(&mut Vec<Mention<'a>>),
) -> Vec<Named> {
    let own_symbol = own.symbol;
    let mut mentions: Vec<Mention> = Vec::new();
    let mut named: Vec<Named> = Vec::with_capacity(anchors.len());
    let clusters = clusters(text, raws);
    let windows: Vec<(usize, usize)> = anchors.iter().map(|a| a.window(text)).collect();
    let mut folded = Folded::default();
    let mut resume = 0;
    for region in regions(&clusters, &windows) {
        folded.refold(text, region.from, region.to);
        let phrases = context::phrases(&folded.text);
        for (from, to, range) in &clusters[region.clusters] {
            let window = Window {
                original: text,
                folded: &folded,
                phrases: &phrases,
                floor: folded.index_at(*from),
                ceiling: folded.index_at(*to),
                own_title: own.title,
            };
            cluster_mentions(&window, &raws[range.clone()], &mut mentions);
        }
        // The document's own number in its header is no reference, and names no span.
        mentions.retain(|m| own_symbol != Some((m.raw.start, m.raw.end)));
        let taken: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
        // Both lists are in text order, so one cursor walks the taken spans.
        let mut taken_at = 0;
        for (anchor, (from, to)) in anchors[region.anchors.clone()]
            .iter()
            .zip(&windows[region.anchors])
        {
            while taken_at < taken.len() && taken[taken_at].1 <= anchor.start {
                taken_at += 1;
            }
            let inside = taken.get(taken_at).is_some_and(|&(s, _)| s <= anchor.start);
            if anchor.start < resume || inside {
                continue;
            }
            let (lo, hi) = (folded.index_at(*from), folded.index_at(*to));
            let window = Window {
                original: text,
                folded: &folded,
                phrases: &phrases,
                floor: lo,
                ceiling: hi,
                own_title: own.title,
            };
            if let Some(found) = named::read_named(anchor, &window) {
                resume = found.end;
                named.push(found);
            }
        }
        sink(&mut mentions);
        mentions.clear();
    }
    named
}

/// Where the input names itself: the header's number, which is no reference, and its title, whose verbs
/// are the input's own acts. Original byte spans.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Own {
    pub symbol: Option<(usize, usize)>,
    pub title: Option<(usize, usize)>,
}

/// A run of overlapping windows: some symbol clusters and some named-reference windows.
struct Region {
    from: usize,
    to: usize,
    clusters: std::ops::Range<usize>,
    anchors: std::ops::Range<usize>,
}

/// Merges symbol clusters and anchor windows (each in text order) into runs of overlapping spans.
fn regions(
    clusters: &[(usize, usize, std::ops::Range<usize>)],
    windows: &[(usize, usize)],
) -> Vec<Region> {
    let mut out: Vec<Region> = Vec::new();
    let (mut c, mut w) = (0, 0);
    while c < clusters.len() || w < windows.len() {
        let take_cluster =
            w >= windows.len() || c < clusters.len() && clusters[c].0 <= windows[w].0;
        let (from, to) = if take_cluster {
            (clusters[c].0, clusters[c].1)
        } else {
            windows[w]
        };
        let region = match out.last_mut() {
            Some(last) if from <= last.to && to.max(last.to) - last.from <= MAX_SPAN => last,
            _ => {
                out.push(Region {
                    from,
                    to,
                    clusters: c..c,
                    anchors: w..w,
                });
                let Some(last) = out.last_mut() else { break };
                last
            }
        };
        region.to = region.to.max(to);
        if take_cluster {
            c += 1;
            region.clusters.end = c;
        } else {
            w += 1;
            region.anchors.end = w;
        }
    }
    out
}

/// The mentions of one cluster of symbols, read from `window` (the cluster's span of a folded region).
fn cluster_mentions<'a>(window: &Window, raws: &'a [RawSymbol], mentions: &mut Vec<Mention<'a>>) {
    let Window {
        original: text,
        folded,
        floor,
        ..
    } = *window;
    // Folded bounds of the mentions accepted so far in this cluster: (type start, text end, relation).
    let mut earlier: Vec<Earlier> = Vec::new();
    for raw in raws {
        let fs = folded.index_at(raw.start);
        let fe = folded.index_at(raw.end);
        let prefix_from = fs.saturating_sub(BEFORE).max(floor);
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
        let after = context::read_after(text, folded, fe);
        let text_fe = after.end.max(fe);
        let start = folded.orig_start(text_fs);
        let end = folded.orig_end(text_fe).max(raw.end);
        let end = trim_end(text, start, end);

        let cstart = clause_start(text, folded, text_fs).max(prefix_from);
        let continues_list = earlier.last().is_some_and(|e| {
            e.end <= text_fs && context::is_list_glue(&folded.text[e.end..text_fs])
        });
        let pinpoint = context::pinpoint_before(text, folded, cstart, text_fs);
        let sentence_date = context::sentence_date(&folded.text[cstart..text_fs]);
        let (relation, clause_relation) =
            relation_of(window, cstart, text_fs, text_fe, &earlier, continues_list);
        let mut type_word = type_hit.and_then(|(_, t)| t);
        if type_hit.is_none() && continues_list {
            if let Some(prev) = mentions.last() {
                type_word = prev.type_word;
            }
        }
        mentions.push(Mention {
            raw,
            start,
            end,
            type_word,
            date: after.date,
            year_after: after.year,
            sentence_date,
            issuer: after.issuer,
            relation,
            pinpoint,
            continues_list,
        });
        earlier.push(Earlier {
            start: text_fs,
            end: text_fe,
            relation,
            clause_relation,
        });
    }
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

/// A folded window of the original text and the relation phrases found in it.
#[derive(Clone, Copy)]
pub(crate) struct Window<'a> {
    pub original: &'a str,
    pub folded: &'a Folded,
    pub phrases: &'a [context::Phrase],
    /// Folded bounds of the reference's own window inside the fold: clauses are not followed past them.
    pub floor: usize,
    pub ceiling: usize,
    /// Original span of the input's own title (see [`Own`]).
    pub own_title: Option<(usize, usize)>,
}

impl Window<'_> {
    /// Whether a phrase names what another document does, as a word of its title or name: it follows a
    /// type word directly ("Luật sửa đổi, bổ sung …", "Luật Thi hành án dân sự", "Nghị định hướng dẫn …").
    /// The input's own title and its promulgation formula ("ban hành Nghị định quy định chi tiết …") name
    /// the input itself, so their verbs are its acts.
    fn names_another_document(&self, cstart: usize, p: &context::Phrase) -> bool {
        let from = floor_boundary(&self.folded.text, p.start.saturating_sub(64).max(cstart));
        let before = &self.folded.text[from..p.start];
        let Some((type_at, _)) = context::type_word_before(before) else {
            return false;
        };
        let in_own_title = self.own_title.is_some_and(|(s, e)| {
            let at = self.folded.orig_start(p.start);
            s <= at && at < e
        });
        let promulgated = before[..type_at].trim_end().ends_with("ban hanh");
        // A title line in capitals that starts with its type word is the input's own title, header or not.
        let line_start = type_at == 0 && from == cstart || before[..type_at].ends_with('\n');
        let capitals = || {
            let s = self.folded.orig_start(from + type_at);
            let e = self.folded.orig_end(p.end);
            !self.original[s..e.max(s)].chars().any(char::is_lowercase)
        };
        !(in_own_title || promulgated || line_start && capitals())
    }
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
