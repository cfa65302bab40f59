"""Under CI=true a test that needs a missing service fails the run; locally it is skipped."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_TESTS = "tests/planner/test_concurrency_postgres.py"


def _run(ci: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CI": ci, "DJANGO_ENV": "test"}
    env.pop("DATABASE_URL", None)  # the inner run is on SQLite whatever the outer one uses
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            POSTGRES_TESTS,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_postgres_tests_fail_on_sqlite_under_ci():
    result = _run("true")
    assert result.returncode != 0
    assert "CI=true: a missing service fails the run" in result.stdout
    assert " skipped" not in result.stdout.splitlines()[-1]


def test_postgres_tests_are_skipped_on_sqlite_outside_ci():
    result = _run("")
    assert result.returncode == 0, result.stdout
    assert "skipped" in result.stdout.splitlines()[-1]
