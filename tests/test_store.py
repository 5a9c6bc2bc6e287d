"""The corpus store: results computed once, read back identical, invalidated by any input change."""

import shutil
import subprocess
import sys
import warnings

import pandas as pd
import pytest

from analysis import config, load_corpus
from analysis.corpus import describe_groups
from analysis.errors import CorpusWarning
from analysis.quotes import compute_quotes
from analysis.store import KEEP, Store, corpus_key, drawing_key, open_store, package_key
from tests.conftest import TINY


def tables(out, corpus, env):
    result = subprocess.run([sys.executable, "-m", "analysis", "tables", "--corpus", str(corpus),
                             "--out", str(out)], capture_output=True, text=True, env=env,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "tiny"
    shutil.copytree(TINY, folder)
    return folder


def test_tables_from_the_store_are_the_tables_computed_afresh(tmp_path, corpus, monkeypatch):
    monkeypatch.delenv(config.STORE_ENV)
    env = dict(__import__("os").environ)
    cold = tables(tmp_path / "a", corpus, env)
    entries = list((tmp_path / "a" / "store").iterdir())
    assert len(entries) == 1 and (entries[0] / "corpus.sentences.parquet").is_file()
    assert (entries[0] / "table.keyness.parquet").is_file()
    # a table a per-corpus function makes is stored once, under the function's name
    assert (entries[0] / "quotes.compute_quotes.parquet").is_file()
    assert not list(entries[0].glob("table.quotes.*"))
    warm = tables(tmp_path / "a", corpus, env)  # same --out: reads the store
    off = tables(tmp_path / "b", corpus, {**env, config.STORE_ENV: "off"})
    assert cold == warm == off and len(cold) > 20
    assert not (tmp_path / "b" / "store").exists()


def test_a_stored_corpus_gives_the_same_tables_and_warnings(corpus, tmp_path):
    (corpus / "metadata.csv").unlink()  # one group: a warning on every load
    with pytest.warns(CorpusWarning, match="one group"):
        first = load_corpus(corpus, store=tmp_path / "store")
    with pytest.warns(CorpusWarning, match="one group"):
        second = load_corpus(corpus, store=tmp_path / "store")
    assert second.store is not None and second.store.path == first.store.path
    for name in ("documents", "paragraphs", "sentences", "removed", "skipped"):
        pd.testing.assert_frame_equal(getattr(first, name), getattr(second, name))
    assert second.notes == first.notes and second.warned == first.warned
    assert compute_quotes(second).equals(compute_quotes(first))
    assert second.store.has("quotes.compute_quotes")


def test_a_changed_article_or_grouping_is_a_new_entry(corpus, tmp_path):
    key = corpus_key(corpus, "outlet")
    assert corpus_key(corpus, "outlet") == key
    assert corpus_key(corpus, "standpoint") != key
    old = load_corpus(corpus, store=tmp_path / "store")
    path = corpus / "alpha.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("more troops", "many more troops"),
                    encoding="utf-8")
    assert corpus_key(corpus, "outlet") != key
    new = load_corpus(corpus, store=tmp_path / "store")
    assert new.store.path != old.store.path
    assert "many more troops" in new.documents.set_index("doc_id").at["alpha", "text"]


def test_a_damaged_entry_is_recomputed(corpus, tmp_path):
    first = load_corpus(corpus, store=tmp_path / "store")
    (first.store.path / "corpus.sentences.parquet").write_bytes(b"not parquet")
    second = load_corpus(corpus, store=tmp_path / "store")
    pd.testing.assert_frame_equal(second.sentences, first.sentences)


