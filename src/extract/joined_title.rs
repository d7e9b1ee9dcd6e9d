//! The title of a header that a page copy joined to the lines around it: "Hà Nội, ngày … THÔNG TƯ QUY ĐỊNH …
//! Căn cứ …", "THÔNG TƯ Hướng dẫn … Căn cứ …".

use crate::extract::clean::{fold, tidy};

/// The longest type word (one to four words) a title run can open with: "THÔNG TƯ LIÊN TỊCH".
const TYPE_WORDS_MAX: usize = 4;

/// A capital type word and the capital trích yếu after it, from `at` on (past spaces, line breaks and
/// table bars): the type, the original span of both, and the trích yếu. The run ends before the first
/// word with a lower-case letter (the preamble's "Căn cứ"), at a rule of dashes, or after 600 bytes.
pub(crate) fn joined_title(
    text: &str,
    at: usize,
) -> Option<(crate::vocab::DocType, (usize, usize), String)> {
    let rest = &text[at..];
    let start = at + (rest.len() - rest.trim_start_matches([' ', '\n', '\r', '\t', '|']).len());
    // Database copies put editorial notes in brackets inside the run ("NGHỊ ĐỊNH [Nghị định này được
    // hướng dẫn bởi …] CỦA CHÍNH PHỦ …"): they are skipped and do not count against the run's length.
    let limit = crate::extract::clean::floor_boundary(text, (start + 4000).min(text.len()));
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut pos = start;
    let mut in_note = false;
    let mut run_bytes = 0;
    for word in text[start..limit].split_inclusive([' ', '\n', '|', '\t']) {
        let w = word.trim_end_matches([' ', '\n', '|', '\t', '\r']);
        let w_start = pos;
        pos += word.len();
        if w.is_empty() {
            continue;
        }
        if in_note || w.starts_with('[') {
            in_note = !w.contains(']');
            continue;
        }
        run_bytes += word.len();
        if run_bytes > 600
            || w.chars().any(char::is_lowercase)
            || w.starts_with("--")
            || w.starts_with("__")
        {
            break;
        }
        words.push((w_start, w_start + w.len()));
    }
    // The opening words that name a type, longest first.
    let (type_words, doc_type) = (1..=TYPE_WORDS_MAX.min(words.len())).rev().find_map(|n| {
        let phrase = fold(&text[words[0].0..words[n - 1].1]);
        crate::data::tables().type_of_word(&phrase).map(|t| (n, t))
    })?;
    if words.len() == type_words {
        return sentence_case_title(text, words[type_words - 1].1, limit)
            .map(|(end, title)| (doc_type, (start, end), title));
    }
    if words.len() < type_words {
        return None;
    }
    let end = words[words.len() - 1].1;
    let title = words[type_words..]
        .iter()
        .map(|&(from, to)| tidy(&text[from..to]))
        .collect::<Vec<_>>()
        .join(" ");
    Some((doc_type, (start, end), title))
}

/// "THÔNG TƯ Hướng dẫn quản lý phí thẩm định Căn cứ …": a trích yếu in sentence case after the capital type
/// word on one line, from `at`. It ends at the line's end or where the preamble opens, and must start with a
/// capital: the original end and the trích yếu.
fn sentence_case_title(text: &str, at: usize, limit: usize) -> Option<(usize, String)> {
    let rest = &text[at..limit];
    let lead = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let from = at + lead;
    let line_end = memchr::memchr(b'\n', &text.as_bytes()[from..limit]).map_or(limit, |p| from + p);
    let line = &text[from..line_end];
    let mut words = line.split(' ');
    let first = words.next()?;
    let mut letters = first.chars();
    if !letters.next().is_some_and(char::is_uppercase) || !letters.all(char::is_lowercase) {
        return None;
    }
    const OPENINGS: [&str; 7] = [
        " Căn cứ",
        " Theo đề nghị",
        " Xét đề nghị",
        " Thực hiện",
        " Kính gửi",
        " Điều 1",
        " Độc lập",
    ];
    let end = OPENINGS
        .iter()
        .filter_map(|o| line.find(o))
        .min()
        .unwrap_or(line.len());
    let kept = line[..end].trim_end_matches([' ', '\r', '|']);
    let title = tidy(kept);
    (kept.len() > first.len() && kept.len() <= 600).then(|| (from + kept.len(), title.to_string()))
}
