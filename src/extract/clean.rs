//! Normalization: the `clean` stage.
//!
//! Vietnamese text arrives NFC or NFD, with `Ð` (U+00D0) for `Đ`, with dash and slash look-alikes, odd spaces,
//! word-segmentation underscores and sometimes no diacritics at all. Normalizing a whole document to NFC costs
//! about 25 times the citation scan, so nothing here touches a whole text: the extractor scans the raw bytes for
//! symbol candidates and folds only the small windows of context around them. [`Folded`] keeps, for every byte
//! it produces, the span of original bytes it came from, so every match maps back to exact original offsets.

use std::sync::LazyLock;
use unicode_normalization::char::decompose_canonical;
use unicode_normalization::UnicodeNormalization;

/// Dash look-alikes that stand for the hyphen-minus inside a symbol.
pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// Slash look-alikes that stand for `/` inside a symbol.
pub fn is_slash(c: char) -> bool {
    matches!(c, '/' | '\u{2044}' | '\u{2215}' | '\u{FF0F}' | '\u{29F8}')
}

/// Horizontal spaces, including the non-breaking and typographic ones copied from web pages and PDFs.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{A0}' | '\u{2000}'
            ..='\u{200B}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{FEFF}'
    )
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// One folded character: lower case, no diacritics, `đ` as `d`, look-alikes mapped, any whitespace as `' '`.
/// Returns `None` for characters that vanish (combining marks, soft hyphens).
fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(match c {
            '\n' => '\n',
            '_' | '\r' | '\t' => ' ',
            _ => c.to_ascii_lowercase(),
        });
    }
    if is_combining_mark(c) || c == '\u{AD}' {
        return None;
    }
    if is_space(c) || c.is_whitespace() {
        return Some(' ');
    }
    if is_dash(c) {
        return Some('-');
    }
    if is_slash(c) {
        return Some('/');
    }
    match c {
        'đ' | 'Đ' | 'Ð' | 'ð' => return Some('d'),
        _ => {}
    }
    let code = c as u32;
    if (LATIN_FROM..LATIN_TO).contains(&code) {
        return Some(LATIN_BASES[(code - LATIN_FROM) as usize]);
    }
    Some(base_letter(c))
}

fn base_letter(c: char) -> char {
    let mut base = c;
    let mut first = true;
    decompose_canonical(c, |d| {
        if first {
            base = d;
            first = false;
        }
    });
    base.to_lowercase().next().unwrap_or(base)
}

/// Latin-1 through Latin Extended Additional (every Vietnamese letter), whose folds are looked up rather than
/// decomposed: decomposition per character cost more than the whole citation scan.
const LATIN_FROM: u32 = 0xC0;
const LATIN_TO: u32 = 0x1F00;
static LATIN_BASES: LazyLock<Vec<char>> = LazyLock::new(|| {
    (LATIN_FROM..LATIN_TO)
        .map(|u| char::from_u32(u).map_or(' ', base_letter))
        .collect()
});

/// A folded copy of a window of the original text with an exact map back to original byte offsets.
///
/// Folding makes NFC, NFD, diacritic-free, upper-case and look-alike spellings of the same words identical, so
/// a phrase table needs one entry per phrase. Runs of whitespace (line breaks included) fold to one space.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each folded byte, the original offset where its source starts; one more entry for the window end.
    /// The end of a folded byte's source is the start of the next one's, so vanished marks and collapsed
    /// whitespace stay with the character before them.
    starts: Vec<u32>,
}

/// What a byte sequence folds to in the fast path: an ASCII byte, nothing, or "ask `fold_char`".
const VANISH: u8 = 0;
const SLOW: u8 = 0xFF;

/// Folds of every code point below U+0800 (ASCII, and two-byte UTF-8) and of U+1E00..U+1EFF (Latin Extended
/// Additional, three bytes `E1 B8..BB xx`): between them, every Vietnamese letter in NFC or NFD. NUL maps to
/// `SLOW`, not to `VANISH`. Looking a
/// sequence up instead of decoding and folding a `char` is what makes folding cheap enough to run around
/// every candidate.
struct FoldTables {
    below_800: [u8; 0x800],
    latin_additional: [u8; 0x100],
}

