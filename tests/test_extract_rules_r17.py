"""Names, posts, counts and signings on hand-written sentences (seventeenth file: rules of session 37).

Each names firms, people and projects invented for the test, never those of a gold file."""

from extract_helpers import article, facts, types

from kg.extract import extract
from kg.model import Amount


def _amounts(f: set, pred: str, subject: str) -> set:
    return {o for p, s, o in (x[:3] for x in f) if p == pred and s == subject}


def test_a_bare_city_post_after_an_official_of_the_parent_city_is_the_home_citys():
    text = ("新泰市2026年四季度重大项目集中开工活动举行。新泰此次开工项目22个。"
            "市委书记郑远航宣布项目开工,市委副书记、市长许长林致辞,泰安市副市长邵一鸣,"
            "市人大常委会主任霍连生,市政协主席白秀英等出席活动。新泰将强化要素保障。")
    f = facts(extract(article(text, dateline="2026-11-20")))
    posts = {(x[1], x[2]) for x in f if x[0] == "holdsPosition"}
    assert ("霍连生", "新泰市人大常委会") in posts and ("白秀英", "新泰市政协") in posts, posts
    assert not any(o and o.startswith("泰安") for _, o in posts), posts


def test_a_qualified_city_still_leads_the_bare_posts_after_it():
    text = ("甲州·新泰产业合作推进会在新泰举行。泰安市委书记郑远航,市委副书记、市长许长林;"
            "新泰市委书记何立言,市委副书记、市长罗一帆出席推进会。")
    posts = {(x[1], x[2]) for x in facts(extract(article(text, dateline="2026-11-20"))) if x[0] == "holdsPosition"}
    assert ("许长林", "泰安市委") in posts and ("罗一帆", "新泰市委") in posts, posts


def test_two_verbs_the_dictionary_holds_as_one_word_end_a_name():
    text = ("新泰城发储能科技有限公司当天开工建设200MW/400MWh独立储能电站项目,总投资7.2亿元。"
            "考察组实地考察企业研发中心和生产车间。本次投资尚需提交公司股东大会审议。")
    ex = extract(article(text, dateline="2026-11-20"))
    t = types(ex)
    assert t.get("200MW/400MWh独立储能电站项目") == "Project", t
    assert not any(k.startswith(("开工建设", "实地考察", "尚需")) for k in t), t
    assert not any(v == "Event" for v in t.values()), t  # (a shareholders' meeting is no event of the genre)


def test_a_clause_subject_and_its_verb_or_a_venue_word_name_no_project():
    text = ("今年以来,新泰坚持项目为王,深入开展项目攻坚活动。"
            "作为分会场主项目,泰山恒宇新材料有限公司年产20万吨精密铝箔项目总投资31亿元。")
    t = types(extract(article(text, dateline="2026-11-20")))
    assert "新泰坚持项目" not in t and "分会场主项目" not in t, t
    assert t.get("年产20万吨精密铝箔项目") == "Project", t


def test_a_province_wide_event_keeps_its_own_totals_not_the_home_countys_share():
    text = ("全省秋季重大项目集中开工 新泰25个项目总投资96亿元\n"
            "昨(15)日上午,河南省2026年秋季重大项目集中开工活动举行。全省此次集中开工项目1500个,总投资6000亿元。"
            "新泰市分会场设在新泰经济开发区,主项目为年产20万吨精密铝箔项目。新泰此次集中开工项目25个,总投资96亿元。"
            "此次开工的25个项目中,新材料项目9个、新能源项目7个。")
    f = facts(extract(article(text, dateline="2026-09-16")))
    ev = "河南省2026年秋季重大项目集中开工活动"
    assert _amounts(f, "projectCount", ev) == {1500}, sorted(x for x in f if x[1] == ev)
    assert _amounts(f, "investment", ev) == {Amount(600000000000, "CNY")}, sorted(x for x in f if x[1] == ev)
    assert ("location", ev, "新泰经济开发区") in f, sorted(x for x in f if x[0] == "location")


def test_the_sectors_a_count_of_traditional_industries_closes():
    t = types(extract(article("推动精品钢材、现代纺织两大传统产业转型升级。", dateline="2026-09-16")))
    assert t.get("精品钢材") == "Industry" and t.get("现代纺织") == "Industry", t


def test_a_list_of_signed_projects_after_a_colon_runs_over_its_semicolons():
    text = ("8日下午,2026新泰(杭州)起重装备产业招商推介会在杭州举行。推介会上,10个项目现场签约,总投资52亿元。主要签约项目包括:杭州启衡装备有限公司投资8亿元的智能起重机器人项目,"
            "落户新泰经济开发区;宁波承泰传动有限公司投资2000万美元的起重减速机项目;以及防腐涂料产业园项目、"
            "智慧物流仓储中心项目等。")
    ex = extract(article(text, dateline="2026-07-10"))
    f, t = facts(ex), types(ex)
    signed = {s for p, s, o in (x[:3] for x in f) if p == "signedAt"}
    for proj in ("智能起重机器人项目", "起重减速机项目", "防腐涂料产业园项目", "智慧物流仓储中心项目"):
        assert proj in signed, (proj, sorted(signed))
    assert "智慧物流" not in t, t


