//! What each reference does, read over the whole input once every mention is known: statements about
//! other documents (`reported`), database notes, verbs that reach a list or a consolidated text, the scope
//! of a change (`partial`), changes that dates or ranks make impossible, and which node a law cited by name
//! is.
//!
//! The per-mention reader (`extract::relation_of`) sees one clause; the rules here need two mentions at
//! once or the lines of a list, so they run after it and only ever refine its answer.

use crate::extract::floor_boundary;
use crate::model::{Also, Citation, Document, Extraction, Ref, Reported};
use crate::normalize::{fold, folded_regex, Folded};
use crate::vocab::{DocType, Relation};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Applies every rule of this module to one input's extraction; `own_title` is the original span of the
/// input's title word and trích yếu.
pub(crate) fn apply(text: &str, found: &mut Extraction, own_title: Option<(usize, usize)>) {
    found.named.retain(is_a_name);
    let refs = ordered_refs(found);
    let notes = note_spans(text);
    editorial_notes(text, found, &refs, &notes);
    passive_statements(text, found, &refs, &notes);
    lead_in_lists(text, found, &refs);
    resolve_named(found);
    guides_by_scope(text, found, &refs, own_title);
    for c in &mut found.citations {
        if let Some(also) = coordinated_change(text, c.relation, c.start, c.end) {
            c.also.push(also);
        }
    }
    let own = found.document.as_ref();
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
            pinpointed,
            year,
            doc_type,
        );
    }
}

/// A change's scope (`partial`), and its fall back to `cites` when dates or ranks make it impossible.
#[allow(clippy::too_many_arguments)] // the fields of a Citation or a Named, borrowed apart
fn settle_change(
    text: &str,
    own: Option<&Document>,
    relation: &mut Relation,
    partial: &mut Option<bool>,
    doubtful: &mut bool,
    start: usize,
    pinpointed: bool,
    year: Option<i32>,
    doc_type: DocType,
) {
    *partial = partial_change(text, *relation, start, pinpointed);
    if impossible(own, *relation, year, doc_type) {
        *relation = Relation::Cites;
        *partial = None;
        *doubtful = true;
    }
}

/// A mention of either kind, by position in the text.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    at: Ref,
}

fn ordered_refs(found: &Extraction) -> Vec<Span> {
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

fn relation_mut(found: &mut Extraction, r: Ref) -> Option<&mut Relation> {
    match r {
        Ref::Citation(i) => found.citations.get_mut(i).map(|c| &mut c.relation),
        Ref::Named(i) => found.named.get_mut(i).map(|n| &mut n.relation),
        Ref::Document => None,
    }
}

fn relation_at(found: &Extraction, r: Ref) -> Option<Relation> {
    match r {
        Ref::Citation(i) => found.citations.get(i).map(|c| c.relation),
        Ref::Named(i) => found.named.get(i).map(|n| n.relation),
        Ref::Document => None,
    }
}

/// The relation a passive verb names, from the acting document's point of view. At the level of a
/// provision, "thay thế" substitutes words or a clause: the provision is amended, not the document replaced.
fn passive_relation(verb: &str) -> Relation {
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

/// The patterns below read folded text, which is ASCII but for rare punctuation; their bounded gaps are
/// ASCII classes, since a Unicode class repeated sixty times compiled into an automaton that cost more to
/// build than the whole pass costs to run.
const PASSIVE_VERB: &str = r"(?:sua doi, bo sung|sua doi bo sung|sua doi|bo sung|thay the|bai bo|huy bo|het hieu luc|huong dan thi hanh|huong dan|quy dinh chi tiet|dinh chinh)";

/// "[Điều này được sửa đổi bởi Khoản 1 Điều 1 Nghị định 21-CP …]": a legal database's note. It states what
/// another document did to this one and is never an act of the input.
static NOTE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"(?:duoc|bi)\s+(?:{PASSIVE_VERB})(?:[\n -~&&[^\]]]{{0,40}}?)\s+boi\s"
    ))
});
static NOTE_TARGET: LazyLock<Regex> = LazyLock::new(|| folded_regex(r"\stai\s*$"));

