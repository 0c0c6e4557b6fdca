"""Reading the noun phrase on either side of a figure from the tokens of its clause."""

from __future__ import annotations

from typing import NamedTuple

from .indicator_lexicon import (
    BARE_EVENT_SUFFIX,
    BENEFICIARY,
    BENEFICIARY_UNIT,
    COMPOUND_VERBS,
    EVENT_SUFFIX,
    EVENT_UNITS,
    FUND_NOUNS,
    GENERIC_HEADS,
    INTRANSITIVE,
    LIGHT,
    MANNER,
    MAX_CHARS,
    MONEY_NOUNS,
    NOMINAL_VERBS,
    PEOPLE_HEADS,
    PLACE,
    POPULATION_VERBS,
    SCOPE,
    TOTAL_NOUNS,
    UNTELLING,
    VILLAGE_NAME,
    Token,
)
from .indicator_tokens import join_words, title_at, unquoted

_CATEGORY_CHARS = 16  # "改善群众住房和饮水条件类项目": a category label is long and still one name


class Phrase(NamedTuple):
    text: str
    nominal: bool  # ends in a noun (a thing counted), not in a verb (an activity)
    # Read after a 的 ("不超过25平方米的标准"): for a count, the name before the figure comes first.
    weak: bool = False
    # Token span of the phrase in the tokens it was read from: where it starts (read leftward) or
    # where it stops (read rightward), so that the words around it can be read next.
    start: int = 0
    stop: int = 0


