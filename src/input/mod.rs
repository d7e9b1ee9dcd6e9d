//! Inputs: expanding paths and directories, and reading each one as text with a precise error: plain text
//! in UTF-8, UTF-16 or a legacy Vietnamese encoding, web pages, Word, OpenDocument and PDF files.

mod encoding;
mod html;
mod office;
mod pdf;
mod walk;

pub use encoding::Encoding;
pub use walk::expand;
use walk::not_regular;

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

    /// The name an input has in a graph: one spelling per file, so `a.txt`, `./a.txt` and its absolute path
    /// are one input. Relative to the working directory when the file is under it, absolute otherwise, with
    /// `.` and `..` resolved as written (links are not followed: a link is its own input).
    pub fn graph_name(&self) -> String {
        let Source::File(p) = self else {
            return "-".to_string();
        };
        // A relative path that never climbs is already that spelling once its `.` parts go, and a directory
        // of 100,000 files would otherwise ask the kernel for the working directory twice per file.
        let parts = p.components();
        if p.is_relative()
            && parts.clone().all(|c| {
                matches!(
                    c,
                    std::path::Component::Normal(_) | std::path::Component::CurDir
                )
            })
        {
            let clean: PathBuf = parts
                .filter(|c| *c != std::path::Component::CurDir)
                .collect();
            if !clean.as_os_str().is_empty() {
                return clean.display().to_string();
            }
        }
        let Ok(absolute) = std::path::absolute(p) else {
            return self.name();
        };
        let mut clean = PathBuf::new();
        for part in absolute.components() {
            match part {
                std::path::Component::CurDir => {}
                std::path::Component::ParentDir => {
                    clean.pop();
                }
                other => clean.push(other),
            }
        }
        let relative = std::env::current_dir()
            .ok()
            .and_then(|cwd| clean.strip_prefix(cwd).ok().map(Path::to_path_buf));
        relative.unwrap_or(clean).display().to_string()
    }
}

/// The file-name endings of every form vncite reads: what a directory walk keeps unless told otherwise.
pub const EXTENSIONS: [&str; 7] = [".txt", ".md", ".html", ".htm", ".docx", ".odt", ".pdf"];

/// What an input was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Form {
    /// Plain text in this encoding; spans point into its bytes.
    Text(Encoding),
    /// A web page in UTF-8: its visible text is read, and spans point into the page's bytes.
    Html,
    /// A Word document: spans point into the text read out of it (`vncite text` prints it).
    Docx,
    /// An OpenDocument text: spans point into the text read out of it.
    Odt,
    /// A PDF's text layer: spans point into the text read out of it.
    Pdf,
}

impl std::fmt::Display for Form {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Form::Text(e) => write!(f, "text ({e})"),
            Form::Html => f.write_str("HTML"),
            Form::Docx => f.write_str("Word (.docx)"),
            Form::Odt => f.write_str("OpenDocument (.odt)"),
            Form::Pdf => f.write_str("PDF"),
        }
    }
}

/// How inputs are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadOptions {
    /// The encoding of plain text inputs, instead of detecting it.
    pub encoding: Option<Encoding>,
}

impl ReadOptions {
    /// Detect everything.
    pub fn new() -> ReadOptions {
        ReadOptions::default()
    }

    /// Plain text inputs are in `encoding` (`None`: detect it).
    pub fn encoding(self, encoding: Option<Encoding>) -> ReadOptions {
        ReadOptions { encoding }
    }
}

/// The readable text of one input, UTF-8 whatever the input was, and the way back from its offsets to
/// the input's own bytes.
pub struct Text {
    text: String,
    origin: Origin,
}

enum Origin {
    /// UTF-8, the text is the input.
    Verbatim,
    /// UTF-8 after a byte-order mark of this many bytes.
    Shifted(usize),
    /// Decoded from another encoding, the original bytes kept to map offsets back.
    Decoded {
        encoding: Encoding,
        skip: usize,
        original: Vec<u8>,
    },
    /// The visible text of a web page; `skip` is the byte-order mark before the page in the file.
    Page {
        page: String,
        layout: html::Layout,
        skip: usize,
    },
    /// Text read out of a container format.
    Extracted(Form),
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Text")
            .field("form", &self.form())
            .field("text", &&**self)
            .finish()
    }
}

impl Text {
    /// Text given in memory, read as a file's bytes would be (encoding, HTML, containers detected).
    pub fn from_bytes(bytes: Vec<u8>, name: &str, options: ReadOptions) -> Result<Text, Error> {
        interpret(bytes, name, None, options)
    }

