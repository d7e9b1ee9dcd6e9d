//! The folded window a reference is read from, and where its clause starts.

use super::clean::{floor_boundary, Folded};
use super::context;
use regex::Regex;
use std::sync::LazyLock;

/// An item marker as written: "a)", "đ)", "1.", "-", "+"; folded text spells "đ)" as "d)".
pub(crate) static ITEM_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t|]*(?:[a-zđ]\)|[0-9]{1,2}[.)]|[-+•–*])")
        .unwrap_or_else(|e| panic!("item mark: {e}"))
});

/// Folded `clause` without the item marker that opens it, trimmed.
pub(crate) fn without_item_mark(clause: &str) -> &str {
    let clause = clause.trim();
    let mark = ITEM_MARK.find(clause).map_or(0, |m| m.end());
    clause[mark..].trim_start()
}

/// A folded window of the original text and the relation phrases found in it.
#[derive(Clone, Copy)]
pub(crate) struct Window<'a> {
    pub original: &'a str,
    pub folded: &'a Folded,
    pub phrases: &'a [context::Phrase],
    /// Folded bounds of the reference's own window inside the fold: clauses are not followed past them.
    pub floor: usize,
    pub ceiling: usize,
    /// Original span of the input's own title (see [`Own`]).
    pub own_title: Option<(usize, usize)>,
    /// The input's own type, from its header: a formula issuing a document of this type promulgates the input.
    pub own_type: Option<crate::vocab::DocType>,
}

impl Window<'_> {
    /// Whether a phrase names what another document does, as a word of its title or name: it follows a
    /// type word directly ("Luật sửa đổi, bổ sung …", "Luật Thi hành án dân sự", "Nghị định hướng dẫn …").
    /// The input's own title and its promulgation formula ("ban hành Nghị định quy định chi tiết …") name
    /// the input itself, so their verbs are its acts.
    pub(crate) fn names_another_document(&self, cstart: usize, p: &context::Phrase) -> bool {
        // A clause cut at the window's floor may hold the type word just below it ("… Luật | sửa đổi …"
        // in a long list): the fold goes on below the floor, up to the clause's real start.
        let mut from = if cstart <= self.floor {
            p.start.saturating_sub(64)
        } else {
            p.start.saturating_sub(64).max(cstart)
        };
        from = floor_boundary(&self.folded.text, from);
        if cstart <= self.floor {
            let below = &self.folded.text.as_bytes()[from..p.start];
            if let Some(b) = memchr::memrchr3(b';', b'.', b'\n', below) {
                from += b + 1;
            }
        }
        let before = &self.folded.text[from..p.start];
        // "ban hành Thông tư mới sửa đổi …": a new document of that type, still another document.
        let unqualified = before
            .trim_end()
            .strip_suffix(" moi")
            .map_or(before, |b| &before[..b.len() + 1]);
        let Some((type_at, doc_type)) = context::type_word_before(unqualified) else {
            return false;
        };
        let in_own_title = self.own_title.is_some_and(|(s, e)| {
            let at = self.folded.orig_start(p.start);
            s <= at && at < e
        });
        // "Chính phủ ban hành Nghị định sửa đổi …" promulgates the input only where the input is that decree; in
        // a news item or a decision it reports what another issuer did.
        let promulgated = before[..type_at].trim_end().ends_with("ban hanh")
            && doc_type.is_some()
            && doc_type == self.own_type;
        // A title line in capitals that starts with its type word is the input's own title, header or not.
        let line_start = type_at == 0 && from == cstart || before[..type_at].ends_with('\n');
        let capitals = || {
            let s = self.folded.orig_start(from + type_at);
            let e = self.folded.orig_end(p.end);
            !self.original[s..e.max(s)].chars().any(char::is_lowercase)
        };
        !(in_own_title || promulgated || line_start && capitals())
    }
}

