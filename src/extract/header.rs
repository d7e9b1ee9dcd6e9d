//! The citing document's own identity, read from its header block.

use crate::extract::clean::folded_regex as re;
use crate::extract::clean::{floor_boundary, fold, tidy, Folded};
use crate::extract::context::{self, Date, IssuerHit};
use crate::extract::draft;
use crate::extract::find::RawSymbol;
use crate::extract::joined_title::joined_title;
use regex::Regex;
use std::sync::LazyLock;

/// How much of the start of a text may hold the header (web copies put a page title and summary first).
const HEADER_REGION: usize = 12_000;
/// How far around the number line the header block (issuer, date, title word, trích yếu) may reach.
const HEADER_BLOCK: usize = 2_500;

/// The number line's label, at a line start or after the rule under the motto that page copies join to it
/// ("Hạnh phúc --------------- Luật số:"), or after the motto itself when a copy flattens the header to one
/// line ("… Độc lập - Tự do - Hạnh phúc Số: 15/2024/TT-BTC Hà Nội, ngày …").
static NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    // "-Số: 04/2013/TT-NHNN": page copies keep a column's rule as a dash before the number.
    re(r"(?:^|\n|\||-{3}|_{3}|hanh phuc)[ |-]*(?:(?:bo luat|luat|phap lenh)\s+)?so\s*(:)?\s*$")
});
/// The place-and-date line; its place (group 1) has 2 to [`PLACE_CHARS`] characters.
static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    // Markdown copies emphasise parts of the line ("*Hà Nội, ngày 06* *tháng 02 năm 2018*").
    re(
        r"(?:^|\n|\|)[ |*_]*([^\n,|]{2,}),[\s*_]*ngay[\s*_]*(\d{1,2})[\s*_]*thang[\s*_]*(\d{1,2})[\s*_]*nam[\s*_]*(\d{4})",
    )
});
const PLACE_CHARS: usize = 40;

/// The first place-and-date line in folded `text` (groups: place, day, month, year).
fn place_date(text: &str) -> Option<regex::Captures<'_>> {
    PLACE_DATE.captures_iter(text).find(|c| {
        c.get(1)
            .is_some_and(|p| p.as_str().chars().count() <= PLACE_CHARS)
    })
}

