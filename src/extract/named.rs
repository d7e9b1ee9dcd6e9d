//! References by name only: "Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015", "Hiến pháp năm 2013".
//!
//! Căn cứ lines cite laws and ordinances by name and date by rule (Nghị định 30/2020/NĐ-CP, Phụ lục I), so
//! these are as much references as numbered ones; they are kept apart because their identity is (name, date).

use crate::data::tables;
use crate::extract::clean::{ceil_boundary, floor_boundary};
use crate::extract::clean::{fold, folded_regex, is_space, tidy, Folded};
use crate::extract::context;
use crate::model::Named;
use crate::vocab::DocType;
use regex::Regex;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

const WINDOW: usize = 260;

/// Literal spellings of the named-type words (NFC, NFD, capitals, no diacritics) so the raw text can be scanned
/// without normalizing it.
/// The automaton of every written form of the named types' words, with the type each pattern folds to: a
/// match's type is the type of the pattern it matched, worked out once here rather than folded per match.
static ANCHOR: LazyLock<(aho_corasick::AhoCorasick, Vec<Option<DocType>>)> = LazyLock::new(|| {
    let mut variants: Vec<String> = Vec::new();
    for row in tables().doc_types.iter().filter(|r| r.doc_type.is_named()) {
        for word in &row.words {
            let upper = word.to_uppercase();
            let ascii = ascii_fold_keep_case(word);
            for v in [
                word.to_string(),
                upper.clone(),
                ascii.clone(),
                ascii.to_uppercase(),
            ] {
                variants.push(v.nfc().collect());
                variants.push(v.nfd().collect());
            }
        }
    }
    variants.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    variants.dedup();
    // Literal words only: an automaton of them is built in a fraction of an alternation regex's compile.
    let automaton = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(&variants)
        .unwrap_or_else(|e| panic!("named anchors: {e}"));
    let types = variants
        .iter()
        .map(|v| tables().type_of_word(&fold(v)))
        .collect();
    (automaton, types)
});

fn ascii_fold_keep_case(s: &str) -> String {
    s.nfd()
        .filter(|c| !matches!(c, '\u{0300}'..='\u{036F}'))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}

static NAME_END: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"^(?:ngay\s*\d|nam\s+\d{4}|so\s*:?\s*\d+\s*[/-]|hien hanh|nay(?:$|[^a-z])|duoc\s|co hieu luc|het hieu luc|quy dinh\s|theo\s|voi\s)",
    )
});
/// Function words that never stand inside the name of a law once it has begun: "Luật Hải quan về thủ tục
/// hải quan", "Luật Đất đai khi …", "Luật Doanh nghiệp và các văn bản hướng dẫn". ("và" alone may: "Luật
/// Bảo vệ và phát triển rừng".) Compared as written, since folding merges "từ" with "tử" (Luật Giao dịch
/// điện tử) and "mà" with "ma" (Luật Phòng, chống ma túy).
const NAME_STOP: &[&str] = &[
    "về",
    "khi",
    "đối với",
    "trong",
    "nhưng",
    "mà",
    "hoặc",
    "cũng",
    "của",
    "sẽ",
    "đang",
    "phải",
    "như",
    "từ",
    "đến",
    "kể từ",
    "và các",
    "và những",
    "và văn bản",
    "và hướng dẫn",
    "và nghị định",
    "và thông tư",
    "và quyết định",
    "và pháp luật",
    "và quy định",
    "và điều",
    "và khoản",
    "và điểm",
    "và trường hợp",
    "và không",
    "có",
    "nếu",
    "nêu",
    "bao gồm",
    "trừ",
    // Folding would merge these with words of names: "bị" with "Bảo vệ bí mật", "tại" with "Tài nguyên",
    // "để" with "Đê điều", "đã" with "Đa dạng sinh học", "thì" with "Thi đua".
    "bị",
    "đã",
    "là",
    "thì",
    "để",
    "tại",
    "cho",
    "ban hành",
    // "Luật Tố cáo do Văn phòng Quốc hội hợp nhất": "do" is "by" ("đô" of Luật Thủ đô is another word as written).
    "do",
    "và sửa đổi",
    // "… dự án Luật Thanh niên (sửa đổi) vào Chương trình lập pháp": where a draft law is put.
    "vào",
];

