"""vncite: find, resolve and graph references between Vietnamese legal and administrative documents.

The verbs follow eyecite's habits::

    >>> import vncite
    >>> c = vncite.extract("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;")[0]
    >>> (c.symbol, c.relation, c.date, c.doc_type)
    ('30/2020/NĐ-CP', 'basis', '2020-03-05', 'decree')

Every record is what ``vncite extract --format json`` prints for it (the fields of the JSON contract, see
``../shared/contract.md`` in the repository), read from the same Rust library with the GIL released:
``to_dict()`` gives that JSON object, and a list of them is what ``pandas.DataFrame`` takes.
"""

from __future__ import annotations

import copy
import io
import json
import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _vncite

__all__ = [
    "Citation",
    "Named",
    "Reported",
    "DocumentInfo",
    "Extraction",
    "Graph",
    "extract",
    "extract_document",
    "extract_many",
    "read",
    "read_text",
    "annotate",
]

__version__: str = _vncite.__version__

PathLike = Union[str, "os.PathLike[str]"]


class _Record:
    """A record of the JSON contract with its fields as attributes."""

    __slots__ = ("_data",)
    _fields: Sequence[str] = ()

    def __init__(self, data: Dict[str, Any]) -> None:
        self._data = data

    def __getattr__(self, name: str) -> Any:
        try:
            return self._data[name]
        except KeyError:
            if name in self._fields:
                return None
            raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None

    def to_dict(self) -> Dict[str, Any]:
        """The record as the contract's JSON object (a copy)."""
        return copy.deepcopy(self._data)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self._data == other._data  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(json.dumps(self._data, sort_keys=True, ensure_ascii=False))

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={self._data[k]!r}" for k in self._repr_fields if k in self._data)
        return f"{type(self).__name__}({shown})"

    _repr_fields: Sequence[str] = ()


class Citation(_Record):
    """A mention of a document by number and symbol: ``start``/``end`` (byte offsets into the input),
    ``text``, ``symbol``, ``number``, ``year``, ``date``, ``doc_type``, ``issuers``, ``issuer_name``,
    ``id``, ``relation``, ``pinpoint``, ``partial``, ``doubtful``, ``also``."""

    __slots__ = ()
    _fields = ("partial", "doubtful", "also")
    _repr_fields = ("symbol", "relation", "date", "start", "end")


class Named(_Record):
    """A law, code, ordinance or constitution cited by name: ``name``, ``doc_type``, ``date``, ``year``,
    ``relation``, ``pinpoint``, ``id``, ``symbol`` (when the name resolves to a numbered law), spans."""

    __slots__ = ()
    _fields = ("partial", "doubtful", "also")
    _repr_fields = ("name", "symbol", "relation", "date")


class Reported(_Record):
    """A relation the text states between two other documents: ``actor``, ``relation``, ``target``
    (each ``{"citation": i}``, ``{"named": i}`` or ``{"document": True}``), ``editorial``, span."""

    __slots__ = ()
    _repr_fields = ("actor", "relation", "target")


class DocumentInfo(_Record):
    """The input's own identity from its header: ``symbol``, ``number``, ``year``, ``date``,
    ``doc_type``, ``issuers``, ``issuer_name``, ``id``, ``title``."""

    __slots__ = ()
    _repr_fields = ("symbol", "doc_type", "date")


