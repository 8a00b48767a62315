"""The author of a report: its organs, place, the line that decided it and how sure we are.

The ingest stage gives the author's names as written (title before 关于, signature block, an
organ line at the top, a web byline, or the title itself); here they are read against the
gazetteer.  A name is a place path followed by what the place's organ is called:

* nothing, 人民政府, 政府, 办事处 (a 街道's organ) -> the people's government;
* 委, 党委, 委员会 after 中共 -> the party committee; 人大常委会, 政协, 人民法院 … -> those organs;
* anything else (司法局, 人民政府办公室, 委政法委员会 …) -> a department of that place, an
  institution under its government (XX市司法局关于2023年法治政府建设情况的报告).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.ingest.metadata import AuthorClue, author_clues
from kg.model import Document, Entity
from kg.resolve.context import DocumentContext, Resources
from kg.resolve.gazetteer import Division, Gazetteer
from kg.resolve.institutions import institution_entity, nearest_of_level

# What follows a place name when the organ is one of the place's own organs (longest first).
_ORGAN_REST: tuple[tuple[str, str], ...] = (
    ("人民代表大会常务委员会", "congress"),
    ("街道办事处", "government"),
    ("人大常委会", "congress"),
    ("人民检察院", "procuratorate"),
    ("人民政府", "government"),
    ("人民法院", "court"),
    ("委员会", "party"),
    ("办事处", "government"),
    ("检察院", "procuratorate"),
    ("政府", "government"),
    ("政协", "cppcc"),
    ("党委", "party"),
    ("党工委", "party"),
    ("法院", "court"),
    ("人大", "congress"),
    ("委", "party"),
    ("", "government"),
)
_ORGAN_OF = dict(_ORGAN_REST)
_LEVEL_CHARS = "省市区县州盟旗镇乡"
_LONGEST_UNIT = 18  # 人力资源和社会保障局 is 10; 委全面依法治县委员会办公室 is 13
_NOT_A_NAME = re.compile(r"[,，。;；:：、]|坚持|深入|认真|全面|始终|以习近平|在")

# How much each kind of evidence is trusted on its own.
BASE_CONFIDENCE = {
    "title": 0.95,
    "signature": 0.95,
    "opening": 0.9,
    "byline": 0.8,
    "title-place": 0.7,
    "opening-place": 0.5,
}
_STRONG = ("title", "signature", "opening")
_OWN = re.compile(r"(?:我|本)(省|市|区|县|旗|州|盟|镇|乡|街道)(?![委长级直属])")
_PLACE_RUN = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:自治州|自治县|省|市|县|区|州|盟|旗)")


@dataclass(frozen=True)
class AuthorOrgan:
    """One organ credited with a report.

    ``organ`` is one of government, party, congress, cppcc, court, procuratorate, or ``unit``
    for a department, whose full name (固安县司法局) is ``unit``.
    """

    division: Division
    organ: str = "government"
    unit: str = ""


@dataclass(frozen=True)
class Authorship:
    """Who wrote a report, which line said so, and how sure the reading is (0..1)."""

    organs: tuple[AuthorOrgan, ...] = ()
    evidence: str = ""
    line: str = ""
    confidence: float | None = None

    @property
    def division(self) -> Division | None:
        """The author's place."""
        return self.organs[0].division if self.organs else None


def _consumed(text: str, path: Sequence[Division], gz: Gazetteer) -> int:
    """How many characters of ``text`` the place names of ``path`` take up."""
    pos = 0
    for d in path:
        names = sorted({d.name, *gz.short_names(d)}, key=len, reverse=True)
        best = None
        for n in names:
            i = text.find(n, pos)
            if i >= 0 and (best is None or i < best[0] or (i == best[0] and len(n) > best[1])):
                best = (i, len(n))
        if best is None:
            break
        pos = best[0] + best[1]
    return pos


