"""Programmes: which of the 13 categories of SCHEMA.md an article or measure block reports.

A keyword vote: a block's title says what it is about far more reliably than its body, so title
hits weigh more; a block with no clear signal yields no programme rather than a guess.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

CATEGORIES = (
    "industry", "employment", "relocation", "education", "health", "social_security", "infrastructure",
    "finance", "ecology", "paired_assistance", "social", "governance", "motivation",
)

# Words that signal each category ("category: words", wrapped); a title hit weighs _TITLE_WEIGHT body hits.
_KEYWORD_TABLE = """
industry: 产业 种植 养殖 合作社 基地 农业 旅游 电商 光伏 加工 龙头企业 特色 蔬菜
    茶叶 果 畜牧 品牌 园区 消费扶贫 产销 扶贫车间 带动增收
employment: 就业 务工 劳务 转移 技能培训 职业培训 岗位 公益性岗位 招聘 用工 创业
    致富带头人 培训
relocation: 易地扶贫搬迁 搬迁 移民 安置 危房改造 危房 住房 安居
education: 教育 学校 学生 教师 助学 资助 控辍保学 学前 寄宿制 支教 职业教育
health: 健康 医疗 卫生 医生 医院 救治 义诊 签约服务 疾病 卫生室 大病 医保
social_security: 低保 兜底 养老 特困 救助 临时救助 社会保障 五保 残疾 供养
infrastructure: 基础设施 道路 公路 通村 硬化 饮水 水利 电网 通信 宽带 村道 便道
    水渠 蓄水池 桥 人居环境 改厕
finance: 金融 信贷 贷款 小额 担保 保险 资产收益 分红 股权 融资 银行 利益联结
ecology: 生态 护林员 退耕还林 造林 生态补偿 林业 环保 绿色
paired_assistance: 东西部扶贫协作 东西部协作 扶贫协作 对口帮扶 对口支援 定点帮扶
    援藏 援疆 结对帮扶 挂职 协作
social: 社会扶贫 捐赠 捐款 捐物 爱心 志愿 企业帮扶 国资 国有企业 民营企业 万企帮万村
    慰问 社会力量 扶贫日 集团帮扶
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
# Terms that name a programme outright; a sentence that opens with one reports that programme.
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
    "governance": "一把手工程 督查考核 驻村工作队 第一书记 考核评估 扶贫领域腐败",
    "motivation": "扶志 扶智 精神扶贫 志智双扶 内生动力 移风易俗",
}
_NAMING = re.compile("|".join(sorted((t for ts in NAMING_TERMS.values() for t in ts.split()), key=len, reverse=True)))
_NAMED_CATEGORY = {term: category for category, terms in NAMING_TERMS.items() for term in terms.split()}
_SENTENCE = re.compile(r"[^。！？\n]+")

_TITLE_WEIGHT = 4
_MIN_SCORE = 3
_PATTERNS = {category: re.compile("|".join(map(re.escape, words))) for category, words in _KEYWORDS.items()}


class SectionLike(Protocol):
    title: str
    start: int
    end: int
    level: int


def categorise(title: str, body: str) -> str | None:
    """The category of a block with this title and body, or None when nothing stands out."""
    scores: Counter[str] = Counter()
    for category, pattern in _PATTERNS.items():
        scores[category] += _TITLE_WEIGHT * len(pattern.findall(title))
        scores[category] += len(pattern.findall(body))
    if not scores:
        return None
    best, score = scores.most_common(1)[0]
    if score < _MIN_SCORE:
        return None
    return best


def classify_sections(text: str, sections: Sequence[SectionLike]) -> list[tuple[SectionLike, str]]:
    """(section, category) for every section that clearly reports a programme."""
    out = []
    for section in sections:
        body = text[section.start : section.end]
        category = categorise(section.title, body)
        if category:
            out.append((section, category))
    return out


def named_programmes(text: str) -> list[tuple[str, str, int, int]]:
    """(title, category, start, end) for each sentence whose opening clause names a programme outright."""
    found = []
    for sentence in _SENTENCE.finditer(text):
        opening = re.split(r"[，,：:；]", sentence.group(0), maxsplit=1)[0]
        match = _NAMING.search(opening)
        if match:
            title = opening.strip()[:40]
            found.append((title, _NAMED_CATEGORY[match.group(0)], sentence.start(), sentence.end()))
    return found
