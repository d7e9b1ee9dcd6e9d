//! What a cited document's own words say it does to another: "Thông tư 12/2024/TT-BTC thay thế Thông tư
//! 45/2013/TT-BTC" in a news item, "Căn cứ Nghị định số 70/2025/NĐ-CP sửa đổi, bổ sung một số điều của Nghị
//! định số 123/2020/NĐ-CP" in a basis line. The verb is the first document's title or the news item's
//! statement of it, never an act of the input (the per-mention reader already left the second mention
//! `cites`), so it is reported: the first document changes or guides the second.

use super::*;
use crate::data::PhrasePosition;
use crate::extract::context::is_list_glue;

/// What may stand between the acting document's mention and its verb: an aside closing, a tense.
static TENSE: LazyLock<Regex> =
    LazyLock::new(|| folded_regex(r"^[ \n]*\)?[ \n]*(?:(?:se|da|vua|moi|chinh thuc|cung)[ \n]+)*"));

/// What may stand between the verb and the first document it acts on: a part of it ("một số điều của",
/// "Điều 5 của").
static TO_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"^(?:[ \n]+(mot so dieu|mot so noi dung|mot phan|(?:diem [a-z0-9]{1,3},?[ \n]+)?(?:khoan [0-9]+,?[ \n]+)?dieu [0-9]+[a-z]?|khoan [0-9]+),?)?(?:[ \n]+cua)?(?:[ \n]+cac)?[ \n]*$",
    )
});

/// The longest gap read: a tense, the longest verb and a part.
const GAP_MAX: usize = 120;

/// For each pair of adjacent references (`refs[i]`, `refs[i + 1]`), the relation a title verb between
/// them states, and whether it names a part of the second. The verbs are the `before` phrases of
/// `data/relations.tsv` that change or guide a document ("thay thế", "sửa đổi, bổ sung một số điều",
/// "quy định chi tiết và hướng dẫn thi hành"), not those of basis or implementation: a title "thực hiện"
/// nothing of another's.
pub(super) fn title_verbs(text: &str, refs: &[Span]) -> Vec<Option<(Relation, bool)>> {
    refs.windows(2)
        .map(|pair| title_verb(text, pair[0].end, pair[1].start))
        .collect()
}

fn title_verb(text: &str, actor_end: usize, object_start: usize) -> Option<(Relation, bool)> {
    if object_start < actor_end || object_start - actor_end > GAP_MAX {
        return None;
    }
    let gap = text.get(actor_end..object_start)?;
    if gap.len() < 4 || gap.contains(['.', ';', ':']) {
        return None;
    }
    let folded = fold(gap);
    let verb_at = TENSE.find(&folded).map_or(0, |m| m.end());
    let verb = crate::extract::context::phrases(&folded)
        .into_iter()
        .find(|p| p.start == verb_at && p.position == PhrasePosition::Before)?;
    if !(verb.relation.is_change()
        || matches!(verb.relation, Relation::Guides | Relation::Corrects))
    {
        return None;
    }
    let part = TO_TARGET.captures(&folded[verb.end..])?.get(1).is_some();
    // "sửa đổi, bổ sung một số điều", "bãi bỏ một phần": the phrase itself may name the part.
    let phrase = &folded[verb.start..verb.end];
    Some((
        verb.relation,
        part || phrase.contains("mot so") || phrase.contains("mot phan"),
    ))
}

/// For each named reference, the date (or year) of the numbered document whose title it is the object of:
/// "Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 … quy định chi tiết thi hành một số điều của Luật Đất đai" in a
/// text of 2024 names the law in force in 2014, not the input's. `None` elsewhere.
pub(super) fn title_object_dates(
    found: &Extraction,
    refs: &[Span],
    verbs: &[Option<(Relation, bool)>],
) -> Vec<Option<String>> {
    let mut out = vec![None; found.named.len()];
    for (pair, verb) in refs.windows(2).zip(verbs) {
        let (actor, object) = (pair[0], pair[1]);
        let (Ref::Citation(c), Ref::Named(n)) = (actor.at, object.at) else {
            continue;
        };
        let Some(cited) = found.citations.get(c) else {
            continue;
        };
        let when = cited.date.clone().or(cited.year.map(|y| y.to_string()));
        if when.is_some() && verb.is_some() {
            if let Some(slot) = out.get_mut(n) {
                *slot = when;
            }
        }
    }
    out
}

/// Reports what each title verb of `verbs` (see [`title_verbs`]) states: the mention before it acts on the
/// one after it and on those joined to that one as a list (a semicolon opens the next basis item).
pub(super) fn title_statements(
    text: &str,
    found: &mut Extraction,
    refs: &[Span],
    notes: &[(usize, usize)],
    verbs: &[Option<(Relation, bool)>],
) {
    for (i, verb) in verbs.iter().enumerate() {
        let Some((relation, part)) = *verb else {
            continue;
        };
        let actor = refs[i];
        if inside_note(notes, &actor) {
            continue;
        }
        // The list the verb reaches: the first target and those joined to it.
        let mut k = i + 1;
        while k + 1 < refs.len() {
            let (prev, next) = (refs[k], refs[k + 1]);
            let glue = text.get(prev.end..next.start).map(fold).unwrap_or_default();
            if next.start < prev.end || glue.contains(';') || !is_list_glue(&glue) {
                break;
            }
            k += 1;
        }
        for &target in &refs[i + 1..=k] {
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
    // Full dates where both have one: a decree of 26 January guides no resolution of 27 January.
    let earlier = match (date_at(found, actor.at), date_at(found, target.at)) {
        (Some(a), Some(t)) => a < t,
        _ => actor_year.zip(target_year).is_some_and(|(a, t)| a < t),
    };
    if earlier {
        return false;
    }
    !(relation.is_change() && target_type.is_statute() && !actor_type.is_statute())
}

/// The full date a reference gives its document, if it gives one.
fn date_at(found: &Extraction, r: Ref) -> Option<&str> {
    let date = match r {
        Ref::Citation(i) => found.citations.get(i)?.date.as_deref(),
        Ref::Named(i) => found.named.get(i)?.date.as_deref(),
        Ref::Document => None,
    }?;
    (date.len() == 10).then_some(date)
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