/// [`NAME_STOP`] folded, as folded text spells it, by folded first word: only a word that folds to one of
/// these keys is compared as written, and only with the stops it can begin.
static NAME_STOP_FOLDED: LazyLock<rustc_hash::FxHashMap<String, Vec<String>>> =
    LazyLock::new(|| {
        let mut by_first = rustc_hash::FxHashMap::<String, Vec<String>>::default();
        for stop in NAME_STOP {
            let folded = fold(stop);
            let first = folded.split(' ').next().unwrap_or_default().to_string();
            by_first.entry(first).or_default().push(folded);
        }
        by_first
    });

/// Whether a word of [`NAME_STOP`] starts the original text at folded index `at`, where the folded word `w`
/// stands. An amending law's name goes on through "của": "Luật sửa đổi, bổ sung một số điều của Luật …".
fn stops_name(text: &str, folded: &Folded, at: usize, w: &str, amending: bool) -> bool {
    let Some(stops) = NAME_STOP_FOLDED.get(w) else {
        return false;
    };
    if amending && w == "cua" {
        return false;
    }
    // Most words that fold like a stop start none as written either: the folded stops rule them out
    // without tidying the written words.
    let rest = &folded.text.as_bytes()[at..];
    let folds_like_a_stop = stops.iter().any(|stop| {
        rest.len() >= stop.len()
            && rest
                .iter()
                .zip(stop.as_bytes())
                .all(|(&r, &s)| r == s || r == b'\n' && s == b' ')
            && !rest
                .get(stop.len())
                .is_some_and(|b| b.is_ascii_alphanumeric())
    });
    if !folds_like_a_stop {
        return false;
    }
    let from = folded.orig_start(at);
    let written =
        tidy(&text[from..floor_boundary(text, (from + 40).min(text.len()))]).to_lowercase();
    NAME_STOP.iter().any(|stop| {
        written.starts_with(stop)
            && !written[stop.len()..]
                .starts_with(|c: char| c.is_alphanumeric() || matches!(c, '\u{0300}'..='\u{036F}'))
    })
}

/// The longest law name of the national listings has about a dozen words; a longer run is a sentence. An
/// amending law's name holds the names of the laws it amends, and may run three times as long.
const MAX_NAME_WORDS: usize = 16;

static AFTER_COMMA_STOP: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"^(?:cac|nhung|cung|theo|tai|thi|trong|dong thoi|va|hoac|neu|do|nhu|nghi|thong|quyet|chi|luat|bo|phap|hien|ngay|nam|so)(?:$|[^a-z])",
    )
});

fn word_is_capitalized(text: &str, folded: &Folded, at: usize) -> bool {
    text[folded.orig_start(at)..]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Where a type word of a named reference ("Luật", "Hiến pháp", "Bộ luật", "Pháp lệnh") stands.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Anchor {
    pub start: usize,
    pub end: usize,
    /// The type its word names ("Bộ luật" a code, "Luật" a law).
    pub doc_type: DocType,
}

impl Anchor {
    /// The window of text a named reference at this anchor is read from.
    pub fn window(&self, text: &str) -> (usize, usize) {
        (
            floor_boundary(text, self.start.saturating_sub(BEFORE_CLAUSE)),
            ceil_boundary(text, (self.end + WINDOW).min(text.len())),
        )
    }
}

/// Every type word in `text` that may start a named reference, in order.
pub(crate) fn anchors(text: &str) -> Vec<Anchor> {
    let (automaton, types) = &*ANCHOR;
    automaton
        .find_iter(text)
        .filter(|m| boundary_before(text, m.start()) && boundary_after(text, m.end()))
        .filter_map(|m| {
            let doc_type = types[m.pattern().as_usize()]?;
            (doc_type == DocType::Constitution || may_start_name(text, m.end())).then_some(Anchor {
                start: m.start(),
                end: m.end(),
                doc_type,
            })
        })
        .collect()
}

fn boundary_before(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric())
}

fn boundary_after(text: &str, at: usize) -> bool {
    !text[at..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '\u{0300}'..='\u{036F}'))
}

