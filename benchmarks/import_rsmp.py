"""Benchmark: importing the FNS SME registry against a bare lxml pass (the ceiling).

For each size (``--small`` and ``--records``, default 100,000 and 1,000,000) it generates a
zip of one-line XML files in the real RSMP structure (``fixtures_fns.write_rsmp_zip``, 900
documents per file like the real dump; ``--shape dump``, the default, gives each document
as many OKVED codes, with their real titles, as the documents of the real sample
``data-test-sme-1.zip`` have: ~3.2 KB and 18 elements a document like the sample's 3.1 KB
and 18.5, and the same ceiling, ~24,000 records/s here; ``--shape light``, the tests'
shape, has 1..5 codes and ~1.3 KB), then in fresh subprocesses:

* the ceiling: ``lxml.etree.iterparse`` over every member, reading each document's
  identifiers (ИдДок and ИННЮЛ/ИННФЛ), clearing elements: nothing else; measured before and
  after the import, the mean is used;
* the import: ``run_import(engine, "fns-rsmp", ...)`` into a fresh SQLite file with the
  regions loaded (organizations, OKVED, products, record states; the created ids in the
  run's checkpoint), everything the CLI command does but the progress bar.

It prints records/s for both, their ratio, the CPU time per record of both (user + system,
including the producer process; unlike wall time it does not depend on what else the
machine runs), and the peak RSS of the import (the process and its producer process,
sampled with psutil), for both sizes; the last line is JSON.
Targets: import >= 0.5 x ceiling, peak RSS <= 300 MB and independent of the file size.

Run:  PYTHONPATH=src /work/venv/bin/python benchmarks/import_rsmp.py [--records 200000]
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
from typing import Any

import psutil
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

SRC = Path(__file__).resolve().parents[1] / "src"

CPU = r"""
import resource
def cpu():
    own, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
"""

CEILING = CPU + r"""
import json, sys, time, zipfile
from lxml import etree
path = sys.argv[1]
cpu0 = cpu()
start = time.perf_counter()
count = 0
with zipfile.ZipFile(path) as archive:
    for info in archive.infolist():
        with archive.open(info) as stream:
            for _, doc in etree.iterparse(stream, events=("end",), tag="Документ"):
                subject = doc[0]
                ids = (doc.get("ИдДок"), subject.get("ИННЮЛ") or subject.get("ИННФЛ"))
                count += 1
                doc.clear()
                parent = doc.getparent()
                while doc.getprevious() is not None:
                    del parent[0]
print(json.dumps({"records": count, "seconds": time.perf_counter() - start,
                  "cpu_seconds": cpu() - cpu0}))
"""

IMPORT = CPU + r"""
import dataclasses, json, sys, time
from pathlib import Path
from sqlalchemy import insert
from soyuzprom import migrate
from soyuzprom.db import make_engine
from soyuzprom.importers.runner import run_import
from soyuzprom.registry.models import Region
from soyuzprom.registry.reference import read_regions
path, database, parallel = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
engine = make_engine(f"sqlite:///{database}")
migrate.upgrade(engine)
with engine.begin() as conn:
    conn.execute(insert(Region), [dataclasses.asdict(r) for r in read_regions()])
cpu0 = cpu()
start = time.perf_counter()
summary = run_import(engine, "fns-rsmp", path,
                     parallel=None if parallel == "auto" else parallel == "1")
seconds = time.perf_counter() - start
print(json.dumps({"records": summary.counts["read"], "inserted": summary.counts["inserted"],
                  "seconds": seconds, "cpu_seconds": cpu() - cpu0}))
"""


def run_child(code: str, *args: str) -> tuple[dict[str, Any], float]:
    """Run ``code`` in a subprocess; its JSON result and the peak RSS (MB) of its tree."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    process = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                               text=True, env=env)
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    out, _ = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"child failed with exit code {process.returncode}")
    return json.loads(out.strip().splitlines()[-1]), peak / 2**20


