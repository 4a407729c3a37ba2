"""Tests for reading the 目录."""

from gazette.models import Page
from gazette.toc import find_toc_pages, parse_toc

TOC = """目　录
【省政府规章】
山东省重大行政决策程序规定（山东省人民政府令第336号）…………… 1
省政府文件
山东省人民政府关于印发山东省深化“放管服”改革
优化营商环境若干措施的通知…………………………………………… 12
（鲁政发〔２０２３〕5号）
山东省人民政府关于公布第一批省级文物保护单位的通知（鲁政字[2023]12号）.......... 20
政策解读
《山东省重大行政决策程序规定》解读 ······························ 31""".split("\n")


def test_sections_titles_numbers_and_pages() -> None:
    entries = parse_toc(TOC)
    assert [(e.section, e.printed_page) for e in entries] == [
        ("省政府规章", 1), ("省政府文件", 12), ("省政府文件", 20), ("政策解读", 31)]
    assert entries[0].title == "山东省重大行政决策程序规定"
    assert entries[0].doc_number == "山东省人民政府令第336号"
    assert entries[1].title == "山东省人民政府关于印发山东省深化“放管服”改革优化营商环境若干措施的通知"
    assert entries[1].doc_number == "鲁政发〔２０２３〕5号"
    assert entries[2].doc_number == "鲁政字[2023]12号"
    assert entries[3].doc_number is None


def test_toc_pages_found_after_cover_with_continuation() -> None:
    cover = Page(1, None, ("山东省人民政府公报", "2023年第1期"))
    first = Page(2, None, tuple(TOC[:6]))
    cont = Page(3, None, tuple(TOC[6:]) + ("关于某事项的通知……………… 40",))
    body = Page(4, 1, ("山东省人民政府令", "第336号", "《山东省重大行政决策程序规定》已经通过。"))
    assert find_toc_pages([cover, first, cont, body], first=1) == [1, 2]


def test_no_toc() -> None:
    body = Page(1, 1, ("联防联控机制综发〔2022〕71号", "关于印发新型冠状病毒肺炎防控方案", "（第九版）的通知"))
    assert find_toc_pages([body], first=0) == []


def _toc_pages(entries_per_page: int, pages: int, first_page: int) -> list[Page]:
    out, n = [], 0
    for index in range(pages):
        lines = ["目　录"] if index == 0 else []
        for _ in range(entries_per_page):
            n += 1
            lines.append(f"山东省人民政府办公厅关于第{n}项工作的通知……………… {first_page + n // 3}")
        out.append(Page(2 + index, None, tuple(lines)))
    return out


def test_toc_of_many_pages_is_found_whole() -> None:
    """Eight 目录 pages (the old reader stopped after four and the rest became a document)."""
    cover = Page(1, None, ("山东省人民政府公报", "2023年第1期"))
    toc = _toc_pages(40, 8, first_page=1)
    body = [Page(10 + k, 1 + k, (f"山东省人民政府办公厅关于第{k}项工作的通知", "各市人民政府：", "现将有关事项通知如下。")) for k in range(5)]
    assert find_toc_pages([cover, *toc, *body], first=1) == list(range(1, 9))


def test_toc_page_holding_one_huge_title_is_still_toc() -> None:
    """A 2,000-character title wrapped over a whole 目录 page: the page has one entry line
    among fifty, yet it lies before the page the first entry points to."""
    cover = Page(1, None, ("山东省人民政府公报", "2023年第1期"))
    first = Page(2, None, ("目　录", "山东省人民政府关于甲事项的通知……………… 1", "山东省人民政府关于乙事项的通知……………… 3"))
    huge = "关于" + "规范行政裁量权基准制定和管理工作" * 118 + "的通知"
    wrapped = tuple(huge[i:i + 40] for i in range(0, len(huge), 40))
    second = Page(3, None, wrapped[:-1] + (wrapped[-1] + "……………… 5",))
    body = [Page(4 + k, 1 + k, ("山东省人民政府关于甲事项的通知", "各市人民政府：", "现将有关事项通知如下。")) for k in range(6)]
    assert find_toc_pages([cover, first, second, *body], first=1) == [1, 2]
    assert len(parse_toc([line for p in (first, second) for line in p.lines])[-1].title) == len(huge)


