//! What the extractor finds and what it makes of each mention, on hand-written fixtures.

use crate::{fixture, summary};

fn row(
    symbol: &str,
    year: Option<i32>,
    date: Option<&str>,
    doc_type: &str,
    relation: &str,
) -> (String, Option<i32>, Option<String>, String, String) {
    (
        symbol.to_string(),
        year,
        date.map(str::to_string),
        doc_type.to_string(),
        relation.to_string(),
    )
}

#[test]
fn news_item_about_57_nq_cp_comes_out_whole() {
    let Some(text) = crate::shared_example("tin_nghi_quyet_57_nq_cp_2022.txt") else {
        return;
    };
    let text = text.as_str();
    assert_eq!(
        summary(text),
        vec![
            row(
                "57/NQ-CP",
                Some(2022),
                Some("2022-04-21"),
                "resolution",
                "cites"
            ),
            row(
                "57/NQ-CP",
                Some(2022),
                Some("2022-04-21"),
                "resolution",
                "cites"
            ),
            row(
                "128/NQ-CP",
                Some(2020),
                Some("2020-09-11"),
                "resolution",
                "implements"
            ),
            row(
                "99/NQ-CP",
                Some(2020),
                Some("2020-06-24"),
                "resolution",
                "implements"
            ),
            row(
                "27/CT-TTg",
                Some(2019),
                Some("2019-11-19"),
                "directive",
                "implements"
            ),
        ]
    );
    let found = vncite::extract(text);
    assert!(found.document.is_none());
    assert_eq!(found.citations[0].id, "57/NQ-CP@2022");
}

#[test]
fn every_symbol_form_is_found_with_its_doc_type() {
    let found: Vec<(String, String)> = vncite::extract(&fixture("forms.txt"))
        .citations
        .into_iter()
        .map(|c| (c.symbol, c.doc_type.to_string()))
        .collect();
    let expected = [
        ("30/2020/NĐ-CP", "decree"),
        ("15/2020/QĐ-TTg", "decision"),
        ("78/2021/TT-BTC", "circular"),
        ("55/2005/TTLT-BNV-VPCP", "joint_circular"),
        ("80/2015/QH13", "law"),
        ("02/2020/UBTVQH14", "resolution"),
        ("755/2005/NQ-UBTVQH11", "resolution"),
        ("01/2019/NQ-HĐTP", "resolution"),
        ("10/VBHN-VPQH", "consolidated_text"),
        ("66.19/2026/NQ-CP", "resolution"),
        ("57/NQ-CP", "resolution"),
        ("06/QĐ-TTg", "decision"),
        ("2345/QĐ-UBND", "decision"),
        ("1234/TTr-VP", "submission"),
        ("12/TB-VPCP", "notice"),
        ("2507/GP-UBND", "license"),
        ("1234/BTC-TCT", "official_letter"),
        ("4567/UBND-KT", "official_letter"),
        ("9876/CTHN-TTHT", "official_letter"),
        ("88/BC-HĐND", "report"),
        ("57-NQ/TW", "resolution"),
        ("14-KL/TW", "conclusion"),
        ("08-QĐi/TW", "regulation"),
        ("36-HD/VPTW", "guidance"),
        ("112-KH/TU", "plan"),
        // "Thông báo kết luận": a notice, not a conclusion, as its code says.
        ("45-TB/TW", "notice"),
        // "TƯ", "T.Ư": the central code written from "Trung ương".
        ("18-NQ/TW", "resolution"),
        ("35-CT/TW", "directive"),
        ("64-CP", "decree"),
        ("02/CP", "decree"),
        ("406/TTg", "directive"),
        ("141/HĐBT", "decree"),
        ("24-L/CTN", "law"),
        ("19/2017/NQ-CP", "resolution"),
        ("27/CT-Tg", "directive"),
        ("144/2025/CV-BSGBTr", "official_letter"),
        ("33B-HĐBT", "decision"),
        ("3/NQ/1976", "resolution"),
        ("01/BXD-QLN-1996", "official_letter"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(s, t)| (s.to_string(), t.to_string()))
        .collect();
    assert_eq!(found, expected);
    // Type words of more words than the type's own name are written from their first word.
    let written: Vec<String> = vncite::extract(
        "Xét Báo cáo thẩm tra số 88/BC-HĐND ngày 5/7/2026 của Ban Pháp chế; Thông báo kết luận số 45-TB/TW.",
    )
    .citations
    .into_iter()
    .map(|c| c.text)
    .collect();
    assert_eq!(
        written,
        [
            "Báo cáo thẩm tra số 88/BC-HĐND ngày 5/7/2026",
            "Thông báo kết luận số 45-TB/TW"
        ]
    );
    // A year written after the codes is the symbol's year.
    let years: Vec<(String, Option<i32>)> =
        vncite::extract("Nghị quyết 3/NQ/1976; Công văn 01/BXD-QLN-1996; Quyết định 33B-HĐBT.")
            .citations
            .into_iter()
            .map(|c| (c.symbol, c.year))
            .collect();
    assert_eq!(
        years,
        [
            ("3/NQ/1976".to_string(), Some(1976)),
            ("01/BXD-QLN-1996".to_string(), Some(1996)),
            ("33B-HĐBT".to_string(), None),
        ]
    );
}

#[test]
fn blank_numbers_dates_fractions_standards_and_forms_are_not_citations() {
    let found = vncite::extract(&fixture("not_citations.txt"));
    assert_eq!(found.citations, vec![]);
    assert_eq!(found.document, None);
}

#[test]
fn decision_with_header_preamble_and_effectivity_clause() {
    let text = crate::example("quyet_dinh_ubnd.txt");
    let found = vncite::extract(&text);
    insta::assert_json_snapshot!("quyet_dinh_ubnd", found);
    for c in &found.citations {
        assert_eq!(&text[c.start..c.end], c.text);
    }
}

#[test]
fn dates_in_every_written_form() {
    for (text, date) in [
        ("Nghị quyết số 128/NQ-CP ngày 11/9/2020", "2020-09-11"),
        ("Nghị quyết số 128/NQ-CP ngày 11-9-2020", "2020-09-11"),
        ("Nghị quyết số 128/NQ-CP ngày 11.9.2020", "2020-09-11"),
        (
            "Nghị quyết số 128/NQ-CP ngày 11 tháng 9 năm 2020",
            "2020-09-11",
        ),
        ("Nghị quyết số 128/NQ-CP ngày 01/09/2020", "2020-09-01"),
        (
            "Nghị quyết số 128/NQ-CP ngày 11\ntháng 9 năm 2020",
            "2020-09-11",
        ),
    ] {
        let c = &vncite::extract(text).citations[0];
        assert_eq!(c.date.as_deref(), Some(date), "{text}");
        assert_eq!(
            c.year,
            Some(&date[..4]).and_then(|y| y.parse().ok()),
            "{text}"
        );
    }
}

#[test]
fn year_rules_apply_in_contract_order() {
    // Year from "năm YYYY" right after.
    assert_eq!(summary("Công văn 827/TTg-KTN năm 2008")[0].1, Some(2008));
    // An earlier dated mention gives year and date to a later bare one.
    let s = summary(
        "Chỉ thị số 27/CT-TTg ngày 19/11/2019. Sau đó Chỉ thị số 27/CT-TTg được triển khai.",
    );
    assert_eq!(s[1].1, Some(2019));
    assert_eq!(s[1].2.as_deref(), Some("2019-11-19"));
    // The sentence's own date.
    let s = summary(
        "Ngày 11/10/2021, Chính phủ đã ban hành Nghị quyết số 128/NQ-CP về thích ứng an toàn.",
    );
    assert_eq!(s[0].1, Some(2021));
    // What was issued is attached to the mention; "ban hành kèm theo" alone only says where rules come from.
    let s = summary(
        "Ngày 14/3/2026, Thủ tướng Chính phủ đã ban hành Quy chế quản lý cụm công nghiệp kèm theo Quyết định số 41/QĐ-TTg.",
    );
    assert_eq!(s[0].2.as_deref(), Some("2026-03-14"));
    let s = summary(
        "Ngày 14/3/2026, Sở kiểm tra theo Quy chế ban hành kèm theo Quyết định số 41/QĐ-TTg.",
    );
    assert_eq!(s[0].2, None);
    // Unknown otherwise.
    assert_eq!(summary("theo Nghị quyết số 128/NQ-CP")[0].1, None);
}

#[test]
fn year_less_symbols_of_different_years_are_different_documents() {
    let found = vncite::extract(
        "Nghị quyết số 128/NQ-CP ngày 11/9/2020 và Nghị quyết số 128/NQ-CP ngày 11/10/2021.",
    );
    let ids: Vec<&str> = found.citations.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["128/NQ-CP@2020", "128/NQ-CP@2021"]);
}

#[test]
fn lists_share_type_word_date_issuer_and_relation() {
    let found = vncite::extract("Thay thế các Quyết định số 12/QĐ-UBND, số 13/QĐ-UBND ngày 05/01/2024 của UBND tỉnh Lào Cai.");
    let got: Vec<(&str, Option<&str>, &str, &str, &str)> = found
        .citations
        .iter()
        .map(|c| {
            (
                c.symbol.as_str(),
                c.date.as_deref(),
                c.doc_type.as_str(),
                c.relation.as_str(),
                c.id.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "12/QĐ-UBND",
                Some("2024-01-05"),
                "decision",
                "replaces",
                "12/QĐ-UBND@2024~lao-cai"
            ),
            (
                "13/QĐ-UBND",
                Some("2024-01-05"),
                "decision",
                "replaces",
                "13/QĐ-UBND@2024~lao-cai"
            ),
        ]
    );
    // "cùng ngày" (the same day) dates every item of the list before it.
    let found = vncite::extract(
        "Căn cứ Thông tư số 10/2026/TT-BXD và Thông tư số 11/2026/TT-BXD cùng ngày 14/6/2026 của Bộ Xây dựng;",
    );
    let dates: Vec<(&str, Option<&str>)> = found
        .citations
        .iter()
        .map(|c| (c.symbol.as_str(), c.date.as_deref()))
        .collect();
    assert_eq!(
        dates,
        [
            ("10/2026/TT-BXD", Some("2026-06-14")),
            ("11/2026/TT-BXD", Some("2026-06-14"))
        ]
    );
}

