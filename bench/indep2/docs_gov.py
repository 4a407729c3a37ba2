"""Government documents: 通知/意见 (with or without 文号), 印发 notices with joint
issuers, 批复/复函/函, 通报, 公告, 任免 and 政策解读."""
from __future__ import annotations

import datetime as dt
import random
import re

from bench.indep import cn
from bench.indep.compose import SUBHEAD_RE, _role, _suffix, _take
from bench.indep.corpus import ART_RE, ArticleSource, NoticeSource

from . import traps
from .docs_leg import _articles, ar, eff_after
from .model import Doc, Para
from .owners import Owner, person

FW = "\u3000"


def sign_block(issuers: list[str], form: str) -> list[Para]:
    """Signature of one or more organs: one per line, or on one line (full-width / ASCII space)."""
    if len(issuers) == 1 or form == "lines":
        return [Para(i, "sign") for i in issuers]
    sep = FW if form == "fullwidth" else "  "
    return [Para(sep.join(issuers), "sign")]


def date_para(d: dt.date, chinese: bool) -> Para:
    return Para(cn.date_str(d, chinese), "date")


def _body_role(p: str) -> str:
    return _role(p)


def _insert_trap(paras: list[Para], ts: traps.Typeset | None, rng: random.Random, doc: Doc, p: float,
                 families=("list", "digit", "number")) -> None:
    if ts is None or rng.random() >= p:
        return
    body_idx = [i for i, q in enumerate(paras) if q.role == "body"]
    if not body_idx:
        return
    t = traps.make(ts, rng, families)
    if t:
        at = body_idx[min(len(body_idx) - 1, rng.randint(0, 2))] + 1
        paras.insert(at, t[0])
        doc.traps.append(t[1])


def _head(title: str, docno: str | None, where: str) -> list[Para]:
    if docno is None:
        return [Para(title, "title")]
    if where == "above":
        return [Para(docno, "docno"), Para(title, "title")]
    if where == "paren":
        return [Para(title, "title"), Para(f"（{docno}）", "docno")]
    return [Para(title, "title"), Para(docno, "docno")]


def notice(src: NoticeSource, issuer: str, owner: Owner, docno: str | None, signed: dt.date, budget: int,
           rng: random.Random, ts: traps.Typeset | None, opt: dict, section: str,
           addressee: str | None = None) -> Doc:
    """Gov / office 通知, 意见, 决定 from a gov.cn source re-attributed to ``issuer``."""
    title = issuer + src.title[len(src.issuer):]
    detail = "normative" if docno else "normative_no_number"
    doc = Doc(detail, title, docno, issuer, signed, None, section)
    paras = _head(title, docno, opt.get("docno_pos", "below"))
    paras.append(Para(addressee or owner.addressee(), "addressee"))
    paras += [Para(p, _body_role(p)) for p in _take(src.paras, budget)]
    word = "意见" if title.endswith("意见") else "决定" if title.endswith("决定") else "通知"
    r = rng.random()
    if r < 0.3:
        paras.append(Para(f"本{word}自印发之日起施行。", "body"))
        doc.effective = signed
    elif r < 0.55:
        eff = eff_after(signed, rng)
        end = dt.date(eff.year + rng.choice([2, 3, 5]), eff.month, 1) - dt.timedelta(days=1)
        paras.append(Para(f"本{word}自{ar(eff)}起施行，有效期至{ar(end)}。", "body"))
        doc.effective = eff
    _insert_trap(paras, ts, rng, doc, opt.get("trap", 0.45))
    paras += sign_block([issuer], "lines") + [date_para(signed, rng.random() < opt.get("cn_dates", 0.3))]
    if rng.random() < opt.get("note", 0.4):
        paras.append(Para(rng.choice(["（此件公开发布）", "（此件主动公开）"]), "note"))
    doc.paras = paras
    return doc


