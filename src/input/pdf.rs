//! PDF files: the text layer, through Poppler's `pdftotext` when it is installed (as SVG export goes
//! through Graphviz's `dot`). A scanned PDF has no text layer; that is said, never read as an empty text.

use std::io::Write;
use std::process::{Command, Stdio};

pub(crate) fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// What went wrong reading a PDF, for the caller to name with the input.
#[derive(Debug)]
pub(crate) enum PdfError {
    /// `pdftotext` is not installed.
    NoTool,
    /// The PDF has no text, only images of pages.
    NoTextLayer,
    /// The PDF needs a password.
    Encrypted,
    /// `pdftotext` failed for another reason; its message.
    Failed(String),
}

/// The program that reads text layers.
pub const PDFTOTEXT: &str = "pdftotext";

/// The text layer of a PDF, page breaks as line ends.
pub(crate) fn read(bytes: &[u8]) -> Result<String, PdfError> {
    // pdftotext reads a file, not a pipe, on every Poppler version.
    let mut file = tempfile::NamedTempFile::new().map_err(|e| PdfError::Failed(e.to_string()))?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .map_err(|e| PdfError::Failed(e.to_string()))?;
    let output = Command::new(PDFTOTEXT)
        .args(["-enc", "UTF-8", "-q"])
        .arg(file.path())
        .arg("-")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => PdfError::NoTool,
            _ => PdfError::Failed(e.to_string()),
        })?;
    if !output.status.success() {
        // Exit status 1 is "error opening a PDF file", which is what a wrong password gives too.
        let message = String::from_utf8_lossy(&output.stderr).trim().to_string();
        return Err(if encrypted(bytes) {
            PdfError::Encrypted
        } else {
            PdfError::Failed(if message.is_empty() {
                format!("{PDFTOTEXT} exited with {}", output.status)
            } else {
                message
            })
        });
    }
    let text = String::from_utf8_lossy(&output.stdout).replace('\u{c}', "\n");
    if text.trim().is_empty() {
        return Err(PdfError::NoTextLayer);
    }
    Ok(text)
}

/// A PDF whose trailer names an encryption dictionary.
fn encrypted(bytes: &[u8]) -> bool {
    memchr::memmem::find(bytes, b"/Encrypt").is_some()
}
