//! Every row of the `data/` tables carries an example, and the extractor must read each one as the row says.

use std::collections::BTreeSet;
use std::path::PathBuf;
use vncite::data::{tables, PhrasePosition};

#[test]
fn doc_type_rows_extract_their_examples() {
    for row in &tables().doc_types {
        let found = vncite::extract(row.example);
        let got = found
            .citations
            .first()
            .map(|c| c.doc_type)
            .or_else(|| found.named.first().map(|n| n.doc_type));
        assert_eq!(got, Some(row.doc_type), "example {:?}", row.example);
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
        .map(|m| (&text[m.start..m.end], m.value.0.as_str()))
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
            (c.symbol.clone(), c.issuers.clone(), c.doc_type),
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

#[test]
fn competence_law_rows_are_sorted_unique_and_never_guided() {
    let table = include_str!("../../data/competence_laws.tsv");
    let rows: Vec<(&str, &str)> = table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            l.split_once('\t')
                .unwrap_or_else(|| panic!("row without example: {l:?}"))
        })
        .collect();
    let names: Vec<&str> = rows.iter().map(|r| r.0).collect();
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(names, sorted, "rows sorted by name, each once");
    for (name, example) in rows {
        let text = format!(
            "CHÍNH PHỦ\nSố: 60/2024/NĐ-CP\nHà Nội, ngày 01 tháng 6 năm 2024\nNGHỊ ĐỊNH\nQuy định về quỹ\n{example}\nCăn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;\nĐiều 1. Nghị định này quy định chi tiết về quỹ.\n"
        );
        let found = vncite::extract(&text);
        let got: Vec<(&str, &str, usize)> = found
            .named
            .iter()
            .map(|n| (n.name.as_str(), n.relation.as_str(), n.also.len()))
            .collect();
        assert_eq!(
            got,
            [(name, "basis", 0), ("Luật Đất đai", "basis", 1)],
            "{example}"
        );
    }
}