def issuance(src: ArticleSource, owner: Owner, issuers: list[str], docno: str | None, signed: dt.date,
             budget: int, rng: random.Random, ts: traps.Typeset | None, opt: dict, section: str) -> Doc:
    """印发 notice (gov, office, or one to three departments) with its attached rule text."""
    inner = owner.place + src.core
    gov_level = issuers[0] in (owner.gov, owner.office)
    form = opt.get("sign_form", "lines")
    if gov_level:
        title = f"{issuers[0]}关于印发{'《' + inner + '》' if rng.random() < 0.5 else inner}的通知"
    elif opt.get("issuers_in_title") and len(issuers) > 1:
        sep = FW if form != "ascii" else " "
        title = f"{sep.join(issuers)}关于印发《{inner}》的通知"
    else:
        title = f"关于印发《{inner}》的通知"
    detail = "normative" if docno else "normative_no_number"
    doc = Doc(detail, title, docno, "、".join(issuers), signed, None, section,
              variant=f"{len(issuers)}x{form}" + ("+title" if title.startswith(issuers[0]) and not gov_level else ""))
    paras = _head(title, docno, opt.get("docno_pos", "below"))
    lower = {"province": "各市", "city": "各区、县（市）", "district": "各街道"}[owner.level]
    paras.append(Para(owner.addressee() if gov_level else f"{lower}有关部门，有关单位：", "addressee"))
    approved = f"已经{owner.short}政府同意，" if gov_level else ""
    paras.append(Para(f"《{inner}》{approved}现印发给你们，请{rng.choice(['认真贯彻执行', '结合实际认真贯彻落实', '认真遵照执行'])}。",
                      "body"))
    paras += sign_block(issuers, form) + [date_para(signed, rng.random() < opt.get("cn_dates", 0.3))]
    if opt.get("attach_label", True):
        paras.append(Para("附件", "attach_label"))
    paras.append(Para(inner, "attach_title"))
    if rng.random() < 0.35:
        doc.effective, phrase = signed, "自印发之日起施行。"
    else:
        doc.effective = eff_after(signed, rng)
        phrase = f"自{ar(doc.effective)}起施行，有效期{rng.choice(['5', '3', '2'])}年。"
    paras += _articles(src.paras, budget, _suffix(src.core), phrase, ts, rng, opt.get("trap", 0.3), doc)
    doc.paras = paras
    return doc


# -- 批复 / 复函 / 函 --------------------------------------------------------------------
def reply_from_source(src: NoticeSource, issuer: str, docno: str, addressee: str, signed: dt.date,
                      budget: int, rng: random.Random, ts: traps.Typeset | None, opt: dict, section: str,
                      keep_title: bool = False) -> Doc:
    title = src.title if keep_title else issuer + src.title[len(src.issuer):]
    detail = "notice_announcement" if title.endswith("通报") else "reply"
    doc = Doc(detail, title, docno, issuer, signed, None, section, variant="corpus")
    paras = _head(title, docno, opt.get("docno_pos", "below")) + [Para(addressee, "addressee")]
    paras += [Para(p, _body_role(p)) for p in _take(src.paras, budget)]
    _insert_trap(paras, ts, rng, doc, opt.get("trap", 0.3))
    paras += [Para(issuer, "sign"), date_para(signed, rng.random() < opt.get("cn_dates", 0.5))]
    doc.paras = paras
    return doc


SUBUNITS = ["临江", "青山", "东湖", "白河", "安平", "永宁", "龙泉", "清河", "长乐", "桃源", "新丰", "兴隆"]


def _sub(owner: Owner, rng: random.Random) -> str:
    return rng.choice(SUBUNITS) + {"province": "市", "city": "区", "district": "街道"}[owner.level]


