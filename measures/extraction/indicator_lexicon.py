"""Word lists of the indicator reader: how the genre's words behave around a figure.

The lists correct jieba's tagger where 扶贫 prose uses a word differently from general text
(收入 and 低保 are nouns here, 帮扶 and 搬迁 build noun compounds), and name the linking,
scope and predicate words that a phrase read from a figure leaves out.
"""

from __future__ import annotations

import re
from typing import NamedTuple

MAX_CHARS = 12  # longer phrases drag in half a sentence
# Characters read on either side of a figure: enough for a phrase, its linking words and a
# neighbouring figure ("举办电商培训6期540名"), or for a modifying clause and its head after 的.
REACH_LEFT = 32
REACH_RIGHT = 24
REACH_CLAUSE = 40

# Clause ends. 、 separates list items ("贫困户80户、贫困人口260人"); brackets are handled apart.
CLAUSE_END = frozenset("，。；：！？,;:!?、…\n\r|")
OPEN = {"(": ")", "（": "）", "〔": "〕", "[": "]", "【": "】"}
CLOSE = {v: k for k, v in OPEN.items()}
SPECIAL = re.compile(r"[《“「『(（〔\[【\d]")  # where a plain run of words ends
PAIRS = {"《": "》", "“": "”", "「": "」", "『": "』", **OPEN}  # read whole: a title, a quotation, an aside
BRACKETS = re.escape("".join(OPEN) + "".join(CLOSE))
LEFT_STOP = re.compile("[" + re.escape("".join(sorted(CLAUSE_END))) + BRACKETS + "]")
RIGHT_STOP = re.compile(r"[\s" + re.escape("".join(sorted(CLAUSE_END))) + BRACKETS + "]")
RIGHT_STOP_LISTS = re.compile(r"[\s" + re.escape("".join(sorted(CLAUSE_END - {"、"}))) + BRACKETS + "]")

# Figures inside the context window ("举办电商培训6期" before "540名") become one token.
MEASURE = (
    "平方公里|平方米|公里|千米|万元|亿元|元|人次|户次|台次|场次|批次|个|名|位|人|户|家|所|支|项|期|批|场|次|"
    "亩|头|只|口|座|条|处|台|套|件|册|份|本|对|吨|米|兆瓦|千瓦|间|栋|辆|株|棵|种|类|笔|张|轮|届|年|%|％"
)
NUMBER = r"[0-9０-９][0-9０-９.．,]*"
FIGURE = re.compile(
    rf"[约近超逾]?(?:{NUMBER}|[一二两三四五六七八九十百千万亿]+(?=[万亿]?(?:{MEASURE})))"
    rf"(?:\s*[-—–~～至到]\s*{NUMBER})?[余多]?[十百千万亿]*[余多]?(?:{MEASURE})?(?:以上|以下|左右|多)?"
)
HAS_DIGIT = re.compile(r"[0-9０-９]")
NUMERAL = frozenset("零〇一二两三四五六七八九十百千万亿几数余多")
SHARE = re.compile(r"占(?P<whole>[^占]{0,14})$")
CHANGE_VERBS = ("增长", "提高", "增加", "上升", "下降", "减少", "降低")
CHANGE_FILLER = re.compile(r"(?:同比|比上年|较上年|比去年|较去年|年均|平均)+$")
RATIO_WORDS = ("比重", "比例", "占比", "权重", "份额", "比率")
SHARE_LINKS = re.compile(r"(?:达到|达|约为|约|为|了|近|超过|已)+$")
SPACE = re.compile(r"\s")

