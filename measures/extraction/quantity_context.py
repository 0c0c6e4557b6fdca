"""The words around a figure: measure words, qualifiers, and the context rules that judge a match.

Kept apart from the grammar in quantities.py so that the vocabulary of the genre can be read (and
grown) in one place.
"""

from __future__ import annotations

import functools
import re
import string

# ---------------------------------------------------------------------------------------------
# Measure words. Canonical unit → printed forms; every other measure word stays as printed.

CANONICAL_FORMS = {
    "元": ("元", "人民币", "块钱"),
    "人": ("人", "名", "位", "口人"),  # 一家5口人: people, counted by mouths
    "公里": ("公里", "千米"),
    "平方公里": ("平方公里", "平方千米"),
    "港元": ("港元", "港币"),
    "%": ("%", "％"),
}
# Measure word → characters that, right after it, make it the first half of an ordinary word
# ("3部门" is not 3 部, "2期工程" is phase two, "签约1万人民群众" …). Longest forms are tried first.
MEASURE_WORDS: dict[str, str] = {
    "元": "旦宵素化复", "人民币": "", "人": "民均", "口人": "", "名": "单称义列牌录额次", "位": "于置列数", "人次": "",
    "户": "籍均数", "户次": "", "所": "有属在以谓得需", "家": "庭乡属长园", "支": "持出付撑部援", "项": "目",
    "期": "间限末初满望待盼货刊工项", "亩": "产均", "头": "脑跑并兼", "次": "年日数序", "批次": "", "批": "准复示评",
    "场次": "", "场": "所地景镇馆", "台次": "", "台": "账湾阶风", "件次": "", "架次": "", "车次": "", "班次": "",
    "口": "径号岸罩", "册": "", "份": "额", "米": "粉饭面", "平方米": "", "立方米": "", "平米": "", "吨": "",
    "兆瓦": "", "千瓦时": "", "千瓦": "", "千伏": "", "条": "件例款", "座": "谈", "间": "隔断接", "套": "",
    "辆": "", "只": "有是要能", "株": "", "棵": "", "公顷": "", "处": "理室置长级分", "类": "似型别", "级": "别",
    "对": "于接口象照比外待应", "篇": "", "张": "", "件": "", "部": "门署委分位队", "千克": "", "克": "服隆制难勤俭拉",
    "公斤": "", "斤": "", "栋": "", "幢": "", "羽": "", "尾": "", "箱": "", "袋": "", "盏": "", "眼": "睛光前",
    "块": "", "片": "区", "根": "本据源", "组": "织团建成长", "队": "伍员长", "门": "类槛户诊", "轮": "", "公里": "",
    "千米": "", "平方公里": "", "平方千米": "", "%": "", "％": "", "美元": "", "港元": "", "港币": "", "欧元": "",
    "日元": "", "英镑": "", "块钱": "", "种": "植养子类苗草地业", "起": "来到草步点诉始码源床居飞",
    "笔": "记者试墨画", "匹": "", "孔": "", "枚": "", "颗": "", "个百分点": "",
    "字": "路架形绣当头经诀句号样母画幕体典",
    # 本 before what a text calls "this" (2.2本项目, 本县, 本办法) is no count of books.
    "本": "地科级次着计项工县市区乡镇村单年月届期批轮部人文条办规章节段会院",
}
# Measure words of concrete things: with them a small Chinese numeral is a count ("两所学校", "三名干部");
# with 个, 项, 条, 大, 级 it is far more often a slogan ("两个转变", "三项制度", "四级联动").
CONCRETE_COUNTS = frozenset("名位人户家所座辆头批场支套间栋幢株棵匹处")
# Money and physical measures: "五元", "一吨", "两米半" are amounts whatever the numeral.
MEASURES = frozenset({
    "元", "美元", "港元", "欧元", "日元", "英镑", "克", "千克", "公斤", "斤", "吨", "米", "公里", "平方米", "平方公里",
    "立方米", "平米", "亩", "公顷", "千瓦", "千瓦时", "兆瓦", "千伏", "个百分点", "%",
})
MONEY = frozenset({"元", "美元", "港元", "欧元", "日元", "英镑"})
# After 个 or 条, a concrete noun (with a short modifier: 四个帮扶村, 两个深度贫困县) makes a count;
# an abstract one (两个转变, 三个重要关节, 两条底线) is a slogan or a figure of speech. A bare one-character
# place (三个乡, 两个县) is left out: it names the parties of a set phrase more often than it counts.
CONCRETE_NOUN_AFTER = re.compile(
    r"(?:[\u4e00-\u9fff]{1,4}?(?:村|乡|镇|县|市|区|省|河|桥|站|路)|[\u4e00-\u9fff]{0,4}?(?:社区|街道|城市|片区|园区|基地|"
    r"中心|车间|合作社|企业|公司|工厂|学校|小学|中学|幼儿园|医院|卫生院|卫生室|诊所|项目|小组|专班|工作队|支部|部门|"
    r"单位|家庭|国家|河流|水库|大棚|道路|公路|隧道|水渠|渠道|管道|生产线|线路))(?![场域民委级别位贤愁])"
)
# 个 or 条 at the end of a clause counts what the clause named before it ("这样的村有两个。").
CLAUSE_END_AFTER = re.compile(r"[，。；、！？,;!?）)]|$")
# 三次产业, 三次分配, 二次开发, 一次性: 次 inside a term, not a count of events.
NOT_EVENTS_AFTER = re.compile(r"产业|分配|创业|开发|性|方|元")
# 个 is the commonest measure word and also the start of every duration ("6个月", "3个多小时").
GE = r"个(?!亿|[多半]?(?:月|小时|钟头|工作日|星期|礼拜|季度|百分点|年头|周|学期))"
RATE_DIVISORS = {"人": "人", "名": "人", "位": "人", "人次": "人次", "户": "户", "亩": "亩", "月": "月", "年": "年",
                 "天": "天", "日": "日", "吨": "吨", "斤": "斤", "公斤": "公斤", "平方米": "平方米", "个": "个",
                 "次": "次", "头": "头", "只": "只", "株": "株", "小时": "小时", "人·年": "人·年", "人·月": "人·月",
                 "人年": "人年", "生": "人", "期": "期", "村": "村", "所": "所", "家": "家", "套": "套",
                 "间": "间", "处": "处", "台": "台", "辆": "辆", "项": "项"}
