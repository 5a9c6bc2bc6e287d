"""Per-document work in Dask partitions gives the tables of a single-process run."""

import pandas as pd
import pytest

from analysis import config, load_corpus
from analysis.errors import CorpusError
from analysis.parallel import (
    PARTITION_ENV,
    SCHEDULER_ENV,
    WORKERS_ENV,
    in_background,
    map_with,
    partitions,
    warm_up,
    workers,
)
from analysis.pipeline import write_tables
from tests.conftest import TINY


def test_partitions_keep_documents_whole_and_rows_in_order():
    table = pd.DataFrame({"doc_id": list("aaabbcddddde"), "x": range(12)})
    parts = partitions(table, rows=3)
    assert [p["doc_id"].tolist() for p in parts] == [list("aaa"), list("bbc"), list("ddddd"),
                                                     list("e")]
    assert pd.concat(parts).equals(table)
    # as few parts as hold the rows, of equal size: 12 rows at most 5 a part are 4 + 4 + 4
    assert [len(p) for p in partitions(table["x"], key=None, rows=5)] == [4, 4, 4]
    assert [len(p) for p in partitions(pd.Series(range(21_386)), key=None, rows=20_000)] == \
        [10_693, 10_693]
    assert partitions(table, rows=100)[0] is table


def test_partitions_weigh_rows_by_their_sizes():
    docs = pd.Series(["a", "b", "c", "d", "e"])
    parts = partitions(docs, key=None, rows=4, sizes=[3, 1, 5, 1, 1])
    assert [p.tolist() for p in parts] == [["a", "b"], ["c"], ["d", "e"]]
    assert partitions(docs, key=None, rows=11, sizes=[3, 1, 5, 1, 1])[0] is docs


def test_map_with_cuts_every_table_to_the_partitions_documents(monkeypatch):
    monkeypatch.setenv(WORKERS_ENV, "1")
    monkeypatch.setenv(PARTITION_ENV, "2")
    docs = pd.DataFrame({"doc_id": list("bacd"), "n": [1, 2, 3, 4]})
    other = pd.DataFrame({"doc_id": list("aabccd"), "x": range(6)})
    calls = []

    def joined(part, rows):
        calls.append((part["doc_id"].tolist(), rows["doc_id"].tolist()))
        return part.merge(rows, on="doc_id")

    result = map_with(joined, docs, (other,))
    assert calls == [(["b", "a"], ["a", "a", "b"]), (["c", "d"], ["c", "c", "d"])]
    assert result.to_dict("list") == {"doc_id": list("baaccd"), "n": [1, 2, 2, 3, 3, 4],
                                      "x": [2, 0, 1, 3, 4, 5]}
    # an empty partition's rows do not set the columns' types
    empty_first = map_with(lambda part: pd.DataFrame(columns=part.columns) if part["n"].iat[0] == 1
                           else part, docs)
    assert empty_first["n"].tolist() == [3, 4] and empty_first["n"].dtype == "int64"


def test_cleaning_in_many_partitions_gives_the_same_tables(monkeypatch, no_store):
    monkeypatch.setenv(WORKERS_ENV, "1")
    whole = load_corpus(config.SEEDS_DIR)
    monkeypatch.setenv(WORKERS_ENV, "2")  # in one process the corpus is not cut
    monkeypatch.setenv(PARTITION_ENV, "7")  # documents cut apart, lines of each kept together
    cut = load_corpus(config.SEEDS_DIR)
    assert len(whole.removed) == 40
    for name in ("documents", "paragraphs", "sentences", "removed", "skipped"):
        pd.testing.assert_frame_equal(getattr(cut, name), getattr(whole, name), check_exact=True)


def test_settings_are_checked(monkeypatch):
    monkeypatch.setenv(WORKERS_ENV, "two")
    with pytest.raises(CorpusError, match="ANALYSIS_WORKERS='two'"):
        workers()
    monkeypatch.setenv(WORKERS_ENV, "0")
    with pytest.raises(CorpusError, match="at least 1"):
        workers()


