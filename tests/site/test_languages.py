"""The interface is Chinese by default and every string of it can be translated (English ships)."""

import re
from gettext import GNUTranslations
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.urls import reverse
from django.utils import translation

from bulletins.filters import BulletinFilter

ROOT = Path(__file__).resolve().parent.parent.parent
CATALOGUE = ROOT / "locale" / "en" / "LC_MESSAGES"
HAN = re.compile(r"[\u3400-\u9fff]")  # words; full-width punctuation around data may stay
# How a template marks a string: {% translate "…" %}, {% blocktranslate %}…{% endblocktranslate %}, _("…").
TRANSLATED = re.compile(
    r"{%\s*translate\s+(['\"]).*?\1[^%]*%}|{%\s*blocktranslate\b.*?%}.*?{%\s*endblocktranslate\s*%}"
    r"|_\((['\"]).*?\2\)",
    re.S,
)
COMMENT = re.compile(r"{#.*?#}|{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S)


@pytest.mark.django_db
def test_a_visitor_without_a_language_preference_sees_chinese(client):
    html = client.get(reverse("home")).content.decode()
    assert '<html lang="zh-hans">' in html
    assert "扶贫简报数据门户" in html


@pytest.mark.django_db
def test_a_browser_asking_for_english_sees_english(client):
    html = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert '<html lang="en">' in html
    assert "Poverty-alleviation bulletin portal" in html
    assert "扶贫简报数据门户" not in html


@pytest.mark.django_db
def test_the_sort_menu_speaks_the_language_of_the_request():
    # django-filter formats its "(descending)" labels once, at import, and has no zh-hans catalogue.
    for language, expected in (("zh-hans", "发布日期（从新到旧）"), ("en", "Date, newest first")):
        with translation.override(language):
            labels = [str(label) for _, label in BulletinFilter({}).form.fields["sort"].choices]
        assert expected in labels
        assert not any("descending)" in label for label in labels)


def test_every_chinese_word_in_the_templates_is_marked_for_translation():
    untranslated = {}
    for template in sorted((ROOT / "templates").rglob("*.html")):
        rest = TRANSLATED.sub("", COMMENT.sub("", template.read_text(encoding="utf-8")))
        if found := HAN.findall(rest):
            untranslated[str(template.relative_to(ROOT))] = "".join(found)
    assert untranslated == {}


def test_the_english_catalogue_translates_every_message():
    with (CATALOGUE / "django.po").open("rb") as source:
        catalogue = read_po(source)
    missing = [message.id for message in catalogue if message.id and (not message.string or message.fuzzy)]
    assert missing == []


def test_the_compiled_catalogue_is_the_one_its_source_describes():
    # The .mo is committed so that a fresh checkout needs no gettext tools; it must not fall behind.
    with (CATALOGUE / "django.po").open("rb") as source, (CATALOGUE / "django.mo").open("rb") as compiled:
        po = {(f"{m.context}\x04" if m.context else "") + m.id: m.string for m in read_po(source) if m.id}
        mo = {key: value for key, value in GNUTranslations(compiled)._catalog.items() if key}
    assert po == mo
