"""Benchmark: the explorer page (isis-kg report) of builds of 5, 100 and 1,000 synthetic documents.

For each size it generates the corpus (tests/benchmarks/synthetic.py, seeded) and builds it (a
graph already built in --work is reused: the page is what is measured), then writes the page and
opens it in Chromium through Playwright, offline, as the report's tests do. It prints the page's
size, the seconds to write it, and, the median of three openings in a fresh window each: the time
to first render (from the start of navigation to the overview on screen, the page's
'explorer-ready' mark), the time from asking Playwright to open the file to that moment, then the
time to draw the network and the review queue when their tabs are first clicked. Not a test.

    python tests/benchmarks/bench_report.py [--sizes 5 100 1000] [--work DIR] [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import generate  # noqa: E402

from isis_kg import build  # noqa: E402
from isis_kg.outputs import GRAPH_FILE  # noqa: E402
from isis_kg.reference import load_reference  # noqa: E402
from isis_kg.report import write_report  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
OPENINGS = 3


def built(work: Path, size: int, jobs: int) -> Path:
    """The graph of ``size`` synthetic documents in ``work``, built unless it is there already."""
    graph = work / f"graph-{size}"
    if not (graph / GRAPH_FILE).is_file():
        corpus = work / f"corpus-{size}"
        generate(corpus, size)
        build([corpus], graph, cache=work / "cache", jobs=jobs)
    return graph


def opening(browser: Browser, page_path: Path) -> dict[str, float]:
    """Seconds to first render, and to draw the network and the queue, in a fresh offline window."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True)
    page = context.new_page()
    started = time.perf_counter()
    page.goto(page_path.as_uri(), timeout=120_000)
    page.wait_for_selector("html[data-ready=true]", timeout=120_000)
    opened = time.perf_counter() - started
    first = page.evaluate("performance.getEntriesByName('explorer-ready')[0].startTime") / 1000
    started = time.perf_counter()
    page.locator("#tab-network").click()
    page.wait_for_function("() => window.explorer.cy !== null", timeout=120_000)
    network = time.perf_counter() - started
    started = time.perf_counter()
    page.locator("#tab-queue").click()
    page.wait_for_selector("#queue-list li.fact", timeout=120_000)
    queue = time.perf_counter() - started
    context.close()
    return {"first render": first, "open": opened, "network": network, "queue": queue}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 100, 1000])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--work", type=Path, default=None, help="keep corpora and graphs here (and reuse them)")
    options = parser.parse_args()
    work = options.work or Path(tempfile.mkdtemp(prefix="isis-kg-report-"))
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    reference = load_reference()
    print(
        f"{'documents':>9} {'facts':>8} {'page MB':>8} {'write s':>8} {'first render s':>15} {'open s':>7} "
        f"{'network s':>10} {'queue s':>8}"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for size in options.sizes:
            graph = built(work, size, options.jobs)
            started = time.perf_counter()
            page_path = write_report(graph, reference, work / f"report-{size}.html")
            written = time.perf_counter() - started
            facts = (graph / GRAPH_FILE).read_text(encoding="utf-8").count(" a rdf:Statement")
            runs = [opening(browser, page_path) for _ in range(OPENINGS)]
            median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            print(
                f"{size:>9,} {facts:>8,} {page_path.stat().st_size / 1e6:>8.2f} {written:>8.1f} "
                f"{median['first render']:>15.2f} {median['open']:>7.2f} "
                f"{median['network']:>10.2f} {median['queue']:>8.2f}"
            )
        browser.close()
    print(f"(corpora, graphs and pages in {work})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
