"""Tests for gazette.metadata: kind, 文号/令号, issuer, signing and effective dates."""

import pytest

from gazette.metadata import extract_metadata, signature_before
from gazette.models import Kind

REGULATION = """山东省人民政府令
第 336 号
《山东省电力设施和电能保护办法》已经2020年10月30日省政府第94次常务会议通过，现予公布，自2021年1月1日起施行。
省长　李干杰
2020 年 11 月 12 日
山东省电力设施和电能保护办法
第一章　总　则
第一条　为了保障电力设施安全，制定本办法。
第五十条　本办法自2021年1月1日起施行。""".splitlines()

NORMATIVE = """山东省人民政府关于印发山东省
促进民营经济发展若干措施的通知
鲁政发［２０２３］５号
各市人民政府，省政府各部门：
现将《山东省促进民营经济发展若干措施》印发给你们，请认真贯彻执行。本通知自2023年4月1日起施行。
山东省人民政府
二〇二三年三月一日
（此件公开发布）
附件：统计表
填表日期：2023年3月5日""".splitlines()

JOINT = """关于进一步做好稳就业工作的通知
鲁人社发〔2022〕8号
各市人力资源社会保障局、财政局：
为做好稳就业工作，现通知如下。本通知自印发之日起施行。
山东省人力资源和社会保障厅　　山东省财政厅
国家税务总局山东省税务局
山东省发展和改革
委员会
2022年5月6日""".splitlines()


def test_regulation_order_block() -> None:
    meta = extract_metadata(REGULATION, title="山东省电力设施和电能保护办法")
    assert meta.kind is Kind.REGULATION
    assert meta.doc_number == "山东省人民政府令第336号"
    assert meta.issuer == "山东省人民政府"
    assert meta.signed_date == "2020-11-12"
    assert meta.effective_date == "2021-01-01"


def test_ministry_order_drops_state_prefix() -> None:
    lines = ["中华人民共和国国家安全部令", "第2号", "《办法》已经部务会审议通过，现予公布，自公布之日起施行。", "部长　陈文清", "2022年6月6日", "公民举报危害国家安全行为奖励办法"]
    meta = extract_metadata(lines, title="公民举报危害国家安全行为奖励办法")
    assert meta.issuer == "国家安全部"
    assert meta.doc_number == "中华人民共和国国家安全部令第2号"
    assert meta.effective_date == "2022-06-06"


def test_normative_notice() -> None:
    meta = extract_metadata(NORMATIVE, title="山东省人民政府关于印发山东省促进民营经济发展若干措施的通知", section="省政府文件")
    assert meta.kind is Kind.NORMATIVE
    assert meta.doc_number == "鲁政发〔2023〕5号"
    assert meta.issuer == "山东省人民政府"
    assert meta.signed_date == "2023-03-01"
    assert meta.effective_date == "2023-04-01"


def test_joint_issuers_with_wrapped_and_spaced_names() -> None:
    meta = extract_metadata(JOINT, title="关于进一步做好稳就业工作的通知")
    assert meta.issuer == "山东省人力资源和社会保障厅、山东省财政厅、国家税务总局山东省税务局、山东省发展和改革委员会"
    assert meta.signed_date == "2022-05-06"
    assert meta.effective_date == "2022-05-06"


def test_proxy_seal_is_dropped() -> None:
    lines = ["国务院应对新型冠状病毒肺炎", "疫情联防联控机制综合组", "（国家卫生健康委代章）", "2022 年 6 月27 日"]
    assert signature_before(lines, 3) == ["国务院应对新型冠状病毒肺炎疫情联防联控机制综合组"]


def test_section_decides_kind() -> None:
    assert extract_metadata(["《办法》解读", "一、背景"], title="《办法》解读", section="政策解读").kind is Kind.INTERPRETATION
    assert extract_metadata(["关于张三等任职的通知"], title="关于张三等任职的通知", section="人事任免").kind is Kind.PERSONNEL
    assert extract_metadata(["关于同意设立某某开发区的批复", "鲁政字〔2023〕9号"], title="关于同意设立某某开发区的批复", section="省政府文件").kind is Kind.NORMATIVE
    assert extract_metadata(["关于同意设立某某开发区的批复", "某某市人民政府："], title="关于同意设立某某开发区的批复").kind is Kind.OTHER


def test_judicial_interpretation_is_normative_even_as_a_reply() -> None:
    lines = ["最高人民法院关于审理某某案件适用法律问题的批复", "法释〔2021〕3号", "（2021年2月1日最高人民法院审判委员会第1830次会议通过，自2021年3月1日起施行）",
             "某某省高级人民法院：", "你院请示收悉。经研究，批复如下：", "此复。", "最高人民法院", "2021年2月5日"]
    meta = extract_metadata(lines, title=lines[0])
    assert meta.kind is Kind.NORMATIVE and meta.doc_number == "法释〔2021〕3号"