/// The bracketed notes of legal databases in `text`: `[`…`]` of at most 1,000 bytes whose words are those of a
/// note ("… bởi …", "hết hiệu lực", "được hướng dẫn").
fn note_spans(text: &str) -> Vec<(usize, usize)> {
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
    out
}

/// Whether a mention lies inside one of `notes` (sorted, apart from each other).
fn inside_note(notes: &[(usize, usize)], s: &Span) -> bool {
    let after = notes.partition_point(|&(open, _)| open < s.start);
    after > 0 && s.end < notes[after - 1].1
}

fn editorial_notes(text: &str, found: &mut Extraction, refs: &[Span], notes: &[(usize, usize)]) {
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
        });
    }
}

/// Folded text of at most `max` bytes of `text[from..to]`, ending at `to`.
fn fold_prefix(text: &str, from: usize, to: usize, max: usize) -> String {
    let mut s = to.saturating_sub(max).max(from);
    while !text.is_char_boundary(s) {
        s += 1;
    }
    format!(" {}", fold(&text[s..to]))
}

/// "X (đã) được sửa đổi, bổ sung (một số điều) bởi|theo|tại Y": Y acts on X. Only the text between the two
/// mentions is read, so the statement holds nothing else; a pinpoint may stand before Y.
static PASSIVE_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"^[ \n,]*(?:\([\n -~&&[^()]]{{0,80}}\)[ \n,]*)?(?:va\s+)?(?:da\s+|cung\s+da\s+)?(?:duoc|bi)\s+({PASSIVE_VERB})(?:\s+(?:mot so|mot phan|cac)\s+(?:dieu|khoan|noi dung))?(?:\s+tai[\n -~&&[^;]]{{0,60}})?\s+(?:boi|theo|tai)(?:\s[\n -~&&[^;:.]]{{0,60}}?)?\s*$"
    ))
});
/// "X hết hiệu lực (thi hành) kể từ ngày Y có hiệu lực": Y repeals X.
static LAPSES_WHEN: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"^[ \n,]*(?:\([\n -~&&[^()]]{0,80}\)[ \n,]*)?het hieu luc(?:\s+thi hanh)?\s+(?:ke\s+)?tu\s+ngay\s*$",
    )
});
static TAKES_EFFECT: LazyLock<Regex> = LazyLock::new(|| folded_regex(r"^[ \n]*co hieu luc"));
static LIST_JOIN: LazyLock<Regex> =
    LazyLock::new(|| folded_regex(r"^[ \n]*(?:,|va|;)[ \n]*(?:va\s+)?$"));

/// Words one of which every statement of [`PASSIVE_BETWEEN`] or [`LAPSES_WHEN`] holds, as NFC text writes
/// them: the text between two mentions is folded only when it has one. One literal alternation, which the
/// regex crate searches with a single multi-literal prefilter.
static STATEMENT_WORDS: LazyLock<Regex> =
    LazyLock::new(|| literal_words(&["bởi", "theo", "tại", "hiệu lực", "boi", "tai", "hieu luc"]));

/// The words of a database note ("… bởi …", "hết hiệu lực", "được hướng dẫn"), likewise.
static NOTE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    literal_words(&[
        "bởi",
        "hiệu lực",
        "hướng dẫn",
        "boi",
        "hieu luc",
        "huong dan",
    ])
});

/// The verbs of a list lead-in, likewise.
static LEAD_IN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
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

/// An alternation of `words` in lower case, capitals and with a capital first letter.
fn literal_words(words: &[&str]) -> Regex {
    let mut all: Vec<String> = Vec::new();
    for w in words {
        let mut first = w.chars();
        let capital: String = first
            .next()
            .map(|c| c.to_uppercase().chain(first).collect())
            .unwrap_or_default();
        all.extend([w.to_string(), w.to_uppercase(), capital]);
    }
    let alternation: Vec<String> = all.iter().map(|w| regex::escape(w)).collect();
    Regex::new(&alternation.join("|")).unwrap_or_else(|e| panic!("literal words: {e}"))
}

/// Whether `text` may hold one of `words`: it does as NFC text writes them, or it is NFD (combining marks,
/// lead bytes 0xCC and 0xCD), which spells them otherwise and is always folded.
fn may_hold(words: &Regex, text: &str) -> bool {
    memchr::memchr2(0xCC, 0xCD, text.as_bytes()).is_some() || words.is_match(text)
}

