//! Reading the files people have: legacy encodings, UTF-16, web pages, Word, OpenDocument, PDF. Every
//! version of `tests/data/forms/quyet_dinh.txt` (made by other tools, `scripts/make_form_fixtures.sh`)
//! gives the same references, and spans point into each input's own bytes.

use std::path::PathBuf;
use std::process::Command;
use vncite::input::{self, Encoding, Form, ReadOptions, Source};

fn form_path(ext: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/forms/quyet_dinh.{ext}"))
}

fn read(ext: &str) -> input::Text {
    input::read(&Source::File(form_path(ext))).unwrap_or_else(|e| panic!("{ext}: {e}"))
}

/// An input's identity (symbol, date, type, title), its numbered references (symbol, year, date, type,
/// relation, pinpoint) and its named laws (name, date, relation).
type Facts = (
    Option<(String, Option<String>, String, Option<String>)>,
    Vec<(
        String,
        Option<i32>,
        Option<String>,
        String,
        String,
        Option<String>,
    )>,
    Vec<(String, Option<String>, String)>,
);

/// What the UTF-8 text says, written out whole: its identity, every numbered reference and the law it
/// names.
fn expected() -> Facts {
    let s = |v: &str| v.to_string();
    (
        Some((
            s("27/2023/QĐ-UBND"),
            Some(s("2023-08-14")),
            s("decision"),
            Some(s(
                "Ban hành Quy định về quản lý chợ trên địa bàn tỉnh Hà Giang",
            )),
        )),
        vec![
            (
                s("02/2003/NĐ-CP"),
                Some(2003),
                Some(s("2003-01-14")),
                s("decree"),
                s("basis"),
                None,
            ),
            (
                s("15/2009/TT-BCT"),
                Some(2009),
                Some(s("2009-06-30")),
                s("circular"),
                s("basis"),
                None,
            ),
            (
                s("11/2016/QĐ-UBND"),
                Some(2016),
                Some(s("2016-05-05")),
                s("decision"),
                s("replaces"),
                None,
            ),
            (
                s("08/2019/QĐ-UBND"),
                Some(2019),
                Some(s("2019-03-20")),
                s("decision"),
                s("repeals"),
                Some(s("khoản 3 Điều 5")),
            ),
        ],
        vec![(
            s("Luật Tổ chức chính quyền địa phương"),
            Some(s("2015-06-19")),
            s("basis"),
        )],
    )
}

fn facts(found: &vncite::Extraction) -> Facts {
    (
        found.document.as_ref().map(|d| {
            (
                d.symbol.clone(),
                d.date.clone(),
                d.doc_type.to_string(),
                d.title.clone(),
            )
        }),
        found
            .citations
            .iter()
            .map(|c| {
                (
                    c.symbol.clone(),
                    c.year,
                    c.date.clone(),
                    c.doc_type.to_string(),
                    c.relation.to_string(),
                    c.pinpoint.clone(),
                )
            })
            .collect(),
        found
            .named
            .iter()
            .map(|n| (n.name.clone(), n.date.clone(), n.relation.to_string()))
            .collect(),
    )
}

const FORMS: [(&str, Form); 10] = [
    ("txt", Form::Text(Encoding::Utf8)),
    ("tcvn3.txt", Form::Text(Encoding::Tcvn3)),
    ("vni.txt", Form::Text(Encoding::Vni)),
    ("viqr.txt", Form::Text(Encoding::Viqr)),
    ("cp1258.txt", Form::Text(Encoding::Windows1258)),
    ("utf16.txt", Form::Text(Encoding::Utf16Le)),
    ("html", Form::Html),
    ("docx", Form::Docx),
    ("odt", Form::Odt),
    ("pdf", Form::Pdf),
];

#[test]
fn every_form_of_a_document_gives_the_same_references() {
    let want = expected();
    assert_eq!(
        facts(&vncite::extract(&crate::fixture("forms/quyet_dinh.txt"))),
        want
    );
    for (ext, form) in FORMS {
        let text = read(ext);
        assert_eq!(text.form(), form, "{ext}");
        assert_eq!(facts(&text.extract()), want, "{ext}");
    }
}

#[test]
fn spans_of_transcoded_text_point_into_the_original_bytes() {
    for ext in [
        "txt",
        "tcvn3.txt",
        "vni.txt",
        "viqr.txt",
        "cp1258.txt",
        "utf16.txt",
    ] {
        let text = read(ext);
        let Form::Text(encoding) = text.form() else {
            panic!("{ext} is text")
        };
        let bytes = std::fs::read(form_path(ext)).unwrap_or_default();
        let found = text.extract();
        for c in &found.citations {
            let piece = bytes[c.start..c.end].to_vec();
            let again =
                input::Text::from_bytes(piece, ext, ReadOptions::new().encoding(Some(encoding)))
                    .unwrap_or_else(|e| panic!("{ext}: {e}"));
            assert_eq!(&*again, c.text, "{ext} {}..{}", c.start, c.end);
        }
        for n in &found.named {
            let again = input::Text::from_bytes(
                bytes[n.start..n.end].to_vec(),
                ext,
                ReadOptions::new().encoding(Some(encoding)),
            )
            .unwrap_or_else(|e| panic!("{ext}: {e}"));
            assert_eq!(&*again, n.text, "{ext}");
        }
    }
}

