"""requirements.lock pins what pyproject.toml asks for: a fresh machine installs exactly these versions."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

PROJECT = Path(__file__).resolve().parents[1]
LOCK = PROJECT / "requirements.lock"


def _locked() -> dict[str, tuple[Version, int]]:
    """Each locked package with its version and how many hashes it carries."""
    entries: dict[str, tuple[Version, int]] = {}
    current: str | None = None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        pin = re.match(r"^([A-Za-z0-9._-]+(?:\[[^\]]*\])?)==([^\s\\;]+)", line)
        if pin:
            current = canonicalize_name(pin.group(1).split("[")[0])
            entries[current] = (Version(pin.group(2)), 0)
        elif current and line.strip().startswith("--hash=sha256:"):
            version, hashes = entries[current]
            entries[current] = (version, hashes + 1)
    return entries


def _asked_for() -> list[Requirement]:
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    asked = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    build = (PROJECT / "build-requirements.in").read_text(encoding="utf-8").splitlines()
    asked += [line.split("#")[0].strip() for line in build if line.split("#")[0].strip()]
    return [Requirement(text) for text in asked]


def test_every_requirement_of_pyproject_is_locked_at_a_version_it_allows() -> None:
    locked = _locked()
    disagreements = []
    for requirement in _asked_for():
        name = canonicalize_name(requirement.name)
        if name not in locked:
            disagreements.append(f"{requirement} is not in requirements.lock")
        elif not requirement.specifier.contains(locked[name][0], prereleases=True):
            disagreements.append(f"{requirement} does not allow the locked {locked[name][0]}")
    assert not disagreements, "run `make lock`: " + "; ".join(disagreements)


def test_every_locked_package_is_pinned_with_its_hash() -> None:
    locked = _locked()
    assert len(locked) > 50  # the whole tree of dependencies, not only the direct ones
    assert not [name for name, (_, hashes) in locked.items() if hashes == 0]


def test_the_makefile_installs_from_the_lock_and_nothing_unpinned() -> None:
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    installs = [line.strip() for line in makefile.splitlines() if "pip install" in line and "$(VENV)" in line]
    assert any("--require-hashes" in line and "requirements.lock" in line for line in installs)
    assert all("--require-hashes" in line or "--no-deps" in line for line in installs)


def test_the_committed_graph_records_the_locked_versions_it_was_built_with() -> None:
    import rdflib

    from isis_kg.namespaces import IKG
    from isis_kg.pipeline import SHAPING_PACKAGES

    graph = rdflib.Graph().parse(PROJECT / "graph" / "graph.ttl", format="turtle")
    recorded = {str(value) for value in graph.objects(None, IKG.builtWith)}
    locked = _locked()
    assert recorded == {f"{name} {locked[canonicalize_name(name)][0]}" for name in SHAPING_PACKAGES}
