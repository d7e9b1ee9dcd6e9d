//! The store file (see the README, "Graph store"): a first line with the format, inputs, nodes and edges,
//! then one line per edge holding its evidence as a JSON array. Loading reads the first line and checks
//! that the edges' evidence lines tile the rest of the file exactly; an edge's evidence is parsed when asked
//! for, and every parse failure is an error naming the store and the line, never an empty answer.
//!
//! A new store version: bump [`FORMAT`], change `wire`, and keep `load` refusing the old tag with its message.

mod wire;

use super::{CitationGraph, CitedFacts, Edge, Evidence, NodeKind};
use crate::error::{Error, ErrorKind};
use crate::vocab::Relation;
use petgraph::stable_graph::NodeIndex;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::Arc;
use wire::{DocumentOut, StoreEvidence, StoreFileIn, StoreHeaderOut, StoreInputOut, StoreNode};

/// Version tag of the store format; a store with another tag is refused.
pub const FORMAT: &str = "vncite-graph/3";

/// How the first line ends: its CRC-32 as the last field, computed over the line with `}` in place of
/// this suffix. Eight hex digits keep the suffix's length fixed.
const CHECKSUM_KEY: &str = ",\"checksum\":\"";
const CHECKSUM_SUFFIX_LEN: usize = CHECKSUM_KEY.len() + 8 + 2;

/// The checksum the first line states and the one its bytes give (over the line with `}` in place of the
/// checksum suffix), when it has one.
fn checksums(line: &[u8]) -> Option<(u32, u32)> {
    let body = line.strip_suffix(b"\n").unwrap_or(line);
    let cut = body.len().checked_sub(CHECKSUM_SUFFIX_LEN)?;
    let suffix = &body[cut..];
    let hex = suffix
        .strip_prefix(CHECKSUM_KEY.as_bytes())?
        .strip_suffix(b"\"}")?;
    let stated = u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(&body[..cut]);
    hasher.update(b"}");
    Some((stated, hasher.finalize()))
}

/// Where an edge's unparsed evidence is: its byte range in the evidence section and its line in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawEvidence {
    at: usize,
    len: usize,
    line: usize,
    crc: u32,
}

/// A loaded store's evidence section and what reading it needs.
#[derive(Debug)]
pub(crate) struct Loaded {
    name: String,
    section: Section,
    /// Input paths in store order, which evidence refers to by index.
    inputs: Vec<Arc<str>>,
}

/// The evidence lines: in the file (read on demand) or in memory.
#[derive(Debug)]
enum Section {
    File(std::sync::Mutex<std::fs::File>, u64),
    Bytes(Vec<u8>),
}

impl Loaded {
    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    fn io(&self, e: std::io::Error) -> Error {
        Error::store_io(e, &self.name.clone())
    }

