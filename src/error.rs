//! The library's one error type: what went wrong ([`ErrorKind`]) and the input or store it concerns.
//! Extraction itself never fails: an odd reference is kept as `unknown`.

use std::fmt;

/// Something the library could not do, with the path of the input or store it concerns.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    path: Option<String>,
}

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An input could not be opened or read.
    Io(std::io::Error),
    /// The bytes are not UTF-8; `offset` is the first bad byte.
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The input holds NUL bytes: a binary file, not text.
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// The bytes are neither UTF-8 nor any legacy Vietnamese encoding vncite can tell (`--encoding` names
    /// one); `offset` is the first byte that is not UTF-8.
    UnknownEncoding {
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// A file format vncite reads is damaged, or a format it does not read.
    Unreadable {
        /// The format, as a reader would name it.
        format: &'static str,
        /// What is wrong.
        message: String,
    },
    /// A path that is not read: not a regular file, a broken link, a link loop.
    Skipped {
        /// Why.
        why: &'static str,
    },
    /// A password-protected file.
    Encrypted {
        /// The format.
        format: &'static str,
    },
    /// A PDF with no text layer (a scan): its pages are images.
    NoTextLayer,
    /// Reading the input needs a program that is not installed.
    MissingTool {
        /// The program.
        tool: &'static str,
        /// The Debian package that has it.
        package: &'static str,
    },
    /// The input is larger than vncite reads (see `input::MAX_INPUT`).
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// A graph store could not be read or written.
    StoreIo(std::io::Error),
    /// The file is not a graph store, or it is damaged.
    StoreDamaged {
        /// The line of the store that is damaged: 1 for the header, 2 and on for the edges' evidence.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A store written by another version of the format.
    StoreVersion {
        /// The format tag found.
        found: String,
    },
    /// A query's text names no document the extractor can read.
    NoReference(String),
    /// Several documents match a query (a year-less symbol cited in several years, or several provinces).
    Ambiguous {
        /// What was asked.
        query: String,
        /// Matching ids with their dates.
        candidates: Vec<String>,
    },
    /// No document matches a query.
    NotFound {
        /// What was asked.
        query: String,
        /// The closest ids by spelling.
        nearest: Vec<String>,
    },
}

impl Error {
    /// An error concerning the input or store named `path` (a path, or `-` for standard input).
    pub fn new(kind: ErrorKind, path: impl Into<String>) -> Error {
        Error {
            kind,
            path: Some(path.into()),
        }
    }

    /// An error that concerns no file (a query).
    pub fn without_path(kind: ErrorKind) -> Error {
        Error { kind, path: None }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The input's or store's name as given, when the error concerns one.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// The input's name as given (empty when the error concerns no file).
    pub fn source_name(&self) -> &str {
        self.path.as_deref().unwrap_or("")
    }

    /// A copy of the error (an I/O error is re-made with its kind and message), for errors that are
    /// shared between threads and reported by one.
    pub fn duplicate(&self) -> Error {
        let io = |e: &std::io::Error| std::io::Error::new(e.kind(), e.to_string());
        let kind = match &self.kind {
            ErrorKind::Io(e) => ErrorKind::Io(io(e)),
            ErrorKind::StoreIo(e) => ErrorKind::StoreIo(io(e)),
            ErrorKind::InvalidUtf8 { offset } => ErrorKind::InvalidUtf8 { offset: *offset },
            ErrorKind::Binary { offset } => ErrorKind::Binary { offset: *offset },
            ErrorKind::UnknownEncoding { offset } => ErrorKind::UnknownEncoding { offset: *offset },
            ErrorKind::Unreadable { format, message } => ErrorKind::Unreadable {
                format,
                message: message.clone(),
            },
            ErrorKind::Skipped { why } => ErrorKind::Skipped { why },
            ErrorKind::Encrypted { format } => ErrorKind::Encrypted { format },
            ErrorKind::NoTextLayer => ErrorKind::NoTextLayer,
            ErrorKind::MissingTool { tool, package } => ErrorKind::MissingTool { tool, package },
            ErrorKind::TooLarge { limit } => ErrorKind::TooLarge { limit: *limit },
            ErrorKind::StoreDamaged { line, message } => ErrorKind::StoreDamaged {
                line: *line,
                message: message.clone(),
            },
            ErrorKind::StoreVersion { found } => ErrorKind::StoreVersion {
                found: found.clone(),
            },
            ErrorKind::NoReference(q) => ErrorKind::NoReference(q.clone()),
            ErrorKind::Ambiguous { query, candidates } => ErrorKind::Ambiguous {
                query: query.clone(),
                candidates: candidates.clone(),
            },
            ErrorKind::NotFound { query, nearest } => ErrorKind::NotFound {
                query: query.clone(),
                nearest: nearest.clone(),
            },
        };
        Error {
            kind,
            path: self.path.clone(),
        }
    }

    /// An I/O error reading the input at `path`.
    pub fn io(err: std::io::Error, path: &std::path::Path) -> Error {
        Error::new(ErrorKind::Io(err), path.display().to_string())
    }

    pub(crate) fn store_io(err: std::io::Error, path: &str) -> Error {
        Error::new(ErrorKind::StoreIo(err), path)
    }

    pub(crate) fn damaged(path: &str, line: usize, message: impl Into<String>) -> Error {
        Error::new(
            ErrorKind::StoreDamaged {
                line,
                message: message.into(),
            },
            path,
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.source_name();
        match &self.kind {
            ErrorKind::Io(e) => write!(f, "{path}: cannot read: {e}"),
            ErrorKind::InvalidUtf8 { offset } => {
                write!(f, "{path}: not valid UTF-8 at byte offset {offset}")
            }
            ErrorKind::Binary { offset } => write!(
                f,
                "{path}: binary data (NUL byte at byte offset {offset}), not text"
            ),
            ErrorKind::UnknownEncoding { offset } => write!(
                f,
                "{path}: not UTF-8 (first bad byte at offset {offset}) and not any Vietnamese encoding vncite can \
                 tell; name one with --encoding (tcvn3, vni, viqr, windows-1258, viscii, utf-16le, utf-16be)"
            ),
            ErrorKind::Unreadable { format, message } => {
                write!(f, "{path}: cannot read this {format}: {message}")
            }
            ErrorKind::Encrypted { format } => write!(
                f,
                "{path}: this {format} is protected by a password; save an unprotected copy to read it"
            ),
            ErrorKind::Skipped { why } => write!(f, "{path}: skipped: {why}"),
            ErrorKind::NoTextLayer => write!(
                f,
                "{path}: this PDF has no text layer (a scan: its pages are images); run OCR on it first"
            ),
            ErrorKind::MissingTool { tool, package } => write!(
                f,
                "{path}: reading it needs `{tool}`, which is not installed (Debian package {package})"
            ),
            ErrorKind::TooLarge { limit } => write!(
                f,
                "{path}: larger than {} MiB, not a document vncite reads",
                limit >> 20
            ),
            ErrorKind::StoreIo(e) => write!(f, "{path}: {e}"),
            ErrorKind::StoreDamaged { line, message } => write!(
                f,
                "{path}, line {line}: not a vncite graph store or damaged: {message}"
            ),
            ErrorKind::StoreVersion { found } => write!(
                f,
                "{path}: store format {found:?}, this vncite reads {:?}; rebuild it with `vncite graph build`",
                crate::graph::FORMAT
            ),
            ErrorKind::NoReference(q) => write!(
                f,
                "{q:?} names no document: give a node id or a reference such as \"Nghị định 30/2020/NĐ-CP\""
            ),
            ErrorKind::Ambiguous { query, candidates } => {
                write!(f, "{query:?} matches {} documents; name one of them:", candidates.len())?;
                for c in candidates {
                    write!(f, "\n  {c}")?;
                }
                Ok(())
            }
            ErrorKind::NotFound { query, nearest } => {
                write!(f, "{query:?} is not in the graph")?;
                if !nearest.is_empty() {
                    write!(f, "; nearest ids:")?;
                    for c in nearest {
                        write!(f, "\n  {c}")?;
                    }
                }
                Ok(())
            }
        }
    }
}

/// The I/O error is part of the message already, so it is not given again as a source: a chain printer
/// (anyhow's `{:#}`) would repeat it. [`Error::kind`] hands it out.
impl std::error::Error for Error {}
