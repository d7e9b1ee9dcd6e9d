//! The abbreviations of `data/name_abbreviations.tsv`: words that texts shorten inside names of laws.

use super::tsv_rows;
use crate::extract::clean::fold;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

const NAME_ABBREVIATIONS_TSV: &str = include_str!("../../data/name_abbreviations.tsv");

/// One row of `data/name_abbreviations.tsv`.
#[derive(Debug, Clone)]
pub struct NameAbbreviation {
    /// As texts write it, `HĐND`.
    pub abbreviation: &'static str,
    /// The words it stands for, `Hội đồng nhân dân`.
    pub words: &'static str,
    /// A name as texts write it with the abbreviation, `Luật Tổ chức HĐND và UBND`.
    pub example: &'static str,
    /// Table line, for messages.
    pub line: usize,
}

static ROWS: LazyLock<Vec<NameAbbreviation>> = LazyLock::new(|| {
    tsv_rows(NAME_ABBREVIATIONS_TSV, 3)
        .map(|(line, c)| NameAbbreviation {
            abbreviation: c[0],
            words: c[1],
            example: c[2],
            line,
        })
        .collect()
});

/// Folded abbreviation to its folded words joined by `-`, as a name key writes them.
static EXPANSIONS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    ROWS.iter()
        .map(|r| (fold(r.abbreviation), fold(r.words).replace(' ', "-")))
        .collect()
});

/// The rows of `data/name_abbreviations.tsv`, in table order.
pub fn name_abbreviations() -> &'static [NameAbbreviation] {
    &ROWS
}

/// The folded words (joined by `-`) a folded word of a name stands for, when it is an abbreviation of the
/// table.
pub(crate) fn expand_name_word(folded_word: &str) -> Option<&'static str> {
    EXPANSIONS.get(folded_word).map(String::as_str)
}

/// How many words of a name are abbreviations of the table.
pub(crate) fn abbreviated_words(name: &str) -> usize {
    name.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && expand_name_word(&fold(w)).is_some())
        .count()
}
