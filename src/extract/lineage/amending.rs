//! Repeals inside an amending article: "Điều 101. Sửa đổi, bổ sung một số điều của Luật quản lý thuế số
//! 78/2006/QH11" over items such as "5. Bãi bỏ điểm d khoản 3 Điều 77;". The item names no document: the
//! provision it ends is one of the document the article amends, which the input therefore also repeals in
//! part.

use super::*;

/// The verbs that open a repealing item, as items write them (capital first, at the item's start).
const REPEALING_ITEM_VERBS: [&str; 3] = ["Bãi bỏ ", "Hủy bỏ ", "Huỷ bỏ "];

/// The parts of a document a repealing item can end ("Bãi bỏ điểm d …", "Bãi bỏ các Điều 32, 33 …"),
/// folded.
const PROVISION_WORDS: [&str; 9] = [
    "diem ", "khoan ", "dieu ", "cac ", "chuong ", "muc ", "cum tu", "phu luc", "mau ",
];

/// The most text read after an amending mention for the items of its article.
const ARTICLE_REACH: usize = 200_000;

pub(super) fn repeals_among_amendments(text: &str, found: &mut Extraction, refs: &[Span]) {
    let amending = amending_mentions(text, found, refs);
    let mut items: Vec<(usize, usize, Ref)> = Vec::new();
    for (k, m) in amending.iter().enumerate() {
        // The article runs from the line after its amending mention to the next amending mention, or to
        // the next heading of the input's own (outside the quoted new wording).
        let until = amending.get(k + 1).map_or(text.len(), |next| next.start);
        // No amending article runs this long; the bound keeps an unclosed quotation from walking on.
        let until = floor_boundary(text, until.min(m.end + ARTICLE_REACH));
        let governing = amended_on_line(text, found, refs, m);
        for (at, line_end) in repealing_items(text, refs, m.end, until) {
            items.push((at, line_end, governing));
        }
    }
    for (start, end, governing) in items {
        // The provisions: the item's words after its verb, to the end of its first clause.
        let object = &text[start..end];
        let object = object.split_once(' ').map_or("", |(_, rest)| rest);
        let object = object.split_once(' ').map_or("", |(_, rest)| rest);
        let object = object[..object.find([';', '.']).unwrap_or(object.len())].trim();
        let also = Also {
            relation: Relation::Repeals,
            start,
            end: start + text[start..end].trim_end().len(),
            partial: Some(true),
            pinpoint: (!object.is_empty()).then(|| object.to_string()),
        };
        let repeals_already = |relation: Relation, alsos: &[Also]| {
            relation == Relation::Repeals || alsos.iter().any(|a| a.relation == Relation::Repeals)
        };
        match governing {
            Ref::Citation(i) => {
                if let Some(c) = found.citations.get_mut(i) {
                    if !repeals_already(c.relation, &c.also) {
                        c.also.push(also);
                    }
                }
            }
            Ref::Named(i) => {
                if let Some(n) = found.named.get_mut(i) {
                    if !repeals_already(n.relation, &n.also) {
                        n.also.push(also);
                    }
                }
            }
            Ref::Document => {}
        }
    }
}

/// "Luật X số … đã được sửa đổi, bổ sung theo Luật Y": the article amends X, whose wording Y last changed;
/// the provision an item ends is X's, the first mention its line amends.
fn amended_on_line(text: &str, found: &Extraction, refs: &[Span], mention: &Span) -> Ref {
    let line_start = memchr::memrchr(b'\n', &text.as_bytes()[..mention.start]).map_or(0, |p| p + 1);
    refs_on(refs, line_start, mention.end)
        .iter()
        .find(|r| relations(found, r).0 == Relation::Amends)
        .unwrap_or(mention)
        .at
}

/// The items from the line after `from` to `until` that open with a repealing verb, end a provision and
/// name no document, outside the quoted new wording; the walk stops at an article heading of the input's
/// own. A heading has its title on its line ("Điều 102. Sửa đổi …"); a number alone ("Điều 107.") is the
/// tail of a reference that a page copy wrapped.
fn repealing_items(text: &str, refs: &[Span], from: usize, until: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut items = Vec::new();
    // Overlapping mentions (a name read over the symbol after it) can put the next one before this one's end.
    if from >= until {
        return items;
    }
    let mut at = memchr::memchr(b'\n', &bytes[from..until]).map_or(until, |p| from + p + 1);
    let mut quote = QuoteState::default();
    while at < until {
        let line_end = memchr::memchr(b'\n', &bytes[at..until]).map_or(until, |p| at + p);
        let line = &text[at..line_end];
        let trimmed = line.trim_start();
        if !quote.open() {
            if is_heading(trimmed) {
                break;
            }
            if let Some(verb_at) = repealing_verb_at(line) {
                if refs_on(refs, at, line_end).is_empty() {
                    items.push((at + verb_at, line_end));
                }
            }
        }
        quote.read(line);
        at = line_end + 1;
    }
    items
}

