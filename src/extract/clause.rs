//! The `find` stage: every reference by number and symbol in one input, with what its mention says.

use crate::data::tables;
use crate::extract::clean::Folded;
use crate::extract::clean::{ceil_boundary, floor_boundary};
use crate::extract::context::{self, Date, IssuerHit};
use crate::extract::find::RawSymbol;
use crate::extract::named::{self, Anchor};
use crate::extract::relation::{relation_of, Earlier};
use crate::extract::window::{clause_start, Window};
#[cfg(feature = "parallel")]
use crate::extract::PARALLEL_INPUT;
use crate::model::Named;
use crate::vocab::Relation;

/// How far back a clause may reach for its relation phrase, and how far forward a date or issuer phrase.
const BEFORE: usize = 250;
const AFTER: usize = 240;

/// One mention before document-level resolution (years from earlier mentions, ids).
#[derive(Debug, Clone)]
pub(crate) struct Mention<'a> {
    pub raw: &'a RawSymbol,
    pub start: usize,
    pub end: usize,
    pub type_word: Option<crate::vocab::DocType>,
    pub date: Option<Date>,
    pub year_after: Option<i32>,
    pub sentence_date: Option<Date>,
    pub issuer: Option<IssuerHit>,
    pub relation: Relation,
    pub pinpoint: Option<String>,
    /// Joined to the previous mention by list glue only ("Nghị quyết số 18-NQ/TW, 19-NQ/TW").
    pub continues_list: bool,
    /// Where the mention is written from when a law's name stands between its type word and "số" ("Luật
    /// Quản lý thuế số 38/2019/QH14"). Every rule reads the mention from `start`; the span is widened once
    /// they are done.
    pub name_start: Option<usize>,
}

/// The longest span folded at once: a fold takes five bytes per byte of text, and a text dense with
/// references from end to end (a 200 MB table of symbols) must not be folded whole. Real documents' runs of
/// overlapping windows stay under 10 KB.
const MAX_SPAN: usize = 1 << 16;

/// Symbols whose context windows overlap share one fold, so dense passages are folded once.
fn clusters(text: &str, raws: &[RawSymbol]) -> Vec<(usize, usize, std::ops::Range<usize>)> {
    let mut out: Vec<(usize, usize, std::ops::Range<usize>)> = Vec::new();
    for (i, r) in raws.iter().enumerate() {
        let from = floor_boundary(text, r.start.saturating_sub(BEFORE));
        let to = ceil_boundary(text, (r.end + AFTER).min(text.len()));
        match out.last_mut() {
            Some(last) if from <= last.1 && to - last.0 <= MAX_SPAN => {
                last.1 = to;
                last.2.end = i + 1;
            }
            _ => out.push((from, to, i..i + 1)),
        }
    }
    out
}

/// Every numbered reference to `raws` but `own_symbol` (the document's own number in its header), and every
/// named reference at `anchors` outside them. The mentions are handed to `sink` a run of text at a time, in
/// order, and must be taken from the vector; the named references are returned.
///
/// The windows of nearby symbols and anchors overlap (a "Căn cứ" block cites laws by name and decrees by
/// number line after line), so each run of overlapping windows is folded and searched for relation phrases
/// once; every reference still reads only its own window.
pub(crate) fn find_references<'a>(
    text: &str,
    raws: &'a [RawSymbol],
    anchors: &[Anchor],
    own: Own,
    sink: &mut dyn FnMut(&mut Vec<Mention<'a>>),
) -> Vec<Named> {
    #[cfg(feature = "parallel")]
    let split =
        (text.len() >= PARALLEL_INPUT && rayon::current_num_threads() > 1).then_some(GROUP_BYTES);
    #[cfg(not(feature = "parallel"))]
    let split = None;
    find_references_in(text, raws, anchors, own, split, sink)
}

