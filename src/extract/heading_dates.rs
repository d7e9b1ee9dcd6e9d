//! Dates that a list's heading gives its items: "Ngày 16 tháng 6 năm 2025:" above "- Luật số 72/2025/QH15;".

use crate::extract::clean::fold;
use crate::extract::context::{date_after, Date};
use crate::model::Citation;

/// How far above an item its heading may stand: a list of laws passed on one day is seldom longer.
const HEADING_REACH: usize = 8_000;
/// How far before a reference its item's marker may stand: items open with the reference they date ("- Luật
/// số …", "a) Nghị quyết số …"). The bound also keeps a text of one endless line (a dense list) linear.
const ITEM_REACH: usize = 120;

/// Gives each list item's reference that has no date of its own the date its list's heading opens with, when
/// the heading's year is the symbol's own. The heading is the first line above the item that is not an item
/// of the same list; it must start with the date and end with a colon, so a date inside another item or a
/// footnote is never taken.
pub(crate) fn apply(text: &str, citations: &mut [Citation]) {
    for c in citations.iter_mut().filter(|c| c.date.is_none()) {
        let Some(year) = c.year else {
            continue;
        };
        let Some(line_start) = line_start(text, c.start.saturating_sub(ITEM_REACH), c.start) else {
            continue;
        };
        if !is_item(&text[line_start..c.start]) {
            continue;
        }
        if let Some(date) = heading_date(text, line_start).filter(|d| d.year == year) {
            c.date = Some(date.iso());
        }
    }
}

/// Where the line holding byte `at` starts, if it starts at or after `floor`.
fn line_start(text: &str, floor: usize, at: usize) -> Option<usize> {
    match memchr::memrchr(b'\n', &text.as_bytes()[floor..at]) {
        Some(p) => Some(floor + p + 1),
        None => (floor == 0).then_some(0),
    }
}

/// Whether a line opens with a list marker: "- ", "+ ", "• ", "a) ", "1. ", "2) ".
fn is_item(line: &str) -> bool {
    let line = line.trim_start();
    if line.starts_with(['-', '+', '•', '–', '*']) {
        return true;
    }
    let marker: String = line.chars().take_while(|c| c.is_alphanumeric()).collect();
    let after = &line[marker.len()..];
    !marker.is_empty()
        && marker.chars().count() <= 3
        && (after.starts_with(") ") || after.starts_with(". "))
        && (marker.chars().all(|c| c.is_ascii_digit()) || marker.chars().count() == 1)
}

/// The date of the heading above the list item whose line starts at `item_start`.
fn heading_date(text: &str, item_start: usize) -> Option<Date> {
    let floor = item_start.saturating_sub(HEADING_REACH);
    let mut end = item_start.saturating_sub(1);
    while end > floor {
        let start = line_start(text, floor, end)?;
        let line = text[start..end].trim();
        end = start.saturating_sub(1);
        if line.is_empty() || is_item(line) {
            continue;
        }
        return opening_date(line);
    }
    None
}

/// "Ngày 16 tháng 6 năm 2025:" or "Ngày 16/6/2025, Quốc hội thông qua các luật sau:": a line that starts
/// with a date and ends with a colon.
fn opening_date(line: &str) -> Option<Date> {
    let folded = fold(line.trim_start_matches(['#', '*', '_', ' ']));
    let folded = folded.trim_end_matches(['*', '_', ' ']);
    if !(folded.starts_with("ngay") && folded.ends_with(':')) {
        return None;
    }
    date_after(folded).map(|(date, _)| date)
}
