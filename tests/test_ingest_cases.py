"""Every language ingest reads, case by case: each file tests/ingest_cases/<lang>.toml holds sentences composed for
the tests in that language (not copied from any article) and what a careful reader finds in each
(tests/realworld/README.md: a lead is one nation's troops placed in a sector; the status is mapview.data.status's:
a nation's own office stating a placement confirms it, hedged words never do, an outlet relaying it reports it, a
third party never confirms for a nation). This module reads every case of every file.

A case file::

    [context]                  # optional: named neutral sentences a case may be read after
    battery = "…"

    [[case]]
    name = "placement-4"       # unique in its file; the test id is "<lang>-<name>"
    why = "…"                  # what the case shows, in a few words
    context = "battery"        # optional: the article is that sentence, a blank line, then the text
    text = "…"
    leads = [{nation = "Indonesia", sector = "rafah", status = "confirmed"}]
    findings = [{nation = "the force", sector = "rafah", role = "deployment-phase"}]
    no = "lead naming a nation"          # or a list of such phrases
    xfail = "what the rules do not read yet"   # optional: a strict xfail (a fix shows up as a failure)

A case asserts every expectation it has (at least one):

- ``leads``: the article's leads are exactly these, compared on the fields the entries give (nation, sector and
  status; every entry gives the same fields). A list of statuses accepts any of them.
- ``findings``: every finding (any role) is exactly one of these, compared on the fields the entries give (nation,
  sector, role, status).
- ``no``: nothing the phrase names: ``lead`` or ``finding``, then optionally ``naming a nation`` (only those with a
  nation) or ``naming <Nation>`` (only that nation's), then optionally ``unless <status>`` (all but those with that
  status). "lead unless denied": any lead the sentence gives is a denial.

The nation "the force" is the force as a whole (a finding with no nation).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from mapview.data.claims import STATUSES
from mapview.ingest import langdata
from mapview.ingest.extract import Finding, extract_all
from mapview.ingest.gazetteer import Gazetteer

CASES_DIR = Path(__file__).parent / "ingest_cases"
FIELDS = ("nation", "sector", "role", "status")
FORCE = "the force"
NO = re.compile(r"(?P<what>lead|finding)(?: naming (?P<naming>a nation|[A-Z][\w ]*?))?(?: unless (?P<unless>\w+))?")
CASE_KEYS = {"name", "why", "context", "text", "leads", "findings", "no", "xfail"}

Entry = dict[str, str | list[str]]


@dataclass(frozen=True)
class Case:
    """One sentence of a case file and what a reader finds in it."""

    lang: str
    name: str
    why: str
    text: str
    context: str  # the context sentence itself ("" for none)
    leads: tuple[Entry, ...] | None
    findings: tuple[Entry, ...] | None
    no: tuple[str, ...]
    xfail: str | None

    @property
    def id(self) -> str:
        """The test id: language and case name."""
        return f"{self.lang}-{self.name}"

    @property
    def article(self) -> str:
        """The text ingest reads: the context sentence (if any), a blank line, the case's sentence."""
        return f"{self.context}\n\n{self.text}" if self.context else self.text


def _entries(where: str, raw: object, fields: tuple[str, ...]) -> tuple[Entry, ...]:
    if not isinstance(raw, list) or not raw or not all(isinstance(e, dict) for e in raw):
        raise ValueError(f"{where}: a non-empty list of {{nation = …, sector = …}} entries")
    keys = set(raw[0])
    for entry in raw:
        if set(entry) != keys or not {"nation", "sector"} <= keys or not keys <= set(fields):
            raise ValueError(f"{where}: every entry gives nation, sector and the same fields of {fields}")
        statuses = entry.get("status", [])
        if not set([statuses] if isinstance(statuses, str) else statuses) <= set(STATUSES):
            raise ValueError(f"{where}: a status is one of {STATUSES}")
    return tuple(raw)