static VV: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|\n|\|)[ |*_]*v/v\s*:?\s*"));
/// "Số: 19046/BTC-TCHQ V/v hướng dẫn …": the subject line joined to the number line.
static VV_AFTER_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"^[ |*_]*v/v\s*:?\s*"));

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
    /// A draft's year ("Số:    /KH-UBND … ngày    tháng    năm 2026"): it has no identity, but its year
    /// still says which law of a name it means.
    pub draft_year: Option<i32>,
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
    let blank_at = draft::blank_number(&text[..end]);
    // "SỐ 1050/QĐ-SCT" without a colon may be another document's number in the header ("ĐOÀN KIỂM TRA THEO
    // QUYẾT ĐỊNH SỐ 1050/QĐ-SCT"): a "Số:" soon after it is the document's own.
    let mut uncoloned: Option<usize> = None;
    for (i, raw) in raws.iter().enumerate().take_while(|(_, r)| r.end <= end) {
        if uncoloned.is_some_and(|u| raw.start > raws[u].end + HEADER_BLOCK) {
            break;
        }
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
        if c.get(1).is_none() {
            uncoloned.get_or_insert(i);
            continue;
        }
        header.symbol = Some(i);
        break;
    }
    if header.symbol.is_none() {
        header.symbol = uncoloned;
    }
    let Some(number) = header.symbol.map(|i| &raws[i]) else {
        header.draft_year = blank_at.and_then(|b| draft::blank_year(text, b, HEADER_BLOCK));
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
    let mut date_place = None;
    // "Số: 15/2024/TT-BTC Hà Nội, ngày …": a place and date right after the number on its line are the
    // header's, whatever stands before the number on that line.
    let after_number = folded.text.get(header_end..).unwrap_or_default();
    let number_line = after_number.split('\n').next().unwrap_or_default();
    let same_line = place_date(number_line).filter(|c| c.get(0).is_some_and(|m| m.start() == 0));
    let found_date = match same_line {
        Some(c) => Some((c, header_end)),
        None => place_date(&folded.text).map(|c| (c, 0)),
    };
    if let Some((c, base)) = found_date {
        date_place = c
            .get(1)
            .map(|m| &text[folded.orig_start(base + m.start())..folded.orig_end(base + m.end())]);
        let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        if let (Some(d), Some(m), Some(y)) = (n(2), n(3), n(4)) {
            header.date = Date::new(y as i32, m, d);
        }
        date_end = c.get(0).map(|m| folded.orig_end(base + m.end()));
    }
    // Page copies summarise the header above it, the subject cut short ("Số: 11352/BTC-TCHQ V/v hóa đơn
    // hàng …"): the subject line written in full wins.
    let subjects: Vec<(usize, String, usize)> = VV_AFTER_NUMBER
        .find(folded.text.get(header_end..).unwrap_or_default())
        .map(|m| (header_end + m.start(), header_end + m.end()))
        .into_iter()
        .chain(VV.find(&folded.text).map(|m| (m.start(), m.end())))
        .filter(|&(start, _)| start < header_end + 2000)
        .map(|(start, subject_end)| {
            let (title, end) = title_from(text, &folded, subject_end);
            (start, title, end)
        })
        .collect();
    header.official_letter = !subjects.is_empty();
    let cut_short = |t: &str| t.ends_with('…') || t.ends_with("...");
    if let Some((start, title, end)) = subjects
        .iter()
        .find(|(_, t, _)| !cut_short(t))
        .or(subjects.first())
    {
        header.title = Some(title.clone());
        header.title_span = Some((folded.orig_start(*start), *end));
    }
    // The title word stands alone on its line, in capitals: "QUYẾT ĐỊNH", "KẾ HOẠCH", "**THÔNG TƯ**" in a
    // Markdown copy.
    let mut pos = 0;
    for line in folded.text.split('\n') {
        let line_start = pos;
        pos += line.len() + 1;
        let word = line.trim_matches(|c: char| matches!(c, '|' | ' ' | '*' | '_' | '#'));
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
            let title = without_own_symbol(&title, &number.canonical, t);
            header.title = Some(title);
            header.title_span = Some((folded.orig_start(line_start), end));
        }
        break;
    }
    header.issuer = issuer(text, &folded, header_end.max(1));
    // "UỶ BAN NHÂN DÂN TỈNH" with no name after it: a province's bodies write the province's name on the
    // date line ("Tuyên Quang, ngày 18 tháng 3 năm 2011"), so that line gives the place the header left out.
    if let Some(hit) = header.issuer.as_mut().filter(|h| h.place.is_none()) {
        let place =
            date_place.and_then(|raw| crate::extract::place::date_line_place(tidy(raw).trim()));
        if let (Some(level), Some(place)) = (level_without_name(&folded.text), place) {
            hit.name = format!("{} {level} {place}", hit.name);
            hit.place = Some(place);
        }
    }
    // Page copies join the header's lines: "Hà Nội, ngày 31 tháng 7 năm 2024 THÔNG TƯ QUY ĐỊNH … Căn cứ
    // Luật …", or the title word and the trích yếu on one line. The title is then the run of capitals
    // that starts with a type word right after the date.
    if header.type_title.is_none() {
        if let Some((t, span, title)) = date_end.and_then(|at| joined_title(text, at)) {
            header.type_title = Some(t);
            if header.title.is_none() {
                let title = without_own_symbol(&title, &number.canonical, t);
                let mut names: Vec<&str> = header.issuer.iter().map(|i| i.name.as_str()).collect();
                names.extend(
                    number
                        .groups
                        .iter()
                        .filter_map(|g| crate::data::tables().issuer_of_code(g))
                        .map(|row| row.name),
                );
                header.title = Some(without_signer(&title, &names));
                header.title_span = Some(span);
            }
        }
    }
    header
}

