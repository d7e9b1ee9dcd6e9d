//! Consolidated texts (văn bản hợp nhất): the body is the base document's text as amended, so its acts
//! are the base's; the footnotes say which document changed each provision, and quote the amenders' own
//! bases and closing articles. The consolidation itself changes nothing.

use super::*;

/// The footnotes of a consolidated text below `from`: each from a line that opens with its marker ("[3]
/// Cụm từ … được thay thế …") to the next marker's line, at most [`FOOTNOTE_REACH`] bytes.
fn footnotes(text: &str, from: usize) -> Vec<(usize, usize)> {
    const FOOTNOTE_REACH: usize = 16_000;
    static MARKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^[ \t]*\[[0-9]{1,3}\]").unwrap_or_else(|e| panic!("footnote marker: {e}"))
    });
    let starts: Vec<usize> = MARKER
        .find_iter(text.get(from..).unwrap_or_default())
        .map(|m| from + m.start())
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(k, &s)| {
            let next = starts.get(k + 1).copied().unwrap_or(text.len());
            (s, floor_boundary(text, next.min(s + FOOTNOTE_REACH)))
        })
        .collect()
}

/// "… (đã) được sửa đổi, bổ sung / thay thế / bãi bỏ theo quy định tại … của Luật … số 59/2020/QH14": the
/// verb of a footnote that says which document changed the provision it marks.
static FOOTNOTE_VERB: LazyLock<Regex> =
    LazyLock::new(|| folded_regex(&format!(r"(?:duoc|bi)\s+({PASSIVE_VERB})")));

/// Gives the base document (`base`, the amended document of the preamble's lead-in, whose list ends at
/// `preamble_end`) the acts of the body, and each footnote's document its own: the input's own edges to
/// all of them are `cites`.
pub(super) fn consolidated_text(
    text: &str,
    found: &mut Extraction,
    refs: &[Span],
    base: Option<(Span, usize)>,
) {
    let consolidated =
        found.document.as_ref().map(|d| d.doc_type) == Some(DocType::ConsolidatedText);
    let Some((base, preamble_end)) = base.filter(|_| consolidated) else {
        return;
    };
    let notes = footnotes(text, preamble_end);
    let report = |found: &mut Extraction, actor: Ref, r: &Span| {
        let Some(relation) = relation_at(found, r.at).filter(|rel| *rel != Relation::Cites) else {
            return;
        };
        found.reported.push(Reported {
            actor,
            relation,
            target: r.at,
            editorial: false,
            start: r.start,
            end: r.end,
            pinpoint: pinpoint_of(found, r.at),
            partial: None,
        });
        make_cites(found, r.at);
    };
    for r in refs.iter().filter(|r| r.start >= preamble_end) {
        if r.at != base.at && !notes.iter().any(|&(s, e)| s <= r.start && r.end <= e) {
            report(found, base.at, r);
        }
    }
    for &(start, end) in &notes {
        let inside: Vec<Span> = refs
            .iter()
            .filter(|r| start <= r.start && r.end <= end)
            .copied()
            .collect();
        let folded = Folded::new(text, start, end);
        // "[1] Luật … số 59/2020/QH14 có căn cứ ban hành như sau: “Căn cứ …”", "[6] Điều 217 … của Luật …
        // quy định như sau: “…”": what the quotation does, the document before it does.
        if let Some(at) = folded.text.find("nhu sau").map(|i| folded.orig_start(i)) {
            let Some(quoting) = inside.iter().find(|r| r.end <= at).copied() else {
                continue;
            };
            for r in inside.iter().filter(|r| r.start > at) {
                report(found, quoting.at, r);
            }
        } else if let Some(c) = FOOTNOTE_VERB.captures(&folded.text) {
            let (verb, verb_end) = match (c.get(1), c.get(0)) {
                (Some(v), Some(m)) => (v.as_str().to_string(), folded.orig_start(m.end())),
                _ => continue,
            };
            if let Some(actor) = inside.iter().find(|r| r.start >= verb_end) {
                found.reported.push(Reported {
                    actor: actor.at,
                    relation: passive_relation(&verb),
                    target: base.at,
                    editorial: false,
                    start,
                    end: actor.end,
                    pinpoint: None,
                    partial: None,
                });
            }
        }
        for r in &inside {
            make_cites(found, r.at);
        }
    }
}
