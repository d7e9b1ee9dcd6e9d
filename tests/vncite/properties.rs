//! No input panics, and every span slices the original input exactly.

use proptest::prelude::*;

fn check(text: &str) {
    let found = vncite::extract(text);
    for c in &found.citations {
        assert!(c.start <= c.end && c.end <= text.len());
        assert_eq!(&text[c.start..c.end], c.text);
    }
    for n in &found.named {
        assert_eq!(&text[n.start..n.end], n.text);
    }
}

/// Pieces of real citations, so generated text hits the interesting paths, not only random noise.
const PIECES: &[&str] = &[
    "Căn cứ ",
    "Nghị định",
    "Quyết định",
    "số ",
    "Số: ",
    "30",
    "/",
    "-",
    "2020",
    "NĐ",
    "CP",
    "QĐ",
    "TTg",
    "NQ",
    "TW",
    " ngày ",
    "11",
    "9",
    "tháng",
    "năm",
    " của ",
    "Ủy ban nhân dân tỉnh ",
    "Quảng Nam",
    ";",
    ".",
    "\n",
    "\u{a0}",
    "\u{2013}",
    "\u{2044}",
    "Ð",
    "\u{0301}",
    "\u{0323}",
    "Luật ",
    "Hiến pháp ",
    "khoản 2 Điều 5 ",
    "thay thế ",
    "bãi bỏ ",
    " và ",
    ", ",
    "_",
    "V/v ",
    "1/500",
    "ISO 9001:2015",
    "Mẫu số 01/TNDN",
    "66.19",
    "QH13",
];

/// A folded window agrees with `fold` (the char-by-char reference) and maps every folded byte to the start of
/// an original char, in order.
fn check_fold(text: &str) {
    let folded = vncite::normalize::Folded::new(text, 0, text.len());
    let one_line: Vec<&str> = folded
        .text
        .split([' ', '\n'])
        .filter(|w| !w.is_empty())
        .collect();
    assert_eq!(one_line.join(" "), vncite::normalize::fold(text));
    let mut last = 0;
    for i in 0..=folded.text.len() {
        let orig = folded.orig_start(i);
        assert!(
            orig >= last && text.is_char_boundary(orig),
            "byte {i} of {:?}",
            folded.text
        );
        last = orig;
    }
    assert_eq!(folded.orig_start(folded.text.len()), text.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn folding_matches_the_reference_and_maps_back(text in any::<String>()) {
        check_fold(&text);
    }

    #[test]
    fn folding_vietnamese_soup_matches_the_reference(parts in prop::collection::vec(prop::sample::select(PIECES), 0..60)) {
        check_fold(&parts.concat());
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn citation_like_strings_never_panic(parts in prop::collection::vec(prop::sample::select(PIECES), 0..60)) {
        check(&parts.concat());
    }

    #[test]
    fn folding_odd_characters_matches_the_reference(text in "[a-zA-ZĐđÐðẠ-ỹÀ-ʯȺ\u{0300}-\u{036F}\u{AD}\u{2010}-\u{2015}\u{2044}\u{FF0F}\u{3000}\u{0}\t\r\n _]{0,80}") {
        check_fold(&text);
    }

    #[test]
    fn unicode_soup_never_panics(text in "[0-9/\\-–⁄ NĐÐđQCPTgsốngày\u{0300}-\u{0323}\n\u{a0}:.,;()]{0,200}") {
        check(&text);
    }
}
