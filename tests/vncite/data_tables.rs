//! Every row of the `data/` tables carries an example, and the extractor must read each one as the row says.

use vncite::data::tables;

#[test]
fn doc_type_rows_extract_their_examples() {
    for row in &tables().doc_types {
        let found = vncite::extract(row.example);
        let got = found
            .citations
            .first()
            .map(|c| c.doc_type.clone())
            .or_else(|| found.named.first().map(|n| n.doc_type.clone()));
        assert_eq!(
            got.as_deref(),
            Some(row.doc_type),
            "example {:?}",
            row.example
        );
    }
}

#[test]
fn issuer_rows_extract_their_example_symbols() {
    for row in tables()
        .issuers
        .iter()
        .filter(|r| !r.example.is_empty() && r.example != "-")
    {
        let text = format!("theo văn bản số {}", row.example);
        let found = vncite::extract(&text);
        let c = found
            .citations
            .first()
            .unwrap_or_else(|| panic!("{} finds nothing in {text:?}", row.code));
        assert_eq!(c.symbol, row.example, "row {}", row.code);
        assert!(
            c.issuers.iter().any(|i| i == row.code),
            "row {}: issuers {:?}",
            row.code,
            c.issuers
        );
    }
}

#[test]
fn issuer_aliases_name_their_rows_with_and_without_diacritics() {
    for row in &tables().issuers {
        for alias in &row.aliases {
            for spelled in [alias.to_string(), vncite::normalize::fold(alias)] {
                let text = format!("Quyết định số 12/QĐ-XYZ ngày 01/02/2024 của {spelled} về việc");
                let found = vncite::extract(&text);
                let name = found.citations.first().and_then(|c| c.issuer_name.clone());
                assert_eq!(name.as_deref(), Some(row.name), "alias {spelled:?}");
            }
        }
    }
}

#[test]
fn relation_rows_extract_their_examples() {
    for row in &tables().relations {
        let found = vncite::extract(row.example);
        let c = found
            .citations
            .first()
            .unwrap_or_else(|| panic!("no citation in {:?}", row.example));
        assert_eq!(c.relation, row.relation, "example {:?}", row.example);
    }
}

#[test]
fn relation_phrases_match_whole_words_longest_first_across_line_breaks() {
    let text = "can\ncu luat; xcan cu; bai bo toan bo; thuc hien theo quy dinh tai; het hieu lucx; sua doi, bo sung:";
    let found: Vec<(&str, &str)> = tables()
        .relation_phrases
        .find_all(text)
        .iter()
        .map(|m| (&text[m.start..m.end], m.value.0))
        .collect();
    assert_eq!(
        found,
        [
            ("can\ncu", "basis"),
            ("bai bo toan bo", "repeals"),
            ("thuc hien theo quy dinh tai", "cites"),
            ("sua doi, bo sung", "amends"),
        ]
    );
}

#[test]
fn sole_issuer_rows_complete_a_symbol_cut_short_after_the_type_code() {
    let rows: Vec<_> = tables()
        .doc_types
        .iter()
        .filter_map(|r| Some((r, r.sole_issuer?)))
        .collect();
    assert!(rows
        .iter()
        .any(|(r, issuer)| r.doc_type == "decree" && *issuer == "CP"));
    for (row, issuer) in rows {
        let code = row.codes[0];
        let text = format!("{} số 4/2014/{code} và", row.words[0]);
        let c = &vncite::extract(&text).citations[0];
        assert_eq!(
            (c.symbol.clone(), c.issuers.clone(), c.doc_type.as_str()),
            (
                format!("4/2014/{code}-{issuer}"),
                vec![issuer.to_string()],
                row.doc_type
            ),
            "{text}"
        );
        assert_eq!(c.text, format!("{} số 4/2014/{code}", row.words[0]));
    }
}