# Words between a noun and its figure that say nothing about what is counted.
LINKS = frozenset(
    """
    共 共计 累计 合计 总计 总共 一共 分别 达 达到 达到了 多达 高达 为 是 有 约 近 超过 超 逾 计 了 已 已经 将 将达
    预计 可 可以 均 都 全部 仅 只有 就 也 还 仍 又 再 新 由 从 增至 降至 突破 约为 合 不 不低于 低于 高于 不少于 少于
    多于 不超过 不高于 不足 不到 以上 以下 以内 左右 共有 现有 已有 尚有 还有 仍有 拥有 累计有 坚持 保持 维持 确保
    力争 达标
    """.split()
)
# Verbs that, with 到/至/在 after them, only introduce the new level: "提高到每人每年3840元".
LEVEL_VERBS = frozenset("提高 增加 增长 下降 降低 减少 降 升 控制 保持 稳定 扩大 提升 达 增".split())
LEVEL_TAILS = tuple(v for v in LEVEL_VERBS if len(v) > 1)
DATE_ENDS = frozenset("底 末 初 前 后 以来 以前 以后".split())
# Predicates that take the counted noun as their object; they end a noun phrase read leftward
# and are dropped from its front ("签订总投资8亿元" → 总投资). jieba tags several of them as nouns.
PREDICATES = frozenset(
    """
    开展 组织 举办 召开 进行 实施 完成 实现 推进 推动 加强 落实 建立 成立 启动 安排 提供 给予 发放 筹集 整合
    拿出 下达 拨付 争取 盘活 撬动 吸引 引进 引导 动员 选派 增派 派出 派驻 选聘 选拔 招聘 招录 聘请 聘用 帮助
    带动 吸纳 惠及 覆盖 辐射 新增 新建 建成 建设 修建 修缮 搭建 安装 开辟 开设 开通 印发 签订 确定 发展 改扩建
    扩建 新改建 支持 投放 享受 受益 组建 培育 认定 评选 表彰 慰问 走访 送去 送上 捐赠 捐助 募集 兑现 发动 整治 新修
    硬化 改造 改建 打造 创建 设立 设置 聘 选 派 签 建 引 招 投 修 用于 用来 围绕 针对 聚焦 参与 参加 计划 规划
    进村 入户 到户 排查 识别 核查 审计 接听 受理 办理 转移 销售 收购 采购 认购 落户
    """.split()
)
# Light verbs carry no content of their own: an activity named after them is the activity.
# Transfer verbs (给予, 提供, 发放) are light too: "对贫困户给予2000元" names the recipient, not the sum.
LIGHT = frozenset(
    "开展 组织 举办 召开 进行 实施 完成 实现 推进 推动 加强 落实 建立 成立 启动 参与 计划 给予 提供 发放".split()
)
# Verbs that, once nominalised, are themselves a sum of money ("投入150万元", "完成投资2.1亿元").
MONEY_NOUNS = frozenset(
    "投资 投入 收入 支出 补贴 补助 奖补 奖励 捐赠 捐款 贷款 融资 分红 救助 资助 产值 税收 营业额 销售额".split()
)
# Nouns of a sum set aside; a verb right before one names the sum (建设资金, 整合资金, 盘活资金).
FUND_NOUNS = frozenset("资金 经费 基金".split())
# Allocation verbs: bare "安排600万元" names the sum 安排资金, as the genre itself says.
ALLOCATING = frozenset("安排 筹集 整合 拿出 下达 拨付 争取 落实 盘活 撬动 统筹 追加 兑付 兑现 发放 募集".split())
# Nouns jieba tags as verbs in this genre: "人均可支配收入/v", "农村低保/v标准".
FORCED_NOUNS = frozenset("建档立卡 收入 产值 税收 营业额 销售额 低保 五保 医保 社保 特困 标准 规模 总量 进度".split())
# Modifiers jieba tags as adverbs or verbs: "一次性/d 补助", "处级/v 干部".
FORCED_MODIFIERS = frozenset("一次性 长期 定期 免费 无偿 在建 续建 拟建 处级 科级 厅级".split())
# Verbs that are nouns inside a compound once a noun stands before them: 专科建设经费, 危房改造补助.
NOMINAL_VERBS = frozenset("建设 改造 整治 治理 改建 维修".split())
# Terms the dictionary splits where a split would end a phrase early.
GLUED_TERMS = frozenset("可支配 可支配收入 县直 市直 区直 州直 省直".split())
GLUED_TAILS = frozenset(("支配", "收入", "支配收入", "直"))  # the words that may end one of them
# Verbs that sit inside the genre's noun compounds: 驻村扶贫工作队, 就业培训, 大病救助专项资金.
COMPOUND_VERBS = frozenset(
    """
    扶贫 脱贫 帮扶 救助 示范 结对 对口 驻村 协作 服务 就业 创业 养殖 种植 种养 加工 搬迁 安置 培训 教育 医疗 慰问
    维修 管理 保障 监管 救治 签约 济困 援助 支援 援建 援藏 援疆 支教 支医 义诊 代办 招商 孵化 认养 脱产 兜底
    补助 补贴 奖补 奖励 救济 资助 扶持 入股 分红 帮困 助学 安居 务工 涉农 返贫 致贫 参保 参训 挂职 援青 自付
    """.split()
)
# Compound verbs that take no object, so a beneficiary after them is still their compound: 脱贫人口.
INTRANSITIVE = frozenset(
    "脱贫 就业 创业 务工 返贫 致贫 驻村 签约 参保 参训 济困 帮困 挂职 支教 支医 援藏 援疆 援青".split()
)
# Beneficiaries: a compound verb in front of one is the predicate ("资金帮扶贫困户"), not a modifier.
BENEFICIARY = re.compile(r"贫困|困难|群众|农户$|家庭$|户$|人口$|村$|县$")
BENEFICIARY_UNIT = re.compile(r"(?:贫困|困难|脱贫|深度贫困|重点)(?:村|县|乡|镇|区县)$")
# Totals named by their scope: "全乡人口1.2万人" → 全乡人口 (人口 alone says whose it is not).
TOTAL_NOUNS = frozenset("人口 户数 人数 面积".split())
# Scope and reference words: they say where or which, not what.
SCOPE = frozenset(
    """
    其中 全市 全县 全区 全州 全省 全乡 全镇 全村 全国 全年 当年 今年 去年 明年 目前 截至 截止 此外 另外 同时
    各 各类 各级 各地 该 该县 该市 该区 本 其 这 此 每 等 等等 之 的 地 得 共同 并 和 及 与 或 以及 同 跟
    县里 市里 省里 乡里 镇里 村里
    以来 以前 以后 前 后 底 末 初
    """.split()
)
# Nouns that name a whole class of people, households, units or places: a count of one is told
# apart by the relation it stands in or by what its members do ("结对帮扶贫困户", "签订责任书的部门").
GENERIC_HEADS = tuple(
    """
    户 人口 群众 村民 农民 牧民 居民 人员 人群 干部 党员 学生 企业 单位 部门 村 县 县区 市区 旗区 乡镇 街镇
    医院 卫生院 学校 家庭 人家 患者
    """.split()
)  # and 区 alone ("7个区"); 园区 and 社区 are not classes of county
# People: 人次 counts them already, so a people noun before an activity adds nothing (就医人次).
PEOPLE_HEADS = tuple("人口 群众 村民 农民 牧民 居民 人员 人群 干部 党员 学生 患者 户 家庭".split())
# Verbs before a class that do not tell its members apart: they send, organise, target, visit or
# register it.
UNTELLING = frozenset(
    """
    选派 派出 派驻 增派 选聘 抽调 动员 聚焦 针对 围绕 确定 识别 认定 核定 评定 评选 列入 包括 涉及 协调 有 是 属
    深入 深入到 来到 前往 赴 到 进入 走进 规划
    """.split()
)
# Modal verbs before a relation verb ("计划搬迁") say when, not what.
MODALS = frozenset("计划 预计 拟 将 可 能 要 需".split())
# Prepositions that make the counted noun a place or a target ("在12个村完成…", "将8个村列入…"):
# the predicate after it says what someone else does, not which members are counted.
NOT_SUBJECT = frozenset("在 从 向 到 于 由 将 把 对 针对 围绕 聚焦 自 给".split())
PREPOSITION_CHARS = re.compile("[在从向到于由将把对针围聚自给]")  # a clause without them has none of those
# After 有 a figure introduces what there is: a verb before its noun modifies it ("有6个育苗大棚").
EXISTENTIAL = frozenset("有 共有 已有 拥有 现有 还有 尚有 仍有 累计有 建有 设有".split())
# The head of a named fund or sum: "下拨80万元扶持资金" counts 扶持资金.
MONEY_HEADS = tuple("资金 经费 基金 贷款 借款 补贴 补助 奖补 奖金 善款 捐款 款 金 费".split())
MONEY_HEAD_CHARS = re.compile(r"[金款费]")  # a clause without them names no fund
# Attributes a sum is of: "价值3万元的农资" → 农资价值.
VALUE_WORDS = frozenset("价值 总价值 总投资 投资总额 总产值 总金额 总额".split())
# A named village or township, not a class of them (贫困村, 示范村).
VILLAGE_NAME = re.compile(r"^(?!.*(?:贫困|困难|示范|重点|试点|行政|自然|中心|脱贫|出列|集体|美丽)).{2,4}[村乡镇]$")
# "12个县(市、区)": an aside listing the kinds of county belongs to the name.
ADMIN_ASIDE = re.compile(r"[(（][市县区旗、，, ]{1,9}[)）]")
# A place name ends in an administrative suffix ("酉阳县"); bare regions such as 浙江 stay modifiers.
PLACE = re.compile(r"..+(?:省|市|县|区|州|盟|旗|乡|镇|街道)$")
# 人次 counts people served by an activity: "就医2.4万人次" → 就医人次, the genre's own term.
EVENT_SUFFIX = {"人次": "人次", "户次": "户次"}
# A bare activity verb before a count is named with the count's noun: 培训8期 → 培训期数.
BARE_EVENT_SUFFIX = {"期": "期数", "批": "批次", "批次": "批次", "场次": "场次"}
# Population verbs: a bare one before a count of people names a population (搬迁人口, 脱贫人口).
POPULATION_VERBS = frozenset("搬迁 脱贫 减贫 返贫 致贫 安置 迁出".split())
EVENT_UNITS = frozenset(("人次", "户次", "次", "批次", "场次", "台次", "批", "场", "期", "轮", "届"))
NOUN_SUFFIXES = frozenset("率数额量费金款")
FRAGMENT_TAGS = frozenset("n v vn zg q m ng ns nr a g k x o".split())
CJK = re.compile(r"[\u4e00-\u9fff]+")
NOUN_TAGS = frozenset("n nz nt ns nr nrt nrfg ng nl an vn j l i eng s zg g b".split())
VERB_TAGS = frozenset("v vd vi vg vq".split())
QUOTES = "“”\"'‘’「」『』"
# "通过放贷和担保等方式投资9000余万元": a means is never what is counted.
MANNER = frozenset("渠道 方式 途径 形式 办法 手段 方法".split())


class Token(NamedTuple):
    word: str
    # N noun, M modifier, V verb, C compound verb, L link, S stop, P place,
    # F figure, T title, Q quotation, B bracketed aside
    kind: str


SPACE_TOKEN = Token(" ", "S")
