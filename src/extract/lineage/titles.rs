//! What a cited document's own words say it does to another: "Thông tư 12/2024/TT-BTC thay thế Thông tư
//! 45/2013/TT-BTC" in a news item, "Căn cứ Nghị định số 70/2025/NĐ-CP sửa đổi, bổ sung một số điều của Nghị
//! định số 123/2020/NĐ-CP" in a basis line. The verb is the first document's title or the news item's
//! statement of it, never an act of the input (the per-mention reader already left the second mention
//! `cites`), so it is reported: the first document changes or guides the second.

use super::*;

/// The words between the acting document's mention and the first it acts on: an aside closing, a tense,
/// the verb, and a part of the target ("một số điều của", "Điều 5 của").
static TITLE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"^[ \n]*\)?[ \n]*(?:(?:se|da|vua|moi|chinh thuc|cung)[ \n]+)*(thay the|sua doi, bo sung|sua doi va bo sung|sua doi|bo sung|bai bo|huy bo|dinh chinh|huong dan thi hanh|huong dan thuc hien|huong dan|quy dinh chi tiet va huong dan thi hanh|quy dinh chi tiet thi hanh|quy dinh chi tiet)(?:[ \n]+(mot so dieu|mot so noi dung|mot phan|(?:diem [a-z0-9]{1,3},?[ \n]+)?(?:khoan [0-9]+,?[ \n]+)?dieu [0-9]+[a-z]?|khoan [0-9]+),?)?(?:[ \n]+cua)?(?:[ \n]+cac)?[ \n]*$",
    )
});

/// The words between two documents of one list the verb reaches: "…, Thông tư …", "… và Nghị định …".
/// A semicolon ends the list: in a basis line it opens the next item.
static LIST_GLUE: LazyLock<Regex> =
    LazyLock::new(|| folded_regex(r"^[ \n]*,?[ \n]*(?:va|cung nhu)?[ \n]*$"));

/// The longest gap read: a tense, the longest verb and a pinpoint.
const GAP_MAX: usize = 120;

/// The words a title verb or its tense opens with, folded: a gap that opens otherwise is not read further.
/// Most gaps between two mentions are list glue or a sentence, and folding each cost a part in a hundred of
/// the whole extraction.
const OPENING_WORDS: [&str; 14] = [
    "thay", "sua", "bo", "bai", "huy", "dinh", "huong", "quy", "se", "da", "vua", "moi", "chinh",
    "cung",
];

/// The verb between the acting mention ending at `actor_end` and the one at `object_start`, and whether a
/// part of the object is named ("một số điều của"): `None` when the words between are no title verb.
fn title_verb(text: &str, actor_end: usize, object_start: usize) -> Option<(Relation, bool)> {
    if object_start < actor_end || object_start - actor_end > GAP_MAX {
        return None;
    }
    let gap = text.get(actor_end..object_start)?;
    if gap.len() < 4 || gap.contains(['.', ';', ':']) {
        return None;
    }
    let first = gap
        .trim_start_matches(|c: char| c.is_whitespace() || c == ')')
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()?;
    if first.len() > 12 || !OPENING_WORDS.contains(&fold(first).as_str()) {
        return None;
    }
    let folded_gap = fold(gap);
    // The match alone is cheap; its groups are read only for a gap that is a title verb.
    if !TITLE_VERB.is_match(&folded_gap) {
        return None;
    }
    let caps = TITLE_VERB.captures(&folded_gap)?;
    let relation = match caps.get(1).map_or("", |m| m.as_str()) {
        "thay the" => Relation::Replaces,
        "bai bo" | "huy bo" => Relation::Repeals,
        "dinh chinh" => Relation::Corrects,
        v if v.starts_with("huong dan") || v.starts_with("quy dinh chi tiet") => Relation::Guides,
        _ => Relation::Amends,
    };
    Some((relation, caps.get(2).is_some()))
}

