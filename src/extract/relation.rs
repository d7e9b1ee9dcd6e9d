//! The relation that governs a mention, from the structure of its clause (see `data/relations.tsv`).

use super::clean::{folded_regex, Folded};
use super::context;
use super::window::{clause_end, clause_start, without_item_mark, Window};
use crate::data::PhrasePosition;
use crate::vocab::Relation;
use regex::Regex;
use std::sync::LazyLock;

/// An earlier mention of the same fold: folded span and what governed it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Earlier {
    pub start: usize,
    pub end: usize,
    /// The relation the mention got.
    pub relation: Relation,
    /// The relation of its clause's own verb ("Căn cứ"), which later items of the same list share.
    pub clause_relation: Relation,
    /// The largest `end` of this mention and every one before it: the mentions of a clause are found
    /// from the last one back, stopping where no earlier one can reach into the clause.
    pub reach: usize,
}

/// How far past a mention its clause is searched for a phrase that follows it ("X hết hiệu lực"): only the
/// first phrase within reach matters, so the scan stops well short of a long clause's end.
const AFTER_REACH: usize = 160;
/// A following phrase further than this from the mention governs something said in between, not it.
const AFTER_GAP: usize = 120;

/// The relation that governs a mention, from the phrases of its clause (see `data/relations.tsv`), and the
/// relation its clause's verb states (for list items that follow). The rules, in the order they decide:
/// a phrase right after the mention; the item before it in a list; the nearest phrase before it in its
/// clause; the verb of its clause's earlier items; the list a bare item ("a) Quyết định số …;") belongs to.
pub(crate) fn relation_of(
    window: &Window,
    cstart: usize,
    mention_start: usize,
    mention_end: usize,
    earlier: &[Earlier],
    continues_list: bool,
) -> (Relation, Relation) {
    let first = earlier
        .iter()
        .rposition(|e| e.reach <= cstart)
        .map_or(0, |i| i + 1);
    // The earlier mentions of this clause are listed only when a phrase before the mention is read: most
    // mentions of a long list are settled before that, and listing them for each was a pass over the
    // clause's earlier mentions per mention.
    let in_clause = || {
        earlier[first..]
            .iter()
            .filter(|e| e.end > cstart && e.end <= mention_start)
    };
    let clause_relation = in_clause().next().map(|e| e.clause_relation);
    let with_clause = |r: Relation| (r, clause_relation.unwrap_or(r));
    if let Some(r) = phrase_after(window, mention_end) {
        return with_clause(r);
    }
    if continues_list {
        if let Some(prev) = earlier.last() {
            return (prev.relation, prev.clause_relation);
        }
    }
    let in_clause: Vec<&Earlier> = in_clause().collect();
    if let Some(r) = phrase_before(window, cstart, mention_start, &in_clause) {
        return with_clause(r);
    }
    if let Some(rel) = clause_relation {
        return (rel, rel);
    }
    if let Some(r) = list_of_bare_item(window, cstart, mention_start, earlier) {
        return (r, r);
    }
    if let Some(r) = pinpoint_list_verb(window, cstart, mention_start, earlier) {
        return (r, r);
    }
    if adds_a_part(window, cstart, mention_start) {
        return (Relation::Amends, Relation::Amends);
    }
    if let Some(r) = item_after_semicolon(window, cstart, mention_start) {
        return (r, r);
    }
    (Relation::Cites, Relation::Cites)
}

/// "… thực hiện đúng các quy định tại Luật Quản lý, sử dụng vũ khí … ngày 29/6/2024; Nghị định số 181/2024/
/// NĐ-CP …; Thông tư số 23/2024/TT-BCT …": a mention that opens a clause after a semicolon, when every
/// clause back to the list's lead also opens with a document, is an item of the list the lead's verb
/// governs. Items of numbered references carry their verb on (`continues_list`); this reaches the items
/// after a document named without a number, which the symbol scan does not see. The lead decides as it
/// would for its own first item, so every rule of `phrase_before` still holds.
fn item_after_semicolon(window: &Window, cstart: usize, mention_start: usize) -> Option<Relation> {
    /// Items a list is followed back over.
    const MOST_ITEMS: usize = 8;
    let text = &window.folded.text;
    let bytes = text.as_bytes();
    let after_semicolon =
        |at: usize| at > window.floor && bytes.get(at.wrapping_sub(1)) == Some(&b';');
    if !after_semicolon(cstart) || !without_item_mark(&text[cstart..mention_start]).is_empty() {
        return None;
    }
    let mut end = cstart - 1;
    for _ in 0..MOST_ITEMS {
        let start = clause_start(window.original, window.folded, end, window.floor);
        let clause = &text[start..end];
        if context::opens_with_type_word(without_item_mark(clause)) {
            if !after_semicolon(start) {
                return None;
            }
            end = start - 1;
            continue;
        }
        let lead = context::phrases_within(window.phrases, start, end)
            .iter()
            .rev()
            .find(|p| p.position == PhrasePosition::Before)?;
        let object = &text[lead.end..end];
        if !context::opens_with_type_word(object) {
            return None;
        }
        let first_item = lead.end + (object.len() - object.trim_start().len());
        return phrase_before(window, start, first_item, &[]).filter(|r| *r != Relation::Cites);
    }
    None
}

