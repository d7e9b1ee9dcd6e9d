//! The citing document's own identity, read from its header block.

use crate::extract::clean::folded_regex as re;
use crate::extract::clean::{fold, tidy, Folded};
use crate::extract::context::{self, Date, IssuerHit};
use crate::extract::find::RawSymbol;
use regex::Regex;
use std::sync::LazyLock;

/// How much of the start of a text may hold the header (web copies put a page title and summary first).
const HEADER_REGION: usize = 12_000;
/// How far around the number line the header block (issuer, date, title word, trích yếu) may reach.
const HEADER_BLOCK: usize = 2_500;

/// The number line's label, at a line start or after the rule under the motto that page copies join to it
/// ("Hạnh phúc --------------- Luật số:").
static NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:^|\n|\||-{3}|_{3})[ |]*(?:(?:bo luat|luat|phap lenh)\s+)?so\s*(:)?\s*$")
});
/// "Số:    /KH-UBND" on the raw text, in any spelling of "Số".
static BLANK_NUMBER_RAW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t|]*[Ss][oOôÔốỐ\x{0300}-\x{036F}]{1,3}[ \t]*:[ \t]*[._…\s]{0,40}[/⁄][ \t]*[A-ZĐa-z]")
        .unwrap_or_else(|e| panic!("blank number pattern: {e}"))
});
static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:^|\n|\|)[ |]*[^\n,|]{2,40},\s*ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
});
static VV: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|\n|\|)[ |]*v/v\s*:?\s*"));

/// What the header says about the document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Header {
    /// Index into the scanned symbols of the header number, when there is one.
    pub symbol: Option<usize>,
    pub date: Option<Date>,
    pub type_title: Option<crate::vocab::DocType>,
    pub official_letter: bool,
    pub issuer: Option<IssuerHit>,
    pub title: Option<String>,
    /// Original byte span of the title word and the trích yếu: verbs there are the document's own acts
    /// ("NGHỊ ĐỊNH QUY ĐỊNH CHI TIẾT … LUẬT …"), not words of another document's title.
    pub title_span: Option<(usize, usize)>,
}

pub(crate) fn read(text: &str, raws: &[RawSymbol]) -> Header {
    let end = {
        let mut e = HEADER_REGION.min(text.len());
        while !text.is_char_boundary(e) {
            e -= 1;
        }
        e
    };
    let mut header = Header::default();
    // The number line is found from tiny folds of each candidate's line, and only the block around it is
    // folded whole: folding the whole header region cost as much as extracting a short document.
    let blank_at = BLANK_NUMBER_RAW.find(&text[..end]).map(|m| m.start());
    for (i, raw) in raws.iter().enumerate().take_while(|(_, r)| r.end <= end) {
        let mut from = raw.start.saturating_sub(100);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let line = Folded::new(text, from, raw.start);
        let Some(c) = NUMBER_LINE.captures(&line.text) else {
            continue;
        };
        // Headers write "Số:"; a lower-case "số" without colon is running text.
        let so_at = line.orig_start(c.get(0).map_or(0, |m| m.end()));
        let so_word = text[..so_at].rfind(['S', 's']).map(|p| &text[p..so_at]);
        let capital = so_word.is_some_and(|w| w.starts_with('S'));
        if c.get(1).is_none() && !capital {
            continue;
        }
        if blank_at.is_some_and(|b| b < raw.start) {
            break;
        }
        header.symbol = Some(i);
        break;
    }
    let Some(number) = header.symbol.map(|i| &raws[i]) else {
        return header;
    };
    let mut from = number.start.saturating_sub(HEADER_BLOCK);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (number.end + HEADER_BLOCK).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let folded = Folded::new(text, from, to);

    let header_end = folded.index_at(number.end);
    let mut date_end = None;
    if let Some(c) = PLACE_DATE.captures(&folded.text) {
        let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        if let (Some(d), Some(m), Some(y)) = (n(1), n(2), n(3)) {
            header.date = Date::new(y as i32, m, d);
        }
        date_end = c.get(0).map(|m| folded.orig_end(m.end()));
    }
    header.official_letter = VV
        .find(&folded.text)
        .is_some_and(|m| m.start() < header_end + 2000);
    if header.official_letter {
        if let Some(m) = VV.find(&folded.text) {
            let (title, end) = title_from(text, &folded, m.end());
            header.title = Some(title);
            header.title_span = Some((folded.orig_start(m.start()), end));
        }
    }
    // The title word stands alone on its line, in capitals: "QUYẾT ĐỊNH", "KẾ HOẠCH".
    let mut pos = 0;
    for line in folded.text.split('\n') {
        let line_start = pos;
        pos += line.len() + 1;
        let word = line.trim_matches(|c: char| c == '|' || c == ' ');
        if word.is_empty() || word.len() > 24 {
            continue;
        }
        let Some(t) = crate::data::tables().type_of_word(word) else {
            continue;
        };
        let orig = &text[folded.orig_start(line_start)..folded.orig_end(line_start + line.len())];
        if orig.chars().any(|c| c.is_lowercase()) {
            continue;
        }
        header.type_title = Some(t);
        if header.title.is_none() {
            let (title, end) = title_from(text, &folded, pos.min(folded.text.len()));
            header.title = Some(title);
            header.title_span = Some((folded.orig_start(line_start), end));
        }
        break;
    }
    header.issuer = issuer(text, &folded, header_end.max(1));
    // Page copies join the header's lines: "Hà Nội, ngày 31 tháng 7 năm 2024 THÔNG TƯ QUY ĐỊNH … Căn cứ
    // Luật …", or the title word and the trích yếu on one line. The title is then the run of capitals
    // that starts with a type word right after the date.
    if header.type_title.is_none() {
        if let Some((t, span, title)) = date_end.and_then(|at| joined_title(text, at)) {
            header.type_title = Some(t);
            if header.title.is_none() {
                let title = match header.issuer.as_ref() {
                    Some(i) => without_trailing_issuer(&title, &i.name),
                    None => title,
                };
                header.title = Some(title);
                header.title_span = Some(span);
            }
        }
    }
    header
}

