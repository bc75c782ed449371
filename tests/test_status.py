"""Status follows from recorded facts: the rules of mapview/data/status.py, and the curated claims under them.

Expected statuses are judged from the seed sentences quoted here, not taken from the code's output.
"""

from __future__ import annotations

import itertools

from mapview.data.status import MANNERS, SAID_BY, Attribution, derive_status


def test_each_passage_rule() -> None:
    assert Attribution("nation-official", "stated").status == "confirmed"
    assert Attribution("force-official", "stated").status == "confirmed"
    for who in ("other-government", "official", "unnamed-officials", "media", "analyst", "maps"):
        assert Attribution(who, "stated").status == "reported"
    # an office whose nation is not said is not the nation's own: its denial does not beat a statement either
    basis = derive_status([Attribution("media", "stated"), Attribution("official", "denied")], ["a", "b"], "x")
    assert basis.status == "reported" and basis.disputed
    for who in SAID_BY:
        assert Attribution(who, "hedged").status == "speculative"
        assert Attribution(who, "denied").status == "denied"


def test_hedged_words_never_become_confirmed_however_many_sources() -> None:
    for who in itertools.combinations_with_replacement(SAID_BY, 3):
        basis = derive_status([Attribution(w, "hedged") for w in who], ["a", "b", "c"], "reported")
        assert basis.status == "speculative" and basis.independent_sources == 3


def test_claim_rules_strongest_support_official_denial_and_unrecorded() -> None:
    media, official = Attribution("media", "stated"), Attribution("nation-official", "stated")
    denial = Attribution("nation-official", "denied")
    assert derive_status([media, Attribution("analyst", "hedged")], ["a", "a"], "x").status == "reported"
    assert derive_status([media, official], ["a", "b"], "x").status == "confirmed"
    assert derive_status([media, denial], ["a", "b"], "x").status == "denied"  # denied by the nation, unconfirmed
    assert derive_status([official, denial], ["a", "b"], "x").status == "confirmed"
    assert derive_status([Attribution("media", "denied")], ["a"], "x").status == "denied"
    legacy = derive_status([None, media], ["a", "b"], "speculative")
    assert legacy.status == "reported" and not legacy.recorded
    assert all(m in MANNERS for m in ("stated", "hedged", "denied"))


def test_the_seeds_leads_are_hedged_single_source_and_the_rest_follow_the_text(project) -> None:
    claims = project.claims.by_id()
    kosovo = claims["kosovo-lead-north-gaza"]
    # "Kosovo may assume …", maps "suggesting that Kosovo could be responsible", Prishtina "has not yet confirmed",
    # "likely commanded by a brigadier general" (Lulzim Peci): every passage hedged, all in article 000
    assert {e.attribution.manner for e in kosovo.evidence} == {"hedged"}
    assert kosovo.status == "speculative" and kosovo.basis.independent_sources == 1
    assert "Lulzim Peci" in kosovo.figures["sector_commander_rank"]
    assert claims["albania-lead-deir-al-balah"].status == "speculative"  # "may be responsible"
    # the commander's ranks are the articles' own wording, not official statements, and they disagree
    assert claims["usa-command-general"].status == claims["usa-command-major-general"].status == "reported"
    # Morocco's troops rest on the same commander's statement that confirms Kosovo's and Albania's
    for nation in ("kosovo", "albania", "morocco"):
        assert claims[f"{nation}-troops"].status == "confirmed"
        assert any(e.attribution.said_by == "force-official" for e in claims[f"{nation}-troops"].evidence)
    # France's gendarmes and the 3,000 trainees are for PA police after the ISF: not ISF roles
    view = project.view()
    assert {c.id for c in view.related} >= {"france-police-training", "eu-police-training"}
    assert not {"france-police-training", "eu-police-training"} & {c.id for c in view.force}
    # Indonesia's mandate, anchored: "would not participate in combat operations"
    mandate = claims["indonesia-humanitarian-mandate"]
    assert any("would not participate in combat operations" in e.text for e in mandate.evidence)
    # different wordings are different figures
    assert claims["force-size-around-20000-soldiers"].figures["approximation"] == "around"
    assert claims["force-size-up-to-20000-long-term"].figures["bound"] == "up to"
    assert claims["indonesia-about-8000-troops"].figures["approximation"] == "about"
    assert claims["indonesia-up-to-8000-personnel"].figures["bound"] == "up to"
    # the claims that were missing
    for claim_id, words in [("un-resolution-2803", "UN Security Council Resolution 2803"),
                            ("isf-only-armed-force", "the only armed force in the Gaza Strip"),
                            ("hamas-rejects", "strongly rejected the proposed political arrangements"),
                            ("eu-border-monitoring", "border-monitoring mission")]:
        assert any(words in e.text for e in claims[claim_id].evidence), claim_id
    assert any("Rubio" in e.text for e in claims["kosovo-troops"].evidence)
    assert any("remain under discussion" in e.text for e in claims["kazakhstan-troops"].evidence)