/// [`find_references`] on this thread, or, given a group size, on the current pool's workers.
fn find_references_in<'a>(
    text: &str,
    raws: &'a [RawSymbol],
    anchors: &[Anchor],
    own: Own,
    split: Option<usize>,
    sink: &mut dyn FnMut(&mut Vec<Mention<'a>>),
) -> Vec<Named> {
    let clusters = clusters(text, raws);
    let windows: Vec<(usize, usize)> = anchors.iter().map(|a| a.window(text)).collect();
    let regions = regions(&clusters, &windows);
    let input = Input {
        text,
        raws,
        anchors,
        windows: &windows,
        clusters: &clusters,
        own,
    };
    let mut named: Vec<Named> = Vec::with_capacity(anchors.len());
    let mut resume = 0;
    #[cfg(feature = "parallel")]
    if let Some(group_bytes) = split {
        parallel::read_all(&input, &regions, group_bytes, &mut resume, &mut named, sink);
        return named;
    }
    let _ = split;
    let mut folded = Folded::default();
    let mut mentions: Vec<Mention> = Vec::new();
    for region in &regions {
        input.read_region(region, &mut folded, &mut resume, &mut mentions, &mut named);
        sink(&mut mentions);
        mentions.clear();
    }
    named
}

/// Text a worker reads at a time: large enough that a group's set-up is noise, small enough that a wave of
/// groups held before it is handed on stays a few megabytes.
#[cfg(feature = "parallel")]
const GROUP_BYTES: usize = 256 << 10;

/// What every region reads: the input and its symbols, clusters and named-reference windows.
struct Input<'t, 'a> {
    text: &'t str,
    raws: &'a [RawSymbol],
    anchors: &'t [Anchor],
    windows: &'t [(usize, usize)],
    clusters: &'t [(usize, usize, std::ops::Range<usize>)],
    own: Own,
}

impl<'a> Input<'_, 'a> {
    /// The mentions of one region into `mentions` (empty), its named references appended to `named`. A
    /// region reads only its own span of text; `resume`, the end of the last name read, is all that carries
    /// between regions.
    fn read_region(
        &self,
        region: &Region,
        folded: &mut Folded,
        resume: &mut usize,
        mentions: &mut Vec<Mention<'a>>,
        named: &mut Vec<Named>,
    ) {
        let (text, own) = (self.text, self.own);
        debug_assert!(mentions.is_empty());
        folded.refold(text, region.from, region.to);
        let phrases = context::phrases(&folded.text);
        for (from, to, range) in &self.clusters[region.clusters.clone()] {
            let window = Window {
                original: text,
                folded,
                phrases: &phrases,
                floor: folded.index_at(*from),
                ceiling: folded.index_at(*to),
                own_title: own.title,
                own_type: own.doc_type,
            };
            cluster_mentions(&window, &self.raws[range.clone()], mentions);
        }
        // The document's own number in its header is no reference, and names no span.
        mentions.retain(|m| own.symbol != Some((m.raw.start, m.raw.end)));
        let mut taken: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
        // The numbered mentions before a name govern it as they govern each other: "Nghị định số 181/2024/
        // NĐ-CP … quy định chi tiết một số điều của Luật Quản lý, sử dụng vũ khí … ngày 29/6/2024" is the
        // decree's title, not the input's act on the law.
        let mut reach = 0;
        let numbered: Vec<Earlier> = mentions
            .iter()
            .map(|m| {
                let (start, end) = (folded.index_at(m.start), folded.index_at(m.end));
                reach = reach.max(end);
                Earlier {
                    start,
                    end,
                    relation: m.relation,
                    clause_relation: m.relation,
                    reach,
                }
            })
            .collect();
        // Both lists are in text order, so one cursor walks the taken spans.
        let mut taken_at = 0;
        for (anchor, (from, to)) in self.anchors[region.anchors.clone()]
            .iter()
            .zip(&self.windows[region.anchors.clone()])
        {
            while taken_at < taken.len() && taken[taken_at].1 <= anchor.start {
                taken_at += 1;
            }
            let inside = taken.get(taken_at).is_some_and(|&(s, _)| s <= anchor.start);
            if anchor.start < *resume || inside {
                continue;
            }
            let (lo, hi) = (folded.index_at(*from), folded.index_at(*to));
            let window = Window {
                original: text,
                folded,
                phrases: &phrases,
                floor: lo,
                ceiling: hi,
                own_title: own.title,
                own_type: own.doc_type,
            };
            let before = numbered.partition_point(|e| e.end <= folded.index_at(anchor.start));
            if let Some(found) = named::read_named(anchor, &window, &numbered[..before]) {
                *resume = found.end;
                named.push(found);
            } else if let Some(m) = mentions.get_mut(taken_at) {
                // "Luật Quản lý thuế số 38/2019/QH14": the law's name stands between its type word and its
                // number, and the mention is written from the type word.
                if names_the_number(text, folded, anchor.end, m) {
                    m.name_start = Some(anchor.start);
                    // The type word the mention is written from is its type word when its number is a law's:
                    // "Bộ luật Dân sự số 91/2015/QH13" is a code.
                    if m.raw.groups.iter().any(|g| g.starts_with("QH")) {
                        m.type_word = Some(anchor.doc_type);
                    }
                    taken[taken_at].0 = anchor.start;
                }
            }
        }
    }
}

