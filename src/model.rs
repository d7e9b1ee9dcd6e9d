//! The records the pipeline produces. Field names and types follow `../shared/contract.md` exactly: external
//! evaluations read them, so fields may be added but never renamed, dropped or retyped.

use crate::vocab::{DocType, Relation};
use serde::{Deserialize, Serialize};

/// One mention of a document by number and symbol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// Byte offset of the mention in the original input.
    pub start: usize,
    /// Byte offset just past the mention (exclusive).
    pub end: usize,
    /// The mention as written: `input[start..end]`.
    pub text: String,
    /// Canonical number and symbol, e.g. `30/2020/NĐ-CP`, `57/NQ-CP`, `57-NQ/TW`.
    pub symbol: String,
    /// The number part as written, e.g. `06`, `66.19`.
    pub number: String,
    /// Issue year from the symbol, the date, or the context.
    pub year: Option<i32>,
    /// Issue date `YYYY-MM-DD` when the text gives it.
    pub date: Option<String>,
    /// One of the contract's doc types (`decree`, `decision`, …).
    pub doc_type: DocType,
    /// Issuer codes from the symbol and the context.
    pub issuers: Vec<String>,
    /// The issuer as the text names it, in one canonical spelling.
    pub issuer_name: Option<String>,
    /// Graph node key of the cited document (see the README, "Document ids").
    pub id: String,
    /// Why the source cites it: `basis`, `amends`, `replaces`, `repeals`, `guides`, `implements`, `corrects`, `cites`.
    pub relation: Relation,
    /// The cited part, e.g. `điểm d khoản 2 Điều 10`.
    pub pinpoint: Option<String>,
    /// For `amends`, `replaces`, `repeals`: whether the change touches only part of the cited document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial: Option<bool>,
    /// The relation the words state was impossible (a change of a later document, or of a law by a lower
    /// rank) and fell back to `cites`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub doubtful: bool,
    /// Further relations stated elsewhere in the input (see [`Also`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Also>,
}

/// The input's own identity, read from its header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Canonical number and symbol.
    pub symbol: String,
    /// The number part as written.
    pub number: String,
    /// Issue year.
    pub year: Option<i32>,
    /// Issue date `YYYY-MM-DD` from the place-and-date line.
    pub date: Option<String>,
    /// Doc type from the title word, a `V/v` line, or the symbol code.
    pub doc_type: DocType,
    /// Issuer codes from the symbol and the header block.
    pub issuers: Vec<String>,
    /// The issuing body named in the header block.
    pub issuer_name: Option<String>,
    /// Graph node key.
    pub id: String,
    /// The trích yếu (title) as written.
    pub title: Option<String>,
}

/// A law, code, ordinance or constitution cited by name only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    /// Byte offset of the mention in the original input.
    pub start: usize,
    /// Byte offset just past the mention (exclusive).
    pub end: usize,
    /// The mention as written: `input[start..end]`.
    pub text: String,
    /// The name as written, e.g. `Luật Tổ chức Chính phủ`.
    pub name: String,
    /// `law`, `code`, `ordinance` or `constitution`.
    pub doc_type: DocType,
    /// Adoption date `YYYY-MM-DD` when given.
    pub date: Option<String>,
    /// Year from the date or from "năm YYYY".
    pub year: Option<i32>,
    /// Why the source cites it (same vocabulary as [`Citation::relation`]).
    pub relation: Relation,
    /// The cited part, e.g. `khoản 3 Điều 78`.
    pub pinpoint: Option<String>,
    /// Graph node key: the numbered document's id when the name resolves to one, else the named node's key.
    pub id: String,
    /// The resolved symbol, when the name resolves to a numbered document.
    pub symbol: Option<String>,
    /// As [`Citation::partial`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial: Option<bool>,
    /// As [`Citation::doubtful`].
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub doubtful: bool,
    /// Further relations stated elsewhere in the input (see [`Also`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Also>,
}

/// A further relation the input states for a mention besides the one that governs it, with the words
/// that state it: a decree whose scope says "Nghị định này quy định chi tiết …" guides the laws it is based
/// on, which its Căn cứ lines cite as `basis`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Also {
    /// The further relation.
    pub relation: Relation,
    /// Byte span of the words that state it.
    pub start: usize,
    /// End of those words (exclusive).
    pub end: usize,
}

/// One side of a [`Reported`] relation: an index into the input's citations or named references, or the
/// input's own document (a database note "[Điều này được sửa đổi bởi …]" on the page of the input).
/// Written `{"citation": i}`, `{"named": i}` or `{"document": true}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "RefWire", try_from = "RefWire")]
pub enum Ref {
    /// An index into the input's citations.
    Citation(usize),
    /// An index into the input's named references.
    Named(usize),
    /// The input itself.
    Document,
}

/// [`Ref`] as written: exactly one key.
#[derive(Serialize, Deserialize)]
struct RefWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    citation: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    named: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    document: Option<bool>,
}

