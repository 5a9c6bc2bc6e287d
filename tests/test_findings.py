"""The headline findings of notebook 05 on the seeds, pinned: a change that breaks one fails here."""

import pytest

from analysis.findings import (
    AGGRESSION,
    OPERATION,
    compute_measures,
    compute_profile,
    find_key_terms,
    find_tone_gap,
    find_top_speaker,
    find_war_labels,
)


@pytest.fixture(scope="module")
def findings(seeds):
    return {f.__name__: f(seeds) for f in (find_top_speaker, find_war_labels, find_tone_gap,
                                           find_key_terms)}


def test_one_voice_dominates(findings):
    facts = findings["find_top_speaker"].facts
    assert (facts["speaker"], facts["n"], facts["total"], facts["tied"]) == (
        "Jens Stoltenberg", 33, 45, 1)
    assert facts["top_in"] == ["Defence Blog", "Dnipro Today", "DoD News",
                               "German outlet (aggregator)"]
    assert facts["n_outlets_citing"] == 5
    evidence = findings["find_top_speaker"].evidence
    assert (evidence["kind"] == "direct").all() and len(evidence) == 5


def test_only_rbc_narrator_leans_to_operation_labels(findings):
    facts = findings["find_war_labels"].facts
    assert facts["operation"] == ["RBC"]
    assert facts["aggression"] == ["Defence Blog", "Dnipro Today", "German outlet (aggregator)"]
    assert facts["counts"].loc["RBC", [AGGRESSION, OPERATION]].tolist() == [0, 2]
    matched = findings["find_war_labels"].evidence.query("outlet == 'RBC'")["matched"].tolist()
    assert matched == ["crisis", "military operation"]  # one of the two is a false hit


def test_tone_gap_within_chance(findings):
    facts = findings["find_tone_gap"].facts
    assert facts["high"]["outlet"] == "Defence Blog"
    assert facts["low"]["outlet"] == "German outlet (aggregator)"
    assert facts["overlap"] is True
    assert round(facts["high"]["mean"], 4) == 0.2499


def test_key_terms(findings):
    terms = findings["find_key_terms"].facts["terms"]
    assert dict(zip(terms["outlet"], terms["term"], strict=True)) == {
        "Defence Blog": "future", "German outlet (aggregator)": "minister",
        "DoD News": "european", "RBC": "concept", "Dnipro Today": "accession"}
    assert findings["find_key_terms"].facts["handful"] == ["Defence Blog", "RBC"]


def test_measures_and_profile_cover_every_outlet(seeds):
    measures = compute_measures(seeds)
    assert measures.groupby("measure")["outlet"].nunique().eq(5).all()
    assert (measures["low"] <= measures["value"] + 1e-9).all()
    assert (measures["value"] <= measures["high"] + 1e-9).all()
    profile = compute_profile(seeds).set_index("outlet")
    assert profile.loc["RBC", "top speaker"] == "Vladimir Putin"
    assert profile.loc["DoD News", "quoted share"] == "50%"
