//! `vncite._vncite`: the native half of the Python package. Every call hands the work to the vncite
//! library with the GIL released and returns what the command line prints (the contract's JSON, the
//! query JSON, GraphML), so Python and the CLI cannot disagree; `vncite/__init__.py` turns it into
//! objects.

use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rayon::prelude::*;
use std::path::PathBuf;
use vncite::graph::Direction;
use vncite::input::{self, Encoding, ReadOptions, Source};
use vncite::query::{self, Filter, Rank};
use vncite::{CitationGraph, DocType, Extraction, Relation};

/// Rust's allocations in the extension go through mimalloc, as in the command line; Python's own objects
/// are untouched.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// vncite's errors as Python exceptions: unreadable inputs and stores are `OSError`, everything else a
/// `ValueError` with vncite's own message.
fn py_err(e: vncite::Error) -> PyErr {
    match e.kind() {
        vncite::ErrorKind::Io(_) | vncite::ErrorKind::StoreIo(_) => {
            PyOSError::new_err(e.to_string())
        }
        _ => PyValueError::new_err(e.to_string()),
    }
}

fn json_line(name: &str, found: &Extraction) -> String {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = vncite::print::write_json_line(&mut out, &mut buf, name, found);
    while out.last() == Some(&b'\n') {
        out.pop();
    }
    String::from_utf8(out).unwrap_or_default()
}

fn options(encoding: Option<&str>) -> PyResult<ReadOptions> {
    let encoding = match encoding {
        None => None,
        Some(name) => Some(
            Encoding::from_name(name)
                .ok_or_else(|| PyValueError::new_err(format!("unknown encoding {name:?}")))?,
        ),
    };
    Ok(ReadOptions::new().encoding(encoding))
}

/// The contract's JSON record of one text (`vncite extract --format json` for one input).
#[pyfunction]
#[pyo3(signature = (text, source = "-"))]
fn extract_json(py: Python<'_>, text: &str, source: &str) -> String {
    py.detach(|| json_line(source, &vncite::extract(text)))
}

/// The JSON records of many texts, extracted on every core, in the order given.
#[pyfunction]
#[pyo3(signature = (texts, sources = None))]
fn extract_many_json(
    py: Python<'_>,
    texts: Vec<String>,
    sources: Option<Vec<String>>,
) -> PyResult<Vec<String>> {
    if let Some(s) = &sources {
        if s.len() != texts.len() {
            return Err(PyValueError::new_err("sources and texts differ in length"));
        }
    }
    Ok(py.detach(|| {
        texts
            .par_iter()
            .enumerate()
            .map(|(i, t)| {
                let name = sources.as_ref().map_or("-", |s| s[i].as_str());
                json_line(name, &vncite::extract(t))
            })
            .collect()
    }))
}

/// The JSON record of one file, read as the command line reads it (any encoding, HTML, .docx, .odt,
/// PDF); spans point into the file's bytes as `vncite extract` gives them.
#[pyfunction]
#[pyo3(signature = (path, encoding = None))]
fn read_json(py: Python<'_>, path: PathBuf, encoding: Option<&str>) -> PyResult<String> {
    let options = options(encoding)?;
    py.detach(|| {
        let source = Source::File(path);
        let text = input::read_with(&source, options).map_err(py_err)?;
        Ok(json_line(&source.name(), &text.extract()))
    })
}

/// The text vncite reads from a file (`vncite text`).
#[pyfunction]
#[pyo3(signature = (path, encoding = None))]
fn read_text(py: Python<'_>, path: PathBuf, encoding: Option<&str>) -> PyResult<String> {
    let options = options(encoding)?;
    py.detach(|| {
        let text = input::read_with(&Source::File(path), options).map_err(py_err)?;
        Ok(text.to_string())
    })
}

