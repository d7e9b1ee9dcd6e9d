//! Named laws' ids: the number the input writes beside the name, else the name and its date.

use super::*;
use std::collections::HashMap;

/// The words a constitution is named by: "Hiến pháp", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam".
/// Any other words after "Hiến pháp" make a phrase ("Hiến pháp và pháp luật", "Hiến pháp do luật định")
/// that names no document unless a year says which constitution.
pub(super) fn is_a_name(n: &crate::model::Named) -> bool {
    if n.doc_type != DocType::Constitution {
        return true;
    }
    let key = name_key(&n.name);
    n.year.is_some() || key == "hien-phap" || key == CONSTITUTION_FULL
}

/// Drops a name written in lower case and without a date ("theo Luật quản lý chuyên ngành") unless the
/// input writes the same name with its date, its number or in capitals elsewhere: alone, such words more
/// often describe laws than name one.
pub(super) fn drop_unbacked_lower_names(
    found: &mut Extraction,
    numbered: &HashMap<String, (String, Option<String>)>,
) {
    let backed: std::collections::HashSet<String> = found
        .named
        .iter()
        .filter(|n| n.date.is_some() || n.year.is_some() || !written_in_lower_case(&n.name))
        .map(|n| name_key(&n.name))
        .chain(numbered.keys().cloned())
        .collect();
    found.named.retain(|n| {
        n.doc_type == DocType::Constitution
            || n.date.is_some()
            || n.year.is_some()
            || !written_in_lower_case(&n.name)
            || backed.contains(&name_key(&n.name))
    });
}

/// Whether the first word after a name's type word is in lower case: "Bộ luật dân sự", not "Bộ luật Dân sự"
/// or "Luật sửa đổi, …".
fn written_in_lower_case(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let type_words = match words.first().map(|w| fold(w)) {
        Some(w) if w == "luat" => 1,
        _ => 2,
    };
    words
        .get(type_words)
        .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()) && !fold(w).starts_with("sua"))
}

/// A constitution's own text says "Hiến pháp" of itself ("Việc sửa đổi Hiến pháp …"): when the input's
/// header has the title word "HIẾN PHÁP" on its own line, its mentions of "Hiến pháp" with no year are the
/// input, not another document. (A constitution has no number, so no header identity says so.)
pub(super) fn drop_own_constitution(text: &str, found: &mut Extraction) {
    let head = &text[..crate::extract::clean::floor_boundary(text, text.len().min(4000))];
    let is_constitution = head.lines().any(|line| {
        let word = line.trim_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '*' | '#'));
        !word.chars().any(char::is_lowercase) && fold(word) == "hien phap"
    });
    if is_constitution {
        found.named.retain(|n| {
            n.doc_type != DocType::Constitution || n.year.is_some() || n.date.is_some()
        });
    }
}

pub(super) const CONSTITUTION_FULL: &str = "hien-phap-nuoc-cong-hoa-xa-hoi-chu-nghia-viet-nam";

/// An amending law's name ("Luật sửa đổi, bổ sung một số điều của …"): its own document, of a name that
/// recurs with every amendment.
pub(super) fn is_amending_name(name: &str) -> bool {
    // Only the first letters are lowered: names run to hundreds of letters and are asked about often.
    const AMENDING: &str = "luật sửa đổi";
    name.chars()
        .flat_map(char::to_lowercase)
        .take(AMENDING.chars().count())
        .eq(AMENDING.chars())
}

/// The key of a law's name, for comparing spellings: "Luật Hải quan" and "LUẬT HẢI QUAN" are one.
pub(super) use crate::id::name_key;