def pifu(owner: Owner, docno: str | None, signed: dt.date, rng: random.Random, opt: dict, section: str,
         ts: traps.Typeset | None) -> Doc:
    """批复 to a subordinate government (its body cites the 请示's own 文号 - a decoy)."""
    sub = _sub(owner, rng)
    subgov = sub + ("办事处" if sub.endswith("街道") else "人民政府")
    y = signed.year
    topics = [
        (f"关于同意设立{sub}现代农业产业园的批复",
         [f"一、同意设立{sub}现代农业产业园，规划面积{rng.randint(3, 19)}.{rng.randint(1, 9)}平方公里，具体四至范围以自然资源主管部门审核确定的界址为准。",
          "二、产业园要坚持绿色发展，聚焦主导产业，提高土地集约利用水平，严格落实耕地保护和生态环境保护要求。"]),
        (f"关于{sub}国土空间总体规划（{y - 1}—2035年）的批复",
         [f"一、原则同意《{sub}国土空间总体规划（{y - 1}—2035年）》（以下简称《规划》）。",
          "二、《规划》实施要坚持以人民为中心，统筹发展和安全，严格落实耕地保护红线、生态保护红线和城镇开发边界。",
          "三、严格执行《规划》，任何部门和个人不得随意修改、违规变更。确需修改的，须按法定程序报批。"]),
        (f"关于同意{sub}调整部分村级建制的批复",
         ["一、同意将该地区部分行政村合并设立新的行政村，新设村的村民委员会驻地和管辖范围按照请示意见确定。",
          "二、调整工作要依法依规、稳妥有序进行，做好集体资产清理和群众思想工作，确保社会稳定。"]),
        (f"关于同意命名{sub}为{owner.short}级历史文化名镇的批复",
         [f"一、同意命名{sub}为{owner.short}级历史文化名镇。",
          "二、要按照保护优先、合理利用的原则，抓紧编制历史文化名镇保护规划，划定保护范围，严格控制建设活动。",
          "三、要加强对历史建筑、传统风貌和非物质文化遗产的保护，不得进行破坏传统格局和历史风貌的建设。"]),
        (f"关于同意设立{sub}{owner.short}级森林公园的批复",
         [f"一、同意设立{sub}{owner.short}级森林公园，总面积{rng.randint(300, 3000)}公顷，具体范围以林业主管部门核定的界线为准。",
          "二、森林公园的建设和管理要坚持保护优先，严禁擅自改变林地用途，严格控制开发强度。"]),
        (f"关于同意{sub}撤销部分乡镇设立街道办事处的批复",
         ["一、同意撤销该地区两个镇的建制，以其原行政区域分别设立街道办事处，街道办事处驻地和管辖范围按照请示意见确定。",
          "二、区划调整后，要妥善做好人员安置和资产管理工作，保持社会稳定，确保各项工作正常运转。"]),
    ]
    pick = opt.get("pick")
    topic, body = topics[pick % len(topics)] if pick is not None else rng.choice(topics)
    title = f"{owner.gov}{topic}"
    doc = Doc("reply", title, docno, owner.gov, signed, None, section, variant="pifu")
    paras = _head(title, docno, opt.get("docno_pos", "below")) + [Para(f"{subgov}：", "addressee")]
    asked = topic[2:-3].replace("同意", "申请", 1)
    paras.append(Para(f"你{sub[-1] if not sub.endswith('街道') else '街道'}《关于{asked}的请示》（{sub[0]}政〔{y}〕"
                      f"{rng.randint(10, 160)}号）收悉。经研究，现批复如下：", "body"))
    paras += [Para(t, "body") for t in body]
    d, _ = owner.dept(rng)
    paras.append(Para(f"{cn.num(len(body) + 1)}、{subgov}要切实履行主体责任，{d}等有关部门要按照职责分工加强指导和监督。",
                      "body"))
    _insert_trap(paras, ts, rng, doc, opt.get("trap", 0.3))
    paras += [Para(owner.gov, "sign"), date_para(signed, rng.random() < opt.get("cn_dates", 0.3))]
    doc.paras = paras
    return doc