class Extraction:
    """Everything extracted from one input: ``source``, ``document``, ``citations``, ``named``,
    ``reported``. The JSON is read into objects when a field is first asked for, so a batch that only
    writes JSON (``to_json()``) never pays for them."""

    __slots__ = ("_line", "_fields")

    def __init__(self, line: str) -> None:
        self._line = line
        self._fields: Optional[Tuple[str, Optional[DocumentInfo], List[Citation], List[Named], List[Reported]]] = None

    def _read(self) -> Tuple[str, Optional[DocumentInfo], List[Citation], List[Named], List[Reported]]:
        if self._fields is None:
            record = json.loads(self._line)
            doc = record.get("document")
            self._fields = (
                record["source"],
                DocumentInfo(doc) if doc else None,
                [Citation(c) for c in record["citations"]],
                [Named(n) for n in record["named"]],
                [Reported(r) for r in record.get("reported", [])],
            )
        return self._fields

    @property
    def source(self) -> str:
        """The input's name."""
        return self._read()[0]

    @property
    def document(self) -> Optional[DocumentInfo]:
        """The input's own identity, when its header gives one."""
        return self._read()[1]

    @property
    def citations(self) -> List[Citation]:
        """Every reference by number and symbol, in text order."""
        return self._read()[2]

    @property
    def named(self) -> List[Named]:
        """Every law cited by name only, in text order."""
        return self._read()[3]

    @property
    def reported(self) -> List[Reported]:
        """Relations the text states between other documents."""
        return self._read()[4]

    def to_dict(self) -> Dict[str, Any]:
        """The contract's JSON object for this input."""
        return json.loads(self._line)

    def to_json(self) -> str:
        """The JSON line ``vncite extract --format json`` prints for this input."""
        return self._line

    def __repr__(self) -> str:
        return (
            f"Extraction(source={self.source!r}, document={self.document!r}, "
            f"{len(self.citations)} citations, {len(self.named)} named, {len(self.reported)} reported)"
        )


def extract(text: str) -> List[Citation]:
    """Every reference by number and symbol in ``text``, in text order (laws cited by name are in
    :func:`extract_document`)."""
    return Extraction(_vncite.extract_json(text)).citations


def extract_document(text: str, source: str = "-") -> Extraction:
    """Everything in one text: its own identity, numbered references, laws named without a number, and
    relations it reports between other documents."""
    return Extraction(_vncite.extract_json(text, source))


def extract_many(texts: Sequence[str], sources: Optional[Sequence[str]] = None) -> List[Extraction]:
    """:func:`extract_document` of many texts at once, on every core, in the order given."""
    lines = _vncite.extract_many_json(list(texts), None if sources is None else list(sources))
    return [Extraction(line) for line in lines]


def read(path: PathLike, encoding: Optional[str] = None) -> Extraction:
    """Extracts a file as ``vncite extract`` reads it: UTF-8, UTF-16 or a legacy Vietnamese encoding
    (detected, or ``encoding`` such as ``"tcvn3"``), a web page, .docx, .odt or PDF."""
    return Extraction(_vncite.read_json(os.fspath(path), encoding))


def read_text(path: PathLike, encoding: Optional[str] = None) -> str:
    """The text vncite reads from a file (``vncite text``)."""
    return _vncite.read_text(os.fspath(path), encoding)


def annotate(
    text: str, format: str = "html", link: Optional[str] = None, graph: Optional["Graph"] = None
) -> str:
    """``text`` with every reference marked: ``"html"`` (``<mark>``/``<a>`` elements with data-
    attributes), ``"markdown"`` (links and footnotes) or ``"json"`` (the marks). ``link`` is a URL
    template with ``{symbol}``, ``{id}``, ``{type}``, ``{year}``; with ``graph`` each mark carries its
    document's status."""
    return _vncite.annotate(text, format, link, None if graph is None else graph._native)


def _names(value: Union[None, str, Iterable[str]]) -> Optional[List[str]]:
    if value is None:
        return None
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return list(value)


