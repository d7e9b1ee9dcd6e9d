//! The store file (see the README, "Graph store"): a first line with the format, input paths, nodes and a
//! compact edge table, a second line with the inputs' header documents, then one line per edge holding its
//! evidence as a JSON array. Loading reads the first line and checks that the edges' evidence lines tile the
//! rest of the file exactly; the documents are parsed when a rebuild needs them and an edge's evidence when
//! asked for, and every parse failure is an error naming the store and the line, never an empty answer.
//!
//! A new store version: bump [`FORMAT`], change `wire`, and keep `load` refusing the old tag with its message.

mod wire;
mod write;

use super::{CitationGraph, Edge, Evidence, Mentions};
use crate::error::{Error, ErrorKind};
use crate::model::Document;
use crate::vocab::Relation;
use base64::Engine as _;
use petgraph::stable_graph::NodeIndex;
use std::borrow::Cow;
use std::sync::Arc;
use wire::{EdgeRecord, StoreEvidence, StoreFileIn, StoreNode};

/// Line of the inputs' header documents; evidence lines follow it.
const DOCUMENTS_LINE: usize = 2;

/// Version tag of the store format; a store with another tag is refused.
pub const FORMAT: &str = "vncite-graph/4";

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
    at: u64,
    len: u32,
    crc: u32,
    line: u32,
}

impl RawEvidence {
    fn at(&self) -> usize {
        usize::try_from(self.at).unwrap_or(usize::MAX)
    }

    fn len(&self) -> usize {
        self.len as usize
    }

    pub(super) fn line(&self) -> usize {
        self.line as usize
    }

    /// The line's bytes with its line break, in a section whose evidence starts at `base`.
    fn span(&self, base: usize) -> Option<std::ops::Range<usize>> {
        let start = base.checked_add(self.at())?;
        Some(start..start.checked_add(self.len())?.checked_add(1)?)
    }
}

