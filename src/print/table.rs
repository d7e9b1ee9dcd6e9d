//! The readable table `vncite extract` prints by default.

use crate::model::Extraction;
use std::io::Write;

fn or_dash<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or_else(|| "-".to_string(), T::to_string)
}

/// The readable table of one input: its identity, then one row per citation and per named reference.
pub fn write_table(out: &mut impl Write, name: &str, found: &Extraction) -> std::io::Result<()> {
    writeln!(out, "== {name}")?;
    match &found.document {
        Some(d) => writeln!(
            out,
            "document: {} ({}, {}, {}){}",
            d.symbol,
            d.doc_type,
            or_dash(&d.date),
            or_dash(&d.issuer_name),
            d.title.as_ref().map_or(String::new(), |t| format!(" {t}"))
        )?,
        None => writeln!(out, "document: -")?,
    }
    let rows: Vec<[String; 6]> = found
        .citations
        .iter()
        .map(|c| {
            [
                format!("{}-{}", c.start, c.end),
                c.symbol.clone(),
                or_dash(&c.date),
                c.doc_type.to_string(),
                c.relation.to_string(),
                one_line(&c.text),
            ]
        })
        .collect();
    let head = ["span", "symbol", "date", "type", "relation", "text"].map(String::from);
    print_rows(out, &head, &rows)?;
    if !found.named.is_empty() {
        writeln!(out, "named:")?;
        let rows: Vec<[String; 6]> = found
            .named
            .iter()
            .map(|n| {
                [
                    format!("{}-{}", n.start, n.end),
                    n.name.clone(),
                    or_dash(&n.date.clone().or(n.year.map(|y| y.to_string()))),
                    n.doc_type.to_string(),
                    n.relation.to_string(),
                    one_line(&n.text),
                ]
            })
            .collect();
        let head = ["span", "name", "date", "type", "relation", "text"].map(String::from);
        print_rows(out, &head, &rows)?;
    }
    writeln!(
        out,
        "{} citations, {} named\n",
        found.citations.len(),
        found.named.len()
    )?;
    Ok(())
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn print_rows(
    out: &mut impl Write,
    head: &[String; 6],
    rows: &[[String; 6]],
) -> std::io::Result<()> {
    let mut widths = head.clone().map(|h| h.chars().count());
    for r in rows {
        for (w, cell) in widths.iter_mut().zip(r.iter()).take(5) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for r in std::iter::once(head).chain(rows.iter()) {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            if i == 5 {
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(widths[i] - cell.chars().count() + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