#[test]
fn relations_from_the_governing_phrase() {
    let cases = [
        ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020;", "basis"),
        (
            "Nghị định này sửa đổi, bổ sung một số điều của Nghị định số 30/2020/NĐ-CP.",
            "amends",
        ),
        (
            "NGHỊ ĐỊNH SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 30/2020/NĐ-CP",
            "amends",
        ),
        (
            "Quyết định này thay thế Quyết định số 12/2015/QĐ-UBND.",
            "replaces",
        ),
        ("Bãi bỏ Điều 3 Quyết định số 12/2015/QĐ-UBND.", "repeals"),
        (
            "Thông tư số 43/2025/TT-BCT hết hiệu lực kể từ ngày 01/7/2026.",
            "repeals",
        ),
        (
            "Thông tư này hướng dẫn thi hành Nghị định số 123/2020/NĐ-CP.",
            "guides",
        ),
        (
            "Nghị định này quy định chi tiết Luật số 24/2018/QH14.",
            "guides",
        ),
        (
            "Thực hiện Chỉ thị số 27/CT-TTg ngày 19/11/2019;",
            "implements",
        ),
        (
            "Triển khai Kế hoạch số 112-KH/TU của Tỉnh ủy.",
            "implements",
        ),
        (
            "Đính chính Quyết định số 12/QĐ-UBND ngày 05/01/2024.",
            "corrects",
        ),
        (
            "Căn cứ Luật số 23/2004/QH11 được sửa đổi, bổ sung bởi Luật số 48/2014/QH13;",
            "basis",
        ),
        (
            "Điều 5 được sửa đổi, bổ sung bởi Luật số 48/2014/QH13.",
            "cites",
        ),
        ("Theo báo cáo tại Công văn số 1234/BTC-TCT.", "cites"),
        (
            "Bãi bỏ cụm từ \"dấu hỏa\" tại khoản 2 Điều 1 của Thông tư số 18/2025/TT-BCT.",
            "repeals",
        ),
        (
            "Thay thế cụm từ \"Bộ Tài chính\" tại Điều 3 Thông tư số 18/2025/TT-BCT.",
            "amends",
        ),
    ];
    for (text, relation) in cases {
        assert_eq!(summary(text)[0].4, relation, "{text}");
    }
    // The passive amender in a Căn cứ line only cites.
    let s = summary("Căn cứ Luật số 23/2004/QH11 được sửa đổi, bổ sung bởi Luật số 48/2014/QH13;");
    assert_eq!(s[1].4, "cites");
}

#[test]
fn pinpoints_are_kept_apart_from_the_mention() {
    let text = "theo điểm d khoản 2 Điều 10 Nghị định số 123/2020/NĐ-CP";
    let c = &vncite::extract(text).citations[0];
    assert_eq!(c.pinpoint.as_deref(), Some("điểm d khoản 2 Điều 10"));
    assert_eq!(c.text, "Nghị định số 123/2020/NĐ-CP");
}

#[test]
fn issuer_phrases_resolve_to_one_spelling() {
    for text in [
        "Quyết định số 12/QĐ-UBND ngày 05/01/2024 của UBND tỉnh Quảng Nam",
        "Quyết định số 12/QĐ-UBND ngày 05/01/2024 của Ủy ban nhân dân tỉnh Quảng Nam",
        "Quyết định số 12/QĐ-UBND ngày 05/01/2024 của Uy ban nhan dan tinh Quảng Nam",
    ] {
        let c = &vncite::extract(text).citations[0];
        assert_eq!(
            c.issuer_name.as_deref(),
            Some("Ủy ban nhân dân tỉnh Quảng Nam"),
            "{text}"
        );
        assert_eq!(c.issuers, ["UBND"]);
        assert_eq!(c.id, "12/QĐ-UBND@2024~quang-nam");
    }
    let c = &vncite::extract("Thông tư liên tịch số 47/2009/TTLT-BTC-BLĐTBXH").citations[0];
    assert_eq!(c.issuers, ["BTC", "BLĐTBXH"]);
}

#[test]
fn header_gives_the_document_and_is_never_a_citation() {
    let text = "CHÍNH PHỦ\nSố: 30/2020/NĐ-CP\nHà Nội, ngày 05 tháng 3 năm 2020\nNGHỊ ĐỊNH\nVề công tác văn thư\nCăn cứ Luật số 76/2015/QH13;\nNghị định 30/2020/NĐ-CP có hiệu lực.";
    let found = vncite::extract(text);
    let doc = found.document.expect("header");
    assert_eq!(
        (
            doc.symbol.as_str(),
            doc.year,
            doc.date.as_deref(),
            doc.doc_type.as_str()
        ),
        ("30/2020/NĐ-CP", Some(2020), Some("2020-03-05"), "decree")
    );
    assert_eq!(doc.issuer_name.as_deref(), Some("Chính phủ"));
    assert_eq!(doc.title.as_deref(), Some("Về công tác văn thư"));
    let symbols: Vec<&str> = found.citations.iter().map(|c| c.symbol.as_str()).collect();
    assert_eq!(symbols, ["76/2015/QH13"]);

    // A page copy keeps the column's rule as a dash before the number line.
    let dashed = vncite::extract("BỘ NỘI VỤ\n-CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n-Số: 07/2023/TT-BNV Hà Nội, ngày 01 tháng 6 năm 2023\nTHÔNG TƯ\nHướng dẫn chế độ báo cáo\nCăn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022;");
    let doc = dashed.document.expect("dashed header");
    assert_eq!(
        (doc.symbol.as_str(), doc.date.as_deref()),
        ("07/2023/TT-BNV", Some("2023-06-01"))
    );
    let symbols: Vec<&str> = dashed.citations.iter().map(|c| c.symbol.as_str()).collect();
    assert_eq!(symbols, ["63/2022/NĐ-CP"]);

    let party = vncite::extract("TỈNH ỦY LÀO CAI\nSố 112-KH/TU\nLào Cai, ngày 20 tháng 3 năm 2025\nKẾ HOẠCH\nTriển khai Chỉ thị số 11-CT/TU");
    let doc = party.document.expect("party header");
    assert_eq!(
        (doc.symbol.as_str(), doc.doc_type.as_str()),
        ("112-KH/TU", "plan")
    );

    let letter = vncite::extract(
        "BỘ TÀI CHÍNH\nSố: 1234/BTC-TCT\nV/v hướng dẫn thuế\nHà Nội, ngày 1 tháng 2 năm 2024",
    );
    let doc = letter.document.expect("letter header");
    assert_eq!(
        (doc.doc_type.as_str(), doc.title.as_deref()),
        ("official_letter", Some("hướng dẫn thuế"))
    );

    assert_eq!(vncite::extract("Số:    /KH-UBND\nKẾ HOẠCH").document, None);
}

#[test]
fn named_references() {
    let found = vncite::extract(
        "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\nCăn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;\nCăn cứ Bộ luật Dân sự năm 2015;\nCăn cứ Hiến pháp năm 2013;\nCăn cứ Luật Quản lý thuế số 38/2019/QH14;\nCăn cứ Bộ luật Tố tụng dân sự số 92/2015/QH13;",
    );
    let got: Vec<(&str, Option<&str>, Option<i32>, &str, &str)> = found
        .named
        .iter()
        .map(|n| {
            (
                n.name.as_str(),
                n.date.as_deref(),
                n.year,
                n.doc_type.as_str(),
                n.relation.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Luật Tổ chức Chính phủ", Some("2015-06-19"), Some(2015), "law", "basis"),
            (
                "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
                Some("2019-11-22"),
                Some(2019),
                "law",
                "basis"
            ),
            ("Bộ luật Dân sự", None, Some(2015), "code", "basis"),
            ("Hiến pháp", None, Some(2013), "constitution", "basis"),
        ]
    );
    // A law's number after its name is a mention written from the name's type word, which gives its type.
    let numbered: Vec<(&str, &str, &str)> = found
        .citations
        .iter()
        .map(|c| (c.text.as_str(), c.symbol.as_str(), c.doc_type.as_str()))
        .collect();
    assert_eq!(
        numbered,
        [
            ("Luật Quản lý thuế số 38/2019/QH14", "38/2019/QH14", "law"),
            (
                "Bộ luật Tố tụng dân sự số 92/2015/QH13",
                "92/2015/QH13",
                "code"
            ),
        ]
    );
}

/// A title in capitals: a capital after a comma goes on with the name, a word that ends names still ends it.
#[test]
fn a_name_in_capitals_runs_past_its_comma() {
    let found = vncite::extract(
        "QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT KHÁM BỆNH, CHỮA BỆNH\nTHEO LUẬT GIÁM ĐỊNH TƯ PHÁP, CÁC TỔ CHỨC PHẢI BÁO CÁO\nTheo Luật Quảng cáo, Ủy ban nhân dân tỉnh quyết định.",
    );
    let names: Vec<&str> = found.named.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(
        names,
        [
            "LUẬT KHÁM BỆNH, CHỮA BỆNH",
            "LUẬT GIÁM ĐỊNH TƯ PHÁP",
            "Luật Quảng cáo"
        ]
    );
}

#[test]
fn names_in_lower_case_are_read_and_words_that_only_look_like_names_are_not() {
    let text = crate::fixture("named_lower.txt");
    let found = vncite::extract(&text);
    let got: Vec<(&str, Option<i32>, &str)> = found
        .named
        .iter()
        .map(|n| (n.name.as_str(), n.year, n.id.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Bộ luật lao động",
                Some(2019),
                "named:bo-luat-lao-dong@2019-11-20"
            ),
            ("Luật các tổ chức tín dụng", Some(2024), "32/2024/QH15"),
            // Undated, but the input dates the same name above; one node.
            (
                "Bộ luật lao động",
                None,
                "named:bo-luat-lao-dong@2019-11-20"
            ),
            // The databases' "name year" form: the year is not a word of the name.
            ("Luật hải quan", Some(2014), "54/2014/QH13"),
            // "Luật quản lý chuyên ngành" describes laws and is dated nowhere; "Luật sư", "Luật này" and
            // "Hiến pháp và pháp luật" name nothing.
        ]
    );
}