    /// The whole evidence section.
    pub(crate) fn read_all(&self) -> Result<Cow<'_, [u8]>, Error> {
        use std::io::{Read, Seek, SeekFrom};
        match &self.section {
            Section::Bytes(b) => Ok(Cow::Borrowed(b)),
            Section::File(file, base) => {
                let mut f = file
                    .lock()
                    .map_err(|_| self.io(std::io::Error::other("store file lock poisoned")))?;
                f.seek(SeekFrom::Start(*base)).map_err(|e| self.io(e))?;
                let mut buf = Vec::new();
                f.read_to_end(&mut buf).map_err(|e| self.io(e))?;
                Ok(Cow::Owned(buf))
            }
        }
    }

    /// One edge's evidence, read from the store and parsed: the one line it needs.
    pub(crate) fn evidence(
        &self,
        raw: &RawEvidence,
        count: usize,
        share: &mut dyn FnMut(&str) -> Arc<str>,
    ) -> Result<Vec<Evidence>, Error> {
        use std::io::{Read, Seek, SeekFrom};
        match &self.section {
            Section::Bytes(b) => self.evidence_in(b, raw, count, share),
            Section::File(file, base) => {
                let mut f = file
                    .lock()
                    .map_err(|_| self.io(std::io::Error::other("store file lock poisoned")))?;
                f.seek(SeekFrom::Start(base + raw.at as u64))
                    .map_err(|e| self.io(e))?;
                let mut line = vec![0; raw.len + 1];
                if let Err(e) = f.read_exact(&mut line) {
                    return Err(Error::damaged(
                        &self.name,
                        raw.line,
                        format!("evidence line cut short: {e}"),
                    ));
                }
                self.parse_line(&line, raw, count, share)
            }
        }
    }

    /// One edge's evidence from the whole `section` (see [`Loaded::read_all`]), for callers that read every
    /// edge and so read the section once.
    pub(crate) fn evidence_in(
        &self,
        section: &[u8],
        raw: &RawEvidence,
        count: usize,
        share: &mut dyn FnMut(&str) -> Arc<str>,
    ) -> Result<Vec<Evidence>, Error> {
        match section.get(raw.at..raw.at + raw.len + 1) {
            Some(line) => self.parse_line(line, raw, count, share),
            None => Err(Error::damaged(
                &self.name,
                raw.line,
                "evidence line cut short",
            )),
        }
    }

    /// Parses one evidence line (its JSON and the line break the edge says ends it).
    fn parse_line(
        &self,
        line: &[u8],
        raw: &RawEvidence,
        count: usize,
        share: &mut dyn FnMut(&str) -> Arc<str>,
    ) -> Result<Vec<Evidence>, Error> {
        let damaged = |message: String| Error::damaged(&self.name, raw.line, message);
        let (json, newline) = line.split_at(raw.len);
        if newline != b"\n" {
            return Err(damaged(
                "evidence line does not end where its edge says".into(),
            ));
        }
        if crc32fast::hash(json) != raw.crc {
            return Err(damaged(
                "evidence line's checksum does not match its edge: bytes were changed".into(),
            ));
        }
        let rows: Vec<StoreEvidence<'_>> =
            serde_json::from_slice(json).map_err(|e| damaged(format!("evidence: {e}")))?;
        if rows.len() != count {
            return Err(damaged(format!(
                "{} mentions where the edge counts {count}",
                rows.len()
            )));
        }
        rows.into_iter()
            .map(|ev| {
                let source = self.inputs.get(ev.input).cloned().ok_or_else(|| {
                    damaged(format!(
                        "evidence names input {} of {}",
                        ev.input,
                        self.inputs.len()
                    ))
                })?;
                if ev.start > ev.end {
                    return Err(damaged(format!(
                        "span {}..{} runs backwards",
                        ev.start, ev.end
                    )));
                }
                Ok(Evidence {
                    source,
                    start: ev.start,
                    end: ev.end,
                    text: ev.text.into_owned(),
                    pinpoint: ev.pinpoint.map(Cow::into_owned),
                    date: ev.date.as_deref().map(&mut *share),
                    doc_type: ev.doc_type,
                    issuer_name: ev.issuer_name.as_deref().map(&mut *share),
                    partial: ev.partial,
                    said: ev.said,
                    doubtful: ev.doubtful,
                })
            })
            .collect()
    }
}

impl CitationGraph {
    /// Writes the store to `path` atomically: a temporary file in the same directory, flushed to disk and
    /// renamed over the target, so an interrupted run never leaves a half-written store. A symlink is
    /// followed (the store it points to is replaced, the link kept), an existing store's permissions are
    /// kept, and a path that is not a regular file (`/dev/null`, a pipe) is written in place, never replaced.
    pub fn save(&self, path: &std::path::Path) -> Result<(), Error> {
        let name = path.display().to_string();
        crate::atomic::write_atomically(path, |w| {
            let mut w = w;
            self.write_store(&mut w)
        })
        .map_err(|e| Error::store_io(e, &name))
    }