/// The level of a provincial body whose header line ends at the level word, its name left out: "UỶ BAN
/// NHÂN DÂN TỈNH", "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ". Only lines before the preamble's first "Căn cứ".
fn level_without_name(folded: &str) -> Option<&'static str> {
    static LEVEL_ONLY: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^(?:chu tich )?(?:uy ban nhan dan|hoi dong nhan dan) (tinh|thanh pho)$")
    });
    let before_preamble = folded.split("\ncan cu").next().unwrap_or(folded);
    before_preamble.split('\n').find_map(|line| {
        let line = line.trim_matches(['|', ' ']);
        crate::extract::place::written_level(LEVEL_ONLY.captures(line)?.get(1)?.as_str())
    })
}

/// Ranks that open a signer's line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"), folded.
const SIGNER_RANKS: [&str; 12] = [
    "chu tich",
    "pho chu tich",
    "giam doc",
    "tong giam doc",
    "bo truong",
    "cuc truong",
    "tong cuc truong",
    "thu truong",
    "truong ban",
    "chanh an",
    "vien truong",
    "thong doc",
];
/// Words after which a body's name is the title's own matter ("… QUẢN LÝ CỦA BỘ CÔNG THƯƠNG"), in lower
/// case with their marks: folded, "cho" would also be "chợ" ("… QUẢN LÝ CHỢ CHÍNH PHỦ").
const SPEAKS_OF: [&str; 11] = [
    "của", "thuộc", "tại", "với", "và", "cho", "do", "về", "vụ", "bầu", "chức",
];
/// The national motto, folded: page copies join it to either end of the title.
const MOTTO: &str = "cong hoa xa hoi chu nghia";

/// The trích yếu without what page copies join to its end: the motto, the issuer's name ("… CỦA DÒNG HỌ
/// HỘI ĐỒNG THẨM PHÁN TÒA ÁN NHÂN DÂN TỐI CAO", "… 1991 QUỐC HỘI NƯỚC CỘNG HOÀ …"), or the signer's line
/// ("… TỈNH TUYÊN QUANG CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH"), unless the title speaks of that body ("… CƠ CẤU
/// TỔ CHỨC CỦA BỘ TÀI CHÍNH", "… BẦU CHỨC VỤ CHỦ TỊCH …").
fn without_signer(title: &str, issuers: &[&str]) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    // Folding keeps the count of words, so folded word k is title word k.
    let folded = fold(title);
    let fw: Vec<&str> = folded.split_whitespace().collect();
    if fw.len() != words.len() {
        return title.to_string();
    }
    let issuer_words: Vec<String> = issuers.iter().map(|i| fold(i)).collect();
    let starts_with = |at: usize, phrase: &str| {
        let p: Vec<&str> = phrase.split_whitespace().collect();
        fw.len() >= at + p.len() && fw[at..at + p.len()] == p[..]
    };
    let cut = (1..fw.len()).find(|&k| {
        if starts_with(k, MOTTO) {
            return true;
        }
        if SPEAKS_OF.contains(&words[k - 1].to_lowercase().as_str()) {
            return false;
        }
        let rank = SIGNER_RANKS
            .iter()
            .filter(|r| starts_with(k, r))
            .map(|r| r.split_whitespace().count())
            .max();
        let tail = &fw[k + rank.unwrap_or(0)..];
        issuer_words.iter().any(|name| {
            let name: Vec<&str> = name.split_whitespace().collect();
            let common = tail.iter().zip(&name).take_while(|(a, b)| a == b).count();
            let rest = &tail[common..];
            let whole_name = common == name.len()
                && (rest.is_empty() || rest.len() >= 2 && rest[..2] == ["nuoc", "cong"]);
            // After a rank, a start of the name ("CỤC TRƯỞNG CỤC THUẾ") or the name with its place ("CHỦ TỊCH
            // ỦY BAN NHÂN DÂN TỈNH LÀO CAI") is the signer's line.
            let signer =
                rank.is_some() && common >= 2 && (common == tail.len() || common == name.len());
            common >= 2.min(name.len()) && (whole_name || signer)
        })
    });
    match cut {
        Some(k) => words[..k].join(" "),
        None => title.to_string(),
    }
}