/// "Bổ sung điểm e vào khoản 2 Điều 5 Quyết định số …", "Bổ sung Điều 7a vào sau Điều 7 Thông tư số …": a
/// part added to a document amends it. "Bổ sung" alone names no change of a document ("bổ sung kinh phí
/// theo Quyết định số …"), so the clause must open with it and hold nothing but the new part and where it
/// goes.
fn adds_a_part(window: &Window, cstart: usize, mention_start: usize) -> bool {
    static ADDS: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(
            r"^bo sung\s+(?:diem|khoan|dieu|muc|chuong|phu luc)\s+[0-9a-z]+(?:\s*,\s*[0-9a-z]+)*\s+(?:vao\s+)?(?:sau|truoc|vao)\s+(?:(?:diem|khoan|dieu|muc|chuong|phu luc)\s+[0-9a-z.]+[ ,]*)+(?:cua\s*)?$",
        )
    });
    let clause = without_item_mark(&window.folded.text[cstart..mention_start]);
    clause.starts_with("bo sung ") && ADDS.is_match(clause)
}

/// "Bãi bỏ Điều 3; khoản 2 Điều 5 Thông tư số …", "Bãi bỏ các quy định về …; Điều 4; điểm a khoản 2 Điều 7
/// Thông tư số …": the parts of one document a verb acts on, listed with semicolons before it. A clause of
/// nothing but pinpoints before the mention takes the verb that opens the first part, or what the first
/// document of the part before it got, as a list item does.
fn pinpoint_list_verb(
    window: &Window,
    cstart: usize,
    mention_start: usize,
    earlier: &[Earlier],
) -> Option<Relation> {
    const PARTS: usize = 6;
    const REACH: usize = 400;
    let (original, folded, floor) = (window.original, window.folded, window.floor);
    // Most mentions that get this far follow no semicolon: that test is cheaper than the pattern.
    if cstart <= floor
        || !folded.text[..cstart].trim_end().ends_with(';')
        || !context::pinpoints_before_number(&folded.text[cstart..mention_start])
    {
        return None;
    }
    let mut end = cstart;
    for _ in 0..PARTS {
        let before = folded.text[..end].trim_end();
        if !before.ends_with(';') || end <= floor + 1 || cstart - end > REACH {
            return None;
        }
        let part_end = before.len() - 1;
        let start = clause_start(original, folded, part_end, floor).max(floor);
        // A part that names a document is an item of the same list: "Bãi bỏ Điều 3 Thông tư số …;
        // khoản 2 Điều 5 Thông tư số …" shares its verb.
        if let Some(e) = earlier.iter().find(|e| e.end > start && e.start < part_end) {
            return (e.relation != Relation::Cites).then_some(e.relation);
        }
        let part = &folded.text[start..part_end];
        let opening = context::phrases_within(window.phrases, start, part_end)
            .iter()
            .find(|p| {
                p.position == PhrasePosition::Before
                    && folded.text[start..p.start].trim().is_empty()
            });
        if let Some(p) = opening {
            return (p.relation != Relation::Cites).then_some(p.relation);
        }
        if !context::pinpoints_only(part) {
            return None;
        }
        end = start;
    }
    None
}

