//! Checks of the words that end a stretch of folded text ("… mẫu số:", "… đã ban hành"), written as code:
//! as `…\s*$` regexes they cost more to compile, on every run, than all the searches they ever make.

/// Folded whitespace.
const SPACE: [char; 2] = [' ', '\n'];

/// Whether `s` ends with `word` standing as a word of its own (ASCII word boundary before it).
fn ends_with_word(s: &str, word: &str) -> bool {
    s.strip_suffix(word).is_some_and(|before| {
        !before
            .bytes()
            .next_back()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
    })
}

/// `s` without trailing spaces, one colon and the spaces before it.
fn without_colon(s: &str) -> &str {
    let s = s.trim_end_matches(SPACE);
    s.strip_suffix(':').unwrap_or(s).trim_end_matches(SPACE)
}

/// Words before a number that make it a form, standard, account or phone number.
const NOT_DOCUMENT_WORDS: &[&str] = &[
    "mau",
    "bieu mau",
    "mau bieu",
    "mau so",
    "theo mau",
    "bieu so",
    "bieu",
    "phieu",
    "to khai",
    "tieu chuan",
    "qcvn",
    "tcvn",
    "iso",
    // Quy trình kiểm định kỹ thuật an toàn: an inspection procedure's code ("QTKĐ: 01/2010/BLĐTBXH").
    "qtkd",
    "ma so",
    "ma",
    "tai khoan",
    "dien thoai",
    "dt",
    "fax",
    "hotline",
    "bien so",
    "so hieu tai khoan",
];

/// Standards, whose number is written "QCVN 01:2019/BCT", "TCVN 6238-3: 2011".
const STANDARDS: &[&str] = &["qcvn", "tcvn", "iso"];

/// "mẫu số:", "tài khoản", "QCVN 01:" right before a number: what follows is no document.
pub(super) fn names_no_document(s: &str) -> bool {
    let bare = without_colon(s);
    let without_so = bare.strip_suffix("so").map(|b| b.trim_end_matches(SPACE));
    // Every word ends in a letter; most text before a number ends in a space or a comma.
    let word_ends = |t: &str| {
        t.as_bytes().last().is_some_and(u8::is_ascii_lowercase)
            && NOT_DOCUMENT_WORDS.iter().any(|w| ends_with_word(t, w))
    };
    if word_ends(bare) || without_so.is_some_and(word_ends) {
        return true;
    }
    // A standard's own number before the colon: "qcvn 01:", "tcvn 6238-3 :".
    let trimmed = s.trim_end_matches(SPACE);
    let Some(before_colon) = trimmed.strip_suffix(':') else {
        return false;
    };
    let number_run = before_colon.trim_end_matches(SPACE);
    let code = number_run.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '-');
    let run = &number_run[code.len()..];
    run.starts_with(|c: char| c.is_ascii_digit())
        && STANDARDS
            .iter()
            .any(|w| ends_with_word(code.trim_end_matches(SPACE), w))
}

/// "số" (with its colon) right before a number.
pub(super) fn ends_with_so(s: &str) -> bool {
    ends_with_word(without_colon(s), "so")
}

/// A verb of issuing at the end: "… đã ban hành", "… ký", "… thông qua".
pub(super) fn ends_with_issuing_verb(s: &str) -> bool {
    before_issuing_verb(s).is_some()
}

/// What stands before a verb of issuing that ends `s` ("UBND tỉnh Gia Lai vừa " of "… vừa ban hành").
pub(super) fn before_issuing_verb(s: &str) -> Option<&str> {
    let s = s.trim_end_matches(SPACE);
    ["ban hanh", "ra", "ky", "thong qua"]
        .iter()
        .find_map(|verb| {
            s.strip_suffix(verb)
                .filter(|before| before.is_empty() || before.ends_with(SPACE))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_as_the_patterns_they_replace() {
        for yes in [
            "theo mau so:",
            "mauso ",
            "so tai khoan",
            "dien thoai: ",
            "ap dung qcvn 01: ",
            "dat tcvn 6238-3 : ",
            "iso 9001:",
            "x ma",
        ] {
            assert!(names_no_document(yes), "{yes}");
        }
        for no in [
            "nghi dinh so",
            "quyet dinh",
            "khoan 2 dieu 5 cua",
            "xma",
            "so 12:",
        ] {
            assert!(!names_no_document(no), "{no}");
        }
        assert!(ends_with_so("nghi dinh so: "));
        assert!(ends_with_so("so"));
        assert!(!ends_with_so("nghi dinh"));
        assert!(!ends_with_so("hoso"));
        assert!(ends_with_issuing_verb("chinh phu da ban hanh "));
        assert!(ends_with_issuing_verb("ky"));
        assert!(ends_with_issuing_verb("bo truong ky\n"));
        assert!(!ends_with_issuing_verb("nghi dinh"));
        assert!(!ends_with_issuing_verb("tra"));
        assert_eq!(
            before_issuing_verb("ubnd tinh gia lai vua ban hanh "),
            Some("ubnd tinh gia lai vua ")
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// On text made of the words they look for, the checks answer as the regexes they replaced.
        #[test]
        fn answer_as_the_regexes_did(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "mau", "so", "ma", "qcvn", "01", "6238-3", ":", " ", "\n", "ban", "hanh", "da", "ky",
                "ra", "tra", "thong", "qua", "tai", "khoan", "x", "dt", "iso", "9001", "-",
            ]),
            0..8,
        )) {
            let s: String = words.concat();
            let old = |p: &str| crate::extract::clean::folded_regex(p).is_match(&s);
            proptest::prop_assert_eq!(names_no_document(&s), old(OLD_NOT_A_DOCUMENT), "{:?}", s);
            proptest::prop_assert_eq!(ends_with_so(&s), old(r"(?-u:\b)so\s*:?\s*$"), "{:?}", s);
            proptest::prop_assert_eq!(
                ends_with_issuing_verb(&s),
                old(r"(?:^|\s)(?:da\s+)?(?:ban hanh|ra|ky|thong qua|ky ban hanh)\s*$"),
                "{:?}", s
            );
        }
    }

    const OLD_NOT_A_DOCUMENT: &str = r"(?-u:\b)(?:(?:mau|bieu mau|mau bieu|mau so|theo mau|bieu so|bieu|phieu|to khai|tieu chuan|qcvn|tcvn|iso|ma so|ma|tai khoan|dien thoai|dt|fax|hotline|bien so|so hieu tai khoan)\s*(?:so)?\s*:?|(?:qcvn|tcvn|iso)\s*[0-9][0-9.-]*\s*:)\s*$";
}
