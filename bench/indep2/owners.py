"""Gazette owners (province / city / district / a 人大常委会) and legislative calendars.

Place lists come from bench.indep.places; districts (for the traditional-script
template) and the 人大 session arithmetic are new.
"""
from __future__ import annotations

import datetime as dt
import random
import zlib
from dataclasses import dataclass

from bench.indep import cn
from bench.indep.places import CITIES, DEPTS, PROVINCES, person  # noqa: F401

# (district, city, province index, 文号 prefix for the district government)
DISTRICTS = [
    ("天河区", "广州市", 3, "穗天府"), ("福田区", "深圳市", 3, "深福府"), ("香洲区", "珠海市", 3, "珠香府"),
    ("南海区", "佛山市", 3, "南府"), ("思明区", "厦门市", 8, "思政"), ("鼓楼区", "福州市", 8, "鼓政"),
    ("蓬江区", "江门市", 3, "江蓬府"), ("金平区", "汕头市", 3, "汕金府"),
]
# city -> 届 of its 人大 in the 2017-2021 term (invented)
_CITY_TERM = {c: 13 + (i * 7) % 4 for i, (c, _, _) in enumerate(CITIES)}


@dataclass(frozen=True)
class Owner:
    """The body whose gazette this is."""

    level: str           # province | city | district
    place: str           # 浙江省 / 杭州市 / 广州市天河区
    prefix: str          # 文号 prefix
    province: str
    city: str = ""       # for districts: the parent city
    npc_gazette: bool = False   # the gazette is the 人大常委会's, not the government's

    @property
    def gov(self) -> str:
        return f"{self.place}人民政府"

    @property
    def office(self) -> str:
        return self.gov + ("办公室" if self.level == "district" else "办公厅")

    @property
    def short(self) -> str:
        return {"province": "省", "city": "市", "district": "区"}[self.level]

    @property
    def head(self) -> str:
        return {"province": "省长", "city": "市长", "district": "区长"}[self.level]

    @property
    def npc(self) -> str:
        return f"{self.place}人民代表大会常务委员会"

    @property
    def gazette(self) -> str:
        return f"{self.npc}公报" if self.npc_gazette else f"{self.gov}公报"

    @property
    def publisher(self) -> str:
        return f"{self.npc}办公厅" if self.npc_gazette else self.office

    def addressee(self) -> str:
        return {
            "province": "各市人民政府，省政府各部门、各直属机构：",
            "city": "各区、县（市）人民政府，市政府各部门、各直属单位：",
            "district": "各街道办事处，区政府各部门、各直属机构：",
        }[self.level]

    def dept(self, rng: random.Random) -> tuple[str, str]:
        """(department name, 文号 stem)."""
        name, stem = rng.choice(DEPTS)
        t = "厅" if self.level == "province" else "局"
        return self.place + name.format(t=t), stem

    def depts(self, rng: random.Random, n: int) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        while len(out) < n:
            d = self.dept(rng)
            if all(d[0] != o[0] for o in out):
                out.append(d)
        return out


def pick(rng: random.Random, level: str, npc_gazette: bool = False) -> Owner:
    if level == "province":
        p, a, _ = rng.choice(PROVINCES)
        return Owner("province", p, a, p, npc_gazette=npc_gazette)
    if level == "city":
        c, a, pi = rng.choice(CITIES)
        return Owner("city", c, a, PROVINCES[pi][0], npc_gazette=npc_gazette)
    d, c, pi, a = rng.choice(DISTRICTS)
    return Owner("district", c + d, a, PROVINCES[pi][0], city=c)


# -- 人大 calendars -----------------------------------------------------------
def _term(year: int, starts: list[int]) -> tuple[int, int]:
    """(index of the term containing ``year``, its first year)."""
    idx = max(i for i, s in enumerate(starts) if s <= year)
    return idx, starts[idx]


def _sessions(place: str, level: str, year: int) -> list[dt.date]:
    """Meeting days of a standing committee in ``year`` (invented but fixed per place)."""
    months = (2, 4, 6, 8, 10, 12) if level in ("national", "city") else (1, 3, 5, 7, 9, 11)
    out = []
    for mth in months:
        h = zlib.crc32(f"{place}:{year}:{mth}".encode())
        out.append(dt.date(year, mth, 17 + h % 11))
    return out


def session_on_or_before(place: str, level: str, d: dt.date) -> dt.date:
    """The last meeting day of that standing committee not after ``d``."""
    return max(x for y in (d.year - 1, d.year) for x in _sessions(place, level, y) if x <= d)


def session_after(place: str, level: str, d: dt.date) -> dt.date:
    """The first meeting day after ``d``."""
    return min(x for y in (d.year, d.year + 1) for x in _sessions(place, level, y) if x > d)


def national_session(d: dt.date) -> str:
    """第十三届全国人民代表大会常务委员会第二十八次会议 (invented numbering)."""
    i, s = _term(d.year, [2008, 2013, 2018, 2023])
    k = (d.year - s) * 6 + d.month // 2 + 1
    return f"第{cn.num(11 + i)}届全国人民代表大会常务委员会第{cn.num(k)}次会议"


def npc_term(place: str, level: str, year: int) -> int:
    if level == "province":
        return 11 + _term(year, [2008, 2013, 2018, 2023])[0]
    base = _CITY_TERM.get(place, 14)
    return base - 1 + _term(year, [2012, 2017, 2022])[0]


def local_session(place: str, level: str, d: dt.date) -> str:
    """XX市第十六届人民代表大会常务委员会第二十次会议."""
    starts = [2008, 2013, 2018, 2023] if level == "province" else [2012, 2017, 2022]
    _, s = _term(d.year, starts)
    k = (d.year - s) * 6 + (d.month + 1) // 2 + 1
    return f"{place}第{cn.num(npc_term(place, level, d.year))}届人民代表大会常务委员会第{cn.num(k)}次会议"


def npc_ordinal(place: str, level: str, year: int) -> str:
    return f"第{cn.num(npc_term(place, level, year))}届"
