"""Progress bars on the command line and the time each stage took.

Bars (tqdm) go to stderr only when it is a terminal, so tests, logs, pipes and notebook kernels
stay quiet; $ANALYSIS_PROGRESS=on shows them anyway, =off never.
"""

import os
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

PROGRESS_ENV = "ANALYSIS_PROGRESS"


def showing() -> bool:
    """Whether progress bars are drawn: $ANALYSIS_PROGRESS, else whether stderr is a terminal."""
    setting = os.environ.get(PROGRESS_ENV, "").lower()
    if setting in ("on", "off"):
        return setting == "on"
    return sys.stderr.isatty()


def progress(items: Iterable, description: str, total: int | None = None) -> Iterable:
    """`items`, drawn as a progress bar on stderr when bars are shown."""
    if not showing():
        return items
    from tqdm import tqdm

    return tqdm(items, desc=description, total=total, file=sys.stderr, leave=False,
                dynamic_ncols=True)


class Timer:
    """Wall-clock seconds per step, in the order the steps first ran."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def add(self, name: str, seconds: float) -> None:
        """Add `seconds` to step `name`."""
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        """Add the time the `with` block takes to step `name`."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - start)

    def summary(self, command: str, wall: float | None = None, note: str = "") -> str:
        """One line: 'time: COMMAND 12.3 s (load 2.0, terms 1.1, ...)', the total being the
        steps' sum, or `wall` when some steps ran side by side (`note` then says which)."""
        total = sum(self.seconds.values()) if wall is None else wall
        steps = ", ".join(f"{name} {seconds:.1f}" for name, seconds in self.seconds.items())
        return f"time: {command} {total:.1f} s ({steps}{'; ' + note if note else ''})"
