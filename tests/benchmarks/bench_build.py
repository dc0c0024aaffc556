"""Benchmark: the full build of corpus/ (ingest through validated Turtle), per stage.

Prints, per stage, the median time over several runs, the throughput, and the peak traced
memory (one extra run under tracemalloc, which slows it, so its times are not used). Also
the start-up cost (imports, spaCy's Dutch tokenizer, reference data) and the process's
peak resident memory. Not a test: run it with ``make bench``.

    python tests/benchmarks/bench_build.py [--runs 5] [--parser frog] [PATH...]

With ``--parser frog`` the stage "relations and events" includes Frog's dependency parses.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

STARTED = time.perf_counter()
from isis_kg import build  # noqa: E402  (imports are part of what start-up costs)
from isis_kg.ingest.sentences import sentence_splitter  # noqa: E402
from isis_kg.reference import load_reference  # noqa: E402

PER_DOCUMENT = ("read", "layout", "footnotes", "sentences", "entities", "relations and events")
INGEST = ("read", "layout", "footnotes", "sentences")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[Path(__file__).resolve().parents[2] / "corpus"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--parser", choices=("frog",), default=None, help="also read relations from Frog's parse")
    options = parser.parse_args()

    sentence_splitter(load_reference().layout.sentence_end_words)  # load spaCy once, as the first build would
    startup = time.perf_counter() - STARTED
    texts = [p for path in options.paths for p in _texts(path)]
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in texts)
    megabytes = sum(p.stat().st_size for p in texts) / 1e6

    runs = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(options.runs):
            started = time.perf_counter()
            result = build(options.paths, out, parser=options.parser)
            runs.append((time.perf_counter() - started, result))
        tracemalloc.start()
        traced = build(options.paths, out, parser=options.parser)
        tracemalloc.stop()

    totals = [total for total, _ in runs]
    result = runs[-1][1]
    stages = list(result.meter.seconds)
    print(
        f"corpus: {result.documents} documents, {words:,} words -> {result.triples:,} triples; "
        f"conforms: {result.conforms}"
    )
    print(f"start-up (imports, spaCy nl tokenizer): {startup:.2f} s")
    print(
        f"build, median of {options.runs}: {statistics.median(totals):.2f} s "
        f"(min {min(totals):.2f}, max {max(totals):.2f})"
    )
    print()
    print(f"{'stage':<22} {'median s':>9} {'share':>6} {'throughput':>18} {'peak traced MB':>15}")
    build_median = statistics.median(totals)
    for stage in stages:
        seconds = statistics.median(r.meter.seconds.get(stage, 0.0) for _, r in runs)
        if stage in PER_DOCUMENT:
            throughput = f"{words / seconds:,.0f} words/s" if seconds else "-"
        elif stage in ("map to RDF", "map shared nodes", "serialize and write", "validate"):
            throughput = f"{result.triples / seconds:,.0f} triples/s" if seconds else "-"
        else:
            throughput = ""
        peak = traced.meter.peak_bytes.get(stage, 0) / 1e6
        print(f"{stage:<22} {seconds:>9.3f} {seconds / build_median:>6.0%} {throughput:>18} {peak:>15.1f}")
    ingest = sum(statistics.median(r.meter.seconds.get(stage, 0.0) for _, r in runs) for stage in INGEST)
    print(
        f"\ningestion (read, layout, footnotes, sentences): {ingest:.3f} s for {megabytes:.2f} MB "
        f"= {ingest / megabytes:.3f} s per MB"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory of this process: {rss:.0f} MB")
    return 0


def _texts(path: Path) -> list[Path]:
    return sorted(path.rglob("*.txt")) if path.is_dir() else [path]


if __name__ == "__main__":
    sys.exit(main())
