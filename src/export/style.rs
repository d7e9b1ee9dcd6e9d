//! How each doc type and relation is drawn, shared by every format that draws.

use crate::vocab::{DocType, Relation};

/// Fill colour of a document by doc type.
pub fn type_colour(doc_type: Option<DocType>) -> &'static str {
    use DocType::*;
    match doc_type {
        Some(Constitution | Code | Law | Ordinance) => "#fbb4ae",
        Some(Decree) => "#b3cde3",
        Some(Resolution | JointResolution) => "#ccebc5",
        Some(Decision) => "#decbe4",
        Some(Directive) => "#fed9a6",
        Some(Circular | JointCircular) => "#ffffcc",
        Some(OfficialLetter | Dispatch) => "#e5d8bd",
        Some(Plan | Program | Scheme | Project) => "#fddaec",
        _ => "#f2f2f2",
    }
}

/// Colour and line style of a relation: changes to a document stand out from plain citing.
/// Returns (colour, Graphviz style, pen width).
pub fn relation_style(relation: Relation) -> (&'static str, &'static str, &'static str) {
    match relation {
        Relation::Amends => ("#d95f02", "bold", "2"),
        Relation::Replaces => ("#7570b3", "bold", "2.5"),
        Relation::Repeals => ("#e41a1c", "dashed", "2.5"),
        Relation::Corrects => ("#a6761d", "dashed", "1.5"),
        Relation::Basis => ("#1b9e77", "solid", "1.2"),
        Relation::Guides => ("#386cb0", "solid", "1.2"),
        Relation::Implements => ("#66a61e", "solid", "1.2"),
        Relation::IssuedBy => ("#bbbbbb", "dotted", "1"),
        _ => ("#777777", "solid", "1"),
    }
}