def phrase_before(tokens: tuple[Token, ...], unit: str) -> Phrase | None:
    """The noun phrase (or activity) that ends right before the figure, read leftward."""
    index = len(tokens)
    # A bracketed aside right before the figure is dropped; one inside the phrase stays.
    while index and tokens[index - 1].kind == "B":
        index -= 1
    trailing: list[Token] = []  # an activity named right before the figure: 就医, 带教查房, 参加培训
    size = 0
    while index:
        token = tokens[index - 1]
        kind = token.kind
        if (kind != "V" and kind != "C") or token.word in LIGHT:
            break
        if trailing and trailing[-1].kind == "C" and kind == "V":
            break  # "参加培训": a predicate before a compound activity is only its verb
        size += len(token.word)
        if size > MAX_CHARS // 2:
            break
        trailing.append(token)  # read leftward: reversed below
        index -= 1
    trailing.reverse()
    nouns: list[Token] = []  # read leftward: reversed below
    size = 0
    capped = False
    collected = bool(trailing)
    while index:
        token = tokens[index - 1]
        kind, word = token.kind, token.word
        if kind == "N" or kind == "Q":
            if collected and word in MANNER:
                break
        elif not collected:
            break
        elif kind == "M" or kind == "B" or (word == "新" and nouns):
            pass  # "推广种植新技术": 新 is a modifier inside the phrase, a linking word only before a figure
        elif word in NOMINAL_VERBS and index >= 2 and tokens[index - 2].kind == "N":
            pass  # "专科建设经费": between two nouns 建设 is a noun
        elif kind == "C" and (word in INTRANSITIVE or not (nouns and BENEFICIARY.search(nouns[-1].word))):
            pass  # 大病救助专项资金, 就业培训, 脱贫人口 — but not 帮扶+贫困户, a predicate and its object
        else:
            break
        if collected and size + len(word) > MAX_CHARS:
            capped = True
            break
        nouns.append(token)
        size += len(word)
        collected = True
        index -= 1
    nouns.reverse()
    if capped and len(nouns) > 1 and len(nouns[0].word) == 1:
        nouns.pop(0)  # a cut through "可支配收入" should not start on 可
        index += 1
    category = len(nouns) > 1 and _category_label(nouns)
    if category or (len(nouns) == 1 and not trailing and len(nouns[0].word) == 1):
        # "生态修复和人居环境整治类项目": a category label reaches back over its verbs and conjunctions;
        # a lone character (点, 道) is the tail of a compound the dictionary split ("集中收购点").
        extra, index = _compound_front(tokens, index, category=category, size=sum(len(t.word) for t in nouns))
        nouns = extra + nouns
    if len(nouns) == 1 and index and nouns[0].word in TOTAL_NOUNS and tokens[index - 1].word[0] == "全":
        index -= 1
        nouns.insert(0, Token(tokens[index].word, "M"))
    words = nouns + trailing
    if (
        len(words) >= 2
        and words[0].word in ("投入", "投资")
        and words[1].kind == "N"
        and (len(words) > 2 or words[1].word not in FUND_NOUNS)
    ):
        words.pop(0)  # "投入专项建设经费80万元": the verb before a named fund is its predicate (投入资金 stays)
        index += 1
    # A leading place is the figure's region, not its indicator ("九龙县贫困户"), and so is a village
    # ("石桥村贫困发生率"); a leading aside is noise.
    while len(words) > 1 and (
        words[0].kind in ("P", "B") or (words[0].word[-1] in "村乡镇" and VILLAGE_NAME.match(words[0].word))
    ):
        words.pop(0)
        index += 1
    if not words or (words[0].kind == "P" and all(t.kind == "P" for t in words)):
        return None
    if words[-1].kind == "Q" and all(t.kind in ("V", "C", "N", "M") for t in words[:-1]):
        # "培训“护理员”1.5万人", "发展庭院经济“小菜园”300个": the quoted name is what is counted.
        index += len(words) - 1
        words = [unquoted(words[-1])]
    nominal = words[-1].kind in ("N", "Q", "B") or words[-1].word in MONEY_NOUNS
    if len(words) == 1 and len(words[0].word) == 1 and not nominal:
        return None  # "只出了不到两千元": a bare one-character verb names nothing
    if not nominal and unit in EVENT_SUFFIX and trailing and len(trailing) < len(words) and is_people(words):
        words = trailing  # "组织贫困群众就医1.2万人次": the people served are named by the activity
        index = len(tokens) - len(trailing)
    text = join_words(words)
    if not text:
        return None
    if not nominal and unit in EVENT_SUFFIX:
        text += EVENT_SUFFIX[unit]  # 就医人次, 互访人次: the genre's own names
    elif not nominal and len(words) == 1:
        text += _bare_activity_suffix(text, unit)
    elif unit in EVENT_SUFFIX and index and tokens[index - 1].kind in ("V", "C"):
        verb = tokens[index - 1].word
        if verb not in LIGHT and verb not in UNTELLING and len(text) + len(verb) <= MAX_CHARS:
            text = verb + text  # "培训贫困户4100人次": the activity is what the 人次 count
            index -= 1
    return Phrase(text, nominal, False, index, len(tokens))


def _category_label(nouns: list[Token]) -> bool:
    """A word ending in 类 before the head noun: "产业扶持类项目" names a category."""
    for token in nouns[:-1]:
        if token.word[-1] == "类" and token.word not in SCOPE:
            return True
    return False


def is_people(words: list[Token]) -> bool:
    """Whether the nouns before an activity are people, whom a count of 人次 names already."""
    nouns = [t for t in words if t.kind == "N"]
    return bool(nouns) and nouns[-1].word.endswith(PEOPLE_HEADS)


def _bare_activity_suffix(verb: str, unit: str) -> str:
    """The noun a bare activity takes before a count: 培训8期 → 培训期数, 搬迁900人 → 搬迁人口."""
    if unit == "人" and verb in POPULATION_VERBS:
        return "人口"
    return BARE_EVENT_SUFFIX.get(unit, "") if len(verb) == 2 else ""


