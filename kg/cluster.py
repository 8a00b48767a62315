"""Building on a Dask distributed cluster (``kg build --engine dask --scheduler ADDRESS``).

Each input file is one task: a Dask worker reads, extracts, resolves and
graphs it (``kg.build.build_one``) and sends back its part, which this
process writes to the cache and assembles like any other. The workers load
the gazetteer and lexicons once per process. Input files are read by the
workers, so they must see the same paths as this process (a shared or copied
file system, as on a cluster with a network file system).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache

from kg.build import Job, Outcome, Settings, build_one, make_lexicons
from kg.extract import Lexicons
from kg.resolve import Resources

# How many tasks are in flight at once per worker thread: enough to keep the cluster
# busy, few enough that finished parts do not pile up in this process.
IN_FLIGHT_PER_THREAD = 4


@cache
def _resources(max_title: int) -> tuple[Resources, Lexicons]:
    # Once per worker process (memoised): the gazetteer and lexicons take seconds to load.
    res = Resources.load()
    return res, make_lexicons(res, max_title=max_title)


def build_on_worker(job: Job, settings: Settings) -> Outcome:
    """The task a Dask worker runs for one file."""
    res, lexicons = _resources(settings.max_title)
    return build_one(job, res, lexicons, settings)


def run_jobs_dask(jobs: Sequence[Job], settings: Settings, scheduler: str) -> Iterator[Outcome]:
    """Build ``jobs`` on the cluster whose scheduler listens at ``scheduler``, in order."""
    from distributed import Client

    with Client(scheduler, set_as_default=False) as client:
        threads = max(1, sum(client.nthreads().values()))
        window = threads * IN_FLIGHT_PER_THREAD
        pending = []
        queue = list(jobs)
        position = 0
        while position < len(queue) or pending:
            while position < len(queue) and len(pending) < window:
                job = queue[position]
                pending.append(
                    client.submit(build_on_worker, job, settings, key=f"kg-{position}-{job.label}")
                )
                position += 1
            future = pending.pop(0)
            outcome = future.result()
            future.release()
            yield outcome
