"""Indicators: the noun phrase a figure counts, taken from the words around it.

Government prose names what a figure counts in a few fixed ways:

* number + measure word + noun: "为4200户贫困户落实帮扶责任人", "组建36支产业技术服务队";
* noun (or activity) + linking words + number: "项目总投资约8亿元", "入学率达98%", "开展巡回义诊560人次";
* a share: "占农户家庭收入的45%" (→ 占农户家庭收入比重); a book: "印发《惠民政策明白卡》3万份".

Only the clause around the figure is read (punctuation, line breaks and asides in brackets end
it), segmented with rjieba and classified with closed word lists (indicator_lexicon,
indicator_tokens); indicator_phrases reads the core phrase on either side of the figure:
scope words (全市, 其中), places and linking words (共, 累计, 达到) are left out. The core is then
made specific where the genre needs more than a noun (indicator_context): a whole class of
people or places keeps the relation or predicate that tells its members apart
("结对帮扶贫困户", "签订责任书的部门"), a sum the fund, thing or purpose it is for.
"""

from __future__ import annotations

from bisect import bisect_left

from .indicator_context import (
    admin_aside,
    coordinated_name,
    defining_predicate,
    fund_after,
    group_share,
    is_generic,
    is_object_of_preposition,
    money_purpose,
    paid_to_place,
    relation_verbs,
    relative_tail,
    unwrap,
    valued_thing,
)
from .indicator_lexicon import (
    ALLOCATING,
    CHANGE_FILLER,
    CHANGE_VERBS,
    CLAUSE_END,
    CLOSE,
    EXISTENTIAL,
    LEFT_STOP,
    MONEY_HEAD_CHARS,
    MONEY_HEADS,
    NOT_SUBJECT,
    OPEN,
    PREPOSITION_CHARS,
    RATIO_WORDS,
    REACH_CLAUSE,
    REACH_LEFT,
    REACH_RIGHT,
    RIGHT_STOP,
    RIGHT_STOP_LISTS,
    SCOPE,
    SHARE,
    SHARE_LINKS,
    SPACE,
    VALUE_WORDS,
    Token,
)
from .indicator_phrases import Phrase, phrase_after, phrase_before, relative_head
from .indicator_tokens import clause_tokens, strip_links, tag_run, title_at

_GENERIC_NAME_MAX = 6  # a relation verb still tells apart "贫困家庭学生"; a predicate only a short class


def indicator_for(text: str, start: int, end: int, unit: str) -> str | None:
    """The indicator of the figure at text[start:end] (canonical unit `unit`), or None when none is near."""
    return IndicatorFinder(text).indicator_for(start, end, unit)


