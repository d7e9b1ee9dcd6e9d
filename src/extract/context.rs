//! Reading the words around a mention: type word, date, issuer phrase, pinpoint, relation phrases.
//!
//! All matching here runs on [`Folded`] text, so one pattern covers NFC, NFD, upper case and text written
//! without diacritics; positions map back to original bytes through the fold's offset map.

use crate::data::{is_word_byte, tables, PhrasePosition};
use crate::extract::clean::folded_regex as re;
use crate::extract::clean::{tidy, Folded};
use crate::extract::place::{read_place, read_place_after_level_name};
use crate::vocab::{DocType, Relation};
use regex::Regex;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

pub use crate::extract::dates::Date;
pub(crate) use crate::extract::dates::{date_after, issue_date_after};

const DATE: &str = r"ngay\s*(\d{1,2})\s*(?:thang\s*(\d{1,2})\s*nam\s*(\d{4})|[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))(?:[^0-9]|$)";

static YEAR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[ \n]*,?[ \n]*(?:ban hanh\s+)?(?:(?:ngay\s*)?thang\s*\d{1,2}\s*)?nam\s+(\d{4})(?:[^0-9]|$)",
    )
});
static ISSUER_INTRO: LazyLock<Regex> = LazyLock::new(|| re(r"^[ \n]*,?[ \n]*(?:cua|do)\s+"));
static SENTENCE_DATE: LazyLock<Regex> = LazyLock::new(|| re(DATE));
static PINPOINT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:(?:(?:diem\s+[a-z0-9]{1,3}\)?\s*,?\s*)?khoan\s+\d+[a-z]?\s*,?\s*)?dieu\s+\d+[a-z]?|(?:diem\s+[a-z0-9]{1,3}\s*,?\s*)?khoan\s+\d+[a-z]?|(?:muc\s+[0-9ivxlc]+\s+)?phu luc\s+[0-9ivxlc]+|(?:muc\s+[0-9ivxlc]+\s*,?\s*)?chuong\s+[0-9ivxlc]+)\s*,?\s*(?:cua|tai|theo)?\s*$",
    )
});
/// Nothing but pinpoints: one or more of "Điều 4", "điểm a khoản 2 và điểm c khoản 4 Điều 7", "Chương III",
/// "Phụ lục II", then "của" or "tại" allowed.
/// "điểm i, s khoản 1", "khoản 2, 3 Điều 5": one word may be followed by more values after commas.
static PINPOINTS_ONLY: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"^{PINPOINT_RUN}(?:cua|tai)?$")));
/// Pinpoints, then the name of the law they are in, up to its number: "điểm s khoản 1 Điều 51 của Luật Đất
/// đai số", as the symbol's mention reads the words before it.
static PINPOINTS_IN_LAW: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^{PINPOINT_RUN}(?:(?:cua|tai)\s+)?(?:bo luat|luat|phap lenh)(?: [a-z]+)+(?: so)?$"
    ))
});
const PINPOINT_RUN: &str = r"(?:(?:diem|khoan|dieu|chuong|muc|phan|phu luc) [0-9a-z.]{1,6}(?:\s*,\s*(?:[0-9]{1,3}[a-z]?|[a-z]{1,2})(?-u:\b))*(?:\s*,\s*|\s+va\s+|\s+)?)+";

/// Whether folded `text`, trimmed, holds nothing but pinpoints (see [`PINPOINTS_ONLY`]).
pub fn pinpoints_only(text: &str) -> bool {
    PINPOINTS_ONLY.is_match(text.trim())
}

/// Whether folded `text`, trimmed, holds nothing but pinpoints, or pinpoints and the name of the law whose
/// number follows (see [`PINPOINTS_IN_LAW`]).
pub fn pinpoints_before_number(text: &str) -> bool {
    let text = text.trim();
    PINPOINTS_ONLY.is_match(text) || PINPOINTS_IN_LAW.is_match(text)
}

/// The words between two items of one list. "và" may end it: a gap folded on its own has no space after.
static LIST_GLUE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^[ \n]*(?:,|;|va|hoac|den|toi|-)?[ \n]*(?:va(?:\s+|$))?(?:so\s*:?)?[ \n]*$")
});

