//! The `resolve` stage: what each mention means within its whole document — year and date carried from
//! earlier mentions and from lists, doc type, issuers, the graph id — and the document's own identity.

use crate::data::{tables, IssuerRow};
use crate::extract::clause::Mention;
use crate::extract::context::{Date, IssuerHit};
use crate::extract::find::RawSymbol;
use crate::extract::header::Header;
use crate::id::document_id;
use crate::model::{Citation, Document};
use crate::vocab::DocType;
use rustc_hash::FxHashMap as HashMap;

/// What the tables say of a symbol's code groups, looked up once: a mention's doc type and its issuers both
/// ask, and the lookups were a tenth of the cost of a mention in a long list of bare symbols.
struct Codes<'r> {
    raw: &'r RawSymbol,
    first_type: Option<DocType>,
    /// The issuer row of each of the first [`LOOKED_UP`] groups.
    issuers: [Option<&'static IssuerRow>; LOOKED_UP],
    /// Whether the first code group names the type: "NĐ" in "30/2020/NĐ-CP", "NQ" in "57-NQ/TW", but not
    /// "TC" in the 1990s "69-TC/ĐT", where Bộ Tài chính's code comes first and no Party issuer closes the
    /// symbol.
    first_is_type: bool,
}

/// Groups whose issuer rows are kept; a symbol with more looks the rest up when asked.
const LOOKED_UP: usize = 4;

impl<'r> Codes<'r> {
    fn of(raw: &'r RawSymbol) -> Codes<'r> {
        let t = tables();
        let mut issuers = [None; LOOKED_UP];
        for (slot, g) in issuers.iter_mut().zip(&raw.groups) {
            *slot = t.issuer_of_code(g);
        }
        let mut codes = Codes {
            raw,
            first_type: raw.groups.first().and_then(|g| t.type_of_code(g)),
            issuers,
            first_is_type: false,
        };
        codes.first_is_type = codes.first_type.is_some() && raw.groups.len() >= 2 && {
            let last_known = codes.issuer(raw.groups.len() - 1).is_some();
            !(raw.dash_form && codes.issuer(0).is_some() && !last_known)
        };
        codes
    }

    /// The issuer row of group `i`.
    fn issuer(&self, i: usize) -> Option<&'static IssuerRow> {
        match self.issuers.get(i) {
            Some(row) => *row,
            None => self
                .raw
                .groups
                .get(i)
                .and_then(|g| tables().issuer_of_code(g)),
        }
    }

    /// Doc type of the symbol: the type word wins; else the type code; else what the issuer code implies.
    fn doc_type(&self, type_word: Option<DocType>) -> DocType {
        if let Some(t) = type_word {
            return t;
        }
        let raw = self.raw;
        if let Some(dt) = self.first_type {
            let also_issuer = self.issuer(0).is_some();
            if self.first_is_type || raw.groups.len() == 1 && !also_issuer {
                // Party documents use TT for Thông tri, not Thông tư.
                if dt == DocType::Circular && raw.dash_form {
                    return DocType::Instruction;
                }
                return dt;
            }
        }
        let t = tables();
        // What the issuer implies (`data/issuer_types.tsv`): first any group's, then a lone group's.
        for g in &raw.groups {
            let letters = g.trim_end_matches(|c: char| c.is_ascii_digit());
            if let Some(row) = t
                .issuer_types
                .iter()
                .find(|r| !r.alone && r.code == letters)
            {
                return row.doc_type;
            }
        }
        if let [only] = raw.groups.as_slice() {
            if let Some(row) = t.issuer_types.iter().find(|r| r.alone && r.code == only) {
                return row.doc_type;
            }
        }
        DocType::OfficialLetter
    }

    /// Issuer codes: the known issuer codes of the symbol (type code excluded, term numbers dropped), then
    /// the issuer named in the text.
    fn issuers(&self, named: Option<&IssuerHit>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let skip = usize::from(self.first_is_type);
        for i in skip..self.raw.groups.len() {
            if let Some(row) = self.issuer(i) {
                if !out.iter().any(|o| o == row.code) {
                    out.push(row.code.to_string());
                }
            }
        }
        if out.is_empty() {
            if let Some(hit) = named {
                out.push(hit.code.to_string());
            } else if let Some(g) = self.raw.groups.get(skip) {
                out.push(g.clone());
            }
        }
        out
    }
}

