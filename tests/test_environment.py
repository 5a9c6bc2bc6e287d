"""The pip lock file, pyproject.toml and environment.yml name the same pinned packages."""

import re
import sys
import tomllib

from analysis import config


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _lock() -> dict[str, str]:
    lines = (config.PROJECT_ROOT / "requirements.lock").read_text().splitlines()
    return {_norm(n): v for n, v in (line.split("==") for line in lines if "==" in line)}


def _conda() -> dict[str, str]:
    text = (config.PROJECT_ROOT / "environment.yml").read_text()
    return {_norm(n): v for n, v in re.findall(r"^\s+- ([A-Za-z0-9_.-]+)==(\S+)$", text, re.M)}


def _direct() -> list[str]:
    project = tomllib.loads((config.PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    names = project["dependencies"] + [d for ds in project["optional-dependencies"].values()
                                       for d in ds]
    return [_norm(re.split(r"[<>=!~\[ ;]", n)[0]) for n in names]


def test_every_direct_dependency_is_pinned_in_the_lock():
    lock = _lock()
    assert [n for n in _direct() if n not in lock] == []


def test_environment_yml_matches_the_lock():
    lock, conda = _lock(), _conda()
    assert sorted(conda) == sorted(_direct())
    assert {n: v for n, v in conda.items() if lock[n] != v} == {}


def test_python_version_agrees():
    """The conda environment's Python is one that pyproject accepts, and so is this one."""
    text = (config.PROJECT_ROOT / "environment.yml").read_text()
    conda = re.search(r"python=(3\.\d+)", text).group(1)
    spec = re.search(r'requires-python = ">=3\.(\d+),<3\.(\d+)"',
                     (config.PROJECT_ROOT / "pyproject.toml").read_text())
    low, high = int(spec.group(1)), int(spec.group(2))
    assert low <= int(conda.split(".")[1]) < high
    assert low <= sys.version_info.minor < high
