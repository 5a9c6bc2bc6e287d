"""Hostile input: nothing outside the corpus is read, nothing hangs, every problem is one line."""

import os
import time
import warnings

import pytest

from analysis import CorpusError, CorpusWarning, load_corpus
from analysis.corpus import describe_groups

ARTICLE = "A headline\n\nRussia\u2019s army moved. NATO answered within days.\n"
OTHER = "Another headline\n\nThe summit ended. Ministers left Vilnius on Friday.\n"
SECRET = "TOP SECRET outside text. It must never be read.\n"


def _load(folder, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return load_corpus(folder, **kwargs)


def _skipped(corpus):
    return dict(zip(corpus.skipped["file"], corpus.skipped["reason"], strict=True))


def _all_text(corpus):
    return "\n".join([*corpus.documents["text"], *corpus.removed["text"], *corpus.sentences["text"]])


def test_symlink_pointing_outside_is_skipped_and_never_read(make_corpus, tmp_path):
    (tmp_path / "secret.txt").write_text(SECRET)
    folder = make_corpus({"a.txt": ARTICLE})
    (folder / "passwd.txt").symlink_to(tmp_path / "secret.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    corpus = _load(folder)
    assert "TOP SECRET" not in _all_text(corpus)
    assert _skipped(corpus) == {
        "passwd.txt": "a symlink pointing outside the corpus folder (not read)",
        "zero.txt": "a symlink pointing outside the corpus folder (not read)",
    }


def test_symlink_inside_the_folder_is_read(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE, "sub/b.txt": OTHER})
    (folder / "link.txt").symlink_to(folder / "sub" / "b.txt")
    corpus = _load(folder)
    assert sorted(corpus.documents["file"]) == ["a.txt", "link.txt", "sub/b.txt"]


def test_dangling_and_looping_symlinks_are_listed(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE})
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    corpus = _load(folder)
    assert _skipped(corpus) == {"gone.txt": "a broken or looping symlink",
                                "loop.txt": "a broken or looping symlink"}


def test_linked_folder_is_not_followed(make_corpus, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "s.txt").write_text(SECRET)
    folder = make_corpus({"a.txt": ARTICLE})
    (folder / "more").symlink_to(outside, target_is_directory=True)
    corpus = _load(folder)
    assert "TOP SECRET" not in _all_text(corpus)
    assert _skipped(corpus) == {"more": "a linked folder (not followed)"}


def test_fifo_is_skipped_without_blocking(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE})
    os.mkfifo(folder / "p.txt")
    start = time.monotonic()
    corpus = _load(folder)
    assert time.monotonic() - start < 30
    assert _skipped(corpus) == {"p.txt": "not a regular file (a FIFO, socket or device; not read)"}


def test_file_over_the_size_limit_is_skipped(make_corpus, monkeypatch):
    folder = make_corpus({"a.txt": ARTICLE, "big.txt": ARTICLE * 200})
    monkeypatch.setenv("ANALYSIS_MAX_FILE_MB", "0.005")  # 5,242 bytes; big.txt is 13,800
    corpus = _load(folder)
    assert _skipped(corpus) == {
        "big.txt": "larger than the limit of 0.005 MB (set ANALYSIS_MAX_FILE_MB to raise it)"}


def test_a_stray_nul_byte_is_removed_with_a_warning(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE.replace("army", "ar\x00my").encode()})
    with pytest.warns(CorpusWarning, match=r"a\.txt: 1 stray NUL byte removed"):
        corpus = load_corpus(folder)
    assert "army moved." in corpus.documents["text"].item()


def test_bom_followed_by_invalid_bytes_is_skipped(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE, "b.txt": b"\xef\xbb\xbfok \xff\xfe broken\n"})
    corpus = _load(folder)
    assert _skipped(corpus) == {"b.txt": "starts with a utf-8-sig byte-order mark but is not "
                                         "valid utf-8-sig (invalid start byte)"}


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
        ("file,title,outlet\na.txt,Title, with comma,Outlet A\n",
         r"metadata\.csv, row 2: 4 fields where the header has 3 \(an unquoted comma\?\)"),
        ("file,outlet\na.txt,A\x00B\n", r"metadata\.csv: .*contains NUL bytes"),
        ("file,published\na.txt,2022-02-30\n",
         r"metadata\.csv, row 2: published '2022-02-30' is not a calendar date"),
        ("file,event_date\na.txt,2022-13\n",
         r"metadata\.csv, row 2: event_date '2022-13' is not a calendar date"),
        ("file,published\na.txt,0000\n", r"row 2: published '0000' is not a calendar date"),
        ("file,file\na.txt,a.txt\n", r"column 'file' appears more than once"),
    ],
)
def test_broken_metadata_is_one_error_naming_the_row(make_corpus, metadata, message):
    folder = make_corpus({"a.txt": ARTICLE, "metadata.csv": metadata})
    with pytest.raises(CorpusError, match=message):
        _load(folder)


def test_metadata_csv_that_is_a_folder(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE, "metadata.csv/x.txt": OTHER})
    with pytest.raises(CorpusError, match=r"metadata\.csv: not a regular file"):
        _load(folder)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_excel_exports_of_metadata_are_read(make_corpus, encoding):
    meta = "file,title,outlet\na.txt,Café’s view,Le Monde\nb.txt,Other,Die Zeit\n"
    folder = make_corpus({"a.txt": ARTICLE, "b.txt": OTHER,
                          "metadata.csv": meta.replace("\n", "\r\n").encode(encoding)})
    corpus = _load(folder)
    assert corpus.documents["outlet"].tolist() == ["Le Monde", "Die Zeit"]
    assert corpus.documents["title"].tolist()[0] == "Café’s view"


