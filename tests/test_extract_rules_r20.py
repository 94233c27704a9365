"""Hosts, bare bodies, posts filled, parks' own projects and firms' main lines on hand-written
sentences (twentieth file: rules of session 40).

Each names firms, people, parks and projects invented for the test, never those of a gold file."""

from extract_helpers import article, facts, types

from kg.extract import extract


def _objects(f: set, pred: str, subject: str) -> set:
    return {o for p, s, o in (x[:3] for x in f) if p == pred and s == subject}


def _subjects(f: set, pred: str, obj: str) -> set:
    return {s for p, s, o in (x[:3] for x in f) if p == pred and o == obj}


def test_the_hosts_after_a_guiding_body_take_part_and_the_guiding_body_does_not():
    text = ("15日上午,2026中国(云溪)纺织产业发展大会在云溪经济开发区开幕。"
            "大会由湖南省商务厅指导,云溪市人民政府、中国纺织工业联合会共同主办,云溪经济开发区管委会承办。")
    f = facts(extract(article(text, dateline="2026-05-16")))
    took_part = _subjects(f, "participatedIn", "2026中国(云溪)纺织产业发展大会")
    assert {"云溪市人民政府", "中国纺织工业联合会"} <= took_part, sorted(took_part)
    assert "湖南省商务厅" not in took_part, sorted(took_part)


def test_a_bare_institute_opening_the_next_sentence_settles_where_it_says():
    text = ("15日上午,2026云溪新材料大会在云溪经济开发区开幕。开幕式上,湖南大学云溪新材料研究院揭牌。"
            "该研究院由湖南大学与云溪市人民政府共建,落户云溪经济开发区,将开展技术研发。")
    f = facts(extract(article(text, dateline="2026-05-16")))
    assert "云溪经济开发区" in _objects(f, "settledIn", "湖南大学云溪新材料研究院"), sorted(x for x in f if x[0] in ("settledIn", "locatedIn"))


def test_an_office_set_in_a_district_of_a_city_lies_in_the_district_and_its_head_is_a_person():
    text = ("推介会上,云溪市驻广州招商联络处揭牌。联络处设在广州市天河区,"
            "主任由曾任云溪市商务局局长的秦望舒担任,将常态化开展驻地招商工作。")
    ex = extract(article(text, dateline="2026-05-16"))
    f = facts(ex)
    assert types(ex).get("秦望舒") == "Person", types(ex)
    assert "天河" in {o[:2] for o in _objects(f, "locatedIn", "云溪市驻广州招商联络处")}, sorted(x for x in f if x[0] == "locatedIn")
    assert ("holdsPosition", "秦望舒", "云溪市驻广州招商联络处", "主任") in f, sorted(x for x in f if x[0] == "holdsPosition")
    assert not any(x[0] == "holdsPosition" and x[1] == "秦望舒" and x[3] == "局长" for x in f)


def test_a_secretariat_set_somewhere_is_still_no_place_of_its_founders():
    text = ("云溪市新材料产业联盟由云溪华材科技有限公司等15家单位共同组建,秘书处设在云溪经济开发区。")
    f = facts(extract(article(text, dateline="2026-05-16")))
    assert not _objects(f, "locatedIn", "云溪华材科技有限公司") and not _objects(f, "settledIn", "云溪华材科技有限公司"), sorted(f)


def test_a_parks_own_projects_listed_after_qizhong_lie_in_the_park():
    text = ("云溪市召开新闻发布会。林晓介绍,目前云溪经济开发区在建的先进材料项目进展顺利。"
            "其中,湖南云钢特材有限公司总投资18亿元的特钢精密棒材项目已完成主体厂房建设;"
            "云溪精瓷科技有限公司总投资4亿元的年产2000吨碳化硅陶瓷项目正在进行设备安装。")
    f = facts(extract(article(text, dateline="2026-05-16")))
    for p in ("特钢精密棒材项目", "年产2000吨碳化硅陶瓷项目"):
        assert _objects(f, "locatedIn", p) == {"云溪经济开发区"}, sorted(x for x in f if x[0] == "locatedIn")


