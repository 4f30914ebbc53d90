"""``crm-server sms-run`` and ``sms-show`` from the command line, and the SMS
settings read from the environment (a wrong value stops the start, plainly)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crm_server.cli import main as cli_main
from crm_server.settings import Settings


def env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"MEJA_CRM_DATA_DIR": str(tmp_path / "crm"), **extra}


def test_sms_settings_from_the_environment(tmp_path: Path) -> None:
    settings = Settings.from_env(
        env(
            tmp_path,
            MEJA_CRM_SMS_BACKEND="gammu-files",
            MEJA_CRM_SMS_GAMMU_DIR="/var/spool/gammu",
            MEJA_CRM_SMS_REMINDER_DAYS="3",
            MEJA_CRM_SMS_DAILY_CAP="2",
            MEJA_CRM_SMS_QUIET_HOURS="22-5",
        )
    )
    assert (settings.sms_backend, settings.sms_gammu_dir) == ("gammu-files", "/var/spool/gammu")
    assert (settings.sms_reminder_days, settings.sms_daily_cap) == (3, 2)
    assert settings.sms_quiet_hours == (22, 5)
    defaults = Settings.from_env(env(tmp_path))
    assert (defaults.sms_backend, defaults.sms_quiet_hours, defaults.sms_daily_cap) == (
        "",
        (21, 6),
        5,
    )
    for name, value in (
        ("MEJA_CRM_SMS_BACKEND", "kurir"),
        ("MEJA_CRM_SMS_QUIET_HOURS", "malam"),
        ("MEJA_CRM_SMS_DAILY_CAP", "0"),
    ):
        with pytest.raises(SystemExit, match=name):
            Settings.from_env(env(tmp_path, **{name: value}))


def test_sms_run_once_and_sms_show(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in env(
        tmp_path,
        MEJA_CRM_SMS_BACKEND="gammu-files",
        MEJA_CRM_SMS_GAMMU_DIR=str(tmp_path / "spool"),
    ).items():
        monkeypatch.setenv(name, value)
    assert cli_main(["sms-run", "--once"]) == 0
    assert "made=0" in capsys.readouterr().out
    assert (tmp_path / "spool" / "outbox").is_dir()
    assert cli_main(["sms-show"]) == 0
    totals = json.loads(capsys.readouterr().out)
    assert totals["total"] == 0 and totals["failures"] == []
    assert cli_main(["sms-show", "PBK1-261118-0001-L"]) == 1
    monkeypatch.setenv("MEJA_CRM_PUBLIC_HOST", "a" * 90 + ".example")
    with pytest.raises(SystemExit, match="too long"):
        cli_main(["sms-run", "--once"])
    monkeypatch.setenv("MEJA_CRM_SMS_BACKEND", "")
    with pytest.raises(SystemExit, match="MEJA_CRM_SMS_BACKEND"):
        cli_main(["sms-run", "--once"])
