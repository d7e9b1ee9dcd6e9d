//! Text encodings other than plain UTF-8: UTF-16 and UTF-8 with a byte-order mark, and the legacy
//! Vietnamese encodings that documents from before about 2005 are written in (TCVN3/ABC, VNI, VIQR,
//! VISCII, windows-1258). Each is decoded to UTF-8 by one walk that reports, for every character, where it
//! starts in the original bytes, so the same walk serves decoding and mapping spans back.
//!
//! The letter tables are bamboo-core's; this module only turns them around (bytes to letter) and picks
//! the encoding an input is written in.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// How an input's bytes encode its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// TCVN 5712:1993 (ABC), one byte per letter, the fonts `.VnTime` and `.VnTimeH`.
    Tcvn3,
    /// VNI Windows: a base letter followed by a byte for its marks, the fonts `VNI-Times` and kin.
    Vni,
    /// VIQR, RFC 1456: ASCII with the marks written after the letter (`Vie^.t`).
    Viqr,
    /// Microsoft's windows-1258 code page: base letters with combining tone marks.
    Windows1258,
    /// VISCII, RFC 1456's eight-bit encoding.
    Viscii,
}

impl Encoding {
    /// Every encoding, in the order `--encoding` lists them.
    pub const ALL: [Encoding; 8] = [
        Encoding::Utf8,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viqr,
        Encoding::Windows1258,
        Encoding::Viscii,
    ];

    /// The eight-bit encodings that detection chooses among when the bytes are not UTF-8.
    const EIGHT_BIT: [Encoding; 4] = [
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Windows1258,
        Encoding::Viscii,
    ];

    /// The name `--encoding` takes and messages print.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Viqr => "viqr",
            Encoding::Windows1258 => "windows-1258",
            Encoding::Viscii => "viscii",
        }
    }

    /// The encoding a name means, in any case, with the usual aliases (`abc`, `cp1258`, `utf8`).
    pub fn from_name(name: &str) -> Option<Encoding> {
        let n = name.trim().to_ascii_lowercase().replace('_', "-");
        Some(match n.as_str() {
            "utf-8" | "utf8" => Encoding::Utf8,
            "utf-16le" | "utf16le" | "utf-16" | "utf16" => Encoding::Utf16Le,
            "utf-16be" | "utf16be" => Encoding::Utf16Be,
            "tcvn3" | "tcvn" | "abc" | "tcvn5712" => Encoding::Tcvn3,
            "vni" | "vni-windows" | "vni-win" => Encoding::Vni,
            "viqr" => Encoding::Viqr,
            "windows-1258" | "cp1258" | "win1258" => Encoding::Windows1258,
            "viscii" => Encoding::Viscii,
            _ => return None,
        })
    }

    /// bamboo-core's name for the table of an encoding that has one.
    fn table_name(self) -> Option<&'static str> {
        Some(match self {
            Encoding::Tcvn3 => "TCVN3 (ABC)",
            Encoding::Vni => "VNI Windows",
            Encoding::Viqr => "VIQR",
            Encoding::Windows1258 => "Windows 1258 codepage",
            Encoding::Viscii => "VISCII",
            _ => return None,
        })
    }
}

impl std::fmt::Display for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The byte-order marks, longest first.
pub(crate) fn bom(bytes: &[u8]) -> Option<(Encoding, usize)> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Some((Encoding::Utf8, 3))
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        Some((Encoding::Utf16Le, 2))
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some((Encoding::Utf16Be, 2))
    } else {
        None
    }
}

/// Bytes to letters for one legacy encoding: the letters the table spells with one to three bytes, and
/// what every other byte means on its own.
struct Decoder {
    /// Sequences of two or three bytes, packed by [`pack`].
    sequences: FxHashMap<u32, char>,
    /// What a byte means when no sequence starting with it matches.
    single: [char; 256],
    /// Bytes that start a sequence of two or more.
    starts_sequence: [bool; 256],
    longest: usize,
    /// VIQR escapes a mark that should stay punctuation with a backslash: `mu+a\.` is "mưa.".
    backslash_escapes: bool,
}

fn pack(seq: &[u8]) -> u32 {
    seq.iter()
        .fold(seq.len() as u32, |key, &b| (key << 8) | u32::from(b))
}

