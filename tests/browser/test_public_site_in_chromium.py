"""A visitor in a real browser: search, filter by a province, open a bulletin, download the CSV."""

from pathlib import Path

import pytest

from bulletins.models import Bulletin
from bulletins.services import bulletin_parse, bulletin_upload_bytes
from tests.factories import published

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "files"


def publish(name: str) -> Bulletin:
    bulletin = bulletin_upload_bytes(name=name, data=(CORPUS / name).read_bytes()).bulletin
    return published(bulletin_parse(bulletin_id=bulletin.pk))


# serialized_rollback: the divisions and roles that migrations load survive this test
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_search_filter_open_and_download(live_server, browser_page, tmp_path):
    guizhou = publish("01_guizhou_brief.txt")
    chongqing = publish("11_chongqing_kaixian.txt")
    page = browser_page
    page.goto(live_server.url + "/")
    page.fill("header input[name=q]", "扶贫")
    page.click("header button[type=submit]")
    assert guizhou.title in page.inner_text("#bulletins")
    assert chongqing.title in page.inner_text("#bulletins")

    page.goto(live_server.url + "/bulletins/")
    page.select_option("#id_region", "500000")
    page.click("#bulletin-filters button[type=submit]")
    listed = page.inner_text("#bulletins")
    assert chongqing.title in listed and guizhou.title not in listed
    assert "region=500000" in page.url  # every filter is in the address, so a result can be shared

    page.click(f"text={chongqing.title}")
    assert "4500万元" in page.inner_text("#metrics")

    with page.expect_download() as download_info:
        page.click("text=下载指标 CSV")
    path = tmp_path / "metrics.csv"
    download_info.value.save_as(path)
    content = path.read_text(encoding="utf-8-sig")
    assert content.splitlines()[0].startswith("bulletin_id,")
    assert "45000000" in content