/// The doc types are the contract's, in its order: a type added to `../shared/contract.md` and not here (or
/// renamed there) fails this test.
#[test]
fn doc_type_rows_are_the_contracts_in_its_order() {
    let contract = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/contract.md");
    let Ok(text) = std::fs::read_to_string(&contract) else {
        assert!(
            crate::corpus_dir().is_none(),
            "{} is missing",
            contract.display()
        );
        return;
    };
    let section = text
        .split("## doc_type")
        .nth(1)
        .and_then(|s| s.split("`unknown`").next())
        .unwrap_or_default();
    let mut listed: Vec<&str> = section.split('`').skip(1).step_by(2).collect();
    listed.retain(|t| t.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
    let ours: Vec<&str> = tables()
        .doc_types
        .iter()
        .map(|r| r.doc_type.as_str())
        .collect();
    assert_eq!(ours, listed);
}

/// No key of any table is given twice, and the codes that are both a doc type's and an issuer's are exactly
/// the two the symbols keep apart by position (`27/CT-TTg` a directive, `1056/QĐ-CT` the chairman's;
/// `05/TC-BCĐ` a communiqué, `69-TC/ĐT` the Ministry of Finance's).
#[test]
fn table_keys_are_unique_and_code_clashes_are_the_known_ones() {
    let t = tables();
    let fold = vncite::normalize::fold;
    let repeated = |keys: Vec<String>| -> Vec<String> {
        let mut seen = BTreeSet::new();
        keys.into_iter()
            .filter(|k| !seen.insert(k.clone()))
            .collect()
    };
    let issuer_codes: Vec<String> = t.issuers.iter().map(|r| r.code.to_string()).collect();
    let type_codes: Vec<String> = t
        .doc_types
        .iter()
        .flat_map(|r| r.codes.iter().map(|c| c.to_string()))
        .collect();
    let type_words: Vec<String> = t
        .doc_types
        .iter()
        .flat_map(|r| r.words.iter().map(|w| fold(w)))
        .collect();
    let aliases: Vec<String> = t
        .issuers
        .iter()
        .flat_map(|r| {
            let mut a: Vec<String> = r.aliases.iter().map(|w| fold(w)).collect();
            a.sort();
            a.dedup(); // "Tỉnh ủy|Tỉnh uỷ" are one alias folded
            a
        })
        .collect();
    let phrases: Vec<String> = t
        .relations
        .iter()
        .flat_map(|r| {
            // "hủy bỏ|huỷ bỏ": the old and new placements of a tone mark are one phrase folded.
            let mut p: Vec<String> = r.phrases.iter().map(|p| fold(p)).collect();
            p.sort();
            p.dedup();
            p
        })
        .collect();
    for (what, keys) in [
        ("issuer code", issuer_codes.clone()),
        ("type code", type_codes.clone()),
        ("type word", type_words),
        ("issuer alias", aliases),
        ("relation phrase", phrases),
    ] {
        assert_eq!(repeated(keys), Vec::<String>::new(), "{what}s given twice");
    }
    let issuers: BTreeSet<String> = issuer_codes.into_iter().collect();
    let clashes: Vec<String> = type_codes
        .into_iter()
        .filter(|c| issuers.contains(c))
        .collect();
    assert_eq!(
        clashes,
        ["CT", "TC"],
        "codes that are both a doc type's and an issuer's"
    );
    for (text, doc_type, issuers) in [
        ("Chỉ thị 27/CT-TTg", "directive", vec!["TTg"]),
        ("số 1056/QĐ-CT", "decision", vec!["CT"]),
        ("Thông cáo số 05/TC-BCĐ", "communique", vec!["BCĐ"]),
    ] {
        let c = &vncite::extract(text).citations[0];
        assert_eq!(
            (c.doc_type.as_str(), c.issuers.clone()),
            (
                doc_type,
                issuers.iter().map(|s| s.to_string()).collect::<Vec<_>>()
            ),
            "{text}"
        );
    }
}

/// Relation rows stand in the order the reader tries positions: the phrases before a mention, the passive
/// ones, then those after it.
#[test]
fn relation_rows_are_grouped_by_position() {
    let positions: Vec<PhrasePosition> = tables().relations.iter().map(|r| r.position).collect();
    let rank = |p: &PhrasePosition| match p {
        PhrasePosition::Before => 0,
        PhrasePosition::Passive => 1,
        PhrasePosition::After => 2,
    };
    assert!(
        positions.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])),
        "{positions:?}"
    );
}

#[test]
fn issuer_type_rows_extract_their_examples() {
    assert!(!tables().issuer_types.is_empty());
    for row in &tables().issuer_types {
        let found = vncite::extract(row.example);
        let c = found
            .citations
            .first()
            .unwrap_or_else(|| panic!("{:?}", row.example));
        assert_eq!(c.doc_type, row.doc_type, "{:?}", row.example);
        assert!(c.symbol.contains(row.code), "{:?}", row.example);
    }
}

#[test]
fn law_rows_are_ordered_unique_within_their_term_and_resolve_their_examples() {
    let laws = vncite::data::laws();
    assert!(laws.len() >= 90, "{} rows", laws.len());
    // Quốc hội terms by numbering suffix: a number outside its term is a typo copied from some text.
    let term = |k: u32| match k {
        10 => Some((1997, 2002)),
        11 => Some((2002, 2007)),
        12 => Some((2007, 2011)),
        13 => Some((2011, 2016)),
        14 => Some((2016, 2021)),
        15 => Some((2021, 2026)),
        _ => None,
    };
    let key = |r: &vncite::data::LawRow| {
        let mut parts = r.symbol.split('/');
        let number: u32 = parts.next().and_then(|n| n.parse().ok()).unwrap_or(0);
        (r.year().unwrap_or(0), number)
    };
    for pair in laws.windows(2) {
        assert!(
            key(&pair[0]) < key(&pair[1]),
            "data/laws.tsv line {}: {} is out of order or repeated",
            pair[1].line,
            pair[1].symbol
        );
    }
    for row in laws {
        let year = row.year().unwrap_or(0);
        let suffix: u32 = row
            .symbol
            .rsplit("QH")
            .next()
            .and_then(|k| k.parse().ok())
            .unwrap_or(0);
        let (lo, hi) = term(suffix).unwrap_or((0, 0));
        assert!(
            (lo..=hi).contains(&year),
            "line {}: {} outside the term of QH{suffix}",
            row.line,
            row.symbol
        );
        if let Some(issued) = row.issued {
            assert!(issued.starts_with(&year.to_string()), "line {}", row.line);
        }
        // The row's example: its name with its date, or with its year.
        let example = match row.issued {
            Some(d) => {
                let (y, rest) = d.split_at(4);
                let (m, day) = (&rest[1..3], &rest[4..6]);
                format!("Căn cứ {} ngày {day} tháng {m} năm {y};", row.name)
            }
            None => format!("Căn cứ {} năm {year};", row.name),
        };
        let found = vncite::extract(&example);
        let ids: Vec<&str> = found.named.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, [row.symbol], "line {}: {example}", row.line);
        assert_eq!(found.named[0].symbol.as_deref(), Some(row.symbol));
    }
}