/// The single-byte code page a table's strings are written in (bamboo-core spells every encoded byte as
/// the windows-1252 character for it), turned around: character to byte.
static WINDOWS_1252_BYTES: LazyLock<FxHashMap<char, u8>> = LazyLock::new(|| {
    (0u8..=255)
        .map(|b| (code_page_char(encoding_rs::WINDOWS_1252, b), b))
        .collect()
});

fn code_page_char(page: &'static encoding_rs::Encoding, b: u8) -> char {
    let byte = [b];
    let (text, _) = page.decode_without_bom_handling(&byte);
    text.chars().next().unwrap_or(char::REPLACEMENT_CHARACTER)
}

impl Decoder {
    fn new(encoding: Encoding) -> Decoder {
        let mut single: [char; 256] = std::array::from_fn(|b| b as u8 as char);
        // TCVN3's bytes are the fonts' glyph positions: mapped one to one (Latin-1), never through
        // windows-1252, or the byte for `ư` (0xAD, a soft hyphen there) is lost.
        let page = match encoding {
            Encoding::Windows1258 => Some(encoding_rs::WINDOWS_1258),
            Encoding::Vni | Encoding::Viscii => Some(encoding_rs::WINDOWS_1252),
            _ => None,
        };
        if let Some(page) = page {
            for b in 0x80u8..=0xFF {
                single[usize::from(b)] = code_page_char(page, b);
            }
        }
        let mut decoder = Decoder {
            sequences: FxHashMap::default(),
            single,
            starts_sequence: [false; 256],
            longest: 1,
            backslash_escapes: encoding == Encoding::Viqr,
        };
        let Some(table) = encoding
            .table_name()
            .and_then(bamboo_core::advanced::get_charset_definition)
        else {
            return decoder;
        };
        // Where an encoding writes a capital and its small letter alike (TCVN3 draws capitals with another
        // font), the bytes read as the small letter: small letters are entered last.
        let mut entries: Vec<(char, &str)> = table.entries().map(|(&c, &s)| (c, s)).collect();
        entries.sort_by_key(|&(c, _)| (!c.is_uppercase(), c));
        for (letter, spelled) in entries {
            let Some(bytes) = spelled
                .chars()
                .map(|c| match u8::try_from(u32::from(c)) {
                    Ok(b) => Some(b),
                    Err(_) => WINDOWS_1252_BYTES.get(&c).copied(),
                })
                .collect::<Option<Vec<u8>>>()
            else {
                continue;
            };
            match bytes.as_slice() {
                [] => {}
                [b] => decoder.single[usize::from(*b)] = letter,
                longer if longer.len() <= 3 => {
                    decoder.starts_sequence[usize::from(longer[0])] = true;
                    decoder.longest = decoder.longest.max(longer.len());
                    decoder.sequences.insert(pack(longer), letter);
                }
                _ => {}
            }
        }
        if encoding == Encoding::Tcvn3 {
            decoder.add_capitals_by_pairs();
        }
        decoder
    }

    /// TCVN3 has no toned capitals; converters write one as its capital without the tone followed by the
    /// toned small letter ("Uñ" for "Ủ", "¢Ê" for "Ấ"). A capital vowel followed by its own small letter
    /// toned spells no Vietnamese word otherwise, so the pair reads as the capital.
    fn add_capitals_by_pairs(&mut self) {
        use unicode_normalization::UnicodeNormalization;
        let byte_of = |d: &Decoder, c: char| -> Option<u8> {
            if c.is_ascii() {
                return u8::try_from(c).ok();
            }
            (0u8..=255).find(|&b| d.single[usize::from(b)] == c && b >= 0x80)
        };
        let mut pairs = Vec::new();
        for b in 0x80u8..=0xFF {
            let small = self.single[usize::from(b)];
            if !small.is_lowercase() {
                continue;
            }
            let untoned: String = small
                .to_string()
                .nfd()
                .filter(|c| !matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}'))
                .nfc()
                .collect();
            let Some(base) = untoned.chars().next() else {
                continue;
            };
            if untoned.chars().count() != 1 || untoned == small.to_string() {
                continue;
            }
            let (Some(capital_base), Some(capital)) =
                (base.to_uppercase().next(), small.to_uppercase().next())
            else {
                continue;
            };
            if let Some(first) = byte_of(self, capital_base) {
                pairs.push(([first, b], capital));
            }
        }
        for (seq, capital) in pairs {
            self.starts_sequence[usize::from(seq[0])] = true;
            self.longest = self.longest.max(2);
            self.sequences.insert(pack(&seq), capital);
        }
    }

