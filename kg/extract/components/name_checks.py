"""Whether a stem before a name suffix makes a name (name_mentions): not a kind of thing
(重点项目, 外商投资项目, 一批基地), an activity (招商项目), a relation between firms (X全资子公司)
or a city's designation (全国先进制造研发基地), a sector and a generic facility (储能电站), a branch named
by where it is (香港子公司); and which centres are research bodies (国家X创新中心). Also where a
name's edge moves for what stands in its stem: a firm's role before its name (锂电池制造商 + X),
a yearly capacity opening a project's name, a size opening a park's (2万头…基地). And the suffixes
that end no name (大学生, 招商周报, 新城区), the kinds counted, ranked or described (项目128个,
国家级开发区, 最大外资项目)."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.lexicon import HAN, lexicon, words
from kg.extract.names import PHASE, is_generic, stem_is_place
from kg.extract.segment import pos_tags, tokens


@lru_cache(maxsize=1)
def _name_verbs() -> frozenset[str]:
    return frozenset(words("name_verbs"))


_PROGRAMME_VERBS = ("攻关", "提升", "培育", "扶持", "引才", "倍增", "领航", "强链", "补链", "赋能", "振兴")
_INITIATIVE_STRONG = ("行动计划", "行动方案", "实施方案", "工作推进机制", "工作机制", "支撑体系", "产业布局", "战略目标", "具体举措", "培育体系",
                      "综合试验区", "综合试验", "示范平台")

_BATCH_BEFORE = re.compile("(?:一批|一大批|这批|该批|各类|[0-9一二两三四五六七八九十]+个(?:以上|左右)?)$")
#: stems that say who backs a project or what kind it is, not which project it is
_PROJECT_KIND = re.compile("(?:外商|外资|港资|台资|侨资|内资|民营|民企|央企|国企|省属|市属|实体|产业化|民间)(?:投资|企业|资本)?")


# compiled once (the rule below runs per candidate)
_DIGIT = re.compile(r"\d")
_KIND_END = re.compile("(?:业|类|个|等|以上|领域|重大|重点|经济|工艺|产业|型|设施|招商|签约|好|大)$")


_SUBSIDIARY_STEM = re.compile("(?:公司|集团|全资|控股|独资|参股)(?:子|附属)$")


def _accept(typ: str, suffix: str, stem: str, stem_tokens: list[str], text: str, start: int) -> bool:
    lex = lexicon()
    if typ == "Initiative":
        if suffix == "一体化" and "“" not in stem:
            return stem in ("长三角", "区域", "京津冀", "粤港澳大湾区", "长江三角洲", "成渝")  # (9000吨级一体化压铸: a process)
        if "“" in stem or "《" in stem or "+" in stem or _DIGIT.search(stem):
            return True
        if suffix == "产业布局" and any(t in _name_verbs() or t in ("引领", "优化", "调整", "完善") for t in stem_tokens):
            return False  # 以科技创新引领特色产业布局: a phrase about the layout, not a named one
        if suffix in _INITIATIVE_STRONG and stem and not is_generic(stem_tokens):
            return True
        if suffix in ("计划", "工程") and len(stem) >= 4 and stem.endswith(_PROGRAMME_VERBS) and not is_generic(stem_tokens):
            return True  # X技术攻关计划, X人才引进工程: a named programme
        if stem.endswith(("联盟", "协会")):
            return True
        if stem.endswith(("公司", "集团", "政府", "管委会")):
            return False  # X有限公司 + 计划投资: the firm's intention, no plan named after it
        return bool(stem_tokens) and stem_tokens[0] in lex.places and len(stem_tokens) > 1 and not is_generic(stem_tokens[1:])
    if typ == "Project":
        if _KIND_END.search(stem) or "领域" in stem:
            return False
        if stem.startswith(("更多", "国内外", "海内外")) or _BATCH_BEFORE.search(text[max(0, start - 5) : start]):
            return False  # 更多好项目, 一批直播基地项目: a kind of project, not a name
        if stem_tokens and all(t in _name_verbs() for t in stem_tokens) and text[start - 1 : start] != "及":
            return False  # 攻关项目, 招商项目: an activity, not a name (绿氢及 + 储运项目: the name goes on before 及)
        if _PROJECT_KIND.fullmatch(stem):
            return False  # 外商投资项目, 台资项目, 实体项目: a kind of project by its backer
        if len(stem) <= 4 and stem_tokens and text[start - 1 : start] not in ("及", "和", "与", "、") \
                and all((pos_tags().get(t) or "n") == "v" for t in stem_tokens):
            return False  # 跑出 + 项目加速度: verbs before the word, no project's name
        return not is_generic(stem_tokens)
    if typ == "Company" and stem_is_place(stem):
        return False
    if typ == "Company" and "暨" in stem and suffix in ("公司", "合资公司") and stem.endswith(("合资", "暨")):
        return False  # X项目签约暨合资公司 + 揭牌仪式: a part of an event's name, the joint venture unnamed
    if typ == "Company" and (_SUBSIDIARY_STEM.search(stem) or suffix.startswith("控股") and stem.endswith(("公司", "集团"))):
        return False  # X全资子公司, 由X有限公司控股: what a firm is to another, not a name
    if typ == "Park" and suffix.endswith("新区") and any(_district_named(stem + suffix, k) for k in range(len(stem))):
        return False  # 浦东新区, 上海市浦东新区: a district the lexicon holds, a place, not a park (绍兴滨海新区 is a zone)
    if typ == "Park" and suffix == "产业集聚区" and not stem_is_place(stem):
        return False  # 打造临空产业集聚区: a designation; 临颍县产业集聚区 (a county's zone) is named by its place
    if typ == "Park" and suffix in ("基地", "总部") and stem_is_place(stem):
        return False  # 把成都基地建成…: a firm's base in a city, not a named park
    if typ == "Park" and suffix == "基地" and re.match("(?:建设|打造|成为)?(?:全国|全球|世界|国家级|省级|国际)", stem) and "(" not in stem:
        return False  # 全国先进制造研发基地: a city's designation, not a park
    if typ in ("Park", "Event", "ResearchInstitute", "University", "Association", "Fund") and is_generic(stem_tokens):
        return False
    if typ == "Event" and (_COUNTED.match(stem) or stem.startswith("次") or _TIMES_BEFORE.search(text, max(0, start - 5), start)):
        return False  # 三次重大项目集中开工活动, 多场专题论坛, 已举行四批次 + 重大项目…活动: events counted, not one named
    if typ == "Park" and _KIND_OF_PARK.match(stem):
        return False  # 两大新能源开发区, 大型风光基地: parks counted or of a size, not one named
    if typ == "Park" and suffix == "基地" and stem in lex.industries:
        return False  # 建成国家重要的新能源基地: a city's role in a sector, not a named park
    if typ == "Company" and is_generic(stem_tokens):
        return False
    if typ == "ResearchInstitute" and suffix.endswith("检测中心") and not any(t in lex.places for t in stem_tokens):
        return False  # 建设标准化厂房、中药材检验检测中心: a facility of a kind; 甘肃省X检验检测中心 is a body
    if typ == "Fund" and (len(stem_tokens) == 1 and (pos_tags().get(stem_tokens[0]) or "").startswith("v") or bool(stem_tokens) and stem_tokens[-1] == "管理"):
        return False  # 管理基金规模, 获基金投资, 公司管理基金规模: a verb before the word, not a fund's name
    return True


#: a count of events held before a generic event name: 四批次, 3次, 多次
_TIMES_BEFORE = re.compile(r"[\d一二两三四五六七八九十多]+批?次$")
#: a listed firm's kind before its legal name: 上柜农业生技公司, 港股上市公司, 科创板上市企业
_LISTED_KIND = re.compile(f"(?:港股|美股|A股|台股|科创板|创业板|北交所)?(?:上市|上柜|兴柜|挂牌)[{HAN}]{{0,6}}?(?:公司|企业|厂商|大厂)")
#: 原 before a body's name: a former post's body, named as now
_FORMER_BODY = ("原国家", "原中国", "原省", "原市", "原区", "原县")


def name_start(text: str, typ: str, start: int, end: int) -> int:
    """Where a name found by its suffix really starts, past the words that only describe it (上柜农业生技公司
    + 大员…股份有限公司, 原 + 国家X中心); -1 when they are all there is (上柜农业生技公司: no name)."""
    if typ == "Company" and (d := _LISTED_KIND.match(text, start, end)) is not None:
        if d.end() == end:
            return -1
        if end - d.end() >= 6:
            start = d.end()
    if typ != "Place" and text.startswith(_FORMER_BODY, start):
        start += 1  # (the post is a former one; its body as it is now named)
    if typ == "Company" and (paren := text.find("(", start, end)) > start + 2:
        toks = tokens(text[start:paren])
        if len(toks) >= 2 and any(t in _WHAT_IT_IS for t in toks[:-1]) and len(toks[-1]) >= 2:
            start = paren - len(toks[-1])  # 首家在华工厂 + 施泰因(太仓)精密机械有限公司: the brand before its place
    return start


#: words that say what a firm is, before its brand and bracketed place (在华工厂, 全资子公司)
_WHAT_IT_IS = frozenset(("工厂", "子公司", "企业", "公司", "基地", "门店", "分公司"))


def purpose_start(text: str, start: int, floor: int) -> int:
    """光伏组件 + 用 + 高性能胶膜项目: where a project's name starts when what it is for, a noun of two to
    eight characters opening the clause, stands before 用 (``start`` itself when none does)."""
    clause = max(floor, *(text.rfind(c, 0, start - 1) + 1 for c in ",、:;。\n"))
    head = text[clause : start - 1]
    toks = tokens(head + "用")
    if not (2 <= len(head) <= 8) or not toks or toks[-1] != "用" or not re.fullmatch(f"[{HAN}A-Za-z0-9]+", head):
        return start  # (采用, 应用: a verb, not 用 after a purpose)
    tags = pos_tags()
    if any((tags.get(t) or "n")[:1] not in "nj" and t not in lexicon().industries for t in toks[:-1]):
        return start  # (主要用, 可用: words that are no noun)
    return clause


#: what opens a kind of park, not a name: a count (两大, 三个) or a size (大型, 一批)
_KIND_OF_PARK = re.compile("(?:建设|打造|建成|形成|布局)?(?:[两二三四五六七八九十几多数][大个座家]|大型|大中型|中小型|一批|若干)")
#: a count of events (not an ordinal: 第三次 is one)
_COUNTED = re.compile(r"(?:[一二两三四五六七八九十几多数]+|\d+)[次场]")


@lru_cache(maxsize=1)
def _known_org_names() -> tuple[str, ...]:
    """The known bodies' names as a tuple: one str.startswith over all of them, in C."""
    return tuple(lexicon().known_orgs)