#[test]
fn law_rows_are_stated_by_their_sources() {
    let Some(corpus) = crate::corpus_dir() else {
        return;
    };
    let shared = corpus.join("..");
    for row in vncite::data::laws() {
        // A public page's address stands for a header no shared text holds; it is read by hand, here only
        // checked to be one address.
        let (pages, paths): (Vec<&str>, Vec<&str>) = row
            .sources
            .iter()
            .partition(|s| s.starts_with("https://") || s.starts_with("http://"));
        assert!(
            pages
                .iter()
                .all(|p| !p.contains(char::is_whitespace) && p.len() > "https://".len() + 4),
            "data/laws.tsv line {}: {pages:?}",
            row.line
        );
        if paths.is_empty() {
            continue;
        }
        let texts: Vec<String> = paths
            .iter()
            .map(|s| {
                std::fs::read_to_string(shared.join(s))
                    .unwrap_or_else(|e| panic!("data/laws.tsv line {}: {s}: {e}", row.line))
            })
            .collect();
        // The number is written in the first source, as a mention or as the law's own header.
        let number = row.symbol.split('/').next().unwrap_or("");
        let year = row.symbol.split('/').nth(1).unwrap_or("");
        assert!(
            texts[0].contains(row.symbol) || texts[0].contains(&format!("{number}/{year}/")),
            "line {}: {} does not write {}",
            row.line,
            paths[0],
            row.symbol
        );
    }
}

#[test]
fn constitution_rows_are_in_order_and_stated_by_their_sources() {
    let rows = vncite::data::constitutions();
    assert!(rows.len() >= 5, "{} rows", rows.len());
    for pair in rows.windows(2) {
        assert!(
            pair[0].year < pair[1].year,
            "data/constitutions.tsv line {}: {} is out of order or repeated",
            pair[1].line,
            pair[1].year
        );
    }
    for row in rows {
        if let Some(adopted) = row.adopted {
            assert!(
                adopted.starts_with(&row.year.to_string()) && adopted.len() == 10,
                "data/constitutions.tsv line {}: {adopted}",
                row.line
            );
        }
    }
    let Some(corpus) = crate::corpus_dir() else {
        return;
    };
    let shared = corpus.join("..");
    for row in rows {
        let text = std::fs::read_to_string(shared.join(row.sources[0]))
            .unwrap_or_else(|e| panic!("data/constitutions.tsv line {}: {e}", row.line));
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(&format!("Hiến pháp năm {}", row.year))
                || flat.contains(&format!("năm {} | HIẾN PHÁP", row.year)),
            "data/constitutions.tsv line {}: {} does not write the constitution of {}",
            row.line,
            row.sources[0],
            row.year
        );
        if let Some(adopted) = row.adopted {
            let (y, m, d) = (&adopted[..4], &adopted[5..7], &adopted[8..]);
            assert!(
                flat.contains(&format!("ngày {d} tháng {m} năm {y}")),
                "data/constitutions.tsv line {}: {} does not write {adopted}",
                row.line,
                row.sources[0]
            );
        }
    }
}

