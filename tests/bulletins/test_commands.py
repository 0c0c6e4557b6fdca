"""parse_bulletin and ingest commands."""

import json

import pytest
from django.core.management import CommandError, call_command

from bulletins.models import Bulletin

BULLETIN = "安康扶贫工作简报第十二期\n\n2019年3月5日  09:30\n\n岚皋县统筹涉农资金800万元，扶持2300户贫困户发展魔芋。\n"


def test_parse_bulletin_prints_the_schema_record_without_touching_the_database(tmp_path, capsys):
    path = tmp_path / "brief.txt"
    path.write_text(BULLETIN, encoding="gb18030")
    call_command("parse_bulletin", str(path), "--json")  # no django_db mark: any query would fail the test
    record = json.loads(capsys.readouterr().out)
    assert set(record) >= {"bulletin", "regions", "programs", "metrics"}
    assert record["bulletin"]["issue"] == "第十二期"
    assert record["bulletin"]["published_on"] == "2019-03-05"
    assert {"text": "2300户", "value": 2300, "unit": "户"}.items() <= record["metrics"][-1].items()
    assert "610925" in {r["code"] for r in record["regions"]}


def test_parse_bulletin_reports_an_unusable_file_as_a_command_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(CommandError, match="empty"):
        call_command("parse_bulletin", str(path), "--json")


@pytest.mark.django_db
def test_ingest_takes_files_and_folders_and_skips_known_files(tmp_path, capsys):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.txt").write_text(BULLETIN)
    (folder / "b.txt").write_text(BULLETIN + "另有贫困村25个。")
    (folder / "notes.xyz").write_text("ignored")
    call_command("ingest", str(folder), str(folder / "a.txt"))
    out = capsys.readouterr().out
    assert Bulletin.objects.count() == 2
    assert "already uploaded" in out
