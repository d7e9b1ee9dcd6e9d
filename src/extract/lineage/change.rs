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
    previous_end: Option<usize>,
    pinpointed: bool,
    year: Option<i32>,
    doc_type: DocType,
) {
    *partial = partial_change(text, *relation, start, previous_end, pinpointed);
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

/// How far before a mention its clause is read for the words that make a change partial.
const CLAUSE_REACH: usize = 320;

/// For a change, whether it touches only part of the document: a pinpoint, or words that say so
/// ("bãi bỏ một số điều", "thay thế cụm từ") in the clause before the mention. After another reference of
/// the clause (`previous_end`), a part named before that one is its own ("Bãi bỏ Điều 10 Thông tư số A và
/// Thông tư số B": B goes whole), while a share of every item ("một số điều của …") is still said of this
/// one.
pub(super) fn partial_change(
    text: &str,
    relation: Relation,
    start: usize,
    previous_end: Option<usize>,
    pinpointed: bool,
) -> Option<bool> {
    if !relation.is_change() {
        return None;
    }
    if pinpointed {
        return Some(true);
    }
    // Long enough for a share named before a long first item ("Bãi bỏ quy định về … tại Điều 6 Nghị định
    // số … ngày …, Nghị định số …").
    let before = fold_prefix(text, 0, start, CLAUSE_REACH);
    let clause = before.rsplit([';', '.', '\n']).next().unwrap_or(&before);
    let shares = [
        "mot so dieu",
        "mot so khoan",
        "mot so noi dung",
        "mot phan",
        "cum tu",
        "tu ngu",
        "bo quy dinh ve",
        "bo cac quy dinh ve",
    ];
    let parts = [" dieu ", " khoan ", " diem ", "phu luc", "mau so"];
    let said = |words: &[&str], s: &str| words.iter().any(|w| s.contains(w));
    // The words since the previous reference, when it stands in this clause.
    let own = previous_end
        .filter(|&end| start - end <= CLAUSE_REACH)
        .map(|end| fold_prefix(text, end, start, CLAUSE_REACH))
        .filter(|gap| !gap.contains([';', '.', '\n']));
    let parted = match &own {
        Some(gap) => said(&parts, gap),
        None => said(&parts, clause),
    };
    Some(
        relation == Relation::Amends && clause.contains("sua doi")
            || said(&shares, clause)
            || parted,
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
