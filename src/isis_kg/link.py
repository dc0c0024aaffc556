"""Online Wikidata linking: candidates by label and alias, constrained by type, scored.

Only a candidate scoring at or above the threshold is proposed as a link; the rest go to a
review list with their candidates. Answers are cached on disk (keyed by endpoint and
query), so a second run needs no network. Labels enter queries as escaped literals, never
as query text.
"""

from __future__ import annotations

import hashlib
import json
import time
import urllib.error
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rdflib import Literal

from isis_kg.errors import EndpointError, ReferenceDataError
from isis_kg.query import http_problem, network_problem
from isis_kg.reference import ReferenceData
from isis_kg.yamlfile import parse_yaml

SETTINGS_FILE = "reference/wikidata.yaml"
LABEL_SCORE = 1.0
ALIAS_SCORE = 0.8
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class LinkSettings:
    endpoint: str
    user_agent: str
    min_interval: float
    retries: int
    timeout: float
    threshold: float
    types: dict[str, tuple[str, ...]]  # ontology class -> Wikidata type QIDs


@dataclass(frozen=True)
class Candidate:
    qid: str
    score: float
    matched: str  # the name it was found by
    how: str  # label or alias


@dataclass(frozen=True)
class LinkTarget:
    """An entity to look up: its key, class and every name it goes by."""

    key: str
    entity_class: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class LinkDecision:
    entity: str
    qid: str | None
    score: float
    candidates: tuple[Candidate, ...]


@dataclass
class WikidataClient:
    """SPARQL SELECT through SPARQLWrapper, with a User-Agent, a rate limit, retries and a disk cache."""

    settings: LinkSettings
    cache: Path | None = None
    _last_request: float = field(default=0.0, repr=False)

    def select(self, query: str) -> list[dict[str, Any]]:
        cached = self._cache_file(query)
        if cached is not None and cached.is_file():
            return list(json.loads(cached.read_text(encoding="utf-8")))
        rows = self._fetch(query)
        if cached is not None:
            try:
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_text(json.dumps(rows, ensure_ascii=False, sort_keys=True), encoding="utf-8")
            except OSError:
                pass  # an answer that cannot be kept is asked again next time
        return rows

    def _fetch(self, query: str) -> list[dict[str, Any]]:
        from SPARQLWrapper import JSON, POST, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import EndPointInternalError

        endpoint = self.settings.endpoint
        for attempt in range(self.settings.retries + 1):
            wait = self.settings.min_interval - (time.monotonic() - self._last_request)
            if wait > 0:
                time.sleep(wait)
            self._last_request = time.monotonic()
            client = SPARQLWrapper(endpoint, agent=self.settings.user_agent)
            client.setQuery(query)
            client.setMethod(POST)
            client.setReturnFormat(JSON)
            client.setTimeout(max(1, int(self.settings.timeout)))
            try:
                data: Any = client.queryAndConvert()
                return [
                    {name: value["value"] for name, value in binding.items()} for binding in data["results"]["bindings"]
                ]
            except (urllib.error.HTTPError, EndPointInternalError) as error:
                code = getattr(error, "code", 500)
                if code not in RETRY_STATUSES or attempt == self.settings.retries:
                    raise EndpointError(endpoint, http_problem(code, self.settings.timeout)) from None
                headers = getattr(error, "headers", None)
                retry_after = headers.get("Retry-After") if headers else None
                time.sleep(float(retry_after) if retry_after and retry_after.isdigit() else 2.0 ** (attempt + 1))
            except (urllib.error.URLError, OSError) as error:
                raise EndpointError(endpoint, network_problem(error, self.settings.timeout)) from None
            except Exception as error:  # SPARQLWrapper's own exceptions for 400/500 answers
                first = (str(error).strip().splitlines() or [type(error).__name__])[0]
                raise EndpointError(endpoint, f"the endpoint rejected the query ({first})") from None
        raise EndpointError(endpoint, "no answer after retries")  # not reached: the loop returns or raises

    def _cache_file(self, query: str) -> Path | None:
        if self.cache is None:
            return None
        key = hashlib.sha256(f"{self.settings.endpoint}\n{query}".encode()).hexdigest()
        return self.cache / f"{key}.json"