/// "X hết hiệu lực": a phrase that follows the mention in its clause, close to it.
fn phrase_after(window: &Window, mention_end: usize) -> Option<Relation> {
    let folded = window.folded;
    let mut reach = (mention_end + AFTER_REACH).min(window.ceiling);
    while !folded.text.is_char_boundary(reach) {
        reach -= 1;
    }
    let clause_end = clause_end(window.original, folded, mention_end, reach);
    let p = context::phrases_within(window.phrases, mention_end, clause_end).first()?;
    (p.position == PhrasePosition::After && p.start.saturating_sub(mention_end) < AFTER_GAP)
        .then_some(p.relation)
}

/// A passive verb and the word that names its agent or its source, right before a mention: "được công bố
/// theo", "bị xử phạt theo", "được cấp bởi". The mention is where something else comes from, not what the
/// input acts on, whatever the verb; `data/relations.tsv` lists the passive phrases of other shapes.
static PASSIVE_AGENT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:duoc|bi|da duoc|da bi) (?:[a-z]+ ){1,3}(?:theo|boi|tai)(?-u:\b)")
});

/// How far before a mention its passive verb may start: the verb, three words, the agent word and the
/// mention's type word ("được công bố theo Quyết định số") fit well within it.
const AGENT_REACH: usize = 80;

/// Where the last passive verb with its agent word stands in folded `from..to`, if one does.
fn passive_agent(folded: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    let mut from = from.max(to.saturating_sub(AGENT_REACH));
    while !folded.is_char_boundary(from) {
        from += 1;
    }
    let slice = &folded[from..to];
    // Most clauses hold neither word: two precomputed substring searches turn them away before the regex.
    static DUOC: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("duoc "));
    static BI: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("bi "));
    if DUOC.find(slice.as_bytes()).is_none() && BI.find(slice.as_bytes()).is_none() {
        return None;
    }
    PASSIVE_AGENT
        .find_iter(slice)
        .last()
        .map(|m| (from + m.start(), from + m.end()))
}

