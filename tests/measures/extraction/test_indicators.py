"""indicator_for: the noun phrase a figure counts, read from the clause around it.

The cases are sentences of the genre (county and city 扶贫专报, 脱贫攻坚简报), most written for
these tests. A case passes when the indicator and one of the accepted phrases contain one
another, as the scorer counts agreement, and the indicator stays a short phrase.
"""


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from measures.extraction.indicators import IndicatorFinder, indicator_for

# (id, sentence, figure as printed, canonical unit, accepted indicators separated by |)
CASES = [
    # number + measure word + noun: the noun follows
    ("households-after-number", "组织党员干部与6950户贫困户开展结对帮扶", "6950户", "户", "贫困户"),
    ("villages-after-number", "确保全面完成25个贫困村销号任务", "25个", "个", "贫困村"),
    ("work-teams-after-number", "组织协调770个单位的1082支驻村精准扶贫工作队", "1082支", "支", "驻村精准扶贫工作队"),
    ("schools-after-number", "规划的68所山区寄宿制学校已全部建成投入使用", "68所", "所", "山区寄宿制学校"),
    ("departments-and-towns", "分别与80个区级部门和20个街镇签订责任书", "20个", "个", "街镇"),
    ("people-before-verb", "帮助1.2万名贫困人口稳定脱贫", "1.2万名", "人", "贫困人口"),
    ("bare-wan-people", "吸纳2.1万贫困人口就业", "2.1万", "人", "贫困人口"),
    ("households-not-the-project", "2080户贫困户危房改造工程年内全部竣工", "2080户", "户", "贫困户"),
    ("villages-before-de", "完成126个贫困村的村庄规划编制", "126个", "个", "贫困村"),
    ("adverb-then-noun", "用于支持6个已脱贫省定贫困村发展产业", "6个", "个", "已脱贫省定贫困村|贫困村"),
    ("quoted-project-after-de", "签订总投资50亿的“再生资源回收加工利用”项目", "50亿", "元", "总投资"),
    ("relative-clause-with-adjectives", "组织24家企业提供1400余个门槛低、收入高的工作岗位", "1400余个", "个", "工作岗位"),
    ("relative-clause-with-verb", "对13个担负扶贫主要职责的市直部门开展审计", "13个", "个", "市直部门"),
    ("prefix-fei", "从11个非贫困县(市、区)抽调专业干部", "11个", "个", "非贫困县"),
    ("noun-then-predicate", "350家民营企业结对帮扶500个贫困村", "350家", "家", "民营企业"),
    ("title-after-number", "印发9万多册《扶贫政策口袋书》", "9万多册", "册", "扶贫政策口袋书"),
    # noun + linking words + number: the noun precedes
    ("fund-before-money", "今年共投入财政专项扶贫资金2.3亿元", "2.3亿元", "元", "财政专项扶贫资金|专项扶贫资金"),
    ("investment-approx", "成功引进省外企业9家，协议总投资近60亿", "近60亿", "元", "协议总投资"),
    ("output-with-future", "一期投产后，年产值将达12亿", "12亿", "元", "年产值"),
    ("tax-range", "一期投产后，税收1—2亿", "1—2亿", "元", "税收"),
    ("completed-investment", "在绵阳成功落地浙江企业6家，完成投资3.3亿元", "3.3亿元", "元", "投资|完成投资"),
    ("monthly-wage", "在衢江实现稳定转移就业，月均工资3500元以上", "3500元以上", "元", "月均工资"),
    ("market-count-after-noun", "拓展蔬菜营销渠道，建成蔬菜交易市场10个", "10个", "个", "蔬菜交易市场"),
    ("forest-rangers-with-space", "选聘建档立卡贫困人口生态护林员 1979人", "1979人", "人", "生态护林员"),
    ("standard-raised-to", "全省农村低保标准提高到每人每年3840元", "3840元", "元", "低保标准|农村低保标准"),
    ("poverty-rate-fell-to", "全市贫困发生率由8.6%下降到1.2%", "1.2%", "%", "贫困发生率"),
    ("poverty-rate-from", "全市贫困发生率由8.6%下降到1.2%", "8.6%", "%", "贫困发生率"),
    ("coverage-rate", "小额信贷覆盖率为42%", "42%", "%", "覆盖率"),
    ("consolidation-rate", "全市义务教育巩固率达到95.6%", "95.6%", "%", "义务教育巩固率|巩固率"),
    ("income-per-head", "全县贫困人口人均纯收入达到4200元", "4200元", "元", "人均纯收入"),
    ("income-per-household", "产业扶贫项目覆盖贫困户1.5万户，户均增收3000元", "3000元", "元", "户均增收"),
    ("covered-households", "产业扶贫项目覆盖贫困户1.5万户，户均增收3000元", "1.5万户", "户", "贫困户"),
    ("cooperatives-reach", "全县农民专业合作社达到1260家", "1260家", "家", "农民专业合作社"),
    ("leading-verb-dropped", "新建和改扩建村卫生室126所", "126所", "所", "村卫生室|卫生室"),
    ("roads-hardened", "硬化通村道路326公里", "326公里", "公里", "通村道路"),
    ("pv-stations", "建成光伏扶贫电站85座", "85座", "座", "光伏扶贫电站"),
    ("relocation-households", "完成易地扶贫搬迁1.2万户", "1.2万户", "户", "易地扶贫搬迁"),
    ("poverty-reduced", "全县累计减贫12.6万人", "12.6万人", "人", "减贫"),
    ("public-welfare-posts", "开发公益性岗位2300个，安置贫困人口就业", "2300个", "个", "公益性岗位"),
    ("employed-after-link", "有劳动能力的贫困人口中，已就业4.2万人", "4.2万人", "人", "就业"),
    ("place-is-not-indicator", "一对一结对帮扶黔江区贫困户32户", "32户", "户", "贫困户"),
    ("scope-word-dropped", "其中建档立卡贫困人口60名", "60名", "人", "建档立卡贫困人口|贫困人口"),
    ("per-household-subsidy", "贫困户危房改造补助标准为每户2.5万元", "2.5万元", "元", "补助标准"),
    ("subsidy-per-person-year", "选聘生态护林员2100名，每人每年补助1万元", "1万元", "元", "补助"),
    ("rangers-before-comma", "选聘生态护林员2100名，每人每年补助1万元", "2100名", "人", "生态护林员"),
    ("earlier-year-figure-skipped", "全市建档立卡贫困人口从2014年的25.6万人减少到1.3万人", "1.3万人", "人", "建档立卡贫困人口|贫困人口"),
    ("satisfaction", "贫困群众满意度达到96.5%", "96.5%", "%", "满意度|贫困群众满意度"),
    ("growth-rate-verb", "农村居民人均可支配收入增长12.3%", "12.3%", "%", "人均可支配收入|人均可支配收入增长"),
    ("collective-income", "村均集体经济收入达到8.6万元", "8.6万元", "元", "村均集体经济收入|集体经济收入"),
    ("beneficiaries", "受益贫困群众达1.6万人", "1.6万人", "人", "贫困群众"),
    ("installed-capacity", "建设村级光伏电站46座，总装机容量1.2万千瓦", "1.2万千瓦", "千瓦", "总装机容量|装机容量"),
    ("dividend-fund", "入股分红资金达到480万元", "480万元", "元", "分红资金|入股分红资金"),
    ("loans-count", "发放扶贫贷款3800笔", "3800笔", "笔", "扶贫贷款"),
    # money named after the figure
    ("fund-after-money", "三年内每年为酉阳县提供1亿元扶贫专项资金", "1亿元", "元", "扶贫专项资金"),
    ("fund-after-de", "市电视台拿出1000万元的广告时段，为贫困地区投放扶贫公益广告", "1000万元", "元", "广告时段"),
    ("allowance-per-month", "给予每人1000元/月的就业补贴", "1000元/月", "元/月", "就业补贴"),
    ("money-nominal-verb", "投入200余万元发展基层卫生计生事业", "200余万元", "元", "投入"),
    ("allocated-money", "安排1250万元用于对口帮扶甘孜州九龙县", "1250万元", "元", "安排资金"),
    ("previous-clause-fund", "4个单位建立医疗救助专项资金，累计达2576万元", "2576万元", "元", "医疗救助专项资金"),
    ("means-not-counted", "市卫计委集团通过直接募集和项目引进等渠道投资7400余万元", "7400余万元", "元", "投资"),
    # activities counted in 人次, 次, 期
    ("visits-for-treatment", "资助贫困人口就医1.31万人次", "1.31万人次", "人次", "就医人次"),
    ("doctors-sent", "推进贫困村卫生室标准化建设1149所，开展支医2316人次", "2316人次", "人次", "支医人次"),
    ("training-person-times", "组织贫困群众参加培训1500人次", "1500人次", "人次", "培训人次|参加培训人次"),
    ("trained-poor-households", "开设培训班35期，培训贫困户2300人次", "2300人次", "人次", "培训贫困户人次|培训贫困户"),
    ("training-classes", "开设培训班35期，培训贫困户2300人次", "35期", "期", "培训班"),
    ("figures-share-a-noun", "两地人社部门在平武举办就业培训4期1860名", "1860名", "人", "就业培训"),
    ("exchange-visits", "召开联席会议5次，互访15批133人次", "133人次", "人次", "互访人次"),
    ("meeting-after-count", "连续4次召开党政联席会议，专题研究部署扶贫攻坚任务", "4次", "次", "党政联席会议"),
    ("training-after-count", "举办紧缺专业技术人才培训班等5期培训，参训人员达300余人次", "5期", "期", "培训"),
    ("trainees-reach", "举办紧缺专业技术人才培训班等5期培训，参训人员达300余人次", "300余人次", "人次", "参训人员"),
    ("job-fairs", "举办专场招聘会16场，提供就业岗位8600余个", "16场", "场", "专场招聘会|招聘会"),
    ("jobs-offered", "举办专场招聘会16场，提供就业岗位8600余个", "8600余个", "个", "就业岗位"),
    ("skills-training", "推进就业扶贫，组织技能培训2129人", "2129人", "人", "技能培训"),
    # shares and titles
    ("share-of-income", "促贫困人口人均增收1200元，占贫困家庭收入的60%", "60%", "%", "占贫困家庭收入比重"),
    ("share-of-city", "9个贫困县共注册农民专业合作社7687家，占全市的57.3%", "57.3%", "%", "占全市比重"),
    ("share-approx", "约占贫困人口总数的18%", "18%", "%", "占贫困人口总数比重"),
    ("title-before-number", "印发《扶贫政策口袋书》9万多册", "9万多册", "册", "扶贫政策口袋书"),
    ("quoted-name-without-marks", "扶持发展家庭手工业“扶贫车间”2200个", "2200个", "个", "扶贫车间"),
    ("quoted-name-after-verb", "全市已培训“吕梁山护工”1.5万人", "1.5万人", "人", "吕梁山护工"),
    ("per-student-dropped", "营养改善计划惠及农村学生6.8万名，每生补助4元/天", "4元/天", "元/天", "补助"),
    ("count-prefers-name-over-de", "搬迁户人均住房面积不超过25平方米的标准", "不超过25平方米", "平方米", "人均住房面积"),
    ("level-glued-to-noun", "个人自付比例控制在10%以内", "10%以内", "%", "个人自付比例|自付比例"),
    ("aside-before-number", "资助实施高山生态移民搬迁点便民服务中心(幼儿园)1个", "1个", "个", "便民服务中心"),
    ("aside-inside-phrase", "整治山坪塘2口、囤水田埂(堰埂)整治1.635千米", "1.635千米", "公里", "囤水田埂(堰埂)整治"),
    ("share-subject-before-zhan", "其中用于产业发展的资金占45%", "45%", "%", "资金占比"),
    ("share-of-its-subject", "贫困人口占总人口比例为3%", "3%", "%", "贫困人口占比"),
    ("share-subject-ratio-word", "社区工厂考核权重占10%", "10%", "%", "社区工厂考核权重|考核权重"),
    ("rate-glued-to-link", "城乡居民基本医疗保险贫困人口参保率达100%", "100%", "%", "参保率"),
    ("rate-kept-under", "脱贫人口返贫率控制在0.5%以内", "0.5%以内", "%", "返贫率"),
    ("at-least-qualifier-outside", "帮扶资金中用于产业发展的比例不低于60%", "60%", "%", "比例"),
    ("intransitive-compound", "全县2018年计划脱贫人口1.1万人", "1.1万人", "人", "脱贫人口"),
    ("date-before-figure-skipped", "全县贫困人口由2014年的3.2万人减少到2018年底的3600人", "3600人", "人", "贫困人口"),
    ("label-before-colon", "脱贫人口：1200人", "1200人", "人", "脱贫人口"),
    ("quoted-series", "举办“扶贫日”系列活动12场", "12场", "场", "“扶贫日”系列活动|系列活动"),
    ("subsidy-as-head-after-de", "每人1500元/年的交通补贴", "1500元/年", "元/年", "交通补贴"),
    ("list-item-after-enumeration", "完成贫困户危房改造3200户，其中C级危房1800户、D级危房1400户", "1400户", "户", "D级危房"),
    ("households-and-people-share", "截至11月底，全县共有1860户6200人实现稳定脱贫", "1860户", "户", "稳定脱贫|脱贫户"),
    ("people-then-activity", "截至11月底，全县共有1860户6200人实现稳定脱贫", "6200人", "人", "稳定脱贫|脱贫人口"),
    ("list-item-shares-name", "全区计划搬迁1.8万户、7.6万人，建设集中安置点15个", "7.6万人", "人", "搬迁|计划搬迁"),
    ("figure-in-words-skipped", "累计选派挂职干部三批共138名", "138名", "人", "挂职干部"),
    ("unknown-characters-kept", "朝阳区43个街乡与赤峰市53个贫困嘎查村结对", "53个", "个", "贫困嘎查村|嘎查村"),
    ("recipient-is-not-indicator", "市财政对贫困户改造茶园给予300元/亩的补助", "300元/亩", "元/亩", "补助"),
    ("growth-names-what-grew", "人民医院门诊量同比增长23%", "23%", "%", "门诊量增幅"),
    ("growth-of-previous-clause", "全年投入财政专项扶贫资金5.6亿元，比上年增长21.5%", "21.5%", "%", "财政专项扶贫资金增幅"),
    ("full-width-digits", "全县建档立卡贫困户３２００户", "３２００户", "户", "建档立卡贫困户|贫困户"),
]