def fuhan_split(issuer: str, level: str, owner: Owner | None, docno: str | None, signed: dt.date,
                rng: random.Random, opt: dict, section: str) -> Doc:
    """复函 / 函 whose issuer stands on its own line above a title wrapped over two lines
    (``国务院办公厅`` / ``关于同意以…的`` / ``复函``); the document opens a fresh page."""
    y = signed.year
    ev = signed + dt.timedelta(days=rng.randint(40, 160))
    when = f"{ev.year}年{ev.month}月"
    if level == "national":
        short, org = "国务院", "国务院"
        choices = [
            ("关于同意以国务院名义召开全国科技工作会议的", "复函", "科技部：", "你部", "国科发",
             f"同意以国务院名义于{when}在北京召开全国科技工作会议，会期{rng.randint(1, 2)}天。"),
            ("关于同意以国务院名义表彰全国民族团结进步模范集体和模范个人的", "复函", "国家民委：", "你委", "民委发",
             "同意以国务院名义表彰全国民族团结进步模范集体和模范个人，表彰名额按照有关规定从严控制。"),
            ("关于同意建立城镇燃气安全工作部际联席会议制度的", "函", "住房城乡建设部：", "你部", "建城",
             "同意建立由住房城乡建设部牵头的城镇燃气安全工作部际联席会议制度。联席会议不刻制印章，不正式行文。"),
        ]
    else:
        short, org = f"{owner.short}政府", f"{owner.short}人民政府"
        stem = owner.place
        t = "厅" if owner.level == "province" else "局"
        p = owner.prefix.rstrip("府")
        choices = [
            ("关于同意以{s}名义举办第{n}届茶文化博览会的".format(s=short, n=cn.num(rng.randint(2, 9))), "复函",
             f"{stem}商务{t}：", "你单位", f"{p}商",
             f"同意以{org}名义于{when}举办茶文化博览会，所需经费由承办单位自筹解决。"),
            (f"关于同意以{short}名义表彰安全生产先进单位的", "复函", f"{stem}应急管理{t}：", "你单位", f"{p}应急",
             f"同意以{org}名义对{y - 1}年度安全生产工作先进单位予以通报表彰，表彰名额严格按照有关规定控制。"),
            ("关于同意建立生活垃圾分类工作联席会议制度的", "函", f"{stem}住房和城乡建设{t}：", "你单位", f"{p}建",
             "同意建立生活垃圾分类工作联席会议制度。联席会议不刻制印章，不正式行文，请按照有关文件精神认真组织开展工作。"),
        ]
    pick = opt.get("pick")
    head1, tail, addr, you, ask, first = choices[pick % len(choices)] if pick is not None else rng.choice(choices)
    rest = head1 + tail
    title = issuer + rest
    doc = Doc("reply", title, docno, issuer, signed, None, section, break_before=True, variant="issuer_above")
    paras = [Para(issuer, "issuer_line"), Para(rest, "title", cuts=(len(head1),))]
    if docno:
        paras.append(Para(docno, "docno"))
    paras.append(Para(addr, "addressee"))
    asked = head1[4:-1] if head1.startswith("关于同意") else head1[2:-1]
    paras.append(Para(f"{you}《关于{asked}的请示》（{ask}〔{y}〕"
                      f"{rng.randint(10, 190)}号）收悉。经{short}同意，现函复如下：", "body"))
    paras.append(Para(f"一、{first}", "body"))
    paras.append(Para("二、请你单位会同有关方面认真做好各项组织工作，厉行勤俭节约，严格控制规模，务求实效。", "body"))
    paras.append(Para("三、有关工作中的重大问题，请及时请示报告。", "body"))
    paras += [Para(issuer, "sign"), date_para(signed, rng.random() < opt.get("cn_dates", 0.5))]
    doc.paras = paras
    return doc