/// How far a law's name may stand between its type word and its number.
const NAME_BEFORE_NUMBER: usize = 400;

/// Whether the words from a named type word's end (`anchor_end`) to mention `m` are a name and "số": the
/// mention has no type word of its own, and no clause ends between.
fn names_the_number(text: &str, folded: &Folded, anchor_end: usize, m: &Mention<'_>) -> bool {
    if m.type_word.is_some() || m.start <= anchor_end || m.start - anchor_end > NAME_BEFORE_NUMBER {
        return false;
    }
    let gap = &folded.text[folded.index_at(anchor_end)..folded.index_at(m.start)];
    // "Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15": the number is the amended law's,
    // written from that law's own type word.
    if gap.trim_start().starts_with("sua doi") || gap.trim_start().starts_with("bo sung") {
        return false;
    }
    let so = gap
        .trim_end_matches([' ', ':'])
        .strip_suffix("so")
        .is_some_and(|before| before.ends_with(' '));
    // "Luật Đất đai 31/2024/QH15": a law's own symbol may follow its name with no "số".
    let law_symbol = || {
        m.raw.groups.iter().any(|g| g.starts_with("QH"))
            && gap.ends_with(' ')
            && gap
                .trim()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b' ')
    };
    (so || law_symbol())
        && !gap.contains([';', '(', ')'])
        && !gap.contains(". ")
        && !text[anchor_end..m.start].contains("\n\n")
}

/// A large input's regions, read on every core. Each worker reads a group of consecutive regions as if no
/// name ended before it; the groups are then taken in order, and a group whose first named-reference anchor
/// lies inside the name that ended the group before is read again from there, so the result is the one
/// thread's to the byte.
#[cfg(feature = "parallel")]
mod parallel {
    use super::{Folded, Input, Mention, Named, Region};
    use rayon::prelude::*;
    use std::ops::Range;

    struct Group<'a> {
        mentions: Vec<Vec<Mention<'a>>>,
        named: Vec<Named>,
        resume: usize,
    }

    pub(super) fn read_all<'a>(
        input: &Input<'_, 'a>,
        regions: &[Region],
        group_bytes: usize,
        resume: &mut usize,
        named: &mut Vec<Named>,
        sink: &mut dyn FnMut(&mut Vec<Mention<'a>>),
    ) {
        let groups = groups(regions, group_bytes);
        let wave_len = rayon::current_num_threads() * 2;
        for wave in groups.chunks(wave_len) {
            let read: Vec<Group<'a>> = wave
                .par_iter()
                .map(|range| read_group(input, &regions[range.clone()], 0))
                .collect();
            for (range, mut group) in wave.iter().zip(read) {
                let first_anchor = regions[range.clone()]
                    .iter()
                    .find(|r| !r.anchors.is_empty())
                    .map(|r| input.anchors[r.anchors.start].start);
                if first_anchor.is_some_and(|start| start < *resume) {
                    group = read_group(input, &regions[range.clone()], *resume);
                }
                if !group.named.is_empty() {
                    *resume = group.resume;
                }
                named.append(&mut group.named);
                for mut mentions in group.mentions {
                    sink(&mut mentions);
                }
            }
        }
    }

    fn read_group<'a>(input: &Input<'_, 'a>, regions: &[Region], mut resume: usize) -> Group<'a> {
        let mut folded = Folded::default();
        let mut group = Group {
            mentions: Vec::with_capacity(regions.len()),
            named: Vec::new(),
            resume,
        };
        for region in regions {
            let mut mentions = Vec::new();
            input.read_region(
                region,
                &mut folded,
                &mut resume,
                &mut mentions,
                &mut group.named,
            );
            group.mentions.push(mentions);
        }
        group.resume = resume;
        group
    }

    /// Consecutive regions in runs of about `group_bytes` of text.
    fn groups(regions: &[Region], group_bytes: usize) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        let mut from = 0;
        for (i, region) in regions.iter().enumerate() {
            if region.to - regions[from].from >= group_bytes || i + 1 == regions.len() {
                out.push(from..i + 1);
                from = i + 1;
            }
        }
        out
    }
}