def _firm_base_type(stem: str) -> str | None:
    """A firm's own base (腾讯(苏州)数字产业基地, X集团苏州产业基地) is a Project when the stem
    names its owner (a firm marker or a bracketed place after a brand); otherwise
    (生产基地, 光通信产业基地) it is no name at all: only zones where firms settle are parks."""
    lex = lexicon()
    bracket = re.search(r"\(([^()]+)\)", stem)
    owner = (
        any(w in stem for w in words("firm_base_owner"))
        or (bracket is not None and bracket.start() >= 2 and bracket.group(1) in lex.places)
        or stem.startswith(_known_org_names())
    )
    return "Project" if owner else None


#: a facility's generic head after a sector: 储能 + 电站, 新能源 + 基地
_FACILITY_HEAD = re.compile("(?:电站|基地|工厂|产业园|园区|中心|产线|生产线)")


def _sector_facility(text: str, start: int, end: int) -> bool:
    """储能电站(项目): a sector and a generic facility, no name of its own."""
    ind = lexicon().industry_re.match(text, start, end)
    return ind is not None and _FACILITY_HEAD.fullmatch(text, ind.end(), end) is not None


def _placed_branch(stem: str) -> bool:
    """香港子 + 公司, 在华子 + 公司: a subsidiary or branch named by where it is, not a name."""
    return stem.endswith(("子", "分")) and (stem[:-1] in lexicon().places or stem[:-1] in ("在华", "境外", "海外", "国内", "全资", "控股"))


