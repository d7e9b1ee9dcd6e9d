//! Writing a store. The evidence section is the store's largest part (two thirds of a million-edge store),
//! so it is never held whole: a first pass serializes each edge's evidence only to learn the length and
//! CRC-32 the edge table records, and a second pass serializes it again straight to the file. Both passes
//! run over chunks of edges on every core of the current rayon pool (with the `parallel` feature), so the
//! second costs wall time only on one core, and memory stays a few chunks' worth.

use super::wire::{EdgeRecord, StoreEvidence, StoreHeaderOut, StoreNode};
use super::{Loaded, RawEvidence, CHECKSUM_KEY, FORMAT};
use crate::error::Error;
use crate::graph::{CitationGraph, RankedEdge};
use crate::model::Document;
use rustc_hash::FxHashMap as HashMap;
use serde::Serializer as _;
use std::borrow::Cow;
use std::io::{self, Write};

/// Edges per unit of parallel work.
const CHUNK_EDGES: usize = 4096;

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

    /// Writes the store: a first line holding the format, input paths, nodes and the edge table, a second
    /// line with the inputs' header documents, then one line per edge holding its evidence as a JSON array.
    /// Nodes, edges and evidence are sorted, so equal graphs give equal bytes. Evidence still in a damaged
    /// loaded store fails the write rather than dropping it.
    pub fn write_store(&self, w: &mut impl Write) -> io::Result<()> {
        // The documents line is serialized while the nodes and edges are sorted.
        let (documents, (nodes, edges)) =
            crate::graph::join(|| self.documents_line(), || self.nodes_and_edges());
        let (inputs, documents) = documents?;
        let position: HashMap<&str, usize> = inputs
            .iter()
            .enumerate()
            .map(|(i, path)| (*path, i))
            .collect();
        // Lines of unchanged edges are copied from the loaded store when every input it names by position
        // keeps its position (inputs added after the last of its inputs, in path order, keep them).
        let copy_from = self
            .store
            .as_deref()
            .or(self.lines_from.as_deref())
            .filter(|loaded| loaded.keeps_positions(inputs.iter().copied()));
        let lines = Lines {
            graph: self,
            edges: &edges,
            position: &position,
            copy_from,
        };
        let mut table = Vec::with_capacity(edges.len() * EdgeRecord::SIZE);
        for chunk in lines.each_chunk(Lines::measure) {
            for (e, (len, crc)) in chunk? {
                EdgeRecord {
                    from: e.from,
                    to: e.to,
                    relation: e.edge.relation,
                    count: e.edge.count,
                    len,
                    crc,
                }
                .write(&mut table);
            }
        }
        let header = StoreHeaderOut {
            format: FORMAT,
            inputs,
            documents: (documents.len(), crc32fast::hash(&documents)),
        };
        let mut opening = serde_json::to_vec(&header).map_err(io::Error::other)?;
        // The object stays open for the two fields that follow, as serde_json would write them.
        opening.pop();
        let mut line = ChecksummedLine::new(&mut *w);
        line.write_all(&opening)?;
        line.write_all(b",\"nodes\":")?;
        write_nodes(&nodes, &mut line)?;
        // Base64 needs no escaping inside a JSON string: the table is encoded as it is written, never
        // held a second time as text.
        line.write_all(b",\"edges\":\"")?;
        {
            let mut encoder = base64::write::EncoderWriter::new(
                &mut line,
                &base64::engine::general_purpose::STANDARD,
            );
            encoder.write_all(&table)?;
            encoder.finish()?;
        }
        drop(table);
        line.write_all(b"\"}")?;
        line.finish()?;
        w.write_all(&documents)?;
        w.write_all(b"\n")?;
        for chunk in lines.each_chunk(Lines::serialize) {
            w.write_all(&chunk?)?;
        }
        Ok(())
    }
}

impl CitationGraph {
    /// The store's input paths and its second line, the inputs' header documents: a loaded store's
    /// documents that no rebuild has parsed are copied as they were read.
    fn documents_line(&self) -> io::Result<(Vec<&str>, Cow<'_, [u8]>)> {
        Ok(match &self.store {
            Some(loaded) if !self.pending_inputs.is_empty() => (
                self.pending_inputs.iter().map(String::as_str).collect(),
                Cow::Borrowed(loaded.documents_json().map_err(io::Error::other)?),
            ),
            loaded => {
                let appended = loaded
                    .as_deref()
                    .map(|loaded| appended_documents(loaded, &self.inputs))
                    .transpose()?
                    .flatten();
                let json = match appended {
                    Some(json) => json,
                    None => {
                        let documents: Vec<Option<&Document>> =
                            self.inputs.values().map(Option::as_ref).collect();
                        serde_json::to_vec(&documents).map_err(io::Error::other)?
                    }
                };
                (
                    self.inputs.keys().map(String::as_str).collect(),
                    Cow::Owned(json),
                )
            }
        })
    }
}

/// The documents line of a store still loaded whose inputs were only added after its last, in path order:
/// its line as read with the new inputs' documents appended, the bytes serde_json gives for the whole array,
/// without serializing a hundred thousand headers again. `None` when the inputs are not such.
fn appended_documents(
    loaded: &Loaded,
    inputs: &std::collections::BTreeMap<String, Option<Document>>,
) -> io::Result<Option<Vec<u8>>> {
    let kept = loaded.inputs.len();
    if kept == 0 || !loaded.keeps_positions(inputs.keys().map(String::as_str)) {
        return Ok(None);
    }
    let old = loaded.documents_json().map_err(io::Error::other)?;
    let Some((b']', body)) = old.split_last().map(|(last, body)| (*last, body)) else {
        return Ok(None);
    };
    let mut json = Vec::with_capacity(old.len() + (inputs.len() - kept) * 512);
    json.extend_from_slice(body);
    for doc in inputs.values().skip(kept) {
        json.push(b',');
        serde_json::to_writer(&mut json, doc).map_err(io::Error::other)?;
    }
    json.push(b']');
    Ok(Some(json))
}