/// Where the input names itself: the header's number, which is no reference, and its title, whose verbs
/// are the input's own acts. Original byte spans.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Own {
    pub symbol: Option<(usize, usize)>,
    pub title: Option<(usize, usize)>,
    /// The input's own type, from its header: only a formula that issues a document of this type
    /// ("Chính phủ ban hành Nghị định …" in a decree) promulgates the input.
    pub doc_type: Option<crate::vocab::DocType>,
}

/// A run of overlapping windows: some symbol clusters and some named-reference windows.
struct Region {
    from: usize,
    to: usize,
    clusters: std::ops::Range<usize>,
    anchors: std::ops::Range<usize>,
}

/// Merges symbol clusters and anchor windows (each in text order) into runs of overlapping spans.
fn regions(
    clusters: &[(usize, usize, std::ops::Range<usize>)],
    windows: &[(usize, usize)],
) -> Vec<Region> {
    let mut out: Vec<Region> = Vec::new();
    let (mut c, mut w) = (0, 0);
    while c < clusters.len() || w < windows.len() {
        let take_cluster =
            w >= windows.len() || c < clusters.len() && clusters[c].0 <= windows[w].0;
        let (from, to) = if take_cluster {
            (clusters[c].0, clusters[c].1)
        } else {
            windows[w]
        };
        let region = match out.last_mut() {
            Some(last) if from <= last.to && to.max(last.to) - last.from <= MAX_SPAN => last,
            _ => {
                out.push(Region {
                    from,
                    to,
                    clusters: c..c,
                    anchors: w..w,
                });
                let Some(last) = out.last_mut() else { break };
                last
            }
        };
        region.to = region.to.max(to);
        if take_cluster {
            c += 1;
            region.clusters.end = c;
        } else {
            w += 1;
            region.anchors.end = w;
        }
    }
    out
}

/// The mentions of one cluster of symbols, read from `window` (the cluster's span of a folded region).
fn cluster_mentions<'a>(window: &Window, raws: &'a [RawSymbol], mentions: &mut Vec<Mention<'a>>) {
    let Window {
        original: text,
        folded,
        floor,
        ..
    } = *window;
    // Folded bounds of the mentions accepted so far in this cluster: (type start, text end, relation).
    let mut earlier: Vec<Earlier> = Vec::new();
    for raw in raws {
        let fs = folded.index_at(raw.start);
        let fe = folded.index_at(raw.end);
        let prefix_from = fs.saturating_sub(BEFORE).max(floor);
        let prefix_from = floor_boundary(&folded.text, prefix_from);
        let prefix = &folded.text[prefix_from..fs];
        if context::not_a_document(prefix) {
            continue;
        }
        let type_hit = context::type_word_before(prefix);
        if !names_a_document(raw, type_hit.is_some(), context::so_before(prefix)) {
            continue;
        }
        let text_fs = type_hit.map_or(fs, |(at, _)| prefix_from + at);
        let after = context::read_after(text, folded, fe);
        let text_fe = after.end.max(fe);
        let start = folded.orig_start(text_fs);
        let end = folded.orig_end(text_fe).max(raw.end);
        let end = trim_end(text, start, end);

        let cstart = clause_start(text, folded, text_fs, prefix_from).max(prefix_from);
        let continues_list = earlier.last().is_some_and(|e| {
            e.end <= text_fs && context::is_list_glue(&folded.text[e.end..text_fs])
        });
        let pinpoint = context::pinpoint_before(text, folded, cstart, text_fs);
        let sentence_date = context::sentence_date(&folded.text[cstart..text_fs]);
        let (relation, clause_relation) =
            relation_of(window, cstart, text_fs, text_fe, &earlier, continues_list);
        let mut type_word = type_hit.and_then(|(_, t)| t);
        if type_hit.is_none() && continues_list {
            if let Some(prev) = mentions.last() {
                type_word = prev.type_word;
            }
        }
        mentions.push(Mention {
            raw,
            start,
            end,
            type_word,
            date: after.date,
            year_after: after.year,
            sentence_date,
            // A body that issues the mention as the sentence's subject, when no phrase after it names one
            // and the symbol bears that body's code.
            issuer: after.issuer.or_else(|| {
                context::issuer_before(text, folded, cstart, text_fs)
                    .filter(|hit| raw.groups.iter().any(|g| g == hit.code))
            }),
            relation,
            pinpoint,
            continues_list,
            name_start: None,
        });
        let reach = earlier.last().map_or(text_fe, |e| e.reach.max(text_fe));
        earlier.push(Earlier {
            start: text_fs,
            end: text_fe,
            relation,
            clause_relation,
            reach,
        });
    }
}

