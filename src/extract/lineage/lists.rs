//! Lead-in lists: a line ending with a colon that says what happens to the items below it.

use super::*;

/// The verbs of a list lead-in, likewise.
pub(super) static LEAD_IN_WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    literal_words(&[
        "hiệu lực",
        "bãi bỏ",
        "hủy bỏ",
        "huỷ bỏ",
        "thay thế",
        "sửa đổi",
        "hieu luc",
        "bai bo",
        "huy bo",
        "thay the",
        "sua doi",
    ])
});

/// A lead-in that ends with a colon and says what happens to the items below it: "Các văn bản sau đây
/// hết hiệu lực kể từ ngày Nghị định này có hiệu lực:", "Bãi bỏ các quy định sau:".
/// The verb stands at most [`LEAD_IN_REACH`] bytes before the colon (group 2); checked on the match, since a
/// counted repetition compiles to an automaton many times larger.
pub(super) static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"(?:(het hieu luc|bi bai bo|bai bo|bi huy bo|huy bo|bi thay the|thay the|sua doi, bo sung|sua doi)([\n -~&&[^:;]]*))\s*:\s*$",
    )
});
const LEAD_IN_REACH: usize = 120;

/// The first [`LEAD_IN`] match of folded `line` whose verb is within reach of the colon.
fn lead_in_captures(line: &str) -> Option<regex::Captures<'_>> {
    let mut from = 0;
    while from < line.len() {
        let c = LEAD_IN.captures_at(line, from)?;
        if c.get(2)
            .is_some_and(|gap| gap.as_str().trim_end_matches([' ', '\n']).len() <= LEAD_IN_REACH)
        {
            return Some(c);
        }
        // A later verb may stand within reach.
        from = c.get(1).map_or(line.len(), |v| v.start() + 1);
        while !line.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

/// A lead-in without its colon: the verb, and "sau" (đây) naming the items below as what it acts on,
/// with nothing after but the time it takes effect.
pub(super) static BARE_LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"(?:(?:van ban|quy dinh|noi dung|dieu|khoan|diem) sau(?: day)?,? (?:se |bi |duoc )?(het hieu luc|bai bo|huy bo|thay the)|(bai bo|huy bo|thay the|sua doi, bo sung|sua doi) (?:cac|nhung|mot so) [a-z ,]{0,40}?sau(?: day)?)(?:[\n -~&&[^:;.]]{0,120})\s*$",
    )
});

pub(super) use crate::extract::window::ITEM_MARK;

pub(super) fn lead_in_lists(text: &str, found: &mut Extraction, refs: &[Span]) {
    let bytes = text.as_bytes();
    // Only a line that ends with a colon can lead a list, so the text is searched for colons, not walked
    // line by line.
    let mut from = 0;
    let mut governed: Vec<(usize, usize)> = Vec::new();
    while let Some(colon) = memchr::memchr(b':', &bytes[from..]).map(|p| from + p) {
        // Only blanks may follow the colon on its line: read up to the first other character, not to the
        // line's end, since a page copy may hold a whole document on one line with hundreds of colons.
        let rest = &text[colon + 1..];
        let blank = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_whitespace() && c != '\n')
                .len();
        let after = colon + 1 + blank;
        if after < bytes.len() && bytes[after] != b'\n' {
            from = colon + 1;
            inline_lead_in(text, found, refs, colon, after);
            continue;
        }
        let line_end = (after + 1).min(bytes.len());
        let line_start = memchr::memrchr(b'\n', &bytes[..colon]).map_or(0, |p| p + 1);
        from = line_end;
        let Some(governing) = lead_in(
            &text[line_start..line_end],
            refs_on(refs, line_start, line_end),
        ) else {
            continue;
        };
        from = from.max(govern_items(text, found, refs, governing, line_end));
        governed.push((line_end, from));
    }
    // A lead-in whose colon was lost (page text of the databases drops it) still announces its items
    // ("Các quy định sau đây hết hiệu lực …" above "a) …"): the line above a first item is read when it
    // says "sau" of what it acts on.
    let mut governed_to = 0;
    for first_item in FIRST_ITEM.find_iter(bytes) {
        let line_end = first_item + 1;
        let inside = |&(s, e): &(usize, usize)| s <= line_end && line_end < e;
        if line_end < governed_to || governed.iter().any(inside) {
            continue;
        }
        let line_start = memchr::memrchr(b'\n', &bytes[..first_item]).map_or(0, |p| p + 1);
        let line = &text[line_start..first_item];
        if line.trim_end().ends_with(':') {
            continue;
        }
        let Some(governing) = bare_lead_in(line, refs_on(refs, line_start, line_end)) else {
            continue;
        };
        governed_to = govern_items(text, found, refs, governing, line_end);
    }
}

