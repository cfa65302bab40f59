"""The layout holds: the apps depend one way (the import-linter contract in pyproject.toml, which
ARCHITECTURE.md describes) and the wheel a production install uses carries every app."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["config", "core", "teams", "integrations", "planner", "learning_catalogue"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _copy_project(target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "migrations")
    for app in APPS:
        shutil.copytree(ROOT / app, target / app, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")


def _lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=project,
        env={"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_app_order_is_kept_today(tmp_path):
    _copy_project(tmp_path)
    result = _lint_imports(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("lower", "higher"),
    [
        ("core", "teams"),
        ("integrations", "teams"),
        ("teams", "planner"),
        ("planner", "learning_catalogue"),
    ],
)
def test_a_lower_app_importing_a_higher_one_breaks_the_contract(tmp_path, lower, higher):
    _copy_project(tmp_path)
    with (tmp_path / lower / "wrong_way.py").open("w") as module:
        module.write(f"import {higher}.models  # noqa: F401\n")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert f"{lower}.wrong_way -> {higher}.models" in result.stdout


def test_the_contract_lists_every_top_level_package():
    """A new app must be placed in the order, not left outside the contract."""
    text = (ROOT / "pyproject.toml").read_text()
    packages = sorted(
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in {"tests", "benchmarks"}
    )
    for package in packages:
        assert f'"{package}"' in text.split("[tool.importlinter]")[1].split("[tool.pytest")[0]


def test_the_wheel_holds_every_app(tmp_path):
    source, wheels = tmp_path / "source", tmp_path / "wheels"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".*",
            "node_modules",
            "static",
            "var",
            "tests",
            "benchmarks",
            "__pycache__",
            "*.egg-info",
        ),
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("protected_time-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/")[0] for name in names if name.endswith(".py")}
    assert set(APPS) <= top_level
    assert "planner/migrations/0001_initial.py" in names
    assert "core/templatetags/govuk.py" in names
