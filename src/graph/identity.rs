//! One node per law across inputs. Each input names a law cited by name with what that input knows of it
//! ("Luật Đất đai" with a year in one, with its full date in another), so the graph alone can see that
//! `named:luat-dat-dai@1993` and `named:luat-dat-dai@1993-07-14` are one law, and that both are the law
//! another input is (its header gives number, date and title).

use super::{CitationGraph, CitedFacts, Edge, NodeId, NodeKind};
use crate::vocab::DocType;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::BTreeMap;

/// A law an input is, or one an input cites with its name and number: its date and year.
struct DefinedLaw {
    date: Option<String>,
    year: Option<i32>,
    id: NodeId,
    /// Cited by some input with its name and number: then any date of its year ties a name to it.
    cited: bool,
}

impl CitationGraph {
    /// Moves every named node the graph can tie to one other node into that node: a year-only name into the
    /// one full date of that name and year, and a dated name into the input law of that name and date.
    pub(super) fn merge_named_laws(&mut self) -> Result<(), crate::Error> {
        let plan = self.named_merges();
        if plan.is_empty() {
            return Ok(());
        }
        self.parse_all_evidence()?;
        // A merged node's evidence lands on another: settle every node again.
        self.touched = None;
        for (from, to) in plan {
            self.move_node(&from, &to)?;
        }
        Ok(())
    }

    /// (named node, node it is) for every named node with exactly one such node; independent of input order.
    fn named_merges(&self) -> Vec<(NodeId, NodeId)> {
        let mut laws: BTreeMap<String, Vec<DefinedLaw>> = BTreeMap::new();
        for doc in self.inputs.values().flatten() {
            let Some(key) = law_name_key(doc.doc_type, doc.title.as_deref()) else {
                continue;
            };
            laws.entry(key).or_default().push(DefinedLaw {
                date: doc.date.clone(),
                year: doc.year,
                id: NodeId::document(&doc.id),
                cited: false,
            });
        }
        // A numbered law some input cites with its name ("Bộ luật Lao động số 45/2019/QH14") is that name too,
        // in its number's year: an input that writes both ties every other input's name to the number. Any
        // full date of that year fits it, its header's or not (texts date a law by its passing or by its
        // promulgation), so that a header read in a later batch never parts what an earlier one joined.
        for node in self.graph.node_weights() {
            if node.kind != NodeKind::Document || node.id.key().starts_with("named:") {
                continue;
            }
            let name = match self.facts.get(&node.id) {
                Some(facts) => CitedFacts::chosen_name(facts),
                None if self.facts_pending => node.name.clone(),
                None => None,
            };
            let Some(name) = name else {
                continue;
            };
            let listed = laws.entry(crate::id::name_key(&name)).or_default();
            match listed.iter_mut().find(|l| l.id == node.id) {
                Some(defined) => defined.cited = true,
                None => listed.push(DefinedLaw {
                    date: None,
                    year: crate::id::symbol_year(node.id.key()),
                    id: node.id.clone(),
                    cited: true,
                }),
            }
        }
        // Named nodes by key: (when, id).
        let mut named: BTreeMap<String, Vec<(String, NodeId)>> = BTreeMap::new();
        for ix in self.graph.node_indices() {
            let node = &self.graph[ix];
            if node.kind != NodeKind::Document {
                continue;
            }
            if let Some((key, when)) = node
                .id
                .key()
                .strip_prefix("named:")
                .and_then(|k| k.rsplit_once('@'))
            {
                named
                    .entry(key.to_string())
                    .or_default()
                    .push((when.to_string(), node.id.clone()));
            }
        }
        let mut plan = Vec::new();
        for (key, spellings) in &named {
            let defined = laws.get(key).map_or(&[][..], Vec::as_slice);
            // The node a full date is: the input law of that name and date, if one is.
            let law_on = |date: &str| -> Option<&NodeId> {
                let year: i32 = date.get(..4)?.parse().ok()?;
                let mut fits = defined.iter().filter(|l| match &l.date {
                    Some(d) if d == date => true,
                    Some(_) => l.cited && l.year == Some(year),
                    None => l.year == Some(year),
                });
                let one = fits.next()?;
                fits.next().is_none().then_some(&one.id)
            };
            for (when, id) in spellings {
                let target = match when.len() {
                    10 => law_on(when).cloned(),
                    4 => {
                        let dates: Vec<&(String, NodeId)> = spellings
                            .iter()
                            .filter(|(w, _)| w.len() == 10 && w.starts_with(when.as_str()))
                            .collect();
                        let in_inputs: Vec<&DefinedLaw> = defined
                            .iter()
                            .filter(|l| l.year.is_some_and(|y| y.to_string() == *when))
                            .collect();
                        match (dates.as_slice(), in_inputs.as_slice()) {
                            // Every full date of the year joins a law cited with its number: so does the year.
                            (_, [law]) if law.cited => Some(law.id.clone()),
                            ([(date, named_id)], []) => {
                                Some(law_on(date).unwrap_or(named_id).clone())
                            }
                            ([], [law]) => Some(law.id.clone()),
                            ([(date, _)], [law])
                                if law.date.as_deref().is_none_or(|d| d == date) =>
                            {
                                Some(law.id.clone())
                            }
                            _ => None,
                        }
                    }
                    _ => None,
                };
                if let Some(target) = target.filter(|t| t != id) {
                    plan.push((id.clone(), target));
                }
            }
        }
        plan
    }