/// "… các Nghị định sau đây hết hiệu lực: Nghị định số …; Nghị định số …": a lead-in whose items follow its
/// colon on the same line, the first right after it. The items are listed as below a lead-in (see
/// [`govern_items`]) up to the sentence's end; a lead-in to new wording ("… như sau:") lists nothing.
fn inline_lead_in(text: &str, found: &mut Extraction, refs: &[Span], colon: usize, after: usize) {
    let first = refs.partition_point(|r| r.start < after);
    if refs.get(first).is_none_or(|r| r.start != after) {
        return;
    }
    let bytes = text.as_bytes();
    let line_start = memchr::memrchr(b'\n', &bytes[..colon]).map_or(0, |p| p + 1);
    let lead = &text[line_start..=colon];
    if fold(lead).contains("nhu sau") {
        return;
    }
    let Some(governing) = lead_in(lead, refs_on(refs, line_start, colon)) else {
        return;
    };
    let line_end = memchr::memchr(b'\n', &bytes[after..]).map_or(bytes.len(), |p| after + p);
    let sentence_end =
        memchr::memmem::find(&bytes[after..line_end], b". ").map_or(line_end, |p| after + p);
    let mut last = None;
    // On one line a semicolon ends the item before it, whatever title stands before the semicolon.
    govern_listed(
        text,
        found,
        refs_on(refs, after, sentence_end),
        governing,
        &mut last,
        |gap| gap.contains(';'),
    );
}

/// The start of a lettered list right after a line break ("a) "), the form of the lists a lead-in heads.
static FIRST_ITEM: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("\na) "));

fn line_end_at(bytes: &[u8], at: usize) -> usize {
    memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |p| at + p + 1)
}

/// Gives `governing` to the mentions the items from `at` on list, blank lines between them allowed, up to
/// the first line that is neither an item nor the continuation of one; returns where the list ends. An item
/// lists its first mention and those joined to a listed one by list glue ("Quyết định số …, Quyết định số
/// … và …"); a mention after other words is in a listed document's title ("1. Thông tư số … bãi bỏ khoản 4
/// Điều 3 Thông tư số … hướng dẫn Nghị định số …") and is only cited.
fn govern_items(
    text: &str,
    found: &mut Extraction,
    refs: &[Span],
    mut governing: Relation,
    mut at: usize,
) -> usize {
    let bytes = text.as_bytes();
    let mut in_item = false;
    // The end of the item's last mention, and whether the item lists it.
    let mut last: Option<(usize, bool)> = None;
    while at < bytes.len() {
        let end = line_end_at(bytes, at);
        let line = &text[at..end];
        let item = ITEM_MARK.is_match(line);
        // A line that goes on in lower case continues the item above it ("c) Khoản 1 Điều 14;" above
        // "khoản 3 Điều 100 Nghị định số …").
        let continues = in_item && line.trim_start().starts_with(|c: char| c.is_lowercase());
        if item || continues {
            if item {
                last = None;
            }
            let on_line = refs_on(refs, at, end);
            // A semicolon right after a mention ends its title as it ends an item.
            govern_listed(text, found, on_line, governing, &mut last, |gap| {
                gap.trim_start().starts_with(';')
            });
            // An item may lead a list of its own.
            if item && line.trim_end().ends_with(':') {
                if let Some(inner) = lead_in(line, on_line) {
                    governing = inner;
                }
            }
            in_item = true;
        } else if !line.trim().is_empty() {
            break;
        }
        at = end;
    }
    at
}

