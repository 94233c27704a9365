"""Counts and totals of the projects signed or started at an event (events): 签约项目23个, 总投资
56亿元的8个项目; and the projects of a batch an article about a drive lists (张浦镇开工5个项目,…A、B
等项目均在其列)."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _sent_mentions, _type, of_type, segments
from kg.extract.components.event_counts import counts
from kg.extract.components.refs import clause_start
from kg.extract.doc import Doc, Span
from kg.extract.quantities import AMOUNT_RE, amount_of

_CLAUSE_MARK = re.compile("[,;:。]")
#: a total before the count of projects: 总投资56亿元的8个项目 (a count read the other way round)
_COUNT_A = re.compile(r"总投资(?:额)?(?:达|约|超|近)?(?P<amt>[\d.,]+(?:万亿|亿|万)?(?:美元|元)(?:人民币)?)的(?P<n>\d+)个[^,。;]{0,14}?项目")
#: A batch of projects counted as started or signed: 有5个项目开工, 开工项目6个, 3个项目开工.
_BATCH = re.compile(r"\d+个(?:[^,。;、]{0,8})?项目(?:集中|同步|一并)?(?:开工|签约|落地|落户|奠基)|(?:开工|签约)项目\d+个|(?:开工|签约|落户)\d+个(?:[^,。;、]{0,6})?项目")
#: A project drive (…集中开工, …签约仪式): what the article lists as started or signed was started there.
_DRIVE_NAME = re.compile("集中(?:签约|开工)|(?:签约|开工)(?:仪式|活动)|开工$|签约$")
#: Projects named as among those just counted: A、B等项目名列其中, 均在其列, C等项目开工.
_IN_LIST = re.compile(r"等(?:\d+个)?(?:[^,。;]{0,6})?项目(?:名列其中|均在其列|在列|(?:集中|同步)?(?:开工|签约|奠基))")
#: Words that put a sentence before the event: not its batch.
_BEFORE = re.compile("去年|前年|此前|上一届|上届")
#: Words that make a signing or start a wish or a plan.
_INTENT = re.compile("推动|促进|加快|力争|确保|计划|预计|有望|争取|吸引")
#: Words that put a sentence's figures in the past or over a period: not the event's.
_PAST = re.compile("去年|前年|此前|以来|累计|上一届|上届|年底|截至")
#: a verb of holding right before an event (compiled once: the rule runs per event)
_HELD_VERB_BEFORE = re.compile("(?:举行|召开|举办)了?$")


def _amount(s: str):
    m = AMOUNT_RE.search(s)
    return amount_of(m) if m else None


def _batch_clause(text: str) -> bool:
    """Whether a clause of ``text`` counts or lists projects started or signed, without a wish or plan in it."""
    if "项目" not in text:
        return False  # (every branch of _BATCH and _IN_LIST holds the word)
    if "个" not in text and "等" not in text:
        return False  # (every branch of _BATCH holds 个, _IN_LIST opens with 等)
    for rx in (_BATCH, _IN_LIST):
        for m in rx.finditer(text):
            a = clause_start(text, 0, m.start(), ",;:。")  # (the end of the last mark before the match, else 0)
            b = _CLAUSE_MARK.search(text, m.end())
            if not _INTENT.search(text, a, b.start() if b else len(text)):
                return True
    return False


def project_totals(doc: Doc, sent_event: dict[int, str], main: str | None, event_ms: list[Span], event_sents: set[int]) -> None:
    """The counts (projectCount) and totals (investment) of the projects signed or started at the
    events of ``sent_event`` (the article's ``main`` one in its lead), and the projects of a batch
    (signedAt). ``event_ms``: the events' mentions; ``event_sents``: the sentences they are in."""
    text = doc.text
    facts: list[tuple[str, int, object, int, bool]] = []
    batch: list[tuple[str, str, int]] = []
    # an event held at the end of a sentence (园区随即举行首批…签约仪式。): the next sentence tells of it
    held_before: dict[int, str] = {}
    for m in event_ms:
        if _HELD_VERB_BEFORE.search(text[max(0, m.start - 4) : m.start]):
            s = doc.sentences[doc.sentence_at(m.start)]
            if re.fullmatch("[。!]?", text[m.end : s.end]):
                held_before[s.index] = m.label
    # (event, sentence) of each count read the other way round (_COUNT_A), not looked for in every fact
    counted_a: set[tuple[str, int]] = set()
    count_a = "总投资" in text  # (_COUNT_A opens with it: most texts hold none)
    drive = main if main and _DRIVE_NAME.search(main) else None
    for s in doc.sentences:
        ev = sent_event.get(s.index)
        if not ev and main and s.index <= 12 and not _PAST.search(s.text):
            ev = main  # a count in the lead of an article about one event is that event's
        if not ev:
            if drive and not _BEFORE.search(s.text) and _batch_clause(s.text):
                # an article about a drive of starts or signings: each batch it lists started there
                # (张浦镇开工5个项目,…A、B等项目均在其列; 千灯镇则有C等项目开工)
                for m in _sent_mentions(doc, s):
                    if _type(doc, m) == "Project":
                        batch.append((m.label, drive, s.index))
            continue
        # (nothing in this loop changes an entity)
        s_evs = of_type(doc, _sent_mentions(doc, s), "Event") if s.index in event_sents else []
        for seg_start, seg_end in segments(s):
            seg = text[seg_start:seg_end]
            evs = [m for m in s_evs if seg_start <= m.start < seg_end] if s_evs else s_evs
            seg_ev = evs[0].label if evs else (held_before.get(s.index - 1) or main or ev)
            for m in _COUNT_A.finditer(seg) if count_a else ():
                facts.append((seg_ev, int(m.group("n")), _amount(m.group("amt")), s.index, True))
                counted_a.add((seg_ev, s.index))
            if (seg_ev, s.index) in counted_a:
                continue  # the same count read the other way round
            # (其中,外资项目6个…;落户P的项目11个,投资额N: the parts go on past the semicolon)
            for pos, n, amt in counts(doc, seg_start, seg, evs[0].label if evs else seg_ev) if "其中" not in text[s.start : seg_start] else ():
                # the event named last before the count (…招商月期间全区累计签约项目157个)
                named = [m.label for m in evs if m.end <= seg_start + pos]
                facts.append((named[-1] if named else seg_ev, n, amt, s.index, False))
            # a batch started or signed (张浦镇开工5个项目,…春秋电子、益海嘉里等项目均在其列): its projects
            if _batch_clause(seg):
                for m in _sent_mentions(doc, s):
                    if seg_start <= m.start < seg_end and _type(doc, m) == "Project":
                        batch.append((m.label, evs[0].label if evs else seg_ev, s.index))
    for proj, ev, idx in batch:
        doc.relate("signedAt", proj, ev, idx)
    host = doc.notes.get("host_event")
    for ev, n, amt, idx, is_a in facts:
        if host and main and doc.entity(ev) is doc.entity(host):
            ev = main  # the fair that hosts the ceremony: its signings are the ceremony's
        if n:
            doc.relate("projectCount", ev, n, idx)
        if amt is not None:
            doc.relate("investment", ev, amt, idx)
