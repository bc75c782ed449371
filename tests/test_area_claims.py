"""One site between two sectors (a claim's ``area``): listed with both sectors, colouring neither."""

from __future__ import annotations

import json

from mapview import wording
from mapview.data.assignments import derive
from mapview.data.project import load_project
from mapview.outline import claim_lines


def _with_area_claim(paths, area):
    doc = json.loads(paths.claims.read_text(encoding="utf-8"))
    base = next(c for c in doc["claims"] if c.get("sector") == "rafah")
    site = dict(base, id="egypt-site-between", nation="Egypt", role="lead", sector=area[0], area=area)
    doc["claims"].append(site)
    paths.claims.write_text(json.dumps(doc), encoding="utf-8")
    return load_project(paths)


def test_site_between_two_sectors_is_listed_with_both_and_colours_neither(data_copy):
    before = derive(load_project(data_copy).sectors.sectors, load_project(data_copy).claims).by_id()
    project = _with_area_claim(data_copy, ["rafah", "khan-yunis"])
    site = project.claims.by_id()["egypt-site-between"]
    assert site.area == ["rafah", "khan-yunis"] and not site.broken
    view = derive(project.sectors.sectors, project.claims)
    by_id = view.by_id()
    for sector in ("rafah", "khan-yunis"):
        assert site in by_id[sector].claims  # both evidence panels list it
        assert by_id[sector].lead == before[sector].lead  # no colour from a passage that is not IN the sector
    assert view.sites == [site]
    assert [c.id for c in view.listed_claims].count(site.id) == 1
    names = {v.sector.id: v.sector.name for v in view.sectors}
    text = "\n".join(t for _s, t in claim_lines(site, names))
    assert "between Rafah and Khan Yunis" in text
    assert "Rafah and Khan Yunis" in wording.claim_heading(site, names)


def test_area_of_sectors_that_share_no_edge_is_broken(data_copy):
    project = _with_area_claim(data_copy, ["rafah", "gaza-city"])
    site = project.claims.by_id()["egypt-site-between"]
    assert site.broken
    assert any("share no edge" in p.message for p in project.problems)