/// A date read at `at` in folded text, with the folded end of what was read.
fn read_date(caps: &regex::Captures<'_>) -> Option<Date> {
    let num = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let day = num(1)?;
    let (month, year) = match (num(2), num(3), num(4), num(5)) {
        (Some(m), Some(y), _, _) => (m, y),
        (_, _, Some(m), Some(y)) => (m, y),
        _ => return None,
    };
    Date::new(year as i32, month, day)
}

/// What follows a symbol: its date, issuer phrase or "năm YYYY", and how far they reach (folded index).
#[derive(Debug, Clone, Default)]
pub struct After {
    /// Issue date given right after the symbol.
    pub date: Option<Date>,
    /// "năm YYYY" right after the symbol.
    pub year: Option<i32>,
    /// The issuer named by "của …".
    pub issuer: Option<IssuerHit>,
    /// Folded index just past the last thing read.
    pub end: usize,
}

/// An issuer named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuerHit {
    /// Code of the issuer row.
    pub code: &'static str,
    /// Canonical name, with the place when the text gives one.
    pub name: String,
    /// The place ("Quảng Nam") when the text gives one.
    pub place: Option<String>,
}

/// The state's name as older texts write it after a law's name, folded.
const STATE_NAME: &str = "nuoc cong hoa xa hoi chu nghia viet nam";

/// The length of a "(sửa đổi)" or "(sửa đổi, bổ sung)" aside at the start of folded `rest`, spaces before it
/// included.
fn revised_aside(rest: &str) -> Option<usize> {
    let trimmed = rest.trim_start_matches(' ');
    let aside = ["(sua doi)", "(sua doi, bo sung)", "(sua doi bo sung)"]
        .into_iter()
        .find(|a| trimmed.starts_with(a))?;
    Some(rest.len() - trimmed.len() + aside.len())
}