/// The items of a JSON array, cut apart already, each parsed by `parse`, in runs on every core of the
/// current rayon pool; the first failure in item order is the error.
fn parse_items<'j, T: Send>(
    items: &[&'j serde_json::value::RawValue],
    parse: impl Fn(&'j str) -> serde_json::Result<T> + Sync + Send,
) -> serde_json::Result<Vec<T>> {
    let parsed = crate::graph::map_in_order(&crate::graph::runs(items), |run| {
        run.iter()
            .map(|item| parse(item.get()))
            .collect::<serde_json::Result<Vec<T>>>()
    });
    let mut all = Vec::with_capacity(items.len());
    for run in parsed {
        all.extend(run?);
    }
    Ok(all)
}

/// An input's path and its header document.
pub(crate) type InputDocument = (Arc<str>, Option<Document>);

/// A loaded store's documents and evidence and what reading them needs.
#[derive(Debug)]
pub(crate) struct Loaded {
    name: String,
    /// Everything after the first line: the documents line, then the evidence lines.
    section: Section,
    /// The documents line's length without its line break, and its CRC-32.
    documents: (usize, u32),
    /// Input paths in store order, which evidence and the documents line refer to by position.
    inputs: Vec<Arc<str>>,
}

/// The bytes after the first line: in the mapped store file (from the offset given) or in memory.
#[derive(Debug)]
enum Section {
    Mapped(Arc<memmap2::Mmap>, usize),
    Bytes(Vec<u8>),
}

/// Where the first line of a store's bytes ends (after its line break).
fn first_line_end(bytes: &[u8]) -> usize {
    memchr::memchr(b'\n', bytes).map_or(bytes.len(), |p| p + 1)
}

impl Loaded {
    /// Whether every input of this store keeps its position among `paths`, the inputs of the store to be
    /// written in order: inputs added after the last of its inputs, in path order, keep them.
    fn keeps_positions<'p>(&self, paths: impl ExactSizeIterator<Item = &'p str>) -> bool {
        self.inputs.len() <= paths.len() && self.inputs.iter().zip(paths).all(|(a, b)| **a == *b)
    }

    /// Maps every page of the stored file at once, ahead of a pass that reads it all (checking and copying
    /// every evidence line): a page at a time, the faults cost more than the checksums. Only advice; a
    /// kernel without it reads the pages as they are touched.
    pub(crate) fn populate(&self) {
        if let Section::Mapped(map, _) = &self.section {
            let _ = map.advise(memmap2::Advice::PopulateRead);
        }
    }

    /// Where the evidence lines start in the section.
    fn evidence_base(&self) -> usize {
        self.documents.0 + 1
    }

    /// The bytes after the first line. Both kinds of section are in memory (the map is the page cache),
    /// so every reader slices them; none reads the file again.
    fn rest(&self) -> &[u8] {
        match &self.section {
            Section::Bytes(b) => b,
            Section::Mapped(map, base) => map.get(*base..).unwrap_or_default(),
        }
    }

    /// The documents line's JSON, checked against the length and CRC-32 the first line gives.
    fn documents_json(&self) -> Result<&[u8], Error> {
        let damaged = |message: &str| Error::damaged(&self.name, DOCUMENTS_LINE, message);
        let (len, crc) = self.documents;
        let line = self
            .rest()
            .get(..len + 1)
            .ok_or_else(|| damaged("the documents line is cut short"))?;
        if line.last() != Some(&b'\n') {
            return Err(damaged(
                "the documents line does not end where the first line says",
            ));
        }
        if crc32fast::hash(&line[..len]) != crc {
            return Err(damaged(
                "the documents line's checksum does not match: bytes were changed",
            ));
        }
        Ok(&line[..len])
    }

    /// Each input's header document, in store order.
    pub(crate) fn documents(&self) -> Result<Vec<InputDocument>, Error> {
        let damaged = |message: String| Error::damaged(&self.name, DOCUMENTS_LINE, message);
        let json = self.documents_json()?;
        // The array is cut into its items first, then the items parsed on every core: one thread parsing a
        // hundred thousand headers was a fifth of an incremental build.
        let items: Vec<&serde_json::value::RawValue> =
            serde_json::from_slice(json).map_err(|e| damaged(format!("documents: {e}")))?;
        let documents: Vec<Option<Document>> = parse_items(&items, serde_json::from_str)
            .map_err(|e| damaged(format!("documents: {e}")))?;
        if documents.len() != self.inputs.len() {
            return Err(damaged(format!(
                "{} documents for {} inputs",
                documents.len(),
                self.inputs.len()
            )));
        }
        Ok(self.inputs.iter().cloned().zip(documents).collect())
    }

    /// An edge's evidence line as stored, without its line break, when it is there whole.
    fn line_json(&self, raw: &RawEvidence) -> Option<&[u8]> {
        let line = self.rest().get(raw.span(self.evidence_base())?)?;
        line.get(..raw.len())
    }

    /// One edge's evidence, read from the store and parsed: the one line it needs.
    pub(crate) fn evidence(
        &self,
        raw: &RawEvidence,
        count: usize,
        share: &mut dyn FnMut(&str) -> Arc<str>,
    ) -> Result<Vec<Evidence>, Error> {
        match raw
            .span(self.evidence_base())
            .and_then(|span| self.rest().get(span))
        {
            Some(line) => self.parse_line(line, raw, count, share),
            None => Err(Error::damaged(
                &self.name,
                raw.line(),
                "evidence line cut short",
            )),
        }
    }

    /// Whether one edge's evidence line is whole: where its edge says, ending there, with its checksum. What
    /// an incremental build checks of the lines it copies without parsing them.
    pub(crate) fn check(&self, raw: &RawEvidence) -> Result<(), Error> {
        match raw
            .span(self.evidence_base())
            .and_then(|span| self.rest().get(span))
        {
            Some(line) => self.checked_json(line, raw).map(|_| ()),
            None => Err(Error::damaged(
                &self.name,
                raw.line(),
                "evidence line cut short",
            )),
        }
    }

    /// The JSON of one evidence line, once its line break and checksum are where its edge says.
    fn checked_json<'l>(&self, line: &'l [u8], raw: &RawEvidence) -> Result<&'l [u8], Error> {
        let damaged = |message: &str| Error::damaged(&self.name, raw.line(), message.to_string());
        let (json, newline) = line.split_at(raw.len());
        if newline != b"\n" {
            return Err(damaged("evidence line does not end where its edge says"));
        }
        if crc32fast::hash(json) != raw.crc {
            return Err(damaged(
                "evidence line's checksum does not match its edge: bytes were changed",
            ));
        }
        Ok(json)
    }

    /// Parses one evidence line (its JSON and the line break the edge says ends it).
    fn parse_line(
        &self,
        line: &[u8],
        raw: &RawEvidence,
        count: usize,
        share: &mut dyn FnMut(&str) -> Arc<str>,
    ) -> Result<Vec<Evidence>, Error> {
        let damaged = |message: String| Error::damaged(&self.name, raw.line(), message);
        let json = self.checked_json(line, raw)?;
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
    /// Reads a store written by [`CitationGraph::save`]: its first line now, documents and evidence when
    /// asked for. A regular file is memory-mapped, so the first line is parsed where the page cache holds
    /// it instead of being copied into fresh memory (zeroing fresh pages was most of a load's time); any
    /// other file (a pipe, a device) is read whole.
    pub fn load(path: &std::path::Path) -> Result<CitationGraph, Error> {
        use std::io::Read;
        let name = path.display().to_string();
        let io = |e: std::io::Error| Error::store_io(e, &name.clone());
        let mut file = std::fs::File::open(path).map_err(io)?;
        let meta = file.metadata().map_err(io)?;
        if meta.is_file() && meta.len() > 0 {
            // SAFETY: vncite never changes a store in place: it writes a new file and renames it over the
            // old one, so the mapped file stays as it was while it is read. Another program that rewrote it
            // in place would at worst show changed bytes, which the checksums refuse, or a shorter file,
            // which ends the process as reading a file's vanished pages does (as in any memory-mapped
            // reader, ripgrep's among them).
            let map = unsafe { memmap2::Mmap::map(&file) }.map_err(io)?;
            let map = Arc::new(map);
            let split = first_line_end(&map);
            return CitationGraph::from_header(
                &map[..split],
                &name,
                Section::Mapped(Arc::clone(&map), split),
            );
        }
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).map_err(io)?;
        CitationGraph::from_store_bytes(bytes, &name)
    }

    /// Reads a store from its bytes in memory; `name` is used in errors.
    pub fn from_store_bytes(mut bytes: Vec<u8>, name: &str) -> Result<CitationGraph, Error> {
        let section = bytes.split_off(first_line_end(&bytes));
        CitationGraph::from_header(&bytes, name, Section::Bytes(section))
    }

    /// The graph a store's first line gives, and the store around it in `section` (the rest of the
    /// store, after the first line).
    fn from_header(header: &[u8], name: &str, section: Section) -> Result<CitationGraph, Error> {
        let section_len = match &section {
            Section::Bytes(b) => b.len(),
            Section::Mapped(map, base) => map.len().saturating_sub(*base),
        } as u64;
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
        g.facts_pending = true;
        // A loaded store was settled when it was saved: only what later inputs touch is settled again.
        g.touched = Some(Default::default());
        let paths: Vec<Arc<str>> = file.inputs.iter().map(|p| g.share(p)).collect();
        g.pending_inputs = file.inputs.into_iter().map(Cow::into_owned).collect();
        let documents = match usize::try_from(file.documents.0) {
            Ok(len) if (len as u64) < section_len => (len, file.documents.1),
            _ => {
                return Err(Error::damaged(
                    name,
                    DOCUMENTS_LINE,
                    "the documents line is cut short",
                ))
            }
        };
        let evidence_len = section_len - documents.0 as u64 - 1;
        let table = base64::engine::general_purpose::STANDARD
            .decode(file.edges.as_bytes())
            .map_err(|e| damaged(format!("edge table: {e}")))?;
        if table.len() % EdgeRecord::SIZE != 0 {
            return Err(damaged(format!(
                "edge table of {} bytes, not whole records",
                table.len()
            )));
        }
        // An eighth more room than the store needs, so that adding inputs to it does not double its
        // tables; room never written is never touched, so a load that only queries costs nothing more.
        let (nodes, edges) = (file.nodes.len(), table.len() / EdgeRecord::SIZE);
        g.graph.reserve_exact_nodes(nodes + nodes / 8);
        g.graph.reserve_exact_edges(edges + edges / 8);
        let mut positions: Vec<NodeIndex> = Vec::with_capacity(file.nodes.len());
        // Parsed on every core: one thread parsing 200,000 nodes was most of a load.
        let nodes = parse_items(&file.nodes, |raw| {
            serde_json::from_str::<StoreNode<'_>>(raw).map(|node| Box::new(node.into_node()))
        })
        .map_err(|e| damaged(format!("nodes: {e}")))?;
        drop(file.nodes);
        for node in nodes {
            if node.kind != node.id.kind() {
                return Err(damaged(format!(
                    "node {} is not of kind {:?}",
                    node.id, node.kind
                )));
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
        for (k, record) in table.chunks_exact(EdgeRecord::SIZE).enumerate() {
            let line = k + DOCUMENTS_LINE + 1;
            let Some(EdgeRecord {
                from,
                to,
                relation,
                count,
                len,
                crc,
            }) = EdgeRecord::read(record)
            else {
                return Err(damaged(format!(
                    "edge {} has an unknown relation code",
                    k + 1
                )));
            };
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
            let (count, len, at) = (count as usize, len as usize, expected);
            let ends = at.checked_add(len).and_then(|e| e.checked_add(1));
            if ends.is_none_or(|e| e as u64 > evidence_len) {
                return Err(Error::damaged(
                    name,
                    line,
                    format!(
                        "evidence of edge {} placed at bytes {at}..+{len} of a {evidence_len}-byte section: \
                         the store is cut or damaged",
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
                    count: count as u32,
                    mentions: Mentions::Stored(RawEvidence {
                        at: at as u64,
                        len: len as u32,
                        crc,
                        line: u32::try_from(line).unwrap_or(u32::MAX),
                    }),
                },
            );
        }
        if expected as u64 != evidence_len {
            return Err(Error::damaged(
                name,
                g.graph.edge_count() + DOCUMENTS_LINE + 1,
                format!(
                    "{} bytes follow the last edge's evidence: the store is damaged",
                    evidence_len - expected as u64
                ),
            ));
        }
        g.store = Some(Arc::new(Loaded {
            name: name.to_string(),
            section,
            documents,
            inputs: paths,
        }));
        Ok(g)
    }
}
