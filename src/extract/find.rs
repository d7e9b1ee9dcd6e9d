//! Finding number-and-symbol candidates in raw text and reading them into canonical form.
//!
//! The scan runs over the original bytes: every reference contains ASCII digits followed by a slash or dash,
//! which the regex crate finds at memory speed. Each hit is then read by hand, because the grammar (look-alike
//! separators, spaces and line breaks inside a symbol, codes written without diacritics) is easier to state as
//! code than as one regex, and only hits need it.

use crate::data::tables;
use crate::extract::clean::{is_dash, is_slash, is_space};

/// A symbol read from the text, before its context is looked at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSymbol {
    /// Byte offset of the first digit.
    pub start: usize,
    /// Byte offset just past the last code letter.
    pub end: usize,
    /// The number as written (`06`, `66.19`).
    pub number: String,
    /// The year inside the symbol (`30/2020/NĐ-CP`).
    pub year: Option<i32>,
    /// Code groups in canonical spelling (`NĐ`, `CP`).
    pub groups: Vec<String>,
    /// Canonical symbol text.
    pub canonical: String,
    /// The first separator after the number was a dash: Party (`57-NQ/TW`) and pre-1997 (`64-CP`) forms.
    pub dash_form: bool,
    /// How many groups are codes the tables know.
    pub known_groups: usize,
}

/// Every symbol in `text`, in order, not overlapping.
pub fn scan(text: &str) -> Vec<RawSymbol> {
    // Legal text holds about one symbol per kilobyte; reserving for twice that spares a large input the copies
    // of a doubling vector, and reserved pages that are never written cost nothing.
    let mut out = Vec::with_capacity(text.len() / 512);
    let mut resume = 0;
    for start in candidates(text.as_bytes()) {
        if start < resume || !number_starts_here(text, start) {
            continue;
        }
        if let Some(sym) = read_symbol(text, start) {
            resume = sym.end;
            out.push(sym);
        }
    }
    out
}

/// Where a number followed by a separator starts, in text order: the leftmost start of
/// `[0-9]{1,6}(\.[0-9]{1,3})?[ \t\u{a0}]{0,2}` before each slash or dash (or look-alike).
///
/// Separators are rare next to digits, which are everywhere, so the scan looks for separator bytes with
/// memchr and reads the number backwards; a regex for the same shape ran its automaton forwards and then
/// backwards over every match and cost a tenth of the whole extraction.
fn candidates(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    // `E2` leads the look-alike dashes and slashes of General Punctuation and Mathematical Operators; `EF`
    // leads the fullwidth and small forms, rare enough in Vietnamese text for a second pass.
    let mut common = memchr::memchr3_iter(b'/', b'-', 0xE2, bytes).peekable();
    let mut wide = memchr::memchr_iter(0xEF, bytes).peekable();
    std::iter::from_fn(move || loop {
        let at = match (common.peek(), wide.peek()) {
            (Some(&c), Some(&w)) if w < c => wide.next(),
            (Some(_), _) => common.next(),
            (None, Some(_)) => wide.next(),
            (None, None) => return None,
        }?;
        if is_separator_at(bytes, at) {
            if let Some(start) = number_before(bytes, at) {
                return Some(start);
            }
        }
    })
}

fn is_separator_at(bytes: &[u8], at: usize) -> bool {
    match bytes[at] {
        b'/' | b'-' => true,
        _ => matches!(
            bytes.get(at..at + 3),
            // U+2010..U+2015, U+2044, U+2212, U+2215, U+FF0F, U+FF0D, U+FE58, U+FE63
            Some([0xE2, 0x80, 0x90..=0x95])
                | Some([0xE2, 0x81, 0x84])
                | Some([0xE2, 0x88, 0x92 | 0x95])
                | Some([0xEF, 0xBC, 0x8F | 0x8D])
                | Some([0xEF, 0xB9, 0x98 | 0xA3])
        ),
    }
}