def test_a_stored_corpus_reads_a_table_only_when_it_is_used(corpus, tmp_path, monkeypatch):
    first = load_corpus(corpus, store=tmp_path / "store")
    read = []
    get = Store.get
    monkeypatch.setattr(Store, "get", lambda self, name: read.append(name) or get(self, name))
    second = load_corpus(corpus, store=tmp_path / "store")
    assert read == ["corpus.notes"]
    # the groups come from a small stored table: the article text is not read for them
    assert second.outlets == first.outlets and read == ["corpus.notes", "corpus.groups"]
    assert describe_groups(second) == describe_groups(first)
    pd.testing.assert_frame_equal(second.sentences, first.sentences)
    pd.testing.assert_frame_equal(second.sentences, first.sentences)  # read once
    assert read == ["corpus.notes", "corpus.groups", "corpus.sentences"]
    assert len(second.documents) == len(first.documents)
    assert second.groups().equals(first.groups()) and read[-1] == "corpus.documents"


def test_store_off_writes_nothing(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv(config.STORE_ENV, "off")
    assert open_store(corpus, "outlet") is None
    assert load_corpus(corpus).store is None


def test_values_round_trip_and_old_entries_are_pruned(tmp_path):
    table = pd.DataFrame({"a": pd.array(["x", None], dtype="string"), "b": [True, False],
                          "c": [1.5, float("nan")]}, index=[3, 7])
    for i in range(KEEP + 2):
        store = Store(tmp_path, f"{i:024d}", "c")
        store.put("t", table)
        store.put("o", {"any": [1, 2]})
        store.prune()
    assert store.has("t") and pd.testing.assert_frame_equal(store.get("t"), table) is None
    assert store.get("o") == {"any": [1, 2]} and store.get("missing") is None
    assert len(list(tmp_path.glob("c-*"))) == KEEP


def test_tables_not_read_back_are_of_types_parquet_gives_back_exactly(tmp_path, monkeypatch):
    import numpy as np

    from analysis import store as store_module

    exact = pd.DataFrame({
        "i": np.array([0, -1, 2**62, -(2**63)], dtype="int64"),
        "f": [-0.0, float("nan"), float("inf"), 1e-300],
        "b": [True, False, True, False],
        "s": pd.array(["é İ 💘", None, "", "a\0b"], dtype="string"),
        "t": pd.array(["x", None, "", "ß"], dtype="str"),
    }, index=pd.Index([5, 3, -2, 0], dtype="int64", name="row"))
    assert set(map(str, exact.dtypes)) - {"string", "str"} == store_module._EXACT_TYPES
    for table in (exact, exact.reset_index(drop=True), exact.iloc[:0]):
        assert store_module._round_trips(table)
        Store(tmp_path, "0" * 24).put("t", table)
        back = Store(tmp_path, "0" * 24).get("t")
        pd.testing.assert_frame_equal(back, table, check_exact=True)
        assert back["f"].map(np.signbit).tolist() == table["f"].map(np.signbit).tolist()
    # any other type, or another index, is read back after writing
    others = [exact.assign(n=pd.array([1, None, 3, 4], dtype="Int64")),
              exact.assign(d=pd.to_datetime(["2022-02-24"] * 4)), exact.set_index("s"),
              exact.assign(o=[1, "a", 2.5, None]),
              exact.assign(p=pd.array(["x", None, "", "ß"], dtype=pd.StringDtype(
                  "pyarrow" if pd.StringDtype().storage == "python" else "python")))]
    checked = []
    monkeypatch.setattr(store_module, "_reads_back", lambda value, path: checked.append(path) or True)
    for table in others:
        assert not store_module._round_trips(table)
    for table in others[:3] + others[4:]:
        Store(tmp_path, "0" * 24).put("t", table)
    assert len(checked) == 4


def test_warnings_of_the_store_load_name_the_file(corpus, tmp_path):
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    for _ in range(2):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            load_corpus(corpus, store=tmp_path / "store")
        assert any("empty.txt" in str(w.message) for w in caught)


def test_a_figure_drawn_once_is_written_again_from_the_store(corpus, tmp_path):
    from matplotlib.figure import Figure

    from analysis.pipeline import FigureSpec, render_figure

    calls = []

    def make(c):
        calls.append(1)
        fig = Figure()
        fig.add_subplot().plot([0, 1], [1, 2])
        return fig, pd.DataFrame({"x": [0, 1], "y": [1, 2]})

    spec = FigureSpec("00-test", "line", make, lambda d: "a line")
    loaded = load_corpus(corpus, store=tmp_path / "store")
    fig, data = render_figure(spec, loaded, tmp_path / "one")
    again, data_again = render_figure(spec, load_corpus(corpus, store=tmp_path / "store"),
                                      tmp_path / "two")
    assert fig is not None and again is None and len(calls) == 1
    pd.testing.assert_frame_equal(data, data_again)
    for suffix in ("png", "svg", "csv"):
        name = f"00-test-line.{suffix}"
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    render_figure(spec, load_corpus(corpus, store=tmp_path / "store"), tmp_path / "two")
    assert len(calls) == 1
    (corpus / "new.txt").write_text("A new article. It changes the store key.\n")
    render_figure(spec, load_corpus(corpus, store=tmp_path / "store"), tmp_path / "three")
    assert len(calls) == 2


def test_drawing_code_names_stored_figures_and_leaves_the_tables_key(tmp_path):
    package = tmp_path / "pkg"
    (package / "plots").mkdir(parents=True)
    (package / "measure.py").write_text("X = 1\n")
    (package / "plotting.py").write_text("COLOR = 'red'\n")
    (package / "plots" / "bars.py").write_text("WIDTH = 1\n")
    tables, figures = package_key(package), drawing_key(package)
    (package / "plots" / "bars.py").write_text("WIDTH = 2\n")
    assert package_key(package) == tables and drawing_key(package) != figures
    figures = drawing_key(package)
    (package / "plotting.py").write_text("COLOR = 'blue'\n")
    assert package_key(package) == tables and drawing_key(package) != figures
    figures = drawing_key(package)
    (package / "measure.py").write_text("X = 2\n")
    assert package_key(package) != tables and drawing_key(package) == figures


def test_a_term_in_context_is_found_once_and_read_back(corpus, tmp_path, monkeypatch):
    from analysis import terms

    fresh = terms.compute_kwic(load_corpus(corpus, store=None), "russia")
    first = terms.compute_kwic(load_corpus(corpus, store=tmp_path / "store"), "russia")
    monkeypatch.setattr(terms, "_kwic", lambda *a: pytest.fail("scanned the sentences again"))
    again = terms.compute_kwic(load_corpus(corpus, store=tmp_path / "store"), "russia")
    assert len(fresh) > 1
    pd.testing.assert_frame_equal(first, fresh)
    pd.testing.assert_frame_equal(again, fresh)
    with pytest.raises(pytest.fail.Exception):  # another term, or another width, is computed
        terms.compute_kwic(load_corpus(corpus, store=tmp_path / "store"), "nato")
    with pytest.raises(pytest.fail.Exception):
        terms.compute_kwic(load_corpus(corpus, store=tmp_path / "store"), "russia", width=10)


def test_the_tone_summaries_and_topic_prevalence_a_notebook_shows_are_read_back(corpus, tmp_path,
                                                                                 monkeypatch):
    from analysis import sentiment, topics

    measures = (sentiment.compute_actor_sentiment, sentiment.compute_voice_sentiment,
                topics.compute_topic_prevalence)
    first = [measure(load_corpus(corpus, store=tmp_path / "store")) for measure in measures]
    monkeypatch.setattr(sentiment, "summarise_tone", lambda *a: pytest.fail("summarised again"))
    monkeypatch.setattr(topics, "summarise_columns", lambda *a, **k: pytest.fail("summarised again"))
    again = [measure(load_corpus(corpus, store=tmp_path / "store")) for measure in measures]
    for a, b in zip(first, again, strict=True):
        assert len(a) > 0
        pd.testing.assert_frame_equal(a, b)
