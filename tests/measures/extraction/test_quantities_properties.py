"""Properties of find_quantities and parse_quantity that hold for any text."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from measures.extraction.quantities import QUALIFIERS, find_quantities, parse_quantity

# Characters of the genre: digits of both widths, Chinese numerals, scales, qualifiers, measure
# words, dashes, quotation and title marks, and a few nouns the context rules look at.
GENRE_ALPHABET = list(
    "0123456789０１２３４５６７８９.,，．%％-—–~～至到"
    "零〇一二两三四五六七八九十百千万亿点余多近约超逾以上下内左右及不少低于过足"
    "元人名位户次个亩所家期批场台口公里千米平方/月年日时分号第每是要、。；："
    "“”\"《》〔〕（）() \n贫困村资金人口群众投资"
)
GENRE = st.text(alphabet=GENRE_ALPHABET, max_size=120)


def _check(text, quantities):
    previous_end = 0
    for quantity in quantities:
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.start >= previous_end, "spans do not overlap and come in order"
        assert quantity.end > quantity.start
        previous_end = quantity.end
        assert isinstance(quantity.value, Decimal)
        if quantity.value_max is not None:
            assert isinstance(quantity.value_max, Decimal)
            assert quantity.value_max >= quantity.value
            assert quantity.qualifier == "range"
        assert quantity.qualifier in QUALIFIERS
        assert quantity.unit


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_arbitrary_text_never_raises_and_spans_point_at_their_text(text):
    _check(text, find_quantities(text))


@given(GENRE)
@settings(max_examples=1500, deadline=None)
def test_text_of_the_genre_never_raises_and_spans_point_at_their_text(text):
    _check(text, find_quantities(text))


@given(st.lists(st.sampled_from(["“", "”", '"', "《", "》", "第", "每", "年", "2019", "1.5万", "元", "，"]), max_size=30))
@settings(max_examples=300, deadline=None)
def test_quotes_titles_and_labels_in_any_order_never_break_the_scan(parts):
    text = "".join(parts)
    _check(text, find_quantities(text))


@given(GENRE)
@settings(max_examples=500, deadline=None)
def test_parse_quantity_never_raises_and_covers_the_whole_string(text):
    quantity = parse_quantity(text)
    if quantity is not None:
        assert quantity.text == text.strip()
        assert text[quantity.start : quantity.end] == quantity.text


@given(
    st.integers(min_value=1, max_value=10**9),
    st.sampled_from(["", "万", "亿"]),
    st.sampled_from(["户", "人", "个", "元", "亩", "人次"]),
)
@settings(max_examples=300, deadline=None)
def test_a_printed_figure_in_a_sentence_is_found_with_its_exact_value(number, scale, unit):
    text = f"全县共完成{number}{scale}{unit}，"
    quantities = find_quantities(text)
    assert [q.text for q in quantities] == [f"{number}{scale}{unit}"]
    factor = {"": 1, "万": 10**4, "亿": 10**8}[scale]
    assert quantities[0].value == Decimal(number) * factor
