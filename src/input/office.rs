//! Word processor files: `.docx` (Office Open XML) and `.odt` (OpenDocument), both zip archives of XML
//! parts. The text comes out in reading order, a line per paragraph and per table cell, with footnotes
//! after the body, through the zip crate and quick-xml.

use quick_xml::events::Event;
use std::io::{Cursor, Read};

/// What went wrong reading a word processor file, for the caller to name with the input.
#[derive(Debug)]
pub(crate) enum OfficeError {
    /// Not a zip archive, or one without the part the format needs.
    Damaged(String),
    /// An encrypted (password-protected) Office file.
    Encrypted,
    /// A Word 97–2003 `.doc` or another compound file.
    LegacyWord,
}

/// The OLE compound file signature: `.doc`, `.xls`, and Office files encrypted with a password.
const COMPOUND_FILE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Which word processor format the bytes are, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Docx,
    Odt,
}

pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

pub(crate) fn is_compound_file(bytes: &[u8]) -> bool {
    bytes.starts_with(&COMPOUND_FILE)
}

/// Why a compound file cannot be read: encryption puts an `EncryptedPackage` stream in it (its name is
/// stored in UTF-16).
pub(crate) fn compound_file_error(bytes: &[u8]) -> OfficeError {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    if memchr::memmem::find(bytes, &name).is_some() {
        OfficeError::Encrypted
    } else {
        OfficeError::LegacyWord
    }
}

fn part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, OfficeError> {
    let mut file = match archive.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(OfficeError::Damaged(e.to_string())),
    };
    let mut xml = String::new();
    file.read_to_string(&mut xml)
        .map_err(|e| OfficeError::Damaged(format!("{name}: {e}")))?;
    Ok(Some(xml))
}

/// The text of a `.docx` or `.odt` file.
pub(crate) fn read(bytes: &[u8]) -> Result<(Kind, String), OfficeError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| OfficeError::Damaged(format!("not a zip archive: {e}")))?;
    if archive.by_name("EncryptionInfo").is_ok() {
        return Err(OfficeError::Encrypted);
    }
    if let Some(body) = part(&mut archive, "word/document.xml")? {
        let mut text = docx_text(&body)?;
        if let Some(notes) = part(&mut archive, "word/footnotes.xml")? {
            append_notes(&mut text, &docx_text(&notes)?);
        }
        if let Some(notes) = part(&mut archive, "word/endnotes.xml")? {
            append_notes(&mut text, &docx_text(&notes)?);
        }
        return Ok((Kind::Docx, text));
    }
    if let Some(content) = part(&mut archive, "content.xml")? {
        let (mut text, notes) = odt_text(&content)?;
        append_notes(&mut text, &notes);
        return Ok((Kind::Odt, text));
    }
    Err(OfficeError::Damaged(
        "a zip archive with neither word/document.xml nor content.xml".into(),
    ))
}

fn append_notes(text: &mut String, notes: &str) {
    let notes = notes.trim();
    if !notes.is_empty() {
        text.push_str("\n\n");
        text.push_str(notes);
        text.push('\n');
    }
}