static FOLD_TABLES: LazyLock<FoldTables> = LazyLock::new(|| {
    // Fixed-length arrays: every index the loop computes is in range by construction, so it needs no check.
    fn table<const N: usize>(first: u32) -> [u8; N] {
        let mut out = [SLOW; N];
        for (k, slot) in out.iter_mut().enumerate() {
            *slot = match char::from_u32(first + k as u32).map(fold_char) {
                Some(None) => VANISH,
                Some(Some(f)) if f.is_ascii() && f != '\0' => f as u8,
                _ => SLOW,
            };
        }
        out
    }
    FoldTables {
        below_800: table(0),
        latin_additional: table(0x1E00),
    }
});

impl Folded {
    /// Folds `original[from..to]`.
    pub fn new(original: &str, from: usize, to: usize) -> Folded {
        let mut folded = Folded::default();
        folded.refold(original, from, to);
        folded
    }

    /// Folds `original[from..to]` into this value, reusing its buffers: the extractor folds thousands of
    /// windows per document, and allocating two buffers for each cost as much as the folding.
    pub fn refold(&mut self, original: &str, from: usize, to: usize) {
        // The buffers are kept between windows and written by index. A fold is hardly ever longer than its
        // source (a few letters' lower case is); no character folds to more than twice its bytes, so a second
        // try always fits.
        let n = to - from;
        let mut text = std::mem::take(&mut self.text).into_bytes();
        for capacity in [n + 16, 2 * n + 4] {
            if text.len() < capacity {
                text.resize(capacity, 0);
            }
            if self.starts.len() <= capacity {
                self.starts.resize(capacity + 1, 0);
            }
            if let Some(len) = fold_into::<true>(original, from, to, &mut text, &mut self.starts) {
                text.truncate(len);
                self.starts.truncate(len);
                break;
            }
        }
        self.starts.push(to as u32);
        // Only whole chars were written, so the bytes are UTF-8; the fallback guards the invariant.
        self.text = String::from_utf8(text).unwrap_or_default();
    }

    /// The first folded index whose source starts at or after original offset `orig`.
    pub fn index_at(&self, orig: usize) -> usize {
        self.starts[..self.starts.len() - 1].partition_point(|&s| (s as usize) < orig)
    }

    /// Original byte offset where the folded byte `i` starts (`i == len` gives the window end).
    pub fn orig_start(&self, i: usize) -> usize {
        self.starts[i.min(self.starts.len() - 1)] as usize
    }

    /// Original byte offset just past the source of the folded bytes ending at `i` (exclusive end), with
    /// trailing whitespace of the source left out.
    pub fn orig_end(&self, i: usize) -> usize {
        self.orig_start(i)
    }
}