/// Reads date, year and issuer phrase following folded index `from`.
pub fn read_after(original: &str, folded: &Folded, from: usize) -> After {
    let mut after = After {
        end: from,
        ..After::default()
    };
    let markup = markup_after(&folded.text[from..]);
    // "Luật Đất đai (sửa đổi) được Quốc hội thông qua ngày …": the aside names the law as the new one; its
    // date and issuer follow it.
    if let Some(past) = revised_aside(&folded.text[from + markup..]) {
        after.end = from + markup + past;
    }
    for _ in 0..2 {
        // Markup stands only between the reference and what its words say first.
        let mut at = after.end + if after.end == from { markup } else { 0 };
        let mut rest = &folded.text[at..];
        // Cheap look at the first word decides which pattern may match; the patterns themselves are costly.
        let mut lead = rest.trim_start_matches([' ', '\n', ',', '(', ')']);
        // "Bộ luật Lao động của nước Cộng hòa xã hội chủ nghĩa Việt Nam ngày 23 tháng 6 năm 1994", "… của
        // Quốc hội nước …": older texts name the state whose law it is; its date follows.
        let state = if after.issuer.is_some() {
            Some(lead)
        } else {
            lead.strip_prefix("cua ")
        }
        .and_then(|l| l.strip_prefix(STATE_NAME))
        .filter(|l| !l.starts_with(|c: char| c.is_ascii_alphanumeric()));
        if let Some(past) = state {
            at += rest.len() - past.len();
            after.end = at;
            rest = past;
            lead = rest.trim_start_matches([' ', '\n', ',', '(', ')']);
        }
        let datey = [
            "ngay",
            "ban hanh",
            "ky ",
            "da ",
            "thong qua",
            "vao",
            "duoc ",
            "cung ngay",
        ]
        .iter()
        .any(|w| lead.starts_with(w));
        let yeary = ["nam", "thang", "ngay", "ban hanh"]
            .iter()
            .any(|w| lead.starts_with(w));
        if after.date.is_none() && (datey || yeary) {
            if let Some((d, len)) = datey.then(|| date_after(rest)).flatten() {
                after.date = Some(d);
                after.end = at + len;
                continue;
            }
            if after.year.is_none() {
                if let Some(c) = YEAR_AFTER.captures(rest) {
                    if let Some(y) = c.get(1).and_then(|m| m.as_str().parse::<i32>().ok()) {
                        if (1900..=2100).contains(&y) {
                            after.year = Some(y);
                            after.end = at + c.get(1).map_or(0, |m| m.end());
                            continue;
                        }
                    }
                }
            }
        }
        // "… số 31/2024/QH15 được Quốc hội khóa XV thông qua ngày 18/01/2024": the passive's agent is the
        // issuer when the day it issued the document follows; "được Bộ … hướng dẫn" names no issuer.
        if after.issuer.is_none() && after.date.is_none() {
            if let Some(agent) = lead
                .strip_prefix("da ")
                .unwrap_or(lead)
                .strip_prefix("duoc ")
            {
                let agent_at = at + (rest.len() - agent.len());
                if let Some((hit, len)) = read_issuer(original, folded, agent_at) {
                    if let Some((d, date_len)) = issue_date_after(&folded.text[agent_at + len..]) {
                        after.issuer = Some(hit);
                        after.date = Some(d);
                        after.end = agent_at + len + date_len;
                        break;
                    }
                }
            }
        }
        if after.issuer.is_none() && after.date.is_none() {
            if let Some((hit, date, end)) = dated_bare_issuer(original, folded, at) {
                after.issuer = Some(hit);
                after.date = Some(date);
                after.end = end;
                break;
            }
        }
        if after.issuer.is_none() && !(lead.starts_with("cua ") || lead.starts_with("do ")) {
            break;
        }
        if after.issuer.is_none() {
            // "Nghị định số 15/2021/NĐ-CP (ngày 03.3.2021) của Chính phủ": the aside closes before the issuer.
            let (at, rest) = match closing_paren(&folded.text[from..at], rest) {
                Some(past) => (at + past, &rest[past..]),
                None => (at, rest),
            };
            if let Some(intro) = ISSUER_INTRO.find(rest) {
                if let Some((hit, len)) = read_issuer(original, folded, at + intro.end()) {
                    after.issuer = Some(hit);
                    after.end = at + intro.end() + len;
                    continue;
                }
            }
        }
        break;
    }
    // The aside the date opened closes with the mention: its text is never left with half a bracket.
    if let Some(past) = closing_paren(&folded.text[from..after.end], &folded.text[after.end..]) {
        after.end += past;
    }
    after
}

/// "Nghị quyết số 01/2007/NQ-HĐTP TANDTC ngày 02/10/2007", "Công văn số 15/UBND-VX UBND tỉnh Lai Châu ngày
/// …": the body written right after the number with no "của", read only when the issuing day follows it,
/// so that a name starting the next clause ("… số 12/QĐ-UBND. Sở Tài chính …") is never taken. The issuer,
/// the date and the folded end of the date.
fn dated_bare_issuer(
    original: &str,
    folded: &Folded,
    at: usize,
) -> Option<(IssuerHit, Date, usize)> {
    let rest = &folded.text[at..];
    let start = at + (rest.len() - rest.trim_start_matches(' ').len());
    let first = original[folded.orig_start(start)..].chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let (hit, len) = read_issuer(original, folded, start).or_else(|| {
        // A code alone ("TANDTC"), written in capitals as in a symbol.
        let word = folded.text[start..]
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()?;
        let written = &original[folded.orig_start(start)..folded.orig_end(start + word.len())];
        if written.chars().count() < 3 || written.chars().any(|c| !c.is_uppercase()) {
            return None;
        }
        let code = tables().canonical_code(written)?;
        let row = tables().issuer_of_code(code)?;
        let hit = IssuerHit {
            code: row.code,
            name: row.name.to_string(),
            place: None,
        };
        Some((hit, word.len()))
    })?;
    let tail = &folded.text[start + len..];
    if !tail.trim_start_matches(' ').starts_with("ngay") {
        return None;
    }
    let (date, date_len) = date_after(tail)?;
    Some((hit, date, start + len + date_len))
}

