//! Passive statements ("X đã được sửa đổi, bổ sung bởi Y", "X hết hiệu lực kể từ ngày Y có hiệu lực"):
//! reported relations between two other documents.

use super::*;

/// "X (đã) được sửa đổi, bổ sung (một số điều) bởi|theo|tại Y": Y acts on X. Only the text between the two
/// mentions is read, so the statement holds nothing else; a pinpoint may stand before Y. The statement may
/// open an aside after X ("Nghị định số … (được sửa đổi, bổ sung bởi Nghị định số …)") and qualify its verb
/// ("bị bãi bỏ một phần bởi"). X's subject may stand before the statement (see [`passive_captures`]).
pub(super) static PASSIVE_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"^[ \n,(]*(?:\([\n -~&&[^()]]{{0,80}}\)[ \n,]*)?(?:va\s+)?(?:da\s+|cung\s+da\s+)?(?:duoc|bi)\s+({PASSIVE_VERB})(?:\s+(?:mot so|mot phan|cac)\s+(?:dieu|khoan|noi dung)|\s+mot phan)?(?:\s+tai[\n -~&&[^;]]{{0,60}})?\s+(?:boi|theo|tai)(?:\s[\n -~&&[^;:.]]{{0,60}}?)?\s*$"
    ))
});
/// "X hết hiệu lực (thi hành) kể từ ngày Y có hiệu lực", "… khi Y có hiệu lực": Y repeals X.
pub(super) static LAPSES_WHEN: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"^[ \n,]*(?:\([\n -~&&[^()]]{0,80}\)[ \n,]*)?het hieu luc(?:\s+thi hanh)?\s+(?:(?:ke\s+)?tu\s+ngay|khi)\s*$",
    )
});
/// What follows the last amender of a passive list when the input ends the amended document: "… hết hiệu
/// lực (thi hành)" with nothing after it, or from a date, or from the day the input ("Luật này") takes
/// effect; not "kể từ ngày Nghị định số … có hiệu lực", which reports another document's act.
pub(super) static LAPSES_AFTER_LIST: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"^[ \n,]*het hieu luc(?: thi hanh)?(?:\s*(?:[.;,]|$)|\s+(?:ke\s+)?tu\s+ngay\s+(?:[0-9]|[a-z ]{2,30}?(?-u:\b)nay(?-u:\b)))",
    )
});
pub(super) static TAKES_EFFECT: LazyLock<Regex> =
    LazyLock::new(|| folded_regex(r"^[ \n]*co hieu luc"));
pub(super) static LIST_JOIN: LazyLock<Regex> =
    LazyLock::new(|| folded_regex(r"^[ \n]*(?:,|va|;)[ \n]*(?:va\s+)?$"));

/// Words one of which every statement of [`PASSIVE_BETWEEN`] or [`LAPSES_WHEN`] holds, as NFC text writes
/// them: the text between two mentions is folded only when it has one. One literal alternation, which the
/// regex crate searches with a single multi-literal prefilter.
pub(super) static STATEMENT_WORDS: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| literal_words(&["bởi", "theo", "tại", "hiệu lực", "boi", "tai", "hieu luc"]));

/// X's subject, closed by a comma before the statement: "Quyết định số … của Ủy ban nhân dân tỉnh về việc
/// ban hành Quy chế …, được sửa đổi tại Quyết định số …".
static SUBJECT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"^[ \n]*(?:[a-z]+\s+){0,3}(?:ve|quy dinh|huong dan)\s[\n -~&&[^;.:()]]*$")
});

/// [`PASSIVE_BETWEEN`] on the folded text between X and Y, or on what follows X's subject. The subject is
/// tried only where a comma opens the passive, so most texts between two mentions are matched once.
fn passive_captures(between: &str) -> Option<regex::Captures<'_>> {
    PASSIVE_BETWEEN.captures(between).or_else(|| {
        let comma = [", duoc ", ", da duoc ", ", bi ", ", da bi "]
            .iter()
            .filter_map(|w| between.find(w))
            .min()?;
        if !SUBJECT_BEFORE.is_match(&between[..comma]) {
            return None;
        }
        PASSIVE_BETWEEN.captures(&between[comma..])
    })
}

