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
        # The two formats carry the same graph: every node's attributes and every edge's relation and count.
        def nodes_of(g):
            return {n: {k: str(v) for k, v in a.items() if k not in ("id", "ambiguous", "issuers")} for n, a in g.nodes(data=True)}
        def edges_of(g):
            return sorted((u, v, a["relation"], int(a["count"])) for u, v, a in g.edges(data=True))
        checks = [("graphml nodes and attributes equal json's", nodes_of(g_xml) == nodes_of(g_json)),
                  ("graphml edges equal json's", edges_of(g_xml) == edges_of(g_json)),
                  ("graphml count typed int", all(isinstance(a["count"], int) for _, _, a in g_xml.edges(data=True)))]
        # PageRank by the textbook power iteration over the exported citation edges (networkx's own needs
        # numpy), against the ranks vncite stores.
        nodes = list(g_json.nodes)
        out = {n: [v for _, v, a in g_json.out_edges(n, data=True) if a["relation"] != "issued_by"] for n in nodes}
        reference = {n: 1 / len(nodes) for n in nodes}
        for _ in range(200):
            dangling = sum(reference[n] for n in nodes if not out[n])
            nxt = {n: 0.15 / len(nodes) + 0.85 * dangling / len(nodes) for n in nodes}
            for n in nodes:
                for v in out[n]:
                    nxt[v] += 0.85 * reference[n] / len(out[n])
            reference = nxt
        top = json.loads(run(vncite, "query", "top", "--graph", str(store), "--by", "pagerank", "--limit", "20", "--format", "json"))
        worst = max(abs(r["score"] - reference[r["id"]]) for r in top)
        checks.append((f"pagerank of the top 20 within 1e-4 of the reference (worst {worst:.2e})", worst < 1e-4))
        for check, ok in checks:
            failures += not ok
            print(f"{check}: {'ok' if ok else 'MISMATCH'}")
    print(f"networkx: {6 - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
