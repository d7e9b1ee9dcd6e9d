"""The Python package against the command line: the same library must give the same JSON.

Run by .ci/run after `pip install ./python`; the CLI is target/release/vncite (or $VNCITE_BIN), the shared
corpus ../shared/corpus (or $VNCITE_CORPUS), which must exist under CI=true.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import vncite

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("VNCITE_BIN", ROOT / "target" / "release" / "vncite"))
CORPUS = Path(os.environ.get("VNCITE_CORPUS", ROOT.parent / "shared" / "corpus")).resolve()
FORMS = ROOT / "tests" / "data" / "forms"


def cli(*args: str) -> str:
    out = subprocess.run([str(BIN), *args], capture_output=True, text=True, check=True)
    return out.stdout


def corpus() -> Path:
    if not CORPUS.is_dir():
        if os.environ.get("CI") in ("true", "1"):
            pytest.fail(f"corpus not found at {CORPUS} under CI=true")
        pytest.skip(f"corpus not found at {CORPUS}")
    return CORPUS


def test_extract_gives_citation_objects_with_the_contract_fields():
    text = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;"
    [c] = vncite.extract(text)
    assert (c.start, c.end) == (10, 79)
    assert text.encode()[c.start : c.end].decode() == c.text
    assert c.to_dict() == {
        "start": 10,
        "end": 79,
        "text": "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ",
        "symbol": "30/2020/NĐ-CP",
        "number": "30",
        "year": 2020,
        "date": "2020-03-05",
        "doc_type": "decree",
        "issuers": ["CP"],
        "issuer_name": "Chính phủ",
        "id": "30/2020/NĐ-CP",
        "relation": "basis",
        "pinpoint": None,
    }
    assert c.partial is None and c.doubtful is None
    with pytest.raises(AttributeError):
        c.no_such_field


def test_extract_document_has_identity_named_laws_and_reports():
    text = (FORMS / "quyet_dinh.txt").read_bytes().decode("utf-8")
    found = vncite.extract_document(text, "quyet_dinh.txt")
    assert found.source == "quyet_dinh.txt"
    assert (found.document.symbol, found.document.date, found.document.doc_type) == (
        "27/2023/QĐ-UBND",
        "2023-08-14",
        "decision",
    )
    assert [(c.symbol, c.relation) for c in found.citations] == [
        ("02/2003/NĐ-CP", "basis"),
        ("15/2009/TT-BCT", "basis"),
        ("11/2016/QĐ-UBND", "replaces"),
        ("08/2019/QĐ-UBND", "repeals"),
    ]
    [law] = found.named
    assert (law.name, law.symbol, law.relation) == ("Luật Tổ chức chính quyền địa phương", "77/2015/QH13", "basis")
    reported = vncite.extract_document(
        "Thông tư số 01/2011/TT-BNV đã được sửa đổi bởi Thông tư số 05/2019/TT-BNV."
    ).reported
    assert [r.to_dict()["relation"] for r in reported] == ["amends"]


def test_the_same_json_as_the_command_line_on_the_whole_corpus():
    root = corpus()
    lines = cli("extract", "--format", "json", str(root)).splitlines()
    paths = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".txt", ".md"))
    assert len(lines) == len(paths) > 0
    texts = [p.read_bytes().decode("utf-8") for p in paths]  # line ends as written
    batch = vncite.extract_many(texts, [str(p) for p in paths])
    for path, line, text, many in zip(paths, lines, texts, batch):
        assert vncite.read(path).to_json() == line, path
        assert vncite.extract_document(text, str(path)).to_json() == line, path
        assert many.to_json() == line, path
        assert json.loads(line) == many.to_dict()


def test_every_form_reads_as_the_command_line_reads_it():
    for name in ["quyet_dinh.tcvn3.txt", "quyet_dinh.html", "quyet_dinh.docx", "quyet_dinh.pdf"]:
        path = FORMS / name
        assert vncite.read(path).to_json() == cli("extract", "--format", "json", str(path)).rstrip("\n")
        text = vncite.read_text(path)
        assert cli("text", str(path)) == (text if text.endswith("\n") else text + "\n")
    forced = vncite.read(FORMS / "quyet_dinh.tcvn3.txt", encoding="tcvn3")
    assert [c.symbol for c in forced.citations][0] == "02/2003/NĐ-CP"
    with pytest.raises(ValueError, match="unknown encoding"):
        vncite.read(FORMS / "quyet_dinh.txt", encoding="klingon")
    with pytest.raises(OSError):
        vncite.read(FORMS / "missing.txt")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "forms.store"
    inputs = [str(ROOT / "tests" / "data"), str(FORMS / "quyet_dinh.txt")]
    subprocess.run([str(BIN), "graph", "build", "-q", "-o", str(path), *inputs], check=False)
    assert path.exists()
    return path, inputs


def test_graph_queries_return_what_the_command_line_prints(store):
    path, _ = store
    g = vncite.Graph.load(path)
    doc = "Quyết định 27/2023/QĐ-UBND"
    for kind, method in [("ancestors", g.ancestors), ("descendants", g.descendants)]:
        want = json.loads(cli("query", kind, doc, "--graph", str(path), "--format", "json"))
        assert method(doc) == want
        want = json.loads(
            cli("query", kind, doc, "--graph", str(path), "--format", "json", "--relation", "basis", "--depth", "1")
        )
        assert method(doc, relation="basis", depth=1) == want
    target = "Quyết định 11/2016/QĐ-UBND"
    assert g.status(target) == json.loads(cli("query", "status", target, "--graph", str(path), "--format", "json"))
    assert g.status(target)["verdict"] == "replaced"
    assert g.top(limit=5) == json.loads(cli("query", "top", "--graph", str(path), "--format", "json", "--limit", "5"))
    assert g.path(doc, "02/2003/NĐ-CP")["paths"][0][0]["relation"] == "basis"
    with pytest.raises(ValueError, match="not in the graph"):
        g.status("Nghị định 99/2099/NĐ-CP")
    with pytest.raises(ValueError):
        g.ancestors(doc, relation="basiss")


def test_a_graph_built_in_python_is_the_command_lines(store, tmp_path):
    path, inputs = store
    built = vncite.Graph.build(inputs)
    assert built.skipped == []
    cli_graphml = subprocess.run(
        [str(BIN), "export", "--graph", str(path), "--format", "graphml"], capture_output=True, check=True
    ).stdout
    assert built.graphml() == cli_graphml
    again = tmp_path / "again.store"
    built.save(again)
    assert again.read_bytes() == path.read_bytes()


def test_to_networkx_carries_the_graphml_attributes(store):
    path, _ = store
    g = vncite.Graph.load(path)
    nx = g.to_networkx()
    assert type(nx).__name__ == "MultiDiGraph"
    assert (nx.number_of_nodes(), nx.number_of_edges()) == (g.node_count, g.edge_count)
    node = nx.nodes["doc:11/2016/QĐ-UBND~ha-giang"]
    assert (node["kind"], node["doc_type"], node["date"]) == ("document", "decision", "2016-05-05")
    relations = {d["relation"] for _, _, d in nx.edges(data=True)}
    assert {"basis", "replaces", "repeals", "issued_by"} <= relations


def test_records_are_flat_rows_for_pandas(store):
    g = vncite.Graph.load(store[0])
    nodes, edges = g.node_records(), g.edge_records()
    assert len(nodes) == g.node_count and len(edges) == g.edge_count
    assert all(isinstance(v, (str, int, bool, list)) for row in nodes for v in row.values())
    rows = [c.to_dict() for c in vncite.extract("Bãi bỏ Thông tư số 01/2011/TT-BNV ngày 19/01/2011.")]
    assert rows[0]["relation"] == "repeals"
    try:
        import pandas
    except ImportError:
        return
    assert list(pandas.DataFrame(rows)["symbol"]) == ["01/2011/TT-BNV"]


def test_annotate_marks_each_reference():
    html = vncite.annotate("Căn cứ Nghị định số 30/2020/NĐ-CP;", link="https://example.org/{symbol}")
    assert html == cli_annotate("Căn cứ Nghị định số 30/2020/NĐ-CP;", "https://example.org/{symbol}")
    assert 'data-symbol="30/2020/NĐ-CP"' in html and 'href="https://example.org/30%2F2020%2FN%C4%90-CP"' in html
    with pytest.raises(ValueError, match="unknown format"):
        vncite.annotate("x", format="pdf")


def cli_annotate(text: str, link: str) -> str:
    out = subprocess.run(
        [str(BIN), "annotate", "--fragment", "--link", link, "-"],
        input=text.encode(),
        capture_output=True,
        check=True,
    )
    return out.stdout.decode().rstrip("\n")


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
