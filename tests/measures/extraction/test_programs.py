"""categorise: the programme category of an article or measure block."""

import pytest

from measures.extraction.programs import CATEGORIES, categorise


@pytest.mark.parametrize(
    ("title", "body", "category"),
    [
        ("梁平县依托蔬菜产业助贫困户增收脱贫", "建成蔬菜生产示范基地4个，发展连片蔬菜基地1万亩。", "industry"),
        ("推进就业扶贫", "组织劳务招聘会5场，转移就业贫困劳动力79名，开发公益性岗位300个。", "employment"),
        ("扎实推进易地扶贫搬迁", "全年完成搬迁5.26万人，建成集中安置点45个。", "relocation"),
        ("在教育扶贫方面", "新建山区寄宿制学校68所，资助贫困学生1.2万人。", "education"),
        ("市卫生计生委精准实施扶贫攻坚医疗救助各项任务", "建立医疗救助专项资金，贫困村卫生室标准化建设1149所。", "health"),
        ("强化兜底保障", "将1.3万名贫困人口纳入农村低保，特困供养人员全部兜底。", "social_security"),
        ("基础项目精准，夯实发展基础", "完成村道改建10.486公里，新建蓄水池15口，实施饮水工程。", "infrastructure"),
        ("创新金融扶贫", "发放扶贫小额信贷2.3亿元，设立风险担保金5000万元。", "finance"),
        ("选聘建档立卡贫困人口生态护林员", "选聘生态护林员1979人，人均年增收1万元。", "ecology"),
        ("衢江平武铺就东西部扶贫协作康庄大道", "东西部扶贫协作帮扶资金3600万元，双方挂职干部41名。", "paired_assistance"),
        ("凝聚社会扶贫合力", "组织350家民营企业开展万企帮万村行动，捐款捐物价值170余万元。", "social"),
        ("压实脱贫攻坚责任", "县委与20个乡镇签订责任书，实行督查考核，选派第一书记。", "governance"),
        ("秀山县创新思路开展“精神扶贫”", "激发贫困群众内生动力，开展感恩教育和移风易俗宣传。", "motivation"),
    ],
)
def test_each_kind_of_programme_gets_its_category(title, body, category):
    assert category in CATEGORIES
    assert categorise(title, body) == category


def test_a_block_without_a_clear_signal_gets_no_category():
    assert categorise("下一步工作打算", "我们将继续努力，确保各项任务圆满完成。") is None


def test_the_title_outweighs_the_body():
    assert categorise("推进健康扶贫", "为贫困户发放种植补贴，实施产业项目。") == "health"
