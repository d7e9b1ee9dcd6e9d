//! The last verb of the pipeline: the input's own text with every reference marked, as HTML, Markdown or
//! JSON. Outside the marks the text is the input's, in the output format's escaping; every mark carries
//! what the reference is (node id, symbol, type, date, relation) and, with a graph, its document's status.
//!
//! ```
//! use vncite::annotate::{annotate, Format, Options};
//!
//! let text = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;";
//! let found = vncite::extract(text);
//! let options = Options::new(Format::Html).link("https://example.org/van-ban/{symbol}");
//! let html = annotate(text, &found, &options);
//! assert!(html.starts_with("<div class=\"vncite\">Căn cứ <a class=\"vncite-ref\" href=\"https://example.org/van-ban/30%2F2020%2FN%C4%90-CP\""));
//! assert!(html.contains("data-relation=\"basis\""));
//! assert!(html.ends_with(">Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ</a>;</div>"));
//! ```

use crate::graph::CitationGraph;
use crate::model::Extraction;
use crate::vocab::{DocType, Relation};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;

/// What an annotation is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// An HTML fragment, `<div class="vncite">…</div>`: the text escaped, each reference an `<a>` (with a
    /// link) or a `<mark>` (without) whose `data-` attributes say what it is.
    Html,
    /// The text with each reference a Markdown link (with a link template) and a footnote that says what it
    /// is.
    Markdown,
    /// The marks alone, as JSON (`{"source", "marks": [...]}`), with spans into the input's bytes.
    Json,
}

/// How to annotate.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Options<'a> {
    /// The output format.
    pub format: Format,
    /// Where a mark points: a URL with `{symbol}`, `{id}`, `{type}` or `{year}` in it, each replaced by
    /// the reference's value, percent-encoded as one path segment.
    pub link: Option<&'a str>,
    /// A graph to read each cited document's status from (`query status`).
    pub graph: Option<&'a CitationGraph>,
    /// The input's name, for the JSON output's `source`.
    pub source: &'a str,
}

