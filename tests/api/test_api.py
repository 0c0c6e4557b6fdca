"""The partner API: published records only, filtered like the site, cursor-paged, synchronisable."""

import datetime as dt
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api.models import ApiToken
from api.services import key_digest, token_revoke
from bulletins.models import Bulletin, Removal
from bulletins.services import bulletin_delete, bulletin_parse, bulletin_unpublish, bulletin_upload_bytes
from measures.models import Metric
from measures.services import metric_review_delete
from tests.api.conftest import token_for
from tests.factories import StaffUserFactory, UserFactory, published

pytestmark = pytest.mark.django_db

PUBLIC = "贵州扶贫专报第3期\n\n2018年5月2日\n\n贵州省毕节市织金县完成易地扶贫搬迁1.2万人，投入资金3.5亿元，建成安置点12个。\n"
DRAFT = "未发布简报第1期\n\n2018年6月1日\n\n重庆市秀山县建成秘密基地77个，投入资金8888万元。\n"


def parsed(text: str, name: str = "b.txt") -> Bulletin:
    return bulletin_parse(bulletin_id=bulletin_upload_bytes(name=name, data=text.encode()).bulletin.pk)


@pytest.fixture
def records():
    return {"public": published(parsed(PUBLIC, "public.txt")), "draft": parsed(DRAFT, "draft.txt")}


