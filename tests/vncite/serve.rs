//! `vncite serve` for real: the binary on a free port of 127.0.0.1, asked over HTTP as a browser or a
//! script would, its API answers compared with the CLI's JSON, and the graph page drawn by headless
//! Chromium (required under `CI=true`, where `.ci/run` installs it).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vncite"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn store(dir: &std::path::Path) -> String {
    let store = dir.join("g.store").to_string_lossy().to_string();
    let out = bin()
        .args([
            "graph",
            "build",
            "tests/data/graph",
            "tests/data/annotate.txt",
            "-o",
            &store,
            "--quiet",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    store
}

fn start(store: &str) -> Server {
    let mut child = bin()
        .args(["serve", "--graph", store, "--port", "0"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn: {e}"));
    let stderr = child.stderr.take().unwrap_or_else(|| panic!("stderr"));
    let mut line = String::new();
    BufReader::new(stderr)
        .read_line(&mut line)
        .unwrap_or_else(|e| panic!("{e}"));
    let addr = line
        .trim()
        .strip_prefix("vncite: serving on http://")
        .and_then(|a| a.strip_suffix('/'))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    assert!(addr.starts_with("127.0.0.1:"), "{addr}");
    Server { child, addr }
}

/// One HTTP/1.1 request; the status code and the body.
fn http(addr: &str, method: &str, path: &str, body: &[u8], content_type: &str) -> (u16, Vec<u8>) {
    let (code, _, body) = exchange(addr, method, path, body, content_type);
    (code, body)
}

/// One HTTP/1.1 request; the status code, the response head and the body.
fn exchange(
    addr: &str,
    method: &str,
    path: &str,
    body: &[u8],
    content_type: &str,
) -> (u16, String, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap_or_else(|e| panic!("{e}"));
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    s.write_all(body).unwrap_or_else(|e| panic!("{e}"));
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap_or_else(|e| panic!("{e}"));
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no head: {}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let code: u16 = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let mut body = raw[split + 4..].to_vec();
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        body = unchunk(&body);
    }
    (code, head, body)
}

fn unchunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(nl) = b.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size = usize::from_str_radix(String::from_utf8_lossy(&b[..nl]).trim(), 16).unwrap_or(0);
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&b[nl + 2..nl + 2 + size]);
        b = &b[nl + 2 + size + 2..];
    }
}

fn get(addr: &str, path: &str) -> (u16, String) {
    let (code, body) = http(addr, "GET", path, b"", "text/plain");
    (code, String::from_utf8_lossy(&body).to_string())
}

fn cli_json(args: &[&str], stdin: &[u8]) -> serde_json::Value {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    child
        .stdin
        .take()
        .unwrap_or_else(|| panic!("stdin"))
        .write_all(stdin)
        .unwrap_or_else(|e| panic!("{e}"));
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {args:?}"))
}

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

#[test]
fn the_api_answers_what_the_cli_prints() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = store(dir.path());
    let server = start(&store);
    let a = &server.addr;

    let text =
        "Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;\nBãi bỏ Điều 5 Nghị định số 30/2020/NĐ-CP.";
    let (code, body) = http(a, "POST", "/api/extract", text.as_bytes(), "text/plain");
    assert_eq!(code, 200);
    assert_eq!(
        json(&String::from_utf8_lossy(&body)),
        cli_json(&["extract", "--format", "json", "-"], text.as_bytes())
    );

    for (kind, args) in [
        ("status", vec!["query", "status", "doc:30/2020/NĐ-CP"]),
        ("ancestors", vec!["query", "ancestors", "doc:15/2024/NĐ-CP"]),
        (
            "descendants",
            vec!["query", "descendants", "doc:30/2020/NĐ-CP"],
        ),
    ] {
        let (code, body) = get(
            a,
            &format!(
                "/api/query/{kind}?doc=doc%3A{}",
                &args[2][4..].replace('/', "%2F")
            ),
        );
        assert_eq!(code, 200, "{kind}: {body}");
        let mut cli = args.clone();
        cli.extend(["--graph", &store, "--format", "json"]);
        assert_eq!(json(&body), cli_json(&cli, b""), "{kind}");
    }
    // A reference as written resolves as on the command line; one the store lacks is a 404 that says so.
    let (code, body) = get(
        a,
        "/api/query/status?doc=Ngh%E1%BB%8B%20%C4%91%E1%BB%8Bnh%2030%2F2020%2FN%C4%90-CP",
    );
    assert_eq!(
        (code, json(&body)["id"].as_str()),
        (200, Some("doc:30/2020/NĐ-CP"))
    );
    let (code, body) = get(a, "/api/query/status?doc=99%2F2099%2FQ%C4%90-TTg");
    assert_eq!(code, 404, "{body}");
    assert!(json(&body)["error"]
        .as_str()
        .is_some_and(|e| e.contains("not in the graph")));
    let (code, _) = get(a, "/api/query/sideways?doc=doc%3A30%2F2020%2FN%C4%90-CP");
    assert_eq!(code, 404);

    let (code, body) = http(
        a,
        "POST",
        "/api/annotate?format=html",
        text.as_bytes(),
        "text/plain",
    );
    assert_eq!(code, 200);
    let html = String::from_utf8_lossy(&body);
    assert!(
        html.starts_with("<div class=\"vncite\">Căn cứ <mark class=\"vncite-ref\""),
        "{html}"
    );
    assert!(html.contains("data-status=\"partly repealed\""), "{html}");
    let (code, _) = http(
        a,
        "POST",
        "/api/annotate?format=pdf",
        text.as_bytes(),
        "text/plain",
    );
    assert_eq!(code, 400);
}

