//! A draft's header: its number line left blank for the signing ("Số:    /KH-UBND") and the year of its
//! date line. A draft has no identity of its own, but its year still says which law of a name it means.

use crate::extract::clean::Folded;
use regex::Regex;
use std::sync::LazyLock;

/// "Số:    /KH-UBND" on the raw text, in any spelling of "Số", with at most [`BLANK_FILLER`] characters of
/// filler. The bounds are checked on the match: a counted repetition of a Unicode class compiles to a large
/// automaton, and these patterns are built on every run.
static BLANK_NUMBER_RAW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t|]*[Ss][oOôÔốỐ\x{0300}-\x{036F}]{1,3}[ \t]*:[ \t]*([._… \t\r\n\x{A0}]*)[/⁄][ \t]*[A-ZĐa-z]")
        .unwrap_or_else(|e| panic!("blank number pattern: {e}"))
});
const BLANK_FILLER: usize = 40;
/// How many filler characters (blanks, dots, a filled-in day or month) a draft's date line may hold between
/// its words.
const DATE_FILLER: usize = 40;

/// The year of a draft's date line, its day (and often its month) left blank for the signing: "Lào Cai,
/// ngày    tháng    năm 2026", "ngày     tháng 6 năm 2026", or filled in, within a header block after
/// `blank_at` (`block` bytes long). Read by hand: a counted repetition of a Unicode class compiles to a large automaton.
pub(crate) fn blank_year(text: &str, blank_at: usize, block: usize) -> Option<i32> {
    let mut to = (blank_at + block).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let folded = Folded::new(text, blank_at, to);
    let filler =
        |c: char| matches!(c, ' ' | '\t' | '.' | '_' | '…' | '\u{A0}') || c.is_ascii_digit();
    // The rest after `word`, past at most `DATE_FILLER` filler characters.
    let after = |rest: &str, word: &str| -> Option<usize> {
        let skipped: usize = rest
            .chars()
            .take(DATE_FILLER)
            .take_while(|&c| filler(c))
            .map(char::len_utf8)
            .sum();
        rest[skipped..]
            .starts_with(word)
            .then_some(skipped + word.len())
    };
    folded.text.match_indices("ngay").find_map(|(at, _)| {
        let rest = &folded.text[at + 4..];
        let rest = &rest[after(rest, "thang")?..];
        let rest = &rest[after(rest, "nam")?..];
        let year = rest.trim_start_matches([' ', '\t']);
        let digits = year
            .get(..4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
        let next_is_digit = year[4..].starts_with(|c: char| c.is_ascii_digit());
        (!next_is_digit).then(|| digits.parse().ok()).flatten()
    })
}

/// Where the first blank number line ("Số:    /KH-UBND") of `text` starts. The pattern has no literal to
/// search for and scanned the whole header region of every input; only a colon that filler and a slash
/// follow can end its label, so the pattern is tried on the lines of those colons alone.
pub(crate) fn blank_number(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut tried = None;
    for colon in memchr::memchr_iter(b':', bytes) {
        let Some(slash) = slash_after_filler(text, colon + 1) else {
            continue;
        };
        let line_start = memchr::memrchr(b'\n', &bytes[..colon]).map_or(0, |p| p + 1);
        if tried == Some(line_start) {
            continue;
        }
        tried = Some(line_start);
        let end = crate::extract::clean::floor_boundary(text, (slash + 64).min(text.len()));
        let matched = BLANK_NUMBER_RAW
            .captures(&text[line_start..end])
            .filter(|c| c.get(0).is_some_and(|m| m.start() == 0))
            .and_then(|c| c.get(1))
            .is_some_and(|f| f.as_str().chars().count() <= BLANK_FILLER);
        if matched {
            return Some(line_start);
        }
    }
    None
}

/// Where the slash is when what follows `at` is spaces, then at most [`BLANK_FILLER`] filler characters
/// of a blank number, then a slash: the end of a blank number's label.
fn slash_after_filler(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    let mut filler = 0;
    let mut leading = true;
    for (i, c) in rest.char_indices() {
        match c {
            '/' | '⁄' => return Some(at + i),
            ' ' | '\t' if leading => {}
            '.' | '_' | '…' | ' ' | '\t' | '\r' | '\n' | '\u{A0}' => {
                leading = false;
                filler += 1;
                if filler > BLANK_FILLER {
                    return None;
                }
            }
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_blank_number_and_the_date_filler_keep_their_bounds() {
        let blank = |filler: usize| blank_number(&format!("x\nSố: {}/KH-UBND", ".".repeat(filler)));
        assert_eq!(blank(BLANK_FILLER), Some(2));
        assert_eq!(blank(BLANK_FILLER + 1), None);
        assert_eq!(blank_number("Số: 12/KH-UBND"), None);
        let year = |line: &str| blank_year(&format!("Số:   /KH-UBND\n{line}\n"), 0, 2500);
        assert_eq!(year("Lào Cai, ngày      tháng     năm 2026"), Some(2026));
        assert_eq!(year("ngày … tháng 6 năm  2026"), Some(2026));
        assert_eq!(year("ngày 15 tháng 06 năm 2026"), Some(2026));
        let wide = ".".repeat(DATE_FILLER);
        assert_eq!(year(&format!("ngày{wide}tháng năm 2026")), Some(2026));
        assert_eq!(year(&format!("ngày{wide}. tháng năm 2026")), None);
        assert_eq!(year("ngày tháng năm 20"), None);
        assert_eq!(year("ngày tháng năm 20261"), None);
    }

    /// Only the lines of colons that filler and a slash follow are tried: every form the pattern takes
    /// is still found there, at its line's start, and the first of several.
    #[test]
    fn a_blank_number_is_found_from_its_colon_in_every_form() {
        // Spaces before the filler do not count towards it; a line break inside it does.
        let spaced = format!("Số:{}…/QĐ-UBND", " ".repeat(60));
        assert_eq!(blank_number(&spaced), Some(0));
        assert_eq!(blank_number("| SỐ:  ..\n  ⁄ KH-UBND"), Some(0));
        assert_eq!(blank_number("Số\u{0301}:   /TTr-SKH"), Some(0));
        // A colon of running text before it, on its own line or the label's.
        let text = "Kính gửi: Sở Tài chính\nGhi chú: xem /đây\nSố:    /BC-UBND\nSố:  /KH";
        assert_eq!(blank_number(text), text.find("Số:    /BC"));
        // The label must open its line; a filled-in number is no blank.
        assert_eq!(blank_number("Căn cứ Số:   /KH-UBND"), None);
        assert_eq!(blank_number("Số: 15/KH-UBND\nTheo: /x"), None);
        // A slash not followed by a letter is no code.
        assert_eq!(blank_number("Số:   / 12"), None);
    }

    /// The whole-region search the colon prefilter replaced.
    fn blank_number_by_scan(text: &str) -> Option<usize> {
        BLANK_NUMBER_RAW
            .captures_iter(text)
            .find(|c| {
                c.get(1)
                    .is_some_and(|f| f.as_str().chars().count() <= BLANK_FILLER)
            })
            .and_then(|c| c.get(0))
            .map(|m| m.start())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn the_colon_prefilter_finds_what_the_whole_scan_found(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Số", "SỐ", "so", "s", ":", " ", "\t", "\n", "|", ".", "…", "_", "\u{A0}", "\r",
                    "/", "⁄", "KH", "x", "12", "ô", "\u{0301}", "Kính gửi",
                ]),
                0..40,
            )
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(blank_number(&text), blank_number_by_scan(&text));
        }
    }
}
