//! Places as texts name them: the level word and the proper name after it ("tỉnh Quảng Nam", "TỈNH NAM
//! ĐỊNH"), or a Party committee's place right after its name ("Tỉnh ủy Thanh Hóa").

use crate::data::tables;
use crate::extract::clean::folded_regex as re;
use crate::extract::clean::{tidy, Folded};
use regex::Regex;
use std::sync::LazyLock;

static PLACE_LEVEL: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s+(thanh pho|tp\.?|tinh|thi xa|thi tran|huyen|quan|xa|phuong)\s+"));

/// "tỉnh Quảng Nam", "thành phố Hà Nội", "TỈNH NAM ĐỊNH": the level word and the proper name after it.
pub fn read_place(
    original: &str,
    folded: &Folded,
    at: usize,
) -> Option<(&'static str, String, usize)> {
    let rest = &folded.text[at..];
    let caps = PLACE_LEVEL.captures(rest)?;
    let level = written_level(caps.get(1)?.as_str())?;
    let name_start = at + caps.get(0)?.end();
    let (place, name_end) = place_name_at(original, folded, name_start, false)?;
    // "UỶ BAN NHÂN DÂN TỈNH⏎Căn cứ Luật …": a header's level word in capitals has its place in capitals
    // ("TỈNH⏎QUẢNG NAM"), never the first word of the sentence on the next line. Prose wraps anywhere ("của
    // UBND tỉnh⏎Lào Cai về việc …").
    let level_word = caps.get(1)?;
    if rest[level_word.end()..caps.get(0)?.end()].contains('\n') {
        let written = |from: usize, to: usize| {
            original
                .get(folded.orig_start(at + from)..folded.orig_end(at + to))
                .unwrap_or_default()
        };
        let capitals = |s: &str| !s.chars().any(char::is_lowercase);
        if capitals(written(level_word.start(), level_word.end()))
            && !capitals(written(caps.get(0)?.end(), name_end - at))
        {
            return None;
        }
    }
    Some((level, place, name_end - at))
}

/// An administrative level word as written ("tỉnh", "thành phố"), from its folded form ("tinh", "tp.").
pub fn written_level(folded: &str) -> Option<&'static str> {
    Some(match folded.trim_end_matches('.') {
        "thanh pho" | "tp" => "thành phố",
        "tinh" => "tỉnh",
        "thi xa" => "thị xã",
        "thi tran" => "thị trấn",
        "huyen" => "huyện",
        "quan" => "quận",
        "xa" => "xã",
        "phuong" => "phường",
        _ => return None,
    })
}

/// "TỈNH ỦY THANH HÓA", "Huyện ủy Mường Lát": a Party committee's name says its level, and its place follows
/// with no level word. Read only where the first word is no title's ("Tỉnh ủy Ban hành …" names no place).
pub fn read_place_after_level_name(
    original: &str,
    folded: &Folded,
    at: usize,
) -> Option<(String, usize)> {
    let rest = &folded.text[at..];
    let gap = rest.len() - rest.trim_start_matches(' ').len();
    if gap == 0 {
        return None;
    }
    let (place, name_end) = place_name_at(original, folded, at + gap, true)?;
    Some((place, name_end - at))
}