class IndicatorFinder:
    """Indicators for many figures of one text. Only the clauses around each figure are read."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._stops: list[int] | None = None  # clause stops of the text, found once for all figures

    @staticmethod
    def clear_caches() -> None:
        """Forget the clauses segmented so far (they are shared by every finder of the process)."""
        clause_tokens.cache_clear()
        tag_run.cache_clear()

    def indicator_for(self, start: int, end: int, unit: str) -> str | None:
        """The indicator of the figure at text[start:end] with canonical unit `unit`, or None."""
        text = self.text
        length = len(text)
        if not (0 <= start <= length and 0 <= end <= length):
            start, end = max(0, min(start, length)), max(0, min(end, length))
        if end < start:
            start, end = end, start
        unit = unit or ""
        share = unit in ("%", "％")
        money = unit == "元" or unit.startswith("元/")
        left_start = self._left_edge(start)
        left = text[left_start:start]
        if " " in left:
            left = unwrap(left)

        at = left.rfind("占") if share else -1
        if at >= 0:
            # "低保兜底人口占建档立卡贫困人口的34.5%" is the share of its subject (低保兜底人口占比);
            # without one, of the whole it is taken of ("占农户家庭收入的45%" → 占农户家庭收入比重).
            subject = phrase_before(strip_links(clause_tokens(left[:at]))[0], unit) if at else None
            if subject and subject.nominal:
                return subject.text if subject.text.endswith(RATIO_WORDS) else subject.text + "占比"
            whole = _share(left)
            if whole or SHARE_LINKS.sub("", left[at + 1 :].rstrip()) in ("", "比"):
                return whole or "占比"

        # Money and shares name what they measure first ("项目总投资约8亿元"); counts name it after
        # the measure word ("4200户贫困户"). Each side is read only when the first gives no noun.
        after: Phrase | None = None
        right_text = ""
        if not (money or share):
            right_edge = _right_edge(text, end, lists=False)
            right_text = text[end:right_edge]
            existential = left.endswith("有") and clause_tokens(left)[-1].word in EXISTENTIAL
            narrow = clause_tokens(right_text)
            # Nothing after the figure in its clause (the common case): no phrase there.
            after, tokens = self._after(end, narrow, unit, False, existential) if narrow else (None, narrow)
            if after and after.nominal and not after.weak:
                if (
                    len(after.text) > 1
                    and not is_generic(after.text, _GENERIC_NAME_MAX)
                    and (right_edge == len(text) or text[right_edge] not in "(（")
                ):
                    return after.text  # a specific noun with no aside after it: the common case
                following = text[right_edge:] if tokens is narrow and after.stop == len(narrow) else ""
                # "1名处级干部、2名科级干部到某县挂职": the listed counts share the predicate, and
                # "300户贫困户新建、改造民宿": so do listed verbs.
                listed = text[end : _right_edge(text, end, lists=True)] if text.startswith("、", right_edge) else ""
                return _counted(after, tokens, left, following, listed)
            if after is None and right_text and text[right_edge : right_edge + 1] == "、":
                listed = coordinated_name(clause_tokens(text[end : _right_edge(text, end, lists=True)]))
                if listed:
                    return listed
        raw_left = clause_tokens(left)
        before_tokens, linked = strip_links(raw_left)
        title = title_at(before_tokens, -1)
        if title:
            return title
        before = phrase_before(before_tokens, unit)
        if before is not None and before.start and before_tokens[before.start - 1].kind == "F":
            before = _own_name(before, before_tokens)
        if money and before and before.nominal and before.text.endswith(MONEY_HEADS):
            return before.text  # "财政专项扶贫资金4.6亿元": a named fund, the common case
        if money or share:
            right_text = text[end : _right_edge(text, end, lists=False)]
        if money and MONEY_HEAD_CHARS.search(right_text):
            # "支持某合作社10万元贴息贷款": a fund named after the sum is what it counts.
            fund = fund_after(clause_tokens(right_text))
            if fund:
                return fund
        if before and before.nominal:
            named = (
                _named_before(before, before_tokens, right_text, money)
                if money or is_generic(before.text, _GENERIC_NAME_MAX)
                else before.text
            )
            if (
                not money
                and before.start == 0
                and text[left_start - 1 : left_start] == "、"
                and (before_tokens[0].kind in ("C", "M") or is_generic(named, _GENERIC_NAME_MAX))
            ):
                return self._list_item(left_start, named, before_tokens[0], unit)
            return named
        if after and after.nominal:
            return after.text
        if money or share:
            after, tokens = self._after(end, clause_tokens(right_text), unit, money, False)
            if after and after.nominal:
                return (group_share(tokens) if share and after.weak else None) or after.text
        if before is None and not before_tokens and (after is None or not after.nominal):
            before = _previous_clause(text, left_start, unit, linked=linked)
        if share and before and not before.nominal and before.text.endswith(CHANGE_VERBS):
            return _change(text, left_start, before.text)
        if before and not before.nominal and before.text in NOT_SUBJECT:
            before = None  # "针对300名…": a preposition is never what is counted
        if before and money:
            return money_purpose(clause_tokens(right_text), before.text) or _money_verb(before.text)
        if before:
            return before.text
        return after.text if after else None  # "3次召开专题会议" → 专题会议

    def _left_edge(self, start: int) -> int:
        """_left_edge(text, start), with the nearest clause stop found by bisection."""
        stops = self._stops
        if stops is None:
            stops = self._stops = [m.start() for m in LEFT_STOP.finditer(self.text)]
        index = bisect_left(stops, start) - 1
        low = start - REACH_LEFT if start > REACH_LEFT else 0
        if index < 0 or stops[index] < low:
            return low
        if self.text[stops[index]] not in CLOSE:
            return stops[index] + 1
        return _left_edge(self.text, start)  # an aside in brackets: walk over it

    def _list_item(self, left_start: int, name: str, first: Token, unit: str) -> str:
        """The name of a list item after 、, completed from the item before it.

        "帮扶贫困户80户、贫困人口260人": the verb of the first item governs the list (帮扶贫困人口);
        "因灾致贫、因学致贫农户": modifiers joined by 、 share the head noun.
        """
        text = self.text
        clause = clause_tokens(unwrap(text[_left_edge(text, left_start - 1) : left_start - 1]))
        previous = strip_links(clause)[0]
        if not previous:
            return name
        if clause[-1].kind == "F":
            item = phrase_before(previous, unit)
            if item and item.nominal and is_generic(name, limit=_GENERIC_NAME_MAX):
                return relation_verbs(previous, item.start) + name
            return name
        modifiers: list[Token] = []
        while len(modifiers) < len(previous) and previous[-1 - len(modifiers)].kind in ("C", "M"):
            modifiers.insert(0, previous[-1 - len(modifiers)])
        if modifiers and first.kind in ("C", "M"):
            return "".join(t.word for t in modifiers) + "、" + name
        return name

    def _after(
        self, end: int, tokens: tuple[Token, ...], unit: str, money: bool, existential: bool
    ) -> tuple[Phrase | None, tuple[Token, ...]]:
        """The phrase after the figure (`tokens` of its clause), and the tokens its span indexes."""
        text = self.text
        after, clause_opens = phrase_after(tokens, unit, existential=existential)
        if clause_opens and not money:
            wide = clause_tokens(text[end : _right_edge(text, end, lists=True)])
            head = relative_head(wide)
            if head:
                return head, wide
        return after, tokens


def _counted(after: Phrase, tokens: tuple[Token, ...], clause: str, following: str, listed: str) -> str:
    """The name of a count read after its measure word, made specific by the words around it.

    `clause` is the text before the figure and `listed` the list the figure opens, if any; they
    are segmented only when the name needs them.
    """
    text, stop = after.text, after.stop
    if len(text) > 1 and not is_generic(text, limit=_GENERIC_NAME_MAX):
        return text + admin_aside(following, text)
    if listed:
        wide = clause_tokens(listed)
        tokens = wide if wide[:stop] == tokens[:stop] else tokens
    left: tuple[Token, ...] | None = None
    if len(text) == 1:
        # "11个区的卫健委": a lone noun takes the head after its 的; "市里7个区": and the place before.
        left = clause_tokens(clause)
        tail = relative_tail(tokens, stop)
        if tail:
            text, stop = text + tail[0], tail[1]
            following = ""
        if left and left[-1].kind in ("N", "P") and left[-1].word not in SCOPE:
            text = left[-1].word + text
    aside = admin_aside(following, text)
    if not is_generic(text, limit=_GENERIC_NAME_MAX):
        return text + aside
    if is_generic(text):
        # A preposition before the figure ("在12个村…") makes the predicate someone else's.
        governed = PREPOSITION_CHARS.search(clause) and is_object_of_preposition(left or clause_tokens(clause))
        predicate = None if governed else defining_predicate(tokens, stop)
        if predicate:
            return predicate + text + aside
    left = clause_tokens(clause) if left is None else left
    # "规划的68所学校": a verb before 的 modifies; only a verb right before the figure relates.
    if not left or left[-1].word == "的":
        return text + aside
    bare = strip_links(left)[0]
    return relation_verbs(bare, len(bare)) + text + aside


def _own_name(before: Phrase, tokens: tuple[Token, ...]) -> Phrase:
    """ "30户人家户均增收8000元": the noun right after an earlier figure is that figure's (30户人家)."""
    if before.start + 1 >= len(tokens):
        return before
    figure, first = tokens[before.start - 1], tokens[before.start]
    if figure.word[-1] in "年月日" or first.kind != "N":
        return before  # "2018年村道改建": a date owns no noun
    if tokens[before.start + 1].kind not in ("N", "M") or len(before.text) <= len(first.word) + 1:
        return before
    if not before.text.startswith(first.word):
        return before
    text = before.text[len(first.word) :]
    return Phrase(text, before.nominal, before.weak, before.start + 1, before.stop)