/// The nearest phrase before the mention in its clause that speaks of it: `Cites` when that phrase makes
/// the mention an actor ("được sửa đổi bởi X") or the object of another document's title, `None` when no
/// phrase speaks of it.
fn phrase_before(
    window: &Window,
    cstart: usize,
    mention_start: usize,
    in_clause: &[&Earlier],
) -> Option<Relation> {
    let folded = window.folded;
    let before = context::phrases_within(window.phrases, cstart, mention_start);
    // A passive verb with its agent word and no mention after it names the mention as a source, unless a
    // verb of the input's own reaches over it to the mention: "triển khai các nhiệm vụ được giao tại Nghị
    // quyết …" implements it, while in "Thay thế Quyết định số 10 … được công bố theo Quyết định số 3 …"
    // the passive speaks of the mention between them.
    // Searched only after each phrase, where it could stand nearer than the phrase: most mentions are read
    // right after their phrase ("Căn cứ Nghị định số …"), so the search is over a few words.
    let agent = |from: usize| {
        passive_agent(&folded.text, from, mention_start)
            .filter(|&(_, end)| !in_clause.iter().any(|e| e.start >= end))
    };
    for p in before.iter().rev() {
        // Another document named between the verb and the passive (a mention, or a type word that starts a
        // name: "Căn cứ Điều 14 Pháp lệnh … được công bố theo lệnh số 49 …") is what the passive speaks of.
        let describes_another = |start: usize| {
            in_clause.iter().any(|e| e.start >= p.end)
                || context::has_type_word(&folded.text[p.end..start])
        };
        // "Bãi bỏ Quy chế … được ban hành kèm theo Quyết định số …", "thay thế Chương trình … được ban hành
        // tại Nghị quyết số …": what was issued with a document is part of it, so a change of it changes
        // the document; any other verb stays with the words it governs.
        let issued_with = |(start, end): (usize, usize)| {
            let words = folded.text[start..end].trim_start_matches("da ");
            p.relation.alters_text() && words.starts_with("duoc ban hanh ")
        };
        if agent(p.end).is_some_and(|a| describes_another(a.0) && !issued_with(a)) {
            return Some(Relation::Cites);
        }
        let object_of_p = !in_clause.iter().any(|e| e.start >= p.end);
        // A verb standing after another reference, not joined to it by list glue, is part of that
        // reference's title ("Nghị định 24/2006 sửa đổi Nghị định 57/2002"): it says nothing of what this
        // document does. Nothing but spaces between them ("Căn cứ Nghị định số 13/2010/NĐ-CP sửa đổi …") is
        // no list: the verb opens that reference's title.
        // "Thực hiện Nghị quyết số 11/NQ-CP … và triển khai Nghị quyết số 43/2022/QH15": a verb joined by "và"
        // to the verb that governs the earlier reference is the input's second act of the same kind.
        let title_verb = || {
            in_clause.iter().any(|e| {
                e.end <= p.start && {
                    let gap = &folded.text[e.end..p.start];
                    let coordinated = e.relation == p.relation
                        && e.relation != Relation::Cites
                        && gap
                            .trim_end()
                            .strip_suffix("va")
                            .is_some_and(|g| g.ends_with([' ', '\n']));
                    // A line wrapped inside the clause before a verb in lower case ("… của Văn phòng Chính
                    // phủ⏎hướng dẫn thi hành …"), or anywhere in a basis item, which holds no act of the
                    // input's, is still nothing but spaces; elsewhere a line that opens with a verb in capitals
                    // ("Thay thế …") is an act of its own.
                    let blank = gap.bytes().all(|b| b == b' ' || b == b'\n');
                    let joined = blank
                        && (!gap.contains('\n')
                            || e.relation == Relation::Basis
                            || window.original[folded.orig_start(p.start)..]
                                .starts_with(char::is_lowercase));
                    (joined || !context::is_list_glue(gap))
                        && !coordinated
                        && !subject_before_verb(window, e.end, p.start)
                }
            })
        };
        // "… về việc phát động thi đua thực hiện thắng lợi nhiệm vụ hằng năm và Kế hoạch số 16/KH-HĐTĐKT …":
        // the title's verb already has its object, and "và" joins the mention to the list of the verb
        // before that title.
        if object_of_p
            && title_verb()
            && joined_after_own_object(&folded.text[p.end..mention_start])
        {
            continue;
        }
        match p.position {
            PhrasePosition::After => continue,
            PhrasePosition::Passive => {
                // "Sửa đổi khoản 2 Điều 1 Quy định ban hành kèm theo Quyết định số …", "Căn cứ Điều 11
                // Điều lệ ban hành kèm theo Nghị định số …": the attached rules are part of the document, so
                // the verb before them reaches it.
                let phrase = &folded.text[p.start..p.end];
                // "Bãi bỏ các nội dung quy định tại Quyết định số …": what a document sets out is the
                // document's, likewise, for a verb that changes text. Other verbs only follow it ("thực
                // hiện các nội dung quy định tại …" complies).
                let change_verb = before
                    .iter()
                    .rev()
                    .find(|q| q.end <= p.start && q.position == PhrasePosition::Before)
                    .filter(|q| q.relation.alters_text());
                // "Bãi bỏ quy định về ưu đãi … theo quy định tại Điều 6 Nghị định số …": the rules the verb
                // changes are the mention's own, named by their matter.
                let its_rules = (phrase == "quy dinh tai" || phrase == "theo quy dinh tai")
                    && change_verb.is_some_and(|q| {
                        let object = folded.text[q.end..p.start].trim_start();
                        let rules = object.strip_prefix("cac ").unwrap_or(object);
                        // No other document named in between, whose rules they would be.
                        rules.starts_with("quy dinh ve ")
                            && !in_clause.iter().any(|e| e.start >= q.end)
                    });
                let its_content = phrase == "quy dinh tai" && change_verb.is_some() && {
                    let words = folded.text[cstart..p.start].trim_end();
                    [
                        "noi dung",
                        "thu tuc hanh chinh",
                        "dieu khoan",
                        "dieu, khoan",
                    ]
                    .iter()
                    .any(|w| words.ends_with(w))
                };
                let attaches = phrase == "ban hanh kem theo" || its_content || its_rules;
                if object_of_p && !attaches {
                    return Some(Relation::Cites);
                }
            }
            PhrasePosition::Before if window.names_another_document(cstart, p) => {
                // With another document's type word between the verb and the mention, the mention is the
                // object of that document's title ("Luật sửa đổi … của Luật Đất đai số 31/2024/QH15"), and
                // so is every later mention of the clause; without one, the verb is a word of the mention's
                // own name ("Luật Thi hành án dân sự số 26/2008/QH12") and the verbs before it decide.
                let gap = &folded.text[p.end..mention_start];
                if context::has_type_word(gap) && !names_only_several(gap) {
                    return Some(Relation::Cites);
                }
                // "Căn cứ Quyết định số 416/QĐ-TTg … về ban hành Kế hoạch thực hiện Chỉ thị số 37-CT/TW": the
                // named document and the mention both stand in an earlier reference's title.
                if object_of_p && title_verb() {
                    return Some(Relation::Cites);
                }
            }
            PhrasePosition::Before => {
                if !title_verb() {
                    let gap = &folded.text[p.end..mention_start];
                    let verb_lead = &folded.text[cstart..p.start];
                    if p.relation == Relation::Implements
                        && (names_another_activity(gap)
                            || passive_verb(verb_lead)
                            || negated(verb_lead))
                    {
                        return Some(Relation::Cites);
                    }
                    if p.relation.is_change() && (proposed(verb_lead) || after_a_form(gap)) {
                        return Some(Relation::Cites);
                    }
                    if p.relation == Relation::Guides {
                        if let Some(r) = guidance_of_another(verb_lead) {
                            return Some(r);
                        }
                    }
                    if named_not_done(p.relation, verb_lead) {
                        return Some(Relation::Cites);
                    }
                    if measured_against(gap) {
                        return Some(Relation::Cites);
                    }
                    if in_earlier_subject(folded, in_clause, p.end, mention_start) {
                        return Some(Relation::Cites);
                    }
                    return Some(p.relation);
                }
                if object_of_p {
                    return Some(Relation::Cites);
                }
            }
        }
    }
    agent(cstart).map(|_| Relation::Cites)
}

