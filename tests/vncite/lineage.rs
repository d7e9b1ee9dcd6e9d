//! What each reference does, on hand-written fixtures in `tests/data/lineage/`: one per rule of the
//! relation issue, each asserted whole (every mention's relation and flags, every reported statement),
//! then the graph and `query status` over all of them.

use vncite::model::Ref;
use vncite::Extraction;
use vncite::Relation;

const FIXTURES: [&str; 42] = [
    "activities.txt",
    "partial_items.txt",
    "lead_in_kinds.txt",
    "semicolon_items.txt",
    "added_parts.txt",
    "reported_subjects.txt",
    "inline_lists.txt",
    "basis_pinpoints.txt",
    "title_statements.txt",
    "basis_lines.txt",
    "amended_lapses.txt",
    "amending_repeals.txt",
    "bare_lead_in.txt",
    "codification_note.txt",
    "consolidated.txt",
    "consolidated_text.txt",
    "coordinated_verbs.txt",
    "circular_regulates.txt",
    "editorial.txt",
    "grouped_list.txt",
    "effect_history.txt",
    "impossible.txt",
    "issued_by_others.txt",
    "lapsing_list.txt",
    "lead_in.txt",
    "letter_basis.txt",
    "letter_changes.txt",
    "mixed_basis.txt",
    "own_formula.txt",
    "pinpoint_lists.txt",
    "quoted.txt",
    "procedure_scope.txt",
    "reported.txt",
    "reported_asides.txt",
    "scope.txt",
    "scope_article.txt",
    "scope_regulates.txt",
    "table_cells.txt",
    "title_guides.txt",
    "title_names.txt",
    "title_verbs.txt",
    "wrapped_titles.txt",
];

fn read(name: &str) -> (String, Extraction) {
    let text = crate::fixture(&format!("lineage/{name}"));
    let found = vncite::extract(&text);
    (text, found)
}

/// (symbol or name, relation, partial, doubtful, further relations) of every mention, citations first.
type Line = (String, String, Option<bool>, bool, Vec<String>);

fn mentions(found: &Extraction) -> Vec<Line> {
    let also = |a: &[vncite::model::Also]| a.iter().map(|x| x.relation.to_string()).collect();
    found
        .citations
        .iter()
        .map(|c| {
            (
                c.symbol.clone(),
                c.relation.to_string(),
                c.partial,
                c.doubtful,
                also(&c.also),
            )
        })
        .chain(found.named.iter().map(|n| {
            (
                n.id.clone(),
                n.relation.to_string(),
                n.partial,
                n.doubtful,
                also(&n.also),
            )
        }))
        .collect()
}

/// (actor, relation, target, editorial) of every reported statement, sides by symbol or "document".
fn reported(found: &Extraction) -> Vec<(String, String, String, bool)> {
    let side = |r: Ref| match r {
        Ref::Citation(i) => found.citations[i].symbol.clone(),
        Ref::Named(i) => found.named[i].id.clone(),
        Ref::Document => "document".to_string(),
    };
    found
        .reported
        .iter()
        .map(|r| {
            (
                side(r.actor),
                r.relation.to_string(),
                side(r.target),
                r.editorial,
            )
        })
        .collect()
}

/// The words of the input's `i`-th reported statement.
fn statement<'t>(text: &'t str, found: &Extraction, i: usize) -> &'t str {
    let r = &found.reported[i];
    &text[r.start..r.end]
}

fn line(s: &str, rel: &str, partial: Option<bool>, doubtful: bool, also: &[&str]) -> Line {
    (
        s.to_string(),
        rel.to_string(),
        partial,
        doubtful,
        also.iter().map(|a| a.to_string()).collect(),
    )
}

#[test]
fn a_consolidated_texts_lead_in_reports_each_item_as_acting_on_the_document_it_opens_with() {
    let (text, found) = read("consolidated.txt");
    let s = |r: Ref| match r {
        Ref::Citation(i) => found.citations[i].start,
        _ => usize::MAX,
    };
    assert_eq!(
        mentions(&found),
        [
            line("12/2016/TT-BTC", "cites", None, false, &[]),
            line("33/2017/TT-BTC", "cites", None, false, &[]),
            line("12/2016/TT-BTC", "cites", None, false, &[]),
            line("48/2019/TT-BTC", "cites", None, false, &[]),
            // The verb belongs to 48/2019's title, which goes on after a line that stops on "của".
            line("15/2017/TT-BTC", "cites", None, false, &[]),
            line("07/2015/QĐ-UBND", "cites", None, false, &[]),
            line("15/2020/QĐ-UBND", "cites", None, false, &[]),
            line("21/2021/QĐ-UBND", "cites", None, false, &[]),
            line("38/2019/QH14", "basis", None, false, &[]),
            // Named in the amended circular's title: not what the list amends, and, in a circular of 2016,
            // the law of that name adopted by then, not the one the input numbers.
            line("78/2006/QH11", "cites", None, false, &[]),
        ]
    );
    // Only the first mention of each item acts, and the list ends at the line after its last item.
    assert_eq!(
        reported(&found),
        [
            (
                "33/2017/TT-BTC".into(),
                "amends".into(),
                "12/2016/TT-BTC".into(),
                false
            ),
            (
                "48/2019/TT-BTC".into(),
                "amends".into(),
                "12/2016/TT-BTC".into(),
                false
            ),
            (
                "15/2020/QĐ-UBND".into(),
                "replaces".into(),
                "07/2015/QĐ-UBND".into(),
                false
            ),
            (
                "21/2021/QĐ-UBND".into(),
                "replaces".into(),
                "07/2015/QĐ-UBND".into(),
                false
            ),
            // The amended circular's title says what it does to the law of its year.
            (
                "12/2016/TT-BTC".into(),
                "guides".into(),
                "78/2006/QH11".into(),
                false
            ),
        ]
    );
    let r = &found.reported[1];
    assert_eq!((r.start, s(r.target)), (17, 17));
    assert!(text[r.start..r.end].ends_with("Thông tư số 48/2019/TT-BTC ngày 08 tháng 8 năm 2019"));
}

#[test]
fn a_consolidated_text_changes_nothing_its_base_acts_in_the_body_and_its_footnotes_name_the_amenders(
) {
    let (_, found) = read("consolidated_text.txt");
    assert_eq!(
        found
            .document
            .as_ref()
            .map(|d| (d.doc_type.to_string(), d.title.clone())),
        Some((
            "consolidated_text".to_string(),
            Some("QUY ĐỊNH VỀ KIỂM TRA HOẠT ĐỘNG ĐIỆN LỰC".to_string())
        ))
    );
    // The consolidation's own edges are all cites, whatever the words around each mention.
    assert!(
        found
            .citations
            .iter()
            .all(|c| c.relation == "cites" && !c.doubtful),
        "{:?}",
        mentions(&found)
    );
    assert!(found.named.is_empty());
    let pinpoints: Vec<Option<&str>> = found
        .reported
        .iter()
        .map(|r| r.pinpoint.as_deref())
        .collect();
    assert_eq!(
        reported(&found),
        [
            // The preamble's one unmarked item.
            (
                "09/2021/TT-BCT".into(),
                "amends".into(),
                "42/2019/TT-BCT".into(),
                false
            ),
            // The body's basis and closing article are the base circular's.
            (
                "42/2019/TT-BCT".into(),
                "basis".into(),
                "98/2017/NĐ-CP".into(),
                false
            ),
            (
                "42/2019/TT-BCT".into(),
                "replaces".into(),
                "27/2013/TT-BCT".into(),
                false
            ),
            // Footnotes: the amender's quoted basis, the provision it amended, its quoted closing article.
            (
                "09/2021/TT-BCT".into(),
                "basis".into(),
                "28/2004/QH11".into(),
                false
            ),
            (
                "09/2021/TT-BCT".into(),
                "amends".into(),
                "42/2019/TT-BCT".into(),
                false
            ),
            (
                "09/2021/TT-BCT".into(),
                "repeals".into(),
                "31/2014/TT-BCT".into(),
                false
            ),
        ]
    );
    assert_eq!(pinpoints, [None, None, None, None, None, Some("Điều 12")]);
}

