"""The words around a core phrase that make it specific: who does what to a counted class, what a sum is for.

A count of a whole class (贫困户, 企业, 部门, 村) says little by its noun alone; the genre tells the
class apart by the relation it stands in ("结对帮扶300户贫困户" → 结对帮扶贫困户) or by what its
members do ("120户贫困户发展庭院经济" → 发展庭院经济的贫困户). A sum is named by the fund after it
("下拨80万元扶持资金"), the thing it is the value of ("价值3万元的农资" → 农资价值) or its purpose
("投入90万元改造村级卫生室" → 村级卫生室投入). These rules read those words from the tokens of
the clause, which indicator_phrases has already split into the core phrase and the rest.
"""

from __future__ import annotations

import re

from .indicator_lexicon import (
    ADMIN_ASIDE,
    GENERIC_HEADS,
    LIGHT,
    MODALS,
    MONEY_HEADS,
    NOT_SUBJECT,
    SCOPE,
    UNTELLING,
    VILLAGE_NAME,
    Token,
)
from .indicator_phrases import Phrase, phrase_after
from .indicator_tokens import join_words

_GENERIC_MAX = 5  # "乡镇寄宿制学校" is specific already; "贫困村民" is a class
_RELATION_MAX = 7
_PREDICATE_MAX = 12
_COORDINATORS = frozenset("和 与 及 同 、".split())
_PREDICATE_ADVERBS = frozenset("都 均 全部 全 也 已 已经 还 又 再 先后 共同 分别 均已 都已 一起 从中".split())
_ASPECT = frozenset("了 过 着".split())
_COPULAS = frozenset("是 属 属于 为 都 均 也 已 又 还".split())
_PURPOSE = frozenset("用于 用来 专项用于 主要用于 重点用于 专门用于".split())
_WRAP_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
_ORDINAL_BEFORE = re.compile(r"[一二三四五六七八九十]是$")


def unwrap(clause: str) -> str:
    """A clause without the spaces a line wrap left between two characters ("配套 经费" → 配套经费).

    A space after an ordinal heading ("二是 加强…") is a real gap and stays.
    """
    if " " not in clause:
        return clause
    return _WRAP_SPACE.sub(lambda m: " " if _ORDINAL_BEFORE.search(clause, 0, m.start()) else "", clause)


def is_generic(text: str, limit: int = _GENERIC_MAX) -> bool:
    """Whether a phrase names a whole class (贫困户, 区级部门, 学生) rather than a specific thing."""
    return len(text) <= limit and (text.endswith(GENERIC_HEADS) or text == "区")


def relation_verbs(tokens: tuple[Token, ...], index: int) -> str:
    """The verbs right before tokens[index] that tie a class to the actor: 结对帮扶, 走访慰问, 覆盖.

    A place between them is the class's region ("帮扶城关镇贫困户"); a short modifier after them
    stays with the class ("引进省外企业"). Light, sending and registering verbs (组织, 选派, 识别)
    say nothing about which members are meant, so they give no relation.
    """
    while index and tokens[index - 1].kind == "P":
        index -= 1
    modifier = ""
    if (
        index >= 2
        and tokens[index - 1].kind == "N"
        and len(tokens[index - 1].word) <= 2
        and tokens[index - 1].word not in SCOPE
        and tokens[index - 2].kind in ("V", "C")
    ):
        modifier = tokens[index - 1].word
        index -= 1
    verbs: list[str] = []
    while index and tokens[index - 1].kind in ("V", "C") and len(verbs) < 2:
        verbs.insert(0, tokens[index - 1].word)
        index -= 1
    while verbs and verbs[0] in MODALS:
        verbs.pop(0)
    if not verbs or any(v in LIGHT or v in UNTELLING for v in verbs):
        return ""
    relation = "".join(verbs) + modifier
    return relation if len(relation) <= _RELATION_MAX else ""


def is_object_of_preposition(tokens: tuple[Token, ...]) -> bool:
    """Whether the figure after these tokens is governed by 在, 从, 将, 对 … (a place or a target).

    The preposition may stand some words back: "对全县因灾致贫的300户农户…".
    """
    return any(t.word in NOT_SUBJECT and t.kind in ("S", "L", "V") for t in tokens)


