"""Run safety for batch: signals end workers and engines, never leaving orphans behind.

Apertium chains and lt-proc run in their own sessions (Ctrl-C in a terminal must not kill
them mid-document), so a process killed by a signal's default action would orphan them.
The batch installs handlers that close engines and stop worker processes first.
"""

from __future__ import annotations

import signal
import time
from concurrent.futures import ProcessPoolExecutor


class BatchTerminated(BaseException):
    """SIGTERM or SIGHUP reached the batch: workers and engines were stopped; exit 128+signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"terminated by {signal.Signals(signum).name}")
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """The shell's convention for death by signal: 128 + its number."""
        return 128 + self.signum


#: Signals that end a batch: each one stops the workers and the engines they started first.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def raise_terminated(signum: int, frame: object) -> None:
    raise BatchTerminated(signum)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """SIGTERM every worker (each closes its engines), then SIGKILL what is still alive after 5 s."""
    procs = list(getattr(pool, "_processes", {}).values())
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    deadline = time.monotonic() + 5
    for proc in procs:
        proc.join(max(0.0, deadline - time.monotonic()))
        if proc.is_alive():
            proc.kill()
            proc.join(1)
    pool.shutdown(wait=False, cancel_futures=True)


def install_handlers(handler: object) -> dict[int, object]:
    """Set ``handler`` (or a dict of previous handlers) for STOP_SIGNALS; returns the previous ones.

    Only the main thread may set signal handlers; elsewhere (a library caller's thread) the
    batch runs without them.
    """
    import threading

    if threading.current_thread() is not threading.main_thread():
        return {}
    previous: dict[int, object] = {}
    for signum in STOP_SIGNALS:
        new = handler.get(signum, signal.SIG_DFL) if isinstance(handler, dict) else handler
        if isinstance(handler, dict) and signum not in handler:
            continue
        previous[signum] = signal.signal(signum, new)  # type: ignore[arg-type]
    return previous
