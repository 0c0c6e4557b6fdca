"""The public site: pages, filters, search, totals, CSV and charts; published records only."""

import csv
import io
from pathlib import Path

import pytest
from django.urls import reverse

from bulletins.models import Bulletin
from bulletins.services import bulletin_parse, bulletin_upload_bytes
from measures.models import Metric
from tests.factories import published as publish

pytestmark = pytest.mark.django_db
CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "files"
SECRET = "未发布简报第1期\n\n重庆市秀山县建成秘密基地77个，投入资金8888万元。\n"


def parsed(name: str, data: bytes | None = None) -> Bulletin:
    data = data if data is not None else (CORPUS / name).read_bytes()
    return bulletin_parse(bulletin_id=bulletin_upload_bytes(name=name, data=data).bulletin.pk)


def published(name: str) -> Bulletin:
    return publish(parsed(name))


@pytest.fixture
def site():
    return {
        "guizhou": published("01_guizhou_brief.txt"),
        "chongqing": published("11_chongqing_kaixian.txt"),
        "henan": published("06_henan_lankao.txt"),
        "draft": parsed("secret.txt", SECRET.encode()),
    }


def get(client, name, **params):
    return client.get(reverse(name), params)


def test_home_shows_totals_and_latest_published_only(client, site):
    html = get(client, "home").content.decode()
    assert site["guizhou"].title in html
    assert "未发布简报" not in html
    published_metrics = Metric.objects.filter(bulletin__status="published").count()
    assert f"<strong>{published_metrics}</strong>" in html
    assert "<strong>3</strong>" in html


def test_the_listing_shows_published_bulletins_only(client, site):
    html = get(client, "bulletin-list").content.decode()
    assert site["guizhou"].title in html and site["chongqing"].title in html
    assert "未发布简报" not in html


def test_search_finds_a_two_character_word(client, site):
    html = get(client, "bulletin-list", q="茶园").content.decode()
    assert site["guizhou"].title in html
    assert site["chongqing"].title not in html
    assert "<mark>茶园</mark>" in html


def test_search_needs_every_word(client, site):
    assert site["guizhou"].title not in get(client, "bulletin-list", q="茶园 朝阳区").content.decode()


def test_search_never_finds_an_unpublished_bulletin(client, site):
    assert "未发布简报" not in get(client, "bulletin-list", q="秘密基地").content.decode()


def test_choosing_a_province_includes_its_counties(client, site):
    html = get(client, "bulletin-list", region="500000").content.decode()
    assert site["chongqing"].title in html
    assert site["guizhou"].title not in html


def test_filter_by_programme_category(client, site):
    html = get(client, "bulletin-list", category="finance").content.decode()
    assert site["guizhou"].title in html and site["henan"].title not in html


def test_filter_by_issuer_and_date_range(client, site):
    html = get(client, "bulletin-list", issuer="兰考", date_from="2016-01-01", date_to="2016-12-31").content.decode()
    assert site["henan"].title in html and site["guizhou"].title not in html


def test_sorting_by_date_ascending(client, site):
    html = get(client, "bulletin-list", sort="published_on").content.decode()
    assert html.index(site["chongqing"].title) < html.index(site["henan"].title) < html.index(site["guizhou"].title)


def test_an_unknown_filter_is_a_400_not_ignored(client, site):
    response = get(client, "bulletin-list", colour="red")
    assert response.status_code == 400
    assert "colour" in response.content.decode()


def test_an_invalid_filter_value_is_a_400(client, site):
    assert get(client, "bulletin-list", date_from="not-a-date").status_code == 400


def test_the_bulletin_page_shows_metrics_regions_programmes_and_the_original(client, site):
    bulletin = site["guizhou"]
    html = client.get(reverse("bulletin-detail", args=[bulletin.pk])).content.decode()
    assert "1.2万亩" in html and "雷山县" in html and "[产业扶贫]" in html
    assert reverse("bulletin-original", args=[bulletin.pk]) in html