def test_toc_without_page_folios_stops_where_numbers_fall_back() -> None:
    """With no folio to aim at, the 目录 is the run of 目录-like pages whose numbers rise."""
    cover = Page(1, None, ("山东省人民政府公报", "2023年第1期"))
    toc = [Page(2 + i, None, tuple(p.lines)) for i, p in enumerate(_toc_pages(40, 6, first_page=1))]
    table = Page(8, None, ("附件", "序号　项目名称　　　页数", "项目甲　　　　3", "项目乙　　　　4", "项目丙　　　　5"))
    assert find_toc_pages([cover, *toc, table], first=1) == list(range(1, 7))


def test_toc_layouts_seen_in_other_gazettes() -> None:
    """目录 styles of other gazettes (bench/indep*, written apart from this reader)."""
    lines = [
        "本 期 目 录", "文件名称序号 页码",  # a table: the serial number extracts after the title
        "—— 省政府规章 ——",
        "某某省网络表演经纪机构管理办法1． 1", "某某省人民政府令第104号",
        "某某省突发林业有害生物事件处置办法967", "某某省人民政府令第105号",  # page number set flush
        "◎地方性法规",
        "某某市院前医疗急救管理条例 5", "（2016年8月20日通过）",  # one space, then a note under the entry
        "全国人大常委会决定",
        "全国人民代表大会常务委员会关于修改《某某法》的决定 — 207", "中华人民共和国主席令第三十三号",
        "司法解释",
        "最高人民法院　最高人民检察院关于办理某某刑事案件适用法律若干问 — — — 208", "题的解释 法释〔2019〕11号",
        "某某省人民政府关于印发某某办法的通知 某政发〔2019〕37号 74",
        "某某省人民政府办公厅关于有效发挥政府性融资担保基金作用切实支持小978", "微企业发展的指导意见",
    ]
    got = [(e.title, e.printed_page, e.section, e.doc_number) for e in parse_toc(lines)]
    assert got == [
        ("某某省网络表演经纪机构管理办法", 1, "省政府规章", "某某省人民政府令第104号"),
        ("某某省突发林业有害生物事件处置办法", 967, "省政府规章", "某某省人民政府令第105号"),
        ("某某市院前医疗急救管理条例", 5, "地方性法规", None),
        ("全国人民代表大会常务委员会关于修改《某某法》的决定", 207, "全国人大常委会决定", "中华人民共和国主席令第三十三号"),
        ("最高人民法院最高人民检察院关于办理某某刑事案件适用法律若干问题的解释", 208, "司法解释", "法释〔2019〕11号"),
        ("某某省人民政府关于印发某某办法的通知", 74, "司法解释", "某政发〔2019〕37号"),
        ("某某省人民政府办公厅关于有效发挥政府性融资担保基金作用切实支持小微企业发展的指导意见", 978, "司法解释", None),
    ]


def test_numbers_inside_a_title_are_no_page_numbers() -> None:
    lines = ["目　录", "某某省人民政府办公厅关于印发对全国政协十届三次会议第2741", "号提案的答复的通知……………… 28"]
    assert [(e.title, e.printed_page) for e in parse_toc(lines)] == [
        ("某某省人民政府办公厅关于印发对全国政协十届三次会议第2741号提案的答复的通知", 28)]


def test_toc_printed_on_the_cover_under_the_masthead() -> None:
    cover = Page(1, None, ("某某市人民政府公报", "2019年第10期　总第178期", "本 期 目 录", "市政府规章",
                           "某某市农业保险管理办法 ．．．．．．．．．．．．．． 1", "某某市行政执法公示办法 ．．．．．．．．．．．．．． 3"))
    second = Page(2, None, ("政策解读", "《某某市农业保险管理办法》政策解读 ．．．．．．．．．．．． 16"))
    body = [Page(3 + k, 1 + k, ("某某市农业保险管理办法", "第一条　为了……，制定本办法。")) for k in range(3)]
    assert find_toc_pages([cover, second, *body], first=1) == [0, 1]
    assert [e.title for e in parse_toc(list(cover.lines) + list(second.lines))][0] == "某某市农业保险管理办法"