#[test]
fn a_name_ends_where_its_words_end_whatever_folding_merges() {
    let text = crate::fixture("named_words.txt");
    let found = vncite::extract(&text);
    let got: Vec<(&str, Option<&str>)> = found
        .named
        .iter()
        .map(|n| (n.name.as_str(), n.date.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            // "bí" is not the passive "bị"; the date after "ban hành" is the law's.
            ("Luật Bảo vệ bí mật nhà nước", Some("2018-11-15")),
            // "Tài", "Đê", "Đa", "Thi" fold to the stop words "tại", "để", "đã", "thì".
            ("Luật Tài nguyên nước", Some("2023-11-27")),
            ("Luật Đê điều", Some("2006-11-29")),
            ("Luật Đa dạng sinh học", Some("2008-11-13")),
            ("Luật Thi đua, khen thưởng", Some("2022-06-15")),
            ("Luật Chăn nuôi", None),
            // A name never ends with "và"; one "và" inside it stays.
            ("Luật Kế toán", None),
            ("Luật Bảo vệ và phát triển rừng", Some("2004-12-03")),
            // A known law's name ends at the comma after it; a name with commas of its own stays whole.
            ("Luật Địa chất và khoáng sản", None),
            ("Luật Giá", None),
            ("Luật Phòng, chống tham nhũng", None),
            // "do" is "by" ("đô" is a word of a name); "Việt Nam" before a year is no "năm".
            ("Luật Khiếu nại", None),
            ("Luật Thủ đô", None),
            ("Luật Biển Việt Nam", None),
            ("Luật Quốc tịch Việt Nam", None),
            // "và" before the name's own first word, or before "sửa đổi", starts a list.
            ("Luật Đầu tư", None),
            ("Luật Lâm nghiệp", None),
            // A known law's name ends before a verb that opens the sentence's predicate; lower-case words
            // that are no verb go on as words of another law's name.
            ("Luật Giá", None),
            ("Luật Đất đai", None),
            ("Luật Đầu tư công", None),
            ("Luật Doanh nghiệp nhà nước", None),
            // A basis item is a name and its date: words such as "tại", "có" before the date are the name's.
            (
                "Luật Hỗ trợ người lao động làm việc tại doanh nghiệp",
                Some("2021-06-10")
            ),
            (
                "Pháp lệnh Ưu đãi người có công với cách mạng",
                Some("2020-12-09")
            ),
            // "có công với cách mạng" is a term of the name, wherever the name stands.
            ("Pháp lệnh Ưu đãi người có công với cách mạng", None),
            // A known law's name ends before a negation or a condition.
            ("Luật Doanh nghiệp", None),
            ("Luật Quản lý thuế", None),
            ("Luật Chất lượng sản phẩm , hàng hóa", None),
            // An amending law names the laws it amends by their matter.
            (
                "Luật sửa đổi, bổ sung một số điều của các Luật về thuế",
                None
            ),
            // "nếu" (if) stands in no law's name, known or not.
            ("Luật Kế toán", None),
            // Nor "vào" (into): where the law is put.
            ("Luật Hộ tịch", None),
            // "số" before a bare year is a word ("digital"), not a number's: a symbol has its slash.
            ("Luật Công nghiệp công nghệ số", None),
        ]
    );
    assert_eq!(found.named.last().and_then(|n| n.year), Some(2025));
    // A comma spaced off its word is the same name.
    assert_eq!(
        found.named.iter().rev().nth(4).map(|n| n.id.as_str()),
        Some("named:luat-chat-luong-san-pham-va-hang-hoa@?")
    );
    let biển = &found.named[13];
    assert_eq!((biển.year, biển.id.as_str()), (Some(2012), "18/2012/QH13"));
}

#[test]
fn an_amending_laws_name_runs_over_a_wrapped_line_and_takes_the_date_after_its_list() {
    let text = crate::fixture("named_lists.txt");
    let found = vncite::extract(&text);
    let got: Vec<(&str, Option<&str>, String, &str)> = found
        .named
        .iter()
        .map(|n| {
            (
                n.name.as_str(),
                n.date.as_deref(),
                n.relation.to_string(),
                n.id.as_str(),
            )
        })
        .collect();
    let amending = "Luật sửa đổi, bổ sung một số điều của";
    assert_eq!(
        got,
        [
            (
                "Luật Tổ chức Chính phủ",
                Some("2025-02-18"),
                "basis".into(),
                "63/2025/QH15"
            ),
            // The line stops on "của": the name goes on, and its date makes it the numbered law.
            (
                &format!(
                    "{amending} Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương"
                )[..],
                Some("2019-11-22"),
                "basis".into(),
                "47/2019/QH14"
            ),
            // The date after the last law of the title's list is the amending law's.
            (
                &format!("{amending} Luật Kế toán")[..],
                Some("2025-12-10"),
                "basis".into(),
                "named:luat-sua-doi-va-bo-sung-mot-so-dieu-cua-luat-ke-toan@2025-12-10"
            ),
            (
                "Luật Thống kê",
                None,
                "cites".into(),
                "named:luat-thong-ke@?"
            ),
            ("Luật Giá", None, "cites".into(), "named:luat-gia@?"),
            (
                "Luật Phí và lệ phí",
                None,
                "cites".into(),
                "named:luat-phi-va-le-phi@?"
            ),
            (
                "Luật Xây dựng",
                Some("2014-06-18"),
                "basis".into(),
                "50/2014/QH13"
            ),
            (
                "Luật Đất đai",
                Some("2024-01-18"),
                "basis".into(),
                "31/2024/QH15"
            ),
            // Across a semicolon the dated name is an item of its own, the date its own.
            (
                &format!("{amending} Luật Đấu thầu")[..],
                None,
                "basis".into(),
                "named:luat-sua-doi-va-bo-sung-mot-so-dieu-cua-luat-dau-thau@?"
            ),
            (
                "Luật Đầu tư",
                Some("2020-06-17"),
                "cites".into(),
                "61/2020/QH14"
            ),
        ]
    );
}

#[test]
fn every_law_an_amending_title_lists_is_cited_wherever_the_window_of_its_mention_starts() {
    // The mention's window may start between the amending name's type word and its verb: with a first
    // item of every length, one of the later items meets that cut.
    for k in 1..48 {
        let text = format!(
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thuế {}, Luật Kế toán, Luật Kiểm toán độc \
             lập, Luật Ngân sách nhà nước, Luật Quản lý tài sản công, Luật Quản lý thuế, Luật Thuế thu \
             nhập cá nhân, Luật Dự trữ quốc gia;",
            "a".repeat(k)
        );
        let found = vncite::extract(&text);
        let relations: Vec<String> = found.named.iter().map(|n| n.relation.to_string()).collect();
        assert_eq!(relations.len(), 8, "{text}");
        assert_eq!(relations[0], "basis", "{text}");
        assert!(
            relations[1..].iter().all(|r| r == "cites"),
            "{text}: {relations:?}"
        );
    }
}

#[test]
fn headers_of_database_page_copies_give_the_document_and_its_title() {
    let own = |text: &str| {
        vncite::extract(text)
            .document
            .map(|d| (d.symbol, d.doc_type.as_str().to_string(), d.date, d.title))
    };
    // (layout, text, symbol, type, date, title)
    let cases = [
        (
            "the motto's rule, the number label and the title word joined on lines of their own",
            "QUỐC HỘI -------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- Luật số:\n45/2023/QH15\nHà Nội, ngày 20 tháng 6 năm 2023 LUẬT THƯ VIỆN SỐ\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n",
            "45/2023/QH15",
            "law",
            "2023-06-20",
            "THƯ VIỆN SỐ",
        ),
        (
            "the title word and the trích yếu on one line under the date",
            "CHÍNH PHỦ\nSố:\n31/2025/NĐ-CP\nHà Nội, ngày 03 tháng 3 năm 2025\nNGHỊ ĐỊNH QUY ĐỊNH CHI TIẾT VỀ ĐẤT RỪNG\nCăn cứ Luật Lâm nghiệp ngày 15 tháng 11 năm 2017;\n",
            "31/2025/NĐ-CP",
            "decree",
            "2025-03-03",
            "QUY ĐỊNH CHI TIẾT VỀ ĐẤT RỪNG",
        ),
        (
            "the whole header and the preamble's first line on one line; the trích yếu in sentence case",
            "BỘ XÂY DỰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 08/2026/TT-BXD Hà Nội, ngày 14 tháng 4 năm 2026 THÔNG TƯ Hướng dẫn phân cấp công trình Căn cứ Luật Xây dựng ngày 18 tháng 6 năm 2014;\n",
            "08/2026/TT-BXD",
            "circular",
            "2026-04-14",
            "Hướng dẫn phân cấp công trình",
        ),
        (
            "a Markdown copy: the title word and the trích yếu in bold, blank lines between",
            "| BỘ XÂY DỰNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n| Số: 09/2026/TT-BXD | Hà Nội, ngày 20 tháng 4 năm 2026 |\n\n**THÔNG TƯ**\n\n**Quy định về nhà ở xã hội**\n\n*Căn cứ Luật Nhà ở ngày 27 tháng 11 năm 2023;*\n",
            "09/2026/TT-BXD",
            "circular",
            "2026-04-20",
            "Quy định về nhà ở xã hội",
        ),
    ];
    for (layout, text, symbol, doc_type, date, title) in cases {
        assert_eq!(
            own(text),
            Some((
                symbol.to_string(),
                doc_type.to_string(),
                Some(date.to_string()),
                Some(title.to_string())
            )),
            "{layout}"
        );
    }
    // The issuer's name that the copy joins to the end of the title is not part of it.
    let title = own("HỘI ĐỒNG THẨM PHÁN TÒA ÁN NHÂN DÂN TỐI CAO\nSố: 02/2025/NQ-HĐTP\nHà Nội, ngày 10 tháng 4 năm 2025 NGHỊ QUYẾT HƯỚNG DẪN ÁP DỤNG ÁN LỆ HỘI ĐỒNG THẨM PHÁN TÒA ÁN NHÂN DÂN TỐI CAO\nCăn cứ Luật Tổ chức Tòa án nhân dân ngày 24 tháng 6 năm 2024;\n")
        .and_then(|d| d.3);
    assert_eq!(title.as_deref(), Some("HƯỚNG DẪN ÁP DỤNG ÁN LỆ"));
    // Older stacked headers repeat the issuer, number and date in the title line, the year sometimes
    // glued to the next word by a page that joined two lines.
    for glue in [" ", ""] {
        let title = own(&format!("BỘ CÔNG NGHIỆP\nSố: 17/1999/QĐ-BCN\nHà Nội, ngày 02 tháng 4 năm 1999\nQUYẾT ĐỊNH\nCỦA BỘ TRƯỞNG BỘ CÔNG NGHIỆP SỐ 17/1999/QĐ-BCN NGÀY 02 THÁNG 4 NĂM 1999{glue}VỀ VIỆC BAN HÀNH QUY CHẾ AN TOÀN\nBỘ TRƯỞNG BỘ CÔNG NGHIỆP\nCăn cứ Nghị định số 74/CP ngày 01 tháng 11 năm 1995;\n"))
            .and_then(|d| d.3);
        assert_eq!(
            title.as_deref(),
            Some("VỀ VIỆC BAN HÀNH QUY CHẾ AN TOÀN"),
            "{glue:?}"
        );
    }
    // The signer's office above the preamble ends the title; a line the one above runs on into does not.
    let title = own("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nSố: 812/QĐ-UBND\nHà Giang, ngày 05 tháng 5 năm 2021\nQUYẾT ĐỊNH\nVỀ VIỆC ỦY QUYỀN CHO\nGIÁM ĐỐC SỞ TÀI CHÍNH\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n")
        .and_then(|d| d.3);
    assert_eq!(
        title.as_deref(),
        Some("VỀ VIỆC ỦY QUYỀN CHO GIÁM ĐỐC SỞ TÀI CHÍNH")
    );
    // A consolidated law's title in capitals ends where the body names the law, its name and number.
    let title = own("VĂN PHÒNG QUỐC HỘI\nSố: 30/VBHN-VPQH\nHà Nội, ngày 02 tháng 3 năm 2026\nLUẬT\nTHỦY LỢI\nLuật Thủy lợi số 08/2017/QH14 ngày 19 tháng 6 năm 2017 của Quốc hội, được sửa đổi, bổ sung bởi:\n")
        .and_then(|d| d.3);
    assert_eq!(title.as_deref(), Some("THỦY LỢI"));
}

