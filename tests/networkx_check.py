#!/usr/bin/env python3
"""Checks that vncite's JSON and GraphML exports load in networkx with the store's node and edge counts.

Usage: networkx_check.py VNCITE_BIN CORPUS_DIR. Run by .ci/run after the Rust tests."""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import networkx as nx


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, env={"RUST_BACKTRACE": "0", "PATH": "/usr/bin:/bin"}).stdout


def main():
    vncite, corpus = sys.argv[1], sys.argv[2]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp, "g.json")
        run(vncite, "graph", "build", corpus, "--ext", ".txt", "-o", str(store), "--quiet")
        stats = json.loads(run(vncite, "stats", "--graph", str(store), "--format", "json"))
        nodes = stats["documents"] + stats["issuers"] + stats["sources"]
        edges = sum(stats["edges_by_relation"].values())
        run(vncite, "export", "--graph", str(store), "--format", "json", "-o", str(Path(tmp, "g.node-link.json")))
        run(vncite, "export", "--graph", str(store), "--format", "graphml", "-o", str(Path(tmp, "g.graphml")))
        data = json.loads(Path(tmp, "g.node-link.json").read_text(encoding="utf-8"))
        try:
            g_json = nx.node_link_graph(data, edges="links")
        except TypeError:  # networkx before 3.4 has no `edges` argument
            g_json = nx.node_link_graph(data)
        g_xml = nx.read_graphml(str(Path(tmp, "g.graphml")))
        for name, g in (("json", g_json), ("graphml", g_xml)):
            got = (g.number_of_nodes(), g.number_of_edges())
            ok = got == (nodes, edges)
            failures += not ok
            print(f"{name}: {got[0]} nodes, {got[1]} edges; store {nodes}, {edges}: {'ok' if ok else 'MISMATCH'}")
        doc = next(n for n, a in g_xml.nodes(data=True) if a.get("kind") == "document" and "doc_type" in a)
        rels = {a.get("relation") for _, _, a in g_xml.edges(data=True)}
        typed = isinstance(next(a["count"] for _, _, a in g_xml.edges(data=True)), int)
        for check, ok in (("graphml document attributes", bool(doc)), ("graphml relations", "basis" in rels),
                          ("graphml typed count", typed)):
            failures += not ok
            print(f"{check}: {'ok' if ok else 'MISMATCH'}")
    print(f"networkx: {5 - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
