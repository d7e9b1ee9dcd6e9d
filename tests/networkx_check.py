#!/usr/bin/env python3
"""Checks that vncite's JSON and GraphML exports load in networkx with the store's node and edge counts, and
that random graphs with hostile titles come back whole from every export's own reader.

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
    hostile_failures = hostile_graphs(vncite)
    return 1 if failures or hostile_failures else 0


# What a title may hold that a format could take for its own syntax: C0 controls, the two characters XML 1.0
# forbids everywhere, line and paragraph separators, bidi and zero-width marks, quotes, escapes, and each
# format's own markup (DOT's brackets and `->`, Mermaid's `%%` directives and shapes, XML's entities).
HOSTILE = [chr(c) for c in range(1, 32) if c not in (10, 13)] + [
    "\x7f", "\ufffe", "\uffff", "\u0085", "\u2028", "\u2029", "\u200b", "\u202e", "\ufeff", '"', "\\", "'",
    "]; x [ label=\"y\"", "\"]", "->", "--", "{", "}", "subgraph", ";", "%%", "%%{init: {'theme':'dark'}}%%",
    "%", "<script>", "</text>", "<![CDATA[", "]]>", "&amp;", "&#0;", "&", "<", ">", "`", "|", "#", "(", ")",
    "[[", "]]", "\\n", "\\\"", "ư̛", "Đ", "quy chế", " ",
]


def hostile_graphs(vncite, graphs=60, seed=7):
    """Random graphs whose documents carry hostile titles, each exported in every format and read back by that
    format's own reader: networkx for GraphML and node-link JSON, Graphviz for DOT, an XML parser for GraphML
    and SVG. Every reader must see the graph's nodes, one each, and every title must come back as it was
    stored."""
    import random
    import xml.etree.ElementTree as ET
    rng = random.Random(seed)
    failures = 0
    for g in range(graphs):
        with tempfile.TemporaryDirectory() as tmp:
            docs = rng.randint(2, 5)
            numbers = rng.sample(range(1, 999), docs)
            for i, n in enumerate(numbers):
                title = "".join(rng.choice(HOSTILE) for _ in range(rng.randint(3, 25)))
                cited = numbers[(i + 1) % docs]
                Path(tmp, f"d{i}.txt").write_text(
                    f"ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\nSố: {n}/QĐ-UBND\nQuảng Nam, ngày 02 tháng 3 năm 2024\n"
                    f"QUYẾT ĐỊNH\nVề {title}\n\nCăn cứ Quyết định số {cited}/QĐ-UBND ngày 05/01/2024 của Ủy ban "
                    "nhân dân tỉnh;\n", encoding="utf-8")
            store = Path(tmp, "g.store")
            run(vncite, "graph", "build", tmp, "--ext", ".txt", "-o", str(store), "--quiet")
            out = {}
            for fmt in ("json", "graphml", "dot", "svg", "mermaid"):
                out[fmt] = Path(tmp, f"g.{fmt}")
                run(vncite, "export", "--graph", str(store), "--format", fmt, "-o", str(out[fmt]))
            data = json.loads(out["json"].read_text(encoding="utf-8"))
            ids = {n["id"] for n in data["nodes"]}
            titles = {n["id"]: n["title"] for n in data["nodes"] if n.get("title")}
            problems = []
            if len(titles) != docs:
                problems.append(f"{len(titles)} titled documents of {docs}")
            try:
                g_xml = nx.read_graphml(str(out["graphml"]))
                if set(g_xml.nodes) != ids:
                    problems.append("graphml nodes differ from json's")
                # XML 1.0 cannot carry every character: the forbidden ones are written as `\u{…}`, the rest
                # come back as they were.
                for node, title in titles.items():
                    kept = "".join(c if c in "\t\n\r" or " " <= c and c not in "\ufffe\uffff" else f"\\u{{{ord(c):x}}}"
                                   for c in title)
                    if g_xml.nodes[node].get("title") != kept:
                        problems.append(f"graphml title of {node}: {g_xml.nodes[node].get('title')!r} != {kept!r}")
            except Exception as e:  # noqa: BLE001 - any reader error is the finding
                problems.append(f"graphml: {e}")
            try:
                drawn = subprocess.run(["dot", "-Tsvg", str(out["dot"])], check=True, capture_output=True).stdout
                svg_nodes = {t.text for el in ET.fromstring(drawn).iter("{http://www.w3.org/2000/svg}g")
                             if el.get("class") == "node"
                             for t in el.iter("{http://www.w3.org/2000/svg}title")}
                svg_nodes = {t for t in svg_nodes if not t.startswith("legend_")}
                if svg_nodes != ids:
                    problems.append(f"dot drew nodes {sorted(svg_nodes)}, the store has {sorted(ids)}")
            except Exception as e:  # noqa: BLE001
                problems.append(f"dot: {e}")
            try:
                ET.parse(str(out["svg"]))
            except Exception as e:  # noqa: BLE001
                problems.append(f"svg export: {e}")
            mermaid = out["mermaid"].read_text(encoding="utf-8").splitlines()
            if not mermaid or not mermaid[0].startswith("flowchart"):
                problems.append("mermaid does not open with its diagram type")
            for line in mermaid[1:]:
                if "%%" in line or any(c < " " for c in line):
                    problems.append(f"mermaid line carries a directive or a control character: {line!r}")
            if problems:
                failures += 1
                print(f"hostile graph {g}: " + "; ".join(problems))
    print(f"hostile titles: {graphs - failures} of {graphs} graphs read back whole by networkx, Graphviz and XML")
    return failures


if __name__ == "__main__":
    sys.exit(main())