def _compound_front(tokens: tuple[Token, ...], index: int, *, category: bool, size: int) -> tuple[list[Token], int]:
    """The front of a compound that ends at tokens[index]: its nouns, and verbs inside it (收购 in 集中收购点).

    A category label ("X类") takes conjunctions too, as far as the clause goes; its front stops at a
    light verb ("实施产业扶持类项目"), a scope word or a place.
    """
    front: list[Token] = []
    limit = _CATEGORY_CHARS if category else MAX_CHARS
    while index:
        token = tokens[index - 1]
        before = tokens[index - 2] if index >= 2 else None
        inner_verb = (
            token.kind in ("V", "C")
            and token.word not in LIGHT
            and (category or (before is not None and before.kind in ("N", "M")))
        )
        joining = category and token.word in ("和", "及", "与", "、")
        loose = len(token.word) == 1 and token.kind == "S" and token.word not in SCOPE and not category
        if not (token.kind in ("N", "M", "Q") or inner_verb or joining or loose):
            break
        if size + len(token.word) > limit:
            break
        front.insert(0, token)
        size += len(token.word)
        index -= 1
    while front and front[0].word in ("和", "及", "与", "、"):
        front.pop(0)
        index += 1
    return front, index


def phrase_after(tokens: tuple[Token, ...], unit: str, *, existential: bool = False) -> tuple[Phrase | None, bool]:
    """The noun phrase that follows the figure's measure word, read rightward.

    The flag says a modifying clause may be starting ("300多个技术要求低、工资稳定的岗位",
    "9个负责行业扶贫的市级部门"), whose head after 的 is then the better answer. After 有
    (`existential`) a verb before a noun modifies it: "村里有6个烘干车间" is read like "6个育苗基地".
    """
    index = 0
    while index < len(tokens) and tokens[index].word in ("的", "之", "以上", "以下", "左右", "多", "余"):
        index += 1
    skipped = index  # the words skipped: a 的 among them makes the phrase weak (worked out when needed)
    if unit == "户" and index < len(tokens) and tokens[index].kind == "F" and tokens[index].word[-1] in "人名":
        index += 1  # "1860户6200人实现稳定脱贫": households and people share what follows
    if index == len(tokens):
        return None, False
    title = title_at(tokens[index:], 0)
    if title:
        return Phrase(title, True), False
    first = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if existential and first.kind == "V" and following is not None and following.kind == "N":
        first = Token(first.word, "M")
        tokens = (*tokens[:index], first, *tokens[index + 1 :])
    elif (
        first.word in ("已", "未")
        and following is not None
        and following.kind == "V"
        and index + 2 < len(tokens)
        and tokens[index + 2].kind == "N"
    ):
        # "9个已出列贫困村": 已 + verb before a noun is a modifier (已出列, 未脱贫).
        tokens = (*tokens[: index + 1], Token(following.word, "M"), *tokens[index + 2 :])
    if first.kind in ("V", "C") and unit in EVENT_UNITS:
        return _shifted(activity_after(tokens[index:]), index), False  # "3次召开专题会议", "等4期培训"
    if first.kind in ("V", "C") and not opens_object(tokens, index):
        # A predicate follows: the head of a modifying clause ("9个负责行业扶贫的市级部门") if one
        # closes soon, else the activity itself ("6200人实现稳定脱贫").
        return _shifted(activity_after(tokens[index:]), index), True
    words: list[Token] = []
    size = 0
    seen_noun = False
    for position in range(index, len(tokens)):
        token = tokens[position]
        kind = token.kind
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if kind in ("N", "Q", "P"):
            if seen_noun and kind in ("Q", "P"):
                break  # "8600名贫困人口“清零”任务": a quotation or place after the noun starts anew
        elif (
            token.word in ("及", "和")
            and seen_noun
            and following is not None
            and following.kind == "N"
            and not words[-1].word.endswith(GENERIC_HEADS)
        ):
            pass  # "800平方米仓储及检测中心" is one name; "8个村和12个社区" are two items
        elif kind == "M" or token.word in ("已", "新", "未"):
            if seen_noun:
                return finish_after(words, index), kind == "M"  # "技术要求低": an adjective after a noun is a predicate
            if following is None or following.kind not in ("N", "Q", "C", "M"):
                break
        elif kind == "C":
            if following is None or following.kind not in ("N", "C", "Q"):
                if token.word in MONEY_NOUNS:
                    words.append(token)  # "的就业补贴", "的补助": a subsidy verb closing the phrase is its head
                break
            # After the noun, a compound verb must lead straight to a head noun ("驻村扶贫工作队");
            # before a beneficiary or a place it starts the predicate ("爱心企业结对帮扶300个贫困村").
            if seen_noun and (
                following.kind != "N" or BENEFICIARY.search(following.word) or PLACE.match(following.word)
            ):
                break
        else:
            break
        if size + len(token.word) > MAX_CHARS and seen_noun:
            break
        words.append(token)
        size += len(token.word)
        seen_noun = seen_noun or kind in ("N", "Q", "P")
        # The measure word picks its noun: "1350户贫困户住房改造工程" counts 贫困户, and "18个贫困村退出验收"
        # counts villages — a beneficiary noun after 个 or 户 ends the phrase.
        if kind == "N" and (
            (unit == "户" and token.word.endswith(("户", "家庭", "人家")))
            or (unit == "个" and BENEFICIARY_UNIT.search(token.word))
        ):
            break
    phrase = finish_after(words, index)
    if phrase and skipped and any(t.word in ("的", "之") for t in tokens[:skipped]):
        phrase = Phrase(phrase.text, phrase.nominal, True, phrase.start, phrase.stop)
    return phrase, phrase is None and first.kind in ("V", "M", "C")


