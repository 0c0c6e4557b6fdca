"""The review desk: highlighted text beside editable records; corrections become a person's."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from bulletins.models import Bulletin
from bulletins.services import bulletin_parse, bulletin_upload_bytes
from measures.models import Metric
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TEXT = "平利县扶贫简报第1期\n\n平利县整合涉农资金650万元，建成茶叶基地4个，使1800户贫困户受益。\n"


def user_in(role: str):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def parsed() -> Bulletin:
    bulletin = bulletin_upload_bytes(name="pingli.txt", data=TEXT.encode()).bulletin
    return bulletin_parse(bulletin_id=bulletin.pk)


def review(client, bulletin):
    return client.get(reverse("admin:bulletins_bulletin_review", args=[bulletin.pk]))


def formset_data(bulletin, **changes) -> dict:
    metrics = list(Metric.objects.filter(bulletin=bulletin).order_by("start", "id"))
    data = {"metric-TOTAL_FORMS": len(metrics), "metric-INITIAL_FORMS": len(metrics), "save": "1"}
    for index, metric in enumerate(metrics):
        row = {"id": metric.pk, "value": metric.value, "value_max": metric.value_max or "", "unit": metric.unit,
               "qualifier": metric.qualifier, "indicator": metric.indicator,
               "region": metric.region.code if metric.region else "", "program": metric.program_id or ""}
        row.update(changes.get(metric.source_text, {}))
        data.update({f"metric-{index}-{key}": value for key, value in row.items()})
    return data


def test_the_review_page_highlights_every_figure_at_its_offsets(client, parsed):
    client.force_login(user_in("Reviewer"))
    html = review(client, parsed).content.decode()
    for metric in parsed.metrics.all():
        assert f'data-start="{metric.start}" data-metric="{metric.pk}">{metric.source_text}</span>' in html
    assert 'class="seg hl-region"' in html


def test_a_correction_saves_the_value_and_marks_the_metric_as_a_persons(client, parsed):
    client.force_login(user_in("Reviewer"))
    url = reverse("admin:bulletins_bulletin_review", args=[parsed.pk])
    response = client.post(url, formset_data(parsed, **{"4个": {"value": "5"}}))
    assert response.status_code == 302
    corrected = Metric.objects.get(bulletin=parsed, source_text="4个")
    assert corrected.value == Decimal(5)
    assert corrected.by_person
    assert corrected.history.first().history_user.groups.filter(name="Reviewer").exists()


def test_a_reviewer_adds_a_missed_figure_by_its_offsets(client, parsed):
    client.force_login(user_in("Reviewer"))
    start = parsed.text.index("茶叶基地")
    response = client.post(
        reverse("admin:bulletins_bulletin_review", args=[parsed.pk]),
        {"add": "1", "add-start": start, "add-end": start + 4, "add-value": "1", "add-unit": "个",
         "add-qualifier": "exact", "add-indicator": "茶叶基地"},
    )
    assert response.status_code == 302
    added = Metric.objects.get(bulletin=parsed, indicator="茶叶基地", by_person=True)
    assert added.source_text == "茶叶基地"


def test_a_wrong_figure_is_deleted(client, parsed):
    client.force_login(user_in("Reviewer"))
    data = formset_data(parsed, **{"4个": {"DELETE": "on"}})
    client.post(reverse("admin:bulletins_bulletin_review", args=[parsed.pk]), data)
    assert not Metric.objects.filter(bulletin=parsed, source_text="4个").exists()


def test_a_reparse_keeps_a_reviewers_correction(client, parsed):
    client.force_login(user_in("Reviewer"))
    client.post(reverse("admin:bulletins_bulletin_review", args=[parsed.pk]),
                formset_data(parsed, **{"1800户": {"value": "1900", "indicator": "种茶贫困户"}}))
    bulletin_parse(bulletin_id=parsed.pk)
    rows = Metric.objects.filter(bulletin=parsed, source_text="1800户")
    assert [(m.value, m.indicator, m.by_person) for m in rows] == [(Decimal(1900), "种茶贫困户", True)]
    assert "保留人工修改 1" in parsed.transitions.first().note


def test_an_editor_may_look_but_not_correct(client, parsed):
    editor = user_in("Editor")
    Bulletin.objects.filter(pk=parsed.pk).update(uploaded_by=editor)
    client.force_login(editor)
    assert review(client, parsed).status_code == 403
    response = client.post(reverse("admin:bulletins_bulletin_review", args=[parsed.pk]),
                           formset_data(parsed, **{"4个": {"value": "9"}}))
    assert response.status_code == 403
    assert Metric.objects.get(bulletin=parsed, source_text="4个").value == Decimal(4)


def test_publishing_from_the_review_page_makes_the_corrected_value_public(client, parsed):
    client.force_login(user_in("Reviewer"))
    url = reverse("admin:bulletins_bulletin_review", args=[parsed.pk])
    client.post(url, formset_data(parsed, **{"4个": {"value": "6"}}))
    client.post(url, {"publish": "1"})
    public = client.get(reverse("bulletin-detail", args=[parsed.pk])).content.decode()
    assert '<td class="value">6</td>' in public


def test_text_from_an_upload_is_escaped_on_the_review_page(client):
    data = "某县扶贫简报\n<script>alert(1)</script>全县新建基地4个。".encode()
    bulletin = bulletin_parse(bulletin_id=bulletin_upload_bytes(name="x.txt", data=data).bulletin.pk)
    client.force_login(user_in("Reviewer"))
    html = review(client, bulletin).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_status_endpoint_reports_the_listed_bulletins(client, parsed):
    client.force_login(user_in("Reviewer"))
    response = client.get(reverse("admin:bulletins_bulletin_status"), {"ids": f"{parsed.pk},99999"})
    assert response.json() == {str(parsed.pk): {"status": "parsed", "label": "已解析", "error": ""}}


def test_an_editor_sees_only_their_own_uploads_in_the_status_endpoint(client, parsed):
    client.force_login(user_in("Editor"))
    response = client.get(reverse("admin:bulletins_bulletin_status"), {"ids": str(parsed.pk)})
    assert response.json() == {}


def test_the_review_page_warns_of_another_bulletin_with_the_same_text(client, parsed):
    client.force_login(user_in("Reviewer"))
    twin = bulletin_upload_bytes(name="copy.txt", data=(TEXT + "  \n").encode()).bulletin
    twin = bulletin_parse(bulletin_id=twin.pk)
    assert twin.text_sha256 == parsed.text_sha256
    html = review(client, twin).content.decode()
    assert "正文与以下简报相同" in html
    assert reverse("admin:bulletins_bulletin_review", args=[parsed.pk]) in html


def test_a_programme_is_corrected_inline_with_its_regions(client, parsed):
    from measures.models import Program

    client.force_login(user_in("Reviewer"))
    programs = list(Program.objects.filter(bulletin=parsed).order_by("start", "id"))
    assert programs
    data = {"program-TOTAL_FORMS": len(programs), "program-INITIAL_FORMS": len(programs), "save_programs": "1"}
    for index, program in enumerate(programs):
        data.update({f"program-{index}-id": program.pk, f"program-{index}-title": program.title,
                     f"program-{index}-category": program.category,
                     f"program-{index}-region_codes": " ".join(r.code for r in program.regions.all())})
    data["program-0-category"] = "industry"
    data["program-0-region_codes"] = "610926 610000"
    response = client.post(reverse("admin:bulletins_bulletin_review", args=[parsed.pk]), data)
    assert response.status_code == 302
    first = Program.objects.get(pk=programs[0].pk)
    assert first.category == "industry" and first.by_person
    assert sorted(first.regions.values_list("code", flat=True)) == ["610000", "610926"]


def test_an_unknown_region_code_is_refused_with_a_message(client, parsed):
    from measures.models import Program

    client.force_login(user_in("Reviewer"))
    program = Program.objects.filter(bulletin=parsed).first()
    data = {"program-TOTAL_FORMS": 1, "program-INITIAL_FORMS": 1, "save_programs": "1",
            "program-0-id": program.pk, "program-0-title": program.title, "program-0-category": program.category,
            "program-0-region_codes": "999999"}
    response = client.post(reverse("admin:bulletins_bulletin_review", args=[parsed.pk]), data)
    assert response.status_code == 200
    assert "未知的区划代码" in response.content.decode()
