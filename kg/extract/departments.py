"""The department catalogue (``kg/data/departments.tsv``): standard names and short forms.

One body is one entity whether written in full, by a short form or relatively: 市卫健委 and
市卫生健康委员会 are both 卫生健康委员会 of the city; 人力社保局 is 人力资源和社会保障局.
National bodies (司法部, 应急管理部, 中央全面依法治国委员会) belong to the state, never to the
place of the report that names them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Department:
    """A catalogue entry: the standard name and whether it is national, local or party."""

    name: str
    scope: str  # national | local | party


@dataclass(frozen=True)
class DepartmentCatalogue:
    """Standard names by every accepted spelling (the standard name and its short forms)."""

    by_name: dict[str, Department]

    def get(self, name: str) -> Department | None:
        """The department ``name`` spells (in full or short), or ``None``."""
        return self.by_name.get(name)

    def standard(self, name: str) -> str:
        """The standard name of ``name`` (人社局 -> 人力资源和社会保障局), else ``name`` itself."""
        found = self.by_name.get(name)
        return found.name if found else name

    def national(self, name: str) -> Department | None:
        """The national body ``name`` spells (原环境保护部 -> 环境保护部), or ``None``."""
        found = self.by_name.get(name.removeprefix("原"))
        return found if found is not None and found.scope == "national" else None


def parse_catalogue(text: str) -> DepartmentCatalogue:
    """Read the TSV (standard, short forms, scope); ``#`` lines are comments."""
    by_name: dict[str, Department] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        standard, shorts, scope = [*line.split("\t"), "", ""][:3]
        dept = Department(standard, scope or "local")
        for spelling in (standard, *(s for s in shorts.split(",") if s)):
            by_name.setdefault(spelling, dept)
    return DepartmentCatalogue(by_name)


@cache
def load_catalogue() -> DepartmentCatalogue:
    """The catalogue shipped with the package (read once)."""
    text = resources.files("kg.data").joinpath("departments.tsv").read_text("utf-8")
    return parse_catalogue(text)


@cache
def _local_names() -> re.Pattern[str]:
    """Every spelling of a local department, longest first (for :func:`department_after`)."""
    names = [n for n, d in load_catalogue().by_name.items() if d.scope != "national"]
    return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))


def department_after(text: str, pos: int) -> bool:
    """Whether a department's name (卫生健康委, 司法局, 人民政府办公室) starts at ``pos``."""
    return _local_names().match(text, pos) is not None
