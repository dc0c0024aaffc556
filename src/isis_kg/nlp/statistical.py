"""Statistical named-entity recognition, as an option beside the gazetteer and the cue words.

Frog (the Dutch NLP suite of Radboud and Tilburg universities; Debian packages frog and
frogdata) tags persons, organisations and locations. It runs once per document, one
sentence per line, and its names become mentions where the gazetteer and the cues found
nothing. Which of Frog's tags count, and as what class, is data (patterns/names.yaml,
``statistical``). ``isis-kg evaluate --ner frog`` measures whether it helps.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from isis_kg.errors import ToolError
from isis_kg.model import Mention, Sentence
from isis_kg.reference import ReferenceData, entity_key

_POS_COLUMN = 5
_NER_COLUMN = 7  # frog's tab-separated output: index, word, lemma, morphology, compound, POS, confidence, NER, ...


class FrogRecognizer:
    """Names Frog finds, typed by the mapping of its tags to ontology classes."""

    name = "frog"

    def __init__(self, reference: ReferenceData, executable: str | None = None) -> None:
        found = executable or shutil.which("frog")
        if found is None:
            raise ToolError("frog", "not on the PATH; install Debian's frog and frogdata, or leave out --ner")
        self.executable = found
        self.classes = reference.names.statistical_classes

    def recognize(self, sentences: list[Sentence]) -> dict[int, list[Mention]]:
        """Mentions per sentence index, for the sentences given (one Frog run for all of them)."""
        if not sentences:
            return {}
        with tempfile.TemporaryDirectory(prefix="isis-kg-frog-") as folder:
            source = Path(folder) / "sentences.txt"
            source.write_text("".join(" ".join(s.text.split()) + "\n" for s in sentences), encoding="utf-8")
            try:
                done = subprocess.run(
                    [self.executable, "-t", str(source), "-n", "--skip=mpacl", "--threads=1"],
                    cwd=folder,  # frog leaves debug files in its working directory
                    capture_output=True,
                    text=True,
                    timeout=600,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as error:
                raise ToolError(self.executable, f"could not run ({error})") from None
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise ToolError(self.executable, f"failed (exit {done.returncode}: {last})")
        tagged = _sentences_of(done.stdout)
        if len(tagged) != len(sentences):
            raise ToolError(self.executable, f"gave {len(tagged)} sentences for {len(sentences)}")
        return {
            sentence.index: self._mentions(sentence, tokens) for sentence, tokens in zip(sentences, tagged, strict=True)
        }

    def _mentions(self, sentence: Sentence, tokens: list[tuple[str, str]]) -> list[Mention]:
        spans = _aligned(sentence.text, tokens)
        mentions: list[Mention] = []
        current: list[tuple[int, int]] = []
        current_tag = ""
        for (start, end), (_word, tag) in [*zip(spans, tokens, strict=True), ((-1, -1), ("", "O"))]:
            inside = tag.startswith("I-") and tag[2:] == current_tag and start >= 0
            if current and not inside:
                mention = self._mention(sentence, current, current_tag)
                if mention is not None:
                    mentions.append(mention)
                current = []
            if tag.startswith("B-") and start >= 0:
                current, current_tag = [(start, end)], tag[2:]
            elif inside:
                current.append((start, end))
        return mentions

    def _mention(self, sentence: Sentence, span: list[tuple[int, int]], tag: str) -> Mention | None:
        entity_class = self.classes.get(tag)
        if entity_class is None:
            return None
        # Frog counts a title or role ("commandant Yusuf Haddadi") into the name: a name starts capitalised
        while span and not sentence.text[span[0][0]].isupper():
            span = span[1:]
        if not span:
            return None
        start, end = span[0][0], span[-1][1]
        surface = sentence.text[start:end]
        return Mention(entity_key(surface), entity_class, surface, sentence.index, start, end)


def _sentences_of(output: str) -> list[list[tuple[str, str]]]:
    """Frog's tab-separated output as (word, NER tag) per token, per sentence.

    Frog tags adjectives and inhabitants ("Syrische", "Amerikanen") as locations; only a proper
    noun in the singular keeps its tag (CGN tags SPEC(deeleigen) and N(eigen,ev,...)).
    """
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in output.splitlines():
        columns = line.split("\t")
        if len(columns) <= _NER_COLUMN:
            if current:
                sentences.append(current)
                current = []
            continue
        tag = columns[_NER_COLUMN] or "O"
        current.append((columns[1], tag if _proper_noun(columns[_POS_COLUMN]) else "O"))
    if current:
        sentences.append(current)
    return sentences


def _proper_noun(pos: str) -> bool:
    return pos.startswith("SPEC(deeleigen") or pos.startswith("N(eigen,ev")


def _aligned(text: str, tokens: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """Where each token stands in the sentence; (-1, -1) where Frog's tokeniser changed it."""
    spans = []
    position = 0
    for word, _tag in tokens:
        found = text.find(word, position)
        if found < 0 or text[position:found].strip():
            spans.append((-1, -1))
            continue
        spans.append((found, found + len(word)))
        position = found + len(word)
    return spans
