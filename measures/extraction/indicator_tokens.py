"""Tokens of the clause around a figure: titles, quotations, asides and figures whole, the rest tagged.

The clause is segmented with rjieba (jieba's dictionary, in Rust) and every word classified with
the lists of indicator_lexicon, which correct the tagger where the genre's usage differs.
"""

from __future__ import annotations

from functools import lru_cache

import rjieba

from .indicator_lexicon import (
    CJK,
    COMPOUND_VERBS,
    DATE_ENDS,
    FIGURE,
    FORCED_MODIFIERS,
    FORCED_NOUNS,
    FRAGMENT_TAGS,
    FUND_NOUNS,
    GLUED_TAILS,
    GLUED_TERMS,
    HAS_DIGIT,
    LEVEL_TAILS,
    LEVEL_VERBS,
    LINKS,
    MONEY_NOUNS,
    NOUN_SUFFIXES,
    NOUN_TAGS,
    NUMERAL,
    PAIRS,
    PLACE,
    PREDICATES,
    QUOTES,
    SCOPE,
    SPACE,
    SPACE_TOKEN,
    SPECIAL,
    VERB_TAGS,
    Token,
)


@lru_cache(maxsize=4096)
def clause_tokens(clause: str) -> tuple[Token, ...]:
    """Tokens of a clause: titles, quotations, bracketed asides and figures whole, the rest tagged."""
    tokens: list[Token] = []
    position = 0
    length = len(clause)
    while position < length:
        char = clause[position]
        closer = PAIRS.get(char)
        if closer:
            stop = clause.find(closer, position + 1)
            if stop > position:
                word = clause[position : stop + 1]
                kind = "T" if char == "《" else ("Q" if char in "“「『" else "B")
                tokens.append(Token(word, kind))
                position = stop + 1
                continue
        match = FIGURE.match(clause, position)
        if match and match.end() > position and (HAS_DIGIT.search(match.group()) or match.end() - position > 1):
            tokens.append(Token(match.group(), "F"))
            position = match.end()
            continue
        # Plain run up to the next special character.
        special = SPECIAL.search(clause, position + 1)
        stop = special.start() if special else length
        tokens.extend(tag_run(clause[position:stop]))
        position = stop
    return tuple(_merge_suffixes(_glue(tokens)))


@lru_cache(maxsize=4096)
def tag_run(run: str) -> tuple[Token, ...]:
    """Tagged words of a run of plain text; runs between two figures recur in neighbouring windows."""
    tokens: list[Token] = []
    fragment = False  # the previous token is a single character the dictionary did not place
    previous_flag = ""
    for word, flag in rjieba.tag(run, hmm=False):
        words, single = _classified(word, flag)
        if single and fragment:
            # Genre words missing from the dictionary come out as runs of single characters
            # (支/医, 带/教, 参/训, 省/定): rejoin such runs; two verbs make a verb (能/挣).
            joined = tokens[-1].word + word
            verbal = previous_flag.startswith("v") and flag.startswith("v")
            tokens[-1] = Token(joined, word_kind(joined, "v" if verbal else "n"))
            fragment = False
            continue
        tokens += words
        fragment = single
        previous_flag = flag
    return tuple(tokens)


@lru_cache(maxsize=8192)
def _classified(word: str, flag: str) -> tuple[tuple[Token, ...], bool]:
    """The tokens one tagged word becomes, and whether it is a lone character that may join the next."""
    if not word.strip():
        return (SPACE_TOKEN,), False
    if not word.strip(QUOTES):
        return (), False  # a stray quotation mark says nothing
    if len(word) > 1 and word[0] in NOUN_SUFFIXES and (word[1:] in LINKS or word[1:] in LEVEL_VERBS):
        # The dictionary glues a noun suffix to the verb after it ("率达", "率控制"): split them.
        return (Token(word[0], word_kind(word[0], "n")), Token(word[1:], word_kind(word[1:], "v"))), False
    kind = word_kind(word, flag)
    # Never join across a linking or function word, a figure or a numeral.
    single = len(word) == 1 and flag in FRAGMENT_TAGS and kind not in ("L", "S", "F") and word not in NUMERAL
    return (Token(word, kind),), single


@lru_cache(maxsize=8192)
def word_kind(word: str, flag: str) -> str:
    if word in LINKS:
        return "L"
    if word in FORCED_NOUNS:
        return "N"
    if word in FORCED_MODIFIERS:
        return "M"
    if word in SCOPE or word.startswith("每"):
        return "S"
    if word in COMPOUND_VERBS or word in MONEY_NOUNS:
        return "C"
    if word in PREDICATES:
        return "V"
    if flag in ("ns", "nt") and PLACE.match(word):
        return "P"
    if flag in NOUN_TAGS:
        return "N"
    if flag in VERB_TAGS:
        return "V"
    if flag in ("a", "ad", "f", "h") and len(word) <= 3:
        return "M"
    if flag == "m" and len(word) > 1 and FIGURE.fullmatch(word):
        return "F"  # "选派挂职干部三批共138名": a figure in words is still a figure
    if flag in ("x", "o") and CJK.fullmatch(word):
        return "N"  # a character the dictionary does not know (嘎查村): a name more often than not
    if flag == "q" and len(word) > 1:
        return "N"  # 系列, 批次 used as nouns
    if flag in ("m", "q", "k", "t") and len(word) == 1 and word not in NUMERAL:
        return "N"  # jieba mistakes 点, 道, 年 for numerals or measure words
    return "S"