fn passive_statements(text: &str, found: &mut Extraction, refs: &[Span], notes: &[(usize, usize)]) {
    let in_note = |s: &Span| inside_note(notes, s);
    let mut i = 0;
    while i + 1 < refs.len() {
        let (target, actor) = (refs[i], refs[i + 1]);
        if in_note(&target) || actor.start < target.end || actor.start - target.end > 300 {
            i += 1;
            continue;
        }
        if !may_hold(&STATEMENT_WORDS, &text[target.end..actor.start]) {
            i += 1;
            continue;
        }
        let between = fold(&text[target.end..actor.start]);
        let passive = between.contains("duoc") || between.contains("bi ");
        if let Some(c) = passive
            .then(|| PASSIVE_BETWEEN.captures(&between))
            .flatten()
        {
            let relation = passive_relation(c.get(1).map_or("", |m| m.as_str()));
            // The actors: Y and every mention joined to it as a list ("theo Luật số A, Luật số B và …").
            let mut actors = vec![actor];
            let mut j = i + 2;
            while j < refs.len() {
                let prev = actors[actors.len() - 1];
                let gap = &text[prev.end..refs[j].start.max(prev.end)];
                if gap.len() > 40 || !LIST_JOIN.is_match(&fold(gap)) {
                    break;
                }
                actors.push(refs[j]);
                j += 1;
            }
            // A verb of the input on X reaches X as amended: "Căn cứ Luật … số 32/2024/QH15 được sửa đổi,
            // bổ sung bởi Luật số 96/2025/QH15", "Bãi bỏ … Luật … số 39/2019/QH14 đã được sửa đổi theo
            // Luật số 64/2020/QH14": the amending laws' provisions are part of the text it acts on.
            let governing = relation_at(found, target.at);
            for a in &actors {
                found.reported.push(Reported {
                    actor: a.at,
                    relation,
                    target: target.at,
                    editorial: false,
                    start: target.start,
                    end: a.end,
                    pinpoint: None,
                });
                // The contract keeps the amender's own mention `cites`; the verb that reaches it is a
                // further relation.
                if let Some(governing) = governing.filter(|g| *g != Relation::Cites) {
                    let also = Also {
                        relation: governing,
                        start: target.start,
                        end: a.end,
                    };
                    match a.at {
                        Ref::Citation(k) => found.citations[k].also.push(also),
                        Ref::Named(k) => found.named[k].also.push(also),
                        Ref::Document => {}
                    }
                }
            }
            i = j - 1;
            continue;
        }
        let after_actor = &text[actor.end..floor_boundary(text, (actor.end + 40).min(text.len()))];
        let lapses = between.contains("het hieu luc") && LAPSES_WHEN.is_match(&between);
        if lapses && TAKES_EFFECT.is_match(&fold(after_actor)) {
            found.reported.push(Reported {
                actor: actor.at,
                relation: Relation::Repeals,
                target: target.at,
                editorial: false,
                start: target.start,
                end: actor.end,
                pinpoint: None,
            });
            for r in [target.at, actor.at] {
                if let Some(rel) = relation_mut(found, r) {
                    *rel = Relation::Cites;
                }
            }
        }
        i += 1;
    }
}

/// A lead-in that ends with a colon and says what happens to the items below it: "Các văn bản sau đây
/// hết hiệu lực kể từ ngày Nghị định này có hiệu lực:", "Bãi bỏ các quy định sau:".
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"(?:(het hieu luc|bi bai bo|bai bo|bi huy bo|huy bo|bi thay the|thay the|sua doi, bo sung|sua doi)(?:[\n -~&&[^:;]]{0,120}))\s*:\s*$",
    )
});
/// An item marker as written: "a)", "đ)", "1.", "-", "+".
static ITEM_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t|]*(?:[a-zđ]\)|[0-9]{1,2}[.)]|[-+•–*])")
        .unwrap_or_else(|e| panic!("item mark: {e}"))
});