/// Where the clause holding folded index `at` starts: after `;`, a table cell's `|`, a sentence end, or a line break that begins
/// a new item (not a line wrapped inside a sentence); `floor` when it starts before it. The scan stops at
/// `floor`: a list of thousands of symbols with no clause boundary would otherwise be scanned back to its
/// start from every mention.
pub(crate) fn clause_start(original: &str, folded: &Folded, at: usize, floor: usize) -> usize {
    let bytes = folded.text.as_bytes();
    if at <= floor {
        return floor.min(at);
    }
    // The candidates are found with two vectorised scans, and only they are checked: a mention in a dense
    // list otherwise walked its whole reach back byte by byte.
    let slice = &bytes[floor..at];
    let mut end = slice.len();
    loop {
        let sentence = memchr::memrchr3(b';', b'.', b'\n', &slice[..end]);
        let other = memchr::memrchr3(b'!', b'?', b'|', &slice[..end]);
        let Some(candidate) = sentence.max(other) else {
            return floor.min(at);
        };
        let i = floor + candidate + 1;
        let boundary = match bytes[i - 1] {
            b if ends_clause_always(b) => true,
            b'.' => {
                i < bytes.len()
                    && matches!(bytes[i], b' ' | b'\n')
                    && !abbreviation_before(bytes, i - 1)
            }
            _ => line_break_ends_clause(original, folded, i - 1),
        };
        if boundary {
            return i;
        }
        end = candidate;
    }
}

/// `;`, `!`, `?` and a table cell's `|` end a clause wherever they stand: a verb in one cell ("| Cơ quan
/// thực hiện: … | 80.000 đồng | - Luật đất đai 2013 …") does not reach the references of the next.
fn ends_clause_always(b: u8) -> bool {
    matches!(b, b';' | b'!' | b'?' | b'|')
}

/// Where the clause that holds folded `from` ends, before `limit`: at `;`, a table cell's `|`, a sentence
/// end, or a line break that begins a new item. The candidates are found as `clause_start` finds them.
pub(crate) fn clause_end(original: &str, folded: &Folded, from: usize, limit: usize) -> usize {
    let bytes = &folded.text.as_bytes()[..limit];
    if from >= bytes.len() {
        return bytes.len();
    }
    let mut i = from;
    loop {
        let rest = &bytes[i..];
        let hard = memchr::memchr3(b';', b'!', b'?', rest);
        let soft = memchr::memchr3(b'.', b'\n', b'|', rest);
        let Some(at) = [hard, soft].into_iter().flatten().min() else {
            return bytes.len();
        };
        let j = i + at;
        match bytes[j] {
            b if ends_clause_always(b) => return j,
            b'.' if j + 1 < bytes.len() && matches!(bytes[j + 1], b' ' | b'\n') => return j,
            b'\n' if line_break_ends_clause(original, folded, j) => return j,
            _ => {}
        }
        i = j + 1;
    }
}

/// "TP. Hồ Chí Minh", "Tp.", "v.v." do not end a sentence.
fn abbreviation_before(bytes: &[u8], dot: usize) -> bool {
    let word_start = bytes[..dot]
        .iter()
        .rposition(|b| !b.is_ascii_alphanumeric())
        .map_or(0, |p| p + 1);
    matches!(
        &bytes[word_start..dot],
        b"tp" | b"v" | b"tx" | b"q" | b"p" | b"ths" | b"ts"
    )
}

pub(crate) fn line_break_ends_clause(original: &str, folded: &Folded, nl: usize) -> bool {
    let bytes = folded.text.as_bytes();
    let prev = bytes[..nl].iter().rev().find(|b| **b != b' ').copied();
    let next_orig = original[folded.orig_start(nl + 1).min(original.len())..]
        .chars()
        .find(|c| !c.is_whitespace());
    let mid_sentence =
        matches!(prev, Some(p) if p.is_ascii_alphanumeric() || p == b',' || p == b'(' || p >= 0x80);
    if !mid_sentence {
        return true;
    }
    // A blank line ends any paragraph (folding keeps one break of a run, so the original is read).
    let gap = &original
        [folded.orig_start(nl).min(original.len())..folded.orig_start(nl + 1).min(original.len())];
    if memchr::memchr_iter(b'\n', gap.as_bytes()).nth(1).is_some() {
        return true;
    }
    if next_orig.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()) {
        return false;
    }
    // A line that stops on a word which needs what follows ("… năm 2019 của / Quốc hội …", "Luật Tổ chức
    // Chính phủ và / Luật …") is wrapped, however short.
    if ends_on_joining_word(&original[..folded.orig_start(nl).min(original.len())]) {
        return false;
    }
    // Prose wrapped at a fixed width (text taken from a PDF) breaks before capitals too ("… phát triển / Thủ
    // đô Hà Nội …"): a long line that stops mid-sentence goes on, unless the next line opens a clause of
    // its own.
    let line_start = bytes[..nl]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let long = nl - line_start >= WRAP_WIDTH;
    let next = &folded.text[(nl + 1).min(bytes.len())..];
    let next = next.trim_start_matches([' ', '|', '\t']);
    !long || CLAUSE_OPENERS.iter().any(|o| next.starts_with(o)) || next.starts_with(['-', '+', '*'])
}

