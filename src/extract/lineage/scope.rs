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
            OWN_TYPE_WORDS.iter().any(|t| type_word.ends_with(t))
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

/// The type words of a document that details others, folded, as it names itself ("Nghị định này …").
const OWN_TYPE_WORDS: [&str; 5] = [
    "nghi dinh",
    "thong tu",
    "thong tu lien tich",
    "quyet dinh",
    "nghi quyet",
];

/// Rules a decision issues, which state the scope for it ("Quy trình này hướng dẫn …").
const ISSUED_RULES_WORDS: [&str; 3] = ["quy trinh", "quy che", "quy dinh"];

/// The scope article of an input of the kinds that detail or guide other documents, read once for the
/// two rules that use it.
pub(super) fn detailing_scope(text: &str, found: &Extraction) -> Option<ScopeArticle> {
    detailing_type(found)?;
    scope_article(text)
}

/// The input's own type when it is of the kinds that detail or guide other documents.
fn detailing_type(found: &Extraction) -> Option<DocType> {
    let own_type = found.document.as_ref()?.doc_type;
    matches!(
        own_type,
        DocType::Decree
            | DocType::Circular
            | DocType::JointCircular
            | DocType::Decision
            | DocType::Resolution
    )
    .then_some(own_type)
}

/// The statutes a decree or circular details: laws, codes and ordinances (not the constitution).
fn is_detailed_statute(t: DocType) -> bool {
    matches!(t, DocType::Law | DocType::Code | DocType::Ordinance)
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
/// So does one whose scope article says only what it regulates ("Nghị định này quy định về …").
/// The Căn cứ mention keeps `basis`; the guidance is a further relation with the scope's own words.
pub(super) fn guides_by_scope(
    text: &str,
    found: &mut Extraction,
    refs: &[Span],
    own_title: Option<(usize, usize)>,
    scope: Option<&ScopeArticle>,
) {
    let Some(own_type) = detailing_type(found) else {
        return;
    };
    let mut statement: Option<(usize, usize)> = None;
    if let Some((s, e)) = own_title {
        let title = fold(&text[s..e]);
        let words: Vec<&str> = title.split_whitespace().collect();
        // The trích yếu after the type word, however many words that takes ("THÔNG TƯ LIÊN TỊCH").
        let type_words = (1..=words.len().min(4))
            .rev()
            .find(|&n| {
                crate::data::tables()
                    .type_of_word(&words[..n].join(" "))
                    .is_some()
            })
            .unwrap_or(0);
        let body = words[type_words..].join(" ");
        if body.starts_with("quy dinh chi tiet") || body.starts_with("huong dan") {
            statement = Some((s, e));
        }
    }
    if statement.is_none() {
        statement = scope_statement(text);
    }
    // "Nghị định này quy định về …" alone: a regulation issued on the strength of substantive statutes
    // regulates matters those statutes leave to it, which the databases record as their guidance.
    if statement.is_none() {
        statement = scope.map(|a| (a.start, a.end));
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
        partial: None,
        pinpoint: None,
    };
    for c in &mut found.citations {
        let statute = is_detailed_statute(c.doc_type);
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

/// The heading of the scope article as written, in the capitalisations documents use, by its end ("… vi
/// điều chỉnh"): "phạm" would start a check at every "ph" ("phải", "phần", "pháp"), where "vi " is rare.
static SCOPE_HEADING: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| literal_words(&["vi điều chỉnh", "vi dieu chinh"]));

/// The statement of the scope article: "Điều 1. Phạm vi điều chỉnh" and, within a short reach, "Nghị định
/// này quy định …" (or the rules a decision issues: "Quy trình này hướng dẫn …").
pub(super) struct ScopeArticle {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The verb says "detail" or "guide" ("quy định chi tiết", "hướng dẫn"), not "quy định (về)" alone.
    pub(super) explicit: bool,
}

static SCOPE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?i) này (quy định|hướng dẫn)").unwrap_or_else(|e| panic!("scope verb: {e}"))
});