/// The trích yếu of older headers that write the number inside it: "LUẬT ĐẤT ĐAI SỐ 24-L/CTN NGÀY
/// 14/07/1993 CỦA QUỐC HỘI" is "ĐẤT ĐAI"; "LUẬT CỦA QUỐC HỘI NƯỚC … SỐ 29/2001/QH10 VỀ HẢI QUAN" is "HẢI
/// QUAN" (a law's title is its matter, without "về").
fn without_own_symbol(title: &str, symbol: &str, doc_type: crate::vocab::DocType) -> String {
    use crate::vocab::DocType;
    // A year glued to the next word where a page joined two lines ("NĂM 1998VỀ CÔNG TÁC") is two words.
    let unglued: String;
    let title = match glued_year(title) {
        Some(at) => {
            unglued = format!("{} {}", &title[..at], &title[at..]);
            &unglued
        }
        None => title,
    };
    let words: Vec<&str> = title.split_whitespace().collect();
    let own = fold(symbol);
    let Some(at) = (1..words.len()).find(|&k| {
        fold(words[k - 1]) == "so" && fold(words[k].trim_end_matches([',', ';', ':'])) == own
    }) else {
        return title.to_string();
    };
    let head = &words[..at - 1];
    if !head.is_empty() && fold(head[0]) != "cua" {
        return head.join(" ");
    }
    let mut tail = &words[at + 1..];
    // The date after the number: "NGÀY 14/07/1993", "NGÀY 05 THÁNG 7 NĂM 1994". Folding keeps the count of
    // words, so the words the date reader consumed are the tail's first words.
    let folded_tail = fold(&tail.join(" "));
    if let Some((_, len)) = crate::extract::context::date_after(&folded_tail) {
        tail = &tail[folded_tail[..len]
            .split_whitespace()
            .count()
            .min(tail.len())..];
    }
    if let Some(first) = tail.first() {
        let statute = matches!(doc_type, DocType::Law | DocType::Code | DocType::Ordinance);
        if statute && fold(first) == "ve" {
            tail = &tail[1..];
        }
    }
    if tail.is_empty() {
        return title.to_string();
    }
    tail.join(" ")
}

/// Where the word after a four-digit year starts when the two are written together ("1998VỀ").
fn glued_year(title: &str) -> Option<usize> {
    title.split_whitespace().find_map(|w| {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        let letter = w[digits..].chars().next()?;
        (digits == 4 && letter.is_alphabetic())
            .then(|| w.as_ptr() as usize - title.as_ptr() as usize + 4)
    })
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
    // Whether the last title line stops on a word that needs the next line.
    let mut runs_on = false;
    let mut all_capitals = true;
    for line in rest.split('\n') {
        let l = line.trim_matches(|c: char| c == '|' || c == ' ');
        let plain = l.trim_matches(|c: char| c == '*' || c == '_' || c == ' ');
        // Folding turns a run of blank lines into one break, so a blank line is read off the original.
        let orig_gap = &text[folded.orig_end(end)..folded.orig_start(pos.min(folded.text.len()))];
        let after_blank = orig_gap.bytes().filter(|&b| b == b'\n').count() >= 2;
        let orig_line = &text[folded.orig_start(pos)..folded.orig_end(pos + line.len())];
        let capitals = !orig_line.chars().any(char::is_lowercase);
        let stop = (l.is_empty() || after_blank) && lines > 0
            || place_date(l).is_some()
            || l.starts_with("can cu")
            || l.starts_with("kinh gui")
            || l.starts_with("---")
            || l.starts_with("___")
            || plain.starts_with(MOTTO)
            || plain.starts_with("doc lap - tu do")
            || (lines > 0
                && ["thuc hien ", "theo de nghi", "xet de nghi", "xet to trinh"]
                    .iter()
                    .any(|w| plain.starts_with(w)))
            // The signer's line, in capitals ("THỦ TƯỚNG CHÍNH PHỦ"); a title's own line may name a body
            // ("Ủy ban nhân dân thành phố Đà Nẵng nhiệm kỳ …").
            // So is the office and its body ("BỘ TRƯỞNG BỘ CÔNG NGHIỆP"); a line the one above runs on into
            // ("… ỦY QUYỀN CHO / GIÁM ĐỐC SỞ …") is the title's.
            || (lines > 0
                && capitals
                && l.len() < 60
                && !runs_on
                && crate::data::tables().starts_with_issuer_alias(without_office(l)))
            // A title never ends with a full stop, and never holds an article or chapter heading: such a line
            // is the body's.
            || (lines > 0 && (l.ends_with('.') || is_heading(l)))
            // A title in capitals is over where a line in running text opens with a type word: a
            // consolidated text's "Thông tư số 39/2014/TT-BTC ngày … được sửa đổi, bổ sung bởi:".
            || (lines > 0 && all_capitals && !capitals && opens_with_type_word(l));
        if stop || lines == 6 {
            break;
        }
        if !l.is_empty() {
            lines += 1;
            end = pos + line.len();
            all_capitals &= capitals;
            runs_on = crate::extract::window::ends_on_joining_word(orig_line)
                || orig_line.trim_end().to_lowercase().ends_with(" cho");
        }
        pos += line.len() + 1;
    }
    let orig_end = folded.orig_end(end);
    let title = tidy(&text[folded.orig_start(from)..orig_end])
        .trim_matches(|c: char| matches!(c, '|' | ' ' | '*' | '_'))
        .to_string();
    (title, orig_end)
}

