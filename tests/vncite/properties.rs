//! No input panics, and every span slices the original input exactly.

use proptest::prelude::*;

/// `n` cases per property, times `VNCITE_FUZZ_SCALE` when it is set: the README's test command runs the
/// default in seconds, and `scripts/fuzz.sh` runs the same properties for minutes. A case that fails is kept
/// in `tests/proptest-regressions/` and replayed first by every later run.
fn cases(n: u32) -> ProptestConfig {
    let scale = std::env::var("VNCITE_FUZZ_SCALE")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(1)
        .max(1);
    ProptestConfig::with_cases(n.saturating_mul(scale))
}

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
    // Words the whole-input lineage rules read: statements, notes, lead-ins, scope, names.
    " hết hiệu lực kể từ ngày ",
    " có hiệu lực",
    " đã được sửa đổi, bổ sung bởi ",
    "[Điều này được sửa đổi bởi ",
    "]",
    "Các quy định sau đây hết hiệu lực:",
    "a) ",
    "Nghị định này quy định chi tiết ",
    "Sửa đổi, bổ sung, bãi bỏ ",
    "Đất đai",
    "ởởở",
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

/// The hand-written JSON Lines record is byte for byte what serde_json writes for the contract's fields.
fn check_json(source: &str, text: &str) {
    #[derive(serde::Serialize)]
    struct Record<'a> {
        source: &'a str,
        document: &'a Option<vncite::Document>,
        citations: &'a [vncite::Citation],
        named: &'a [vncite::Named],
        reported: &'a [vncite::model::Reported],
    }
    let mut found = vncite::extract(text);
    // Every field of every kind of record, with every character that needs escaping.
    // (The model's structs are non-exhaustive: a record is built the way a reader of the JSON would.)
    if found.document.is_none() {
        let doc_type = vncite::DocType::ALL[text.len() % vncite::DocType::ALL.len()];
        found.document = serde_json::from_value(serde_json::json!({
            "symbol": source, "number": "\u{0}\u{1f}\"\\", "year": -1, "date": null,
            "doc_type": doc_type, "issuers": ["", "\u{7f}\u{8}\u{c}"], "issuer_name": text,
            "id": "\t\r\n", "title": null
        }))
        .unwrap();
    }
    let expected = serde_json::to_vec(&Record {
        source,
        document: &found.document,
        citations: &found.citations,
        named: &found.named,
        reported: &found.reported,
    })
    .unwrap();
    let mut got = Vec::new();
    vncite::print::write_json_line(&mut got, &mut Vec::new(), source, &found).unwrap();
    assert_eq!(got.pop(), Some(b'\n'));
    assert_eq!(
        String::from_utf8_lossy(&got),
        String::from_utf8_lossy(&expected)
    );
}