/// Gives `governing` to the mentions of `on` that an item lists: the first of the item, those joined to a
/// listed one by list glue ([`joins_items`]) and those after a gap that `ends_item`. `last` is the end of
/// the item's last mention and whether it was listed, carried over the item's lines.
fn govern_listed(
    text: &str,
    found: &mut Extraction,
    on: &[Span],
    governing: Relation,
    last: &mut Option<(usize, bool)>,
    ends_item: impl Fn(&str) -> bool,
) {
    for r in on {
        let listed = match *last {
            None => true,
            Some((prev_end, prev_listed)) => text
                .get(prev_end..r.start)
                .is_some_and(|gap| ends_item(gap) || (prev_listed && joins_items(gap))),
        };
        *last = Some((r.end, listed));
        if listed && relation_at(found, r.at) == Some(Relation::Cites) {
            if let Some(slot) = relation_mut(found, r.at) {
                *slot = governing;
            }
        }
    }
}

/// Text between two mentions of one item that may list both, when the first is listed: it opens with a
/// comma, "và" or "hoặc", a pinpoint of the second after it allowed (", Điều 5 …"). A semicolon lists the
/// second whatever the first was.
fn joins_items(gap: &str) -> bool {
    let gap = gap.trim_start();
    gap.starts_with(',')
        || ["và ", "hoặc ", "va ", "hoac "]
            .iter()
            .any(|w| gap.starts_with(w))
}

/// The mentions that start on the line `start..end`.
pub(super) fn refs_on(refs: &[Span], start: usize, end: usize) -> &[Span] {
    let first = refs.partition_point(|r| r.start < start);
    let last = refs.partition_point(|r| r.start < end);
    &refs[first..last.max(first)]
}

/// The relation a line ending with a colon gives the items below it, if it is a lead-in: it names no
/// document itself and states no other document's act ("Nghị định số … đã được sửa đổi, bổ sung tại:").
pub(super) fn lead_in(line: &str, on_line: &[Span]) -> Option<Relation> {
    if !on_line.is_empty() {
        return None;
    }
    // The verb stands within 120 characters of the colon (see LEAD_IN): the line's tail is enough.
    let line = line.trim_end();
    let tail = &line[floor_boundary(line, line.len().saturating_sub(400))..];
    if !may_hold(&LEAD_IN_WORDS, tail) {
        return None;
    }
    let folded = fold(tail);
    let verbs = ["het hieu luc", "bai bo", "huy bo", "thay the", "sua doi"];
    if !verbs.iter().any(|v| folded.contains(v)) {
        return None;
    }
    let c = lead_in_captures(&folded)?;
    let verb = c.get(1)?;
    if folded[..verb.start()].trim_end().ends_with("duoc") {
        return None;
    }
    Some(match verb.as_str() {
        v if v.contains("het hieu luc") || v.contains("bai bo") || v.contains("huy bo") => {
            Relation::Repeals
        }
        v if v.contains("thay the") => Relation::Replaces,
        _ => Relation::Amends,
    })
}

/// As [`lead_in`], for a line that lost its colon ([`BARE_LEAD_IN`]).
pub(super) fn bare_lead_in(line: &str, on_line: &[Span]) -> Option<Relation> {
    if !on_line.is_empty() || line.len() > 600 {
        return None;
    }
    if !may_hold(&LEAD_IN_WORDS, line) {
        return None;
    }
    let folded = fold(line.trim_end());
    let c = BARE_LEAD_IN.captures(&folded)?;
    let verb = c.get(1).or(c.get(2))?;
    Some(match verb.as_str() {
        "het hieu luc" | "bai bo" | "huy bo" => Relation::Repeals,
        "thay the" => Relation::Replaces,
        _ => Relation::Amends,
    })
}

