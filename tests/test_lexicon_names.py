"""No gold name is a lexicon entry: the rules must find the people, firms, projects,
events and initiatives of the gold, not look them up.

A Person, Company, Project, Event or Initiative name or alias of any gold file
(``eval/gold``, ``eval/dev/gold``, ``eval/devcorpus/gold``, ``eval/fresh/gold``) must not be a whole
entry of a lexicon in ``kg/data/``:

* ``*.tsv``: every cell of every column holding names (any cell with a CJK
  character: the type / level / kind / number columns have none), aliases split
  on ``|``;
* ``*.txt``: each line, split on white space (``surnames.txt`` holds many per line);
* ``*.toml``: every string in a list, at any depth (``pipeline.toml`` word lists,
  ``noise.toml`` …).

Both sides are compared through :func:`kg.names.normalise`. Names of the held-out
files (``cn_*``) are never printed, only counted.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT
from kg.names import normalise

DATA = ROOT / "kg" / "data"
GOLD_DIRS = (ROOT / "eval" / "gold", ROOT / "eval" / "dev" / "gold", ROOT / "eval" / "devcorpus" / "gold", ROOT / "eval" / "fresh" / "gold")
CHECKED_TYPES = frozenset({"Person", "Company", "Project", "Event", "Initiative"})
HELD_OUT_PREFIX = "cn_"
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Hit:
    gold_file: str
    type: str
    name: str
    lexicon: str  # file name in kg/data
    where: str  # line number (tsv, txt) or list path (toml)

    @property
    def held_out(self) -> bool:
        return self.gold_file.startswith(HELD_OUT_PREFIX)

    def describe(self) -> str:
        name = "(held-out name)" if self.held_out else self.name
        return f"{self.lexicon}:{self.where}: {self.type} {name} of {self.gold_file}"

    __repr__ = describe  # so that no report of a failure shows a held-out name


def _toml_strings(value: object, path: str, in_list: bool = False):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _toml_strings(v, f"{path}.{k}" if path else k)
    elif isinstance(value, list):
        for v in value:
            yield from _toml_strings(v, path, in_list=True)
    elif isinstance(value, str) and in_list:
        yield path, value


def lexicon_entries(data_dir: Path) -> dict[str, list[tuple[str, str]]]:
    """Normalised entry -> [(lexicon file, where)] over the lexicons of ``data_dir``."""
    entries: dict[str, list[tuple[str, str]]] = {}

    def add(entry: str, file: str, where: str) -> None:
        key = normalise(entry.strip())
        if key:
            entries.setdefault(key, []).append((file, where))

    for path in sorted(data_dir.iterdir()):
        if path.suffix == ".tsv":
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip() or line.startswith("#"):
                    continue
                for cell in line.split("\t"):
                    for entry in cell.split("|"):
                        if _CJK.search(entry):
                            add(entry, path.name, str(n))
        elif path.suffix == ".txt":
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if line.startswith("#"):
                    continue
                for entry in line.split():
                    add(entry, path.name, str(n))
        elif path.suffix == ".toml":
            config = tomllib.loads(path.read_text(encoding="utf-8"))
            for where, entry in _toml_strings(config, ""):
                add(entry, path.name, where)
    return entries


def gold_names(gold_dirs: tuple[Path, ...]):
    """(gold file name, type, name, canonical name) of every checked entity name and alias."""
    for gold_dir in gold_dirs:
        for file in sorted(gold_dir.glob("*.json")):
            gold = json.loads(file.read_text(encoding="utf-8"))
            for entity in gold.get("entities", []):
                if entity["type"] not in CHECKED_TYPES:
                    continue
                for name in [entity["name"], *entity.get("aliases", [])]:
                    yield file.name, entity["type"], name, entity["name"]


#: A gold alias that ends its own canonical name and is this short is the bare reference
#: SCHEMA §3 asks for (洽谈会 of 2020…洽谈会, 方案 of …行动方案(2025—2027年), 市委 of 苏州市委): a generic
#: head that names a kind, not a copied name. Short names of firms begin a name (清陶 of
#: 清陶能源), so they are still checked, as is every canonical name.
BARE_HEAD_MAX = 4
#: Lexicons of generic heads (行动计划, 洽谈会, 签约仪式): an alias equal to one of their
#: entries is such a bare reference too, wherever it stands in the canonical name.
GENERIC_HEAD_LEXICONS = frozenset({"name_suffixes.tsv"})
#: Word lists of a firm's bare references (集团, 公司): a gold alias equal to one of their words is a
#: bare reference of its firm (SCHEMA §3), wherever it stands in the canonical name.
GENERIC_ALIAS_WORDS = frozenset({("pipeline.toml", "words.firm_base_owner")})
#: Word lists of generic event words (会上, 开幕式; generic_event: words of no particular event, kg.name_scope):
#: the gold's plain name of an unnamed event may be one.
GENERIC_EVENT_WORDS = frozenset({("pipeline.toml", "words.generic"), ("pipeline.toml", "words.event_context"), ("pipeline.toml", "words.hold"),
                                 ("pipeline.toml", "words.generic_event")})
#: Word lists of the parts personal names of peoples without a Han surname are made of (巴图, 宝音, 扎西): a
#: gold person whose whole name is one common part (宝音) bears it, not a name copied into the list.
NAME_PART_WORDS = frozenset({("pipeline.toml", "words.mongolian_name_parts"), ("pipeline.toml", "words.tibetan_name_parts"),
                             ("pipeline.toml", "words.yi_clan_names")})
#: Administrative suffixes: a places.tsv short form whose row is short + one of these is a
#: division's own short name (凌云 of 凌云县); a person or firm called the same is a coincidence.
_DIVISION_SUFFIXES = ("自治县", "自治州", "自治区", "特别行政区", "省", "市", "县", "区", "旗", "盟", "州", "镇", "乡", "街道")


#: A firm's legal form after its head (X集团 + 有限公司).
_LEGAL_FORM = re.compile("(?:股份有限公司|有限责任公司|有限公司)$")


def _division_shorts(data_dir: Path) -> set[str]:
    path = data_dir / "places.tsv"
    if not path.is_file():
        return set()
    shorts = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 4 or not cells[3]:
            continue
        if any(cells[0] == cells[3] + suffix for suffix in _DIVISION_SUFFIXES):
            shorts.add(normalise(cells[3]))
    return shorts


def gold_names_in_lexicons(gold_dirs: tuple[Path, ...], data_dir: Path) -> list[Hit]:
    entries = lexicon_entries(data_dir)
    division_shorts = _division_shorts(data_dir)
    hits = []
    for gold_file, type_, name, canonical in gold_names(gold_dirs):
        key = normalise(name)
        head = re.sub(r"\(\d{4}[-—–至]\d{4}年?\)$", "", normalise(canonical))
        if name != canonical and len(key) <= BARE_HEAD_MAX and (head.endswith(key) or _LEGAL_FORM.sub("", head).endswith(key)):
            continue  # (集团 of X集团有限公司: the head before the legal form)
        for lexicon, where in entries.get(key, []):
            if name != canonical and (lexicon in GENERIC_HEAD_LEXICONS or (lexicon, where) in GENERIC_ALIAS_WORDS):
                continue
            if type_ == "Event" and (lexicon in GENERIC_HEAD_LEXICONS or (lexicon, where) in GENERIC_EVENT_WORDS):
                continue  # an unnamed event written plainly (签约仪式, 会议; SCHEMA §3.1): a kind, not a name
            if lexicon == "places.tsv" and key in division_shorts:
                continue
            if type_ == "Person" and (lexicon, where) in NAME_PART_WORDS:
                continue  # (宝音: a Mongolian name of one common part)
            hits.append(Hit(gold_file, type_, name, lexicon, where))
    return sorted(set(hits), key=lambda h: (h.lexicon, h.gold_file, h.name, h.where))


def _report(hits: list[Hit]) -> str:
    per_file: dict[str, int] = {}
    for h in hits:
        per_file[h.lexicon] = per_file.get(h.lexicon, 0) + 1
    counts = ", ".join(f"{f}: {n}" for f, n in sorted(per_file.items()))
    return f"gold names that are lexicon entries ({counts}):\n" + "\n".join(h.describe() for h in hits)


# ---------------------------------------------------------------- the check itself


def test_the_check_finds_a_planted_entry(tmp_path: Path):
    data, gold = tmp_path / "data", tmp_path / "gold"
    data.mkdir()
    gold.mkdir()
    (data / "known_orgs.tsv").write_text(
        "# name\ttype\taliases\n清陶（昆山）能源\tCompany\t旧名|清陶\n中国科学院\tResearchInstitute\t中科院\n", "utf-8"
    )
    (data / "words.txt").write_text("# a comment 周伟\n链长制\n王 李 周伟\n", "utf-8")
    (data / "pipeline.toml").write_text('[words]\nx = ["昆山大会", "其它"]\nnested = [["友达项目"]]\nscalar = "上汽"\n', "utf-8")
    (data / "view.js").write_text("上汽集团", "utf-8")
    entities = [
        {"type": "Company", "name": "清陶(昆山)能源"},  # tsv name column, after normalise
        {"type": "Company", "name": "清陶能源发展", "aliases": ["清陶"]},  # tsv alias split on |
        {"type": "Initiative", "name": "“链长制”"},  # txt line, quotes dropped by normalise
        {"type": "Person", "name": "周伟"},  # txt word on a line of several
        {"type": "Event", "name": "昆山大会"},  # toml list
        {"type": "Project", "name": "友达项目"},  # toml nested list
        {"type": "Company", "name": "上汽"},  # toml scalar: not a word list
        {"type": "Company", "name": "上汽集团"},  # not a lexicon file
        {"type": "ResearchInstitute", "name": "中科院"},  # type not checked
        {"type": "Company", "name": "中国科学院股份"},  # contains an entry, is not one
    ]
    (gold / "x_1.json").write_text(json.dumps({"doc": "x_1.txt", "entities": entities}, ensure_ascii=False), "utf-8")
    (gold / "cn_9.json").write_text(
        json.dumps({"doc": "cn_9.txt", "entities": [{"type": "Person", "name": "周伟"}]}, ensure_ascii=False), "utf-8"
    )
    hits = gold_names_in_lexicons((gold,), data)
    found = {(h.gold_file, h.name, h.lexicon) for h in hits}
    assert found == {
        ("x_1.json", "清陶(昆山)能源", "known_orgs.tsv"),
        ("x_1.json", "清陶", "known_orgs.tsv"),
        ("x_1.json", "“链长制”", "words.txt"),
        ("x_1.json", "周伟", "words.txt"),
        ("x_1.json", "昆山大会", "pipeline.toml"),
        ("x_1.json", "友达项目", "pipeline.toml"),
        ("cn_9.json", "周伟", "words.txt"),
    }
    report = _report(hits)
    assert "known_orgs.tsv: 2" in report and "words.txt: 3" in report
    held_out = next(h for h in hits if h.gold_file == "cn_9.json")
    assert "周伟" not in held_out.describe() and "(held-out name)" in held_out.describe()


def test_the_lexicons_and_gold_are_read():
    """The check runs over real data: both sides are non-empty and hold what they should."""
    entries = lexicon_entries(DATA)
    for known in ("中国科学院", "董事长", "苏州", "新能源", "科技"):
        assert normalise(known) in entries, known
    assert {f for where in entries.values() for f, _ in where} >= {
        "places.tsv",
        "known_orgs.tsv",
        "industries.tsv",
        "titles.tsv",
        "surnames.txt",
        "company_endings.txt",
        "pipeline.toml",
        "noise.toml",
    }
    n_files = len({g for g, *_ in gold_names(GOLD_DIRS)})  # a count: no held-out file is shown
    assert all(any(d.glob("*.json")) for d in GOLD_DIRS)
    assert n_files == sum(len(list(d.glob("*.json"))) for d in GOLD_DIRS)


# ---------------------------------------------------------------- the real data


def test_no_gold_name_is_a_lexicon_entry():
    hits = gold_names_in_lexicons(GOLD_DIRS, DATA)
    if hits:  # pytest.fail, not assert: the message is the redacted report, never the values
        pytest.fail(_report(hits), pytrace=False)


def test_generic_heads_and_division_short_forms_are_not_copied_names(tmp_path: Path):
    data, gold = tmp_path / "data", tmp_path / "gold"
    data.mkdir()
    gold.mkdir()
    (data / "name_suffixes.tsv").write_text("# suffix\ttype\tmin_stem\n洽谈会\tEvent\t2\n", "utf-8")
    (data / "places.tsv").write_text("# name\tlevel\tparent\tshort\n凌云县\tcounty\t百色市\t凌云\n恒力集团\tcounty\t\t恒力\n", "utf-8")
    entities = [
        {"type": "Event", "name": "2020某地经贸洽谈会", "aliases": ["洽谈会"]},  # bare alias: exempt
        {"type": "Event", "name": "洽谈会"},  # an unnamed event named by its kind (as 签约仪式 in fresh gold): exempt
        {"type": "Person", "name": "凌云"},  # a division's short form: a coincidence
        {"type": "Company", "name": "恒力"},  # short form of a row that is no division: flagged
    ]
    (gold / "x_1.json").write_text(json.dumps({"doc": "x_1.txt", "entities": entities}, ensure_ascii=False), "utf-8")
    found = {(h.name, h.lexicon) for h in gold_names_in_lexicons((gold,), data)}
    assert found == {("恒力", "places.tsv")}
