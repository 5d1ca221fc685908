"""Corpus runs: many articles coded into one store.

``local`` codes in this process or a pool of worker processes (``dateline run``); ``dask``
partitions the inputs over a Dask cluster (``dateline run --engine dask``, ``dateline dask-run``).
Both share ``local.code_batch`` and report a ``local.RunSummary``.
"""