/// Gives every named reference its node id: the numbered document when this input writes the name with
/// its number ("Luật Hải quan số 54/2014/QH13"), else the name with the one date (or year) this input
/// gives it anywhere, else the name alone.
/// "Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế toán, …, Luật Xử lý vi phạm hành chính
/// ngày 29 tháng 11 năm 2024": the date after the last law an amending law's title lists is the amending
/// law's, not that law's. Read where the amending name stopped undated at the first comma of its list and
/// every item up to the dated one is an undated name, joined by commas or "và".
pub(super) fn date_amending_titles(text: &str, found: &mut Extraction, refs: &[Span]) {
    for (k, r) in refs.iter().enumerate() {
        let Ref::Named(amending) = r.at else {
            continue;
        };
        let n = &found.named[amending];
        if !is_amending_name(&n.name) || n.date.is_some() || n.year.is_some() {
            continue;
        }
        let mut prev_end = r.end;
        for item in &refs[k + 1..] {
            let Ref::Named(i) = item.at else {
                break;
            };
            let glue = text.get(prev_end..item.start).map(fold).unwrap_or_default();
            if glue.contains(';') || !crate::extract::context::is_list_glue(&glue) {
                break;
            }
            let object = &found.named[i];
            if is_amending_name(&object.name) {
                break;
            }
            if object.date.is_some() || object.year.is_some() {
                let (date, year) = (object.date.clone(), object.year);
                let object = &mut found.named[i];
                object.date = None;
                object.year = None;
                let n = &mut found.named[amending];
                n.date = date;
                n.year = year;
                break;
            }
            prev_end = item.end;
        }
    }
}

/// `title_dates` gives, per named reference, the date of the document whose title names it (see
/// `title_object_dates`): the name is the law of that name in force then, whatever the input's date.
pub(super) fn resolve_named(
    found: &mut Extraction,
    numbered: &HashMap<String, (String, Option<String>)>,
    draft_year: Option<i32>,
    title_dates: &[Option<String>],
) {
    let mut dates: HashMap<String, Vec<String>> = HashMap::new();
    for n in &found.named {
        if let Some(when) = n.date.clone().or(n.year.map(|y| y.to_string())) {
            let v = dates.entry(name_key(&n.name)).or_default();
            if !v.contains(&when) {
                v.push(when);
            }
        }
    }
    for (key, (_, date)) in numbered {
        if let Some(d) = date {
            let v = dates.entry(key.clone()).or_default();
            if !v.contains(d) {
                v.push(d.clone());
            }
        }
    }
    let own_date = found
        .document
        .as_ref()
        .and_then(|d| d.date.clone().or(d.year.map(|y| y.to_string())))
        .or(draft_year.map(|y| y.to_string()));
    for (k, n) in found.named.iter_mut().enumerate() {
        let title_date = title_dates.get(k).cloned().flatten();
        // No document names a law adopted after it.
        let not_after_title = |when: &str| {
            title_date
                .as_deref()
                .is_none_or(|t| when.get(..4).unwrap_or(when) <= t.get(..4).unwrap_or(t))
        };
        let key = if n.doc_type == "constitution" {
            "hien-phap".to_string()
        } else {
            name_key(&n.name)
        };
        let when = n
            .date
            .clone()
            .or(n.year.map(|y| y.to_string()))
            .or_else(|| {
                // One date for the name in the whole input, or one full date and its own year.
                let v = dates.get(&key)?;
                let full: Vec<&String> = v.iter().filter(|d| d.len() == 10).collect();
                match (full.as_slice(), v.len()) {
                    ([d], _) if v.iter().all(|w| d.starts_with(w.as_str())) => Some((*d).clone()),
                    (_, 1) => Some(v[0].clone()),
                    _ => None,
                }
                .filter(|w| not_after_title(w))
            })
            .or_else(|| {
                // "Căn cứ Hiến pháp …;" is the constitution in force when the input was written.
                let in_force = crate::data::constitution_in_force(own_date.as_deref()?)?;
                (n.doc_type == DocType::Constitution).then(|| in_force.year.to_string())
            });
        let written_number = numbered.get(&key).filter(|(symbol, _)| {
            crate::id::symbol_year(symbol).is_none_or(|y| not_after_title(&y.to_string()))
        });
        if let Some((symbol, sym_date)) = written_number {
            let agrees = match (&when, sym_date) {
                (Some(w), Some(d)) => d.starts_with(w.as_str()) || w.starts_with(d.as_str()),
                (Some(w), None) => {
                    crate::id::symbol_year(symbol).is_none_or(|y| w.starts_with(&y.to_string()))
                }
                (None, _) => true,
            };
            if agrees {
                n.symbol = Some(symbol.clone());
                n.id = symbol.clone();
                continue;
            }
        }
        let row = match when.as_deref() {
            Some(w) => law_of(&key, w),
            // "Căn cứ Luật Đất đai;" in a dated text: the law of that name in force then. An amending law's
            // name is not in force in that sense: a newer amending law replaces no older one of its name.
            // In another document's title, the law of that name adopted by then, in force or not.
            None if !is_amending_name(&n.name) => match title_date.as_deref() {
                Some(t) => LAWS_BY_NAME
                    .get(&key)
                    .and_then(|rows| crate::data::law_adopted_before(rows, t)),
                None => own_date
                    .as_deref()
                    .and_then(|d| crate::data::law_in_force(LAWS_BY_NAME.get(&key)?, d)),
            },
            // "quy định chi tiết Luật sửa đổi, bổ sung một số điều của Luật …;": the recent amendment.
            None => own_date
                .as_deref()
                .and_then(|d| crate::data::amending_law_before(LAWS_BY_NAME.get(&key)?, d)),
        };
        if let Some(row) = row {
            n.symbol = Some(row.symbol.to_string());
            n.id = row.symbol.to_string();
            continue;
        }
        n.id = crate::id::named_id(&key, when.as_deref());
    }
}

