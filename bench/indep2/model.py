"""Printed paragraphs, composed documents and the kind vocabulary."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# kind_detail -> kind (the 5-value vocabulary of the truth schema)
KIND = {
    "law": "regulation",
    "local_regulation": "regulation",
    "decision": "regulation",
    "rule": "regulation",
    "rule_no_order": "regulation",
    "normative": "normative",
    "normative_no_number": "normative",
    "judicial_interpretation": "normative",
    "reply": "normative",  # 批复/复函/函 carry a 文号 here: normative (issue 9), set by the project after the set was written
    "notice_announcement": "other",
    "interpretation": "interpretation",
    "personnel": "personnel",
}
DETAILS = tuple(KIND)


@dataclass
class Para:
    """One printed paragraph (joined text) and its style role."""

    text: str
    role: str
    split_digits: bool = False          # the line breaker may cut inside digit runs
    cuts: tuple[int, ...] = ()          # forced line breaks (offsets into text)


@dataclass
class Doc:
    """A composed document: what is printed plus its truth metadata."""

    detail: str
    title: str
    doc_number: str | None
    issuer: str | None
    signed: dt.date | None
    effective: dt.date | None
    section: str                        # section key of the template
    paras: list[Para] = field(default_factory=list)
    break_before: bool = False          # must open a fresh page
    plan: int | None = None
    traps: list[str] = field(default_factory=list)   # wrap traps that really landed at a line start
    variant: str = ""                   # short note of the printed variant (README statistics)

    @property
    def kind(self) -> str:
        return KIND[self.detail]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras)