def test_extra_metadata_columns_are_kept_and_can_group(make_corpus):
    meta = "file,outlet,country\na.txt,A,UK\nb.txt,B,UK\nc.txt,C,DE\n"
    folder = make_corpus({"a.txt": ARTICLE, "b.txt": OTHER, "c.txt": OTHER, "metadata.csv": meta})
    corpus = _load(folder, group_by="country")
    assert corpus.documents["country"].tolist() == ["UK", "UK", "DE"]
    assert corpus.documents["outlet"].tolist() == ["UK", "UK", "DE"]
    assert describe_groups(corpus) == "2 groups by country in 3 articles: UK (2), DE (1)"
    with pytest.raises(CorpusError, match=r"cannot group by 'region': no such metadata column"):
        _load(folder, group_by="region")


def test_subfolders_without_metadata_become_groups(make_corpus):
    folder = make_corpus({"bbc/a.txt": ARTICLE, "bbc/b.txt": OTHER, "rbc/deep/c.txt": OTHER,
                          "top.txt": ARTICLE})
    corpus = _load(folder)
    assert corpus.documents[["file", "outlet", "folder"]].values.tolist() == [
        ["bbc/a.txt", "bbc", "bbc"], ["bbc/b.txt", "bbc", "bbc"],
        ["rbc/deep/c.txt", "rbc", "rbc"], ["top.txt", "unknown", "."]]
    assert describe_groups(corpus) == ("3 groups by outlet in 4 articles: bbc (2), rbc (1), "
                                       "unknown (1)")


def test_one_group_is_warned(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE, "b.txt": OTHER})
    with pytest.warns(CorpusWarning, match=r"all 2 article\(s\) are in one group \(outlet = "
                                           r"'unknown'\)"):
        load_corpus(folder)


def test_month_is_a_derived_grouping(make_corpus):
    meta = "file,published,event_date\na.txt,2022-03-04,\nb.txt,unknown,2023-01\n"
    folder = make_corpus({"a.txt": ARTICLE, "b.txt": OTHER, "metadata.csv": meta})
    corpus = _load(folder, group_by="month")
    assert corpus.documents["outlet"].tolist() == ["2022-03", "2023-01"]


PARAGRAPHS = [
    "The defence minister said on Tuesday that the new brigade would be ready by the spring. "
    "Officials in the capital declined to give a date for the first deployment of the troops.",
    '"We will not be rushed," she said, adding that the training of the soldiers came first. '
    "Critics of the plan argued that the cost had been underestimated by the ministry.",
]


def test_hard_wrapped_text_is_reflowed_into_its_sentences(make_corpus):
    import textwrap

    flowing = "A title\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    wrapped = "A title\n\n" + "\n\n".join(textwrap.fill(p, 60) for p in PARAGRAPHS) + "\n"
    assert max(len(line) for line in wrapped.splitlines()) <= 60
    corpus = _load(make_corpus({"flowing.txt": flowing, "wrapped.txt": wrapped}))
    sentences = corpus.sentences.groupby("doc_id")["text"].apply(list)
    assert sentences["wrapped"] == sentences["flowing"]
    assert len(sentences["wrapped"]) == 4


def test_short_lines_of_a_scraped_page_are_not_reflowed(make_corpus):
    page = ("A title\n\nFirst paragraph is one line of text and ends here.\n"
            "Second paragraph also stands on its own line.\nThird one too.\n")
    corpus = _load(make_corpus({"page.txt": page}))
    assert corpus.paragraphs["text"].tolist() == [
        "First paragraph is one line of text and ends here.",
        "Second paragraph also stands on its own line.", "Third one too."]


def test_repeated_fragments_match_whole_words_only():
    from analysis.cleaning import _repeated_inside, _words

    lines = [_words(t) for t in ["Winners meet in final", "The winners meet in final match today.",
                                 "Preview of the game", "A preview of the games ahead."]]
    # line 0 occurs as a run of words in line 1; line 2 only as part of "games", so it stays
    assert _repeated_inside(lines, {0: lines[0], 2: lines[2]}) == {0}


def test_upper_case_text_with_the_dotted_capital_i_crashes_no_table(make_corpus):
    """Capitals with the Turkish dotted I (lower case: two characters) in actor names and war
    labels: every table is made (the lexicon lookups were KeyErrors)."""
    from analysis.pipeline import all_tables

    text = ("NATO SUMMİT İN VİLNİUS\n\nTHE NORTH ATLANTİC ALLİANCE SAİD THE İNVASİON OF UKRAİNE "
            "MUST END. RUSSİA'S ARMY MOVED İNTO THE CİTY.\n")
    corpus = _load(make_corpus({"a.txt": text, "b.txt": OTHER}))
    made = {name: make(corpus) for name, make in all_tables().items()}
    assert "NORTH ATLANTİC ALLİANCE" in set(made["actor_mentions"]["alias"])
    assert "İNVASİON" in set(made["label_contexts"]["matched"])
