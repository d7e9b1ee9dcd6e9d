//! Errors for inputs that cannot be read. Extraction itself never fails: an odd reference is kept as `unknown`.

use std::fmt;
use std::path::PathBuf;

/// An input that could not be read.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    source_name: String,
}

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be opened or read.
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
}

impl Error {
    /// An error for the input named `source_name` (a path, or `-` for standard input).
    pub fn new(kind: ErrorKind, source_name: impl Into<String>) -> Error {
        Error {
            kind,
            source_name: source_name.into(),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The input's name as given.
    pub fn source_name(&self) -> &str {
        &self.source_name
    }

    /// An I/O error on `path`.
    pub fn io(err: std::io::Error, path: &std::path::Path) -> Error {
        Error::new(
            ErrorKind::Io(err),
            PathBuf::from(path).display().to_string(),
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Io(e) => write!(f, "{}: cannot read: {e}", self.source_name),
            ErrorKind::InvalidUtf8 { offset } => {
                write!(
                    f,
                    "{}: not valid UTF-8 at byte offset {offset}",
                    self.source_name
                )
            }
            ErrorKind::Binary { offset } => write!(
                f,
                "{}: binary data (NUL byte at byte offset {offset}), not text",
                self.source_name
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}
