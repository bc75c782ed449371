"""Process clock and memory readings (standard library only), for the start-up benchmark hook and benchmarks/.

Kept free of every other import so the naive baseline script can read the same clock without paying for mapview.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager


def seconds_since_process_start() -> float:
    """Seconds since this process was started (kernel start time; 10 ms resolution on most Linux systems)."""
    with open("/proc/self/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    start_ticks = int(fields[19])  # field 22 of proc(5); the two fields before the ')' split are gone
    return time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK")


def rss_megabytes() -> float:
    """This process's resident set size (VmRSS) in MB, 0.0 where /proc is unavailable."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def settle_heap(collect: bool = False) -> None:
    """Move everything alive now (the loaded project: tens of thousands of records) out of the cycle collector's way.

    Without this, a full collection triggered by a click walks every record of a large project (about 110 ms at
    10,000 claims) and that click misses its 100 ms. Called by the running application after a load; on a reload,
    ``collect=True`` first frees the old project's cycles, which would otherwise stay frozen.
    """
    import gc

    gc.unfreeze()
    if collect:
        gc.collect()
    gc.freeze()


@contextmanager
def collection_paused(freeze_after: bool = False) -> Iterator[None]:
    """No cycle collection inside the block (the collector restored after, as it was); with ``freeze_after``,
    everything alive at its end is moved out of the collector's way (``gc.freeze``).

    For allocations that all live on, such as a project's records or the start-up imports' modules, classes and
    functions: each collection would only walk them again. Without the freeze, the first collections after the
    block would walk all of them (measured at start-up: pausing the imports alone cost more than it saved, 85 ms
    of collections against 65; with the freeze, 6 ms). The freeze also keeps the few cycles imports leave as
    garbage: not worth a full collection at start-up.
    """
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze_after:
            gc.freeze()
        if enabled:
            gc.enable()


def heap_settled() -> bool:
    """Whether :func:`settle_heap` has been called in this process (the running application, not the tests)."""
    import gc

    return gc.get_freeze_count() > 0