/// A name read on past a comma into the sentence ("… Điều 82 của Luật Địa chất và khoáng sản, cơ quan nhà
/// nước, người có thẩm quyền …") ends at the comma when the words before it are a law that `data/laws.tsv` or
/// the input itself knows by that name. Names with commas of their own ("Luật Quản lý, sử dụng vũ khí, vật
/// liệu nổ …") are kept whole: their heads ("Luật Quản lý") name no law.
pub(super) fn cut_at_known_name(
    text: &str,
    found: &mut Extraction,
    numbered: &HashMap<String, (String, Option<String>)>,
) {
    let known = |name: &str| {
        let key = name_key(name);
        LAWS_BY_NAME.contains_key(&key) || numbered.contains_key(&key)
    };
    for n in found.named.iter_mut() {
        if n.date.is_some() || n.year.is_some() || known(&n.name) {
            continue;
        }
        if cut_before_verb(text, n, &known) || !n.name.contains(',') {
            continue;
        }
        let cut = n
            .name
            .match_indices(',')
            .map(|(i, _)| i)
            .enumerate()
            .filter(|&(_, i)| known(&n.name[..i]))
            .last();
        let Some((nth, name_at)) = cut else {
            continue;
        };
        let Some((text_at, _)) = n.text.match_indices(',').nth(nth) else {
            continue;
        };
        let end = n.start + text_at;
        let Some(written) = text.get(n.start..end) else {
            continue;
        };
        n.text = written.to_string();
        n.end = end;
        n.name.truncate(name_at);
    }
}

/// "Căn cứ Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân ngày 03 tháng 12
/// năm 2004; … một số điều của Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân
/// dân;": a name that stopped undated at a word that ends most names ("của", a comma), where the text goes
/// on with the rest of a longer name this input dates elsewhere, is that longer name. Kept short, it would
/// be another law's ("Luật Ban hành văn bản quy phạm pháp luật" of 2008).
pub(super) fn extend_to_dated_name(text: &str, found: &mut Extraction) {
    let mut dated: Vec<(String, usize)> = found
        .named
        .iter()
        .filter(|n| (n.date.is_some() || n.year.is_some()) && holds_a_name_end(&n.name))
        .map(|n| (name_key(&n.name), n.name.split_whitespace().count()))
        .collect();
    if dated.is_empty() {
        return;
    }
    // In key order the keys a name's key begins are one run; within it the longest is tried first.
    dated.sort();
    dated.dedup();
    for n in found
        .named
        .iter_mut()
        .filter(|n| n.date.is_none() && n.year.is_none())
    {
        let key = name_key(&n.name);
        let from = dated.partition_point(|(k, _)| k.as_str() < key.as_str());
        let mut run: Vec<&(String, usize)> = dated[from..]
            .iter()
            .take_while(|(k, _)| k.starts_with(key.as_str()))
            .filter(|(k, _)| k.len() > key.len() && k[key.len()..].starts_with('-'))
            .collect();
        run.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let longer = run
            .iter()
            .find_map(|(long, words)| written_end(text, n.start, long, *words));
        let Some(end) = longer else {
            continue;
        };
        let Some(written) = text.get(n.start..end) else {
            continue;
        };
        n.name = crate::extract::clean::tidy(written);
        if end > n.end {
            n.text = written.to_string();
            n.end = end;
        }
    }
}

