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

/// Files at least this large are mapped rather than read: copying a large file into fresh memory made the
/// kernel clear and fill every page, a tenth of the time of a whole extraction.
const MAP_AT_LEAST: u64 = 1 << 20;

/// The text of one input, validated as UTF-8: owned, or mapped from a large file.
pub struct Text(TextStore);

enum TextStore {
    Owned(String),
    Mapped(memmap2::Mmap),
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        match &self.0 {
            TextStore::Owned(s) => s,
            // SAFETY: `read` validated the mapped bytes as UTF-8 before building a `Text` from them.
            TextStore::Mapped(m) => unsafe { std::str::from_utf8_unchecked(m) },
        }
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Text").field(&&**self).finish()
    }
}

/// Reads a source whole and checks that it is text.
pub fn read(source: &Source) -> Result<Text, Error> {
    match source {
        Source::Stdin => {
            let buf = read_bounded(std::io::stdin().lock(), 0, "-")
                .map_err(|e| e.unwrap_or_else(|io| Error::new(ErrorKind::Io(io), "-")))?;
            decode(buf, "-").map(|s| Text(TextStore::Owned(s)))
        }
        Source::File(p) => {
            let file = std::fs::File::open(p).map_err(|e| Error::io(e, p))?;
            let meta = file.metadata().map_err(|e| Error::io(e, p))?;
            let len = meta.len();
            if len > MAX_INPUT {
                return Err(Error::new(
                    ErrorKind::TooLarge { limit: MAX_INPUT },
                    source.name(),
                ));
            }
            if !meta.is_file() {
                // A device or a pipe has no length to trust: /dev/zero would be read for ever.
                let bytes = read_bounded(&file, 0, &source.name())
                    .map_err(|e| e.unwrap_or_else(|io| Error::io(io, p)))?;
                return decode(bytes, &source.name()).map(|s| Text(TextStore::Owned(s)));
            }
            if len >= MAP_AT_LEAST {
                // SAFETY: like ripgrep, we accept that a file changed by another process while it is mapped
                // may give wrong results; the mapping is read-only and validated before use.
                if let Ok(map) = unsafe { memmap2::MmapOptions::new().populate().map(&file) } {
                    check_text(&map, &source.name())?;
                    return Ok(Text(TextStore::Mapped(map)));
                }
            }
            let mut bytes = Vec::with_capacity(len as usize);
            (&file)
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io(e, p))?;
            decode(bytes, &source.name()).map(|s| Text(TextStore::Owned(s)))
        }
    }
}

/// The largest input read: a legal text of a gigabyte is a mistake (a device, a disk image), not a document.
pub const MAX_INPUT: u64 = 1 << 30;

/// Reads to the end, at most [`MAX_INPUT`] bytes, stopping at the first NUL byte: `/dev/zero` and
/// `/dev/urandom` are refused as binary in their first kilobytes instead of read without limit.
/// `Err(None…)` carries an I/O error for the caller to name; `Err(Some)` a finished error.
fn read_bounded(
    mut r: impl Read,
    capacity: usize,
    name: &str,
) -> Result<Vec<u8>, Result<Error, std::io::Error>> {
    let mut bytes = Vec::with_capacity(capacity);
    let mut chunk = vec![0u8; 1 << 16];
    loop {
        let n = match r.read(&mut chunk) {
            Ok(0) => return Ok(bytes),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Err(e)),
        };
        if let Some(at) = memchr::memchr(0, &chunk[..n]) {
            let offset = bytes.len() + at;
            return Err(Ok(Error::new(ErrorKind::Binary { offset }, name)));
        }
        if (bytes.len() + n) as u64 > MAX_INPUT {
            return Err(Ok(Error::new(
                ErrorKind::TooLarge { limit: MAX_INPUT },
                name,
            )));
        }
        bytes.extend_from_slice(&chunk[..n]);
    }
}

/// UTF-8 text from bytes, or an error naming the first bad byte. NUL bytes mean binary data.
pub fn decode(bytes: Vec<u8>, name: &str) -> Result<String, Error> {
    check_text(&bytes, name)?;
    // SAFETY: `check_text` has just validated these exact bytes as UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// Checks that bytes are text: no NUL byte, valid UTF-8; the error names the offset of the first bad byte.
fn check_text(bytes: &[u8], name: &str) -> Result<(), Error> {
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(Error::new(ErrorKind::Binary { offset }, name));
    }
    // simdutf8 validates several times faster than std on text that is mostly non-ASCII, and validation is
    // otherwise the largest single cost of a run; std is asked again only to locate the error.
    if simdutf8::basic::from_utf8(bytes).is_ok() {
        return Ok(());
    }
    match std::str::from_utf8(bytes) {
        Err(e) => Err(utf8_error(e, name)),
        Ok(_) => Ok(()),
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