def test_two_level_numbered_sections_give_the_inner_name() -> None:
    lines = ["目　录", "一、法规规章", "（一）地方性法规", "某某市物业管理条例……………… 1", "（二）市政府规章", "某某市公园管理办法……………… 5"]
    assert [(e.title, e.section) for e in parse_toc(lines)] == [("某某市物业管理条例", "地方性法规"), ("某某市公园管理办法", "市政府规章")]


def test_a_title_line_that_carries_its_doc_number() -> None:
    from gazette.split import split_doc_number

    assert split_doc_number("某某省人民政府办公厅关于黄金经济政策有关问题的复函　粤政办函〔2016〕155号") == (
        "某某省人民政府办公厅关于黄金经济政策有关问题的复函", "粤政办函〔2016〕155号")
    assert split_doc_number("关于落实鲁政发〔2023〕5号文件的通知") == ("关于落实鲁政发〔2023〕5号文件的通知", None)


def test_doc_number_column_extracted_onto_the_title_end() -> None:
    lines = ["目　录", "广东省动物检疫管理办法广东省人民政府令第177号 ……………… 【71】",
             "广东省人民政府办公厅关于黄金经济政策有关问题的复函粤政办函〔2016〕155号 …… 【81】",
             "关于落实鲁政发〔2023〕5号文件的通知 ……………… 【90】"]
    assert [(e.title, e.doc_number, e.printed_page) for e in parse_toc(lines)] == [
        ("广东省动物检疫管理办法", "广东省人民政府令第177号", 71),
        ("广东省人民政府办公厅关于黄金经济政策有关问题的复函", "粤政办函〔2016〕155号", 81),
        ("关于落实鲁政发〔2023〕5号文件的通知", None, 90)]


def test_issuer_column_between_title_and_page_is_not_part_of_the_title() -> None:
    lines = ["目　录", "文件名称 发文机关 页码", "省政府规章", "四川省商品房销售管理办法 四川省人民政府 3",
             "四川省人民政府办公厅关于有效发挥政府性融资担保基金作用切实支持小微企业和“三农” 四川省人民政府办公厅 7",
             "发展的指导意见"]
    assert [(e.title, e.printed_page) for e in parse_toc(lines)] == [
        ("四川省商品房销售管理办法", 3),
        ("四川省人民政府办公厅关于有效发挥政府性融资担保基金作用切实支持小微企业和“三农”发展的指导意见", 7)]


def test_wenhao_column_inside_a_wrapped_title_is_resolved_against_the_body() -> None:
    from gazette.toc import resolve_insets
    lines = ["◆ 省政府文件",
             "广东省人民政府关于印发《广东省计算机信息网络安全保粤政字〔2017〕1号",
             "护管理办法》的通知 ……………………………… 【78】",
             "广东省人民政府关于调整桃源市青龙山自然保护区范围的粤政字〔2017〕4号",
             "批复 ……………………………………… 【80】"]
    entries = parse_toc(lines)
    assert [e.printed_page for e in entries] == [78, 80]
    body = ("广东省人民政府关于印发《广东省计算机信息网络安全保护管理办法》的通知粤政字〔2017〕1号各地级以上市人民政府："
            "广东省人民政府关于调整桃源市青龙山自然保护区范围的批复粤政字〔2017〕4号桃源市人民政府：")
    resolved = resolve_insets(entries, body)
    assert [(e.title, e.doc_number) for e in resolved] == [
        ("广东省人民政府关于印发《广东省计算机信息网络安全保护管理办法》的通知", "粤政字〔2017〕1号"),
        ("广东省人民政府关于调整桃源市青龙山自然保护区范围的批复", "粤政字〔2017〕4号")]


