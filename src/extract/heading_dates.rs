//! Dates that a list's heading gives its items: "Ngày 16 tháng 6 năm 2025:" above "- Luật số 72/2025/QH15;".

use crate::extract::clean::fold;
use crate::extract::context::Date;
use crate::model::Citation;

/// How far above an item its heading may stand: a list of laws passed on one day is seldom longer.
const HEADING_REACH: usize = 8_000;

/// Gives each list item's reference that has no date of its own the date its list's heading opens with, when
/// the heading's year is the symbol's own. The heading is the first line above the item that is not an item
/// of the same list; it must start with the date and end with a colon, so a date inside another item or a
/// footnote is never taken.
pub(crate) fn apply(text: &str, citations: &mut [Citation]) {
    for c in citations.iter_mut().filter(|c| c.date.is_none()) {
        let Some(year) = c.year else {
            continue;
        };
        let line_start = text[..c.start].rfind('\n').map_or(0, |p| p + 1);
        if !is_item(&text[line_start..c.start]) {
            continue;
        }
        if let Some(date) = heading_date(text, line_start).filter(|d| d.year == year) {
            c.date = Some(date.iso());
        }
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
    let mut end = item_start;
    while end > floor {
        let body = text[..end].strip_suffix('\n').unwrap_or(&text[..end]);
        let start = body.rfind('\n').map_or(0, |p| p + 1);
        let line = body[start..].trim();
        end = start;
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
    if !folded.ends_with(':') {
        return None;
    }
    let rest = folded.strip_prefix("ngay")?.trim_start();
    let digits = |s: &str| -> Option<(u32, usize)> {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        Some((s[..n].parse().ok()?, n))
    };
    let (day, n) = digits(rest)?;
    let rest = &rest[n..];
    let (month, rest) = if let Some(r) = rest.strip_prefix('/') {
        let (m, n) = digits(r)?;
        (m, r[n..].strip_prefix('/')?)
    } else {
        let r = rest.trim_start().strip_prefix("thang")?.trim_start();
        let (m, n) = digits(r)?;
        (m, r[n..].trim_start().strip_prefix("nam")?.trim_start())
    };
    let (year, n) = digits(rest)?;
    if n != 4 {
        return None;
    }
    Date::new(year as i32, month, day)
}