def test_hedges_beat_attribution_and_a_third_party_never_confirms_for_a_nation() -> None:
    for who in SAID_BY:  # "Kosovo's defence minister said Kosovo is expected to lead …": speculative
        assert derive_status([Attribution(who, "hedged")], ["a"], "confirmed").status == "speculative"
    # "officially confirmed by Israel's government" about Turkey's sector: another government, reported
    assert derive_status([Attribution("other-government", "stated")], ["a"], "x").status == "reported"


def test_the_nations_own_denial_beats_the_force_commanders_confirmation() -> None:
    commander = Attribution("force-official", "stated", "Jasper Jeffers")
    minister = Attribution("nation-official", "denied", "Kosovo's defence minister")
    basis = derive_status([commander, minister], ["a", "b"], "x")
    assert basis.status == "denied" and basis.disputed
    # the nation's own statement keeps it (its officials disagree with each other: disputed, not denied)
    own = derive_status([Attribution("nation-official", "stated"), minister], ["a", "b"], "x")
    assert own.status == "confirmed" and own.disputed
    # a third party's denial does not deny for the nation, but the sources disagree
    third = derive_status([Attribution("nation-official", "stated"), Attribution("other-government", "denied")],
                          ["a", "b"], "x")
    assert third.status == "confirmed" and third.disputed
    # for a force-wide claim, the force's own officials are the ones whose denial counts
    force = derive_status([Attribution("media", "stated"), Attribution("force-official", "denied")], ["a", "b"],
                          "x", force_wide=True)
    assert force.status == "denied"


def test_a_status_the_rules_do_not_give_needs_a_reason() -> None:
    media = [Attribution("media", "stated")]
    assert derive_status(media, ["a"], "confirmed", override="confirmed").status == "reported"
    kept = derive_status(media, ["a"], "confirmed", override="confirmed", reason="the ministry's site says so")
    assert kept.status == "confirmed" and kept.rules_status == "reported" and kept.overridden
    assert kept.to_json()["reason"] == "the ministry's site says so"


def test_a_disputed_lead_makes_its_sector_contested_and_is_listed(data_copy) -> None:
    import json

    from mapview.data.project import load_project

    doc = json.loads(data_copy.claims.read_text(encoding="utf-8"))
    kosovo = next(c for c in doc["claims"] if c["id"] == "kosovo-lead-north-gaza")
    for e in kosovo["evidence"][:1]:
        e.update(said_by="force-official", manner="stated", speaker="the force commander")
    for e in kosovo["evidence"][1:2]:
        e.update(said_by="nation-official", manner="denied", speaker="Kosovo's defence minister")
    data_copy.claims.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    view = load_project(data_copy).view()
    lead = view.by_id()["north-gaza"].lead
    assert lead is not None and lead.contested and lead.candidates == ("Kosovo",)
    assert any("kosovo-lead-north-gaza" in d.claim_ids for d in view.disagreements)


def test_verify_strict_flags_a_stored_status_stronger_than_the_rules_give(data_copy) -> None:
    import json

    from mapview.data.project import load_project

    doc = json.loads(data_copy.claims.read_text(encoding="utf-8"))
    albania = next(c for c in doc["claims"] if c["id"] == "albania-lead-deir-al-balah")
    albania["status"] = "confirmed"
    data_copy.claims.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    project = load_project(data_copy)
    assert project.claims.by_id()["albania-lead-deir-al-balah"].status == "speculative"
    assert any("stronger than its passages give" in p.message and p.severity == "warning" for p in project.problems)
    from mapview.cli import main

    args = ["--seeds", str(data_copy.seeds), "--claims", str(data_copy.claims), "--sectors", str(data_copy.sectors)]
    assert main([*args, "verify", "--strict"]) == 1 and main([*args, "verify"]) == 0
    albania["status_reason"] = "the Albanian ministry's site lists it (not in the seeds)"
    data_copy.claims.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    project = load_project(data_copy)
    claim = project.claims.by_id()["albania-lead-deir-al-balah"]
    assert claim.status == "confirmed" and claim.basis.reason.startswith("the Albanian")
    assert not any("stronger than" in p.message for p in project.problems)


def test_curated_claims_follow_the_rules_the_readme_gives(project) -> None:
    claims = project.claims.by_id()
    # "is expected to include around 20,000 soldiers", "12,000 police officers … are expected to contribute": hedges
    for claim_id in ("force-size-around-20000-soldiers", "police-12000-deployed", "egypt-police", "jordan-police"):
        assert all("expected to" in e.text for e in claims[claim_id].evidence), claim_id
        assert claims[claim_id].status == "speculative", claim_id
    # "Officials stressed that Indonesian forces would not participate in combat": the passage names no one
    stressed = next(e for e in claims["indonesia-humanitarian-mandate"].evidence if e.text.startswith("Officials"))
    assert stressed.attribution.said_by == "unnamed-officials"
    # "we support the objective of training 3,000 … by European forces" is the French minister's, not the EU's
    eu, france = claims["eu-police-training"], claims["france-police-training"]
    assert "trainees" not in eu.figures and not any("3,000" in e.text for e in eu.evidence)
    assert all(e.attribution.said_by == "media" and e.attribution.manner == "hedged" for e in eu.evidence)
    barrot = next(e for e in france.evidence if "objective of training 3,000" in e.text)
    assert barrot.attribution.said_by == "nation-official" and france.figures["trainees_objective"] == 3000