/// "Điều 12. Tiêu đề" with the title on its line.
fn is_heading(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("Điều ") else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    let rest = &rest[digits..];
    let rest = rest
        .strip_prefix(|c: char| c.is_ascii_lowercase() || c == 'đ')
        .unwrap_or(rest);
    rest.strip_prefix(". ")
        .map(str::trim_start)
        .is_some_and(|t| t.starts_with(char::is_uppercase))
}

/// Where a repealing item's verb opens `line` after its mark ("5. Bãi bỏ điểm d …"), when its object is a
/// provision.
fn repealing_verb_at(line: &str) -> Option<usize> {
    // Most lines are no repealing item: the verb's "bỏ " within the line's first bytes is looked for first.
    let head = &line.as_bytes()[..line.len().min(32)];
    memchr::memmem::find(head, "bỏ ".as_bytes())?;
    let m = ITEM_MARK.find(line)?;
    let verb_at = m.end() + (line[m.end()..].len() - line[m.end()..].trim_start().len());
    let rest = &line[verb_at..];
    let verb = REPEALING_ITEM_VERBS.iter().find(|v| rest.starts_with(*v))?;
    let object = fold(&rest[verb.len()..floor_boundary(rest, (verb.len() + 30).min(rest.len()))]);
    PROVISION_WORDS
        .iter()
        .any(|w| object.starts_with(w))
        .then_some(verb_at)
}

/// Whether the quotation of new wording that the last "… như sau:" opened is still open. Counting from
/// that lead-in, not from the article's start, keeps one quotation the page copy left unclosed from
/// hiding every item after it.
#[derive(Default)]
struct QuoteState {
    opened: usize,
    closed: usize,
    straight: usize,
}

impl QuoteState {
    fn open(&self) -> bool {
        self.opened > self.closed || self.straight % 2 == 1
    }

    fn read(&mut self, line: &str) {
        static SAU: LazyLock<memchr::memmem::FinderRev<'static>> =
            LazyLock::new(|| memchr::memmem::FinderRev::new(" sau"));
        let bytes = line.as_bytes();
        // "như sau" or "nhu sau": the last " sau" after one of them.
        let from = SAU.rfind(bytes).filter(|&p| {
            let before = &line[..p];
            before.ends_with("như") || before.ends_with("nhu")
        });
        let counted = match from {
            Some(p) => {
                *self = QuoteState::default();
                &bytes[p..]
            }
            None => bytes,
        };
        // “ and ” are E2 80 9C and E2 80 9D.
        for at in memchr::memchr2_iter(0xE2, b'"', counted) {
            match (counted[at], counted.get(at + 1), counted.get(at + 2)) {
                (b'"', _, _) => self.straight += 1,
                (_, Some(0x80), Some(0x9C)) => self.opened += 1,
                (_, Some(0x80), Some(0x9D)) => self.closed += 1,
                _ => {}
            }
        }
    }
}

/// Whether the words of a line before its mention open an article or item of amendments ("Điều 101. Sửa
/// đổi, bổ sung một số điều của", "9. Sửa đổi, bổ sung …", the promulgation "Quốc hội ban hành Luật sửa đổi
/// …"), not a Căn cứ line or a title that names an amending document.
fn opens_amending_article(folded: &str) -> bool {
    static HEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:dieu [0-9]+[a-z]?\. ?|[0-9]{1,2}\. ?|[a-z]\) ?)?(?:sua doi|bo sung)|ban hanh [a-z ]{0,20}sua doi")
            .unwrap_or_else(|e| panic!("amending article: {e}"))
    });
    HEAD.is_match(folded.trim_start())
}

/// The relation of a mention and its further ones.
fn relations<'a>(found: &'a Extraction, r: &Span) -> (Relation, &'a [Also]) {
    match r.at {
        Ref::Citation(i) => found.citations.get(i).map(|c| (c.relation, &c.also[..])),
        Ref::Named(i) => found.named.get(i).map(|n| (n.relation, &n.also[..])),
        Ref::Document => None,
    }
    .unwrap_or((Relation::Cites, &[]))
}

/// The mentions the input amends as the object of their line's own amending verb ("Điều 101. Sửa đổi, bổ
/// sung … của Luật …"), not documents the new wording of a provision mentions; in text order.
fn amending_mentions(text: &str, found: &Extraction, refs: &[Span]) -> Vec<Span> {
    let bytes = text.as_bytes();
    refs.iter()
        .filter(|r| {
            let (relation, also) = relations(found, r);
            // "Sửa đổi, bổ sung, bãi bỏ một số điều của …" reads as repeals here: its second verb is added
            // later (`coordinated_change`).
            let amends = matches!(relation, Relation::Amends | Relation::Repeals)
                || also.iter().any(|a| a.relation == Relation::Amends);
            amends && {
                let line_start = memchr::memrchr(b'\n', &bytes[..r.start]).map_or(0, |p| p + 1);
                let from = floor_boundary(text, line_start.max(r.start.saturating_sub(400)));
                opens_amending_article(&fold(&text[from..r.start]))
            }
        })
        .copied()
        .collect()
}