    /// What the input was read as.
    pub fn form(&self) -> Form {
        match &self.origin {
            Origin::Verbatim | Origin::Shifted(_) => Form::Text(Encoding::Utf8),
            Origin::Decoded { encoding, .. } => Form::Text(*encoding),
            Origin::Page { .. } => Form::Html,
            Origin::Extracted(form) => *form,
        }
    }

    /// The web page itself, for an HTML input.
    pub fn page(&self) -> Option<&str> {
        match &self.origin {
            Origin::Page { page, .. } => Some(page),
            _ => None,
        }
    }

    /// The stretches of the page a span of the text was read from, each free of tags (an HTML input);
    /// the span itself otherwise.
    pub fn page_pieces(&self, start: usize, end: usize) -> Vec<(usize, usize)> {
        match &self.origin {
            Origin::Page { layout, .. } => layout.pieces(start, end),
            _ => vec![(start, end)],
        }
    }

    /// The `extract` verb on this input: spans point into the input's own bytes (see [`Form`]); each
    /// mention's `text` is as the readable text writes it.
    pub fn extract(&self) -> crate::Extraction {
        let mut found = crate::extract(self);
        self.map_spans(&mut found);
        found
    }

    /// [`crate::extract::extract_parts`] on this input, each part's spans pointing into the input's bytes
    /// as [`Text::extract`]'s do.
    pub fn extract_parts(&self, mut each: impl FnMut(crate::Extraction)) {
        // A decoded input's parts are mapped from checkpoints, not each by a walk from the input's start.
        let checkpoints = match &self.origin {
            Origin::Decoded {
                encoding,
                skip,
                original,
            } if self.text.len() > 2 * crate::extract::PART_BYTES => {
                encoding::checkpoints(original, *encoding, *skip, crate::extract::PART_BYTES / 2)
            }
            _ => Vec::new(),
        };
        crate::extract::extract_parts(self, |mut part| {
            self.map_spans_from(&mut part, &checkpoints);
            each(part);
        });
    }

    /// Rewrites every span of `found` (read from this text) to point into the input's bytes.
    pub fn map_spans(&self, found: &mut crate::Extraction) {
        self.map_spans_from(found, &[]);
    }

    /// [`Text::map_spans`], a decoded input's offsets found from `checkpoints` when there are any.
    fn map_spans_from(&self, found: &mut crate::Extraction, checkpoints: &[(usize, usize)]) {
        if matches!(self.origin, Origin::Verbatim | Origin::Extracted(_)) {
            return;
        }
        let mut spans = spans_mut(found);
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by_key(|&i| *spans[i].0);
        let sorted: Vec<usize> = order.iter().map(|&i| *spans[i].0).collect();
        let mapped: Vec<usize> = match &self.origin {
            Origin::Shifted(n) => sorted.iter().map(|t| t + n).collect(),
            Origin::Decoded {
                encoding,
                skip,
                original,
            } => {
                if checkpoints.is_empty() {
                    encoding::original_offsets(original, *encoding, *skip, &sorted)
                } else {
                    encoding::original_offsets_near(original, *encoding, checkpoints, &sorted)
                }
            }
            Origin::Page { layout, skip, .. } => order
                .iter()
                .zip(&sorted)
                .map(|(&i, &t)| skip + layout.page_offset(t, spans[i].1))
                .collect(),
            Origin::Verbatim | Origin::Extracted(_) => sorted,
        };
        for (&i, m) in order.iter().zip(mapped) {
            *spans[i].0 = m;
        }
    }
}

/// Every span offset of an extraction, with whether it ends a span.
fn spans_mut(found: &mut crate::Extraction) -> Vec<(&mut usize, bool)> {
    let mut out = Vec::new();
    for c in &mut found.citations {
        out.push((&mut c.start, false));
        out.push((&mut c.end, true));
        out.extend(
            c.also
                .iter_mut()
                .flat_map(|a| [(&mut a.start, false), (&mut a.end, true)]),
        );
    }
    for n in &mut found.named {
        out.push((&mut n.start, false));
        out.push((&mut n.end, true));
        out.extend(
            n.also
                .iter_mut()
                .flat_map(|a| [(&mut a.start, false), (&mut a.end, true)]),
        );
    }
    for r in &mut found.reported {
        out.push((&mut r.start, false));
        out.push((&mut r.end, true));
    }
    out
}