/// Whether a folded line opens with a document's type word and its number ("thong tu so 39/…").
fn opens_with_type_word(line: &str) -> bool {
    // The type word, then for a law its name ("Luật Quản lý thuế số 38/2019/QH14"), then the number.
    static OPENS: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:[a-z]+ ){1,12}so\s*:?\s*[0-9]"));
    OPENS.find(line).is_some_and(|m| {
        let words = &line[..m.end()];
        crate::data::tables()
            .leading_type_word(words)
            .is_some_and(|(n, t)| {
                // Only a named type has words between its type word and its number.
                t.is_named() || words.split(' ').nth(n).is_some_and(|w| w.starts_with("so"))
            })
    })
}

/// The offices that sign for a body, in folded text: "bộ trưởng bộ …", "chủ tịch ủy ban nhân dân …".
const OFFICES: [&str; 8] = [
    "bo truong ",
    "chu tich ",
    "thu truong ",
    "giam doc ",
    "tong cuc truong ",
    "cuc truong ",
    "chanh an ",
    "vien truong ",
];

/// A folded line without the office it opens with.
fn without_office(line: &str) -> &str {
    OFFICES
        .iter()
        .find_map(|o| line.strip_prefix(o))
        .unwrap_or(line)
}

/// The issuer's column of a folded header line: what comes before the national name or motto when the two
/// columns share the line.
fn left_of_motto(line: &str) -> &str {
    ["cong hoa", "doc lap"]
        .iter()
        .filter_map(|m| line.find(m).filter(|&at| at > 0))
        .min()
        .map_or(line, |at| &line[..at])
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
        // A two-column header flattened to lines puts the motto after the issuer's column: "SỞ CÔNG THƯƠNG
        // Độc lập - Tự do - Hạnh phúc" names the issuer under "UBND TỈNH LÀO CAI", and the motto's small
        // letters must not hide it.
        let line = left_of_motto(line);
        let lead = line.len() - line.trim_start_matches(['|', ' ']).len();
        let at = line_start + lead;
        let orig = &text[folded.orig_start(at)..folded.orig_end(line_start + line.len())];
        if orig.chars().filter(|c| c.is_lowercase()).count() > 2 {
            continue;
        }
        if fold(orig).starts_with("cong hoa") {
            continue;
        }
        if let Some((mut hit, mut len)) = context::read_issuer(text, folded, at) {
            // Flattened stacked lines: "BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN" names the issuer last.
            let line_end = line_start + line.len();
            let mut next = at + len;
            while next < line_end {
                next += usize::from(folded.text.as_bytes()[next] == b' ');
                match context::read_issuer(text, folded, next) {
                    Some((below, below_len)) if next + below_len <= line_end => {
                        if let Some(place) = &hit.place {
                            parent_place = Some((place.clone(), hit.name.clone()));
                        }
                        (hit, len) = (below, below_len);
                        next += len;
                    }
                    _ => break,
                }
            }
            if let Some(place) = &hit.place {
                parent_place = Some((place.clone(), hit.name.clone()));
            }
            found = Some(hit);
        } else if found.is_none() && folded.text[at..].starts_with("dang bo ") {
            // "ĐẢNG BỘ TỈNH THANH HÓA" above "TỈNH ỦY": the Party organisation names the committee's place.
            if let Some((_, place, _)) =
                crate::extract::place::read_place(text, folded, at + "dang bo".len())
            {
                parent_place = Some((place, String::new()));
            }
        } else if let Some(f) = found.as_mut() {
            // "ỦY BAN NHÂN DÂN" then "TỈNH NAM ĐỊNH" on the next line.
            if f.place.is_none() {
                if let Some((level, place, _)) =
                    crate::extract::place::read_place(text, folded, at.saturating_sub(1))
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
            // A Party committee is named by its place ("Tỉnh ủy Thanh Hóa"); a department keeps its name.
            if crate::data::tables().is_party_committee(f.code) {
                f.name = format!("{} {}", f.name, place);
            }
            f.place = Some(place);
        }
    }
    if let Some(f) = found.as_mut().filter(|f| f.place.is_none()) {
        if let Some(named) = authority_line(text, folded, header_end, f) {
            *f = named;
        }
    }
    found
}

