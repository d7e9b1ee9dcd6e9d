//! Accuracy on the hand-labelled gold of `../shared/corpus/gold`, scored as `tools/score_extract.py` does:
//! precision and recall over the multiset of (symbol, year) per file, garbled mentions neutral.

use serde_json::Value;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

fn norm(s: &str) -> String {
    s.nfc().collect::<String>().replace('\u{d0}', "Đ")
}

type Key = (String, Option<i64>);

fn counts(keys: impl Iterator<Item = Key>) -> HashMap<Key, i64> {
    let mut m = HashMap::new();
    for k in keys {
        *m.entry(k).or_insert(0) += 1;
    }
    m
}

/// The corpus's text files, in path order, as (file name, text).
fn corpus_texts(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, text)
        })
        .collect()
}

#[test]
fn gold_precision_recall_and_attributes() {
    let Some(dir) = crate::corpus_dir() else {
        return;
    };
    let gold_text =
        std::fs::read_to_string(dir.join("gold/gold.json")).unwrap_or_else(|e| panic!("gold: {e}"));
    let gold: HashMap<String, Value> =
        serde_json::from_str(&gold_text).unwrap_or_else(|e| panic!("gold: {e}"));
    let mut files: Vec<&String> = gold.keys().collect();
    files.sort();
    let (mut tp, mut fp, mut fne) = (0i64, 0i64, 0i64);
    let (
        mut date_ok,
        mut date_n,
        mut type_ok,
        mut type_n,
        mut rel_ok,
        mut rel_n,
        mut self_ok,
        mut self_n,
    ) = (0, 0, 0, 0, 0, 0, 0, 0);
    let mut report = Vec::new();
    for f in files {
        let g = &gold[f];
        let text = std::fs::read_to_string(dir.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
        let found = vncite::extract(&text);
        let gcites: Vec<&Value> = g["citations"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        let key = |c: &Value| {
            (
                norm(c["symbol"].as_str().unwrap_or_default()),
                c["year"].as_i64(),
            )
        };
        let neutral = counts(
            gcites
                .iter()
                .filter(|c| c["garbled"] == true)
                .map(|c| key(c)),
        );
        let gc = counts(
            gcites
                .iter()
                .filter(|c| c["garbled"] != true)
                .map(|c| key(c)),
        );
        let mut pc = counts(
            found
                .citations
                .iter()
                .map(|c| (norm(&c.symbol), c.year.map(i64::from))),
        );
        for (k, v) in &neutral {
            if let Some(p) = pc.get_mut(k) {
                let extra = (*p - gc.get(k).copied().unwrap_or(0)).max(0);
                *p -= extra.min(*v);
            }
        }
        let (mut ftp, mut ffp, mut ffn) = (0, 0, 0);
        for (k, &p) in &pc {
            let g = gc.get(k).copied().unwrap_or(0);
            ftp += p.min(g);
            if p > g {
                ffp += p - g;
                report.push(format!("{f}: extra {} year {:?} x{}", k.0, k.1, p - g));
            }
        }
        for (k, &g) in &gc {
            let p = pc.get(k).copied().unwrap_or(0);
            if g > p {
                ffn += g - p;
                report.push(format!("{f}: missed {} year {:?} x{}", k.0, k.1, g - p));
            }
        }
        if ffp + ffn > 0 {
            report.push(format!("{f}: tp {ftp} fp {ffp} fn {ffn}"));
        }
        tp += ftp;
        fp += ffp;
        fne += ffn;
        // Attributes on matched keys, pairing gold and predicted mentions in order, same relation first.
        let mut by_key: HashMap<Key, Vec<&vncite::Citation>> = HashMap::new();
        for c in &found.citations {
            by_key
                .entry((norm(&c.symbol), c.year.map(i64::from)))
                .or_default()
                .push(c);
        }
        for c in gcites.iter().filter(|c| c["garbled"] != true) {
            let Some(ps) = by_key.get_mut(&key(c)) else {
                continue;
            };
            if ps.is_empty() {
                continue;
            }
            let j = ps
                .iter()
                .position(|p| Some(p.relation.as_str()) == c["relation"].as_str())
                .unwrap_or(0);
            let p = ps.remove(j);
            if let Some(d) = c["date"].as_str() {
                date_n += 1;
                date_ok += i32::from(p.date.as_deref() == Some(d));
            }
            if let Some(t) = c["doc_type"].as_str() {
                type_n += 1;
                type_ok += i32::from(p.doc_type == t);
            }
            if let Some(r) = c["relation"].as_str() {
                rel_n += 1;
                rel_ok += i32::from(p.relation == r);
            }
        }
        if g["self"].is_object() {
            self_n += 1;
            let ok = found.document.as_ref().is_some_and(|d| {
                norm(&d.symbol) == norm(g["self"]["symbol"].as_str().unwrap_or_default())
                    && d.year.map(i64::from) == g["self"]["year"].as_i64()
            });
            self_ok += i32::from(ok);
            if !ok {
                report.push(format!(
                    "{f}: self {:?} != {}",
                    found.document.as_ref().map(|d| &d.symbol),
                    g["self"]["symbol"]
                ));
            }
        }
    }
    let ratio = |a: i32, b: i32| {
        if b == 0 {
            1.0
        } else {
            f64::from(a) / f64::from(b)
        }
    };
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fne).max(1) as f64;
    let (date, doc_type, relation, own) = (
        ratio(date_ok, date_n),
        ratio(type_ok, type_n),
        ratio(rel_ok, rel_n),
        ratio(self_ok, self_n),
    );
    for line in &report {
        crate::report(line);
    }
    crate::report(&format!(
        "gold: precision {precision:.3} recall {recall:.3} date {date:.3} type {doc_type:.3} relation {relation:.3} self {own:.3} (tp {tp} fp {fp} fn {fne})"
    ));
    // Floors are the figures measured on the 44 gold files; they only ever go up.
    for (name, got, floor) in [
        ("precision", precision, 0.999),
        ("recall", recall, 0.997),
        ("date", date, 0.999),
        ("doc_type", doc_type, 0.993),
        ("relation", relation, 0.973),
        ("self", own, 0.999),
    ] {
        assert!(got >= floor, "{name} {got:.3} < {floor}");
    }
}

#[test]
fn whole_corpus_spans_slice_the_original_and_runs_are_deterministic() {
    let Some(dir) = crate::corpus_dir() else {
        return;
    };
    let texts = corpus_texts(&dir);
    assert!(texts.len() >= 80, "corpus has {} files", texts.len());
    for (name, text) in texts {
        let found = vncite::extract(&text);
        for c in &found.citations {
            assert_eq!(&text[c.start..c.end], c.text, "{name}");
        }
        for n in &found.named {
            assert_eq!(&text[n.start..n.end], n.text, "{name}");
        }
        assert_eq!(found, vncite::extract(&text));
    }
}

/// Every header title the corpus gives, one line per file: the trích yếu must end where the title ends
/// (before the body, the signer and the motto) and go on across its line breaks. Checked by eye when it
/// changes.
#[test]
fn every_header_title_ends_at_the_end_of_the_title() {
    let Some(dir) = crate::corpus_dir() else {
        return;
    };
    let mut lines = Vec::new();
    for (name, text) in corpus_texts(&dir) {
        let Some(doc) = vncite::extract(&text).document else {
            continue;
        };
        lines.push(format!(
            "{name}: {} | {}",
            doc.symbol,
            doc.title.as_deref().unwrap_or("(no title)")
        ));
    }
    assert!(lines.len() >= 60, "{} headers", lines.len());
    insta::assert_snapshot!("corpus_titles", lines.join("\n"));
}

/// The store of the whole corpus is the same bytes whatever order its inputs come in, in one batch, in
/// several, or added to a store that already holds some of them (`graph build --into`).
#[test]
fn any_order_of_the_corpus_inputs_gives_a_byte_identical_store() {
    let Some(dir) = crate::corpus_dir() else {
        return;
    };
    let found: Vec<(String, vncite::Extraction)> = corpus_texts(&dir)
        .into_iter()
        .map(|(name, text)| {
            let found = vncite::extract(&text);
            (name, found)
        })
        .collect();
    let store_of = |batches: &[Vec<usize>]| -> Vec<u8> {
        let mut g = vncite::CitationGraph::new();
        for batch in batches {
            g.add_inputs(batch.iter().map(|&i| (found[i].0.as_str(), &found[i].1)))
                .unwrap_or_else(|e| panic!("{e}"));
        }
        let mut bytes = Vec::new();
        g.write_store(&mut bytes).unwrap_or_else(|e| panic!("{e}"));
        bytes
    };
    let n = found.len();
    let sorted: Vec<usize> = (0..n).collect();
    let reference = store_of(std::slice::from_ref(&sorted));
    // A fixed pseudo-random order (multiplication by a unit modulo a prime above n), so a failure repeats.
    let p = 97;
    assert!(n < p, "{n} inputs");
    let scrambled: Vec<usize> = (0..p).map(|k| (k * 31) % p).filter(|&i| i < n).collect();
    let orders: Vec<(&str, Vec<Vec<usize>>)> = vec![
        ("reversed", vec![sorted.iter().rev().copied().collect()]),
        ("scrambled", vec![scrambled.clone()]),
        (
            "scrambled, in three batches",
            scrambled.chunks(n / 3 + 1).map(<[usize]>::to_vec).collect(),
        ),
        (
            "half, then all again",
            vec![
                scrambled[..n / 2].to_vec(),
                sorted.iter().rev().copied().collect(),
            ],
        ),
    ];
    for (what, batches) in orders {
        let bytes = store_of(&batches);
        assert!(
            bytes == reference,
            "{what}: the store differs from the sorted build ({} bytes against {})",
            bytes.len(),
            reference.len()
        );
    }
    crate::report(&format!(
        "corpus store: {n} inputs, {} bytes, identical in 5 orders",
        reference.len()
    ));
}