/// Whether a name holds a word that ends most names ("của", "theo", "tại", a comma: see `named`), so that a
/// mention of it may have stopped short: only such dated names are looked for.
fn holds_a_name_end(name: &str) -> bool {
    name.contains(',')
        || [
            " của ", " theo ", " tại ", " về ", " cho ", " có ", " trong ", " với ", " khi ",
            " từ ", " đến ", " và ",
        ]
        .iter()
        .any(|w| name.contains(w))
}

/// Where the words of `text` from `start` spell the name whose key is `key` in `words` words, if they do.
fn written_end(text: &str, start: usize, key: &str, words: usize) -> Option<usize> {
    let rest = text.get(start..)?;
    let mut end = None;
    let mut written = Vec::with_capacity(words);
    for word in rest.split_whitespace().take(words) {
        // The last word may carry the clause's punctuation: "… Ủy ban nhân dân;".
        let word = if written.len() + 1 == words {
            word.trim_end_matches([';', '.', ',', ')', ':'])
        } else {
            word
        };
        written.push(word);
        end = Some(start + (word.as_ptr() as usize - rest.as_ptr() as usize) + word.len());
    }
    (written.len() == words && name_key(&written.join(" ")) == key)
        .then_some(end)
        .flatten()
}

/// Words that open a predicate or a condition, not a law's name: "… của Luật Địa chất và khoáng sản sử dụng
/// khoáng sản đã tập kết …" has the law's subject do something; "… Luật Doanh nghiệp không là …", "… Luật
/// Doanh nghiệp đáp ứng các điều kiện …" go on with the sentence. ("nếu" ends every name: see `named`.)
const PREDICATE_WORDS: [&str; 13] = [
    "su dung",
    "quy dinh",
    "thuc hien",
    "ap dung",
    "duoc",
    "co hieu luc",
    "dap ung",
    "hoat dong",
    "khong",
    "truong hop",
    "la",
    "phai",
    "se",
];

/// Ends a name before a predicate word when the words before it are a law that `data/laws.tsv` or the input
/// knows by that name; true when it cut. Real names go on in lower case ("Luật Đầu tư công", "Luật Doanh
/// nghiệp nhà nước"), so only a verb that opens a predicate ends them.
fn cut_before_verb(text: &str, n: &mut crate::model::Named, known: &impl Fn(&str) -> bool) -> bool {
    let words: Vec<&str> = n.name.split_whitespace().collect();
    // Each word folded once; a predicate is at most three words, so three words after a cut decide.
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let cut = (2..words.len()).find(|&k| {
        // "… của Luật Đất đai và sử dụng đất ở đúng mục đích": "và" joins a second predicate, no name.
        let from = if folded[k] == "va" { k + 1 } else { k };
        let rest = folded[from.min(folded.len())..(from + 3).min(folded.len())].join(" ");
        PREDICATE_WORDS.iter().any(|w| {
            rest.strip_prefix(w)
                .is_some_and(|after| after.is_empty() || after.starts_with(' '))
        }) && known(&words[..k].join(" "))
    });
    let Some(k) = cut else {
        return false;
    };
    // The written text has the same words, perhaps with other spaces or line breaks between them.
    let Some((last_at, last)) = n
        .text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - n.text.as_ptr() as usize, w))
        .nth(k - 1)
    else {
        return false;
    };
    // "… Luật Đất đai, không thuộc trường hợp …": the comma before the predicate is no part of the name.
    let last = last.trim_end_matches(',');
    let end = n.start + last_at + last.len();
    let Some(written) = text.get(n.start..end) else {
        return false;
    };
    n.text = written.to_string();
    n.end = end;
    n.name = words[..k].join(" ").trim_end_matches(',').to_string();
    true
}