/// Reads a source whole as text: plain text in any encoding vncite knows, a web page, a Word,
/// OpenDocument or PDF file.
pub fn read(source: &Source) -> Result<Text, Error> {
    read_with(source, ReadOptions::default())
}

/// [`read`] with options.
pub fn read_with(source: &Source, options: ReadOptions) -> Result<Text, Error> {
    let name = source.name();
    match source {
        Source::Stdin => {
            let buf = read_bounded(std::io::stdin().lock(), 0, "-")
                .map_err(|e| e.unwrap_or_else(|io| Error::new(ErrorKind::Io(io), "-")))?;
            interpret(buf, &name, None, options)
        }
        Source::File(p) => {
            // Checked before opening: opening a FIFO waits for a writer that may never come.
            let meta = std::fs::metadata(p).map_err(|e| Error::io(e, p))?;
            if !meta.is_file() {
                // A FIFO may never end and /dev/zero never does: only regular files are read, and
                // standard input (`-`) is how a pipe comes in.
                return Err(Error::new(
                    ErrorKind::Skipped {
                        why: not_regular(&meta),
                    },
                    name,
                ));
            }
            if meta.len() > MAX_INPUT {
                return Err(Error::new(ErrorKind::TooLarge { limit: MAX_INPUT }, name));
            }
            let ext = p
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            let file = std::fs::File::open(p).map_err(|e| Error::io(e, p))?;
            // Read, never mapped: a mapped file that another process truncates kills the reader with
            // SIGBUS, and the copy costs about a twentieth of an extraction. A file that grows while it is
            // read is read up to the limit.
            let mut bytes = Vec::with_capacity(meta.len() as usize);
            (&file)
                .take(MAX_INPUT + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io(e, p))?;
            if bytes.len() as u64 > MAX_INPUT {
                return Err(Error::new(ErrorKind::TooLarge { limit: MAX_INPUT }, name));
            }
            interpret(bytes, &name, ext.as_deref(), options)
        }
    }
}

/// Tells what the bytes are and reads their text.
fn interpret(
    bytes: Vec<u8>,
    name: &str,
    ext: Option<&str>,
    options: ReadOptions,
) -> Result<Text, Error> {
    let extracted = |form: Form, text: String| Text {
        text,
        origin: Origin::Extracted(form),
    };
    if pdf::is_pdf(&bytes) {
        return pdf::read(&bytes)
            .map(|t| extracted(Form::Pdf, t))
            .map_err(|e| {
                let kind = match e {
                    pdf::PdfError::NoTool => ErrorKind::MissingTool {
                        tool: pdf::PDFTOTEXT,
                        package: "poppler-utils",
                    },
                    pdf::PdfError::NoTextLayer => ErrorKind::NoTextLayer,
                    pdf::PdfError::Encrypted => ErrorKind::Encrypted { format: "PDF" },
                    pdf::PdfError::Failed(message) => ErrorKind::Unreadable {
                        format: "PDF",
                        message,
                    },
                };
                Error::new(kind, name)
            });
    }
    if office::is_zip(&bytes) || office::is_compound_file(&bytes) {
        let result = if office::is_zip(&bytes) {
            office::read(&bytes)
        } else {
            Err(office::compound_file_error(&bytes))
        };
        return result
            .map(|(kind, t)| {
                let form = match kind {
                    office::Kind::Docx => Form::Docx,
                    office::Kind::Odt => Form::Odt,
                };
                extracted(form, t)
            })
            .map_err(|e| {
                let kind = match e {
                    office::OfficeError::Encrypted => ErrorKind::Encrypted {
                        format: "Office document",
                    },
                    office::OfficeError::LegacyWord => ErrorKind::Unreadable {
                        format: "Word 97-2003 (.doc) or other compound file",
                        message: "vncite reads .docx and .odt; save the document as one of them"
                            .into(),
                    },
                    office::OfficeError::Damaged(message) => ErrorKind::Unreadable {
                        format: match ext {
                            Some("odt") => ".odt",
                            _ => ".docx",
                        },
                        message,
                    },
                };
                Error::new(kind, name)
            });
    }
    // Detection validates UTF-8 on the way; `validated` saves a second pass over a large input.
    let (encoding, skip, validated) = match options.encoding {
        Some(e) => (
            e,
            encoding::bom(&bytes)
                .filter(|b| b.0 == e)
                .map_or(0, |b| b.1),
            false,
        ),
        None => match encoding::bom(&bytes) {
            Some((e, n)) => (e, n, false),
            None => {
                let (e, validated) = detect(&bytes, name)?;
                (e, 0, validated)
            }
        },
    };
    if !matches!(
        encoding,
        Encoding::Utf8 | Encoding::Utf16Le | Encoding::Utf16Be
    ) {
        if let Some(offset) = memchr::memchr(0, &bytes) {
            return Err(Error::new(ErrorKind::Binary { offset }, name));
        }
    }
    let text = match encoding {
        Encoding::Utf8 => {
            if validated {
                if let Some(offset) = memchr::memchr(0, &bytes) {
                    return Err(Error::new(ErrorKind::Binary { offset }, name));
                }
            } else {
                check_text(&bytes[skip..], name).map_err(|e| shift_error(e, skip, name))?;
            }
            let mut v = bytes;
            v.drain(..skip);
            // SAFETY: the bytes were validated as UTF-8 (by detection or `check_text`) just above.
            let text = unsafe { String::from_utf8_unchecked(v) };
            let origin = if skip == 0 {
                Origin::Verbatim
            } else {
                Origin::Shifted(skip)
            };
            return finish(text, origin, ext);
        }
        other => encoding::decode(&bytes, other, skip),
    };
    Ok(Text {
        text,
        origin: Origin::Decoded {
            encoding,
            skip,
            original: bytes,
        },
    })
}

