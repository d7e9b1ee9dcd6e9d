//! A change's scope (partial or whole), a second verb of one phrase, and changes that cannot be.

use super::*;

/// A change's scope (`partial`), and its fall back to `cites` when dates or ranks make it impossible.
#[allow(clippy::too_many_arguments)] // the fields of a Citation or a Named, borrowed apart
pub(super) fn settle_change(
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

/// "Sửa đổi, bổ sung, bãi bỏ một số điều của …": one phrase with two verbs. The nearest verb governs the
/// mention; the other is a further relation, stated by the same words.
pub(super) fn coordinated_change(
    text: &str,
    relation: Relation,
    start: usize,
    end: usize,
) -> Option<Also> {
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
        partial: None,
        pinpoint: None,
    })
}

pub(super) static COORDINATED: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?:sua doi(?:, bo sung)?,? (?:va )?bai bo|bai bo,? (?:va )?sua doi)")
});

/// For a change, whether it touches only part of the document: a pinpoint, or words that say so
/// ("bãi bỏ một số điều", "thay thế cụm từ") in the clause before the mention.
pub(super) fn partial_change(
    text: &str,
    relation: Relation,
    start: usize,
    pinpointed: bool,
) -> Option<bool> {
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

/// A document cannot change one issued after it, nothing below a law changes a law, and a letter, report or
/// plan changes no normative act.
pub(super) fn impossible(
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
    let not_an_act = own.doc_type.changes_no_act() && cited_type.is_normative_act();
    later || outranked || not_an_act
}