/// `text` with its references marked: `html`, `markdown` or `json` (`vncite annotate`).
#[pyfunction]
#[pyo3(signature = (text, format = "html", link = None, graph = None))]
fn annotate(
    py: Python<'_>,
    text: &str,
    format: &str,
    link: Option<&str>,
    graph: Option<PyRef<'_, Graph>>,
) -> PyResult<String> {
    let format = match format {
        "html" => vncite::annotate::Format::Html,
        "markdown" | "md" => vncite::annotate::Format::Markdown,
        "json" => vncite::annotate::Format::Json,
        other => {
            return Err(PyValueError::new_err(format!(
                "unknown format {other:?}: html, markdown or json"
            )))
        }
    };
    let graph = graph.as_ref().map(|g| &g.graph);
    py.detach(|| {
        let found = vncite::extract(text);
        let mut options = vncite::annotate::Options::new(format);
        if let Some(t) = link {
            options = options.link(t);
        }
        if let Some(g) = graph {
            options = options.graph(g);
        }
        Ok(vncite::annotate::annotate(text, &found, &options))
    })
}

fn filter(relation: Option<Vec<String>>, doc_type: Option<Vec<String>>) -> PyResult<Filter> {
    let mut f = Filter::default();
    for r in relation.unwrap_or_default() {
        let rel: Relation = r
            .parse()
            .map_err(|e| PyValueError::new_err(format!("{e}")))?;
        f.relations.insert(rel);
    }
    for t in doc_type.unwrap_or_default() {
        let ty: DocType = t
            .parse()
            .map_err(|e| PyValueError::new_err(format!("{e}")))?;
        f.doc_types.insert(ty);
    }
    Ok(f)
}

fn to_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// A citation graph: built from files, or loaded from a store `vncite graph build` wrote.
#[pyclass(module = "vncite._vncite", frozen)]
struct Graph {
    graph: CitationGraph,
}

#[pymethods]
impl Graph {
    /// Builds the graph of files and directories (read recursively, keeping `extensions`), on every
    /// core. Inputs that cannot be read are listed in `Graph.skipped` with vncite's message.
    #[staticmethod]
    #[pyo3(signature = (paths, extensions = None, encoding = None))]
    fn build(
        py: Python<'_>,
        paths: Vec<String>,
        extensions: Option<Vec<String>>,
        encoding: Option<&str>,
    ) -> PyResult<(Graph, Vec<String>)> {
        let options = options(encoding)?;
        let extensions = extensions.unwrap_or_else(|| input::EXTENSIONS.map(String::from).to_vec());
        py.detach(|| {
            let sources = input::expand(&paths, &extensions);
            let results: Vec<Result<(String, Extraction), vncite::Error>> = sources
                .into_par_iter()
                .map(|s| {
                    let source = s?;
                    let text = input::read_with(&source, options)?;
                    Ok((source.graph_name(), text.extract()))
                })
                .collect();
            let mut read = Vec::new();
            let mut skipped = Vec::new();
            for r in results {
                match r {
                    Ok(v) => read.push(v),
                    Err(e) => skipped.push(e.to_string()),
                }
            }
            let mut graph = CitationGraph::new();
            graph
                .add_inputs(read.iter().map(|(p, x)| (p.as_str(), x)))
                .map_err(py_err)?;
            Ok((Graph { graph }, skipped))
        })
    }

    /// Loads a store.
    #[staticmethod]
    fn load(py: Python<'_>, store: PathBuf) -> PyResult<Graph> {
        py.detach(|| {
            CitationGraph::load(&store)
                .map(|graph| Graph { graph })
                .map_err(py_err)
        })
    }

    /// Writes the graph as a store (replaced whole, never half-written).
    fn save(&self, py: Python<'_>, store: PathBuf) -> PyResult<()> {
        py.detach(|| self.graph.save(&store).map_err(py_err))
    }

    /// Number of nodes (documents and issuers).
    #[getter]
    fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    #[getter]
    fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node id a reference or id names (`"Nghị định 30/2020/NĐ-CP"`, `doc:30/2020/NĐ-CP`).
    fn resolve(&self, doc: &str) -> PyResult<String> {
        query::resolve_doc(&self.graph, doc).map_err(py_err)
    }