fn is_local_body(codes: &[String]) -> bool {
    codes.iter().any(|c| tables().is_local_body(c))
}

pub(crate) fn document(header: &Header, raws: &[RawSymbol]) -> Option<Document> {
    let raw = &raws[header.symbol?];
    let year = raw.year.or(header.date.map(|d| d.year));
    let codes = Codes::of(raw);
    let by_symbol = codes.doc_type(None);
    // A consolidated text keeps its base document's title word ("THÔNG TƯ") over a number of its own.
    let doc_type = if by_symbol == DocType::ConsolidatedText {
        by_symbol
    } else if header.official_letter {
        DocType::OfficialLetter
    } else {
        header.type_title.unwrap_or(by_symbol)
    };
    let issuers = codes.issuers(header.issuer.as_ref());
    let place = header
        .issuer
        .as_ref()
        .and_then(|h| h.place.as_deref())
        .filter(|_| is_local_body(&issuers));
    Some(Document {
        symbol: raw.canonical.clone(),
        number: raw.number.clone(),
        year,
        date: header.date.map(|d| d.iso()),
        doc_type,
        id: document_id(&raw.canonical, raw.year.is_some(), year, place),
        issuers,
        issuer_name: header.issuer.as_ref().map(|h| h.name.clone()),
        title: header.title.clone().filter(|t| !t.is_empty()),
    })
}

/// Turns mentions into citations, a run of text at a time: list dates, years from earlier mentions, doc
/// types, issuers, ids. Runs come in text order, and what earlier mentions said carries over between them.
pub(crate) struct Resolver<'t> {
    text: &'t str,
    own: Option<&'t Document>,
    own_place: Option<&'t str>,
    /// Year and date last given for each symbol.
    seen: HashMap<String, (Option<i32>, Option<Date>)>,
    /// The place an issuer phrase last gave each local body's symbol and year.
    places: HashMap<(String, Option<i32>), String>,
    /// (start, start of the law's name) of the mentions written from a name before their number.
    pub named_starts: Vec<(usize, usize)>,
}

