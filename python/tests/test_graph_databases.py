"""`vncite export --format neo4j` loaded into a real Cypher database (Kùzu, embedded, from PyPI): the same
nodes and edges, and a transitive lineage query gives what `vncite query descendants` gives."""

import csv
import json
import os
import subprocess

import pytest

from test_vncite import BIN, cli, corpus

kuzu = pytest.importorskip("kuzu") if os.environ.get("CI") not in ("true", "1") else __import__("kuzu")

NODE_COLUMNS = (
    "id STRING, labels STRING, kind STRING, symbol STRING, name STRING, doc_type STRING, date STRING, "
    "year INT64, title STRING, issuer_name STRING, issuers STRING, ambiguous BOOLEAN, PRIMARY KEY(id)"
)
REL_COLUMNS = "count INT64, pinpoints STRING, partial BOOLEAN, sources STRING, type STRING"
# Kùzu reads the columns in order; the quote and escape characters are the CSV standard's, as written.
CSV_OPTIONS = "(HEADER=true, QUOTE='\"', ESCAPE='\"')"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    work = tmp_path_factory.mktemp("neo4j")
    store = work / "corpus.store"
    subprocess.run([str(BIN), "graph", "build", "-q", "-o", str(store), str(corpus())], check=True)
    out = work / "export"
    subprocess.run([str(BIN), "export", "--graph", str(store), "--format", "neo4j", "-o", str(out)], check=True)
    return store, out


@pytest.fixture(scope="module")
def database(exported, tmp_path_factory):
    _, out = exported
    db = kuzu.Database(str(tmp_path_factory.mktemp("kuzu") / "db"))
    conn = kuzu.Connection(db)
    conn.execute(f"CREATE NODE TABLE Node({NODE_COLUMNS})")
    conn.execute(f"COPY Node FROM '{out / 'nodes.csv'}' {CSV_OPTIONS}")
    for path in sorted(out.glob("relationships_*.csv")):
        kind = path.stem[len("relationships_") :].upper()
        conn.execute(f"CREATE REL TABLE {kind}(FROM Node TO Node, {REL_COLUMNS})")
        conn.execute(f"COPY {kind} FROM '{path}' {CSV_OPTIONS}")
    return conn


def rows(conn, query, params=None):
    result = conn.execute(query, params or {})
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


def test_the_files_have_neo4j_admin_headers(exported):
    _, out = exported
    with open(out / "nodes.csv", newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header == [
        "id:ID", ":LABEL", "kind", "symbol", "name", "doc_type", "date", "year:int", "title",
        "issuer_name", "issuers:string[]", "ambiguous:boolean",
    ]
    with open(out / "relationships_amends.csv", newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        assert next(reader) == [
            ":START_ID", ":END_ID", "count:int", "pinpoints:string[]", "partial:boolean", "sources:string[]", ":TYPE",
        ]
        assert {row[-1] for row in reader} == {"AMENDS"}
    script = (out / "import.sh").read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in script and "--relationships=relationships_amends.csv" in script
    assert "SET n:$(split(row.`:LABEL`, ';'))" in (out / "load.cypher").read_text(encoding="utf-8")


def test_the_database_holds_every_node_and_edge(exported, database):
    store, _ = exported
    graph = json.loads(
        subprocess.run([str(BIN), "export", "--graph", str(store), "--format", "json"], capture_output=True, check=True).stdout
    )
    assert rows(database, "MATCH (n:Node) RETURN count(n)") == [[len(graph["nodes"])]]
    assert rows(database, "MATCH ()-[e]->() RETURN count(e)") == [[len(graph["links"])]]
    by_kind = dict(rows(database, "MATCH (n:Node) RETURN n.kind, count(n)"))
    want = {}
    for n in graph["nodes"]:
        want[n["kind"]] = want.get(n["kind"], 0) + 1
    assert by_kind == want
    decrees = rows(database, "MATCH (n:Node) WHERE n.labels CONTAINS 'Decree' RETURN count(n)")[0][0]
    assert decrees == sum(1 for n in graph["nodes"] if n.get("doc_type") == "decree") > 0


def test_a_transitive_amends_query_matches_vncite_query_descendants(exported, database):
    store, _ = exported
    amended = rows(
        database,
        "MATCH (a:Node)-[:AMENDS]->(x:Node) RETURN x.id, count(a) AS n ORDER BY n DESC, x.id LIMIT 5",
    )
    assert len(amended) == 5
    for doc, _ in amended:
        cypher = {
            r[0]
            for r in rows(
                database, "MATCH (a:Node)-[:AMENDS*1..30]->(x:Node {id: $id}) RETURN DISTINCT a.id", {"id": doc}
            )
        }
        vncite = json.loads(cli("query", "descendants", doc, "--graph", str(store), "--relation", "amends", "--format", "json"))
        assert cypher == {n["id"] for n in vncite["nodes"]} - {doc}, doc