/// Words that join what stands before them to what follows, so that no clause ends on one; compared with
/// the original word, since folding makes some of them other words ("cửa" and "của").
const JOINING_WORDS: [&str; 13] = [
    "của", "và", "các", "những", "về", "với", "theo", "tại", "bởi", "hoặc", "được", "bị", "thuộc",
];

pub(crate) fn ends_on_joining_word(line: &str) -> bool {
    let line = line.trim_end();
    let word = line
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    // Only words a few letters long are compared, so no long last word is lower-cased.
    word.len() <= 8 && {
        let word = word.to_lowercase();
        JOINING_WORDS.contains(&word.as_str())
    }
}

/// The shortest line that is taken as wrapped prose when it stops mid-sentence.
const WRAP_WIDTH: usize = 60;

/// Words that open a clause of their own at a line start, in folded text.
const CLAUSE_OPENERS: [&str; 14] = [
    "can cu",
    "thuc hien",
    "theo ",
    "xet ",
    "dieu ",
    "chuong ",
    "muc ",
    "phan ",
    "phu luc",
    "noi nhan",
    "kinh gui",
    "quyet dinh",
    "nghi quyet:",
    "quyet nghi",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-by-byte walk `clause_start` replaced: the vectorised scan must agree with it everywhere.
    fn walked_back(original: &str, folded: &Folded, at: usize, floor: usize) -> usize {
        let bytes = folded.text.as_bytes();
        let mut i = at;
        while i > floor {
            let c = bytes[i - 1];
            let boundary = match c {
                b';' | b'!' | b'?' | b'|' => true,
                b'.' => {
                    i < bytes.len()
                        && matches!(bytes[i], b' ' | b'\n')
                        && !abbreviation_before(bytes, i - 1)
                }
                b'\n' => line_break_ends_clause(original, folded, i - 1),
                _ => false,
            };
            if boundary {
                return i;
            }
            i -= 1;
        }
        floor.min(at)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn the_scan_finds_the_clause_start_the_walk_finds(
            text in "[a-zA-Z0-9 ;.!?|\n-]{0,120}",
            at_pick in 0usize..200,
            floor_pick in 0usize..200,
        ) {
            let folded = Folded::new(&text, 0, text.len());
            let n = folded.text.len();
            let at = at_pick % (n + 1);
            let floor = floor_pick % (n + 1);
            proptest::prop_assert_eq!(
                clause_start(&text, &folded, at, floor),
                walked_back(&text, &folded, at, floor)
            );
        }
    }

    /// The byte-by-byte walk `clause_end` replaced.
    fn walked_forward(original: &str, folded: &Folded, from: usize, limit: usize) -> usize {
        let bytes = &folded.text.as_bytes()[..limit];
        let mut i = from;
        while i < bytes.len() {
            match bytes[i] {
                b';' | b'!' | b'?' | b'|' => return i,
                b'.' if i + 1 < bytes.len() && matches!(bytes[i + 1], b' ' | b'\n') => return i,
                b'\n' if line_break_ends_clause(original, folded, i) => return i,
                _ => {}
            }
            i += 1;
        }
        bytes.len()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn the_scan_finds_the_clause_end_the_walk_finds(
            text in "[a-zA-Z0-9 ;.!?|\n-]{0,120}",
            from_pick in 0usize..200,
            limit_pick in 0usize..200,
        ) {
            let folded = Folded::new(&text, 0, text.len());
            let n = folded.text.len();
            let limit = limit_pick % (n + 1);
            let from = from_pick % (limit + 1);
            proptest::prop_assert_eq!(
                clause_end(&text, &folded, from, limit),
                walked_forward(&text, &folded, from, limit)
            );
        }
    }
}