/// How far past the `)` that closes an aside opened in `read` (a date's "(ngày …") `rest` runs, when
/// only spaces stand before it.
fn closing_paren(read: &str, rest: &str) -> Option<usize> {
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    if !rest[spaces..].starts_with(')') {
        return None;
    }
    let open = memchr::memchr_iter(b'(', read.as_bytes()).count();
    let close = memchr::memchr_iter(b')', read.as_bytes()).count();
    (open > close).then_some(spaces + 1)
}

/// The length of Markdown markup right after a reference, which web copies put between it and its date:
/// emphasis closing ("**Thông tư số 12/2020/TT-BTC** ngày …") and a link's target and title
/// ("[Nghị định số 218/2013/NĐ-CP](# \"…\") ngày 26/12/2013"). Zero when there is none.
fn markup_after(rest: &str) -> usize {
    const LINK_MAX: usize = 400;
    let mut at = 0;
    loop {
        let emphasis = rest[at..].len() - rest[at..].trim_start_matches(['*', '_']).len();
        at += emphasis;
        let Some(target) = rest[at..].strip_prefix("](") else {
            break;
        };
        let window =
            &target[..crate::extract::clean::floor_boundary(target, target.len().min(LINK_MAX))];
        // A title in quotes may hold parentheses of its own.
        let close = match window.find('"') {
            Some(q) if !window[..q].contains(')') => {
                window[q + 1..].find("\")").map(|c| q + 1 + c + 2)
            }
            _ => window.find(')').map(|c| c + 1),
        };
        match close.filter(|&c| !window[..c].contains('\n')) {
            Some(c) => at += 2 + c,
            None => break,
        }
    }
    at
}

/// Reads an issuer alias (and its place, for local bodies) at folded index `at`; returns it and the folded length.
pub fn read_issuer(original: &str, folded: &Folded, at: usize) -> Option<(IssuerHit, usize)> {
    let rest = &folded.text[at..];
    // "của Bộ trưởng Bộ Y tế": a minister signs for the ministry, whether or not its row spells the rank.
    const MINISTER: &str = "bo truong ";
    let ministry = rest
        .strip_prefix(MINISTER)
        .and_then(longest_alias)
        .filter(|(_, row)| row.name.starts_with("Bộ "));
    let (skip, (alias, row)) = match ministry {
        Some(found) => (MINISTER.len(), found),
        None => (0, longest_alias(rest)?),
    };
    let mut len = skip + alias.len();
    let mut hit = IssuerHit {
        code: row.code,
        name: row.name.to_string(),
        place: None,
    };
    if let Some((level, place, place_len)) = read_place(original, folded, at + len) {
        hit.name = format!("{} {} {}", row.name, level, place);
        hit.place = Some(place);
        len += place_len;
    } else if tables().is_party_committee(row.code) {
        if let Some((place, place_len)) = read_place_after_level_name(original, folded, at + len) {
            // One row names the committees of provinces and of cities: "Thành ủy Hà Nội" as written.
            let name = if alias.starts_with("thanh") {
                "Thành ủy"
            } else {
                row.name
            };
            hit.name = format!("{name} {place}");
            hit.place = Some(place);
            len += place_len;
        }
    }
    Some((hit, len))
}

/// The longest issuer alias at the start of folded `rest`: a few hash look-ups over its first words, which
/// costs far less than running the alias alternation per mention.
fn longest_alias(rest: &str) -> Option<(&str, &'static crate::data::IssuerRow)> {
    let mut ends = Vec::with_capacity(12);
    let mut stopped = false;
    for (i, c) in rest.char_indices() {
        match c {
            ' ' | '\n' | ',' => {
                if ends.last().is_none_or(|&e| e + 1 != i) {
                    ends.push(i);
                }
            }
            ';' | '.' | '(' | ')' | ':' => {
                ends.push(i);
                stopped = true;
                break;
            }
            _ => continue,
        }
        if ends.len() == 12 {
            stopped = true;
            break;
        }
    }
    if !stopped {
        ends.push(rest.len());
    }
    // Folded whitespace is one character, so a line break read as a space keeps every offset.
    let last = *ends.last()?;
    let flat = rest[..last]
        .contains('\n')
        .then(|| rest[..last].replace('\n', " "));
    ends.iter().rev().find_map(|&e| {
        let key = flat.as_deref().map_or(&rest[..e], |f| &f[..e]);
        tables()
            .issuer_of_exact_alias(key)
            .map(|row| (&rest[..e], row))
    })
}