def read_organ(
    name: str, gz: Gazetteer, year: int | None, context: Sequence[str] = ()
) -> AuthorOrgan | None:
    """``中共无极县委`` -> party of 无极县; ``XX市司法局`` -> the unit XX市司法局 of XX市."""
    name = re.sub(r"\s+", "", name)
    party = name.startswith(("中共", "中国共产党"))
    body = name.removeprefix("中国共产党").removeprefix("中共")
    path = gz.parse_path(body, year, context)
    if not path:
        return None
    div = path[-1]
    rest = body[_consumed(body, path, gz) :]
    # 大盛镇镇人民政府, 无极县委 read as 无极 + 县委: drop the repeated level character
    if rest[:1] in _LEVEL_CHARS and rest[:1] == div.name[-1] and rest[1:] in _ORGAN_OF:
        rest = rest[1:]
    # 北京市朝阳区人民政府三里屯街道办事处: the 街道 office of the district government is
    # the organ of the 街道 itself (likewise a 镇 named after its county's government).
    for word in ("人民政府", "政府"):
        inner_name = rest.removeprefix(word)
        if inner_name != rest and inner_name:
            chain = tuple(d.code for d in gz.chain(div.code, year))
            inner = read_organ(inner_name, gz, year, chain)
            if inner is not None and div.code in {
                d.code for d in gz.chain(inner.division.code, year)[1:]
            }:
                return inner
    if rest in _ORGAN_OF:
        organ = _ORGAN_OF[rest]
        if party and organ in ("government", "party"):
            organ = "party"
        return AuthorOrgan(div, organ)
    if rest[:1] == div.name[-1] and rest[:1] in _LEVEL_CHARS:
        rest = rest[1:]
    if len(rest) > _LONGEST_UNIT or _NOT_A_NAME.search(rest):
        return None  # a sentence that begins with a place (吉林省人民政府坚持以…), not a name
    return AuthorOrgan(div, "unit", ("中共" if party else "") + div.name + rest)


# A department's name at the head of a title or of the first sentence: the words up to a
# department suffix, followed by what such a title or sentence goes on with.
_DEPARTMENT = re.compile(
    r"((?:(?![在的和与及])[\u4e00-\u9fff]){2,24}?(?:局|厅|委员会|委|办公室|办公厅))"
    r"(?=\d{4}|（|\(|法治|依法|关于|年度|工作|坚持|深入|认真|全面|始终|紧紧|围绕|以|在|按照|"
    r"积极|持续|不断|聚焦|紧扣|高度|切实|牢固)"
)


def _read_place(title: str, gz: Gazetteer, year: int | None) -> AuthorOrgan | None:
    """A department a title starts with (2024年青浦区司法局法治政府建设…), or else the most
    specific place the title names, as its people's government."""
    text = re.sub(r"\s+", "", title)
    head = re.sub(r"^(?:19|20)\d{2}年度?", "", text)
    m = _DEPARTMENT.match(head)
    if m:
        organ = read_organ(m.group(1), gz, year)
        if organ is not None and organ.organ == "unit":
            return organ
    path = gz.parse_path(text, year)
    return AuthorOrgan(path[-1]) if path else None


def document_places(text: str, gz: Gazetteer) -> tuple[str, ...]:
    """Place names in the opening and closing of ``text``, to tell homonymous towns apart."""
    out: list[str] = []
    for chunk in (text[:3000], text[-800:]):
        for m in _PLACE_RUN.finditer(chunk):
            run = m.group()
            for k in range(len(run) - 2, -1, -1):  # the name may start anywhere in the run
                if gz.lookup(run[k:]) or gz.lookup(run[k:], None):
                    out.append(run[k:])
                    break
    return tuple(dict.fromkeys(out))


def _read_clue(
    clue: AuthorClue, gz: Gazetteer, year: int | None, places: Sequence[str]
) -> tuple[AuthorOrgan, ...]:
    """The organs a clue names (joint reports name two organs of one place)."""
    found: list[AuthorOrgan] = []
    context: tuple[str, ...] = ()
    for name in clue.names:
        if clue.evidence == "title-place":
            organ = _read_place(name, gz, year)
        else:
            organ = read_organ(name, gz, year, context or tuple(places))
        if organ is None:
            continue
        found.append(organ)
        context = tuple(d.code for d in gz.chain(organ.division.code, year))
    return tuple(found)


def _related(a: Division, b: Division, gz: Gazetteer, year: int | None) -> bool:
    """Whether one division lies on the other's chain (or they are the same)."""
    return any(d.code == b.code for d in gz.chain(a.code, year)) or any(
        d.code == a.code for d in gz.chain(b.code, year)
    )