def test_a_quoted_programme_before_projects_is_the_programme_alone():
    text = ("新泰经开区一季度“双招双引”项目集中签约 16个项目总投资53亿元\n今天上午,新泰经济开发区2026年一季度项目集中签约仪式举行。"
            "要坚持把“双招双引”作为推动发展的关键抓手,围绕汽车零部件、电子元器件、高端装备等主导产业精准招商。")
    ex = extract(article(text, dateline="2026-03-27"))
    t, f = types(ex), facts(ex)
    assert t.get("双招双引") == "Initiative" and "双招双引项目" not in t, t
    assert not any(p == "inIndustry" and s == "双招双引" for p, s, o in (x[:3] for x in f)), f


def test_a_kind_of_project_and_the_rest_of_those_signed_are_no_name_and_no_count():
    text = ("今天上午,新泰经济开发区一季度项目集中签约仪式举行,14个项目集中签约,总投资40亿元。"
            "上海启衡电子有限公司投资6亿元建设车规级电容器项目,属电子元器件产业补链项目。"
            "此外,热管理系统项目、混炼胶项目等8个项目也在仪式上集中签约。")
    ex = extract(article(text, dateline="2026-03-27"))
    t, f = types(ex), facts(ex)
    assert "电子元器件产业补链项目" not in t, t
    assert _amounts(f, "projectCount", "新泰经济开发区一季度项目集中签约仪式") == {14}, f


def test_a_firm_spending_yen_in_the_signing_paragraph_signed_there_and_a_firm_alone_signs_its_project():
    text = ("今天上午,新泰经济开发区一季度项目集中签约仪式举行,6个项目集中签约。\n"
            "此次签约项目中,既有增资扩产项目,也有补链项目。泰山瑞鼎密封科技股份有限公司签约密封系统扩产项目,总投资9.8亿元。"
            "日本丸光工业株式会社投资18亿日元建设精密铸件项目。由新泰国有资本投资运营集团有限公司与江苏承泰机器人有限公司"
            "合资设立的新泰承泰智能装备有限公司,签约建设精密减速器项目,总投资5亿元。\n")
    f = facts(extract(article(text, dateline="2026-03-27")))
    ev = "新泰经济开发区一季度项目集中签约仪式"
    assert ("signedAt", "精密铸件项目", ev) in f, sorted(x for x in f if x[0] == "signedAt")
    assert ("investor", "密封系统扩产项目", "泰山瑞鼎密封科技股份有限公司") in f, sorted(x for x in f if x[0] == "investor")
    assert ("investor", "精密减速器项目", "新泰承泰智能装备有限公司") in f, sorted(x for x in f if x[0] == "investor")


def test_a_listed_firms_new_base_its_ceremony_subsidiary_and_what_is_no_name():
    text = ("2026年12月03日 07:45 来源:证券时报网\n"
            "湖南启瓷电子科技股份有限公司(以下简称“启瓷电子”)昨晚发布公告称,拟在新泰经济开发区投资建设"
            "新泰电子陶瓷产业基地项目(以下简称“新泰基地项目”),项目总投资约25亿元。"
            "启瓷电子拟以自有资金5亿元在新泰设立全资子公司新泰启瓷新材料有限公司,作为新泰基地项目的实施主体。"
            "同时,基金规模2亿元,其中启瓷电子作为有限合伙人认缴8000万元。"
            "记者获悉,新泰基地项目签约仪式已于2日下午在新泰经济开发区举行。"
            "双方将把新泰基地项目打造成为全省电子陶瓷产业标杆项目。")
    ex = extract(article(text, dateline="2026-12-03"))
    t, f = types(ex), facts(ex)
    ev = "新泰基地项目签约仪式"
    assert t.get(ev) == "Event", t
    assert ("signedAt", "新泰电子陶瓷产业基地项目", ev) in f, sorted(x for x in f if x[0] == "signedAt")
    assert any(p == "date" and s == ev and getattr(o, "value", None) == "2026-12-02" for p, s, o in (x[:3] for x in f)), f
    assert ("subsidiaryOf", "新泰启瓷新材料有限公司", "湖南启瓷电子科技股份有限公司") in f, f
    assert "中启瓷电子" not in t and not any("标杆项目" in k for k in t), t
    assert t.get("电子陶瓷") == "Industry", t