/// "Hủy bỏ Quyết định số 07/2012/QĐ-UBND … về thu hồi Quyết định số 03/2010/QĐ-UBND": the mention stands in
/// the subject ("về …") of the reference before it, after the verb. Only a subject of plain words: any list
/// glue in it ("…; Quyết định số …", "… về X, Chương trình số …", "… về X và Quyết định số …") or an aside
/// ("(sau đây viết tắt là …)") may list the mention or name the reference again.
fn in_earlier_subject(
    folded: &Folded,
    in_clause: &[&Earlier],
    verb_end: usize,
    mention_start: usize,
) -> bool {
    static SUBJECT: LazyLock<Regex> =
        LazyLock::new(|| folded_regex(r"^\s*(?:cua [^;,.]{0,60}?\s)?ve\s"));
    let Some(e) = in_clause
        .iter()
        .rfind(|e| e.start >= verb_end && e.end <= mention_start)
    else {
        return false;
    };
    let gap = &folded.text[e.end..mention_start];
    SUBJECT.is_match(gap)
        && !gap.contains([';', ':', ',', '(', ')'])
        && !gap.split_whitespace().any(|w| w == "va" || w == "hoac")
}

/// Documents named only in the plural ("… một số điều của các luật liên quan đến đầu tư xây dựng cơ bản",
/// "… của 37 luật có liên quan đến quy hoạch"): one number after them is no number of theirs but the
/// title's own document's.
fn names_only_several(gap: &str) -> bool {
    static SEVERAL: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(
            r"(?-u:\b)(?:cac|nhung|[0-9]+) (?:bo luat|luat|phap lenh|nghi dinh|nghi quyet|thong tu|quyet dinh)(?-u:\b)",
        )
    });
    let singular = SEVERAL.replace_all(gap, |c: &regex::Captures| " ".repeat(c[0].len()));
    !context::has_type_word(&singular)
}

/// "triển khai tuyên truyền, phổ biến nội dung của Nghị định …", "thực hiện gửi dữ liệu … theo Mẫu số 03
/// … ban hành kèm theo Nghị định …": the verb's object is an activity of several words, and the mention is
/// only where its content or form comes from. "Thực hiện Nghị quyết …", "triển khai các nhiệm vụ được giao
/// tại Nghị quyết …" keep the verb.
/// An activity done "theo" (according to) the document still carries it out ("Thực hiện công tác … theo văn
/// bản số …"); one that takes a form from it ("theo Mẫu số 01 … Nghị định số …") does not.
fn names_another_activity(gap: &str) -> bool {
    const WORDS: usize = 6;
    // "hiện thực hóa các mục tiêu, chỉ tiêu của Chương trình …", "Thực hiện ý kiến chỉ đạo của Thủ tướng
    // Chính phủ tại Công văn số …": the document's own aims or the direction it states, listed, are the
    // document to carry out, however many words the list takes.
    static ITS_AIMS: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(
            r"^\s*(?:(?:cac|nhung)\s+)?(?:(?:muc tieu|chi tieu|nhiem vu|giai phap|chu truong|quan diem|dinh huong|yeu cau|noi dung|y kien chi dao|chi dao|y kien ket luan|ket luan)(?:\s*,\s*|\s+va\s+|\s+)?)+(?:cua\s[a-z ]{2,80}?\stai|cua|tai)\s*$",
        )
    });
    if ITS_AIMS.is_match(gap) {
        return false;
    }
    let words: Vec<&str> = gap.split_whitespace().collect();
    let source = matches!(words.last().copied(), Some("tai" | "cua" | "tu"));
    let form = gap.contains("mau so");
    // "các nhiệm vụ được giao tại": what the document assigns is the document's to carry out.
    let assigned = words.iter().any(|w| *w == "duoc" || *w == "bi");
    words.len() >= WORDS && (source || form) && !assigned
}