/// Whether the word after a type word can begin a name: a capital or a digit ("Luật Đất đai", "Luật 2013"), or
/// a lower-case word that is not a common noun ("Luật sửa đổi, bổ sung …", "Bộ luật dân sự"). Most type
/// words in running text ("theo quy định của pháp luật") fail this on the raw bytes, before any folding.
fn may_start_name(text: &str, anchor_end: usize) -> bool {
    let first = text[anchor_end..]
        .chars()
        .find(|&c| !(c.is_whitespace() || is_space(c) || c == '_' || c == '\u{AD}'));
    let Some(first) = first else {
        return false;
    };
    if first.is_uppercase() || first.is_ascii_digit() {
        return true;
    }
    // A lower-case first word that makes a common noun or refers back ("Luật này", "Luật sư") is turned away
    // here, before any folding: "Luật này" alone is one of the commonest phrases of a law's own text.
    let rest = text[anchor_end..]
        .trim_start_matches(|c: char| c.is_whitespace() || is_space(c) || c == '_');
    let word_end = rest
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '\u{0300}'..='\u{036F}')))
        .unwrap_or(rest.len());
    let word: String = rest[..word_end].nfc().collect();
    first.is_alphanumeric() && !NOT_A_NAME_WRITTEN.contains(&word.as_str())
}

/// First words after a capital type word that make a common noun or refer back, not a name: "Luật sư",
/// "Luật gia", "Luật học", "Luật này", "Luật định", "Hiến pháp và pháp luật". As written, for the check on
/// the raw bytes before any folding.
const NOT_A_NAME_WRITTEN: &[&str] = &[
    "sư", "gia", "học", "này", "định", "lệ", "khoa", "và", "do", "của", "thì", "là", "mới", "nào",
    "trên", "về", "không", "chỉ", "nước", "với", "pháp",
];

/// [`NOT_A_NAME_WRITTEN`] folded, for the check on a name's folded words.
static NOT_A_NAME_START: LazyLock<Vec<String>> =
    LazyLock::new(|| NOT_A_NAME_WRITTEN.iter().map(|w| fold(w)).collect());

/// Whether the type word at `at` stands inside a sentence, where a capital marks a name ("theo Bộ luật dân
/// sự"), rather than at its start, where every word has one ("Luật sư phải …").
fn inside_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t', '\u{a0}']);
    before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == ',')
}