def auth(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Token {key}"}


def results(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


# Published records only

def test_the_bulletin_list_shows_published_bulletins_only(api, records):
    ids = {row["id"] for row in results(api.get("/api/v1/bulletins/"))}
    assert ids == {records["public"].pk}


def test_an_unpublished_bulletin_is_not_found(api, records):
    assert api.get(f"/api/v1/bulletins/{records['draft'].pk}/").status_code == 404


def test_a_published_bulletin_comes_with_its_text_metrics_and_programmes(api, records):
    body = api.get(f"/api/v1/bulletins/{records['public'].pk}/").json()
    assert body["text"].startswith("贵州扶贫专报")
    assert {m["source_text"] for m in body["metrics"]} >= {"1.2万人", "3.5亿元", "12个"}
    assert {"520000", "520500", "520524"} <= set(body["regions"])  # 贵州省, 毕节市, 织金县


def test_metrics_of_unpublished_bulletins_are_never_listed(api, records):
    rows = results(api.get("/api/v1/metrics/", {"page_size": 1000}))
    assert rows and {row["bulletin"] for row in rows} == {records["public"].pk}


def test_a_metric_of_an_unpublished_bulletin_is_not_found(api, records):
    metric = records["draft"].metrics.first()
    assert api.get(f"/api/v1/metrics/{metric.pk}/").status_code == 404


def test_no_filter_reveals_an_unpublished_metric(api, records):
    for params in ({"region": "500000"}, {"unit": "个"}, {"indicator": "基地"}, {"year": "2018"},
                   {"bulletin": records["draft"].pk}):
        rows = results(api.get("/api/v1/metrics/", params))
        assert records["draft"].pk not in {row["bulletin"] for row in rows}, params


def test_no_search_reveals_an_unpublished_bulletin(api, records):
    assert results(api.get("/api/v1/bulletins/", {"q": "秘密基地"})) == []


def test_programmes_of_unpublished_bulletins_are_never_listed(api, records):
    rows = results(api.get("/api/v1/programs/", {"page_size": 1000}))
    assert records["draft"].pk not in {row["bulletin"] for row in rows}


def test_exports_hold_published_metrics_only(api, records):
    csv_body = b"".join(api.get("/api/v1/exports/metrics.csv").streaming_content).decode("utf-8-sig")
    ndjson_body = b"".join(api.get("/api/v1/exports/metrics.ndjson").streaming_content).decode()
    assert "8888" not in csv_body and "8888" not in ndjson_body
    assert "3.5亿元" in csv_body and "3.5亿元" in ndjson_body


# Filters, ordering, pages

def test_the_metric_filters_are_the_sites(api, records):
    rows = results(api.get("/api/v1/metrics/", {"region": "520000", "unit": "元"}))
    assert [row["source_text"] for row in rows] == ["3.5亿元"]
    assert rows[0]["value"] == "350000000.000000" and rows[0]["region"] == "520524"


def test_an_unknown_filter_is_refused_not_ignored(api, records):
    response = api.get("/api/v1/metrics/", {"colour": "red"})
    assert response.status_code == 400 and "colour" in response.json()


def test_an_unknown_region_code_is_refused(api, records):
    assert api.get("/api/v1/bulletins/", {"region": "999999"}).status_code == 400


def test_ordering_by_an_unknown_field_is_refused(api, records):
    assert api.get("/api/v1/metrics/", {"ordering": "source_text"}).status_code == 400


def test_cursor_pages_cover_every_row_once(api, records):
    expected = set(Metric.objects.filter(public=True).values_list("pk", flat=True))
    seen, url = [], "/api/v1/metrics/?page_size=2&ordering=value"
    while url:
        body = api.get(url).json()
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    assert sorted(seen) == sorted(expected) and len(seen) == len(set(seen))


def test_the_number_of_queries_does_not_grow_with_the_page(api, records):
    published(parsed(PUBLIC.replace("1.2万人", "2.4万人"), "second.txt"))

    def queries(size: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert api.get("/api/v1/bulletins/", {"page_size": size}).status_code == 200
        return len(captured)

    assert queries(1) == queries(2)


# Incremental sync

def test_updated_since_returns_only_what_changed_after(api, records):
    before = timezone.now()
    second = published(parsed(PUBLIC.replace("12个", "13个"), "later.txt"))
    rows = results(api.get("/api/v1/bulletins/", {"updated_since": before.isoformat()}))
    assert [row["id"] for row in rows] == [second.pk]
    metrics = results(api.get("/api/v1/metrics/", {"updated_since": before.isoformat(), "page_size": 100}))
    assert {row["bulletin"] for row in metrics} == {second.pk}


def test_updated_since_without_a_time_zone_is_refused(api, records):
    assert api.get("/api/v1/bulletins/", {"updated_since": "2024-01-01T00:00:00"}).status_code == 400


def test_a_time_zone_offset_postgresql_cannot_store_is_converted_not_a_500(api, records):
    # Found by schemathesis: ISO 8601 allows +16:16, PostgreSQL does not.
    assert api.get("/api/v1/metrics/", {"updated_since": "2020-02-04T13:08:31+16:16"}).status_code == 200


def test_a_time_at_the_edge_of_the_calendar_is_refused_not_a_500(api, records):
    assert api.get("/api/v1/metrics/", {"updated_since": "0001-01-01T00:00:00+01:00"}).status_code == 400


def test_an_unpublished_bulletin_appears_in_the_removals(api, records):
    since = timezone.now()
    bulletin_unpublish(bulletin=records["public"], by=StaffUserFactory())
    rows = results(api.get("/api/v1/removals/", {"since": since.isoformat()}))
    assert [(r["kind"], r["object_id"], r["reason"]) for r in rows] == [
        ("bulletin", records["public"].pk, "unpublished")
    ]


def test_a_metric_deleted_from_a_published_bulletin_appears_in_the_removals(api, records):
    metric = records["public"].metrics.first()
    pk = metric.pk
    metric_review_delete(metric=metric, by=StaffUserFactory())
    rows = results(api.get("/api/v1/removals/"))
    assert [(r["kind"], r["object_id"]) for r in rows] == [("metric", pk)]


def test_a_deleted_published_bulletin_appears_in_the_removals(api, records):
    pk = records["public"].pk
    bulletin_delete(bulletin=records["public"], by=StaffUserFactory())
    assert Removal.objects.filter(kind="bulletin", object_id=pk, reason="deleted").exists()


def test_a_draft_leaves_no_removal_behind(api, records):
    metric_review_delete(metric=records["draft"].metrics.first(), by=StaffUserFactory())
    bulletin_delete(bulletin=records["draft"], by=StaffUserFactory())
    assert results(api.get("/api/v1/removals/")) == []


# Conditional requests

def test_an_unchanged_list_answers_304(api, records):
    first = api.get("/api/v1/metrics/")
    assert first["ETag"] and first["Last-Modified"]
    again = api.get("/api/v1/metrics/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_if_modified_since_answers_304_when_nothing_changed(api, records):
    first = api.get(f"/api/v1/bulletins/{records['public'].pk}/")
    again = api.get(f"/api/v1/bulletins/{records['public'].pk}/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


def test_a_publication_changes_the_etag(api, records):
    first = api.get("/api/v1/bulletins/")
    published(records["draft"])
    again = api.get("/api/v1/bulletins/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and again["ETag"] != first["ETag"]


def test_other_filters_have_other_etags(api, records):
    assert api.get("/api/v1/metrics/", {"unit": "元"})["ETag"] != api.get("/api/v1/metrics/")["ETag"]


# Tokens and throttles

def test_a_token_is_stored_only_as_a_digest(partner_key):
    token = ApiToken.objects.get()
    assert token.key_hash == key_digest(partner_key) and partner_key not in (token.key_hash, token.prefix)


def test_a_token_records_its_last_use(api, records, partner_key):
    assert api.get("/api/v1/bulletins/", **auth(partner_key)).status_code == 200
    assert ApiToken.objects.get().last_used_at is not None


def test_a_revoked_token_is_refused(api, records, partner_key):
    token_revoke(token=ApiToken.objects.get(), by=StaffUserFactory())
    response = api.get("/api/v1/bulletins/", **auth(partner_key))
    assert response.status_code == 401


def test_an_unknown_token_is_refused(api, records):
    assert api.get("/api/v1/bulletins/", **auth("fp_not-a-key")).status_code == 401


def test_anonymous_reads_are_throttled_with_retry_after(api, records, settings):
    settings.FUPIN_API_ANON_RATE = "2/min"
    codes = [api.get("/api/v1/regions/").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert int(api.get("/api/v1/regions/")["Retry-After"]) > 0


def test_a_partner_token_gets_the_higher_rate(api, records, settings, partner_key):
    settings.FUPIN_API_ANON_RATE = "2/min"
    settings.FUPIN_API_PARTNER_RATE = "5/min"
    codes = [api.get("/api/v1/regions/", **auth(partner_key)).status_code for _ in range(6)]
    assert codes == [200] * 5 + [429]


# Uploads

def upload(api, key: str, name: str = "new.txt", text: str = PUBLIC.replace("12个", "21个")):
    return api.post("/api/v1/uploads/", {"file": SimpleUploadedFile(name, text.encode())}, format="multipart",
                    **auth(key))


def worker_parses(upload_response) -> None:
    """What the worker does with the queued task (tests/test_worker_end_to_end.py runs a real one)."""
    bulletin_parse(bulletin_id=upload_response.json()["id"])


def test_an_editor_token_uploads_and_gets_202_with_the_address_to_poll(api, editor):
    response = upload(api, token_for(editor))
    assert response.status_code == 202
    body = response.json()
    assert response["Location"] == body["url"] and body["url"].endswith(f"/api/v1/uploads/{body['id']}/")
    assert Bulletin.objects.get(pk=body["id"]).uploaded_by == editor


def test_the_uploader_polls_the_status_of_their_upload(api, editor):
    key = token_for(editor)
    response = upload(api, key)
    worker_parses(response)
    body = api.get(response.json()["url"], **auth(key)).json()
    assert body["status"] == "parsed" and body["failure_code"] == ""


def test_an_editor_token_cannot_read_drafts_of_others(api, editor, records):
    other = UserFactory(username="other-editor", is_staff=True)
    other.groups.set(editor.groups.all())
    theirs = upload(api, token_for(other), "theirs.txt").json()["id"]
    key = token_for(editor)
    assert api.get(f"/api/v1/uploads/{theirs}/", **auth(key)).status_code == 404
    assert api.get(f"/api/v1/bulletins/{theirs}/", **auth(key)).status_code == 404
    assert theirs not in {row["id"] for row in results(api.get("/api/v1/uploads/", **auth(key)))}


def test_the_same_file_twice_is_refused_with_409(api, editor):
    key = token_for(editor)
    first = upload(api, key).json()
    second = upload(api, key, "again.txt")
    assert second.status_code == 409 and second.json()["id"] == first["id"]


def test_an_empty_file_is_kept_and_fails_with_a_reason(api, editor):
    key = token_for(editor)
    response = upload(api, key, "empty.txt", "")
    worker_parses(response)
    body = api.get(response.json()["url"], **auth(key)).json()
    assert body["status"] == "failed" and body["failure_code"] == "empty"


def test_a_file_name_with_a_path_is_kept_without_it(api, editor):
    body = upload(api, token_for(editor), "../../etc/passwd.txt").json()
    assert "/" not in body["original_name"] and ".." not in body["original_name"]


def test_a_partner_token_without_upload_permission_cannot_upload(api, partner_key):
    assert upload(api, partner_key).status_code == 403


def test_anonymous_uploads_are_refused(api):
    response = api.post("/api/v1/uploads/", {"file": SimpleUploadedFile("a.txt", b"x")}, format="multipart")
    assert response.status_code == 401


# Exports

def test_the_csv_export_streams_exactly_the_filtered_rows(api, records):
    response = api.get("/api/v1/exports/metrics.csv", {"unit": "元"})
    assert response.streaming and response["Content-Type"].startswith("text/csv")
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and "3.5亿元" in lines[1]


def test_the_ndjson_export_has_one_json_object_per_metric(api, records):
    response = api.get("/api/v1/exports/metrics.ndjson", {"region": "520000"})
    rows = [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()]
    assert len(rows) == Metric.objects.filter(public=True, region__code__startswith="52").count()
    assert all(row["bulletin_id"] == records["public"].pk for row in rows)


def test_an_export_with_an_unknown_filter_is_refused(api, records):
    assert api.get("/api/v1/exports/metrics.csv", {"colour": "red"}).status_code == 400


def test_updated_since_in_the_future_exports_nothing(api, records):
    future = (timezone.now() + dt.timedelta(days=1)).isoformat()
    body = b"".join(api.get("/api/v1/exports/metrics.ndjson", {"updated_since": future}).streaming_content)
    assert body == b""
