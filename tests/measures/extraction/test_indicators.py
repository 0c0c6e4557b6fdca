"""indicator_for: the noun phrase a figure counts, read from the clause around it.

The cases are sentences of the genre (county and city 扶贫专报, 脱贫攻坚简报) written for these
tests. A case passes when the indicator and one of the accepted phrases contain one another, as
the scorer counts agreement, and the indicator stays a short phrase. The rules that widen a core
phrase with the words around it are specified exactly in test_indicator_context.py.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from measures.extraction.indicators import IndicatorFinder, indicator_for

# (id, sentence, figure as printed, canonical unit, accepted indicators separated by |)
CASES = [
    # number + measure word + noun: the noun follows
    ("households-after-number", "组织机关干部与4200户贫困户签订帮扶协议", "4200户", "户", "贫困户"),
    ("villages-after-number", "力争年内完成18个贫困村退出验收", "18个", "个", "贫困村"),
    ("work-teams-after-number", "全县组建36支产业技术服务队", "36支", "支", "产业技术服务队"),
    ("schools-after-number", "新建的42所乡镇寄宿制学校秋季全部启用", "42所", "所", "乡镇寄宿制学校"),
    ("departments-and-towns", "分别与45个县直部门和12个乡镇签订目标责任书", "12个", "个", "乡镇"),
    ("people-before-verb", "帮助3.6万名贫困劳动力实现转移就业", "3.6万名", "人", "贫困劳动力"),
    ("bare-wan-people", "吸纳1.4万贫困人口务工", "1.4万", "人", "贫困人口"),
    ("households-not-the-project", "1350户贫困户住房改造工程已全部完工", "1350户", "户", "贫困户"),
    ("villages-before-de", "完成64个贫困村的村庄规划编制", "64个", "个", "贫困村"),
    ("adverb-then-verb-then-noun", "重点支持9个已出列贫困村发展集体经济", "9个", "个", "已出列贫困村"),
    ("relative-clause-with-adjectives", "引进企业12家，提供420个时间灵活、离家较近的公益岗位", "420个", "个", "公益岗位"),
    ("relative-clause-with-verb", "对9个负责行业扶贫的市级部门开展专项审计", "9个", "个", "市级部门"),
    ("prefix-fei", "从5个非贫困县(区)选派驻村干部", "5个", "个", "非贫困县"),
    ("noun-then-predicate", "124家爱心企业结对帮扶300个贫困村", "124家", "家", "爱心企业"),
    ("title-after-number", "印发3万多份《惠民政策明白卡》", "3万多份", "份", "惠民政策明白卡"),
    # noun + linking words + number: the noun precedes
    ("fund-before-money", "今年共投入财政专项扶贫资金4.6亿元", "4.6亿元", "元", "财政专项扶贫资金"),
    ("investment-approx", "招商引资企业11家，协议总投资约35亿", "约35亿", "元", "协议总投资"),
    ("output-with-future", "项目投产后，年产值将达8亿", "8亿", "元", "年产值"),
    ("tax", "项目投产后，年税收3000万元", "3000万元", "元", "税收"),
    ("completed-investment", "新落地沿海企业4家，完成投资2.1亿元", "2.1亿元", "元", "完成投资"),
    ("monthly-wage", "在外省实现稳定就业，月均工资4200元以上", "4200元以上", "元", "月均工资"),
    ("market-count-after-noun", "拓宽销售渠道，建成农产品交易市场6个", "6个", "个", "农产品交易市场"),
    ("forest-rangers-with-space", "从建档立卡贫困户中选聘生态护林员 860人", "860人", "人", "生态护林员"),
    ("standard-raised-to", "全市农村低保标准提高到每人每年4500元", "4500元", "元", "农村低保标准"),
    ("poverty-rate-fell-to", "全县贫困发生率由12.4%下降到0.8%", "0.8%", "%", "贫困发生率"),
    ("level-verb-with-wei", "全村贫困发生率已降为0.5%", "0.5%", "%", "贫困发生率"),
    ("poverty-rate-from", "全县贫困发生率由12.4%下降到0.8%", "12.4%", "%", "贫困发生率"),
    ("loan-rate", "扶贫小额信贷获贷率为46%", "46%", "%", "获贷率"),
    ("consolidation-rate", "全县义务教育巩固率达到97.2%", "97.2%", "%", "义务教育巩固率"),
    ("income-per-head", "全乡贫困人口人均纯收入达到5100元", "5100元", "元", "人均纯收入"),
    ("income-per-household", "产业项目覆盖贫困户9000户，户均增收2600元", "2600元", "元", "户均增收"),
    ("covered-households", "产业项目覆盖贫困户9000户，户均增收2600元", "9000户", "户", "贫困户"),
    ("cooperatives-reach", "全县农民专业合作社达到840家", "840家", "家", "农民专业合作社"),
    ("leading-verb-dropped", "新建和改扩建村卫生室85所", "85所", "所", "村卫生室"),
    ("roads-hardened", "硬化通组道路412公里", "412公里", "公里", "通组道路"),
    ("pv-stations", "建成村级光伏电站62座", "62座", "座", "村级光伏电站"),
    ("relocation-households", "完成易地扶贫搬迁6800户", "6800户", "户", "易地扶贫搬迁"),
    ("poverty-reduced", "全县累计减贫8.3万人", "8.3万人", "人", "减贫"),
    ("public-welfare-posts", "开发公益性岗位1600个，安置贫困劳动力就业", "1600个", "个", "公益性岗位"),
    ("employed-after-link", "有劳动能力的贫困人口中，已就业2.9万人", "2.9万人", "人", "就业"),
    ("scope-word-dropped", "其中建档立卡贫困户35户", "35户", "户", "建档立卡贫困户"),
    ("per-household-subsidy", "危房改造补助标准为每户1.8万元", "1.8万元", "元", "补助标准"),
    ("subsidy-per-person-year", "选聘生态护林员1500名，每人每年补助8000元", "8000元", "元", "补助"),
    ("rangers-before-comma", "选聘生态护林员1500名，每人每年补助8000元", "1500名", "人", "生态护林员"),
    ("earlier-year-figure-skipped", "全县建档立卡贫困人口由2014年底的8.2万人减少到4600人", "4600人", "人", "建档立卡贫困人口"),
    ("satisfaction", "群众满意度达到97.8%", "97.8%", "%", "群众满意度"),
    ("growth-rate-verb", "农村居民人均可支配收入增长10.6%", "10.6%", "%", "人均可支配收入"),
    ("collective-income", "村均集体经济收入达到6.2万元", "6.2万元", "元", "集体经济收入"),
    ("beneficiaries", "受益贫困群众达2.3万人", "2.3万人", "人", "贫困群众"),
    ("installed-capacity", "建设村级光伏电站30座，总装机容量3.5万千瓦", "3.5万千瓦", "千瓦", "总装机容量"),
    ("dividend-fund", "入股分红资金达到360万元", "360万元", "元", "入股分红资金"),
    ("loans-count", "发放扶贫小额贷款2600笔", "2600笔", "笔", "扶贫小额贷款"),
    # money named after the figure
    ("fund-after-money", "每年为该县提供5000万元扶贫协作资金", "5000万元", "元", "扶贫协作资金"),
    ("fund-after-de", "县电视台拿出300万元的黄金时段，免费播放扶贫公益广告", "300万元", "元", "黄金时段"),
    ("allowance-per-month", "给予每人800元/月的岗位补贴", "800元/月", "元/月", "岗位补贴"),
    ("previous-clause-fund", "5家医院设立大病救助基金，累计达1200万元", "1200万元", "元", "大病救助基金"),
    ("means-not-counted", "县农商行通过直接放贷和担保贷款等方式投资9000余万元", "9000余万元", "元", "投资"),
    # activities counted in 人次, 次, 期
    ("visits-for-treatment", "资助贫困患者就医2.4万人次", "2.4万人次", "人次", "就医人次"),
    ("clinics-held", "开展巡回义诊560人次", "560人次", "人次", "义诊人次"),
    ("training-person-times", "组织贫困群众参加技能培训2300人次", "2300人次", "人次", "技能培训人次"),
    ("trained-poor-households", "开设培训班28期，培训贫困户4100人次", "4100人次", "人次", "培训贫困户人次"),
    ("training-classes", "开设培训班28期，培训贫困户4100人次", "28期", "期", "培训班"),
    ("figures-share-a-noun", "县人社局在该镇举办电商培训6期540名", "540名", "人", "电商培训"),
    ("exchange-visits", "召开联席会议3次，互访8批96人次", "96人次", "人次", "互访人次"),
    ("meeting-after-count", "3次召开县委常委会议，专题研究脱贫攻坚工作", "3次", "次", "县委常委会议"),
    ("training-after-count", "举办“乡村电商带头人培训班”等4期培训，参训人员达260余人次", "4期", "期", "培训"),
    ("trainees-reach", "举办“乡村电商带头人培训班”等4期培训，参训人员达260余人次", "260余人次", "人次", "参训人员"),
    ("job-fairs", "举办专场招聘会9场，提供就业岗位5200余个", "9场", "场", "专场招聘会"),
    ("jobs-offered", "举办专场招聘会9场，提供就业岗位5200余个", "5200余个", "个", "就业岗位"),
    ("skills-training", "推进就业扶贫，组织技能培训1800人", "1800人", "人", "技能培训"),
    # shares and titles
    ("share-of-income", "带动贫困户户均增收900元，占农户家庭收入的45%", "45%", "%", "占农户家庭收入比重"),
    ("share-of-city", "全县登记农民专业合作社930家，占全市的31.5%", "31.5%", "%", "占全市比重"),
    ("share-approx", "约占农村人口总数的12%", "12%", "%", "占农村人口总数比重"),
    ("title-before-number", "印发《惠民政策明白卡》3万多份", "3万多份", "份", "惠民政策明白卡"),
    ("quoted-name-without-marks", "扶持发展家庭农场“巧媳妇工坊”380个", "380个", "个", "巧媳妇工坊"),
    ("quoted-name-after-verb", "全省已培训“月嫂家政员”2.2万人", "2.2万人", "人", "月嫂家政员"),
    ("per-student-dropped", "学生营养改善计划惠及农村学生4.3万名，每生补助4元/天", "4元/天", "元/天", "补助"),
    ("count-prefers-name-over-de", "搬迁户人均住房面积不超过25平方米的标准", "不超过25平方米", "平方米", "人均住房面积"),
    ("level-glued-to-noun", "住院费用个人自付比例控制在10%以内", "10%以内", "%", "个人自付比例"),
    ("aside-before-number", "援建移民安置点文化活动中心(图书室)2个", "2个", "个", "文化活动中心"),
    ("aside-inside-phrase", "整治机耕道3公里、排洪沟(渠)整治2.4千米", "2.4千米", "公里", "排洪沟(渠)整治"),
    ("share-subject-before-zhan", "其中用于产业发展的资金占60%", "60%", "%", "资金占比"),
    ("share-of-its-subject", "低保对象占农村人口比例为4%", "4%", "%", "低保对象占比"),
    ("share-subject-ratio-word", "村集体收入考核权重占15%", "15%", "%", "考核权重"),
    ("rate-glued-to-link", "城乡居民医疗保险贫困人口参保率达100%", "100%", "%", "参保率"),
    ("rate-kept-under", "脱贫人口返贫率控制在0.3%以内", "0.3%以内", "%", "返贫率"),
    ("at-least-qualifier-outside", "财政扶贫资金中用于产业发展的比例不低于70%", "70%", "%", "比例"),
    ("intransitive-compound", "全县2019年计划脱贫人口8600人", "8600人", "人", "脱贫人口"),
    ("date-before-figure-skipped", "全县贫困人口由2014年底的5.1万人减少到2019年底的2100人", "2100人", "人", "贫困人口"),
    ("label-before-colon", "脱贫人口：1200人", "1200人", "人", "脱贫人口"),
    ("quoted-series", "举办“消费扶贫月”系列活动15场", "15场", "场", "“消费扶贫月”系列活动"),
    ("list-item-after-enumeration", "完成贫困户危房改造2100户，其中C级危房1300户、D级危房800户", "800户", "户", "D级危房"),
    ("households-and-people-share", "截至10月底，全县共有2300户7800人实现稳定脱贫", "2300户", "户", "稳定脱贫"),
    ("people-then-activity", "截至10月底，全县共有2300户7800人实现稳定脱贫", "7800人", "人", "稳定脱贫"),
    ("figure-in-words-skipped", "累计选派第一书记三批共210名", "210名", "人", "第一书记"),
    ("recipient-is-not-indicator", "县财政对贫困户种植核桃给予200元/亩的补助", "200元/亩", "元/亩", "补助"),
    ("growth-names-what-grew", "县人民医院门诊量同比增长18%", "18%", "%", "门诊量增幅"),
    ("growth-of-previous-clause", "全年投入财政专项扶贫资金3.2亿元，比上年增长16.5%", "16.5%", "%", "财政专项扶贫资金增幅"),
    ("full-width-digits", "全县建档立卡贫困户４６００户", "４６００户", "户", "建档立卡贫困户"),
]


def _acceptable(indicator, accepted):
    return any(a in indicator or indicator in a for a in accepted.split("|"))


@pytest.mark.parametrize(("sentence", "figure", "unit", "accepted"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_indicator_is_the_counted_noun_phrase(sentence, figure, unit, accepted):
    start = sentence.index(figure)
    indicator = indicator_for(sentence, start, start + len(figure), unit)
    assert indicator, f"no indicator for {figure}"
    assert _acceptable(indicator, accepted), indicator
    # A relation or predicate may be added to a class noun ("签订目标责任书的乡镇"); still a phrase.
    assert 1 <= len(indicator) <= 20, indicator


def test_a_place_is_never_the_indicator():
    sentence = "每年为青川县提供5000万元"
    start = sentence.index("5000万元")
    assert indicator_for(sentence, start, start + 6, "元") != "青川县"


@pytest.mark.parametrize(
    ("sentence", "figure", "unit"),
    [("1200元", "1200元", "元"), ("共计：1200元", "1200元", "元"), ("（2019年）", "2019年", "年")],
    ids=["figure-alone", "only-links-and-colon", "only-brackets"],
)
def test_a_figure_with_nothing_around_it_has_no_indicator(sentence, figure, unit):
    start = sentence.index(figure)
    assert indicator_for(sentence, start, start + len(figure), unit) is None


def test_a_preposition_is_never_the_indicator():
    sentence = "针对300名，"
    start = sentence.index("300名")
    assert indicator_for(sentence, start, start + 4, "人") != "针对"


def test_the_finder_agrees_with_the_function_and_reads_only_the_clause():
    text = "全乡共有建档立卡贫困户1840户。建成扶贫车间45个，吸纳贫困劳动力就业960人。"
    finder = IndicatorFinder(text)
    for figure, unit in (("1840户", "户"), ("45个", "个"), ("960人", "人")):
        start = text.index(figure)
        assert finder.indicator_for(start, start + len(figure), unit) == indicator_for(
            text, start, start + len(figure), unit
        )
    start = text.index("45个")
    assert finder.indicator_for(start, start + 3, "个") == "扶贫车间"


# Characters of the genre, so generated text looks like figures in clauses, not only random code points.
ALPHABET = list("0123456789.%万亿余近约元人名户个亩所期次，。、；：“”（）的了和与为达共计累计全县市贫困户村资金项目培训就业产业扶贫搬迁有在价值类 ")


@st.composite
def texts_with_spans(draw):
    text = draw(st.text(alphabet=st.sampled_from(ALPHABET), max_size=80) | st.text(max_size=80))
    start = draw(st.integers(min_value=0, max_value=len(text)))
    end = draw(st.integers(min_value=start, max_value=len(text)))
    unit = draw(st.sampled_from(["元", "人", "户", "个", "人次", "%", "亩", "元/月", "次", "期", "批", ""]))
    return text, start, end, unit


# The few words the rules add to what the text says: 占…比重, …占比, …人次, 安排资金, …增幅, …降幅,
# 培训期数, 互访批次, 搬迁人口, 借款, 收入, 支援资金.
ADDED = "占比重人次户次资金增幅降幅期数批次人口借款收入投入的"


@given(texts_with_spans())
@settings(max_examples=500, deadline=None)
def test_any_text_and_span_gives_none_or_a_short_phrase_from_the_text(case):
    text, start, end, unit = case
    indicator = indicator_for(text, start, end, unit)
    if indicator is None:
        return
    assert isinstance(indicator, str) and indicator
    assert "\n" not in indicator and "\r" not in indicator
    assert len(indicator) <= 42
    near = text[max(0, start - 60) : end + 60] + ADDED
    assert all(char in near for char in indicator), indicator
