"""SPARQL over the built graph: embedded (pyoxigraph) or against any endpoint (SPARQLWrapper).

Both give a ResultTable, printed as a table, CSV, TSV or SPARQL JSON results.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from isis_kg.errors import EndpointError, InputError
from isis_kg.prefixes import PREFIXES

if TYPE_CHECKING:
    from SPARQLWrapper import SPARQLWrapper

GRAPH_FILES = ("graph.ttl", "ontology.ttl")
READ_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}
# what comes before a query's form keyword: blanks, comments, BASE and PREFIX declarations
_PROLOGUE = re.compile(r"(?:\s|#[^\n]*|BASE\s*<[^>]*>|PREFIX\s*[^\s:]*:\s*<[^>]*>)*", re.IGNORECASE)
_FORM = re.compile(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Cell:
    """One value of a result: its kind (uri, literal, bnode), lexical value and tag or datatype."""

    kind: str
    value: str
    language: str | None = None
    datatype: str | None = None


@dataclass(frozen=True)
class ResultTable:
    variables: tuple[str, ...]
    rows: tuple[tuple[Cell | None, ...], ...]

    def values(self) -> list[tuple[str | None, ...]]:
        """The rows as plain values, for comparing results from different stores."""
        return [tuple(c.value if c else None for c in row) for row in self.rows]


@dataclass(frozen=True)
class GraphAnswer:
    """The triples a CONSTRUCT or DESCRIBE query gives, as sorted N-Triples lines (the same from any store)."""

    lines: tuple[str, ...]

    @classmethod
    def of(cls, triples: list[ox.Triple]) -> GraphAnswer:
        text = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
        return cls(tuple(sorted(set(text.splitlines()))))


Answer = ResultTable | bool | GraphAnswer  # SELECT, ASK, CONSTRUCT or DESCRIBE


def open_graph(graph_dir: Path | str) -> ox.Store:
    """An in-memory Oxigraph store with the build's graph and its ontology."""
    store = ox.Store()
    for name in GRAPH_FILES:
        path = Path(graph_dir) / name
        if not path.is_file():
            raise InputError(path, "no such file; build the graph first (isis-kg build)")
        store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    return store