# -- 公告 -------------------------------------------------------------------------------
def bulletin(owner: Owner, signed: dt.date, rng: random.Random, opt: dict, section: str,
             ts: traps.Typeset | None) -> Doc:
    sub = _sub(owner, rng)
    topic, body = rng.choice([
        (f"关于划定{sub}集中式饮用水水源保护区的公告",
         [f"为保障饮用水安全，根据《中华人民共和国水污染防治法》等有关规定，现将{sub}集中式饮用水水源保护区划定方案予以公告。",
          f"一、一级保护区：取水口半径{rng.randint(100, 500)}米范围内的水域及其沿岸纵深{rng.randint(50, 200)}米的陆域。",
          "二、二级保护区：一级保护区边界外上溯3000米、下延300米的水域及其沿岸纵深1000米的陆域。",
          "三、在饮用水水源保护区内，禁止设置排污口，禁止从事可能污染饮用水水体的活动。"]),
        (f"关于{sub}部分道路实施交通管制的公告",
         [f"因{sub}城市道路改造工程施工需要，为保障施工安全和道路交通有序，现就有关交通管制事项公告如下：",
          f"一、管制路段：{sub}{rng.choice(['人民路', '建设大道', '滨江路'])}全线。",
          "二、管制期间，除施工车辆、执行任务的特种车辆外，其他机动车禁止通行。",
          "三、请过往车辆和行人按照现场交通标志绕行，服从交通民警和现场管理人员指挥。"]),
        (f"关于公布{sub}第一批历史建筑保护名录的公告",
         [f"根据《历史文化名城名镇名村保护条例》有关规定，经{owner.short}人民政府同意，现将{sub}第一批历史建筑保护名录予以公布。",
          "一、列入保护名录的历史建筑，其所有权人和使用人应当按照保护要求进行维护和使用。",
          "二、任何单位和个人不得损坏或者擅自迁移、拆除历史建筑。"]),
    ])
    title = f"{owner.gov}{topic}"
    doc = Doc("notice_announcement", title, None, owner.gov, signed, None, section, variant="gonggao")
    paras = [Para(title, "title")] + [Para(t, "body") for t in body]
    if rng.random() < 0.5:
        doc.effective = signed + dt.timedelta(days=rng.randint(3, 20))
        paras.append(Para(f"本公告自{ar(doc.effective)}起施行。", "body"))
    else:
        paras.append(Para("特此公告。", "body"))
    _insert_trap(paras, ts, rng, doc, opt.get("trap", 0.2))
    paras += [Para(owner.gov, "sign"), date_para(signed, rng.random() < opt.get("cn_dates", 0.3))]
    doc.paras = paras
    return doc


# -- 任免 -------------------------------------------------------------------------------
def personnel_gov(owner: Owner, docno: str | None, signed: dt.date, rng: random.Random, opt: dict,
                  section: str) -> Doc:
    names = [person(rng) for _ in range(rng.randint(3, 7))]
    title = (f"{owner.gov}关于{names[0]}等职务任免的通知" if rng.random() < 0.7
             else f"{owner.gov}关于{names[0]}、{names[1]}职务任免的通知")
    doc = Doc("personnel", title, docno, owner.gov, signed, None, section, variant="gov")
    paras = _head(title, docno, opt.get("docno_pos", "below")) + [Para(owner.addressee(), "addressee")]
    meet = signed - dt.timedelta(days=rng.randint(1, 12))
    paras.append(Para(rng.choice([f"经{ar(meet)}{owner.short}政府第{rng.randint(5, 90)}次常务会议研究，决定：",
                                  f"{owner.short}人民政府决定："]), "body"))
    n_app = rng.randint(1, len(names) - 1)
    for i, nm in enumerate(names):
        dname = owner.dept(rng)[0]
        end = "。" if i == len(names) - 1 else "；"
        head = "主任" if dname.endswith("委员会") else "局长" if dname.endswith("局") else "厅长"
        post = rng.choice(["副" + head, "副" + head, head])
        paras.append(Para(f"任命{nm}为{dname}{post}{end}" if i < n_app else f"免去{nm}的{dname}{post}职务{end}", "body"))
    paras += [Para(owner.gov, "sign"), date_para(signed, rng.random() < opt.get("cn_dates", 0.3))]
    doc.paras = paras
    return doc