pub(super) fn scope_article(text: &str) -> Option<ScopeArticle> {
    let heading = SCOPE_HEADING.find(text)?;
    // The statement opens within a short reach of the heading ("1." and a line break between them).
    let reach = &text[heading.end()..floor_boundary(text, (heading.end() + 120).min(text.len()))];
    // Crawled copies capitalise the verb ("Nghị định này Quy định về …"); the reach is short, so a
    // case-insensitive pattern costs nothing here.
    let found = SCOPE_VERB.find(reach)?;
    let (at, verb) = (found.start(), found.as_str());
    let start = heading.end() + at;
    // The input by its type word, or the rules it issues ("Quy trình này hướng dẫn …").
    let type_word = fold_prefix(text, heading.end(), start, 40);
    let type_word = type_word.trim_end();
    let names_itself = OWN_TYPE_WORDS
        .iter()
        .chain(&ISSUED_RULES_WORDS)
        .any(|t| type_word.ends_with(t));
    if !names_itself {
        return None;
    }
    let after_verb = fold(
        &text[start + verb.len()..floor_boundary(text, (start + verb.len() + 12).min(text.len()))],
    );
    let explicit =
        fold(verb).ends_with("huong dan") || after_verb.trim_start().starts_with("chi tiet");
    let bytes = text.as_bytes();
    let line_end = memchr::memchr(b'\n', &bytes[start..]).map_or(text.len(), |p| start + p);
    // A statement that ends with a colon ("…, bao gồm:") goes on through its list.
    let end = if text[start..line_end].trim_end().ends_with(':') {
        list_end(text, (line_end + 1).min(text.len()))
    } else {
        line_end
    };
    let end = floor_boundary(text, end.min(start + 3000));
    // The statement's words begin after "1." or the type word's line start.
    let type_start = text[..start]
        .rfind(['\n', '.'])
        .map_or(heading.end(), |p| (p + 1).max(heading.end()));
    let type_start =
        type_start + (text[type_start..start].len() - text[type_start..start].trim_start().len());
    Some(ScopeArticle {
        start: type_start.min(start),
        end,
        explicit,
    })
}

/// "Điều 1. Phạm vi điều chỉnh — Nghị định này quy định về … quy định tại Điều 158 … Luật Đất đai": the
/// matters the input regulates are provisions of another document, which it therefore details. The
/// mentions of that statement that carry a pinpoint (the provisions) guide; a law it names without one
/// only frames it.
pub(super) fn guides_by_scope_article(
    found: &mut Extraction,
    refs: &[Span],
    scope: Option<&ScopeArticle>,
) {
    let Some(own_type) = detailing_type(found) else {
        return;
    };
    let Some(&ScopeArticle {
        start,
        end,
        explicit,
    }) = scope
    else {
        return;
    };
    let guides_decrees = own_type != DocType::Decree;
    for r in refs_on(refs, start, end) {
        if r.end > end {
            continue;
        }
        match r.at {
            Ref::Citation(i) => {
                let Some(c) = found.citations.get_mut(i) else {
                    continue;
                };
                let statute = is_detailed_statute(c.doc_type);
                let kind = statute || guides_decrees && c.doc_type == DocType::Decree;
                if kind && (explicit || c.pinpoint.is_some()) && c.relation == Relation::Cites {
                    c.relation = Relation::Guides;
                }
            }
            Ref::Named(i) => {
                let Some(n) = found.named.get_mut(i) else {
                    continue;
                };
                let kind = n.doc_type != DocType::Constitution;
                if kind && (explicit || n.pinpoint.is_some()) && n.relation == Relation::Cites {
                    n.relation = Relation::Guides;
                }
            }
            Ref::Document => {}
        }
    }
}

/// Where the list that starts at `at` ends: its items, the lines that continue them and blank lines (the
/// page copies break "1." from its text), up to the first other line.
fn list_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while at < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |p| at + p + 1);
        let line = text[at..end].trim();
        let item = ITEM_MARK.is_match(&text[at..end]);
        let continues = line.starts_with(|c: char| c.is_lowercase());
        // "1." alone on its line is followed by its text: a capital line after a bare mark is part of it.
        if !(line.is_empty() || item || continues) {
            let after_bare_mark = text[..at]
                .trim_end()
                .rsplit('\n')
                .next()
                .is_some_and(|prev| {
                    let prev = prev.trim();
                    prev.len() <= 3 && prev.ends_with(['.', ')'])
                });
            if !after_bare_mark {
                break;
            }
        }
        at = end;
    }
    at
}
