"""Indicators: the noun phrase a figure counts, taken from the words around it.

Government prose names what a figure counts in a few fixed ways:

* number + measure word + noun: "与6950户贫困户开展结对帮扶", "1082支驻村精准扶贫工作队";
* noun (or activity) + linking words + number: "协议总投资近60亿", "覆盖率达95%", "开展支医2316人次";
* a share: "占贫困家庭收入的60%" (→ 占贫困家庭收入比重); a book: "印发《口袋书》9万多册".

Only the clause around the figure is read (punctuation, line breaks and asides in brackets end
it), segmented with rjieba (jieba's dictionary, in Rust) and classified with the closed word
lists below, which correct the tagger where the genre's usage differs from general text.
The phrase returned is a tight core (2–12 characters): predicate verbs, scope words (全市, 其中),
places and linking words (共, 累计, 达到) are left out, because a reviewer reads it at a glance
and the scorer accepts a core that the full phrase contains.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import rjieba

_MAX_CHARS = 12  # longer phrases drag in half a sentence
# Characters read on either side of a figure: enough for a phrase, its linking words and a
# neighbouring figure ("举办就业培训4期1860名"), or for a modifying clause and its head after 的.
_REACH_LEFT = 32
_REACH_RIGHT = 24
_REACH_CLAUSE = 40

# Clause ends. 、 separates list items ("贫困户60户、贫困人口200人"); brackets are handled apart.
_CLAUSE_END = frozenset("，。；：！？,;:!?、…\n\r|")
_OPEN = {"(": ")", "（": "）", "〔": "〕", "[": "]", "【": "】"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_SPECIAL = re.compile(r"[《“「『(（〔\[【\d]")  # where a plain run of words ends
_PAIRS = {"《": "》", "“": "”", "「": "」", "『": "』", **_OPEN}  # read whole: a title, a quotation, an aside
_BRACKETS = re.escape("".join(_OPEN) + "".join(_CLOSE))
_LEFT_STOP = re.compile("[" + re.escape("".join(sorted(_CLAUSE_END))) + _BRACKETS + "]")
_RIGHT_STOP = re.compile(r"[\s" + re.escape("".join(sorted(_CLAUSE_END))) + _BRACKETS + "]")
_RIGHT_STOP_LISTS = re.compile(r"[\s" + re.escape("".join(sorted(_CLAUSE_END - {"、"}))) + _BRACKETS + "]")

# Figures inside the context window ("举办就业培训4期" before "1860名") become one token.
_MEASURE = (
    "平方公里|平方米|公里|千米|万元|亿元|元|人次|户次|台次|场次|批次|个|名|位|人|户|家|所|支|项|期|批|场|次|"
    "亩|头|只|口|座|条|处|台|套|件|册|份|本|对|吨|米|兆瓦|千瓦|间|栋|辆|株|棵|种|类|笔|张|轮|届|年|%|％"
)
_NUMBER = r"[0-9０-９][0-9０-９.．,]*"
_FIGURE = re.compile(
    rf"[约近超逾]?(?:{_NUMBER}|[一二两三四五六七八九十百千万亿]+(?=[万亿]?(?:{_MEASURE})))"
    rf"(?:\s*[-—–~～至到]\s*{_NUMBER})?[余多]?[十百千万亿]*[余多]?(?:{_MEASURE})?(?:以上|以下|左右|多)?"
)
_HAS_DIGIT = re.compile(r"[0-9０-９]")
_NUMERAL = frozenset("零〇一二两三四五六七八九十百千万亿几数余多")
_SHARE = re.compile(r"占(?P<whole>[^占]{0,14})$")
_CHANGE_VERBS = ("增长", "提高", "增加", "上升", "下降", "减少", "降低")
_CHANGE_FILLER = re.compile(r"(?:同比|比上年|较上年|比去年|较去年|年均|平均)+$")
_RATIO_WORDS = ("比重", "比例", "占比", "权重", "份额", "比率")
_SHARE_LINKS = re.compile(r"(?:达到|达|约为|约|为|了|近|超过|已)+$")
_SPACE = re.compile(r"\s")

# Words between a noun and its figure that say nothing about what is counted.
_LINKS = frozenset(
    """
    共 共计 累计 合计 总计 总共 一共 分别 达 达到 达到了 多达 高达 为 是 有 约 近 超过 超 逾 计 了 已 已经 将 将达
    预计 可 可以 均 都 全部 仅 只有 就 也 还 仍 又 再 新 由 从 增至 降至 突破 约为 合 不 不低于 低于 高于 不少于 少于
    多于 不超过 不高于 不足 不到 以上 以下 以内 左右 共有 现有 已有 尚有 还有 仍有 拥有 累计有 坚持 保持 维持 确保
    力争 达标
    """.split()
)
# Verbs that, with 到/至/在 after them, only introduce the new level: "提高到每人每年3840元".
_LEVEL_VERBS = frozenset("提高 增加 增长 下降 降低 减少 降 升 控制 保持 稳定 扩大 提升 达 增".split())
_LEVEL_TAILS = tuple(v for v in _LEVEL_VERBS if len(v) > 1)
_DATE_ENDS = frozenset("底 末 初 前 后 以来 以前 以后".split())
# Predicates that take the counted noun as their object; they end a noun phrase read leftward
# and are dropped from its front ("签订总投资50亿" → 总投资). jieba tags several of them as nouns.
_PREDICATES = frozenset(
    """
    开展 组织 举办 召开 进行 实施 完成 实现 推进 推动 加强 落实 建立 成立 启动 安排 提供 给予 发放 筹集 整合
    拿出 下达 拨付 争取 盘活 撬动 吸引 引进 引导 动员 选派 增派 派出 派驻 选聘 选拔 招聘 招录 聘请 聘用 帮助
    带动 吸纳 惠及 覆盖 辐射 新增 新建 建成 建设 修建 修缮 搭建 安装 开辟 开设 开通 印发 签订 确定 发展 改扩建
    扩建 新改建 支持 投放 享受 受益 组建 培育 认定 评选 表彰 慰问 走访 送去 送上 捐赠 捐助 募集 兑现 发动 整治 新修
    硬化 改造 改建 打造 创建 设立 设置 聘 选 派 签 建 引 招 投 修 用于 用来 围绕 针对 聚焦 参与 参加 计划 规划
    进村 入户 到户 排查 识别 核查 审计 接听 受理 办理 转移 销售 收购 采购 认购
    """.split()
)
# Light verbs carry no content of their own: an activity named after them is the activity.
# Transfer verbs (给予, 提供, 发放) are light too: "对贫困户给予2000元" names the recipient, not the sum.
_LIGHT = frozenset(
    "开展 组织 举办 召开 进行 实施 完成 实现 推进 推动 加强 落实 建立 成立 启动 参与 计划 给予 提供 发放".split()
)
# Verbs that, once nominalised, are themselves a sum of money ("投入200余万元", "完成投资3.3亿元").
_MONEY_NOUNS = frozenset(
    "投资 投入 收入 支出 补贴 补助 奖补 奖励 捐赠 捐款 贷款 融资 分红 救助 资助 产值 税收 营业额 销售额".split()
)
# Allocation verbs: bare "安排1250万元" names the sum 安排资金, as the genre itself says.
_ALLOCATING = frozenset("安排 筹集 整合 拿出 下达 拨付 争取 落实 盘活 撬动 统筹 追加 兑付 兑现 发放 募集".split())
# Nouns jieba tags as verbs in this genre: "人均可支配收入/v", "农村低保/v标准".
_FORCED_NOUNS = frozenset("建档立卡 收入 产值 税收 营业额 销售额 低保 五保 医保 社保 特困 标准 规模 总量 进度".split())
# Terms the dictionary splits where a split would end a phrase early.
_GLUED_TERMS = frozenset("可支配 可支配收入".split())
# Verbs that sit inside the genre's noun compounds: 精准扶贫工作队, 就业培训, 医疗救助专项资金.
_COMPOUND_VERBS = frozenset(
    """
    扶贫 脱贫 帮扶 救助 示范 结对 对口 驻村 协作 服务 就业 创业 养殖 种植 种养 加工 搬迁 安置 培训 教育 医疗
    维修 管理 保障 监管 救治 签约 济困 援助 支援 援建 援藏 援疆 支教 支医 义诊 代办 招商 孵化 认养 脱产 兜底
    补助 补贴 奖补 奖励 救济 资助 扶持 入股 分红 帮困 助学 安居 务工 涉农 返贫 致贫 参保 参训 挂职 援青
    """.split()
)
# Compound verbs that take no object, so a beneficiary after them is still their compound: 脱贫人口.
_INTRANSITIVE = frozenset(
    "脱贫 就业 创业 务工 返贫 致贫 驻村 签约 参保 参训 济困 帮困 挂职 支教 支医 援藏 援疆 援青".split()
)
# Beneficiaries: a compound verb in front of one is the predicate ("资金帮扶贫困户"), not a modifier.
_BENEFICIARY = re.compile(r"贫困|困难|群众|农户$|家庭$|户$|人口$|村$|县$")
_BENEFICIARY_UNIT = re.compile(r"(?:贫困|困难|脱贫|深度贫困|重点)(?:村|县|乡|镇|区县)$")
# Scope and reference words: they say where or which, not what.
_SCOPE = frozenset(
    """
    其中 全市 全县 全区 全州 全省 全乡 全镇 全村 全国 全年 当年 今年 去年 明年 目前 截至 截止 此外 另外 同时
    各 各类 各级 各地 该 该县 该市 该区 本 其 这 此 每 等 等等 之 的 地 得 共同 并 和 及 与 或 以及 同 跟
    以来 以前 以后 前 后 底 末 初
    """.split()
)
# A place name ends in an administrative suffix ("酉阳县"); bare regions such as 浙江 stay modifiers.
_PLACE = re.compile(r"..+(?:省|市|县|区|州|盟|旗|乡|镇|街道)$")
# 人次 counts people served by an activity: "就医1.31万人次" → 就医人次, the genre's own term.
_EVENT_SUFFIX = {"人次": "人次", "户次": "户次"}
_EVENT_UNITS = frozenset(("人次", "户次", "次", "批次", "场次", "台次", "批", "场", "期", "轮", "届"))
_NOUN_SUFFIXES = frozenset("率数额量费金款")
_FRAGMENT_TAGS = frozenset("n v vn zg q m ng ns nr a g k x o".split())
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_NOUN_TAGS = frozenset("n nz nt ns nr nrt nrfg ng nl an vn j l i eng s zg g b".split())
_VERB_TAGS = frozenset("v vd vi vg vq".split())
_QUOTES = "“”\"'‘’「」『』"
# "通过直接募集等渠道投资7400余万元": a means is never what is counted.
_MANNER = frozenset("渠道 方式 途径 形式 办法 手段 方法".split())


class _Token(NamedTuple):
    word: str
    # N noun, M modifier, V verb, C compound verb, L link, S stop, P place,
    # F figure, T title, Q quotation, B bracketed aside
    kind: str


_SPACE_TOKEN = _Token(" ", "S")


def indicator_for(text: str, start: int, end: int, unit: str) -> str | None:
    """The indicator of the figure at text[start:end] (canonical unit `unit`), or None when none is near."""
    return IndicatorFinder(text).indicator_for(start, end, unit)


class IndicatorFinder:
    """Indicators for many figures of one text. Only the clauses around each figure are read."""

    def __init__(self, text: str) -> None:
        self.text = text

    @staticmethod
    def clear_caches() -> None:
        """Forget the clauses segmented so far (they are shared by every finder of the process)."""
        _tokens.cache_clear()
        _tag.cache_clear()

    def indicator_for(self, start: int, end: int, unit: str) -> str | None:
        """The indicator of the figure at text[start:end] with canonical unit `unit`, or None."""
        text = self.text
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        if end < start:
            start, end = end, start
        unit = unit or ""
        share = unit in ("%", "％")
        money = unit == "元" or unit.startswith("元/")
        left_start = _left_edge(text, start)
        left = text[left_start:start]

        at = left.rfind("占") if share else -1
        if at >= 0:
            # "低保兜底人口占建档立卡贫困人口的34.5%" is the share of its subject (低保兜底人口占比);
            # without one, of the whole it is taken of ("占贫困家庭收入的60%" → 占贫困家庭收入比重).
            subject = _phrase_before(_strip_links(_tokens(left[:at]))[0], unit) if at else None
            if subject and subject.nominal:
                return subject.text if subject.text.endswith(_RATIO_WORDS) else subject.text + "占比"
            whole = _share(left)
            if whole or _SHARE_LINKS.sub("", left[at + 1 :].rstrip()) in ("", "比"):
                return whole or "占比"

        # Money and shares name what they measure first ("协议总投资近60亿"); counts name it after
        # the measure word ("6950户贫困户"). Each side is read only when the first gives no noun.
        after: _Phrase | None = None
        if not (money or share):
            after = self._after(end, unit, money=False)
            if after and after.nominal and not after.weak:
                return after.text
        before_tokens, linked = _strip_links(_tokens(left))
        title = _title_at(before_tokens, -1)
        if title:
            return title
        before = _phrase_before(before_tokens, unit)
        if before and before.nominal:
            return before.text
        if after and after.nominal:
            return after.text
        if money or share:
            after = self._after(end, unit, money=money)
            if after and after.nominal:
                return after.text
        if before is None and not before_tokens and (after is None or not after.nominal):
            before = _previous_clause(text, left_start, unit, linked=linked)
        if share and before and not before.nominal and before.text.endswith(_CHANGE_VERBS):
            return _change(text, left_start, before.text)
        if before:
            return _money_verb(before.text) if money else before.text
        return after.text if after else None  # "连续4次召开党政联席会议" → 党政联席会议

    def _after(self, end: int, unit: str, *, money: bool) -> _Phrase | None:
        text = self.text
        after, clause_opens = _phrase_after(_tokens(text[end : _right_edge(text, end, lists=False)]), unit)
        if clause_opens and not money:
            wide = text[end : _right_edge(text, end, lists=True)]
            after = _relative_head(_tokens(wide)) or after
        return after


class _Phrase(NamedTuple):
    text: str
    nominal: bool  # ends in a noun (a thing counted), not in a verb (an activity)
    # Read after a 的 ("不超过25平方米的标准"): for a count, the name before the figure comes first.
    weak: bool = False


# --- the clause around a figure -------------------------------------------------------------


def _left_edge(text: str, start: int) -> int:
    """Where the clause before `start` begins: a clause end, an unclosed bracket, or _REACH_LEFT back."""
    low = max(0, start - _REACH_LEFT)
    match = _LEFT_STOP.search(text[low:start][::-1])  # the nearest stop, read backward
    if match is None:
        return low
    if match.group() not in _CLOSE:
        return start - match.start()
    # An aside in brackets right before the figure belongs to the phrase ("中心(幼儿园)1个"): walk over it.
    position, depth = start, 0
    while position > low:
        char = text[position - 1]
        if char in _CLOSE:
            depth += 1
        elif char in _OPEN:
            if depth == 0:
                break  # the figure is inside the aside: "(其中建档立卡贫困人口60名)"
            depth -= 1
        elif depth == 0 and char in _CLAUSE_END:
            break
        elif depth and char == "\n":
            break
        position -= 1
    return position


def _right_edge(text: str, end: int, *, lists: bool) -> int:
    """Where the clause after `end` stops; with `lists`, a 、 inside a modifier does not stop it."""
    limit = min(len(text), end + (_REACH_CLAUSE if lists else _REACH_RIGHT))
    # A space after a whole figure is a lost full stop more often than a word gap ("276.86万人 市级").
    match = (_RIGHT_STOP_LISTS if lists else _RIGHT_STOP).search(text, end, limit)
    return match.start() if match else limit


@lru_cache(maxsize=4096)
def _tokens(clause: str) -> tuple[_Token, ...]:
    """Tokens of a clause: titles, quotations, bracketed asides and figures whole, the rest tagged."""
    tokens: list[_Token] = []
    position = 0
    length = len(clause)
    while position < length:
        char = clause[position]
        closer = _PAIRS.get(char)
        if closer:
            stop = clause.find(closer, position + 1)
            if stop > position:
                word = clause[position : stop + 1]
                kind = "T" if char == "《" else ("Q" if char in "“「『" else "B")
                tokens.append(_Token(word, kind))
                position = stop + 1
                continue
        match = _FIGURE.match(clause, position)
        if match and match.end() > position and (_HAS_DIGIT.search(match.group()) or match.end() - position > 1):
            tokens.append(_Token(match.group(), "F"))
            position = match.end()
            continue
        # Plain run up to the next special character.
        special = _SPECIAL.search(clause, position + 1)
        stop = special.start() if special else length
        tokens.extend(_tag(clause[position:stop]))
        position = stop
    return tuple(_merge_suffixes(_glue(tokens)))


@lru_cache(maxsize=4096)
def _tag(run: str) -> tuple[_Token, ...]:
    """Tagged words of a run of plain text; runs between two figures recur in neighbouring windows."""
    tokens: list[_Token] = []
    fragment = False  # the previous token is a single character the dictionary did not place
    for word, flag in rjieba.tag(run, hmm=False):
        words, single = _classified(word, flag)
        if single and fragment:
            # Genre words missing from the dictionary come out as runs of single characters
            # (支/医, 带/教, 参/训, 省/定): rejoin such runs.
            joined = tokens[-1].word + word
            tokens[-1] = _Token(joined, _kind(joined, "n"))
            fragment = False
            continue
        tokens += words
        fragment = single
    return tuple(tokens)


@lru_cache(maxsize=8192)
def _classified(word: str, flag: str) -> tuple[tuple[_Token, ...], bool]:
    """The tokens one tagged word becomes, and whether it is a lone character that may join the next."""
    if not word.strip():
        return (_SPACE_TOKEN,), False
    if not word.strip(_QUOTES):
        return (), False  # a stray quotation mark says nothing
    if len(word) > 1 and word[0] in _NOUN_SUFFIXES and (word[1:] in _LINKS or word[1:] in _LEVEL_VERBS):
        # The dictionary glues a noun suffix to the verb after it ("率达", "率控制"): split them.
        return (_Token(word[0], _kind(word[0], "n")), _Token(word[1:], _kind(word[1:], "v"))), False
    kind = _kind(word, flag)
    # Never join across a linking or function word, a figure or a numeral.
    single = len(word) == 1 and flag in _FRAGMENT_TAGS and kind not in ("L", "S", "F") and word not in _NUMERAL
    return (_Token(word, kind),), single


@lru_cache(maxsize=8192)
def _kind(word: str, flag: str) -> str:
    if word in _LINKS:
        return "L"
    if word in _FORCED_NOUNS:
        return "N"
    if word in _SCOPE or word.startswith("每"):
        return "S"
    if word in _COMPOUND_VERBS or word in _MONEY_NOUNS:
        return "C"
    if word in _PREDICATES:
        return "V"
    if flag in ("ns", "nt") and _PLACE.match(word):
        return "P"
    if flag in _NOUN_TAGS:
        return "N"
    if flag in _VERB_TAGS:
        return "V"
    if flag in ("a", "ad", "f", "h") and len(word) <= 3:
        return "M"
    if flag == "m" and len(word) > 1 and _FIGURE.fullmatch(word):
        return "F"  # "选派挂职干部三批共138名": a figure in words is still a figure
    if flag in ("x", "o") and _CJK.fullmatch(word):
        return "N"  # a character the dictionary does not know (嘎查村): a name more often than not
    if flag == "q" and len(word) > 1:
        return "N"  # 系列, 批次 used as nouns
    if flag in ("m", "q", "k", "t") and len(word) == 1 and word not in _NUMERAL:
        return "N"  # jieba mistakes 点, 道, 年 for numerals or measure words
    return "S"


def _glue(tokens: list[_Token]) -> list[_Token]:
    """Rejoin genre terms the dictionary splits ("可/支配" → 可支配) and per-unit words (每/生)."""
    glued: list[_Token] = []
    for token in tokens:
        if glued and glued[-1].word + token.word in _GLUED_TERMS:
            glued[-1] = _Token(glued[-1].word + token.word, "N")
        elif glued and glued[-1].word == "每" and len(token.word) == 1 and token.kind in ("N", "S"):
            glued[-1] = _Token("每" + token.word, "S")  # "每生补助4元/天": 每生 says per whom, not what
        else:
            glued.append(token)
    return glued


def _merge_suffixes(tokens: list[_Token]) -> list[_Token]:
    """A single-character noun after a verb or noun is a suffix: 采购+点, 耕作+道, 驻+村."""
    merged: list[_Token] = []
    for token in tokens:
        if (
            merged
            and len(token.word) == 1
            and token.kind == "N"
            and merged[-1].kind in ("V", "C", "N")
            and len(merged[-1].word) <= 4
            and merged[-1].word not in _PREDICATES
        ):
            merged[-1] = _Token(merged[-1].word + token.word, "N")
        else:
            merged.append(token)
    return merged


def _strip_links(tokens: tuple[_Token, ...]) -> tuple[tuple[_Token, ...], bool]:
    """Drop, from the figure leftward, linking words, a previous figure and "提高到"-style verbs."""
    end = len(tokens)
    stripped = False
    while end:
        token = tokens[end - 1]
        previous = tokens[end - 2] if end >= 2 else None
        if token.kind in ("L", "F") or token.word == " " or token.word.startswith("每"):
            end -= 1  # a previous figure too: "举办就业培训4期1860名" — the two share their noun
        elif token.word in _DATE_ENDS and previous is not None and previous.kind == "F":
            end -= 2  # "减少到2018年底的3600人": a date, not a figure of the clause
        elif token.word in ("到", "至", "在", "为") and previous is not None and previous.word in _LEVEL_VERBS:
            end -= 2
        elif token.word in ("到", "至", "在", "为") and previous is not None and _glued_level(previous):
            # The dictionary glues the level verb to its noun ("个人自付比例控制/在10%以内"): keep the noun.
            head = previous.word[: -len(next(t for t in _LEVEL_TAILS if previous.word.endswith(t)))]
            return (*tokens[: end - 2], _Token(head, "N")), True
        elif token.word in ("的", "之", "了", "由", "从", "在"):
            end -= 1  # "贡献率在30%以上"
        else:
            break
        stripped = True
    return tokens[:end], stripped


def _glued_level(token: _Token) -> bool:
    return token.kind == "N" and len(token.word) >= 4 and token.word.endswith(_LEVEL_TAILS)


def _title_at(tokens: tuple[_Token, ...], index: int) -> str | None:
    if tokens and tokens[index].kind == "T":
        inner = tokens[index].word[1:-1].strip()
        return inner or None
    return None


# --- reading a phrase on either side ----------------------------------------------------------


def _phrase_before(tokens: tuple[_Token, ...], unit: str) -> _Phrase | None:
    """The noun phrase (or activity) that ends right before the figure, read leftward."""
    index = len(tokens)
    # A bracketed aside right before the figure is dropped; one inside the phrase stays.
    while index and tokens[index - 1].kind == "B":
        index -= 1
    trailing: list[_Token] = []  # an activity named right before the figure: 就医, 带教查房, 参加培训
    while index and tokens[index - 1].kind in ("V", "C") and tokens[index - 1].word not in _LIGHT:
        if trailing and trailing[0].kind == "C" and tokens[index - 1].kind == "V":
            break  # "参加培训": a predicate before a compound activity is only its verb
        if sum(len(t.word) for t in trailing) + len(tokens[index - 1].word) > _MAX_CHARS // 2:
            break
        trailing.insert(0, tokens[index - 1])
        index -= 1
    nouns: list[_Token] = []
    size = 0
    capped = False
    while index:
        token = tokens[index - 1]
        collected = bool(nouns or trailing)
        if token.word in _MANNER and collected:
            break
        if token.kind in ("N", "Q") or (token.kind in ("M", "B") and collected):
            pass
        elif (
            token.kind == "C"
            and collected
            and (token.word in _INTRANSITIVE or not (nouns and _BENEFICIARY.search(nouns[0].word)))
        ):
            pass  # 医疗救助专项资金, 就业培训, 脱贫人口 — but not 帮扶+贫困户, a predicate and its object
        else:
            break
        if size + len(token.word) > _MAX_CHARS and collected:
            capped = True
            break
        nouns.insert(0, token)
        size += len(token.word)
        index -= 1
    if capped and len(nouns) > 1 and len(nouns[0].word) == 1:
        nouns.pop(0)  # a cut through "可支配收入" should not start on 可
    words = nouns + trailing
    # A leading place is the figure's region, not its indicator ("九龙县贫困户"); a leading aside is noise.
    while len(words) > 1 and words[0].kind in ("P", "B"):
        words.pop(0)
    if not words or all(t.kind == "P" for t in words):
        return None
    if words[-1].kind == "Q" and all(t.kind in ("V", "C") for t in words[:-1]):
        words = [_unquoted(words[-1])]  # "培训“吕梁山护工”1.5万人": the quoted name is what is counted
    nominal = words[-1].kind in ("N", "Q", "B") or words[-1].word in _MONEY_NOUNS
    if len(words) == 1 and len(words[0].word) == 1 and not nominal:
        return None  # "只出了不到两千元": a bare one-character verb names nothing
    text = _join(words)
    if not text:
        return None
    if not nominal and unit in _EVENT_SUFFIX:
        text += _EVENT_SUFFIX[unit]  # 就医人次, 互访人次: the genre's own names
    elif unit in _EVENT_SUFFIX and index and tokens[index - 1].kind in ("V", "C"):
        verb = tokens[index - 1].word
        if verb not in _LIGHT and len(text) + len(verb) <= _MAX_CHARS:
            text = verb + text  # "培训贫困户2300人次": the activity is what the 人次 count
    return _Phrase(text, nominal)


def _phrase_after(tokens: tuple[_Token, ...], unit: str) -> tuple[_Phrase | None, bool]:
    """The noun phrase that follows the figure's measure word, read rightward.

    The flag says a modifying clause may be starting ("1400余个门槛低、收入高的工作岗位",
    "13个担负扶贫主要职责的市直部门"), whose head after 的 is then the better answer.
    """
    index = 0
    while index < len(tokens) and tokens[index].word in ("的", "之", "以上", "以下", "左右", "多", "余"):
        index += 1
    weak = any(t.word in ("的", "之") for t in tokens[:index])
    if unit == "户" and index < len(tokens) and tokens[index].kind == "F" and tokens[index].word[-1] in "人名":
        index += 1  # "1860户6200人实现稳定脱贫": households and people share what follows
    if index == len(tokens):
        return None, False
    title = _title_at(tokens[index:], 0)
    if title:
        return _Phrase(title, True), False
    first = tokens[index]
    if first.kind in ("V", "C") and unit in _EVENT_UNITS:
        return _activity_after(tokens[index:]), False  # "连续4次召开党政联席会议", "等5期培训"
    if first.kind in ("V", "C") and not _opens_object(tokens, index):
        # A predicate follows: the head of a modifying clause ("13个担负扶贫主要职责的市直部门") if one
        # closes soon, else the activity itself ("6200人实现稳定脱贫").
        return _activity_after(tokens[index:]), True
    words: list[_Token] = []
    size = 0
    seen_noun = False
    for position in range(index, len(tokens)):
        token = tokens[position]
        kind = token.kind
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if kind in ("N", "Q", "P"):
            if seen_noun and kind in ("Q", "P"):
                break  # "22904名贫困人口“越线”任务": a quotation or place after the noun starts anew
        elif kind == "M" or token.word in ("已", "新", "未"):
            if seen_noun:
                return _finish_after(words), kind == "M"  # "门槛低": an adjective after a noun is a predicate
            if following is None or following.kind not in ("N", "Q", "C", "M"):
                break
        elif kind == "C":
            if following is None or following.kind not in ("N", "C", "Q"):
                if token.word in _MONEY_NOUNS:
                    words.append(token)  # "的就业补贴", "的补助": a subsidy verb closing the phrase is its head
                break
            # After the noun, a compound verb must lead straight to a head noun ("精准扶贫工作队");
            # before a beneficiary or a place it starts the predicate ("民营企业结对帮扶500个贫困村").
            if seen_noun and (
                following.kind != "N" or _BENEFICIARY.search(following.word) or _PLACE.match(following.word)
            ):
                break
        else:
            break
        if size + len(token.word) > _MAX_CHARS and seen_noun:
            break
        words.append(token)
        size += len(token.word)
        seen_noun = seen_noun or kind in ("N", "Q", "P")
        # The measure word picks its noun: "2080户贫困户危房改造工程" counts 贫困户, and "25个贫困村销号任务"
        # counts villages — a beneficiary noun after 个 or 户 ends the phrase.
        if kind == "N" and (
            (unit == "户" and token.word.endswith(("户", "家庭")))
            or (unit == "个" and _BENEFICIARY_UNIT.search(token.word))
        ):
            break
    phrase = _finish_after(words)
    if phrase and weak:
        phrase = phrase._replace(weak=True)
    return phrase, phrase is None and first.kind in ("V", "M")


def _opens_object(tokens: tuple[_Token, ...], index: int) -> bool:
    """Whether a verb after the figure can open a noun phrase ("6个已脱贫省定贫困村", "扶贫专项资金")."""
    word = tokens[index].word
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return word in _COMPOUND_VERBS and following is not None and following.kind in ("N", "C", "Q")


def _finish_after(words: list[_Token]) -> _Phrase | None:
    while words and words[-1].kind not in ("N", "Q", "P") and words[-1].word not in _MONEY_NOUNS:
        words.pop()
    if not words or all(t.kind == "P" for t in words):
        return None
    if len(words) == 1 and words[0].kind == "Q":
        words = [_unquoted(words[0])]
    text = _join(words)
    return _Phrase(text, True) if text else None


def _unquoted(token: _Token) -> _Token:
    # A quoted name alone is given without its marks, which bulletins and readers use inconsistently.
    return _Token(token.word[1:-1].strip() or token.word, "N")


def _relative_head(tokens: tuple[_Token, ...]) -> _Phrase | None:
    """The head noun after the 的 that closes a modifying clause, if one closes soon."""
    size = 0
    for position, token in enumerate(tokens):
        size += len(token.word)
        if token.kind == "F" or size > 18:
            return None
        if token.word == "的":
            head, _ = _phrase_after(tokens[position + 1 :], "")
            return head
    return None


def _activity_after(tokens: tuple[_Token, ...]) -> _Phrase | None:
    """An activity after an event count: "召开党政联席会议" → 党政联席会议, "培训" → 培训."""
    words: list[_Token] = []
    for token in tokens[:6]:
        light = all(w.word in _LIGHT for w in words)  # "实现稳定脱贫": a light verb leaves room for the real one
        if token.kind in ("N", "Q", "C") or (token.kind == "V" and light) or (token.kind == "M" and words and light):
            words.append(token)
        else:
            break
    while len(words) > 1 and words[0].word in _LIGHT:
        words.pop(0)
    if any(t.kind in ("N", "Q") for t in words):
        while words[-1].kind not in ("N", "Q"):
            words.pop()
    text = _join(words)
    return _Phrase(text, False) if text else None


def _previous_clause(text: str, left_start: int, unit: str, *, linked: bool) -> _Phrase | None:
    """The phrase ending the previous clause, when the figure's own clause names nothing.

    "建立医疗救助专项资金，累计达2576万元" (the figure is said of the clause before), "脱贫人口：1200人"
    (of the label before the colon), "计划搬迁1.8万户、7.6万人" (of the list item before, a figure too).
    """
    if left_start < 2:
        return None
    stop = text[left_start - 1]
    if not ((linked and stop in "，,") or stop in "：:、"):
        return None
    clause_start = _left_edge(text, left_start - 1)
    tokens = _tokens(text[clause_start : left_start - 1])
    listed = stop == "、"
    if listed and not (tokens and tokens[-1].kind == "F"):
        return None
    phrase = _phrase_before(_strip_links(tokens)[0], unit)
    return phrase if phrase and (phrase.nominal or listed) else None


def _change(text: str, left_start: int, verbal: str) -> str:
    """ "门诊量同比增长23%" → 门诊量增幅: a percentage change names what changed, as the genre does."""
    verb = next(v for v in _CHANGE_VERBS if verbal.endswith(v))
    word = "降幅" if verb in ("下降", "减少", "降低") else "增幅"
    subject = _CHANGE_FILLER.sub("", verbal[: -len(verb)])
    if not subject:
        # "财政专项扶贫资金达5.6亿元，比上年增长21.5%": the subject ends the clause before.
        previous = _previous_clause(text, left_start, "", linked=True)
        subject = previous.text if previous and previous.nominal else ""
    return subject + word


def _share(left: str) -> str | None:
    """ "占贫困家庭收入的60%" → 占贫困家庭收入比重: a share names the whole it is taken of."""
    match = _SHARE.search(left.rstrip())
    if not match:
        return None
    whole = _SHARE_LINKS.sub("", match.group("whole"))
    if whole.endswith(("比重", "比例", "份额")):
        return "占" + whole  # "占总人口比例为3%"
    whole = whole.rstrip("的之")
    if not whole or whole == "比" or _SPACE.search(whole):
        return None  # "资金占45%", "占比达60%": the subject before 占 names it
    return f"占{whole}比重"


def _money_verb(verb: str) -> str:
    # "安排1250万元" → 安排资金: allocation verbs name the sum in the genre's own terms.
    return verb + "资金" if verb in _ALLOCATING else verb


def _join(words: list[_Token]) -> str | None:
    text = "".join(t.word for t in words)
    text = text.strip(" 的了和及与等、")
    # Unbalanced quotation marks from a quotation cut by the window are dropped.
    if text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    text = _SPACE.sub("", text)
    return text or None
