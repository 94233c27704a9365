"""Plans named by their span of years (三年行动计划) and systems of the government put into practice (落实X制度)."""

from __future__ import annotations

import re

from kg.extract.doc import Doc, Span
from kg.extract.lexicon import HAN
from kg.extract.registry import component

_YEAR_PLAN = re.compile("(?<![" + HAN + "])?[一二两三四五六七八九十]年行动(?:计划|方案)")


@component("plans")
def plans(doc: Doc) -> None:
    """Plans named by their span of years: 三年行动计划."""
    for m in re.finditer("[一二两三四五六七八九十]年行动(?:计划|方案)", doc.text):
        doc.add_span(Span(m.start(), m.end(), "Initiative", m.group(), "plan", 4))
    if "年行动" in doc.text:
        # 深入实施工业强市三年行动: a campaign of years put into practice, named by its aim
        for m in _YEAR_CAMPAIGN_PUT_INTO_PRACTICE.finditer(doc.text):
            doc.add_span(Span(m.start(1), m.end(1), "Initiative", m.group(1), "plan", 4))
    if "制度" in doc.text:
        # 落实县级领导包保项目制度, 实行首席服务官制度: a system of the government's, named by what it does
        for m in _SYSTEM_PUT_INTO_PRACTICE.finditer(doc.text):
            if not m.group(1).endswith(_GENERIC_SYSTEMS):
                doc.add_span(Span(m.start(1), m.end(1), "Initiative", m.group(1), "plan", 4))


#: a system carried out, named right after the verb (落实X制度); not a rule of management in general
_SYSTEM_PUT_INTO_PRACTICE = re.compile(f"(?:落实|实行|推行|实施|严格执行|建立|坚持)((?:(?![的和与、])[{HAN}]){{4,14}}?制度)")
_GENERIC_SYSTEMS = ("管理制度", "工作制度", "考核制度", "责任制度", "保障制度", "报告制度", "会议制度", "例会制度", "财务制度")
#: a campaign of N years carried out, named by its aim right after the verb (实施工业强市三年行动), not a plan (…行动计划)
_YEAR_CAMPAIGN_PUT_INTO_PRACTICE = re.compile(
    f"(?:实施|开展|启动|推进|落实|部署)((?:(?![的和与、])[{HAN}]){{2,10}}?[一二两三四五六七八九十]年(?:专项)?行动)(?![计方纲])")