def csv_tables(out, group_by=None):
    corpus = load_corpus(config.SEEDS_DIR, group_by=group_by)
    write_tables(corpus, out)
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}


@pytest.fixture
def no_store(monkeypatch):
    monkeypatch.setenv(config.STORE_ENV, "off")


def test_local_processes_give_the_single_process_tables(tmp_path, monkeypatch, no_store):
    monkeypatch.setenv(WORKERS_ENV, "1")
    single = csv_tables(tmp_path / "one")
    monkeypatch.setenv(WORKERS_ENV, "2")
    monkeypatch.setenv(PARTITION_ENV, "7")  # many partitions on five articles
    monkeypatch.setattr("analysis.topics.PARALLEL_NNZ", 0)  # topics fitted in the background, last
    assert csv_tables(tmp_path / "two") == single


def test_a_dask_cluster_gives_the_single_process_tables(tmp_path, monkeypatch, no_store):
    distributed = pytest.importorskip("distributed")
    monkeypatch.setenv(WORKERS_ENV, "1")
    single = load_corpus(TINY)
    write_tables(single, tmp_path / "one")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        monkeypatch.setenv(SCHEDULER_ENV, cluster.scheduler_address)
        monkeypatch.setenv(PARTITION_ENV, "2")
        on_cluster = load_corpus(TINY)
        write_tables(on_cluster, tmp_path / "cluster")
    for path in sorted((tmp_path / "one").glob("*.csv")):
        assert (tmp_path / "cluster" / path.name).read_bytes() == path.read_bytes(), path.name


def _pid_and_sum(a: int, b: int) -> tuple[int, int]:
    import os

    return os.getpid(), a + b


def test_in_background_runs_in_a_worker_process_and_here_with_one_worker(monkeypatch):
    import os

    monkeypatch.setenv(WORKERS_ENV, "2")
    pid, total = in_background(_pid_and_sum, 2, 3).result()
    assert total == 5 and pid != os.getpid()
    monkeypatch.setenv(WORKERS_ENV, "1")
    done = in_background(_pid_and_sum, 2, 3)
    assert done.done() and done.result() == (os.getpid(), 5)


def test_warm_up_starts_the_workers_only_when_there_are_several(monkeypatch):
    from analysis import parallel

    monkeypatch.setattr(parallel, "_pool", {})
    monkeypatch.setenv(WORKERS_ENV, "1")
    warm_up(("analysis.segment",))
    assert parallel._pool == {}
    monkeypatch.setenv(WORKERS_ENV, "2")
    warm_up(("analysis.segment",))
    pool = parallel._pool[2]
    assert pool.submit(_pid_and_sum, 1, 1).result()[1] == 2
    pool.shutdown()


def _pid_after_a_while(_part) -> int:
    import os
    import time

    time.sleep(1)  # holds its worker, so that the next partition must go to the other one
    return os.getpid()


def test_partitions_are_spread_over_the_workers(monkeypatch):
    # Dask's process scheduler sends up to six ready tasks to one worker as a batch unless told
    # otherwise: two partitions then ran one after the other in the same process
    from analysis.parallel import run_partitions

    monkeypatch.setenv(WORKERS_ENV, "2")
    assert len(run_partitions(_pid_after_a_while, [1, 2], set)) == 2


def _interrupt_handler() -> str:
    import signal

    return repr(signal.getsignal(signal.SIGINT))


def test_workers_leave_ctrl_c_to_their_parent(monkeypatch):
    import signal

    # a kernel's shutdown or a Ctrl-C reaches the process group: no KeyboardInterrupt in workers
    monkeypatch.setenv(WORKERS_ENV, "2")
    assert in_background(_interrupt_handler).result() == repr(signal.SIG_IGN)
    assert _interrupt_handler() != repr(signal.SIG_IGN)  # this process still takes it