fn lead_in_lists(text: &str, found: &mut Extraction, refs: &[Span]) {
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
fn refs_on(refs: &[Span], start: usize, end: usize) -> &[Span] {
    let first = refs.partition_point(|r| r.start < start);
    let last = refs.partition_point(|r| r.start < end);
    &refs[first..last.max(first)]
}

/// The relation a line ending with a colon gives the items below it, if it is a lead-in: it names no
/// document itself and states no other document's act ("Nghị định số … đã được sửa đổi, bổ sung tại:").
fn lead_in(line: &str, on_line: &[Span]) -> Option<Relation> {
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

/// "Sửa đổi, bổ sung, bãi bỏ một số điều của …": one phrase with two verbs. The nearest verb governs the
/// mention; the other is a further relation, stated by the same words.
fn coordinated_change(text: &str, relation: Relation, start: usize, end: usize) -> Option<Also> {
    let other = match relation {
        Relation::Amends => Relation::Repeals,
        Relation::Repeals => Relation::Amends,
        _ => return None,
    };
    let before = fold_prefix(text, 0, start, 160);
    let clause = before
        .rsplit([';', '.', '\n', ':'])
        .next()
        .unwrap_or(&before);
    let both = COORDINATED.is_match(clause);
    let mut from = start.saturating_sub(160);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let clause_start = text[from..start]
        .rfind([';', '.', '\n', ':'])
        .map_or(from, |p| from + p + 1);
    let clause_start = clause_start
        + (text[clause_start..start].len() - text[clause_start..start].trim_start().len());
    both.then_some(Also {
        relation: other,
        start: clause_start,
        end,
    })
}

static COORDINATED: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:sua doi(?:, bo sung)?,? (?:va )?bai bo|bai bo,? (?:va )?sua doi)")
});

/// For a change, whether it touches only part of the document: a pinpoint, or words that say so
/// ("bãi bỏ một số điều", "thay thế cụm từ") in the clause before the mention.
fn partial_change(text: &str, relation: Relation, start: usize, pinpointed: bool) -> Option<bool> {
    if !relation.is_change() {
        return None;
    }
    if pinpointed {
        return Some(true);
    }
    let before = fold_prefix(text, 0, start, 160);
    let clause = before.rsplit([';', '.', '\n']).next().unwrap_or(&before);
    let words = [
        "mot so dieu",
        "mot so khoan",
        "mot so noi dung",
        "mot phan",
        "cum tu",
        "tu ngu",
        " dieu ",
        " khoan ",
        " diem ",
        "phu luc",
        "mau so",
    ];
    Some(
        relation == Relation::Amends && clause.contains("sua doi")
            || words.iter().any(|w| clause.contains(w)),
    )
}

/// A document cannot change one issued after it, and nothing below a law changes a law.
fn impossible(
    own: Option<&Document>,
    relation: Relation,
    cited_year: Option<i32>,
    cited_type: DocType,
) -> bool {
    if !relation.is_change() {
        return false;
    }
    let Some(own) = own else {
        return false;
    };
    let later = matches!((own.year, cited_year), (Some(a), Some(b)) if b > a);
    let outranked = cited_type.is_statute()
        && !own.doc_type.is_statute()
        && own.doc_type != DocType::Resolution;
    later || outranked
}

/// The words a constitution is named by: "Hiến pháp", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam".
/// Any other words after "Hiến pháp" make a phrase ("Hiến pháp và pháp luật", "Hiến pháp do luật định")
/// that names no document unless a year says which constitution.
fn is_a_name(n: &crate::model::Named) -> bool {
    if n.doc_type != DocType::Constitution {
        return true;
    }
    let key = name_key(&n.name);
    n.year.is_some() || key == "hien-phap" || key == CONSTITUTION_FULL
}

const CONSTITUTION_FULL: &str = "hien-phap-nuoc-cong-hoa-xa-hoi-chu-nghia-viet-nam";

/// The folded name of a law, for comparing spellings: "Luật Hải quan" and "LUẬT HẢI QUAN" are one.
pub(crate) fn name_key(name: &str) -> String {
    fold(name).split_whitespace().collect::<Vec<_>>().join("-")
}