def test_a_title_that_names_a_wenhao_stays_whole() -> None:
    from gazette.toc import resolve_insets
    entry = parse_toc(["关于贯彻落实国发〔2019〕5号文件的通知 …………… 3"])
    body = "关于贯彻落实国发〔2019〕5号文件的通知各区县人民政府："
    assert resolve_insets(entry, body) == entry


def test_entry_with_issuer_and_date_on_the_page_line() -> None:
    lines = ["本期目录", "国家法律", "中华人民共和国个人独资企业法",
             "全国人民代表大会常务委员会　2020年3月23日 ··············· 1",
             "全国人民代表大会常务委员会关于修改《中华人民共和国国家勋章和国家荣誉称",
             "号法》的决定",
             "全国人民代表大会常务委员会　2020年4月13日 ··············· 5",
             "司法解释",
             "最高人民法院　最高人民检察院关于办理拒不支付劳动者报酬刑事案件适用法律",
             "若干问题的解释",
             "最高人民法院、最高人民检察院　2020年2月17日 ··········· 6"]
    entries = parse_toc(lines)
    assert [(e.section, e.title, e.printed_page) for e in entries] == [
        ("国家法律", "中华人民共和国个人独资企业法", 1),
        ("国家法律", "全国人民代表大会常务委员会关于修改《中华人民共和国国家勋章和国家荣誉称号法》的决定", 5),
        ("司法解释", "最高人民法院最高人民检察院关于办理拒不支付劳动者报酬刑事案件适用法律若干问题的解释", 6)]


def test_titles_that_go_on_under_their_page_number() -> None:
    lines = ["部门文件",
             "济南市交通运输局 济南市商务局关于印发《济南市旅行社条例 20",  # a 《 left open
             "实施细则》的通知",
             "市政府规章",
             "广州市农用地土壤环境管理办法（试行） 4",
             "文件名称 发文机关 页码",
             "四川省人民政府办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定 四川省人民政府办公厅 9",
             "法制审核制度的指导意见",  # the title's cell wraps under the page number
             "人事任免"]
    entries = parse_toc(lines)
    assert [(e.section, e.title, e.printed_page) for e in entries] == [
        ("部门文件", "济南市交通运输局济南市商务局关于印发《济南市旅行社条例实施细则》的通知", 20),
        ("市政府规章", "广州市农用地土壤环境管理办法（试行）", 4),
        ("市政府规章", "四川省人民政府办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见", 9)]


def test_toc_printed_at_the_end_of_the_issue() -> None:
    from gazette.toc import find_end_toc_pages
    cover = Page(1, None, ("浙江省人民政府公报", "2020年第9期"))
    body = [Page(i, i - 1, (f"第{i}条　正文内容。",)) for i in range(2, 8)]
    toc = Page(8, None, ("本期目录", "省政府文件", "浙江省人民政府关于某事项的通知", "浙江省人民政府　2020年3月5日 ······ 1",
                         "浙江省人民政府办公厅关于某工作的通知", "浙江省人民政府办公厅　2020年4月11日 ······ 4"))
    pages = [cover, *body, toc]
    assert find_toc_pages(pages, first=1) == []
    assert find_end_toc_pages(pages, first=1) == [7]
    assert find_end_toc_pages(pages[:-1], first=1) == []


def test_a_reply_to_a_proposal_ends_its_title_and_the_next_section_stays_a_section() -> None:
    lines = ["国务院办公厅文件", "国务院办公厅对十届全国人大四次会议第7240号建议的答复······21", "政策解读",
             "关于《国务院关于印发中华人民共和国船舶识别号管理规定的通知》的解读········22"]
    entries = parse_toc(lines)
    assert [(e.section, e.title) for e in entries] == [
        ("国务院办公厅文件", "国务院办公厅对十届全国人大四次会议第7240号建议的答复"),
        ("政策解读", "关于《国务院关于印发中华人民共和国船舶识别号管理规定的通知》的解读")]


