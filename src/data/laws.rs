//! The laws, codes, ordinances and constitutions of `data/laws.tsv` and `data/constitutions.tsv`, and which
//! of them a name without a date means in a text of a given date.

use super::tsv_rows;
use std::sync::LazyLock;

const LAWS_TSV: &str = include_str!("../../data/laws.tsv");

/// One row of `data/laws.tsv`: a law with its number, as the texts in `sources` state it.
#[derive(Debug, Clone)]
pub struct LawRow {
    /// Its number and symbol, `31/2024/QH15`.
    pub symbol: &'static str,
    /// Its name as the listings write it, `Luật Đất đai`.
    pub name: &'static str,
    /// Issue date, when a text states it.
    pub issued: Option<&'static str>,
    /// Date it takes effect, when its own text states it.
    pub effective: Option<&'static str>,
    /// The texts (paths under `../shared`) that state the row.
    pub sources: Vec<&'static str>,
    /// Table line, for messages.
    pub line: usize,
}

impl LawRow {
    /// The issue year, from the symbol.
    pub fn year(&self) -> Option<i32> {
        self.symbol.split('/').nth(1)?.parse().ok()
    }
}

static LAWS: LazyLock<Vec<LawRow>> = LazyLock::new(|| {
    let known = |line: usize, cell: &'static str| -> Option<&'static str> {
        if cell == "-" {
            return None;
        }
        assert!(
            cell.len() == 10 && cell.as_bytes()[4] == b'-' && cell.as_bytes()[7] == b'-',
            "data/laws.tsv line {line}: not a date: {cell:?}"
        );
        Some(cell)
    };
    tsv_rows(LAWS_TSV, 5)
        .map(|(line, c)| LawRow {
            symbol: c[0],
            name: c[1],
            issued: known(line, c[2]),
            effective: known(line, c[3]),
            sources: c[4].split(' ').collect(),
            line,
        })
        .collect()
});

/// The rows of `data/laws.tsv`, in table order.
pub fn laws() -> &'static [LawRow] {
    &LAWS
}

const CONSTITUTIONS_TSV: &str = include_str!("../../data/constitutions.tsv");

/// One row of `data/constitutions.tsv`: a constitution, as the texts in `sources` state it.
#[derive(Debug, Clone)]
pub struct ConstitutionRow {
    /// The year it was adopted.
    pub year: i32,
    /// Its adoption date, when a text states it.
    pub adopted: Option<&'static str>,
    /// The texts (paths under `../shared`) that state the row.
    pub sources: Vec<&'static str>,
    /// Table line, for messages.
    pub line: usize,
}

static CONSTITUTIONS: LazyLock<Vec<ConstitutionRow>> = LazyLock::new(|| {
    tsv_rows(CONSTITUTIONS_TSV, 3)
        .map(|(line, c)| ConstitutionRow {
            year: c[0]
                .parse()
                .unwrap_or_else(|e| panic!("data/constitutions.tsv line {line}: {e}")),
            adopted: (c[1] != "-").then_some(c[1]),
            sources: c[2].split(' ').collect(),
            line,
        })
        .collect()
});

/// The rows of `data/constitutions.tsv`, in table order.
pub fn constitutions() -> &'static [ConstitutionRow] {
    &CONSTITUTIONS
}

/// Laws are replaced about once a decade (Luật Đất đai 2003, 2013, 2024; Luật Doanh nghiệp 2005, 2014, 2020),
/// and the table lists only the laws the shared texts number: an older row may have a successor it does not
/// know (Luật Điện lực 2004 had one in 2024), so a name is not taken for a row older than this.
const LAW_FRESHNESS_YEARS: i32 = 10;

/// The law among `rows` (the table's laws of one name) that a text dated `date` (`YYYY-MM-DD`, or a year) means by the
/// name with no year: the latest one surely issued before it, once surely in force (its effective date
/// passed, or, when no text states that date, a later calendar year). `None` when a newer law of the name
/// may already be adopted but not yet in force, or none is: the text could mean either.
pub fn law_in_force<'a>(rows: &[&'a LawRow], date: &str) -> Option<&'a LawRow> {
    let row = on_every_day_of(date, |day| law_adopted_before(rows, day))?;
    let (year, day) = (row.year()?, date.len() == 10);
    let in_force = |on: &str| match row.effective {
        Some(effective) => effective <= on,
        None => on
            .get(..4)
            .and_then(|y| y.parse::<i32>().ok())
            .is_some_and(|y| year < y),
    };
    let in_force = if day {
        in_force(date)
    } else {
        in_force(&format!("{date}-01-01")) && in_force(&format!("{date}-12-31"))
    };
    in_force.then_some(row)
}