def _national_centre(stem: str) -> bool:
    """A national innovation centre (国家X创新中心, 集成电路苏州产业创新中心: sector then city)
    is a research body; a place's sector centre (昆山元宇宙产业创新中心) is a park."""
    if stem.startswith("国家"):
        return True
    lex = lexicon()
    m = lex.industry_re.match(stem)
    return m is not None and lex.place_re.fullmatch(stem, m.end()) is not None


#: the stem of a project name that names a kind, not a project: 2026年省重点建设, 名单内, 人才, 能源
_GENERIC_PROJECT = re.compile(r"(?:(?:19|20)\d{2}年度?)?(?:省|市|县|区|省级|市级|县级|区级|国家级)?(?:重点|重大)(?:建设|产业|招商|民生)?"
                              r"|[\u4e00-\u9fff]{1,3}[内外中]|人才|能源|招商|签约|集中签约|产业|民生|基建"
                              r"|[\u4e00-\u9fff]{1,8}产业链")  # 储能产业链项目: projects of a chain, not one


def _strip_place(text: str, start: int, end: int) -> str:
    """``text[start:end]`` without the place it opens with (大同市 + 能源)."""
    p = lexicon().place_re.match(text, start, end)
    return text[p.end() if p else start : end]


#: a yearly capacity (年产10万吨) with the product words after it, up to a project's left edge
_CAPACITY_RUN = re.compile(r"年(?:产|处理|加工)[\d.]+(?:万|千|亿)?(?:吨|台|套|辆|片|件|GWh|GW|MW|立方米|平方米|颗|只|头|羽)(?=[\u4e00-\u9fffA-Za-z])")
#: what never stands inside a project's name between its capacity and the rest
_NOT_IN_CAPACITY_NAME = re.compile("[,。;:、的和与及在由为将把被对向从等了]|项目|投资|建设")


