//! The input's scope statement ("Nghị định này quy định chi tiết …") as guidance of the statutes it is
//! based on, but for the laws that only found an authority's competence (`data/competence_laws.tsv`).

use super::*;

/// "Nghị định này quy định chi tiết …", "Thông tư này hướng dẫn …": the input's statement of its scope, found
/// by its literal words (a case-insensitive pattern cost more than the whole extraction), then checked for a
/// type word before "này".
pub(super) fn scope_statement(text: &str) -> Option<(usize, usize)> {
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
pub(super) static COMPETENCE: LazyLock<Vec<String>> = LazyLock::new(|| {
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

pub(super) const COMPETENCE_LAWS: &str = include_str!("../../../data/competence_laws.tsv");

/// Whether a law's name key is one of the laws that only give power to issue (see the table).
pub(super) fn is_competence_law(key: &str) -> bool {
    COMPETENCE.iter().any(|c| {
        key.starts_with(c.as_str()) || key.starts_with("luat-sua-doi") && key.contains(c.as_str())
    })
}

/// A decree, circular or decision that states it details or guides, without naming what (its title or its
/// scope article), guides the substantive laws it is based on; a circular or decision also the decrees.
/// The Căn cứ mention keeps `basis`; the guidance is a further relation with the scope's own words.
pub(super) fn guides_by_scope(
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

/// "Nghị định số 14/2023/NĐ-CP … quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Tài
/// chính": the decree that organises the issuing ministry, a basis of competence, not of substance.
pub(super) fn organises_a_body(text: &str, mention_end: usize) -> bool {
    let mut to = (mention_end + 300).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let after = fold(&text[mention_end..to]);
    let clause = after.split(';').next().unwrap_or(&after);
    clause.contains("chuc nang, nhiem vu")
}