def test_a_product_of_a_sector_names_no_sector_and_no_brand():
    text = "台瑞电子(新泰)有限公司积层陶瓷电容一期项目投资1.5亿美元,月产能30亿颗积层陶瓷电容。"
    ex = extract(article(text, dateline="2026-03-27"))
    t, f = types(ex), facts(ex)
    assert "陶瓷" not in t and "积层" not in t, t
    assert not any(p == "investor" and o == "积层" for p, s, o in (x[:3] for x in f)), f


def test_posts_held_before_are_dropped_and_a_firms_bare_posts_go_to_the_firm():
    text = ("LED面板厂瑞晟光电(3591)昨日公告,董事会通过将营运总部迁往福清,同时任命现任副总经理林立远为华东区总经理,"
            "11月1日起生效;原华东区总经理吴俊豪届龄退休。瑞晟光电表示,将由旗下全资子公司瑞晟光电(福清)有限公司承接大陆业务。新任华东区总经理林立远现年52岁。"
            "松原市委书记王海岩出席。")
    ex = extract(article(text, dateline="2026-10-22"))
    f, t = facts(ex), types(ex)
    posts = {(x[1], x[2], x[3]) for x in f if x[0] == "holdsPosition"}
    assert ("林立远", "瑞晟光电", "副总经理") in posts and ("林立远", "瑞晟光电", "华东区总经理") in posts, posts
    assert not any(p == "吴俊豪" for p, _, _ in posts), posts  # (原: no longer his post)
    assert ("王海岩", "松原市委", "市委书记") in posts, posts  # (the 原 of 松原 is no former post)
    assert not any(k.startswith(("任命", "新任", "原")) for k in t), t


def test_a_project_quoted_whole_after_a_pointing_word_and_its_total():
    text = ("瑞晟光电将对瑞晟光电(福清)有限公司增资5,000万美元,用于建置新产线,该“Mini LED背光模组扩产项目”总投资约新台币35亿元。"
            "名单首次设立“新质生产力项目”专项。")
    ex = extract(article(text, dateline="2026-10-22"))
    f, t = facts(ex), types(ex)
    proj = next((k for k in t if k.endswith("背光模组扩产项目")), None)
    assert proj is not None and t[proj] == "Project", t
    assert ("investment", proj, Amount(3500000000, "TWD")) in f, f
    assert "新质生产力项目" not in t, t


def test_a_consortiums_office_sitting_in_a_park_does_not_move_its_founders_there():
    text = ("12日,云南省锂系储能材料创新联合体成立大会在安宁市举行。中国工程院院士赵永平等出席大会。创新联合体由云南天锂化工集团股份有限公司牵头,"
            "联合昆明理工大学、云南锂源新能源科技有限公司等15家单位共同组建,秘书处设在安宁工业园区。"
            "会上,天锂化工董事长李振国当选联合体首任理事长,赵永平受聘为联合体首席科学家。")
    ex = extract(article(text, dateline="2026-05-12", title="安宁组建省级锂系储能材料创新联合体"))
    f, t = facts(ex), types(ex)
    assert not any(x[0] == "settledIn" for x in f), sorted(x for x in f if x[0] == "settledIn")
    assert t.get("云南省锂系储能材料创新联合体") == "Association", t
    assert not any(k.startswith("省级") for k in t), t
    assert "永平" not in t and t.get("赵永平") == "Person", t
    posts = {(x[1], x[2]) for x in f if x[0] == "holdsPosition"}
    assert ("赵永平", "云南省锂系储能材料创新联合体") in posts, posts


def test_a_ceremony_held_after_an_opening_its_sections_and_their_projects():
    text = ("银杏博览会开幕 30个项目集中签约\n"
            "26日上午,2026中国·新沂银杏博览会在新沂开幕。\n"
            "开幕式后举行的经贸洽谈暨重大项目签约仪式上,30个项目现场签约,总投资150亿元。分板块看,半导体材料项目10个、"
            "总投资60亿元,新能源项目8个、总投资50亿元,生态木业项目7个、总投资25亿元,林果深加工项目5个、总投资15亿元。\n"
            "半导体材料板块中,江苏芯泰半导体材料有限公司投资20亿元建设12英寸硅片再生项目;韩国大成精工株式会社投资5000万美元"
            "建设半导体设备精密零部件项目。生态木业板块中,德国豪森木业集团投资3000万欧元,在新沂高新区建设定制家居板材项目。\n")
    ex = extract(article(text, dateline="2026-10-27"))
    f, t = facts(ex), types(ex)
    ev = "经贸洽谈暨重大项目签约仪式"
    for proj in ("12英寸硅片再生项目", "半导体设备精密零部件项目", "定制家居板材项目"):
        assert ("signedAt", proj, ev) in f, (proj, sorted(x for x in f if x[0] == "signedAt"))
    assert ("inIndustry", "12英寸硅片再生项目", "半导体材料") in f and ("inIndustry", "定制家居板材项目", "生态木业") in f, \
        sorted(x for x in f if x[0] == "inIndustry")
    assert t.get("生态木业") == "Industry" and t.get("林果深加工") == "Industry", t
    assert any(x[0] == "date" and x[1] == ev and x[2].value == "2026-10-26" for x in f), sorted(x for x in f if x[0] == "date")