impl<'a> Options<'a> {
    /// Options for `format`, without link, graph or source name.
    pub fn new(format: Format) -> Options<'static> {
        Options {
            format,
            link: None,
            graph: None,
            source: "-",
        }
    }

    /// With a link template (see [`Options::link`](#structfield.link)).
    pub fn link(self, template: &'a str) -> Options<'a> {
        Options {
            link: Some(template),
            ..self
        }
    }

    /// With a graph to read statuses from.
    pub fn graph(self, graph: &'a CitationGraph) -> Options<'a> {
        Options {
            graph: Some(graph),
            ..self
        }
    }

    /// With the input's name.
    pub fn source(self, name: &'a str) -> Options<'a> {
        Options {
            source: name,
            ..self
        }
    }
}

/// One marked reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Mark {
    /// Byte offsets of the reference in the input, end exclusive.
    pub start: usize,
    /// End of the reference.
    pub end: usize,
    /// The reference as written.
    pub text: String,
    /// `citation` (by number) or `named` (by name).
    pub kind: &'static str,
    /// The graph node of the cited document (`doc:30/2020/NĐ-CP`).
    pub id: String,
    /// Its canonical symbol, when it has one.
    pub symbol: Option<String>,
    /// Its doc type.
    pub doc_type: DocType,
    /// Its issue date, when the text gives it.
    pub date: Option<String>,
    /// Why the input cites it.
    pub relation: Relation,
    /// The cited part, when the text names one.
    pub pinpoint: Option<String>,
    /// Where the mark points, from the link template.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    /// The document's status in the graph, when a graph was given and holds it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// The marks of an extraction, in text order; a reference that overlaps an earlier one is left out.
pub fn marks(found: &Extraction, options: &Options) -> Vec<Mark> {
    let mut marks: Vec<Mark> = found
        .citations
        .iter()
        .map(|c| Mark {
            start: c.start,
            end: c.end,
            text: c.text.clone(),
            kind: "citation",
            id: crate::id::NodeId::document(&c.id).to_string(),
            symbol: Some(c.symbol.clone()),
            doc_type: c.doc_type,
            date: c.date.clone(),
            relation: c.relation,
            pinpoint: c.pinpoint.clone(),
            href: None,
            status: None,
        })
        .chain(found.named.iter().map(|n| Mark {
            start: n.start,
            end: n.end,
            text: n.text.clone(),
            kind: "named",
            id: crate::id::NodeId::document(&n.id).to_string(),
            symbol: n.symbol.clone(),
            doc_type: n.doc_type,
            date: n.date.clone(),
            relation: n.relation,
            pinpoint: n.pinpoint.clone(),
            href: None,
            status: None,
        }))
        .collect();
    marks.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept: Vec<Mark> = Vec::with_capacity(marks.len());
    // A document cited many times has one status: it is read from the graph once.
    let mut statuses: std::collections::HashMap<String, Option<&'static str>> =
        std::collections::HashMap::new();
    for mut m in marks {
        if kept.last().is_some_and(|k| m.start < k.end) {
            continue;
        }
        m.href = options.link.map(|t| fill_link(t, &m));
        if let Some(g) = options.graph {
            let verdict = *statuses.entry(m.id.clone()).or_insert_with(|| {
                crate::query::status(g, &m.id)
                    .ok()
                    .map(|s| s.verdict.as_str())
            });
            m.status = verdict.map(str::to_string);
        }
        kept.push(m);
    }
    kept
}

/// Writes `text` with the references of `found` marked, in `options.format`.
pub fn annotate(text: &str, found: &Extraction, options: &Options) -> String {
    let marks = marks(found, options);
    match options.format {
        Format::Html => html(text, &marks),
        Format::Markdown => markdown(text, &marks),
        Format::Json => {
            #[derive(Serialize)]
            struct Out<'a> {
                source: &'a str,
                marks: &'a [Mark],
            }
            serde_json::to_string(&Out {
                source: options.source,
                marks: &marks,
            })
            .unwrap_or_default()
        }
    }
}

/// What one path segment may keep as written (RFC 3986 unreserved characters).
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn fill_link(template: &str, m: &Mark) -> String {
    let enc = |s: &str| utf8_percent_encode(s, SEGMENT).to_string();
    let key = m.id.strip_prefix("doc:").unwrap_or(&m.id);
    let year = m
        .symbol
        .as_deref()
        .and_then(|s| s.split('/').nth(1))
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        .or_else(|| m.date.as_deref().map(|d| &d[..4.min(d.len())]))
        .unwrap_or("");
    template
        .replace("{symbol}", &enc(m.symbol.as_deref().unwrap_or(key)))
        .replace("{id}", &enc(key))
        .replace("{type}", &enc(m.doc_type.as_str()))
        .replace("{year}", &enc(year))
}

/// One line that says what a mark is: "30/2020/NĐ-CP · decree · 2020-03-05 · basis · in force …".
fn summary(m: &Mark) -> String {
    let key = m.id.strip_prefix("doc:").unwrap_or(&m.id);
    let mut parts: Vec<&str> = vec![m.symbol.as_deref().unwrap_or(key), m.doc_type.as_str()];
    if let Some(d) = m.date.as_deref() {
        parts.push(d);
    }
    parts.push(m.relation.as_str());
    if let Some(p) = m.pinpoint.as_deref() {
        parts.push(p);
    }
    if let Some(s) = m.status.as_deref() {
        parts.push(s);
    }
    parts.join(" · ")
}

fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    quick_xml::escape::escape(s)
}

/// The opening tag of a mark and the name of its element.
fn open_tag(m: &Mark) -> (String, &'static str) {
    let tag = if m.href.is_some() { "a" } else { "mark" };
    let mut out = String::with_capacity(200);
    out.push('<');
    out.push_str(tag);
    out.push_str(" class=\"vncite-ref\"");
    let mut attr = |name: &str, value: &str| {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        out.push_str(&escape(value));
        out.push('"');
    };
    if let Some(h) = m.href.as_deref() {
        attr("href", h);
    }
    attr("title", &summary(m));
    attr("data-id", &m.id);
    if let Some(s) = m.symbol.as_deref() {
        attr("data-symbol", s);
    }
    attr("data-type", m.doc_type.as_str());
    if let Some(d) = m.date.as_deref() {
        attr("data-date", d);
    }
    attr("data-relation", m.relation.as_str());
    if let Some(p) = m.pinpoint.as_deref() {
        attr("data-pinpoint", p);
    }
    if let Some(s) = m.status.as_deref() {
        attr("data-status", s);
    }
    out.push('>');
    (out, tag)
}