#: a size opening a park's stem (2万头, 5000亩)
_SIZED = re.compile(r"[\d.]+(?:万|千|百)?(?:头|只|羽|吨|亩|平方米|平方公里|千瓦|兆瓦)")


def _listed_where(where: str) -> bool:
    """Whether what is written before 上市公司 says only where a firm is listed (香港, A股, 美国, 境外)."""
    return not where or where in lexicon().places or where in ("A股", "港股", "美股", "境外", "境内", "海外", "主板", "创业板", "科创板", "北交所")


def _role_before_name(toks: list[str]) -> int:
    """The index of the last token that says what a firm is (锂电池制造商, 牙科器材 + 商, 面板厂),
    written right before its name (…商 + 宁德时代…); -1 for none. E-commerce (电商) is a trade, no role."""
    pos = pos_tags()
    found = -1
    for i, t in enumerate(toks[:-1]):
        if t[-1] in "商厂" and not t.endswith("电商") and (
                len(t) >= 3 or len(t) == 1 and i and len(toks[i - 1]) >= 2 and pos.get(toks[i - 1]) in ("n", "vn")) \
                and sum(map(len, toks[i + 1 :])) >= 2:
            found = i
    return found


#: a policy's kind of project: 对新落户的, 对新建的, 对认定的 + X项目
_POLICY_CATEGORY = re.compile("对(?:新落户|新引进|新建|新开工|新签约|新认定|认定|符合条件)的?$")
#: A count right after a name: X项目128个, 项目共35个.
_COUNT_AFTER = re.compile(r"(?:已|共|累计)?(?:共|有|达|合计|超过|突破)?(?:\d+|[一二两三四五六七八九十百]+)(?:余|多)?(?:个|项|支)")
#: the kind a count is of, right after it: 两支 + 子基金 (the names counted are before it)
_APPOSED_KIND = ("子基金", "母基金", "基金", "项目")
#: A drive's name right after 项目: X项目集中签约(仪式).
_DRIVE_AFTER = re.compile("集中(?:签约|开工|动工|竣工|开竣工)")
#: a park's stem that is only its rank: 国家级 + 经济技术开发区
_LEVEL_ONLY = re.compile("(?:国家级|省级|市级|县级)(?:经济技术|高新技术产业|高新技术|高新|经济|综合保税|农业科技|现代农业)?|")
#: a superlative right before a project's stem: the text describes a project it has named (最大的X项目)
_SUPERLATIVE_BEFORE = re.compile("(?:最大|最小|最先进|首个|第一个|唯一)的$")
#: the same inside the words before the suffix (最大外资项目, 华南第一个生产基地项目)
_SUPERLATIVE_IN = re.compile("最大|最小|最先进|第一个|唯一")
#: a model for a whole scope (打造成全省电子陶瓷产业标杆项目): what the project is to become, no name
_EXEMPLAR = re.compile("(?:全国|全省|全市|全区|全县|全州|行业|区域|省内|国内)[^,。;]{0,12}(?:标杆|样板|示范|标志性|引领性|典范)")
#: A phase ending a project's stem: 基地一期 + 项目 (a bare base and its phase).
_PHASE_END = re.compile(PHASE.pattern + "$")
#: a firm's spending right before a project named by its sector (投资12亿元,在P建设 + 电子化学品项目): one project, not a kind
_SPENT_TO_BUILD_BEFORE = re.compile(r"投资[\d.]+(?:万|亿)?(?:元|美元|欧元|港元|日元),?(?:在[^,。;]{1,12}?)?(?:建设|新建|投建)$")


