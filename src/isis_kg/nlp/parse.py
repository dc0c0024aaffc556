"""Dependency parses of sentences, as an option: Frog's parser (Debian packages frog and frogdata).

Each name the entity stage found is handed to the parser as one placeholder word of its class
(patterns/dependencies.yaml, ``placeholders``; the caller chooses): "Jabhat al-Nusra" and "IS" are words Frog's
tagger misreads ("IS" as the verb "is"), "Hamas" and "Irak" are not. So every name is one
token of the parse, and a token knows which name it stands for. One Frog process serves all
sentences of a process's documents: it takes a sentence per line on its standard input and
answers with a block of tab-separated rows (index, word, lemma, morphology, compound, POS,
confidence, NER, chunk, ..., head, relation).
"""

from __future__ import annotations

import atexit
import os
import re
import selectors
import shutil
import subprocess
import tempfile
from dataclasses import dataclass

from isis_kg.errors import ToolError
from isis_kg.model import Mention, Sentence

ANSWER_SECONDS = 300.0  # a sentence Frog has not parsed by then is taken as a hang

_END = "Isiskgeindezin"
_HEAD_COLUMN, _RELATION_COLUMN = -2, -1
_LEMMA_COLUMN, _POS_COLUMN = 2, 4


@dataclass(frozen=True)
class Token:
    """A word of a parsed sentence; ``mention`` is the index (in the sentence's mentions) of the name it stands for."""

    index: int  # 1-based, as heads count
    word: str
    lemma: str
    pos: str
    head: int  # 0 for the root
    relation: str
    mention: int | None = None


class FrogParser:
    """Parses sentences with one long-running Frog process (started at the first sentence)."""

    name = "frog"

    def __init__(self, executable: str | None = None) -> None:
        found = executable or shutil.which("frog")
        if found is None:
            raise ToolError("frog", "not on the PATH; install Debian's frog and frogdata, or leave out --parser")
        self.executable = found
        self._process: subprocess.Popen[bytes] | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._pending = b""
        self._closed_at_exit = False

    def parse(self, sentence: Sentence, names: list[tuple[Mention, str]]) -> list[Token]:
        """The parse of ``sentence`` with each name (a mention and the word that stands in for it) one
        token; a Token's ``mention`` is the index of its name in ``names``."""
        line, starts = _placeholder_line(sentence, names)
        rows = self._ask(line)
        return _tokens(rows, line, starts, self.executable)

    def close(self) -> None:
        if self._process is not None:
            process, self._process = self._process, None
            if process.stdin is not None:
                try:
                    process.stdin.close()
                except OSError:
                    pass  # it has stopped already
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def _start(self) -> subprocess.Popen[bytes]:
        if self._process is None or self._process.poll() is not None:
            self._folder = tempfile.TemporaryDirectory(prefix="isis-kg-frog-")
            try:
                self._process = subprocess.Popen(
                    [self.executable, "-n", "--skip=acn", "--threads=1"],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    cwd=self._folder.name,  # frog leaves debug files in its working directory
                )
            except OSError as error:
                raise ToolError(self.executable, f"could not run ({error})") from None
            self._pending = b""
            if not self._closed_at_exit:
                atexit.register(self.close)
                self._closed_at_exit = True
        return self._process

    def _ask(self, line: str) -> list[list[str]]:
        """Frog's rows for one line (one block per sentence it reads in the line)."""
        process = self._start()
        assert process.stdin is not None and process.stdout is not None
        try:
            # Frog splits a line it reads as several sentences into several blocks: a line of one
            # word of our own after it says where the answer ends
            process.stdin.write(f"{line}\n{_END}\n".encode())
            process.stdin.flush()
        except OSError as error:
            try:
                code: int | None = process.wait(timeout=5)  # it closed its input: it is stopping
            except subprocess.TimeoutExpired:
                code = None
            self.close()
            if code is not None:
                raise ToolError(self.executable, f"stopped (exit {code}) while parsing") from None
            raise ToolError(self.executable, f"stopped taking input ({error})") from None
        rows: list[list[str]] = []
        while True:
            block = self._read_block(process)
            if [row[1] for row in block] == [_END]:
                return rows
            rows += block

    def _read_block(self, process: subprocess.Popen[bytes]) -> list[list[str]]:
        assert process.stdout is not None
        descriptor = process.stdout.fileno()
        with selectors.DefaultSelector() as selector:
            selector.register(descriptor, selectors.EVENT_READ)
            while b"\n\n" not in self._pending:
                if not selector.select(timeout=ANSWER_SECONDS):
                    self.close()
                    raise ToolError(self.executable, f"gave no parse within {ANSWER_SECONDS:.0f} s")
                chunk = os.read(descriptor, 65536)
                if not chunk:
                    code = process.wait()
                    self.close()
                    raise ToolError(self.executable, f"stopped (exit {code}) while parsing")
                self._pending += chunk
        block, self._pending = self._pending.split(b"\n\n", 1)
        text = block.decode("utf-8", errors="replace")
        return [row.split("\t") for row in text.strip("\n").split("\n") if row.strip()]


def _placeholder_line(sentence: Sentence, names: list[tuple[Mention, str]]) -> tuple[str, dict[int, int]]:
    """The sentence on one line with every name replaced; where each replacement starts -> mention index."""
    parts: list[str] = []
    starts: dict[int, int] = {}
    position = 0
    length = 0
    for number, (mention, word) in sorted(enumerate(names), key=lambda item: item[1][0].start):
        if mention.start < position:
            continue  # overlapping names: the first stands
        before = re.sub(r"\s+", " ", sentence.text[position : mention.start])
        parts.append(before)
        length += len(before)
        starts[length] = number
        parts.append(word)
        length += len(word)
        position = mention.end
    parts.append(re.sub(r"\s+", " ", sentence.text[position:]))
    line = "".join(parts)
    stripped = line.lstrip()
    shift = len(line) - len(stripped)
    # Frog reads a line as a sentence; any run of white space is one space to it
    return stripped.rstrip(), {start - shift: number for start, number in starts.items()}


def _tokens(rows: list[list[str]], line: str, starts: dict[int, int], executable: str) -> list[Token]:
    """Rows as Tokens, each aligned to the line to learn which name it stands for."""
    tokens: list[Token] = []
    position = 0
    offset = 0  # rows of a second block (a line Frog split) count on from the first
    for row in rows:
        if len(row) < 6:
            raise ToolError(executable, f"gave a row that is not a parse: {chr(9).join(row)!r}")
        index = int(row[0])
        if index == 1 and tokens:
            offset = len(tokens)
        word = row[1]
        pattern = r"\s*".join(re.escape(piece) for piece in word.replace("_", " ").split())
        found = re.compile(r"\s*" + pattern).match(line, position)
        start = position
        if found is not None:
            start = found.start() + len(found.group()) - len(found.group().lstrip())
            position = found.end()
        head = int(row[_HEAD_COLUMN]) if row[_HEAD_COLUMN].isdigit() else 0
        tokens.append(
            Token(
                index=index + offset,
                word=word,
                lemma=row[_LEMMA_COLUMN].lower(),
                pos=row[_POS_COLUMN],
                head=head + offset if head else 0,
                relation=row[_RELATION_COLUMN],
                mention=starts.get(start),
            )
        )
    return tokens