/// The proper name of a place that starts at folded `name_start`: up to four capitalised words on one line.
/// Returns the tidied name and its folded end.
fn place_name_at(
    original: &str,
    folded: &Folded,
    name_start: usize,
    first_may_be_title: bool,
) -> Option<(String, usize)> {
    let mut name_end = name_start;
    let mut pos = name_start;
    let mut words = 0;
    for word in folded.text[name_start..].split(' ') {
        // A line break ends the name: "TỈNH QUẢNG NAM\n-------".
        let (word, line_ends) = match word.find('\n') {
            Some(nl) => (&word[..nl], true),
            None => (word, false),
        };
        let clean = word.trim_end_matches([',', ';', '.', ')', ':']);
        // "Bà Rịa - Vũng Tàu", "Thừa Thiên - Huế": a dash between two capitalised parts of one name.
        if words > 0 && !line_ends && matches!(clean, "-" | "–") && clean.len() == word.len() {
            let next = folded.orig_start((pos + word.len() + 1).min(folded.text.len()));
            if original[next..].starts_with(char::is_uppercase) {
                pos += word.len() + 1;
                continue;
            }
        }
        let first = original[folded.orig_start(pos)..].chars().next();
        let proper = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let wordlike = !clean.is_empty()
            && !clean.contains('\n')
            && clean.chars().all(|c| c.is_alphanumeric() || c == '-');
        // Titles in title case follow the place directly ("UBND tỉnh Lào Cai Ban hành Quy chế …").
        let title_word =
            (words > 0 || first_may_be_title) && TITLE_VERB_FOLDS.contains(&clean) && {
                let span = &original[folded.orig_start(pos)..folded.orig_end(pos + clean.len())];
                TITLE_VERBS.contains(&tidy(span).to_lowercase().as_str())
            };
        if !proper || !wordlike || words == 4 || title_word {
            break;
        }
        words += 1;
        name_end = pos + clean.len();
        if line_ends && words == 1 && clean.len() == word.len() {
            if let Some(end) = wrapped_second_word(original, folded, name_end) {
                name_end = end;
            }
        }
        if clean.len() != word.len() || line_ends {
            break;
        }
        pos += word.len() + 1;
    }
    if words == 0 {
        return None;
    }
    let raw = &original[folded.orig_start(name_start)..folded.orig_end(name_end)];
    Some((place_name(raw), name_end))
}

/// "… của Ban Thường vụ Tỉnh ủy Lào⏎Cai thực hiện …": a place's name of one word at a line's end goes on
/// with the next line's first word when that word is capitalised and prose follows it on its line (the
/// names of provinces have two words or more). A clause of its own on the next line ("Căn cứ …", "Quyết
/// định …", a title verb) is no part of the place. Returns the folded end of that word.
fn wrapped_second_word(original: &str, folded: &Folded, line_end: usize) -> Option<usize> {
    let next_line = folded.text.get(line_end + 1..)?;
    let at = line_end + 1 + (next_line.len() - next_line.trim_start_matches(' ').len());
    let rest = &folded.text[at..];
    let word_len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    let word = &rest[..word_len];
    let capital = original[folded.orig_start(at)..].starts_with(char::is_uppercase);
    let prose_after = rest[word_len..].strip_prefix(' ').is_some_and(|r| {
        original[folded.orig_start(at + word_len + 1)..].starts_with(char::is_lowercase)
            && !r.is_empty()
    }) || rest[word_len..].starts_with([',', ';', '.', ')']);
    let opens_clause = TITLE_VERB_FOLDS.contains(&word)
        || matches!(word, "can" | "theo" | "xet" | "thuc" | "trien" | "ve")
        || tables().leading_type_word(word).is_some();
    (word_len > 0 && capital && prose_after && !opens_clause).then_some(at + word_len)
}

/// First words of titles that may follow a place name in title case ("UBND tỉnh Lào Cai Ban hành Quy chế"),
/// compared with diacritics: "Ban" starts a title where "Bản" (Vụ Bản) is part of a place.
const TITLE_VERBS: &[&str] = &[
    "ban", "sửa", "về", "phê", "hướng", "thực", "thay", "kiểm", "triển", "tăng", "tiếp", "điều",
    "bãi", "công", "quy", "v/v",
    // The national motto beside the issuer in a two-column header flattened to one line.
    "cộng", "độc",
];

/// [`TITLE_VERBS`] folded, to check the written form only when it may matter.
const TITLE_VERB_FOLDS: &[&str] = &[
    "ban", "sua", "ve", "phe", "huong", "thuc", "thay", "kiem", "trien", "tang", "tiep", "dieu",
    "bai", "cong", "quy", "v/v", "doc",
];

/// The date line's place ("Tuyên Quang, ngày …"), when it is a proper name of one to four words and
/// nothing else: no number, no symbol, no lower-case word.
pub fn date_line_place(raw: &str) -> Option<String> {
    let words: Vec<&str> = raw.split_whitespace().collect();
    let proper = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
    };
    ((1..=4).contains(&words.len()) && words.iter().all(proper)).then(|| place_name(raw))
}

/// A place name in one spelling: headers write it in capitals ("NAM ĐỊNH"), prose in title case.
fn place_name(raw: &str) -> String {
    let tidy = tidy(raw);
    if tidy.chars().any(|c| c.is_lowercase()) {
        return tidy;
    }
    tidy.split(' ')
        .map(|w| {
            let lower = w.to_lowercase();
            let mut cs = lower.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().chain(cs).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}
