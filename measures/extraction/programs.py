"""Programmes: which of the 13 categories of SCHEMA.md an article or measure block reports.

Programmes come from headings: article headlines, section headings and numbered measures (一是…,
一、…), column labels (【金融扶贫】), plus a sentence whose short opening clause names a programme
outright (做好就业扶贫，…; 在金融扶贫方面，…). Never from a byline, a quotation or a lead sentence
(blocks.py).

The category is the block's main purpose, read in order of authority:

0. a column label naming a programme decides for the article under it;
1. the heading's words decide, its first clause counting double; when they point two ways equally,
   a term that names a programme outright settles it, then what follows a verb of serving (…带动…),
   then the first sentence, then the body;
2. without a signal in the heading, the first sentence decides, when it points one way;
3. else the body: a top-level block by its clear majority, a numbered measure only when one purpose
   clearly dominates its body, otherwise it serves its article's purpose; an article with numbered
   measures reports what most of them report.

A block with no clear signal yields no programme rather than a guess.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

from .blocks import Block, SectionLike, programme_blocks

CATEGORIES = (
    "industry", "employment", "relocation", "education", "health", "social_security", "infrastructure",
    "finance", "ecology", "paired_assistance", "social", "governance", "motivation",
)

# Words that signal each category ("category: words", wrapped).
_KEYWORD_TABLE = """
industry: 产业 种植 养殖 合作社 基地 农业 旅游 电商 光伏 加工 龙头企业 特色 蔬菜
    茶叶 果 畜牧 品牌 园区 消费扶贫 产销 扶贫车间 带动增收 致富 民宿 农家乐 观光 游客 科技
employment: 就业 务工 劳务 转移 技能培训 职业培训 岗位 公益性岗位 招聘 用工 创业
    致富带头人 培训
relocation: 易地扶贫搬迁 搬迁 移民 安置 危房改造 危房 住房 安居 土坯房 保障房
education: 教育 学校 学生 教师 助学 资助 控辍保学 学前 寄宿制 支教 职业教育 校舍
health: 健康 医疗 卫生 医生 医院 救治 义诊 签约服务 疾病 卫生室 大病 医保
social_security: 低保 兜底 养老 特困 救助 临时救助 社会保障 五保 残疾 供养
infrastructure: 基础设施 道路 公路 通村 硬化 饮水 用水 引水 水利 电网 通信 宽带 村道 便道
    水渠 蓄水池 水池 桥 人居环境 改厕
finance: 金融 信贷 贷款 小额 担保 保险 资产收益 分红 股权 融资 银行 利益联结
ecology: 生态 护林员 护林 管护 退耕还林 造林 生态补偿 林业 环保 绿色
paired_assistance: 东西部扶贫协作 东西部协作 扶贫协作 对口帮扶 对口支援 定点帮扶
    援藏 援疆 结对帮扶 挂职 协作 支援 一对一
social: 社会扶贫 捐赠 捐款 捐物 爱心 志愿 企业帮扶 国资 国有企业 民营企业 万企帮万村
    慰问 社会力量 社会各界 社会参与 扶贫日 集团帮扶
governance: 一把手 责任 督查 考核 领导小组 组织领导 党建 驻村工作队 第一书记 问责
    监督 作风 机制 审计 工作队 签订 责任书 部署 领导
motivation: 扶志 扶智 精神扶贫 内生动力 宣传 典型 感恩 移风易俗 文明 等靠要 志气
    思想 脱贫光荣 道德