def defining_predicate(tokens: tuple[Token, ...], stop: int) -> str | None:
    """What the members of a counted class do, read after its noun, as a modifier of that noun.

    "60户贫困户加入合作社" → 加入合作社的; "300名学生实现稳定就业" → 稳定就业 (a light verb before an activity
    is dropped). A counted noun coordinated with it shares the predicate ("与50户贫困户签订帮扶协议").
    A predicate that counts something of its own ("6个强县帮扶12个贫困县") is another figure's and
    is left to it.
    """
    index = stop
    while (
        index + 2 < len(tokens)
        and tokens[index].word in _COORDINATORS
        and tokens[index + 1].kind == "F"
        and tokens[index + 2].kind in ("N", "M")
    ):
        index += 3
        while index < len(tokens) and tokens[index].kind in ("N", "M"):
            index += 1
    while index < len(tokens) and tokens[index].word in _PREDICATE_ADVERBS:
        index += 1
    if index >= len(tokens) or tokens[index].kind not in ("V", "C"):
        return None
    words: list[Token] = []
    objects = False  # an object or place has been read: one more verb closes the predicate
    position = index
    while position < len(tokens):
        token = tokens[position]
        position += 1
        if token.kind == "F":
            # "获得6个示范项目": a specific object counted on its own still tells the class apart;
            # a class counted on its own ("帮扶12个贫困县") makes the predicate a relation of two counts.
            counted, opens = phrase_after(tokens[position:], "")
            if counted is None or opens or is_generic(counted.text):
                return None
            words += tokens[position : position + counted.stop]
            break
        if token.word in _ASPECT:
            continue
        if token.word == "、" and words and words[-1].kind in ("V", "C") and not objects:
            words.append(token)  # "新建、改造民宿": verbs listed before one object
            continue
        if token.kind not in ("V", "C", "N", "Q", "M", "P"):
            break
        if objects and token.kind in ("V", "C") and words[-1].kind in ("V", "C"):
            break  # "到城关镇挂职学习经验…": the predicate is 到城关镇挂职
        words.append(token)  # a place too: "到城关镇挂职的干部"
        objects = objects or token.kind in ("N", "P", "Q")
    while words and (words[-1].kind in ("M", "P") or words[-1].word == "、"):
        words.pop()
    # 开展结对帮扶 → 结对帮扶; but 建立救助基金 keeps its verb, which says what was set up.
    while len(words) > 1 and words[0].word in LIGHT and words[-1].kind in ("V", "C"):
        words.pop(0)
    text = "".join([t.word for t in words])
    if len(text) < 2 or len(text) > _PREDICATE_MAX or text in LIGHT:
        return None  # a light verb alone ("建立") says nothing of the class
    has_object = words[0].kind in ("V", "C") and any(t.kind in ("N", "Q", "M", "P") for t in words[1:])
    return text + "的" if has_object else text


def group_share(tokens: tuple[Token, ...]) -> str | None:
    """ "有近15%的农户种植茶叶" → 种植茶叶农户占比: a percentage of a group is that group's share."""
    if not tokens or tokens[0].word != "的":
        return None
    index = 1
    while index < len(tokens) and tokens[index].kind in ("M", "N"):
        index += 1
        if tokens[index - 1].word.endswith(GENERIC_HEADS):
            break  # "的农户种植茶叶": the group is 农户, what follows is what it does
    if index > 1 and tokens[index - 1].kind == "N":
        name = join_words(list(tokens[1:index]))
    else:
        group, _ = phrase_after(tokens[1:], "")
        if group is None or not group.nominal:
            return None
        name, index = group.text, group.stop + 1
    if not name:
        return None
    while index < len(tokens) and tokens[index].word in _COPULAS:
        index += 1
    words: list[Token] = []
    for token in tokens[index:]:
        if token.word in _ASPECT:
            continue
        if token.kind not in ("V", "C", "N", "M"):
            break
        words.append(token)
    predicate = join_words(words) if words and words[0].kind in ("V", "C") else None
    if predicate and len(predicate) > _PREDICATE_MAX // 2 + 2:
        predicate = None
    return f"{predicate or ''}{name}占比"


