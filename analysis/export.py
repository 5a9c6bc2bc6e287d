"""The one CSV writer: floats snapped and rounded to a stated precision, so any CPU writes the same bytes."""

from pathlib import Path

import numpy as np
import pandas as pd

# Floats are written with this many significant digits, after values within SNAP of zero are set to
# zero: BLAS kernels of different CPUs differ in the last bits (1e-16 against 9e-16 for 1 - cosine).
SIGNIFICANT_DIGITS = 6
SNAP = 1e-12


def snap_floats(df: pd.DataFrame) -> pd.DataFrame:
    """A copy with every float column's round-off near zero set to exactly zero."""
    out = df.copy()
    for column in out.columns[[pd.api.types.is_float_dtype(t) for t in out.dtypes]]:
        values = out[column].to_numpy(dtype=float, copy=True)
        values[np.abs(values) < SNAP] = 0.0
        out[column] = values
    return out


def write_csv(df: pd.DataFrame, path: Path) -> Path:
    """Write a table as CSV with floats snapped to zero and rounded to SIGNIFICANT_DIGITS."""
    snap_floats(df).to_csv(path, index=False, lineterminator="\n",
                           float_format=f"%.{SIGNIFICANT_DIGITS}g")
    return path