/// "Trên cơ sở Công văn số … của Thường trực Hội đồng nhân dân tỉnh, Ủy ban nhân dân tỉnh đính chính …": a
/// comma, then a body that stands right before the verb, opens the sentence's main clause; the verb is that
/// body's act, not a word of the reference's title.
fn subject_before_verb(window: &Window, reference_end: usize, verb_start: usize) -> bool {
    let folded = window.folded;
    let gap = &folded.text[reference_end..verb_start];
    let Some(comma) = gap.rfind(',') else {
        return false;
    };
    let rest = &gap[comma + 1..];
    let at = reference_end + comma + 1 + (rest.len() - rest.trim_start().len());
    // "Ủy ban nhân dân tỉnh": a level word with no place after it is still the body's name.
    let level_only = |rest: &str| {
        let rest = rest.trim();
        rest.is_empty() || super::place::written_level(rest).is_some()
    };
    // A body read past the verb ("… , Bộ Tài chính hướng dẫn" spelled into the verb) stands before no verb.
    context::read_issuer(window.original, folded, at).is_some_and(|(_, len)| {
        folded
            .text
            .get(at + len..verb_start)
            .is_some_and(level_only)
    })
}

/// A gap from a verb to the mention that is the verb's own object of a few plain words, then "và" right
/// before the mention: "thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội và". An object that is a
/// document ("thực hiện Chương trình hành động … và") or a part of one ("sửa đổi Điều 3 và") keeps the
/// mention in the verb's reach; a document named later in the object, after its own words ("… nhiệm vụ hằng
/// năm theo Nghị quyết Đại hội … và"), does not.
fn joined_after_own_object(gap: &str) -> bool {
    const WORDS: usize = 3;
    let Some(object) = gap.trim_end().strip_suffix(" va") else {
        return false;
    };
    let words: Vec<&str> = object.split_whitespace().collect();
    let head = words[..words.len().min(WORDS)].join(" ");
    words.len() >= WORDS
        && !context::has_type_word(&head)
        && !words.iter().any(|w| {
            matches!(
                *w,
                "dieu" | "khoan" | "diem" | "chuong" | "muc" | "phan" | "phu" | "cac" | "nhung"
            )
        })
}

/// "đề xuất sửa đổi, bổ sung Quyết định số …", "đề nghị bãi bỏ …", "kiến nghị Bộ … xem xét, sửa đổi …": a
/// change someone proposes or considers, not one the input makes. The words stand right before the verb.
fn proposed(before_verb: &str) -> bool {
    let before = before_verb.trim_end().trim_end_matches(',').trim_end();
    [
        "de xuat",
        "de nghi",
        "kien nghi",
        "du kien",
        "nghien cuu",
        "xem xet",
    ]
    .iter()
    .any(|w| before.ends_with(w))
        || purpose(before)
}

/// "Giao Sở Tư pháp hướng dẫn thực hiện Nghị định số …": the input assigns the guidance to a body and so
/// carries the decree out; "Đề nghị Bộ Tài chính hướng dẫn …" asks for it. Either way the input guides
/// nothing. The clause opens with the word, a body between it and the verb.
fn guidance_of_another(before_verb: &str) -> Option<Relation> {
    let clause = without_item_mark(before_verb);
    let (word, relation) = [
        ("giao ", Relation::Implements),
        ("de nghi ", Relation::Cites),
        ("yeu cau ", Relation::Cites),
        ("kien nghi ", Relation::Cites),
    ]
    .into_iter()
    .find(|(w, _)| clause.starts_with(w))?;
    let body = clause[word.len()..].trim();
    (!body.is_empty() && body.split_whitespace().count() <= 12).then_some(relation)
}

