"""Production settings pass Django's deployment checks and pages carry a strict CSP."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def production_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_DEBUG"}
    env.update(
        DJANGO_ENV="production",
        SECRET_KEY="a" * 10 + "-pR0duct10n-s3cret-k3y-for-the-deploy-check-" + "z" * 10,
        ALLOWED_HOSTS="learning.example.org",
        DATABASE_URL=f"sqlite:///{ROOT / 'var' / 'deploy-check.sqlite3'}",
        **extra,
    )
    return env


def test_check_deploy_reports_no_issues():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env()
    env.pop("SECRET_KEY")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_csp_is_strict_with_a_fresh_nonce(client):
    first = client.get("/sign-in/")
    second = client.get("/sign-in/")
    policy = first.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in first.content.decode()
    assert nonce not in second.headers["Content-Security-Policy"]


@pytest.mark.django_db
def test_no_inline_script_or_style_without_the_nonce(client):
    html = client.get("/sign-in/").content.decode()
    for tag in ("<script", "<style"):
        for chunk in html.split(tag)[1:]:
            opening = chunk.split(">")[0]
            assert "nonce=" in opening or "src=" in opening, f"{tag}{opening}>"
    assert ' style="' not in html


def test_sessions_expire_when_idle():
    assert settings.SESSION_COOKIE_AGE <= 60 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.AXES_COOLOFF_TIME