/// Reads the named reference at `anchor` from `folded`, a fold of a span of `text` holding the anchor's
/// window, which lies at folded `lo..hi`; nothing outside the window is looked at but the date and issuer
/// after the name.
pub(crate) fn read_named(
    anchor: &Anchor,
    window: &crate::extract::window::Window,
    earlier: &[crate::extract::relation::Earlier],
) -> Option<Named> {
    let (text, folded, lo, hi) = (window.original, window.folded, window.floor, window.ceiling);
    let (anchor_start, anchor_end, doc_type) = (anchor.start, anchor.end, anchor.doc_type);
    let fa = folded.index_at(anchor_start);
    let fae = folded.index_at(anchor_end);
    let scope = window;
    let window = &folded.text[..hi];
    if doc_type == DocType::Law && window[lo..fa].trim_end().ends_with("bo") {
        return None; // "Bộ luật" is read from its own anchor.
    }
    let NameWords {
        end: mut name_end,
        mut words,
        amending,
        lower,
    } = name_words(text, folded, window, fae, doc_type)?;
    // "Luật Đất đai 31/2024/QH15": the number is the law's symbol, read as a numbered citation.
    if window[name_end..].starts_with('/')
        && window[fae..name_end]
            .rsplit(' ')
            .next()
            .is_some_and(|last| !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    // "Luật Hải quan 2014", the databases' way to write a law's year: the year is not a word of the name.
    let mut bare_year = None;
    let mut year_end = None;
    if let Some((head, last)) = window[fae..name_end].rsplit_once(' ') {
        let year = (last.len() == 4)
            .then(|| last.parse::<i32>().ok())
            .flatten();
        if let Some(y) = year.filter(|y| (1945..=2100).contains(y)) {
            if words > 1 {
                bare_year = Some(y);
                year_end = Some(name_end);
                name_end = fae + head.trim_end().len();
                words -= 1;
            }
        }
    }
    if words == 0 && doc_type != DocType::Constitution || !amending && words >= MAX_NAME_WORDS {
        return None;
    }
    // A name written in lower case ("Bộ luật dân sự", "Luật tổ chức Chính phủ") is taken inside a sentence
    // or with its date or year; its first word must not make a common noun.
    if lower {
        let first = window[fae..name_end]
            .split_whitespace()
            .next()
            .unwrap_or("");
        let dated = bare_year.is_some() || NAME_END_DATED.is_match(window[name_end..].trim_start());
        // With its date right after it, a longer run is a name too: "Luật tổ chức Hội đồng nhân dân và Ủy
        // ban nhân dân ngày 26/11/2003" has ten words.
        let longest = if dated {
            MAX_NAME_WORDS
        } else {
            MAX_LOWER_NAME_WORDS
        };
        if NOT_A_NAME_START.iter().any(|w| w == first) || words > longest {
            return None;
        }
        if !(dated || inside_sentence(text, anchor_start)) {
            return None;
        }
    }
    // A law of the table whose name goes on past a stop word ("Luật Người lao động Việt Nam đi làm việc ở
    // nước ngoài theo hợp đồng") is read to the end of that name.
    if let Some(longer) = table_name_at(window, fa, name_end) {
        name_end = longer;
    } else if let Some(longer) = dated_basis_name_at(window, fa, name_end, words) {
        name_end = longer;
    }
    // A number right after the name makes it a numbered citation, not a named one.
    let tail = window[name_end..].trim_start();
    if tail.starts_with("so")
        && tail[2..]
            .trim_start_matches([' ', ':'])
            .starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    // The mention is written to the year ("Luật Đất đai 2013 hết hiệu lực khi …"), which the name leaves out.
    let read_from = year_end.filter(|&e| e > name_end).unwrap_or(name_end);
    let after = context::read_after(text, folded, read_from);
    let year = after.date.map(|d| d.year).or(after.year).or(bare_year);
    let end_f = after.end.max(read_from);
    let start = anchor_start;
    let mut end = folded.orig_end(end_f);
    while end > start && text[..end].ends_with(|c: char| c.is_whitespace() || c == ',') {
        end = text[..end]
            .char_indices()
            .next_back()
            .map_or(start, |(i, _)| i);
    }
    let name_orig_end = folded.orig_end(name_end);
    let name = tidy(&text[start..name_orig_end]);
    let cstart = crate::extract::window::clause_start(text, folded, fa, lo).max(lo);
    let (relation, _) =
        crate::extract::relation::relation_of(scope, cstart, fa, end_f, earlier, false);
    let pinpoint = context::pinpoint_before(text, folded, cstart, fa);
    Some(Named {
        start,
        end,
        text: text[start..end].to_string(),
        name,
        doc_type,
        date: after.date.map(|d| d.iso()),
        year,
        relation,
        pinpoint,
        // Resolved once the whole input is read (`lineage`).
        id: String::new(),
        symbol: None,
        partial: None,
        doubtful: false,
        also: Vec::new(),
    })
}

/// Where a name ends and what it is made of.
struct NameWords {
    /// Folded end of its last word.
    end: usize,
    /// How many words it has.
    words: usize,
    /// It names an amending law ("Luật sửa đổi, bổ sung …"), whose name runs on through the names it holds.
    amending: bool,
    /// Its first word is in lower case.
    lower: bool,
}

/// A name in lower case without its date is a short one: the longest law names written so have about eight
/// words.
const MAX_LOWER_NAME_WORDS: usize = 9;

/// What dates a name: "ngày 24 tháng 11 năm 2015", "năm 2013", "số 80/2015/QH13". A number is a symbol's,
/// with its slash or dash: "Luật Công nghiệp công nghệ số 2025" is the digital-technology law of 2025.
static NAME_END_DATED: LazyLock<Regex> =
    LazyLock::new(|| folded_regex(r"^(?:ngay\s*\d|nam\s+\d{4}|so\s*:?\s*\d+\s*[/-])"));

/// The words of a name after its type word, which ends at folded `from` of `window`: up to its date, its
/// number, or the end of the phrase. `None` when its first word cannot start a name (lower case, but for a
/// constitution or an amending law).
fn name_words(
    text: &str,
    folded: &Folded,
    window: &str,
    from: usize,
    doc_type: DocType,
) -> Option<NameWords> {
    let bytes = window.as_bytes();
    let mut pos = from;
    let mut name_end = from;
    let mut words = 0;
    let mut amending = false;
    let mut lower = false;
    let mut joined = false;
    // A name never ends with "và": "Luật Kế toán và có phần mềm …" names "Luật Kế toán".
    let mut last_joins = false;
    let mut before_join = (from, 0);
    let mut first_word = "";
    while pos < bytes.len() && words < MAX_NAME_WORDS * if amending { 3 } else { 1 } {
        let rest = &window[pos..];
        let skipped = rest.len() - rest.trim_start_matches(' ').len();
        if rest[skipped..].starts_with('\n') {
            // A line break ends the name unless the sentence plainly runs on: in lower case, or after a
            // word that needs what follows ("… một số điều của / Luật Tổ chức Chính phủ").
            let next = pos + skipped + 1;
            let runs_on = next < bytes.len()
                && (window[next..].starts_with(|c: char| c.is_ascii_lowercase())
                    && !word_is_capitalized(text, folded, next)
                    || words > 0
                        && crate::extract::window::ends_on_joining_word(
                            &text[..folded.orig_start(pos + skipped).min(text.len())],
                        ));
            if !runs_on {
                break;
            }
            pos = next;
            continue;
        }
        let at = pos + skipped;
        let rest = &window[at..];
        if let Some(term) = NAME_TERMS
            .iter()
            .find(|t| words > 0 && starts_with_word(rest, t))
        {
            words += term.split(' ').count();
            pos = at + term.len();
            name_end = pos;
            last_joins = false;
            continue;
        }
        if rest.is_empty()
            || NAME_END.is_match(rest) && !is_country_before_year(text, folded, window, at)
        {
            break;
        }
        let w_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '&'))
            .unwrap_or(rest.len());
        // A name never starts with one either ("LUẬT CỦA ĐƠN VỊ …"); "Ban hành" may start one ("Luật Ban
        // hành văn bản quy phạm pháp luật").
        let w_here = &rest[..w_len];
        // "Luật sửa đổi, bổ sung một số điều của các Luật về thuế", "… của các luật (có) liên quan đến quy
        // hoạch": the laws it amends are named by their matter.
        let amended_matter = amending
            && (w_here == "ve" && window[..at].ends_with("cac luat ")
                || w_here == "den" && window[..at].ends_with("lien quan ")
                || w_here == "co" && rest.starts_with("co lien quan den "));
        if w_len > 0
            && (words > 0 || w_here != "ban")
            && !amended_matter
            && stops_name(text, folded, at, w_here, amending)
        {
            // Right after the type word, even a constitution's ("Hiến pháp và pháp luật"): no name.
            if words == 0 {
                return None;
            }
            break;
        }
        if w_len == 0 {
            // Punctuation: a comma may sit inside a name ("Luật Quản lý, sử dụng vũ khí").
            // Not in a name written in lower case, whose words cannot tell a list from a name.
            if rest.starts_with(',') && words > 0 && !lower {
                let after = rest[1..].trim_start_matches(' ');
                let next_at = at + 1 + (rest.len() - 1 - after.len());
                if after.starts_with(|c: char| c.is_ascii_lowercase())
                    && (!word_is_capitalized(text, folded, next_at)
                        || super::clean::comma_in_capitals(text, folded.orig_start(at)))
                    && (!AFTER_COMMA_STOP.is_match(after)
                        || amending && after.starts_with("bo sung"))
                {
                    pos = at + 1;
                    continue;
                }
            }
            break;
        }
        let w = &rest[..w_len];
        if words == 0 {
            first_word = w;
            let capital = word_is_capitalized(text, folded, at);
            amending = w == "sua";
            lower = !capital && !amending && doc_type != DocType::Constitution;
        }
        // A name holds one "và" at most ("Luật Bảo vệ và phát triển rừng"); a second joins it to other words.
        let next = rest[w_len..].trim_start();
        let another_name = [
            "luat",
            "bo luat",
            "phap lenh",
            "hien phap",
            "nghi dinh",
            "nghi quyet",
        ]
        .iter()
        .any(|t| next.starts_with(t));
        // Nor does it join its own first word again: "Luật Doanh nghiệp và doanh nghiệp nhà nước" is a list.
        let repeats_first = next.split(|c: char| !c.is_alphanumeric()).next() == Some(first_word);
        if w == "va" && !amending && (another_name || joined || repeats_first) {
            break;
        }
        joined |= w == "va";
        if w == "va" {
            before_join = (name_end, words);
        }
        last_joins = w == "va";
        words += 1;
        pos = at + w_len;
        name_end = pos;
        // A year closes the name ("Luật Hải quan 2014 và …").
        if words > 1 && w.len() == 4 && w.parse::<i32>().is_ok_and(|y| (1945..=2100).contains(&y)) {
            break;
        }
    }
    if last_joins {
        (name_end, words) = before_join;
    }
    Some(NameWords {
        end: name_end,
        words,
        amending,
        lower,
    })
}