def _named_before(before: Phrase, tokens: tuple[Token, ...], right: str, money: bool) -> str:
    """The name read before a figure (`right` is the clause after it), made specific by the words around it."""
    text = before.text
    if money:
        if text in VALUE_WORDS:
            return valued_thing(clause_tokens(right), text) or text
        if text in ("投入", "投资"):
            purpose = money_purpose(clause_tokens(right), text)
            if purpose:
                return purpose
            if before.start and tokens[before.start - 1].kind == "V":
                return tokens[before.start - 1].word + text  # "完成投资3亿元" → 完成投资
        return paid_to_place(before, tokens) or text
    if is_generic(text, limit=_GENERIC_NAME_MAX):
        text = relation_verbs(tokens, before.start) + text
    return text


# --- the clause around a figure -------------------------------------------------------------


def _left_edge(text: str, start: int) -> int:
    """Where the clause before `start` begins: a clause end, an unclosed bracket, or REACH_LEFT back."""
    low = max(0, start - REACH_LEFT)
    match = LEFT_STOP.search(text[low:start][::-1])  # the nearest stop, read backward
    if match is None:
        return low
    if match.group() not in CLOSE:
        return start - match.start()
    # An aside in brackets right before the figure belongs to the phrase ("活动中心(图书室)2个"): walk over it.
    position, depth = start, 0
    while position > low:
        char = text[position - 1]
        if char in CLOSE:
            depth += 1
        elif char in OPEN:
            if depth == 0:
                break  # the figure is inside the aside: "(其中低保户35户)"
            depth -= 1
        elif depth == 0 and char in CLAUSE_END:
            break
        elif depth and char == "\n":
            break
        position -= 1
    return position


