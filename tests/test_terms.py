"""Terms: tokens, TF-IDF by hand, distinctive terms, keyword in context, positions."""

import math

import numpy as np
import pandas as pd
import pytest

from analysis import CorpusError, load_corpus
from analysis.terms import (
    compute_distinctive_terms,
    compute_kwic,
    compute_positions,
    document_terms,
    may_contain,
    term_pattern,
)
from analysis.vocabulary import analyze, min_df_for, stop_words


@pytest.fixture
def tanks(make_corpus):
    """Left: tanks twice and drones once; Right: drones and mines once each."""
    folder = make_corpus({
        "metadata.csv": "doc_id,file,title,outlet\na,a.txt,First,Left\nb,b.txt,Second,Right\n",
        "a.txt": "First\n\nTanks. Tanks. Drones.\n",
        "b.txt": "Second\n\nDrones. Mines.\n",
    })
    return load_corpus(folder)


def test_terms_are_unigrams_and_adjacent_bigrams():
    text = "\"Russia's threat is real,\" said Jens Stoltenberg of 150,000 troops, so-called drills."
    assert analyze(text) == ["russia", "threat", "real", "jens", "stoltenberg", "troops", "so-called",
                             "drills", "russia threat", "jens stoltenberg", "troops so-called",
                             "so-called drills"]


def test_domain_stop_words_are_added_to_scikit_learns():
    assert {"said", "told", "the", "and"} <= stop_words() and "nato" not in stop_words()


def test_min_df_grows_with_the_corpus():
    assert [min_df_for(n) for n in (3, 1999, 2000, 5000, 100_000)] == [1, 1, 2, 5, 10]


def test_tfidf_by_hand(tanks):
    idf_rare = math.log(3 / 2) + 1  # smoothed idf of a term in one of two documents
    tanks_weight = (1 + math.log(2)) * idf_rare  # sublinear tf of a count of 2
    norm = math.hypot(tanks_weight, 1.0)  # drones: tf 1, idf 1
    model = document_terms(tanks)
    assert model.terms.tolist() == ["drones", "mines", "tanks"]
    np.testing.assert_allclose(model.tfidf().toarray()[0], [1 / norm, 0, tanks_weight / norm])
    terms = compute_distinctive_terms(tanks)
    left = terms[terms["outlet"] == "Left"]
    assert left["term"].tolist() == ["tanks", "drones"] and left["count"].tolist() == [2, 1]
    assert left["tfidf"].iloc[0] == pytest.approx(tanks_weight / norm)
    assert terms.loc[terms["outlet"] == "Right", "term"].tolist() == ["mines", "drones"]


def test_distinctive_terms_average_an_outlets_documents(tiny):
    terms = compute_distinctive_terms(tiny, n=50)
    beta = terms[(terms["outlet"] == "Beta News") & (terms["term"] == "kyiv")].iloc[0]
    single = document_terms(tiny).tfidf().toarray()[2, list(document_terms(tiny).terms).index("kyiv")]
    assert beta["tfidf"] == pytest.approx(single / 2)  # in one of Beta News's two articles
    assert (beta["count"], beta["n_docs"], beta["n_docs_outlet"]) == (1, 1, 2)


def test_term_pattern_matches_whole_words_and_possessives():
    pattern = term_pattern("called")
    assert not pattern.search("the so-called drills") and pattern.search("they called it")
    assert term_pattern("russia").search("RUSSIA'S war").group() == "RUSSIA'S"
    assert term_pattern("eastern flank").search("the eastern  flank").group() == "eastern  flank"


def test_kwic_on_the_fixture(tiny):
    kwic = compute_kwic(tiny, "russia")
    assert kwic["sentence_id"].tolist() == ["alpha-s002", "beta-s000"]
    assert kwic["outlet"].tolist() == ["Alpha Times", "Beta News"]
    first = kwic.iloc[0]
    assert (first["left"], first["match"], first["right"]) == (
        '"', "Russia's", ' threat is real," said Jens Stoltenberg.')
    text = tiny.documents.set_index("doc_id").at["alpha", "text"]
    assert first["position"] == pytest.approx(text.index("Russia") / len(text))
    assert compute_kwic(tiny, "absent").empty


def test_may_contain_keeps_every_text_the_pattern_matches_and_drops_the_rest():
    texts = pd.Series(["the KISS", "the K\u0130SS", "the kı\u017fs", "the kis", None, "kiss-off"],
                      dtype="string")
    kept = may_contain(texts, "kiss")
    assert kept.tolist() == [True, True, True, False, False, True]
    matched = [t is not pd.NA and bool(term_pattern("kiss").search(t)) for t in texts]
    assert matched == [True, True, True, False, False, False]  # kept is a superset of matched
    assert may_contain(texts, "a kiss").tolist() == kept.tolist()  # its longest word is searched
    assert not may_contain(texts, "prime kiss").any()
    assert may_contain(texts, "straße").all()  # no ASCII word: nothing is dropped


def test_positions_list_every_occurrence(tiny):
    positions = compute_positions(tiny, ["nato", "russia"])
    assert positions.groupby("term").size().to_dict() == {"nato": 2, "russia": 2}
    assert positions["position"].between(0, 1).all()
    assert compute_positions(tiny, []).empty


def test_a_corpus_without_content_words_is_a_clear_error(make_corpus):
    corpus = load_corpus(make_corpus({"a.txt": "Title\n\nIt is what it is. And so on.\n"}))
    with pytest.raises(CorpusError, match="no term to analyse"):
        compute_distinctive_terms(corpus)


def test_positions_figure_has_one_row_per_group_beyond_thirty_articles():
    import matplotlib.pyplot as plt

    from analysis.plots.terms import plot_positions
    from analysis.terms import ARTICLE_ROWS
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(ARTICLE_ROWS + 1)],
                         "outlet": ["A"] * 20 + ["B"] * (ARTICLE_ROWS - 19)})
    positions = pd.DataFrame({"term": ["nato", "nato"], "outlet": ["A", "B"],
                              "doc_id": ["d0", "d30"], "position": [0.1, 0.9]})
    fig = plot_positions(positions, docs)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["A (n=20)", "B (n=11)"]
    plt.close(fig)
    fig = plot_positions(positions, docs.head(ARTICLE_ROWS))
    assert len(fig.axes[0].get_yticklabels()) == ARTICLE_ROWS
    plt.close(fig)


def test_top_cells_keeps_ties_and_only_allowed_cells():
    import numpy as np

    from analysis.terms import top_cells

    scores = np.array([[0.5, 0.9, 0.5, 0.1], [0.3, 0.2, 0.8, 0.8]])
    allowed = np.array([[True, False, True, True], [True, True, False, True]])
    rows, cols = top_cells(scores, allowed, 1)
    assert rows.tolist() == [0, 0, 1] and cols.tolist() == [0, 2, 3]  # a tie at 0.5 keeps both
    rows, cols = top_cells(scores, allowed, 5)
    assert rows.tolist() == [0, 0, 0, 1, 1, 1] and cols.tolist() == [0, 2, 3, 0, 1, 3]