/// The newest of `rows` (one name's laws) issued before `date`, in force or not: what a document of that
/// date means by the name in its own title ("Nghị định … ngày 31/12/2024 quy định chi tiết … Luật Quản lý, sử
/// dụng vũ khí …" guides the law adopted that June, in force from the next year). `None` when the newest is
/// over [`LAW_FRESHNESS_YEARS`] old (the table may not know its successor) or when a law of the name may
/// have been issued that very day. A year alone (`2026`) stands for every day of it: the answer must be the
/// same on its first and last day.
pub fn law_adopted_before<'a>(rows: &[&'a LawRow], date: &str) -> Option<&'a LawRow> {
    on_every_day_of(date, |date| {
        let year: i32 = date.get(..4)?.parse().ok()?;
        let issued_before = |r: &LawRow| match r.issued {
            Some(issued) => Some(issued < date),
            None => match r.year()?.cmp(&year) {
                std::cmp::Ordering::Less => Some(true),
                std::cmp::Ordering::Equal => None,
                std::cmp::Ordering::Greater => Some(false),
            },
        };
        let mut newest: Option<&'a LawRow> = None;
        for &row in rows {
            match issued_before(row) {
                None => return None,
                Some(true) if newest.is_none_or(|n| n.year() <= row.year()) => newest = Some(row),
                _ => {}
            }
        }
        let row = newest?;
        (year - row.year()? <= LAW_FRESHNESS_YEARS).then_some(row)
    })
}

/// `pick` of a full date; of a year alone, the one answer `pick` gives on its first and last day.
fn on_every_day_of<'a>(
    date: &str,
    pick: impl Fn(&str) -> Option<&'a LawRow>,
) -> Option<&'a LawRow> {
    match date.len() {
        10 => pick(date),
        4 => {
            let first = pick(&format!("{date}-01-01"))?;
            let last = pick(&format!("{date}-12-31"))?;
            std::ptr::eq(first, last).then_some(first)
        }
        _ => None,
    }
}

/// An amending law's name recurs (the amendments of Luật Quản lý thuế of 2012, 2016, 2019 …), and a text
/// that names one without a date names the amendment that prompted it: one issued shortly before.
const AMENDING_REACH_YEARS: i32 = 1;

/// The amending law among `rows` (the table's laws of one amending name) that a text dated `date`
/// (`YYYY-MM-DD`, or a year) means by the name with no date: the one row surely issued before the text and
/// at most a calendar year older. `None` when none is or two are: the table may not know a later amendment,
/// so an older row is never taken for it.
pub fn amending_law_before<'a>(rows: &[&'a LawRow], date: &str) -> Option<&'a LawRow> {
    let year: i32 = date.get(..4)?.parse().ok()?;
    let full = date.len() == 10;
    let mut recent = rows.iter().filter(|r| {
        r.year()
            .is_some_and(|y| (0..=AMENDING_REACH_YEARS).contains(&(year - y)))
            && match r.issued {
                Some(issued) if full => issued < date,
                _ => r.year().is_some_and(|y| y < year),
            }
    });
    let one = recent.next()?;
    recent.next().is_none().then_some(*one)
}

/// The constitution a text dated `date` (`YYYY-MM-DD`, or a year) means by "Hiến pháp" with no year: the
/// latest adopted before it. `None` in the year of an adoption that the date does not place after.
pub fn constitution_in_force(date: &str) -> Option<&'static ConstitutionRow> {
    let year: i32 = date.get(..4)?.parse().ok()?;
    let rows = constitutions();
    let before = rows.iter().rev().find(|r| r.year < year);
    match rows.iter().find(|r| r.year == year) {
        None => before,
        Some(row) => match row.adopted {
            Some(adopted) if date.len() == 10 && date > adopted => Some(row),
            Some(adopted) if date.len() == 10 && date < adopted => before,
            _ => None,
        },
    }
}
