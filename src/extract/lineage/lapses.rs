//! The documents an input ends in its closing article, and which of them it replaces.
//!
//! "6. Thông tư số 39/2014/TT-NHNN … hướng dẫn về …; Điều 3 của Thông tư số 30/2016/TT-NHNN …; Thông tư số
//! 23/2019/TT-NHNN … sửa đổi, bổ sung một số điều của Thông tư số 39/2014/TT-NHNN … hết hiệu lực kể từ ngày
//! Thông tư này có hiệu lực thi hành": one "hết hiệu lực" ends every document that heads a part of the
//! list; the documents named in those documents' titles are only cited.

use super::*;

/// What may stand before the document that heads a part of a lapsing list: nothing, or the provisions of
/// it that lapse ("Điều 3 của", "khoản 2, khoản 3 Điều 5 của"), folded and trimmed.
fn head_prefix(prefix: &str) -> bool {
    matches!(prefix, "" | "cua" | "tai") || crate::extract::context::pinpoints_only(prefix)
}

/// What the first part of a lapsing list may say of its documents instead: the contents they set out
/// ("Các thủ tục hành chính tương ứng đã công bố tại"), folded.
static CONTENT_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:cac |nhung )?(?:thu tuc hanh chinh|noi dung|quy dinh)(?: [a-z]+){0,6} (?:da )?(?:duoc )?(?:cong bo|quy dinh|ban hanh) tai$",
    )
    .unwrap_or_else(|e| panic!("content prefix: {e}"))
});

pub(super) fn lapsing_lists(text: &str, found: &mut Extraction, refs: &[Span]) {
    let bytes = text.as_bytes();
    for at in memchr::memmem::find_iter(bytes, "hết hiệu lực".as_bytes()) {
        let after = fold(&text[at..floor_boundary(text, (at + 100).min(text.len()))]);
        if !LAPSES_AFTER_LIST.is_match(&after) {
            continue;
        }
        let line_start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |p| p + 1);
        let line = &text[line_start..at];
        // One subject is read by the mention's own clause; a list joins its parts with semicolons.
        if !line.contains(';') {
            continue;
        }
        let mark_end = ITEM_MARK.find(line).map_or(0, |m| m.end());
        let mut parts: Vec<(usize, usize)> = Vec::new();
        let mut from = line_start + mark_end;
        for (i, _) in line.match_indices(';') {
            parts.push((from, line_start + i));
            from = line_start + i + 1;
        }
        parts.push((from, at));
        let mut heads: Vec<Span> = Vec::new();
        let mut titled: Vec<Span> = Vec::new();
        let is_list = parts.iter().enumerate().all(|(k, &(s, e))| {
            let on = refs_on(refs, s, e);
            let Some(head) = on.first() else {
                return false;
            };
            let prefix = fold(&text[s..head.start]);
            let prefix = prefix.trim();
            if !(head_prefix(prefix) || k == 0 && CONTENT_PREFIX.is_match(prefix)) {
                return false;
            }
            heads.push(*head);
            titled.extend(on[1..].iter().copied());
            true
        });
        if !is_list {
            continue;
        }
        for head in heads {
            if let Some(slot) = relation_mut(found, head.at) {
                if *slot == Relation::Cites {
                    *slot = Relation::Repeals;
                }
            }
        }
        // The last title's mention stands right before "hết hiệu lực"; it is only a word of that title.
        for t in titled {
            if let Some(slot) = relation_mut(found, t.at) {
                if *slot == Relation::Repeals {
                    *slot = Relation::Cites;
                }
            }
        }
    }
}

/// The words that open a trích yếu before its matter ("Quy định về …", "Hướng dẫn việc …"), folded.
const TITLE_OPENERS: [&str; 9] = [
    "quy dinh chi tiet",
    "quy dinh",
    "huong dan thi hanh",
    "huong dan",
    "ban hanh",
    "ve viec",
    "ve",
    "viec",
    "hoat dong",
];

/// How many words of the input's matter the ended document's title must repeat, in a row.
const SHARED_MATTER_WORDS: usize = 4;

/// An input that wholly ends a document of its own kind and issuer on its own matter replaces it:
/// "Thông tư quy định về hoạt động cung ứng dịch vụ trung gian thanh toán" ending "Thông tư số
/// 39/2014/TT-NHNN … hướng dẫn về dịch vụ trung gian thanh toán". The repeal stays; the replacement is a
/// further relation with the words of the ended document's title.
pub(super) fn replaced_on_same_matter(text: &str, found: &mut Extraction) {
    let Some(own) = found.document.as_ref() else {
        return;
    };
    let Some(title) = own.title.as_deref() else {
        return;
    };
    let matter = matter_words(title);
    // An amending document's title holds the amended one's matter, which it does not take over.
    let opening = fold(title);
    let amending = ["sua doi", "bo sung"]
        .iter()
        .any(|w| opening.starts_with(w));
    if amending || matter.len() < SHARED_MATTER_WORDS {
        return;
    }
    let (own_type, own_issuers) = (own.doc_type, own.issuers.clone());
    let own_issuer_name = own.issuer_name.clone();
    for c in &mut found.citations {
        let whole = c.pinpoint.is_none();
        // One body's document: "Ủy ban nhân dân tỉnh A" does not replace the rules of province B.
        let same_body = match (&own_issuer_name, &c.issuer_name) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let same_kind = c.doc_type == own_type
            && c.issuers.iter().any(|i| own_issuers.contains(i))
            && same_body;
        if c.relation != Relation::Repeals || !whole || !same_kind {
            continue;
        }
        if c.also.iter().any(|a| a.relation == Relation::Replaces) {
            continue;
        }
        // The ended document's title: the words after its mention, to the end of its part of the list.
        let rest = &text[c.end..floor_boundary(text, (c.end + 400).min(text.len()))];
        let title_len = rest.find([';', '\n']).unwrap_or(rest.len());
        let title = content_words(&fold(&rest[..title_len]));
        let shares = matter
            .windows(SHARED_MATTER_WORDS)
            .any(|w| title.windows(SHARED_MATTER_WORDS).any(|t| t == w));
        if shares {
            c.also.push(Also {
                relation: Relation::Replaces,
                start: c.start,
                end: c.end + title_len,
                partial: None,
                pinpoint: None,
            });
        }
    }
}

/// The words of a trích yếu after the words that open it: its matter.
fn matter_words(title: &str) -> Vec<String> {
    let mut folded = fold(title).to_lowercase();
    loop {
        let trimmed = folded.trim_start();
        let Some(opener) = TITLE_OPENERS
            .iter()
            .find(|o| trimmed.starts_with(*o) && trimmed[o.len()..].starts_with(' '))
        else {
            break;
        };
        folded = trimmed[opener.len()..].to_string();
    }
    content_words(&folded)
}

/// Words every title has ("một số điều của", "quy định chi tiết", "sửa đổi, bổ sung"), which say nothing
/// of its matter, folded.
const FORM_WORDS: [&str; 26] = [
    "bien", "bo", "cac", "chi", "cua", "dan", "dieu", "dinh", "doi", "hanh", "huong", "khoan",
    "mot", "nay", "phap", "quy", "so", "sua", "sung", "tai", "theo", "thi", "tiet", "va", "ve",
    "viec",
];

/// The folded words of `folded` that are neither numbers nor [`FORM_WORDS`].
fn content_words(folded: &str) -> Vec<String> {
    folded
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| {
            !w.is_empty()
                && !w.starts_with(|c: char| c.is_ascii_digit())
                && FORM_WORDS.binary_search(w).is_err()
        })
        .map(str::to_string)
        .collect()
}