def test_addressed_and_signed_notice_without_a_number_is_normative() -> None:
    lines = ["某某市人民政府关于做好防汛工作的通知", "各区人民政府，市政府各部门：", "现就做好防汛工作通知如下。", "某某市人民政府", "2023年6月1日"]
    meta = extract_metadata(lines, title=lines[0])
    assert meta.kind is Kind.NORMATIVE and meta.doc_number is None and meta.issuer == "某某市人民政府"


@pytest.mark.parametrize("header, issuer, signed, number", [
    (["（2017年8月31日清河市第八届人民代表大会常务委员会第五次会议通过　2017年9月30日某某省第十二届人民代表大会常务委员会第三十二次会议批准）"],
     "清河市人民代表大会常务委员会", "2017-08-31", None),
    (["（2017年8月31日清河市第八届人民代表大会常务委员会", "第五次会议通过　2017年9月30日某某省第十二届人民", "代表大会常务委员会第三十二次会议批准）"],
     "清河市人民代表大会常务委员会", "2017-08-31", None),
    (["2017年8月31日清河市第八届人民代表大会常务委员会第五次会议通过", "2017年9月30日某某省第十二届人民代表大会常务委员会第三十二次会议批准"],
     "清河市人民代表大会常务委员会", "2017-08-31", None),
    (["（2021年4月29日第十三届全国人民代表大会常务委员会第二十八次会议通过）"], "全国人民代表大会常务委员会", "2021-04-29", None),
    (["（2019年5月6日广东省人民政府令第261号公布　自2019年7月1日起施行）"], "广东省人民政府", "2019-05-06", "广东省人民政府令第261号"),
])
def test_adoption_header_gives_issuer_date_and_order_number(header: list[str], issuer: str, signed: str, number: str | None) -> None:
    lines = ["清河市城市绿化条例", *header, "第一章　总则", "第一条　为了加强城市绿化工作，制定本条例。"]
    meta = extract_metadata(lines, title=lines[0])
    assert (meta.issuer, meta.signed_date, meta.doc_number, meta.kind) == (issuer, signed, number, Kind.REGULATION)


def test_law_with_a_presidential_order_is_issued_by_the_body_that_adopted_it() -> None:
    lines = ["中华人民共和国主席令", "第七十九号", "《中华人民共和国某某法》已由中华人民共和国第十三届全国人民代表大会常务委员会第二十八次会议于2021年4月29日通过，现予公布，自2021年9月1日起施行。",
             "中华人民共和国主席　习近平", "2021年4月29日", "中华人民共和国某某法", "第一条　为了……，制定本法。"]
    meta = extract_metadata(lines, title="中华人民共和国某某法")
    assert (meta.issuer, meta.signed_date, meta.effective_date, meta.kind) == ("全国人民代表大会常务委员会", "2021-04-29", "2021-09-01", Kind.REGULATION)


def test_traditional_characters_are_read_through_their_fold_and_given_as_printed() -> None:
    lines = ["廣州市人民政府辦公廳關於印發廣州市某某管理辦法的通知", "穗府辦〔2021〕5號", "各區人民政府，市政府各部門、各直屬機構：",
             "現將《廣州市某某管理辦法》印發給你們，請認真貫徹執行。", "廣州市人民政府辦公廳", "2021年3月5日"]
    meta = extract_metadata(lines, title=lines[0])
    assert (meta.kind, meta.issuer, meta.doc_number, meta.signed_date) == (Kind.NORMATIVE, "廣州市人民政府辦公廳", "穗府辦〔2021〕5號", "2021-03-05")
    assert meta.title == lines[0]


def test_issuer_falls_back_to_title() -> None:
    meta = extract_metadata(["山东省人民政府办公厅关于做好春节工作的通知", "各市人民政府："], title="山东省人民政府办公厅关于做好春节工作的通知")
    assert meta.issuer == "山东省人民政府办公厅"


@pytest.mark.parametrize("above", ["特此通知", "三、保障措施", "（二）工作要求", "第十条　附则", "抓好落实的", "以上意见请遵照执行"])
def test_short_body_lines_above_a_signature_are_not_its_issuer(above: str) -> None:
    lines = ["各地要认真做好有关工作。", above, "山东省人民政府办公厅", "2023年1月5日"]
    assert signature_before(lines, 3) == ["山东省人民政府办公厅"]