#[test]
fn a_verb_in_another_documents_title_or_a_proposal_acts_on_nothing() {
    let (_, found) = read("title_verbs.txt");
    assert_eq!(
        mentions(&found),
        [
            // Objects of the amending law's title, which the Căn cứ line names without a number.
            line("31/2024/QH15", "cites", None, false, &[]),
            line("27/2023/QH15", "cites", None, false, &[]),
            // "Thi hành" is a word of the law's name.
            line("26/2008/QH12", "basis", None, false, &[]),
            // A draft of someone else's act.
            line("62/2015/NĐ-CP", "cites", None, false, &[]),
            // "… về thu hồi Quyết định số 09/2011 …": the subject of the decision the input ends.
            line("15/2013/QĐ-UBND", "repeals", Some(false), false, &[]),
            line("09/2011/QĐ-UBND", "cites", None, false, &[]),
            // "… về quy chế tiếp dân và Quyết định số 10/2011 …": "và" lists the second.
            line("16/2013/QĐ-UBND", "repeals", Some(false), false, &[]),
            line("10/2011/QĐ-UBND", "repeals", Some(false), false, &[]),
        ]
    );
    assert!(found.reported.is_empty());
}

#[test]
fn statements_between_other_documents_are_reported_in_their_direction() {
    let (text, found) = read("reported.txt");
    assert_eq!(
        mentions(&found),
        [
            line("01/2011/TT-BNV", "cites", None, false, &[]),
            line("05/2019/TT-BNV", "cites", None, false, &[]),
            line("110/2004/NĐ-CP", "cites", None, false, &[]),
            line("30/2020/NĐ-CP", "cites", None, false, &[]),
            line("32/2024/QH15", "basis", None, false, &[]),
            // The basis reaches the law as amended: the amender's mention stays `cites`, as the contract
            // says, and the basis is a further relation.
            line("96/2025/QH15", "cites", None, false, &["basis"]),
            line("14/2017/TT-BYT", "cites", None, false, &[]),
            line("08/2021/TT-BYT", "cites", None, false, &[]),
        ]
    );
    // The minister who signed is the ministry, whether or not the issuer table spells the rank.
    let signed = &found.citations[6];
    assert_eq!(
        (
            &text[signed.start..signed.end],
            signed.issuer_name.as_deref()
        ),
        (
            "Thông tư số 14/2017/TT-BYT ngày 06 tháng 4 năm 2017 của Bộ trưởng Bộ Y tế",
            Some("Bộ Y tế")
        )
    );
    assert_eq!(
        reported(&found),
        [
            (
                "05/2019/TT-BNV".into(),
                "amends".into(),
                "01/2011/TT-BNV".into(),
                false
            ),
            (
                "30/2020/NĐ-CP".into(),
                "repeals".into(),
                "110/2004/NĐ-CP".into(),
                false
            ),
            (
                "96/2025/QH15".into(),
                "amends".into(),
                "32/2024/QH15".into(),
                false
            ),
            (
                "08/2021/TT-BYT".into(),
                "amends".into(),
                "14/2017/TT-BYT".into(),
                false
            ),
        ]
    );
    assert_eq!(
        statement(&text, &found, 0),
        "Thông tư số 01/2011/TT-BNV đã được sửa đổi, bổ sung bởi Thông tư số 05/2019/TT-BNV"
    );
}

#[test]
fn a_databases_effect_history_reports_each_row_and_the_text_after_it_acts_again() {
    let (text, found) = read("effect_history.txt");
    let cites = |s: &str| line(s, "cites", None, false, &[]);
    assert_eq!(
        mentions(&found),
        [
            cites("45/2031/NĐ-CP"),
            cites("45/2031/NĐ-CP"),
            // The document's own states: "hết hiệu lực" beside its own number ends nothing.
            cites("45/2031/NĐ-CP"),
            cites("45/2031/NĐ-CP"),
            cites("07/2033/NĐ-CP"),
            cites("88/2033/NĐ-CP"),
            cites("45/2031/NĐ-CP"),
            cites("12/2034/NĐ-CP"),
            // A blank line ends the table.
            line("30/2029/QĐ-TTg", "repeals", Some(false), false, &[]),
        ]
    );
    let row =
        |actor: &str, relation: &str| (actor.into(), relation.into(), "45/2031/NĐ-CP".into(), true);
    assert_eq!(
        reported(&found),
        [
            row("07/2033/NĐ-CP", "amends"),
            row("88/2033/NĐ-CP", "repeals"),
            row("12/2034/NĐ-CP", "replaces"),
        ]
    );
    assert_eq!(
        statement(&text, &found, 1),
        "01/01/2034 Bị bãi bỏ 1 phần 88/2033/NĐ-CP Xem tại đây"
    );
}

#[test]
fn a_change_of_what_was_issued_with_a_document_changes_it() {
    let (_, found) = read("issued_with.txt");
    assert_eq!(
        mentions(&found),
        [
            line("21/2027/QĐ-UBND", "repeals", Some(false), false, &[]),
            line("88/NQ-CP", "replaces", Some(false), false, &[]),
            // Guidance reaches only its own object, not a document named in a clause about something else.
            line("22/2026/QĐ-TTg", "cites", None, false, &[]),
            // What a document sets out is the document's, for a verb that changes text; one who carries
            // it out only follows it.
            line("23/2025/QĐ-UBND", "repeals", Some(false), false, &[]),
            line("24/2025/QĐ-UBND", "cites", None, false, &[]),
        ]
    );
}

#[test]
fn a_short_name_given_to_a_document_is_cited_and_the_list_goes_on_past_it() {
    let (_, found) = read("alias.txt");
    assert_eq!(
        mentions(&found),
        [
            line("31/2027/QĐ-UBND", "repeals", Some(false), false, &[]),
            // "sau đây gọi là …" names the document again; it does not repeal it twice.
            line("31/2027/QĐ-UBND", "cites", None, false, &[]),
            line("32/2027/QĐ-UBND", "repeals", Some(false), false, &[]),
            line("09/CT-TTg", "implements", None, false, &[]),
            line("09/CT-TTg", "cites", None, false, &[]),
        ]
    );
}

