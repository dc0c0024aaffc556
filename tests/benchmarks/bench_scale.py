"""Benchmark: builds of synthetic corpora (100, 1,000, 10,000 documents), per stage, with memory.

For each size it generates the corpus (tests/benchmarks/synthetic.py, seeded), then, each in
a fresh process so that peak memory is the build's own:
  - a full build with an empty cache (--jobs N), per stage: time, throughput, and peak RSS;
  - the same build again after changing one document (the cache holds the rest);
and prints the ratio between them. Then it times the plain building blocks on the same texts
(spaCy's tokenizer, the Aho-Corasick matcher, pyoxigraph serialisation, pyshacl on the graph),
so that the overhead of isis-kg's own code shows as a ratio. Not a test.

    python tests/benchmarks/bench_scale.py [--sizes 100 1000] [--jobs 2] [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import generate  # noqa: E402

_CHILD = """
import json, resource, sys, time
from isis_kg import build
started = time.perf_counter()
result = build([sys.argv[1]], sys.argv[2], cache=sys.argv[3], jobs=int(sys.argv[4]))
seconds = time.perf_counter() - started
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "stages": result.meter.seconds, "triples": result.triples,
                  "documents": result.documents, "reused": result.reused, "conforms": result.conforms,
                  "peak_rss_mb": max(own, children) / 1024}))
"""


def run_build(corpus: Path, out: Path, cache: Path, jobs: int) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(corpus), str(out), str(cache), str(jobs)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def building_blocks(corpus: Path, graph: Path) -> dict[str, float]:
    """Seconds for the plain libraries doing the core of each stage on the same input."""
    import ahocorasick
    import pyoxigraph
    import rdflib
    from pyshacl import validate

    from isis_kg.ingest.sentences import sentence_splitter
    from isis_kg.reference import load_reference

    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    reference = load_reference()
    timings: dict[str, float] = {}
    nlp = sentence_splitter(reference.layout.sentence_end_words)
    started = time.perf_counter()
    for text in texts:
        nlp(text)
    timings["spaCy nl tokenizer + sentencizer"] = time.perf_counter() - started
    automaton = ahocorasick.Automaton()
    for name in reference.name_owners:
        automaton.add_word(name, name)
    automaton.make_automaton()
    started = time.perf_counter()
    for text in texts:
        for _ in automaton.iter(text):
            pass
    timings["Aho-Corasick over the texts"] = time.perf_counter() - started
    store = pyoxigraph.Store()
    store.bulk_load(path=str(graph / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    started = time.perf_counter()
    store.dump(format=pyoxigraph.RdfFormat.TURTLE, from_graph=pyoxigraph.DefaultGraph())
    timings["pyoxigraph Turtle serialisation"] = time.perf_counter() - started
    data = rdflib.Graph().parse(graph / "graph.ttl")
    data += reference.ontology
    started = time.perf_counter()
    validate(data, shacl_graph=reference.shapes, inference="none", advanced=True, inplace=True)
    timings["pyshacl on the graph"] = time.perf_counter() - started
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--work", type=Path, default=None, help="keep corpora and graphs here")
    parser.add_argument("--no-blocks", action="store_true", help="skip timing the plain building blocks")
    options = parser.parse_args()
    work = options.work or Path(tempfile.mkdtemp(prefix="isis-kg-scale-"))
    previous: tuple[int, float] | None = None
    for size in options.sizes:
        corpus, out, cache = work / f"corpus-{size}", work / f"graph-{size}", work / f"cache-{size}"
        texts = generate(corpus, size)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in texts)
        full = run_build(corpus, out, cache, options.jobs)
        changed = texts[len(texts) // 2]
        changed.write_text(changed.read_text(encoding="utf-8") + "\nISIS is actief in Mali.\n", encoding="utf-8")
        again = run_build(corpus, work / f"graph-{size}-again", cache, options.jobs)
        print(f"\n{size:,} documents, {words:,} words -> {full['triples']:,} triples, conforms: {full['conforms']}")
        print(
            f"full build (jobs={options.jobs}): {full['seconds']:.1f} s, {words / full['seconds']:,.0f} words/s, "
            f"peak RSS {full['peak_rss_mb']:,.0f} MB"
        )
        for stage, seconds in full["stages"].items():
            print(f"  {stage:<22} {seconds:8.2f} s")
        print(
            f"after changing one document: {again['seconds']:.1f} s ({again['reused']} reused), "
            f"{full['seconds'] / again['seconds']:.1f}x faster"
        )
        if previous is not None:
            size_ratio, time_ratio = size / previous[0], full["seconds"] / previous[1]
            print(f"growth from {previous[0]:,}: {size_ratio:.0f}x the documents, {time_ratio:.1f}x the time")
        previous = (size, full["seconds"])
        if not options.no_blocks:
            blocks = building_blocks(corpus, out)
            print("plain building blocks on the same input (isis-kg's stage / the library alone):")
            ours = {
                "spaCy nl tokenizer + sentencizer": full["stages"].get("sentences", 0.0),  # summed over workers
                "Aho-Corasick over the texts": full["stages"].get("entities", 0.0),
                "pyoxigraph Turtle serialisation": full["stages"].get("serialize and write", 0.0),
                "pyshacl on the graph": full["stages"].get("validate", 0.0),
            }
            for name, seconds in blocks.items():
                print(f"  {name:<34} {seconds:7.2f} s   ratio {ours[name] / seconds if seconds else 0:5.1f}")
    print(f"\n(corpora and graphs in {work})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
