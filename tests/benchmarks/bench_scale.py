"""Benchmark: builds of synthetic corpora (100, 1,000, 10,000 documents), per stage, with memory.

For each size it generates the corpus (tests/benchmarks/synthetic.py, seeded), then, each in
a fresh process so that peak memory is the build's own:
  - a full build with an empty cache (--jobs N), per stage: time, throughput, and peak RSS;
  - the same build again after changing one document (the cache holds the rest);
and prints the ratio between them. Then it times the plain building blocks on the same texts
(spaCy's tokenizer, the Aho-Corasick matcher, pyoxigraph serialisation, pyshacl on the graph),
so that the overhead of isis-kg's own code shows as a ratio. Not a test. bench_targets.py uses its
helpers (a build in a fresh process, with its CPU and the peak memory of all its processes; one
pyshacl run on a whole graph).

    python tests/benchmarks/bench_scale.py [--sizes 100 1000] [--jobs 2] [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import generate  # noqa: E402

from isis_kg.reference import ReferenceData  # noqa: E402

_CHILD = """
import json, resource, sys, time
from isis_kg import pipeline

validation = {"cpu": 0.0}
validate_in_shards = pipeline.validate_in_shards


def cpu():  # this process's CPU and that of its children done so far (validation's process pool)
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed_validation(*args, **kwargs):
    started = cpu()
    try:
        return validate_in_shards(*args, **kwargs)
    finally:
        validation["cpu"] += cpu() - started


pipeline.validate_in_shards = timed_validation  # the same function, its CPU seconds counted
started, started_cpu = time.perf_counter(), cpu()
result = pipeline.build([sys.argv[1]], sys.argv[2], cache=sys.argv[3], jobs=int(sys.argv[4]))
seconds = time.perf_counter() - started
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "build_cpu": cpu() - started_cpu, "validate_cpu": validation["cpu"],
                  "stages": result.meter.seconds, "triples": result.triples,
                  "documents": result.documents, "reused": result.reused, "conforms": result.conforms,
                  "peak_rss_mb": max(own, children) / 1024}))
"""


def run_build(corpus: Path, out: Path, cache: Path, jobs: int) -> dict:
    """Build ``corpus`` in a fresh process. Besides the build's own figures (its wall and CPU seconds,
    per stage, validation's CPU), the process's: ``process_seconds`` and ``process_cpu`` from its start
    to its end (imports included, and the CPU of its workers), and ``peak_tree_mb``, the largest sum
    of the proportional set sizes (PSS) of it and its workers, sampled every 0.1 s."""
    started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile("w+") as stdout:
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(corpus), str(out), str(cache), str(jobs)], stdout=stdout, text=True
        )
        peak = 0
        while child.poll() is None:
            peak = max(peak, tree_pss_kb(child.pid))
            time.sleep(0.1)
        seconds, after = time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN)
        if child.returncode != 0:
            raise subprocess.CalledProcessError(child.returncode, "build")
        stdout.seek(0)
        figures = json.loads(stdout.read().strip().splitlines()[-1])
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return figures | {"process_seconds": seconds, "process_cpu": cpu, "peak_tree_mb": peak / 1024}


def run_measured(command: list[str]) -> tuple[float, float, str]:
    """Wall and CPU seconds (the process's and its children's) of running ``command``, and its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, done.stdout


def tree_pss_kb(pid: int) -> int:
    """The summed PSS of process ``pid`` and its descendants, in kB (Linux; 0 for a process gone)."""
    total = 0
    for member in [pid, *_descendants(pid)]:
        try:
            for line in Path(f"/proc/{member}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except OSError:
            pass
    return total


def _descendants(pid: int) -> list[int]:
    found, to_visit = [], [pid]
    while to_visit:
        parent = to_visit.pop()
        try:
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except OSError:
            continue
        found += [int(child) for child in children]
        to_visit += [int(child) for child in children]
    return found


def building_blocks(corpus: Path, graph: Path) -> dict[str, float]:
    """Seconds for the plain libraries doing the core of each stage on the same input."""
    import ahocorasick
    import pyoxigraph

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
    timings["pyshacl on the graph"] = pyshacl_seconds(graph, reference)[0]
    return timings


def pyshacl_seconds(graph: Path, reference: ReferenceData) -> tuple[float, float]:
    """Wall and CPU seconds of one pyshacl run, with the build's shapes and settings, on the whole graph
    the build wrote into ``graph`` (and the ontology): the plain library that validation is measured by."""
    import rdflib
    from pyshacl import validate

    data = rdflib.Graph().parse(graph / "graph.ttl")
    data += reference.ontology
    started, started_cpu = time.perf_counter(), time.process_time()
    validate(data, shacl_graph=reference.shapes, inference="none", advanced=True, inplace=True)
    return time.perf_counter() - started, time.process_time() - started_cpu


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
            f"peak RSS {full['peak_rss_mb']:,.0f} MB (all processes: {full['peak_tree_mb']:,.0f} MB PSS)"
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
