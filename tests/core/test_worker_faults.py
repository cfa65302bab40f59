"""A real db_worker killed with SIGKILL while it runs a task: after a new worker starts, every
queued notice is sent exactly once (the file mail backend keeps each message on disk)."""

import email
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LEASE_SECONDS = 2


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_ENV": "development",
        "DJANGO_DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'worker.sqlite3'}",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp_path / "mail"),
        "TASKS_LEASE_SECONDS": str(LEASE_SECONDS),
    }


def _manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return result.stdout


def _worker(env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--no-startup-delay",
            "--no-reload",
            "--interval",
            "0.2",
            "-v",
            "2",
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )


def _statuses(env: dict[str, str]) -> list[str]:
    script = (
        "from django_tasks_db.models import DBTaskResult;"
        "print(','.join(sorted(DBTaskResult.objects.values_list('status', flat=True))))"
    )
    # The last line: ``shell`` may say first how many objects it imported.
    return _manage(env, "shell", "-c", script).strip().splitlines()[-1].split(",")


def _wait(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail(f"Timed out waiting for {what}")


def _sent(mail: Path) -> list[tuple[str, str]]:
    """(subject, recipient) of every message the file backend wrote."""
    sent = []
    for path in sorted(mail.glob("*.log")) if mail.exists() else []:
        for text in path.read_text().split("-" * 79):
            if text.strip():
                message = email.message_from_string(text.strip())
                sent.append((message["Subject"], message["To"]))
    return sent


def test_a_task_of_a_killed_worker_runs_again_and_sends_each_notice_once(tmp_path):
    env = _env(tmp_path)
    _manage(env, "migrate", "--no-input")
    pause = tmp_path / "pause"
    pause.touch()
    recipients = ["a@example.org", "b@example.org", "c@example.org"]
    enqueue = "from tests.core.worker_tasks import two_notices;" + "".join(
        f"two_notices.enqueue(recipient={r!r}, pause_file={str(pause)!r});" for r in recipients
    )
    _manage(env, "shell", "-c", enqueue)

    first = _worker(env, tmp_path / "first.log")
    try:
        # The first task has sent its first notice and is paused before its second.
        _wait(lambda: len(_sent(tmp_path / "mail")) == 1, 60, "the first notice")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    assert "RUNNING" in _statuses(env)

    pause.unlink()
    second = _worker(env, tmp_path / "second.log")
    try:
        _wait(lambda: _statuses(env) == ["SUCCESSFUL"] * 3, 60, "every task to finish")
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=10)

    sent = _sent(tmp_path / "mail")
    expected = [(f"{which} notice", r) for r in recipients for which in ("First", "Second")]
    assert sorted(sent) == sorted(expected)