def personnel_npc(owner: Owner, place: str, level: str, adopted: dt.date, session: str, rng: random.Random,
                  section: str) -> Doc:
    """人大常委会任免名单: title, （…会议通过） header, 任命/免去 lists - no 文号, no signature."""
    npc = f"{place}人民代表大会常务委员会"
    title = f"{npc}任免名单"
    doc = Doc("personnel", title, None, npc, adopted, None, section, variant="npc")
    paras = [Para(title, "title"), Para(f"（{ar(adopted)}{session}通过）", "header")]
    paras.append(Para("任命：", "body"))
    for _ in range(rng.randint(1, 3)):
        d = owner.dept(rng)[0].replace(owner.place, place)
        paras.append(Para(f"{person(rng)}为{d}{'主任' if d.endswith('委员会') else '局长' if d.endswith('局') else '厅长'}；", "body"))
    paras[-1].text = paras[-1].text[:-1] + "。"
    paras.append(Para("免去：", "body"))
    for _ in range(rng.randint(1, 2)):
        d = owner.dept(rng)[0].replace(owner.place, place)
        paras.append(Para(f"{person(rng)}的{d}{'主任' if d.endswith('委员会') else '局长' if d.endswith('局') else '厅长'}职务；",
                          "body"))
    paras[-1].text = paras[-1].text[:-1] + "。"
    if rng.random() < 0.5:
        paras.append(Para(f"{person(rng)}的{place}人民法院审判员职务。", "body"))
    doc.paras = paras
    return doc


# -- 政策解读 ------------------------------------------------------------------------------
def interpretation(target: Doc, owner: Owner, rng: random.Random, section: str) -> Doc:
    name = target.title
    inner = re.sub(r"^.*?关于印发《?|》?的通知$", "", name) if "印发" in name else name
    short = f"《{inner}》"
    word = next((w for w in ("意见", "通知", "决定", "条例", "规定") if inner.endswith(w)), _suffix(inner))
    abbr = f"《{word}》"
    title = rng.choice([f"{short}政策解读", f"关于{short}的解读", f"{short}解读", f"解读{short}"])
    d, _ = owner.dept(rng)
    quotes = []
    for p in target.paras:
        m = ART_RE.match(p.text)
        if p.role == "body" and (m or len(p.text) > 40):
            s = p.text[m.end():].lstrip(FW) if m else p.text
            s = s.split("。")[0]
            if 12 < len(s) < 90 and "施行" not in s and not s.endswith(("：", ":", "；")) and not SUBHEAD_RE.match(s):
                quotes.append(s + "。")
    rng.shuffle(quotes)
    paras = [Para(title, "title"), Para("一、制定背景", "subhead"),
             Para(f"为贯彻落实党中央、国务院决策部署，{d}会同有关部门在深入调研、广泛征求意见的基础上，"
                  f"起草了{short}（以下简称{abbr}）。", "body"),
             Para("二、主要内容", "subhead"), Para(f"{abbr}主要包括以下内容：", "body")]
    for i, q in enumerate(quotes[: rng.randint(2, 4)]):
        paras.append(Para(f"（{cn.num(i + 1)}）{q}", "body"))
    paras += [Para("三、贯彻落实要求", "subhead"),
              Para(f"各有关部门要加强组织领导，做好宣传解读和培训工作，确保{abbr}各项规定落到实处。", "body")]
    issuer = None
    if rng.random() < 0.5:
        paras.append(Para(f"（{d}）", "note"))
        issuer = d
    return Doc("interpretation", title, None, issuer, None, None, section, paras, variant="interp")