/// Gives every named reference its node id: the numbered document when this input writes the name with
/// its number ("Luật Hải quan số 54/2014/QH13"), else the name with the one date (or year) this input
/// gives it anywhere, else the name alone.
fn resolve_named(found: &mut Extraction) {
    let numbered = numbered_names(&found.citations);
    let mut dates: HashMap<String, Vec<String>> = HashMap::new();
    for n in &found.named {
        if let Some(when) = n.date.clone().or(n.year.map(|y| y.to_string())) {
            let v = dates.entry(name_key(&n.name)).or_default();
            if !v.contains(&when) {
                v.push(when);
            }
        }
    }
    for (key, (_, date)) in &numbered {
        if let Some(d) = date {
            let v = dates.entry(key.clone()).or_default();
            if !v.contains(d) {
                v.push(d.clone());
            }
        }
    }
    for n in &mut found.named {
        let key = if n.doc_type == "constitution" {
            "hien-phap".to_string()
        } else {
            name_key(&n.name)
        };
        let when = n
            .date
            .clone()
            .or(n.year.map(|y| y.to_string()))
            .or_else(|| {
                // One date for the name in the whole input, or one full date and its own year.
                let v = dates.get(&key)?;
                let full: Vec<&String> = v.iter().filter(|d| d.len() == 10).collect();
                match (full.as_slice(), v.len()) {
                    ([d], _) if v.iter().all(|w| d.starts_with(w.as_str())) => Some((*d).clone()),
                    (_, 1) => Some(v[0].clone()),
                    _ => None,
                }
            });
        if let Some((symbol, sym_date)) = numbered.get(&key) {
            let agrees = match (&when, sym_date) {
                (Some(w), Some(d)) => d.starts_with(w.as_str()) || w.starts_with(d.as_str()),
                (Some(w), None) => {
                    symbol_year(symbol).is_none_or(|y| w.starts_with(&y.to_string()))
                }
                (None, _) => true,
            };
            if agrees {
                n.symbol = Some(symbol.clone());
                n.id = symbol.clone();
                continue;
            }
        }
        n.id = crate::id::named_id(&key, when.as_deref());
    }
}

fn symbol_year(symbol: &str) -> Option<i32> {
    symbol.split('/').nth(1)?.parse().ok()
}

/// Names written with their number in this input: "Luật Đất đai số 31/2024/QH15" → (31/2024/QH15, date).
/// A name seen with two different numbers is dropped: it cannot name one document.
fn numbered_names(citations: &[Citation]) -> HashMap<String, (String, Option<String>)> {
    let mut out: HashMap<String, (String, Option<String>)> = HashMap::new();
    let mut clash: Vec<String> = Vec::new();
    for c in citations {
        if !c.doc_type.is_named() {
            continue;
        }
        let folded = fold(&c.text);
        let Some(name) = name_before_number(&folded) else {
            continue;
        };
        let first = name.split(' ').next().unwrap_or("");
        if !matches!(first, "luat" | "bo" | "phap" | "hien") || name.split(' ').count() < 2 {
            continue;
        }
        // "Luật sửa đổi, bổ sung … của Luật X số …": the number is the amended law's, not the name's.
        if name.contains(" cua ") {
            continue;
        }
        let key = name.replace(' ', "-");
        match out.get(&key) {
            Some((s, _)) if *s != c.id => clash.push(key),
            Some(_) => {}
            None => {
                out.insert(key, (c.id.clone(), c.date.clone()));
            }
        }
    }
    for k in clash {
        out.remove(&k);
    }
    out
}

/// "Nghị định này quy định chi tiết …", "Thông tư này hướng dẫn …": the input's statement of its scope, found
/// by its literal words (a case-insensitive pattern cost more than the whole extraction), then checked for a
/// type word before "này".
fn scope_statement(text: &str) -> Option<(usize, usize)> {
    let verbs = [" này quy định chi tiết", " này hướng dẫn"];
    let at = verbs
        .iter()
        .filter_map(|v| memchr::memmem::find(text.as_bytes(), v.as_bytes()))
        .filter(|&at| {
            let type_word = fold_prefix(text, 0, at, 40);
            [
                "nghi dinh",
                "thong tu",
                "thong tu lien tich",
                "quyet dinh",
                "nghi quyet",
            ]
            .iter()
            .any(|t| type_word.ends_with(t))
        })
        .min()?;
    let mut start = at.saturating_sub(40);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let start = text[start..at]
        .rfind(['.', '\n', ';'])
        .map_or(start, |p| start + p + 1);
    let start = start + (text[start..at].len() - text[start..at].trim_start().len());
    let rest = &text[at..];
    let len = rest.find(['.', '\n', ';']).unwrap_or(rest.len()).min(400);
    let mut end = at + len;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Some((start, end))
}