#[test]
fn same_input_gives_identical_output() {
    let text = crate::example("quyet_dinh_ubnd.txt");
    let a = serde_json::to_string(&vncite::extract(&text)).unwrap_or_default();
    let b = serde_json::to_string(&vncite::extract(&text)).unwrap_or_default();
    assert_eq!(a, b);
}

#[test]
fn a_text_dense_with_references_end_to_end_is_read_whole() {
    // 300 KB without a pause between references: runs of overlapping windows are folded in bounded pieces,
    // and every reference must come out the same wherever a piece ends.
    let line = |i: usize| {
        format!(
            "Căn cứ Nghị định số {}/2020/NĐ-CP ngày 05/3/2020 của Chính phủ và Luật Đất đai ngày 18 tháng 01 năm 2024; ",
            i + 1
        )
    };
    let text: String = (0..2500).map(line).collect();
    let found = vncite::extract(&text);
    assert_eq!(found.citations.len(), 2500);
    assert_eq!(found.named.len(), 2500);
    for (i, c) in found.citations.iter().enumerate() {
        assert_eq!(c.symbol, format!("{}/2020/NĐ-CP", i + 1));
        assert_eq!(c.date.as_deref(), Some("2020-03-05"));
        assert_eq!(c.relation, "basis");
        assert_eq!(c.issuer_name.as_deref(), Some("Chính phủ"));
        assert_eq!(&text[c.start..c.end], c.text);
    }
    for n in &found.named {
        assert_eq!(n.name, "Luật Đất đai");
        assert_eq!(n.date.as_deref(), Some("2024-01-18"));
        assert_eq!(n.relation, "basis");
    }
}

#[test]
fn ocr_letters_for_digits_inside_a_date_are_read_as_digits() {
    let text = "Căn cứ Điều 14 Pháp lệnh chất lượng hàng hoá được công bố theo lệnh số 49 - LTC / HĐNN ngày 02/0l/1991 của Chủ tịch Hội đồng Nhà nước;";
    let c = &vncite::extract(text).citations[0];
    assert_eq!(
        (
            c.symbol.as_str(),
            c.date.as_deref(),
            c.year,
            c.relation.as_str()
        ),
        ("49-LTC/HĐNN", Some("1991-01-02"), Some(1991), "cites")
    );
    assert_eq!(c.text, "lệnh số 49 - LTC / HĐNN ngày 02/0l/1991");
    // A number glued to the next word is still a number; letters alone are not.
    let dates: Vec<Option<String>> = [
        "Quyết định số 11/2026/QĐ-UBND ngày 29tháng 01 năm 2026",
        "Quyết định số 12/QĐ-UBND ngày lo/3/2020",
        "Quyết định số 13/QĐ-UBND ngày 1la/3/2020",
        "Quyết định số 14/QĐ-UBND ngày 2O/1O/2O2O",
    ]
    .iter()
    .map(|t| vncite::extract(t).citations[0].date.clone())
    .collect();
    assert_eq!(
        dates,
        [
            Some("2026-01-29".to_string()),
            None,
            None,
            Some("2020-10-20".to_string())
        ]
    );
}

#[test]
fn a_two_column_header_names_the_body_below_its_parent_and_keeps_the_motto_out() {
    // The issuer is the body under its parent, on the line the motto shares.
    let text = "UBND TỈNH LÀO CAI              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ CÔNG THƯƠNG                  Độc lập - Tự do - Hạnh phúc\n\nSố: 15 /QĐ-SCT                   Lào Cai, ngày 06 tháng 3 năm 2026\n\nQUYẾT ĐỊNH\nKiểm tra việc chấp hành\n";
    let doc = vncite::extract(text).document.expect("a header");
    assert_eq!(
        (
            doc.symbol.as_str(),
            doc.issuer_name.as_deref(),
            doc.title.as_deref()
        ),
        (
            "15/QĐ-SCT",
            Some("Sở Công Thương"),
            Some("Kiểm tra việc chấp hành")
        )
    );
    // A provincial committee whose place is on the motto's line.
    let text = "ỦY BAN NHÂN DÂN           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH YÊN BÁI              Độc lập - Tự do - Hạnh phúc\nSố: 7/2025/QĐ-UBND        Yên Bái, ngày 02 tháng 4 năm 2025\nQUYẾT ĐỊNH\nBan hành quy chế\n";
    let doc = vncite::extract(text).document.expect("a header");
    assert_eq!(
        (doc.issuer_name.as_deref(), doc.id.as_str()),
        (
            Some("Ủy ban nhân dân tỉnh Yên Bái"),
            "7/2025/QĐ-UBND~yen-bai"
        )
    );
    // Both columns and both stacked lines flattened to one line.
    let text = "BỘ TÀI CHÍNH TỔNG CỤC THUẾ ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\nSố: 42/TCT-CS V/v hoàn thuế\nHà Nội, ngày 3 tháng 5 năm 2025\n";
    let doc = vncite::extract(text).document.expect("a header");
    assert_eq!(doc.issuer_name.as_deref(), Some("Tổng cục Thuế"));
    // A page layout kept only the first line of the issuer's column; the authority line above the preamble
    // names the council with its province, and local documents it cites take the place.
    let text = "HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 12/2026/NQ-HĐND | Tây Ninh, ngày 08 tháng 7 năm 2026 |\nNGHỊ QUYẾT\nQuy định mức chi hỗ trợ\nHỘI ĐỒNG NHÂN DÂN TỈNH TÂY NINH\nKHÓA X, KỲ HỌP THỨ BA\nCăn cứ Nghị quyết số 04/2025/NQ-HĐND ngày 10 tháng 7 năm 2025 của Hội đồng nhân dân tỉnh;\n";
    let found = vncite::extract(text);
    let doc = found.document.expect("a header");
    assert_eq!(
        (doc.issuer_name.as_deref(), doc.id.as_str()),
        (
            Some("Hội đồng nhân dân tỉnh Tây Ninh"),
            "12/2026/NQ-HĐND~tay-ninh"
        )
    );
    let ids: Vec<&str> = found.citations.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["04/2025/NQ-HĐND~tay-ninh"]);
    // The authority line of another body names no place of this one.
    let text = "HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 12/2026/NQ-HĐND | ngày 08 tháng 7 năm 2026 |\nNGHỊ QUYẾT\nỦY BAN NHÂN DÂN TỈNH TÂY NINH\nCăn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;\n";
    let doc = vncite::extract(text).document.expect("a header");
    assert_eq!(doc.id.as_str(), "12/2026/NQ-HĐND");
    // A level word in capitals at a line's end: the place is the next line in capitals, never the first
    // word of the basis line. Prose breaks a line anywhere, its place in title case.
    let text = "UBND TỈNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 09/2026/QĐ-UBND | ngày 10 tháng 2 năm 2026 |\nỦY BAN NHÂN DÂN TỈNH\nCăn cứ Quyết định số 3/2025/QĐ-UBND ngày 05/01/2025 của Ủy ban nhân dân tỉnh\nBắc Ninh về việc ban hành quy chế;\n";
    let found = vncite::extract(text);
    let doc = found.document.expect("a header");
    assert_eq!(
        (doc.issuer_name.as_deref(), doc.id.as_str()),
        (Some("Ủy ban nhân dân"), "09/2026/QĐ-UBND")
    );
    let ids: Vec<&str> = found.citations.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["3/2025/QĐ-UBND~bac-ninh"]);
    let text =
        "ỦY BAN NHÂN DÂN TỈNH\nBẮC NINH\nSố: 09/2026/QĐ-UBND\nBắc Ninh, ngày 10 tháng 2 năm 2026\n";
    let doc = vncite::extract(text).document.expect("a header");
    assert_eq!(doc.id.as_str(), "09/2026/QĐ-UBND~bac-ninh");
    // The authority line stops at its level word: the province's name is the one its date line writes.
    let text = "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 21/2026/QĐ-UBND | Điện Biên, ngày 14 tháng 5 năm 2026 |\nQUYẾT ĐỊNH\nBan hành quy định về thu gom rác thải\nỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n";
    let doc = vncite::extract(text).document.expect("a header");
    assert_eq!(
        (doc.issuer_name.as_deref(), doc.id.as_str()),
        (
            Some("Ủy ban nhân dân tỉnh Điện Biên"),
            "21/2026/QĐ-UBND~dien-bien"
        )
    );
    // With no level word, the date line's place may be a town's, and is no place of the body.
    let text = "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 21/2026/QĐ-UBND | Mường Lay, ngày 14 tháng 5 năm 2026 |\nQUYẾT ĐỊNH\nBan hành quy định về thu gom rác thải\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n";
    let doc = vncite::extract(text).document.expect("a header");
    assert_eq!(doc.id.as_str(), "21/2026/QĐ-UBND");
}