/// "Nội dung đính chính tại Điều 1 … là một phần không tách rời của Nghị định số …": the change verb names
/// a thing (the corrected content), and the input does not make that change to the mention. ("Tiếp tục kéo
/// dài thời gian thực hiện chính sách … theo Quyết định số …" still carries the decision out, as the gold
/// labels it.)
fn named_not_done(relation: Relation, before_verb: &str) -> bool {
    (relation.is_change() || relation == Relation::Corrects)
        && before_verb.trim_end().ends_with("noi dung")
}

/// "nhằm điều chỉnh, thay thế Quy trình … ban hành kèm theo Quyết định số …", "để sửa đổi …": a change the
/// input aims at, within the three words before the verb; the input does not make it.
fn purpose(before_verb: &str) -> bool {
    before_verb
        .rsplit([' ', ','])
        .filter(|w| !w.is_empty())
        .take(3)
        .any(|w| w == "nham" || w == "de")
}

/// "Hồ sơ đã được thực hiện theo …": the verb is passive, so it reports what was done, and the input
/// carries nothing out.
fn passive_verb(before_verb: &str) -> bool {
    let before = before_verb.trim_end();
    before.ends_with(" duoc") || before.ends_with(" bi") || before == "duoc" || before == "bi"
}

/// "doanh nghiệp không thực hiện các quy định tại Điều 45 Luật Hải quan", "chưa triển khai Kế hoạch số …":
/// a failure to carry the mention out, which the input reports or sanctions; it carries nothing out.
fn negated(before_verb: &str) -> bool {
    let before = before_verb.trim_end();
    let before = before.strip_suffix(" duoc").unwrap_or(before);
    matches!(before.rsplit(' ').next(), Some("khong" | "chua"))
}

/// "tờ khai sửa đổi, bổ sung (theo mẫu số 04 … ban hành kèm Thông tư …)": the verb names a kind of paper,
/// and the mention is only where its form comes from.
fn after_a_form(gap: &str) -> bool {
    gap.trim_start_matches([' ', '(']).starts_with("theo mau")
}

/// "bãi bỏ nghị quyết … có nội dung trái với Hiến pháp", "sửa đổi các biểu mẫu cho phù hợp với Thông tư …":
/// the verb acts on something else, and the mention is only the rule that thing is measured against.
fn measured_against(gap: &str) -> bool {
    let gap = gap.trim_end();
    let gap = gap
        .strip_suffix(" quy dinh cua")
        .or_else(|| gap.strip_suffix(" quy dinh tai"))
        .unwrap_or(gap)
        .trim_end();
    [
        " trai",
        " trai voi",
        " phu hop voi",
        " thong nhat voi",
        " mau thuan voi",
    ]
    .iter()
    .any(|w| gap.ends_with(w) || gap == w.trim_start())
}

/// A clause that is only a list item ("a) Quyết định số …;") continues the item before it, or takes the
/// verb of the lead-in line that ends with a colon above it.
fn list_of_bare_item(
    window: &Window,
    cstart: usize,
    mention_start: usize,
    earlier: &[Earlier],
) -> Option<Relation> {
    let (original, folded, floor) = (window.original, window.folded, window.floor);
    if !(is_bare_item(&folded.text[cstart..mention_start]) && cstart > floor) {
        return None;
    }
    let prev_start = clause_start(original, folded, cstart - 1, floor).max(floor);
    if let Some(prev) = earlier.last() {
        if prev.end <= cstart
            && prev.end >= prev_start
            && folded.text[floor..cstart].trim_end().ends_with(';')
        {
            return Some(prev.clause_relation);
        }
    }
    // The lead-in's last phrase decides, unless it names a kind of document ("các văn bản hướng dẫn …
    // sau đây vẫn có hiệu lực thi hành:"): then the one before it does, and only a verb governs the items.
    if folded.text[prev_start..cstart].trim_end().ends_with(':') {
        return context::phrases_within(window.phrases, prev_start, cstart)
            .iter()
            .rev()
            .find(|p| !window.names_another_document(prev_start, p))
            .filter(|p| p.position == PhrasePosition::Before)
            .map(|p| p.relation);
    }
    None
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
