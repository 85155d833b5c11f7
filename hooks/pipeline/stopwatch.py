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
        self.begun: dict[str, float] = {}
        self.started = time.perf_counter()

    @contextmanager
    def stage(self, name: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.record(name, time.perf_counter() - start)

    def begin(self, name: str) -> None:
        """The start of a stage that spans several events; `end` adds its time."""
        self.begun[name] = time.perf_counter()

    def end(self, name: str) -> None:
        self.record(name, time.perf_counter() - self.begun.pop(name))

    def record(self, name: str, seconds: float) -> None:
        """A stage timed elsewhere (another process's run, measured by whoever waited for it)."""
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds

    def since(self, snapshot: dict[str, float]) -> dict[str, float]:
        """The time each stage took after a snapshot of `seconds`: what a forked process adds."""
        return {name: seconds - snapshot.get(name, 0.0) for name, seconds in self.seconds.items()
                if seconds > snapshot.get(name, 0.0)}

    def add(self, seconds: dict[str, float], where: str) -> None:
        """Stages timed in another process, kept apart: they ran alongside this one's."""
        for name, value in seconds.items():
            self.record(f"{name} ({where})", value)

    def save(self) -> None:
        target = os.environ.get(ENVIRONMENT)
        if target:
            figures = {**self.seconds, "total": time.perf_counter() - self.started}
            Path(target).write_text(json.dumps(figures, indent=1), encoding="utf-8")