def load_case_file(path: Path) -> list[Case]:
    """The cases of one file; a malformed case is an error naming the file and the case."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    contexts: dict[str, str] = data.get("context", {})
    cases, names = [], set()
    for raw in data.get("case", []):
        where = f"{path.name}: case {raw.get('name')!r}"
        if set(raw) - CASE_KEYS:
            raise ValueError(f"{where}: unknown keys {sorted(set(raw) - CASE_KEYS)}")
        if not raw.get("name") or raw["name"] in names or not raw.get("why") or not raw.get("text"):
            raise ValueError(f"{where}: a name unique in the file, a why and a text")
        names.add(raw["name"])
        if raw.get("context", "") and raw["context"] not in contexts:
            raise ValueError(f"{where}: no context named {raw['context']!r}")
        no = raw.get("no", [])
        no = (no,) if isinstance(no, str) else tuple(no)
        if bad := [p for p in no if not NO.fullmatch(p)]:
            raise ValueError(f"{where}: {bad} is not 'lead' or 'finding' [naming …] [unless <status>]")
        leads = _entries(where + " leads", raw["leads"], ("nation", "sector", "status")) if "leads" in raw else None
        findings = _entries(where + " findings", raw["findings"], FIELDS) if "findings" in raw else None
        if leads is None and findings is None and not no:
            raise ValueError(f"{where}: no expectation (leads, findings or no)")
        cases.append(Case(path.stem, raw["name"], raw["why"], raw["text"], contexts.get(raw.get("context", ""), ""),
                          leads, findings, no, raw.get("xfail")))
    return cases


CASES = [case for path in sorted(CASES_DIR.glob("*.toml")) for case in load_case_file(path)]


def _value(finding: Finding, field: str) -> str:
    value = getattr(finding, field)
    return FORCE if value is None else value


def _fits(finding: Finding, entry: Entry) -> bool:
    return all(_value(finding, field) in ([want] if isinstance(want, str) else want) for field, want in entry.items())


def _shown(entry: Entry) -> str:
    return " · ".join(want if isinstance(want, str) else " or ".join(want) for want in entry.values())


def _shown_finding(finding: Finding, fields: tuple[str, ...] = FIELDS) -> str:
    return " · ".join(_value(finding, field) for field in fields)


def _exactly(what: str, found: list[Finding], entries: tuple[Entry, ...]) -> list[str]:
    """What differs between the findings and the entries: each finding fits an entry, each entry is found."""
    fields = tuple(entries[0])
    extra = sorted({_shown_finding(f, fields) for f in found if not any(_fits(f, e) for e in entries)})
    missing = [_shown(e) for e in entries if not any(_fits(f, e) for f in found)]
    return [*(f"{what} not expected: {item}" for item in extra), *(f"{what} expected, not found: {item}"
                                                                   for item in missing)]


def _named_by(phrase: str, findings: list[Finding]) -> list[Finding]:
    """The findings a "no" phrase says there are none of."""
    match = NO.fullmatch(phrase)
    assert match is not None
    named = [f for f in findings if match["what"] == "finding" or f.role == "lead"]
    if match["naming"] == "a nation":
        named = [f for f in named if f.nation is not None]
    elif match["naming"]:
        named = [f for f in named if f.nation == match["naming"]]
    return [f for f in named if f.status != match["unless"]] if match["unless"] else named


def problems(case: Case, findings: list[Finding]) -> list[str]:
    """Every way the findings differ from what the case expects (none: the case holds)."""
    out = []
    if case.leads is not None:
        out += _exactly("lead", [f for f in findings if f.role == "lead"], case.leads)
    if case.findings is not None:
        out += _exactly("finding", findings, case.findings)
    for phrase in case.no:
        out += [f"expected no {phrase}, found: {_shown_finding(f)}" for f in _named_by(phrase, findings)]
    return out


def _report(case: Case, findings: list[Finding], found_problems: list[str]) -> str:
    lines = [f"{case.id} ({CASES_DIR.name}/{case.lang}.toml): {case.why}", f"  text: {case.text}"]
    if case.context:
        lines.append(f"  read after the context: {case.context}")
    lines += [f"  {problem}" for problem in found_problems]
    lines.append("  every finding (nation · sector · role · status): "
                 + ("; ".join(_shown_finding(f) for f in findings) or "none"))
    return "\n".join(lines)


@pytest.mark.parametrize("case", [
    pytest.param(case, id=case.id, marks=[pytest.mark.xfail(strict=True, reason=case.xfail)] if case.xfail else [])
    for case in CASES])
def test_the_case_reads_as_a_careful_reader_does(gaz: Gazetteer, case: Case) -> None:
    findings = extract_all(case.article, gaz).findings
    found_problems = problems(case, findings)
    assert not found_problems, _report(case, findings, found_problems)


def test_every_language_ingest_reads_has_a_case_file_with_a_placement_and_a_trap() -> None:
    # the languages (en, ar, he, tr, id, ms, sq, sr, bs, fr, de, ru, es, it, ur, az, kk) and every other
    # language file: adding a language is adding its file and its cases
    languages = set(langdata.languages())
    assert {case.lang for case in CASES} == languages
    assert {case.lang for case in CASES if case.leads or case.findings} == languages, "a case placing a nation"
    assert {case.lang for case in CASES if case.no} == languages, "a case placing no one"


@pytest.mark.parametrize("lang", sorted({case.lang for case in CASES}))
def test_each_case_files_sentences_are_told_its_language_and_read(lang: str) -> None:
    article = " ".join(case.text for case in CASES if case.lang == lang) * 3  # long enough to tell its language
    language = langdata.detect_language(article)
    assert language.read and language.code in (lang, None), (lang, language)  # None: too short to tell, read


def test_a_case_file_error_names_the_file_and_the_case(tmp_path: Path) -> None:
    path = tmp_path / "xx.toml"
    path.write_text('[[case]]\nname = "a"\nwhy = "w"\ntext = "t"\nno = "lead naming"\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"xx\.toml: case 'a'"):
        load_case_file(path)
    path.write_text('[[case]]\nname = "a"\nwhy = "w"\ntext = "t"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="no expectation"):
        load_case_file(path)


def test_a_case_that_does_not_hold_says_what_differs() -> None:
    from mapview.data.status import Attribution

    case = Case("xx", "a", "why", "text", "", ({"nation": "Indonesia", "sector": "rafah", "status": "confirmed"},),
                None, ("finding naming Egypt",), None)
    said = Attribution(said_by="media", manner="stated")
    found = [Finding("Indonesia", "rafah", "lead", said, 0, 4), Finding("Egypt", "rafah", "lead", said, 0, 4)]
    assert problems(case, found) == [
        "lead not expected: Egypt · rafah · reported", "lead not expected: Indonesia · rafah · reported",
        "lead expected, not found: Indonesia · rafah · confirmed",
        "expected no finding naming Egypt, found: Egypt · rafah · lead · reported"]