def _own_level(text: str) -> str:
    """The level word the report uses for itself (我县/本镇 -> 县/镇), if it says so twice."""
    counts: dict[str, int] = {}
    for m in _OWN.finditer(text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    best = max(counts, key=lambda k: counts[k], default="")
    return best if counts.get(best, 0) >= 2 else ""


def _clues(doc: Document) -> list[AuthorClue]:
    """The ingest stage's best clue first, then every clue the text itself gives."""
    meta = doc.meta
    clues = author_clues(meta.title, doc.text, doc.text)
    if meta.author_names:
        first = AuthorClue(meta.author_names, meta.author_evidence, meta.author_line)
        clues = [first, *(c for c in clues if c.evidence != first.evidence)]
    return clues


def resolve_authorship(doc: Document, res: Resources) -> Authorship:
    """The organs that wrote ``doc``, the evidence that decided it, and a confidence.

    The first clue (title, signature, opening line, byline, title place) that resolves wins;
    the confidence starts from how much that kind of line is trusted, rises when another
    clue names the same place and falls when a strong clue names an unrelated place or when
    the report's self-reference (我县/我镇) does not fit the author's level.
    """
    gz, year = res.gazetteer, doc.meta.year
    places = document_places(doc.text, gz)
    readings = [(c, _read_clue(c, gz, year, places)) for c in _clues(doc)]
    readings = [(c, organs) for c, organs in readings if organs]
    if not readings:
        return _opening_place(doc, res)
    (clue, organs), others = readings[0], readings[1:]
    div = organs[0].division
    conf = BASE_CONFIDENCE.get(clue.evidence, 0.5)
    for other, o_organs in others:
        o_div = o_organs[0].division
        if o_div.code == div.code:
            conf += 0.04
        elif other.evidence in _STRONG and not _related(div, o_div, gz, year):
            conf -= 0.25
    own = _own_level(doc.text)
    if own and not div.name.endswith(own) and organs[0].organ != "unit":
        conf -= 0.1
    if doc.text.count(div.name) >= 3:  # the text keeps naming the place
        conf += 0.03
    return Authorship(organs, clue.evidence, clue.line, round(max(0.05, min(0.99, conf)), 2))


def _opening_place(doc: Document, res: Resources) -> Authorship:
    """Last resort: the first place of the report's own level named in its opening."""
    head = doc.text[:600]
    year, level = doc.meta.year, doc.meta.self_level
    for m in re.finditer(r"[\u4e00-\u9fff]{2,12}?(?:县|区|市|镇|乡|街道)", head):
        path = res.gazetteer.parse_path(m.group(), year)
        if path and (not level or path[-1].name.endswith(level)):
            line = next((ln for ln in head.splitlines() if m.group() in ln), m.group())
            conf = BASE_CONFIDENCE["opening-place"]
            # 巫山县司法局坚持…: the subject is the place's department, not its government.
            unit = _DEPARTMENT.match(head, m.start())
            organ = read_organ(unit.group(1), res.gazetteer, year) if unit else None
            if organ is not None and organ.organ == "unit":
                return Authorship((organ,), "opening-place", line.strip(), conf)
            return Authorship((AuthorOrgan(path[-1]),), "opening-place", line.strip(), conf)
    return Authorship()


def resolve_author(doc: Document, res: Resources) -> tuple[tuple[tuple[Division, str], ...], str]:
    """The author organs ``((division, organ), …)`` of ``doc`` and the evidence used."""
    a = resolve_authorship(doc, res)
    return tuple((o.division, o.organ) for o in a.organs), a.evidence


def addressee_organs(
    doc: Document, res: Resources, context: tuple[str, ...]
) -> list[tuple[Division, str]]:
    """The organs a report is addressed to (中共石家庄市委、石家庄市人民政府：, 区委、区政府：)."""
    gz, year = res.gazetteer, doc.meta.year
    author = gz.get(context[0], year) if context else None
    out: list[tuple[Division, str]] = []
    for name in doc.meta.addressees:
        bare = name.removeprefix("中共")
        if author is not None and bare[:1] in _LEVEL_CHARS and bare[1:] in _ORGAN_OF:
            # 区委、区政府 in a town's report: the author's own superiors, read on its chain
            chain = gz.chain(author.code, year)[1:]
            target = nearest_of_level(chain[0], bare[0], gz, year) if chain else None
            if target is not None:
                party = name.startswith("中共") or _ORGAN_OF[bare[1:]] == "party"
                out.append((target, "party" if party else _ORGAN_OF[bare[1:]]))
            continue
        organ = read_organ(name, gz, year, context)
        if organ is not None and organ.organ != "unit":
            out.append((organ.division, organ.organ))
    return out


def author_entity(organ: AuthorOrgan, ctx: DocumentContext) -> Entity:
    """The entity of one author organ, registered with its parents and place."""
    if organ.organ != "unit":
        return ctx.keep_government(organ.division, organ.organ)
    ctx.keep_government(organ.division, "government")
    party = organ.unit.startswith("中共")
    if party:
        ctx.keep_government(organ.division, "party")
    return ctx.keep(institution_entity(organ.unit, organ.division, party=party))