/// The longest type word (one to four words) a title run can open with: "THÔNG TƯ LIÊN TỊCH".
const TYPE_WORDS_MAX: usize = 4;

/// A capital type word and the capital trích yếu after it, from `at` on (past spaces, line breaks and
/// table bars): the type, the original span of both, and the trích yếu. The run ends before the first
/// word with a lower-case letter (the preamble's "Căn cứ"), at a rule of dashes, or after 600 bytes.
fn joined_title(text: &str, at: usize) -> Option<(crate::vocab::DocType, (usize, usize), String)> {
    let rest = &text[at..];
    let start = at + (rest.len() - rest.trim_start_matches([' ', '\n', '\r', '\t', '|']).len());
    let limit = crate::extract::clean::floor_boundary(text, (start + 600).min(text.len()));
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut pos = start;
    for word in text[start..limit].split_inclusive([' ', '\n', '|', '\t']) {
        let w = word.trim_end_matches([' ', '\n', '|', '\t', '\r']);
        let w_start = pos;
        pos += word.len();
        if w.is_empty() {
            continue;
        }
        if w.chars().any(char::is_lowercase) || w.starts_with("--") || w.starts_with("__") {
            break;
        }
        words.push((w_start, w_start + w.len()));
    }
    // The opening words that name a type, longest first.
    let (type_words, doc_type) = (1..=TYPE_WORDS_MAX.min(words.len())).rev().find_map(|n| {
        let phrase = fold(&text[words[0].0..words[n - 1].1]);
        crate::data::tables().type_of_word(&phrase).map(|t| (n, t))
    })?;
    if words.len() <= type_words {
        return None;
    }
    let title_start = words[type_words].0;
    let end = words[words.len() - 1].1;
    let title = tidy(&text[title_start..end]).trim().to_string();
    Some((doc_type, (start, end), title))
}