def test_an_unpublished_bulletin_page_is_not_found(client, site):
    assert client.get(reverse("bulletin-detail", args=[site["draft"].pk])).status_code == 404


def test_the_explorer_filters_by_unit_region_and_indicator_words(client, site):
    html = get(client, "metric-explorer", unit="亩", region="520000", indicator="茶园 面积").content.decode()
    assert "<td>茶园总面积</td>" in html
    assert '<td class="value">165000</td>' in html
    assert '<td class="value">12000</td>' not in html  # 新建茶园: no 面积 in its indicator


def test_the_explorer_totals_by_year(client, site):
    html = get(client, "metric-explorer", unit="户", group="year").content.decode()
    assert "<td>2018</td>" in html


def test_the_csv_holds_exactly_the_filtered_published_rows(client, site):
    response = get(client, "metric-csv", region="520000", unit="元")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    expected = Metric.objects.filter(
        bulletin__status="published", unit="元", region__code__startswith="52"
    ).count()
    assert len(rows) - 1 == expected > 0
    assert all(row[6] == "元" and row[8].startswith("52") for row in rows[1:])


def test_the_csv_never_holds_unpublished_figures(client, site):
    body = b"".join(get(client, "metric-csv").streaming_content).decode("utf-8-sig")
    assert "8888" not in body and "秘密基地" not in body


def test_the_region_page_shows_children_bulletins_and_a_chart(client, site):
    html = client.get(reverse("region-detail", args=["520000"])).content.decode()
    assert "黔东南苗族侗族自治州" in html  # a child division
    assert site["guizhou"].title in html
    assert "<svg" in html and "2018" in html


def test_the_region_page_counts_no_unpublished_figures(client, site):
    html = client.get(reverse("region-detail", args=["500241"])).content.decode()
    assert "8888" not in html and "未发布简报" not in html


@pytest.mark.parametrize("name", ["bulletin-list", "metric-explorer"])
def test_queries_per_page_do_not_grow_with_the_page(client, site, name, django_assert_max_num_queries):
    with django_assert_max_num_queries(8) as small:
        get(client, name, page=1)
    for index in range(30):
        publish(parsed(f"extra{index}.txt", f"某县扶贫简报第{index}期\n\n全县新建基地{index + 2}个，带动贫困户{index + 100}户。\n".encode()))
    with django_assert_max_num_queries(len(small.captured_queries)):
        get(client, name, page=1)


def test_the_original_of_a_published_bulletin_downloads_as_an_attachment(client, site):
    bulletin = site["guizhou"]
    response = client.get(reverse("bulletin-original", args=[bulletin.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == (CORPUS / "01_guizhou_brief.txt").read_bytes()


def test_the_original_of_an_unpublished_bulletin_is_not_public(client, site):
    assert client.get(reverse("bulletin-original", args=[site["draft"].pk])).status_code == 404


def test_unpublishing_takes_a_bulletins_figures_off_the_explorer_and_csv(client, site):
    from bulletins.services import bulletin_unpublish
    from tests.factories import UserFactory

    bulletin = site["chongqing"]
    assert "45000000" in b"".join(get(client, "metric-csv").streaming_content).decode("utf-8-sig")
    bulletin_unpublish(bulletin=bulletin, by=UserFactory(username="r", is_superuser=True))
    body = b"".join(get(client, "metric-csv").streaming_content).decode("utf-8-sig")
    assert "45000000" not in body
    assert "45000000" not in get(client, "metric-explorer", unit="元").content.decode()


def test_a_corrected_bulletin_date_moves_its_figures_to_the_new_year(client, site):
    import datetime as dt

    from bulletins.services import bulletin_update_fields
    from tests.factories import UserFactory

    bulletin = site["henan"]
    bulletin_update_fields(
        bulletin=bulletin, changes={"published_on": dt.date(2021, 3, 1)}, by=UserFactory(username="r", is_superuser=True)
    )
    assert set(Metric.objects.filter(bulletin=bulletin).values_list("year", flat=True)) == {2021}