    /// Writes the store: a first line holding the format, inputs, nodes and edges, then one line per edge
    /// holding its evidence as a JSON array. Nodes, edges and evidence are sorted, so equal graphs give
    /// equal bytes. Evidence still in a damaged loaded store fails the write rather than dropping it.
    pub fn write_store(&self, w: &mut impl std::io::Write) -> std::io::Result<()> {
        let mut inputs: Vec<StoreInputOut<'_>> = self
            .inputs
            .iter()
            .map(|(p, d)| StoreInputOut {
                path: p,
                document: DocumentOut::Parsed(d.as_ref()),
            })
            .chain(self.raw_documents.iter().map(|(p, raw)| StoreInputOut {
                path: p,
                document: DocumentOut::Raw(raw),
            }))
            .collect();
        inputs.sort_by(|a, b| a.path.cmp(b.path));
        let position: HashMap<&str, usize> = inputs
            .iter()
            .enumerate()
            .map(|(i, input)| (input.path, i))
            .collect();
        let nodes = self.nodes();
        let node_position: HashMap<&str, usize> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let edges = self.edges();
        let mut section: Vec<u8> = Vec::new();
        let mut out_edges = Vec::with_capacity(edges.len());
        for e in &edges {
            let at = section.len();
            let evidence = self.evidence(e.edge).map_err(std::io::Error::other)?;
            let rows: Vec<StoreEvidence<'_>> = evidence
                .iter()
                .map(|ev| StoreEvidence {
                    input: position.get(&*ev.source).copied().unwrap_or(usize::MAX),
                    start: ev.start,
                    end: ev.end,
                    text: Cow::Borrowed(&ev.text),
                    pinpoint: ev.pinpoint.as_deref().map(Cow::Borrowed),
                    date: ev.date.as_deref().map(Cow::Borrowed),
                    doc_type: ev.doc_type,
                    issuer_name: ev.issuer_name.as_deref().map(Cow::Borrowed),
                    partial: ev.partial,
                    said: ev.said,
                    doubtful: ev.doubtful,
                })
                .collect();
            serde_json::to_writer(&mut section, &rows).map_err(std::io::Error::other)?;
            out_edges.push((
                node_position.get(e.from).copied().unwrap_or(usize::MAX),
                node_position.get(e.to).copied().unwrap_or(usize::MAX),
                e.edge.relation,
                e.edge.count,
                at,
                section.len() - at,
                crc32fast::hash(&section[at..]),
            ));
            section.push(b'\n');
        }
        let header = StoreHeaderOut {
            format: FORMAT,
            inputs,
            nodes: nodes.iter().map(|n| StoreNode::of(n)).collect(),
            edges: out_edges,
        };
        let mut line = serde_json::to_vec(&header).map_err(std::io::Error::other)?;
        let crc = crc32fast::hash(&line);
        line.pop();
        line.extend_from_slice(format!("{CHECKSUM_KEY}{crc:08x}\"}}\n").as_bytes());
        w.write_all(&line)?;
        w.write_all(&section)
    }

    /// Reads a store written by [`CitationGraph::save`]: its first line now, evidence when asked for.
    pub fn load(path: &std::path::Path) -> Result<CitationGraph, Error> {
        use std::io::BufRead;
        let name = path.display().to_string();
        let io = |e: std::io::Error| Error::store_io(e, &name.clone());
        let file = std::fs::File::open(path).map_err(io)?;
        let size = file.metadata().map_err(io)?.len();
        let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
        let mut header = Vec::new();
        reader.read_until(b'\n', &mut header).map_err(io)?;
        let base = header.len() as u64;
        let file = reader.into_inner();
        CitationGraph::from_header(
            &header,
            &name,
            Section::File(std::sync::Mutex::new(file), base),
            size.saturating_sub(base),
        )
    }