def fund_after(tokens: tuple[Token, ...]) -> str | None:
    """The fund a sum is counted in, named right after it: "下拨80万元扶持资金", "发放5万元贴息贷款"."""
    phrase, _ = phrase_after(tokens, "")
    if phrase and phrase.nominal and phrase.text.endswith(MONEY_HEADS):
        return phrase.text
    return None


def valued_thing(tokens: tuple[Token, ...], attribute: str) -> str | None:
    """ "价值3万元的农资" → 农资价值, "总投资2亿元的产业园" → 产业园总投资: the thing the value is of."""
    phrase, _ = phrase_after(tokens, "")
    if phrase and phrase.nominal and not phrase.text.endswith(MONEY_HEADS):
        return phrase.text + attribute
    return None


def money_purpose(tokens: tuple[Token, ...], verb: str) -> str | None:
    """What a bare allocation is for: "投入90万元改造村级卫生室" → 村级卫生室投入, "安排40万元用于产业扶持"."""
    index = 1 if tokens and tokens[0].word in _PURPOSE else 0
    if index < len(tokens) and tokens[index].kind == "C":
        run = []
        while index < len(tokens) and tokens[index].kind == "C":
            run.append(tokens[index].word)
            index += 1
        return "".join(run) + "资金"  # "用于对口帮扶某县" → 对口帮扶资金
    if index < len(tokens) and tokens[index].kind == "V" and tokens[index].word not in LIGHT:
        index += 1
    words: list[Token] = []
    for token in tokens[index:]:
        if token.kind not in ("N", "C", "M", "Q"):
            break
        words.append(token)  # "用于产业扶持": a compound verb after the noun stays (产业扶持资金)
    if not words or all(t.kind != "N" for t in words):
        return None
    text = join_words(words)
    if not text or len(text) > _PREDICATE_MAX or (text[-1] in "村乡镇" and VILLAGE_NAME.match(text)):
        return None
    return text + ("投入" if verb in ("投入", "投资") else "资金")


def paid_to_place(before: Phrase, tokens: tuple[Token, ...]) -> str | None:
    """ "累计支援某村300万元": a sum given to a place is named by the giving (支援资金), not the place."""
    if not before.start or before.text[-1] not in "村乡镇" or not VILLAGE_NAME.match(before.text):
        return None
    verb = tokens[before.start - 1]
    return verb.word + "资金" if verb.kind in ("V", "C") and verb.word not in LIGHT else None


def admin_aside(following: str, text: str) -> str:
    """ "12个县(市、区)": the bracket that lists the kinds of county is part of the name."""
    if not text.endswith(("县", "区", "市", "旗")):
        return ""
    match = ADMIN_ASIDE.match(following)
    return match.group() if match else ""


def relative_tail(tokens: tuple[Token, ...], stop: int) -> tuple[str, int] | None:
    """ "11个区的卫健委": a lone noun and the head after its 的 (区卫健委), and where that head stops."""
    if stop + 1 >= len(tokens) or tokens[stop].word != "的":
        return None
    head, _ = phrase_after(tokens[stop + 1 :], "")
    if head is None or not head.nominal:
        return None
    return head.text, stop + 1 + head.stop


def coordinated_name(tokens: tuple[Token, ...]) -> str | None:
    """ "300名因灾致贫、因学致贫群众": modifiers joined by 、 before one head noun are one name."""
    groups: list[list[Token]] = [[]]
    for token in tokens:
        if token.word == "、":
            if not groups[-1]:
                return None
            groups.append([])
        elif token.kind in ("C", "M", "V", "N"):
            groups[-1].append(token)
        else:
            break
    if len(groups) < 2 or any(not g or g[-1].kind == "N" for g in groups[:-1]):
        return None  # "贫困户、低保户": a list of nouns is a list of items, each with its own figure
    head, _ = phrase_after(tuple(groups[-1]), "")
    if head is None or not head.nominal:
        return None
    text = "、".join(join_words(g) or "" for g in groups[:-1]) + "、" + head.text
    return text if len(text) <= _PREDICATE_MAX + 4 else None
