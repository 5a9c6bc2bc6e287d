"""Committed figures equal a fresh re-render, byte for byte; every figure comes with its data."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis import config
from analysis.pipeline import render_figures
from analysis.plots import all_figures


@pytest.fixture(scope="module")
def fresh(tmp_path_factory, seeds):
    out = tmp_path_factory.mktemp("figures")
    render_figures(seeds, out)
    return out


def test_committed_figures_match_a_fresh_render(fresh):
    committed = {p.name: p.read_bytes() for p in config.FIGURES_DIR.iterdir() if p.is_file()}
    rendered = {p.name: p.read_bytes() for p in fresh.iterdir()}
    assert sorted(committed) == sorted(rendered), "run `make figures` and commit figures/"
    assert [n for n in rendered if committed[n] != rendered[n]] == []


def test_rendering_twice_gives_identical_bytes(fresh, seeds, tmp_path):
    render_figures(seeds, tmp_path)
    assert all((tmp_path / p.name).read_bytes() == p.read_bytes() for p in fresh.iterdir())


def test_every_figure_has_png_svg_csv_and_alt_text(fresh, seeds):
    for spec in all_figures():
        for ext in ("png", "svg", "csv"):
            assert (fresh / f"{spec.stem}.{ext}").stat().st_size > 0
        fig, data = spec.make(seeds)
        plt.close(fig)
        assert len(spec.alt(data)) > 20 and not pd.read_csv(fresh / f"{spec.stem}.csv").empty


def test_svg_has_no_timestamp(fresh):
    for svg in fresh.glob("*.svg"):
        assert "<dc:date>" not in svg.read_text()


def test_figure_data_identical_under_another_blas_kernel(fresh, tmp_path):
    """Every figure's data, rendered with OpenBLAS's Haswell kernel (another CPU's round-off),
    equals the default kernel's byte for byte."""
    import os
    import subprocess
    import sys

    script = ("import sys; from pathlib import Path; from analysis import load_corpus; "
              "from analysis.pipeline import render_figures; "
              "render_figures(load_corpus(), Path(sys.argv[1]))")
    # nothing read from the store: every measure is computed under the other kernel
    env = {**os.environ, "OPENBLAS_CORETYPE": "Haswell", config.STORE_ENV: "off"}
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True, env=env)
    differ = [p.name for p in sorted(fresh.glob("*.csv"))
              if (tmp_path / p.name).read_bytes() != p.read_bytes()]
    assert differ == []
