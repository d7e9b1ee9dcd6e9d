//! Calendar dates, and the issue date written right after a reference, read by hand over folded text.

/// A calendar date as written in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
}

impl Date {
    /// A date when the numbers make one.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
            .then_some(Date { year, month, day })
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The issue date right after a symbol ("ngày 11/9/2020", "ban hành ngày 11 tháng 9 năm 2020") and the length
/// read. Hand-written because a capturing pattern here cost more than the rest of the mention's reading.
pub(crate) fn date_after(rest: &str) -> Option<(Date, usize)> {
    read_date_after(rest, false)
}

/// As [`date_after`], only when a verb of issuing or the Assembly's sitting comes before the day: "… thông
/// qua ngày …", not "… ngày …" alone.
pub(crate) fn issue_date_after(rest: &str) -> Option<(Date, usize)> {
    read_date_after(rest, true)
}

fn read_date_after(rest: &str, needs_verb: bool) -> Option<(Date, usize)> {
    let mut p = Cursor { s: rest, at: 0 };
    p.skip(" \n),(");
    let sitting = p.session();
    // "… số 57-NQ/TW được ban hành ngày 22.12.2024": the passive without its agent dates the document too.
    let before = p.at;
    p.word("da");
    let passive = p.word("duoc");
    if !passive {
        p.at = before;
    }
    let led = ["da ban hanh", "ban hanh", "ky", "thong qua", "da ky"]
        .iter()
        .any(|lead| p.word(lead));
    // "Thông tư số A và Thông tư số B cùng ngày 14/6/2023": one date for the items of a list.
    if !led && !passive && !needs_verb {
        p.word("cung");
    }
    if passive && !led || needs_verb && !(led || sitting) {
        return None;
    }
    p.word("vao");
    if !p.word_glued("ngay") {
        return None;
    }
    let day = p.number(2)?;
    p.skip(" \n");
    let (month, year) = if p.word("thang") {
        let m = p.number(2)?;
        p.skip(" \n");
        if !p.word("nam") {
            return None;
        }
        (m, p.number(4)?)
    } else {
        let sep = p.sep()?;
        let m = p.number(2)?;
        if p.sep()? != sep {
            return None;
        }
        (m, p.number(4)?)
    };
    if p.s[p.at..].starts_with(|c: char| c.is_ascii_digit()) {
        return None; // "20114": a typo, not a year
    }
    Some((Date::new(year as i32, month, day)?, p.at))
}

/// A small reader over folded text for [`date_after`].
struct Cursor<'a> {
    s: &'a str,
    at: usize,
}

impl Cursor<'_> {
    fn skip(&mut self, chars: &str) {
        while self.s[self.at..].starts_with(|c: char| chars.contains(c)) {
            self.at += 1;
        }
    }

    /// A whole word (then spaces), or nothing consumed.
    fn word(&mut self, w: &str) -> bool {
        let rest = &self.s[self.at..];
        let ok = rest.starts_with(w)
            && !rest[w.len()..].starts_with(|c: char| c.is_ascii_alphanumeric());
        if ok {
            self.at += w.len();
            self.skip(" \n");
        }
        ok
    }

    /// The National Assembly's term and sitting between its name and the day it passed a law: "khóa XV,
    /// kỳ họp thứ 7", "tại kỳ họp thứ nhất". Nothing consumed when neither is there; whether either was.
    fn session(&mut self) -> bool {
        let start = self.at;
        // "Hội nghị Trung ương 6 khóa XII": a plenum's number before the term.
        let plenum = self.s[self.at..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if (1..=2).contains(&plenum) && self.s[self.at + plenum..].starts_with(" khoa ") {
            self.at += plenum;
            self.skip(" ");
        }
        if self.word("khoa") {
            let roman = self.s[self.at..]
                .bytes()
                .take_while(|b| matches!(b, b'i' | b'v' | b'x' | b'l' | b'c'))
                .count();
            self.at += roman;
            self.skip(" \n,");
        }
        let sitting = self.at;
        self.word("tai");
        if self.word("ky hop thu") {
            let token = self.s[self.at..]
                .bytes()
                .take_while(u8::is_ascii_alphanumeric)
                .count();
            self.at += token;
            self.skip(" \n,");
        } else {
            self.at = sitting;
        }
        self.at > start
    }

    /// A word that may be glued to the number after it ("ngày11/9/2020").
    fn word_glued(&mut self, w: &str) -> bool {
        let rest = &self.s[self.at..];
        let ok =
            rest.starts_with(w) && !rest[w.len()..].starts_with(|c: char| c.is_ascii_alphabetic());
        if ok {
            self.at += w.len();
            self.skip(" \n");
        }
        ok
    }

    /// A number of at most `max_digits` digits. OCR reads 1 as `l` or `I` and 0 as `O` ("02/0l/1991"), so those
    /// letters count as digits inside a number that has a real digit and is not followed by another letter.
    fn number(&mut self, max_digits: usize) -> Option<u32> {
        let rest = &self.s.as_bytes()[self.at..];
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let with_ocr = rest
            .iter()
            .take_while(|b| b.is_ascii_digit() || matches!(b, b'l' | b'i' | b'o'))
            .count();
        // Without an OCR letter, a number may run straight into a word ("29tháng").
        let len = if with_ocr > digits && !rest.get(with_ocr).is_some_and(u8::is_ascii_alphabetic) {
            with_ocr
        } else {
            digits
        };
        let token = &rest[..len];
        if len == 0 || len > max_digits || !token.iter().any(u8::is_ascii_digit) {
            return None;
        }
        let n = token.iter().try_fold(0u32, |n, b| {
            let digit = match b {
                b'l' | b'i' => 1,
                b'o' => 0,
                _ => u32::from(b - b'0'),
            };
            n.checked_mul(10)?.checked_add(digit)
        })?;
        self.at += len;
        Some(n)
    }

    fn sep(&mut self) -> Option<u8> {
        self.skip(" \n");
        let b = *self.s.as_bytes().get(self.at)?;
        if matches!(b, b'/' | b'.' | b'-') {
            self.at += 1;
            self.skip(" \n");
            Some(b)
        } else {
            None
        }
    }
}
