"""Progress of a long build on a terminal: files done, facts found, files per second.

A build of a thousand articles takes a minute; on a terminal the user sees it
move. When standard error is not a terminal (piped, redirected, CI) nothing is
printed, so logs and scripts see only the summary lines.
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO


class BuildProgress:
    """A callable for :meth:`kg.api.KnowledgeGraph.build`'s ``progress``, drawn with rich.

    Use as a context manager; ``enabled=None`` means: only when ``stream`` is a terminal.
    """

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)()) if enabled is None else enabled
        self._progress: Any = None
        self._task: Any = None
        self._started = time.perf_counter()

    def __enter__(self) -> BuildProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            console = Console(file=self.stream, force_terminal=True)
            self._progress = Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                TextColumn("· {task.fields[facts]:,} facts · {task.fields[rate]}"), TimeElapsedColumn(),
                console=console, transient=False,
            )
            self._progress.start()
            self._task = self._progress.add_task("extracting", total=None, facts=0, rate="")
        self._started = time.perf_counter()
        return self

    def __call__(self, done: int, total: int, facts: int) -> None:
        """One more file read and extracted: ``done`` of ``total``, ``facts`` relations so far."""
        if self._progress is None:
            return
        seconds = max(time.perf_counter() - self._started, 1e-6)
        description = "resolving, writing the store" if done >= total else "extracting"
        self._progress.update(self._task, completed=done, total=total, facts=facts,
                              rate=f"{done / seconds:.1f} files/s", description=description, refresh=True)

    def __exit__(self, kind: object, *_: object) -> None:
        if self._progress is not None:
            if self._task is not None:  # (stopped by Ctrl-C or an error: not "done")
                self._progress.update(self._task, description="done" if kind is None else "stopped")
            self._progress.stop()
            self._progress = None