/// The authority line above the preamble, which names the issuer in full: "HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH
/// PHƯỚC" under a header whose issuer column lost its second line to a page layout ("HỘI ĐỒNG NHÂN DÂN |
/// CỘNG HÒA …"). Only a capital-letter line naming the same body with a place, before the first "Căn cứ".
fn authority_line(
    text: &str,
    folded: &Folded,
    header_end: usize,
    header_issuer: &IssuerHit,
) -> Option<IssuerHit> {
    const AFTER_NUMBER: usize = 1500;
    let end = floor_boundary(
        &folded.text,
        (header_end + AFTER_NUMBER).min(folded.text.len()),
    );
    let after = folded.text.get(header_end..end)?;
    let mut pos = header_end;
    for line in after.split('\n') {
        let line_start = pos;
        pos += line.len() + 1;
        let trimmed = line.trim_start_matches(['|', ' ']);
        if trimmed.starts_with("can cu") {
            break;
        }
        let at = line_start + (line.len() - trimmed.len());
        let orig = &text[folded.orig_start(at)..folded.orig_end(line_start + line.len())];
        if orig.chars().any(char::is_lowercase) {
            continue;
        }
        let Some((hit, _)) = context::read_issuer(text, folded, at) else {
            continue;
        };
        if hit.code == header_issuer.code && hit.place.is_some() {
            return Some(hit);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_place_keeps_its_bounds() {
        let place = |p: &str| {
            place_date(&format!("{p}, ngay 05 thang 3 nam 2024"))
                .and_then(|c| c.get(4).map(|y| y.as_str().to_string()))
        };
        assert_eq!(place("ha noi").as_deref(), Some("2024"));
        assert_eq!(place(&"a".repeat(PLACE_CHARS)).as_deref(), Some("2024"));
        assert_eq!(place(&"a".repeat(PLACE_CHARS + 1)), None);
        // A later line may hold the place and date.
        let two = format!(
            "{}, ngay 1 thang 1 nam 2020\nha noi, ngay 2 thang 2 nam 2021",
            "a".repeat(50)
        );
        assert_eq!(
            place_date(&two).and_then(|c| c.get(4)).map(|m| m.as_str()),
            Some("2021")
        );
    }
}