def measure(records: int, folder: Path, parallel: str, shape: str,
            console: Console) -> dict[str, Any]:
    from soyuzprom.importers.fixtures_fns import write_rsmp_zip

    dump = folder / f"rsmp-{records}.zip"
    with Progress(console=console, transient=True) as bar:
        bar.add_task(f"генерация {records:,} записей", total=None)
        start = time.perf_counter()
        write_rsmp_zip(dump, records, shape=shape)
        generated = time.perf_counter() - start
    console.print(f"{records:,} записей: {dump.stat().st_size / 2**20:.0f} МБ zip "
                  f"(генерация {generated:.0f} с)")
    rates = []
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("потолок (lxml) и импорт", total=3)
        ceiling_a, _ = run_child(CEILING, str(dump))
        bar.advance(task)
        imported, peak = run_child(IMPORT, str(dump), str(folder / f"db-{records}.sqlite"),
                                   parallel)
        bar.advance(task)
        ceiling_b, _ = run_child(CEILING, str(dump))
        bar.advance(task)
    for result in (ceiling_a, ceiling_b):
        rates.append(result["records"] / result["seconds"])
    ceiling = sum(rates) / len(rates)
    # CPU time per record does not depend on what else runs on the machine.
    ceiling_cpu = (ceiling_a["cpu_seconds"] + ceiling_b["cpu_seconds"]) / 2 / records
    import_cpu = imported["cpu_seconds"] / records
    rate = imported["records"] / imported["seconds"]
    assert imported["inserted"] == records, imported
    return {"records": records, "file_mb": round(dump.stat().st_size / 2**20, 1),
            "ceiling_rps": round(ceiling), "ceiling_rps_before_after": [round(r) for r in rates],
            "import_rps": round(rate), "ratio": round(rate / ceiling, 3),
            "import_seconds": round(imported["seconds"], 1), "peak_rss_mb": round(peak, 1),
            "ceiling_cpu_us_per_record": round(ceiling_cpu * 1e6, 1),
            "import_cpu_us_per_record": round(import_cpu * 1e6, 1),
            "cpu_ratio": round(ceiling_cpu / import_cpu, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--small", type=int, default=100_000)
    parser.add_argument("--parallel", choices=("auto", "1", "0"), default="auto",
                        help="parse in a producer process: auto (by file size), 1, 0")
    parser.add_argument("--shape", choices=("dump", "light"), default="dump",
                        help="documents like the real dump sample (default) or the tests' "
                             "light ones")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    console = Console(stderr=True)
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        results = [measure(n, Path(tmp), args.parallel, args.shape, console)
                   for n in sorted({args.small, args.records})]
    table = Table("записей", "zip, МБ", "потолок, зап/с", "импорт, зап/с", "доля",
                  "ЦП потолок, мкс/зап", "ЦП импорт, мкс/зап", "пик RSS, МБ")
    for r in results:
        table.add_row(f"{r['records']:,}", str(r["file_mb"]), f"{r['ceiling_rps']:,}",
                      f"{r['import_rps']:,}", f"{r['ratio']:.2f}",
                      str(r["ceiling_cpu_us_per_record"]), str(r["import_cpu_us_per_record"]),
                      f"{r['peak_rss_mb']:.0f}")
    console.print(table)
    largest = results[-1]
    figures = {
        "benchmark": "import_rsmp",
        "shape": args.shape,
        "cpu_count": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "sizes": results,
        "import_rps": largest["import_rps"],
        "ceiling_rps": largest["ceiling_rps"],
        "ratio": largest["ratio"],
        "cpu_ratio": largest["cpu_ratio"],
        "peak_rss_mb": max(r["peak_rss_mb"] for r in results),
        "rss_growth_mb": round(results[-1]["peak_rss_mb"] - results[0]["peak_rss_mb"], 1),
        "targets": {"ratio": 0.5, "peak_rss_mb": 300},
    }
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