    /// Calls `emit(offset, letter)` for every character of `bytes`, `offset` being where it starts.
    fn walk(&self, bytes: &[u8], base: usize, mut emit: impl FnMut(usize, char)) {
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if self.backslash_escapes && b == b'\\' {
                if let Some(&next) = bytes.get(i + 1).filter(|n| n.is_ascii_punctuation()) {
                    emit(base + i, char::from(next));
                    i += 2;
                    continue;
                }
            }
            if self.starts_sequence[usize::from(b)] {
                let longest = self.longest.min(bytes.len() - i);
                let found = (2..=longest).rev().find_map(|len| {
                    self.sequences
                        .get(&pack(&bytes[i..i + len]))
                        .map(|&c| (c, len))
                });
                if let Some((letter, len)) = found {
                    emit(base + i, letter);
                    i += len;
                    continue;
                }
            }
            emit(base + i, self.single[usize::from(b)]);
            i += 1;
        }
    }
}

static DECODERS: LazyLock<FxHashMap<Encoding, Decoder>> = LazyLock::new(|| {
    [
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viqr,
        Encoding::Windows1258,
        Encoding::Viscii,
    ]
    .into_iter()
    .map(|e| (e, Decoder::new(e)))
    .collect()
});

/// Calls `emit(offset, char)` for every character the bytes of `encoding` hold, from `skip` on (past a
/// byte-order mark), `offset` being where the character starts in `bytes`. UTF-8 must be valid; an
/// unpaired UTF-16 surrogate reads as U+FFFD.
pub(crate) fn walk(
    bytes: &[u8],
    encoding: Encoding,
    skip: usize,
    mut emit: impl FnMut(usize, char),
) {
    let body = bytes.get(skip..).unwrap_or_default();
    match encoding {
        Encoding::Utf8 => {
            for (i, c) in String::from_utf8_lossy(body).char_indices() {
                emit(skip + i, c);
            }
        }
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let unit = |pair: &[u8]| match encoding {
                Encoding::Utf16Le => u16::from_le_bytes([pair[0], pair[1]]),
                _ => u16::from_be_bytes([pair[0], pair[1]]),
            };
            let units = body.chunks_exact(2).map(unit);
            let mut at = skip;
            for c in char::decode_utf16(units) {
                let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
                emit(at, c);
                at += if c == char::REPLACEMENT_CHARACTER {
                    2
                } else {
                    2 * c.len_utf16()
                };
            }
        }
        legacy => {
            if let Some(decoder) = DECODERS.get(&legacy) {
                decoder.walk(body, skip, emit);
            }
        }
    }
}

/// The text `bytes` hold in `encoding`, from `skip` on.
pub(crate) fn decode(bytes: &[u8], encoding: Encoding, skip: usize) -> String {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    walk(bytes, encoding, skip, |_, c| text.push(c));
    text
}

/// Maps offsets of the decoded text (sorted ascending) to offsets of `bytes`, in one walk.
pub(crate) fn original_offsets(
    bytes: &[u8],
    encoding: Encoding,
    skip: usize,
    sorted: &[usize],
) -> Vec<usize> {
    offsets_from(bytes, encoding, (0, skip), sorted)
}

/// [`original_offsets`] walking only from the checkpoint `(text offset, byte offset)` on, over `bytes`
/// (which may end early, at another checkpoint).
fn offsets_from(
    bytes: &[u8],
    encoding: Encoding,
    (text_from, byte_from): (usize, usize),
    sorted: &[usize],
) -> Vec<usize> {
    let mut out = Vec::with_capacity(sorted.len());
    let mut next = sorted.iter().peekable();
    let mut text_at = text_from;
    walk(bytes, encoding, byte_from, |at, c| {
        while next.next_if(|&&t| t <= text_at).is_some() {
            out.push(at);
        }
        text_at += c.len_utf8();
    });
    out.resize(sorted.len(), bytes.len());
    out
}