/// "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung … ngày 22 tháng 11 năm
/// 2019;": the items of one basis list share its verb whichever kind each is. Mentions of one kind already
/// continue each other's lists as they are read; a name and a number meet only here.
pub(super) fn mixed_basis_lists(text: &str, found: &mut Extraction, refs: &[Span]) {
    for pair in refs.windows(2) {
        let (prev, next) = (pair[0], pair[1]);
        let both_numbered = matches!((prev.at, next.at), (Ref::Citation(_), Ref::Citation(_)));
        if both_numbered || prev.end > next.start {
            continue;
        }
        // List glue is a few bytes ("; ", ", và "): a longer gap is never folded.
        const GLUE_BYTES: usize = 64;
        let Some(gap) = text
            .get(prev.end..next.start)
            .filter(|g| g.len() <= GLUE_BYTES)
            .map(fold)
        else {
            continue;
        };
        // After an amending law's name, commas and semicolons list the laws its title amends ("Luật sửa
        // đổi, bổ sung Luật Chứng khoán, Luật Kế toán, …", "… của Luật Đấu thầu; Luật Đầu tư …"), until
        // its date closes the title.
        let open_title = match prev.at {
            Ref::Named(i) => {
                let n = &found.named[i];
                is_amending_name(&n.name) && n.date.is_none() && n.year.is_none()
            }
            _ => false,
        };
        if crate::extract::context::is_list_glue(&gap)
            && !open_title
            && relation_at(found, prev.at) == Some(Relation::Basis)
            && relation_at(found, next.at) == Some(Relation::Cites)
        {
            if let Some(r) = relation_mut(found, next.at) {
                *r = Relation::Basis;
            }
        }
    }
}

/// "Căn cứ Thông tư số 04/2008/TT-BNV … hướng dẫn chức năng của Sở Nội vụ;⏎Thông tư số 06/2008/TT-BNV …;": a
/// basis list goes on across lines without repeating its verb. A line that opens with a reference, after a
/// line that closes a basis item with a semicolon, is the list's next item. The title of the item before it
/// (which names other documents) stands between them, so the mentions' own list glue cannot join them.
pub(super) fn basis_lines(text: &str, found: &mut Extraction, refs: &[Span]) {
    // The first reference of the current item, once an item has been read: what the item's verb governs.
    let mut head: Option<Ref> = None;
    let mut item_from = 0;
    let has_semicolon =
        |from: usize, to: usize| memchr::memchr(b';', &text.as_bytes()[from.min(to)..to]).is_some();
    for r in refs {
        // The line opens with the reference when only blanks and a bullet stand before it on its line.
        let lead = text[..r.start].trim_end_matches(|c: char| {
            c.is_whitespace() && c != '\n' || matches!(c, '-' | '+' | '•')
        });
        let opens_line = lead.is_empty() || lead.ends_with('\n');
        let line_start = lead.len();
        let closes_item = opens_line && line_start > 0 && {
            let before = text[item_from.min(line_start)..line_start].trim_end();
            // One item's end: the semicolon closing the line above, and no other since the head.
            let from = item_from.min(line_start);
            before.ends_with(';') && !has_semicolon(from, from + before.len() - 1)
        };
        let continues = opens_line
            && closes_item
            && head.is_some_and(|h| relation_at(found, h) == Some(Relation::Basis))
            && relation_at(found, r.at) == Some(Relation::Cites);
        if continues {
            if let Some(rel) = relation_mut(found, r.at) {
                *rel = Relation::Basis;
            }
        }
        // A new item starts at a reference that opens a line or follows a semicolon since the last head.
        let new_item = head.is_none() || opens_line || has_semicolon(item_from, r.start);
        if new_item {
            head = Some(r.at);
            item_from = r.end;
        }
    }
}