#[test]
fn database_notes_are_editorial_and_never_acts_of_the_input() {
    let (text, found) = read("editorial.txt");
    assert_eq!(
        mentions(&found),
        [
            line("45/2015/NĐ-CP", "cites", None, false, &[]),
            line("77/2018/NĐ-CP", "cites", None, false, &[]),
            line("60/2019/NĐ-CP", "cites", None, false, &[]),
        ]
    );
    let note =
        |actor: &str, relation: &str| (actor.into(), relation.into(), "document".into(), true);
    assert_eq!(
        reported(&found),
        [
            note("45/2015/NĐ-CP", "amends"),
            note("77/2018/NĐ-CP", "repeals"),
            // Words between the verb and "bởi" ("một phần").
            note("60/2019/NĐ-CP", "amends"),
        ]
    );
    let note = statement(&text, &found, 1);
    assert!(note.starts_with("[Khoản này bị bãi bỏ bởi"));
    assert!(note.ends_with(']'));
}

#[test]
fn a_lead_in_governs_every_item_of_its_list_and_parts_stay_partial() {
    let (_, found) = read("lead_in.txt");
    assert_eq!(
        mentions(&found),
        [
            line("11/2020/NĐ-CP", "repeals", Some(true), false, &[]),
            line("12/2021/NĐ-CP", "repeals", Some(false), false, &[]),
            line("13/2022/NĐ-CP", "repeals", Some(false), false, &[]),
            // A document in a listed document's title is only cited: the decree it amends, the decrees a
            // circular guides (after "và" as after its verb). A semicolon lists again.
            line("12/2021/NĐ-CP", "cites", None, false, &[]),
            line("05/2023/TT-BTC", "repeals", Some(false), false, &[]),
            line("13/2022/NĐ-CP", "cites", None, false, &[]),
            line("14/2022/NĐ-CP", "cites", None, false, &[]),
            line("06/2023/TT-BTC", "repeals", Some(false), false, &[]),
            line("07/2023/TT-BTC", "repeals", Some(false), false, &[]),
        ]
    );
}

#[test]
fn a_lead_in_that_lost_its_colon_governs_its_items_and_their_continuations() {
    let (_, found) = read("bare_lead_in.txt");
    assert_eq!(
        mentions(&found),
        [
            line("40/2021/NĐ-CP", "repeals", Some(true), false, &[]),
            // Item b) goes on in lower case on the next line.
            line("41/2022/NĐ-CP", "repeals", Some(true), false, &[]),
            line("42/2023/NĐ-CP", "repeals", Some(true), false, &[]),
        ]
    );
}

#[test]
fn ending_an_amended_document_ends_the_amendments_in_part() {
    let (text, found) = read("amended_lapses.txt");
    assert_eq!(
        mentions(&found),
        [
            line("20/2019/NĐ-CP", "basis", None, false, &[]),
            // A verb right after a reference opens that reference's title.
            line("18/2014/NĐ-CP", "cites", None, false, &[]),
            // The lapse after the list of amenders is the law's act on the amended law …
            line("12/2012/QH13", "repeals", Some(false), false, &[]),
            // … and on the provisions of the amenders that changed it.
            line("30/2016/QH14", "cites", None, false, &["repeals"]),
            line("41/2019/QH14", "cites", None, false, &["repeals"]),
            line("15/2022/QH15", "cites", None, false, &["repeals"]),
            // The aside only gives the amended law a short name.
            line("12/2012/QH13", "cites", None, false, &[]),
            // "… ban hành kèm theo": the verb reaches the decision through the rules it issued.
            line("45/2016/QĐ-TTg", "amends", Some(true), false, &[]),
        ]
    );
    for c in &found.citations[3..6] {
        assert_eq!(c.also[0].partial, Some(true), "{}", c.symbol);
        assert!(text[c.also[0].start..c.also[0].end].starts_with("12/2012/QH13 đã được sửa đổi"));
    }
    let mut expected: Vec<(String, String, String, bool)> =
        ["30/2016/QH14", "41/2019/QH14", "15/2022/QH15"]
            .map(|a| {
                (
                    a.to_string(),
                    "amends".to_string(),
                    "12/2012/QH13".to_string(),
                    false,
                )
            })
            .to_vec();
    // A basis item's title: "Nghị định số 20/2019/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số
    // 18/2014/NĐ-CP".
    expected.push((
        "20/2019/NĐ-CP".to_string(),
        "amends".to_string(),
        "18/2014/NĐ-CP".to_string(),
        false,
    ));
    assert_eq!(reported(&found), expected);
}

#[test]
fn the_scope_article_guides_the_provisions_it_regulates() {
    let (_, found) = read("scope_article.txt");
    let own = found
        .document
        .as_ref()
        .map(|d| (d.doc_type.as_str(), d.title.clone()));
    assert_eq!(
        own,
        Some((
            "circular",
            Some("QUY ĐỊNH KỸ THUẬT ĐO ĐẠC ĐẤT CÔNG".to_string())
        ))
    );
    assert_eq!(
        mentions(&found),
        [
            line("30/2024/NĐ-CP", "basis", None, false, &[]),
            // Listed under the scope statement "…, bao gồm:".
            line("30/2024/NĐ-CP", "guides", None, false, &[]),
            line("31/2024/QH15", "basis", None, false, &[]),
            line("31/2024/QH15", "guides", None, false, &[]),
            // Article 2 is not the scope.
            line("31/2024/QH15", "cites", None, false, &[]),
        ]
    );
    // Rules that a decision issues state the scope for it; "hướng dẫn" needs no pinpoint.
    let (_, found) = read("procedure_scope.txt");
    assert_eq!(
        mentions(&found),
        [
            line("54/2014/QH13", "guides", None, false, &[]),
            line("08/2015/NĐ-CP", "guides", None, false, &[]),
        ]
    );
}

#[test]
fn impossible_changes_fall_back_to_cites_as_doubtful() {
    let (_, found) = read("impossible.txt");
    assert_eq!(
        mentions(&found),
        [
            // Issued three years after the circular.
            line("30/2018/TT-BTC", "cites", None, true, &[]),
            // A circular cannot amend a law.
            line("78/2006/QH11", "cites", None, true, &[]),
        ]
    );
}

#[test]
fn the_documents_own_scope_and_title_guide_what_they_name() {
    let (text, found) = read("scope.txt");
    assert_eq!(
        mentions(&found),
        [
            // The law that gives the Government its power is a basis of competence only.
            line("76/2015/QH13", "basis", None, false, &[]),
            line("31/2024/QH15", "basis", None, false, &["guides"]),
        ]
    );
    let also = &found.named[1].also[0];
    assert_eq!(
        &text[also.start..also.end],
        "Nghị định này quy định chi tiết về tổ chức và hoạt động của quỹ phát triển đất"
    );

    let (_, found) = read("title_guides.txt");
    assert_eq!(
        mentions(&found),
        [
            // Two verbs in one phrase: both relations are kept.
            line("154/2005/NĐ-CP", "repeals", Some(true), false, &["amends"]),
            // The title names the law without its date; the Căn cứ line gives it, so both are one node.
            line("54/2014/QH13", "guides", None, false, &[]),
            line("54/2014/QH13", "basis", None, false, &[]),
        ]
    );
}

