"""Process clock and memory readings (standard library only), for the start-up benchmark hook and benchmarks/.

Kept free of every other import so the naive baseline script can read the same clock without paying for mapview.
"""

from __future__ import annotations

import os
import time


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