#[test]
fn the_pages_show_a_pasted_text_a_document_and_its_graph() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = store(dir.path());
    let server = start(&store);
    let a = &server.addr;

    let (code, page) = get(a, "/");
    assert_eq!(code, 200);
    assert!(page.contains("<form method=\"post\" action=\"/\"><textarea name=\"text\""));
    // The form posts the text url-encoded; the answer marks it and lists a card per reference.
    let form = b"text=C%C4%83n+c%E1%BB%A9+Ngh%E1%BB%8B+%C4%91%E1%BB%8Bnh+s%E1%BB%91+30%2F2020%2FN%C4%90-CP%3B";
    let (code, body) = http(a, "POST", "/", form, "application/x-www-form-urlencoded");
    assert_eq!(code, 200);
    let page = String::from_utf8_lossy(&body);
    assert!(page.contains("<h2>1 references</h2>"), "{page}");
    assert!(
        page.contains("href=\"/doc?id=30%2F2020%2FN%C4%90-CP\""),
        "{page}"
    );
    assert!(
        page.contains("<td>partly repealed</td><td>2</td>"),
        "{page}"
    );

    let (code, page) = get(a, "/doc?id=doc%3A30%2F2020%2FN%C4%90-CP");
    assert_eq!(code, 200);
    assert!(
        page.contains("<p class=\"verdict\" id=\"verdict\">partly repealed</p>"),
        "{page}"
    );
    assert!(page.contains("<h2>Built on by</h2>"));
    assert!(page.contains("<table id=\"mentions\">"));
    let (code, _) = get(a, "/doc?id=nothing-like-a-document");
    assert_eq!(code, 404);
    // Search takes a reference as written and sends the browser to the document's page.
    let (code, head, _) = exchange(
        a,
        "GET",
        "/search?q=Ngh%E1%BB%8B+%C4%91%E1%BB%8Bnh+15%2F2024%2FN%C4%90-CP",
        b"",
        "text/plain",
    );
    assert_eq!(code, 303);
    assert!(
        head.to_ascii_lowercase()
            .contains("location: /doc?id=doc%3a15%2f2024%2fn%c4%90%2dcp"),
        "{head}"
    );

    let (code, page) = get(a, "/graph?id=doc%3A30%2F2020%2FN%C4%90-CP");
    assert_eq!(code, 200);
    assert!(page.contains("<script src=\"/assets/cytoscape.min.js\"></script>"));
    let (code, js) = get(a, "/assets/cytoscape.min.js");
    let vendored = include_str!("../../assets/vendor/cytoscape-3.35.0.min.js");
    assert_eq!((code, js.len()), (200, vendored.len()));
    let (code, n) = get(
        a,
        "/api/neighbourhood?doc=doc%3A30%2F2020%2FN%C4%90-CP&depth=1",
    );
    assert_eq!(code, 200);
    let n = json(&n);
    let ids: Vec<&str> = n["nodes"]
        .as_array()
        .map(|v| v.iter().filter_map(|x| x["data"]["id"].as_str()).collect())
        .unwrap_or_default();
    assert!(
        ids.contains(&"doc:30/2020/NĐ-CP") && ids.contains(&"doc:15/2024/NĐ-CP"),
        "{ids:?}"
    );

    // The page draws depth 1 at first.
    drawn_by_chromium(a, ids.len());
}

/// Headless Chromium with this machine's flags and a fresh profile; `None` (with a note saying what was
/// not checked) when it is absent outside CI, where `.ci/run` installs it and it is required.
struct Chromium {
    program: &'static str,
    profile: tempfile::TempDir,
}

impl Chromium {
    fn find(unchecked: &str) -> Option<Chromium> {
        let program = ["chromium", "chromium-browser"].into_iter().find(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
        let in_ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
        let Some(program) = program else {
            assert!(
                !in_ci,
                "chromium is required under CI=true (.ci/run installs it)"
            );
            crate::report(&format!("SKIP: no chromium; {unchecked}"));
            return None;
        };
        let profile = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        Some(Chromium { program, profile })
    }

    /// Runs Chromium on `url` with one more flag (`--dump-dom`, `--screenshot=…`).
    fn run(&self, flag: &str, url: &str) -> std::process::Output {
        Command::new(self.program)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--virtual-time-budget=5000",
                "--window-size=1200,800",
            ])
            .arg(format!("--user-data-dir={}", self.profile.path().display()))
            .arg(flag)
            .arg(url)
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// The DOM of a page after its scripts ran.
    fn dom(&self, url: &str) -> String {
        String::from_utf8_lossy(&self.run("--dump-dom", url).stdout).into_owned()
    }
}