def test_a_city_whose_name_ends_with_xiang_is_no_town_a_park_is_placed_in():
    text = "桐乡市召开新闻发布会。桐乡经济开发区管委会主任林晓介绍,桐乡经济开发区今年新签约项目12个。"
    f = facts(extract(article(text, dateline="2026-05-16")))
    assert not _objects(f, "locatedIn", "桐乡经济开发区"), sorted(x for x in f if x[0] == "locatedIn")


def test_a_firms_main_line_gives_its_sector():
    text = "在云溪市宏达精密铸造有限公司,林晓了解企业新厂区建设进展。该公司以精密铸造为主业,产品主要配套工程机械。"
    f = facts(extract(article(text, dateline="2026-05-16")))
    assert "精密铸造" in _objects(f, "inIndustry", "云溪市宏达精密铸造有限公司"), sorted(x for x in f if x[0] == "inIndustry")


def test_a_funds_first_close_is_not_its_size():
    text = ("会上,规模20亿元的云溪市产业发展母基金正式发布。"
            "母基金由云溪市国有资产投资控股集团有限公司与湖南云麓资本管理有限公司共同发起设立,存续期10年,首期规模8亿元,重点投向新材料领域。")
    f = facts(extract(article(text, dateline="2026-05-16")))
    sizes = {int(o.value) for o in _objects(f, "investment", "云溪市产业发展母基金")}
    assert sizes == {2000000000}, sizes


def test_a_bare_project_built_by_a_firm_whose_name_opens_with_zhong_has_that_investor():
    text = ("仪式上,双方还签订了云溪风光储一体化示范项目投资协议。"
            "该项目由中宏新能控股集团有限公司投资60亿元建设,规划建设风电30万千瓦。")
    f = facts(extract(article(text, dateline="2026-05-16")))
    assert "中宏新能控股集团有限公司" in _objects(f, "investor", "云溪风光储一体化示范项目"), sorted(x for x in f if x[0] == "investor")


def test_a_firms_bare_post_after_a_comma_is_in_the_firm_of_the_post_before():
    text = ("10日上午,云溪市人民政府与中宏新能控股集团有限公司战略合作协议签约仪式在云溪举行。"
            "云溪市委书记林晓,中宏新能控股集团有限公司党委书记、董事长秦望舒,总裁韩立出席。")
    f = facts(extract(article(text, dateline="2026-05-16")))
    assert ("holdsPosition", "韩立", "中宏新能控股集团有限公司", "总裁") in f, sorted(x for x in f if x[0] == "holdsPosition")


def test_the_bare_brand_of_a_group_named_in_full_is_the_group_not_its_regional_firm():
    text = ("中宏新能控股集团有限公司董事长秦望舒出席。"
            "根据协议,中宏新能将在云溪设立中宏新能(湖南)新能源有限公司,作为集团湖南区域总部。")
    f = facts(extract(article(text, dateline="2026-05-16")))
    assert "中宏新能控股集团有限公司" in _objects(f, "subsidiaryOf", "中宏新能(湖南)新能源有限公司"), sorted(x for x in f if x[0] == "subsidiaryOf")


_JV_TEXT = ("云溪市再生铜合资合作项目签约暨合资公司揭牌 项目总投资20亿元\n"
            "26日下午,云溪市再生铜合资合作项目签约暨合资公司揭牌仪式在云溪市举行。"
            "江苏铜信新材料股份有限公司与云溪市工业投资集团有限公司签署合资合作协议,双方共同出资设立的湖南铜信云溪新材料有限公司同时揭牌。"
            "云溪市人民政府与江苏铜信新材料股份有限公司签订年产10万吨再生铜杆项目投资协议,项目总投资20亿元。"
            "湖南铜信云溪新材料有限公司注册资本3亿元,其中江苏铜信新材料股份有限公司持股60%,由铜信新材副总经理韩立出任总经理。"
            "合资公司将负责投资建设年产10万吨再生铜杆项目,项目落户云溪工业园区。")


def test_a_joint_venture_in_an_events_name_is_no_firm_of_its_own():
    ex = extract(article(_JV_TEXT, dateline="2026-03-27"))
    firms = {n for n, t in types(ex).items() if t == "Company"}
    assert not any("暨" in n for n in firms), sorted(firms)