/// For each named reference, the date (or year) of the numbered document whose title it is the object of:
/// "Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 … quy định chi tiết thi hành một số điều của Luật Đất đai" in a
/// text of 2024 names the law in force in 2014, not the input's. `None` elsewhere.
pub(super) fn title_object_dates(
    text: &str,
    found: &Extraction,
    refs: &[Span],
) -> Vec<Option<String>> {
    let mut out = vec![None; found.named.len()];
    for pair in refs.windows(2) {
        let (actor, object) = (pair[0], pair[1]);
        let (Ref::Citation(c), Ref::Named(n)) = (actor.at, object.at) else {
            continue;
        };
        let Some(cited) = found.citations.get(c) else {
            continue;
        };
        let when = cited.date.clone().or(cited.year.map(|y| y.to_string()));
        if when.is_some() && title_verb(text, actor.end, object.start).is_some() {
            if let Some(slot) = out.get_mut(n) {
                *slot = when;
            }
        }
    }
    out
}

pub(super) fn title_statements(
    text: &str,
    found: &mut Extraction,
    refs: &[Span],
    notes: &[(usize, usize)],
) {
    let mut i = 0;
    while i + 1 < refs.len() {
        let (actor, first) = (refs[i], refs[i + 1]);
        i += 1;
        if inside_note(notes, &actor) {
            continue;
        }
        let Some((relation, part)) = title_verb(text, actor.end, first.start) else {
            continue;
        };
        // The list the verb reaches: the first target and those joined to it.
        let mut targets = vec![first];
        let mut k = i + 1;
        while k < refs.len() {
            let (prev, next) = (refs[k - 1], refs[k]);
            let glue = text.get(prev.end..next.start).unwrap_or_default();
            if next.start < prev.end || glue.len() > 12 || !LIST_GLUE.is_match(&fold(glue)) {
                break;
            }
            targets.push(next);
            k += 1;
        }
        for target in targets {
            if !reportable(found, &actor, &target, relation) {
                continue;
            }
            // Another rule may state it already, through other mentions of the same two documents (a
            // consolidated text's list of amendments, whose items carry their titles).
            let id = |r: Ref| facts_at(found, r).map(|f| f.0);
            let (actor_id, target_id) = (id(actor.at), id(target.at));
            let duplicate = found.reported.iter().any(|r| {
                r.relation == relation && id(r.actor) == actor_id && id(r.target) == target_id
            });
            if duplicate {
                continue;
            }
            found.reported.push(Reported {
                partial: (part && relation.is_change()).then_some(true),
                ..statement(&actor, relation, &target)
            });
        }
    }
}

/// Whether the statement "actor does `relation` to target" may stand: the target is left `cites` (the verb
/// is no act of the input's), neither is the input itself, and dates and ranks allow it (no document
/// changes one issued after it, no decree or circular changes a law).
fn reportable(found: &Extraction, actor: &Span, target: &Span, relation: Relation) -> bool {
    if relation_at(found, target.at) != Some(Relation::Cites) {
        return false;
    }
    let own = found.document.as_ref().map(|d| d.id.as_str());
    let (Some((actor_id, actor_year, actor_type)), Some((target_id, target_year, target_type))) =
        (facts_at(found, actor.at), facts_at(found, target.at))
    else {
        return false;
    };
    if actor_id == target_id || own == Some(actor_id) || own == Some(target_id) {
        return false;
    }
    if actor_year.zip(target_year).is_some_and(|(a, t)| a < t) {
        return false;
    }
    !(relation.is_change() && target_type.is_statute() && !actor_type.is_statute())
}

/// Id, year and type of the document a reference names. A name without a year has the year of the node
/// it resolved to: "Nghị định số 43/2014/NĐ-CP … quy định chi tiết thi hành một số điều của Luật Đất đai" in
/// a 2024 text resolves the name to the law of 2024, which the decree of 2014 cannot guide.
fn facts_at(found: &Extraction, r: Ref) -> Option<(&str, Option<i32>, DocType)> {
    match r {
        Ref::Citation(i) => found
            .citations
            .get(i)
            .map(|c| (c.id.as_str(), c.year, c.doc_type)),
        Ref::Named(i) => found.named.get(i).map(|n| {
            let year = n
                .year
                .or_else(|| n.symbol.as_deref().and_then(crate::id::symbol_year))
                .or_else(|| crate::id::named_year(&n.id));
            (n.id.as_str(), year, n.doc_type)
        }),
        Ref::Document => None,
    }
}