pub(super) fn passive_statements(
    text: &str,
    found: &mut Extraction,
    refs: &[Span],
    notes: &[(usize, usize)],
) {
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
        if let Some(c) = passive.then(|| passive_captures(&between)).flatten() {
            let relation = passive_relation_on(
                c.get(1).map_or("", |m| m.as_str()),
                pinpoint_of(found, target.at).is_some(),
            );
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
            // "X đã được sửa đổi theo Y1, Y2 hết hiệu lực kể từ ngày Luật này có hiệu lực": the lapse that
            // follows the list is the input's act on X, whatever word stood nearest to each Y.
            let last = actors[actors.len() - 1];
            let (after_at, aside) = after_aside(text, last.end);
            let after = &text[after_at..floor_boundary(text, (after_at + 80).min(text.len()))];
            if may_hold(&STATEMENT_WORDS, after) && LAPSES_AFTER_LIST.is_match(&fold(after)) {
                if let Some(slot) = relation_mut(found, target.at) {
                    *slot = Relation::Repeals;
                }
                // The aside only names the document ("sau đây gọi là Luật … số 39/2019/QH14").
                let named_again = aside.map_or(&[][..], |(s, e)| refs_on(refs, s, e));
                for a in actors.iter().chain(named_again) {
                    if let Some(slot) = relation_mut(found, a.at) {
                        *slot = Relation::Cites;
                    }
                    clear_partial(found, a.at);
                }
            }
            // A verb of the input on X reaches X as amended: "Căn cứ Luật … số 32/2024/QH15 được sửa đổi,
            // bổ sung bởi Luật số 96/2025/QH15", "Bãi bỏ … Luật … số 39/2019/QH14 đã được sửa đổi theo
            // Luật số 64/2020/QH14": the amending laws' provisions are part of the text it acts on, and
            // only those provisions of theirs.
            // "… Thông tư số 02/2022/TT-BTNMT … quy định chi tiết … Luật Bảo vệ môi trường (được sửa đổi, bổ
            // sung bởi Thông tư số 07/2025/TT-BTNMT …)": no circular changes a law, so the aside speaks of
            // the document whose title ends with the law's name.
            let outranked = |t: Span| {
                doc_type_at(found, t.at).is_some_and(DocType::is_statute)
                    && actors
                        .iter()
                        .any(|a| doc_type_at(found, a.at).is_some_and(|d| !d.is_statute()))
            };
            let target = if outranked(target) {
                let titled = i.checked_sub(1).map(|k| refs[k]).filter(|t| {
                    matches!(t.at, Ref::Citation(_))
                        && text
                            .get(t.end..target.start)
                            .is_some_and(|gap| !gap.contains([';', '.', '\n']))
                });
                match titled.filter(|t| !outranked(*t)) {
                    Some(t) => t,
                    None => {
                        i = j - 1;
                        continue;
                    }
                }
            } else {
                target
            };
            let governing = relation_at(found, target.at);
            // "bị bãi bỏ một phần bởi", "được sửa đổi, bổ sung một số điều bởi": part of X only.
            let part = c.get(0).is_some_and(|m| {
                let statement = m.as_str();
                statement.contains("mot phan") || statement.contains("mot so")
            });
            for a in &actors {
                found.reported.push(Reported {
                    partial: part.then_some(true),
                    ..statement(a, relation, &target)
                });
                // The contract keeps the amender's own mention `cites`; the verb that reaches it is a
                // further relation.
                if let Some(governing) = governing.filter(|g| *g != Relation::Cites) {
                    let also = Also {
                        relation: governing,
                        start: target.start,
                        end: a.end,
                        partial: governing.is_change().then_some(true),
                        pinpoint: None,
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
            // "A và B hết hiệu lực kể từ ngày C có hiệu lực": C ends every document of the list before it.
            let mut first = i;
            while first > 0 {
                let (prev, next) = (refs[first - 1], refs[first]);
                let gap = text.get(prev.end..next.start).unwrap_or_default();
                if in_note(&prev) || gap.len() > 40 || !LIST_JOIN.is_match(&fold(gap)) {
                    break;
                }
                first -= 1;
            }
            for lapsed in &refs[first..=i] {
                found
                    .reported
                    .push(statement(&actor, Relation::Repeals, lapsed));
                make_cites(found, lapsed.at);
            }
            make_cites(found, actor.at);
        }
        i += 1;
    }
}

/// A statement in the text's own words that `actor` does `relation` to `target`, spanning both mentions.
pub(super) fn statement(actor: &Span, relation: Relation, target: &Span) -> Reported {
    Reported {
        actor: actor.at,
        relation,
        target: target.at,
        editorial: false,
        start: actor.start.min(target.start),
        end: actor.end.max(target.end),
        pinpoint: None,
        partial: None,
    }
}

fn doc_type_at(found: &Extraction, r: Ref) -> Option<DocType> {
    match r {
        Ref::Citation(i) => found.citations.get(i).map(|c| c.doc_type),
        Ref::Named(i) => found.named.get(i).map(|n| n.doc_type),
        Ref::Document => None,
    }
}

pub(super) fn clear_partial(found: &mut Extraction, r: Ref) {
    match r {
        Ref::Citation(i) => {
            if let Some(c) = found.citations.get_mut(i) {
                c.partial = None;
            }
        }
        Ref::Named(i) => {
            if let Some(n) = found.named.get_mut(i) {
                n.partial = None;
            }
        }
        Ref::Document => {}
    }
}

/// The mention only names its document: `cites`, with no scope.
pub(super) fn make_cites(found: &mut Extraction, r: Ref) {
    if let Some(rel) = relation_mut(found, r) {
        *rel = Relation::Cites;
    }
    clear_partial(found, r);
}

/// Where the text after `at` goes on, past one short aside in brackets that may stand there ("… Luật số
/// 38/2024/QH15 (sau đây gọi là Luật Đầu tư công số 39/2019/QH14) hết hiệu lực …"), and the aside's span.
fn after_aside(text: &str, at: usize) -> (usize, Option<(usize, usize)>) {
    let rest = &text[at..];
    let open = at + (rest.len() - rest.trim_start().len());
    if text[open..].starts_with('(') {
        let aside = &text[open..floor_boundary(text, (open + 240).min(text.len()))];
        if let Some(close) = aside.find(')') {
            return (open + close + 1, Some((open, open + close + 1)));
        }
    }
    (at, None)
}

/// The lead-in of a list of amenders, after the last mention of the sentence that names the amended
/// document: "…, có hiệu lực kể từ ngày 01 tháng 01 năm 2016, được sửa đổi, bổ sung bởi:", the opening of a
/// consolidated text. The words before the verb (the amended document's title, its date of effect) end with
/// a comma; without one, only a few words may stand there and the agent word is "bởi" (group 2), since
/// "các nội dung được sửa đổi tại:" lists where the content comes from.
static PASSIVE_LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    let passive = format!(
        r"(?:da\s+|cung\s+da\s+)?(?:duoc|bi)\s+({PASSIVE_VERB})(?:\s+(?:mot so|mot phan|cac)\s+(?:dieu|khoan|noi dung))?"
    );
    folded_regex(&format!(
        r"^(?:[\n -~&&[^;:]]{{0,300}}?,[ \n]*{passive}\s+(?:boi|theo|tai)|[a-z \n]{{0,40}}?{passive}\s+boi)(?:\s+(?:cac|nhung)\s+[a-z ]{{0,30}}?\s*sau(?: day)?)?\s*:\s*$"
    ))
});