/// The page's bytes without tags and with entities read: what a span of a web page shows.
fn shown(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn spans_of_a_web_page_point_into_the_page_and_furniture_is_left_out() {
    let text = read("html");
    let page = std::fs::read_to_string(form_path("html")).unwrap_or_default();
    assert_eq!(text.page(), Some(page.as_str()));
    let found = text.extract();
    let spans: Vec<(&str, String)> = found
        .citations
        .iter()
        .map(|c| (&page[c.start..c.end], shown(&page[c.start..c.end])))
        .collect();
    assert_eq!(spans[1].0, "Thông tư số 15/2009/<span class=\"symbol\">TT-BCT</span> ngày 30 tháng 6 năm 2009\n   của Bộ trưởng Bộ Công Thương");
    for ((raw, visible), c) in spans.iter().zip(&found.citations) {
        assert_eq!(
            visible,
            &c.text.split_whitespace().collect::<Vec<_>>().join(" "),
            "{raw}"
        );
        assert!(!raw.starts_with('<') && !raw.ends_with('>'), "{raw}");
    }
    // Menus, tabs, the script, the "Văn bản liên quan" box and the footer are not the document.
    for furniture in [
        "Trang chủ",
        "Lược đồ",
        "99/2099",
        "01/2011/TT-BNV",
        "Chính sách bảo mật",
    ] {
        assert!(!text.contains(furniture), "{furniture}");
    }
}

#[test]
fn annotating_a_web_page_marks_it_in_place_without_breaking_an_element() {
    let out = Command::new(env!("CARGO_BIN_EXE_vncite"))
        .args(["annotate", "--format", "html"])
        .arg(form_path("html"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let marked = String::from_utf8_lossy(&out.stdout).into_owned();
    let page = std::fs::read_to_string(form_path("html")).unwrap_or_default();
    // Every mark, opened and closed within one text run; removing them gives the page back.
    let mark = regex::Regex::new(r#"<(mark|a) class="vncite-ref"[^>]*>([^<]*)</(?:mark|a)>"#)
        .unwrap_or_else(|e| panic!("{e}"));
    let stretches: Vec<&str> = mark
        .captures_iter(&marked)
        .filter_map(|c| c.get(2).map(|m| m.as_str()))
        .collect();
    assert_eq!(mark.replace_all(&marked, "$2").trim_end(), page.trim_end());
    assert_eq!(
        stretches,
        [
            "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
            "Nghị định số ",
            "02/2003/NĐ-CP",
            " ngày 14 tháng 01 năm 2003 của Chính phủ",
            "Thông tư số 15/2009/",
            "TT-BCT",
            " ngày 30 tháng 6 năm 2009\n   của Bộ trưởng Bộ Công Thương",
            "Quyết định số 11/2016/QĐ-UBND ngày 05 tháng 5 năm 2016 của Ủy ban nhân dân tỉnh Hà&nbsp;Giang",
            "Quyết định số 08/2019/QĐ-UBND ngày 20 tháng 3 năm 2019 của Ủy ban nhân dân",
        ]
    );
    // The title and the link's attribute name 02/2003/NĐ-CP too, and stay as they were.
    assert!(marked.contains("title=\"Nghị định 02/2003/NĐ-CP\">"));
}

#[test]
fn unreadable_inputs_are_named_and_the_others_go_on() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(dir.path().join(name), bytes).unwrap_or_else(|e| panic!("{e}"))
    };
    // An encrypted Office file is a compound file holding an "EncryptedPackage" stream.
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    encrypted.extend(vec![0u8; 64]);
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    write("a_locked.docx", &encrypted);
    let mut legacy = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    legacy.extend(vec![0u8; 64]);
    write("b_old.docx", &legacy);
    write("c_broken.docx", b"PK\x03\x04 not really a zip");
    // A PDF of one blank page: no text layer.
    write("d_scan.pdf", blank_pdf().as_bytes());
    write("e_noise.txt", &[0x41, 0x80, 0x81, 0x82, 0x20, 0x9f, 0xfe]);
    std::fs::copy(form_path("docx"), dir.path().join("f_good.docx"))
        .unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new(env!("CARGO_BIN_EXE_vncite"))
        .args(["extract", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let stderr =
        String::from_utf8_lossy(&out.stderr).replace(&format!("{}/", dir.path().display()), "");
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [
            "vncite: a_locked.docx: this Office document is protected by a password; save an unprotected copy to read it",
            "vncite: b_old.docx: cannot read this Word 97-2003 (.doc) or other compound file: vncite reads .docx and .odt; save the document as one of them",
            "vncite: c_broken.docx: cannot read this .docx: not a zip archive: invalid Zip archive: Could not find EOCD",
            "vncite: d_scan.pdf: this PDF has no text layer (a scan: its pages are images); run OCR on it first",
            "vncite: e_noise.txt: not UTF-8 (first bad byte at offset 1) and not any Vietnamese encoding vncite can tell; name one with --encoding (tcvn3, vni, viqr, windows-1258, viscii, utf-16le, utf-16be)",
        ]
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("\"27/2023/QĐ-UBND\""));
}

/// A one-page PDF with nothing on the page, its cross-reference offsets counted.
fn blank_pdf() -> String {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ];
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for o in offsets {
        pdf.push_str(&format!("{o:010} 00000 n \n"));
    }
    pdf.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    pdf
}

#[test]
fn an_encoding_can_be_forced_and_standard_input_is_sniffed_too() {
    let tcvn3 = std::fs::read(form_path("tcvn3.txt")).unwrap_or_default();
    let forced = input::Text::from_bytes(
        tcvn3.clone(),
        "-",
        ReadOptions::new().encoding(Some(Encoding::Tcvn3)),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(facts(&forced.extract()), expected());
    // Read as VNI, the same bytes are other letters: the references' dates and words are lost.
    let wrong =
        input::Text::from_bytes(tcvn3, "-", ReadOptions::new().encoding(Some(Encoding::Vni)))
            .unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(facts(&wrong.extract()), expected());
    let docx = std::fs::read(form_path("docx")).unwrap_or_default();
    let out = Command::new(env!("CARGO_BIN_EXE_vncite"))
        .args(["text", "-v", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            if let Some(mut stdin) = child.stdin.take() {
                stdin.write_all(&docx)?;
            }
            child.wait_with_output()
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "vncite: -: read as Word (.docx)\n"
    );
    // The same text as the file gives, the header's table read row by row, a line per cell.
    let text = read("docx");
    assert!(text.ends_with('\n'));
    assert_eq!(String::from_utf8_lossy(&out.stdout), &*text);
    assert_eq!(
        text.lines().take(6).collect::<Vec<_>>(),
        [
            "ỦY BAN NHÂN DÂN",
            "TỈNH HÀ GIANG",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 27/2023/QĐ-UBND",
            "Hà Giang, ngày 14 tháng 8 năm 2023",
        ]
    );
}

#[test]
fn walks_follow_links_read_any_file_name_and_name_what_they_skip() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path().join("root");
    let linked = dir.path().join("elsewhere");
    std::fs::create_dir_all(root.join("sub")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir_all(&linked).unwrap_or_else(|e| panic!("{e}"));
    let doc = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020;\n";
    std::fs::write(root.join("a.txt"), doc).unwrap_or_else(|e| panic!("{e}"));
    // A name that is not UTF-8 (Latin-1 "é").
    let odd = root.join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::write(&odd, doc).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(linked.join("b.txt"), doc).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(&linked, root.join("sub/linked")).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(&root, root.join("sub/loop")).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(root.join("gone.txt"), root.join("broken.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    let fifo = root.join("pipe.txt");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(made.success());
    let out = Command::new(env!("CARGO_BIN_EXE_vncite"))
        .args(["extract", "--format", "json"])
        .arg(&root)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1), "the skipped paths fail the run");
    let base = format!("{}/", root.display());
    let sources: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap_or_default()["source"]
                .as_str()
                .unwrap_or_default()
                .replace(&base, "")
        })
        .collect();
    assert_eq!(sources, ["a.txt", "caf\u{fffd}.txt", "sub/linked/b.txt"]);
    let stderr = String::from_utf8_lossy(&out.stderr).replace(&base, "");
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [
            "vncite: broken.txt: skipped: a broken symbolic link",
            "vncite: pipe.txt: skipped: a FIFO, not a regular file (pipe it to standard input with -)",
            "vncite: sub/loop: skipped: a symbolic link to a directory walked already (a loop, or a second link)",
        ]
    );
    // Named directly, a FIFO is skipped at once rather than waited on.
    let out = Command::new(env!("CARGO_BIN_EXE_vncite"))
        .arg("extract")
        .arg(&fifo)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_web_page_after_a_byte_order_mark_keeps_its_spans_on_the_file() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(std::fs::read(form_path("html")).unwrap_or_default());
    let text = input::Text::from_bytes(bytes.clone(), "bom.html", ReadOptions::new())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text.form(), Form::Html);
    let page = text.page().unwrap_or_default().to_string();
    assert_eq!(page.as_bytes(), &bytes[3..]);
    let readable = vncite::extract(&text);
    let found = text.extract();
    assert_eq!(facts(&found), expected());
    for (c, r) in found.citations.iter().zip(&readable.citations) {
        let in_file = String::from_utf8_lossy(&bytes[c.start..c.end]).into_owned();
        assert_eq!(shown(&in_file), shown(&c.text), "{in_file}");
        // Pieces index the page itself, three bytes before the file's offsets.
        let pieces = text.page_pieces(r.start, r.end);
        assert_eq!(pieces.first().map(|p| p.0 + 3), Some(c.start));
        assert_eq!(pieces.last().map(|p| p.1 + 3), Some(c.end));
    }
}
