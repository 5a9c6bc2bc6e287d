"""CSV export: round-off snapped to zero and floats rounded, so two CPUs write the same bytes."""

import numpy as np
import pandas as pd

from analysis.export import write_csv


def test_round_off_near_zero_is_written_as_zero(tmp_path):
    a = pd.DataFrame({"x": [9.99201e-16, 0.123456789, -8.88178e-16], "n": [1, 2, 3]})
    b = pd.DataFrame({"x": [8.88178e-16, 0.1234567891, 1e-17], "n": [1, 2, 3]})
    write_csv(a, tmp_path / "a.csv")
    write_csv(b, tmp_path / "b.csv")
    assert (tmp_path / "a.csv").read_text() == "x,n\n0,1\n0.123457,2\n0,3\n"
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def test_values_above_the_snap_are_kept(tmp_path):
    write_csv(pd.DataFrame({"x": [1e-9, -2.5e-6]}), tmp_path / "c.csv")
    assert (tmp_path / "c.csv").read_text() == "x\n1e-09\n-2.5e-06\n"


def test_floats_are_written_as_float_format_writes_them(tmp_path):
    df = pd.DataFrame({
        "x": [0.1234567, float("nan"), 0.1234567, 1234567.0, float("inf"), -2.5e-7, 3.0],
        "y": np.array([0.5, 0.25, 0.5, np.nan, 1 / 3, 2.0, -1.0], dtype=np.float32),
        "label": ["a", "b", "c", "d", "e", "f", "g"],
    })
    write_csv(df, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_text() == (
        "x,y,label\n0.123457,0.5,a\n,0.25,b\n0.123457,0.5,c\n1.23457e+06,,d\n"
        "inf,0.333333,e\n-2.5e-07,2,f\n3,-1,g\n")
    assert (tmp_path / "t.csv").read_text() == df.to_csv(index=False, float_format="%.6g")
