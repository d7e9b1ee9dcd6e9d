//! Domain tables compiled in from `data/*.tsv`: document types, issuers, relation phrases.
//!
//! Keeping them as readable tables means a lawyer can add an issuer or a phrase without reading Rust, and every
//! row carries an example that `tests/` extracts.

use crate::extract::clean::{code_key, fold};
use crate::vocab::{DocType, Relation};
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

const DOC_TYPES_TSV: &str = include_str!("../data/doc_types.tsv");
const ISSUERS_TSV: &str = include_str!("../data/issuers.tsv");
const RELATIONS_TSV: &str = include_str!("../data/relations.tsv");
const ISSUER_TYPES_TSV: &str = include_str!("../data/issuer_types.tsv");

/// Full names of the bodies that exist at every level of local government, and of the Party's committees
/// at each level: "112-KH/TU" is a plan of every province's committee.
const LOCAL_BODY_NAMES: [&str; 6] = [
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Chủ tịch Ủy ban nhân dân",
    "Tỉnh ủy",
    "Huyện ủy",
    "Quận ủy",
];

/// The Party committees whose name says their level, so that their place follows with no level word.
const PARTY_COMMITTEE_CODES: [&str; 3] = ["TU", "HU", "QU"];

/// One row of `data/doc_types.tsv`.
#[derive(Debug, Clone)]
pub struct DocTypeRow {
    /// Contract name, e.g. `decree`.
    pub doc_type: DocType,
    /// Symbol codes in canonical spelling, e.g. `NĐ`.
    pub codes: Vec<&'static str>,
    /// Type words as written, e.g. `Nghị định`.
    pub words: Vec<&'static str>,
    /// A text whose first reference has this doc type.
    pub example: &'static str,
    /// The one issuer of this type in year-form symbols (`CP` for decrees), if there is one.
    pub sole_issuer: Option<&'static str>,
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

/// One row of `data/issuer_types.tsv`: the doc type a symbol without a type code takes from an issuer code.
#[derive(Debug, Clone)]
pub struct IssuerTypeRow {
    /// Issuer code, without its term number.
    pub code: &'static str,
    /// The doc type it implies.
    pub doc_type: DocType,
    /// Only when it is the symbol's only group (`64-CP`), rather than any group (`80/2015/QH13`).
    pub alone: bool,
    /// A text whose first reference takes this doc type.
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

impl std::str::FromStr for PhrasePosition {
    type Err = String;

    fn from_str(s: &str) -> Result<PhrasePosition, String> {
        match s {
            "before" => Ok(PhrasePosition::Before),
            "passive" => Ok(PhrasePosition::Passive),
            "after" => Ok(PhrasePosition::After),
            _ => Err(format!(
                "unknown position {s:?}; known: before, passive, after"
            )),
        }
    }
}

/// One row of `data/relations.tsv`.
#[derive(Debug, Clone)]
pub struct RelationRow {
    /// Contract relation name.
    pub relation: Relation,
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
    /// Rows of `data/issuer_types.tsv`.
    pub issuer_types: Vec<IssuerTypeRow>,
    type_by_code: HashMap<&'static str, DocType>,
    known_codes: HashMap<String, &'static str>,
    codes_by_upper: HashMap<String, &'static str>,
    codes_by_key: HashMap<String, Option<&'static str>>,
    issuer_by_code: HashMap<&'static str, usize>,
    type_by_word: HashMap<String, DocType>,
    issuer_by_alias: HashMap<String, usize>,
    /// Matches folded relation phrases that stand before or after a mention.
    pub relation_phrases: PhraseMatcher<(Relation, PhrasePosition)>,
}

/// Finds folded phrases at word starts, longest first, as an alternation regex with `\b` at both ends would,
/// where a space in a phrase matches the one space or line break that folded text has between words.
///
/// Phrases are looked up by their first word, so the text is walked once word by word; an alternation regex
/// of these phrases cost more than all the other context reading together, because its common first words
/// ("theo", "thực hiện") send its prefilter into the automaton at nearly every word.
#[derive(Debug)]
pub struct PhraseMatcher<V> {
    by_first_word: HashMap<Vec<u8>, Vec<(Vec<u8>, V)>>,
    /// Bit `len` of `shapes[first byte & 31][last byte & 31]` is set when some first word has that shape: a check that
    /// turns away almost every word of running text before hashing it.
    shapes: Box<[[u32; 32]; 32]>,
}

/// A match of a [`PhraseMatcher`]: folded byte range and the phrase's value.
#[derive(Debug, Clone, Copy)]
pub struct PhraseMatch<V> {
    /// Start in the folded text.
    pub start: usize,
    /// End in the folded text.
    pub end: usize,
    /// The value stored with the phrase.
    pub value: V,
}

/// An ASCII word byte, as `(?-u:\b)` sees it.
pub(crate) fn is_word_byte(b: u8) -> bool {
    WORD_BYTE[b as usize]
}

/// ASCII word bytes, as `(?-u:\b)` sees them.
static WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

impl<V: Copy> PhraseMatcher<V> {
    fn new<'a>(phrases: impl Iterator<Item = (&'a str, V)>) -> PhraseMatcher<V> {
        let mut by_first_word: HashMap<Vec<u8>, Vec<(Vec<u8>, V)>> = HashMap::default();
        for (phrase, value) in phrases {
            let bytes = phrase.as_bytes();
            let first_end = bytes
                .iter()
                .position(|b| !is_word_byte(*b))
                .unwrap_or(bytes.len());
            by_first_word
                .entry(bytes[..first_end].to_vec())
                .or_default()
                .push((bytes.to_vec(), value));
        }
        let mut shapes = Box::new([[0u32; 32]; 32]);
        for (word, group) in by_first_word.iter_mut() {
            group.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
            if let (Some(&first), Some(&last)) = (word.first(), word.last()) {
                shapes[(first & 0x1F) as usize][(last & 0x1F) as usize] |= 1 << word.len().min(31);
            }
        }
        PhraseMatcher {
            by_first_word,
            shapes,
        }
    }

