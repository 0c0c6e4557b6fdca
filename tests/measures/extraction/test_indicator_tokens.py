"""clause_tokens: how the words of a clause are joined and classified before a phrase is read."""

from measures.extraction.indicator_tokens import clause_tokens


def _words(clause: str) -> list[tuple[str, str]]:
    return [(t.word, t.kind) for t in clause_tokens(clause)]


def test_a_linking_word_split_by_the_dictionary_is_rejoined():
    assert ("高达", "L") in _words("贫困发生率高达21%")


def test_a_cause_with_yin_is_a_modifier_like_a_compound_verb():
    assert _words("因病致贫的群众")[:2] == [("因病", "C"), ("致贫", "C")]


def test_a_verb_before_a_fund_noun_names_the_fund():
    assert ("整合资金", "N") in _words("县里整合资金")


def test_scope_words_of_the_genre_are_not_nouns():
    assert ("县里", "S") in _words("县里整合资金")


def test_directly_subordinate_departments_are_one_word():
    assert ("县直", "N") in _words("45个县直部门")


def test_two_single_verbs_the_dictionary_left_apart_make_a_verb():
    assert ("能挣", "V") in _words("也能挣")


def test_modifiers_tagged_as_adverbs_or_verbs_are_modifiers():
    assert ("一次性", "M") in _words("给予一次性奖励")
    assert ("在建", "M") in _words("在建光伏电站")
    assert ("处级", "M") in _words("处级干部")


def test_a_figure_is_one_token():
    assert ("12.6万人", "F") in _words("累计减贫12.6万人")
