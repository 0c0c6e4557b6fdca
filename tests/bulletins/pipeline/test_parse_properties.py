"""parse_document on anything: a record or a ParseError, never a crash; every span points at its text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bulletins.pipeline import ParseError, parse_document

GENRE_TEXT = st.text(
    alphabet=list("0123456789.%万亿余近约元人名户个亩所第期年月日是一二两三十百千“”，。、\n▲【】 重庆梁平县酉阳四川省平武贫困村资金"),
    max_size=400,
)


def check_spans(record) -> None:
    text = record.text
    for metric in record.metrics:
        assert text[metric.start : metric.end] == metric.text
    for mention in record.mentions:
        assert text[mention.start : mention.end] == mention.mention
    for program in record.programs:
        assert 0 <= program.start <= program.end <= len(text)


@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.html", "a.docx", "a.pdf", "a"]))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_arbitrary_bytes_give_a_record_or_a_parse_error(data, name):
    try:
        record = parse_document(data, name)
    except ParseError as error:
        assert error.message
        return
    check_spans(record)


@given(st.one_of(st.text(max_size=400), GENRE_TEXT))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_arbitrary_text_gives_spans_that_point_at_their_text(text):
    try:
        record = parse_document(text.encode("utf-8"), "bulletin.txt")
    except ParseError:
        return
    check_spans(record)
