"""Shared copy: sentences that share most of their word 5-grams with a sentence of another outlet
(wire copy, re-published press releases), each with the copy most like it, grouped into passages of
consecutive sentences; rows and work linear in the sentences however often a text is copied."""

from array import array
from collections import defaultdict

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.segment import tokenize_words

SHINGLE_WORDS = 5
# A pair is shared copy when the shared shingles cover this much of the shorter sentence.
MIN_CONTAINMENT = 0.5
# Shingles found in more distinct texts than this are stock phrases, not evidence of copying (and
# would make the candidate pairs grow quadratically on a large corpus). A text copied word for word
# any number of times is one text.
MAX_SHINGLE_TEXTS = 50


def word_ids(texts: pd.Series) -> tuple[np.ndarray, np.ndarray, int]:
    """The lower-cased words of the texts as integer ids in order of first appearance (the texts'
    words one after another), the number of words of each text, and the number of distinct
    words; no word is held as a string but once, in the vocabulary."""
    vocabulary: defaultdict[str, int] = defaultdict(lambda: len(vocabulary))
    ids, lengths = array("q"), array("q")
    for text in texts.to_numpy(dtype=object):
        words = tokenize_words(text.lower()) if isinstance(text, str) else []
        ids.extend(map(vocabulary.__getitem__, words))
        lengths.append(len(words))
    return (np.frombuffer(ids, dtype=np.int64) if ids else np.zeros(0, dtype=np.int64),
            np.frombuffer(lengths, dtype=np.int64) if lengths else np.zeros(0, dtype=np.int64),
            len(vocabulary))