    /// Every phrase in folded `text`, leftmost first, not overlapping.
    pub fn find_all(&self, text: &str) -> Vec<PhraseMatch<V>> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        // Word starts come from a bit mask per 64-byte block: testing byte by byte where each word begins
        // mispredicted a branch at nearly every word and cost as much as folding the text.
        let mut resume = 0;
        let mut prev_is_word = false;
        for (block_index, block) in bytes.chunks(64).enumerate() {
            let base = block_index * 64;
            let mask = word_mask(block);
            let mut starts = mask & !((mask << 1) | u64::from(prev_is_word));
            // A word's last byte is a word byte followed by a non-word byte (or the block's end, checked below).
            let ends = mask & !(mask >> 1);
            prev_is_word = mask >> (block.len() - 1) & 1 == 1;
            while starts != 0 {
                let k = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let word_start = base + k;
                let last = (ends >> k).trailing_zeros() as usize + k;
                let word_end = if last + 1 < block.len() || base + block.len() == bytes.len() {
                    base + last + 1
                } else {
                    // The word may run on into the next block.
                    bytes[word_start..]
                        .iter()
                        .position(|&b| !WORD_BYTE[b as usize])
                        .map_or(bytes.len(), |p| word_start + p)
                };
                if word_start < resume || !self.shape_fits(bytes, word_start, word_end) {
                    continue;
                }
                if let Some(found) = self.phrase_starting(bytes, word_start, word_end) {
                    resume = found.end;
                    out.push(found);
                }
            }
        }
        out
    }

    fn shape_fits(&self, bytes: &[u8], word_start: usize, word_end: usize) -> bool {
        // Five bits of each byte keep the table in 4 KB; letters sharing them with digits only let a word
        // through to the exact lookup.
        let shape =
            self.shapes[(bytes[word_start] & 0x1F) as usize][(bytes[word_end - 1] & 0x1F) as usize];
        shape & (1 << (word_end - word_start).min(31)) != 0
    }

    fn phrase_starting(
        &self,
        bytes: &[u8],
        word_start: usize,
        word_end: usize,
    ) -> Option<PhraseMatch<V>> {
        let group = self.by_first_word.get(&bytes[word_start..word_end])?;
        let (phrase, value) = group
            .iter()
            .find(|(phrase, _)| phrase_at(bytes, word_start, phrase))?;
        Some(PhraseMatch {
            start: word_start,
            end: word_start + phrase.len(),
            value: *value,
        })
    }
}

