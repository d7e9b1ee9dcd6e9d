//! Web pages: the text a reader sees, with where each stretch of it sits in the page's bytes.
//!
//! Scripts, styles, the head and navigation are dropped, and so is the page furniture of the legal
//! databases (menus, tabs, "Tóm tắt", "Văn bản liên quan", privacy notes): by element, by class or id, and
//! by a heading that names a furniture section, which drops the section to the end of its parent. Block
//! elements and `<br>` end lines; runs of white space read as one space, as a browser shows them. The
//! tokenizer is html5gum's; entities come decoded from it and are lined up here with the bytes they
//! were written as.

use html5gum::{DefaultEmitter, Token, Tokenizer};

/// One stretch of the text and the bytes of the page it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Segment {
    /// Where the stretch starts in the text.
    pub text: usize,
    /// Its length in the text.
    pub text_len: usize,
    /// Where its bytes start in the page.
    pub page: usize,
    /// How many bytes of the page it was read from: equal to `text_len`, byte for byte, for plain text;
    /// other lengths for an entity, a run of white space, or a line end a tag makes (0 bytes).
    pub page_len: usize,
}

impl Segment {
    fn verbatim(&self) -> bool {
        self.text_len == self.page_len
    }
}

/// The visible text of a page and where it came from.
#[derive(Debug, Clone, Default)]
pub(crate) struct Layout {
    pub text: String,
    pub segments: Vec<Segment>,
}

/// Elements whose content is never shown, or is a site's navigation rather than the document.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "canvas", "nav", "footer", "aside",
    "form", "button", "select", "textarea", "iframe", "object", "header", "menu", "dialog",
];

/// Elements that begin and end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "tbody",
    "thead",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "center",
    "caption",
    "figure",
    "figcaption",
    "address",
];

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "param", "source",
    "track", "wbr",
];

/// Words of a class or id that mark page furniture, compared with each word of the attribute (split at
/// spaces, `-` and `_`, lower case).
const FURNITURE_CLASS_WORDS: &[&str] = &[
    "menu",
    "nav",
    "navbar",
    "navigation",
    "breadcrumb",
    "breadcrumbs",
    "footer",
    "header",
    "sidebar",
    "banner",
    "ads",
    "advert",
    "advertisement",
    "share",
    "social",
    "login",
    "cookie",
    "cookies",
    "privacy",
    "toolbar",
    "tabs",
    "tab",
    "related",
    "lienquan",
    "tomtat",
    "search",
    "comment",
    "comments",
    "modal",
    "popup",
    "hidden",
    "print",
    "download",
    "taive",
    "luocdo",
    "thuoctinh",
];

/// Headings of the legal databases' sections around a document, folded (no diacritics, lower case).
const FURNITURE_HEADINGS: &[&str] = &[
    "tom tat",
    "van ban lien quan",
    "van ban lien quan cung noi dung",
    "luoc do",
    "thuoc tinh",
    "tai ve",
    "lien quan hieu luc",
    "lien quan noi dung",
    "chinh sach bao mat",
    "dieu khoan su dung",
];

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn furniture_attribute(value: &[u8]) -> bool {
    let value = String::from_utf8_lossy(value).to_ascii_lowercase();
    value
        .split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
        .any(|word| FURNITURE_CLASS_WORDS.contains(&word))
}

/// Whether a page's first bytes are HTML: a doctype or an `<html>` tag after white space.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let head: String = head
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

struct Reader<'a> {
    page: &'a str,
    out: Layout,
    /// Open elements: name and whether a furniture heading ends the section at its end.
    open: Vec<String>,
    /// Depth (length of `open`) at which a hidden element started, while one is open.
    hidden_from: Option<usize>,
    /// A heading being read: its depth, where its text started, and the page offset of its tag.
    heading: Option<(usize, usize, usize)>,
    pre: usize,
}

impl<'a> Reader<'a> {
    fn push(&mut self, piece: &str, page: usize, page_len: usize) {
        if piece.is_empty() {
            return;
        }
        let text = self.out.text.len();
        self.out.text.push_str(piece);
        let seg = Segment {
            text,
            text_len: piece.len(),
            page,
            page_len,
        };
        if let Some(last) = self.out.segments.last_mut() {
            if seg.verbatim() && last.verbatim() && last.page + last.page_len == page {
                last.text_len += seg.text_len;
                last.page_len += seg.page_len;
                return;
            }
        }
        self.out.segments.push(seg);
    }

    fn line_end(&mut self, at: usize) {
        if !self.out.text.is_empty() && !self.out.text.ends_with('\n') {
            // A space before the line end says nothing.
            if self.out.text.ends_with(' ') {
                self.out.text.pop();
                if let Some(last) = self.out.segments.last_mut() {
                    last.text_len -= 1;
                    if last.verbatim() || last.text_len == 0 {
                        last.page_len = last.page_len.saturating_sub(1);
                    }
                    if last.text_len == 0 {
                        self.out.segments.pop();
                    }
                }
            }
            self.push("\n", at, 0);
        }
    }

