"""Cost of the actor knowledge base: CPU time of the build, of the first lookup that reads the
deferred Phoenix people table, and the peak RSS they add (docs/accuracy.md)::

    python benchmarks/kb_load.py
"""

from __future__ import annotations

import resource
import time

from dateline.actors.kb import KnowledgeBase


def main() -> None:
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.process_time()
    kb = KnowledgeBase.from_files()
    t1 = time.process_time()
    kb.lookup("Nobody Inparticular")  # a miss: reads phoenix_people.csv
    t2 = time.process_time()
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"build {t1 - t0:.2f} s CPU, first miss {t2 - t1:.2f} s CPU, "
        f"peak RSS +{(rss1 - rss0) / 1024:.0f} MB; {kb.counts()}"
    )


if __name__ == "__main__":
    main()