def _acceptable(indicator, accepted):
    return any(a in indicator or indicator in a for a in accepted.split("|"))


@pytest.mark.parametrize(("sentence", "figure", "unit", "accepted"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_indicator_is_the_counted_noun_phrase(sentence, figure, unit, accepted):
    start = sentence.index(figure)
    indicator = indicator_for(sentence, start, start + len(figure), unit)
    assert indicator, f"no indicator for {figure}"
    assert _acceptable(indicator, accepted), indicator
    assert 1 <= len(indicator) <= 16, indicator


def test_a_place_is_never_the_indicator():
    sentence = "三年内每年为酉阳县提供1亿元"
    start = sentence.index("1亿元")
    assert indicator_for(sentence, start, start + 4, "元") != "酉阳县"


@pytest.mark.parametrize(
    ("sentence", "figure", "unit"),
    [("1200元", "1200元", "元"), ("共计：1200元", "1200元", "元"), ("（2019年）", "2019年", "年")],
    ids=["figure-alone", "only-links-and-colon", "only-brackets"],
)
def test_a_figure_with_nothing_around_it_has_no_indicator(sentence, figure, unit):
    start = sentence.index(figure)
    assert indicator_for(sentence, start, start + len(figure), unit) is None


def test_the_finder_agrees_with_the_function_and_reads_only_the_clause():
    text = "全县共有建档立卡贫困户3265户。建成扶贫车间120个，吸纳贫困劳动力就业2100人。"
    finder = IndicatorFinder(text)
    for figure, unit in (("3265户", "户"), ("120个", "个"), ("2100人", "人")):
        start = text.index(figure)
        assert finder.indicator_for(start, start + len(figure), unit) == indicator_for(
            text, start, start + len(figure), unit
        )
    start = text.index("120个")
    assert finder.indicator_for(start, start + 4, "个") == "扶贫车间"


# Characters of the genre, so generated text looks like figures in clauses, not only random code points.
ALPHABET = list("0123456789.%万亿余近约元人名户个亩所期次，。、；：“”（）的了和与为达共计累计全县市贫困户村资金项目培训就业产业扶贫搬迁")


@st.composite
def texts_with_spans(draw):
    text = draw(st.text(alphabet=st.sampled_from(ALPHABET), max_size=80) | st.text(max_size=80))
    start = draw(st.integers(min_value=0, max_value=len(text)))
    end = draw(st.integers(min_value=start, max_value=len(text)))
    unit = draw(st.sampled_from(["元", "人", "户", "个", "人次", "%", "亩", "元/月", "次", "期", ""]))
    return text, start, end, unit


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
    # Built from the text near the figure: every character comes from there, or from the few
    # words the rules add (占…比重, …占比, …人次, 安排资金, …增幅, …降幅).
    near = text[max(0, start - 60) : end + 60] + "占比重人次户次资金增幅降幅"
    assert all(char in near for char in indicator), indicator