/// Folds `original[from..to]` into `text` and, when `MAP`, `starts`; returns the folded length, or `None`
/// when the buffers are too short. Plain slices rather than the `Folded` buffers, so that the loop keeps their
/// addresses in registers.
fn fold_into<const MAP: bool>(
    original: &str,
    from: usize,
    to: usize,
    text: &mut [u8],
    starts: &mut [u32],
) -> Option<usize> {
    let tables = &*FOLD_TABLES;
    let bytes = &original.as_bytes()[from..to];
    let n = bytes.len();
    let base = from as u32;
    let mut i = 0;
    let mut o = 0;
    // Whether the last folded byte is a space or a line break, kept in a register rather than read back.
    let mut blank = false;
    while i < n {
        let b = bytes[i];
        let at = i;
        let start = base + i as u32;
        let (folded, len) = if b < 0x80 {
            (tables.below_800[b as usize], 1)
        } else if b & 0xE0 == 0xC0 && i + 1 < n {
            let cp = ((b as usize & 0x1F) << 6) | (bytes[i + 1] as usize & 0x3F);
            (tables.below_800[cp], 2)
        } else if b == 0xE1 && i + 2 < n && (0xB8..=0xBB).contains(&bytes[i + 1]) {
            let cp = ((bytes[i + 1] as usize & 0x03) << 6) | (bytes[i + 2] as usize & 0x3F);
            (tables.latin_additional[cp], 3)
        } else {
            (SLOW, 0)
        };
        i += len;
        if folded > b' ' && folded != SLOW {
            *text.get_mut(o)? = folded;
            if MAP {
                *starts.get_mut(o)? = start;
            }
            o += 1;
            blank = false;
            continue;
        }
        if folded == b' ' || folded == b'\n' {
            // A run of whitespace folds to one character: a line break if the run has one, else a space.
            if blank {
                if folded == b'\n' {
                    *text.get_mut(o.wrapping_sub(1))? = b'\n';
                }
            } else {
                *text.get_mut(o)? = folded;
                if MAP {
                    *starts.get_mut(o)? = start;
                }
                o += 1;
                blank = true;
            }
            continue;
        }
        if folded == VANISH {
            continue; // a vanished mark belongs to the character before it
        }
        (o, i) = fold_slow::<MAP>(original, from + at, text, starts, o)?;
        i -= from;
        blank = o > 0 && matches!(text[o - 1], b' ' | b'\n');
    }
    Some(o)
}

/// Folds the character at `at`, which the tables do not cover; returns the new folded length and the
/// original offset after the character, or `None` when the buffers are too short.
#[cold]
#[inline(never)]
fn fold_slow<const MAP: bool>(
    original: &str,
    at: usize,
    text: &mut [u8],
    starts: &mut [u32],
    o: usize,
) -> Option<(usize, usize)> {
    // The byte at `at` is in a `str` where no character ended, so a char starts here.
    let c = original[at..].chars().next().unwrap_or(' ');
    let next = at + c.len_utf8();
    let Some(folded) = fold_char(c) else {
        return Some((o, next));
    };
    if (folded == ' ' || folded == '\n') && o > 0 && matches!(text[o - 1], b' ' | b'\n') {
        if folded == '\n' {
            text[o - 1] = b'\n';
        }
        return Some((o, next));
    }
    let mut buf = [0u8; 4];
    let encoded = folded.encode_utf8(&mut buf).as_bytes();
    let end = o + encoded.len();
    text.get_mut(o..end)?.copy_from_slice(encoded);
    if MAP {
        starts.get_mut(o..end)?.fill(at as u32);
    }
    Some((end, next))
}

/// Folds a short string (a table entry, a query, a name) to the same form as [`Folded`] text, on one line.
pub fn fold(s: &str) -> String {
    // The table-driven loop of `Folded` without its offset map: the lineage rules fold thousands of names
    // and sentences per document, and folding them a `char` at a time cost a tenth of extraction.
    let mut text = vec![0u8; s.len() + 16];
    let len = match fold_into::<false>(s, 0, s.len(), &mut text, &mut []) {
        Some(len) => len,
        None => {
            text.resize(2 * s.len() + 4, 0);
            fold_into::<false>(s, 0, s.len(), &mut text, &mut []).unwrap_or(0)
        }
    };
    text.truncate(len);
    for b in &mut text {
        if *b == b'\n' {
            *b = b' ';
        }
    }
    // Whitespace runs are one byte already; only the ends remain.
    if text.last() == Some(&b' ') {
        text.pop();
    }
    if text.first() == Some(&b' ') {
        text.remove(0);
    }
    // Only whole chars were written, so the bytes are UTF-8.
    String::from_utf8(text).unwrap_or_default()
}

/// Text as written, made presentable: NFC, `Đ` for `Ð`, look-alike spaces and line breaks as single spaces.
pub fn tidy(s: &str) -> String {
    // Composing is costly and almost every input is NFC already; the quick check decides without composing.
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        tidy_chars(s.chars(), s.len())
    } else {
        tidy_chars(s.nfc(), s.len())
    }
}