def test_page_numbers_printed_before_titles_with_dates_and_wenhao_below() -> None:
    lines = ["目　　录", "2019年第3-4期（合刊）", "地方性法规", "1 石家庄市零散工业废水管理条例",
             "市政府规章", "5 石家庄市生态文明建设促进办法", "石家庄市人民政府令第275号",
             "司法解释", "276 最高人民法院　最高人民检察院关于办理非法捕捞水产品刑事案件适用法律若干问题的",
             "解释", "2019年5月10日", "市政府文件", "11 石家庄市人民政府关于加快推进农业机械化的指导意见", "石政发〔2019〕8号"]
    entries = parse_toc(lines)
    assert [(e.section, e.title, e.printed_page, e.doc_number) for e in entries] == [
        ("地方性法规", "石家庄市零散工业废水管理条例", 1, None),
        ("市政府规章", "石家庄市生态文明建设促进办法", 5, "石家庄市人民政府令第275号"),
        ("司法解释", "最高人民法院最高人民检察院关于办理非法捕捞水产品刑事案件适用法律若干问题的解释", 276, None),
        ("市政府文件", "石家庄市人民政府关于加快推进农业机械化的指导意见", 11, "石政发〔2019〕8号")]


def test_date_notes_after_titles_even_wrapped_onto_the_page_line() -> None:
    lines = ["【市政府令】", "郑州市气象设施和气象探测环境保护办法（试行）（2018年12月8日） ．．．．．．． 1",
             "【市政府办公厅文件】", "西安市人民政府办公厅关于印发西安市计算机信息网络安全保护管理办法的通知（2021年3",
             "月12日） ．．．．．．．．．．．．．．．． 10"]
    assert [(e.title, e.printed_page) for e in parse_toc(lines)] == [
        ("郑州市气象设施和气象探测环境保护办法（试行）", 1),
        ("西安市人民政府办公厅关于印发西安市计算机信息网络安全保护管理办法的通知", 10)]


def test_issuer_column_before_a_title_the_body_prints_without_it() -> None:
    from gazette.toc import resolve_insets
    entries = parse_toc(["〖部门文件〗", "博罗县科学技术局　博罗县自然资源局　关于印发《博罗县工伤保险管理办法》的通",
                         "知 ……………………………… 16", "博罗县人民政府　关于董思等职务任免的通知 ……………… 19"])
    body = "博科自发〔2022〕16号关于印发《博罗县工伤保险管理办法》的通知各乡镇人民政府：博罗县人民政府关于董思等职务任免的通知"
    assert [e.title for e in resolve_insets(entries, body)] == [
        "关于印发《博罗县工伤保险管理办法》的通知", "博罗县人民政府关于董思等职务任免的通知"]


def test_continued_headings_reports_and_announcement_numbers() -> None:
    lines = ["【省政府文件】", "江苏省人民政府关于某事的批复（苏政字〔2019〕17号）……………… 91",
             "【省政府办公厅文件】（续）", "江苏省人民政府办公厅关于2018年度政务服务工作情况的通报（苏政办发〔2019〕11号）………… 94",
             "说明和报告", "关于《河北省计量监督管理条例（草案）》的说明 17",
             "代表资格审查报告", "河北省人民代表大会常务委员会代表资格审查委员会关于个别代表 19", "的代表资格的报告",
             "公告", "关于废止部分规范性文件的公告 农业农村部公告2023年第58号 17"]
    entries = parse_toc(lines)
    assert [(e.section, e.title, e.printed_page, e.doc_number) for e in entries] == [
        ("省政府文件", "江苏省人民政府关于某事的批复", 91, "苏政字〔2019〕17号"),
        ("省政府办公厅文件", "江苏省人民政府办公厅关于2018年度政务服务工作情况的通报", 94, "苏政办发〔2019〕11号"),
        ("说明和报告", "关于《河北省计量监督管理条例（草案）》的说明", 17, None),
        ("代表资格审查报告", "河北省人民代表大会常务委员会代表资格审查委员会关于个别代表的代表资格的报告", 19, None),
        ("公告", "关于废止部分规范性文件的公告", 17, "农业农村部公告2023年第58号")]