/// How far before its colon the sentence of a lead-in may start.
const LEAD_IN_SENTENCE: usize = 800;

/// "Luật … số 77/2015/QH13 …, được sửa đổi, bổ sung bởi:" above "1. Luật số 21/2017/QH14 …; 2. Luật số
/// 47/2019/QH14 …": the first mention of each item below the colon acts on the document the sentence
/// opens with, whatever its title names after it. The items are reported relations, not the input's acts;
/// an item goes on over wrapped lines until a line ends it with ";" or ".".
///
/// Returns the first lead-in's amended document and where its list ends: a consolidated text's base.
pub(super) fn passive_lead_in_lists(
    text: &str,
    found: &mut Extraction,
    refs: &[Span],
    notes: &[(usize, usize)],
) -> Option<(Span, usize)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    let mut first: Option<(Span, usize)> = None;
    while let Some(colon) = memchr::memchr(b':', &bytes[from..]).map(|p| from + p) {
        from = colon + 1;
        let line_end =
            memchr::memchr(b'\n', &bytes[colon..]).map_or(bytes.len(), |p| colon + p + 1);
        if !text[colon + 1..line_end].trim().is_empty() {
            continue;
        }
        let before = refs.partition_point(|r| r.end <= colon);
        let Some(last) = before.checked_sub(1).map(|i| refs[i]) else {
            continue;
        };
        if colon - last.end > 400 || inside_note(notes, &last) {
            continue;
        }
        let lead = &text[last.end..=colon];
        if !may_hold(&STATEMENT_WORDS, lead) {
            continue;
        }
        let Some(verb) = PASSIVE_LEAD_IN
            .captures(&fold(lead))
            .and_then(|c| c.get(1).or(c.get(2)).map(|m| m.as_str().to_string()))
        else {
            continue;
        };
        let Some(sentence) = sentence_start(bytes, last.start) else {
            continue;
        };
        let Some(&target) = refs[..before].iter().find(|r| r.start >= sentence) else {
            continue;
        };
        let relation = passive_relation_on(&verb, pinpoint_of(found, target.at).is_some());
        let (actors, list_end) = first_mention_of_each_item(text, refs, line_end);
        first.get_or_insert((target, list_end));
        for actor in actors {
            found.reported.push(statement(&actor, relation, &target));
        }
        from = from.max(list_end);
    }
    first
}