def load_link_settings(reference: ReferenceData, endpoint: str | None = None) -> LinkSettings:
    path = reference.directory / SETTINGS_FILE
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
        types = {
            str(cls): tuple(str(entry["qid"]) for entry in entries if str(entry.get("verified_at", "")).strip())
            for cls, entries in data["types"].items()
        }
        return LinkSettings(
            endpoint=endpoint or str(data["endpoint"]),
            user_agent=str(data["user_agent"]),
            min_interval=float(data.get("min_interval_s", 1.0)),
            retries=int(data.get("retries", 4)),
            timeout=float(data.get("timeout_s", 30)),
            threshold=float(data.get("threshold", 0.75)),
            types=types,
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as error:
        raise ReferenceDataError(path, f"cannot be used ({type(error).__name__}: {error})") from None


def candidates_query(names: list[str], types: tuple[str, ...]) -> str:
    """The SPARQL for items named ``names`` (label or alias, nl or en) of one of ``types``.

    Every name becomes an escaped literal: quotes, backslashes and newlines stay inside it.
    """
    literals = " ".join(Literal(name, lang=lang).n3() for name in names for lang in ("nl", "en"))
    type_values = " ".join(f"wd:{qid}" for qid in types)
    return f"""PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?item ?name ?how WHERE {{
  VALUES ?name {{ {literals} }}
  VALUES ?type {{ {type_values} }}
  {{ ?item rdfs:label ?name . BIND("label" AS ?how) }} UNION {{ ?item skos:altLabel ?name . BIND("alias" AS ?how) }}
  ?item wdt:P31/wdt:P279* ?type .
}}
LIMIT 100"""


def score_candidates(rows: list[dict[str, Any]]) -> tuple[Candidate, ...]:
    """Best match per item; the more items answer to the names, the less each one scores."""
    best: dict[str, Candidate] = {}
    for row in rows:
        qid = str(row["item"]).rsplit("/", 1)[-1]
        score = LABEL_SCORE if row.get("how") == "label" else ALIAS_SCORE
        if qid not in best or score > best[qid].score:
            best[qid] = Candidate(qid, score, str(row.get("name", "")), str(row.get("how", "")))
    count = len(best)
    return tuple(
        sorted(
            (Candidate(c.qid, round(c.score / count, 3), c.matched, c.how) for c in best.values()),
            key=lambda c: (-c.score, c.qid),
        )
    )


def reference_targets(reference: ReferenceData) -> list[LinkTarget]:
    """The reference entities without a verified QID."""
    return [
        LinkTarget(entity.id, entity.entity_class, tuple(entity.names))
        for entity in reference.entities.values()
        if not entity.wikidata
    ]


def link_entities(targets: list[LinkTarget], reference: ReferenceData, client: WikidataClient) -> list[LinkDecision]:
    """A decision for every target of a class Wikidata types are set for, in key order."""
    decisions = []
    for target in sorted(targets, key=lambda t: t.key):
        family = next((c for c in client.settings.types if reference.is_a(target.entity_class, c)), None)
        if family is None or not client.settings.types[family]:
            continue
        rows = client.select(candidates_query(sorted(set(target.names)), client.settings.types[family]))
        candidates = score_candidates(rows)
        top = candidates[0] if candidates else None
        linked = top is not None and top.score >= client.settings.threshold
        decisions.append(
            LinkDecision(target.key, top.qid if linked and top else None, top.score if top else 0.0, candidates)
        )
    return decisions


def review_file(decisions: list[LinkDecision], settings: LinkSettings) -> str:
    """YAML for reviewers: proposed links (to copy into entities.yaml once checked) and the rest."""
    proposed = {d.entity: {"qid": d.qid, "score": d.score} for d in decisions if d.qid}
    review = {
        d.entity: [{"qid": c.qid, "score": c.score, "found_by": f"{c.how} {c.matched!r}"} for c in d.candidates]
        for d in decisions
        if not d.qid
    }
    header = (
        f"# isis-kg link against {settings.endpoint}; threshold {settings.threshold}.\n"
        "# Proposed links are not in the graph until a reviewer checks each on Wikidata and adds it to\n"
        "# ontology/reference/entities.yaml, or as a 'link' decision to curation.yaml, with where it\n"
        "# was verified.\n"
    )
    return header + yaml.safe_dump({"proposed": proposed, "review": review}, allow_unicode=True, sort_keys=True)
