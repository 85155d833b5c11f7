"""Time spent in each stage of a build, for the benchmarks (python -m benchmarks.scale).

The hook times its stages and, when the HUB_TIMINGS environment variable names a file, writes
the figures there as JSON; nothing is written otherwise.
"""
from __future__ import annotations

import json
import os
import time
from contextlib import contextmanager
from pathlib import Path

ENVIRONMENT = "HUB_TIMINGS"


class Stopwatch:
    def __init__(self):
        self.seconds: dict[str, float] = {}
        self.started = time.perf_counter()

    @contextmanager
    def stage(self, name: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start

    def save(self) -> None:
        target = os.environ.get(ENVIRONMENT)
        if target:
            figures = {**self.seconds, "total": time.perf_counter() - self.started}
            Path(target).write_text(json.dumps(figures, indent=1), encoding="utf-8")