    fn ends_in_space(&self) -> bool {
        self.out.text.is_empty() || self.out.text.ends_with([' ', '\n'])
    }

    /// Lines up a text run's bytes on the page with the characters the tokenizer decoded from them.
    fn text_run(&mut self, start: usize, end: usize, decoded: &str) {
        let Some(raw) = self.page.get(start..end) else {
            return;
        };
        let mut i = 0;
        let mut chars = decoded.char_indices().peekable();
        while i < raw.len() {
            let Some(&(j, want)) = chars.peek() else {
                break;
            };
            let rest = &raw[i..];
            let here = start + i;
            let space = |c: char| c.is_whitespace();
            if self.pre == 0 && rest.starts_with(space) && space(want) {
                let run = rest.len() - rest.trim_start_matches(space).len();
                while chars.next_if(|&(_, c)| space(c)).is_some() {}
                if !self.ends_in_space() {
                    self.push(" ", here, run);
                }
                i += run;
                continue;
            }
            let len = if rest.starts_with('&') {
                entity_len(rest)
            } else {
                0
            };
            if len > 1 && !decoded[j..].starts_with(&rest[..len]) {
                chars.next();
                let piece = &decoded[j..j + want.len_utf8()];
                if want == '\u{a0}' && self.pre == 0 {
                    if !self.ends_in_space() {
                        self.push(" ", here, len);
                    }
                } else {
                    self.push(piece, here, len);
                }
                i += len;
                continue;
            }
            let Some(c) = rest.chars().next() else { break };
            if c == want {
                chars.next();
                if c == '\u{a0}' && self.pre == 0 {
                    if !self.ends_in_space() {
                        self.push(" ", here, c.len_utf8());
                    }
                } else {
                    self.push(&rest[..c.len_utf8()], here, c.len_utf8());
                }
                i += c.len_utf8();
                continue;
            }
            // The tokenizer read the bytes otherwise than they are written (a NUL, a line end): what is
            // left is one stretch.
            self.push(&decoded[j..], here, raw.len() - i);
            return;
        }
    }

    fn start_tag(
        &mut self,
        name: &str,
        furniture: bool,
        self_closing: bool,
        at: usize,
        end: usize,
    ) {
        if VOID.contains(&name) || self_closing {
            if self.hidden_from.is_none() && matches!(name, "br" | "hr") {
                self.line_end_hard(at, end);
            }
            return;
        }
        self.open.push(name.to_string());
        if self.hidden_from.is_none() && (HIDDEN.contains(&name) || furniture) {
            self.hidden_from = Some(self.open.len());
        }
        if self.hidden_from.is_some() {
            return;
        }
        if name == "pre" {
            self.pre += 1;
        }
        if BLOCKS.contains(&name) {
            self.line_end(at);
        }
        if is_heading(name) {
            self.heading = Some((self.open.len(), self.out.text.len(), at));
        }
    }

    /// `<br>`: a line end even after another.
    fn line_end_hard(&mut self, at: usize, end: usize) {
        if self.out.text.ends_with(' ') {
            self.line_end(at);
        } else {
            self.push("\n", at, end - at);
        }
    }

    fn end_tag(&mut self, name: &str, at: usize) {
        let Some(depth) = self.open.iter().rposition(|n| n == name) else {
            return;
        };
        let depth = depth + 1;
        let was_hidden = self.hidden_from.is_some_and(|h| h <= depth);
        if !was_hidden {
            if name == "pre" {
                self.pre = self.pre.saturating_sub(1);
            }
            if BLOCKS.contains(&name) {
                self.line_end(at);
            }
            if let Some((heading_depth, text_start, _)) = self.heading.filter(|h| h.0 == depth) {
                self.heading = None;
                let folded = crate::extract::clean::fold(&self.out.text[text_start..]);
                let title = folded.trim().trim_end_matches(':').trim();
                if FURNITURE_HEADINGS.contains(&title) {
                    // The section runs to the end of the heading's parent.
                    self.truncate(text_start);
                    self.hidden_from = Some(heading_depth - 1).filter(|&d| d > 0);
                }
            }
        }
        self.open.truncate(depth - 1);
        if self.hidden_from.is_some_and(|h| h > self.open.len()) {
            self.hidden_from = None;
        }
    }

    fn truncate(&mut self, text_len: usize) {
        self.out.text.truncate(text_len);
        while let Some(last) = self.out.segments.last_mut() {
            if last.text >= text_len {
                self.out.segments.pop();
            } else {
                if last.text + last.text_len > text_len {
                    let cut = last.text + last.text_len - text_len;
                    last.text_len -= cut;
                    if last.page_len >= cut {
                        last.page_len -= cut;
                    }
                }
                break;
            }
        }
    }
}