def _shifted(phrase: Phrase | None, offset: int) -> Phrase | None:
    return Phrase(phrase.text, phrase.nominal, phrase.weak, phrase.start, phrase.stop + offset) if phrase else None


def opens_object(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether a verb after the figure can open a noun phrase ("9个已出列贫困村", "扶贫专项资金")."""
    word = tokens[index].word
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    compound = word in COMPOUND_VERBS or (len(word) == 2 and word[0] == "因")  # 因病致贫人口
    return compound and following is not None and following.kind in ("N", "C", "Q")


def finish_after(words: list[Token], start: int) -> Phrase | None:
    """The phrase of `words` (read from tokens[start]) without the verbs and modifiers that trail it."""
    while words and words[-1].kind not in ("N", "Q", "P") and words[-1].word not in MONEY_NOUNS:
        words.pop()
    if not words or all(t.kind == "P" for t in words):
        return None
    stop = start + len(words)
    if len(words) == 1 and words[0].kind == "Q":
        words = [unquoted(words[0])]
    text = join_words(words)
    return Phrase(text, True, False, 0, stop) if text else None


def relative_head(tokens: tuple[Token, ...]) -> Phrase | None:
    """The head noun after the 的 that closes a modifying clause, if one closes soon."""
    size = 0
    for position, token in enumerate(tokens):
        size += len(token.word)
        if token.kind == "F" or size > 18:
            return None
        if token.word == "的":
            head, _ = phrase_after(tokens[position + 1 :], "")
            return _shifted(head, position + 1)
    return None


def activity_after(tokens: tuple[Token, ...]) -> Phrase | None:
    """An activity after an event count: "召开县委常委会议" → 县委常委会议, "培训" → 培训."""
    words: list[Token] = []
    for token in tokens[:6]:
        light = all(w.word in LIGHT for w in words)  # "实现稳定脱贫": a light verb leaves room for the real one
        if token.kind in ("N", "Q", "C") or (token.kind == "V" and light) or (token.kind == "M" and words and light):
            words.append(token)
        else:
            break
    if any(t.kind in ("N", "Q") for t in words):
        while words[-1].kind not in ("N", "Q"):
            words.pop()
    stop = len(words)
    while len(words) > 1 and words[0].word in LIGHT:
        words.pop(0)
    text = join_words(words)
    return Phrase(text, False, False, 0, stop) if text else None