"""


def _keyword_table(table: str) -> dict[str, tuple[str, ...]]:
    categories: dict[str, list[str]] = {}
    current = ""
    for line in table.strip().split("\n"):
        head, sep, words = line.partition(":")
        if sep and not line.startswith(" "):
            current = head.strip()
            categories[current] = []
        else:
            words = line
        categories[current] += words.split()
    return {category: tuple(words) for category, words in categories.items()}


_KEYWORDS = _keyword_table(_KEYWORD_TABLE)
_PATTERNS = {
    category: re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    for category, words in _KEYWORDS.items()
}
_ANY_KEYWORD = re.compile("|".join(pattern.pattern for pattern in _PATTERNS.values()))
# Terms that name a programme outright; a short opening clause with one reports that programme.
NAMING_TERMS = {
    "industry": "产业扶贫 光伏扶贫 电商扶贫 旅游扶贫 消费扶贫 扶贫车间 特色产业",
    "employment": "就业扶贫 转移就业 劳务协作 技能培训 公益性岗位 扶贫专岗",
    "relocation": "易地扶贫搬迁 易地搬迁 危房改造",
    "education": "教育扶贫 控辍保学 寄宿制学校 特岗教师",
    "health": "健康扶贫 医疗救助 家庭医生签约 先诊疗后付费",
    "social_security": "社会保障兜底 兜底保障 农村低保 特困供养 临时救助",
    "infrastructure": "基础设施建设 农村公路 安全饮水 饮水安全 村组道路 通村公路",
    "finance": "金融扶贫 扶贫小额信贷 小额信贷 资产收益扶贫 政银企户保",
    "ecology": "生态扶贫 生态护林员 退耕还林 生态补偿",
    "paired_assistance": "东西部扶贫协作 东西部协作 对口帮扶 对口支援 定点帮扶 扶贫协作",
    "social": "社会扶贫 万企帮万村 扶贫日 社会力量",
    "governance": "一把手工程 督查考核 驻村工作队 考核评估 扶贫领域腐败",
    "motivation": "扶志 扶智 精神扶贫 志智双扶 内生动力 移风易俗",
}
_NAMING = re.compile("|".join(sorted((t for ts in NAMING_TERMS.values() for t in ts.split()), key=len, reverse=True)))
_NAMED_CATEGORY = {term: category for category, terms in NAMING_TERMS.items() for term in terms.split()}
_SENTENCE = re.compile(r"[^。！？!?\n]+")
_OPENING_END = re.compile(r"[，,：:；;]")
_FIRST_SENTENCE = re.compile(r"[^。！？!?；;\n]+")
_OPENING_MAX = 25  # as long as a heading's clause gets
# An opening clause that starts with one of these names the means, not the programme (借助…协作，…).
_INSTRUMENT = ("借力", "借助", "依托", "通过", "利用", "借")
_SPEECH = re.compile(r"(?:说|表示|介绍|指出|告诉记者|认为|坦言)$")
_QUOTES = "“”‘’「」『』\"'"
_TOC_MARKS = "▲■●◆★☆·•-"
_COLUMN = re.compile(r"[【\[［]([^】\]］]{2,20})[】\]］]")
_COLUMN_OPENERS = frozenset("【[［")
_NOT_AN_OPENING = frozenset(_QUOTES + _TOC_MARKS)  # a quotation or a table-of-contents line
_PURPOSE = re.compile("撬动|带动|助力|促进|推动|助")
_ASPECT = re.compile(r"(?:在)?[\u4e00-\u9fff、]{2,12}方面")

_MIN_SCORE = 3  # body hits a top-level block needs without a heading or first-sentence signal
_DOMINANCE = 2  # how many times the runner-up's hits a numbered measure's body needs to leave its article


def _hits(text: str) -> Counter[str]:
    if not _ANY_KEYWORD.search(text):
        return Counter()  # no keyword of any category: one scan instead of one per category
    return Counter({category: n for category, pattern in _PATTERNS.items() if (n := len(pattern.findall(text)))})


def _heading_hits(title: str) -> Counter[str]:
    """Keyword hits of a heading, its first clause counting double: in 养殖技术到户，增强内生动力 the
    first clause names the measure and the second the hope it serves."""
    first, *rest = _OPENING_END.split(title, maxsplit=1)
    hits = _hits(first)
    for category in hits:
        hits[category] *= 2
    return hits + _hits("".join(rest))


def _distinct_hits(text: str) -> Counter[str]:
    """Different signal words per category: one sentence repeating a word is no more evidence."""
    if not _ANY_KEYWORD.search(text):
        return Counter()
    return Counter({category: n for category, pattern in _PATTERNS.items() if (n := len(set(pattern.findall(text))))})


def _unique_best(scores: Counter[str], among: Sequence[str] | None = None) -> str | None:
    ranked = [(n, c) for c, n in scores.items() if among is None or c in among]
    ranked.sort(reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return ranked[0][1]


def _heading_or_lead(title: str, body: str, lead: str | None) -> str | None:
    """The category the heading names (ties settled by the first sentence, then the body), else the
    one the first sentence alone points to."""
    heading = _heading_hits(title)
    if heading:
        top = max(heading.values())
        tied = [c for c, n in heading.items() if n == top]
        if len(tied) == 1:
            return tied[0]
        named = [_NAMED_CATEGORY[t] for t in _NAMING.findall(title) if _NAMED_CATEGORY[t] in tied]
        if named:  # 做好医疗救助: the term that names a programme outright settles it
            return named[-1]
        purpose = _PURPOSE.split(title, maxsplit=1)
        if len(purpose) == 2:  # 小作坊带动大就业: what the measure serves, after the verb of serving
            served = _unique_best(_hits(purpose[1]), tied)
            if served:
                return served
        return _unique_best(_lead_hits(body, lead), tied) or _unique_best(_hits(body), tied) or tied[0]
    return _unique_best(_lead_hits(body, lead))


def _lead_hits(body: str, lead: str | None) -> Counter[str]:
    first = _FIRST_SENTENCE.search(body if lead is None else lead)
    return _distinct_hits(first.group(0)) if first else Counter()


def categorise(title: str, body: str, inherited: str | None = None, lead: str | None = None) -> str | None:
    """The category of a block with this heading and body, or None when nothing stands out.

    ``inherited`` is the category of the article a numbered measure belongs to: the measure keeps it
    unless its own heading, first sentence or a clearly dominant body says otherwise. ``lead`` is the
    text the first sentence is sought in (by default the body).
    """
    decided = _heading_or_lead(title, body, lead)
    if decided:
        return decided
    whole = _hits(body)
    ranked = whole.most_common(2)
    if not ranked or ranked[0][1] < _MIN_SCORE:
        return inherited
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if inherited is None:
        return ranked[0][0] if ranked[0][1] > runner_up else None
    if ranked[0][1] >= _DOMINANCE * max(runner_up, whole[inherited], 1):
        return ranked[0][0]
    return inherited


def classify_sections(
    text: str, sections: Sequence[SectionLike], title: str | None = None
) -> list[tuple[Block, str]]:
    """(block, category) for every block that clearly reports a programme.

    Blocks are the sections with real headings (the first article takes the headline ``title`` when
    its own "heading" is a byline or a lead sentence), each ending where the next of its level begins.
    """
    out: list[tuple[Block, str]] = []
    deferred: list[tuple[Block, str | None]] = []
    blocks = programme_blocks(text, sections, title)
    labelled = _column_labels(text, blocks)
    for block in blocks:
        if block.start in labelled:
            out.append((block, labelled[block.start]))
            continue
        at = text.find(block.title, block.start, block.start + len(block.title) + 12)  # after a marker: 四是…
        body_start = at + len(block.title) if at >= 0 else block.start
        while body_start < block.end and text[body_start] in "。.，,：: \n":
            body_start += 1
        body = text[body_start : block.end]
        # The first sentence is the block's own only if it comes before its first numbered measure.
        children = [b.start for b in blocks if b.level > block.level and block.start < b.start < block.end]
        lead = text[body_start : min(children)] if children else None
        parents = [(b, c) for b, c in out if b.level < block.level and b.start <= block.start < b.end]
        inherited = max(parents, key=lambda pair: pair[0].level)[1] if parents else None
        if children:
            category = _heading_or_lead(block.title, body, lead)
            if not category:
                deferred.append((block, inherited))  # its measures will say what it reports
                continue
        else:
            category = categorise(block.title, body, inherited, lead)
        if category:
            out.append((block, category))
    # An article silent in its heading and lead reports what most of its measures report.
    for block, inherited in sorted(deferred, key=lambda pair: -pair[0].level):
        votes = Counter(c for b, c in out if b.level > block.level and block.start < b.start < block.end)
        ranked = votes.most_common(2)
        total = sum(votes.values())
        if ranked and 2 * ranked[0][1] > total:
            out.append((block, ranked[0][0]))
        elif inherited:
            out.append((block, inherited))
    return sorted(out, key=lambda pair: (pair[0].start, pair[0].level))


def _column_labels(text: str, blocks: Sequence[Block]) -> dict[int, str]:
    """Top-level blocks right under (or headed by) a column label that names a programme: 【生态扶贫】."""
    top = min((b.level for b in blocks), default=1)
    starts = sorted(b.start for b in blocks if b.level == top)
    labels = {}
    for column in _COLUMN.finditer(text):
        terms = _NAMING.findall(column.group(1))
        if not terms:
            continue
        index = bisect.bisect_right(starts, column.start()) - 1
        if index >= 0 and column.start() < starts[index] + len(column.group(0)) + 4:
            labels[starts[index]] = _NAMED_CATEGORY[terms[-1]]  # heading the block's title
        elif index + 1 < len(starts) and not text[column.end() : starts[index + 1]].strip():
            labels[starts[index + 1]] = _NAMED_CATEGORY[terms[-1]]  # right above the block
    return labels


def named_programmes(text: str) -> list[tuple[str, str, int, int]]:
    """(title, category, start, end) for each sentence whose short opening clause names a programme.

    The opening must be a clause of its own (followed by a comma or colon), not a whole sentence,
    a quotation or what a speaker said, a table-of-contents line, nor an instrument (借助…协作).
    Of several terms in it, the last names the purpose: 动员社会力量助力健康扶贫 is health.
    """
    found = []
    for sentence in _SENTENCE.finditer(text):
        stripped = sentence.group(0).strip()
        column = _COLUMN.fullmatch(stripped) if stripped[:1] in _COLUMN_OPENERS else None
        if column:  # 【就业扶贫】: the editors' own label for the articles under it
            terms = _NAMING.findall(column.group(1))
            if terms:
                found.append((stripped, _NAMED_CATEGORY[terms[-1]], sentence.start(), sentence.end()))
            continue
        if not stripped or stripped[0] in _NOT_AN_OPENING:
            continue
        end = _OPENING_END.search(stripped)
        if end is None:
            continue  # a whole sentence, no opening clause
        opening = stripped[: end.start()].strip()
        if len(opening) > _OPENING_MAX or opening.startswith(_INSTRUMENT) or _SPEECH.search(opening):
            continue
        terms = _NAMING.findall(opening)
        if terms:
            found.append((opening, _NAMED_CATEGORY[terms[-1]], sentence.start(), sentence.end()))
        elif _ASPECT.fullmatch(opening):  # 在医疗帮扶方面: an inline heading in its own words
            category = _unique_best(_hits(opening))
            if category:
                found.append((opening, category, sentence.start(), sentence.end()))
    return found