impl From<Ref> for RefWire {
    fn from(r: Ref) -> RefWire {
        let mut wire = RefWire {
            citation: None,
            named: None,
            document: None,
        };
        match r {
            Ref::Citation(i) => wire.citation = Some(i),
            Ref::Named(i) => wire.named = Some(i),
            Ref::Document => wire.document = Some(true),
        }
        wire
    }
}

impl TryFrom<RefWire> for Ref {
    type Error = &'static str;

    fn try_from(w: RefWire) -> Result<Ref, Self::Error> {
        match (w.citation, w.named, w.document) {
            (Some(i), None, None) => Ok(Ref::Citation(i)),
            (None, Some(i), None) => Ok(Ref::Named(i)),
            (None, None, Some(true)) => Ok(Ref::Document),
            _ => Err("a reference has exactly one of citation, named or document: true"),
        }
    }
}

/// A relation the text states between two other documents ("Thông tư số 01/2011/TT-BNV đã được sửa đổi
/// bởi Thông tư số 05/2019/TT-BNV"): not an act of the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reported {
    /// The document that acts.
    pub actor: Ref,
    /// What it does, from its own point of view.
    pub relation: Relation,
    /// The document acted on.
    pub target: Ref,
    /// A legal database's bracketed note rather than the document's own words.
    pub editorial: bool,
    /// Byte span of the statement.
    pub start: usize,
    /// End of the statement (exclusive).
    pub end: usize,
    /// The touched part of the target, when the statement names it.
    pub pinpoint: Option<String>,
}

/// Everything extracted from one input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Extraction {
    /// The input's own identity, when its header gives one.
    pub document: Option<Document>,
    /// Every reference by number and symbol, in text order.
    pub citations: Vec<Citation>,
    /// Every reference by name only, in text order.
    pub named: Vec<Named>,
    /// Relations the text states between other documents, in text order.
    #[serde(default)]
    pub reported: Vec<Reported>,
}

/// Writes the JSON Lines record of one input (`{"source":…,"document":…,"citations":[…],"named":[…]}` and a
/// line break): byte for byte what serde_json writes for those fields, in that order.
///
/// Written by hand because serde_json escaped every key and went through its serializer for every field,
/// which cost a tenth of an extraction; values are still escaped exactly as serde_json does. The record is
/// built in `buf` (cleared first) and handed to `sink` in pieces of about 64 KB, so a large input's record
/// is never held whole.
pub fn write_json_line(
    sink: &mut impl std::io::Write,
    buf: &mut Vec<u8>,
    source: &str,
    found: &Extraction,
) -> std::io::Result<()> {
    buf.clear();
    buf.extend_from_slice(b"{\"source\":");
    json_str(buf, source);
    buf.extend_from_slice(b",\"document\":");
    match &found.document {
        Some(d) => write_document(buf, d),
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b",\"citations\":[");
    write_items(sink, buf, &found.citations, write_citation)?;
    buf.extend_from_slice(b"],\"named\":[");
    write_items(sink, buf, &found.named, write_named)?;
    buf.extend_from_slice(b"],\"reported\":[");
    write_items(sink, buf, &found.reported, write_reported)?;
    buf.extend_from_slice(b"]}\n");
    sink.write_all(buf)
}

/// Comma-separated items, handing `buf` to `sink` whenever it holds about 64 KB.
fn write_items<T>(
    sink: &mut impl std::io::Write,
    buf: &mut Vec<u8>,
    items: &[T],
    write: fn(&mut Vec<u8>, &T),
) -> std::io::Result<()> {
    const PIECE: usize = 1 << 16;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        write(buf, item);
        if buf.len() >= PIECE {
            sink.write_all(buf)?;
            buf.clear();
        }
    }
    Ok(())
}

fn write_citation(out: &mut Vec<u8>, c: &Citation) {
    out.extend_from_slice(b"{\"start\":");
    json_uint(out, c.start);
    out.extend_from_slice(b",\"end\":");
    json_uint(out, c.end);
    out.extend_from_slice(b",\"text\":");
    json_str(out, &c.text);
    out.extend_from_slice(b",\"symbol\":");
    json_str(out, &c.symbol);
    out.extend_from_slice(b",\"number\":");
    json_str(out, &c.number);
    out.extend_from_slice(b",\"year\":");
    json_year(out, c.year);
    out.extend_from_slice(b",\"date\":");
    json_opt_str(out, c.date.as_deref());
    out.extend_from_slice(b",\"doc_type\":");
    json_str(out, c.doc_type.as_str());
    out.extend_from_slice(b",\"issuers\":");
    json_str_list(out, &c.issuers);
    out.extend_from_slice(b",\"issuer_name\":");
    json_opt_str(out, c.issuer_name.as_deref());
    out.extend_from_slice(b",\"id\":");
    json_str(out, &c.id);
    out.extend_from_slice(b",\"relation\":");
    json_str(out, c.relation.as_str());
    out.extend_from_slice(b",\"pinpoint\":");
    json_opt_str(out, c.pinpoint.as_deref());
    json_change_flags(out, c.partial, c.doubtful, &c.also);
    out.push(b'}');
}