/// Bit `k` set where `block[k]` is a word byte, for a block of up to 64 bytes. Classified by comparisons rather
/// than the table, in a fixed-length loop over a padded copy, so that the compiler turns it into vector
/// compares and a bit gather.
fn word_mask(block: &[u8]) -> u64 {
    let mut padded = [0u8; 64];
    padded[..block.len()].copy_from_slice(block);
    let mut bits = [0u8; 64];
    for (bit, &b) in bits.iter_mut().zip(&padded) {
        let letter = (b | 0x20).wrapping_sub(b'a') < 26;
        let digit = b.wrapping_sub(b'0') < 10;
        *bit = u8::from(letter | digit | (b == b'_'));
    }
    let mut mask = 0u64;
    for (k, &bit) in bits.iter().enumerate() {
        mask |= u64::from(bit) << k;
    }
    mask
}

fn phrase_at(text: &[u8], at: usize, phrase: &[u8]) -> bool {
    let Some(window) = text.get(at..at + phrase.len()) else {
        return false;
    };
    let same = window
        .iter()
        .zip(phrase)
        .all(|(t, p)| t == p || *p == b' ' && *t == b'\n');
    let ends_word = !phrase.last().is_some_and(|b| is_word_byte(*b))
        || !text
            .get(at + phrase.len())
            .is_some_and(|b| is_word_byte(*b));
    same && ends_word
}

/// The rows of a compiled-in table with their line numbers, each with exactly `columns` cells: a row of
/// another shape is a defect of the table, reported with its line the first time the table is read (the
/// data-table tests read every table).
pub(crate) fn tsv_rows(
    tsv: &'static str,
    columns: usize,
) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    tsv_rows_between(tsv, columns, columns)
}

/// As [`tsv_rows`], for a table whose last columns are optional: each row has `least..=most` cells.
pub(crate) fn tsv_rows_between(
    tsv: &'static str,
    least: usize,
    most: usize,
) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    tsv.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(move |(i, l)| {
            let cells: Vec<&str> = l.split('\t').map(str::trim).collect();
            assert!(
                (least..=most).contains(&cells.len()) && cells.iter().all(|c| !c.is_empty()),
                "table line {}: {} cells where {least} to {most} are required: {l:?}",
                i + 1,
                cells.len()
            );
            (i + 1, cells)
        })
}