proptest! {
    #![proptest_config(cases(600))]

    #[test]
    fn json_lines_match_serde_json(source in any::<String>(), text in any::<String>()) {
        check_json(&source, &text);
    }

    #[test]
    fn json_lines_of_citation_like_text_match_serde_json(parts in prop::collection::vec(prop::sample::select(PIECES), 0..60)) {
        check_json("a\"b\\c\u{1}", &parts.concat());
    }

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

/// Cases the longer fuzzing found (`scripts/fuzz.sh`), kept whole: the seeds in tests/proptest-regressions
/// replay them too, but only while the strategies stay as they are.
#[test]
fn cases_found_by_fuzzing_stay_fixed() {
    // A name read over the symbol after it ended past the start of the next amending mention.
    check("Sửa đổi, bổ sung, bãi bỏ  của Luật Luật 2020/NĐ30");
}

/// Pieces that make headers (so inputs get identities and titles) and the characters exports must escape.
const HEADER_PIECES: &[&str] = &[
    "Số: 12/2021/NĐ-CP\n",
    "NGHỊ ĐỊNH\n",
    "Về ",
    "\u{1}",
    "\u{1f}",
    "\u{fffe}",
    "\u{ffff}",
    "%%{init: {\"theme\": \"dark\"}}%%",
    "<b>&amp;\"'",
    "\\",
    "|",
    "`",
    "#",
];

/// Several generated inputs built into a graph: its invariants hold, the store reads back to the same bytes
/// and a sound graph, and every export is well formed and keeps distinct ids distinct.
fn check_graph(texts: &[String]) {
    let found: Vec<(String, vncite::Extraction)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("in{i}.txt"), vncite::extract(t)))
        .collect();
    let store_of = |g: &vncite::CitationGraph| {
        let mut out = Vec::new();
        g.write_store(&mut out).unwrap();
        out
    };
    let add = |g: &mut vncite::CitationGraph, inputs: &[(String, vncite::Extraction)]| {
        g.add_inputs(inputs.iter().map(|(p, x)| (p.as_str(), x)))
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let mut g = vncite::CitationGraph::new();
    add(&mut g, &found);
    g.verify().unwrap_or_else(|v| panic!("built: {v:?}"));
    let bytes = store_of(&g);
    // Another way to the same graph: sound, and the very same store.
    let same = |other: &vncite::CitationGraph, way: &str| {
        other.verify().unwrap_or_else(|v| panic!("{way}: {v:?}"));
        assert!(bytes == store_of(other), "{way} gives another store");
    };
    same(
        &vncite::CitationGraph::from_store_bytes(bytes.clone(), "p.store")
            .unwrap_or_else(|e| panic!("{e}")),
        "reading the store back",
    );
    // The order of the inputs changes nothing.
    let mut reversed = vncite::CitationGraph::new();
    reversed
        .add_inputs(found.iter().rev().map(|(p, x)| (p.as_str(), x)))
        .unwrap_or_else(|e| panic!("{e}"));
    same(&reversed, "adding the inputs in reverse order");
    // Settling after each input, as adding to a built graph does, settles only what each one touched:
    // the store is the same as one settle over all of them.
    let mut one_by_one = vncite::CitationGraph::new();
    for input in found.chunks(1) {
        add(&mut one_by_one, input);
    }
    same(&one_by_one, "adding inputs one at a time");
    // The same through a store: the first input built and saved, the store read back, the rest added to
    // it, as `graph build --into` does, with the loaded evidence parsed only where it is needed.
    if !found.is_empty() {
        let (first_input, rest) = found.split_at(1);
        let mut first = vncite::CitationGraph::new();
        add(&mut first, first_input);
        let mut extended = vncite::CitationGraph::from_store_bytes(store_of(&first), "first.store")
            .unwrap_or_else(|e| panic!("{e}"));
        add(&mut extended, rest);
        same(&extended, "adding inputs to a loaded store");
    }
    let part = vncite::export::select(&g, &vncite::export::Selection::default());
    let mut json = Vec::new();
    vncite::export::write_json(&part, &mut json).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(
        value["nodes"].as_array().map(Vec::len),
        Some(part.nodes.len())
    );
    let mut xml = Vec::new();
    vncite::export::write_graphml(&part, &mut xml).unwrap();
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let (mut buf, mut nodes) = (Vec::new(), 0);
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(e)) if e.name().as_ref() == b"node" => nodes += 1,
            Ok(quick_xml::events::Event::Text(t)) => {
                let text = t.unescape().unwrap_or_else(|e| panic!("GraphML text: {e}"));
                assert!(
                    !text.chars().any(|c| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')),
                    "GraphML holds a character XML 1.0 forbids: {text:?}"
                );
            }
            Ok(_) => {}
            Err(e) => panic!("GraphML does not parse: {e}"),
        }
        buf.clear();
    }
    assert_eq!(nodes, part.nodes.len());
    let ids: std::collections::BTreeSet<String> = part
        .nodes
        .iter()
        .map(|n| vncite::export::dot_id(n.id.as_str()))
        .collect();
    assert_eq!(
        ids.len(),
        part.nodes.len(),
        "two node ids print as one DOT id"
    );
    // Graphviz copies labels and tooltips into SVG as they are, so DOT must already hold only what XML
    // allows.
    let dot = vncite::export::dot_text(&part, true);
    assert!(
        !dot.chars()
            .any(|c| c != '\n' && c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}')),
        "DOT carries a character SVG cannot: {dot:?}"
    );
    let mermaid = vncite::export::mermaid_text(&part);
    assert!(
        !mermaid.contains("%%"),
        "a label reads as a Mermaid directive"
    );
}

proptest! {
    #![proptest_config(cases(300))]

    #[test]
    fn graphs_stores_and_exports_of_generated_inputs_are_sound(
        texts in prop::collection::vec(
            prop::collection::vec(prop::sample::select([PIECES, HEADER_PIECES].concat()), 0..60)
                .prop_map(|p| p.concat()),
            1..4,
        )
    ) {
        check_graph(&texts);
    }
}

/// Every annotation gives the input back: HTML once its tags are dropped and its escapes undone, Markdown
/// once its links and footnotes are; JSON marks slice the input exactly.
fn check_annotation(text: &str) {
    use vncite::annotate::{annotate, marks, Format, Options};
    let found = vncite::extract(text);
    let html = annotate(
        text,
        &found,
        &Options::new(Format::Html).link("https://x.test/{symbol}"),
    );
    let inner = html
        .strip_prefix("<div class=\"vncite\">")
        .and_then(|h| h.strip_suffix("</div>"))
        .unwrap_or_else(|| panic!("not a fragment: {html:?}"));
    let mut plain = String::new();
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    let unescaped =
        quick_xml::escape::unescape(&plain).unwrap_or_else(|e| panic!("{e}: {plain:?}"));
    assert_eq!(unescaped, text);
    let ms = marks(&found, &Options::new(Format::Json));
    for pair in ms.windows(2) {
        assert!(pair[0].end <= pair[1].start);
    }
    for m in &ms {
        assert_eq!(&text[m.start..m.end], m.text);
    }
    // Markdown without links: the text, each mark followed by its footnote reference.
    let md = annotate(text, &found, &Options::new(Format::Markdown));
    let mut rebuilt = String::new();
    let mut at = 0;
    for (i, m) in ms.iter().enumerate() {
        rebuilt.push_str(&text[at..m.end]);
        rebuilt.push_str(&format!("[^{}]", i + 1));
        at = m.end;
    }
    rebuilt.push_str(&text[at..]);
    assert!(md.starts_with(&rebuilt), "{md:?}");
}