/// The rows of `data/laws.tsv` by name key.
static LAWS_BY_NAME: LazyLock<HashMap<String, Vec<&'static crate::data::LawRow>>> =
    LazyLock::new(|| {
        let mut by: HashMap<String, Vec<&'static crate::data::LawRow>> = HashMap::new();
        for row in crate::data::laws() {
            by.entry(name_key(row.name)).or_default().push(row);
        }
        by
    });

/// The one law of `data/laws.tsv` with this name that `when` (a date, or a year) fits: its issue date
/// when the table knows it, else its year. A name that fits two rows, or none, stays a named node.
pub(crate) fn law_of(key: &str, when: &str) -> Option<&'static crate::data::LawRow> {
    let rows = LAWS_BY_NAME.get(key)?;
    let year: i32 = when.get(..4)?.parse().ok()?;
    let full = when.len() == 10;
    let mut fits = rows.iter().filter(|r| match (full, r.issued) {
        (true, Some(issued)) => issued == when,
        _ => r.year() == Some(year),
    });
    let one = fits.next()?;
    fits.next().is_none().then_some(*one)
}

/// Names written with their number in this input: "Luật Đất đai số 31/2024/QH15" → (31/2024/QH15, date).
/// A name seen with two different numbers is dropped: it cannot name one document.
pub(super) fn numbered_names(
    text: &str,
    citations: &[Citation],
) -> HashMap<String, (String, Option<String>)> {
    let mut out: HashMap<String, (String, Option<String>)> = HashMap::new();
    let mut clash: Vec<String> = Vec::new();
    for c in citations {
        if !c.doc_type.is_named() {
            continue;
        }
        // The mention is the number alone when a name stands between the type word and "số": the name
        // is read from the words before it.
        let folded = format!("{} {}", name_lead(text, c.start), fold(&c.text));
        let folded = folded.trim_start();
        let Some(name) = name_before_number(folded) else {
            continue;
        };
        let first = name.split(' ').next().unwrap_or("");
        if !matches!(first, "luat" | "bo" | "phap" | "hien") || name.split(' ').count() < 2 {
            continue;
        }
        // "Luật sửa đổi, bổ sung … của Luật X số …": the number is the amended law's, not the name's.
        if name.starts_with("luat sua doi") && name.contains(" cua ") {
            continue;
        }
        let key = name_key(name);
        match out.get(&key) {
            Some((s, _)) if *s != c.id => clash.push(key),
            Some(_) => {}
            None => {
                out.insert(key, (c.id.clone(), c.date.clone()));
            }
        }
    }
    for k in clash {
        out.remove(&k);
    }
    out
}

/// The folded words of a law's name that end right before `at` ("… của Luật Quảng cáo số " before
/// "16/2012/QH13"), from its type word on; empty when none stands there.
fn name_lead(text: &str, at: usize) -> String {
    // Only a mention right after "số" can have a name before it; most law mentions carry their type word.
    let just_before = text[..at].trim_end();
    if !(just_before.ends_with("số") || just_before.ends_with("so") || just_before.ends_with("Số"))
    {
        return String::new();
    }
    let from = floor_boundary(text, at.saturating_sub(160));
    let before = format!(" {}", fold(&text[from..at]));
    let Some(before) = before.strip_suffix(" so") else {
        return String::new();
    };
    let Some(start) = [" luat ", " phap lenh "]
        .iter()
        .filter_map(|w| before.rfind(w))
        .max()
    else {
        return String::new();
    };
    // "Bộ luật" is found by its "luật".
    let start = if before[..start].ends_with(" bo") {
        start - 3
    } else {
        start
    };
    let name = before[start..].trim();
    // The words of one name only: a clause boundary inside means the type word is another's.
    if name.contains([';', ':', '.']) {
        return String::new();
    }
    format!("{name} so")
}

/// The name key of a numbered law as written ("Luật Hải quan số 54/2014/QH13" → luat-hai-quan), or the
/// whole mention's key when no name stands before its number.
pub(super) fn law_key_of(mention: &str) -> String {
    let folded = fold(mention);
    name_key(name_before_number(&folded).unwrap_or(&folded))
}

/// The folded words before " số " in a folded mention: the name a document is cited by with its number.
pub(super) fn name_before_number(folded: &str) -> Option<&str> {
    folded.find(" so ").map(|at| &folded[..at])
}
