"""Fully synthetic 'other' documents: 批复 to a subordinate government and 公告 without 文号."""
from __future__ import annotations

import datetime as dt
import random

from . import cn
from .compose import Doc, Opts, Para, _head_block, _sign
from .places import Owner, dept

SUBUNITS = ["临江", "青山", "东湖", "白河", "安平", "永宁", "龙泉", "清河", "长乐", "桃源", "新丰", "兴隆"]


def _sub(owner: Owner, rng: random.Random) -> str:
    name = rng.choice(SUBUNITS)
    return name + ("市" if owner.level == "province" else "区" if owner.level == "city" else "镇")


def reply(owner: Owner, docno: str, signed: dt.date, rng: random.Random, opts: Opts) -> Doc:
    """关于同意… / 关于…规划的批复, addressed to a subordinate government."""
    sub = _sub(owner, rng)
    subgov = sub + "人民政府"
    y = signed.year
    topic, body = rng.choice([
        (f"关于同意设立{sub}{owner.short}级经济开发区的批复",
         [f"一、同意设立{sub}{owner.short}级经济开发区，规划面积{rng.randint(3, 19)}.{rng.randint(1, 9)}平方公里，"
          f"四至范围以{owner.short}自然资源主管部门审核确定的界址为准。",
          "二、开发区要坚持新发展理念，聚焦主导产业，提高土地集约利用水平，严格落实生态环境保护要求，"
          "不得擅自扩大范围或者改变用途。"]),
        (f"关于{sub}国土空间总体规划（{y - 1}—2035年）的批复",
         [f"一、原则同意《{sub}国土空间总体规划（{y - 1}—2035年）》（以下简称《规划》）。",
          f"二、《规划》实施要坚持以人民为中心，统筹发展和安全，严格落实耕地保护红线、生态保护红线和城镇开发边界，"
          f"到2035年，{sub}城镇开发边界扩展倍数控制在{rng.choice(['1.2', '1.3', '1.25'])}以内。",
          "三、严格执行《规划》，任何部门和个人不得随意修改、违规变更。确需修改的，须按法定程序报批。"]),
        (f"关于调整{sub}{rng.choice(['白鹭湖', '青龙山', '大河湾'])}自然保护区范围的批复",
         ["一、同意对该自然保护区范围和功能区进行调整。调整后保护区总面积和核心区面积均不减少。",
          "二、要进一步加强保护区管理机构和能力建设，完善勘界立标，严禁在核心区和缓冲区内开展任何开发建设活动。"]),
    ])
    title = f"{owner.gov}{topic}"
    n = rng.randint(10, 160)
    paras = _head_block(title, docno, opts) + [Para(f"{subgov}：", "addressee")]
    asked = topic[2:-3].replace("同意", "申请", 1)
    paras.append(Para(f"你{sub[-1]}《关于{asked}的请示》（{sub[0]}政〔{y}〕{n}号）收悉。经{owner.short}政府同意，"
                      "现批复如下：", "body"))
    paras += [Para(t, "body") for t in body]
    d, _ = dept(owner, rng)
    paras.append(Para(f"{cn.num(len(body) + 1)}、{subgov}要切实履行主体责任，{d}等有关部门要按照职责分工加强指导和监督。", "body"))
    paras += _sign([owner.gov], signed, rng, Opts(cn_dates=opts.cn_dates, notice_note=0.0))
    return Doc("other", title, docno, owner.gov, signed, None, "gov", paras)


def bulletin(owner: Owner, signed: dt.date, rng: random.Random, opts: Opts) -> Doc:
    """公告 with no 文号; sometimes takes effect on a stated date."""
    sub = _sub(owner, rng)
    topic, body = rng.choice([
        (f"关于划定{sub}集中式饮用水水源保护区的公告",
         [f"为保障饮用水安全，根据《中华人民共和国水污染防治法》等有关规定，经{owner.short}人民政府同意，"
          f"现将{sub}集中式饮用水水源保护区划定方案予以公告。",
          f"一、一级保护区：取水口半径{rng.randint(100, 500)}米范围内的水域及其沿岸纵深{rng.randint(50, 200)}米的陆域。",
          "二、二级保护区：一级保护区边界外上溯3000米、下延300米的水域及其沿岸纵深1000米的陆域。",
          "三、在饮用水水源保护区内，禁止设置排污口，禁止从事可能污染饮用水水体的活动。"]),
        (f"关于{sub}部分道路实施交通管制的公告",
         [f"因{sub}城市道路改造工程施工需要，为保障施工安全和道路交通有序，现就有关交通管制事项公告如下：",
          f"一、管制路段：{sub}{rng.choice(['人民路', '建设大道', '滨江路'])}全线。",
          "二、管制期间，除施工车辆、执行任务的特种车辆外，其他机动车禁止通行。",
          "三、请过往车辆和行人按照现场交通标志绕行，服从交通民警和现场管理人员指挥。"]),
    ])
    title = f"{owner.gov}{topic}"
    paras = [Para(title, "title")] + [Para(t, "body") for t in body]
    eff = None
    if rng.random() < 0.5:
        eff = signed + dt.timedelta(days=rng.randint(3, 20))
        paras.append(Para(f"本公告自{cn.date_ar(eff)}起施行。", "body"))
    else:
        paras.append(Para("特此公告。", "body"))
    paras += _sign([owner.gov], signed, rng, Opts(cn_dates=opts.cn_dates, notice_note=0.0))
    return Doc("other", title, None, owner.gov, signed, eff, "gov", paras)