/// The leftmost start of `[0-9]{1,6}((\.[0-9]{1,3})?[ \t\u{a0}]{0,2}|[A-Z])` ending at `sep`.
fn number_before(bytes: &[u8], sep: usize) -> Option<usize> {
    let mut end = sep;
    for _ in 0..2 {
        if end > 0 && matches!(bytes[end - 1], b' ' | b'\t') {
            end -= 1;
        } else if end >= 2 && bytes[end - 2..end] == [0xC2, 0xA0] {
            end -= 2;
        } else {
            break;
        }
    }
    let digits_before = |to: usize| {
        bytes[..to]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    // "33B-HĐBT": one capital letter right after the number, glued to the separator; "30c/NQ-CP": a small
    // one, when a code in capitals follows the separator ("5m/s", "3ha/hộ" are measures).
    let code_follows = || {
        bytes.get(sep + 1).is_some_and(|&b| {
            b.is_ascii_uppercase() || b == 0xC4 && bytes.get(sep + 2) == Some(&0x90)
        })
    };
    if end == sep
        && end >= 2
        && (bytes[end - 1].is_ascii_uppercase()
            || bytes[end - 1].is_ascii_lowercase() && bytes[sep] == b'/' && code_follows())
        && bytes[end - 2].is_ascii_digit()
    {
        let run = digits_before(end - 1);
        return Some(end - 1 - run.min(6));
    }
    let last_run = digits_before(end);
    if last_run == 0 {
        return None;
    }
    let run_start = end - last_run;
    if last_run <= 3 && run_start >= 2 && bytes[run_start - 1] == b'.' {
        let dot = run_start - 1;
        let first_run = digits_before(dot);
        if first_run > 0 {
            return Some(dot - first_run.min(6));
        }
    }
    Some(end - last_run.min(6))
}

/// A number starts a symbol only after a non-word character, or glued to "số" ("số31-QĐ/TW").
fn number_starts_here(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let Some(prev) = before.chars().next_back() else {
        return true;
    };
    if prev.is_ascii_digit() {
        return false;
    }
    if prev.is_alphabetic() || prev == ':' || unicode_mark(prev) {
        return ends_with_so(before.trim_end_matches(':'));
    }
    !(prev == '.'
        || prev == '/'
        || prev == '\\'
        || is_dash(prev)
        || is_slash(prev)
        || prev == '_'
        || prev == '@')
}

fn unicode_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Whether `s` ends with the word "số" in any spelling.
fn ends_with_so(s: &str) -> bool {
    let tail: String = s
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic() || unicode_mark(*c))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    crate::extract::clean::fold(&tail) == "so"
}