/// Names of [`COMPETENCE_LAWS`] as name keys.
static COMPETENCE: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::data::tsv_rows(COMPETENCE_LAWS, 2)
        .map(|(line, cols)| {
            let key = name_key(cols[0]);
            assert!(
                key.starts_with("luat-"),
                "data/competence_laws.tsv line {line}: not a law: {}",
                cols[0]
            );
            key
        })
        .collect()
});

const COMPETENCE_LAWS: &str = include_str!("../data/competence_laws.tsv");

/// Whether a law's name key is one of the laws that only give power to issue (see the table).
fn is_competence_law(key: &str) -> bool {
    COMPETENCE.iter().any(|c| {
        key.starts_with(c.as_str()) || key.starts_with("luat-sua-doi") && key.contains(c.as_str())
    })
}

/// A decree, circular or decision that states it details or guides, without naming what (its title or its
/// scope article), guides the substantive laws it is based on; a circular or decision also the decrees.
/// The Căn cứ mention keeps `basis`; the guidance is a further relation with the scope's own words.
fn guides_by_scope(
    text: &str,
    found: &mut Extraction,
    refs: &[Span],
    own_title: Option<(usize, usize)>,
) {
    let Some(own) = found.document.as_ref() else {
        return;
    };
    let own_type = own.doc_type;
    if !matches!(
        own_type,
        DocType::Decree | DocType::Circular | DocType::JointCircular | DocType::Decision
    ) {
        return;
    }
    let mut statement: Option<(usize, usize)> = None;
    if let Some((s, e)) = own_title {
        let title = fold(&text[s..e]);
        let body = title.split_once(' ').map_or("", |(_, rest)| rest);
        let body = body.strip_prefix("lien tich ").unwrap_or(body);
        if body.starts_with("quy dinh chi tiet") || body.starts_with("huong dan") {
            statement = Some((s, e));
        }
    }
    if statement.is_none() {
        statement = scope_statement(text);
    }
    let Some((s, e)) = statement else {
        return;
    };
    // A statement that names its object guides that object alone, through the mention's own relation.
    if refs.iter().any(|r| r.start >= s && r.end <= e) {
        return;
    }
    let guides_decrees = own_type != DocType::Decree;
    let also = Also {
        relation: Relation::Guides,
        start: s,
        end: e,
    };
    for c in &mut found.citations {
        let statute = matches!(
            c.doc_type,
            DocType::Law | DocType::Code | DocType::Ordinance
        );
        let decree =
            guides_decrees && c.doc_type == DocType::Decree && !organises_a_body(text, c.end);
        if c.relation == Relation::Basis
            && (statute || decree)
            && !is_competence_law(&law_key_of(&c.text))
        {
            c.also.push(also.clone());
        }
    }
    for n in &mut found.named {
        if n.relation == Relation::Basis
            && n.doc_type != DocType::Constitution
            && !is_competence_law(&name_key(&n.name))
        {
            n.also.push(also.clone());
        }
    }
}

/// The name key of a numbered law as written ("Luật Hải quan số 54/2014/QH13" → luat-hai-quan), or the
/// whole mention's key when no name stands before its number.
fn law_key_of(mention: &str) -> String {
    let folded = fold(mention);
    name_before_number(&folded)
        .unwrap_or(&folded)
        .replace(' ', "-")
}

/// The folded words before " số " in a folded mention: the name a document is cited by with its number.
fn name_before_number(folded: &str) -> Option<&str> {
    folded.find(" so ").map(|at| &folded[..at])
}

/// "Nghị định số 14/2023/NĐ-CP … quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Tài
/// chính": the decree that organises the issuing ministry, a basis of competence, not of substance.
fn organises_a_body(text: &str, mention_end: usize) -> bool {
    let mut to = (mention_end + 300).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let after = fold(&text[mention_end..to]);
    let clause = after.split(';').next().unwrap_or(&after);
    clause.contains("chuc nang, nhiem vu")
}
