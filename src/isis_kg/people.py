"""One node per person, however the footnotes and texts spell them.

Footnotes spell the same author differently ("Amarnath Amarasingam", "Armanath Amarasinga"; "Peter
Neumann", "Peter R. Neumann"), and a text names a cited author by surname alone ("onderzoek van
Vidino"). Two persons are one only on evidence:

- the same surname and compatible given names: equal, an initial of the other ("C."/"Charles"), a
  middle name or initial on one side only ("Ali Soufan"/"Ali H. Soufan");
- a word misspelt within bounds (a letter dropped, added, changed or two swapped, one edit per so
  many letters, patterns/citations.yaml ``authors``), in at most so many words at once; looser
  between the creators at the same place of two citations of one work;
- a surname alone, where the same document names exactly one person with that surname.

Never on a surname only ("Charles Lister" and "Tim Lister" are two), never two reference persons,
and never a name compatible with two persons who are not (an initial shared by two given names).
Each merged person takes the reference id where it has one, else the key of its fullest spelling,
its words the commonest (see _chosen); every other spelling is kept as an alternative label.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from wordfreq import zipf_frequency

from isis_kg.reference.citations import AuthorRules

_SEPARATORS = re.compile(r"[-’'\s]+")


@dataclass
class PersonNode:
    """A person node before merging: its key, its spellings and where each is read."""

    key: str
    name: str  # the spelling compared with others: its label
    fixed: bool = False  # a reference person: its id and labels stay, it never merges with another
    # spelling -> the works and documents that name the person so (a work cited twice counts once)
    spellings: dict[str, set[str]] = field(default_factory=dict)
    documents: set[str] = field(default_factory=set)  # sha256 of each document naming the person
    places: set[tuple[str, int]] = field(default_factory=set)  # (work key, index among its creators)


@dataclass(frozen=True)
class Name:
    given: tuple[str, ...]  # folded, without dots: ("peter", "r")
    surname: str  # folded, particles joined, without hyphens: "altamimi"


def parse_name(text: str, particles: Iterable[str]) -> Name | None:
    """Given names and surname of a person's name; None when it has no letters."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()
    folded = re.sub(r"-\s+", "-", folded)  # "Smith- Spark", a line broken after the hyphen
    words = [w for w in folded.replace(".", ". ").split() if w.strip(".")]
    words = [w.strip(".") for w in words]
    if not words:
        return None
    known = {p.rstrip("-") for p in particles}
    start = len(words) - 1
    while start > 1 and words[start - 1] in known:
        start -= 1  # "al Tamimi", "van Miert": the particle belongs to the surname
    return Name(tuple(words[:start]), _SEPARATORS.sub("", "".join(words[start:])))


def distance(a: str, b: str) -> int:
    """Edits from one word to the other: letters dropped, added or changed, and two letters swapped."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


@dataclass(frozen=True)
class _Matcher:
    rules: AuthorRules

    def word(self, a: str, b: str, letters_per_edit: int) -> int | None:
        """0 for the same word (or an initial of it), 1 for a misspelling within bounds, None otherwise."""
        if a == b or (min(len(a), len(b)) == 1 and a[0] == b[0]):
            return 0
        allowed = max(len(a), len(b)) // letters_per_edit
        return 1 if allowed and distance(a, b) <= allowed else None

    def link(self, a: Name, b: Name, letters_per_edit: int) -> bool:
        """Whether two full names are one person's: same or near surname, compatible given names."""
        if not a.given or not b.given:
            return False
        surname = self.word(a.surname, b.surname, letters_per_edit)
        first = self.word(a.given[0], b.given[0], letters_per_edit)
        if surname is None or first is None or len(a.surname) == 1 or len(b.surname) == 1:
            return False
        misspelt = surname + first
        middle_a, middle_b = a.given[1:], b.given[1:]
        if middle_a and middle_b:  # a middle name on one side only is no difference
            if len(middle_a) != len(middle_b):
                return False
            for x, y in zip(middle_a, middle_b, strict=True):
                found = self.word(x, y, letters_per_edit)
                if found is None:
                    return False
                misspelt += found
        return misspelt <= self.rules.misspelt_words

    def conflict(self, a: Name, b: Name) -> bool:
        """Two names that cannot be one person's, however misspelt: other surnames, other first given
        names, other middle names ("Charles Lister", "Tim Lister"). A surname alone conflicts with no
        full name of it."""
        letters = self.rules.same_work_letters_per_edit
        if self.word(a.surname, b.surname, letters) is None:
            return True
        if not a.given or not b.given:
            return False
        middle_a, middle_b = a.given[1:], b.given[1:]
        pairs = [(a.given[0], b.given[0])] + (
            list(zip(middle_a, middle_b, strict=True)) if len(middle_a) == len(middle_b) else []
        )
        return any(self.word(x, y, letters) is None for x, y in pairs)