fn skip_spaces(text: &str, mut i: usize, max: usize) -> usize {
    for (n, c) in text[i..].chars().enumerate() {
        if n >= max || !is_space(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Spaces and at most one line break, as inside "119/2014/TT-\nBTC".
fn skip_break(text: &str, i: usize) -> usize {
    let mut j = skip_spaces(text, i, 3);
    if text[j..].starts_with("\r\n") {
        j += 2;
    } else if text[j..].starts_with('\n') {
        j += 1;
    } else {
        return j;
    }
    skip_spaces(text, j, 8)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sep {
    Slash,
    Dash,
}

fn separator_at(text: &str, i: usize) -> Option<(Sep, usize)> {
    let c = text[i..].chars().next()?;
    if is_slash(c) {
        Some((Sep::Slash, i + c.len_utf8()))
    } else if is_dash(c) {
        Some((Sep::Dash, i + c.len_utf8()))
    } else {
        None
    }
}

fn digits_end(text: &str, i: usize) -> usize {
    i + text[i..].bytes().take_while(u8::is_ascii_digit).count()
}

fn is_code_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'Đ' | 'đ' | 'Ð' | 'ð')
}

/// The end of a code token starting at `i`: letters, then letters or digits. `None` when the token runs on into
/// a word (a Vietnamese letter or a combining mark follows), which means it is prose, not a code.
fn token_end(text: &str, i: usize) -> Option<usize> {
    if let Some(end) = central_code_end(text, i) {
        return Some(end);
    }
    let mut chars = text[i..].char_indices();
    let (_, first) = chars.next()?;
    if !is_code_letter(first) {
        return None;
    }
    let mut end = i + first.len_utf8();
    let capital = |c: char| c.is_ascii_uppercase() || c == 'Đ';
    for (k, c) in chars {
        if is_code_letter(c) || c.is_ascii_digit() {
            end = i + k + c.len_utf8();
        } else if c == '&'
            && text[..i + k].ends_with(capital)
            && text[i + k + 1..].starts_with(capital)
        {
            // "NN&PTNT", "KH&ĐT": a department's code joins two capitals' words with an ampersand.
            end = i + k + 1;
        } else if c.is_alphabetic() || unicode_mark(c) {
            return glued_code_end(text, i, i + k);
        } else {
            break;
        }
    }
    Some(end)
}

/// "57-NQ/TƯ", "18-NQ/T.Ư": the Party's central code written from "Trung ương", canonically `TW`.
const CENTRAL_SPELLINGS: [&str; 2] = ["TƯ", "T.Ư"];

/// The end of a central-code token at `start` ([`CENTRAL_SPELLINGS`]); a word that goes on ("TƯƠNG") is
/// prose.
fn central_code_end(text: &str, start: usize) -> Option<usize> {
    let spelling = CENTRAL_SPELLINGS
        .iter()
        .find(|s| text[start..].starts_with(*s))?;
    let end = start + spelling.len();
    let after = text[end..].chars().next();
    (!after.is_some_and(|c| c.is_alphanumeric() || unicode_mark(c))).then_some(end)
}

/// "TT-BXDngày 25/7/2013", "QĐ-TTgngày": a known code run into the next word, the space lost when a page
/// became text, ends where that word begins; any other run into a word is prose.
fn glued_code_end(text: &str, start: usize, word_letter: usize) -> Option<usize> {
    let codes = tables();
    text[start..word_letter]
        .char_indices()
        .skip(1)
        .map(|(p, _)| start + p)
        .filter(|&p| text[p..].starts_with(char::is_lowercase))
        .filter(|&p| codes.exact_code(&text[start..p]).is_some())
        .last()
}

/// Canonical spelling of one code token, or `None` when the token is not a plausible code.
fn canonical_token(raw: &str) -> Option<(String, bool)> {
    if CENTRAL_SPELLINGS.contains(&raw) {
        return Some(("TW".to_string(), true));
    }
    // Most tokens are codes written exactly as the tables spell them.
    if let Some(code) = tables().exact_code(raw) {
        return Some((code.to_string(), true));
    }
    let raw: String = raw
        .chars()
        .map(|c| match c {
            'Ð' => 'Đ',
            'ð' => 'đ',
            c => c,
        })
        .collect();
    let letters_end = raw
        .char_indices()
        .find(|(_, c)| c.is_ascii_digit())
        .map_or(raw.len(), |(i, _)| i);
    let (letters, digits) = raw.split_at(letters_end);
    if digits.chars().any(|c| !c.is_ascii_digit()) {
        // Letters after digits ("SA032X"): accept only plain upper-case tokens.
        return (raw
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && raw.len() <= 12)
            .then(|| (raw.clone(), false));
    }
    if let Some(code) = tables().canonical_code(letters) {
        return Some((format!("{code}{digits}"), true));
    }
    let upper = letters.chars().all(|c| c.is_uppercase() || c == '&');
    if upper && letters.chars().count() >= 2 && letters.len() <= 16 {
        return Some((raw, false));
    }
    // "CTTg" (a type code glued to "TTg"), "BSGBTr" (a unit's code ending like "TTg"): capitals with at most
    // two small letters at the end, as the tables' own mixed-case codes are written.
    let small_tail = letters.len() - letters.trim_end_matches(|c: char| c.is_lowercase()).len();
    let capitals = &letters[..letters.len() - small_tail];
    let mixed = (1..=2).contains(&small_tail)
        && capitals.chars().count() >= 2
        && capitals.chars().all(|c| c.is_uppercase())
        && letters.len() <= 16;
    if mixed {
        return Some((raw, false));
    }
    None
}

fn starts_with_type_code(text: &str, at: usize) -> bool {
    token_end(text, at)
        .and_then(|e| canonical_token(&text[at..e]))
        .is_some_and(|(c, known)| known && tables().type_of_code(&c).is_some())
}

/// Splits "NĐCP" into ("NĐ", "CP") when a known type code is glued to a known issuer code.
fn split_glued(token: &str) -> Option<(&'static str, String)> {
    let t = tables();
    token.char_indices().skip(2).find_map(|(i, _)| {
        let (head, tail) = token.split_at(i);
        let code = t.canonical_code(head)?;
        t.type_of_code(code)?;
        let issuer = t.canonical_code(tail.trim_end_matches(|c: char| c.is_ascii_digit()))?;
        t.issuer_of_code(issuer)?;
        let digits = &tail[tail.trim_end_matches(|c: char| c.is_ascii_digit()).len()..];
        Some((code, format!("{issuer}{digits}")))
    })
}

/// Reads a symbol whose number starts at `start`.
fn read_symbol(text: &str, start: usize) -> Option<RawSymbol> {
    let mut i = digits_end(text, start);
    if text[i..].starts_with('.') && text[i + 1..].starts_with(|c: char| c.is_ascii_digit()) {
        i = digits_end(text, i + 1);
    }
    // A capital letter glued to the number and its separator ("33B-HĐBT") is part of the number; such a
    // number makes a symbol only of codes the tables know.
    let lettered = text[i..].starts_with(|c: char| c.is_ascii_uppercase())
        && separator_at(text, i + 1).is_some()
        || text[i..].starts_with(|c: char| c.is_ascii_lowercase())
            && text[i + 1..].starts_with('/');
    if lettered {
        i += 1;
    }
    let number = text[start..i].to_string();
    i = skip_spaces(text, i, 2);
    let (mut first_sep, after) = separator_at(text, i)?;
    // "19-2017/NQ-CP": a dash typed for the slash before the year of a modern symbol, read as the slash.
    if first_sep == Sep::Dash && dash_before_year(text, skip_break(text, after)) {
        first_sep = Sep::Slash;
    }
    let (year, i) = read_year(text, skip_break(text, after), first_sep)?;
    let Groups {
        mut groups,
        mut seps,
        mut known_groups,
        mut end,
    } = read_groups(text, i)?;
    if lettered && (known_groups < groups.len() || year.is_some()) {
        return None;
    }
    // Older symbols write the year last: "3/NQ/1976", "01/BXD-QLN-1996".
    let trailing_year = match year {
        None => trailing_year(text, end),
        Some(_) => None,
    };
    let inner_year = year;
    let year = year.or(trailing_year.map(|(y, _, _)| y));
    // "Nghị định số 04/2014/NĐ": a type code cut short before its issuer, where the tables know the one body
    // that issues the type in year-form symbols.
    if let (Some(_), [code]) = (year, groups.as_slice()) {
        if let Some(issuer) = tables().sole_issuer_of_code(code) {
            groups.push(issuer.to_string());
            seps.push('-');
            known_groups += 1;
        }
    }
    let mut canonical = String::with_capacity(end - start);
    canonical.push_str(&number);
    canonical.push(if first_sep == Sep::Slash { '/' } else { '-' });
    if let Some(y) = inner_year {
        canonical.push_str(&y.to_string());
        canonical.push('/');
    }
    for (n, g) in groups.iter().enumerate() {
        if n > 0 {
            canonical.push(seps[n - 1]);
        }
        canonical.push_str(g);
    }
    if let Some((y, sep, year_end)) = trailing_year {
        canonical.push(sep);
        canonical.push_str(&y.to_string());
        end = year_end;
    }
    Some(RawSymbol {
        start,
        end,
        number,
        year,
        groups,
        canonical,
        dash_form: first_sep == Sep::Dash,
        known_groups,
    })
}

/// A year written after the codes, at `i`: a slash or dash and four digits of a plausible year that end the
/// symbol. Returns the year, its separator and where it ends.
fn trailing_year(text: &str, i: usize) -> Option<(i32, char, usize)> {
    let (sep, after) = separator_at(text, i)?;
    let year_end = digits_end(text, after);
    if year_end - after != 4 {
        return None;
    }
    let y: i32 = text[after..year_end].parse().ok()?;
    let ends = text[year_end..]
        .chars()
        .next()
        .is_none_or(|c| !(c.is_alphanumeric() || unicode_mark(c) || is_slash(c) || is_dash(c)));
    ((1945..=2100).contains(&y) && ends).then_some((
        y,
        if sep == Sep::Slash { '/' } else { '-' },
        year_end,
    ))
}

/// Whether four digits of a plausible year stand at `i`, followed by a slash and a type code: the shape of a
/// modern symbol whose first slash was typed as a dash. Party symbols (`57-NQ/TW`) and legacy ones
/// (`64-CP`) have letters there, never a year.
fn dash_before_year(text: &str, i: usize) -> bool {
    let year_end = digits_end(text, i);
    if year_end - i != 4
        || !text[i..year_end]
            .parse::<i32>()
            .is_ok_and(|y| (1990..=2100).contains(&y))
    {
        return false;
    }
    match separator_at(text, year_end) {
        Some((Sep::Slash, after)) => starts_with_type_code(text, after),
        _ => false,
    }
}

/// The year after the number's separator, when digits stand there: four of them after a slash, within the
/// years a Vietnamese document can bear, followed by a slash or by the code it lost ("148/2020 NĐ-CP").
/// Returns the year and where the codes start; `None` when the digits make no symbol.
fn read_year(text: &str, i: usize, first_sep: Sep) -> Option<(Option<i32>, usize)> {
    let year_end = digits_end(text, i);
    if year_end == i {
        return Some((None, i));
    }
    if year_end - i != 4 || first_sep != Sep::Slash {
        return None;
    }
    let y: i32 = text[i..year_end].parse().ok()?;
    let k = skip_spaces(text, year_end, 2);
    if !(1945..=2100).contains(&y) {
        return None;
    }
    match separator_at(text, k) {
        Some((Sep::Slash, after_year)) => Some((Some(y), skip_break(text, after_year))),
        // Typos that drop the slash: "11/2026CV-YVG", "148/2020 NĐ-CP".
        _ if starts_with_type_code(text, k) || k == year_end && token_end(text, k).is_some() => {
            Some((Some(y), k))
        }
        _ => None,
    }
}

/// The code groups of a symbol and the separators between them.
struct Groups {
    groups: Vec<String>,
    seps: Vec<char>,
    known_groups: usize,
    /// Byte offset just past the last group.
    end: usize,
}

/// The code groups from `i` on: tokens joined by `-` or `/`, a spaced separator only where the symbol plainly
/// goes on. `None` when no group stands there.
fn read_groups(text: &str, mut i: usize) -> Option<Groups> {
    let mut groups: Vec<String> = Vec::new();
    let mut seps: Vec<char> = Vec::new();
    let mut known_groups = 0;
    let mut end = i;
    let mut last_is_type;
    while let Some(tok_end) = token_end(text, i) {
        let Some((canon, known)) = canonical_token(&text[i..tok_end]) else {
            break;
        };
        // "NĐCP" for "NĐ-CP": a type code glued to an issuer code.
        // Only before any type code: after one ("51/QĐ-TCCP") an unknown code is an issuer's, kept whole. A
        // mixed-case token splits only into two codes spelled exactly as the tables do ("QĐTTg", "CTTg" as
        // CT-Tg), so "BSGBTr" is kept as written.
        let capitals = canon.chars().all(|c| !c.is_lowercase());
        let after_type = groups.iter().any(|g| tables().type_of_code(g).is_some());
        let split = (!known && !after_type)
            .then(|| split_glued(&canon))
            .flatten()
            .filter(|(head, tail)| {
                capitals
                    || canon.starts_with(head)
                        && tables().exact_code(tail).is_some()
                        && canon.ends_with(tail.as_str())
            });
        if let Some((type_code, issuer)) = split {
            groups.push(type_code.to_string());
            seps.push('-');
            known_groups += 2;
            last_is_type = false;
            groups.push(issuer);
        } else {
            last_is_type = tables().type_of_code(&canon).is_some();
            known_groups += usize::from(known);
            groups.push(canon);
        }
        end = tok_end;
        let k = skip_spaces(text, tok_end, 2);
        // "2455/TCT_DNNCN": an underscore typed for the dash, right between two codes; "01/1999/QĐ.UB", the
        // 1990s' dot, only before a code the tables know ("12/QĐ.Ủy ban …" ends the symbol).
        let glued = |c: char| {
            k == tok_end
                && text[k..].starts_with(c)
                && token_end(text, k + 1).is_some_and(|e| {
                    c == '_' || canonical_token(&text[k + 1..e]).is_some_and(|(_, known)| known)
                })
        };
        let typed_for_dash = (glued('_') || glued('.')).then_some((Sep::Dash, k + 1));
        let Some((sep, after_sep)) = separator_at(text, k).or(typed_for_dash) else {
            break;
        };
        let next = skip_break(text, after_sep);
        let spaced = k > tok_end || next > after_sep;
        // "57/NQ-CP - UBND tỉnh" is prose punctuation; "NĐ - CP" and "TT-\nBTC" are one symbol: a spaced
        // separator continues a symbol only right after a type code, which always needs an issuer behind it.
        let Some(next_end) = token_end(text, next) else {
            break;
        };
        // "488/KHKT / TT", "49 - LTC / HĐNN": a spaced slash is kept when a known code follows it.
        let known_next = sep == Sep::Slash
            && canonical_token(&text[next..next_end]).is_some_and(|(_, known)| known);
        // "2455 /TCT - DNNCN": a letter's number has no type code, and its issuer's unit follows a spaced
        // dash in capitals.
        let unit_next = sep == Sep::Dash
            && groups.len() == 1
            && !last_is_type
            && next_end - next >= 2
            && text[next..next_end]
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == 'Đ');
        if spaced && !last_is_type && !known_next && !unit_next {
            break;
        }
        seps.push(if sep == Sep::Slash { '/' } else { '-' });
        i = next;
    }
    // A separator read but not followed by a valid token is not part of the symbol.
    seps.truncate(groups.len().saturating_sub(1));
    (!groups.is_empty()).then_some(Groups {
        groups,
        seps,
        known_groups,
        end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn symbols(text: &str) -> Vec<String> {
        scan(text).into_iter().map(|s| s.canonical).collect()
    }

    #[test]
    fn reads_modern_party_and_legacy_forms() {
        assert_eq!(symbols("Nghị định số 30/2020/NĐ-CP"), ["30/2020/NĐ-CP"]);
        assert_eq!(symbols("Nghị quyết 57-NQ/TW"), ["57-NQ/TW"]);
        assert_eq!(symbols("Nghị định 64-CP và 02/CP"), ["64-CP", "02/CP"]);
        assert_eq!(symbols("số 66.19/2026/NQ-CP"), ["66.19/2026/NQ-CP"]);
        assert_eq!(symbols("Luật số 80/2015/QH13"), ["80/2015/QH13"]);
    }

    #[test]
    fn restores_codes_and_separators() {
        assert_eq!(symbols("so 100/2019/ND-CP"), ["100/2019/NĐ-CP"]);
        assert_eq!(symbols("30 / 2020 / NĐ - CP"), ["30/2020/NĐ-CP"]);
        assert_eq!(symbols("119/2014/TT-\nBTC"), ["119/2014/TT-BTC"]);
        assert_eq!(symbols("43/2010/NÐ\u{2013}CP"), ["43/2010/NĐ-CP"]);
        // The Party's central code written from "Trung ương"; a word that goes on is prose.
        assert_eq!(symbols("57-NQ/TƯ, 18-NQ/T.Ư."), ["57-NQ/TW", "18-NQ/TW"]);
        assert_eq!(symbols("12-NQ/TƯƠNG"), ["12-NQ"]);
        assert_eq!(symbols("12\u{2044}QĐ-TTg"), ["12/QĐ-TTg"]);
        assert_eq!(symbols("Nghị quyết số 19-2017/NQ-CP"), ["19/2017/NQ-CP"]);
        // "Tg" is the Prime Minister's code in older symbols (866/QĐ-Tg).
        assert_eq!(symbols("Chỉ thị số 27/CTTg"), ["27/CT-Tg"]);
        assert_eq!(symbols("Quyết định số 51/QĐ-TCCP"), ["51/QĐ-TCCP"]);
        assert_eq!(symbols("Nghị định số 30/2020/NĐCP"), ["30/2020/NĐ-CP"]);
        assert_eq!(symbols("Quyết định số 1626/QĐTTg"), ["1626/QĐ-TTg"]);
        assert_eq!(
            symbols("Công văn số 144/2025/CV-BSGBTr"),
            ["144/2025/CV-BSGBTr"]
        );
        // An underscore typed for a dash between codes; a letter's unit after a spaced dash.
        assert_eq!(symbols("Công văn 2455/TCT_DNNCN"), ["2455/TCT-DNNCN"]);
        assert_eq!(symbols("số 12/2020/QĐ_UBND"), ["12/2020/QĐ-UBND"]);
        assert_eq!(symbols("Công văn số 2455 /TCT - DNNCN"), ["2455/TCT-DNNCN"]);
        assert_eq!(symbols("Công văn số 512/SNV - Sở Nội vụ"), ["512/SNV"]);
        assert_eq!(symbols("Công văn 77/TCT_ hướng dẫn"), ["77/TCT"]);
        assert_eq!(
            symbols("Quyết định số 01/1999/QĐ.UB ngày"),
            ["01/1999/QĐ-UB"]
        );
        assert_eq!(symbols("Quyết định số 12/QĐ. UBND tỉnh"), ["12/QĐ"]);
        // A small letter after the number, glued to the slash before a code in capitals.
        assert_eq!(symbols("Nghị quyết số 30c/NQ-CP"), ["30c/NQ-CP"]);
        assert_eq!(symbols("Quyết định số 15a/QĐ-UBND"), ["15a/QĐ-UBND"]);
        assert!(symbols("vận tốc 5m/s, mật độ 3ha/hộ").is_empty());
        // Not a year after the dash, or no type code after it: the forms as they were.
        assert_eq!(
            symbols("Nghị quyết 57-NQ/TW, 2019-2020/học kỳ"),
            ["57-NQ/TW"]
        );
    }

    #[test]
    fn ignores_dates_fractions_and_standards() {
        assert!(symbols("ngày 11/9/2020, tỷ lệ 1/500, 3/4").is_empty());
        assert!(symbols("QCVN 04:2009/BCT và ISO 9001:2015").is_empty());
        assert!(symbols("số 12/34 đường Nguyễn Trãi").is_empty());
        assert_eq!(symbols("57/NQ-CP - Hà Nội"), ["57/NQ-CP"]);
        assert_eq!(symbols("57/NQ-CP - UBND tỉnh"), ["57/NQ-CP"]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The byte scan finds exactly the starts that the regex for the same shape finds.
        #[test]
        fn candidates_agree_with_the_regex_they_replace(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    "[0-9]{1,8}",
                    "\\.",
                    "[ \t\u{a0}]{1,3}",
                    "[/\\-\u{2010}-\u{2016}\u{2044}\u{2212}\u{2215}\u{2216}\u{ff0d}\u{ff0f}\u{fe58}\u{fe63}]",
                    "[aĐ“]",
                    "[AB]",
                    "/[AĐa]",
                ],
                0..14,
            )
        ) {
            let text = parts.concat();
            let shape = regex::Regex::new(
                r"[0-9]{1,6}(?:(?:(?:\.[0-9]{1,3})?[ \t\x{a0}]{0,2}|[A-Z])[/\-\x{2010}-\x{2015}\x{2212}\x{2044}\x{2215}\x{ff0f}\x{ff0d}\x{fe58}\x{fe63}]|[a-z]/[A-ZĐ])",
            )
            .unwrap();
            let expected: Vec<usize> = shape.find_iter(&text).map(|m| m.start()).collect();
            let got: Vec<usize> = candidates(text.as_bytes()).collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }
}
