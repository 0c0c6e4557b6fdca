"""Properties of find_quantities that hold for any text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from measures.extraction.quantities import find_quantities

GENRE = st.text(alphabet=list("0123456789.,-—%万亿千百十余多近约以上下内左右元人名户个亩所家次期年月日第是一二两三五九零〇“”，。、 贫困村资金"), max_size=80)


@given(st.one_of(st.text(max_size=300), GENRE))
@settings(max_examples=400, deadline=None)
def test_never_raises_and_every_span_points_at_its_text(text):
    previous_end = 0
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.start >= previous_end, "spans do not overlap"
        previous_end = quantity.end
        if quantity.value_max is not None:
            assert quantity.value_max >= quantity.value
        assert quantity.qualifier in {"exact", "approx", "over", "at_least", "at_most", "range"}