fn tidy_chars(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    for c in chars {
        let c = match c {
            'Ð' => 'Đ',
            'ð' => 'đ',
            '_' => ' ',
            c if c.is_whitespace() || is_space(c) => ' ',
            c => c,
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Upper-case key of a code with `Đ` folded to `D`, for restoring diacritics in codes written without them.
pub fn code_key(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'đ' | 'Đ' | 'Ð' | 'ð' => 'D',
            c => c.to_ascii_uppercase(),
        })
        .collect()
}

/// Compiles a pattern over folded text. Folded whitespace is only `' '` and `'\n'` and folded digits are ASCII,
/// so the Unicode classes `\s` and `\d` are narrowed: compiling them cost most of the start-up time.
pub(crate) fn folded_regex(pattern: &str) -> regex::Regex {
    let narrowed = pattern.replace(r"\s", "[ \n]").replace(r"\d", "[0-9]");
    regex::Regex::new(&narrowed)
        .unwrap_or_else(|e| panic!("invalid built-in pattern {pattern}: {e}"))
}

/// The char boundary at or before `i`.
pub(crate) fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char boundary at or after `i`.
pub(crate) fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Whether the comma at byte `comma` of the original stands between two words written in capitals
/// ("LUẬT KHÁM BỆNH, CHỮA BỆNH"): in a capitalised title a capital after a comma starts no new name.
pub(crate) fn comma_in_capitals(original: &str, comma: usize) -> bool {
    let capitals = |word: &str| {
        word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    };
    let (Some(before), Some(after)) = (original.get(..comma), original.get(comma + 1..)) else {
        return false;
    };
    let before = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let after = after
        .trim_start()
        .split(char::is_whitespace)
        .next()
        .unwrap_or("");
    capitals(before) && capitals(after.trim_end_matches(|c: char| !c.is_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `fold` as its definition reads: one `char` at a time.
    fn fold_by_chars(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            if let Some(f) = fold_char(c) {
                let f = if f == '\n' { ' ' } else { f };
                if f == ' ' && (out.is_empty() || out.ends_with(' ')) {
                    continue;
                }
                out.push(f);
            }
        }
        while out.ends_with(' ') {
            out.pop();
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn table_fold_is_the_char_fold(s in "[ -~\n\t\u{a0}\u{ad}\u{300}-\u{36f}\u{c0}-\u{24f}\u{1e00}-\u{1eff}\u{2000}-\u{2030}\u{2c00}-\u{2c7f}\u{3000}\u{feff}]{0,40}") {
            proptest::prop_assert_eq!(fold(&s), fold_by_chars(&s));
        }
    }

    #[test]
    fn folds_nfd_and_eth_to_the_same_text() {
        let nfc = "Nghị định số";
        let nfd: String = nfc.nfd().collect();
        assert_eq!(fold(nfc), "nghi dinh so");
        assert_eq!(fold(&nfd), "nghi dinh so");
        assert_eq!(fold("NGHỊ ÐỊNH\u{a0}SỐ"), "nghi dinh so");
        assert_eq!(fold("Quyết_định"), "quyet dinh");
    }

    #[test]
    fn maps_folded_offsets_back_to_original_bytes() {
        let text = "Căn cứ\u{a0}\u{a0}Nghị định";
        let f = Folded::new(text, 0, text.len());
        assert_eq!(f.text, "can cu nghi dinh");
        let at = f.text.find("nghi").unwrap();
        let start = f.orig_start(at);
        let end = f.orig_end(f.text.len());
        assert_eq!(&text[start..end], "Nghị định");
    }

    #[test]
    fn folds_that_grow_get_room_and_keep_their_offsets() {
        // Ⱥ (two bytes) folds to ⱥ (three): forty of them outgrow the first try's buffers.
        let text = format!("{}Nghị định", "Ⱥ".repeat(40));
        let f = Folded::new(&text, 0, text.len());
        assert_eq!(f.text, format!("{}nghi dinh", "ⱥ".repeat(40)));
        let at = f.text.find("nghi").unwrap();
        assert_eq!(&text[f.orig_start(at)..], "Nghị định");
        assert_eq!(f.orig_start(3), 2);
    }
}