/// "Thực hiện Nghị quyết số 11/NQ-CP … ; các Nghị quyết của Hội đồng nhân dân tỉnh: số 340/NQ-HĐND …; số
/// 160/NQ-HĐND …; 148/NQ-HĐND … và Công văn số 892/BKHĐT-TH …": a group of one type and issuer, led by "các
/// <type> của <issuer>:", is an item of the list before it, and its members the items after. The lead
/// names no number, so the mentions' own glue could not join them; the verb of the list's first item
/// governs them all, up to the sentence's end.
pub(super) fn grouped_lists(text: &str, found: &mut Extraction, refs: &[Span]) {
    static GROUP_LEAD: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(
            r"[;,][ \n]*(?:va[ \n]+)?cac ([a-z ]{2,30}?) cua [a-z ,&\n-]{2,80}:[ \n]*(?:so[ \n]*)?$",
        )
    });
    static NEXT_ITEM: LazyLock<Regex> = LazyLock::new(|| {
        folded_regex(r"^[^.:]{0,240}(?:;[ \n]*(?:va)?|[ \n]va)[ \n]*(?:so[ \n]*)?$")
    });
    let mut carrying: Option<Relation> = None;
    for pair in refs.windows(2) {
        let (prev, next) = (pair[0], pair[1]);
        if next.start < prev.end || next.start - prev.end > 400 {
            carrying = None;
            continue;
        }
        let raw = &text[prev.end..next.start];
        // A lead ends with its colon a few bytes before the next mention, and starts at the list's last
        // separator: only that tail is folded, and only a chain already under way reads a whole gap.
        let lead_tail = memchr::memrchr(b':', raw.as_bytes())
            .filter(|&colon| raw.len() - colon <= 12 && !raw.contains('.'))
            .and_then(|colon| {
                let from = floor_boundary(raw, colon.saturating_sub(160));
                memchr::memrchr2(b';', b',', &raw.as_bytes()[from..colon]).map(|p| from + p)
            })
            .map(|from| fold(&raw[from..]));
        let lead = carrying.is_none()
            && lead_tail.as_deref().is_some_and(|tail| {
                GROUP_LEAD
                    .captures(tail)
                    .and_then(|c| c.get(1))
                    .is_some_and(|t| {
                        crate::data::tables()
                            .leading_type_word(t.as_str())
                            .is_some()
                    })
            });
        if lead {
            carrying = relation_at(found, prev.at)
                .filter(|r| matches!(r, Relation::Basis | Relation::Implements));
        } else if carrying.is_some() && !NEXT_ITEM.is_match(&fold(raw)) {
            carrying = None;
        }
        if let Some(governing) = carrying {
            if relation_at(found, next.at) == Some(Relation::Cites) {
                if let Some(r) = relation_mut(found, next.at) {
                    *r = governing;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_in_verb_reaches_the_colon_from_at_most_its_reach() {
        let within = format!("Bãi bỏ {}:", "x".repeat(LEAD_IN_REACH - 1));
        let beyond = format!("Bãi bỏ {}:", "x".repeat(LEAD_IN_REACH + 1));
        assert_eq!(lead_in(&within, &[]), Some(Relation::Repeals));
        // Spaces before the colon do not count.
        assert_eq!(
            lead_in(&format!("{}     :", &within[..within.len() - 1]), &[]),
            Some(Relation::Repeals)
        );
        assert_eq!(lead_in(&beyond, &[]), None);
        // A later verb within reach of the colon is the lead-in's.
        let later = format!(
            "Bãi bỏ {} và thay thế các quy định sau:",
            "x".repeat(LEAD_IN_REACH)
        );
        assert_eq!(lead_in(&later, &[]), Some(Relation::Replaces));
    }
}