fn line_end(out: &mut String) {
    while out.ends_with([' ', '\t']) {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn xml_error(e: impl std::fmt::Display) -> OfficeError {
    OfficeError::Damaged(format!("XML: {e}"))
}

/// Text of a WordprocessingML part: `w:t` runs, tabs and breaks, a line per paragraph and table cell.
/// Deleted text of tracked changes and field instructions are not text; footnote separators neither.
fn docx_text(xml: &str) -> Result<String, OfficeError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    let mut in_text = false;
    let mut skip_depth = 0usize;
    loop {
        match reader.read_event().map_err(xml_error)? {
            Event::Start(e) => match e.name().as_ref() {
                b"w:t" => in_text = true,
                b"w:delText" | b"w:instrText" => skip_depth += 1,
                b"w:footnote" | b"w:endnote" => {
                    let separator = e
                        .attributes()
                        .flatten()
                        .any(|a| a.key.as_ref() == b"w:type" && a.value.as_ref() != b"normal");
                    if separator {
                        skip_depth += 1;
                    }
                }
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                b"w:tab" if skip_depth == 0 => out.push('\t'),
                b"w:br" | b"w:cr" if skip_depth == 0 => out.push('\n'),
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:delText" | b"w:instrText" => skip_depth = skip_depth.saturating_sub(1),
                b"w:footnote" | b"w:endnote" if skip_depth > 0 => skip_depth -= 1,
                b"w:p" | b"w:tc" | b"w:tr" if skip_depth == 0 => line_end(&mut out),
                _ => {}
            },
            Event::Text(t) if in_text && skip_depth == 0 => {
                out.push_str(&t.unescape().map_err(xml_error)?);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Text of an OpenDocument `content.xml`, and its notes apart: a note's body sits inside the paragraph
/// that cites it, where it would split a sentence.
fn odt_text(xml: &str) -> Result<(String, String), OfficeError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut body = String::new();
    let mut notes = String::new();
    let mut note_depth = 0usize;
    let mut citation = false;
    let mut in_body = false;
    let mut paragraphs = 0usize;
    loop {
        let event = reader.read_event().map_err(xml_error)?;
        let out = if note_depth > 0 {
            &mut notes
        } else {
            &mut body
        };
        match event {
            Event::Start(e) => match e.name().as_ref() {
                b"office:text" => in_body = true,
                b"text:note-body" => note_depth += 1,
                b"text:note-citation" => citation = true,
                b"text:p" | b"text:h" => paragraphs += 1,
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                b"text:s" if in_body => {
                    let count = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == b"text:c")
                        .and_then(|a| std::str::from_utf8(&a.value).ok()?.parse::<usize>().ok())
                        .unwrap_or(1);
                    out.extend(std::iter::repeat_n(' ', count.min(64)));
                }
                b"text:tab" if in_body => out.push('\t'),
                b"text:line-break" if in_body => out.push('\n'),
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                b"office:text" => in_body = false,
                b"text:note-body" => {
                    line_end(&mut notes);
                    note_depth = note_depth.saturating_sub(1);
                }
                b"text:note-citation" => citation = false,
                b"text:p" | b"text:h" if in_body => {
                    paragraphs = paragraphs.saturating_sub(1);
                    line_end(out);
                }
                b"table:table-cell" if in_body => line_end(out),
                _ => {}
            },
            Event::Text(t) if in_body && paragraphs > 0 && !citation => {
                out.push_str(&t.unescape().map_err(xml_error)?);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((body, notes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docx_paragraphs_cells_and_footnotes() {
        let xml = r#"<w:document xmlns:w="w"><w:body>
            <w:p><w:r><w:t>Căn cứ Nghị định số </w:t></w:r><w:r><w:t xml:space="preserve">30/2020/NĐ-CP</w:t></w:r><w:del><w:r><w:delText>xoá</w:delText></w:r></w:del></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>BỘ TÀI CHÍNH</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Số: 12/2024/TT-BTC</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t>A</w:t><w:tab/><w:t>B &amp; C</w:t><w:br/><w:t>D</w:t></w:r></w:p>
            </w:body></w:document>"#;
        assert_eq!(
            docx_text(xml).ok().as_deref(),
            Some("Căn cứ Nghị định số 30/2020/NĐ-CP\nBỘ TÀI CHÍNH\nSố: 12/2024/TT-BTC\nA\tB & C\nD\n")
        );
    }

    #[test]
    fn odt_notes_come_after_the_body() {
        let xml = r#"<office:document-content><office:body><office:text>
            <text:p>Theo Luật<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Luật số 80/2015/QH13.</text:p></text:note-body></text:note> này<text:s text:c="2"/>đã.</text:p>
            </office:text></office:body></office:document-content>"#;
        let (body, notes) = odt_text(xml).unwrap_or_default();
        assert_eq!(body, "Theo Luật này  đã.\n");
        assert_eq!(notes, "Luật số 80/2015/QH13.\n");
    }
}
