//! A legal database's effect history pasted with a document (vbpl.vn "Lịch sử hiệu lực"): the rows say what
//! other documents did to the one the table is about (`data/effect_history.tsv`).

use super::*;

pub(super) const EFFECT_HISTORY: &str = include_str!("../../../data/effect_history.tsv");

/// A row's state: what the source document did, if anything, and whether to part of the document only.
#[derive(Debug, Clone, Copy)]
struct State {
    relation: Option<Relation>,
    partial: bool,
}

/// The table's states, folded, longest first so "bi thay the 1 phan" is read before "bi thay the"; no
/// relation is the document's own state.
static STATES: LazyLock<Vec<(String, State)>> = LazyLock::new(|| {
    let mut states: Vec<(String, State)> = crate::data::tsv_rows(EFFECT_HISTORY, 3)
        .map(|(line, cols)| {
            let relation = match cols[1] {
                "-" => None,
                name => Some(Relation::from_name(name).unwrap_or_else(|| {
                    panic!("data/effect_history.tsv line {line}: no relation {name:?}")
                })),
            };
            let state = fold(cols[0]);
            let partial = state.ends_with(" 1 phan");
            (state, State { relation, partial })
        })
        .collect();
    states.sort_by_key(|(state, _)| std::cmp::Reverse(state.len()));
    states
});

/// Where the heading of a history table starts, as vbpl.vn writes it.
const HEADING: &str = "Lịch sử hiệu lực:";

/// Every mention inside a history table is cited, not acted on; a row whose source document is another
/// than the table's reports the row's relation from the source to it, as the database's word.
pub(super) fn effect_history(text: &str, found: &mut Extraction, refs: &[Span]) {
    for heading in memchr::memmem::find_iter(text.as_bytes(), HEADING) {
        let mut line_end = end_of_line(text, heading);
        let subject = refs_on(refs, heading, line_end).first().copied();
        if let Some(s) = subject {
            make_cites(found, s.at);
        }
        let subject_symbol = subject.and_then(|s| symbol_of(found, s.at).map(str::to_string));
        loop {
            let line_start = line_end;
            if line_start >= text.len() {
                break;
            }
            line_end = end_of_line(text, line_start);
            let line = fold(&text[line_start..line_end]);
            let line = line.trim();
            if line.starts_with("ngay trang thai") {
                continue;
            }
            let Some(state) = row_state(line) else {
                break;
            };
            for row in refs_on(refs, line_start, line_end) {
                make_cites(found, row.at);
                let (Some(relation), Some(s)) = (state.relation, subject) else {
                    continue;
                };
                if symbol_of(found, row.at).is_some_and(|r| Some(r) == subject_symbol.as_deref()) {
                    continue;
                }
                found.reported.push(Reported {
                    actor: row.at,
                    relation,
                    target: s.at,
                    editorial: true,
                    start: line_start,
                    end: line_start + text[line_start..line_end].trim_end().len(),
                    pinpoint: None,
                    // Whole or part is what an end says; an amendment is of some part always.
                    partial: matches!(relation, Relation::Repeals | Relation::Replaces)
                        .then_some(state.partial),
                });
            }
        }
    }
}

fn end_of_line(text: &str, from: usize) -> usize {
    memchr::memchr(b'\n', &text.as_bytes()[from..]).map_or(text.len(), |p| from + p + 1)
}

/// A row's state when the folded `line` is a row: a date "dd/mm/yyyy", then a state of the table.
fn row_state(line: &str) -> Option<State> {
    let (date, rest) = line.split_once(' ')?;
    let mut parts = date.split('/');
    let shape = [2, 2, 4];
    let is_date = shape.iter().all(|&n| {
        parts
            .next()
            .is_some_and(|p| p.len() == n && p.bytes().all(|b| b.is_ascii_digit()))
    }) && parts.next().is_none();
    if !is_date {
        return None;
    }
    STATES
        .iter()
        .find(|(state, _)| {
            rest.starts_with(state.as_str())
                && !rest[state.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
        })
        .map(|(_, state)| *state)
}

fn symbol_of(found: &Extraction, r: Ref) -> Option<&str> {
    match r {
        Ref::Citation(i) => found.citations.get(i).map(|c| c.symbol.as_str()),
        _ => None,
    }
}