/// A UTF-8 text, read as a web page when it is one.
fn finish(store: String, origin: Origin, ext: Option<&str>) -> Result<Text, Error> {
    let text = Text {
        text: store,
        origin,
    };
    let page = matches!(ext, Some("html" | "htm" | "xhtml")) || html::looks_like_html(&text);
    if !page {
        return Ok(text);
    }
    let skip = match text.origin {
        Origin::Shifted(n) => n,
        _ => 0,
    };
    let page = text.text;
    let mut layout = html::read(&page);
    Ok(Text {
        text: std::mem::take(&mut layout.text),
        origin: Origin::Page { page, layout, skip },
    })
}

/// Which encoding bytes without a byte-order mark are in: UTF-8 when they are valid UTF-8 (unless they are
/// ASCII written as VIQR), else the legacy encoding that reads as Vietnamese.
/// The flag says the bytes were validated as UTF-8.
fn detect(bytes: &[u8], name: &str) -> Result<(Encoding, bool), Error> {
    if simdutf8::basic::from_utf8(bytes).is_ok() {
        // The sample is tested first: almost no UTF-8 input is VIQR, and the whole is scanned only then.
        let viqr = encoding::looks_like_viqr(bytes) && bytes.is_ascii();
        return Ok((if viqr { Encoding::Viqr } else { Encoding::Utf8 }, true));
    }
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(Error::new(ErrorKind::Binary { offset }, name));
    }
    match encoding::detect_eight_bit(bytes) {
        Some(e) => Ok((e, false)),
        None => match std::str::from_utf8(bytes) {
            Err(e) => Err(Error::new(
                ErrorKind::UnknownEncoding {
                    offset: e.valid_up_to(),
                },
                name,
            )),
            Ok(_) => Ok((Encoding::Utf8, true)),
        },
    }
}

fn shift_error(e: Error, skip: usize, name: &str) -> Error {
    match e.kind() {
        ErrorKind::InvalidUtf8 { offset } => Error::new(
            ErrorKind::InvalidUtf8 {
                offset: offset + skip,
            },
            name,
        ),
        ErrorKind::Binary { offset } => Error::new(
            ErrorKind::Binary {
                offset: offset + skip,
            },
            name,
        ),
        _ => e,
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
        let head = if bytes.is_empty() {
            &chunk[..n]
        } else {
            &bytes[..]
        };
        if !may_hold_nul(head) {
            if let Some(at) = memchr::memchr(0, &chunk[..n]) {
                let offset = bytes.len() + at;
                return Err(Ok(Error::new(ErrorKind::Binary { offset }, name)));
            }
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

/// Formats whose bytes hold NUL bytes: UTF-16 text, PDF, zip archives and compound files.
fn may_hold_nul(head: &[u8]) -> bool {
    matches!(
        encoding::bom(head),
        Some((Encoding::Utf16Le | Encoding::Utf16Be, _))
    ) || pdf::is_pdf(head)
        || office::is_zip(head)
        || office::is_compound_file(head)
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
