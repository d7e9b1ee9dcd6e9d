//! The graph for Neo4j (and every Cypher database that reads its CSV format, such as Kùzu): a node file
//! and one relationship file per relation, with typed headers for `neo4j-admin database import`, a
//! `load.cypher` for `LOAD CSV`, and `import.sh` with the neo4j-admin command line. Labels say the node's
//! kind and doc type (`Node;Document;Decree`); relationship types the relation (`AMENDS`). Evidence stays
//! in vncite: each relationship carries its mention count, the pinpoints and the inputs that state it.

use super::json::node_fields;
use super::Part;
use crate::graph::CitationGraph;
use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

/// The node file's header, in the order of every row.
pub const NODE_HEADER: [&str; 12] = [
    "id:ID",
    ":LABEL",
    "kind",
    "symbol",
    "name",
    "doc_type",
    "date",
    "year:int",
    "title",
    "issuer_name",
    "issuers:string[]",
    "ambiguous:boolean",
];

/// Each relationship file's header.
pub const RELATIONSHIP_HEADER: [&str; 7] = [
    ":START_ID",
    ":END_ID",
    "count:int",
    "pinpoints:string[]",
    "partial:boolean",
    "sources:string[]",
    ":TYPE",
];

/// `official_letter` → `OfficialLetter`: the label of a kind or doc type.
fn label(name: &str) -> String {
    name.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// A field as one line: CSV readers that split the file across threads (Kùzu) do not take line breaks
/// inside quotes, and no title needs them.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Values of an array field, joined by `;` (neo4j-admin's array delimiter), which no value may hold.
fn array(values: impl IntoIterator<Item = String>) -> String {
    values
        .into_iter()
        .map(|v| one_line(&v).replace(';', ","))
        .collect::<Vec<_>>()
        .join(";")
}

fn csv_error(e: csv::Error) -> io::Error {
    io::Error::other(e.to_string())
}

/// Writes `bytes` to `dir/name` atomically (see [`crate::atomic`]).
fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let path = dir.join(name);
    crate::atomic::write_atomically(&path, |w| w.write_all(bytes))?;
    Ok(path)
}

/// Writes the export into `dir` (created when missing) and returns the files written, node file first.
pub fn write_neo4j(
    graph: &CitationGraph,
    part: &Part<'_>,
    dir: &Path,
) -> Result<Vec<PathBuf>, crate::Error> {
    let name = dir.display().to_string();
    let io_err = |e: io::Error| crate::Error::new(crate::ErrorKind::Io(e), name.clone());
    std::fs::create_dir_all(dir).map_err(io_err)?;
    let mut nodes = csv::Writer::from_writer(Vec::new());
    nodes
        .write_record(NODE_HEADER)
        .map_err(csv_error)
        .map_err(io_err)?;
    for n in &part.nodes {
        let fields = node_fields(n);
        let text = |k: &str| {
            fields
                .get(k)
                .and_then(|v| v.as_str())
                .map(one_line)
                .unwrap_or_default()
        };
        let mut labels = vec!["Node".to_string(), label(n.kind.as_str())];
        if let Some(t) = n.doc_type {
            labels.push(label(t.as_str()));
        }
        nodes
            .write_record([
                n.id.to_string(),
                labels.join(";"),
                n.kind.as_str().to_string(),
                text("symbol"),
                text("name"),
                text("doc_type"),
                text("date"),
                n.year.map(|y| y.to_string()).unwrap_or_default(),
                text("title"),
                text("issuer_name"),
                array(n.issuers.iter().cloned()),
                if n.ambiguous { "true" } else { "false" }.to_string(),
            ])
            .map_err(csv_error)
            .map_err(io_err)?;
    }
    let nodes = nodes.into_inner().map_err(|e| io_err(e.into_error()))?;
    let mut written = vec![write_file(dir, "nodes.csv", &nodes).map_err(io_err)?];
    let relations: BTreeSet<_> = part.edges.iter().map(|e| e.edge.relation).collect();
    let mut files = Vec::new();
    for relation in relations {
        let mut rels = csv::Writer::from_writer(Vec::new());
        rels.write_record(RELATIONSHIP_HEADER)
            .map_err(csv_error)
            .map_err(io_err)?;
        let kind = relation.as_str().to_uppercase();
        for e in part.edges.iter().filter(|e| e.edge.relation == relation) {
            let evidence = graph.evidence(e.edge)?;
            let pinpoints: BTreeSet<String> =
                evidence.iter().filter_map(|v| v.pinpoint.clone()).collect();
            let sources: BTreeSet<String> = evidence.iter().map(|v| v.source.to_string()).collect();
            let partial = relation.is_change() && evidence.iter().all(|v| v.partial == Some(true));
            rels.write_record([
                e.from.to_string(),
                e.to.to_string(),
                e.edge.count().to_string(),
                array(pinpoints),
                if partial { "true" } else { "false" }.to_string(),
                array(sources),
                kind.clone(),
            ])
            .map_err(csv_error)
            .map_err(io_err)?;
        }
        let bytes = rels.into_inner().map_err(|e| io_err(e.into_error()))?;
        let file = format!("relationships_{}.csv", relation.as_str());
        written.push(write_file(dir, &file, &bytes).map_err(io_err)?);
        files.push((file, kind));
    }
    let cypher = load_cypher(&files);
    written.push(write_file(dir, "load.cypher", cypher.as_bytes()).map_err(io_err)?);
    let script = import_script(&files);
    written.push(write_file(dir, "import.sh", script.as_bytes()).map_err(io_err)?);
    Ok(written)
}

