"""Indicators: the noun phrase a figure counts, taken from the words around it."""

from __future__ import annotations

import re

_CLAUSE_END = "，。；、：！？,;:!?\n（）()“”\"《》【】"
_LINKS = re.compile(r"(?:共计|累计|合计|总计|分别|达到|达|为|有|共|约|近|超过|逾|超|计|了|到|至|是|的|其中|均|已|新增|增加|新|全部)+$")
_LEADING = re.compile(r"^(?:其中|全市|全县|全区|全州|全省|共|累计|并|和|及|与|对|向|为|在|将|把|让|使|带动|帮助|组织|实现|完成|"
                      r"新建|建成|建设|开展|举办|发放|培训|投入|筹集|落实|争取|引进|吸纳|转移|覆盖|惠及|选聘|安置|改造|"
                      r"资助|招录|提供|签订|发展|建立|成立|开辟|搭建|修建|安装|推广|整合|开设|引导|促|促进|帮扶|结对)+")
_NOUN_AFTER = re.compile(r"^[\u4e00-\u9fff“”]{2,12}")
_VERBISH_START = re.compile(r"^(?:的|了|和|及|与|以上|以下|左右|，|。|、|；|用于|开展|参加|实施|进行|种植|就业|脱贫|增收|受益|覆盖|"
                            r"签订|建立|发放|达|共|累计|以|为|次|于|在|从|到|至|占|比|同比)")
_NOUN_END = re.compile(r"[\u4e00-\u9fff“”]{1,14}$")


def indicator_for(text: str, start: int, end: int, unit: str) -> str | None:
    """The indicator of the figure at text[start:end] (unit as canonicalised), or None when none is near."""
    following = _clause_after(text, end)
    preceding = _clause_before(text, start)
    noun_after = _NOUN_AFTER.match(following)
    # "6950户贫困户", "25个贫困村": a counted noun follows the measure word.
    if noun_after and not _VERBISH_START.match(following) and unit not in ("元", "%") and not unit.startswith("元/"):
        return _trim(noun_after.group(0)[:8])
    before = _LINKS.sub("", preceding)
    match = _NOUN_END.search(before)
    if match:
        phrase = _LEADING.sub("", match.group(0)) or match.group(0)
        return _trim(phrase[-10:])
    if noun_after:
        return _trim(noun_after.group(0)[:8])
    return None


def _clause_before(text: str, start: int) -> str:
    begin = start
    while begin > 0 and text[begin - 1] not in _CLAUSE_END and start - begin < 30:
        begin -= 1
    return text[begin:start].strip()


def _clause_after(text: str, end: int) -> str:
    stop = end
    while stop < len(text) and text[stop] not in _CLAUSE_END and stop - end < 20:
        stop += 1
    return text[end:stop].strip()


def _trim(phrase: str) -> str | None:
    phrase = phrase.strip("“”的了和及与")
    return phrase or None
