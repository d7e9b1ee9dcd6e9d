//! Inputs: expanding paths and directories, and reading each one as UTF-8 text with a precise error.

use crate::error::{Error, ErrorKind};
use std::io::Read;
use std::path::{Path, PathBuf};

/// One input to read: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// Standard input, named `-`.
    Stdin,
    /// A file path as given or as found under a given directory.
    File(PathBuf),
}

impl Source {
    /// The name printed in output and errors.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// Expands command-line paths: `-` is standard input, a directory is walked recursively in sorted path order
/// keeping files whose names end with one of `extensions`, anything else is taken as a file (a missing one
/// fails later when read, so the other inputs still run). No paths means standard input.
pub fn expand(paths: &[String], extensions: &[String]) -> Vec<Result<Source, Error>> {
    if paths.is_empty() {
        return vec![Ok(Source::Stdin)];
    }
    let mut out = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(Ok(Source::Stdin));
            continue;
        }
        let path = Path::new(p);
        if path.is_dir() {
            let mut files = Vec::new();
            if let Err(e) = walk(path, extensions, &mut files) {
                out.push(Err(e));
            }
            files.sort();
            out.extend(files.into_iter().map(|f| Ok(Source::File(f))));
        } else {
            out.push(Ok(Source::File(path.to_path_buf())));
        }
    }
    out
}

fn walk(dir: &Path, extensions: &[String], files: &mut Vec<PathBuf>) -> Result<(), Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(e, dir))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(e, dir))?;
        let path = entry.path();
        let kind = entry.file_type().map_err(|e| Error::io(e, &path))?;
        if kind.is_dir() {
            walk(&path, extensions, files)?;
        } else if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| extensions.iter().any(|ext| n.ends_with(ext.as_str())))
        {
            files.push(path);
        }
    }
    Ok(())
}

/// Reads a source whole and checks that it is text.
pub fn read(source: &Source) -> Result<String, Error> {
    let bytes = match source {
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| Error::new(ErrorKind::Io(e), "-"))?;
            buf
        }
        Source::File(p) => std::fs::read(p).map_err(|e| Error::io(e, p))?,
    };
    decode(bytes, &source.name())
}

/// UTF-8 text from bytes, or an error naming the first bad byte. NUL bytes mean binary data.
pub fn decode(bytes: Vec<u8>, name: &str) -> Result<String, Error> {
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(Error::new(ErrorKind::Binary { offset }, name));
    }
    // simdutf8 validates several times faster than std on text that is mostly non-ASCII, and validation is
    // otherwise the largest single cost of a run; std is asked again only to locate the error.
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: simdutf8 has just validated these exact bytes as UTF-8.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    match std::str::from_utf8(&bytes) {
        Err(e) => Err(utf8_error(e, name)),
        Ok(_) => String::from_utf8(bytes).map_err(|e| utf8_error(e.utf8_error(), name)),
    }
}

fn utf8_error(e: std::str::Utf8Error, name: &str) -> Error {
    Error::new(
        ErrorKind::InvalidUtf8 {
            offset: e.valid_up_to(),
        },
        name,
    )
}