proptest! {
    #![proptest_config(cases(400))]

    #[test]
    fn annotations_give_the_input_back(text in any::<String>()) {
        check_annotation(&text);
    }

    #[test]
    fn annotations_of_citation_like_text_give_the_input_back(parts in prop::collection::vec(prop::sample::select([PIECES, &["<b>", "&amp;", "]", "["][..]].concat()), 0..60)) {
        check_annotation(&parts.concat());
    }
}

/// The bytes another program writes for `text` in `charset`: bamboo-core spells each byte as the
/// windows-1252 character for it.
fn legacy_bytes(text: &str, charset: bamboo_core::Charset) -> Vec<u8> {
    bamboo_core::encode_charset(charset, text)
        .chars()
        .flat_map(|c| match u8::try_from(u32::from(c)) {
            Ok(b) => vec![b],
            Err(_) => {
                let mut buf = [0u8; 4];
                let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
                bytes.into_owned()
            }
        })
        .collect()
}

/// Reads `bytes` in `encoding` and checks every span: it lies in the bytes and reads back as the
/// mention's text.
fn check_transcoded(bytes: &[u8], encoding: vncite::input::Encoding) {
    let options = vncite::input::ReadOptions::new().encoding(Some(encoding));
    // Text another program encoded always reads back in its encoding.
    let text = vncite::input::Text::from_bytes(bytes.to_vec(), "-", options)
        .unwrap_or_else(|e| panic!("{e}"));
    let found = text.extract();
    let spans = found
        .citations
        .iter()
        .map(|c| (c.start, c.end, &c.text))
        .chain(found.named.iter().map(|n| (n.start, n.end, &n.text)));
    for (start, end, written) in spans {
        assert!(
            start <= end && end <= bytes.len(),
            "{start}..{end} of {}",
            bytes.len()
        );
        let again = vncite::input::Text::from_bytes(bytes[start..end].to_vec(), "-", options)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(&*again, written.as_str());
    }
}

/// Every reader on any bytes: no panic, and spans inside the input.
fn check_bytes(bytes: &[u8]) {
    if let Ok(text) = vncite::input::Text::from_bytes(bytes.to_vec(), "-", Default::default()) {
        let found = text.extract();
        let limit = text.page().map_or(bytes.len().max(text.len()), str::len);
        for c in &found.citations {
            assert!(c.start <= c.end && c.end <= limit);
        }
        if let Some(page) = text.page() {
            for c in &found.citations {
                assert!(page.is_char_boundary(c.start) && page.is_char_boundary(c.end));
                for (a, b) in text.page_pieces(0, text.len()) {
                    assert!(
                        a <= b
                            && b <= page.len()
                            && page.is_char_boundary(a)
                            && page.is_char_boundary(b)
                    );
                }
            }
        }
    }
}

const MARKUP: &[&str] = &[
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<br>",
    "<script>",
    "</script>",
    "<div class=\"menu\">",
    "</div>",
    "&amp;",
    "&nbsp;",
    "&#7889;",
    "&",
    "<!-- x -->",
    "<h3>",
    "</h3>",
    "Văn bản liên quan",
    "<td>",
    "<",
    ">",
    "\"",
];

proptest! {
    #![proptest_config(cases(300))]

    #[test]
    fn legacy_encodings_keep_every_span_on_its_bytes(
        parts in prop::collection::vec(prop::sample::select(PIECES), 0..50),
        which in 0usize..4,
    ) {
        use vncite::input::Encoding;
        let text: String = parts.concat();
        let (charset, encoding) = [
            (bamboo_core::Charset::Tcvn3, Encoding::Tcvn3),
            (bamboo_core::Charset::VniWindows, Encoding::Vni),
            (bamboo_core::Charset::Viqr, Encoding::Viqr),
            (bamboo_core::Charset::Windows1258, Encoding::Windows1258),
        ][which];
        check_transcoded(&legacy_bytes(&text, charset), encoding);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        check_transcoded(&utf16, Encoding::Utf16Le);
    }

    #[test]
    fn any_bytes_through_every_reader_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_bytes(&bytes);
        let mut page = b"<!DOCTYPE html>".to_vec();
        page.extend(&bytes);
        check_bytes(&page);
    }

    #[test]
    fn web_pages_of_citations_and_markup_keep_spans_in_the_page(
        parts in prop::collection::vec(prop::sample::select([PIECES, MARKUP].concat()), 0..80),
    ) {
        check_bytes(format!("<html>{}", parts.concat()).as_bytes());
    }
}

/// The lineage fixtures carry every further-relation field (`also` with `partial` and `pinpoint`), which
/// random text seldom reaches.
#[test]
fn json_lines_match_serde_json_on_every_lineage_fixture() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/lineage");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    names.sort();
    assert!(names.len() >= 16, "{names:?}");
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        check_json(&path.display().to_string(), &text);
    }
}