/// Where the sentence holding `at` starts: after ". ", ";", ":" or a blank line, within
/// [`LEAD_IN_SENTENCE`] bytes; the text's start when it is that near.
fn sentence_start(bytes: &[u8], at: usize) -> Option<usize> {
    let floor = at.saturating_sub(LEAD_IN_SENTENCE);
    let mut i = at;
    while i > floor {
        let b = bytes[i - 1];
        let next_is_space = bytes.get(i).is_some_and(|n| n.is_ascii_whitespace());
        let ends = match b {
            b';' | b':' => true,
            b'.' => next_is_space,
            b'\n' => i >= 2 && bytes[i - 2] == b'\n',
            _ => false,
        };
        if ends {
            return Some(i);
        }
        i -= 1;
    }
    (floor == 0).then_some(0)
}

/// The first mention of each item of the list that starts at `at`, and where the list ends: at the first
/// line that neither opens an item nor goes on with one left open. Items are marked ("1.", "a)", "-"), or
/// unmarked lines that open with the mention, each closed by ";" and the last by ".".
fn first_mention_of_each_item(text: &str, refs: &[Span], mut at: usize) -> (Vec<Span>, usize) {
    /// How far into an unmarked line its mention may start: past its type word and a name.
    const UNMARKED_LEAD: usize = 80;
    let bytes = text.as_bytes();
    let mut actors = Vec::new();
    let (mut in_list, mut item_closed, mut item_has_actor, mut unmarked) =
        (false, true, false, false);
    while at < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |p| at + p + 1);
        let line = &text[at..end];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            at = end;
            continue;
        }
        let on_line = refs_on(refs, at, end);
        let opens_with_mention = on_line
            .first()
            .is_some_and(|r| r.start < at + (line.len() - line.trim_start().len()) + UNMARKED_LEAD);
        if ITEM_MARK.is_match(line) {
            item_has_actor = false;
        } else if in_list && !item_closed {
            // Goes on with the item above.
        } else if opens_with_mention && (!in_list || unmarked && !last_item_ended_list(text, at)) {
            item_has_actor = false;
            unmarked = true;
        } else {
            break;
        }
        if !item_has_actor {
            if let Some(&first) = on_line.first() {
                actors.push(first);
                item_has_actor = true;
            }
        }
        in_list = true;
        item_closed = trimmed.ends_with([';', '.']);
        at = end;
    }
    (actors, at)
}

/// Whether the line before `at` ends with a full stop: the last item of an unmarked list.
fn last_item_ended_list(text: &str, at: usize) -> bool {
    text[..at].trim_end().ends_with('.')
}

/// "Ngày 17/04/2009, Thủ tướng Chính phủ đã ban hành Quy chế … kèm theo Quyết định số 61/2009/QĐ-TTg, thay thế
/// Quyết định số 14/2005/QĐ-TTg": a sentence that reports a document someone has issued goes on, after a
/// comma, with what that document does. The change is the issued document's, reported; the input cites both.
/// Only a sentence whose verb says the issuing was done ("đã ký", "vừa ban hành") reports it: an input's own
/// formula ("Bộ trưởng … ban hành Thông tư …") and its own acts have no such tense.
pub(super) fn issued_then_changes(
    text: &str,
    found: &mut Extraction,
    refs: &[Span],
    notes: &[(usize, usize)],
) {
    static CHANGE_AFTER_COMMA: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(
            r"^[ \n]*,[ \n]*(?:dong thoi[ \n]+)?(thay the|bai bo|sua doi, bo sung|sua doi)[ \n]*$",
        )
    });
    static DONE_ISSUING: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(r"(?-u:\b)(?:da|vua|moi)[ \n]+(?:ky|ban hanh|ky ban hanh)(?-u:\b)")
    });
    for pair in refs.windows(2) {
        let (issued, changed) = (pair[0], pair[1]);
        if inside_note(notes, &issued) || changed.start < issued.end {
            continue;
        }
        let gap = &text[issued.end..changed.start];
        if gap.len() > 40 || !gap.contains(',') {
            continue;
        }
        let folded_gap = fold(gap);
        let Some(verb) = CHANGE_AFTER_COMMA
            .captures(&folded_gap)
            .and_then(|c| c.get(1))
        else {
            continue;
        };
        let relation = match verb.as_str() {
            "thay the" => Relation::Replaces,
            "bai bo" => Relation::Repeals,
            _ => Relation::Amends,
        };
        if relation_at(found, changed.at) != Some(relation) {
            continue;
        }
        // The sentence up to the issued document: from the last sentence end or line break before it.
        let bytes = text.as_bytes();
        let from = memchr::memrchr3(b'.', b';', b'\n', &bytes[..issued.start]).map_or(0, |p| p + 1);
        if !DONE_ISSUING.is_match(&fold(&text[from..issued.start])) {
            continue;
        }
        found.reported.push(statement(&issued, relation, &changed));
        make_cites(found, changed.at);
    }
}