#[test]
fn whose_law_it_is_is_no_word_of_its_name_but_another_body_in_the_name_is() {
    let text = crate::fixture("named_owners.txt");
    let found = vncite::extract(&text);
    let got: Vec<(&str, &str, Option<&str>, &str)> = found
        .named
        .iter()
        .map(|n| {
            (
                n.text.as_str(),
                n.name.as_str(),
                n.date.as_deref(),
                n.id.as_str(),
            )
        })
        .collect();
    let hdnd = "Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân";
    // data/laws.tsv knows the law of 2004 by this long name.
    let hdnd_id = "31/2004/QH11";
    assert_eq!(
        got,
        [
            // "của Quốc hội", "của nước Cộng hòa xã hội chủ nghĩa Việt Nam": whose law, with its date after.
            (
                "Luật Bảo hiểm xã hội của Quốc hội ngày 20 tháng 11 năm 2014",
                "Luật Bảo hiểm xã hội",
                Some("2014-11-20"),
                "named:luat-bao-hiem-xa-hoi@2014-11-20"
            ),
            (
                "Bộ luật Hình sự của nước Cộng hòa xã hội chủ nghĩa Việt Nam ngày 21 tháng 12 năm 1999",
                "Bộ luật Hình sự",
                Some("1999-12-21"),
                "named:bo-luat-hinh-su@1999-12-21"
            ),
            (
                "Luật Thương mại của Quốc hội nước Cộng hoà xã hội chủ nghĩa Việt Nam ngày 14 tháng 6 năm 2005",
                "Luật Thương mại",
                Some("2005-06-14"),
                "named:luat-thuong-mai@2005-06-14"
            ),
            // A basis item's name runs to its date through a comma and through "của" another body.
            (
                "Luật Tổ chức Hội đồng nhân dân, Ủy ban nhân dân ngày 26 tháng 11 năm 2003",
                "Luật Tổ chức Hội đồng nhân dân, Ủy ban nhân dân",
                Some("2003-11-26"),
                "11/2003/QH11"
            ),
            (
                "Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân ngày 03 tháng 12 năm 2004",
                hdnd,
                Some("2004-12-03"),
                hdnd_id
            ),
            // Undated in a title, the same long name is the same law, not the 2008 one of the short name.
            (hdnd, hdnd, None, hdnd_id),
            // Another law or another type word after the comma: a list, not one name.
            (
                "Luật Đất đai",
                "Luật Đất đai",
                None,
                "named:luat-dat-dai@?"
            ),
            (
                "Luật Nhà ở ngày 25 tháng 11 năm 2014",
                "Luật Nhà ở",
                Some("2014-11-25"),
                "named:luat-nha-o@2014-11-25"
            ),
            (
                "Luật Đầu tư công",
                "Luật Đầu tư công",
                None,
                "named:luat-dau-tu-cong@?"
            ),
        ]
    );
}

#[test]
fn the_body_that_issues_a_document_as_the_sentences_subject_gives_its_place() {
    let text = "Ngày 12/3/2026, UBND tỉnh Gia Lai vừa ban hành Quyết định số 15/2026/QĐ-UBND quy định giá đất. \
HĐND tỉnh Đắk Lắk đã thông qua Nghị quyết số 08/2026/NQ-HĐND về học phí. \
UBND tỉnh Gia Lai đã ký ban hành Nghị quyết số 09/2026/NQ-HĐND của Hội đồng nhân dân tỉnh Kon Tum. \
Sở Tài chính tỉnh Gia Lai ban hành Quyết định số 16/2026/QĐ-UBND.";
    let found = vncite::extract(text);
    let got: Vec<(&str, Option<&str>)> = found
        .citations
        .iter()
        .map(|c| (c.id.as_str(), c.issuer_name.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "15/2026/QĐ-UBND~gia-lai",
                Some("Ủy ban nhân dân tỉnh Gia Lai")
            ),
            (
                "08/2026/NQ-HĐND~dak-lak",
                Some("Hội đồng nhân dân tỉnh Đắk Lắk")
            ),
            // The issuer phrase after the mention wins over the sentence's subject.
            (
                "09/2026/NQ-HĐND~kon-tum",
                Some("Hội đồng nhân dân tỉnh Kon Tum")
            ),
            // A subject whose code the symbol does not bear issues something else.
            ("16/2026/QĐ-UBND", None),
        ]
    );
}

#[test]
fn a_party_document_written_in_the_states_shape_is_the_same_document() {
    let found = vncite::extract(
        "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học. Theo Nghị quyết 57/NQ-TW, các bộ hành động; Kế hoạch 119/KH-TU và Quyết định 57/QĐ-TTg cũng vậy.",
    );
    let got: Vec<(&str, &str, Option<i32>)> = found
        .citations
        .iter()
        .map(|c| (c.symbol.as_str(), c.id.as_str(), c.year))
        .collect();
    assert_eq!(
        got,
        [
            ("57-NQ/TW", "57-NQ/TW@2024", Some(2024)),
            // The symbol as written, the Party's key; a year only from the symbol as written.
            ("57/NQ-TW", "57-NQ/TW@2024", None),
            ("119/KH-TU", "119-KH/TU@?", None),
            // A State issuer keeps the State's form.
            ("57/QĐ-TTg", "57/QĐ-TTg@?", None),
        ]
    );
}

#[test]
fn a_party_committee_is_known_by_its_place() {
    // The committee's name says its level; the place follows with no level word.
    let text = "TỈNH ỦY THANH HÓA\n*\nSố 145-KH/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nThanh Hóa, ngày 12 tháng 3 năm 2026\nKẾ HOẠCH\nthực hiện chương trình chuyển đổi số\n";
    let doc = vncite::extract(text).document.expect("a header");
    assert_eq!(
        (doc.issuer_name.as_deref(), doc.id.as_str()),
        (Some("Tỉnh ủy Thanh Hóa"), "145-KH/TU@2026~thanh-hoa")
    );
    // Or the Party organisation above it names the place.
    let text = "ĐẢNG BỘ TỈNH NGHỆ AN\nTỈNH ỦY\n*\nSố 20-CT/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nNghệ An, ngày 02 tháng 4 năm 2026\nCHỈ THỊ\nvề công tác phòng chống thiên tai\n";
    let doc = vncite::extract(text).document.expect("a header");
    assert_eq!(
        (doc.issuer_name.as_deref(), doc.id.as_str()),
        (Some("Tỉnh ủy Nghệ An"), "20-CT/TU@2026~nghe-an")
    );
    // A city's committee in a citation; and one named without its place is no place's.
    let found = vncite::extract(
        "Thực hiện Chương trình số 08-CTr/TU ngày 17/3/2026 của Thành ủy Hải Phòng và Kết luận số 50-KL/TU ngày 02/02/2026 của Tỉnh ủy về công tác cán bộ.",
    );
    let got: Vec<(&str, Option<&str>)> = found
        .citations
        .iter()
        .map(|c| (c.id.as_str(), c.issuer_name.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("08-CTr/TU@2026~hai-phong", Some("Thành ủy Hải Phòng")),
            ("50-KL/TU@2026", Some("Tỉnh ủy")),
        ]
    );
    // Its standing board and its executive committee speak for it; a place's name broken across a line
    // goes on into a capitalised word followed by prose, but not into a clause of its own.
    let found = vncite::extract(
        "Căn cứ Nghị quyết số 09-NQ/TU ngày 27/6/2012 của Ban Chấp hành Đảng bộ tỉnh An Giang về phát triển nông nghiệp;\n\
Thực hiện Kết luận số 15-KL/TU ngày 02/3/2024 của Ban Thường vụ Tỉnh ủy Lào\nCai về công tác cán bộ;\n\
Thực hiện Nghị quyết số 03-NQ/HU ngày 5/5/2021 của Ban Chấp hành Đảng bộ huyện Tam Nông;\n\
Thực hiện Quyết định số 12/2021/QĐ-UBND ngày 5/5/2021 của Ủy ban nhân dân thành phố Huế\nCăn cứ tình hình thực tế;",
    );
    let got: Vec<(&str, Option<&str>)> = found
        .citations
        .iter()
        .map(|c| (c.id.as_str(), c.issuer_name.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("09-NQ/TU@2012~an-giang", Some("Tỉnh ủy An Giang")),
            ("15-KL/TU@2024~lao-cai", Some("Tỉnh ủy Lào Cai")),
            ("03-NQ/HU@2021~tam-nong", Some("Huyện ủy Tam Nông")),
            ("12/2021/QĐ-UBND~hue", Some("Ủy ban nhân dân thành phố Huế")),
        ]
    );
}

#[test]
fn a_decree_code_cut_short_before_its_issuer_is_completed_only_in_the_year_form() {
    let text = "theo quy định tại các Nghị định số 51/2010/NĐ-CP và Nghị định số 04/2014/NĐ thì đơn vị phải gửi dữ liệu";
    let found = vncite::extract(text);
    let got: Vec<(&str, &str, &[String], &str)> = found
        .citations
        .iter()
        .map(|c| {
            (
                c.symbol.as_str(),
                c.text.as_str(),
                c.issuers.as_slice(),
                c.doc_type.as_str(),
            )
        })
        .collect();
    let cp = ["CP".to_string()];
    assert_eq!(
        got,
        [
            (
                "51/2010/NĐ-CP",
                "Nghị định số 51/2010/NĐ-CP",
                &cp[..],
                "decree"
            ),
            (
                "04/2014/NĐ-CP",
                "Nghị định số 04/2014/NĐ",
                &cp[..],
                "decree"
            ),
        ]
    );
    // Without the year the issuer is not certain (Hội đồng Bộ trưởng issued decrees before 1992).
    let old = vncite::extract("Nghị định số 12/NĐ ngày 5/3/1990");
    assert_eq!(
        old.citations.first().map(|c| c.symbol.as_str()),
        Some("12/NĐ")
    );
}