def _names_a_kind(text: str, typ: str, start: int, s_start: int, end: int, floor: int) -> bool:
    """Whether the project, fund or park named from ``start`` to its suffix (at ``s_start``, the
    name ending at ``end``) is a kind the text counts, ranks or describes, with no name of its own."""
    lex = lexicon()
    if typ == "Project" and _POLICY_CATEGORY.search(text, max(floor, start - 10), start):
        return True  # 对新落户的 + 石墨深加工项目,按…给予补助: the kind a policy rewards, no project of its own
    if typ in ("Project", "Fund") and ((count := _COUNT_AFTER.match(text, end)) and not text.startswith(_APPOSED_KIND, count.end())
                                       or typ == "Project" and _DRIVE_AFTER.match(text, end)):
        # 全市集中动工项目128个, X招商引资项目集中签约: a kind counted or in a drive's name (A子基金、B子基金两支子基金:
        # the names, then their count and kind)
        return True
    if typ == "Park" and _SIZED.match(text, start, s_start):
        return True  # 2万头标准化养殖基地, 5000亩种植基地: a facility of a size, not a park's name
    if typ == "Park" and _LEVEL_ONLY.fullmatch(text, start, s_start):
        return True  # 升级为国家级经济技术开发区: a rank, not a name
    if typ in ("Project", "Fund") and (_SUPERLATIVE_BEFORE.search(text, max(floor, start - 6), start) or _SUPERLATIVE_IN.search(text, start, s_start)):
        return True  # 是目前渭南规模最大的电网侧储能项目, 引进的最大外资项目, 华南第一个生产基地: a description, not a name
    if typ == "Project" and _EXEMPLAR.fullmatch(text, start, s_start):
        return True
    # 示范区项目, (10亿元以上的)电子信息项目, 储能电站项目: no name of its own, a kind (unless a firm spends on it)
    return typ == "Project" and bool(_PHASE_END.sub("", text[start : s_start]) in lex.suffixes
                                     or (lex.industry_re.fullmatch(text, start, s_start) or _sector_facility(text, start, s_start))
                                     and not _SPENT_TO_BUILD_BEFORE.search(text, max(floor, start - 24), start - (text[start - 1 : start] == "的"))
                                     and not (s_start - start >= 5 and _in_list_of_projects(text, start, end))
                                     or lex.place_re.fullmatch(text, start, s_start)  # 南阳市项目谋划精准: a place's projects
                                     or _GENERIC_PROJECT.fullmatch(_strip_place(text, start, s_start)))  # 2026年省重点建设项目, 名单内项目


def _district_named(label: str, k: int) -> bool:
    """Whether ``label[k:]`` is a district of the lexicon and ``label[:k]`` nothing or its own city
    (上海市 + 浦东新区; not 绍兴 + 滨海新区, which is Tianjin's)."""
    p = lexicon().places.get(label[k:])
    if p is None or p.level != "county":
        return False
    head = label[:k]
    return not head or bool(p.parent) and (p.parent == head or p.parent.startswith(head) and len(head) >= 2)


def _in_list_of_projects(text: str, start: int, end: int) -> bool:
    """磷石膏综合利用项目、六氟磷酸锂项目等: an item joined by 、 to another project's name (a long
    sector's name is then this project's own)."""
    return text.startswith("、", end) and text.find("项目", end, end + 24) > 0 or text.endswith("项目、", 0, start)


#: what a place is called before 基地 (全国重要的 + 煤炭 + 基地, 最大的商品粮 + 基地)
_CALLED_BASE = re.compile("(?:重要|最大|主要|知名|著名|传统|国家级|全国性)的[\u4e00-\u9fff、和及]{0,14}$")


def _suffix_not_a_name(text: str, suffix: str, typ: str, s_start: int, s_end: int) -> bool:
    """Whether the suffix at ``s_start:s_end`` ends no name, whatever its stem: it is part of a
    longer word (大学生, 招商周报, 新城区) or what a place is called (全国重要的煤炭基地)."""
    nxt = text[s_end : s_end + 1]
    if typ in ("University",) and nxt in ("生",) or suffix == "分会" and nxt == "场":
        return True  # (大学生; 分会场: a sub-venue)
    if typ == "Event" and suffix.endswith("周") and nxt in ("报", "刊", "末", "边", "围", "期", "年"):
        return True  # 招商周报: a weekly report, not a week of events
    if suffix == "新城" and (nxt and nxt in "区镇乡村街路管" or text.endswith(("建设", "打造", "建", "新建"), 0, s_start)):
        return True  # 新城区, 新城镇, 钱江新城管委会, 聚力建设新城: a district, a body or a verb's object, not a zone
    if typ == "Park" and suffix.endswith("区") and nxt in ("块", "域", "间", "别"):
        return True  # 高新区块, 示范区域: not the zone's name
    if suffix == "示范园" and nxt == "区":
        return True  # 循环化改造示范园区: a title the park is given, not its name
    # 是全国重要的 + 煤炭基地: what a place is called, no base of its own
    return suffix.endswith("基地") and _CALLED_BASE.search(text, max(0, s_start - 20), s_start) is not None
