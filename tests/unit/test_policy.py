from __future__ import annotations

import pytest

import threatsignals as ts
from threatsignals.policy import DEFAULT_WEIGHTS, WEIGHT_REASONS

CONTRACT_CODES = [
    "caller_id_blocked",
    "caller_id_spoof_pattern",
    "caller_id_invalid",
    "caller_id_fictional",
    "caller_id_voip",
    "caller_id_toll_free",
    "caller_id_out_of_area",
    "caller_id_international",
    "caller_id_matches_school",
    "caller_id_emergency_number",
    "attestation_failed",
    "caller_failed_followups",
    "caller_misnamed_local_place",
    "voice_masked",
    "attestation_unverified",
    "caller_hung_up",
    "relay_service",
    "image_recycled",
    "image_matches_credible",
    "image_stock",
    "image_original",
    "image_recent_capture",
    "image_near_school",
    "image_low_detail",
    "image_unreadable",
    "text_recycled",
    "text_matches_credible",
    "text_wave",
    "text_names_school",
    "text_names_place",
    "text_names_person",
    "text_significant_event",
    "text_disruption_goal",
    "text_repost",
    "text_direct_warning",
    "last_resort",
    "diminishing_patience",
    "shrinking_opportunity",
    "legacy_token",
    "stated_time",
    "time_imminent",
    "stated_time_past",
    "source_far_away",
    "source_local",
    "repeated_threats_same_target",
    "during_exam_period",
]

SWATTING_HOAX = [
    c
    for c in CONTRACT_CODES
    if c.startswith(("caller_", "attestation_"))
    or c
    in {
        "voice_masked",
        "relay_service",
        "image_recycled",
        "image_stock",
        "text_recycled",
        "text_wave",
        "text_disruption_goal",
        "text_repost",
        "text_direct_warning",
        "stated_time_past",
        "source_far_away",
        "during_exam_period",
    }
]


def test_every_contract_code_has_a_weight_and_a_reason():
    for code in CONTRACT_CODES:
        assert code in DEFAULT_WEIGHTS, code
        assert WEIGHT_REASONS[code].strip(), code


def test_signs_point_the_documented_way():
    for code in SWATTING_HOAX:
        assert DEFAULT_WEIGHTS[code] < 0, code
    for code in (
        "last_resort",
        "legacy_token",
        "text_names_person",
        "image_near_school",
        "source_local",
        "text_matches_credible",
        "image_matches_credible",
    ):
        assert DEFAULT_WEIGHTS[code] > 0, code


def test_from_toml(tmp_path):
    p = tmp_path / "p.toml"
    p.write_text(
        'name = "district-7"\n[weights]\ncaller_id_blocked = -0.2\n'
        "[bands]\nmoderate = 30.0\nhigh = 60.0\n[windows]\nimminent_hours = 48\n"
        "[thresholds]\nwave_min_schools = 3\n"
    )
    pol = ts.Policy.from_toml(p)
    assert pol.name == "district-7" and pol.weight("caller_id_blocked") == -0.2
    assert pol.weight("voice_masked") == DEFAULT_WEIGHTS["voice_masked"]
    assert (pol.moderate, pol.high, pol.imminent_hours, pol.wave_min_schools) == (
        30.0,
        60.0,
        48,
        3,
    )
    assert pol.level_for(59.9) == "moderate" and pol.level_for(60) == "high"


@pytest.mark.parametrize(
    "text",
    [
        "colour = 1\n",
        "[weights]\nx = nan\n",
        "[weights]\nx = 50\n",
        "[bands]\nmoderate = 70\nhigh = 60\n",
        "[bands]\nwidth = 3\n",
        "prior = -2.0\n",
        "[thresholds]\nwave_min_schools = 0\n",
        "[windows]\nimminent_hours = -1\n",
        "not toml at all = = =",
    ],
)
def test_bad_policies(tmp_path, text):
    p = tmp_path / "p.toml"
    p.write_text(text)
    with pytest.raises(ts.InvalidPolicyError):
        ts.Policy.from_toml(p)


def test_unknown_code_weight_defaults():
    assert ts.Policy().weight("vendor_code", 0.25) == 0.25
    assert ts.Policy().with_weights(vendor_code=0.1).weight("vendor_code") == 0.1


def test_every_code_is_documented():
    from pathlib import Path

    from threatsignals.policy import _extra_weights

    doc = (Path(__file__).resolve().parents[2] / "docs" / "findings.md").read_text()
    for code in [*DEFAULT_WEIGHTS, *_extra_weights()]:
        assert f"`{code}`" in doc, code


def test_policy_errors_never_echo_free_text_keys():
    with pytest.raises(ts.InvalidPolicyError) as info:
        ts.Policy.from_mapping(
            {
                "bands": {"SECRET text": 1},
                "SECRET\nline": 2,
                "weights": {"SECRET code": float("nan")},
            }
        )
    assert "SECRET" not in str(info.value) and "\n" not in str(info.value)
    assert len(info.value.problems) == 2
    with pytest.raises(ts.InvalidPolicyError) as info2:
        ts.Policy.from_mapping({"weights": {"SECRET code": float("nan")}})
    assert "SECRET" not in str(info2.value)


def test_same_evidence_from_mapping():
    p = ts.Policy.from_mapping({"same_evidence": [["a", "b"]]})
    assert p.same_evidence == (frozenset({"a", "b"}),)
    with pytest.raises(ts.InvalidPolicyError):
        ts.Policy.from_mapping({"same_evidence": "a,b"})