    /// Reads a store from its bytes in memory; `name` is used in errors.
    pub fn from_store_bytes(bytes: Vec<u8>, name: &str) -> Result<CitationGraph, Error> {
        let split = bytes
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| p + 1);
        let section = bytes[split..].to_vec();
        let len = section.len() as u64;
        CitationGraph::from_header(&bytes[..split], name, Section::Bytes(section), len)
    }

    fn from_header(
        header: &[u8],
        name: &str,
        section: Section,
        section_len: u64,
    ) -> Result<CitationGraph, Error> {
        #[derive(serde::Deserialize)]
        struct Format {
            format: Option<String>,
        }
        let damaged = |message: String| Error::damaged(name, 1, message);
        // One fast validation lets the parser skip checking every string again.
        let text =
            simdutf8::basic::from_utf8(header).map_err(|_| damaged("not UTF-8".to_string()))?;
        let file: StoreFileIn<'_> = match serde_json::from_str(text) {
            Ok(f) => f,
            Err(e) => {
                // Tell a store of another version from a damaged one.
                if let Ok(Format {
                    format: Some(found),
                }) = serde_json::from_str::<Format>(text)
                {
                    if found != FORMAT {
                        return Err(Error::new(
                            ErrorKind::StoreVersion { found },
                            name.to_string(),
                        ));
                    }
                }
                return Err(damaged(e.to_string()));
            }
        };
        if file.format != FORMAT {
            return Err(Error::new(
                ErrorKind::StoreVersion {
                    found: file.format.into_owned(),
                },
                name.to_string(),
            ));
        }
        if !header.ends_with(b"\n") {
            return Err(damaged("the first line is cut short".to_string()));
        }
        match checksums(header) {
            Some((stated, computed)) if stated == computed => {}
            Some(_) => {
                return Err(damaged(
                    "the first line's checksum does not match: bytes were changed".to_string(),
                ))
            }
            None => return Err(damaged("the first line has no checksum".to_string())),
        }
        let mut g = CitationGraph::new();
        let paths: Vec<Arc<str>> = file.inputs.iter().map(|i| g.share(&i.path)).collect();
        g.raw_documents = file
            .inputs
            .into_iter()
            .map(|i| (i.path.into_owned(), i.document))
            .collect();
        g.graph.reserve_nodes(file.nodes.len());
        g.graph.reserve_edges(file.edges.len());
        let mut positions: Vec<NodeIndex> = Vec::with_capacity(file.nodes.len());
        for node in file.nodes {
            let node = node.into_node();
            if node.kind != node.id.kind() {
                return Err(damaged(format!(
                    "node {} is not of kind {:?}",
                    node.id, node.kind
                )));
            }
            if node.kind == NodeKind::Document {
                let facts = CitedFacts {
                    symbol: node.symbol.clone(),
                    name: node.name.clone(),
                    year: node.year,
                    issuers: node.issuers.clone(),
                };
                g.facts.insert(node.id.clone(), [(facts, 1)].into());
            }
            let id = node.id.clone();
            let ix = g.graph.add_node(node);
            if g.index.insert(id.clone(), ix).is_some() {
                return Err(damaged(format!("node {id} is listed twice")));
            }
            positions.push(ix);
        }
        // The evidence lines must tile the section: each starts where the one before ended, and the last
        // ends where the file does. A cut or padded file, or a length that points past it, is caught here.
        let mut expected = 0usize;
        // Edges are written sorted by (from, to, relation) over sorted nodes, so each key is greater than the
        // one before: a repeated or moved edge breaks the order, and no set of a million keys is needed.
        let mut previous: Option<(u32, u32, Relation)> = None;
        for (k, (from, to, relation, count, at, len, crc)) in file.edges.into_iter().enumerate() {
            let line = k + 2;
            let (Some(&from_ix), Some(&to_ix)) =
                (positions.get(from as usize), positions.get(to as usize))
            else {
                return Err(damaged(format!(
                    "edge {from} -> {to} names a node the store lacks ({} nodes)",
                    positions.len()
                )));
            };
            let key = (from, to, relation);
            if previous.is_some_and(|p| p >= key) {
                return Err(damaged(format!(
                    "edge {from} -> {to} {relation} is listed twice or out of order"
                )));
            }
            previous = Some(key);
            let (count, len) = (count as usize, len as usize);
            let Ok(at) = usize::try_from(at) else {
                return Err(damaged(format!(
                    "edge {from} -> {to} is placed past memory"
                )));
            };
            let ends = at.checked_add(len).and_then(|e| e.checked_add(1));
            let fits = ends.is_some_and(|e| e as u64 <= section_len);
            if at != expected || !fits {
                return Err(Error::damaged(
                    name,
                    line,
                    format!(
                        "evidence of edge {} placed at bytes {at}..+{len} of a {section_len}-byte section \
                         where byte {expected} was next: the store is cut or damaged",
                        k + 1
                    ),
                ));
            }
            expected = ends.unwrap_or(usize::MAX);
            g.graph.add_edge(
                from_ix,
                to_ix,
                Edge {
                    relation,
                    count,
                    evidence: Vec::new(),
                    raw: Some(RawEvidence { at, len, line, crc }),
                },
            );
        }
        if expected as u64 != section_len {
            return Err(Error::damaged(
                name,
                g.graph.edge_count() + 2,
                format!(
                    "{} bytes follow the last edge's evidence: the store is damaged",
                    section_len - expected as u64
                ),
            ));
        }
        g.store = Some(Arc::new(Loaded {
            name: name.to_string(),
            section,
            inputs: paths,
        }));
        Ok(g)
    }
}