/// A passive verb with the word that names its agent or source ("được công bố theo", "bị xử phạt theo",
/// "được cấp bởi") makes the mention after it a source, whatever the verb: `cites`, while a verb of the
/// input's own earlier in the clause still governs the mention it reaches first.
#[test]
fn a_passive_verb_with_its_agent_word_makes_a_source() {
    let cases = [
        (
            "Danh mục này được công bố theo Quyết định số 77/QĐ-BXD.",
            vec!["cites"],
        ),
        (
            "Hành vi vi phạm bị xử phạt theo Nghị định số 123/2021/NĐ-CP.",
            vec!["cites"],
        ),
        (
            "Giấy phép đã được cấp bởi Quyết định số 9/QĐ-SCT.",
            vec!["cites"],
        ),
        (
            "Thay thế Quyết định số 10/2019/QĐ-UBND được công bố theo Quyết định số 3/QĐ-UBND.",
            vec!["replaces", "cites"],
        ),
        (
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020;",
            vec!["basis"],
        ),
        // A verb of the input's own that reaches over the passive still governs …
        (
            "Sở đã triển khai các nhiệm vụ được giao tại Nghị quyết số 41/NQ-CP ngày 2/3/2021.",
            vec!["implements"],
        ),
        // … unless another document is named between them, which the passive then speaks of.
        (
            "Căn cứ Pháp lệnh Thú y được công bố theo lệnh số 18-L/CTN ngày 4/2/1993;",
            vec!["cites"],
        ),
    ];
    for (text, relations) in cases {
        let got: Vec<String> = summary(text).into_iter().map(|c| c.4).collect();
        assert_eq!(got, relations, "{text}");
    }
}

#[test]
fn a_title_ends_before_the_signer_the_motto_and_the_body_and_goes_on_across_its_line_breaks() {
    let own = |text: &str| {
        vncite::extract(text)
            .document
            .map(|d| (d.symbol, d.title.unwrap_or_default()))
            .unwrap_or_default()
    };
    let pair = |s: &str, t: &str| (s.to_string(), t.to_string());
    // Stacked: a blank line, then the signer's line in capitals.
    assert_eq!(
        own("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\n\nSố: 12/QĐ-UBND\n\nQUYẾT ĐỊNH\nVề việc giao chỉ tiêu trồng rừng\nnăm 2026\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\n\nCăn cứ Luật Lâm nghiệp ngày 15 tháng 11 năm 2017;\n"),
        pair("12/QĐ-UBND", "Về việc giao chỉ tiêu trồng rừng năm 2026")
    );
    // A title that names a post and a body keeps them.
    assert_eq!(
        own("THỦ TƯỚNG CHÍNH PHỦ\nSố: 88/QĐ-TTg\nHà Nội, ngày 02 tháng 3 năm 2026\n\nQUYẾT ĐỊNH\nPhê chuẩn kết quả miễn nhiệm Phó Chủ tịch\nỦy ban nhân dân tỉnh Hà Giang\n\nTHỦ TƯỚNG CHÍNH PHỦ\n\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n"),
        pair(
            "88/QĐ-TTg",
            "Phê chuẩn kết quả miễn nhiệm Phó Chủ tịch Ủy ban nhân dân tỉnh Hà Giang"
        )
    );
    // A page copy joins the signer's line to the title.
    assert_eq!(
        own("ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\nSố: 30/QĐ-UBND\nHà Giang, ngày 5 tháng 1 năm 2026 QUYẾT ĐỊNH BAN HÀNH QUY CHẾ LÀM VIỆC CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"),
        pair("30/QĐ-UBND", "BAN HÀNH QUY CHẾ LÀM VIỆC")
    );
    // An older law writes its number inside the title.
    assert_eq!(
        own("QUỐC HỘI\nSố: 12/1998/QH10\nHà Nội, ngày 10 tháng 12 năm 1998 LUẬT CỦA QUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM SỐ 12/1998/QH10 VỀ KHOÁNG SẢN\nĐể quản lý tài nguyên, Luật này quy định về khoáng sản.\n"),
        pair("12/1998/QH10", "KHOÁNG SẢN")
    );
    // A database note in brackets inside the run, and the number and date written in the title.
    assert_eq!(
        own("CHÍNH PHỦ\nSố:\n20-CP Hà Nội, ngày 10 tháng 3 năm 1995\nNGHỊ ĐỊNH [Nghị định này được hướng dẫn bởi Thông tư 5-TT năm 1996] CỦA CHÍNH PHỦ SỐ 20-CP NGÀY 10 THÁNG 3 NĂM 1995 VỀ QUẢN LÝ CHỢ\nCHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 30 tháng 9 năm 1992;\n"),
        pair("20-CP", "VỀ QUẢN LÝ CHỢ")
    );
    // A letter's subject joined to its number, after a page summary that cuts it short; the motto in
    // Markdown emphasis below it.
    assert_eq!(
        own("Bộ Tài chính ban hành công văn. Số: 812/BTC-TCT V/v hoàn thuế giá trị …\n\nBỘ TÀI CHÍNH\n\nSố: 812/BTC-TCT\n\n*V/v hoàn thuế giá trị gia tăng*\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n\n*Hà Nội, ngày 3 tháng 2 năm 2026*\n\nKính gửi: Cục Thuế.\n"),
        pair("812/BTC-TCT", "hoàn thuế giá trị gia tăng")
    );
    // Another document's number in the header block, without a colon, is not the document's own.
    assert_eq!(
        own("SỞ XÂY DỰNG\nĐOÀN KIỂM TRA\nTHEO QUYẾT ĐỊNH\nSỐ 20/QĐ-SXD\n\nSố: 45/KH-ĐKT\n\nKẾ HOẠCH\nKiểm tra an toàn công trình\n\nThực hiện Quyết định số 20/QĐ-SXD ngày 02/3/2026 của Giám đốc Sở Xây dựng.\n"),
        pair("45/KH-ĐKT", "Kiểm tra an toàn công trình")
    );
}

#[test]
fn an_undated_constitution_is_the_one_in_force_when_the_citing_text_was_written() {
    let ids = |text: &str| -> Vec<String> {
        vncite::extract(text)
            .named
            .into_iter()
            .filter(|n| n.doc_type == "constitution")
            .map(|n| n.id)
            .collect()
    };
    let header = |date: &str| {
        format!("QUỐC HỘI\nSố: 15/2020/QH14\nHà Nội, {date}\n\nLUẬT\nTHỦY LỢI NỘI ĐỒNG\n\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n")
    };
    // The year of an adoption: after its date the new constitution, before it the old one.
    for (date, expected) in [
        ("ngày 10 tháng 6 năm 2020", "named:hien-phap@2013"),
        ("ngày 10 tháng 6 năm 1995", "named:hien-phap@1992"),
        ("ngày 20 tháng 12 năm 2013", "named:hien-phap@2013"),
        ("ngày 20 tháng 6 năm 2013", "named:hien-phap@1992"),
    ] {
        assert_eq!(ids(&header(date)), [expected], "{date}");
    }
    // A year the text writes wins; a text without a date of its own leaves the constitution unknown.
    assert_eq!(
        ids(&header("ngày 10 tháng 6 năm 2020").replace("Việt Nam;", "Việt Nam năm 1992;")),
        ["named:hien-phap@1992"]
    );
    assert_eq!(
        ids("Theo Hiến pháp, mọi người có quyền khiếu nại."),
        ["named:hien-phap@?"]
    );
    // A constitution's own text speaks of itself; the constitutions it names by year are others.
    assert_eq!(
        ids("QUỐC HỘI\n\nHà Nội, ngày 2 tháng 1 năm 2030\n\nHIẾN PHÁP\n\nKế thừa Hiến pháp năm 2013, Nhân dân xây dựng Hiến pháp này.\nĐiều 5. Việc sửa đổi Hiến pháp do Quốc hội quyết định.\n"),
        ["named:hien-phap@2013"]
    );
}

#[test]
fn a_date_after_markdown_emphasis_or_a_link_is_the_reference_s_date() {
    let text = "Căn cứ [**Nghị định số 45/2019/NĐ-CP**](https://example.vn/nd-45 \"Nghị định (bản gốc)\") ngày 12/6/2019 của Chính phủ;\nCăn cứ **Thông tư số 08/2021/TT-BXD** ngày 5 tháng 3 năm 2021;\nTheo [Quyết định số 77/QĐ-UBND](#) năm 2022.\nXem **Nghị định số 46/2019/NĐ-CP**.\nTheo **Nghị định số 48/2019/NĐ-CP** của Chính phủ.\n";
    let found: Vec<(String, Option<String>, Option<i32>, String)> = vncite::extract(text)
        .citations
        .into_iter()
        .map(|c| (c.symbol, c.date, c.year, c.text))
        .collect();
    let row = |s: &str, d: Option<&str>, y: i32, t: &str| {
        (s.to_string(), d.map(str::to_string), Some(y), t.to_string())
    };
    assert_eq!(
        found,
        [
            row(
                "45/2019/NĐ-CP",
                Some("2019-06-12"),
                2019,
                "Nghị định số 45/2019/NĐ-CP**](https://example.vn/nd-45 \"Nghị định (bản gốc)\") ngày 12/6/2019 của Chính phủ"
            ),
            row(
                "08/2021/TT-BXD",
                Some("2021-03-05"),
                2021,
                "Thông tư số 08/2021/TT-BXD** ngày 5 tháng 3 năm 2021"
            ),
            row("77/QĐ-UBND", None, 2022, "Quyết định số 77/QĐ-UBND](#) năm 2022"),
            // Markup with no date after it stays out of the mention.
            row("46/2019/NĐ-CP", None, 2019, "Nghị định số 46/2019/NĐ-CP"),
            // The issuer after the markup is read too.
            row(
                "48/2019/NĐ-CP",
                None,
                2019,
                "Nghị định số 48/2019/NĐ-CP** của Chính phủ"
            ),
        ]
    );
}

#[test]
fn a_list_heading_that_opens_with_a_date_dates_its_items_and_nothing_else() {
    let text = "Kết quả kỳ họp như sau.\nNgày 20 tháng 11 năm 2024:\n- Luật số 41/2024/QH15;\n- Luật số 42/2024/QH15, được sửa đổi theo Luật số 18/2023/QH15;\n\nNgày 3/12/2024, Quốc hội thông qua:\na) Nghị quyết số 150/2024/QH15;\nGhi chú: Luật số 43/2024/QH15.\n- Luật số 44/2024/QH15;\n";
    let dates: Vec<(String, Option<String>)> = vncite::extract(text)
        .citations
        .into_iter()
        .map(|c| (c.symbol, c.date))
        .collect();
    let row = |s: &str, d: Option<&str>| (s.to_string(), d.map(str::to_string));
    assert_eq!(
        dates,
        [
            row("41/2024/QH15", Some("2024-11-20")),
            row("42/2024/QH15", Some("2024-11-20")),
            // Another year than the heading's: not the heading's document.
            row("18/2023/QH15", None),
            row("150/2024/QH15", Some("2024-12-03")),
            // Not an item; and the item after it has a line above it that is no heading.
            row("43/2024/QH15", None),
            row("44/2024/QH15", None),
        ]
    );
}