/// A vocabulary cell parsed strictly: an unknown name is a defect of the table, reported with its line.
fn vocabulary<T: std::str::FromStr>(table: &str, line: usize, cell: &str) -> T
where
    T::Err: std::fmt::Display,
{
    cell.parse()
        .unwrap_or_else(|e| panic!("data/{table} line {line}: {e}"))
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
/// Only a test's reference regex needs it: the extractor looks phrases up instead of compiling alternations.
#[cfg(test)]
pub(crate) fn alternation<'a>(phrases: impl Iterator<Item = &'a str>) -> String {
    let mut all: Vec<&str> = phrases.collect();
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
    let doc_types: Vec<DocTypeRow> = tsv_rows_between(DOC_TYPES_TSV, 4, 5)
        .map(|(line, c)| DocTypeRow {
            doc_type: vocabulary("doc_types.tsv", line, c[0]),
            codes: list(c[1], ','),
            words: list(c[2], '|'),
            example: c[3],
            sole_issuer: c.get(4).copied().filter(|&i| i != "-"),
        })
        .collect();
    let issuers: Vec<IssuerRow> = tsv_rows(ISSUERS_TSV, 4)
        .map(|(_, c)| IssuerRow {
            code: c[0],
            name: c[1],
            aliases: list(c[2], '|'),
            example: c[3],
        })
        .collect();
    let relations: Vec<RelationRow> = tsv_rows(RELATIONS_TSV, 4)
        .map(|(line, c)| RelationRow {
            relation: vocabulary("relations.tsv", line, c[0]),
            position: vocabulary("relations.tsv", line, c[1]),
            phrases: list(c[2], '|'),
            example: c[3],
        })
        .collect();
    let issuer_types: Vec<IssuerTypeRow> = tsv_rows(ISSUER_TYPES_TSV, 4)
        .map(|(line, c)| IssuerTypeRow {
            code: c[0],
            doc_type: vocabulary("issuer_types.tsv", line, c[1]),
            alone: match c[2] {
                "alone" => true,
                "any" => false,
                other => panic!(
                    "data/issuer_types.tsv line {line}: where {other:?} is neither any nor alone"
                ),
            },
            example: c[3],
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
    let relation_phrases = PhraseMatcher::new(
        relation_by_phrase
            .iter()
            .map(|(phrase, &(relation, position))| (phrase.as_str(), (relation, position))),
    );
    Tables {
        doc_types,
        issuers,
        relations,
        issuer_types,
        type_by_code,
        known_codes,
        codes_by_upper,
        codes_by_key,
        issuer_by_code,
        type_by_word,
        issuer_by_alias,
        relation_phrases,
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
    pub fn type_of_code(&self, code: &str) -> Option<DocType> {
        self.type_by_code.get(code).copied()
    }

    /// The issuer row of a code; codes with a term number (`QH13`) match by their letters.
    pub fn issuer_of_code(&self, code: &str) -> Option<&IssuerRow> {
        let letters = code.trim_end_matches(|c: char| c.is_ascii_digit());
        self.issuer_by_code.get(letters).map(|&i| &self.issuers[i])
    }

    /// The one issuer of the type a code names in year-form symbols (`NĐ` → `CP`), if there is one.
    pub fn sole_issuer_of_code(&self, code: &str) -> Option<&'static str> {
        self.doc_types
            .iter()
            .find(|r| r.codes.contains(&code))
            .and_then(|r| r.sole_issuer)
    }

    /// Every folded type word of the tables.
    pub fn type_words(&self) -> impl Iterator<Item = &str> {
        self.type_by_word.keys().map(String::as_str)
    }

    /// Doc type named by a folded type word (`nghi dinh` → `decree`).
    pub fn type_of_word(&self, folded_word: &str) -> Option<DocType> {
        let key: String = folded_word.split_whitespace().collect::<Vec<_>>().join(" ");
        self.type_by_word.get(&key).copied()
    }

    /// The longest type word that opens folded, single-spaced `words` ("thong tu lien tich so …" gives the
    /// joint circular's four words, "luat dat dai" the law's one): its length in words and its doc type.
    pub fn leading_type_word(&self, words: &str) -> Option<(usize, DocType)> {
        let first: Vec<&str> = words.split(' ').take(4).collect();
        (1..=first.len())
            .rev()
            .find_map(|n| self.type_of_word(&first[..n].join(" ")).map(|t| (n, t)))
    }

    /// Whether a code names a body that exists in every province and district, whose documents and node
    /// are told apart by place: a row whose full name carries no place (see `data/issuers.tsv`).
    pub fn is_local_body(&self, code: &str) -> bool {
        self.issuer_of_code(code)
            .is_some_and(|r| LOCAL_BODY_NAMES.contains(&r.name))
    }

    /// Whether a code names a Party committee of a province, district or urban district ([`PARTY_COMMITTEE_CODES`]).
    pub fn is_party_committee(&self, code: &str) -> bool {
        PARTY_COMMITTEE_CODES.contains(&code)
    }

    /// Issuer row of a folded alias already in single-spaced form.
    pub fn issuer_of_exact_alias(&self, folded_alias: &str) -> Option<&'static IssuerRow> {
        let t: &'static Tables = tables();
        t.issuer_by_alias.get(folded_alias).map(|&i| &t.issuers[i])
    }

    /// Whether a folded string starts with an issuer's alias that ends at a word's end ("uy ban nhan dan
    /// tinh ha giang", "thu tuong chinh phu"). A lookup per word end rather than an alternation regex of the
    /// aliases, whose compilation cost a third of a short input's whole run.
    pub(crate) fn starts_with_issuer_alias(&self, folded: &str) -> bool {
        let bytes = folded.as_bytes();
        (1..=bytes.len()).any(|end| {
            (end == bytes.len() || !bytes[end].is_ascii_alphanumeric())
                && bytes[end - 1].is_ascii_alphanumeric()
                && folded.is_char_boundary(end)
                && self.issuer_by_alias.contains_key(&folded[..end])
        })
    }

    /// Issuer row of a folded alias.
    pub fn issuer_of_alias(&self, folded_alias: &str) -> Option<&IssuerRow> {
        let key: String = folded_alias
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        self.issuer_by_alias.get(&key).map(|&i| &self.issuers[i])
    }
}

mod abbreviations;
mod laws;
pub use abbreviations::*;
pub use laws::*;

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn word_mask_marks_exactly_the_word_bytes(block in proptest::collection::vec(proptest::num::u8::ANY, 1..=64)) {
            let expected = block
                .iter()
                .enumerate()
                .fold(0u64, |mask, (k, &b)| mask | u64::from(WORD_BYTE[b as usize]) << k);
            proptest::prop_assert_eq!(word_mask(&block), expected);
        }
    }
}