def _glue(tokens: list[Token]) -> list[Token]:
    """Rejoin genre terms the dictionary splits ("可/支配" → 可支配) and per-unit words (每/生)."""
    glued: list[Token] = []
    for token in tokens:
        if not glued:
            glued.append(token)
            continue
        last = glued[-1]
        kind = token.kind
        if token.word in GLUED_TAILS and last.word + token.word in GLUED_TERMS:
            glued[-1] = Token(last.word + token.word, "N")
        elif last.word == "每" and len(token.word) == 1 and kind in ("N", "S"):
            glued[-1] = Token("每" + token.word, "S")  # "每生补助4元/天": 每生 says per whom, not what
        elif kind == "L" and last.word + token.word in LINKS:
            glued[-1] = Token(last.word + token.word, "L")  # "高/达" → 高达, a linking word like 达到
        elif last.word == "因" and len(token.word) == 1 and kind in ("N", "S", "V"):
            glued[-1] = Token("因" + token.word, "C")  # "因病致贫": a cause that modifies like a compound verb
        elif last.kind == "V" and token.word in FUND_NOUNS and last.word not in ("用于", "用来"):
            glued[-1] = Token(last.word + token.word, "N")  # 建设资金, 整合资金: a fund named by its use
        else:
            glued.append(token)
    return glued


def _merge_suffixes(tokens: list[Token]) -> list[Token]:
    """A single-character noun after a verb or noun is a suffix: 采购+点, 耕作+道, 驻+村."""
    merged: list[Token] = []
    for token in tokens:
        if (
            merged
            and len(token.word) == 1
            and token.kind == "N"
            and merged[-1].kind in ("V", "C", "N")
            and len(merged[-1].word) <= 4
            and merged[-1].word not in PREDICATES
        ):
            merged[-1] = Token(merged[-1].word + token.word, "N")
        else:
            merged.append(token)
    return merged


def strip_links(tokens: tuple[Token, ...]) -> tuple[tuple[Token, ...], bool]:
    """Drop, from the figure leftward, linking words, a previous figure and "提高到"-style verbs."""
    end = len(tokens)
    stripped = False
    while end:
        token = tokens[end - 1]
        word, kind = token.word, token.kind
        previous = tokens[end - 2] if end >= 2 else None
        if word in _LEVEL_LINKS and previous is not None and previous.word in LEVEL_VERBS:
            end -= 2  # before 为 is taken for a linking word: "发生率已降为0.5%"
        elif word in _LEVEL_LINKS and previous is not None and _glued_level(previous):
            # The dictionary glues the level verb to its noun ("个人自付比例控制/在10%以内"): keep the noun.
            head = previous.word[: -len(next(t for t in LEVEL_TAILS if previous.word.endswith(t)))]
            return (*tokens[: end - 2], Token(head, "N")), True
        elif kind == "L" or kind == "F" or word == " " or word[0] == "每":
            end -= 1  # a previous figure too: "举办电商培训6期540名" — the two share their noun
        elif word in DATE_ENDS and previous is not None and previous.kind == "F":
            end -= 2  # "减少到2018年底的3600人": a date, not a figure of the clause
        elif word in _PARTICLES:
            end -= 1  # "贡献率在30%以上"
        else:
            break
        stripped = True
    return tokens[:end], stripped


_LEVEL_LINKS = frozenset("到 至 在 为".split())
_PARTICLES = frozenset("的 之 了 由 从 在".split())


def _glued_level(token: Token) -> bool:
    return token.kind == "N" and len(token.word) >= 4 and token.word.endswith(LEVEL_TAILS)


def title_at(tokens: tuple[Token, ...], index: int) -> str | None:
    if tokens and tokens[index].kind == "T":
        inner = tokens[index].word[1:-1].strip()
        return inner or None
    return None


def unquoted(token: Token) -> Token:
    # A quoted name alone is given without its marks, which bulletins and readers use inconsistently.
    return Token(token.word[1:-1].strip() or token.word, "N")


def join_words(words: list[Token]) -> str | None:
    text = "".join([t.word for t in words]).strip(" 的了和及与等、")
    # Unbalanced quotation marks from a quotation cut by the window are dropped.
    if ("“" in text or "”" in text) and text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    if not text.isalnum():
        text = SPACE.sub("", text)
    return text or None
