//! Passive statements ("X đã được sửa đổi, bổ sung bởi Y", "X hết hiệu lực kể từ ngày Y có hiệu lực"):
//! reported relations between two other documents.

use super::*;

/// "X (đã) được sửa đổi, bổ sung (một số điều) bởi|theo|tại Y": Y acts on X. Only the text between the two
/// mentions is read, so the statement holds nothing else; a pinpoint may stand before Y.
pub(super) static PASSIVE_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"^[ \n,]*(?:\([\n -~&&[^()]]{{0,80}}\)[ \n,]*)?(?:va\s+)?(?:da\s+|cung\s+da\s+)?(?:duoc|bi)\s+({PASSIVE_VERB})(?:\s+(?:mot so|mot phan|cac)\s+(?:dieu|khoan|noi dung))?(?:\s+tai[\n -~&&[^;]]{{0,60}})?\s+(?:boi|theo|tai)(?:\s[\n -~&&[^;:.]]{{0,60}}?)?\s*$"
    ))
});
/// "X hết hiệu lực (thi hành) kể từ ngày Y có hiệu lực": Y repeals X.
pub(super) static LAPSES_WHEN: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"^[ \n,]*(?:\([\n -~&&[^()]]{0,80}\)[ \n,]*)?het hieu luc(?:\s+thi hanh)?\s+(?:ke\s+)?tu\s+ngay\s*$",
    )
});
pub(super) static TAKES_EFFECT: LazyLock<Regex> =
    LazyLock::new(|| folded_regex(r"^[ \n]*co hieu luc"));
pub(super) static LIST_JOIN: LazyLock<Regex> =
    LazyLock::new(|| folded_regex(r"^[ \n]*(?:,|va|;)[ \n]*(?:va\s+)?$"));

/// Words one of which every statement of [`PASSIVE_BETWEEN`] or [`LAPSES_WHEN`] holds, as NFC text writes
/// them: the text between two mentions is folded only when it has one. One literal alternation, which the
/// regex crate searches with a single multi-literal prefilter.
pub(super) static STATEMENT_WORDS: LazyLock<Regex> =
    LazyLock::new(|| literal_words(&["bởi", "theo", "tại", "hiệu lực", "boi", "tai", "hieu luc"]));

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