/// The last `n` bytes of `s` (on a character boundary): end-anchored patterns need no more, and a regex would
/// otherwise scan the whole prefix to find its end.
fn tail(s: &str, n: usize) -> (usize, &str) {
    let mut at = s.len().saturating_sub(n);
    while !s.is_char_boundary(at) {
        at += 1;
    }
    (at, &s[at..])
}

/// Type words (and the generic "văn bản", "công văn") grouped by their last word, longest first.
static TYPE_WORDS_BY_LAST: LazyLock<HashMap<Vec<u8>, Vec<Vec<u8>>>> = LazyLock::new(|| {
    let mut by_last: HashMap<Vec<u8>, Vec<Vec<u8>>> = HashMap::default();
    for word in tables().type_words().chain(["van ban", "cong van"]) {
        let last = word.rsplit(' ').next().unwrap_or(word);
        by_last
            .entry(last.as_bytes().to_vec())
            .or_default()
            .push(word.as_bytes().to_vec());
    }
    for group in by_last.values_mut() {
        group.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        group.dedup();
    }
    by_last
});

fn spaces_before(b: &[u8], mut end: usize) -> usize {
    while end > 0 && matches!(b[end - 1], b' ' | b'\n') {
        end -= 1;
    }
    end
}

/// The type word right before a symbol: its folded start and the doc type (`None` for generic "văn bản").
///
/// Read backwards by hand (the type word, then optionally "số", ":" and "(", within the last 64 bytes): the
/// alternation regex of every type word cost more per symbol than the rest of its prefix checks.
pub fn type_word_before(prefix: &str) -> Option<(usize, Option<DocType>)> {
    let (offset, tail) = tail(prefix, 64);
    let b = tail.as_bytes();
    let mut end = spaces_before(b, b.len());
    if end > 0 && b[end - 1] == b'(' {
        end = spaces_before(b, end - 1);
    }
    if end > 0 && b[end - 1] == b':' {
        end = spaces_before(b, end - 1);
    }
    // "… số": a whole word after at least one space.
    if b[..end].ends_with(b"so") && end >= 3 && matches!(b[end - 3], b' ' | b'\n') {
        end = spaces_before(b, end - 2);
    }
    let last_start = b[..end]
        .iter()
        .rposition(|&c| !is_word_byte(c))
        .map_or(0, |p| p + 1);
    let group = TYPE_WORDS_BY_LAST.get(&b[last_start..end])?;
    // The longest type word ending here that starts a word (the regex's leftmost match).
    let start = group.iter().find_map(|word| {
        let start = end.checked_sub(word.len())?;
        let same = b[start..end]
            .iter()
            .zip(word)
            .all(|(t, w)| t == w || *w == b' ' && *t == b'\n');
        (same && (start == 0 || !is_word_byte(b[start - 1]))).then_some(start)
    })?;
    Some((offset + start, tables().type_of_word(&tail[start..end])))
}

/// Whether folded `text` holds a type word as a whole word ("… của Luật Đất đai số"): another document
/// begins there.
pub fn has_type_word(text: &str) -> bool {
    let b = text.as_bytes();
    let mut end = 0;
    while end < b.len() {
        while end < b.len() && is_word_byte(b[end]) {
            end += 1;
        }
        if end > 0
            && is_word_byte(b[end - 1])
            && type_word_before(&text[..end]).is_some_and(|(_, t)| t.is_some())
        {
            return true;
        }
        end += 1;
    }
    false
}

