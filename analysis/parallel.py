"""Per-document work in partitions, run by Dask: in this process, on local cores, or on a cluster.

A partition is a run of whole documents (rows of one doc_id never straddle two partitions), so
a per-document function gives the same rows whichever way the corpus is cut; results are joined
in partition order, so the tables are identical to a single-process run. Small inputs (one
partition) run in this process: starting workers would cost more than it saves.

Settings: $ANALYSIS_WORKERS (default: every core; 1 = no worker processes),
$ANALYSIS_PARTITION_ROWS (rows a partition, default PARTITION_ROWS) and $DASK_SCHEDULER_ADDRESS
(tcp://HOST:PORT of a running Dask scheduler: the partitions then run on its cluster).
"""

import atexit
import contextlib
import importlib
import math
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial

import numpy as np
import pandas as pd

from analysis.errors import CorpusError
from analysis.progress import progress, showing

WORKERS_ENV = "ANALYSIS_WORKERS"
PARTITION_ENV = "ANALYSIS_PARTITION_ROWS"
SCHEDULER_ENV = "DASK_SCHEDULER_ADDRESS"
PARTITION_ROWS = 20_000
_pool: dict[int, ProcessPoolExecutor] = {}


def _setting(name: str, default: int) -> int:
    value = os.environ.get(name)
    try:
        number = int(value) if value else default
    except ValueError:
        raise CorpusError(f"{name}={value!r}: not a whole number") from None
    if number < 1:
        raise CorpusError(f"{name}={value!r}: must be at least 1")
    return number


def workers() -> int:
    """How many local worker processes run partitions ($ANALYSIS_WORKERS, else every core)."""
    return _setting(WORKERS_ENV, os.cpu_count() or 1)


def partition_rows() -> int:
    """The number of rows a partition holds at most (whole documents may exceed it)."""
    return _setting(PARTITION_ENV, PARTITION_ROWS)


def scheduler() -> str | None:
    """The address of the Dask scheduler to run on, if one is set."""
    return os.environ.get(SCHEDULER_ENV) or None


def in_this_process() -> bool:
    """Whether partitions run here, one after another (one worker, no scheduler)."""
    return scheduler() is None and workers() == 1


def partitions(table, key: str | None = "doc_id", rows: int | None = None,
               sizes: np.ndarray | None = None) -> list:
    """Cut a table (or Series) into runs of about `rows` rows, each ending where `key` changes
    (anywhere when `key` is None): as few runs as hold it, of about equal size (21,000 rows
    make two of 10,500, not 20,000 and 1,000, so two workers share the work). With `sizes`, a
    row counts as that many (a document as the lines it holds)."""
    rows = rows or partition_rows()
    n = len(table)
    weight = np.ones(n, dtype=np.int64) if sizes is None else np.asarray(sizes, dtype=np.int64)
    total = int(weight.sum())
    if total <= rows:
        return [table]
    rows = math.ceil(total / math.ceil(total / rows))  # as many parts as needed, of equal size
    if key is None:
        starts = np.arange(n)
    else:
        values = table[key].to_numpy()
        starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])  # first row of each run
    before = np.r_[0, np.cumsum(weight)]  # weight of the rows before each row
    cuts, last = [0], 0
    for start in starts[1:]:
        if before[start] - before[last] >= rows:
            cuts.append(int(start))
            last = start
    cuts.append(n)
    return [table.iloc[a:b] for a, b in zip(cuts[:-1], cuts[1:], strict=True)]


def _local_pool(n: int) -> ProcessPoolExecutor:
    """One pool of `n` worker processes for the life of this process (started on first use)."""
    if n not in _pool:
        _pool[n] = ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_ignore_interrupts)
        atexit.register(_pool[n].shutdown, cancel_futures=True)
    return _pool[n]


def _ignore_interrupts() -> None:
    """In a worker: leave Ctrl-C (SIGINT) to the process that started it. A notebook kernel's
    shutdown or a Ctrl-C reaches the whole process group; the workers then printed a
    KeyboardInterrupt traceback each, while their parent stops them in order (atexit)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def warm_up(modules: tuple[str, ...]) -> None:
    """Start the local worker processes now, each importing `modules`, while this process goes
    on (nothing with one worker or on a cluster): a large corpus then does not wait for them."""
    n = workers()
    if scheduler() is not None or n == 1:
        return
    pool = _local_pool(n)
    for _ in range(n):
        pool.submit(_import, ("dask.multiprocessing", *modules))


def _import(modules: tuple[str, ...]) -> None:
    for module in modules:
        importlib.import_module(module)


def run_partitions(fn: Callable, parts: list, combine: Callable[[list], object]):
    """`combine([fn(p) for p in parts])`, the calls run by Dask when there is more than one."""
    address, n = scheduler(), workers()
    name = getattr(fn, "__name__", "partitions").strip("_").replace("_", " ")
    if len(parts) <= 1 or (address is None and n == 1):
        return combine([fn(p) for p in progress(parts, name, total=len(parts))])
    import dask
    from dask import delayed

    # pure=False: a task's key is a random name, not a hash of its partition (hashing every
    # partition took 2.0 s of this process's time in `tables` on 10,000 articles)
    tasks = [delayed(fn, pure=False)(p) for p in parts]
    if address is not None:
        from distributed import Client

        with Client(address, set_as_default=False) as client:
            return combine(list(dask.compute(*tasks, scheduler=client)))
    with _dask_bar():
        # one partition a submission: Dask's default (chunksize 6) sends up to six ready
        # partitions to one worker as a batch, so that a corpus of six partitions or fewer ran
        # in one process while the others waited
        return combine(list(dask.compute(*tasks, scheduler="processes", pool=_local_pool(n),
                                         chunksize=1)))


def in_background(fn: Callable, *args) -> Future:
    """`fn(*args)` started in a local worker process while this one goes on; with one worker
    ($ANALYSIS_WORKERS=1) run here at once. The Future gives the result or raises."""
    n = workers()
    if n == 1:
        done: Future = Future()
        done.set_result(fn(*args))
        return done
    return _local_pool(n).submit(fn, *args)


def _dask_bar():
    """Dask's progress bar on stderr when bars are shown, else nothing."""
    if not showing():
        return contextlib.nullcontext()
    from dask.diagnostics import ProgressBar

    return ProgressBar(out=sys.stderr)


def _apply(fn: Callable, job: tuple):
    return fn(*job)


def map_with(fn: Callable[..., pd.DataFrame], table: pd.DataFrame, others: tuple = (),
             key: str = "doc_id", sizes: np.ndarray | None = None) -> pd.DataFrame:
    """`fn(table, *others)` computed partition by partition of whole documents of `table` (in its
    order), each table of `others` cut to the partition's documents; rows renumbered. `fn` must
    give each document's rows from its own rows alone, in `table`'s order."""
    parts = partitions(table, key, sizes=sizes)
    jobs = [(table, *others)] if len(parts) == 1 else [
        (part, *(other[other[key].isin(part[key].unique())] for other in others)) for part in parts]
    bound = partial(_apply, fn)
    bound.__name__ = getattr(fn, "__name__", "partitions")
    return run_partitions(bound, jobs, _concat_rows)


def joined_lists(parts: list[list]) -> list:
    """The partitions' lists, one after another."""
    return [item for part in parts for item in part]


def _concat_rows(results: list[pd.DataFrame]) -> pd.DataFrame:
    """The partitions' rows in order (an empty part, whose columns may lack their types, only
    when every part is empty)."""
    return pd.concat([r for r in results if len(r)] or results[:1], ignore_index=True)