fn json_change_flags(out: &mut Vec<u8>, partial: Option<bool>, doubtful: bool, also: &[Also]) {
    if let Some(p) = partial {
        out.extend_from_slice(if p {
            b",\"partial\":true"
        } else {
            b",\"partial\":false"
        });
    }
    if doubtful {
        out.extend_from_slice(b",\"doubtful\":true");
    }
    if !also.is_empty() {
        out.extend_from_slice(b",\"also\":[");
        for (i, a) in also.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"relation\":");
            json_str(out, a.relation.as_str());
            out.extend_from_slice(b",\"start\":");
            json_uint(out, a.start);
            out.extend_from_slice(b",\"end\":");
            json_uint(out, a.end);
            out.push(b'}');
        }
        out.push(b']');
    }
}

fn write_reported(out: &mut Vec<u8>, r: &Reported) {
    out.extend_from_slice(b"{\"actor\":");
    json_ref(out, r.actor);
    out.extend_from_slice(b",\"relation\":");
    json_str(out, r.relation.as_str());
    out.extend_from_slice(b",\"target\":");
    json_ref(out, r.target);
    out.extend_from_slice(if r.editorial {
        b",\"editorial\":true"
    } else {
        b",\"editorial\":false"
    });
    out.extend_from_slice(b",\"start\":");
    json_uint(out, r.start);
    out.extend_from_slice(b",\"end\":");
    json_uint(out, r.end);
    out.extend_from_slice(b",\"pinpoint\":");
    json_opt_str(out, r.pinpoint.as_deref());
    out.push(b'}');
}

fn json_ref(out: &mut Vec<u8>, r: Ref) {
    match r {
        Ref::Citation(i) => {
            out.extend_from_slice(b"{\"citation\":");
            json_uint(out, i);
        }
        Ref::Named(i) => {
            out.extend_from_slice(b"{\"named\":");
            json_uint(out, i);
        }
        Ref::Document => out.extend_from_slice(b"{\"document\":true"),
    }
    out.push(b'}');
}

fn write_document(out: &mut Vec<u8>, d: &Document) {
    out.extend_from_slice(b"{\"symbol\":");
    json_str(out, &d.symbol);
    out.extend_from_slice(b",\"number\":");
    json_str(out, &d.number);
    out.extend_from_slice(b",\"year\":");
    json_year(out, d.year);
    out.extend_from_slice(b",\"date\":");
    json_opt_str(out, d.date.as_deref());
    out.extend_from_slice(b",\"doc_type\":");
    json_str(out, d.doc_type.as_str());
    out.extend_from_slice(b",\"issuers\":");
    json_str_list(out, &d.issuers);
    out.extend_from_slice(b",\"issuer_name\":");
    json_opt_str(out, d.issuer_name.as_deref());
    out.extend_from_slice(b",\"id\":");
    json_str(out, &d.id);
    out.extend_from_slice(b",\"title\":");
    json_opt_str(out, d.title.as_deref());
    out.push(b'}');
}

fn write_named(out: &mut Vec<u8>, n: &Named) {
    out.extend_from_slice(b"{\"start\":");
    json_uint(out, n.start);
    out.extend_from_slice(b",\"end\":");
    json_uint(out, n.end);
    out.extend_from_slice(b",\"text\":");
    json_str(out, &n.text);
    out.extend_from_slice(b",\"name\":");
    json_str(out, &n.name);
    out.extend_from_slice(b",\"doc_type\":");
    json_str(out, n.doc_type.as_str());
    out.extend_from_slice(b",\"date\":");
    json_opt_str(out, n.date.as_deref());
    out.extend_from_slice(b",\"year\":");
    json_year(out, n.year);
    out.extend_from_slice(b",\"relation\":");
    json_str(out, n.relation.as_str());
    out.extend_from_slice(b",\"pinpoint\":");
    json_opt_str(out, n.pinpoint.as_deref());
    out.extend_from_slice(b",\"id\":");
    json_str(out, &n.id);
    out.extend_from_slice(b",\"symbol\":");
    json_opt_str(out, n.symbol.as_deref());
    json_change_flags(out, n.partial, n.doubtful, &n.also);
    out.push(b'}');
}

fn json_uint(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

fn json_year(out: &mut Vec<u8>, year: Option<i32>) {
    match year {
        Some(y) => out.extend_from_slice(itoa::Buffer::new().format(y).as_bytes()),
        None => out.extend_from_slice(b"null"),
    }
}

fn json_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

fn json_str_list(out: &mut Vec<u8>, items: &[String]) {
    out.push(b'[');
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        json_str(out, s);
    }
    out.push(b']');
}

/// A JSON string as serde_json writes it: `"` and `\` escaped, control characters as `\b \t \n \f \r` or
/// `\u00XX`, everything else (all of UTF-8) as is.
fn json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut done = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.extend_from_slice(&bytes[done..i]);
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0C => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[(b >> 4) as usize]);
                out.push(HEX[(b & 0xF) as usize]);
            }
        }
        done = i + 1;
    }
    out.extend_from_slice(&bytes[done..]);
    out.push(b'"');
}