    /// Gives every edge of `from` to `to`, with its evidence, and drops `from`.
    fn move_node(&mut self, from: &NodeId, to: &NodeId) -> Result<(), crate::Error> {
        let Some(&from_ix) = self.index.get(from) else {
            return Ok(());
        };
        let to_ix = self.node_index(to);
        let edges: Vec<(NodeIndex, NodeIndex, Edge)> = self
            .graph
            .edges_directed(from_ix, Direction::Incoming)
            .chain(self.graph.edges_directed(from_ix, Direction::Outgoing))
            .map(|e| (e.source(), e.target(), e.weight().clone()))
            .collect();
        for (source, target, edge) in edges {
            let source = if source == from_ix { to_ix } else { source };
            let target = if target == from_ix { to_ix } else { target };
            if source == target {
                continue;
            }
            for evidence in edge.parsed().iter().cloned() {
                self.add_evidence(source, target, edge.relation, evidence)?;
            }
        }
        self.graph.remove_node(from_ix);
        self.index.remove(from);
        if let Some(facts) = self.facts.remove(from) {
            let into = self.facts.entry(to.clone()).or_default();
            for (f, n) in facts {
                *into.entry(f).or_insert(0) += n;
            }
        }
        Ok(())
    }
}

/// The name a numbered law's mention writes before its number, "Bộ luật Lao động" in "Bộ luật Lao động số
/// 45/2019/QH14 ngày …": a law's, code's or ordinance's type word and at least one word of name.
/// The first figures of the mention must start its number, so no date or year stands in the name.
pub(super) fn law_name_in_mention(doc_type: DocType, text: &str, symbol: &str) -> Option<String> {
    if !matches!(doc_type, DocType::Law | DocType::Code | DocType::Ordinance) {
        return None;
    }
    let number_at = text.find(|c: char| c.is_ascii_digit())?;
    let number = symbol.split('/').next().unwrap_or(symbol);
    // A letter glued to the number ("số J58/2024/QH1", OCR) is no name's end.
    let spaced = text[..number_at].ends_with(|c: char| c.is_whitespace() || c == ':');
    if !spaced || !text[number_at..].starts_with(number) {
        return None;
    }
    let before = text[..number_at].trim_end();
    let before = before.strip_suffix(':').unwrap_or(before).trim_end();
    // "số" in whatever composition the text uses.
    let name = match before.rsplit_once(char::is_whitespace) {
        Some((name, last)) if crate::extract::clean::fold(last) == "so" => name.trim_end(),
        _ => before,
    };
    // A stray letter before the number ("số J 58/2024/QH1", OCR) ends no name.
    if name
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| w.chars().count() < 2)
    {
        return None;
    }
    let folded = crate::extract::clean::fold(name);
    let type_word = ["bo luat ", "luat ", "phap lenh "]
        .into_iter()
        .find(|w| folded.starts_with(w))?;
    (folded.len() > type_word.len() && !folded.contains(['(', ';'])).then(|| name.to_string())
}

/// The name key an input law is cited by: its type word and trích yếu, without what some headers run on
/// into the title ("ĐẤT ĐAI SỐ 24-L/CTN NGÀY 14/07/1993 CỦA QUỐC HỘI").
fn law_name_key(doc_type: DocType, title: Option<&str>) -> Option<String> {
    let type_word = match doc_type {
        DocType::Law => "luat",
        DocType::Code => "bo luat",
        DocType::Ordinance => "phap lenh",
        _ => return None,
    };
    let folded = crate::extract::clean::fold(title?);
    let folded = folded.trim();
    if folded.is_empty() || folded.starts_with("cua ") {
        return None;
    }
    let end = [" so ", " ngay ", " cua quoc hoi"]
        .iter()
        .filter_map(|w| folded.find(w))
        .min()
        .unwrap_or(folded.len());
    Some(crate::id::name_key(&format!(
        "{type_word} {}",
        folded[..end].trim()
    )))
}