def test_judicial_interpretation_under_a_joint_announcement_keeps_its_fashi_number() -> None:
    lines = ["最高人民法院", "最高人民检察院", "公　　告",
             "《最高人民法院、最高人民检察院关于办理拒不支付劳动者报酬刑事案件适用法律若干问题的解释》已于2020年2月17日由最高人民法院审判委员会第1840次",
             "会议、2020年3月24日由最高人民检察院第十三届检察委员会第三十八次会议通过，现予公布，自2020年4月29日起施行。",
             "最高人民法院", "最高人民检察院", "2020年4月7日",
             "最高人民法院　最高人民检察院关于办理拒不支付劳动者报酬刑事案件适用法律",
             "若干问题的解释", "法释〔2020〕9号",
             "（2020年2月17日最高人民法院审判委员会第1840次会议、2020年3月24日最高人民检察院第十三届检察委员会第三十八次会议通过，自2020年4月29日起施行）",
             "为依法惩治拒不支付劳动者报酬犯罪，制定本解释。"]
    title = "最高人民法院最高人民检察院关于办理拒不支付劳动者报酬刑事案件适用法律若干问题的解释"
    meta = extract_metadata(lines, title=title)
    assert meta.doc_number == "法释〔2020〕9号" and meta.kind is Kind.NORMATIVE
    assert meta.issuer == "最高人民法院、最高人民检察院" and meta.signed_date == "2020-02-17"


def test_title_line_carrying_its_wenhao_gives_the_wenhao_alone() -> None:
    lines = ["广东省人民政府关于调整桃源市青龙山自", "然保护区范围的批复　粤政字〔2017〕4号", "桃源市人民政府：",
             "你市请示收悉。现批复如下：", "此复。", "广东省人民政府", "2017年2月6日"]
    meta = extract_metadata(lines, title="广东省人民政府关于调整桃源市青龙山自然保护区范围的批复")
    assert meta.doc_number == "粤政字〔2017〕4号" and meta.kind is Kind.NORMATIVE


def test_wenhao_in_parentheses_on_its_own_line_makes_a_notice_normative() -> None:
    lines = ["关于印发《云南省防治陆源污染物污染损害海洋环境管理办法》的通知", "（云司规〔2021〕30号）",
             "各市有关部门，有关单位：", "现印发给你们，请认真贯彻执行。", "云南省司法厅", "二〇二一年八月四日"]
    meta = extract_metadata(lines, title=lines[0], section="省政府部门文件")
    assert meta.kind is Kind.NORMATIVE and meta.doc_number == "云司规〔2021〕30号"


def test_speech_is_dated_by_its_byline_and_issued_by_the_speakers_organ() -> None:
    lines = ["关于《河北省计量监督管理条例（草案）》的说明", "——2022年1月8日在河北省第十三届人民代表大会常务委员会第二十五次会议上",
             "河北省司法厅厅长　黄东若", "各位副主任、秘书长、各位委员：", "我受河北省人民政府委托，现就草案作如下说明。"]
    meta = extract_metadata(lines, title=lines[0])
    assert (meta.issuer, meta.signed_date) == ("河北省司法厅", "2022-01-08")


def test_order_number_keeps_its_year_and_publication_day_is_the_signature() -> None:
    rule = ["音像制品进口管理办法", "（2023年9月1日农业农村部令2023年第28号公布　自2023年11月1日起施行）", "第一条　为了加强管理，制定本办法。"]
    assert extract_metadata(rule, title=rule[0]).doc_number == "农业农村部令2023年第28号"
    reply = ["法释〔2022〕14号", "最高人民法院关于网络司法拍卖中竞买人悔拍后保证金处理问题的批复",
             "（2022年5月25日最高人民法院审判委员会第1823次会议通过，自公布之日起施行）", "湖北省高级人民法院：",
             "你院请示收悉。经研究，批复如下：", "三、本批复自公布之日起施行。", "最高人民法院", "2022年6月18日"]
    meta = extract_metadata(reply, title=reply[1])
    assert (meta.signed_date, meta.effective_date, meta.kind) == ("2022-05-25", "2022-06-18", Kind.NORMATIVE)


def test_wrapped_addressees_and_closing_office_of_an_interpretation() -> None:
    lines = ["农业农村部关于全面推行行政执法公示制度的指导意见", "各省、自治区、直辖市及计划单列市农业农村（农牧）厅（局、委），新疆生产建设",
             "兵团农业农村局：", "现提出如下意见。", "农业农村部", "2023年9月22日"]
    assert extract_metadata(lines, title=lines[0]).kind is Kind.NORMATIVE
    reading = ["《农业农村部关于某事的通知》解读", "一、出台背景", "为贯彻落实决策部署，起草了通知。", "（农业农村部法制司）"]
    assert extract_metadata(reading, title=reading[0]).issuer == "农业农村部法制司"