/// Whether folded `text` opens with a type word ("Nghị định số …", "Luật Đầu tư …"), after spaces: a
/// document is named first.
pub fn opens_with_type_word(text: &str) -> bool {
    let text = text.trim_start();
    // Each end of a word within the first 32 bytes; the type word must start at the first byte.
    let b = text.as_bytes();
    text.char_indices()
        .take_while(|(i, _)| *i <= 32)
        .filter(|(i, _)| *i > 0 && !is_word_byte(b[*i]) && is_word_byte(b[i - 1]))
        .map(|(i, _)| i)
        .chain((text.len() <= 32).then_some(text.len()))
        .any(|end| type_word_before(&text[..end]).is_some_and(|(at, t)| at == 0 && t.is_some()))
}

/// Whether "số" stands right before a symbol.
pub fn so_before(prefix: &str) -> bool {
    super::tail_words::ends_with_so(tail(prefix, 12).1)
}

/// Whether the words before a number make it a form, standard, account or phone number, not a document.
pub fn not_a_document(prefix: &str) -> bool {
    super::tail_words::names_no_document(tail(prefix, 40).1)
}

/// Whether the text between two mentions only joins a list ("A, B", "A và số B").
pub fn is_list_glue(between: &str) -> bool {
    between.len() < 24 && LIST_GLUE.is_match(between)
}

/// The pinpoint ("khoản 2 Điều 5") that ends right before folded index `end`, as written.
pub fn pinpoint_before(original: &str, folded: &Folded, from: usize, end: usize) -> Option<String> {
    let (offset, prefix) = tail(&folded.text[from..end], 80);
    let from = from + offset;
    let m = PINPOINT.find(prefix)?;
    let core = prefix[m.start()..]
        .trim_end()
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')')
        .trim_end();
    let core = core
        .strip_suffix("cua")
        .or_else(|| core.strip_suffix("tai"))
        .or_else(|| core.strip_suffix("theo"))
        .unwrap_or(core)
        .trim_end()
        .trim_end_matches(',');
    let s = folded.orig_start(from + m.start());
    let e = folded.orig_end(from + m.start() + core.len());
    (s < e).then(|| tidy(&original[s..e]))
}

/// How far before its verb of issuing the subject of a sentence may start.
const SUBJECT_REACH: usize = 80;

/// "UBND tỉnh Bình Dương vừa ban hành Quyết định số 11/2017/QĐ-UBND …": the body that is the subject of a
/// verb of issuing right before the mention's type word (folded `clause_start..type_start`), whose name runs
/// up to that verb. Asked only when no issuer phrase follows the mention.
pub fn issuer_before(
    original: &str,
    folded: &Folded,
    clause_start: usize,
    type_start: usize,
) -> Option<IssuerHit> {
    let before = folded.text.get(clause_start..type_start)?;
    let mut subject = super::tail_words::before_issuing_verb(before)?.trim_end();
    // "đã ký ban hành", "vừa ký", "đã chính thức ban hành": the tense and manner words before the verb.
    while let Some(s) = ["ky", "da", "vua", "moi", "chinh thuc"]
        .iter()
        .find_map(|w| {
            subject
                .strip_suffix(w)
                .filter(|s| s.is_empty() || s.ends_with(' '))
        })
    {
        subject = s.trim_end();
    }
    let subject_end = clause_start + subject.len();
    let from = crate::extract::clean::floor_boundary(
        &folded.text,
        subject_end.saturating_sub(SUBJECT_REACH).max(clause_start),
    );
    let text = &folded.text[from..subject_end];
    let starts = std::iter::once(0).chain(text.match_indices(' ').map(|(i, _)| i + 1));
    starts.filter(|&i| i < text.len()).find_map(|i| {
        let (hit, len) = read_issuer(original, folded, from + i)?;
        (from + i + len == subject_end).then_some(hit)
    })
}