#[test]
fn status_reads_direct_reported_and_editorial_changes() {
    let found: Vec<(String, Extraction)> = FIXTURES
        .iter()
        .map(|n| (n.to_string(), read(n).1))
        .collect();
    let g = crate::built(&found);
    let verdicts: Vec<String> = [
        "doc:01/2011/TT-BNV",
        "doc:110/2004/NĐ-CP",
        "doc:12/2010/NĐ-CP",
        "doc:11/2020/NĐ-CP",
        "doc:12/2021/NĐ-CP",
        "doc:154/2005/NĐ-CP",
        "doc:30/2018/TT-BTC",
        "doc:32/2024/QH15",
        "doc:12/2012/QH13",
        "doc:30/2016/QH14",
        "doc:40/2021/NĐ-CP",
        "doc:42/2023/NĐ-CP",
        // Ended whole on the same matter; one provision ended; a provision ended by an amending article.
        "doc:05/2017/TT-BCT",
        "doc:11/2019/TT-BCT",
        "doc:16/2012/QH13",
        // Amended twice and replaced, by the items of consolidated texts' lead-ins.
        "doc:12/2016/TT-BTC",
        "doc:07/2015/QĐ-UBND",
        // Amended and ended in part by what a consolidated text's footnotes quote.
        "doc:42/2019/TT-BCT",
        "doc:31/2014/TT-BCT",
        // Amended, ended in part and replaced, by the rows of a database's effect history.
        "doc:45/2031/NĐ-CP",
    ]
    .iter()
    .map(|id| {
        let status = vncite::query::status(&g, id).unwrap_or_else(|e| panic!("{e}"));
        serde_json::to_string(&status).unwrap_or_default()
    })
    .collect();
    insta::assert_snapshot!("lineage_status", verdicts.join("\n"));
    // The two impossible changes of impossible.txt and the two of letter_changes.txt are counted, read back
    // from the store's evidence.
    assert_eq!(g.doubtful_mentions().ok(), Some(4));
    // The change edges of the fixtures all run from the newer document to the older one.
    for e in g.edges() {
        if matches!(e.edge.relation.as_str(), "amends" | "replaces" | "repeals") {
            let (from, to) = (g.node(e.from), g.node(e.to));
            if let (Some(Some(a)), Some(Some(b))) = (from.map(|n| n.year), to.map(|n| n.year)) {
                assert!(
                    a >= b,
                    "{} ({a}) {} {} ({b})",
                    e.from,
                    e.edge.relation,
                    e.to
                );
            }
        }
    }
}

#[test]
fn a_statement_ending_near_multibyte_text_never_splits_a_character() {
    // The look past the acting mention ("… có hiệu lực") once cut 40 bytes into "ở".
    for pad in ["", "x", "xx", "xxx"] {
        let text = format!(
            "Nghị định số 110/2004/NĐ-CP hết hiệu lực kể từ ngày Nghị định số 30/2020/NĐ-CP {pad}ởởởởởởởởởởởởởởởởởởởởởởởở"
        );
        let found = vncite::extract(&text);
        assert_eq!(found.citations.len(), 2, "{text}");
        assert!(
            found.reported.is_empty(),
            "no 'có hiệu lực' after the actor: {text}"
        );
    }
}

