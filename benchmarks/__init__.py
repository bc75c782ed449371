"""Benchmarks: each module measures ours against a naive baseline in the same run (``make bench``)."""
