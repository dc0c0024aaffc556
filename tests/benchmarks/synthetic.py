"""Synthetic corpora for the scale benchmarks, made from the real corpus (seeded, deterministic).

Each synthetic document takes the paragraphs of one corpus text, keeps a random subset of them
in a shuffled order, swaps the names of known entities for others of the same class, and moves
every year by the same random offset. The result reads like the corpus (same layout, same
patterns, footnotes and all) but is a different text, with a catalogue entry of its own.

    python tests/benchmarks/synthetic.py OUT_DIR --documents 1000 [--seed 7]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
from pathlib import Path

import yaml

from isis_kg.reference import ReferenceData, load_reference

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
_YEAR = re.compile(r"\b(20[01]\d)\b")


def generate(out_dir: Path, documents: int, seed: int = 7, reference: ReferenceData | None = None) -> list[Path]:
    """Write ``documents`` texts and their catalogue.yaml into ``out_dir``; return the texts' paths."""
    reference = reference or load_reference()
    rng = random.Random(seed)
    sources = sorted(CORPUS.glob("*.txt"))
    texts = {path: path.read_text(encoding="utf-8") for path in sources}
    names = _names_by_class(reference)
    out_dir.mkdir(parents=True, exist_ok=True)
    written, entries = [], []
    for number in range(documents):
        source = sources[number % len(sources)]
        # the closing line makes every text unique, so that no two share a catalogue entry
        text = _vary(texts[source], rng, names) + f"\n\nSynthetisch document {number}.\n"
        path = out_dir / f"doc-{number:05d}-{source.stem[:12]}.txt"
        path.write_text(text, encoding="utf-8")
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        entries.append(
            {
                "sha256": sha,
                "file": path.name,
                "title": f"Synthetic {number}",
                "date": f"{2015 + number % 6}-0{1 + number % 9}",
            }
        )
        written.append(path)
    (out_dir / "catalogue.yaml").write_text(yaml.safe_dump({"documents": entries}, sort_keys=False), encoding="utf-8")
    return written


def _names_by_class(reference: ReferenceData) -> dict[str, list[str]]:
    by_class: dict[str, list[str]] = {}
    for entity in sorted(reference.entities.values(), key=lambda e: e.id):
        by_class.setdefault(entity.entity_class, []).append(entity.labels.get("nl", entity.id))
    return by_class


def _vary(text: str, rng: random.Random, names: dict[str, list[str]]) -> str:
    paragraphs = text.split("\n\n")
    head, body = paragraphs[:1], paragraphs[1:]
    kept = [p for p in body if rng.random() < 0.8] or body[:1]
    rng.shuffle(kept)
    varied = "\n\n".join(head + kept)
    shift = rng.randint(-3, 3)
    varied = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), varied)
    # swap a few names of places and persons for others of the same class
    for entity_class in ("Region", "Person"):
        pool = names.get(entity_class, [])
        for _ in range(3):
            old, new = rng.choice(pool), rng.choice(pool)
            if len(old) > 3 and old != new:
                varied = re.sub(rf"\b{re.escape(old)}\b", new, varied)
    return varied


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    paths = generate(options.out, options.documents, options.seed)
    print(f"Wrote {len(paths)} documents and catalogue.yaml to {options.out}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