/// Where the decoded text's characters start in `bytes`, about every `every` bytes of text: pairs of (text
/// offset, byte offset), the first `(0, skip)`. A walk from any of them reads the characters the whole
/// walk reads, so the offsets of one part of a long input are found without walking from its start.
pub(crate) fn checkpoints(
    bytes: &[u8],
    encoding: Encoding,
    skip: usize,
    every: usize,
) -> Vec<(usize, usize)> {
    let mut out = vec![(0, skip)];
    let mut text_at = 0usize;
    let mut next = every.max(1);
    walk(bytes, encoding, skip, |at, c| {
        if text_at >= next {
            out.push((text_at, at));
            next = text_at + every.max(1);
        }
        text_at += c.len_utf8();
    });
    out
}

/// [`original_offsets`] of a few nearby offsets, walking only between the checkpoints around them.
pub(crate) fn original_offsets_near(
    bytes: &[u8],
    encoding: Encoding,
    checkpoints: &[(usize, usize)],
    sorted: &[usize],
) -> Vec<usize> {
    let (Some(&first), Some(&last)) = (sorted.first(), sorted.last()) else {
        return Vec::new();
    };
    let from = checkpoints
        .partition_point(|&(t, _)| t <= first)
        .saturating_sub(1);
    let to = checkpoints.partition_point(|&(t, _)| t <= last);
    let start = checkpoints.get(from).copied().unwrap_or((0, 0));
    let end = checkpoints.get(to).map_or(bytes.len(), |&(_, b)| b);
    offsets_from(&bytes[..end], encoding, start, sorted)
}

/// Words that only Vietnamese written in its right encoding gives often; decoding the bytes of one
/// legacy encoding as another turns them into other letters.
const COMMON_WORDS: &[&str] = &[
    "của", "và", "các", "được", "định", "này", "những", "một", "có", "không", "về", "với", "đã",
    "năm", "tháng", "ngày", "số", "điều", "nghị", "luật", "văn", "bản", "thực", "hiện", "quyết",
    "chính", "phủ", "tỉnh", "nhà", "nước", "việc", "người", "để", "từ", "quản", "lý", "phải",
    "hành", "căn", "cứ", "đến", "trên", "sở", "kể", "ủy", "quốc", "hội", "thông", "tư", "công",
    "tại", "đồng",
];

/// How many of a sample's words are common Vietnamese words once decoded as `encoding`.
fn score(sample: &[u8], encoding: Encoding) -> usize {
    let text = decode(sample, encoding, 0).to_lowercase();
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| COMMON_WORDS.contains(w))
        .count()
}

/// How many bytes detection reads: enough for hundreds of words, little next to the decoding itself.
const SAMPLE: usize = 64 << 10;

/// The encoding of bytes that are not UTF-8: the eight-bit encoding under which most common Vietnamese
/// words appear. `None` when no encoding gives Vietnamese or two give it equally.
pub(crate) fn detect_eight_bit(bytes: &[u8]) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let mut scores: Vec<(usize, Encoding)> = Encoding::EIGHT_BIT
        .iter()
        .map(|&e| (score(sample, e), e))
        .collect();
    scores.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let (best, encoding) = scores[0];
    let second = scores[1].0;
    (best >= 2 && best > second).then_some(encoding)
}

/// Whether ASCII text is VIQR: many of its words carry VIQR marks (`Nghi.`, `ddi.nh`, `so^'`), far more
/// than English or Vietnamese written without diacritics ever do by chance.
pub(crate) fn looks_like_viqr(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    if !sample.is_ascii() {
        return false;
    }
    let Ok(text) = std::str::from_utf8(sample) else {
        return false;
    };
    let mut words = 0usize;
    let mut marked = 0usize;
    for word in text.split_ascii_whitespace() {
        if !word.bytes().any(|b| b.is_ascii_alphabetic()) {
            continue;
        }
        words += 1;
        if viqr_marked(word) {
            marked += 1;
        }
    }
    marked >= 5 && marked * 5 >= words
}

