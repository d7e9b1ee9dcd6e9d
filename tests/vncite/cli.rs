//! The `vncite` binary: formats, several inputs, bad inputs and exit codes.

use std::process::{Command, Output};

fn vncite(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vncite"));
    cmd.args(args)
        .env("RUST_BACKTRACE", "0")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    let mut child = cmd
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn vncite: {e}"));
    {
        use std::io::Write;
        let mut input = child.stdin.take().unwrap_or_else(|| panic!("stdin"));
        if let Some(bytes) = stdin {
            input
                .write_all(bytes)
                .unwrap_or_else(|e| panic!("write stdin: {e}"));
        }
    }
    child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("wait vncite: {e}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn table_output_of_the_example() {
    let out = vncite(&["extract", "examples/quyet_dinh_ubnd.txt"], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    insta::assert_snapshot!("table_quyet_dinh_ubnd", text(&out.stdout));
}

#[test]
fn json_lines_one_object_per_input_in_order() {
    let out = vncite(
        &[
            "extract",
            "--format",
            "json",
            "examples/quyet_dinh_ubnd.txt",
            "-",
        ],
        Some("Căn cứ Nghị định số 30/2020/NĐ-CP;".as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {e}: {l}")))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["source"], "examples/quyet_dinh_ubnd.txt");
    assert_eq!(lines[0]["document"]["symbol"], "2345/QĐ-UBND");
    assert_eq!(lines[1]["source"], "-");
    assert_eq!(lines[1]["citations"][0]["symbol"], "30/2020/NĐ-CP");
    assert_eq!(lines[1]["citations"][0]["relation"], "basis");
    // Vietnamese letters are written as UTF-8, not escaped.
    assert!(stdout.contains("Nghị định số 30/2020/NĐ-CP"));
}

#[test]
fn bad_inputs_are_reported_and_the_rest_still_run() {
    let dir = std::env::temp_dir().join(format!("vncite-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let bad_utf8 = dir.join("bad.txt");
    std::fs::write(&bad_utf8, b"Ngh\xe1\xbb\x8b \xff\xfe 30/2020/ND-CP")
        .unwrap_or_else(|e| panic!("{e}"));
    let binary = dir.join("blob.bin");
    std::fs::write(&binary, b"\x7fELF\x00\x01\x02").unwrap_or_else(|e| panic!("{e}"));
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap_or_else(|e| panic!("{e}"));
    let missing = dir.join("missing.txt");
    let paths: Vec<String> = [&bad_utf8, &binary, &missing, &empty]
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let mut args = vec!["extract", "--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    args.push("examples/quyet_dinh_ubnd.txt");
    let out = vncite(&args, None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "{}: not UTF-8 (first bad byte at offset 7) and not any Vietnamese encoding",
            paths[0]
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{}: binary data (NUL byte at byte offset 4)",
            paths[1]
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{}: cannot read", paths[2])),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let stdout = text(&out.stdout);
    let sources: Vec<String> = stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l)
                .map(|v| v["source"].to_string())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        sources,
        [
            format!("\"{}\"", paths[3]),
            "\"examples/quyet_dinh_ubnd.txt\"".to_string()
        ]
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn directories_are_read_recursively_in_sorted_order() {
    let dir = std::env::temp_dir().join(format!("vncite-dir-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("b/c")).unwrap_or_else(|e| panic!("{e}"));
    for (name, body) in [
        ("b/c/z.txt", "Nghị định 1/2020/NĐ-CP"),
        ("a.md", "Nghị định 2/2020/NĐ-CP"),
        ("b/skip.doc", "x"),
        ("b/y.txt", "Nghị định 3/2020/NĐ-CP"),
    ] {
        std::fs::write(dir.join(name), body).unwrap_or_else(|e| panic!("{e}"));
    }
    let d = dir.display().to_string();
    let out = vncite(&["extract", "--format", "json", &d], None);
    assert_eq!(out.status.code(), Some(0));
    let symbols: Vec<String> = text(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            v["citations"][0]["symbol"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    // Sorted by path: a.md, b/c/z.txt, b/y.txt; b/skip.doc is not a text ending.
    assert_eq!(symbols, ["2/2020/NĐ-CP", "1/2020/NĐ-CP", "3/2020/NĐ-CP"]);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn usage_errors_exit_2_and_help_is_complete() {
    let out = vncite(&["extract", "--format", "xml"], None);
    assert_eq!(out.status.code(), Some(2));
    let help = text(&vncite(&["extract", "--help"], None).stdout);
    for needle in ["--format", "--ext", "Exit status", "Examples"] {
        assert!(help.contains(needle), "help lacks {needle}: {help}");
    }
}

/// A filter value the vocabulary does not know is bad usage with a suggestion, not an empty answer.
#[test]
fn unknown_relation_or_doc_type_is_refused_with_a_suggestion() {
    let out = vncite(
        &[
            "query",
            "top",
            "--graph",
            "none.store",
            "--relation",
            "basiss",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("invalid value 'basiss' for '--relation <RELATION>': unknown Relation \"basiss\" (did you mean \"basis\"?)"),
        "{err}"
    );
    let out = vncite(
        &[
            "export",
            "--graph",
            "none.store",
            "--format",
            "json",
            "--relation",
            "amend",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("(did you mean \"amends\"?)"));
    let out = vncite(
        &["query", "top", "--graph", "none.store", "--type", "Decree"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown DocType \"Decree\" (did you mean \"decree\"?)"));
}

#[test]
fn annotate_marks_every_reference_in_each_format() {
    let out = vncite(
        &[
            "annotate",
            "tests/data/annotate.txt",
            "--fragment",
            "--link",
            "https://example.org/van-ban/{symbol}?y={year}",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    insta::assert_snapshot!("annotate_html", text(&out.stdout));

    let out = vncite(
        &[
            "annotate",
            "--format",
            "markdown",
            "--link",
            "https://x.test/{id} (vb)",
            "-",
        ],
        Some("Theo [Luật] số 31/2024/QH15 và Nghị định 30/2020/NĐ-CP.".as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    insta::assert_snapshot!("annotate_markdown", text(&out.stdout));

    // With a store, each mark says its document's status there.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("g.store");
    let store = store.to_string_lossy().to_string();
    let out = vncite(
        &[
            "graph",
            "build",
            "tests/data/annotate.txt",
            "-o",
            &store,
            "--quiet",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = vncite(
        &[
            "annotate",
            "tests/data/annotate.txt",
            "--format",
            "json",
            "--graph",
            &store,
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    insta::assert_json_snapshot!("annotate_json_with_status", v);

    // A page by default; a store that cannot be read fails the command.
    let out = vncite(&["annotate", "tests/data/annotate.txt"], None);
    assert!(text(&out.stdout).starts_with("<!DOCTYPE html>"));
    let out = vncite(
        &[
            "annotate",
            "tests/data/annotate.txt",
            "--graph",
            "no/such.store",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("cannot read the store"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn extraction_output_is_the_same_on_any_number_of_threads() {
    let one = vncite(
        &[
            "extract",
            "--format",
            "json",
            "--threads",
            "1",
            "tests/data",
        ],
        None,
    );
    let many = vncite(
        &[
            "extract",
            "--format",
            "json",
            "--threads",
            "3",
            "tests/data",
        ],
        None,
    );
    assert!(one.status.success() && many.status.success());
    assert!(one.stdout == many.stdout);
    // In sorted path order, one line per input.
    let sources: Vec<String> = text(&one.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap_or_default()["source"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    // Path order: by components, so tests/data/forms/… comes before tests/data/forms.txt.
    let mut sorted = sources.clone();
    sorted.sort_by(|a, b| std::path::Path::new(a).cmp(std::path::Path::new(b)));
    assert_eq!(sources, sorted);
    assert!(sources.len() > 20, "{}", sources.len());
}

#[test]
fn a_very_long_input_is_written_part_by_part_as_the_library_reads_it() {
    // Over twice vncite::extract::PART_BYTES: read in parts, each part's citations written as they come.
    let line =
        "Căn cứ Nghị định số 30/2020/NĐ-CP; bãi bỏ Thông tư số 01/2011/TT-BNV, 02/2011/TT-BNV.\n";
    let long = line.repeat(2 * vncite::extract::PART_BYTES / line.len() + 1000);
    let dir = std::env::temp_dir().join(format!("vncite-long-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join("long.txt");
    std::fs::write(&path, &long).unwrap_or_else(|e| panic!("{e}"));
    let path_str = path.to_string_lossy().into_owned();
    let mut parts = 0;
    vncite::extract::extract_parts(&long, |_| parts += 1);
    assert_eq!(parts, 2);
    let mut expected = Vec::new();
    vncite::print::write_json_line(
        &mut expected,
        &mut Vec::new(),
        &path_str,
        &vncite::extract(&long),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for threads in ["1", "2"] {
        let out = vncite(
            &[
                "extract",
                "--format",
                "json",
                "--threads",
                threads,
                &path_str,
            ],
            None,
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(out.stdout == expected, "{threads} threads");
    }
    let found = vncite::extract(&long);
    assert_eq!(
        found.citations.len(),
        3 * (2 * vncite::extract::PART_BYTES / line.len() + 1000)
    );
    assert!(found
        .citations
        .iter()
        .all(|c| long[c.start..c.end] == c.text));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_very_long_utf16_input_maps_each_part_to_its_own_bytes() {
    let line = "Căn cứ Nghị định số 30/2020/NĐ-CP; bãi bỏ Thông tư số 01/2011/TT-BNV 𝟙.\n";
    let long = line.repeat(2 * vncite::extract::PART_BYTES / line.len() + 1000);
    let mut bytes = vec![0xFF, 0xFE];
    for unit in long.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let dir = std::env::temp_dir().join(format!("vncite-utf16-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join("long16.txt");
    std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
    let path_str = path.to_string_lossy().into_owned();
    // The whole input mapped by one walk from its start.
    let input = vncite::input::read(&vncite::input::Source::File(path.clone()))
        .unwrap_or_else(|e| panic!("{e}"));
    let found = input.extract();
    let mut expected = Vec::new();
    vncite::print::write_json_line(&mut expected, &mut Vec::new(), &path_str, &found)
        .unwrap_or_else(|e| panic!("{e}"));
    let out = vncite(&["extract", "--format", "json", &path_str], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stdout == expected);
    // Spans are UTF-16 byte offsets: the last citation's symbol starts where its units do.
    let last = found
        .citations
        .last()
        .unwrap_or_else(|| panic!("no citation"));
    let units: Vec<u16> = bytes[last.start..last.end]
        .chunks_exact(2)
        .map(|p| u16::from_le_bytes([p[0], p[1]]))
        .collect();
    assert_eq!(String::from_utf16_lossy(&units), last.text);
    let _ = std::fs::remove_dir_all(&dir);
}
