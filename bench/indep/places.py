"""Synthetic gazette owners (province / city / county) and fictitious person names."""
from __future__ import annotations

import random
from dataclasses import dataclass

# (province, short name used in 文号, pinyin for the English masthead)
PROVINCES = [
    ("山东省", "鲁", "SHANDONG"), ("浙江省", "浙", "ZHEJIANG"), ("江苏省", "苏", "JIANGSU"),
    ("广东省", "粤", "GUANGDONG"), ("河南省", "豫", "HENAN"), ("湖北省", "鄂", "HUBEI"),
    ("湖南省", "湘", "HUNAN"), ("四川省", "川", "SICHUAN"), ("福建省", "闽", "FUJIAN"),
    ("安徽省", "皖", "ANHUI"), ("江西省", "赣", "JIANGXI"), ("河北省", "冀", "HEBEI"),
    ("山西省", "晋", "SHANXI"), ("陕西省", "陕", "SHAANXI"), ("甘肃省", "甘", "GANSU"),
    ("云南省", "云", "YUNNAN"), ("贵州省", "黔", "GUIZHOU"), ("辽宁省", "辽", "LIAONING"),
    ("吉林省", "吉", "JILIN"), ("黑龙江省", "黑", "HEILONGJIANG"),
]
# (city, 文号 prefix, province index)
CITIES = [
    ("杭州市", "杭", 1), ("宁波市", "甬", 1), ("济南市", "济", 0), ("青岛市", "青", 0),
    ("南京市", "宁", 2), ("苏州市", "苏府", 2), ("武汉市", "武", 5), ("成都市", "成府", 7),
    ("广州市", "穗府", 3), ("厦门市", "厦府", 8), ("合肥市", "合", 9), ("郑州市", "郑", 4),
    ("长沙市", "长", 6), ("西安市", "市", 13), ("昆明市", "昆", 15), ("贵阳市", "筑府", 16),
    ("沈阳市", "沈", 17), ("南昌市", "洪府", 10), ("石家庄市", "石", 11), ("太原市", "并", 12),
]
# (county, 文号 prefix, province index, city)
COUNTIES = [
    ("长兴县", "长", 1, "湖州市"), ("桐庐县", "桐", 1, "杭州市"), ("沂水县", "沂", 0, "临沂市"),
    ("沭阳县", "沭", 2, "宿迁市"), ("博罗县", "博府", 3, "惠州市"), ("固始县", "固", 4, "信阳市"),
    ("宜都市", "都", 5, "宜昌市"), ("浏阳市", "浏", 6, "长沙市"), ("郫县", "郫", 7, "成都市"),
    ("安溪县", "安", 8, "泉州市"), ("歙县", "歙", 9, "黄山市"), ("婺源县", "婺", 10, "上饶市"),
]

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "建国志强海军宏伟晓明丽华振东立新春生秀英文杰世平德胜永红光辉子豪嘉怡俊峰明远卫东雪梅国庆学军云飞家宝亚楠敬之守仁锦程若愚思源"


@dataclass(frozen=True)
class Owner:
    """The government whose gazette this is."""

    level: str          # province | city | county
    place: str          # 浙江省 / 杭州市 / 长兴县
    prefix: str         # 文号 prefix: 浙 / 杭 / 长
    province: str
    english: str

    @property
    def gov(self) -> str:
        return f"{self.place}人民政府"

    @property
    def office(self) -> str:
        return self.gov + ("办公室" if self.level == "county" else "办公厅")

    @property
    def short(self) -> str:
        """省 / 市 / 县, as in 省政府 / 市政府."""
        return {"province": "省", "city": "市", "county": "县"}[self.level]

    @property
    def head(self) -> str:
        """Title of the head of government."""
        return {"province": "省长", "city": "市长", "county": "县长"}[self.level]

    @property
    def gazette(self) -> str:
        return f"{self.gov}公报"


def pick_owner(rng: random.Random, level: str) -> Owner:
    """A random owner of the given level."""
    if level == "province":
        p, a, e = rng.choice(PROVINCES)
        return Owner("province", p, a, p, f"GAZETTE OF THE PEOPLE'S GOVERNMENT OF {e} PROVINCE")
    if level == "city":
        c, a, pi = rng.choice(CITIES)
        return Owner("city", c, a, PROVINCES[pi][0], "")
    c, a, pi, _ = rng.choice(COUNTIES)
    return Owner("county", c, a, PROVINCES[pi][0], "")


def person(rng: random.Random) -> str:
    """A fictitious two- or three-character name."""
    given = rng.choice(GIVEN) if rng.random() < 0.3 else rng.choice(GIVEN) + rng.choice(GIVEN)
    return rng.choice(SURNAMES) + given


# department stem, 文号 stem; province uses 厅 where the stem ends in 厅-able names
DEPTS = [
    ("发展和改革委员会", "发改"), ("教育{t}", "教"), ("科学技术{t}", "科"), ("工业和信息化{t}", "工信"),
    ("民政{t}", "民"), ("司法{t}", "司"), ("财政{t}", "财"), ("人力资源和社会保障{t}", "人社"),
    ("自然资源{t}", "自然资"), ("生态环境{t}", "环"), ("住房和城乡建设{t}", "建"), ("交通运输{t}", "交"),
    ("水利{t}", "水"), ("农业农村{t}", "农"), ("商务{t}", "商务"), ("文化和旅游{t}", "文旅"),
    ("卫生健康委员会", "卫健"), ("应急管理{t}", "应急"), ("市场监督管理局", "市监"), ("医疗保障局", "医保"),
]


def dept(owner: Owner, rng: random.Random) -> tuple[str, str]:
    """(full department name, 文号 stem) for the owner."""
    name, stem = rng.choice(DEPTS)
    return owner.place + name.format(t="厅" if owner.level == "province" else "局"), stem
