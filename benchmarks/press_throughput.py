"""Throughput and memory of press extraction: our full extractor versus natasha alone.

Both pipelines process the same texts (the development corpus, repeated to a meaningful
size) in one run of this script. Each pipeline runs in its own child process so that peak
RSS figures do not mix; in the child the models are loaded once, one warm-up text is
processed, and only then is the timed loop run (model loading is excluded from timing).

Run from the repository root:

    PYTHONPATH=src python benchmarks/press_throughput.py --repeat 10

Prints a table (docs/s, kchar/s, peak RSS, RSS after loading) and a final JSON line with
the figures and the ratio ours/natasha. Until ``soyuzprom.press.extraction`` exists the
script measures the baseline only and says so.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "tests" / "press" / "corpus"
PIPELINES = ("ours", "natasha")
MISSING_EXIT = 3  # child exit code: the pipeline is not available in this checkout


def load_texts(corpus: Path, repeat: int) -> list[tuple[str, Any]]:
    """(text, published date) pairs of the corpus, repeated ``repeat`` times."""
    from datetime import date

    items = []
    for path in sorted(corpus.glob("*.txt")):
        gold_path = path.with_suffix(".json")
        published = None
        if gold_path.exists():
            raw = json.loads(gold_path.read_text(encoding="utf-8")).get("published")
            published = date.fromisoformat(raw) if raw else None
        items.append((path.read_text(encoding="utf-8"), published))
    return items * repeat


def build_pipeline(name: str) -> Any:
    """A callable text, published -> JSON dict, with its models already loaded."""
    if name == "natasha":
        from soyuzprom.press.evaluation.baseline import NatashaBaseline

        baseline = NatashaBaseline()
        return baseline.extract
    from soyuzprom.press.evaluation.systems import load_our_extractor

    extractor = load_our_extractor()
    if extractor is None:
        print(
            "soyuzprom.press.extraction is not available in this checkout; "
            "our pipeline cannot be measured yet.",
            file=sys.stderr,
        )
        sys.exit(MISSING_EXIT)
    return lambda text, published: extractor.extract(text, published).to_json()


def rss_mb() -> float:
    import psutil

    return float(psutil.Process(os.getpid()).memory_info().rss) / 2**20


def run_child(name: str, corpus: Path, repeat: int) -> None:
    """Measure one pipeline in this process; print one JSON line of figures."""
    from rich.progress import Progress

    items = load_texts(corpus, repeat)
    started = time.perf_counter()
    pipeline = build_pipeline(name)
    load_seconds = time.perf_counter() - started
    pipeline(*items[0])  # warm-up: lazy caches are filled before timing
    rss_loaded = rss_mb()
    chars = sum(len(text) for text, _ in items)
    with Progress(transient=True, console=_stderr_console()) as progress:
        task = progress.add_task(f"{name}", total=len(items))
        started = time.perf_counter()
        for text, published in items:
            pipeline(text, published)
            progress.advance(task)
        seconds = time.perf_counter() - started
    # ru_maxrss is in kilobytes on Linux: the peak over the whole child, models included.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "pipeline": name,
        "docs": len(items),
        "chars": chars,
        "seconds": round(seconds, 3),
        "docs_per_s": round(len(items) / seconds, 2),
        "kchar_per_s": round(chars / 1000 / seconds, 2),
        "peak_rss_mb": round(peak, 1),
        "rss_after_load_mb": round(rss_loaded, 1),
        "load_seconds": round(load_seconds, 2),
    }
    print(json.dumps(figures))


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def package_root() -> str:
    """The directory holding the soyuzprom package this process imports (the child uses
    the same one, wherever the script was started from)."""
    try:
        import soyuzprom
    except ModuleNotFoundError:
        return str(ROOT / "src")
    return str(Path(soyuzprom.__file__).resolve().parent.parent)


def measure(name: str, corpus: Path, repeat: int) -> dict[str, Any] | None:
    """Run one pipeline in a child process; None when it is not available."""
    cmd = [
        sys.executable,
        __file__,
        "--child",
        name,
        "--corpus",
        str(corpus),
        "--repeat",
        str(repeat),
    ]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root(), env.get("PYTHONPATH")]))
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, env=env, check=False)
    if proc.returncode == MISSING_EXIT:
        return None
    if proc.returncode != 0:
        raise SystemExit(f"{name} pipeline failed with exit code {proc.returncode}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def report(results: dict[str, dict[str, Any] | None]) -> dict[str, Any]:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Press extraction throughput")
    for column in (
        "pipeline",
        "docs",
        "docs/s",
        "kchar/s",
        "peak RSS MB",
        "RSS after load MB",
        "load s",
    ):
        table.add_column(column, justify="right")
    for name, fig in results.items():
        if fig is None:
            table.add_row(name, "—", "not available", "", "", "", "")
            continue
        table.add_row(
            name,
            str(fig["docs"]),
            f"{fig['docs_per_s']:.1f}",
            f"{fig['kchar_per_s']:.1f}",
            f"{fig['peak_rss_mb']:.0f}",
            f"{fig['rss_after_load_mb']:.0f}",
            f"{fig['load_seconds']:.1f}",
        )
    Console(stderr=True).print(table)
    ours, base = results.get("ours"), results.get("natasha")
    summary: dict[str, Any] = {"ours": ours, "natasha": base}
    if ours and base:
        summary["ratio_docs_per_s"] = round(ours["docs_per_s"] / base["docs_per_s"], 3)
        summary["ratio_peak_rss"] = round(ours["peak_rss_mb"] / base["peak_rss_mb"], 3)
    else:
        summary["ratio_docs_per_s"] = None
        summary["ratio_peak_rss"] = None
        summary["note"] = "our extractor is missing: baseline only"
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=10, help="corpus repetitions")
    parser.add_argument("--pipelines", default=",".join(PIPELINES))
    parser.add_argument("--child", choices=PIPELINES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args.child, args.corpus, args.repeat)
        return
    results = {}
    for name in args.pipelines.split(","):
        results[name] = measure(name, args.corpus, args.repeat)
        if results[name] is None:
            print(f"[{name}] pipeline not available, skipped", file=sys.stderr)
    print(json.dumps(report(results)))


if __name__ == "__main__":
    main()