/// "Ngày 11/10/2021, Chính phủ ban hành Nghị quyết số …": the date of a sentence whose verb of issuing
/// stands right before the mention (`before_type_word` is the clause text up to the type word).
/// "Ngày 17/04/2009, Thủ tướng Chính phủ đã ban hành Quy chế … kèm theo Quyết định số …": what the issuer
/// has issued is attached to the mention, so the sentence's date is the mention's too.
pub fn sentence_date(before_type_word: &str) -> Option<Date> {
    let issued = super::tail_words::ends_with_issuing_verb(before_type_word);
    let attached = !issued && issued_with_attachment(before_type_word);
    if !issued && !attached {
        return None;
    }
    let last = SENTENCE_DATE.captures_iter(before_type_word).last()?;
    let whole = last.get(0)?;
    if before_type_word.len() - whole.end() > 160 {
        return None;
    }
    // The issuing verb stands after the date, in the same sentence.
    if attached && !issued_with_attachment(&before_type_word[whole.end()..]) {
        return None;
    }
    read_date(&last)
}

/// The clause ends with "kèm theo", and an issuing verb in the done tense governs what is attached ("đã ban
/// hành Quy chế … kèm theo"); "Quy chế ban hành kèm theo" alone is only where the rules come from.
fn issued_with_attachment(before_type_word: &str) -> bool {
    let Some(before) = before_type_word.trim_end().strip_suffix("kem theo") else {
        return false;
    };
    let before = before.trim_end();
    !before.ends_with("ban hanh")
        && [" da ban hanh ", " vua ban hanh ", " da ky ban hanh "]
            .iter()
            .any(|v| before.contains(v))
}

/// One relation phrase found in folded text.
#[derive(Debug, Clone, Copy)]
pub struct Phrase {
    /// Folded start.
    pub start: usize,
    /// Folded end.
    pub end: usize,
    /// Relation it states.
    pub relation: Relation,
    /// Where it stands relative to the mention it governs.
    pub position: PhrasePosition,
}

/// Every relation phrase of a folded window, in order. A window is scanned once and each mention takes the
/// phrases of its own clause with [`phrases_within`].
pub fn phrases(text: &str) -> Vec<Phrase> {
    tables()
        .relation_phrases
        .find_all(text)
        .into_iter()
        .map(|m| Phrase {
            start: m.start,
            end: m.end,
            relation: m.value.0,
            position: m.value.1,
        })
        .collect()
}

/// The phrases of `all` (in order, as [`phrases`] gives them) lying wholly inside folded `from..to`.
pub fn phrases_within(all: &[Phrase], from: usize, to: usize) -> &[Phrase] {
    let first = all.partition_point(|p| p.start < from);
    let last = all.partition_point(|p| p.end <= to).max(first);
    &all[first..last]
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The hand reader finds what the regex it replaces found: the same start and the same doc type.
        #[test]
        fn type_word_before_agrees_with_the_regex_it_replaces(
            parts in proptest::collection::vec(
                proptest::sample::select(&[
                    "nghi dinh", "quyet dinh", "thong tu", "thong tu lien tich", "nghi quyet", "lien tich",
                    "van ban", "cong van", "chi thi", "luat", "bo luat", "so", ":", "(", " ", "\n", "  ", "x",
                    "dinh", "tu", "ke hoach", "12", "-", ")", "dinhso",
                ][..]),
                0..12,
            )
        ) {
            // Folded text never holds two whitespace characters in a row.
            let mut prefix = String::new();
            for c in parts.concat().chars() {
                let space = c == ' ' || c == '\n';
                if space && prefix.ends_with([' ', '\n']) {
                    if c == '\n' {
                        prefix.pop();
                        prefix.push('\n');
                    }
                    continue;
                }
                prefix.push(c);
            }
            let regex = re(&format!(
                r"(?-u:\b)(?:{}|van ban(?-u:\b)|cong van(?-u:\b))(?:\s+so)?\s*:?\s*\(?\s*$",
                crate::data::alternation(tables().type_words())
            ));
            let (offset, t) = tail(&prefix, 64);
            let expected = regex.find(t).map(|m| {
                let word = m
                    .as_str()
                    .trim_end_matches(|c: char| c.is_whitespace() || c == ':' || c == '(');
                let word = word.strip_suffix("so").unwrap_or(word).trim();
                (offset + m.start(), tables().type_of_word(word))
            });
            proptest::prop_assert_eq!(type_word_before(&prefix), expected);
        }
    }
}