/// Terms of names, folded and longest first, that hold words which elsewhere end a name ("có", "với"):
/// "Pháp lệnh Ưu đãi người có công với cách mạng".
const NAME_TERMS: [&str; 2] = ["co cong voi cach mang", "co cong"];

/// Whether folded `rest` starts with the words of `term`, ending at a word boundary.
fn starts_with_word(rest: &str, term: &str) -> bool {
    rest.strip_prefix(term)
        .is_some_and(|after| !after.starts_with(|c: char| c.is_ascii_alphanumeric()))
}

/// "Việt Nam 2008" folds to the words of "năm 2008" ("in 2008"), which end a name: "Luật Quốc tịch Việt Nam
/// 2008" names the country, written with a capital and without the breve.
fn is_country_before_year(text: &str, folded: &Folded, window: &str, at: usize) -> bool {
    window[..at].trim_end().ends_with("viet")
        && text[folded.orig_start(at)..].starts_with(['N'])
        && !text[folded.orig_start(at)..].starts_with("NĂM")
}

const BEFORE_CLAUSE: usize = 200;

/// Folded names of `data/laws.tsv`, longest first.
static TABLE_NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut names: Vec<String> = crate::data::laws()
        .iter()
        .map(|r| {
            fold(r.name)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    names.dedup();
    names
});

