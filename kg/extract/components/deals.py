"""Project deals: the firms that sign a project's agreement are its investors.

A联合B,与管委会签订X项目合作协议 -> A and B invest in X项目; 管委会同A签下投资合作协议,推动X项目落户… -> A.
Only firms (Company) count: the government side of a deal is its partner, not its investor.
"""

from __future__ import annotations

import re

from kg.extract.components.clauses import _type
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.doc import Doc

#: a deal signed: 签订X项目合作协议, 签下投资合作协议, 签署协议
_DEAL = re.compile(r"(?:正式|共同|现场)?(?:签订|签署|签下)(?:了)?([^,。;]{0,24}?)(?:投资|合作|战略|框架|入园|落户|共建)*协议")
#: what a deal leads to in the next clause: …,推动X项目落户P
_LEADS = re.compile(r",(?:推动|促成|助推|推进|标志着|正式引进|引进)")
#: the marks of a party to the deal around a firm's name
_PARTY_AFTER = re.compile(r"(?:又|也|还|再|已|正式|共同)*(?:联合|携手|会同|与|同|和|,与|,同|签订|签署|签下)")
_PARTY_BEFORE = re.compile(r"(?:联合|携手|会同|与|同|和)$")


def deal_investors(doc: Doc) -> dict[str, list[tuple[str, int]]]:
    """Project label -> the firms that signed its agreement (with the sentence)."""
    text = doc.text
    out: dict[str, list[tuple[str, int]]] = {}
    for s in doc.sentences:
        sm = _sent_mentions(doc, s)
        for dm in _DEAL.finditer(s.text):
            d_start, d_end = s.start + dm.start(), s.start + dm.end()
            projects = [m for m in sm if d_start <= m.start and m.end <= d_end and _type(doc, m) == "Project"]
            if not projects:
                lead = _LEADS.match(text, d_end)
                if lead:
                    stop = re.compile("[,。;]").search(text, lead.end(), s.end)
                    end = stop.start() if stop else s.end
                    projects = [m for m in sm if lead.end() <= m.start and m.end <= end and _type(doc, m) == "Project"]
            if len({m.label for m in projects}) != 1:
                continue
            clause = s.start + max((m.end() for m in re.finditer("[;:。]", text[s.start : d_start])), default=0)
            firms = []
            for m in sm:
                if m.start < clause or m.end > d_start or _type(doc, m) != "Company":
                    continue
                if _PARTY_AFTER.match(text, m.end, d_start) or _PARTY_BEFORE.search(text, max(clause, m.start - 2), m.start):
                    firms.append(m.label)
            label = doc.entity(projects[0].label).label
            for f in dict.fromkeys(firms):
                out.setdefault(label, []).append((f, s.index))
    return out