    /// `vncite query ancestors|descendants --format json`.
    #[pyo3(signature = (doc, direction, depth = None, relation = None, doc_type = None))]
    fn lineage_json(
        &self,
        py: Python<'_>,
        doc: &str,
        direction: &str,
        depth: Option<usize>,
        relation: Option<Vec<String>>,
        doc_type: Option<Vec<String>>,
    ) -> PyResult<String> {
        let direction = match direction {
            "ancestors" => Direction::Outgoing,
            "descendants" => Direction::Incoming,
            other => {
                return Err(PyValueError::new_err(format!(
                    "unknown direction {other:?}"
                )))
            }
        };
        let filter = filter(relation, doc_type)?;
        let root = self.resolve(doc)?;
        Ok(py.detach(|| {
            to_json(&query::lineage(
                &self.graph,
                &root,
                direction,
                depth,
                &filter,
            ))
        }))
    }

    /// `vncite query status --format json`.
    fn status_json(&self, py: Python<'_>, doc: &str) -> PyResult<String> {
        let id = self.resolve(doc)?;
        py.detach(|| {
            query::status(&self.graph, &id)
                .map(|s| to_json(&s))
                .map_err(py_err)
        })
    }

    /// `vncite query path --format json`.
    #[pyo3(signature = (source, target, limit = 3, relation = None))]
    fn path_json(
        &self,
        py: Python<'_>,
        source: &str,
        target: &str,
        limit: usize,
        relation: Option<Vec<String>>,
    ) -> PyResult<String> {
        let filter = filter(relation, None)?;
        let from = self.resolve(source)?;
        let to = self.resolve(target)?;
        Ok(py.detach(|| {
            let routes = query::paths(&self.graph, &from, &to, &filter, limit);
            to_json(&serde_json::json!({"from": from, "to": to, "paths": routes}))
        }))
    }

    /// `vncite query top --format json`.
    #[pyo3(signature = (by = "cited", limit = 20, relation = None, doc_type = None))]
    fn top_json(
        &self,
        py: Python<'_>,
        by: &str,
        limit: usize,
        relation: Option<Vec<String>>,
        doc_type: Option<Vec<String>>,
    ) -> PyResult<String> {
        let by = match by {
            "cited" => Rank::Cited,
            "pagerank" => Rank::PageRank,
            other => {
                return Err(PyValueError::new_err(format!(
                    "unknown ranking {other:?}: cited or pagerank"
                )))
            }
        };
        let filter = filter(relation, doc_type)?;
        Ok(py.detach(|| to_json(&query::top(&self.graph, by, &filter, limit))))
    }

    /// The graph as GraphML, the bytes `vncite export --format graphml` writes.
    fn graphml<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let bytes = py.detach(|| {
            let part = vncite::export::select(&self.graph, &vncite::export::Selection::default());
            let mut out = Vec::new();
            vncite::export::write_graphml(&part, &mut out).map(|()| out)
        });
        bytes
            .map(|b| PyBytes::new(py, &b))
            .map_err(|e| PyOSError::new_err(e.to_string()))
    }

    /// The graph as node-link JSON, as `vncite export --format json` writes it.
    fn node_link_json(&self, py: Python<'_>) -> PyResult<String> {
        let bytes = py.detach(|| {
            let part = vncite::export::select(&self.graph, &vncite::export::Selection::default());
            let mut out = Vec::new();
            vncite::export::write_json(&part, &mut out).map(|()| out)
        });
        bytes
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .map_err(|e| PyOSError::new_err(e.to_string()))
    }
}

/// The native module.
#[pymodule]
fn _vncite(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many_json, m)?)?;
    m.add_function(wrap_pyfunction!(read_json, m)?)?;
    m.add_function(wrap_pyfunction!(read_text, m)?)?;
    m.add_function(wrap_pyfunction!(annotate, m)?)?;
    m.add_class::<Graph>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