impl<'t> Resolver<'t> {
    pub fn new(
        text: &'t str,
        own: Option<&'t Document>,
        own_place: Option<&'t str>,
    ) -> Resolver<'t> {
        Resolver {
            text,
            own,
            own_place,
            seen: HashMap::default(),
            places: HashMap::default(),
            named_starts: Vec::new(),
        }
    }

    /// Resolves the mentions of one run (a list never spans two runs) onto `out`, emptying `mentions`.
    pub fn resolve(&mut self, mentions: &mut Vec<Mention<'_>>, out: &mut Vec<Citation>) {
        let (text, own, own_place) = (self.text, self.own, self.own_place);
        let seen = &mut self.seen;
        // "các Nghị quyết số 18-NQ/TW, 19-NQ/TW ngày 25/10/2017": the date closing a list belongs to each item.
        // So does the issuer that closes it ("Quyết định số 12/QĐ-UBND, số 13/QĐ-UBND … của UBND tỉnh Lào Cai"),
        // for items whose symbols name the same bodies.
        for i in (0..mentions.len()).rev() {
            if i + 1 >= mentions.len() || !mentions[i + 1].continues_list {
                continue;
            }
            if mentions[i].issuer.is_none() && mentions[i].raw.groups == mentions[i + 1].raw.groups
            {
                mentions[i].issuer = mentions[i + 1].issuer.clone();
            }
            if mentions[i].date.is_some() {
                continue;
            }
            if let Some(d) = mentions[i + 1].date {
                if mentions[i].raw.year.is_none_or(|y| y == d.year)
                    && mentions[i + 1].raw.year.is_none_or(|y| y == d.year)
                {
                    mentions[i].date = Some(d);
                }
            }
        }
        for m in mentions.drain(..) {
            let raw = &m.raw;
            // "Nghị quyết 57/NQ-TW" is the Party's 57-NQ/TW: one key, while the mention keeps its symbol and
            // takes a year only from mentions of that symbol as written (the contract's rule).
            let known_as = crate::id::identity_symbol(&raw.canonical);
            let earlier = seen.get(&raw.canonical).copied();
            let year = raw
                .year
                .or(m.date.map(|d| d.year))
                .or(m.year_after)
                .or(earlier.and_then(|e| e.0))
                .or(m.sentence_date.map(|d| d.year));
            let date = m.date.or_else(|| {
                earlier
                    .and_then(|e| e.1)
                    .filter(|d| Some(d.year) == year || raw.year.is_some())
                    .or(m.sentence_date.filter(|d| Some(d.year) == year))
            });
            if let Some(doc) = own {
                let same_year = doc.year.is_none() || year.is_none() || doc.year == year;
                // "(Kèm theo Quyết định số 1050/QĐ-SCT ngày 06/3/2025 …)" under an annex of 1050/QĐ-SCT of
                // 2026: a year-less number in the annex caption is the document itself, its date a slip.
                if doc.symbol == raw.canonical
                    && (same_year || raw.year.is_none() && annex_caption(text, m.start))
                {
                    continue;
                }
            }
            // A symbol that carries its year gives every later mention of it that year, so only a date is
            // worth keeping for it; dense lists of distinct symbols then leave the map empty.
            if year.is_some() && (raw.year.is_none() || date.is_some()) {
                // Most mentions repeat a symbol already seen: its key is copied only the first time.
                let entry = match seen.get_mut(&raw.canonical) {
                    Some(entry) => entry,
                    None => seen.entry(raw.canonical.clone()).or_insert((None, None)),
                };
                entry.0 = year;
                if date.is_some() {
                    entry.1 = date;
                }
            }
            let codes = Codes::of(raw);
            let issuers = codes.issuers(m.issuer.as_ref());
            // "Căn cứ Nghị quyết số 20/2020/NQ-HĐND … của Hội đồng nhân dân tỉnh Tuyên Quang; … Thực hiện Nghị
            // quyết 20/2020/NQ-HĐND nêu trên" in a Hà Giang decision: a later mention without an issuer is the
            // document an earlier one placed, before it is one of the input's own province.
            let place = if is_local_body(&issuers) {
                let stated = m.issuer.as_ref().and_then(|h| h.place.clone());
                match stated {
                    Some(p) => {
                        self.places.insert((raw.canonical.clone(), year), p.clone());
                        Some(p)
                    }
                    // Most inputs name no place for any mention: no key is built for them.
                    None => (!self.places.is_empty())
                        .then(|| self.places.get(&(raw.canonical.clone(), year)).cloned())
                        .flatten()
                        .or_else(|| own_place.map(str::to_string)),
                }
            } else {
                None
            };
            if let Some(name_start) = m.name_start {
                self.named_starts.push((m.start, name_start));
            }
            out.push(Citation {
                start: m.start,
                end: m.end,
                text: text[m.start..m.end].to_string(),
                symbol: raw.canonical.clone(),
                number: raw.number.clone(),
                year,
                date: date.map(|d| d.iso()),
                doc_type: codes.doc_type(m.type_word),
                id: document_id(&known_as, raw.year.is_some(), year, place.as_deref()),
                issuers,
                issuer_name: m.issuer.as_ref().map(|h| h.name.clone()),
                relation: m.relation,
                pinpoint: m.pinpoint.clone(),
                partial: None,
                doubtful: false,
                also: Vec::new(),
            });
        }
    }
}

/// How far back on its line an annex caption's words stand before the number: "(Kèm theo Quyết định số: ".
const CAPTION_REACH: usize = 80;

/// Whether the mention at `start` is in an annex caption: a line that opens with "(Kèm theo" or "Ban hành
/// kèm theo", close before it. In running text ("Sửa đổi Quy chế ban hành kèm theo Quyết định số …") the
/// same number may be last year's document.
fn annex_caption(text: &str, start: usize) -> bool {
    let from = crate::extract::clean::floor_boundary(text, start.saturating_sub(CAPTION_REACH));
    let line = &text[from..start];
    let Some(line) = line.rfind('\n').map(|p| &line[p + 1..]) else {
        return false;
    };
    let folded = crate::extract::clean::fold(line);
    let opening = folded.trim_start_matches(['(', ' ', '*', '_']);
    opening.starts_with("kem theo") || opening.starts_with("ban hanh kem theo")
}
