//! JSON Lines: one record per input, byte for byte what serde_json writes for the model (see
//! `../shared/contract.md`).

use crate::model::{Also, Citation, Document, Extraction, Named, Ref, Reported};

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
    write_head(buf, source, found.document.as_ref());
    write_items(sink, buf, &found.citations, write_citation)?;
    write_tail(sink, buf, &found.named, &found.reported)
}

/// The record up to its first citation: `{"source":…,"document":…,"citations":[`.
fn write_head(buf: &mut Vec<u8>, source: &str, document: Option<&Document>) {
    buf.extend_from_slice(b"{\"source\":");
    json_str(buf, source);
    buf.extend_from_slice(b",\"document\":");
    match document {
        Some(d) => write_document(buf, d),
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b",\"citations\":[");
}

/// The record after its last citation, and its line break, written out with what `buf` still holds.
fn write_tail(
    sink: &mut impl std::io::Write,
    buf: &mut Vec<u8>,
    named: &[Named],
    reported: &[Reported],
) -> std::io::Result<()> {
    buf.extend_from_slice(b"],\"named\":[");
    write_items(sink, buf, named, write_named)?;
    buf.extend_from_slice(b"],\"reported\":[");
    write_items(sink, buf, reported, write_reported)?;
    buf.extend_from_slice(b"]}\n");
    sink.write_all(buf)
}

/// The JSON Lines record of one input written part by part (see [`crate::extract::extract_parts`]), byte
/// for byte what [`write_json_line`] writes for the parts appended into one extraction. Each part's
/// citations are written as it comes; its named references and reported relations, which the record puts
/// after every citation, are kept until [`JsonLineParts::finish`].
pub struct JsonLineParts<'w, W: std::io::Write> {
    sink: &'w mut W,
    source: String,
    buf: Vec<u8>,
    citations: usize,
    started: bool,
    named: Vec<Named>,
    reported: Vec<Reported>,
}

impl<'w, W: std::io::Write> JsonLineParts<'w, W> {
    /// A record for the input called `source`, written to `sink`.
    pub fn new(sink: &'w mut W, source: &str) -> Self {
        JsonLineParts {
            sink,
            source: source.to_string(),
            buf: Vec::new(),
            citations: 0,
            started: false,
            named: Vec::new(),
            reported: Vec::new(),
        }
    }

    /// Writes the next part: the first one's `document` is the record's.
    pub fn part(&mut self, part: Extraction) -> std::io::Result<()> {
        if !self.started {
            self.start(part.document.as_ref());
        }
        let (citations, named) = (self.citations, self.named.len());
        if citations > 0 && !part.citations.is_empty() {
            self.buf.push(b',');
        }
        write_items(self.sink, &mut self.buf, &part.citations, write_citation)?;
        self.citations += part.citations.len();
        self.named.extend(part.named);
        self.reported
            .extend(part.reported.into_iter().map(|r| r.after(citations, named)));
        Ok(())
    }

    /// Writes the named references, the reported relations and the end of the record.
    pub fn finish(mut self) -> std::io::Result<()> {
        if !self.started {
            self.start(None);
        }
        write_tail(self.sink, &mut self.buf, &self.named, &self.reported)
    }

    fn start(&mut self, document: Option<&Document>) {
        write_head(&mut self.buf, &self.source, document);
        self.started = true;
    }
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
            if let Some(partial) = a.partial {
                out.extend_from_slice(if partial {
                    b",\"partial\":true"
                } else {
                    b",\"partial\":false"
                });
            }
            if let Some(pinpoint) = &a.pinpoint {
                out.extend_from_slice(b",\"pinpoint\":");
                json_str(out, pinpoint);
            }
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
    json_change_flags(out, r.partial, false, &[]);
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
    let bytes = s.as_bytes();
    // Most strings need no escape: one check and one copy.
    if !bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\') {
        out.reserve(bytes.len() + 2);
        out.push(b'"');
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
    out.push(b'"');
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