#[test]
fn an_undated_law_name_in_a_dated_text_is_the_law_of_that_name_in_force_then() {
    let resolved = |date: &str, body: &str| -> Vec<String> {
        let (y, m, d) = (&date[..4], &date[5..7], &date[8..]);
        let text = format!(
            "BỘ TÀI CHÍNH\nSố: 12/{y}/TT-BTC\nHà Nội, ngày {d} tháng {m} năm {y}\nTHÔNG TƯ\nHướng dẫn thủ tục\n{body}\n"
        );
        let found = vncite::extract(&text);
        assert_eq!(found.document.map(|d| d.date), Some(Some(date.to_string())));
        found.named.into_iter().map(|n| n.id).collect()
    };
    let customs = "Căn cứ Luật Hải quan;";
    // In force: its effective date (2015-01-01) has passed.
    assert_eq!(resolved("2016-03-01", customs), ["54/2014/QH13"]);
    // Adopted (2014-06-23) but not yet in force: the text may mean either law.
    assert_eq!(resolved("2014-09-10", customs), ["named:luat-hai-quan@?"]);
    // The older law, with no effective date stated, counts as in force from the next calendar year.
    assert_eq!(resolved("2008-05-05", customs), ["29/2001/QH10"]);
    // Over ten years old: a successor the table does not know may exist.
    assert_eq!(resolved("2012-05-05", customs), ["named:luat-hai-quan@?"]);
    // Issued in the text's own year with no effective date stated: not surely in force.
    let land = "Căn cứ Luật Đất đai;";
    assert_eq!(resolved("2024-03-01", land), ["named:luat-dat-dai@?"]);
    assert_eq!(resolved("2025-02-01", land), ["31/2024/QH15"]);
    // An amending law's name: a newer one replaces no older one of that name.
    let amending = "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Quản lý thuế;";
    assert_eq!(
        resolved("2016-03-01", amending),
        ["named:luat-sua-doi-va-bo-sung-mot-so-dieu-cua-luat-quan-ly-thue@?"]
    );
    // An amending law's name: the one amendment of that name issued in the year before the text.
    let mining = "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Địa chất và khoáng sản;";
    assert_eq!(resolved("2026-02-01", mining), ["147/2025/QH15"]);
    // Not before it is issued, nor years later, when the table may not know a newer amendment.
    let unknown = "named:luat-sua-doi-va-bo-sung-mot-so-dieu-cua-luat-dia-chat-va-khoang-san@?";
    assert_eq!(resolved("2025-12-01", mining), [unknown]);
    assert_eq!(resolved("2028-02-01", mining), [unknown]);
    assert_eq!(
        resolved("2013-03-01", amending),
        ["21/2012/QH13"],
        "one amendment of Luật Quản lý thuế the year before"
    );
    // A text dated by its year alone: the law in force on both its first and its last day.
    let of_year = |header: &str| -> Vec<String> {
        vncite::extract(&format!(
            "{header}\nKẾ HOẠCH\nTriển khai công tác đất đai\nCăn cứ Luật Đất đai;\n"
        ))
        .named
        .into_iter()
        .map(|n| n.id)
        .collect()
    };
    assert_eq!(
        of_year("ỦY BAN NHÂN DÂN\nSố: 15/2025/KH-UBND"),
        ["31/2024/QH15"]
    );
    // In 2024 the law of 2024 was issued on 18 January: on the year's first day the older one held.
    assert_eq!(
        of_year("ỦY BAN NHÂN DÂN\nSố: 15/2024/KH-UBND"),
        ["named:luat-dat-dai@?"]
    );
    // A draft has no number and no day, but its year; its month may be filled in before the day is.
    let draft =
        |date_line: &str| of_year(&format!("ỦY BAN NHÂN DÂN\nSố:      /KH-UBND\n{date_line}"));
    assert_eq!(
        draft("Lào Cai, ngày      tháng     năm 2026"),
        ["31/2024/QH15"]
    );
    assert_eq!(
        draft("Lào Cai, ngày      tháng 6 năm 2026"),
        ["31/2024/QH15"]
    );
    assert_eq!(
        draft("Lào Cai, ngày      tháng     năm 20"),
        ["named:luat-dat-dai@?"]
    );
    // No date of its own: nothing to tell the laws apart by.
    let undated: Vec<String> = vncite::extract("Căn cứ Luật Hải quan;")
        .named
        .into_iter()
        .map(|n| n.id)
        .collect();
    assert_eq!(undated, ["named:luat-hai-quan@?"]);
}

#[test]
fn the_documents_own_number_in_an_annex_caption_is_itself_whatever_date_it_carries() {
    let text = "SỞ CÔNG THƯƠNG\nSố: 1050/QĐ-SCT\nLào Cai, ngày 06 tháng 3 năm 2026\nQUYẾT ĐỊNH\nVề việc kiểm tra\n\
                Điều 1. Sửa đổi Quy chế ban hành kèm theo Quyết định số 1050/QĐ-SCT ngày 02/3/2025.\n\
                \x20   (Kèm theo Quyết định số: 1050/QĐ-SCT ngày 06/3/2025 của Sở Công Thương)\n";
    let found = vncite::extract(text);
    let got: Vec<(&str, Option<&str>)> = found
        .citations
        .iter()
        .map(|c| (&text[c.start..c.end], c.date.as_deref()))
        .collect();
    // Last year's decision of the same number, in running text, stays; the caption's slip of the year
    // does not make the annex's own decision another document.
    assert_eq!(
        got,
        [(
            "Quyết định số 1050/QĐ-SCT ngày 02/3/2025",
            Some("2025-03-02")
        )]
    );
}

#[test]
fn a_passive_agent_followed_by_the_issue_day_is_the_issuer() {
    let text = fixture("passive_issuer.txt");
    let found = vncite::extract(&text);
    let citations: Vec<(&str, Option<&str>, Option<&str>, &str)> = found
        .citations
        .iter()
        .map(|c| {
            (
                c.symbol.as_str(),
                c.date.as_deref(),
                c.issuer_name.as_deref(),
                &text[c.start..c.end],
            )
        })
        .collect();
    assert_eq!(
        citations,
        [
            (
                "30/2029/QH16",
                Some("2029-06-20"),
                Some("Quốc hội"),
                "Luật Quy hoạch đô thị số 30/2029/QH16 được Quốc hội khóa XVI, kỳ họp thứ 3 thông qua ngày 20/6/2029"
            ),
            (
                "07/2028/TT-BXD",
                Some("2028-03-15"),
                Some("Bộ Xây dựng"),
                "Thông tư số 07/2028/TT-BXD đã được Bộ Xây dựng ban hành ngày 15 tháng 3 năm 2028"
            ),
            // A body that guides a document is not its issuer, nor is the day of its guidance its date.
            ("11/2027/NĐ-CP", None, None, "Nghị định số 11/2027/NĐ-CP"),
            // Nor is the day of a change.
            (
                "45/2026/QĐ-UBND",
                None,
                None,
                "Quyết định số 45/2026/QĐ-UBND"
            ),
            // The passive without its agent dates the document too.
            (
                "08/CT-TTg",
                Some("2028-02-14"),
                None,
                "Chỉ thị số 08/CT-TTg được ban hành ngày 14.02.2028"
            ),
            // "được" alone, without the verb of issuing, gives no date.
            (
                "46/2026/QĐ-UBND",
                None,
                None,
                "Quyết định số 46/2026/QĐ-UBND"
            ),
            // A Party plenum, with its number before the term, is the Central Committee.
            (
                "22-NQ/TW",
                Some("2023-10-08"),
                Some("Ban Chấp hành Trung ương Đảng"),
                "Nghị quyết số 22-NQ/TW được Hội nghị Trung ương 7 khóa XIII ban hành ngày 08/10/2023"
            ),
        ]
    );
    let named: Vec<(&str, Option<&str>, &str)> = found
        .named
        .iter()
        .map(|n| (n.name.as_str(), n.date.as_deref(), n.id.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            (
                "Luật Thư viện",
                Some("2019-11-21"),
                "named:luat-thu-vien@2019-11-21"
            ),
            // News names a new law "(sửa đổi)"; its date follows the aside.
            ("Luật Đất đai", Some("2024-01-18"), "31/2024/QH15"),
        ]
    );
}

#[test]
fn an_amending_law_of_several_laws_keeps_its_subject_and_its_own_number() {
    let text = fixture("amending_plural.txt");
    let found = vncite::extract(&text);
    let citations: Vec<(&str, vncite::Relation, &str)> = found
        .citations
        .iter()
        .map(|c| (c.symbol.as_str(), c.relation, &text[c.start..c.end]))
        .collect();
    assert_eq!(
        citations,
        [
            // "… của 14 luật có liên quan đến quy hoạch số 61/2030/QH16": many laws, one number, the
            // amending law's own.
            ("61/2030/QH16", vncite::Relation::Basis, "61/2030/QH16"),
            // One law named in the title: the number is that law's, cited inside the title and written
            // from that law's type word.
            (
                "88/2027/QH15",
                vncite::Relation::Cites,
                "Luật Xây dựng số 88/2027/QH15"
            ),
            // A department's code joins two words' capitals with "&".
            (
                "215/TTr-SKH&ĐT",
                vncite::Relation::Cites,
                "Tờ trình số 215/TTr-SKH&ĐT ngày 20/8/2031"
            ),
            (
                "96/SNN&PTNT-KH",
                vncite::Relation::Cites,
                "Công văn số 96/SNN&PTNT-KH ngày 22/8/2031"
            ),
        ]
    );
    let named: Vec<(&str, Option<&str>, vncite::Relation)> = found
        .named
        .iter()
        .map(|n| (n.name.as_str(), n.date.as_deref(), n.relation))
        .collect();
    assert_eq!(
        named,
        [(
            "Luật sửa đổi, bổ sung một số điều của các luật liên quan đến đầu tư công",
            Some("2029-06-12"),
            vncite::Relation::Basis
        )]
    );
}

