"""kg.extract.components.event_edges: the event-name cut matches as the plain backtracking pattern."""

from __future__ import annotations

import random
import re

#: _EVENT_CUT as first written: ``.*`` then every cut tried at each position it gives back
_PLAIN_CUT = re.compile(
    r"^.*(?:[,;:。!?、\s]|(?<![\d年])\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚间|早上)?|(?<![\d年])\d{1,2}日(?:上午|下午|晚上)?"
    r"|在|于|的|了|举行|召开|举办|出席|参加|主持|亮相|启幕|开幕|迎来|今天|今年|近日|日前|当天|昨天|前天|上午|下午|晚上|其中|期间|会上|以及|和|与|及"
    r"|报讯|网讯|台讯|共建)"
)


def test_event_cut_is_the_plain_pattern():
    from kg.extract.components.event_edges import _EVENT_CUT

    chars = "在于的了举行召开办出席参加主持亮相启幕开当天日前上午下晚间其中期会以及和与报讯网台共建月年0123456789,;:。!?、 \n名称大"
    rng = random.Random(7)
    texts = ["".join(rng.choice(chars) for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    texts += ["2024年5月12日上午,首届产业合作大会", "记者从会上获悉,第三届", "12日举行的", "近日前往", "产业创新与前沿技术"]
    for text in texts:
        a, b = _PLAIN_CUT.match(text), _EVENT_CUT.match(text)
        assert (a.span() if a else None) == (b.span() if b else None), text