/// How many bytes an entity at the start of `s` (`&amp;`, `&#7889;`, `&#x1EC7;`, `&nbsp` without `;`)
/// takes.
fn entity_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 1;
    if b.get(1) == Some(&b'#') {
        i = 2;
        if matches!(b.get(2), Some(b'x' | b'X')) {
            i = 3;
        }
        while b.get(i).is_some_and(|c| c.is_ascii_hexdigit()) {
            i += 1;
        }
    } else {
        while b.get(i).is_some_and(|c| c.is_ascii_alphanumeric()) {
            i += 1;
        }
    }
    if b.get(i) == Some(&b';') {
        i += 1;
    }
    i
}

/// The visible text of an HTML page, with the way back to its bytes.
pub(crate) fn read(page: &str) -> Layout {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut reader = Reader {
        page,
        out: Layout::default(),
        open: Vec::new(),
        hidden_from: None,
        heading: None,
        pre: 0,
    };
    for token in Tokenizer::new_with_emitter(page, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                let furniture = tag.attributes.iter().any(|(k, v)| {
                    matches!(&k[..], b"class" | b"id" | b"role") && furniture_attribute(&v.value)
                }) || tag.attributes.contains_key(&b"hidden"[..])
                    || tag
                        .attributes
                        .get(&b"aria-hidden"[..])
                        .is_some_and(|v| &v.value[..] == b"true");
                reader.start_tag(
                    &name,
                    furniture,
                    tag.self_closing,
                    tag.span.start,
                    tag.span.end,
                );
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                reader.end_tag(&name, tag.span.start);
            }
            Token::String(s) if reader.hidden_from.is_none() => {
                let decoded = String::from_utf8_lossy(&s.value);
                reader.text_run(s.span.start, s.span.end, &decoded);
            }
            _ => {}
        }
    }
    let end = reader.out.text.trim_end().len();
    reader.truncate(end);
    reader.out
}

impl Layout {
    /// The segment holding text offset `t`, as the start of a span (`end == false`) or its end.
    fn find(&self, t: usize, end: bool) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| {
            if end {
                s.text + s.text_len < t
            } else {
                s.text + s.text_len <= t
            }
        });
        self.segments.get(i)
    }

    /// Where text offset `t` is in the page: a span's start maps to the first byte of its first
    /// character, an end past the last byte of its last one (never into the tag that follows).
    pub(crate) fn page_offset(&self, t: usize, end: bool) -> usize {
        match self.find(t, end) {
            Some(s) if s.verbatim() => s.page + (t - s.text).min(s.page_len),
            Some(s) if end && t > s.text => s.page + s.page_len,
            Some(s) => s.page,
            None => self.segments.last().map_or(0, |s| s.page + s.page_len),
        }
    }

    /// The stretches of the page that the text span `start..end` was read from, each free of tags, so
    /// that a mark around each never breaks an element.
    pub(crate) fn pieces(&self, start: usize, end: usize) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        let first = self
            .segments
            .partition_point(|s| s.text + s.text_len <= start);
        for s in &self.segments[first..] {
            if s.text >= end {
                break;
            }
            if s.page_len == 0 {
                continue;
            }
            let (a, b) = if s.verbatim() {
                let a = s.page + start.saturating_sub(s.text);
                let b = s.page + (end - s.text).min(s.text_len);
                (a, b)
            } else {
                (s.page, s.page + s.page_len)
            };
            match out.last_mut() {
                Some(last) if last.1 == a => last.1 = b,
                _ if a < b => out.push((a, b)),
                _ => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_and_its_offsets() {
        let page = "<html><head><title>x</title><script>var a = '<p>30/2020/NĐ-CP</p>';</script></head>\
                    <body><nav>Trang chủ</nav><p>Căn cứ Nghị&nbsp;định số <b>30/2020</b>/NĐ-CP\n   ngày 05/3/2020;</p>\
                    <div class=\"box-related\">Văn bản liên quan: 01/2011/TT-BNV</div><p>Bãi bỏ &amp; thay thế</p></body></html>";
        let layout = read(page);
        assert_eq!(
            layout.text,
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020;\nBãi bỏ & thay thế"
        );
        let t = layout.text.find("30/2020").unwrap_or_default();
        let e = t + "30/2020/NĐ-CP".len();
        let (ps, pe) = (layout.page_offset(t, false), layout.page_offset(e, true));
        assert_eq!(&page[ps..pe], "30/2020</b>/NĐ-CP");
        assert_eq!(
            layout
                .pieces(t, e)
                .iter()
                .map(|&(a, b)| &page[a..b])
                .collect::<Vec<_>>(),
            ["30/2020", "/NĐ-CP"]
        );
        let amp = layout.text.find('&').unwrap_or_default();
        assert_eq!(
            &page[layout.page_offset(amp, false)..layout.page_offset(amp + 1, true)],
            "&amp;"
        );
    }

    #[test]
    fn a_furniture_heading_drops_its_section() {
        let page = "<div><p>Nghị định số 30/2020/NĐ-CP</p></div><div><h3>Văn bản liên quan</h3><ul><li>Thông tư 01/2011/TT-BNV</li></ul></div><p>Hết</p>";
        assert_eq!(read(page).text, "Nghị định số 30/2020/NĐ-CP\nHết");
    }
}