class Graph:
    """A citation graph of documents and issuers, keyed by vncite's node ids (``doc:30/2020/NĐ-CP``).

    Queries take a node id or a reference as written (``"Nghị định 30/2020/NĐ-CP"``) and return what
    ``vncite query … --format json`` prints."""

    __slots__ = ("_native", "skipped")

    def __init__(self, native: Any, skipped: Optional[List[str]] = None) -> None:
        self._native = native
        #: The inputs a build could not read, with vncite's message for each.
        self.skipped: List[str] = skipped or []

    @classmethod
    def build(
        cls,
        paths: Union[PathLike, Iterable[PathLike]],
        extensions: Optional[Sequence[str]] = None,
        encoding: Optional[str] = None,
    ) -> "Graph":
        """The graph of files and directories (read recursively), built on every core."""
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        native, skipped = _vncite.Graph.build(
            [os.fspath(p) for p in paths], None if extensions is None else list(extensions), encoding
        )
        return cls(native, skipped)

    @classmethod
    def load(cls, store: PathLike) -> "Graph":
        """A graph from a store written by ``vncite graph build`` or :meth:`save`."""
        return cls(_vncite.Graph.load(os.fspath(store)))

    def save(self, store: PathLike) -> None:
        """Writes the graph as a store."""
        self._native.save(os.fspath(store))

    @property
    def node_count(self) -> int:
        return self._native.node_count

    @property
    def edge_count(self) -> int:
        return self._native.edge_count

    def resolve(self, doc: str) -> str:
        """The node id a reference or an id names."""
        return self._native.resolve(doc)

    def ancestors(
        self,
        doc: str,
        relation: Union[None, str, Iterable[str]] = None,
        doc_type: Union[None, str, Iterable[str]] = None,
        depth: Optional[int] = None,
    ) -> Dict[str, Any]:
        """What ``doc`` builds on: ``{"root", "direction", "nodes", "edges"}``."""
        return self._lineage(doc, "ancestors", relation, doc_type, depth)

    def descendants(
        self,
        doc: str,
        relation: Union[None, str, Iterable[str]] = None,
        doc_type: Union[None, str, Iterable[str]] = None,
        depth: Optional[int] = None,
    ) -> Dict[str, Any]:
        """What builds on ``doc`` (amends, repeals, guides, cites it …)."""
        return self._lineage(doc, "descendants", relation, doc_type, depth)

    def _lineage(
        self,
        doc: str,
        direction: str,
        relation: Union[None, str, Iterable[str]],
        doc_type: Union[None, str, Iterable[str]],
        depth: Optional[int],
    ) -> Dict[str, Any]:
        return json.loads(self._native.lineage_json(doc, direction, depth, _names(relation), _names(doc_type)))

    def status(self, doc: str) -> Dict[str, Any]:
        """Whether ``doc`` is in force, and the changes that say so, with their evidence."""
        return json.loads(self._native.status_json(doc))

    def path(
        self, source: str, target: str, limit: int = 3, relation: Union[None, str, Iterable[str]] = None
    ) -> Dict[str, Any]:
        """The shortest citation chains between two documents."""
        return json.loads(self._native.path_json(source, target, limit, _names(relation)))

    def top(
        self,
        by: str = "cited",
        limit: int = 20,
        relation: Union[None, str, Iterable[str]] = None,
        doc_type: Union[None, str, Iterable[str]] = None,
    ) -> List[Dict[str, Any]]:
        """The most cited documents (``by="cited"``) or those of highest PageRank (``"pagerank"``)."""
        return json.loads(self._native.top_json(by, limit, _names(relation), _names(doc_type)))

    def graphml(self) -> bytes:
        """The GraphML that ``vncite export --format graphml`` writes."""
        return self._native.graphml()

    def to_networkx(self) -> Any:
        """A ``networkx.MultiDiGraph`` with the node and edge attributes of the GraphML export."""
        import networkx

        return networkx.read_graphml(io.BytesIO(self.graphml()), force_multigraph=True)

    def node_records(self) -> List[Dict[str, Any]]:
        """One dict per node (``id``, ``kind``, ``symbol``, ``doc_type``, ``date``, …): rows for pandas."""
        return json.loads(self._native.node_link_json())["nodes"]

    def edge_records(self) -> List[Dict[str, Any]]:
        """One dict per edge (``source``, ``target``, ``relation``, ``count``, …): rows for pandas."""
        return json.loads(self._native.node_link_json())["links"]

    def __repr__(self) -> str:
        return f"Graph({self.node_count} nodes, {self.edge_count} edges)"
