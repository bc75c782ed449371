"""Reading and extracting many article files on every core.

The calling process starts on the first files at once; helper processes join as soon as they have started. From
a process with one thread and no Qt (the command line) helpers are forked: they start warm, with every table the
caller has compiled. From a window they are spawned, never forked (a Qt application's threads must not be copied
into a child), and take a few seconds to import and warm up, so the caller reads the first files alone. Anything
that goes wrong with a helper (it cannot start, it dies, the machine refuses a process) only means the caller
reads those files itself: the result is the same list, in the same order, as reading them one by one.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

PARALLEL_FROM = 40  # fewer files: a helper's start-up costs more than it saves
CHUNK = 12  # files a helper takes at a time: small enough that the caller never waits long for the last one
AHEAD = 2  # chunks queued for each helper, so it never idles while the caller finishes a chunk of its own
WORKERS_VARIABLE = "MAPVIEW_INGEST_WORKERS"  # helpers to use (0: read everything in the calling process)


def helper_count(items: int) -> int:
    """How many helper processes to start for ``items`` files: one fewer than the cores this process may use (the
    caller works too), none for a small batch, or what ``MAPVIEW_INGEST_WORKERS`` says."""
    if items < PARALLEL_FROM:
        return 0
    given = os.environ.get(WORKERS_VARIABLE, "").strip()
    if given.isdigit():
        return int(given)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(0, cores - 1)


def chunked(items: Sequence[Item], helpers: int) -> list[Sequence[Item]]:
    """``items`` in chunks of CHUNK, in order, the last (helpers + 1) x AHEAD chunks' worth in half chunks: whoever
    runs out of work first waits for the chunks the others still hold (a helper may hold AHEAD), and smaller last
    chunks end closer together. The first chunk is always whole (the caller compiles its tables on it)."""
    tail = (helpers + 1) * AHEAD * CHUNK
    cut = min(len(items), max(CHUNK, (len(items) - tail) // CHUNK * CHUNK))
    half = max(1, CHUNK // 2)
    return [*(items[i:i + CHUNK] for i in range(0, cut, CHUNK)),
            *(items[i:i + half] for i in range(cut, len(items), half))]


def _ready() -> bool:
    return True


def _start_method() -> str:
    """``fork`` where it is safe and offered (one thread, no Qt loaded), else ``spawn``."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1 \
            and not any(name.startswith(("PySide6", "shiboken6")) for name in sys.modules):
        return "fork"
    return "spawn"


def map_on_all_cores(work: Callable[[Sequence[Item]], list[Result]], items: Sequence[Item],
                     initializer: Callable[..., None] | None = None, initargs: tuple = (),
                     here: Callable[[Sequence[Item]], list[Result]] | None = None) -> list[Result]:
    """``work(items)``, computed chunk by chunk in this process and in helper processes at once.

    ``work`` maps a chunk to one result per item, must be a module-level function (a helper imports it) and must
    not raise for a bad item (say so in its result): a chunk whose helper fails is worked again here, where an
    exception then propagates as it would without helpers. ``initializer(*initargs)`` runs once in each helper
    (loading what ``work`` needs there); ``here`` is the same work done in this process, which has it loaded
    already (default: ``work``)."""
    here = here or work
    helpers = helper_count(len(items))
    chunks = chunked(items, helpers)
    if not helpers or len(chunks) < 2:
        return here(items)
    results: list[list[Result] | None] = [None] * len(chunks)
    # the caller's first chunk before any helper starts: it compiles the tables the batch's languages need, which
    # a forked helper then has without compiling them again
    first = here(chunks[0])
    results[0] = first
    taken = 1
    start_method = _start_method()
    try:
        pool = ProcessPoolExecutor(helpers, mp_context=multiprocessing.get_context(start_method),
                                   initializer=initializer, initargs=initargs)
    except (OSError, ValueError):
        return [*first, *here(items[len(chunks[0]):])]
    pending: dict[Future, int | None] = {}
    try:
        # a spawned helper gets files only once it has started: files queued for a helper still importing would
        # wait there while the caller ran out of work; with no helper at all, the caller reads every chunk. A forked
        # helper starts at once, with every table the caller compiled: its files go to it right away (waiting for
        # it to say so kept it idle while the caller read a chunk of its own)
        with contextlib.suppress(OSError, BrokenProcessPool, RuntimeError):
            if start_method == "fork":
                while taken < min(len(chunks), 1 + helpers * AHEAD):
                    pending[pool.submit(work, chunks[taken])] = taken
                    taken += 1
            else:
                pending = {pool.submit(_ready): None for _ in range(helpers)}
        while taken < len(chunks) or any(index is not None for index in pending.values()):
            for future in [f for f in pending if f.done()]:
                index = pending.pop(future)
                try:
                    done = future.result()
                except Exception:  # noqa: BLE001 - a helper's failure only means the caller works this chunk
                    if index is not None:
                        results[index] = here(chunks[index])
                    continue
                if index is not None:
                    results[index] = done
                for _ in range(AHEAD if index is None else 1):  # a helper just started gets AHEAD chunks
                    if taken == len(chunks):
                        break
                    try:
                        pending[pool.submit(work, chunks[taken])] = taken
                    except (OSError, BrokenProcessPool, RuntimeError):
                        break
                    taken += 1
            if taken < len(chunks):
                results[taken] = here(chunks[taken])
                taken += 1
            elif pending:
                wait([f for f, index in pending.items() if index is not None], return_when=FIRST_COMPLETED)
    finally:
        # a helper still starting when the caller has done everything is not waited for; helpers that have
        # started are (they have nothing left to do, and so their CPU is counted as this process's children's)
        pool.shutdown(wait=None not in pending.values(), cancel_futures=True)
    return [result for chunk in results for result in (chunk or [])]