class _Clusters:
    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {key: key for key in keys}
        self.groups = {key: [key] for key in self.parent}  # root -> its members

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def members(self) -> list[list[str]]:
        return sorted(sorted(group) for group in self.groups.values())


def merge_people(people: list[PersonNode], rules: AuthorRules, particles: Iterable[str]) -> dict[str, list[str]]:
    """The persons that are one, as {key of the merged person: keys merged into it}, every group of two or more."""
    matcher = _Matcher(rules)
    parsed = {p.key: name for p in people if (name := parse_name(p.name, particles)) is not None}
    nodes = {p.key: p for p in people if p.key in parsed}
    links = _full_name_links(nodes, parsed, matcher)
    # a name compatible with two persons who are not one ("C. Lister" beside Charles and Chris) joins neither
    ambiguous = {
        key
        for key, partners in links.items()
        if any(matcher.conflict(parsed[a], parsed[b]) for a, b in combinations(sorted(partners), 2))
    }
    clusters = _Clusters(nodes)
    for key in sorted(links):
        for partner in sorted(links[key]):
            if key not in ambiguous and partner not in ambiguous:
                _join(clusters, key, partner, nodes, parsed, matcher)
    _join_surnames(clusters, nodes, parsed, matcher)
    groups = [keys for keys in clusters.members() if len(keys) > 1]
    return {_chosen(keys, nodes, rules.name_languages): keys for keys in groups}


def _full_name_links(nodes: dict[str, PersonNode], parsed: dict[str, Name], matcher: _Matcher) -> dict[str, set[str]]:
    """Each person's full-name partners. Compared within the same first letter of the first given name
    (a misspelling rarely touches it), so that a large corpus is not compared pair by pair."""
    by_initial: dict[str, list[str]] = {}
    for key in sorted(nodes):
        if parsed[key].given:
            by_initial.setdefault(parsed[key].given[0][0], []).append(key)
    links: dict[str, set[str]] = {}
    for keys in by_initial.values():
        for a, b in combinations(keys, 2):
            # the same place among the creators of one work, as two of its citations give them
            same_place = bool(nodes[a].places & nodes[b].places)
            letters = matcher.rules.same_work_letters_per_edit if same_place else matcher.rules.letters_per_edit
            if matcher.link(parsed[a], parsed[b], letters):
                links.setdefault(a, set()).add(b)
                links.setdefault(b, set()).add(a)
    return links


def _join_surnames(
    clusters: _Clusters, nodes: dict[str, PersonNode], parsed: dict[str, Name], matcher: _Matcher
) -> None:
    """A surname alone is the one person of the same document with that surname."""
    full: dict[str, list[str]] = {}
    for key in sorted(nodes):
        if parsed[key].given:
            full.setdefault(parsed[key].surname, []).append(key)
    for key in sorted(nodes):
        name = parsed[key]
        if name.given or len(name.surname) < matcher.rules.surname_letters:
            continue
        candidates = {
            clusters.find(other)
            for other in full.get(name.surname, ())
            if nodes[other].documents & nodes[key].documents
        }
        if len(candidates) == 1:
            _join(clusters, key, candidates.pop(), nodes, parsed, matcher)


def _join(
    clusters: _Clusters, a: str, b: str, nodes: dict[str, PersonNode], parsed: dict[str, Name], matcher: _Matcher
) -> None:
    """Join the groups of two persons unless two of their members cannot be one (or both are reference persons)."""
    root_a, root_b = clusters.find(a), clusters.find(b)
    if root_a == root_b:
        return
    group_a, group_b = clusters.groups[root_a], clusters.groups[root_b]
    if any(nodes[k].fixed for k in group_a) and any(nodes[k].fixed for k in group_b):
        return
    if any(matcher.conflict(parsed[x], parsed[y]) for x in group_a for y in group_b):
        return
    clusters.parent[root_b] = root_a
    clusters.groups[root_a] += clusters.groups.pop(root_b)


def _chosen(keys: list[str], nodes: dict[str, PersonNode], languages: tuple[str, ...]) -> str:
    """The key a group keeps: its reference person's, else its fullest spelling's (most words: a middle
    name or initial), then the one whose words are the commonest (a misspelt word is rare: "Peter" is
    common, "Perter" unknown), then the longest (a letter dropped), then the one most works and
    documents name, then the first alphabetically."""
    fixed = [k for k in keys if nodes[k].fixed]
    if fixed:
        return fixed[0]
    named: dict[str, set[str]] = {}
    for key in keys:
        named.setdefault(key, set()).update(*nodes[key].spellings.values())

    def rank(key: str) -> tuple[int, float, int, int, str]:
        words = nodes[key].name.split()
        common = sum(max(zipf_frequency(w, language) for language in languages) for w in words)
        return (-len(words), -common, -len(nodes[key].name), -len(named[key]), key)

    return min(keys, key=rank)