def _right_edge(text: str, end: int, *, lists: bool) -> int:
    """Where the clause after `end` stops; with `lists`, a 、 inside a modifier does not stop it."""
    limit = min(len(text), end + (REACH_CLAUSE if lists else REACH_RIGHT))
    # A space after a whole figure is a lost full stop more often than a word gap ("18.6万人 县级").
    match = (RIGHT_STOP_LISTS if lists else RIGHT_STOP).search(text, end, limit)
    return match.start() if match else limit


def _previous_clause(text: str, left_start: int, unit: str, *, linked: bool) -> Phrase | None:
    """The phrase ending the previous clause, when the figure's own clause names nothing.

    "设立大病救助基金，累计达1200万元" (the figure is said of the clause before), "脱贫人口：1200人"
    (of the label before the colon), "计划搬迁1.8万户、7.6万人" (of the list item before, a figure too).
    """
    if left_start < 2:
        return None
    stop = text[left_start - 1]
    if not ((linked and stop in "，,") or stop in "：:、"):
        return None
    clause_start = _left_edge(text, left_start - 1)
    tokens = clause_tokens(text[clause_start : left_start - 1])
    listed = stop == "、"
    if listed and not (tokens and tokens[-1].kind == "F"):
        return None
    phrase = phrase_before(strip_links(tokens)[0], unit)
    return phrase if phrase and (phrase.nominal or listed) else None


def _change(text: str, left_start: int, verbal: str) -> str:
    """ "门诊量同比增长23%" → 门诊量增幅: a percentage change names what changed, as the genre does."""
    verb = next(v for v in CHANGE_VERBS if verbal.endswith(v))
    word = "降幅" if verb in ("下降", "减少", "降低") else "增幅"
    subject = CHANGE_FILLER.sub("", verbal[: -len(verb)])
    if not subject:
        # "财政专项扶贫资金达5.6亿元，比上年增长21.5%": the subject ends the clause before.
        previous = _previous_clause(text, left_start, "", linked=True)
        subject = previous.text if previous and previous.nominal else ""
    return subject + word


def _share(left: str) -> str | None:
    """ "占农户家庭收入的45%" → 占农户家庭收入比重: a share names the whole it is taken of."""
    match = SHARE.search(left.rstrip())
    if not match:
        return None
    whole = SHARE_LINKS.sub("", match.group("whole"))
    if whole.endswith(("比重", "比例", "份额")):
        return "占" + whole  # "占总人口比例为3%"
    whole = whole.rstrip("的之")
    if not whole or whole == "比" or SPACE.search(whole):
        return None  # "资金占45%", "占比达60%": the subject before 占 names it
    return f"占{whole}比重"


def _money_verb(verb: str) -> str:
    # "安排600万元" → 安排资金: allocation verbs name the sum in the genre's own terms; earning and
    # borrowing name it by what it is ("每亩能挣1500元" → 收入, "向信用社借了3万元" → 借款).
    if verb in ALLOCATING:
        return verb + "资金"
    if verb.endswith(("挣", "赚", "挣得", "赚得")):
        return "收入"
    if verb.endswith(("借", "贷")):
        return "借款"
    return verb