def test_an_appointee_named_by_you_takes_the_post_in_the_firm_the_sentence_opens_with():
    f = facts(extract(article(_JV_TEXT, dateline="2026-03-27")))
    assert ("holdsPosition", "韩立", "湖南铜信云溪新材料有限公司", "总经理") in f, sorted(x for x in f if x[0] == "holdsPosition")


def test_the_joint_venture_building_a_project_its_parent_signed_invests_too():
    f = facts(extract(article(_JV_TEXT, dateline="2026-03-27")))
    got = _objects(f, "investor", "年产10万吨再生铜杆项目")
    assert {"湖南铜信云溪新材料有限公司", "江苏铜信新材料股份有限公司"} <= got, sorted(got)


_HK_REPORT = ("主板上市的宏骏机电控股有限公司(宏骏机电)昨晚公布,集团已于上月18日与云溪市人民政府签订投资协议,"
              "于云溪经济开发区投资建设智能电机生产基地项目,总投资人民币8亿元。"
              "公告指,协议于上月18日在长沙举行的2026长沙装备制造产业投资合作洽谈会上签署。"
              "集团主席兼行政总裁何志远出席洽谈会,并与云溪市市长林晓代表双方签约。"
              "董事会同时宣布,委任执行董事韩立兼任宏骏(湖南)机电有限公司董事长,副总裁秦望舒出任该公司总经理。")


def test_a_hong_kong_report_s_group_signs_and_builds_where_it_says():
    f = facts(extract(article(_HK_REPORT, dateline="2026-11-03")))
    assert "宏骏机电控股有限公司" in _objects(f, "investor", "智能电机生产基地项目"), sorted(x for x in f if x[0] == "investor")
    assert "云溪经济开发区" in _objects(f, "locatedIn", "智能电机生产基地项目"), sorted(x for x in f if x[0] == "locatedIn")


def test_a_hong_kong_report_s_board_posts_are_the_reporting_firm_s():
    ex = extract(article(_HK_REPORT, dateline="2026-11-03"))
    f = facts(ex)
    assert "委任" not in types(ex)
    posts = {x for x in f if x[0] == "holdsPosition"}
    for person, org, title in (("何志远", "宏骏机电控股有限公司", "主席"), ("何志远", "宏骏机电控股有限公司", "行政总裁"),
                               ("韩立", "宏骏机电控股有限公司", "执行董事"), ("韩立", "宏骏(湖南)机电有限公司", "董事长"),
                               ("秦望舒", "宏骏机电控股有限公司", "副总裁"), ("秦望舒", "宏骏(湖南)机电有限公司", "总经理")):
        assert ("holdsPosition", person, org, title) in posts, sorted(posts)
    assert not any(p[1] == "秦望舒" and p[3] == "董事长" for p in posts), sorted(posts)


_TW_REPORT = ("LED大厂宏光电股份有限公司昨(20)日宣布,旗下子公司宏光农业科技(龙岩)有限公司投资的“永定智能温室项目”,"
              "已在龙岩举行的“第十届海峡两岸(龙岩)农业博览会”开幕式上正式签约。"
              "该专案总投资新台币6亿元,将落脚永定台湾农民创业园,建设智慧温室。"
              "开幕式上共签约两岸农业合作专案15个,总投资约人民币32亿元。")


def test_a_taiwan_paper_s_quoted_project_its_zhuanan_and_its_counts():
    f = facts(extract(article(_TW_REPORT, dateline="2026-05-21")))
    p, ev = "永定智能温室项目", "第十届海峡两岸(龙岩)农业博览会"
    assert "宏光农业科技(龙岩)有限公司" in _objects(f, "investor", p), sorted(x for x in f if x[0] == "investor")
    assert _objects(f, "locatedIn", p) == {"永定台湾农民创业园"}, sorted(x for x in f if x[0] == "locatedIn")
    assert {int(o.value) for o in _objects(f, "investment", p)} == {600000000}
    assert 15 in _objects(f, "projectCount", ev), sorted(x for x in f if x[1] == ev)