fn load_cypher(files: &[(String, String)]) -> String {
    let mut s = String::from(
        "// Loads a vncite export with LOAD CSV (Neo4j 5.26 or later, for labels set from a column).\n\
         // Copy the CSV files into the database's import directory first, then: cypher-shell -f load.cypher\n\
         CREATE CONSTRAINT vncite_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;\n\
         LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\n\
         CALL (row) {\n\
         \x20 MERGE (n:Node {id: row.`id:ID`})\n\
         \x20 SET n.kind = row.kind, n.symbol = row.symbol, n.name = row.name, n.doc_type = row.doc_type,\n\
         \x20     n.date = row.date, n.year = toInteger(row.`year:int`), n.title = row.title,\n\
         \x20     n.issuer_name = row.issuer_name,\n\
         \x20     n.issuers = CASE row.`issuers:string[]` WHEN '' THEN [] ELSE split(row.`issuers:string[]`, ';') END,\n\
         \x20     n.ambiguous = row.`ambiguous:boolean` = 'true'\n\
         \x20 SET n:$(split(row.`:LABEL`, ';'))\n\
         } IN TRANSACTIONS OF 10000 ROWS;\n",
    );
    for (file, kind) in files {
        s.push_str(&format!(
            "LOAD CSV WITH HEADERS FROM 'file:///{file}' AS row\n\
             CALL (row) {{\n\
             \x20 MATCH (a:Node {{id: row.`:START_ID`}}), (b:Node {{id: row.`:END_ID`}})\n\
             \x20 CREATE (a)-[r:{kind} {{count: toInteger(row.`count:int`), partial: row.`partial:boolean` = 'true'}}]->(b)\n\
             \x20 SET r.pinpoints = CASE row.`pinpoints:string[]` WHEN '' THEN [] ELSE split(row.`pinpoints:string[]`, ';') END,\n\
             \x20     r.sources = split(row.`sources:string[]`, ';')\n\
             }} IN TRANSACTIONS OF 10000 ROWS;\n"
        ));
    }
    s
}

fn import_script(files: &[(String, String)]) -> String {
    let mut s = String::from(
        "#!/bin/sh\n# Imports this directory into a new, stopped Neo4j database (default name: vncite).\n\
         set -e\ncd \"$(dirname \"$0\")\"\nneo4j-admin database import full \"${1:-vncite}\" --overwrite-destination \\\n  --nodes=nodes.csv",
    );
    for (file, _) in files {
        s.push_str(&format!(" \\\n  --relationships={file}"));
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn labels_are_pascal_case() {
        assert_eq!(super::label("official_letter"), "OfficialLetter");
        assert_eq!(super::label("decree"), "Decree");
        assert_eq!(
            super::array(["a;b".to_string(), "c\nd".to_string()]),
            "a,b;c d"
        );
    }
}
