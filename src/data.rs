//! Domain tables compiled in from `data/*.tsv`: document types, issuers, relation phrases.
//!
//! Keeping them as readable tables means a lawyer can add an issuer or a phrase without reading Rust, and every
//! row carries an example that `tests/` extracts.

use crate::normalize::{code_key, fold};
use regex::Regex;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

const DOC_TYPES_TSV: &str = include_str!("../data/doc_types.tsv");
const ISSUERS_TSV: &str = include_str!("../data/issuers.tsv");
const RELATIONS_TSV: &str = include_str!("../data/relations.tsv");

/// One row of `data/doc_types.tsv`.
#[derive(Debug, Clone)]
pub struct DocTypeRow {
    /// Contract name, e.g. `decree`.
    pub doc_type: &'static str,
    /// Symbol codes in canonical spelling, e.g. `NĐ`.
    pub codes: Vec<&'static str>,
    /// Type words as written, e.g. `Nghị định`.
    pub words: Vec<&'static str>,
    /// A text whose first reference has this doc type.
    pub example: &'static str,
}

/// One row of `data/issuers.tsv`.
#[derive(Debug, Clone)]
pub struct IssuerRow {
    /// Symbol code, e.g. `BTC`.
    pub code: &'static str,
    /// Full name in its canonical spelling.
    pub name: &'static str,
    /// Names the texts use for it.
    pub aliases: Vec<&'static str>,
    /// A symbol carrying the code.
    pub example: &'static str,
}

/// Where a relation phrase stands relative to the mention it governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhrasePosition {
    /// "Căn cứ X": the phrase precedes the mention and governs it.
    Before,
    /// "được sửa đổi bởi X": the phrase precedes X, but X acts on another document.
    Passive,
    /// "X hết hiệu lực": the phrase follows the mention.
    After,
}

/// One row of `data/relations.tsv`.
#[derive(Debug, Clone)]
pub struct RelationRow {
    /// Contract relation name.
    pub relation: &'static str,
    /// Where the phrase stands.
    pub position: PhrasePosition,
    /// The phrases as written.
    pub phrases: Vec<&'static str>,
    /// A sentence whose first reference takes this relation.
    pub example: &'static str,
}

/// All tables with the lookups derived from them.
pub struct Tables {
    /// Rows of `data/doc_types.tsv`.
    pub doc_types: Vec<DocTypeRow>,
    /// Rows of `data/issuers.tsv`.
    pub issuers: Vec<IssuerRow>,
    /// Rows of `data/relations.tsv`.
    pub relations: Vec<RelationRow>,
    type_by_code: HashMap<&'static str, &'static str>,
    known_codes: HashMap<String, &'static str>,
    codes_by_upper: HashMap<String, &'static str>,
    codes_by_key: HashMap<String, Option<&'static str>>,
    issuer_by_code: HashMap<&'static str, usize>,
    type_by_word: HashMap<String, &'static str>,
    issuer_by_alias: HashMap<String, usize>,
    relation_by_phrase: HashMap<String, (&'static str, PhrasePosition)>,
    /// Folded type words, longest first, as one alternation (without anchors).
    pub type_word_alternation: String,
    /// Matches a folded issuer alias at the start of a string.
    pub issuer_alias_re: Regex,
    /// Matches folded relation phrases that stand before or after a mention.
    pub relation_re: Regex,
}

fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn list(cell: &'static str, separator: char) -> Vec<&'static str> {
    if cell == "-" || cell.is_empty() {
        return Vec::new();
    }
    cell.split(separator)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Alternation of folded phrases, longest first so that the regex prefers "thông tư liên tịch" to "thông tư".
fn alternation<'a>(phrases: impl Iterator<Item = &'a String>) -> String {
    let mut all: Vec<&String> = phrases.collect();
    all.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    all.dedup();
    all.iter()
        .map(|p| {
            let body = regex::escape(p)
                .replace("\\ ", "[ \\n]+")
                .replace(' ', "[ \\n]+");
            // Folded text is ASCII where it matters, so ASCII word boundaries keep the regex a pure DFA.
            if p.ends_with(|c: char| c.is_ascii_alphanumeric()) {
                format!("{body}(?-u:\\b)")
            } else {
                body
            }
        })
        .collect::<Vec<_>>()
        .join("|")
}

fn build() -> Tables {
    let doc_types: Vec<DocTypeRow> = rows(DOC_TYPES_TSV)
        .map(|c| DocTypeRow {
            doc_type: c[0],
            codes: list(c.get(1).copied().unwrap_or("-"), ','),
            words: list(c.get(2).copied().unwrap_or("-"), '|'),
            example: c.get(3).copied().unwrap_or(""),
        })
        .collect();
    let issuers: Vec<IssuerRow> = rows(ISSUERS_TSV)
        .map(|c| IssuerRow {
            code: c[0],
            name: c.get(1).copied().unwrap_or(""),
            aliases: list(c.get(2).copied().unwrap_or("-"), '|'),
            example: c.get(3).copied().unwrap_or(""),
        })
        .collect();
    let relations: Vec<RelationRow> = rows(RELATIONS_TSV)
        .map(|c| RelationRow {
            relation: c[0],
            position: match c.get(1).copied().unwrap_or("before") {
                "passive" => PhrasePosition::Passive,
                "after" => PhrasePosition::After,
                _ => PhrasePosition::Before,
            },
            phrases: list(c.get(2).copied().unwrap_or("-"), '|'),
            example: c.get(3).copied().unwrap_or(""),
        })
        .collect();

    let mut type_by_code = HashMap::default();
    let mut type_by_word = HashMap::default();
    let mut all_codes: Vec<&'static str> = Vec::new();
    for row in &doc_types {
        for code in &row.codes {
            type_by_code.entry(*code).or_insert(row.doc_type);
            all_codes.push(code);
        }
        for word in &row.words {
            type_by_word.insert(fold(word), row.doc_type);
        }
    }
    let mut issuer_by_code = HashMap::default();
    let mut issuer_by_alias = HashMap::default();
    for (i, row) in issuers.iter().enumerate() {
        issuer_by_code.entry(row.code).or_insert(i);
        all_codes.push(row.code);
        for alias in &row.aliases {
            issuer_by_alias.entry(fold(alias)).or_insert(i);
        }
    }
    let mut known_codes = HashMap::default();
    let mut codes_by_upper = HashMap::default();
    let mut codes_by_key: HashMap<String, Option<&'static str>> = HashMap::default();
    for code in all_codes {
        known_codes.insert(code.to_string(), code);
        codes_by_upper.entry(code.to_uppercase()).or_insert(code);
        let key = code_key(code);
        match codes_by_key.get(&key) {
            Some(Some(existing)) if *existing != code => {
                codes_by_key.insert(key, None);
            }
            Some(_) => {}
            None => {
                codes_by_key.insert(key, Some(code));
            }
        }
    }
    let mut relation_by_phrase = HashMap::default();
    for row in &relations {
        for phrase in &row.phrases {
            relation_by_phrase.insert(fold(phrase), (row.relation, row.position));
        }
    }
    let type_word_alternation = alternation(type_by_word.keys());
    let issuer_alias_re = Regex::new(&format!(r"^(?:{})", alternation(issuer_by_alias.keys())))
        .unwrap_or_else(|e| panic!("issuer table makes an invalid regex: {e}"));
    let relation_re = Regex::new(&format!(
        r"(?-u:\b)(?:{})",
        alternation(relation_by_phrase.keys())
    ))
    .unwrap_or_else(|e| panic!("relation table makes an invalid regex: {e}"));
    Tables {
        doc_types,
        issuers,
        relations,
        type_by_code,
        known_codes,
        codes_by_upper,
        codes_by_key,
        issuer_by_code,
        type_by_word,
        issuer_by_alias,
        relation_by_phrase,
        type_word_alternation,
        issuer_alias_re,
        relation_re,
    }
}

static TABLES: LazyLock<Tables> = LazyLock::new(build);

/// The compiled-in tables.
pub fn tables() -> &'static Tables {
    &TABLES
}

impl Tables {
    /// The code when written exactly as the tables spell it.
    pub fn exact_code(&self, raw: &str) -> Option<&'static str> {
        self.known_codes.get(raw).copied()
    }

