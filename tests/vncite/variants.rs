//! The same references in text as it really comes: NFD, Ð, look-alike dashes and slashes, odd spaces, line
//! breaks, word segmentation, no diacritics.

use unicode_normalization::UnicodeNormalization;

fn symbols(text: &str) -> Vec<String> {
    vncite::extract(text)
        .citations
        .into_iter()
        .map(|c| c.symbol)
        .collect()
}

const CLEAN: &str = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ; Quyết định số 06/QĐ-TTg; Nghị quyết số 57-NQ/TW.";

#[test]
fn every_spelling_gives_the_same_symbols_dates_and_spans() {
    let expected = ["30/2020/NĐ-CP", "06/QĐ-TTg", "57-NQ/TW"];
    let nfd: String = CLEAN.nfd().collect();
    let half = CLEAN
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= 40)
        .unwrap_or(0);
    let mixed: String = CLEAN[..half].nfd().chain(CLEAN[half..].chars()).collect();
    let variants = [
        CLEAN.to_string(),
        nfd,
        mixed,
        CLEAN.replace('Đ', "Ð"),
        CLEAN.replace("NĐ-CP", "NĐ\u{2013}CP").replace("QĐ-TTg", "QĐ\u{2011}TTg"),
        CLEAN.replace("30/2020", "30\u{2044}2020").replace("06/", "06\u{FF0F}"),
        CLEAN.replace(' ', "\u{a0}"),
        CLEAN.replace("30/2020/NĐ-CP", "30 / 2020 / NĐ - CP"),
        CLEAN.replace("30/2020/NĐ-CP", "30/2020/ NĐ-CP"),
        CLEAN.replace("Nghị định số", "Nghị định\nsố"),
        CLEAN.replace("NĐ-CP", "NĐ-\nCP"),
        CLEAN.replace("Nghị định", "Nghị_định").replace("Quyết định", "Quyết_định"),
        "Can cu Nghi dinh so 30/2020/ND-CP ngay 05/3/2020 cua Chinh phu; Quyet dinh so 06/QD-TTg; Nghi quyet so 57-NQ/TW.".to_string(),
        CLEAN.to_uppercase().replace("QĐ-TTG", "QĐ-TTg"),
    ];
    for v in &variants {
        let found = vncite::extract(v);
        let got: Vec<&str> = found.citations.iter().map(|c| c.symbol.as_str()).collect();
        assert_eq!(got, expected, "variant {v:?}");
        let first = &found.citations[0];
        assert_eq!(first.date.as_deref(), Some("2020-03-05"), "variant {v:?}");
        assert_eq!(first.doc_type, "decree", "variant {v:?}");
        assert_eq!(first.relation, "basis", "variant {v:?}");
        for c in &found.citations {
            assert_eq!(&v[c.start..c.end], c.text, "variant {v:?}");
        }
    }
}

#[test]
fn diacritic_free_sentences_match_their_clean_pairs() {
    let Some(dir) = crate::corpus_dir() else {
        return;
    };
    let path = dir.join("../variants/nomvn_legal_real_25.jsonl");
    let body = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} beside the corpus: {e}", path.display()));
    let mut compared = 0;
    for line in body.lines() {
        let pair: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}"));
        let (noisy, clean) = (
            pair["input"].as_str().unwrap_or(""),
            pair["target"].as_str().unwrap_or(""),
        );
        let clean_symbols = symbols(clean);
        if clean_symbols.is_empty() {
            continue;
        }
        assert_eq!(symbols(noisy), clean_symbols, "{noisy:?} vs {clean:?}");
        compared += 1;
    }
    assert!(compared > 0);
}