/// Headless Chromium runs the graph page's script: cytoscape.js draws every node of the neighbourhood
/// (the page marks how many), and a screenshot is taken.
fn drawn_by_chromium(addr: &str, nodes: usize) {
    let Some(chromium) = Chromium::find("the graph page was not drawn") else {
        return;
    };
    let url = format!("http://{addr}/graph?id=doc%3A30%2F2020%2FN%C4%90-CP");
    let dom = chromium.dom(&url);
    let ready = format!("data-ready=\"{nodes}\"");
    let cy = dom
        .find("<div id=\"cy\"")
        .map_or("", |at| &dom[at..dom.len().min(at + 300)]);
    assert!(
        cy.contains(&ready),
        "cytoscape did not draw the {nodes} documents: {cy}"
    );
    let shot = chromium.profile.path().join("graph.png");
    let out = chromium.run(&format!("--screenshot={}", shot.display()), &url);
    let png = std::fs::read(&shot).unwrap_or_else(|e| {
        panic!(
            "no screenshot: {e}: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "{} bytes",
        png.len()
    );
}

/// A multipart body with one file field.
fn multipart(field: &str, file_name: &str, bytes: &[u8]) -> (Vec<u8>, String) {
    let boundary = "vnciteBoundary7MA4YWxkTrZu0gW";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (body, format!("multipart/form-data; boundary={boundary}"))
}

#[test]
fn an_uploaded_word_file_is_annotated_and_an_unreadable_one_is_named() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let server = start(&store(dir.path()));
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let docx = std::fs::read(root.join("tests/data/forms/quyet_dinh.docx")).unwrap_or_default();
    let (body, content_type) = multipart("file", "quyet_dinh.docx", &docx);
    let (code, page) = http(&server.addr, "POST", "/upload", &body, &content_type);
    let page = String::from_utf8_lossy(&page);
    assert_eq!(code, 200, "{page}");
    let symbols: Vec<&str> = page
        .split("data-symbol=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(
        symbols,
        [
            "77/2015/QH13",
            "02/2003/NĐ-CP",
            "15/2009/TT-BCT",
            "11/2016/QĐ-UBND",
            "08/2019/QĐ-UBND"
        ]
    );
    // The text read out of the file fills the paste box, so it can be edited and annotated again.
    assert!(page.contains("<textarea name=\"text\" placeholder=\"Dán văn bản vào đây\">ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG"));
    let (body, content_type) = multipart(
        "file",
        "old.doc",
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 not a docx",
    );
    let (code, page) = http(&server.addr, "POST", "/upload", &body, &content_type);
    assert_eq!(code, 422);
    assert!(
        String::from_utf8_lossy(&page).contains("old.doc: cannot read this Word 97-2003 (.doc)")
    );
    let (body, content_type) = multipart("other", "x.txt", b"x");
    assert_eq!(
        http(&server.addr, "POST", "/upload", &body, &content_type).0,
        400
    );
}

#[test]
fn hostile_titles_stay_text_and_no_inline_script_may_run() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("hostile.store").display().to_string();
    let out = bin()
        .args([
            "graph",
            "build",
            "tests/data/export/hostile.txt",
            "-o",
            &store,
            "--quiet",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let server = start(&store);
    let a = &server.addr;
    let doc = "/doc?id=doc%3A99%2FQ%C4%90-UBND%402024~quang-nam";
    let (code, head, body) = exchange(a, "GET", doc, b"", "text/plain");
    assert_eq!(code, 200);
    let head = head.to_ascii_lowercase();
    assert!(
        head.contains(&format!(
            "content-security-policy: {}",
            vncite::serve::CONTENT_SECURITY_POLICY.to_ascii_lowercase()
        )),
        "{head}"
    );
    assert!(head.contains("x-content-type-options: nosniff"));
    let page = String::from_utf8_lossy(&body);
    // The title's markup is text: escaped in the page, never an element.
    assert!(
        page.contains("<td>Về &quot;quy chế&quot; \\ {mới} &quot;]; evil [ label=&quot;x&quot; &lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; | # `tick`</td>"),
        "{page}"
    );
    assert!(!page.contains("<script>alert"), "{page}");
    if let Some(chromium) = Chromium::find("the hostile page was not opened") {
        for path in [doc, "/graph?id=doc%3A99%2FQ%C4%90-UBND%402024~quang-nam"] {
            let dom = chromium.dom(&format!("http://{a}{path}"));
            assert!(dom.contains("</html>"), "{path}: {dom}");
            assert!(!dom.contains("<script>alert"), "{path}: {dom}");
        }
    }
    // Bodies past the limit are refused whole, with 413.
    let big = vec![b'a'; vncite::serve::BODY_LIMIT + 1];
    let (code, _) = http(a, "POST", "/api/extract", &big, "text/plain");
    assert_eq!(code, 413);
}