/// Nodes per unit of parallel work when the nodes are serialized.
const CHUNK_NODES: usize = 8192;

/// Writes the nodes as the JSON array serde_json writes for them, its chunks serialized on every core of
/// the current rayon pool: one thread serializing 200,000 nodes was a tenth of a full build's saving.
fn write_nodes(nodes: &[&crate::graph::Node], w: &mut impl Write) -> io::Result<()> {
    let chunks: Vec<&[&crate::graph::Node]> = nodes.chunks(CHUNK_NODES).collect();
    let parts = crate::graph::map_in_order(&chunks, |chunk| -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        for (i, n) in chunk.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            serde_json::to_writer(&mut out, &StoreNode::of(n)).map_err(io::Error::other)?;
        }
        Ok(out)
    });
    w.write_all(b"[")?;
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        w.write_all(&part?)?;
    }
    w.write_all(b"]")
}

/// The evidence lines of a store's sorted edges.
struct Lines<'a> {
    graph: &'a CitationGraph,
    edges: &'a [RankedEdge<'a>],
    position: &'a HashMap<&'a str, usize>,
    copy_from: Option<&'a Loaded>,
}

impl<'a> Lines<'a> {
    /// Edge `e`'s line in the loaded store, when it can be copied as it is.
    fn stored(&self, e: &'a RankedEdge<'a>) -> Option<(&'a [u8], &'a RawEvidence)> {
        let raw = e.edge.store_line()?;
        Some((self.copy_from?.line_json(raw)?, raw))
    }

    /// Writes edge `e`'s evidence line, without its newline, to `out`.
    fn write_line(&self, e: &RankedEdge<'_>, out: &mut Vec<u8>) -> io::Result<()> {
        let evidence = self.graph.evidence(e.edge).map_err(io::Error::other)?;
        let rows = evidence.iter().map(|ev| StoreEvidence {
            input: self
                .position
                .get(&*ev.source)
                .copied()
                .unwrap_or(usize::MAX),
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
        });
        serde_json::Serializer::new(out)
            .collect_seq(rows)
            .map_err(io::Error::other)
    }

    /// Each edge of a chunk with its evidence line's length and CRC-32: as stored for a line that is copied,
    /// else from serializing it.
    fn measure(
        &self,
        chunk: &'a [RankedEdge<'a>],
    ) -> io::Result<Vec<(&'a RankedEdge<'a>, (u32, u32))>> {
        let mut buf = Vec::new();
        chunk
            .iter()
            .map(|e| {
                if let Some((_, raw)) = self.stored(e) {
                    return Ok((e, (raw.len, raw.crc)));
                }
                buf.clear();
                self.write_line(e, &mut buf)?;
                let len = u32::try_from(buf.len())
                    .map_err(|_| io::Error::other("an evidence line does not fit the store"))?;
                Ok((e, (len, crc32fast::hash(&buf))))
            })
            .collect()
    }

    /// A chunk's evidence lines, each ending in a newline.
    fn serialize(&self, chunk: &'a [RankedEdge<'a>]) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        for e in chunk {
            match self.stored(e) {
                Some((line, _)) => out.extend_from_slice(line),
                None => self.write_line(e, &mut out)?,
            }
            out.push(b'\n');
        }
        Ok(out)
    }

    /// `work` over the edges in chunks, results in edge order; a few chunks at a time run on every core
    /// of the current rayon pool, so that only those are held at once.
    fn each_chunk<T: Send + 'a>(
        &'a self,
        work: fn(&Self, &'a [RankedEdge<'a>]) -> io::Result<T>,
    ) -> impl Iterator<Item = io::Result<T>> + 'a
    where
        Self: Sync,
    {
        // Chunks in flight at once: two per thread.
        let wave = CHUNK_EDGES * crate::graph::pool_threads() * 2;
        self.edges.chunks(wave).flat_map(move |batch| {
            let chunks: Vec<&'a [RankedEdge<'a>]> = batch.chunks(CHUNK_EDGES).collect();
            crate::graph::map_in_order(&chunks, |c| work(self, c))
        })
    }
}

/// The first line, written as serialized: every byte goes into its CRC-32, and the closing `}` is held back
/// so that [`ChecksummedLine::finish`] can write the checksum as the line's last field instead.
struct ChecksummedLine<W: Write> {
    inner: W,
    crc: crc32fast::Hasher,
    held: Option<u8>,
}

impl<W: Write> ChecksummedLine<W> {
    fn new(inner: W) -> Self {
        ChecksummedLine {
            inner,
            crc: crc32fast::Hasher::new(),
            held: None,
        }
    }

    fn finish(mut self) -> io::Result<()> {
        if self.held != Some(b'}') {
            return Err(io::Error::other(
                "the store's first line is not a JSON object",
            ));
        }
        let crc = self.crc.finalize();
        self.inner
            .write_all(format!("{CHECKSUM_KEY}{crc:08x}\"}}\n").as_bytes())
    }
}

impl<W: Write> Write for ChecksummedLine<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let Some((&last, rest)) = buf.split_last() else {
            return Ok(0);
        };
        if let Some(held) = self.held {
            self.inner.write_all(&[held])?;
        }
        self.inner.write_all(rest)?;
        self.crc.update(buf);
        self.held = Some(last);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