def test_the_rest_of_a_breakdown_by_sector_names_no_sector():
    text = "推介会上,12个项目现场签约,其中起重装备类项目5个、医疗器械类项目4个、其他项目3个。"
    t = types(extract(article(text, dateline="2026-07-10")))
    assert "其他" not in t, t


def test_a_plan_named_by_its_years_in_the_headline_is_the_plan_named_in_full():
    text = ("新泰发布汽车零部件产业集群三年行动方案 到2028年产值突破500亿元\n"
            "今天上午,新泰市召开新闻发布会,正式发布《新泰市汽车零部件产业集群高质量发展行动方案(2026—2028年)》。")
    t = types(extract(article(text, dateline="2026-03-27")))
    assert "三年行动方案" not in t, t
    assert t.get("新泰市汽车零部件产业集群高质量发展行动方案(2026—2028年)") == "Initiative", t


def test_a_tour_of_a_zones_parks_and_of_the_same_park_again():
    text = ("6日,区委书记郑远航到新泰高新区的凤鸣湖产业园和新泰大数据产业园,走访调研重点工业企业。\n"
            "在凤鸣湖产业园,郑远航首先来到鸿驰自动驾驶科技有限公司。\n"
            "随后,在同一园区,郑远航来到鸿锐数控机床股份有限公司,走进装配车间。\n")
    f = facts(extract(article(text, dateline="2026-12-06")))
    assert ("locatedIn", "凤鸣湖产业园", "新泰高新区") in f and ("locatedIn", "新泰大数据产业园", "新泰高新区") in f, \
        sorted(x for x in f if x[0] == "locatedIn")
    assert ("locatedIn", "鸿锐数控机床股份有限公司", "凤鸣湖产业园") in f, sorted(x for x in f if x[0] == "locatedIn")


def test_a_co_built_cooperation_park_and_the_firms_that_all_moved_in():
    text = ("今天上午,粤桂(顺德·新泰)产业合作园揭牌暨首批企业入驻仪式在新泰市举行。合作园由新泰市人民政府与佛山市顺德区人民政府共建。\n"
            "其中,广东美瑞电器有限公司投资8亿元建设小家电配件项目,佛山康乐食品有限公司投资3亿元建设休闲食品项目,"
            "两家企业均为首批入驻合作园企业。\n")
    ex = extract(article(text, dateline="2026-12-02"))
    f, t = facts(ex), types(ex)
    park = "粤桂(顺德·新泰)产业合作园"
    assert t.get(park) == "Park", t
    for firm in ("广东美瑞电器有限公司", "佛山康乐食品有限公司"):
        assert ("settledIn", firm, park) in f, (firm, sorted(x for x in f if x[0] == "settledIn"))


def test_amdo_tibetan_names_and_sectors_of_the_salt_lakes():
    text = "新泰市委副书记、市长才让多杰出席仪式。签约项目涵盖盐湖化工、镁基新材料、蓄电池等领域。"
    t = types(extract(article(text, dateline="2026-06-18")))
    assert t.get("才让多杰") == "Person", t
    for sector in ("盐湖化工", "镁基新材料", "蓄电池"):
        assert t.get(sector) == "Industry", (sector, t)


def test_a_firms_own_fund_and_its_bare_references():
    text = ("瀚川控股伙新泰国企设30亿人民币新能源基金\n"
            "港股上市公司瀚川控股昨日公布,集团与新泰市签署一系列合作协议,包括成立园区运营合资公司及共同发起新能源产业基金。"
            "仪式上,瀚川控股旗下全资附属公司瀚川资本管理(香港)有限公司与新泰产业投资集团有限公司签署合资协议。"
            "仪式上,新泰瀚川新能源产业投资基金同时启动,基金目标规模30亿元。")
    ex = extract(article(text, dateline="2026-06-19"))
    f, t = facts(ex), types(ex)
    funds = [k for k, v in t.items() if v == "Fund"]
    assert funds == ["新泰瀚川新能源产业投资基金"], funds
    assert not any(x[0] == "inIndustry" and x[1] == funds[0] for x in f), sorted(x for x in f if x[0] == "inIndustry")
    assert "瀚川新能源" not in t, t
    assert ("subsidiaryOf", "瀚川资本管理(香港)有限公司", "瀚川控股") in f, sorted(x for x in f if x[0] == "subsidiaryOf")