#[test]
fn an_ampersand_joins_a_code_only_between_capitals() {
    let text = "Nghị định 30/2020/NĐ-CP&nbsp;và Quyết định 12/QĐ-UBND& Thông tư 01/2011/TT-BNV.";
    let symbols: Vec<String> = vncite::extract(text)
        .citations
        .into_iter()
        .map(|c| c.symbol)
        .collect();
    assert_eq!(symbols, ["30/2020/NĐ-CP", "12/QĐ-UBND", "01/2011/TT-BNV"]);
}

#[test]
fn a_long_name_in_lower_case_is_a_name_when_its_date_follows() {
    let text = "Căn cứ Luật tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;\n\
                Người dân tham gia theo Luật bảo hiểm xã hội bắt buộc người lao động tự do đóng góp hằng tháng.";
    let found = vncite::extract(text);
    let named: Vec<(&str, Option<&str>, vncite::Relation)> = found
        .named
        .iter()
        .map(|n| (&text[n.start..n.end], n.date.as_deref(), n.relation))
        .collect();
    // Undated, ten words in lower case are a description, not a name.
    assert_eq!(
        named,
        [(
            "Luật tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003",
            Some("2003-11-26"),
            vncite::Relation::Basis
        )]
    );
}

#[test]
fn a_known_code_run_into_the_next_word_ends_where_the_word_begins() {
    // A page turned into text lost the space after the symbol.
    let text = "Căn cứ Thông tư số 10/2013/TT-BXDngày 25/7/2013 của Bộ Xây dựng;\n\
                Quyết định số 19/QĐ-TTgngày 16/7/2021 về thi đua;";
    let found = vncite::extract(text);
    let citations: Vec<(&str, Option<&str>, &str)> = found
        .citations
        .iter()
        .map(|c| (c.symbol.as_str(), c.date.as_deref(), &text[c.start..c.end]))
        .collect();
    assert_eq!(
        citations,
        [
            (
                "10/2013/TT-BXD",
                Some("2013-07-25"),
                "Thông tư số 10/2013/TT-BXDngày 25/7/2013 của Bộ Xây dựng"
            ),
            (
                "19/QĐ-TTg",
                Some("2021-07-16"),
                "Quyết định số 19/QĐ-TTgngày 16/7/2021"
            ),
        ]
    );
}

#[test]
fn a_date_in_an_aside_closes_it_and_the_issuer_after_it_is_read() {
    let text = "Theo Nghị định số 15/2021/NĐ-CP (ngày 03.3.2021) của Chính phủ, chủ đầu tư lập dự án. Theo Quyết định số 12/2021/QĐ-UBND (ngày 05/3/2021), UBND tỉnh giao việc.";
    let found = vncite::extract(text);
    let got = text_date_issuer(&found);
    assert_eq!(
        got,
        [
            (
                "Nghị định số 15/2021/NĐ-CP (ngày 03.3.2021) của Chính phủ",
                Some("2021-03-03"),
                Some("Chính phủ")
            ),
            (
                "Quyết định số 12/2021/QĐ-UBND (ngày 05/3/2021)",
                Some("2021-03-05"),
                None
            ),
        ]
    );
}

#[test]
fn a_yearless_mention_before_the_dated_one_is_the_same_node() {
    let text = "Chương trình thực hiện Chỉ thị 15-CT/TW của Ban Bí thư về công tác dân vận\n\nThực hiện Chỉ thị 15-CT/TW ngày 10/02/2027 của Ban Bí thư, Ban Thường vụ Tỉnh ủy ban hành chương trình. Theo Nghị quyết 20/NQ-CP, tỉnh rà soát. Căn cứ Nghị quyết 20/NQ-CP ngày 3/2/2026 của Chính phủ. Căn cứ Nghị quyết 20/NQ-CP ngày 5/5/2027 của Chính phủ.";
    let found = vncite::extract(text);
    let got: Vec<(&str, Option<i32>, &str)> = found
        .citations
        .iter()
        .map(|c| (c.symbol.as_str(), c.year, c.id.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            // The year stays what the mention and those before it say; the node is the one document.
            ("15-CT/TW", None, "15-CT/TW@2027"),
            ("15-CT/TW", Some(2027), "15-CT/TW@2027"),
            // Two years for one year-less symbol: two documents, and the undated mention is neither.
            ("20/NQ-CP", None, "20/NQ-CP@?"),
            ("20/NQ-CP", Some(2026), "20/NQ-CP@2026"),
            ("20/NQ-CP", Some(2027), "20/NQ-CP@2027"),
        ]
    );
}

#[test]
fn a_body_written_after_the_number_without_cua_is_read_when_its_date_follows() {
    let text = "Theo Nghị quyết số 02/2009/NQ-HĐTP TANDTC ngày 14/5/2009, tòa án xét xử. Thực hiện Công văn số 731/UBND-KT UBND tỉnh Điện Biên ngày 20/4/2022, các sở triển khai. Căn cứ Quyết định số 88/QĐ-UBND. Sở Y tế ngày 2/3/2022 đã họp. Xem Thông tư số 17/2021/TT-BGDĐT hướng dẫn ngày 22/6/2021.";
    let found = vncite::extract(text);
    let got = text_date_issuer(&found);
    assert_eq!(
        got,
        [
            (
                "Nghị quyết số 02/2009/NQ-HĐTP TANDTC ngày 14/5/2009",
                Some("2009-05-14"),
                Some("Tòa án nhân dân tối cao")
            ),
            (
                "Công văn số 731/UBND-KT UBND tỉnh Điện Biên ngày 20/4/2022",
                Some("2022-04-20"),
                Some("Ủy ban nhân dân tỉnh Điện Biên")
            ),
            // A sentence ends after the number: the next one's subject is no issuer.
            ("Quyết định số 88/QĐ-UBND", None, None),
            // A lower-case word is no body's name.
            ("Thông tư số 17/2021/TT-BGDĐT", None, None),
        ]
    );
}

#[test]
fn a_law_written_with_abbreviations_or_a_comma_for_va_is_one_id() {
    let text = "Căn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003;\nCăn cứ Luật Tổ chức Hội đồng nhân dân, Uỷ ban nhân dân ngày 26 tháng 11 năm 2003;\nCăn cứ Luật Tổ chức HĐND, UBND ngày 26/11/2003;\nCăn cứ Luật Quản lý, sử dụng tài sản công ngày 21/6/2017;\nCăn cứ Luật Quản lý và sử dụng tài sản công ngày 21/6/2017;\nTheo Luật Thuế TNCN năm 2007 và Luật Thuế thu nhập cá nhân năm 2007, người nộp thuế kê khai.";
    let found = vncite::extract(text);
    let got: Vec<(&str, &str)> = found
        .named
        .iter()
        .map(|n| (n.name.as_str(), n.id.as_str()))
        .collect();
    let assets = "named:luat-quan-ly-va-su-dung-tai-san-cong@2017-06-21";
    // The abbreviated name resolves through data/laws.tsv as the spelled-out one does.
    let council = "11/2003/QH11";
    let income = "04/2007/QH12";
    assert_eq!(
        got,
        [
            ("Luật Tổ chức HĐND và UBND", council),
            ("Luật Tổ chức Hội đồng nhân dân, Uỷ ban nhân dân", council),
            ("Luật Tổ chức HĐND, UBND", council),
            ("Luật Quản lý, sử dụng tài sản công", assets),
            ("Luật Quản lý và sử dụng tài sản công", assets),
            ("Luật Thuế TNCN", income),
            ("Luật Thuế thu nhập cá nhân", income),
        ]
    );
}

#[test]
fn a_later_mention_without_an_issuer_keeps_the_place_an_earlier_one_gave() {
    let text = "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG\nSố: 07/2022/QĐ-UBND\nCao Bằng, ngày 9 tháng 5 năm 2022\nQUYẾT ĐỊNH\nCăn cứ Nghị quyết số 11/2021/NQ-HĐND ngày 8/12/2021 của Hội đồng nhân dân tỉnh Bắc Kạn;\nĐiều 1. Áp dụng Nghị quyết 11/2021/NQ-HĐND nêu trên và Nghị quyết số 12/2021/NQ-HĐND.\nĐiều 2. Bãi bỏ Quyết định số 340/QĐ-UBND ngày 3/3/2022 của UBND tỉnh Lạng Sơn và Quyết định số 340/QĐ-UBND ngày 4/4/2021.";
    let found = vncite::extract(text);
    let got: Vec<(&str, &str)> = found
        .citations
        .iter()
        .map(|c| (c.symbol.as_str(), c.id.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("11/2021/NQ-HĐND", "11/2021/NQ-HĐND~bac-kan"),
            ("11/2021/NQ-HĐND", "11/2021/NQ-HĐND~bac-kan"),
            // Another number, with no place of its own: the input's province.
            ("12/2021/NQ-HĐND", "12/2021/NQ-HĐND~cao-bang"),
            ("340/QĐ-UBND", "340/QĐ-UBND@2022~lang-son"),
            // The same year-less number of another year is another document.
            ("340/QĐ-UBND", "340/QĐ-UBND@2021~cao-bang"),
        ]
    );
}

/// (text, date, issuer name) of every citation.
fn text_date_issuer(found: &vncite::Extraction) -> Vec<(&str, Option<&str>, Option<&str>)> {
    found
        .citations
        .iter()
        .map(|c| (c.text.as_str(), c.date.as_deref(), c.issuer_name.as_deref()))
        .collect()
}

#[test]
fn a_province_written_with_a_dash_is_one_place_however_the_dash_is_spaced() {
    let text = "ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA - VŨNG TÀU\n-------\nSố: 31/2026/QĐ-UBND\nBà Rịa - Vũng Tàu, ngày 5 tháng 6 năm 2026\nQUYẾT ĐỊNH\nBan hành quy chế\nCăn cứ Quyết định số 12/2021/QĐ-UBND của UBND tỉnh;\nCăn cứ Quyết định số 40/2022/QĐ-UBND ngày 3/3/2022 của UBND tỉnh Thừa Thiên - Huế và Quyết định số 41/2022/QĐ-UBND ngày 3/3/2022 của UBND tỉnh Thừa Thiên Huế;\n";
    let found = vncite::extract(text);
    assert_eq!(
        found.document.map(|d| d.id).as_deref(),
        Some("31/2026/QĐ-UBND~ba-ria-vung-tau")
    );
    let ids: Vec<&str> = found.citations.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "12/2021/QĐ-UBND~ba-ria-vung-tau",
            "40/2022/QĐ-UBND~thua-thien-hue",
            "41/2022/QĐ-UBND~thua-thien-hue"
        ]
    );
}