/// Element text escaped for HTML into `out`: only `<`, `>` and `&` need it there, and a memchr scan for
/// them costs a tenth of a general escaper on text that holds almost none.
fn escape_text_into(out: &mut String, s: &str) {
    let mut at = 0;
    for i in memchr::memchr3_iter(b'<', b'>', b'&', s.as_bytes()) {
        out.push_str(&s[at..i]);
        out.push_str(match s.as_bytes()[i] {
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&amp;",
        });
        at = i + 1;
    }
    out.push_str(&s[at..]);
}

fn html(text: &str, marks: &[Mark]) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16 + marks.len() * 200);
    out.push_str("<div class=\"vncite\">");
    let mut at = 0;
    for m in marks {
        escape_text_into(&mut out, &text[at..m.start]);
        let (open, tag) = open_tag(m);
        out.push_str(&open);
        escape_text_into(&mut out, &text[m.start..m.end]);
        out.push_str("</");
        out.push_str(tag);
        out.push('>');
        at = m.end;
    }
    escape_text_into(&mut out, &text[at..]);
    out.push_str("</div>");
    out
}

/// An HTML input marked in place: the page byte for byte, with a mark around each stretch of each
/// reference. `pieces(start, end)` gives the stretches of the page a span of its visible text was read
/// from, each free of tags, so a reference that a tag splits ("30/2020</b>/NĐ-CP") gets one mark per
/// stretch and no element is broken; attributes and scripts are never text, so never marked.
/// `found` is an extraction of the page's visible text (spans into that text).
pub fn annotate_page(
    page: &str,
    pieces: impl Fn(usize, usize) -> Vec<(usize, usize)>,
    found: &Extraction,
    options: &Options,
) -> String {
    let marks = marks(found, options);
    let mut stretches: Vec<(usize, usize, &Mark)> = Vec::new();
    for m in &marks {
        for (a, b) in pieces(m.start, m.end) {
            if a < b && page.is_char_boundary(a) && page.is_char_boundary(b) && b <= page.len() {
                stretches.push((a, b, m));
            }
        }
    }
    stretches.sort_by_key(|s| (s.0, s.1));
    let mut out = String::with_capacity(page.len() + stretches.len() * 200);
    let mut at = 0;
    for (a, b, m) in stretches {
        if a < at {
            continue;
        }
        out.push_str(&page[at..a]);
        let (open, tag) = open_tag(m);
        out.push_str(&open);
        out.push_str(&page[a..b]);
        out.push_str("</");
        out.push_str(tag);
        out.push('>');
        at = b;
    }
    out.push_str(&page[at..]);
    out
}

fn markdown(text: &str, marks: &[Mark]) -> String {
    let mut out = String::with_capacity(text.len() + marks.len() * 120);
    let mut at = 0;
    for (i, m) in marks.iter().enumerate() {
        out.push_str(&text[at..m.start]);
        let written = &text[m.start..m.end];
        match m.href.as_deref() {
            Some(h) => {
                out.push('[');
                for c in written.chars() {
                    if matches!(c, '[' | ']' | '\\') {
                        out.push('\\');
                    }
                    out.push(c);
                }
                out.push_str("](");
                out.push_str(
                    &h.replace(' ', "%20")
                        .replace('(', "%28")
                        .replace(')', "%29"),
                );
                out.push(')');
            }
            None => out.push_str(written),
        }
        out.push_str(&format!("[^{}]", i + 1));
        at = m.end;
    }
    out.push_str(&text[at..]);
    if !marks.is_empty() {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push('\n');
        for (i, m) in marks.iter().enumerate() {
            out.push_str(&format!("[^{}]: {}\n", i + 1, summary(m)));
        }
    }
    out
}