/// The trích yếu without the issuer's name that page copies join to its end ("… CỦA DÒNG HỌ HỘI ĐỒNG
/// THẨM PHÁN TÒA ÁN NHÂN DÂN TỐI CAO", the preamble's opening words), unless the title speaks of that
/// body ("… CƠ CẤU TỔ CHỨC CỦA BỘ TÀI CHÍNH").
fn without_trailing_issuer(title: &str, issuer: &str) -> String {
    let (t, i) = (fold(title), fold(issuer));
    let Some(head) = t.strip_suffix(i.as_str()) else {
        return title.to_string();
    };
    let head = head.trim_end();
    let speaks_of = ["cua", "thuoc", "tai", "voi", "va", "cho"]
        .iter()
        .any(|w| head.ends_with(&format!(" {w}")));
    if head.is_empty() || speaks_of {
        return title.to_string();
    }
    // Folding keeps the count of words, so the head's words are the title's first words.
    let keep = head.split_whitespace().count();
    title
        .split_whitespace()
        .take(keep)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The trích yếu: the lines after the title word (or "V/v") up to a blank line or the preamble, and the
/// original offset where it ends.
/// "Điều 20. Hiệu lực thi hành", "Chương II": the heading of an article or chapter, in folded text.
fn is_heading(folded_line: &str) -> bool {
    ["dieu ", "chuong "].iter().any(|h| {
        folded_line.strip_prefix(h).is_some_and(|rest| {
            rest.starts_with(|c: char| c.is_ascii_digit() || matches!(c, 'i' | 'v' | 'x'))
        })
    })
}

fn title_from(text: &str, folded: &Folded, from: usize) -> (String, usize) {
    let rest = &folded.text[from..];
    let mut end = from;
    let mut lines = 0;
    let mut pos = from;
    for line in rest.split('\n') {
        let l = line.trim_matches(|c: char| c == '|' || c == ' ');
        let stop = l.is_empty() && lines > 0
            || PLACE_DATE.is_match(l)
            || l.starts_with("can cu")
            || l.starts_with("kinh gui")
            || l.starts_with("---")
            || l.starts_with("___")
            || (lines > 0 && crate::data::tables().issuer_alias_re.is_match(l) && l.len() < 60)
            // A title never ends with a full stop, and never holds an article or chapter heading: such a line
            // is the body's.
            || (lines > 0 && (l.ends_with('.') || is_heading(l)));
        if stop || lines == 6 {
            break;
        }
        if !l.is_empty() {
            lines += 1;
            end = pos + line.len();
        }
        pos += line.len() + 1;
    }
    let orig_end = folded.orig_end(end);
    let title = tidy(&text[folded.orig_start(from)..orig_end])
        .trim_matches(|c: char| c == '|' || c == ' ')
        .to_string();
    (title, orig_end)
}

/// The issuing body: the last issuer named in the capital-letter block before the number line.
fn issuer(text: &str, folded: &Folded, header_end: usize) -> Option<IssuerHit> {
    let region_end = if header_end > 1 {
        header_end
    } else {
        folded.text.len().min(1500)
    };
    let mut found: Option<IssuerHit> = None;
    let mut parent_place: Option<(String, String)> = None;
    let mut pos = 0;
    for line in folded.text[..region_end].split('\n') {
        let line_start = pos;
        pos += line.len() + 1;
        let lead = line.len() - line.trim_start_matches(['|', ' ']).len();
        let at = line_start + lead;
        let orig = &text[folded.orig_start(at)..folded.orig_end(line_start + line.len())];
        if orig.chars().filter(|c| c.is_lowercase()).count() > 2 {
            continue;
        }
        if fold(orig).starts_with("cong hoa") {
            continue;
        }
        if let Some((hit, _)) = context::read_issuer(text, folded, at) {
            if let Some(place) = &hit.place {
                parent_place = Some((place.clone(), hit.name.clone()));
            }
            found = Some(hit);
        } else if let Some(f) = found.as_mut() {
            // "ỦY BAN NHÂN DÂN" then "TỈNH NAM ĐỊNH" on the next line.
            if f.place.is_none() {
                if let Some((level, place, _)) =
                    context::read_place(text, folded, at.saturating_sub(1))
                {
                    f.name = format!("{} {} {}", f.name, level, place);
                    f.place = Some(place.clone());
                    parent_place = Some((place, f.name.clone()));
                }
            }
        }
    }
    if let (Some(f), Some((place, _))) = (found.as_mut(), parent_place) {
        if f.place.is_none() {
            f.place = Some(place);
        }
    }
    found
}
