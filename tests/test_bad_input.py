"""Bad input: a clear message naming the file and the problem; nothing silently lost."""

import pytest

from analysis import CorpusError, CorpusWarning, load_corpus

ARTICLE = "A headline\n\nRussia\u2019s army moved. NATO answered within days.\n"
META_HEADER = "doc_id,file,title,outlet,translated\n"


def _skipped(corpus):
    return dict(zip(corpus.skipped["file"], corpus.skipped["reason"], strict=True))


def test_utf8_bom_and_crlf_read_like_plain_utf8(make_corpus):
    plain = load_corpus(make_corpus({"a.txt": ARTICLE}))
    folder = make_corpus({"a.txt": b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode()})
    tricky = load_corpus(folder)
    assert tricky.documents["text"].item() == plain.documents["text"].item()
    assert tricky.documents["title"].item() == "A headline"
    assert tricky.documents["encoding"].item() == "utf-8-sig"


def test_legacy_encoding_decoded_with_a_warning_naming_file_and_encoding(make_corpus):
    folder = make_corpus({"old.txt": ARTICLE.encode("cp1252")})
    with pytest.warns(CorpusWarning, match=r"old\.txt: not UTF-8; decoded as cp125\d"):
        corpus = load_corpus(folder)
    assert "Russia's army moved." in corpus.documents["text"].item()


def test_utf16_with_bom(make_corpus):
    corpus = load_corpus(make_corpus({"u.txt": ARTICLE.encode("utf-16")}))
    assert corpus.documents["n_sentences"].item() == 2


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n \r\n", "empty file"),
        (b"\x00\x01binary\x00", "not a text file (contains NUL bytes)"),
        ("Advertisement\n\nLeave a Reply\n\nShare on Facebook\n",
         "nothing left after cleaning (all 3 non-empty lines are boilerplate)"),
    ],
)
def test_unusable_files_skipped_listed_and_warned(make_corpus, content, reason):
    folder = make_corpus({"good.txt": ARTICLE, "bad.txt": content})
    with pytest.warns(CorpusWarning, match=r"bad\.txt: skipped"):
        corpus = load_corpus(folder)
    assert _skipped(corpus) == {"bad.txt": reason}
    assert corpus.documents["file"].tolist() == ["good.txt"]


def test_metadata_row_for_missing_file_and_file_without_metadata(make_corpus):
    folder = make_corpus({
        "a.txt": ARTICLE, "b.txt": ARTICLE,
        "metadata.csv": META_HEADER + "a,a.txt,Given title,Outlet A,no\nz,gone.txt,,Outlet Z,no\n",
    })
    with pytest.warns(CorpusWarning) as record:
        corpus = load_corpus(folder)
    messages = [str(w.message) for w in record]
    assert ("1 file(s) with no row in metadata.csv (first: b.txt); defaults derived from the file"
            in messages)
    assert _skipped(corpus) == {
        "gone.txt": "listed in metadata.csv (row 3) but not found or not readable"}
    docs = corpus.documents.set_index("doc_id")
    assert docs.loc["b", ["outlet", "title", "published"]].tolist() == [
        "unknown", "A headline", "unknown"]
    assert docs.loc["a", "outlet"] == "Outlet A"


def test_metadata_pointing_outside_the_corpus_is_refused(make_corpus, tmp_path):
    (tmp_path / "secret.txt").write_text("Outside text. Never to be read.\n")
    folder = make_corpus({
        "a.txt": ARTICLE,
        "metadata.csv": META_HEADER + "a,a.txt,,A,no\ns,../secret.txt,,S,no\nt,/etc/hostname,,T,no\n",
    })
    with pytest.warns(CorpusWarning, match="points outside the corpus folder"):
        corpus = load_corpus(folder)
    assert set(_skipped(corpus)) == {"../secret.txt", "/etc/hostname"}
    assert "refused" in _skipped(corpus)["../secret.txt"]
    assert "Outside text" not in " ".join(corpus.documents["text"])


def test_other_files_are_listed_not_read(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE, "notes.md": "# notes", "sub/b.txt": ARTICLE})
    with pytest.warns(CorpusWarning, match="notes.md: skipped, not a .txt article"):
        corpus = load_corpus(folder)
    assert corpus.documents["doc_id"].tolist() == ["a", "sub_b"]


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, r"no usable article"),
        ({"a.txt": ""}, r"no usable article"),
        ({"a.txt": ARTICLE, "metadata.csv": "name,outlet\na.txt,X\n"},
         r"metadata\.csv: no 'file' column"),
        ({"a.txt": ARTICLE, "metadata.csv": META_HEADER + "a,a.txt,,X,maybe\n"},
         r"metadata\.csv, row 2: 'translated' must be yes, no or unknown, got 'maybe'"),
        ({"a.txt": ARTICLE, "metadata.csv": "file,event_date\na.txt,June 2022\n"},
         r"row 2: event_date must be YYYY\[-MM\[-DD\]\]"),
        ({"a.txt": ARTICLE, "b.txt": ARTICLE, "metadata.csv": "doc_id,file\nx,a.txt\nx,b.txt\n"},
         r"doc_id 'x' is used by more than one file"),
        ({"a.txt": ARTICLE, "metadata.csv": 'file,title\n"a.txt,unterminated\n'},
         r"metadata\.csv, row 2: cannot read as CSV"),
    ],
)
@pytest.mark.filterwarnings("ignore::analysis.errors.CorpusWarning")  # an empty file also warns
def test_fatal_problems_raise_a_clear_error(make_corpus, files, message):
    folder = make_corpus(files)
    with pytest.raises(CorpusError, match=message):
        load_corpus(folder)


def test_missing_folder(tmp_path):
    with pytest.raises(CorpusError, match=r"nowhere: corpus folder not found"):
        load_corpus(tmp_path / "nowhere")
