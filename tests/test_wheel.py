"""An installed wheel builds a graph: the ontology and the model travel inside the package."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from conftest import PROJECT


def _wheel(tmp_path: Path) -> Path:
    """The project's wheel, built from a copy of its sources, so the checkout gets no build/ nor egg-info."""
    source = tmp_path / "source"
    shutil.copytree(PROJECT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(PROJECT / name, source / name)
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", wheels, source],
        check=True,
    )
    (wheel,) = wheels.glob("isis_kg-*.whl")
    return wheel


def _environment(tmp_path: Path, wheel: Path) -> Path:
    """A fresh virtual environment with the wheel installed, its dependencies those of this one.

    The dependencies are this environment's site-packages, named in a .pth file: Python adds such a
    folder to the path without reading the .pth files inside it, so this checkout's editable install
    stays out and ``isis_kg`` can only come from the wheel.
    """
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    ours = dict.fromkeys((sysconfig.get_path("purelib"), sysconfig.get_path("platlib")))
    (Path(site) / "dependencies.pth").write_text("".join(f"{path}\n" for path in ours), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", wheel], check=True
    )
    return venv


def test_a_wheel_installed_in_a_fresh_environment_builds_outside_the_checkout(tmp_path: Path) -> None:
    venv = _environment(tmp_path, _wheel(tmp_path))
    work = tmp_path / "work"
    (work / "corpus").mkdir(parents=True)
    (work / "corpus" / "bericht.txt").write_text(
        "Sinds 2014 is ISIS actief in Syrië. Abu Bakr al-Baghdadi was de leider van ISIS.\n", encoding="utf-8"
    )
    where = subprocess.run(
        [venv / "bin" / "python", "-c", "import isis_kg.reference as r; print(r.__file__, r.DEFAULT_ONTOLOGY_DIR)"],
        cwd=work,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert all(Path(path).is_relative_to(venv) for path in where), where
    done = subprocess.run(
        [venv / "bin" / "isis-kg", "build", "corpus", "--out", "graph", "--no-cache", "--quiet", "--jobs", "1"],
        cwd=work,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    graph = (work / "graph" / "graph.ttl").read_text(encoding="utf-8")
    assert "ikg:operatesIn" in graph and "bericht.txt" in graph
    assert (work / "graph" / "ontology.ttl").is_file()