def shingle_codes(sentences: pd.DataFrame, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (sentence row, shingle code) pairs, sorted: each lower-cased word n-gram gets an
    integer code, built word by word from word ids (exact: no hash collisions; linear time)."""
    ids, lengths, n_words = word_ids(sentences["text"])
    return _distinct_pairs(*_shingles(ids, lengths, n_words, n))


def _shingles(ids: np.ndarray, lengths: np.ndarray, n_words: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(text row, shingle code) of every word n-gram of texts given as word ids (word_ids)."""
    row_of = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    start = np.arange(max(len(ids) - n + 1, 0))
    start = start[row_of[start] == row_of[start + n - 1]]  # n-grams inside one text
    codes = ids[start].astype(np.int64)
    for k in range(1, n):  # (code of the first k words, next word) -> code of k + 1 words
        codes = pd.factorize(codes * n_words + ids[start + k])[0].astype(np.int64)
    return row_of[start], codes


def _distinct_pairs(rows: np.ndarray, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (row, code) pairs, sorted."""
    n_codes = int(codes.max()) + 1 if len(codes) else 1
    pairs = np.sort(rows * n_codes + codes)  # sort, then drop repeats: np.unique's hash
    first = np.ones(len(pairs), dtype=bool)  # path (measured in numpy 2.4.6) is ~100x slower on these
    first[1:] = pairs[1:] != pairs[:-1]
    pairs = pairs[first]
    return pairs // n_codes, pairs % n_codes


def text_classes(texts: pd.Series, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each text's class (the texts with the same lower-cased words are one class; -1 for a missing
    text), and the distinct (class, shingle code) pairs: each distinct text is split into words
    once, however often it is copied."""
    keys, distinct = pd.factorize(texts)
    ids, lengths, n_words = word_ids(pd.Series(distinct, dtype=object))
    bounds = np.r_[0, np.cumsum(lengths)]
    classes = pd.factorize(pd.Series([ids[a:b].tobytes() for a, b in zip(bounds[:-1], bounds[1:],
                                                                          strict=True)],
                                     dtype=object))[0]
    rows, codes = _shingles(ids, lengths, n_words, n)
    cls_rows, cls_codes = _distinct_pairs(classes[rows], codes)
    return np.where(keys >= 0, classes[np.maximum(keys, 0)], -1), cls_rows, cls_codes


def class_links(rows: np.ndarray, codes: np.ndarray, n_classes: int,
                min_containment: float) -> pd.DataFrame:
    """Pairs of text classes (u, v; both orders, and each class with itself) whose shared shingles
    cover at least `min_containment` of the shorter, with n_shared, containment and Jaccard.

    Only shingles found in 2 to MAX_SHINGLE_TEXTS classes are counted between two classes (from a
    sparse product, so the work grows with the texts, not with their square); a class and itself
    share all of their shingles."""
    sizes = np.bincount(rows, minlength=n_classes)
    spread = np.bincount(codes)
    keep = (spread[codes] >= 2) & (spread[codes] <= MAX_SHINGLE_TEXTS)
    incidence = sparse.csr_matrix((np.ones(int(keep.sum()), dtype=np.int64), (rows[keep], codes[keep])),
                                  shape=(n_classes, len(spread)))
    product = (incidence @ incidence.T).tocoo()
    other = product.row != product.col
    own = np.flatnonzero(sizes)
    u = np.r_[product.row[other], own].astype(np.int64)
    v = np.r_[product.col[other], own].astype(np.int64)
    n_shared = np.r_[product.data[other], sizes[own]].astype(np.int64)
    links = pd.DataFrame({"u": u, "v": v, "n_shared": n_shared,
                          "containment": n_shared / np.minimum(sizes[u], sizes[v]),
                          "jaccard": n_shared / (sizes[u] + sizes[v] - n_shared)})
    return links[links["containment"] >= min_containment].reset_index(drop=True)


def find_shared_sentences(sentences: pd.DataFrame, min_containment: float = MIN_CONTAINMENT,
                          n: int = SHINGLE_WORDS) -> pd.DataFrame:
    """One row a sentence that shares at least `min_containment` of the shorter one's shingles with
    a sentence of another outlet: the most similar such sentence (highest containment, then first
    in the table) as its partner, the pair's shared shingles, containment and Jaccard, and
    `n_copies`, the number of other outlets' sentences it is shared with.

    Sentences with the same lower-cased words are one text class (class_links joins classes), so
    the rows and the work grow with the sentences and the distinct texts, not with the square of
    the number of times a text is copied."""
    classes, rows, codes = text_classes(sentences["text"], n)
    n_classes = int(classes.max()) + 1 if len(classes) else 0
    links = class_links(rows, codes, n_classes, min_containment)
    outlet, outlets = pd.factorize(sentences["outlet"].astype(str))
    present = np.flatnonzero(classes >= 0)
    counts = sparse.csr_matrix((np.ones(len(present), dtype=np.int64), (classes[present], outlet[present])),
                               shape=(n_classes, len(outlets)))
    linked = sparse.csr_matrix((np.ones(len(links), dtype=np.int64), (links["u"], links["v"])),
                               shape=(n_classes, n_classes)) @ counts  # class x outlet: sentences
    totals = np.asarray(linked.sum(axis=1)).ravel()
    same = np.asarray(linked[classes[present], outlet[present]]).ravel()
    copies = pd.DataFrame({"row": present, "u": classes[present], "o": outlet[present],
                           "n_copies": totals[classes[present]] - same})
    copies = copies[copies["n_copies"] > 0]
    firsts = pd.DataFrame({"v": classes[present], "partner_o": outlet[present], "partner_row": present}
                          ).drop_duplicates(["v", "partner_o"])
    best = (copies[["u", "o"]].drop_duplicates().merge(links, on="u").merge(firsts, on="v"))
    best = best[best["partner_o"] != best["o"]].sort_values(
        ["u", "o", "containment", "partner_row"], ascending=[True, True, False, True], kind="stable")
    best = best.drop_duplicates(["u", "o"])[["u", "o", "partner_row", "n_shared", "containment",
                                             "jaccard"]]
    copies = copies.merge(best, on=["u", "o"]).sort_values("row", kind="stable")
    table = sentences.iloc[copies["row"].to_numpy()]
    partner = sentences.iloc[copies["partner_row"].to_numpy()]
    return pd.DataFrame({
        "sentence_id": table["sentence_id"].to_numpy(), "doc_id": table["doc_id"].to_numpy(),
        "outlet": table["outlet"].to_numpy(), "sentence_index": table["sentence_index"].to_numpy(),
        "partner_sentence_id": partner["sentence_id"].to_numpy(),
        "partner_doc_id": partner["doc_id"].to_numpy(), "partner_outlet": partner["outlet"].to_numpy(),
        "partner_sentence_index": partner["sentence_index"].to_numpy(),
        "n_shared": copies["n_shared"].to_numpy(), "containment": copies["containment"].to_numpy(),
        "jaccard": copies["jaccard"].to_numpy(), "n_copies": copies["n_copies"].to_numpy(),
    })


def group_passages(shared: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The shared_passages table: one row a shared sentence (in the sentences' order), numbered by
    passage (runs of consecutive sentences of a document whose partners are consecutive sentences
    of one other document), with both texts."""
    same_docs = ((shared["doc_id"] == shared["doc_id"].shift())
                 & (shared["partner_doc_id"] == shared["partner_doc_id"].shift()))
    consecutive = ((shared["sentence_index"].diff() == 1) & (shared["partner_sentence_index"].diff() == 1))
    pairs = shared.assign(passage=(~(same_docs & consecutive)).cumsum())
    text = sentences.set_index("sentence_id")["text"]
    pairs["text"] = pairs["sentence_id"].map(text)
    pairs["partner_text"] = pairs["partner_sentence_id"].map(text)
    columns = ["passage", "outlet", "doc_id", "sentence_id", "partner_outlet", "partner_doc_id",
               "partner_sentence_id", "n_shared", "containment", "jaccard", "n_copies", "text",
               "partner_text"]
    return pairs[columns].reset_index(drop=True)
