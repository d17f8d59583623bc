"""Memory stays flat: importing a generated SME dump 8 times larger costs no more memory.

Each import runs in a fresh subprocess (its own SQLite file) that reports its peak RSS;
the bound is generous on purpose: this is about growth with file size, not about speed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = r"""
import dataclasses, json, resource, sys
from pathlib import Path
from sqlalchemy import insert
from soyuzprom import migrate
from soyuzprom.db import make_engine
from soyuzprom.importers.fixtures_fns import write_rsmp_zip
from soyuzprom.importers.runner import run_import
from soyuzprom.registry.models import Region
from soyuzprom.registry.reference import read_regions

records, folder, parallel = int(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "1"
dump = folder / f"sme-{records}.zip"
write_rsmp_zip(dump, records)
engine = make_engine(f"sqlite:///{folder / f'db-{records}.sqlite'}")
migrate.upgrade(engine)
with engine.begin() as conn:
    conn.execute(insert(Region), [dataclasses.asdict(r) for r in read_regions()])
summary = run_import(engine, "fns-rsmp", dump, parallel=parallel)
# VmHWM, not ru_maxrss: the latter keeps the RSS of the forked pytest process across exec,
# so the figure depended on what the test session had loaded before (natasha: ~700 MB)
own_kb = next(int(line.split()[1]) for line in open("/proc/self/status")
              if line.startswith("VmHWM:"))
peak_kb = max(own_kb, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"inserted": summary.counts["inserted"], "peak_mb": peak_kb / 1024}))
"""


def _peak(records: int, folder: Path, parallel: bool) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(records), str(folder), "1" if parallel else "0"],
        capture_output=True, text=True, env=env, check=True, timeout=1200,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize("parallel", [False, True], ids=["one-process", "producer-process"])
def test_peak_memory_does_not_grow_with_file_size(tmp_path: Path, parallel: bool) -> None:
    small = _peak(5_000, tmp_path, parallel)
    large = _peak(40_000, tmp_path, parallel)
    assert small["inserted"] == 5_000 and large["inserted"] == 40_000
    assert large["peak_mb"] < 300
    assert large["peak_mb"] < small["peak_mb"] + 40, (small, large)
