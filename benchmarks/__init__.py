"""Benchmarks: answer quality vs baselines, matcher latency at scale, end-to-end throughput.

Run them all with `python benchmarks/run.py`. Nothing here is a test: figures are measured
and printed, never asserted.
"""