# A currency printed before the figure: 港币2000元, ￥13.5, 人民币5亿元.
CURRENCY_BEFORE = {"人民币": "元", "港币": "港元", "美金": "美元", "￥": "元", "¥": "元", "$": "美元", "＄": "美元"}
CANONICAL = {form: unit for unit, forms in CANONICAL_FORMS.items() for form in forms}


def _alternation(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def unit_pattern() -> str:
    words = []
    for word, blocked_next in sorted(MEASURE_WORDS.items(), key=lambda item: len(item[0]), reverse=True):
        escaped = re.escape(word)
        words.append(f"{escaped}(?![{re.escape(blocked_next)}])" if blocked_next else escaped)
    rate = r"元[ ]?/[ ]?(?:" + _alternation([re.escape(d) for d in RATE_DIVISORS]) + ")"
    # A class of first characters up front fails fast where no measure word can start (the common case).
    first = "".join(sorted({word[0] for word in MEASURE_WORDS} | {"个"}))
    return f"(?=[{re.escape(first)}])(?:{rate}|{GE}|" + "|".join(words) + ")"


@functools.cache  # the measure words the grammar can match are a closed set
def canonical_unit(printed: str) -> str:
    compact = printed.replace(" ", "")
    if compact.startswith("元/"):
        divisor = compact[2:]
        return "元/" + RATE_DIVISORS.get(divisor, divisor)
    return CANONICAL.get(compact, compact)


# ---------------------------------------------------------------------------------------------
# Qualifiers. A one-character qualifier must not be the tail of a word: 签约, 节约, 附近, 最近, 高超.

PRE_QUALIFIER = {"将近": "approx", "接近": "approx", "大约": "approx", "近": "approx", "约": "approx",
                 "超过": "over", "逾": "over", "超": "over", "突破": "over", "多于": "at_least", "大于": "at_least",
                 "不少于": "at_least", "不低于": "at_least", "至少": "at_least", "高于": "at_least",
                 "不超过": "at_most", "不高于": "at_most", "不足": "at_most", "不到": "at_most", "少于": "at_most",
                 "小于": "at_most", "低于": "at_most", "最多": "at_most", "最高": "at_most"}
PRE = (r"(?:将近|接近|大约|超过|突破|多于|大于|不少于|不低于|至少|不超过|不高于|不足|不到|少于|小于|(?<!不)高于"
       r"|(?<!不)低于|最多|最高|逾|(?<![附最临就靠邻贴亲远挨走])近|(?<![签节制预履合公特违集简条契相])约|(?<![高赶])超)")
POST_QUALIFIER = {"及以上": "at_least", "以上": "at_least", "及以下": "at_most", "以下": "at_most",
                  "以内": "at_most", "之内": "at_most", "左右": "approx", "之多": "over", "多": "over", "余": "over"}
# 余/多 after the measure word ("1公里多") only at the end of a phrase: "3个多部门" is not "3个多".
POST = r"(?:及以上|以上|及以下|以下|以内|之内|左右|之多|[多余](?![\u4e00-\u9fff]))"
# How far before its first numeral a figure can start: qualifier, 了 or 有, currency (超过了人民币5亿元).
LONGEST_LEAD = max(map(len, PRE_QUALIFIER)) + 1 + 3
# The characters a figure can start with before its numeral: the scan starts there, not at every character.
LEAD_STARTS = frozenset(word[0] for word in (*PRE_QUALIFIER, *CURRENCY_BEFORE))

# ---------------------------------------------------------------------------------------------
# Context rules

# Just before a figure: an ordinal (第), a rate's divisor (每10户), a label of a phone or code,
# or the middle of a longer token (G210, 03.05.2016, 09:40, 2017-06-21).
REJECT_BEFORE = re.compile(
    r"(?:第|每|(?<![A-Za-z])[A-Za-zＡ-Ｚａ-ｚ]|[0-9０-９]|(?<=[0-9０-９])[.．:：/／\-－—–~～,，]|No\.?"
    r"|(?:电话|热线|传真|手机|邮编|邮政编码|编号|代码|号码|账号|QQ|微信)[:：]?)$"
)
# The last character of anything REJECT_BEFORE matches; its $ also matches before a final line break.
_REJECT_LAST = frozenset(
    "第每" + string.ascii_letters + string.digits + ".．:：/／-－—–~～,，" + "话线真机编码号Q信"
    + "".join(chr(code) for code in range(ord("Ａ"), ord("Ｚ") + 1))
    + "".join(chr(code) for code in range(ord("ａ"), ord("ｚ") + 1))
    + "".join(chr(code) for code in range(ord("０"), ord("９") + 1))
)
_SPACES = frozenset(" \u3000")
# What may stand right before a figure that REJECT_BEFORE rejects.
REJECT_LAST_OR_SPACE = _REJECT_LAST | _SPACES | {"\n"}


def rejected_before(text: str, position: int, *, strip: bool = False) -> bool:
    """REJECT_BEFORE on the eight characters before ``position``, with trailing spaces stripped if ``strip``.

    The regex tries every start of the window, so the character a match would end with is looked at
    first: most often it ends no pattern and no window is cut.
    """
    last = text[position - 1 : position] if position else ""
    if last == "\n":
        last = text[position - 2 : position - 1] if position >= 2 else ""  # a match may end before it
    if last not in _REJECT_LAST and not (strip and last in _SPACES):
        return False
    before = text[max(0, position - 8) : position]
    return REJECT_BEFORE.search(before.rstrip(" \u3000") if strip else before) is not None


# Ranks, not counts: "排名前10位"; addresses, not counts: "红星村3组".
ADDRESS_BEFORE = re.compile(r"(?:村|社区|居委会|街道)$")
ADDRESS_UNITS = ("组", "队")
RANK_BEFORE = re.compile(r"(?:排名|排|列|居|进入|位列)前$")
# What follows a number without a measure word that makes it a date, time, age, duration or ratio.
NOT_AMOUNT_AFTER = re.compile(
    r"(?:[余多]?(?:年|月|日|号|时|点|分|秒|天|周|岁|届|倍|度|季|旬|世纪|代|版|楼|层|等奖|星|个月|个小时|个工作日))"
)
# After a Chinese-numeral count, what makes it the name of a policy rather than a figure
# (十户联保, 五包一); but 一 that starts the next figure (九十九人一百人) is no slogan.
SLOGAN_AFTER = re.compile(r"一(?![十百千万亿点])|[不必联共]|全覆盖|到位|清零|精准|结合|坚持|硬仗|战役|攻坚战|革命|大山")
# 五家渠市, 三台县: a place name that starts like a count.
PLACE_AFTER = re.compile(r"[\u4e00-\u9fff][市县区]")
# No digit before the number: tested after its first digit ((?<![0-9].) looks past it), so that every
# alternative opens with a plain digit and a search skips to the next 0, 1 or 4 instead of trying each position.
_FIRST_OF_NUMBER = r"(?<![0-9].)"
PHONE = re.compile(
    rf"(?:0{_FIRST_OF_NUMBER}[0-9]{{2,3}}[-－—]?[0-9]{{7,8}}|1{_FIRST_OF_NUMBER}[3-9][0-9]{{9}}"
    rf"|4{_FIRST_OF_NUMBER}00[-－]?[0-9]{{3}}[-－]?[0-9]{{4}})(?![0-9])"
)
TITLE = re.compile(r"《[^《》\n]{1,80}》")
# A figure inside a short quotation, or a longer one that is a single phrase, is part of a slogan or
# a name (“3年一亿”, “五包一”, “一个战场打赢…两场战役”); quoted speech has clauses and keeps its figures,
# and so does a short quotation that ends a sentence inside it (“这是两千元，你点点。”).
CURLY_QUOTE = re.compile(r"[“‘「『](?:[^“”‘’「」『』\n]{1,14}|[^“”‘’「」『』\n，。；！？,;!?]{15,30})[”’」』]")
STRAIGHT_QUOTE = re.compile(r"\"")
SLOGAN_QUOTE_CHARS = 14
SPEECH = re.compile(r"[。！？!?]")

# Which noun a clause is about decides what a bare 万/亿 counts (nearest cue wins).
CUES = re.compile(
    r"(?P<household>户数|农户|贫困户|搬迁户|家庭)"
    r"|(?P<money>资金|投资|投入|产值|收入|税收|金额|资产|捐赠|捐款|经费|款物|补助|补贴|贷款|销售额|营业额|利润|收益|工资|价值|"
    r"成交|融资|拨付|筹集|预算|奖励|资助|增收|营收|总额|GDP|存款|股金|分红|保费|赔付|挣|赚|卖|买|花|售价|价格|开销|费用)"
    r"|(?P<people>人口|劳动力|人员|群众|农民|学生|职工|就业|务工|搬迁|脱贫|减贫|游客|患者)"
)
CLAUSE_BACK = 16
CLAUSE_END = re.compile(r"[。；;！？!?\n]")
NOUN_AFTER = re.compile(
    r"(?:建档立卡)?(?:(?P<people>(?:农村|城镇|城乡|贫困|搬迁|适龄|在校|留守|残疾|困难){0,2}"
    r"(?:人口|群众|劳动力|农民|人员|学生|职工|村民|居民|儿童|老人|妇女))"
    r"|(?P<household>(?:贫困|困难|搬迁|低保|五保|脱贫|农)户|(?:贫困|困难)?家庭))"
)
# 块 is spoken yuan when the clause is about money and no noun follows it (投入5块用于, 卖5块一份);
# before a noun it counts pieces (5块地, 两块牌子).
KUAI_YUAN_AFTER = re.compile(r"[^\u4e00-\u9fff]|[用的一每钱]|$")


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Spans whose figures name rather than report: phone numbers, titles, slogans in quotes."""
    spans = [m.span() for m in PHONE.finditer(text)]
    spans += [m.span() for m in TITLE.finditer(text)]  # 《…19条措施》: a title names, it does not report
    spans += [m.span() for m in CURLY_QUOTE.finditer(text) if not SPEECH.search(m.group())]
    # Straight quotes open and close alike: pair them in order within a line.
    line_start = 0
    for line in text.split("\n") if '"' in text else ():
        if '"' in line:
            marks = [m.start() for m in STRAIGHT_QUOTE.finditer(line)]
            for left, right in zip(marks[::2], marks[1::2], strict=False):
                if right - left - 1 <= SLOGAN_QUOTE_CHARS and not SPEECH.search(line, left, right):
                    spans.append((line_start + left, line_start + right + 1))
        line_start += len(line) + 1
    merged: list[tuple[int, int]] = []
    for left, right in sorted(spans):  # merged: the spans in order, none overlapping another
        if merged and left <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], right))
        else:
            merged.append((left, right))
    return merged


def blocked_mask(text: str) -> bytearray:
    """1 at every position of a blocked span (blocked_spans): one index per figure instead of a search."""
    mask = bytearray(len(text))
    for left, right in blocked_spans(text):
        mask[left:right] = b"\x01" * (right - left)
    return mask


def clause_cue(text: str, number_start: int) -> str | None:
    """money, people or household: the nearest cue noun before the figure within its clause."""
    window = text[max(0, number_start - CLAUSE_BACK) : number_start]
    ends = [m.end() for m in CLAUSE_END.finditer(window)]
    cues = [m.lastgroup for m in CUES.finditer(window, ends[-1] if ends else 0)]
    return cues[-1] if cues else None


def unit_from_context(
    text: str, number_start: int, number_end: int, first: str, scale: str | None, qualified: bool, lenient: bool
) -> str | None:
    """The unit of a figure printed without a measure word, from the noun it counts; None if none."""
    noun = NOUN_AFTER.match(text, number_end)
    if noun is not None:  # "安置1.8万农村人口", "带动1500贫困户"
        return "人" if noun.group("people") else "户"
    magnitude = (scale or "")[-1:] or (first[-1] if first[-1] in "万亿" else "")
    if magnitude not in ("万", "亿"):
        return None  # a bare number: no measure word, no amount
    if first[0] in "百千万亿" and not qualified:
        return None  # 千万, 亿万, 万众: adverbs and figures of speech, not sums (but 近万 is a figure)
    cue = clause_cue(text, number_start)
    if cue is not None:
        return {"money": "元", "people": "人", "household": "户"}[cue]
    if magnitude == "亿" or lenient:
        return "元"  # "全年收入可达3亿" without its noun in reach: 亿 in this genre is money
    return None


def small_numeral_counts(
    text: str, first: str, unit_text: str | None, unit: str, end: int, ranged: bool, qualified: bool
) -> bool:
    """Whether a Chinese numeral below ten, before ``unit``, reports an amount rather than a word or slogan.

    一批, 两个, 二期, 七个全覆盖 are words, ordinals and slogans far more often than reports; but money and
    physical measures (五元, 两吨, 近一吨), a range printed with its dash (一到两名), and 两 to 九 before a
    concrete counter (两所学校, 三名干部, 先后三次, 四个帮扶村) count. 两, not 二, is the counting form.
    """
    if unit in MEASURES:
        # 一亩地, 一米高, 一斤肉 tell a story; 一美元, 近一吨, 一吨半 are amounts.
        return first[0] != "一" or unit in MONEY or qualified
    if ranged:
        return True
    if first[0] not in "两三四五六七八九" or len(first) > 1:
        return False  # 三五个村: a handful, not a count
    if unit_text in CONCRETE_COUNTS:
        return not PLACE_AFTER.match(text, end)
    if unit_text == "次":
        return not NOT_EVENTS_AFTER.match(text, end)
    if unit_text is not None and (unit_text.startswith("个") or unit_text == "条"):
        return bool(CONCRETE_NOUN_AFTER.match(text, end) or CLAUSE_END_AFTER.match(text, end))
    return False
