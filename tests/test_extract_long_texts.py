"""The shortcuts that keep a long text's extraction near-linear give what the plain loops gave."""

import random

from extract_helpers import article
from kg.extract.components.entities import _longest_by_find, _longest_by_scan
from kg.extract.components.event_names import _with_mention
from kg.extract.doc import Doc, Span


def test_names_found_in_one_scan_are_those_found_by_a_search_each():
    rng = random.Random(7)
    chars = "中国市场苏州科技园"
    for _ in range(20):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 2000)))
        names = {"".join(rng.choice(chars) for _ in range(rng.randint(2, 6))) for _ in range(rng.randint(1, 150))}
        assert _longest_by_scan(text, names) == _longest_by_find(text, names)


def test_a_mention_added_goes_where_a_stable_sort_of_them_all_puts_it():
    rng = random.Random(3)
    for _ in range(50):
        spans = sorted((Span(s, s + n, "Event", f"e{k}", "t", 0) for k, (s, n) in
                        enumerate((rng.randint(0, 30), rng.randint(1, 4)) for _ in range(rng.randint(0, 25)))),
                       key=lambda s: (s.start, -s.length))
        new = Span(rng.randint(0, 30), 0, "Event", "new", "t", 0)
        new = Span(new.start, new.start + rng.randint(1, 4), "Event", "new", "t", 0)
        got = _with_mention(spans, new)
        assert got == sorted([*spans, new], key=lambda s: (s.start, -s.length)) and got is not spans


def test_relabelled_mentions_are_all_those_of_the_old_label():
    doc = Doc(article("甲乙丙甲乙丙"))
    doc.mentions = [Span(i, i + 1, "Company", label, "t", 0) for i, label in enumerate("甲乙丙甲乙丙")]
    doc.relabel_mentions("甲", "丁")
    assert [m.label for m in doc.mentions] == ["丁", "乙", "丙", "丁", "乙", "丙"]
    doc.relabel_mentions("戊", "丁")  # (none)
    assert [m.label for m in doc.mentions] == ["丁", "乙", "丙", "丁", "乙", "丙"]