#[test]
fn a_reported_side_is_written_with_exactly_one_key() {
    for (r, json) in [
        (Ref::Citation(3), r#"{"citation":3}"#),
        (Ref::Named(0), r#"{"named":0}"#),
        (Ref::Document, r#"{"document":true}"#),
    ] {
        assert_eq!(serde_json::to_string(&r).ok().as_deref(), Some(json));
        assert_eq!(serde_json::from_str::<Ref>(json).ok(), Some(r));
    }
    for bad in [r#"{"citation":1,"named":2}"#, r#"{"document":false}"#, "{}"] {
        assert!(serde_json::from_str::<Ref>(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_regulation_guides_the_substantive_statutes_it_is_issued_on() {
    let (text, found) = read("scope_regulates.txt");
    assert_eq!(
        mentions(&found),
        [
            line("36/2005/QH11", "basis", None, false, &["guides"]),
            // The law that organises the Government gives it power, not the matter it regulates.
            line("63/2025/QH15", "basis", None, false, &[]),
            line("55/2010/QH12", "basis", None, false, &["guides"]),
        ]
    );
    // The guidance is stated by the scope article, capitalised as crawled copies write it.
    let also = &found.citations[0].also[0];
    assert_eq!(
        &text[also.start..also.end],
        "Nghị định này Quy định về việc đầu tư, quản lý và khai thác chợ đầu mối nông sản."
    );

    // A circular guides the decree it is issued on, never the decree that organises its ministry.
    let (text, found) = read("circular_regulates.txt");
    assert_eq!(
        mentions(&found),
        [
            line("40/2025/NĐ-CP", "basis", None, false, &[]),
            line("45/2026/NĐ-CP", "basis", None, false, &["guides"]),
        ]
    );
    let also = &found.citations[1].also[0];
    assert_eq!(
        &text[also.start..also.end],
        "Thông tư này quy định mẫu hợp đồng thuê điểm kinh doanh tại chợ đầu mối nông sản và việc lưu giữ hợp đồng."
    );
}

#[test]
fn an_amending_article_that_ends_a_provision_repeals_part_of_what_it_amends() {
    let (text, found) = read("amending_repeals.txt");
    assert_eq!(
        mentions(&found),
        [
            // "3. Bãi bỏ khoản 3 Điều 12 …" names no document: the provision is the amended law's. The
            // "Bãi bỏ" inside the quoted new wording of Điều 8 is not an act of the input.
            line("16/2012/QH13", "amends", Some(true), false, &["repeals"]),
            // Its article only rewrites; the later "Bãi bỏ" item belongs to the article on entry into force.
            line("103/2016/QH13", "amends", Some(true), false, &[]),
            // The title names both laws without numbers; the articles give them, so each is one node.
            line("16/2012/QH13", "amends", Some(true), false, &[]),
            line("103/2016/QH13", "amends", Some(true), false, &[]),
            // The promulgation formula names the input itself, which is no reference.
            line("named:hien-phap@2013", "basis", None, false, &[]),
        ]
    );
    let also = &found.citations[0].also[0];
    assert_eq!(also.partial, Some(true));
    assert_eq!(
        &text[also.start..also.end],
        "Bãi bỏ khoản 3 Điều 12 và cụm từ “bằng văn bản” tại khoản 1 Điều 20."
    );
}

#[test]
fn one_lapse_ends_every_head_of_its_list_and_a_same_matter_ending_replaces() {
    let (text, found) = read("lapsing_list.txt");
    assert_eq!(
        mentions(&found),
        [
            // No scope article says what the circular regulates: the law is its basis only.
            line("36/2005/QH11", "basis", None, false, &[]),
            // The circular's own matter, of its own kind and issuer, ended whole: replaced.
            line(
                "05/2017/TT-BCT",
                "repeals",
                Some(false),
                false,
                &["replaces"]
            ),
            // Only its Điều 4 lapses.
            line("11/2019/TT-BCT", "repeals", Some(true), false, &[]),
            // An amendment whose title names only the number of what it amends shares no matter words.
            line("09/2021/TT-BCT", "repeals", Some(false), false, &[]),
            // A word of 09/2021's title, though it stands right before "hết hiệu lực".
            line("05/2017/TT-BCT", "cites", None, false, &[]),
            // Repealed, on another matter.
            line("30/2018/TT-BCT", "repeals", Some(false), false, &[]),
            // The procedures the decisions announced lapse: the first part says so of every document.
            line("410/QĐ-BCT", "repeals", Some(false), false, &[]),
            line("512/QĐ-BCT", "repeals", Some(false), false, &[]),
        ]
    );
    let also = &found.citations[1].also[0];
    assert_eq!(
        &text[also.start..also.end],
        "Thông tư số 05/2017/TT-BCT ngày 10 tháng 4 năm 2017 của Bộ trưởng Bộ Công Thương hướng dẫn kinh doanh dịch vụ kho ngoại quan"
    );
}

#[test]
fn parts_listed_with_semicolons_take_the_verb_before_them() {
    let (_, found) = read("pinpoint_lists.txt");
    assert_eq!(
        mentions(&found),
        [
            // "Bãi bỏ Điều 3; khoản 2 Điều 5 Thông tư số …": both parts are the circular's.
            line("14/2016/TT-BNV", "repeals", Some(true), false, &[]),
            line("61/2017/NĐ-CP", "repeals", Some(false), false, &[]),
            // A chapter of the next document in the list.
            line("62/2018/NĐ-CP", "repeals", Some(true), false, &[]),
            // The first part names a subject, not a document.
            line("15/2016/TT-BNV", "repeals", Some(true), false, &[]),
            line("18/2016/TT-BNV", "amends", Some(true), false, &[]),
            line("19/2016/TT-BNV", "amends", Some(true), false, &[]),
            // No verb of the input's: the parts are only cited.
            line("16/2016/TT-BNV", "cites", None, false, &[]),
            line("17/2016/TT-BNV", "cites", None, false, &[]),
        ]
    );
    assert!(found.reported.is_empty());
}

#[test]
fn a_basis_reaches_its_law_across_pinpoints_listed_with_semicolons() {
    let (text, found) = read("basis_pinpoints.txt");
    assert_eq!(
        mentions(&found),
        [
            // The law's name before its number: "của Luật Cư trú số …".
            line("68/2020/QH14", "basis", None, false, &[]),
            // A law's symbol straight after its name, with no "số", is one numbered mention.
            line("21/2017/QH14", "basis", None, false, &[]),
            line("08/2017/QH14", "repeals", Some(true), false, &[]),
            // No verb of the input's before the parts.
            line("102/2016/QH13", "cites", None, false, &[]),
            // A judgment's basis: three parts of one code, the second naming two points.
            line("100/2015/QH13", "basis", None, false, &[]),
        ]
    );
    let written: Vec<&str> = found.citations.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        written,
        [
            "Luật Cư trú số 68/2020/QH14",
            "Luật Quy hoạch 21/2017/QH14",
            "Luật Thủy lợi số 08/2017/QH14",
            "Luật Trẻ em số 102/2016/QH13",
        ]
    );
    assert!(found
        .citations
        .iter()
        .all(|c| text[c.start..c.end] == c.text));
    assert!(found.reported.is_empty());
}

#[test]
fn a_lead_in_reaches_the_items_after_its_colon_and_a_status_aside_acts_on_nothing() {
    let (_, found) = read("inline_lists.txt");
    assert_eq!(
        mentions(&found),
        [
            // "… các Nghị định sau đây hết hiệu lực: A, B …; C … sửa đổi D": the items, not C's title.
            line("37/2016/NĐ-CP", "repeals", Some(false), false, &[]),
            line("88/2020/NĐ-CP", "repeals", Some(false), false, &[]),
            line("143/2018/NĐ-CP", "repeals", Some(false), false, &[]),
            line("37/2016/NĐ-CP", "cites", None, false, &[]),
            // The lead-in's sentence ends before the next one.
            line("59/2015/TT-BLĐTBXH", "repeals", Some(false), false, &[]),
            line("18/2017/TT-BLĐTBXH", "repeals", Some(false), false, &[]),
            line("06/2021/TT-BLĐTBXH", "cites", None, false, &[]),
            // New wording after "như sau:" is the amended article's.
            line("28/2015/TT-BLĐTBXH", "cites", None, false, &[]),
            // "(đã hết hiệu lực)", "đã bị thay thế": what other acts did, said in passing.
            line("07/2016/TT-BLĐTBXH", "cites", None, false, &[]),
            line("613/QĐ-TTg", "cites", None, false, &[]),
        ]
    );
    // The listed decree's title states its own act.
    assert_eq!(
        reported(&found),
        [(
            "143/2018/NĐ-CP".to_string(),
            "amends".to_string(),
            "37/2016/NĐ-CP".to_string(),
            false
        )]
    );
}

#[test]
fn a_part_named_before_one_item_of_a_list_is_that_item_s_own() {
    let (_, found) = read("partial_items.txt");
    assert_eq!(
        mentions(&found),
        [
            // "Bãi bỏ Điều 10 Thông tư A và Thông tư B": B goes whole.
            line("32/2023/TT-BYT", "repeals", Some(true), false, &[]),
            line("41/2011/TT-BYT", "repeals", Some(false), false, &[]),
            line("12/2020/QĐ-UBND", "repeals", Some(true), false, &[]),
            line("13/2020/QĐ-UBND", "repeals", Some(false), false, &[]),
            line("15/2020/QĐ-UBND", "repeals", Some(true), false, &[]),
            // "một số điều của A và B": a share of every item.
            line("16/2020/TT-BYT", "repeals", Some(true), false, &[]),
            line("17/2020/TT-BYT", "repeals", Some(true), false, &[]),
            // "Bãi bỏ các quy định về … theo quy định tại Điều 6 Nghị định số A, Nghị định số B": their rules.
            line("69/2008/NĐ-CP", "repeals", Some(true), false, &[]),
            line("59/2014/NĐ-CP", "repeals", Some(true), false, &[]),
            // The rules are those of the decision named between, not of the decree after it.
            line("14/2021/QĐ-UBND", "repeals", Some(true), false, &[]),
            line("120/2016/NĐ-CP", "cites", None, false, &[]),
            // A verb that changes nothing only follows the rules.
            line("120/2016/NĐ-CP", "cites", None, false, &[]),
        ]
    );
    assert!(found.reported.is_empty());
}

#[test]
fn a_lead_in_that_names_a_kind_of_document_governs_no_item() {
    let (_, found) = read("lead_in_kinds.txt");
    assert_eq!(
        mentions(&found),
        [
            line("99/2022/NĐ-CP", "cites", None, false, &[]),
            // "các văn bản hướng dẫn … sau đây vẫn còn hiệu lực thi hành:" lists guidance still in force.
            line("08/2023/TT-BTP", "cites", None, false, &[]),
            line("07/2019/TT-BTP", "cites", None, false, &[]),
            // A verb of the input's own still governs the items below it.
            line("99/2022/NĐ-CP", "implements", None, false, &[]),
        ]
    );
    assert!(found.reported.is_empty());
}

#[test]
fn items_after_a_semicolon_share_the_verb_of_a_list_that_opens_with_a_named_law() {
    let (_, found) = read("semicolon_items.txt");
    assert_eq!(
        mentions(&found),
        [
            // "thực hiện đúng các quy định tại Luật …; Nghị định số …; Thông tư số …": every item.
            line("85/2025/NĐ-CP", "implements", None, false, &[]),
            line("12/2025/TT-BTC", "implements", None, false, &[]),
            line("29/2021/QH15", "implements", None, false, &[]),
            // A clause after the semicolon that opens with a body is an act of that body's.
            line("1520/STC-ĐT", "cites", None, false, &[]),
            // What a subject fails to carry out, the input carries nothing out.
            line("85/2025/NĐ-CP", "cites", None, false, &[]),
            line("45/KH-UBND", "cites", None, false, &[]),
            // "thực hiện theo quy định tại" follows the rule; "thực hiện nghiêm các quy định của" carries it out.
            line("12/2025/TT-BTC", "cites", None, false, &[]),
            line("07/2024/TT-BTC", "implements", None, false, &[]),
            line("58/2024/QH15", "implements", None, false, &[]),
            line("58/2024/QH15", "cites", None, false, &[]),
            line("58/2024/QH15", "implements", None, false, &[]),
            line("58/2024/QH15", "implements", None, false, &[]),
        ]
    );
    // The decree's title says it details the law.
    assert_eq!(
        reported(&found),
        [(
            "85/2025/NĐ-CP".to_string(),
            "guides".to_string(),
            "58/2024/QH15".to_string(),
            false
        )]
    );
}

#[test]
fn a_change_reported_after_the_subject_of_a_reference_is_its_own() {
    let (_, found) = read("reported_subjects.txt");
    assert_eq!(
        mentions(&found),
        [
            // The basis reaches the decree as amended, the amender's mention stays cites.
            line("62/2022/NĐ-CP", "basis", None, false, &[]),
            line("14/2024/NĐ-CP", "cites", None, false, &["basis"]),
            line("715/QĐ-UBND", "basis", None, false, &[]),
            line("96/QĐ-UBND", "cites", None, false, &["basis"]),
            // "được bố trí theo" is no change of the decision before it.
            line("801/QĐ-UBND", "cites", None, false, &[]),
            line("802/QĐ-UBND", "cites", None, false, &[]),
            // "A hết hiệu lực khi B có hiệu lực", said of two other documents: reported, both cites.
            line("51/2010/NĐ-CP", "cites", None, false, &[]),
            line("123/2020/NĐ-CP", "cites", None, false, &[]),
            line("named:luat-thuy-san@2003", "cites", None, false, &[]),
            line("18/2017/QH14", "cites", None, false, &[]),
        ]
    );
    assert_eq!(
        reported(&found),
        [
            (
                "14/2024/NĐ-CP".to_string(),
                "amends".to_string(),
                "62/2022/NĐ-CP".to_string(),
                false
            ),
            (
                "96/QĐ-UBND".to_string(),
                "amends".to_string(),
                "715/QĐ-UBND".to_string(),
                false
            ),
            (
                "18/2017/QH14".to_string(),
                "repeals".to_string(),
                "named:luat-thuy-san@2003".to_string(),
                false
            ),
            (
                "123/2020/NĐ-CP".to_string(),
                "repeals".to_string(),
                "51/2010/NĐ-CP".to_string(),
                false
            ),
        ]
    );
}

#[test]
fn an_added_part_amends_its_document_and_a_suspension_carries_nothing_out() {
    let (_, found) = read("added_parts.txt");
    assert_eq!(
        mentions(&found),
        [
            line("17/2023/QĐ-UBND", "amends", Some(true), false, &[]),
            // "Bổ sung điểm g vào khoản 3 Điều 4 …", "Bổ sung Điều 9a vào sau Điều 9 …".
            line("17/2023/QĐ-UBND", "amends", Some(true), false, &[]),
            line("18/2023/QĐ-UBND", "amends", Some(true), false, &[]),
            // Funds added are no part of the decision.
            line("19/2023/QĐ-UBND", "cites", None, false, &[]),
            // Suspending a decision is not carrying it out, and no relation of the contract's.
            line("20/2023/QĐ-UBND", "cites", None, false, &[]),
            line("05/CT-UBND", "cites", None, false, &[]),
        ]
    );
}

#[test]
fn documents_named_in_quoted_wording_are_only_cited() {
    let (_, found) = read("quoted.txt");
    assert_eq!(
        mentions(&found),
        [
            line("31/2019/NĐ-CP", "amends", Some(true), false, &[]),
            // The new wording of the amended article: its verbs are the amended decree's, not the input's.
            line("08/2017/QH14", "cites", None, false, &[]),
            line("67/2018/NĐ-CP", "cites", None, false, &[]),
            // A phrase put in place of another: the input changes its own article, not the circulars.
            line("05/2018/TT-BNNPTNT", "cites", None, false, &[]),
            line("03/2022/TT-BNNPTNT", "cites", None, false, &[]),
            line("31/2019/NĐ-CP", "repeals", Some(true), false, &[]),
        ]
    );
    assert!(found.reported.is_empty());
}

#[test]
fn a_verb_acts_on_a_document_not_on_the_activity_it_names_first() {
    let (_, found) = read("activities.txt");
    assert_eq!(
        mentions(&found),
        [
            // The object of "triển khai" is the dissemination; the decree is its content.
            line("95/2024/NĐ-CP", "cites", None, false, &[]),
            // A form the circular issues.
            line("05/2024/TT-BXD", "cites", None, false, &[]),
            // Work done according to the letter carries it out.
            line("1450/SXD-QLN", "implements", None, false, &[]),
            // The rules the decision issues are part of it.
            line("21/2025/QĐ-UBND", "implements", None, false, &[]),
            // A proposal to amend is not an amendment.
            line("33/2023/QĐ-UBND", "cites", None, false, &[]),
            line("12-CTr/TU", "implements", None, false, &[]),
            // Disseminating a directive is not carrying it out.
            line("34-CT/TW", "cites", None, false, &[]),
            // Asking someone to consider a change is no change.
            line("06/2025/TT-BXD", "cites", None, false, &[]),
            // "sửa đổi, bổ sung" names a kind of form; the circular is where the form comes from.
            line("07/2025/TT-BXD", "cites", None, false, &[]),
            // A passive "được thực hiện" reports what was done.
            line("45/QĐ-UBND", "cites", None, false, &[]),
            // What is repealed or amended is measured against the decree and the circular, not them.
            line("88/2025/NĐ-CP", "cites", None, false, &[]),
            line("09/2025/TT-BXD", "cites", None, false, &[]),
            // A change the work aims at ("nhằm … thay thế") is not made by the input.
            line("1200/QĐ-BXD", "cites", None, false, &[]),
            // Done as the letter guides: the letter guides, the input complies.
            line("2210/STC-QLG", "cites", None, false, &[]),
            // The plan's own tasks and targets, however long their list, are the plan to carry out.
            line("88/KH-UBND", "implements", None, false, &[]),
            // So is the direction a letter states.
            line("3321/UBND-KT", "implements", None, false, &[]),
            // Guidance assigned to a body carries the decree out; guidance asked for is only a request.
            line("59/2024/NĐ-CP", "implements", None, false, &[]),
            line("60/2024/NĐ-CP", "cites", None, false, &[]),
        ]
    );
}

#[test]
fn a_basis_list_joins_names_and_numbers_by_semicolons_but_not_an_amending_title() {
    let (_, found) = read("mixed_basis.txt");
    let amending = "named:luat-sua-doi-va-bo-sung-mot-so-dieu-cua-luat-dau-thau@?";
    assert_eq!(
        mentions(&found),
        [
            line("12/2025/NĐ-CP", "basis", None, false, &[]),
            line("30/2024/NĐ-CP", "basis", None, false, &[]),
            line("72/2025/QH15", "basis", None, false, &[]),
            line("08/2017/QH14", "basis", None, false, &[]),
            line("79/2006/QH11", "basis", None, false, &[]),
            // An amending law's title with no date lists what it amends, semicolons and all.
            line(amending, "basis", None, false, &[]),
            line("58/2024/QH15", "cites", None, false, &[]),
            // Luật Hải quan of 2014 is over ten years old in 2026: the table may not know its successor.
            line("named:luat-hai-quan@?", "cites", None, false, &[]),
        ]
    );
}

#[test]
fn a_basis_list_goes_on_across_lines_past_the_titles_of_its_items() {
    let (_, found) = read("basis_lines.txt");
    assert_eq!(
        mentions(&found),
        [
            line("45/2025/NĐ-CP", "basis", None, false, &[]),
            // Named in the title of the item before: what that decree replaces, not the input's basis.
            line("24/2014/NĐ-CP", "cites", None, false, &[]),
            // The next line opens with a reference after a semicolon: the list's next item.
            line("07/2025/TT-BXD", "basis", None, false, &[]),
            line("45/2025/NĐ-CP", "cites", None, false, &[]),
            line("88/TTr-SXD", "cites", None, false, &[]),
            // The item before it is a submission the input cites: nothing to carry.
            line("512/SNV-TCBC", "cites", None, false, &[]),
            // Luật Xây dựng of 18 June 2014 is 50/2014/QH13 in the laws table.
            line("50/2014/QH13", "basis", None, false, &[]),
        ]
    );
}

#[test]
fn a_document_another_issuer_issues_changes_nothing_of_the_input() {
    let (_, found) = read("issued_by_others.txt");
    assert_eq!(
        mentions(&found),
        [
            // A news item reports decrees, circulars and decisions issued by others: no act of its own.
            line("15/2018/NĐ-CP", "cites", None, false, &[]),
            line("200/2014/TT-BTC", "cites", None, false, &[]),
            line("09/2019/QĐ-UBND", "cites", None, false, &[]),
            // What the circular just signed replaces is the circular's act, reported.
            line("09/2026/TT-BCT", "cites", None, false, &[]),
            line("47/2018/TT-BCT", "cites", None, false, &[]),
        ]
    );
    assert_eq!(
        reported(&found),
        [(
            "09/2026/TT-BCT".into(),
            "replaces".into(),
            "47/2018/TT-BCT".into(),
            false
        )]
    );
}

#[test]
fn the_formula_that_issues_the_input_is_the_inputs_act() {
    let (_, found) = read("own_formula.txt");
    assert_eq!(
        mentions(&found),
        [
            line("15/2018/NĐ-CP", "amends", Some(true), false, &[]),
            line("52/QĐ-TTg", "basis", None, false, &[]),
            // The plan and the directive it carries out stand in the decision's title.
            line("12-CT/TW", "cites", None, false, &[]),
            // "Chính phủ ban hành Nghị định sửa đổi …" in a decree: the decree itself.
            line("15/2018/NĐ-CP", "amends", Some(true), false, &[]),
            line("15/2018/NĐ-CP", "amends", Some(true), false, &[]),
            // In the title of a decree of 2018: the law of that name adopted by then.
            line("55/2010/QH12", "cites", None, false, &[]),
            line("63/2025/QH15", "basis", None, false, &[]),
        ]
    );
}

#[test]
fn a_verb_joined_by_va_to_the_verb_before_is_the_inputs_own_act() {
    let (_, found) = read("coordinated_verbs.txt");
    assert_eq!(
        mentions(&found),
        [
            line("18/NQ-CP", "implements", None, false, &[]),
            // "… về nhiệm vụ … và triển khai Quyết định …": the plan's second act, not the resolution's title.
            line("95/QĐ-TTg", "implements", None, false, &[]),
            line("47/2025/NĐ-CP", "basis", None, false, &[]),
            // A verb of another kind after a reference's title is still that title's.
            line("73/2019/NĐ-CP", "cites", None, false, &[]),
            line("07/CT-TTg", "implements", None, false, &[]),
            // "… về việc đẩy mạnh thực hiện nhiệm vụ … năm 2026 và Kế hoạch số 12 …": the title's verb has its
            // own object, so "và" joins the plan to what the input carries out.
            line("12/KH-HĐTĐKT", "implements", None, false, &[]),
            line("30/QĐ-UBND", "basis", None, false, &[]),
            // "… về việc triển khai Chương trình hành động … và Nghị quyết số 05 …": a document is the title
            // verb's object, and the resolution is its second.
            line("05/NQ-CP", "cites", None, false, &[]),
            line("88/TB-VPCP", "cites", None, false, &[]),
            // ", Ủy ban nhân dân tỉnh bãi bỏ …": a body before the verb opens the main clause, so the verb
            // is the input's act, not a word of the notice's title.
            line("40/2025/QĐ-UBND", "repeals", Some(false), false, &[]),
            // "Nội dung bãi bỏ tại Điều 2 …": the verb names the repealed content, it repeals nothing here.
            line("41/2025/QĐ-UBND", "cites", None, false, &[]),
        ]
    );
}

#[test]
fn asides_lists_and_partial_repeals_are_reported_between_the_right_documents() {
    let (_, found) = read("reported_asides.txt");
    let cites = |s: &str| line(s, "cites", None, false, &[]);
    assert_eq!(
        mentions(&found),
        [
            cites("58/2020/NĐ-CP"),
            cites("71/2023/NĐ-CP"),
            // Both documents of the list lapse by another decree: no act of the input on either.
            cites("12/2015/NĐ-CP"),
            cites("33/2017/NĐ-CP"),
            cites("58/2020/NĐ-CP"),
            cites("27/2019/QĐ-UBND"),
            cites("08/2024/QĐ-UBND"),
            cites("04/2021/TT-BXD"),
            cites("11/2024/TT-BXD"),
            cites("named:luat-nha-o@?"),
        ]
    );
    let side = |r: Ref| match r {
        Ref::Citation(i) => found.citations[i].symbol.as_str(),
        _ => "other",
    };
    let got: Vec<(&str, String, &str, Option<bool>)> = found
        .reported
        .iter()
        .map(|r| {
            (
                side(r.actor),
                r.relation.to_string(),
                side(r.target),
                r.partial,
            )
        })
        .collect();
    let row = |a, rel: &str, t, p| (a, rel.to_string(), t, p);
    assert_eq!(
        got,
        [
            // An aside after the mention states its amendment.
            row("71/2023/NĐ-CP", "amends", "58/2020/NĐ-CP", None),
            row("58/2020/NĐ-CP", "repeals", "12/2015/NĐ-CP", None),
            row("58/2020/NĐ-CP", "repeals", "33/2017/NĐ-CP", None),
            row("08/2024/QĐ-UBND", "repeals", "27/2019/QĐ-UBND", Some(true)),
            // No circular amends a law: the aside speaks of the circular whose title ends with its name.
            row("11/2024/TT-BXD", "amends", "04/2021/TT-BXD", None),
            // That title says what the circular does to the law.
            row("04/2021/TT-BXD", "guides", "other", None),
        ]
    );
}

#[test]
fn a_group_of_one_issuers_documents_is_an_item_of_the_list_before_it() {
    let (_, found) = read("grouped_list.txt");
    let implements = |s: &str| line(s, "implements", None, false, &[]);
    assert_eq!(
        mentions(&found),
        [
            implements("25/NQ-CP"),
            // "; các Nghị quyết của Hội đồng nhân dân tỉnh: số …; số …": the plan carries out each of them,
            // and the letter the list ends with.
            implements("210/NQ-HĐND"),
            implements("211/NQ-HĐND"),
            implements("215/NQ-HĐND"),
            implements("640/BTC-NSNN"),
            // A group in a sentence with no such verb takes none.
            line("12/QĐ-UBND", "cites", None, false, &[]),
        ]
    );
}

#[test]
fn a_letter_changes_no_decree_or_circular_but_may_replace_a_letter() {
    let (_, found) = read("letter_changes.txt");
    assert_eq!(
        mentions(&found),
        [
            line("15/2026/NĐ-CP", "cites", None, false, &[]),
            // The letter sums up what the decree does: its words would repeal and replace, but a letter
            // changes no normative act, so both are kept as doubtful.
            line("20/2022/NĐ-CP", "cites", None, true, &[]),
            line("78/2021/TT-BTC", "cites", None, true, &[]),
            line("300/TCT-CS", "replaces", Some(false), false, &[]),
        ]
    );
}

#[test]
fn a_letter_answers_on_the_provisions_it_names_as_its_basis() {
    let (_, found) = read("letter_basis.txt");
    assert_eq!(
        mentions(&found),
        [
            // The letter it answers is only cited.
            line("77/CTBDU-TTHT", "cites", None, false, &[]),
            // "Căn cứ quy định tại …", "Căn cứ các quy định tại …", "Căn cứ hướng dẫn tại …": the provisions
            // at a place of a document are still the basis, not a mere "quy định tại".
            line("48/2024/QH15", "basis", None, false, &[]),
            line("181/2025/NĐ-CP", "basis", None, false, &[]),
            line("2100/TCT-CS", "basis", None, false, &[]),
            // "Căn cứ các quy định trên" looks back; the circular after it is the case's own rule.
            line("80/2021/TT-BTC", "cites", None, false, &[]),
            // The law its title names is the one the input numbers above.
            line("48/2024/QH15", "cites", None, false, &[]),
        ]
    );
    // The basis acts on nothing; the decree's title says what it does to the law.
    assert_eq!(
        reported(&found),
        [(
            "181/2025/NĐ-CP".to_string(),
            "guides".to_string(),
            "48/2024/QH15".to_string(),
            false
        )]
    );
}

#[test]
fn a_title_wrapped_onto_the_next_line_is_still_the_title() {
    let (_, found) = read("wrapped_titles.txt");
    assert_eq!(
        mentions(&found),
        [
            line("45/2020/NĐ-CP", "basis", None, false, &[]),
            line("01/2023/TT-VPCP", "basis", None, false, &[]),
            // A page layout broke the basis items after their issuer: "hướng dẫn …", "Sửa đổi …" on the next
            // line are the cited documents' titles, not the decision's acts.
            line("45/2020/NĐ-CP", "cites", None, false, &[]),
            line("107/2021/NĐ-CP", "basis", None, false, &[]),
            line("61/2018/NĐ-CP", "cites", None, false, &[]),
            // In the body, a line that opens with a verb in capitals is the decision's own act.
            line("06/2022/QĐ-UBND", "amends", Some(true), false, &[]),
            line("07/2022/QĐ-UBND", "amends", Some(true), false, &[]),
        ]
    );
    // The titles' verbs are the cited documents' own words, reported between them; the decision's acts
    // are its own.
    let between = |a: &str, r: &str, t: &str| (a.to_string(), r.to_string(), t.to_string(), false);
    assert_eq!(
        reported(&found),
        [
            between("01/2023/TT-VPCP", "guides", "45/2020/NĐ-CP"),
            between("107/2021/NĐ-CP", "amends", "61/2018/NĐ-CP"),
        ]
    );
}

#[test]
fn a_codification_note_points_to_related_acts_and_acts_on_none() {
    let (_, found) = read("codification_note.txt");
    assert_eq!(
        mentions(&found),
        [
            line("64/2021/NĐ-CP", "cites", None, false, &[]),
            line("03/2022/TT-BNG", "cites", None, false, &[]),
        ]
    );
}

#[test]
fn a_law_named_in_another_documents_title_is_cited_not_guided() {
    let (_, found) = read("title_names.txt");
    assert_eq!(
        mentions(&found),
        [
            line("40/2025/NĐ-CP", "basis", None, false, &[]),
            line("12/2024/NĐ-CP", "basis", None, false, &[]),
            // "quy định chi tiết" is the decree's title: the circular does not guide the law.
            line("named:luat-hoa-chat@2007-11-21", "cites", None, false, &[]),
            // A name joined to a number by "và" shares its verb.
            line("08/2017/QH14", "basis", None, false, &[]),
        ]
    );
}

#[test]
fn a_verb_in_one_table_cell_does_not_reach_the_next() {
    let (_, found) = read("table_cells.txt");
    assert_eq!(
        mentions(&found),
        [
            // "Cơ quan thực hiện" two cells back names who does the procedure: the legal bases only cite.
            line("99/2022/NĐ-CP", "cites", None, false, &[]),
            line("07/2019/TT-BTP", "cites", None, false, &[]),
            // Within its own cell the verb still governs.
            line("15/2023/QĐ-UBND", "implements", None, false, &[]),
        ]
    );
}

/// A cited document's own words say what it does to another: "X thay thế Y" in a news item, a title in a
/// basis line. Reported between them, never the input's act; dates and ranks still rule out what cannot be.
#[test]
fn a_cited_documents_title_or_news_statement_is_reported_between_the_two() {
    let (_, found) = read("title_statements.txt");
    // Every mention stays `cites`: a news item acts on nothing.
    assert!(
        found
            .citations
            .iter()
            .all(|c| c.relation == Relation::Cites)
            && found.named.iter().all(|n| n.relation == Relation::Cites),
        "{:?}",
        mentions(&found)
    );
    let between = |a: &str, r: &str, t: &str| (a.to_string(), r.to_string(), t.to_string(), false);
    assert_eq!(
        reported(&found),
        [
            between("31/2026/TT-BCT", "replaces", "18/2019/TT-BCT"),
            // One verb reaches the list after it.
            between("205/2026/NĐ-CP", "replaces", "44/2018/NĐ-CP"),
            between("205/2026/NĐ-CP", "replaces", "71/2021/NĐ-CP"),
            between("88/2026/NĐ-CP", "amends", "52/2022/NĐ-CP"),
            // The law the decree of 2014 details is the law of that name then, not the one of 2024; the
            // semicolon ends the list.
            between("43/2014/NĐ-CP", "guides", "45/2013/QH13"),
            // Adopted in June 2024 and in force from 2025: the decree of December 2024 details it.
            between("181/2024/NĐ-CP", "guides", "42/2024/QH15"),
            // A circular of 2010 cannot guide a decree of 2012, nor a decree amend a law. A decree of 26
            // January guides no resolution of 27 January, though both are of 2026.
            between("48/2026/NĐ-CP", "guides", "named:luat-hoa-chat@?"),
        ]
    );
    let partial: Vec<Option<bool>> = found.reported.iter().map(|r| r.partial).collect();
    assert_eq!(partial, [None, None, None, Some(true), None, None, None]);
}