#[test]
fn effect_history_rows_are_sorted_unique_and_each_example_reports_its_relation() {
    let table = include_str!("../../data/effect_history.tsv");
    let rows: Vec<Vec<&str>> = table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect();
    let states: Vec<&str> = rows.iter().map(|r| r[0]).collect();
    let mut sorted = states.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(states, sorted, "rows sorted by state, each once");
    for row in rows {
        let [state, relation, example] = row[..] else {
            panic!("a row has three cells: {row:?}");
        };
        assert!(example.contains(state), "{example}");
        let text = format!(
            "Lịch sử hiệu lực: Nghị định 28/CP\nNgày Trạng thái Văn bản nguồn Phần hết hiệu lực\n{example}\n"
        );
        let found = vncite::extract(&text);
        let relations: Vec<&str> = found
            .citations
            .iter()
            .map(|c| c.relation.as_str())
            .collect();
        assert_eq!(relations, ["cites", "cites"], "{example}");
        let reported: Vec<(&str, &str, Option<bool>)> = found
            .reported
            .iter()
            .map(|r| {
                let vncite::model::Ref::Citation(i) = r.actor else {
                    panic!("{example}: actor {:?}", r.actor);
                };
                (
                    found.citations[i].symbol.as_str(),
                    r.relation.as_str(),
                    r.partial,
                )
            })
            .collect();
        let expected: Vec<(&str, &str, Option<bool>)> = match relation {
            "-" => vec![],
            r => vec![(
                found.citations[1].symbol.as_str(),
                r,
                matches!(r, "repeals" | "replaces").then_some(state.ends_with(" 1 phần")),
            )],
        };
        assert_eq!(reported, expected, "{example}");
    }
}

#[test]
fn name_abbreviation_rows_are_sorted_unique_in_capitals_and_name_the_law_spelled_out() {
    let rows = vncite::data::name_abbreviations();
    assert!(!rows.is_empty());
    let folded = |s: &str| vncite::normalize::fold(s);
    for pair in rows.windows(2) {
        assert!(
            folded(pair[0].abbreviation) < folded(pair[1].abbreviation),
            "data/name_abbreviations.tsv line {}: {} is out of order or repeated",
            pair[1].line,
            pair[1].abbreviation
        );
    }
    for row in rows {
        let line = row.line;
        assert!(
            row.abbreviation.chars().count() >= 3
                && row.abbreviation.chars().all(char::is_uppercase),
            "line {line}: {} is no abbreviation in capitals",
            row.abbreviation
        );
        assert!(
            row.example
                .split_whitespace()
                .any(|w| w == row.abbreviation),
            "line {line}: the example does not write {}",
            row.abbreviation
        );
        // The example written with the abbreviation and spelled out is one law: one id, whose words are
        // the spelled-out ones.
        let spelled: String = row
            .example
            .split_whitespace()
            .map(|w| {
                // Spelled out as a name is written, with a capital: an undated name in lower case is
                // dropped as a description of laws ("theo Luật bảo hiểm …").
                match rows.iter().find(|r| r.abbreviation == w) {
                    Some(r) => {
                        let mut chars = r.words.chars();
                        chars
                            .next()
                            .map(|c| c.to_uppercase().chain(chars).collect())
                            .unwrap_or_default()
                    }
                    None => w.to_string(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        // Dated and undated: an undated constitution is kept only under its full name, so the undated
        // form is what tests a constitution's abbreviation.
        for date in [" ngày 26 tháng 11 năm 2003", ""] {
            let id_of = |name: &str| {
                let found = vncite::extract(&format!("Căn cứ {name}{date};"));
                assert_eq!(found.named.len(), 1, "line {line}: {name}{date}");
                found.named[0].id.clone()
            };
            let spelled_id = id_of(&spelled);
            assert_eq!(id_of(row.example), spelled_id, "line {line}{date}");
            assert!(
                !spelled_id.contains(&folded(row.abbreviation)),
                "line {line}: {spelled_id}"
            );
        }
    }
}