    /// Canonical spelling of a symbol code written in any case, with `Ð` or without diacritics, or `None` when
    /// the code is not in the tables.
    pub fn canonical_code(&self, raw: &str) -> Option<&'static str> {
        if let Some(c) = self.known_codes.get(raw) {
            return Some(c);
        }
        if let Some(c) = self.codes_by_upper.get(&raw.to_uppercase()) {
            return Some(c);
        }
        self.codes_by_key.get(&code_key(raw)).copied().flatten()
    }

    /// Doc type named by a symbol code (`NĐ` → `decree`).
    pub fn type_of_code(&self, code: &str) -> Option<&'static str> {
        self.type_by_code.get(code).copied()
    }

    /// The issuer row of a code; codes with a term number (`QH13`) match by their letters.
    pub fn issuer_of_code(&self, code: &str) -> Option<&IssuerRow> {
        let letters = code.trim_end_matches(|c: char| c.is_ascii_digit());
        self.issuer_by_code.get(letters).map(|&i| &self.issuers[i])
    }

    /// Doc type named by a folded type word (`nghi dinh` → `decree`).
    pub fn type_of_word(&self, folded_word: &str) -> Option<&'static str> {
        let key: String = folded_word.split_whitespace().collect::<Vec<_>>().join(" ");
        self.type_by_word.get(&key).copied()
    }

    /// Issuer row of a folded alias.
    /// Issuer row of a folded alias already in single-spaced form.
    pub fn issuer_of_exact_alias(&self, folded_alias: &str) -> Option<&'static IssuerRow> {
        let t: &'static Tables = tables();
        t.issuer_by_alias.get(folded_alias).map(|&i| &t.issuers[i])
    }

    /// Issuer row of a folded alias.
    pub fn issuer_of_alias(&self, folded_alias: &str) -> Option<&IssuerRow> {
        let key: String = folded_alias
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        self.issuer_by_alias.get(&key).map(|&i| &self.issuers[i])
    }

    /// Relation and position of a folded phrase.
    pub fn relation_of_phrase(
        &self,
        folded_phrase: &str,
    ) -> Option<(&'static str, PhrasePosition)> {
        let key: String = folded_phrase
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        self.relation_by_phrase.get(&key).copied()
    }
}