/// How far past a stop word a basis item's name may run to its date, and by how many words it may pass
/// [`MAX_NAME_WORDS`] there.
const DATED_NAME_REACH: usize = 80;
const DATED_NAME_EXTRA_WORDS: usize = 2;

/// "Căn cứ Luật Quản lý sử dụng vốn nhà nước đầu tư vào sản xuất kinh doanh tại doanh nghiệp ngày 26 tháng 11
/// năm 2014;": an item of the basis list is a name and its date, so a name that stopped at a word such as
/// "tại" runs on to the date when only lower-case words stand between (no punctuation, number or type word).
fn dated_basis_name_at(window: &str, start: usize, name_end: usize, words: usize) -> Option<usize> {
    if !window.get(..start)?.trim_end().ends_with("can cu") {
        return None;
    }
    let rest = window.get(name_end..)?;
    let rest =
        &rest[..crate::extract::clean::floor_boundary(rest, rest.len().min(DATED_NAME_REACH))];
    let date_at = rest.find(" ngay ")?;
    let between = &rest[..date_at];
    // "… của Quốc hội ngày …", "… của nước Cộng hòa xã hội chủ nghĩa Việt Nam ngày …": whose law it is, not
    // its name.
    if LAW_OWNERS
        .iter()
        .any(|owner| between.trim_start().starts_with(owner))
    {
        return None;
    }
    let date_follows = rest[date_at + 6..].starts_with(|c: char| c.is_ascii_digit());
    // A comma may stand in a name that runs to its date: "Luật Ban hành văn bản quy phạm pháp luật của Hội
    // đồng nhân dân, Ủy ban nhân dân ngày 03 tháng 12 năm 2004".
    let plain = between
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b == b' ' || b == b',');
    let more: Vec<&str> = between.split_whitespace().collect();
    // Another name, a list, or a verb of issuing ("Luật … ban hành ngày …") between: the date is not the
    // name's end.
    let another = between.contains("ban hanh")
        || more.iter().any(|w| {
            matches!(
                *w,
                "luat"
                    | "so"
                    | "nghi"
                    | "phap"
                    | "va"
                    | "thong"
                    | "duoc"
                    | "da"
                    | "ky"
                    | "quyet"
                    | "chi"
                    | "hien"
            )
        });
    // The date closes the item, so the name may pass the usual bound by these few words: the longest law
    // names run to seventeen ("Luật Quản lý, sử dụng vốn nhà nước đầu tư vào sản xuất, kinh doanh tại doanh
    // nghiệp").
    let within = words + more.len() <= MAX_NAME_WORDS + DATED_NAME_EXTRA_WORDS;
    (date_follows && plain && !another && !more.is_empty() && within).then_some(name_end + date_at)
}

/// The bodies a law belongs to, as "của …" after its name says, folded: the state's legislature and the state.
const LAW_OWNERS: [&str; 3] = [
    "cua quoc hoi",
    "cua uy ban thuong vu quoc hoi",
    "cua nuoc cong hoa",
];

/// Where the longest table name that starts at folded `start` of `window` and runs past `name_end` ends.
fn table_name_at(window: &str, start: usize, name_end: usize) -> Option<usize> {
    let read = window.get(start..name_end)?;
    let from_start = window.get(start..)?;
    TABLE_NAMES.iter().find_map(|name| {
        let longer = name.len() > read.len() && name.starts_with(read);
        let end = start + name.len();
        let here = longer && from_start.starts_with(name.as_str());
        let boundary = here
            && !window
                .get(end..)
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_alphanumeric()));
        boundary.then_some(end)
    })
}