def query_form(query: str, source: str = "query") -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the form of a read-only query. Raise InputError for an update
    or for text that is not SPARQL, before it reaches an endpoint
    (the embedded store needs no such check: Oxigraph's Store.query parses queries only, never an update).

    The text is parsed (rdflib's SPARQL grammar), not matched on its first word: a prologue of PREFIX
    and BASE lines and comments comes first, and a store may take what a regex lets through as an update.
    """
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        return READ_FORMS[parseQuery(query)[1].name]
    except ParseBaseException as error:
        operations = _update_operations(query)
        if operations:
            raise InputError(
                source,
                f"an update ({', '.join(operations)}) is refused: isis-kg query only reads",
            ) from None
        raise InputError(source, f"not valid SPARQL ({error.msg} at line {error.lineno}, column {error.col})") from None


def _update_operations(text: str) -> list[str]:
    """The operations of a SPARQL update ("DELETE WHERE", "DROP"), or [] when the text is not one."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        request = parseUpdate(text).get("request", [])
    except ParseBaseException:
        return []
    names = {"Modify": "DELETE/INSERT"}
    return [names.get(op.name, re.sub(r"(?<=[a-z])(?=[A-Z])", " ", op.name).upper()) for op in request]


def query_store(store: ox.Store, query: str, source: str = "query") -> ResultTable:
    """The table of a SELECT query on the store."""
    if _stated_form(query) != "SELECT":
        _select_only(query, source)  # names the form, or refuses an update or what is not SPARQL
    answer = _answer_store(store, query, source)
    if not isinstance(answer, ResultTable):  # the keyword said SELECT, Oxigraph's parser did not
        _select_only(query, source)
    assert isinstance(answer, ResultTable)
    return answer


def answer_store(store: ox.Store, query: str, source: str = "query") -> Answer:
    """Any read-only query on the store: a table (SELECT), a truth value (ASK) or triples (CONSTRUCT, DESCRIBE).

    Oxigraph's own parser decides here, not query_form: Store.query takes queries only, never an update,
    so nothing is written, and rdflib's SPARQL grammar (a third of a second to import, tens of
    milliseconds a query) is loaded only to explain text that Oxigraph refused."""
    return _answer_store(store, query, source)


def _stated_form(query: str) -> str | None:
    """The form the first keyword after the prologue names (SELECT, ASK, ...), or None. Only a guess, which
    a parser confirms: it lets query_store refuse other forms before they reach the store."""
    prologue = _PROLOGUE.match(query)
    form = _FORM.match(query, prologue.end() if prologue else 0)
    return form.group(1).upper() if form else None


def _answer_store(store: ox.Store, query: str, source: str) -> Answer:
    try:
        result = store.query(query)
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QueryTriples):
            return GraphAnswer.of(list(result))
        variables = tuple(v.value for v in result.variables)
        rows = tuple(tuple(_cell(term) for term in solution) for solution in result)  # SERVICE calls run here
    except SyntaxError as error:
        query_form(query, source)  # an update, or not SPARQL: said as for an endpoint, at its line and column
        raise InputError(source, f"not valid SPARQL ({error})") from None
    except (OSError, RuntimeError) as error:  # a SERVICE the query calls (Wikidata's) cannot be reached or fails
        first = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise EndpointError(source, f"a SERVICE the query calls failed ({first}); it needs the internet") from None
    return ResultTable(variables, rows)


def check_endpoint_address(endpoint: str) -> None:
    """Raise EndpointError unless ``endpoint`` is an http:// or https:// address with a host."""
    import urllib.parse  # the network modules load where they are used: an embedded query starts without them

    try:
        parts = urllib.parse.urlsplit(endpoint)
        _ = parts.port  # reading it checks the port ("http://[::1" and ":99999" raise ValueError)
    except ValueError as error:
        raise EndpointError(endpoint, f"not an address ({error})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointError(endpoint, "not an http:// or https:// address (e.g. http://127.0.0.1:7878/query)")


def query_endpoint(
    endpoint: str,
    query: str,
    *,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 30.0,
    source: str = "query",
) -> ResultTable:
    """Run a SELECT query against a SPARQL 1.1 endpoint; an update is refused before anything is sent."""
    _select_only(query, source)
    answer = _answer_endpoint(endpoint, query, "SELECT", user, password, timeout)
    assert isinstance(answer, ResultTable)
    return answer


def answer_endpoint(
    endpoint: str,
    query: str,
    *,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 30.0,
    source: str = "query",
) -> Answer:
    """Any read-only query against a SPARQL 1.1 endpoint; an update is refused before anything is sent."""
    form = query_form(query, source)
    return _answer_endpoint(endpoint, query, form, user, password, timeout)


def _answer_endpoint(
    endpoint: str, query: str, form: str, user: str | None, password: str | None, timeout: float
) -> Answer:
    import urllib.error

    check_endpoint_address(endpoint)
    from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import EndPointNotFound, SPARQLWrapperException, Unauthorized

    client = SPARQLWrapper(endpoint)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SPARQLWrapper warns about queries it cannot classify
        client.setQuery(query)
    # SPARQLWrapper guesses the form from the words it sees and POSTs what it takes for an update as one;
    # the parse decided instead, and the client is told so (its constants are the forms' keywords)
    client.queryType = form
    client.setReturnFormat(JSON if form in ("SELECT", "ASK") else TURTLE)
    timeout = float(max(1, math.ceil(timeout)))  # SPARQLWrapper counts whole seconds
    client.setTimeout(int(timeout))
    if user is not None:
        client.setCredentials(user, password or "")
    try:
        data = _results(client, digest_too=user is not None)
    except Unauthorized:
        raise EndpointError(endpoint, http_problem(401, timeout, user is not None)) from None
    except EndPointNotFound:
        raise EndpointError(endpoint, http_problem(404, timeout)) from None
    except SPARQLWrapperException as error:
        first = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise EndpointError(endpoint, f"the endpoint rejected the query ({first})") from None
    except urllib.error.HTTPError as error:
        raise EndpointError(endpoint, http_problem(error.code, timeout, user is not None)) from None
    except (urllib.error.URLError, OSError) as error:
        raise EndpointError(endpoint, network_problem(error, timeout)) from None
    return _remote_answer(endpoint, form, data)


def _remote_answer(endpoint: str, form: str, data: object) -> Answer:
    """The answer SPARQLWrapper converted: SPARQL JSON results (SELECT, ASK) or Turtle (CONSTRUCT, DESCRIBE)."""
    try:
        if form in ("CONSTRUCT", "DESCRIBE"):
            if not isinstance(data, bytes):
                raise TypeError("no Turtle")
            return GraphAnswer.of([quad.triple for quad in ox.parse(data, format=ox.RdfFormat.TURTLE)])
        if not isinstance(data, dict):
            raise TypeError("no JSON object")
        if form == "ASK":
            return bool(data["boolean"])
        variables = tuple(data["head"].get("vars", []))
        rows = tuple(
            tuple(_json_cell(binding.get(name)) for name in variables) for binding in data["results"]["bindings"]
        )
    except (TypeError, KeyError, AttributeError, SyntaxError):
        kind = "Turtle" if form in ("CONSTRUCT", "DESCRIBE") else "SPARQL JSON results"
        raise EndpointError(endpoint, f"the answer is not {kind}") from None
    return ResultTable(variables, rows)


def _results(client: SPARQLWrapper, digest_too: bool) -> object:
    """SPARQLWrapper's answer. Refused with Basic credentials, it is asked again with HTTP Digest, which
    Virtuoso's authenticated endpoints want (SPARQLWrapper's Digest realm: "SPARQL", Virtuoso's)."""
    import urllib.request

    from SPARQLWrapper import DIGEST
    from SPARQLWrapper.SPARQLExceptions import Unauthorized

    try:
        return _converted(client)
    except Unauthorized:
        if not digest_too:
            raise
    client.setHTTPAuth(DIGEST)
    try:
        return _converted(client)
    finally:
        urllib.request.install_opener(None)  # SPARQLWrapper installs its Digest opener for the whole process


def _converted(client: SPARQLWrapper) -> object:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SPARQLWrapper warns about queries it cannot classify
        return client.queryAndConvert()


def _select_only(query: str, source: str) -> None:
    form = query_form(query, source)
    if form != "SELECT":
        article = "an" if form == "ASK" else "a"
        raise InputError(source, f"only SELECT queries give a table; this is {article} {form} query")


def http_problem(code: int, timeout: float, credentials: bool | None = None) -> str:
    """What an HTTP error means for the user; ``credentials``: whether --user and --password were given."""
    if code == 403:  # a read-only store answers so too (isis-kg serve without --writable)
        return "the endpoint forbids it (HTTP 403): a read-only store, or credentials without that right"
    if code == 401 and credentials:
        return "the endpoint refused the credentials (HTTP 401); check --user and --password"
    if code == 401:
        return "the endpoint refused the credentials (HTTP 401); give --user and --password"
    if code == 404:
        return "no SPARQL endpoint or graph store at that address (HTTP 404)"
    return f"the endpoint answered HTTP {code}"


def network_problem(error: BaseException, timeout: float) -> str:
    import socket

    reason = getattr(error, "reason", error)
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
        return f"no answer within {timeout:g} s (raise --timeout?)"
    return f"cannot reach the endpoint ({reason})"


def format_answer(answer: Answer, fmt: str) -> str:
    """A table as ``fmt`` asks; an ASK's truth value as SPARQL results (true/false, or JSON with "boolean");
    the triples of a CONSTRUCT or DESCRIBE as N-Triples whatever ``fmt``, N-Triples being a table of its own."""
    if isinstance(answer, GraphAnswer):
        return "".join(line + "\n" for line in answer.lines)
    if isinstance(answer, bool):
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": answer}, indent=2)
        return f"{'true' if answer else 'false'}\n"
    return format_table(answer, fmt)


def format_table(result: ResultTable, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(_json_results(result), ensure_ascii=False, indent=2)
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow([c.value if c else "" for c in row])
        return buffer.getvalue()
    return _text_table(result)


def _cell(term: object) -> Cell | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Cell("uri", term.value)
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if term.language is None else None
        plain = datatype == "http://www.w3.org/2001/XMLSchema#string"
        return Cell("literal", term.value, term.language, None if plain else datatype)
    return Cell("bnode", getattr(term, "value", str(term)))


def _json_cell(binding: dict[str, str] | None) -> Cell | None:
    if binding is None:
        return None
    kind = {"typed-literal": "literal"}.get(binding["type"], binding["type"])
    datatype = binding.get("datatype")
    if datatype == "http://www.w3.org/2001/XMLSchema#string":
        datatype = None
    return Cell(kind, binding["value"], binding.get("xml:lang"), datatype)


def _json_results(result: ResultTable) -> dict[str, object]:
    bindings = []
    for row in result.rows:
        binding: dict[str, dict[str, str]] = {}
        for name, cell in zip(result.variables, row, strict=True):
            if cell is None:
                continue
            entry = {"type": cell.kind, "value": cell.value}
            if cell.language:
                entry["xml:lang"] = cell.language
            if cell.datatype:
                entry["datatype"] = cell.datatype
            binding[name] = entry
        bindings.append(binding)
    return {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}


def _short(cell: Cell | None) -> str:
    if cell is None:
        return ""
    if cell.kind == "uri":
        for prefix, namespace in PREFIXES.items():
            if cell.value.startswith(namespace):
                return f"{prefix}:{cell.value[len(namespace) :]}"
        return f"<{cell.value}>"
    text = cell.value.replace("\n", " ")
    return text if len(text) <= 80 else text[:77] + "..."


def _text_table(result: ResultTable) -> str:
    cells = [[_short(c) for c in row] for row in result.rows]
    widths = [max([len(v)] + [len(row[i]) for row in cells]) for i, v in enumerate(result.variables)]
    lines = [" | ".join(v.ljust(w) for v, w in zip(result.variables, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines)
