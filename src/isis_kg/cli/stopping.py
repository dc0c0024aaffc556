"""SIGTERM and SIGHUP stop a command as Ctrl-C does, and a stopping command is not stopped twice."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


@contextmanager
def stopping_on_termination() -> Iterator[None]:
    """SIGTERM and SIGHUP stop a command as Ctrl-C does. Python's default for them ends the process on the
    spot, so no ``finally`` ran: a served store's Oxigraph process kept serving, temporary files stayed."""

    stopping: list[bool] = []

    def interrupt(_signal: int, _frame: object) -> None:
        # the first signal stops the command; the ones after it would cut its clean-up short, even before
        # the handler of the KeyboardInterrupt has started (an impatient user presses Ctrl-C twice)
        stopping.append(True)
        finish_stopping()
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        yield
        return
    previous = {number: signal.getsignal(number) for number in _STOP_SIGNALS}
    for number in _STOP_SIGNALS:
        signal.signal(number, interrupt)
    try:
        yield
    finally:
        # once stopping, the signals stay ignored to the end: a second one, restored to its default, would
        # end the process before it has said how it stopped
        if not stopping:
            for number, handler in previous.items():
                signal.signal(number, handler)


def finish_stopping() -> None:
    """Once stopping, a second Ctrl-C or SIGTERM must not cut the clean-up short (the server left running,
    its store left behind): from here to the command's end the stop signals are ignored."""
    if threading.current_thread() is threading.main_thread():
        for number in _STOP_SIGNALS:
            signal.signal(number, signal.SIG_IGN)
