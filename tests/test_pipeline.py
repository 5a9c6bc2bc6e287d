"""The stage registry: every table has exactly one owner."""

import sys
import types

import pytest

from analysis import pipeline


def _stage(monkeypatch, name: str, tables: dict) -> str:
    module = types.ModuleType(name)
    module.TABLES = tables
    monkeypatch.setitem(sys.modules, name, module)
    return name


def test_a_table_two_stages_make_is_an_error(monkeypatch):
    first = _stage(monkeypatch, "stage_one", {"a": len, "sentences": len})
    second = _stage(monkeypatch, "stage_two", {"b": len, "sentences": str})
    monkeypatch.setattr(pipeline, "STAGES", (first, second))
    with pytest.raises(ValueError, match="'sentences' is made by both stage_one and stage_two"):
        pipeline.all_tables()
    monkeypatch.setattr(pipeline, "STAGES", (first,))
    assert list(pipeline.all_tables()) == ["a", "sentences"]


def test_the_real_stages_name_each_table_once():
    from analysis.sentiment import compute_sentence_sentiment

    tables = pipeline.all_tables()
    assert tables["sentences"] is compute_sentence_sentiment
    assert len(tables) == 35


def test_measure_modules_import_no_matplotlib():
    import subprocess
    import sys

    from analysis.pipeline import STAGES
    code = ("import importlib, sys\n"
            f"for name in {list(STAGES)!r}: importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib')[:3])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_figure_is_declared_once_in_the_registry():
    from analysis import config
    from analysis.plots import all_figures
    stems = [spec.stem for spec in all_figures()]
    assert len(stems) == len(set(stems))
    assert sorted(stems) == sorted(p.stem for p in config.FIGURES_DIR.glob("*.png"))  # as committed


def test_every_table_a_notebook_links_is_a_table_of_the_pipeline():
    """A report writes the full CSV of each table its pages cut short (write_named_tables): a name
    that no stage makes would fail the build on the first corpus that cuts that table."""
    import json
    import re

    from analysis import config

    named = set()
    for path in sorted((config.PROJECT_ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"])
            if "show_table(" in source:
                named |= set(re.findall(r"""name=["']([^"']+)["']""", source))
    assert {"documents", "removed", "keyness", "quotes", "role_calls"} <= named
    assert sorted(named - set(pipeline.all_tables())) == []