/// Whether a symbol-shaped token is a reference: it carries a year or two code groups, it is a legacy
/// symbol of one known issuer ("64-CP"), a type word stands before it, or "số" does and its codes are not
/// single letters ("số 12/A" is a house number, "số 12/BXD" a letter).
fn names_a_document(raw: &RawSymbol, type_word_before: bool, so_before: bool) -> bool {
    raw.year.is_some()
        || raw.groups.len() >= 2
        || raw.known_groups > 0 && is_issuer_only_legacy(raw)
        || type_word_before
        || so_before && raw.groups.iter().all(|g| g.chars().count() >= 2)
}

/// Dash-form and bare legacy symbols with one known issuer code ("64-CP", "02/CP", "406/TTg").
fn is_issuer_only_legacy(raw: &RawSymbol) -> bool {
    raw.groups.len() == 1 && tables().issuer_of_code(&raw.groups[0]).is_some()
}

fn trim_end(text: &str, start: usize, mut end: usize) -> usize {
    while end > start {
        match text[..end].chars().next_back() {
            Some(c) if c.is_whitespace() || c == ',' || c == '(' => end -= c.len_utf8(),
            _ => break,
        }
    }
    end
}

#[cfg(all(test, feature = "parallel"))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Lines of the hand-written fixtures: names, lists, lead-ins and notes that carry across lines.
    const FIXTURES: &[&str] = &[
        include_str!("../../tests/data/named_lists.txt"),
        include_str!("../../tests/data/named_lower.txt"),
        include_str!("../../tests/data/forms.txt"),
        include_str!("../../tests/data/lineage/lead_in.txt"),
        include_str!("../../tests/data/lineage/consolidated_text.txt"),
        include_str!("../../tests/data/lineage/editorial.txt"),
        include_str!("../../tests/data/lineage/mixed_basis.txt"),
        include_str!("../../tests/data/lineage/title_names.txt"),
    ];

    fn lines() -> Vec<&'static str> {
        FIXTURES
            .iter()
            .flat_map(|f| f.split_inclusive('\n'))
            .collect()
    }

    /// Every mention handed on and every name, as text, read on one thread (`split` None) or in groups of
    /// `split` bytes on two workers.
    fn read(text: &str, split: Option<usize>) -> String {
        let raws = crate::extract::find::scan(text);
        let anchors = named::anchors(text);
        let own = Own {
            symbol: raws.first().map(|r| (r.start, r.end)),
            title: None,
            doc_type: None,
        };
        let mut out = String::new();
        let mut sink = |m: &mut Vec<Mention>| {
            out.push_str(&format!("{m:?}\n"));
            m.clear();
        };
        let named = match rayon::ThreadPoolBuilder::new().num_threads(2).build() {
            Ok(pool) => {
                pool.install(|| find_references_in(text, &raws, &anchors, own, split, &mut sink))
            }
            Err(e) => panic!("two workers: {e}"),
        };
        format!("{out}{named:?}")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any split of the regions into groups, read in parallel, gives one thread's mentions and names.
        #[test]
        fn groups_read_in_parallel_match_one_thread(
            picks in proptest::collection::vec(any::<prop::sample::Index>(), 20..3000),
            group_bytes in 1usize..4000,
        ) {
            let lines = lines();
            let text: String = picks.iter().map(|i| lines[i.index(lines.len())]).collect();
            let one = read(&text, None);
            prop_assert!(one.contains("Mention"));
            prop_assert_eq!(one, read(&text, Some(group_bytes)));
        }
    }
}