/// A word with a VIQR mark inside it: a vowel followed by `^ ( +`, or by a tone mark with a letter or
/// another mark after it, or a word beginning with `dd`.
fn viqr_marked(word: &str) -> bool {
    let b = word.as_bytes();
    let vowel = |c: u8| b"aeiouyAEIOUY".contains(&c);
    let lower = word.to_ascii_lowercase();
    if lower.starts_with("dd") && b.get(2).is_some_and(|c| vowel(*c)) {
        return true;
    }
    b.windows(2).enumerate().any(|(i, w)| {
        vowel(w[0])
            && match w[1] {
                b'^' | b'(' | b'+' => true,
                b'`' | b'\'' | b'?' | b'~' | b'.' => {
                    b.get(i + 2).is_some_and(|c| c.is_ascii_alphabetic())
                }
                _ => false,
            }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every Vietnamese letter, lower and upper case.
    fn letters() -> Vec<char> {
        let bases = "aăâeêioôơuưy";
        let mut out = vec!['đ', 'Đ'];
        for base in bases.chars() {
            for tone in ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"] {
                let s: String = unicode_normalization::UnicodeNormalization::nfc(
                    format!("{base}{tone}").chars(),
                )
                .collect();
                let c = s.chars().next().unwrap_or(base);
                out.push(c);
                out.extend(c.to_uppercase());
            }
        }
        out.extend(('b'..='z').filter(|c| !"aeiouy".contains(*c)));
        out
    }

    #[test]
    fn every_letter_round_trips_through_every_table() {
        for encoding in [
            Encoding::Tcvn3,
            Encoding::Vni,
            Encoding::Viqr,
            Encoding::Windows1258,
            Encoding::Viscii,
        ] {
            let charset = match encoding {
                Encoding::Tcvn3 => bamboo_core::Charset::Tcvn3,
                Encoding::Vni => bamboo_core::Charset::VniWindows,
                Encoding::Viqr => bamboo_core::Charset::Viqr,
                Encoding::Windows1258 => bamboo_core::Charset::Windows1258,
                _ => bamboo_core::Charset::Viscii,
            };
            for letter in letters() {
                // TCVN3 writes a capital with its small letter's byte and draws it with another font (and
                // bamboo-core's VISCII table gives a few capitals their small letter's byte too): those
                // bytes read as the small letter.
                let expected: String = if letter.is_uppercase() {
                    let written =
                        bamboo_core::encode_charset(charset, &letter.to_string()).into_owned();
                    let small: String = letter.to_lowercase().collect();
                    if written == bamboo_core::encode_charset(charset, &small).into_owned() {
                        small
                    } else {
                        letter.to_string()
                    }
                } else {
                    letter.to_string()
                };
                let written =
                    bamboo_core::encode_charset(charset, &letter.to_string()).into_owned();
                let bytes: Vec<u8> = written
                    .chars()
                    .map(|c| u8::try_from(u32::from(c)).unwrap_or_else(|_| WINDOWS_1252_BYTES[&c]))
                    .collect();
                assert_eq!(decode(&bytes, encoding, 0), expected, "{encoding} {letter}");
            }
        }
    }

    #[test]
    fn offsets_point_at_each_letters_bytes() {
        // "Số 64-CP" in TCVN3: S, è (one byte for "ố"), space, 6, 4, -, C, P.
        let bytes = b"S\xe8 64-CP";
        assert_eq!(decode(bytes, Encoding::Tcvn3, 0), "Số 64-CP");
        // "ố" is three bytes of UTF-8 and one of TCVN3: offsets 1, 4, 5 of the text map to 1, 2, 3.
        assert_eq!(
            original_offsets(bytes, Encoding::Tcvn3, 0, &[0, 1, 4, 5, 10]),
            [0, 1, 2, 3, 8]
        );
    }

    proptest::proptest! {
        /// A walk from the checkpoints around some offsets finds what a walk from the start finds, in every
        /// encoding whose characters take several bytes or several units.
        #[test]
        fn checkpoints_map_offsets_as_a_whole_walk_does(
            picks in proptest::collection::vec(0usize..400, 1..12),
            every in 1usize..64,
            seed in 0usize..1000,
        ) {
            let letters = letters();
            let text: String = (0..200).map(|i| letters[(i * 7 + seed) % letters.len()]).collect();
            let mut utf16 = vec![0xFF, 0xFE];
            for unit in text.encode_utf16() {
                utf16.extend(unit.to_le_bytes());
            }
            let tcvn3: Vec<u8> = bamboo_core::encode_charset(bamboo_core::Charset::Tcvn3, &text)
                .chars()
                .map(|c| u8::try_from(u32::from(c)).unwrap_or_else(|_| WINDOWS_1252_BYTES[&c]))
                .collect();
            for (bytes, encoding, skip) in [(utf16, Encoding::Utf16Le, 2), (tcvn3, Encoding::Tcvn3, 0)] {
                let decoded = decode(&bytes, encoding, skip);
                let mut sorted: Vec<usize> = picks
                    .iter()
                    .map(|&p| crate::extract::clean::floor_boundary(&decoded, p.min(decoded.len())))
                    .collect();
                sorted.sort_unstable();
                let points = checkpoints(&bytes, encoding, skip, every);
                proptest::prop_assert_eq!(
                    original_offsets_near(&bytes, encoding, &points, &sorted),
                    original_offsets(&bytes, encoding, skip, &sorted),
                    "{} every {}", encoding, every
                );
            }
        }
    }

    #[test]
    fn tcvn3_u_horn_is_not_a_soft_hyphen() {
        // "Thông tư" with ư as 0xAD.
        assert_eq!(decode(b"Th\xab\x6eg t\xad", Encoding::Tcvn3, 0), "Thông tư");
    }

    #[test]
    fn utf16_with_surrogates_maps_back() {
        let text = "Số 𝟙 x";
        let mut bytes = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes, Encoding::Utf16Le, 2), text);
        let x = text.find('x').unwrap_or_default();
        assert_eq!(
            original_offsets(&bytes, Encoding::Utf16Le, 2, &[0, x]),
            [2, 2 + 2 * 6]
        );
    }

    #[test]
    fn viqr_escapes_and_detection() {
        assert_eq!(decode(b"mu+a\\.", Encoding::Viqr, 0), "mưa.");
        let viqr = b"Nghi. ddi.nh so^' 30/2020/NDD-CP nga`y 05 tha'ng 3 na(m 2020 cu?a Chi'nh phu? ve^` co^ng ta'c va(n thu+";
        assert!(!looks_like_viqr(&viqr[..12]));
        assert!(looks_like_viqr(viqr));
        assert!(!looks_like_viqr(
            b"Nghi dinh so 30/2020/ND-CP ngay 05 thang 3 nam 2020 cua Chinh phu ve cong tac van thu. Don't stop."
        ));
    }

    #[test]
    fn detection_tells_the_eight_bit_encodings_apart() {
        let text = "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; theo đề nghị của Bộ trưởng Bộ Tư pháp, \
                    Chính phủ ban hành Nghị định về công tác văn thư của các cơ quan nhà nước.";
        for (encoding, charset) in [
            (Encoding::Tcvn3, bamboo_core::Charset::Tcvn3),
            (Encoding::Vni, bamboo_core::Charset::VniWindows),
            (Encoding::Windows1258, bamboo_core::Charset::Windows1258),
            (Encoding::Viscii, bamboo_core::Charset::Viscii),
        ] {
            let written = bamboo_core::encode_charset(charset, text).into_owned();
            let bytes: Vec<u8> = written
                .chars()
                .map(|c| u8::try_from(u32::from(c)).unwrap_or_else(|_| WINDOWS_1252_BYTES[&c]))
                .collect();
            assert_eq!(detect_eight_bit(&bytes), Some(encoding), "{encoding}");
            let decoded = decode(&bytes, encoding, 0);
            let nfc: String =
                unicode_normalization::UnicodeNormalization::nfc(decoded.chars()).collect();
            // TCVN3 keeps no case for toned capitals ("Tổ" is written "tổ"'s bytes).
            if encoding == Encoding::Tcvn3 {
                assert_eq!(nfc.to_lowercase(), text.to_lowercase(), "{encoding}");
            } else {
                assert_eq!(nfc, text, "{encoding}");
            }
        }
        assert_eq!(detect_eight_bit(b"\xff\xfe random \x80\x81 bytes"), None);
    }
}
